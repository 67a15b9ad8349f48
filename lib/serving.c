/* serving.c — reading a serving as people write it, and finding it in food
 * text. Weighing it is weigh.c.
 *
 * Text is first normalised (lower case, full-width forms to ASCII, "×" to
 * "x"), then cut into tokens: numbers ("1.5", "1/2", "1-1/2", "½"), words,
 * single Chinese characters and punctuation. A serving is read from tokens:
 *
 *   serving = [amount] ["x" number] [sizes] [unit | household word] ["of"]
 *             ["半"] [qualifier]
 *   amount  = number | number words ("a", "half a", "one and a half",
 *             "a couple of") | x-count ("x2", "3x") | Chinese numerals
 *             (一, 两, 十二, 一百五, 半) | digits, before a Chinese measure word
 *   qualifier = "(11 fl oz)" | "- each 1 oz": the weight of one unit
 *
 * In food text a serving may lead, trail, sit in brackets, or — with a unit
 * of mass or volume, or a Chinese measure word — stand anywhere. Numbers
 * that belong to a name ("2% milk", "7-grain", "V8", "三文鱼", "千张") are
 * not amounts. A vague amount ("a few", "十几个", "2-3") is read so that it
 * is cut out of the food, and refused with its reason.
 */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_AMOUNT 1e6
#define TEXT_MAX 1024      /* longer food text is not searched for a serving */
#define TOKENS_MAX 160

/* ---- Units of mass and volume ------------------------------------------- */

/* US customary volumes (NIST Handbook 44): 1 cup = 8 fl oz = 236.5882365 ml.
 * Chinese market units: 1 斤 = 500 g, 1 两 = 50 g. */
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
        if ((unsigned char)name[0] < 0x80 && (isalnum(next) || next >= 0x80))
            continue;
        if (len == 1 && (next == '\'' || next == '&' ||
                         (next == '-' && !isdigit((unsigned char)s[2]))))
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

const unit_def *unit_named(const char *canonical)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].canonical, canonical) == 0)
            return &units[i];
    return NULL;
}

/* ---- Normalised text ---------------------------------------------------- */

/* The text in lower case with full-width forms and look-alike symbols
 * folded to ASCII; map[i] is the byte of the original text that byte i came
 * from, so that a serving found here is cut from the original. */
typedef struct {
    char s[TEXT_MAX + 1];
    unsigned short map[TEXT_MAX + 1];
    size_t len;
    const char *orig;
    size_t orig_len;
} norm;

/* Traditional characters of amounts and measure words, read as their
 * Simplified form (all three UTF-8 bytes, as are theirs): 兩個, 一盤, 二兩.
 * Sorted by the Traditional code point. */
static long simplified_of(long cp)
{
    static const long pairs[][2] = {
        {0x4F86, 0x6765}, /* 來 -> 来 */
        {0x500B, 0x4E2A}, /* 個 -> 个 */
        {0x5169, 0x4E24}, /* 兩 -> 两 */
        {0x55AB, 0x5403}, /* 喫 -> 吃 */
        {0x5718, 0x56E2}, /* 團 -> 团 */
        {0x584A, 0x5757}, /* 塊 -> 块 */
        {0x58FA, 0x58F6}, /* 壺 -> 壶 */
        {0x5E7E, 0x51E0}, /* 幾 -> 几 */
        {0x5F35, 0x5F20}, /* 張 -> 张 */
        {0x6372, 0x5377}, /* 捲 -> 卷 */
        {0x689D, 0x6761}, /* 條 -> 条 */
        {0x6E6F, 0x6C64}, /* 湯 -> 汤 */
        {0x76E4, 0x76D8}, /* 盤 -> 盘 */
        {0x7BC0, 0x8282}, /* 節 -> 节 */
        {0x7C60, 0x7B3C}, /* 籠 -> 笼 */
        {0x7D04, 0x7EA6}, /* 約 -> 约 */
        {0x842C, 0x4E07}, /* 萬 -> 万 */
        {0x8CB7, 0x4E70}, /* 買 -> 买 */
        {0x934B, 0x9505}, /* 鍋 -> 锅 */
        {0x96BB, 0x53EA}, /* 隻 -> 只 */
        {0x96D9, 0x53CC}, /* 雙 -> 双 */
        {0x9846, 0x9897}, /* 顆 -> 颗 */
        {0x9918, 0x4F59}, /* 餘 -> 余 */
        {0x9EDE, 0x70B9}, /* 點 -> 点 */
    };
    size_t lo = 0, hi = sizeof pairs / sizeof *pairs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pairs[mid][0] == cp)
            return pairs[mid][1];
        if (pairs[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* 1 when 俩 or 仨 at byte i counts people, not food: after 们, 咱 or 俺
 * (我们俩, 咱俩), or before 人 (俩人). */
static int pair_word(const char *in, size_t i, size_t cl)
{
    static const char *const before[] = {"们", "咱", "俺", "他", "她"};
    for (size_t k = 0; k < sizeof before / sizeof *before; k++)
        if (i >= 3 && !memcmp(in + i - 3, before[k], 3))
            return 1;
    return !strncmp(in + i + cl, "人", 3);
}

static void normalise(const char *in, norm *n)
{
    size_t o = 0, i = 0, len = strlen(in);
    n->orig = in;
    n->orig_len = len;
    while (i < len && o < TEXT_MAX) {
        size_t cl;
        long cp = utf8_decode(in + i, &cl);
        char c = 0;
        if (cp >= 'A' && cp <= 'Z')
            c = (char)(cp + 32);
        else if (cp >= 0 && cp < 0x80)
            c = (char)cp;
        else if (cp >= 0xFF01 && cp <= 0xFF5E)
            c = (char)tolower((int)(cp - 0xFEE0));
        else if (cp == 0x3000 || cp == 0x00A0 || cp == 0x3002)
            c = ' ';
        else if (cp == 0x3001)
            c = ',';
        else if (cp == 0x00D7)
            c = 'x';
        else if (cp == 0x301C)
            c = '~';
        else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212)
            c = '-';
        else if (cp == 0x201C || cp == 0x201D || cp == 0x2033)
            c = '"';
        else if (cp == 0x2018 || cp == 0x2019)
            c = '\'';
        else if (cp == 0x3010 || cp == 0x300C)
            c = '(';
        else if (cp == 0x3011 || cp == 0x300D)
            c = ')';
        if (c == '\t' || c == '\r' || c == '\n')
            c = ' ';
        long simple = cl == 3 && cp >= 0x4E00 ? simplified_of(cp) : 0;
        /* 俩 and 仨 say the measure word too: 两个, 三个 (not 我们俩, 俩人). */
        if ((cp == 0x4FE9 || cp == 0x4EE8) && o + 6 <= TEXT_MAX && !pair_word(in, i, cl)) {
            memcpy(n->s + o, cp == 0x4FE9 ? "两个" : "三个", 6);
            for (size_t k = 0; k < 6; k++)
                n->map[o + k] = (unsigned short)(i + (k < 3 ? k : 2));
            o += 6;
        } else if (simple && o + 3 <= TEXT_MAX) {
            n->s[o] = (char)(0xE0 | (simple >> 12));
            n->s[o + 1] = (char)(0x80 | ((simple >> 6) & 0x3F));
            n->s[o + 2] = (char)(0x80 | (simple & 0x3F));
            for (size_t k = 0; k < 3; k++)
                n->map[o + k] = (unsigned short)(i + k);
            o += 3;
        } else if (c) {
            n->s[o] = c;
            n->map[o++] = (unsigned short)i;
        } else {
            if (o + cl > TEXT_MAX)
                break;
            for (size_t k = 0; k < cl; k++) {
                n->s[o] = in[i + k];
                n->map[o++] = (unsigned short)(i + k);
            }
        }
        i += cl;
    }
    n->s[o] = '\0';
    n->map[o] = (unsigned short)i;
    n->len = o;
}

/* ---- Tokens -------------------------------------------------------------- */

enum { TK_NUM, TK_WORD, TK_CJK, TK_PUNCT };
enum {
    NF_FRACTION = 1,   /* "1/2", "½": may complete a whole number before it */
    NF_CENTS = 2,      /* "1.00": two decimals, as app exports write amounts */
    NF_GLUED = 4,      /* no space before, and a letter before: "v8", "b12" */
};

typedef struct {
    unsigned short start, end;
    unsigned char type, space, flags, guarded;
    double value;          /* TK_NUM */
    long cp;               /* TK_CJK, TK_PUNCT */
} token;

typedef struct {
    norm n;
    token t[TOKENS_MAX];
    int count;
    int guarded_all;
    int truncated;         /* more text than TOKENS_MAX tokens */
} tokens;

static const struct {
    const char *text;
    double value;
} vulgar[] = {
    {"½", 0.5}, {"¼", 0.25}, {"¾", 0.75}, {"⅓", 1.0 / 3}, {"⅔", 2.0 / 3}, {"⅕", 0.2},
    {"⅖", 0.4}, {"⅗", 0.6}, {"⅘", 0.8}, {"⅙", 1.0 / 6}, {"⅚", 5.0 / 6}, {"⅛", 0.125},
    {"⅜", 0.375}, {"⅝", 0.625}, {"⅞", 0.875},
};

static size_t vulgar_at(const char *s, double *v)
{
    if ((unsigned char)s[0] != 0xC2 && (unsigned char)s[0] != 0xE2)
        return 0;
    for (size_t i = 0; i < sizeof vulgar / sizeof vulgar[0]; i++) {
        size_t len = strlen(vulgar[i].text);
        if (strncmp(s, vulgar[i].text, len) == 0) {
            *v = vulgar[i].value;
            return len;
        }
    }
    return 0;
}

static int digit_at(const char *s) { return *s >= '0' && *s <= '9'; }

/* A number at s: "12", "1.5", "1,5", "1/2", "1½", "1-1/2", "½". Returns the
 * bytes used (0: none). */
static size_t number_at(const char *s, double *v, unsigned char *flags)
{
    *flags = 0;
    size_t n = vulgar_at(s, v);
    if (n) {
        *flags = NF_FRACTION;
        return n;
    }
    if (!digit_at(s) && !(s[0] == '.' && digit_at(s + 1)))
        return 0;
    n = parse_decimal(s, v);
    if (!n)
        return 0;
    const char *dot = memchr(s, '.', n);
    if (!dot)
        dot = memchr(s, ',', n);
    int whole = !dot;
    if (dot && (size_t)(s + n - dot) == 3)
        *flags |= NF_CENTS;
    double f;
    size_t m;
    if (whole && (m = vulgar_at(s + n, &f)) > 0) {          /* 1½ */
        *v += f;
        return n + m;
    }
    if (whole && s[n] == '/' && digit_at(s + n + 1)) {        /* 1/2 */
        double d;
        m = parse_decimal(s + n + 1, &d);
        if (d == 0)
            return n;           /* "1/0": the caller sees the stray "/" */
        *v /= d;
        *flags |= NF_FRACTION;
        return n + 1 + m;
    }
    if (whole && s[n] == '-' && digit_at(s + n + 1)) {        /* 1-1/2 (USDA style) */
        double a, b;
        size_t k = parse_decimal(s + n + 1, &a);
        const char *q = s + n + 1 + k;
        if (q[0] == '/' && digit_at(q + 1) && !memchr(s + n + 1, '.', k)) {
            size_t l = parse_decimal(q + 1, &b);
            if (b != 0 && a < b) {
                *v += a / b;
                return n + 1 + k + 1 + l;
            }
        }
    }
    return n;
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || c == '\'' || c >= 0x80;
}

/* 1 when normalising stopped before the end of the text (TEXT_MAX). */
static int n_cut(const norm *n)
{
    return n->map[n->len] < n->orig_len;
}

static void tokenise(const char *text, tokens *tk)
{
    normalise(text, &tk->n);
    const char *s = tk->n.s;
    size_t i = 0;
    int space = 1;
    tk->count = 0;
    tk->guarded_all = 0;
    tk->truncated = 0;
    while (s[i] && tk->count < TOKENS_MAX) {
        if (s[i] == ' ') {
            space = 1;
            i++;
            continue;
        }
        token *t = &tk->t[tk->count];
        memset(t, 0, sizeof *t);
        t->start = (unsigned short)i;
        t->space = (unsigned char)space;
        double v;
        unsigned char fl;
        size_t n = number_at(s + i, &v, &fl);
        if (n) {
            t->type = TK_NUM;
            t->value = v;
            t->flags = fl;
            if (!space && i > 0 && isalpha((unsigned char)s[i - 1]))
                t->flags |= NF_GLUED;
            i += n;
        } else {
            size_t cl;
            long cp = utf8_decode(s + i, &cl);
            if (cp > 0 && is_cjk((unsigned long)cp)) {
                t->type = TK_CJK;
                t->cp = cp;
                i += cl;
            } else if ((cp >= 'a' && cp <= 'z') || (cp >= 0x80 && cp != 0xB0)) {
                /* A word: ASCII letters, accented letters, other symbols. */
                t->type = TK_WORD;
                while (s[i] && is_word_byte((unsigned char)s[i])) {
                    long c2 = utf8_decode(s + i, &cl);
                    double fv;
                    if ((c2 > 0 && is_cjk((unsigned long)c2)) || vulgar_at(s + i, &fv))
                        break;
                    i += cl;
                }
                if (i == t->start)
                    i += cl;
            } else {
                t->type = TK_PUNCT;
                t->cp = cp;
                i += cl ? cl : 1;
            }
        }
        t->end = (unsigned short)i;
        tk->count++;
        space = 0;
    }
    while (s[i] == ' ')
        i++;
    tk->truncated = s[i] != '\0' || n_cut(&tk->n);
}

static int word_is(const tokens *tk, int i, const char *w)
{
    if (i < 0 || i >= tk->count || tk->t[i].type != TK_WORD)
        return 0;
    const char *p = tk->n.s + tk->t[i].start, *end = tk->n.s + tk->t[i].end;
    while (p < end && *w && *p == *w)
        p++, w++;
    return p == end && !*w;
}

static int punct_is(const tokens *tk, int i, char c)
{
    return i >= 0 && i < tk->count && tk->t[i].type == TK_PUNCT && tk->t[i].cp == c;
}

static int cjk_is(const tokens *tk, int i, const char *ch)
{
    if (i < 0 || i >= tk->count || tk->t[i].type != TK_CJK)
        return 0;
    size_t len = (size_t)(tk->t[i].end - tk->t[i].start);
    return strlen(ch) == len && memcmp(tk->n.s + tk->t[i].start, ch, len) == 0;
}

/* The token that starts at byte offset `at`, or count when none does. */
static int token_from(const tokens *tk, int from, size_t at)
{
    int i = from;
    while (i < tk->count && tk->t[i].start < at)
        i++;
    return i;
}

/* ---- Names that hold numbers --------------------------------------------- */

/* Text that reads like a serving but names a food: its tokens start no
 * amount. (A number joined to a word, "7-grain", "2%", "v8", is told by its
 * shape; these are the rest.) */
static const char *const number_names[] = {
    "7 up", "7up", "3 musketeers", "100 grand", "5 spice", "five spice", "half and half",
    "half & half", "thousand island", "1000 island", "quarter pounder", "chicken 65",
    "5 hour energy", "5-hour energy", "one a day", "a la mode", "a la carte",
    "big mac", "big breakfast", "big brekkie",
    "千张", "三杯鸡", "三杯鸭", "三杯中卷", "三杯小卷", "三杯透抽", "三杯杏鲍菇", "三杯豆腐",
    "六个核桃", "三只松鼠", "一口酥", "两面黄", "一品",
};

static void guard_names(tokens *tk)
{
    const char *s = tk->n.s;
    unsigned char present[256] = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        present[*p] = 1;
    for (size_t k = 0; k < sizeof number_names / sizeof number_names[0]; k++) {
        const char *name = number_names[k];
        if (!present[(unsigned char)name[0]] || !present[(unsigned char)name[1]])
            continue;
        size_t len = strlen(name);
        for (const char *p = strstr(s, name); p; p = strstr(p + 1, name)) {
            size_t at = (size_t)(p - s);
            int ascii = (unsigned char)name[0] < 0x80;
            if (ascii && ((at > 0 && isalnum((unsigned char)s[at - 1])) ||
                          isalnum((unsigned char)s[at + len])))
                continue;
            for (int i = 0; i < tk->count; i++)
                if (tk->t[i].start >= at && tk->t[i].start < at + len)
                    tk->t[i].guarded = 1;
        }
    }
}

/* ---- Amounts ------------------------------------------------------------- */

enum {
    AF_VAGUE = 1,      /* "a few", "几": not an amount */
    AF_RANGE = 2,      /* "2-3", "一两个" */
    AF_SOME = 4,       /* "some", "一些": one typical serving */
    AF_WORDS = 8,      /* written in words ("a", "half", "两") */
    AF_XCOUNT = 16,    /* "x2", "3x" */
    AF_CJK = 32,       /* Chinese numerals or digits before a measure word */
};

typedef struct {
    double value;
    int next;              /* first token after the amount */
    int flags;
    const char *why;       /* the reason for a vague amount or range */
    const char *note;      /* how a word was read ("大半 read as 3/4") */
} amount;

static const struct {
    const char *word;
    double value;
} number_words[] = {
    {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"half", 0.5}, {"quarter", 0.25},
    {"third", 1.0 / 3}, {"dozen", 12}, {"couple", 2}, {"pair", 2},
};

static double number_word(const tokens *tk, int i)
{
    for (size_t k = 0; k < sizeof number_words / sizeof number_words[0]; k++)
        if (word_is(tk, i, number_words[k].word))
            return number_words[k].value;
    return NAN;
}

/* Chinese numerals: 零 一 二 两 三 ... 九, 十 百 千 as multipliers. */
static int zh_digit(long cp)
{
    static const long digits[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                  0x516D, 0x4E03, 0x516B, 0x4E5D};
    for (int d = 0; d < 10; d++)
        if (cp == digits[d])
            return d;
    if (cp == 0x3007)
        return 0;       /* 〇 */
    if (cp == 0x4E24)
        return 2;       /* 两 */
    return -1;
}

static int zh_multiplier(long cp)
{
    return cp == 0x5341 ? 10 : cp == 0x767E ? 100 : cp == 0x5343 ? 1000 : 0; /* 十 百 千 */
}

#define CP_HALF 0x534A   /* 半 */
#define CP_FEW 0x51E0    /* 几 */
#define CP_LIANG 0x4E24  /* 两 */

static int is_zh_numeral(const token *t)
{
    return t->type == TK_CJK && (zh_digit(t->cp) >= 0 || zh_multiplier(t->cp) ||
                                 t->cp == CP_HALF || t->cp == CP_FEW);
}

/* 1 when a Chinese measure word or unit starts at token i, after an
 * optional size character (小 大 中); *end gets the token after it. */
static int zh_measure_at(const tokens *tk, int i, int *end)
{
    if (i >= tk->count || tk->t[i].guarded)
        return 0;
    const char *s = tk->n.s + tk->t[i].start;
    size_t len;
    const unit_def *u;
    if (tk->t[i].type == TK_CJK) {
        if ((len = unit_at(s, &u)) > 0) {                    /* 克, 毫升, 小匙 */
            *end = token_from(tk, i, tk->t[i].start + len);
            return 1;
        }
        const struct kmgca_measure_word *m = measure_word_at(s, &len);
        if (m && !m->concept[0] && i + 1 < tk->count)        /* a size: 小碗 */
            return zh_measure_at(tk, i + 1, end) && !cjk_is(tk, i + 1, "两");
        if ((m && m->concept[0]) || (len = unit_at(s, &u)) > 0) {
            *end = token_from(tk, i, tk->t[i].start + len);
            return 1;
        }
        return 0;
    }
    /* "50g", "300ml" after Chinese: an ASCII unit. */
    if (tk->t[i].type == TK_WORD && (len = unit_at(s, &u)) > 0) {
        *end = token_from(tk, i, tk->t[i].start + len);
        return 1;
    }
    return 0;
}

/* A small whole number in Chinese numerals over tokens [i, j): 三, 十, 十二,
 * 二十: the parts of a fraction. 0 when it is not one. */
static int zh_small_number(const tokens *tk, int i, int j)
{
    int value = 0, digit = -1;
    for (int k = i; k < j; k++) {
        long cp = tk->t[k].cp;
        int d = cp == 0x4E24 ? 2 : zh_digit(cp);   /* 两 */
        if (d >= 0 && d <= 9 && digit < 0)
            digit = d;
        else if (cp == 0x5341 && value == 0)        /* 十 */
            value = (digit < 0 ? 1 : digit) * 10, digit = -1;
        else
            return 0;
    }
    return value + (digit < 0 ? 0 : digit);
}

static int zh_amount_at(const tokens *tk, int i, amount *a);

/* "四分之一" (one quarter), "三分之二", "四分之五": a fraction, denominator
 * first. */
static int zh_fraction_at(const tokens *tk, int i, int j, amount *a)
{
    if (j + 2 >= tk->count || tk->t[j].cp != 0x5206 || tk->t[j + 1].cp != 0x4E4B)
        return 0;                                   /* 分之 */
    int den = zh_small_number(tk, i, j), k = j + 2;
    while (k < tk->count && is_zh_numeral(&tk->t[k]))
        k++;
    /* the longest numerator that reads: in 四分之一两 the 两 is the unit */
    int num = 0;
    while (k > j + 2 && (num = zh_small_number(tk, j + 2, k)) == 0)
        k--;
    if (den < 2 || num < 1 || num > 10 * den)
        return 0;
    memset(a, 0, sizeof *a);
    a->flags = AF_CJK | AF_WORDS;
    a->value = (double)num / den;
    a->next = k;
    return 1;
}

/* A run of Chinese numerals at i: 一, 十二, 二十五, 一百五, 两, 半, 一半,
 * 四分之一. */
static int zh_amount_at(const tokens *tk, int i, amount *a)
{
    int j = i, has_few = 0, has_half_only = 1;
    while (j < tk->count && is_zh_numeral(&tk->t[j]) && !tk->t[j].guarded &&
           (j == i || !tk->t[j].space))
        j++;
    if (j == i)
        return 0;
    if (zh_fraction_at(tk, i, j, a))
        return 1;
    /* 一又二分之一: a whole number and a fraction */
    if (j + 1 < tk->count && tk->t[j].cp == 0x53C8 && zh_small_number(tk, i, j) > 0) {
        int f = j + 1;
        while (f < tk->count && is_zh_numeral(&tk->t[f]))
            f++;
        amount part;
        if (zh_fraction_at(tk, j + 1, f, &part)) {
            *a = part;
            a->value += zh_small_number(tk, i, j);
            return 1;
        }
    }
    /* "二两", "三两": a numeral then 两 is 50 g each, not the numeral 2 —
     * except "一两个" (one or two), a range. */
    int liang_unit = 0;
    if (j - i >= 2 && tk->t[j - 1].cp == CP_LIANG) {
        int after;
        int measure = zh_measure_at(tk, j, &after);
        if (!(j - i == 2 && tk->t[i].cp == 0x4E00 && measure)) {
            j--;
            liang_unit = 1;
        }
    }
    memset(a, 0, sizeof *a);
    a->flags = AF_CJK | AF_WORDS;
    double value = 0, section = 0;
    int digit = -1, last_mult = 0, prev_digit = -1, range = 0;
    for (int k = i; k < j; k++) {
        long cp = tk->t[k].cp;
        int d = zh_digit(cp), m = zh_multiplier(cp);
        if (cp == CP_FEW) {
            has_few = 1;
            has_half_only = 0;
            continue;
        }
        if (cp == CP_HALF) {
            if (k == j - 1 && k > i && digit == 1 && !section) {
                value = 0.5;            /* 一半: a half */
                digit = -1;
                continue;
            }
            if (k == i && j - i == 1) {
                value = 0.5;
                continue;
            }
            if (k == i && zh_digit(tk->t[k + 1].cp) < 0)
                continue;               /* 半 then a unit */
            range = 1;
            continue;
        }
        has_half_only = 0;
        if (d >= 0) {
            if (digit >= 0 && !m) {
                /* Two digits in a row: 两三, 三四 — a range (一百五: 150). */
                if (d == digit + 1 || (digit == 1 && d == 2))
                    range = 1;
                else
                    return 0;
            }
            prev_digit = digit;
            digit = d;
        } else if (m) {
            section += (digit < 0 ? 1 : digit) * m;
            last_mult = m;
            digit = -1;
        }
    }
    (void)prev_digit;
    if (digit >= 0)
        section += last_mult >= 100 && digit > 0 ? digit * (last_mult / 10) : digit;
    if (value != 0.5 || section)
        value += section;
    a->value = value;
    a->next = j;
    if (has_few) {
        a->flags |= AF_VAGUE;
        a->why = "几 (a few) is not an amount; write the number";
    } else if (range) {
        a->flags |= AF_RANGE;
        a->why = "the amount is a range; write one number";
    }
    (void)has_half_only;
    int after;
    /* 十多个, 二十来个, 两百多毫升: "more than", not an amount. */
    if (!liang_unit && (cjk_is(tk, j, "多") || cjk_is(tk, j, "来")) &&
        zh_measure_at(tk, j + 1, &after)) {
        a->flags |= AF_VAGUE;
        a->why = "多 or 来 after a number (more than) is not an amount; write the number";
        a->next = j + 1;
        return 1;
    }
    /* 两到三个, 一至两碗, 三或四个: a range. */
    if ((cjk_is(tk, j, "到") || cjk_is(tk, j, "至") || cjk_is(tk, j, "或") ||
         punct_is(tk, j, '~') || punct_is(tk, j, '-')) &&
        j + 1 < tk->count && (is_zh_numeral(&tk->t[j + 1]) || tk->t[j + 1].type == TK_NUM)) {
        int k = j + 1;
        while (k < tk->count && (is_zh_numeral(&tk->t[k]) || tk->t[k].type == TK_NUM))
            k++;
        if (zh_measure_at(tk, k, &after)) {
            a->flags |= AF_RANGE;
            a->why = "the amount is a range; write one number";
            a->next = k;
            return 1;
        }
    }
    /* A numeral counts only before a measure word or unit ("三文鱼" is
     * salmon); 两 as a unit is one. */
    if (!liang_unit && !zh_measure_at(tk, j, &after) && !(value == 0.5 && j - i == 2))
        return 0;
    return 1;
}

/* Words that stand for "how much" without saying: */
static const char *const vague_words[][2] = {
    {"few", "\"a few\" is not an amount; write the number"},
    {"several", "\"several\" is not an amount; write the number"},
    {"little", "\"a little\" is not an amount; write how much"},
    {"bit", "\"a bit\" is not an amount; write how much"},
    {"lots", "\"lots\" is not an amount; write how much"},
    {"many", "\"many\" is not an amount; write the number"},
    {"loads", "\"loads\" is not an amount; write how much"},
    {"bits", "\"bits\" is not an amount; write how much"},
    {"plenty", "\"plenty\" is not an amount; write how much"},
};

static int amount_at(const tokens *tk, int i, amount *a)
{
    memset(a, 0, sizeof *a);
    if (i >= tk->count || tk->t[i].guarded)
        return 0;
    const token *t = &tk->t[i];
    if (t->type == TK_CJK) {
        if (!zh_amount_at(tk, i, a)) {
            /* 大半碗, 小半碗: most of, a third of. */
            if ((cjk_is(tk, i, "大") || cjk_is(tk, i, "小")) && cjk_is(tk, i + 1, "半")) {
                int after;
                if (!zh_measure_at(tk, i + 2, &after))
                    return 0;
                int big = cjk_is(tk, i, "大");
                a->value = big ? 0.75 : 1.0 / 3;
                a->note = big ? "大半 (most of) read as 3/4" : "小半 (a little of) read as 1/3";
                a->next = i + 2;
                a->flags = AF_CJK | AF_WORDS;
                return 1;
            }
            /* 适量 (as needed), 少许 (a little), 若干 (some number), 一点 (a bit) */
            static const char *const vague_zh[][3] = {
                {"适", "量", "适量 (as much as needed) is not an amount; write how much"},
                {"少", "许", "少许 (a little) is not an amount; write how much"},
                {"若", "干", "若干 (a number of) is not an amount; write the number"},
                {"一", "点", "一点 (a bit) is not an amount; write how much"},
                {"多", "少", "多少 is not an amount; write how much"},
            };
            for (size_t k = 0; k < sizeof vague_zh / sizeof vague_zh[0]; k++)
                if (cjk_is(tk, i, vague_zh[k][0]) && cjk_is(tk, i + 1, vague_zh[k][1])) {
                    a->value = 1;
                    a->next = i + 2;
                    a->flags = AF_CJK | AF_VAGUE;
                    a->why = vague_zh[k][2];
                    return 1;
                }
            if (cjk_is(tk, i, "一") && cjk_is(tk, i + 1, "些")) {
                a->value = 1;
                a->next = i + 2;
                a->flags = AF_CJK | AF_SOME;
                a->why = "一些 (some) is not an amount";
                return 1;
            }
            return 0;
        }
        return 1;
    }
    if (t->type == TK_NUM) {
        if (t->flags & NF_GLUED)
            return 0;           /* "v8", "b12": part of a word */
        const char *s = tk->n.s;
        char after = s[t->end];
        if (after == '%' || after == ':' || after == '"' ||
            (after == '-' && isalpha((unsigned char)s[t->end + 1])) ||
            word_is(tk, i + 1, "inch") || word_is(tk, i + 1, "inches") ||
            (word_is(tk, i + 1, "in") && (punct_is(tk, i + 2, '.') || after == 'i')))
            return 0;           /* 2% milk, 7-grain, 8:30, 6", 6in (a sub's length) */
        /* "9 grain bread", "2 percent milk", "100 calorie pack": the name's. */
        static const char *const name_words[] = {"grain", "percent", "pct", "calorie",
                                                 "calories", "spice", "layer", "minute"};
        for (size_t k = 0; k < sizeof name_words / sizeof name_words[0]; k++)
            if (word_is(tk, i + 1, name_words[k]))
                return 0;
        if (after == '/' && isdigit((unsigned char)s[t->end + 1])) {
            /* number_at leaves "/0" behind: a fraction with no denominator. */
            a->value = t->value;
            a->next = i + 3 <= tk->count ? i + 3 : tk->count;
            a->flags = AF_RANGE;
            a->why = "the fraction has no usable denominator";
            return 1;
        }
        a->value = t->value;
        a->next = i + 1;
        /* 1 1/2, 1 ½ */
        if (!(t->flags & NF_FRACTION) && t->value == floor(t->value) && i + 1 < tk->count &&
            tk->t[i + 1].type == TK_NUM && (tk->t[i + 1].flags & NF_FRACTION) &&
            tk->t[i + 1].value < 1) {
            a->value += tk->t[i + 1].value;
            a->next = i + 2;
        }
        /* 1 and a half, 2 and 1/2 */
        int j = a->next;
        if (word_is(tk, j, "and") && word_is(tk, j + 1, "a") && word_is(tk, j + 2, "half")) {
            a->value += 0.5;
            a->next = j + 3;
        } else if (word_is(tk, j, "and") && j + 1 < tk->count && tk->t[j + 1].type == TK_NUM &&
                   (tk->t[j + 1].flags & NF_FRACTION)) {
            a->value += tk->t[j + 1].value;
            a->next = j + 2;
        }
        j = a->next;
        /* 2-3, 2 - 3, 2~3, 2 to 3, 2 or 3 */
        if ((punct_is(tk, j, '-') || punct_is(tk, j, '~') || word_is(tk, j, "to") ||
             word_is(tk, j, "or")) &&
            j + 1 < tk->count && tk->t[j + 1].type == TK_NUM &&
            !(tk->t[j + 1].flags & NF_FRACTION) && tk->t[j + 1].value > a->value) {
            a->flags |= AF_RANGE;
            a->why = "the amount is a range; give one amount";
            a->next = j + 2;
        }
        /* digits before a Chinese measure word: 2个, 12个 */
        int end;
        if (a->next < tk->count && tk->t[a->next].type == TK_CJK &&
            zh_measure_at(tk, a->next, &end))
            a->flags |= AF_CJK;
        if (word_is(tk, a->next, "dozen")) {
            a->value *= 12;
            a->next++;
        }
        return 1;
    }
    if (t->type != TK_WORD)
        return 0;
    /* "x2", "x 2": a count written after the food */
    if (word_is(tk, i, "x") && i + 1 < tk->count && tk->t[i + 1].type == TK_NUM &&
        !(tk->t[i + 1].flags & NF_FRACTION)) {
        a->value = tk->t[i + 1].value;
        a->next = i + 2;
        a->flags = AF_XCOUNT;
        return 1;
    }
    if (word_is(tk, i, "as") && (word_is(tk, i + 1, "much") || word_is(tk, i + 1, "many"))) {
        a->value = 1;
        a->next = i + 2;
        a->flags = AF_VAGUE | AF_WORDS;
        a->why = "\"as much as\" is not an amount; write how much";
        return 1;
    }
    if (word_is(tk, i, "between") && i + 1 < tk->count && tk->t[i + 1].type == TK_NUM &&
        word_is(tk, i + 2, "and") && i + 3 < tk->count && tk->t[i + 3].type == TK_NUM) {
        a->value = tk->t[i + 1].value;
        a->next = i + 4;
        a->flags = AF_RANGE;
        a->why = "the amount is a range; give one amount";
        return 1;
    }
    if (word_is(tk, i, "some") || word_is(tk, i, "any")) {
        a->value = 1;
        a->next = i + 1;
        a->flags = AF_SOME | AF_WORDS;
        a->why = "\"some\" is not an amount";
        return 1;
    }
    int j = i;
    if (word_is(tk, j, "a") || word_is(tk, j, "an"))
        j++;
    for (size_t k = 0; k < sizeof vague_words / sizeof vague_words[0]; k++)
        if (word_is(tk, j, vague_words[k][0]) && (j > i || k == 1 || k >= 4)) {
            a->value = 1;
            a->next = j + 1;
            a->flags = AF_VAGUE | AF_WORDS;
            a->why = vague_words[k][1];
            if (word_is(tk, a->next, "of"))
                a->next++;
            return 1;
        }
    double v = number_word(tk, i);
    if (isnan(v))
        return 0;
    a->flags = AF_WORDS;
    a->value = v;
    a->next = i + 1;
    j = i + 1;
    if (v == 1 && j > i) {
        /* "a half", "a quarter", "a couple of", "a dozen", "a third of" */
        double w = number_word(tk, j);
        if (!isnan(w) && w != 1 && (w < 1 || w == 2 || w == 12) && !word_is(tk, i, "one")) {
            a->value = w;
            a->next = ++j;
        } else if (word_is(tk, i, "one") && word_is(tk, j, "half")) {
            a->value = 0.5;
            a->next = ++j;
        }
    }
    j = a->next;
    if (a->value == 0.5 || a->value == 0.25 || a->value == 1.0 / 3) {
        /* "half a cup", "half an apple", "half of the pizza", "half a dozen" */
        if (word_is(tk, j, "a") || word_is(tk, j, "an"))
            j++;
        else if (word_is(tk, j, "of") && (word_is(tk, j + 1, "a") || word_is(tk, j + 1, "an")))
            j += 2;
        if (word_is(tk, j, "dozen")) {
            a->value *= 12;
            j++;
        }
        a->next = j;
    } else if (a->value == 2 && (word_is(tk, i, "couple") || word_is(tk, i + 1, "couple") ||
                                 word_is(tk, i, "pair") || word_is(tk, i + 1, "pair"))) {
        if (word_is(tk, j, "of"))
            j++;
        a->next = j;
    }
    j = a->next;
    /* "three quarters of a cup", "two thirds" */
    if (a->value >= 1 && a->value == floor(a->value)) {
        double part = word_is(tk, j, "quarters") || word_is(tk, j, "quarter") ? 0.25
                      : word_is(tk, j, "thirds") || word_is(tk, j, "third")   ? 1.0 / 3
                                                                              : 0;
        if (part > 0 && a->value * part <= 1) {
            a->value *= part;
            j++;
            if (word_is(tk, j, "of") && (word_is(tk, j + 1, "a") || word_is(tk, j + 1, "an")))
                j += 2;
            a->next = j;
        }
    }
    /* "one and a half", "two and a half" */
    if (a->value >= 1 && word_is(tk, j, "and") && word_is(tk, j + 1, "a") &&
        word_is(tk, j + 2, "half")) {
        a->value += 0.5;
        a->next = j + 3;
    }
    if (a->value >= 1 && word_is(tk, a->next, "dozen")) {
        a->value *= 12;
        a->next++;
    }
    return 1;
}

/* ---- Reading a serving at a token ----------------------------------------- */

enum { CLASS_COUNT = 0, CLASS_HOUSEHOLD = 1, CLASS_MEASURE = 2 };

typedef struct {
    int start, end;            /* tokens [start, end) */
    int amount_written;
    int cls;                   /* CLASS_* */
    int words_only;            /* household words not in the list (whole-text mode) */
    int needs_of;              /* a unit with no amount, read only before "of" */
    int size_only;             /* "small", "large" with no amount or unit */
    kmgca_serving s;
    const char *why;           /* a refused amount: the reason */
    int some;                  /* "some": one typical serving */
    int xcount;                /* "x2": a count written after the food */
} reading;

static int is_size_word(const tokens *tk, int i, const char **size, int *end)
{
    if (i >= tk->count || tk->guarded_all || tk->t[i].guarded ||
        (tk->t[i].type != TK_WORD && tk->t[i].type != TK_CJK))
        return 0;
    size_t len;
    const struct kmgca_measure_word *m = measure_word_at(tk->n.s + tk->t[i].start, &len);
    if (!m || !m->size[0] || (m->concept[0] && strcmp(m->concept, "item") != 0))
        return 0;
    int after;
    if (tk->t[i].type == TK_CJK && !zh_measure_at(tk, i + 1, &after))
        return 0;       /* 小 and 大 are sizes only before a measure word */
    *size = m->size;
    *end = token_from(tk, i, tk->t[i].start + len);
    return 1;
}

static void append_words(char *buf, size_t size, const tokens *tk, int from, int to)
{
    int after_punct = 0;
    for (int k = from; k < to; k++) {
        const token *t = &tk->t[k];
        if (t->type == TK_PUNCT && t->cp != '%' && t->cp != '&') {
            after_punct = 1;
            continue;
        }
        size_t o = strlen(buf);
        int sep = o && (t->space || after_punct) && buf[o - 1] != ' ';
        after_punct = 0;
        size_t len = (size_t)(t->end - t->start);
        if (o + sep + len + 1 > size)
            break;
        if (sep)
            buf[o++] = ' ';
        memcpy(buf + o, tk->n.s + t->start, len);
        buf[o + len] = '\0';
    }
}

/* A weight or volume inside a qualifier: "(11 fl oz)", "(6 tbsp, ground)",
 * "- each 1 oz". Returns 1 with its amount and unit. */
static int qualifier_measure(const tokens *tk, int from, int to, double *value,
                             const unit_def **unit, int *each, char *detail, size_t dsize)
{
    *each = 0;
    int found = 0;
    for (int k = from; k < to; k++) {
        if (word_is(tk, k, "each") || word_is(tk, k, "ea") || word_is(tk, k, "per"))
            *each = 1;
        /* "patty - yield from 1/4 lb raw meat": the weight of what it was
         * made from, not of the serving. */
        if (!found && (word_is(tk, k, "yield") ||
                       (word_is(tk, k, "from") && k + 1 < to && tk->t[k + 1].type == TK_NUM)))
            return 0;
        if (found || tk->t[k].type != TK_NUM || k + 1 >= to)
            continue;
        const unit_def *u = NULL;
        size_t len = unit_at(tk->n.s + tk->t[k + 1].start, &u);
        if (!len || (u->kind != KMGCA_UNIT_MASS && u->kind != KMGCA_UNIT_VOLUME))
            continue;
        *value = tk->t[k].value;
        *unit = u;
        found = 1;
        int after = token_from(tk, k + 1, tk->t[k + 1].start + len);
        if (detail && u->kind == KMGCA_UNIT_VOLUME)
            append_words(detail, dsize, tk, after, to);
        k = after - 1;
    }
    return found;
}

/* The unit at token i; "T" (capital, tablespoon) and "t" (teaspoon) are
 * told apart by the original text, which the normalised text lowers. */
static size_t unit_at_token(const tokens *tk, int i, const unit_def **u)
{
    size_t len = unit_at(tk->n.s + tk->t[i].start, u);
    if (len == 1 && !strcmp((*u)->name, "t")) {
        size_t cl;
        long cp = utf8_decode(tk->n.orig + tk->n.map[tk->t[i].start], &cl);
        if (cp == 'T' || cp == 0xFF34)   /* T, or full-width Ｔ */
            unit_at("T", u);
    }
    return len;
}

static void set_unit(kmgca_serving *s, const unit_def *u)
{
    s->kind = u->kind;
    s->unit_factor = u->factor;
    copy_text(s->unit, sizeof s->unit, u->canonical);
}

static void fmt_number(char *buf, size_t size, double v)
{
    snprintf(buf, size, "%.4g", v);
}

/* Reads a serving starting at token i. whole: the text is only a serving
 * (an amount field), so unknown words after the amount are household
 * words and "- ..." qualifiers run to the end. */
static int read_at(const tokens *tk, int i, int whole, reading *r)
{
    memset(r, 0, sizeof *r);
    r->start = i;
    kmgca_serving *s = &r->s;
    amount a;
    int j = i;
    if (amount_at(tk, i, &a)) {
        r->amount_written = 1;
        s->amount = a.value;
        j = a.next;
        if (a.flags & (AF_VAGUE | AF_RANGE))
            r->why = a.why;
        if (a.flags & AF_SOME) {
            r->some = 1;
            copy_text(s->note, sizeof s->note, a.why);
        }
        if (a.note)
            copy_text(s->note, sizeof s->note, a.note);
        if (a.flags & AF_XCOUNT) {
            r->xcount = 1;
            /* "x6 pcs": a count of pieces, read on as "6 pcs" */
            size_t pl;
            const struct kmgca_measure_word *pm =
                j < tk->count && tk->t[j].type == TK_WORD
                    ? measure_word_at(tk->n.s + tk->t[j].start, &pl)
                    : NULL;
            /* "x 3 small": a count of pieces of that size, read on too */
            const char *xsize;
            int xend;
            int sized = j < tk->count && is_size_word(tk, j, &xsize, &xend);
            if ((!pm || strcmp(pm->concept, "piece") != 0) && !sized) {
                r->end = j;
                s->kind = KMGCA_UNIT_NONE;
                return 1;
            }
        }
    } else {
        s->amount = 1;
    }
    /* "2 x 150 g", "2.00 x 3.0 oz", "3 x eggs", "2x toast" */
    if (r->amount_written && (word_is(tk, j, "x") || punct_is(tk, j, '*'))) {
        if (j + 1 < tk->count && tk->t[j + 1].type == TK_NUM) {
            double per = tk->t[j + 1].value;
            const unit_def *u = NULL;
            size_t len = j + 2 < tk->count ? unit_at_token(tk, j + 2, &u) : 0;
            if (len) {
                char a1[32], a2[32];
                fmt_number(a1, sizeof a1, s->amount);
                fmt_number(a2, sizeof a2, per);
                snprintf(s->note, sizeof s->note, "%s x %s %s", a1, a2, u->canonical);
                s->amount *= per;
                set_unit(s, u);
                r->cls = CLASS_MEASURE;
                r->end = token_from(tk, j + 2, tk->t[j + 2].start + len);
                return 1;
            }
            return 0;
        }
        r->end = j + 1;
        s->kind = KMGCA_UNIT_NONE;
        return 1;
    }
    /* "half a 150g bag", "a 400 g tin": so much of a container of that
     * weight or volume. */
    if (r->amount_written && tk->t[i].type == TK_WORD && j + 1 < tk->count &&
        tk->t[j].type == TK_NUM && !(tk->t[j].flags & NF_GLUED)) {
        const unit_def *cu = NULL;
        size_t cl = unit_at_token(tk, j + 1, &cu);
        int k = cl ? token_from(tk, j + 1, tk->t[j + 1].start + cl) : j;
        size_t wl;
        const struct kmgca_measure_word *c =
            cl && k < tk->count && tk->t[k].type == TK_WORD
                ? measure_word_at(tk->n.s + tk->t[k].start, &wl)
                : NULL;
        if (c && c->concept[0] && !c->size[0] && strcmp(c->concept, "item") != 0 &&
            (cu->kind == KMGCA_UNIT_MASS || cu->kind == KMGCA_UNIT_VOLUME)) {
            s->amount *= tk->t[j].value;
            set_unit(s, cu);
            r->cls = CLASS_MEASURE;
            j = token_from(tk, k, tk->t[k].start + wl);
            if (word_is(tk, j, "of"))
                j++;
            r->end = j;
            return 1;
        }
    }
    /* "a whole bag", "the entire tub": the container, all of it */
    if (r->amount_written && (word_is(tk, j, "whole") || word_is(tk, j, "entire") ||
                              word_is(tk, j, "full"))) {
        size_t wl;
        const struct kmgca_measure_word *c =
            j + 1 < tk->count && tk->t[j + 1].type == TK_WORD
                ? measure_word_at(tk->n.s + tk->t[j + 1].start, &wl)
                : NULL;
        if (c && c->concept[0] && strcmp(c->concept, "item") != 0)
            j++;
    }
    /* sizes, then a unit or a household word */
    char sizes[48] = "";
    const char *size;
    int end;
    int size_from = j;
    const unit_def *u = NULL;
    while (is_size_word(tk, j, &size, &end) &&
           !(tk->t[j].type == TK_CJK && unit_at(tk->n.s + tk->t[j].start, &u) > 0)) {
        appendf(sizes, sizeof sizes, "%s%s", sizes[0] ? " " : "", size);
        j = end;
    }
    size_t len;
    const struct kmgca_measure_word *m = NULL;
    u = NULL;
    if (j < tk->count && !tk->t[j].guarded &&
        (tk->t[j].type == TK_WORD || tk->t[j].type == TK_CJK) &&
        (len = unit_at_token(tk, j, &u)) > 0 &&
        !(tk->t[j].type == TK_CJK && !r->amount_written)) {
        /* 两 alone is a unit only after a numeral. */
        set_unit(s, u);
        r->cls = CLASS_MEASURE;
        j = token_from(tk, j, tk->t[j].start + len);
    } else if (j < tk->count && !tk->t[j].guarded &&
               (tk->t[j].type == TK_WORD || tk->t[j].type == TK_CJK) &&
               (m = measure_word_at(tk->n.s + tk->t[j].start, &len)) != NULL && m->concept[0] &&
               !(m->size[0] && sizes[0] && 0)) {
        int k = token_from(tk, j, tk->t[j].start + len);
        char words[64];
        copy_text(words, sizeof words, sizes);
        if (m->size[0] && !strcmp(m->concept, "item")) {
            /* "medium", "large" alone: the size of the food's item. */
            appendf(words, sizeof words, "%s%s", words[0] ? " " : "", m->size);
        } else {
            appendf(words, sizeof words, "%s", words[0] ? " " : "");
            size_t o = strlen(words);
            copy_text(words + o, sizeof words - o, tk->n.s + tk->t[j].start);
            words[o + len < sizeof words ? o + len : sizeof words - 1] = '\0';
        }
        s->kind = KMGCA_UNIT_PORTION;
        copy_text(s->unit, sizeof s->unit, words);
        r->cls = CLASS_HOUSEHOLD;
        j = k;
    } else if (sizes[0]) {
        s->kind = KMGCA_UNIT_PORTION;
        copy_text(s->unit, sizeof s->unit, sizes);
        r->cls = CLASS_HOUSEHOLD;
    } else if (whole && r->amount_written && j < tk->count && tk->t[j].type == TK_WORD &&
               !word_is(tk, j, "of")) {
        /* An amount field: words after the count name a measure the list
         * does not hold ("1.00 shake (11 fl oz)", "2 biscuits"). */
        int k = j;
        while (k < tk->count && tk->t[k].type == TK_WORD)
            k++;
        s->kind = KMGCA_UNIT_PORTION;
        copy_text(s->unit, sizeof s->unit, sizes);
        append_words(s->unit, sizeof s->unit, tk, j, k);
        r->cls = CLASS_HOUSEHOLD;
        r->words_only = 1;
        j = k;
    } else {
        j = size_from;
        s->kind = KMGCA_UNIT_NONE;
    }
    if (!r->amount_written) {
        if (r->cls == CLASS_COUNT)
            return 0;
        if (tk->t[i].type == TK_CJK && !whole)
            return 0;          /* "碗" alone in food text is not a serving */
        /* "small latte", "banana, small": a size alone is one of that size. */
        r->size_only = sizes[0] && !m && !u && s->kind == KMGCA_UNIT_PORTION &&
                       strstr("small medium large extra large jumbo", sizes) &&
                       !word_is(tk, j, "of");
        r->needs_of = !whole && !r->size_only;
    }
    /* "a handful or two": a range, with or without "of" after it */
    if (r->needs_of && (word_is(tk, j, "or") || word_is(tk, j, "to"))) {
        amount b;
        if (amount_at(tk, j + 1, &b)) {
            r->why = "the amount is a range; give one amount";
            r->needs_of = 0;
            j = b.next;
            if (word_is(tk, j, "of"))
                j++;
        }
    }
    if (r->cls != CLASS_COUNT && word_is(tk, j, "of"))
        j++, r->needs_of = 0;
    else if (r->needs_of)
        return 0;
    /* 一个半, 一斤半: and a half */
    if (r->cls != CLASS_COUNT && (a.flags & AF_CJK) && cjk_is(tk, j, "半")) {
        s->amount += 0.5;
        j++;
    }
    /* "半碗到一碗", "一两碗或两碗", "a handful or two": a range */
    {
        amount b;
        if ((cjk_is(tk, j, "到") || cjk_is(tk, j, "至") || cjk_is(tk, j, "或") ||
             word_is(tk, j, "or") || word_is(tk, j, "to") ||
             (r->cls != CLASS_COUNT && (punct_is(tk, j, '-') || punct_is(tk, j, '~')))) &&
            /* "1.00 cup - 8 fl oz", "1.00 oz - 23 whole kernels": an export
             * says what its unit is after " - ", not a second amount */
            !(whole && punct_is(tk, j, '-') && tk->t[i].type == TK_NUM &&
              (tk->t[i].flags & NF_CENTS)) &&
            amount_at(tk, j + 1, &b) && !(b.flags & (AF_SOME | AF_XCOUNT))) {
            r->why = "the amount is a range; give one amount";
            int k = b.next;
            int end2;
            const unit_def *u2;
            size_t l2;
            if (k < tk->count && zh_measure_at(tk, k, &end2))
                k = end2;
            else if (k < tk->count && tk->t[k].type == TK_WORD &&
                     ((l2 = unit_at(tk->n.s + tk->t[k].start, &u2)) > 0 ||
                      measure_word_at(tk->n.s + tk->t[k].start, &l2)))
                k = token_from(tk, k, tk->t[k].start + l2);
            j = k;
        }
    }
    /* a qualifier: the weight of one unit */
    int qfrom = -1, qto = -1;
    if (r->cls != CLASS_COUNT && punct_is(tk, j, '(')) {
        int k = j + 1;
        while (k < tk->count && !punct_is(tk, k, ')'))
            k++;
        if (k < tk->count) {
            qfrom = j + 1;
            qto = k;
            j = k + 1;
        }
    }
    if (whole && r->cls != CLASS_COUNT && punct_is(tk, j, '-')) {
        /* "1.00 slice - each 1 oz", "1.00 large - 3\" diameter" */
        if (qfrom < 0)
            qfrom = j + 1;
        qto = tk->count;
        j = tk->count;
    }
    if (qfrom >= 0) {
        double per;
        const unit_def *qu = NULL;
        int each;
        char detail[64] = "";
        if (qualifier_measure(tk, qfrom, qto, &per, &qu, &each, detail, sizeof detail)) {
            /* Per unit when the text says "each" or the amount is written
             * as exports write it ("2.00"), else the total ("2 slices
             * (60 g)"). A mass beats a volume: it is what was eaten. */
            int per_unit = each || (tk->t[i].type == TK_NUM && (tk->t[i].flags & NF_CENTS)) ||
                           s->amount == 1;
            if (r->cls == CLASS_HOUSEHOLD || qu->kind == KMGCA_UNIT_MASS ||
                (r->cls == CLASS_MEASURE && s->kind == KMGCA_UNIT_VOLUME &&
                 qu->kind == KMGCA_UNIT_VOLUME && 0)) {
                char a1[32], a2[32];
                fmt_number(a1, sizeof a1, s->amount);
                fmt_number(a2, sizeof a2, per);
                s->note[0] = '\0';
                appendf(s->note, sizeof s->note, "%s %s (%s %s%s)", a1,
                         s->unit[0] ? s->unit : "x", a2, qu->canonical,
                         per_unit && s->amount != 1 ? " each" : "");
                s->amount = per_unit ? s->amount * per : per;
                set_unit(s, qu);
                if (detail[0])
                    copy_text(s->detail, sizeof s->detail, text_trim(detail));
                r->cls = CLASS_MEASURE;
            }
        } else if (qfrom > 0 && qto > qfrom && r->cls == CLASS_MEASURE &&
                   s->kind == KMGCA_UNIT_VOLUME) {
            append_words(s->detail, sizeof s->detail, tk, qfrom, qto);
        }
    }
    /* "150g x 2" */
    if (r->cls == CLASS_MEASURE && word_is(tk, j, "x") && j + 1 < tk->count &&
        tk->t[j + 1].type == TK_NUM && !(tk->t[j + 1].flags & NF_FRACTION) &&
        (j + 2 >= tk->count || tk->t[j + 2].type != TK_WORD || whole)) {
        s->amount *= tk->t[j + 1].value;
        j += 2;
    }
    if (whole && j < tk->count) {
        /* The rest of an amount field: words after a volume unit say how it
         * was cut ("1 cup chopped"); after a count they name a household
         * measure the list does not hold ("2 biscuits", "1 shake"). */
        if (r->cls == CLASS_MEASURE && s->kind == KMGCA_UNIT_VOLUME) {
            append_words(s->detail, sizeof s->detail, tk, j, tk->count);
        } else if (r->cls != CLASS_MEASURE) {
            char words[64];
            copy_text(words, sizeof words, s->unit);
            append_words(words, sizeof words, tk, j, tk->count);
            if (words[0]) {
                s->kind = KMGCA_UNIT_PORTION;
                copy_text(s->unit, sizeof s->unit, words);
                r->cls = CLASS_HOUSEHOLD;
                r->words_only = 1;
            }
        }
        j = tk->count;
    }
    r->end = j;
    return 1;
}

/* ---- Fillers around a serving ---------------------------------------------- */

/* Words said around a serving that are not the food: "about 200 g",
 * "吃了一碗", "一碗左右". */
static const char *const fillers_en[] = {"about", "approx", "approximately", "around", "roughly",
                                         "ca", "circa", "had", "ate", "drank", "just", "only",
                                         "total", "in", "total:", "approx."};
static const char *const fillers_zh[] = {"吃了", "喝了", "吃", "喝", "约", "大约", "大概", "左右",
                                         "差不多", "一共", "共", "了", "的", "各", "上下"};

/* Bytes of a Chinese filler at token i, 0 when none; *end: the token after. */
static int zh_filler_at(const tokens *tk, int i, int *end)
{
    if (i >= tk->count || tk->t[i].type != TK_CJK)
        return 0;
    const char *s = tk->n.s + tk->t[i].start;
    size_t best = 0;
    for (size_t k = 0; k < sizeof fillers_zh / sizeof fillers_zh[0]; k++) {
        size_t len = strlen(fillers_zh[k]);
        if (len > best && strncmp(s, fillers_zh[k], len) == 0)
            best = len;
    }
    if (!best)
        return 0;
    *end = token_from(tk, i, tk->t[i].start + best);
    return 1;
}

static int is_filler(const tokens *tk, int i, int *end)
{
    *end = i + 1;
    if (i >= tk->count)
        return 0;
    const token *t = &tk->t[i];
    if (t->type == TK_PUNCT)
        return t->cp != '%' && t->cp != '&' && t->cp != '+';
    if (t->type == TK_WORD) {
        for (size_t k = 0; k < sizeof fillers_en / sizeof fillers_en[0]; k++)
            if (word_is(tk, i, fillers_en[k]))
                return 1;
        return 0;
    }
    return zh_filler_at(tk, i, end);
}

/* ---- Parsing a serving field ----------------------------------------------- */

static kmgca_status fail_reading(kmgca_error *err, const char *text, const char *why)
{
    return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "\"%.120s\": %s", text, why);
}

kmgca_status kmgca_serving_parse(const char *text, kmgca_serving *s, kmgca_error *err)
{
    if (!s)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no serving to fill");
    memset(s, 0, sizeof *s);
    const char *p = text ? text : "";
    while (*p == ' ' || *p == '\t')
        p++;
    if (!utf8_valid(p, strlen(p)))
        return kmgca_fail(err, KMGCA_ERROR_ENCODING, "serving text is not valid UTF-8");
    if (strlen(p) > 200)
        return kmgca_fail(err, KMGCA_ERROR_LIMIT, "serving text is longer than 200 bytes");
    tokens tk;
    tokenise(p, &tk);
    int first = 0, end;
    while (first < tk.count && is_filler(&tk, first, &end) &&
           !(tk.t[first].type == TK_PUNCT && tk.t[first].cp == '-' && first + 1 < tk.count &&
             tk.t[first + 1].type == TK_NUM && !tk.t[first + 1].space))
        first = end;
    if (first < tk.count && punct_is(&tk, first, '-'))
        return fail_reading(err, p, "the amount is negative");
    if (first >= tk.count) {
        s->kind = KMGCA_UNIT_TYPICAL;
        s->amount = 1;
        return KMGCA_OK;
    }
    const token *t0 = &tk.t[first];
    if (t0->type == TK_WORD) {
        const char *w = tk.n.s + t0->start;
        if (strncmp(w, "nan", 3) == 0 || strncmp(w, "inf", 3) == 0)
            return fail_reading(err, p, "the amount is not a number");
    }
    if (t0->type == TK_NUM) {
        char c = tk.n.s[t0->end];
        if (c == 'e' && isdigit((unsigned char)tk.n.s[t0->end + 1]))
            return fail_reading(err, p, "write the amount as a plain number");
        if (c == '/' )
            return fail_reading(err, p, "the fraction has no usable denominator");
    }
    reading r;
    if (!read_at(&tk, first, 1, &r)) {
        /* No amount: the words are a household measure ("medium"). */
        memset(&r, 0, sizeof r);
        r.s.amount = 1;
        r.s.kind = KMGCA_UNIT_PORTION;
        append_words(r.s.unit, sizeof r.s.unit, &tk, first, tk.count);
        if (!r.s.unit[0])
            return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "no amount in \"%.120s\"", p);
    }
    if (r.why)
        return fail_reading(err, p, r.why);
    *s = r.s;
    if (r.some) {
        s->kind = KMGCA_UNIT_TYPICAL;
        s->amount = 1;
        s->unit[0] = '\0';
    }
    if (!isfinite(s->amount) || s->amount > MAX_AMOUNT)
        return fail_reading(err, p, "the amount is too large");
    if (s->amount <= 0 && s->kind != KMGCA_UNIT_TYPICAL && r.amount_written && 0)
        return fail_reading(err, p, "the amount is zero");
    if (s->kind == KMGCA_UNIT_NONE && !r.amount_written)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "no amount in \"%.120s\"", p);
    return KMGCA_OK;
}

/* ---- Finding the serving in food text ---------------------------------------- */

typedef struct {
    int start, end;        /* tokens, fillers included */
    reading r;
    int rank;
    int second;            /* a bare count after "and", "with", "+": only a sign of two servings */
} found;

/* How much a reading says: a measure beats a household word beats a count,
 * and a weight beats a volume. */
static int reading_rank(const reading *r, int leading)
{
    return r->cls * 8 + (r->amount_written ? 4 : 0) + (r->s.kind == KMGCA_UNIT_MASS ? 2 : 0) +
           (leading ? 1 : 0);
}

/* 1 when a serving may start at token i: a number, a word, a bracket, a
 * Chinese numeral or one of the few characters that open a vague amount.
 * (Most of a Chinese line is the food's own characters.) */
static int could_start(const tokens *tk, int i)
{
    const token *t = &tk->t[i];
    if (t->type == TK_NUM || t->type == TK_WORD)
        return 1;
    if (t->type == TK_PUNCT)
        return t->cp == '(';
    if (is_zh_numeral(t))
        return 1;
    static const long openers[] = {0x5927, 0x5C0F, 0x9002, 0x5C11, 0x82E5, 0x591A}; /* 大小适少若多 */
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++)
        if (t->cp == openers[k])
            return 1;
    return 0;
}

static int connector_between(const tokens *tk, int from, int to);

static int find_servings(const tokens *tk, found *out, int max)
{
    int n = 0, end;
    /* The first and last tokens that are not fillers. */
    int first = 0, last = tk->count - 1;
    while (first < tk->count && is_filler(tk, first, &end))
        first = end;
    while (last >= 0 && tk->t[last].type == TK_PUNCT && tk->t[last].cp != ')')
        last--;
    for (int i = 0; i < tk->count && n < max;) {
        reading r;
        int paren = punct_is(tk, i, '(');
        int ok = 0, from = i;
        if (!could_start(tk, i)) {
            i++;
            continue;
        }
        if (paren) {
            /* "(150 g)": the whole bracket must be a serving. */
            int k = i + 1;
            while (k < tk->count && !punct_is(tk, k, ')'))
                k++;
            if (k < tk->count && k > i + 1 && read_at(tk, i + 1, 0, &r) && !(r.size_only && 0) &&
                (r.end == k || (r.end < k && is_filler(tk, r.end, &end) && end == k)) &&
                (r.cls != CLASS_COUNT || r.amount_written)) {
                r.end = k + 1;
                ok = 1;
            }
        } else if (read_at(tk, i, 0, &r)) {
            /* "broccoli 3 spears": a count and one word ending the line
             * after the food name a measure of it ("spear", "fillet"). */
            if (r.cls == CLASS_COUNT && r.amount_written && !r.why && !r.xcount &&
                (tk->t[i].type == TK_NUM || word_is(tk, i, "half")) && i > first &&
                r.end + 1 == tk->count &&
                tk->t[r.end].type == TK_WORD && !tk->t[r.end].guarded && tk->t[r.end].space &&
                !word_is(tk, r.end, "x") && !word_is(tk, r.end, "of") &&
                !word_is(tk, r.end, "pm") && !word_is(tk, r.end, "am") &&
                !word_is(tk, i - 1, "at") && !word_is(tk, i - 1, "around") &&
                !connector_between(tk, i - 1, i) &&
                (tk->t[i - 1].type == TK_WORD || punct_is(tk, i - 1, '-'))) {
                r.s.kind = KMGCA_UNIT_PORTION;
                append_words(r.s.unit, sizeof r.s.unit, tk, r.end, r.end + 1);
                r.cls = CLASS_HOUSEHOLD;
                r.words_only = 1;
                r.end++;
            }
            /* Where it may stand: */
            int leading = i <= first;
            int trailing = 0;
            int k = r.end;
            for (;;) {
                if (punct_is(tk, k, '(')) {
                    /* a bracket after it is a note on it: "2 slices (60 g)" */
                    while (k < tk->count && !punct_is(tk, k, ')'))
                        k++;
                    if (k < tk->count)
                        k++;
                    continue;
                }
                if (k < tk->count && is_filler(tk, k, &end)) {
                    k = end;
                    continue;
                }
                /* a weight after it says what it weighs: "2 slices, 56 g" */
                if (k < tk->count) {
                    reading w;
                    int at = punct_is(tk, k, ',') || punct_is(tk, k, '/') ? k + 1 : k;
                    if (at < tk->count && read_at(tk, at, 0, &w) && w.cls == CLASS_MEASURE &&
                        !w.why && w.end > at) {
                        k = w.end;
                        continue;
                    }
                }
                break;
            }
            trailing = k >= tk->count;
            int cjk = tk->t[i].type == TK_CJK ||
                      (r.end > 0 && tk->t[r.end - 1].type == TK_CJK) ||
                      (i > 0 && tk->t[i - 1].type == TK_CJK && !tk->t[i].space);
            if (r.cls == CLASS_MEASURE || (cjk && r.cls != CLASS_COUNT))
                ok = 1;
            else if (leading || trailing)
                ok = 1;
            /* A bare number between words is part of the name ("chicken 65",
             * "pho 24 ..."), unless Chinese ("鸡蛋2个" has its measure). */
            if (r.cls == CLASS_COUNT && !leading && !trailing) {
                ok = 0;
                /* ... but after "and", "with", "+" or a comma it starts
                 * another food: "milk 200 ml and 2 biscuits". */
                if (tk->t[i].type == TK_NUM && r.amount_written && i > 0 &&
                    (word_is(tk, i - 1, "and") || word_is(tk, i - 1, "with") ||
                     word_is(tk, i - 1, "plus") || punct_is(tk, i - 1, '+') ||
                     punct_is(tk, i - 1, '&') || punct_is(tk, i - 1, ',')))
                    ok = 2;
            }
            /* "sausages x2 grilled": "x2" is a count wherever it stands. */
            if (r.xcount)
                ok = 1;
            /* "a" alone before a word that is no food is an article only. */
            if (ok && r.cls == CLASS_COUNT && r.amount_written && r.end >= tk->count)
                ok = tk->t[i].type == TK_NUM || tk->t[i].type == TK_CJK || r.why ||
                     (r.end - i == 2 && word_is(tk, i, "x"));
            /* A size alone ("small", "large") leads, or follows a comma. */
            if (ok && r.size_only)
                ok = leading || (trailing && i > 0 && punct_is(tk, i - 1, ','));
            if (ok && r.cls == CLASS_COUNT && tk->t[i].type == TK_WORD && !word_is(tk, i, "x") &&
                (r.end >= tk->count || tk->t[r.end].type != TK_WORD))
                ok = 0;
            /* A vague amount or a range is cut out wherever it stands, to
             * be refused with its reason. */
            if (r.why && (r.cls != CLASS_COUNT || tk->t[i].type != TK_WORD ||
                          (r.end < tk->count && tk->t[r.end].type == TK_WORD)))
                ok = 1;
            /* "eggs -2": a negative amount. */
            if (ok && tk->t[i].type == TK_NUM && !tk->t[i].space && punct_is(tk, i - 1, '-') &&
                (i == 1 || tk->t[i - 1].space)) {
                r.why = "the amount is negative";
                from = i - 1;
            }
        }
        if (!ok) {
            i++;
            continue;
        }
        /* Fillers next to it go with it: "about", "吃了", "左右". */
        int s0 = from;
        while (s0 > 0 && s0 - 1 >= 0) {
            int e;
            int k = s0 - 1;
            if (tk->t[k].type == TK_WORD && is_filler(tk, k, &e) && e == s0) {
                s0 = k;
                continue;
            }
            /* a Chinese filler of two characters ends at s0 */
            if (k > 0 && zh_filler_at(tk, k - 1, &e) && e == s0) {
                s0 = k - 1;
                continue;
            }
            if (zh_filler_at(tk, k, &e) && e == s0) {
                s0 = k;
                continue;
            }
            break;
        }
        int e0 = r.end;
        for (;;) {
            int e;
            if (e0 < tk->count && tk->t[e0].type != TK_PUNCT && is_filler(tk, e0, &e)) {
                e0 = e;
                continue;
            }
            break;
        }
        out[n].start = s0;
        out[n].end = e0;
        out[n].r = r;
        out[n].rank = reading_rank(&r, from <= first);
        out[n].second = ok == 2;
        n++;
        i = r.end > i ? r.end : i + 1;
    }
    return n;
}

/* Copies the original text of tokens [from, to) minus the servings found,
 * into out; trims connectors left at the ends. */
static void food_without(const tokens *tk, const found *f, int nf, char *out, size_t size)
{
    char buf[TEXT_MAX + 1];
    size_t o = 0;
    const char *orig = tk->n.orig;
    size_t at = 0;
    for (int k = 0; k <= nf; k++) {
        size_t cut_from = k < nf ? tk->n.map[tk->t[f[k].start].start] : tk->n.orig_len;
        size_t cut_to = k < nf ? (f[k].end < tk->count ? tk->n.map[tk->t[f[k].end].start]
                                                        : tk->n.orig_len)
                               : tk->n.orig_len;
        if (k == nf && tk->count && tk->t[tk->count - 1].end < tk->n.len)
            cut_from = tk->n.orig_len;
        if (cut_from > at) {
            size_t len = cut_from - at;
            if (o && buf[o - 1] != ' ' && o < TEXT_MAX)
                buf[o++] = ' ';
            if (o + len > TEXT_MAX)
                len = TEXT_MAX - o;
            memcpy(buf + o, orig + at, len);
            o += len;
        }
        at = cut_to;
    }
    buf[o] = '\0';
    /* Trim spaces, punctuation and connectors left at either end. */
    char *p = buf;
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '-' || *p == ':' || *p == ';' || *p == '~' ||
               *p == '*' || *p == '.' || *p == '/' || *p == ')')
            p++;
        if (strncasecmp(p, "of ", 3) == 0)
            p += 3;
        else if ((p[0] == 'x' || p[0] == 'X') && p[1] == ' ')
            p += 2;
        else if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0 || strncmp(p, "：", 3) == 0)
            p += 3;
        else
            break;
    }
    size_t n = strlen(p);
    for (;;) {
        while (n && (p[n - 1] == ' ' || p[n - 1] == ',' || p[n - 1] == '-' || p[n - 1] == ':' ||
                     p[n - 1] == ';' || p[n - 1] == '(' || p[n - 1] == '~' || p[n - 1] == '*' ||
                     p[n - 1] == '/'))
            n--;
        if (n >= 3 && (strncmp(p + n - 3, "，", 3) == 0 || strncmp(p + n - 3, "、", 3) == 0 ||
                       strncmp(p + n - 3, "：", 3) == 0 || strncmp(p + n - 3, "（", 3) == 0))
            n -= 3;
        else if (n >= 3 && strncasecmp(p + n - 3, " of", 3) == 0)
            n -= 3;
        else if (n >= 2 && (p[n - 1] == 'x' || p[n - 1] == 'X') && p[n - 2] == ' ')
            n -= 2;
        else
            break;
    }
    p[n] = '\0';
    /* A lone bracket left behind: "chicken (150 g" cannot happen, but "(" */
    size_t opens = 0, closes = 0;
    for (char *c = p; *c; c++)
        opens += *c == '(', closes += *c == ')';
    if (opens == 1 && closes == 0) {
        char *c = strchr(p, '(');
        memmove(c, c + 1, strlen(c));
    }
    copy_text(out, size, text_trim(p));
}

/* 1 when a word or mark joining two foods stands in tokens [from, to). */
static int connector_between(const tokens *tk, int from, int to)
{
    static const long zh[] = {0x548C, 0x52A0, 0x8DDF, 0x914D, 0x53CA}; /* 和 加 跟 配 及 */
    for (int i = from; i < to; i++) {
        if (word_is(tk, i, "and") || word_is(tk, i, "with") || word_is(tk, i, "plus") ||
            word_is(tk, i, "w") || punct_is(tk, i, '+') || punct_is(tk, i, '&') ||
            punct_is(tk, i, ';'))
            return 1;
        if (tk->t[i].type == TK_CJK)
            for (size_t k = 0; k < sizeof zh / sizeof zh[0]; k++)
                if (tk->t[i].cp == zh[k])
                    return 1;
    }
    return 0;
}

/* After a leading container word: two words or more, not noodles, or one
 * word that names what such a container holds. */
static int contents_follow(const char *rest)
{
    static const char *const one[] = {"milk", "tea", "coffee", "juice", "oj", "wine", "beer",
                                      "water", "soup", "cereal", "porridge", "oats", "oatmeal",
                                      "rice", "lemonade", "cola", "coke", "cider", "yogurt",
                                      "yoghurt", "custard", "stew", "chili", "chilli", "salad"};
    char w[32];
    size_t n = strcspn(rest, " ,");
    if (n >= sizeof w)
        return 0;
    memcpy(w, rest, n);
    w[n] = '\0';
    if (!strncasecmp(w, "noodle", 6))
        return 0;
    const char *after = rest + n;
    while (*after == ' ' || *after == ',')
        after++;
    if (*after)
        return 1;
    for (size_t k = 0; k < sizeof one / sizeof *one; k++)
        if (!strcasecmp(w, one[k]))
            return 1;
    return 0;
}

/* A container or household word with no amount, first or last in the
 * line ("glass white wine", "OJ glass", "handful snow peas", "avocado,
 * half"): one of it (or half). The line again with the amount written;
 * 0 when there is none. "cup" only leads: "peanut butter cup" is a sweet. */
/* The size word ("small", "big") of a container, or NULL. */
static const char *container_size(const char *w, size_t len)
{
    static const char *const sizes[] = {"small", "big", "large", "medium", "mini", "regular"};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        if (strlen(sizes[k]) == len && strncasecmp(w, sizes[k], len) == 0)
            return sizes[k];
    return NULL;
}

/* The word of s that ends at `end` (letters only): its start, and its
 * length in *len; end itself when there is none. */
static size_t word_before(const char *s, size_t end, size_t *len)
{
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ','))
        end--;
    size_t b = end;
    while (b > 0 && isalpha((unsigned char)s[b - 1]))
        b--;
    *len = end - b;
    return b;
}

static int bare_container(const char *text, char *out, size_t size)
{
    /* The last six are containers only with a size before them ("small
     * dish", "big bag"): alone they end names ("side dish", "tea bag"). */
    static const char *const words[] = {"glass", "mug", "bowl", "handful", "plate", "tub",
                                        "punnet", "carton", "bottle", "can", "tin", "slice",
                                        "piece", "cup", "half", "dish", "bag", "packet", "box",
                                        "pot", "serve"};
    const size_t sized_from = 15;
    char t[TEXT_MAX + 1];
    copy_text(t, sizeof t, text);
    char *s = text_trim(t);
    size_t len = strlen(s);
    size_t first = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    size_t last = len;
    while (last > 0 && isalpha((unsigned char)s[last - 1]))
        last--;
    /* "whole punnet of strawberries", "entire bag of crisps": all of one. */
    if (s[first] == ' ' && ((first == 5 && !strncasecmp(s, "whole", 5)) ||
                            (first == 6 && !strncasecmp(s, "entire", 6)))) {
        const char *w2 = s + first + 1;
        size_t l2 = strspn(w2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if (strlen(words[k]) == l2 && strncasecmp(w2, words[k], l2) == 0 &&
                strcmp(words[k], "half") != 0 && w2[l2] == ' ' &&
                isalpha((unsigned char)w2[l2 + 1])) {
                snprintf(out, size, "1 %s", w2);
                return 1;
            }
    }
    /* A size first: "small bag cool ranch doritos", "big bowl porridge". */
    const char *lead_size = first && s[first] == ' ' ? container_size(s, first) : NULL;
    if (lead_size) {
        const char *w2 = s + first + 1;
        size_t l2 = strspn(w2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
            size_t wl = strlen(words[k]);
            if (wl == l2 && strncasecmp(w2, words[k], wl) == 0 &&
                strcmp(words[k], "half") != 0 && strcmp(words[k], "bottle") != 0 &&
                w2[wl] == ' ' && isalpha((unsigned char)w2[wl + 1]) &&
                contents_follow(w2 + wl + 1)) {
                snprintf(out, size, "1 %s", s);
                return 1;
            }
        }
    }
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t wl = strlen(words[k]);
        int half = strcmp(words[k], "half") == 0;
        if (k >= sized_from) {
            /* only with a size before it, last in the line */
            size_t pl, pb;
            const char *sz;
            if (len - last != wl || last == 0 || strcasecmp(s + last, words[k]) != 0 ||
                s[last - 1] != ' ')
                continue;
            pb = word_before(s, last, &pl);
            if (!pl || !(sz = container_size(s + pb, pl)) || pb == 0)
                continue;
            size_t keep = pb;
            while (keep > 0 && (s[keep - 1] == ' ' || s[keep - 1] == ',' || s[keep - 1] == '-'))
                keep--;
            if (!keep)
                continue;
            snprintf(out, size, "%.*s 1 %s %s", (int)keep, s, sz, words[k]);
            return 1;
        }
        /* first, with more words after it: two at least ("glass noodles",
         * "cup noodles", "plate lunch", "tin foil" are names), or one drink or
         * dish people put in it ("glass milk", "bowl cereal") */
        if (!half && first == wl && strcmp(words[k], "bottle") != 0 &&
            strncasecmp(s, words[k], wl) == 0 && s[wl] == ' ' &&
            isalpha((unsigned char)s[wl + 1]) && contents_follow(s + wl + 1)) {
            snprintf(out, size, "1 %s", s);
            return 1;
        }
        /* last, after the food */
        if (len - last == wl && last > 0 && strcasecmp(s + last, words[k]) == 0 &&
            strcmp(words[k], "cup") != 0 && (s[last - 1] == ' ' || s[last - 1] == ',')) {
            size_t keep = last;
            int comma = 0;
            while (keep > 0 && (s[keep - 1] == ' ' || s[keep - 1] == ',')) {
                comma |= s[keep - 1] == ',';
                keep--;
            }
            /* "half and half" is cream; "avocado, half" half an avocado */
            if (!keep || (half && !comma) ||
                (keep >= 4 && strncasecmp(s + keep - 4, " and", 4) == 0) ||
                s[keep - 1] == '&')
                return 0;
            if (half) {
                snprintf(out, size, "half %.*s", (int)keep, s);
                return 1;
            }
            /* "Irish stew, big bowl": the size goes with the container;
             * "ate the whole tub": all of it, one tub. */
            size_t pl, pb = word_before(s, last, &pl);
            const char *sz = pl && pb > 0 ? container_size(s + pb, pl) : NULL;
            int whole = pl && pb > 0 && !sz &&
                        ((pl == 5 && !strncasecmp(s + pb, "whole", 5)) ||
                         (pl == 6 && !strncasecmp(s + pb, "entire", 6)));
            if (sz || whole) {
                size_t k2 = pb, al;
                if (whole) {
                    size_t ab = word_before(s, pb, &al);
                    if ((al == 3 && !strncasecmp(s + ab, "the", 3)) ||
                        (al == 1 && !strncasecmp(s + ab, "a", 1)))
                        k2 = ab;
                }
                while (k2 > 0 && (s[k2 - 1] == ' ' || s[k2 - 1] == ',' || s[k2 - 1] == '-'))
                    k2--;
                if (k2) {
                    snprintf(out, size, "%.*s 1 %s%s%s", (int)k2, s, sz ? sz : "", sz ? " " : "",
                             words[k]);
                    return 1;
                }
            }
            snprintf(out, size, "%.*s 1 %s", (int)keep, s, words[k]);
            return 1;
        }
    }
    return 0;
}

/* A Chinese measure word with no numeral right after a verb or 了 ("喝了碗
 * 八宝粥", "来了个煎饼", "买根油条"): Chinese leaves 一 out there, so it is one
 * of it. The line again with 一 written in before the measure word (and its
 * size, 小碗); 0 when there is none. The caller keeps the line as written
 * when the measure word starts a food's name instead ("吃了包子", "锅贴"). */
int serving_zh_bare_measure(const char *text, char *out, size_t size)
{
    static const char *const before[] = {"了", "吃", "喝", "来", "买", "点", "打", "要", "加",
                                         "啃", "煮", "蒸", "做", "下", "炖", "煎", "烤", "泡",
                                         "冲", "拿", "整", "弄", "叫", "炒", "热", "盛"};
    size_t len = strlen(text);
    for (size_t at = 0; at < len;) {
        size_t cl;
        if (utf8_decode(text + at, &cl) < 0 || !cl)
            return 0;
        size_t next = at + cl;
        int verb = 0;
        for (size_t k = 0; k < sizeof before / sizeof *before && !verb; k++)
            verb = cl == strlen(before[k]) && memcmp(text + at, before[k], cl) == 0;
        if (verb && next < len) {
            size_t ml, sl = 0;
            const struct kmgca_measure_word *m = measure_word_at(text + next, &ml);
            if (m && !m->concept[0]) {          /* a size first: 小碗, 大杯 */
                sl = ml;
                m = measure_word_at(text + next + sl, &ml);
            }
            const unit_def *u;
            if (m && m->concept[0] && !unit_at(text + next + sl, &u)) {
                const char *food = text + next + sl + ml;
                size_t fl;
                long cp = utf8_decode(food, &fl);
                /* the food follows, in Chinese */
                if (cp >= 0x3400 && cp <= 0x9FFF &&
                    (size_t)snprintf(out, size, "%.*s一%s", (int)next, text, text + next) < size)
                    return 1;
            }
        }
        at = next;
    }
    return 0;
}

static int split_text(const char *text, char *serving, size_t serving_size, char *food,
                      size_t food_size, int again);

int kmgca_serving_split(const char *text, char *serving, size_t serving_size, char *food,
                        size_t food_size)
{
    return split_text(text, serving, serving_size, food, food_size, 0);
}

static int split_text(const char *text, char *serving, size_t serving_size, char *food,
                      size_t food_size, int again)
{
    if (!text)
        text = "";
    if (serving_size)
        serving[0] = '\0';
    size_t len = strlen(text);
    if (len > TEXT_MAX || !utf8_valid(text, len)) {
        if (food_size)
            copy_text(food, food_size, text);
        return 0;
    }
    tokens tk;
    tokenise(text, &tk);
    guard_names(&tk);
    found f[8];
    int nf = tk.truncated ? 0 : find_servings(&tk, f, 8);
    /* A bare count after "and" only tells that another serving is there:
     * alone, it stays in the name. */
    int seconds = 0, kept = 0;
    for (int k = 0; k < nf; k++) {
        if (f[k].second)
            seconds++;
        else
            f[kept++] = f[k];
    }
    nf = kept;
    if (!nf && !again && !tk.truncated) {
        char alt[TEXT_MAX + 8];
        if (bare_container(text, alt, sizeof alt) && strlen(alt) <= TEXT_MAX)
            return split_text(alt, serving, serving_size, food, food_size, 1);
    }
    if (!nf) {
        /* No serving, or text too long to search: the food as written. */
        if (food_size) {
            char tmp[TEXT_MAX + 1];
            copy_text(tmp, sizeof tmp, text);
            copy_text(food, food_size, text_trim(tmp));
        }
        return 0;
    }
    /* One serving a line. A weight in brackets next to a count or a
     * household word says what they weigh ("2 slices (60 g)"); a size alone
     * goes with a count written elsewhere ("large eggs x2"). Any other two
     * amounts are two servings: kmgca does not pick one. */
    int best = -1, amounts = 0, size_only = -1, count = -1, conflict = 0;
    for (int k = 0; k < nf; k++) {
        const reading *r = &f[k].r;
        if (r->size_only) {
            size_only = k;
            continue;
        }
        amounts++;
        if (r->cls == CLASS_COUNT && !r->why)
            count = k;
        if (best < 0 || f[k].rank > f[best].rank)
            best = k;
    }
    if (amounts > 1) {
        for (int k = 0; k < nf; k++) {
            if (k == best || f[k].r.size_only)
                continue;
            int a = k < best ? k : best, b = k < best ? best : k;
            /* The weight follows the piece it weighs, with no "and"
             * between ("bottle of coke 600ml", "2 slice, 56 g"), or stands
             * right before it ("60 g 2 slices"). */
            int next_to = k < best ? !connector_between(&tk, f[a].end, f[b].start)
                                   : f[b].start <= f[a].end ||
                                         (f[b].start == f[a].end + 1 &&
                                          tk.t[f[a].end].type == TK_PUNCT &&
                                          !connector_between(&tk, f[a].end, f[b].start));
            /* a weight beside a count, a household word or a volume is what
             * they weigh ("1 cup (200 g)", "2 slice, 56 g"); a volume beside
             * a count or a household word what they hold ("bottle 600ml") */
            int weighs = ((f[best].r.s.kind == KMGCA_UNIT_MASS &&
                           f[k].r.s.kind != KMGCA_UNIT_MASS) ||
                          (f[best].r.cls == CLASS_MEASURE && f[k].r.cls != CLASS_MEASURE)) &&
                         !f[k].r.why && !f[best].r.why;
            if (!(next_to && weighs))
                conflict = 1;
        }
    }
    if (best < 0)
        best = size_only;
    if (serving_size) {
        char sv[256];
        if (amounts == 1 && count >= 0 && size_only >= 0) {
            char num[32];
            snprintf(num, sizeof num, "%.10g", f[count].r.s.amount);
            snprintf(sv, sizeof sv, "%s %s", num, f[size_only].r.s.unit);
        } else {
            /* The serving as written, from the original text. */
            const found *b = &f[best];
            int s0 = b->r.start, e0 = b->r.end;
            if (punct_is(&tk, s0 - 1, '(') && punct_is(&tk, e0 - 1, ')'))
                s0--;
            if (punct_is(&tk, s0, '('))
                s0++, e0--;
            if (b->r.why && s0 > 0 && punct_is(&tk, s0 - 1, '-') && !tk.t[s0].space)
                s0--;           /* "-2": the sign too, to be refused */
            size_t from = tk.n.map[tk.t[s0].start];
            size_t to = tk.n.map[tk.t[e0 - 1].end];
            copy_text(sv, to - from + 1 < sizeof sv ? to - from + 1 : sizeof sv, text + from);
            /* "bowl of": the unit alone, without the "of" */
            size_t sl = strlen(sv);
            if (sl > 3 && strcasecmp(sv + sl - 3, " of") == 0)
                sv[sl - 3] = '\0';
        }
        char *t0 = text_trim(sv);
        copy_text(serving, serving_size, t0);
    }
    if (food_size)
        food_without(&tk, f, nf, food, food_size);
    return conflict || seconds ? 2 : 1;
}

/* ---- Detail words ---------------------------------------------------------- */

/* Word keys (text.c) that describe a cut or a packing, not a food. */
static const char *const cut_words[] = {
    "chop", "slice", "dice", "cube", "shredded", "mashed", "grated", "crushed",
    "packed", "unpacked", "ball", "half", "piece", "pureed", "strip", "wedge", "ground",
    "flaked", "shelled", "sliver", "slivered",
};

void kmgca_serving_take_detail(kmgca_serving *s, const char *food_text)
{
    if (!s || !food_text)
        return;
    if (s->kind == KMGCA_UNIT_PORTION || s->kind == KMGCA_UNIT_NONE ||
        s->kind == KMGCA_UNIT_TYPICAL) {
        if (!name_portion_find(food_text, s->name, sizeof s->name))
            s->name[0] = '\0';
        return;
    }
    if (s->kind != KMGCA_UNIT_VOLUME || s->detail[0])
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
