/* test_split.c — the serving found in food text and cut out: leading,
 * trailing, run together or in brackets, numbers that belong to the name,
 * two servings in one line. */
#include "testutil.h"

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

/* Found by fuzz/fuzz_serving.c: short buffers were cut inside a character
 * (regress-* inputs in fuzz/corpus/). */
static void cut_servings_between_characters(void **state)
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
        {"curry, ate the whole tub", 1, "the whole tub"},
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
     * 120" (120 bananas?) and "鸡蛋100" are grams, a drink's number ml, as
     * diaries write them, and marked assumed; past 3 kg it is refused. */
    assert_int_equal(kmgca_weigh(shared_foods, "banana 120", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 120, 1e-6);
    assert_true(w.serving_assumed);
    assert_non_null(strstr(w.how, "no unit written"));
    assert_int_equal(kmgca_weigh(shared_foods, "鸡蛋100", "", &w, &err), KMGCA_OK);
    assert_near(w.grams, 100, 1e-6);
    assert_true(w.serving_assumed);
    assert_int_equal(kmgca_weigh(shared_foods, "牛奶 250", "", &w, &err), KMGCA_OK);
    assert_int_equal(w.serving.kind, KMGCA_UNIT_VOLUME);
    assert_near(w.serving.amount, 250, 1e-6);
    assert_int_equal(kmgca_weigh(shared_foods, "apple 5000", "", &w, &err), KMGCA_ERROR_AMOUNT);
    /* "a glass" alone has no food. */
    assert_int_not_equal(kmgca_weigh(shared_foods, "a glass", "", &w, &err), KMGCA_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(split_leading_servings),
        cmocka_unit_test(cut_servings_between_characters),
        cmocka_unit_test(servings_anywhere),
        cmocka_unit_test(one_serving_a_line),
    };
    return cmocka_run_group_tests_name("split", tests, foods_setup, foods_teardown);
}
