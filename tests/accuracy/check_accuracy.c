/* check_accuracy.c — published food-source lines against values computed by
 * hand from the USDA SR28 files (tests/accuracy/foods.csv, see its README).
 * At least 90 % must land within ±10 % of the expected mg. */
#include "testutil.h"

typedef struct {
    long col[5];
    int header;
    size_t total, within;
    char failures[4096];
} accuracy;

static kmgca_status check_row(const csv_row *row, void *ud, kmgca_error *err)
{
    accuracy *a = ud;
    (void)err;
    if (!a->header) {
        static const char *names[5] = {"food", "serving", "nutrient", "expected_mg", "ndb_no"};
        for (int i = 0; i < 5; i++) {
            a->col[i] = csv_find_column(row, names[i]);
            assert_true(a->col[i] >= 0);
        }
        a->header = 1;
        return KMGCA_OK;
    }
    const char *food = row->fields[a->col[0]], *serving = row->fields[a->col[1]];
    kmgca_nutrient n;
    assert_int_equal(kmgca_nutrient_parse(row->fields[a->col[2]], &n), KMGCA_OK);
    double expected = atof(row->fields[a->col[3]]);
    a->total++;

    char split_serving[64], split_food[256];
    if (!serving[0] && kmgca_serving_split(food, split_serving, sizeof split_serving,
                                           split_food, sizeof split_food)) {
        serving = split_serving;
        food = split_food;
    }
    kmgca_match m;
    kmgca_serving s;
    double grams = NAN, got = NAN;
    if (kmgca_foods_match(shared_foods, food, &m, NULL) == KMGCA_OK &&
        kmgca_serving_parse(serving, &s, NULL) == KMGCA_OK) {
        kmgca_serving_take_detail(&s, food);
        if (kmgca_serving_grams(m.food, &s, &grams, NULL, 0, NULL) == KMGCA_OK)
            got = kmgca_food_mg(m.food, n, grams);
    }
    if (fabs(got - expected) <= 0.10 * expected + 0.05) {
        a->within++;
    } else {
        char line[512];
        snprintf(line, sizeof line, "  line %lu: \"%.100s\" \"%.60s\" %s: %.1f mg, expected %.1f (%s %s)\n",
                 row->line, food, serving, kmgca_nutrient_key(n), got, expected,
                 m.food ? kmgca_food_id(m.food) : "-", row->fields[a->col[4]]);
        strncat(a->failures, line, sizeof a->failures - strlen(a->failures) - 1);
    }
    return KMGCA_OK;
}

static void published_tables_within_ten_percent(void **state)
{
    (void)state;
    accuracy a = {0};
    kmgca_error err;
    assert_int_equal(csv_read_file("accuracy/foods.csv", check_row, &a, NULL, &err), KMGCA_OK);
    assert_true(a.total >= 40);
    printf("accuracy: %zu of %zu lines within 10%% (%.1f%%)\n%s", a.within, a.total,
           100.0 * a.within / a.total, a.failures);
    assert_true(a.within * 10 >= a.total * 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(published_tables_within_ten_percent),
    };
    return cmocka_run_group_tests_name("accuracy set", tests, foods_setup, foods_teardown);
}
