/* layout.c — the page layout of the report's sheets: text measured in
 * column units (CJK characters count two), cell text, the formats, and
 * lines, headings and gaps over the width of the one-page client summary;
 * the caseload index uses the same formats and cells.
 *
 * Every sheet of a report is written row by row (the workbook is in
 * constant-memory mode), so these helpers only ever move down the page.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *report_tr(kmgca_lang lang, const char *en)
{
    return lang == KMGCA_LANG_ZH ? lang_zh(en) : en;
}

const char *const report_nutrient_word[KMGCA_NUTRIENT_COUNT] = {"calcium", "magnesium",
                                                                "potassium", "sodium"};
const char *const report_nutrient_title[KMGCA_NUTRIENT_COUNT] = {"Calcium", "Magnesium",
                                                                 "Potassium", "Sodium"};

/* Display width of text in column units: CJK characters count two. */
static double text_width(const char *s)
{
    double w = 0;
    while (s && *s) {
        size_t len = 1;
        long cp = (unsigned char)*s >= 0x80 ? utf8_decode(s, &len) : (unsigned char)*s;
        if (cp < 0)
            len = 1;
        /* At 10 pt a Latin letter averages about 0.8 of a column unit, a
         * CJK character about 2. */
        w += cp >= 0x2E80 ? 2.0 : 0.8;
        s += len;
    }
    return w;
}

/* Lines a text wraps to in a merged cell `units` wide (a rough count:
 * proportional fonts are narrower than a column unit on average). */
unsigned page_lines_for(const char *s, double units)
{
    unsigned lines = 0;
    const char *p = s;
    while (1) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char part[4096];
        if (n >= sizeof part)
            n = sizeof part - 1;
        memcpy(part, p, n);
        part[n] = '\0';
        double w = text_width(part);
        lines += w <= units ? 1 : (unsigned)ceil(w / units);
        if (!nl)
            break;
        p = nl + 1;
    }
    return lines ? lines : 1;
}

/* Text as a cell holds it: control characters to spaces, at most 2,000
 * bytes (summary cells are short; the full text is elsewhere). */
void page_cell_copy(char *out, size_t size, const char *s)
{
    copy_text(out, size, s ? s : "");
    for (char *p = out; *p; p++)
        if (((unsigned char)*p < 0x20 && *p != '\n') || *p == 0x7F)
            *p = ' ';
}

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

lxw_format *page_format(lxw_workbook *wb, double size, int bold, const char *num, uint32_t fill,
                        uint32_t color)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_size(f, size);
    if (bold)
        format_set_bold(f);
    if (num)
        format_set_num_format(f, num);
    if (fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, fill);
    }
    if (color)
        format_set_font_color(f, color);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

void page_formats_new(lxw_workbook *wb, page_formats *f)
{
    f->title = page_format(wb, 15, 1, NULL, 0, 0x1F3864);
    f->sub = page_format(wb, 10, 0, NULL, 0, 0x404040);
    format_set_text_wrap(f->sub);
    f->h2 = page_format(wb, 11, 1, NULL, 0, 0x1F3864);
    format_set_bottom(f->h2, LXW_BORDER_THIN);
    format_set_bottom_color(f->h2, 0x1F3864);
    f->head = page_format(wb, 9, 1, NULL, 0xDCE6F1, 0);
    format_set_text_wrap(f->head);
    f->text = page_format(wb, 10, 0, NULL, 0, 0);
    f->wrap = page_format(wb, 10, 0, NULL, 0, 0);
    format_set_text_wrap(f->wrap);
    f->small = page_format(wb, 8.5, 0, NULL, 0, 0x404040);
    format_set_text_wrap(f->small);
    format_set_italic(f->small);
    f->note = page_format(wb, 8.5, 0, NULL, 0, 0x404040);
    format_set_italic(f->note);
    f->bold = page_format(wb, 10, 1, NULL, 0, 0);
    f->mg0 = page_format(wb, 10, 0, "#,##0", 0, 0);
    f->num1 = page_format(wb, 10, 0, "0.0", 0, 0);
    f->pct = page_format(wb, 10, 0, "0%", 0, 0);
    f->red = page_format(wb, 10, 1, "0%", 0xFFC7CE, 0x9C0006);
    f->amber = page_format(wb, 10, 1, "0%", 0xFFEB9C, 0x9C5700);
    f->green = page_format(wb, 10, 1, "0%", 0xC6EFCE, 0x006100);
    f->date = page_format(wb, 10, 0, "yyyy-mm-dd", 0, 0);
    f->center = page_format(wb, 10, 0, NULL, 0, 0);
    format_set_align(f->center, LXW_ALIGN_CENTER);
}

lxw_format *page_light(const page_formats *f, double fraction)
{
    return isnan(fraction)     ? f->pct
           : fraction < 0.67   ? f->red
           : fraction < 1.0    ? f->amber
                               : f->green;
}

lxw_error page_put(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const char *s, lxw_format *f)
{
    char buf[2048];
    page_cell_copy(buf, sizeof buf, s);
    if (!buf[0])
        return LXW_NO_ERROR;
    return worksheet_write_string(ws, r, col, buf, f);
}

lxw_error page_put_num(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, double v, lxw_format *f)
{
    if (isnan(v))
        return LXW_NO_ERROR;
    return worksheet_write_number(ws, r, col, v, f);
}

/* A line of text over the whole width, its row as tall as the text needs. */
lxw_error page_line(lxw_worksheet *ws, lxw_row_t *r, const char *s, lxw_format *f,
                    double point_size)
{
    char buf[2048];
    page_cell_copy(buf, sizeof buf, s);
    unsigned lines = page_lines_for(buf, 92.0 * 10 / point_size);
    worksheet_set_row(ws, *r, (point_size + 3.5) * lines + 1, NULL);
    lxw_error x = worksheet_merge_range(ws, *r, 0, *r, PAGE_COLS - 1, buf, f);
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
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, side, side, ends, ends);
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
