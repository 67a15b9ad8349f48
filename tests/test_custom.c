/* test_custom.c — custom foods layered over the built-in tables. */
#include "testutil.h"

static kmgca_foods *foods;

static int setup(void **state)
{
    (void)state;
    foods = kmgca_foods_new(NULL);
    return foods ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kmgca_foods_free(foods);
    return 0;
}

static void loads_and_wins(void **state)
{
    (void)state;
    kmgca_error err;
    size_t before = kmgca_foods_count(foods);
    if (kmgca_foods_load_custom(foods, "data/custom_good.csv", &err) != KMGCA_OK)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(kmgca_foods_count(foods), before + 4);

    kmgca_match m;
    assert_int_equal(kmgca_foods_match(foods, "whey protein powder", &m, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_source(m.food), "custom");
    assert_near(kmgca_food_per_100g(m.food, KMGCA_MG), 200, 0);
    assert_int_equal(kmgca_foods_match(foods, "protein shake powder", &m, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_description(m.food), "Whey protein powder");

    kmgca_serving s;
    double g;
    assert_int_equal(kmgca_serving_parse("2 scoops", &s, &err), KMGCA_OK);
    assert_int_equal(kmgca_serving_grams(m.food, &s, &g, NULL, 0, &err), KMGCA_OK);
    assert_near(g, 60, 1e-9);

    assert_int_equal(kmgca_foods_match(foods, "红枣", &m, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_source(m.food), "custom");
    assert_string_equal(kmgca_food_name_zh(m.food), "红枣");
    assert_int_equal(kmgca_foods_match(foods, "red dates", &m, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_description(m.food), "红枣");

    /* Blank values stay "not measured". */
    const kmgca_food *tea = kmgca_foods_find(foods, "custom", "Mystery tea");
    assert_non_null(tea);
    assert_true(isnan(kmgca_food_per_100g(tea, KMGCA_K)));
    assert_near(kmgca_food_per_100g(tea, KMGCA_NA), 5, 0);
}

/* A custom food has a kind like a built-in one: what a glass or a bowl of
 * it holds. From the kind column, else from its name or an alias. */
static void custom_foods_have_kinds(void **state)
{
    (void)state;
    kmgca_error err;
    if (kmgca_foods_load_custom(foods, "data/custom_kinds.csv", &err) != KMGCA_OK)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    static const struct {
        const char *name, *kind;
    } want[] = {
        {"自制豆浆", "milk"},             /* from the alias "homemade soy milk" */
        {"奶奶的米饭", "rice"},           /* from the kind column */
        {"Kefir from the farm", "milk"},  /* from the name */
        {"Auntie's mystery mix", "other"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const kmgca_food *f = kmgca_foods_find(foods, "custom", want[i].name);
        assert_non_null(f);
        assert_string_equal(kmgca_food_kind(f), want[i].kind);
    }
    /* so a bowl of the rice is a rice bowl, 200 g */
    kmgca_weighing w;
    assert_int_equal(kmgca_weigh(foods, "奶奶的米饭 一碗", NULL, &w, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_source(w.match.food), "custom");
    assert_near(w.grams, 200, 1e-9);
}

static void bad_file(const char *path, kmgca_status status, unsigned long line,
                     unsigned long column, const char *words)
{
    kmgca_error err;
    size_t before = kmgca_foods_count(foods);
    kmgca_status st = kmgca_foods_load_custom(foods, path, &err);
    if (st != status || err.line != line || err.column != column || !strstr(err.message, words))
        fail_msg("%s: got status %d at %lu:%lu \"%s\"; expected %d at %lu:%lu with \"%s\"",
                 path, st, err.line, err.column, err.message, status, line, column, words);
    assert_string_equal(err.file, path);
    /* On a bad row nothing at all is added. */
    assert_int_equal(kmgca_foods_count(foods), before);
}

static void bad_rows_name_their_place(void **state)
{
    (void)state;
    bad_file("data/custom_bad_value.csv", KMGCA_ERROR_VALUE, 3, 2,
             "calcium must be mg per 100 g");
    bad_file("data/custom_bad_portion.csv", KMGCA_ERROR_VALUE, 2, 6, "1 cup=240");
    bad_file("data/custom_no_name.csv", KMGCA_ERROR_HEADER, 1, 0, "no \"name\" column");
    bad_file("data/custom_dup_header.csv", KMGCA_ERROR_HEADER, 1, 3, "named twice");
    bad_file("data/custom_dup_food.csv", KMGCA_ERROR_VALUE, 4, 1, "first on line 2");
    bad_file("data/custom_no_values.csv", KMGCA_ERROR_VALUE, 2, 0, "no mineral values");
    bad_file("data/custom_bad_kind.csv", KMGCA_ERROR_VALUE, 2, 3, "unknown kind \"spaceship\"");
    bad_file("data/no_such_file.csv", KMGCA_ERROR_IO, 0, 0, "cannot open");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_wins),
        cmocka_unit_test(bad_rows_name_their_place),
        cmocka_unit_test(custom_foods_have_kinds),
    };
    return cmocka_run_group_tests_name("custom", tests, setup, teardown);
}
