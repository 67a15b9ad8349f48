/* number.h — numbers to text as printf writes them, without printf
 * (number.c). Shared by the library (internal.h includes it) and the
 * command's JSON writer, which print a number or two on every row. */
#ifndef KMGCA_NUMBER_H
#define KMGCA_NUMBER_H

#include <stddef.h>

/* snprintf(buf, size, "%.*g", digits, v), byte for byte, and its return
 * value; most numbers are written without printf, the rest (exponents,
 * values near a half in the last digit, digits above 10) through it. */
int number_g(char *buf, size_t size, double v, int digits);
/* snprintf(buf, size, "%.*f", decimals, v), the same way. */
int number_f(char *buf, size_t size, double v, int decimals);

#endif
