/* kinds.c — the kind of a food from its group and description, by the
 * rules of foodtables/kinds.csv. Apart from the tables so that
 * tools/embedtables can give every built-in food its kind at build time. */
#define _GNU_SOURCE /* memmem */
#include "internal.h"

#include <string.h>
#include <strings.h>

#define KIND_WORDS 48

/* 1 when every space-separated word of alt[0..len) is among words[]. */
static int all_words_in(const char *alt, size_t len, char words[][TEXT_WORD_MAX], size_t n)
{
    const char *end = alt + len;
    while (alt < end) {
        while (alt < end && *alt == ' ')
            alt++;
        const char *w = alt;
        while (alt < end && *alt != ' ')
            alt++;
        size_t wl = (size_t)(alt - w);
        if (!wl)
            continue;
        int found = 0;
        /* A Chinese word is found inside a word: Chinese runs are not
         * split into words (白饭 holds 饭). */
        int cjk = (unsigned char)w[0] >= 0x80;
        for (size_t i = 0; i < n && !found; i++)
            found = cjk ? memmem(words[i], strlen(words[i]), w, wl) != NULL
                        : strlen(words[i]) == wl && memcmp(words[i], w, wl) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

/* 1 when one "|"-separated alternative of `field` fits (an empty field
 * always fits). */
static int any_alternative(const char *field, char words[][TEXT_WORD_MAX], size_t n)
{
    if (!field[0])
        return 1;
    for (const char *p = field;;) {
        size_t len = strcspn(p, "|");
        if (len && all_words_in(p, len, words, n))
            return 1;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

static int group_fits(const char *groups, const char *group)
{
    if (!groups[0])
        return 1;
    size_t gl = strlen(group);
    for (const char *p = groups;;) {
        size_t len = strcspn(p, "|");
        if (len == gl && strncasecmp(p, group, len) == 0)
            return 1;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

unsigned char kind_from_rules(const struct kmgca_kind_rule *rules, size_t n,
                              const char *description, const char *group)
{
    char folded[1024], head_text[512];
    char words[KIND_WORDS][TEXT_WORD_MAX], head[KIND_WORDS][TEXT_WORD_MAX];
    text_fold(description, folded, sizeof folded);
    size_t nw = text_words(folded, words, NULL, KIND_WORDS);
    size_t hl = strcspn(description, ",");
    copy_text(head_text, hl + 1 < sizeof head_text ? hl + 1 : sizeof head_text, description);
    text_fold(head_text, folded, sizeof folded);
    size_t nh = text_words(folded, head, NULL, KIND_WORDS);
    for (size_t r = 0; r < n; r++) {
        const struct kmgca_kind_rule *k = &rules[r];
        if (group ? !group_fits(k->groups, group) : !k->head[0] && !k->words[0])
            continue;
        if (!any_alternative(k->head, head, nh) || !any_alternative(k->words, words, nw))
            continue;
        if (k->except[0]) {
            /* Any one word of the list rules the food out. */
            int out = 0;
            for (const char *p = k->except; *p && !out;) {
                size_t len = strcspn(p, " ");
                if (len && all_words_in(p, len, words, nw))
                    out = 1;
                p += len + (p[len] ? 1 : 0);
            }
            if (out)
                continue;
        }
        return k->kind;
    }
    return 0;
}

