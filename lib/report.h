/* report.h — what the parts of `kmgca report` share, and nothing else
 * includes: the client folder (caseload.c), the day log (daylog.c), the
 * period's figures (period.c), the page layout (layout.c), the Nights sheet
 * and cramp comparison (nights.c), the suggestions (suggest.c) and the
 * client page that runs them (report.c).
 *
 * It is kept apart from internal.h because these types describe one
 * client's run and its pages; no other module has any use for them. The
 * pages are written through the sheet layer (sheet.h), as the analysis
 * workbook is: its books, cells, text clean-up, formats and print set-up.
 */
#ifndef KMGCA_REPORT_H
#define KMGCA_REPORT_H

#include "sheet.h"

#define MAX_FILES 64          /* of each kind in a client folder */
#define NIGHT_LIMIT 10000     /* day-log rows */
#define NIGHT_REVIEW_KEEP 20  /* review reasons kept for the Nights sheet */
#define MED_KEEP 64           /* medication lines summarised */
#define SUGGEST_PER_MINERAL 3
#define PAGE_COLS 8                /* columns A:H of the summary page */

/* ---- The client folder (caseload.c) ------------------------------------- */

typedef enum { FILE_DIARY, FILE_MEDS, FILE_ACTIVITY, FILE_DAYLOG, FILE_KINDS } file_kind;

typedef struct {
    char *path[FILE_KINDS][MAX_FILES];
    size_t count[FILE_KINDS];
    char ignored[512];          /* other .csv files, named for the index */
} folder_files;

/* The input files of a client folder by kind, each kind in name order;
 * other .csv files are named in `ignored`. */
kmgca_status folder_scan(const char *folder, folder_files *f, kmgca_error *err);
void folder_files_free(folder_files *f);

/* ---- The day log (daylog.c) --------------------------------------------- */

typedef struct {
    int32_t day;
    int cramps;                 /* episodes that night */
    double severity;            /* 0-10; NaN when not given */
    const char *note;           /* in the client's arena */
} night;

typedef struct {
    night *nights;
    size_t count, cap;
    size_t rows, review;
    char reasons[NIGHT_REVIEW_KEEP][240];
    arena strings;
} day_log;

/* Adds the nights of one day-log file to `log`, its dates read in the
 * order of the analysis's diaries; rows it cannot use go to the reasons. */
kmgca_status daylog_read(day_log *log, const char *path, const kmgca_analysis *a,
                         kmgca_error *err);
const night *daylog_night(const day_log *log, int32_t day);
void daylog_free(day_log *log);

/* ---- One client --------------------------------------------------------- */

/* What the flags of the period say about one medication line. */
typedef struct {
    size_t days;                 /* days it was flagged */
    int last_day;                /* index of the last day counted */
    unsigned dirs[3];            /* per K, Mg, Ca: 1 down, 2 up, 4 variable, 8 low intake */
    int diuretic;
} med_summary;

typedef struct {
    int cramps;                  /* -1: no night logged */
    double severity;
    const char *note;
    int diuretic, sweat;
    double sweat_l;
} day_extra;

typedef struct {
    kmgca_lang lang;
    kmgca_foods *foods;
    const char *folder;
    kmgca_client_profile prof;
    char name[192];
    kmgca_analysis *a;
    kmgca_client_result *res;
    folder_files files;
    day_log log;
    day_extra *extra;            /* one per day of the analysis */
    size_t days;
    med_summary meds[MED_KEEP];
    double heaviest_l;
    char heaviest_date[11];
    int k_blocked, mg_blocked, ca_caution;   /* medication index + 1, 0: none */
    double supp_sum[KMGCA_NA];   /* supplements over the period, mg */
    size_t supp_days;            /* days with a supplement counted */
    size_t ul_days[KMGCA_NA];    /* days over the upper level (Ca, Mg) */
    size_t k_drug_days;          /* days with potassium and a K-raising drug */
    size_t pattern_days;         /* calcium met while magnesium is under 67 % */
} client;

/* period.c: works out the period: per-day flags, medication summaries,
 * nights, and the figures of c->res. */
kmgca_status period_summarise(client *c, kmgca_error *err);

/* ---- Page layout (layout.c) --------------------------------------------- */

/* The page's formats: 10 pt text aligned at the top, unless named
 * otherwise; red, amber and green are the traffic lights of page_light. */
typedef struct {
    lxw_format *title, *sub, *h2, *head, *text, *wrap, *small, *note, *bold, *mg0, *num1, *pct,
        *red, *amber, *green, *date, *center, *link;
} page_formats;

/* Fixed text in the client's language (msg.h). */
static inline const char *T(const client *c, msg_id id) { return msg_text(c->lang, id); }

/* A medication's name: in Chinese when every part has a Chinese name. */
static inline void drug_label(const client *c, const kmgca_med *m, char *out, size_t size)
{
    drug_match_label(&m->match, c->lang, out, size);
}

void page_food_label(kmgca_lang lang, const kmgca_food *food, const char *name, char *out,
                     size_t size, size_t max);
const char *page_grouped(double v, char *buf, size_t size);
void page_formats_new(lxw_workbook *wb, page_formats *f);
lxw_format *page_light(const page_formats *f, double fraction);
lxw_error page_line(sheet_book *b, lxw_worksheet *ws, lxw_row_t *r, const char *s,
                    lxw_format *f, double point_size);
lxw_error page_heading(lxw_worksheet *ws, lxw_row_t *r, const char *s, const page_formats *f);
void page_gap(lxw_worksheet *ws, lxw_row_t *r);
void page_table_print(lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col, double side,
                      double ends);

/* ---- Sections of the client's pages ------------------------------------- */

/* nights.c: the "Nights" sheet, and the page's cramp comparison with its
 * two charts reading that sheet. */
lxw_error nights_write_sheet(const client *c, sheet_book *b, lxw_worksheet *ws,
                             const page_formats *f);
lxw_error nights_write_cramps(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                              const page_formats *f, const char *nights_sheet);
/* suggest.c: the page's suggestions of foods, for minerals under target. */
lxw_error suggest_write(const client *c, sheet_book *b, lxw_worksheet *ws, lxw_row_t *r,
                        const page_formats *f);

#endif
