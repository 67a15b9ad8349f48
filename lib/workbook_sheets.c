/* workbook_sheets.c — the sheets of kmgca's workbook written at the end,
 * from the day totals and the analysis: Summary (with each day's flags),
 * Medications, Activity & sweat, Charts and Top sources. The About sheet is
 * in workbook_about.c; the rows of Diary and Needs review in workbook.c.
 */
#include "workbook.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_ROWS 15 /* foods per mineral on Top sources */

/* ---- The sheets written at the end -------------------------------------- */

/* Summary columns. */
enum { SUM_DATE, SUM_CA, SUM_CA_PCT, SUM_MG, SUM_MG_PCT, SUM_K, SUM_K_PCT, SUM_NA,
       SUM_COV_CA, SUM_COV_MG, SUM_COV_K, SUM_ROWS, SUM_USED, SUM_REVIEW, SUM_ASSUMED, SUM_FLAGS,
       SUM_T_CA, SUM_T_MG, SUM_T_K, SUM_F_CA, SUM_F_MG, SUM_F_K, SUM_S_CA, SUM_S_MG, SUM_S_K,
       SUM_R_CA, SUM_R_MG, SUM_R_K, SUM_COLS };

#define FLAG_NOTE_DAYS 2000 /* days whose Flags cell gets a note with the messages */

/* The Flags cell of a Summary day: a short list, and a note with each flag's
 * message, action and source. */
static lxw_error write_day_flags(kmgca_workbook *w, const kmgca_analysis *a, size_t i,
                                 lxw_row_t r)
{
    kmgca_flag f[32];
    size_t n = analysis_day_flags(a, i, f, 32, w->book.lang);
    if (!n)
        return LXW_NO_ERROR;
    if (n > 32)
        n = 32;
    char cell[1200] = "", note[6000] = "";
    kmgca_severity worst = KMGCA_SEVERITY_LOW;
    int zh = w->book.lang == KMGCA_LANG_ZH;
    for (size_t k = 0; k < n; k++) {
        if (f[k].severity > worst)
            worst = f[k].severity;
        char part[400], drug[300] = "";
        const kmgca_med *m = f[k].med >= 0 ? kmgca_analysis_med(a, (size_t)f[k].med) : NULL;
        if (m && zh)
            drug_match_label(&m->match, w->book.lang, drug, sizeof drug);
        /* In Chinese, the drug's Chinese name when the table has one. */
        const char *med = drug[0] ? drug : kmgca_med_name(m);
        if (f[k].kind == KMGCA_FLAG_SWEAT)
            snprintf(part, sizeof part, "%s", L(w, MSG_FLAG_HEAVY_SWEAT_LOSS));
        else if (f[k].kind == KMGCA_FLAG_PATTERN)
            snprintf(part, sizeof part, "%s", L(w, MSG_FLAG_CA_MET_MG_LOW));
        else if (f[k].kind == KMGCA_FLAG_SUPPLEMENT && f[k].dir == KMGCA_DIRECTION_OVER_UL)
            snprintf(part, sizeof part, L(w, MSG_FMT_TWO),
                     zh ? L(w, msg_nutrient(f[k].nutrient)) : kmgca_nutrient_key(f[k].nutrient),
                     L(w, MSG_FLAG_OVER_UL));
        else if (f[k].kind == KMGCA_FLAG_SUPPLEMENT)
            snprintf(part, sizeof part, L(w, MSG_FMT_PAREN),
                     L(w, MSG_FLAG_K_WITH_RAISING_DRUG), med);
        else
            snprintf(part, sizeof part, L(w, MSG_FMT_TWO_PAREN),
                     zh ? L(w, msg_nutrient(f[k].nutrient)) : kmgca_nutrient_key(f[k].nutrient),
                     L(w, msg_direction(f[k].dir)), med);
        sheet_append(cell, sizeof cell, k ? L(w, MSG_SEMICOLON) : "");
        sheet_append(cell, sizeof cell, part);
        /* The note: kind, severity and mineral, the message, the action and
         * the source (cited as it is). */
        snprintf(part, sizeof part, L(w, MSG_FLAG_NOTE_HEAD), k ? "\n\n" : "",
                 L(w, msg_flag_kind(f[k].kind)), L(w, msg_severity(f[k].severity)),
                 zh ? L(w, msg_nutrient(f[k].nutrient)) : kmgca_nutrient_key(f[k].nutrient));
        sheet_append(note, sizeof note, part);
        sheet_append(note, sizeof note, f[k].message);
        sheet_append(note, sizeof note, zh ? "" : " ");
        sheet_append(note, sizeof note, f[k].action);
        sheet_append(note, sizeof note, L(w, MSG_NOTE_SOURCE));
        sheet_append(note, sizeof note, f[k].source);
    }
    char head[64];
    snprintf(head, sizeof head, L(w, MSG_FMT_LABEL), L(w, msg_severity(worst)));
    char full_cell[1300];
    snprintf(full_cell, sizeof full_cell, "%s%s", head, cell);
    utf8_trim_end(full_cell);
    lxw_error x = sheet_put_text(&w->book, w->summary, r, SUM_FLAGS, full_cell,
                           worst == KMGCA_SEVERITY_HIGH       ? w->red
                           : worst == KMGCA_SEVERITY_MODERATE ? w->amber
                                                              : NULL);
    if (!x && i < FLAG_NOTE_DAYS) {
        x = sheet_put_note(&w->book, w->summary, r, SUM_FLAGS, note, 4, 4);
    }
    return x;
}

lxw_error workbook_write_summary(kmgca_workbook *w, const kmgca_analysis *a)
{
    static const sheet_column cols[SUM_COLS] = {
        {MSG_DATE, 11}, {MSG_CA_MG, 9}, {MSG_CA_PCT_OF_TARGET, 9}, {MSG_MG_MG, 9},
        {MSG_MG_PCT_OF_TARGET, 9}, {MSG_K_MG, 9}, {MSG_K_PCT_OF_TARGET, 9}, {MSG_NA_MG, 9},
        {MSG_CA_COVERAGE, 9}, {MSG_MG_COVERAGE, 9}, {MSG_K_COVERAGE, 9}, {MSG_ROWS, 7},
        {MSG_USED, 7}, {MSG_REVIEW, 7}, {MSG_ASSUMED_SERVINGS, 9}, {MSG_FLAGS, 30},
        {MSG_CA_TARGET_MG, 9}, {MSG_MG_TARGET_MG, 9}, {MSG_K_TARGET_MG, 9},
        {MSG_CA_FROM_FOOD_MG, 9}, {MSG_MG_FROM_FOOD_MG, 9}, {MSG_K_FROM_FOOD_MG, 9},
        {MSG_CA_FROM_SUPPLEMENTS_MG, 11}, {MSG_MG_FROM_SUPPLEMENTS_MG, 11},
        {MSG_K_FROM_SUPPLEMENTS_MG, 11}, {MSG_CA_RECOMPUTED_SHARE, 11},
        {MSG_MG_RECOMPUTED_SHARE, 11}, {MSG_K_RECOMPUTED_SHARE, 11},
    };
    lxw_worksheet *ws = w->summary;
    lxw_error x = sheet_header_row(&w->book, ws, 0, cols, SUM_COLS, w->book.head);
    worksheet_set_row(ws, 0, 30, NULL);
    size_t days = kmgca_analysis_day_count(a);
    static const int mg_col[3] = {SUM_CA, SUM_MG, SUM_K};
    double target[KMGCA_NUTRIENT_COUNT];
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        target[n] = kmgca_analysis_target(a, (kmgca_nutrient)n)->target_mg;
    double sum[3] = {0, 0, 0};
    size_t count[3] = {0, 0, 0};
    for (size_t i = 0; i < days && !x; i++) {
        const kmgca_day day = kmgca_analysis_day(a, i), *d = &day;
        lxw_row_t r = (lxw_row_t)(i + 1);
        x = sheet_put_date(ws, r, SUM_DATE, d->day, w->date);
        /* The day's intake is food and supplements together; the split follows. */
        for (int n = 0; n < 3 && !x; n++) {
            x = sheet_put_number(ws, r, (lxw_col_t)mg_col[n], d->total_mg[n], w->mg0);
            x = x ? x
                  : sheet_put_number(ws, r, (lxw_col_t)(mg_col[n] + 1), d->percent[n] / 100, w->pct);
            x = x ? x : sheet_put_number(ws, r, (lxw_col_t)(SUM_COV_CA + n), d->coverage[n], w->pct);
            x = x ? x : worksheet_write_number(ws, r, (lxw_col_t)(SUM_T_CA + n), target[n], w->mg0);
            x = x ? x : sheet_put_number(ws, r, (lxw_col_t)(SUM_F_CA + n), d->mg[n], w->mg0);
            x = x ? x : sheet_put_number(ws, r, (lxw_col_t)(SUM_S_CA + n), d->supplement_mg[n],
                                   w->mg0);
            /* --recompute only: the share computed from the tables. */
            x = x ? x : sheet_put_number(ws, r, (lxw_col_t)(SUM_R_CA + n), d->recomputed[n], w->pct);
            if (!isnan(d->total_mg[n])) {
                sum[n] += d->total_mg[n];
                count[n]++;
            }
        }
        x = x ? x : sheet_put_number(ws, r, SUM_NA, d->total_mg[KMGCA_NA], w->mg0);
        x = x ? x : worksheet_write_number(ws, r, SUM_ROWS, (double)d->rows, NULL);
        x = x ? x : worksheet_write_number(ws, r, SUM_USED, (double)d->rows_used, NULL);
        x = x ? x : worksheet_write_number(ws, r, SUM_REVIEW, (double)d->rows_review, NULL);
        x = x ? x : worksheet_write_number(ws, r, SUM_ASSUMED, (double)d->rows_assumed, NULL);
        x = x ? x : write_day_flags(w, a, i, r);
    }
    if (x)
        return x;
    if (days) {
        /* Before the Average row: in constant-memory mode a range is only
         * accepted while its last row is still being written. */
        x = worksheet_autofilter(ws, 0, 0, (lxw_row_t)days, SUM_COLS - 1);
        lxw_row_t r = (lxw_row_t)(days + 2);
        x = x ? x : worksheet_write_string(ws, r, SUM_DATE, L(w, MSG_AVERAGE), w->bold);
        for (int n = 0; n < 3 && !x; n++) {
            double avg = count[n] ? sum[n] / (double)count[n] : NAN;
            x = sheet_put_number(ws, r, (lxw_col_t)mg_col[n], avg, w->mg0);
            x = x ? x : sheet_put_number(ws, r, (lxw_col_t)(mg_col[n] + 1), avg / target[n], w->pct);
        }
        /* Traffic lights: under 67 % of target red, under 100 % amber, else green. */
        for (int n = 0; n < 3 && !x; n++) {
            lxw_col_t c = (lxw_col_t)(mg_col[n] + 1);
            lxw_conditional_format red = {.type = LXW_CONDITIONAL_TYPE_CELL,
                                          .criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN,
                                          .value = 0.67, .format = w->red};
            lxw_conditional_format amber = {.type = LXW_CONDITIONAL_TYPE_CELL,
                                            .criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN,
                                            .min_value = 0.67, .max_value = 0.99999,
                                            .format = w->amber};
            lxw_conditional_format green = {.type = LXW_CONDITIONAL_TYPE_CELL,
                                            .criteria =
                                                LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
                                            .value = 1, .format = w->green};
            /* Days, then the Average row (the empty row between is left plain). */
            for (int part = 0; part < 2 && !x; part++) {
                lxw_row_t first = part ? (lxw_row_t)(days + 2) : 1;
                lxw_row_t last = part ? (lxw_row_t)(days + 2) : (lxw_row_t)days;
                x = worksheet_conditional_format_range(ws, first, c, last, c, &red);
                x = x ? x : worksheet_conditional_format_range(ws, first, c, last, c, &amber);
                x = x ? x : worksheet_conditional_format_range(ws, first, c, last, c, &green);
            }
        }
    } else {
        x = worksheet_write_string(ws, 1, SUM_DATE, L(w, MSG_SUMMARY_NO_DATED_ROWS),
                                   w->bold);
    }
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_repeat_rows(ws, 0, 0);
    sheet_print_setup(ws, 1, "&Lkmgca: daily calcium, magnesium and potassium&R&D");
    return x;
}

/* ---- Medications and Activity & sweat ------------------------------------ */

enum { MED_FILE, MED_LINE, MED_TEXT, MED_DOSE, MED_START, MED_END, MED_MATCH, MED_ZH,
       MED_CLASS, MED_ATC, MED_K, MED_MG, MED_CA, MED_NA, MED_CONF, MED_FLAGS, MED_HOW,
       MED_NOTE, MED_SOURCE, MED_REVIEW, MED_S_CA, MED_S_MG, MED_S_K, MED_S_HOW, MED_COLS };

/* Days each medication line flags over the period, and of them the days
 * with a flag of high severity. */
static void count_flagged_days(const kmgca_analysis *a, size_t *flagged, size_t *high)
{
    size_t days = kmgca_analysis_day_count(a);
    for (size_t i = 0; i < days; i++) {
        kmgca_flag f[64];
        size_t k = kmgca_analysis_day_flags(a, i, f, 64);
        if (k > 64)
            k = 64;
        long last = -2;
        int is_high = 0;
        for (size_t j = 0; j <= k; j++) {
            long med = j < k ? f[j].med : -2;
            if (med != last && last >= 0) {
                flagged[last]++;
                high[last] += (size_t)is_high;
                is_high = 0;
            }
            if (j < k && f[j].severity == KMGCA_SEVERITY_HIGH)
                is_high = 1;
            last = med;
        }
    }
}

/* The cells of a drug that changes K, Mg, Ca or Na: its names, class,
 * effects, confidence, the days it flagged, its note and source. */
static lxw_error med_effect_cells(kmgca_workbook *w, lxw_worksheet *ws, lxw_row_t r,
                                  const kmgca_drug_match *d, size_t flagged, size_t high)
{
    const kmgca_drug *src = d->row ? d->row : d->part_count ? d->part[0] : NULL;
    char v[600];
    lxw_error x = sheet_put_text(&w->book, ws, r, MED_MATCH, d->name, NULL);
    v[0] = '\0';
    for (size_t k = 0; k < d->part_count; k++) {
        if (!kmgca_drug_name_zh(d->part[k])[0])
            continue;
        sheet_append(v, sizeof v, v[0] ? " + " : "");
        sheet_append(v, sizeof v, kmgca_drug_name_zh(d->part[k]));
    }
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_ZH, v, NULL);
    drug_match_class(d, w->book.lang, v, sizeof v);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_CLASS, v, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_ATC, d->atc, NULL);
    const kmgca_nutrient *order = nutrient_order_kmg;
    for (int k = 0; k < 4 && !x; k++)
        x = sheet_put_text(&w->book, ws, r, (lxw_col_t)(MED_K + k),
                           L(w, msg_effect(d->effect[order[k]])), NULL);
    x = x ? x : sheet_put_number(ws, r, MED_CONF, d->confidence, w->num2[STYLE_PLAIN]);
    if (strcmp(kmgca_drug_effect_type(src), "absorption_interaction") == 0)
        snprintf(v, sizeof v, "%s", L(w, MSG_MEDS_ABSORPTION));
    else if (!flagged)
        snprintf(v, sizeof v, "%s", L(w, MSG_MEDS_NO_DAY_FLAGGED));
    else
        snprintf(v, sizeof v, L(w, flagged == 1 ? MSG_MEDS_FLAGGED_DAY : MSG_MEDS_FLAGGED_DAYS),
                 flagged, high);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS, v, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_NOTE, kmgca_drug_note(src), NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_SOURCE, kmgca_drug_source(src), NULL);
    return x;
}

/* The cells of what a medication line was matched to: a drug with an
 * effect, a drug without one, a mineral supplement, or nothing known. */
static lxw_error med_match_cells(kmgca_workbook *w, lxw_worksheet *ws, lxw_row_t r,
                                 const kmgca_med *m, size_t flagged, size_t high)
{
    const kmgca_drug_match *d = &m->match;
    int zh = w->book.lang == KMGCA_LANG_ZH;
    lxw_error x;
    if (d->affects_minerals) {
        x = med_effect_cells(w, ws, r, d, flagged, high);
    } else if (d->part_count) {
        x = sheet_put_text(&w->book, ws, r, MED_MATCH, kmgca_drug_name(d->part[0]), NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_ZH, kmgca_drug_name_zh(d->part[0]), NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_CLASS,
                                   zh ? kmgca_drug_class_zh(d->part[0])
                                      : kmgca_drug_class(d->part[0]),
                                   NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_ATC, kmgca_drug_atc(d->part[0]), NULL);
        x = x ? x : sheet_put_number(ws, r, MED_CONF, d->confidence, w->num2[STYLE_PLAIN]);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS, L(w, MSG_MEDS_NO_EFFECT_LISTED),
                                   NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_SOURCE, kmgca_drug_source(d->part[0]),
                                   NULL);
    } else if (m->supplement.recognised) {
        x = sheet_put_text(&w->book, ws, r, MED_MATCH, m->supplement.product, NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_CLASS, L(w, MSG_MINERAL_SUPPLEMENT), NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS, L(w, MSG_MEDS_SUPPLEMENT_EFFECT),
                                   NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_SOURCE, m->supplement.source, NULL);
    } else {
        x = sheet_put_text(&w->book, ws, r, MED_MATCH, L(w, MSG_NOT_RECOGNISED_PAREN), NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS,
                                   L(w, MSG_MEDS_DRUG_NOT_KNOWN), NULL);
    }
    return x;
}

/* A supplement's mg a day of each mineral and how they were counted (or
 * why not: then no figures, and the text in the review format `t`). */
static lxw_error med_supplement_cells(kmgca_workbook *w, lxw_worksheet *ws, lxw_row_t r,
                                      const kmgca_supplement *sp, lxw_format *t)
{
    lxw_error x = LXW_NO_ERROR;
    for (int k = 0; k < KMGCA_NA && !x; k++)
        x = sp->review[0] ? sheet_put_text(&w->book, ws, r, (lxw_col_t)(MED_S_CA + k), NULL, NULL)
                          : worksheet_write_number(ws, r, (lxw_col_t)(MED_S_CA + k),
                                                   round(sp->mg[k] * 10) / 10, w->mg0);
    char how[1800], zh_text[1600];
    const char *said = sp->review[0] ? sp->review : sp->how;
    snprintf(how, sizeof how, "%s%s", sp->review[0] ? L(w, MSG_PH_NOT_COUNTED) : "",
             w->book.lang == KMGCA_LANG_ZH ? lang_zh_text(said, zh_text, sizeof zh_text) : said);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_S_HOW, how, sp->review[0] ? t : NULL);
    return x;
}

/* Row r of Medications: medication line i as written and as read. */
static lxw_error write_med_row(kmgca_workbook *w, const kmgca_med *m, lxw_row_t r,
                               size_t flagged, size_t high)
{
    lxw_worksheet *ws = w->meds;
    const kmgca_drug_match *d = &m->match;
    lxw_format *t = m->review ? w->text[STYLE_LOW] : NULL;
    int zh = w->book.lang == KMGCA_LANG_ZH;
    char zh_text[1600];
    lxw_error x = sheet_put_text(&w->book, ws, r, MED_FILE, sheet_file_name(m->file), t);
    x = x ? x : worksheet_write_number(ws, r, MED_LINE, (double)m->line, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_TEXT, m->text, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_DOSE, m->dose, NULL);
    if (m->start_day != LONG_MIN)
        x = x ? x : sheet_put_date(ws, r, MED_START, m->start_day, w->date);
    else
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_START,
                                   m->start_text[0] ? m->start_text : L(w, MSG_OPEN_DATE), NULL);
    if (m->end_day != LONG_MAX)
        x = x ? x : sheet_put_date(ws, r, MED_END, m->end_day, w->date);
    else
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_END,
                                   m->end_text[0] ? m->end_text : L(w, MSG_OPEN_DATE), NULL);
    x = x ? x : med_match_cells(w, ws, r, m, flagged, high);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_HOW,
                               zh ? lang_zh_text(d->how, zh_text, sizeof zh_text) : d->how, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, MED_REVIEW,
                               zh && m->review ? lang_zh_text(m->review, zh_text, sizeof zh_text)
                                               : m->review,
                               t);
    if (m->supplement.recognised)
        x = x ? x : med_supplement_cells(w, ws, r, &m->supplement, t);
    return x;
}

lxw_error workbook_write_meds(kmgca_workbook *w, const kmgca_analysis *a)
{
    static const sheet_column cols[MED_COLS] = {
        {MSG_FILE, 12}, {MSG_LINE, 6}, {MSG_MEDICATION_AS_WRITTEN, 30}, {MSG_DOSE, 14},
        {MSG_START, 11}, {MSG_END, 11}, {MSG_MATCHED_DRUG, 28}, {MSG_CHINESE_NAME, 14},
        {MSG_CLASS, 24}, {MSG_ATC, 10}, {MSG_K, 10}, {MSG_MG, 10}, {MSG_CA, 10}, {MSG_NA, 10},
        {MSG_CONFIDENCE, 10}, {MSG_DAYS_FLAGGED, 30}, {MSG_HOW_MATCHED, 36}, {MSG_NOTE, 50},
        {MSG_SOURCE, 50}, {MSG_NEEDS_REVIEW, 40}, {MSG_SUPPLEMENT_CA_MG_A_DAY, 11},
        {MSG_SUPPLEMENT_MG_MG_A_DAY, 11}, {MSG_SUPPLEMENT_K_MG_A_DAY, 11},
        {MSG_SUPPLEMENT_HOW_COUNTED, 60},
    };
    lxw_worksheet *ws = w->meds;
    size_t n = kmgca_analysis_med_count(a);
    lxw_error x = sheet_header_row(&w->book, ws, 0, cols, MED_COLS, w->book.head);
    worksheet_set_row(ws, 0, 30, NULL);
    if (!n) {
        x = x ? x : worksheet_write_string(ws, 1, 0, L(w, MSG_NO_MEDICATION_LIST), w->bold);
        sheet_print_setup(ws, 1, "&Lkmgca: medications&R&D");
        return x;
    }
    /* Days each line flags, counted over the period. */
    size_t *flagged = calloc(n, sizeof *flagged), *high = calloc(n, sizeof *high);
    if (!flagged || !high) {
        free(flagged);
        free(high);
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    }
    count_flagged_days(a, flagged, high);
    for (size_t i = 0; i < n && !x; i++)
        x = write_med_row(w, kmgca_analysis_med(a, i), (lxw_row_t)(i + 1), flagged[i], high[i]);
    free(flagged);
    free(high);
    lxw_row_t last = (lxw_row_t)n;
    x = x ? x : worksheet_autofilter(ws, 0, 0, last, MED_COLS - 1);
    x = x ? x : sheet_put_text(&w->book, ws, last + 2, 0, L(w, MSG_MEDS_EFFECTS_NOTE), w->bold);
    worksheet_freeze_panes(ws, 1, 3);
    worksheet_repeat_rows(ws, 0, 0);
    sheet_print_setup(ws, 1, "&Lkmgca: medications&R&D");
    return x;
}

enum { ACT_FILE, ACT_LINE, ACT_DATE, ACT_NAME, ACT_MIN, ACT_MET, ACT_TEMP, ACT_RH, ACT_MASS,
       ACT_SWEAT, ACT_HOW, ACT_K, ACT_NA, ACT_CA, ACT_MG, ACT_METHOD, ACT_REVIEW, ACT_COLS };
enum { DAY_DATE, DAY_SESSIONS, DAY_SWEAT, DAY_PCT, DAY_K, DAY_NA, DAY_CA, DAY_MG, DAY_K_IN,
       DAY_K_NET, DAY_K_NET_PCT, DAY_HEAVY, DAY_COLS };

lxw_error workbook_write_activity(kmgca_workbook *w, const kmgca_analysis *a)
{
    static const sheet_column cols[ACT_COLS] = {
        {MSG_FILE, 12}, {MSG_LINE, 6}, {MSG_DATE, 11}, {MSG_ACTIVITY, 20}, {MSG_MINUTES, 8},
        {MSG_MET, 6}, {MSG_TEMP_C, 7}, {MSG_HUMIDITY_PCT, 9}, {MSG_BODY_MASS_KG, 9},
        {MSG_SWEAT_L, 8}, {MSG_SWEAT, 10}, {MSG_K_LOST_MG, 9}, {MSG_NA_LOST_MG, 9},
        {MSG_CA_LOST_MG, 9}, {MSG_MG_LOST_MG, 9}, {MSG_HOW_FOUND, 70}, {MSG_NEEDS_REVIEW, 40},
    };
    static const sheet_column day_cols[DAY_COLS] = {
        {MSG_DATE, 11}, {MSG_SESSIONS, 8}, {MSG_SWEAT_L, 8}, {MSG_PCT_OF_BODY_MASS, 9},
        {MSG_K_LOST_MG, 9}, {MSG_NA_LOST_MG, 9}, {MSG_CA_LOST_MG, 9}, {MSG_MG_LOST_MG, 9},
        {MSG_K_INTAKE_MG, 9}, {MSG_K_NET_MG, 9}, {MSG_K_NET_PCT_OF_TARGET, 9},
        {MSG_HEAVY_SWEAT_DAY, 12},
    };
    lxw_worksheet *ws = w->activity;
    size_t n = kmgca_analysis_session_count(a);
    lxw_row_t r = 0;
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_SESSIONS), w->title);
    x = x ? x : sheet_header_row(&w->book, ws, r++, cols, ACT_COLS, w->book.head);
    if (!n) {
        x = x ? x : worksheet_write_string(ws, r, 0, L(w, MSG_NO_ACTIVITY_LOG), w->bold);
        sheet_print_setup(ws, 1, "&Lkmgca: activity and sweat&R&D");
        return x;
    }
    for (size_t i = 0; i < n && !x; i++, r++) {
        const kmgca_session *s = kmgca_analysis_session(a, i);
        lxw_format *t = s->review ? w->text[STYLE_LOW] : NULL;
        x = sheet_put_text(&w->book, ws, r, ACT_FILE, sheet_file_name(s->file), t);
        x = x ? x : worksheet_write_number(ws, r, ACT_LINE, (double)s->line, NULL);
        if (s->date[0])
            x = x ? x : sheet_put_date(ws, r, ACT_DATE, s->day, w->date);
        x = x ? x : sheet_put_text(&w->book, ws, r, ACT_NAME, s->activity, NULL);
        x = x ? x : sheet_put_number(ws, r, ACT_MIN, s->minutes, NULL);
        x = x ? x : sheet_put_number(ws, r, ACT_MET, s->met, w->num1);
        x = x ? x : sheet_put_number(ws, r, ACT_TEMP, s->temperature_c, w->num1);
        x = x ? x : sheet_put_number(ws, r, ACT_RH, s->humidity_pct, NULL);
        x = x ? x : sheet_put_number(ws, r, ACT_MASS, s->body_mass_kg, w->num1);
        x = x ? x : sheet_put_number(ws, r, ACT_SWEAT, s->sweat_l, w->num2[STYLE_PLAIN]);
        x = x ? x : sheet_put_text(&w->book, ws, r, ACT_HOW,
                             L(w, isnan(s->sweat_l) ? MSG_SWEAT_UNKNOWN
                                  : s->measured        ? MSG_SWEAT_MEASURED
                                                       : MSG_SWEAT_PREDICTED),
                             NULL);
        const kmgca_nutrient *order = nutrient_order_sweat;
        for (int k = 0; k < 4 && !x; k++)
            x = sheet_put_number(ws, r, (lxw_col_t)(ACT_K + k), s->loss_mg[order[k]],
                           order[k] == KMGCA_MG ? w->num1 : w->mg0);
        char zh_text[1600];
        int zh = w->book.lang == KMGCA_LANG_ZH;
        x = x ? x : sheet_put_text(&w->book, ws, r, ACT_METHOD,
                             zh ? lang_zh_text(s->method, zh_text, sizeof zh_text) : s->method,
                             NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, ACT_REVIEW,
                             zh && s->review ? lang_zh_text(s->review, zh_text, sizeof zh_text)
                                             : s->review,
                             t);
    }
    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, MSG_PER_DAY), w->title);
    for (int c = 0; c < DAY_COLS && !x; c++)
        x = worksheet_write_string(ws, r, (lxw_col_t)c, L(w, day_cols[c].title), w->book.head);
    r++;
    double k_target = kmgca_analysis_target(a, KMGCA_K)->target_mg;
    for (size_t i = 0; i < kmgca_analysis_day_count(a) && !x; i++) {
        kmgca_day d = kmgca_analysis_day(a, i);
        if (!d.sessions)
            continue;
        double mass = isnan(d.body_mass_kg) ? KMGCA_DEFAULT_BODY_MASS_KG : d.body_mass_kg;
        double pct = d.sweat_l / mass;
        int heavy = !isnan(d.sweat_l) && (d.sweat_l >= KMGCA_HEAVY_SWEAT_L ||
                                          100 * pct >= KMGCA_HEAVY_SWEAT_BODY_MASS_PCT);
        double net = d.mg[KMGCA_K] - (isnan(d.sweat_mg[KMGCA_K]) ? 0 : d.sweat_mg[KMGCA_K]);
        x = sheet_put_date(ws, r, DAY_DATE, d.day, w->date);
        x = x ? x : worksheet_write_number(ws, r, DAY_SESSIONS, (double)d.sessions, NULL);
        x = x ? x : sheet_put_number(ws, r, DAY_SWEAT, d.sweat_l, w->num2[STYLE_PLAIN]);
        x = x ? x : sheet_put_number(ws, r, DAY_PCT, pct, w->pct);
        const kmgca_nutrient *order = nutrient_order_sweat;
        for (int k = 0; k < 4 && !x; k++)
            x = sheet_put_number(ws, r, (lxw_col_t)(DAY_K + k), d.sweat_mg[order[k]],
                           order[k] == KMGCA_MG ? w->num1 : w->mg0);
        x = x ? x : sheet_put_number(ws, r, DAY_K_IN, d.mg[KMGCA_K], w->mg0);
        x = x ? x : sheet_put_number(ws, r, DAY_K_NET, net, w->mg0);
        x = x ? x : sheet_put_number(ws, r, DAY_K_NET_PCT, net / k_target, w->pct);
        x = x ? x : sheet_put_text(&w->book, ws, r, DAY_HEAVY, L(w, heavy ? MSG_YES : MSG_NO),
                                   heavy ? w->red : NULL);
        r++;
    }
    r++;
    char v[1200];
    snprintf(v, sizeof v, L(w, MSG_ACTIVITY_HEAVY_DAY_NOTE), KMGCA_HEAVY_SWEAT_L,
             KMGCA_HEAVY_SWEAT_BODY_MASS_PCT, KMGCA_DEFAULT_BODY_MASS_KG,
             kmgca_sweat_mg_per_l(KMGCA_K), kmgca_sweat_mg_per_l(KMGCA_NA),
             kmgca_sweat_mg_per_l(KMGCA_CA), kmgca_sweat_mg_per_l(KMGCA_MG));
    sheet_fit_row(ws, r, v, w->book.lang == KMGCA_LANG_ZH ? 70 : 140);
    x = x ? x : sheet_merge_text(&w->book, ws, r, 0, ACT_METHOD, v, w->book.wrap);
    r++;
    snprintf(v, sizeof v, L(w, MSG_ACTIVITY_SOURCES), kmgca_sweat_model_source(),
             kmgca_sweat_source(KMGCA_K), kmgca_sweat_source(KMGCA_NA),
             kmgca_heavy_sweat_source());
    sheet_fit_row(ws, r, v, w->book.lang == KMGCA_LANG_ZH ? 70 : 140);
    x = x ? x : sheet_merge_text(&w->book, ws, r, 0, ACT_METHOD, v, w->book.wrap);
    worksheet_freeze_panes(ws, 2, 0);
    sheet_print_setup(ws, 1, "&Lkmgca: activity and sweat&R&D");
    return x;
}

lxw_error workbook_write_charts(kmgca_workbook *w, const kmgca_analysis *a)
{
    size_t days = kmgca_analysis_day_count(a);
    lxw_worksheet *ws = w->charts;
    if (!days)
        return worksheet_write_string(ws, 0, 0, L(w, MSG_CHARTS_NO_DATED_ROWS), w->bold);
    static const struct {
        int col, target_col;
        msg_id title;
    } charts[3] = {
        {SUM_MG, SUM_T_MG, MSG_CHART_MAGNESIUM},
        {SUM_K, SUM_T_K, MSG_CHART_POTASSIUM},
        {SUM_CA, SUM_T_CA, MSG_CHART_CALCIUM},
    };
    lxw_row_t last = (lxw_row_t)days;
    lxw_error x = worksheet_write_string(ws, 0, 0, L(w, MSG_CHARTS_INTRO), w->bold);
    const char *summary = L(w, MSG_SUMMARY);
    for (int i = 0; i < 3 && !x; i++) {
        lxw_chart *chart = workbook_add_chart(w->book.wb, LXW_CHART_LINE);
        if (!chart)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, summary, 1, SUM_DATE, last, SUM_DATE);
        chart_series_set_values(s, summary, 1, (lxw_col_t)charts[i].col, last,
                                (lxw_col_t)charts[i].col);
        chart_series_set_name(s, L(w, MSG_INTAKE));
        lxw_chart_line intake_line = {.color = 0x2F5597, .width = 2.25};
        chart_series_set_line(s, &intake_line);
        lxw_chart_series *t = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(t, summary, 1, SUM_DATE, last, SUM_DATE);
        chart_series_set_values(t, summary, 1, (lxw_col_t)charts[i].target_col, last,
                                (lxw_col_t)charts[i].target_col);
        chart_series_set_name(t, L(w, MSG_TARGET));
        lxw_chart_line target_line = {.color = 0xC00000, .width = 1.5,
                                      .dash_type = LXW_CHART_LINE_DASH_DASH};
        chart_series_set_line(t, &target_line);
        chart_title_set_name(chart, L(w, charts[i].title));
        chart_axis_set_name(chart->y_axis, L(w, MSG_CHART_MG_PER_DAY));
        chart_axis_set_num_format(chart->x_axis, "yyyy-mm-dd");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options co = {.x_scale = 1.6, .y_scale = 1.2};
        x = worksheet_insert_chart_opt(ws, (lxw_row_t)(2 + i * 19), 0, chart, &co);
    }
    sheet_print_setup(ws, 0, "&Lkmgca: charts&R&D");
    return x;
}

lxw_error workbook_write_top(kmgca_workbook *w, const kmgca_analysis *a)
{
    lxw_worksheet *ws = w->top;
    worksheet_set_column(ws, 0, 0, 6, NULL);
    worksheet_set_column(ws, 1, 1, 60, NULL);
    worksheet_set_column(ws, 2, 4, 11, NULL);
    lxw_row_t r = 0;
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_TOP_HEADING), w->title);
    const kmgca_nutrient *order = nutrient_order_page;
    for (int i = 0; i < 3 && !x; i++) {
        kmgca_source top[TOP_ROWS];
        size_t n = kmgca_analysis_top(a, order[i], top, TOP_ROWS);
        r++;
        x = worksheet_write_string(ws, r++, 0, L(w, msg_nutrient_title(order[i])), w->bold);
        static const msg_id titles[5] = {MSG_RANK, MSG_FOOD, MSG_MG_UNIT, MSG_SHARE, MSG_ROWS};
        for (int c = 0; c < 5 && !x; c++)
            x = worksheet_write_string(ws, r, (lxw_col_t)c, L(w, titles[c]), w->book.head);
        r++;
        if (!n && !x)
            x = worksheet_write_string(ws, r++, 1, L(w, MSG_NO_FOOD_GAVE_VALUE), NULL);
        for (size_t k = 0; k < n && !x; k++, r++) {
            x = worksheet_write_number(ws, r, 0, (double)(k + 1), NULL);
            /* In Chinese, a food's Chinese name when it has one. */
            const char *zh = w->book.lang == KMGCA_LANG_ZH && top[k].food
                                 ? kmgca_food_name_zh(top[k].food)
                                 : NULL;
            x = x ? x : sheet_put_text(&w->book, ws, r, 1, zh ? zh : top[k].name, NULL);
            x = x ? x : worksheet_write_number(ws, r, 2, top[k].mg, w->mg0);
            x = x ? x : worksheet_write_number(ws, r, 3, top[k].share, w->pct);
            x = x ? x : worksheet_write_number(ws, r, 4, (double)top[k].rows, NULL);
        }
    }
    sheet_print_setup(ws, 0, "&Lkmgca: top food sources&R&D");
    return x;
}
