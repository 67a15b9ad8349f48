/* test_index_write.c — the match index worked out at build time is the one
 * the tables give now. */
#include "testutil.h"

/* The index worked out at build time (tools/indexgen, build/gen/foodindex.c)
 * is, array for array, the one the tables give when built now; a food set
 * of the built-in tables borrows it. */
static void index_built_in_equals_tables(void **state)
{
    (void)state;
    char why[256];
    int rc = match_index_check_prebuilt(shared_foods, why, sizeof why);
    if (rc != 0)
        fail_msg("the built-in index: %s", why);
    assert_int_equal(kmgca_builtin_index.present, 1);
    assert_int_equal(kmgca_builtin_index.food_count, kmgca_builtin_food_count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(index_built_in_equals_tables),
    };
    return cmocka_run_group_tests_name("index_write", tests, foods_setup, foods_teardown);
}
