/* report.c — one client folder to one workbook for a dietitian: the run
 * of kmgca_report_client and the client summary page it opens on.
 *
 * A client's workbook starts with two sheets of its own: "Client summary",
 * laid out to print on one A4 page (period averages against target, days
 * under 67 % and 100 % of target, the flags in plain words, the top food
 * sources, suggestions worked out from the food tables, night cramps beside
 * that day's intake, and when to see a doctor), and "Nights" (one row a day:
 * the day log's cramps beside the day's magnesium and potassium, diuretic
 * and sweat days; the charts read it). The analysis sheets of
 * kmgca_workbook_finish follow. kmgca informs and never diagnoses: the cramp
 * comparison says what happened together, never why.
 *
 * All fixed text is named by its message id (msg.h) and written in the
 * client's language (T); foods are named by their Chinese names when the
 * tables have one.
 *
 * The other parts of the run are modules of their own, sharing report.h:
 * the client folder and the caseload index (caseload.c), the day log
 * (daylog.c), the period's figures (period.c), the Nights sheet and cramp
 * comparison (nights.c), the suggestions (suggest.c) and the page layout
 * (layout.c). Every book of the report, this workbook, its printable copy
 * and the caseload index, is written through the sheet layer (sheet.c), as
 * the analysis sheets are: one text clean-up, one set of formats and print
 * set-up, one way of building a file and renaming it into place.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A list of nutrient words: "potassium and magnesium" / "钾和镁". */
static void nutrient_list(const client *c, unsigned mask, char *out, size_t size)
{
    const kmgca_nutrient *order = nutrient_order_kmg;
    const char *parts[3];
    size_t n = 0;
    for (int i = 0; i < 3; i++)
        if (mask & (1u << i))
            parts[n++] = T(c, msg_nutrient(order[i]));
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            appendf(out, size, "%s", i + 1 == n ? T(c, MSG_AND) : T(c, MSG_COMMA));
        appendf(out, size, "%s", parts[i]);
    }
}

static void profile_text(const client *c, char *out, size_t size)
{
    const kmgca_profile *p = &c->prof.profile;
    out[0] = '\0';
    appendf(out, size, T(c, MSG_AGE), p->age_years);
    appendf(out, size, " · %s", T(c, p->sex == 'f' ? MSG_FEMALE : MSG_MALE));
    if (p->stage == KMGCA_LIFE_PREGNANT)
        appendf(out, size, " · %s", T(c, MSG_PREGNANT));
    else if (p->stage == KMGCA_LIFE_LACTATING)
        appendf(out, size, " · %s", T(c, MSG_LACTATING));
    if (!isnan(c->prof.body_mass_kg))
        appendf(out, size, " · %g kg", c->prof.body_mass_kg);
    appendf(out, size, " · %s",
            T(c, p->reference == KMGCA_REF_CHINA ? MSG_PAGE_TARGETS_CHINA : MSG_PAGE_TARGETS_US));
}

/* Plain words for the flags of one medication line. */
static void med_sentence(const client *c, size_t i, char *out, size_t size)
{
    const kmgca_med *m = kmgca_analysis_med(c->a, i);
    const med_summary *s = &c->meds[i];
    char list[160], part[400], drug[300], drug_class[300];
    drug_label(c, m, drug, sizeof drug);
    drug_match_class(&m->match, c->lang, drug_class, sizeof drug_class);
    out[0] = '\0';
    appendf(out, size, T(c, MSG_PAGE_MED_FLAGGED_DAYS), drug, drug_class, s->days, c->days);
    int any = 0;
    unsigned down = 0, up = 0, var = 0, low = 0;
    for (int k = 0; k < 3; k++) {
        down |= (s->dirs[k] & 1u) ? 1u << k : 0;
        up |= (s->dirs[k] & 2u) ? 1u << k : 0;
        var |= (s->dirs[k] & 4u) ? 1u << k : 0;
        low |= (s->dirs[k] & 8u) ? 1u << k : 0;
    }
    if (down & 3u) {
        nutrient_list(c, down & 3u, list, sizeof list);
        snprintf(part, sizeof part,
                 T(c, s->diuretic ? MSG_PAGE_MAY_INCREASE_LOSS : MSG_MAY_LOWER_BLOOD), list);
        appendf(out, size, "%s%s", any++ ? T(c, MSG_SEMICOLON) : "", part);
    }
    if (down & 4u) {
        appendf(out, size, "%s%s", any++ ? T(c, MSG_SEMICOLON) : "",
                T(c, s->diuretic ? MSG_PAGE_MAY_INCREASE_CA_LOSS : MSG_MAY_LOWER_BLOOD_CALCIUM));
    }
    if (up & 3u) {
        nutrient_list(c, up & 3u, list, sizeof list);
        snprintf(part, sizeof part, T(c, MSG_MAY_RAISE_BLOOD), list);
        appendf(out, size, "%s%s", any++ ? T(c, MSG_SEMICOLON) : "", part);
    }
    if (up & 4u)
        appendf(out, size, "%s%s", any++ ? T(c, MSG_SEMICOLON) : "",
                T(c, s->diuretic ? MSG_PAGE_KEEPS_CALCIUM : MSG_MAY_RAISE_BLOOD_CALCIUM));
    if (var) {
        nutrient_list(c, var, list, sizeof list);
        snprintf(part, sizeof part, T(c, MSG_MAY_RAISE_OR_LOWER_BLOOD), list);
        appendf(out, size, "%s%s", any++ ? T(c, MSG_SEMICOLON) : "", part);
    }
    if (low)
        appendf(out, size, "%s%s", any++ ? T(c, MSG_SEMICOLON) : "", T(c, MSG_PAGE_DIGOXIN));
    appendf(out, size, T(c, MSG_FMT_STOP_THEN),
            T(c, up & 1u ? MSG_PAGE_DISCUSS_K_INTAKE : MSG_PAGE_DISCUSS_BLOOD_TESTS));
}

/* The period averages table. */
static lxw_error write_averages(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                                const page_formats *f)
{
    static const msg_id head[PAGE_COLS] = {
        MSG_MINERAL,         MSG_AVERAGE_MG_A_DAY, MSG_TARGET_MG_A_DAY, MSG_PCT_OF_TARGET,
        MSG_DAYS_UNDER_67_PCT, MSG_DAYS_UNDER_100_PCT, MSG_DAYS_WITH_A_VALUE, MSG_TARGET};
    const kmgca_client_result *res = c->res;
    lxw_error x = LXW_NO_ERROR;
    worksheet_set_row(ws, *r, 26, NULL);
    for (int k = 0; k < PAGE_COLS && !x; k++)
        x = worksheet_write_string(ws, *r, (lxw_col_t)k, T(c, head[k]), f->head);
    (*r)++;
    const kmgca_nutrient *order = nutrient_order_page;
    for (int i = 0; i < 4 && !x; i++, (*r)++) {
        kmgca_nutrient n = order[i];
        const kmgca_target *t = kmgca_analysis_target(c->a, n);
        size_t with_value = 0;
        for (size_t d = 0; d < c->days; d++)
            with_value += !isnan(kmgca_analysis_day(c->a, d).total_mg[n]);
        x = sheet_put_text(b, ws, *r, 0, T(c, msg_nutrient_title(n)), f->bold);
        x = x ? x : sheet_put_number(ws, *r, 1, res->average_mg[n], f->mg0);
        x = x ? x : sheet_put_number(ws, *r, 2, t->target_mg, f->mg0);
        if (n == KMGCA_NA) {
            x = x ? x : sheet_put_number(ws, *r, 3, res->average_pct[n] / 100, f->pct);
            x = x ? x : sheet_put_text(b, ws, *r, 4, T(c, MSG_A_LIMIT_NOT_A_GOAL), f->note);
        } else {
            x = x ? x : sheet_put_number(ws, *r, 3, res->average_pct[n] / 100,
                                         page_light(f, res->average_pct[n] / 100));
            x = x ? x : worksheet_write_number(ws, *r, 4, (double)res->days_under_67[n],
                                               f->center);
            x = x ? x : worksheet_write_number(ws, *r, 5, (double)res->days_under_100[n],
                                               f->center);
        }
        x = x ? x : worksheet_write_number(ws, *r, 6, (double)with_value, f->center);
        x = x ? x : sheet_put_text(b, ws, *r, 7, msg_target_kind(c->lang, t->kind), f->text);
    }
    return x;
}

/* What the supplements added, on the days they were taken: the mean of
 * each mineral over those days, and the first three products counted. */
static void supplement_sentence(const client *c, char *v, size_t size)
{
    size_t meds = kmgca_analysis_med_count(c->a);
    char from[300] = "", what[300] = "";
    for (size_t i = 0, shown = 0; i < meds && shown < 3; i++) {
        const kmgca_supplement *sp = &kmgca_analysis_med(c->a, i)->supplement;
        if (sp->recognised && !sp->review[0]) {
            appendf(from, sizeof from, "%s%s", shown ? ", " : "", sp->product);
            shown++;
        }
    }
    double per = (double)c->supp_days;
    for (int k = 0, listed = 0; k < 3; k++) {
        kmgca_nutrient n = (kmgca_nutrient)k; /* Ca, Mg, K */
        if (!(c->supp_sum[n] > 0))
            continue;
        char g[32];
        page_grouped(c->supp_sum[n] / per, g, sizeof g);
        if (c->lang == KMGCA_LANG_ZH)
            appendf(what, sizeof what, "%s%s%s毫克", listed ? "、" : "", T(c, msg_nutrient(n)), g);
        else
            appendf(what, sizeof what, "%s%s mg %s", listed ? ", " : "", g,
                    kmgca_nutrient_name(n));
        listed++;
    }
    snprintf(v, size, T(c, MSG_PAGE_SUPPLEMENTS_ADDED), what, c->supp_days, from);
}

/* Medication lines neither a drug nor a supplement was found in: how many,
 * the first three named in `names`. */
static size_t unknown_meds(const client *c, char *names, size_t size)
{
    size_t unknown = 0, meds = kmgca_analysis_med_count(c->a);
    for (size_t i = 0; i < meds; i++) {
        const kmgca_med *m = kmgca_analysis_med(c->a, i);
        if (m->match.part_count || m->supplement.recognised || !m->text[0])
            continue;
        if (unknown++ < 3)
            appendf(names, size, "%s\"%s\"", names[0] ? ", " : "", m->text);
    }
    return unknown;
}

/* Flags in plain language: one line per flagged medication, sweat days,
 * medication lines not recognised. */
static lxw_error write_flags(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                             const page_formats *f)
{
    lxw_error x = LXW_NO_ERROR;
    char v[1600];
    int any = 0;
    size_t meds = kmgca_analysis_med_count(c->a);
    for (size_t i = 0; i < meds && i < MED_KEEP && !x; i++) {
        if (!c->meds[i].days)
            continue;
        med_sentence(c, i, v, sizeof v);
        char bullet[1700];
        snprintf(bullet, sizeof bullet, "• %s", v);
        x = page_line(b, ws, r, bullet, f->wrap, 10);
        any = 1;
    }
    if (c->res->sweat_days && !x) {
        snprintf(v, sizeof v, T(c, MSG_PAGE_HEAVY_SWEAT_DAYS),
                 c->res->sweat_days, c->heaviest_l, c->heaviest_date);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->supp_days && !x) {
        supplement_sentence(c, v, sizeof v);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->ul_days[KMGCA_MG] && !x) {
        snprintf(v, sizeof v, T(c, MSG_PAGE_MG_OVER_UL_DAYS), c->ul_days[KMGCA_MG], c->days);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->ul_days[KMGCA_CA] && !x) {
        snprintf(v, sizeof v, T(c, MSG_PAGE_CA_OVER_UL_DAYS), c->ul_days[KMGCA_CA], c->days);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->k_drug_days && !x) {
        snprintf(v, sizeof v, T(c, MSG_PAGE_K_SUPPLEMENT_DAYS), c->k_drug_days, c->days);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->pattern_days && !x) {
        snprintf(v, sizeof v, T(c, MSG_PAGE_PATTERN_DAYS), c->pattern_days, c->days);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    for (size_t i = 0; i < meds && !x; i++) {
        const kmgca_med *m = kmgca_analysis_med(c->a, i);
        if (!m->supplement.recognised || !m->supplement.review[0])
            continue;
        char why[1200];
        snprintf(v, sizeof v, T(c, MSG_PAGE_NOT_COUNTED), m->text,
                 c->lang == KMGCA_LANG_ZH
                     ? lang_zh_text(m->supplement.review, why, sizeof why)
                     : m->supplement.review);
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    char names[400] = "";
    size_t unknown = unknown_meds(c, names, sizeof names);
    if (unknown && !x) {
        snprintf(v, sizeof v, T(c, MSG_PAGE_NOT_RECOGNISED), names,
                 unknown > 3 ? "…" : "");
        x = page_line(b, ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (!any && !x)
        x = page_line(b, ws, r,
                      T(c, meds ? MSG_PAGE_NO_MED_FLAGGED_NO_SUPP : MSG_PAGE_NO_MEDS_NO_SWEAT),
                      f->wrap, 10);
    return x;
}

static lxw_error write_top5(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                            const page_formats *f)
{
    /* Three blocks of about 31 units (A:B, C:E, F:H), one per mineral:
     * "1. food name  27 %", the name cut to what fits. */
    const kmgca_nutrient *order = nutrient_order_page;
    static const lxw_col_t first[3] = {0, 2, 5}, last[3] = {1, 4, 7};
    kmgca_source top[3][5];
    size_t n[3];
    for (int i = 0; i < 3; i++)
        n[i] = kmgca_analysis_top(c->a, order[i], top[i], 5);
    lxw_error x = LXW_NO_ERROR;
    char cell[300];
    for (int i = 0; i < 3 && !x; i++) {
        snprintf(cell, sizeof cell, T(c, MSG_FMT_PAREN), T(c, msg_nutrient_title(order[i])),
                 T(c, MSG_PAGE_SHARE_OF_INTAKE));
        x = worksheet_merge_range(ws, *r, first[i], *r, last[i], cell, f->head);
    }
    (*r)++;
    for (size_t k = 0; k < 5 && !x; k++, (*r)++) {
        for (int i = 0; i < 3 && !x; i++) {
            if (k >= n[i]) {
                x = worksheet_merge_range(ws, *r, first[i], *r, last[i],
                                          k ? "" : T(c, MSG_NO_FOOD_GAVE_VALUE), f->text);
                continue;
            }
            char label[200];
            page_food_label(c->lang, top[i][k].food, top[i][k].name, label, sizeof label,
                            c->lang == KMGCA_LANG_ZH ? 12 : 24);
            snprintf(cell, sizeof cell, "%zu. %s  %.0f%%", k + 1, label, 100 * top[i][k].share);
            x = sheet_merge_text(b, ws, *r, first[i], last[i], cell, f->text);
        }
    }
    return x;
}

static lxw_error write_summary_page(const client *c, sheet_book *b, lxw_worksheet *ws,
                                    const char *nights_sheet)
{
    page_formats f;
    page_formats_new(b->wb, &f);
    /* About 690 px in all: A4 portrait within the margins at 100 %. */
    static const double widths[PAGE_COLS] = {20, 11, 11, 10, 10, 11, 10, 10};
    for (int k = 0; k < PAGE_COLS; k++)
        worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, widths[k], NULL);
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    const kmgca_client_result *res = c->res;
    lxw_row_t r = 0;
    char v[2400];
    snprintf(v, sizeof v, T(c, MSG_PAGE_TITLE), c->name);
    worksheet_set_row(ws, r, 22, NULL);
    lxw_error x = sheet_merge_text(b, ws, r, 0, PAGE_COLS - 1, v, f.title);
    r++;
    profile_text(c, v, sizeof v);
    x = x ? x : page_line(b, ws, &r, v, f.sub, 10);
    if (res->days)
        snprintf(v, sizeof v, T(c, MSG_PAGE_PERIOD_LINE),
                 res->first_date, res->last_date, res->days, res->rows_read, res->rows_review);
    else
        snprintf(v, sizeof v, "%s", T(c, MSG_PAGE_NO_DATED_ROWS));
    x = x ? x : page_line(b, ws, &r, v, f.sub, 10);
    if (c->prof.notes[0] && !x) {
        /* Note lines joined with "; ". */
        snprintf(v, sizeof v, "%s ", T(c, MSG_NOTES_COLON));
        for (const char *p = c->prof.notes; *p; p++) {
            if (*p == '\n')
                appendf(v, sizeof v, "; ");
            else
                appendf(v, sizeof v, "%c", *p);
        }
        x = page_line(b, ws, &r, v, f.sub, 10);
    }
    page_gap(ws, &r);
    x = x ? x : page_heading(ws, &r, T(c, MSG_PAGE_AVERAGES_HEADING), &f);
    x = x ? x : write_averages(c, b, ws, &r, &f);
    x = x ? x : page_line(b, ws, &r, T(c, MSG_PAGE_TRAFFIC_LIGHTS), f.small, 8.5);
    page_gap(ws, &r);
    x = x ? x : page_heading(ws, &r, T(c, MSG_PAGE_MEDS_HEADING),
                             &f);
    x = x ? x : write_flags(c, b, ws, &r, &f);
    page_gap(ws, &r);
    x = x ? x : page_heading(ws, &r, T(c, MSG_PAGE_TOP5_HEADING), &f);
    x = x ? x : write_top5(c, b, ws, &r, &f);
    page_gap(ws, &r);
    x = x ? x : page_heading(ws, &r, T(c, MSG_PAGE_SUGGESTIONS_HEADING), &f);
    x = x ? x : suggest_write(c, b, ws, &r, &f);
    page_gap(ws, &r);
    x = x ? x : page_heading(ws, &r, T(c, MSG_PAGE_NIGHTS_HEADING), &f);
    x = x ? x : nights_write_cramps(c, b, ws, &r, &f, nights_sheet);
    page_gap(ws, &r);
    x = x ? x : page_heading(ws, &r, T(c, MSG_SEE_A_DOCTOR), &f);
    x = x ? x : page_line(b, ws, &r, T(c, MSG_PAGE_SEE_A_DOCTOR), f.wrap, 10);
    x = x ? x : page_line(b, ws, &r, T(c, MSG_PAGE_IMPORTANT), f.small, 8.5);
    worksheet_print_area(ws, 0, 0, r, PAGE_COLS - 1);
    sheet_print_page(ws, &(sheet_page){.one_page = 1, .side = 0.45, .ends = 0.6, .center = 1});
    return x;
}

/* "&" is a code in page headers: doubled to print as itself. */
static void page_escape(const char *s, char *out, size_t size, size_t max_chars)
{
    size_t o = 0, chars = 0;
    for (; *s && o + 5 < size && chars < max_chars; s++) {
        if (*s == '&')
            out[o++] = '&';
        out[o++] = (char)((unsigned char)*s < 0x20 ? ' ' : *s);
        chars += ((unsigned char)*s & 0xC0) != 0x80;
    }
    out[o] = '\0';
    utf8_trim_end(out);
}

static void page_texts(const client *c, char *header, char *footer, size_t size)
{
    char name[200], period[80];
    page_escape(c->name, name, sizeof name, 60);
    if (c->res->first_date[0])
        snprintf(period, sizeof period, "%s – %s", c->res->first_date, c->res->last_date);
    else
        period[0] = '\0';
    snprintf(header, size, "&L&\"-,Bold\"%s&R%s %s", name, T(c, MSG_PERIOD), period);
    snprintf(footer, size, "&L%s&C%s&R&A", T(c, MSG_PAGE_FOOTER),
             T(c, MSG_PAGE_OF));
}

/* The printable workbook's sheets: the summary and Nights only. */
static lxw_error print_copy_write(const client *c, sheet_book *b, const char *sheet_names[2])
{
    lxw_worksheet *summary = workbook_add_worksheet(b->wb, sheet_names[0]);
    lxw_worksheet *nights = workbook_add_worksheet(b->wb, sheet_names[1]);
    if (!summary || !nights)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    page_formats f;
    page_formats_new(b->wb, &f);
    lxw_error x = write_summary_page(c, b, summary, sheet_names[1]);
    x = x ? x : nights_write_sheet(c, b, nights, &f);
    char header[256], footer[256];
    page_texts(c, header, footer, sizeof header);
    sheet_set_page_text(b->wb, header, footer);
    return x;
}

/* The printable workbook, for the PDF. */
static kmgca_status write_print_copy(const client *c, const char *path, const char *sheet_names[2],
                                     kmgca_error *err)
{
    sheet_book *b = calloc(1, sizeof *b); /* its cell buffer is too big for a thread's stack */
    if (!b)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    kmgca_status st = sheet_book_open(b, path, c->lang, 0, err);
    if (st == KMGCA_OK)
        st = sheet_book_commit(b, print_copy_write(c, b, sheet_names), "printable copy",
                               "the workbook", err);
    free(b);
    return st;
}

typedef struct {
    kmgca_workbook *wb;
} entry_sink;

static kmgca_status on_entry(const kmgca_entry *e, void *ud, kmgca_error *err)
{
    entry_sink *s = ud;
    return kmgca_workbook_add(s->wb, e, err);
}

static void result_fail(kmgca_client_result *res, const kmgca_error *err)
{
    res->status = err->status ? err->status : KMGCA_ERROR_IO;
    res->error = *err;
    res->workbook[0] = '\0';
}

static const char *base_of(const char *path)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    const char *end = path + len;
    const char *p = end;
    while (p > path && p[-1] != '/')
        p--;
    return p;
}

/* Every file of a client folder, the diaries first: their dates teach the
 * order the others' dates are read in. Diary rows go to the workbook. */
static kmgca_status read_client_files(client *c, kmgca_workbook *wb, kmgca_error *err)
{
    kmgca_status st = KMGCA_OK;
    entry_sink sink = {wb};
    for (size_t i = 0; i < c->files.count[FILE_DIARY] && st == KMGCA_OK; i++)
        st = kmgca_analysis_read(c->a, c->files.path[FILE_DIARY][i], on_entry, &sink, err);
    for (size_t i = 0; i < c->files.count[FILE_MEDS] && st == KMGCA_OK; i++)
        st = kmgca_analysis_read_meds(c->a, c->files.path[FILE_MEDS][i], err);
    for (size_t i = 0; i < c->files.count[FILE_ACTIVITY] && st == KMGCA_OK; i++)
        st = kmgca_analysis_read_activity(c->a, c->files.path[FILE_ACTIVITY][i], err);
    for (size_t i = 0; i < c->files.count[FILE_DAYLOG] && st == KMGCA_OK; i++)
        st = daylog_read(&c->log, c->files.path[FILE_DAYLOG][i], c->a, err);
    return st;
}

/* The client's profile (its language and name) and the files of its
 * folder, of which a diary at least. */
static kmgca_status open_client(client *c, const kmgca_report_options *o, kmgca_error *err)
{
    kmgca_client_result *res = c->res;
    const char *folder = c->folder;
    kmgca_status st;
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", folder, KMGCA_PROFILE_FILE);
    st = kmgca_client_profile_read(path, &c->prof, err);
    if (st == KMGCA_ERROR_IO && access(path, F_OK) != 0)
        st = kmgca_fail_at(err, KMGCA_ERROR_IO, folder, 0, 0,
                           "no %s in the client folder (a client folder needs one: name, age, "
                           "sex, ...)", KMGCA_PROFILE_FILE);
    if (st == KMGCA_OK) {
        c->lang = o->lang_forced || !c->prof.lang_given ? o->lang : c->prof.lang;
        res->lang = c->lang;
        if (c->prof.name[0] && c->prof.id[0])
            snprintf(c->name, sizeof c->name, "%s (%s)", c->prof.name, c->prof.id);
        else
            copy_text(c->name, sizeof c->name,
                      c->prof.name[0] ? c->prof.name : c->prof.id[0] ? c->prof.id : res->folder);
        utf8_trim_end(c->name);
        copy_text(res->name, sizeof res->name, c->name);
        st = folder_scan(folder, &c->files, err);
    }
    if (st == KMGCA_OK) {
        copy_text(res->warning, sizeof res->warning, "");
        if (c->files.ignored[0])
            appendf(res->warning, sizeof res->warning, "%s %s", T(c, MSG_PAGE_IGNORED),
                    c->files.ignored);
        if (!c->files.count[FILE_DIARY])
            st = kmgca_fail_at(err, KMGCA_ERROR_VALUE, folder, 0, 0,
                               "no diary in the client folder (a file named diary*.csv)");
    }
    return st;
}

/* The analysis the files are read into, with the targets the profile
 * sets. */
static kmgca_status new_analysis(client *c, kmgca_error *err)
{
    kmgca_options ao = {0};
    ao.profile = &c->prof.profile;
    ao.body_mass_kg = isnan(c->prof.body_mass_kg) ? 0 : c->prof.body_mass_kg;
    if (!(c->a = kmgca_analysis_new(c->foods, &ao, err)))
        return err->status;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        if (!isnan(c->prof.target_mg[n]))
            analysis_set_target(c->a, (kmgca_nutrient)n, c->prof.target_mg[n],
                                msg_text(KMGCA_LANG_EN, MSG_TARGET_SET_BY_DIETITIAN),
                                "the client's profile.txt (target set by the dietitian)");
    return KMGCA_OK;
}

/* The two sheets of the client's own: the summary page and Nights, their
 * page header and footer for every sheet, and the printable copy. */
static kmgca_status write_front(const client *c, kmgca_workbook *wb, const char *print_path,
                                kmgca_error *err)
{
    kmgca_status st = KMGCA_OK;
    const char *names[2] = {T(c, MSG_CLIENT_SUMMARY), T(c, MSG_NIGHTS)};
    sheet_book *b = workbook_book(wb);
    lxw_error x = write_summary_page(c, b, workbook_front_sheet(wb, 0), names[1]);
    page_formats f;
    page_formats_new(b->wb, &f);
    x = x ? x : nights_write_sheet(c, b, workbook_front_sheet(wb, 1), &f);
    if (x)
        st = sheet_fail(b, err, x, "client summary");
    char header[256], footer[256];
    page_texts(c, header, footer, sizeof header);
    workbook_set_page_text(wb, header, footer);
    if (st == KMGCA_OK && print_path)
        st = write_print_copy(c, print_path, names, err);
    return st;
}

kmgca_status kmgca_report_client(kmgca_foods *foods, const char *folder, const char *out_path,
                                 const kmgca_report_options *options, kmgca_client_result *res,
                                 kmgca_error *err)
{
    kmgca_error local;
    if (!err)
        err = &local;
    kmgca_error_clear(err);
    if (!res)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no result given");
    memset(res, 0, sizeof *res);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        res->average_mg[n] = res->average_pct[n] = res->target_mg[n] = NAN;
    if (!foods || !folder || !out_path) {
        kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food tables, folder or output given");
        result_fail(res, err);
        return err->status;
    }
    kmgca_report_options o = {KMGCA_LANG_EN, 0, -1, NULL};
    if (options)
        o = *options;
    const char *fb = base_of(folder);
    size_t fl = strcspn(fb, "/");
    snprintf(res->folder, sizeof res->folder, "%.*s", (int)fl, fb);
    utf8_trim_end(res->folder);
    copy_text(res->name, sizeof res->name, res->folder);

    client *c = calloc(1, sizeof *c);
    if (!c) {
        kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        result_fail(res, err);
        return err->status;
    }
    c->foods = foods;
    c->folder = folder;
    c->res = res;
    kmgca_workbook *wb = NULL;
    kmgca_status st = open_client(c, &o, err);
    if (st == KMGCA_OK)
        st = new_analysis(c, err);
    if (st == KMGCA_OK) {
        const char *front[2] = {T(c, MSG_CLIENT_SUMMARY), T(c, MSG_NIGHTS)};
        wb = workbook_open(out_path, c->lang, front, 2, err);
        if (!wb)
            st = err->status;
        else if (o.unix_time >= 0)
            kmgca_workbook_set_time(wb, o.unix_time);
    }
    if (st == KMGCA_OK)
        st = read_client_files(c, wb, err);
    if (st == KMGCA_OK)
        st = period_summarise(c, err);
    if (st == KMGCA_OK)
        st = write_front(c, wb, o.print_path, err);
    if (st == KMGCA_OK) {
        st = kmgca_workbook_finish(wb, c->a, err);
        wb = NULL;
    }
    kmgca_workbook_discard(wb);
    if (st == KMGCA_OK)
        copy_text(res->workbook, sizeof res->workbook, base_of(out_path));
    else {
        result_fail(res, err);
        if (o.print_path)
            unlink(o.print_path);
    }
    kmgca_analysis_free(c->a);
    folder_files_free(&c->files);
    daylog_free(&c->log);
    free(c->extra);
    free(c);
    return st;
}
