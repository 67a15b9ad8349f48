/* embedtables — turns the committed tables in foodtables/ into C arrays.
 *
 *   embedtables FOODTABLES_DIR DRI_CSV OUT.c
 *   embedtables --drugs DRUGTABLES_DIR OUT.c
 *
 * Reads foods.csv, portions.csv, every aliases*.csv, kinds.csv,
 * measure_words.csv and containers.csv there, and the daily targets
 * (targets/dri.csv), and writes one C file holding kmgca_builtin_foods (each
 * with its kind), kmgca_builtin_aliases, the kind rules, household words and
 * containers, and kmgca_builtin_dri (with
 * --drugs: drugs.csv and names.csv of drugtables/ into kmgca_builtin_drugs
 * (each class with its Chinese from drug_classes_zh.csv) and
 * kmgca_builtin_drug_names, salts.csv and supplements.csv into
 * kmgca_builtin_salts and kmgca_builtin_supp_products), so the
 * library carries its tables and needs no files at run time. The output is
 * a build product: never edit it, edit the tables (or the importer).
 */
#include "internal.h"
#include "table.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


typedef struct {
    char *id, *source, *description, *group, *minerals[4], *name_zh;
    size_t first_portion, portion_count;
    size_t recipe_first, recipe_count;  /* recipes only: their ingredients */
    double cooked;                      /* recipes only: weight as served per g */
    int name_hand;                      /* name_zh was written by hand */
} food_row;

typedef struct {
    char *source, *id, *measure;
    char *amount, *grams;
} portion_row;

typedef struct {
    char *text, *lang;
    size_t food;
    int rank;                   /* ALIAS_RANK_*: which name wins a tie */
} alias_row;

/* A recipe's ingredient: grams of a food in one serving. */
typedef struct {
    size_t food;
    double grams;
    char *name;
} recipe_item;

typedef struct {
    size_t first, count;        /* into recipe_items */
} recipe_span;

static recipe_item *recipe_items;
static size_t recipe_item_count, recipe_item_cap;

static food_row *foods;
static size_t food_count, food_cap;
static portion_row *portions;
static size_t portion_count, portion_cap;
static alias_row *aliases;
static size_t alias_count, alias_cap;

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 1024;
    while (c < need)
        c *= 2;
    p = realloc(p, c * size);
    if (!p) {
        fprintf(stderr, "embedtables: out of memory\n");
        exit(1);
    }
    *cap = c;
    return p;
}

static char *dup(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        fprintf(stderr, "embedtables: out of memory\n");
        exit(1);
    }
    return p;
}

static int file_exists(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp)
        fclose(fp);
    return fp != NULL;
}

/* Columns of the file being read, found from its header. */
typedef struct {
    const char *path;
    long col[16];
    const char *const *names;
    size_t ncols;
    int header_done;
    size_t width;      /* the header's field count */
} table;

static kmgca_status read_header(table *t, const csv_row *row, kmgca_error *err)
{
    if (t->ncols > sizeof t->col / sizeof t->col[0])
        return kmgca_fail(err, KMGCA_ERROR_LIMIT, "too many columns asked for");
    for (size_t i = 0; i < t->ncols; i++) {
        const char *name = t->names[i][0] == '?' ? t->names[i] + 1 : t->names[i];
        t->col[i] = csv_find_column(row, name);
        if (t->col[i] < 0 && t->names[i][0] != '?')
            return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, row->line, 0,
                                 "no column \"%s\"", t->names[i]);
    }
    t->header_done = 1;
    t->width = row->count;
    return KMGCA_OK;
}

/* The header first; then no row wider than it (a comma outside the quotes
 * of a note would cut the note, unseen). */
#define TABLE_ROW(t, row, err)                                                               \
    do {                                                                                     \
        if (!(t)->header_done)                                                               \
            return read_header(t, row, err);                                                 \
        if ((row)->count > (t)->width)                                                       \
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, (t)->path, (row)->line, 0,          \
                                 "%zu fields, the header has %zu (a comma outside quotes?)", \
                                 (size_t)(row)->count, (t)->width);                          \
    } while (0)

static const char *field(const table *t, const csv_row *row, size_t i)
{
    long c = t->col[i];
    return c >= 0 && (size_t)c < row->count ? row->fields[c] : "";
}

static kmgca_status food_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    foods = grow(foods, &food_cap, food_count + 1, sizeof *foods);
    food_row *f = &foods[food_count++];
    memset(f, 0, sizeof *f);
    f->id = dup(field(t, row, 0));
    f->source = dup(field(t, row, 1));
    f->description = dup(field(t, row, 2));
    f->group = dup(field(t, row, 3));
    for (int n = 0; n < 4; n++)
        f->minerals[n] = dup(field(t, row, 4 + (size_t)n));
    return KMGCA_OK;
}

static kmgca_status portion_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    portions = grow(portions, &portion_cap, portion_count + 1, sizeof *portions);
    portion_row *p = &portions[portion_count++];
    p->source = dup(field(t, row, 0));
    p->id = dup(field(t, row, 1));
    p->amount = dup(field(t, row, 2));
    p->measure = dup(field(t, row, 3));
    p->grams = dup(field(t, row, 4));
    return KMGCA_OK;
}

/* Foods by (source, id), for portions and aliases. */
static size_t *slots;
static size_t slot_mask;

static size_t key_hash(const char *source, const char *id)
{
    size_t h = 5381;
    for (const char *p = source; *p; p++)
        h = h * 33 + (unsigned char)*p;
    for (const char *p = id; *p; p++)
        h = h * 33 + (unsigned char)*p;
    return h;
}

static long food_index(const char *source, const char *id)
{
    for (size_t i = key_hash(source, id) & slot_mask; slots[i]; i = (i + 1) & slot_mask) {
        food_row *f = &foods[slots[i] - 1];
        if (strcmp(f->id, id) == 0 && strcmp(f->source, source) == 0)
            return (long)(slots[i] - 1);
    }
    return -1;
}

static void add_alias(const char *text, const char *lang, size_t food, int rank);
static void mark_simplified(const char *s);

static kmgca_status alias_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *lang = field(t, row, 1);
    long food = food_index(field(t, row, 2), field(t, row, 3));
    if (food < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "alias \"%s\" names %s %s, which is not in foods.csv",
                             field(t, row, 0), field(t, row, 2), field(t, row, 3));
    const char *kind = field(t, row, 4);
    int rank = !*kind ? ALIAS_RANK_HAND
             : strcmp(kind, "name") == 0 || strcmp(kind, "average") == 0 ? ALIAS_RANK_NAME
             : strcmp(kind, "list") == 0 ? ALIAS_RANK_LIST
             : strcmp(kind, "common") == 0 ? ALIAS_RANK_COMMON : -1;
    if (rank < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "kind \"%s\": expected name, average, list or common", kind);
    /* a name written by hand once: a second row would be silently shadowed */
    for (size_t i = 0; rank == ALIAS_RANK_HAND && i < alias_count; i++)
        if (aliases[i].rank == ALIAS_RANK_HAND && !strcasecmp(aliases[i].text, field(t, row, 0)) &&
            !strcmp(aliases[i].lang, *lang ? lang : "en"))
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                                 "alias \"%s\" is listed twice", field(t, row, 0));
    add_alias(field(t, row, 0), *lang ? lang : "en", (size_t)food, rank);
    return KMGCA_OK;
}

static void add_alias(const char *text, const char *lang, size_t food, int rank)
{
    aliases = grow(aliases, &alias_cap, alias_count + 1, sizeof *aliases);
    aliases[alias_count++] = (alias_row){dup(text), dup(lang), food, rank};
    /* A food's Chinese name: the first one given (a TFDA food's own name, a
     * recipe's name), except that a name written by hand replaces one of the
     * SR28 list (米饭（蒸） -> 米饭). */
    if (strcmp(lang, "zh") == 0 &&
        (!foods[food].name_zh || (rank == ALIAS_RANK_HAND && strcmp(foods[food].source, "SR28") == 0 &&
                                  !foods[food].name_hand)))
        foods[food].name_zh = dup(text), foods[food].name_hand = rank == ALIAS_RANK_HAND;
}

/* ---- Traditional characters, from names_zh.csv ------------------------------ */

/* names_zh.csv writes a Traditional name beside its Simplified one (雞胸,
 * "Traditional of 鸡胸: ..."). Character by character, the pairs that
 * differ give a Traditional character's Simplified form, kept when the
 * Traditional one is never written in a Simplified name (the foods'
 * descriptions, names_zh's own Simplified names; aliases_zh.csv keeps
 * TFDA's Traditional names) and has one
 * form only. text_fold reads each such character as its Simplified form, so
 * a Traditional line finds the names, portions and words written once in
 * Simplified (芭樂 as 芭乐). */
typedef struct {
    char *trad, *simp;
} trad_name;
static trad_name *trad_names;
static size_t trad_name_count, trad_name_cap;
static unsigned char simp_seen[0x10000 / 8];
static long (*zh_trad)[2];
static size_t zh_trad_count, zh_trad_cap;

static void mark_simplified(const char *s)
{
    for (const char *p = s; *p;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        if (cp > 0 && cp < 0x10000)
            simp_seen[cp >> 3] |= (unsigned char)(1u << (cp & 7));
        p += n ? n : 1;
    }
}

static int cmp_trad(const void *a, const void *b)
{
    const long *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The Simplified form of a Traditional character kept, or cp itself. */
static long simplified(long cp)
{
    return text_pair_lookup((const long(*)[2])zh_trad, zh_trad_count, cp);
}

/* s with each Traditional character kept in its Simplified form, in
 * place (both are three bytes in UTF-8). */
static void simplify_in_place(char *s)
{
    for (char *p = s; *p;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        long sc = cp > 0 ? simplified(cp) : cp;
        if (sc != cp && n == 3)
            utf8_encode((unsigned long)sc, p);
        p += n ? n : 1;
    }
}

static void derive_zh_trad(void)
{
    for (size_t i = 0; i < food_count; i++)
        mark_simplified(foods[i].description);
    for (size_t i = 0; i < trad_name_count; i++) {
        long t[64], sp[64];
        size_t nt = 0, ns = 0;
        for (const char *p = trad_names[i].trad; *p && nt < 64;) {
            size_t n;
            t[nt++] = utf8_decode(p, &n);
            p += n ? n : 1;
        }
        for (const char *p = trad_names[i].simp; *p && ns < 64;) {
            size_t n;
            sp[ns++] = utf8_decode(p, &n);
            p += n ? n : 1;
        }
        if (nt != ns)
            continue;
        for (size_t k = 0; k < nt; k++) {
            long a = t[k], b = sp[k];
            if (a == b || a < 0x4E00 || a > 0x9FFF || b < 0x3400 || b > 0x9FFF)
                continue;
            /* a Traditional character also written in a name given as
             * Simplified would stop folding everywhere (雞 in a row 雞精 of
             * its own: 鹹酥雞 found nothing) */
            if (simp_seen[a >> 3] & (1u << (a & 7))) {
                char ch[8];
                ch[utf8_encode((unsigned long)a, ch)] = '\0';
                fprintf(stderr,
                        "embedtables: names_zh.csv: %s is Traditional (in \"%s\") and written "
                        "in a name that is not: give that name's reason as \"Traditional of "
                        "...\"\n",
                        ch, trad_names[i].trad);
                exit(1);
            }
            size_t j = 0;
            while (j < zh_trad_count && zh_trad[j][0] != a)
                j++;
            if (j < zh_trad_count) {
                if (zh_trad[j][1] != b)
                    zh_trad[j][1] = -1;   /* two forms: none kept */
                continue;
            }
            zh_trad = grow(zh_trad, &zh_trad_cap, zh_trad_count + 1, sizeof *zh_trad);
            zh_trad[zh_trad_count][0] = a;
            zh_trad[zh_trad_count++][1] = b;
        }
    }
    size_t kept = 0;
    for (size_t j = 0; j < zh_trad_count; j++)
        if (zh_trad[j][1] > 0) {
            zh_trad[kept][0] = zh_trad[j][0];
            zh_trad[kept++][1] = zh_trad[j][1];
        }
    zh_trad_count = kept;
    if (zh_trad_count)
        qsort(zh_trad, zh_trad_count, sizeof *zh_trad, cmp_trad);
}

static void write_zh_trad(FILE *out)
{
    fprintf(out, "const long kmgca_builtin_zh_trad[][2] = {\n");
    for (size_t j = 0; j < zh_trad_count; j++)
        fprintf(out, "    {0x%lX, 0x%lX},\n", zh_trad[j][0], zh_trad[j][1]);
    if (!zh_trad_count)
        fputs("    {0, 0},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_zh_trad_count = %zu;\n\n", zh_trad_count);
}

/* foodtables/names_zh.csv: Chinese names as people write them, by hand. */
static size_t names_first;    /* the first alias read from names_zh.csv */
static size_t names_end;      /* and one past its last */

static kmgca_status names_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *name = field(t, row, 0);
    long food = food_index(field(t, row, 1), field(t, row, 2));
    if (food < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "\"%s\" names %s %s, which is not in foods.csv", name,
                             field(t, row, 1), field(t, row, 2));
    if (!*name || !*field(t, row, 3))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "a name needs its text and a reason");
    /* a name twice in names_zh.csv: the second would be shadowed */
    for (size_t i = names_first; i < alias_count; i++)
        if (!strcmp(aliases[i].text, name))
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                                 "\"%s\" is listed twice", name);
    add_alias(name, "zh", (size_t)food, ALIAS_RANK_HAND);
    const char *reason = field(t, row, 3);
    if (!strncmp(reason, "Traditional of ", 15)) {
        const char *simp = reason + 15;
        trad_names = grow(trad_names, &trad_name_cap, trad_name_count + 1, sizeof *trad_names);
        trad_names[trad_name_count].trad = dup(name);
        trad_names[trad_name_count].simp = dup(simp);
        char *colon = strchr(trad_names[trad_name_count].simp, ':');
        if (colon)
            *colon = '\0';
        trad_name_count++;
    } else {
        mark_simplified(name);
    }
    return KMGCA_OK;
}

typedef struct {
    char *system, *nutrient, *stage, *sex, *age_min, *age_max, *target, *kind, *ul, *ul_note,
        *source;
} dri_row;
static dri_row *dris;
static size_t dri_count, dri_cap;

static kmgca_status dri_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    dris = grow(dris, &dri_cap, dri_count + 1, sizeof *dris);
    dri_row *d = &dris[dri_count++];
    char **cols[11] = {&d->system, &d->nutrient, &d->stage, &d->sex,     &d->age_min, &d->age_max,
                       &d->target, &d->kind,     &d->ul,    &d->ul_note, &d->source};
    for (size_t i = 0; i < 11; i++)
        *cols[i] = dup(field(t, row, i));
    if (strncmp(d->system, "US", 2) != 0 && strncmp(d->system, "China", 5) != 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1,
                             "unknown system \"%s\"", d->system);
    kmgca_nutrient n;
    if (kmgca_nutrient_parse(d->nutrient, &n) != KMGCA_OK)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 2,
                             "unknown nutrient \"%s\"", d->nutrient);
    if (!*d->target || !*d->age_min)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "a target and a lower age are required");
    return KMGCA_OK;
}

static const char *nutrient_enum(const char *name)
{
    kmgca_nutrient n = KMGCA_CA;
    kmgca_nutrient_parse(name, &n);
    static const char *const names[] = {"KMGCA_CA", "KMGCA_MG", "KMGCA_K", "KMGCA_NA"};
    return names[n];
}

static void die(const kmgca_error *err)
{
    fprintf(stderr, "embedtables: %s:%lu: %s\n", err->file, err->line, err->message);
    exit(1);
}

/* Writes s as a C string literal; bytes past ASCII as octal escapes. */
static void put_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7F || *p == '?')
            fprintf(out, "\\%03o", *p);  /* '?' too: no trigraphs */
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* A table of strings, kmgca_builtin_<name>[], and its count as
 * kmgca_builtin_<name>_count (count_name); one "" when empty, as C wants
 * an array to hold something. */
static void write_strings(FILE *out, const char *name, const char *count_name,
                          char *const *items, size_t count)
{
    fprintf(out, "const char *const kmgca_builtin_%s[] = {\n", name);
    for (size_t i = 0; i < count; i++) {
        fputs("    ", out);
        put_string(out, items[i]);
        fputs(",\n", out);
    }
    if (!count)
        fputs("    \"\",\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_%s_count = %zu;\n\n", count_name, count);
}

/* A name's words as the matcher keys them (text_doc_words), packed into
 * out: the index is then built without folding 14,000 names. 0 when they
 * do not fit. */
static int keys_of(const char *name, char *out, size_t size)
{
    char words[TEXT_DOC_WORDS][TEXT_WORD_MAX];
    unsigned char flags[TEXT_DOC_WORDS];
    size_t n = text_doc_words(name, words, flags);
    return text_keys_pack(words, flags, n, out, size) != 0;
}

static void put_number(FILE *out, const char *s)
{
    /* The tables hold canonical decimals; blank means not measured. */
    if (!*s)
        fputs("NAN", out);
    else
        fputs(s, out);
}

/* ---- A pool of text: each distinct string written once ---------------- */

/* The pool is one C string literal of NUL-ended strings; offset 0 is the
 * empty string (none). pool_put returns a string's offset, writing it the
 * first time it is seen. */
static struct {
    FILE *out;
    struct { const char *s; uint32_t at; } *slot;
    size_t mask, size;
} pool;

static void pool_begin(FILE *out, const char *name, size_t most)
{
    size_t n = 1024;
    while (n < most * 2)
        n *= 2;
    pool.out = out;
    pool.mask = n - 1;
    pool.size = 1;
    if (!(pool.slot = calloc(n, sizeof *pool.slot))) {
        fprintf(stderr, "embedtables: out of memory\n");
        exit(1);
    }
    fprintf(out, "const char %s[] =\n    \"\\0\"", name);
}

static uint32_t pool_put(const char *s)
{
    if (!*s)
        return 0;
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    size_t i = h & pool.mask;
    for (; pool.slot[i].s; i = (i + 1) & pool.mask)
        if (strcmp(pool.slot[i].s, s) == 0)
            return pool.slot[i].at;
    if (pool.size + strlen(s) + 1 > UINT32_MAX) {
        fprintf(stderr, "embedtables: the pool of text is over 4 GB\n");
        exit(1);
    }
    if (!(pool.slot[i].s = strdup(s))) {
        fprintf(stderr, "embedtables: out of memory\n");
        exit(1);
    }
    pool.slot[i].at = (uint32_t)pool.size;
    pool.size += strlen(s) + 1;
    fputs("\n    ", pool.out);
    put_string(pool.out, s);
    fputs(" \"\\0\"", pool.out);
    return pool.slot[i].at;
}

static void pool_end(void)
{
    fputs(";\n\n", pool.out);
    for (size_t i = 0; i <= pool.mask; i++)
        free((char *)pool.slot[i].s);
    free(pool.slot);
    pool.slot = NULL;
}

/* qsort: foods (indices) by source, then id, then table order. */
static int by_source_id(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(foods[i].source, foods[j].source);
    if (!c)
        c = strcmp(foods[i].id, foods[j].id);
    return c ? c : (i > j) - (i < j);
}

/* ---- Recipes (foodtables/recipes_zh.csv) ------------------------------ */

/* A dish is a food of its own (source "recipe", id its name): its minerals
 * per 100 g are its ingredients' summed and divided by their weight, its
 * measures come from the portions column.  An ingredient the tables give no
 * value for adds nothing; when such ingredients are over a tenth of the
 * dish's weight, the dish has no value either (blank, not zero). */
typedef struct {
    char *recipe, *ingredient, *source, *id, *grams, *portions, *names, *cooked;
    long line;
    char *file;
} recipe_row;

static recipe_row *recipe_rows;
static size_t recipe_row_count, recipe_row_cap;
static struct { size_t food; char *names; } *recipe_names;
static size_t recipe_name_count;

static kmgca_status recipe_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    recipe_rows = grow(recipe_rows, &recipe_row_cap, recipe_row_count + 1, sizeof *recipe_rows);
    recipe_rows[recipe_row_count++] = (recipe_row){
        dup(field(t, row, 0)), dup(field(t, row, 1)), dup(field(t, row, 2)),
        dup(field(t, row, 3)), dup(field(t, row, 4)), dup(field(t, row, 5)),
        dup(field(t, row, 6)), dup(field(t, row, 8)), (long)row->line, dup(t->path)};
    return KMGCA_OK;
}

static void recipe_fail(const char *path, long line, const char *fmt, const char *what)
{
    fprintf(stderr, "embedtables: %s:%ld: ", path, line);
    fprintf(stderr, fmt, what);
    fputc('\n', stderr);
    exit(1);
}

static char *format_double(double v)
{
    char buf[64];
    if (isnan(v))
        return dup("");
    snprintf(buf, sizeof buf, "%.4f", v);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[--n] = '\0';
    return dup(buf);
}

static void read_recipes(const char *dir)
{
    static const char *const cols[] = {"recipe", "ingredient", "source", "id", "grams",
                                       "portions", "?names", "?note", "?cooked"};
    static const char *const files[] = {"recipes_zh.csv", "recipes_en.csv"};
    char path[4096];
    kmgca_error err;
    for (size_t f = 0; f < 2; f++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        if (!file_exists(path))
            continue;
        table rt = {.names = cols, .ncols = 9, .path = path};
        if (csv_read_file(path, recipe_cb, &rt, NULL, &err) != KMGCA_OK)
            die(&err);
    }
    recipe_names = calloc(recipe_row_count + 1, sizeof *recipe_names);
    if (!recipe_names)
        exit(1);

    for (size_t r = 0; r < recipe_row_count;) {
        recipe_row *first = &recipe_rows[r];
        size_t end = r;
        while (end < recipe_row_count && strcmp(recipe_rows[end].recipe, first->recipe) == 0)
            end++;
        if (!first->recipe[0])
            recipe_fail(first->file, first->line, "a row with no recipe name%s", "");
        if (food_index("recipe", first->recipe) >= 0)
            recipe_fail(first->file, first->line,
                        "recipe \"%s\" again: a recipe's rows must be together", first->recipe);
        if (!first->portions[0])
            recipe_fail(first->file, first->line,
                        "recipe \"%s\": its first row needs the portions (measure=servings)",
                        first->recipe);
        recipe_sum dish = {0};
        if (!recipe_cooked_parse(first->cooked, &dish.cooked))
            recipe_fail(first->file, first->line,
                        "cooked \"%s\": expected the weight as served per gram of ingredients, "
                        "0.3 to 1.5", first->cooked);
        for (size_t i = r + 1; i < end; i++)
            if (recipe_rows[i].cooked[0])
                recipe_fail(recipe_rows[i].file, recipe_rows[i].line,
                            "cooked \"%s\": only on a recipe's first row", recipe_rows[i].cooked);
        size_t item0 = recipe_item_count;
        for (size_t i = r; i < end; i++) {
            recipe_row *x = &recipe_rows[i];
            long f = food_index(x->source, x->id);
            if (f < 0 || strcmp(x->source, "recipe") == 0)
                recipe_fail(x->file, x->line, "ingredient %s is not a food in foods.csv",
                            x->id[0] ? x->id : "(no id)");
            char *e;
            double g = strtod(x->grams, &e);
            if (e == x->grams || *e || !isfinite(g) || !(g > 0) || g > 5000)
                recipe_fail(x->file, x->line, "grams \"%s\": expected a number above 0",
                            x->grams);
            double per_100g[4];
            for (int m = 0; m < 4; m++)
                per_100g[m] = foods[f].minerals[m][0] ? strtod(foods[f].minerals[m], NULL) : NAN;
            recipe_sum_add(&dish, g, per_100g);
            recipe_items = grow(recipe_items, &recipe_item_cap, recipe_item_count + 1,
                                sizeof *recipe_items);
            recipe_items[recipe_item_count++] = (recipe_item){(size_t)f, g,
                                                              dup(x->ingredient)};
        }
        foods = grow(foods, &food_cap, food_count + 1, sizeof *foods);
        food_row *d = &foods[food_count];
        memset(d, 0, sizeof *d);
        d->id = dup(first->recipe);
        d->source = dup("recipe");
        d->description = dup(first->recipe);
        d->group = dup("recipe");
        d->name_zh = text_has_cjk(first->recipe) ? dup(first->recipe) : NULL;
        for (int m = 0; m < 4; m++)
            d->minerals[m] = format_double(recipe_sum_per_100g(&dish, m));
        d->recipe_first = item0;
        d->recipe_count = recipe_item_count - item0;
        d->cooked = dish.cooked;
        size_t s = key_hash(d->source, d->id) & slot_mask;
        while (slots[s])
            s = (s + 1) & slot_mask;
        slots[s] = ++food_count;

        /* portions: measure=servings, the first the usual serving */
        for (const char *p = first->portions; *p;) {
            size_t len = strcspn(p, "|");
            char pair[256];
            if (len == 0 || len >= sizeof pair)
                recipe_fail(first->file, first->line, "portions \"%s\": expected measure=servings",
                            first->portions);
            memcpy(pair, p, len);
            pair[len] = '\0';
            const char *measure;
            double servings;
            if (!recipe_portion_parse(pair, &measure, &servings))
                recipe_fail(first->file, first->line, "portions \"%s\": expected measure=servings",
                            first->portions);
            portions = grow(portions, &portion_cap, portion_count + 1, sizeof *portions);
            portions[portion_count++] = (portion_row){dup("recipe"), dup(first->recipe),
                                                      dup(measure), dup("1"),
                                                      format_double(servings * recipe_sum_served(&dish))};
            p += len + (p[len] ? 1 : 0);
        }
        recipe_names[recipe_name_count].food = food_count - 1;
        recipe_names[recipe_name_count++].names = first->names;
        r = end;
    }
}

/* A recipe is known by its name and the names of its names column. */
static void add_recipe_names(void)
{
    for (size_t i = 0; i < recipe_name_count; i++) {
        size_t f = recipe_names[i].food;
        /* An English recipe's name is its description, found by its words.
         * A Chinese dish the Taiwan FDA measured under the same name (烧饼)
         * is that measured food: the recipe keeps its other names. */
        int measured = 0;
        for (size_t t = 0; t < food_count && !measured; t++)
            measured = strcmp(foods[t].source, "TFDA") == 0 &&
                       strcmp(foods[t].description, foods[f].description) == 0;
        /* ... unless names_zh.csv sends that name elsewhere (刀削面: TFDA's is
         * the raw noodles as sold, not the bowl people eat) */
        for (size_t a = 0; a < alias_count && measured; a++)
            if (aliases[a].rank == ALIAS_RANK_HAND &&
                strcmp(aliases[a].text, foods[f].description) == 0 &&
                strcmp(foods[aliases[a].food].source, "TFDA") != 0)
                measured = 0;
        if (text_has_cjk(foods[f].description) && !measured)
            add_alias(foods[f].description, "zh", f, ALIAS_RANK_RECIPE);
        for (const char *p = recipe_names[i].names; *p;) {
            size_t len = strcspn(p, "|");
            if (len) {
                char *name = strndup(p, len);
                if (!name)
                    exit(1);
                add_alias(name, text_has_cjk(name) ? "zh" : "en", f, ALIAS_RANK_RECIPE);
                free(name);
            }
            p += len + (p[len] ? 1 : 0);
        }
    }
}

/* ---- Kinds, household words and containers -------------------------- */

#define MAX_KINDS 250
static char *kind_names[MAX_KINDS];
static size_t kind_count;
static struct kmgca_kind_rule *rules;
static size_t rule_count, rule_cap;

static int kind_index(const char *name)
{
    for (size_t i = 0; i < kind_count; i++)
        if (strcmp(kind_names[i], name) == 0)
            return (int)i;
    return -1;
}

/* A rule field with every word keyed as the foods' words are (text.c):
 * "|"-separated alternatives of space-separated words, or (except) words. */
static char *key_field(const char *field, int words_only)
{
    char out[4096] = "";
    size_t o = 0;
    const char *p = field;
    while (*p) {
        size_t len = strcspn(p, words_only ? " " : "|");
        char alt[512], folded[512], words[24][TEXT_WORD_MAX];
        copy_text(alt, len + 1 < sizeof alt ? len + 1 : sizeof alt, p);
        text_fold(alt, folded, sizeof folded);
        size_t n = text_words(folded, words, NULL, 24);
        for (size_t i = 0; i < n; i++) {
            int w = snprintf(out + o, sizeof out - o, "%s%s",
                             i ? " " : (o ? (words_only ? " " : "|") : ""), words[i]);
            if (w < 0 || (size_t)w >= sizeof out - o) {
                fprintf(stderr, "embedtables: kinds.csv: a field is too long\n");
                exit(1);
            }
            o += (size_t)w;
        }
        p += len + (p[len] ? 1 : 0);
    }
    return dup(out);
}

static kmgca_status kind_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *name = field(t, row, 0);
    if (!name[0])
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1, "no kind");
    int k = kind_index(name);
    if (k < 0) {
        if (kind_count == MAX_KINDS)
            return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, t->path, row->line, 1,
                                 "more than %d kinds", MAX_KINDS);
        kind_names[kind_count] = dup(name);
        k = (int)kind_count++;
    }
    rules = grow(rules, &rule_cap, rule_count + 1, sizeof *rules);
    rules[rule_count++] = (struct kmgca_kind_rule){
        (unsigned char)k, dup(field(t, row, 1)), key_field(field(t, row, 2), 0),
        key_field(field(t, row, 3), 0), key_field(field(t, row, 4), 1)};
    return KMGCA_OK;
}

typedef struct {
    char *word, *concept, *size;
} word_row;
static word_row *mwords;
static size_t mword_count, mword_cap;

static kmgca_status mword_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    char folded[256];
    text_fold(field(t, row, 0), folded, sizeof folded);
    if (!folded[0] || (!field(t, row, 1)[0] && !field(t, row, 2)[0]))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1,
                             "a word needs a concept or a size");
    mwords = grow(mwords, &mword_cap, mword_count + 1, sizeof *mwords);
    mwords[mword_count++] = (word_row){dup(folded), dup(field(t, row, 1)), dup(field(t, row, 2))};
    return KMGCA_OK;
}

static int cmp_word_row(const void *a, const void *b)
{
    return strcmp(((const word_row *)a)->word, ((const word_row *)b)->word);
}

typedef struct {
    char *concept, *size, *measures, *amount, *unit, *source, *note;
    int kind;
} container_row;
static container_row *containers;
static size_t container_count, container_cap;

static int measure_word_known(const char *w)
{
    for (size_t i = 0; i < mword_count; i++)
        if (strcmp(mwords[i].word, w) == 0)
            return 1;
    return 0;
}

static int concept_known(const char *c)
{
    /* (两: what a shop's 两 of the dish weighs, made, "二两饺子") */
    if (strcmp(c, "typical") == 0 || strcmp(c, "density") == 0 || strcmp(c, "两") == 0)
        return 1;
    for (size_t i = 0; i < mword_count; i++)
        if (strcmp(mwords[i].concept, c) == 0)
            return 1;
    return 0;
}

static kmgca_status container_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    container_row c;
    c.concept = dup(field(t, row, 0));
    const char *kind = field(t, row, 1);
    c.kind = kind[0] ? kind_index(kind) : 0;
    c.size = dup(field(t, row, 2));
    c.measures = dup(field(t, row, 3));
    c.amount = dup(field(t, row, 4));
    c.unit = dup(field(t, row, 5));
    c.source = dup(field(t, row, 6));
    c.note = dup(field(t, row, 7));
    if (!concept_known(c.concept) && !measure_word_known(c.concept))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1,
                             "\"%s\" is no concept or word of measure_words.csv", c.concept);
    if (c.kind < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 2,
                             "\"%s\" is no kind of kinds.csv", kind);
    if (c.amount[0]) {
        char *end;
        double v = strtod(c.amount, &end);
        int density = !strcmp(c.concept, "density");
        if (*end || !(v > 0) ||
            (density ? strcmp(c.unit, "g/ml") != 0
                     : strcmp(c.unit, "g") != 0 && strcmp(c.unit, "ml") != 0))
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 5,
                                 "an amount must be a number above 0 with unit g or ml "
                                 "(g/ml for a density)");
        if (!c.source[0])
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 7,
                                 "an amount needs its source");
    } else if (c.unit[0]) {
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 6,
                             "a unit without an amount");
    }
    containers = grow(containers, &container_cap, container_count + 1, sizeof *containers);
    containers[container_count++] = c;
    return KMGCA_OK;
}

typedef struct {
    char *name, *concept, *amount, *unit, *source, *note;
} name_row;
static name_row *names_p;
static size_t name_count, name_cap;

static kmgca_status name_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    name_row n;
    const char *name = field(t, row, 0);
    if (!name[0])
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1, "no name");
    if (text_has_cjk(name)) {
        char folded[256];
        text_fold(name, folded, sizeof folded);
        n.name = dup(folded);
    } else {
        n.name = key_field(name, 1);
    }
    n.concept = dup(field(t, row, 1));
    n.amount = dup(field(t, row, 2));
    n.unit = dup(field(t, row, 3));
    n.source = dup(field(t, row, 4));
    n.note = dup(field(t, row, 5));
    if (!concept_known(n.concept) && !measure_word_known(n.concept))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 2,
                             "\"%s\" is no concept or word of measure_words.csv", n.concept);
    char *end;
    double v = strtod(n.amount, &end);
    if (*end || !(v > 0) || (strcmp(n.unit, "g") != 0 && strcmp(n.unit, "ml") != 0) ||
        !n.source[0])
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 3,
                             "a portion needs an amount above 0, a unit (g or ml) and a source");
    names_p = grow(names_p, &name_cap, name_count + 1, sizeof *names_p);
    names_p[name_count++] = n;
    return KMGCA_OK;
}

static int cmp_name_row(const void *a, const void *b)
{
    const name_row *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->concept, y->concept);
}

static void read_household(const char *dir)
{
    char path[4096];
    kmgca_error err;
    kind_names[kind_count++] = dup("other");
    static const char *const kind_cols[] = {"kind", "groups", "head", "words", "except"};
    table kt = {.names = kind_cols, .ncols = 5, .path = path};
    snprintf(path, sizeof path, "%s/kinds.csv", dir);
    if (csv_read_file(path, kind_cb, &kt, NULL, &err) != KMGCA_OK)
        die(&err);
    static const char *const word_cols[] = {"word", "concept", "size"};
    table wt = {.names = word_cols, .ncols = 3, .path = path};
    snprintf(path, sizeof path, "%s/measure_words.csv", dir);
    if (csv_read_file(path, mword_cb, &wt, NULL, &err) != KMGCA_OK)
        die(&err);
    qsort(mwords, mword_count, sizeof *mwords, cmp_word_row);
    for (size_t i = 1; i < mword_count; i++)
        if (strcmp(mwords[i - 1].word, mwords[i].word) == 0) {
            fprintf(stderr, "embedtables: measure_words.csv: \"%s\" is listed twice\n",
                    mwords[i].word);
            exit(1);
        }
    static const char *const cont_cols[] = {"concept", "kind", "size", "measures",
                                            "amount", "unit", "source", "note"};
    table ct = {.names = cont_cols, .ncols = 8, .path = path};
    snprintf(path, sizeof path, "%s/containers.csv", dir);
    if (csv_read_file(path, container_cb, &ct, NULL, &err) != KMGCA_OK)
        die(&err);
    static const char *const name_cols[] = {"name", "concept", "amount", "unit", "source",
                                            "note"};
    /* name_portions.csv, and the Chinese names' sizes in name_portions_zh.csv */
    static const char *const name_files[] = {"name_portions.csv", "name_portions_zh.csv"};
    for (size_t f = 0; f < 2; f++) {
        table nt = {.names = name_cols, .ncols = 6, .path = path};
        snprintf(path, sizeof path, "%s/%s", dir, name_files[f]);
        if (f > 0 && !file_exists(path))
            continue;
        if (csv_read_file(path, name_cb, &nt, NULL, &err) != KMGCA_OK)
            die(&err);
    }
    qsort(names_p, name_count, sizeof *names_p, cmp_name_row);
    for (size_t i = 1; i < name_count; i++)
        if (!cmp_name_row(&names_p[i - 1], &names_p[i])) {
            fprintf(stderr, "embedtables: name_portions: \"%s\" %s is listed twice\n",
                    names_p[i].name, names_p[i].concept);
            exit(1);
        }
}

/* words_en.csv: what people write -> what the tables write, or nothing. */
typedef struct {
    char *written;   /* word keys joined by ' ' (text_word_key of each folded word) */
    char *means;     /* folded text, or "" to drop the words */
    int brand;       /* the note says "a brand ...": the food it sells */
} rewrite_row;
static rewrite_row *word_rows;
static size_t word_count, word_cap;

/* "Semi-Skimmed" -> "semi skim": folded words, each keyed. */
static char *written_key(const char *text, const char *path, unsigned long line)
{
    char out[512];
    if (!text_phrase_key(text, out, sizeof out) && strpbrk(text, "abcdefghijklmnopqrstuvwxyz"
                                                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")) {
        fprintf(stderr, "embedtables: %s:%lu: \"%s\" is too long\n", path, line, text);
        exit(1);
    }
    return dup(out);
}

static kmgca_status word_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *written = field(t, row, 0), *means = field(t, row, 1);
    char *key = written_key(written, t->path, row->line);
    if (!key[0])
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1, "no words written");
    char folded[512];
    text_fold(means, folded, sizeof folded);
    word_rows = grow(word_rows, &word_cap, word_count + 1, sizeof *word_rows);
    word_rows[word_count++] =
        (rewrite_row){key, dup(folded), !strncmp(field(t, row, 2), "a brand", 7)};
    return KMGCA_OK;
}

static int cmp_word_rewrite(const void *a, const void *b)
{
    return strcmp(((const rewrite_row *)a)->written, ((const rewrite_row *)b)->written);
}

static void read_words(const char *dir)
{
    char path[4096];
    kmgca_error err;
    static const char *const cols[] = {"written", "means", "note"};
    table t = {.names = cols, .ncols = 3, .path = path};
    snprintf(path, sizeof path, "%s/words_en.csv", dir);
    if (csv_read_file(path, word_cb, &t, NULL, &err) != KMGCA_OK)
        die(&err);
    qsort(word_rows, word_count, sizeof *word_rows, cmp_word_rewrite);
    for (size_t i = 1; i < word_count; i++)
        if (strcmp(word_rows[i - 1].written, word_rows[i].written) == 0) {
            fprintf(stderr, "embedtables: words_en.csv: \"%s\" is listed twice\n",
                    word_rows[i].written);
            exit(1);
        }
}

/* words_zh.csv: Chinese words dropped (chatter), rewritten, or that say a
 * food was cooked; matched inside a text, the longest first. */
typedef struct {
    char *written, *means;
    char kind;                  /* 'x' chatter, 'w' rewrite, 'c' cooked */
} zh_word_row;
static zh_word_row *zh_words;
static size_t zh_word_count, zh_word_cap;

static kmgca_status zh_word_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *w = field(t, row, 0), *means = field(t, row, 1), *kind = field(t, row, 2);
    char k = strcmp(kind, "chatter") == 0 ? 'x' : strcmp(kind, "rewrite") == 0 ? 'w'
           : strcmp(kind, "cooked") == 0 ? 'c' : 0;
    if (!*w || !k || (k == 'w') != (*means != '\0'))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "a word needs a kind (chatter, rewrite or cooked), and a "
                             "rewrite (only) what it means");
    for (size_t i = 0; i < zh_word_count; i++)
        if (strcmp(zh_words[i].written, w) == 0)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                                 "\"%s\" is listed twice", w);
    zh_words = grow(zh_words, &zh_word_cap, zh_word_count + 1, sizeof *zh_words);
    zh_words[zh_word_count++] = (zh_word_row){dup(w), dup(means), k};
    return KMGCA_OK;
}

static int cmp_zh_word(const void *a, const void *b)
{
    const zh_word_row *x = a, *y = b;
    size_t lx = strlen(x->written), ly = strlen(y->written);
    if (lx != ly)
        return lx > ly ? -1 : 1;
    return strcmp(x->written, y->written);
}

static void read_zh_words(const char *dir)
{
    char path[4096];
    kmgca_error err;
    static const char *const cols[] = {"written", "means", "kind", "note"};
    table t = {.names = cols, .ncols = 4, .path = path};
    snprintf(path, sizeof path, "%s/words_zh.csv", dir);
    if (!file_exists(path))
        return;
    if (csv_read_file(path, zh_word_cb, &t, NULL, &err) != KMGCA_OK)
        die(&err);
    qsort(zh_words, zh_word_count, sizeof *zh_words, cmp_zh_word);
}

/* The Traditional characters found (derive_zh_trad), and the Chinese
 * words and portion names that text is compared with in their Simplified
 * form, as text_fold leaves the text; a row written both ways is kept
 * once. */
static void simplify_tables(void)
{
    derive_zh_trad();
    for (size_t i = 0; i < zh_word_count; i++)
        simplify_in_place(zh_words[i].written);
    qsort(zh_words, zh_word_count, sizeof *zh_words, cmp_zh_word);
    size_t kept = 0;
    for (size_t i = 0; i < zh_word_count; i++)
        if (!kept || strcmp(zh_words[kept - 1].written, zh_words[i].written) != 0)
            zh_words[kept++] = zh_words[i];
    zh_word_count = kept;
    for (size_t i = 0; i < name_count; i++)
        simplify_in_place(names_p[i].name);
    qsort(names_p, name_count, sizeof *names_p, cmp_name_row);
    kept = 0;
    for (size_t i = 0; i < name_count; i++)
        if (!kept || cmp_name_row(&names_p[kept - 1], &names_p[i]) != 0)
            names_p[kept++] = names_p[i];
    name_count = kept;
}

static void write_zh_words(FILE *out)
{
    fprintf(out, "const struct kmgca_zh_word kmgca_builtin_zh_words[] = {\n");
    for (size_t i = 0; i < zh_word_count; i++) {
        fputs("    {", out);
        put_string(out, zh_words[i].written);
        fputs(", ", out);
        put_string(out, zh_words[i].means);
        fprintf(out, ", '%c'},\n", zh_words[i].kind);
    }
    if (!zh_word_count)
        fputs("    {\"\", \"\", 0},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_zh_word_count = %zu;\n\n", zh_word_count);
}

/* pinyin.csv: a character's Mandarin readings, toneless (tools/pinyinimport.c),
 * for names written with a character of the same sound. Emitted as the
 * sorted syllables and, by code point, up to three syllable numbers (plus
 * one; 0 for none) a character. */
typedef struct {
    long cp;
    unsigned short syl[3];
} pinyin_row;
static pinyin_row *pinyin_rows;
static size_t pinyin_count, pinyin_cap;
static char **syllables;
static size_t syllable_count, syllable_cap;

static unsigned short syllable_id(const char *s)
{
    for (size_t i = 0; i < syllable_count; i++)
        if (!strcmp(syllables[i], s))
            return (unsigned short)(i + 1);
    syllables = grow(syllables, &syllable_cap, syllable_count + 1, sizeof *syllables);
    syllables[syllable_count++] = dup(s);
    return (unsigned short)syllable_count;
}

static kmgca_status pinyin_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *ch = field(t, row, 0), *readings = field(t, row, 1);
    size_t n;
    long cp = utf8_decode(ch, &n);
    if (cp < 0x3400 || n != strlen(ch) || !*readings)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "a row needs one Chinese character and its readings");
    if (pinyin_count && pinyin_rows[pinyin_count - 1].cp >= cp)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "characters must be in code point order, each once");
    pinyin_row r = {cp, {0, 0, 0}};
    char buf[64];
    copy_text(buf, sizeof buf, readings);
    int k = 0;
    for (char *tok = strtok(buf, "|"); tok && k < 3; tok = strtok(NULL, "|")) {
        for (const char *c = tok; *c; c++)
            if (*c < 'a' || *c > 'z')
                return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                                     "\"%s\" is no toneless pinyin", tok);
        r.syl[k++] = syllable_id(tok);
    }
    pinyin_rows = grow(pinyin_rows, &pinyin_cap, pinyin_count + 1, sizeof *pinyin_rows);
    pinyin_rows[pinyin_count++] = r;
    return KMGCA_OK;
}

static void read_pinyin(const char *dir)
{
    char path[4096];
    kmgca_error err;
    static const char *const cols[] = {"char", "readings"};
    table t = {.names = cols, .ncols = 2, .path = path};
    snprintf(path, sizeof path, "%s/pinyin.csv", dir);
    if (!file_exists(path))
        return;
    if (csv_read_file(path, pinyin_cb, &t, NULL, &err) != KMGCA_OK)
        die(&err);
}

static void write_pinyin(FILE *out)
{
    write_strings(out, "syllables", "syllable", syllables, syllable_count);
    fprintf(out, "const struct kmgca_pinyin kmgca_builtin_pinyin[] = {\n");
    for (size_t i = 0; i < pinyin_count; i++)
        fprintf(out, "    {0x%lX, {%u, %u, %u}},\n", pinyin_rows[i].cp, pinyin_rows[i].syl[0],
                pinyin_rows[i].syl[1], pinyin_rows[i].syl[2]);
    if (!pinyin_count)
        fputs("    {0, {0, 0, 0}},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_pinyin_count = %zu;\n\n", pinyin_count);
}

/* english_words.csv: everyday English words (tools/ and PROVENANCE.md), kept
 * in their key form (text_words): a word people write that the tables do not
 * hold is never "corrected" into a food's ("someone" is no somen, "better"
 * no butter). Sorted, each once. */
static char **english;
static size_t english_count, english_cap;

static kmgca_status english_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *w = field(t, row, 0);
    for (const char *c = w; *c; c++)
        if (*c < 'a' || *c > 'z')
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                                 "\"%s\": a word of small letters a to z only", w);
    char keys[4][TEXT_WORD_MAX];
    if (text_words(w, keys, NULL, 4) != 1)
        return KMGCA_OK;    /* a stop word, or a word the key splits */
    english = grow(english, &english_cap, english_count + 1, sizeof *english);
    english[english_count++] = dup(keys[0]);
    return KMGCA_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_english(const char *dir)
{
    char path[4096];
    kmgca_error err;
    static const char *const cols[] = {"word"};
    table t = {.names = cols, .ncols = 1, .path = path};
    snprintf(path, sizeof path, "%s/english_words.csv", dir);
    if (!file_exists(path))
        return;
    if (csv_read_file(path, english_cb, &t, NULL, &err) != KMGCA_OK)
        die(&err);
    qsort(english, english_count, sizeof *english, cmp_str);
    size_t kept = 0;
    for (size_t i = 0; i < english_count; i++)
        if (!kept || strcmp(english[kept - 1], english[i]) != 0)
            english[kept++] = english[i];
    english_count = kept;
}

static void write_english(FILE *out)
{
    write_strings(out, "english", "english", english, english_count);
}

/* as_eaten.csv: which foods are eaten cooked, and the words that say a state. */
typedef struct {
    char kind;       /* 'g' group, 'h' head, 'r' raw, 'c' cooked, 's' said */
    char *name;      /* a group as written; else word keys joined by ' ' */
} eaten_row;
static eaten_row *eaten_rows;
static size_t eaten_count, eaten_cap;

static kmgca_status eaten_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    const char *kind = field(t, row, 0), *name = field(t, row, 1);
    static const char *const kinds[] = {"group", "head", "raw", "cooked", "said", "raw_group"};
    int k = -1;
    for (int i = 0; i < 6; i++)
        if (strcmp(kind, kinds[i]) == 0)
            k = i;
    if (k < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 1,
                             "kind \"%s\" is none of group, head, raw, cooked, said, "
                             "raw_group", kind);
    if (!name[0])
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 2, "no name");
    if (k >= 2 && k <= 4 && strpbrk(name, " -,"))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 2,
                             "\"%s\": a word of state is one word (it is compared with "
                             "single words)", name);
    eaten_rows = grow(eaten_rows, &eaten_cap, eaten_count + 1, sizeof *eaten_rows);
    eaten_rows[eaten_count++] = (eaten_row){"ghrcsw"[k], k == 0 || k == 5 ? dup(name)
                                                              : written_key(name, t->path,
                                                                            row->line)};
    return KMGCA_OK;
}

static void read_as_eaten(const char *dir)
{
    char path[4096];
    kmgca_error err;
    static const char *const cols[] = {"kind", "name", "note"};
    table t = {.names = cols, .ncols = 3, .path = path};
    snprintf(path, sizeof path, "%s/as_eaten.csv", dir);
    if (csv_read_file(path, eaten_cb, &t, NULL, &err) != KMGCA_OK)
        die(&err);
}

static void write_as_eaten(FILE *out)
{
    fprintf(out, "const struct kmgca_as_eaten kmgca_builtin_as_eaten[] = {\n");
    for (size_t i = 0; i < eaten_count; i++) {
        fprintf(out, "    {'%c', ", eaten_rows[i].kind);
        put_string(out, eaten_rows[i].name);
        fputs("},\n", out);
    }
    if (!eaten_count)
        fputs("    {'s', \"\"},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_as_eaten_count = %zu;\n\n", eaten_count);
}

static void write_words(FILE *out)
{
    fprintf(out, "const struct kmgca_word_rewrite kmgca_builtin_words[] = {\n");
    for (size_t i = 0; i < word_count; i++) {
        fputs("    {", out);
        put_string(out, word_rows[i].written);
        fputs(", ", out);
        put_string(out, word_rows[i].means);
        fprintf(out, ", %d},\n", word_rows[i].brand);
    }
    if (!word_count)
        fputs("    {\"\", \"\"},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_word_count = %zu;\n\n", word_count);
}

/* One row of a C array: `shape` says what each argument is: 's' a string
 * (or NULL), 'n' a number as written (blank: NAN), 'i' an int. */
static void put_row(FILE *out, const char *shape, ...)
{
    va_list ap;
    va_start(ap, shape);
    fputs("    {", out);
    for (const char *c = shape; *c; c++) {
        if (c != shape)
            fputs(", ", out);
        if (*c == 's')
            put_string(out, va_arg(ap, const char *));
        else if (*c == 'n')
            put_number(out, va_arg(ap, const char *));
        else
            fprintf(out, "%d", va_arg(ap, int));
    }
    fputs("},\n", out);
    va_end(ap);
}

/* For each food that a name of names_zh.csv with sizes of its own in
 * name_portions_zh.csv points at, that name (the first in the file): the
 * sizes of "蛋挞" serve "葡挞" and "蛋塔(葡式)", which point at the same
 * food and have none of their own. By food index. */
static void write_portion_names(FILE *out)
{
    fprintf(out, "const struct kmgca_portion_name kmgca_builtin_portion_names[] = {\n");
    size_t n = 0;
    unsigned char *done = calloc(food_count + 1, 1);
    size_t *first = calloc(food_count + 1, sizeof *first);
    if (!done || !first) {
        fprintf(stderr, "embedtables: out of memory\n");
        exit(1);
    }
    for (size_t i = names_first; i < names_end; i++) {
        size_t f = aliases[i].food;
        if (done[f])
            continue;
        char folded[256];
        text_fold(aliases[i].text, folded, sizeof folded);
        simplify_in_place(folded);
        name_row key = {.name = folded, .concept = ""};
        size_t lo = 0, hi = name_count;
        while (lo < hi) {   /* the first row of the name, if any */
            size_t mid = (lo + hi) / 2;
            if (cmp_name_row(&names_p[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < name_count && !strcmp(names_p[lo].name, folded)) {
            done[f] = 1;
            first[f] = lo;
        }
    }
    for (size_t f = 0; f < food_count; f++)
        if (done[f]) {
            put_row(out, "is", (int)f, names_p[first[f]].name);
            n++;
        }
    if (!n)
        put_row(out, "is", -1, "");
    fprintf(out, "};\nconst size_t kmgca_builtin_portion_name_count = %zu;\n\n", n);
    free(done);
    free(first);
}

static void write_household(FILE *out)
{
    write_strings(out, "kinds", "kind", kind_names, kind_count);
    fprintf(out, "const struct kmgca_kind_rule kmgca_builtin_kind_rules[] = {\n");
    for (size_t i = 0; i < rule_count; i++)
        put_row(out, "issss", (int)rules[i].kind, rules[i].groups, rules[i].head, rules[i].words,
                rules[i].except);
    fprintf(out, "};\nconst size_t kmgca_builtin_kind_rule_count = %zu;\n\n", rule_count);
    fprintf(out, "const struct kmgca_measure_word kmgca_builtin_measure_words[] = {\n");
    for (size_t i = 0; i < mword_count; i++)
        put_row(out, "sss", mwords[i].word, mwords[i].concept, mwords[i].size);
    fprintf(out, "};\nconst size_t kmgca_builtin_measure_word_count = %zu;\n\n", mword_count);
    fprintf(out, "const struct kmgca_container kmgca_builtin_containers[] = {\n");
    for (size_t i = 0; i < container_count; i++) {
        container_row *c = &containers[i];
        put_row(out, "sissnsss", c->concept, c->kind, c->size, c->measures, c->amount, c->unit,
                c->source, c->note);
    }
    fprintf(out, "};\nconst size_t kmgca_builtin_container_count = %zu;\n\n", container_count);
    fprintf(out, "const struct kmgca_name_portion kmgca_builtin_name_portions[] = {\n");
    for (size_t i = 0; i < name_count; i++) {
        name_row *n = &names_p[i];
        put_row(out, "ssnsss", n->name, n->concept, n->amount, n->unit, n->source, n->note);
    }
    if (!name_count)
        put_row(out, "ssnsss", "", "", "0", "g", "", "");
    fprintf(out, "};\nconst size_t kmgca_builtin_name_portion_count = %zu;\n\n", name_count);
}

/* ---- Drugs (embedtables --drugs DRUGTABLES_DIR OUT.c) -------------------- */

typedef struct {
    char *f[15];
} drug_line;

static drug_line *drug_lines;
static size_t drug_count, drug_cap;
typedef struct {
    char *name, *drugs, *kind;
} drug_name_line;
static drug_name_line *drug_names;
static size_t drug_name_count, drug_name_cap;

static kmgca_status drug_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    drug_lines = grow(drug_lines, &drug_cap, drug_count + 1, sizeof *drug_lines);
    for (size_t i = 0; i < 15; i++)
        drug_lines[drug_count].f[i] = dup(field(t, row, i));
    drug_count++;
    return KMGCA_OK;
}

static kmgca_status drug_name_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    drug_names = grow(drug_names, &drug_name_cap, drug_name_count + 1, sizeof *drug_names);
    drug_name_line *n = &drug_names[drug_name_count++];
    n->name = dup(field(t, row, 0));
    n->drugs = dup(field(t, row, 1));
    n->kind = dup(field(t, row, 2));
    return KMGCA_OK;
}

static const char *effect_enum(const char *v)
{
    static const char *const names[][2] = {
        {"down", "KMGCA_EFFECT_DOWN"},       {"up", "KMGCA_EFFECT_UP"},
        {"minor_down", "KMGCA_EFFECT_MINOR_DOWN"}, {"minor_up", "KMGCA_EFFECT_MINOR_UP"},
        {"neutral", "KMGCA_EFFECT_NEUTRAL"}, {"variable", "KMGCA_EFFECT_VARIABLE"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(v, names[i][0]) == 0)
            return names[i][1];
    fprintf(stderr, "embedtables: drugs.csv: unknown effect \"%s\"\n", v);
    exit(1);
}

/* drug_classes_zh.csv: the Chinese of each class of drugs.csv. */
static struct { char *en, *zh; } *classes;
static size_t class_count, class_cap;

static kmgca_status drug_class_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    classes = grow(classes, &class_cap, class_count + 1, sizeof *classes);
    classes[class_count].en = dup(field(t, row, 0));
    classes[class_count++].zh = dup(field(t, row, 1));
    return KMGCA_OK;
}

static long drug_index(const char *en)
{
    for (size_t i = 0; i < drug_count; i++)
        if (strcmp(drug_lines[i].f[0], en) == 0)
            return (long)i;
    return -1;
}

/* ---- Supplements (drugtables/salts.csv and supplements.csv) ---------------- */

typedef struct {
    char *name, *element, *formula, *fraction, *names, *source, *review;
} salt_line;
static salt_line *salt_lines;
static size_t salt_count, salt_cap;

typedef struct {
    char *name, *aliases, *element, *amount, *basis, *salt, *per, *kind, *source, *note;
    long salt_index;
    char per_count[32], per_unit[64];
} supp_line;
static supp_line *supp_lines;
static size_t supp_count, supp_cap;

static int element_of(const char *e)
{
    return !strcmp(e, "Ca") ? KMGCA_CA : !strcmp(e, "Mg") ? KMGCA_MG : !strcmp(e, "K") ? KMGCA_K : -1;
}

static kmgca_status salt_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    salt_line l = {dup(field(t, row, 0)), dup(field(t, row, 1)), dup(field(t, row, 2)),
                   dup(field(t, row, 3)), dup(field(t, row, 4)), dup(field(t, row, 5)),
                   dup(field(t, row, 6))};
    char *end;
    double f = strtod(l.fraction, &end);
    if (!l.name[0] || element_of(l.element) < 0 || *end || !(f > 0 && f < 1) || !l.source[0])
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 0,
                             "a salt needs a name, an element (Ca, Mg or K), a fraction "
                             "between 0 and 1 and a source");
    salt_lines = grow(salt_lines, &salt_cap, salt_count + 1, sizeof *salt_lines);
    salt_lines[salt_count++] = l;
    return KMGCA_OK;
}

static long salt_index(const char *name)
{
    for (size_t i = 0; i < salt_count; i++)
        if (strcmp(salt_lines[i].name, name) == 0)
            return (long)i;
    return -1;
}

static kmgca_status supp_cb(const csv_row *row, void *ud, kmgca_error *err)
{
    table *t = ud;
    TABLE_ROW(t, row, err);
    supp_line l;
    memset(&l, 0, sizeof l);
    l.name = dup(field(t, row, 0));
    l.aliases = dup(field(t, row, 1));
    l.element = dup(field(t, row, 2));
    l.amount = dup(field(t, row, 3));
    l.basis = dup(field(t, row, 4));
    l.salt = dup(field(t, row, 5));
    l.per = dup(field(t, row, 6));
    l.kind = dup(field(t, row, 7));
    l.source = dup(field(t, row, 8));
    l.note = dup(field(t, row, 9));
    l.salt_index = l.salt[0] ? salt_index(l.salt) : -1;
    if (!l.name[0] || element_of(l.element) < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 3,
                             "a product needs a name and an element (Ca, Mg or K)");
    if (strcmp(l.basis, "elemental") && strcmp(l.basis, "salt") && strcmp(l.basis, "mEq"))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 5,
                             "basis must be elemental, salt or mEq (got \"%s\")", l.basis);
    if (l.salt[0] && l.salt_index < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 6,
                             "\"%s\" is no salt of salts.csv", l.salt);
    if (!strcmp(l.basis, "salt") && l.salt_index < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 6,
                             "an amount of a salt needs the salt");
    if (l.salt_index >= 0 && element_of(salt_lines[l.salt_index].element) != element_of(l.element))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 6,
                             "the salt \"%s\" holds no %s", l.salt, l.element);
    if (!strcmp(l.basis, "mEq") && strcmp(l.element, "K") != 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 5,
                             "mEq is kept for potassium only");
    if (l.amount[0]) {
        char *end;
        double v = strtod(l.amount, &end);
        if (*end || !(v > 0) || !l.source[0])
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 4,
                                 "an amount must be a number above 0, with its source");
    }
    /* per: "1 tablet", "5 ml", "2 tablets", "1 支" */
    char *end;
    double per = strtod(l.per, &end);
    while (*end == ' ')
        end++;
    if (!(per > 0) || !*end || strlen(end) >= sizeof l.per_unit)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, t->path, row->line, 7,
                             "per must be a number and a unit (\"1 tablet\", \"5 ml\")");
    snprintf(l.per_count, sizeof l.per_count, "%.10g", per);
    snprintf(l.per_unit, sizeof l.per_unit, "%s", end);
    size_t ul = strlen(l.per_unit);
    if (ul > 1 && l.per_unit[ul - 1] == 's' && (unsigned char)l.per_unit[0] < 0x80)
        l.per_unit[ul - 1] = '\0';   /* "2 tablets": per tablet */
    supp_lines = grow(supp_lines, &supp_cap, supp_count + 1, sizeof *supp_lines);
    supp_lines[supp_count++] = l;
    return KMGCA_OK;
}

/* "a|b c|d" -> the squeezed forms, "|"-separated, the name first. */
static char *squeezed_names(const char *first, const char *rest)
{
    size_t cap = strlen(first) + strlen(rest) + 8, o = 0;
    char *out = malloc(cap * 2 + 16);
    if (!out)
        exit(1);
    out[0] = '\0';
    char buf[1024];
    for (int pass = 0; pass < 2; pass++) {
        const char *p = pass ? rest : first;
        while (p && *p) {
            size_t len = strcspn(p, "|;");
            char one[512];
            snprintf(one, sizeof one, "%.*s", (int)len, p);
            size_t n = text_squeeze(one, buf, sizeof buf, NULL);
            if (n) {
                /* each form once */
                int seen = 0;
                for (const char *q = out; *q && !seen;) {
                    size_t ql = strcspn(q, "|");
                    seen = ql == n && !memcmp(q, buf, n);
                    q += ql + (q[ql] ? 1 : 0);
                }
                if (!seen)
                    o += (size_t)sprintf(out + o, "%s%s", o ? "|" : "", buf);
            }
            p += len + (p[len] ? 1 : 0);
        }
    }
    return out;
}

static void write_supplements(FILE *out)
{
    fprintf(out, "\nconst struct kmgca_salt kmgca_builtin_salts[] = {\n");
    for (size_t i = 0; i < salt_count; i++) {
        salt_line *l = &salt_lines[i];
        char *names = squeezed_names(l->name, l->names);
        fputs("    {", out);
        put_string(out, l->name);
        fprintf(out, ", %d, ", element_of(l->element));
        put_string(out, l->formula);
        fprintf(out, ", %s, ", l->fraction);
        put_string(out, names);
        fputs(", ", out);
        put_string(out, l->source);
        fputs(", ", out);
        put_string(out, l->review);
        fputs("},\n", out);
        free(names);
    }
    if (!salt_count)
        fputs("    {\"\", 0, \"\", 0, \"\", \"\", \"\"},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_salt_count = %zu;\n\n", salt_count);
    fprintf(out, "const struct kmgca_supp_product kmgca_builtin_supp_products[] = {\n");
    for (size_t i = 0; i < supp_count; i++) {
        supp_line *l = &supp_lines[i];
        char *names = squeezed_names(l->name, l->aliases);
        int basis = !strcmp(l->basis, "salt") ? 1 : !strcmp(l->basis, "mEq") ? 2 : 0;
        fputs("    {", out);
        put_string(out, l->name);
        fputs(", ", out);
        put_string(out, names);
        fprintf(out, ", %d, ", element_of(l->element));
        put_number(out, l->amount);
        fprintf(out, ", %d, %ld, %s, ", basis, l->salt_index, l->per_count);
        put_string(out, l->per_unit);
        fputs(", ", out);
        put_string(out, l->kind);
        fputs(", ", out);
        put_string(out, l->source);
        fputs(", ", out);
        put_string(out, l->note);
        fputs("},\n", out);
        free(names);
    }
    if (!supp_count)
        fputs("    {\"\", \"\", 0, NAN, 0, -1, 1, \"\", \"\", \"\", \"\"},\n", out);
    fprintf(out, "};\nconst size_t kmgca_builtin_supp_product_count = %zu;\n", supp_count);
}

static int embed_drugs(const char *dir, const char *out_path)
{
    char path[4096];
    kmgca_error err;
    static const char *const cols[] = {"generic_name_en", "generic_name_zh", "atc_code",
                                       "drug_class", "family", "k", "mg", "ca", "na",
                                       "effect_type", "flag_priority", "components", "note",
                                       "source", "origin"};
    table t = {.names = cols, .ncols = 15};
    snprintf(path, sizeof path, "%s/drugs.csv", dir);
    t.path = path;
    if (csv_read_file(path, drug_cb, &t, NULL, &err) != KMGCA_OK)
        die(&err);
    static const char *const name_cols[] = {"name", "drugs", "kind"};
    table nt = {.names = name_cols, .ncols = 3};
    snprintf(path, sizeof path, "%s/names.csv", dir);
    nt.path = path;
    if (csv_read_file(path, drug_name_cb, &nt, NULL, &err) != KMGCA_OK)
        die(&err);
    static const char *const class_cols[] = {"drug_class", "drug_class_zh"};
    table ct = {.names = class_cols, .ncols = 2};
    snprintf(path, sizeof path, "%s/drug_classes_zh.csv", dir);
    ct.path = path;
    if (csv_read_file(path, drug_class_cb, &ct, NULL, &err) != KMGCA_OK)
        die(&err);
    static const char *const salt_cols[] = {"salt", "element", "formula", "fraction", "names",
                                            "source", "?review"};
    table st = {.names = salt_cols, .ncols = 7};
    snprintf(path, sizeof path, "%s/salts.csv", dir);
    st.path = path;
    if (csv_read_file(path, salt_cb, &st, NULL, &err) != KMGCA_OK)
        die(&err);
    static const char *const supp_cols[] = {"name", "aliases", "element", "amount_mg", "basis",
                                            "salt", "per", "kind", "source", "note"};
    table pt = {.names = supp_cols, .ncols = 10};
    snprintf(path, sizeof path, "%s/supplements.csv", dir);
    pt.path = path;
    if (csv_read_file(path, supp_cb, &pt, NULL, &err) != KMGCA_OK)
        die(&err);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
    FILE *out = fopen(tmp, "w");
    if (!out) {
        fprintf(stderr, "embedtables: cannot write %s: %s\n", tmp, strerror(errno));
        return 1;
    }
    fprintf(out, "/* Generated by tools/embedtables from drugtables/: do not edit. */\n"
                 "#include \"internal.h\"\n#include <math.h>\n\nconst struct kmgca_drug kmgca_builtin_drugs[] = {\n");
    for (size_t i = 0; i < drug_count; i++) {
        char **f = drug_lines[i].f;
        fputs("    {", out);
        for (int c = 0; c < 5; c++) {
            put_string(out, f[c]);
            fputs(", ", out);
        }
        fprintf(out, "{%s, %s, %s, %s}, ", effect_enum(f[7]), effect_enum(f[6]),
                effect_enum(f[5]), effect_enum(f[8]));
        for (int c = 9; c < 14; c++) {
            put_string(out, f[c]);
            fputs(", ", out);
        }
        fprintf(out, "%d, ", strcmp(f[14], "other_drugs.csv") == 0);
        size_t k = 0;
        while (k < class_count && strcmp(classes[k].en, f[3]) != 0)
            k++;
        if (k == class_count) {
            fprintf(stderr, "embedtables: %s/drug_classes_zh.csv has no Chinese for the class "
                            "\"%s\" (%s)\n", dir, f[3], f[0]);
            fclose(out);
            remove(tmp);
            return 1;
        }
        put_string(out, classes[k].zh);
        fputs("},\n", out);
    }
    fprintf(out, "};\nconst size_t kmgca_builtin_drug_count = %zu;\n\n", drug_count);
    fprintf(out, "const struct kmgca_drug_name kmgca_builtin_drug_names[] = {\n");
    for (size_t i = 0; i < drug_name_count; i++) {
        drug_name_line *n = &drug_names[i];
        fputs("    {", out);
        put_string(out, n->name);
        fputs(", ", out);
        put_string(out, n->kind);
        fputs(", {", out);
        int parts = 0;
        char *p = n->drugs;
        while (*p) {
            size_t len = strcspn(p, "+");
            char save = p[len];
            p[len] = '\0';
            long d = drug_index(p);
            if (d < 0 || parts == KMGCA_DRUG_MAX_PARTS) {
                fprintf(stderr, "embedtables: names.csv: \"%s\" names no drug of drugs.csv "
                                "(or too many)\n", n->name);
                return 1;
            }
            fprintf(out, "%s%ld", parts ? ", " : "", d);
            parts++;
            if (!save)
                break;
            p += len + 1;
        }
        fprintf(out, "}, %d},\n", parts);
    }
    fprintf(out, "};\nconst size_t kmgca_builtin_drug_name_count = %zu;\n", drug_name_count);
    write_supplements(out);
    if (fclose(out) != 0 || rename(tmp, out_path) != 0) {
        fprintf(stderr, "embedtables: cannot write %s: %s\n", out_path, strerror(errno));
        remove(tmp);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--drugs") == 0)
        return embed_drugs(argv[2], argv[3]);
    if (argc != 4) {
        fprintf(stderr, "usage: embedtables FOODTABLES_DIR DRI_CSV OUT.c\n"
                        "       embedtables --drugs DRUGTABLES_DIR OUT.c\n");
        return 2;
    }
    const char *dri_path = argv[2];
    argv[2] = argv[3];
    const char *dir = argv[1];
    char path[4096];
    kmgca_error err;

    static const char *const food_cols[] = {"id", "source", "description", "group",
                                            "ca_mg", "mg_mg", "k_mg", "na_mg"};
    table ft = {.names = food_cols, .ncols = 8};
    snprintf(path, sizeof path, "%s/foods.csv", dir);
    ft.path = path;
    if (csv_read_file(path, food_cb, &ft, NULL, &err) != KMGCA_OK)
        die(&err);

    slot_mask = 1;
    while (slot_mask < food_count * 2 + 4096)   /* room for the recipes */
        slot_mask = slot_mask * 2 + 1;
    slots = calloc(slot_mask + 1, sizeof *slots);
    if (!slots)
        return 1;
    for (size_t i = 0; i < food_count; i++) {
        if (food_index(foods[i].source, foods[i].id) >= 0) {
            fprintf(stderr, "embedtables: %s %s is listed twice in foods.csv\n",
                    foods[i].source, foods[i].id);
            return 1;
        }
        size_t s = key_hash(foods[i].source, foods[i].id) & slot_mask;
        while (slots[s])
            s = (s + 1) & slot_mask;
        slots[s] = i + 1;
    }

    static const char *const portion_cols[] = {"source", "id", "amount", "measure", "grams"};
    table pt = {.names = portion_cols, .ncols = 5};
    snprintf(path, sizeof path, "%s/portions.csv", dir);
    pt.path = path;
    if (csv_read_file(path, portion_cb, &pt, NULL, &err) != KMGCA_OK)
        die(&err);
    read_recipes(dir);
    /* Group portions by food, keeping the file order (by seq) within one. */
    size_t *count = calloc(food_count + 1, sizeof *count);
    size_t *owner = malloc((portion_count + 1) * sizeof *owner);
    if (!count || !owner)
        return 1;
    for (size_t i = 0; i < portion_count; i++) {
        long f = food_index(portions[i].source, portions[i].id);
        if (f < 0) {
            fprintf(stderr, "embedtables: portions.csv names %s %s, not in foods.csv\n",
                    portions[i].source, portions[i].id);
            return 1;
        }
        owner[i] = (size_t)f;
        count[f]++;
    }
    size_t next = 0;
    for (size_t f = 0; f < food_count; f++) {
        foods[f].first_portion = next;
        foods[f].portion_count = count[f];
        next += count[f];
        count[f] = 0;
    }
    portion_row *ordered = malloc((portion_count + 1) * sizeof *ordered);
    if (!ordered)
        return 1;
    for (size_t i = 0; i < portion_count; i++) {
        size_t f = owner[i];
        ordered[foods[f].first_portion + count[f]++] = portions[i];
    }

    /* Aliases: every aliases*.csv, in name order, so the output is stable. */
    static const char *const alias_cols[] = {"alias", "?lang", "source", "id", "?kind"};
    struct dirent **names;
    int nnames = scandir(dir, &names, NULL, alphasort);
    if (nnames < 0) {
        fprintf(stderr, "embedtables: cannot list %s: %s\n", dir, strerror(errno));
        return 1;
    }
    for (int i = 0; i < nnames; i++) {
        const char *n = names[i]->d_name;
        size_t len = strlen(n);
        if (strncmp(n, "aliases", 7) == 0 && len > 4 && strcmp(n + len - 4, ".csv") == 0) {
            table at = {.names = alias_cols, .ncols = 5};
            snprintf(path, sizeof path, "%s/%s", dir, n);
            at.path = path;
            if (csv_read_file(path, alias_cb, &at, NULL, &err) != KMGCA_OK)
                die(&err);
        }
        free(names[i]);
    }
    free(names);
    static const char *const hand_cols[] = {"name", "source", "id", "reason"};
    table nt = {.names = hand_cols, .ncols = 4};
    snprintf(path, sizeof path, "%s/names_zh.csv", dir);
    nt.path = path;
    names_first = alias_count;
    if (file_exists(path) && csv_read_file(path, names_cb, &nt, NULL, &err) != KMGCA_OK)
        die(&err);
    names_end = alias_count;
    add_recipe_names();

    read_household(dir);
    read_words(dir);
    read_zh_words(dir);
    read_pinyin(dir);
    read_english(dir);
    read_as_eaten(dir);
    simplify_tables();
    unsigned char *food_kind = malloc(food_count + 1);
    if (!food_kind)
        return 1;
    for (size_t i = 0; i < food_count; i++)
        food_kind[i] = kind_from_rules(rules, rule_count, foods[i].description, foods[i].group);

    static const char *const dri_cols[] = {"system", "nutrient", "life_stage", "sex",
                                           "age_min", "age_max", "rda_or_ai_mg", "kind",
                                           "ul_mg", "ul_note", "source"};
    table dt = {.names = dri_cols, .ncols = 11, .path = dri_path};
    if (csv_read_file(dri_path, dri_cb, &dt, NULL, &err) != KMGCA_OK)
        die(&err);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *out = fopen(tmp, "w");
    if (!out) {
        fprintf(stderr, "embedtables: cannot write %s: %s\n", tmp, strerror(errno));
        return 1;
    }
    fprintf(out, "/* Generated by tools/embedtables from foodtables/: do not edit. */\n"
                 "#include \"internal.h\"\n#include <math.h>\n\n");
    /* The foods without pointers (the loader relocates nothing; foods.c
     * makes a food's struct on first use): text as offsets into one pool
     * where each distinct string is written once, portions and a recipe's
     * ingredients as ranges of index. */
    size_t food_texts = food_count * BUILTIN_TEXTS;
    pool_begin(out, "kmgca_builtin_food_pool", food_texts + portion_count + recipe_item_count);
    uint32_t *text = malloc((food_texts + portion_count + recipe_item_count + 1) * sizeof *text);
    if (!text) {
        fprintf(stderr, "embedtables: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < food_count; i++) {
        char packed[TEXT_DOC_WORDS * (TEXT_WORD_MAX + 2)];
        uint32_t *at = text + i * BUILTIN_TEXTS;
        at[BUILTIN_ID] = pool_put(foods[i].id);
        at[BUILTIN_SOURCE] = pool_put(foods[i].source);
        at[BUILTIN_DESCRIPTION] = pool_put(foods[i].description);
        at[BUILTIN_GROUP] = pool_put(foods[i].group);
        at[BUILTIN_NAME_ZH] = foods[i].name_zh ? pool_put(foods[i].name_zh) : 0;
        at[BUILTIN_KEYS] =
            keys_of(foods[i].description, packed, sizeof packed) ? pool_put(packed) : 0;
    }
    uint32_t *t = text + food_texts;
    for (size_t i = 0; i < portion_count; i++)
        *t++ = pool_put(ordered[i].measure);
    for (size_t i = 0; i < recipe_item_count; i++)
        *t++ = pool_put(recipe_items[i].name);
    pool_end();
    t = text + food_texts;
    fprintf(out, "const struct kmgca_builtin_portion kmgca_builtin_portions[] = {\n");
    for (size_t i = 0; i < portion_count; i++)
        fprintf(out, "    {%s, %s, %u},\n", ordered[i].amount, ordered[i].grams, (unsigned)*t++);
    if (!portion_count)
        fprintf(out, "    {0, 0, 0},\n");
    fprintf(out, "};\nconst size_t kmgca_builtin_portion_count = %zu;\n\n", portion_count);
    fprintf(out, "const struct kmgca_builtin_item kmgca_builtin_items[] = {\n");
    for (size_t i = 0; i < recipe_item_count; i++)
        fprintf(out, "    {%.17g, %zu, %u},\n", recipe_items[i].grams, recipe_items[i].food,
                (unsigned)*t++);
    if (!recipe_item_count)
        fprintf(out, "    {0, 0, 0},\n");
    fprintf(out, "};\nconst size_t kmgca_builtin_item_count = %zu;\n\n", recipe_item_count);
    fprintf(out, "const struct kmgca_builtin_food kmgca_builtin_foods[] = {\n");
    for (size_t i = 0; i < food_count; i++) {
        food_row *f = &foods[i];
        const uint32_t *at = text + i * BUILTIN_TEXTS;
        fputs("    {{", out);
        for (int n = 0; n < 4; n++) {
            put_number(out, f->minerals[n]);
            fputs(n < 3 ? ", " : "}, ", out);
        }
        fprintf(out, "%.17g, {", f->recipe_count ? f->cooked : 0.0);
        for (int k = 0; k < BUILTIN_TEXTS; k++)
            fprintf(out, "%s%u", k ? ", " : "", (unsigned)at[k]);
        fprintf(out, "}, %zu, %zu, %zu, %zu, %u},\n", f->first_portion, f->portion_count,
                f->recipe_count ? f->recipe_first : 0, f->recipe_count, food_kind[i]);
    }
    fprintf(out, "};\nconst size_t kmgca_builtin_food_count = %zu;\n\n", food_count);
    fprintf(out, "struct kmgca_food kmgca_builtin_made[%zu];\n"
                 "const struct kmgca_food *kmgca_builtin_made_at[%zu];\n"
                 "kmgca_portion kmgca_builtin_made_portions[%zu];\n"
                 "struct kmgca_recipe_item kmgca_builtin_made_items[%zu];\n\n",
            food_count + 1, food_count + 1, portion_count + 1, recipe_item_count + 1);
    /* The foods in the order of their source and id (ties: table order),
     * for kmgca_foods_find. */
    size_t *order = malloc((food_count + 1) * sizeof *order);
    if (!order) {
        fprintf(stderr, "embedtables: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < food_count; i++)
        order[i] = i;
    qsort(order, food_count, sizeof *order, by_source_id);
    fprintf(out, "const uint32_t kmgca_builtin_food_by_id[] = {");
    for (size_t i = 0; i < food_count; i++)
        fprintf(out, "%s%zu,", i % 16 ? " " : "\n    ", order[i]);
    fprintf(out, "%s};\n\n", food_count ? "" : "0");
    free(order);
    free(text);
    fprintf(out, "const uint64_t kmgca_builtin_food_lit[] = {\n");
    for (size_t i = 0; i < food_count; i++)
        fprintf(out, "    0x%016llxull,\n", (unsigned long long)text_literal_hash(foods[i].description));
    if (!food_count)
        fputs("    0,\n", out);
    fprintf(out, "};\n\n");
    /* The names without pointers: offsets into one pool of text (offset 0
     * is the empty string, "no keys"), so the loader relocates nothing. */
    size_t *text_at = calloc(alias_count + 1, sizeof *text_at);
    size_t *keys_at = calloc(alias_count + 1, sizeof *keys_at);
    if (!text_at || !keys_at) {
        fprintf(stderr, "embedtables: out of memory\n");
        exit(1);
    }
    fprintf(out, "const char kmgca_builtin_alias_pool[] =\n    \"\\0\"");
    size_t at = 1;
    for (size_t i = 0; i < alias_count; i++) {
        char packed[TEXT_DOC_WORDS * (TEXT_WORD_MAX + 2)];
        text_at[i] = at;
        fputs("\n    ", out);
        put_string(out, aliases[i].text);
        fputs(" \"\\0\"", out);
        at += strlen(aliases[i].text) + 1;
        /* Chinese names are not split into words */
        if (strcmp(aliases[i].lang, "zh") != 0 && keys_of(aliases[i].text, packed, sizeof packed)) {
            keys_at[i] = at;
            fputc(' ', out);
            put_string(out, packed);
            fputs(" \"\\0\"", out);
            at += strlen(packed) + 1;
        }
    }
    fputs(";\n", out);
    fprintf(out, "const struct kmgca_builtin_alias kmgca_builtin_aliases[] = {\n");
    for (size_t i = 0; i < alias_count; i++)
        fprintf(out, "    {%zu, %zu, %zu, %d, %d},\n", text_at[i], keys_at[i], aliases[i].food,
                strcmp(aliases[i].lang, "zh") == 0, aliases[i].rank);
    if (!alias_count)
        fprintf(out, "    {0, 0, 0, 0, 0},\n");
    fprintf(out, "};\nconst size_t kmgca_builtin_alias_count = %zu;\n\n", alias_count);
    free(text_at);
    free(keys_at);
    write_household(out);
    write_words(out);
    write_zh_words(out);
    write_portion_names(out);
    write_zh_trad(out);
    write_pinyin(out);
    write_english(out);
    write_as_eaten(out);
    fprintf(out, "const struct kmgca_dri kmgca_builtin_dri[] = {\n");
    for (size_t i = 0; i < dri_count; i++) {
        dri_row *d = &dris[i];
        fprintf(out, "    {%s, %s, ", strncmp(d->system, "US", 2) == 0 ? "KMGCA_REF_US" : "KMGCA_REF_CHINA",
                nutrient_enum(d->nutrient));
        put_string(out, d->stage);
        fprintf(out, ", '%c', %s, ", d->sex[0] == 'm' ? 'm' : d->sex[0] == 'f' ? 'f' : 'b', d->age_min);
        fputs(*d->age_max ? d->age_max : "INFINITY", out);
        fprintf(out, ", %s, ", d->target);
        put_string(out, d->kind);
        fputs(", ", out);
        put_number(out, d->ul);
        fputs(", ", out);
        put_string(out, d->ul_note);
        fputs(", ", out);
        put_string(out, d->source);
        fputs("},\n", out);
    }
    fprintf(out, "};\nconst size_t kmgca_builtin_dri_count = %zu;\n", dri_count);
    if (fclose(out) != 0 || rename(tmp, argv[2]) != 0) {
        fprintf(stderr, "embedtables: cannot write %s: %s\n", argv[2], strerror(errno));
        remove(tmp);
        return 1;
    }
    return 0;
}
