/* test_diary.c — the diary formats by name. */
#include "testutil.h"

static void formats_by_name(void **state)
{
    (void)state;
    for (int f = 0; f < KMGCA_FORMAT_COUNT; f++) {
        kmgca_format back;
        assert_int_equal(kmgca_format_parse(kmgca_format_name((kmgca_format)f), &back), KMGCA_OK);
        assert_int_equal(back, f);
    }
    kmgca_format x;
    assert_int_equal(kmgca_format_parse("excel", &x), KMGCA_ERROR_VALUE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats_by_name),
    };
    return cmocka_run_group_tests_name("diary", tests, NULL, NULL);
}
