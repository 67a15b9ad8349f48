/* top.c — Top sources: what each food of the diaries gave of each mineral,
 * summed over the whole analysis, and the foods that gave most.
 *
 * Foods are keyed by their text and their table row, in an open-addressing
 * table of their own; past TOP_KEY_LIMIT distinct foods the rest are summed
 * as "(other foods)", so memory stays bounded however long the diary.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOP_KEY_LIMIT 65536   /* distinct food names tracked for Top sources */

typedef struct {
    const char *name;         /* the food's description, or in t->strings */
    const kmgca_food *food;
    double mg[KMGCA_NUTRIENT_COUNT];
    size_t rows;
    uint64_t hash;
} top_item;

#define TOP_RECENT 256       /* foods whose hash is at hand, by address */

struct top_table {
    top_item *items;          /* open addressing, power-of-two capacity */
    size_t count, cap;
    struct {
        const kmgca_food *food;
        uint64_t hash;        /* of its description, source and id */
    } recent[TOP_RECENT];
    top_item other;           /* foods past TOP_KEY_LIMIT */
    arena strings;
};

top_table *top_new(void)
{
    top_table *t = calloc(1, sizeof *t);
    if (t)
        t->other.name = "(other foods)";
    return t;
}

void top_free(top_table *t)
{
    if (!t)
        return;
    free(t->items);
    arena_free(&t->strings);
    free(t);
}


/* A text and its food by the food's source and id, not its address: the
 * table's order, and so the order the shares are summed in, is then the
 * same from run to run (an address moves with each start). */
static uint64_t hash_text(const char *s, const kmgca_food *food)
{
    uint64_t h = text_hash_more(TEXT_HASH_START, s);
    if (food)
        h = text_hash_more(text_hash_more(h, kmgca_food_source(food)), kmgca_food_id(food));
    return h;
}

static int top_grow(top_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    top_item *nt = calloc(cap, sizeof *nt);
    if (!nt)
        return 0;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->items[i].name)
            continue;
        size_t j = t->items[i].hash & (cap - 1);
        while (nt[j].name)
            j = (j + 1) & (cap - 1);
        nt[j] = t->items[i];
    }
    free(t->items);
    t->items = nt;
    t->cap = cap;
    return 1;
}

void top_add(top_table *t, const char *name, const kmgca_food *food,
             const double mg[KMGCA_NUTRIENT_COUNT])
{
    uint64_t h;
    if (food && name == kmgca_food_description(food)) {
        /* A matched food, as most rows are: its hash was worked out before. */
        size_t k = ((uintptr_t)food >> 4) & (TOP_RECENT - 1);
        if (t->recent[k].food != food) {
            t->recent[k].food = food;
            t->recent[k].hash = hash_text(name, food);
        }
        h = t->recent[k].hash;
    } else {
        h = hash_text(name, food);
    }
    top_item *it = NULL;
    if (t->cap) {
        size_t j = h & (t->cap - 1);
        while (t->items[j].name) {
            if (t->items[j].hash == h && t->items[j].food == food &&
                strcmp(t->items[j].name, name) == 0) {
                it = &t->items[j];
                break;
            }
            j = (j + 1) & (t->cap - 1);
        }
    }
    if (!it) {
        if (t->count >= TOP_KEY_LIMIT || ((t->count + 1) * 2 > t->cap && !top_grow(t))) {
            it = &t->other;
        } else {
            size_t j = h & (t->cap - 1);
            while (t->items[j].name)
                j = (j + 1) & (t->cap - 1);
            const char *copy = food ? kmgca_food_description(food) : arena_strdup(&t->strings, name);
            if (!copy) {
                it = &t->other;
            } else {
                it = &t->items[j];
                it->name = copy;
                it->food = food;
                it->hash = h;
                t->count++;
            }
        }
    }
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        if (!isnan(mg[n]))
            it->mg[n] += mg[n];
    it->rows++;
}

static int cmp_source(const void *x, const void *y)
{
    const kmgca_source *a = x, *b = y;
    if (a->mg != b->mg)
        return a->mg < b->mg ? 1 : -1;
    return strcmp(a->name, b->name);
}

size_t top_list(const top_table *t, kmgca_nutrient n, kmgca_source *out, size_t max)
{
    double total = t->other.mg[n];
    for (size_t i = 0; i < t->cap; i++)
        if (t->items[i].name)
            total += t->items[i].mg[n];
    if (total <= 0)
        return 0;
    /* Keep the best `max` with a small insertion sort: max is small. */
    size_t count = 0;
    for (size_t i = 0; i <= t->cap; i++) {
        const top_item *it = i < t->cap ? &t->items[i] : &t->other;
        if (!it->name || it->mg[n] <= 0)
            continue;
        kmgca_source s = {it->name, it->food, it->mg[n], it->mg[n] / total, it->rows};
        if (count == max && cmp_source(&s, &out[max - 1]) >= 0)
            continue;
        size_t k = count < max ? count++ : max - 1;
        while (k > 0 && cmp_source(&s, &out[k - 1]) < 0) {
            out[k] = out[k - 1];
            k--;
        }
        out[k] = s;
    }
    return count;
}

