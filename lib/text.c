/* text.c — UTF-8 checks, folding and word keys for matching, decimals. */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- UTF-8 -------------------------------------------------------------- */

long utf8_decode(const char *s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned long cp;
    size_t n;
    if (u[0] < 0x80) {
        *len = 1;
        return u[0];
    } else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        cp = u[0] & 0x1F;
        n = 2;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        cp = u[0] & 0x0F;
        n = 3;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        cp = u[0] & 0x07;
        n = 4;
    } else {
        *len = 1;
        return -1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *len = i;
            return -1;
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    *len = n;
    /* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    return (long)cp;
}

int utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* Eight bytes at a time while they are ASCII and none is NUL. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, sizeof w);
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        /* Bound the decode to the buffer: a cut sequence is invalid. */
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + need > len)
            return 0;
        if (utf8_decode(s + i, &n) < 0)
            return 0;
        i += n;
    }
    return 1;
}

size_t utf8_encode(unsigned long cp, char *buf)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int is_cjk(unsigned long cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

int text_has_cjk(const char *s)
{
    while (*s) {
        size_t n;
        long cp = utf8_decode(s, &n);
        if (cp > 0 && is_cjk((unsigned long)cp))
            return 1;
        s += n;
    }
    return 0;
}

void copy_text(char *dst, size_t size, const char *src)
{
    if (!size)
        return;
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        /* Step back over continuation bytes so no sequence is split. */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void utf8_trim_end(char *s)
{
    size_t n = strlen(s);
    /* Back over continuation bytes to the lead byte of the last sequence;
     * drop the sequence when it is shorter than its lead byte says. */
    size_t i = n;
    while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < need)
        s[i - 1] = '\0';
}

/* ---- Folding ------------------------------------------------------------ */

/* Latin-1 letters U+00C0..U+00FF without their accents ('\0': drop). */
static const char latin1_fold[64] = "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
                                    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
/* Latin Extended-A, U+0100..U+017F, the same way: the macrons of Māori
 * and Pacific words ("kūmara", "hāngī"), and Central European letters. */
static const char latin_a_fold[128] = "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
                                      "iiiijjkkklllllll" "lllnnnnnnnnnoooo" "oooorrrrrrssssss"
                                      "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

size_t text_fold(const char *in, char *out, size_t out_size)
{
    size_t o = 0;
    if (!out_size)
        return 0;
#define PUT(c)                                                                             \
    do {                                                                                   \
        if (o + 1 < out_size)                                                              \
            out[o++] = (char)(c);                                                          \
    } while (0)
    char prev = ' ';
    while (*in) {
        unsigned char b = (unsigned char)*in;
        /* The common case first: a plain ASCII letter or digit. */
        if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z')) {
            char c = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            PUT(c);
            prev = c;
            in++;
            continue;
        }
        size_t n;
        long cp = utf8_decode(in, &n);
        char c = 0;
        if (cp < 0) {
            c = ' ';
        } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;  /* full-width ASCII forms */
        } else if (cp == 0x3000 || cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C) {
            cp = cp == 0x3001 || cp == 0xFF0C ? ',' : ' ';
        } else if (cp == 0x3010 || cp == 0x300C) {
            cp = '(';
        } else if (cp == 0x3011 || cp == 0x300D) {
            cp = ')';
        }
        if (c) {
            /* already decided */
        } else if (cp < 0x80) {
            if (isalnum((int)cp) || cp == '%')
                c = (char)tolower((int)cp);
            else if (cp == '.' && isdigit((unsigned char)prev) && isdigit((unsigned char)in[n]))
                c = '.';
            else if (cp == '\'')
                c = 0;          /* "kellogg's" -> "kelloggs" */
            else if (cp == '(' || cp == ')' || cp == ',')
                c = (char)cp;
            else if (cp == '&' && prev == ' ' && in[1] == ' ' && o + 4 < out_size) {
                /* "split pea & ham soup" is "split pea and ham soup" (not M&M's) */
                memcpy(out + o, "and", 3);
                o += 3;
                prev = 'd';
                in += n;
                continue;
            } else
                c = ' ';
            if (!c) {
                in += n;
                continue;
            }
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            c = latin1_fold[cp - 0xC0];
            if (!c)
                c = ' ';
        } else if (cp >= 0x100 && cp <= 0x17F) {
            c = latin_a_fold[cp - 0x100];
        } else if (is_cjk((unsigned long)cp)) {
            long sc = n == 3 ? text_zh_traditional(cp) : cp;
            if (o + n < out_size) {
                if (sc != cp)
                    utf8_encode((unsigned long)sc, out + o);
                else
                    memcpy(out + o, in, n);
                o += n;
            }
            prev = 'x';
            in += n;
            continue;
        } else {
            c = ' ';
        }
        /* Collapse runs of spaces. */
        if (c == ' ' && (o == 0 || out[o - 1] == ' ')) {
            prev = c;
            in += n;
            continue;
        }
        PUT(c);
        prev = c;
        in += n;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
#undef PUT
    return o;
}

/* ---- Word keys ---------------------------------------------------------- */

static int has_digit(const char *w)
{
    for (; *w; w++)
        if (isdigit((unsigned char)*w))
            return 1;
    return 0;
}

static int ends_with(const char *w, size_t len, const char *suffix)
{
    size_t s = strlen(suffix);
    return len >= s && memcmp(w + len - s, suffix, s) == 0;
}

void text_word_key(char *w)
{
    size_t len = strlen(w);
    if (len <= 3 || has_digit(w) || (unsigned char)w[0] >= 0x80)
        return;
    /* Both singular and plural must reach the same key; the key need not be
     * an English word ("cookies" and "cookie" both become "cooky"). */
    if (w[len - 1] == 's' && !ends_with(w, len, "ss") && !ends_with(w, len, "us") &&
        !ends_with(w, len, "is"))
        w[--len] = '\0';
    /* (not "pie", a key of three letters itself: "pies" is "pie") */
    if (ends_with(w, len, "ie") && len > 3) {
        w[len - 2] = 'y';
        w[--len] = '\0';
    } else if (ends_with(w, len, "oe") || ends_with(w, len, "che") ||
               ends_with(w, len, "she") || ends_with(w, len, "xe") ||
               ends_with(w, len, "sse")) {
        w[--len] = '\0';
    }
    if (len < 5 || w[len - 2] != 'v' || w[len - 1] != 'e')
        return;    /* the irregular plurals below all end in "ve" */
    static const char *const irregular[][2] = {
        {"leave", "leaf"}, {"halve", "half"}, {"loave", "loaf"}, {"knive", "knife"},
    };
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strcmp(w, irregular[i][0]) == 0)
            strcpy(w, irregular[i][1]);
}

/* Words that carry no meaning for matching. */
static const char *const stop_words[] = {
    "a",  "about", "an",  "and", "as",    "at",  "by",    "e",    "for",   "from", "her",
    "his", "i",    "in",  "it",  "made", "my",  "nfs", "ns",    "of",   "on",    "or",   "our",
    "style", "the", "their", "to", "type", "with",
};

static int cmp_key(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

/* The lists below are sorted (tests/unit/test_text.c checks): looked up by
 * binary search, as every word of every food passes through here. */
static int is_stop(const char *w)
{
    if (w[0] && w[1] && w[2] && w[3] && w[4] && w[5])
        return 0;  /* no stop word is longer than five letters */
    return bsearch(w, stop_words, sizeof stop_words / sizeof stop_words[0],
                   sizeof stop_words[0], cmp_key) != NULL;
}

/* Spellings people use for the same thing the tables name otherwise. A
 * replacement may be two words. */
static const char *const synonyms[][2] = {
    {"almondmilk", "almond milk"}, {"aubergine", "eggplant"}, {"battered", "coated"}, {"beetroot", "beet"}, {"breaded", "coated"}, {"capsicum", "pepper"},
    {"chilli", "chili"}, {"choi", "choy"}, {"chopped", "chop"}, {"coriander", "cilantro"},
    {"courgette", "zucchini"}, {"crumbed", "coated"}, {"cubed", "cube"}, {"diced", "dice"}, {"fatfree", "nonfat"},
    {"favour", "flavor"}, {"flavour", "flavor"}, {"flavoured", "flavored"},
    {"garbanzo", "chickpea"}, {"grey", "gray"}, {"lowfat", "low fat"},
    {"milkfat", "milk fat"}, {"mince", "ground"}, {"minced", "ground"}, {"oatmeal", "oat"}, {"oatmilk", "oat milk"},
    {"pak", "bok"}, {"porridge", "oat"}, {"prawn", "shrimp"}, {"ribeye", "rib eye"}, {"skim", "nonfat"},
    {"sliced", "slice"}, {"soya", "soy"}, {"soymilk", "soy milk"},
    {"wholemeal", "whole wheat"}, {"wholewheat", "whole wheat"}, {"yoghourt", "yogurt"},
    {"yoghurt", "yogurt"}, {"yogourt", "yogurt"},
};

int text_lists_sorted(void)
{
    for (size_t i = 1; i < sizeof stop_words / sizeof stop_words[0]; i++)
        if (strcmp(stop_words[i - 1], stop_words[i]) >= 0 || strlen(stop_words[i]) > 5)
            return 0;
    for (size_t i = 1; i < sizeof synonyms / sizeof synonyms[0]; i++)
        if (strcmp(synonyms[i - 1][0], synonyms[i][0]) >= 0)
            return 0;
    return 1;
}

/* Appends word w (and its key) unless it is a stop word. */
static size_t push_word(char words[][TEXT_WORD_MAX], unsigned char *in_parens, size_t n,
                        size_t max, const char *w, int parens)
{
    char key[TEXT_WORD_MAX];
    copy_text(key, sizeof key, w);
    /* Synonym keys start with a letter and are at least three long. */
    const char *const *syn = !(key[0] >= 'a' && key[0] <= 'z' && key[1] && key[2]) ? NULL : bsearch(key, synonyms, sizeof synonyms / sizeof synonyms[0],
                                     sizeof synonyms[0], cmp_key);
    if (syn) {
        const char *rep = syn[1];
        const char *space = strchr(rep, ' ');
        if (space) {
            char first[TEXT_WORD_MAX];
            size_t fl = (size_t)(space - rep);
            memcpy(first, rep, fl);
            first[fl] = '\0';
            n = push_word(words, in_parens, n, max, first, parens);
            return push_word(words, in_parens, n, max, space + 1, parens);
        }
        copy_text(key, sizeof key, rep);
    }
    text_word_key(key);
    if (is_stop(key) || n >= max)
        return n;
    for (size_t i = 0; i < n; i++)  /* a word counts once */
        if (strcmp(words[i], key) == 0)
            return n;
    strcpy(words[n], key);
    if (in_parens)
        in_parens[n] = (unsigned char)parens;
    return n + 1;
}

enum { RAW_MAX = 96 };

/* The words of folded text as written, each with whether it stands in
 * brackets or in a comma part that holds a number (TEXT_IN_NUMBERED). */
static size_t raw_words(const char *text, char raw[][TEXT_WORD_MAX], unsigned char *depth)
{
    unsigned segment[RAW_MAX];
    unsigned char segment_digit[RAW_MAX + 1] = {0};
    size_t nraw = 0;
    unsigned seg = 0;
    int d = 0;
    const char *p = text;
    while (*p && nraw < RAW_MAX) {
        if (*p == '(') {
            d++;
            p++;
            continue;
        }
        if (*p == ')') {
            if (d)
                d--;
            p++;
            continue;
        }
        if (*p == ',') {
            if (seg < RAW_MAX)
                seg++;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        const char *start = p;
        while (*p && *p != ' ' && *p != ',' && *p != '(' && *p != ')')
            p++;
        size_t len = (size_t)(p - start);
        if (len >= TEXT_WORD_MAX)
            len = TEXT_WORD_MAX - 1;
        memcpy(raw[nraw], start, len);
        raw[nraw][len] = '\0';
        copy_text(raw[nraw], TEXT_WORD_MAX, raw[nraw]); /* do not end mid-sequence */
        depth[nraw] = (unsigned char)(d > 0);
        segment[nraw] = seg;
        if (has_digit(raw[nraw]))
            segment_digit[seg] = 1;
        nraw++;
    }
    for (size_t i = 0; i < nraw; i++)
        depth[i] |= (unsigned char)(segment_digit[segment[i]] ? TEXT_IN_NUMBERED : 0);
    return nraw;
}

size_t text_words(const char *text, char words[][TEXT_WORD_MAX], unsigned char *in_parens,
                  size_t max)
{
    char raw[RAW_MAX][TEXT_WORD_MAX];
    unsigned char depth[RAW_MAX];
    size_t nraw = raw_words(text, raw, depth);
    /* Then salt phrases, "not packed", then keys. Salt is the usual
     * difference between two otherwise equal foods; "without salt" is the
     * default, so it is dropped, and every way of saying "salted" becomes
     * one word. */
    size_t n = 0;
    for (size_t i = 0; i < nraw; i++) {
        const char *w = raw[i];
        const char *next = i + 1 < nraw ? raw[i + 1] : "";
        const char *next2 = i + 2 < nraw ? raw[i + 2] : "";
        /* Every phrase below starts with one of these letters. */
        if (!strchr("uwnsf", w[0])) {
            n = push_word(words, in_parens, n, max, w, depth[i]);
            continue;
        }
        if (strcmp(w, "unsalted") == 0 || strcmp(w, "saltfree") == 0)
            continue;
        if ((strcmp(w, "without") == 0 || strcmp(w, "no") == 0) &&
            (strcmp(next, "salt") == 0 ||
             (strcmp(next, "added") == 0 && strcmp(next2, "salt") == 0))) {
            i += strcmp(next, "salt") == 0 ? 1 : 2;
            if (i + 1 < nraw && strcmp(raw[i + 1], "added") == 0)
                i++;
            continue;
        }
        if (strcmp(w, "salt") == 0 && strcmp(next, "free") == 0) {
            i++;
            continue;
        }
        if (strcmp(w, "with") == 0 &&
            (strcmp(next, "salt") == 0 ||
             (strcmp(next, "added") == 0 && strcmp(next2, "salt") == 0))) {
            i += strcmp(next, "salt") == 0 ? 1 : 2;
            if (i + 1 < nraw && strcmp(raw[i + 1], "added") == 0)
                i++;
            n = push_word(words, in_parens, n, max, "salted", depth[i]);
            continue;
        }
        if (strcmp(w, "salt") == 0 && strcmp(next, "added") == 0) {
            i++;
            n = push_word(words, in_parens, n, max, "salted", depth[i]);
            continue;
        }
        /* Skin on is one idea, and not the same as skin alone ("Potatoes,
         * baked, skin"): "with skin", "flesh and skin", "skin on". */
        if ((strcmp(w, "with") == 0 && strcmp(next, "skin") == 0) ||
            (strcmp(w, "skin") == 0 && strcmp(next, "on") == 0)) {
            i++;
            n = push_word(words, in_parens, n, max, "withskin", depth[i]);
            continue;
        }
        if (strcmp(w, "flesh") == 0 && strcmp(next, "and") == 0 && strcmp(next2, "skin") == 0) {
            i += 2;
            n = push_word(words, in_parens, n, max, "withskin", depth[i]);
            continue;
        }
        /* FNDDS names how a dish was made: "fat added" is a variant people
         * seldom mean; "fat not added" is the plain food. */
        if (strcmp(w, "fat") == 0 && strcmp(next, "added") == 0) {
            i++;
            n = push_word(words, in_parens, n, max, "fatadded", depth[i]);
            continue;
        }
        if (strcmp(w, "not") == 0 && strcmp(next, "added") == 0) {
            i++;
            continue;
        }
        if (strcmp(w, "no") == 0 && strcmp(next, "added") == 0 && strcmp(next2, "fat") == 0) {
            i += 2;
            continue;
        }
        /* "with added calcium" says what "calcium fortified" says. */
        if (strcmp(w, "with") == 0 && strcmp(next, "added") == 0) {
            i++;
            n = push_word(words, in_parens, n, max, "fortified", depth[i]);
            continue;
        }
        if (strcmp(w, "not") == 0 && strcmp(next, "packed") == 0) {
            i++;
            n = push_word(words, in_parens, n, max, "unpacked", depth[i]);
            continue;
        }
        n = push_word(words, in_parens, n, max, w, depth[i]);
    }
    return n;
}

/* ---- Numbers ------------------------------------------------------------ */

size_t parse_decimal(const char *s, double *out)
{
    /* Hand-written so that the process locale never changes the meaning. */
    const char *p = s;
    double v = 0;
    int digits = 0;
    while (isdigit((unsigned char)*p)) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1])) {
        /* "1,000" (three digits, then no more) reads as a thousands separator;
         * any other comma is a decimal comma. */
        if (*p == ',' && digits && isdigit((unsigned char)p[2]) &&
            isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]) && p[4] != ',' &&
            p[4] != '.') {
            v = v * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            p += 4;
            *out = v;
            return (size_t)(p - s);
        }
        p++;
        /* Whole mantissa, then one division: "28.35" stays 28.35. */
        double frac = 0, scale = 1;
        while (isdigit((unsigned char)*p)) {
            if (scale < 1e15) {
                frac = frac * 10 + (*p - '0');
                scale *= 10;
            }
            p++;
            digits++;
        }
        v = (v * scale + frac) / scale;
    }
    if (!digits)
        return 0;
    *out = v;
    return (size_t)(p - s);
}

/* Edit distance (with adjacent swaps), giving up past `limit`. */
int text_edit_distance(const char *a, const char *b, int limit)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (abs(la - lb) > limit || la > TEXT_WORD_MAX || lb > TEXT_WORD_MAX)
        return limit + 1;
    int d[TEXT_WORD_MAX + 1][TEXT_WORD_MAX + 1];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++) {
        int best = limit + 1;
        for (int j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
    }
    return d[la][lb];
}

char *text_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* Appends formatted text to buf, cut (between characters) to fit. */
void vappendf(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    int w = vsnprintf(buf + len, size - len, fmt, ap);
    if (w >= 0 && (size_t)w >= size - len)
        utf8_trim_end(buf); /* cut short: no half character at the end */
}

void appendf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vappendf(buf, size, fmt, ap);
    va_end(ap);
}

/* ---- A name's words, kept at build time ---------------------------------- */

size_t text_doc_words(const char *name, char words[][TEXT_WORD_MAX], unsigned char *flags)
{
    char folded[1024];
    text_fold(name, folded, sizeof folded);
    return text_words(folded, words, flags, TEXT_DOC_WORDS);
}

size_t text_keys_pack(char words[][TEXT_WORD_MAX], const unsigned char *flags, size_t n,
                      char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        if (o + (i ? 1 : 0) + 1 + len + 1 > size)   /* space, flag, word, NUL */
            return 0;
        if (i)
            out[o++] = ' ';
        out[o++] = (char)('0' + (flags[i] & 7));
        memcpy(out + o, words[i], len);
        o += len;
    }
    if (size)
        out[o] = '\0';
    return o;
}

size_t text_keys_unpack(const char *keys, char words[][TEXT_WORD_MAX], unsigned char *flags,
                        size_t max)
{
    size_t n = 0;
    const char *p = keys;
    while (*p && n < max) {
        flags[n] = (unsigned char)(*p++ - '0');
        size_t len = strcspn(p, " ");
        if (len >= TEXT_WORD_MAX)
            len = TEXT_WORD_MAX - 1;
        memcpy(words[n], p, len);
        words[n++][len] = '\0';
        p += strcspn(p, " ");
        if (*p == ' ')
            p++;
    }
    return n;
}

/* ---- Traditional characters --------------------------------------------------- */

/* The simplified form of the traditional characters a supplement or
 * medicine line uses (鈣 钙, 鎂 镁, 鉀 钾, 緩釋 缓释, 錠 片, 兩 两, 門冬胺酸
 * 门冬氨酸 ...); any other code point unchanged. Sorted by the first. */
long text_zh_simplified(long cp)
{
    static const long map[][2] = {
        {0x500B, 0x4E2A},
        {0x5169, 0x4E24},
        {0x5291, 0x5242},
        {0x5F8C, 0x540E},
        {0x61F8, 0x60AC},
        {0x6642, 0x65F6},
        {0x6AB8, 0x67E0},
        {0x6ADE, 0x6A7C},
        {0x6C2B, 0x6C22},
        {0x6E6F, 0x6C64},
        {0x7009, 0x6CFB},
        {0x723E, 0x5C14},
        {0x7A2E, 0x79CD},
        {0x7DAD, 0x7EF4},
        {0x7DE9, 0x7F13},
        {0x7FA5, 0x7F9F},
        {0x80FA, 0x6C28},
        {0x81A0, 0x80F6},
        {0x85E5, 0x836F},
        {0x8607, 0x82CF},
        {0x860B, 0x82F9},
        {0x88DC, 0x8865},
        {0x8907, 0x590D},
        {0x9031, 0x5468},
        {0x9054, 0x8FBE},
        {0x91CB, 0x91CA},
        {0x9209, 0x94A0},
        {0x9223, 0x9499},
        {0x9240, 0x94BE},
        {0x92C1, 0x94DD},
        {0x92C5, 0x950C},
        {0x9320, 0x7247},
        {0x9333, 0x9530},
        {0x9382, 0x9541},
        {0x9435, 0x94C1},
        {0x9580, 0x95E8},
        {0x9846, 0x9897},
        {0x98EF, 0x996D},
        {0x98F2, 0x996E},
        {0x9E7D, 0x76D0},
    };
    return text_pair_lookup(map, sizeof map / sizeof map[0], cp);
}

const char *text_find_ci(const char *text, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = text; *p; p++)
        if (!strncasecmp(p, needle, n))
            return p;
    return NULL;
}

const char *text_next_latin_word(const char *p, size_t *n)
{
    while (*p && !isalpha((unsigned char)*p))
        p++;
    if (!*p)
        return NULL;
    size_t l = 0;
    while (isalpha((unsigned char)p[l]) || p[l] == '\'')
        l++;
    *n = l;
    return p;
}

int text_holds_ci(const char *text, const char *needle)
{
    return text_find_ci(text, needle) != NULL;
}

long text_pair_lookup(const long pairs[][2], size_t count, long cp)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pairs[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < count && pairs[lo][0] == cp ? pairs[lo][1] : cp;
}

/* The table of Traditional characters embedtables derives from names_zh.csv
 * (build/gen/foodtables.c). Weak: the build tools that fold text link no
 * table, and fold none. */
extern const long kmgca_builtin_zh_trad[][2] __attribute__((weak));
extern const size_t kmgca_builtin_zh_trad_count __attribute__((weak));

long text_zh_traditional(long cp)
{
    if (cp < 0x4E00 || cp > 0x9FFF || !&kmgca_builtin_zh_trad_count || !kmgca_builtin_zh_trad)
        return cp;
    return text_pair_lookup(kmgca_builtin_zh_trad, kmgca_builtin_zh_trad_count, cp);
}

/* ---- Squeezed names ---------------------------------------------------------- */

size_t text_squeeze(const char *in, char *out, size_t size, unsigned short *map)
{
    size_t o = 0;
    if (!size)
        return 0;
    for (const char *p = in; *p;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;   /* full-width ASCII forms */
        char c = 0;
        if (cp >= 'A' && cp <= 'Z')
            c = (char)(cp + 32);
        else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '%')
            c = (char)cp;
        else if (cp >= 0xC0 && cp <= 0xFF)
            c = latin1_fold[cp - 0xC0];
        if (c) {
            if (o + 1 < size) {
                if (map)
                    map[o] = (unsigned short)(p - in);
                out[o++] = c;
            }
        } else if (cp >= 0x100 && !(cp >= 0x2000 && cp <= 0x214F) &&
                   !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFE30 && cp <= 0xFE4F) &&
                   !(cp >= 0xFF00 && cp <= 0xFF65) && o + 4 < size) {
            /* the letters of every other script: CJK (simplified), kana, hangul */
            char enc[4];
            size_t en = utf8_encode((unsigned long)text_zh_simplified(cp), enc);
            for (size_t k = 0; k < en; k++) {
                if (map)
                    map[o] = (unsigned short)(p - in);
                out[o++] = enc[k];
            }
        }
        p += n;
    }
    out[o] = '\0';
    return o;
}

/* A hash of the text as written, up to case, accents, spacing and
 * punctuation: "Fish, tuna, light, canned in water, without salt" keeps
 * every word, where the word keys (text.c) drop and merge some. */
uint64_t text_literal_hash(const char *text)
{
    char folded[1024];
    text_fold(text, folded, sizeof folded);
    return text_literal_hash_folded(folded);
}

uint64_t text_literal_hash_folded(const char *folded)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    int gap = 0, any = 0;
    for (size_t i = 0; folded[i]; i++) {
        unsigned char c = (unsigned char)folded[i];
        if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '.' || c == '-') {
            gap = any;
            continue;
        }
        if (gap)
            h = (h ^ ' ') * 0x100000001b3ULL;
        h = (h ^ c) * 0x100000001b3ULL;
        gap = 0;
        any = 1;
    }
    return any ? h | 1 : 0;
}

size_t text_phrase_key(const char *text, char *out, size_t size)
{
    char folded[512];
    text_fold(text, folded, sizeof folded);
    size_t o = 0;
    if (!size)
        return 0;
    out[0] = '\0';
    for (char *p = folded; *p;) {
        size_t len = strcspn(p, " ,()");
        if (len) {
            char w[TEXT_WORD_MAX];
            if (len >= sizeof w || o + len + 2 >= size) {
                out[0] = '\0';
                return 0;
            }
            memcpy(w, p, len);
            w[len] = '\0';
            text_word_key(w);
            o += (size_t)snprintf(out + o, size - o, "%s%s", o ? " " : "", w);
        }
        p += len + (p[len] ? 1 : 0);
    }
    return o;
}

uint64_t text_hash_more(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

uint64_t text_hash_quick(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, sizeof w);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}
