/* weigh.c — a serving to grams of a food, and a diary line in one step.
 *
 * Rules, in order (the man page and README repeat them):
 *  1. Mass converts directly (1 oz = 28.349523125 g, 1 lb = 453.59237 g,
 *     斤 = 500 g, 两 = 50 g).
 *  2. Volume uses the food's own household measure of that unit; of
 *     several ("cup, chopped", "cup, sliced") the one whose words match the
 *     words written after the unit, else the plain one, else the first.
 *     A unit the food has no row for is converted through another of its
 *     volume measures (plain rows and larger volumes first).
 *  3. A household word or container (slice, bowl, glass, handful, 个, 碗,
 *     把 ...) names a concept (foodtables/measure_words.csv). The food's own
 *     measures are tried in the order foodtables/containers.csv gives for
 *     that concept and the food's kind; then that row's default amount (a
 *     cited container size), scaled for "small" (2/3) or "large" (3/2)
 *     when the table has no row for the size. The note says which.
 *  4. Other words ("2 large biscuits", "1 fillet") pick the measure holding
 *     all of them, with fewest other words.
 *  5. A bare count ("2", "3 eggs") is the concept "item".
 *  6. No amount at all is one typical serving: FNDDS "Quantity not
 *     specified", the kind's own measures, then its typical amount; always
 *     said, never a silent 100 g.
 *  Anything else is an error with the reason and the measures available.
 */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_AMOUNT 1e6

/* ---- Formatting --------------------------------------------------------- */

static void fmt_amount(char *buf, size_t size, double v)
{
    /* ½ reads better than 0.5 in a note, and 1/3 better than 0.333. */
    static const struct {
        double v;
        const char *text;
    } nice[] = {{0.5, "1/2"}, {0.25, "1/4"}, {0.75, "3/4"}, {1.0 / 3, "1/3"},
                {2.0 / 3, "2/3"}, {0.125, "1/8"}};
    for (size_t i = 0; i < sizeof nice / sizeof nice[0]; i++)
        if (fabs(v - nice[i].v) < 1e-9) {
            snprintf(buf, size, "%s", nice[i].text);
            return;
        }
    snprintf(buf, size, "%.4g", v);
}

static void fmt_grams(char *buf, size_t size, double g)
{
    /* 28.35, 90, 118, 1234.5: no trailing zeros, no false precision. */
    snprintf(buf, size, g >= 100 ? "%.1f" : "%.2f", g);
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
static const char *measure_source(const kmgca_food *food)
{
    return strcmp(food->source, "custom") == 0 ? "custom food measure"
                                                : "USDA household measure";
}

/* Lists a food's measures for an error message. */
static void list_measures(const kmgca_food *food, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < food->portion_count && o + 1 < size; i++) {
        char amt[32];
        fmt_amount(amt, sizeof amt, food->portions[i].amount);
        int w = snprintf(buf + o, size - o, "%s%s %s", i ? "; " : "", amt,
                         food->portions[i].measure);
        if (w < 0 || (size_t)w >= size - o) {
            buf[o] = '\0';
            break;
        }
        o += (size_t)w;
    }
    if (!food->portion_count)
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
static long find_portion_ex(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw,
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
        double extra = 0;
        int without = 0, asked_without = 0;
        for (size_t j = 0; j < m.word_count; j++) {
            extra += m.parens[j] ? 0.01 : 0.1;
            without |= !strcmp(m.words[j], "without");
        }
        for (size_t j = 0; j < nw; j++)
            asked_without |= !strcmp(words[j], "without");
        /* "drumstick, with skin" is not "drumstick without skin". */
        if (without != asked_without)
            extra += 0.5;
        double score = weighted_shared(words, nw, &m) - extra;
        if (score > best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

static long find_portion(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw)
{
    return find_portion_ex(food, words, nw, 0);
}

/* The portion named after the food itself ("1 potato", "1 tortilla"). */
static long food_named_portion(const kmgca_food *food, int whole_only)
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
        if (pick < 0)
            continue;
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
static int volume_to_grams(const kmgca_food *food, const char *unit, double amount,
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
            snprintf(how, how_size, "%s %s = %s g (converted from %s %s \"%s\" = %s g)", amt,
                     unit, g, measure_source(food), pa, pt->measure, pg);
        return 1;
    }
    return 0;
}

/* Drinks the tables give no volume for weigh as water does. */
static int watery(const kmgca_food *food)
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
static int density_grams(const kmgca_food *food, double ml, double *grams, char *how,
                         size_t how_size)
{
    const struct kmgca_container *d = container_find(NULL, "density", food->kind, NULL, 1);
    if (!d || !d->kind)
        return 0;
    *grams = ml * d->amount;
    snprintf(how, how_size, "the table gives no volume for this food: %g g per ml, %s, %s",
             d->amount, d->note,
             !strcmp(d->source, "judgement") ? "kmgca's judgement" : d->source);
    return 1;
}

static kmgca_status volume_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
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
            appendf(how, how_size, "; a pint of %s read as an imperial pint (568 ml, as "
                                   "%s in the UK and Ireland; a US pint is 473 ml)",
                    !strcmp(kmgca_food_kind(food), "milk") ? "milk" : "beer",
                    !strcmp(kmgca_food_kind(food), "milk") ? "sold" : "poured");
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
            snprintf(how, how_size, "%s %s = %s g (the table gives no volume for this drink: "
                                    "weighed as water, 1 g per ml)",
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

/* ---- Household words and containers ---------------------------------------- */

typedef struct {
    char word[32];            /* the household word as written: "碗", "slice" */
    const char *concept;      /* "bowl"; NULL for words the list does not hold */
    const char *size;         /* "small", "large" ...; NULL */
    char other[8][TEXT_WORD_MAX]; /* words the list does not hold */
    size_t other_count;
} household;

static void read_household(const char *unit, household *h)
{
    memset(h, 0, sizeof *h);
    char folded[128], rest[128] = "";
    text_fold(unit, folded, sizeof folded);
    const char *p = folded;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t len;
        const struct kmgca_measure_word *m = measure_word_at(p, &len);
        if (m) {
            if (m->size[0])
                h->size = m->size;
            if (m->concept[0]) {
                h->concept = m->concept;
                copy_text(h->word, len + 1 < sizeof h->word ? len + 1 : sizeof h->word, p);
            }
            p += len;
            continue;
        }
        size_t wl = 0;
        if ((unsigned char)*p >= 0x80) {
            utf8_decode(p, &wl);
        } else {
            while (p[wl] && p[wl] != ' ')
                wl++;
        }
        appendf(rest, sizeof rest, "%s%.*s", rest[0] ? " " : "", (int)wl, p);
        p += wl;
    }
    /* The other words read together, so that phrases stay one idea
     * ("with skin" is not "without skin"). */
    h->other_count = text_words(rest, h->other, NULL, 8);
}

static double size_factor(const char *size)
{
    if (!size || !strcmp(size, "medium"))
        return 1;
    if (!strcmp(size, "small"))
        return 2.0 / 3;
    if (!strcmp(size, "extra large") || !strcmp(size, "jumbo"))
        return 2;
    return 1.5;
}

/* What a resolution found, for the note. */
typedef struct {
    double grams_each;        /* grams of one unit */
    char said[240];           /* how one unit was weighed */
} each;

/* "; large: 3/2 of that, kmgca's judgement", or "" for no scaling. */
static void size_said(char *buf, size_t size, const char *word, double factor)
{
    buf[0] = '\0';
    if (factor != 1)
        snprintf(buf, size, "; %s: %s of that, kmgca's judgement", word,
                 factor < 1 ? "2/3" : factor == 2 ? "twice" : "3/2");
}

/* One unit of a default amount (g, or ml weighed through the food's volume
 * measures), scaled by `factor`, with its note and source; `name` leads the
 * note when the amount is a name's own ("饺子: ..."). */
static int amount_each(const kmgca_food *food, double amount, const char *unit, double factor,
                       const char *size, const char *name, const char *note, const char *source,
                       each *out)
{
    amount *= factor;
    char amt[32], g[32], sized[80], lead[64] = "";
    fmt_amount(amt, sizeof amt, amount);
    int judged = !strcmp(source, "judgement");
    size_said(sized, sizeof sized, size, factor);
    if (judged) {
        /* One "kmgca's judgement" is enough. */
        char *j = strstr(sized, ", kmgca's judgement");
        if (j)
            *j = '\0';
        source = "kmgca's judgement";
    }
    if (name)
        snprintf(lead, sizeof lead, "%s: ", name);
    if (!strcmp(unit, "ml")) {
        char how[240];
        if (!volume_to_grams(food, "ml", amount, 1, NULL, &out->grams_each, how, sizeof how) &&
            !density_grams(food, amount, &out->grams_each, how, sizeof how)) {
            if (!watery(food))
                return 0;
            out->grams_each = amount;
            snprintf(how, sizeof how, "weighed as water");
        }
        fmt_grams(g, sizeof g, out->grams_each);
        snprintf(out->said, sizeof out->said, "%s%s ml: %s%s, %s", lead, amt, note, sized,
                 source);
        appendf(out->said, sizeof out->said, "; %s", how);
    } else {
        out->grams_each = amount;
        snprintf(out->said, sizeof out->said, "%s%s%s, %s", lead, note, sized, source);
    }
    return 1;
}

static int try_measure_token(const kmgca_food *food, const char *token, size_t len,
                             const char *size, int whole_only, each *out, int depth);
static int resolve_concept(const kmgca_food *food, const char *word, const char *concept,
                           const char *size, int typical, each *out, int depth);

/* The food's own measure for a token of containers.csv: "@food", "@item",
 * "@typical", a unit ("cup", "tbsp", "oz"), or household words. */
static int try_measure_token(const kmgca_food *food, const char *token, size_t len,
                             const char *size, int whole_only, each *out, int depth)
{
    char tok[64];
    copy_text(tok, len + 1 < sizeof tok ? len + 1 : sizeof tok, token);
    if (!tok[0])
        return 0;
    if (!strcmp(tok, "@item"))
        return resolve_concept(food, NULL, "item", size, whole_only, out, depth + 1);
    if (!strcmp(tok, "@typical"))
        return resolve_concept(food, NULL, "typical", NULL, 1, out, depth + 1);
    long pick = -1;
    if (!strcmp(tok, "@food")) {
        pick = food_named_portion(food, whole_only);
    } else {
        const unit_def *u = NULL;
        size_t ul = unit_at(tok, &u);
        if (ul && ul == strlen(tok)) {
            if (u->kind == KMGCA_UNIT_MASS) {
                out->grams_each = u->factor;
                snprintf(out->said, sizeof out->said, "1 %s", u->canonical);
                return 1;
            }
            char how[240];
            if (!volume_to_grams(food, u->canonical, 1, u->factor, NULL, &out->grams_each, how,
                                 sizeof how))
                return 0;
            copy_text(out->said, sizeof out->said, how);
            return 1;
        }
        char folded[64], words[6][TEXT_WORD_MAX];
        text_fold(tok, folded, sizeof folded);
        size_t n = text_words(folded, words, NULL, 5);
        if (!n)
            return 0;
        if (size && n < 6) {
            /* The size as written, with the word: "large slice". */
            strcpy(words[n], size);
            pick = find_portion_ex(food, words, n + (strchr(size, ' ') ? 0 : 1), whole_only);
        }
        if (pick < 0)
            pick = find_portion_ex(food, words, n, whole_only);
    }
    if (pick < 0)
        return 0;
    const kmgca_portion *pt = &food->portions[pick];
    out->grams_each = pt->grams / pt->amount;
    char g[32], pa[32], pg[32];
    fmt_grams(g, sizeof g, out->grams_each);
    fmt_amount(pa, sizeof pa, pt->amount);
    fmt_grams(pg, sizeof pg, pt->grams);
    if (pt->amount == 1)
        snprintf(out->said, sizeof out->said, "%s \"%s\"", measure_source(food), pt->measure);
    else
        snprintf(out->said, sizeof out->said, "%s \"%s %s\" = %s g", measure_source(food), pa,
                 pt->measure, pg);
    return 1;
}

/* Kinds eaten by the handful, where one piece is no serving. */
static int small_things(const kmgca_food *food)
{
    const char *k = kmgca_food_kind(food);
    return !strcmp(k, "fruit") || !strcmp(k, "vegetable") || !strcmp(k, "nuts") ||
           !strcmp(k, "dried_fruit") || !strcmp(k, "candy") || !strcmp(k, "crisps");
}

/* One unit of a concept for a food: its own measures, then the table's
 * default. typical: count only measures of one piece. */
static int resolve_concept(const kmgca_food *food, const char *word, const char *concept,
                           const char *size, int typical, each *out, int depth)
{
    if (depth > 3)
        return 0;
    const struct kmgca_container *row = container_find(word, concept, food->kind, size, 0);
    /* The word as written first: a custom food's "碗" or "handful". */
    if (word && word[0] && (!row || (strcmp(row->concept, word) != 0 && row->measures[0])) &&
        try_measure_token(food, word, strlen(word), size, typical, out, depth))
        return 1;
    if (typical && try_measure_token(food, "quantity not specified", 22, NULL, 0, out, depth))
        return 1;
    if (row && row->measures[0]) {
        /* A size alone is an item's size: "2 small" carrots. */
        if (size && !strcmp(concept, "item") &&
            try_measure_token(food, size, strlen(size), NULL, typical, out, depth))
            return 1;
        for (const char *p = row->measures;;) {
            size_t len = strcspn(p, "|");
            if (try_measure_token(food, p, len, size, typical, out, depth)) {
                if (typical && out->grams_each < 25 && small_things(food)) {
                    /* One strawberry is not a serving of strawberries. */
                    if (!p[len])
                        break;
                    p += len + 1;
                    continue;
                }
                double f = size_factor(size);
                if (f != 1 && !strstr(out->said, size) && strcmp(concept, "item") != 0) {
                    /* "一大杯": the food's cup, larger. */
                    char sized[80];
                    out->grams_each *= f;
                    size_said(sized, sizeof sized, size, f);
                    appendf(out->said, sizeof out->said, "%s", sized);
                }
                return 1;
            }
            if (!p[len])
                break;
            p += len + 1;
        }
    }
    const struct kmgca_container *arow =
        row && !isnan(row->amount) ? row : container_find(word, concept, food->kind, size, 1);
    if (!arow)
        return 0;
    double factor = arow->size[0] ? 1 : size_factor(size);
    return amount_each(food, arow->amount, arow->unit, factor, size, NULL,
                       arow->note[0] ? arow->note : "the usual size", arow->source, out);
}

/* One unit by the food text's name ("饺子": 个 = 20 g). */
static int by_name(const kmgca_food *food, const kmgca_serving *s, const char *word,
                   const char *concept, const char *size, each *out)
{
    char name[48];
    copy_text(name, sizeof name, s->name);
    /* The name written, else the food's own name ("Nuts, walnuts"). */
    if (!name[0] && !name_portion_find(food->description, name, sizeof name))
        return 0;
    const struct kmgca_name_portion *np = name_portion_row(name, word, concept);
    if (!np && concept && !strcmp(concept, "typical"))
        np = name_portion_row(name, NULL, "item");
    if (!np)
        return 0;
    return amount_each(food, np->amount, np->unit, size_factor(size), size, name, np->note,
                       np->source, out);
}

/* A word of a household measure for people: "碗 (bowl)". */
static void name_unit(char *buf, size_t size, const kmgca_serving *s, const household *h)
{
    if (h->concept && (unsigned char)h->word[0] >= 0x80 && strcmp(h->concept, h->word) != 0)
        snprintf(buf, size, "%s (%s%s%s)", s->unit, h->size ? h->size : "", h->size ? " " : "",
                 !strcmp(h->concept, "item") ? "piece" : h->concept);
    else
        snprintf(buf, size, "%s", s->unit);
}

static const kmgca_portion *branded_item(const kmgca_food *food);

/* A measure written as USDA writes it, every word of it ("slice, medium
 * (1/4" thick)", as app exports copy the table's measures): that measure,
 * before the words are read one by one as sizes and measure words. 1 when
 * found. */
static int portion_as_written(const kmgca_food *food, const kmgca_serving *s, double *grams,
                              char *how, size_t how_size)
{
    char folded[128], words[10][TEXT_WORD_MAX];
    text_fold(s->unit, folded, sizeof folded);
    size_t nw = text_words(folded, words, NULL, 10);
    if (nw < 3)
        return 0;
    long pick = find_portion(food, words, nw);
    if (pick < 0)
        return 0;
    const kmgca_portion *pt = &food->portions[pick];
    char amt[32], g[32];
    *grams = s->amount * pt->grams / pt->amount;
    fmt_amount(amt, sizeof amt, s->amount);
    fmt_grams(g, sizeof g, *grams);
    if (how)
        snprintf(how, how_size, "%s x \"%s\" = %s g (%s)", amt, pt->measure, g,
                 measure_source(food));
    return 1;
}

static kmgca_status household_grams(const kmgca_food *food, const kmgca_serving *s,
                                    double *grams, char *how, size_t how_size,
                                    kmgca_error *err)
{
    household h;
    read_household(s->unit, &h);
    int bare = s->kind == KMGCA_UNIT_NONE;
    if (!bare && portion_as_written(food, s, grams, how, how_size))
        return KMGCA_OK;
    const char *concept = h.concept;
    if (bare)
        concept = "item";
    else if (!concept && h.size && !h.other_count)
        concept = "item";       /* "1 medium", "2 large" */
    if (!bare && h.other_count && !h.concept) {
        /* Words the list does not hold: "1 banana" names the food itself;
         * "2 large biscuits", "1 fillet" name one of its measures. */
        char words[10][TEXT_WORD_MAX];
        size_t nw = 0;
        if (h.size && strchr(h.size, ' ') == NULL)
            strcpy(words[nw++], h.size);
        for (size_t i = 0; i < h.other_count && nw < 10; i++) {
            /* "drumstick, with skin (yield from 1 lb ready-to-cook
             * chicken)": what it was made from names no measure. */
            if (!strcmp(h.other[i], "yield") || !strcmp(h.other[i], "from"))
                break;
            strcpy(words[nw++], h.other[i]);
        }
        long pick = find_portion(food, words, nw);
        const char *note = "";
        if (pick < 0 && nw > 1) {
            char last[1][TEXT_WORD_MAX];
            strcpy(last[0], h.other[h.other_count - 1]);
            pick = find_portion(food, last, 1);
            if (pick >= 0)
                note = "; the size word is not in the USDA measure";
        }
        if (pick < 0) {
            /* The unit names the food ("1 banana", "2 eggs"): a count. */
            char folded[512], desc[32][TEXT_WORD_MAX];
            text_fold(food->description, folded, sizeof folded);
            size_t nd = text_words(folded, desc, NULL, 32), in_desc = 0;
            for (size_t i = 0; i < h.other_count; i++)
                for (size_t j = 0; j < nd; j++)
                    if (!strcmp(h.other[i], desc[j])) {
                        in_desc++;
                        break;
                    }
            if (in_desc == h.other_count)
                concept = "item";
        }
        if (pick >= 0) {
            const kmgca_portion *pt = &food->portions[pick];
            char amt[32], g[32];
            *grams = s->amount * pt->grams / pt->amount;
            fmt_amount(amt, sizeof amt, s->amount);
            fmt_grams(g, sizeof g, *grams);
            if (how)
                snprintf(how, how_size, "%s x \"%s\" = %s g (%s%s)", amt, pt->measure, g,
                         measure_source(food), note);
            return KMGCA_OK;
        }
    }
    each e = {0};
    char amt[32], g[32], unit[96];
    fmt_amount(amt, sizeof amt, s->amount);
    /* "2 Big Macs": a count of a chain's product is of its own item, as
     * USDA weighed it, before a name's usual size. */
    const kmgca_portion *own = bare ? branded_item(food) : NULL;
    if (own) {
        *grams = s->amount * own->grams / own->amount;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s x one piece = %s g (%s%s \"%s\")", amt, g,
                     s->amount == 1 ? "" : "each: ", measure_source(food), own->measure);
        return KMGCA_OK;
    }
    /* A size written alone ("1 medium") is the table's measure of that size
     * when it has one: a name's own portions are for counts and measure
     * words. */
    size_t wl;
    const struct kmgca_measure_word *said = h.word[0] ? measure_word_at(h.word, &wl) : NULL;
    int size_word = !h.concept || (said && said->size[0]);
    int sized = size_word && h.size && concept && !strcmp(concept, "item") &&
                try_measure_token(food, h.size, strlen(h.size), NULL, 0, &e, 0);
    if (sized || (concept && by_name(food, s, h.concept ? h.word : NULL, concept, h.size, &e)) ||
        (concept && resolve_concept(food, h.concept ? h.word : NULL, concept, h.size, 0, &e, 0))) {
        *grams = s->amount * e.grams_each;
        fmt_grams(g, sizeof g, *grams);
        name_unit(unit, sizeof unit, s, &h);
        const char *each_word = s->amount == 1 ? "" : "each: ";
        if (how && bare)
            snprintf(how, how_size, "%s x one piece = %s g (%s%s)", amt, g, each_word, e.said);
        else if (how)
            snprintf(how, how_size, "%s %s = %s g (%s%s)", amt, unit, g, each_word, e.said);
        return KMGCA_OK;
    }
    char list[400];
    list_measures(food, list, sizeof list);
    if (bare)
        return kmgca_fail(err, KMGCA_ERROR_UNIT,
                          "\"%s\" has no usual piece size, so a count of %s cannot be "
                          "weighed; give grams or a measure (its measures: %s)",
                          food->description, amt, list);
    return kmgca_fail(err, KMGCA_ERROR_UNIT,
                      "\"%s\" is not a measure of \"%s\", and kmgca has no size for it for "
                      "this kind of food (%s); give grams or one of its measures: %s",
                      s->unit, food->description, kmgca_food_kind(food), list);
}

/* A dish of the recipe table is counted by its own portions first: its
 * measure words ("盘", "份", "个") as the recipe gives them, and with no
 * amount written, its usual serving (the first portion). 1 when done. */
static int recipe_grams(const kmgca_food *food, const kmgca_serving *s, int typical,
                        double *grams, char *how, size_t how_size)
{
    if (!food->recipe_count || !food->portion_count)
        return 0;
    const kmgca_portion *p = typical ? &food->portions[0] : NULL;
    for (unsigned i = 0; !p && i < food->portion_count; i++)
        if (strcmp(food->portions[i].measure, s->unit) == 0)
            p = &food->portions[i];
    /* A bare count ("x2"): of the recipe's pieces (个, slice, piece) where
     * it has them, else of its usual serving. */
    for (unsigned i = 0; !p && !typical && s->kind == KMGCA_UNIT_NONE && i < food->portion_count;
         i++) {
        size_t len;
        const struct kmgca_measure_word *m = measure_word_at(food->portions[i].measure, &len);
        if (m && len == strlen(food->portions[i].measure) &&
            (!strcmp(m->concept, "item") || !strcmp(m->concept, "piece") ||
             !strcmp(m->concept, "slice")))
            p = &food->portions[i];
    }
    if (!p && !typical && s->kind == KMGCA_UNIT_NONE)
        p = &food->portions[0];
    /* A size before the measure ("small 碗", 小碗): the recipe's measure,
     * scaled as any household word is. */
    double factor = 1;
    const char *size = NULL;
    if (!p && !typical) {
        household h;
        read_household(s->unit, &h);
        for (unsigned i = 0; h.concept && h.size && !h.other_count && !p && i < food->portion_count; i++)
            if (strcmp(food->portions[i].measure, h.word) == 0) {
                p = &food->portions[i];
                size = h.size;
                factor = size_factor(h.size);
            }
    }
    if (!p)
        return 0;
    char amt[32], g[32];
    double amount = s->amount;    /* a typical serving's is 1 unless a caller set it */
    *grams = amount * factor * p->grams / p->amount;
    fmt_amount(amt, sizeof amt, amount);
    fmt_grams(g, sizeof g, *grams);
    if (how && typical)
        snprintf(how, how_size, "%s: one serving of the recipe, 1 %s = %s g (the recipe's usual serving)",
                 s->note[0] ? s->note : "no amount written", p->measure, g);
    else if (how && size)
        snprintf(how, how_size, "%s %s = %s g (the recipe's %s; %s: %s of that, kmgca's judgement)",
                 amt, s->unit, g, p->measure, size, factor < 1 ? "2/3" : factor == 2 ? "twice" : "3/2");
    else if (how)
        snprintf(how, how_size, "%s %s = %s g (the recipe's %s)", amt,
                 s->unit[0] ? s->unit : p->measure, g, p->measure);
    return 1;
}

/* 1 when a food is one chain's or brand's product, named in capitals before
 * its first comma ("McDONALD'S, Cheeseburger", "TACO BELL, Bean Burrito"):
 * its own USDA item is that product's size, not a generic dish's. */
static int branded(const kmgca_food *food)
{
    size_t run = 0, head = strcspn(food->description, ",");
    for (size_t i = 0; i < head; i++) {
        run = isupper((unsigned char)food->description[i]) ? run + 1 : 0;
        if (run >= 3)
            return 1;
    }
    return 0;
}

/* One of a chain's or brand's product as USDA weighed it, or NULL. */
static const kmgca_portion *branded_item(const kmgca_food *food)
{
    const kmgca_portion *p = NULL;
    for (unsigned i = 0; branded(food) && !p && i < food->portion_count; i++) {
        /* one of the product as USDA weighed it; not a unit of weight or
         * volume (serving.c's units: "cup", "oz") nor of length or part
         * ("inch sub", "piece", "serving (2 tbsp)") */
        static const char *const parts[] = {"inch", "serving (", "piece"};
        const char *m = food->portions[i].measure;
        const unit_def *u;
        size_t ul = unit_at(m, &u);
        int unit = food->portions[i].amount <= 0 || (ul && (m[ul] == ' ' || m[ul] == '\0'));
        for (size_t k = 0; k < sizeof parts / sizeof *parts && !unit; k++) {
            size_t pl = strlen(parts[k]);
            unit = strncmp(m, parts[k], pl) == 0 &&
                   (parts[k][pl - 1] == '(' || m[pl] == ' ' || m[pl] == '\0');
        }
        if (!unit)
            p = &food->portions[i];
    }
    return p;
}

static kmgca_status typical_grams(const kmgca_food *food, const kmgca_serving *s,
                                  double *grams, char *how, size_t how_size, kmgca_error *err)
{
    if (recipe_grams(food, s, 1, grams, how, how_size))
        return KMGCA_OK;
    const kmgca_portion *p = branded_item(food);
    if (p) {
        char g[32];
        *grams = s->amount * p->grams / p->amount;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s: one typical serving, %s g (USDA household measure \"%s\")",
                     s->note[0] ? s->note : "no amount written", g, p->measure);
        return KMGCA_OK;
    }
    each e = {0};
    if (by_name(food, s, NULL, "typical", NULL, &e) ||
        resolve_concept(food, NULL, "typical", NULL, 1, &e, 0)) {
        char g[32];
        *grams = s->amount * e.grams_each;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s: one typical serving, %s g (%s)",
                     s->note[0] ? s->note : "no amount written", g, e.said);
        return KMGCA_OK;
    }
    return kmgca_fail(err, KMGCA_ERROR_UNIT,
                      "no amount written, and \"%s\" has no typical serving kmgca knows; give "
                      "the amount",
                      food->description);
}

kmgca_status kmgca_serving_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
                                 char *how, size_t how_size, kmgca_error *err)
{
    if (!food || !s || !grams)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food, serving or result given");
    if (how && how_size)
        how[0] = '\0';
    *grams = NAN;
    if (!isfinite(s->amount) || s->amount < 0 || s->amount > MAX_AMOUNT)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "the amount must be a number from 0 to %g",
                          MAX_AMOUNT);
    /* An amount of -0 (a caller's negated zero) weighs 0 g, not "-0 g". */
    kmgca_serving zero_signed = *s;
    zero_signed.amount += 0.0;
    s = &zero_signed;
    kmgca_status st;
    switch (s->kind) {
    case KMGCA_UNIT_MASS: {
        char amt[32], g[32];
        if (!strcmp(s->unit, "oz") && watery(food)) {
            /* Ounces of a drink are fluid ounces. */
            kmgca_serving fl = *s;
            const unit_def *u = unit_named("fl oz");
            fl.kind = KMGCA_UNIT_VOLUME;
            fl.unit_factor = u->factor;
            copy_text(fl.unit, sizeof fl.unit, u->canonical);
            st = volume_grams(food, &fl, grams, how, how_size, err);
            if (st == KMGCA_OK && how && how_size)
                appendf(how, how_size, "; ounces of a drink read as fluid ounces");
            break;
        }
        *grams = s->amount * s->unit_factor;
        fmt_amount(amt, sizeof amt, s->amount);
        fmt_grams(g, sizeof g, *grams);
        if (how && strcmp(s->unit, "g") == 0)
            snprintf(how, how_size, "%s g as written", amt);
        else if (how)
            snprintf(how, how_size, "%s %s = %s g", amt, s->unit, g);
        st = KMGCA_OK;
        break;
    }
    case KMGCA_UNIT_VOLUME:
        st = volume_grams(food, s, grams, how, how_size, err);
        break;
    case KMGCA_UNIT_PORTION:
    case KMGCA_UNIT_NONE:
        st = recipe_grams(food, s, 0, grams, how, how_size)
                 ? KMGCA_OK
                 : household_grams(food, s, grams, how, how_size, err);
        break;
    case KMGCA_UNIT_TYPICAL:
        st = typical_grams(food, s, grams, how, how_size, err);
        break;
    default:
        st = kmgca_fail(err, KMGCA_ERROR_UNIT, "unknown unit kind");
    }
    if (st == KMGCA_OK && how && how_size && s->note[0] && s->kind != KMGCA_UNIT_TYPICAL)
        appendf(how, how_size, " [%s]", s->note);
    /* A short `how` buffer cuts the sentence: never inside a character. */
    if (how && how_size)
        utf8_trim_end(how);
    return st;
}

/* ---- A diary line in one step ---------------------------------------------- */

kmgca_status kmgca_weigh(kmgca_foods *foods, const char *food_text, const char *serving_text,
                         kmgca_weighing *out, kmgca_error *err)
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
    char serving[256], lead[256], rest[1024], ratio[1100];
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
        int found = kmgca_serving_split(food_text, lead, sizeof lead, rest, sizeof rest);
        char one[1100], lead1_cup[64], rest1_cup[1024];
        if (!found && serving_zh_bare_measure(food_text, one, sizeof one)) {
            /* "喝了碗八宝粥": one bowl, unless the measure word starts the
             * food's name ("吃了包子"): the food must match as well without
             * it as the line as written does. */
            char lead1[256], rest1[1024];
            kmgca_match as_written, without;
            if (kmgca_serving_split(one, lead1, sizeof lead1, rest1, sizeof rest1) == 1 &&
                rest1[0] &&
                kmgca_foods_match(foods, rest1, &without, NULL) == KMGCA_OK &&
                (kmgca_foods_match(foods, food_text, &as_written, NULL) != KMGCA_OK ||
                 without.confidence >= as_written.confidence)) {
                copy_text(lead, sizeof lead, lead1);
                copy_text(rest, sizeof rest, rest1);
                found = 1;
            }
        }
        /* "grande latte", "拿铁 中杯": one cup of that size; "avocado half",
         * "banana small": half of one, one small one; each when the food
         * matches as well without the words ("大杯菇" is a mushroom). */
        static int (*const sized[])(const char *, char *, size_t, char *, size_t) = {
            serving_cup_size, serving_trailing_size};
        for (size_t k = 0; !found && k < sizeof sized / sizeof *sized; k++) {
            if (!sized[k](food_text, lead1_cup, sizeof lead1_cup, rest1_cup, sizeof rest1_cup))
                continue;
            kmgca_match as_written, without;
            /* a word after the food must match better without it */
            if (kmgca_foods_match(foods, rest1_cup, &without, NULL) == KMGCA_OK &&
                (kmgca_foods_match(foods, food_text, &as_written, NULL) != KMGCA_OK ||
                 without.confidence > as_written.confidence ||
                 (k == 0 && without.confidence == as_written.confidence))) {
                copy_text(lead, sizeof lead, lead1_cup);
                copy_text(rest, sizeof rest, rest1_cup);
                found = 1;
            }
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
            if (rest[0]) {
                /* "a peach", "had an apple": the article counts one but
                 * says nothing of its size: one typical serving, said so. */
                char art[8];
                copy_text(art, sizeof art, lead);
                char *a = text_trim(art);
                int article = !strcasecmp(a, "a") || !strcasecmp(a, "an");
                copy_text(serving, sizeof serving, article ? "" : lead);
                copy_text(out->food_text, sizeof out->food_text, rest);
                out->serving_from_food = !article;
            } else if (kmgca_serving_parse(lead, &whole, NULL) == KMGCA_OK &&
                       whole.kind == KMGCA_UNIT_PORTION && whole.amount > 0 &&
                       (!measure_word_at(whole.unit, &wl) || measure_word_at(whole.unit, &wl)->concept[0] == 'i')) {
                /* "2 biscuits": the household word is the food
                 * (not a container: "a glass" alone names no food). */
                char amount_only[64];
                snprintf(amount_only, sizeof amount_only, "%.10g", whole.amount);
                copy_text(serving, sizeof serving, amount_only);
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
    } else {
        /* The amount in its own field, the unit in the text: "2" and
         * "slices of bread". Otherwise the field wins, and a unit written in
         * the text is only cut out so that the food matches; a bare number
         * there stays, as part of the name ("tea 0"). */
        kmgca_serving field, inner;
        if (kmgca_serving_split(food_text, lead, sizeof lead, rest, sizeof rest) && rest[0] &&
            kmgca_serving_parse(lead, &inner, NULL) == KMGCA_OK &&
            inner.kind != KMGCA_UNIT_NONE && inner.kind != KMGCA_UNIT_TYPICAL) {
            if (kmgca_serving_parse(serving, &field, NULL) == KMGCA_OK &&
                field.kind == KMGCA_UNIT_NONE && inner.amount == 1) {
                char joined[2 * sizeof serving];
                snprintf(joined, sizeof joined, "%s %s", serving, lead);
                copy_text(serving, sizeof serving, joined);
            }
            copy_text(out->food_text, sizeof out->food_text, rest);
        }
    }
    copy_text(out->serving_text, sizeof out->serving_text, serving);
    serving_weight_state(serving, out->food_text, sizeof out->food_text);
    serving_cup_bracket(serving, sizeof serving);
    pst = kmgca_serving_parse(serving, &out->serving, &perr);
    kmgca_status st = kmgca_foods_match(foods, out->food_text, &out->match, err);
    if (st != KMGCA_OK)
        return st;
    if (pst != KMGCA_OK) {
        if (err)
            *err = perr;
        return pst;
    }
    out->serving_assumed = out->serving.kind == KMGCA_UNIT_TYPICAL;
    kmgca_serving_take_detail(&out->serving, out->food_text);
    st = kmgca_serving_grams(out->match.food, &out->serving, &out->grams, out->how,
                             sizeof out->how, err);
    /* A bare number after a food is a count only when it makes sense:
     * "banana 120" is 120 g or a typo, not 14 kg of bananas. */
    if (st == KMGCA_OK && out->serving_from_food && out->serving.kind == KMGCA_UNIT_NONE &&
        out->serving.amount > 12 && out->grams > 1000) {
        double count = out->serving.amount, grams = out->grams;
        out->grams = NAN;
        out->how[0] = '\0';
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT,
                          "\"%s\" with no unit reads as %.10g pieces, %.0f g: write the unit "
                          "(\"%.10g g\"?)",
                          out->serving_text, count, grams, count);
    }
    return st;
}
