/* household.c — kinds of food, household words and what a container holds.
 *
 * The data are foodtables/kinds.csv, measure_words.csv and containers.csv
 * (see foodtables/PROVENANCE.md), compiled in by tools/embedtables; this
 * file only looks them up. Rule words arrive folded and keyed (text.c), so
 * comparing them is comparing strings.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Kinds (the rules themselves: kinds.c) ---------------------------- */

int kind_find(const char *name)
{
    for (size_t i = 0; i < kmgca_builtin_kind_count; i++)
        if (strcmp(kmgca_builtin_kinds[i], name) == 0)
            return (int)i;
    return -1;
}

const char *kmgca_food_kind(const kmgca_food *food)
{
    if (!food || food->kind >= kmgca_builtin_kind_count)
        return "other";
    return kmgca_builtin_kinds[food->kind];
}

/* ---- Household words ---------------------------------------------------- */

static int cmp_measure_word(const void *key, const void *item)
{
    const struct kmgca_measure_word *m = item;
    return strcmp(key, m->word);
}

static const struct kmgca_measure_word *word_exact(const char *s, size_t len)
{
    char key[64];
    if (len == 0 || len >= sizeof key)
        return NULL;
    memcpy(key, s, len);
    key[len] = '\0';
    return bsearch(key, kmgca_builtin_measure_words, kmgca_builtin_measure_word_count,
                   sizeof kmgca_builtin_measure_words[0], cmp_measure_word);
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

const struct kmgca_measure_word *measure_word_at(const char *s, size_t *len)
{
    if ((unsigned char)s[0] >= 0x80) {
        /* Chinese: two characters ("汤勺"), then one. */
        size_t l1, l2;
        long c1 = utf8_decode(s, &l1);
        if (c1 <= 0 || !is_cjk((unsigned long)c1))
            return NULL;
        long c2 = utf8_decode(s + l1, &l2);
        const struct kmgca_measure_word *m = NULL;
        if (c2 > 0 && is_cjk((unsigned long)c2) && (m = word_exact(s, l1 + l2)) != NULL) {
            *len = l1 + l2;
            return m;
        }
        if ((m = word_exact(s, l1)) != NULL)
            *len = l1;
        return m;
    }
    if (!is_word_byte((unsigned char)s[0]))
        return NULL;
    /* English: up to three words, the longest that is listed. */
    size_t ends[3], n = 0, i = 0;
    while (n < 3) {
        while (is_word_byte((unsigned char)s[i]))
            i++;
        ends[n++] = i;
        if (s[i] != ' ' || !is_word_byte((unsigned char)s[i + 1]))
            break;
        i++;
    }
    while (n-- > 0) {
        const struct kmgca_measure_word *m = word_exact(s, ends[n]);
        if (m) {
            *len = ends[n];
            return m;
        }
    }
    return NULL;
}

/* ---- Containers --------------------------------------------------------- */

const struct kmgca_container *container_find(const char *word, const char *concept,
                                             unsigned char kind, const char *size, int need_amount)
{
    const struct kmgca_container *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < kmgca_builtin_container_count; i++) {
        const struct kmgca_container *c = &kmgca_builtin_containers[i];
        if (need_amount && isnan(c->amount))
            continue;
        int by_word = word && word[0] && strcmp(c->concept, word) == 0;
        if (!by_word && !(concept && concept[0] && strcmp(c->concept, concept) == 0))
            continue;
        if (c->kind && c->kind != kind)
            continue;
        if (c->size[0] && !(size && strcmp(c->size, size) == 0))
            continue;
        /* Kind first, then the word as written, then the size. */
        int score = 1 + (c->kind ? 8 : 0) + (by_word ? 4 : 0) + (c->size[0] ? 2 : 0);
        if (score > best_score) {
            best = c;
            best_score = score;
        }
    }
    return best;
}

/* ---- Names with portions of their own ------------------------------------ */

int name_portion_find(const char *food_text, char *out, size_t size)
{
    if (!food_text || !food_text[0] || size == 0)
        return 0;
    int cjk = text_has_cjk(food_text);
    char folded[512], words[24][TEXT_WORD_MAX];
    size_t nw = 0;
    text_fold(food_text, folded, sizeof folded);
    int words_done = 0;
    const char *best = NULL;
    size_t best_len = 0;
    const char *prev = NULL;
    for (size_t i = 0; i < kmgca_builtin_name_portion_count; i++) {
        const char *name = kmgca_builtin_name_portions[i].name;
        if (prev && !strcmp(prev, name))
            continue;
        prev = name;
        size_t len = strlen(name);
        if (len <= best_len)
            continue;
        if ((unsigned char)name[0] >= 0x80) {
            if (cjk && strstr(folded, name))
                best = name, best_len = len;
            continue;
        }
        if (!words_done) {
            nw = text_words(folded, words, NULL, 24);
            words_done = 1;
        }
        /* every word of the name among the text's words */
        int all = 1;
        for (const char *p = name; *p && all;) {
            size_t wl = strcspn(p, " ");
            int found = 0;
            for (size_t k = 0; k < nw && !found; k++)
                found = strlen(words[k]) == wl && !memcmp(words[k], p, wl);
            all = found;
            p += wl + (p[wl] ? 1 : 0);
        }
        if (all)
            best = name, best_len = len;
    }
    if (!best)
        return 0;
    copy_text(out, size, best);
    return 1;
}

static const struct kmgca_name_portion *name_row_exact(const char *name, const char *word,
                                                       const char *concept)
{
    const struct kmgca_name_portion *by_concept = NULL;
    for (size_t i = 0; i < kmgca_builtin_name_portion_count; i++) {
        const struct kmgca_name_portion *r = &kmgca_builtin_name_portions[i];
        if (strcmp(r->name, name) != 0)
            continue;
        if (word && word[0] && !strcmp(r->concept, word))
            return r;
        if (concept && !strcmp(r->concept, concept))
            by_concept = r;
    }
    return by_concept;
}

const struct kmgca_name_portion *name_portion_row(const char *name, const char *word,
                                                  const char *concept)
{
    const struct kmgca_name_portion *r = name_row_exact(name, word, concept);
    /* A stick (根, 条) of a thing counted by the item, and the reverse. */
    if (!r && concept && !strcmp(concept, "stick"))
        r = name_row_exact(name, NULL, "item");
    if (!r && concept && !strcmp(concept, "item"))
        r = name_row_exact(name, NULL, "stick");
    return r;
}
