/* query.c — an English query's words before they are scored.
 *
 * People's words to the tables' (foodtables/words_en.csv; word_rewrite_find
 * serves household.c too), the words of context ("around 3pm", "from the
 * deli") put in brackets, where they qualify rather than name, and the
 * query's head word.
 */
#include "match.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

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
void query_rewrite_words(const char *in, char *out, size_t size)
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
            /* ("w/" is with inside a phrase too: "w/ full cream milk") */
            if (!strcmp(tok[n].key, "w"))
                strcpy(tok[n].key, "with");
        } else {
            tok[n].key[0] = '\0';
        }
        n++;
        i += len;
    }
    size_t o = 0, pos = 0;
    int dropped = 0;   /* words dropped: 1 a brand's, 2 others' */
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
        /* A brand yields to the food the text names after it: "Silk
         * Unsweetened Almondmilk" is almond milk, "Horizon whole milk" the
         * milk written (the last word of the brand's food ends a later
         * word) */
        if (hit && hit->brand) {
            const char *last = strrchr(hit->means, ' ');
            last = last ? last + 1 : hit->means;
            size_t ll = strlen(last);
            for (size_t t = i + k; t < n && ll; t++) {
                size_t tl = strlen(tok[t].key);
                if (tl >= ll && !strcmp(tok[t].key + tl - ll, last)) {
                    static const struct kmgca_word_rewrite none = {"", "", 0};
                    hit = &none;
                    break;
                }
            }
        }
        EMIT(in + pos, tok[i].start - pos);
        if (hit && !hit->means[0])
            dropped |= hit->brand ? 1 : 2;
        if (hit) {
            EMIT(hit->means, strlen(hit->means));
            pos = tok[i + k - 1].start + tok[i + k - 1].len;
            i += k;
        } else if (!strcmp(tok[i].key, "with")) {
            EMIT("with", 4);   /* (the "w/" keyed as with) */
            pos = tok[i].start + tok[i].len;
            i++;
        } else {
            EMIT(in + tok[i].start, tok[i].len);
            pos = tok[i].start + tok[i].len;
            i++;
        }
    }
    EMIT(in + pos, strlen(in + pos));
#undef EMIT
    out[o] = '\0';
    /* a brand alone names its food as the aliases say ("maggi": its
     * noodles), not nothing: the words as written (not chatter alone,
     * "takeaway") */
    size_t k = 0;
    while (out[k] && strchr(" ,.-", out[k]))
        k++;
    if (!out[k] && dropped == 1 && strlen(in) < size)
        memcpy(out, in, strlen(in) + 1);
}

/* "Ham on rye", "turkey on wheat", "egg mayo on a roll": a filling on a
 * bread is a sandwich of it, not the filling alone ("beans on toast" and
 * "cheese on toast" are dishes of their own, found whole). The text is
 * rewritten "ham sandwich" when the bread ends it or a clause: which bread
 * changes the minerals of a sandwich little, and no table says it. */
void query_on_bread(char *text, size_t size)
{
    static const char *const breads[] = {
        "rye", "white", "brown", "wholemeal", "wholewheat", "whole wheat", "wheat", "sourdough",
        "granary", "multigrain", "multi grain", "pumpernickel", "ciabatta", "focaccia", "a roll",
        "a bun", "a bap", "a baguette", "a sub", "a hoagie", "a kaiser", "a hero", "a hoagie roll",
        "a sub roll", "a bread roll", "bread", "white bread", "brown bread", "rye bread",
        "wholemeal bread", "wheat bread", "sourdough bread", "granary bread", "a wrap"};
    char *on = strstr(text, " on ");
    if (!on || on == text)
        return;
    const char *bread = on + 4;
    size_t best = 0;
    for (size_t k = 0; k < sizeof breads / sizeof *breads; k++) {
        size_t bl = strlen(breads[k]);
        if (bl > best && !strncmp(bread, breads[k], bl) &&
            (bread[bl] == '\0' || bread[bl] == ',' || bread[bl] == '(' ||
             (bread[bl] == ' ' && (bread[bl + 1] == '(' || bread[bl + 1] == ',')) ||
             !strncmp(bread + bl, " with ", 6) || !strncmp(bread + bl, " for ", 5) ||
             !strncmp(bread + bl, " at ", 4) || !strncmp(bread + bl, " from ", 6)))
            best = bl;
    }
    if (!best)
        return;
    /* A spread on bread is bread and its spread, not a sandwich of it. */
    static const char *const spreads[] = {
        "butter", "margarine", "marg", "spread", "oil", "olive oil", "ghee", "dripping", "lard",
        "honey", "jam", "nutella", "hummus", "houmous", "cream cheese", "marmite", "vegemite",
        "peanut butter", "pb", "marmalade", "syrup", "treacle", "lemon curd"};
    for (size_t k = 0; k < sizeof spreads / sizeof *spreads; k++)
        if ((size_t)(on - text) == strlen(spreads[k]) && !strncmp(text, spreads[k], on - text))
            return;
    /* Already a dish of bread: "a sandwich on rye", "toast on white". */
    static const char *const dishes[] = {"sandwich", "toast", "sub", "roll", "bagel", "wrap",
                                         "burger", "bun", "butty", "panini", "melt", "hoagie"};
    int dish = 0;
    for (size_t k = 0; k < sizeof dishes / sizeof *dishes && !dish; k++) {
        const char *d = text;
        size_t dl = strlen(dishes[k]);
        while (!dish && (d = strstr(d, dishes[k])) != NULL && d < on) {
            dish = (d == text || d[-1] == ' ') && !isalpha((unsigned char)d[dl]) &&
                   (d[dl] != 's' || !isalpha((unsigned char)d[dl + 1]));
            d += dl;
        }
    }
    /* (of a dish of bread already, the bread is its own: "burger on a
     * bun" was the bun; a table's description, commas in it, stays whole:
     * "..., on wheat bread") */
    if (dish && strchr(text, ','))
        return;
    char out[1024];
    int n = snprintf(out, sizeof out, "%.*s%s%s", (int)(on - text), text,
                     dish ? "" : " sandwich", bread + best);
    if (n > 0 && (size_t)n < size && (size_t)n < sizeof out)
        memcpy(text, out, (size_t)n + 1);
}

/* 1 when the word at next (up to a space, comma or bracket) is one of words */
static int word_at_among(const char *next, const char *const *words, size_t n)
{
    size_t nl = strcspn(next, " ,()");
    for (size_t k = 0; k < n; k++)
        if (nl == strlen(words[k]) && !memcmp(next, words[k], nl))
            return 1;
    return 0;
}

/* "From frozen", "from concentrate": how the food was made, no context. */
static int made_from(const char *word, const char *next)
{
    static const char *const made[] = {"frozen", "fresh", "concentrate", "scratch", "dry",
                                       "dried", "canned", "raw", "mix", "powder"};
    return !strcmp(word, "from") && word_at_among(next, made, sizeof made / sizeof *made);
}

/* 1 when the word before text[at] is one of words */
static int word_before_among(const char *text, size_t at, const char *const *words, size_t n)
{
    size_t end = at;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    size_t start = end;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != ',')
        start--;
    for (size_t k = 0; k < n; k++)
        if (end - start == strlen(words[k]) && memcmp(text + start, words[k], end - start) == 0)
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
    return word_before_among(text, at, ways, sizeof ways / sizeof *ways);
}

/* "In my tea", "on our toast": where a food went, not what it is ("tuna in
 * oil" and "beans on toast" say what it is, and stay). */
static int in_mine(const char *word, size_t wl)
{
    if (!((wl == 2 && (!memcmp(word, "in", 2) || !memcmp(word, "on", 2))) ||
          (wl == 4 && !memcmp(word, "into", 4))))
        return 0;
    const char *next = word + wl;
    while (*next == ' ')
        next++;
    size_t nl = strcspn(next, " ,()");
    return (nl == 2 && !memcmp(next, "my", 2)) || (nl == 3 && !memcmp(next, "our", 3)) ||
           (nl == 3 && !memcmp(next, "his", 3)) || (nl == 3 && !memcmp(next, "her", 3));
}

/* "butter on 2 slices of toast", "jam on a crumpet": an amount of what a
 * food is served on makes a dish with it, not a place ("honey on porridge"
 * is where the honey went; "beans on toast" is found whole first) */
static int on_a_base(const char *word, const char *next)
{
    static const char *const bases[] = {"a", "an", "two", "one", "three", "half"};
    if (strcmp(word, "on") != 0 && strcmp(word, "onto") != 0)
        return 0;
    return isdigit((unsigned char)*next) ||
           word_at_among(next, bases, sizeof bases / sizeof *bases);
}

/* "scrambled in butter", "fried in olive oil": the fat it was cooked in,
 * how it was made ("tuna in oil" says what it is, and stays). The word
 * "in" is at text[at]. */
static int cooked_in(const char *text, size_t at)
{
    static const char *const cooking[] = {"scrambled", "fried",   "cooked", "sauteed", "roasted",
                                          "done",      "browned", "tossed", "softened", "poached"};
    static const char *const fats[] = {"butter", "oil", "olive", "ghee", "lard", "margarine",
                                       "coconut", "marg", "spray", "dripping", "vegetable",
                                       "canola", "sunflower", "rapeseed"};
    if (strncmp(text + at, "in ", 3) != 0)
        return 0;
    const char *next = text + at + 3;
    while (*next == ' ')
        next++;
    if (!strncmp(next, "a little ", 9))
        next += 9;
    else if (!strncmp(next, "a bit of ", 9))
        next += 9;
    else if (!strncmp(next, "some ", 5))
        next += 5;
    size_t nl = strcspn(next, " ,()");
    int fat = 0;
    for (size_t k = 0; k < sizeof fats / sizeof *fats && !fat; k++)
        fat = nl == strlen(fats[k]) && !memcmp(next, fats[k], nl);
    if (!fat)
        return 0;
    /* "scrambled in butter"; "eggs in butter": after the food, no verb */
    static const char *const eggs[] = {"eggs", "egg"};
    return word_before_among(text, at, cooking, sizeof cooking / sizeof *cooking) ||
           word_before_among(text, at, eggs, 2);
}

/* "To the office", "to work", "coffee to go": where the food went with
 * the eater ("ready to eat" stays a food's words). */
static int to_a_place(const char *word, size_t wl)
{
    static const char *const places[] = {"the", "work", "school", "church", "bed", "go",
                                         "my", "our", "a", "bingo", "class", "training"};
    return wl == 2 && !memcmp(word, "to", 2) && word[2] == ' ' &&
           word_at_among(word + 3, places, sizeof places / sizeof *places);
}

/* Words that say when, where or why a food was eaten, not what it is:
 * "almonds around 3pm", "a bagel from the deli", "lentils for magnesium".
 * From such a word (not the first) to the next comma, the text is put in
 * brackets, where words qualify rather than name (a quarter of the weight). */
void query_bracket_context(char *text, size_t size)
{
    static const char *const context[] = {"around", "at", "for", "from", "after", "before",
                                          "during", "while", "about", "with", "w", "plus",
                                          "watching", "over", "on", "onto"};
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
            int ctx = in_mine(text + i, wl) || cooked_in(text, i) || to_a_place(text + i, wl);
            /* (not a word of a name before a verb: "ensure plus drank about
             * 3/4" is Ensure Plus) */
            static const char *const verbs[] = {"drank ", "ate ", "had ", "drunk ", "eaten ",
                                                "only ", "finished "};
            int verb_after = 0;
            for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !verb_after; k++)
                verb_after = text[i + wl] == ' ' &&
                             !strncmp(text + i + wl + 1, verbs[k], strlen(verbs[k]));
            for (size_t k = 0; k < sizeof context / sizeof *context && !ctx && !verb_after; k++)
                ctx = wl == strlen(context[k]) && memcmp(text + i, context[k], wl) == 0 &&
                      text[i + wl] == ' ' && !made_from(context[k], text + i + wl + 1) &&
                      !made_with(context[k], text, i) && !on_a_base(context[k], text + i + wl + 1);
            if (ctx) {
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


/* The head of an English query: the last word of its first part before a
 * preposition ("almonds around 3pm", "naan with it", "salmon, baked"), not
 * a word of state; its index in words + 1, 0 when none. folded is the
 * query as query_bracket_context left it, words its nw words. */
size_t query_head(const char *folded, char words[][TEXT_WORD_MAX], size_t nw)
{
    size_t head_at = 0;
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
                                       "after", "before", "in", "on", "during", "while",
                                       "watching", "over"};
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
    /* (a word of state that is the name's noun stays its head: "lentil
     * soup", "apple juice", "rice flour") */
    static const char *const nouns[] = {"soup", "salad", "juice", "flour", "powder"};
    for (int noun = 0; hn > 0 && !noun && eaten_state(hw[hn - 1]);) {
        for (size_t k = 0; k < sizeof nouns / sizeof *nouns && !noun; k++)
            noun = !strcmp(hw[hn - 1], nouns[k]);
        if (!noun)
            hn--;
    }
    for (size_t i = 0; hn > 0 && i < nw && !head_at; i++)
        if (strcmp(words[i], hw[hn - 1]) == 0)
            head_at = i + 1;
    return head_at;
}
