/* serving.h — what the files of the serving reader share, and nothing else
 * includes: the normalised text and its tokens (tokens.c), amounts
 * (amount.c), a serving read at a token and the fillers around it
 * (serving.c); split.c uses them all to find the serving in food text.
 * What the rest of the library shares is lib/internal.h.
 *
 * The small token tests are inline here because they run at every token of
 * every line (the reader was one file, and they were static in it).
 */
#ifndef KMGCA_SERVING_H
#define KMGCA_SERVING_H

#include "internal.h"

#include <string.h>

#define TEXT_MAX 1024      /* longer food text is not searched for a serving */
#define TOKENS_MAX 160

/* ---- Normalised text and tokens (tokens.c) ------------------------------- */

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

/* Normalises text (at most TEXT_MAX bytes of it) and cuts it into tokens;
 * tk->truncated when some was left over. */
void serving_tokenise(const char *text, tokens *tk);
/* Guards the tokens of names that hold numbers ("7 up", "千张"): they start
 * no amount. */
void guard_names(tokens *tk);

static inline int word_is(const tokens *tk, int i, const char *w)
{
    if (i < 0 || i >= tk->count || tk->t[i].type != TK_WORD)
        return 0;
    const char *p = tk->n.s + tk->t[i].start, *end = tk->n.s + tk->t[i].end;
    while (p < end && *w && *p == *w)
        p++, w++;
    return p == end && !*w;
}

static inline int punct_is(const tokens *tk, int i, char c)
{
    return i >= 0 && i < tk->count && tk->t[i].type == TK_PUNCT && tk->t[i].cp == c;
}

static inline int cjk_is(const tokens *tk, int i, const char *ch)
{
    if (i < 0 || i >= tk->count || tk->t[i].type != TK_CJK)
        return 0;
    size_t len = (size_t)(tk->t[i].end - tk->t[i].start);
    return strlen(ch) == len && memcmp(tk->n.s + tk->t[i].start, ch, len) == 0;
}

/* The token that starts at byte offset `at`, or count when none does. */
static inline int token_from(const tokens *tk, int from, size_t at)
{
    int i = from;
    while (i < tk->count && tk->t[i].start < at)
        i++;
    return i;
}

/* ---- Amounts (amount.c) -------------------------------------------------- */

enum {
    AF_VAGUE = 1,      /* "a few", "几": not an amount */
    AF_RANGE = 2,      /* "2-3", "一两个" */
    AF_SOME = 4,       /* "some", "一些": one typical serving */
    AF_WORDS = 8,      /* written in words ("a", "half", "两") */
    AF_XCOUNT = 16,    /* "x2", "3x" */
    AF_CJK = 32,       /* Chinese numerals or digits before a measure word */
    AF_MIDDLE = 64,    /* "2-3", "两三个", "十几个": a narrow range, its middle taken */
    AF_LITTLE = 128,   /* "a little", "少许": a small share of a typical serving */
};

/* "a little", "少许", "一点": this share of a typical serving (kmgca's
 * judgement: a little is a third to a half of one) */
#define A_LITTLE 0.4

typedef struct {
    double value;
    int next;              /* first token after the amount */
    int flags;
    const char *why;       /* the reason for a vague amount or range */
    const char *note;      /* how a word was read ("大半 read as 3/4") */
} amount;

/* The amount that starts at token i: 1 with it in *a (a vague amount or a
 * range too, with its reason in a->why), 0 when none does. */
int amount_at(const tokens *tk, int i, amount *a);
/* 1 when a Chinese measure word or unit starts at token i, after an
 * optional size character (小 大 中); *end gets the token after it. */
int zh_measure_at(const tokens *tk, int i, int *end);
/* 1 when the token is a Chinese numeral (一 ... 九, 两, 十 百 千, 半, 几). */
int is_zh_numeral(const token *t);

/* ---- A serving read at a token (serving.c) ------------------------------- */

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
    int little;                /* "a little", "少许": A_LITTLE of a typical serving */
    int xcount;                /* "x2": a count written after the food */
    double spoon;              /* a heaped or scant spoon: level spoons in one, 0 when unsaid */
    int length;                /* a length or width said ("6 inch", "8\"", "footlong"): the
                                  unit starts with it as LENGTH_UNIT writes it, 6" */
} reading;

/* Reads a serving starting at token i. whole: the text is only a serving
 * (an amount field), so unknown words after the amount are household
 * words and "- ..." qualifiers run to the end. 1 with it in *r. */
int read_at(const tokens *tk, int i, int whole, reading *r);
/* Appends the words of tokens [from, to) to buf, one space between them,
 * punctuation left out. */
void append_words(char *buf, size_t size, const tokens *tk, int from, int to);
/* 1 when token i is a word said around a serving, not the food ("about",
 * "吃了", "左右", punctuation); *end gets the token after it. */
/* A clock time at token i, 6点, 6点半, 7点30分 ("6点半 燕麦粥一碗": 6 is no
 * amount of 点, "a bit"): 1, with *end the token after it. */
int clock_time_at(const tokens *tk, int i, int *end);
int is_filler(const tokens *tk, int i, int *end);
/* The same after a serving: no narrative ("1 cup tea was lovely"). */
int is_filler_after(const tokens *tk, int i, int *end);
/* 1 when a Chinese filler starts at token i; *end gets the token after it. */
int zh_filler_at(const tokens *tk, int i, int *end);

#endif
