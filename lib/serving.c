/* serving.c — "1½ cups", "30 g", "2 large biscuits" to grams of a food.
 *
 * Rules, in order (the man page and README repeat them):
 *  1. Mass units convert directly (1 oz = 28.349523125 g, 1 lb = 453.59237 g,
 *     斤 = 500 g, 两 = 50 g).
 *  2. A volume unit uses the food's own household measure of that unit. When
 *     the table has several (two "cup" rows), the one whose words match the
 *     words written after the unit wins ("1 cup chopped"), else the plain
 *     one, else the first USDA lists.
 *  3. A volume unit the food has no row for is converted through another of
 *     its volume measures (US measures: cup 236.59 ml, tbsp 14.79 ml, ...),
 *     plain rows and larger volumes first; the note says so.
 *  4. Household words ("medium", "slice", "large biscuits") pick the portion
 *     holding all those words, with fewest other words, first listed on a tie.
 *  5. A bare count ("2", "1 banana") takes the food's usual piece: medium,
 *     then large, whole, each, piece, item, serving; the note says which.
 *  Anything else is an error with the reason and the measures available.
 */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_AMOUNT 1e6

typedef struct {
    const char *name;       /* as written, lower case (exact-case for "T", "t") */
    const char *canonical;
    kmgca_unit_kind kind;
    double factor;          /* grams or ml per unit */
} unit_def;

/* US customary volumes (NIST Handbook 44): 1 cup = 8 fl oz = 236.5882365 ml. */
static const unit_def units[] = {
    {"g", "g", KMGCA_UNIT_MASS, 1}, {"gram", "g", KMGCA_UNIT_MASS, 1},
    {"grams", "g", KMGCA_UNIT_MASS, 1}, {"gramme", "g", KMGCA_UNIT_MASS, 1},
    {"grammes", "g", KMGCA_UNIT_MASS, 1}, {"gm", "g", KMGCA_UNIT_MASS, 1},
    {"gms", "g", KMGCA_UNIT_MASS, 1}, {"gr", "g", KMGCA_UNIT_MASS, 1},
    {"克", "g", KMGCA_UNIT_MASS, 1},
    {"kg", "kg", KMGCA_UNIT_MASS, 1000}, {"kgs", "kg", KMGCA_UNIT_MASS, 1000},
    {"kilogram", "kg", KMGCA_UNIT_MASS, 1000}, {"kilograms", "kg", KMGCA_UNIT_MASS, 1000},
    {"kilo", "kg", KMGCA_UNIT_MASS, 1000}, {"kilos", "kg", KMGCA_UNIT_MASS, 1000},
    {"千克", "kg", KMGCA_UNIT_MASS, 1000}, {"公斤", "kg", KMGCA_UNIT_MASS, 1000},
    {"mg", "mg", KMGCA_UNIT_MASS, 0.001}, {"milligram", "mg", KMGCA_UNIT_MASS, 0.001},
    {"milligrams", "mg", KMGCA_UNIT_MASS, 0.001}, {"毫克", "mg", KMGCA_UNIT_MASS, 0.001},
    {"oz", "oz", KMGCA_UNIT_MASS, 28.349523125}, {"ozs", "oz", KMGCA_UNIT_MASS, 28.349523125},
    {"ounce", "oz", KMGCA_UNIT_MASS, 28.349523125},
    {"ounces", "oz", KMGCA_UNIT_MASS, 28.349523125},
    {"lb", "lb", KMGCA_UNIT_MASS, 453.59237}, {"lbs", "lb", KMGCA_UNIT_MASS, 453.59237},
    {"pound", "lb", KMGCA_UNIT_MASS, 453.59237}, {"pounds", "lb", KMGCA_UNIT_MASS, 453.59237},
    {"斤", "斤", KMGCA_UNIT_MASS, 500}, {"两", "两", KMGCA_UNIT_MASS, 50},
    {"ml", "ml", KMGCA_UNIT_VOLUME, 1}, {"mls", "ml", KMGCA_UNIT_VOLUME, 1},
    {"milliliter", "ml", KMGCA_UNIT_VOLUME, 1}, {"milliliters", "ml", KMGCA_UNIT_VOLUME, 1},
    {"millilitre", "ml", KMGCA_UNIT_VOLUME, 1}, {"millilitres", "ml", KMGCA_UNIT_VOLUME, 1},
    {"cc", "ml", KMGCA_UNIT_VOLUME, 1}, {"毫升", "ml", KMGCA_UNIT_VOLUME, 1},
    {"cl", "cl", KMGCA_UNIT_VOLUME, 10}, {"dl", "dl", KMGCA_UNIT_VOLUME, 100},
    {"l", "l", KMGCA_UNIT_VOLUME, 1000}, {"liter", "l", KMGCA_UNIT_VOLUME, 1000},
    {"liters", "l", KMGCA_UNIT_VOLUME, 1000}, {"litre", "l", KMGCA_UNIT_VOLUME, 1000},
    {"litres", "l", KMGCA_UNIT_VOLUME, 1000}, {"升", "l", KMGCA_UNIT_VOLUME, 1000},
    {"fl oz", "fl oz", KMGCA_UNIT_VOLUME, 29.5735295625},
    {"fl. oz", "fl oz", KMGCA_UNIT_VOLUME, 29.5735295625},
    {"floz", "fl oz", KMGCA_UNIT_VOLUME, 29.5735295625},
    {"fluid ounce", "fl oz", KMGCA_UNIT_VOLUME, 29.5735295625},
    {"fluid ounces", "fl oz", KMGCA_UNIT_VOLUME, 29.5735295625},
    {"cup", "cup", KMGCA_UNIT_VOLUME, 236.5882365},
    {"cups", "cup", KMGCA_UNIT_VOLUME, 236.5882365},
    {"c", "cup", KMGCA_UNIT_VOLUME, 236.5882365},
    {"tbsp", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tbsps", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tbs", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tbl", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tablespoon", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tablespoons", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"T", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"汤匙", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tsp", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"tsps", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"teaspoon", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"teaspoons", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"t", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"茶匙", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"pint", "pint", KMGCA_UNIT_VOLUME, 473.176473},
    {"pints", "pint", KMGCA_UNIT_VOLUME, 473.176473},
    {"pt", "pint", KMGCA_UNIT_VOLUME, 473.176473},
    {"quart", "quart", KMGCA_UNIT_VOLUME, 946.352946},
    {"quarts", "quart", KMGCA_UNIT_VOLUME, 946.352946},
    {"qt", "quart", KMGCA_UNIT_VOLUME, 946.352946},
};

/* Is a unit name written at s? Longest name wins ("fl oz" over "fl").
 * Returns the length used, or 0. */
static size_t unit_at(const char *s, const unit_def **out)
{
    size_t best = 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        const char *name = units[i].name;
        size_t len = strlen(name);
        int exact_case = (len == 1 && (name[0] == 'T' || name[0] == 't'));
        int same = exact_case ? strncmp(s, name, len) == 0 : strncasecmp(s, name, len) == 0;
        if (!same || len <= best)
            continue;
        /* The unit must end at a word boundary ("g" is not "garlic"). ASCII
         * names need one; Chinese characters do not. */
        unsigned char next = (unsigned char)s[len];
        if ((unsigned char)name[0] < 0x80 && (isalnum(next) || next >= 0x80))
            continue;
        best = len;
        *out = &units[i];
    }
    if (best && (*out)->name[0] == 'c' && (*out)->name[1] == '\0') {
        /* A lone "c" is a cup only when nothing but a period follows. */
        if (s[1] && s[1] != '.' && s[1] != ' ')
            return 0;
    }
    return best;
}

/* Unicode vulgar fractions. */
static const struct {
    const char *text;
    double value;
} fractions[] = {
    {"½", 0.5}, {"¼", 0.25}, {"¾", 0.75}, {"⅓", 1.0 / 3}, {"⅔", 2.0 / 3}, {"⅕", 0.2},
    {"⅖", 0.4}, {"⅗", 0.6}, {"⅘", 0.8}, {"⅙", 1.0 / 6}, {"⅚", 5.0 / 6}, {"⅛", 0.125},
    {"⅜", 0.375}, {"⅝", 0.625}, {"⅞", 0.875},
};

static size_t fraction_at(const char *s, double *v)
{
    for (size_t i = 0; i < sizeof fractions / sizeof fractions[0]; i++) {
        size_t len = strlen(fractions[i].text);
        if (strncmp(s, fractions[i].text, len) == 0) {
            *v = fractions[i].value;
            return len;
        }
    }
    return 0;
}

static const struct {
    const char *word;
    double value;
} number_words[] = {
    {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"twelve", 12},
    {"half", 0.5}, {"quarter", 0.25}, {"dozen", 12}, {"半", 0.5}, {"一", 1}, {"两", 2},
    {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5},
};

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* Parses a leading amount. Returns bytes used, 0 when there is none, or
 * (size_t)-1 for a written amount that is not usable (sets *why). */
static size_t amount_at(const char *s, double *out, const char **why)
{
    const char *p = skip_spaces(s);
    double v = 0;
    size_t n;
    *why = NULL;
    if (*p == '-' || *p == '+' || *p == '.' || isdigit((unsigned char)*p)) {
        if (*p == '-') {
            *why = "the amount is negative";
            return (size_t)-1;
        }
        if (*p == '+')
            p++;
    }
    if ((n = parse_decimal(p, &v)) > 0) {
        p += n;
        if (*p == 'e' || *p == 'E') {
            *why = "write the amount as a plain number";
            return (size_t)-1;
        }
        double f;
        const char *q = skip_spaces(p);
        if ((n = fraction_at(q, &f)) > 0) {            /* 1½, 1 ½ */
            v += f;
            p = q + n;
        } else if (*p == '/') {                         /* 1/2 */
            double d;
            size_t m = parse_decimal(p + 1, &d);
            if (!m || d == 0) {
                *why = "the fraction has no usable denominator";
                return (size_t)-1;
            }
            v /= d;
            p += 1 + m;
        } else if (isdigit((unsigned char)*q) && q != p) { /* 1 1/2 */
            double a, b;
            size_t m = parse_decimal(q, &a);
            if (q[m] == '/' && parse_decimal(q + m + 1, &b) && b != 0) {
                v += a / b;
                p = q + m + 1 + parse_decimal(q + m + 1, &b);
            }
        }
        if (*skip_spaces(p) == '-' && isdigit((unsigned char)*skip_spaces(skip_spaces(p) + 1))) {
            *why = "the amount is a range; give one amount";
            return (size_t)-1;
        }
        *out = v;
        return (size_t)(p - s);
    }
    if ((n = fraction_at(p, &v)) > 0) {
        *out = v;
        return (size_t)(p + n - s);
    }
    if (strncasecmp(p, "nan", 3) == 0 || strncasecmp(p, "inf", 3) == 0) {
        *why = "the amount is not a number";
        return (size_t)-1;
    }
    for (size_t i = 0; i < sizeof number_words / sizeof number_words[0]; i++) {
        size_t len = strlen(number_words[i].word);
        int ascii = (unsigned char)number_words[i].word[0] < 0x80;
        /* Compare first: p may be shorter than the word. */
        if (strncasecmp(p, number_words[i].word, len) == 0 &&
            (!ascii || p[len] == ' ' || p[len] == '\0')) {
            /* "两" is also a unit (50 g): only a number when more follows. */
            if (!ascii && p[len] == '\0')
                continue;
            v = number_words[i].value;
            p += len;
            /* "half a cup", "a half cup" */
            const char *q = skip_spaces(p);
            if (v == 0.5 && (strncasecmp(q, "a ", 2) == 0 || strncasecmp(q, "an ", 3) == 0))
                p = q + (q[1] == ' ' ? 2 : 3);
            else if (v == 1 && strncasecmp(q, "half ", 5) == 0) {
                v = 0.5;
                p = q + 5;
            }
            *out = v;
            return (size_t)(p - s);
        }
    }
    return 0;
}

/* Lower-cases ASCII, trims, drops a leading "of" and a trailing period. */
static void clean_words(const char *in, char *out, size_t size)
{
    const char *p = skip_spaces(in);
    if (strncasecmp(p, "of ", 3) == 0)
        p = skip_spaces(p + 3);
    copy_text(out, size, p);
    for (char *c = out; *c; c++)
        if ((unsigned char)*c < 0x80)
            *c = (char)tolower((unsigned char)*c);
    size_t n = strlen(out);
    while (n && (out[n - 1] == ' ' || out[n - 1] == '.' || out[n - 1] == '\t'))
        out[--n] = '\0';
}

kmgca_status kmgca_serving_parse(const char *text, kmgca_serving *s, kmgca_error *err)
{
    if (!s)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no serving to fill");
    memset(s, 0, sizeof *s);
    const char *p = text ? skip_spaces(text) : "";
    if (!*p) {
        s->amount = 100;
        s->kind = KMGCA_UNIT_MASS;
        s->unit_factor = 1;
        strcpy(s->unit, "g");
        return KMGCA_OK;
    }
    if (!utf8_valid(p, strlen(p)))
        return kmgca_fail(err, KMGCA_ERROR_ENCODING, "serving text is not valid UTF-8");
    if (strlen(p) > 200)
        return kmgca_fail(err, KMGCA_ERROR_LIMIT, "serving text is longer than 200 bytes");
    const char *why;
    size_t n = amount_at(p, &s->amount, &why);
    if (n == (size_t)-1)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "\"%s\": %s", p, why);
    if (n == 0)
        s->amount = 1; /* "cup", "medium": one of them */
    p = skip_spaces(p + n);
    if (!isfinite(s->amount) || s->amount > MAX_AMOUNT)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "\"%s\": the amount is too large", text);
    if (n == 0 && !*p)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "no amount in \"%s\"", text);
    const unit_def *u = NULL;
    size_t ul = *p ? unit_at(p, &u) : 0;
    if (ul) {
        s->kind = u->kind;
        s->unit_factor = u->factor;
        copy_text(s->unit, sizeof s->unit, u->canonical);
        clean_words(p + ul, s->detail, sizeof s->detail);
    } else if (*p) {
        s->kind = KMGCA_UNIT_PORTION;
        clean_words(p, s->unit, sizeof s->unit);
    } else {
        s->kind = KMGCA_UNIT_NONE;
    }
    return KMGCA_OK;
}

/* Words that name a household portion when they follow a count. */
static const char *const portion_words[] = {
    "slice", "slices", "piece", "pieces", "medium", "large", "small", "extra", "packet",
    "packets", "serving", "servings", "can", "cans", "bottle", "bottles", "bar", "bars",
    "stalk", "stalks", "clove", "cloves", "leaf", "leaves", "handful", "handfuls",
    "biscuit", "biscuits", "scoop", "scoops", "container", "containers", "jar", "jars",
    "package", "packages", "pat", "pats", "fillet", "fillets", "wedge", "wedges", "sprig",
    "sprigs", "spear", "spears", "strip", "strips", "patty", "patties", "link", "links",
    "stick", "sticks", "head", "heads", "ear", "ears", "each", "item", "items",
    "envelope", "envelopes", "sheet", "sheets", "floret", "florets", "dash", "pinch",
    "个", "片", "根", "块", "碗", "杯", "份",
};

static size_t portion_word_at(const char *s)
{
    for (size_t i = 0; i < sizeof portion_words / sizeof portion_words[0]; i++) {
        size_t len = strlen(portion_words[i]);
        if (strncasecmp(s, portion_words[i], len) == 0 &&
            ((unsigned char)portion_words[i][0] >= 0x80 || !isalnum((unsigned char)s[len])))
            return len;
    }
    return 0;
}

int kmgca_serving_split(const char *text, char *serving, size_t serving_size, char *food,
                        size_t food_size)
{
    if (!text)
        text = "";
    const char *p = skip_spaces(text);
    const char *why;
    double amount;
    size_t n = amount_at(p, &amount, &why);
    /* Only a digit-led amount splits food text: "a" or "one" may start a
     * food's name. */
    if (n == 0 || n == (size_t)-1 || !(isdigit((unsigned char)*p) || (unsigned char)*p >= 0x80)) {
        if (food_size)
            copy_text(food, food_size, p);
        if (serving_size)
            serving[0] = '\0';
        return 0;
    }
    const char *q = skip_spaces(p + n);
    const unit_def *u = NULL;
    size_t ul = unit_at(q, &u);
    if (ul) {
        q += ul;
    } else {
        size_t pw;
        while ((pw = portion_word_at(q)) > 0)
            q = skip_spaces(q + pw);
    }
    size_t slen = (size_t)(q - p);
    while (slen && (p[slen - 1] == ' ' || p[slen - 1] == '\t'))
        slen--;
    if (serving_size) {
        /* Cut to fit, never inside a character. */
        size_t m = slen < serving_size - 1 ? slen : serving_size - 1;
        while (m > 0 && m < slen && ((unsigned char)p[m] & 0xC0) == 0x80)
            m--;
        memcpy(serving, p, m);
        serving[m] = '\0';
    }
    q = skip_spaces(q);
    if (strncasecmp(q, "of ", 3) == 0)
        q = skip_spaces(q + 3);
    if (food_size)
        copy_text(food, food_size, q);
    return 1;
}

/* Word keys (text.c) that describe a cut or a packing, not a food. */
static const char *const cut_words[] = {
    "chop", "slice", "dice", "cube", "shredded", "mashed", "grated", "crushed",
    "packed", "unpacked", "ball", "half", "piece", "pureed", "strip", "wedge",
};

void kmgca_serving_take_detail(kmgca_serving *s, const char *food_text)
{
    if (!s || !food_text || s->kind != KMGCA_UNIT_VOLUME || s->detail[0])
        return;
    char folded[512], words[24][TEXT_WORD_MAX];
    text_fold(food_text, folded, sizeof folded);
    size_t n = text_words(folded, words, NULL, 24), o = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof cut_words / sizeof cut_words[0]; k++)
            if (strcmp(words[i], cut_words[k]) == 0) {
                size_t len = strlen(words[i]);
                if (o + len + 2 > sizeof s->detail)
                    return;
                if (o)
                    s->detail[o++] = ' ';
                memcpy(s->detail + o, words[i], len + 1);
                o += len;
            }
}

/* ---- Grams -------------------------------------------------------------- */

/* A portion's measure read as a unit: "cup, chopped" -> cup + "chopped". */
typedef struct {
    const unit_def *unit;   /* NULL: household words */
    char words[16][TEXT_WORD_MAX];
    unsigned char parens[16];
    size_t word_count;      /* detail words (after the unit), or all words */
} measure_info;

static void read_measure(const char *measure, measure_info *m)
{
    const char *p = skip_spaces(measure);
    m->unit = NULL;
    size_t ul = unit_at(p, &m->unit);
    char folded[256];
    text_fold(ul ? p + ul : p, folded, sizeof folded);
    m->word_count = text_words(folded, m->words, m->parens, 16);
}

static double measure_ml(const kmgca_portion *pt, const measure_info *m)
{
    return pt->amount * m->unit->factor;
}

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

/* Word overlap between the user's detail and a measure's words. */
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

static kmgca_status volume_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
                                 char *how, size_t how_size, kmgca_error *err)
{
    char detail_words[8][TEXT_WORD_MAX];
    char folded[128];
    text_fold(s->detail, folded, sizeof folded);
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
        if (strcmp(m.unit->canonical, s->unit) == 0) {
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
    fmt_amount(amt, sizeof amt, s->amount);
    if (same >= 0) {
        const kmgca_portion *pt = &food->portions[same];
        *grams = s->amount * pt->grams / pt->amount;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s %s = %s g (%s \"%s\")", amt, s->unit, g,
                     measure_source(food), pt->measure);
        return KMGCA_OK;
    }
    if (other >= 0) {
        const kmgca_portion *pt = &food->portions[other];
        measure_info m;
        read_measure(pt->measure, &m);
        double g_per_ml = pt->grams / measure_ml(pt, &m);
        *grams = s->amount * s->unit_factor * g_per_ml;
        fmt_grams(g, sizeof g, *grams);
        fmt_grams(pg, sizeof pg, pt->grams);
        fmt_amount(pa, sizeof pa, pt->amount);
        if (how)
            snprintf(how, how_size,
                     "%s %s = %s g (converted from %s %s \"%s\" = %s g)", amt, s->unit, g,
                     measure_source(food), pa, pt->measure, pg);
        return KMGCA_OK;
    }
    char list[400];
    list_measures(food, list, sizeof list);
    return kmgca_fail(err, KMGCA_ERROR_UNIT,
                      "\"%s\" has no volume measure, so %s %s cannot be weighed; give grams "
                      "(its measures: %s)",
                      food->description, amt, s->unit, list);
}

/* The usual piece, for bare counts. */
static const char *const default_pieces[] = {"medium", "large", "whole", "each", "piece",
                                             "item", "serving"};

/* The household measure holding every one of the words, with the fewest
 * other words; -1 when none holds them all. */
static long find_portion(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw)
{
    long best = -1;
    double best_score = -1;
    for (unsigned i = 0; i < food->portion_count; i++) {
        if (!(food->portions[i].grams > 0) || !(food->portions[i].amount > 0))
            continue;
        measure_info m;
        read_measure(food->portions[i].measure, &m);
        if (m.unit)
            continue;       /* mass and volume rows are not household words */
        size_t matched = shared_words(words, nw, &m);
        if (matched == 0 || matched < nw)
            continue;
        double extra = 0;
        for (size_t j = 0; j < m.word_count; j++)
            extra += m.parens[j] ? 0.01 : 0.1;
        double score = weighted_shared(words, nw, &m) - extra;
        if (score > best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

/* 1 when the words only say a size ("medium", "6\" diameter"): then the
 * food's one whole-item measure is a fair reading; "1 bottle" is not. */
static int size_words_only(char words[][TEXT_WORD_MAX], size_t n)
{
    static const char *const sizes[] = {"small", "medium", "large", "extra", "jumbo",
                                        "mini", "regular", "whole", "diameter", "dia",
                                        "inch", "long", "thick", "big"};
    for (size_t i = 0; i < n; i++) {
        int ok = isdigit((unsigned char)words[i][0]) != 0;
        for (size_t k = 0; !ok && k < sizeof sizes / sizeof sizes[0]; k++)
            ok = strcmp(words[i], sizes[k]) == 0;
        if (!ok)
            return 0;
    }
    return n > 0;
}

/* The portion named after the food itself ("1 potato", "1 tortilla"). */
static long food_named_portion(const kmgca_food *food, char desc[][TEXT_WORD_MAX], size_t nd)
{
    for (size_t j = 0; j < nd; j++) {
        char w[1][TEXT_WORD_MAX];
        strcpy(w[0], desc[j]);
        long pick = find_portion(food, w, 1);
        if (pick >= 0)
            return pick;
    }
    return -1;
}

static kmgca_status piece_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
                                char *how, size_t how_size, kmgca_error *err)
{
    char words[8][TEXT_WORD_MAX];
    size_t nw = 0;
    int bare = s->kind == KMGCA_UNIT_NONE;
    char desc_folded[512];
    char desc_words[32][TEXT_WORD_MAX];
    text_fold(food->description, desc_folded, sizeof desc_folded);
    size_t nd = text_words(desc_folded, desc_words, NULL, 32);
    if (!bare) {
        char folded[128];
        text_fold(s->unit, folded, sizeof folded);
        nw = text_words(folded, words, NULL, 8);
        /* "1 banana": the unit names the food itself. */
        size_t in_desc = 0;
        for (size_t i = 0; i < nw; i++)
            for (size_t j = 0; j < nd; j++)
                if (strcmp(words[i], desc_words[j]) == 0) {
                    in_desc++;
                    break;
                }
        if (nw && in_desc == nw && find_portion(food, words, nw) < 0)
            bare = 1;
    }
    long pick = -1;
    const char *note = "";
    if (bare) {
        for (size_t k = 0; pick < 0 && k < sizeof default_pieces / sizeof default_pieces[0];
             k++) {
            char w[1][TEXT_WORD_MAX];
            strcpy(w[0], default_pieces[k]);
            pick = find_portion(food, w, 1);
        }
        if (pick < 0)
            pick = food_named_portion(food, desc_words, nd);
        note = ", no size given";
    } else {
        pick = find_portion(food, words, nw);
        if (pick < 0 && nw > 1) {
            /* "2 large biscuits" where the table says "biscuit": accept the
             * noun, and say that the size word was not in the table. */
            char last[1][TEXT_WORD_MAX];
            strcpy(last[0], words[nw - 1]);
            pick = find_portion(food, last, 1);
            if (pick >= 0)
                note = "; the size word is not in the USDA measure";
        }
        if (pick < 0 && size_words_only(words, nw)) {
            /* "1 medium" potato where the table has "1 potato (2-1/3\" x
             * 4-3/4\")": the one whole-food measure, said so in the note. */
            pick = food_named_portion(food, desc_words, nd);
            if (pick >= 0)
                note = "; the size as written is not in the USDA measures";
        }
    }
    char amt[32], g[32];
    fmt_amount(amt, sizeof amt, s->amount);
    if (pick < 0) {
        char list[400];
        list_measures(food, list, sizeof list);
        if (bare)
            return kmgca_fail(err, KMGCA_ERROR_UNIT,
                              "\"%s\" has no usual piece size, so a count of %s cannot be "
                              "weighed; give grams or a measure (its measures: %s)",
                              food->description, amt, list);
        return kmgca_fail(err, KMGCA_ERROR_UNIT,
                          "\"%s\" is not a measure of \"%s\"; give grams or one of its "
                          "measures: %s",
                          s->unit, food->description, list);
    }
    const kmgca_portion *pt = &food->portions[pick];
    *grams = s->amount * pt->grams / pt->amount;
    fmt_grams(g, sizeof g, *grams);
    if (how)
        snprintf(how, how_size, "%s x \"%s\" = %s g (%s%s)", amt, pt->measure, g,
                 measure_source(food), note);
    return KMGCA_OK;
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
        st = piece_grams(food, s, grams, how, how_size, err);
        break;
    default:
        st = kmgca_fail(err, KMGCA_ERROR_UNIT, "unknown unit kind");
    }
    /* A short `how` buffer cuts the sentence: never inside a character. */
    if (how && how_size)
        utf8_trim_end(how);
    return st;
}
