/* match.h — what the matcher's files share, and no other part of the
 * library needs: the index's layout and the functions one file of the
 * matcher calls in another. internal.h holds what the rest of the library
 * sees of matching (kmgca_foods' index and memo and their derived_free, the
 * build-time index).
 *
 *   match.c        the public entry points, the English ranking, the memo
 *   query.c        an English query's words: rewrites, words of context
 *   index.c        the English word index; a table name's head words
 *   match_zh.c     the Chinese keys and the Chinese ranking
 *   eaten.c        the food as eaten (as_eaten.csv)
 *   index_write.c  the build-time index written as C, and checked
 *
 * The calls go one way: match.c uses all of them; index_write.c the index
 * and the Chinese keys; query.c eaten.c; index.c, match_zh.c and eaten.c
 * none of the others (match_zh.c reads the index's arrays, and calls
 * household.c's measure_word_at).
 */
#ifndef KMGCA_MATCH_H
#define KMGCA_MATCH_H

#include "internal.h"

#include <stdint.h>
#include <string.h>

#define QUERY_WORDS 24   /* the words of a query that count */

typedef struct match_posting posting;

struct match_index {
    size_t food_count, doc_count;
    /* Vocabulary: open-addressed hash of word -> id. */
    char (*words)[TEXT_WORD_MAX];
    uint32_t *word_df;
    unsigned char *word_kind;  /* WORD_FILLER | WORD_CATEGORY | WORD_FORM */
    float *word_demote;        /* demotion factor of a food holding the word */
    size_t word_count, word_cap;
    uint32_t *slots;          /* word id + 1, 0 = empty */
    size_t slot_mask;
    float *idf;
    /* Postings by word (CSR). */
    uint32_t *post_start;
    posting *posts;
    /* Per document. */
    uint32_t *doc_food;
    float *doc_total;         /* sum of word weights */
    float *doc_pref;          /* preference multiplier */
    uint32_t *doc_head;       /* an English alias's head word id + 1 ("red
                               * onion": onion); 0 for descriptions (see
                               * index_food_heads) and names without one */
    uint64_t *doc_signature;  /* hash of its sorted word ids (exact hits) */
    uint32_t *sig_slots;      /* doc + 1 by signature */
    size_t sig_mask;
    uint32_t *lit_slots;      /* food + 1 by text_literal_hash of its description */
    uint64_t *lit_hash;       /* per food: that hash (built-in: from the tables) */
    unsigned char *eaten;     /* per food, EATEN_* bits; 0 until first asked */
    uint32_t (*heads)[6];     /* per food: [0] 1 + how many head word ids follow,
                                 0 until first asked (see index_food_heads) */
    size_t lit_mask;
    /* Chinese names: CJK-only keys and their food. */
    char **zh_keys;
    uint32_t *zh_food;
    float *zh_score;          /* what an exact hit on this key scores */
    uint32_t *zh_sorted;      /* key indexes in key order, for lookups */
    unsigned char *zh_cooked; /* per key: 0 not yet asked, 1 no, 2 it holds a
                               * cooking word (粥, 炒 …); see zh_key_cooked */
    size_t zh_count;
    struct zh_sounds *zh_sounds;  /* the keys by the sound of their first
                                   * character: filled at the first name
                                   * looked for by sound (zh_sounds_ready) */
    /* Scratch for one query (under the lock). */
    float *acc_q, *acc_d, *acc_pref, *acc_cooked, *acc_raw;
    uint32_t *stamp, *touched, generation;
    uint32_t *food_mask, *food_stamp;  /* per food: the query words any of its
                                        * names holds (bit i: word i) */
    int en_built, zh_built;            /* which parts are ready (index_need) */
    int use_prebuilt;                  /* the food set is the built-in tables */
    int en_borrowed, zh_borrowed;      /* arrays borrowed from kmgca_builtin_index */
};

/* What the word lists (index.c) say of a word: word_kind bits. */
enum { WORD_FILLER = 1, WORD_CATEGORY = 2, WORD_FORM = 4 };

/* What is known of how a food is eaten: the index's eaten bits. */
enum { EATEN_KNOWN = 1, EATEN_COOKED_FOOD = 2, EATEN_RAW = 4, EATEN_COOKED = 8,
       EATEN_JUST_COOKED = 16, /* the name says "cooked" */
       EATEN_METHOD = 32, /* the name says how: boiled, roasted, ... */
       EATEN_PROCESSED = 64, /* canned, smoked, dried, pickled, ...: not the raw food */
       EATEN_RAW_GROUP = 128 /* of a group eaten raw (fruit, nuts, vegetables ...) */ };

/* What a query word says of how the food was made (eaten_state). */
enum { STATE_RAW = 1, STATE_COOKED = 2, STATE_SAID = 4 };

/* A food and its score, as the rankers keep them. */
typedef struct {
    uint32_t food;
    double score;
} ranked;

/* ---- Foods that score alike -------------------------------------------- */

/* Both rankers call these for every document a query touches: here, inline,
 * rather than in one file, where a call from another would not be inlined
 * (out of line, bench_match's new matches took about a tenth longer). */

/* Custom 0, SR28 1, others 2: the earlier wins a tie. */
static inline int food_source_rank(const struct kmgca_food *f)
{
    return strcmp(f->source, "custom") == 0 ? 0 : strcmp(f->source, "SR28") == 0 ? 1 : 2;
}

/* 1 when a should rank before b. */
static inline int ranked_better(const kmgca_foods *foods, const ranked *a, const ranked *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    const struct kmgca_food *fa = foods_food(foods, a->food), *fb = foods_food(foods, b->food);
    int ra = food_source_rank(fa), rb = food_source_rank(fb);
    if (ra != rb)
        return ra < rb;
    size_t la = strlen(fa->description), lb = strlen(fb->description);
    if (la != lb)
        return la < lb;
    return a->food < b->food;
}

/* Keeps the best `max` distinct foods in `top` (*n of them), sorted. */
static inline void ranked_offer(const kmgca_foods *foods, ranked *top, size_t *n, size_t max,
                                ranked r)
{
    for (size_t i = 0; i < *n; i++) {
        if (top[i].food == r.food) {
            if (!ranked_better(foods, &r, &top[i]))
                return;
            memmove(top + i, top + i + 1, (*n - i - 1) * sizeof *top);
            (*n)--;
            break;
        }
    }
    size_t pos = *n;
    while (pos > 0 && ranked_better(foods, &r, &top[pos - 1]))
        pos--;
    if (pos >= max)
        return;
    if (*n == max)
        (*n)--;
    memmove(top + pos + 1, top + pos, (*n - pos) * sizeof *top);
    top[pos] = r;
    (*n)++;
}

/* ---- index.c ------------------------------------------------------------- */

/* FNV-1a of a string (the vocabulary's hash; the memo's). */
uint64_t index_hash_str(const char *s);
/* The id of a word of the vocabulary, or -1. */
long index_word_id(const struct match_index *ix, const char *w);
/* Signature of a set of word ids, sorting them in place: order does not
 * matter. */
uint64_t index_signature(uint32_t *ids, size_t n);
/* 1 when w is a word of form_words ("chopped", "slice", "carton"). */
int index_form_word(const char *w);
/* An empty index; its parts are built when first needed (match.c's
 * index_need). */
struct match_index *index_build(const kmgca_foods *foods);
/* The English part, built from the food set or borrowed from
 * kmgca_builtin_index. 0 when ready; -1 out of memory. */
int index_build_en(struct match_index *ix, const kmgca_foods *foods);
int index_borrow_en(struct match_index *ix);
/* The scratch of one query and the lazily known food bits. 0 or -1. */
int index_alloc_scratch(struct match_index *ix, size_t foods);
void match_index_free(struct match_index *ix);
/* The word ids naming what kind of food food i is: [0] is 1 + their count. */
const uint32_t *index_food_heads(struct match_index *ix, const struct kmgca_food *f, uint32_t i);

/* ---- match_zh.c ---------------------------------------------------------- */

/* The Chinese keys, built or borrowed. 0 when ready; -1 out of memory. */
int index_build_zh(struct match_index *ix, const kmgca_foods *foods);
int index_borrow_zh(struct match_index *ix);
/* Frees the keys by sound (NULL is fine). */
void zh_sounds_free(struct zh_sounds *z);
/* Ranks foods for Chinese text into top; how many. *by_sound is 1 when the
 * first is a name written with other characters of its sound (虾交: 虾饺). */
size_t rank_chinese(const kmgca_foods *foods, const struct match_index *ix, const char *text,
                    ranked *top, size_t max, int *by_sound);

/* ---- eaten.c ------------------------------------------------------------- */

/* The STATE_* bits of a query word. */
unsigned eaten_state(const char *key);
/* The EATEN_* bits of food i, worked out the first time they are asked. */
unsigned char eaten_of(struct match_index *ix, const struct kmgca_food *f, uint32_t i);
/* 1 when a food's description says it is cooked, by a whole word (not
 * uncooked, dried or dry-roasted). */
int eaten_cooked_food(const struct kmgca_food *f);

/* ---- query.c ------------------------------------------------------------- */

/* Puts words of context ("around 3pm") in brackets, in place. */
void query_bracket_context(char *text, size_t size);
/* "Ham on rye" to "ham sandwich", in place. */
void query_on_bread(char *text, size_t size);
/* The index + 1 of the query's head word in words, 0 when none. */
size_t query_head(const char *folded, char words[][TEXT_WORD_MAX], size_t nw);

#endif
