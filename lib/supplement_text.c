/* supplement_text.c — the text of a supplement line, before any reading:
 * normalised (lower case, full-width and Chinese marks as ASCII, vulgar
 * fractions as decimals) and cut into tokens; the words the reader knows
 * (a mineral's name, dose units such as tablets, 片 and ml, strength units
 * mg, g, mcg, mEq and mmol, Chinese numerals); and the longest spelling of
 * a product's or a salt's name that starts and ends on token edges.
 * Nothing here knows doses or salts' fractions: supplement_dose.c reads
 * the tokens, supplement.c looks the names up. */
#include "supplement.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
