/* match.c — free text to food.
 *
 * Every food description and alias is a document of word keys (text.c).
 * A query is scored against the documents that share a word with it, from
 * an inverted index:
 *
 *   recall    = idf of the query's words found in the document / idf of all query words
 *   precision = weight of the document's words the query named / weight of all its words
 *   score     = recall^2 * (0.55 + 0.45 * precision) * preference
 *
 * Words inside parentheses weigh a quarter (they qualify, they do not name).
 * `preference` gently demotes what people rarely mean unless they say so:
 * baby foods, restaurant and fast foods, salted versions, brand products,
 * and FNDDS mixed-dish entries when an SR28 food is as good. An exact hit on
 * a description or alias (same words in any order) scores 1.
 * Ties go to the custom food, then SR28, then the shorter description, then
 * the lower table position, so results are deterministic.
 *
 * The index of the built-in tables is worked out at build time
 * (tools/indexgen writes build/gen/foodindex.c through match_index_write_c)
 * and borrowed by every food set that holds only those tables; a set with
 * custom foods or recipes builds its own, each part at its first use.
 */
#include "internal.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_WORDS 24
#define MIN_SCORE 0.2
#define MEMO_MAX 65536

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
                               * food_heads) and names without one */
    uint64_t *doc_signature;  /* hash of its sorted word ids (exact hits) */
    uint32_t *sig_slots;      /* doc + 1 by signature */
    size_t sig_mask;
    uint32_t *lit_slots;      /* food + 1 by text_literal_hash of its description */
    uint64_t *lit_hash;       /* per food: that hash (built-in: from the tables) */
    unsigned char *eaten;     /* per food, EATEN_* bits; 0 until first asked */
    uint32_t (*heads)[6];     /* per food: [0] 1 + how many head word ids follow,
                                 0 until first asked (see food_heads) */
    size_t lit_mask;
    /* Chinese names: CJK-only keys and their food. */
    char **zh_keys;
    uint32_t *zh_food;
    float *zh_score;          /* what an exact hit on this key scores */
    uint32_t *zh_sorted;      /* key indexes in key order, for lookups */
    unsigned char *zh_cooked; /* per key: 0 not yet asked, 1 no, 2 it holds a
                               * cooking word (粥, 炒 …); see zh_key_cooked */
    size_t zh_count;
    /* Scratch for one query (under the lock). */
    float *acc_q, *acc_d, *acc_pref, *acc_cooked, *acc_raw;
    uint32_t *stamp, *touched, generation;
    uint32_t *food_mask, *food_stamp;  /* per food: the query words any of its
                                        * names holds (bit i: word i) */
    int en_built, zh_built;            /* which parts are ready (index_need) */
    int use_prebuilt;                  /* the food set is the built-in tables */
    int en_borrowed, zh_borrowed;      /* arrays borrowed from kmgca_builtin_index */
};

/* ---- Hashing ------------------------------------------------------------ */

static uint64_t hash_bytes(const void *data, size_t len, uint64_t h)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t hash_str(const char *s) { return hash_bytes(s, strlen(s), 0xcbf29ce484222325ULL); }

static long word_lookup(const struct match_index *ix, const char *w)
{
    for (size_t i = hash_str(w) & ix->slot_mask;; i = (i + 1) & ix->slot_mask) {
        uint32_t s = ix->slots[i];
        if (!s)
            return -1;
        if (strcmp(ix->words[s - 1], w) == 0)
            return (long)(s - 1);
    }
}

/* ---- Building ----------------------------------------------------------- */

typedef struct {
    uint32_t word;
    unsigned char parens;
} doc_word;

typedef struct {
    doc_word *items;
    size_t count, cap;
    size_t *start;            /* per document into items, doc_count + 1 */
} doc_words;

static unsigned char word_kind_of(const char *w);
static float demote_of(const char *w);

static int add_word(struct match_index *ix, const char *w, uint32_t *id)
{
    long found = word_lookup(ix, w);
    if (found >= 0) {
        *id = (uint32_t)found;
        return 1;
    }
    if (ix->word_count * 2 >= ix->slot_mask) {
        /* Grow the table: rehash every word. */
        size_t mask = ix->slot_mask * 2 + 1;
        uint32_t *slots = calloc(mask + 1, sizeof *slots);
        if (!slots)
            return 0;
        for (size_t k = 0; k < ix->word_count; k++) {
            size_t i = hash_str(ix->words[k]) & mask;
            while (slots[i])
                i = (i + 1) & mask;
            slots[i] = (uint32_t)k + 1;
        }
        free(ix->slots);
        ix->slots = slots;
        ix->slot_mask = mask;
    }
    if (ix->word_count == ix->word_cap) {
        size_t cap = ix->word_cap ? ix->word_cap * 2 : 4096;
        void *w2 = realloc(ix->words, cap * sizeof *ix->words);
        if (!w2)
            return 0;
        ix->words = w2;
        void *d2 = realloc(ix->word_df, cap * sizeof *ix->word_df);
        if (!d2)
            return 0;
        ix->word_df = d2;
        void *k2 = realloc(ix->word_kind, cap * sizeof *ix->word_kind);
        if (!k2)
            return 0;
        ix->word_kind = k2;
        void *p2 = realloc(ix->word_demote, cap * sizeof *ix->word_demote);
        if (!p2)
            return 0;
        ix->word_demote = p2;
        ix->word_cap = cap;
    }
    strcpy(ix->words[ix->word_count], w);
    ix->word_df[ix->word_count] = 0;
    /* What the word lists say of it, once per word rather than per use. */
    ix->word_kind[ix->word_count] = word_kind_of(w);
    ix->word_demote[ix->word_count] = demote_of(w);
    size_t i = hash_str(w) & ix->slot_mask;
    while (ix->slots[i])
        i = (i + 1) & ix->slot_mask;
    ix->slots[i] = (uint32_t)ix->word_count + 1;
    *id = (uint32_t)ix->word_count++;
    return 1;
}

/* Signature of a set of word ids: order does not matter. The ids are
 * sorted in place (a name has a few words: insertion sort, no qsort). */
static uint64_t signature(uint32_t *ids, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t v = ids[i];
        size_t k = i;
        for (; k > 0 && ids[k - 1] > v; k--)
            ids[k] = ids[k - 1];
        ids[k] = v;
    }
    return hash_bytes(ids, n * sizeof *ids, 0x84222325cbf29ce4ULL) | 1;
}

/* Folds a CJK name to its ideographs and ASCII letters and digits only. */
static void zh_key(const char *text, char *out, size_t size)
{
    char folded[1024];
    text_fold(text, folded, sizeof folded);
    size_t o = 0;
    for (const char *p = folded; *p;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        if ((cp > 0 && is_cjk((unsigned long)cp)) || (cp > 0 && cp < 0x80 && isalnum((int)cp))) {
            if (o + n < size) {
                memcpy(out + o, p, n);
                o += n;
            }
        }
        p += n;
    }
    out[o] = '\0';
}

/* A word the user must say for a food holding it not to be demoted. */
static const struct {
    const char *word;
    float factor;
} demote_words[] = {
    {"babyfood", 0.6f}, {"baby", 0.6f}, {"infant", 0.6f}, {"toddler", 0.7f},
    {"restaurant", 0.8f}, {"fast", 0.85f}, {"salted", 0.9f}, {"formula", 0.8f},
    {"imitation", 0.85f}, {"substitute", 0.85f}, {"navajo", 0.8f}, {"hopi", 0.8f},
    {"apache", 0.8f}, {"alaska", 0.8f}, {"shoshone", 0.8f}, {"mixture", 0.9f},
    {"frozen", 0.8f}, {"fatadded", 0.85f}, {"canned", 0.95f}, {"dehydrated", 0.9f},
    {"skin", 0.85f},  /* the skin alone ("with skin" is another word, text.c) */
};

/* Words the USDA tables use to be exact that people leave out: a food that
 * holds them is not much less like what was asked for. */
static const char *const filler_words[] = {
    "broiler", "fryer", "meat", "only", "mature", "all", "type", "variety", "year",
    "round", "average", "fluid", "commercial", "commercially", "prepared", "regular",
    "drained", "solid", "liquid", "raw", "enriched", "unenriched", "ready", "eat",
    "cooked", "includes", "usda", "distribution", "program", "fresh", "ns", "whole",
    "boneless", "skinless", "uncooked", "sulfured",
};

/* SR28 names start with the food ("Bread, raisin"): a query that leaves the
 * head word out means something else, unless the head is only a category
 * ("Nuts, almonds", "Beverages, coffee"). */
static const char *const category_heads[] = {
    "nut", "seed", "beverage", "fish", "cereal", "bean", "spice", "candy", "snack",
    "soup", "sauce", "babyfood", "fast", "restaurant", "game", "mollusk", "crustacean",
    "vegetable", "fruit", "infant", "alcoholic", "leavening", "dessert", "oil", "salad",
    "frozen", "cheese", "spread", "topping", "sweetener", "formula", "meal", "melon",
};
#define HEAD_WEIGHT 1.5f

/* Names the tables put first for a family whose members people name alone
 * ("Squash, summer, zucchini", "Lettuce, cos or romaine"): the head is in
 * the next parts. */
static const char *const class_heads[] = {
    "squash", "pepper", "lettuce", "onion", "cabbage", "mushroom", "pea", "melon",
    "bean", "cheese", "chicken", "beef", "pork", "lamb", "turkey", "egg", "milk",
    "coffee", "tea",
};

/* A food whose own head word the text leaves out is another kind of food
 * ("Vinegar, red wine" for "red wine", "Bread, zucchini" for "zucchini"). */
#define HEAD_MISSING 0.7

/* Words that say how a food was cut or measured ("broccoli, chopped"):
 * they weigh little when the table's name leaves them out. */
static const char *const form_words[] = {
    "chop", "slice", "dice", "cube", "shredded", "mashed", "grated",
    "piece", "half", "crushed", "packed", "unpacked", "cut", "ball", "strip", "fresh",
    "fillet",
    /* and the containers and sizes of a serving left beside the food when
     * the amount stands elsewhere ("apple juice, small carton 200ml") */
    "small", "large", "big", "medium", "carton", "tub", "tin", "bottle", "glass", "mug",
    "bowl", "punnet", "packet", "pkt", "bag", "box", "serving", "portion", "scoop",
};

/* Asked once for each of the ~20,000 words of the tables when the index is
 * built: the first letter is compared before the word. */
static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
            return 1;
    return 0;
}

#define IN_LIST(w, list) in_list((w), (list), sizeof(list) / sizeof((list)[0]))

enum { WORD_FILLER = 1, WORD_CATEGORY = 2, WORD_FORM = 4 };

static unsigned char word_kind_of(const char *w)
{
    return (unsigned char)((IN_LIST(w, filler_words) ? WORD_FILLER : 0) |
                           (IN_LIST(w, category_heads) ? WORD_CATEGORY : 0) |
                           (IN_LIST(w, form_words) ? WORD_FORM : 0));
}

static float demote_of(const char *w)
{
    for (size_t k = 0; k < sizeof demote_words / sizeof demote_words[0]; k++)
        if (w[0] == demote_words[k].word[0] && strcmp(w, demote_words[k].word) == 0)
            return demote_words[k].factor;
    return 1.0f;
}

/* 1 when the original text holds an upper-case brand name ("KELLOGG'S"). */
static int has_brand(const char *text)
{
    int run = 0;
    for (const char *p = text;; p++) {
        if (isupper((unsigned char)*p)) {
            if (++run >= 3)
                return 1;
        } else if (*p != '\'' && *p != '&') {
            run = 0;
        }
        if (!*p)
            return 0;
    }
}

static float doc_preference(const struct match_index *ix, const struct kmgca_food *food,
                            const char *text, const doc_word *w, size_t n)
{
    float pref = 1.0f;
    for (size_t i = 0; i < n; i++)
        pref *= ix->word_demote[w[i].word];
    if (has_brand(text))
        pref *= 0.9f;
    /* SR28 is the reference (analysed foods); FNDDS adds foods as eaten and
     * mixed dishes, and wins only when clearly closer. */
    if (strcmp(food->source, "FNDDS") == 0)
        pref *= 0.75f;
    /* A plate of several foods (recipes_en.csv) only when the text names it:
     * "sardines in tomato sauce" is the tin, not sardines on toast. */
    else if (strcmp(food->source, "recipe") == 0)
        pref *= 0.7f;
    else if (strcmp(food->source, "custom") == 0)
        pref *= 1.02f;
    return pref;
}

static int source_rank(const struct kmgca_food *f);
static void eaten_words(struct match_index *ix);

/* A Chinese key and its index, sorted by key then index: qsort needs no
 * context (several food sets may build their indexes at once). */
typedef struct {
    const char *key;
    uint32_t i;
} zh_sort_item;

static int cmp_zh_sorted(const void *a, const void *b)
{
    const zh_sort_item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* What a query writes, its own in every index (built or borrowed): the
 * scratch of one query by document and by food, and the food bits worked
 * out the first time they are asked (eaten, heads). 0 when allocated; -1
 * out of memory (freed with the index). */
static int index_alloc_scratch(struct match_index *ix, size_t foods)
{
    size_t n = ix->doc_count;
    return (ix->acc_q = calloc(n, sizeof *ix->acc_q)) && (ix->acc_d = calloc(n, sizeof *ix->acc_d)) &&
                   (ix->acc_pref = calloc(n, sizeof *ix->acc_pref)) &&
                   (ix->acc_cooked = calloc(n, sizeof *ix->acc_cooked)) &&
                   (ix->acc_raw = calloc(n, sizeof *ix->acc_raw)) &&
                   (ix->stamp = calloc(n, sizeof *ix->stamp)) &&
                   (ix->touched = calloc(n, sizeof *ix->touched)) &&
                   (ix->food_mask = calloc(foods + 1, sizeof *ix->food_mask)) &&
                   (ix->food_stamp = calloc(foods + 1, sizeof *ix->food_stamp)) &&
                   (ix->eaten = calloc(foods + 1, 1)) &&
                   (ix->heads = calloc(foods + 1, sizeof *ix->heads))
               ? 0
               : -1;
}

/* The English word index: built at the first English text (a Chinese
 * text needs only the Chinese keys, so `kmgca food 白饭` does not wait for
 * it). 0 when built; -1 out of memory. */
/* One comma part of a name from p, the words in brackets left out, into
 * seg; returns where it ends (the comma, or the end). */
static const char *name_part(const char *p, char *seg, size_t size)
{
    size_t o = 0;
    int depth = 0;
    for (; *p && (depth || *p != ','); p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth)
            depth--;
        else if (!depth && o + 1 < size)
            seg[o++] = *p;
    }
    seg[o] = '\0';
    return p;
}

/* The head of an English name as people write it: the last word of its
 * first noun phrase ("red onion" -> onion, "fish and chips" -> fish,
 * "tuna, canned" -> tuna), as its word id + 1; 0 when the name starts with
 * a category or its head is no word of the index. */
static uint32_t name_head(const struct match_index *ix, const char *name)
{
    char seg[256], folded[512], words[16][TEXT_WORD_MAX];
    name_part(name, seg, sizeof seg);
    static const char *const cuts[] = {" with ", " and ", " in ", " or ", " on ", " & "};
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
        char *at = strstr(seg, cuts[c]);
        if (at)
            *at = '\0';
    }
    text_fold(seg, folded, sizeof folded);
    size_t n = text_words(folded, words, NULL, 16);
    if (!n || IN_LIST(words[0], category_heads))
        return 0;
    long id = word_lookup(ix, words[n - 1]);
    return id >= 0 ? (uint32_t)id + 1 : 0;
}

static int index_build_en(struct match_index *ix, const kmgca_foods *foods)
{
    doc_words dw = {0};
    size_t en_aliases = 0, alias_count = foods_alias_count(foods);
    for (size_t a = 0; a < alias_count; a++)
        en_aliases += strcmp(foods_alias_at(foods, a).lang, "zh") != 0;
    ix->doc_count = foods->count + en_aliases;
    ix->slot_mask = 16383;
    ix->slots = calloc(ix->slot_mask + 1, sizeof *ix->slots);
    dw.start = calloc(ix->doc_count + 1, sizeof *dw.start);
    ix->doc_food = calloc(ix->doc_count, sizeof *ix->doc_food);
    ix->doc_total = calloc(ix->doc_count, sizeof *ix->doc_total);
    ix->doc_pref = calloc(ix->doc_count, sizeof *ix->doc_pref);
    ix->doc_head = calloc(ix->doc_count, sizeof *ix->doc_head);
    ix->doc_signature = calloc(ix->doc_count, sizeof *ix->doc_signature);
    if (!ix->slots || !dw.start || !ix->doc_food || !ix->doc_total || !ix->doc_pref ||
        !ix->doc_head ||
        !ix->doc_signature || index_alloc_scratch(ix, foods->count) != 0)
        goto fail;

    /* Pass 1: every document's words. */
    size_t doc = 0, alias = 0;
    for (; doc < ix->doc_count; doc++) {
        const char *text, *keys;
        uint32_t food;
        if (doc < foods->count) {
            food = (uint32_t)doc;
            text = foods_food(foods, doc)->description;
            keys = foods_food(foods, doc)->keys;
        } else {
            struct kmgca_alias al = foods_alias_at(foods, alias++);
            while (strcmp(al.lang, "zh") == 0)
                al = foods_alias_at(foods, alias++);
            food = al.food;
            text = al.text;
            keys = al.keys;
        }
        ix->doc_food[doc] = food;
        /* Built-in names come keyed (build/gen/foodtables.c); custom ones
         * are keyed here, the same way. */
        char words[TEXT_DOC_WORDS][TEXT_WORD_MAX];
        unsigned char parens[TEXT_DOC_WORDS];
        size_t n = keys ? text_keys_unpack(keys, words, parens, TEXT_DOC_WORDS)
                        : text_doc_words(text, words, parens);
        if (dw.count + n > dw.cap) {
            size_t cap = dw.cap ? dw.cap * 2 : 65536;
            void *p = realloc(dw.items, cap * sizeof *dw.items);
            if (!p)
                goto fail;
            dw.items = p;
            dw.cap = cap;
        }
        dw.start[doc] = dw.count;
        uint32_t ids[TEXT_DOC_WORDS];
        for (size_t i = 0; i < n; i++) {
            if (!add_word(ix, words[i], &ids[i]))
                goto fail;
            ix->word_df[ids[i]]++;
            dw.items[dw.count++] = (doc_word){ids[i], parens[i]};
        }
        ix->doc_signature[doc] = n ? signature(ids, n) : 0;
        ix->doc_pref[doc] = doc_preference(ix, foods_food(foods, food), text,
                                           dw.items + dw.start[doc], n);
        if (doc >= foods->count)
            ix->doc_head[doc] = name_head(ix, text);
    }
    dw.start[ix->doc_count] = dw.count;

    /* Word weights. */
    ix->idf = malloc(ix->word_count * sizeof *ix->idf);
    ix->post_start = calloc(ix->word_count + 1, sizeof *ix->post_start);
    ix->posts = malloc((dw.count ? dw.count : 1) * sizeof *ix->posts);
    if (!ix->idf || !ix->post_start || !ix->posts)
        goto fail;
    for (size_t w = 0; w < ix->word_count; w++)
        ix->idf[w] = (float)log(1.0 + (double)ix->doc_count / ix->word_df[w]);

    /* Pass 2: postings, grouped by word. */
    for (size_t i = 0; i < dw.count; i++)
        ix->post_start[dw.items[i].word + 1]++;
    for (size_t w = 0; w < ix->word_count; w++)
        ix->post_start[w + 1] += ix->post_start[w];
    uint32_t *fill = malloc((ix->word_count + 1) * sizeof *fill);
    if (!fill)
        goto fail;
    memcpy(fill, ix->post_start, (ix->word_count + 1) * sizeof *fill);
    for (doc = 0; doc < ix->doc_count; doc++) {
        float total = 0;
        for (size_t i = dw.start[doc]; i < dw.start[doc + 1]; i++) {
            unsigned char flags = dw.items[i].parens;
            float weight = ix->idf[dw.items[i].word];
            if (flags & TEXT_IN_PARENS)
                weight *= 0.25f;
            if (flags & TEXT_IN_NUMBERED)
                weight *= 0.1f;
            unsigned char kind = ix->word_kind[dw.items[i].word];
            if (kind & WORD_FILLER)
                weight *= 0.25f;
            else if (i == dw.start[doc] && doc < foods->count &&
                     strcmp(foods_food(foods, doc)->source, "SR28") == 0 &&
                     !(kind & WORD_CATEGORY))
                weight *= HEAD_WEIGHT;
            total += weight;
            ix->posts[fill[dw.items[i].word]++] = (posting){(uint32_t)doc, weight};
        }
        ix->doc_total[doc] = total;
    }
    free(fill);

    /* Exact hits by signature; the first document with a signature wins
     * (aliases come after foods but are looked at first when matching). */
    ix->sig_mask = 1;
    while (ix->sig_mask < ix->doc_count * 2)
        ix->sig_mask = ix->sig_mask * 2 + 1;
    ix->sig_slots = calloc(ix->sig_mask + 1, sizeof *ix->sig_slots);
    if (!ix->sig_slots)
        goto fail;
    for (doc = 0; doc < ix->doc_count; doc++) {
        uint64_t sig = ix->doc_signature[doc];
        /* An FNDDS name is no exact hit: it competes on words like any. */
        if (!sig || (doc < foods->count && strcmp(foods_food(foods, doc)->source, "FNDDS") == 0))
            continue;
        size_t i = sig & ix->sig_mask;
        while (ix->sig_slots[i] && ix->doc_signature[ix->sig_slots[i] - 1] != sig)
            i = (i + 1) & ix->sig_mask;
        uint32_t have = ix->sig_slots[i];
        /* Prefer an alias, then the earlier document. */
        if (!have || (doc >= foods->count && have - 1 < foods->count))
            ix->sig_slots[i] = (uint32_t)doc + 1;
    }

    /* Descriptions as written: pasted from the tables, a description is
     * its own food, before any alias or word-set hit. A custom food wins
     * over a built-in one of the same name, else the first in the tables. */
    ix->lit_mask = 1;
    while (ix->lit_mask < foods->count * 2)
        ix->lit_mask = ix->lit_mask * 2 + 1;
    if (!(ix->lit_slots = calloc(ix->lit_mask + 1, sizeof *ix->lit_slots)) ||
        !(ix->lit_hash = malloc((foods->count + 1) * sizeof *ix->lit_hash)))
        goto fail;
    for (size_t f = 0; f < foods->count; f++) {
        /* Built-in names come hashed (build/gen/foodtables.c). */
        const struct kmgca_food *food = foods_food(foods, f);
        uint64_t h = foods_is_builtin_at(foods, f)
                         ? kmgca_builtin_food_lit[f]
                         : text_literal_hash(food->description);
        ix->lit_hash[f] = h;
        if (!h)
            continue;
        size_t i = h & ix->lit_mask;
        for (; ix->lit_slots[i]; i = (i + 1) & ix->lit_mask)
            if (ix->lit_hash[ix->lit_slots[i] - 1] == h)
                break;
        if (!ix->lit_slots[i] ||
            (source_rank(foods_food(foods, f)) <
             source_rank(foods_food(foods, ix->lit_slots[i] - 1))))
            ix->lit_slots[i] = (uint32_t)f + 1;
    }

    eaten_words(ix);
    free(dw.items);
    free(dw.start);
    ix->en_built = 1;
    return 0;
fail:
    free(dw.items);
    free(dw.start);
    return -1;
}

/* The Chinese keys, sorted: built at the first Chinese text. 0 when built;
 * -1 out of memory. */
static int index_build_zh(struct match_index *ix, const kmgca_foods *foods)
{
    /* Up to three keys per Chinese name: "马铃薯（土豆）" gives the whole
     * name, the name before the brackets and the bracketed other name. */
    size_t alias_count = foods_alias_count(foods);
    size_t zh_cap = 3 * alias_count + 1;
    ix->zh_keys = calloc(zh_cap, sizeof *ix->zh_keys);
    ix->zh_food = calloc(zh_cap, sizeof *ix->zh_food);
    ix->zh_score = calloc(zh_cap, sizeof *ix->zh_score);
    if (!ix->zh_keys || !ix->zh_food || !ix->zh_score)
        return -1;
    /* Chinese names: aliases and custom foods named in Chinese. */
    for (size_t a = 0; a < alias_count; a++) {
        struct kmgca_alias al = foods_alias_at(foods, a);
        const char *text = al.text;
        if (!text_has_cjk(text))
            continue;
        char whole[256], base[256] = "", inner[256] = "";
        zh_key(text, whole, sizeof whole);
        const char *open = strstr(text, "（");
        size_t open_len = 3;
        if (!open) {
            open = strchr(text, '(');
            open_len = 1;
        }
        if (open) {
            char part[256];
            size_t blen = (size_t)(open - text) < sizeof part ? (size_t)(open - text)
                                                               : sizeof part - 1;
            memcpy(part, text, blen);
            part[blen] = '\0';
            zh_key(part, base, sizeof base);
            copy_text(part, sizeof part, open + open_len);
            zh_key(part, inner, sizeof inner);
            /* One character in brackets is a state (生 raw, 煮 boiled), not a
             * name; a TFDA name's brackets say what kind (切片火腿(牛肉)), the
             * other names' may hold another name (马铃薯（土豆）). */
            unsigned char rk = al.rank;
            if (strlen(inner) <= 3 || rk == ALIAS_RANK_NAME || rk == ALIAS_RANK_COMMON)
                inner[0] = '\0';
        }
        /* An exact hit scores by the name's rank (internal.h ALIAS_RANK_*). */
        static const float by_rank[ALIAS_RANKS] = {1.0f, 0.998f, 0.995f, 0.99f, 0.97f};
        unsigned char rk = al.rank;
        float rank = by_rank[rk < ALIAS_RANKS ? rk : ALIAS_RANK_COMMON];
        const char *keys[3] = {whole, base, inner};
        const float scores[3] = {rank, 0.95f * rank, 0.95f * rank};
        for (int k = 0; k < 3; k++) {
            if (!keys[k][0] || (k > 0 && strcmp(keys[k], whole) == 0))
                continue;
            if (!(ix->zh_keys[ix->zh_count] = strdup(keys[k])))
                return -1;
            ix->zh_food[ix->zh_count] = al.food;
            ix->zh_score[ix->zh_count++] = scores[k];
        }
    }
    zh_sort_item *order = malloc((ix->zh_count + 1) * sizeof *order);
    if (!order || !(ix->zh_sorted = malloc((ix->zh_count + 1) * sizeof *ix->zh_sorted)) ||
        !(ix->zh_cooked = calloc(ix->zh_count + 1, 1))) {
        free(order);
        return -1;
    }
    for (size_t i = 0; i < ix->zh_count; i++)
        order[i] = (zh_sort_item){ix->zh_keys[i], (uint32_t)i};
    qsort(order, ix->zh_count, sizeof *order, cmp_zh_sorted);
    for (size_t i = 0; i < ix->zh_count; i++)
        ix->zh_sorted[i] = order[i].i;
    free(order);
    ix->zh_built = 1;
    return 0;
}

/* The English part borrowed from kmgca_builtin_index: the arrays a match
 * only reads are shared; what it writes (scratch, the lazily known bits) is
 * its own. 0 when ready; -1 out of memory. */
static int index_borrow_en(struct match_index *ix)
{
    const struct match_prebuilt *pb = &kmgca_builtin_index;
    size_t foods = pb->food_count;
    ix->en_borrowed = 1;
    ix->doc_count = pb->doc_count;
    ix->word_count = ix->word_cap = pb->word_count;
    ix->slot_mask = pb->slot_mask;
    ix->sig_mask = pb->sig_mask;
    ix->lit_mask = pb->lit_mask;
    /* Never written through (en_borrowed): the casts only drop const. */
    ix->words = (char (*)[TEXT_WORD_MAX])pb->words;
    ix->word_df = (uint32_t *)pb->word_df;
    ix->word_kind = (unsigned char *)pb->word_kind;
    ix->word_demote = (float *)pb->word_demote;
    ix->slots = (uint32_t *)pb->slots;
    ix->idf = (float *)pb->idf;
    ix->post_start = (uint32_t *)pb->post_start;
    ix->posts = (posting *)pb->posts;
    ix->doc_food = (uint32_t *)pb->doc_food;
    ix->doc_total = (float *)pb->doc_total;
    ix->doc_pref = (float *)pb->doc_pref;
    ix->doc_head = (uint32_t *)pb->doc_head;
    ix->doc_signature = (uint64_t *)pb->doc_signature;
    ix->sig_slots = (uint32_t *)pb->sig_slots;
    ix->lit_slots = (uint32_t *)pb->lit_slots;
    ix->lit_hash = (uint64_t *)pb->lit_hash;
    if (index_alloc_scratch(ix, foods) != 0)
        return -1;
    memcpy(ix->eaten, pb->eaten, foods + 1);
    ix->en_built = 1;
    return 0;
}

/* The Chinese keys borrowed from kmgca_builtin_index. 0 when ready; -1 out
 * of memory. */
static int index_borrow_zh(struct match_index *ix)
{
    const struct match_prebuilt *pb = &kmgca_builtin_index;
    ix->zh_borrowed = 1;
    if (!(ix->zh_keys = malloc((pb->zh_count + 1) * sizeof *ix->zh_keys)) ||
        !(ix->zh_cooked = calloc(pb->zh_count + 1, 1)))
        return -1;
    for (size_t i = 0; i < pb->zh_count; i++)
        ix->zh_keys[i] = (char *)pb->zh_pool + pb->zh_key_at[i];
    ix->zh_count = pb->zh_count;
    ix->zh_food = (uint32_t *)pb->zh_food;
    ix->zh_score = (float *)pb->zh_score;
    ix->zh_sorted = (uint32_t *)pb->zh_sorted;
    ix->zh_built = 1;
    return 0;
}

/* An empty index; its parts are built when first needed (index_need). */
static struct match_index *index_build(const kmgca_foods *foods)
{
    struct match_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->food_count = foods->count;
    /* Custom foods and recipes come after the built-in ones: the same
     * counts mean the same tables. */
    ix->use_prebuilt = kmgca_builtin_index.present && foods->alias_count == 0 &&
                       foods->builtin_aliases == kmgca_builtin_alias_count &&
                       foods->count == kmgca_builtin_food_count &&
                       kmgca_builtin_index.food_count == kmgca_builtin_food_count &&
                       kmgca_builtin_index.alias_count == kmgca_builtin_alias_count;
    return ix;
}

/* Builds (or borrows) the English part (zh = 0) or the Chinese part (zh =
 * 1) if not yet ready. 0 when ready; -1 out of memory (the part is then
 * left unbuilt and its arrays freed with the index). */
static int index_need(struct match_index *ix, const kmgca_foods *foods, int zh)
{
    if (zh) {
        if (ix->zh_built)
            return 0;
        if (ix->zh_keys)
            return -1;
        return ix->use_prebuilt ? index_borrow_zh(ix) : index_build_zh(ix, foods);
    }
    if (ix->en_built)
        return 0;
    if (ix->slots || ix->acc_q)
        return -1;
    return ix->use_prebuilt ? index_borrow_en(ix) : index_build_en(ix, foods);
}

void match_index_free(struct match_index *ix)
{
    if (!ix)
        return;
    if (!ix->en_borrowed) {
        free(ix->words);
        free(ix->word_df);
        free(ix->word_kind);
        free(ix->word_demote);
        free(ix->slots);
        free(ix->idf);
        free(ix->post_start);
        free(ix->posts);
        free(ix->doc_food);
        free(ix->doc_total);
        free(ix->doc_pref);
        free(ix->doc_head);
        free(ix->doc_signature);
        free(ix->sig_slots);
        free(ix->lit_slots);
        free(ix->lit_hash);
    }
    free(ix->eaten);
    free(ix->heads);
    if (!ix->zh_borrowed) {
        for (size_t i = 0; i < ix->zh_count; i++)
            free(ix->zh_keys[i]);
        free(ix->zh_sorted);
        free(ix->zh_food);
        free(ix->zh_score);
    }
    free(ix->zh_keys);
    free(ix->zh_cooked);
    free(ix->food_mask);
    free(ix->food_stamp);
    free(ix->acc_q);
    free(ix->acc_d);
    free(ix->acc_pref);
    free(ix->acc_cooked);
    free(ix->acc_raw);
    free(ix->stamp);
    free(ix->touched);
    free(ix);
}

/* ---- Spelling ----------------------------------------------------------- */


/* The known word closest to an unknown one, or -1. */
static long correct_spelling(const struct match_index *ix, const char *w)
{
    size_t len = strlen(w);
    /* Short words are too near too many others ("chef" -> "chex", "milo" ->
     * "milk"): a correction must keep the kind of food, so none under five. */
    for (size_t i = 0; i < len; i++)
        if (!isalpha((unsigned char)w[i]))
            return -1;
    if (len < 5) {
        /* Only a letter typed once that the word doubles, in a plural of a
         * two-letter stem: "egs" -> "eggs" (not "mil" -> "mill"). */
        int plural_stem = len == 2 || (len == 3 && w[2] == 's');
        for (size_t i = 0; plural_stem && i < len; i++) {
            char twice[8];
            memcpy(twice, w, i + 1);
            memcpy(twice + i + 1, w + i, len - i + 1);
            long id = word_lookup(ix, twice);
            if (id < 0 && twice[len] == 's') {
                twice[len] = '\0';
                id = word_lookup(ix, twice);
            }
            if (id >= 0)
                return id;
        }
        return -1;
    }
    int limit = len >= 7 ? 2 : 1;
    long best = -1;
    int best_d = limit + 1;
    for (size_t k = 0; k < ix->word_count; k++) {
        int d = text_edit_distance(w, ix->words[k], best_d < limit ? best_d : limit);
        if (d < best_d || (d == best_d && d <= limit && best >= 0 &&
                           ix->word_df[k] > ix->word_df[best])) {
            best_d = d;
            best = (long)k;
        }
    }
    return best_d <= limit ? best : -1;
}

/* ---- Ranking ------------------------------------------------------------ */

typedef struct {
    uint32_t food;
    double score;
} ranked;

static int source_rank(const struct kmgca_food *f)
{
    return strcmp(f->source, "custom") == 0 ? 0 : strcmp(f->source, "SR28") == 0 ? 1 : 2;
}

/* 1 when a should rank before b. */
static int better(const kmgca_foods *foods, const ranked *a, const ranked *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    const struct kmgca_food *fa = foods_food(foods, a->food), *fb = foods_food(foods, b->food);
    int ra = source_rank(fa), rb = source_rank(fb);
    if (ra != rb)
        return ra < rb;
    size_t la = strlen(fa->description), lb = strlen(fb->description);
    if (la != lb)
        return la < lb;
    return a->food < b->food;
}

/* Keeps the best `max` distinct foods in `top`, sorted. */
static void offer(const kmgca_foods *foods, ranked *top, size_t *n, size_t max, ranked r)
{
    for (size_t i = 0; i < *n; i++) {
        if (top[i].food == r.food) {
            if (!better(foods, &r, &top[i]))
                return;
            memmove(top + i, top + i + 1, (*n - i - 1) * sizeof *top);
            (*n)--;
            break;
        }
    }
    size_t pos = *n;
    while (pos > 0 && better(foods, &r, &top[pos - 1]))
        pos--;
    if (pos >= max)
        return;
    if (*n == max)
        (*n)--;
    memmove(top + pos + 1, top + pos, (*n - pos) * sizeof *top);
    top[pos] = r;
    (*n)++;
}

/* Drops the chatter of a Chinese line (times, meals, verbs of eating) and
 * rewrites variant names, by foodtables/words_zh.csv, longest word first;
 * *cooked is set when a word says the food was cooked (粥, 炒, 蒸 …). The
 * key keeps ideographs and ASCII letters and digits; where chatter, a space
 * or punctuation stood it holds one '|', a boundary no name crosses. */
/* 1 when the three bytes at s are a verb of cooking (炒 煎 蒸 煮 炖 烤 烧 炸
 * 卤 焖 拌 熬). */
static int zh_cooking_verb(const char *s)
{
    static const char verbs[] = "炒煎蒸煮炖烤烧炸卤焖拌熬";
    for (size_t i = 0; i + 3 <= sizeof verbs - 1; i += 3)
        if (!memcmp(s, verbs + i, 3))
            return 1;
    return 0;
}

static void zh_clean_key(const char *text, char *out, size_t size, int *cooked)
{
    char folded[1024];
    text_fold(text, folded, sizeof folded);
    size_t o = 0;
    *cooked = 0;
    for (const char *p = folded; *p;) {
        const struct kmgca_zh_word *hit = NULL;
        for (size_t w = 0; w < kmgca_builtin_zh_word_count; w++) {
            const struct kmgca_zh_word *z = &kmgca_builtin_zh_words[w];
            if (strncmp(p, z->written, strlen(z->written)) != 0)
                continue;
            /* a cooking word counts even inside a longer word (炒了 -> 炒) */
            if (z->kind == 'c')
                *cooked = 1;
            else if (!hit)
                hit = z;
        }
        const char *put;
        size_t n, adv;
        if (hit) {
            adv = strlen(hit->written);
            put = hit->means[0] ? hit->means : "|";
            n = strlen(put);
        } else {
            long cp = utf8_decode(p, &adv);
            if (adv == 0)
                adv = 1;
            int keep = cp > 0 && (is_cjk((unsigned long)cp) || (cp < 0x80 && isalnum((int)cp)));
            put = keep ? p : "|";
            n = keep ? adv : 1;
        }
        if (*put == '|' && (o == 0 || out[o - 1] == '|'))
            n = 0;
        /* A cooking verb stays with its food across a space where a serving
         * was cut out ("炒了一盘年糕" -> "炒 年糕" -> 炒年糕). */
        if (*p == ' ' && n && o >= 3 && zh_cooking_verb(out + o - 3) &&
            (unsigned char)p[1] >= 0xE3)
            n = 0;
        if (o + n < size) {
            memcpy(out + o, put, n);
            o += n;
        }
        p += adv;
    }
    while (o > 0 && out[o - 1] == '|')
        o--;
    out[o] = '\0';
}

/* 1 when a name starting at key + start begins after a boundary: the start,
 * a '|' (chatter, space, punctuation), a measure word of measure_words.csv
 * (个 碗 份 盘 …), or a particle, verb or unit that cannot end a food's name. */
static int zh_bounded_before(const char *key, size_t start)
{
    static const char *const before[] = {
        "了", "的", "些", "点", "吃", "喝", "买", "打", "来", "做", "要", "和", "跟", "加",
        "啃", "下", "煮", "炖", "蒸", "炒", "煎", "烤", "泡", "俩", "仨", "個",
        "壶", "穗", "锅", "两", "斤"};
    if (start == 0 || key[start - 1] == '|')
        return 1;
    size_t prev = start - 1, len;
    while (prev > 0 && ((unsigned char)key[prev] & 0xC0) == 0x80)
        prev--;
    if (measure_word_at(key + prev, &len) && len == start - prev)
        return 1;
    for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
        size_t l = strlen(before[i]);
        if (start >= l && memcmp(key + start - l, before[i], l) == 0)
            return 1;
    }
    return 0;
}

/* The first sorted key index at or after key (binary search). */
static size_t zh_lower(const struct match_index *ix, const char *key, size_t len)
{
    size_t lo = 0, hi = ix->zh_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = ix->zh_keys[ix->zh_sorted[mid]];
        if (strncmp(k, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int zh_has_cooked_word(const char *key)
{
    for (size_t w = 0; w < kmgca_builtin_zh_word_count; w++)
        if (kmgca_builtin_zh_words[w].kind == 'c' && strstr(key, kmgca_builtin_zh_words[w].written))
            return 1;
    return 0;
}

/* 1 when key k holds a cooking word: worked out the first time it is asked
 * and kept (under the foods' lock, as the rest of the index). */
static int zh_key_cooked(const struct match_index *ix, uint32_t k)
{
    if (!ix->zh_cooked[k])
        ix->zh_cooked[k] = zh_has_cooked_word(ix->zh_keys[k]) ? 2 : 1;
    return ix->zh_cooked[k] == 2;
}

/* Ranks foods for Chinese text: the whole text as a name, else the names
 * found inside it.  A Chinese name puts its head last (牛肉面 is noodles,
 * 番茄炒蛋 an egg dish), so a name that ends the text counts for more than
 * one at its start; a name without the cooking word the text has (小米 in
 * 小米粥) counts for less.  One character alone counts only as the head. */
/* "NAME(Q)" with Q one or two Chinese characters of state or cooking (干,
 * 熟, 生, 鲜, 冻, 蒸, 煮, 炒 ...): "Q NAME" in out, 1; else 0. Full-width
 * brackets too. */
static int zh_bracket_first(const char *text, char *out, size_t size)
{
    static const char states[] = "干熟生鲜冻";
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    size_t close = 0, open_len = 0;
    if (len >= 1 && text[len - 1] == ')')
        close = 1;
    else if (len >= 3 && !memcmp(text + len - 3, "\xef\xbc\x89", 3))   /* ） */
        close = 3;
    if (!close)
        return 0;
    size_t inner_end = len - close, open = inner_end;
    while (open > 0 && text[open - 1] != '(' && !(open >= 3 && !memcmp(text + open - 3, "\xef\xbc\x88", 3)))
        open--;
    if (open == 0)
        return 0;
    open_len = text[open - 1] == '(' ? 1 : 3;
    size_t name_end = open - open_len, qlen = inner_end - open;
    if (name_end == 0 || (qlen != 3 && qlen != 6) || qlen + name_end + 2 > size)
        return 0;
    const char *q = text + open;
    int known = zh_cooking_verb(q);
    for (size_t i = 0; !known && i + 3 <= sizeof states - 1; i += 3)
        known = !memcmp(q, states + i, 3);
    if (!known || (unsigned char)q[qlen - 3] < 0xE3)
        return 0;
    memcpy(out, q, qlen);
    memcpy(out + qlen, text, name_end);
    out[qlen + name_end] = '\0';
    return 1;
}

/* "红薯蒸", "马齿苋凉拌", "午餐肉煎了": a way of cooking written after the
 * food is read before it (蒸红薯, 凉拌马齿苋, 煎午餐肉): "VERB NAME" in out, 1;
 * else 0. The name before it is two Chinese characters at least. */
static int zh_verb_first(const char *text, char *out, size_t size)
{
    static const char *const two[] = {"凉拌", "红烧", "清蒸", "水煮", "爆炒", "干煸", "清炒",
                                      "油炸", "烧烤", "焖煮", "蒸熟", "煮熟", "炒熟"};
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    if (len >= 3 && !memcmp(text + len - 3, "了", 3))
        len -= 3;
    size_t vlen = 0;
    for (size_t k = 0; k < sizeof two / sizeof *two && !vlen; k++)
        if (len >= 6 && !memcmp(text + len - 6, two[k], 6))
            vlen = 6;
    if (!vlen && len >= 3 && zh_cooking_verb(text + len - 3))
        vlen = 3;
    size_t name = len - vlen;
    if (!vlen || name < 6 || name + vlen + 1 > size)
        return 0;
    for (size_t i = 0; i < name; i++)
        if ((unsigned char)text[i] < 0x80)
            return 0;  /* a name of Chinese characters only */
    /* the name must not end in a cooking word itself (炒饭蒸: leave it) */
    if (zh_cooking_verb(text + name - 3))
        return 0;
    memcpy(out, text + len - vlen, vlen);
    memcpy(out + vlen, text, name);
    out[vlen + name] = '\0';
    return 1;
}

static size_t rank_chinese(const kmgca_foods *foods, const struct match_index *ix,
                           const char *text, ranked *top, size_t max)
{
    char key[1024];
    int cooked;
    size_t n = 0;
    /* The text as written first: a name of the tables is itself even when
     * words_zh.csv would rewrite or drop a part of it (蕃茄酱). */
    zh_key(text, key, sizeof key);
    size_t klen = strlen(key);
    for (size_t i = zh_lower(ix, key, klen + 1); klen && i < ix->zh_count; i++) {
        uint32_t k = ix->zh_sorted[i];
        if (strcmp(ix->zh_keys[k], key) != 0)
            break;
        offer(foods, top, &n, max, (ranked){ix->zh_food[k], ix->zh_score[k]});
    }
    /* "挂面(干)", "鸡胸肉（熟）", "红薯(蒸)": a state or a way of cooking
     * in brackets after the name is read before it, as 干挂面, 熟鸡胸肉 (a
     * table name with brackets was looked up as written above). */
    char moved[1024];
    if (!n && (zh_bracket_first(text, moved, sizeof moved) ||
               zh_verb_first(text, moved, sizeof moved)))
        text = moved;
    zh_clean_key(text, key, sizeof key, &cooked);
    klen = strlen(key);
    if (!klen)
        return n;
    for (size_t start = 0; start < klen;) {
        size_t step = 1;
        while ((key[start + step] & 0xC0) == 0x80)
            step++;
        int bounded = zh_bounded_before(key, start);
        size_t chars = 0;    /* in key[start, end) */
        for (size_t end = start + step; end <= klen;) {
            size_t len = end - start;
            int whole = start == 0 && end == klen;
            int suffix = end == klen || key[end] == '|';
            chars++;
            if (key[end - 1] == '|')
                break;
            if (whole || suffix || len >= 6) {
                for (size_t i = zh_lower(ix, key + start, len); i < ix->zh_count; i++) {
                    uint32_t k = ix->zh_sorted[i];
                    const char *a = ix->zh_keys[k];
                    if (strncmp(a, key + start, len) != 0)
                        break;
                    if (a[len] != '\0')
                        continue;
                    double score;
                    if (whole) {
                        score = ix->zh_score[k];
                    } else {
                        double cover = (double)len / (double)klen;
                        if (suffix && bounded)
                            /* the head of the line, after chatter: 食堂打了份鱼香肉丝 */
                            score = chars >= 3 ? 0.95 : chars == 2 ? 0.9 : 0.65;
                        else if (suffix)
                            score = 0.9 * (0.45 + 0.5 * cover);  /* a modifier before it */
                        else
                            score = 0.75 * cover;
                        score *= ix->zh_score[k];
                        if (cooked && !zh_key_cooked(ix, k))
                            score *= 0.75;
                        /* a name in an earlier clause is less likely what was
                         * eaten: 懒得做饭，泡了一桶方便面 */
                        if (memchr(key + end, '|', klen - end) &&
                            strchr(key + end, '|')[1] != '\0')
                            score *= 0.85;
                    }
                    offer(foods, top, &n, max, (ranked){ix->zh_food[k], score});
                }
            }
            if (end == klen)
                break;
            end++;
            while (end < klen && (key[end] & 0xC0) == 0x80)
                end++;
        }
        start += step;
    }
    /* Nothing inside: names that hold the whole text, as candidates. */
    if (!n && klen >= 6)
        for (size_t i = 0; i < ix->zh_count; i++) {
            const char *a = ix->zh_keys[i];
            if (strstr(a, key))
                offer(foods, top, &n, max,
                      (ranked){ix->zh_food[i], 0.5 * (double)klen / (double)strlen(a)});
        }
    return n;
}

/* ---- The food as eaten (foodtables/as_eaten.csv) ------------------------ */

enum { EATEN_KNOWN = 1, EATEN_COOKED_FOOD = 2, EATEN_RAW = 4, EATEN_COOKED = 8,
       EATEN_JUST_COOKED = 16, /* the name says "cooked" */
       EATEN_METHOD = 32, /* the name says how: boiled, roasted, ... */
       EATEN_PROCESSED = 64, /* canned, smoked, dried, pickled, ...: not the raw food */
       EATEN_RAW_GROUP = 128 /* of a group eaten raw (fruit, nuts, vegetables ...) */ };

/* A raw form of a food people eat cooked, when the text says nothing of how
 * it was kept or made, is probably not what was eaten. */
#define RAW_UNSAID 0.8
#define UNKNOWN_WEIGHT 0.15
#define UNKNOWN_HEAD 0.6
#define RAW_WHEN_COOKED 0.6
#define CONTEXT_NAMED 0.95   /* a name as written, with words of context */

static int as_eaten_has(char kind, const char *name)
{
    for (size_t i = 0; i < kmgca_builtin_as_eaten_count; i++)
        if (kmgca_builtin_as_eaten[i].kind == kind &&
            strcmp(kmgca_builtin_as_eaten[i].name, name) == 0)
            return 1;
    return 0;
}

enum { STATE_RAW = 1, STATE_COOKED = 2, STATE_SAID = 4 };

/* What a query word says of how the food was made: STATE_* bits (raw,
 * cooked, or how it was kept), from one pass over the table. */
static unsigned state_of(const char *key)
{
    unsigned st = 0;
    for (size_t i = 0; i < kmgca_builtin_as_eaten_count; i++) {
        char k = kmgca_builtin_as_eaten[i].kind;
        if ((k == 'r' || k == 'c' || k == 's') && strcmp(kmgca_builtin_as_eaten[i].name, key) == 0)
            st |= k == 'r' ? STATE_RAW : k == 'c' ? STATE_COOKED : STATE_SAID;
    }
    return st;
}

/* The EATEN_* bits of a food, worked out the first time they are asked. */
/* Whether a food is one people eat cooked (its group or the first words
 * of its name), worked out the first time it is asked: the raw and cooked
 * bits come from the index (eaten_words). */
static unsigned char eaten_of(struct match_index *ix, const struct kmgca_food *f, uint32_t i)
{
    unsigned char e = ix->eaten[i];
    if (e & EATEN_KNOWN)
        return e;
    e |= EATEN_KNOWN;
    if (f->group && as_eaten_has('g', f->group))
        e |= EATEN_COOKED_FOOD;
    if (f->group && as_eaten_has('w', f->group))
        e |= EATEN_RAW_GROUP;
    char head[256], key[256];
    size_t hl = strcspn(f->description, ",");
    snprintf(head, sizeof head, "%.*s", (int)(hl < sizeof head ? hl : sizeof head - 1),
             f->description);
    text_phrase_key(head, key, sizeof key);
    if (key[0] && as_eaten_has('h', key))
        e |= EATEN_COOKED_FOOD;
    return ix->eaten[i] = e;
}

/* The raw and cooked bits of every food, from the postings of the words
 * that say so: a pass over a few short lists when the index is built. */
static void eaten_words(struct match_index *ix)
{
    for (size_t k = 0; k < kmgca_builtin_as_eaten_count; k++) {
        char kind = kmgca_builtin_as_eaten[k].kind;
        if (kind != 'r' && kind != 'c' && kind != 's')
            continue;
        long id = word_lookup(ix, kmgca_builtin_as_eaten[k].name);
        if (id < 0)
            continue;
        unsigned char bit = kind == 'r' ? EATEN_RAW : kind == 's' ? EATEN_PROCESSED : EATEN_COOKED;
        if (kind == 'c')
            bit |= strcmp(kmgca_builtin_as_eaten[k].name, "cooked") == 0 ? EATEN_JUST_COOKED
                                                                         : EATEN_METHOD;
        for (uint32_t p = ix->post_start[id]; p < ix->post_start[id + 1]; p++) {
            uint32_t doc = ix->posts[p].doc;
            if (doc < ix->food_count)
                ix->eaten[doc] |= bit;
        }
    }
}

/* The word ids that say what kind of food a table name is: the last word
 * of its first part ("Roast beef spread" -> spread; "Whiskey and diet cola"
 * -> whiskey), or when that part is a brand, a category or a family name
 * ("KELLOGG'S", "Beverages", "Squash") the words of the next two parts.
 * Up to five; none when the name gives none the index knows. */
static const uint32_t *food_heads(struct match_index *ix, const struct kmgca_food *f, uint32_t i)
{
    uint32_t *h = ix->heads[i];
    if (h[0])
        return h;
    h[0] = 1;
    const char *p = f->description;
    for (int part = 0; *p && part < 3; part++) {
        /* A part ends at a comma outside brackets; bracketed words are left
         * out ("Chickpeas (garbanzo beans, bengal gram)" -> chickpeas). */
        char seg[256], folded[512], words[16][TEXT_WORD_MAX];
        p = name_part(p, seg, sizeof seg);
        if (*p == ',')
            p++;
        int skip_part = part == 0 && has_brand(seg);
        if (part == 0 && !skip_part) {
            /* The first noun phrase: before "with", "and", "in". */
            static const char *const cuts[] = {" with ", " and ", " in ", " or "};
            for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
                char *at = strstr(seg, cuts[c]);
                if (at)
                    *at = '\0';
            }
        }
        text_fold(seg, folded, sizeof folded);
        size_t n = text_words(folded, words, NULL, 16);
        if (!n)
            continue;
        if (part == 0) {
            /* "Beverages", "Cereals ready-to-eat": a category first; but
             * "Tomato sauce" is a sauce. */
            skip_part |= IN_LIST(words[0], category_heads) &&
                         (n == 1 || !IN_LIST(words[n - 1], category_heads));
            if (skip_part)
                continue;
            const char *last = words[n - 1];
            long id = word_lookup(ix, last);
            if (id >= 0)
                h[h[0]++] = (uint32_t)id;
            if (!IN_LIST(last, class_heads))
                return h;
            continue;
        }
        for (size_t k = 0; k < n && h[0] < 6; k++) {
            long id = word_lookup(ix, words[k]);
            if (id >= 0)
                h[h[0]++] = (uint32_t)id;
        }
    }
    return h;
}

static int cmp_rewrite(const void *key, const void *item)
{
    return strcmp(key, ((const struct kmgca_word_rewrite *)item)->written);
}

const struct kmgca_word_rewrite *word_rewrite_find(const char *written)
{
    return bsearch(written, kmgca_builtin_words, kmgca_builtin_word_count,
                   sizeof *kmgca_builtin_words, cmp_rewrite);
}

/* People's words to the tables' (foodtables/words_en.csv): "courgette" ->
 * "zucchini", "semi skimmed" -> "2% reduced fat", "takeaway" -> nothing.
 * Words are compared by their keys (plurals alike); the longest phrase
 * wins; separators are kept. */
static void rewrite_words(const char *in, char *out, size_t size)
{
    enum { TOK = 96, LONGEST = 4 };
    struct {
        size_t start, len;
        char key[TEXT_WORD_MAX];
    } tok[TOK];
    size_t n = 0;
    for (size_t i = 0; in[i] && n < TOK;) {
        if (strchr(" ,()", in[i])) {
            i++;
            continue;
        }
        size_t len = strcspn(in + i, " ,()");
        tok[n].start = i;
        tok[n].len = len;
        if (len < TEXT_WORD_MAX) {
            memcpy(tok[n].key, in + i, len);
            tok[n].key[len] = '\0';
            text_word_key(tok[n].key);
        } else {
            tok[n].key[0] = '\0';
        }
        n++;
        i += len;
    }
    size_t o = 0, pos = 0;
#define EMIT(p, l)                                                                         \
    do {                                                                                   \
        size_t l_ = (l) < size - 1 - o ? (l) : size - 1 - o;                                \
        memcpy(out + o, (p), l_);                                                          \
        o += l_;                                                                           \
    } while (0)
    for (size_t i = 0; i < n;) {
        const struct kmgca_word_rewrite *hit = NULL;
        size_t k = n - i < LONGEST ? n - i : LONGEST;
        for (; k > 0 && !hit; k--) {
            char phrase[LONGEST * TEXT_WORD_MAX];
            size_t pl = 0;
            int ok = 1;
            for (size_t t = i; t < i + k && ok; t++) {
                ok = tok[t].key[0] != '\0';
                pl += (size_t)snprintf(phrase + pl, sizeof phrase - pl, "%s%s", pl ? " " : "",
                                       tok[t].key);
            }
            if (ok)
                hit = word_rewrite_find(phrase);
            if (hit)
                break;
        }
        EMIT(in + pos, tok[i].start - pos);
        if (hit) {
            EMIT(hit->means, strlen(hit->means));
            pos = tok[i + k - 1].start + tok[i + k - 1].len;
            i += k;
        } else {
            EMIT(in + tok[i].start, tok[i].len);
            pos = tok[i].start + tok[i].len;
            i++;
        }
    }
    EMIT(in + pos, strlen(in + pos));
#undef EMIT
    out[o] = '\0';
}

/* The description or alias whose words have this signature, or -1. */
static long sig_doc(const struct match_index *ix, uint64_t sig)
{
    for (size_t i = sig & ix->sig_mask; ix->sig_slots[i]; i = (i + 1) & ix->sig_mask)
        if (ix->doc_signature[ix->sig_slots[i] - 1] == sig)
            return (long)ix->sig_slots[i] - 1;
    return -1;
}

/* Words that say when, where or why a food was eaten, not what it is:
 * "almonds around 3pm", "a bagel from the deli", "lentils for magnesium".
 * From such a word (not the first) to the next comma, the text is put in
 * brackets, where words qualify rather than name (a quarter of the weight). */
/* "From frozen", "from concentrate": how the food was made, no context. */
static int made_from(const char *word, const char *next)
{
    static const char *const made[] = {"frozen", "fresh", "concentrate", "scratch", "dry",
                                       "dried", "canned", "raw", "mix", "powder"};
    if (strcmp(word, "from") != 0)
        return 0;
    size_t nl = strcspn(next, " ,()");
    for (size_t k = 0; k < sizeof made / sizeof *made; k++)
        if (nl == strlen(made[k]) && memcmp(next, made[k], nl) == 0)
            return 1;
    return 0;
}

/* "Made with milk", "stewed with sugar": how the food was made, no
 * context; the word before "with" at text[at] tells. */
static int made_with(const char *word, const char *text, size_t at)
{
    static const char *const ways[] = {"made", "cooked", "prepared", "mixed", "stewed",
                                       "boiled", "fried", "baked", "sweetened", "packed"};
    if (strcmp(word, "with") != 0 && strcmp(word, "w") != 0)
        return 0;
    size_t end = at;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    size_t start = end;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != ',')
        start--;
    for (size_t k = 0; k < sizeof ways / sizeof *ways; k++)
        if (end - start == strlen(ways[k]) && memcmp(text + start, ways[k], end - start) == 0)
            return 1;
    return 0;
}

static void bracket_context(char *text, size_t size)
{
    static const char *const context[] = {"around", "at", "for", "from", "after", "before",
                                          "during", "while", "about", "with", "w", "plus"};
    char out[1024];
    size_t o = 0, len = strlen(text);
    int open = 0, depth = 0;
    for (size_t i = 0; i < len && o + 3 < sizeof out;) {
        char c = text[i];
        if (c == '(')
            depth++;
        else if (c == ')' && depth)
            depth--;
        if (open && c == ',') {
            out[o++] = ')';
            open = 0;
        }
        if (!open && !depth && i > 0 && text[i - 1] == ' ' && c != ' ') {
            size_t wl = strcspn(text + i, " ,()");
            for (size_t k = 0; k < sizeof context / sizeof *context && !open; k++)
                if (wl == strlen(context[k]) && memcmp(text + i, context[k], wl) == 0 &&
                    text[i + wl] == ' ' && !made_from(context[k], text + i + wl + 1) &&
                    !made_with(context[k], text, i)) {
                    out[o++] = '(';
                    open = 1;
                }
        }
        out[o++] = c;
        i++;
    }
    if (open && o + 1 < sizeof out)
        out[o++] = ')';
    out[o] = '\0';
    if (o < size)
        memcpy(text, out, o + 1);
}

/* Ranks foods for text; sets *method. Caller holds the lock. */
static size_t rank(const kmgca_foods *foods, struct match_index *ix, const char *text,
                   ranked *top, size_t max, kmgca_match_method *method)
{
    *method = KMGCA_MATCH_NONE;
    if (text_has_cjk(text)) {
        if (index_need(ix, foods, 1) != 0)
            return 0;
        size_t n = rank_chinese(foods, ix, text, top, max);
        if (n) {
            *method = KMGCA_MATCH_CHINESE;
            return n;
        }
    }
    if (index_need(ix, foods, 0) != 0)
        return 0;
    char raw[1024], folded[1024];
    char words[QUERY_WORDS][TEXT_WORD_MAX];
    text_fold(text, raw, sizeof raw);
    rewrite_words(raw, folded, sizeof folded);
    /* Words of a context phrase ("from the vending machine", "after the
     * gym") the matcher brackets: which words they are, to leave them out
     * of what a food must hold (below). */
    unsigned char ctx[QUERY_WORDS] = {0};
    {
        char plain_words[QUERY_WORDS][TEXT_WORD_MAX];
        unsigned char plain_flags[QUERY_WORDS];
        size_t np = text_words(folded, plain_words, plain_flags, QUERY_WORDS);
        bracket_context(folded, sizeof folded);
        unsigned char qf[QUERY_WORDS];
        size_t nq = text_words(folded, words, qf, QUERY_WORDS);
        for (size_t i = 0; np == nq && i < nq; i++)
            ctx[i] = (qf[i] & TEXT_IN_PARENS) && !(plain_flags[i] & TEXT_IN_PARENS) &&
                     strcmp(words[i], plain_words[i]) == 0;
    }
    unsigned char qflags[QUERY_WORDS];
    size_t nw = text_words(folded, words, qflags, QUERY_WORDS);
    if (!nw)
        return 0;

    long ids[QUERY_WORDS];
    float qweight[QUERY_WORDS];
    uint32_t sig_ids[QUERY_WORDS];
    int corrected = 0, all_known = 1;
    unsigned char fixed[QUERY_WORDS] = {0};   /* word i was a spelling corrected */
    double total_q = 0;
    double unknown_idf = log(1.0 + (double)ix->doc_count);
    /* The head: the last word of the first part before a preposition
     * ("almonds around 3pm", "naan with it", "salmon, baked"), not a word
     * of state; its index in words + 1, 0 when none. */
    size_t head_at = 0;
    {
        char first[1024];
        size_t fl = 0;
        int depth = 0;
        for (const char *p = folded; *p && fl + 1 < sizeof first; p++) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth)
                depth--;
            else if (*p == ',' && !depth)
                break;
            else if (!depth)
                first[fl++] = *p;
        }
        first[fl] = '\0';
        static const char *const cuts[] = {"with", "w", "around", "at", "for", "from",
                                           "after", "before", "in", "on", "during", "while"};
        for (char *w = first; *w;) {
            while (*w == ' ')
                w++;
            size_t len = strcspn(w, " ");
            int cut = 0;
            for (size_t c = 0; c < sizeof cuts / sizeof *cuts && !cut && w > first; c++)
                cut = len == strlen(cuts[c]) && memcmp(w, cuts[c], len) == 0;
            if (cut) {
                *w = '\0';
                break;
            }
            w += len;
        }
        char hw[QUERY_WORDS][TEXT_WORD_MAX];
        size_t hn = text_words(first, hw, NULL, QUERY_WORDS);
        while (hn > 0 && state_of(hw[hn - 1]))
            hn--;
        for (size_t i = 0; hn > 0 && i < nw && !head_at; i++)
            if (strcmp(words[i], hw[hn - 1]) == 0)
                head_at = i + 1;
    }
    for (size_t i = 0; i < nw; i++) {
        ids[i] = word_lookup(ix, words[i]);
        /* Bracketed words qualify and a word with a digit is no name
         * ("3pm"): neither is corrected into another word. */
        int digit = strpbrk(words[i], "0123456789") != NULL;
        if (ids[i] < 0 && !digit && !(qflags[i] & TEXT_IN_PARENS)) {
            ids[i] = correct_spelling(ix, words[i]);
            /* A correction into a word the text already has ("Milo milk" ->
             * "milk milk") names nothing new: the word stays unknown. */
            for (size_t k = 0; k < nw && ids[i] >= 0; k++)
                if (k != i && strcmp(words[k], ix->words[ids[i]]) == 0)
                    ids[i] = -1;
            if (ids[i] >= 0)
                corrected = fixed[i] = 1;
            else
                all_known = 0;
        } else if (ids[i] < 0) {
            all_known = 0;
        }
        /* A word no food holds (a brand, a variety, a place) says less
         * about which food it is than one the tables use, unless it is the
         * last word, the head of an English name ("Honeycrisp apple"). */
        qweight[i] = ids[i] >= 0 ? ix->idf[ids[i]]
                                 : (float)(unknown_idf * (i + 1 == head_at ? UNKNOWN_HEAD
                                                                          : UNKNOWN_WEIGHT));
        /* Known words carry their kind; an unknown one is looked up. */
        if (ids[i] >= 0 ? (ix->word_kind[ids[i]] & WORD_FORM) != 0 : IN_LIST(words[i], form_words))
            qweight[i] *= 0.15f;
        /* "(includes potatoes, carrots)": bracketed words qualify, as in the tables */
        if (qflags[i] & TEXT_IN_PARENS)
            qweight[i] *= 0.25f;
        /* A word of context a food may hold (a brand's shop, "starbucks")
         * and gain by, but need not. */
        if (!ctx[i])
            total_q += qweight[i];
        sig_ids[i] = ids[i] >= 0 ? (uint32_t)ids[i] : 0;
    }

    /* How the text says the food was made: nothing, raw, or a way of
     * cooking (any way of cooking is close to the tables' "cooked"). */
    int said = 0, says_raw = 0;
    unsigned char state_word[QUERY_WORDS] = {0};   /* 1 cooked, 2 raw */
    float cooked_q = 0, raw_q = 0;
    for (size_t i = 0; i < nw; i++) {
        unsigned st = state_of(words[i]);
        said |= st != 0;
        if (st & STATE_RAW) {
            says_raw = 1;
            state_word[i] = 2;
            raw_q += qweight[i];
        } else if (st & STATE_COOKED) {
            state_word[i] = 1;
            cooked_q += qweight[i];
        }
    }

    /* A description as written, else the same words as a description or
     * alias in any order. */
    uint64_t lit = text_literal_hash_folded(raw);
    for (size_t i = lit & ix->lit_mask; lit && ix->lit_slots[i]; i = (i + 1) & ix->lit_mask) {
        uint32_t f = ix->lit_slots[i] - 1;
        if (ix->lit_hash[f] == lit) {
            top[0] = (ranked){f, 1.0};
            *method = KMGCA_MATCH_EXACT;
            break;
        }
    }
    /* A name as people write it ("diet coke") may be an alias before the
     * word table rewrites it; then the rewritten words. */
    if (*method != KMGCA_MATCH_EXACT && strcmp(raw, folded) != 0) {
        char plain[QUERY_WORDS][TEXT_WORD_MAX];
        uint32_t plain_ids[QUERY_WORDS];
        size_t np = text_words(raw, plain, NULL, QUERY_WORDS), known = 0;
        for (size_t i = 0; i < np; i++) {
            long id = word_lookup(ix, plain[i]);
            if (id >= 0)
                plain_ids[known++] = (uint32_t)id;
        }
        long doc = np && known == np ? sig_doc(ix, signature(plain_ids, np)) : -1;
        if (doc >= 0) {
            top[0] = (ranked){ix->doc_food[doc], 1.0};
            *method = KMGCA_MATCH_EXACT;
        }
    }
    if (*method != KMGCA_MATCH_EXACT && all_known && !corrected) {
        long doc = sig_doc(ix, signature(sig_ids, nw));
        if (doc >= 0) {
            top[0] = (ranked){ix->doc_food[doc], 1.0};
            *method = KMGCA_MATCH_EXACT;
        }
    }
    size_t n = *method == KMGCA_MATCH_EXACT ? 1 : 0;
    /* The words out of context ("cappuccino" of "cappuccino after the gym")
     * are a name as written: that food, a little less surely. */
    if (!n) {
        uint32_t core[QUERY_WORDS];
        size_t nc = 0, had_ctx = 0;
        int whole = 1;
        for (size_t i = 0; i < nw; i++) {
            if (ctx[i]) {
                had_ctx = 1;
                continue;
            }
            whole &= ids[i] >= 0 && !fixed[i];
            if (ids[i] >= 0)
                core[nc++] = (uint32_t)ids[i];
        }
        long doc = had_ctx && whole && nc ? sig_doc(ix, signature(core, nc)) : -1;
        if (doc >= 0)
            offer(foods, top, &n, max, (ranked){ix->doc_food[doc], CONTEXT_NAMED});
    }

    double known_q = 0;    /* the weight of the words some food holds */
    for (size_t i = 0; i < nw; i++)
        if (ids[i] >= 0)
            known_q += qweight[i];

    /* Accumulate shared words over the postings. */
    if (++ix->generation == 0) {
        memset(ix->stamp, 0, ix->doc_count * sizeof *ix->stamp);
        memset(ix->food_stamp, 0, ix->food_count * sizeof *ix->food_stamp);
        ix->generation = 1;
    }
    size_t touched = 0;
    for (size_t i = 0; i < nw; i++) {
        if (ids[i] < 0)
            continue;
        uint32_t w = (uint32_t)ids[i];
        float q = qweight[i];
        for (uint32_t p = ix->post_start[w]; p < ix->post_start[w + 1]; p++) {
            uint32_t doc = ix->posts[p].doc;
            if (ix->stamp[doc] != ix->generation) {
                ix->stamp[doc] = ix->generation;
                ix->acc_q[doc] = 0;
                ix->acc_d[doc] = 0;
                ix->acc_pref[doc] = 1;
                ix->acc_cooked[doc] = 0;
                ix->acc_raw[doc] = 0;
                ix->touched[touched++] = doc;
            }
            ix->acc_q[doc] += q;
            uint32_t food = ix->doc_food[doc];
            if (ix->food_stamp[food] != ix->generation) {
                ix->food_stamp[food] = ix->generation;
                ix->food_mask[food] = 0;
            }
            if (i < 32)
                ix->food_mask[food] |= 1u << i;
            if (state_word[i] == 1)
                ix->acc_cooked[doc] += q;
            else if (state_word[i] == 2)
                ix->acc_raw[doc] += q;
            ix->acc_d[doc] += ix->posts[p].weight;
            /* A demoted word the user wrote is no reason to demote. */
            ix->acc_pref[doc] /= ix->word_demote[w];
        }
    }
    for (size_t t = 0; t < touched; t++) {
        uint32_t doc = ix->touched[t];
        uint32_t food = ix->doc_food[doc];
        unsigned char eaten = ix->eaten[food];
        double got_q = ix->acc_q[doc];
        /* "Salmon, baked" and "Fish, salmon, cooked, dry heat": a food the
         * tables only call cooked gets most of the credit of the cooking
         * word (roasted soybeans are no boiled ones: another way of cooking
         * gets none). */
        if (cooked_q > 0 && (eaten & EATEN_JUST_COOKED) && !(eaten & EATEN_METHOD))
            got_q += 0.8 * (cooked_q - ix->acc_cooked[doc]);
        /* "Almonds, raw" and "Nuts, almonds": a food of a group eaten raw
         * that the tables call neither cooked nor canned, dried, smoked... is
         * the raw food (an alias is judged by its food: "tuna" is canned
         * tuna, a tuna sub no food eaten raw). */
        if (raw_q > 0 && !(eaten & (EATEN_COOKED | EATEN_PROCESSED)) &&
            (eaten_of(ix, foods_food(foods, food), food) & EATEN_RAW_GROUP))
            got_q += raw_q - ix->acc_raw[doc];
        /* "Alpen muesli": the words in two names of the same food (the
         * alias "alpen", the description "Cereal, muesli") name it together,
         * a little less surely than one name holding both. */
        double food_q = 0;
        for (size_t i = 0; i < nw && i < 32; i++)
            if (ix->food_mask[food] & (1u << i))
                food_q += qweight[i];
        /* only when the names together hold every word the text has that
         * the tables know, and this name alone not most of them */
        int joined = food_q > ix->acc_q[doc] + 1e-9 && food_q >= 0.999 * known_q &&
                     ix->acc_q[doc] < 0.7 * total_q;
        if (joined)
            got_q += 0.85 * (food_q - ix->acc_q[doc]);
        double recall = total_q > 0 ? got_q / total_q : 0;
        if (recall > 1)
            recall = 1;
        double precision = ix->doc_total[doc] > 0 ? ix->acc_d[doc] / ix->doc_total[doc] : 0;
        double score = recall * recall * (0.55 + 0.45 * precision) * ix->doc_pref[doc] *
                       ix->acc_pref[doc];
        if (score > 0.999)
            score = 0.999; /* 1 is for an exact hit only */
        if (joined && score > 0.85)
            score = 0.85;  /* names joined: never the top band */
        if (corrected)
            score *= 0.9;
        /* The checks below only lower a score: a food that cannot enter
         * the list anyway is not looked at more closely. */
        if (n == max && !better(foods, &(ranked){food, score}, &top[max - 1]))
            continue;
        if (doc < ix->food_count) {
            const uint32_t *h = food_heads(ix, foods_food(foods, food), food);
            int named = h[0] <= 1;
            for (uint32_t k = 1; k < h[0] && !named; k++)
                for (size_t q = 0; q < nw && !named; q++)
                    named = ids[q] >= 0 && (uint32_t)ids[q] == h[k];
            if (!named)
                score *= HEAD_MISSING;
        } else if (ix->doc_head[doc]) {
            /* an alias too: "red" is no "red onion" */
            int named = 0;
            for (size_t q = 0; q < nw && !named; q++)
                named = ids[q] >= 0 && (uint32_t)ids[q] + 1 == ix->doc_head[doc];
            if (!named)
                score *= HEAD_MISSING;
        }
        int raw_only = (eaten & EATEN_RAW) && !(eaten & EATEN_COOKED);
        int cooked_only = (eaten & EATEN_COOKED) && !(eaten & EATEN_RAW);
        if (!said && raw_only && (eaten_of(ix, foods_food(foods, food), food) & EATEN_COOKED_FOOD))
            score *= RAW_UNSAID;
        else if (cooked_q > 0 && raw_only)
            score *= RAW_WHEN_COOKED;    /* "grilled shrimp" is not raw shrimp */
        else if (says_raw && !cooked_q && cooked_only)
            score *= RAW_WHEN_COOKED;
        if (*method == KMGCA_MATCH_EXACT && ix->doc_food[doc] == top[0].food)
            continue;
        if (*method == KMGCA_MATCH_EXACT && score >= 1.0)
            score = 0.999;  /* runner-ups rank below the exact hit */
        offer(foods, top, &n, max, (ranked){ix->doc_food[doc], score});
    }
    if (*method == KMGCA_MATCH_NONE && n)
        *method = corrected ? KMGCA_MATCH_SPELLING : KMGCA_MATCH_WORDS;
    return n;
}

static struct match_index *ensure_index(kmgca_foods *foods)
{
    if (!foods->index)
        foods->index = index_build(foods);
    return foods->index;
}

void match_invalidate(kmgca_foods *foods)
{
    match_index_free(foods->index);
    foods->index = NULL;
    match_memo_free(foods->memo);
    foods->memo = NULL;
}

/* ---- Memo --------------------------------------------------------------- */

typedef struct {
    const char *text;
    uint64_t hash;
    kmgca_status status;
    kmgca_match match;
} memo_entry;

struct match_memo {
    memo_entry *slots;
    size_t mask, count;
    arena texts;
};

void match_memo_free(struct match_memo *m)
{
    if (!m)
        return;
    arena_free(&m->texts);
    free(m->slots);
    free(m);
}

static memo_entry *memo_slot(struct match_memo *m, const char *text, uint64_t h)
{
    for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
        memo_entry *e = &m->slots[i];
        if (!e->text || (e->hash == h && strcmp(e->text, text) == 0))
            return e;
    }
}

static struct match_memo *memo_new(void)
{
    struct match_memo *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->mask = MEMO_MAX * 2 - 1;
    m->slots = calloc(m->mask + 1, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

/* ---- Public ------------------------------------------------------------- */

const char *kmgca_match_method_name(kmgca_match_method m)
{
    switch (m) {
    case KMGCA_MATCH_EXACT: return "exact";
    case KMGCA_MATCH_WORDS: return "words";
    case KMGCA_MATCH_SPELLING: return "spelling";
    case KMGCA_MATCH_CHINESE: return "chinese";
    default: return "none";
    }
}

static kmgca_status match_uncached(kmgca_foods *foods, struct match_index *ix,
                                   const char *text, kmgca_match *out, kmgca_error *err)
{
    ranked top[1 + KMGCA_MAX_CANDIDATES];
    kmgca_match_method method;
    size_t n = rank(foods, ix, text, top, 1 + KMGCA_MAX_CANDIDATES, &method);
    memset(out, 0, sizeof *out);
    size_t first = 0;
    if (n && top[0].score >= MIN_SCORE) {
        out->food = foods_food(foods, top[0].food);
        out->confidence = top[0].score;
        out->method = method;
        first = 1;
    }
    for (size_t i = first; i < n && out->candidate_count < KMGCA_MAX_CANDIDATES; i++) {
        out->candidates[out->candidate_count] = foods_food(foods, top[i].food);
        out->candidate_confidence[out->candidate_count++] = top[i].score;
    }
    if (!out->food)
        return kmgca_fail(err, KMGCA_ERROR_NO_MATCH, "no food matches \"%s\"", text);
    return KMGCA_OK;
}

kmgca_status kmgca_foods_match(kmgca_foods *foods, const char *text, kmgca_match *out,
                               kmgca_error *err)
{
    if (!foods || !text || !out)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food set, text or result given");
    memset(out, 0, sizeof *out);
    if (!utf8_valid(text, strlen(text)))
        return kmgca_fail(err, KMGCA_ERROR_ENCODING, "food text is not valid UTF-8");
    size_t len = strlen(text);
    if (len > 1000)
        return kmgca_fail(err, KMGCA_ERROR_LIMIT,
                          "food text is %zu bytes; the limit is 1000", len);
    pthread_mutex_lock(&foods->lock);
    kmgca_status st;
    struct match_index *ix = ensure_index(foods);
    if (!ix) {
        pthread_mutex_unlock(&foods->lock);
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory building the food index");
    }
    if (!foods->memo)
        foods->memo = memo_new();
    uint64_t h = hash_str(text);
    memo_entry *e = foods->memo ? memo_slot(foods->memo, text, h) : NULL;
    if (e && e->text) {
        *out = e->match;
        st = e->status;
        if (st != KMGCA_OK)
            kmgca_fail(err, st, "no food matches \"%s\"", text);
        pthread_mutex_unlock(&foods->lock);
        return st;
    }
    st = match_uncached(foods, ix, text, out, err);
    if (e) {
        if (foods->memo->count >= MEMO_MAX) {
            /* Full: start over rather than grow without bound. */
            arena_free(&foods->memo->texts);
            memset(foods->memo->slots, 0, (foods->memo->mask + 1) * sizeof *e);
            foods->memo->count = 0;
            e = memo_slot(foods->memo, text, h);
        }
        const char *copy = arena_strdup(&foods->memo->texts, text);
        if (copy) {
            *e = (memo_entry){copy, h, st, *out};
            foods->memo->count++;
        }
    }
    pthread_mutex_unlock(&foods->lock);
    return st;
}

size_t kmgca_foods_search(kmgca_foods *foods, const char *text, const kmgca_food **found,
                          double *confidence, size_t max)
{
    if (!foods || !text || !found || !max || !utf8_valid(text, strlen(text)) ||
        strlen(text) > 1000)
        return 0;
    if (max > 50)
        max = 50;
    ranked top[50];
    kmgca_match_method method;
    pthread_mutex_lock(&foods->lock);
    struct match_index *ix = ensure_index(foods);
    size_t n = ix ? rank(foods, ix, text, top, max, &method) : 0;
    pthread_mutex_unlock(&foods->lock);
    for (size_t i = 0; i < n; i++) {
        found[i] = foods_food(foods, top[i].food);
        if (confidence)
            confidence[i] = top[i].score;
    }
    return n;
}

/* ---- The built-in index as C (tools/indexgen) ---------------------------- */

/* Each array is written with one zero after its n items, so none is empty. */
static void put_u32(FILE *out, const char *name, const uint32_t *a, size_t n)
{
    fprintf(out, "static const uint32_t %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%" PRIu32 ",", i % 16 ? "" : "\n", a[i]);
    fputs("0};\n", out);
}

static void put_u64(FILE *out, const char *name, const uint64_t *a, size_t n)
{
    fprintf(out, "static const uint64_t %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s0x%" PRIx64 "u,", i % 6 ? "" : "\n", a[i]);
    fputs("0};\n", out);
}

/* Floats as hexadecimal literals: read back bit for bit. */
static void put_float(FILE *out, const char *name, const float *a, size_t n)
{
    fprintf(out, "static const float %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%a,", i % 8 ? "" : "\n", (double)a[i]);
    fputs("0};\n", out);
}

static void put_bytes(FILE *out, const char *name, const unsigned char *a, size_t n)
{
    fprintf(out, "static const unsigned char %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", i % 24 ? "" : "\n", a[i]);
    fputs("0};\n", out);
}

/* A C string literal of s (octal escapes outside printable ASCII). */
static void put_cstr(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

int match_index_write_c(kmgca_foods *foods, FILE *out)
{
    struct match_index *ix = index_build(foods);
    if (!ix)
        return -1;
    ix->use_prebuilt = 0;
    if (index_need(ix, foods, 0) != 0 || index_need(ix, foods, 1) != 0) {
        match_index_free(ix);
        return -1;
    }
    fputs("/* Generated by tools/indexgen: the match index of the built-in tables\n"
          " * (lib/match.c, match_index_write_c). Do not edit. */\n"
          "#include \"internal.h\"\n\n", out);
    fprintf(out, "static const char words[][TEXT_WORD_MAX] = {");
    for (size_t i = 0; i < ix->word_count; i++) {
        fputs(i % 8 ? " " : "\n", out);
        put_cstr(out, ix->words[i]);
        fputc(',', out);
    }
    fputs("\"\"};\n", out);
    put_u32(out, "word_df", ix->word_df, ix->word_count);
    put_bytes(out, "word_kind", ix->word_kind, ix->word_count);
    put_float(out, "word_demote", ix->word_demote, ix->word_count);
    put_u32(out, "slots", ix->slots, ix->slot_mask + 1);
    put_float(out, "idf", ix->idf, ix->word_count);
    put_u32(out, "post_start", ix->post_start, ix->word_count + 1);
    size_t posts = ix->post_start[ix->word_count];
    fputs("static const struct match_posting posts[] = {", out);
    for (size_t i = 0; i < posts; i++)
        fprintf(out, "%s{%" PRIu32 ",%a},", i % 6 ? "" : "\n", ix->posts[i].doc,
                (double)ix->posts[i].weight);
    fputs("{0,0}};\n", out);
    put_u32(out, "doc_food", ix->doc_food, ix->doc_count);
    put_float(out, "doc_total", ix->doc_total, ix->doc_count);
    put_float(out, "doc_pref", ix->doc_pref, ix->doc_count);
    put_u32(out, "doc_head", ix->doc_head, ix->doc_count);
    put_u64(out, "doc_signature", ix->doc_signature, ix->doc_count);
    put_u32(out, "sig_slots", ix->sig_slots, ix->sig_mask + 1);
    put_u32(out, "lit_slots", ix->lit_slots, ix->lit_mask + 1);
    put_u64(out, "lit_hash", ix->lit_hash, foods->count);
    put_bytes(out, "eaten", ix->eaten, foods->count);
    fputs("static const char zh_pool[] =", out);
    uint32_t *at = malloc((ix->zh_count + 1) * sizeof *at);
    if (!at) {
        match_index_free(ix);
        return -1;
    }
    size_t off = 0;
    for (size_t i = 0; i < ix->zh_count; i++) {
        at[i] = (uint32_t)off;
        off += strlen(ix->zh_keys[i]) + 1;
        fputs("\n    ", out);
        put_cstr(out, ix->zh_keys[i]);
        fputs(" \"\\0\"", out);
    }
    fputs(" \"\";\n", out);
    put_u32(out, "zh_key_at", at, ix->zh_count);
    free(at);
    put_u32(out, "zh_food", ix->zh_food, ix->zh_count);
    put_float(out, "zh_score", ix->zh_score, ix->zh_count);
    put_u32(out, "zh_sorted", ix->zh_sorted, ix->zh_count);
    fprintf(out,
            "\nconst struct match_prebuilt kmgca_builtin_index = {\n"
            "    .present = 1, .food_count = %zu, .alias_count = %zu,\n"
            "    .doc_count = %zu, .word_count = %zu, .slot_mask = %zu, .sig_mask = %zu,\n"
            "    .lit_mask = %zu, .zh_count = %zu,\n"
            "    .words = words, .word_df = word_df, .word_kind = word_kind,\n"
            "    .word_demote = word_demote, .slots = slots, .idf = idf, .post_start = post_start,\n"
            "    .posts = posts, .doc_food = doc_food, .doc_total = doc_total, .doc_pref = doc_pref,\n"
            "    .doc_head = doc_head,\n"
            "    .doc_signature = doc_signature, .sig_slots = sig_slots, .lit_slots = lit_slots,\n"
            "    .lit_hash = lit_hash, .eaten = eaten, .zh_pool = zh_pool, .zh_key_at = zh_key_at,\n"
            "    .zh_food = zh_food, .zh_score = zh_score, .zh_sorted = zh_sorted,\n"
            "};\n",
            foods->count, foods_alias_count(foods), ix->doc_count, ix->word_count, ix->slot_mask,
            ix->sig_mask, ix->lit_mask, ix->zh_count);
    match_index_free(ix);
    return ferror(out) ? -1 : 0;
}

#define SAME_ARRAY(field, n)                                                            \
    do {                                                                                \
        if ((n) && memcmp(ix->field, pb->field, (n) * sizeof *pb->field) != 0) {        \
            snprintf(why, why_size, "%s differs from the tables", #field);              \
            goto done;                                                                  \
        }                                                                               \
    } while (0)

int match_index_check_prebuilt(kmgca_foods *foods, char *why, size_t why_size)
{
    const struct match_prebuilt *pb = &kmgca_builtin_index;
    int rc = -1;
    snprintf(why, why_size, "out of memory");
    struct match_index *ix = index_build(foods);
    if (!ix)
        return -1;
    ix->use_prebuilt = 0;
    if (index_need(ix, foods, 0) != 0 || index_need(ix, foods, 1) != 0)
        goto done;
    if (!pb->present) {
        snprintf(why, why_size, "no index was built in");
        goto done;
    }
    if (pb->food_count != foods->count || pb->alias_count != foods_alias_count(foods) ||
        pb->doc_count != ix->doc_count || pb->word_count != ix->word_count ||
        pb->slot_mask != ix->slot_mask || pb->sig_mask != ix->sig_mask ||
        pb->lit_mask != ix->lit_mask || pb->zh_count != ix->zh_count) {
        snprintf(why, why_size, "sizes differ: %zu words, %zu documents, %zu Chinese keys built in; "
                 "%zu, %zu, %zu from the tables", pb->word_count, pb->doc_count, pb->zh_count,
                 ix->word_count, ix->doc_count, ix->zh_count);
        goto done;
    }
    for (size_t i = 0; i < ix->word_count; i++)
        if (strcmp(ix->words[i], pb->words[i]) != 0) {
            snprintf(why, why_size, "word %zu differs from the tables", i);
            goto done;
        }
    SAME_ARRAY(word_df, ix->word_count);
    SAME_ARRAY(word_kind, ix->word_count);
    SAME_ARRAY(word_demote, ix->word_count);
    SAME_ARRAY(slots, ix->slot_mask + 1);
    SAME_ARRAY(idf, ix->word_count);
    SAME_ARRAY(post_start, ix->word_count + 1);
    SAME_ARRAY(posts, ix->post_start[ix->word_count]);
    SAME_ARRAY(doc_food, ix->doc_count);
    SAME_ARRAY(doc_total, ix->doc_count);
    SAME_ARRAY(doc_pref, ix->doc_count);
    SAME_ARRAY(doc_head, ix->doc_count);
    SAME_ARRAY(doc_signature, ix->doc_count);
    SAME_ARRAY(sig_slots, ix->sig_mask + 1);
    SAME_ARRAY(lit_slots, ix->lit_mask + 1);
    SAME_ARRAY(lit_hash, foods->count);
    SAME_ARRAY(eaten, foods->count);
    SAME_ARRAY(zh_food, ix->zh_count);
    SAME_ARRAY(zh_score, ix->zh_count);
    SAME_ARRAY(zh_sorted, ix->zh_count);
    for (size_t i = 0; i < ix->zh_count; i++)
        if (strcmp(ix->zh_keys[i], pb->zh_pool + pb->zh_key_at[i]) != 0) {
            snprintf(why, why_size, "Chinese key %zu differs from the tables", i);
            goto done;
        }
    rc = 0;
    why[0] = '\0';
done:
    match_index_free(ix);
    return rc;
}
