/* test_status.c — status messages, errors and their place, nutrient names. */
#include "testutil.h"

static void status_table_in_step(void **state)
{
    (void)state;
    /* Every status has its own message; unknown ones say so. */
    for (int s = 0; s < KMGCA_STATUS_COUNT; s++) {
        const char *m = kmgca_status_string((kmgca_status)s);
        assert_non_null(m);
        assert_string_not_equal(m, "unknown status");
        for (int t = 0; t < s; t++)
            assert_string_not_equal(m, kmgca_status_string((kmgca_status)t));
    }
    assert_string_equal(kmgca_status_string(KMGCA_STATUS_COUNT), "unknown status");
    assert_string_equal(kmgca_status_string((kmgca_status)-1), "unknown status");
}

static void errors_carry_place(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_error_clear(&err);
    assert_int_equal(err.status, KMGCA_OK);
    assert_int_equal(kmgca_fail_at(&err, KMGCA_ERROR_VALUE, "a.csv", 12, 3, "bad %s", "x"),
                     KMGCA_ERROR_VALUE);
    assert_string_equal(err.file, "a.csv");
    assert_int_equal(err.line, 12);
    assert_int_equal(err.column, 3);
    assert_string_equal(err.message, "bad x");
    /* NULL error records are allowed everywhere. */
    assert_int_equal(kmgca_fail(NULL, KMGCA_ERROR_IO, "x"), KMGCA_ERROR_IO);
}

static void error_message_not_cut_inside_utf8(void **state)
{
    (void)state;
    kmgca_error err;
    char long_text[600];
    /* The cut at 511 bytes falls on each byte of a character in turn (it
     * once kept a lead byte whenever it did not fall between two: found by
     * fuzz/fuzz_food_mg.c). */
    for (size_t start = 500; start < 512; start++) {
        memset(long_text, 'a', sizeof long_text);
        strcpy(long_text + start, "菠菜菠菜菠菜");
        kmgca_fail(&err, KMGCA_ERROR_VALUE, "%s", long_text);
        assert_true(utf8_valid(err.message, strlen(err.message)));
        assert_true(strlen(err.message) >= 509);
    }
    /* A quote cut by "%.4s" inside 中 (as lib/profile.c quoted values): the
     * half character goes, the rest of the message stays. */
    kmgca_fail(&err, KMGCA_ERROR_VALUE, "not \"%.4s\" here", "ab中");
    assert_string_equal(err.message, "not \"ab\" here");
}

static void nutrients(void **state)
{
    (void)state;
    kmgca_nutrient n;
    assert_int_equal(kmgca_nutrient_parse("Mg", &n), KMGCA_OK);
    assert_int_equal(n, KMGCA_MG);
    assert_int_equal(kmgca_nutrient_parse(" potassium ", &n), KMGCA_OK);
    assert_int_equal(n, KMGCA_K);
    assert_int_equal(kmgca_nutrient_parse("钙", &n), KMGCA_OK);
    assert_int_equal(n, KMGCA_CA);
    assert_int_equal(kmgca_nutrient_parse("iron", &n), KMGCA_ERROR_VALUE);
    assert_string_equal(kmgca_nutrient_key(KMGCA_NA), "na");
    assert_string_equal(kmgca_nutrient_name(KMGCA_MG), "magnesium");
    assert_string_equal(kmgca_nutrient_symbol(KMGCA_K), "K");
    assert_string_equal(kmgca_nutrient_symbol(KMGCA_CA), "Ca");
    assert_string_equal(kmgca_nutrient_symbol(KMGCA_NUTRIENT_COUNT), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_table_in_step),
        cmocka_unit_test(errors_carry_place),
        cmocka_unit_test(error_message_not_cut_inside_utf8),
        cmocka_unit_test(nutrients),
    };
    return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
