/* canary.c — one bug of each kind the hardening targets exist to catch:
 *     canary overflow | undefined | leak
 * mk/hardening.mk builds it with the same flags and runs it with the same
 * options as the sanitized tests (and under the same valgrind command), and
 * requires every run to fail and leave a report. A change to the flags or
 * options that would let a report pass unnoticed fails `make check`. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "overflow") == 0) {
        char *p = malloc(8);
        volatile size_t i = 8;
        if (!p)
            return 2;
        memset(p, 'x', 8);
        int c = p[i];   /* one past the end */
        free(p);
        printf("read %d\n", c);
        return 0;
    }
    if (strcmp(what, "undefined") == 0) {
        volatile int big = INT_MAX;
        int v = big + 1; /* signed overflow */
        printf("%d\n", v);
        return 0;
    }
    if (strcmp(what, "leak") == 0) {
        char *volatile p = malloc(64);
        if (p)
            p[0] = 'x';
        p = NULL;       /* the only pointer is gone */
        return 0;
    }
    fprintf(stderr, "usage: canary overflow|undefined|leak\n");
    return 2;
}
