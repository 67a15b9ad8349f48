/* recipe.c — a dish from its ingredients: the arithmetic and the portions
 * syntax shared by the built-in recipe tables (tools/embedtables, at build
 * time) and user recipes (--recipes, foods.c). Apart from foods.c so that
 * embedtables can link it without the tables it generates. */
#include "internal.h"

#include <math.h>
#include <string.h>

void recipe_sum_add(recipe_sum *r, double grams, const double per_100g[KMGCA_NUTRIENT_COUNT])
{
    r->total += grams;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        if (isnan(per_100g[n]))
            r->missing[n] += grams;
        else
            r->sum[n] += grams * per_100g[n] / 100.0;
    }
}

double recipe_sum_served(const recipe_sum *r)
{
    return r->total * (r->cooked > 0 ? r->cooked : 1);
}

double recipe_sum_per_100g(const recipe_sum *r, int n)
{
    /* An ingredient the tables give no value for adds nothing; over a
     * tenth of the dish's weight of such ingredients, the dish has no value
     * either (blank, not zero). Water lost in cooking takes no mineral with
     * it: the minerals are the ingredients', over the weight as served. */
    if (!(r->total > 0) || r->missing[n] > 0.1 * r->total)
        return NAN;
    return r->sum[n] / recipe_sum_served(r) * 100.0;
}

int recipe_cooked_parse(const char *text, double *out)
{
    char buf[64];
    copy_text(buf, sizeof buf, text ? text : "");
    char *t = text_trim(buf);
    if (!*t) {
        *out = 1;
        return 1;
    }
    size_t used = parse_decimal(t, out);
    return used && !*text_trim(t + used) && *out >= 0.3 && *out <= 1.5;
}

int recipe_portion_parse(char *pair, const char **measure, double *servings)
{
    char *eq = strchr(pair, '=');
    if (!eq)
        return 0;
    *eq = '\0';
    char *value = text_trim(eq + 1);
    size_t used = parse_decimal(value, servings);
    *measure = text_trim(pair);
    return **measure && used && !*text_trim(value + used) && *servings > 0 &&
           *servings <= 1000;
}
