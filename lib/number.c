/* number.c — numbers to text as printf writes them, without printf.
 *
 * A diary row's grams and amounts, and every value of the --json days, are
 * written through "%.4g", "%.1f" or "%.10g"; glibc's printf works those out
 * in multiple precision, a few thousand instructions a number. Here the
 * number is scaled to a whole one and its digits written; when the rounding
 * could go either way (within a thousandth of a half) or the number needs
 * an exponent, printf is asked. The text is the same byte for byte
 * (tests/unit/test_number.c compares the two over 200,000 numbers of every kind).
 */
#include "number.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const double pow10d[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
                                1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13};
static const uint64_t pow10u[] = {1ull, 10ull, 100ull, 1000ull, 10000ull,
                                  100000ull, 1000000ull, 10000000ull, 100000000ull,
                                  1000000000ull, 10000000000ull};

/* s rounded to a whole number when no exact rounding could differ: s is
 * one product away from the exact value (at most 2^-53 of s off), so below
 * 1e12 it is less than 1.2e-4 off, and a fraction farther than 1e-3 from a
 * half rounds the same either way. 0: printf has to say. */
static int round_sure(double s, uint64_t *r)
{
    if (!(s < 1e12))
        return 0;
    double whole = floor(s), frac = s - whole;
    if (fabs(frac - 0.5) < 1e-3)
        return 0;
    *r = (uint64_t)whole + (frac > 0.5);
    return 1;
}

/* text (len bytes) into buf as snprintf puts it; returns len. */
static int put(char *buf, size_t size, const char *text, size_t len)
{
    if (size) {
        size_t n = len < size ? len : size - 1;
        memcpy(buf, text, n);
        buf[n] = '\0';
    }
    return (int)len;
}

/* The last `count` decimal digits of r, leading zeros written. */
static void put_digits(char *out, uint64_t r, int count)
{
    for (int i = count - 1; i >= 0; i--) {
        out[i] = (char)('0' + r % 10);
        r /= 10;
    }
}

int number_f(char *buf, size_t size, double v, int decimals)
{
    uint64_t r;
    if (isfinite(v) && decimals >= 0 && decimals <= 6 &&
        round_sure(fabs(v) * pow10d[decimals], &r)) {
        char t[40];
        size_t n = 0;
        if (signbit(v))
            t[n++] = '-';   /* printf writes -0.0 too */
        uint64_t whole = r / pow10u[decimals];
        int wd = 1;
        for (uint64_t w = whole; w >= 10; w /= 10)
            wd++;
        put_digits(t + n, whole, wd);
        n += (size_t)wd;
        if (decimals) {
            t[n++] = '.';
            put_digits(t + n, r % pow10u[decimals], decimals);
            n += (size_t)decimals;
        }
        return put(buf, size, t, n);
    }
    return snprintf(buf, size, "%.*f", decimals, v);
}

/* %g: the number rounded to `p` significant digits, d[0..p), with the
 * exponent x of its first digit (-4 <= x < p, so no exponent is written),
 * as fixed-point text with the fraction's trailing zeros dropped. */
static size_t g_text(char *t, const char *d, int p, int x)
{
    int keep = p, whole = x >= 0 ? x + 1 : 0;
    while (keep > whole && d[keep - 1] == '0')
        keep--;
    size_t n = 0;
    if (x >= 0) {
        memcpy(t, d, (size_t)whole);
        n = (size_t)whole;
        if (keep > whole)
            t[n++] = '.';
    } else {
        t[n++] = '0';
        t[n++] = '.';
        for (int z = 0; z < -x - 1; z++)
            t[n++] = '0';
    }
    memcpy(t + n, d + whole, (size_t)(keep - whole));
    return n + (size_t)(keep - whole);
}

int number_g(char *buf, size_t size, double v, int digits)
{
    int p = digits == 0 ? 1 : digits;   /* printf reads precision 0 as 1 */
    double a = fabs(v);
    /* 1e-4 and the other powers below 1 are a hair above the real power of
     * ten as doubles, and no double lies in between: the comparisons find
     * the exponent exactly. */
    if (isfinite(v) && p >= 1 && p <= 10 && (a == 0 || (a >= 1e-4 && a < 1e10))) {
        char t[40];
        size_t n = 0;
        if (signbit(v))
            t[n++] = '-';
        if (a == 0) {
            t[n++] = '0';
            return put(buf, size, t, n);
        }
        int x = 0;
        if (a >= 1)
            while (x < 9 && a >= pow10d[x + 1])
                x++;
        else
            x = a >= 0.1 ? -1 : a >= 0.01 ? -2 : a >= 0.001 ? -3 : -4;
        uint64_t r;
        if (x < p && round_sure(a * pow10d[p - 1 - x], &r)) {
            if (r == pow10u[p]) {   /* 9.9996 to 4 digits: 10.00 */
                r = pow10u[p - 1];
                x++;
            }
            if (x < p && r >= pow10u[p - 1] && r < pow10u[p]) {
                char d[16];
                put_digits(d, r, p);
                n += g_text(t + n, d, p, x);
                return put(buf, size, t, n);
            }
        }
    }
    return snprintf(buf, size, "%.*g", digits, v);
}
