/* bench_match.c — how fast food text is matched against the built-in tables.
 *
 * Measures, with clock_gettime(CLOCK_MONOTONIC):
 *   1. index build + first match: kmgca_foods_new and its first
 *      kmgca_foods_match (which builds the index), on a fresh handle;
 *   2. matching a new text: every text of the list below once per round, on
 *      a fresh handle per round (the memo is per handle, so each call ranks
 *      the text against the whole table); the index is built before the
 *      round by matching a text that is not in the list;
 *   3. memoised matching: the same texts again on a warm handle;
 *   4. a baseline in the same run: a plain strcmp linear scan of every food
 *      description for each text, timed right after each new match, so the
 *      ratio new-match / linear-scan is comparable on a noisy machine.
 *
 * Figures are medians (and p90) over all calls. The program reports; it is
 * not a test and exits 0 whatever the figures are.
 *
 *     make build/bench/bench_match && build/bench/bench_match [ROUNDS]
 */
#include "kmgca.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Food as people write it in a diary: plain, cooked, branded-ish, misspelt,
 * with qualifiers, and in Chinese. Every text is distinct. */
static const char *const texts[] = {
    /* vegetables */
    "spinach, boiled", "spinach", "raw spinach", "baby spinach", "frozen spinach",
    "broccoli", "brocoli", "broccoli, steamed", "broccoli florets", "cauliflower",
    "kale", "kale, raw", "carrots", "carrot, raw", "baby carrots", "cooked carrots",
    "sweet potato", "sweet potato, baked", "baked potato", "potato, boiled",
    "mashed potatoes", "french fries", "tomato", "cherry tomatoes", "tomato sauce",
    "cucumber", "lettuce", "romaine lettuce", "iceberg lettuce", "celery",
    "onion", "red onion", "garlic", "bell pepper", "green pepper", "red bell pepper",
    "zucchini", "zuchini", "eggplant", "mushrooms", "portobello mushroom",
    "asparagus", "green beans", "peas", "frozen peas", "corn", "corn on the cob",
    "brussels sprouts", "brussel sprouts", "cabbage", "red cabbage", "bok choy",
    "beets", "avocado", "butternut squash", "pumpkin", "okra", "artichoke",
    "swiss chard", "collard greens", "edamame", "bean sprouts", "seaweed",
    /* fruit */
    "banana", "bananna", "apple", "green apple", "apple with skin", "orange",
    "navel orange", "grapefruit", "strawberries", "blueberries", "raspberries",
    "blackberries", "grapes", "red grapes", "watermelon", "cantaloupe",
    "honeydew melon", "pineapple", "mango", "papaya", "kiwi", "kiwifruit",
    "pear", "peach", "plum", "cherries", "apricots, dried", "dried apricots",
    "raisins", "prunes", "dates", "medjool dates", "figs, dried", "coconut",
    "lemon juice", "lime", "pomegranate", "cranberries, dried",
    /* dairy and eggs */
    "2% milk", "milk", "whole milk", "skim milk", "1% milk", "chocolate milk",
    "greek yogurt", "plain yogurt", "nonfat greek yogurt", "yoghurt", "yogurt with fruit",
    "cheddar cheese", "cheddar", "mozzarella", "parmesan", "parmesan cheese, grated",
    "cottage cheese", "cream cheese", "swiss cheese", "feta cheese", "string cheese",
    "butter", "unsalted butter", "egg", "eggs", "boiled egg", "hard boiled egg",
    "scrambled eggs", "fried egg", "egg white", "egg whites", "sour cream",
    "ice cream", "vanilla ice cream", "heavy cream", "half and half",
    /* meat and fish */
    "chicken breast grilled", "chicken breast", "grilled chicken", "roast chicken",
    "chicken thigh", "chicken wings", "ground beef", "lean ground beef",
    "beef steak", "sirloin steak", "ribeye", "pork chop", "pork loin", "bacon",
    "ham", "sliced turkey", "turkey breast", "ground turkey", "lamb chop",
    "salmon", "baked salmon", "smoked salmon", "salmon, atlantic, farmed",
    "tuna", "canned tuna in water", "tuna salad", "cod", "tilapia", "shrimp",
    "grilled shrimp", "sardines", "sardines in oil", "crab", "lobster", "oysters",
    "clams", "hot dog", "sausage", "pepperoni", "salami", "beef jerky",
    /* grains and bread */
    "white rice", "brown rice", "rice, cooked", "jasmine rice", "basmati rice",
    "quinoa", "oatmeal", "rolled oats", "instant oatmeal", "oatmeal made with water",
    "whole wheat bread", "white bread", "sourdough bread", "rye bread", "bagel",
    "english muffin", "flour tortilla", "corn tortilla", "pita bread", "croissant",
    "pasta", "spaghetti", "whole wheat pasta", "macaroni and cheese", "egg noodles",
    "ramen noodles", "couscous", "barley", "cornflakes", "granola", "cheerios",
    "bran flakes", "pancakes", "waffles", "crackers", "saltine crackers",
    "popcorn", "pretzels", "tortilla chips", "potato chips",
    /* legumes, nuts, seeds */
    "black beans", "kidney beans", "chickpeas", "garbanzo beans", "lentils",
    "lentils, boiled", "pinto beans", "refried beans", "baked beans", "hummus",
    "tofu", "firm tofu", "tempeh", "soy milk", "almond milk", "peanut butter",
    "almond butter", "almonds", "raw almonds", "walnuts", "cashews", "pecans",
    "pistachios", "peanuts", "sunflower seeds", "pumpkin seeds", "chia seeds",
    "flax seeds", "ground flaxseed", "sesame seeds", "brazil nuts",
    /* drinks, sweets, condiments, dishes */
    "orange juice", "apple juice", "coffee", "black coffee", "green tea",
    "black tea", "coca cola", "beer", "red wine", "coconut water", "tomato juice",
    "sports drink", "dark chocolate", "milk chocolate", "chocolate chip cookie",
    "honey", "maple syrup", "sugar", "brown sugar", "jam", "ketchup", "mustard",
    "mayonnaise", "soy sauce", "salsa", "olive oil", "salt", "table salt",
    "pizza", "cheese pizza", "pepperoni pizza", "hamburger", "cheeseburger",
    "chicken noodle soup", "tomato soup", "lasagna", "burrito", "taco",
    "caesar salad", "sushi", "fried rice", "chili con carne", "mac and cheese",
    "protein bar", "whey protein powder", "molasses", "blackstrap molasses",
    /* Chinese */
    "菠菜", "米饭", "豆腐", "香蕉", "苹果", "鸡蛋", "牛奶", "酸奶", "西兰花",
    "土豆", "红薯", "胡萝卜", "番茄", "黄瓜", "大白菜", "海带", "紫菜", "芝麻酱",
    "核桃", "杏仁", "花生", "豆浆", "燕麦片", "面条", "全麦面包", "三文鱼", "虾",
    "牛肉", "猪肉", "鸡胸肉", "橙汁", "绿茶", "咖啡", "黑巧克力", "蜂蜜", "酱油",
    "煮菠菜", "小米粥",
    /* Chinese diary lines: dishes, chatter, Traditional characters */
    "回锅肉", "西红柿炒鸡蛋", "中午吃了牛肉面", "食堂打了份鱼香肉丝", "早上喝的豆浆",
    "晚上下了碗面条", "煎饼果子", "小笼包", "白飯", "高麗菜", "空心菜", "猪肉白菜饺子",
    "糖醋排骨", "紫菜蛋花汤", "鲫鱼豆腐汤", "清炒小白菜",
};
#define TEXT_COUNT (sizeof texts / sizeof texts[0])

/* A text the list does not hold: builds the index before a round. */
static const char warmup_text[] = "benchmark index warm-up text";

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of n values; sorts them. */
static double quantile(double *v, size_t n, double q)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(q * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static kmgca_foods *open_foods(void)
{
    kmgca_error err;
    kmgca_foods *foods = kmgca_foods_new(&err);
    if (!foods) {
        fprintf(stderr, "bench_match: kmgca_foods_new: %s\n", err.message);
        exit(0);
    }
    return foods;
}

/* What a plain linear scan costs: strcmp against every description. */
static volatile size_t scan_sink;
static size_t linear_scan(const kmgca_foods *foods, const char *text)
{
    size_t n = kmgca_foods_count(foods), hit = n;
    for (size_t i = 0; i < n; i++)
        if (strcmp(kmgca_food_description(kmgca_foods_at(foods, i)), text) == 0) {
            hit = i;
            break;
        }
    return hit;
}

typedef struct {
    double median, p90, min;
} stats;

static stats summarise(double *v, size_t n)
{
    stats s;
    s.p90 = quantile(v, n, 0.90);
    s.median = quantile(v, n, 0.50);
    s.min = n ? v[0] : 0;
    return s;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 9;
    if (rounds < 1)
        rounds = 1;
    const int build_rounds = rounds < 5 ? rounds : 5;
    const size_t calls = TEXT_COUNT * (size_t)rounds;
    double *t_new = malloc(calls * sizeof *t_new);
    double *t_scan = malloc(calls * sizeof *t_scan);
    double *t_memo = malloc(calls * sizeof *t_memo);
    double *per_text = calloc(TEXT_COUNT * (size_t)rounds, sizeof *per_text);
    double t_open[8], t_first[8], t_build[8], t_timer[1001];
    size_t method_count[8] = {0}, no_match = 0;
    kmgca_match m;
    kmgca_error err;
    if (!t_new || !t_scan || !t_memo || !per_text) {
        fprintf(stderr, "bench_match: out of memory\n");
        return 0;
    }

    /* Timer overhead: two back-to-back clock reads. */
    for (size_t i = 0; i < sizeof t_timer / sizeof t_timer[0]; i++) {
        double a = now_ns();
        t_timer[i] = now_ns() - a;
    }
    double timer_ns = quantile(t_timer, sizeof t_timer / sizeof t_timer[0], 0.5);

    /* 1. Open + index build + first match. */
    for (int r = 0; r < build_rounds; r++) {
        double a = now_ns();
        kmgca_foods *foods = open_foods();
        double b = now_ns();
        kmgca_foods_match(foods, texts[0], &m, &err);
        double c = now_ns();
        t_open[r] = b - a;
        t_first[r] = c - b;
        t_build[r] = c - a;
        kmgca_foods_free(foods);
    }

    /* 2 + 4. New texts on a fresh handle per round, each followed by the
     * linear-scan baseline for the same text. */
    kmgca_foods *foods = NULL;
    size_t k = 0;
    for (int r = 0; r < rounds; r++) {
        kmgca_foods_free(foods);
        foods = open_foods();
        kmgca_foods_match(foods, warmup_text, &m, &err);
        for (size_t i = 0; i < TEXT_COUNT; i++, k++) {
            double a = now_ns();
            kmgca_status st = kmgca_foods_match(foods, texts[i], &m, &err);
            double b = now_ns();
            scan_sink = linear_scan(foods, texts[i]);
            double c = now_ns();
            t_new[k] = b - a;
            t_scan[k] = c - b;
            per_text[i * (size_t)rounds + (size_t)r] = b - a;
            if (r == 0) {
                if (st == KMGCA_OK && (unsigned)m.method < 8)
                    method_count[m.method]++;
                else
                    no_match++;
            }
        }
    }

    /* 3. Memoised: the same texts on the warm handle of the last round. */
    k = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < TEXT_COUNT; i++, k++) {
            double a = now_ns();
            kmgca_foods_match(foods, texts[i], &m, &err);
            t_memo[k] = now_ns() - a;
        }
    kmgca_foods_free(foods);

    /* The slowest texts, by their median over the rounds. */
    double text_median[TEXT_COUNT];
    for (size_t i = 0; i < TEXT_COUNT; i++)
        text_median[i] = quantile(per_text + i * (size_t)rounds, (size_t)rounds, 0.5);

    stats s_open = summarise(t_open, (size_t)build_rounds);
    stats s_first = summarise(t_first, (size_t)build_rounds);
    stats s_build = summarise(t_build, (size_t)build_rounds);
    stats s_new = summarise(t_new, calls);
    stats s_scan = summarise(t_scan, calls);
    stats s_memo = summarise(t_memo, calls);

    printf("bench_match: kmgca %s, %zu distinct texts x %d rounds = %zu calls; "
           "timer overhead %.0f ns (included below)\n",
           kmgca_version(), TEXT_COUNT, rounds, calls, timer_ns);
    printf("  texts matched in round 1: exact %zu, words %zu, spelling %zu, chinese %zu, "
           "no match %zu\n",
           method_count[KMGCA_MATCH_EXACT], method_count[KMGCA_MATCH_WORDS],
           method_count[KMGCA_MATCH_SPELLING], method_count[KMGCA_MATCH_CHINESE], no_match);
    printf("\n  %-40s %12s %12s %12s\n", "measure", "median", "p90", "min");
    printf("  %-40s %9.2f ms %9.2f ms %9.2f ms\n", "kmgca_foods_new", s_open.median / 1e6,
           s_open.p90 / 1e6, s_open.min / 1e6);
    printf("  %-40s %9.2f ms %9.2f ms %9.2f ms\n", "first match (builds the index)",
           s_first.median / 1e6, s_first.p90 / 1e6, s_first.min / 1e6);
    printf("  %-40s %9.2f ms %9.2f ms %9.2f ms\n", "new + first match", s_build.median / 1e6,
           s_build.p90 / 1e6, s_build.min / 1e6);
    printf("  %-40s %9.2f us %9.2f us %9.2f us\n", "match, new text (fresh handle)",
           s_new.median / 1e3, s_new.p90 / 1e3, s_new.min / 1e3);
    printf("  %-40s %9.2f us %9.2f us %9.2f us\n", "baseline: strcmp scan of descriptions",
           s_scan.median / 1e3, s_scan.p90 / 1e3, s_scan.min / 1e3);
    printf("  %-40s %9.0f ns %9.0f ns %9.0f ns\n", "match, memoised (warm handle)",
           s_memo.median, s_memo.p90, s_memo.min);
    printf("\n  ratio new-match / linear-scan (medians): %.2f  (%zu foods scanned)\n",
           s_scan.median > 0 ? s_new.median / s_scan.median : 0.0,
           kmgca_foods_count(foods = open_foods()));
    kmgca_foods_free(foods);

    printf("  slowest texts (median over rounds):\n");
    for (int shown = 0; shown < 8; shown++) {
        size_t worst = 0;
        for (size_t i = 1; i < TEXT_COUNT; i++)
            if (text_median[i] > text_median[worst])
                worst = i;
        if (text_median[worst] < 0)
            break;
        printf("    %9.1f us  %s\n", text_median[worst] / 1e3, texts[worst]);
        text_median[worst] = -1;
    }

    double new_us = s_new.median / 1e3, memo_us = s_memo.median / 1e3;
    printf("\ngoal match_new_median_us <= 50: %s (%.2f)\n", new_us <= 50 ? "PASS" : "FAIL",
           new_us);
    printf("goal match_memo_median_us <= 1: %s (%.3f)\n", memo_us <= 1 ? "PASS" : "FAIL",
           memo_us);
    free(t_new);
    free(t_scan);
    free(t_memo);
    free(per_text);
    return 0;
}
