/* test_number.c — number.c: numbers written without printf, the same text as
 * printf writes. */
#include "testutil.h"

/* number_g and number_f write what snprintf writes, over numbers of every
 * kind: random bits, amounts and sums as the rows and days hold them,
 * halves, powers of ten, the edges of the exponent form, a short buffer. */
static void numbers_as_printf_writes_them(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull;
    char a[64], b[64];
    static const double edges[] = {0.0, -0.0, 0.5, 1.5, 2.5, 1e-4, 9.9995, 99995, 1234.5,
                                   0.00015, 9999.5, 1e10, 9999999999.5, 0.1, 0.001, 1e-5,
                                   NAN, INFINITY, -INFINITY, 28.349523125, 1.0 / 3};
    for (long i = 0; i < 200000 + (long)(sizeof edges / sizeof *edges); i++) {
        double v;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        switch (i < 200000 ? x % 5 : 5) {
        case 0: memcpy(&v, &x, sizeof v); break;
        case 1: v = (double)(x >> 40) / 10.0; break;
        case 2: v = (double)(x >> 44) / 1000.0; break;
        case 3: v = ldexp((double)(x >> 11), -(int)(x % 80)); break;
        case 4: v = (double)(x >> 50) * 0.0005 + 0.00005; break;
        default: v = edges[i - 200000]; break;
        }
        if (x % 7 == 0)
            v = -v;
        for (int p = -1; p <= 11; p++) {
            int n = number_g(a, sizeof a, v, p);
            assert_int_equal(n, snprintf(b, sizeof b, "%.*g", p, v));
            assert_string_equal(a, b);
        }
        for (int d = 0; d <= 7; d++) {
            int n = number_f(a, sizeof a, v, d);
            assert_int_equal(n, snprintf(b, sizeof b, "%.*f", d, v));
            assert_string_equal(a, b);
        }
        assert_int_equal(number_g(a, 4, v, 10), snprintf(b, 4, "%.10g", v));
        assert_string_equal(a, b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_as_printf_writes_them),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
