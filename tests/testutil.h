/* testutil.h — what every cmocka test here includes. */
#ifndef KMGCA_TESTUTIL_H
#define KMGCA_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "table.h"
#include "kmgca.h"

/* cmocka compares floats as float: doubles get a relative tolerance here. */
#define assert_near(actual, expected, rel)                                                 \
    do {                                                                                   \
        double a_ = (actual), e_ = (expected);                                             \
        if (!(fabs(a_ - e_) <= (rel) * fabs(e_) + 1e-9))                                   \
            fail_msg("%s = %.6g, expected %.6g (within %.3g%%)", #actual, a_, e_,           \
                     (double)(rel) * 100);                                                 \
    } while (0)

/* The food set is built once per test binary: it is read-only for tests. */
static kmgca_foods *shared_foods;

static inline int foods_setup(void **state)
{
    (void)state;
    if (!shared_foods)
        shared_foods = kmgca_foods_new(NULL);
    return shared_foods ? 0 : -1;
}

static inline int foods_teardown(void **state)
{
    (void)state;
    kmgca_foods_free(shared_foods);
    shared_foods = NULL;
    return 0;
}

/* 1 when two foods give the same numbers: Ca, Mg and K per 100 g within 5 %
 * (or within `slack` mg); blank on both sides counts as equal, on one side
 * as different. */
static inline int same_minerals(const kmgca_food *a, const kmgca_food *b, double slack)
{
    static const kmgca_nutrient ns[] = {KMGCA_CA, KMGCA_MG, KMGCA_K};
    for (size_t i = 0; i < 3; i++) {
        double x = kmgca_food_per_100g(a, ns[i]), y = kmgca_food_per_100g(b, ns[i]);
        if (isnan(x) || isnan(y)) {
            if (isnan(x) != isnan(y))
                return 0;
            continue;
        }
        double big = x > y ? x : y, d = fabs(x - y);
        if (d > 0.05 * big + 1e-9 && d > slack)
            return 0;
    }
    return 1;
}

/* A file of text in the temporary folder, $TMPDIR/kmgca-test-NAME; the path
 * holds until the next call. */
static inline const char *temp_csv(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/kmgca-test-%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

#endif
