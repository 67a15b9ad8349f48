/* nights.c — the client's nights beside the intake: the "Nights" sheet
 * (one row a day: the day log's cramps beside the day's magnesium and
 * potassium, diuretic and sweat days) and the summary page's comparison of
 * nights with cramps against nights without, with two charts reading that
 * sheet.
 *
 * kmgca informs and never diagnoses: the comparison says what happened
 * together, never why.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { N_DATE, N_CRAMPS, N_SEVERITY, N_MG, N_MG_PCT, N_K, N_K_PCT, N_DIURETIC, N_SWEAT, N_NOTE,
       N_COLS };

lxw_error nights_write_sheet(const client *c, sheet_book *b, lxw_worksheet *ws,
                             const page_formats *f)
{
    static const sheet_column cols[N_COLS] = {
        {MSG_DATE, 11}, {MSG_CRAMPS_EPISODES, 10}, {MSG_SEVERITY_0_10, 10}, {MSG_MG_MG, 9},
        {MSG_MG_PCT_OF_TARGET, 9}, {MSG_K_MG, 9}, {MSG_K_PCT_OF_TARGET, 9}, {MSG_DIURETIC_DAY, 9},
        {MSG_HEAVY_SWEAT_DAY, 10}, {MSG_NOTE, 40},
    };
    worksheet_set_row(ws, 0, 30, NULL);
    lxw_error x = sheet_header_row(b, ws, 0, cols, N_COLS, f->head);
    for (size_t i = 0; i < c->days && !x; i++) {
        kmgca_day d = kmgca_analysis_day(c->a, i);
        const day_extra *e = &c->extra[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        x = sheet_put_date(ws, r, N_DATE, d.day, f->date);
        if (e->cramps >= 0) {
            x = x ? x : worksheet_write_number(ws, r, N_CRAMPS, e->cramps, f->text);
            x = x ? x : sheet_put_number(ws, r, N_SEVERITY, e->severity, f->num1);
        }
        x = x ? x : sheet_put_number(ws, r, N_MG, d.mg[KMGCA_MG], f->mg0);
        x = x ? x : sheet_put_number(ws, r, N_MG_PCT, d.percent[KMGCA_MG] / 100,
                                     page_light(f, d.percent[KMGCA_MG] / 100));
        x = x ? x : sheet_put_number(ws, r, N_K, d.mg[KMGCA_K], f->mg0);
        x = x ? x : sheet_put_number(ws, r, N_K_PCT, d.percent[KMGCA_K] / 100,
                                     page_light(f, d.percent[KMGCA_K] / 100));
        x = x ? x : sheet_put_text(b, ws, r, N_DIURETIC, T(c, e->diuretic ? MSG_YES : MSG_NO),
                                   f->center);
        x = x ? x : sheet_put_text(b, ws, r, N_SWEAT, T(c, e->sweat ? MSG_YES : MSG_NO), f->center);
        x = x ? x : sheet_put_text(b, ws, r, N_NOTE, e->note, f->text);
    }
    lxw_row_t r = (lxw_row_t)(c->days + 2);
    char v[600];
    if (!x && !c->files.count[FILE_DAYLOG]) {
        x = sheet_put_text(b, ws, r++, 0, T(c, MSG_NIGHTS_NO_DAY_LOG_EMPTY), f->bold);
    }
    if (!x && c->log.count) {
        size_t outside = 0;
        for (size_t i = 0; i < c->log.count; i++) {
            int found = 0;
            for (size_t k = 0; k < c->days && !found; k++)
                found = kmgca_analysis_day(c->a, k).day == c->log.nights[i].day;
            outside += !found;
        }
        if (outside) {
            snprintf(v, sizeof v, T(c, MSG_NIGHTS_OFF_DIARY),
                     outside);
            x = sheet_put_text(b, ws, r++, 0, v, f->bold);
        }
    }
    if (!x && c->log.review) {
        snprintf(v, sizeof v, T(c, MSG_NIGHTS_ROWS_UNUSED), c->log.review);
        x = sheet_put_text(b, ws, r++, 0, v, f->bold);
        for (size_t i = 0; i < c->log.review && i < NIGHT_REVIEW_KEEP && !x; i++)
            x = sheet_put_text(b, ws, r++, 0, c->log.reasons[i], f->text);
    }
    if (!x)
        x = worksheet_merge_range(ws, r + 1, 0, r + 1, N_COLS - 1, T(c, MSG_NIGHTS_NOT_CAUSE),
                                  f->small);
    page_table_print(ws, r + 1, N_COLS - 1, 0.5, 0.75);
    return x;
}

/* Nights with cramps (group 0) against nights without (group 1): the
 * count of each, their magnesium and potassium (sums of the % of target,
 * over the days with a value), diuretic and sweat days, and the severity of
 * the cramp nights. */
typedef struct {
    double mg[2], k[2], sev;
    size_t n[2], nmg[2], nk[2], diur[2], sweat[2], nsev;
} cramp_tally;

/* A group's average % of target; NaN when no day had a value. */
static double group_mean(double sum, size_t days)
{
    return days ? sum / (double)days : NAN;
}

static void tally_nights(const client *c, cramp_tally *t)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < c->days; i++) {
        const day_extra *e = &c->extra[i];
        if (e->cramps < 0)
            continue;
        int g = e->cramps > 0 ? 0 : 1;
        kmgca_day d = kmgca_analysis_day(c->a, i);
        t->n[g]++;
        if (!isnan(d.percent[KMGCA_MG])) {
            t->mg[g] += d.percent[KMGCA_MG];
            t->nmg[g]++;
        }
        if (!isnan(d.percent[KMGCA_K])) {
            t->k[g] += d.percent[KMGCA_K];
            t->nk[g]++;
        }
        t->diur[g] += (size_t)e->diuretic;
        t->sweat[g] += (size_t)e->sweat;
        if (g == 0 && !isnan(e->severity)) {
            t->sev += e->severity;
            t->nsev++;
        }
    }
}

/* The table: a row per measure, a column per group. */
static lxw_error write_cramp_table(const client *c, sheet_book *b, lxw_worksheet *ws,
                                   lxw_row_t *r, const page_formats *f, const cramp_tally *t)
{
    lxw_error x = LXW_NO_ERROR;
    static const msg_id head[2] = {MSG_NIGHTS_WITH_CRAMPS, MSG_NIGHTS_WITHOUT_CRAMPS};
    worksheet_set_row(ws, *r, 26, NULL);
    x = worksheet_write_blank(ws, *r, 0, f->head);
    for (int i = 0; i < 2 && !x; i++)
        x = worksheet_write_string(ws, *r, (lxw_col_t)(1 + i), T(c, head[i]), f->head);
    (*r)++;
    static const msg_id labels[5] = {MSG_NIGHTS, MSG_MAGNESIUM_PCT_OF_TARGET,
                                     MSG_POTASSIUM_PCT_OF_TARGET, MSG_AFTER_A_DIURETIC_DAY,
                                     MSG_AFTER_HEAVY_SWEATING};
    for (int row = 0; row < 5 && !x; row++, (*r)++) {
        x = sheet_put_text(b, ws, *r, 0, T(c, labels[row]), f->text);
        for (int g = 0; g < 2 && !x; g++) {
            lxw_col_t col = (lxw_col_t)(1 + g);
            switch (row) {
            case 0: x = worksheet_write_number(ws, *r, col, (double)t->n[g], f->text); break;
            case 1:
                x = sheet_put_number(ws, *r, col, group_mean(t->mg[g], t->nmg[g]) / 100,
                                     page_light(f, group_mean(t->mg[g], t->nmg[g]) / 100));
                break;
            case 2:
                x = sheet_put_number(ws, *r, col, group_mean(t->k[g], t->nk[g]) / 100,
                                     page_light(f, group_mean(t->k[g], t->nk[g]) / 100));
                break;
            case 3: x = worksheet_write_number(ws, *r, col, (double)t->diur[g], f->text); break;
            default: x = worksheet_write_number(ws, *r, col, (double)t->sweat[g], f->text); break;
            }
        }
    }
    return x;
}

/* The sentence under the table, in its columns. */
static lxw_error write_cramp_sentence(const client *c, lxw_worksheet *ws, lxw_row_t *r,
                                      const page_formats *f, const cramp_tally *t)
{
    char v[1200];
    if (t->n[0])
        snprintf(v, sizeof v, T(c, MSG_NIGHTS_CRAMPS_COMPARED),
                 t->n[0], t->n[0] + t->n[1], t->nsev ? t->sev / (double)t->nsev : 0.0,
                 group_mean(t->mg[0], t->nmg[0]), group_mean(t->mg[1], t->nmg[1]),
                 group_mean(t->k[0], t->nk[0]), group_mean(t->k[1], t->nk[1]));
    else
        snprintf(v, sizeof v, T(c, MSG_NIGHTS_NO_CRAMPS), t->n[1]);
    /* "nan%" reads badly: when one group is empty, say so instead. */
    if (strstr(v, "nan"))
        snprintf(v, sizeof v, T(c, MSG_NIGHTS_CRAMPS_ONE_GROUP),
                 t->n[0], t->n[0] + t->n[1]);
    /* The sentence goes under the table, in its columns (about 44 units). */
    worksheet_set_row(ws, *r, 14.5 * sheet_wrapped_lines(v, 44, SHEET_UNITS) + 1, NULL);
    lxw_error x = worksheet_merge_range(ws, *r, 0, *r, 2, v, f->wrap);
    (*r)++;
    return x;
}

/* Two charts to the right of the table, reading the Nights sheet: the
 * cramps' severity, and that day's magnesium and potassium. */
static lxw_error write_cramp_charts(const client *c, lxw_workbook *wb, lxw_worksheet *ws,
                                    lxw_row_t chart_row, const char *nights_sheet)
{
    lxw_row_t last = (lxw_row_t)c->days;
    lxw_chart *cramps = workbook_add_chart(wb, LXW_CHART_COLUMN);
    lxw_chart *intake = workbook_add_chart(wb, LXW_CHART_LINE);
    if (!cramps || !intake)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_chart_font title_font = {.size = 9, .bold = 1};
    lxw_chart_font axis_font = {.size = 7};
    lxw_chart_series *s = chart_add_series(cramps, NULL, NULL);
    chart_series_set_categories(s, nights_sheet, 1, N_DATE, last, N_DATE);
    chart_series_set_values(s, nights_sheet, 1, N_SEVERITY, last, N_SEVERITY);
    chart_series_set_name(s, T(c, MSG_CRAMP_SEVERITY_0_10));
    lxw_chart_fill red = {.color = 0xC00000};
    chart_series_set_fill(s, &red);
    chart_title_set_name(cramps, T(c, MSG_CHART_CRAMP_SEVERITY));
    chart_title_set_name_font(cramps, &title_font);
    chart_axis_set_min(cramps->y_axis, 0);
    chart_axis_set_max(cramps->y_axis, 10);
    chart_axis_set_num_format(cramps->x_axis, "mm-dd");
    chart_axis_set_num_font(cramps->x_axis, &axis_font);
    chart_axis_set_num_font(cramps->y_axis, &axis_font);
    chart_legend_set_position(cramps, LXW_CHART_LEGEND_NONE);
    static const struct {
        int col;
        msg_id name;
        uint32_t color;
    } lines[2] = {{N_MG_PCT, MSG_MAGNESIUM_TITLE, 0x2F5597},
                  {N_K_PCT, MSG_POTASSIUM_TITLE, 0x548235}};
    for (int i = 0; i < 2; i++) {
        lxw_chart_series *t = chart_add_series(intake, NULL, NULL);
        chart_series_set_categories(t, nights_sheet, 1, N_DATE, last, N_DATE);
        chart_series_set_values(t, nights_sheet, 1, (lxw_col_t)lines[i].col, last,
                                (lxw_col_t)lines[i].col);
        chart_series_set_name(t, T(c, lines[i].name));
        lxw_chart_line ln = {.color = lines[i].color, .width = 1.75};
        chart_series_set_line(t, &ln);
    }
    chart_title_set_name(intake, T(c, MSG_CHART_DAY_INTAKE));
    chart_title_set_name_font(intake, &title_font);
    chart_axis_set_min(intake->y_axis, 0);
    chart_axis_set_num_format(intake->y_axis, "0%");
    chart_axis_set_num_format(intake->x_axis, "mm-dd");
    chart_axis_set_num_font(intake->x_axis, &axis_font);
    chart_axis_set_num_font(intake->y_axis, &axis_font);
    lxw_chart_font legend_font = {.size = 7};
    chart_legend_set_font(intake, &legend_font);
    chart_legend_set_position(intake, LXW_CHART_LEGEND_BOTTOM);
    /* Columns D:H are about 380 px wide: the two charts side by side,
     * both anchored at D (an offset past a column's width is allowed). */
    lxw_chart_options left = {.x_offset = 3, .y_offset = 2, .x_scale = 0.385, .y_scale = 0.62};
    lxw_chart_options right = {.x_offset = 193, .y_offset = 2, .x_scale = 0.385,
                               .y_scale = 0.62};
    lxw_error x = worksheet_insert_chart_opt(ws, chart_row, 3, cramps, &left);
    x = x ? x : worksheet_insert_chart_opt(ws, chart_row, 3, intake, &right);
    return x;
}

/* Nights with cramps against nights without: a plain comparison. */
lxw_error nights_write_cramps(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                              const page_formats *f, const char *nights_sheet)
{
    cramp_tally t;
    tally_nights(c, &t);
    if (!t.n[0] && !t.n[1]) {
        return page_line(b, ws, r,
                         T(c, c->files.count[FILE_DAYLOG] ? MSG_NIGHTS_NONE_ON_DIARY
                                                          : MSG_NIGHTS_NO_DAY_LOG),
                         f->wrap, 10);
    }
    lxw_row_t chart_row = *r;
    lxw_error x = write_cramp_table(c, b, ws, r, f, &t);
    x = x ? x : write_cramp_sentence(c, ws, r, f, &t);
    if (!x && c->days)
        x = write_cramp_charts(c, b->wb, ws, chart_row, nights_sheet);
    return x;
}
