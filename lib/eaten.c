/* eaten.c — the food as eaten (foodtables/as_eaten.csv).
 *
 * What the table says of words and foods: which query words say a food was
 * raw, cooked or kept some way (eaten_state), and whether a food is one
 * people eat cooked or of a group eaten raw (eaten_of, worked out the first
 * time a food is asked and kept in the index), and whether a food's name
 * says it is cooked (eaten_cooked_food). The raw and cooked bits of
 * the table names themselves come from the index's postings (index.c).
 */
#include "match.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int as_eaten_has(char kind, const char *name)
{
    for (size_t i = 0; i < kmgca_builtin_as_eaten_count; i++)
        if (kmgca_builtin_as_eaten[i].kind == kind &&
            strcmp(kmgca_builtin_as_eaten[i].name, name) == 0)
            return 1;
    return 0;
}

/* What a query word says of how the food was made: STATE_* bits (raw,
 * cooked, or how it was kept), from one pass over the table. */
unsigned eaten_state(const char *key)
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
unsigned char eaten_of(struct match_index *ix, const struct kmgca_food *f, uint32_t i)
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

/* 1 when a food's description says it is cooked, in some way: a whole
 * word ("uncooked" is not), not dried or dry-roasted (prunes, peanuts). */
int eaten_cooked_food(const struct kmgca_food *f)
{
    static const char *const made[] = {"cooked", "roasted", "baked", "boiled", "grilled",
                                       "broiled", "braised", "stewed", "steamed", "poached"};
    const char *d = f->description;
    if (strstr(d, "uncooked") || strstr(d, "dry roasted") || strstr(d, "dry-roasted") ||
        strstr(d, "dried") || strstr(d, "raw"))
        return 0;
    for (size_t k = 0; k < sizeof made / sizeof *made; k++) {
        size_t n = strlen(made[k]);
        for (const char *p = strstr(d, made[k]); p; p = strstr(p + 1, made[k]))
            if ((p == d || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[n]))
                return 1;
    }
    return 0;
}
