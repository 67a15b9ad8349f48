/* sheet.c — the sheet layer under kmgca's books (the analysis workbook,
 * the client report, its printable copy and the caseload index), with
 * libxlsxwriter: cells, formats, text clean-up, cell notes, the lines a
 * text wraps to, print set-up, tables that continue on "Name (2)" when a
 * sheet is full, and the output file built under a temporary name and
 * renamed when complete (sheet.h says how each is used).
 *
 * Rules: user text is only ever written as a string (never a formula, even
 * when it starts with '='); text is cut to the 32,000 bytes a cell holds
 * (under Excel's 32,767 characters) and control characters other than tab
 * and newline become spaces; the file is built under a temporary name
 * beside the target and renamed only when complete.
 */
#include "sheet.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Output files ------------------------------------------------------- */

/* Creates the empty temporary file beside `path`, its name in tmp. */
static kmgca_status output_temp(const char *path, char *tmp, size_t size, kmgca_error *err)
{
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    if ((size_t)snprintf(tmp, size, "%.*s.%s.XXXXXX", dir_len, path, slash ? slash + 1 : path) >=
        size)
        return kmgca_fail_at(err, KMGCA_ERROR_ARGUMENT, path, 0, 0, "output path is too long");
    int fd = mkstemp(tmp);
    if (fd < 0)
        return kmgca_fail_at(err, errno == ENOMEM ? KMGCA_ERROR_NOMEM : KMGCA_ERROR_IO, path, 0,
                             0, "cannot create the output file: %s", strerror(errno));
    close(fd);
    return KMGCA_OK;
}

/* mkstemp makes the file private; the report gets the usual permissions.
 * The umask is read from /proc (reports run in threads, and setting the
 * umask to read it would change it for them all for a moment); umask() is
 * the fallback where /proc has no such line. */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned m;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Umask: %o", &m) == 1) {
            fclose(f);
            return (mode_t)m;
        }
    if (f)
        fclose(f);
    mode_t old = umask(0);
    umask(old);
    return old;
}

/* Gives the temporary file the usual permissions and renames it into place
 * (removing it on failure). */
static kmgca_status output_commit(const char *tmp, const char *path, kmgca_error *err)
{
    if (chmod(tmp, 0666 & ~current_umask()) != 0 || rename(tmp, path) != 0) {
        kmgca_status st = kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0,
                                        "cannot move the output into place: %s", strerror(errno));
        unlink(tmp);
        return st;
    }
    return KMGCA_OK;
}

/* 0 when every sheet row reached its temporary file, else the errno of the
 * failed write: libxlsxwriter does not check those writes, so without this
 * a full disk would give a damaged workbook that closes without an error. */
static int rows_lost(lxw_workbook *wb)
{
    int lost = 0;
    lxw_worksheet *ws;
    LXW_FOREACH_WORKSHEET(ws, wb)
    {
        FILE *f = ws->optimize_tmpfile;
        errno = 0;
        if (f && !lost && (fflush(f) != 0 || ferror(f)))
            lost = errno ? errno : EIO; /* the write that failed is past: say I/O */
    }
    return lost;
}

/* Closes a book written to `tmp` and renames it to `path`; when the close
 * fails or a sheet row never reached the disk, removes tmp and says "cannot
 * write `what`". */
static kmgca_status close_commit(lxw_workbook *wb, const char *tmp, const char *path,
                                 const char *what, kmgca_error *err)
{
    int lost = rows_lost(wb);
    lxw_error closed = workbook_close(wb);
    if (closed || lost) {
        unlink(tmp);
        if (lost)
            return kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0,
                                 "cannot write %s: %s (is the disk full?)", what, strerror(lost));
        return kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0, "cannot write %s: %s", what,
                             lxw_strerror(closed));
    }
    return output_commit(tmp, path, err);
}

/* ---- The book ----------------------------------------------------------- */

kmgca_status sheet_book_open(sheet_book *b, const char *path, kmgca_lang lang,
                             int constant_memory, kmgca_error *err)
{
    if (strlen(path) + 16 >= sizeof b->path)
        return kmgca_fail_at(err, KMGCA_ERROR_ARGUMENT, path, 0, 0, "output path is too long");
    copy_text(b->path, sizeof b->path, path);
    b->lang = lang;
    /* The temporary file sits beside the target so that rename() is atomic. */
    kmgca_status st = output_temp(path, b->tmp, sizeof b->tmp, err);
    if (st != KMGCA_OK)
        return st;
    lxw_workbook_options opts = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE,
                                 .tmpdir = NULL};
    b->wb = workbook_new_opt(b->tmp, &opts);
    if (!b->wb) {
        unlink(b->tmp);
        return kmgca_fail_at(err, KMGCA_ERROR_NOMEM, path, 0, 0, "cannot start the workbook");
    }
    return KMGCA_OK;
}

kmgca_status sheet_book_commit(sheet_book *b, lxw_error x, const char *part, const char *what,
                               kmgca_error *err)
{
    if (x) {
        kmgca_status st = sheet_fail(b, err, x, part);
        sheet_book_discard(b);
        return st;
    }
    kmgca_status st = close_commit(b->wb, b->tmp, b->path, what, err);
    b->wb = NULL;
    return st;
}

void sheet_book_discard(sheet_book *b)
{
    if (b->wb) {
        /* Closing is the only way libxlsxwriter frees a workbook; the
         * temporary file it writes is removed straight after. */
        workbook_close(b->wb);
        b->wb = NULL;
    }
    unlink(b->tmp);
}

kmgca_status sheet_fail(const sheet_book *b, kmgca_error *err, lxw_error e, const char *what)
{
    return kmgca_fail_at(err, e == LXW_ERROR_MEMORY_MALLOC_FAILED ? KMGCA_ERROR_NOMEM
                                                                  : KMGCA_ERROR_IO,
                         b->path, 0, 0, "cannot write the workbook (%s): %s", what,
                         lxw_strerror(e));
}

/* ---- Text --------------------------------------------------------------- */

/* The text is already valid UTF-8 (every reader checks). */
const char *sheet_cell_text(sheet_book *b, const char *s)
{
    size_t o = 0;
    while (s && *s && o < SHEET_CELL_MAX) {
        unsigned char c = (unsigned char)*s;
        size_t len = 1;
        if (c >= 0x80 && utf8_decode(s, &len) < 0) {
            /* Not UTF-8 (the readers check, so this is a guard): U+FFFD. */
            memcpy(b->buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            s++;
            continue;
        }
        if (len == 1)
            b->buf[o++] = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ? ' ' : (char)c;
        else {
            memcpy(b->buf + o, s, len);
            o += len;
        }
        s += len;
    }
    if (s && *s) {
        memcpy(b->buf + o, "\xE2\x80\xA6", 3); /* "…" */
        o += 3;
    }
    b->buf[o] = '\0';
    return b->buf;
}

void sheet_append(char *buf, size_t size, const char *s)
{
    size_t len = strlen(buf);
    if (len + 1 < size)
        copy_text(buf + len, size - len, s);
}

const char *sheet_file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- Cells -------------------------------------------------------------- */

lxw_error sheet_put_text(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                         const char *s, lxw_format *f)
{
    if (!s || !*s)
        return f ? worksheet_write_blank(ws, r, c, f) : LXW_NO_ERROR;
    return worksheet_write_string(ws, r, c, sheet_cell_text(b, s), f);
}

lxw_error sheet_merge_text(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c1,
                           lxw_col_t c2, const char *s, lxw_format *f)
{
    return worksheet_merge_range(ws, r, c1, r, c2, sheet_cell_text(b, s), f);
}

lxw_error sheet_put_number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
                           lxw_format *f)
{
    if (isnan(v))
        return f ? worksheet_write_blank(ws, r, c, f) : LXW_NO_ERROR;
    return worksheet_write_number(ws, r, c, v, f);
}

lxw_error sheet_put_date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, long day, lxw_format *f)
{
    int y, m, d;
    date_civil((int32_t)day, &y, &m, &d);
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    return worksheet_write_datetime(ws, r, c, &dt, f);
}

lxw_error sheet_put_note(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                         const char *text, double x_scale, double y_scale)
{
    lxw_comment_options co = {.x_scale = x_scale, .y_scale = y_scale};
    return worksheet_write_comment_opt(ws, r, c, sheet_cell_text(b, text), &co);
}

/* One character's width as `m` counts it. At 10 pt a Latin letter
 * averages about 0.8 of a column unit, a CJK character about 2. */
static double char_width(const char *s, sheet_measure m)
{
    if (m == SHEET_CHARS)
        return 1;
    size_t len = 1;
    long cp = (unsigned char)*s >= 0x80 ? utf8_decode(s, &len) : (unsigned char)*s;
    return cp >= 0x2E80 ? 2.0 : 0.8;
}

/* libxlsxwriter does not fit row heights, and readers do not all do it.
 * A rough count: proportional fonts are narrower than a column unit on
 * average. */
unsigned sheet_wrapped_lines(const char *s, double width, sheet_measure m)
{
    unsigned lines = 0;
    double w = 0; /* of the line being measured, up to its newline */
    for (;; s++) {
        if (!s || !*s || *s == '\n') {
            lines += w <= width ? 1 : (unsigned)ceil(w / width);
            w = 0;
            if (!s || !*s)
                break;
        } else if (((unsigned char)*s & 0xC0) != 0x80) {
            w += char_width(s, m);
        }
    }
    return lines > 40 ? 40 : lines;
}

void sheet_fit_row(lxw_worksheet *ws, lxw_row_t r, const char *text, unsigned chars)
{
    unsigned lines = sheet_wrapped_lines(text, chars, SHEET_CHARS);
    if (lines > 1)
        worksheet_set_row(ws, r, 15.0 * lines, NULL);
}

/* ---- Formats, columns and pages ----------------------------------------- */

lxw_format *sheet_format(lxw_workbook *wb, const sheet_style *s)
{
    lxw_format *f = workbook_add_format(wb);
    if (s->num)
        format_set_num_format(f, s->num);
    if (s->size > 0)
        format_set_font_size(f, s->size);
    if (s->color)
        format_set_font_color(f, s->color);
    if (s->fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, s->fill);
    }
    if (s->bold)
        format_set_bold(f);
    if (s->italic)
        format_set_italic(f);
    if (s->wrap)
        format_set_text_wrap(f);
    if (s->top)
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (s->center)
        format_set_align(f, LXW_ALIGN_CENTER);
    return f;
}

lxw_error sheet_header_row(sheet_book *b, lxw_worksheet *ws, lxw_row_t r, const sheet_column *cols,
                           int count, lxw_format *f)
{
    lxw_error x = LXW_NO_ERROR;
    for (int c = 0; c < count && !x; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL);
        x = worksheet_write_string(ws, r, (lxw_col_t)c, msg_text(b->lang, cols[c].title), f);
    }
    return x;
}

void sheet_print_page(lxw_worksheet *ws, const sheet_page *page)
{
    if (page->landscape)
        worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, page->one_page ? 1 : 0);
    if (page->side > 0)
        worksheet_set_margins(ws, page->side, page->side, page->ends, page->ends);
    if (page->center)
        worksheet_center_horizontally(ws);
}

void sheet_print_setup(lxw_worksheet *ws, int landscape, const char *header)
{
    sheet_print_page(ws, &(sheet_page){.landscape = landscape, .side = 0.5, .ends = 0.75});
    worksheet_set_header(ws, header);
    worksheet_set_footer(ws, "&LGenerated by kmgca&RPage &P of &N");
}

void sheet_set_page_text(lxw_workbook *wb, const char *header, const char *footer)
{
    if (!header[0] && !footer[0])
        return;
    lxw_worksheet *ws;
    LXW_FOREACH_WORKSHEET(ws, wb)
    {
        if (header[0])
            worksheet_set_header(ws, header);
        if (footer[0])
            worksheet_set_footer(ws, footer);
    }
}

/* ---- Tables written row by row ------------------------------------------ */

lxw_worksheet *sheet_table_add(sheet_book *b, sheet_table *t)
{
    char name[128];
    if (++t->number == 1)
        snprintf(name, sizeof name, "%s", msg_text(b->lang, t->name));
    else
        snprintf(name, sizeof name, "%s (%d)", msg_text(b->lang, t->name), t->number);
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (!ws)
        return NULL;
    for (int c = 0; c < t->count; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, t->cols[c].width,
                             c >= t->wrap_from ? b->wrap : NULL);
        worksheet_write_string(ws, 0, (lxw_col_t)c, msg_text(b->lang, t->cols[c].title), b->head);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    sheet_print_setup(ws, 1, t->page_header);
    t->ws = ws;
    t->row = 1;
    return ws;
}

void sheet_table_end(sheet_table *t)
{
    lxw_row_t last = t->row > 1 ? t->row - 1 : 1;
    worksheet_autofilter(t->ws, 0, 0, last, (lxw_col_t)(t->count - 1));
    worksheet_print_area(t->ws, 0, 0, last, (lxw_col_t)(t->print_cols - 1));
}

kmgca_status sheet_table_next_row(sheet_book *b, sheet_table *t, lxw_row_t *row,
                                  kmgca_error *err)
{
    if (t->row >= LXW_ROW_MAX) {
        sheet_table_end(t);
        if (!sheet_table_add(b, t))
            return kmgca_fail_at(err, KMGCA_ERROR_NOMEM, b->path, 0, 0, "cannot add a sheet");
    }
    *row = t->row++;
    return KMGCA_OK;
}
