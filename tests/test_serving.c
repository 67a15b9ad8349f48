/* test_serving.c — serving text, and servings to grams of real USDA foods. */
#include "testutil.h"

static void parse(const char *text, double amount, kmgca_unit_kind kind, const char *unit)
{
    kmgca_serving s;
    kmgca_error err;
    if (kmgca_serving_parse(text, &s, &err) != KMGCA_OK)
        fail_msg("\"%s\": %s", text, err.message);
    assert_near(s.amount, amount, 1e-9);
    assert_int_equal(s.kind, kind);
    assert_string_equal(s.unit, unit);
}

static void amounts_and_units(void **state)
{
    (void)state;
    parse("", 100, KMGCA_UNIT_MASS, "g");
    parse("30 g", 30, KMGCA_UNIT_MASS, "g");
    parse("30g", 30, KMGCA_UNIT_MASS, "g");
    parse("1 ounce", 1, KMGCA_UNIT_MASS, "oz");
    parse("1.5 kg", 1.5, KMGCA_UNIT_MASS, "kg");
    parse("2 lbs", 2, KMGCA_UNIT_MASS, "lb");
    parse("½ cup", 0.5, KMGCA_UNIT_VOLUME, "cup");
    parse("1½ cups", 1.5, KMGCA_UNIT_VOLUME, "cup");
    parse("1 ½ cups", 1.5, KMGCA_UNIT_VOLUME, "cup");
    parse("1 1/2 cups", 1.5, KMGCA_UNIT_VOLUME, "cup");
    parse("1/2 cup", 0.5, KMGCA_UNIT_VOLUME, "cup");
    parse("⅓ cup", 1.0 / 3, KMGCA_UNIT_VOLUME, "cup");
    parse("0,5 l", 0.5, KMGCA_UNIT_VOLUME, "l");
    parse("2 Tbsp", 2, KMGCA_UNIT_VOLUME, "tbsp");
    parse("2 T", 2, KMGCA_UNIT_VOLUME, "tbsp");
    parse("1 t", 1, KMGCA_UNIT_VOLUME, "tsp");
    parse("8 fl oz", 8, KMGCA_UNIT_VOLUME, "fl oz");
    parse("250 ml", 250, KMGCA_UNIT_VOLUME, "ml");
    parse("半斤", 0.5, KMGCA_UNIT_MASS, "斤");
    parse("100克", 100, KMGCA_UNIT_MASS, "g");
    parse("1 medium", 1, KMGCA_UNIT_PORTION, "medium");
    parse("2 large biscuits", 2, KMGCA_UNIT_PORTION, "large biscuits");
    parse("a slice", 1, KMGCA_UNIT_PORTION, "slice");
    parse("half a cup", 0.5, KMGCA_UNIT_VOLUME, "cup");
    parse("3", 3, KMGCA_UNIT_NONE, "");
    parse("cup", 1, KMGCA_UNIT_VOLUME, "cup");
}

static void bad_amounts_are_refused(void **state)
{
    (void)state;
    static const char *bad[] = {"-1 cup", "nan g", "inf g", "1e308 g", "1-2 cups",
                                "5000000 g", "1/0 cup"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kmgca_serving s;
        kmgca_error err;
        kmgca_status st = kmgca_serving_parse(bad[i], &s, &err);
        if (st != KMGCA_ERROR_AMOUNT)
            fail_msg("\"%s\" gave status %d, expected an amount error", bad[i], st);
    }
}

static void split_leading_servings(void **state)
{
    (void)state;
    char serving[64], food[128];
    assert_true(kmgca_serving_split("2 slices whole wheat bread", serving, sizeof serving,
                                     food, sizeof food));
    assert_string_equal(serving, "2 slices");
    assert_string_equal(food, "whole wheat bread");
    assert_true(kmgca_serving_split("30 g of almonds", serving, sizeof serving, food,
                                    sizeof food));
    assert_string_equal(serving, "30 g");
    assert_string_equal(food, "almonds");
    assert_true(kmgca_serving_split("1½ cups milk", serving, sizeof serving, food, sizeof food));
    assert_string_equal(serving, "1½ cups");
    assert_string_equal(food, "milk");
    assert_true(kmgca_serving_split("2 eggs", serving, sizeof serving, food, sizeof food));
    assert_string_equal(serving, "2");
    assert_string_equal(food, "eggs");
    assert_false(kmgca_serving_split("banana", serving, sizeof serving, food, sizeof food));
    assert_string_equal(food, "banana");
}

/* grams of SR28 food `id` for a serving, as the USDA WEIGHT file gives it. */
static double grams_of(const char *id, const char *serving_text, char *how, size_t how_size)
{
    const kmgca_food *food = kmgca_foods_find(shared_foods, "SR28", id);
    assert_non_null(food);
    kmgca_serving s;
    kmgca_error err;
    assert_int_equal(kmgca_serving_parse(serving_text, &s, &err), KMGCA_OK);
    double g;
    if (kmgca_serving_grams(food, &s, &g, how, how_size, &err) != KMGCA_OK)
        fail_msg("%s \"%s\": %s", id, serving_text, err.message);
    return g;
}

static void household_measures(void **state)
{
    (void)state;
    char how[256];
    /* 09040 Bananas, raw: medium (7" to 7-7/8" long) = 118 g. */
    assert_near(grams_of("09040", "1 medium", how, sizeof how), 118, 1e-9);
    assert_non_null(strstr(how, "medium"));
    assert_near(grams_of("09040", "2", how, sizeof how), 236, 1e-9);
    assert_non_null(strstr(how, "no size given"));
    /* 09040: two cup rows; "sliced" picks "cup, sliced" (150 g), not mashed. */
    assert_near(grams_of("09040", "1 cup sliced", how, sizeof how), 150, 1e-9);
    /* 12016 pumpkin seed kernels: 1 oz = 28.35 g by mass. */
    assert_near(grams_of("12016", "1 ounce", how, sizeof how), 28.349523125, 1e-9);
    /* 16070 lentils, boiled: cup = 198 g. */
    assert_near(grams_of("16070", "1 cup", how, sizeof how), 198, 1e-9);
    assert_non_null(strstr(how, "USDA household measure"));
    /* A tsp through the cup row (1 cup = 48 tsp): 198 / 48. */
    assert_near(grams_of("16070", "1 tsp", how, sizeof how), 198.0 * 4.92892159375 / 236.5882365,
                1e-9);
    assert_non_null(strstr(how, "converted"));
    /* 11457 spinach raw: "cup" 30 g; "1 leaf" 10 g. */
    assert_near(grams_of("11457", "1 leaf", how, sizeof how), 10, 1e-9);
    /* 01123 egg: large 50 g. */
    assert_near(grams_of("01123", "2 large", how, sizeof how), 100, 1e-9);
    /* 09298 raisins: "1 cup (not packed)" is 145 g; packed 165 g. */
    assert_near(grams_of("09298", "1 cup unpacked", how, sizeof how), 145, 1e-9);
}

static void unresolvable_units_say_why(void **state)
{
    (void)state;
    const kmgca_food *food = kmgca_foods_find(shared_foods, "SR28", "12061"); /* almonds */
    assert_non_null(food);
    kmgca_serving s;
    kmgca_error err;
    double g;
    assert_int_equal(kmgca_serving_parse("1 bottle", &s, &err), KMGCA_OK);
    assert_int_equal(kmgca_serving_grams(food, &s, &g, NULL, 0, &err), KMGCA_ERROR_UNIT);
    assert_non_null(strstr(err.message, "bottle"));
    assert_non_null(strstr(err.message, "its measures"));
    assert_true(isnan(g));
}

/* Found by fuzz/fuzz_serving.c: short buffers were cut inside a character,
 * and an amount of -0 gave "-0 g" (regress-* inputs in fuzz/corpus/). */
static void cut_texts_and_signed_zero(void **state)
{
    (void)state;
    char serving[7], food[64];
    /* "1片片片" is 10 bytes: 7 bytes of room hold "1片" and not half of 片. */
    assert_true(kmgca_serving_split("1片片片 bread", serving, sizeof serving, food,
                                    sizeof food));
    assert_string_equal(serving, "1片");
    assert_string_equal(food, "bread");

    const kmgca_food *almonds = kmgca_foods_find(shared_foods, "SR28", "12061");
    assert_non_null(almonds);
    kmgca_serving s;
    kmgca_error err;
    double g;
    char how[7];
    /* "1/2 斤 = 250 g" in 7 bytes: "1/2 " (斤 would not fit whole). */
    assert_int_equal(kmgca_serving_parse("半斤", &s, &err), KMGCA_OK);
    assert_int_equal(kmgca_serving_grams(almonds, &s, &g, how, sizeof how, &err), KMGCA_OK);
    assert_near(g, 250, 1e-9);
    assert_string_equal(how, "1/2 ");

    char long_how[64];
    assert_int_equal(kmgca_serving_parse("g", &s, &err), KMGCA_OK);
    s.amount = -0.0;
    assert_int_equal(kmgca_serving_grams(almonds, &s, &g, long_how, sizeof long_how, &err),
                     KMGCA_OK);
    assert_true(g == 0 && !signbit(g));
    assert_string_equal(long_how, "0 g as written");
    double mg = kmgca_food_mg(almonds, KMGCA_MG, -0.0);
    assert_true(mg == 0 && !signbit(mg));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(amounts_and_units),
        cmocka_unit_test(bad_amounts_are_refused),
        cmocka_unit_test(split_leading_servings),
        cmocka_unit_test(household_measures),
        cmocka_unit_test(unresolvable_units_say_why),
        cmocka_unit_test(cut_texts_and_signed_zero),
    };
    return cmocka_run_group_tests_name("serving", tests, foods_setup, foods_teardown);
}
