/* fuzz_food_mg.c — the add-in's food functions, =MAGNESIUM("almonds"; 30;
 * "g") and =FOODGRAMS(...): food text + amount (any double: NaN,
 * infinities, negative, huge, subnormal) + unit text -> grams and mg of a
 * nutrient, through the C API as addin/kmgca_addin.cxx calls it: match the
 * food, parse the unit ("" is "g"; a unit holding an amount is refused),
 * weigh one unit, scale by the amount. Then the amount set in the serving
 * itself, and written into the serving text, which must give the same
 * grams. Input: 8 bytes of amount, 1 byte of nutrient, then "FOOD\0UNIT". */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 9)
        return 0;
    double amount = fuzz_double(data);
    kmgca_nutrient nutrient = (kmgca_nutrient)(data[8] % 6);   /* 4, 5: none */
    char *food_text = fuzz_string(data + 9, size - 9);
    size_t flen = strlen(food_text);
    const char *unit = 9 + flen < size ? food_text + flen + 1 : "";
    kmgca_foods *foods = fuzz_foods();
    kmgca_error err;
    kmgca_error_clear(&err);
    kmgca_match m;
    if (kmgca_foods_match(foods, food_text, &m, &err) != KMGCA_OK) {
        FUZZ_CHECK(!m.food);
        FUZZ_BUF(err.message);
        free(food_text);
        return 0;
    }

    /* As the add-in does it: one unit weighed, scaled by the amount. */
    kmgca_serving s;
    const char *unit_text = unit[strspn(unit, " \t")] ? unit : "g";
    if (kmgca_serving_parse(unit_text, &s, &err) != KMGCA_OK) {
        FUZZ_BUF(err.message);
        free(food_text);
        return 0;
    }
    if (s.kind == KMGCA_UNIT_NONE || s.amount != 1) {
        free(food_text);
        return 0;   /* the add-in refuses a unit with an amount in it */
    }
    kmgca_serving_take_detail(&s, food_text);
    FUZZ_BUF(s.detail);
    double one = -1;
    kmgca_status st = kmgca_serving_grams(m.food, &s, &one, NULL, 0, &err);
    if (st != KMGCA_OK) {
        FUZZ_CHECK(isnan(one) && err.status == st);
        FUZZ_BUF(err.message);
        free(food_text);
        return 0;
    }
    FUZZ_CHECK(isfinite(one) && one >= 0);
    if (isfinite(amount) && amount >= 0) {
        double grams = amount * one;
        if (isfinite(grams) && grams <= 1e9) {
            double mg = kmgca_food_mg(m.food, nutrient, grams);
            if ((unsigned)nutrient >= KMGCA_NUTRIENT_COUNT)
                FUZZ_CHECK(isnan(mg));
            else
                FUZZ_CHECK(isnan(mg) || (isfinite(mg) && mg >= 0));
        }
    }

    /* The amount in the serving: the library checks it, and grams scale. */
    s.amount = amount;
    double grams = -1;
    char how[256];
    st = kmgca_serving_grams(m.food, &s, &grams, how, sizeof how, &err);
    if (st == KMGCA_OK) {
        FUZZ_CHECK(isfinite(amount) && amount >= 0 && amount <= 1e6);
        FUZZ_CHECK(isfinite(grams) && grams >= 0 && !signbit(grams));
        FUZZ_CHECK(fabs(grams - amount * one) <= 1e-9 * grams + 1e-12);
        FUZZ_BUF(how);
        double mg = kmgca_food_mg(m.food, nutrient, grams);
        if ((unsigned)nutrient >= KMGCA_NUTRIENT_COUNT)
            FUZZ_CHECK(isnan(mg));
        else
            FUZZ_CHECK(isnan(mg) || (isfinite(mg) && mg >= 0 && !signbit(mg)));
    } else {
        FUZZ_CHECK(st == KMGCA_ERROR_AMOUNT && isnan(grams));
        FUZZ_CHECK(!(isfinite(amount) && amount >= 0 && amount <= 1e6));
        FUZZ_BUF(err.message);
    }

    /* The amount written into the serving text. */
    char text[300];
    snprintf(text, sizeof text, "%.17g %s", amount, unit_text);
    utf8_trim_end(text);
    kmgca_serving t;
    if (kmgca_serving_parse(text, &t, &err) == KMGCA_OK) {
        FUZZ_CHECK(isfinite(t.amount) && t.amount >= 0 && t.amount <= 1e6);
        kmgca_serving_take_detail(&t, food_text);
        double g2;
        if (kmgca_serving_grams(m.food, &t, &g2, NULL, 0, &err) == KMGCA_OK)
            FUZZ_CHECK(isfinite(g2) && g2 >= 0);
    } else {
        FUZZ_BUF(err.message);
    }
    free(food_text);
    return 0;
}
