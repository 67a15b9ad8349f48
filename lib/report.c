/* report.c — one client folder to one workbook for a dietitian, and the
 * caseload index.
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
 * All fixed text is written in English here and put into Chinese through
 * lang_zh() (lang.c); foods are named by their Chinese names when the tables
 * have one.
 */
#include "internal.h"

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
#include <xlsxwriter.h>

#define MAX_FILES 64          /* of each kind in a client folder */
#define NIGHT_LIMIT 10000     /* day-log rows */
#define NIGHT_REVIEW_KEEP 20  /* review reasons kept for the Nights sheet */
#define MED_KEEP 64           /* medication lines summarised */
#define SUGGEST_PER_MINERAL 3
#define PAGE_COLS 8                /* columns A:H of the summary page */

/* ---- Text --------------------------------------------------------------- */

static const char *tr(kmgca_lang lang, const char *en)
{
    return lang == KMGCA_LANG_ZH ? lang_zh(en) : en;
}

static const char *const nutrient_word[KMGCA_NUTRIENT_COUNT] = {"calcium", "magnesium",
                                                                "potassium", "sodium"};
static const char *const nutrient_title[KMGCA_NUTRIENT_COUNT] = {"Calcium", "Magnesium",
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
static unsigned lines_for(const char *s, double units)
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
static void cell_copy(char *out, size_t size, const char *s)
{
    copy_text(out, size, s ? s : "");
    for (char *p = out; *p; p++)
        if (((unsigned char)*p < 0x20 && *p != '\n') || *p == 0x7F)
            *p = ' ';
}

/* A food's name for the page: its Chinese name in Chinese when it has one;
 * otherwise the description, cut to `max` characters. */
static void food_label(kmgca_lang lang, const kmgca_food *food, const char *name, char *out,
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

/* ---- The client folder -------------------------------------------------- */

typedef enum { FILE_DIARY, FILE_MEDS, FILE_ACTIVITY, FILE_DAYLOG, FILE_KINDS } file_kind;

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

typedef struct {
    char *path[FILE_KINDS][MAX_FILES];
    size_t count[FILE_KINDS];
    char ignored[512];          /* other .csv files, named for the index */
} folder_files;

static void files_free(folder_files *f)
{
    for (int k = 0; k < FILE_KINDS; k++)
        for (size_t i = 0; i < f->count[k]; i++)
            free(f->path[k][i]);
}

static kmgca_status scan_folder(const char *folder, folder_files *f, kmgca_error *err)
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
        files_free(f);
    return st;
}

/* ---- The day log -------------------------------------------------------- */

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

typedef struct {
    day_log *log;
    const kmgca_analysis *a;
} log_reader;

enum { LOG_DATE, LOG_CRAMPS, LOG_SEVERITY, LOG_NOTE, LOG_ROLES };
static const char *const log_names[LOG_ROLES] = {
    [LOG_DATE] = "date|night|day|日期",
    [LOG_CRAMPS] = "cramps|cramp|cramps per night|cramps_per_night|episodes|抽筋|抽筋次数|次数",
    [LOG_SEVERITY] = "severity|pain|score|severity_0_10|严重程度|程度|疼痛",
    [LOG_NOTE] = "note|notes|comment|备注",
};
static const char *const log_labels[LOG_ROLES] = {"date", "cramps", "severity", "note"};
static const char log_needs[] =
    "a day log needs a header with date and cramps (episodes that night) and/or severity "
    "(0 to 10), e.g. \"date,cramps,severity\"";
static const char *const log_missing[LOG_ROLES] = {[LOG_DATE] = log_needs};
static const table_schema log_table = {.names = log_names, .labels = log_labels,
                                       .count = LOG_ROLES, .required = 1u << LOG_DATE,
                                       .missing = log_missing, .missing_column = 1};

static void log_review(day_log *log, const char *path, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void log_review(day_log *log, const char *path, unsigned long line, const char *fmt, ...)
{
    if (log->review < NIGHT_REVIEW_KEEP) {
        char msg[200];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        const char *base = strrchr(path, '/');
        snprintf(log->reasons[log->review], sizeof log->reasons[0], "%s:%lu: %s",
                 base ? base + 1 : path, line, msg);
        utf8_keep_valid(log->reasons[log->review]);
    }
    log->review++;
}

/* Cramps or severity, one at least: more than the schema can say. */
static kmgca_status log_header(table_reader *t, const csv_row *header, void *ud,
                              kmgca_error *err)
{
    (void)ud;
    if (t->col[LOG_CRAMPS] < 0 && t->col[LOG_SEVERITY] < 0)
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, 1, "%s",
                             log_needs);
    return KMGCA_OK;
}

static kmgca_status log_row(const table_reader *t, const csv_row *row, void *ud,
                            kmgca_error *err)
{
    log_reader *r = ud;
    day_log *log = r->log;
    log->rows++;
    if (log->rows > NIGHT_LIMIT)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, t->path, row->line, 0,
                             "more than %d day-log rows", NIGHT_LIMIT);
    const char *date_text = table_field(t, row, LOG_DATE);
    int32_t day;
    char why[200] = "";
    if (date_parse(date_text, analysis_date_order(r->a), &day, NULL, why, sizeof why) != DATE_OK) {
        log_review(log, t->path, row->line, "date \"%.40s\": %s", date_text,
                   why[0] ? why : "not a date");
        return KMGCA_OK;
    }
    const char *ct = table_field(t, row, LOG_CRAMPS), *st = table_field(t, row, LOG_SEVERITY);
    double cramps = NAN, severity = NAN;
    if (ct[0]) {
        size_t used = parse_decimal(ct, &cramps);
        if (!used || ct[used] || cramps < 0 || cramps > 50 || cramps != floor(cramps)) {
            log_review(log, t->path, row->line,
                       "cramps \"%.40s\" is not a whole number of episodes from 0 to 50", ct);
            return KMGCA_OK;
        }
    }
    if (st[0]) {
        size_t used = parse_decimal(st, &severity);
        if (!used || st[used] || severity < 0 || severity > 10) {
            log_review(log, t->path, row->line, "severity \"%.40s\" is not from 0 to 10", st);
            return KMGCA_OK;
        }
    }
    if (isnan(cramps) && isnan(severity)) {
        log_review(log, t->path, row->line, "neither cramps nor severity given");
        return KMGCA_OK;
    }
    if (isnan(cramps))
        cramps = severity > 0 ? 1 : 0;
    if (cramps == 0 && severity > 0) {
        log_review(log, t->path, row->line, "a severity of %g with no cramps", severity);
        return KMGCA_OK;
    }
    /* A night logged twice: the episodes add up, the worst severity stays. */
    for (size_t i = 0; i < log->count; i++) {
        night *n = &log->nights[i];
        if (n->day != day)
            continue;
        n->cramps += (int)cramps;
        if (!isnan(severity) && (isnan(n->severity) || severity > n->severity))
            n->severity = severity;
        return KMGCA_OK;
    }
    if (!grow_array((void **)&log->nights, &log->cap, log->count, sizeof *log->nights, 32))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    const char *note = table_field(t, row, LOG_NOTE);
    night *n = &log->nights[log->count++];
    n->day = day;
    n->cramps = (int)cramps;
    n->severity = cramps == 0 && isnan(severity) ? 0 : severity;
    n->note = note[0] ? arena_strdup(&log->strings, note) : NULL;
    return KMGCA_OK;
}

static const night *night_of(const day_log *log, int32_t day)
{
    for (size_t i = 0; i < log->count; i++)
        if (log->nights[i].day == day)
            return &log->nights[i];
    return NULL;
}

/* ---- Suggestions -------------------------------------------------------- */

/* Foods that are rich in a mineral in a portion people know. Only the food
 * and the portion are chosen here; the milligrams always come from the
 * tables (kmgca_serving_grams and kmgca_food_mg). Chosen among foods with a
 * Chinese name, so that both languages can name them. */
static const struct suggestion {
    kmgca_nutrient n;
    const char *id;             /* SR28 */
    const char *serving;        /* as kmgca_serving_parse reads it */
    const char *label;          /* the portion and food, in English */
    const char *portion_zh;     /* the portion, in Chinese */
} suggestions[] = {
    {KMGCA_MG, "12014", "30 g", "30 g pumpkin seeds (a small handful)", "30克（一小把）"},
    {KMGCA_MG, "12061", "30 g", "30 g almonds (a small handful)", "30克（一小把）"},
    {KMGCA_MG, "12087", "30 g", "30 g cashews", "30克"},
    {KMGCA_MG, "11458", "1/2 cup", "1/2 cup cooked spinach", "半杯"},
    {KMGCA_MG, "19904", "20 g", "20 g dark chocolate (70-85 % cacao)", "20克"},
    {KMGCA_MG, "18075", "2 slices", "2 slices whole-wheat bread", "2片"},
    {KMGCA_K, "11352", "1 medium", "1 medium potato, with skin", "1个（中等大小）"},
    {KMGCA_K, "09040", "1 medium", "1 medium banana", "1根（中等大小）"},
    {KMGCA_K, "11458", "1/2 cup", "1/2 cup cooked spinach", "半杯"},
    {KMGCA_K, "09206", "1 cup", "1 cup orange juice", "1杯"},
    {KMGCA_K, "01116", "1 cup", "1 cup plain yogurt", "1杯"},
    {KMGCA_K, "09037", "1/2 cup", "1/2 cup avocado", "半杯"},
    {KMGCA_K, "11529", "1 medium", "1 medium tomato", "1个（中等大小）"},
    {KMGCA_CA, "16427", "1/2 cup", "1/2 cup tofu (set with calcium sulfate)", "半杯"},
    {KMGCA_CA, "01085", "1 cup", "1 cup skim milk", "1杯"},
    {KMGCA_CA, "01077", "1 cup", "1 cup whole milk", "1杯"},
    {KMGCA_CA, "01116", "1 cup", "1 cup plain yogurt", "1杯"},
    {KMGCA_CA, "01009", "30 g", "30 g cheddar cheese", "30克"},
    {KMGCA_CA, "15088", "1 can", "1 small can of sardines, with bones", "1小罐"},
};

int report_suggestion(kmgca_foods *foods, size_t i, kmgca_nutrient *n, const kmgca_food **food,
                      double *grams, double *mg)
{
    if (i >= sizeof suggestions / sizeof *suggestions)
        return -1;
    const struct suggestion *s = &suggestions[i];
    kmgca_serving sv;
    *n = s->n;
    *food = kmgca_foods_find(foods, "SR28", s->id);
    if (!*food || kmgca_serving_parse(s->serving, &sv, NULL) != KMGCA_OK ||
        kmgca_serving_grams(*food, &sv, grams, NULL, 0, NULL) != KMGCA_OK)
        return 0;
    *mg = kmgca_food_mg(*food, s->n, *grams);
    return !isnan(*mg) && *mg > 0;
}

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

typedef struct {
    lxw_format *title, *sub, *h2, *head, *text, *wrap, *small, *note, *bold, *mg0, *num1, *pct,
        *red, *amber, *green, *date, *center;
} page_formats;

static lxw_format *pf(lxw_workbook *wb, double size, int bold, const char *num, uint32_t fill,
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

static void formats_new(lxw_workbook *wb, page_formats *f)
{
    f->title = pf(wb, 15, 1, NULL, 0, 0x1F3864);
    f->sub = pf(wb, 10, 0, NULL, 0, 0x404040);
    format_set_text_wrap(f->sub);
    f->h2 = pf(wb, 11, 1, NULL, 0, 0x1F3864);
    format_set_bottom(f->h2, LXW_BORDER_THIN);
    format_set_bottom_color(f->h2, 0x1F3864);
    f->head = pf(wb, 9, 1, NULL, 0xDCE6F1, 0);
    format_set_text_wrap(f->head);
    f->text = pf(wb, 10, 0, NULL, 0, 0);
    f->wrap = pf(wb, 10, 0, NULL, 0, 0);
    format_set_text_wrap(f->wrap);
    f->small = pf(wb, 8.5, 0, NULL, 0, 0x404040);
    format_set_text_wrap(f->small);
    format_set_italic(f->small);
    f->note = pf(wb, 8.5, 0, NULL, 0, 0x404040);
    format_set_italic(f->note);
    f->bold = pf(wb, 10, 1, NULL, 0, 0);
    f->mg0 = pf(wb, 10, 0, "#,##0", 0, 0);
    f->num1 = pf(wb, 10, 0, "0.0", 0, 0);
    f->pct = pf(wb, 10, 0, "0%", 0, 0);
    f->red = pf(wb, 10, 1, "0%", 0xFFC7CE, 0x9C0006);
    f->amber = pf(wb, 10, 1, "0%", 0xFFEB9C, 0x9C5700);
    f->green = pf(wb, 10, 1, "0%", 0xC6EFCE, 0x006100);
    f->date = pf(wb, 10, 0, "yyyy-mm-dd", 0, 0);
    f->center = pf(wb, 10, 0, NULL, 0, 0);
    format_set_align(f->center, LXW_ALIGN_CENTER);
}

static lxw_format *light(const page_formats *f, double fraction)
{
    return isnan(fraction)     ? f->pct
           : fraction < 0.67   ? f->red
           : fraction < 1.0    ? f->amber
                               : f->green;
}

static const char *T(const client *c, const char *en) { return tr(c->lang, en); }

/* A list of nutrient words: "potassium and magnesium" / "钾和镁". */
static void nutrient_list(const client *c, unsigned mask, char *out, size_t size)
{
    static const kmgca_nutrient order[3] = {KMGCA_K, KMGCA_MG, KMGCA_CA};
    const char *parts[3];
    size_t n = 0;
    for (int i = 0; i < 3; i++)
        if (mask & (1u << i))
            parts[n++] = T(c, nutrient_word[order[i]]);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            appendf(out, size, "%s", i + 1 == n ? T(c, " and ") : T(c, ", "));
        appendf(out, size, "%s", parts[i]);
    }
}

static lxw_error put(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const char *s, lxw_format *f)
{
    char buf[2048];
    cell_copy(buf, sizeof buf, s);
    if (!buf[0])
        return LXW_NO_ERROR;
    return worksheet_write_string(ws, r, col, buf, f);
}

static lxw_error put_num(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, double v, lxw_format *f)
{
    if (isnan(v))
        return LXW_NO_ERROR;
    return worksheet_write_number(ws, r, col, v, f);
}

/* A line of text over the whole width, its row as tall as the text needs. */
static lxw_error line(lxw_worksheet *ws, lxw_row_t *r, const char *s, lxw_format *f,
                      double point_size)
{
    char buf[2048];
    cell_copy(buf, sizeof buf, s);
    unsigned lines = lines_for(buf, 92.0 * 10 / point_size);
    worksheet_set_row(ws, *r, (point_size + 3.5) * lines + 1, NULL);
    lxw_error x = worksheet_merge_range(ws, *r, 0, *r, PAGE_COLS - 1, buf, f);
    (*r)++;
    return x;
}

static lxw_error heading(lxw_worksheet *ws, lxw_row_t *r, const char *s, const page_formats *f)
{
    worksheet_set_row(ws, *r, 19, NULL);
    lxw_error x = worksheet_merge_range(ws, *r, 0, *r, PAGE_COLS - 1, s, f->h2);
    (*r)++;
    return x;
}

static void gap(lxw_worksheet *ws, lxw_row_t *r)
{
    worksheet_set_row(ws, *r, 5, NULL);
    (*r)++;
}

static void profile_text(const client *c, char *out, size_t size)
{
    const kmgca_profile *p = &c->prof.profile;
    out[0] = '\0';
    appendf(out, size, T(c, "age %g"), p->age_years);
    appendf(out, size, " · %s", T(c, p->sex == 'f' ? "female" : "male"));
    if (p->stage == KMGCA_LIFE_PREGNANT)
        appendf(out, size, " · %s", T(c, "pregnant"));
    else if (p->stage == KMGCA_LIFE_LACTATING)
        appendf(out, size, " · %s", T(c, "lactating"));
    if (!isnan(c->prof.body_mass_kg))
        appendf(out, size, " · %g kg", c->prof.body_mass_kg);
    appendf(out, size, " · %s",
            T(c, p->reference == KMGCA_REF_CHINA ? "targets: Chinese DRIs 2023"
                                                 : "targets: US/Canada DRIs"));
}

/* A medication's name: in Chinese when every part has a Chinese name. */
static void drug_label(const client *c, const kmgca_med *m, char *out, size_t size)
{
    drug_match_label(&m->match, c->lang, out, size);
}

/* "1,969" */
static const char *grouped(double v, char *buf, size_t size)
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

/* Plain words for the flags of one medication line. */
static void med_sentence(const client *c, size_t i, char *out, size_t size)
{
    const kmgca_med *m = kmgca_analysis_med(c->a, i);
    const med_summary *s = &c->meds[i];
    char list[160], part[400], drug[300], drug_class[300];
    drug_label(c, m, drug, sizeof drug);
    drug_match_class(&m->match, c->lang, drug_class, sizeof drug_class);
    out[0] = '\0';
    appendf(out, size, T(c, "%s (%s), flagged on %zu of %zu days: "), drug, drug_class, s->days,
            c->days);
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
                 T(c, s->diuretic ? "may increase the loss of %s in urine" : "may lower blood %s"),
                 list);
        appendf(out, size, "%s%s", any++ ? T(c, "; ") : "", part);
    }
    if (down & 4u) {
        appendf(out, size, "%s%s", any++ ? T(c, "; ") : "",
                T(c, s->diuretic ? "may increase the loss of calcium in urine"
                                 : "may lower blood calcium"));
    }
    if (up & 3u) {
        nutrient_list(c, up & 3u, list, sizeof list);
        snprintf(part, sizeof part, T(c, "may raise blood %s"), list);
        appendf(out, size, "%s%s", any++ ? T(c, "; ") : "", part);
    }
    if (up & 4u)
        appendf(out, size, "%s%s", any++ ? T(c, "; ") : "",
                T(c, s->diuretic ? "keeps calcium in the body (care with high-dose calcium "
                                   "supplements)"
                                 : "may raise blood calcium"));
    if (var) {
        nutrient_list(c, var, list, sizeof list);
        snprintf(part, sizeof part, T(c, "may raise or lower blood %s"), list);
        appendf(out, size, "%s%s", any++ ? T(c, "; ") : "", part);
    }
    if (low)
        appendf(out, size, "%s%s", any++ ? T(c, "; ") : "",
                T(c, "on days low in potassium or magnesium it may become more toxic"));
    appendf(out, size, T(c, ". %s"),
            T(c, up & 1u ? "Discuss potassium intake, salt substitutes and blood tests with the "
                           "prescriber; do not stop or change the medicine on your own."
                         : "Discuss blood tests with the prescriber; do not stop or change the "
                           "medicine on your own."));
}

/* Works out the period: per-day flags, medication summaries, nights. */
static kmgca_status summarise(client *c, kmgca_error *err)
{
    kmgca_client_result *res = c->res;
    c->days = kmgca_analysis_day_count(c->a);
    c->extra = calloc(c->days ? c->days : 1, sizeof *c->extra);
    if (!c->extra)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    for (size_t i = 0; i < MED_KEEP; i++)
        c->meds[i].last_day = -1;
    double sum[KMGCA_NUTRIENT_COUNT] = {0};
    size_t count[KMGCA_NUTRIENT_COUNT] = {0};
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        res->target_mg[n] = kmgca_analysis_target(c->a, (kmgca_nutrient)n)->target_mg;
    for (size_t i = 0; i < c->days; i++) {
        kmgca_day d = kmgca_analysis_day(c->a, i);
        day_extra *x = &c->extra[i];
        if (i == 0)
            kmgca_date_text(d.day, res->first_date);
        kmgca_date_text(d.day, res->last_date);
        /* The day's intake: food and supplements together. */
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
            if (isnan(d.total_mg[n]))
                continue;
            sum[n] += d.total_mg[n];
            count[n]++;
            res->days_under_67[n] += d.percent[n] < 67;
            res->days_under_100[n] += d.percent[n] < 100;
        }
        int any_supp = 0;
        for (int n = 0; n < KMGCA_NA; n++) {
            c->supp_sum[n] += d.supplement_mg[n];
            any_supp |= d.supplement_mg[n] > 0;
        }
        c->supp_days += (size_t)any_supp;
        const night *nt = night_of(&c->log, (int32_t)d.day);
        x->cramps = nt ? nt->cramps : -1;
        x->severity = nt ? nt->severity : NAN;
        x->note = nt ? nt->note : NULL;
        x->sweat_l = d.sweat_l;
        kmgca_flag f[64];
        size_t nf = kmgca_analysis_day_flags(c->a, i, f, 64);
        if (nf > 64)
            nf = 64;
        int drug = 0;
        int k_drug = 0;
        for (size_t k = 0; k < nf; k++) {
            if (f[k].kind == KMGCA_FLAG_PATTERN) {
                c->pattern_days++;
                continue;
            }
            if (f[k].kind == KMGCA_FLAG_SUPPLEMENT) {
                if (!strcmp(f[k].direction, "over_ul") && f[k].nutrient < KMGCA_NA)
                    c->ul_days[f[k].nutrient]++;
                else
                    k_drug = 1;
                continue;
            }
            if (f[k].kind == KMGCA_FLAG_SWEAT) {
                x->sweat = 1;
                if (d.sweat_l > c->heaviest_l) {
                    c->heaviest_l = d.sweat_l;
                    kmgca_date_text(d.day, c->heaviest_date);
                }
                continue;
            }
            if (f[k].kind == KMGCA_FLAG_DIURETIC)
                x->diuretic = 1;
            else
                drug = 1;
            if (f[k].med < 0 || f[k].med >= MED_KEEP)
                continue;
            med_summary *m = &c->meds[f[k].med];
            if (m->last_day != (int)i) {
                m->days++;
                m->last_day = (int)i;
            }
            m->diuretic |= f[k].kind == KMGCA_FLAG_DIURETIC;
            int slot = f[k].nutrient == KMGCA_K ? 0 : f[k].nutrient == KMGCA_MG ? 1 : 2;
            const char *dir = f[k].direction;
            unsigned bit = strcmp(dir, "down") == 0       ? 1u
                           : strcmp(dir, "up") == 0       ? 2u
                           : strcmp(dir, "variable") == 0 ? 4u
                                                          : 8u;
            m->dirs[slot] |= bit;
            /* Suggestions must respect the medication: no potassium-rich
             * advice while a drug that may raise potassium is taken. */
            if (slot == 0 && (bit & 6u) && !c->k_blocked)
                c->k_blocked = (int)f[k].med + 1;
            if (slot == 1 && (bit & 6u) && !c->mg_blocked)
                c->mg_blocked = (int)f[k].med + 1;
            if (slot == 2 && (bit & 2u) && !c->ca_caution)
                c->ca_caution = (int)f[k].med + 1;
        }
        c->k_drug_days += (size_t)k_drug;
        res->diuretic_days += (size_t)x->diuretic;
        res->drug_days += (size_t)drug;
        res->sweat_days += (size_t)x->sweat;
        if (nt) {
            res->nights_logged++;
            res->cramp_nights += nt->cramps > 0;
        }
    }
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        res->average_mg[n] = count[n] ? sum[n] / (double)count[n] : NAN;
        res->average_pct[n] = 100 * res->average_mg[n] / res->target_mg[n];
    }
    res->days = c->days;
    res->rows_read = kmgca_analysis_rows_read(c->a);
    res->rows_review = kmgca_analysis_rows_review(c->a);
    return KMGCA_OK;
}

/* The "Nights" sheet: one row a day of the period. */
enum { N_DATE, N_CRAMPS, N_SEVERITY, N_MG, N_MG_PCT, N_K, N_K_PCT, N_DIURETIC, N_SWEAT, N_NOTE,
       N_COLS };

static lxw_error write_nights(const client *c, lxw_workbook *wb, lxw_worksheet *ws,
                              const page_formats *f)
{
    (void)wb;
    static const struct {
        const char *title;
        double width;
    } cols[N_COLS] = {
        {"Date", 11},          {"Cramps (episodes)", 10}, {"Severity (0-10)", 10},
        {"Mg mg", 9},          {"Mg % of target", 9},     {"K mg", 9},
        {"K % of target", 9},  {"Diuretic day", 9},       {"Heavy sweat-loss day", 10},
        {"Note", 40},
    };
    lxw_error x = LXW_NO_ERROR;
    worksheet_set_row(ws, 0, 30, NULL);
    for (int k = 0; k < N_COLS && !x; k++) {
        worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, cols[k].width, NULL);
        x = worksheet_write_string(ws, 0, (lxw_col_t)k, T(c, cols[k].title), f->head);
    }
    for (size_t i = 0; i < c->days && !x; i++) {
        kmgca_day d = kmgca_analysis_day(c->a, i);
        const day_extra *e = &c->extra[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        int y, m, dd;
        date_civil((int32_t)d.day, &y, &m, &dd);
        lxw_datetime dt = {y, m, dd, 0, 0, 0};
        x = worksheet_write_datetime(ws, r, N_DATE, &dt, f->date);
        if (e->cramps >= 0) {
            x = x ? x : worksheet_write_number(ws, r, N_CRAMPS, e->cramps, f->text);
            x = x ? x : put_num(ws, r, N_SEVERITY, e->severity, f->num1);
        }
        x = x ? x : put_num(ws, r, N_MG, d.mg[KMGCA_MG], f->mg0);
        x = x ? x : put_num(ws, r, N_MG_PCT, d.percent[KMGCA_MG] / 100,
                            light(f, d.percent[KMGCA_MG] / 100));
        x = x ? x : put_num(ws, r, N_K, d.mg[KMGCA_K], f->mg0);
        x = x ? x : put_num(ws, r, N_K_PCT, d.percent[KMGCA_K] / 100,
                            light(f, d.percent[KMGCA_K] / 100));
        x = x ? x : put(ws, r, N_DIURETIC, T(c, e->diuretic ? "yes" : "no"), f->center);
        x = x ? x : put(ws, r, N_SWEAT, T(c, e->sweat ? "yes" : "no"), f->center);
        x = x ? x : put(ws, r, N_NOTE, e->note, f->text);
    }
    lxw_row_t r = (lxw_row_t)(c->days + 2);
    char v[600];
    if (!x && !c->files.count[FILE_DAYLOG]) {
        x = put(ws, r++, 0, T(c, "No day log in the client folder (daylog.csv: date, cramps, "
                                 "severity), so the cramp columns are empty."),
                f->bold);
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
            snprintf(v, sizeof v, T(c, "%zu logged nights fall on days without diary entries "
                                       "and are not shown."),
                     outside);
            x = put(ws, r++, 0, v, f->bold);
        }
    }
    if (!x && c->log.review) {
        snprintf(v, sizeof v, T(c, "%zu day-log rows could not be used:"), c->log.review);
        x = put(ws, r++, 0, v, f->bold);
        for (size_t i = 0; i < c->log.review && i < NIGHT_REVIEW_KEEP && !x; i++)
            x = put(ws, r++, 0, c->log.reasons[i], f->text);
    }
    if (!x)
        x = worksheet_merge_range(ws, r + 1, 0, r + 1, N_COLS - 1,
                                  T(c, "A night is set beside the intake of the same date. "
                                       "Showing them side by side is not evidence that one "
                                       "causes the other."),
                                  f->small);
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_print_area(ws, 0, 0, r + 1, N_COLS - 1);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    return x;
}

/* The period averages table. */
static lxw_error write_averages(const client *c, lxw_worksheet *ws, lxw_row_t *r,
                                const page_formats *f)
{
    static const char *const head[PAGE_COLS] = {"Mineral",          "Average mg a day",
                                           "Target mg a day",  "% of target",
                                           "Days under 67 %",  "Days under 100 %",
                                           "Days with a value", "Target"};
    const kmgca_client_result *res = c->res;
    lxw_error x = LXW_NO_ERROR;
    worksheet_set_row(ws, *r, 26, NULL);
    for (int k = 0; k < PAGE_COLS && !x; k++)
        x = worksheet_write_string(ws, *r, (lxw_col_t)k, T(c, head[k]), f->head);
    (*r)++;
    static const kmgca_nutrient order[4] = {KMGCA_MG, KMGCA_K, KMGCA_CA, KMGCA_NA};
    for (int i = 0; i < 4 && !x; i++, (*r)++) {
        kmgca_nutrient n = order[i];
        const kmgca_target *t = kmgca_analysis_target(c->a, n);
        size_t with_value = 0;
        for (size_t d = 0; d < c->days; d++)
            with_value += !isnan(kmgca_analysis_day(c->a, d).total_mg[n]);
        x = put(ws, *r, 0, T(c, nutrient_title[n]), f->bold);
        x = x ? x : put_num(ws, *r, 1, res->average_mg[n], f->mg0);
        x = x ? x : put_num(ws, *r, 2, t->target_mg, f->mg0);
        if (n == KMGCA_NA) {
            x = x ? x : put_num(ws, *r, 3, res->average_pct[n] / 100, f->pct);
            x = x ? x : put(ws, *r, 4, T(c, "a limit, not a goal"), f->note);
        } else {
            x = x ? x : put_num(ws, *r, 3, res->average_pct[n] / 100,
                                light(f, res->average_pct[n] / 100));
            x = x ? x : worksheet_write_number(ws, *r, 4, (double)res->days_under_67[n],
                                               f->center);
            x = x ? x : worksheet_write_number(ws, *r, 5, (double)res->days_under_100[n],
                                               f->center);
        }
        x = x ? x : worksheet_write_number(ws, *r, 6, (double)with_value, f->center);
        x = x ? x : put(ws, *r, 7, T(c, t->kind), f->text);
    }
    return x;
}

/* Flags in plain language: one line per flagged medication, sweat days,
 * medication lines not recognised. */
static lxw_error write_flags(const client *c, lxw_worksheet *ws, lxw_row_t *r,
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
        x = line(ws, r, bullet, f->wrap, 10);
        any = 1;
    }
    if (c->res->sweat_days && !x) {
        snprintf(v, sizeof v,
                 T(c, "• Heavy sweat-loss days: %zu (the most, about %.1f L of sweat, on %s). "
                      "Sweat carries potassium and sodium away; replace fluid and salts with "
                      "food and drink after heavy sweating."),
                 c->res->sweat_days, c->heaviest_l, c->heaviest_date);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->supp_days && !x) {
        /* What the supplements added, on the days they were taken. */
        char from[300] = "", what[300] = "";
        for (size_t i = 0, shown = 0; i < meds && shown < 3; i++) {
            const kmgca_supplement *sp = &kmgca_analysis_med(c->a, i)->supplement;
            if (sp->recognised && !sp->review[0]) {
                appendf(from, sizeof from, "%s%s", shown ? ", " : "", sp->product);
                shown++;
            }
        }
        double per = (double)c->supp_days;
        static const kmgca_nutrient order[3] = {KMGCA_CA, KMGCA_MG, KMGCA_K};
        for (int k = 0, listed = 0; k < 3; k++) {
            kmgca_nutrient n = order[k];
            if (!(c->supp_sum[n] > 0))
                continue;
            char g[32];
            grouped(c->supp_sum[n] / per, g, sizeof g);
            if (c->lang == KMGCA_LANG_ZH)
                appendf(what, sizeof what, "%s%s%s毫克", listed ? "、" : "", T(c, nutrient_word[n]), g);
            else
                appendf(what, sizeof what, "%s%s mg %s", listed ? ", " : "", g, nutrient_word[n]);
            listed++;
        }
        snprintf(v, sizeof v,
                 T(c, "• Supplements and medicines added %s a day on average, on the %zu days "
                      "they were taken (%s); the averages above count them with food."),
                 what, c->supp_days, from);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->ul_days[KMGCA_MG] && !x) {
        snprintf(v, sizeof v,
                 T(c, "• Magnesium from supplements and medicines was over its upper level on "
                      "%zu of %zu days. Diarrhoea is the usual first sign of too much; the dose "
                      "is worth discussing with the prescriber or pharmacist, especially with "
                      "kidney disease."),
                 c->ul_days[KMGCA_MG], c->days);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->ul_days[KMGCA_CA] && !x) {
        snprintf(v, sizeof v,
                 T(c, "• Calcium from food and supplements together was over its upper level "
                      "on %zu of %zu days: the supplement dose is worth discussing, counting "
                      "the calcium from food."),
                 c->ul_days[KMGCA_CA], c->days);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->k_drug_days && !x) {
        snprintf(v, sizeof v,
                 T(c, "• A potassium supplement was taken with a medicine that may raise blood "
                      "potassium on %zu of %zu days: this needs blood potassium checks; discuss "
                      "both with the prescriber."),
                 c->k_drug_days, c->days);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (c->pattern_days && !x) {
        snprintf(v, sizeof v,
                 T(c, "• On %zu of %zu days calcium reached its target while magnesium stayed "
                      "under two-thirds of its target. On those days calcium does not look like "
                      "the shortfall; magnesium may be. More calcium tablets would not change "
                      "that; magnesium-rich foods (see the suggestions below) might. If cramps "
                      "are the worry, see \"See a doctor\" below."),
                 c->pattern_days, c->days);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    for (size_t i = 0; i < meds && !x; i++) {
        const kmgca_med *m = kmgca_analysis_med(c->a, i);
        if (!m->supplement.recognised || !m->supplement.review[0])
            continue;
        char why[1200];
        snprintf(v, sizeof v, T(c, "• Not counted: \"%s\" (%s)."), m->text,
                 c->lang == KMGCA_LANG_ZH
                     ? lang_zh_text(m->supplement.review, why, sizeof why)
                     : m->supplement.review);
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    size_t unknown = 0;
    char names[400] = "";
    for (size_t i = 0; i < meds; i++) {
        const kmgca_med *m = kmgca_analysis_med(c->a, i);
        if (m->match.part_count || m->supplement.recognised || !m->text[0])
            continue;
        if (unknown++ < 3)
            appendf(names, sizeof names, "%s\"%s\"", names[0] ? ", " : "", m->text);
    }
    if (unknown && !x) {
        snprintf(v, sizeof v, T(c, "• Not recognised, so no effect can be shown: %s%s."), names,
                 unknown > 3 ? "…" : "");
        x = line(ws, r, v, f->wrap, 10);
        any = 1;
    }
    if (!any && !x)
        x = line(ws, r,
                 T(c, meds ? "No medication on the list is flagged for potassium, magnesium or "
                             "calcium, no supplement counts, and no heavy sweat-loss day."
                           : "No medication list and no heavy sweat-loss day."),
                 f->wrap, 10);
    return x;
}

static lxw_error write_top5(const client *c, lxw_worksheet *ws, lxw_row_t *r,
                            const page_formats *f)
{
    /* Three blocks of about 31 units (A:B, C:E, F:H), one per mineral:
     * "1. food name  27 %", the name cut to what fits. */
    static const kmgca_nutrient order[3] = {KMGCA_MG, KMGCA_K, KMGCA_CA};
    static const lxw_col_t first[3] = {0, 2, 5}, last[3] = {1, 4, 7};
    kmgca_source top[3][5];
    size_t n[3];
    for (int i = 0; i < 3; i++)
        n[i] = kmgca_analysis_top(c->a, order[i], top[i], 5);
    lxw_error x = LXW_NO_ERROR;
    char cell[300];
    for (int i = 0; i < 3 && !x; i++) {
        snprintf(cell, sizeof cell, T(c, "%s (%s)"), T(c, nutrient_title[order[i]]),
                 T(c, "share of the period's intake"));
        x = worksheet_merge_range(ws, *r, first[i], *r, last[i], cell, f->head);
    }
    (*r)++;
    for (size_t k = 0; k < 5 && !x; k++, (*r)++) {
        for (int i = 0; i < 3 && !x; i++) {
            if (k >= n[i]) {
                x = worksheet_merge_range(ws, *r, first[i], *r, last[i],
                                          k ? "" : T(c, "(no food gave a value)"), f->text);
                continue;
            }
            char label[200];
            food_label(c->lang, top[i][k].food, top[i][k].name, label, sizeof label,
                       c->lang == KMGCA_LANG_ZH ? 12 : 24);
            snprintf(cell, sizeof cell, "%zu. %s  %.0f%%", k + 1, label, 100 * top[i][k].share);
            char clean[300];
            cell_copy(clean, sizeof clean, cell);
            x = worksheet_merge_range(ws, *r, first[i], *r, last[i], clean, f->text);
        }
    }
    return x;
}

static int in_top(const kmgca_source *top, size_t n, const kmgca_food *food)
{
    for (size_t i = 0; i < n; i++)
        if (top[i].food == food)
            return 1;
    return 0;
}

static lxw_error write_suggestions(const client *c, lxw_worksheet *ws, lxw_row_t *r,
                                   const page_formats *f)
{
    static const kmgca_nutrient order[3] = {KMGCA_MG, KMGCA_K, KMGCA_CA};
    lxw_error x = LXW_NO_ERROR;
    int any = 0;
    char v[1600], item[300];
    for (int i = 0; i < 3 && !x; i++) {
        kmgca_nutrient n = order[i];
        double avg = c->res->average_mg[n], target = c->res->target_mg[n];
        if (isnan(avg) || avg >= target)
            continue;
        any = 1;
        char g1[32], g2[32], g3[32];
        snprintf(v, sizeof v, T(c, "%s: %s mg a day on average, %.0f%% of %s mg (about %s mg "
                                   "short). "),
                 T(c, nutrient_title[n]), grouped(avg, g1, sizeof g1), 100 * avg / target,
                 grouped(target, g2, sizeof g2), grouped(target - avg, g3, sizeof g3));
        int blocked = n == KMGCA_K ? c->k_blocked : n == KMGCA_MG ? c->mg_blocked : 0;
        if (blocked) {
            const kmgca_med *m = kmgca_analysis_med(c->a, (size_t)blocked - 1);
            char drug[300];
            drug_label(c, m, drug, sizeof drug);
            snprintf(item, sizeof item,
                     T(c, "No %s-rich foods are suggested: %s may raise blood %s. Discuss %s "
                          "intake with the prescriber."),
                     T(c, nutrient_word[n]), drug, T(c, nutrient_word[n]),
                     T(c, nutrient_word[n]));
            appendf(v, sizeof v, "%s", item);
            x = line(ws, r, v, f->wrap, 10);
            continue;
        }
        /* The richest portions, skipping foods already among the client's
         * top sources of that mineral. */
        kmgca_source top[5];
        size_t nt = kmgca_analysis_top(c->a, n, top, 5);
        struct {
            size_t i;
            double mg, grams;
            const kmgca_food *food;
        } best[SUGGEST_PER_MINERAL];
        size_t nb = 0;
        for (size_t s = 0; s < sizeof suggestions / sizeof *suggestions; s++) {
            kmgca_nutrient sn;
            const kmgca_food *food;
            double grams, mg;
            if (suggestions[s].n != n ||
                report_suggestion(c->foods, s, &sn, &food, &grams, &mg) != 1 ||
                in_top(top, nt, food))
                continue;
            size_t k = nb < SUGGEST_PER_MINERAL ? nb++ : SUGGEST_PER_MINERAL;
            if (k == SUGGEST_PER_MINERAL && mg <= best[k - 1].mg)
                continue;
            if (k == SUGGEST_PER_MINERAL)
                k--;
            while (k > 0 && best[k - 1].mg < mg) {
                best[k] = best[k - 1];
                k--;
            }
            best[k].i = s;
            best[k].mg = mg;
            best[k].grams = grams;
            best[k].food = food;
        }
        appendf(v, sizeof v, "%s", T(c, "For example: "));
        for (size_t k = 0; k < nb; k++) {
            const struct suggestion *s = &suggestions[best[k].i];
            const char *zh = kmgca_food_name_zh(best[k].food);
            if (c->lang == KMGCA_LANG_ZH && zh)
                snprintf(item, sizeof item, "%s%s ≈ +%.0f 毫克%s", zh, s->portion_zh, best[k].mg,
                         T(c, nutrient_word[n]));
            else
                snprintf(item, sizeof item, "%s ≈ +%.0f mg %s", s->label, best[k].mg,
                         T(c, nutrient_word[n]));
            appendf(v, sizeof v, "%s%s", k ? T(c, "; ") : "", item);
        }
        appendf(v, sizeof v, "%s", T(c, "."));
        if (n == KMGCA_CA && c->ca_caution) {
            const kmgca_med *m = kmgca_analysis_med(c->a, (size_t)c->ca_caution - 1);
            char drug[300];
            drug_label(c, m, drug, sizeof drug);
            snprintf(item, sizeof item,
                     T(c, " Food, not tablets: with %s, high-dose calcium supplements need the "
                          "prescriber's advice."),
                     drug);
            appendf(v, sizeof v, "%s", item);
        }
        x = line(ws, r, v, f->wrap, 10);
    }
    if (!any && !x)
        x = line(ws, r,
                 T(c, "Average intake reaches the targets for magnesium, potassium and calcium "
                      "(or the diary cannot tell): no suggestions."),
                 f->wrap, 10);
    if (!x)
        x = line(ws, r,
                 T(c, "Amounts are worked out from the USDA tables for the portion named; a "
                      "dietitian adapts them to the client's diet, kidneys and medicines."),
                 f->small, 8.5);
    return x;
}

/* Nights with cramps against nights without: a plain comparison. */
static lxw_error write_cramps(const client *c, lxw_workbook *wb, lxw_worksheet *ws,
                              lxw_row_t *r, const page_formats *f, const char *nights_sheet)
{
    double mg[2] = {0, 0}, k[2] = {0, 0}, sev = 0;
    size_t n[2] = {0, 0}, nmg[2] = {0, 0}, nk[2] = {0, 0}, diur[2] = {0, 0}, sweat[2] = {0, 0},
           nsev = 0;
    for (size_t i = 0; i < c->days; i++) {
        const day_extra *e = &c->extra[i];
        if (e->cramps < 0)
            continue;
        int g = e->cramps > 0 ? 0 : 1;
        kmgca_day d = kmgca_analysis_day(c->a, i);
        n[g]++;
        if (!isnan(d.percent[KMGCA_MG])) {
            mg[g] += d.percent[KMGCA_MG];
            nmg[g]++;
        }
        if (!isnan(d.percent[KMGCA_K])) {
            k[g] += d.percent[KMGCA_K];
            nk[g]++;
        }
        diur[g] += (size_t)e->diuretic;
        sweat[g] += (size_t)e->sweat;
        if (g == 0 && !isnan(e->severity)) {
            sev += e->severity;
            nsev++;
        }
    }
    lxw_error x = LXW_NO_ERROR;
    if (!n[0] && !n[1]) {
        return line(ws, r,
                    T(c, c->files.count[FILE_DAYLOG]
                             ? "The day log has no night on a day of the diary, so nothing can "
                               "be compared."
                             : "No day log (daylog.csv: date, cramps, severity) in the client "
                               "folder."),
                    f->wrap, 10);
    }
    static const char *const head[3] = {"", "Nights with cramps", "Nights without cramps"};
    worksheet_set_row(ws, *r, 26, NULL);
    for (int i = 0; i < 3 && !x; i++)
        x = head[i][0] ? worksheet_write_string(ws, *r, (lxw_col_t)i, T(c, head[i]), f->head)
                       : worksheet_write_blank(ws, *r, (lxw_col_t)i, f->head);
    lxw_row_t chart_row = *r;
    (*r)++;
    const char *labels[5] = {"Nights", "Magnesium, % of target", "Potassium, % of target",
                             "After a diuretic day", "After heavy sweating"};
    for (int row = 0; row < 5 && !x; row++, (*r)++) {
        x = put(ws, *r, 0, T(c, labels[row]), f->text);
        for (int g = 0; g < 2 && !x; g++) {
            lxw_col_t col = (lxw_col_t)(1 + g);
            switch (row) {
            case 0: x = worksheet_write_number(ws, *r, col, (double)n[g], f->text); break;
            case 1:
                x = put_num(ws, *r, col, nmg[g] ? mg[g] / (double)nmg[g] / 100 : NAN,
                            light(f, nmg[g] ? mg[g] / (double)nmg[g] / 100 : NAN));
                break;
            case 2:
                x = put_num(ws, *r, col, nk[g] ? k[g] / (double)nk[g] / 100 : NAN,
                            light(f, nk[g] ? k[g] / (double)nk[g] / 100 : NAN));
                break;
            case 3: x = worksheet_write_number(ws, *r, col, (double)diur[g], f->text); break;
            default: x = worksheet_write_number(ws, *r, col, (double)sweat[g], f->text); break;
            }
        }
    }
    char v[1200];
    if (!x) {
        if (n[0])
            snprintf(v, sizeof v,
                     T(c, "Cramps on %zu of %zu logged nights (average severity %.1f of 10). "
                          "Magnesium averaged %.0f%% of target on cramp days against %.0f%% on "
                          "the others; potassium %.0f%% against %.0f%%. This shows what came "
                          "together, not what caused what."),
                     n[0], n[0] + n[1], nsev ? sev / (double)nsev : 0.0,
                     nmg[0] ? mg[0] / (double)nmg[0] : NAN,
                     nmg[1] ? mg[1] / (double)nmg[1] : NAN, nk[0] ? k[0] / (double)nk[0] : NAN,
                     nk[1] ? k[1] / (double)nk[1] : NAN);
        else
            snprintf(v, sizeof v, T(c, "No cramps on the %zu logged nights."), n[1]);
        /* "nan%" reads badly: when one group is empty, say so instead. */
        if (strstr(v, "nan"))
            snprintf(v, sizeof v, T(c, "Cramps on %zu of %zu logged nights. Only one group has "
                                       "nights, so there is nothing to compare."),
                     n[0], n[0] + n[1]);
        /* The sentence goes under the table, in its columns (about 44 units). */
        worksheet_set_row(ws, *r, 14.5 * lines_for(v, 44) + 1, NULL);
        x = worksheet_merge_range(ws, *r, 0, *r, 2, v, f->wrap);
        (*r)++;
    }
    /* Two charts to the right of the table, reading the Nights sheet. */
    lxw_row_t last = (lxw_row_t)c->days;
    if (!x && c->days) {
        lxw_chart *cramps = workbook_add_chart(wb, LXW_CHART_COLUMN);
        lxw_chart *intake = workbook_add_chart(wb, LXW_CHART_LINE);
        if (!cramps || !intake)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        lxw_chart_font title_font = {.size = 9, .bold = 1};
        lxw_chart_font axis_font = {.size = 7};
        lxw_chart_series *s = chart_add_series(cramps, NULL, NULL);
        chart_series_set_categories(s, nights_sheet, 1, N_DATE, last, N_DATE);
        chart_series_set_values(s, nights_sheet, 1, N_SEVERITY, last, N_SEVERITY);
        chart_series_set_name(s, T(c, "Cramp severity (0-10)"));
        lxw_chart_fill red = {.color = 0xC00000};
        chart_series_set_fill(s, &red);
        chart_title_set_name(cramps, T(c, "Night cramps: severity (0-10)"));
        chart_title_set_name_font(cramps, &title_font);
        chart_axis_set_min(cramps->y_axis, 0);
        chart_axis_set_max(cramps->y_axis, 10);
        chart_axis_set_num_format(cramps->x_axis, "mm-dd");
        chart_axis_set_num_font(cramps->x_axis, &axis_font);
        chart_axis_set_num_font(cramps->y_axis, &axis_font);
        chart_legend_set_position(cramps, LXW_CHART_LEGEND_NONE);
        static const struct {
            int col;
            const char *name;
            uint32_t color;
        } lines[2] = {{N_MG_PCT, "Magnesium", 0x2F5597}, {N_K_PCT, "Potassium", 0x548235}};
        for (int i = 0; i < 2; i++) {
            lxw_chart_series *t = chart_add_series(intake, NULL, NULL);
            chart_series_set_categories(t, nights_sheet, 1, N_DATE, last, N_DATE);
            chart_series_set_values(t, nights_sheet, 1, (lxw_col_t)lines[i].col, last,
                                    (lxw_col_t)lines[i].col);
            chart_series_set_name(t, T(c, lines[i].name));
            lxw_chart_line ln = {.color = lines[i].color, .width = 1.75};
            chart_series_set_line(t, &ln);
        }
        chart_title_set_name(intake, T(c, "That day's intake, % of target"));
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
        x = worksheet_insert_chart_opt(ws, chart_row, 3, cramps, &left);
        x = x ? x : worksheet_insert_chart_opt(ws, chart_row, 3, intake, &right);
    }
    return x;
}

static lxw_error write_summary_page(const client *c, lxw_workbook *wb, lxw_worksheet *ws,
                                    const char *nights_sheet)
{
    page_formats f;
    formats_new(wb, &f);
    /* About 690 px in all: A4 portrait within the margins at 100 %. */
    static const double widths[PAGE_COLS] = {20, 11, 11, 10, 10, 11, 10, 10};
    for (int k = 0; k < PAGE_COLS; k++)
        worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, widths[k], NULL);
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    const kmgca_client_result *res = c->res;
    lxw_row_t r = 0;
    char v[2400];
    snprintf(v, sizeof v, T(c, "Client report: %s"), c->name);
    worksheet_set_row(ws, r, 22, NULL);
    char title[400];
    cell_copy(title, sizeof title, v);
    lxw_error x = worksheet_merge_range(ws, r, 0, r, PAGE_COLS - 1, title, f.title);
    r++;
    profile_text(c, v, sizeof v);
    x = x ? x : line(ws, &r, v, f.sub, 10);
    if (res->days)
        snprintf(v, sizeof v,
                 T(c, "Period %s to %s: %zu days with diary entries; %zu diary rows, %zu of them "
                      "not counted (see Needs review)."),
                 res->first_date, res->last_date, res->days, res->rows_read, res->rows_review);
    else
        snprintf(v, sizeof v, "%s", T(c, "The diary has no dated rows (see Needs review)."));
    x = x ? x : line(ws, &r, v, f.sub, 10);
    if (c->prof.notes[0] && !x) {
        /* Note lines joined with "; ". */
        snprintf(v, sizeof v, "%s ", T(c, "Notes:"));
        for (const char *p = c->prof.notes; *p; p++) {
            if (*p == '\n')
                appendf(v, sizeof v, "; ");
            else
                appendf(v, sizeof v, "%c", *p);
        }
        x = line(ws, &r, v, f.sub, 10);
    }
    gap(ws, &r);
    x = x ? x : heading(ws, &r, T(c, "Period averages against daily targets"), &f);
    x = x ? x : write_averages(c, ws, &r, &f);
    x = x ? x : line(ws, &r,
                     T(c, "Red: under 67 % of target; amber: under 100 %; green: 100 % or more. "
                          "Targets: see About (sources cited there). The magnesium upper level "
                          "applies to supplements, never to food."),
                     f.small, 8.5);
    gap(ws, &r);
    x = x ? x : heading(ws, &r, T(c, "Medications, supplements and sweat, in plain words"), &f);
    x = x ? x : write_flags(c, ws, &r, &f);
    gap(ws, &r);
    x = x ? x : heading(ws, &r, T(c, "Top 5 food sources over the period"), &f);
    x = x ? x : write_top5(c, ws, &r, &f);
    gap(ws, &r);
    x = x ? x : heading(ws, &r, T(c, "Suggestions from the food tables"), &f);
    x = x ? x : write_suggestions(c, ws, &r, &f);
    gap(ws, &r);
    x = x ? x : heading(ws, &r, T(c, "Night cramps beside that day's intake"), &f);
    x = x ? x : write_cramps(c, wb, ws, &r, &f, nights_sheet);
    gap(ws, &r);
    x = x ? x : heading(ws, &r, T(c, "See a doctor"), &f);
    x = x ? x : line(ws, &r,
                     T(c, "Cramps that are very frequent or very painful, last long, come with "
                          "marked leg swelling, a change of skin colour or weakness, or do not "
                          "improve after changes in diet and habits, need a doctor. Promptly for "
                          "muscle weakness that gets worse, a racing or irregular heartbeat, "
                          "chest pain, numbness or tingling, or confusion; in an emergency call "
                          "the local emergency number."),
                     f.wrap, 10);
    x = x ? x : line(ws, &r,
                     T(c, "kmgca estimates intake from what the diary says, with the USDA and "
                          "Taiwan FDA food tables; it does not diagnose, and only a blood test shows blood "
                          "levels. Never start, stop or change a medicine because of this "
                          "report: discuss it with the prescriber."),
                     f.small, 8.5);
    worksheet_print_area(ws, 0, 0, r, PAGE_COLS - 1);
    worksheet_set_portrait(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 1);
    worksheet_set_margins(ws, 0.45, 0.45, 0.6, 0.6);
    worksheet_center_horizontally(ws);
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
    snprintf(header, size, "&L&\"-,Bold\"%s&R%s %s", name, T(c, "Period"), period);
    snprintf(footer, size, "&L%s&C%s&R&A", T(c, "kmgca client report: not a diagnosis"),
             T(c, "Page &P of &N"));
}

/* The printable workbook: the summary and Nights only. */
static kmgca_status write_print_copy(const client *c, const char *path, const char *sheet_names[2],
                                     kmgca_error *err)
{
    char tmp[4200];
    if (!output_temp(path, tmp, sizeof tmp, err))
        return err ? err->status : KMGCA_ERROR_IO;
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) {
        unlink(tmp);
        return kmgca_fail_at(err, KMGCA_ERROR_NOMEM, path, 0, 0, "cannot start the workbook");
    }
    lxw_worksheet *summary = workbook_add_worksheet(wb, sheet_names[0]);
    lxw_worksheet *nights = workbook_add_worksheet(wb, sheet_names[1]);
    lxw_error x = summary && nights ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
    page_formats f;
    if (!x) {
        formats_new(wb, &f);
        x = write_summary_page(c, wb, summary, sheet_names[1]);
    }
    x = x ? x : write_nights(c, wb, nights, &f);
    if (!x) {
        char header[256], footer[256];
        page_texts(c, header, footer, sizeof header);
        worksheet_set_header(summary, header);
        worksheet_set_footer(summary, footer);
        worksheet_set_header(nights, header);
        worksheet_set_footer(nights, footer);
    }
    return workbook_close_commit(wb, x, tmp, path, "the workbook", err);
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
    for (size_t i = 0; i < c->files.count[FILE_DAYLOG] && st == KMGCA_OK; i++) {
        log_reader lr = {.log = &c->log, .a = c->a};
        table_reader t = {.path = c->files.path[FILE_DAYLOG][i], .schema = &log_table,
                          .on_header = log_header, .on_row = log_row, .ud = &lr,
                          .empty = "empty day log: no header line (date, cramps, severity)"};
        st = table_read(&t, err);
    }
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
    kmgca_status st;
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", folder, KMGCA_PROFILE_FILE);
    st = kmgca_client_profile_read(path, &c->prof, err);
    if (st == KMGCA_ERROR_IO && access(path, F_OK) != 0)
        st = kmgca_fail_at(err, KMGCA_ERROR_IO, folder, 0, 0,
                           "no %s in the client folder (a client folder needs one: name, age, "
                           "sex, ...)", KMGCA_PROFILE_FILE);
    if (st == KMGCA_OK) {
        c->lang = o.lang_forced || !c->prof.lang_given ? o.lang : c->prof.lang;
        res->lang = c->lang;
        if (c->prof.name[0] && c->prof.id[0])
            snprintf(c->name, sizeof c->name, "%s (%s)", c->prof.name, c->prof.id);
        else
            copy_text(c->name, sizeof c->name,
                      c->prof.name[0] ? c->prof.name : c->prof.id[0] ? c->prof.id : res->folder);
        utf8_trim_end(c->name);
        copy_text(res->name, sizeof res->name, c->name);
        st = scan_folder(folder, &c->files, err);
    }
    if (st == KMGCA_OK) {
        copy_text(res->warning, sizeof res->warning, "");
        if (c->files.ignored[0])
            appendf(res->warning, sizeof res->warning, "%s %s", T(c, "ignored:"),
                    c->files.ignored);
        if (!c->files.count[FILE_DIARY])
            st = kmgca_fail_at(err, KMGCA_ERROR_VALUE, folder, 0, 0,
                               "no diary in the client folder (a file named diary*.csv)");
    }
    if (st == KMGCA_OK) {
        kmgca_options ao = {0};
        ao.profile = &c->prof.profile;
        ao.body_mass_kg = isnan(c->prof.body_mass_kg) ? 0 : c->prof.body_mass_kg;
        if (!(c->a = kmgca_analysis_new(foods, &ao, err)))
            st = err->status;
    }
    if (st == KMGCA_OK) {
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            if (!isnan(c->prof.target_mg[n]))
                analysis_set_target(c->a, (kmgca_nutrient)n, c->prof.target_mg[n],
                                    "set by the dietitian",
                                    "the client's profile.txt (target set by the dietitian)");
        const char *front[2] = {T(c, "Client summary"), T(c, "Nights")};
        wb = workbook_open(out_path, c->lang, front, 2, err);
        if (!wb)
            st = err->status;
        else if (o.unix_time >= 0)
            kmgca_workbook_set_time(wb, o.unix_time);
    }
    if (st == KMGCA_OK)
        st = read_client_files(c, wb, err);
    if (st == KMGCA_OK)
        st = summarise(c, err);
    if (st == KMGCA_OK) {
        const char *names[2] = {T(c, "Client summary"), T(c, "Nights")};
        lxw_error x = write_summary_page(c, workbook_lxw(wb), workbook_front_sheet(wb, 0),
                                         names[1]);
        page_formats f;
        formats_new(workbook_lxw(wb), &f);
        x = x ? x : write_nights(c, workbook_lxw(wb), workbook_front_sheet(wb, 1), &f);
        if (x)
            st = kmgca_fail_at(err, x == LXW_ERROR_MEMORY_MALLOC_FAILED ? KMGCA_ERROR_NOMEM
                                                                         : KMGCA_ERROR_IO,
                               out_path, 0, 0, "cannot write the client summary: %s",
                               lxw_strerror(x));
        char header[256], footer[256];
        page_texts(c, header, footer, sizeof header);
        workbook_set_page_text(wb, header, footer);
        if (st == KMGCA_OK && o.print_path)
            st = write_print_copy(c, o.print_path, names, err);
    }
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
    files_free(&c->files);
    free(c->log.nights);
    arena_free(&c->log.strings);
    free(c->extra);
    free(c);
    return st;
}

/* ---- The caseload index ------------------------------------------------- */

enum { I_CLIENT, I_FOLDER, I_STATUS, I_FIRST, I_LAST, I_DAYS, I_MG, I_K, I_CA, I_NA,
       I_MG_DAYS, I_K_DAYS, I_CA_DAYS, I_DIURETIC, I_DRUG, I_SWEAT, I_CRAMPS, I_REVIEW,
       I_WORKBOOK, I_PDF, I_NOTES, I_COLS };

kmgca_status kmgca_report_index(const char *out_path, const kmgca_client_result *results,
                                size_t count, const kmgca_report_options *options,
                                kmgca_error *err)
{
    if (!out_path || (!results && count))
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no output or results given");
    kmgca_lang lang = options ? options->lang : KMGCA_LANG_EN;
    char tmp[4200];
    if (!output_temp(out_path, tmp, sizeof tmp, err))
        return err ? err->status : KMGCA_ERROR_IO;
    lxw_workbook *wb = workbook_new(tmp);
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, tr(lang, "Clients")) : NULL;
    lxw_worksheet *about = wb ? workbook_add_worksheet(wb, tr(lang, "About")) : NULL;
    if (!ws || !about) {
        if (wb)
            workbook_close(wb);
        unlink(tmp);
        return kmgca_fail_at(err, KMGCA_ERROR_NOMEM, out_path, 0, 0, "cannot start the index");
    }
    page_formats f;
    formats_new(wb, &f);
    lxw_format *link = pf(wb, 10, 0, NULL, 0, 0x0563C1);
    format_set_underline(link, LXW_UNDERLINE_SINGLE);
    static const struct {
        const char *title;
        double width;
    } cols[I_COLS] = {
        {"Client", 24},                 {"Folder", 14},
        {"Status", 9},                  {"First day", 11},
        {"Last day", 11},               {"Days", 6},
        {"Mg % of target", 9},          {"K % of target", 9},
        {"Ca % of target", 9},          {"Na mg a day", 9},
        {"Days Mg under target", 9},    {"Days K under target", 9},
        {"Days Ca under target", 9},    {"Diuretic days", 9},
        {"Other drug-flag days", 9},    {"Heavy sweat-loss days", 9},
        {"Nights with cramps", 9},      {"Rows in review", 8},
        {"Workbook", 22},               {"PDF", 18},
        {"Problem or note", 60},
    };
    lxw_error x = LXW_NO_ERROR;
    worksheet_set_row(ws, 0, 42, NULL);
    for (int k = 0; k < I_COLS && !x; k++) {
        worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, cols[k].width, NULL);
        x = worksheet_write_string(ws, 0, (lxw_col_t)k, tr(lang, cols[k].title), f.head);
    }
    size_t failed = 0;
    for (size_t i = 0; i < count && !x; i++) {
        const kmgca_client_result *c = &results[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        x = put(ws, r, I_CLIENT, c->name, f.bold);
        x = x ? x : put(ws, r, I_FOLDER, c->folder, f.text);
        if (c->status != KMGCA_OK) {
            failed++;
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
            x = x ? x : put(ws, r, I_STATUS, tr(lang, "error"), f.red);
            x = x ? x : put(ws, r, I_NOTES, v, f.text);
            continue;
        }
        x = x ? x : put(ws, r, I_STATUS, tr(lang, "ok"), f.text);
        x = x ? x : put(ws, r, I_FIRST, c->first_date, f.text);
        x = x ? x : put(ws, r, I_LAST, c->last_date, f.text);
        x = x ? x : worksheet_write_number(ws, r, I_DAYS, (double)c->days, f.text);
        static const kmgca_nutrient order[3] = {KMGCA_MG, KMGCA_K, KMGCA_CA};
        for (int k = 0; k < 3 && !x; k++) {
            double p = c->average_pct[order[k]] / 100;
            x = put_num(ws, r, (lxw_col_t)(I_MG + k), p, light(&f, p));
            x = x ? x : worksheet_write_number(ws, r, (lxw_col_t)(I_MG_DAYS + k),
                                               (double)c->days_under_100[order[k]], f.text);
        }
        x = x ? x : put_num(ws, r, I_NA, c->average_mg[KMGCA_NA], f.mg0);
        x = x ? x : worksheet_write_number(ws, r, I_DIURETIC, (double)c->diuretic_days, f.text);
        x = x ? x : worksheet_write_number(ws, r, I_DRUG, (double)c->drug_days, f.text);
        x = x ? x : worksheet_write_number(ws, r, I_SWEAT, (double)c->sweat_days, f.text);
        if (c->nights_logged)
            x = x ? x : worksheet_write_number(ws, r, I_CRAMPS, (double)c->cramp_nights, f.text);
        x = x ? x : worksheet_write_number(ws, r, I_REVIEW, (double)c->rows_review, f.text);
        /* Links name files in the same folder as the index, never a formula. */
        char url[400];
        if (c->workbook[0]) {
            snprintf(url, sizeof url, "external:%s", c->workbook);
            x = x ? x : worksheet_write_url_opt(ws, r, I_WORKBOOK, url, link, c->workbook, NULL);
        }
        if (c->pdf[0]) {
            snprintf(url, sizeof url, "external:%s", c->pdf);
            x = x ? x : worksheet_write_url_opt(ws, r, I_PDF, url, link, c->pdf, NULL);
        }
        x = x ? x : put(ws, r, I_NOTES, c->warning, f.text);
    }
    lxw_row_t last = (lxw_row_t)(count ? count : 1);
    if (!x) {
        char v[300];
        snprintf(v, sizeof v, tr(lang, "%zu clients: %zu reported, %zu could not be reported."),
                 count, count - failed, failed);
        x = put(ws, last + 2, 0, v, f.bold);
        x = x ? x : put(ws, last + 3, 0,
                        tr(lang, "Percentages are period averages of the daily intake against "
                                 "each client's targets (red under 67 %, amber under 100 %). "
                                 "Estimates from food diaries; not a diagnosis."),
                        f.small);
    }
    worksheet_autofilter(ws, 0, 0, last, I_COLS - 1);
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_print_area(ws, 0, 0, last + 3, I_COLS - 1);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.7, 0.7);
    worksheet_set_header(ws, tr(lang, "&Lkmgca: caseload index&R&D"));
    worksheet_set_footer(ws, tr(lang, "&LEstimates from food diaries; not a diagnosis&RPage &P of &N"));

    /* About: what the columns mean and where the targets come from. */
    worksheet_set_column(about, 0, 0, 26, NULL);
    worksheet_set_column(about, 1, 1, 100, NULL);
    static const char *const about_lines[][2] = {
        {"Index", "One row per client folder: the period of its diary, the average intake of "
                  "magnesium, potassium and calcium as % of the client's daily targets, the "
                  "days under target, the days flagged for a diuretic, another mineral-affecting "
                  "drug or heavy sweat loss, the nights with cramps, and a link to the client's "
                  "workbook. A folder that could not be reported says why."},
        {"Targets", "US/Canada DRIs: IOM 2011 (calcium), IOM 1997 (magnesium), NASEM 2019 "
                    "(potassium, sodium); Chinese DRIs 2023 (Chinese Nutrition Society); or a "
                    "target set in the client's profile.txt. Each workbook's About sheet cites "
                    "them in full."},
        {"Food tables", "USDA SR28 (2015, revised 2016) and FNDDS 2017-2018, public domain; "
                        "衛生福利部食品藥物管理署 (Taiwan Food and Drug Administration) 2025，食品營養成分資料庫 "
                        "2024 UPDATE2 (data.gov.tw/dataset/8543), Open Government Data License "
                        "(政府資料開放授權條款), https://data.gov.tw/license; kmgca's recipes of "
                        "Chinese and English dishes (ingredients summed)."},
        {"Important", "kmgca estimates intake from food diaries. It does not diagnose and is not "
                      "medical advice; medicines are never to be stopped or changed because of "
                      "it."},
    };
    lxw_row_t ar = 0;
    x = x ? x : worksheet_write_string(about, ar++, 0, tr(lang, "kmgca caseload index"), f.title);
    for (size_t i = 0; i < sizeof about_lines / sizeof *about_lines && !x; i++, ar++) {
        const char *value = tr(lang, about_lines[i][1]);
        worksheet_set_row(about, ar, 14.0 * lines_for(value, 100), NULL);
        x = put(about, ar, 0, tr(lang, about_lines[i][0]), f.bold);
        x = x ? x : put(about, ar, 1, value, f.wrap);
    }
    char v[200];
    snprintf(v, sizeof v, "kmgca %s (libxlsxwriter %s)", kmgca_version(), LXW_VERSION);
    x = x ? x : put(about, ar, 0, tr(lang, "Program"), f.bold);
    x = x ? x : put(about, ar++, 1, v, f.text);
    worksheet_set_paper(about, 9);
    worksheet_fit_to_pages(about, 1, 0);
    worksheet_activate(ws);
    long long when = options && options->unix_time >= 0 ? options->unix_time : (long long)time(NULL);
    lxw_doc_properties props = {.title = "kmgca caseload index", .author = "kmgca",
                                .created = (time_t)when};
    x = x ? x : workbook_set_properties(wb, &props);
    return workbook_close_commit(wb, x, tmp, out_path, "the index", err);
}
