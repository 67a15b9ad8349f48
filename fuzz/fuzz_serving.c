/* fuzz_serving.c — serving text ("1½ cups", "30g", "2 large biscuits",
 * "半斤", "米饭一碗", "eggs x2", "1.00 shake (11 fl oz)") through
 * kmgca_serving_parse, kmgca_serving_split and kmgca_serving_take_detail,
 * weighed for foods of many kinds and measures, and through kmgca_weigh
 * (split, match and weigh in one step). Buffer sizes for the split and the
 * explanation are picked from the input, down to 0 and 1 byte, to check
 * that every text is cut cleanly. */
#include "fuzz.h"

/* SR28 foods with volume, piece and household measures. */
static const char *const food_ids[] = {
    "09040", /* bananas, raw */
    "11458", /* spinach, cooked, boiled, drained, without salt */
    "01077", /* milk, whole */
    "18075", /* bread, whole-wheat */
    "12061", /* almonds */
    "11124", /* carrots, raw */
    "20045", /* rice, cooked: bowls, no item */
    "14148", /* cola: cans and bottles */
    "12006", /* chia seeds: no volume measure */
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    uint32_t pick = fuzz_pick(data, size);
    kmgca_foods *foods = fuzz_foods();

    /* Split a leading serving off food text, into buffers of picked sizes. */
    static const size_t sizes[] = {0, 1, 2, 3, 5, 8, 64, 256};
    size_t ss = sizes[pick % 8], fs = sizes[(pick >> 3) % 8];
    char *serving = malloc(ss ? ss : 1), *food = malloc(fs ? fs : 1);
    FUZZ_CHECK(serving && food);
    int split = kmgca_serving_split(text, serving, ss, food, fs);
    FUZZ_CHECK(split >= 0 && split <= 2);
    /* Cut, but never inside a character (of valid UTF-8 text: the API's). */
    int valid = utf8_valid(text, strlen(text));
    if (ss)
        FUZZ_CHECK(strnlen(serving, ss) < ss && (!valid || fuzz_text_ok(serving, ss)));
    if (fs)
        FUZZ_CHECK(strnlen(food, fs) < fs && (!valid || fuzz_text_ok(food, fs)));
    if (!split && ss)
        FUZZ_CHECK(serving[0] == '\0');
    free(serving);
    free(food);

    kmgca_serving s;
    kmgca_error err;
    kmgca_error_clear(&err);
    kmgca_status st = kmgca_serving_parse(text, &s, &err);
    if (st != KMGCA_OK) {
        FUZZ_CHECK(err.status == st);
        FUZZ_BUF(err.message);
        free(text);
        return 0;
    }
    FUZZ_CHECK(isfinite(s.amount) && s.amount >= 0 && s.amount <= 1e6);
    FUZZ_CHECK(s.kind >= KMGCA_UNIT_NONE && s.kind <= KMGCA_UNIT_TYPICAL);
    FUZZ_BUF(s.unit);
    FUZZ_BUF(s.detail);
    FUZZ_BUF(s.note);
    if (s.kind == KMGCA_UNIT_MASS || s.kind == KMGCA_UNIT_VOLUME)
        FUZZ_CHECK(s.unit_factor > 0 && isfinite(s.unit_factor));

    static const size_t how_sizes[] = {0, 1, 2, 7, 40, 512};
    for (size_t i = 0; i < sizeof food_ids / sizeof food_ids[0]; i++) {
        const kmgca_food *f = kmgca_foods_find(foods, "SR28", food_ids[i]);
        FUZZ_CHECK(f);
        kmgca_serving t = s;
        kmgca_serving_take_detail(&t, text);
        FUZZ_BUF(t.detail);
        FUZZ_BUF(t.name);
        size_t hs = how_sizes[(pick >> (6 + i % 8)) % 6];
        char *how = (pick >> 20) & 1 ? malloc(hs ? hs : 1) : NULL;
        double grams = -1;
        st = kmgca_serving_grams(f, &t, &grams, how, how ? hs : 0, &err);
        if (st == KMGCA_OK) {
            FUZZ_CHECK(isfinite(grams) && grams >= 0);
            for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
                double mg = kmgca_food_mg(f, (kmgca_nutrient)n, grams);
                FUZZ_CHECK(isnan(mg) || (isfinite(mg) && mg >= 0));
            }
        } else {
            FUZZ_CHECK(err.status == st && isnan(grams));
            FUZZ_BUF(err.message);
        }
        if (how && hs)
            FUZZ_CHECK(fuzz_text_ok(how, hs));   /* parsed: valid UTF-8 */
        free(how);
    }

    /* The whole line in one step, as the doors do it. */
    kmgca_weighing w;
    st = kmgca_weigh(foods, text, (pick >> 21) & 1 ? "" : "2", &w, &err);
    FUZZ_BUF(w.food_text);
    FUZZ_BUF(w.serving_text);
    FUZZ_BUF(w.how);
    if (st == KMGCA_OK) {
        FUZZ_CHECK(w.match.food && isfinite(w.grams) && w.grams >= 0);
        /* assumed: no amount written, or a narrow range read as its middle */
        FUZZ_CHECK(w.serving_assumed ==
                   (w.serving.kind == KMGCA_UNIT_TYPICAL || w.serving.estimated));
    } else {
        FUZZ_CHECK(err.status == st && isnan(w.grams));
    }
    free(text);
    return 0;
}
