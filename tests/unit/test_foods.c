/* test_foods.c — the food set: the built-in foods, made once across threads,
 * with the tables' counts and values (the Taiwan FDA table's too); custom
 * foods and recipes layered over them. */
#include "testutil.h"

#include <pthread.h>

/* The custom foods and recipes load into a food set of their own; the
 * built-in foods are looked at in shared_foods. */
static kmgca_foods *foods;

static int setup(void **state)
{
    foods = kmgca_foods_new(NULL);
    return foods ? foods_setup(state) : -1;
}

static int teardown(void **state)
{
    kmgca_foods_free(foods);
    return foods_teardown(state);
}

/* The built-in foods are made on first use from tables without pointers
 * (foods.c), once in the process. Four threads, each with a food set of its
 * own, walk all of them from different starts while none is made yet: each
 * food is one pointer in every set, its fields are the table's, a recipe's
 * ingredients are the foods of their index, and kmgca_foods_find finds it
 * by source and id. Runs first, before any test makes a food. */
typedef struct {
    int start;
    const kmgca_food **seen;
} walk_arg;

static void *walk_all(void *arg)
{
    walk_arg *w = arg;
    kmgca_foods *set = kmgca_foods_new(NULL);
    if (!set)
        return (void *)1;
    size_t n = kmgca_foods_count(set);
    for (size_t k = 0; k < n; k++) {
        size_t i = (k + (size_t)w->start * n / 4) % n;
        w->seen[i] = kmgca_foods_at(set, i);
    }
    kmgca_foods_free(set);
    return NULL;
}

static void built_in_foods_made_once_across_threads(void **state)
{
    (void)state;
    size_t n = kmgca_builtin_food_count;
    assert_true(n > 15000);
    assert_null(kmgca_builtin_made_at[n / 2]);   /* nothing made before this test */
    walk_arg w[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        w[i].start = i;
        assert_non_null(w[i].seen = calloc(n, sizeof *w[i].seen));
        assert_int_equal(pthread_create(&t[i], NULL, walk_all, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        void *bad;
        pthread_join(t[i], &bad);
        assert_null(bad);
    }
    const char *pool = kmgca_builtin_food_pool;
    size_t recipes = 0;
    for (size_t i = 0; i < n; i++) {
        const kmgca_food *f = w[0].seen[i];
        for (int k = 1; k < 4; k++)
            assert_ptr_equal(w[k].seen[i], f);
        assert_ptr_equal(kmgca_foods_at(shared_foods, i), f);
        const struct kmgca_builtin_food *b = &kmgca_builtin_foods[i];
        assert_string_equal(kmgca_food_id(f), pool + b->text[BUILTIN_ID]);
        assert_string_equal(kmgca_food_source(f), pool + b->text[BUILTIN_SOURCE]);
        assert_string_equal(kmgca_food_description(f), pool + b->text[BUILTIN_DESCRIPTION]);
        assert_int_equal(f->portion_count, b->portion_count);
        for (unsigned p = 0; p < f->portion_count; p++)
            assert_true(f->portions[p].grams == kmgca_builtin_portions[b->first_portion + p].grams);
        for (int m = 0; m < KMGCA_NUTRIENT_COUNT; m++)
            assert_true(memcmp(&f->per_100g[m], &b->per_100g[m], sizeof(double)) == 0);
        assert_int_equal(kmgca_food_ingredient_count(f), b->item_count);
        for (size_t k = 0; k < b->item_count; k++) {
            const kmgca_food *as;
            double grams;
            assert_non_null(kmgca_food_ingredient(f, k, &as, &grams));
            assert_ptr_equal(as, w[1].seen[kmgca_builtin_items[b->first_item + k].food]);
        }
        recipes += b->item_count > 0;
        /* the last food of the same source and id, as a search from the end */
        const kmgca_food *found = kmgca_foods_find(shared_foods, kmgca_food_source(f),
                                                   kmgca_food_id(f));
        assert_non_null(found);
        assert_string_equal(kmgca_food_id(found), kmgca_food_id(f));
        assert_string_equal(kmgca_food_source(found), kmgca_food_source(f));
        for (size_t j = i + 1; found != f && j < n; j++)
            if (w[0].seen[j] == found)
                found = f;
        assert_ptr_equal(found, f);
    }
    assert_true(recipes > 200);
    assert_null(kmgca_foods_find(shared_foods, "SR28", "99999"));
    assert_null(kmgca_foods_find(shared_foods, "TFDA", ""));
    for (int i = 0; i < 4; i++)
        free(w[i].seen);
}

static void table_counts_and_values(void **state)
{
    (void)state;
    /* SR28 8,789 + 1 food of the May 2016 revision, FNDDS 7,083, TFDA 2,180,
     * then the dishes of the recipe table. */
    size_t recipes = 0;
    for (size_t i = 0; i < kmgca_foods_count(shared_foods); i++)
        recipes += strcmp(kmgca_food_source(kmgca_foods_at(shared_foods, i)), "recipe") == 0;
    assert_int_equal(kmgca_foods_count(shared_foods), 8790 + 7083 + 2180 + recipes);
    const kmgca_food *f = kmgca_foods_find(shared_foods, "SR28", "12061");
    assert_near(kmgca_food_per_100g(f, KMGCA_MG), 270, 0);
    assert_near(kmgca_food_per_100g(f, KMGCA_K), 733, 0);
    assert_near(kmgca_food_per_100g(f, KMGCA_CA), 269, 0);
    /* A blank is "not measured", never 0: the SR28 foods without a Mg value
     * (FNDDS has every value) must all be NaN. */
    size_t missing = 0;
    for (size_t i = 0; i < kmgca_foods_count(shared_foods); i++)
        missing += strcmp(kmgca_food_source(kmgca_foods_at(shared_foods, i)), "SR28") == 0 &&
                   isnan(kmgca_food_per_100g(kmgca_foods_at(shared_foods, i), KMGCA_MG));
    assert_int_equal(missing, 8790 - 8051);      /* SR28 has Mg for 8,051 foods */
    assert_null(kmgca_foods_find(shared_foods, "SR28", "99999"));
}

/* The Taiwan FDA table: values as imported, its Mg decisions, attribution. */
static void taiwan_table(void **state)
{
    (void)state;
    size_t by_source[3] = {0};
    static const char *const sources[3] = {"SR28", "FNDDS", "TFDA"};
    for (size_t i = 0; i < kmgca_foods_count(shared_foods); i++)
        for (int k = 0; k < 3; k++)
            by_source[k] += strcmp(kmgca_food_source(kmgca_foods_at(shared_foods, i)),
                                   sources[k]) == 0;
    assert_int_equal(by_source[0], 8790);
    assert_int_equal(by_source[1], 7083);
    assert_int_equal(by_source[2], 2180);
    /* 白饭 A0550601 in tfda_minerals.csv: Ca 1.42, Mg 7.19, K 39.99, Na 2.03. */
    const kmgca_food *f = kmgca_foods_find(shared_foods, "TFDA", "A0550601");
    assert_non_null(f);
    assert_string_equal(kmgca_food_description(f), "白饭");
    assert_near(kmgca_food_per_100g(f, KMGCA_CA), 1.42, 0);
    assert_near(kmgca_food_per_100g(f, KMGCA_MG), 7.19, 0);
    assert_near(kmgca_food_per_100g(f, KMGCA_K), 39.99, 0);
    assert_string_equal(kmgca_food_kind(f), "rice");
    /* Mg and P swapped in the source: Mg blank for 孟加拉笛鲷 (Mg 223, P 41),
     * kept for 香螺 (Mg 235.3073, P 116) and the sea cucumber 仿刺参. */
    f = kmgca_foods_find(shared_foods, "TFDA", "J0408401");
    assert_true(isnan(kmgca_food_per_100g(f, KMGCA_MG)));
    assert_near(kmgca_food_per_100g(f, KMGCA_K), 344.75, 0);
    f = kmgca_foods_find(shared_foods, "TFDA", "J3500801");
    assert_near(kmgca_food_per_100g(f, KMGCA_MG), 235.3073, 0);
    f = kmgca_foods_find(shared_foods, "TFDA", "J4100201");
    assert_near(kmgca_food_per_100g(f, KMGCA_MG), 48.47, 0);
    /* A blank stays blank: 51 foods have none of the four. */
    size_t none = 0;
    for (size_t i = 0; i < kmgca_foods_count(shared_foods); i++) {
        const kmgca_food *g = kmgca_foods_at(shared_foods, i);
        if (strcmp(kmgca_food_source(g), "TFDA") != 0)
            continue;
        int blank = 1;
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            blank &= isnan(kmgca_food_per_100g(g, (kmgca_nutrient)n));
        none += blank;
    }
    assert_int_equal(none, 51);
    assert_non_null(strstr(kmgca_source_attribution("TFDA"), "data.gov.tw/license"));
    assert_null(kmgca_source_attribution("SR28"));
}

/* ---- Custom foods and recipes ------------------------------------------- */

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
    /* names compared as header names are: case, spaces and '_' aside */
    bad_file("data/custom_dup_header_case.csv", KMGCA_ERROR_HEADER, 1, 3,
             "column \"CA MG\" is named twice (also column 2)");
    bad_file("data/custom_dup_food.csv", KMGCA_ERROR_VALUE, 4, 1, "first on line 2");
    bad_file("data/custom_no_values.csv", KMGCA_ERROR_VALUE, 2, 0, "no mineral values");
    bad_file("data/custom_bad_kind.csv", KMGCA_ERROR_VALUE, 2, 3, "unknown kind \"spaceship\"");
    bad_file("data/no_such_file.csv", KMGCA_ERROR_IO, 0, 0, "cannot open");
}

/* A row whose fields are empty or spaces is blank, as in every file kmgca
 * reads (table.c): skipped, before the header too; it once stopped the load
 * with "the food has no name". */
static void blank_rows_are_skipped(void **state)
{
    (void)state;
    kmgca_error err;
    size_t before = kmgca_foods_count(foods);
    if (kmgca_foods_load_custom(foods, "data/custom_blank_rows.csv", &err) != KMGCA_OK)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(kmgca_foods_count(foods), before + 2);
    assert_non_null(kmgca_foods_find(foods, "custom", "Second blank row food"));
    /* in a recipe too: the rows around a blank one are the same dish */
    if (kmgca_foods_load_recipes(foods, "data/recipes/blank_rows.csv", &err) != KMGCA_OK)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    const kmgca_food *d = kmgca_foods_find(foods, "custom", "凉拌菠菜测试");
    assert_non_null(d);
    assert_int_equal(kmgca_food_ingredient_count(d), 2);
}

/* Recipes (--recipes): a dish is its ingredients summed, by hand:
 * 鸡蛋 K01001 100 g (Ca 53.6314, Mg 11.3533, K 135.3623), 番茄 E74001 200 g
 * (10.1069, 9.0584, 217.3998), canola oil 04582 10 g (0, 0, 0): 310 g. */
static void recipes_sum_their_ingredients(void **state)
{
    (void)state;
    kmgca_error err;
    assert_int_equal(kmgca_foods_load_recipes(foods, "data/recipes/good.csv", &err), KMGCA_OK);
    const kmgca_food *d = kmgca_foods_find(foods, "custom", "我的番茄炒蛋");
    assert_non_null(d);
    assert_int_equal(kmgca_food_ingredient_count(d), 3);
    assert_near(kmgca_food_per_100g(d, KMGCA_CA), (53.6314 + 2 * 10.1069) / 310 * 100, 1e-9);
    assert_near(kmgca_food_per_100g(d, KMGCA_MG), (11.3533 + 2 * 9.0584) / 310 * 100, 1e-9);
    assert_near(kmgca_food_per_100g(d, KMGCA_K), (135.3623 + 2 * 217.3998) / 310 * 100, 1e-9);
    double g;
    const kmgca_food *as;
    assert_string_equal(kmgca_food_ingredient(d, 1, &as, &g), "番茄");
    assert_near(g, 200, 0);
    assert_string_equal(kmgca_food_id(as), "E74001");
    assert_null(kmgca_food_ingredient(d, 3, NULL, NULL));
    /* Its portions and names: 一盘 is the whole 310 g, 一碗 0.8 of it. */
    kmgca_weighing w;
    assert_int_equal(kmgca_weigh(foods, "番茄鸡蛋 一碗", NULL, &w, &err), KMGCA_OK);
    assert_ptr_equal(w.match.food, d);
    assert_near(w.grams, 248, 1e-9);
    assert_int_equal(kmgca_weigh(foods, "自家番茄炒蛋", "1盘", &w, &err), KMGCA_OK);
    assert_near(w.grams, 310, 1e-9);
    d = kmgca_foods_find(foods, "custom", "清水菠菜");
    assert_non_null(d);
    assert_near(kmgca_food_per_100g(d, KMGCA_MG), 61.5796, 1e-9);
    assert_near(kmgca_food_cooked_yield(d), 1, 0);
}

/* cooked 0.8: 260 g of ingredients (菠菜 250 g, Mg 61.5796 per 100 g; oil
 * 10 g, none) served as 208 g: the plate is 208 g, its Mg per 100 g
 * 250 * 0.615796 / 208 * 100; the minerals of a plate are the ingredients'. */
static void cooked_recipes_weigh_as_served(void **state)
{
    (void)state;
    kmgca_error err;
    assert_int_equal(kmgca_foods_load_recipes(foods, "data/recipes/cooked.csv", &err), KMGCA_OK);
    const kmgca_food *d = kmgca_foods_find(foods, "custom", "炒菠菜");
    assert_non_null(d);
    assert_near(kmgca_food_cooked_yield(d), 0.8, 1e-6);
    assert_near(kmgca_food_per_100g(d, KMGCA_MG), 250 * 0.615796 / 208 * 100, 1e-9);
    kmgca_weighing w;
    assert_int_equal(kmgca_weigh(foods, "炒菠菜 一盘", NULL, &w, &err), KMGCA_OK);
    assert_near(w.grams, 208, 1e-9);
    assert_near(kmgca_food_mg(d, KMGCA_MG, w.grams), 250 * 0.615796, 1e-9);
    assert_int_equal(kmgca_weigh(foods, "炒菠菜 一份", NULL, &w, &err), KMGCA_OK);
    assert_near(w.grams, 104, 1e-9);
}

static void bad_recipe(const char *path, unsigned long line, unsigned long column,
                       const char *words)
{
    kmgca_error err;
    size_t before = kmgca_foods_count(foods);
    kmgca_status st = kmgca_foods_load_recipes(foods, path, &err);
    if (st == KMGCA_OK || err.line != line || err.column != column || !strstr(err.message, words))
        fail_msg("%s: got status %d at %lu:%lu \"%s\"; expected %lu:%lu with \"%s\"", path, st,
                 err.line, err.column, err.message, line, column, words);
    assert_int_equal(kmgca_foods_count(foods), before);
}

static void bad_recipes_name_their_place(void **state)
{
    (void)state;
    bad_recipe("data/recipes/split.csv", 4, 1, "rows must be together");
    bad_recipe("data/recipes/bad_grams.csv", 2, 5, "grams must be a number");
    bad_recipe("data/recipes/bad_food.csv", 2, 4, "TFDA Z9999999 is not a food");
    bad_recipe("data/recipes/no_portions.csv", 2, 6, "needs the portions");
    bad_recipe("data/recipes/bad_portions.csv", 2, 6, "measure=servings");
    bad_recipe("data/recipes/no_id.csv", 1, 0, "no \"id\" column");
    bad_recipe("data/recipes/empty_portions.csv", 2, 6, "measure=servings");
    bad_recipe("data/recipes/twice_portions.csv", 2, 6, "is given twice");
    bad_recipe("data/recipes/bad_cooked.csv", 2, 7, "from 0.3 to 1.5");
    bad_recipe("data/recipes/cooked_later.csv", 3, 7, "goes on the recipe's first row");
    /* a custom food of that name already: a recipe may not shadow it */
    kmgca_error err;
    assert_int_equal(kmgca_foods_load_custom(foods, "data/custom_kinds.csv", &err), KMGCA_OK);
    bad_recipe("data/recipes/custom_name.csv", 2, 1, "already a custom food");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(built_in_foods_made_once_across_threads),
        cmocka_unit_test(loads_and_wins),
        cmocka_unit_test(bad_rows_name_their_place),
        cmocka_unit_test(blank_rows_are_skipped),
        cmocka_unit_test(custom_foods_have_kinds),
        cmocka_unit_test(recipes_sum_their_ingredients),
        cmocka_unit_test(cooked_recipes_weigh_as_served),
        cmocka_unit_test(bad_recipes_name_their_place),
        cmocka_unit_test(table_counts_and_values),
        cmocka_unit_test(taiwan_table),
    };
    return cmocka_run_group_tests_name("foods", tests, setup, teardown);
}
