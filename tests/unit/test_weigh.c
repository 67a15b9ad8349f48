/* test_weigh.c — a serving to grams of one food: USDA household measures,
 * containers and measure words, typical servings, and what cannot be
 * weighed, with the reason. */
#include "testutil.h"

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
    assert_non_null(strstr(how, "one piece"));
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

/* Found by fuzz/fuzz_serving.c: a short note was cut inside a character, and
 * an amount of -0 gave "-0 g" (regress-* inputs in fuzz/corpus/). */
static void cut_notes_and_signed_zero(void **state)
{
    (void)state;
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

/* grams of a food (source, id) for food text and a serving, as kmgca_weigh's
 * second half does it: the name in the text may carry portions of its own. */
static double weigh_as(const char *source, const char *id, const char *food_text,
                       const char *serving_text, char *how, size_t how_size, int *assumed)
{
    const kmgca_food *food = kmgca_foods_find(shared_foods, source, id);
    assert_non_null(food);
    kmgca_serving s;
    kmgca_error err;
    if (kmgca_serving_parse(serving_text, &s, &err) != KMGCA_OK)
        fail_msg("\"%s\": %s", serving_text, err.message);
    kmgca_serving_take_detail(&s, food_text);
    double g;
    if (kmgca_serving_grams(food, &s, &g, how, how_size, &err) != KMGCA_OK)
        fail_msg("%s %s \"%s\": %s", source, id, serving_text, err.message);
    if (assumed)
        *assumed = s.kind == KMGCA_UNIT_TYPICAL;
    return g;
}

static void containers_and_measure_words(void **state)
{
    (void)state;
    char how[512];
    int assumed;
    /* 个 of an egg: USDA's large egg (SR28 01123: large 50 g). */
    assert_near(weigh_as("SR28", "01123", "鸡蛋", "2个", how, sizeof how, NULL), 100, 1e-9);
    assert_non_null(strstr(how, "large"));
    /* 根 of a banana: the Chinese name's own stick, 120 g (name_portions_zh.csv:
     * 100-140 g peeled), before the food's USDA medium (118 g). */
    assert_near(weigh_as("SR28", "09040", "香蕉", "一根", how, sizeof how, NULL), 120, 1e-9);
    /* without a Chinese name, the USDA medium */
    assert_near(weigh_as("SR28", "09040", "banana", "1 medium", how, sizeof how, NULL), 118, 1e-9);
    /* 杯 of milk: the cup, 244 g (SR28 01077). */
    assert_near(weigh_as("SR28", "01077", "牛奶", "一杯", how, sizeof how, NULL), 244, 1e-9);
    /* 个 of a potato: the Chinese name's medium potato, 180 g peeled
     * (name_portions_zh.csv), before SR28 11352's (213 g with skin). */
    assert_near(weigh_as("SR28", "11352", "土豆", "1个", how, sizeof how, NULL), 180, 1e-9);
    assert_near(weigh_as("SR28", "11352", "potato", "1 medium", how, sizeof how, NULL), 213,
                1e-9);
    /* 碗 of cooked rice: the household bowl of containers.csv, 200 g. */
    assert_near(weigh_as("SR28", "20045", "米饭", "一碗", how, sizeof how, NULL), 200, 1e-9);
    assert_non_null(strstr(how, "bowl"));
    /* 一小碗: 2/3 of the bowl, said. */
    assert_near(weigh_as("SR28", "20045", "米饭", "一小碗", how, sizeof how, NULL), 400.0 / 3,
                1e-9);
    assert_non_null(strstr(how, "small"));
    /* A glass of milk: 240 ml through the cup (244 g / 236.59 ml). */
    assert_near(weigh_as("SR28", "01077", "milk", "a glass", how, sizeof how, NULL),
                240 * 244 / 236.5882365, 1e-6);
    /* A bowl of cereal: 40 g (RACC). */
    assert_near(weigh_as("SR28", "08388", "cereal", "a bowl", how, sizeof how, NULL), 40, 1e-9);
    /* A can of tuna: name_portions.csv's drained can, 110 g (today's 145-185 g tins
     * and 5 oz cans), before SR28 15121's own "can" (165 g, an older 6.5 oz can). */
    assert_near(weigh_as("SR28", "15121", "tuna", "a can", how, sizeof how, NULL), 110, 1e-9);
    /* 10 grapes: "10 grapes" = 49 g (SR28 09132), not ten cups. */
    assert_near(weigh_as("SR28", "09132", "grapes", "10", how, sizeof how, NULL), 49, 1e-9);
    /* 3 plums: "fruit (2-1/8 dia)" 66 g each (SR28 09279). */
    assert_near(weigh_as("SR28", "09279", "plums", "3", how, sizeof how, NULL), 198, 1e-9);
    /* A slice of cake: the cake's piece (SR28 18133: 38 g). */
    assert_near(weigh_as("SR28", "18133", "cake", "1 slice", how, sizeof how, NULL), 38, 1e-9);
    /* Ounces of a drink are fluid ounces: 12 fl oz of apple juice (FNDDS
     * 64104010, "1 fl oz (NFS)" = 31 g). */
    assert_near(weigh_as("FNDDS", "64104010", "apple juice", "12 oz", how, sizeof how, NULL),
                12 * 31, 1e-9);
    assert_non_null(strstr(how, "fluid ounces"));
    /* A name with portions of its own: 饺子 are 20 g each, whatever the US
     * dumpling weighs (FNDDS 58121510: "dumpling, any size" 97 g). */
    assert_near(weigh_as("FNDDS", "58121510", "饺子", "12个", how, sizeof how, NULL), 240, 1e-9);
    assert_non_null(strstr(how, "饺子"));
    /* 罐 in China is 330 ml: a can of cola (SR28 14148: "1 fl oz" = 30.7 g). */
    assert_near(weigh_as("SR28", "14148", "可乐", "一罐", how, sizeof how, NULL),
                330 * 30.7 / 29.5735295625, 1e-6);
    /* A small handful of peanuts: 2/3 of the 25 g handful of 花生米
     * (name_portions_zh.csv; containers.csv's nut handful is 28 g). */
    assert_near(weigh_as("SR28", "16390", "花生米", "一小把", how, sizeof how, NULL),
                25.0 * 2 / 3, 1e-9);
    /* No amount: one typical serving, said, never 100 g. */
    assert_near(weigh_as("SR28", "09191", "nectarine", "", how, sizeof how, &assumed), 142,
                1e-9);
    assert_true(assumed);
    assert_non_null(strstr(how, "no amount written"));
    assert_near(weigh_as("FNDDS", "31103010", "soft-boiled egg", "", how, sizeof how, &assumed),
                50, 1e-9);
    assert_non_null(strstr(how, "Quantity not specified"));
    /* A measure as USDA writes it, copied by an export: that measure, not
     * its words one by one ("medium" is no medium tomato here). */
    assert_near(weigh_as("SR28", "11529", "tomato", "2.00 slice, medium - 1/4\" thick", how,
                         sizeof how, NULL),
                40, 1e-9);
    /* "with skin" is one idea, not "skin" beside a dropped "with". */
    assert_near(weigh_as("SR28", "05069", "drumstick", "1 drumstick, with skin", how, sizeof how,
                         NULL),
                105, 1e-9);
    assert_near(weigh_as("SR28", "05069", "drumstick", "1 drumstick without skin", how,
                         sizeof how, NULL),
                96, 1e-9);
    /* The weight of what a patty was made from is not the patty's. */
    assert_near(weigh_as("SR28", "23569", "patty", "1.00 patty - yield from 1/4 lb raw meat", how,
                         sizeof how, NULL),
                83, 1e-9);
    /* Cronometer's amounts carry their own weight. */
    assert_near(weigh_as("SR28", "18069", "white bread",
                         "1.00 slice (from pre-sliced package) - each 1 oz", how, sizeof how,
                         NULL),
                28.349523125, 1e-9);
    assert_near(weigh_as("SR28", "09040", "banana", "1.00 large - 3\" diameter", how, sizeof how,
                         NULL),
                136, 1e-9);
}

/* A typical serving scales with the serving's amount for every kind of
 * food: a chain's product (its own USDA item) and a recipe (its usual
 * serving) as any other (the fuzzer found the two that did not). */
static void typical_servings_scale(void **state)
{
    (void)state;
    static const char *const foods[][2] = {{"SR28", "21233"}, {"recipe", "回锅肉"},
                                           {"SR28", "09040"}};
    for (size_t i = 0; i < sizeof foods / sizeof *foods; i++) {
        const kmgca_food *f = kmgca_foods_find(shared_foods, foods[i][0], foods[i][1]);
        assert_non_null(f);
        kmgca_serving s;
        assert_int_equal(kmgca_serving_parse("", &s, NULL), KMGCA_OK);
        assert_int_equal(s.kind, KMGCA_UNIT_TYPICAL);
        double one, two;
        assert_int_equal(kmgca_serving_grams(f, &s, &one, NULL, 0, NULL), KMGCA_OK);
        s.amount = 2;
        assert_int_equal(kmgca_serving_grams(f, &s, &two, NULL, 0, NULL), KMGCA_OK);
        assert_true(one > 0);
        assert_near(two, 2 * one, 1e-9);
    }
}

/* A noodle or dumpling shop's 两 counts the noodles or dough, not the bowl:
 * 热干面's recipe (foodtables/recipes_zh.csv) is a Wuhan shop's bowl, 250.5 g,
 * and says 两 = 0.5 of it (二两 is the usual bowl), so 二两 is 2 x 0.5 x
 * 250.5 g; 斤 is ten 两. A recipe without a 两 (酱牛肉) and a plain food weigh 两 as 50 g. */
static void shop_liang(void **state)
{
    (void)state;
    static const struct {
        const char *source, *id, *serving;
        double grams;
    } cases[] = {
        {"recipe", "热干面", "二两", 2 * 0.5 * 250.5},
        {"recipe", "热干面", "半斤", 5 * 0.5 * 250.5},
        {"recipe", "酱牛肉", "二两", 100},
        {"SR28", "20045", "二两", 100},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kmgca_food *f = kmgca_foods_find(shared_foods, cases[i].source, cases[i].id);
        assert_non_null(f);
        kmgca_serving s;
        assert_int_equal(kmgca_serving_parse(cases[i].serving, &s, NULL), KMGCA_OK);
        double g;
        char how[256];
        assert_int_equal(kmgca_serving_grams(f, &s, &g, how, sizeof how, NULL), KMGCA_OK);
        assert_near(g, cases[i].grams, 1e-6);
        assert_true((strstr(how, "shops") != NULL) == (cases[i].grams != 100));
    }
}

/* grams of a recipe (foodtables/recipes_zh.csv) for a serving; how filled */
static double recipe_serving(const char *recipe, const char *serving, char *how, size_t size)
{
    const kmgca_food *f = kmgca_foods_find(shared_foods, "recipe", recipe);
    assert_non_null(f);
    kmgca_serving s;
    assert_int_equal(kmgca_serving_parse(serving, &s, NULL), KMGCA_OK);
    double g;
    assert_int_equal(kmgca_serving_grams(f, &s, &g, how, size, NULL), KMGCA_OK);
    return g;
}

/* With no amount, a dish shared from one plate is one person's share: at
 * most 200 g, 150 g of a dish mostly of meat (回锅肉) unless a stew (小鸡炖
 * 蘑菇), 120 g of a cold dish, said so; a plate asked for is the plate.
 * A meal on its own plate (蛋炒饭, a staple in it) and a dish served by no
 * plate (重庆火锅, by the 份 and the pot) keep their usual serving. A 碟 is
 * 0.7 of a 盘 where a recipe names only the 盘 (炒年糕). */
static void person_share_of_a_plate(void **state)
{
    (void)state;
    char how[256];
    double plate = recipe_serving("回锅肉", "一盘", how, sizeof how);
    assert_true(plate > 200);
    assert_near(recipe_serving("回锅肉", "", how, sizeof how), 150, 1e-9);
    assert_non_null(strstr(how, "one person's share"));
    assert_near(recipe_serving("地三鲜", "", how, sizeof how), 200, 1e-9);
    assert_near(recipe_serving("小鸡炖蘑菇", "", how, sizeof how), 200, 1e-9);
    assert_near(recipe_serving("回锅肉", "2份", how, sizeof how),
                2 * recipe_serving("回锅肉", "一份", how, sizeof how), 1e-9);
    assert_near(recipe_serving("凉拌海带丝", "", how, sizeof how), 120, 1e-9);
    static const char *const whole[][2] = {{"蛋炒饭", "一份"}, {"重庆火锅", "一份"}};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
        double usual = recipe_serving(whole[i][0], whole[i][1], how, sizeof how);
        assert_true(usual > 200);
        assert_near(recipe_serving(whole[i][0], "", how, sizeof how), usual, 1e-9);
        assert_null(strstr(how, "share"));
    }
    /* a 片 of a recipe counted by the 块 is its 块 (臭豆腐) */
    assert_near(recipe_serving("臭豆腐", "8片", how, sizeof how),
                recipe_serving("臭豆腐", "8块", how, sizeof how), 1e-9);
    double pan = recipe_serving("猪肉炖粉条", "一盘", how, sizeof how);
    assert_near(recipe_serving("猪肉炖粉条", "一碟", how, sizeof how), 0.7 * pan, 1e-9);
    assert_non_null(strstr(how, "smaller plate"));
    /* ... but a one-person plate (its 盘 is its 份: 炒年糕, 干炒牛河) is no
     * smaller in a 碟 */
    pan = recipe_serving("炒年糕", "一盘", how, sizeof how);
    assert_near(recipe_serving("炒年糕", "一碟", how, sizeof how), pan, 1e-9);
}

/* One of a product is the product as sold, not its smaller editions: FNDDS
 * lists "miniature/bite size" (9 g) first for SNICKERS Bar, and names the
 * bite after the food for Kit Kat ("Kit Kat Bite", 2.6 g). */
static void regular_edition_of_a_product(void **state)
{
    (void)state;
    char how[256];
    assert_near(weigh_as("FNDDS", "91715100", "snickers bar", "1", how, sizeof how, NULL), 57,
                1e-9);
    assert_near(weigh_as("FNDDS", "91715100", "snickers bar", "", how, sizeof how, NULL), 57,
                1e-9);
    assert_near(weigh_as("FNDDS", "91705030", "kit kat", "2", how, sizeof how, NULL), 86, 1e-9);
    /* "1 bagel" is USDA's measure that says just "bagel" (SR28 18001, 99 g),
     * not its small bagel (69 g: the words of a measure asked for cost
     * nothing), and where no measure says just that, one bagel counted
     * (FNDDS 51180010: its regular, 105 g, not its "Bagel Thin", 46 g) */
    assert_near(weigh_as("SR28", "18001", "bagel", "1 bagel", how, sizeof how, NULL), 99, 1e-9);
    assert_near(weigh_as("FNDDS", "51180010", "bagel", "1 bagel", how, sizeof how, NULL), 105,
                1e-9);
    assert_near(weigh_as("SR28", "11529", "tomato", "1 medium", how, sizeof how, NULL), 123, 1e-9);
    /* a can counted by what it holds: SR28 07083 "7 sausages (drained
     * contents from can, net wt 4 oz)" is 113 g a can, 16 g a sausage */
    assert_near(weigh_as("SR28", "07083", "vienna sausages", "1 can", how, sizeof how, NULL), 113,
                1e-9);
    assert_near(weigh_as("SR28", "07083", "vienna sausages", "3", how, sizeof how, NULL), 48,
                1e-9);
    /* a brand's product counted by its own name is its item ("2 tortilla"
     * of SR28 18616, "serving" 51 g; not the taco of its name), and its
     * serving of one (SR28 22537 "serving (1 hot pocket)", 127 g) */
    assert_near(weigh_as("SR28", "18616", "Mission - Flour Tortillas Soft Taco", "2 tortilla", how,
                         sizeof how, NULL),
                102, 1e-9);
    assert_near(weigh_as("SR28", "22537", "hot pocket", "", how, sizeof how, NULL), 127, 1e-9);
    /* asked for, a bite is a bite */
    assert_near(weigh_as("FNDDS", "91705030", "kit kat", "3 Kit Kat Bite", how, sizeof how, NULL),
                3 * 2.6, 1e-9);
}

/* A length or width said of one is the measure of that length: SR28's
 * Subway rows weigh a sub as "6 inch sub" (184 g) and "12 inch sub" (367
 * g), a flour tortilla "(approx 7-8" dia)" 49 g; FNDDS 27540350 "Subway Sub
 * (footlong)" 520 g. A length no measure has is one each, and says so. */
static void lengths_of_one(void **state)
{
    (void)state;
    char how[256];
    assert_near(weigh_as("SR28", "21207", "subway turkey", "6 inch", how, sizeof how, NULL), 184,
                1e-9);
    assert_non_null(strstr(how, "6 inch sub"));
    assert_near(weigh_as("SR28", "21207", "subway turkey", "footlong", how, sizeof how, NULL),
                367, 1e-9);
    assert_near(weigh_as("SR28", "21207", "subway turkey", "2 6\"", how, sizeof how, NULL),
                368, 1e-9);
    assert_near(weigh_as("SR28", "21207", "subway turkey", "", how, sizeof how, NULL), 184, 1e-9);
    assert_near(weigh_as("SR28", "18364", "flour tortilla", "2 8 in.", how, sizeof how, NULL), 98,
                1e-9);
    assert_near(weigh_as("SR28", "18364", "flour tortilla", "1 10-inch", how, sizeof how, NULL),
                72, 1e-9);
    assert_near(weigh_as("FNDDS", "27540350", "turkey sub", "1 foot-long", how, sizeof how, NULL),
                520, 1e-9);
    /* a length no measure says: one tortilla as a count weighs it (its
     * medium, 30 g), said */
    assert_near(weigh_as("SR28", "18364", "flour tortilla", "1 5\"", how, sizeof how, NULL), 30,
                1e-9);
    assert_non_null(strstr(how, "counted as one each"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(household_measures),
        cmocka_unit_test(unresolvable_units_say_why),
        cmocka_unit_test(cut_notes_and_signed_zero),
        cmocka_unit_test(containers_and_measure_words),
        cmocka_unit_test(typical_servings_scale),
        cmocka_unit_test(person_share_of_a_plate),
        cmocka_unit_test(shop_liang),
        cmocka_unit_test(regular_edition_of_a_product),
        cmocka_unit_test(lengths_of_one),
    };
    return cmocka_run_group_tests_name("weigh", tests, foods_setup, foods_teardown);
}
