/* weigh_memo.c — the weighings a diary repeats, by food and serving text.
 *
 * Diaries write "1 cup" of milk and "1 medium" banana again and again, and
 * weighing a household measure or a volume reads the food's measures each
 * time (tens of thousands of instructions a row). kmgca_weigh is a function
 * of the food set and the two texts, so while one file is read (the food
 * set cannot change then) its answer for the same texts is the same. Kept:
 * the weighings that found a food and a weight, of anything but a mass
 * ("250 g" is weighed at once, and its amounts rarely repeat); the rest go
 * to review, where the error's words are needed, and are not kept.
 *
 * A table of fixed size, two ways a slot, made on the first weighing kept
 * and freed with the file's read: memory stays bounded whatever the rows.
 */
#include "internal.h"
#include "weigh_memo.h"

#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS 1024       /* a power of two */
#define MEMO_FOOD 96          /* bytes of a food text kept, with its NUL */
#define MEMO_SERVING 48       /* bytes of a serving text kept, with its NUL */

typedef struct {
    char food[MEMO_FOOD];     /* "" when the slot is empty */
    char serving[MEMO_SERVING];
    const kmgca_food *matched;
    double confidence, grams;
    kmgca_match_method method;
    int serving_assumed, serving_from_food;
    char how[sizeof ((kmgca_weighing *)0)->how];
} memo_slot;

struct weigh_memo {
    memo_slot slot[MEMO_SLOTS];
};

void weigh_memo_free(weigh_memo *m)
{
    free(m);
}

/* The first of the two slots the texts may stand in. */
static memo_slot *slots_of(weigh_memo *m, const char *food, const char *serving)
{
    uint64_t h = text_hash_quick(food, strlen(food)) * 31 ^
                 text_hash_quick(serving, strlen(serving));
    return &m->slot[h & (MEMO_SLOTS - 2)];
}

int weigh_memo_find(weigh_memo *m, const char *food, const char *serving, kmgca_weighing *w)
{
    if (!m)
        return 0;
    memo_slot *s = slots_of(m, food, serving);
    for (int k = 0; k < 2; k++, s++) {
        if (!s->food[0] || strcmp(s->food, food) != 0 || strcmp(s->serving, serving) != 0)
            continue;
        /* What the analysis reads of a weighing that found a weight. */
        w->match.food = s->matched;
        w->match.confidence = s->confidence;
        w->match.method = s->method;
        w->grams = s->grams;
        w->serving_assumed = s->serving_assumed;
        w->serving_from_food = s->serving_from_food;
        memcpy(w->how, s->how, strlen(s->how) + 1);
        return 1;
    }
    return 0;
}

void weigh_memo_keep(weigh_memo **memo, const char *food, const char *serving,
                     const kmgca_weighing *w)
{
    size_t fl = strlen(food), sl = strlen(serving);
    if (!fl || fl >= MEMO_FOOD || sl >= MEMO_SERVING || !w->match.food ||
        w->serving.kind == KMGCA_UNIT_MASS)
        return;
    if (!*memo && !(*memo = calloc(1, sizeof **memo)))
        return;
    memo_slot *s = slots_of(*memo, food, serving);
    if (s->food[0] && !s[1].food[0])
        s++;
    else if (s->food[0])
        s[1] = s[0];   /* the older one makes way */
    memcpy(s->food, food, fl + 1);
    memcpy(s->serving, serving, sl + 1);
    s->matched = w->match.food;
    s->confidence = w->match.confidence;
    s->method = w->match.method;
    s->grams = w->grams;
    s->serving_assumed = w->serving_assumed;
    s->serving_from_food = w->serving_from_food;
    copy_text(s->how, sizeof s->how, w->how);
}
