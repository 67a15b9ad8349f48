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
/* Rows repeat their foods; the supplement reader is asked once a text. The
 * memo stops growing at three quarters full (512 KB), so memory stays bounded. */
#define NOT_SUPP_CAP 65536

struct diary_supps {
    struct {
        const char *name, *source;   /* name in strings; source static */
    } products[MAX_PRODUCTS];
    size_t product_count;
    uint64_t *not_supp;       /* hashes of food+serving texts that name no
                                 supplement: open addressing, NOT_SUPP_CAP */
    size_t not_supp_count;
    arena strings;
};

diary_supps *diary_supps_new(void)
{
    return calloc(1, sizeof(diary_supps));
}

void diary_supps_free(diary_supps *d)
{
    if (!d)
        return;
    free(d->not_supp);
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

/* 1 when food+serving is known to name no supplement; else *slot is where to
 * remember it (or NULL when the memo is full or cannot be had). */
static int not_supp_known(diary_supps *d, uint64_t h, uint64_t **slot)
{
    *slot = NULL;
    if (!d->not_supp && !(d->not_supp = calloc(NOT_SUPP_CAP, sizeof *d->not_supp)))
        return 0;
    for (size_t j = h & (NOT_SUPP_CAP - 1);; j = (j + 1) & (NOT_SUPP_CAP - 1)) {
        if (d->not_supp[j] == h)
            return 1;
        if (!d->not_supp[j]) {
            if (d->not_supp_count < NOT_SUPP_CAP / 4 * 3)
                *slot = &d->not_supp[j];
            return 0;
        }
    }
}

int diary_supps_read(diary_supps *d, const char *food, const char *serving,
                     kmgca_supplement *sp)
{
    if (!food[0])
        return 0;
    uint64_t h = hash_pair(food, serving), *slot;
    if (not_supp_known(d, h, &slot))
        return 0;
    if (!kmgca_supplement_read(food, serving, KMGCA_SUPPLEMENT_INTAKE, sp)) {
        if (slot) {
            *slot = h;
            d->not_supp_count++;
        }
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
