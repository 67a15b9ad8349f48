/* table.h — reading files with a header: the CSV reader (csv.c), the table
 * reader on it that every such file goes through (table.c: diaries,
 * medication lists, activity logs, day logs, custom foods, recipes,
 * profiles), and the diary layouts (diary.c). Included by the files that
 * read one; internal.h, which it needs, is included first.
 */
#ifndef KMGCA_TABLE_H
#define KMGCA_TABLE_H

#include "internal.h"

/* ---- CSV reading -------------------------------------------------------- */

/* One row handed to a csv_row_fn: fields are NUL-terminated UTF-8, valid
 * only during the call. */
typedef struct {
    const char *const *fields;
    size_t count;
    unsigned long line;       /* line where the row starts, 1-based */
    double progress;          /* share of the file's bytes read, 0..1 */
} csv_row;

/* Returns KMGCA_OK to go on; anything else stops the read with that status
 * (the callback fills err). */
typedef kmgca_status (*csv_row_fn)(const csv_row *row, void *ud, kmgca_error *err);

#define CSV_MAX_FIELD_BYTES (1u << 20)   /* 1 MiB in one field */
#define CSV_MAX_COLUMNS 1024

/* Streams a CSV file: skips a UTF-8 BOM, refuses UTF-16 and NUL bytes,
 * takes ',' ';' or tab as the delimiter (sniffed from the first line),
 * accepts LF, CRLF and CR line ends, validates UTF-8 per field, and calls
 * fn for every row with at least one field (empty lines are skipped; a line
 * of bare delimiters is a row of empty fields).
 * `delim` receives the delimiter used (may be NULL). */
kmgca_status csv_read_file(const char *path, csv_row_fn fn, void *ud, char *delim,
                           kmgca_error *err);
/* Same, reading text in `encoding` (NULL or "utf-8": as it is; else any
 * name iconv knows, such as "gbk" or "gb18030") converted to UTF-8. */
kmgca_status csv_read(const char *path, const char *encoding, csv_row_fn fn, void *ud,
                      char *delim, kmgca_error *err);

/* Finds a header column by any of a |-separated list of names (case and
 * spaces ignored). Returns the field index or -1. */
long csv_find_column(const csv_row *header, const char *names);
/* 1 when two header texts name the same column: case, spaces, '_' and '-'
 * ignored, as csv_find_column compares them. */
int csv_header_equal(const char *a, const char *b);

/* ---- Tables (table.c): every file kmgca reads with a header ------------- *
 *
 * A reader is its columns, given as data (a schema of roles), and a function
 * for its rows, which get each role's field; the rules every reader shares
 * live here, once:
 *   - a role is found in the header by any of its names ("|"-separated,
 *     English and Chinese; any case, spaces, '_' and '-' ignored), the first
 *     name that some column carries wins; columns no role names are read past;
 *   - a row whose fields hold nothing but spaces and tabs is blank: skipped,
 *     before the header as after it (those after it are counted);
 *   - a header without a role the schema requires is refused with the
 *     schema's message for that role (or "no <label> column in the header");
 *   - a header naming a role's column a second time is refused, with the
 *     line and column of the second; a schema may refuse any name twice.
 */

#define TABLE_MAX_ROLES 16

typedef struct {
    const char *const *names;   /* per role: its header names; NULL: none here */
    const char *const *labels;  /* per role: how messages name it ("drug") */
    int count;                  /* roles, at most TABLE_MAX_ROLES */
    unsigned required;          /* a bit per role the header must name */
    const char *const *missing; /* per required role: the error for a header
                                   without it (NULL: "no <label> column
                                   in the header") */
    unsigned long missing_column; /* the column that error names (0: the line) */
    int names_once;             /* 1: no header name twice, a role's or not */
} table_schema;

typedef struct table_reader table_reader;
/* What a reader does with its header beyond the schema: a diary tells its
 * format from it and maps that format's columns (table_map); an activity log
 * sees a Cronometer export; a day log wants cramps or severity. */
typedef kmgca_status (*table_header_fn)(table_reader *t, const csv_row *header, void *ud,
                                        kmgca_error *err);
/* Every row after the header that is not blank. */
typedef kmgca_status (*table_row_fn)(const table_reader *t, const csv_row *row, void *ud,
                                     kmgca_error *err);

struct table_reader {
    /* Given by the reader: */
    const char *path;
    const char *encoding;      /* as csv_read takes it */
    const table_schema *schema; /* its columns (or set by on_header) */
    table_header_fn on_header; /* NULL: the schema says all */
    table_row_fn on_row;
    void *ud;
    const char *empty;         /* the error for a file with no header line */
    /* Filled by the reading: */
    char delim;                /* ',', ';' or tab, known before the header */
    long col[TABLE_MAX_ROLES]; /* field index of each role, -1 when absent */
    size_t columns;            /* fields in the header */
    unsigned long header_line; /* 0 until the header is read */
    size_t blank_rows;         /* blank rows after the header */
};

/* Reads t->path as a table: the first row that is not blank is the header,
 * mapped onto t->schema and handed to on_header (when given); then a role
 * the schema requires and the header lacks, or a column named twice, is
 * KMGCA_ERROR_HEADER at the header's line; every other row that is not
 * blank goes to on_row. A file without a header is KMGCA_ERROR_HEADER with
 * t->empty at line 1. Errors of the CSV itself are csv_read's. */
kmgca_status table_read(table_reader *t, kmgca_error *err);
/* Maps a header onto the roles of a schema (for on_header: t->schema is
 * then that schema). Returns a bit per role found. */
unsigned table_map(table_reader *t, const table_schema *schema, const csv_row *header);
/* The first required role the header does not name, or -1. */
int table_missing(const table_reader *t);
/* The column of a role, counted from 1 as messages count; 0 when absent. */
static inline unsigned long table_column(const table_reader *t, int role)
{
    return (unsigned long)(t->col[role] + 1);
}
/* The field of a role in a row: "" when the header has no such column or
 * the row stops short of it. */
static inline const char *table_field(const table_reader *t, const csv_row *row, int role)
{
    long c = t->col[role];
    return c >= 0 && (size_t)c < row->count ? row->fields[c] : "";
}
/* 1 when text holds nothing but spaces and tabs: a blank field. */
int table_blank(const char *text);
/* The fields of a row past the header's last column that are not blank:
 * text no role can read, which a reader should not drop silently. */
size_t table_extra_fields(const table_reader *t, const csv_row *row);
/* Adds to why (joined by "; ") that the row has fields past the header's
 * last column, which are not read, when it has: never dropped silently. */
void table_note_extra(const table_reader *t, const csv_row *row, char *why, size_t size);
/* A header cell as a message quotes it: cut to fit between characters, and
 * control characters (a terminal would act on them) as '?'. Returns dst. */
const char *table_shown_cell(char *dst, size_t size, const char *cell);

/* ---- Diary layouts (diary.c) -------------------------------------------- */

typedef enum {
    COL_DATE, COL_TIME, COL_MEAL, COL_FOOD, COL_AMOUNT, COL_UNIT, COL_NOTE,
    COL_CA, COL_MG, COL_K, COL_NA,   /* in nutrient order: COL_CA + kmgca_nutrient */
    COL_COMPLETED, COL_CALORIES,
    COL_COUNT
} column_role;

/* A diary's header, for a table_reader's on_header: tells the format from
 * it (unless `forced`, into *format) and maps it onto that format's columns
 * (table_map); KMGCA_ERROR_HEADER names what is missing. */
kmgca_status diary_header(table_reader *t, const csv_row *header, kmgca_format forced,
                          kmgca_format *format, kmgca_error *err);
/* A number an export wrote: "1,234.5", "1234,5" (';' files, decimal_comma),
 * "". Returns 1 for a number, 0 for blank, -1 for anything else. */
int diary_export_number(const char *text, int decimal_comma, double *out);
/* 1 for digits, or digits, a point and digits ("2", "0.75"): an amount the
 * serving reader reads as a count, never as a household word. */
int diary_plain_number(const char *s);

#endif
