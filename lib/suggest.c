/* suggest.c — suggestions of foods for the minerals a client is short of:
 * the built-in list of foods in portions people know, and the page's
 * "Suggestions from the food tables" section.
 *
 * Only the food and the portion are data here; the milligrams are always
 * weighed from the tables. Suggestions respect the medication: no
 * potassium- or magnesium-rich advice while a drug that may raise that
 * mineral is taken.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Foods that are rich in a mineral in a portion people know. Only the food
 * and the portion are chosen here; the milligrams always come from the
 * tables (kmgca_serving_grams and kmgca_food_mg). Chosen among foods with a
 * Chinese name, so that both languages can name them. */
static const struct suggestion {
    kmgca_nutrient n;
    const char *id;             /* SR28 */
    const char *serving;        /* as kmgca_serving_parse reads it */
    const char *label;          /* the portion and food, in English */
    const char *portion_zh;     /* the portion, in Chinese */
} suggestions[] = {
    {KMGCA_MG, "12014", "30 g", "30 g pumpkin seeds (a small handful)", "30克（一小把）"},
    {KMGCA_MG, "12061", "30 g", "30 g almonds (a small handful)", "30克（一小把）"},
    {KMGCA_MG, "12087", "30 g", "30 g cashews", "30克"},
    {KMGCA_MG, "11458", "1/2 cup", "1/2 cup cooked spinach", "半杯"},
    {KMGCA_MG, "19904", "20 g", "20 g dark chocolate (70-85 % cacao)", "20克"},
    {KMGCA_MG, "18075", "2 slices", "2 slices whole-wheat bread", "2片"},
    {KMGCA_K, "11352", "1 medium", "1 medium potato, with skin", "1个（中等大小）"},
    {KMGCA_K, "09040", "1 medium", "1 medium banana", "1根（中等大小）"},
    {KMGCA_K, "11458", "1/2 cup", "1/2 cup cooked spinach", "半杯"},
    {KMGCA_K, "09206", "1 cup", "1 cup orange juice", "1杯"},
    {KMGCA_K, "01116", "1 cup", "1 cup plain yogurt", "1杯"},
    {KMGCA_K, "09037", "1/2 cup", "1/2 cup avocado", "半杯"},
    {KMGCA_K, "11529", "1 medium", "1 medium tomato", "1个（中等大小）"},
    {KMGCA_CA, "16427", "1/2 cup", "1/2 cup tofu (set with calcium sulfate)", "半杯"},
    {KMGCA_CA, "01085", "1 cup", "1 cup skim milk", "1杯"},
    {KMGCA_CA, "01077", "1 cup", "1 cup whole milk", "1杯"},
    {KMGCA_CA, "01116", "1 cup", "1 cup plain yogurt", "1杯"},
    {KMGCA_CA, "01009", "30 g", "30 g cheddar cheese", "30克"},
    {KMGCA_CA, "15088", "1 can", "1 small can of sardines, with bones", "1小罐"},
};

int report_suggestion(kmgca_foods *foods, size_t i, kmgca_nutrient *n, const kmgca_food **food,
                      double *grams, double *mg)
{
    if (i >= sizeof suggestions / sizeof *suggestions)
        return -1;
    const struct suggestion *s = &suggestions[i];
    kmgca_serving sv;
    *n = s->n;
    *food = kmgca_foods_find(foods, "SR28", s->id);
    if (!*food || kmgca_serving_parse(s->serving, &sv, NULL) != KMGCA_OK ||
        kmgca_serving_grams(*food, &sv, grams, NULL, 0, NULL) != KMGCA_OK)
        return 0;
    *mg = kmgca_food_mg(*food, s->n, *grams);
    return !isnan(*mg) && *mg > 0;
}

static int in_top(const kmgca_source *top, size_t n, const kmgca_food *food)
{
    for (size_t i = 0; i < n; i++)
        if (top[i].food == food)
            return 1;
    return 0;
}

/* A suggestion chosen for the page: its place in the list, and what the
 * tables weigh it at. */
typedef struct {
    size_t i;
    double mg, grams;
    const kmgca_food *food;
} picked;

/* The richest portions of mineral n, at most SUGGEST_PER_MINERAL, richest
 * first, skipping foods already among the client's top sources of it. */
static size_t pick(const client *c, kmgca_nutrient n, picked best[SUGGEST_PER_MINERAL])
{
    kmgca_source top[5];
    size_t nt = kmgca_analysis_top(c->a, n, top, 5);
    size_t nb = 0;
    for (size_t s = 0; s < sizeof suggestions / sizeof *suggestions; s++) {
        kmgca_nutrient sn;
        const kmgca_food *food;
        double grams, mg;
        if (suggestions[s].n != n ||
            report_suggestion(c->foods, s, &sn, &food, &grams, &mg) != 1 ||
            in_top(top, nt, food))
            continue;
        size_t k = nb < SUGGEST_PER_MINERAL ? nb++ : SUGGEST_PER_MINERAL;
        if (k == SUGGEST_PER_MINERAL && mg <= best[k - 1].mg)
            continue;
        if (k == SUGGEST_PER_MINERAL)
            k--;
        while (k > 0 && best[k - 1].mg < mg) {
            best[k] = best[k - 1];
            k--;
        }
        best[k].i = s;
        best[k].mg = mg;
        best[k].grams = grams;
        best[k].food = food;
    }
    return nb;
}

lxw_error suggest_write(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                        const page_formats *f)
{
    const kmgca_nutrient *order = nutrient_order_page;
    lxw_error x = LXW_NO_ERROR;
    int any = 0;
    char v[1600], item[300];
    for (int i = 0; i < 3 && !x; i++) {
        kmgca_nutrient n = order[i];
        double avg = c->res->average_mg[n], target = c->res->target_mg[n];
        if (isnan(avg) || avg >= target)
            continue;
        any = 1;
        char g1[32], g2[32], g3[32];
        snprintf(v, sizeof v, T(c, MSG_SUGGEST_SHORT_BY),
                 T(c, msg_nutrient_title(n)), page_grouped(avg, g1, sizeof g1),
                 100 * avg / target, page_grouped(target, g2, sizeof g2),
                 page_grouped(target - avg, g3, sizeof g3));
        int blocked = n == KMGCA_K ? c->k_blocked : n == KMGCA_MG ? c->mg_blocked : 0;
        if (blocked) {
            const kmgca_med *m = kmgca_analysis_med(c->a, (size_t)blocked - 1);
            char drug[300];
            drug_label(c, m, drug, sizeof drug);
            snprintf(item, sizeof item, T(c, MSG_SUGGEST_BLOCKED),
                     T(c, msg_nutrient(n)), drug, T(c, msg_nutrient(n)),
                     T(c, msg_nutrient(n)));
            appendf(v, sizeof v, "%s", item);
            x = page_line(b, ws, r, v, f->wrap, 10);
            continue;
        }
        picked best[SUGGEST_PER_MINERAL];
        size_t nb = pick(c, n, best);
        appendf(v, sizeof v, "%s", T(c, MSG_SUGGEST_FOR_EXAMPLE));
        for (size_t k = 0; k < nb; k++) {
            const struct suggestion *s = &suggestions[best[k].i];
            const char *zh = kmgca_food_name_zh(best[k].food);
            if (c->lang == KMGCA_LANG_ZH && zh)
                snprintf(item, sizeof item, "%s%s ≈ +%.0f 毫克%s", zh, s->portion_zh, best[k].mg,
                         T(c, msg_nutrient(n)));
            else
                snprintf(item, sizeof item, "%s ≈ +%.0f mg %s", s->label, best[k].mg,
                         T(c, msg_nutrient(n)));
            appendf(v, sizeof v, "%s%s", k ? T(c, MSG_SEMICOLON) : "", item);
        }
        appendf(v, sizeof v, "%s", T(c, MSG_FULL_STOP));
        if (n == KMGCA_CA && c->ca_caution) {
            const kmgca_med *m = kmgca_analysis_med(c->a, (size_t)c->ca_caution - 1);
            char drug[300];
            drug_label(c, m, drug, sizeof drug);
            snprintf(item, sizeof item, T(c, MSG_SUGGEST_CA_FOOD_NOT_TABLETS), drug);
            appendf(v, sizeof v, "%s", item);
        }
        x = page_line(b, ws, r, v, f->wrap, 10);
    }
    if (!any && !x)
        x = page_line(b, ws, r, T(c, MSG_SUGGEST_NONE_NEEDED), f->wrap, 10);
    if (!x)
        x = page_line(b, ws, r, T(c, MSG_SUGGEST_HOW_WORKED_OUT), f->small, 8.5);
    return x;
}
