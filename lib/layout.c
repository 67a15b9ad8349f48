/* layout.c — the page layout of the report's sheets, on the sheet layer
 * (sheet.c: cells, text clean-up, the lines a text wraps to, formats, print
 * set-up): the page's formats and traffic lights, lines, headings and gaps
 * over the width of the one-page client summary, table sheets' printing,
 * food names and grouped numbers; the caseload index uses the same
 * formats.
 *
 * Every sheet of a report is written row by row (the workbook is in
 * constant-memory mode), so these helpers only ever move down the page.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A food's name for the page: its Chinese name in Chinese when it has one;
 * otherwise the description, cut to `max` characters. */
void page_food_label(kmgca_lang lang, const kmgca_food *food, const char *name, char *out,
                     size_t size, size_t max)
{
    const char *zh = lang == KMGCA_LANG_ZH && food ? kmgca_food_name_zh(food) : NULL;
    const char *s = zh ? zh : name ? name : "";
    size_t chars = 0, i = 0, o = 0;
    while (s[i] && o + 5 < size) {
        size_t len = 1;
        if ((unsigned char)s[i] >= 0x80 && utf8_decode(s + i, &len) < 0)
            len = 1;
        if (chars == max) {
            /* Back to the last space or comma, when there is one not too far. */
            size_t back = o;
            while (back > o / 2 && out[back - 1] != ' ' && out[back - 1] != ',')
                back--;
            if (back > o / 2)
                o = back;
            while (o && (out[o - 1] == ' ' || out[o - 1] == ','))
                o--;
            memcpy(out + o, "\xE2\x80\xA6", 3);
            o += 3;
            break;
        }
        memcpy(out + o, s + i, len);
        o += len;
        i += len;
        chars++;
    }
    out[o] = '\0';
}

/* A format of the page: 10 pt unless `s` says otherwise, aligned at the
 * top. */
static lxw_format *page_format(lxw_workbook *wb, sheet_style s)
{
    if (!s.size)
        s.size = 10;
    s.top = 1;
    return sheet_format(wb, &s);
}

void page_formats_new(lxw_workbook *wb, page_formats *f)
{
    f->title = page_format(wb, (sheet_style){.size = 15, .bold = 1, .color = 0x1F3864});
    f->sub = page_format(wb, (sheet_style){.color = 0x404040, .wrap = 1});
    f->h2 = page_format(wb, (sheet_style){.size = 11, .bold = 1, .color = 0x1F3864});
    format_set_bottom(f->h2, LXW_BORDER_THIN);
    format_set_bottom_color(f->h2, 0x1F3864);
    f->head = page_format(wb, (sheet_style){.size = 9, .bold = 1, .fill = 0xDCE6F1, .wrap = 1});
    f->text = page_format(wb, (sheet_style){0});
    f->wrap = page_format(wb, (sheet_style){.wrap = 1});
    f->small = page_format(wb, (sheet_style){.size = 8.5, .color = 0x404040, .italic = 1,
                                             .wrap = 1});
    f->note = page_format(wb, (sheet_style){.size = 8.5, .color = 0x404040, .italic = 1});
    f->bold = page_format(wb, (sheet_style){.bold = 1});
    f->mg0 = page_format(wb, (sheet_style){.num = "#,##0"});
    f->num1 = page_format(wb, (sheet_style){.num = "0.0"});
    f->pct = page_format(wb, (sheet_style){.num = "0%"});
    f->red = page_format(wb, (sheet_style){.num = "0%", .bold = 1, .fill = 0xFFC7CE,
                                           .color = 0x9C0006});
    f->amber = page_format(wb, (sheet_style){.num = "0%", .bold = 1, .fill = 0xFFEB9C,
                                             .color = 0x9C5700});
    f->green = page_format(wb, (sheet_style){.num = "0%", .bold = 1, .fill = 0xC6EFCE,
                                             .color = 0x006100});
    f->date = page_format(wb, (sheet_style){.num = "yyyy-mm-dd"});
    f->center = page_format(wb, (sheet_style){.center = 1});
    /* Links (the caseload index): blue, underlined. */
    f->link = page_format(wb, (sheet_style){.color = 0x0563C1});
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
}

lxw_format *page_light(const page_formats *f, double fraction)
{
    return isnan(fraction)     ? f->pct
           : fraction < 0.67   ? f->red
           : fraction < 1.0    ? f->amber
                               : f->green;
}

/* A line of text over the whole width, its row as tall as the text needs. */
lxw_error page_line(sheet_book *b, lxw_worksheet *ws, lxw_row_t *r, const char *s,
                    lxw_format *f, double point_size)
{
    unsigned lines = sheet_wrapped_lines(s, 92.0 * 10 / point_size, SHEET_UNITS);
    worksheet_set_row(ws, *r, (point_size + 3.5) * lines + 1, NULL);
    lxw_error x = sheet_merge_text(b, ws, *r, 0, PAGE_COLS - 1, s, f);
    (*r)++;
    return x;
}

lxw_error page_heading(lxw_worksheet *ws, lxw_row_t *r, const char *s, const page_formats *f)
{
    worksheet_set_row(ws, *r, 19, NULL);
    lxw_error x = worksheet_merge_range(ws, *r, 0, *r, PAGE_COLS - 1, s, f->h2);
    (*r)++;
    return x;
}

void page_gap(lxw_worksheet *ws, lxw_row_t *r)
{
    worksheet_set_row(ws, *r, 5, NULL);
    (*r)++;
}

/* A table sheet with its head in row 0, printed landscape on A4 as wide
 * as one page and as long as it needs, the head on every page; margins in
 * inches, left and right `side`, top and bottom `ends`. */
void page_table_print(lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col, double side,
                      double ends)
{
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_print_area(ws, 0, 0, last_row, last_col);
    sheet_print_page(ws, &(sheet_page){.landscape = 1, .side = side, .ends = ends});
}

/* "1,969" */
const char *page_grouped(double v, char *buf, size_t size)
{
    char raw[32];
    snprintf(raw, sizeof raw, "%.0f", v);
    size_t len = strlen(raw), o = 0;
    for (size_t i = 0; i < len && o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0 && raw[i - 1] != '-')
            buf[o++] = ',';
        buf[o++] = raw[i];
    }
    buf[o] = '\0';
    return buf;
}
