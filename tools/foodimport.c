/*
 * foodimport - build kmgca's food tables from the USDA reference files.
 *
 * Usage: foodimport DATA_DIR OUT_DIR
 *
 * Reads USDA SR28 (the 2015 relational files plus the May 2016 ABBREV
 * revision), the FNDDS 2017-2018 "At A Glance" CSVs, the project's
 * Chinese/English food-name list and the Taiwan FDA Food Nutrient
 * Database (tfda/tfda_minerals.csv) from DATA_DIR, and writes foods.csv,
 * portions.csv (with a TFDA food's 斤 as bought, its refuse taken off) and
 * aliases_zh.csv into OUT_DIR.
 *
 * Every input is read and checked before anything is written, and each
 * table is written to NAME.tmp and renamed into place only when complete,
 * so an error never leaves a truncated table behind.  Numbers are carried
 * as decimal text from input to output, never through binary floating
 * point, so no digit can change on the way.  The rules are described in
 * foodtables/PROVENANCE.md.
 */
#define _POSIX_C_SOURCE 200809L

#include <csv.h>
#include <zlib.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* ------------------------------------------------------------------ */
/* Errors and memory                                                   */
/* ------------------------------------------------------------------ */

#define MAX_TEMPORARIES 4

/* Temporary outputs that must disappear if the run fails. */
static char *temporaries[MAX_TEMPORARIES];
static size_t n_temporaries;

static void remove_temporaries(void)
{
    for (size_t i = 0; i < n_temporaries; i++) {
        unlink(temporaries[i]);
        free(temporaries[i]);
    }
    n_temporaries = 0;
}

/* Reports "foodimport: FILE:LINE: reason" (LINE left out when it is 0,
 * FILE too when it is NULL), removes partial outputs and exits 1. */
static void fail(const char *file, long line, const char *fmt, ...)
    PRINTF_LIKE(3, 4) NORETURN;

static void fail(const char *file, long line, const char *fmt, ...)
{
    va_list ap;

    fputs("foodimport: ", stderr);
    if (file != NULL && line > 0)
        fprintf(stderr, "%s:%ld: ", file, line);
    else if (file != NULL)
        fprintf(stderr, "%s: ", file);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    remove_temporaries();
    exit(1);
}

static void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (p == NULL)
        fail(NULL, 0, "out of memory");
    return p;
}

static void *xrealloc(void *old, size_t size)
{
    void *p = realloc(old, size ? size : 1);

    if (p == NULL)
        fail(NULL, 0, "out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t len)
{
    char *copy = xmalloc(len + 1);

    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

static char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* Makes room for one more element in a growable array. */
static void *grow(void *items, size_t *cap, size_t count, size_t elem_size)
{
    if (count < *cap)
        return items;
    size_t new_cap = *cap ? *cap * 2 : 64;
    if (new_cap > ((size_t)-1) / elem_size)
        fail(NULL, 0, "out of memory");
    *cap = new_cap;
    return xrealloc(items, new_cap * elem_size);
}

static char *join_path(const char *dir, const char *name)
{
    size_t dlen = strlen(dir);
    size_t nlen = strlen(name);
    char *path = xmalloc(dlen + 1 + nlen + 1);

    memcpy(path, dir, dlen);
    path[dlen] = '/';
    memcpy(path + dlen + 1, name, nlen + 1);
    return path;
}

/* ------------------------------------------------------------------ */
/* Reading files                                                       */
/* ------------------------------------------------------------------ */

/* Line number (1-based) of byte offset pos, for error messages. */
static long line_of_offset(const char *text, size_t pos)
{
    long line = 1;

    for (size_t i = 0; i < pos; i++)
        if (text[i] == '\n')
            line++;
    return line;
}

/* zlib's messages start with the file name, which fail() already prints. */
static const char *gz_message(gzFile gz, const char *path, int *code)
{
    const char *msg = gzerror(gz, code);
    size_t plen = strlen(path);

    if (strncmp(msg, path, plen) == 0 && strncmp(msg + plen, ": ", 2) == 0)
        msg += plen + 2;
    return msg;
}

/* Reads a whole file into a NUL-terminated buffer.  zlib reads files that
 * are not gzip-compressed as they are, so the same call serves
 * NUT_DATA.txt.gz and every plain file. */
static char *read_file(const char *path, size_t *len_out)
{
    gzFile gz;
    char *data = NULL;
    size_t len = 0, cap = 0;

    errno = 0;
    gz = gzopen(path, "rb");
    if (gz == NULL)
        fail(path, 0, "cannot open: %s",
             errno ? strerror(errno) : "out of memory");
    gzbuffer(gz, 1 << 17);
    for (;;) {
        if (len == cap) {
            if (cap > ((size_t)-1) / 4)
                fail(path, 0, "file too large");
            cap = cap ? cap * 2 : (size_t)1 << 20;
            data = xrealloc(data, cap + 1);
        }
        size_t room = cap - len;
        if (room > (1u << 30))
            room = 1u << 30;    /* gzread takes an unsigned count */
        int got = gzread(gz, data + len, (unsigned)room);
        if (got < 0) {
            int code;
            const char *msg = gz_message(gz, path, &code);
            fail(path, 0, "read error: %s",
                 code == Z_ERRNO ? strerror(errno) : msg);
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    /* A cut-off gzip stream reads as a short file; zlib reports it here. */
    int code;
    const char *msg = gz_message(gz, path, &code);
    if (code != Z_OK)
        fail(path, 0, "read error: %s", msg);
    if (gzclose(gz) != Z_OK)
        fail(path, 0, "read error while closing");
    data[len] = '\0';

    /* Text is handled as C strings from here on; a NUL would cut a field
     * short without anyone noticing. */
    const char *nul = memchr(data, '\0', len);
    if (nul != NULL)
        fail(path, line_of_offset(data, (size_t)(nul - data)), "NUL byte in text");
    *len_out = len;
    return data;
}

/* Walks a buffer line by line, cutting each line in place. */
struct lines {
    char *next;
    char *end;
    long number;        /* number of the line last returned */
};

static void lines_init(struct lines *it, char *text, size_t len)
{
    it->next = text;
    it->end = text + len;
    it->number = 0;
}

/* Returns the next line without its CR/LF, or NULL at the end. */
static char *next_line(struct lines *it)
{
    if (it->next >= it->end)
        return NULL;
    char *line = it->next;
    char *nl = memchr(line, '\n', (size_t)(it->end - line));
    char *stop = nl ? nl : it->end;
    it->next = nl ? nl + 1 : it->end;
    if (stop > line && stop[-1] == '\r')
        stop--;
    *stop = '\0';
    it->number++;
    return line;
}

/* Fails unless text is well-formed UTF-8 (no overlong forms, surrogates or
 * code points above U+10FFFF). */
static void check_utf8(const char *text, size_t len, const char *path)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;

    while (i < len) {
        unsigned c = s[i];
        size_t extra;

        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0)
            extra = 3;
        else
            goto bad;

        /* Smallest code point each length may carry, to refuse overlongs. */
        static const unsigned min_for[4] = { 0, 0x80, 0x800, 0x10000 };
        unsigned min = min_for[extra];
        unsigned cp = c & (0x3Fu >> extra);
        if (len - i <= extra)
            goto bad;
        for (size_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += extra + 1;
    }
    return;
bad:
    fail(path, line_of_offset(text, i), "invalid UTF-8");
}

/* ------------------------------------------------------------------ */
/* Field values                                                        */
/* ------------------------------------------------------------------ */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

/* Rewrites a non-negative decimal such as "5.0", ".5" or "0358" in its
 * shortest exact form ("5", "0.5", "358").  It works on the digits
 * themselves, so the value is exactly the one written in the source.
 * Returns NULL for an empty field (no value); anything that is not a
 * plain decimal is an error. */
static char *canon_decimal(const char *s, const char *path, long line, const char *what)
{
    if (*s == '\0')
        return NULL;

    const char *int_part = s;
    size_t int_len = strspn(s, "0123456789");
    const char *frac = s + int_len;
    size_t frac_len = 0;

    if (*frac == '.') {
        frac++;
        frac_len = strspn(frac, "0123456789");
    }
    if (frac[frac_len] != '\0' || int_len + frac_len == 0)
        fail(path, line, "%s: not a decimal number: \"%s\"", what, s);

    while (int_len > 1 && *int_part == '0') {
        int_part++;
        int_len--;
    }
    if (int_len == 1 && *int_part == '0')
        int_len = 0;            /* written as "0" below */
    while (frac_len > 0 && frac[frac_len - 1] == '0')
        frac_len--;

    char *out = xmalloc(int_len + frac_len + 3);
    size_t n = 0;
    if (int_len == 0)
        out[n++] = '0';
    memcpy(out + n, int_part, int_len);
    n += int_len;
    if (frac_len > 0) {
        out[n++] = '.';
        memcpy(out + n, frac, frac_len);
        n += frac_len;
    }
    out[n] = '\0';
    return out;
}

/* Parses a sequence number: plain digits, at most 9 of them. */
static long parse_seq(const char *s, const char *path, long line, const char *what)
{
    size_t len = strlen(s);

    if (len == 0 || len > 9 || !all_digits(s, len))
        fail(path, line, "%s: not a whole number: \"%s\"", what, s);
    return strtol(s, NULL, 10);
}

/* Copies an identifier that must be exactly `digits` digits long. */
static void parse_id(char *out, const char *s, size_t digits,
                     const char *path, long line, const char *what)
{
    size_t len = strlen(s);

    if (len != digits || !all_digits(s, len))
        fail(path, line, "%s: expected %zu digits, got \"%s\"", what, digits, s);
    memcpy(out, s, digits + 1);
}

/* SR28 text is Latin-1; each byte 0x80-0xFF is the code point of the same
 * value, which takes two bytes in UTF-8. */
static char *latin1_to_utf8(const char *s)
{
    size_t len = strlen(s), high = 0;

    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            high++;
    char *out = xmalloc(len + high + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[n++] = (char)c;
        } else {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[n] = '\0';
    return out;
}

/* Copies s without leading and trailing blanks. */
static char *trimmed_copy(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return xstrndup(s, len);
}

/* ------------------------------------------------------------------ */
/* Tables held in memory                                               */
/* ------------------------------------------------------------------ */

enum mineral { CA, MG, K, NA, N_MINERALS };

struct food {
    char id[9];                 /* 5-digit NDB_No or 8-digit food code */
    char *description;
    char *group;
    char *mineral[N_MINERALS];  /* canonical decimal text; NULL = no value */
    const char *file;           /* where the food was defined, for messages */
    long line;
    int has_nut_data;           /* SR28: NUT_DATA has rows for the food */
    int seen;                   /* matched by a later pass over another file */
    int revision_only;          /* SR28 food found only in ABBREV_2016rev */
};

struct foods {
    struct food *v;
    size_t n, cap;
};

struct portion {
    char id[9];
    long seq;
    char *amount;
    char *measure;
    char *grams;
    size_t order;               /* input order, keeps the sort stable */
    long line;
};

struct portions {
    struct portion *v;
    size_t n, cap;
};

struct alias {
    char *alias;
    const char *lang;
    const char *source;         /* "SR28" or "TFDA" */
    const char *kind;           /* "list", "name" or "common" (see PROVENANCE) */
    char id[9];
};

struct aliases {
    struct alias *v;
    size_t n, cap;
};

static struct food *add_food(struct foods *list, const char *id,
                             const char *file, long line)
{
    list->v = grow(list->v, &list->cap, list->n, sizeof *list->v);
    struct food *f = &list->v[list->n++];
    memset(f, 0, sizeof *f);
    snprintf(f->id, sizeof f->id, "%s", id);
    f->file = file;
    f->line = line;
    return f;
}

static int compare_food_ids(const void *a, const void *b)
{
    return strcmp(((const struct food *)a)->id, ((const struct food *)b)->id);
}

/* Sorts by id and rejects an id that appears twice. */
static void sort_foods(struct foods *list, const char *what)
{
    if (list->n > 1)
        qsort(list->v, list->n, sizeof *list->v, compare_food_ids);
    for (size_t i = 1; i < list->n; i++)
        if (strcmp(list->v[i - 1].id, list->v[i].id) == 0)
            fail(list->v[i].file, list->v[i].line,
                 "%s %s appears twice", what, list->v[i].id);
}

/* Looks an id up in a list sorted by sort_foods. */
static struct food *find_food(const struct foods *list, const char *id)
{
    struct food key;

    /* An id too long for the field cannot match; copying it would cut it
     * down to one that might. */
    if (list->n == 0 || strlen(id) >= sizeof key.id)
        return NULL;
    snprintf(key.id, sizeof key.id, "%s", id);
    return bsearch(&key, list->v, list->n, sizeof *list->v, compare_food_ids);
}

static void free_foods(struct foods *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].description);
        free(list->v[i].group);
        for (int m = 0; m < N_MINERALS; m++)
            free(list->v[i].mineral[m]);
    }
    free(list->v);
}

static struct portion *add_portion(struct portions *list, const char *id, long line)
{
    list->v = grow(list->v, &list->cap, list->n, sizeof *list->v);
    struct portion *p = &list->v[list->n];
    memset(p, 0, sizeof *p);
    snprintf(p->id, sizeof p->id, "%s", id);
    p->order = list->n++;
    p->line = line;
    return p;
}

static int compare_portions(const void *a, const void *b)
{
    const struct portion *x = a, *y = b;
    int c = strcmp(x->id, y->id);

    if (c != 0)
        return c;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void sort_portions(struct portions *list)
{
    if (list->n > 1)
        qsort(list->v, list->n, sizeof *list->v, compare_portions);
}

static void free_portions(struct portions *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].amount);
        free(list->v[i].measure);
        free(list->v[i].grams);
    }
    free(list->v);
}

/* ------------------------------------------------------------------ */
/* SR28: caret-separated files                                         */
/* ------------------------------------------------------------------ */

/* Splits one SR28 line in place into exactly `expected` fields.  Fields are
 * separated by '^'; text fields are wrapped in '~', which are removed.  A
 * '~' field is read up to its closing '~', so a '^' inside it is kept. */
static void split_sr_line(char *line, char **field, int expected,
                          const char *path, long lineno)
{
    char *p = line;
    int n = 0;

    for (;;) {
        char *start, *stop;

        if (n == expected)
            fail(path, lineno, "more than %d fields", expected);
        if (*p == '~') {
            start = p + 1;
            stop = strchr(start, '~');
            if (stop == NULL)
                fail(path, lineno, "field %d: no closing '~'", n + 1);
            p = stop + 1;
            if (*p != '^' && *p != '\0')
                fail(path, lineno, "field %d: text after closing '~'", n + 1);
        } else {
            start = p;
            stop = p + strcspn(p, "^");
            p = stop;
        }
        char separator = *p;
        *stop = '\0';
        field[n++] = start;
        if (separator == '\0')
            break;
        p++;
    }
    if (n != expected)
        fail(path, lineno, "%d fields, expected %d", n, expected);
}

struct food_group {
    char code[5];
    char *desc;
};

struct sr28 {
    struct food_group *groups;
    size_t n_groups, cap_groups;
    struct foods foods;          /* sorted by NDB_No once FOOD_DES is read */
    struct portions weights;
    size_t revised_foods;        /* existing foods whose minerals changed in 2016 */
    size_t revised_values;
    size_t added_foods;          /* foods present only in the 2016 revision */
    char *paths[5];              /* file names, kept for messages */
};

enum sr_file { FD_GROUP, FOOD_DES, NUT_DATA, ABBREV, WEIGHT };

static const char *const sr_file_names[] = {
    "FD_GROUP.txt", "FOOD_DES.txt", "NUT_DATA.txt.gz",
    "ABBREV_2016rev.txt", "WEIGHT.txt",
};

/* The four minerals as SR28 numbers them and where ABBREV keeps them. */
static const char *const sr_nutr_no[N_MINERALS] = { "301", "304", "306", "307" };
static const int abbrev_column[N_MINERALS] = { 10, 12, 14, 15 };
static const char *const mineral_names[N_MINERALS] = {
    "Calcium", "Magnesium", "Potassium", "Sodium",
};

static const char *group_desc(const struct sr28 *sr, const char *code)
{
    for (size_t i = 0; i < sr->n_groups; i++)
        if (strcmp(sr->groups[i].code, code) == 0)
            return sr->groups[i].desc;
    return NULL;
}

static void load_food_groups(struct sr28 *sr)
{
    const char *path = sr->paths[FD_GROUP];
    size_t len;
    char *text = read_file(path, &len);
    struct lines it;
    char *line, *field[2];

    lines_init(&it, text, len);
    while ((line = next_line(&it)) != NULL) {
        split_sr_line(line, field, 2, path, it.number);
        if (strlen(field[0]) != 4 || !all_digits(field[0], 4))
            fail(path, it.number, "FdGrp_Cd: expected 4 digits, got \"%s\"", field[0]);
        if (group_desc(sr, field[0]) != NULL)
            fail(path, it.number, "FdGrp_Cd %s appears twice", field[0]);
        sr->groups = grow(sr->groups, &sr->cap_groups, sr->n_groups, sizeof *sr->groups);
        struct food_group *g = &sr->groups[sr->n_groups++];
        memcpy(g->code, field[0], 5);
        g->desc = latin1_to_utf8(field[1]);
    }
    free(text);
}

static void load_food_des(struct sr28 *sr)
{
    const char *path = sr->paths[FOOD_DES];
    size_t len;
    char *text = read_file(path, &len);
    struct lines it;
    char *line, *field[14];

    lines_init(&it, text, len);
    while ((line = next_line(&it)) != NULL) {
        char id[6];
        split_sr_line(line, field, 14, path, it.number);
        parse_id(id, field[0], 5, path, it.number, "NDB_No");
        const char *group = group_desc(sr, field[1]);
        if (group == NULL)
            fail(path, it.number, "FdGrp_Cd \"%s\" is not in FD_GROUP.txt", field[1]);
        struct food *f = add_food(&sr->foods, id, path, it.number);
        f->description = latin1_to_utf8(field[2]);
        f->group = xstrdup(group);
    }
    free(text);
    sort_foods(&sr->foods, "NDB_No");
}

/* Takes Ca, Mg, K and Na per 100 g from the 2015 nutrient file. */
static void load_nut_data(struct sr28 *sr)
{
    const char *path = sr->paths[NUT_DATA];
    size_t len;
    char *text = read_file(path, &len);
    struct lines it;
    char *line, *field[18];

    lines_init(&it, text, len);
    while ((line = next_line(&it)) != NULL) {
        split_sr_line(line, field, 18, path, it.number);
        struct food *f = find_food(&sr->foods, field[0]);
        if (f == NULL)
            fail(path, it.number, "NDB_No \"%s\" is not in FOOD_DES.txt", field[0]);
        f->has_nut_data = 1;
        for (int m = 0; m < N_MINERALS; m++) {
            if (strcmp(field[1], sr_nutr_no[m]) != 0)
                continue;
            if (f->mineral[m] != NULL)
                fail(path, it.number, "second value of nutrient %s for %s",
                     field[1], f->id);
            f->mineral[m] = canon_decimal(field[2], path, it.number, "Nutr_Val");
        }
    }
    free(text);

    /* Every SR28 food has nutrient rows; one without any means the file
     * was cut short, and its minerals would silently read as missing. */
    for (size_t i = 0; i < sr->foods.n; i++)
        if (!sr->foods.v[i].has_nut_data)
            fail(sr->foods.v[i].file, sr->foods.v[i].line,
                 "NDB_No %s has no rows in %s", sr->foods.v[i].id, path);
}

/* Foods that exist only in the 2016 revision have no FdGrp_Cd, and their
 * NDB_No prefix (33 for 33879) is not a group code.  A group is given only
 * when the description says what the food is: USDA names every baby food
 * "BABYFOOD,..." in Shrt_Desc, and baby foods form group 0300. */
static char *revision_only_group(const struct sr28 *sr, const char *shrt_desc,
                                 const char *path, long line)
{
    static const char prefix[] = "BABYFOOD,";

    if (strncmp(shrt_desc, prefix, sizeof prefix - 1) != 0)
        return xstrdup("");
    const char *desc = group_desc(sr, "0300");
    if (desc == NULL)
        fail(path, line, "baby food %s needs FdGrp_Cd 0300, which FD_GROUP.txt lacks",
             shrt_desc);
    return xstrdup(desc);
}

static int same_value(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;   /* both canonical, so equal text = equal value */
}

/* Applies the May 2016 revision: where ABBREV disagrees with the 2015
 * NUT_DATA on Ca/Mg/K/Na, the revised value wins (a blank means no value),
 * and foods that only the revision has are added. */
static void apply_abbrev(struct sr28 *sr)
{
    const char *path = sr->paths[ABBREV];
    size_t len;
    char *text = read_file(path, &len);
    struct lines it;
    char *line, *field[53];
    struct foods added = { NULL, 0, 0 };

    lines_init(&it, text, len);
    while ((line = next_line(&it)) != NULL) {
        char id[6];
        char *value[N_MINERALS];

        split_sr_line(line, field, 53, path, it.number);
        parse_id(id, field[0], 5, path, it.number, "NDB_No");
        for (int m = 0; m < N_MINERALS; m++)
            value[m] = canon_decimal(field[abbrev_column[m]], path, it.number,
                                     mineral_names[m]);

        struct food *f = find_food(&sr->foods, id);
        if (f == NULL) {
            for (size_t i = 0; i < added.n; i++)
                if (strcmp(added.v[i].id, id) == 0)
                    fail(path, it.number, "NDB_No %s appears twice", id);
            f = add_food(&added, id, path, it.number);
            f->description = latin1_to_utf8(field[1]);
            f->group = revision_only_group(sr, f->description, path, it.number);
            f->revision_only = 1;
            memcpy(f->mineral, value, sizeof value);
            continue;
        }
        if (f->seen)
            fail(path, it.number, "NDB_No %s appears twice", id);
        f->seen = 1;

        int changed = 0;
        for (int m = 0; m < N_MINERALS; m++) {
            if (same_value(f->mineral[m], value[m])) {
                free(value[m]);
                continue;
            }
            free(f->mineral[m]);
            f->mineral[m] = value[m];
            changed++;
        }
        if (changed > 0) {
            sr->revised_foods++;
            sr->revised_values += (size_t)changed;
        }
    }
    free(text);

    for (size_t i = 0; i < sr->foods.n; i++)
        if (!sr->foods.v[i].seen)
            fail(sr->foods.v[i].file, sr->foods.v[i].line,
                 "NDB_No %s is missing from %s", sr->foods.v[i].id, path);

    /* The new foods move over whole; their strings now belong to sr->foods. */
    sr->added_foods = added.n;
    for (size_t i = 0; i < added.n; i++) {
        sr->foods.v = grow(sr->foods.v, &sr->foods.cap, sr->foods.n, sizeof *sr->foods.v);
        sr->foods.v[sr->foods.n++] = added.v[i];
    }
    free(added.v);
    sort_foods(&sr->foods, "NDB_No");
}

static void load_weights(struct sr28 *sr)
{
    const char *path = sr->paths[WEIGHT];
    size_t len;
    char *text = read_file(path, &len);
    struct lines it;
    char *line, *field[7];

    lines_init(&it, text, len);
    while ((line = next_line(&it)) != NULL) {
        split_sr_line(line, field, 7, path, it.number);
        const struct food *f = find_food(&sr->foods, field[0]);
        if (f == NULL || f->revision_only)
            fail(path, it.number, "NDB_No \"%s\" is not in FOOD_DES.txt", field[0]);
        struct portion *p = add_portion(&sr->weights, f->id, it.number);
        p->seq = parse_seq(field[1], path, it.number, "Seq");
        p->amount = canon_decimal(field[2], path, it.number, "Amount");
        p->measure = latin1_to_utf8(field[3]);
        p->grams = canon_decimal(field[4], path, it.number, "Gm_Wgt");
        if (p->amount == NULL || p->grams == NULL)
            fail(path, it.number, "Amount or Gm_Wgt is empty");
    }
    free(text);

    sort_portions(&sr->weights);
    for (size_t i = 1; i < sr->weights.n; i++) {
        const struct portion *a = &sr->weights.v[i - 1], *b = &sr->weights.v[i];
        if (strcmp(a->id, b->id) == 0 && a->seq == b->seq)
            fail(path, b->line, "NDB_No %s has Seq %ld twice", b->id, b->seq);
    }
}

static void load_sr28(struct sr28 *sr, const char *data_dir)
{
    char *dir = join_path(data_dir, "usda_sr28");

    for (int i = 0; i < 5; i++)
        sr->paths[i] = join_path(dir, sr_file_names[i]);
    free(dir);
    load_food_groups(sr);
    load_food_des(sr);
    load_nut_data(sr);
    apply_abbrev(sr);
    load_weights(sr);
}

static void free_sr28(struct sr28 *sr)
{
    for (size_t i = 0; i < sr->n_groups; i++)
        free(sr->groups[i].desc);
    free(sr->groups);
    free_foods(&sr->foods);
    free_portions(&sr->weights);
    for (int i = 0; i < 5; i++)
        free(sr->paths[i]);
}

/* ------------------------------------------------------------------ */
/* CSV files (FNDDS and the name list), parsed with libcsv             */
/* ------------------------------------------------------------------ */

#define MAX_WANTED 12

typedef void (*row_handler)(void *ctx, char **col, const char *path, long line);

/* What to take from a CSV file: the columns named in the header row, in
 * the order given, passed to `row` for every record after the header. */
struct csv_spec {
    const char *path;
    long header_record;         /* 1-based record holding the column names */
    const char *const *wanted;
    size_t n_wanted;
    row_handler row;
    void *ctx;
};

struct csv_state {
    const struct csv_spec *spec;
    char **field;
    size_t n_field, cap_field;
    long records;               /* records completed so far */
    long line;                  /* physical line being parsed */
    long record_line;           /* physical line where the current record began */
    size_t n_columns;           /* fields in the header row */
    size_t index[MAX_WANTED];   /* position of each wanted column */
};

/* libcsv trims blanks around unquoted fields by default; nothing counts as
 * a blank here, so every field keeps exactly the text of the file. */
static int no_blanks(unsigned char c)
{
    (void)c;
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    struct csv_state *st = data;

    st->field = grow(st->field, &st->cap_field, st->n_field, sizeof *st->field);
    st->field[st->n_field++] = xstrndup(s ? (const char *)s : "", s ? len : 0);
}

/* Header names may carry line breaks ("Iron\n(mg)"); compare them with
 * every run of white space turned into one space and the ends trimmed. */
static char *normalise_header(const char *s)
{
    char *out = xmalloc(strlen(s) + 1);
    size_t n = 0;
    int pending_space = 0;

    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
            pending_space = n > 0;
            continue;
        }
        if (pending_space)
            out[n++] = ' ';
        pending_space = 0;
        out[n++] = *s;
    }
    out[n] = '\0';
    return out;
}

static void map_columns(struct csv_state *st)
{
    const struct csv_spec *spec = st->spec;

    st->n_columns = st->n_field;
    for (size_t w = 0; w < spec->n_wanted; w++) {
        int found = 0;
        for (size_t i = 0; i < st->n_field; i++) {
            char *name = normalise_header(st->field[i]);
            int match = strcmp(name, spec->wanted[w]) == 0;
            free(name);
            if (!match)
                continue;
            if (found)
                fail(spec->path, st->record_line, "column \"%s\" appears twice",
                     spec->wanted[w]);
            st->index[w] = i;
            found = 1;
        }
        if (!found)
            fail(spec->path, st->record_line, "no column \"%s\" in the header row",
                 spec->wanted[w]);
    }
}

static void on_record(int terminator, void *data)
{
    struct csv_state *st = data;
    const struct csv_spec *spec = st->spec;

    (void)terminator;
    /* With CSV_REPALL_NL every unquoted line break ends a record; the LF of
     * a CRLF therefore arrives as a record with no fields, which is just
     * skipped, and the next record starts on the following line. */
    if (st->n_field > 0) {
        st->records++;
        if (st->records == spec->header_record) {
            map_columns(st);
        } else if (st->records > spec->header_record) {
            char *col[MAX_WANTED];
            if (st->n_field != st->n_columns)
                fail(spec->path, st->record_line, "%zu fields, the header has %zu",
                     st->n_field, st->n_columns);
            for (size_t w = 0; w < spec->n_wanted; w++)
                col[w] = st->field[st->index[w]];
            spec->row(spec->ctx, col, spec->path, st->record_line);
        }
    }
    for (size_t i = 0; i < st->n_field; i++)
        free(st->field[i]);
    st->n_field = 0;
    st->record_line = st->line + 1;
}

static void read_csv(const struct csv_spec *spec)
{
    size_t len;
    char *text = read_file(spec->path, &len);
    char *p = text, *end = text + len;
    struct csv_parser parser;
    struct csv_state st;

    if (spec->n_wanted > MAX_WANTED)
        fail(spec->path, 0, "internal error: too many columns wanted");
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;                 /* byte-order mark */
    check_utf8(p, (size_t)(end - p), spec->path);

    memset(&st, 0, sizeof st);
    st.spec = spec;
    st.line = 1;
    st.record_line = 1;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        fail(NULL, 0, "out of memory");
    csv_set_space_func(&parser, no_blanks);

    /* Feed one physical line at a time so that st.line always names the
     * line being parsed, for messages. */
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        if (csv_parse(&parser, p, n, on_field, on_record, &st) != n)
            fail(spec->path, st.line, "bad CSV: %s",
                 csv_strerror(csv_error(&parser)));
        p += n;
        if (nl)
            st.line++;
    }
    if (csv_fini(&parser, on_field, on_record, &st) != 0)
        fail(spec->path, st.line, "bad CSV at end of file: %s",
             csv_strerror(csv_error(&parser)));
    csv_free(&parser);
    if (st.records < spec->header_record)
        fail(spec->path, 0, "no header row");
    free(st.field);
    free(text);
}

/* ------------------------------------------------------------------ */
/* FNDDS 2017-2018                                                     */
/* ------------------------------------------------------------------ */

struct fndds {
    struct foods foods;         /* sorted by food code once read */
    struct portions portions;
    size_t skipped_subcode;     /* portion rows for a subcode (a variant) */
    size_t skipped_zero;        /* portion rows weighing 0 g */
    size_t skipped_minus9;      /* portion rows whose weight is the -9 code */
    char *paths[3];
};

enum fndds_file { FOODS, NUTRIENTS, PORTIONS };

static const char *const fndds_file_names[] = {
    "2017-2018_FNDDS_At_A_Glance_Foods_and_Beverages.csv",
    "2017-2018_FNDDS_At_A_Glance_FNDDS_Nutrient_Values.csv",
    "2017-2018_FNDDS_At_A_Glance_Portions_and_Weights.csv",
};

static void fndds_food_row(void *ctx, char **col, const char *path, long line)
{
    struct fndds *fn = ctx;
    char code[9];

    parse_id(code, col[0], 8, path, line, "Food code");
    struct food *f = add_food(&fn->foods, code, path, line);
    f->description = xstrdup(col[1]);
    f->group = xstrdup(col[2]);
}

static void fndds_nutrient_row(void *ctx, char **col, const char *path, long line)
{
    struct fndds *fn = ctx;
    struct food *f = find_food(&fn->foods, col[0]);

    if (f == NULL)
        fail(path, line, "food code \"%s\" is not in the Foods and Beverages file", col[0]);
    if (f->seen)
        fail(path, line, "food code %s appears twice", f->id);
    if (strcmp(f->description, col[1]) != 0)
        fail(path, line, "food %s is \"%s\" here but \"%s\" in the Foods file",
             f->id, col[1], f->description);
    f->seen = 1;
    for (int m = 0; m < N_MINERALS; m++)
        f->mineral[m] = canon_decimal(col[2 + m], path, line, mineral_names[m]);
}

static unsigned long long read_uint(const char *s, size_t *used)
{
    unsigned long long v = 0;
    size_t n = 0;

    while (is_digit(s[n]) && n < 9)
        v = v * 10 + (unsigned)(s[n++] - '0');
    *used = is_digit(s[n]) ? 0 : n;     /* 10+ digits: not a quantity */
    return v;
}

/* Reads "N/D" with D > 0; returns the characters used, 0 if none. */
static size_t read_fraction(const char *s, unsigned long long *num, unsigned long long *den)
{
    size_t a, b;

    *num = read_uint(s, &a);
    if (a == 0 || s[a] != '/')
        return 0;
    *den = read_uint(s + a + 1, &b);
    if (b == 0 || *den == 0)
        return 0;
    return a + 1 + b;
}

static int ends_quantity(char c)
{
    return c == '\0' || c == ' ' || c == '\t';
}

/* Writes whole + num/den in decimal with at most four places, rounding
 * half up, so 1/3 becomes 0.3333 and 1/2 stays exactly 0.5. */
static char *format_quantity(unsigned long long whole, unsigned long long num,
                             unsigned long long den)
{
    unsigned long long scaled = (num * 20000ULL + den) / (2ULL * den) + whole * 10000ULL;
    char buf[48];

    snprintf(buf, sizeof buf, "%llu.%04llu", scaled / 10000ULL, scaled % 10000ULL);
    size_t n = strlen(buf);
    while (buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[--n] = '\0';
    return xstrdup(buf);
}

/* Reads the quantity at the start of s: an integer ("2"), a decimal
 * ("1.5"), a fraction ("1/2") or an integer and a fraction ("1 1/2"),
 * followed by a blank or the end.  Returns the text after it with *amount
 * set, or NULL when s does not start with a quantity. */
static const char *read_quantity(const char *s, char **amount,
                                 const char *path, long line)
{
    unsigned long long whole, num, den;
    size_t used, n;

    n = read_fraction(s, &num, &den);
    if (n > 0 && ends_quantity(s[n])) {
        *amount = format_quantity(0, num, den);
        return s + n;
    }
    whole = read_uint(s, &used);
    if (used == 0)
        return NULL;
    if (s[used] == '.') {
        n = used + 1 + strspn(s + used + 1, "0123456789");
        if (n == used + 1 || !ends_quantity(s[n]))
            return NULL;
        char *written = xstrndup(s, n);
        *amount = canon_decimal(written, path, line, "Portion description");
        free(written);
        return s + n;
    }
    if (!ends_quantity(s[used]))
        return NULL;
    const char *t = s + used;
    while (*t == ' ' || *t == '\t')
        t++;
    n = read_fraction(t, &num, &den);
    if (n > 0 && ends_quantity(t[n])) {
        *amount = format_quantity(whole, num, den);
        return t + n;
    }
    *amount = format_quantity(whole, 0, 1);
    return s + used;
}

/* Splits an FNDDS portion description such as "1 1/2 cup, sliced" into its
 * quantity ("1.5") and measure ("cup, sliced").  Because a quantity must
 * end at a blank, "1-3 ring pretzel" and "10-3/4 oz can" have none: like
 * "Quantity not specified" they mean one of the whole description. */
static void split_portion(const char *text, char **amount, char **measure,
                          const char *path, long line)
{
    const char *s = text;

    while (*s == ' ' || *s == '\t')
        s++;
    const char *rest = read_quantity(s, amount, path, line);
    if (rest == NULL) {
        *amount = xstrdup("1");
        rest = s;
    }
    *measure = trimmed_copy(rest);
}

static void fndds_portion_row(void *ctx, char **col, const char *path, long line)
{
    struct fndds *fn = ctx;
    const char *subcode = col[1];

    /* A non-zero subcode is a variant of the food (brand, preparation);
     * only the main food's portions are kept. */
    if (!all_digits(subcode, strlen(subcode)))
        fail(path, line, "Subcode: not a number: \"%s\"", subcode);
    if (strspn(subcode, "0") != strlen(subcode)) {
        fn->skipped_subcode++;
        return;
    }
    const struct food *f = find_food(&fn->foods, col[0]);
    if (f == NULL)
        fail(path, line, "food code \"%s\" is not in the Foods and Beverages file", col[0]);

    /* -9 marks a weight that FNDDS does not give; 0 g is no portion. */
    if (strcmp(col[4], "-9") == 0) {
        fn->skipped_minus9++;
        return;
    }
    char *grams = canon_decimal(col[4], path, line, "Portion weight (g)");
    if (grams == NULL)
        fail(path, line, "Portion weight (g) is empty");
    if (strcmp(grams, "0") == 0) {
        free(grams);
        fn->skipped_zero++;
        return;
    }
    struct portion *p = add_portion(&fn->portions, f->id, line);
    p->seq = parse_seq(col[2], path, line, "Seq num");
    p->grams = grams;
    split_portion(col[3], &p->amount, &p->measure, path, line);
}

static void load_fndds(struct fndds *fn, const char *data_dir)
{
    static const char *const food_cols[] = {
        "Food code", "Main food description", "WWEIA Category description",
    };
    static const char *const nutrient_cols[] = {
        "Food code", "Main food description",
        "Calcium (mg)", "Magnesium (mg)", "Potassium (mg)", "Sodium (mg)",
    };
    static const char *const portion_cols[] = {
        "Food code", "Subcode", "Seq num", "Portion description", "Portion weight (g)",
    };
    char *dir = join_path(data_dir, "fndds_2017_2018");

    for (int i = 0; i < 3; i++)
        fn->paths[i] = join_path(dir, fndds_file_names[i]);
    free(dir);

    /* Row 1 of each file is a title; the column names are in row 2. */
    struct csv_spec foods = { fn->paths[FOODS], 2, food_cols, 3, fndds_food_row, fn };
    read_csv(&foods);
    sort_foods(&fn->foods, "food code");

    struct csv_spec nutrients = {
        fn->paths[NUTRIENTS], 2, nutrient_cols, 6, fndds_nutrient_row, fn,
    };
    read_csv(&nutrients);
    for (size_t i = 0; i < fn->foods.n; i++)
        if (!fn->foods.v[i].seen)
            fail(fn->foods.v[i].file, fn->foods.v[i].line,
                 "food code %s has no row in %s", fn->foods.v[i].id,
                 fn->paths[NUTRIENTS]);

    struct csv_spec portions = {
        fn->paths[PORTIONS], 2, portion_cols, 5, fndds_portion_row, fn,
    };
    read_csv(&portions);
    sort_portions(&fn->portions);
}

static void free_fndds(struct fndds *fn)
{
    free_foods(&fn->foods);
    free_portions(&fn->portions);
    for (int i = 0; i < 3; i++)
        free(fn->paths[i]);
}

/* ------------------------------------------------------------------ */
/* Chinese/English names                                               */
/* ------------------------------------------------------------------ */

struct names {
    const struct sr28 *sr;
    struct aliases aliases;
    size_t skipped;             /* rows with no SR28 food (no NDB_No) */
    char *path;
};

static void add_alias(struct aliases *list, const char *alias, const char *lang,
                      const char *source, const char *kind, const char *id)
{
    list->v = grow(list->v, &list->cap, list->n, sizeof *list->v);
    struct alias *a = &list->v[list->n++];
    a->alias = xstrdup(alias);
    a->lang = lang;
    a->source = source;
    a->kind = kind;
    snprintf(a->id, sizeof a->id, "%s", id);
}

static void name_row(void *ctx, char **col, const char *path, long line)
{
    struct names *nm = ctx;
    const char *ndb = col[2];
    size_t len = strlen(ndb);
    char id[6];

    /* A row without NDB_No records a food that SR28 does not have; there
     * is nothing for its names to point at. */
    if (len == 0) {
        nm->skipped++;
        return;
    }
    /* Spreadsheets drop leading zeros, so 1 to 5 digits are accepted and
     * padded back to the 5-digit NDB_No. */
    if (len > 5 || !all_digits(ndb, len))
        fail(path, line, "sr28_ndb_no: expected up to 5 digits, got \"%s\"", ndb);
    memset(id, '0', 5 - len);
    memcpy(id + 5 - len, ndb, len + 1);

    const struct food *f = find_food(&nm->sr->foods, id);
    if (f == NULL || f->revision_only)
        fail(path, line, "NDB_No %s is not in FOOD_DES.txt", id);
    if (col[3][0] != '\0' && strcmp(col[3], f->description) != 0)
        fail(path, line, "sr28_long_desc \"%s\" differs from FOOD_DES \"%s\"",
             col[3], f->description);
    if (col[0][0] == '\0' || col[1][0] == '\0')
        fail(path, line, "name_zh or name_en is empty");
    add_alias(&nm->aliases, col[0], "zh", "SR28", "list", id);
    add_alias(&nm->aliases, col[1], "en", "SR28", "list", id);
}

static void load_names(struct names *nm, const struct sr28 *sr, const char *data_dir)
{
    static const char *const cols[] = {
        "name_zh", "name_en", "sr28_ndb_no", "sr28_long_desc",
    };
    char *dir = join_path(data_dir, "zh_en_food_names");

    nm->sr = sr;
    nm->path = join_path(dir, "common_foods_zh_en_sr28.csv");
    free(dir);
    struct csv_spec spec = { nm->path, 1, cols, 4, name_row, nm };
    read_csv(&spec);
}

static void free_names(struct names *nm)
{
    for (size_t i = 0; i < nm->aliases.n; i++)
        free(nm->aliases.v[i].alias);
    free(nm->aliases.v);
    free(nm->path);
}

/* ------------------------------------------------------------------ */
/* Taiwan FDA Food Nutrient Database (tfda/tfda_minerals.csv)          */
/* ------------------------------------------------------------------ */

/* The 18 food groups of the Taiwan table, written in Simplified Chinese
 * as the rest of kmgca's Chinese is. */
static const char *const tfda_groups[][2] = {
    {"穀物類", "谷物类"},           {"澱粉類", "淀粉类"},
    {"堅果及種子類", "坚果及种子类"}, {"水果類", "水果类"},
    {"蔬菜類", "蔬菜类"},           {"藻類", "藻类"},
    {"菇類", "菇类"},               {"豆類", "豆类"},
    {"肉類", "肉类"},               {"魚貝類", "鱼贝类"},
    {"蛋類", "蛋类"},               {"乳品類", "乳品类"},
    {"油脂類", "油脂类"},           {"糖類", "糖类"},
    {"飲料類", "饮料类"},           {"調味料及香辛料類", "调味料及香辛料类"},
    {"糕餅點心類", "糕饼点心类"},   {"加工調理食品及其他類", "加工调理食品及其他类"},
};

/* Animal foods whose Mg and P look swapped in the source (flag
 * mg_gt_p_animal).  Mg is left blank ("not measured") for the ones listed
 * here: fish and shrimp with Mg 100-290 mg and P 30-85 mg where fish and
 * shrimp have about 30 and 200, and one clam with the same pattern.  The
 * other flagged foods keep the published value: sea cucumbers, jellyfish
 * and egg whites really are richer in Mg than in P, and three molluscs
 * (大文蛤, 香螺, 鲍鱼) have a P that is plausible on its own.  See
 * foodtables/PROVENANCE.md. */
static const char *const tfda_mg_blanked[] = {
    "J0402101", "J0402801", "J0408401", "J0411001", "J0411401", "J0413001",
    "J0413101", "J0415101", "J2101001", "J2101301", "J3100701",
};

enum tfda_name_kind { TFDA_AVERAGE, TFDA_NAME, TFDA_COMMON };

struct tfda_name {
    char *text;
    size_t food;                /* index into tfda.foods (id order) */
    enum tfda_name_kind kind;
    int noted;                  /* the food's name carries a sampling note */
    size_t order;               /* input order, keeps the choice stable */
};

struct tfda {
    struct foods foods;
    struct portions as_bought;  /* a 斤 as bought: its edible grams */
    struct tfda_name *names;
    size_t n_names, cap_names;
    struct aliases aliases;
    size_t mg_blanked, flagged_kept;
    char *path;
};

static void tfda_add_name(struct tfda *t, const char *text, size_t len, size_t food,
                          enum tfda_name_kind kind, int noted)
{
    while (len > 0 && (text[0] == ' ' || text[0] == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len == 0)
        return;
    t->names = grow(t->names, &t->cap_names, t->n_names, sizeof *t->names);
    t->names[t->n_names] = (struct tfda_name){xstrndup(text, len), food, kind, noted,
                                              t->n_names};
    t->n_names++;
}

/* A name ending in 平均值 ("average"), with or without a bracket after it,
 * is also known by the name without that word: 北蕉平均值 -> 北蕉,
 * 芒果平均值(西洋种) -> 芒果(西洋种). */
static void tfda_add_average_name(struct tfda *t, const char *name, size_t food)
{
    static const char word[] = "平均值"; /* the same in both scripts */
    const char *at = strstr(name, word);
    if (!at)
        return;
    size_t head = (size_t)(at - name);
    char *short_name = xmalloc(strlen(name) + 1);
    memcpy(short_name, name, head);
    strcpy(short_name + head, at + strlen(word));
    tfda_add_name(t, short_name, strlen(short_name), food, TFDA_AVERAGE, 0);
    free(short_name);
}

/* Length of the UTF-8 character at s. */
static size_t utf8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* One 俗名 as written.  Brackets holding single characters name other
 * characters for the one before them: 肉(扁,藊)豆 is 肉豆, 扁豆 and 藊豆;
 * 隐之(元)豆 is 隐之豆 and 隐元豆; at the end the character may also be added:
 * 猪母乳(菜,草) is 猪母乳, 猪母乳菜, 猪乳菜 … and 牛油果(梨) 牛油梨 (the
 * characters may be separated by , or /).  A state (生, 熟, 干) or any
 * longer bracket is a note and stays in the name. */
static void tfda_add_common_name(struct tfda *t, const char *name, size_t len, size_t food,
                                 int noted)
{
    const char *open = memchr(name, '(', len);
    const char *close = open ? memchr(open, ')', len - (size_t)(open - name)) : NULL;
    int alternatives = open && close && open > name;
    for (const char *p = open ? open + 1 : name; alternatives && p < close;) {
        size_t n = utf8_len(p);
        alternatives = n > 1 && (p + n == close || p[n] == ',' || p[n] == '/');
        p += n + (p + n < close);
    }
    /* a state in brackets (杏仁片(生), 锁管干(干)) is a note, not another name */
    static const char *const states[] = {"生", "熟", "干", "乾", "鲜", "鮮", "冻", "凍"};
    for (const char *p = open ? open + 1 : name; alternatives && p < close;) {
        size_t n = utf8_len(p);
        for (size_t k = 0; k < sizeof states / sizeof *states; k++)
            if (n == strlen(states[k]) && memcmp(p, states[k], n) == 0)
                alternatives = 0;
        p += n + (p + n < close);
    }
    if (!alternatives) {
        tfda_add_name(t, name, len, food, TFDA_COMMON, noted);
        return;
    }
    /* the character the alternatives stand for: the one before the bracket */
    const char *last = open - 1;
    while (last > name && ((unsigned char)*last & 0xC0) == 0x80)
        last--;
    const char *after = close + 1, *end = name + len;
    int at_end = after == end;
    char buf[512];
    /* the name with the bracket left out (or, at the end, the head alone) */
    int n = snprintf(buf, sizeof buf, "%.*s%.*s", (int)(open - name), name,
                     (int)(end - after), after);
    if (n > 0 && (size_t)n < sizeof buf)
        tfda_add_name(t, buf, (size_t)n, food, TFDA_COMMON, noted);
    for (const char *p = open + 1; p < close;) {
        size_t cl = utf8_len(p);
        /* the character before the bracket replaced (牛油果(梨) -> 牛油梨), and
         * at the end also added (猪母乳(菜,草) -> 猪母乳菜) */
        for (int add = 0; add <= at_end; add++) {
            const char *head_end = add ? open : last;
            n = snprintf(buf, sizeof buf, "%.*s%.*s%.*s", (int)(head_end - name), name, (int)cl,
                         p, (int)(end - after), after);
            if (n > 0 && (size_t)n < sizeof buf)
                tfda_add_name(t, buf, (size_t)n, food, TFDA_COMMON, noted);
        }
        p += cl + (p + cl < close);
    }
}

/* 俗名 lists are separated by commas, semicolons, slashes or 、, but not
 * inside brackets. */
static void tfda_add_common_names(struct tfda *t, const char *list, size_t food, int noted)
{
    const char *p = list;
    while (*p) {
        size_t len = 0;
        int depth = 0;
        while (p[len]) {
            if (p[len] == '(' || strncmp(p + len, "（", 3) == 0)
                depth++;
            else if ((p[len] == ')' || strncmp(p + len, "）", 3) == 0) && depth > 0)
                depth--;
            else if (!depth && (p[len] == ',' || p[len] == ';' || p[len] == '/' ||
                                strncmp(p + len, "、", 3) == 0 ||
                                strncmp(p + len, "，", 3) == 0))
                break;
            len++;
        }
        while (len > 0 && (p[0] == ' ' || p[0] == '\t'))
            p++, len--;
        tfda_add_common_name(t, p, len, food, noted);
        p += len;
        if (*p == ',' || *p == ';' || *p == '/')
            p++;
        else if (*p)
            p += 3;
    }
}

static const char *tfda_group(const char *group_tw, const char *path, long line)
{
    for (size_t i = 0; i < sizeof tfda_groups / sizeof *tfda_groups; i++)
        if (strcmp(tfda_groups[i][0], group_tw) == 0)
            return tfda_groups[i][1];
    fail(path, line, "unknown food group \"%s\"", group_tw);
}

/* The edible grams of a 斤 (500 g) bought, as decimal text: 5 x (100 -
 * refuse_pct), worked on the digits so no figure changes (refuse_pct has
 * at most four decimals).  NULL when nothing is refused. */
static char *jin_edible(const char *refuse, const char *path, long line)
{
    char *r = canon_decimal(refuse, path, line, "refuse_pct");
    if (!r)
        return NULL;
    const char *dot = strchr(r, '.');
    size_t frac = dot ? strlen(dot + 1) : 0;
    if (frac > 4 || (dot ? (size_t)(dot - r) : strlen(r)) > 3)
        fail(path, line, "refuse_pct: expected 0 to 100 with at most 4 decimals, got \"%s\"",
             refuse);
    long scaled = 0;                        /* refuse_pct x 10^4 */
    for (const char *c = r; *c; c++)
        if (*c != '.')
            scaled = scaled * 10 + (*c - '0');
    for (size_t k = frac; k < 4; k++)
        scaled *= 10;
    free(r);
    if (scaled <= 0)
        return NULL;
    if (scaled >= 1000000)
        fail(path, line, "refuse_pct: %s leaves nothing to eat", refuse);
    long grams = 5 * (1000000 - scaled);    /* edible grams x 10^4 */
    char text[32];
    snprintf(text, sizeof text, "%ld.%04ld", grams / 10000, grams % 10000);
    return canon_decimal(text, path, line, "edible grams");
}

static void tfda_row(void *ctx, char **col, const char *path, long line)
{
    struct tfda *t = ctx;
    const char *id = col[0];
    size_t len = strlen(id);

    /* 8 characters for a sample, 6 for an average of samples. */
    if ((len != 6 && len != 8) || id[0] < 'A' || id[0] > 'R' || !all_digits(id + 1, len - 1))
        fail(path, line, "id: expected a letter A-R and 5 or 7 digits, got \"%s\"", id);
    if (col[4][0] == '\0')
        fail(path, line, "name_zh_cn is empty");
    struct food *f = add_food(&t->foods, id, path, line);
    f->description = trimmed_copy(col[4]);
    f->group = xstrdup(tfda_group(col[1], path, line));
    for (int m = 0; m < N_MINERALS; m++)
        f->mineral[m] = col[6 + m][0] ? canon_decimal(col[6 + m], path, line, mineral_names[m])
                                      : NULL;
    if (strcmp(col[10], "mg_gt_p_animal") == 0) {
        int blank = 0;
        for (size_t i = 0; i < sizeof tfda_mg_blanked / sizeof *tfda_mg_blanked; i++)
            blank |= strcmp(tfda_mg_blanked[i], id) == 0;
        if (blank) {
            free(f->mineral[MG]);
            f->mineral[MG] = NULL;
            t->mg_blanked++;
        } else {
            t->flagged_kept++;
        }
    } else if (col[10][0] != '\0') {
        fail(path, line, "qa_flags: unknown flag \"%s\"", col[10]);
    }
    /* (a food sold with what is not eaten: a 斤 of it as bought; only of
     * the groups bought whole, with a shell, stone, rind or bone: not the
     * vegetables, tubers and mushrooms, whose trimmings are a cook's) */
    static const char *const bought_whole[] = {"穀物類", "堅果及種子類", "水果類", "豆類",
                                               "肉類", "魚貝類", "蛋類", "加工調理食品及其他類"};
    /* (of the fish and shellfish, the shellfish only: a 两 of carp in a
     * diary is the fish eaten more often than the fish bought) */
    static const char *const shelled[] = {"蝦", "虾", "蟹", "貝", "贝", "蛤", "螺", "蚵", "蚝",
                                          "蠔", "蚌", "蟶", "蛏", "鮑", "鲍", "牡蠣", "牡蛎",
                                          "扇", "淡菜", "蜆", "蚬", "海瓜子", "龍蝦", "龙虾"};
    int whole = 0;
    for (size_t i = 0; i < sizeof bought_whole / sizeof *bought_whole && !whole; i++)
        whole = strcmp(col[1], bought_whole[i]) == 0;
    if (whole && strcmp(col[1], "魚貝類") == 0) {
        whole = 0;
        for (size_t i = 0; i < sizeof shelled / sizeof *shelled && !whole; i++)
            whole = strstr(col[2], shelled[i]) != NULL || strstr(col[4], shelled[i]) != NULL;
    }
    char *edible = whole ? jin_edible(col[11], path, line) : NULL;
    if (edible) {
        struct portion *p = add_portion(&t->as_bought, id, line);
        p->seq = 1;
        p->amount = xstrdup("1");
        p->measure = xstrdup("斤 as bought");
        p->grams = edible;
    }
}

/* Second pass, once the foods are in id order: their names. */
static void tfda_name_row(void *ctx, char **col, const char *path, long line)
{
    struct tfda *t = ctx;
    struct food *f = find_food(&t->foods, col[0]);
    (void)path;
    (void)line;
    size_t food = (size_t)(f - t->foods.v);
    int noted = strstr(col[4], "取样") != NULL || strstr(col[4], "月)") != NULL;
    tfda_add_average_name(t, col[4], food);
    tfda_add_average_name(t, col[2], food);
    tfda_add_name(t, col[4], strlen(col[4]), food, TFDA_NAME, noted);
    tfda_add_name(t, col[2], strlen(col[2]), food, TFDA_NAME, noted);
    tfda_add_common_names(t, col[5], food, noted);
    tfda_add_common_names(t, col[3], food, noted);
}

/* Which food keeps a name that several foods share: an average before a
 * single sample, a food's own name before a common name, a sample without
 * a sampling note (month, year) before one with, a food with more of the
 * four minerals measured, a food before a processed one (group R), then
 * the shorter food name, then the lower id. */
static const struct tfda *tfda_sorting;

static int tfda_name_cmp(const void *pa, const void *pb)
{
    const struct tfda_name *a = pa, *b = pb;
    int c = strcmp(a->text, b->text);
    if (c)
        return c;
    int avg_a = strlen(tfda_sorting->foods.v[a->food].id) == 6;
    int avg_b = strlen(tfda_sorting->foods.v[b->food].id) == 6;
    if (avg_a != avg_b)
        return avg_b - avg_a;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    if (a->noted != b->noted)
        return a->noted - b->noted;
    const struct food *fa = &tfda_sorting->foods.v[a->food];
    const struct food *fb = &tfda_sorting->foods.v[b->food];
    int ma = 0, mb = 0;
    for (int m = 0; m < N_MINERALS; m++) {
        ma += fa->mineral[m] != NULL;
        mb += fb->mineral[m] != NULL;
    }
    if (ma != mb)
        return mb - ma;
    /* R: processed and prepared foods, after the foods themselves. */
    if ((fa->id[0] == 'R') != (fb->id[0] == 'R'))
        return fa->id[0] == 'R' ? 1 : -1;
    size_t la = strlen(tfda_sorting->foods.v[a->food].description);
    size_t lb = strlen(tfda_sorting->foods.v[b->food].description);
    if (la != lb)
        return la < lb ? -1 : 1;
    if (a->food != b->food)
        return a->food < b->food ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int tfda_order_cmp(const void *pa, const void *pb)
{
    const struct tfda_name *a = pa, *b = pb;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void load_tfda(struct tfda *t, const char *data_dir)
{
    static const char *const cols[] = {
        "id", "group_zh", "name_zh_tw", "common_names_zh_tw", "name_zh_cn",
        "common_names_zh_cn", "ca_mg", "mg_mg", "k_mg", "na_mg", "qa_flags", "refuse_pct",
    };
    char *dir = join_path(data_dir, "tfda");
    t->path = join_path(dir, "tfda_minerals.csv");
    free(dir);

    struct csv_spec foods = { t->path, 1, cols, 12, tfda_row, t };
    read_csv(&foods);
    sort_foods(&t->foods, "id");
    sort_portions(&t->as_bought);
    struct csv_spec names = { t->path, 1, cols, 12, tfda_name_row, t };
    read_csv(&names);

    /* Keep each name once, for the food that suits it best, then write
     * the names in the order they were read. */
    tfda_sorting = t;
    qsort(t->names, t->n_names, sizeof *t->names, tfda_name_cmp);
    size_t kept = 0;
    for (size_t i = 0; i < t->n_names; i++) {
        if (kept > 0 && strcmp(t->names[kept - 1].text, t->names[i].text) == 0) {
            free(t->names[i].text);
            continue;
        }
        t->names[kept++] = t->names[i];
    }
    t->n_names = kept;
    qsort(t->names, t->n_names, sizeof *t->names, tfda_order_cmp);
    static const char *const kinds[] = {"average", "name", "common"};
    for (size_t i = 0; i < t->n_names; i++)
        add_alias(&t->aliases, t->names[i].text, "zh", "TFDA", kinds[t->names[i].kind],
                  t->foods.v[t->names[i].food].id);
}

static void free_tfda(struct tfda *t)
{
    for (size_t i = 0; i < t->n_names; i++)
        free(t->names[i].text);
    free(t->names);
    for (size_t i = 0; i < t->aliases.n; i++)
        free(t->aliases.v[i].alias);
    free(t->aliases.v);
    free_foods(&t->foods);
    free_portions(&t->as_bought);
    free(t->path);
}

/* ------------------------------------------------------------------ */
/* Writing the tables                                                  */
/* ------------------------------------------------------------------ */

struct output {
    FILE *fp;
    char *tmp_path;
    char *final_path;
};

static void output_open(struct output *out, const char *dir, const char *name)
{
    out->final_path = join_path(dir, name);
    size_t len = strlen(out->final_path);
    out->tmp_path = xmalloc(len + 5);
    memcpy(out->tmp_path, out->final_path, len);
    memcpy(out->tmp_path + len, ".tmp", 5);

    if (n_temporaries == MAX_TEMPORARIES)
        fail(NULL, 0, "internal error: too many outputs");
    temporaries[n_temporaries++] = xstrdup(out->tmp_path);
    out->fp = fopen(out->tmp_path, "wb");
    if (out->fp == NULL)
        fail(out->tmp_path, 0, "cannot create: %s", strerror(errno));
}

/* Writes one CSV field, quoted only when it holds a comma, quote or line
 * break; NULL (no value) is an empty field. */
static void put_field(struct output *out, const char *s, int last)
{
    if (s != NULL && strpbrk(s, ",\"\r\n") != NULL) {
        fputc('"', out->fp);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out->fp);
            fputc(*s, out->fp);
        }
        fputc('"', out->fp);
    } else if (s != NULL) {
        fputs(s, out->fp);
    }
    fputc(last ? '\n' : ',', out->fp);
}

static void output_close(struct output *out)
{
    int failed = ferror(out->fp);

    if (fclose(out->fp) != 0 || failed)
        fail(out->tmp_path, 0, "write error");
    out->fp = NULL;
}

static void output_free(struct output *out)
{
    free(out->tmp_path);
    free(out->final_path);
}

static void write_foods(struct output *out, const struct foods *list, const char *source)
{
    for (size_t i = 0; i < list->n; i++) {
        const struct food *f = &list->v[i];
        put_field(out, f->id, 0);
        put_field(out, source, 0);
        put_field(out, f->description, 0);
        put_field(out, f->group, 0);
        for (int m = 0; m < N_MINERALS; m++)
            put_field(out, f->mineral[m], m == N_MINERALS - 1);
    }
}

static void write_portions(struct output *out, const struct portions *list,
                           const char *source)
{
    char seq[24];

    for (size_t i = 0; i < list->n; i++) {
        const struct portion *p = &list->v[i];
        snprintf(seq, sizeof seq, "%ld", p->seq);
        put_field(out, source, 0);
        put_field(out, p->id, 0);
        put_field(out, seq, 0);
        put_field(out, p->amount, 0);
        put_field(out, p->measure, 0);
        put_field(out, p->grams, 1);
    }
}

static void write_aliases(struct output *out, const struct aliases *list)
{
    for (size_t i = 0; i < list->n; i++) {
        put_field(out, list->v[i].alias, 0);
        put_field(out, list->v[i].lang, 0);
        put_field(out, list->v[i].source, 0);
        put_field(out, list->v[i].id, 0);
        put_field(out, list->v[i].kind, 1);
    }
}

static void ensure_directory(const char *dir)
{
    struct stat st;

    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        fail(dir, 0, "cannot create directory: %s", strerror(errno));
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        fail(dir, 0, "not a directory");
}

static void write_tables(const char *out_dir, const struct sr28 *sr,
                         const struct fndds *fn, const struct names *nm,
                         const struct tfda *tf)
{
    struct output out[3];

    ensure_directory(out_dir);

    output_open(&out[0], out_dir, "foods.csv");
    fputs("id,source,description,group,ca_mg,mg_mg,k_mg,na_mg\n", out[0].fp);
    write_foods(&out[0], &sr->foods, "SR28");
    write_foods(&out[0], &fn->foods, "FNDDS");
    write_foods(&out[0], &tf->foods, "TFDA");
    output_close(&out[0]);

    output_open(&out[1], out_dir, "portions.csv");
    fputs("source,id,seq,amount,measure,grams\n", out[1].fp);
    write_portions(&out[1], &sr->weights, "SR28");
    write_portions(&out[1], &fn->portions, "FNDDS");
    write_portions(&out[1], &tf->as_bought, "TFDA");
    output_close(&out[1]);

    output_open(&out[2], out_dir, "aliases_zh.csv");
    fputs("alias,lang,source,id,kind\n", out[2].fp);
    write_aliases(&out[2], &nm->aliases);
    write_aliases(&out[2], &tf->aliases);
    output_close(&out[2]);

    /* Only complete tables are moved into place. */
    for (int i = 0; i < 3; i++)
        if (rename(out[i].tmp_path, out[i].final_path) != 0)
            fail(out[i].final_path, 0, "cannot rename %s: %s", out[i].tmp_path,
                 strerror(errno));
    for (size_t i = 0; i < n_temporaries; i++)
        free(temporaries[i]);
    n_temporaries = 0;
    for (int i = 0; i < 3; i++)
        output_free(&out[i]);
}

int main(int argc, char **argv)
{
    struct sr28 sr;
    struct fndds fn;
    struct names nm;
    struct tfda tf;

    if (argc != 3) {
        fputs("usage: foodimport DATA_DIR OUT_DIR\n", stderr);
        return 1;
    }
    memset(&sr, 0, sizeof sr);
    memset(&fn, 0, sizeof fn);
    memset(&nm, 0, sizeof nm);
    memset(&tf, 0, sizeof tf);

    load_sr28(&sr, argv[1]);
    load_fndds(&fn, argv[1]);
    load_names(&nm, &sr, argv[1]);
    load_tfda(&tf, argv[1]);
    write_tables(argv[2], &sr, &fn, &nm, &tf);

    printf("foodimport: foods.csv: %zu rows (SR28 %zu, FNDDS %zu, TFDA %zu)\n",
           sr.foods.n + fn.foods.n + tf.foods.n, sr.foods.n, fn.foods.n, tf.foods.n);
    printf("foodimport: TFDA foods flagged for Mg/P: Mg left blank in %zu, kept in %zu\n",
           tf.mg_blanked, tf.flagged_kept);
    printf("foodimport: SR28 May 2016 revision: %zu values changed in %zu foods; "
           "foods added: %zu\n", sr.revised_values, sr.revised_foods, sr.added_foods);
    printf("foodimport: portions.csv: %zu rows (SR28 %zu, FNDDS %zu, TFDA %zu a 斤 as bought; "
           "FNDDS rows skipped: %zu subcode, %zu weight 0, %zu weight -9)\n",
           sr.weights.n + fn.portions.n + tf.as_bought.n, sr.weights.n, fn.portions.n,
           tf.as_bought.n, fn.skipped_subcode, fn.skipped_zero, fn.skipped_minus9);
    printf("foodimport: aliases_zh.csv: %zu rows (SR28 name list %zu, rows without "
           "NDB_No skipped: %zu; TFDA names %zu)\n",
           nm.aliases.n + tf.aliases.n, nm.aliases.n, nm.skipped, tf.aliases.n);

    free_tfda(&tf);
    free_names(&nm);
    free_fndds(&fn);
    free_sr28(&sr);
    return 0;
}
