/* tokens.c — the first step of reading a serving: the text normalised
 * (lower case, full-width forms to ASCII, "×" to "x", the Traditional
 * characters of amounts and measure words to Simplified, 俩 to 两个), then
 * cut into tokens: numbers ("1.5", "1,5", "1/2", "1-1/2", "½"), words, single
 * Chinese characters and punctuation. Numbers that belong to a name ("7 up",
 * "千张") have their tokens guarded, so that no amount starts there.
 *
 * amount.c reads amounts from the tokens, serving.c a serving, split.c finds
 * the serving in food text; serving.h is what they share.
 */
#include "serving.h"

#include <ctype.h>
#include <string.h>

/* ---- Normalised text ---------------------------------------------------- */

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
    static const char *const before[] = {"们", "咱", "俺", "他", "她", "我", "你"};
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
        /* 俩 (倆) and 仨 say the measure word too: 两个, 三个 (not 我们俩,
         * 俩人). */
        if ((cp == 0x4FE9 || cp == 0x5006 || cp == 0x4EE8) && o + 6 <= TEXT_MAX &&
            !pair_word(in, i, cl)) {
            memcpy(n->s + o, cp == 0x4EE8 ? "三个" : "两个", 6);
            /* 两 stands on the character's bytes; the added 个 has none of
             * its own and stands after it, so a cut before 个 never falls
             * inside 俩. */
            for (size_t k = 0; k < 6; k++)
                n->map[o + k] = (unsigned short)(i + (k < 3 ? k : cl));
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

void serving_tokenise(const char *text, tokens *tk)
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

/* ---- Names that hold numbers --------------------------------------------- */

/* Text that reads like a serving but names a food: its tokens start no
 * amount. (A number joined to a word, "7-grain", "2%", "v8", is told by its
 * shape; these are the rest.) */
static const char *const number_names[] = {
    "7 up", "7up", "3 musketeers", "100 grand", "5 spice", "five spice", "half and half",
    "half & half", "thousand island", "1000 island", "quarter pounder", "quarter pounders", "chicken 65",
    "5 hour energy", "5-hour energy", "one a day", "a la mode", "a la carte",
    "big mac", "big breakfast", "big brekkie", "pot noodle", "cup noodle", "cup noodles",
    "pot roast", "pot pie", "half time", "halftime", "half term", "2nd half", "second half",
    "first half", "1st half", "99 flake", "99 flakes", "99 cone", "99 cones", "99 ice cream",
    "v-8", "v 8", "little debbie", "little caesars", "little caesar's", "little chef", "big league chew",
    "big red", "big hunk", "little hug", "little bites", "mini babybel", "mini babybels",
    "big m",
    "千张", "三杯鸡", "三杯鸭", "三杯中卷", "三杯小卷", "三杯透抽", "三杯杏鲍菇", "三杯豆腐",
    "三杯雞", "三杯鴨", "三杯杏鮑菇", "三杯鱿鱼", "三杯魷魚", "三杯花枝",
    "六个核桃", "三只松鼠", "一口酥", "两面黄", "一品", "一口气", "一个人", "两个人", "三个人",
};

void guard_names(tokens *tk)
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
