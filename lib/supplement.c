/* supplement.c — elemental calcium, magnesium and potassium from what people
 * write of their supplements and medicines.
 *
 * A line ("Caltrate 600+D, 1 tablet twice daily", "氯化钾缓释片 0.5g 每日3次",
 * "calcium carbonate 1250 mg bid", "Mg glycinate 200 nocte") is read in four
 * steps:
 *   1. what it is: a product of drugtables/supplements.csv (the longest of
 *      its spellings found in the text, whatever the spaces and marks), else
 *      a salt of drugtables/salts.csv, else a mineral named alone
 *      ("calcium", "镁");
 *   2. the strength: a figure with mg, g, mcg, mEq or mmol, read as the
 *      element or as the salt by the words before it ("含钙", "elemental",
 *      the salt's name); a product without one has its label's;
 *   3. how many: "2 tablets", "一次1片", "10 ml", "x2";
 *   4. how often (medication lists): "bid", "twice daily", "每日3次", "早晚各",
 *      once a day when nothing is written (and said so).
 * What cannot be known is never guessed: a range, "as needed", every other
 * day, a Chinese generic with a bare figure, a strength that contradicts the
 * label: the line is recognised, and its review says why it is not counted.
 *
 * This file is the door: kmgca_supplement_read (a quick look whether a
 * diary line could name a supplement at all, the product's and the salts'
 * names found, whether a mineral named is a supplement, an ingredient of a
 * food or the salt of another medicine, how often, the day's total) and the
 * tables for the About sheet. The text and its tokens are supplement_text.c,
 * the reading of steps 2 to 4 supplement_dose.c, the mg supplement_mg.c;
 * supplement.h is what they share.
 */
#include "msg_phrases.h"
#include "supplement.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when the drug table recognises the text as a medicine that is not a
 * mineral supplement: the calcium of "atorvastatin calcium" is a salt. */
static int names_other_drug(const char *text)
{
    kmgca_drug_match m;
    if (!kmgca_drug_match_text(text, &m))
        return 0;
    for (size_t i = 0; i < m.part_count; i++) {
        const char *c = kmgca_drug_class(m.part[i]);
        const char *n = kmgca_drug_name(m.part[i]);
        if (strstr(c, "supplement") || strstr(c, "antacid") || strstr(c, "laxative") ||
            !strncmp(n, "calcium", 7) || !strncmp(n, "magnesium", 9) || !strncmp(n, "potassium", 9))
            return 0;
    }
    return 1;
}

/* 1 when the line's first salt or mineral follows words that make it an
 * ingredient of a food: "Tofu, prepared with calcium sulfate", "Soymilk,
 * with added calcium", "calcium-fortified juice", "高钙牛奶", "加钙饼干". */
static int ingredient_of_food(const line_text *l, const int *salt_at)
{
    static const char *const words[] = {"with", "prepared", "fortified", "added", "enriched",
                                        NULL};
    for (int i = 0; i < l->n; i++) {
        int named = salt_at[i] >= 0 || supp_element_word(l, i) >= 0;
        if (l->t[i].skip && salt_at[i] < 0)
            continue;
        if (named) {
            /* "calcium-fortified", "calcium enriched" after the name too */
            for (int k = i + 1; k < l->n && k <= i + 3; k++)
                if (is_word(l, k, "fortified") || is_word(l, k, "enriched") ||
                    is_word(l, k, "added"))
                    return 1;
            return 0;
        }
        if (l->t[i].type == T_WORD && word_in(l->t[i].word, words))
            return 1;
        if (l->t[i].type == T_CJK &&
            (l->t[i].cp == 0x9AD8 || l->t[i].cp == 0x52A0 ||            /* 高 加 */
             (l->t[i].cp == 0x5F3A && is_cjk_char(l, i + 1, 0x5316)) ||  /* 强化 */
             (l->t[i].cp == 0x6DFB && is_cjk_char(l, i + 1, 0x52A0))))   /* 添加 */
            return 1;
    }
    return 0;
}

/* 1 when the text says it is taken as a supplement: tablets, capsules,
 * "supplement", 片, 粒, 补 (so "calcium-fortified juice" stays a food). */
static int supplement_cue(const line_text *l, const reading *r)
{
    if (!isnan(r->count) && r->count_unit != U_NONE && r->count_unit != U_ML)
        return 1;
    for (int i = 0; i < l->n; i++) {
        const token *t = &l->t[i];
        if (t->type == T_WORD) {
            double ml;
            if (supp_unit_word(t->word, &ml) == U_PIECE || !strcmp(t->word, "supplement") ||
                !strcmp(t->word, "supplements") || !strcmp(t->word, "supp") ||
                !strcmp(t->word, "tablet"))
                return 1;
        } else if (t->type == T_CJK &&
                   (t->cp == 0x7247 || t->cp == 0x7C92 || t->cp == 0x8865 || t->cp == 0x5242)) {
            return 1;   /* 片 粒 补 剂 */
        }
    }
    return 0;
}

/* ---- A quick look first ------------------------------------------------------ */

/* Most diary lines are food: before reading a line, a look for the start of
 * any name of the tables (its first 3 to 6 squeezed bytes, hashed into a
 * bitmap a length) or of a mineral's name tells whether it could be a
 * supplement at all. */
#define PREFIX_MIN 3
#define PREFIX_MAX 6
#define PREFIX_LIMIT 4096
static uint64_t prefix_bits[PREFIX_MAX + 1][1024];   /* 65536 bits a length */
static char prefix_list[PREFIX_LIMIT][PREFIX_MAX + 1];  /* sorted, for a bit that is set */
static size_t prefix_count;
static pthread_once_t prefix_once = PTHREAD_ONCE_INIT;

static unsigned prefix_hash(const char *p, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return (h ^ (h >> 16)) & 0xFFFF;
}

static void prefix_add(const char *name, size_t len)
{
    if (len < PREFIX_MIN)
        return;
    if (len > PREFIX_MAX)
        len = PREFIX_MAX;
    unsigned h = prefix_hash(name, len);
    prefix_bits[len][h >> 6] |= 1ull << (h & 63);
    if (prefix_count < PREFIX_LIMIT) {
        memcpy(prefix_list[prefix_count], name, len);
        prefix_list[prefix_count++][len] = '\0';
    }
}

static void prefix_add_all(const char *names)
{
    for (const char *p = names; *p;) {
        size_t len = strcspn(p, "|");
        prefix_add(p, len);
        p += len + (p[len] ? 1 : 0);
    }
}

static int cmp_prefix(const void *a, const void *b) { return strcmp(a, b); }

static void prefix_build(void)
{
    for (size_t i = 0; i < kmgca_builtin_supp_product_count; i++)
        prefix_add_all(kmgca_builtin_supp_products[i].aliases);
    for (size_t i = 0; i < kmgca_builtin_salt_count; i++)
        prefix_add_all(kmgca_builtin_salts[i].names);
    prefix_add_all("calcium|magnesium|potassium|钙|镁|钾");
    qsort(prefix_list, prefix_count, sizeof prefix_list[0], cmp_prefix);
}

/* 1 when squeezed text q could hold a name of the tables or a mineral's:
 * a bit of the bitmap first, then the prefix itself. (With more names than
 * the list holds, a set bit is enough: slower, never wrong.) */
static int could_be_supplement(const char *q, size_t qlen)
{
    pthread_once(&prefix_once, prefix_build);
    for (size_t i = 0; i + PREFIX_MIN <= qlen; i++) {
        /* the hashes of the 3- to 6-byte prefixes at i, in one pass */
        uint32_t run = 2166136261u;
        for (size_t len = 1; len <= PREFIX_MAX && i + len <= qlen; len++) {
            run = (run ^ (unsigned char)q[i + len - 1]) * 16777619u;
            if (len < PREFIX_MIN)
                continue;
            unsigned h = (run ^ (run >> 16)) & 0xFFFF;
            if (!(prefix_bits[len][h >> 6] & (1ull << (h & 63))))
                continue;
            if (prefix_count >= PREFIX_LIMIT)
                return 1;
            char key[PREFIX_MAX + 1];
            memcpy(key, q + i, len);
            key[len] = '\0';
            if (bsearch(key, prefix_list, prefix_count, sizeof prefix_list[0], cmp_prefix))
                return 1;
        }
    }
    return 0;
}

/* A diary line: most are food (medication lists are few, and read whole).
 * 1 when a name of the tables or a mineral's starts in the text or in the
 * dose; 0: the line is no supplement. */
static int quick_look(const char *text, const char *dose)
{
    return supplement_may_name(text) || (dose[0] && supplement_may_name(dose));
}

int supplement_may_name(const char *text)
{
    char quick[TEXT_LIMIT * 2];
    size_t qn = text_squeeze(text, quick, sizeof quick, NULL);
    return could_be_supplement(quick, qn);
}

/* The product the line names by the longest of its spellings (its first
 * row), -1 when none; the tokens of that name are marked as a name. */
static long find_product(line_text *l, const char *q, size_t qlen, const edges *ed)
{
    long product = -1;
    size_t best = 0, at = 0;
    for (size_t i = 0; i < kmgca_builtin_supp_product_count; i++) {
        const struct kmgca_supp_product *p = &kmgca_builtin_supp_products[i];
        if (i > 0 && !strcmp(p->name, kmgca_builtin_supp_products[i - 1].name))
            continue;    /* the same product's next mineral */
        size_t a, len = supp_find_name(q, qlen, p->aliases, ed, 0, &a);
        if (len > best) {
            best = len;
            product = (long)i;
            at = a;
        }
    }
    if (product >= 0)
        supp_mark_name(l, ed->map, at, at + best);
    return product;
}

/* Salts named (also beside a product: "Caltrate (calcium carbonate)"):
 * each token of a salt's name points at it in salt_at and is marked as a
 * name. The salt with the longest name, -1 when none. */
static int find_salts(line_text *l, const char *q, size_t qlen, const edges *ed, int *salt_at)
{
    const unsigned short *map = ed->map;
    for (int i = 0; i < TOKEN_LIMIT; i++)
        salt_at[i] = -1;
    int salt = -1;
    size_t salt_len = 0;
    for (size_t i = 0; i < kmgca_builtin_salt_count; i++) {
        /* every place a name of the salt stands: each token of it points at it */
        for (size_t from = 0; from < qlen;) {
            size_t a, len = supp_find_name(q + from, qlen - from, kmgca_builtin_salts[i].names, ed,
                                           from, &a);
            if (!len)
                break;
            a += from;
            size_t first = map[a], to = map[a + len - 1] + 1;
            int fresh = 0;
            for (int k = 0; k < l->n; k++)
                if (l->t[k].start >= first && l->t[k].start < to && !l->t[k].skip) {
                    salt_at[k] = (int)i;
                    fresh = 1;
                }
            if (fresh && len > salt_len) {
                salt_len = len;
                salt = (int)i;
            }
            from = a + len;
        }
    }
    for (int k = 0; k < l->n; k++)
        if (salt_at[k] >= 0)
            l->t[k].skip = 1;
    return salt;
}

/* 1. The product, else a salt: *product (-1: none), *salt (-1: none) and
 * salt_at (a salt a token, -1). 0 when memory ran out. */
static int find_names(line_text *l, long *product, int *salt, int *salt_at)
{
    char q[TEXT_LIMIT * 2];
    unsigned short *map = malloc(sizeof(unsigned short) * sizeof q);
    if (!map)
        return 0;
    size_t qlen = text_squeeze(l->s, q, sizeof q, map);
    edges *ed = malloc(sizeof *ed);
    if (!ed) {
        free(map);
        return 0;
    }
    ed->map = map;
    supp_find_edges(l, ed);
    memset(ed->seen, 0, sizeof ed->seen);
    for (size_t i = 0; i + 3 <= qlen; i++) {
        unsigned h = supp_tri_hash(q + i);
        ed->seen[h >> 6] |= 1ull << (h & 63);
    }
    *product = find_product(l, q, qlen, ed);
    *salt = find_salts(l, q, qlen, ed, salt_at);
    free(ed);
    free(map);
    return 1;
}

/* 0 when a line of no product is not a supplement: in a diary, a salt or
 * a mineral a food is made with, or a mineral named with no dose; anywhere,
 * a mineral that is the salt of another medicine. */
static int is_supplement(const line_text *l, const reading *r, const char *text,
                         kmgca_supplement_mode mode, long product, int salt, const int *salt_at,
                         int element_named)
{
    /* In a diary, a salt or a mineral that a food is made with is food. */
    if (product < 0 && mode == KMGCA_SUPPLEMENT_INTAKE && ingredient_of_food(l, salt_at))
        return 0;
    if (product < 0 && salt < 0) {
        /* A diary's mineral named alone needs a dose-sized figure: "calcium
         * 600 mg", not the 140 g of a food. */
        int any_strength_of_element = 0;
        for (int k = 0; k < r->ns; k++)
            if (r->s[k].element >= 0 && r->s[k].element < KMGCA_NA &&
                !(mode == KMGCA_SUPPLEMENT_INTAKE && r->s[k].unit == S_MG && r->s[k].value_mg >= 5000))
                any_strength_of_element = 1;
        /* "atorvastatin calcium", "losartan potassium", "埃索美拉唑镁": the
         * mineral is the salt of another medicine (asked last: it is the
         * slow question) */
        if (element_named < 0 || element_named == KMGCA_NA ||
            (mode == KMGCA_SUPPLEMENT_INTAKE && !any_strength_of_element &&
             !supplement_cue(l, r)) ||
            names_other_drug(text))
            return 0;
    }
    return 1;
}

/* What makes the reading uncountable, as the review: a range or a vague
 * amount, not every day, more than one count. */
static void review_reading(const reading *r, const char *text, const char *dose,
                           kmgca_supplement *out)
{
    if (r->range)
        supp_fail(out, "%s (\"%s\"): write one amount", !strcmp(r->range, "a range") ? "a range"
                                                                                : "a vague amount",
                  !strcmp(r->range, "a range") ? dose[0] ? dose : text : r->range);
    if (r->not_daily)
        supp_fail(out, "not every day (%s): kmgca cannot tell on which days; list the days taken in "
                       "the diary instead",
                  r->not_daily);
    if (r->counts > 1)
        supp_fail(out, "more than one count (\"%s\"): write one dose and how often",
                  dose[0] ? dose : text);
}

/* 2 and 3. The strength and the count to mg of the element a dose: of the
 * product (rows from `product`), else of the salt or the mineral named. */
static void dose_mg(long product, int salt, int element_named, const reading *r,
                    kmgca_supplement *out)
{
    if (product >= 0) {
        size_t last = (size_t)product;
        while (last + 1 < kmgca_builtin_supp_product_count &&
               !strcmp(kmgca_builtin_supp_products[last + 1].name,
                       kmgca_builtin_supp_products[product].name))
            last++;
        const struct kmgca_supp_product *p0 = &kmgca_builtin_supp_products[product];
        int open = 1;   /* every row without a label figure: the line's own figures */
        for (size_t i = (size_t)product; i <= last; i++)
            open &= isnan(kmgca_builtin_supp_products[i].amount);
        int cjk_salt = open && p0->basis == SUPP_SALT && text_has_cjk(p0->name);
        if (open && r->ns && p0->salt < 0) {
            /* "Cal-Mag: calcium 333 mg, magnesium 133 mg", "Citracal 315 mg" */
            supp_from_strengths(r, salt, element_named >= 0 ? element_named : p0->element, out);
            copy_text(out->product, sizeof out->product, p0->name);
        } else if (cjk_salt && r->ns) {
            /* "碳酸钙D3片 1.25g": the salt or the element? A Chinese label
             * gives both (每片含碳酸钙1.5克，相当于钙600毫克). */
            reading rr = *r;
            for (int k = 0; k < rr.ns; k++)
                if (rr.s[k].unit == S_MG && !rr.s[k].basis && rr.s[k].salt < 0) {
                    if (rr.s[k].value_mg > 1000 && p0->element == KMGCA_CA) {
                        rr.s[k].salt = p0->salt;   /* past any tablet's calcium */
                        rr.s[k].basis = SUPP_SALT + 1;
                    } else {
                        rr.s[k].ambiguous = 1;
                    }
                }
            supp_from_strengths(&rr, p0->salt, p0->element, out);
            copy_text(out->product, sizeof out->product, p0->name);
        } else {
            supp_from_product((size_t)product, last, r, out);
        }
    } else {
        supp_from_strengths(r, salt, element_named, out);
        if (salt >= 0)
            copy_text(out->product, sizeof out->product, kmgca_builtin_salts[salt].name);
        else if (element_named >= 0)
            copy_text(out->product, sizeof out->product,
                      kmgca_nutrient_name((kmgca_nutrient)element_named));
    }
}

/* 4. How often, and the mg of the day (or of this intake) with the
 * arithmetic; a total past any dose is a typo, sent to review. */
static void day_total(const reading *r, kmgca_supplement_mode mode, kmgca_supplement *out)
{
    double freq = 1;
    if (!isnan(r->freq))
        freq = r->freq;
    else if (mode == KMGCA_SUPPLEMENT_PER_DAY && !r->daily_word)
        out->frequency_assumed = 1;
    out->doses = freq;
    char tail[160] = " =";
    if (freq != 1)
        snprintf(tail, sizeof tail, " x %g" PH_A_DAY_EQUALS, freq);
    else if (mode == KMGCA_SUPPLEMENT_PER_DAY)
        snprintf(tail, sizeof tail, PH_X_ONCE_A_DAY "%s =",
                 out->frequency_assumed ? PH_NO_FREQUENCY : "");
    if (out->count_assumed)
        appendf(out->how, sizeof out->how, PH_X_1_NO_COUNT);
    appendf(out->how, sizeof out->how, "%s", tail);
    int first = 1;
    for (int e = 0; e < KMGCA_NA; e++) {
        out->mg[e] = out->per_dose_mg[e] * freq;
        if (out->mg[e] > 0) {
            char m[32];
            supp_fmt_mg(m, sizeof m, out->mg[e]);
            appendf(out->how, sizeof out->how, "%s %s mg %s", first ? "" : ",", m,
                    kmgca_nutrient_symbol(e));
            first = 0;
        }
    }
    if (first)
        appendf(out->how, sizeof out->how, PH_NO_CA_MG_K);
    if (mode == KMGCA_SUPPLEMENT_PER_DAY)
        appendf(out->how, sizeof out->how, PH_A_DAY);
    utf8_trim_end(out->how);
    /* An absurd figure is a typo, not a dose. */
    for (int e = 0; e < KMGCA_NA; e++)
        if (out->mg[e] > 20000) {
            char m[32];
            supp_fmt_mg(m, sizeof m, out->mg[e]);
            for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
                out->per_dose_mg[k] = out->mg[k] = 0;
            out->how[0] = '\0';
            supp_fail(out, "%s mg %s" PH_A_DAY " is far past any dose: check the strength and the "
                      "count", m, kmgca_nutrient_symbol(e));
            break;
        }
}

int kmgca_supplement_read(const char *text, const char *dose, kmgca_supplement_mode mode,
                          kmgca_supplement *out)
{
    if (!out)
        return 0;
    out->recognised = 0;
    out->product[0] = out->how[0] = out->review[0] = '\0';
    out->source = "";
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
        out->mg[k] = out->per_dose_mg[k] = 0;
    out->doses = 0;
    out->count_assumed = out->frequency_assumed = 0;
    if (!text)
        text = "";
    if (!dose)
        dose = "";
    if (mode == KMGCA_SUPPLEMENT_INTAKE && !quick_look(text, dose))
        return 0;
    char joined[TEXT_LIMIT + 2];
    snprintf(joined, sizeof joined, "%s%s%s", text, dose[0] ? " , " : "", dose);
    if (!utf8_valid(joined, strlen(joined)))
        return 0;
    line_text *l = malloc(sizeof *l);
    if (!l)
        return 0;
    supp_normalise(joined, l);
    supp_tokenise(l);

    long product;
    int salt, salt_at[TOKEN_LIMIT];
    if (!find_names(l, &product, &salt, salt_at)) {
        free(l);
        return 0;
    }

    reading r;
    memset(&r, 0, sizeof r);
    r.count = NAN;
    r.freq = NAN;
    supp_read_amounts(l, &r, salt_at);
    supp_read_frequency(l, &r);
    int element_named = -1;
    for (int i = 0; i < l->n && element_named < 0; i++)
        element_named = supp_element_word(l, i);

    if (!is_supplement(l, &r, text, mode, product, salt, salt_at, element_named)) {
        free(l);
        return 0;
    }
    out->recognised = 1;

    review_reading(&r, text, dose, out);
    if (!out->review[0])
        dose_mg(product, salt, element_named, &r, out);
    if (out->review[0]) {
        if (!out->product[0])
            copy_text(out->product, sizeof out->product,
                      product >= 0 ? kmgca_builtin_supp_products[product].name
                      : salt >= 0  ? kmgca_builtin_salts[salt].name
                      : element_named >= 0 ? kmgca_nutrient_name((kmgca_nutrient)element_named)
                                           : "");
        for (int e = 0; e < KMGCA_NUTRIENT_COUNT; e++)
            out->per_dose_mg[e] = out->mg[e] = 0;
        out->how[0] = '\0';
        free(l);
        return 1;
    }

    day_total(&r, mode, out);
    free(l);
    return 1;
}

/* ---- The tables, for the About sheet ---------------------------------------------- */

size_t kmgca_salt_count(void) { return kmgca_builtin_salt_count; }

int kmgca_salt_at(size_t i, const char **name, kmgca_nutrient *element, double *fraction,
                  const char **source)
{
    if (i >= kmgca_builtin_salt_count)
        return 0;
    const struct kmgca_salt *s = &kmgca_builtin_salts[i];
    if (name)
        *name = s->name;
    if (element)
        *element = (kmgca_nutrient)s->element;
    if (fraction)
        *fraction = s->fraction;
    if (source)
        *source = s->source;
    return 1;
}

size_t kmgca_supp_product_count(void) { return kmgca_builtin_supp_product_count; }

int kmgca_supp_product_at(size_t i, const char **name, kmgca_nutrient *element, char *label,
                          size_t label_size, const char **source)
{
    if (i >= kmgca_builtin_supp_product_count)
        return 0;
    const struct kmgca_supp_product *p = &kmgca_builtin_supp_products[i];
    if (name)
        *name = p->name;
    if (element)
        *element = (kmgca_nutrient)p->element;
    if (source)
        *source = p->source;
    if (label && label_size) {
        if (isnan(p->amount))
            snprintf(label, label_size, "strength as written");
        else if (p->basis == SUPP_SALT)
            snprintf(label, label_size, "%g mg %s (%.1f%% %s) per %g %s", p->amount,
                     kmgca_builtin_salts[p->salt].name,
                     100 * kmgca_builtin_salts[p->salt].fraction,
                     kmgca_nutrient_symbol(p->element), p->per_count,
                     p->per_unit);
        else if (p->basis == SUPP_MEQ)
            snprintf(label, label_size, "%g mEq K per %g %s", p->amount, p->per_count,
                     p->per_unit);
        else
            snprintf(label, label_size, "%g mg %s per %g %s", p->amount,
                     kmgca_nutrient_symbol(p->element),
                     p->per_count, p->per_unit);
    }
    return 1;
}
