/* sheet.h — the sheet layer under every book kmgca writes (lib/sheet.c): a
 * book built under a temporary name and renamed when complete, cells that
 * take user text only as strings, cleaned and cut to what a cell holds,
 * cell notes, the lines a text wraps to, formats, print set-up, and tables
 * written row by row that continue on "Name (2)", "Name (3)", ... when a
 * sheet is full.
 *
 * Nothing here knows kmgca's own sheets. Its users: the analysis workbook
 * (workbook.c, workbook_sheets.c, workbook_about.c) and the client report
 * (report.c, its printable copy; caseload.c, the caseload index; the page
 * layout of layout.c, nights.c and suggest.c, through report.h). Private to
 * lib/: it needs libxlsxwriter's types, which internal.h leaves out.
 */
#ifndef KMGCA_SHEET_H
#define KMGCA_SHEET_H

#include "internal.h"
#include "msg.h"

#include <xlsxwriter.h>

#define SHEET_CELL_MAX 32000 /* bytes of text in a cell, under Excel's 32,767 */

/* A workbook being written: its libxlsxwriter book, the target and the
 * temporary file beside it, the language of its fixed text, and the
 * formats of header cells and of text that wraps (set by the caller). */
typedef struct sheet_book {
    lxw_workbook *wb;
    char path[4096];
    char tmp[4096];
    kmgca_lang lang;
    lxw_format *head, *wrap;
    char buf[SHEET_CELL_MAX + 8]; /* the cell text being written */
} sheet_book;

/* Starts `b` for `path` (in constant-memory mode when asked: one row of
 * each sheet in memory); on failure err says why and nothing is left
 * behind. */
kmgca_status sheet_book_open(sheet_book *b, const char *path, kmgca_lang lang,
                             int constant_memory, kmgca_error *err);
/* Ends the book. When `x`, the first libxlsxwriter error of its writing, is
 * none: closes it and renames it into place, or says "cannot write `what`"
 * (also when a sheet row never reached the disk) and removes it. Else drops
 * it and fails as sheet_fail(`part`) does. */
kmgca_status sheet_book_commit(sheet_book *b, lxw_error x, const char *part, const char *what,
                               kmgca_error *err);
/* Drops an unfinished book and its temporary file. */
void sheet_book_discard(sheet_book *b);
/* A failed libxlsxwriter call as kmgca's error: "cannot write the workbook
 * (what): ...", on the book's target. */
kmgca_status sheet_fail(const sheet_book *b, kmgca_error *err, lxw_error e, const char *what);

/* ---- Text ---------------------------------------------------------------- */

/* A cell's worth of text, in b->buf: control characters but tab and
 * newline to spaces, bytes that are not UTF-8 to U+FFFD, cut on a
 * character boundary with "…" past SHEET_CELL_MAX bytes. */
const char *sheet_cell_text(sheet_book *b, const char *s);
/* Appends as much of s to buf as fits (whole characters only). */
void sheet_append(char *buf, size_t size, const char *s);
/* A file's name without its folders, as cells show it. */
const char *sheet_file_name(const char *path);

/* ---- Cells --------------------------------------------------------------- */

/* User text, always as a string (never a formula, even when it starts with
 * '='); empty text is a blank cell when there is a format, else nothing. */
lxw_error sheet_put_text(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                         const char *s, lxw_format *f);
/* User text cleaned as a cell's over the merged cells c1..c2 of row r. */
lxw_error sheet_merge_text(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c1,
                           lxw_col_t c2, const char *s, lxw_format *f);
/* A number, or an empty cell for NaN ("not known" is never written as 0). */
lxw_error sheet_put_number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
                           lxw_format *f);
/* A day (days since 1970-01-01) as a date cell. */
lxw_error sheet_put_date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, long day, lxw_format *f);
/* A note on a cell, its text cleaned as a cell's, its box scaled. */
lxw_error sheet_put_note(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                         const char *text, double x_scale, double y_scale);

/* How a text's width is counted: every character one (the analysis
 * workbook's columns, measured in characters), or in column units of 10 pt
 * text, where a CJK character counts 2 and any other 0.8 (the report's
 * pages). */
typedef enum { SHEET_CHARS, SHEET_UNITS } sheet_measure;
/* Lines a wrapped text takes (at most 40) in a column `width` wide, counted
 * as `m` says; each newline starts a line. */
unsigned sheet_wrapped_lines(const char *s, double width, sheet_measure m);
/* A row 15 points a line, when its text (sheet_wrapped_lines, SHEET_CHARS)
 * takes more than one in a column `chars` characters wide. */
void sheet_fit_row(lxw_worksheet *ws, lxw_row_t r, const char *text, unsigned chars);

/* ---- Formats, columns and pages ------------------------------------------ */

/* What a format sets; what is left 0 or NULL keeps libxlsxwriter's default
 * (11 pt, black, no fill, aligned at the bottom). */
typedef struct {
    const char *num;      /* number format */
    double size;          /* font size in points */
    uint32_t color;       /* font colour */
    uint32_t fill;        /* a solid fill */
    int bold, italic;
    int wrap;             /* text wraps */
    int top;              /* aligned at the top of the cell */
    int center;           /* centred across the cell */
} sheet_style;
/* A format of the book, as `s` says: sheet_format(wb, &(sheet_style){.bold = 1}). */
lxw_format *sheet_format(lxw_workbook *wb, const sheet_style *s);

typedef struct {
    msg_id title;      /* shown in the book's language */
    double width;
} sheet_column;

/* Column widths and a row of header cells in format `f` at row r. */
lxw_error sheet_header_row(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, const sheet_column *cols,
                           int count, lxw_format *f);
/* How a sheet prints on A4, as wide as one page. */
typedef struct {
    int landscape;
    int one_page;         /* as tall as one page too (else as long as it needs) */
    double side, ends;    /* margins in inches, left and right, top and bottom
                             (side 0: libxlsxwriter's, 0.7 and 0.75) */
    int center;           /* centred across the page */
} sheet_page;
void sheet_print_page(lxw_worksheet *ws, const sheet_page *page);
/* A sheet of the analysis workbook: sheet_print_page with margins of 0.5
 * and 0.75 inch, the given page header and kmgca's footer. */
void sheet_print_setup(lxw_worksheet *ws, int landscape, const char *header);
/* The same page header and footer on every sheet ("" keeps a sheet's own). */
void sheet_set_page_text(lxw_workbook *wb, const char *header, const char *footer);

/* ---- Tables written row by row ------------------------------------------- */

/* A sheet written row by row that continues on "Name (2)", "Name (3)", ...
 * when full; each sheet has the header row, frozen, filtered and printed. */
typedef struct {
    msg_id name;              /* shown in the book's language */
    const char *page_header;
    const sheet_column *cols;
    int count;
    int print_cols;           /* columns on printed pages */
    int wrap_from;            /* first column that wraps (count: none) */
    lxw_worksheet *ws;
    lxw_row_t row;            /* next row to write */
    int number;               /* sheets so far */
} sheet_table;

/* Starts the table's next sheet, with its header row; NULL when
 * libxlsxwriter cannot add one. */
lxw_worksheet *sheet_table_add(sheet_book *b, sheet_table *t);
/* The row to write next, on a new sheet when the current one is full. */
kmgca_status sheet_table_next_row(sheet_book *b, sheet_table *t, lxw_row_t *row,
                                  kmgca_error *err);
/* Filter and print area over the rows the current sheet holds. */
void sheet_table_end(sheet_table *t);

#endif
