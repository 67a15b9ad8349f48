/* measures.c — a food's own household measures, as the tables write them
 * ("cup, chopped", "serving 1/2 cup", "slice, medium (1/4\" thick)"): read
 * as a unit and words, the measure that holds a serving's words, the
 * measure named after the food, and rule 2 of weigh.c: a volume to grams
 * through the food's volume measures (the one whose words match the words
 * written after the unit, else another converted), the density of its
 * kind, or water for a drink. Also the numbers of the notes that say how a
 * serving was weighed.
 */
#include "msg_phrases.h"
#include "weigh.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Formatting --------------------------------------------------------- */

void fmt_amount(char *buf, size_t size, double v)
{
    /* ½ reads better than 0.5 in a note, and 1/3 better than 0.333. */
    static const struct {
        double v;
        const char *text;
    } nice[] = {{0.5, "1/2"}, {0.25, "1/4"}, {0.75, "3/4"}, {1.0 / 3, "1/3"},
                {2.0 / 3, "2/3"}, {0.125, "1/8"}};
    for (size_t i = 0; i < sizeof nice / sizeof nice[0]; i++)
        if (fabs(v - nice[i].v) < 1e-9) {
            copy_text(buf, size, nice[i].text);
            return;
        }
    number_g(buf, size, v, 4);
}

void fmt_grams(char *buf, size_t size, double g)
{
    /* 28.35, 90, 118, 1234.5: no trailing zeros, no false precision. */
    number_f(buf, size, g, g >= 100 ? 1 : 2);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
}

/* Whose measure it is, for the note. */
const char *measure_source(const kmgca_food *food)
{
    return strcmp(food->source, "custom") == 0 ? PH_CUSTOM_MEASURE
                                                : PH_USDA_MEASURE;
}

/* Lists a food's measures for an error message. */
void list_measures(const kmgca_food *food, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < food->portion_count && o + 1 < size; i++) {
        /* (a 斤 as bought is read from 斤 and 两 only: no measure to write) */
        if (!strcmp(food->portions[i].measure, MEASURE_AS_BOUGHT))
            continue;
        char amt[32];
        fmt_amount(amt, sizeof amt, food->portions[i].amount);
        int w = snprintf(buf + o, size - o, "%s%s %s", o ? "; " : "", amt,
                         food->portions[i].measure);
        if (w < 0 || (size_t)w >= size - o) {
            buf[o] = '\0';
            break;
        }
        o += (size_t)w;
    }
    if (!o)
        snprintf(buf, size, "none");
}

/* ---- A food's measures ---------------------------------------------------- */

/* A portion's measure read as a unit: "cup, chopped" -> cup + "chopped". */
typedef struct {
    const unit_def *unit;   /* NULL: household words */
    char words[16][TEXT_WORD_MAX];
    unsigned char parens[16];
    size_t word_count;      /* detail words (after the unit), or all words */
    double scale;           /* units in one measure: "serving 1/2 cup" is 0.5 */
    int embedded;           /* the unit was found inside the words */
} measure_info;

static void read_measure(const char *measure, measure_info *m)
{
    const char *p = measure;
    while (*p == ' ')
        p++;
    m->unit = NULL;
    m->scale = 1;
    m->embedded = 0;
    size_t ul = unit_at(p, &m->unit);
    if (!ul) {
        /* "serving 1/2 cup", "serving (1/2 cup)": a volume in the words */
        for (const char *q = p; *q; q++) {
            if (!(q[0] >= '0' && q[0] <= '9') || (q > p && q[-1] != ' ' && q[-1] != '('))
                continue;
            double v = 0, d = 0;
            size_t n = parse_decimal(q, &v);
            if (q[n] == '/' && parse_decimal(q + n + 1, &d) && d > 0) {
                size_t dn = parse_decimal(q + n + 1, &d);
                v /= d;
                n += 1 + dn;
            }
            const char *r = q + n;
            while (*r == ' ')
                r++;
            const unit_def *u = NULL;
            if (v > 0 && unit_at(r, &u) && u->kind == KMGCA_UNIT_VOLUME) {
                m->unit = u;
                m->scale = v;
                m->embedded = 1;
                break;
            }
        }
    }
    char folded[256];
    text_fold(ul ? p + ul : p, folded, sizeof folded);
    m->word_count = text_words(folded, m->words, m->parens, 16);
}

static double measure_ml(const kmgca_portion *pt, const measure_info *m)
{
    return pt->amount * m->scale * m->unit->factor;
}

/* Word overlap between the user's words and a measure's words. */
static size_t shared_words(char words[][TEXT_WORD_MAX], size_t n, const measure_info *m)
{
    size_t shared = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m->word_count; j++)
            if (strcmp(words[i], m->words[j]) == 0) {
                shared++;
                break;
            }
    return shared;
}

/* As shared_words, but a word matched inside parentheses ("wedge (1/4 of
 * medium tomato)") counts for less than one that names the measure. */
static double weighted_shared(char words[][TEXT_WORD_MAX], size_t n, const measure_info *m)
{
    double shared = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m->word_count; j++)
            if (strcmp(words[i], m->words[j]) == 0) {
                shared += (m->parens[j] & TEXT_IN_PARENS) ? 0.3 : 1.0;
                break;
            }
    return shared;
}

/* The household measure holding every one of the words, with the fewest
 * other words; -1 when none holds them all. whole_only: only measures of
 * one piece ("1 grape", not "10 grapes"). */
/* 1 when two measures of a container say the same before a bracket that
 * both have ("can or bottle (16 fl oz)", "(12 fl oz)"); not a pie's sizes. */
static int same_but_bracket(const char *a, const char *b)
{
    static const char *const held[] = {"can", "bottle", "carton", "container", "package",
                                       "packet", "box", "bag", "pouch", "jar"};
    const char *pa = strchr(a, '('), *pb = strchr(b, '(');
    if (!pa || !pb || pa - a != pb - b || strncmp(a, b, (size_t)(pa - a)) != 0)
        return 0;
    for (size_t k = 0; k < sizeof held / sizeof *held; k++)
        if (!strncmp(a, held[k], strlen(held[k])))
            return 1;
    return 0;
}

long find_portion_ex(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw,
                            int whole_only)
{
    long best = -1;
    double best_score = -1;
    for (unsigned i = 0; i < food->portion_count; i++) {
        if (!(food->portions[i].grams > 0) || !(food->portions[i].amount > 0))
            continue;
        /* USDA writes one chicken breast half as "0.5 breast". */
        if (whole_only && food->portions[i].amount != 1 &&
            !(food->portions[i].amount == 0.5 &&
              !strncmp(food->portions[i].measure, "breast", 6)))
            continue;
        measure_info m;
        read_measure(food->portions[i].measure, &m);
        if (m.unit && !m.embedded)
            continue;       /* mass and volume rows are not household words */
        size_t matched = shared_words(words, nw, &m);
        if (matched == 0 || matched < nw)
            continue;
        /* a measure of the whole pan ("square cornbread (8" pan)", 541 g) is
         * no square or piece of it unless the pan is asked for */
        int pan = 0, asked_pan = 0;
        for (size_t j = 0; j < m.word_count; j++)
            pan |= !strcmp(m.words[j], "pan");
        for (size_t k = 0; k < nw; k++)
            asked_pan |= !strcmp(words[k], "pan");
        if (pan && !asked_pan)
            continue;
        double extra = 0;
        int without = 0, asked_without = 0;
        for (size_t j = 0; j < m.word_count; j++) {
            /* a word the serving asked for is no extra ("bagel" is the
             * bagel, before "small bagel (3" dia)") */
            int asked = 0;
            for (size_t k = 0; k < nw && !asked; k++)
                asked = !strcmp(words[k], m.words[j]);
            /* (nor is "regular", the size that is no size: a "regular
             * sandwich" before the open one of "sandwich (1 slice bread)") */
            if (!asked && strcmp(m.words[j], "regular") != 0)
                extra += m.parens[j] ? 0.01 : 0.1;
            without |= !strcmp(m.words[j], "without");
        }
        for (size_t j = 0; j < nw; j++)
            asked_without |= !strcmp(words[j], "without");
        /* a food of meat only is the piece without its skin ("thigh
         * without skin", 116 g, not "thigh with skin", 137 g) */
        asked_without |= strstr(food->description, "meat only") != NULL ||
                         strstr(food->description, "skinless") != NULL;
        /* "drumstick, with skin" is not "drumstick without skin". */
        if (without != asked_without)
            extra += 0.5;
        double score = weighted_shared(words, nw, &m) - extra;
        /* measures that differ only in their bracket ("can or bottle (16
         * fl oz)", "(12 fl oz)"): the smaller, the common one */
        if (score > best_score ||
            (best >= 0 && fabs(score - best_score) < 1e-9 &&
             same_but_bracket(food->portions[i].measure, food->portions[best].measure) &&
             food->portions[i].grams / food->portions[i].amount <
                 food->portions[best].grams / food->portions[best].amount)) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

long find_portion(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw)
{
    return find_portion_ex(food, words, nw, 0);
}

long portion_of_pieces(const kmgca_food *food, const char *key, double *pieces)
{
    for (unsigned i = 0; i < food->portion_count; i++) {
        const kmgca_portion *pt = &food->portions[i];
        const char *open = strchr(pt->measure, '(');
        if (!open || !(pt->grams > 0) || !(pt->amount > 0))
            continue;
        char *end;
        double n = strtod(open + 1, &end);
        const char *close = strchr(end, ')');
        /* a whole number of pieces: "(14 halves)", not "(1/10 of loaf)" */
        if (!(n >= 2 && n <= 500) || n != floor(n) || *end != ' ' || !close)
            continue;
        char inner[64], folded[128], words[8][TEXT_WORD_MAX];
        snprintf(inner, sizeof inner, "%.*s", (int)(close - end), end);
        text_fold(inner, folded, sizeof folded);
        size_t nw = text_words(folded, words, NULL, 8);
        if (nw && !strcmp(words[nw - 1], key)) {
            *pieces = n;
            return (long)i;
        }
    }
    return -1;
}

/* 1 when each of n words is a word of the food's own description ("bagel"
 * of "Bagel"; "cookies" of "Cookie, chocolate chip"); 0 for none. */
int words_in_description(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t n)
{
    char folded[512], desc[32][TEXT_WORD_MAX];
    text_fold(food->description, folded, sizeof folded);
    size_t nd = text_words(folded, desc, NULL, 32), in_desc = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < nd; j++)
            if (!strcmp(words[i], desc[j])) {
                in_desc++;
                break;
            }
    return n && in_desc == n;
}

/* The measure a food text names by a brand's word of its own ("Chips Ahoy!
 * cookies" for FNDDS's "Nabisco Chips Ahoy!"): a word of the text, of four
 * letters or more, that the food's description does not hold and that the
 * measure writes with a capital. Only when one measure shares the most such
 * words (several Subway measures share "Subway": none); -1 when none. */
long portion_named_by_text(const kmgca_food *food, const char *text)
{
    char folded[512], words[24][TEXT_WORD_MAX], desc[32][TEXT_WORD_MAX];
    text_fold(text, folded, sizeof folded);
    size_t nw = text_words(folded, words, NULL, 24);
    text_fold(food->description, folded, sizeof folded);
    size_t nd = text_words(folded, desc, NULL, 32);
    char own[24][TEXT_WORD_MAX];
    size_t no = 0;
    /* (a word as the description writes it, plural or not: "raisin" of
     * "Cookie, oatmeal, with raisins" is no word of the text's own) */
    for (size_t j = 0; j < nd; j++)
        text_word_key(desc[j]);
    for (size_t i = 0; i < nw; i++) {
        char key[TEXT_WORD_MAX];
        copy_text(key, sizeof key, words[i]);
        text_word_key(key);
        int known = strlen(words[i]) < 4;
        for (size_t j = 0; j < nd && !known; j++)
            known = !strcmp(key, desc[j]);
        for (size_t j = 0; j < no && !known; j++)
            known = !strcmp(words[i], own[j]);
        if (!known)
            strcpy(own[no++], words[i]);
    }
    long best = -1;
    size_t best_shared = 0;
    int tie = 0;
    for (unsigned i = 0; no && i < food->portion_count; i++) {
        if (!(food->portions[i].grams > 0) || !(food->portions[i].amount > 0))
            continue;
        /* the measure's words written with a capital, as a brand is */
        const char *m = food->portions[i].measure;
        char caps[256];
        size_t cl = 0;
        for (size_t k = 0; m[k] && cl + 2 < sizeof caps;) {
            size_t len = strcspn(m + k, " ,()/-");
            if (len && isupper((unsigned char)m[k]) && cl + len + 1 < sizeof caps) {
                memcpy(caps + cl, m + k, len);
                cl += len;
                caps[cl++] = ' ';
            }
            k += len ? len : 1;
        }
        caps[cl] = '\0';
        char cw[16][TEXT_WORD_MAX];
        text_fold(caps, folded, sizeof folded);
        size_t nc = text_words(folded, cw, NULL, 16), shared = 0;
        for (size_t a = 0; a < no; a++)
            for (size_t b = 0; b < nc; b++)
                if (!strcmp(own[a], cw[b])) {
                    shared++;
                    break;
                }
        /* the brand named, not one word of it ("almond milk" names no
         * "Monster Milk" bottle): all its words written, or two of a longer
         * name */
        size_t written = 0;
        for (size_t b = 0; b < nc; b++)
            for (size_t a = 0; a < nw; a++)
                if (!strcmp(words[a], cw[b])) {
                    written++;
                    break;
                }
        if (nc <= 2 ? written < nc : written < 2)
            shared = 0;
        if (shared > best_shared) {
            best = i;
            best_shared = shared;
            tie = 0;
        } else if (shared && shared == best_shared) {
            tie = 1;
        }
    }
    return tie ? -1 : best;
}

/* 1 when a measure is a smaller edition of a product ("miniature/bite
 * size", "fun/snack size", "Kit Kat Bite", "kids serving"): one of the
 * product as sold is the regular one. */
int measure_smaller_edition(const char *measure)
{
    static const char *const smaller[] = {"miniature", "mini ", "fun", "bite",
                                          "snack size", "kids", "kid's"};
    char low[128];
    size_t n = 0;
    for (; measure[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)measure[n]);
    low[n] = '\0';
    for (size_t k = 0; k < sizeof smaller / sizeof *smaller; k++)
        if (strstr(low, smaller[k]))
            return 1;
    return 0;
}

/* 1 when a measure says a length or width of `inches`: 6", a range 7-8",
 * a mixed number 2-7/8" (its whole, dash, fraction). */
static int measure_says_inches(const char *m, double inches)
{
    for (const char *q = strchr(m, '"'); q; q = strchr(q + 1, '"')) {
        const char *b = q;
        while (b > m && (isdigit((unsigned char)b[-1]) || b[-1] == '.' || b[-1] == '-' ||
                         b[-1] == '/'))
            b--;
        if (b == q || !isdigit((unsigned char)*b))
            continue;
        char num[24];
        size_t n = (size_t)(q - b) < sizeof num - 1 ? (size_t)(q - b) : sizeof num - 1;
        memcpy(num, b, n);
        num[n] = '\0';
        char *e;
        double lo = strtod(num, &e), hi = lo;
        if (*e == '-' && strchr(e, '/')) {
            double top = strtod(e + 1, &e), bottom = *e == '/' ? strtod(e + 1, &e) : 0;
            lo = hi = bottom > 0 ? lo + top / bottom : lo;
        } else if (*e == '-') {
            hi = strtod(e + 1, &e);
        } else if (*e == '/') {
            double bottom = strtod(e + 1, &e);   /* 3/4" */
            lo = hi = bottom > 0 ? lo / bottom : lo;
        }
        if (inches >= lo - 0.01 && inches <= hi + 0.01)
            return 1;
    }
    return 0;
}

/* 1 when a measure is of something eaten by the piece or the slice, whose
 * length says the whole it was cut from ("pie (9" dia)", "piece (1/8 of
 * 12" pizza)", "square cornbread (8" pan)"): no length of one eaten */
static int cut_from_a_whole(const char *m)
{
    static const char *const wholes[] = {"pie", "cake", "quiche", "pizza", "pan", "piece",
                                         "slice", "loaf", "tart"};
    if (strchr(m, '/'))
        return 1;   /* "(1/8 of 9" pie)" */
    for (size_t k = 0; k < sizeof wholes / sizeof *wholes; k++)
        for (const char *q = strstr(m, wholes[k]); q; q = strstr(q + 1, wholes[k]))
            if ((q == m || !isalpha((unsigned char)q[-1])) &&
                !isalpha((unsigned char)q[strlen(wholes[k])]))
                return 1;
    return 0;
}

int measure_by_length(const kmgca_portion *p)
{
    return !strncmp(p->measure, "inch", 4) && (p->measure[4] == ' ' || !p->measure[4]) &&
           p->grams > 0 && p->amount > 0;
}

const kmgca_portion *shortest_by_length(const kmgca_food *food)
{
    const kmgca_portion *best = NULL;
    for (unsigned i = 0; i < food->portion_count; i++)
        if (measure_by_length(&food->portions[i]) &&
            (!best || food->portions[i].amount < best->amount))
            best = &food->portions[i];
    return best;
}

long portion_of_length(const kmgca_food *food, double inches, double *each)
{
    for (unsigned i = 0; i < food->portion_count; i++) {
        const kmgca_portion *p = &food->portions[i];
        const char *m = p->measure;
        if (!(p->grams > 0) || !(p->amount > 0) || cut_from_a_whole(m))
            continue;
        if (measure_by_length(p)) {
            if (fabs(p->amount - inches) < 0.01) {
                *each = p->grams;   /* "6 inch sub": one sub of 6 inches */
                return i;
            }
            continue;
        }
        if (measure_says_inches(m, inches) ||
            (fabs(inches - 12) < 0.01 && (strstr(m, "footlong") || strstr(m, "foot long")))) {
            *each = p->grams / p->amount;
            return i;
        }
    }
    return -1;
}

int unit_length(const char *unit, double *inches, const char **rest)
{
    char *e;
    if (!isdigit((unsigned char)unit[0]))
        return 0;
    double v = strtod(unit, &e);
    if (*e != '"' || (e[1] != '\0' && e[1] != ' ') || !(v > 0))
        return 0;
    *inches = v;
    *rest = e[1] ? e + 2 : e + 1;
    return 1;
}

/* The portion named after the food itself ("1 potato", "1 tortilla"). */
long food_named_portion(const kmgca_food *food, int whole_only)
{
    char folded[512], desc[32][TEXT_WORD_MAX];
    text_fold(food->description, folded, sizeof folded);
    size_t nd = text_words(folded, desc, NULL, 32);
    for (size_t j = 0; j < nd; j++) {
        char w[2][TEXT_WORD_MAX];
        strcpy(w[0], desc[j]);
        /* The usual size first: "medium", "regular", a plain one; of
         * "pita, small" and "pita, large", the large. */
        static const char *const sizes[] = {"medium", "regular"};
        long pick = -1;
        for (size_t k = 0; k < 2 && pick < 0; k++) {
            strcpy(w[1], sizes[k]);
            pick = find_portion_ex(food, w, 2, whole_only);
        }
        if (pick < 0) {
            pick = find_portion_ex(food, w, 1, whole_only);
            if (pick >= 0 && (strstr(food->portions[pick].measure, "small") ||
                              strstr(food->portions[pick].measure, "mini"))) {
                strcpy(w[1], "large");
                long large = find_portion_ex(food, w, 2, whole_only);
                if (large >= 0)
                    pick = large;
            }
        }
        if (pick < 0 || measure_smaller_edition(food->portions[pick].measure))
            continue;
        /* (not a maker's product named in capitals, "Tastykake Oatmeal
         * Raisin Bar" of an oatmeal cookie: a bar of its own size) */
        const char *pm = food->portions[pick].measure;
        if (isupper((unsigned char)pm[0])) {
            char first[TEXT_WORD_MAX], fw[1][TEXT_WORD_MAX];
            size_t fl = strcspn(pm, " ,(");
            if (fl < sizeof first) {
                memcpy(first, pm, fl);
                first[fl] = '\0';
                char ff[TEXT_WORD_MAX * 2];
                text_fold(first, ff, sizeof ff);
                int in_desc = 0;
                if (text_words(ff, fw, NULL, 1) == 1)
                    for (size_t d = 0; d < nd && !in_desc; d++)
                        in_desc = !strcmp(fw[0], desc[d]);
                if (!in_desc)
                    continue;
            }
        }
        /* The word must name the measure, not sit in its brackets ("1 unit
         * (yield from 1 lb ready-to-cook chicken)" is no chicken). */
        measure_info m;
        read_measure(food->portions[pick].measure, &m);
        if (weighted_shared(w, 1, &m) >= 1)
            return pick;
    }
    return -1;
}

/* ---- Volume ----------------------------------------------------------------- */

/* Grams of `ml` of a food through its own volume measures: the measure
 * of that unit (matching the detail words), else the best other one. */
int volume_to_grams(const kmgca_food *food, const char *unit, double amount,
                           double unit_ml, const char *detail, double *grams, char *how,
                           size_t how_size)
{
    char detail_words[8][TEXT_WORD_MAX];
    char folded[128];
    text_fold(detail ? detail : "", folded, sizeof folded);
    size_t nd = text_words(folded, detail_words, NULL, 8);
    long same = -1, other = -1;
    size_t same_shared = 0;
    int same_plain = 0;
    double other_ml = 0;
    int other_plain = 0;
    for (unsigned i = 0; i < food->portion_count; i++) {
        measure_info m;
        read_measure(food->portions[i].measure, &m);
        if (!m.unit || m.unit->kind != KMGCA_UNIT_VOLUME || !(food->portions[i].grams > 0) ||
            !(food->portions[i].amount > 0))
            continue;
        if (unit && strcmp(m.unit->canonical, unit) == 0) {
            size_t shared = shared_words(detail_words, nd, &m);
            /* Most shared detail words; then plain (no detail words); then
             * the first listed. */
            int plain = m.word_count == 0;
            if (same < 0 || shared > same_shared ||
                (shared == same_shared && plain && !same_plain)) {
                same = i;
                same_shared = shared;
                same_plain = plain;
            }
        } else {
            int plain = m.word_count == 0;
            double ml = measure_ml(&food->portions[i], &m);
            if (other < 0 || (plain && !other_plain) || (plain == other_plain && ml > other_ml)) {
                other = i;
                other_ml = ml;
                other_plain = plain;
            }
        }
    }
    char amt[32], g[32], pg[32], pa[32];
    fmt_amount(amt, sizeof amt, amount);
    if (same >= 0) {
        const kmgca_portion *pt = &food->portions[same];
        measure_info m;
        read_measure(pt->measure, &m);
        *grams = amount * pt->grams / (pt->amount * m.scale);
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s %s = %s g (%s \"%s\")", amt, unit, g,
                     measure_source(food), pt->measure);
        return 1;
    }
    if (other >= 0) {
        const kmgca_portion *pt = &food->portions[other];
        measure_info m;
        read_measure(pt->measure, &m);
        double g_per_ml = pt->grams / measure_ml(pt, &m);
        *grams = amount * unit_ml * g_per_ml;
        fmt_grams(g, sizeof g, *grams);
        fmt_grams(pg, sizeof pg, pt->grams);
        fmt_amount(pa, sizeof pa, pt->amount);
        if (how)
            snprintf(how, how_size, "%s %s = %s g (" PH_CONVERTED_FROM "%s %s \"%s\" = %s g)", amt,
                     unit, g, measure_source(food), pa, pt->measure, pg);
        return 1;
    }
    return 0;
}

/* Drinks the tables give no volume for weigh as water does. */
int watery(const kmgca_food *food)
{
    static const char *const kinds[] = {"water", "tea", "coffee", "soft_drink", "juice",
                                        "beer", "wine", "spirits", "milk", "soup"};
    const char *k = kmgca_food_kind(food);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(k, kinds[i]) == 0)
            return 1;
    return 0;
}

/* No volume in the table: the density of the food's kind, if kmgca has one
 * (containers.csv "density" rows), with the reason in `how`. */
int density_grams(const kmgca_food *food, double ml, double *grams, char *how,
                         size_t how_size)
{
    const struct kmgca_container *d = container_find(NULL, "density", food->kind, NULL, 1);
    if (!d || !d->kind)
        return 0;
    *grams = ml * d->amount;
    snprintf(how, how_size, PH_NO_VOLUME_FOOD "%g" PH_G_PER_ML ", %s, %s",
             d->amount, d->note,
             !strcmp(d->source, "judgement") ? PH_JUDGEMENT : d->source);
    return 1;
}

kmgca_status volume_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
                                 char *how, size_t how_size, kmgca_error *err)
{
    if (!strcmp(s->unit, "pint") && (!strcmp(kmgca_food_kind(food), "beer") ||
                                     !strcmp(kmgca_food_kind(food), "milk"))) {
        /* A pint of beer is the glass pubs pour, a pint of milk the bottle
         * or carton UK and Irish shops sell: the imperial pint (US shops
         * sell milk by the half gallon and gallon). */
        kmgca_serving imperial = *s;
        imperial.amount = s->amount * 568.26125;
        imperial.unit_factor = 1;
        copy_text(imperial.unit, sizeof imperial.unit, "ml");
        kmgca_status st = volume_grams(food, &imperial, grams, how, how_size, err);
        if (st == KMGCA_OK && how && how_size)
            appendf(how, how_size, "%s",
                    !strcmp(kmgca_food_kind(food), "milk")
                        ? "; a pint of milk read as an imperial pint (568 ml, as sold in the UK "
                          "and Ireland; a US pint is 473 ml)"
                        : PH_PINT_OF_BEER);
        return st;
    }
    if (volume_to_grams(food, s->unit, s->amount, s->unit_factor, s->detail, grams, how,
                        how_size))
        return KMGCA_OK;
    char amt[32];
    fmt_amount(amt, sizeof amt, s->amount);
    char dense[200];
    if (density_grams(food, s->amount * s->unit_factor, grams, dense, sizeof dense)) {
        char g[32];
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s %s = %s g (%s)", amt, s->unit, g, dense);
        return KMGCA_OK;
    }
    if (watery(food)) {
        char g[32];
        *grams = s->amount * s->unit_factor;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s %s = %s g (" PH_NO_VOLUME_DRINK ")",
                     amt, s->unit, g);
        return KMGCA_OK;
    }
    char list[400];
    list_measures(food, list, sizeof list);
    return kmgca_fail(err, KMGCA_ERROR_UNIT,
                      "\"%s\" has no volume measure, so %s %s cannot be weighed; give grams "
                      "(its measures: %s)",
                      food->description, amt, s->unit, list);
}
