/* drugimport — builds kmgca's drug tables (drugtables/drugs.csv and
 * drugtables/names.csv) from the shared drug list and the project's own
 * reviewed additions.
 *
 *   drugimport SHARED_DRUGS_CSV DRUGTABLES_DIR OUT_DIR
 *
 * Inputs:
 *   SHARED_DRUGS_CSV            mineral_affecting_drugs.csv (shared data, §6)
 *   DRUGTABLES_DIR/other_drugs.csv     common drugs with no K/Mg/Ca/Na effect
 *   DRUGTABLES_DIR/combinations.csv    components of the combination rows
 *   DRUGTABLES_DIR/curated_names.csv   abbreviations, regional names, brands
 * Outputs (written to NAME.tmp, renamed when complete):
 *   OUT_DIR/drugs.csv   one row per drug, effects as in the source
 *   OUT_DIR/names.csv   every name a medication list may use, to drug(s)
 *
 * The rules are in drugtables/PROVENANCE.md. Any problem in the inputs (a
 * component or a curated name naming no drug, a bad effect value, a
 * duplicate drug) stops the import with file:line and nothing is written.
 */
#include "internal.h"
#include "table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DRUGS 1024
#define MAX_NAMES 8192

typedef struct {
    char *en, *zh, *atc, *cls, *family, *eff[4], *type, *priority, *components, *note,
        *source, *origin;
} drug_row;

typedef struct {
    char *name, *drugs, *kind;
} name_row;

static drug_row drugs[MAX_DRUGS];
static size_t ndrugs;
static name_row names[MAX_NAMES];
static size_t nnames;
static const char *current;

static void die(unsigned long line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "drugimport: %s:%lu: ", current, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static char *dup(const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p) {
        fprintf(stderr, "drugimport: out of memory\n");
        exit(1);
    }
    return p;
}


/* ---- Reading ------------------------------------------------------------ */

typedef struct {
    const char *const *want; /* column names, NULL-terminated */
    long col[20];
    int have_header;
    void (*row)(const char **f, unsigned long line);
} reader;

static kmgca_status on_row(const csv_row *row, void *ud, kmgca_error *err)
{
    (void)err;
    reader *r = ud;
    size_t n = 0;
    while (r->want[n])
        n++;
    if (!r->have_header) {
        for (size_t i = 0; i < n; i++) {
            r->col[i] = csv_find_column(row, r->want[i]);
            if (r->col[i] < 0)
                die(row->line, "no column \"%s\"", r->want[i]);
        }
        r->have_header = 1;
        return KMGCA_OK;
    }
    const char *f[20];
    for (size_t i = 0; i < n; i++)
        f[i] = (size_t)r->col[i] < row->count ? row->fields[r->col[i]] : "";
    r->row(f, row->line);
    return KMGCA_OK;
}

static void read_table(const char *path, const char *const *want,
                       void (*fn)(const char **f, unsigned long line))
{
    reader r = {.want = want, .row = fn};
    kmgca_error err;
    current = path;
    if (csv_read_file(path, on_row, &r, NULL, &err) != KMGCA_OK) {
        fprintf(stderr, "drugimport: %s:%lu:%lu: %s\n", err.file, err.line, err.column,
                err.message);
        exit(1);
    }
}

static drug_row *find_drug(const char *en)
{
    for (size_t i = 0; i < ndrugs; i++)
        if (strcmp(drugs[i].en, en) == 0)
            return &drugs[i];
    return NULL;
}

static const char *check_effect(const char *v, unsigned long line)
{
    static const char *const ok[] = {"down", "up", "minor_down", "minor_up", "neutral",
                                     "variable"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(v, ok[i]) == 0)
            return v;
    die(line, "effect \"%s\" is not one of down, up, minor_down, minor_up, neutral, variable", v);
    return NULL;
}

/* The diuretic family a class belongs to, for the flags: thiazide (also
 * thiazide-like and combinations holding one), loop, carbonic_anhydrase,
 * potassium_sparing, or empty. */
static const char *family_of(const char *cls)
{
    if (strstr(cls, "loop"))
        return "loop";
    if (strstr(cls, "thiazide") || strstr(cls, "ACEi + diuretic"))
        return "thiazide";
    if (strstr(cls, "carbonic anhydrase"))
        return "carbonic_anhydrase";
    if (strstr(cls, "potassium-sparing"))
        return "potassium_sparing";
    return "";
}

static drug_row *new_drug(const char *en, unsigned long line)
{
    if (!*en)
        die(line, "a drug without an English generic name");
    if (find_drug(en))
        die(line, "drug \"%s\" is listed twice", en);
    if (ndrugs == MAX_DRUGS)
        die(line, "more than %d drugs", MAX_DRUGS);
    drug_row *d = &drugs[ndrugs++];
    memset(d, 0, sizeof *d);
    d->en = dup(en);
    return d;
}

static void shared_row(const char **f, unsigned long line)
{
    drug_row *d = new_drug(f[1], line);
    d->atc = dup(f[0]);
    d->zh = dup(f[2]);
    d->cls = dup(f[4]);
    d->family = dup(family_of(f[4]));
    for (int n = 0; n < 4; n++)
        d->eff[n] = dup(check_effect(f[5 + n], line));
    d->type = dup(f[9]);
    d->priority = dup(f[10]);
    d->note = dup(f[11]);
    d->source = dup(f[12]);
    d->components = dup("");
    d->origin = dup(f[3]); /* the brands, until the names are made in main() */
}

static void other_row(const char **f, unsigned long line)
{
    if (find_drug(f[1]))
        die(line, "\"%s\" is in the mineral-affecting table already", f[1]);
    drug_row *d = new_drug(f[1], line);
    d->atc = dup(f[0]);
    d->zh = dup(f[2]);
    d->cls = dup(f[5]);
    d->family = dup("");
    for (int n = 0; n < 4; n++)
        d->eff[n] = dup("neutral");
    d->type = dup("none");
    d->priority = dup("none");
    d->note = dup("No effect on potassium, magnesium, calcium or sodium is listed in kmgca's table.");
    d->source = dup(f[6]);
    d->components = dup("");
    /* other names and brands, joined for add_names */
    size_t len = strlen(f[3]) + strlen(f[4]) + 4;
    char *all = malloc(len);
    if (!all)
        exit(1);
    snprintf(all, len, "%s; %s", f[3], f[4]);
    d->origin = all;
}

/* Checks that every |-alternative of every ;-group names a single drug. */
static void combination_row(const char **f, unsigned long line)
{
    drug_row *d = find_drug(f[0]);
    if (!d)
        die(line, "combination \"%s\" is no drug of the shared table", f[0]);
    char *buf = dup(f[1]);
    for (char *g = strtok(buf, ";|"); g; g = strtok(NULL, ";|")) {
        const drug_row *c = find_drug(text_trim(g));
        if (!c)
            die(line, "component \"%s\" is no drug of the tables", text_trim(g));
    }
    free(buf);
    free(d->components);
    d->components = dup(f[1]);
}

/* ---- Names -------------------------------------------------------------- */

static name_row *find_name(const char *name)
{
    for (size_t i = 0; i < nnames; i++)
        if (strcasecmp(names[i].name, name) == 0)
            return &names[i];
    return NULL;
}

/* Adds name -> drugs unless the name is there already (first one wins:
 * curated names are added first). */
static void add_name(const char *name, const char *drugs_text, const char *kind)
{
    char *n = text_trim(dup(name));
    if (!*n) {
        return;
    }
    if (find_name(n))
        return;
    if (nnames == MAX_NAMES) {
        fprintf(stderr, "drugimport: more than %d names\n", MAX_NAMES);
        exit(1);
    }
    names[nnames++] = (name_row){dup(n), dup(drugs_text), dup(kind)};
}

static void curated_row(const char **f, unsigned long line)
{
    char *buf = dup(f[1]);
    for (char *p = strtok(buf, "+"); p; p = strtok(NULL, "+"))
        if (!find_drug(text_trim(p)))
            die(line, "name \"%s\": \"%s\" is no drug of the tables", f[0], text_trim(p));
    free(buf);
    if (find_name(f[0]))
        die(line, "name \"%s\" is listed twice", f[0]);
    add_name(f[0], f[1], f[2]);
}

/* Splits a list of names on ';' and ',' (and a Chinese '；'), takes a
 * "(...)" inside as a name of its own unless it describes a combination
 * ("HCTZ+amiloride"), and drops "e.g.". */
static void add_list(const char *list, const char *drug, const char *kind)
{
    char *buf = dup(list);
    char *p = buf;
    while (*p) {
        size_t n = strcspn(p, ";,");
        char save = p[n];
        p[n] = '\0';
        char *item = text_trim(p);
        if (strncmp(item, "e.g. ", 5) == 0)
            item = text_trim(item + 5);
        char *open = strstr(item, "(");
        if (!open)
            open = strstr(item, "\xef\xbc\x88"); /* （ */
        if (open) {
            int wide = (unsigned char)*open == 0xef;
            *open = '\0';
            char *inner = open + (wide ? 3 : 1);
            char *close = strstr(inner, wide ? "\xef\xbc\x89" : ")");
            if (close)
                *close = '\0';
            if (!strchr(inner, '+'))
                add_name(inner, drug, kind);
        }
        add_name(item, drug, kind);
        if (!save)
            break;
        p += n + 1;
    }
    free(buf);
}

/* ---- Writing ------------------------------------------------------------ */

static void put(FILE *f, const char *s, int last)
{
    if (strpbrk(s, ",\"\n\r")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
}

static void commit(FILE *f, const char *tmp, const char *path)
{
    if (fflush(f) != 0 || ferror(f) || fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "drugimport: %s: cannot write\n", path);
        remove(tmp);
        exit(1);
    }
}

static FILE *open_out(const char *dir, const char *name, char *path, char *tmp, size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    snprintf(tmp, size, "%s/%s.tmp", dir, name);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "drugimport: %s: cannot create\n", tmp);
        exit(1);
    }
    return f;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: drugimport SHARED_DRUGS_CSV DRUGTABLES_DIR OUT_DIR\n");
        return 2;
    }
    char path[4096], tmp[4096];
    static const char *const shared_cols[] = {
        "atc_code", "generic_name_en", "generic_name_zh", "brand_examples", "drug_class",
        "k_effect", "mg_effect", "ca_effect", "na_effect", "effect_type", "flag_priority",
        "note", "source", NULL};
    static const char *const other_cols[] = {"atc_code", "generic_name_en", "generic_name_zh",
                                             "other_names", "brand_examples", "drug_class",
                                             "source", NULL};
    static const char *const combo_cols[] = {"combination", "components", NULL};
    static const char *const name_cols[] = {"name", "drugs", "kind", NULL};

    read_table(argv[1], shared_cols, shared_row);
    size_t shared = ndrugs;
    snprintf(path, sizeof path, "%s/other_drugs.csv", argv[2]);
    read_table(path, other_cols, other_row);
    snprintf(path, sizeof path, "%s/combinations.csv", argv[2]);
    read_table(path, combo_cols, combination_row);
    snprintf(path, sizeof path, "%s/curated_names.csv", argv[2]);
    read_table(path, name_cols, curated_row);

    /* Names from the tables themselves, after the curated ones. */
    for (size_t i = 0; i < ndrugs; i++) {
        drug_row *d = &drugs[i];
        /* The English name whole, and without a "(...)" at its end. */
        add_name(d->en, d->en, "generic");
        char *plain = dup(d->en), *open = strstr(plain, " (");
        if (open) {
            *open = '\0';
            add_name(plain, d->en, "generic");
        }
        free(plain);
        add_list(d->zh, d->en, "zh");
        add_list(d->origin, d->en, i < shared ? "brand" : "other");
        free(d->origin);
        d->origin = dup(i < shared ? "mineral_affecting_drugs.csv" : "other_drugs.csv");
    }

    FILE *f = open_out(argv[3], "drugs.csv", path, tmp, sizeof path);
    static const char *const head[] = {"generic_name_en", "generic_name_zh", "atc_code",
                                       "drug_class", "family", "k", "mg", "ca", "na",
                                       "effect_type", "flag_priority", "components", "note",
                                       "source", "origin"};
    for (size_t c = 0; c < 15; c++)
        put(f, head[c], c == 14);
    for (size_t i = 0; i < ndrugs; i++) {
        const drug_row *d = &drugs[i];
        const char *v[15] = {d->en,     d->zh,     d->atc,     d->cls,    d->family,
                             d->eff[0], d->eff[1], d->eff[2],  d->eff[3], d->type,
                             d->priority, d->components, d->note, d->source, d->origin};
        for (size_t c = 0; c < 15; c++)
            put(f, v[c], c == 14);
    }
    commit(f, tmp, path);

    f = open_out(argv[3], "names.csv", path, tmp, sizeof path);
    fputs("name,drugs,kind\n", f);
    for (size_t i = 0; i < nnames; i++) {
        put(f, names[i].name, 0);
        put(f, names[i].drugs, 0);
        put(f, names[i].kind, 1);
    }
    commit(f, tmp, path);
    fprintf(stderr, "drugimport: drugs.csv: %zu drugs (%zu mineral-affecting, %zu other); "
                    "names.csv: %zu names\n",
            ndrugs, shared, ndrugs - shared, nnames);
    return 0;
}
