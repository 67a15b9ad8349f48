/* table.c — the one reader under every file kmgca reads with a header.
 *
 * In the manner of SQLite's ext/misc/csv.c, one reader that everything uses,
 * and of diary.c's format table: a reader gives its columns as data (roles
 * and their header names, with what to say when a header lacks one) and
 * gets its rows with each role's field. What makes a row blank, when a
 * header lacks a column or names one twice and where an error says it is are
 * decided here, once, for diaries, medication lists, activity logs, day
 * logs, custom foods and recipes alike: they had drifted apart when each
 * reader held its own copy. A reader with more to look at in its header (a
 * diary's format, an export's marks) gives an on_header as well.
 */
#include "internal.h"
#include "table.h"
#include "msg_phrases.h"

#include <string.h>

int table_blank(const char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    return !*text;
}

/* A row of empty fields (",,,", what a spreadsheet saves for an empty line)
 * or of spaces is no row of data, whichever reader reads it. */
static int blank_row(const csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        if (!table_blank(row->fields[i]))
            return 0;
    return 1;
}

size_t table_extra_fields(const table_reader *t, const csv_row *row)
{
    size_t extra = 0;
    for (size_t i = t->columns; i < row->count; i++)
        extra += !table_blank(row->fields[i]);
    return extra;
}

void table_note_extra(const table_reader *t, const csv_row *row, char *why, size_t size)
{
    size_t extra = table_extra_fields(t, row);
    if (extra)
        appendf(why, size,
                "%s" PH_LINE_HAS "%zu" PH_FIELDS_HEADER_NAMES "%zu" PH_TEXT_PAST_COLUMN "%zu"
                PH_IS_NOT_READ,
                why[0] ? "; " : "", row->count, t->columns, t->columns);
}

const char *table_shown_cell(char *dst, size_t size, const char *cell)
{
    copy_text(dst, size, cell);
    for (char *c = dst; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F)
            *c = '?';
    return dst;
}

unsigned table_map(table_reader *t, const table_schema *schema, const csv_row *header)
{
    unsigned found = 0;
    t->schema = schema;
    t->columns = header->count;
    for (int r = 0; r < TABLE_MAX_ROLES; r++) {
        t->col[r] = -1;
        if (r < schema->count && schema->names[r] &&
            (t->col[r] = csv_find_column(header, schema->names[r])) >= 0)
            found |= 1u << r;
    }
    return found;
}

int table_missing(const table_reader *t)
{
    for (int r = 0; r < t->schema->count; r++)
        if ((t->schema->required & 1u << r) && t->col[r] < 0)
            return r;
    return -1;
}

/* A column named twice would leave one of the two unread: the header is
 * refused at the second. A role's name is compared as roles are found (case,
 * spaces, '_' and '-' ignored); a schema with names_once compares every
 * name so, whether a role reads it or not. */
static kmgca_status names_twice(const table_reader *t, const csv_row *header, kmgca_error *err)
{
    const table_schema *s = t->schema;
    char cell[81];
    for (size_t i = 1; s->names_once && i < header->count; i++)
        for (size_t j = 0; j < i && !table_blank(header->fields[i]); j++)
            if (csv_header_equal(header->fields[i], header->fields[j]))
                return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, i + 1,
                                     "column \"%s\" is named twice (also column %zu)",
                                     table_shown_cell(cell, sizeof cell, header->fields[i]),
                                     j + 1);
    for (int r = 0; r < s->count; r++) {
        if (t->col[r] < 0)
            continue;
        const char *first = header->fields[t->col[r]];
        for (size_t i = (size_t)t->col[r] + 1; i < header->count; i++)
            if (csv_header_equal(header->fields[i], first))
                return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, i + 1,
                                     "\"%s\" names the %s column a second time (first in "
                                     "column %lu)",
                                     table_shown_cell(cell, sizeof cell, header->fields[i]),
                                     s->labels[r], table_column(t, r));
    }
    return KMGCA_OK;
}

/* The header row: mapped onto the reader's schema, looked at by the reader,
 * then refused when a required role is missing or a name comes twice. */
static kmgca_status on_header_row(table_reader *t, const csv_row *header, kmgca_error *err)
{
    if (t->schema)
        table_map(t, t->schema, header);
    kmgca_status st = t->on_header ? t->on_header(t, header, t->ud, err) : KMGCA_OK;
    if (st != KMGCA_OK)
        return st;
    if (!t->schema)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "%s: the reader mapped no header", t->path);
    const table_schema *s = t->schema;
    int role = table_missing(t);
    if (role >= 0 && s->missing && s->missing[role])
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line,
                             s->missing_column, "%s", s->missing[role]);
    if (role >= 0) /* a schema without a message for it: say it plainly */
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line,
                             s->missing_column, "no %s column in the header", s->labels[role]);
    return names_twice(t, header, err);
}

static kmgca_status on_csv_row(const csv_row *row, void *ud, kmgca_error *err)
{
    table_reader *t = ud;
    if (blank_row(row)) {
        t->blank_rows += t->header_line != 0;
        return KMGCA_OK;
    }
    if (t->header_line)
        return t->on_row(t, row, t->ud, err);
    kmgca_status st = on_header_row(t, row, err);
    if (st == KMGCA_OK)
        t->header_line = row->line;
    return st;
}

kmgca_status table_read(table_reader *t, kmgca_error *err)
{
    t->columns = 0;
    t->header_line = 0;
    t->blank_rows = 0;
    for (int r = 0; r < TABLE_MAX_ROLES; r++)
        t->col[r] = -1;
    kmgca_status st = csv_read(t->path, t->encoding, on_csv_row, t, &t->delim, err);
    if (st == KMGCA_OK && !t->header_line)
        st = kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, 1, 0, "%s", t->empty);
    return st;
}
