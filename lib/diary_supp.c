/* diary_supp.c — the supplements a diary's rows name: each food and amount
 * text read as a supplement once (a memo of the texts that name none), and
 * the products counted, for the About sheet.
 *
 * The analysis holds one and asks it for each row; nothing here reads or
 * calls the analysis.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PRODUCTS 64       /* distinct supplement products cited on About */
/* Rows repeat their foods and amounts; the supplement reader is asked once
 * a text. Each memo stops growing at three quarters full (512 KB and
 * 128 KB), so memory stays bounded. */
#define NOT_SUPP_CAP 65536
#define NO_NAME_CAP 16384

/* A set of 64-bit hashes, open addressing; 0 marks an empty slot. */
typedef struct {
    uint64_t *slot;
    size_t count, cap;
} hash_set;

struct diary_supps {
    struct {
        const char *name, *source;   /* name in strings; source static */
    } products[MAX_PRODUCTS];
    size_t product_count;
    hash_set not_supp;        /* food+serving texts read whole that name no
                                 supplement */
    hash_set no_name;         /* single texts that name no salt, product or
                                 mineral (supplement_may_name) */
    arena strings;
};

diary_supps *diary_supps_new(void)
{
    diary_supps *d = calloc(1, sizeof(diary_supps));
    if (d) {
        d->not_supp.cap = NOT_SUPP_CAP;
        d->no_name.cap = NO_NAME_CAP;
    }
    return d;
}

void diary_supps_free(diary_supps *d)
{
    if (!d)
        return;
    free(d->not_supp.slot);
    free(d->no_name.slot);
    arena_free(&d->strings);
    free(d);
}

static uint64_t hash_pair(const char *food, const char *serving)
{
    uint64_t h = text_hash_more(TEXT_HASH_START, food);
    h = (h ^ 0xffu) * 1099511628211ull; /* a byte no UTF-8 text holds */
    for (const char *p = serving; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h ? h : 1; /* 0 marks an empty slot */
}

/* 1 when h is in the set; else *at is where to add it (or NULL when the
 * set is full or cannot be had). */
static int set_has(hash_set *s, uint64_t h, uint64_t **at)
{
    *at = NULL;
    if (!s->slot && !(s->slot = calloc(s->cap, sizeof *s->slot)))
        return 0;
    for (size_t j = h & (s->cap - 1);; j = (j + 1) & (s->cap - 1)) {
        if (s->slot[j] == h)
            return 1;
        if (!s->slot[j]) {
            if (s->count < s->cap / 4 * 3)
                *at = &s->slot[j];
            return 0;
        }
    }
}

static void set_add(hash_set *s, uint64_t *at, uint64_t h)
{
    if (at) {
        *at = h;
        s->count++;
    }
}

/* 1 when text names no salt, product or mineral, remembered. */
static int names_none(diary_supps *d, const char *text)
{
    uint64_t h = text_hash_quick(text, strlen(text)), *at;
    h = h ? h : 1; /* 0 marks an empty slot */
    if (set_has(&d->no_name, h, &at))
        return 1;
    if (supplement_may_name(text))
        return 0;
    set_add(&d->no_name, at, h);
    return 1;
}

int diary_supps_read(diary_supps *d, const char *food, const char *serving,
                     kmgca_supplement *sp)
{
    if (!food[0])
        return 0;
    /* kmgca_supplement_read's quick look, a text at a time: most rows end
     * here. */
    if (names_none(d, food) && (!serving[0] || names_none(d, serving)))
        return 0;
    uint64_t h = hash_pair(food, serving), *at;
    if (set_has(&d->not_supp, h, &at))
        return 0;
    if (!kmgca_supplement_read(food, serving, KMGCA_SUPPLEMENT_INTAKE, sp)) {
        set_add(&d->not_supp, at, h);
        return 0;
    }
    return 1;
}

void diary_supps_keep_product(diary_supps *d, const char *name, const char *source)
{
    if (!source || !source[0] || d->product_count >= MAX_PRODUCTS)
        return;
    for (size_t i = 0; i < d->product_count; i++)
        if (!strcmp(d->products[i].name, name))
            return;
    const char *copy = arena_strdup(&d->strings, name);
    if (!copy)
        return;
    d->products[d->product_count].name = copy;
    d->products[d->product_count++].source = source;
}

size_t diary_supps_product_count(const diary_supps *d) { return d->product_count; }

void diary_supps_product(const diary_supps *d, size_t i, const char **name, const char **source)
{
    *name = i < d->product_count ? d->products[i].name : "";
    *source = i < d->product_count ? d->products[i].source : "";
}
