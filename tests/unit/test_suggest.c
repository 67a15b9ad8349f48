/* test_suggest.c — the report's suggestions of foods weigh from the tables. */
#include "testutil.h"

static void suggestions_weigh(void **state)
{
    (void)state;
    size_t i = 0, good = 0;
    kmgca_nutrient n;
    const kmgca_food *food;
    double grams, mg;
    int r;
    while ((r = report_suggestion(shared_foods, i, &n, &food, &grams, &mg)) >= 0) {
        if (r != 1)
            fail_msg("suggestion %zu does not weigh from the tables", i);
        assert_non_null(kmgca_food_name_zh(food));
        assert_true(grams > 0 && mg > 0);
        good++;
        i++;
    }
    assert_true(good >= 15);
    /* The example the issue gives: about 150 mg of magnesium in 30 g of
     * pumpkin seeds (SR28 12014, 592 mg per 100 g). */
    assert_int_equal(report_suggestion(shared_foods, 0, &n, &food, &grams, &mg), 1);
    assert_int_equal(n, KMGCA_MG);
    assert_near(grams, 30, 1e-9);
    assert_near(mg, kmgca_food_per_100g(food, KMGCA_MG) * 0.3, 1e-9);
    assert_true(mg > 140 && mg < 190);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suggestions_weigh),
    };
    return cmocka_run_group_tests_name("suggest", tests, foods_setup, foods_teardown);
}
