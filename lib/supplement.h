/* supplement.h — what the supplement reader's files share (supplement.c,
 * supplement_text.c, supplement_dose.c, supplement_mg.c), and no one else:
 * the tokens of a line, what was read of it, and the steps between. The
 * tables themselves (struct kmgca_salt, struct kmgca_supp_product) are in
 * internal.h, since tools/embedtables writes them. */
#ifndef KMGCA_SUPPLEMENT_H
#define KMGCA_SUPPLEMENT_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TEXT_LIMIT 700      /* bytes of text and dose read */
#define TOKEN_LIMIT 160

/* ---- The line, normalised and cut into tokens (supplement_text.c) ------ */

enum { T_NUM, T_WORD, T_CJK, T_PUNCT };

typedef struct {
    int type;
    double value;            /* T_NUM */
    long cp;                 /* T_CJK, T_PUNCT */
    char word[24];           /* T_WORD */
    size_t start, end;       /* bytes of the normalised text */
    int space;               /* a space before it */
    int skip;                /* inside the product's or salt's name */
} token;

typedef struct {
    char s[TEXT_LIMIT * 2];
    size_t len;
    token t[TOKEN_LIMIT];
    int n;
} line_text;

void supp_normalise(const char *in, line_text *l);
void supp_tokenise(line_text *l);

/* Is token i this word, this CJK character, this mark? (Out of range: no.) */
static inline int is_word(const line_text *l, int i, const char *w)
{
    return i >= 0 && i < l->n && l->t[i].type == T_WORD && strcmp(l->t[i].word, w) == 0;
}
static inline int is_cjk_char(const line_text *l, int i, long cp)
{
    return i >= 0 && i < l->n && l->t[i].type == T_CJK && l->t[i].cp == cp;
}
static inline int is_punct(const line_text *l, int i, char c)
{
    return i >= 0 && i < l->n && l->t[i].type == T_PUNCT && l->t[i].cp == c;
}
static inline int word_in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

double supp_zh_number(const line_text *l, int i);
double supp_number_at(const line_text *l, int i, int *next);
int supp_element_word(const line_text *l, int i);

/* A kind of dose unit: pieces (tablets, capsules), sachets, millilitres,
 * ampoules (支, 10 ml), scoops; 0 when the word is none. */
enum { U_NONE, U_PIECE, U_SACHET, U_ML, U_AMPOULE, U_SCOOP };

int supp_unit_word(const char *w, double *ml);
int supp_dose_unit_at(const line_text *l, int i, double *ml, int *next);
int supp_per_unit_kind(const char *per_unit, double *ml);

/* A strength unit: mg (with a factor to mg), mEq or mmol. */
enum { S_NONE, S_MG, S_MEQ, S_MMOL };

int supp_strength_unit(const line_text *l, int i, double *to_mg, int *next);

/* ---- Names of products and salts on token edges (supplement_text.c) ---- */

/* Where tokens start and end in the normalised text: a name must begin at
 * a token's start and end at a token's end ("Slow-Mag" is not in
 * "slow magnesium", "M20" not in "M200"). */
typedef struct {
    const unsigned short *map;   /* squeezed byte -> normalised byte */
    unsigned char edge[TEXT_LIMIT * 2 + 1]; /* 1 start, 2 end */
    const char *norm;
    uint64_t seen[16];           /* the line's 3-byte sequences, hashed to 1,024 bits */
} edges;

unsigned supp_tri_hash(const char *p);
void supp_find_edges(const line_text *l, edges *ed);
size_t supp_find_name(const char *q, size_t qlen, const char *names, const edges *ed,
                      size_t offset, size_t *at);
void supp_mark_name(line_text *l, const unsigned short *map, size_t s, size_t e);

/* ---- Strengths, a count, how often (supplement_dose.c) ----------------- */

typedef struct {
    double value_mg;         /* converted to mg (mEq and mmol: the count of them) */
    int unit;                /* S_MG, S_MEQ, S_MMOL */
    int element;             /* the element it is of, -1 when not told */
    int basis;               /* 0 unknown, SUPP_ELEMENTAL + 1, SUPP_SALT + 1 */
    int ambiguous;           /* a Chinese generic ("钙片 600mg") */
    int after_count;         /* in brackets right after a count: the count's total */
    int salt;                /* the salt named before it, -1 */
    double per_ml;           /* "400 mg/5 ml": the figure is for this many ml; 0 */
} strength;

typedef struct {
    strength s[12];
    int ns;
    double count;            /* NAN when not written */
    int count_unit;
    double count_ml;         /* ml per unit of count_unit when U_ML */
    int counts;              /* how many counts were written */
    double freq;             /* NAN when not written */
    int daily_word;          /* "daily", "每日" ... */
    const char *not_daily;   /* "as needed", ... */
    const char *range;       /* the text of a range or a vague amount */
} reading;

void supp_read_amounts(const line_text *l, reading *r, const int *salt_at);
void supp_read_frequency(const line_text *l, reading *r);

/* ---- To elemental mg (supplement_mg.c) --------------------------------- */

void supp_fmt_mg(char *buf, size_t size, double v);
void supp_fail(kmgca_supplement *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void supp_from_product(size_t first, size_t last, const reading *r, kmgca_supplement *out);
void supp_from_strengths(const reading *r, int salt, int element_named, kmgca_supplement *out);

#endif
