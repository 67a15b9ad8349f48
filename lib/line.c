/* line.c — a diary line in one step (kmgca_weigh): the food text and the
 * serving field as written to grams of a matched food. The serving is cut
 * out of the food text when the field is empty ("2 slices toast"), a
 * Chinese measure word with 一 left out ("喝了碗粥"), a cup size ("grande
 * latte") or a size, half or container after the food ("avocado half") is
 * read as one when the food matches as well without it; the text rewrites
 * of household.c ("80/20", "Caffe Latte - 2% Milk", "100g(干重)") come
 * first. Then kmgca_foods_match, kmgca_serving_parse and
 * kmgca_serving_grams.
 */
#include "internal.h"
#include "msg_phrases.h"
#include "weigh.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- A diary line in one step ---------------------------------------------- */

#define SERVING_MAX 256    /* the serving as written, at most */

/* Diaries write the same foods and the same amounts again and again: the
 * last answers of kmgca_serving_split (by the food text) and of a serving
 * read without fault (by the serving text), per thread, without a lock, by
 * the text's hash, two slots a hash (the newer first). Both are functions
 * of the text alone; a text that does not fit is read every time. */
enum { SPLIT_MEMO = 1024, SPLIT_TEXT = 128, PARSE_MEMO = 1024, PARSE_TEXT = 48 };
typedef struct {
    char text[SPLIT_TEXT];
    char lead[SPLIT_TEXT];
    char rest[SPLIT_TEXT];
    unsigned char found;        /* 0 empty, else 1 + what kmgca_serving_split returned */
} split_slot;
typedef struct {
    char text[PARSE_TEXT];      /* "" empty */
    kmgca_serving serving;
} parse_slot;
static __thread split_slot split_memo[SPLIT_MEMO];
static __thread parse_slot parse_memo[PARSE_MEMO];

/* The first of the two slots of text (len bytes) in a memo of `slots` (a
 * power of two). */
static unsigned memo_pair(const char *text, size_t len, unsigned slots)
{
    return (unsigned)(text_hash_quick(text, len) & (slots - 2));
}

static int split_cached(const char *text, char *lead, size_t lead_size, char *rest,
                        size_t rest_size)
{
    size_t len = strlen(text);
    if (len >= SPLIT_TEXT)
        return kmgca_serving_split(text, lead, lead_size, rest, rest_size);
    split_slot *e = &split_memo[memo_pair(text, len, SPLIT_MEMO)];
    for (int k = 0; k < 2; k++)
        if (e[k].found && strcmp(e[k].text, text) == 0) {
            copy_text(lead, lead_size, e[k].lead);
            copy_text(rest, rest_size, e[k].rest);
            return e[k].found - 1;
        }
    int found = kmgca_serving_split(text, lead, lead_size, rest, rest_size);
    if (strlen(lead) < SPLIT_TEXT && strlen(rest) < SPLIT_TEXT) {
        if (e[0].found)
            e[1] = e[0];
        memcpy(e->text, text, len + 1);
        strcpy(e->lead, lead);
        strcpy(e->rest, rest);
        e->found = (unsigned char)(found + 1);
    }
    return found;
}

static kmgca_status parse_cached(const char *text, kmgca_serving *out, kmgca_error *err)
{
    size_t len = strlen(text);
    if (!len || len >= PARSE_TEXT)
        return kmgca_serving_parse(text, out, err);
    parse_slot *e = &parse_memo[memo_pair(text, len, PARSE_MEMO)];
    for (int k = 0; k < 2; k++)
        if (strcmp(e[k].text, text) == 0) {
            *out = e[k].serving;
            return KMGCA_OK;
        }
    kmgca_status st = kmgca_serving_parse(text, out, err);
    if (st == KMGCA_OK) {
        if (e[0].text[0])
            e[1] = e[0];
        memcpy(e->text, text, len + 1);
        e->serving = *out;
    }
    return st;
}

/* 1 when the food text matches as well without the serving words cut out
 * of it (rest) as it does as written, or better when `strictly`: a word
 * that starts or ends a name stays in it ("吃了包子", "大杯菇", "egg roll"). */
static int better_without(kmgca_foods *foods, const char *food_text, const char *rest,
                          int strictly)
{
    kmgca_match as_written, without;
    if (kmgca_foods_match(foods, rest, &without, NULL) != KMGCA_OK)
        return 0;
    if (kmgca_foods_match(foods, food_text, &as_written, NULL) != KMGCA_OK)
        return 1;
    return strictly ? without.confidence > as_written.confidence
                    : without.confidence >= as_written.confidence;
}

/* A Chinese measure word with 一 left out after a verb: "喝了碗八宝粥". 1
 * with the serving in lead and the food in rest. */
static int zh_bare_serving(kmgca_foods *foods, const char *food_text, char *lead,
                           size_t lead_size, char *rest, size_t rest_size)
{
    char one[1100];
    if (!serving_zh_bare_measure(food_text, one, sizeof one))
        return 0;
    /* "喝了碗八宝粥": one bowl, unless the measure word starts the
     * food's name ("吃了包子"): the food must match as well without
     * it as the line as written does. */
    char lead1[256], rest1[1024];
    if (kmgca_serving_split(one, lead1, sizeof lead1, rest1, sizeof rest1) == 1 &&
        rest1[0] && better_without(foods, food_text, rest1, 0)) {
        copy_text(lead, lead_size, lead1);
        copy_text(rest, rest_size, rest1);
        return 1;
    }
    return 0;
}

/* A cup size or a size, half or container after the food, with no count
 * ("grande latte", "avocado half"). 1 with the serving in lead and the food
 * in rest. */
static int sized_serving(kmgca_foods *foods, const char *food_text, char *lead,
                         size_t lead_size, char *rest, size_t rest_size)
{
    char lead1_cup[64], rest1_cup[1024];
    /* "grande latte", "拿铁 中杯": one cup of that size; "avocado half",
     * "banana small": half of one, one small one; each when the food
     * matches as well without the words ("大杯菇" is a mushroom). */
    static int (*const sized[])(const char *, char *, size_t, char *, size_t) = {
        serving_cup_size, serving_trailing_size, serving_inner_size};
    for (size_t k = 0; k < sizeof sized / sizeof *sized; k++) {
        if (!sized[k](food_text, lead1_cup, sizeof lead1_cup, rest1_cup, sizeof rest1_cup))
            continue;
        /* a word after the food must match better without it */
        if (better_without(foods, food_text, rest1_cup, k == 1)) {
            /* a size inside the name says how big, not how many: a typical
             * serving */
            copy_text(lead, lead_size, k == 2 ? "" : lead1_cup);
            copy_text(rest, rest_size, rest1_cup);
            return 1;
        }
    }
    return 0;
}

/* 1 when a household word names a food surely as a name of its own
 * ("sandwich", "pizza"; not "glass", "bowl" or "slice") */
static int unit_names_food(kmgca_foods *foods, const char *unit)
{
    kmgca_match m;
    return !strchr(unit, ' ') && kmgca_foods_match(foods, unit, &m, NULL) == KMGCA_OK &&
           m.food && m.confidence >= 0.9;
}

static int amount_opens(const char *t);

/* 1 for a measure word that is a food's own name: an item of measure_words
 * that is no size or general word ("biscuits", "pasty"; not "large",
 * "each", "fillet"). */
static int names_food_itself(const char *unit)
{
    size_t len;
    const struct kmgca_measure_word *m = measure_word_at(unit, &len);
    static const char *const general[] = {"item", "items", "ones", "individual", "each", "ea",
                                          "whole", "fruit", "fruits", "fillet", "fillets"};
    if (!m || len != strlen(unit) || strcmp(m->concept, "item") != 0 || m->size[0])
        return 0;
    for (size_t k = 0; k < sizeof general / sizeof *general; k++)
        if (!strcasecmp(unit, general[k]))
            return 0;
    return 1;
}

/* An app's "Food - amount, how" ("Medjool Dates - 3 dates, pitted",
 * "Almonds - 23 almonds, raw"): the amount between the dash and the comma,
 * the food with its qualifier after. 1 when read so. */
static int serving_after_dash(const char *text, char *lead, size_t lead_size, char *rest,
                              size_t rest_size)
{
    const char *dash = strstr(text, " - ");
    if (!dash || !amount_opens(dash + 3))
        return 0;
    const char *comma = strchr(dash + 3, ',');
    if (!comma || strchr(comma + 1, '-'))
        return 0;
    char head[1024], food[1024];
    if ((size_t)(comma - text) >= sizeof head)
        return 0;
    snprintf(head, sizeof head, "%.*s", (int)(comma - text), text);
    if (split_cached(head, lead, lead_size, food, sizeof food) != 1 || !food[0])
        return 0;
    if (strlen(food) + strlen(comma) >= rest_size)
        return 0;
    memcpy(rest, food, strlen(food));
    memcpy(rest + strlen(food), comma, strlen(comma) + 1);
    return 1;
}

/* A serving and then the food's state ("chickpeas 1/2 tin drained", "rice
 * 1 cup cooked"): the serving, the food with its state after a comma. 1
 * when read so. */
static int serving_before_state(const char *text, char *lead, size_t lead_size, char *rest,
                                size_t rest_size)
{
    static const char *const states[] = {"drained", "rinsed", "cooked", "raw",  "boiled",
                                         "dry",     "uncooked", "heated", "warmed", "steamed",
                                         "fried",   "toasted", "buttered", "grilled",
                                         "roasted", "baked",   "mashed",   "poached",
                                         "stewed"};
    const char *sp = strrchr(text, ' ');
    if (!sp || sp == text)
        return 0;
    int state = 0;
    for (size_t k = 0; k < sizeof states / sizeof *states && !state; k++)
        state = !strcasecmp(sp + 1, states[k]);
    /* (after a comma too: "kumara 1 medium, roasted") */
    size_t head_len = (size_t)(sp - text) - (sp[-1] == ',');
    if (!state || !head_len)
        return 0;
    char head[1024], food[1024];
    if (head_len >= sizeof head)
        return 0;
    snprintf(head, sizeof head, "%.*s", (int)head_len, text);
    if (split_cached(head, lead, lead_size, food, sizeof food) != 1 || !food[0] ||
        strlen(food) + strlen(sp) + 2 >= rest_size)
        return 0;
    size_t fl = strlen(food);
    memcpy(rest, food, fl);
    rest[fl] = ',';
    memcpy(rest + fl + 1, sp, strlen(sp) + 1);
    return 1;
}

/* 1 when text holds word w as a whole word, ASCII letters without case. */
static int holds_word_ci(const char *text, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = text; *p; p++)
        if (!strncasecmp(p, w, n) && (p == text || !isalnum((unsigned char)p[-1])) &&
            !isalnum((unsigned char)p[n]))
            return 1;
    return 0;
}

/* 1 when t holds English words of when, where and how only, that name no
 * food ("elevenses", "at smoko", "today"; words_en.csv) */
static int only_chatter(const char *t)
{
    char rewritten[1100];
    if (text_has_cjk(t))
        return 0;
    query_rewrite_words(t, rewritten, sizeof rewritten);
    for (const char *p = rewritten; *p; p++)
        if (isalnum((unsigned char)*p))
            return 0;
    return 1;
}

/* 1 when the unit and what follows it name a dish of their own, surely and
 * not the unit's food ("2 biscuits w/ sausage gravy" is biscuits and
 * gravy; "2 biscuits with my tea" is biscuits), written in both. */
static int dish_of_both(kmgca_foods *foods, const char *unit, const char *rest,
                        const kmgca_food *unit_food, char *both, size_t size)
{
    kmgca_match m;
    while (*rest == ' ')
        rest++;
    if ((size_t)snprintf(both, size, "%s %s", unit, rest) >= size)
        return 0;
    return kmgca_foods_match(foods, both, &m, NULL) == KMGCA_OK && m.food &&
           m.food != unit_food && m.confidence >= 0.9;
}

/* No serving field: the serving cut out of the food text, into serving,
 * and the food without it into out->food_text. KMGCA_OK to go on, else the
 * error (two servings, or a serving and no food). */
static kmgca_status serving_in_food(kmgca_foods *foods, const char *food_text, char *serving,
                                    size_t serving_size, kmgca_weighing *out, kmgca_error *err)
{
    char lead[SERVING_MAX], rest[1024];
    int found = split_cached(food_text, lead, sizeof lead, rest, sizeof rest);
    if (!found)
        found = zh_bare_serving(foods, food_text, lead, sizeof lead, rest, sizeof rest);
    if (!found)
        found = sized_serving(foods, food_text, lead, sizeof lead, rest, sizeof rest);
    if (!found)
        found = serving_after_dash(food_text, lead, sizeof lead, rest, sizeof rest);
    if (!found)
        found = serving_before_state(food_text, lead, sizeof lead, rest, sizeof rest);
    /* a measure word with no number that is a word of a dish's own name,
     * the whole text naming it ("burrito bowl", "poke bowl" are dishes, not
     * a bowl of burrito): the text stays whole */
    kmgca_serving cut;
    if (found == 1 && rest[0] && !strpbrk(food_text, "0123456789") && !text_has_cjk(food_text) &&
        kmgca_serving_parse(lead, &cut, NULL) == KMGCA_OK && cut.kind == KMGCA_UNIT_PORTION &&
        cut.unit[0]) {
        kmgca_match whole_name;
        char unit_of[sizeof cut.unit + 8];
        snprintf(unit_of, sizeof unit_of, "%s of ", cut.unit);
        /* ("bowl of greek yogurt" is a bowl of it, not the yogurt bowl) */
        if (!text_find_ci(food_text, unit_of) &&
            kmgca_foods_match(foods, food_text, &whole_name, NULL) == KMGCA_OK &&
            whole_name.method == KMGCA_MATCH_EXACT && whole_name.confidence >= 0.99 &&
            holds_word_ci(kmgca_food_description(whole_name.food), cut.unit))
            found = 0;
    }
    if (found == 2) {
        copy_text(out->food_text, sizeof out->food_text, rest);
        kmgca_foods_match(foods, out->food_text, &out->match, NULL);
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT,
                          "\"%.200s\" holds more than one serving: write one food and one "
                          "serving a line",
                          food_text);
    }
    if (found) {
        kmgca_serving whole;
        size_t wl;
        kmgca_serving unit;
        char rest_low[16];
        copy_text(rest_low, sizeof rest_low, text_trim(rest));
        if (rest[0] &&
            (!strncasecmp(rest_low, "with ", 5) || !strncasecmp(rest_low, "w/ ", 3) ||
             !strncasecmp(rest_low, "w ", 2) || !strncasecmp(rest_low, "and ", 4) ||
             only_chatter(rest)) &&
            kmgca_serving_parse(lead, &unit, NULL) == KMGCA_OK &&
            unit.kind == KMGCA_UNIT_PORTION && unit.amount > 0 && names_food_itself(unit.unit) &&
            kmgca_foods_match(foods, unit.unit, &out->match, NULL) == KMGCA_OK &&
            out->match.confidence >= KMGCA_LOW_CONFIDENCE) {
            /* "2 biscuits with my tea": the household word is the food and
             * the rest what went with it, not 2 biscuits of tea; unless
             * both name a dish ("2 biscuits w/ sausage gravy") */
            char amount_only[64], both[600];
            snprintf(amount_only, sizeof amount_only, "%.10g", unit.amount);
            copy_text(serving, serving_size, amount_only);
            if (dish_of_both(foods, unit.unit, rest, out->match.food, both, sizeof both))
                copy_text(out->food_text, sizeof out->food_text, both);
            else
                copy_text(out->food_text, sizeof out->food_text, unit.unit);
            out->serving_from_food = 1;
        } else if (rest[0]) {
            /* "a peach", "had an apple": the article counts one but
             * says nothing of its size: one typical serving, said so. */
            char art[8];
            copy_text(art, sizeof art, lead);
            char *a = text_trim(art);
            int article = !strcasecmp(a, "a") || !strcasecmp(a, "an");
            copy_text(serving, serving_size, article ? "" : lead);
            copy_text(out->food_text, sizeof out->food_text, rest);
            out->serving_from_food = !article;
        } else if (kmgca_serving_parse(lead, &whole, NULL) == KMGCA_OK &&
                   whole.kind == KMGCA_UNIT_PORTION && whole.amount > 0 &&
                   !strstr(whole.unit, "ones") && !isdigit((unsigned char)whole.unit[0]) &&
                   (!measure_word_at(whole.unit, &wl) || measure_word_at(whole.unit, &wl)->concept[0] == 'i')) {
            /* "2 biscuits": the household word is the food
             * (not a container: "a glass" alone names no food). */
            char amount_only[64];
            snprintf(amount_only, sizeof amount_only, "%.10g", whole.amount);
            copy_text(serving, serving_size, amount_only);
            copy_text(out->food_text, sizeof out->food_text, whole.unit);
            out->serving_from_food = 1;
        } else if (kmgca_serving_parse(lead, &whole, NULL) == KMGCA_OK &&
                   whole.kind == KMGCA_UNIT_PORTION && whole.amount > 0 &&
                   unit_names_food(foods, whole.unit)) {
            /* "half a sandwich": a measure word that is a food too */
            char amount_only[64];
            snprintf(amount_only, sizeof amount_only, "%.10g", whole.amount);
            copy_text(serving, serving_size, amount_only);
            copy_text(out->food_text, sizeof out->food_text, whole.unit);
            out->serving_from_food = 1;
        } else if (kmgca_serving_parse(lead, &whole, NULL) == KMGCA_OK &&
                   whole.kind != KMGCA_UNIT_NONE && whole.kind != KMGCA_UNIT_TYPICAL) {
            /* "a glass", "100 g", "一碗": a serving and no food. */
            return kmgca_fail(err, KMGCA_ERROR_NO_MATCH,
                              "\"%.200s\" is a serving with no food: write the food too",
                              food_text);
        }
    }
    return KMGCA_OK;
}

/* "一段（约三两）", "一块(半斤左右)": a weight in 两 or 斤 in the bracket that
 * ends the serving, rewritten in grams ("一段（约150克）") so it reads as the
 * piece's weight. 1 when rewritten. */
static int serving_liang_bracket(char *serving, size_t size, char *liang, size_t liang_size)
{
    const char *open = strstr(serving, "（");
    size_t ol = 3;
    if (!open) {
        open = strchr(serving, '(');
        ol = 1;
    }
    if (!open || open == serving || !text_has_cjk(open))
        return 0;
    const char *close = strstr(open, "）");
    size_t cl = 3;
    if (!close) {
        close = strchr(open, ')');
        cl = 1;
    }
    if (!close || close[cl] || (!strstr(open, "两") && !strstr(open, "斤") &&
                                !strstr(open, "兩")))
        return 0;
    char inner[128];
    if ((size_t)(close - open - ol) >= sizeof inner)
        return 0;
    snprintf(inner, sizeof inner, "%.*s", (int)(close - open - ol), open + ol);
    kmgca_serving w;
    const unit_def *u = NULL;
    if (kmgca_serving_parse(inner, &w, NULL) != KMGCA_OK || w.kind != KMGCA_UNIT_MASS ||
        unit_at(w.unit, &u) != strlen(w.unit) || !u || u->kind != KMGCA_UNIT_MASS)
        return 0;
    char out[256];
    if ((size_t)snprintf(out, sizeof out, "%.*s（约%.10g克）", (int)(open - serving), serving,
                         w.amount * u->factor) >= sizeof out)
        return 0;
    copy_text(liang, liang_size, inner);
    copy_text(serving, size, out);
    return 1;
}


/* A serving field, and perhaps a unit in the food text too. */
static void serving_in_field(const char *food_text, char *serving, size_t serving_size,
                             kmgca_weighing *out)
{
    char lead[SERVING_MAX], rest[1024];
    /* The amount in its own field, the unit in the text: "2" and
     * "slices of bread". Otherwise the field wins, and a unit written in
     * the text is only cut out so that the food matches; a bare number
     * there stays, as part of the name ("tea 0"). */
    kmgca_serving field, inner;
    if (split_cached(food_text, lead, sizeof lead, rest, sizeof rest) && rest[0] &&
        parse_cached(lead, &inner, NULL) == KMGCA_OK &&
        inner.kind != KMGCA_UNIT_NONE && inner.kind != KMGCA_UNIT_TYPICAL) {
        if (parse_cached(serving, &field, NULL) == KMGCA_OK &&
            field.kind == KMGCA_UNIT_NONE && inner.amount == 1) {
            char joined[2 * SERVING_MAX];
            snprintf(joined, sizeof joined, "%s %s", serving, lead);
            copy_text(serving, serving_size, joined);
        }
        copy_text(out->food_text, sizeof out->food_text, rest);
    }
}

/* 1 when `text` holds, as a word, the first word of a food's description
 * ("Yogurt, Greek, plain" in "Total 0% Greek Yogurt"), words keyed (plural
 * and case aside). */
static int names_kind_of(const char *text, const kmgca_food *food)
{
    char head[64], key[64], keys[1100];
    copy_text(head, sizeof head, kmgca_food_description(food));
    head[strcspn(head, ", (")] = '\0';
    if (!text_phrase_key(head, key, sizeof key) || !text_phrase_key(text, keys + 1, sizeof keys - 2))
        return 0;
    keys[0] = ' ';
    strcat(keys, " ");
    char want[70];
    snprintf(want, sizeof want, " %s ", key);
    return strstr(keys, want) != NULL;
}

/* An app's "Brand - Product" ("Babybel - Mini Original", "Gatorade -
 * Thirst Quencher", "Trader Joe's - Cauliflower Gnocchi") that matches
 * nothing well as a whole: the brand alone when kmgca knows that very name
 * (a brand people use for a generic food, an alias), unless the product
 * names the same kind of food, being then the more precise ("Fage - Total
 * 0% Greek Yogurt": the nonfat yogurt, at the product's own confidence,
 * not Fage's whole-milk one; but "Sultanas - Dried Fruit" stays sultanas); else
 * the product alone when it matches well enough. The food text becomes the
 * part read, so the answer shows it. *st is the match's status, updated.
 * 1 when a part was read. */
static int where_it_went(const char *t);
static int only_flavour(const char *t);

static int brand_product(kmgca_foods *foods, kmgca_weighing *out, kmgca_status *st)
{
    const char *dash = strstr(out->food_text, " - ");
    if (!dash || strstr(dash + 3, " - "))
        return 0;
    char brand[sizeof out->food_text], product[sizeof out->food_text];
    copy_text(brand, sizeof brand, out->food_text);
    brand[dash - out->food_text] = '\0';
    copy_text(product, sizeof product, dash + 3);
    const char *b = text_trim(brand), *p = text_trim(product);
    kmgca_match bm, pm;
    /* an app's "Food - how" ("Oats - Rolled, cooked with water", "Chicken
     * Breast - Boneless Skinless, Grilled"): the food after the product's
     * first words, as one writes it ("Rolled Oats, cooked with water"),
     * when that names a food more surely than the line did */
    char swapped[sizeof out->food_text];
    const char *comma = strchr(p, ',');
    size_t head = comma ? (size_t)(comma - p) : strlen(p);
    snprintf(swapped, sizeof swapped, "%.*s %s%s", (int)head, p, b, comma ? comma : "");
    kmgca_match sm;
    double was = *st == KMGCA_OK ? out->match.confidence : 0;
    if (b[0] && p[0] && kmgca_foods_match(foods, swapped, &sm, NULL) == KMGCA_OK && sm.food &&
        sm.confidence >= 0.8 && sm.confidence > was + 0.1) {
        out->match = sm;
        *st = KMGCA_OK;
        return 1;
    }
    int by_brand = b[0] && kmgca_foods_match(foods, b, &bm, NULL) == KMGCA_OK &&
                   bm.method == KMGCA_MATCH_EXACT && bm.confidence >= 1.0;
    /* (a flavour alone is no product: "Premier Protein Shake - Chocolate") */
    int p_ok = p[0] && !where_it_went(p) && !only_flavour(p) &&
               kmgca_foods_match(foods, p, &pm, NULL) == KMGCA_OK;
    double whole = *st == KMGCA_OK ? out->match.confidence : 0;
    /* the brand's food says all the product does: "Lactaid - 2% Milk" is
     * Lactaid's lactose-free 2% milk, not any 2% milk */
    int brand_says_all = 0;
    if (by_brand && p_ok) {
        char folded[512], pw[16][TEXT_WORD_MAX];
        text_fold(p, folded, sizeof folded);
        size_t npw = text_words(folded, pw, NULL, 16);
        brand_says_all = words_in_description(bm.food, pw, npw);
    }
    /* A product the tables name exactly, of the brand's own kind, is what
     * was eaten ("Silk - Unsweetened Almondmilk" was Silk's soymilk,
     * "Coca-Cola - Coke Zero Sugar" the regular cola, "Canada Dry - Tonic
     * Water" its ginger ale), unless it only names
     * that kind in general ("Sultanas - Dried Fruit" is a fruit mixture:
     * the sultanas say more); of another kind it is a flavour's name ("Halo
     * Top - Peanut Butter Cup" is ice cream, "Sunny D - Orange" the drink). */
    if (by_brand && p_ok && pm.food && pm.method != KMGCA_MATCH_SPELLING && pm.confidence >= 0.99 &&
        pm.food != bm.food && !strcmp(kmgca_food_kind(pm.food), kmgca_food_kind(bm.food))) {
        const char *d = kmgca_food_description(pm.food);
        if (!strstr(d, "mixture") && !strstr(d, "NFS") && !brand_says_all)
            by_brand = 0;
    }
    /* The whole line matched fairly (0.6 to 0.8): the product when it is
     * named surely and says more ("Planters - Dry Roasted Peanuts"), never
     * the brand's generic food ("Dave's Killer Bread - 21 Whole Grains"
     * stays the multigrain bread) unless the whole found that very food
     * ("marmite - thin scrape": the rest is how much) */
    if (whole >= KMGCA_LOW_CONFIDENCE && !(by_brand && out->match.food == bm.food) &&
        (by_brand || !p_ok || pm.confidence < 0.95 || pm.confidence <= whole))
        return 0;
    /* the product names the brand's own food ("Oreo - Chocolate Sandwich
     * Cookies"): that food, as surely as the brand says it */
    if (by_brand && p_ok && pm.food == bm.food) {
        out->match = bm;
        copy_text(out->food_text, sizeof out->food_text, b);
        *st = KMGCA_OK;
        return 1;
    }
    if (by_brand && p_ok && names_kind_of(p, bm.food) && !brand_says_all) {
        /* Of the brand's kind, the product is its variety, even when it
         * matches less surely (its own confidence says so): the surer of
         * it and the whole text. */
        if (pm.confidence <= whole)
            return 0;
        by_brand = 0;
    } else if (!by_brand &&
               !(p_ok && pm.confidence >= KMGCA_LOW_CONFIDENCE && pm.confidence > whole)) {
        return 0;
    }
    out->match = by_brand ? bm : pm;
    copy_text(out->food_text, sizeof out->food_text, by_brand ? b : p);
    *st = KMGCA_OK;
    return 1;
}

#define PART_READ_MAX 0.85  /* the confidence of a food read from part of its text */

/* What was read from part of a line: said so, and never surer than
 * PART_READ_MAX. */
static void read_as_part(kmgca_weighing *w)
{
    if (w->match.confidence > PART_READ_MAX)
        w->match.confidence = PART_READ_MAX;
    appendf(w->how, sizeof w->how, PH_FOOD_READ_AS "\"%s\"", w->food_text);
}

/* An app's product name that matches no food well as a whole, its kind of
 * food first and its flavour after ("Crunchy Granola Bars Oats 'n Honey",
 * "Greek Yogurt Vanilla Blended"): the longest run of its first words
 * (two at least, not ending on a joining word) that matches well. The food
 * text becomes that run, so the answer shows it. 1 when read. */
static int word_among(const char *p, size_t n, const char *const *words, size_t count);

/* 1 when t holds only words of a flavour ("- chocolate sea salt",
 * "Chocolate Chip Cookie Dough", "vanilla"), at least one. */
static int only_flavour(const char *t)
{
    /* (not a food people add to another: milk, cream, honey, banana, fruit,
     * nor "and": "weetabix and milk" is two foods) */
    static const char *const flavours[] = {
        "chocolate", "choc", "vanilla", "strawberry", "caramel", "salted", "sea", "peanut",
        "cookie", "dough", "chip", "mint", "berry", "blueberry", "raspberry", "lemon", "lime",
        "cherry", "coconut", "almond", "cinnamon", "maple", "mocha", "original", "double",
        "rich", "dark", "white", "fudge", "brownie", "birthday", "tropical", "punch", "grape",
        "flavor", "flavour", "flavored", "flavoured", "smores", "pumpkin", "spice", "crunch",
        /* (a sports drink's: "powerade mountain blast", "gatorade frost") */
        "blast", "frost", "glacier", "freeze", "mountain", "blue", "red", "fruit", "cool",
        "arctic", "orange", "mango", "watermelon", "melon", "passionfruit", "kiwi", "pineapple"};
    int words = 0;
    for (const char *p = t; *p;) {
        while (*p == ' ' || *p == '-' || *p == ',' || *p == '(' || *p == ')')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " -,()");
        /* salt only as sea salt ("chicken salt" is a seasoning) */
        int salt = n == 4 && !strncasecmp(p, "salt", 4);
        if (salt ? !(p - t >= 4 && !strncasecmp(p - 4, "sea ", 4))
                 : !word_among(p, n, flavours, sizeof flavours / sizeof *flavours))
            return 0;
        words++;
        p += n;
    }
    return words > 0;
}

/* 1 when the first `end` bytes of t name a food exactly (in *m) and only a
 * flavour follows ("RXBAR | chocolate sea salt", "Premier Protein Shake |
 * - Chocolate"). */
static int named_then_flavour(kmgca_foods *foods, const char *t, size_t end, kmgca_match *m)
{
    char name[1024];
    if (end >= sizeof name || !only_flavour(t + end))
        return 0;
    memcpy(name, t, end);
    name[end] = '\0';
    return kmgca_foods_match(foods, name, m, NULL) == KMGCA_OK && m->food &&
           m->method == KMGCA_MATCH_EXACT && m->confidence >= 0.99;
}

static int product_head(kmgca_foods *foods, kmgca_weighing *out, kmgca_status *st)
{
    /* a run ends on no joining word, nor on how the food was made ("stir
     * fried chicken": the food comes after) */
    static const char *const joiners[] = {"and",     "with",   "&",       "'n",     "n",
                                          "of",      "in",     "w/",      "-",      "fried",
                                          "grilled", "baked",  "boiled",  "steamed", "roasted",
                                          "toasted", "poached", "sauteed", "stewed", "braised"};
    const char *t = out->food_text;
    if (text_has_cjk(t))
        return 0;
    size_t ends[16], n = 0;
    for (size_t i = 0; t[i] && n < 16; i++)
        if (t[i] != ' ' && (t[i + 1] == ' ' || !t[i + 1]))
            ends[n++] = i + 1;
    /* "Brand - Product": a word of the product at least */
    const char *dash = strstr(t, " - ");
    size_t least = 2;
    for (size_t k = 0; dash && k < n; k++)
        if (ends[k] <= (size_t)(dash - t) + 2)
            least = k + 2;
    /* a product named exactly and then only its flavour ("RXBAR
     * chocolate sea salt" was table salt; "Quest Bar - Cookie Dough") */
    for (size_t k = n - 1; n >= 2 && k >= 1; k--) {
        kmgca_match m;
        if (named_then_flavour(foods, t, ends[k - 1], &m)) {
            m.confidence = PART_READ_MAX;
            out->match = m;
            out->food_text[ends[k - 1]] = '\0';   /* t is out->food_text */
            *st = KMGCA_OK;
            return 1;
        }
    }
    /* after a brand, its flavour first and then a food named exactly
     * ("Premier Protein - Chocolate Protein Shake" was milk chocolate) */
    /* (after a brand's dash only: "white pizza" is no flavour of pizza) */
    const char *from = dash ? dash + 3 : NULL;
    for (const char *sp = from ? strchr(from, ' ') : NULL; sp && sp[1]; sp = strchr(sp + 1, ' ')) {
        char flavour[sizeof out->food_text];
        size_t fl = (size_t)(sp - from);
        memcpy(flavour, from, fl);
        flavour[fl] = '\0';
        if (!only_flavour(flavour))
            break;
        kmgca_match m;
        if (kmgca_foods_match(foods, sp + 1, &m, NULL) == KMGCA_OK && m.food &&
            m.method == KMGCA_MATCH_EXACT && m.confidence >= 0.99) {
            m.confidence = PART_READ_MAX;
            out->match = m;
            memmove(out->food_text, sp + 1, strlen(sp + 1) + 1);   /* t is out->food_text */
            *st = KMGCA_OK;
            return 1;
        }
    }
    if (n < 3 || least >= n)
        return 0;
    /* (not a dish named by its last word: "spicy grilled chicken caesar
     * salad" is a salad, not grilled chicken) */
    static const char *const dishes[] = {"salad", "soup", "sandwich", "pie", "burger", "wrap",
                                         "curry", "stew", "pizza", "casserole", "bake",
                                         "burrito", "taco", "quesadilla", "enchilada", "omelet",
                                         "omelette", "salads", "soups", "sandwiches", "pies",
                                         "burgers", "wraps", "curries", "stews", "pizzas", "bakes",
                                         "burritos", "tacos", "quesadillas", "enchiladas",
                                         "omelets", "omelettes"};
    size_t last = ends[n - 2], lend = ends[n - 1];
    while (t[last] == ' ')
        last++;
    while (lend > last && ispunct((unsigned char)t[lend - 1]))
        lend--;
    if (word_among(t + last, lend - last, dishes, sizeof dishes / sizeof *dishes))
        return 0;
    for (size_t k = n - 1; k >= least; k--) {
        size_t end = ends[k - 1], start = k >= 2 ? ends[k - 2] : 0;
        while (t[start] == ' ')
            start++;
        int joined = 0;
        for (size_t j = 0; j < sizeof joiners / sizeof *joiners && !joined; j++)
            joined = end - start == strlen(joiners[j]) &&
                     !strncasecmp(t + start, joiners[j], end - start);
        /* nor on a number ("100%" of "100% Whole Wheat Bread") */
        for (size_t c = start; c < end && !joined; c++)
            joined = isdigit((unsigned char)t[c]);
        char prefix[sizeof out->food_text];
        if (joined || end >= sizeof prefix)
            continue;
        memcpy(prefix, t, end);
        prefix[end] = '\0';
        if (prefix[end - 1] == ',')
            prefix[end - 1] = '\0';
        kmgca_match m;
        if (kmgca_foods_match(foods, prefix, &m, NULL) == KMGCA_OK && m.food &&
            m.confidence >= KMGCA_LOW_CONFIDENCE) {
            /* words were left out: never the top band ("Black Beans,
             * canned, rinsed & drained" is not surely the canned beans) */
            if (m.confidence > PART_READ_MAX)
                m.confidence = PART_READ_MAX;
            out->match = m;
            copy_text(out->food_text, sizeof out->food_text, prefix);
            *st = KMGCA_OK;
            return 1;
        }
    }
    return 0;
}

/* A message's food among its chatter, parts apart by commas, " - " or
 * semicolons ("chilli, might have been too spicy for bedtime", "Lunch at
 * the garden centre cafe, jacket potato with cheese"): the one part that
 * names a food surely (0.85), when the whole does not match well and no
 * other part names a food even loosely (0.3)
 * (two foods are two parts of the line, kmgca_line_parts). The food text
 * becomes that part, so the answer shows it. 1 when read. */
static const char *without_hanging(const char *t, char *buf, size_t size);

static int food_among_chatter(kmgca_foods *foods, kmgca_weighing *out, kmgca_status *st)
{
    const char *t = out->food_text;
    if (text_has_cjk(t) || !strpbrk(t, ",;-"))
        return 0;
    char best[sizeof out->food_text] = "";
    kmgca_match found = {0};
    int named = 0;
    for (const char *p = t; *p;) {
        size_t len = strcspn(p, ",;");
        const char *dash = strstr(p, " - ");
        if (dash && (size_t)(dash - p) < len)
            len = (size_t)(dash - p);
        char part[sizeof out->food_text], bare[sizeof out->food_text];
        snprintf(part, sizeof part, "%.*s", (int)len, p);
        kmgca_match m;
        /* the part's food, its serving cut out ("2 glasses of wine after") */
        char lead[SERVING_MAX], rest[sizeof out->food_text];
        const char *said = without_hanging(text_trim(part), bare, sizeof bare);
        if (split_cached(said, lead, sizeof lead, rest, sizeof rest) && rest[0])
            said = rest;
        int loosely = said[0] && kmgca_foods_match(foods, said, &m, NULL) == KMGCA_OK &&
                      m.food && m.confidence >= 0.3;
        /* (a first part that names nothing kmgca knows, with a word of no
         * English, is a name it does not know, not chatter: "Chalupa
         * Supreme, beef" is no plain beef) */
        if (p == t && said[0] && !loosely && match_unknown_name(foods, said))
            return 0;
        if (loosely) {
            named++;
            if (where_it_went(said))
                m.confidence = 0;   /* "on my yoghurt" names it, not as eaten */
            if (m.confidence >= 0.85 && m.confidence > found.confidence) {
                found = m;
                copy_text(best, sizeof best, text_trim(part));
            }
        }
        p += len;
        p += *p == ',' || *p == ';' ? 1 : *p == ' ' ? 3 : 0;
    }
    /* one part names a food surely, no other part names one even loosely:
     * a part that qualifies the food ("Kirkland Signature Rotisserie
     * Chicken, breast meat no skin") or names another ("Oven Roasted Turkey
     * Breast, Deli Sliced") is no chatter */
    if (named != 1 || !best[0])
        return 0;
    if (found.confidence > PART_READ_MAX)
        found.confidence = PART_READ_MAX;
    out->match = found;
    copy_text(out->food_text, sizeof out->food_text, best);
    *st = KMGCA_OK;
    return 1;
}

/* A count, or no amount, of a food whose table names one of its measures
 * by a word of the text ("Chips Ahoy! cookies, 3" is three of FNDDS's
 * "Nabisco Chips Ahoy!", 10.5 g each, not three medium chocolate chip
 * cookies, 30 g each): that measure. A count of the food's own word ("3
 * cookies") is a count. 1 when weighed. */
static int named_measure(const kmgca_food *food, const char *text, const kmgca_serving *s,
                         double *grams, char *how, size_t how_size)
{
    if (food->recipe_count || text_has_cjk(text) || !(s->amount > 0))
        return 0;
    if (s->kind == KMGCA_UNIT_PORTION) {
        /* the unit must be the food's own word: "3 cookies" of a cookie */
        char u[96], uw[4][TEXT_WORD_MAX];
        text_fold(s->unit, u, sizeof u);
        size_t nu = text_words(u, uw, NULL, 4);
        if (nu != 1 || !words_in_description(food, uw, 1))
            return 0;
    } else if (s->kind != KMGCA_UNIT_NONE && s->kind != KMGCA_UNIT_TYPICAL) {
        return 0;
    }
    long pick = portion_named_by_text(food, text);
    if (pick < 0)
        return 0;
    const kmgca_portion *pt = &food->portions[pick];
    /* nothing written: a maker's can of soup is two servings, not one
     * ("Campbell's chicken noodle soup"), unless the text says the can */
    if (s->kind != KMGCA_UNIT_PORTION && holds_word_ci(pt->measure, "can") &&
        !holds_word_ci(text, "can") && !holds_word_ci(text, "tin"))
        return 0;
    char amt[32], g[32];
    *grams = s->amount * pt->grams / pt->amount;
    fmt_amount(amt, sizeof amt, s->amount);
    fmt_grams(g, sizeof g, *grams);
    if (how)
        snprintf(how, how_size, "%s x \"%s\" = %s g (" PH_NAMED_MEASURE ")", amt, pt->measure, g);
    return 1;
}

/* "1 can (3.75 oz)" of sardines: a serving that names one of the food's
 * measures exactly, bracket and all, as Cronometer and app exports print
 * them, is that measure (92 g drained), not the weight in its bracket (the
 * can's net weight, 106 g). 1 when weighed. */
static int measure_named_exactly(const kmgca_food *food, const char *serving, double *grams,
                                 char *how, size_t how_size)
{
    if (!food || food->recipe_count || !serving || !strchr(serving, '('))
        return 0;
    /* a plain count as apps print it, read by the serving parser: "1",
     * "2.00", "1/2" (nothing else), at most 100 */
    char count[16];
    size_t cl = strspn(serving, "0123456789./");
    kmgca_serving c;
    if (!cl || cl >= sizeof count)
        return 0;
    memcpy(count, serving, cl);
    count[cl] = '\0';
    if (kmgca_serving_parse(count, &c, NULL) != KMGCA_OK || c.kind != KMGCA_UNIT_NONE ||
        !(c.amount > 0) || c.amount > 100)
        return 0;
    double amount = c.amount;
    const char *end = serving + cl;
    while (*end == ' ')
        end++;
    size_t rl = strlen(end);
    while (rl && end[rl - 1] == ' ')
        rl--;
    for (unsigned i = 0; i < food->portion_count; i++) {
        const kmgca_portion *pt = &food->portions[i];
        if (!(pt->grams > 0) || !(pt->amount > 0) || strlen(pt->measure) != rl ||
            strncasecmp(pt->measure, end, rl) != 0)
            continue;
        *grams = amount * pt->grams / pt->amount;
        if (how) {
            char amt[32], g[32];
            fmt_amount(amt, sizeof amt, amount);
            fmt_grams(g, sizeof g, *grams);
            snprintf(how, how_size, "%s x \"%s\" = %s g (" PH_SERVING_MEASURE ")", amt,
                     pt->measure, g);
        }
        return 1;
    }
    return 0;
}

/* 1 when a food is drunk. */
static int a_drink(const kmgca_food *f)
{
    static const char *const drinks[] = {"water", "tea",  "coffee", "milk",   "juice",
                                         "soft_drink", "beer", "wine", "spirits"};
    for (size_t k = 0; k < sizeof drinks / sizeof *drinks; k++)
        if (!strcmp(kmgca_food_kind(f), drinks[k]))
            return 1;
    return 0;
}

/* "half a can of chickpeas", "a tin of sweetcorn": a can holds the canned
 * food. When the food matched is not canned and "canned" before its text
 * matches a canned food as well (not a drink: its can is a container of
 * the drink itself), that food. */
/* 1 when a serving's unit is a can or tin ("can", "small tin"). */
static int tin_measured(const char *unit)
{
    size_t len;
    const struct kmgca_measure_word *m = measure_word_at(unit, &len);
    if (m && m->size[0] && unit[len] == ' ')   /* "small tin" */
        m = measure_word_at(unit += len + 1, &len);
    return m && !strcmp(m->concept, "can") && !unit[len];
}

static int canned_for_a_can(kmgca_foods *foods, kmgca_weighing *out)
{
    const kmgca_food *f = out->match.food;
    if (!tin_measured(out->serving.unit) || !f || strstr(f->description, "canned") ||
        strlen(out->food_text) > 400 || a_drink(f))
        return 0;
    char text[420];
    snprintf(text, sizeof text, "canned %s", out->food_text);
    kmgca_match c;
    /* nor a variant the text did not ask for: no salt added, low sodium */
    static const char *const unasked[] = {"no salt", "low sodium", "reduced sodium",
                                          "without salt"};
    if (kmgca_foods_match(foods, text, &c, NULL) != KMGCA_OK || !c.food)
        return 0;
    for (size_t k = 0; k < sizeof unasked / sizeof *unasked; k++)
        if (strstr(c.food->description, unasked[k]) && !strstr(out->food_text, "salt") &&
            !strstr(out->food_text, "sodium"))
            return 0;
    if (strstr(c.food->description, "canned") &&
        c.confidence >= out->match.confidence - 0.05 && c.confidence >= KMGCA_LOW_CONFIDENCE) {
        out->match = c;
        return 1;
    }
    return 0;
}

/* "一个大桃子", "一根大香蕉", "两个小苹果": a size written after the measure
 * word, on the food, is the serving's ("一大个") when the food matches as
 * well without it and is the same food ("大虾", "大白菜", "小米" are foods
 * of their own: they match by their whole name). */
static void zh_size_in_name(kmgca_foods *foods, kmgca_weighing *out, char *serving,
                            size_t size)
{
    char *t = out->food_text;
    size_t sl = strlen(serving);
    /* (where the serving was cut out: "今天 大苹果") */
    char *z = t;
    for (char *sp = strchr(t, ' '); sp && strncmp(z, "大", 3) && strncmp(z, "小", 3);
         sp = strchr(sp + 1, ' '))
        if (!strncmp(sp + 1, "大", 3) || !strncmp(sp + 1, "小", 3))
            z = sp + 1;
    int big = !strncmp(z, "大", 3), small = !strncmp(z, "小", 3);
    kmgca_match own;   /* (小黄鱼, 大虾 after the cut: a name of its own) */
    if (z != t && kmgca_foods_match(foods, z, &own, NULL) == KMGCA_OK && own.food &&
        own.confidence >= 0.99)
        return;
    if ((!big && !small) || !text_has_cjk(z + 3) || sl < 3 || sl + 4 > size ||
        ((unsigned char)serving[sl - 3] & 0xF0) != 0xE0)
        return;
    /* a measure word of pieces ends the serving: "一个", "10只", "一根" */
    static const char *const pieces[] = {"item", "piece", "stick", "slice", "sheet"};
    size_t ml;
    const struct kmgca_measure_word *mw = measure_word_at(serving + sl - 3, &ml);
    int counted = 0;
    for (size_t k = 0; mw && ml == 3 && k < sizeof pieces / sizeof *pieces; k++)
        counted |= !strcmp(mw->concept, pieces[k]);
    if (!counted ||
        (sl >= 6 && (!strncmp(serving + sl - 6, "大", 3) || !strncmp(serving + sl - 6, "小", 3))))
        return;
    char without[sizeof out->food_text];
    snprintf(without, sizeof without, "%.*s%s", (int)(z - t), t, z + 3);
    kmgca_match whole, m;
    if (kmgca_foods_match(foods, t, &whole, NULL) != KMGCA_OK || !whole.food ||
        whole.confidence >= 0.99 || kmgca_foods_match(foods, without, &m, NULL) != KMGCA_OK ||
        m.food != whole.food || m.confidence < whole.confidence)
        return;
    char measure[8];
    memcpy(measure, serving + sl - 3, 4);
    memcpy(serving + sl - 3, big ? "大" : "小", 3);
    memcpy(serving + sl, measure, 4);
    copy_text(out->food_text, sizeof out->food_text, without);
}

/* The name in the text that weighs its pieces (name_portions.csv) must be
 * drunk when the food matched is, and eaten when it is: "Ensure chocolate"
 * is a drink, and a chocolate from a box (9 g) is no serving of it. Such a
 * name is dropped (the food's own name is looked up instead). */
static void name_of_the_food(kmgca_foods *foods, kmgca_weighing *out)
{
    const kmgca_food *f = out->match.food;
    if (!f || !out->serving.name[0] || !strcmp(out->serving.name, out->food_text))
        return;
    kmgca_match m;
    if (kmgca_foods_match(foods, out->serving.name, &m, NULL) == KMGCA_OK && m.food &&
        m.confidence >= KMGCA_LOW_CONFIDENCE && a_drink(m.food) != a_drink(f))
        out->serving.name[0] = '\0';
}

/* 1 when the n bytes at p are one of the words, ASCII case aside */
static int word_among(const char *p, size_t n, const char *const *words, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (n == strlen(words[k]) && !strncasecmp(p, words[k], n))
            return 1;
    return 0;
}
#define WORD_AMONG(p, n, list) word_among((p), (n), (list), sizeof(list) / sizeof *(list))

/* The first whole word of t that is one of words ("fluid" of "counted it
 * in my 1.5L fluid"), or NULL */
static const char *word_in(const char *t, const char *const *words, size_t count)
{
    for (const char *p = t; *p; p++) {
        if (!isalpha((unsigned char)*p) || (p > t && isalpha((unsigned char)p[-1])))
            continue;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        if (word_among(p, n, words, count))
            return p;
        p += n - 1;
    }
    return NULL;
}
#define WORD_IN(t, list) word_in((t), (list), sizeof(list) / sizeof *(list))

/* 1 when t opens with an amount: a digit, a number word or a Chinese
 * numeral ("2 lamb chops", "a bowl of", "两个") */
static int amount_opens(const char *t)
{
    static const char *const numbers[] = {"a ", "an ", "one ", "two ", "three ", "four ",
                                          "half ", "some ", "一", "两", "二", "三", "半"};
    while (*t == ' ')
        t++;
    if (isdigit((unsigned char)*t))
        return 1;
    for (size_t k = 0; k < sizeof numbers / sizeof *numbers; k++)
        if (!strncasecmp(t, numbers[k], strlen(numbers[k])))
            return 1;
    return 0;
}

/* The days a diary line may open with ("Sat 8.30 fry up", "Mon tea -"). */
static const char *const day_words[] = {
    "mon",    "tue",     "tues",      "wed",      "weds",   "thu",      "thur",
    "thurs",  "fri",     "sat",       "sun",      "monday", "tuesday",  "wednesday",
    "thursday", "friday", "saturday", "sunday"};

/* The names of meals that label a line ("lunch: beef stew", "B: porridge"). */
static const char *const meal_words[] = {
    "breakfast", "brekkie", "brekky", "bfast", "b'fast", "brunch", "lunch", "luncheon",
    "dinner", "tea", "supper", "snack", "snacks", "dessert", "pudding", "elevenses", "bkfst",
    "morning tea", "afternoon tea", "arvo tea", "evening tea", "evng tea", "high tea",
    "evening meal", "midday meal", "am snack",
    "pm snack", "morning snack", "afternoon snack", "evening snack", "late snack",
    "bedtime snack", "supper snack", "pre workout", "post workout", "pre-workout",
    "post-workout", "recovery", "post run", "post-run", "pre run", "pre-run", "post ride",
    "post-ride", "pre ride", "pre-ride", "b", "l", "d", "s"};

/* The length of a long dash at p (" – ", " — " as phones and word
 * processors write them: "–" or "—"), or 0. */
static size_t long_dash(const char *p)
{
    static const char *const dashes[] = {"–", "—"};
    for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++)
        if (!strncmp(p, dashes[k], strlen(dashes[k])))
            return strlen(dashes[k]);
    return 0;
}

/* The text after a clock time that opens it ("10:30 banana", "7.15am
 * porridge", "8pm glass of red"): 10:30 (a colon), or a time with am or
 * pm; "2.50 cups" stays. */
static const char *after_clock(const char *t)
{
    const char *p = t;
    while (*p == ' ')
        p++;
    /* a day before it: "Sat 8.30 fry up" */
    size_t dl = 0;
    while (isalpha((unsigned char)p[dl]))
        dl++;
    size_t past = !dl ? 0 : p[dl] == ' ' ? dl + 1 : p[dl] == ',' && p[dl + 1] == ' ' ? dl + 2 : 0;
    if (past && WORD_AMONG(p, dl, day_words) && isdigit((unsigned char)p[past]))
        p += past;
    while (*p == ' ')
        p++;
    size_t h = 0;
    while (isdigit((unsigned char)p[h]) && h < 3)
        h++;
    if (h == 0 || h > 2)
        return t;
    const char *q = p + h;
    int colon = 0;
    if ((*q == ':' || *q == '.') && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
        !isdigit((unsigned char)q[3])) {
        colon = *q == ':';
        q += 3;
    }
    const char *r = q;
    while (*r == ' ')
        r++;
    int ampm = (!strncasecmp(r, "am", 2) || !strncasecmp(r, "pm", 2)) && !isalpha((unsigned char)r[2]);
    if (ampm)
        q = r + 2;
    /* (or a or p run on, as quick notes write it: "6:45a", "12:30p") */
    if (!ampm && colon && strchr("apAP", *q) && *q && !isalpha((unsigned char)q[1]))
        q++;
    /* "10.30 OJ small glass": a time with a full stop, from 5 o'clock on
     * and in fives of minutes, when no unit nor a plural follows ("2.50
     * cups", "1.25 bagels", "2.50 bananas" stay amounts) */
    int dotted = !colon && !ampm && *p != '0' && q == p + h + 3 && p[h] == '.';
    int minutes = dotted ? atoi(p + h + 1) : -1;   /* (p[h] is then no end) */
    if (dotted && atoi(p) >= 5 && atoi(p) <= 23 && minutes <= 59 && minutes % 5 == 0 && *r) {
        const unit_def *u;
        size_t wl;
        char word[32];
        size_t n = 0;
        while (n + 1 < sizeof word && r[n] && r[n] != ' ')
            word[n] = (char)tolower((unsigned char)r[n]), n++;
        word[n] = '\0';
        if (!unit_at(r, &u) && !measure_word_at(word, &wl) && isalpha((unsigned char)*r) &&
            !(n > 3 && word[n - 1] == 's'))
            colon = 1;
        /* ("8.15  2 boiled eggs": a count after it) */
        if (isdigit((unsigned char)*r) && r > q)
            colon = 1;
    }
    if (!colon && !ampm)
        return t;
    if (*q && *q != ' ' && *q != ',' && *q != '-' && *q != ':')
        return t;
    /* (and the dashes after it: "8am – 3 rashers") */
    for (size_t d;;) {
        if (*q == ' ' || *q == ',' || *q == '-' || *q == ':')
            q++;
        else if ((d = long_dash(q)) != 0)
            q += d;
        else
            break;
    }
    return *q ? q : t;
}

/* A day that opens a diary line, with its part of the day, meal and
 * marks, out of it in out: "Sun dinner roast lamb 3 slices", "Wed tea -
 * spag bol" (tea the meal, not the drink), "Fri 2 pints of Guinness",
 * "Mon morn - grapefruit", "Fri night: 6 oysters"; "Sun dried tomatoes"
 * stay. 1 when done. */
static int day_label_out(const char *t, char *out, size_t size)
{
    static const char *const parts[] = {"morn", "morning", "night", "arvo", "afternoon",
                                        "evening", "eve", "am", "pm", "midday", "noon"};
    const char *p = t;
    while (*p == ' ')
        p++;
    size_t n = strcspn(p, " ,:.-");
    if (!n || !WORD_AMONG(p, n, day_words))
        return 0;
    const char *q = p + n;
    if (*q == '-')
        return 0;   /* (a word of its own: "Sun-Maid raisins") */
    if (*q == '.')
        q++;   /* "Thurs." */
    int marked = 0;
    for (int again = 1; again;) {
        again = 0;
        for (size_t d; *q == ' ' || *q == ',' || *q == ':' || *q == '-' ||
                       (d = long_dash(q)) != 0;) {
            marked |= *q != ' ';
            q += (*q & 0x80) ? d : 1;
        }
        size_t w = strcspn(q, " ,:-");
        if (w > 1 && (WORD_AMONG(q, w, parts) || WORD_AMONG(q, w, meal_words))) {
            marked = 1;
            q += w;
            again = 1;
        }
    }
    /* a time after it: "Thurs 10.30 cuppa" (10.30 is no amount there) */
    size_t h = 0;
    while (isdigit((unsigned char)q[h]) && h < 3)
        h++;
    if (h >= 1 && h <= 2 && (q[h] == '.' || q[h] == ':') && isdigit((unsigned char)q[h + 1]) &&
        isdigit((unsigned char)q[h + 2]) && !isdigit((unsigned char)q[h + 3]) &&
        atoi(q) <= 23 && atoi(q + h + 1) <= 59 && q[h + 3] == ' ' &&
        (q[h] == ':' || (atoi(q) >= 5 && atoi(q + h + 1) % 5 == 0))) {
        q += h + 4;
        marked = 1;
    }
    /* (a mark, a part of the day or a meal, or an amount, a time or a size
     * after the day: not "Sun dried tomatoes") */
    static const char *const amount_words[] = {"small", "large", "big", "medium", "half", "a",
                                               "an", "one", "two", "three", "some", "bowl",
                                               "cup", "glass", "slice", "piece", "bit"};
    size_t w = strcspn(q, " ,");
    if (!marked && w && WORD_AMONG(q, w, amount_words))
        marked = 1;
    if (!*q || (!marked && !isdigit((unsigned char)*q)) || strlen(q) >= size)
        return 0;
    copy_text(out, size, q);
    return 1;
}

/* "2 of the big flour tortillas", "3 of those small cookies": a count of
 * a size, as "2 big flour tortillas" in out; 1 when done. */
static int count_of_the_size(const char *t, char *out, size_t size)
{
    static const char *const of_the[] = {" of the ", " of those ", " of these ", " of them "};
    static const char *const sizes[] = {"big", "large", "small", "little", "medium", "huge",
                                        "giant", "mini", "jumbo", "tiny"};
    const char *p = t;
    while (*p == ' ')
        p++;
    const char *d = p;
    while (isdigit((unsigned char)*d))
        d++;
    if (d == p || d - p > 2)
        return 0;
    for (size_t k = 0; k < sizeof of_the / sizeof *of_the; k++) {
        size_t n = strlen(of_the[k]);
        if (strncasecmp(d, of_the[k], n) != 0)
            continue;
        const char *w = d + n;
        size_t wl = 0;
        while (isalpha((unsigned char)w[wl]))
            wl++;
        if (!wl || w[wl] != ' ' || !WORD_AMONG(w, wl, sizes))
            return 0;
        return (size_t)snprintf(out, size, "%.*s %s", (int)(d - p), p, w) < size;
    }
    return 0;
}

/* "Nandos half chicken", "a quarter chicken": a half or quarter of a bird
 * as chicken shops sell it, not half of a serving of chicken meat: "half
 * rotisserie chicken" in out, which FNDDS weighs by the bird; "quarter
 * chicken leg" is the leg quarter, one whole leg. 1 when done. */
static int bird_share(const char *t, char *out, size_t size)
{
    static const char *const shares[] = {"half", "quarter", "1/2", "1/4"};
    for (size_t k = 0; k < sizeof shares / sizeof *shares; k++) {
        char phrase[32];
        snprintf(phrase, sizeof phrase, "%s chicken", shares[k]);
        const char *share = shares[k % 2];   /* (1/2 is half, 1/4 a quarter) */
        const char *p = text_find_ci(t, phrase);
        if (!p || (p > t && isalnum((unsigned char)p[-1])))
            continue;
        const char *after = p + strlen(phrase);
        if (isalpha((unsigned char)*after))
            continue;
        const char *r = after;
        while (*r == ' ' || *r == ',')
            r++;
        static const char *const parts[] = {"leg", "legs", "breast", "breasts", "thigh",
                                            "thighs", "wing", "wings"};
        size_t wl = 0;
        while (isalpha((unsigned char)r[wl]))
            wl++;
        if (wl && WORD_AMONG(r, wl, parts)) {
            if (k % 2 == 1 && wl >= 3 && !strncasecmp(r, "leg", 3))
                return (size_t)snprintf(out, size, "1 %.*schicken leg%s", (int)(p - t), t,
                                        r + wl) < size;
            continue;
        }
        return (size_t)snprintf(out, size, "%.*s%s rotisserie chicken%s", (int)(p - t), t, share,
                                after) < size;
    }
    return 0;
}

/* A clause that tells a day's fluid limit, not the food's amount ("lentil
 * soup, big mug, counted it in my 1.5L fluid" was 1.5 L of soup): out of the
 * line, in out; 1 when done. Only a clause after a comma, holding a volume
 * and one of the words of a limit. */
static int fluid_limit_out(const char *t, char *out, size_t size)
{
    static const char *const words[] = {"fluid", "fluids", "limit", "allowance", "restriction"};
    if (text_has_cjk(t))
        return 0;
    for (const char *p = t; (p = WORD_IN(p, words)) != NULL;) {
        const char *start = p;
        while (isalpha((unsigned char)*p))
            p++;   /* (the next word is looked for after this one) */
        while (start > t && start[-1] != ',' && start[-1] != ';')
            start--;
        if (start == t)
            return 0;
        const char *end = p + strcspn(p, ",;");
        int volume = 0;
        for (const char *d = start; d < end && !volume; d++) {
            if (!isdigit((unsigned char)*d))
                continue;
            const char *u = d;
            while (u < end && (isdigit((unsigned char)*u) || *u == '.'))
                u++;
            while (*u == ' ')
                u++;
            const unit_def *def;
            volume = u < end && unit_at(u, &def) && def->kind == KMGCA_UNIT_VOLUME;
            d = u - 1;
        }
        if (!volume)
            continue;
        size_t keep = (size_t)(start - 1 - t);
        return (size_t)snprintf(out, size, "%.*s%s", (int)keep, t, end) < size;
    }
    return 0;
}

/* "Digestives x 2-3": a count's range after x, as "Digestives 2-3" (read
 * as its middle, said) in out; 1 when done. */
static int x_range(const char *t, char *out, size_t size)
{
    for (const char *p = t; *p; p++) {
        if ((*p != 'x' && *p != 'X') || p == t || p[-1] != ' ')
            continue;
        const char *d = p + 1;
        while (*d == ' ')
            d++;
        const char *e = d;
        while (isdigit((unsigned char)*e))
            e++;
        if (e == d || *e != '-' || !isdigit((unsigned char)e[1]))
            continue;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(p - t), t, d) < size;
    }
    return 0;
}

/* The fillers of speech out of a line (voice notes: "I had um a tin of
 * sardines", "erm a slice of carrot cake"); 1 when any was. */
static int fillers_out(const char *t, char *out, size_t size)
{
    static const char *const fillers[] = {"um", "umm", "erm", "uh", "er", "uhm", "hmm"};
    size_t o = 0;
    int cut = 0;
    for (const char *p = t; *p;) {
        size_t n = 0;
        if (p == t || p[-1] == ' ' || p[-1] == ',')
            while (isalpha((unsigned char)p[n]))
                n++;
        if (n && (p[n] == ' ' || p[n] == ',' || !p[n]) && WORD_AMONG(p, n, fillers)) {
            p += n;
            while (*p == ',' || *p == ' ')
                p++;
            cut = 1;
            continue;
        }
        if (o + 1 >= size)
            return 0;
        out[o++] = *p++;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    /* a message's kisses at its end ("cheese on toast for lunch x", "xx"),
     * after a word (not "bread 2 x", a count) */
    size_t e = o;
    while (e && (out[e - 1] == 'x' || out[e - 1] == 'X'))
        e--;
    if (e < o && o - e <= 3 && e >= 2 && out[e - 1] == ' ' && isalpha((unsigned char)out[e - 2])) {
        o = e - 1;
        while (o && (out[o - 1] == ' ' || out[o - 1] == ','))
            o--;
        out[o] = '\0';
        cut = 1;
    }
    return cut && o > 0;
}

/* A clock time that opens the line out of it in out ("7:10 am bacon x3
 * slices": the rules after this one read "10 am bacon" as a count and a
 * food); 1 when done. */
static int clock_out(const char *t, char *out, size_t size)
{
    while (*t == ' ')
        t++;
    const char *after = after_clock(t);
    /* a meal's name before it, the time naming when: "SNACK 3:00 string
     * cheese", "LUNCH 12:30 turkey sandwich" (not 30 sandwiches) */
    for (size_t k = 0; after == t && k < sizeof meal_words / sizeof *meal_words; k++) {
        size_t n = strlen(meal_words[k]);
        if (n < 2 || strncasecmp(t, meal_words[k], n) != 0 || isalnum((unsigned char)t[n]))
            continue;
        const char *p = t + n;
        while (*p == ' ' || *p == ':' || *p == ',' || *p == '-')
            p++;
        const char *a = isdigit((unsigned char)*p) ? after_clock(p) : p;
        if (a != p)
            after = a;
    }
    if (after == t || !*after || strlen(after) >= size)
        return 0;
    copy_text(out, size, after);
    return 1;
}

/* 1 when t's first clause, of two words or more, names a food surely and
 * no drink: "M&S cottage pie (400g)" (not "Earl Grey", "Green") */
static int names_a_dish(kmgca_foods *foods, const char *t)
{
    static const char *const drinks[] = {"tea", "coffee", "milk", "juice", "soft_drink",
                                         "water", "beer", "wine", "spirits"};
    char first[256];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(t, ",;("), t);
    char *f = text_trim(first);
    kmgca_match m;
    if (!strchr(f, ' ') || kmgca_foods_match(foods, f, &m, NULL) != KMGCA_OK || !m.food ||
        m.confidence < 0.8)
        return 0;
    const char *kind = kmgca_food_kind(m.food);
    for (size_t k = 0; k < sizeof drinks / sizeof *drinks; k++)
        if (!strcmp(kind, drinks[k]))
            return 0;
    return 1;
}

/* The text after a meal's label ending in a colon, "lunch: beef stew",
 * "B: porridge", "morning tea: scone", "diner bkfst:", in "was" ("Brunch
 * was smashed avo", "tea last night was chicken chow mein"), or in " - "
 * before an amount ("Tea - 2 lamb chops"); the text itself when it has
 * none. Without these the words may be a food's ("breakfast sausage", "tea
 * cake", "lunch meat", "Tea - Green", "soup for lunch was good"). */
static const char *after_meal_label(kmgca_foods *label_foods, const char *t)
{
    while (*t == ' ')
        t++;
    /* a day or whose meal before the meal's name: "Mon supper 2 Weetabix",
     * "Sun dinner: roast beef", "mum lunch: 1 bowl soup" ("sun dried
     * tomatoes" stay) */
    static const char *const whose[] = {"mum", "dad", "mom", "nan", "gran", "grandad"};
    size_t lead_len = strcspn(t, " ,:");
    if (lead_len && (WORD_AMONG(t, lead_len, day_words) || WORD_AMONG(t, lead_len, whose))) {
        const char *m = t + lead_len;
        while (*m == ' ' || *m == ',' || *m == ':')
            m++;
        size_t mn = strcspn(m, " ,:");
        if (mn > 1 && WORD_AMONG(m, mn, meal_words))
            t = m;
    }
    /* a meal named in a few words, then "was": "tea last night was chicken
     * chow mein", "mid-shift snack was a strawberry yoghurt" */
    static const char *const around_meal[] = {
        "my", "our", "the", "his", "her", "mum's", "dad's", "today's", "tonight's", "last",
        "night", "today", "tonight", "yesterday", "this", "morning", "evening", "afternoon",
        "before", "after", "at", "work", "start", "shift", "diner", "late", "early", "mid"};
    int meal_word = 0, words = 0;
    for (const char *p = t; *p && words < 6; words++) {
        size_t n = strcspn(p, " ,:");
        /* only words of when and whose around the meal's name: "tea last
         * night was", "Breakfast before my 6am start was"; "soup for lunch
         * was good" names its food first */
        static const char *const was[] = {"was", "were"};
        int around = WORD_AMONG(p, n, around_meal);
        for (size_t k = 0; k < n && !around; k++)
            around = isdigit((unsigned char)p[k]) || p[k] == '-';
        int is_meal = n > 1 && WORD_AMONG(p, n, meal_words);
        int is_was = WORD_AMONG(p, n, was);
        if (!around && !is_meal && !is_was)
            break;
        meal_word |= is_meal;
        /* "diner bkfst: 2 eggs over easy" */
        if (p[n] == ':' && words > 0) {
            const char *r = p + n + 1;
            while (*r == ' ')
                r++;
            if (meal_word && *r)
                return r;
            break;
        }
        if (p[n] != ' ')
            break;
        if (words > 0 && is_was) {
            if (!meal_word)
                break;
            const char *r = p + n;
            while (*r == ' ')
                r++;
            char lead[SERVING_MAX], rest[1024], first[1024];
            kmgca_match m;
            /* ... and what follows names a food (its first clause): not "the
             * tea was too hot" */
            snprintf(first, sizeof first, "%.*s", (int)strcspn(r, ",;"), r);
            if (*r && !(split_cached(r, lead, sizeof lead, rest, sizeof rest) && !rest[0]) &&
                (!split_cached(first, lead, sizeof lead, rest, sizeof rest) || rest[0]) &&
                kmgca_foods_match(label_foods, rest[0] ? rest : first, &m, NULL) == KMGCA_OK &&
                m.food && m.confidence >= KMGCA_LOW_CONFIDENCE)
                return r;
            break;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    for (size_t k = 0; k < sizeof meal_words / sizeof *meal_words; k++) {
        size_t n = strlen(meal_words[k]);
        if (strncasecmp(t, meal_words[k], n) != 0)
            continue;
        const char *p = t + n;
        while (*p == ' ')
            p++;
        /* "Brunch was smashed avo", "dinner tonight was spag bol" */
        static const char *const was[] = {"was ", "tonight was ", "today was "};
        size_t wl = 0;
        for (size_t w = 0; w < sizeof was / sizeof *was && !wl && n > 1; w++)
            if (!strncasecmp(p, was[w], strlen(was[w])))
                wl = strlen(was[w]);
        if (wl)
            p += wl - 1;
        else if (*p == '-' && p[1] == ' ' &&
                 (amount_opens(p + 2) || (strcasecmp(meal_words[k], "tea") &&
                                          strcasecmp(meal_words[k], "pudding") && n > 1) ||
                  (!strcasecmp(meal_words[k], "tea") && names_a_dish(label_foods, p + 2))))
            ;   /* "Tea - 2 lamb chops, mash & peas", "B - 3 idli", "Dinner -
                 * roast lamb", "Tea - M&S cottage pie"; "Tea - Green" and
                 * "Tea - Earl Grey" are teas */
        else if (p > t + n && n > 1 &&
                 (isdigit((unsigned char)*p) ||
                  (islower((unsigned char)t[0]) && isupper((unsigned char)*p) &&
                   isalpha((unsigned char)p[1]))) &&
                 strcasecmp(meal_words[k], "tea") &&
                 strcasecmp(meal_words[k], "pudding") && strcasecmp(meal_words[k], "dessert"))
            p--;   /* "brekky 2x wholemeal toast", "lunch 2 slices of pizza" (not "tea 2
                    * sugars"), "lunch Marie Callender's pot pie" (a name after it) */
        else if (*p != ':' && *p != '=')
            continue;
        p++;
        while (*p == ' ')
            p++;
        /* "tea: 2 cups" names the tea */
        char lead[SERVING_MAX], rest[1024];
        if (!*p || (split_cached(p, lead, sizeof lead, rest, sizeof rest) && !rest[0]))
            return t;
        return p;
    }
    return t;
}


/* 1 when the text says the food was not eaten and no other clause of it
 * names a food: "我妈不爱喝牛奶", "老师，我妈不爱喝牛奶", "没吃早饭", "didn't eat
 * the crusts", "skipped lunch"; "喝了一小碗鸡汤 没吃肉" is read. */
static int not_eaten(kmgca_foods *foods, const char *t)
{
    static const char *const marks[] = {
        "没吃", "没喝", "不吃", "不喝", "不爱吃", "不爱喝", "没有吃", "没有喝", "不想吃",
        "didn't eat", "didn't drink", "did not eat", "did not drink", "skipped", "refused",
        "didn't want", "did not want", "wouldn't eat", "would not eat", "wouldn't touch"};
    static const char *const clauses[] = {",", ";", ".", "!", "?", "，", "。", "；", "！",
                                          "？", " but ", "但", " - ", "(", ")", " so ",
                                          "只", "就", "吃了", "喝了"};
    /* what follows the mark says it was eaten after all: 没吃完 (not
     * finished), 没吃饱, 没吃够, 没吃多少 (not much); 不吃辣 (not spicy) */
    static const char *const eaten_after[] = {"完", "饱", "够", "辣", "多少", "几口"};
    int negated = 0;
    for (size_t k = 0; k < sizeof marks / sizeof *marks && !negated; k++) {
        size_t n = strlen(marks[k]);
        for (const char *p = t; *p && !negated; p++) {
            if (strncasecmp(p, marks[k], n) != 0)
                continue;
            /* (a bracket says what of it was left: "小馄饨12个（汤没喝）") */
            int depth = 0;
            for (const char *b = t; b < p; b++)
                if (*b == '(' || !strncmp(b, "（", 3))
                    depth++;
                else if ((*b == ')' || !strncmp(b, "）", 3)) && depth)
                    depth--;
            if (depth)
                continue;
            int after = 0;
            for (size_t e = 0; e < sizeof eaten_after / sizeof *eaten_after && !after; e++)
                after = !strncmp(p + n, eaten_after[e], strlen(eaten_after[e]));
            /* "好久没吃了": not for long, and eaten now */
            negated = !after &&
                      !(p - t >= 6 && (!strncmp(p - 6, "好久", 6) || !strncmp(p - 6, "很久", 6)));
            /* "别的没吃", "其他的都没吃": nothing else was, this was */
            static const char *const other[] = {"别的", "其他", "其它", "其他的", "别的东西"};
            const char *q = p;
            static const char *const fill[] = {"什么都", "啥都", "都", "也"};
            for (size_t f = 0; f < sizeof fill / sizeof *fill; f++) {
                size_t fl = strlen(fill[f]);
                if ((size_t)(q - t) >= fl && !strncmp(q - fl, fill[f], fl)) {
                    q -= fl;
                    break;
                }
            }
            for (size_t o = 0; o < sizeof other / sizeof *other && negated; o++) {
                size_t ol = strlen(other[o]);
                negated = !((size_t)(q - t) >= ol && !strncmp(q - ol, other[o], ol));
            }
        }
    }
    if (!negated)
        return 0;
    /* another clause that names a food is read ("喝了一小碗鸡汤 没吃肉"; in
     * Chinese a space parts clauses too); one that names none ("老师，我妈不
     * 爱喝牛奶") leaves the line as not eaten */
    for (const char *p = t; *p;) {
        size_t len = 0, mark = 0;
        while (p[len] && !mark) {
            for (size_t k = 0; k < sizeof clauses / sizeof *clauses && !mark; k++)
                if (!strncmp(p + len, clauses[k], strlen(clauses[k])))
                    mark = strlen(clauses[k]);
            if (!mark && p[len] == ' ' && text_has_cjk(t))
                mark = 1;
            if (!mark)
                len++;
        }
        char clause[1024], lead[SERVING_MAX], rest[1024];
        snprintf(clause, sizeof clause, "%.*s", (int)len, p);
        int negation = 0;
        for (size_t k = 0; k < sizeof marks / sizeof *marks && !negation; k++)
            negation = text_holds_ci(clause, marks[k]);
        /* the clause's food, its serving cut out ("米饭半碗 菜没吃") */
        if (!split_cached(text_trim(clause), lead, sizeof lead, rest, sizeof rest))
            copy_text(rest, sizeof rest, text_trim(clause));
        kmgca_match m;
        if (!negation && rest[0] &&
            kmgca_foods_match(foods, rest, &m, NULL) == KMGCA_OK && m.food &&
            m.confidence >= KMGCA_LOW_CONFIDENCE)
            return 0;
        p += len + mark;
    }
    return 1;
}

static kmgca_status weigh_line(kmgca_foods *foods, const char *food_text,
                               const char *serving_text, kmgca_weighing *out, kmgca_error *err);

/* Where a message's clauses part: sentence ends, commas, dashes and the
 * words that start another clause. The length of the mark at p, or 0. */
static size_t clause_mark(const char *t, const char *p)
{
    /* Chinese: its marks, and a space between two Chinese characters */
    static const char *const zh_marks[] = {"，", "。", "！", "？", "；"};
    for (size_t k = 0; k < sizeof zh_marks / sizeof *zh_marks; k++)
        if (!strncmp(p, zh_marks[k], strlen(zh_marks[k])))
            return strlen(zh_marks[k]);
    if (*p == ' ' && p >= t + 3 && (unsigned char)p[-3] >= 0xE0 && (unsigned char)p[1] >= 0xE0)
        return 1;
    /* and its words that open what came of it: "喝了杯热牛奶才睡着", "然后";
     * not 才鱼 (snakehead) */
    if (p > t && (!strncmp(p, "然后", 6) || (!strncmp(p, "才", 3) && strncmp(p + 3, "鱼", 3))))
        return !strncmp(p, "然后", 6) ? 6 : 3;
    /* ("after" says when: "20 cherries after dinner" is one clause) */
    static const char *const words[] = {" because ", " so ", " but ", " when ", " and then ",
                                        " then ", " and i ", " which ", " while "};
    /* a sentence's end: "?", "!", or "." before a capital ("1 c. w/
     * raisins", "chick. noodle soup" shorten a word) */
    if ((*p == '?' || *p == '!') && (p[1] == ' ' || !p[1]))
        return 1;
    /* (an ellipsis between words: "on lasix now... half a cantaloupe") */
    if (p > t && (!strncmp(p, "...", 3) || !strncmp(p, "\u2026", 3)) && isalpha((unsigned char)p[-1]))
        return 3;
    if (*p == '.' && p > t && !isdigit((unsigned char)p[-1]) &&
        (!p[1] || (p[1] == ' ' && isupper((unsigned char)p[2]))))
        return 1;
    /* and before a small letter or a number after a whole word, as phones
     * write it ("sprouts. 5 of them. hate them"): a plural or a word of six
     * letters, no shortened one ("chick. noodle", "pot. 1/2 c.") */
    if (*p == '.' && p[1] == ' ' && (islower((unsigned char)p[2]) || isdigit((unsigned char)p[2]))) {
        size_t n = 0;
        while (p - n > t && isalpha((unsigned char)p[-(ptrdiff_t)n - 1]))
            n++;
        /* (or a number: "5. hate them"; a decimal point has no space after) */
        if (p > t && (n >= 6 || (n >= 4 && p[-1] == 's') || (!n && isdigit((unsigned char)p[-1]))))
            return 1;
    }
    if (*p == ',' || *p == ';')
        return 1;
    /* (a lead-in before a colon: "Per the log you asked for: banana") */
    if (*p == ':' && p[1] == ' ' && p > t && isalpha((unsigned char)p[-1]))
        return 2;
    if (!strncmp(p, " - ", 3))
        return 3;
    /* (and the long dashes phones and word processors write: " — ", " – ") */
    size_t d = *p == ' ' ? long_dash(p + 1) : 0;
    if (d && p[1 + d] == ' ')
        return d + 2;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (!strncasecmp(p, words[k], strlen(words[k])))
            return strlen(words[k]) - 1;
    /* "and" before a verb of how it went: "3 Weet-Bix and felt fine",
     * "and went easy on the gravy" */
    static const char *const after_and[] = {"felt", "went", "still", "slept", "feel", "it was",
                                            "that was", "was", "then", "had", "ate", "drank"};
    /* (and as texts write it: " n ", " & ": "made the kids grilled cheese n
     * had one myself") */
    static const char *const ands[] = {" and ", " n ", " & "};
    for (size_t a = 0; a < sizeof ands / sizeof *ands; a++) {
        size_t al = strlen(ands[a]);
        if (strncasecmp(p, ands[a], al) != 0)
            continue;
        for (size_t k = 0; k < sizeof after_and / sizeof *after_and; k++) {
            size_t n = strlen(after_and[k]);
            if (!strncasecmp(p + al, after_and[k], n) && (p[al + n] == ' ' || !p[al + n]))
                return al - 1;
        }
    }
    return 0;
}

/* 1 for a message: six words or more, a clause mark, and a word people
 * write of themselves or others ("I", "we", "my", "had"), which an app's
 * name of a food ("Pork Chop, Boneless, Lean Only, Pan-Broiled") lacks */
static int long_message(const char *t)
{
    /* Chinese: two clauses or more */
    if (text_has_cjk(t)) {
        int marks = 0;
        for (const char *p = t; *p; p++)
            marks += clause_mark(t, p) != 0;
        return marks > 0;
    }
    static const char *const persons[] = {"i",   "we",  "my",  "me",   "he",    "she", "you",
                                          "had", "ate", "was", "were", "got",   "our", "his",
                                          "her", "im",  "ive", "drank", "mum",  "dad", "tried"};
    int words = 0, marked = 0, person = 0;
    for (const char *p = t; *p; p++) {
        if (isalpha((unsigned char)*p) && (p == t || !isalpha((unsigned char)p[-1]))) {
            words++;
            size_t n = 0;
            while (isalpha((unsigned char)p[n]) || p[n] == '\'')
                n++;
            char w[8];
            size_t o = 0;
            for (size_t k = 0; k < n && o + 1 < sizeof w; k++)
                if (p[k] != '\'')
                    w[o++] = (char)tolower((unsigned char)p[k]);
            w[o] = '\0';
            person |= n < sizeof w && WORD_AMONG(w, o, persons);
        }
        marked |= clause_mark(t, p) != 0;
    }
    return words >= 6 && marked && person;
}

/* The text after the next verb of eating or drinking in t, and the
 * words that hedge or point after it ("only had 1 Weetabix", "was the
 * whole tin"), or NULL when no verb is left with a word after it. */
static const char *after_verb(const char *t)
{
    static const char *const verbs[] = {
        "had",   "has",    "have",    "having",  "ate",     "eat",     "eats",  "eating",
        "drank", "drink",  "drinks",  "drinking", "was",    "were",    "is",    "managed",
        "grabbed", "got",  "took",    "tried",   "finished", "enjoyed", "doing", "scoffed",
        "snacked", "nibbled", "munched", "made",  "cooked", "bought",  "ordered",  "shared",
        "switched", "trying", "polished", "knocked", "downed", "snacking", "wolfed", "devoured", "gobbled",
        "guzzled", "sipped", "sipping", "munching", "nibbling", "tucked", "demolished", "likes",
        "loves", "enjoys", "dropped", "brought", "heated", "reheated", "warmed",
        "microwaved", "defrosted", "picked", "treated", "opened", "finishing", "craved", "went",
        "opted", "rewarded", "fancied", "settled", "chugged", "inhaled", "housed", "did",
        "boiled", "fried", "baked", "grilled", "steamed", "toasted", "roasted", "dunked",
        "wanted"};
    static const char *const hedges[] = {"only", "just", "maybe", "probably", "the",  "his",
                                         "her",  "my",   "our",   "their",    "those", "these",
                                         "a few of the", "some of the", "also", "on", "through",
                                         "to", "off", "back", "down", "into", "up",
                                         "round", "over", "myself to", "myself", "for", "on",
                                         "usual", "regular", "normal",
                                         "myself with", "with", "himself", "herself",
                                         "themselves", "ourselves", "yourself"};
    /* 吃了, 喝了, 熬了, 吃的: the food after (我爸中午吃了两个鸡蛋) */
    static const char *const zh_verbs[] = {"吃了", "喝了", "吃的", "喝的", "熬了", "煮了",
                                           "啃了", "做了", "蒸了", "炒了", "下了", "烤了", "炖了",
                                           "冲了", "泡了",
                                           "食咗", "飲咗",
                                           "饮咗", "吃咗", "喝咗", "吃", "喝"};
    /* (a way of cooking is read with what follows it first: "我爸蒸了个红薯"
     * is a steamed one; then what follows alone) */
    static const char *const zh_cooking[] = {"蒸了", "煮了", "烤了", "炖了", "熬了"};
    if (text_has_cjk(t)) {
        for (size_t k = 0; k < sizeof zh_verbs / sizeof *zh_verbs; k++) {
            const char *p = strstr(t, zh_verbs[k]);
            if (!p || !p[strlen(zh_verbs[k])])
                continue;
            for (size_t c = 0; c < sizeof zh_cooking / sizeof *zh_cooking && p > t; c++)
                if (!strcmp(zh_verbs[k], zh_cooking[c]))
                    return p;
            return p + strlen(zh_verbs[k]);
        }
        return NULL;
    }
    for (const char *p = t; *p; p++) {
        if (p != t && (isalpha((unsigned char)p[-1]) || p[-1] == '\''))
            continue;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        if (!n)
            continue;
        if (!WORD_AMONG(p, n, verbs) || p[n] != ' ')
            continue;
        /* "went for chicken korma", "went back for the apple crisp", not
         * "went off chocolate" */
        if (n == 4 && !strncasecmp(p, "went", 4) && strncasecmp(p + 5, "for ", 4) != 0 &&
            strncasecmp(p + 5, "back for ", 9) != 0)
            continue;
        /* "made with milk", "cooked in butter": how, not a verb of eating */
        static const char *const how_made[] = {"with ", "from ", "in ", "using ", "w/ ",
                                               "up with ", "up in ", "up "};
        int how = 0;
        for (size_t k = 0; k < sizeof how_made / sizeof *how_made && !how; k++)
            how = !strncasecmp(p + n + 1, how_made[k], strlen(how_made[k]));
        if (how)
            continue;
        const char *r = p + n;
        for (int again = 1; again;) {
            again = 0;
            while (*r == ' ')
                r++;
            for (size_t k = 0; k < sizeof hedges / sizeof *hedges && !again; k++) {
                size_t h = strlen(hedges[k]);
                if (!strncasecmp(r, hedges[k], h) && r[h] == ' ') {
                    r += h;
                    again = 1;
                }
            }
        }
        if (*r)
            return r;
    }
    return NULL;
}

/* t without a preposition left hanging at its end ("a whole 1L bottle of
 * Gatorade after"), in buf; t itself when none. */
static const char *without_hanging(const char *t, char *buf, size_t size)
{
    static const char *const hanging[] = {" after", " before", " during", " with"};
    size_t n = strlen(t);
    for (size_t k = 0; k < sizeof hanging / sizeof *hanging; k++) {
        size_t h = strlen(hanging[k]);
        if (n > h && n - h < size && !strcasecmp(t + n - h, hanging[k])) {
            snprintf(buf, size, "%.*s", (int)(n - h), t);
            return buf;
        }
    }
    return t;
}

/* 1 when t holds a digit or a number word: an amount written ("the 125g
 * pot", "about a cup of it"; not "boiled pots") */
static int amount_written(const char *t)
{
    static const char *const numbers[] = {"a",   "an",    "one",   "two",     "three",
                                          "half", "quarter", "third", "couple"};
    static const char *const zh_numbers[] = {"一", "二", "两", "三", "四", "五", "六",
                                             "七", "八", "九", "十", "半", "俩", "倆"};
    if (strpbrk(t, "0123456789"))
        return 1;
    for (size_t k = 0; k < sizeof zh_numbers / sizeof *zh_numbers; k++)
        if (strstr(t, zh_numbers[k]))
            return 1;
    for (const char *p = t; *p; p++) {
        if (p != t && isalpha((unsigned char)p[-1]))
            continue;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        if (n && WORD_AMONG(p, n, numbers))
            return 1;
    }
    return 0;
}

#define CLAUSES 10
#define VERBS_TRIED 3   /* verbs cut a clause at most: each weighs the rest */

/* 1 when t opens with where a food went, "on my yoghurt", "in his tea":
 * what follows is not the food eaten */
static int where_it_went(const char *t)
{
    static const char *const went[] = {"on my ", "in my ", "on her ", "in her ", "on his ",
                                       "in his ", "on our ", "in our ", "into my ", "over my "};
    while (*t == ' ')
        t++;
    for (size_t k = 0; k < sizeof went / sizeof *went; k++)
        if (!strncasecmp(t, went[k], strlen(went[k])))
            return 1;
    return 0;
}

/* 1 when what a serving leaves of a clause says nothing of a food: "the
 * pot", "of it", "had at lunch", "我婆婆今天" (no food matched); not "wine
 * after" nor "hours before bed". */
static int rest_is_chatter(kmgca_foods *foods, const char *rest)
{
    static const char *const words[] = {
        "a",      "about",  "afternoon", "all",  "an",    "and",    "approx", "around", "arvo",
        "at",     "evening", "weekend", "yesterday", "week", "lunchtime",
        "ate",    "big",    "breakfast", "dinner", "drank", "each",  "for",    "guess",
        "had",    "half",   "have",    "he",    "her",    "his",    "i",      "in",     "is",
        "it",     "just",   "large",   "like",  "lot",    "lunch",  "maybe",  "medium",
        "morning", "my",    "night",   "of",    "one",    "ones",   "only",   "or",
        "probably", "roughly", "she",  "small", "so",     "supper", "tea",    "that",
        "the",    "them",   "think",   "this",  "those",  "today",  "tonight", "total",
        "was",    "we",     "were",    "whole", "worth"};
    if (!rest[0])
        return 1;
    if (where_it_went(rest))
        return 1;
    if (text_has_cjk(rest)) {
        kmgca_match m;
        return kmgca_foods_match(foods, rest, &m, NULL) != KMGCA_OK ||
               m.confidence < KMGCA_LOW_CONFIDENCE;
    }
    size_t n;
    for (const char *p = rest; (p = text_next_latin_word(p, &n)) != NULL;) {
        int known = WORD_AMONG(p, n, words);
        char w[32];
        size_t wl;
        snprintf(w, sizeof w, "%.*s", (int)(n < 31 ? n : 31), p);
        for (char *c = w; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        /* a container or measure word that names no food: "the 125g pot",
         * "the small 150ml pour" (not "biscuits", "sandwich") */
        kmgca_match m;
        if (!known && measure_word_at(w, &wl) && wl == strlen(w) &&
            !(kmgca_foods_match(foods, w, &m, NULL) == KMGCA_OK && m.confidence >= 0.7))
            known = 1;
        if (!known)
            return 0;
        p += n;
    }
    return 1;
}

/* The Chinese verbs of buying or making a food, with 了 or Cantonese 咗,
 * after which a line may say what was eaten of it (read_clauses,
 * bought_then_eaten, zh_bought_then_ate). */
static const char *const zh_making[] = {"买了", "买咗", "做了", "做咗", "煮了", "蒸了", "包了",
                                        "炖了", "熬了", "炒了", "烤了", "煎了", "冲了", "泡了"};

/* The first of zh_making in t, or NULL. */
static const char *zh_made_at(const char *t)
{
    const char *made = NULL;
    for (size_t k = 0; k < sizeof zh_making / sizeof *zh_making; k++) {
        const char *m = strstr(t, zh_making[k]);
        if (m && (!made || m < made))
            made = m;
    }
    return made;
}

/* A message read a clause at a time ("Hi Donna - drank about a cup of
 * tonic water before bed again, cramps a little better I think"): the
 * clause that names a food surely, one with its serving written before one
 * without, the first before the others; a clause that is only a serving
 * right after it says how much ("a big glass of chocolate milk, probably
 * 12 oz"). Nothing is read when a clause's own amount is refused (a range,
 * "a few"), or when another clause names another kind of food (those are a
 * line of several foods). 1 with the weighing in *out. */
static int read_clauses(kmgca_foods *foods, const char *text, const char *serving_text,
                        kmgca_weighing *out, kmgca_status *st, kmgca_error *err)
{
    if (strlen(text) >= 1024)
        return 0;
    size_t at[CLAUSES + 1], len[CLAUSES];
    int n = 0;
    for (const char *p = text; *p && n < CLAUSES;) {
        const char *q = p;
        size_t mark = 0;
        while (*q && !(mark = clause_mark(text, q)))
            q++;
        /* (no empty clause between two marks: ", so I had half") */
        const char *b = p;
        while (b < q && *b == ' ')
            b++;
        if (b < q) {
            at[n] = (size_t)(p - text);
            len[n++] = (size_t)(q - p);
        }
        p = q + mark;
    }
    int cut = 0;   /* one clause: read only when a verb was cut */
    kmgca_weighing *w = malloc(sizeof *w * (size_t)n);
    int *flags = calloc((size_t)n, sizeof *flags);
    char(*lead_of)[SERVING_MAX] = calloc((size_t)n, sizeof *lead_of);
    if (!w || !flags || !lead_of) {
        free(w);
        free(flags);
        free(lead_of);
        return 0;
    }
    enum { OK = 1, NAMES = 2, REFUSED = 4, ONLY_SERVING = 8, SERVING_REFUSED = 16 };
    int best = -1;
    for (int k = 0; k < n; k++) {
        char clause[1024], lead[SERVING_MAX], rest[1024], bare[1024];
        snprintf(clause, sizeof clause, "%.*s", (int)len[k], text + at[k]);
        char *c = text_trim(clause);
        if (!c[0])
            continue;
        kmgca_error e;
        kmgca_status cs =
            weigh_line(foods, without_hanging(c, bare, sizeof bare), serving_text, &w[k], &e);
        /* a clause that names a food of its own; not what was added to
         * another ("加炸蛋加腐竹", "with a splash of milk") nor how it was
         * seasoned ("盐放多一点") */
        static const char *const seasoning[] = {"spice", "sugar", "sauce", "oil"};
        int added = !strncasecmp(c, "with ", 5) || !strncmp(c, "加", 3) || !strncmp(c, "配", 3);
        for (size_t s = 0; w[k].match.food && s < sizeof seasoning / sizeof *seasoning; s++)
            added |= !strcmp(kmgca_food_kind(w[k].match.food), seasoning[s]);
        int went = where_it_went(w[k].food_text);   /* "2 tbsp on my yoghurt" */
        if (w[k].match.food && w[k].match.confidence >= KMGCA_LOW_CONFIDENCE && !added && !went &&
            w[k].match.method != KMGCA_MATCH_SPELLING && !rest_is_chatter(foods, w[k].food_text))
            flags[k] |= NAMES;
        if (cs == KMGCA_ERROR_AMOUNT && (flags[k] & NAMES))
            flags[k] |= REFUSED;    /* its own amount refused: "toast, 1-2 slices" */
        if (cs == KMGCA_OK && w[k].match.food && w[k].match.confidence >= 0.8 && !went &&
            !rest_is_chatter(foods, w[k].food_text))
            flags[k] |= OK;   /* ("had half" is no half and half) */
        /* who ate and when, before the verb: "Dad has 2 slices of white
         * toast", "mid-shift snack was a strawberry yoghurt" */
        int tried = 0;
        for (const char *v = c; !(flags[k] & OK) && tried < VERBS_TRIED &&
                                (v = after_verb(v)) != NULL;
             tried++) {
            kmgca_weighing vw;
            kmgca_status vs =
                weigh_line(foods, without_hanging(v, bare, sizeof bare), serving_text, &vw, &e);
            if (rest_is_chatter(foods, vw.food_text))
                continue;   /* "had half": a share, no food */
            /* (a name misspelt after the verb, "had a cup of cooked
             * spinnach", is read as surely as a correction is) */
            if (vs == KMGCA_OK && vw.match.food &&
                (vw.match.confidence >= 0.8 ||
                 (vw.match.method == KMGCA_MATCH_SPELLING && vw.match.confidence >= 0.7))) {
                w[k] = vw;
                flags[k] = (flags[k] & ~REFUSED) | OK | NAMES;
            } else if (vs == KMGCA_ERROR_AMOUNT && vw.match.food &&
                       vw.match.confidence >= 0.8) {
                w[k] = vw;
                flags[k] |= NAMES | REFUSED;
            }
        }
        cut |= (flags[k] & OK) && tried > 0 && n == 1;
        /* a serving with no food, "the 125g pot", "about a cup of it" */
        if (!(flags[k] & (OK | NAMES)) && !serving_text[0] && amount_written(c)) {
            const char *sv = after_verb(c) ? after_verb(c) : c;
            kmgca_serving s;
            kmgca_error pe;
            /* a share alone, "had half", "吃了一半" */
            if (!kmgca_serving_split(sv, lead, sizeof lead, rest, sizeof rest) &&
                kmgca_serving_parse(sv, &s, &pe) == KMGCA_OK && s.kind == KMGCA_UNIT_NONE &&
                s.amount > 0 && s.amount < 1) {
                copy_text(lead, sizeof lead, sv);
                rest[0] = '\0';
            }
            if (lead[0] && rest_is_chatter(foods, without_hanging(rest, bare, sizeof bare)) &&
                (!rest[0] || kmgca_serving_split(sv, lead, sizeof lead, rest, sizeof rest) == 1)) {
                copy_text(lead_of[k], sizeof lead_of[k], lead);
                flags[k] |= kmgca_serving_parse(lead, &s, &pe) == KMGCA_OK ? ONLY_SERVING
                                                                          : SERVING_REFUSED;
            }
        }
        /* "with a glass of milk" adds to another food: never the one read */
        if (!(flags[k] & OK) || added)
            continue;
        int written = !w[k].serving_assumed, best_written = best >= 0 && !w[best].serving_assumed;
        if (best < 0 || (written && !best_written) ||
            (written == best_written && w[k].match.confidence > w[best].match.confidence + 0.1))
            best = k;
    }
    /* a clause whose own amount fails, then a clause that is only one
     * ("我妈今天吃了几个白灼虾，七八个吧"): the food with the amount after */
    int taken = 0;   /* the amount after was taken so */
    for (int k = 0; best < 0 && k + 1 < n; k++) {
        kmgca_serving share;
        if ((flags[k] & OK) || !(flags[k + 1] & ONLY_SERVING) ||
            /* "ate half" is a share of the amount that failed, no amount */
            (kmgca_serving_parse(lead_of[k + 1], &share, NULL) == KMGCA_OK &&
             share.kind == KMGCA_UNIT_NONE && share.amount < 1))
            continue;
        char clause[1024], lead[SERVING_MAX], rest[1024];
        snprintf(clause, sizeof clause, "%.*s", (int)len[k], text + at[k]);
        const char *v = after_verb(clause);
        kmgca_serving_split(text_trim(v ? (char *)v : clause), lead, sizeof lead, rest,
                            sizeof rest);
        kmgca_error e;
        if (rest[0] && weigh_line(foods, rest, lead_of[k + 1], &w[k], &e) == KMGCA_OK &&
            w[k].match.food && w[k].match.confidence >= 0.8) {
            flags[k] = (flags[k] & ~REFUSED) | OK | NAMES;
            best = k;
            taken = 1;
        }
    }
    /* nothing is read past a refusal; nor when another clause names
     * another kind of food, surely or not (a line of several foods) */
    int refused = 0, others = 0;
    for (int k = 0; k < n; k++) {
        refused |= (flags[k] & REFUSED) != 0;
        refused |= (flags[k] & SERVING_REFUSED) && best >= 0 && k == best + 1;
        if (best >= 0 && k != best && (flags[k] & NAMES) && w[k].match.food != w[best].match.food &&
            strcmp(kmgca_food_kind(w[k].match.food), kmgca_food_kind(w[best].match.food)) != 0)
            others++;
    }
    /* a first clause that names nothing kmgca knows, with a word of no
     * English, is the food's own name, not chatter before it: "Chalupa
     * Supreme, beef" is no plain beef */
    if (best > 0 && !(flags[0] & (OK | NAMES | ONLY_SERVING)) && !text_has_cjk(text)) {
        char first[1024];
        snprintf(first, sizeof first, "%.*s", (int)len[0], text + at[0]);
        if (!after_verb(first) && match_unknown_name(foods, text_trim(first)))
            best = -1;
    }
    int done = 0;
    if (best >= 0 && !others && !refused && (n > 1 || cut)) {
        kmgca_weighing *b = &w[best];
        /* a serving alone after it: a measure says what a household word
         * held, or gives the amount none was written for */
        if (best + 1 < n && (flags[best + 1] & ONLY_SERVING) && !taken) {
            const char *lead = lead_of[best + 1];
            kmgca_serving s;
            kmgca_weighing alt;
            kmgca_error e;
            /* a handful said again as a count: "一小把花生，大概二三十粒" */
            int again = b->serving.kind == KMGCA_UNIT_PORTION &&
                        (strstr(b->serving.unit, "把") || strstr(b->serving.unit, "handful"));
            /* what was made, bought or shared, then what was eaten of it:
             * "made a big pot of split pea soup and had 2 bowls", "We
             * shared a large pepperoni pizza, I had 3 slices" */
            char made[1024];
            snprintf(made, sizeof made, "%.*s", (int)len[best], text + at[best]);
            static const char *const making[] = {"made ", "cooked ", "bought ", "ordered ",
                                                 "shared ", "got ", "brought "};
            again |= zh_made_at(made) != NULL;
            for (size_t k = 0; k < sizeof making / sizeof *making && !again; k++)
                again = text_holds_ci(made, making[k]);
            /* (or the serving says what was eaten of it: "糖炒栗子一袋，吃了十几个") */
            char then[1024];
            snprintf(then, sizeof then, "%.*s", (int)len[best + 1], text + at[best + 1]);
            static const char *const eating[] = {"吃了", "喝了", "吃掉", "喝掉", "食咗", "饮咗"};
            for (size_t k = 0; k < sizeof eating / sizeof *eating && !again && !strstr(then, "汤");
                 k++)
                again = strstr(then, eating[k]) != NULL;   /* (not "汤喝了一半": the soup's) */
            int parsed = kmgca_serving_parse(lead, &s, NULL) == KMGCA_OK;
            const char *eaten = after_verb(b->food_text);
            /* (of a dish's whole serving too, "got a fish supper and split
             * it, so I had half"; not of a typical slice: "bought a cake,
             * had half") */
            /* (and in Chinese, a food with no amount then a share eaten,
             * "饺子，吃了一半", "西红柿炒鸡蛋 吃了一半": that share of one
             * typical serving, not of one dumpling) */
            int zh_share_of_typical = b->serving_assumed && text_has_cjk(made) &&
                                      !zh_made_at(made);
            if (parsed && again && s.kind == KMGCA_UNIT_NONE && s.amount > 0 && s.amount < 1 &&
                isfinite(b->grams) &&
                (!b->serving_assumed || !strcmp(kmgca_food_source(b->match.food), "recipe") ||
                 zh_share_of_typical)) {
                /* a share of what was bought: "路过买了袋糖炒栗子，吃了一半" */
                char share[32];
                snprintf(share, sizeof share, "%.3g", s.amount);
                b->grams *= s.amount;
                appendf(b->how, sizeof b->how, PH_SHARE_EATEN "%s", share);
            } else if (parsed &&
                (b->serving_assumed || (again && s.kind != KMGCA_UNIT_TYPICAL) ||
                 ((s.kind == KMGCA_UNIT_MASS || s.kind == KMGCA_UNIT_VOLUME) &&
                  b->serving.kind != KMGCA_UNIT_MASS && b->serving.kind != KMGCA_UNIT_VOLUME)) &&
                ((eaten && weigh_line(foods, eaten, lead, &alt, &e) == KMGCA_OK &&
                  alt.match.food == b->match.food) ||
                 (weigh_line(foods, b->food_text, lead, &alt, &e) == KMGCA_OK &&
                  alt.match.food == b->match.food))) {
                alt.serving_from_food = 1;
                *b = alt;
            }
        }
        /* ... then a share of it in a clause of its own ("高麗菜 炒了一盤
         * 我吃三分之一"): that share of what was made */
        for (int j = best + 2; j < n && !b->serving_assumed && isfinite(b->grams); j++) {
            kmgca_serving share;
            char made[1024];
            snprintf(made, sizeof made, "%.*s", (int)(at[j - 1] + len[j - 1] - at[best]),
                     text + at[best]);
            static const char *const making[] = {"made ", "cooked ", "bought "};
            int was_made = zh_made_at(made) != NULL;
            for (size_t k = 0; k < sizeof making / sizeof *making && !was_made; k++)
                was_made = text_holds_ci(made, making[k]);
            if (!(flags[j] & ONLY_SERVING) || !was_made ||
                kmgca_serving_parse(lead_of[j], &share, NULL) != KMGCA_OK ||
                share.kind != KMGCA_UNIT_NONE || !(share.amount > 0 && share.amount < 1))
                continue;
            char said[32];
            snprintf(said, sizeof said, "%.3g", share.amount);
            b->grams *= share.amount;
            appendf(b->how, sizeof b->how, PH_SHARE_EATEN "%s", said);
            break;
        }
        *out = *b;
        read_as_part(out);
        *st = KMGCA_OK;
        if (err)
            kmgca_error_clear(err);
        done = 1;
    }
    free(w);
    free(flags);
    free(lead_of);
    return done;
}

static int zh_amount_char(const char *p);

/* 1 when a Chinese line says what was bought or made and then, in a
 * clause of its own, how much of it was eaten ("橘子买了一斤，吃了三个") */
static int bought_then_eaten(const char *t)
{
    static const char *const eating[] = {"，吃了", "，喝了", ",吃了", ",喝了", " 吃了", " 喝了",
                                         "，吃咗", "，饮咗"};
    const char *made = text_has_cjk(t) ? zh_made_at(t) : NULL;
    for (size_t k = 0; made && k < sizeof eating / sizeof *eating; k++) {
        const char *e = strstr(made, eating[k]);
        if (e && zh_amount_char(e + strlen(eating[k])))
            return 1;
    }
    return 0;
}

static kmgca_status weigh_message(kmgca_foods *foods, const char *food_text,
                                  const char *serving_text, kmgca_weighing *out,
                                  kmgca_error *err);

/* 1 when a clause after the first says what the eater had, a verb and an
 * amount ("We shared a large pizza, I had 3 slices", "我吃了两块") */
static int own_part_said(const char *t)
{
    char clause[1100];
    int first = 1;
    for (const char *p = t; *p;) {
        const char *q = p;
        size_t mark = 0;
        while (*q && !(mark = clause_mark(t, q)))
            q++;
        snprintf(clause, sizeof clause, "%.*s", (int)(q - p), p);
        const char *v = after_verb(clause);
        /* (not the clause of the sharing itself: "nachos, shared an order") */
        if (!first && v && !holds_word_ci(clause, "shared") && amount_written(v))
            return 1;
        first = 0;
        if (!mark)
            break;
        p = q + mark;
    }
    return 0;
}

/* A line is weighed as a message (weigh_message); a food shared with
 * others is one person's equal part of what was written, said, and
 * assumed (--strict reviews it); shared with a group of no number, the
 * share eaten is not written. */
static kmgca_status weigh_shared(kmgca_foods *foods, const char *food_text,
                                 const char *serving_text, kmgca_weighing *out,
                                 kmgca_error *err);

/* "1 Jello cup sugar free @1500", "apple @ 3pm": a time after "@" says
 * when, no amount; out of the line, in out. 1 when done. */
static int at_time_out(const char *t, char *out, size_t size)
{
    const char *at = strchr(t, '@');
    if (!at || strlen(t) >= size)
        return 0;
    const char *p = at + 1;
    while (*p == ' ')
        p++;
    if (!isdigit((unsigned char)*p))
        return 0;
    const char *e = p;
    while (isdigit((unsigned char)*e) || *e == ':' || *e == '.')
        e++;
    while (*e == ' ')
        e++;
    if (!strncasecmp(e, "am", 2) || !strncasecmp(e, "pm", 2) || !strncasecmp(e, "hrs", 3) ||
        !strncasecmp(e, "h", 1))
        e += !strncasecmp(e, "hrs", 3) ? 3 : (*e == 'h' || *e == 'H') ? 1 : 2;
    if (isalpha((unsigned char)*e))
        return 0;
    size_t head = (size_t)(at - t);
    while (head && t[head - 1] == ' ')
        head--;
    return (size_t)snprintf(out, size, "%.*s%s%s", (int)head, t, *e ? " " : "", e) < size;
}

/* "Horlicks 8pm", "cup of tea at 10.30am - drank half": a clock time with
 * am or pm after the food (and "at", "around", "about" or "by" before it)
 * says when, no amount; so does an hour after "around" or "at" that ends a
 * line with an amount before it ("a handful of cashews around 4"). Out of
 * the line, in out; 1 when done. */
static int clock_after_out(const char *t, char *out, size_t size)
{
    if (!t[0] || strlen(t) >= size || text_has_cjk(t))
        return 0;
    for (const char *p = t + 1; *p; p++) {
        if (!isdigit((unsigned char)*p) || p[-1] != ' ')
            continue;
        const char *e = p;
        while (isdigit((unsigned char)*e))
            e++;
        if (e - p > 2)
            continue;
        if ((*e == ':' || *e == '.') && isdigit((unsigned char)e[1]) && isdigit((unsigned char)e[2]))
            e += 3;
        const char *m = e;
        while (*m == ' ')
            m++;
        int ampm = (tolower((unsigned char)m[0]) == 'a' || tolower((unsigned char)m[0]) == 'p') &&
                   tolower((unsigned char)m[1]) == 'm' && !isalnum((unsigned char)m[2]);
        int hour = atoi(p);
        if (hour < 1 || hour > 12)
            continue;
        /* ("a handful of cashews around 4": an hour with no am or pm ends
         * the line after "around" or "at", when an amount came before it) */
        if (!ampm) {
            size_t bl = (size_t)(p - 1 - t);
            int after_when = (bl >= 6 && !strncasecmp(p - 7, "around", 6)) ||
                             (bl >= 2 && !strncasecmp(p - 3, "at", 2) &&
                              (bl == 2 || p[-4] == ' '));
            int ends = *m == '\0' || ((*m == '.' || *m == '!') && !m[1]);
            int amount_before = 0;
            static const char *const cues[] = {"a ", "an ", "handful", "few ", "cup", "bowl",
                                               "glass", "slice", "piece", "plate"};
            /* (", around 12" restates a count: "a handful of almonds, around 12") */
            if (bl >= 8 && !strncasecmp(p - 7, "around", 6) && (p[-9] == ',' || p[-8] == ','))
                continue;
            for (const char *q = t; q < p - 1 && !amount_before; q++)
                amount_before = isdigit((unsigned char)*q) != 0;
            for (size_t k = 0; k < sizeof cues / sizeof *cues && !amount_before; k++) {
                const char *c = text_find_ci(t, cues[k]);
                amount_before = c && c < p - 1 && (c == t || c[-1] == ' ');
            }
            if (!after_when || !ends || !amount_before || (*e == ':' || e != m))
                continue;
            e = m;
        } else {
            e = m + 2;
        }
        /* and the word before it that says when */
        const char *from = p - 1;
        static const char *const when[] = {"at", "around", "about", "by", "@", "approx"};
        for (size_t k = 0; k < sizeof when / sizeof *when; k++) {
            size_t l = strlen(when[k]);
            if ((size_t)(from - t) >= l && !strncasecmp(from - l, when[k], l) &&
                (from - l == t || from[-(long)l - 1] == ' ')) {
                from -= l + (from - l > t);
                break;
            }
        }
        while (from > t && from[-1] == ' ')
            from--;
        if (from == t)
            return 0;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(from - t), t, e) < size;
    }
    return 0;
}

/* "Strawberries, whole", "Almonds, whole": an app's "whole" after the food
 * says it was not cut, and names no milk nor grain ("Milk, whole", "Wheat,
 * whole" keep theirs); out of the line, in out. 1 when done. */
static int trailing_whole_out(const char *t, char *out, size_t size)
{
    const char *w = text_find_ci(t, ", whole");
    if (!w || strlen(t) >= size)
        return 0;
    const char *e = w + 7;
    if (!strchr(",;()[]", *e) && !(*e == ' ' && !isalpha((unsigned char)e[1])))
        return 0;   /* ("Bread, Whole-Wheat", "Milk, whole milk" keep it) */
    static const char *const keeps[] = {"milk", "yog", "cream", "wheat", "grain", "egg",
                                        "rye", "oat", "corn", "meal", "kefir", "chicken",
                                        "fish", "duck", "turkey", "bird"};
    for (size_t k = 0; k < sizeof keeps / sizeof *keeps; k++) {
        const char *f = text_find_ci(t, keeps[k]);
        if (f && f < w)
            return 0;
    }
    return (size_t)snprintf(out, size, "%.*s%s", (int)(w - t), t, e) < size;
}

/* "oats made with water, about 40g dry", "pasta, cooked, 75g uncooked
 * weight": the weight is of the dry food, so the food is the dry one (what
 * it was made with is its own line); the words of making out, in out. 1
 * when done. */
static int dry_weight_of_made(const char *t, char *out, size_t size)
{
    if (strlen(t) >= size || text_has_cjk(t))
        return 0;
    int dry = 0;
    for (const char *p = t; *p && !dry; p++) {
        if (!isdigit((unsigned char)*p))
            continue;
        const char *e = p;
        while (isdigit((unsigned char)*e) || *e == '.')
            e++;
        while (*e == ' ')
            e++;
        if (tolower((unsigned char)*e) != 'g' || isalpha((unsigned char)e[1]))
            continue;
        e++;
        while (*e == ' ')
            e++;
        /* ("dry" ends the line or a clause: not "50g dry cured ham") */
        dry = (!strncasecmp(e, "dry", 3) &&
               (!e[3] || strchr(",;)", e[3]) || !strncasecmp(e + 3, " weight", 7))) ||
              (!strncasecmp(e, "uncooked", 8) && !isalpha((unsigned char)e[8])) ||
              !strncasecmp(e, "raw weight", 10);
        p = e - 1;
    }
    if (!dry)
        return 0;
    /* (not made with milk: the milk's minerals would go unsaid) */
    static const char *const made[] = {"made with water", "cooked with water",
                                       "made up with water", "cooked", "boiled"};
    char buf[1100];
    copy_text(buf, sizeof buf, t);
    int cut = 0;
    for (size_t k = 0; k < sizeof made / sizeof *made; k++) {
        char *m = (char *)text_find_ci(buf, made[k]);
        size_t l = strlen(made[k]);
        if (!m || (m > buf && isalpha((unsigned char)m[-1])) || isalpha((unsigned char)m[l]))
            continue;
        memmove(m, m + l, strlen(m + l) + 1);
        cut = 1;
    }
    return cut && (size_t)snprintf(out, size, "%s", buf) < size;
}

/* "Weetabix x2 - ate 1", "2 slices toast, ate one": of a count served, the
 * count eaten after it is the amount; the count served rewritten, the
 * words of eating out, in out. 1 when done. */
static int ate_some_of_count(const char *t, char *out, size_t size)
{
    if (text_has_cjk(t) || strlen(t) >= size)
        return 0;
    static const char *const verbs[] = {" - ate ", ", ate ", " - had ", ", had ", " - eaten ",
                                        " - drank ", ", drank ", " ate ", " had "};
    const char *v = NULL;
    size_t vl = 0;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !v; k++)
        if ((v = text_find_ci(t, verbs[k])) != NULL)
            vl = strlen(verbs[k]);
    if (!v)
        return 0;
    const char *m = v + vl;
    int eaten = 0;
    size_t ml = 0;
    if (isdigit((unsigned char)*m) && !isdigit((unsigned char)m[1])) {
        eaten = *m - '0';
        ml = 1;
    } else if (!strncasecmp(m, "one", 3)) {
        eaten = 1;
        ml = 3;
    } else if (!strncasecmp(m, "two", 3)) {
        eaten = 2;
        ml = 3;
    }
    /* (the count eaten ends the line: "ate 1 slice" is read as written) */
    const char *rest = m + ml;
    while (*rest == ' ' || *rest == '.' || *rest == '!')
        rest++;
    if (!eaten || *rest || isalpha((unsigned char)m[ml]))
        return 0;
    /* the count served before it, one digit: after an x ("Weetabix x2"),
     * or opening the line before a measure word ("2 slices toast"; not "2%
     * milk", "7up", "2 minute noodles") */
    const char *c = NULL;
    for (const char *p = t; p < v && !c; p++) {
        if (!isdigit((unsigned char)*p) || isdigit((unsigned char)p[1]))
            continue;
        size_t wl;
        const struct kmgca_measure_word *mw = p == t && p[1] == ' ' ? measure_word_at(p + 2, &wl)
                                                                     : NULL;
        if ((p > t && (p[-1] == 'x' || p[-1] == 'X') && (p - 1 == t || p[-2] == ' ') &&
             !isalnum((unsigned char)p[1])) ||
            (mw && mw->concept[0] && !isalpha((unsigned char)p[2 + wl])))
            c = p;
    }
    if (!c || *c - '0' <= eaten)
        return 0;
    return (size_t)snprintf(out, size, "%.*s%d%.*s", (int)(c - t), t, eaten, (int)(v - c - 1),
                            c + 1) < size;
}

/* "Yoghurt (strawberry)", "Soup (tomato) - all", "Ice cream (vanilla)": a
 * flavour in brackets after the food is its name's, put before it in out
 * ("strawberry Yoghurt"). 1 when done. */
static int flavour_bracket(const char *t, char *out, size_t size)
{
    static const char *const flavours[] = {
        "strawberry", "raspberry", "blueberry", "cherry", "peach", "apricot", "banana",
        "apple", "pear", "mango", "lemon", "orange", "pineapple", "rhubarb", "blackcurrant",
        "vanilla", "chocolate", "toffee", "caramel", "coffee", "tomato", "chicken", "mushroom",
        "vegetable", "leek", "lentil", "pea", "minestrone", "oxtail", "beef", "coconut",
        "mixed berry", "forest fruits", "fruits of the forest", "summer fruits", "plain",
        "natural"};
    if (text_has_cjk(t) || strlen(t) + 2 >= size)
        return 0;
    const char *o = strchr(t, '(');
    const char *c = o ? strchr(o, ')') : NULL;
    if (!o || !c || o == t || o[-1] != ' ')
        return 0;
    size_t fl = (size_t)(c - o - 1);
    int found = 0;
    for (size_t k = 0; k < sizeof flavours / sizeof *flavours && !found; k++)
        found = strlen(flavours[k]) == fl && !strncasecmp(o + 1, flavours[k], fl);
    /* (after a food named in one or two words that comes in flavours:
     * "Yoghurt", "Ice cream"; "Porridge (banana)" is porridge with a banana) */
    static const char *const flavoured[] = {"yoghurt", "yogurt", "yog", "soup", "ice cream",
                                            "icecream", "milkshake", "shake", "smoothie",
                                            "juice", "mousse", "custard", "jelly", "crisps",
                                            "yoghurts", "yogurts", "squash", "cordial",
                                            "muffin", "cake", "drink", "lolly", "ice lolly"};
    int words = 1;
    for (const char *p = t; p < o - 1; p++)
        words += *p == ' ';
    const char *last = o - 1;
    while (last > t && last[-1] != ' ')
        last--;
    size_t ll = (size_t)(o - 1 - last);
    int flavourable = 0;
    for (size_t k = 0; k < sizeof flavoured / sizeof *flavoured && !flavourable; k++) {
        size_t l = strlen(flavoured[k]);
        flavourable = (ll == l && !strncasecmp(last, flavoured[k], l)) ||
                      ((size_t)(o - 1 - t) == l && !strncasecmp(t, flavoured[k], l));
    }
    if (!found || words > 2 || !flavourable)
        return 0;
    return (size_t)snprintf(out, size, "%.*s %.*s%s", (int)fl, o + 1, (int)(o - 1 - t), t,
                            c + 1) < size;
}

/* Words of a dietitian's record or a label around the food, out of the
 * line in out: a 24-hour recall's heading ("24hr recall - white rice"),
 * a tin the food came from ("beetroot, 3 slices from the tin": canned, no
 * tin eaten), a snack cup's weight ("Applesauce 4 oz cup": 4 oz). 1 when
 * done. */
static int record_words_out(const char *t, char *out, size_t size)
{
    if (text_has_cjk(t) || strlen(t) + 8 >= size)
        return 0;
    static const char *const recall[] = {"24hr recall", "24 hr recall", "24-hour recall",
                                         "24 hour recall", "24h recall", "24-hr recall"};
    for (size_t k = 0; k < sizeof recall / sizeof *recall; k++) {
        size_t l = strlen(recall[k]);
        if (strncasecmp(t, recall[k], l) != 0)
            continue;
        const char *r = t + l;
        while (*r == ' ' || *r == '-' || *r == ':' || *r == ',')
            r++;
        return *r && (size_t)snprintf(out, size, "%s", r) < size;
    }
    static const char *const tins[] = {" from the tin", " from a tin", " out of the tin",
                                       " out of a tin", " from the can", " from a can",
                                       " out of the can", " out of a can", " from the jar",
                                       " from a jar", " out of the jar", " out of a jar"};
    for (size_t k = 0; k < sizeof tins / sizeof *tins; k++) {
        const char *p = text_find_ci(t, tins[k]);
        size_t l = strlen(tins[k]);
        if (!p || isalpha((unsigned char)p[l]))
            continue;
        int jar = strstr(tins[k], "jar") != NULL;
        return (size_t)snprintf(out, size, "%.*s%s%s", (int)(p - t), t, jar ? "" : ", canned",
                                p + l) < size;
    }
    /* "4 oz cup", "4oz cup", "125g cup" ending the line */
    size_t n = strlen(t);
    if (n > 8 && !strcasecmp(t + n - 4, " cup")) {
        const char *u = t + n - 4;
        size_t ul = u >= t + 2 && !strncasecmp(u - 2, "oz", 2) ? 2
                    : u >= t + 1 && (u[-1] == 'g' || u[-1] == 'G') ? 1 : 0;
        const char *unit = u - ul;   /* (a unit after a number: not "...foz") */
        const char *d = unit;
        while (d > t && d[-1] == ' ')
            d--;
        if (ul && unit > t && !isalpha((unsigned char)unit[-1]) && d > t &&
            isdigit((unsigned char)d[-1]))
            return (size_t)snprintf(out, size, "%.*s", (int)(u - t), t) < size;
    }
    return 0;
}

/* "1/2 tin chickpeas (400g tin)", "1/2 can black beans (15 oz can)": a
 * bracket ending the line that weighs a container goes beside the count of
 * that container ("1/2 tin (400g tin) chickpeas"): the count is of it, and
 * the bracket no serving of its own. In out, 1 when rewritten. */
static int container_bracket(const char *t, char *out, size_t size)
{
    static const char *const containers[] = {"tin",    "can",    "pack",   "packet", "jar",
                                             "tub",    "pot",    "carton", "bottle", "bag",
                                             "box",    "sachet", "container", "bar"};
    const char *open = strrchr(t, '('), *close = open ? strchr(open, ')') : NULL;
    if (text_has_cjk(t) || !close || !strpbrk(t, "0123456789") || close - open > 40)
        return 0;
    for (const char *p = close + 1; *p; p++)
        if (*p != ' ' && *p != '.')
            return 0;
    char in[48];   /* the bracket's words: a weight and a container */
    snprintf(in, sizeof in, "%.*s", (int)(close - open - 1), open + 1);
    if (!strpbrk(in, "0123456789"))
        return 0;
    for (size_t k = 0; k < sizeof containers / sizeof *containers; k++) {
        size_t cl = strlen(containers[k]);
        /* the container named in the bracket ... */
        if (!holds_word_ci(in, containers[k]))
            continue;
        /* ... and counted before the food: "1/2 tin", "half a can" */
        for (const char *w = t; w + cl < open; w++) {
            if (strncasecmp(w, containers[k], cl) || (w > t && isalpha((unsigned char)w[-1])))
                continue;
            const char *e = w + cl;
            if (*e == 's')
                e++;
            if (*e != ' ')
                continue;
            int counted = 0;
            for (const char *b = t; b < w && !counted; b++)
                counted = isdigit((unsigned char)*b) || !strncasecmp(b, "half", 4);
            const char *food = e;
            while (*food == ' ' || *food == ',')
                food++;
            if (!counted || food >= open)
                return 0;
            size_t fl = (size_t)(open - food);
            while (fl && food[fl - 1] == ' ')
                fl--;
            /* (what a can holds is canned, as "a tin of tomatoes" is read) */
            int can = (!strcmp(containers[k], "tin") || !strcmp(containers[k], "can")) &&
                      !text_find_ci(food, "canned") && !text_find_ci(food, "tinned");
            if (!strncasecmp(food, "of ", 3))
                food += 3, fl -= 3;
            return (size_t)snprintf(out, size, "%.*s (%.*s) %s%.*s", (int)(e - t), t,
                                    (int)(close - open - 1), open + 1, can ? "canned " : "",
                                    (int)fl, food) < size;
        }
    }
    return 0;
}

/* "Coffee (w/ cream)", "porridge (with milk)": what was added, in brackets,
 * is said with it as "w/" outside them (a bracket's words only qualify: the
 * cream was read as the food), in out; 1 when done. */
static int bracket_with(const char *t, char *out, size_t size)
{
    if (text_has_cjk(t))
        return 0;
    const char *o = strchr(t, '(');
    if (!o || o == t)
        return 0;
    const char *w = o + 1;
    while (*w == ' ')
        w++;
    size_t wl = !strncasecmp(w, "w/", 2) ? 2 : !strncasecmp(w, "with ", 5) ? 4 : 0;
    const char *c = strchr(o, ')');
    if (!wl || !c)
        return 0;
    size_t head = (size_t)(o - t);
    while (head && t[head - 1] == ' ')
        head--;
    const char *what = w + wl;
    while (what < c && *what == ' ')
        what++;
    return (size_t)snprintf(out, size, "%.*s w/ %.*s%s", (int)head, t, (int)(c - what), what,
                            c + 1) < size;
}

/* "four or five prunes", "two or three biscuits": a range of number words
 * as digits ("4 or 5"), which the serving reads as its middle, in out; 1
 * when done. */
static int number_words_or(const char *t, char *out, size_t size)
{
    static const char *const words[] = {"one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve"};
    if (text_has_cjk(t) || strlen(t) >= size)
        return 0;
    for (size_t a = 0; a < 12; a++) {
        size_t al = strlen(words[a]);
        for (const char *p = text_find_ci(t, words[a]); p; p = text_find_ci(p + 1, words[a])) {
            if ((p > t && isalpha((unsigned char)p[-1])) || strncasecmp(p + al, " or ", 4) != 0)
                continue;
            const char *q = p + al + 4;
            for (size_t b = a + 1; b < 12 && b <= a + 3; b++) {
                size_t bl = strlen(words[b]);
                if (strncasecmp(q, words[b], bl) != 0 || isalpha((unsigned char)q[bl]))
                    continue;
                return (size_t)snprintf(out, size, "%.*s%zu or %zu%s", (int)(p - t), t, a + 1,
                                        b + 1, q + bl) < size;
            }
        }
    }
    return 0;
}

/* A share as a fraction people write: 1/2, 1/3, 2/3, 1/4, 3/4. */
static void fmt_share(char *out, size_t size, double share)
{
    static const struct {
        double v;
        const char *s;
    } known[] = {{0.5, "1/2"}, {1.0 / 3, "1/3"}, {2.0 / 3, "2/3"}, {0.25, "1/4"}, {0.75, "3/4"}};
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        if (fabs(share - known[k].v) < 1e-9) {
            copy_text(out, size, known[k].s);
            return;
        }
    snprintf(out, size, "%.2f", share);
}

/* 1 when the serving read holds a share ("0.5 pack (400 g each)", "半碗"):
 * the share was the amount. */
static int share_in_serving(const char *s)
{
    static const char *const shares[] = {"0.5", "0.25", "0.75", "0.33", "0.67", "half", "1/2",
                                         "1/3", "2/3", "1/4", "3/4", "third", "quarter", "most",
                                         "半"};
    for (size_t k = 0; k < sizeof shares / sizeof *shares; k++)
        if (text_holds_ci(s, shares[k]))
            return 1;
    return 0;
}

/* What was eaten of what was served, said after it: "ate half", "left
 * half", "she had most of it", "drank about 3/4", "吃了一半", "剩了一半",
 * "吃了大半". *share the part eaten, *said the words; 1 when found. */
static int zh_care_record(const char *t, char *out, size_t size);
static int zh_left_over(const char *t, char *out, size_t size);

static int eaten_share(const char *t, double *share, char *said, size_t said_size)
{
    static const struct {
        const char *words;
        double share;
    } eaten[] = {
        /* English: a verb of eating then the share, or what was left */
        {"ate half", 0.5}, {"had half", 0.5}, {"sipped half", 0.5}, {"drank half", 0.5},
        {"managed half", 0.5}, {"ate about half", 0.5}, {"had about half", 0.5},
        {"drank about half", 0.5}, {"only ate half", 0.5}, {"half of it", 0.5},
        {"only half", 0.5}, {"half eaten", 0.5}, {"left half", 0.5}, {"left about half", 0.5},
        {"ate 1/2", 0.5}, {"had 1/2", 0.5},
        {"ate a third", 1.0 / 3}, {"had a third", 1.0 / 3}, {"ate 1/3", 1.0 / 3},
        {"had 1/3", 1.0 / 3}, {"left a third", 2.0 / 3}, {"left 1/3", 2.0 / 3},
        {"ate two thirds", 2.0 / 3}, {"had two thirds", 2.0 / 3}, {"ate 2/3", 2.0 / 3},
        {"had 2/3", 2.0 / 3}, {"had about 2/3", 2.0 / 3}, {"ate about 2/3", 2.0 / 3},
        {"ate a quarter", 0.25}, {"had a quarter", 0.25}, {"ate 1/4", 0.25},
        {"drank 2/3", 2.0 / 3}, {"drank about 2/3", 2.0 / 3}, {"drank 1/2", 0.5},
        {"drank about 1/2", 0.5}, {"drank a third", 1.0 / 3}, {"drank 1/3", 1.0 / 3},
        {"drank about 1/3", 1.0 / 3}, {"drank a quarter", 0.25}, {"drank 1/4", 0.25},
        {"drank about 1/4", 0.25}, {"ate about 1/3", 1.0 / 3}, {"ate about a third", 1.0 / 3},
        {"ate about 1/4", 0.25}, {"ate about a quarter", 0.25}, {"had about 1/4", 0.25},
        {"had about a quarter", 0.25}, {"had about a third", 1.0 / 3},
        {"left a quarter", 0.75}, {"left 1/4", 0.75},
        {"ate three quarters", 0.75}, {"ate 3/4", 0.75}, {"had 3/4", 0.75},
        {"drank 3/4", 0.75}, {"drank about 3/4", 0.75}, {"drank abt 3/4", 0.75},
        {"ate abt half", 0.5}, {"drank abt half", 0.5}, {"had abt half", 0.5}, {"ate about 3/4", 0.75},
        {"had about 3/4", 0.75}, {"ate most of", 0.75}, {"had most of", 0.75},
        {"1/2 eaten", 0.5}, {"1/3 eaten", 1.0 / 3}, {"2/3 eaten", 2.0 / 3},
        {"1/4 eaten", 0.25}, {"3/4 eaten", 0.75},
        /* (care charts: "Complan shake - 2/3 drunk", "casserole - 1/2
         * taken", "Boost Plus 237ml - only 1/3 taken") */
        {"1/2 drunk", 0.5}, {"1/3 drunk", 1.0 / 3}, {"2/3 drunk", 2.0 / 3},
        {"1/4 drunk", 0.25}, {"3/4 drunk", 0.75}, {"half drunk", 0.5},
        {"1/2 portion eaten", 0.5}, {"1/3 portion eaten", 1.0 / 3},
        {"2/3 portion eaten", 2.0 / 3}, {"1/4 portion eaten", 0.25},
        {"3/4 portion eaten", 0.75}, {"half portion eaten", 0.5},
        {"refused half", 0.5}, {"refused 1/2", 0.5}, {"refused most", 0.25},
        {"refused a third", 2.0 / 3}, {"refused 1/3", 2.0 / 3}, {"refused 1/4", 0.75},
        {"refused a quarter", 0.75}, {"refused 3/4", 0.25},
        {"1/2 taken", 0.5}, {"1/3 taken", 1.0 / 3}, {"2/3 taken", 2.0 / 3},
        {"1/4 taken", 0.25}, {"3/4 taken", 0.75}, {"half taken", 0.5},
        {"taken 1/2", 0.5}, {"taken 1/3", 1.0 / 3}, {"taken 2/3", 2.0 / 3},
        {"taken 1/4", 0.25}, {"taken 3/4", 0.75}, {"taken half", 0.5},
        {"ate most", 0.75}, {"drank most", 0.75}, {"left most", 0.25},
        {"ate approx half", 0.5}, {"ate approx. half", 0.5}, {"ate ~half", 0.5},
        {"ate ~ half", 0.5}, {"had approx half", 0.5}, {"ate around half", 0.5},
        {"ate roughly half", 0.5}, {"ate nearly half", 0.5}, {"drank approx half", 0.5},
        /* Chinese */
        {"吃了一半", 0.5}, {"喝了一半", 0.5}, {"吃一半", 0.5}, {"剩了一半", 0.5},
        {"剩下一半", 0.5}, {"剩一半", 0.5}, {"食咗一半", 0.5}, {"饮咗一半", 0.5},
        {"吃了大半", 0.75}, {"喝了大半", 0.75}, {"吃了小半", 1.0 / 3}, {"喝了小半", 1.0 / 3},
        {"吃了一大半", 0.75}, {"喝了一大半", 0.75}, {"吃掉大半", 0.75}, {"吃掉一大半", 0.75},
        {"吃了一小半", 1.0 / 3}, {"吃掉一半", 0.5},
        {"吃了三分之一", 1.0 / 3}, {"吃了三分之二", 2.0 / 3}, {"吃了四分之一", 0.25},
        {"吃了四分之三", 0.75}, {"分了一半给", 0.5}, {"分一半给", 0.5}, {"给了一半给", 0.5},
        {"喝了三分之一", 1.0 / 3}, {"喝了三分之二", 2.0 / 3},
        {"吃了1/2", 0.5}, {"吃了1/3", 1.0 / 3}, {"吃了2/3", 2.0 / 3}, {"吃了1/4", 0.25},
        {"吃了3/4", 0.75}, {"喝了1/2", 0.5}, {"喝了1/3", 1.0 / 3}, {"喝了2/3", 2.0 / 3},
        {"啃了一半", 0.5}, {"咬了一半", 0.5},
        /* (not finished: most of it, kmgca's judgement) */
        {"没吃完", 2.0 / 3}, {"没喝完", 2.0 / 3}, {"didn't finish", 2.0 / 3},
        {"did not finish", 2.0 / 3},
    };
    /* (a care record's 进食 is 吃了, and 约 after it an estimate: "进食约一半"
     * is 吃了一半; what was left is said as what was eaten: 剩了三分之一 is
     * 吃了三分之二) */
    char norm[512], left[512];
    if (text_has_cjk(t) && strlen(t) < sizeof left && zh_left_over(t, left, sizeof left))
        t = left;
    if (text_has_cjk(t) && strlen(t) < sizeof norm && zh_care_record(t, norm, sizeof norm)) {
        static const char *const about[] = {"吃了约", "喝了约", "吃了大约", "吃了大概"};
        for (size_t k = 0; k < sizeof about / sizeof *about; k++)
            for (char *q = strstr(norm, about[k]); q; q = strstr(q + 6, about[k]))
                memmove(q + 6, q + strlen(about[k]), strlen(q + strlen(about[k])) + 1);
        t = norm;
    }
    /* (of something made or bought whole the share is of the whole, read
     * with it: "made a quiche, had a quarter") */
    static const char *const whole[] = {"made ", "cooked ", "baked ", "bought ", "ordered ",
                                        "shared ", "做了", "买了", "包了"};
    for (size_t k = 0; k < sizeof whole / sizeof *whole; k++)
        if (text_holds_ci(t, whole[k]))
            return 0;
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t k = 0; k < sizeof eaten / sizeof *eaten; k++) {
        const char *p = text_find_ci(t, eaten[k].words);
        size_t n = strlen(eaten[k].words);
        /* whole words ("had half a sandwich" is an amount, read as one) */
        if (!p || (p > t && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[n]) ||
            p[n] == '-' || n <= best_len)
            continue;   /* (and "half-fat" is the milk's) */
        const char *after = p + n;
        while (*after == ' ')
            after++;
        /* ("ate a quarter of an egg sandwich": an amount of it, read as one) */
        if (!strncasecmp(after, "a ", 2) || !strncasecmp(after, "an ", 3) ||
            !strncasecmp(after, "of a ", 5) || !strncasecmp(after, "of an ", 6) ||
            !strncasecmp(after, "and half", 8) || !strncasecmp(after, "& half", 6) ||
            !strncasecmp(after, "n half", 6))
            continue;   /* (half and half is cream) */
        /* (the soup's share is not the dish's: "拉面一大碗，汤喝了一半") */
        if (p - t >= 3 && !strncmp(p - 3, "汤", 3))
            continue;
        best = eaten[k].words;
        best_len = n;
        *share = eaten[k].share;
    }
    /* a share written last, after a comma or a dash: "a naan bread, half",
     * "Toad in the hole - managed about half", "sandwich, 1 quarter only" */
    static const struct {
        const char *words;
        double share;
    } last[] = {{"half", 0.5},          {"about half", 0.5},       {"approx half", 0.5},
                {"roughly half", 0.5},  {"half only", 0.5},        {"managed about half", 0.5},
                {"a quarter", 0.25},    {"1 quarter", 0.25},       {"1 quarter only", 0.25},
                {"quarter only", 0.25}, {"a third", 1.0 / 3},      {"1 third", 1.0 / 3},
                {"two thirds", 2.0 / 3}, {"three quarters", 0.75}, {"about a third", 1.0 / 3}};
    const char *cut = NULL;
    for (const char *q = t; *q; q++)
        if (*q == ',' || (q[0] == ' ' && q[1] == '-' && q[2] == ' '))
            cut = q;
    if (!best && cut) {
        const char *w = cut + (*cut == ',' ? 1 : 3);
        while (*w == ' ')
            w++;
        size_t wl = strlen(w);
        while (wl && (w[wl - 1] == ' ' || w[wl - 1] == '.' || w[wl - 1] == '!'))
            wl--;
        for (size_t k = 0; k < sizeof last / sizeof *last && !best; k++)
            if (wl == strlen(last[k].words) && !strncasecmp(w, last[k].words, wl)) {
                best = last[k].words;
                *share = last[k].share;
            }
    }
    /* "ate approx 50% of sml portion lasagne", "75% eaten": a percentage
     * of what was served, after a verb of eating or before "eaten" or
     * "of" (not "2% milk") */
    for (const char *p = strchr(t, '%'); p && !best; p = strchr(p + 1, '%')) {
        const char *d = p;
        while (d > t && isdigit((unsigned char)d[-1]))
            d--;
        if (d == p || (d > t && (isalnum((unsigned char)d[-1]) || d[-1] == '.')))
            continue;
        double pct = strtod(d, NULL);
        int verb = 0;
        static const char *const verbs[] = {"ate ", "had ", "eaten ", "managed ", "drank ",
                                            "ate approx ", "ate about ", "had approx ",
                                            "had about ", "managed approx ", "managed about "};
        for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !verb; k++) {
            size_t n = strlen(verbs[k]);
            verb = (size_t)(d - t) >= n && !strncasecmp(d - n, verbs[k], n);
        }
        if (!verb && !strncasecmp(p + 1, " eaten", 6))
            verb = 1;
        if (!verb || pct <= 0 || pct > 100)
            continue;
        snprintf(said, said_size, "%.0f%%", pct);
        *share = pct / 100;
        return 1;
    }
    /* a care chart's share after a dash at the end, an amount served before
     * it as a number of its own: "yoghurt 1 pot - 3/4", "Horlicks 1 mug -
     * 1/2" (not "milk 1-1/2", a mixed number, nor "7up - 1/2") */
    size_t tl = strlen(t);
    while (!best && tl && t[tl - 1] == ' ')
        tl--;
    if (!best && tl >= 6 && isdigit((unsigned char)t[tl - 1]) && t[tl - 2] == '/' &&
        isdigit((unsigned char)t[tl - 3]) && !isdigit((unsigned char)t[tl - 4])) {
        const char *f = t + tl - 3;
        const char *d = f;
        while (d > t && d[-1] == ' ')
            d--;
        double num = f[0] - '0', den = f[2] - '0';
        /* (a space before the dash: "1-1/2" is one and a half) */
        int dashed = d - t >= 2 && d[-1] == '-' && d[-2] == ' ';
        int served = 0;   /* a number standing alone before the dash */
        for (const char *p = t; dashed && p + 1 < d && !served; p++) {
            if (!isdigit((unsigned char)*p) || (p > t && isalnum((unsigned char)p[-1])))
                continue;
            const char *q = p;
            while (isdigit((unsigned char)*q))
                q++;
            served = *q == ' ';
        }
        if (dashed && served && num > 0 && num < den) {
            snprintf(said, said_size, "%.3s", f);
            *share = num / den;
            return 1;
        }
    }
    /* "分给老伴一半": the other half given away */
    const char *g = strstr(t, "分给");
    if (!best && g) {
        const char *h = strstr(g, "一半");
        if (h && h - g <= 6 + 12) {
            snprintf(said, said_size, "%.*s", (int)(h + 6 - g), g);
            *share = 0.5;
            return 1;
        }
    }
    if (best)
        copy_text(said, said_size, best);
    return best != NULL;
}

/* A care record's 进食 (took, of food: "午餐 青菜肉丝汤面 进食一半", "患者早餐进食
 * 小米粥约大半碗") is a diary's 吃了, and is read as that; "饮完" is 喝完.
 * 1 when a word was put so. */
/* "面条，剩了三分之一", "饺子 剩了一半": what was left, said as what was
 * eaten (吃了三分之二), so that a share with no amount is read as a share
 * eaten, as 吃了一半 is. 1 when rewritten into out. */
static int zh_left_over(const char *t, char *out, size_t size)
{
    static const char *const left[] = {"剩了", "剩下", "剩"};
    /* (the share eaten is eaten_share's for what was left: 剩了大半 is a
     * quarter eaten, 剩了小半 two thirds) */
    static const struct {
        const char *left, *eaten;
    } shares[] = {{"一半", "一半"},         {"三分之一", "三分之二"}, {"三分之二", "三分之一"},
                  {"四分之一", "四分之三"}, {"四分之三", "四分之一"}, {"一大半", "四分之一"},
                  {"一小半", "三分之二"},   {"大半", "四分之一"},     {"小半", "三分之二"}};
    /* what follows the share ends the clause: not "剩下四分之一个西瓜" (the
     * remaining quarter), "剩下三分之一的面条", "剩下大半碗" */
    static const char *const ends[] = {"", "，", "。", "；", "！", ",", ";", ".", " ", "了", "没"};
    for (size_t k = 0; k < sizeof left / sizeof *left; k++) {
        const char *p = strstr(t, left[k]);
        if (!p || (p - t >= 3 && !strncmp(p - 3, "把", 3)))
            continue;
        const char *a = p + strlen(left[k]);
        for (size_t j = 0; j < sizeof shares / sizeof *shares; j++) {
            size_t sl = strlen(shares[j].left);
            if (strncmp(a, shares[j].left, sl) != 0)
                continue;
            int ended = 0;
            for (size_t e = 0; e < sizeof ends / sizeof *ends && !ended; e++)
                ended = ends[e][0] ? !strncmp(a + sl, ends[e], strlen(ends[e])) : !a[sl];
            if (!ended)
                return 0;
            return (size_t)snprintf(out, size, "%.*s吃了%s%s", (int)(p - t), t, shares[j].eaten,
                                    a + sl) < size;
        }
    }
    return 0;
}

static int zh_care_record(const char *t, char *out, size_t size)
{
    if (!strstr(t, "进食") && !strstr(t, "饮完"))
        return 0;
    size_t n = strlen(t);
    if (n + 1 > size)
        return 0;
    memcpy(out, t, n + 1);
    /* (each word is as long as the one it stands for: 6 bytes; not 未进食,
     * 没进食, 不进食, eaten nothing, nor 进食后, 进食前, 进食量: when, how
     * much) */
    for (char *p = strstr(out, "进食"); p; p = strstr(p + 6, "进食")) {
        int neg = p - out >= 3 && (!strncmp(p - 3, "未", 3) || !strncmp(p - 3, "没", 3) ||
                                   !strncmp(p - 3, "不", 3) || !strncmp(p - 3, "禁", 3));
        int other = !strncmp(p + 6, "后", 3) || !strncmp(p + 6, "前", 3) ||
                    !strncmp(p + 6, "量", 3);
        if (!neg && !other)
            memcpy(p, "吃了", 6);
    }
    for (char *p = strstr(out, "饮完"); p; p = strstr(p + 6, "饮完"))
        memcpy(p, "喝完", 6);
    return 1;
}

/* "红烧肉 吃了一半", "白切鸡 吃了2块": a space before a verb of eating and
 * an amount alone, at the end of a Chinese line, parts two clauses as a
 * comma does ("红烧肉，吃了一半": the share of it eaten). 1 when put so. */
static int zh_space_clause(const char *t, char *out, size_t size)
{
    static const char *const verbs[] = {" 吃了", " 喝了", " 吃掉", " 喝掉", " 食咗", " 饮咗",
                                        " 只吃了", " 只喝了"};
    const char *at = NULL;
    size_t vl = 0;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        for (const char *p = strstr(t, verbs[k]); p; p = strstr(p + 1, verbs[k]))
            if (!at || p > at)
                at = p, vl = strlen(verbs[k]);
    /* (a Chinese character before the space: the food's) */
    if (!at || at - t < 3 || (unsigned char)at[-1] < 0x80 || strlen(t) + 3 > size)
        return 0;
    const char *a = at + vl;
    static const char *const about[] = {"约", "大约", "大概", "差不多"};
    for (size_t k = 0; k < sizeof about / sizeof *about; k++)
        if (!strncmp(a, about[k], strlen(about[k]))) {
            a += strlen(about[k]);
            break;
        }
    /* (an amount alone, all of the rest: "一半", "2块", "约2/3"; not "一碗粥",
     * an amount and a food) */
    char lead[SERVING_MAX], rest[256];
    kmgca_serving sv;
    if (!*a || strlen(a) >= sizeof rest ||
        (kmgca_serving_split(a, lead, sizeof lead, rest, sizeof rest) == 1 && rest[0]) ||
        kmgca_serving_parse(a, &sv, NULL) != KMGCA_OK)
        return 0;
    snprintf(out, size, "%.*s，%s", (int)(at - t), t, at + 1);
    return 1;
}

/* "两罐啤酒 500毫升的", "两瓶啤酒，每瓶500ml": the volume or weight said
 * of each of a count of containers, after it, is each one's, as "啤酒 2罐
 * (500ml)" reads; written so in out (the size in brackets right after the
 * container). 1 when done. */
static int zh_each_size(const char *t, char *out, size_t size)
{
    /* (the containers whose bracketed size is each one's: "啤酒 2罐(500ml)";
     * a bracket after 杯, 袋 or 包 is read as the whole amount) */
    static const char *const containers[] = {"罐", "瓶", "听", "盒"};
    static const char *const units[] = {"毫升", "ml", "ML", "mL", "克", "g"};
    static const char digits_zh[] = "两二三四五六七八九十几";
    if (!text_has_cjk(t) || strlen(t) + 8 > size)
        return 0;
    /* the size: digits and a unit, not right after a container */
    const char *num = NULL, *end = NULL;
    for (const char *p = t; *p && !num; p++) {
        if (!isdigit((unsigned char)*p) || (p > t && (isdigit((unsigned char)p[-1]) ||
                                                       p[-1] == '.' || isalpha((unsigned char)p[-1]))))
            continue;
        const char *q = p;
        while (isdigit((unsigned char)*q) || *q == '.')
            q++;
        while (*q == ' ')
            q++;
        for (size_t k = 0; k < sizeof units / sizeof *units; k++)
            if (!strncmp(q, units[k], strlen(units[k])) &&
                !isalpha((unsigned char)q[strlen(units[k])])) {
                num = p;
                end = q + strlen(units[k]);
                break;
            }
    }
    if (!num)
        return 0;
    /* (each: 每瓶 before it; or 的 after it, "500毫升的") */
    const char *from = num;
    int each = !strncmp(end, "的", 3);
    if (from - t >= 6 && !strncmp(from - 6, "每", 3))
        from -= 6, each = 1;
    if (!each)
        return 0;
    /* a count of two or more of a container before the size */
    const char *box = NULL;
    size_t bl = 0;
    for (size_t k = 0; k < sizeof containers / sizeof *containers && !box; k++)
        for (const char *p = strstr(t, containers[k]); p && p < from; p = strstr(p + 3, containers[k])) {
            int many = p - t >= 1 && isdigit((unsigned char)p[-1]) && !(p[-1] == '1' &&
                       (p - t < 2 || !isdigit((unsigned char)p[-2])));
            for (size_t d = 0; !many && p - t >= 3 && d + 3 <= sizeof digits_zh - 1; d += 3)
                many = !memcmp(p - 3, digits_zh + d, 3);
            if (many) {
                box = p;
                bl = strlen(containers[k]);
                break;
            }
        }
    if (!box)
        return 0;
    /* (one clause: "吃了两包薯片，喝了500ml的牛奶" is two foods) */
    for (const char *p = box + bl; p < from; p++)
        if (*p == ',' || *p == ';' || !strncmp(p, "、", 3) ||
            (!strncmp(p, "，", 3) && strncmp(p + 3, "每", 3) != 0 && p + 3 != num))
            return 0;
    size_t after = (size_t)(end - t) + (!strncmp(end, "的", 3) ? 3 : 0);
    /* what comes between: the container, then the size in brackets, then
     * the text up to the size, then what follows it */
    int n = snprintf(out, size, "%.*s(%.*s)%.*s%s", (int)(box + bl - t), t, (int)(end - num), num,
                     (int)(from - (box + bl)), box + bl, t + after);
    if (n < 0 || (size_t)n >= size)
        return 0;
    /* (a comma or space left hanging at the end) */
    size_t m = strlen(out);
    while (m && (out[m - 1] == ' ' || out[m - 1] == ','))
        out[--m] = '\0';
    while (m >= 3 && !strcmp(out + m - 3, "，"))
        out[m -= 3] = '\0';
    return 1;
}

/* 1 when a Chinese line says some of a food was eaten with 点 right after
 * the verb: "吃了点菠菜", "喝了点儿小米粥", "就吃了点凉皮" (not 点心, dim
 * sum). The caller reads it only when no amount was written. */
static int zh_had_some(const char *t)
{
    static const char *const verbs[] = {"吃了点", "喝了点", "吃了點", "喝了點", "吃点", "喝点",
                                        "吃點", "喝點"};
    /* (not 点心, dim sum; not 点的 or 点外卖, ordered) */
    static const char *const not_some[] = {"心", "了", "点", "的", "外卖"};
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        for (const char *p = strstr(t, verbs[k]); p; p = strstr(p + 3, verbs[k])) {
            const char *after = p + strlen(verbs[k]);
            int other = 0;
            for (size_t j = 0; j < sizeof not_some / sizeof *not_some && !other; j++)
                other = !strncmp(after, not_some[j], strlen(not_some[j]));
            if (!other)
                return 1;
        }
    return 0;
}

/* A canteen's 勺 is its serving ladle, 菜勺 ("食堂 麻婆豆腐一勺", "打了两勺土豆丝"
 * were a porcelain spoon, 9 g): in a line that names the canteen (食堂) or
 * its serving (打了, 打一), each 勺 right after a number (or a number and 大)
 * becomes 菜勺 in out. 1 when one did. */
static int canteen_ladle(const char *t, char *out, size_t size)
{
    int canteen = strstr(t, "食堂") != NULL;
    if (!(canteen || strstr(t, "打")) || strlen(t) * 2 + 1 > size)
        return 0;
    static const char numerals[] = "一二两三四五六七八九十半俩倆";
    /* (a spoon of what a spoon serves: honey, a sauce, sugar, a powder,
     * oil: "食堂喝了两勺蜂蜜", "打了一杯奶昔，两勺蛋白粉") */
    static const char *const spooned[] = {"蜜", "酱", "糖", "粉", "油", "盐", "醋", "芝麻",
                                          "奶", "籽", "药"};
    size_t o = 0;
    int done = 0;
    for (const char *p = t; *p;) {
        if (!strncmp(p, "勺", 3) && p > t) {
            /* (a large one too: 打了一大勺) */
            const char *q = p - t >= 6 && !strncmp(p - 3, "大", 3) ? p - 3 : p;
            int number = isdigit((unsigned char)q[-1]);
            const char *n0 = number ? q - 1 : NULL;
            for (const char *n = numerals; !number && *n; n += 3)
                if (q - t >= 3 && !strncmp(q - 3, n, 3))
                    number = 1, n0 = q - 3;
            /* served by the canteen, or 打 just before the count: 打了一勺,
             * 打两勺 (not 打了针，喝了两勺) */
            int served = canteen;
            if (number && !served) {
                const char *v = n0;
                if (v - t >= 3 && !strncmp(v - 3, "了", 3))
                    v -= 3;
                served = v - t >= 3 && !strncmp(v - 3, "打", 3);
            }
            const char *end = p + 3;
            while (*end && !clause_mark(t, end))
                end++;
            for (size_t k = 0; k < sizeof spooned / sizeof *spooned && served; k++) {
                const char *hit = strstr(p + 3, spooned[k]);
                served = !hit || hit >= end;
            }
            if (number && served) {
                memcpy(out + o, "菜", 3);
                o += 3;
                done = 1;
            }
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    return done;
}

static int zh_filling_bracket(const char *t, char *out, size_t size);
static int zh_filling_runon(const char *t, char *out, size_t size);
static int zh_sugar_after(const char *t, char *out, size_t size);
static int zh_sweet_clause(const char *t, char *out, size_t size);
static int cooked_liang(const char *t, char *out, size_t size);
static int zh_is_amount(const char *t, char *out, size_t size);
static int zh_voice_measure(const char *t, char *out, size_t size);
static int zh_given_to(const char *t, char *out, size_t size);
static int zh_half_of_one(const char *t, char *out, size_t size);
static int zh_made_up(const char *t, char *out, size_t size);
static int zh_cooked_bracket(const char *t, char *out, size_t size);
static int zh_drink_options(const char *t, char *out, size_t size);
static int zh_end_particles(const char *t, char *out, size_t size);
static int zh_put_in(const char *t, char *out, size_t size);
static int zh_weight_and_more(const char *t, char *out, size_t size);
static int zh_steamed_egg_cake(const char *t, char *out, size_t size);
static int zh_that_one(const char *t, char *out, size_t size);
static int zh_gave_half(const char *t, char *out, size_t size);
static int zh_bought_then_ate(const char *t, char *out, size_t size);
static int zh_made_amount(const char *t, char *out, size_t size);
static int zh_tai_jin(const char *t, char *out, size_t size);
static int zh_serving_again(const char *t, char *out, size_t size);
static int zh_size_after(const char *t, char *out, size_t size);
static int zh_size_before_count(const char *t, char *out, size_t size);
static int number_words_or(const char *t, char *out, size_t size);
static int at_time_out(const char *t, char *out, size_t size);
static int clock_after_out(const char *t, char *out, size_t size);
static int record_words_out(const char *t, char *out, size_t size);
static int flavour_bracket(const char *t, char *out, size_t size);
static int ate_some_of_count(const char *t, char *out, size_t size);
static int trailing_whole_out(const char *t, char *out, size_t size);
static int dry_weight_of_made(const char *t, char *out, size_t size);
static int bracket_with(const char *t, char *out, size_t size);
static int container_bracket(const char *t, char *out, size_t size);
static void plate_of_a_vegetable(kmgca_foods *foods, kmgca_weighing *w);
static int said_cooked(const char *t);
static int liang_as_grams(const char *t, char *out, size_t size);

/* "vanilla pudding cup", "applesauce cup 4oz", "sugar free jello cup": a
 * snack cup of a dessert or fruit, sold as one (a pot, the food's own
 * container), not a measuring cup of it (260 g). "cup" becomes "pot" in
 * out; 1 when it did. */
static int snack_cup(const char *t, char *out, size_t size)
{
    static const char *const sold[] = {"pudding", "jello", "jelly", "applesauce", "mousse",
                                       "custard", "gelatin", "tapioca", "yogurt", "yoghurt"};
    if (text_has_cjk(t) || strlen(t) >= size)
        return 0;
    /* "Applesauce, 1 snack cup": the container, counted */
    const char *sc = text_find_ci(t, "snack cup");
    for (size_t k = 0; sc && (sc == t || sc[-1] == ' ') && !isalpha((unsigned char)sc[9]) &&
                       k < sizeof sold / sizeof *sold;
         k++)
        if (text_find_ci(t, sold[k])) {
            snprintf(out, size, "%.*scontainer%s", (int)(sc - t), t, sc + 9);
            return 1;
        }
    for (size_t k = 0; k < sizeof sold / sizeof *sold; k++) {
        size_t n = strlen(sold[k]);
        for (const char *p = text_find_ci(t, sold[k]); p; p = text_find_ci(p + 1, sold[k])) {
            if (p > t && isalpha((unsigned char)p[-1]))
                continue;
            const char *c = p + n;
            if (strncasecmp(c, " cup", 4) != 0 || isalpha((unsigned char)c[4]))
                continue;
            /* (the cup is the serving's own when a number says how many
             * cups: "1 cup of pudding" stays a cup); a count after it counts
             * the cups sold: "pudding cup, 2", "jello cup x1" */
            const char *r = c + 4;
            while (*r == ',' || *r == ' ' || *r == 'x' || *r == 'X')
                r++;
            char *end;
            double count = strtod(r, &end);
            while (*end == ' ' || *end == '.')
                end++;
            if (r > c + 4 && end > r && count > 0 && count < 20 && !*end) {
                snprintf(out, size, "%.*s %.10g container", (int)(c - t), t, count);
                return 1;
            }
            snprintf(out, size, "%.*s container%s", (int)(c - t), t, c + 4);
            return 1;
        }
    }
    return 0;
}

/* "yoghurt pot, strawberry", "a yogurt tub - vanilla": the flavour after
 * the pot is the yoghurt's ("strawberry yoghurt, 1 pot"); in out, 1 when
 * so. */
static int yoghurt_pot_flavour(const char *t, char *out, size_t size)
{
    static const char *const pots[] = {"yoghurt pot", "yogurt pot", "yoghurt tub", "yogurt tub",
                                       "yoghurt pottle", "yogurt pottle"};
    if (text_has_cjk(t) || strlen(t) + 12 >= size)
        return 0;
    for (size_t k = 0; k < sizeof pots / sizeof *pots; k++) {
        const char *p = text_find_ci(t, pots[k]);
        if (!p || (p > t && isalpha((unsigned char)p[-1])))
            continue;
        const char *e = p + strlen(pots[k]);
        if (*e == 's')
            e++;
        const char *f = e;
        while (*f == ' ' || *f == ',' || *f == '-' || *f == ':')
            f++;
        const char *space = strchr(pots[k], ' ');
        int plural = e > p + strlen(pots[k]);
        /* (a pot counted, said before it: "a", "1", "one", or none) */
        int one = p == t || ((p - t == 2 || p - t == 4) &&
                             (!strncasecmp(t, "a ", 2) || !strncasecmp(t, "1 ", 2) ||
                              !strncasecmp(t, "one ", 4)));
        if (!one || plural)
            continue;
        /* ("a yoghurt pot": one pot of it) */
        if (!*e && p > t)
            return (size_t)snprintf(out, size, "%.*s, 1 %s", (int)(space - pots[k]), p,
                                    space + 1) < size;
        if (f == e || !isalpha((unsigned char)*f))
            continue;
        /* (the flavour: up to three words of letters, not what came with it:
         * "yoghurt pot with honey", "yoghurt pot and a banana") */
        static const char *const joins[] = {"with ", "and ", "for ", "in ", "on ", "from ",
                                            "at ", "plus ", "w/"};
        int joined = 0, flavour_words = 1;
        for (size_t j = 0; j < sizeof joins / sizeof *joins && !joined; j++)
            joined = !strncasecmp(f, joins[j], strlen(joins[j]));
        for (const char *q = f; *q && !joined; q++) {
            if (*q == ' ')
                flavour_words++;
            else if (!isalpha((unsigned char)*q) && *q != '-' && *q != '\'')
                joined = 1;
        }
        if (joined || flavour_words > 3)
            continue;
        return (size_t)snprintf(out, size, "%s %.*s, 1 %s", f, (int)(space - pots[k]), pots[k],
                                space + 1) < size;
    }
    return 0;
}

/* A serving field of a household measure and then its weight ("1盒 200g",
 * "1 pot 150g"): the weight in brackets in out, as "1盒(200g)" says it,
 * so that the weight written is the weight. 1 when done. */
static int measure_then_weight(const char *t, char *out, size_t size)
{
    const char *sp = strrchr(t, ' ');
    /* ("1 pot 150 g": the number before its unit) */
    if (sp && sp > t && isalpha((unsigned char)sp[1])) {
        const char *num = sp;
        while (num > t && num[-1] != ' ')
            num--;
        if (num > t && isdigit((unsigned char)*num))
            sp = num - 1;
    }
    /* (a weight of its own, a number and its unit: not "8 fl oz") */
    if (!sp || sp == t || !isdigit((unsigned char)sp[1]) || strchr(t, '(') ||
        strlen(t) + 3 > size)
        return 0;
    kmgca_serving head, tail;
    char first[256];
    if ((size_t)(sp - t) >= sizeof first)
        return 0;
    memcpy(first, t, (size_t)(sp - t));
    first[sp - t] = '\0';
    if (kmgca_serving_parse(sp + 1, &tail, NULL) != KMGCA_OK ||
        (tail.kind != KMGCA_UNIT_MASS && tail.kind != KMGCA_UNIT_VOLUME) ||
        kmgca_serving_parse(first, &head, NULL) != KMGCA_OK || head.kind != KMGCA_UNIT_PORTION)
        return 0;
    return (size_t)snprintf(out, size, "%s(%s)", first, sp + 1) < size;
}

/* "GU gel x2 at km 15 and 28", "walked 6 mi in the heat", "3 small boiled
 * potatoes @ the 50k aid station": a distance or a lap of a run or a ride
 * is no amount of the food; out without it, 1 when one was taken out. */
static int distance_out(const char *t, char *out, size_t size)
{
    static const char *const before[] = {"mile", "miles", "km", "lap", "kilometre",
                                         "kilometer", "mi"};
    static const char *const after[] = {"km", "kms", "k", "mi", "miles", "mile", "kilometres",
                                        "kilometers", "laps", "min", "mins", "minutes"};
    if (text_has_cjk(t) || strlen(t) >= size)
        return 0;
    size_t o = 0;
    int done = 0;
    for (const char *p = t; *p;) {
        int word_start = p == t || !isalnum((unsigned char)p[-1]);
        size_t cut = 0;
        /* "km 15", "mile 18", "lap 3" (and "and 28") */
        for (size_t k = 0; word_start && k < sizeof before / sizeof *before && !cut; k++) {
            size_t l = strlen(before[k]);
            if (!strncasecmp(p, before[k], l) && p[l] == ' ' && isdigit((unsigned char)p[l + 1])) {
                const char *e = p + l + 1;
                while (isdigit((unsigned char)*e) || *e == '.')
                    e++;
                if (!strncasecmp(e, " and ", 5) && isdigit((unsigned char)e[5]))
                    for (e += 5; isdigit((unsigned char)*e);)
                        e++;
                if (!isalpha((unsigned char)*e))
                    cut = (size_t)(e - p);
            }
        }
        /* "6 mi", "50k", "10 km", "45 min" */
        if (word_start && !cut && isdigit((unsigned char)*p)) {
            const char *e = p;
            while (isdigit((unsigned char)*e) || *e == '.')
                e++;
            const char *u = *e == ' ' ? e + 1 : e;
            for (size_t k = 0; k < sizeof after / sizeof *after && !cut; k++) {
                size_t l = strlen(after[k]);
                if (!strncasecmp(u, after[k], l) && !isalpha((unsigned char)u[l]))
                    cut = (size_t)(u + l - p);
            }
        }
        if (cut) {
            /* with the word of when or where before it: "at km 15", "@ the" stays */
            static const char *const preps[] = {"at ", "by ", "around ", "after ", "@ "};
            for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
                size_t l = strlen(preps[k]);
                if (o >= l && !strncasecmp(out + o - l, preps[k], l))
                    o -= l;
            }
            p += cut;
            done = 1;
            continue;
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    return done;
}

/* "horlicks 1 mug befor bed", "soup tonite": a slip or a texting spelling of
 * a word of when or how much (foodtables/words_en.csv, "befor" -> "before")
 * written as the word, so the line parts where it would at the word; out,
 * 1 when rewritten. Only words that become one of these: a food's name is
 * never rewritten here. */
static int chatter_slips(const char *t, char *out, size_t size)
{
    static const char *const plain[] = {"before", "tonight", "night", "about", "yesterday",
                                        "breakfast"};
    size_t o = 0;
    int done = 0;
    for (const char *p = t; *p;) {
        size_t n = 0;
        while (isalnum((unsigned char)p[n]))
            n++;
        const struct kmgca_word_rewrite *hit = NULL;
        if (n >= 2 && n < 16 && (p == t || !isalnum((unsigned char)p[-1]))) {
            char key[16];
            for (size_t k = 0; k < n; k++)
                key[k] = (char)tolower((unsigned char)p[k]);
            key[n] = '\0';
            hit = word_rewrite_find(key);
            int known = 0;
            for (size_t k = 0; hit && k < sizeof plain / sizeof *plain; k++)
                known |= !strcmp(hit->means, plain[k]) && strcmp(key, plain[k]) != 0;
            if (!known)
                hit = NULL;
        }
        /* ("like 6 chicken nuggets": about 6) */
        int like = n == 4 && !strncasecmp(p, "like", 4) && (p == t || !isalnum((unsigned char)p[-1])) &&
                   p[4] == ' ' && isdigit((unsigned char)p[5]);
        const char *w = like ? "about" : hit ? hit->means : p;
        size_t wl = like ? 5 : hit ? strlen(hit->means) : (n ? n : 1);
        done |= like;
        if (o + wl + 1 > size)
            return 0;
        memcpy(out + o, w, wl);
        o += wl;
        p += n ? n : 1;
        done |= hit != NULL;
    }
    out[o] = '\0';
    return done;
}

/* The whole count written just before p in t, in digits or one word ("5
 * of them", "three quarters", "a triangle"; "a couple", "a few" with their
 * article), or NAN; its start in *start. */
static double count_before(const char *t, const char *p, const char **start)
{
    const char *s = p;
    while (s > t && isdigit((unsigned char)s[-1]))
        s--;
    int digits = s < p;
    if (!digits)
        while (s > t && isalpha((unsigned char)s[-1]))
            s--;
    if (s == p || (s > t && isalnum((unsigned char)s[-1])))
        return NAN;
    double v = digits ? strtod(s, NULL)
               : p - s == 3 && !strncasecmp(s, "few", 3) ? 3
                                                         : number_word_value(s, (size_t)(p - s));
    if (!(v >= 1) || v != floor(v))
        return NAN;
    /* (the article of "a couple", "a few") */
    if (!digits && v > 1 && s - t >= 2 && (s[-1] == ' ') && (s[-2] == 'a' || s[-2] == 'A') &&
        (s - t == 2 || !isalnum((unsigned char)s[-3])))
        s -= 2;
    *start = s;
    return v;
}

/* "egg mayo sandwich, ate 2 quarters", "3 quarters of a sandwich": a count
 * of quarters is that many fourths of the food ("2/4", "3/4"), in out; 1
 * when rewritten. */
static int count_of_quarters(const char *t, char *out, size_t size)
{
    if (text_has_cjk(t) || strlen(t) + 4 > size)
        return 0;
    for (const char *p = text_find_ci(t, " quarters"); p; p = text_find_ci(p + 1, " quarters")) {
        const char *after = p + 9;
        /* (quarters of the food, not "2 quarter pounders") */
        if (*after && *after != ',' && *after != '.' && *after != ')' &&
            strncasecmp(after, " of ", 4) != 0)
            continue;
        const char *start;
        double v = count_before(t, p, &start);
        /* (or "x2 quarters", as charts count) */
        if (isnan(v) && p - t >= 2 && isdigit((unsigned char)p[-1]) &&
            (p[-2] == 'x' || p[-2] == 'X') && (p - t == 2 || !isalnum((unsigned char)p[-3])))
            v = p[-1] - '0', start = p - 2;
        if (isnan(v) || v > 3 || (isalpha((unsigned char)*start) && v == 1 &&
                                  strncasecmp(start, "one", 3) != 0))
            continue;
        return (size_t)snprintf(out, size, "%.*s%d/4%s", (int)(start - t), t, (int)v, after) <
               size;
    }
    return 0;
}

/* "Hydralyte 1 tab in 200ml", "nuun tablet in 500ml water": an electrolyte
 * tablet dissolved in water is the drink it makes, its amount the water's;
 * the tablet's words out of the text in out. 1 when done. */
static int tablet_in_water(const char *t, char *out, size_t size)
{
    static const char *const tabs[] = {"tablets in ", "tablet in ", "tabs in ", "tab in ",
                                       "sachets in ", "sachet in "};
    for (size_t k = 0; k < sizeof tabs / sizeof *tabs; k++) {
        const char *p = text_find_ci(t, tabs[k]);
        if (!p || p == t || p[-1] != ' ')
            continue;
        const char *b = p - 1;   /* back over a count: "1 tab in" */
        while (b > t && b[-1] == ' ')
            b--;
        const char *c = b;
        while (c > t && isdigit((unsigned char)c[-1]))
            c--;
        if (c < b && (c == t || c[-1] == ' '))
            b = c;
        const char *after = p + strlen(tabs[k]);
        if (!isdigit((unsigned char)*after) || strlen(t) >= size)
            continue;
        snprintf(out, size, "%.*s%s", (int)(b - t), t, after);
        return 1;
    }
    return 0;
}

/* "Sliced Peaches in 100% Fruit Juice", "100% whole wheat": 100% says
 * pure, no amount; out of the text in out. 1 when done. */
static int pure_out(const char *t, char *out, size_t size)
{
    const char *p = strstr(t, "100% ");
    if (!p || (p > t && (isalnum((unsigned char)p[-1]) || p[-1] == '.')) ||
        !isalpha((unsigned char)p[5]) || !strncasecmp(p + 5, "of ", 3) || strlen(t) >= size)
        return 0;
    snprintf(out, size, "%.*s%s", (int)(p - t), t, p + 5);
    return 1;
}

/* Canned fruit's packing written as a place ("Sliced Peaches in 100% Fruit
 * Juice", "pears (lite syrup)"): the tables' words for it in out ("juice
 * pack", "light syrup pack"), so that the juice is no second food. 1 when
 * done. */
static int packing_words(const char *t, char *out, size_t size)
{
    /* (the tables' main rows of canned fruit: with the liquid) */
#define JUICE "canned juice pack solids and liquids"
#define LIGHT "canned light syrup pack solids and liquids"
#define HEAVY "canned heavy syrup pack solids and liquids"
    static const struct {
        const char *written, *pack;
    } packs[] = {
        {"in 100% fruit juice", JUICE},
        {"in 100% juice", JUICE},
        {"in fruit juice", JUICE},
        {"in natural juice", JUICE},
        {"in its own juice", JUICE},
        {"in own juice", JUICE},
        {"in pear juice", JUICE},
        {"in juice", JUICE},
        {"in light syrup", LIGHT},
        {"in lite syrup", LIGHT},
        {"(lite syrup)", LIGHT},
        {"(light syrup)", LIGHT},
        {"lite syrup", LIGHT},
        {"in heavy syrup", HEAVY},
        {"in syrup", HEAVY},
    };
#undef JUICE
#undef LIGHT
#undef HEAVY
    if (text_has_cjk(t))
        return 0;
    for (size_t k = 0; k < sizeof packs / sizeof *packs; k++) {
        const char *p = text_find_ci(t, packs[k].written);
        size_t n = strlen(packs[k].written);
        /* (after a food's name, and a whole phrase) */
        if (!p || p == t || p[-1] != ' ' || isalnum((unsigned char)p[n]))
            continue;
        return (size_t)snprintf(out, size, "%.*s%s%s", (int)(p - t), t, packs[k].pack, p + n) <
               size;
    }
    return 0;
}

/* "ate approx 50% of sml portion lasagne": the percentage of what was
 * served, "50% of ", out of the text in out so that the food reads (the
 * share is eaten_share's, from the text as written); 1 when done. */
static int percent_of(const char *t, char *out, size_t size)
{
    /* ("chicken casserole 3/4 eaten": the share is the amount) */
    const char *e = strstr(t, " eaten");
    if (e && e - t >= 3 && isdigit((unsigned char)e[-1]) && e[-2] == '/' &&
        isdigit((unsigned char)e[-3]) && strlen(t) < size) {
        snprintf(out, size, "%.*s%s", (int)(e - t), t, e + 6);
        return 1;
    }
    const char *p = strstr(t, "% of ");
    if (!p || strlen(t) >= size || text_has_cjk(t))
        return 0;
    const char *d = p;
    while (d > t && isdigit((unsigned char)d[-1]))
        d--;
    if (d == p || (d > t && d[-1] != ' '))
        return 0;
    snprintf(out, size, "%.*s%s", (int)(d - t), t, p + 5);
    return 1;
}

/* "Ensure Plus 1 bottle, drank about 3/4", "shepherds pie 1 plate, ate
 * three quarters": the words of the share eaten out of the text in out
 * when an amount is written besides them, so that the amount served is
 * read (the share is eaten_share's, from the text as written); a share
 * written alone is the amount ("Ensure Plus, drank about 3/4"). 1 when
 * done. */
static int share_words_out(const char *t, char *out, size_t size)
{
    double share;
    char said[32];
    if (!eaten_share(t, &share, said, sizeof said) || strchr(said, '%') || strlen(t) >= size)
        return 0;
    const char *p = text_find_ci(t, said);
    if (!p)
        return 0;
    /* (a share of a measure is the amount: "她一个人吃了大半盘") */
    const char *after = p + strlen(said);
    static const char *const stops[] = {"，", "。", "；", "、", "！", "）", "～"};
    int stop = !(*after & 0x80);
    for (size_t k = 0; k < sizeof stops / sizeof *stops && !stop; k++)
        stop = !strncmp(after, stops[k], strlen(stops[k]));
    if (!stop)
        return 0;
    snprintf(out, size, "%.*s%s", (int)(p - t), t, after);
    if (amount_written(out))
        return 1;
    /* a chart's share alone is the amount, its fraction kept ("Complan
     * shake - 2/3 drunk", "casserole - taken 1/2": as "2/3 eaten" is) */
    const char *frac = said;
    while (*frac && !isdigit((unsigned char)*frac))
        frac++;
    size_t fl = strspn(frac, "0123456789/");
    if (!fl || !strchr(frac, '/') ||
        (!text_find_ci(said, "drunk") && !text_find_ci(said, "taken")))
        return 0;
    return (size_t)snprintf(out, size, "%.*s%.*s%s", (int)(p - t), t, (int)fl, frac, after) <
           size;
}

/* The length of a word at a that only points back to a food named before
 * ("it", "them", "those"), or 0. */
static size_t points_back(const char *a)
{
    static const char *const back[] = {"it", "them", "that", "this", "those", "these"};
    size_t n = strcspn(a, " ,.;!");
    for (size_t k = 0; k < sizeof back / sizeof *back; k++)
        if (n == strlen(back[k]) && !strncasecmp(a, back[k], n))
            return n;
    return 0;
}

/* "dad ate most of his roast dinner", "had most of the soup": the share
 * eaten is eaten_share's (3/4, said), the food the words after "most of"
 * (left in, they matched nothing), in out; 1 when done. */
static int most_of_out(const char *t, char *out, size_t size)
{
    double share;
    char said[32];
    if (text_has_cjk(t) || !eaten_share(t, &share, said, sizeof said) ||
        !text_find_ci(said, "most of"))
        return 0;
    const char *p = text_find_ci(t, "most of ");
    if (!p || (p > t && isalpha((unsigned char)p[-1])))
        return 0;
    /* (not of a word that only points back: "soup, ate most of it") */
    if (points_back(p + 8))
        return 0;
    return (size_t)snprintf(out, size, "%.*s%s", (int)(p - t), t, p + 8) < size;
}

/* "she ate all of her porridge", "had all the soup": all of what was
 * served, said with words that would match a food's name ("all flavors"):
 * the line without "all (of)", in out; 1 when done. */
static int all_of_out(const char *t, char *out, size_t size)
{
    static const char *const whose[] = {"her ", "his ", "the ", "my ", "their ", "our ", "your ",
                                        "a ", "an "};
    /* (not almost all of it: a share the eaten-share reader has no words
     * for stays as written, and matches loosely) */
    static const char *const hedges[] = {"almost ", "nearly ", "not ", "hardly ", "about "};
    if (text_has_cjk(t))
        return 0;
    for (const char *p = text_find_ci(t, "all "); p; p = text_find_ci(p + 4, "all ")) {
        if (p > t && isalpha((unsigned char)p[-1]))
            continue;
        int hedged = 0;
        for (size_t k = 0; k < sizeof hedges / sizeof *hedges && !hedged; k++) {
            size_t hl = strlen(hedges[k]);
            hedged = (size_t)(p - t) >= hl && !strncasecmp(p - hl, hedges[k], hl);
        }
        if (hedged)
            return 0;
        const char *a = p + 4;
        if (!strncasecmp(a, "of ", 3))
            a += 3;
        for (size_t k = 0; k < sizeof whose / sizeof *whose; k++)
            if (!strncasecmp(a, whose[k], strlen(whose[k])))
                return (size_t)snprintf(out, size, "%.*s%s", (int)(p - t), t, a) < size;
        /* (all of it: no food's words, "all" neither) */
        size_t n = points_back(a);
        if (n)
            return (size_t)snprintf(out, size, "%.*s%s", (int)(p - t), t, a + n) < size;
    }
    return 0;
}

/* "salmon & cucumber sandwich - one triangle", "chicken sandwich, 3 of the
 * little triangles": a sandwich's triangle is half of it (a round cut
 * corner to corner), a little or dainty one a quarter; the count written
 * as that share of the sandwich in out. 1 when rewritten. */
static int sandwich_triangles(const char *t, char *out, size_t size)
{
    static const char *const small[] = {"little ", "small ", "dainty ", "mini ", "tiny "};
    if (text_has_cjk(t) || strlen(t) + 8 > size ||
        !(text_find_ci(t, "sandwich") || text_find_ci(t, "sarnie") || text_find_ci(t, "sandwhich")))
        return 0;
    const char *p = text_find_ci(t, "triangle");
    if (!p || (p > t && isalpha((unsigned char)p[-1])))
        return 0;
    const char *end = p + 8 + (p[8] == 's' || p[8] == 'S');
    if (isalpha((unsigned char)*end))
        return 0;
    /* back over a word of size, "of the", to the count */
    const char *b = p;
    int quarter = 0;
    for (size_t k = 0; k < sizeof small / sizeof *small; k++) {
        size_t l = strlen(small[k]);
        if ((size_t)(b - t) >= l && !strncasecmp(b - l, small[k], l)) {
            b -= l;
            quarter = 1;
            break;
        }
    }
    if ((size_t)(b - t) >= 8 && !strncasecmp(b - 8, " of the ", 8))
        b -= 8;
    else if ((size_t)(b - t) >= 1 && b[-1] == ' ')
        b -= 1;
    else
        return 0;
    const char *start;
    double v = count_before(t, b, &start);
    if (isnan(v) || v > 8)
        return 0;
    int parts = quarter ? 4 : 2;
    char share[16];
    if (v < parts)
        snprintf(share, sizeof share, "%d/%d", (int)v, parts);
    else
        snprintf(share, sizeof share, "%.3g", v / parts);
    return (size_t)snprintf(out, size, "%.*s%s%s", (int)(start - t), t, share, end) < size;
}

/* "3 apple slices", "2 orange wedges", "half a watermelon slice": a count,
 * a food and a measure of it written last are that many of the measure of
 * the food ("3 slices of apple", which were three apples); in out, 1 when
 * rewritten. Not a name that ends in such a word (fish sticks, onion
 * rings, chicken strips). */
static int trailing_measure(const char *t, char *out, size_t size)
{
    /* (no word that ends a food's own name: sticks, rings, strips) */
    static const char *const measures[] = {"slices", "slice", "wedges", "wedge", "segments",
                                           "segment", "quarters", "halves", "pieces", "piece",
                                           "chunks", "cubes", "florets", "spears", "pots",
                                           "tubs", "cans", "tins", "bottles", "cartons",
                                           /* (not "pot": "a hot pot") */
                                           "tub", "can", "tin", "bottle", "carton"};
    if (text_has_cjk(t) || !amount_opens(t) || strlen(t) + 8 > size)
        return 0;
    /* the food part ends at a comma or a word of context */
    size_t end = strcspn(t, ",(");
    static const char *const ctx[] = {" at ", " from ", " with ", " w/ ", " for ", " after ",
                                      " before ", " on ", " in ", " out of "};
    for (size_t k = 0; k < sizeof ctx / sizeof *ctx; k++) {
        const char *c = text_find_ci(t, ctx[k]);
        if (c && (size_t)(c - t) < end)
            end = (size_t)(c - t);
    }
    while (end && t[end - 1] == ' ')
        end--;
    const char *m = NULL;
    size_t ml = 0;
    for (size_t k = 0; k < sizeof measures / sizeof *measures && !m; k++) {
        size_t l = strlen(measures[k]);
        if (end > l && t[end - l - 1] == ' ' && !strncasecmp(t + end - l, measures[k], l))
            m = t + end - l, ml = l;
    }
    if (!m)
        return 0;
    /* the amount: the words up to the first word of the food */
    const char *food = t;
    while (*food && *food != ' ')
        food++;         /* the number or the first amount word */
    while (*food == ' ')
        food++;
    static const char *const joins[] = {"a ",     "an ",   "of ",       "x ",      "few ",
                                        "couple ", "half ", "several ",  "dozen ",  "more ",
                                        "or ",    "to ",   "quarter ",  "third ",  "2 ",
                                        "3 ",     "4 ",    "5 ",        "6 "};
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
            if (!strncasecmp(food, joins[k], strlen(joins[k])))
                food += strlen(joins[k]), again = 1;
    }
    if (food >= m - 1 || isdigit((unsigned char)*food))
        return 0;
    return (size_t)snprintf(out, size, "%.*s%.*s of %.*s%s", (int)(food - t), t, (int)ml, m,
                            (int)(m - 1 - food), food, t + end) < size;
}

/* "peach halves x2", "apple slices x 3": a count written last, after a
 * measure ending the food's words, counts the measure ("2 halves of
 * peach"), not the food (two peaches). In out, 1 when rewritten. */
static int x_count_of_measure(const char *t, char *out, size_t size)
{
    static const char *const measures[] = {"slices", "wedges", "segments", "quarters",
                                           "halves", "pieces", "chunks", "florets", "spears"};
    if (text_has_cjk(t) || strlen(t) + 8 > size)
        return 0;
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        n--;
    size_t d = n;
    while (d && isdigit((unsigned char)t[d - 1]))
        d--;
    if (d == n || n - d > 2)
        return 0;
    size_t x = d;
    while (x && t[x - 1] == ' ')
        x--;
    if (!x || (t[x - 1] != 'x' && t[x - 1] != 'X'))
        return 0;
    x--;
    if (!x || t[x - 1] != ' ')
        return 0;
    size_t e = x;
    while (e && (t[e - 1] == ' ' || t[e - 1] == ','))
        e--;
    for (size_t k = 0; k < sizeof measures / sizeof *measures; k++) {
        size_t l = strlen(measures[k]);
        if (e > l + 1 && t[e - l - 1] == ' ' && !strncasecmp(t + e - l, measures[k], l)) {
            size_t f = e - l - 1;
            while (f && t[f - 1] == ' ')
                f--;
            /* (not when a count is before the measure: "toast 2 slices x2") */
            if (!f || isdigit((unsigned char)t[0]) || isdigit((unsigned char)t[f - 1]))
                return 0;
            return (size_t)snprintf(out, size, "%.*s %.*s of %.*s", (int)(n - d), t + d, (int)l,
                                    t + e - l, (int)f, t) < size;
        }
    }
    return 0;
}

/* "2 halves of peach", "3 quarters of an orange": a count of halves or
 * quarters before the food is read as written after it ("peach, 2
 * halves"), where a half is a measure of the food. In out, 1 when so. */
static int halves_of(const char *t, char *out, size_t size)
{
    if (text_has_cjk(t) || !isdigit((unsigned char)t[0]))
        return 0;
    size_t d = 0;
    while (isdigit((unsigned char)t[d]))
        d++;
    if (d > 2 || t[d] != ' ')
        return 0;
    static const char *const parts[] = {"halves of ", "quarters of "};
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
        size_t l = strlen(parts[k]);
        if (strncasecmp(t + d + 1, parts[k], l))
            continue;
        const char *food = t + d + 1 + l;
        if (!strncasecmp(food, "a ", 2))
            food += 2;
        else if (!strncasecmp(food, "an ", 3))
            food += 3;
        else if (!strncasecmp(food, "the ", 4))
            food += 4;
        if (!isalpha((unsigned char)*food) || strchr(food, ','))
            return 0;
        return (size_t)snprintf(out, size, "%s, %.*s %.*s", food, (int)d, t, (int)l - 4,
                                t + d + 1) < size;
    }
    return 0;
}

/* "cottage pie, small portion", "soup large bowl": a size and a measure
 * with no count before them are one ("1 small portion"), as "a small
 * portion" is. The text so written in out; 1 when it was. */
static int en_size_measure(const char *t, char *out, size_t size)
{
    static const char *const sizes[] = {"small", "large", "big", "medium", "huge", "little",
                                        "sml", "lge", "lrg", "med", "sm", "lg"};
    static const char *const measures[] = {"portion", "bowl", "plate", "serving", "glass", "cup",
                                           "mug", "slice", "piece", "helping", "tin", "can",
                                           "bottle", "packet", "bag", "box", "tub", "pot",
                                           "spoon", "spoonful", "handful", "dish"};
    if (text_has_cjk(t) || strlen(t) + 3 > size)
        return 0;
    for (const char *p = t; *p; p++) {
        if (p != t && p[-1] != ' ' && p[-1] != ',')
            continue;
        size_t sl = 0;
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes && !sl; k++)
            if (!strncasecmp(p, sizes[k], strlen(sizes[k])) && p[strlen(sizes[k])] == ' ')
                sl = strlen(sizes[k]);
        if (!sl)
            continue;
        const char *m = p + sl + 1;
        size_t ml = 0;
        for (size_t k = 0; k < sizeof measures / sizeof *measures && !ml; k++) {
            size_t l = strlen(measures[k]);
            if (!strncasecmp(m, measures[k], l) && !isalpha((unsigned char)m[l]))
                ml = l;
        }
        if (!ml)
            continue;
        /* a count or an article before it counts already ("a small bowl",
         * "2 large glasses"); a measure word of the food's name after it
         * ("small plate of chips") is still that measure */
        const char *b = p;
        while (b > t && (b[-1] == ' ' || b[-1] == ','))
            b--;
        const char *w = b;
        while (w > t && isalnum((unsigned char)w[-1]))
            w--;
        static const char *const counted[] = {
            "a",     "an",    "one",    "the",     "per",   "each",   "x",       "half",
            "another", "usual", "quarter", "third", "second", "extra", "my",     "two",
            "three", "four",  "five",   "six",     "seven", "eight",  "nine",    "ten",
            "eleven", "twelve", "couple", "few",   "several", "both", "some"};
        /* (a digit, "2x", or "½" and the other fraction signs) */
        int has = w < b ? isdigit((unsigned char)b[-1]) ||
                              ((b[-1] == 'x' || b[-1] == 'X') && b - w >= 2 &&
                               isdigit((unsigned char)b[-2]))
                        : b > t && (unsigned char)b[-1] >= 0x80;
        for (size_t k = 0; k < sizeof counted / sizeof *counted && !has; k++)
            has = (size_t)(b - w) == strlen(counted[k]) && !strncasecmp(w, counted[k], (size_t)(b - w));
        if (has)
            continue;
        return (size_t)snprintf(out, size, "%.*s1 %s", (int)(p - t), t, p) < size;
    }
    return 0;
}

/* "2 egg omelette", "omelet 2 egg w/ cheese", "omelette (3 eggs)",
 * "cheese omelette made with 2 eggs": the eggs counted size the omelet
 * (FNDDS weighs an omelet by the egg it is made of); they are moved to the
 * end, where they are its serving ("cheese omelet 2 eggs"). In out, 1 when
 * so. */
static int eggs_in_omelet(const char *t, char *out, size_t size)
{
    if (text_has_cjk(t) || strlen(t) + 8 > size ||
        !(text_find_ci(t, "omelet") || text_find_ci(t, "omlet") || text_find_ci(t, "omelette")))
        return 0;
    static const char *const words[] = {"one", "two", "three", "four", "five", "six"};
    for (const char *p = t; *p; p++) {
        if (p > t && isalnum((unsigned char)p[-1]))
            continue;
        size_t nl = 0;
        int n = 0;
        if (isdigit((unsigned char)*p) && !isdigit((unsigned char)p[1])) {
            n = *p - '0';
            nl = 1;
        } else {
            for (size_t k = 0; k < sizeof words / sizeof *words && !n; k++) {
                size_t l = strlen(words[k]);
                if (!strncasecmp(p, words[k], l) && !isalpha((unsigned char)p[l]))
                    n = (int)k + 1, nl = l;
            }
        }
        if (n < 1 || n > 6)
            continue;
        const char *e = p + nl;
        if (*e == ' ' || *e == '-')
            e++;
        if (strncasecmp(e, "egg", 3))
            continue;
        e += 3;
        if (*e == 's' || *e == 'S')
            e++;
        if (isalpha((unsigned char)*e) || !strncasecmp(e, " white", 6))
            continue;
        /* the words around the count go with it: "(2 eggs)", "made with 2
         * eggs", ", 2 eggs"; an article before it too ("a 3-egg omelette"),
         * and a count of omelets multiplies ("2 x 2 egg omelette") */
        const char *from = p, *to = e;
        int times = 1;
        {
            /* the word before the count: an article, or "N x" */
            const char *q = p;
            while (q > t && q[-1] == ' ')
                q--;
            const char *w = q;
            while (w > t && w[-1] != ' ')
                w--;
            size_t wl = (size_t)(q - w);
            if ((wl == 1 && (*w == 'a' || *w == 'A' || *w == '1')) ||
                (wl == 2 && !strncasecmp(w, "an", 2)) || (wl == 3 && !strncasecmp(w, "one", 3))) {
                from = w;
            } else if (wl >= 1 && (w[wl - 1] == 'x' || w[wl - 1] == 'X')) {
                /* "2 x 2 egg omelette", "2x 2 egg omelette" */
                const char *x = w;
                if (wl == 1) {
                    while (x > t && x[-1] == ' ')
                        x--;
                    const char *d = x;
                    while (d > t && isdigit((unsigned char)d[-1]))
                        d--;
                    if (d < x && x - d == 1)
                        times = *d - '0', from = d;
                } else if (wl == 2 && isdigit((unsigned char)*w)) {
                    times = *w - '0', from = w;
                }
            }
            if (times < 1 || times > 9)
                times = 1;
        }
        while (from > t && from[-1] == ' ')
            from--;
        if (from > t && from[-1] == '(' && *to == ')')
            from--, to++;
        else if (from - t >= 9 && !strncasecmp(from - 9, "made with", 9))
            from -= 9;
        else if (from - t >= 4 && !strncasecmp(from - 4, "with", 4))
            from -= 4;
        else if (from - t >= 2 && !strncasecmp(from - 2, "w/", 2))
            from -= 2;
        while (from > t && (from[-1] == ' ' || from[-1] == ','))
            from--;
        char rest[1100];
        size_t o = 0;
        if (strlen(t) >= sizeof rest)
            return 0;
        o += (size_t)snprintf(rest + o, sizeof rest - o, "%.*s", (int)(from - t), t);
        while (*to == ' ' || *to == ',')
            to++;
        if (*to && o)
            rest[o++] = ' ';
        o += (size_t)snprintf(rest + o, sizeof rest - o, "%s", to);
        while (o && (rest[o - 1] == ' ' || rest[o - 1] == ','))
            rest[--o] = '\0';
        if (!o || !(text_find_ci(rest, "omelet") || text_find_ci(rest, "omlet")))
            return 0;
        /* (an article left before the omelet: the eggs say how much, "an
         * omelette (2 eggs)") */
        const char *r = rest;
        static const char *const articles[] = {"a ", "an ", "one ", "1 "};
        for (size_t k = 0; k < sizeof articles / sizeof *articles; k++)
            if (!strncasecmp(r, articles[k], strlen(articles[k]))) {
                r += strlen(articles[k]);
                break;
            }
        return (size_t)snprintf(out, size, "%s %d eggs", r, n * times) < size;
    }
    return 0;
}

/* "stopped at Arby's for a roast beef", "popped into Greggs for a sausage
 * roll": the place and what was had there ("Arby's a roast beef"); where
 * a chain's name names its foods. In out, 1 when so. */
static int stopped_at_for(const char *t, char *out, size_t size)
{
    static const char *const stops[] = {"stopped at ", "stopped by ", "stopped in at ",
                                        "popped into ", "popped in to ", "popped to ",
                                        "swung by ", "called in at ", "called into ",
                                        "went to ", "nipped into ", "nipped to "};
    if (text_has_cjk(t))
        return 0;
    for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
        const char *p = text_find_ci(t, stops[k]);
        if (!p || (p > t && isalpha((unsigned char)p[-1])))
            continue;
        /* (the stop opens the line, after one or two words of who: "stopped
         * at", "Dad stopped at"; not "banana before I went to work for the
         * day") */
        int words = 0;
        for (const char *q = t; q < p; q++) {
            if (*q == ',' || *q == '.' || isdigit((unsigned char)*q))
                words = 9;
            else if (*q == ' ')
                words++;
        }
        if (words > 2)
            continue;
        const char *place = p + strlen(stops[k]);
        const char *f = text_find_ci(place, " for ");
        if (!f || f == place)
            continue;
        const char *food = f + 5;
        /* (what was done there is no food: "for a run", "for the day") */
        static const char *const not_food[] = {"a run", "a walk", "a swim", "a ride",
                                               "the day", "an hour", "a while", "work",
                                               "a workout", "a game", "a haircut"};
        int done_there = 0;
        for (size_t n = 0; n < sizeof not_food / sizeof *not_food && !done_there; n++)
            done_there = !strncasecmp(food, not_food[n], strlen(not_food[n]));
        if (!*food || done_there)
            continue;
        /* (the place's words: no comma or full stop between) */
        if (memchr(place, ',', (size_t)(f - place)) || memchr(place, '.', (size_t)(f - place)))
            continue;
        /* (a place that is no chain's name is dropped: "the bakery", "a
         * cafe", "my mum's") */
        int named = strncasecmp(place, "the ", 4) && strncasecmp(place, "a ", 2) &&
                    strncasecmp(place, "my ", 3) && strncasecmp(place, "our ", 4);
        if (!named)
            return (size_t)snprintf(out, size, "%s", food) < size;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(f - place), place, food - 1) < size;
    }
    return 0;
}

/* "kidney beans 100g (canned, drained)", "Mandarin segments (tinned)": a
 * bracket of words of state only is read as the food's words after commas
 * (", whole" is then trailing_whole_out's); in out, 1 when done. */
static int state_bracket(const char *t, char *out, size_t size)
{
    static const char *const states[] = {
        "canned", "tinned", "drained", "rinsed", "raw", "cooked", "boiled", "dried", "dry",
        "frozen", "fresh", "roasted", "grilled", "baked", "fried", "steamed", "unsalted",
        "salted", "no salt", "low sodium", "in water", "in oil", "in brine", "in juice",
        "in syrup", "in spring water", "skinless", "boneless", "skin on", "skin off",
        "with skin", "without skin", "plain", "unsweetened", "sweetened", "uncooked",
        "peeled", "unpeeled", "chopped", "sliced", "diced", "mashed", "whole", "microwaved"};
    if (text_has_cjk(t) || strlen(t) + 4 >= size)
        return 0;
    const char *o = strchr(t, '(');
    const char *c = o ? strchr(o, ')') : NULL;
    if (!o || !c || o == t)
        return 0;
    int words = 0;
    for (const char *p = o + 1; p < c;) {
        while (p < c && (*p == ' ' || *p == ',' || *p == '&' || *p == '/'))
            p++;
        if (p < c && !strncasecmp(p, "and ", 4))
            p += 4;
        if (p >= c)
            break;
        size_t best = 0;
        for (size_t k = 0; k < sizeof states / sizeof *states; k++) {
            size_t l = strlen(states[k]);
            if (l > best && p + l <= c && !strncasecmp(p, states[k], l) &&
                (p + l == c || !isalpha((unsigned char)p[l])))
                best = l;
        }
        if (!best)
            return 0;
        p += best;
        words++;
    }
    if (words < 1)
        return 0;
    size_t head = (size_t)(o - t);
    while (head && t[head - 1] == ' ')
        head--;
    return (size_t)snprintf(out, size, "%.*s, %.*s%s", (int)head, t, (int)(c - o - 1), o + 1,
                            c + 1) < size;
}

/* "sprouts. 5 of them", "had 2 of those": a count of the food named, the
 * words "of them" gone in out. 1 when done. */
static int count_of_them(const char *t, char *out, size_t size)
{
    static const char *const them[] = {" of them", " of those", " of these"};
    for (size_t k = 0; k < sizeof them / sizeof *them; k++) {
        const char *p = text_find_ci(t, them[k]);
        if (!p || isalpha((unsigned char)p[strlen(them[k])]))
            continue;
        const char *start;
        double v = count_before(t, p, &start);
        /* (a word up to ten, and not "an" or "a" alone: "one" says it) */
        int in_words = !isnan(v) && isalpha((unsigned char)*start);
        int counted = !isnan(v) && (!in_words || (v <= 10 && (v > 1 || p - start >= 3)));
        size_t word = counted && in_words ? (size_t)(p - start) : 0,
               value = counted ? (size_t)v : 0;
        /* (a food named in a clause before: "sprouts. 5 of them"; "had 2
         * of them" alone names none) */
        int named = 0;
        for (const char *c = t; c < p && !named; c++)
            named = *c == ',' || *c == '.' || *c == ';' || *c == '-' || *c == ':';
        if (!counted || !named || strlen(t) + 4 >= size)
            continue;
        /* (a number word in digits: "ate one of them" is one of them, not
         * "ate one", a food with no amount) */
        if (word)
            snprintf(out, size, "%.*s%zu%s", (int)(p - word - t), t, value,
                     p + strlen(them[k]));
        else
            snprintf(out, size, "%.*s%s", (int)(p - t), t, p + strlen(them[k]));
        return 1;
    }
    return 0;
}

/* A size and a measure with no number, right after a Chinese food
 * ("兰州拉面大碗", "拿铁 大杯"), is one of them, as "一大碗" is; a cup
 * written and then its size ("拿铁一杯 大杯") is one cup of that size. The
 * text so written in out; 1 when it was. */
static int zh_size_measure(const char *t, char *out, size_t size)
{
    static const char *const sized[] = {"超大杯", "大碗", "小碗", "大杯", "中杯", "小杯",
                                        "大份", "小份", "中份", "大盘", "小盘"};
    static const char numerals[] = "一二两三四五六七八九十半俩倆几0123456789";
    if (!text_has_cjk(t) || strlen(t) + 4 > size)
        return 0;
    for (size_t k = 0; k < sizeof sized / sizeof *sized; k++) {
        const char *p = strstr(t, sized[k]);
        /* (大杯 of 超大杯 is that one) */
        if (!p || p == t || (p - t >= 3 && !strncmp(p - 3, "超", 3)))
            continue;
        /* the measure ends a part of the line (大盘鸡 is a dish) */
        const char *after = p + strlen(sized[k]);
        if (*after && (unsigned char)*after >= 0x80 && !clause_mark(t, after) &&
            strncmp(after, "加", 3) != 0 && strncmp(after, "（", 3) != 0 &&
            strncmp(after, "）", 3) != 0)
            continue;
        /* "一杯 大杯": the first cup's words go */
        const char *q = p;
        while (q > t && q[-1] == ' ')
            q--;
        if (q - t >= 3 && !strncmp(q - 3, "杯", 3) && strstr(sized[k], "杯")) {
            size_t head = (size_t)(q - 3 - t);
            snprintf(out, size, "%.*s%s", (int)head, t, p);
            return 1;
        }
        /* after a number or a measure it is already counted (一大碗, 两小碗) */
        if (q == t)
            continue;
        size_t back = (unsigned char)q[-1] < 0x80 ? 1 : 3;
        if (q - t < (ptrdiff_t)back)
            continue;
        int counted = 0;
        for (const char *n = numerals; *n && !counted;) {
            size_t nl = (unsigned char)*n < 0x80 ? 1 : 3;
            counted = nl == back && !strncmp(q - back, n, nl);
            n += nl;
        }
        if (counted || back == 1)
            continue;
        snprintf(out, size, "%.*s一%s", (int)(p - t), t, p);
        return 1;
    }
    return 0;
}

/* The line weighed again with another serving (and name), the serving
 * as written kept; 1 when it weighs, *out then its answer. */
static int reweigh(kmgca_foods *foods, const char *food_text, const char *serving,
                   const char *written, kmgca_weighing *out, kmgca_error *err)
{
    kmgca_error cerr;
    kmgca_weighing *alt = malloc(sizeof *alt);
    int done = alt && weigh_shared(foods, food_text, serving, alt, &cerr) == KMGCA_OK;
    if (done) {
        *out = *alt;
        copy_text(out->serving_text, sizeof out->serving_text, written);
        if (err)
            kmgca_error_clear(err);
    }
    free(alt);
    return done;
}

/* An app's measure the food has none of (KMGCA_ERROR_UNIT in *out): one
 * that names the food itself ("Dunkin' - Glazed Donut", 1 donut; "The
 * Original ButterBurger", 1 burger) is a count of it, a few at most ("7
 * chips" of a bag of tortilla chips are no 7 servings); "1 side" of a
 * restaurant's, its usual serving; a container of a food whose name
 * writes its count ("Chick-fil-A - Nuggets, 8 ct", 1 container), that
 * count. KMGCA_OK when one of these weighs it, else KMGCA_ERROR_UNIT. */
static kmgca_status app_measure(kmgca_foods *foods, const char *food_text,
                                const char *serving_text, kmgca_weighing *out, kmgca_error *err)
{
    int side = out->serving.amount == 1 && !strcmp(out->serving.unit, "side");
    if (strlen(out->serving.unit) >= 3 && isfinite(out->serving.amount) &&
        out->serving.amount > 0 && out->serving.amount <= 3 &&
        (side || text_find_ci(food_text, out->serving.unit))) {
        char count[32] = "";
        if (!side)
            snprintf(count, sizeof count, "%g", out->serving.amount);
        if (reweigh(foods, food_text, count, serving_text, out, err))
            return KMGCA_OK;
    }
    if (out->serving.amount != 1 || text_has_cjk(food_text))
        return KMGCA_ERROR_UNIT;
    for (const char *d = food_text; *d; d++) {
        if (!isdigit((unsigned char)*d) || (d > food_text && isalnum((unsigned char)d[-1])))
            continue;
        const char *e = d;
        while (isdigit((unsigned char)*e))
            e++;
        /* a word of measure_words.csv that counts the food: "ct", "pcs" */
        char word[16];
        size_t wl = 0, ml;
        while (e[0] == ' ' && isalpha((unsigned char)e[1 + wl]) && wl + 1 < sizeof word)
            word[wl] = (char)tolower((unsigned char)e[1 + wl]), wl++;
        word[wl] = '\0';
        const struct kmgca_measure_word *m = wl ? measure_word_at(word, &ml) : NULL;
        if (!m || ml != wl || isalpha((unsigned char)e[1 + wl]) ||
            (strcmp(m->concept, "item") && strcmp(m->concept, "piece")))
            continue;
        char count[32], name[1100];
        snprintf(count, sizeof count, "%.*s ct", (int)(e - d), d);
        int keep = (int)(d - food_text);
        while (keep > 0 && (food_text[keep - 1] == ' ' || food_text[keep - 1] == ','))
            keep--;
        snprintf(name, sizeof name, "%.*s%s", keep, food_text, e + 1 + wl);
        return reweigh(foods, name, count, serving_text, out, err) ? KMGCA_OK : KMGCA_ERROR_UNIT;
    }
    return KMGCA_ERROR_UNIT;
}

/* 1 when an app's serving is one serving of what the name says ("1
 * serving", "1 each", "1") and the name says its size ("Caffe Latte,
 * Grande", "Iced Coffee, Medium"): the name's size is the serving's. */
static int one_of_named_size(const char *food_text, const char *serving_text)
{
    static const char *const ones[] = {"1", "1 serving", "1 servings", "1 each", "1 ea",
                                       "1.0 serving", "1.00 serving", "1.0", "1.00"};
    static const char *const sizes[] = {"grande", "venti", "tall", "trenta", "small",
                                        "medium", "large", "regular", "kids", "junior"};
    if (!serving_text || text_has_cjk(food_text))
        return 0;
    int one = 0;
    for (size_t k = 0; k < sizeof ones / sizeof *ones && !one; k++)
        one = !strcasecmp(serving_text, ones[k]);
    if (!one)
        return 0;
    return WORD_IN(food_text, sizes) != NULL;
}

/* MyFitnessPal's export: the serving's size ends the name ("Quaker -
 * Instant Grits Original, 1 packet (28g)", "Del Monte - Fruit Cocktail in
 * Heavy Syrup, 1/2 cup") and the serving field counts servings ("2",
 * "0.5"). The serving as so many of that size in out (the weight in its
 * bracket when it gives one: "56 g"), the name without it in name; 1 when
 * done. */
static int servings_of_named_size(const char *food_text, const char *serving_text,
                                  char *name, size_t name_size, char *out, size_t size)
{
    if (!serving_text || text_has_cjk(food_text))
        return 0;
    char *end;
    double n = strtod(serving_text, &end);
    while (*end == ' ')
        end++;
    if (end == serving_text || *end || !(n > 0) || n > 20)
        return 0;
    const char *comma = strrchr(food_text, ',');
    if (!comma || comma == food_text)
        return 0;
    const char *tail = comma + 1;
    while (*tail == ' ')
        tail++;
    kmgca_serving s;
    if (!isdigit((unsigned char)*tail) || kmgca_serving_parse(tail, &s, NULL) != KMGCA_OK ||
        s.kind == KMGCA_UNIT_NONE || s.kind == KMGCA_UNIT_TYPICAL || !(s.amount > 0))
        return 0;
    /* the weight or volume in its bracket, else the size itself */
    const char *open = strchr(tail, '(');
    kmgca_serving w;
    char inner[64];
    const char *close = open ? strchr(open, ')') : NULL;
    if (open && close && (size_t)(close - open) < sizeof inner) {
        snprintf(inner, sizeof inner, "%.*s", (int)(close - open - 1), open + 1);
        if (kmgca_serving_parse(inner, &w, NULL) == KMGCA_OK &&
            (w.kind == KMGCA_UNIT_MASS || w.kind == KMGCA_UNIT_VOLUME) && w.amount > 0) {
            snprintf(out, size, "%.10g %s", n * w.amount, w.unit);
            snprintf(name, name_size, "%.*s", (int)(comma - food_text), food_text);
            return 1;
        }
    }
    if (s.kind == KMGCA_UNIT_MASS || s.kind == KMGCA_UNIT_VOLUME) {
        snprintf(out, size, "%.10g %s", n * s.amount, s.unit);
    } else {
        /* a household size: "1 pie", "2 patties", "5 crackers" */
        const char *words = tail;
        while (*words && (isdigit((unsigned char)*words) || *words == '/' || *words == '.' ||
                          *words == ' '))
            words++;
        if (!*words || open)
            return 0;
        /* (the product itself, "1 pie", "1 each": so many of it) */
        static const char *const itself[] = {"pie", "pies", "each", "ea"};
        size_t wl = strlen(words);
        while (wl && words[wl - 1] == ' ')
            wl--;
        if (WORD_AMONG(words, wl, itself))
            snprintf(out, size, "%.10g", n * s.amount);
        else
            snprintf(out, size, "%.10g %s", n * s.amount, words);
    }
    snprintf(name, name_size, "%.*s", (int)(comma - food_text), food_text);
    return 1;
}

/* An app's name that says its package's size ("Premier Protein - Protein
 * Shake, Chocolate, 11 fl oz", "Chicken Pot Pie, 10 oz") with a serving of
 * so many packages ("1 bottle", "0.5 pie"): the serving as that weight or
 * volume in out ("11 fl oz", "5 oz"), not the table's bottle or pie. 1 when
 * done. */
static int named_package(const char *food_text, const char *serving_text, char *out,
                         size_t size)
{
    static const char *const packages[] = {
        "bottle", "bottles", "can", "cans", "carton", "cartons", "package", "packages", "pkg",
        "pack", "packs", "container", "containers", "pie", "pies", "pouch", "pouches", "box",
        "boxes", "tray", "trays", "meal", "meals", "tub", "tubs", "jar", "jars", "bar", "bars",
        /* (an app's serving is the size its name writes: "Bush's Best -
         * Black Beans, 1/2 cup", 1 serving) */
        "shake", "shakes", "serving", "servings"};
    if (!serving_text || text_has_cjk(food_text) || strchr(serving_text, '('))
        return 0;
    char *end;
    double n = strtod(serving_text, &end);
    if (end == serving_text || !(n > 0) || n > 12)
        return 0;
    if (*end == '/' && isdigit((unsigned char)end[1])) {   /* "1/2 pie" */
        double d = strtod(end + 1, &end);
        if (!(d > 0))
            return 0;
        n /= d;
    }
    while (*end == ' ')
        end++;
    size_t wl = 0;
    while (isalpha((unsigned char)end[wl]))
        wl++;
    if (!wl || end[wl] || !WORD_AMONG(end, wl, packages))
        return 0;
    /* the last size the name writes: a number and a unit of mass or volume */
    double amount = 0;
    const char *unit = NULL;
    size_t unit_len = 0;
    for (const char *d = food_text; *d; d++) {
        if (!isdigit((unsigned char)*d) || (d > food_text && isalnum((unsigned char)d[-1])))
            continue;
        char *e;
        double v = strtod(d, &e);
        if (*e == '/' && isdigit((unsigned char)e[1])) {   /* "1/2 cup" */
            double q = strtod(e + 1, &e);
            v = q > 0 ? v / q : 0;
        }
        const char *u = e;
        while (*u == ' ')
            u++;
        const unit_def *def;
        size_t ul = unit_at(u, &def);
        if (ul && v > 0 && (def->kind == KMGCA_UNIT_MASS || def->kind == KMGCA_UNIT_VOLUME)) {
            amount = v, unit = u, unit_len = ul;
        }
        d = e - 1;
    }
    if (!unit)
        return 0;
    return (size_t)snprintf(out, size, "%g %.*s", n * amount, (int)unit_len, unit) < size;
}

kmgca_status kmgca_weigh(kmgca_foods *foods, const char *food_text, const char *serving_text,
                         kmgca_weighing *out, kmgca_error *err)
{
    const char *written = food_text;
    /* the line's words put as the rules below read them, each rule on what
     * the ones before it left (two buffers, in turn) */
    typedef int (*rewrite_fn)(const char *, char *, size_t);
    static const rewrite_fn rewrites[] = {
        fillers_out,        stopped_at_for,     yoghurt_pot_flavour, day_label_out,      clock_out,          packing_words,      pure_out,
        number_words_or,    record_words_out,   at_time_out,        clock_after_out,    dry_weight_of_made, ate_some_of_count, bracket_with,       container_bracket,
        state_bracket,      trailing_whole_out, flavour_bracket,
        count_of_the_size,  bird_share,         fluid_limit_out,    x_range,
        tablet_in_water,
        chatter_slips,      distance_out,   zh_left_over,      zh_care_record,    zh_space_clause,    zh_each_size,       canteen_ladle,     zh_end_particles,   zh_put_in,          zh_drink_options,   zh_weight_and_more, zh_steamed_egg_cake,   zh_size_measure,
        zh_filling_runon,   zh_filling_bracket, zh_sugar_after,     zh_sweet_clause,     cooked_liang,
        zh_is_amount,       zh_voice_measure,   zh_given_to,        zh_half_of_one,
        zh_made_up,         zh_cooked_bracket,  zh_that_one,        zh_gave_half,
        zh_bought_then_ate, zh_made_amount,     zh_tai_jin,
        zh_serving_again,   zh_size_after,      zh_size_before_count,
        eggs_in_omelet, count_of_them,  trailing_measure,  x_count_of_measure, halves_of, count_of_quarters,
        sandwich_triangles, percent_of,     share_words_out,    most_of_out,        all_of_out,
        en_size_measure};
    char rewritten[2][1100];
    int b = 0;
    for (size_t k = 0; food_text && k < sizeof rewrites / sizeof *rewrites; k++)
        if (rewrites[k](food_text, rewritten[b], sizeof rewritten[b]))
            food_text = rewritten[b], b ^= 1;
    char weighed[300], cupped[1100];
    if (food_text && !(serving_text && serving_text[0]) &&
        snack_cup(food_text, cupped, sizeof cupped))
        food_text = cupped;
    if (serving_text && measure_then_weight(serving_text, weighed, sizeof weighed))
        serving_text = weighed;
    /* a drink shop's size letter before the volume ("L 700ml", "M 500ml"):
     * the volume (the L was a litre) */
    if (serving_text && serving_text[0] && strchr("SMLsml", serving_text[0]) &&
        serving_text[1] == ' ' && isdigit((unsigned char)serving_text[2])) {
        kmgca_serving v;
        if (kmgca_serving_parse(serving_text + 2, &v, NULL) == KMGCA_OK &&
            (v.kind == KMGCA_UNIT_VOLUME || v.kind == KMGCA_UNIT_MASS))
            serving_text += 2;
    }
    char packaged[64];
    if (food_text && named_package(food_text, serving_text, packaged, sizeof packaged))
        serving_text = packaged;
    /* an app's pack count in the product's name ("Birds Eye - 10 Cod Fish
     * Fingers", "4 fingers"): no amount eaten, out of the name */
    char uncounted[1100];
    const char *dash = food_text && serving_text && serving_text[0] ? strstr(food_text, " - ")
                                                                   : NULL;
    if (dash && isdigit((unsigned char)dash[3])) {
        const char *d = dash + 3;
        while (isdigit((unsigned char)*d))
            d++;
        /* (not a number of the name: "5 Star Beef Mince", "21 Whole Grains",
         * "2 Minute Noodles", "3 Bean Salad") */
        static const char *const named[] = {"star", "stars", "whole", "grain", "grains", "seed",
                                            "seeds", "minute", "bean", "beans", "cheese",
                                            "layer", "spice", "berry", "pepper", "nut"};
        int of_name = 0;
        for (size_t k = 0; *d == ' ' && k < sizeof named / sizeof *named && !of_name; k++) {
            size_t l = strlen(named[k]);
            of_name = !strncasecmp(d + 1, named[k], l) && !isalpha((unsigned char)d[1 + l]);
        }
        if (*d == ' ' && isupper((unsigned char)d[1]) && !of_name &&
            (size_t)snprintf(uncounted, sizeof uncounted, "%.*s%s", (int)(dash + 3 - food_text),
                             food_text, d + 1) < sizeof uncounted)
            food_text = uncounted;
    }
    char counted[96], sized_name[1100];
    if (food_text && servings_of_named_size(food_text, serving_text, sized_name,
                                            sizeof sized_name, counted, sizeof counted)) {
        food_text = sized_name;
        serving_text = counted;
    }
    if (food_text && one_of_named_size(food_text, serving_text))
        serving_text = "";
    /* (an app's 两 of a food it names cooked: "面条(煮)" with 二两) */
    char liang[300];
    if (food_text && serving_text && said_cooked(written) &&
        liang_as_grams(serving_text, liang, sizeof liang))
        serving_text = liang;
    kmgca_status st = weigh_shared(foods, food_text, serving_text, out, err);
    if (st == KMGCA_ERROR_UNIT && out && food_text && serving_text && serving_text[0])
        st = app_measure(foods, food_text, serving_text, out, err);
    /* "a half of Guinness", "half of lager": a half pint, as pubs pour it
     * (not half a can) */
    if (st == KMGCA_OK && out && out->match.food &&
        !strcmp(kmgca_food_kind(out->match.food), "beer") &&
        out->serving.kind == KMGCA_UNIT_NONE && out->serving.amount == 0.5 && food_text &&
        (!strncasecmp(food_text, "half ", 5) || !strncasecmp(food_text, "a half ", 7)) &&
        !text_find_ci(food_text, "can") && !text_find_ci(food_text, "bottle")) {
        kmgca_weighing pint;
        kmgca_error perr;
        if (weigh_shared(foods, out->food_text, "1/2 pint", &pint, &perr) == KMGCA_OK &&
            pint.match.food == out->match.food)
            *out = pint;
    }
    /* A dish shared from the family's plate, bought as a takeaway ("宫保鸡丁
     * 外卖一份", "外卖点了宫保鸡丁"): the shop's box, one shop's 份 (kmgca's
     * judgement), not one person's share of the home plate */
    if (st == KMGCA_OK && out && food_text && out->match.food &&
        out->match.food->recipe_count && (strstr(written, "外卖") || strstr(written, "打包")) &&
        (out->serving.kind == KMGCA_UNIT_TYPICAL ||
         (out->serving.amount == 1 && out->serving.kind == KMGCA_UNIT_PORTION &&
          (!strcmp(out->serving.unit, "份") || !strcmp(out->serving.unit, "个") ||
           !strcmp(out->serving.unit, "盒"))))) {
        kmgca_weighing home, box;
        kmgca_error berr;
        if (weigh_shared(foods, out->food_text, "", &home, &berr) == KMGCA_OK &&
            home.match.food == out->match.food && strstr(home.how, PH_PERSON_SHARE) &&
            weigh_shared(foods, out->food_text, "1份", &box, &berr) == KMGCA_OK &&
            box.match.food == out->match.food) {
            copy_text(box.serving_text, sizeof box.serving_text, out->serving_text);
            box.serving_assumed = 1;
            box.serving.estimated = 1;
            appendf(box.how, sizeof box.how, "%s", PH_TAKEAWAY_BOX);
            *out = box;
        }
    }
    if (st == KMGCA_OK && out && isfinite(out->grams))
        plate_of_a_vegetable(foods, out);
    /* what was eaten of what was served: "shepherd's pie - left half" is
     * half the serving, unless the share was read as the amount itself
     * ("poached salmon, ate half": a half) */
    double share = 1;
    char said[32] = "";
    if (st == KMGCA_OK && out && food_text && isfinite(out->grams) &&
        eaten_share(written, &share, said, sizeof said) && !(out->serving.amount < 1) &&
        !strstr(out->how, PH_SHARE_EATEN) && !share_in_serving(out->serving_text)) {
        out->grams *= share;
        /* (what was eaten of it is judged by eye: assumed, as every
         * estimated serving is) */
        out->serving.estimated = 1;
        out->serving_assumed = 1;
        char part[24];
        fmt_share(part, sizeof part, share);
        appendf(out->how, sizeof out->how, PH_EATEN_SHARE "\"%s\": %s)", said, part);
    }
    /* "吃了点菠菜", "喝了点小米粥": some of a food, no amount written (点
     * right after the verb, its 一 left out): 2/3 of a typical serving,
     * said (a written 一点 or 少许 after the food is less, 2/5); not of a
     * serving that is a small one already ("吃了点花生": a handful) */
    if (st == KMGCA_OK && out && food_text && isfinite(out->grams) && out->serving_assumed &&
        (out->serving.kind == KMGCA_UNIT_TYPICAL || !out->serving_text[0]) &&
        out->grams >= 60 && !(serving_text && serving_text[0]) &&
        !strstr(out->how, PH_SHARE_EATEN) && !strstr(out->how, PH_EATEN_SHARE) &&
        zh_had_some(written)) {
        out->grams *= 2.0 / 3;
        appendf(out->how, sizeof out->how, "%s", PH_ZH_HAD_SOME);
    }
    /* A line that names a Ca, Mg or K supplement's form or dose is no food
     * unless a food is named fairly surely, at 0.8 or more ("magnesium
     * tablet 250 mg" was a rennin dessert tablet at 0.69): no match, its
     * foods kept as candidates, the supplement said. */
    kmgca_supplement sp;
    /* (a supplement's form or dose written: "听说补钙，天天喝骨头汤" is soup) */
    static const char *const forms[] = {"tablet", "capsule", "pill", "softgel", "caplet",
                                        "chewable", "supplement", "gumm", " mg", "mg ", "钙片",
                                        "镁片", "钾片", "胶囊", "片剂", "补充剂", "毫克"};
    int form = 0;
    for (size_t k = 0; food_text && k < sizeof forms / sizeof *forms && !form; k++)
        form = text_holds_ci(food_text, forms[k]) ||
               (serving_text && text_holds_ci(serving_text, forms[k]));
    if (food_text && !form) {
        /* "250mg": a dose run together */
        const char *mg = strstr(food_text, "mg");
        form = mg && mg > food_text && isdigit((unsigned char)mg[-1]);
    }
    if (!out || !form || !out->match.food || !food_text ||
        out->match.confidence >= 0.8 ||   /* a food named surely: "牛奶一杯 钙片一片" */
        !kmgca_supplement_read(food_text, serving_text ? serving_text : "",
                               KMGCA_SUPPLEMENT_INTAKE, &sp))
        return st;
    kmgca_match *m = &out->match;
    if (m->candidate_count == KMGCA_MAX_CANDIDATES)
        m->candidate_count--;
    memmove(m->candidates + 1, m->candidates, m->candidate_count * sizeof *m->candidates);
    memmove(m->candidate_confidence + 1, m->candidate_confidence,
            m->candidate_count * sizeof *m->candidate_confidence);
    m->candidates[0] = m->food;
    m->candidate_confidence[0] = m->confidence;
    m->candidate_count++;
    m->food = NULL;
    m->confidence = 0;
    out->grams = NAN;
    out->how[0] = '\0';
    return kmgca_fail(err, KMGCA_ERROR_NO_MATCH, "\"%.200s\" reads as a supplement (%s), not a food",
                      food_text, sp.product);
}

static kmgca_status weigh_shared(kmgca_foods *foods, const char *food_text,
                                 const char *serving_text, kmgca_weighing *out,
                                 kmgca_error *err)
{
    char rest[1100];
    int people;
    if (!out || !foods || !food_text || (serving_text && serving_text[0]) ||
        !text_shared(food_text, rest, sizeof rest, &people))
        return weigh_message(foods, food_text, serving_text, out, err);
    /* what the eater says they had of it stands ("shared a large pizza, I
     * had 3 slices", "分着吃，我吃了两块"): read as what was shared, then eaten */
    if (own_part_said(rest))
        return weigh_message(foods, rest, serving_text, out, err);
    /* none said: the verb goes, so that what was shared is the amount to
     * share ("shared a bottle of wine": half the bottle, not a glass as
     * after "bought") */
    char whole[sizeof rest];
    const char *verb = text_find_ci(rest, "shared ");
    if (verb && (verb == rest || !isalpha((unsigned char)verb[-1]))) {
        snprintf(whole, sizeof whole, "%.*s%s", (int)(verb - rest), rest, verb + 7);
        copy_text(rest, sizeof rest, whole);
    }
    kmgca_status st = weigh_message(foods, rest, serving_text, out, err);
    /* no amount written: a typical serving is one person's already (an
     * amount written whose size was assumed is shared: "split an order") */
    if (st != KMGCA_OK || out->serving.kind == KMGCA_UNIT_TYPICAL || !isfinite(out->grams))
        return st;
    if (people < 2) {
        out->grams = NAN;
        out->how[0] = '\0';
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT,
                          "\"%.200s\" was shared with others: write how much was eaten",
                          food_text);
    }
    out->grams /= people;
    out->serving.estimated = 1;
    out->serving_assumed = 1;
    appendf(out->how, sizeof out->how, PH_SHARED_BY "%d", people);
    return st;
}

/* The text without an owner's name ("Wendy's", "Denny's", "McDonald's")
 * that opens it or follows its amount ("1 small wendy's chili"), in out;
 * 1 when there was one with words after it. */
static int without_owner_word(const char *t, char *out, size_t size)
{
    for (const char *w = t; *w;) {
        while (*w == ' ')
            w++;
        size_t n = strcspn(w, " ");
        if (!w[n])
            break;
        if (n >= 4 && (!strncmp(w + n - 2, "'s", 2) || (n > 4 && !strncmp(w + n - 4, "’s", 4))))
            return (size_t)snprintf(out, size, "%.*s%s", (int)(w - t), t, w + n + 1) < size;
        w += n;
    }
    /* (or a chain written without its apostrophe or as one word: "bowl
     * of wendys chili", "dunkin boston creme") */
    static const char *const chains[] = {
        "wendys",     "mcdonalds",  "mcds",         "dennys",         "arbys",
        "culvers",    "hardees",    "applebees",    "chilis",         "dunkin",
        "dunkins",    "panera",     "cracker barrel", "bob evans",    "chick fil a",
        "chick-fil-a", "chickfila", "popeyes",      "zaxbys",         "whataburger",
        "sonic",      "kfc",        "ihop",         "waffle house",   "golden corral",
        "olive garden", "red lobster", "perkins",   "friendlys",      "panda express",
        "taco bell",  "burger king", "dairy queen", "five guys",      "tim hortons",
        "timmies",    "starbucks",  "costco",       "greggs",         "wetherspoons",
        "nandos",     "pret"};
    for (size_t k = 0; k < sizeof chains / sizeof *chains; k++) {
        const char *p = text_find_ci(t, chains[k]);
        size_t n = strlen(chains[k]);
        if (!p || (p > t && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[n]))
            continue;
        const char *after = p + n;
        while (*after == ' ')
            after++;
        if (!*after && p == t)
            return 0;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(p - t), t, after) < size;
    }
    return 0;
}

/* 1 when a food the word finds writes it as an ordinary word, not all in
 * capitals as a maker's name ("white" in "White pizza, cheese"). */
static int word_written_plainly(kmgca_foods *foods, const char *word)
{
    const kmgca_food *found[20];
    size_t n = kmgca_foods_search(foods, word, found, NULL, 20), wl = strlen(word);
    for (size_t i = 0; i < n; i++) {
        const char *d = kmgca_food_description(found[i]);
        for (const char *p = d; *p; p++) {
            if (strncasecmp(p, word, wl) != 0 || (p > d && isalpha((unsigned char)p[-1])) ||
                isalpha((unsigned char)p[wl]))
                continue;
            /* all in small letters, or opening the description ("White
             * pizza"); not a maker named in passing ("(Hormel)") */
            int lower = 1;
            for (size_t k = 1; k < wl && lower; k++)
                lower = islower((unsigned char)p[k]) != 0;
            if (lower && (islower((unsigned char)p[0]) || p == d))
                return 1;
        }
    }
    return 0;
}

/* The text after one to three words in capitals that open it, when what
 * follows names a food exactly ("Bolthouse Farms | Baby Carrots"), or in
 * small letters when the tables write the maker in capitals; NULL
 * when none does. Not across a joiner ("Shrimp N Grits", "Red Beans &
 * Rice": a dish, not a brand and its food). */
static const char *after_brand_words(kmgca_foods *foods, const char *t)
{
    static const char *const joiners[] = {" and ", " & ", " n ", " with ", " w/ ", " + ",
                                          " 'n' ", " - ", " on ", " in "};
    for (size_t k = 0; k < sizeof joiners / sizeof *joiners; k++)
        if (text_holds_ci(t, joiners[k]))
            return NULL;
    /* (an app's "Name, qualifier" is no maker before a food: "Chalupa
     * Supreme, beef" is no plain beef) */
    if (strchr(t, ','))
        return NULL;
    const char *p = t;
    while (*p == ' ')
        p++;
    for (int dropped = 0; dropped < 3; dropped++) {
        /* (in small letters only a maker the tables write in capitals:
         * "progresso chicken noodle soup") */
        int small = !isupper((unsigned char)*p);
        if (small && !isalpha((unsigned char)*p))
            return NULL;
        /* a word that names a food or a state of one stays ("Candied
         * Yams", "Honey Cruller"); a maker's name matches none, or only
         * its own products, which write it in capitals ("BOLTHOUSE") */
        char word[64], upper[64];
        size_t wl = strcspn(p, " ");
        if (wl >= sizeof word)
            return NULL;
        /* nor a word that says which of a food ("Vegan Cheese", "Light
         * Mayo", "Quorn Mince", "Fun Size Mars") */
        static const char *const which[] = {
            "vegan", "vegetarian", "veggie", "plant", "quorn", "meatless", "meat-free", "light",
            "lite", "diet", "low", "reduced", "fat", "free", "zero", "skinny", "sugar",
            "gluten", "dairy", "lactose", "fun", "mini", "baby", "whole", "wholemeal", "brown",
            "white", "red", "green", "raw", "smoked", "unsalted", "salted", "sweetened",
            "unsweetened", "greek", "soy", "oat", "almond", "coconut", "rice", "protein", "keto",
            "organic", "fresh", "frozen", "dried", "canned", "instant", "decaf", "half"};
        if (word_among(p, wl, which, sizeof which / sizeof *which))
            return NULL;
        for (size_t i = 0; i <= wl; i++) {
            word[i] = i < wl ? p[i] : '\0';
            upper[i] = (char)toupper((unsigned char)word[i]);
        }
        kmgca_match wm;
        int found = kmgca_foods_match(foods, word, &wm, NULL) == KMGCA_OK && wm.food;
        int maker = found && wl >= 3 && strstr(kmgca_food_description(wm.food), upper);
        /* (nor a word of the food the whole text names: "Vienna sausages"
         * are SR28's "Sausage, Vienna", not sausages) */
        kmgca_match whole;
        if (!dropped && !maker && kmgca_foods_match(foods, t, &whole, NULL) == KMGCA_OK &&
            whole.food && whole.confidence >= KMGCA_LOW_CONFIDENCE &&
            holds_word_ci(kmgca_food_description(whole.food), word))
            return NULL;
        /* in small letters, a maker's name the tables never write as an
         * ordinary word ("white pizza", "crispy tofu", "golden delicious":
         * those words are in branded names in capitals, and in others
         * not) */
        if (small && maker && word_written_plainly(foods, word))
            maker = 0;
        if ((found && wm.confidence >= KMGCA_LOW_CONFIDENCE && !maker) || (small && !maker))
            return NULL;
        p += wl;
        while (*p == ' ')
            p++;
        if (!*p || !isalpha((unsigned char)*p))
            return NULL;
        kmgca_match m;
        /* (its serving aside: "Oak choc milk 600ml") */
        char lead[SERVING_MAX], rest[1024];
        const char *named = p;
        if (strlen(p) < sizeof rest && split_cached(p, lead, sizeof lead, rest, sizeof rest) &&
            rest[0])
            named = rest;
        if (kmgca_foods_match(foods, named, &m, NULL) == KMGCA_OK && m.food &&
            m.method == KMGCA_MATCH_EXACT && m.confidence >= 0.99)
            return p;
    }
    return NULL;
}

/* The first of a full-width bracket (wide) or an ASCII one (ascii) in t,
 * its length in *len; NULL when there is none. */
static const char *first_bracket(const char *t, const char *wide, char ascii, size_t *len)
{
    const char *w = strstr(t, wide), *a = strchr(t, ascii);
    *len = a && (!w || a < w) ? 1 : strlen(wide);
    return a && (!w || a < w) ? a : w;
}

/* "手抓饼（加蛋加生菜）", "车仔面（萝卜、鱼蛋）", "宵夜车仔面（萝卜": a Chinese
 * dish and, in brackets, what was added to it or went into it (加, 配, a
 * list, or a bracket left open). The dish's text without the bracket in
 * out (what follows the bracket kept); 1 when there is such a bracket. */
static int zh_added_bracket(const char *t, char *out, size_t size)
{
    if (!text_has_cjk(t))
        return 0;
    size_t ol, cl;
    const char *open = first_bracket(t, "（", '(', &ol);
    if (!open || open == t)
        return 0;
    const char *in = open + ol;
    const char *close = first_bracket(in, "）", ')', &cl);
    static const char *const adding[] = {"加", "配", "另加", "多加", "含", "放", "带", "夹",
                                         "外加", "再加"};
    int added = 0;
    for (size_t k = 0; k < sizeof adding / sizeof *adding && !added; k++)
        added = !strncmp(in, adding[k], strlen(adding[k]));
    char inside[256];
    size_t il = close ? (size_t)(close - in) : strlen(in);
    if (il >= sizeof inside)
        return 0;
    memcpy(inside, in, il);
    inside[il] = '\0';
    /* a list or an open bracket of what went in, but not of an amount:
     * "米饭（2碗，约300g）", "鸡蛋（2个，水煮）" say how much */
    static const char *const numerals[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                                           "一", "二", "两", "三", "四", "五", "六", "半", "克"};
    int amount = 0;
    for (size_t k = 0; k < sizeof numerals / sizeof *numerals && !amount; k++)
        amount = strstr(inside, numerals[k]) != NULL;
    added |= !amount && (strstr(inside, "、") != NULL || strstr(inside, "，") != NULL || !close);
    if (!added || !inside[0])
        return 0;
    const char *after = close ? close + cl : in + il;
    return (size_t)snprintf(out, size, "%.*s%s", (int)(open - t), t, after) < size;
}

/* The start of the UTF-8 character before p (p > t), not inside one. */
static const char *char_before(const char *t, const char *p)
{
    do
        p--;
    while (p > t && ((unsigned char)*p & 0xC0) == 0x80);
    return p;
}

/* The last characters before 的 that say who made, bought or brought a
 * food, not its kind ("妈妈包的", "超市买的", "店里的"). */
static const char *const zh_not_kind[] = {"包", "做", "买", "煮", "蒸", "煎", "炸", "送", "剩",
                                          "吃", "带", "点", "热", "烤", "拿", "给", "冻", "别",
                                          "家", "店", "外",
                                          /* (nor its size: "挺大的", "小的") */
                                          "大", "小"};

/* The "的" ending a last clause of a few Chinese characters that says the
 * kind ("粽子一个 红枣的", "包子两个，肉的"), or NULL; not one of who made or
 * bought it ("妈妈包的", "超市买的"). */
static const char *zh_kind_clause(const char *t)
{
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '.'))
        n--;
    if (n >= 3 && !strncmp(t + n - 3, "。", 3))
        n -= 3;
    if (n < 9 || strncmp(t + n - 3, "的", 3) != 0)
        return NULL;
    const char *de = t + n - 3, *b = de;
    while (b > t && (unsigned char)b[-1] >= 0x80) {
        const char *c = char_before(t, b);
        if ((unsigned char)*c < 0xE0 || (unsigned char)*c >= 0xF0 || !strncmp(c, "，", 3) ||
            !strncmp(c, "、", 3))
            break;
        b = c;
    }
    if (de - b < 3 || de - b > 12 || b == t ||
        (b[-1] != ' ' && (b - t < 3 || strncmp(b - 3, "，", 3) != 0)))
        return NULL;
    for (size_t k = 0; k < sizeof zh_not_kind / sizeof *zh_not_kind; k++)
        if (!strncmp(de - 3, zh_not_kind[k], 3))
            return NULL;
    return de;
}

/* "饺子二两（韭菜鸡蛋馅）": the filling in brackets names the dish, as
 * 韭菜鸡蛋饺子 does: written before the last dumpling or bun named before the
 * bracket, the bracket gone, in out. 1 when done. */
static int zh_filling_bracket(const char *t, char *out, size_t size)
{
    static const char *const filled[] = {"饺子", "水饺", "蒸饺", "煎饺", "包子", "馄饨", "云吞",
                                         "抄手", "汤圆", "馅饼", "锅贴", "烧卖", "粽子", "月饼",
                                         "盒子", "奶茶", "豆浆", "豆花",
                                         /* (a fruit's or a tuber's flesh: "火龙果 半个 红心的") */
                                         "火龙果", "红薯", "地瓜", "柚子"};
    size_t ol, cl;
    const char *open = first_bracket(t, "（", '(', &ol);
    const char *close = open ? first_bracket(open + ol, "）", ')', &cl) : NULL;
    if (!text_has_cjk(t))
        return 0;
    /* "饺子(韭菜鸡蛋)": a bracket of Chinese words only, no amount, right
     * after the name, is its filling too */
    int plain_bracket = 0;
    if (open && close && close - (open + ol) >= 3 && close - (open + ol) <= 18) {
        plain_bracket = 1;
        for (const char *p = open + ol; p < close && plain_bracket; p += 3)
            plain_bracket = (unsigned char)*p >= 0xE0 && strncmp(p, "个", 3) && strncmp(p, "只", 3) && strncmp(p, "两", 3) &&
                            strncmp(p, "半", 3) && strncmp(p, "克", 3) && strncmp(p, "的", 3);
        int right_after = 0;
        for (size_t k = 0; k < sizeof filled / sizeof *filled && plain_bracket; k++) {
            size_t l = strlen(filled[k]);
            right_after |= open - t >= (ptrdiff_t)l && !strncmp(open - l, filled[k], l);
        }
        plain_bracket &= right_after;
    }
    if (!plain_bracket &&
        (!open || !close || close - (open + ol) < 6 || strncmp(close - 3, "馅", 3) != 0)) {
        /* or a clause of its own after the name: "吃饺子，猪肉芹菜馅的",
         * "包子 白菜粉条馅", "素馅的"; or of the kind only: "粽子一个 红枣的" */
        const char *x = strstr(t, "馅");
        size_t xl = 3;
        if (!x) {
            x = zh_kind_clause(t);
            xl = 0;
        }
        if (!x)
            return 0;
        const char *b = x;
        while (b > t && !clause_mark(t, b - 1) && b[-1] != ' ' &&
               !(b - t >= 3 && !strncmp(b - 3, "，", 3)))
            b = char_before(t, b);
        const char *e = x + xl;
        if (!strncmp(e, "的", 3))
            e += 3;
        if (b == t || x - b < 3 || (*e && !clause_mark(t, e)))
            return 0;
        open = b;
        ol = 0;
        close = x + xl;
        cl = (size_t)(e - close);
    }
    const char *at = NULL;
    for (size_t k = 0; k < sizeof filled / sizeof *filled; k++)
        for (const char *p = strstr(t, filled[k]); p && p < open; p = strstr(p + 1, filled[k]))
            if (!at || p > at)
                at = p;
    if (!at)
        return 0;
    const char *fill = open + ol;
    size_t fl = (size_t)(close - fill);
    if (fl >= 3 && !strncmp(close - 3, "馅", 3))
        fl -= 3;
    return (size_t)snprintf(out, size, "%.*s%.*s%.*s%s", (int)(at - t), t, (int)fl, fill,
                            (int)(open - at), at, close + cl) < size;
}

static int zh_amount_char(const char *p);

/* "十几个水饺韭菜鸡蛋的": a filling run on after the dumpling or bun's name
 * and closed by 的 or 馅 names the dish, as 韭菜鸡蛋水饺 does; written so
 * in out. 1 when done. */
static int zh_filling_runon(const char *t, char *out, size_t size)
{
    static const char *const filled[] = {"饺子", "水饺", "蒸饺", "煎饺", "包子", "馄饨",
                                         "云吞", "抄手", "汤圆", "馅饼", "锅贴", "粽子",
                                         "月饼",
                                         /* (the kind of a plain food: "面包全麦的",
                                          * "排骨糖醋的", "牛奶脱脂的") */
                                         "面包", "馒头", "牛奶", "酸奶", "排骨", "面条"};
    /* (nor a measure: "两个的") */
    static const char *const measures[] = {"个", "只", "两", "斤"};
    if (!text_has_cjk(t))
        return 0;
    for (size_t k = 0; k < sizeof filled / sizeof *filled; k++) {
        const char *p = strstr(t, filled[k]);
        if (!p)
            continue;
        const char *f = p + strlen(filled[k]), *e = f;
        int chars = 0;
        /* (a numeral of a filling's name is no amount: 五仁, 三鲜, 八宝) */
        static const char *const named[] = {"仁", "鲜", "宝", "香", "丁"};
        /* (never past a clause's end: "二十个速冻饺子，思念的" names the
         * maker in a clause of its own) */
        while (chars < 7 && (unsigned char)*e >= 0xE0 && (unsigned char)*e < 0xF0 &&
               !clause_mark(t, e) && strncmp(e, "的", 3) && strncmp(e, "馅", 3)) {
            int name_numeral = 0;
            for (size_t v = 0; v < sizeof named / sizeof *named && !name_numeral; v++)
                name_numeral = !strncmp(e + 3, named[v], 3);
            if (zh_amount_char(e) && !name_numeral)
                break;
            e += 3, chars++;
        }
        /* (one character says it only as 素 or 肉: "包子素的") */
        int one = chars == 1 && (!strncmp(f, "素", 3) || !strncmp(f, "肉", 3));
        if ((chars < 2 && !one) || chars > 6 || (strncmp(e, "的", 3) && strncmp(e, "馅", 3)))
            continue;
        int kind = 1;
        for (size_t v = 0; v < sizeof zh_not_kind / sizeof *zh_not_kind && kind; v++)
            kind = strncmp(e - 3, zh_not_kind[v], 3) != 0;
        for (size_t v = 0; v < sizeof measures / sizeof *measures && kind; v++)
            kind = strncmp(e - 3, measures[v], 3) != 0;
        const char *after = e + 3;
        if (!strncmp(after, "的", 3))
            after += 3;
        const char *amt = after;
        static const char *const about[] = {"大概", "大约", "差不多", "约"};
        for (size_t a = 0; a < sizeof about / sizeof *about; a++)
            if (!strncmp(amt, about[a], strlen(about[a])))
                amt += strlen(about[a]);
        if (!kind || (*after && *after != ' ' && !clause_mark(t, after) && !zh_amount_char(amt)))
            continue;
        return (size_t)snprintf(out, size, "%.*s%.*s%s%s", (int)(p - t), t, (int)(e - f), f,
                                filled[k], after) < size;
    }
    return 0;
}

/* "咖啡无糖", "黑咖啡不加糖" (as words_zh.csv reads 不加糖): a kind of
 * sugar written after the food's name goes before it, as names write it
 * (无糖咖啡; it was read as sugar), in out. 1 when done. */
static int zh_sugar_after(const char *t, char *out, size_t size)
{
    static const char *const kinds[] = {"无糖", "無糖", "微糖", "不加糖", "没放糖", "不放糖", "没加糖",
                                        "少糖", "低糖", "半糖"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        const char *p = strstr(t, kinds[k]);
        size_t n = strlen(kinds[k]);
        if (!p || p - t < 6 || (unsigned char)p[-1] < 0x80 || p[-1] == ')' ||
            !strncmp(p - 3, "（", 3) || !strncmp(p - 3, "，", 3))
            continue;
        const char *after = p + n;
        if (*after && *after != ' ' && !clause_mark(t, after))
            continue;
        /* the name before it: back to a space or a clause mark */
        const char *b = p;
        while (b > t && b[-1] != ' ' && !clause_mark(t, b - 1) &&
               !(b - t >= 3 && (!strncmp(b - 3, "，", 3) || !strncmp(b - 3, "：", 3))))
            b = char_before(t, b);
        if (p - b < 6)
            continue;
        return (size_t)snprintf(out, size, "%.*s%s%.*s%s", (int)(b - t), t, kinds[k],
                                (int)(p - b), b, after) < size;
    }
    return 0;
}

/* "豆浆是楼下买的，甜的，一杯", "豆浆，无糖的": sweet or not said in a clause
 * of its own after a drink's name is the name's (甜豆浆, 无糖豆浆), in out; 1
 * when done. */
static int zh_sweet_clause(const char *t, char *out, size_t size)
{
    static const struct {
        const char *said, *name;
    } sweet[] = {{"，甜的", "甜"}, {"，加糖的", "甜"}, {"，有糖的", "甜"}, {" 甜的", "甜"},
                 {"，无糖的", "无糖"}, {"，不加糖的", "无糖"}, {"，没加糖的", "无糖"},
                 {"，不甜的", "无糖"}, {" 无糖的", "无糖"}};
    if (!text_has_cjk(t))
        return 0;
    for (size_t k = 0; k < sizeof sweet / sizeof *sweet; k++) {
        const char *p = strstr(t, sweet[k].said);
        if (!p || p == t)
            continue;
        const char *after = p + strlen(sweet[k].said);
        if (*after && *after != ' ' && !clause_mark(t, after))
            continue;
        /* the name: the last CJK run before it (after 的, 是, a space or a
         * clause mark: "早上的豆浆是楼下买的") */
        const char *e = p;
        const char *is = NULL;
        for (const char *q = t; q < p; q++)
            if (!strncmp(q, "是", 3))
                is = q;
        if (is)
            e = is;
        const char *b = e;
        while (b - t >= 3 && (unsigned char)b[-1] >= 0x80 &&
               !clause_mark(t, char_before(t, b)) && strncmp(b - 3, "的", 3) != 0)
            b = char_before(t, b);
        if (e - b < 6)
            continue;
        /* (of a drink or a porridge: a sweet watermelon is a good one) */
        static const char *const drinks[] = {"浆", "奶", "茶", "啡", "粥", "汤", "饮", "水", "露"};
        int drink = 0;
        for (size_t d = 0; d < sizeof drinks / sizeof *drinks && !drink; d++)
            drink = !strncmp(e - 3, drinks[d], 3);
        if (!drink)
            continue;
        return (size_t)snprintf(out, size, "%.*s%s%.*s%s", (int)(b - t), t, sweet[k].name,
                                (int)(e - b), b, after) < size;
    }
    return 0;
}

/* 1 when a Chinese food text says its weight is of the food cooked: 熟重,
 * （熟）, 熟的, or an app's （煮） and （蒸） */
static int said_cooked(const char *t)
{
    static const char *const marks[] = {"熟重", "（熟）", "(熟)", "熟的", "（煮）", "(煮)",
                                        "（蒸）", "(蒸)"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (strstr(t, marks[k]))
            return 1;
    return 0;
}

/* "红烧肉只给他吃了两块", "鸡汤给我妈喝了一碗": who a food was given to, out of
 * the line (给 and up to four characters before a verb of eating or
 * cooking), in out; 1 when done. */
static int zh_given_to(const char *t, char *out, size_t size)
{
    static const char *const verbs[] = {"吃", "喝", "做", "煮", "蒸", "炖", "买", "盛", "夹",
                                        "泡", "冲", "热", "点"};
    if (!text_has_cjk(t))
        return 0;
    for (const char *g = strstr(t, "给"); g; g = strstr(g + 3, "给")) {
        const char *v = g + 3;
        for (int chars = 0; chars <= 4 && *v && (unsigned char)*v >= 0xE0; chars++, v += 3) {
            int verb = 0;
            for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !verb; k++)
                verb = !strncmp(v, verbs[k], 3);
            if (!verb)
                continue;
            if (chars == 0)
                break;   /* (给吃: no one named) */
            return (size_t)snprintf(out, size, "%.*s%s", (int)(g - t), t, v) < size;
        }
    }
    return 0;
}

/* "一个火龙果的一半": the half of one, as 半个火龙果 in out; 1 when done. */
static int zh_half_of_one(const char *t, char *out, size_t size)
{
    const char *half = strstr(t, "的一半");
    if (!half || half[9])
        return 0;
    if (!strncmp(t, "一", 3) && (unsigned char)t[3] >= 0xE0)
        return (size_t)snprintf(out, size, "半%.*s", (int)(half - t - 3), t + 3) < size;
    const char *one = strstr(t, "一个");
    if (!one || one > half)
        return 0;
    return (size_t)snprintf(out, size, "%.*s半个%.*s", (int)(one - t), t, (int)(half - one - 6),
                            one + 6) < size;
}

/* "奶粉 两勺冲了一杯": how a powder was made up, out of the line (the two
 * spoons were eaten, not a cup of powder); "芝麻糊冲了一包", "早上冲了一杯麦片":
 * the verb out, the packet or cup is the food's. In out; 1 when done. */
static int zh_made_up(const char *t, char *out, size_t size)
{
    static const char *const made_up[] = {"冲了一杯", "冲了一大杯", "冲一杯", "泡了一杯",
                                          "冲了一碗", "冲了杯", "冲成一杯", "冲了一包",
                                          "泡了一包", "冲了一袋", "泡了一袋"};
    for (size_t k = 0; k < sizeof made_up / sizeof *made_up; k++) {
        const char *m = strstr(t, made_up[k]);
        if (!m || m == t)
            continue;
        const char *after = m + strlen(made_up[k]);
        /* an amount of the powder before it ("两勺", "20g"): the drink made
         * is no serving of the powder */
        size_t wl = 0;
        unsigned char before = (unsigned char)m[-1];
        int amount = before < 0x80 ? isalnum(before)
                                   : m - t >= 3 && measure_word_at(m - 3, &wl) && wl == 3;
        if (amount &&
            (strstr(made_up[k], "杯") || strstr(made_up[k], "碗")))
            return (size_t)snprintf(out, size, "%.*s%s", (int)(m - t), t, after) < size;
        if (amount)
            continue;
        /* (a powder's cup or bowl made up is no amount of the powder: "蛋白粉冲了一杯"
         * asks for one, as before) */
        if (m - t >= 3 && !strncmp(m - 3, "粉", 3) &&
            (strstr(made_up[k], "杯") || strstr(made_up[k], "碗")))
            return (size_t)snprintf(out, size, "%.*s%s", (int)(m - t), t, after) < size;
        /* else the verb out: what was made is the serving */
        size_t verb = !strncmp(m + 3, "了", 3) || !strncmp(m + 3, "成", 3) ? 6 : 3;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(m - t), t, m + verb) < size;
    }
    return 0;
}

/* "半斤多虾", "一斤多点": a market weight and a bit more is read as the
 * weight, as 左右 (about) is; the 多 out of the food's name (多宝鱼 and
 * 多春鱼 keep theirs: only after 斤 or 两). In out, 1 when done. */
static int zh_weight_and_more(const char *t, char *out, size_t size)
{
    static const char *const more[] = {"多一点", "多一些", "多点", "多"};
    if (!text_has_cjk(t) || strlen(t) >= size)
        return 0;
    for (const char *p = t; *p; p++) {
        if (strncmp(p, "斤", 3) && strncmp(p, "两", 3))
            continue;
        /* (a weight: a numeral before it, not 两 as two: "两个") */
        int weight = p > t && ((unsigned char)p[-1] < 0x80 ? isdigit((unsigned char)p[-1])
                                                            : p - t >= 3 && zh_amount_char(p - 3));
        if (!weight)
            continue;
        for (size_t k = 0; k < sizeof more / sizeof *more; k++) {
            size_t l = strlen(more[k]);
            if (strncmp(p + 3, more[k], l))
                continue;
            /* (多宝鱼, 多春鱼 after a weight are fish: keep) */
            if (!strncmp(p + 3, "多宝", 6) || !strncmp(p + 3, "多春", 6) ||
                !strncmp(p + 3, "多味", 6) || !strncmp(p + 3, "多士", 6) ||
                !strncmp(p + 3, "多谷", 6) || !strncmp(p + 3, "多肉", 6))
                return 0;
            return (size_t)snprintf(out, size, "%.*s%s", (int)(p + 3 - t), t, p + 3 + l) < size;
        }
    }
    return 0;
}

/* "晚上蒸了碗鸡蛋糕", "鸡蛋糕一碗": 鸡蛋糕 steamed or by the bowl is the egg
 * custard as the north calls it (鸡蛋糕 alone is a small sponge cake); in
 * out, 1 when done. */
static int zh_steamed_egg_cake(const char *t, char *out, size_t size)
{
    const char *c = strstr(t, "鸡蛋糕");
    if (!c || strlen(t) >= size)
        return 0;
    const char *steamed = strstr(t, "蒸");
    const char *bowl = strstr(t, "碗");
    if (!(steamed && steamed < c) && !bowl)
        return 0;
    return (size_t)snprintf(out, size, "%.*s鸡蛋羹%s", (int)(c - t), t, c + strlen("鸡蛋糕")) <
           size;
}

/* "爸中午吃了两个大馒头哈", "一斤多西瓜😂", "大概有一串吧": a particle, a
 * laugh or an emoji ending a Chinese line says nothing of the food; out of
 * it, in out; 1 when done. */
static int zh_end_particles(const char *t, char *out, size_t size)
{
    static const char *const particles[] = {"哈哈", "呵呵", "嘿嘿", "哈", "吧", "啊", "呀",
                                            "啦", "呢", "哦", "嘛", "噢", "喔", "咯"};
    if (!text_has_cjk(t) || strlen(t) >= size)
        return 0;
    size_t n = strlen(t), was = n;
    for (int again = 1; again && n;) {
        again = 0;
        while (n && (t[n - 1] == ' ' || t[n - 1] == '.' || t[n - 1] == '!' || t[n - 1] == '~' ||
                     t[n - 1] == '?'))
            n--, again = 1;
        if (n >= 3 && (!strncmp(t + n - 3, "。", 3) || !strncmp(t + n - 3, "！", 3) ||
                       !strncmp(t + n - 3, "？", 3) || !strncmp(t + n - 3, "～", 3) ||
                       !strncmp(t + n - 3, "…", 3)))
            n -= 3, again = 1;
        /* (an emoji: four bytes from F0) */
        if (n >= 4 && (unsigned char)t[n - 4] == 0xF0)
            n -= 4, again = 1;
        for (size_t k = 0; k < sizeof particles / sizeof *particles && !again; k++) {
            size_t l = strlen(particles[k]);
            /* (not a name's last character: 哈 of 哈密瓜 is first; 沙拉酱吧?) */
            if (n > l + 3 && !strncmp(t + n - l, particles[k], l))
                n -= l, again = 1;
        }
    }
    if (n == was || n == 0)
        return 0;
    return (size_t)snprintf(out, size, "%.*s", (int)n, t) < size;
}

/* "晚上给我爸煮了碗挂面 就放了点青菜": what was put in it, in a clause of
 * its own after the food, is an addition to it (as "with" is), out of the
 * line, in out; 1 when done. */
static int zh_put_in(const char *t, char *out, size_t size)
{
    static const char *const put[] = {"放了点", "加了点", "放了些", "加了些", "放了", "加了",
                                      "放点", "加点"};
    if (!text_has_cjk(t) || strlen(t) >= size)
        return 0;
    for (size_t k = 0; k < sizeof put / sizeof *put; k++) {
        const char *p = strstr(t, put[k]);
        if (!p || p == t)
            continue;
        const char *c = p;
        if (c - t >= 3 && !strncmp(c - 3, "就", 3))
            c -= 3;
        else if (c - t >= 3 && !strncmp(c - 3, "还", 3))
            c -= 3;
        else if (c - t >= 3 && !strncmp(c - 3, "又", 3))
            c -= 3;
        /* (its own clause: after a space or a comma) */
        size_t ml = c > t && (c[-1] == ' ' || c[-1] == ',') ? 1
                    : c - t >= 3 && !strncmp(c - 3, "，", 3) ? 3 : 0;
        if (!ml || c - ml == t)
            continue;
        return (size_t)snprintf(out, size, "%.*s", (int)(c - ml - t), t) < size;
    }
    return 0;
}

/* A drink's options as a tea shop takes them: hot or iced, less ice, less
 * sweet, in brackets ("港式奶茶(熱)", "奶茶（少甜、走冰）") or 热/冻 before
 * the drink ("热奶茶", "凍咖啡"): the same drink, the words out, in out; 1
 * when done. (Sugar said, 无糖, stays: it names other foods; sizes stay.) */
static int zh_drink_options(const char *t, char *out, size_t size)
{
    static const char *const options[] = {"走冰", "少冰", "去冰", "多冰", "正常冰", "少甜",
                                          "走甜", "半糖", "少糖", "微糖", "常温", "常溫",
                                          "热", "熱", "冻", "凍", "冰", "温", "溫", "暖"};
    static const char *const seps[] = {"、", "，", ",", "/", " ", "+"};
    static const char *const hot[] = {"热", "熱", "冻", "凍"};
    static const char *const drinks[] = {"奶茶", "咖啡", "鸳鸯",
                                         "鴛鴦", "阿华田", "阿華田", "好立克", "美禄", "美祿",
                                         "柠檬水", "檸檬水", "可可", "朱古力"};
    if (!text_has_cjk(t) || strlen(t) >= size)
        return 0;
    for (const char *o = t; *o; o++) {
        size_t ol = *o == '(' ? 1 : !strncmp(o, "（", 3) ? 3 : 0;
        if (!ol || o == t)
            continue;
        const char *p = o + ol;
        int n = 0;
        for (int again = 1; again;) {
            again = 0;
            for (size_t k = 0; k < sizeof options / sizeof *options && !again; k++)
                if (!strncmp(p, options[k], strlen(options[k])))
                    p += strlen(options[k]), again = 1, n++;
            for (size_t k = 0; k < sizeof seps / sizeof *seps && !again && n; k++)
                if (!strncmp(p, seps[k], strlen(seps[k])))
                    p += strlen(seps[k]), again = 1;
        }
        size_t cl = *p == ')' ? 1 : !strncmp(p, "）", 3) ? 3 : 0;
        if (!n || !cl)
            continue;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(o - t), t, p + cl) < size;
    }
    for (size_t h = 0; h < sizeof hot / sizeof *hot; h++) {
        const char *p = strstr(t, hot[h]);
        if (!p)
            continue;
        for (size_t d = 0; d < sizeof drinks / sizeof *drinks; d++)
            if (!strncmp(p + 3, drinks[d], strlen(drinks[d])))
                return (size_t)snprintf(out, size, "%.*s%s", (int)(p - t), t, p + 3) < size;
    }
    return 0;
}

/* An app's cooking word in brackets after the food ("鸡胸肉(水煮)", "三文鱼
 * (烤)", "玉米(鲜,煮)"): before it, as people write the cooked food (水煮鸡胸肉;
 * a 两 of it stays its cooked weight, said_cooked reading the text as
 * written). In out; 1 when done. */
static int zh_cooked_bracket(const char *t, char *out, size_t size)
{
    static const char *const ways[] = {"水煮", "清蒸", "焯水", "白灼", "焯", "煮", "蒸",
                                       "烤",   "炖",   "煎",   "炒",   "卤"};
    static const char *const fresh[] = {"鲜", "熟", ",", "，", "、", " "};
    if (!text_has_cjk(t))
        return 0;
    for (const char *o = t; *o; o++) {
        size_t ol = !strncmp(o, "(", 1) ? 1 : !strncmp(o, "（", 3) ? 3 : 0;
        if (!ol || o == t)
            continue;
        const char *p = o + ol;
        const char *way = NULL;
        for (int again = 1; again;) {
            again = 0;
            for (size_t k = 0; k < sizeof fresh / sizeof *fresh && !again; k++)
                if (!strncmp(p, fresh[k], strlen(fresh[k])))
                    p += strlen(fresh[k]), again = 1;
            for (size_t k = 0; k < sizeof ways / sizeof *ways && !again && !way; k++)
                if (!strncmp(p, ways[k], strlen(ways[k])))
                    way = ways[k], p += strlen(ways[k]), again = 1;
        }
        if (way && !strncmp(p, "的", 3))
            p += 3;   /* "排骨 3块 (炖的)" */
        size_t cl = *p == ')' ? 1 : !strncmp(p, "）", 3) ? 3 : 0;
        if (!way || !cl)
            continue;
        /* (blanched is read after the food, as 西兰花焯水 is written) */
        if (!strcmp(way, "焯水") || !strcmp(way, "焯") || !strcmp(way, "白灼"))
            return (size_t)snprintf(out, size, "%.*s%s%s", (int)(o - t), t, way, p + cl) < size;
        return (size_t)snprintf(out, size, "%s%.*s%s", way, (int)(o - t), t, p + cl) < size;
    }
    return 0;
}

/* "一个大苹果分了一半给老伴", "分给老伴一半": half given away, half eaten
 * (eaten_share reads the half): the words out of the line, in out; 1 when
 * done. */
static int zh_gave_half(const char *t, char *out, size_t size)
{
    static const char *const gave[] = {"分了一半给", "分一半给", "给了一半给", "分给"};
    if (!text_has_cjk(t))
        return 0;
    for (size_t k = 0; k < sizeof gave / sizeof *gave; k++) {
        const char *g = strstr(t, gave[k]);
        if (!g || g == t)
            continue;
        const char *e = g + strlen(gave[k]);
        int chars = 0;
        while (*e && (unsigned char)*e >= 0xE0 && !clause_mark(t, e) && strncmp(e, "一半", 6) &&
               chars < 4)
            e += 3, chars++;
        int half_after = !strncmp(e, "一半", 6);   /* "分给老伴一半" */
        if (k == 3 && !half_after)
            continue;
        if (half_after)
            e += 6;
        if (!chars || (*e && !clause_mark(t, e) && *e != ' '))
            continue;
        return (size_t)snprintf(out, size, "%.*s%s", (int)(g - t), t, e) < size;
    }
    return 0;
}

/* 1 when p opens with one of numerals and then one of measures, each a
 * three-byte character ("一个", "两块") */
static int zh_numeral_measure_at(const char *p, const char *numerals, const char *measures)
{
    int num = 0, mea = 0;
    for (const char *n = numerals; *n && !num; n += 3)
        num = !strncmp(p, n, 3);
    for (const char *m = measures; num && *m && !mea; m += 3)
        mea = !strncmp(p + 3, m, 3);
    return mea;
}

/* "香蕉 小的一根", "苹果大的一个": the size said before the count is the
 * serving's (一小根, 一大个), in out; 1 when done. */
static int zh_size_before_count(const char *t, char *out, size_t size)
{
    static const char *const said[] = {"小的", "大的", "小点的", "大点的", "小个的", "大个的"};
    static const char numerals[] = "一两二三四五六七八九十半俩";
    static const char measures[] = "个只根块条碗盘杯份片";
    if (!text_has_cjk(t) || strlen(t) + 4 >= size)
        return 0;
    for (size_t k = 0; k < sizeof said / sizeof *said; k++) {
        const char *p = strstr(t, said[k]);
        if (!p || p == t)
            continue;
        const char *n = p + strlen(said[k]);
        if (!zh_numeral_measure_at(n, numerals, measures))
            continue;
        int big = strstr(said[k], "大") != NULL;
        /* (不大的, 不太大的: a small one; 挺, 很, 好, 最 before go with it) */
        const char *head = p;
        static const char *const before[] = {"不太", "不算", "不", "挺", "很", "好", "最", "特别"};
        for (size_t b = 0; b < sizeof before / sizeof *before; b++) {
            size_t bl = strlen(before[b]);
            if ((size_t)(head - t) >= bl && !strncmp(head - bl, before[b], bl)) {
                if (!strncmp(before[b], "不", 3))
                    big = 0;
                head -= bl;
                break;
            }
        }
        return (size_t)snprintf(out, size, "%.*s%.3s%s%s", (int)(head - t), t, n,
                                big ? "大" : "小", n + 3) < size;
    }
    return 0;
}

/* "早上一个白水煮蛋一个", "吃了一块西瓜挺大一块": the same serving said twice
 * is one (the second out; a size said with it, 挺大 or 很小, goes to the
 * first: 一大块), in out; 1 when done. */
static int zh_serving_again(const char *t, char *out, size_t size)
{
    static const char numerals[] = "一二两三四五六七八九十半";
    static const char measures[] = "个块碗盘杯根片只条颗份瓶罐盒袋";
    if (!text_has_cjk(t))
        return 0;
    const char *first = NULL, *second = NULL;
    int found = 0;
    for (const char *p = t; *p; p++) {
        if (!zh_numeral_measure_at(p, numerals, measures) ||
            (p - t >= 3 && zh_amount_char(p - 3)))
            continue;
        if (++found == 1)
            first = p;
        else if (found == 2)
            second = p;
        p += 5;
    }
    if (found != 2)
        return 0;
    /* (the second ends the line: "一个包子一个鸡蛋" is two foods) */
    const char *end = second + 6;
    while (*end == ' ' || *end == '.' || !strncmp(end, "。", 3) || !strncmp(end, "！", 3))
        end += *end == ' ' || *end == '.' ? 1 : 3;
    if (strncmp(first, second, 6) != 0 || *end || second - first < 9)
        return 0;
    /* (and the food between them, one run of words: "包子一个，鸡蛋一个" is two) */
    for (const char *p = first + 6; p < second; p++)
        if (*p == ' ' || *p == ',' || clause_mark(t, p) || !strncmp(p, "、", 3))
            return 0;
    /* a size said before the second: 挺大, 很大, 好大, 蛮大, 大 (or 小) */
    static const char *const sizes[] = {"挺大", "很大", "好大", "蛮大", "老大", "挺小", "很小",
                                        "好小", "大", "小"};
    const char *cut = second;
    char size_char[4] = "";
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t l = strlen(sizes[k]);
        if ((size_t)(second - t) >= l && !strncmp(second - l, sizes[k], l)) {
            cut = second - l;
            memcpy(size_char, sizes[k] + l - 3, 3);
            size_char[3] = '\0';
            break;
        }
    }
    return (size_t)snprintf(out, size, "%.*s%s%.*s%s", (int)(first + 3 - t), t, size_char,
                            (int)(cut - first - 3), first + 3, second + 6) < size;
}

/* "烤红薯一个 挺大的", "妈今天吃了一个橙子，挺大的": a size said in a last
 * clause of its own is the serving's (一大个), in out; 1 when done. */
static int zh_size_after(const char *t, char *out, size_t size)
{
    static const char *const said[] = {"挺大的", "很大的", "好大的", "蛮大的", "大大的", "大个的",
                                       "挺大个", "挺大", "很大", "个头挺大", "个头很大",
                                       "挺小的", "很小的", "小小的", "小个的", "挺小", "很小",
                                       "不大", "不太大", "不算大", "大的", "小的",
                                       /* (the measure said again: "一碗卤肉饭 小碗的") */
                                       "小碗的", "大碗的", "小份的", "大份的", "小杯的",
                                       "大杯的", "小碗", "大碗", "小份", "大份",
                                       /* (in brackets only: "两个(小)") */
                                       "大", "小"};
    static const char numerals[] = "一两二三四五六七八九十半俩";
    static const char measures[] = "个只根块条碗盘杯份片";
    if (!text_has_cjk(t))
        return 0;
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '.'))
        n--;
    if (n >= 3 && (!strncmp(t + n - 3, "。", 3) || !strncmp(t + n - 3, "！", 3)))
        n -= 3;
    /* (or in brackets: "煮红薯 两个(小)", "两个（大的）") */
    int bracket = 0;
    if (n >= 1 && t[n - 1] == ')')
        n -= 1, bracket = 1;
    else if (n >= 3 && !strncmp(t + n - 3, "）", 3))
        n -= 3, bracket = 3;
    for (size_t k = 0; k < sizeof said / sizeof *said; k++) {
        size_t l = strlen(said[k]);
        if (n <= l || strncmp(t + n - l, said[k], l) != 0 || (l == 3 && !bracket))
            continue;
        const char *c = t + n - l;   /* the clause, after a space or a comma */
        size_t ml = c[-1] == ' ' || c[-1] == ',' ? 1 : c - t >= 3 && !strncmp(c - 3, "，", 3) ? 3 : 0;
        if (bracket)
            ml = bracket == 1 && c[-1] == '(' ? 1
                 : bracket == 3 && c - t >= 3 && !strncmp(c - 3, "（", 3) ? 3 : 0;
        /* (or right after the count: "红薯两个小的") */
        else if (!ml && c - t >= 6 && zh_numeral_measure_at(c - 6, numerals, measures) &&
                 strstr(said[k], "的"))
            ml = 0, bracket = -1;
        if (!ml && bracket != -1)
            return 0;
        /* the one numeral and measure before it */
        const char *at = NULL;
        int found = 0;
        for (const char *p = t; p < c - ml; p++)
            if (zh_numeral_measure_at(p, numerals, measures))
                at = p + 3, found++;
        int big = strstr(said[k], "大") != NULL && !strstr(said[k], "不");
        /* (or a measure with 一 left out after 了: "吃了个苹果，小的" is 一小个) */
        if (!found) {
            const char *le = NULL;
            int bare = 0;
            for (const char *p = t; p + 6 <= c - ml; p++)
                for (const char *m = measures; !strncmp(p, "了", 3) && *m; m += 3)
                    if (!strncmp(p + 3, m, 3))
                        le = p + 3, bare++;
            if (bare != 1)
                return 0;
            return (size_t)snprintf(out, size, "%.*s一%s%.*s", (int)(le - t), t, big ? "大" : "小",
                                    (int)(c - ml - le), le) < size;
        }
        if (found != 1)
            return 0;
        return (size_t)snprintf(out, size, "%.*s%s%.*s", (int)(at - t), t, big ? "大" : "小",
                                (int)(c - ml - at), at) < size;
    }
    return 0;
}

/* "那盘炒青菜", "这碗粥": that one plate or bowl is one (一盘, 一碗), in
 * out; 1 when done. */
static int zh_that_one(const char *t, char *out, size_t size)
{
    static const char *const measures[] = {"盘", "碗", "碟", "杯", "份", "锅", "盒", "袋",
                                           "瓶", "罐", "块", "只", "根", "条", "包", "串",
                                           "笼", "屉"};
    if (!text_has_cjk(t))
        return 0;
    for (const char *p = t; *p; p++) {
        if (strncmp(p, "那", 3) && strncmp(p, "这", 3))
            continue;
        for (size_t k = 0; k < sizeof measures / sizeof *measures; k++) {
            if (strncmp(p + 3, measures[k], 3) || (unsigned char)p[6] < 0xE0)
                continue;
            /* (not when an amount of it follows: "那条清蒸鲈鱼我吃了小半条") */
            for (const char *a = p + 6; *a; a++)
                for (size_t j = 0; j < sizeof measures / sizeof *measures; j++)
                    if (a - p >= 9 && !strncmp(a, measures[j], 3) && zh_amount_char(a - 3))
                        return 0;
            return (size_t)snprintf(out, size, "%.*s一%s", (int)(p - t), t, p + 3) < size;
        }
    }
    return 0;
}

/* A measure word that voice typing writes as another of its sound after a
 * numeral: 一晚小米粥 (碗), 一更油条 (根); 一晚上, 晚饭 and 晚餐 stay. In out;
 * 1 when done. */
static int zh_voice_measure(const char *t, char *out, size_t size)
{
    static const struct {
        const char *heard, *meant;
    } sounds[] = {{"晚", "碗"}, {"更", "根"}};
    static const char *const after_night[] = {"上", "饭", "餐", "间", "点", "安"};
    if (!text_has_cjk(t))
        return 0;
    for (const char *p = t; *p; p++) {
        if (p == t || !(isdigit((unsigned char)p[-1]) || (p - t >= 3 && zh_amount_char(p - 3))))
            continue;
        for (size_t k = 0; k < sizeof sounds / sizeof *sounds; k++) {
            if (strncmp(p, sounds[k].heard, 3) != 0)
                continue;
            int night = 0;
            for (size_t a = 0; a < sizeof after_night / sizeof *after_night && !night; a++)
                night = !strncmp(p + 3, after_night[a], 3);
            if (night || !p[3] || (unsigned char)p[3] < 0xE0)
                continue;
            return (size_t)snprintf(out, size, "%.*s%s%s", (int)(p - t), t, sounds[k].meant,
                                    p + 3) < size;
        }
    }
    return 0;
}

/* "我爸中午的米饭是180克": an amount after 是 is the food's (是 out, in
 * out); 1 when done. */
static int zh_is_amount(const char *t, char *out, size_t size)
{
    if (!text_has_cjk(t))
        return 0;
    for (const char *p = strstr(t, "是"); p; p = strstr(p + 3, "是")) {
        const char *a = p + 3;
        while (*a == ' ')
            a++;
        if (p == t || !zh_amount_char(a))
            continue;
        return (size_t)snprintf(out, size, "%.*s %s", (int)(p - t), t, a) < size;
    }
    return 0;
}

/* "米饭 熟重2两", "米饭（熟）二两", "面条(煮)" with 二两: a weight said to be
 * cooked is no shop's 两 of raw rice or dry noodles (name_portions_zh.csv):
 * its 两 as grams (50 g each) in out. 1 when done. */
static int cooked_liang(const char *t, char *out, size_t size)
{
    return said_cooked(t) && liang_as_grams(t, out, size);
}

/* t with its first 两 as grams, 50 g each ("熟重2两" -> "熟重100克"); 1 when
 * done */
static int liang_as_grams(const char *t, char *out, size_t size)
{
    const char *l = strstr(t, "两");
    if (!l || l == t)
        return 0;
    double n = 0;
    const char *b = l;
    if (isdigit((unsigned char)b[-1])) {
        while (b > t && (isdigit((unsigned char)b[-1]) || b[-1] == '.'))
            b--;
        n = strtod(b, NULL);
    } else {
        static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
        for (size_t k = 0; k < sizeof numerals / sizeof *numerals && !n; k++)
            if (l - t >= 3 && !strncmp(l - 3, numerals[k], 3))
                n = (double)k + 1, b = l - 3;
        if (!n && l - t >= 3 && !strncmp(l - 3, "半", 3))
            n = 0.5, b = l - 3;
    }
    if (!(n > 0) || n > 20)
        return 0;
    return (size_t)snprintf(out, size, "%.*s%g克%s", (int)(b - t), t, n * 50, l + 3) < size;
}

/* 1 when p opens with a digit or a Chinese numeral (一 … 十, 两, 半, 几). */
static int zh_amount_char(const char *p)
{
    static const char numerals[] = "一二两三四五六七八九十半几俩倆";
    if (isdigit((unsigned char)*p))
        return 1;
    for (const char *n = numerals; *n; n += 3)
        if (!strncmp(p, n, 3))
            return 1;
    return 0;
}

/* "买了一斤橘子吃了三个", "包了三十个饺子吃了十个": what was bought or made,
 * then what was eaten of it, in one run: a clause mark put before the
 * eating (the line's clauses then say what was eaten), in out; 1 when
 * done. */
static int zh_bought_then_ate(const char *t, char *out, size_t size)
{
    static const char *const eating[] = {"吃了", "喝了", "吃咗", "饮咗", "吃掉了", "喝掉了"};
    if (!text_has_cjk(t))
        return 0;
    const char *made = zh_made_at(t);
    if (!made)
        return 0;
    for (size_t k = 0; k < sizeof eating / sizeof *eating; k++) {
        const char *e = strstr(made + 6, eating[k]);
        if (!e || !zh_amount_char(e + strlen(eating[k])))
            continue;
        /* an amount between the two (or a measure word left without 一:
         * 买了袋栗子), and no clause mark right before */
        size_t ml;
        int amount = measure_word_at(made + 6, &ml) != NULL;
        for (const char *p = made + 6; p < e && !amount; p++)
            amount = zh_amount_char(p);
        /* (one run: no clause mark between the two, "饺子煮了二十个，我吃了八个"
         * has its clauses) */
        for (const char *p = made + 6; p < e && amount; p++)
            amount = !clause_mark(t, p) && *p != ' ' && *p != ',';
        if (!amount)
            return 0;
        return (size_t)snprintf(out, size, "%.*s，%s", (int)(e - t), t, e) < size;
    }
    return 0;
}

/* "饺子包了三十个", "包子蒸了十个", "橘子买了一斤": how the food was made or
 * got, between its name and the amount, is read before the name (包了三十个
 * 饺子: the verb left on the name, "饺子包", matched loosely; the clauses
 * after it still see what was made), in out; 1 when done. */
static int zh_made_amount(const char *t, char *out, size_t size)
{
    static const char *const verbs[] = {"做了", "买了", "包了", "蒸了", "煮了", "烤了", "买咗",
                                        "做咗", "蒸咗", "煮咗"};
    if (!text_has_cjk(t))
        return 0;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
        const char *v = strstr(t, verbs[k]);
        /* (a food's name before it, an amount after it) */
        if (!v || v - t < 6 || (unsigned char)v[-3] < 0xE0 || zh_amount_char(v - 3) ||
            clause_mark(t, v - 3) || !zh_amount_char(v + 6))
            continue;
        /* the amount: its numerals and a measure word */
        const char *a = v + 6;
        size_t n;
        while (*a && zh_amount_char(a) && utf8_decode(a, &n) > 0)
            a += n;
        if (!measure_word_at(a, &n))
            continue;
        a += n;
        /* (the amount ends the clause: "妈妈包了二十个饺子" names its food
         * after it, and 妈妈 is no food) */
        if (*a && *a != ' ' && *a != ',' && !clause_mark(t, a))
            continue;
        /* the name: from the clause's start */
        const char *c = t;
        for (const char *p = t; p < v;) {
            size_t m = clause_mark(t, p);
            if (m || *p == ' ' || *p == ',')
                c = p + (m ? m : 1);
            p += m ? m : 1;
        }
        return (size_t)snprintf(out, size, "%.*s%.*s%.*s%s", (int)(c - t), t, (int)(a - v), v,
                                (int)(v - c), c, a) < size;
    }
    return 0;
}

/* "半斤蓮霧 台斤": the 斤 said after the amount to be Taiwan's (600 g), in
 * out as 半台斤; 1 when done. */
static int zh_tai_jin(const char *t, char *out, size_t size)
{
    static const char *const tai[] = {"台斤", "臺斤"};
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '.'))
        n--;
    for (size_t k = 0; k < 2; k++) {
        if (n < 7 || strncmp(t + n - 6, tai[k], 6) != 0)
            continue;
        /* (after a space, a comma or a Chinese comma) */
        size_t sep = t[n - 7] == ' ' || t[n - 7] == ',' ? 1
                     : n >= 9 && !strncmp(t + n - 9, "，", 3) ? 3 : 0;
        if (!sep)
            continue;
        /* the one 斤 of the amount, not of 公斤 */
        const char *jin = NULL;
        int found = 0;
        for (const char *p = strstr(t, "斤"); p && p < t + n - 6 - sep; p = strstr(p + 3, "斤"))
            if (p - t < 3 || (strncmp(p - 3, "公", 3) && strncmp(p - 3, "台", 3) &&
                              strncmp(p - 3, "臺", 3)))
                jin = p, found++;
        if (found != 1)
            return 0;
        return (size_t)snprintf(out, size, "%.*s台%.*s", (int)(jin - t), t,
                                (int)(t + n - 6 - sep - jin), jin) < size;
    }
    return 0;
}

/* "兰州拉面大碗加了份肉", "手抓饼加个蛋", "煮洋芋蘸辣椒面": a Chinese dish and,
 * after it, what was added to it or what it was dipped in (加了份, 加个, 另加,
 * 蘸 ... up to the clause's end or an amount). The dish's text without it in
 * out (what follows kept); 1 when there is such an addition. (Not a name
 * that holds 加: 加多宝, 加州卷.) */
static int zh_added_after(const char *t, char *out, size_t size)
{
    static const char *const adding[] = {"加了一份", "加了一个", "加了份", "加了个", "加一份",
                                         "加一个", "加份", "加个", "另加", "多加", "+加", "加了",
                                         "加", "蘸着", "蘸了", "蘸"};
    if (!text_has_cjk(t))
        return 0;
    const char *at = NULL;
    size_t al = 0;
    for (size_t k = 0; k < sizeof adding / sizeof *adding; k++) {
        const char *p = strstr(t, adding[k]);
        if (p && (!at || p < at)) {
            at = p;
            al = strlen(adding[k]);
        }
    }
    /* after a dish of two characters at least */
    if (!at || at - t < 6 || !at[al])
        return 0;
    /* (no addition: 加热, 加班, 加餐, a name: 加多宝, 加州) */
    static const char *const not_added[] = {"加多宝", "加热", "加班", "加州", "加拿大", "加油站",
                                            "加餐", "加工", "加钙", "加碘", "加糖的", "加湿"};
    for (size_t k = 0; k < sizeof not_added / sizeof *not_added; k++)
        if (!strncmp(at, not_added[k], strlen(not_added[k])))
            return 0;
    /* what was added runs to the clause's end or to an amount after it
     * ("咖啡加奶两杯": the two cups are of the coffee) */
    const char *end = at + al;
    size_t n;
    while (zh_amount_char(end) && utf8_decode(end, &n) > 0)
        end += n;
    if (end > at + al && (unsigned char)*end >= 0x80 && utf8_decode(end, &n) > 0)
        end += n;  /* (the measure word of an amount that opens it: 加两个蛋) */
    int amount_after = 0;
    while (*end && !clause_mark(t, end) && !(amount_after = zh_amount_char(end)))
        end++;
    /* two foods, each with its amount ("豆浆一杯加油条一根"), are two servings */
    for (const char *b = t; amount_after && b < at; b += n ? n : 1) {
        utf8_decode(b, &n);
        if (zh_amount_char(b))
            return 0;
    }
    return (size_t)snprintf(out, size, "%.*s%s", (int)(at - t), t, end) < size;
}

static kmgca_status weigh_message(kmgca_foods *foods, const char *food_text,
                                  const char *serving_text, kmgca_weighing *out,
                                  kmgca_error *err)
{
    char dish[1100];
    int bracket = 0;
    if (out && foods && food_text &&
        ((bracket = zh_added_bracket(food_text, dish, sizeof dish)) ||
         zh_added_after(food_text, dish, sizeof dish))) {
        kmgca_status dst = weigh_line(foods, dish, serving_text, out, err);
        /* (an addition written after the dish is surely no food of its
         * own: the dish fairly named is it) */
        if (dst == KMGCA_OK && out->match.food &&
            out->match.confidence >= (bracket ? 0.9 : KMGCA_LOW_CONFIDENCE)) {
            read_as_part(out);
            appendf(out->how, sizeof out->how, "%s",
                    bracket ? PH_ADDED_LEFT_OUT : PH_ADDED_AFTER_LEFT_OUT);
            return dst;
        }
    }
    kmgca_status st = weigh_line(foods, food_text, serving_text, out, err);
    if (!out || !foods || !food_text)
        return st;
    /* a message whose whole matches no food surely, or only a part of it,
     * or loosely through many words: a clause at a time */
    int loose = st == KMGCA_OK && out->match.confidence < 0.9 &&
                (strstr(out->how, PH_FOOD_READ_AS) || long_message(out->food_text) ||
                 (food_text && long_message(food_text)));
    /* (or a share alone read as the whole line's serving, in a clause of
     * its own: "路过买了袋糖炒栗子，吃了一半" is half the bag, not half a
     * chestnut) */
    loose |= st == KMGCA_OK && out->serving.kind == KMGCA_UNIT_NONE && out->serving.amount > 0 &&
             out->serving.amount < 1 && food_text && (strstr(food_text, "，") || strchr(food_text, ','));
    /* (or what was bought or made, then in a clause of its own what was
     * eaten of it: "橘子买了一斤，吃了三个" is three, not the 斤) */
    int bought_eaten = st == KMGCA_OK && food_text && bought_then_eaten(food_text);
    loose |= bought_eaten;
    /* (not an app's row: its serving has a field of its own, and its name
     * is qualified by commas, not told) */
    if (food_text && out->food_text[0] && strlen(food_text) < 1024 &&
        !(serving_text && serving_text[0]) &&
        (st != KMGCA_OK || out->match.confidence < KMGCA_LOW_CONFIDENCE || loose) &&
        !(st == KMGCA_ERROR_NO_MATCH && not_eaten(foods, after_meal_label(foods, food_text)))) {
        kmgca_error cerr;
        kmgca_status cst;
        kmgca_weighing *alt = malloc(sizeof *alt);
        if (alt && read_clauses(foods, after_meal_label(foods, food_text), serving_text ? serving_text : "",
                                alt, &cst, &cerr) &&
            /* (not an amount written that cannot be weighed for the food,
             * traded for an assumed serving of the same food: "Greek
             * yoghurt, 2 wedges" says why it cannot be weighed) */
            !(st == KMGCA_ERROR_UNIT && alt->serving.kind == KMGCA_UNIT_TYPICAL &&
              alt->match.food == out->match.food) &&
            (st != KMGCA_OK || alt->match.confidence > out->match.confidence ||
             (out->serving_assumed && !alt->serving_assumed) ||
             (bought_eaten && alt->match.food == out->match.food && alt->serving_from_food) ||
             (strstr(alt->how, PH_SHARE_EATEN) && !strstr(out->how, PH_SHARE_EATEN) &&
              alt->match.food == out->match.food))) {
            *out = *alt;
            st = cst;
            if (err)
                kmgca_error_clear(err);
        }
        free(alt);
    }
    /* a measure the dish has none of, written for what went on it ("2 tbsp
     * PB on toast": peanut butter sandwiches have no spoon): the food
     * before "on" or "with", read as a part */
    const char *on = st == KMGCA_ERROR_UNIT && out->match.food ? strstr(out->food_text, " on ")
                                                               : NULL;
    if (!on && st == KMGCA_ERROR_UNIT && out->match.food)
        on = strstr(out->food_text, " with ");
    if (on && on > out->food_text) {
        char first[sizeof out->food_text];
        snprintf(first, sizeof first, "%.*s", (int)(on - out->food_text), out->food_text);
        kmgca_weighing *alt = malloc(sizeof *alt);
        kmgca_error aerr;
        if (alt && weigh_line(foods, first, out->serving_text, alt, &aerr) == KMGCA_OK &&
            alt->match.food && alt->match.confidence >= 0.8) {
            *out = *alt;
            read_as_part(out);
            st = KMGCA_OK;
            if (err)
                kmgca_error_clear(err);
        }
        free(alt);
    }
    /* a chain's product the tables lack ("Wendy's small chili"): the food
     * its other words name, less surely */
    /* ... and one whose whole was read loosely or in part ("Amy's Organic
     * Lentil Soup" was lentils, read from "Amy's Organic Lentil") */
    int loosely = st == KMGCA_OK && out->match.confidence < 0.8;
    char after[1100];
    if ((st == KMGCA_ERROR_NO_MATCH || loosely) && food_text &&
        without_owner_word(food_text, after, sizeof after)) {
        kmgca_weighing *alt = malloc(sizeof *alt);
        kmgca_error aerr;
        if (alt && weigh_line(foods, after, serving_text, alt, &aerr) == KMGCA_OK &&
            alt->match.food &&
            alt->match.confidence >= (loosely ? 0.8 : KMGCA_LOW_CONFIDENCE)) {
            *out = *alt;
            read_as_part(out);
            st = KMGCA_OK;
            if (err)
                kmgca_error_clear(err);
        }
        free(alt);
    }
    /* an app's "Maker - Product" ("Wendy's - Plain Baked Potato", "Hormel -
     * Mary Kitchen Corned Beef Hash"): the product alone, when the whole
     * matches nothing or loosely and the maker is a few words */
    const char *maker = (st == KMGCA_ERROR_NO_MATCH || out->match.confidence < 0.6) && food_text
                           ? strstr(food_text, " - ")
                           : NULL;
    if (maker && maker > food_text && !text_has_cjk(food_text)) {
        int words = 1;
        for (const char *p = food_text; p < maker; p++)
            words += *p == ' ';
        kmgca_weighing *alt = words <= 4 ? malloc(sizeof *alt) : NULL;
        kmgca_error aerr;
        if (alt && weigh_message(foods, maker + 3, serving_text, alt, &aerr) == KMGCA_OK &&
            alt->match.food && alt->match.confidence >= KMGCA_LOW_CONFIDENCE &&
            (st != KMGCA_OK || alt->match.confidence > out->match.confidence)) {
            *out = *alt;
            read_as_part(out);
            st = KMGCA_OK;
            if (err)
                kmgca_error_clear(err);
        }
        free(alt);
    }
    /* a maker's or shop's name in capitals before a food the tables name
     * ("Bolthouse Farms Baby Carrots" was Bolthouse's vegetable juice,
     * "Vita Coco Coconut Water" and "Tim Hortons Honey Cruller" matched
     * nothing or honey): the food its last words name exactly, less surely */
    if ((st == KMGCA_ERROR_NO_MATCH || out->match.confidence < 0.8) && food_text &&
        !text_has_cjk(food_text)) {
        /* (its flavour after a dash aside: "Vita Coco Coconut Water - Original") */
        char named[1024];
        const char *dash = strstr(food_text, " - ");
        if (dash && only_flavour(dash + 3) && (size_t)(dash - food_text) < sizeof named) {
            snprintf(named, sizeof named, "%.*s", (int)(dash - food_text), food_text);
            food_text = named;
        }
        const char *tail = after_brand_words(foods, food_text);
        kmgca_weighing *alt = tail ? malloc(sizeof *alt) : NULL;
        kmgca_error aerr;
        if (alt && weigh_line(foods, tail, serving_text, alt, &aerr) == KMGCA_OK &&
            alt->match.food) {
            *out = *alt;
            read_as_part(out);
            st = KMGCA_OK;
            if (err)
                kmgca_error_clear(err);
        }
        free(alt);
    }
    return st;
}

/* The text after a shop named by numbers that opens it ("7-11茶叶蛋 1颗",
 * "7-11's taquito": no amount), else t itself; only with its hyphen ("711
 * ml milk" is an amount). */
static const char *after_shop(const char *t)
{
    static const char *const shops[] = {"7-11", "7-Eleven", "7-eleven", "7-ELEVEN"};
    for (size_t k = 0; k < sizeof shops / sizeof *shops; k++) {
        size_t n = strlen(shops[k]);
        if (strncmp(t, shops[k], n) != 0 ||
            !(t[n] == ' ' || (unsigned char)t[n] >= 0xE0 || !strncmp(t + n, "'s ", 3)))
            continue;
        t += n;
        if (!strncmp(t, "'s ", 3))
            t += 2;
        if (!strncmp(t, "的", 3))
            t += 3;
        while (*t == ' ')
            t++;
        break;
    }
    return t;
}

/* The text without the spaces around it, in out; 1 when that is one word,
 * with no space inside ("squash", "菠菜") */
static int single_word(const char *t, char *out, size_t size)
{
    copy_text(out, size, t);
    char *n = text_trim(out);
    memmove(out, n, strlen(n) + 1);
    return out[0] && !strchr(out, ' ');
}

/* "bowl of jelly", "1/2 pot of strawberry jelly": jelly served in a bowl,
 * a pot or a cup is the dessert of British and Australian usage (a gelatin
 * dessert), not the American fruit spread, which no one eats by the bowl */
static void jelly_in_a_bowl(kmgca_foods *foods, kmgca_weighing *w)
{
    static const char *const dishes[] = {"bowl", "pot", "cup", "tub", "dish", "ramekin"};
    if (!w->match.food || strcmp(w->match.food->description, "Jellies") != 0 ||
        text_has_cjk(w->food_text))
        return;
    int served = 0;
    for (size_t c = 0; c < sizeof dishes / sizeof *dishes && !served; c++)
        served = strstr(w->serving.unit, dishes[c]) != NULL;
    kmgca_match m;
    if (served && kmgca_foods_match(foods, "gelatin dessert", &m, NULL) == KMGCA_OK && m.food) {
        m.confidence = w->match.confidence;
        w->match = m;
    }
}

/* "A big glass of squash", "a glass of orange": a glass of a fruit or
 * vegetable is its drink (it was spaghetti squash in a glass): "<food>
 * drink", else "<food> juice", when either names a drink surely; of dried
 * fruit too ("a glass of prune"), and of a nut its milk or water ("a glass
 * of coconut"). */
static void glass_of_a_fruit(kmgca_foods *foods, kmgca_weighing *w)
{
    /* (a drinking vessel: a carton or a bottle of grapes is a punnet) */
    static const char *const containers[] = {"glass", "beaker", "tumbler"};
    const char *k = w->match.food ? kmgca_food_kind(w->match.food) : "";
    int nut = !strcmp(k, "nuts");
    if (strcmp(k, "fruit") != 0 && strcmp(k, "vegetable") != 0 && strcmp(k, "dried_fruit") != 0 &&
        !nut)
        return;
    int held = 0;
    for (size_t c = 0; c < sizeof containers / sizeof *containers && !held; c++)
        held = strstr(w->serving.unit, containers[c]) != NULL;
    /* (a pint or a mug of a vegetable named in one word, "a pint of
     * squash", is of the drink too; a pint of cherry tomatoes is a punnet) */
    char one[sizeof w->food_text];
    if (!held && !strcmp(k, "vegetable") && single_word(w->food_text, one, sizeof one))
        held = !strcmp(w->serving.unit, "pint") || strstr(w->serving.unit, "mug") != NULL;
    if (!held || text_has_cjk(w->food_text))
        return;
    /* (a nut's drink is its milk or water: "a glass of coconut") */
    static const char *const drinks[] = {" drink", " juice", " water", " milk"};
    for (size_t d = nut ? 2 : 0; d < (nut ? 4u : 2u); d++) {
        char named[sizeof w->food_text];
        if ((size_t)snprintf(named, sizeof named, "%s%s", w->food_text, drinks[d]) >=
            sizeof named)
            return;
        kmgca_match m;
        if (kmgca_foods_match(foods, named, &m, NULL) == KMGCA_OK && m.food &&
            m.confidence >= 0.8 && strcmp(kmgca_food_kind(m.food), k) != 0) {
            w->match = m;
            copy_text(w->food_text, sizeof w->food_text, named);
            return;
        }
    }
}

/* "a couple of biscuits with my tea": a biscuit had with tea or coffee is
 * the sweet biscuit of British and Australian usage (a digestive), not the
 * American bread biscuit */
static void biscuit_with_tea(kmgca_foods *foods, const char *written, kmgca_weighing *w)
{
    static const char *const drinks[] = {"tea", "cuppa", "coffee", "brew", "cuppas"};
    if (!w->match.food || !written ||
        strncmp(w->match.food->description, "Biscuits, plain or buttermilk", 29) != 0 ||
        text_find_ci(written, "buttermilk") || text_find_ci(written, "gravy"))
        return;
    int with = 0;
    for (size_t d = 0; d < sizeof drinks / sizeof *drinks && !with; d++)
        with = holds_word_ci(written, drinks[d]);
    kmgca_match m;
    if (with && kmgca_foods_match(foods, "digestive", &m, NULL) == KMGCA_OK && m.food) {
        m.confidence = w->match.confidence;
        w->match = m;
    }
}

/* "Boost - Original Nutritional Drink", "Jimmy Dean - Fully Cooked ...
 * Sausage Patties": a variant the text does not ask for (Plus, light,
 * unheated, dough, reduced sugar) gives way to a runner-up of the same
 * kind within 0.1 that is not one (Boost; the patty microwaved) */
/* 1 when a description names a variant the text does not ask for */
static int variant_unasked(const char *description, const char *text)
{
    /* (not salt, fat or sugar words: "tomato sauce" is the no-salt-added
     * can before another sauce, as the tables rank it) */
    static const char *const variants[] = {" plus", " light", " lite", "unheated", "unprepared",
                                           "dough", "reduced sugar", "weight control",
                                           "fat-free", "fat free", "vegetarian",
                                           "without meat", "extra firm", "extra lean"};
    /* (fat-free asked either way it is spelt, or as nonfat) */
    int fat_free_asked = text_find_ci(text, "fat-free") || text_find_ci(text, "fat free") ||
                         text_find_ci(text, "nonfat") || text_find_ci(text, "non-fat");
    for (size_t v = 0; v < sizeof variants / sizeof *variants; v++)
        if (text_find_ci(description, variants[v]) &&
            !text_find_ci(text, variants[v] + (variants[v][0] == ' ')) &&
            !(fat_free_asked && !strncmp(variants[v], "fat", 3)))
            return 1;
    return 0;
}

static void unasked_variant(kmgca_weighing *w)
{
    kmgca_match *m = &w->match;
    if (!m->food || text_has_cjk(w->food_text) || m->method == KMGCA_MATCH_EXACT ||
        !variant_unasked(m->food->description, w->food_text))
        return;
    for (size_t c = 0; c < m->candidate_count; c++) {
        const kmgca_food *f = m->candidates[c];
        /* (a food of the same kind, with no variant unasked) */
        if (!f || m->candidate_confidence[c] < m->confidence - 0.1 ||
            m->candidate_confidence[c] < KMGCA_LOW_CONFIDENCE ||
            strcmp(kmgca_food_kind(f), kmgca_food_kind(m->food)) != 0 ||
            variant_unasked(f->description, w->food_text))
            continue;
        m->candidates[c] = m->food;
        m->candidate_confidence[c] = m->confidence;
        m->food = f;
        return;
    }
}

/* "菠菜一小盘", "菜心半碟": a plate of a vegetable is the dish people cook
 * of it, 清炒 (or 炒) and the name, when kmgca knows that dish surely */
static void plate_of_a_vegetable(kmgca_foods *foods, kmgca_weighing *w)
{
    const char *k = w->match.food ? kmgca_food_kind(w->match.food) : "";
    if ((strcmp(k, "leafy_veg") != 0 && strcmp(k, "vegetable") != 0) ||
        !text_has_cjk(w->food_text) || w->match.confidence < 0.9 ||
        strcmp(w->match.food->source, "TFDA") != 0 ||
        (!strstr(w->serving.unit, "盘") && !strstr(w->serving.unit, "碟")))
        return;
    /* (the vegetable's name alone: a message that says what was done with
     * it, "高麗菜 炒了一盤 我吃三分之一", is read a clause at a time) */
    char name[sizeof w->food_text];
    if (!single_word(w->food_text, name, sizeof name) || strstr(name, "了"))
        return;
    static const char *const cooked[] = {"清炒", "炒"};
    for (size_t c = 0; c < sizeof cooked / sizeof *cooked; c++) {
        char dish[sizeof w->food_text + 8];
        snprintf(dish, sizeof dish, "%s%s", cooked[c], name);
        kmgca_match m;
        if (kmgca_foods_match(foods, dish, &m, NULL) == KMGCA_OK && m.food &&
            m.confidence >= 0.99 && m.food != w->match.food &&
            strcmp(kmgca_food_source(m.food), "recipe") != 0) {
            /* (weighed as the plate of the vegetable it is) */
            w->match = m;
            appendf(w->how, sizeof w->how, PH_PLATE_IS_DISH "%s", dish);
            return;
        }
    }
}

/* "protein shake, 2 scoops", "whey shake 1 scoop": a scoop is of the
 * powder the shake is made from, not of a ready-to-drink shake: "<food>
 * powder" (or its "shake" as "powder") when that names a powder surely */
static void scoop_of_powder(kmgca_foods *foods, kmgca_weighing *w)
{
    if (!w->match.food || !strstr(w->serving.unit, "scoop") ||
        !strcmp(kmgca_food_kind(w->match.food), "powder") || text_has_cjk(w->food_text))
        return;
    char named[sizeof w->food_text];
    const char *shake = text_find_ci(w->food_text, "shake");
    int n = shake ? snprintf(named, sizeof named, "%.*spowder%s", (int)(shake - w->food_text),
                             w->food_text, shake + 5)
                  : snprintf(named, sizeof named, "%s powder", w->food_text);
    if (n < 0 || (size_t)n >= sizeof named)
        return;
    kmgca_match m;
    if (kmgca_foods_match(foods, named, &m, NULL) == KMGCA_OK && m.food && m.confidence >= 0.8 &&
        !strcmp(kmgca_food_kind(m.food), "powder"))
        w->match = m;
}

static kmgca_status weigh_line(kmgca_foods *foods, const char *food_text,
                               const char *serving_text, kmgca_weighing *out, kmgca_error *err)
{
    if (!out)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no result to fill");
    memset(out, 0, sizeof *out);
    out->grams = NAN;
    out->match.confidence = 0;
    if (!foods || !food_text)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food set or food text given");
    if (!serving_text)
        serving_text = "";
    size_t flen = strlen(food_text);
    if (flen > 1000)
        return kmgca_fail(err, KMGCA_ERROR_LIMIT, "food text is %zu bytes; the limit is 1000",
                          flen);
    if (!utf8_valid(food_text, flen))
        return kmgca_fail(err, KMGCA_ERROR_ENCODING, "food text is not valid UTF-8");
    food_text = after_shop(after_clock(after_meal_label(foods, after_clock(food_text))));
    if (not_eaten(foods, food_text)) {
        copy_text(out->food_text, sizeof out->food_text, food_text);
        return kmgca_fail(err, KMGCA_ERROR_NO_MATCH, "\"%.200s\"" PH_NOT_EATEN, food_text);
    }
    char serving[SERVING_MAX], ratio[1100], unsweet[1100];
    /* "tea, milk, 2 sugars": the drink, its sugar left out and said */
    int sugar = text_drink_sugar(food_text, unsweet, sizeof unsweet);
    if (sugar)
        food_text = unsweet;
    /* "1 cup baked acorn squash w a little butter": the food, the little
     * butter left out and said */
    char unadded[1100];
    int little = text_small_addition(food_text, unadded, sizeof unadded);
    if (little)
        food_text = unadded;
    if (text_lean_ratio(food_text, ratio, sizeof ratio) ||
        text_count_of_itself(food_text, ratio, sizeof ratio) ||
        text_drink_milk(food_text, ratio, sizeof ratio))
        food_text = ratio;
    copy_text(serving, sizeof serving, serving_text);
    text_trim(serving);
    copy_text(out->food_text, sizeof out->food_text, food_text);
    text_trim(out->food_text);
    kmgca_status pst = KMGCA_OK;
    kmgca_error perr;
    kmgca_error_clear(&perr);
    if (!serving[0]) {
        kmgca_status fst = serving_in_food(foods, food_text, serving, sizeof serving, out, err);
        if (fst != KMGCA_OK)
            return fst;
        zh_size_in_name(foods, out, serving, sizeof serving);
    } else {
        serving_in_field(food_text, serving, sizeof serving, out);
        /* the serving stands in its field; a size inside the name only
         * blurs it ("Free Range Large Eggs", "2") */
        char size_word[16], plain[sizeof out->food_text];
        kmgca_serving count;
        if (serving_inner_size(out->food_text, size_word, sizeof size_word, plain,
                               sizeof plain) &&
            better_without(foods, out->food_text, plain, 0)) {
            copy_text(out->food_text, sizeof out->food_text, plain);
            /* a bare count takes the size: "2" of "Free Range Small Eggs"
             * is 2 small */
            if (parse_cached(serving, &count, NULL) == KMGCA_OK &&
                count.kind == KMGCA_UNIT_NONE && count.amount > 0 &&
                strlen(serving) + strlen(size_word) + 2 < sizeof serving)
                appendf(serving, sizeof serving, " %s", size_word);
        }
    }
    copy_text(out->serving_text, sizeof out->serving_text, serving);
    serving_weight_state(serving, out->food_text, sizeof out->food_text);
    serving_cup_bracket(serving, sizeof serving);
    char liang[128] = "";
    serving_liang_bracket(serving, sizeof serving, liang, sizeof liang);
    serving_size_bracket(food_text, serving, sizeof serving);
    pst = parse_cached(serving, &out->serving, &perr);
    /* 挂面 is sold and weighed dry: "挂面二两", "挂面 100克" are dry noodles
     * (it was 100 g of cooked ones, under half the noodles) */
    int dry = pst == KMGCA_OK && out->serving.kind == KMGCA_UNIT_MASS &&
              strstr(out->food_text, "挂面") && !strstr(out->food_text, "干") &&
              !strstr(out->food_text, "熟") && !strstr(out->food_text, "煮") &&
              !strstr(out->food_text, "汤") && strlen(out->food_text) + 6 < sizeof out->food_text;
    if (dry) {
        char dry_text[sizeof out->food_text];
        kmgca_match dm;
        snprintf(dry_text, sizeof dry_text, "%s(干)", out->food_text);
        /* (only when the dry noodles are named surely: "鸡蛋挂面(干)" is, as
         * 干鸡蛋挂面; a 挂面 the tables have no dry form of stays) */
        if (kmgca_foods_match(foods, dry_text, &dm, NULL) == KMGCA_OK && dm.food &&
            dm.confidence >= 0.9)
            copy_text(out->food_text, sizeof out->food_text, dry_text);
    }
    kmgca_status st = kmgca_foods_match(foods, out->food_text, &out->match, err);
    int part_read = (st != KMGCA_OK || out->match.confidence < 0.8) &&
                    brand_product(foods, out, &st);
    /* "Premier Protein Shake - Chocolate": the product named exactly, its
     * flavour aside (it was a chocolate milkshake) */
    const char *dash = strstr(out->food_text, " - ");
    kmgca_match nm;
    if (!part_read && dash && (st != KMGCA_OK || out->match.confidence < 0.99) &&
        named_then_flavour(foods, out->food_text, (size_t)(dash - out->food_text), &nm)) {
        out->match = nm;
        out->food_text[dash - out->food_text] = '\0';
        st = KMGCA_OK;
        part_read = 1;
    }
    if (!part_read && (st != KMGCA_OK || out->match.confidence < KMGCA_LOW_CONFIDENCE))
        part_read = food_among_chatter(foods, out, &st);
    if (!part_read && (st != KMGCA_OK || out->match.confidence < KMGCA_LOW_CONFIDENCE))
        part_read = product_head(foods, out, &st);
    if (st != KMGCA_OK)
        return st;
    if (pst != KMGCA_OK) {
        if (err)
            *err = perr;
        return pst;
    }
    /* "担担面 1碗(二两)": a dish shops sell by the 两 of its noodles is
     * weighed by the 两 in the bracket, not as 100 g of the dish */
    kmgca_serving by_liang;
    double liang_grams;
    char liang_how[sizeof out->how];
    if (liang[0] && out->match.food && out->match.food->recipe_count &&
        parse_cached(liang, &by_liang, NULL) == KMGCA_OK &&
        kmgca_serving_grams(out->match.food, &by_liang, &liang_grams, liang_how,
                            sizeof liang_how, NULL) == KMGCA_OK &&
        fabs(liang_grams - out->serving.amount) > 1)
        out->serving = by_liang;
    unasked_variant(out);
    biscuit_with_tea(foods, food_text, out);
    glass_of_a_fruit(foods, out);
    jelly_in_a_bowl(foods, out);
    scoop_of_powder(foods, out);
    int canned = canned_for_a_can(foods, out);
    out->serving_assumed = out->serving.kind == KMGCA_UNIT_TYPICAL || out->serving.estimated;
    kmgca_serving_take_detail(&out->serving, out->food_text);
    name_of_the_food(foods, out);
    if (measure_named_exactly(out->match.food, serving, &out->grams, out->how,
                              sizeof out->how))
        st = KMGCA_OK;
    else if (named_measure(out->match.food, food_text, &out->serving, &out->grams, out->how,
                           sizeof out->how))
        st = KMGCA_OK;
    else
        st = kmgca_serving_grams(out->match.food, &out->serving, &out->grams, out->how,
                                 sizeof out->how, err);
    /* "a few fries", "几个薯条": a few of a food that has no piece, only a
     * serving (60 g or more each), is one serving, not three */
    if (st == KMGCA_OK && out->serving.kind == KMGCA_UNIT_NONE && out->serving.amount > 1 &&
        (!strcmp(out->serving.note, PH_A_FEW_READ) ||
         !strcmp(out->serving.note, PH_ZH_A_FEW_READ)) &&
        out->grams / out->serving.amount >= 60 &&
        (strstr(out->how, PH_X_TYPICAL_SERVING) || strstr(out->how, "measure \"serving") ||
         strstr(out->how, "\"Quantity not specified\""))) {
        kmgca_serving one;
        double g;
        char how[sizeof out->how - sizeof PH_A_FEW_SERVING - 4];
        if (kmgca_serving_parse(NULL, &one, NULL) == KMGCA_OK &&
            kmgca_serving_grams(out->match.food, &one, &g, how, sizeof how, NULL) == KMGCA_OK) {
            out->grams = g;
            out->serving.estimated = 1;
            snprintf(out->how, sizeof out->how, "%s (" PH_A_FEW_SERVING ")", how);
        }
    }
    /* "15 tortilla chips" of a food with no piece size: six or more of its
     * typical servings is surely a count of small pieces kmgca cannot weigh
     * (it was 15 servings, 450 g): the row goes to review, said */
    if (st == KMGCA_OK && out->serving.kind == KMGCA_UNIT_NONE && out->serving.amount >= 6 &&
        strstr(out->how, PH_X_TYPICAL_SERVING)) {
        char amt[32];
        snprintf(amt, sizeof amt, "%.10g", out->serving.amount);
        st = kmgca_fail(err, KMGCA_ERROR_UNIT,
                        "%s of \"%s\": kmgca knows no size for one piece of it, only a typical "
                        "serving (%.0f g), and %s servings is unlikely; give grams",
                        amt, kmgca_food_description(out->match.food),
                        out->grams / out->serving.amount, amt);
        out->grams = NAN;
    }
    /* "California roll x8", "sushi roll 6": a count of a food weighed by
     * the whole (a roll, 200 g) that would weigh over a kilogram, when the
     * food has a piece a fifth of that or less, is a count of its pieces */
    if (st == KMGCA_OK && out->serving.kind == KMGCA_UNIT_NONE && out->serving.amount >= 5 &&
        out->grams > 1000 && !text_has_cjk(out->food_text)) {
        kmgca_serving pieces = out->serving;
        pieces.kind = KMGCA_UNIT_PORTION;
        copy_text(pieces.unit, sizeof pieces.unit, "piece");
        pieces.name[0] = '\0';
        double g;
        char how[sizeof out->how - sizeof PH_COUNT_OF_PIECES - 4];
        if (kmgca_serving_grams(out->match.food, &pieces, &g, how, sizeof how, NULL) ==
                KMGCA_OK &&
            g * 5 <= out->grams && strstr(how, "household measure")) {
            out->grams = g;
            out->serving.estimated = 1;
            out->serving_assumed = 1;
            snprintf(out->how, sizeof out->how, "%s (" PH_COUNT_OF_PIECES ")", how);
        }
    }
    /* a share of a whole pizza, unless the text names a piece or a small
     * one ("half a pizza slice", "half a personal pizza"): then of a slice */
    static const char *const pieces[] = {"slice", "piece", "personal", "mini", "individual",
                                         "bite", "square", "wedge"};
    int piece_named = 0;
    for (size_t k = 0; k < sizeof pieces / sizeof *pieces && !piece_named; k++)
        piece_named = text_holds_ci(out->food_text, pieces[k]);
    if (st == KMGCA_OK && piece_named && strstr(out->how, PH_OF_THE_WHOLE)) {
        kmgca_serving slice = out->serving;
        slice.kind = KMGCA_UNIT_PORTION;
        copy_text(slice.unit, sizeof slice.unit, "slice");
        st = kmgca_serving_grams(out->match.food, &slice, &out->grams, out->how, sizeof out->how,
                                 err);
    }
    if (st == KMGCA_OK && canned)
        appendf(out->how, sizeof out->how, "%s", PH_CANNED_FOR_A_CAN);
    /* "half a tin of kidney beans, drained": a tin of beans or vegetables
     * weighed by the tin's net weight, drained, is what is left of it (not
     * when a USDA measure weighs the can: it says drained or not) */
    if (st == KMGCA_OK && out->match.food && isfinite(out->grams) &&
        (holds_word_ci(food_text, "drained") || holds_word_ci(food_text, "rinsed")) &&
        !text_find_ci(food_text, "not drained") && !text_find_ci(food_text, "not rinsed") &&
        (!strcmp(kmgca_food_kind(out->match.food), "legume") ||
         !strcmp(kmgca_food_kind(out->match.food), "vegetable")) &&
        tin_measured(out->serving.unit) && !text_find_ci(out->how, "USDA household measure")) {
        out->grams *= 0.6;
        out->serving.estimated = 1;
        out->serving_assumed = 1;
        appendf(out->how, sizeof out->how, "%s", PH_DRAINED_TIN);
    }
    if (st == KMGCA_OK && sugar)
        appendf(out->how, sizeof out->how, "%s", PH_DRINK_SUGAR);
    if (st == KMGCA_OK && little)
        appendf(out->how, sizeof out->how, "%s", PH_SMALL_ADDITION);
    /* a share of a typical serving ("1 chili", "small chili") was assumed
     * as much as one with no amount */
    if (st == KMGCA_OK && strstr(out->how, PH_X_TYPICAL_SERVING)) {
        out->serving.estimated = 1;
        out->serving_assumed = 1;
    }
    /* Only a part of "Brand - Product" was read: say which. */
    if (st == KMGCA_OK && part_read)
        appendf(out->how, sizeof out->how, PH_FOOD_READ_AS "\"%s\"", out->food_text);
    /* "Four'N Twenty - Traditional Meat Pie", 1 pie: a savoury pie counted
     * is one pie as sold (the name's item, 175 g), not the table's family
     * pie (715 g) */
    if (st == KMGCA_OK && out->match.food && out->serving.kind == KMGCA_UNIT_PORTION &&
        (!strcmp(out->serving.unit, "pie") || !strcmp(out->serving.unit, "pies")) &&
        !strcmp(kmgca_food_kind(out->match.food), "mixed_dish") && out->serving.amount <= 6) {
        char count[32];
        kmgca_weighing one;
        kmgca_error oerr;
        snprintf(count, sizeof count, "%.10g", out->serving.amount);
        if (weigh_shared(foods, out->food_text, count, &one, &oerr) == KMGCA_OK &&
            one.match.food == out->match.food && one.grams < out->grams / 2) {
            copy_text(one.serving_text, sizeof one.serving_text, out->serving_text);
            *out = one;
        }
    }
    /* "2 heaped teaspoons of milo": spoons of a drink made up from a
     * powder are of the powder (the table's row before ", prepared with"),
     * not of the drink */
    /* (or a few grams of it: "Nestle - Milo, 3 heaped teaspoons (20g)") */
    if (st == KMGCA_OK && out->match.food &&
        ((out->serving.kind == KMGCA_UNIT_VOLUME &&
          (!strcmp(out->serving.unit, "tsp") || !strcmp(out->serving.unit, "tbsp") ||
           !strcmp(out->serving.unit, "T"))) ||
         (out->serving.kind == KMGCA_UNIT_MASS &&
          out->serving.amount * out->serving.unit_factor <= 50))) {
        const char *d = kmgca_food_description(out->match.food);
        const char *prep = strstr(d, ", prepared with");
        char powder[256];
        kmgca_weighing pw;
        kmgca_error pwerr;
        if (prep && (strstr(d, "powder") || strstr(d, "mix")) &&
            (size_t)(prep - d) < sizeof powder) {
            snprintf(powder, sizeof powder, "%.*s", (int)(prep - d), d);
            kmgca_match dm;
            /* (the serving as read, weighed as the powder: the line may
             * hold it in the food's text, "2 teaspoons of milo") */
            if (kmgca_foods_match(foods, powder, &dm, NULL) == KMGCA_OK && dm.food &&
                dm.food != out->match.food && dm.confidence >= 0.99) {
                pw = *out;
                pw.match = dm;
                pw.match.confidence = out->match.confidence;
                if (kmgca_serving_grams(dm.food, &pw.serving, &pw.grams, pw.how, sizeof pw.how,
                                        &pwerr) == KMGCA_OK) {
                    appendf(pw.how, sizeof pw.how, "%s", PH_SPOONS_OF_POWDER);
                    *out = pw;
                }
            }
        }
    }
    /* A bare number after a food is a count only when it makes sense:
     * "banana 120", "牛奶 250" are 120 g and 250 ml as diaries write them,
     * not 14 kg of bananas; read so and marked assumed, the count said.
     * Past 3 kg, under 20 or not whole ("12.30"), it is refused. */
    if (st == KMGCA_OK && out->serving_from_food && out->serving.kind == KMGCA_UNIT_NONE &&
        out->serving.amount > 12 && out->grams > 1000) {
        double count = out->serving.amount, grams = out->grams;
        int ml = watery(out->match.food);
        char as_unit[64], how[sizeof out->how - 160];
        kmgca_serving unit;
        double g;
        snprintf(as_unit, sizeof as_unit, "%.10g %s", count, ml ? "ml" : "g");
        /* (a whole number of 20 or more: "12.30" is a clock, and so is a
         * 24-hour time of four digits, "1530") */
        int hhmm = count >= 1000 && count <= 2359 && fmod(count, 100) < 60;
        if (count >= 20 && count <= 3000 && count == floor(count) && !hhmm &&
            kmgca_serving_parse(as_unit, &unit, NULL) == KMGCA_OK &&
            kmgca_serving_grams(out->match.food, &unit, &g, how, sizeof how, NULL) == KMGCA_OK) {
            out->serving = unit;
            out->serving.estimated = 1;
            out->serving_assumed = 1;
            out->grams = g;
            snprintf(out->how, sizeof out->how, "%s%s%.10g x = %.0f g)", how,
                     ml ? PH_BARE_ML : PH_BARE_GRAMS, count, grams);
            return st;
        }
        out->grams = NAN;
        out->how[0] = '\0';
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT,
                          "\"%s\" with no unit reads as %.10g pieces, %.0f g: write the unit "
                          "(\"%.10g g\"?)",
                          out->serving_text, count, grams, count);
    }
    return st;
}

/* ---- A line of several foods ------------------------------------------------ */

/* text[from, to) cut into its serving (lead) and its food (rest), as
 * kmgca_serving_split does: what it returns, or -1 when the part is too
 * long to read (then lead and rest are empty). */
static int part_food(const char *text, size_t from, size_t to, char *lead, size_t lead_size,
                     char *rest, size_t rest_size)
{
    char part[1024];
    lead[0] = rest[0] = '\0';
    if (to - from >= sizeof part)
        return -1;
    memcpy(part, text + from, to - from);
    part[to - from] = '\0';
    /* without the word that joined it to the next ("a cuppa and") */
    size_t n = strlen(part);
    while (n && (part[n - 1] == ' ' || part[n - 1] == ','))
        part[--n] = '\0';
    if (n > 4 && !strcasecmp(part + n - 4, " and"))
        part[n - 4] = '\0';
    else if (n > 5 && (!strcasecmp(part + n - 5, " plus") || !strcasecmp(part + n - 5, " with")))
        part[n - 5] = '\0';
    return kmgca_serving_split(part, lead, lead_size, rest, rest_size);
}

/* 1 when text[from, to) names a food kmgca matches well, its serving cut out */
static int part_names_food(kmgca_foods *foods, const char *text, size_t from, size_t to)
{
    char lead[SERVING_MAX], rest[1024];
    if (part_food(text, from, to, lead, sizeof lead, rest, sizeof rest) < 0)
        return 0;
    /* a short word of how it was made, with no serving, is no food:
     * "无糖", "少盐", "不加糖", "微辣" after a drink or a dish */
    static const char *const how_made[] = {"无", "不", "少", "去", "免", "加", "半", "微", "多"};
    size_t chars = 0;
    for (const char *p = rest; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    for (size_t k = 0; !lead[0] && chars <= 3 && k < sizeof how_made / sizeof *how_made; k++)
        if (!strncmp(rest, how_made[k], strlen(how_made[k])))
            return 0;
    kmgca_match m;
    if (!rest[0]) {
        /* "a cuppa": a measure word that is a drink or a food */
        kmgca_serving s;
        return lead[0] && kmgca_serving_parse(lead, &s, NULL) == KMGCA_OK &&
               s.kind == KMGCA_UNIT_PORTION &&
               (unit_names_food(foods, s.unit) ||
                (kmgca_foods_match(foods, s.unit, &m, NULL) == KMGCA_OK && m.food &&
                 m.confidence >= 0.9));
    }
    if (kmgca_foods_match(foods, rest, &m, NULL) == KMGCA_OK && m.food &&
        m.confidence >= KMGCA_LOW_CONFIDENCE)
        return 1;
    /* "brown toast, a real treat for a Tuesday": the food before the chatter */
    char first[1024];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(rest, ","), rest);
    if (rest[strlen(first)] && first[0] &&
        kmgca_foods_match(foods, first, &m, NULL) == KMGCA_OK && m.food &&
        m.confidence >= KMGCA_LOW_CONFIDENCE)
        return 1;
    /* "Knocked back about 3 litres of water on site today" */
    const char *v = after_verb(rest);
    return v && kmgca_foods_match(foods, v, &m, NULL) == KMGCA_OK && m.food &&
           m.confidence >= KMGCA_LOW_CONFIDENCE;
}


static const char *after_meal_label(kmgca_foods *label_foods, const char *t);

/* 1 when text holds the words of name at a word's start and end, case aside
 * ("Avocado - Raw" holds "avocado"; "Pineapple" does not hold "apple"). */
static int holds_words(const char *text, const char *name)
{
    size_t n = strlen(name);
    if (!n)
        return 0;
    for (const char *p = text; *p; p++)
        if (!strncasecmp(p, name, n) && (p == text || !isalnum((unsigned char)p[-1])) &&
            !isalnum((unsigned char)p[n]))
            return 1;
    return 0;
}

/* The food text[from, to) names surely (0.85), its serving cut out ("2
 * Weetabix", "warm milk"), with the match in *m; NULL for "150g", "baked",
 * "half". */
static const kmgca_food *food_surely(kmgca_foods *foods, const char *text, size_t from,
                                     size_t to, char *rest, size_t rest_size, kmgca_match *m)
{
    char part[1024], lead[SERVING_MAX], bare[1024];
    if (to - from >= sizeof part)
        return NULL;
    memcpy(part, text + from, to - from);
    part[to - from] = '\0';
    /* "2 glasses of wine after": the preposition left hanging says when */
    kmgca_serving_split(without_hanging(after_meal_label(foods, part), bare, sizeof bare), lead,
                        sizeof lead, rest, rest_size);
    /* "mango, half": a size or share alone is no food ("half" and half) */
    static const char *const shares[] = {"half", "a half", "quarter", "small", "medium",
                                         "large", "whole"};
    for (size_t k = 0; k < sizeof shares / sizeof *shares; k++)
        if (!strcasecmp(rest, shares[k]))
            return NULL;
    return rest[0] && kmgca_foods_match(foods, rest, m, NULL) == KMGCA_OK && m->food &&
                   m->confidence >= 0.85
               ? m->food
               : NULL;
}

/* The food text[from, to) names surely (food_surely), or its measure word
 * names when that is all it is ("a cuppa", "a biscuit"); NULL when none. */
static const kmgca_food *part_surely(kmgca_foods *foods, const char *text, size_t from,
                                     size_t to)
{
    char name[1024], lead[SERVING_MAX], rest[1024];
    kmgca_match m;
    const kmgca_food *f = food_surely(foods, text, from, to, name, sizeof name, &m);
    kmgca_serving s;
    if (!f && part_food(text, from, to, lead, sizeof lead, rest, sizeof rest) >= 0 && !rest[0] &&
        lead[0] && kmgca_serving_parse(lead, &s, NULL) == KMGCA_OK &&
        s.kind == KMGCA_UNIT_PORTION && kmgca_foods_match(foods, s.unit, &m, NULL) == KMGCA_OK &&
        m.food && m.confidence >= KMGCA_LOW_CONFIDENCE)
        f = m.food;
    return f;
}

/* 1 when text before end writes an amount: a digit or "a", "an", "one" as
 * a word */
static int amount_written_before(const char *text, const char *end)
{
    char part[1024];
    if ((size_t)(end - text) >= sizeof part)
        return 0;
    snprintf(part, sizeof part, "%.*s", (int)(end - text), text);
    return amount_written(part);
}

/* 1 when a few words before " and " at text[i] and a few after it (from
 * next) name a dish exactly: "beef and broccoli", "fish and chips" */
static int and_names_dish(kmgca_foods *foods, const char *text, size_t i, size_t next)
{
    size_t starts[3], ends[3], ns = 0, ne = 0;
    for (size_t p = i; p > 0 && ns < 3;) {
        while (p > 0 && text[p - 1] != ' ' && text[p - 1] != ',')
            p--;
        starts[ns++] = p;
        if (p == 0 || text[p - 1] == ',')
            break;
        p--;
    }
    for (size_t p = next; text[p] && ne < 3;) {
        while (text[p] && text[p] != ' ' && text[p] != ',')
            p++;
        ends[ne++] = p;
        if (text[p] != ' ')
            break;
        p++;
    }
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < ne; b++) {
            char dish[256];
            kmgca_match m;
            if (ends[b] - starts[a] >= sizeof dish)
                continue;
            snprintf(dish, sizeof dish, "%.*s", (int)(ends[b] - starts[a]), text + starts[a]);
            if (kmgca_foods_match(foods, dish, &m, NULL) != KMGCA_OK ||
                m.method != KMGCA_MATCH_EXACT)
                continue;
            /* a dish of both sides, not one side's food again ("apple and a") */
            char side[256];
            kmgca_match l, r;
            snprintf(side, sizeof side, "%.*s", (int)(i - starts[a]), text + starts[a]);
            int left = kmgca_foods_match(foods, side, &l, NULL) == KMGCA_OK && l.food == m.food;
            snprintf(side, sizeof side, "%.*s", (int)(ends[b] - next), text + next);
            int right = kmgca_foods_match(foods, side, &r, NULL) == KMGCA_OK && r.food == m.food;
            if (!left && !right)
                return 1;
        }
    return 0;
}

/* Words of how a food was made before "with": what follows went into it
 * ("a cake made with 2 eggs", "chicken fried with onions"). */
static const char *const made_with[] = {"made",   "cooked",    "prepared",  "mixed",    "blended",
                                        "filled", "done",      "baked",     "fried",    "stuffed",
                                        "sweetened", "flavoured", "flavored", "coated", "covered",
                                        "dipped", "drizzled",  "sprinkled"};

/* 1 when the word before with_at is one of made_with (or, with `served`,
 * "topped" or "served" too). */
static int made_before(const char *text, const char *with_at, int served)
{
    static const char *const serving[] = {"topped", "served"};
    const char *w = with_at;
    while (w > text && w[-1] != ' ')
        w--;
    size_t n = (size_t)(with_at - w);
    return word_among(w, n, made_with, sizeof made_with / sizeof *made_with) ||
           (served && word_among(w, n, serving, sizeof serving / sizeof *serving));
}

/* "X with <amount> Y" at with_at: 1 when X and Y are two foods eaten ("2
 * eggs with 2 slices of toast"), not a dish and what went into it ("1
 * omelette with 3 eggs", "a smoothie with 2 bananas", "a sandwich with 2
 * slices of ham", "a cake made with 2 eggs") */
static int with_two_foods(kmgca_foods *foods, const char *text, const char *with_at)
{
    if (made_before(text, with_at, 1))
        return 0;
    static const char *const dishes[] = {"sandwich", "mixed_dish", "soup", "salad", "cake",
                                         "pizza", "dessert", "soft_drink", "dumpling"};
    char left[1024], right[1024], lead[SERVING_MAX], food[1024];
    snprintf(left, sizeof left, "%.*s", (int)(with_at - text), text);
    snprintf(right, sizeof right, "%.*s", (int)strcspn(with_at + 6, ",;"), with_at + 6);
    kmgca_match lm, rm;
    kmgca_serving one;
    if (kmgca_serving_split(left, lead, sizeof lead, food, sizeof food) != 1)
        return 1;
    if (!food[0] && kmgca_serving_parse(lead, &one, NULL) == KMGCA_OK)
        copy_text(food, sizeof food, one.unit);   /* "1 sandwich": the unit is the food */
    if (!food[0] || kmgca_foods_match(foods, food, &lm, NULL) != KMGCA_OK || !lm.food)
        return 1;
    const char *lk = kmgca_food_kind(lm.food);
    for (size_t k = 0; k < sizeof dishes / sizeof *dishes; k++)
        if (!strcmp(lk, dishes[k]))
            return 0;
    if (kmgca_serving_split(right, lead, sizeof lead, food, sizeof food) == 1 && food[0] &&
        kmgca_foods_match(foods, food, &rm, NULL) == KMGCA_OK && rm.food &&
        !strcmp(kmgca_food_kind(rm.food), lk))
        return 0;   /* of its own kind: the omelette's eggs */
    return 1;
}

/* "X with Y" at with_at (not two foods by amounts, with_two_foods): 1 when Y is a food
 * eaten beside X, not what went into it or onto it ("chicken tikka masala
 * with rice", "cornflakes with semi skimmed milk", "porridge with a
 * banana", "salmon with broccoli"; not "toast with butter", "tea with
 * milk", "a ham sandwich with lettuce", "a smoothie with a banana", "a cake
 * made with eggs"): X and Y each named surely, of other kinds, Y of a kind
 * eaten beside X's (the table below); *left_food then X's food. */
static int side_with(kmgca_foods *foods, const char *text, const char *with_at,
                     const kmgca_food **left_food)
{
    if (made_before(text, with_at, 0))
        return 0;
    size_t to = (size_t)(with_at - text), next = to + 6;
    size_t end = next + strcspn(text + next, ",;");
    /* (one food after it: "with rice and peas" stays the dish's own) */
    for (const char *p = text + next; p < text + end; p++)
        if (!strncasecmp(p, " and ", 5) || *p == '&' || *p == '+')
            return 0;
    const kmgca_food *left = part_surely(foods, text, 0, to);
    const kmgca_food *right = left ? part_surely(foods, text, next, end) : NULL;
    if (!right || right == left)
        return 0;
    /* (a dish that holds it already: "beef stew with potatoes" is FNDDS's
     * "Beef stew with potatoes", "overnight oats with milk" its oatmeal
     * made with milk) */
    for (const char *r = text + next; r < text + end;) {
        while (r < text + end && !isalpha((unsigned char)*r))
            r++;
        size_t n = 0;
        while (r + n < text + end && isalpha((unsigned char)r[n]))
            n++;
        char stem[32];
        if (n >= 4 && n < sizeof stem) {
            memcpy(stem, r, n);
            stem[n] = '\0';
            if (n > 4 && stem[n - 1] == 's')
                stem[--n] = '\0';
            if (n > 4 && stem[n - 1] == 'e' && stem[n - 2] == 'o')
                stem[--n] = '\0';   /* potatoes, tomatoes */
            if (text_find_ci(left->description, stem))
                return 0;
        }
        r += n ? n : 1;
    }
    *left_food = left;
    const char *lk = kmgca_food_kind(left), *rk = kmgca_food_kind(right);
    if (text_find_ci(right->description, "french fr"))
        rk = "potato";   /* (the tables' fast-food fries are a dish) */
    if (!strcmp(lk, rk))
        return 0;
    /* what is eaten beside what: a starch beside most foods (not in a
     * sandwich, a pizza, a salad or dumplings); milk, fruit, nuts or
     * yoghurt with cereal or yoghurt; vegetables or beans beside meat, fish
     * or poultry; cheese with crackers, bread or fruit */
    static const struct {
        const char *right, *lefts;   /* lefts: "|"-joined kinds, "" any but filled ones */
    } sides[] = {
        {"rice", ""}, {"bread", ""}, {"potato", ""}, {"noodles", ""}, {"crisps", ""},
        {"milk", "cereal_rte|hot_cereal"},
        {"fruit", "cereal_rte|hot_cereal|yogurt"}, {"dried_fruit", "cereal_rte|hot_cereal|yogurt"},
        {"nuts", "cereal_rte|hot_cereal|yogurt"}, {"yogurt", "cereal_rte|hot_cereal|fruit"},
        {"cheese", "cookie|bread|fruit"},
        {"vegetable", "meat|poultry|fish|shellfish"}, {"leafy_veg", "meat|poultry|fish|shellfish"},
        {"legume", "meat|poultry|fish|shellfish"}};
    static const char *const filled[] = {"sandwich", "pizza", "salad", "dumpling", "soft_drink"};
    for (size_t k = 0; k < sizeof sides / sizeof *sides; k++) {
        if (strcmp(rk, sides[k].right) != 0)
            continue;
        if (sides[k].lefts[0]) {
            char kinds[64];
            snprintf(kinds, sizeof kinds, "|%s|", sides[k].lefts);
            char mine[40];
            snprintf(mine, sizeof mine, "|%s|", lk);
            return strstr(kinds, mine) != NULL;
        }
        /* (chips or crisps beside a sandwich, a burger or a pizza are a
         * food of their own: a meal deal) */
        int chips = !strcmp(rk, "potato") || !strcmp(rk, "crisps");
        for (size_t j = chips ? 2 : 0; j < sizeof filled / sizeof *filled; j++)
            if (!strcmp(lk, filled[j]))
                return 0;
        return 1;
    }
    return 0;
}

/* An English line of foods joined by "&", "+", " and ", " plus ", a comma
 * or a semicolon ("cheeseburger & fries", "chicken tikka masala + rice", "2
 * Weetabix, warm milk") that matches no food well as a whole, or by "and"
 * or "with" with an amount on each side ("a cuppa and a couple of
 * digestives", "2 eggs with 2 slices of toast"): where its parts begin
 * (the first 0), how many. A name that holds the joiner ("mac and cheese",
 * "fish & chips", "the beef and broccoli") matches as a whole. */
static int english_parts(kmgca_foods *foods, const char *text, size_t *at, int max)
{
    char lead[SERVING_MAX], rest[1024];
    kmgca_match m;
    /* most lines join nothing: no match is asked for them */
    /* "two kippers with a bit of brown toast": an amount on each side of
     * "with" makes two foods */
    const char *with_at = NULL;
    for (const char *p = text; *p && !with_at; p++)
        if (!strncasecmp(p, " with ", 6) && amount_opens(p + 6) &&
            amount_written_before(text, p))
            with_at = p;
    if (with_at && !with_two_foods(foods, text, with_at))
        with_at = NULL;
    /* ... or a food eaten beside it, no amount of it written ("chicken
     * tikka masala with rice") */
    const char *side_at = NULL;
    const kmgca_food *side_left = NULL;
    for (const char *p = text; *p && !with_at && !side_at; p++)
        if (!strncasecmp(p, " with ", 6))
            side_at = p;
    if (side_at && !side_with(foods, text, side_at, &side_left))
        side_at = NULL;
    if (side_at)
        with_at = side_at;
    int joined = strpbrk(text, "&+") || text_holds_ci(text, " and ") ||
                 text_holds_ci(text, " plus ") || with_at;
    int listed = strpbrk(text, ",;") != NULL;
    if (strlen(text) >= sizeof rest || (!joined && !listed))
        return 1;
    int two = kmgca_serving_split(text, lead, sizeof lead, rest, sizeof rest) == 2;
    double whole = kmgca_foods_match(foods, rest, &m, NULL) == KMGCA_OK && m.food
                       ? m.confidence
                       : 0;
    /* a name that holds the joiner matches well as a whole, unless two
     * servings stand in the line ("an apple and a few almonds" is no
     * granola of apple and almonds); a list of foods may match its first
     * one well, but no name exactly */
    /* "a cuppa and a couple of digestives": an amount opens each side */
    const char *and_at = NULL;
    for (const char *p = text; *p && !and_at; p++)
        if (!strncasecmp(p, " and ", 5))
            and_at = p;
    int amounts = and_at && amount_opens(and_at + 5) && amount_written_before(text, and_at);
    /* "cuppa and a biscuit", "coffee and a muffin": a food named surely
     * alone, then another of another kind with its amount (a biscuit is no
     * measure of tea), whatever the whole matches */
    int apart = 0;
    if (and_at && !amounts && amount_opens(and_at + 5)) {
        size_t to = (size_t)(and_at - text), next = to + 5;
        const kmgca_food *left = part_surely(foods, text, 0, to);
        const kmgca_food *right =
            left ? part_surely(foods, text, next, next + strcspn(text + next, ",;")) : NULL;
        /* (nor what was added to it: "tea with milk and 1 sugar", "toast
         * and a little butter") */
        static const char *const added[] = {"sugar", "spice", "sauce", "oil", "spread"};
        int addition = 0;
        for (size_t k = 0; right && k < sizeof added / sizeof *added && !addition; k++)
            addition = !strcmp(kmgca_food_kind(right), added[k]);
        apart = right && right != left && !addition &&
                strcmp(kmgca_food_kind(left), kmgca_food_kind(right)) != 0;
    }
    /* (a side: the whole matched as its first food alone is no dish of
     * both, "bowl of cornflakes with semi skimmed milk") */
    joined = joined && (whole < KMGCA_LOW_CONFIDENCE || ((two || amounts) && whole < 0.99) ||
                        text_holds_ci(text, " plus ") || (with_at && whole < 0.99) || apart ||
                        (side_at && m.food == side_left));
    listed = listed && whole < 0.99;
    if (!joined && !listed)
        return 1;
    int n = 1;
    at[0] = 0;
    for (size_t i = 1; text[i] && n < max; i++) {
        size_t skip = 0;
        int mark = text[i] == ',' || text[i] == ';';
        if (joined && (text[i] == '&' || text[i] == '+'))
            skip = 1;
        else if (joined && !strncasecmp(text + i, " and ", 5))
            skip = 5;
        else if (joined && !strncasecmp(text + i, " plus ", 6))
            skip = 6;
        else if (joined && with_at && text + i == with_at)
            skip = 6;
        else if (listed && mark)
            skip = 1;
        if (!skip)
            continue;
        size_t next = i + skip;
        while (text[next] == ' ')
            next++;
        if (!text[next])
            break;
        if ((skip == 5 || (text[i] == '&' && i > 0 && text[i - 1] == ' ')) &&
            and_names_dish(foods, text, text[i] == '&' ? i - 1 : i, next))
            continue;   /* "a cup of the beef and broccoli", "split pea & ham soup" */
        /* a comma cuts between two foods each named surely or with its
         * serving ("2 Weetabix, warm milk"), not before how one was made
         * ("Bananas, raw", "chicken breast, grilled") */
        if (mark) {
            /* ... and not the same food again with its serving ("Avocado -
             * Raw, 0.5 avocado") */
            size_t to = next + strcspn(text + next, ",;");
            char left_name[1024], right_name[1024], left_text[1024];
            kmgca_match lm, rm, bm;
            const kmgca_food *left =
                food_surely(foods, text, at[n - 1], i, left_name, sizeof left_name, &lm);
            const kmgca_food *right =
                left ? food_surely(foods, text, next, to, right_name, sizeof right_name, &rm)
                     : NULL;
            snprintf(left_text, sizeof left_text, "%.*s", (int)(i - at[n - 1]), text + at[n - 1]);
            if (!right || right == left || holds_words(left_text, right_name))
                continue;
            /* nor before a word that says which of it ("Bread, white",
             * "Tuna, in water", "Tea, milk", "Oats, Old Fashioned"): the two
             * together name the same food, or a food as surely as the first
             * alone */
            char both[1024];
            snprintf(both, sizeof both, "%.*s", (int)(to - at[n - 1]), text + at[n - 1]);
            if (kmgca_foods_match(foods, after_meal_label(foods, both), &bm, NULL) == KMGCA_OK &&
                bm.food &&
                ((bm.food == lm.food && bm.confidence >= 0.8) || bm.confidence >= lm.confidence))
                continue;
        }
        at[n++] = next;
        i = next - 1;
    }
    return n;
}

/* 1 when text[from, to) has a serving, or names its food surely (0.85),
 * as a food listed alone must. */
static int surely_named(kmgca_foods *foods, const char *text, size_t from, size_t to)
{
    char lead[SERVING_MAX], rest[1024];
    int found = part_food(text, from, to, lead, sizeof lead, rest, sizeof rest);
    if (found)
        return found > 0;
    kmgca_match m;
    return kmgca_foods_match(foods, rest, &m, NULL) == KMGCA_OK && m.food &&
           m.confidence >= 0.85;
}

/* 1 when the two food texts written together are one dish's name as it
 * stands ("西红柿 炒鸡蛋" is 西红柿炒鸡蛋, "猪肉白菜 饺子" 猪肉白菜饺子). */
static int one_name(kmgca_foods *foods, const char *left, const char *right)
{
    char joined[2100];
    snprintf(joined, sizeof joined, "%s%s", left, right);
    kmgca_match j;
    return kmgca_foods_match(foods, joined, &j, NULL) == KMGCA_OK && j.food &&
           j.confidence >= 0.99;
}

/* 1 when a Chinese count starts s: a numeral (一, 两, 半, 3) */
static int zh_count_starts(const char *s)
{
    static const char *const numerals[] = {"一", "二", "两", "三", "四", "五", "六",
                                           "七", "八", "九", "十", "半"};
    if (isdigit((unsigned char)s[0]))
        return 1;
    for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
        if (!strncmp(s, numerals[k], strlen(numerals[k])))
            return 1;
    return 0;
}

/* A Chinese part that lists foods apart, a space or a mark between them,
 * one with its serving or none ("早：豆浆 油条一根", "午 肉末茄子 米饭一碗",
 * "土豆烧牛肉 米饭 炒白菜"): a part each, where each side names a food and
 * the two are not one dish's name written apart. The parts' starts in at
 * (n of them, at most max); how many now. */
static int zh_listed_apart(kmgca_foods *foods, const char *text, size_t *at, int n, int max)
{
    static const char *const marks[] = {" ", "，", "、", "；", "＋", "+", ",",
                                        /* words that join */
                                        "和", "加", "配", "还有", "跟"};
    enum { FIRST_JOIN = 7 };
    size_t end = strlen(text);
    for (int k = 0; k < n && n < max; k++) {
        size_t a = at[k], b = k + 1 < n ? at[k + 1] : end;
        for (size_t i = a + 1; i < b && n < max; i++) {
            size_t ml = 0, m = 0;
            for (; m < sizeof marks / sizeof *marks && !ml; m++)
                if (!strncmp(text + i, marks[m], strlen(marks[m])))
                    ml = strlen(marks[m]);
            if (!ml)
                continue;
            size_t c = i + ml;
            while (c < b && text[c] == ' ')
                c++;
            /* "一片面包和一个鸡蛋", "炒土豆丝和米饭": a joining word cuts
             * between foods named surely, 加 only before a count ("手抓饼加蛋"
             * is one food with an egg added) */
            if (m > FIRST_JOIN && !strcmp(marks[m - 1], "加") && !zh_count_starts(text + c))
                continue;
            if (c >= b || !part_names_food(foods, text, a, i) ||
                !part_names_food(foods, text, c, b))
                continue;
            char lead[SERVING_MAX], left[1024], right[1024];
            part_food(text, a, i, lead, sizeof lead, left, sizeof left);
            part_food(text, c, b, lead, sizeof lead, right, sizeof right);
            /* one dish named apart, or one side saying what the other is
             * made of ("蜂蜜水 一勺蜂蜜"), or a side with no serving that
             * names a food only loosely ("中午懒得做饭": 饭) */
            if (one_name(foods, left, right) || strstr(left, right) || strstr(right, left) ||
                !surely_named(foods, text, a, i) || !surely_named(foods, text, c, b))
                continue;
            memmove(at + k + 2, at + k + 1, (size_t)(n - k - 1) * sizeof *at);
            at[k + 1] = c;
            n++;
            break; /* the rest is the next part, looked at in turn */
        }
    }
    return n;
}

int line_milk_beside_cereal(kmgca_foods *foods, const char *prev, const char *part)
{
    char lead[SERVING_MAX], rest[1024];
    kmgca_match pm, m;
    if (!foods || !prev || !part || text_has_cjk(part) || strlen(part) >= sizeof rest ||
        kmgca_serving_split(part, lead, sizeof lead, rest, sizeof rest) != 0 ||
        kmgca_foods_match(foods, part, &m, NULL) != KMGCA_OK ||
        m.confidence < KMGCA_LOW_CONFIDENCE || strcmp(kmgca_food_kind(m.food), "milk") != 0 ||
        kmgca_serving_split(prev, lead, sizeof lead, rest, sizeof rest) < 0)
        return 0;
    const char *cereal = rest[0] ? rest : prev;
    if (kmgca_foods_match(foods, cereal, &pm, NULL) != KMGCA_OK)
        return 0;
    const char *k = kmgca_food_kind(pm.food);
    return !strcmp(k, "cereal_rte") || !strcmp(k, "hot_cereal");
}

size_t kmgca_line_parts(kmgca_foods *foods, const char *text, size_t *start, size_t *len,
                        size_t max)
{
    enum { PARTS = 8 };
    size_t at[PARTS + 1];
    if (!text || !max)
        return 0;
    at[0] = 0; /* one part, the whole text, unless cut */
    int n = !foods ? 1 : text_has_cjk(text) ? serving_line_parts(text, at, PARTS)
                                            : english_parts(foods, text, at, PARTS);
    at[n] = strlen(text);
    /* a part that names no food stays with the one before it (the first
     * with the one after) */
    int kept = n;
    for (int k = 0; k < kept && kept > 1;) {
        if (part_names_food(foods, text, at[k], at[k + 1])) {
            k++;
            continue;
        }
        int drop = k == 0 ? 1 : k;   /* the boundary that goes */
        memmove(at + drop, at + drop + 1, (size_t)(kept - drop) * sizeof *at);
        kept--;
        if (k > 0)
            k--;
    }
    if (foods && text_has_cjk(text))
        kept = zh_listed_apart(foods, text, at, kept, PARTS);
    if (kept < 2 || (size_t)kept > max)
        kept = 1;
    at[kept] = strlen(text);
    for (int k = 0; k < kept; k++) {
        size_t a = at[k], b = at[k + 1];
        while (a < b && (text[a] == ' ' || text[a] == '\t'))
            a++;
        /* trailing spaces and the marks that listed the foods */
        while (b > a) {
            size_t l;
            if (text[b - 1] == ' ' || text[b - 1] == ',' || text[b - 1] == '+' ||
                text[b - 1] == ';' || text[b - 1] == '/' || text[b - 1] == '&')
                b--;
            else if (k + 1 < kept && b - a > 4 && !strncasecmp(text + b - 4, " and", 4))
                b -= 4;
            else if (k + 1 < kept && b - a > 5 &&
                     (!strncasecmp(text + b - 5, " plus", 5) || !strncasecmp(text + b - 5, " with", 5)))
                b -= 5;
            else if (b - a >= 3 && ((l = 3), !memcmp(text + b - l, "，", l) ||
                                    !memcmp(text + b - l, "、", l) ||
                                    !memcmp(text + b - l, "；", l) ||
                                    (k + 1 < kept && (!memcmp(text + b - l, "和", l) ||
                                                      !memcmp(text + b - l, "跟", l) ||
                                                      !memcmp(text + b - l, "加", l) ||
                                                      !memcmp(text + b - l, "配", l))) ||
                                    !memcmp(text + b - l, "＋", l)))
                b -= l;
            else if (k + 1 < kept && b - a >= 6 && !memcmp(text + b - 6, "还有", 6))
                b -= 6;
            else
                break;
        }
        start[k] = a;
        len[k] = b - a;
    }
    return (size_t)kept;
}
