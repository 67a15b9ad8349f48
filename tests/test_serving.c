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
    parse("", 1, KMGCA_UNIT_TYPICAL, "");
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

/* Found by fuzz/fuzz_serving.c: short buffers were cut inside a character,
 * and an amount of -0 gave "-0 g" (regress-* inputs in fuzz/corpus/). */
static void cut_texts_and_signed_zero(void **state)
{
    (void)state;
    char serving[7], food[64];
    /* "1片片片" is 10 bytes: the serving "1片" fits 7 bytes, and the cut
     * never takes half of a 片. */
    assert_true(kmgca_serving_split("1片片片 bread", serving, sizeof serving, food,
                                    sizeof food));
    assert_string_equal(serving, "1片");
    assert_string_equal(food, "片片 bread");
    char tiny[3];
    assert_true(kmgca_serving_split("1片片片 bread", tiny, sizeof tiny, food, sizeof food));
    assert_string_equal(tiny, "1");

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


/* ---- The serving anywhere in the text (issue 13) ---------------------------- */

static void split_is(const char *text, const char *serving, const char *food)
{
    char sv[128], fd[256];
    int found = kmgca_serving_split(text, sv, sizeof sv, fd, sizeof fd);
    if (!found && serving[0])
        fail_msg("\"%s\": no serving found, expected \"%s\"", text, serving);
    if (strcmp(sv, serving) != 0 || strcmp(fd, food) != 0)
        fail_msg("\"%s\": serving \"%s\" food \"%s\", expected \"%s\" and \"%s\"", text, sv, fd,
                 serving, food);
}

static void servings_anywhere(void **state)
{
    (void)state;
    /* leading */
    split_is("2 slices wholemeal toast", "2 slices", "wholemeal toast");
    split_is("a glass of milk", "a glass", "milk");
    split_is("bowl of porridge", "bowl", "porridge");
    split_is("half a cup of rice", "half a cup", "rice");
    split_is("a couple of eggs", "a couple", "eggs");
    split_is("one and a half cups milk", "one and a half cups", "milk");
    split_is("1-1/2 cups oatmeal", "1-1/2 cups", "oatmeal");
    split_is("an apple", "an", "apple");
    split_is("一碗米饭", "一碗", "米饭");
    split_is("两个鸡蛋", "两个", "鸡蛋");
    split_is("吃了一碗面条", "一碗", "面条");
    /* trailing */
    split_is("rye bread 2 slices", "2 slices", "rye bread");
    split_is("muesli 40g", "40g", "muesli");
    split_is("pork chop 5oz", "5oz", "pork chop");
    split_is("eggs x2", "x2", "eggs");
    split_is("Spinach, boiled, 1/2 cup", "1/2 cup", "Spinach, boiled");
    split_is("banana - 1 medium", "1 medium", "banana");
    split_is("玉米一根", "一根", "玉米");
    split_is("红枣五颗", "五颗", "红枣");
    split_is("米饭约一碗", "一碗", "米饭");
    split_is("牛肉100克左右", "100克", "牛肉");
    /* run together, in brackets, in the middle */
    split_is("小米50g", "50g", "小米");
    split_is("豆浆300毫升", "300毫升", "豆浆");
    split_is("3eggs", "3", "eggs");
    split_is("2x toast", "2x", "toast");
    split_is("chicken breast (150g)", "150g", "chicken breast");
    split_is("chicken breast 150g grilled", "150g", "chicken breast grilled");
    /* numbers that belong to the name stay there */
    split_is("7 up", "", "7 up");
    split_is("2% milk 1 cup", "1 cup", "2% milk");
    split_is("7-grain bread", "", "7-grain bread");
    split_is("V8 juice", "", "V8 juice");
    split_is("三文鱼 100克", "100克", "三文鱼");
    split_is("千张 一张", "一张", "千张");
    split_is("八宝粥", "", "八宝粥");
    split_is("half and half", "", "half and half");
    /* A container or household word with no amount, first or last: one of
     * it; a trailing "half" after a comma: half. Not inside a name. */
    split_is("glass white wine", "1 glass", "white wine");
    split_is("OJ glass", "1 glass", "OJ");
    split_is("handful snow peas", "1 handful", "snow peas");
    split_is("rasberries handful", "1 handful", "rasberries");
    split_is("avocado, half", "half", "avocado");
    split_is("peanut butter cup", "", "peanut butter cup");
    split_is("bottle gourd", "", "bottle gourd");
    split_is("salt and half", "", "salt and half");
    /* names that start with a container word stay names */
    split_is("glass noodles", "", "glass noodles");
    split_is("cup noodles", "", "cup noodles");
    split_is("plate lunch", "", "plate lunch");
    split_is("glass milk", "1 glass", "milk");
    /* vague amounts are cut out too, to be refused with their reason */
    split_is("十几个饺子", "十几个", "饺子");
    split_is("a few almonds", "a few", "almonds");
}

typedef struct {
    const char *text;
    double amount;
    kmgca_unit_kind kind;
    const char *unit;
} parsed;

static void serving_words(void **state)
{
    (void)state;
    static const parsed cases[] = {
        {"half", 0.5, KMGCA_UNIT_NONE, ""},
        {"a couple of", 2, KMGCA_UNIT_NONE, ""},
        {"one and a half cups", 1.5, KMGCA_UNIT_VOLUME, "cup"},
        {"three quarters of a cup", 0.75, KMGCA_UNIT_VOLUME, "cup"},
        {"half a dozen", 6, KMGCA_UNIT_NONE, ""},
        {"x3", 3, KMGCA_UNIT_NONE, ""},
        {"一", 1, KMGCA_UNIT_PORTION, ""},       /* see below: 一 needs a unit */
        {"两个", 2, KMGCA_UNIT_PORTION, "个"},
        {"一个半", 1.5, KMGCA_UNIT_PORTION, "个"},
        {"两个半", 2.5, KMGCA_UNIT_PORTION, "个"},
        {"半个", 0.5, KMGCA_UNIT_PORTION, "个"},
        {"十二个", 12, KMGCA_UNIT_PORTION, "个"},
        {"二十个", 20, KMGCA_UNIT_PORTION, "个"},
        {"四分之一个", 0.25, KMGCA_UNIT_PORTION, "个"},   /* a fraction, denominator first */
        {"三分之二碗", 2.0 / 3, KMGCA_UNIT_PORTION, "碗"},
        {"十分之三个", 0.3, KMGCA_UNIT_PORTION, "个"},
        {"四分之五个", 1.25, KMGCA_UNIT_PORTION, "个"},
        {"一又二分之一碗", 1.5, KMGCA_UNIT_PORTION, "碗"},
        {"四分之一两", 0.25, KMGCA_UNIT_MASS, "两"},
        {"一百五十克", 150, KMGCA_UNIT_MASS, "g"},
        {"二两", 2, KMGCA_UNIT_MASS, "两"},
        {"半斤", 0.5, KMGCA_UNIT_MASS, "斤"},
        {"一斤半", 1.5, KMGCA_UNIT_MASS, "斤"},
        {"一小碗", 1, KMGCA_UNIT_PORTION, "small 碗"},
        {"一大杯", 1, KMGCA_UNIT_PORTION, "large 杯"},
        {"１２个", 12, KMGCA_UNIT_PORTION, "个"},
        {"大半碗", 0.75, KMGCA_UNIT_PORTION, "碗"},
        {"a glass", 1, KMGCA_UNIT_PORTION, "glass"},
        {"2 large slices", 2, KMGCA_UNIT_PORTION, "large slices"},
        {"1 small", 1, KMGCA_UNIT_PORTION, "small"},
        {"2 T", 2, KMGCA_UNIT_VOLUME, "tbsp"},
        {"2 t", 2, KMGCA_UNIT_VOLUME, "tsp"},
        {"一小匙", 1, KMGCA_UNIT_VOLUME, "tsp"},
        {"some", 1, KMGCA_UNIT_TYPICAL, ""},
        /* app exports */
        {"2.00 x 3.0 oz", 6, KMGCA_UNIT_MASS, "oz"},
        {"2 x 150g", 300, KMGCA_UNIT_MASS, "g"},
        {"1.00 slice (from pre-sliced package) - each 1 oz", 1, KMGCA_UNIT_MASS, "oz"},
        {"1.00 shake (11 fl oz)", 11, KMGCA_UNIT_VOLUME, "fl oz"},
        {"1.00 Serving (6 tbsp, ground)", 6, KMGCA_UNIT_VOLUME, "tbsp"},
        {"0.83 FDA Serving Size", 0.83, KMGCA_UNIT_PORTION, "fda serving size"},
        {"1.00 large - 3\" diameter", 1, KMGCA_UNIT_PORTION, "large"},
        {"1.00 medium - 7\" to 7-7/8\" long", 1, KMGCA_UNIT_PORTION, "medium"},
        {"2 slices (60 g)", 60, KMGCA_UNIT_MASS, "g"},
        {"2.00 slice (30 g)", 60, KMGCA_UNIT_MASS, "g"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const parsed *c = &cases[i];
        kmgca_serving s;
        kmgca_error err;
        kmgca_status st = kmgca_serving_parse(c->text, &s, &err);
        if (!strcmp(c->text, "一")) {
            /* A numeral alone is no amount of anything: a household word. */
            assert_int_equal(st, KMGCA_OK);
            continue;
        }
        if (st != KMGCA_OK)
            fail_msg("\"%s\": %s", c->text, err.message);
        if (fabs(s.amount - c->amount) > 1e-9 || s.kind != c->kind || strcmp(s.unit, c->unit))
            fail_msg("\"%s\": %g %d \"%s\", expected %g %d \"%s\"", c->text, s.amount, s.kind,
                     s.unit, c->amount, c->kind, c->unit);
    }
}

static void vague_amounts_are_refused_with_a_reason(void **state)
{
    (void)state;
    static const struct {
        const char *text, *why;
    } cases[] = {
        {"十几个", "几"},          {"几片", "几"},           {"一两个", "range"},
        {"两三个", "range"},       {"1-2个", "range"},       {"a few", "a few"},
        {"several", "several"},   {"2-3", "range"},         {"2 or 3", "range"},
        {"between 100 and 300g", "range"}, {"适量", "适量"}, {"少许", "少许"},
        {"半碗到一碗", "range"},   {"a handful or two", "range"}, {"lots", "lots"},
        {"两到三个", "range"},     {"一到两碗", "range"},     {"2~3个", "range"},
        {"十多个", "多"},          {"二十来个", "来"},        {"两百多毫升", "多"},
        {"100g-150g", "range"},    {"1 cup - 2 cups", "range"}, {"1/0 cup", "denominator"},
        {"-2", "negative"},        {"-200 ml", "negative"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kmgca_serving s;
        kmgca_error err;
        kmgca_status st = kmgca_serving_parse(cases[i].text, &s, &err);
        if (st != KMGCA_ERROR_AMOUNT || !strstr(err.message, cases[i].why))
            fail_msg("\"%s\": status %d \"%s\", expected an amount error naming \"%s\"",
                     cases[i].text, st, err.message, cases[i].why);
    }
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
    /* A glass of milk: 250 ml through the cup (244 g / 236.59 ml). */
    assert_near(weigh_as("SR28", "01077", "milk", "a glass", how, sizeof how, NULL),
                250 * 244 / 236.5882365, 1e-6);
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

/* Two servings in one line, and amounts that are one serving told twice. */
static void one_serving_a_line(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int want;                /* what kmgca_serving_split returns */
        const char *serving;     /* when 1 */
    } cases[] = {
        {"milk 200ml and 2 biscuits", 2, NULL},
        {"2 eggs and 100g bacon", 2, NULL},
        {"rice, 1 cup, 2 eggs", 2, NULL},
        {"鸡蛋2个和牛奶200毫升", 2, NULL},
        /* a weight or a volume says what the piece weighs or holds */
        {"2 slices (60 g) toast", 1, "2 slices (60 g)"},
        {"Bread, 2 slice, 56 g", 1, "56 g"},
        {"rice 1 cup (200 g)", 1, "1 cup (200 g)"},
        {"rice 1 cup 200 g", 1, "200 g"},
        {"bottle of coke 600ml", 1, "600ml"},
        {"牛奶一杯250毫升", 1, "250毫升"},
        /* a size goes with the count */
        {"large eggs x2", 1, "2 large"},
        /* numbers of a name are no serving */
        {"T-bone steak 200g", 1, "200g"},
        {"9 grain bread 2 slices", 1, "2 slices"},
        {"coffee with 2 sugars", 0, ""},
        /* a count and one word ending the line: a measure of the food */
        {"brocolli 3 spears", 1, "3 spears"},
        {"salmon 2 fillets", 1, "2 fillets"},
        {"handful of almonds around 3 pm", 1, "handful"},
        /* "x2" is a count wherever it stands */
        {"Pork sausages x2 grilled", 1, "x2"},
        {"Boiled potatoes x 3 small", 1, "x 3 small"},
        {"whole punnet of strawbs", 1, "1 punnet"},
        /* a size before a container goes with it; "the whole tub" is one tub */
        {"Irish stew, big bowl", 1, "1 big bowl"},
        {"Stewed rhubarb - small dish", 1, "1 small dish"},
        {"small bag cool ranch doritos", 1, "1 small bag"},
        {"curry, ate the whole tub", 1, "1 tub"},
        {"a whole bag of microwave popcorn", 1, "a whole bag"},
        {"side dish", 0, ""},
        {"tea bag", 0, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char sv[128], fd[256];
        int got = kmgca_serving_split(cases[i].text, sv, sizeof sv, fd, sizeof fd);
        if (got != cases[i].want || (cases[i].serving && strcmp(sv, cases[i].serving) != 0))
            fail_msg("\"%s\": %d \"%s\" (food \"%s\"), expected %d \"%s\"", cases[i].text, got,
                     sv, fd, cases[i].want, cases[i].serving ? cases[i].serving : "");
    }
    /* kmgca_weigh does not pick one of two servings, and says why. */
    kmgca_weighing w;
    kmgca_error err;
    assert_int_equal(kmgca_weigh(shared_foods, "milk 200ml and 2 biscuits", "", &w, &err),
                     KMGCA_ERROR_AMOUNT);
    assert_non_null(strstr(err.message, "more than one serving"));
    /* A bare number too large for a count of pieces is no count: "banana
     * 120" (120 bananas?) and "鸡蛋100" are refused, not weighed as kilos. */
    assert_int_equal(kmgca_weigh(shared_foods, "banana 120", "", &w, &err), KMGCA_ERROR_AMOUNT);
    assert_int_equal(kmgca_weigh(shared_foods, "鸡蛋100", "", &w, &err), KMGCA_ERROR_AMOUNT);
    /* "a glass" alone has no food. */
    assert_int_not_equal(kmgca_weigh(shared_foods, "a glass", "", &w, &err), KMGCA_OK);
}

/* A name's own portion counts only when the name is the head of the text. */
static void name_portions_only_for_the_head(void **state)
{
    (void)state;
    kmgca_weighing w;
    kmgca_error err;
    /* pecans: 3 g a nut; a pecan pie is no pecan */
    assert_int_equal(kmgca_weigh(shared_foods, "pecans", "3", &w, &err), KMGCA_OK);
    assert_true(w.grams < 15);
    assert_int_equal(kmgca_weigh(shared_foods, "pecan pie", "1", &w, &err), KMGCA_OK);
    assert_true(w.grams > 50);
    assert_int_equal(kmgca_weigh(shared_foods, "冷冻猪肉水饺", "10个", &w, &err), KMGCA_OK);
    assert_near(w.grams, 200, 1e-9);       /* 水饺: 20 g each */
    /* A dish of the recipe table counts by its own portions: 猪肉白菜饺子 is
     * one serving of 10 (个 = 0.1 of its weight). */
    assert_int_equal(kmgca_weigh(shared_foods, "猪肉白菜饺子", "10个", &w, &err), KMGCA_OK);
    double total = 0, g;
    for (size_t i = 0; kmgca_food_ingredient(w.match.food, i, NULL, &g); i++)
        total += g;
    assert_true(total > 150);
    assert_near(w.grams, total, 1e-9);
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

static void weighing_in_one_step(void **state)
{
    (void)state;
    kmgca_weighing w;
    kmgca_error err;
    assert_int_equal(kmgca_weigh(shared_foods, "米饭 一碗", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.food_text, "米饭");
    assert_string_equal(w.serving_text, "一碗");
    assert_near(w.grams, 200, 1e-9);
    assert_false(w.serving_assumed);
    assert_true(w.serving_from_food);
    /* No amount: assumed, and said so. */
    assert_int_equal(kmgca_weigh(shared_foods, "nectarine", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    assert_near(w.grams, 142, 1e-9);
    /* The amount in its own field and the unit in the text: "2" + "slices
     * of whole wheat bread" (SR28 18075: slice 32 g). */
    assert_int_equal(kmgca_weigh(shared_foods, "slices of whole wheat bread", "2", &w, &err),
                     KMGCA_OK);
    assert_near(w.grams, 64, 1e-9);
    /* A pint of milk is the imperial pint shops sell (568 ml), as a pint of
     * beer is; SR28 01079 weighs 976 g a quart. */
    assert_int_equal(kmgca_weigh(shared_foods, "pint of semi skimmed milk", "", &w, &err),
                     KMGCA_OK);
    assert_near(w.grams, 568.26125 * 976 / 946.352946, 1e-6);
    assert_non_null(strstr(w.how, "imperial"));
    /* A count of a chain's product is its own item as USDA weighed it
     * (McDonald's cheeseburger 119 g), not the usual size of the name. */
    assert_int_equal(kmgca_weigh(shared_foods, "2 Maccas cheeseburgers", "", &w, &err),
                     KMGCA_OK);
    assert_string_equal(w.match.food->id, "21233");
    assert_near(w.grams, 238, 1e-9);
    /* "a peach": the article counts one but says nothing of its size: one
     * typical serving, said to be assumed; "1 peach" is written. */
    assert_int_equal(kmgca_weigh(shared_foods, "a peach from the farmers market", "", &w, &err),
                     KMGCA_OK);
    assert_true(w.serving_assumed);
    assert_string_equal(w.serving_text, "");
    assert_int_equal(kmgca_weigh(shared_foods, "1 peach", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    /* name_portion_find remembers its answers per thread: the same after
     * 600 other texts have gone through the memo */
    char first[48], again[48], other[64];
    assert_true(name_portion_find("fish and chips", first, sizeof first));
    for (int i = 0; i < 600; i++) {
        snprintf(other, sizeof other, "food number %d", i);
        name_portion_find(other, again, sizeof again);
    }
    assert_true(name_portion_find("fish and chips", again, sizeof again));
    assert_string_equal(first, again);
    assert_false(name_portion_find("xqzvy wplk", again, sizeof again));
    assert_false(name_portion_find("xqzvy wplk", again, sizeof again));
    /* A coffee shop's cup sizes, with no count written: "grande latte",
     * "拿铁 中杯", and in brackets after a cup: "1杯(大杯)". A name that
     * holds such a word stays a name ("大杯菇" is a mushroom). */
    assert_int_equal(kmgca_weigh(shared_foods, "grande latte", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.serving_text, "1 grande");
    assert_near(w.grams, 479.8, 0.1);
    assert_int_equal(kmgca_weigh(shared_foods, "拿铁 中杯", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 355, 1e-9);
    assert_false(w.serving_assumed);
    assert_int_equal(kmgca_weigh(shared_foods, "拿铁(超大杯)", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 592, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "美式咖啡", "1杯(大杯)", &w, &err), KMGCA_OK);
    assert_string_equal(w.serving_text, "1杯(大杯)");
    assert_near(w.grams, 473, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "美式咖啡", "2杯", &w, &err), KMGCA_OK);
    assert_near(w.grams, 600, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "大杯菇", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    /* A bottle of beer is the 12 fl oz one, not FNDDS's 40 fl oz bottle
     * (FNDDS 93101000: 1 fl oz = 30 g). */
    assert_int_equal(kmgca_weigh(shared_foods, "2 bottles of beer", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 2 * 355 * 30 / 29.5735295625, 1e-6);
    /* "half a 150g bag": half of the bag's own weight. */
    assert_int_equal(kmgca_weigh(shared_foods, "crisps, half a 150g bag", "", &w, &err),
                     KMGCA_OK);
    assert_near(w.grams, 75, 1e-9);
    /* A size before a trailing container goes with it: a big bowl. */
    assert_int_equal(kmgca_weigh(shared_foods, "Irish stew, big bowl", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.serving_text, "1 big bowl");
    assert_false(w.serving_assumed);
    /* A takeaway tub of a named dish is one takeaway portion of it. */
    assert_int_equal(kmgca_weigh(shared_foods, "tikka masala, the whole tub", "", &w, &err),
                     KMGCA_OK);
    assert_near(w.grams, 350, 1e-9);
    /* A vague amount keeps its food, and says why it is not weighed. */
    assert_int_equal(kmgca_weigh(shared_foods, "a few almonds", "", &w, &err),
                     KMGCA_ERROR_AMOUNT);
    assert_non_null(strstr(err.message, "a few"));
    assert_non_null(w.match.food);
    assert_true(isnan(w.grams));
}

/* A weight said to be taken dry, raw or cooked ("100g(干重)", "40 g dry")
 * weighs that form of the food; a spoon of a sauce the table gives no
 * volume for weighs at its kind's density; a sweet counts a few grams. */
static void weights_as_taken_and_small_things(void **state)
{
    (void)state;
    kmgca_weighing w;
    kmgca_error err;
    assert_int_equal(kmgca_weigh(shared_foods, "挂面 100g(干重)", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.match.food->id, "R2000101"); /* TFDA 干面条 */
    assert_near(w.grams, 100, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "挂面", "100克（干）", &w, &err), KMGCA_OK);
    assert_string_equal(w.match.food->id, "R2000101");
    assert_int_equal(kmgca_weigh(shared_foods, "rice 75g (dry weight)", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.match.food->id, "20444");
    assert_int_equal(kmgca_weigh(shared_foods, "oats 40g uncooked", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.match.food->id, "08120");
    /* a food whose name ends in the word is left alone */
    assert_int_equal(kmgca_weigh(shared_foods, "葡萄干 30g", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.food_text, "葡萄干");
    assert_int_equal(kmgca_weigh(shared_foods, "rice 1 cup cooked", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.match.food->id, "20045");
    /* 勺 is 10 ml; sauce 1.05 g per ml (containers.csv density row) */
    assert_int_equal(kmgca_weigh(shared_foods, "酱油 1勺", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 10.5, 1e-9);
    assert_non_null(strstr(w.how, "g per ml"));
    assert_int_equal(kmgca_weigh(shared_foods, "牛轧糖 3颗", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 30, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "三明治 一个", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 150, 1e-9);
    /* "80/20" is lean and fat, not a fraction of a serving (it was 4
     * servings); "3/4 cup" stays a fraction */
    assert_int_equal(kmgca_weigh(shared_foods, "ground beef 80/20, cooked", "4 oz", &w, &err),
                     KMGCA_OK);
    assert_string_equal(w.match.food->id, "23573");
    assert_int_equal(kmgca_weigh(shared_foods, "3/4 cup milk", "", &w, &err), KMGCA_OK);
    assert_near(w.serving.amount, 0.75, 1e-9);
    char ratio[64];
    assert_false(text_lean_ratio("pasta 100/200g", ratio, sizeof ratio));
    assert_false(text_lean_ratio("1/2 cup", ratio, sizeof ratio));
    assert_true(text_drink_milk("Caffe Latte - 2% Milk", ratio, sizeof ratio));
    assert_string_equal(ratio, "Caffe Latte with 2% Milk");
    assert_false(text_drink_milk("Milk, 2%", ratio, sizeof ratio));
    assert_false(text_drink_milk("Cereal, with milk", ratio, sizeof ratio));
    assert_true(text_lean_ratio("turkey 93/7", ratio, sizeof ratio));
    assert_string_equal(ratio, "turkey 93% lean 7% fat");
    /* a half or a size after the food, with no count: "avocado half" is
     * half of one (75 g of a Hass avocado), "pear, large" one large one;
     * "half and half" stays the cream, "milk whole" the milk */
    assert_int_equal(kmgca_weigh(shared_foods, "avocado half", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 75, 1e-9);
    assert_false(w.serving_assumed);
    assert_int_equal(kmgca_weigh(shared_foods, "pear, large", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 230, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "half and half", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    assert_int_equal(kmgca_weigh(shared_foods, "milk whole", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    /* a container after the food: one of it; a word that names a food of
     * its own stays ("turkey sandwich" is a sandwich, not turkey) */
    assert_int_equal(kmgca_weigh(shared_foods, "lager schooner", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.serving_text, "1 schooner");
    assert_int_equal(kmgca_weigh(shared_foods, "turkey sandwich", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    assert_string_equal(w.match.food->id, "27540310");
    /* a count of a drink is a cup, a can or a glass; of bagels the regular
     * one (105 g), not the Bagel Thin */
    assert_int_equal(kmgca_weigh(shared_foods, "2 coffees", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 474, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "1 coke", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 370, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "1 bagel", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 105, 1e-9);
    /* an app export's count of the food itself: "..., 2 egg" is two eggs */
    assert_int_equal(kmgca_weigh(shared_foods, "Eggs - Large boiled, 2 egg", "", &w, &err),
                     KMGCA_OK);
    assert_near(w.grams, 100, 1e-9);
    assert_false(w.serving_assumed);
    char out[64];
    assert_false(text_count_of_itself("Bread, 2 slices", out, sizeof out));
    assert_true(text_count_of_itself("Potatoes, 3 potatoes", out, sizeof out));
    assert_string_equal(out, "Potatoes, 3");
    /* a bare count of a recipe counts its pieces (Vegemite on toast: slice
     * = half the serving of 81 g), else its usual serving */
    assert_int_equal(kmgca_weigh(shared_foods, "Vegemite on toast x2", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 81, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "3 stubbies of beer", "", &w, &err), KMGCA_OK);
    assert_non_null(strstr(w.how, "375 ml"));
    /* the same line again (the split and the serving read are remembered):
     * the same answer; a serving that cannot be read fails every time */
    kmgca_weighing again;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(kmgca_weigh(shared_foods, "slices of whole wheat bread", "2", &again,
                                     &err), KMGCA_OK);
        assert_near(again.grams, 64, 1e-9);
        assert_string_equal(again.serving_text, "2 slices");
        assert_int_equal(kmgca_weigh(shared_foods, "apple", "a few", &again, &err),
                         KMGCA_ERROR_AMOUNT);
    }
}

/* Chinese leaves 一 out after a verb or 了: "喝了碗八宝粥" is one bowl, not a
 * serving to assume; a measure word that starts the food's name stays in it. */
static void chinese_measure_word_without_one(void **state)
{
    (void)state;
    kmgca_weighing w;
    kmgca_error err;
    assert_int_equal(kmgca_weigh(shared_foods, "早上喝了碗小米粥", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    assert_string_equal(w.serving_text, "一碗");
    assert_string_equal(kmgca_food_description(w.match.food), "小米粥");
    assert_int_equal(kmgca_weigh(shared_foods, "来了个煎饼果子", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    assert_string_equal(w.serving_text, "一个");
    assert_int_equal(kmgca_weigh(shared_foods, "喝了小碗粥", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    assert_string_equal(w.serving_text, "一小碗");
    /* 包 (a bag) and 锅 (a pot) start 包子 and 锅贴: the food as written, its
     * serving assumed and said so. */
    assert_int_equal(kmgca_weigh(shared_foods, "吃了包子", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    assert_non_null(strstr(kmgca_food_description(w.match.food), "包子"));
    assert_int_equal(kmgca_weigh(shared_foods, "吃了锅贴", "", &w, &err), KMGCA_OK);
    assert_true(w.serving_assumed);
    assert_string_equal(kmgca_food_description(w.match.food), "锅贴");
    /* A numeral written is read as before. */
    assert_int_equal(kmgca_weigh(shared_foods, "吃了两个包子", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    assert_string_equal(w.serving_text, "两个");
}

/* Amounts and measure words in Traditional characters read as their
 * Simplified forms; a size before a recipe's own measure scales it. */
static void traditional_measures_and_recipe_sizes(void **state)
{
    (void)state;
    kmgca_weighing w;
    kmgca_error err;
    assert_int_equal(kmgca_weigh(shared_foods, "豬肉二兩", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    assert_near(w.grams, 100, 1e-9);
    assert_string_equal(w.food_text, "豬肉");
    double each;
    assert_int_equal(kmgca_weigh(shared_foods, "鸡蛋 两个", "", &w, &err), KMGCA_OK);
    each = w.grams;
    assert_int_equal(kmgca_weigh(shared_foods, "雞蛋 兩個", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, each, 1e-9);
    /* 小碗 of a recipe: 2/3 of the recipe's 碗, said */
    assert_int_equal(kmgca_weigh(shared_foods, "小米粥 一碗", "", &w, &err), KMGCA_OK);
    each = w.grams;
    assert_int_equal(kmgca_weigh(shared_foods, "小米粥 一小碗", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, each * 2 / 3, 1e-9);
    assert_non_null(strstr(w.how, "2/3"));
}

/* 俩 and 仨 are 两个 and 三个, unless they count people; 三杯 is three cups
 * unless it names 三杯鸡; a slip (弥猴桃) finds the portions of its name. */
static void colloquial_numbers_and_names(void **state)
{
    (void)state;
    kmgca_weighing w;
    kmgca_error err;
    double one;
    assert_int_equal(kmgca_weigh(shared_foods, "橘子 一个", "", &w, &err), KMGCA_OK);
    one = w.grams;
    assert_int_equal(kmgca_weigh(shared_foods, "下午吃了俩橘子", "", &w, &err), KMGCA_OK);
    assert_false(w.serving_assumed);
    assert_near(w.grams, 2 * one, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "仨橘子", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 3 * one, 1e-9);
    assert_int_equal(kmgca_weigh(shared_foods, "我们俩吃了一盘饺子", "", &w, &err), KMGCA_OK);
    assert_string_equal(w.serving_text, "一盘");
    assert_int_equal(kmgca_weigh(shared_foods, "绿茶 一杯", "", &w, &err), KMGCA_OK);
    one = w.grams;
    assert_int_equal(kmgca_weigh(shared_foods, "普洱茶三杯", "", &w, &err), KMGCA_OK);
    assert_near(w.grams / 3, one, 10);
    assert_int_equal(kmgca_weigh(shared_foods, "三杯鸡", "", &w, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_description(w.match.food), "三杯鸡");
    assert_true(w.serving_assumed);
    assert_int_equal(kmgca_weigh(shared_foods, "猕猴桃1个", "", &w, &err), KMGCA_OK);
    one = w.grams;
    assert_int_equal(kmgca_weigh(shared_foods, "弥猴桃1个", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, one, 1e-9);
    /* a cooking verb stays with its food when 了 and a serving stand between */
    assert_int_equal(kmgca_weigh(shared_foods, "晚上炒了盘年糕", "", &w, &err), KMGCA_OK);
    assert_string_equal(kmgca_food_description(w.match.food), "炒年糕");
    assert_false(w.serving_assumed);
    assert_int_equal(kmgca_weigh(shared_foods, "早上煎了两个鸡蛋", "", &w, &err), KMGCA_OK);
    assert_non_null(strstr(kmgca_food_description(w.match.food), "荷包蛋"));
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
        cmocka_unit_test(servings_anywhere),
        cmocka_unit_test(serving_words),
        cmocka_unit_test(vague_amounts_are_refused_with_a_reason),
        cmocka_unit_test(containers_and_measure_words),
        cmocka_unit_test(one_serving_a_line),
        cmocka_unit_test(name_portions_only_for_the_head),
        cmocka_unit_test(typical_servings_scale),
        cmocka_unit_test(weighing_in_one_step),
        cmocka_unit_test(weights_as_taken_and_small_things),
        cmocka_unit_test(chinese_measure_word_without_one),
        cmocka_unit_test(traditional_measures_and_recipe_sizes),
        cmocka_unit_test(colloquial_numbers_and_names),
    };
    return cmocka_run_group_tests_name("serving", tests, foods_setup, foods_teardown);
}
