/* caseload.c — the caseload around the client pages: what the files of a
 * client folder are (folder_scan, by the start of their names), and the
 * caseload index, one row per client with links to the workbooks.
 *
 * The command (cli/cmd_report.c) lists the client folders and runs them;
 * each run's kmgca_client_result is all the index reads.
 */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What a file in a client folder is, by the start of its name. */
static int file_kind_of(const char *name)
{
    static const struct {
        const char *prefix;
        file_kind kind;
    } prefixes[] = {
        {"diary", FILE_DIARY},        {"food", FILE_DIARY},       {"meds", FILE_MEDS},
        {"medication", FILE_MEDS},    {"drugs", FILE_MEDS},       {"activity", FILE_ACTIVITY},
        {"exercise", FILE_ACTIVITY},  {"daylog", FILE_DAYLOG},    {"day_log", FILE_DAYLOG},
        {"day-log", FILE_DAYLOG},     {"cramps", FILE_DAYLOG},    {"nights", FILE_DAYLOG},
    };
    size_t len = strlen(name);
    if (len < 5 || strcasecmp(name + len - 4, ".csv") != 0)
        return -1;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (strncasecmp(name, prefixes[i].prefix, strlen(prefixes[i].prefix)) == 0)
            return prefixes[i].kind;
    return -2;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void folder_files_free(folder_files *f)
{
    for (int k = 0; k < FILE_KINDS; k++)
        for (size_t i = 0; i < f->count[k]; i++)
            free(f->path[k][i]);
}

kmgca_status folder_scan(const char *folder, folder_files *f, kmgca_error *err)
{
    memset(f, 0, sizeof *f);
    DIR *d = opendir(folder);
    if (!d)
        return kmgca_fail_at(err, KMGCA_ERROR_IO, folder, 0, 0, "cannot open the client folder: %s",
                             strerror(errno));
    char *names[FILE_KINDS * MAX_FILES];
    int kinds[FILE_KINDS * MAX_FILES];
    size_t n = 0;
    kmgca_status st = KMGCA_OK;
    struct dirent *e;
    while ((e = readdir(d)) && st == KMGCA_OK) {
        if (e->d_name[0] == '.')
            continue;
        int kind = file_kind_of(e->d_name);
        if (kind == -1)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        struct stat sb;
        if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        if (kind == -2) {
            appendf(f->ignored, sizeof f->ignored, "%s%s", f->ignored[0] ? ", " : "", e->d_name);
            continue;
        }
        if (n == sizeof names / sizeof *names) {
            st = kmgca_fail_at(err, KMGCA_ERROR_LIMIT, folder, 0, 0,
                               "more than %d input files in the folder", MAX_FILES * FILE_KINDS);
            break;
        }
        if (!(names[n] = strdup(path))) {
            st = kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
            break;
        }
        kinds[n++] = kind;
    }
    closedir(d);
    /* Read in name order whatever order the directory gives. */
    for (int k = 0; k < FILE_KINDS && st == KMGCA_OK; k++) {
        for (size_t i = 0; i < n; i++) {
            if (kinds[i] != k)
                continue;
            if (f->count[k] == MAX_FILES) {
                st = kmgca_fail_at(err, KMGCA_ERROR_LIMIT, folder, 0, 0,
                                   "more than %d files of one kind", MAX_FILES);
                break;
            }
            f->path[k][f->count[k]++] = names[i];
            names[i] = NULL;
        }
        qsort(f->path[k], f->count[k], sizeof(char *), by_name);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    if (st != KMGCA_OK)
        folder_files_free(f);
    return st;
}

/* ---- The caseload index ------------------------------------------------- */

enum { I_CLIENT, I_FOLDER, I_STATUS, I_FIRST, I_LAST, I_DAYS, I_MG, I_K, I_CA, I_NA,
       I_MG_DAYS, I_K_DAYS, I_CA_DAYS, I_DIURETIC, I_DRUG, I_SWEAT, I_CRAMPS, I_REVIEW,
       I_WORKBOOK, I_PDF, I_NOTES, I_COLS };

static lxw_error index_head(sheet_book *b, lxw_worksheet *ws, const page_formats *f)
{
    static const sheet_column cols[I_COLS] = {
        {MSG_CLIENT, 24}, {MSG_FOLDER, 14}, {MSG_STATUS, 9}, {MSG_FIRST_DAY, 11},
        {MSG_LAST_DAY, 11}, {MSG_DAYS, 6}, {MSG_MG_PCT_OF_TARGET, 9}, {MSG_K_PCT_OF_TARGET, 9},
        {MSG_CA_PCT_OF_TARGET, 9}, {MSG_NA_MG_A_DAY, 9}, {MSG_DAYS_MG_UNDER_TARGET, 9},
        {MSG_DAYS_K_UNDER_TARGET, 9}, {MSG_DAYS_CA_UNDER_TARGET, 9}, {MSG_DIURETIC_DAYS, 9},
        {MSG_OTHER_DRUG_FLAG_DAYS, 9}, {MSG_HEAVY_SWEAT_DAYS, 9}, {MSG_NIGHTS_WITH_CRAMPS, 9},
        {MSG_ROWS_IN_REVIEW, 8}, {MSG_WORKBOOK, 22}, {MSG_PDF, 18}, {MSG_PROBLEM_OR_NOTE, 60},
    };
    worksheet_set_row(ws, 0, 42, NULL);
    return sheet_header_row(b, ws, 0, cols, I_COLS, f->head);
}

/* The row of a client that could not be reported: what went wrong, where. */
static lxw_error index_failed_row(sheet_book *b, lxw_worksheet *ws, lxw_row_t r,
                                  const kmgca_client_result *c, const page_formats *f)
{
    char v[900];
    if (c->error.file[0] && c->error.line && c->error.column)
        snprintf(v, sizeof v, "%s:%lu:%lu: %s", c->error.file, c->error.line,
                 c->error.column, c->error.message);
    else if (c->error.file[0] && c->error.line)
        snprintf(v, sizeof v, "%s:%lu: %s", c->error.file, c->error.line,
                 c->error.message);
    else if (c->error.file[0])
        snprintf(v, sizeof v, "%s: %s", c->error.file, c->error.message);
    else
        snprintf(v, sizeof v, "%s", c->error.message);
    utf8_trim_end(v);
    kmgca_lang lang = b->lang;
    lxw_error x = sheet_put_text(b, ws, r, I_STATUS, msg_text(lang, MSG_INDEX_ERROR), f->red);
    return x ? x : sheet_put_text(b, ws, r, I_NOTES, v, f->text);
}

/* The row of a client reported: the period, the averages, the counts and
 * the links. */
static lxw_error index_reported_row(sheet_book *b, lxw_worksheet *ws, lxw_row_t r,
                                    const kmgca_client_result *c, const page_formats *f)
{
    kmgca_lang lang = b->lang;
    lxw_error x = sheet_put_text(b, ws, r, I_STATUS, msg_text(lang, MSG_INDEX_OK), f->text);
    x = x ? x : sheet_put_text(b, ws, r, I_FIRST, c->first_date, f->text);
    x = x ? x : sheet_put_text(b, ws, r, I_LAST, c->last_date, f->text);
    x = x ? x : worksheet_write_number(ws, r, I_DAYS, (double)c->days, f->text);
    const kmgca_nutrient *order = nutrient_order_page;
    for (int k = 0; k < 3 && !x; k++) {
        double p = c->average_pct[order[k]] / 100;
        x = sheet_put_number(ws, r, (lxw_col_t)(I_MG + k), p, page_light(f, p));
        x = x ? x : worksheet_write_number(ws, r, (lxw_col_t)(I_MG_DAYS + k),
                                           (double)c->days_under_100[order[k]], f->text);
    }
    x = x ? x : sheet_put_number(ws, r, I_NA, c->average_mg[KMGCA_NA], f->mg0);
    x = x ? x : worksheet_write_number(ws, r, I_DIURETIC, (double)c->diuretic_days, f->text);
    x = x ? x : worksheet_write_number(ws, r, I_DRUG, (double)c->drug_days, f->text);
    x = x ? x : worksheet_write_number(ws, r, I_SWEAT, (double)c->sweat_days, f->text);
    if (c->nights_logged)
        x = x ? x : worksheet_write_number(ws, r, I_CRAMPS, (double)c->cramp_nights, f->text);
    x = x ? x : worksheet_write_number(ws, r, I_REVIEW, (double)c->rows_review, f->text);
    /* Links name files in the same folder as the index, never a formula. */
    char url[400];
    if (c->workbook[0]) {
        snprintf(url, sizeof url, "external:%s", c->workbook);
        x = x ? x : worksheet_write_url_opt(ws, r, I_WORKBOOK, url, f->link, c->workbook, NULL);
    }
    if (c->pdf[0]) {
        snprintf(url, sizeof url, "external:%s", c->pdf);
        x = x ? x : worksheet_write_url_opt(ws, r, I_PDF, url, f->link, c->pdf, NULL);
    }
    return x ? x : sheet_put_text(b, ws, r, I_NOTES, c->warning, f->text);
}

/* The "Clients" sheet: a row per client, the count of those reported, and
 * the print set-up. */
static lxw_error index_clients(sheet_book *b, lxw_worksheet *ws,
                               const kmgca_client_result *results, size_t count,
                               const page_formats *f)
{
    kmgca_lang lang = b->lang;
    lxw_error x = index_head(b, ws, f);
    size_t failed = 0;
    for (size_t i = 0; i < count && !x; i++) {
        const kmgca_client_result *c = &results[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        x = sheet_put_text(b, ws, r, I_CLIENT, c->name, f->bold);
        x = x ? x : sheet_put_text(b, ws, r, I_FOLDER, c->folder, f->text);
        if (c->status != KMGCA_OK) {
            failed++;
            x = x ? x : index_failed_row(b, ws, r, c, f);
        } else {
            x = x ? x : index_reported_row(b, ws, r, c, f);
        }
    }
    lxw_row_t last = (lxw_row_t)(count ? count : 1);
    if (!x) {
        char v[300];
        snprintf(v, sizeof v, msg_text(lang, MSG_INDEX_CLIENTS_REPORTED),
                 count, count - failed, failed);
        x = sheet_put_text(b, ws, last + 2, 0, v, f->bold);
        x = x ? x : sheet_put_text(b, ws, last + 3, 0, msg_text(lang, MSG_INDEX_PERCENTAGES),
                             f->small);
    }
    worksheet_autofilter(ws, 0, 0, last, I_COLS - 1);
    page_table_print(ws, last + 3, I_COLS - 1, 0.4, 0.7);
    worksheet_set_header(ws, msg_text(lang, MSG_INDEX_PAGE_HEADER));
    worksheet_set_footer(ws, msg_text(lang, MSG_INDEX_PAGE_FOOTER));
    return x;
}

/* The "About" sheet: what the columns mean and where the targets come from. */
static lxw_error index_about(sheet_book *b, lxw_worksheet *about, const page_formats *f)
{
    kmgca_lang lang = b->lang;
    worksheet_set_column(about, 0, 0, 26, NULL);
    worksheet_set_column(about, 1, 1, 100, NULL);
    static const msg_id about_lines[][2] = {
        {MSG_INDEX, MSG_INDEX_ABOUT_CLIENTS},
        {MSG_TARGETS, MSG_INDEX_TARGETS},
        {MSG_FOOD_TABLES, MSG_INDEX_FOOD_TABLES},
        {MSG_IMPORTANT, MSG_INDEX_IMPORTANT},
    };
    lxw_row_t ar = 0;
    lxw_error x = worksheet_write_string(about, ar++, 0, msg_text(lang, MSG_INDEX_TITLE), f->title);
    for (size_t i = 0; i < sizeof about_lines / sizeof *about_lines && !x; i++, ar++) {
        const char *value = msg_text(lang, about_lines[i][1]);
        worksheet_set_row(about, ar, 14.0 * sheet_wrapped_lines(value, 100, SHEET_UNITS), NULL);
        x = sheet_put_text(b, about, ar, 0, msg_text(lang, about_lines[i][0]), f->bold);
        x = x ? x : sheet_put_text(b, about, ar, 1, value, f->wrap);
    }
    char v[200];
    snprintf(v, sizeof v, "kmgca %s (libxlsxwriter %s)", kmgca_version(), LXW_VERSION);
    x = x ? x : sheet_put_text(b, about, ar, 0, msg_text(lang, MSG_PROGRAM), f->bold);
    x = x ? x : sheet_put_text(b, about, ar++, 1, v, f->text);
    sheet_print_page(about, &(sheet_page){0});
    return x;
}

/* The index's two sheets, Clients and About, and its properties. */
static lxw_error index_write(sheet_book *b, const kmgca_client_result *results, size_t count,
                             long long when)
{
    kmgca_lang lang = b->lang;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, msg_text(lang, MSG_CLIENTS));
    lxw_worksheet *about = workbook_add_worksheet(b->wb, msg_text(lang, MSG_ABOUT));
    if (!ws || !about)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    page_formats f;
    page_formats_new(b->wb, &f);
    lxw_error x = index_clients(b, ws, results, count, &f);
    x = x ? x : index_about(b, about, &f);
    worksheet_activate(ws);
    lxw_doc_properties props = {.title = "kmgca caseload index", .author = "kmgca",
                                .created = (time_t)when};
    return x ? x : workbook_set_properties(b->wb, &props);
}

kmgca_status kmgca_report_index(const char *out_path, const kmgca_client_result *results,
                                size_t count, const kmgca_report_options *options,
                                kmgca_error *err)
{
    if (!out_path || (!results && count))
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no output or results given");
    kmgca_lang lang = options ? options->lang : KMGCA_LANG_EN;
    long long when = options && options->unix_time >= 0 ? options->unix_time : (long long)time(NULL);
    sheet_book *b = calloc(1, sizeof *b); /* its cell buffer is too big for a thread's stack */
    if (!b)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    kmgca_status st = sheet_book_open(b, out_path, lang, 0, err);
    if (st == KMGCA_OK)
        st = sheet_book_commit(b, index_write(b, results, count, when), "caseload index",
                               "the index", err);
    free(b);
    return st;
}
