/* index.c — the matcher's English word index (struct match_index, match.h).
 *
 * Every food description and English alias is a document of word keys
 * (text.c). The index holds the vocabulary (an open-addressed hash of word
 * to id, with what the word lists below say of each word), the postings of
 * every word, and per document its food, total weight, preference, head
 * word and signature (for exact hits); per food, the hash of its
 * description as written. It is built at the first English text of a food
 * set (index_build_en) or borrowed from the build-time index of the
 * built-in tables (index_borrow_en); match.c's index_need chooses. The
 * Chinese keys are match_zh.c's; index_write.c writes the build-time index.
 *
 * Also here, as they are worked out from the index's words: the head words
 * of a table name (index_food_heads), asked when a food is ranked.
 */
#include "match.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

uint64_t index_hash_str(const char *s) { return hash_bytes(s, strlen(s), 0xcbf29ce484222325ULL); }

long index_word_id(const struct match_index *ix, const char *w)
{
    for (size_t i = index_hash_str(w) & ix->slot_mask;; i = (i + 1) & ix->slot_mask) {
        uint32_t s = ix->slots[i];
        if (!s)
            return -1;
        if (strcmp(ix->words[s - 1], w) == 0)
            return (long)(s - 1);
    }
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
    {"wild", 0.9f},   /* wild salmon, wild blueberries: the farmed and grown ones are eaten more */
    {"condensed", 0.8f},   /* a condensed soup is eaten made up; condensed milk is written so */
    {"reduced", 0.92f},    /* "reduced sugar", "reduced sodium": a variant, when the text is silent */
    {"meatless", 0.8f},    /* a meat substitute: "breaded chicken" is chicken */
    {"imported", 0.85f},   /* "Lamb, Australian, imported": lamb chops are the US table's */
    {"australian", 0.85f}, /* (said, "Australian lamb" keeps its own) */
    {"smoked", 0.9f},      /* "fish (haddock)" is no smoked haddock; "smoked salmon" says it */
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

/* Words that say how a food was cut or measured ("broccoli, chopped"):
 * they weigh little when the table's name leaves them out. */
static const char *const form_words[] = {
    "chop", "slice", "dice", "cube", "shredded", "mashed", "grated",
    "piece", "half", "crushed", "packed", "unpacked", "cut", "ball", "strip", "fresh",
    "fillet", "floret", "chunk", "spear", "wedge", "segment", "shelled",
    /* and the words a product's label praises it with ("Ultra Thin",
     * "Lightly Salted", "Organic", "Original") */
    "organic", "natural", "original", "classic", "ultra", "premium",
    "homestyle",
    /* and the containers and sizes of a serving left beside the food when
     * the amount stands elsewhere ("apple juice, small carton 200ml") */
    "small", "large", "big", "medium", "carton", "tub", "tin", "bottle", "glass", "mug",
    "bowl", "punnet", "packet", "pkt", "bag", "box", "serving", "portion", "scoop",
    "container",
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

static unsigned char word_kind_of(const char *w)
{
    return (unsigned char)((IN_LIST(w, filler_words) ? WORD_FILLER : 0) |
                           (IN_LIST(w, category_heads) ? WORD_CATEGORY : 0) |
                           (IN_LIST(w, form_words) ? WORD_FORM : 0));
}

int index_form_word(const char *w)
{
    return IN_LIST(w, form_words);
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

typedef struct {
    uint32_t word;
    unsigned char parens;
} doc_word;

typedef struct {
    doc_word *items;
    size_t count, cap;
    size_t *start;            /* per document into items, doc_count + 1 */
} doc_words;

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

/* ---- Building ----------------------------------------------------------- */

static int add_word(struct match_index *ix, const char *w, uint32_t *id)
{
    long found = index_word_id(ix, w);
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
            size_t i = index_hash_str(ix->words[k]) & mask;
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
    size_t i = index_hash_str(w) & ix->slot_mask;
    while (ix->slots[i])
        i = (i + 1) & ix->slot_mask;
    ix->slots[i] = (uint32_t)ix->word_count + 1;
    *id = (uint32_t)ix->word_count++;
    return 1;
}

/* Signature of a set of word ids: order does not matter. The ids are
 * sorted in place (a name has a few words: insertion sort, no qsort). */
uint64_t index_signature(uint32_t *ids, size_t n)
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

/* What a query writes, its own in every index (built or borrowed): the
 * scratch of one query by document and by food, and the food bits worked
 * out the first time they are asked (eaten, heads). 0 when allocated; -1
 * out of memory (freed with the index). */
int index_alloc_scratch(struct match_index *ix, size_t foods)
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
    long id = index_word_id(ix, words[n - 1]);
    return id >= 0 ? (uint32_t)id + 1 : 0;
}

/* The raw and cooked bits of every food, from the postings of the words
 * that say so: a pass over a few short lists when the index is built. */
static void eaten_words(struct match_index *ix)
{
    for (size_t k = 0; k < kmgca_builtin_as_eaten_count; k++) {
        char kind = kmgca_builtin_as_eaten[k].kind;
        if (kind != 'r' && kind != 'c' && kind != 's')
            continue;
        long id = index_word_id(ix, kmgca_builtin_as_eaten[k].name);
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

/* The arrays of the English part for the food set's documents (its
 * descriptions, then its English aliases), and dw's starts. 0 or -1. */
static int en_alloc(struct match_index *ix, const kmgca_foods *foods, doc_words *dw)
{
    size_t en_aliases = 0, alias_count = foods_alias_count(foods);
    for (size_t a = 0; a < alias_count; a++)
        en_aliases += strcmp(foods_alias_at(foods, a).lang, "zh") != 0;
    ix->doc_count = foods->count + en_aliases;
    ix->slot_mask = 16383;
    ix->slots = calloc(ix->slot_mask + 1, sizeof *ix->slots);
    dw->start = calloc(ix->doc_count + 1, sizeof *dw->start);
    ix->doc_food = calloc(ix->doc_count, sizeof *ix->doc_food);
    ix->doc_total = calloc(ix->doc_count, sizeof *ix->doc_total);
    ix->doc_pref = calloc(ix->doc_count, sizeof *ix->doc_pref);
    ix->doc_head = calloc(ix->doc_count, sizeof *ix->doc_head);
    ix->doc_signature = calloc(ix->doc_count, sizeof *ix->doc_signature);
    if (!ix->slots || !dw->start || !ix->doc_food || !ix->doc_total || !ix->doc_pref ||
        !ix->doc_head ||
        !ix->doc_signature || index_alloc_scratch(ix, foods->count) != 0)
        return -1;
    return 0;
}

/* Pass 1: every document's words into dw and the vocabulary, with the
 * document's food, signature, preference and (an alias's) head. 0 or -1. */
static int en_documents(struct match_index *ix, const kmgca_foods *foods, doc_words *dw)
{
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
        if (dw->count + n > dw->cap) {
            size_t cap = dw->cap ? dw->cap * 2 : 65536;
            void *p = realloc(dw->items, cap * sizeof *dw->items);
            if (!p)
                return -1;
            dw->items = p;
            dw->cap = cap;
        }
        dw->start[doc] = dw->count;
        uint32_t ids[TEXT_DOC_WORDS];
        for (size_t i = 0; i < n; i++) {
            if (!add_word(ix, words[i], &ids[i]))
                return -1;
            ix->word_df[ids[i]]++;
            dw->items[dw->count++] = (doc_word){ids[i], parens[i]};
        }
        ix->doc_signature[doc] = n ? index_signature(ids, n) : 0;
        ix->doc_pref[doc] = doc_preference(ix, foods_food(foods, food), text,
                                           dw->items + dw->start[doc], n);
        if (doc >= foods->count)
            ix->doc_head[doc] = name_head(ix, text);
    }
    dw->start[ix->doc_count] = dw->count;
    return 0;
}

/* Word weights (idf), then pass 2: the postings grouped by word, each with
 * its weight in the document, and each document's total. 0 or -1. */
static int en_postings(struct match_index *ix, const kmgca_foods *foods, const doc_words *dw)
{
    ix->idf = malloc(ix->word_count * sizeof *ix->idf);
    ix->post_start = calloc(ix->word_count + 1, sizeof *ix->post_start);
    ix->posts = malloc((dw->count ? dw->count : 1) * sizeof *ix->posts);
    if (!ix->idf || !ix->post_start || !ix->posts)
        return -1;
    for (size_t w = 0; w < ix->word_count; w++)
        ix->idf[w] = (float)log(1.0 + (double)ix->doc_count / ix->word_df[w]);

    for (size_t i = 0; i < dw->count; i++)
        ix->post_start[dw->items[i].word + 1]++;
    for (size_t w = 0; w < ix->word_count; w++)
        ix->post_start[w + 1] += ix->post_start[w];
    uint32_t *fill = malloc((ix->word_count + 1) * sizeof *fill);
    if (!fill)
        return -1;
    memcpy(fill, ix->post_start, (ix->word_count + 1) * sizeof *fill);
    for (size_t doc = 0; doc < ix->doc_count; doc++) {
        float total = 0;
        for (size_t i = dw->start[doc]; i < dw->start[doc + 1]; i++) {
            unsigned char flags = dw->items[i].parens;
            float weight = ix->idf[dw->items[i].word];
            if (flags & TEXT_IN_PARENS)
                weight *= 0.25f;
            if (flags & TEXT_IN_NUMBERED)
                weight *= 0.1f;
            unsigned char kind = ix->word_kind[dw->items[i].word];
            if (kind & WORD_FILLER)
                weight *= 0.25f;
            else if (i == dw->start[doc] && doc < foods->count &&
                     strcmp(foods_food(foods, doc)->source, "SR28") == 0 &&
                     !(kind & WORD_CATEGORY))
                weight *= HEAD_WEIGHT;
            total += weight;
            ix->posts[fill[dw->items[i].word]++] = (posting){(uint32_t)doc, weight};
        }
        ix->doc_total[doc] = total;
    }
    free(fill);
    return 0;
}

/* Exact hits by signature; the first document with a signature wins
 * (aliases come after foods but are looked at first when matching), but
 * for aliases of other heads. 0 or -1. */
static int en_signatures(struct match_index *ix, const kmgca_foods *foods)
{
    ix->sig_mask = 1;
    while (ix->sig_mask < ix->doc_count * 2)
        ix->sig_mask = ix->sig_mask * 2 + 1;
    ix->sig_slots = calloc(ix->sig_mask + 1, sizeof *ix->sig_slots);
    if (!ix->sig_slots)
        return -1;
    for (size_t doc = 0; doc < ix->doc_count; doc++) {
        uint64_t sig = ix->doc_signature[doc];
        /* An FNDDS name is no exact hit: it competes on words like any. */
        if (!sig || (doc < foods->count && strcmp(foods_food(foods, doc)->source, "FNDDS") == 0))
            continue;
        /* Two aliases of the same words and other heads are two names
         * ("milk chocolate", "chocolate milk"): both kept, in one probe
         * chain, and the text's head picks (match.c, sig_doc). */
        size_t i = sig & ix->sig_mask;
        while (ix->sig_slots[i] &&
               (ix->doc_signature[ix->sig_slots[i] - 1] != sig ||
                (doc >= foods->count && ix->sig_slots[i] - 1 >= foods->count &&
                 ix->doc_head[doc] && ix->doc_head[ix->sig_slots[i] - 1] &&
                 ix->doc_head[doc] != ix->doc_head[ix->sig_slots[i] - 1])))
            i = (i + 1) & ix->sig_mask;
        uint32_t have = ix->sig_slots[i];
        /* Prefer an alias, then the earlier document. */
        if (!have || (doc >= foods->count && have - 1 < foods->count))
            ix->sig_slots[i] = (uint32_t)doc + 1;
    }
    return 0;
}

/* Descriptions as written: pasted from the tables, a description is its
 * own food, before any alias or word-set hit. A custom food wins over a
 * built-in one of the same name, else the first in the tables. 0 or -1. */
static int en_literals(struct match_index *ix, const kmgca_foods *foods)
{
    ix->lit_mask = 1;
    while (ix->lit_mask < foods->count * 2)
        ix->lit_mask = ix->lit_mask * 2 + 1;
    if (!(ix->lit_slots = calloc(ix->lit_mask + 1, sizeof *ix->lit_slots)) ||
        !(ix->lit_hash = malloc((foods->count + 1) * sizeof *ix->lit_hash)))
        return -1;
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
            (food_source_rank(foods_food(foods, f)) <
             food_source_rank(foods_food(foods, ix->lit_slots[i] - 1))))
            ix->lit_slots[i] = (uint32_t)f + 1;
    }
    return 0;
}

/* The English word index: built at the first English text (a Chinese
 * text needs only the Chinese keys, so `kmgca food 白饭` does not wait for
 * it). 0 when built; -1 out of memory (what was allocated is freed with the
 * index). */
int index_build_en(struct match_index *ix, const kmgca_foods *foods)
{
    doc_words dw = {0};
    int rc = -1;
    if (en_alloc(ix, foods, &dw) == 0 && en_documents(ix, foods, &dw) == 0 &&
        en_postings(ix, foods, &dw) == 0 && en_signatures(ix, foods) == 0 &&
        en_literals(ix, foods) == 0) {
        eaten_words(ix);
        ix->en_built = 1;
        rc = 0;
    }
    free(dw.items);
    free(dw.start);
    return rc;
}

/* The English part borrowed from kmgca_builtin_index: the arrays a match
 * only reads are shared; what it writes (scratch, the lazily known bits) is
 * its own. 0 when ready; -1 out of memory. */
int index_borrow_en(struct match_index *ix)
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

/* An empty index; its parts are built when first needed (index_need). */
struct match_index *index_build(const kmgca_foods *foods)
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
    zh_sounds_free(ix->zh_sounds);
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

/* ---- Head words ----------------------------------------------------------- */

/* The word ids that say what kind of food a table name is: the last word
 * of its first part ("Roast beef spread" -> spread; "Whiskey and diet cola"
 * -> whiskey), or when that part is a brand, a category or a family name
 * ("KELLOGG'S", "Beverages", "Squash") the words of the next two parts.
 * Up to five; none when the name gives none the index knows. */
const uint32_t *index_food_heads(struct match_index *ix, const struct kmgca_food *f, uint32_t i)
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
            long id = index_word_id(ix, last);
            if (id >= 0)
                h[h[0]++] = (uint32_t)id;
            if (!IN_LIST(last, class_heads))
                return h;
            continue;
        }
        for (size_t k = 0; k < n && h[0] < 6; k++) {
            long id = index_word_id(ix, words[k]);
            if (id >= 0)
                h[h[0]++] = (uint32_t)id;
        }
    }
    return h;
}
