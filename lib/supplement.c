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
 */
#include "internal.h"
#include "supplement.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MG_PER_MEQ_K 39.098 /* IUPAC 2021 atomic weight of K; K+ has one charge */

static const double mg_per_mmol[KMGCA_NUTRIENT_COUNT] = {40.078, 24.305, 39.098, 22.99};
static const int charge[KMGCA_NUTRIENT_COUNT] = {2, 2, 1, 1};
const char *const supp_symbol[KMGCA_NUTRIENT_COUNT] = {"Ca", "Mg", "K", "Na"};
static const char ATOMIC_SOURCE[] =
    "IUPAC 2021 standard atomic weights (Ca 40.078, Mg 24.305, K 39.098): 1 mmol Ca = 40.08 mg, "
    "1 mmol Mg = 24.31 mg, 1 mmol or 1 mEq K = 39.10 mg";

/* ---- Normalised text and tokens ------------------------------------------- */

/* Lower case, full-width forms as ASCII, Chinese punctuation as ASCII, the
 * dots of "b.i.d." dropped (a dot between digits kept), vulgar fractions as
 * decimals, everything else but CJK a space. */
void supp_normalise(const char *in, line_text *l)
{
    size_t o = 0;
    char prev = ' ';
    for (const char *p = in; *p && o + 8 < sizeof l->s;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        if (cp < 0) {
            p++;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        switch (cp) {
        case 0x3002: cp = ' '; break;                          /* 。 */
        case 0x3001: case 0xFF0C: case 0xFF1B: cp = ','; break; /* 、，； */
        case 0x00D7: cp = 'x'; break;                          /* × */
        case 0x301C: case 0xFF5E: cp = '~'; break;
        case 0x2013: case 0x2014: case 0x2212: cp = '-'; break;
        case 0x00B5: case 0x03BC: cp = 'u'; break;             /* µ, μ */
        case 0x3010: cp = '('; break;
        case 0x3011: cp = ')'; break;
        default: break;
        }
        static const struct {
            long cp;
            const char *text;
        } fractions[] = {{0xBD, "0.5"}, {0xBC, "0.25"}, {0xBE, "0.75"}, {0x2153, "0.333"}};
        const char *frac = NULL;
        for (size_t k = 0; k < sizeof fractions / sizeof fractions[0]; k++)
            if (cp == fractions[k].cp)
                frac = fractions[k].text;
        if (frac) {
            if (prev >= '0' && prev <= '9')
                l->s[o++] = ' ';
            size_t fl = strlen(frac);
            memcpy(l->s + o, frac, fl);
            o += fl;
            prev = '5';
            p += n;
            continue;
        }
        if (cp < 0x80) {
            char c = (char)cp;
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c == '.') {
                size_t nn;
                long next = p[n] ? utf8_decode(p + n, &nn) : 0;
                if (next >= 0xFF10 && next <= 0xFF19)
                    next -= 0xFEE0;
                int digit_next = next >= '0' && next <= '9';
                if (prev >= 'a' && prev <= 'z') {
                    p += n;          /* "b.i.d.", "tab." */
                    continue;
                }
                if (!(prev >= '0' && prev <= '9' && digit_next))
                    c = ' ';
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         strchr(",()/-~+%:;x", c))) {
                c = ' ';
            }
            if (c == ';')
                c = ',';
            if (c == ' ' && prev == ' ') {
                p += n;
                continue;
            }
            l->s[o++] = c;
            prev = c;
        } else if (is_cjk((unsigned long)cp)) {
            o += utf8_encode((unsigned long)text_zh_simplified(cp), l->s + o);
            prev = 'C';
        } else if (prev != ' ') {
            l->s[o++] = ' ';
            prev = ' ';
        }
        p += n;
    }
    l->s[o] = '\0';
    l->len = o;
}

void supp_tokenise(line_text *l)
{
    l->n = 0;
    const char *s = l->s;
    size_t i = 0;
    int space = 1;
    while (i < l->len && l->n < TOKEN_LIMIT) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            space = 1;
            i++;
            continue;
        }
        token *t = &l->t[l->n];
        memset(t, 0, sizeof *t);
        t->start = i;
        t->space = space;
        space = 0;
        if (c >= '0' && c <= '9') {
            char *end;
            t->type = T_NUM;
            t->value = strtod(s + i, &end);
            size_t j = (size_t)(end - s);
            /* a fraction: "1/2" (not "600/400" strengths: numerators of 1-3) */
            if (s[j] == '/' && s[j + 1] >= '1' && s[j + 1] <= '9' && t->value >= 1 &&
                t->value <= 3 && j - i == 1) {
                char *end2;
                double d = strtod(s + j + 1, &end2);
                if (d >= 2 && d <= 8 && end2 - (s + j + 1) == 1) {
                    t->value /= d;
                    j = (size_t)(end2 - s);
                }
            }
            i = j;
        } else if (c >= 'a' && c <= 'z') {
            size_t j = i, k = 0;
            while (j < l->len && s[j] >= 'a' && s[j] <= 'z') {
                if (k + 1 < sizeof t->word)
                    t->word[k++] = s[j];
                j++;
            }
            t->word[k] = '\0';
            t->type = T_WORD;
            i = j;
        } else if (c >= 0x80) {
            size_t n;
            t->cp = utf8_decode(s + i, &n);
            t->type = T_CJK;
            i += n;
        } else {
            t->type = T_PUNCT;
            t->cp = c;
            i++;
        }
        t->end = i;
        l->n++;
    }
}


/* A Chinese numeral at token i (一 ... 十, 两, 半); -1 when none. */
double supp_zh_number(const line_text *l, int i)
{
    static const long digits[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                  0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    if (i < 0 || i >= l->n || l->t[i].type != T_CJK)
        return -1;
    long cp = l->t[i].cp;
    if (cp == 0x4E24)
        return 2;           /* 两 */
    if (cp == 0x534A)
        return 0.5;         /* 半 */
    for (int k = 0; k <= 10; k++)
        if (cp == digits[k])
            return k;
    return -1;
}

/* The number at token i: an ASCII number or one Chinese numeral (and 十X);
 * *next is the token after it. -1 when none. */
double supp_number_at(const line_text *l, int i, int *next)
{
    if (i < 0 || i >= l->n)
        return -1;
    if (l->t[i].type == T_NUM) {
        *next = i + 1;
        return l->t[i].value;
    }
    double v = supp_zh_number(l, i);
    if (v < 0)
        return -1;
    *next = i + 1;
    if (v == 10 && supp_zh_number(l, i + 1) > 0 && supp_zh_number(l, i + 1) < 10) {
        v += supp_zh_number(l, i + 1);
        *next = i + 2;
    } else if (v > 0 && v < 10 && is_cjk_char(l, i + 1, 0x534A)) {
        v += 0.5;           /* 一个半 is not a dose word; 一片半 is handled by the unit */
        *next = i + 2;
    }
    return v;
}

/* ---- Words ------------------------------------------------------------------ */

/* The mineral a word names ("calcium", "mg" not after a number, "钙"); -1. */
int supp_element_word(const line_text *l, int i)
{
    const token *t = &l->t[i];
    if (t->skip)
        return -1;
    if (t->type == T_CJK)
        return t->cp == 0x9499 ? KMGCA_CA : t->cp == 0x9541 ? KMGCA_MG
               : t->cp == 0x94BE ? KMGCA_K : -1;   /* 钙 镁 钾 */
    if (t->type != T_WORD)
        return -1;
    int after_number = i > 0 && l->t[i - 1].type == T_NUM && !t->space;
    int after_number_spaced = i > 0 && l->t[i - 1].type == T_NUM;
    if (!strcmp(t->word, "calcium") || (!strcmp(t->word, "ca") && !after_number))
        return KMGCA_CA;
    if (!strcmp(t->word, "magnesium") || (!strcmp(t->word, "mg") && !after_number_spaced))
        return KMGCA_MG;
    if (!strcmp(t->word, "potassium") ||
        (!strcmp(t->word, "k") && !after_number && !is_word(l, i - 1, "vitamin") &&
         !is_word(l, i - 1, "vit") && !(i + 1 < l->n && l->t[i + 1].type == T_NUM &&
                                         !l->t[i + 1].space)))
        return KMGCA_K;
    return -1;
}

int supp_unit_word(const char *w, double *ml)
{
    static const char *const pieces[] = {
        "tablet", "tablets", "tab", "tabs", "caplet", "caplets", "capsule", "capsules", "cap",
        "caps", "softgel", "softgels", "gelcap", "gelcaps", "chewable", "chewables", "chew",
        "chews", "gummy", "gummies", "pill", "pills", "lozenge", "lozenges", "pastille", "t",
        NULL};
    static const char *const sachets[] = {"sachet", "sachets", "packet", "packets", "stick",
                                          "sticks", "pack", "packs", NULL};
    static const char *const amps[] = {"amp", "amps", "ampoule", "ampoules", "ampule",
                                       "ampules", "vial", "vials", NULL};
    *ml = 0;
    if (word_in(w, pieces))
        return strcmp(w, "t") ? U_PIECE : U_NONE;
    if (word_in(w, sachets))
        return U_SACHET;
    if (word_in(w, amps))
        return U_AMPOULE;
    if (!strcmp(w, "scoop") || !strcmp(w, "scoops"))
        return U_SCOOP;
    if (!strcmp(w, "ml") || !strcmp(w, "cc") || !strcmp(w, "mls")) {
        *ml = 1;
        return U_ML;
    }
    if (!strcmp(w, "tsp") || !strcmp(w, "teaspoon") || !strcmp(w, "teaspoons") ||
        !strcmp(w, "teaspoonful")) {
        *ml = 5;
        return U_ML;
    }
    if (!strcmp(w, "tbsp") || !strcmp(w, "tablespoon") || !strcmp(w, "tablespoons")) {
        *ml = 15;
        return U_ML;
    }
    return U_NONE;
}

/* The dose unit at token i (a word, 片 粒 颗 丸 袋 包 支 勺, 毫升, 胶囊);
 * *next is after it. */
int supp_dose_unit_at(const line_text *l, int i, double *ml, int *next)
{
    *ml = 0;
    if (i >= l->n)
        return U_NONE;
    const token *t = &l->t[i];
    *next = i + 1;
    if (t->type == T_WORD)
        return supp_unit_word(t->word, ml);
    if (t->type != T_CJK)
        return U_NONE;
    switch (t->cp) {
    case 0x7247: case 0x7C92: case 0x9897: case 0x4E38: return U_PIECE; /* 片 粒 颗 丸 */
    case 0x888B: case 0x5305: return U_SACHET;                        /* 袋 包 */
    case 0x652F: return U_AMPOULE;                                    /* 支 */
    case 0x52FA: return U_SCOOP;                                      /* 勺 */
    case 0x6BEB:                                                      /* 毫升 */
        if (is_cjk_char(l, i + 1, 0x5347)) {
            *ml = 1;
            *next = i + 2;
            return U_ML;
        }
        return U_NONE;
    case 0x80F6:                                                      /* 胶囊 */
        if (is_cjk_char(l, i + 1, 0x56CA)) {
            *next = i + 2;
            return U_PIECE;
        }
        return U_NONE;
    default: return U_NONE;
    }
}

int supp_per_unit_kind(const char *per_unit, double *ml)
{
    line_text l;
    supp_normalise(per_unit, &l);
    supp_tokenise(&l);
    int next;
    return l.n ? supp_dose_unit_at(&l, 0, ml, &next) : U_NONE;
}

/* A strength unit at token i: factor to mg, or for mEq/mmol the kind. */
int supp_strength_unit(const line_text *l, int i, double *to_mg, int *next)
{
    *next = i + 1;
    *to_mg = 1;
    if (i >= l->n)
        return S_NONE;
    const token *t = &l->t[i];
    if (t->type == T_WORD) {
        const char *w = t->word;
        if (!strcmp(w, "mg") || !strcmp(w, "milligram") || !strcmp(w, "milligrams") ||
            !strcmp(w, "mgs"))
            return S_MG;
        if (!strcmp(w, "g") || !strcmp(w, "gm") || !strcmp(w, "gram") || !strcmp(w, "grams")) {
            *to_mg = 1000;
            return S_MG;
        }
        if (!strcmp(w, "mcg") || !strcmp(w, "ug")) {
            *to_mg = 0.001;
            return S_MG;
        }
        if (!strcmp(w, "meq"))
            return S_MEQ;
        if (!strcmp(w, "mmol"))
            return S_MMOL;
        return S_NONE;
    }
    if (t->type != T_CJK)
        return S_NONE;
    if (t->cp == 0x514B) {                                              /* 克 */
        *to_mg = 1000;
        return S_MG;
    }
    if (t->cp == 0x6BEB && is_cjk_char(l, i + 1, 0x514B)) {             /* 毫克 */
        *next = i + 2;
        return S_MG;
    }
    if (t->cp == 0x5FAE && is_cjk_char(l, i + 1, 0x514B)) {             /* 微克 */
        *next = i + 2;
        *to_mg = 0.001;
        return S_MG;
    }
    if (t->cp == 0x6BEB && is_cjk_char(l, i + 1, 0x6469) && is_cjk_char(l, i + 2, 0x5C14)) {
        *next = i + 3;                                                  /* 毫摩尔 */
        return S_MMOL;
    }
    if (t->cp == 0x6BEB && is_cjk_char(l, i + 1, 0x5F53) && is_cjk_char(l, i + 2, 0x91CF)) {
        *next = i + 3;                                                  /* 毫当量 */
        return S_MEQ;
    }
    return S_NONE;
}

/* ---- Names: products and salts -------------------------------------------------- */

unsigned supp_tri_hash(const char *p)
{
    return (((unsigned char)p[0] * 31u + (unsigned char)p[1]) * 31u + (unsigned char)p[2]) & 1023;
}

void supp_find_edges(const line_text *l, edges *ed)
{
    memset(ed->edge, 0, sizeof ed->edge);
    ed->norm = l->s;
    for (int i = 0; i < l->n; i++) {
        ed->edge[l->t[i].start] |= 1;
        ed->edge[l->t[i].end] |= 2;
    }
}

/* The longest form of `names` ("a|b|c", squeezed) inside squeezed text q,
 * on token edges (q begins at byte `offset` of the squeezed line). Its
 * length, 0 when none; *at its start in q. */
size_t supp_find_name(const char *q, size_t qlen, const char *names, const edges *ed,
                      size_t offset, size_t *at)
{
    size_t best = 0;
    for (const char *p = names; *p;) {
        size_t len = strcspn(p, "|");
        /* a name whose first three bytes the line lacks is not in it */
        if (len >= 3) {
            unsigned h = supp_tri_hash(p);
            if (!(ed->seen[h >> 6] & (1ull << (h & 63)))) {
                p += len + (p[len] ? 1 : 0);
                continue;
            }
        }
        if (len > best && len <= qlen) {
            for (const char *hit = q; hit + len <= q + qlen; hit++) {
                /* the first byte by memchr, then the rest */
                while (hit + len <= q + qlen) {
                    hit = memchr(hit, p[0], (size_t)(q + qlen - hit) - len + 1);
                    if (!hit || memcmp(hit, p, len) == 0)
                        break;
                    hit++;
                }
                if (!hit || hit + len > q + qlen)
                    break;
                size_t s = (size_t)(hit - q), e = s + len;
                size_t from = ed->map[offset + s], last = ed->map[offset + e - 1], cl = 1;
                if ((unsigned char)ed->norm[last] >= 0x80)
                    utf8_decode(ed->norm + last, &cl);
                if ((ed->edge[from] & 1) && (ed->edge[last + cl] & 2)) {
                    best = len;
                    *at = s;
                    break;
                }
            }
        }
        p += len + (p[len] ? 1 : 0);
    }
    return best;
}

/* Marks the tokens the squeezed span [s, e) covers as part of a name. */
void supp_mark_name(line_text *l, const unsigned short *map, size_t s, size_t e)
{
    size_t from = map[s], to = map[e - 1] + 1;
    for (int i = 0; i < l->n; i++)
        if (l->t[i].start >= from && l->t[i].start < to)
            l->t[i].skip = 1;
}

/* ---- Reading the line ----------------------------------------------------------- */

static void set_freq(reading *r, double f)
{
    if (isnan(r->freq) || f > r->freq)
        r->freq = f;
}

/* Frequency words in English and Chinese. */
void supp_read_frequency(const line_text *l, reading *r)
{
    static const char *const once[] = {"qd", "od", "daily", "qam", "qpm", "qhs", "hs", "nocte",
                                       "mane", "qn", "qday", "everyday", "nightly", "om", "on",
                                       NULL};
    static const char *const not_daily[] = {"qod", "prn", "weekly", "fortnightly", "monthly",
                                            NULL};
    for (int i = 0; i < l->n; i++) {
        const token *t = &l->t[i];
        if (t->skip)
            continue;
        if (t->type == T_WORD) {
            const char *w = t->word;
            if (word_in(w, not_daily)) {
                r->not_daily = w;
                continue;
            }
            if (!strcmp(w, "on") && !(i > 0 && l->t[i - 1].type == T_NUM))
                continue;        /* "on" alone is a word; "om"/"on" are Latin abbreviations */
            if (word_in(w, once))
                r->daily_word = 1;
            else if (!strcmp(w, "bid") || !strcmp(w, "bd") || !strcmp(w, "twice") ||
                     !strcmp(w, "bds"))
                set_freq(r, 2);
            else if (!strcmp(w, "tid") || !strcmp(w, "tds") || !strcmp(w, "thrice"))
                set_freq(r, 3);
            else if (!strcmp(w, "qid") || !strcmp(w, "qds"))
                set_freq(r, 4);
            else if (!strcmp(w, "once"))
                set_freq(r, 1);
            else if (!strcmp(w, "q") && i + 2 < l->n && l->t[i + 1].type == T_NUM &&
                     !l->t[i + 1].space && (is_word(l, i + 2, "h") || is_word(l, i + 2, "hr") ||
                                            is_word(l, i + 2, "hrs") || is_word(l, i + 2, "hourly"))) {
                double h = l->t[i + 1].value;     /* q12h, q8h, q6h */
                if (h >= 4 && h <= 24 && fmod(24, h) == 0)
                    set_freq(r, 24 / h);
            } else if ((!strcmp(w, "every") || !strcmp(w, "each")) &&
                       (is_word(l, i + 1, "morning") || is_word(l, i + 1, "night") ||
                        is_word(l, i + 1, "evening") || is_word(l, i + 1, "day") ||
                        is_word(l, i + 1, "bedtime")))
                r->daily_word = 1;
            else if (!strcmp(w, "every") && i + 2 < l->n && l->t[i + 1].type == T_NUM &&
                     (is_word(l, i + 2, "hours") || is_word(l, i + 2, "hour") ||
                      is_word(l, i + 2, "hrs") || is_word(l, i + 2, "hr") || is_word(l, i + 2, "h"))) {
                double h = l->t[i + 1].value;   /* "every 8 hours" */
                if (h >= 4 && h <= 24 && fmod(24, h) == 0)
                    set_freq(r, 24 / h);
            } else if (!strcmp(w, "every") && is_word(l, i + 1, "other"))
                r->not_daily = "every other day";
            else if (!strcmp(w, "alternate") && (is_word(l, i + 1, "days") || is_word(l, i + 1, "day")))
                r->not_daily = "alternate days";
            else if ((!strcmp(w, "as") || !strcmp(w, "when") || !strcmp(w, "if")) &&
                     (is_word(l, i + 1, "needed") || is_word(l, i + 1, "required")))
                r->not_daily = "as needed";
            else if ((!strcmp(w, "a") || !strcmp(w, "per") || !strcmp(w, "once")) &&
                     is_word(l, i + 1, "week"))
                r->not_daily = "weekly";
            else if ((!strcmp(w, "at") || !strcmp(w, "in")) &&
                     (is_word(l, i + 1, "night") || is_word(l, i + 1, "bedtime") ||
                      (is_word(l, i + 1, "the") && (is_word(l, i + 2, "morning") ||
                                                    is_word(l, i + 2, "evening")))))
                r->daily_word = 1;
            else if ((!strcmp(w, "a") || !strcmp(w, "per")) && is_word(l, i + 1, "day"))
                r->daily_word = 1;
            else if (!strcmp(w, "morning") &&
                     (is_word(l, i + 1, "and") || is_punct(l, i + 1, '+') || is_punct(l, i + 1, '/')) &&
                     (is_word(l, i + 2, "night") || is_word(l, i + 2, "evening")))
                set_freq(r, 2);
            else if (!strcmp(w, "am") && (is_word(l, i + 1, "and") || is_punct(l, i + 1, '+') ||
                                         is_punct(l, i + 1, '/') || is_punct(l, i + 1, '&')) &&
                     (is_word(l, i + 2, "pm") || (is_punct(l, i + 2, '&') && is_word(l, i + 3, "pm"))))
                set_freq(r, 2);
            else if (!strcmp(w, "x") && i + 1 < l->n && l->t[i + 1].type == T_NUM &&
                     (is_word(l, i + 2, "daily") || is_word(l, i + 2, "day") ||
                      (is_word(l, i + 2, "a") && is_word(l, i + 3, "day"))))
                set_freq(r, l->t[i + 1].value);   /* "x2 daily" */
            else if (!strcmp(w, "times") || !strcmp(w, "time") || !strcmp(w, "x")) {
                /* "3 times a day", "2x daily", "2x/day" */
                double n = -1;
                if (i > 0 && l->t[i - 1].type == T_NUM)
                    n = l->t[i - 1].value;
                else if (i > 0 && l->t[i - 1].type == T_WORD) {
                    static const char *const nums[] = {"one", "two", "three", "four"};
                    for (int k = 0; k < 4; k++)
                        if (!strcmp(l->t[i - 1].word, nums[k]))
                            n = k + 1;
                }
                int k = i + 1;
                if (is_punct(l, k, '/'))
                    k++;
                if (is_word(l, k, "a") || is_word(l, k, "per") || is_word(l, k, "each"))
                    k++;
                if (n > 0 && (is_word(l, k, "day") || is_word(l, k, "daily") ||
                              is_word(l, k, "d") || is_word(l, k, "dly")))
                    set_freq(r, n);
                else if (n > 0 && is_word(l, k, "week"))
                    r->not_daily = "weekly";
            } else if (!strcmp(w, "day") && i > 0 && is_punct(l, i - 1, '/') &&
                       !(i > 1 && l->t[i - 2].type == T_WORD && !strcmp(l->t[i - 2].word, "x")))
                r->daily_word = 1;   /* "600mg/day" */
            continue;
        }
        if (t->type != T_CJK)
            continue;
        long cp = t->cp;
        /* 每日 每天 一日 一天 日 (+ N 次) */
        int day_word = (cp == 0x6BCF || supp_zh_number(l, i) == 1) &&
                       (is_cjk_char(l, i + 1, 0x65E5) || is_cjk_char(l, i + 1, 0x5929));
        if (day_word || ((cp == 0x65E5 || cp == 0x5929) && !(i > 0 && (is_cjk_char(l, i - 1, 0x6BCF) ||
                                                                        supp_zh_number(l, i - 1) >= 0)))) {
            int k = day_word ? i + 2 : i + 1;
            /* 每天吃两次, 每日服3次: a verb between */
            if (is_cjk_char(l, k, 0x5403) || is_cjk_char(l, k, 0x670D) || is_cjk_char(l, k, 0x7528) ||
                is_cjk_char(l, k, 0x5582))
                k++;
            int next;
            double n = supp_number_at(l, k, &next);
            if (n > 0 && (is_cjk_char(l, next, 0x6B21) || is_cjk_char(l, next, 0x56DE)))
                set_freq(r, n);          /* 每日3次, 一日2回 */
            else if (day_word && !(n > 0))
                r->daily_word = 1;       /* 每日, 每天 */
            if (day_word)
                i++;
            continue;
        }
        /* N次/日, N次每日 */
        if (cp == 0x6B21 && i > 0) {
            int prev = i - 1;
            double n = -1;
            if (l->t[prev].type == T_NUM)
                n = l->t[prev].value;
            else
                n = supp_zh_number(l, prev);
            int k = i + 1;
            if (is_punct(l, k, '/'))
                k++;
            if (n > 0 && (is_cjk_char(l, k, 0x65E5) || is_cjk_char(l, k, 0x5929) ||
                          (is_cjk_char(l, k, 0x6BCF) && (is_cjk_char(l, k + 1, 0x65E5) ||
                                                         is_cjk_char(l, k + 1, 0x5929)))))
                set_freq(r, n);
            else if (n > 0 && (is_cjk_char(l, k, 0x5468) ||
                               (is_cjk_char(l, k, 0x6BCF) && is_cjk_char(l, k + 1, 0x5468))))
                r->not_daily = "每周";
            continue;
        }
        if (cp == 0x6BCF && (is_cjk_char(l, i + 1, 0x665A) || is_cjk_char(l, i + 1, 0x65E9) ||
                             is_cjk_char(l, i + 1, 0x6668)))
            r->daily_word = 1;           /* 每晚 每早 每晨 */
        else if (cp == 0x7761 && is_cjk_char(l, i + 1, 0x524D))
            r->daily_word = 1;           /* 睡前 */
        else if (cp == 0x65E9 && is_cjk_char(l, i + 1, 0x665A) && is_cjk_char(l, i + 2, 0x5404))
            set_freq(r, 2);              /* 早晚各 */
        else if (cp == 0x65E9 && is_cjk_char(l, i + 1, 0x4E2D) && is_cjk_char(l, i + 2, 0x665A))
            set_freq(r, 3);              /* 早中晚 */
        else if (cp == 0x9694 && (is_cjk_char(l, i + 1, 0x65E5) || is_cjk_char(l, i + 1, 0x5929)))
            r->not_daily = "隔日";
        else if ((cp == 0x6BCF || supp_zh_number(l, i) == 1) && (is_cjk_char(l, i + 1, 0x5468) ||
                                                              (is_cjk_char(l, i + 1, 0x661F) &&
                                                               is_cjk_char(l, i + 2, 0x671F))))
            r->not_daily = "每周";
        else if ((cp == 0x5FC5 && is_cjk_char(l, i + 1, 0x8981)) ||
                 (cp == 0x9700 && is_cjk_char(l, i + 1, 0x8981)) ||
                 (cp == 0x6309 && is_cjk_char(l, i + 1, 0x9700)))
            r->not_daily = "必要时";
    }
}

/* 1 when the line names a Chinese generic by its mineral ("钙片", "镁片",
 * "钙剂") and 2 when it also says the figure is the element's ("含钙",
 * "元素钙", "钙含量", "相当于钙"). */
static int zh_generic(const line_text *l)
{
    int product = 0, element = 0;
    for (int i = 0; i < l->n; i++) {
        if (l->t[i].type != T_CJK || supp_element_word(l, i) < 0)
            continue;
        if (is_cjk_char(l, i + 1, 0x7247) || is_cjk_char(l, i + 1, 0x5242) ||
            is_cjk_char(l, i + 1, 0x7C92))
            product = 1;                                   /* 片 剂 粒 */
        if (is_cjk_char(l, i - 1, 0x542B) || is_cjk_char(l, i - 1, 0x7D20) ||
            is_cjk_char(l, i + 1, 0x542B) ||
            (is_cjk_char(l, i - 2, 0x76F8) && is_cjk_char(l, i - 1, 0x4E8E)))
            element = 1;                                   /* 含钙 元素钙 钙含量 相当于钙 */
    }
    return element ? 2 : product;
}

static const char *const weekdays[] = {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekdays", "weekends",
    NULL};

/* Counts ("2 tablets", "一次1片", "x2", "2 Tums"), strengths ("600 mg",
 * "含钙600mg", "400 mg/5 ml", "Mg glycinate 200"), ranges and vague
 * amounts. */
void supp_read_amounts(const line_text *l, reading *r, const int *salt_at)
{
    int zh = zh_generic(l);
    for (int i = 0; i < l->n; i++) {
        const token *t = &l->t[i];
        if (t->skip)
            continue;
        if (t->type == T_WORD && word_in(t->word, weekdays))
            r->not_daily = "on some days of the week";
        if (t->type == T_CJK && (t->cp == 0x5468 || (t->cp == 0x671F && is_cjk_char(l, i - 1, 0x661F))) &&
            (supp_zh_number(l, i + 1) > 0 || is_cjk_char(l, i + 1, 0x65E5)) &&
            !is_cjk_char(l, i - 1, 0x6BCF))
            r->not_daily = "on some days of the week";       /* 周一, 星期三 */
        int next;
        double v = supp_number_at(l, i, &next);
        if (v < 0) {
            /* vague words */
            if (t->type == T_WORD && (!strcmp(t->word, "few") || !strcmp(t->word, "several") ||
                                      !strcmp(t->word, "some")))
                r->range = t->word;
            if (t->type == T_CJK && (t->cp == 0x9002 && is_cjk_char(l, i + 1, 0x91CF)))
                r->range = "适量";
            if (t->type == T_CJK && t->cp == 0x51E0 && !is_cjk_char(l, i - 1, 0x6BCF))
                r->range = "几";
            /* "half a tablet", "a tablet", "two caps" */
            if (t->type == T_WORD && (!strcmp(t->word, "half") || !strcmp(t->word, "one") ||
                                      !strcmp(t->word, "two") || !strcmp(t->word, "three") ||
                                      !strcmp(t->word, "a") || !strcmp(t->word, "an"))) {
                int k = i + 1;
                double wv = !strcmp(t->word, "half") ? 0.5 : !strcmp(t->word, "two") ? 2
                            : !strcmp(t->word, "three") ? 3 : 1;
                if (!strcmp(t->word, "half") && (is_word(l, k, "a") || is_word(l, k, "an")))
                    k++;
                int named = 0;
                while (k < l->n && l->t[k].skip) {
                    k++;       /* "half a Mag-Ox 400 tab", "a Tums" */
                    named = 1;
                }
                double ml;
                int un, u = supp_dose_unit_at(l, k, &ml, &un);
                if (u == U_NONE && named && strcmp(t->word, "a") && strcmp(t->word, "an")) {
                    u = U_PIECE;   /* "half a Mag-Ox 400" */
                    un = k;
                }
                if (u != U_NONE && u != U_ML) {
                    if (isnan(r->count))
                        r->count = wv;
                    r->count_unit = u;
                    r->counts++;
                    i = un - 1;
                }
            }
            continue;
        }
        /* a frequency ("每日3次", "3 times") is read elsewhere */
        if (is_cjk_char(l, next, 0x6B21) || is_cjk_char(l, next, 0x56DE) ||
            is_word(l, next, "times") || is_word(l, next, "time"))
            continue;
        /* ranges: "1-2", "1~2", "1 to 2", "1 or 2", 一两 */
        int k = next;
        if ((is_punct(l, k, '-') || is_punct(l, k, '~') || is_word(l, k, "to") ||
             is_word(l, k, "or") || is_cjk_char(l, k, 0x81F3) || is_cjk_char(l, k, 0x5230)) &&
            k + 1 < l->n && (l->t[k + 1].type == T_NUM || supp_zh_number(l, k + 1) > 0)) {
            int n2;
            double v2 = supp_number_at(l, k + 1, &n2);
            double to_mg, ml;
            int sn, un;
            if (v2 > v && (supp_strength_unit(l, n2, &to_mg, &sn) || supp_dose_unit_at(l, n2, &ml, &un) ||
                           l->t[i].type != T_NUM || is_punct(l, k, '~'))) {
                r->range = "a range";
                i = n2 - 1;
                continue;
            }
        }
        if (t->type == T_CJK && supp_zh_number(l, i) > 0 && supp_zh_number(l, next) > 0 &&
            supp_zh_number(l, next) == v + 1) {
            r->range = "a range";        /* 一两片, 两三片 */
            i = next;
            continue;
        }
        double to_mg, ml;
        int sn, un;
        int su = supp_strength_unit(l, next, &to_mg, &sn);
        /* "Mg glycinate 200", "Magnesium 250": a bare figure right after a
         * salt's or a mineral's English name is mg. */
        int bare = su == S_NONE && t->type == T_NUM && i > 0 &&
                   (salt_at[i - 1] >= 0 || (l->t[i - 1].type == T_WORD && supp_element_word(l, i - 1) >= 0)) &&
                   supp_dose_unit_at(l, next, &ml, &un) == U_NONE && !is_word(l, next, "x") &&
                   !is_punct(l, next, '%') && v >= 1 && v <= 5000;
        if (su == S_NONE && t->type == T_NUM && is_punct(l, next, '%')) {
            /* "10%" of a solution: 10 g per 100 ml of the salt (w/v) */
            su = S_MG;
            to_mg = 10;
            sn = next + 1;
            if (r->ns < (int)(sizeof r->s / sizeof r->s[0])) {
                strength *s = &r->s[r->ns++];
                memset(s, 0, sizeof *s);
                s->value_mg = v * to_mg;
                s->unit = S_MG;
                s->element = -1;
                s->salt = -1;
                s->per_ml = 1;
                s->basis = SUPP_SALT + 1;
                for (int b = i - 1; b >= 0 && b >= i - 6; b--)
                    if (salt_at[b] >= 0) {
                        s->salt = salt_at[b];
                        break;
                    }
            }
            i = sn - 1;
            continue;
        }
        if (su != S_NONE || bare) {
            if (bare) {
                su = S_MG;
                to_mg = 1;
                sn = next;
            }
            if (r->ns < (int)(sizeof r->s / sizeof r->s[0])) {
                strength *s = &r->s[r->ns++];
                memset(s, 0, sizeof *s);
                s->value_mg = v * to_mg;
                s->unit = su;
                s->element = -1;
                s->salt = -1;
                /* What is named before it (up to four tokens back, past a
                 * bracket "(as ...)"): a salt, a mineral, "含", "elemental". */
                int seen = 0;
                for (int b = i - 1; b >= 0 && seen < 4; b--) {
                    if (is_punct(l, b, ')')) {
                        int o = b;
                        while (o > 0 && !is_punct(l, o, '('))
                            o--;
                        if (is_word(l, o + 1, "as") || is_cjk_char(l, o + 1, 0x4EE5))
                            b = o;   /* "Magnesium (as taurate) 125 mg": the bracket names the form */
                        continue;
                    }
                    if (l->t[b].type == T_NUM)
                        break;
                    seen++;
                    if (salt_at[b] >= 0) {
                        s->salt = salt_at[b];
                        break;
                    }
                    int e = supp_element_word(l, b);
                    if (e >= 0) {
                        s->element = e;
                        if (l->t[b].type != T_CJK || zh != 1)
                            s->basis = SUPP_ELEMENTAL + 1;
                        break;
                    }
                    if (is_word(l, b, "elemental") || is_cjk_char(l, b, 0x542B))
                        s->basis = SUPP_ELEMENTAL + 1;
                }
                if (!s->basis && s->salt < 0 && zh == 1)
                    s->ambiguous = 1;    /* "钙片 600mg", "600mg钙片" */
                if (is_word(l, sn, "elemental") || is_cjk_char(l, sn, 0x5143) ||
                    (is_punct(l, sn, '(') && is_word(l, sn + 1, "elemental"))) {
                    s->basis = SUPP_ELEMENTAL + 1;
                    s->ambiguous = 0;
                    int at = is_word(l, sn, "elemental") ? sn + 1 : sn + 2;
                    int e = at < l->n ? supp_element_word(l, at) : -1;
                    if (e >= 0)
                        s->element = e;
                }
                /* "400 mg/5 ml", "20 mEq/15 mL": a figure per volume */
                if (is_punct(l, sn, '/')) {
                    int vn;
                    double vol = supp_number_at(l, sn + 1, &vn);
                    int un2;
                    double ml2;
                    if (vol < 0) {
                        vol = 1;
                        vn = sn + 1;
                    }
                    if (supp_dose_unit_at(l, vn, &ml2, &un2) == U_ML) {
                        s->per_ml = vol * ml2;
                        sn = un2;
                    }
                }
                /* "2 tablets (1200 mg)": the total of the count before */
                if (i >= 2 && is_punct(l, i - 1, '(') && !isnan(r->count)) {
                    double ml2;
                    int n2;
                    if (supp_dose_unit_at(l, i - 2, &ml2, &n2) != U_NONE)
                        s->after_count = 1;
                }
            }
            i = sn - 1;
            continue;
        }
        int u = supp_dose_unit_at(l, next, &ml, &un);
        if (u == U_NONE && next < l->n && l->t[next].skip) {
            /* "2 Tums Ultra 1000", "2 slow mag tablets": a count before the name */
            int j = next;
            while (j < l->n && l->t[j].skip)
                j++;
            u = supp_dose_unit_at(l, j, &ml, &un);
            if (u == U_NONE) {
                u = U_PIECE;
                un = next;
                ml = 0;
                r->count_unit = U_NONE;
                if (isnan(r->count)) {
                    r->count = v;
                    r->counts = 1;
                }
                continue;
            }
        }
        if (u != U_NONE) {
            double c = u == U_ML ? v * ml : v;
            if (u != U_ML && is_cjk_char(l, un, 0x534A))
                c += 0.5;                /* 一片半 */
            if (!isnan(r->count) && !(u == r->count_unit && c == r->count))
                r->counts++;
            else if (isnan(r->count))
                r->counts = 1;
            r->count = c;
            r->count_unit = u;
            r->count_ml = u == U_ML ? 1 : 0;
            i = un - 1;
            continue;
        }
        /* "2 tds", "1 bd": a bare number before how often is a count */
        if (t->type == T_NUM && next < l->n && l->t[next].type == T_WORD &&
            (word_in(l->t[next].word, (const char *const[]){"bid", "bd", "tid", "tds", "qid", "qds",
                                                             "od", "qd", "daily", "nocte", "mane",
                                                             "qhs", "twice", "once", NULL}))) {
            if (isnan(r->count)) {
                r->count = v;
                r->count_unit = U_NONE;
                r->counts = 1;
            }
            continue;
        }
        /* "x2", "x 2", "2x", "2 x 600 mg": a count of the product */
        int x_before = i > 0 && is_word(l, i - 1, "x");
        int x_after = is_word(l, next, "x") &&
                      !(is_word(l, next + 1, "daily") || is_word(l, next + 1, "day") ||
                        is_punct(l, next + 1, '/') || is_word(l, next + 1, "a") ||
                        is_word(l, next + 1, "per"));
        if (t->type == T_NUM && (x_before || (x_after && (!l->t[next].space || (next + 1 < l->n &&
                                                                     l->t[next + 1].type == T_NUM))))) {
            if (x_before && (is_word(l, next, "daily") || is_word(l, next, "day") ||
                             is_word(l, next, "a")))
                continue;               /* "x 2 daily": a frequency */
            if (isnan(r->count)) {
                r->count = v;
                r->count_unit = U_NONE;
                r->counts = 1;
            }
            continue;
        }
    }
}

/* ---- The arithmetic ---------------------------------------------------------------- */

static double element_mg(double value, int unit, int element)
{
    if (unit == S_MEQ)
        return value * mg_per_mmol[element] / charge[element];
    if (unit == S_MMOL)
        return value * mg_per_mmol[element];
    return value;
}

/* A figure for people: whole numbers from 1,000, one decimal from 1 (".0"
 * dropped), two significant digits below. */
void supp_fmt_mg(char *buf, size_t size, double v)
{
    if (v >= 1000)
        snprintf(buf, size, "%.0f", v);
    else if (v >= 1)
        snprintf(buf, size, "%.1f", v);
    else
        snprintf(buf, size, "%.2g", v);
    size_t n = strlen(buf);
    if (n > 2 && !strcmp(buf + n - 2, ".0"))
        buf[n - 2] = '\0';
}

void supp_fail(kmgca_supplement *out, const char *fmt, ...)
{
    if (out->review[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vappendf(out->review, sizeof out->review, fmt, ap);
    va_end(ap);
    utf8_trim_end(out->review);
}

static const char *unit_name(int u, double amount)
{
    switch (u) {
    case U_SACHET: return amount == 1 ? "sachet" : "sachets";
    case U_ML: return "ml";
    case U_AMPOULE: return amount == 1 ? "ampoule" : "ampoules";
    case U_SCOOP: return amount == 1 ? "scoop" : "scoops";
    default: return amount == 1 ? "tablet" : "tablets";
    }
}

/* Product rows [first, last]: every mineral of the product. */
void supp_from_product(size_t first, size_t last, const reading *r, kmgca_supplement *out)
{
    const struct kmgca_supp_product *p0 = &kmgca_builtin_supp_products[first];
    double per_ml;
    int per_kind = supp_per_unit_kind(p0->per_unit, &per_ml);
    if (per_kind == U_NONE)
        per_kind = U_PIECE;
    /* How many of the label's units in one dose. */
    double units = 1;
    int count_written = !isnan(r->count);
    if (count_written) {
        int cu = r->count_unit == U_NONE ? per_kind : r->count_unit;
        if (cu == per_kind) {
            units = r->count;
        } else if (cu == U_AMPOULE && per_kind == U_ML) {
            units = r->count * 10;       /* an oral-solution ampoule (支) holds 10 ml */
            appendf(out->how, sizeof out->how, "an ampoule (支) of oral solution read as 10 ml; ");
        } else if (cu == U_ML && per_kind == U_AMPOULE) {
            units = r->count / 10;
            appendf(out->how, sizeof out->how, "10 ml read as one ampoule (支); ");
        } else if (cu == U_PIECE && per_kind == U_SACHET) {
            units = r->count;            /* "1 packet"/"1 包": the same thing said otherwise */
        } else {
            supp_fail(out, "%s is measured in %s, and the line gives %s", p0->name,
                      unit_name(per_kind, 2), unit_name(cu, 2));
            return;
        }
    } else if (per_kind == U_ML) {
        supp_fail(out, "%s is a liquid: write how many ml (its label gives %g ml)", p0->name,
                  p0->per_count);
        return;
    }
    out->count_assumed = !count_written;
    for (size_t i = first; i <= last; i++) {
        const struct kmgca_supp_product *p = &kmgca_builtin_supp_products[i];
        int e = p->element;
        double per_unit_mg = NAN;
        char label[200] = "";
        if (!isnan(p->amount)) {
            double f = 1;
            if (p->basis == SUPP_SALT) {
                f = kmgca_builtin_salts[p->salt].fraction;
                snprintf(label, sizeof label, "%g mg %s x %.1f%% %s", p->amount,
                         kmgca_builtin_salts[p->salt].name, 100 * f, supp_symbol[e]);
            } else if (p->basis == SUPP_MEQ) {
                f = MG_PER_MEQ_K;
                snprintf(label, sizeof label, "%g mEq x 39.1 mg", p->amount);
            } else {
                snprintf(label, sizeof label, "%g mg %s", p->amount, supp_symbol[e]);
            }
            per_unit_mg = p->amount * f / p->per_count;
        }
        /* A strength written for this mineral. */
        const strength *w = NULL;
        for (int k = 0; k < r->ns; k++) {
            const strength *s = &r->s[k];
            int se = s->element >= 0 ? s->element : s->salt >= 0 ? kmgca_builtin_salts[s->salt].element : -1;
            if (se == e || (se < 0 && first == last))
                if (!w || (s->basis == SUPP_ELEMENTAL + 1 && w->basis != SUPP_ELEMENTAL + 1))
                    w = s;
        }
        double dose_mg;
        char mg_text[32];
        if (w) {
            double written = element_mg(w->value_mg, w->unit, e);
            if (w->per_ml > 0) {
                /* "20 mEq/15 mL" of a liquid measured in ml: per ml, as the label */
                if (per_kind != U_ML) {
                    supp_fail(out, "a figure per ml for %s, which is not measured in ml", p->name);
                    return;
                }
                written /= w->per_ml;
            }
            int as_salt = w->unit == S_MG && w->basis != SUPP_ELEMENTAL + 1 &&
                          (w->salt >= 0 || w->basis == SUPP_SALT + 1 ||
                           (p->basis == SUPP_SALT && w->basis == 0));
            const struct kmgca_salt *salt = w->salt >= 0 ? &kmgca_builtin_salts[w->salt]
                                            : p->salt >= 0 ? &kmgca_builtin_salts[p->salt] : NULL;
            if (as_salt && salt)
                written *= salt->fraction;
            /* The label, one unit or the whole count: both fine. */
            double per_dose_label = per_unit_mg * units;
            int fits = !isnan(per_unit_mg) &&
                       (fabs(written - per_unit_mg) <= 0.03 * per_unit_mg ||
                        fabs(written - per_dose_label) <= 0.03 * per_dose_label ||
                        (as_salt == 0 && p->basis == SUPP_SALT && salt &&
                         fabs(written / salt->fraction - per_unit_mg / salt->fraction) <= 1));
            if (fits || isnan(per_unit_mg)) {
                if (!isnan(per_unit_mg)) {
                    dose_mg = per_unit_mg * units;
                } else if (count_written && !w->after_count) {
                    dose_mg = written * units;
                    per_unit_mg = written;
                } else {
                    dose_mg = written;
                    per_unit_mg = written;
                    if (!count_written)
                        out->count_assumed = 0;
                }
            } else if (!count_written) {
                /* "Klor-Con M10, 20 mEq daily": the dose as written */
                dose_mg = written;
                out->count_assumed = 0;
                supp_fmt_mg(mg_text, sizeof mg_text, written);
                appendf(out->how, sizeof out->how, "%s%s: %s mg %s a dose as written (label: %s a %s)",
                        out->how[0] && out->how[strlen(out->how) - 2] != ';' ? "; " : "", p->name,
                        mg_text, supp_symbol[e], label, unit_name(per_kind, 1));
                out->per_dose_mg[e] += dose_mg;
                continue;
            } else {
                char wt[32], lt[32];
                supp_fmt_mg(wt, sizeof wt, written);
                supp_fmt_mg(lt, sizeof lt, per_unit_mg);
                supp_fail(out, "the strength written (%s mg %s) is not the label's (%s mg %s a %s of "
                          "%s): check which is right",
                     wt, supp_symbol[e], lt, supp_symbol[e], unit_name(per_kind, 1), p->name);
                return;
            }
        } else if (isnan(per_unit_mg)) {
            if (p->note[0])
                supp_fail(out, "%s: %s", p->name, p->note);
            else
                supp_fail(out, "no strength written for %s: give the mg (or mEq) on the label",
                          p->name);
            return;
        } else {
            dose_mg = per_unit_mg * units;
        }
        out->per_dose_mg[e] += dose_mg;
        char per_text[32];
        supp_fmt_mg(per_text, sizeof per_text, per_unit_mg);
        appendf(out->how, sizeof out->how, "%s%s: %s mg %s a %s%s%s%s", out->how[0] &&
                out->how[strlen(out->how) - 2] != ';' ? "; " : "", p->name, per_text, supp_symbol[e],
                per_kind == U_ML ? "ml" : unit_name(per_kind, 1), label[0] ? " (label: " : "",
                label, label[0] ? ")" : "");
        if (units != 1 || per_kind == U_ML) {
            char u[32];
            supp_fmt_mg(u, sizeof u, units);
            appendf(out->how, sizeof out->how, " x %s %s", u,
                    per_kind == U_ML ? "ml" : unit_name(per_kind, units));
        }
        if (!out->source || !out->source[0])
            out->source = p->source;
    }
    copy_text(out->product, sizeof out->product, p0->name);
}

/* A salt or a mineral named alone, with the strengths written. */
void supp_from_strengths(const reading *r, int salt, int element_named, kmgca_supplement *out)
{
    int used = 0;
    double units = isnan(r->count) ? 1 : r->count;
    int liquid = !isnan(r->count) && r->count_unit == U_ML;
    /* One strength a mineral: an elemental figure beats the salt's. */
    const strength *pick[KMGCA_NUTRIENT_COUNT] = {0};
    for (int k = 0; k < r->ns; k++) {
        const strength *s = &r->s[k];
        int e = s->element;
        if (e < 0 && s->salt >= 0)
            e = kmgca_builtin_salts[s->salt].element;
        if (e < 0 && salt >= 0)
            e = kmgca_builtin_salts[salt].element;
        if (e < 0 && element_named >= 0)
            e = element_named;
        if (e < 0 || e >= KMGCA_NA)
            continue;
        if (!pick[e] || (s->basis == SUPP_ELEMENTAL + 1 && pick[e]->basis != SUPP_ELEMENTAL + 1))
            pick[e] = s;
    }
    for (int e = 0; e < KMGCA_NA; e++) {
        const strength *s = pick[e];
        if (!s)
            continue;
        double v = element_mg(s->value_mg, s->unit, e);
        const struct kmgca_salt *sa = s->salt >= 0 ? &kmgca_builtin_salts[s->salt]
                                      : salt >= 0 && kmgca_builtin_salts[salt].element == e
                                          ? &kmgca_builtin_salts[salt] : NULL;
        char text[200], mg_text[32];
        if (sa && sa->review[0] && !(s->basis == SUPP_ELEMENTAL + 1)) {
            supp_fail(out, "%s: %s", sa->name, sa->review);
            return;
        }
        /* A figure per volume ("400 mg/5 ml", "10%") needs the ml taken,
         * and ml need a figure per volume. */
        if (s->per_ml > 0 && !liquid) {
            supp_fail(out, "a liquid: write how many ml are taken");
            return;
        }
        if (liquid && !(s->per_ml > 0)) {
            supp_fail(out, "%g ml of a liquid whose strength per ml is not written: give it "
                      "(\"400 mg/5 ml\")", units);
            return;
        }
        double per = s->per_ml > 0 ? s->per_ml : 1;
        if (s->unit == S_MG && s->ambiguous) {
            supp_fail(out, "\"%g mg\" of a Chinese %s product may be the salt (medicine labels: "
                      "碳酸钙 1.5 g) or the element (health-food labels: 含钙 600 mg): write "
                      "含%s %g mg or the salt's name",
                 s->value_mg, kmgca_nutrient_name((kmgca_nutrient)e),
                 e == KMGCA_CA ? "钙" : e == KMGCA_MG ? "镁" : "钾", s->value_mg);
            return;
        }
        if (s->unit == S_MG && s->basis != SUPP_ELEMENTAL + 1 && sa) {
            supp_fmt_mg(mg_text, sizeof mg_text, v * sa->fraction);
            snprintf(text, sizeof text, "%g mg %s x %.1f%% %s = %s mg %s", s->value_mg, sa->name,
                     100 * sa->fraction, supp_symbol[e], mg_text, supp_symbol[e]);
            v *= sa->fraction;
            if (!out->source || !out->source[0])
                out->source = sa->source;
        } else if (s->unit != S_MG) {
            supp_fmt_mg(mg_text, sizeof mg_text, v);
            snprintf(text, sizeof text, "%g %s %s = %s mg", s->value_mg,
                     s->unit == S_MEQ ? "mEq" : "mmol", supp_symbol[e], mg_text);
            if (!out->source || !out->source[0])
                out->source = ATOMIC_SOURCE;
        } else {
            supp_fmt_mg(mg_text, sizeof mg_text, v);
            snprintf(text, sizeof text, "%s mg %s (the element, as Supplement Facts labels state "
                                        "it)", mg_text, supp_symbol[e]);
        }
        double dose = s->after_count ? v : v * units / per;
        out->per_dose_mg[e] += dose;
        appendf(out->how, sizeof out->how, "%s%s", out->how[0] ? "; " : "", text);
        if (s->per_ml > 0) {
            char u[32];
            supp_fmt_mg(u, sizeof u, units);
            appendf(out->how, sizeof out->how, " per %g ml x %s ml", s->per_ml, u);
        } else if (units != 1 && !s->after_count) {
            char u[32];
            supp_fmt_mg(u, sizeof u, units);
            appendf(out->how, sizeof out->how, " x %s %s", u, unit_name(r->count_unit, units));
        }
        used++;
    }
    if (!used)
        supp_fail(out, "no strength written: give the mg of %s (or of its salt) on the label",
                  salt >= 0 ? kmgca_builtin_salts[salt].name
                  : element_named >= 0 ? kmgca_nutrient_name((kmgca_nutrient)element_named)
                                  : "the mineral");
    out->count_assumed = isnan(r->count) && used;
}

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
    if (mode == KMGCA_SUPPLEMENT_INTAKE) {
        /* A diary line: most are food (medication lists are few, and read
         * whole). A name of the tables or a mineral's starts in the text or
         * in the dose, or the line is no supplement. */
        char quick[TEXT_LIMIT * 2];
        size_t qn = text_squeeze(text, quick, sizeof quick, NULL);
        int maybe = could_be_supplement(quick, qn);
        if (!maybe && dose[0]) {
            qn = text_squeeze(dose, quick, sizeof quick, NULL);
            maybe = could_be_supplement(quick, qn);
        }
        if (!maybe)
            return 0;
    }
    char joined[TEXT_LIMIT + 2];
    snprintf(joined, sizeof joined, "%s%s%s", text, dose[0] ? " , " : "", dose);
    if (!utf8_valid(joined, strlen(joined)))
        return 0;
    line_text *l = malloc(sizeof *l);
    if (!l)
        return 0;
    supp_normalise(joined, l);
    supp_tokenise(l);

    /* 1. The product, else a salt. */
    char q[TEXT_LIMIT * 2];
    unsigned short *map = malloc(sizeof(unsigned short) * sizeof q);
    if (!map) {
        free(l);
        return 0;
    }
    size_t qlen = text_squeeze(l->s, q, sizeof q, map);
    edges *ed = malloc(sizeof *ed);
    if (!ed) {
        free(map);
        free(l);
        return 0;
    }
    ed->map = map;
    supp_find_edges(l, ed);
    memset(ed->seen, 0, sizeof ed->seen);
    for (size_t i = 0; i + 3 <= qlen; i++) {
        unsigned h = supp_tri_hash(q + i);
        ed->seen[h >> 6] |= 1ull << (h & 63);
    }
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
        supp_mark_name(l, map, at, at + best);
    /* Salts named (also beside a product: "Caltrate (calcium carbonate)"). */
    int salt_at[TOKEN_LIMIT];
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
    free(ed);
    free(map);

    reading r;
    memset(&r, 0, sizeof r);
    r.count = NAN;
    r.freq = NAN;
    supp_read_amounts(l, &r, salt_at);
    supp_read_frequency(l, &r);
    int element_named = -1;
    for (int i = 0; i < l->n && element_named < 0; i++)
        element_named = supp_element_word(l, i);

    /* In a diary, a salt or a mineral that a food is made with is food. */
    if (product < 0 && mode == KMGCA_SUPPLEMENT_INTAKE && ingredient_of_food(l, salt_at)) {
        free(l);
        return 0;
    }
    if (product < 0 && salt < 0) {
        /* A diary's mineral named alone needs a dose-sized figure: "calcium
         * 600 mg", not the 140 g of a food. */
        int any_strength_of_element = 0;
        for (int k = 0; k < r.ns; k++)
            if (r.s[k].element >= 0 && r.s[k].element < KMGCA_NA &&
                !(mode == KMGCA_SUPPLEMENT_INTAKE && r.s[k].unit == S_MG && r.s[k].value_mg >= 5000))
                any_strength_of_element = 1;
        /* "atorvastatin calcium", "losartan potassium", "埃索美拉唑镁": the
         * mineral is the salt of another medicine (asked last: it is the
         * slow question) */
        if (element_named < 0 || element_named == KMGCA_NA ||
            (mode == KMGCA_SUPPLEMENT_INTAKE && !any_strength_of_element &&
             !supplement_cue(l, &r)) ||
            names_other_drug(text)) {
            free(l);
            return 0;
        }
    }
    out->recognised = 1;

    if (r.range)
        supp_fail(out, "%s (\"%s\"): write one amount", !strcmp(r.range, "a range") ? "a range"
                                                                             : "a vague amount",
             !strcmp(r.range, "a range") ? dose[0] ? dose : text : r.range);
    if (r.not_daily)
        supp_fail(out, "not every day (%s): kmgca cannot tell on which days; list the days taken in "
                  "the diary instead",
             r.not_daily);
    if (r.counts > 1)
        supp_fail(out, "more than one count (\"%s\"): write one dose and how often", dose[0] ? dose : text);

    if (!out->review[0]) {
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
            if (open && r.ns && p0->salt < 0) {
                /* "Cal-Mag: calcium 333 mg, magnesium 133 mg", "Citracal 315 mg" */
                supp_from_strengths(&r, salt, element_named >= 0 ? element_named : p0->element, out);
                copy_text(out->product, sizeof out->product, p0->name);
            } else if (cjk_salt && r.ns) {
                /* "碳酸钙D3片 1.25g": the salt or the element? A Chinese label
                 * gives both (每片含碳酸钙1.5克，相当于钙600毫克). */
                reading rr = r;
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
                supp_from_product((size_t)product, last, &r, out);
            }
        } else {
            supp_from_strengths(&r, salt, element_named, out);
            if (salt >= 0)
                copy_text(out->product, sizeof out->product, kmgca_builtin_salts[salt].name);
            else if (element_named >= 0)
                copy_text(out->product, sizeof out->product,
                          kmgca_nutrient_name((kmgca_nutrient)element_named));
        }
    }
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

    /* 4. How often. */
    double freq = 1;
    if (!isnan(r.freq))
        freq = r.freq;
    else if (mode == KMGCA_SUPPLEMENT_PER_DAY && !r.daily_word)
        out->frequency_assumed = 1;
    out->doses = freq;
    char tail[160] = "";
    if (freq != 1)
        snprintf(tail, sizeof tail, " x %g a day", freq);
    else if (mode == KMGCA_SUPPLEMENT_PER_DAY)
        snprintf(tail, sizeof tail, " x once a day%s",
                 out->frequency_assumed ? " (no frequency written, so assumed)" : "");
    if (out->count_assumed)
        appendf(out->how, sizeof out->how, " x 1 (no count written, so one assumed)");
    appendf(out->how, sizeof out->how, "%s =", tail);
    int first = 1;
    for (int e = 0; e < KMGCA_NA; e++) {
        out->mg[e] = out->per_dose_mg[e] * freq;
        if (out->mg[e] > 0) {
            char m[32];
            supp_fmt_mg(m, sizeof m, out->mg[e]);
            appendf(out->how, sizeof out->how, "%s %s mg %s", first ? "" : ",", m, supp_symbol[e]);
            first = 0;
        }
    }
    if (first)
        appendf(out->how, sizeof out->how, " no Ca, Mg or K");
    if (mode == KMGCA_SUPPLEMENT_PER_DAY)
        appendf(out->how, sizeof out->how, " a day");
    utf8_trim_end(out->how);
    /* An absurd figure is a typo, not a dose. */
    for (int e = 0; e < KMGCA_NA; e++)
        if (out->mg[e] > 20000) {
            char m[32];
            supp_fmt_mg(m, sizeof m, out->mg[e]);
            for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
                out->per_dose_mg[k] = out->mg[k] = 0;
            out->how[0] = '\0';
            supp_fail(out, "%s mg %s a day is far past any dose: check the strength and the count", m,
                      supp_symbol[e]);
            break;
        }
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
                     100 * kmgca_builtin_salts[p->salt].fraction, supp_symbol[p->element], p->per_count,
                     p->per_unit);
        else if (p->basis == SUPP_MEQ)
            snprintf(label, label_size, "%g mEq K per %g %s", p->amount, p->per_count,
                     p->per_unit);
        else
            snprintf(label, label_size, "%g mg %s per %g %s", p->amount, supp_symbol[p->element],
                     p->per_count, p->per_unit);
    }
    return 1;
}
