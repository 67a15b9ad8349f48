/* units.c — the words of measurement: units of mass and volume ("g",
 * "fl oz", "斤") and the household words of foodtables/measure_words.csv
 * ("cup", "slice", "碗"), found at a place in folded text. The serving
 * readers (serving.c, amount.c), the household rules (household.c) and the
 * weighing (measures.c, line.c) all look words up here, and this file looks
 * up nothing of theirs.
 */
#include "internal.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Units of mass and volume ------------------------------------------- */

/* US customary volumes (NIST Handbook 44): 1 cup = 8 fl oz = 236.5882365 ml.
 * Chinese market units: 1 斤 = 500 g, 1 两 = 50 g; Taiwan's 台斤 is 600 g. */
static const unit_def units[] = {
    {"g", "g", KMGCA_UNIT_MASS, 1}, {"gram", "g", KMGCA_UNIT_MASS, 1},
    {"grams", "g", KMGCA_UNIT_MASS, 1}, {"gramme", "g", KMGCA_UNIT_MASS, 1},
    {"grammes", "g", KMGCA_UNIT_MASS, 1}, {"gm", "g", KMGCA_UNIT_MASS, 1},
    {"gms", "g", KMGCA_UNIT_MASS, 1}, {"gr", "g", KMGCA_UNIT_MASS, 1},
    {"grs", "g", KMGCA_UNIT_MASS, 1}, {"克", "g", KMGCA_UNIT_MASS, 1},
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
    {"台斤", "台斤", KMGCA_UNIT_MASS, 600}, {"臺斤", "台斤", KMGCA_UNIT_MASS, 600},
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
    {"cp", "cup", KMGCA_UNIT_VOLUME, 236.5882365},   /* (as a paper diary shortens it) */
    {"cps", "cup", KMGCA_UNIT_VOLUME, 236.5882365},
    {"tbsp", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tbsps", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tbs", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tbl", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tablespoon", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tablespoons", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"T", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"汤匙", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"大匙", "tbsp", KMGCA_UNIT_VOLUME, 14.78676478125},
    {"tsp", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"tsps", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"teaspoon", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"teaspoons", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"t", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"茶匙", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"小匙", "tsp", KMGCA_UNIT_VOLUME, 4.92892159375},
    {"pint", "pint", KMGCA_UNIT_VOLUME, 473.176473},
    {"pints", "pint", KMGCA_UNIT_VOLUME, 473.176473},
    {"pt", "pint", KMGCA_UNIT_VOLUME, 473.176473},
    {"quart", "quart", KMGCA_UNIT_VOLUME, 946.352946},
    {"quarts", "quart", KMGCA_UNIT_VOLUME, 946.352946},
    {"qt", "quart", KMGCA_UNIT_VOLUME, 946.352946},
    /* (the US gallon: a jug of sweet tea or water on a hot day) */
    {"gallon", "gallon", KMGCA_UNIT_VOLUME, 3785.411784},
    {"gallons", "gallon", KMGCA_UNIT_VOLUME, 3785.411784},
    {"gal", "gallon", KMGCA_UNIT_VOLUME, 3785.411784},
};

/* The units by their first byte (lower case), built once: unit_at is asked
 * at every token of every line. */
#define UNITS_PER_BYTE 24
static unsigned char unit_first[256][UNITS_PER_BYTE + 1]; /* count, then indices */
static unsigned char unit_full[256];  /* more units start with it than a slot holds */
static unsigned char unit_len[sizeof units / sizeof units[0]];
_Static_assert(sizeof units / sizeof units[0] <= 256, "unit indices are one byte");
static pthread_once_t unit_once = PTHREAD_ONCE_INIT;

static void unit_index(void)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        unsigned char c = (unsigned char)units[i].name[0];
        if (c < 0x80)
            c = (unsigned char)tolower(c);
        unsigned char *slot = unit_first[c];
        if (slot[0] < UNITS_PER_BYTE)
            slot[1 + slot[0]++] = (unsigned char)i;
        else
            unit_full[c] = 1;   /* unit_at then reads the whole list */
        unit_len[i] = (unsigned char)strlen(units[i].name);
    }
}

size_t unit_at(const char *s, const unit_def **out)
{
    size_t best = 0;
    unsigned char c0 = (unsigned char)s[0];
    if (c0 < 0x80 && !isalpha(c0))
        return 0;               /* every unit starts with a letter or a 汉字 */
    pthread_once(&unit_once, unit_index);
    unsigned char first = (unsigned char)(c0 < 0x80 ? tolower(c0) : c0);
    const unsigned char *slot = unit_first[first];
    int all = unit_full[first];
    size_t count = all ? sizeof units / sizeof units[0] : slot[0];
    for (size_t k = 0; k < count; k++) {
        size_t i = all ? k : slot[1 + k];
        const char *name = units[i].name;
        size_t len = unit_len[i];
        int exact_case = (len == 1 && (name[0] == 'T' || name[0] == 't'));
        int same = exact_case ? strncmp(s, name, len) == 0 : strncasecmp(s, name, len) == 0;
        if (!same || len <= best)
            continue;
        /* The unit must end at a word boundary ("g" is not "garlic"). ASCII
         * names need one; Chinese characters do not. A one-letter unit must
         * stand alone ("T-bone" is no tablespoon). */
        unsigned char next = (unsigned char)s[len];
        /* ... or a Chinese character right after it: "200g鸡胸肉", "250ml牛奶" */
        int cjk_after = next >= 0xE4 && next <= 0xE9;
        if ((unsigned char)name[0] < 0x80 && (isalnum(next) || (next >= 0x80 && !cjk_after)))
            continue;
        if (len == 1 && (next == '\'' || next == '&' ||
                         (next == '-' && !isdigit((unsigned char)s[2]))))
            continue;
        best = len;
        *out = &units[i];
    }
    if (best && (*out)->name[0] == 'c' && (*out)->name[1] == '\0') {
        /* A lone "c" is a cup only before a space, a period, a comma or the end. */
        if (s[1] && s[1] != '.' && s[1] != ' ' && s[1] != ',' && s[1] != ';' && s[1] != ')')
            return 0;
    }
    return best;
}

const unit_def *unit_named(const char *canonical)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].canonical, canonical) == 0)
            return &units[i];
    return NULL;
}

/* ---- Household words ---------------------------------------------------- */

static int cmp_measure_word(const void *key, const void *item)
{
    const struct kmgca_measure_word *m = item;
    return strcmp(key, m->word);
}

static const struct kmgca_measure_word *word_exact(const char *s, size_t len)
{
    char key[64];
    if (len == 0 || len >= sizeof key)
        return NULL;
    memcpy(key, s, len);
    key[len] = '\0';
    return bsearch(key, kmgca_builtin_measure_words, kmgca_builtin_measure_word_count,
                   sizeof kmgca_builtin_measure_words[0], cmp_measure_word);
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

const struct kmgca_measure_word *measure_word_at(const char *s, size_t *len)
{
    if ((unsigned char)s[0] >= 0x80) {
        /* Chinese: two characters ("汤勺"), then one. */
        size_t l1, l2;
        long c1 = utf8_decode(s, &l1);
        if (c1 <= 0 || !is_cjk((unsigned long)c1))
            return NULL;
        long c2 = utf8_decode(s + l1, &l2);
        const struct kmgca_measure_word *m = NULL;
        if (c2 > 0 && is_cjk((unsigned long)c2) && (m = word_exact(s, l1 + l2)) != NULL) {
            *len = l1 + l2;
            return m;
        }
        if ((m = word_exact(s, l1)) != NULL)
            *len = l1;
        return m;
    }
    if (!is_word_byte((unsigned char)s[0]))
        return NULL;
    /* English: up to three words, the longest that is listed. */
    size_t ends[3], n = 0, i = 0;
    while (n < 3) {
        while (is_word_byte((unsigned char)s[i]))
            i++;
        ends[n++] = i;
        if (s[i] != ' ' || !is_word_byte((unsigned char)s[i + 1]))
            break;
        i++;
    }
    while (n-- > 0) {
        const struct kmgca_measure_word *m = word_exact(s, ends[n]);
        if (m) {
            *len = ends[n];
            return m;
        }
    }
    return NULL;
}
