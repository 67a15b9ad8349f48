/* foods.c — the food set: built-in tables, custom foods layered on top. */
#include "internal.h"
#include "table.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static int grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t cap2 = *cap ? *cap : 64;
    while (cap2 < need)
        cap2 *= 2;
    void *p = realloc(*items, cap2 * size);
    if (!p)
        return 0;
    *items = p;
    *cap = cap2;
    return 1;
}

kmgca_foods *kmgca_foods_new(kmgca_error *err)
{
    kmgca_foods *f = calloc(1, sizeof *f);
    if (!f) {
        kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory opening the food tables");
        return NULL;
    }
    pthread_mutex_init(&f->lock, NULL);
    /* The built-in foods' slots stay NULL until each is used. */
    if (!(f->foods = calloc(kmgca_builtin_food_count + 1, sizeof *f->foods))) {
        kmgca_foods_free(f);
        kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory opening the food tables");
        return NULL;
    }
    f->cap = kmgca_builtin_food_count + 1;
    f->count = kmgca_builtin_food_count;
    f->builtin_aliases = kmgca_builtin_alias_count;
    return f;
}

/* Makes built-in food i (and the foods of its ingredients): its struct,
 * portions and ingredients filled from the pointer-free table, then
 * published. make_lock is held. */
static pthread_mutex_t make_lock = PTHREAD_MUTEX_INITIALIZER;

static const struct kmgca_food *make_locked(size_t i)
{
    const struct kmgca_food *done = __atomic_load_n(&kmgca_builtin_made_at[i], __ATOMIC_ACQUIRE);
    if (done)
        return done;
    const struct kmgca_builtin_food *b = &kmgca_builtin_foods[i];
    const char *pool = kmgca_builtin_food_pool;
    struct kmgca_food *food = &kmgca_builtin_made[i];
    food->id = pool + b->text[BUILTIN_ID];
    food->source = pool + b->text[BUILTIN_SOURCE];
    food->description = pool + b->text[BUILTIN_DESCRIPTION];
    food->group = pool + b->text[BUILTIN_GROUP];
    food->name_zh = b->text[BUILTIN_NAME_ZH] ? pool + b->text[BUILTIN_NAME_ZH] : NULL;
    food->keys = b->text[BUILTIN_KEYS] ? pool + b->text[BUILTIN_KEYS] : NULL;
    memcpy(food->per_100g, b->per_100g, sizeof food->per_100g);
    food->kind = b->kind;
    food->cooked = b->cooked;
    kmgca_portion *p = kmgca_builtin_made_portions + b->first_portion;
    for (uint32_t k = 0; k < b->portion_count; k++) {
        const struct kmgca_builtin_portion *bp = &kmgca_builtin_portions[b->first_portion + k];
        p[k] = (kmgca_portion){bp->amount, pool + bp->measure, bp->grams};
    }
    food->portions = p;
    food->portion_count = b->portion_count;
    if (b->item_count) {
        /* Ingredients come before the dish in the tables: no cycle. */
        struct kmgca_recipe_item *it = kmgca_builtin_made_items + b->first_item;
        for (uint32_t k = 0; k < b->item_count; k++) {
            const struct kmgca_builtin_item *bi = &kmgca_builtin_items[b->first_item + k];
            it[k] = (struct kmgca_recipe_item){make_locked(bi->food), bi->grams, pool + bi->name};
        }
        food->recipe = it;
        food->recipe_count = b->item_count;
    }
    __atomic_store_n(&kmgca_builtin_made_at[i], food, __ATOMIC_RELEASE);
    return food;
}

const struct kmgca_food *foods_make(const kmgca_foods *f, size_t i)
{
    if (i >= kmgca_builtin_food_count)
        return NULL;  /* custom foods are always in place */
    const struct kmgca_food *food = __atomic_load_n(&kmgca_builtin_made_at[i], __ATOMIC_ACQUIRE);
    if (!food) {
        pthread_mutex_lock(&make_lock);
        food = make_locked(i);
        pthread_mutex_unlock(&make_lock);
    }
    /* Every thread stores the same pointer. */
    __atomic_store_n(&f->foods[i], food, __ATOMIC_RELEASE);
    return food;
}

int foods_is_builtin_at(const kmgca_foods *f, size_t i)
{
    return i < kmgca_builtin_food_count && i < f->count &&
           foods_food(f, i) == &kmgca_builtin_made[i];
}

size_t foods_alias_count(const kmgca_foods *f)
{
    return f->builtin_aliases + f->alias_count;
}

struct kmgca_alias foods_alias_at(const kmgca_foods *f, size_t i)
{
    if (i >= f->builtin_aliases)
        return f->aliases[i - f->builtin_aliases];
    const struct kmgca_builtin_alias *b = &kmgca_builtin_aliases[i];
    return (struct kmgca_alias){kmgca_builtin_alias_pool + b->text, b->zh ? "zh" : "en", b->food,
                                b->keys ? kmgca_builtin_alias_pool + b->keys : NULL, b->rank};
}

void kmgca_foods_free(kmgca_foods *f)
{
    if (!f)
        return;
    foods_derived_free(f);   /* the matcher's index and memo */
    arena_free(&f->strings);
    free(f->foods);
    free(f->aliases);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

size_t kmgca_foods_count(const kmgca_foods *f) { return f ? f->count : 0; }

const kmgca_food *kmgca_foods_at(const kmgca_foods *f, size_t i)
{
    return f && i < f->count ? foods_food(f, i) : NULL;
}

const kmgca_food *kmgca_foods_find(const kmgca_foods *f, const char *source, const char *id)
{
    if (!f || !source || !id)
        return NULL;
    /* Custom foods come last and win, so search from the end. */
    size_t builtin = kmgca_builtin_food_count;
    if (f->count < builtin || (builtin && !foods_is_builtin_at(f, builtin - 1)))
        builtin = 0;  /* a set fuzz/ trimmed: all of it made */
    for (size_t i = f->count; i-- > builtin;) {
        const struct kmgca_food *food = foods_food(f, i);
        if (strcmp(food->id, id) == 0 && strcmp(food->source, source) == 0)
            return food;
    }
    /* The built-in ones in the order of source and id, without making
     * them: the last of equals, as the search from the end finds. */
    const char *pool = kmgca_builtin_food_pool;
    size_t lo = 0, hi = builtin;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct kmgca_builtin_food *b = &kmgca_builtin_foods[kmgca_builtin_food_by_id[mid]];
        int c = strcmp(pool + b->text[BUILTIN_SOURCE], source);
        if (!c)
            c = strcmp(pool + b->text[BUILTIN_ID], id);
        if (c <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0) {
        uint32_t i = kmgca_builtin_food_by_id[lo - 1];
        const struct kmgca_builtin_food *b = &kmgca_builtin_foods[i];
        if (strcmp(pool + b->text[BUILTIN_SOURCE], source) == 0 &&
            strcmp(pool + b->text[BUILTIN_ID], id) == 0)
            return foods_food(f, i);
    }
    return NULL;
}

const char *kmgca_food_id(const kmgca_food *food) { return food ? food->id : ""; }
const char *kmgca_food_source(const kmgca_food *food) { return food ? food->source : ""; }
const char *kmgca_food_description(const kmgca_food *food)
{
    return food ? food->description : "";
}
const char *kmgca_food_group(const kmgca_food *food) { return food ? food->group : ""; }
const char *kmgca_food_name_zh(const kmgca_food *food) { return food ? food->name_zh : NULL; }

size_t kmgca_food_ingredient_count(const kmgca_food *food)
{
    return food ? food->recipe_count : 0;
}

double kmgca_food_cooked_yield(const kmgca_food *food)
{
    return food && food->recipe_count && food->cooked > 0 ? food->cooked : 1;
}

const char *kmgca_food_ingredient(const kmgca_food *food, size_t i, const kmgca_food **as,
                                  double *grams)
{
    if (!food || i >= food->recipe_count)
        return NULL;
    const struct kmgca_recipe_item *it = &food->recipe[i];
    if (as)
        *as = it->food;
    if (grams)
        *grams = it->grams;
    return it->name;
}

const char *kmgca_source_attribution(const char *source)
{
    if (source && strcmp(source, "TFDA") == 0)
        return KMGCA_TFDA_ATTRIBUTION;
    return NULL;
}

const char *kmgca_food_attribution(const kmgca_food *food)
{
    if (!food)
        return NULL;
    const char *att = kmgca_source_attribution(food->source);
    /* A recipe's ingredients may be recipes: they existed before it, so
     * the walk ends. */
    for (unsigned i = 0; !att && i < food->recipe_count; i++)
        att = kmgca_food_attribution(food->recipe[i].food);
    return att;
}

double kmgca_food_per_100g(const kmgca_food *food, kmgca_nutrient n)
{
    if (!food || (unsigned)n >= KMGCA_NUTRIENT_COUNT)
        return NAN;
    return food->per_100g[n];
}

double kmgca_food_mg(const kmgca_food *food, kmgca_nutrient n, double grams)
{
    /* + 0.0 turns -0 (from -0 g) into 0. */
    return kmgca_food_per_100g(food, n) * grams / 100.0 + 0.0;
}

size_t kmgca_food_portion_count(const kmgca_food *food)
{
    return food ? food->portion_count : 0;
}

const kmgca_portion *kmgca_food_portion(const kmgca_food *food, size_t i)
{
    return food && i < food->portion_count ? &food->portions[i] : NULL;
}

/* ---- Custom foods ------------------------------------------------------- */

enum { CUSTOM_NAME, CUSTOM_ALIASES, CUSTOM_CA, CUSTOM_MG, CUSTOM_K, CUSTOM_NA, CUSTOM_PORTIONS,
       CUSTOM_KIND, CUSTOM_COUNT };

static const char *const custom_columns[CUSTOM_COUNT] = {
    [CUSTOM_NAME] = "name|food|description|食物|名称",
    [CUSTOM_ALIASES] = "aliases|alias|other names|别名",
    [CUSTOM_CA] = "ca_mg|ca|calcium|calcium (mg)|calcium_mg|钙",
    [CUSTOM_MG] = "mg_mg|mg|magnesium|magnesium (mg)|magnesium_mg|镁",
    [CUSTOM_K] = "k_mg|k|potassium|potassium (mg)|potassium_mg|钾",
    [CUSTOM_NA] = "na_mg|na|sodium|sodium (mg)|sodium_mg|钠",
    [CUSTOM_PORTIONS] = "portions|portion|servings|份量",
    [CUSTOM_KIND] = "kind|类别",
};
static const char *const custom_labels[CUSTOM_COUNT] = {
    "name", "aliases", "ca_mg", "mg_mg", "k_mg", "na_mg", "portions", "kind"};
static const char *const custom_missing[CUSTOM_COUNT] = {
    [CUSTOM_NAME] = "no \"name\" column in the header (columns: name, aliases, ca_mg, mg_mg, "
                    "k_mg, na_mg, portions, kind)",
};
/* No header name twice: a custom foods file is written by hand, and a name
 * given twice is a mistake whichever column it is. */
static const table_schema custom_table = {.names = custom_columns, .labels = custom_labels,
                                          .count = CUSTOM_COUNT, .required = 1u << CUSTOM_NAME,
                                          .missing = custom_missing, .names_once = 1};

typedef struct {
    kmgca_foods *foods;
    const char *path;
    arena tmp;                      /* holds the new foods until all rows pass */
    struct kmgca_food **added;
    size_t added_count, added_cap;
    struct kmgca_alias *aliases;
    size_t alias_count, alias_cap;
    unsigned long *added_line;
    int kind_given;                 /* the row being read has a kind */
} custom_load;

/* "1 cup=240; 2 scoops = 60" -> portions in the arena. */
static kmgca_status parse_portions(custom_load *cl, const table_reader *t, const csv_row *row,
                                   struct kmgca_food *f, kmgca_error *err)
{
    unsigned long c = table_column(t, CUSTOM_PORTIONS);
    if (table_blank(table_field(t, row, CUSTOM_PORTIONS)))
        return KMGCA_OK;
    char *text = arena_strdup(&cl->tmp, table_field(t, row, CUSTOM_PORTIONS));
    if (!text)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    size_t parts = 1;
    for (const char *p = text; *p; p++)
        parts += *p == ';';
    kmgca_portion *portions = arena_alloc(&cl->tmp, parts * sizeof *portions);
    if (!portions)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    size_t n = 0;
    char *save = NULL;
    for (char *part = strtok_r(text, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
        part = text_trim(part);
        if (!*part)
            continue;
        char *eq = strrchr(part, '=');
        if (!eq)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                                 c,
                                 "portion \"%s\" needs the form \"1 cup=240\" (grams after =)",
                                 part);
        *eq = '\0';
        char *measure = text_trim(part);
        char *grams_text = text_trim(eq + 1);
        double grams;
        size_t used = parse_decimal(grams_text, &grams);
        const char *after = text_trim(grams_text + used);
        if (!used || (*after && strcmp(after, "g") != 0) || !(grams > 0) || grams > 100000)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                                 c,
                                 "portion \"%s\": grams must be a number above 0 (got \"%s\")",
                                 measure, grams_text);
        kmgca_serving s;
        double amount = 1;
        char serving[64], rest[128];
        if (kmgca_serving_split(measure, serving, sizeof serving, rest, sizeof rest) &&
            kmgca_serving_parse(serving, &s, NULL) == KMGCA_OK && s.amount > 0) {
            amount = s.amount;
            /* Keep the unit words with the measure: "1 cup" -> amount 1, "cup". */
            const char *m = measure;
            while (*m && (isdigit((unsigned char)*m) || *m == ' ' || *m == '.' || *m == '/' ||
                          *m == ','))
                m++;
            measure = (char *)m;
        }
        if (!*measure)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                                 c, "portion has no measure name before =");
        portions[n].amount = amount;
        portions[n].measure = arena_strdup(&cl->tmp, measure);
        portions[n].grams = grams;
        if (!portions[n].measure)
            return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        n++;
    }
    f->portions = portions;
    f->portion_count = (unsigned)n;
    return KMGCA_OK;
}

static kmgca_status add_alias(custom_load *cl, const char *text, kmgca_error *err)
{
    if (!grow((void **)&cl->aliases, &cl->alias_cap, cl->alias_count + 1,
              sizeof *cl->aliases))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    const char *copy = arena_strdup(&cl->tmp, text);
    if (!copy)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    /* The food index is fixed when the foods are committed. */
    cl->aliases[cl->alias_count++] =
        (struct kmgca_alias){copy, text_has_cjk(text) ? "zh" : "en", (uint32_t)cl->added_count - 1};
    return KMGCA_OK;
}

/* A field of names split at ';' or '|', each an alias of the food just
 * added. For a custom food (f given) the first Chinese one is its Chinese
 * name, and an English one may say the kind a Chinese name cannot. */
static kmgca_status add_aliases(custom_load *cl, const char *list, struct kmgca_food *f,
                                kmgca_error *err)
{
    if (table_blank(list))
        return KMGCA_OK;
    char *text = arena_strdup(&cl->tmp, list);
    if (!text)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    char *save = NULL;
    for (char *a = strtok_r(text, ";|", &save); a; a = strtok_r(NULL, ";|", &save)) {
        a = text_trim(a);
        if (!*a)
            continue;
        kmgca_status st = add_alias(cl, a, err);
        if (st != KMGCA_OK)
            return st;
        if (f && !f->name_zh && text_has_cjk(a))
            f->name_zh = a;
        if (f && !f->kind && !cl->kind_given)
            f->kind = kind_from_rules(kmgca_builtin_kind_rules, kmgca_builtin_kind_rule_count,
                                      a, NULL);
    }
    return KMGCA_OK;
}

static kmgca_status custom_kind(custom_load *cl, const table_reader *t, const csv_row *row,
                                struct kmgca_food *f, kmgca_error *err);

static kmgca_status custom_row(const table_reader *t, const csv_row *row, void *ud,
                               kmgca_error *err)
{
    custom_load *cl = ud;
    unsigned long nc = table_column(t, CUSTOM_NAME);
    const char *name_text = table_field(t, row, CUSTOM_NAME);
    if (table_blank(name_text))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line, nc,
                             "the food has no name");
    char name[256];
    copy_text(name, sizeof name, name_text);
    char *nm = text_trim(name);
    if (strlen(name_text) >= sizeof name)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, cl->path, row->line, nc,
                             "name is longer than %zu bytes", sizeof name - 1);
    for (size_t i = 0; i < cl->added_count; i++)
        if (strcmp(cl->added[i]->description, nm) == 0)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line, nc,
                                 "food \"%s\" is defined twice (first on line %lu)", nm,
                                 cl->added_line[i]);

    struct kmgca_food *f = arena_alloc(&cl->tmp, sizeof *f);
    if (!f)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    memset(f, 0, sizeof *f);
    f->description = arena_strdup(&cl->tmp, nm);
    f->id = f->description;
    f->source = "custom";
    f->group = "Custom foods";
    f->name_zh = text_has_cjk(nm) ? f->description : NULL;
    static const int cols[KMGCA_NUTRIENT_COUNT] = {CUSTOM_CA, CUSTOM_MG, CUSTOM_K, CUSTOM_NA};
    int any = 0;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        f->per_100g[n] = NAN;
        const char *text = table_field(t, row, cols[n]);
        if (table_blank(text))
            continue;
        char buf[64];
        copy_text(buf, sizeof buf, text);
        char *s = text_trim(buf);
        double v;
        size_t used = parse_decimal(s, &v);
        if (!used || *text_trim(s + used) || v > 100000)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                                 table_column(t, cols[n]),
                                 "%s must be mg per 100 g, a number from 0 to 100000 (got "
                                 "\"%s\"); leave it blank when not known",
                                 kmgca_nutrient_name((kmgca_nutrient)n), text);
        f->per_100g[n] = v;
        any = 1;
    }
    if (!any)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line, 0,
                             "food \"%s\" has no mineral values (give at least one of ca_mg, "
                             "mg_mg, k_mg, na_mg)",
                             nm);
    kmgca_status st = parse_portions(cl, t, row, f, err);
    if (st == KMGCA_OK)
        st = custom_kind(cl, t, row, f, err);
    if (st != KMGCA_OK)
        return st;
    if (!grow((void **)&cl->added, &cl->added_cap, cl->added_count + 1, sizeof *cl->added))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    size_t cap = cl->added_cap;
    unsigned long *lines = realloc(cl->added_line, cap * sizeof *lines);
    if (!lines)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    cl->added_line = lines;
    cl->added_line[cl->added_count] = row->line;
    cl->added[cl->added_count++] = f;
    if (f->name_zh && (st = add_alias(cl, nm, err)) != KMGCA_OK)
        return st;
    return add_aliases(cl, table_field(t, row, CUSTOM_ALIASES), f, err);
}

/* The kind of a custom food ("rice", "milk": what a bowl or a glass of it
 * holds): the kind column when given, else the rules on its name. */
static kmgca_status custom_kind(custom_load *cl, const table_reader *t, const csv_row *row,
                                struct kmgca_food *f, kmgca_error *err)
{
    const char *kind = table_field(t, row, CUSTOM_KIND);
    cl->kind_given = !table_blank(kind);
    if (!cl->kind_given) {
        f->kind = kind_from_rules(kmgca_builtin_kind_rules, kmgca_builtin_kind_rule_count,
                                  f->description, NULL);
        return KMGCA_OK;
    }
    char buf[64];
    copy_text(buf, sizeof buf, kind);
    char *k = text_trim(buf);
    for (char *c = k; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    int i = kind_find(k);
    if (i < 0) {
        char names[1024];
        size_t o = 0;
        names[0] = '\0';
        for (size_t n = 0; n < kmgca_builtin_kind_count && o + 32 < sizeof names; n++)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", n ? ", " : "",
                                  kmgca_builtin_kinds[n]);
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, CUSTOM_KIND), "unknown kind \"%s\" (kinds: %s)",
                             kind, names);
    }
    f->kind = (unsigned char)i;
    return KMGCA_OK;
}

static kmgca_status custom_commit(custom_load *cl, kmgca_error *err);

kmgca_status kmgca_foods_load_custom(kmgca_foods *foods, const char *path, kmgca_error *err)
{
    if (!foods || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food set or no path given");
    custom_load cl = {.foods = foods, .path = path};
    table_reader t = {.path = path, .schema = &custom_table, .on_row = custom_row, .ud = &cl,
                      .empty = "the file is empty (expected a header: name, aliases, ca_mg, "
                               "mg_mg, k_mg, na_mg, portions)"};
    kmgca_status st = table_read(&t, err);
    if (st == KMGCA_OK)
        st = custom_commit(&cl, err);
    arena_free(&cl.tmp);
    free(cl.added);
    free(cl.added_line);
    free(cl.aliases);
    return st;
}

/* Adds the foods and names a load read to the set, all or nothing. */
static kmgca_status custom_commit(custom_load *cl, kmgca_error *err)
{
    kmgca_foods *foods = cl->foods;
    kmgca_status st = KMGCA_OK;
    {
        pthread_mutex_lock(&foods->lock);
        size_t base = foods->count;
        if (!grow((void **)&foods->foods, &foods->cap, base + cl->added_count,
                  sizeof *foods->foods) ||
            !grow((void **)&foods->aliases, &foods->alias_cap,
                  foods->alias_count + cl->alias_count, sizeof *foods->aliases)) {
            st = kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        } else {
            for (size_t i = 0; i < cl->added_count; i++)
                foods->foods[base + i] = cl->added[i];
            foods->count += cl->added_count;
            for (size_t i = 0; i < cl->alias_count; i++) {
                struct kmgca_alias a = cl->aliases[i];
                a.food = (uint32_t)(base + a.food);
                foods->aliases[foods->alias_count++] = a;
            }
            arena_adopt(&foods->strings, &cl->tmp);
            foods_derived_free(foods);
        }
        pthread_mutex_unlock(&foods->lock);
    }
    return st;
}

/* ---- Recipes (--recipes, the format of foodtables/recipes_zh.csv) -------- */

enum { RECIPE_NAME, RECIPE_INGREDIENT, RECIPE_SOURCE, RECIPE_ID, RECIPE_GRAMS,
       RECIPE_PORTIONS, RECIPE_NAMES, RECIPE_COOKED, RECIPE_COUNT };

static const char *const recipe_columns[RECIPE_COUNT] = {
    [RECIPE_NAME] = "recipe|dish|菜名|菜谱",
    [RECIPE_INGREDIENT] = "ingredient|配料|食材",
    [RECIPE_SOURCE] = "source|来源",
    [RECIPE_ID] = "id|编号",
    [RECIPE_GRAMS] = "grams|g|克",
    [RECIPE_PORTIONS] = "portions|份量",
    [RECIPE_NAMES] = "names|aliases|别名",
    [RECIPE_COOKED] = "cooked|熟重比",
};
static const char *const recipe_labels[RECIPE_COUNT] = {
    "recipe", "ingredient", "source", "id", "grams", "portions", "names", "cooked"};
#define RECIPE_HEADER \
    " column in the header (columns: recipe, ingredient, source, id, grams, portions, names)"
static const char *const recipe_missing[RECIPE_COUNT] = {
    [RECIPE_NAME] = "no \"recipe\"" RECIPE_HEADER,
    [RECIPE_SOURCE] = "no \"source\"" RECIPE_HEADER,
    [RECIPE_ID] = "no \"id\"" RECIPE_HEADER,
    [RECIPE_GRAMS] = "no \"grams\"" RECIPE_HEADER,
    [RECIPE_PORTIONS] = "no \"portions\"" RECIPE_HEADER,
};
static const table_schema recipe_table = {
    .names = recipe_columns, .labels = recipe_labels, .count = RECIPE_COUNT,
    .required = 1u << RECIPE_NAME | 1u << RECIPE_SOURCE | 1u << RECIPE_ID |
                1u << RECIPE_GRAMS | 1u << RECIPE_PORTIONS,
    .missing = recipe_missing, .names_once = 1};

typedef struct {
    custom_load cl;
    struct kmgca_food *dish;        /* the recipe being read */
    struct kmgca_recipe_item *items;
    size_t item_count, item_cap;
    recipe_sum dish_sum;
    char portions[512];
    unsigned long portions_line, portions_col;
} recipe_load;

/* Ends the recipe being read: its minerals per 100 g and its portions. */
static kmgca_status recipe_finish(recipe_load *rl, kmgca_error *err)
{
    struct kmgca_food *d = rl->dish;
    if (!d)
        return KMGCA_OK;
    rl->dish = NULL;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        d->per_100g[n] = recipe_sum_per_100g(&rl->dish_sum, n);
    struct kmgca_recipe_item *items = arena_alloc(&rl->cl.tmp, rl->item_count * sizeof *items);
    if (!items)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    memcpy(items, rl->items, rl->item_count * sizeof *items);
    d->recipe = items;
    d->recipe_count = (unsigned)rl->item_count;
    /* portions: "盘=1|份=1|个=0.1", servings in one of each measure */
    size_t parts = 1;
    for (const char *p = rl->portions; *p; p++)
        parts += *p == '|';
    kmgca_portion *portions = arena_alloc(&rl->cl.tmp, parts * sizeof *portions);
    if (!portions)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    size_t n = 0;
    char *save = NULL;
    for (char *part = strtok_r(rl->portions, "|", &save); part;
         part = strtok_r(NULL, "|", &save)) {
        const char *measure;
        double servings;
        if (!recipe_portion_parse(part, &measure, &servings))
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, rl->cl.path, rl->portions_line,
                                 rl->portions_col,
                                 "portions of \"%s\": expected measure=servings, e.g. "
                                 "\"盘=1|份=1|个=0.1\"",
                                 d->description);
        for (size_t k = 0; k < n; k++)
            if (strcmp(portions[k].measure, measure) == 0)
                return kmgca_fail_at(err, KMGCA_ERROR_VALUE, rl->cl.path, rl->portions_line,
                                     rl->portions_col, "portions of \"%s\": \"%s\" is given twice",
                                     d->description, portions[k].measure);
        portions[n].amount = 1;
        portions[n].measure = arena_strdup(&rl->cl.tmp, measure);
        portions[n].grams = servings * recipe_sum_served(&rl->dish_sum);
        if (!portions[n++].measure)
            return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    }
    if (n == 0)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, rl->cl.path, rl->portions_line,
                             rl->portions_col,
                             "portions of \"%s\": expected measure=servings, e.g. \"盘=1|份=1\"",
                             d->description);
    d->portions = portions;
    d->portion_count = (unsigned)n;
    return KMGCA_OK;
}

/* The first row of a recipe: the dish itself, with its portions, how much
 * of its weight cooking keeps and its other names. */
static kmgca_status recipe_begin(recipe_load *rl, const table_reader *t, const csv_row *row,
                                 const char *nm, kmgca_error *err)
{
    custom_load *cl = &rl->cl;
    unsigned long name_col = table_column(t, RECIPE_NAME);
    kmgca_status st;
    if ((st = recipe_finish(rl, err)) != KMGCA_OK)
        return st;
    for (size_t i = 0; i < cl->added_count; i++)
        if (strcmp(cl->added[i]->description, nm) == 0)
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line, name_col,
                                 "recipe \"%s\" again: a recipe's rows must be together "
                                 "(it began on line %lu)",
                                 nm, cl->added_line[i]);
    if (kmgca_foods_find(cl->foods, "custom", nm))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line, name_col,
                             "\"%s\" is already a custom food (--foods or an earlier "
                             "--recipes); give the recipe another name",
                             nm);
    const char *portions = table_field(t, row, RECIPE_PORTIONS);
    if (strlen(portions) >= sizeof rl->portions)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, cl->path, row->line,
                             table_column(t, RECIPE_PORTIONS),
                             "portions is longer than %zu bytes", sizeof rl->portions - 1);
    if (table_blank(portions))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, RECIPE_PORTIONS),
                             "recipe \"%s\": its first row needs the portions "
                             "(measure=servings, e.g. \"盘=1|份=1\")",
                             nm);
    copy_text(rl->portions, sizeof rl->portions, portions);
    rl->portions_line = row->line;
    rl->portions_col = table_column(t, RECIPE_PORTIONS);
    struct kmgca_food *d = arena_alloc(&cl->tmp, sizeof *d);
    if (!d || !(d->description = arena_strdup(&cl->tmp, nm)))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    const char *desc = d->description;
    memset(d, 0, sizeof *d);
    d->description = desc;
    d->id = desc;
    d->source = "custom";
    d->group = "Custom recipes";
    d->name_zh = text_has_cjk(desc) ? desc : NULL;
    d->kind = kind_from_rules(kmgca_builtin_kind_rules, kmgca_builtin_kind_rule_count,
                              desc, "recipe");
    if (!grow((void **)&cl->added, &cl->added_cap, cl->added_count + 1, sizeof *cl->added))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    unsigned long *lines = realloc(cl->added_line, cl->added_cap * sizeof *lines);
    if (!lines)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    cl->added_line = lines;
    cl->added_line[cl->added_count] = row->line;
    cl->added[cl->added_count++] = d;
    rl->dish = d;
    rl->item_count = 0;
    memset(&rl->dish_sum, 0, sizeof rl->dish_sum);
    if (!recipe_cooked_parse(table_field(t, row, RECIPE_COOKED), &rl->dish_sum.cooked))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, RECIPE_COOKED),
                             "cooked of \"%s\": expected the weight as served per gram of "
                             "ingredients, a number from 0.3 to 1.5 (0.8: a fifth of the "
                             "weight lost as water)",
                             nm);
    d->cooked = rl->dish_sum.cooked;
    if ((st = add_alias(cl, desc, err)) != KMGCA_OK)
        return st;
    return add_aliases(cl, table_field(t, row, RECIPE_NAMES), NULL, err);
}

/* A row's ingredient: a food of the tables or of --foods, by source and id,
 * and its grams in one serving. */
static kmgca_status recipe_item(recipe_load *rl, const table_reader *t, const csv_row *row,
                                kmgca_error *err)
{
    custom_load *cl = &rl->cl;
    const char *source = table_field(t, row, RECIPE_SOURCE);
    const char *id = table_field(t, row, RECIPE_ID);
    const kmgca_food *f = kmgca_foods_find(cl->foods, source, id);
    if (!f)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, RECIPE_ID),
                             "ingredient %s %s is not a food kmgca knows (source SR28, FNDDS, "
                             "TFDA, recipe or custom, and its id: see kmgca food --search)",
                             source, id);
    char gbuf[64];
    if (strlen(table_field(t, row, RECIPE_GRAMS)) >= sizeof gbuf)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, RECIPE_GRAMS),
                             "grams must be a number above 0 and at most 10000");
    copy_text(gbuf, sizeof gbuf, table_field(t, row, RECIPE_GRAMS));
    double g;
    char *gs = text_trim(gbuf);
    size_t used = parse_decimal(gs, &g);
    if (!used || *text_trim(gs + used) || !(g > 0) || g > 10000)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, RECIPE_GRAMS),
                             "grams must be a number above 0 and at most 10000 (got \"%s\")",
                             table_field(t, row, RECIPE_GRAMS));
    const char *ing = table_field(t, row, RECIPE_INGREDIENT);
    const char *label =
        arena_strdup(&cl->tmp, table_blank(ing) ? kmgca_food_description(f) : ing);
    if (!label ||
        !grow((void **)&rl->items, &rl->item_cap, rl->item_count + 1, sizeof *rl->items))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    rl->items[rl->item_count++] = (struct kmgca_recipe_item){f, g, label};
    recipe_sum_add(&rl->dish_sum, g, f->per_100g);
    return KMGCA_OK;
}

static kmgca_status recipe_row(const table_reader *t, const csv_row *row, void *ud,
                               kmgca_error *err)
{
    recipe_load *rl = ud;
    custom_load *cl = &rl->cl;
    char name[256];
    unsigned long name_col = table_column(t, RECIPE_NAME);
    if (strlen(table_field(t, row, RECIPE_NAME)) >= sizeof name)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, cl->path, row->line, name_col,
                             "the recipe's name is longer than %zu bytes", sizeof name - 1);
    copy_text(name, sizeof name, table_field(t, row, RECIPE_NAME));
    char *nm = text_trim(name);
    if (!*nm)
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line, name_col,
                             "the row names no recipe");
    if (!rl->dish || strcmp(rl->dish->description, nm) != 0) {
        kmgca_status st = recipe_begin(rl, t, row, nm, err);
        if (st != KMGCA_OK)
            return st;
    } else if (!table_blank(table_field(t, row, RECIPE_COOKED))) {
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, cl->path, row->line,
                             table_column(t, RECIPE_COOKED),
                             "cooked of \"%s\" goes on the recipe's first row, with its portions",
                             nm);
    }
    return recipe_item(rl, t, row, err);
}

kmgca_status kmgca_foods_load_recipes(kmgca_foods *foods, const char *path, kmgca_error *err)
{
    if (!foods || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food set or no path given");
    recipe_load rl = {.cl = {.foods = foods, .path = path}};
    table_reader t = {.path = path, .schema = &recipe_table, .on_row = recipe_row, .ud = &rl,
                      .empty = "the file is empty (expected a header: recipe, ingredient, "
                               "source, id, grams, portions, names)"};
    kmgca_status st = table_read(&t, err);
    if (st == KMGCA_OK)
        st = recipe_finish(&rl, err);
    if (st == KMGCA_OK)
        st = custom_commit(&rl.cl, err);
    arena_free(&rl.cl.tmp);
    free(rl.cl.added);
    free(rl.cl.added_line);
    free(rl.cl.aliases);
    free(rl.items);
    return st;
}
