/* match.c — free text to food: the public entry points (kmgca_foods_match,
 * kmgca_foods_search), the ranking of English text, and the memo.
 *
 * Every food description and alias is a document of word keys (text.c).
 * A query is scored against the documents that share a word with it, from
 * an inverted index (index.c):
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
 * Chinese text is ranked by its names (match_zh.c); an English query's
 * words are rewritten and their context bracketed first (query.c); how the
 * food was eaten weighs in (eaten.c).
 *
 * The index of the built-in tables is worked out at build time
 * (tools/indexgen writes build/gen/foodindex.c through match_index_write_c,
 * index_write.c) and borrowed by every food set that holds only those
 * tables; a set with custom foods or recipes builds its own, each part at
 * its first use (index_need).
 */
#include "match.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SCORE 0.2
#define MEMO_MAX 65536

/* A food whose own head word the text leaves out is another kind of food
 * ("Vinegar, red wine" for "red wine", "Bread, zucchini" for "zucchini"). */
#define HEAD_MISSING 0.7

/* A raw form of a food people eat cooked, when the text says nothing of how
 * it was kept or made, is probably not what was eaten. */
#define RAW_UNSAID 0.8
#define UNKNOWN_WEIGHT 0.15
#define UNKNOWN_HEAD 0.6
#define RAW_WHEN_COOKED 0.6
#define CONTEXT_NAMED 0.95   /* a name as written, with words of context */
#define SPELT_NAME 0.8       /* a whole name, a word of it misspelt */
#define HEAD_UNSAID 0.75     /* the text's head word is none of the food's */
#define MODIFIER_NAMED 0.8   /* a dish's name under a word that qualifies it */
/* A food of another animal than the one the text names ("Chicken breast,
 * oven-roasted" for "oven roasted turkey breast") is another food. */
#define OTHER_ANIMAL 0.45

/* ---- Spelling ----------------------------------------------------------- */

/* 1 when w is a word of everyday English (english_words.csv). */
static int english_word(const char *w)
{
    size_t lo = 0, hi = kmgca_builtin_english_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(kmgca_builtin_english[mid], w);
        if (!c)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* 1 when two lower-case letters are keys side by side on a QWERTY
 * keyboard (a typo's first letter). */
static int keys_beside(char a, char b)
{
    static const char *const rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    for (int r = 0; r < 3; r++) {
        const char *pa = strchr(rows[r], a), *pb = a && b ? strchr(rows[r], b) : NULL;
        if (pa && pb && (pa - pb == 1 || pb - pa == 1))
            return 1;
    }
    return 0;
}

/* The known word closest to an unknown one, or -1. */
static long correct_spelling(const struct match_index *ix, const char *w)
{
    size_t len = strlen(w);
    /* a word of everyday English is itself: "someone" is no somen, "better"
     * no butter; only its plural may name a food's word ("kiwis") */
    if (english_word(w)) {
        char one[TEXT_WORD_MAX];
        copy_text(one, sizeof one, w);
        size_t n = strlen(one);
        long id = -1;
        if (n > 3 && one[n - 1] == 's') {
            one[n - 1] = '\0';
            id = index_word_id(ix, one);
            if (id < 0 && n > 4 && one[n - 2] == 'e') {
                one[n - 2] = '\0';
                id = index_word_id(ix, one);
            }
        }
        return id;
    }
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
            long id = index_word_id(ix, twice);
            if (id < 0 && twice[len] == 's') {
                twice[len] = '\0';
                id = index_word_id(ix, twice);
            }
            if (id >= 0)
                return id;
        }
        return -1;
    }
    int limit = len >= 7 ? 2 : 1;
    long best = -1;
    /* Twice the edits, and three more when the first letter differs: a
     * typo seldom hits it ("cantelope" is a cantaloupe, two edits away, not
     * an antelope, one). */
    int best_cost = 4 * limit + 4;
    for (size_t k = 0; k < ix->word_count; k++) {
        /* no use looking past what could still win or tie */
        /* (and in a word under seven letters only to a key beside it:
         * "vanana" is a banana, "zurek", a Polish soup, is no burek) */
        if (ix->words[k][0] != w[0] && len < 7 && !keys_beside(ix->words[k][0], w[0]))
            continue;
        int bound = best_cost / 2 < limit ? best_cost / 2 : limit;
        int d = text_edit_distance(w, ix->words[k], bound);
        if (d > bound)
            continue;
        int cost = 2 * d + (ix->words[k][0] != w[0] ? 3 : 0);
        if (cost < best_cost ||
            (cost == best_cost && best >= 0 && ix->word_df[k] > ix->word_df[best])) {
            best_cost = cost;
            best = (long)k;
        }
    }
    return best;
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

/* The food whose description or alias is the text as written (folded),
 * or -1. */
static long literal_food(const struct match_index *ix, const char *text)
{
    uint64_t lit = text[0] ? text_literal_hash_folded(text) : 0;
    for (size_t i = lit & ix->lit_mask; lit && ix->lit_slots[i]; i = (i + 1) & ix->lit_mask) {
        uint32_t f = ix->lit_slots[i] - 1;
        if (ix->lit_hash[f] == lit)
            return f;
    }
    return -1;
}

/* The description or alias whose words have this signature, or -1. */
static long sig_doc_headed(const struct match_index *ix, uint64_t sig, long head)
{
    long first = -1;
    for (size_t i = sig & ix->sig_mask; ix->sig_slots[i]; i = (i + 1) & ix->sig_mask) {
        long doc = (long)ix->sig_slots[i] - 1;
        if (ix->doc_signature[doc] != sig)
            continue;
        /* the same words under another head are another name: "milk
         * chocolate" is a chocolate, "chocolate milk" a milk */
        if (head < 0 || !ix->doc_head[doc] || (long)ix->doc_head[doc] == head + 1)
            return doc;
        if (first < 0)
            first = doc;
    }
    return first;
}


/* ---- Ranking English text ----------------------------------------------- */

/* An English query as rank reads it: filled by en_query_read, then
 * en_query_weigh and en_query_states. */
typedef struct {
    char raw[1024];                        /* the text folded */
    char folded[1024];                     /* rewritten (words_en.csv), context bracketed */
    char words[QUERY_WORDS][TEXT_WORD_MAX];
    unsigned char qflags[QUERY_WORDS];     /* TEXT_IN_PARENS ... of each word */
    unsigned char ctx[QUERY_WORDS];        /* 1: a word of a context phrase */
    size_t nw;
    long ids[QUERY_WORDS];                 /* word ids, -1 for a word no food holds */
    float qweight[QUERY_WORDS];
    uint32_t sig_ids[QUERY_WORDS];         /* ids for the signature (unknown: 0) */
    unsigned char fixed[QUERY_WORDS];      /* word i was a spelling corrected */
    int corrected, all_known;
    double total_q;                        /* the weight of the words, context left out */
    double known_q;                        /* the weight of the words some food holds */
    int said, says_raw;                    /* a word of state; a word that says raw */
    unsigned char state_word[QUERY_WORDS]; /* 1 cooked, 2 raw */
    float cooked_q, raw_q;                 /* the weight of those words */
    int animal;                            /* the word naming an animal, or -1 */
    size_t head_at;                        /* the head word's index + 1, 0 for none */
} en_query;

/* The words of text, folded, rewritten and with their context bracketed;
 * how many. */
static size_t en_query_read(en_query *q, const char *text)
{
    text_fold(text, q->raw, sizeof q->raw);
    /* (the raw words too: "burger on a bun" has the words of "burger bun") */
    query_on_bread(q->raw, sizeof q->raw);
    query_rewrite_words(q->raw, q->folded, sizeof q->folded);
    /* Words of a context phrase ("from the vending machine", "after the
     * gym") the matcher brackets: which words they are, to leave them out
     * of what a food must hold (en_query_weigh). */
    char plain_words[QUERY_WORDS][TEXT_WORD_MAX];
    unsigned char plain_flags[QUERY_WORDS];
    size_t np = text_words(q->folded, plain_words, plain_flags, QUERY_WORDS);
    query_bracket_context(q->folded, sizeof q->folded);
    q->nw = text_words(q->folded, q->words, q->qflags, QUERY_WORDS);
    memset(q->ctx, 0, sizeof q->ctx);
    for (size_t i = 0; np == q->nw && i < q->nw; i++)
        q->ctx[i] = (q->qflags[i] & TEXT_IN_PARENS) && !(plain_flags[i] & TEXT_IN_PARENS) &&
                    strcmp(q->words[i], plain_words[i]) == 0;
    return q->nw;
}

/* Each word's id (a misspelt one corrected) and weight. */
static void en_query_weigh(const struct match_index *ix, en_query *q)
{
    size_t nw = q->nw;
    double unknown_idf = log(1.0 + (double)ix->doc_count);
    size_t head_at = query_head(q->folded, q->words, nw);
    q->head_at = head_at;
    q->corrected = 0;
    q->all_known = 1;
    q->total_q = 0;
    memset(q->fixed, 0, sizeof q->fixed);
    for (size_t i = 0; i < nw; i++) {
        long *id = &q->ids[i];
        *id = index_word_id(ix, q->words[i]);
        /* Bracketed words qualify and a word with a digit is no name
         * ("3pm"): neither is corrected into another word. */
        int digit = strpbrk(q->words[i], "0123456789") != NULL;
        if (*id < 0 && !digit && !(q->qflags[i] & TEXT_IN_PARENS)) {
            *id = correct_spelling(ix, q->words[i]);
            /* A correction into a word the text already has ("Milo milk" ->
             * "milk milk") names nothing new: the word stays unknown. */
            for (size_t k = 0; k < nw && *id >= 0; k++)
                if (k != i && strcmp(q->words[k], ix->words[*id]) == 0)
                    *id = -1;
            if (*id >= 0)
                q->corrected = q->fixed[i] = 1;
            else
                q->all_known = 0;
        } else if (*id < 0) {
            q->all_known = 0;
        }
        /* A word no food holds (a brand, a variety, a place) says less
         * about which food it is than one the tables use, unless it is the
         * last word, the head of an English name ("Honeycrisp apple"). */
        q->qweight[i] = *id >= 0 ? ix->idf[*id]
                                 : (float)(unknown_idf * (i + 1 == head_at ? UNKNOWN_HEAD
                                                                           : UNKNOWN_WEIGHT));
        /* Known words carry their kind; an unknown one is looked up. */
        if (*id >= 0 ? (ix->word_kind[*id] & WORD_FORM) != 0 : index_form_word(q->words[i]))
            q->qweight[i] *= 0.15f;
        /* "(includes potatoes, carrots)": bracketed words qualify, as in the tables */
        if (q->qflags[i] & TEXT_IN_PARENS)
            q->qweight[i] *= 0.25f;
        /* A word of context a food may hold (a brand's shop, "starbucks")
         * and gain by, but need not. */
        if (!q->ctx[i])
            q->total_q += q->qweight[i];
        q->sig_ids[i] = *id >= 0 ? (uint32_t)*id : 0;
    }
    q->known_q = 0;
    for (size_t i = 0; i < nw; i++)
        if (q->ids[i] >= 0)
            q->known_q += q->qweight[i];
}

/* "porridge oats" are the packet of oats, weighed dry, unless made up
 * ("porridge oats made with water", "cooked") and not weighed dry. */
static int oats_dry(const char *raw)
{
    return strstr(raw, "porridge oat") &&
           (strstr(raw, "dry") || (!strstr(raw, " made ") && !strstr(raw, "cooked")));
}

/* How the text says the food was made: nothing, raw, or a way of cooking
 * (any way of cooking is close to the tables' "cooked"). */
static void en_query_states(en_query *q)
{
    q->said = q->says_raw = 0;
    q->cooked_q = q->raw_q = 0;
    memset(q->state_word, 0, sizeof q->state_word);
    /* "porridge" and "oatmeal" are oats cooked (text.c keys porridge as
     * oat), unless the oats are said to be dry ("porridge oats") */
    int porridge = (strstr(q->raw, "porridge") || strstr(q->raw, "oatmeal")) &&
                   !oats_dry(q->raw) && !strstr(q->raw, "oatmeal oat");
    for (size_t i = 0; i < q->nw; i++) {
        unsigned st = eaten_state(q->words[i]);
        if (!st && porridge && !strcmp(q->words[i], "oat"))
            st = STATE_COOKED;
        q->said |= st != 0;
        if (st & STATE_RAW) {
            q->says_raw = 1;
            q->state_word[i] = 2;
            q->raw_q += q->qweight[i];
        } else if (st & STATE_COOKED) {
            q->state_word[i] = 1;
            q->cooked_q += q->qweight[i];
        }
    }
}

/* A description as written, else the same words as a description or alias
 * in any order: that food in top[0] and KMGCA_MATCH_EXACT; else
 * KMGCA_MATCH_NONE. */
static kmgca_match_method en_exact(const struct match_index *ix, en_query *q, ranked *top)
{
    /* as written, then without the words that only point at it ("the
     * beef and broccoli", "my porridge") */
    static const char *const pointing[] = {"the ", "a ", "an ", "my ", "his ", "her ", "our ",
                                           "their ", "some ", "maybe ", "just "};
    const char *from = q->raw;
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; k < sizeof pointing / sizeof *pointing && !again; k++)
            if (!strncmp(from, pointing[k], strlen(pointing[k]))) {
                from += strlen(pointing[k]);
                again = 1;
            }
    }
    /* (and as the word table left it, its chatter out: "bagel for lunch"
     * is the bagel, not the egg bagel its one word also keys) */
    const char *texts[3] = {q->raw, from, q->raw};
    size_t fl = strlen(q->folded);
    while (fl && q->folded[fl - 1] == ' ')
        fl--;
    static const char *const when[] = {" for ", " at ", " this ", " last ", " today",
                                       " yesterday", " before ", " after ", " tonight"};
    for (size_t k = 0; k < sizeof when / sizeof *when && fl && !strchr(q->folded, '('); k++)
        if (!strncmp(q->raw, q->folded, fl) && !strncmp(q->raw + fl, when[k], strlen(when[k])))
            texts[2] = q->folded;   /* (its trailing spaces are no part of its hash) */
    /* (a last word of chatter after the name: "refried beans leftover") */
    static const char *const after[] = {" leftover", " leftovers", " again", " only", " eaten",
                                        " ate", " drunk", " taken", " approx"};
    char trimmed[sizeof q->folded];
    int chatter_after = 0;
    for (size_t k = 0; k < sizeof after / sizeof *after && !chatter_after; k++)
        chatter_after = fl < strlen(q->raw) && !strcmp(q->raw + fl, after[k]);
    if (texts[2] == q->raw && fl && chatter_after && !strncmp(q->raw, q->folded, fl) &&
        !strchr(q->folded, '(')) {
        snprintf(trimmed, sizeof trimmed, "%.*s", (int)fl, q->folded);
        texts[2] = trimmed;
    }
    for (int pass = 0; pass < 3; pass++) {
        if (pass && !strcmp(texts[pass], texts[pass - 1]))
            continue;
        long f = literal_food(ix, texts[pass]);
        if (f >= 0) {
            top[0] = (ranked){(uint32_t)f, 1.0};
            return KMGCA_MATCH_EXACT;
        }
    }
    /* a name written in the plural ("2 bagels"): the table's name in the
     * singular ("Bagel"), not a variety whose words rank higher */
    size_t rl = strlen(from);
    if (rl > 3 && from[rl - 1] == 's' && from[rl - 2] != 's' && !strchr(from, ' ')) {
        char one[64];
        snprintf(one, sizeof one, "%.*s", (int)(rl - 1), from);
        long f = literal_food(ix, one);
        if (f >= 0) {
            top[0] = (ranked){(uint32_t)f, 1.0};
            return KMGCA_MATCH_EXACT;
        }
    }
    /* A name as people write it ("diet coke") may be an alias before the
     * word table rewrites it; then the rewritten words. "porridge oats"
     * has porridge's words (text.c keys porridge as oat, and a word counts
     * once) but is the packet of oats, weighed dry: the table's reading. */
    /* where it went ("milk in my tea", "honey on our toast") names no
     * food with it: no exact hit through those words */
    static const char *const went[] = {" in my ", " on my ", " into my ", " in our ", " on our ",
                                       " in his ", " on his ", " in her ", " on her "};
    int context = 0;
    for (size_t k = 0; k < sizeof went / sizeof *went && !context; k++)
        context = strstr(q->raw, went[k]) != NULL;
    if (strcmp(q->raw, q->folded) != 0 && !oats_dry(q->raw) && !context) {
        char plain[QUERY_WORDS][TEXT_WORD_MAX];
        uint32_t plain_ids[QUERY_WORDS];
        size_t np = text_words(q->raw, plain, NULL, QUERY_WORDS), known = 0;
        for (size_t i = 0; i < np; i++) {
            long id = index_word_id(ix, plain[i]);
            if (id >= 0)
                plain_ids[known++] = (uint32_t)id;
        }
        size_t ph = np ? query_head(q->raw, plain, np) : 0; /* index + 1 */
        long head = ph && known == np ? index_word_id(ix, plain[ph - 1]) : -1;
        long doc = np && known == np ? sig_doc_headed(ix, index_signature(plain_ids, np), head)
                                     : -1;
        if (doc >= 0) {
            top[0] = (ranked){ix->doc_food[doc], 1.0};
            return KMGCA_MATCH_EXACT;
        }
    }
    if (q->all_known && !context) {
        size_t h = query_head(q->folded, q->words, q->nw); /* index + 1 */
        long doc = sig_doc_headed(ix, index_signature(q->sig_ids, q->nw),
                                  h ? q->ids[h - 1] : -1);
        /* a name misspelt ("porrige", "brocolli"): the name, less surely */
        if (doc >= 0) {
            top[0] = (ranked){ix->doc_food[doc], q->corrected ? SPELT_NAME : 1.0};
            return q->corrected ? KMGCA_MATCH_SPELLING : KMGCA_MATCH_EXACT;
        }
    }
    return KMGCA_MATCH_NONE;
}

/* The words out of context ("cappuccino" of "cappuccino after the gym")
 * are a name as written: that food, a little less surely, ahead of foods
 * that merely share the words (the food, or NULL). */
static const kmgca_food *en_context_named(const kmgca_foods *foods, const struct match_index *ix,
                                          const en_query *q, ranked *top, size_t *n, size_t max)
{
    uint32_t core[QUERY_WORDS];
    size_t nc = 0, had_ctx = 0;
    int whole = 1;
    for (size_t i = 0; i < q->nw; i++) {
        /* (words in the writer's brackets qualify as context does: "bagel
         * (Costco size)" is the bagel) */
        if (q->qflags[i] & TEXT_IN_PARENS)
            had_ctx = 1;
        /* (nor need a food hold a word in them that no food holds: "2
         * fried chicken thighs (Church's)") */
        if (q->ctx[i] || ((q->qflags[i] & TEXT_IN_PARENS) && q->ids[i] < 0)) {
            had_ctx = 1;
            continue;
        }
        whole &= q->ids[i] >= 0 && !q->fixed[i];
        if (q->ids[i] >= 0)
            core[nc++] = (uint32_t)q->ids[i];
    }
    /* (under the text's head: "chocolate milk after the ride" is milk, not
     * milk chocolate) */
    size_t h = q->head_at;
    long head = h && h <= q->nw && !q->ctx[h - 1] ? q->ids[h - 1] : -1;
    /* the words as written first ("doubles from the shop" is the doubles,
     * not "double double", whose words key the same) */
    if (had_ctx) {
        char named[sizeof q->folded];
        size_t o = 0;
        int depth = 0;
        for (const char *p = q->folded; *p && o + 1 < sizeof named; p++) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth)
                depth--;
            else if (!depth && !(*p == ' ' && (o == 0 || named[o - 1] == ' ')))
                named[o++] = *p;
        }
        while (o && named[o - 1] == ' ')
            o--;
        named[o] = '\0';
        long f = literal_food(ix, named);
        /* (or as written before folding put words out: "spice bag from the
         * chipper", where "bag" folds away as a measure) */
        const char *open = strchr(q->folded, '(');
        if (f < 0 && open) {
            char word[40], *at;
            snprintf(word, sizeof word, " %.*s ", (int)strcspn(open + 1, " )"), open + 1);
            if ((at = strstr(q->raw, word)) != NULL) {
                snprintf(named, sizeof named, "%.*s", (int)(at - q->raw), q->raw);
                f = literal_food(ix, named);
            }
        }
        if (f >= 0) {
            ranked_offer(foods, top, n, max, (ranked){(uint32_t)f, CONTEXT_NAMED});
            return foods_food(foods, (uint32_t)f);
        }
    }
    long doc = had_ctx && whole && nc ? sig_doc_headed(ix, index_signature(core, nc), head) : -1;
    if (doc < 0)
        return NULL;
    ranked_offer(foods, top, n, max, (ranked){ix->doc_food[doc], CONTEXT_NAMED});
    return foods_food(foods, ix->doc_food[doc]);
}

/* 1 when w is a word of a kind of food a name ends in ("soup", "juice",
 * "sandwich"): the head of the text says which kind it is. */
static int kind_of_food_word(const char *w)
{
    static const char *const kinds[] = {
        "sandwich", "soup",   "salad",  "pie",   "roll",   "wrap",  "burger", "curry",
        "stew",     "pizza",  "pasta",  "cake",  "bread",  "juice", "smoothie", "sushi",
        "toast",    "muffin", "biscuit", "cookie", "bar",  "sub",   "bagel",  "casserole",
        "sandwiches", "rolls", "wraps", "burgers", "biscuits", "cookies", "bars", "muffins"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        if (!strcmp(w, kinds[k]))
            return 1;
    return 0;
}

/* A dish named under words that only qualify it ("red lentil soup",
 * "spicy lentil soup": lentil soup): when the text's last words, two at
 * least and ending in a word of a kind of dish, are a name as written,
 * and the words before them make no other food with the first of them
 * ("sweet potato soup" is no potato soup) nor name an animal or a food of
 * their own, that food,
 * less surely than a whole name (the food, or NULL). */
static const kmgca_food *en_modifier_named(const kmgca_foods *foods, const struct match_index *ix,
                                           const en_query *q, ranked *top, size_t *n, size_t max)
{
    size_t h = q->head_at;
    if (q->nw < 3 || q->nw > 4 || !h || q->ids[h - 1] < 0 || !kind_of_food_word(q->words[h - 1]))
        return NULL;
    /* the words of the text, its context left out */
    size_t at[QUERY_WORDS], nw = 0;
    for (size_t i = 0; i < q->nw; i++)
        if (!q->ctx[i] && !(q->qflags[i] & TEXT_IN_PARENS))
            at[nw++] = i;
    size_t raw_words = 1;   /* (as written: a brand's name may have been folded away) */
    for (const char *p = q->raw; *p; p++)
        raw_words += *p == ' ';
    if (nw < 3 || raw_words > 4 || h - 1 != at[nw - 1])
        return NULL;
    for (size_t k = 1; k + 2 <= nw; k++) {
        uint32_t core[QUERY_WORDS];
        size_t nc = 0;
        int known = 1;
        for (size_t j = k; j < nw && known; j++) {
            size_t i = at[j];
            known = q->ids[i] >= 0 && !q->fixed[i];
            core[nc++] = (uint32_t)q->ids[i];
        }
        if (!known)
            continue;
        long doc = sig_doc_headed(ix, index_signature(core, nc), q->ids[h - 1]);
        if (doc < 0 || (ix->doc_head[doc] && (long)ix->doc_head[doc] != q->ids[h - 1] + 1))
            continue;
        /* the words left out: none an animal, and the last of them no
         * name of another food with the first word kept */
        for (size_t j = 0; j < k; j++) {
            if ((long)at[j] == q->animal)
                return NULL;
            /* (nor a food of its own: "mushroom chicken soup" is no chicken
             * soup, "carrot orange juice" no orange juice) */
            /* (a colour qualifies: "red" alone may be wine, "red lentil
             * soup" is lentil soup) */
            static const char *const colours[] = {"red", "green", "yellow", "brown", "white",
                                                  "black", "golden", "purple", "pink"};
            int colour = 0;
            for (size_t c = 0; c < sizeof colours / sizeof *colours && !colour; c++)
                colour = !strcmp(q->words[at[j]], colours[c]);
            uint32_t one[1] = {(uint32_t)q->ids[at[j]]};
            if (q->ids[at[j]] >= 0 && !q->state_word[at[j]] && !colour &&
                sig_doc_headed(ix, index_signature(one, 1), -1) >= 0)
                return NULL;
        }
        size_t last = at[k - 1], first = at[k];
        /* (a word of how it was made is no part of another name:
         * "grilled chicken caesar salad" is the chicken caesar salad) */
        if (q->ids[last] >= 0 && !q->state_word[last]) {
            uint32_t pair[2] = {(uint32_t)q->ids[last], (uint32_t)q->ids[first]};
            uint32_t one[1] = {(uint32_t)q->ids[first]};
            long pd = sig_doc_headed(ix, index_signature(pair, 2), -1);
            long od = sig_doc_headed(ix, index_signature(one, 1), -1);
            /* (a kind of the word kept, when the word is no name of its
             * own, is no other food: "red lentils" are "Lentils, ...";
             * "red pepper" is not "pepper") */
            const char *d = pd >= 0 ? foods_food(foods, ix->doc_food[pd])->description : "";
            size_t kl = strlen(q->words[first]);
            int kind_of_it = pd >= 0 && !strncasecmp(d, q->words[first], kl) &&
                             (!isalpha((unsigned char)d[kl]) || d[kl] == 's');
            if (pd >= 0 && (od < 0 ? !kind_of_it : ix->doc_food[pd] != ix->doc_food[od]))
                return NULL;
        }
        ranked_offer(foods, top, n, max, (ranked){ix->doc_food[doc], MODIFIER_NAMED});
        return foods_food(foods, ix->doc_food[doc]);
    }
    return NULL;
}

/* Accumulates the words each document shares with the query over the
 * postings (the index's scratch); the documents touched are listed in
 * ix->touched, how many returned. */
static size_t en_accumulate(struct match_index *ix, const en_query *q)
{
    if (++ix->generation == 0) {
        memset(ix->stamp, 0, ix->doc_count * sizeof *ix->stamp);
        memset(ix->food_stamp, 0, ix->food_count * sizeof *ix->food_stamp);
        ix->generation = 1;
    }
    size_t touched = 0;
    for (size_t i = 0; i < q->nw; i++) {
        if (q->ids[i] < 0)
            continue;
        uint32_t w = (uint32_t)q->ids[i];
        float qw = q->qweight[i];
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
            ix->acc_q[doc] += qw;
            uint32_t food = ix->doc_food[doc];
            if (ix->food_stamp[food] != ix->generation) {
                ix->food_stamp[food] = ix->generation;
                ix->food_mask[food] = 0;
            }
            if (i < 32)
                ix->food_mask[food] |= 1u << i;
            if (q->state_word[i] == 1)
                ix->acc_cooked[doc] += qw;
            else if (q->state_word[i] == 2)
                ix->acc_raw[doc] += qw;
            ix->acc_d[doc] += ix->posts[p].weight;
            /* A demoted word the user wrote is no reason to demote. */
            ix->acc_pref[doc] /= ix->word_demote[w];
        }
    }
    return touched;
}

/* The score of a document the query shares words with (accumulated):
 * recall, precision and preference (the top of this file). */
static double en_doc_score(const kmgca_foods *foods, struct match_index *ix, const en_query *q,
                           uint32_t doc)
{
    uint32_t food = ix->doc_food[doc];
    unsigned char eaten = ix->eaten[food];
    double got_q = ix->acc_q[doc];
    /* "Salmon, baked" and "Fish, salmon, cooked, dry heat": a food the
     * tables only call cooked gets most of the credit of the cooking
     * word (roasted soybeans are no boiled ones: another way of cooking
     * gets none). */
    if (q->cooked_q > 0 && (eaten & EATEN_JUST_COOKED) && !(eaten & EATEN_METHOD))
        got_q += 0.8 * (q->cooked_q - ix->acc_cooked[doc]);
    /* "Almonds, raw" and "Nuts, almonds": a food of a group eaten raw
     * that the tables call neither cooked nor canned, dried, smoked... is
     * the raw food (an alias is judged by its food: "tuna" is canned
     * tuna, a tuna sub no food eaten raw). */
    if (q->raw_q > 0 && !(eaten & (EATEN_COOKED | EATEN_PROCESSED)) &&
        (eaten_of(ix, foods_food(foods, food), food) & EATEN_RAW_GROUP))
        got_q += q->raw_q - ix->acc_raw[doc];
    /* "Alpen muesli": the words in two names of the same food (the
     * alias "alpen", the description "Cereal, muesli") name it together,
     * a little less surely than one name holding both. */
    double food_q = 0;
    for (size_t i = 0; i < q->nw && i < 32; i++)
        if (ix->food_mask[food] & (1u << i))
            food_q += q->qweight[i];
    /* only when the names together hold every word the text has that
     * the tables know, and this name alone not most of them */
    int joined = food_q > ix->acc_q[doc] + 1e-9 && food_q >= 0.999 * q->known_q &&
                 ix->acc_q[doc] < 0.7 * q->total_q;
    if (joined)
        got_q += 0.85 * (food_q - ix->acc_q[doc]);
    double recall = q->total_q > 0 ? got_q / q->total_q : 0;
    if (recall > 1)
        recall = 1;
    double precision = ix->doc_total[doc] > 0 ? ix->acc_d[doc] / ix->doc_total[doc] : 0;
    double score = recall * recall * (0.55 + 0.45 * precision) * ix->doc_pref[doc] *
                   ix->acc_pref[doc];
    if (score > 0.999)
        score = 0.999; /* 1 is for an exact hit only */
    if (joined && score > 0.85)
        score = 0.85;  /* names joined: never the top band */
    if (q->corrected)
        score *= 0.9;
    return score;
}

/* The animals whose meat the tables name in their descriptions. */
static const char *const animals[] = {"chicken", "turkey", "beef",    "pork",  "lamb",
                                      "veal",    "duck",   "goose",   "venison", "bison",
                                      "goat",    "salmon", "tuna",    "cod",   "shrimp",
                                      "crab",    "trout",  "haddock"};

/* The query word that names an animal (the first), or -1. */
static int query_animal(const en_query *q)
{
    for (size_t i = 0; i < q->nw; i++)
        for (size_t k = 0; k < sizeof animals / sizeof *animals; k++)
            if (!strcmp(q->words[i], animals[k]))
                return (int)i;
    return -1;
}

/* 1 when a description names an animal other than `named` (and, as the
 * caller knows, not `named` itself). */
static int other_animal(const char *description, const char *named)
{
    char low[256];
    size_t n = 0;
    for (; description[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)description[n]);
    low[n] = '\0';
    for (size_t k = 0; k < sizeof animals / sizeof *animals; k++) {
        if (!strcmp(animals[k], named))
            continue;
        const char *p = strstr(low, animals[k]);
        size_t l = strlen(animals[k]);
        if (p && (p == low || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[l]))
            return 1;
    }
    return 0;
}

/* A document's score lowered where the text leaves out the food's head word
 * or says otherwise of how it was made than the food is. */
static double en_doc_checks(const kmgca_foods *foods, struct match_index *ix, const en_query *q,
                            uint32_t doc, double score)
{
    uint32_t food = ix->doc_food[doc];
    unsigned char eaten = ix->eaten[food];
    if (doc < ix->food_count) {
        const uint32_t *h = index_food_heads(ix, foods_food(foods, food), food);
        int named = h[0] <= 1;
        for (uint32_t k = 1; k < h[0] && !named; k++)
            for (size_t i = 0; i < q->nw && !named; i++)
                named = q->ids[i] >= 0 && (uint32_t)q->ids[i] == h[k];
        if (!named)
            score *= HEAD_MISSING;
    } else if (ix->doc_head[doc]) {
        /* an alias too: "red" is no "red onion" */
        int named = 0;
        for (size_t i = 0; i < q->nw && !named; i++)
            named = q->ids[i] >= 0 && (uint32_t)q->ids[i] + 1 == ix->doc_head[doc];
        if (!named)
            score *= HEAD_MISSING;
    }
    /* the text's own head word, a word of a kind of food the food's names
     * never hold: another kind ("cheese and onion sandwich" is no
     * cheese-flavoured crisps) */
    size_t h = q->head_at;
    if (h && h <= q->nw && kind_of_food_word(q->words[h - 1]) && h <= 32 &&
        q->ids[h - 1] >= 0 && !q->ctx[h - 1] && !(q->qflags[h - 1] & TEXT_IN_PARENS) &&
        !(ix->food_mask[food] & (1u << (h - 1))) &&
        (ix->word_kind[q->ids[h - 1]] & WORD_FORM) == 0 && q->nw > 1) {
        score *= HEAD_UNSAID;
        /* ... reached through a word spelt otherwise: the spelling made
         * another kind of food ("calamansi juice" is no fried calamari),
         * no candidate at all */
        for (size_t i = 0; i < q->nw && i < 32 && score > 0; i++)
            if (q->fixed[i] && (ix->food_mask[food] & (1u << i)))
                score = 0;
    }
    if (q->animal >= 0 && !(q->animal < 32 && (ix->food_mask[food] & (1u << q->animal))) &&
        other_animal(foods_food(foods, food)->description, q->words[q->animal]))
        score *= OTHER_ANIMAL;
    /* a grain as sold ("Oats", "Rice, white, raw": SR28's cereal grains and
     * pasta not said to be cooked) is dry, whatever its name says */
    const char *group = foods_food(foods, food)->group;
    int raw_only = ((eaten & EATEN_RAW) || (group && !strcmp(group, "Cereal Grains and Pasta"))) &&
                   !(eaten & EATEN_COOKED);
    int cooked_only = (eaten & EATEN_COOKED) && !(eaten & EATEN_RAW);
    if (!q->said && raw_only && (eaten_of(ix, foods_food(foods, food), food) & EATEN_COOKED_FOOD))
        score *= RAW_UNSAID;
    else if (q->cooked_q > 0 && raw_only)
        score *= RAW_WHEN_COOKED;    /* "grilled shrimp" is not raw shrimp */
    else if (q->says_raw && !q->cooked_q && cooked_only)
        score *= RAW_WHEN_COOKED;
    return score;
}

/* The words of Latin letters in a text that holds Chinese (a word of three
 * letters at least among them), joined by spaces in out; 1 when any. */
static int latin_words(const char *text, char *out, size_t size)
{
    size_t o = 0, longest = 0, n;
    for (const char *p = text; (p = text_next_latin_word(p, &n)) != NULL;) {
        if (o + n + 2 > size)
            break;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, p, n);
        o += n;
        longest = n > longest ? n : longest;
        p += n;
    }
    out[o] = '\0';
    return longest >= 3;
}

static size_t rank(const kmgca_foods *foods, struct match_index *ix, const char *text,
                   ranked *top, size_t max, kmgca_match_method *method);

/* Ranks foods for text; sets *method. Caller holds the lock. */
static size_t rank(const kmgca_foods *foods, struct match_index *ix, const char *text,
                   ranked *top, size_t max, kmgca_match_method *method)
{
    *method = KMGCA_MATCH_NONE;
    if (text_has_cjk(text)) {
        if (index_need(ix, foods, 1) != 0)
            return 0;
        int by_sound;
        size_t n = rank_chinese(foods, ix, text, top, max, &by_sound);
        /* a Chinese line that names its food in English ("Ensure 香草味",
         * "營養奶(Ensure)"): the English words, when they name it surely */
        char latin[256];
        if ((!n || top[0].score < 0.6) && latin_words(text, latin, sizeof latin)) {
            ranked other[1 + KMGCA_MAX_CANDIDATES];
            kmgca_match_method om;
            size_t on = rank(foods, ix, latin, other, max < 1 + KMGCA_MAX_CANDIDATES
                                                          ? max : 1 + KMGCA_MAX_CANDIDATES, &om);
            if (on && other[0].score >= 0.9 && (!n || other[0].score > top[0].score)) {
                memcpy(top, other, on * sizeof *top);
                *method = om;
                return on;
            }
        }
        if (n) {
            /* a character of the same sound written for the name's is a
             * misspelling of it */
            *method = by_sound ? KMGCA_MATCH_SPELLING : KMGCA_MATCH_CHINESE;
            return n;
        }
    }
    if (index_need(ix, foods, 0) != 0)
        return 0;
    en_query q;
    if (!en_query_read(&q, text))
        return 0;
    en_query_weigh(ix, &q);
    en_query_states(&q);
    q.animal = query_animal(&q);
    *method = en_exact(ix, &q, top);
    size_t n = *method != KMGCA_MATCH_NONE ? 1 : 0;
    const kmgca_food *named = n ? NULL : en_context_named(foods, ix, &q, top, &n, max);
    if (!n)
        en_modifier_named(foods, ix, &q, top, &n, max);
    size_t touched = en_accumulate(ix, &q);
    for (size_t t = 0; t < touched; t++) {
        uint32_t doc = ix->touched[t];
        uint32_t food = ix->doc_food[doc];
        double score = en_doc_score(foods, ix, &q, doc);
        /* The checks below only lower a score: a food that cannot enter
         * the list anyway is not looked at more closely. */
        if (n == max && !ranked_better(foods, &(ranked){food, score}, &top[max - 1]))
            continue;
        score = en_doc_checks(foods, ix, &q, doc, score);
        if (*method == KMGCA_MATCH_EXACT && food == top[0].food)
            continue;
        if (*method == KMGCA_MATCH_SPELLING && food == top[0].food) {
            if (score > top[0].score)
                top[0].score = score;   /* the words say it as surely */
            continue;
        }
        if (!(score > 0))
            continue;       /* the checks ruled it out: no candidate at all */
        if (*method == KMGCA_MATCH_EXACT && score >= 1.0)
            score = 0.999;  /* runner-ups rank below the exact hit */
        if (named && foods_food(foods, food) != named && score >= CONTEXT_NAMED)
            score = CONTEXT_NAMED - 0.001;   /* ... and below the name as written */
        ranked_offer(foods, top, &n, max, (ranked){food, score});
    }
    if (*method == KMGCA_MATCH_NONE && n)
        *method = q.corrected ? KMGCA_MATCH_SPELLING : KMGCA_MATCH_WORDS;
    return n;
}

static void match_derived_free(kmgca_foods *foods);

static struct match_index *ensure_index(kmgca_foods *foods)
{
    if (!foods->index) {
        foods->index = index_build(foods);
        foods->derived_free = match_derived_free;
    }
    return foods->index;
}

/* 1 when text reads as the name of a food kmgca does not know: two to four
 * words, each a word of the foods' names or of no everyday English, one at
 * least of no English and four letters long ("Chalupa Supreme", "Xyzzy
 * Platter"); not a person or a shop alone ("Priya", "Ocado"), nor chatter
 * ("Hi Claire", "Per the log you asked for": everyday words that name no
 * food). */
int match_unknown_name(kmgca_foods *foods, const char *text)
{
    struct match_index *ix = ensure_index(foods);
    if (!ix)
        return 0;
    int words = 0, strange = 0;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p)) {
            if ((unsigned char)*p >= 0x80)
                return 0;
            p++;
        }
        size_t n = 0;
        while (isalpha((unsigned char)p[n]) || p[n] == '\'')
            n++;
        if (!n)
            break;
        if (++words > 4 || n >= TEXT_WORD_MAX)
            return 0;
        char w[TEXT_WORD_MAX];
        size_t wl = 0;
        for (size_t i = 0; i < n; i++)
            if (p[i] != '\'')
                w[wl++] = (char)tolower((unsigned char)p[i]);
        w[wl] = '\0';
        text_word_key(w);
        /* (a greeting starts a message to someone: "Hi Claire") */
        static const char *const greetings[] = {"hi", "hello", "hey", "dear", "morning",
                                                "evening", "afternoon", "thanks", "thank"};
        for (size_t g = 0; words == 1 && g < sizeof greetings / sizeof *greetings; g++)
            if (!strcmp(w, greetings[g]))
                return 0;
        /* (nor a day or a month, names the English list leaves out) */
        static const char *const days[] = {
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december"};
        for (size_t g = 0; g < sizeof days / sizeof *days; g++)
            if (!strncmp(w, days[g], strlen(days[g])))
                return 0;
        int english = w[0] && english_word(w);
        if (english && index_word_id(ix, w) < 0)
            return 0;   /* an everyday word that names no food */
        /* (a short word is no name: "Mr D", "ran", "oh") */
        strange += !english && wl >= 4;
        p += n;
    }
    /* (two words at least: one word before a comma is as often a person or
     * a shop, "Priya, beans on toast", "Ocado, bananas") */
    return strange > 0 && words >= 2;
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

static void match_memo_free(struct match_memo *m)
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

static void match_derived_free(kmgca_foods *foods)
{
    match_index_free(foods->index);
    foods->index = NULL;
    match_memo_free(foods->memo);
    foods->memo = NULL;
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

/* text without its word "cooked" (and a comma left before it) in out:
 * 1 when it had one and more besides, else 0. */
static int without_cooked(const char *text, char *out, size_t size)
{
    const char *p = text;
    size_t len = strlen(text);
    if (len + 1 > size || text_has_cjk(text))
        return 0;
    for (; (p = strstr(p, "cooked")) != NULL; p += 6) {
        size_t at = (size_t)(p - text);
        if ((at && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[6]))
            continue;
        size_t from = at, to = at + 6;
        while (from && (text[from - 1] == ' ' || text[from - 1] == ','))
            from--;
        if (!from)   /* "cooked spinach": the word leads */
            while (text[to] == ' ' || text[to] == ',')
                to++;
        memcpy(out, text, from);
        snprintf(out + from, size - from, "%s%s", from && text[to] ? " " : "", text + to);
        for (const char *c = out; *c; c++)
            if (isalpha((unsigned char)*c))
                return 1;
        return 0;
    }
    return 0;
}

/* The ranking both kmgca_foods_match and kmgca_foods_search give: rank(),
 * then, for a weak answer, the text read without its word "cooked" (see
 * without_cooked). max is at most 50. */
static size_t rank_read(kmgca_foods *foods, struct match_index *ix, const char *text,
                        ranked *top, size_t max, kmgca_match_method *method)
{
    size_t n = rank(foods, ix, text, top, max, method);
    /* "sweet potato, cooked", "steak, cooked": the word "cooked" beside a
     * name whose food is cooked already says nothing more (it made the
     * candied sweet potato, a tuna steak) */
    char plain[1024];
    if ((!n || top[0].score < 0.95) && without_cooked(text, plain, sizeof plain)) {
        ranked other[50];
        kmgca_match_method om;
        size_t on = rank(foods, ix, plain, other, max, &om);
        if (on && (!n || other[0].score > top[0].score) &&
            eaten_cooked_food(foods_food(foods, other[0].food))) {
            memcpy(top, other, on * sizeof *top);
            n = on;
            /* read without a word of the text: never the top band's
             * certainty of a whole name */
            *method = om == KMGCA_MATCH_EXACT ? KMGCA_MATCH_WORDS : om;
            if (top[0].score > 0.9)
                top[0].score = 0.9;
            /* best first still, after the cap */
            for (size_t i = 1; i < n && top[i].score > top[0].score; i++)
                top[i].score = top[0].score;
        }
    }
    return n;
}

static kmgca_status match_uncached(kmgca_foods *foods, struct match_index *ix,
                                   const char *text, kmgca_match *out, kmgca_error *err)
{
    ranked top[1 + KMGCA_MAX_CANDIDATES];
    kmgca_match_method method;
    size_t n = rank_read(foods, ix, text, top, 1 + KMGCA_MAX_CANDIDATES, &method);
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
    uint64_t h = index_hash_str(text);
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
    size_t n = ix ? rank_read(foods, ix, text, top, max, &method) : 0;
    pthread_mutex_unlock(&foods->lock);
    for (size_t i = 0; i < n; i++) {
        found[i] = foods_food(foods, top[i].food);
        if (confidence)
            confidence[i] = top[i].score;
    }
    return n;
}

