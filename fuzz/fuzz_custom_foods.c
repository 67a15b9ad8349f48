/* fuzz_custom_foods.c — a custom foods CSV (`--foods FILE`) through
 * kmgca_foods_load_custom, then every food it added: found by source and
 * name, matched by its name and aliases, and each of its portions weighed.
 * A failed load must add nothing and say where; a good one must give foods
 * with sane values. */
#include "fuzz.h"

static void weigh_portions(const kmgca_food *f)
{
    for (size_t i = 0; i < kmgca_food_portion_count(f); i++) {
        const kmgca_portion *p = kmgca_food_portion(f, i);
        FUZZ_CHECK(p);
        FUZZ_TEXT(p->measure);
        FUZZ_CHECK(p->measure[0]);
        FUZZ_CHECK(p->amount > 0 && isfinite(p->amount));
        FUZZ_CHECK(p->grams > 0 && p->grams <= 100000);
        /* The measure as a serving of this food: "1 cup" of it. */
        char text[300];
        snprintf(text, sizeof text, "%.4g %s", p->amount, p->measure);
        utf8_trim_end(text);
        kmgca_serving s;
        kmgca_error err;
        if (kmgca_serving_parse(text, &s, &err) != KMGCA_OK)
            continue;
        kmgca_serving_take_detail(&s, kmgca_food_description(f));
        double grams;
        char how[256];
        if (kmgca_serving_grams(f, &s, &grams, how, sizeof how, &err) == KMGCA_OK) {
            FUZZ_CHECK(isfinite(grams) && grams >= 0);
            FUZZ_BUF(how);
        } else {
            FUZZ_BUF(err.message);
        }
    }
    FUZZ_CHECK(kmgca_food_portion(f, kmgca_food_portion_count(f)) == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(0, data, size);
    kmgca_foods *foods = fuzz_small_foods();
    size_t before = kmgca_foods_count(foods);
    kmgca_error err;
    kmgca_error_clear(&err);
    kmgca_status st = kmgca_foods_load_custom(foods, path, &err);
    if (st != KMGCA_OK) {
        FUZZ_CHECK(err.status == st);
        FUZZ_BUF(err.message);
        FUZZ_BUF(err.file);
        FUZZ_CHECK(kmgca_foods_count(foods) == before);
        kmgca_foods_free(foods);
        return 0;
    }
    size_t count = kmgca_foods_count(foods);
    FUZZ_CHECK(count >= before);
    for (size_t i = before; i < count; i++) {
        const kmgca_food *f = kmgca_foods_at(foods, i);
        FUZZ_CHECK(f);
        const char *name = kmgca_food_description(f);
        FUZZ_TEXT(name);
        FUZZ_CHECK(name[0]);
        FUZZ_CHECK(strcmp(kmgca_food_source(f), "custom") == 0);
        FUZZ_CHECK(kmgca_foods_find(foods, "custom", kmgca_food_id(f)) == f);
        if (kmgca_food_name_zh(f))
            FUZZ_TEXT(kmgca_food_name_zh(f));
        int any = 0;
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
            double v = kmgca_food_per_100g(f, (kmgca_nutrient)n);
            FUZZ_CHECK(isnan(v) || (v >= 0 && v <= 100000));
            any |= !isnan(v);
        }
        FUZZ_CHECK(any);
        weigh_portions(f);
        kmgca_match m;
        if (kmgca_foods_match(foods, name, &m, &err) == KMGCA_OK) {
            FUZZ_CHECK(m.food && m.confidence > 0 && m.confidence <= 1);
        }
    }
    /* Aliases of the new foods lead to foods of the set. */
    for (size_t a = 0; a < foods->alias_count; a++) {
        const struct kmgca_alias *al = &foods->aliases[a];
        FUZZ_CHECK(al->food < count);
        if (al->food < before)
            continue;
        FUZZ_TEXT(al->text);
        kmgca_match m;
        if (kmgca_foods_match(foods, al->text, &m, &err) == KMGCA_OK)
            FUZZ_CHECK(m.food && m.confidence > 0 && m.confidence <= 1);
        const kmgca_food *found[4];
        double conf[4];
        size_t n = kmgca_foods_search(foods, al->text, found, conf, 4);
        FUZZ_CHECK(n <= 4);
    }
    kmgca_foods_free(foods);
    return 0;
}
