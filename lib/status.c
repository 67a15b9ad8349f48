/* status.c — version, status messages, error records, nutrients, the arena. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *kmgca_version(void) { return KMGCA_VERSION; }

/* Kept in step with kmgca_status by tests/unit/test_status.c. */
static const char *const status_messages[KMGCA_STATUS_COUNT] = {
    [KMGCA_OK] = "no error",
    [KMGCA_ERROR_NOMEM] = "out of memory",
    [KMGCA_ERROR_IO] = "cannot read or write a file",
    [KMGCA_ERROR_CSV] = "malformed CSV",
    [KMGCA_ERROR_ENCODING] = "text is not valid UTF-8",
    [KMGCA_ERROR_HEADER] = "a required column is missing or repeated",
    [KMGCA_ERROR_VALUE] = "a value cannot be used",
    [KMGCA_ERROR_NO_MATCH] = "no match found",
    [KMGCA_ERROR_UNIT] = "unknown or unresolvable unit",
    [KMGCA_ERROR_AMOUNT] = "invalid amount",
    [KMGCA_ERROR_ARGUMENT] = "invalid argument",
    [KMGCA_ERROR_LIMIT] = "input exceeds a limit",
};

const char *kmgca_status_string(kmgca_status status)
{
    if ((unsigned)status >= KMGCA_STATUS_COUNT || !status_messages[status])
        return "unknown status";
    return status_messages[status];
}

void kmgca_error_clear(kmgca_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* Keeps only whole, valid UTF-8 characters of s, in place: a message may
 * quote text cut by "%.40s" or by vsnprintf inside a character, and every
 * message is shown as UTF-8 (terminal, JSON, workbook XML). */
void utf8_keep_valid(char *s)
{
    char *o = s;
    const char *p = s;
    while (*p) {
        size_t n;
        if ((unsigned char)*p < 0x80) {
            *o++ = *p++;
        } else if (utf8_decode(p, &n) < 0) {
            p += n;   /* a broken sequence: dropped */
        } else {
            memmove(o, p, n);
            o += n;
            p += n;
        }
    }
    *o = '\0';
}

static kmgca_status fail_v(kmgca_error *err, kmgca_status status, const char *file,
                           unsigned long line, unsigned long column, const char *fmt,
                           va_list ap)
{
    if (!err)
        return status;
    err->status = status;
    copy_text(err->file, sizeof err->file, file ? file : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    utf8_keep_valid(err->message);
    return status;
}

kmgca_status kmgca_fail(kmgca_error *err, kmgca_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(err, status, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return status;
}

kmgca_status kmgca_fail_at(kmgca_error *err, kmgca_status status, const char *file,
                           unsigned long line, unsigned long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(err, status, file, line, column, fmt, ap);
    va_end(ap);
    return status;
}

/* ---- Nutrients ---------------------------------------------------------- */

/* The minerals' keys, symbols and names for the API (the words a workbook
 * or report shows are messages: msg_nutrient, msg_nutrient_title). */
static const struct {
    const char *key, *symbol, *name;
    const char *names; /* |-separated accepted spellings */
} nutrients[KMGCA_NUTRIENT_COUNT] = {
    [KMGCA_CA] = {"ca", "Ca", "calcium", "ca|calcium|钙"},
    [KMGCA_MG] = {"mg", "Mg", "magnesium", "mg|magnesium|镁"},
    [KMGCA_K] = {"k", "K", "potassium", "k|potassium|钾"},
    [KMGCA_NA] = {"na", "Na", "sodium", "na|sodium|钠"},
};

const kmgca_nutrient nutrient_order_kmg[KMGCA_NUTRIENT_COUNT] = {KMGCA_K, KMGCA_MG, KMGCA_CA,
                                                                  KMGCA_NA};
const kmgca_nutrient nutrient_order_page[KMGCA_NUTRIENT_COUNT] = {KMGCA_MG, KMGCA_K, KMGCA_CA,
                                                                   KMGCA_NA};
const kmgca_nutrient nutrient_order_sweat[KMGCA_NUTRIENT_COUNT] = {KMGCA_K, KMGCA_NA, KMGCA_CA,
                                                                    KMGCA_MG};

const char *kmgca_nutrient_symbol(kmgca_nutrient n)
{
    return (unsigned)n < KMGCA_NUTRIENT_COUNT ? nutrients[n].symbol : "?";
}


const char *kmgca_nutrient_key(kmgca_nutrient n)
{
    return (unsigned)n < KMGCA_NUTRIENT_COUNT ? nutrients[n].key : "?";
}

const char *kmgca_nutrient_name(kmgca_nutrient n)
{
    return (unsigned)n < KMGCA_NUTRIENT_COUNT ? nutrients[n].name : "?";
}

kmgca_status kmgca_nutrient_parse(const char *text, kmgca_nutrient *out)
{
    if (!text || !out)
        return KMGCA_ERROR_ARGUMENT;
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        const char *p = nutrients[n].names;
        while (*p) {
            const char *bar = strchr(p, '|');
            size_t plen = bar ? (size_t)(bar - p) : strlen(p);
            if (plen == len && strncasecmp(p, text, len) == 0) {
                *out = (kmgca_nutrient)n;
                return KMGCA_OK;
            }
            p += plen + (bar ? 1 : 0);
        }
    }
    return KMGCA_ERROR_VALUE;
}

/* ---- Arena -------------------------------------------------------------- */

struct arena_block {
    arena_block *next;
    size_t used, size;
    max_align_t data[];
};

void *arena_alloc(arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t block = size > 65536 ? size : 65536;
        b = malloc(sizeof *b + block);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->size = block;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(a, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void arena_adopt(arena *into, arena *from)
{
    arena_block **tail = &from->head;
    while (*tail)
        tail = &(*tail)->next;
    *tail = into->head;
    into->head = from->head;
    from->head = NULL;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

int grow_array(void **items, size_t *cap, size_t count, size_t size, size_t first)
{
    if (count < *cap)
        return 1;
    size_t n = *cap ? *cap * 2 : first;
    void *p = realloc(*items, n * size);
    if (!p)
        return 0;
    *items = p;
    *cap = n;
    return 1;
}
