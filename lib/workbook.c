/* workbook.c — the annotated .xlsx report, written with libxlsxwriter
 * through the sheet layer (sheet.c: cells, formats, notes, print set-up,
 * continued sheets, the temporary file renamed when complete).
 *
 * Sheets, in order: Summary, Diary, Needs review, Charts, Top sources,
 * About. Diary and Needs review are written row by row as the diary streams
 * by (constant-memory mode: one row of each sheet in memory); the others
 * are written at the end from the day totals. A sheet holds 1,048,576 rows:
 * past that, rows continue on "Diary (2)", "Needs review (2)", ... which
 * libxlsxwriter can only place after About.
 */
#include "sheet.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOP_ROWS 15             /* foods per mineral on Top sources */

enum { DIARY_FILE, DIARY_LINE, DIARY_DATE, DIARY_TIME, DIARY_MEAL, DIARY_FOOD, DIARY_AMOUNT,
       DIARY_UNIT, DIARY_MATCH, DIARY_SOURCE, DIARY_ID, DIARY_CONF, DIARY_GRAMS, DIARY_CA,
       DIARY_MG, DIARY_K, DIARY_NA, DIARY_STATUS, DIARY_HOW, DIARY_COLS };

typedef struct {
    const char *title;
    double width;
} column;

static const sheet_column diary_cols[DIARY_COLS] = {
    {"File", 14},       {"Line", 7},      {"Date", 11},       {"Time", 8},
    {"Meal", 11},       {"Food as written", 30}, {"Amount", 9}, {"Unit", 10},
    {"Matched food", 40}, {"Source", 7},  {"Food ID", 9},     {"Confidence", 10},
    {"Grams", 8},       {"Ca mg", 8},     {"Mg mg", 8},       {"K mg", 8},
    {"Na mg", 8},       {"Status", 9},    {"How matched and weighed", 70},
};

enum { REVIEW_FILE, REVIEW_LINE, REVIEW_DATE, REVIEW_FOOD, REVIEW_AMOUNT, REVIEW_UNIT,
       REVIEW_REASON, REVIEW_ORIGINAL, REVIEW_COLS };

static const sheet_column review_cols[REVIEW_COLS] = {
    {"File", 14}, {"Line", 7}, {"Date as written", 14}, {"Food as written", 30},
    {"Amount", 9}, {"Unit", 10}, {"Reason", 60}, {"Row as read", 60},
};

/* Row styles on Diary: plain, low confidence (highlighted), in review. */
enum { STYLE_PLAIN, STYLE_LOW, STYLE_REVIEW, STYLE_COUNT };

struct kmgca_workbook {
    sheet_book book;              /* the file, its language, head and wrap */
    lxw_worksheet *summary, *meds, *activity, *charts, *top, *about;
    sheet_table diary, review;
    size_t notes;
    long long unix_time;
    lxw_format *title, *bold, *date, *pct, *mg0, *num1;
    lxw_format *text[STYLE_COUNT], *int0[STYLE_COUNT], *num2[STYLE_COUNT],
        *mg[STYLE_COUNT];
    lxw_format *red, *amber, *green;
    lxw_worksheet *front[WORKBOOK_FRONT_MAX]; /* sheets a report puts first */
    size_t front_count;
    char page_header[256], page_footer[256]; /* for every sheet, when set */
    int threaded;                 /* rows written on a thread of their own */
    struct row_queue *queue;      /* that thread's rows, once started */
};

struct row_queue;
static kmgca_status queue_end(struct row_queue *q, int write_rest, kmgca_error *err);

/* Fixed text in the workbook's language (lang.c has the Chinese). */
static const char *L(const kmgca_workbook *w, const char *en)
{
    return sheet_tr(w->book.lang, en);
}

kmgca_workbook *kmgca_workbook_new(const char *path, kmgca_error *err)
{
    kmgca_workbook *w = workbook_open(path, KMGCA_LANG_EN, NULL, 0, err);
    kmgca_workbook_set_threads(w, 2);
    return w;
}

kmgca_workbook *workbook_open(const char *path, kmgca_lang lang, const char *const *front,
                              size_t front_count, kmgca_error *err)
{
    if (front_count > WORKBOOK_FRONT_MAX) {
        kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "too many sheets in front");
        return NULL;
    }
    if (!path || !*path) {
        kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no output file given");
        return NULL;
    }
    kmgca_workbook *w = calloc(1, sizeof *w);
    if (!w) {
        kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        return NULL;
    }
    w->unix_time = (long long)time(NULL);
    if (!sheet_book_open(&w->book, path, lang, 1, err)) {
        free(w);
        return NULL;
    }
    lxw_workbook *wb = w->book.wb;
    w->book.head = sheet_format(wb, NULL, 1, 0xDCE6F1, 0);
    format_set_text_wrap(w->book.head);
    format_set_bottom(w->book.head, LXW_BORDER_THIN);
    w->title = sheet_format(wb, NULL, 1, 0, 0);
    format_set_font_size(w->title, 14);
    w->bold = sheet_format(wb, NULL, 1, 0, 0);
    format_set_align(w->bold, LXW_ALIGN_VERTICAL_TOP);
    w->book.wrap = sheet_format(wb, NULL, 0, 0, 0);
    format_set_text_wrap(w->book.wrap);
    format_set_align(w->book.wrap, LXW_ALIGN_VERTICAL_TOP);
    w->date = sheet_format(wb, "yyyy-mm-dd", 0, 0, 0);
    w->pct = sheet_format(wb, "0%", 0, 0, 0);
    w->mg0 = sheet_format(wb, "#,##0", 0, 0, 0);
    w->num1 = sheet_format(wb, "#,##0.0", 0, 0, 0);
    static const uint32_t fills[STYLE_COUNT] = {0, 0xFFEB9C, 0xEDEDED};
    for (int s = 0; s < STYLE_COUNT; s++) {
        w->text[s] = s ? sheet_format(wb, NULL, 0, fills[s], s == STYLE_REVIEW) : NULL;
        w->int0[s] = sheet_format(wb, "0", 0, fills[s], s == STYLE_REVIEW);
        w->num2[s] = sheet_format(wb, "0.00", 0, fills[s], s == STYLE_REVIEW);
        w->mg[s] = sheet_format(wb, "#,##0.0", 0, fills[s], s == STYLE_REVIEW);
    }
    w->red = sheet_format(wb, NULL, 0, 0xFFC7CE, 0);
    format_set_font_color(w->red, 0x9C0006);
    w->amber = sheet_format(wb, NULL, 0, 0xFFEB9C, 0);
    format_set_font_color(w->amber, 0x9C5700);
    w->green = sheet_format(wb, NULL, 0, 0xC6EFCE, 0);
    format_set_font_color(w->green, 0x006100);

    /* Printed Diary pages leave out the long "How" column: each matched
     * food's note and the screen keep it. */
    w->diary = (sheet_table){"Diary", "&Lkmgca: diary rows&R&D", diary_cols, DIARY_COLS,
                       DIARY_STATUS + 1, DIARY_COLS, NULL, 0, 0};
    w->review = (sheet_table){"Needs review", "&Lkmgca: rows that need review&R&D", review_cols,
                        REVIEW_COLS, REVIEW_COLS, REVIEW_REASON, NULL, 0, 0};
    int front_ok = 1;
    for (size_t i = 0; i < front_count; i++) {
        w->front[i] = workbook_add_worksheet(wb, front[i]);
        front_ok &= w->front[i] != NULL;
    }
    w->front_count = front_count;
    w->summary = workbook_add_worksheet(wb, L(w, "Summary"));
    sheet_table_add(&w->book, &w->diary);
    sheet_table_add(&w->book, &w->review);
    w->meds = workbook_add_worksheet(wb, L(w, "Medications"));
    w->activity = workbook_add_worksheet(wb, L(w, "Activity & sweat"));
    w->charts = workbook_add_worksheet(wb, L(w, "Charts"));
    w->top = workbook_add_worksheet(wb, L(w, "Top sources"));
    w->about = workbook_add_worksheet(wb, L(w, "About"));
    if (!front_ok || !w->summary || !w->diary.ws || !w->review.ws || !w->meds || !w->activity || !w->charts ||
        !w->top || !w->about) {
        kmgca_fail_at(err, KMGCA_ERROR_NOMEM, path, 0, 0, "cannot start the workbook");
        kmgca_workbook_discard(w);
        return NULL;
    }
    return w;
}

void kmgca_workbook_set_time(kmgca_workbook *w, long long unix_time)
{
    if (w)
        w->unix_time = unix_time;
}

void kmgca_workbook_discard(kmgca_workbook *w)
{
    if (!w)
        return;
    if (w->queue)
        queue_end(w->queue, 0, NULL);
    w->queue = NULL;
    sheet_book_discard(&w->book);
    free(w);
}

/* ---- Rows as they stream ------------------------------------------------ */

static kmgca_status write_entry(kmgca_workbook *w, const kmgca_entry *e, kmgca_error *err)
{
    lxw_row_t r;
    kmgca_status st = sheet_table_next_row(&w->book, &w->diary, &r, err);
    if (st != KMGCA_OK)
        return st;
    lxw_worksheet *ws = w->diary.ws;
    /* Low confidence shows even on a row in review. */
    int style = !isnan(e->confidence) && e->confidence < KMGCA_LOW_CONFIDENCE ? STYLE_LOW
                : e->review                                                   ? STYLE_REVIEW
                                                                              : STYLE_PLAIN;
    lxw_format *t = w->text[style];
    lxw_error x = sheet_put_text(&w->book, ws, r, DIARY_FILE, sheet_file_name(e->file), t);
    x = x ? x : worksheet_write_number(ws, r, DIARY_LINE, (double)e->line, w->int0[style]);
    if (e->date[0])
        x = x ? x : sheet_put_date(ws, r, DIARY_DATE, e->day, w->date);
    else
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_DATE, e->date_text, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_TIME, e->time, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_MEAL, e->meal, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_FOOD, e->food_text, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_AMOUNT, e->amount_text, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_UNIT, e->unit_text, t);
    if (e->food) {
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_MATCH, kmgca_food_description(e->food), t);
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_SOURCE, kmgca_food_source(e->food), t);
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_ID, kmgca_food_id(e->food), t);
    } else {
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_MATCH, NULL, t);
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_SOURCE, NULL, t);
        x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_ID, NULL, t);
    }
    /* Shown to 0.1 mg, 0.1 g and 0.01 of confidence: finer digits mean
     * nothing in a food table, and cost time and space in the file. */
    x = x ? x : sheet_put_number(ws, r, DIARY_CONF, round(e->confidence * 100) / 100, w->num2[style]);
    x = x ? x : sheet_put_number(ws, r, DIARY_GRAMS, round(e->grams * 10) / 10, w->int0[style]);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT && !x; n++)
        x = sheet_put_number(ws, r, (lxw_col_t)(DIARY_CA + n), round(e->mg[n] * 10) / 10,
                       w->mg[style]);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_STATUS,
                         L(w, e->review             ? "review"
                              : e->export_kept     ? "used, export value kept"
                              : e->supplement      ? "used, supplement"
                              : e->serving_assumed ? "used, serving assumed"
                                                   : "used"),
                         t);
    /* A mass written in grams and used as written needs no explanation: the
     * column stays empty (the note, the Amount and Unit columns say it). */
    char how[2200];
    static const char plain[] = " g as written";
    size_t hl = strlen(e->how), pl = sizeof plain - 1;
    int as_written = !e->review && hl > pl && strcmp(e->how + hl - pl, plain) == 0 &&
                     !strchr(e->how, ';');
    /* In Chinese, kmgca's own phrases of how and review (lang_zh_text). */
    int zh = w->book.lang == KMGCA_LANG_ZH;
    char how_zh[2200], review_zh[1600];
    const char *e_how = zh ? lang_zh_text(e->how, how_zh, sizeof how_zh) : e->how;
    const char *e_review = zh && e->review ? lang_zh_text(e->review, review_zh, sizeof review_zh)
                                           : e->review;
    if (as_written)
        how[0] = '\0';
    else
        snprintf(how, sizeof how, "%s%s%s%s%s",
                 e->food ? L(w, kmgca_match_method_name(e->method)) : "",
                 e->food && e->how[0] ? zh ? "：" : ": " : "", e_how,
                 e->review && (e->food || e->how[0]) ? L(w, "; ") : "",
                 e->review ? zh ? "待核对：" : "needs review: " : "");
    if (e->review)
        sheet_append(how, sizeof how, e_review);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_HOW, how, t);

    if (!x && w->notes < KMGCA_WORKBOOK_NOTE_LIMIT) {
        char note[2600] = "";
        if (e->food)
            snprintf(note, sizeof note, L(w, "Matched \"%s\" (%s %s) by %s, confidence %.2f.\n"),
                     kmgca_food_description(e->food), kmgca_food_source(e->food),
                     kmgca_food_id(e->food), L(w, kmgca_match_method_name(e->method)),
                     e->confidence);
        if (e->how[0]) {
            sheet_append(note, sizeof note, e_how);
            sheet_append(note, sizeof note, L(w, "."));
        }
        /* The review and the attribution first: a long recipe may fill the
         * note, and they must not be the part cut off. */
        if (e->review) {
            sheet_append(note, sizeof note, L(w, note[0] ? "\nNeeds review: " : "Needs review: "));
            sheet_append(note, sizeof note, e_review);
        }
        /* The attribution: the licence is named whole; About has the full text. */
        if (e->food && kmgca_food_attribution(e->food))
            sheet_append(note, sizeof note, L(w, "\nData: Taiwan FDA Food Nutrient Database "
                                                "(OGDL-Taiwan-1.0; see About)."));
        if (e->food && kmgca_food_ingredient_count(e->food)) {
            sheet_append(note, sizeof note, L(w, "\nRecipe, one serving (ingredients summed; "
                                                "cooking losses not modelled):"));
            for (size_t i = 0; i < kmgca_food_ingredient_count(e->food); i++) {
                double g;
                char part[160], grams[32];
                const char *name = kmgca_food_ingredient(e->food, i, NULL, &g);
                snprintf(grams, sizeof grams, " %.0f g", g);
                /* the name whole or not at all: never cut inside a character */
                if (strlen(name) + strlen(grams) + 3 >= sizeof part)
                    name = "…";
                snprintf(part, sizeof part, zh ? "%s%s%s" : "%s %s%s", i ? zh ? "、" : "," : "",
                         name, grams);
                sheet_append(note, sizeof note, part);
            }
            sheet_append(note, sizeof note, L(w, "."));
        }
        if (note[0]) {
            x = sheet_put_note(&w->book, ws, r, DIARY_MATCH, note, 3, 2);
            w->notes++;
        }
    }
    if (x)
        return sheet_fail(&w->book, err, x, "Diary");

    if (!e->review)
        return KMGCA_OK;
    st = sheet_table_next_row(&w->book, &w->review, &r, err);
    if (st != KMGCA_OK)
        return st;
    ws = w->review.ws;
    unsigned lines = sheet_wrapped_lines(e_review, 55), more = sheet_wrapped_lines(e->original, 55);
    if (more > lines)
        lines = more;
    if (lines > 1)
        worksheet_set_row(ws, r, 15.0 * lines, NULL);
    x = sheet_put_text(&w->book, ws, r, REVIEW_FILE, sheet_file_name(e->file), NULL);
    x = x ? x : worksheet_write_number(ws, r, REVIEW_LINE, (double)e->line, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_DATE, e->date_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_FOOD, e->food_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_AMOUNT, e->amount_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_UNIT, e->unit_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_REASON, e_review, w->book.wrap);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_ORIGINAL, e->original, w->book.wrap);
    return x ? sheet_fail(&w->book, err, x, "Needs review") : KMGCA_OK;
}

/* ---- Rows on a second thread --------------------------------------------- */

/* Reading, matching and the day totals run on the caller's thread; writing
 * the rows (formatting numbers, building the sheet's XML) on another, so the
 * two cores share the work. Rows pass through a ring of QUEUE_SLOTS copies:
 * memory stays flat whatever the diary's length, and rows are written in the
 * order they came, with the same calls, so the workbook is the same byte for
 * byte as when written on one thread. The sheets written at the end wait
 * for the last row (kmgca_workbook_finish joins the thread first). */
#define QUEUE_SLOTS 256

typedef struct {
    kmgca_entry e;            /* its strings point into text */
    char *text;
    size_t cap;
} queued_row;

struct row_queue {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t to_writer, to_reader;
    size_t head, tail;        /* rows to write: slots head .. tail-1 (mod QUEUE_SLOTS) */
    int writer_waits, reader_waits;
    int ending;               /* no more rows: write the rest, then stop */
    int stopping;             /* the workbook is dropped: stop now */
    kmgca_status status;      /* the writer's first failure */
    kmgca_error err;
    kmgca_workbook *w;
    queued_row slot[QUEUE_SLOTS];
};

/* A copy of e in q, its strings with it. 0 when out of memory. */
static int row_copy(queued_row *q, const kmgca_entry *e)
{
    const char *from[] = {e->file,      e->date_text, e->time, e->meal,   e->food_text, e->amount_text,
                          e->unit_text, e->note,      e->how,  e->review, e->original};
    enum { N = sizeof from / sizeof from[0] };
    size_t len[N], need = 0;
    for (size_t i = 0; i < N; i++)
        need += len[i] = from[i] ? strlen(from[i]) + 1 : 0;
    if (need > q->cap) {
        size_t cap = need < 1024 ? 1024 : need;
        char *more = realloc(q->text, cap);
        if (!more)
            return 0;
        q->text = more;
        q->cap = cap;
    }
    q->e = *e;
    const char **to[] = {&q->e.file,      &q->e.date_text, &q->e.time, &q->e.meal,
                         &q->e.food_text, &q->e.amount_text, &q->e.unit_text, &q->e.note,
                         &q->e.how,       &q->e.review,    &q->e.original};
    char *at = q->text;
    for (size_t i = 0; i < N; i++) {
        *to[i] = from[i] ? memcpy(at, from[i], len[i]) : NULL;
        at += len[i];
    }
    return 1;
}

static void *row_writer(void *arg)
{
    struct row_queue *q = arg;
    pthread_mutex_lock(&q->lock);
    for (;;) {
        while (q->head == q->tail && !q->ending && !q->stopping) {
            q->writer_waits = 1;
            pthread_cond_wait(&q->to_writer, &q->lock);
            q->writer_waits = 0;
        }
        if (q->stopping || q->head == q->tail)
            break;
        /* The rows queued so far, written without the lock. */
        size_t from = q->head, to = q->tail;
        int failed = q->status != KMGCA_OK;
        pthread_mutex_unlock(&q->lock);
        kmgca_status st = KMGCA_OK;
        kmgca_error err;
        kmgca_error_clear(&err);
        for (size_t i = from; i != to && !failed && st == KMGCA_OK; i = (i + 1) % QUEUE_SLOTS)
            st = write_entry(q->w, &q->slot[i].e, &err);
        pthread_mutex_lock(&q->lock);
        if (st != KMGCA_OK && q->status == KMGCA_OK) {
            q->status = st;
            q->err = err;
        }
        q->head = to;
        if (q->reader_waits)
            pthread_cond_signal(&q->to_reader);
    }
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

static struct row_queue *queue_start(kmgca_workbook *w)
{
    struct row_queue *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->w = w;
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->to_writer, NULL);
    pthread_cond_init(&q->to_reader, NULL);
    if (pthread_create(&q->thread, NULL, row_writer, q) != 0) {
        pthread_cond_destroy(&q->to_reader);
        pthread_cond_destroy(&q->to_writer);
        pthread_mutex_destroy(&q->lock);
        free(q);
        return NULL;
    }
    return q;
}

/* Waits for the writer (after the rest of the rows when `write_rest`, else
 * at once) and frees the queue; returns the writer's first failure. */
static kmgca_status queue_end(struct row_queue *q, int write_rest, kmgca_error *err)
{
    pthread_mutex_lock(&q->lock);
    if (write_rest)
        q->ending = 1;
    else
        q->stopping = 1;
    pthread_cond_signal(&q->to_writer);
    pthread_mutex_unlock(&q->lock);
    pthread_join(q->thread, NULL);
    kmgca_status st = q->status;
    if (st != KMGCA_OK && err)
        *err = q->err;
    for (size_t i = 0; i < QUEUE_SLOTS; i++)
        free(q->slot[i].text);
    pthread_cond_destroy(&q->to_reader);
    pthread_cond_destroy(&q->to_writer);
    pthread_mutex_destroy(&q->lock);
    free(q);
    return st;
}

static kmgca_status queue_add(struct row_queue *q, const kmgca_entry *e, kmgca_error *err)
{
    pthread_mutex_lock(&q->lock);
    while ((q->tail + 1) % QUEUE_SLOTS == q->head && q->status == KMGCA_OK) {
        q->reader_waits = 1;
        pthread_cond_wait(&q->to_reader, &q->lock);
        q->reader_waits = 0;
    }
    kmgca_status st = q->status;
    if (st != KMGCA_OK && err)
        *err = q->err;
    size_t at = q->tail;
    pthread_mutex_unlock(&q->lock);
    if (st != KMGCA_OK)
        return st;
    /* Slot `at` is the writer's only once tail moves past it. */
    if (!row_copy(&q->slot[at], e))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    pthread_mutex_lock(&q->lock);
    q->tail = (at + 1) % QUEUE_SLOTS;
    if (q->writer_waits)
        pthread_cond_signal(&q->to_writer);
    pthread_mutex_unlock(&q->lock);
    return KMGCA_OK;
}

void kmgca_workbook_set_threads(kmgca_workbook *w, int threads)
{
    if (w && !w->queue)
        w->threaded = threads > 1;
}

kmgca_status kmgca_workbook_add(kmgca_workbook *w, const kmgca_entry *e, kmgca_error *err)
{
    if (!w || !e)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no workbook or row given");
    if (w->threaded && !w->queue && !(w->queue = queue_start(w)))
        w->threaded = 0;    /* no thread to be had: the rows are written here */
    return w->queue ? queue_add(w->queue, e, err) : write_entry(w, e, err);
}

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
    size_t n = care_day_flags(a, i, f, 32, w->book.lang);
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
            snprintf(part, sizeof part, "%s", L(w, "heavy sweat loss"));
        else if (f[k].kind == KMGCA_FLAG_PATTERN)
            snprintf(part, sizeof part, "%s", L(w, "calcium met, magnesium low"));
        else if (f[k].kind == KMGCA_FLAG_SUPPLEMENT && !strcmp(f[k].direction, "over_ul"))
            snprintf(part, sizeof part, L(w, "%s %s"),
                     zh ? lang_zh(kmgca_nutrient_name(f[k].nutrient))
                        : kmgca_nutrient_key(f[k].nutrient),
                     L(w, "over the upper level"));
        else if (f[k].kind == KMGCA_FLAG_SUPPLEMENT)
            snprintf(part, sizeof part, L(w, "%s (%s)"),
                     L(w, "potassium supplement with a K-raising drug"), med);
        else
            snprintf(part, sizeof part, L(w, "%s %s (%s)"),
                     zh ? lang_zh(kmgca_nutrient_name(f[k].nutrient))
                        : kmgca_nutrient_key(f[k].nutrient),
                     L(w, f[k].direction), med);
        sheet_append(cell, sizeof cell, k ? L(w, "; ") : "");
        sheet_append(cell, sizeof cell, part);
        /* The note: kind, severity and mineral, the message, the action and
         * the source (cited as it is). */
        snprintf(part, sizeof part, L(w, "%s%s [%s, %s]: "), k ? "\n\n" : "",
                 L(w, kmgca_flag_kind_name(f[k].kind)), L(w, kmgca_severity_name(f[k].severity)),
                 zh ? lang_zh(kmgca_nutrient_name(f[k].nutrient))
                    : kmgca_nutrient_key(f[k].nutrient));
        sheet_append(note, sizeof note, part);
        sheet_append(note, sizeof note, f[k].message);
        sheet_append(note, sizeof note, zh ? "" : " ");
        sheet_append(note, sizeof note, f[k].action);
        sheet_append(note, sizeof note, L(w, " Source: "));
        sheet_append(note, sizeof note, f[k].source);
    }
    char head[64];
    snprintf(head, sizeof head, L(w, "%s: "), L(w, kmgca_severity_name(worst)));
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

static lxw_error write_summary(kmgca_workbook *w, const kmgca_analysis *a)
{
    static const sheet_column cols[SUM_COLS] = {
        {"Date", 11},          {"Ca mg", 9},           {"Ca % of target", 9},
        {"Mg mg", 9},          {"Mg % of target", 9},  {"K mg", 9},
        {"K % of target", 9},  {"Na mg", 9},           {"Ca coverage", 9},
        {"Mg coverage", 9},    {"K coverage", 9},      {"Rows", 7},
        {"Used", 7},           {"Review", 7},          {"Assumed servings", 9},
        {"Flags", 30},
        {"Ca target mg", 9},   {"Mg target mg", 9},    {"K target mg", 9},
        {"Ca from food mg", 9}, {"Mg from food mg", 9}, {"K from food mg", 9},
        {"Ca from supplements mg", 11}, {"Mg from supplements mg", 11},
        {"K from supplements mg", 11},
        {"Ca recomputed share", 11}, {"Mg recomputed share", 11}, {"K recomputed share", 11},
    };
    lxw_worksheet *ws = w->summary;
    lxw_error x = sheet_header_row(&w->book, ws, 0, cols, SUM_COLS);
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
        x = x ? x : worksheet_write_string(ws, r, SUM_DATE, L(w, "Average"), w->bold);
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
        x = worksheet_write_string(ws, 1, SUM_DATE, L(w, "No dated rows: see Needs review."),
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

static lxw_error write_meds(kmgca_workbook *w, const kmgca_analysis *a)
{
    static const sheet_column cols[MED_COLS] = {
        {"File", 12},      {"Line", 6},        {"Medication as written", 30},
        {"Dose", 14},      {"Start", 11},      {"End", 11},
        {"Matched drug", 28}, {"Chinese name", 14}, {"Class", 24},
        {"ATC", 10},       {"K", 10},          {"Mg", 10},
        {"Ca", 10},        {"Na", 10},         {"Confidence", 10},
        {"Days flagged", 30}, {"How matched", 36}, {"Note", 50},
        {"Source", 50},    {"Needs review", 40},
        {"Supplement Ca mg a day", 11}, {"Supplement Mg mg a day", 11},
        {"Supplement K mg a day", 11},  {"Supplement: how counted", 60},
    };
    lxw_worksheet *ws = w->meds;
    size_t n = kmgca_analysis_med_count(a);
    lxw_error x = sheet_header_row(&w->book, ws, 0, cols, MED_COLS);
    worksheet_set_row(ws, 0, 30, NULL);
    if (!n) {
        x = x ? x
              : worksheet_write_string(ws, 1, 0,
                                       L(w, "No medication list was given (kmgca analyse --meds "
                                            "FILE)."),
                                       w->bold);
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
    for (size_t i = 0; i < n && !x; i++) {
        const kmgca_med *m = kmgca_analysis_med(a, i);
        const kmgca_drug_match *d = &m->match;
        lxw_row_t r = (lxw_row_t)(i + 1);
        lxw_format *t = m->review ? w->text[STYLE_LOW] : NULL;
        x = sheet_put_text(&w->book, ws, r, MED_FILE, sheet_file_name(m->file), t);
        x = x ? x : worksheet_write_number(ws, r, MED_LINE, (double)m->line, NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_TEXT, m->text, t);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_DOSE, m->dose, NULL);
        if (m->start_day != LONG_MIN)
            x = x ? x : sheet_put_date(ws, r, MED_START, m->start_day, w->date);
        else
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_START, m->start_text[0] ? m->start_text : L(w, "(open)"), NULL);
        if (m->end_day != LONG_MAX)
            x = x ? x : sheet_put_date(ws, r, MED_END, m->end_day, w->date);
        else
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_END, m->end_text[0] ? m->end_text : L(w, "(open)"), NULL);
        const kmgca_drug *src = d->row ? d->row : d->part_count ? d->part[0] : NULL;
        int zh = w->book.lang == KMGCA_LANG_ZH;
        char v[600], zh_text[1600];
        if (d->affects_minerals) {
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_MATCH, d->name, NULL);
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
            static const kmgca_nutrient order[4] = {KMGCA_K, KMGCA_MG, KMGCA_CA, KMGCA_NA};
            for (int k = 0; k < 4 && !x; k++)
                x = sheet_put_text(&w->book, ws, r, (lxw_col_t)(MED_K + k),
                             L(w, kmgca_effect_name(d->effect[order[k]])), NULL);
            x = x ? x : sheet_put_number(ws, r, MED_CONF, d->confidence, w->num2[STYLE_PLAIN]);
            if (strcmp(kmgca_drug_effect_type(src), "absorption_interaction") == 0)
                snprintf(v, sizeof v, "%s",
                         L(w, "not flagged daily: calcium- and magnesium-rich food or "
                              "supplements taken at the same time may reduce its "
                              "absorption; separate them by a few hours"));
            else if (!flagged[i])
                snprintf(v, sizeof v, "%s",
                         L(w, "no day flagged (not active on a diary day, or only "
                              "minor effects)"));
            else
                snprintf(v, sizeof v,
                         L(w, flagged[i] == 1 ? "%zu day (%zu with high severity)"
                                              : "%zu days (%zu with high severity)"),
                         flagged[i], high[i]);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS, v, NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_NOTE, kmgca_drug_note(src), NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_SOURCE, kmgca_drug_source(src), NULL);
        } else if (d->part_count) {
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_MATCH, kmgca_drug_name(d->part[0]), NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_ZH, kmgca_drug_name_zh(d->part[0]), NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_CLASS,
                                 zh ? kmgca_drug_class_zh(d->part[0]) : kmgca_drug_class(d->part[0]),
                                 NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_ATC, kmgca_drug_atc(d->part[0]), NULL);
            x = x ? x : sheet_put_number(ws, r, MED_CONF, d->confidence, w->num2[STYLE_PLAIN]);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS,
                                 L(w, "none: no effect on K, Mg, Ca or Na is listed in kmgca's "
                                      "table"),
                                 NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_SOURCE, kmgca_drug_source(d->part[0]), NULL);
        } else if (m->supplement.recognised) {
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_MATCH, m->supplement.product, NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_CLASS, L(w, "mineral supplement"), NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS,
                                 L(w, "counted in the day's intake; checked against the upper "
                                      "levels"),
                                 NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_SOURCE, m->supplement.source, NULL);
        } else {
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_MATCH, L(w, "(not recognised)"), NULL);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_FLAGS, L(w, "none: the drug is not known to kmgca"),
                                 NULL);
        }
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_HOW,
                             zh ? lang_zh_text(d->how, zh_text, sizeof zh_text) : d->how, NULL);
        x = x ? x : sheet_put_text(&w->book, ws, r, MED_REVIEW,
                             zh && m->review ? lang_zh_text(m->review, zh_text, sizeof zh_text)
                                             : m->review,
                             t);
        if (m->supplement.recognised) {
            const kmgca_supplement *sp = &m->supplement;
            for (int k = 0; k < KMGCA_NA && !x; k++)
                x = sp->review[0] ? sheet_put_text(&w->book, ws, r, (lxw_col_t)(MED_S_CA + k), NULL, NULL)
                                  : worksheet_write_number(ws, r, (lxw_col_t)(MED_S_CA + k),
                                                           round(sp->mg[k] * 10) / 10, w->mg0);
            char how[1800];
            const char *said = sp->review[0] ? sp->review : sp->how;
            snprintf(how, sizeof how, "%s%s", sp->review[0] ? L(w, "not counted: ") : "",
                     zh ? lang_zh_text(said, zh_text, sizeof zh_text) : said);
            x = x ? x : sheet_put_text(&w->book, ws, r, MED_S_HOW, how, sp->review[0] ? t : NULL);
        }
    }
    free(flagged);
    free(high);
    lxw_row_t last = (lxw_row_t)n;
    x = x ? x : worksheet_autofilter(ws, 0, 0, last, MED_COLS - 1);
    x = x ? x
          : sheet_put_text(&w->book, ws, last + 2, 0,
                     L(w, "Effects are those listed on product labels and in the cited reviews; "
                          "minor effects are shown here but not flagged day by day. Discuss any "
                          "medicine with its prescriber; do not stop or change it on your own."),
                     w->bold);
    worksheet_freeze_panes(ws, 1, 3);
    worksheet_repeat_rows(ws, 0, 0);
    sheet_print_setup(ws, 1, "&Lkmgca: medications&R&D");
    return x;
}

enum { ACT_FILE, ACT_LINE, ACT_DATE, ACT_NAME, ACT_MIN, ACT_MET, ACT_TEMP, ACT_RH, ACT_MASS,
       ACT_SWEAT, ACT_HOW, ACT_K, ACT_NA, ACT_CA, ACT_MG, ACT_METHOD, ACT_REVIEW, ACT_COLS };
enum { DAY_DATE, DAY_SESSIONS, DAY_SWEAT, DAY_PCT, DAY_K, DAY_NA, DAY_CA, DAY_MG, DAY_K_IN,
       DAY_K_NET, DAY_K_NET_PCT, DAY_HEAVY, DAY_COLS };

static lxw_error write_activity(kmgca_workbook *w, const kmgca_analysis *a)
{
    static const sheet_column cols[ACT_COLS] = {
        {"File", 12}, {"Line", 6}, {"Date", 11}, {"Activity", 20}, {"Minutes", 8},
        {"MET", 6}, {"Temp C", 7}, {"Humidity %", 9}, {"Body mass kg", 9},
        {"Sweat L", 8}, {"Sweat", 10}, {"K lost mg", 9}, {"Na lost mg", 9},
        {"Ca lost mg", 9}, {"Mg lost mg", 9}, {"How found, and what was assumed", 70},
        {"Needs review", 40},
    };
    static const sheet_column day_cols[DAY_COLS] = {
        {"Date", 11}, {"Sessions", 8}, {"Sweat L", 8}, {"% of body mass", 9},
        {"K lost mg", 9}, {"Na lost mg", 9}, {"Ca lost mg", 9}, {"Mg lost mg", 9},
        {"K intake mg", 9}, {"K net mg", 9}, {"K net % of target", 9},
        {"Heavy sweat-loss day", 12},
    };
    lxw_worksheet *ws = w->activity;
    size_t n = kmgca_analysis_session_count(a);
    lxw_row_t r = 0;
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "Sessions"), w->title);
    x = x ? x : sheet_header_row(&w->book, ws, r++, cols, ACT_COLS);
    if (!n) {
        x = x ? x : worksheet_write_string(ws, r, 0,
                                           L(w, "No activity log was given (kmgca analyse "
                                                "--activity FILE)."),
                                           w->bold);
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
                             L(w, isnan(s->sweat_l) ? "unknown"
                                  : s->measured        ? "measured"
                                                       : "predicted"),
                             NULL);
        static const kmgca_nutrient order[4] = {KMGCA_K, KMGCA_NA, KMGCA_CA, KMGCA_MG};
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
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Per day"), w->title);
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
        static const kmgca_nutrient order[4] = {KMGCA_K, KMGCA_NA, KMGCA_CA, KMGCA_MG};
        for (int k = 0; k < 4 && !x; k++)
            x = sheet_put_number(ws, r, (lxw_col_t)(DAY_K + k), d.sweat_mg[order[k]],
                           order[k] == KMGCA_MG ? w->num1 : w->mg0);
        x = x ? x : sheet_put_number(ws, r, DAY_K_IN, d.mg[KMGCA_K], w->mg0);
        x = x ? x : sheet_put_number(ws, r, DAY_K_NET, net, w->mg0);
        x = x ? x : sheet_put_number(ws, r, DAY_K_NET_PCT, net / k_target, w->pct);
        x = x ? x : sheet_put_text(&w->book, ws, r, DAY_HEAVY, L(w, heavy ? "yes" : "no"), heavy ? w->red : NULL);
        r++;
    }
    r++;
    char v[1200];
    snprintf(v, sizeof v,
             L(w, "Heavy sweat-loss day: %.1f L of sweat or more, or %.0f %% of body mass or "
                  "more (when no body mass is logged, %.0f kg is assumed). Minerals lost = "
                  "litres x the mean concentration in sweat: K %.0f, Na %.0f, Ca %.0f, Mg %.2f "
                  "mg/L. Measured sweat = body mass before - after + fluid drunk - urine (1 kg "
                  "= 1 L); otherwise predicted from the heat balance, with every assumption in "
                  "the row."),
             KMGCA_HEAVY_SWEAT_L, KMGCA_HEAVY_SWEAT_BODY_MASS_PCT, KMGCA_DEFAULT_BODY_MASS_KG,
             kmgca_sweat_mg_per_l(KMGCA_K), kmgca_sweat_mg_per_l(KMGCA_NA),
             kmgca_sweat_mg_per_l(KMGCA_CA), kmgca_sweat_mg_per_l(KMGCA_MG));
    sheet_fit_row(ws, r, v, w->book.lang == KMGCA_LANG_ZH ? 70 : 140);
    worksheet_merge_range(ws, r, 0, r, ACT_METHOD, "", w->book.wrap);
    x = x ? x : sheet_put_text(&w->book, ws, r, 0, v, w->book.wrap);
    r++;
    snprintf(v, sizeof v, L(w, "Sources: %s; %s; %s; %s."), kmgca_sweat_model_source(),
             kmgca_sweat_source(KMGCA_K), kmgca_sweat_source(KMGCA_NA),
             kmgca_heavy_sweat_source());
    sheet_fit_row(ws, r, v, w->book.lang == KMGCA_LANG_ZH ? 70 : 140);
    worksheet_merge_range(ws, r, 0, r, ACT_METHOD, "", w->book.wrap);
    x = x ? x : sheet_put_text(&w->book, ws, r, 0, v, w->book.wrap);
    worksheet_freeze_panes(ws, 2, 0);
    sheet_print_setup(ws, 1, "&Lkmgca: activity and sweat&R&D");
    return x;
}

static lxw_error write_charts(kmgca_workbook *w, const kmgca_analysis *a)
{
    size_t days = kmgca_analysis_day_count(a);
    lxw_worksheet *ws = w->charts;
    if (!days)
        return worksheet_write_string(ws, 0, 0, L(w, "No dated rows, so no charts."), w->bold);
    static const struct {
        int col, target_col;
        const char *title;
    } charts[3] = {
        {SUM_MG, SUM_T_MG, "Magnesium: daily intake against target (mg)"},
        {SUM_K, SUM_T_K, "Potassium: daily intake against target (mg)"},
        {SUM_CA, SUM_T_CA, "Calcium: daily intake against target (mg)"},
    };
    lxw_row_t last = (lxw_row_t)days;
    lxw_error x = worksheet_write_string(
        ws, 0, 0, L(w, "Daily intake (solid line) against the daily target (dashed line), from the Summary "
        "sheet."),
        w->bold);
    const char *summary = L(w, "Summary");
    for (int i = 0; i < 3 && !x; i++) {
        lxw_chart *chart = workbook_add_chart(w->book.wb, LXW_CHART_LINE);
        if (!chart)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, summary, 1, SUM_DATE, last, SUM_DATE);
        chart_series_set_values(s, summary, 1, (lxw_col_t)charts[i].col, last,
                                (lxw_col_t)charts[i].col);
        chart_series_set_name(s, L(w, "Intake"));
        lxw_chart_line intake_line = {.color = 0x2F5597, .width = 2.25};
        chart_series_set_line(s, &intake_line);
        lxw_chart_series *t = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(t, summary, 1, SUM_DATE, last, SUM_DATE);
        chart_series_set_values(t, summary, 1, (lxw_col_t)charts[i].target_col, last,
                                (lxw_col_t)charts[i].target_col);
        chart_series_set_name(t, L(w, "Target"));
        lxw_chart_line target_line = {.color = 0xC00000, .width = 1.5,
                                      .dash_type = LXW_CHART_LINE_DASH_DASH};
        chart_series_set_line(t, &target_line);
        chart_title_set_name(chart, L(w, charts[i].title));
        chart_axis_set_name(chart->y_axis, L(w, "mg per day"));
        chart_axis_set_num_format(chart->x_axis, "yyyy-mm-dd");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options co = {.x_scale = 1.6, .y_scale = 1.2};
        x = worksheet_insert_chart_opt(ws, (lxw_row_t)(2 + i * 19), 0, chart, &co);
    }
    sheet_print_setup(ws, 0, "&Lkmgca: charts&R&D");
    return x;
}

static lxw_error write_top(kmgca_workbook *w, const kmgca_analysis *a)
{
    lxw_worksheet *ws = w->top;
    worksheet_set_column(ws, 0, 0, 6, NULL);
    worksheet_set_column(ws, 1, 1, 60, NULL);
    worksheet_set_column(ws, 2, 4, 11, NULL);
    lxw_row_t r = 0;
    lxw_error x = worksheet_write_string(
        ws, r++, 0, L(w, "Foods giving most of each mineral over the whole period (rows used only)"),
        w->title);
    static const kmgca_nutrient order[3] = {KMGCA_MG, KMGCA_K, KMGCA_CA};
    for (int i = 0; i < 3 && !x; i++) {
        kmgca_source top[TOP_ROWS];
        size_t n = kmgca_analysis_top(a, order[i], top, TOP_ROWS);
        r++;
        char head[64];
        snprintf(head, sizeof head, "%s", kmgca_nutrient_name(order[i]));
        head[0] = (char)(head[0] - 'a' + 'A');
        x = worksheet_write_string(ws, r++, 0, L(w, head), w->bold);
        static const char *const titles[5] = {"Rank", "Food", "mg", "Share", "Rows"};
        for (int c = 0; c < 5 && !x; c++)
            x = worksheet_write_string(ws, r, (lxw_col_t)c, L(w, titles[c]), w->book.head);
        r++;
        if (!n && !x)
            x = worksheet_write_string(ws, r++, 1, L(w, "(no food gave a value)"), NULL);
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

/* Warning signs for which the About sheet says to see a doctor promptly.
 * Sources: NIH Office of Dietary Supplements, Potassium, Magnesium and
 * Calcium Health Professional Fact Sheets; MedlinePlus Medical Encyclopedia,
 * "Low blood potassium" (hypokalemia). */
static const char *const warning_signs[] = {
    "Muscle weakness that is getting worse, or weakness with trouble breathing",
    "A racing, pounding, skipping or irregular heartbeat; fainting or near-fainting",
    "Chest pain or shortness of breath",
    "Numbness or tingling around the mouth or in the hands and feet, or muscle spasms of the "
    "hands and feet",
    "Confusion, unusual drowsiness, or a seizure",
    "Severe or long-lasting vomiting or diarrhoea, especially while taking a diuretic",
    "Leg cramps that are frequent, severe, or keep you from sleeping, or that began with a new "
    "medicine",
};

/* The About sheet's fixed text: how kmgca works and where its figures come
 * from (each also cited in foodtables/ and targets/PROVENANCE.md). */
static const struct {
    const char *key, *value;
} method_lines[] = {
    {"Matching",
     "Each food text is matched to the built-in tables by its words "
     "(weighted by how rare they are), exact names and aliases, Chinese "
     "names, and spelling correction. A match below confidence 0.60 is "
     "not counted and goes to Needs review."},
    {"Amounts",
     "Mass units convert directly; cups, spoons and pieces use the "
     "food's own USDA household measures; each row's note says which."},
    {"Containers",
     "A bowl, glass, handful or Chinese measure word (碗, 杯, 把, 个) the food's "
     "own measures do not give is weighed by a cited size for that kind of "
     "food, or kmgca's stated judgement; a food written with no amount gets "
     "one typical serving, marked \"serving assumed\" on the Diary sheet."},
    {"Not measured",
     "A blank value in the USDA tables means \"not measured\", never "
     "zero: such a row still counts for the other minerals, and the "
     "day's coverage of that mineral drops. Coverage = share of the "
     "day's rows that gave a value for that mineral."},
    {"Review",
     "A row is not counted, and is listed on Needs review, when its date, "
     "food, amount or unit cannot be used as written."},
};

static const struct {
    const char *key, *value;
} source_lines[] = {
    {"USDA SR28",
     "U.S. Department of Agriculture, Agricultural Research Service. "
     "USDA National Nutrient Database for Standard Reference, Release 28 "
     "(2015, revised May 2016). Public domain."},
    {"FNDDS 2017-2018",
     "USDA ARS Food Surveys Research Group. Food and Nutrient Database for "
     "Dietary Studies 2017-2018. Public domain."},
    {"Taiwan FDA table", KMGCA_TFDA_ATTRIBUTION},
    {"Chinese food names",
     "Chinese names of 122 everyday foods, compiled for kmgca and linked "
     "to SR28 foods; mainland Chinese names as people write them, and "
     "Chinese home dishes as recipes, written for kmgca (foodtables/names_zh.csv, "
     "recipes_zh.csv: a dish's minerals are its ingredients' summed; cooking "
     "losses are not modelled)."},
    {"Serving sizes",
     "US FDA reference amounts customarily consumed (21 CFR 101.12); NIAAA, "
     "what is a standard drink; NHS, 5 A Day portion sizes; Chinese "
     "Nutrition Society, Dietary Guidelines for Chinese Residents 2022 "
     "(standard servings); common retail pack sizes; kmgca's judgement where "
     "no source was found (foodtables/containers.csv and name_portions.csv)."},
    {"US/Canada DRIs",
     "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D; IOM "
     "1997, Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, "
     "Vitamin D, and Fluoride; NASEM 2019, Dietary Reference Intakes for "
     "Sodium and Potassium."},
    {"Chinese DRIs",
     "Chinese Nutrition Society, Chinese Dietary Reference Intakes 2023."},
    {"Daily Values",
     "US food-label Daily Values: calcium 1,300 mg, magnesium 420 mg, "
     "potassium 4,700 mg, sodium 2,300 mg (21 CFR 101.9(c)(8)(iv), 2016 "
     "revision of the Nutrition Facts label)."},
};

static lxw_error about_line(kmgca_workbook *w, lxw_row_t *r, const char *key, const char *value)
{
    value = L(w, value);
    sheet_fit_row(w->about, *r, value, w->book.lang == KMGCA_LANG_ZH ? 55 : 100);
    lxw_error x = key ? sheet_put_text(&w->book, w->about, *r, 0, L(w, key), w->bold) : LXW_NO_ERROR;
    x = x ? x : sheet_put_text(&w->book, w->about, *r, 1, value, w->book.wrap);
    (*r)++;
    return x;
}

static lxw_error write_about(kmgca_workbook *w, const kmgca_analysis *a)
{
    lxw_worksheet *ws = w->about;
    worksheet_set_column(ws, 0, 0, 28, NULL);
    worksheet_set_column(ws, 1, 1, 110, NULL);
    lxw_row_t r = 0;
    char v[1200];
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "kmgca report: calcium, magnesium and "
                                                     "potassium from a food diary"),
                                         w->title);
    r++;
    x = x ? x : about_line(w, &r, "Important",
                           "This workbook estimates intake from what was written in a diary. "
                           "It does not diagnose anything and is not medical advice. Blood "
                           "levels depend on much more than intake; only a blood test can "
                           "show them. Do not start, stop or change a medicine or supplement "
                           "because of this report: talk to your doctor or dietitian.");
    time_t t = (time_t)w->unix_time;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(v, sizeof v, "%Y-%m-%d %H:%M:%S UTC", &tm);
    x = x ? x : about_line(w, &r, "Generated", v);
    snprintf(v, sizeof v, "kmgca %s (libxlsxwriter %s)", kmgca_version(), LXW_VERSION);
    x = x ? x : about_line(w, &r, "Program", v);

    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Inputs"), w->title);
    for (size_t i = 0; i < kmgca_analysis_file_count(a) && !x; i++) {
        kmgca_format f;
        size_t rows;
        const char *path = kmgca_analysis_file(a, i, &f, &rows);
        snprintf(v, sizeof v, L(w, "%s: %zu rows"), L(w, kmgca_format_title(f)), rows);
        x = about_line(w, &r, sheet_file_name(path), v);
    }
    size_t read = kmgca_analysis_rows_read(a), used = kmgca_analysis_rows_used(a),
           review = kmgca_analysis_rows_review(a);
    snprintf(v, sizeof v,
             L(w, "%zu rows read = %zu used + %zu in review (every row is on the Diary sheet; "
                  "rows in review are also on Needs review with the reason and are not counted "
                  "in the day totals)"),
             read, used, review);
    x = x ? x : about_line(w, &r, "Rows", v);
    if (kmgca_analysis_blank_lines(a)) {
        snprintf(v, sizeof v,
                 L(w, kmgca_analysis_blank_lines(a) == 1 ? "%zu blank line skipped (no data)"
                                                         : "%zu blank lines skipped (no data)"),
                 kmgca_analysis_blank_lines(a));
        x = x ? x : about_line(w, &r, "Blank lines", v);
    }
    for (size_t i = 0; i < kmgca_analysis_note_count(a) && !x; i++)
        x = about_line(w, &r, i ? NULL : "Notes on the inputs",
                       w->book.lang == KMGCA_LANG_ZH
                           ? lang_zh_text(kmgca_analysis_note(a, i), v, sizeof v)
                           : kmgca_analysis_note(a, i));
    if (w->notes >= KMGCA_WORKBOOK_NOTE_LIMIT) {
        snprintf(v, sizeof v,
                 L(w, "Cell notes are on the first %d Diary rows only; the column \"How matched "
                      "and weighed\" has every row."),
                 KMGCA_WORKBOOK_NOTE_LIMIT);
        x = x ? x : about_line(w, &r, "Cell notes", v);
    }

    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Targets"), w->title);
    const kmgca_options *o = kmgca_analysis_options(a);
    if (o->profile) {
        const kmgca_profile *p = o->profile;
        snprintf(v, sizeof v, L(w, "%s; age %g; %s%s"),
                 L(w, p->reference == KMGCA_REF_CHINA ? "Chinese DRIs 2023"
                                                      : "US/Canada Dietary Reference Intakes"),
                 p->age_years, L(w, p->sex == 'f' ? "female" : "male"),
                 L(w, p->stage == KMGCA_LIFE_PREGNANT    ? "; pregnant"
                      : p->stage == KMGCA_LIFE_LACTATING ? "; lactating"
                                                         : ""));
    } else {
        snprintf(v, sizeof v, "%s", L(w, "none given: the US food-label Daily Values are used"));
    }
    x = x ? x : about_line(w, &r, "Profile", v);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT && !x; n++) {
        const kmgca_target *tg = kmgca_analysis_target(a, (kmgca_nutrient)n);
        char ul[200] = "";
        if (!isnan(tg->ul_mg) && tg->ul_note[0])
            snprintf(ul, sizeof ul, L(w, "; upper level %g mg (%s)"), tg->ul_mg, tg->ul_note);
        else if (!isnan(tg->ul_mg))
            snprintf(ul, sizeof ul, L(w, "; upper level %g mg"), tg->ul_mg);
        snprintf(v, sizeof v, L(w, "%g mg a day (%s)%s. Source: %s"), tg->target_mg,
                 L(w, tg->kind), ul, tg->source);
        char key[40];
        snprintf(key, sizeof key, "%s target", kmgca_nutrient_name((kmgca_nutrient)n));
        key[0] = (char)(key[0] - 'a' + 'A');
        x = about_line(w, &r, key, v);
    }
    x = x ? x : about_line(w, &r, "Traffic lights",
                           "On Summary, % of target: red under 67 %, amber from 67 % to under "
                           "100 %, green at 100 % or more. Sodium has no traffic light: its "
                           "Daily Value is a limit, not a goal.");
    x = x ? x : about_line(w, &r, "Magnesium upper level",
                           "The magnesium upper level (350 mg for adults) applies to "
                           "supplements and medicines only, never to magnesium in food, so "
                           "food intake is not judged against it (IOM 1997).");

    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Method"), w->title);
    for (size_t i = 0; i < sizeof method_lines / sizeof *method_lines && !x; i++)
        x = about_line(w, &r, method_lines[i].key, method_lines[i].value);
    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Data sources"), w->title);
    for (size_t i = 0; i < sizeof source_lines / sizeof *source_lines && !x; i++)
        x = about_line(w, &r, source_lines[i].key, source_lines[i].value);

    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Supplements"), w->title);
    x = x ? x : about_line(w, &r, "How they count",
                           "Calcium, magnesium and potassium supplements and medicines, in the "
                           "medication lists or the diary, count in the day's intake as mg of "
                           "the element, shown apart from food (Summary: \"from supplements\"). "
                           "A brand counts at its label strength; a salt at its elemental share "
                           "(below); mEq and mmol by the atomic weights; a figure written with "
                           "the element alone (\"calcium 600 mg\", \"含钙600mg\") as the "
                           "element. A Chinese generic with a bare figure (\"钙片 600mg\") is "
                           "not counted: medicine labels there give the salt, health-food "
                           "labels the element. Count x times a day; once a day when no "
                           "frequency is written, said so. Ranges, \"as needed\" and doses not "
                           "taken every day go to review.");
    x = x ? x : about_line(w, &r, "Upper levels",
                           "Magnesium from supplements and medicines over 350 mg a day (IOM "
                           "1997; food not counted; the Chinese DRIs set none, so the IOM level "
                           "is used); total calcium over the reference's upper level (IOM 2011: "
                           "2,500 mg at 19-50, 2,000 mg at 51 and over; Chinese DRIs 2023: "
                           "2,000 mg), or 2,000 mg when no age is given; any potassium "
                           "supplement on a day with a medicine that raises blood potassium. "
                           "Calcium at or over target while magnesium is under 67 % of target "
                           "is flagged as a pattern: calcium is not that day's shortfall.");
    for (size_t i = 0; i < kmgca_salt_count() && !x; i++) {
        const char *name, *src;
        kmgca_nutrient el;
        double frac;
        kmgca_salt_at(i, &name, &el, &frac, &src);
        snprintf(v, sizeof v, L(w, "%s: %.1f %% %s. %s"), name, 100 * frac,
                 L(w, el == KMGCA_CA ? "calcium" : el == KMGCA_MG ? "magnesium" : "potassium"),
                 src);
        x = about_line(w, &r, i ? NULL : "Elemental shares", v);
    }
    {
        /* The label of every product the inputs named, once. */
        size_t shown = 0;
        for (size_t i = 0; i < kmgca_analysis_med_count(a) && !x; i++) {
            const kmgca_supplement *sp = &kmgca_analysis_med(a, i)->supplement;
            if (!sp->recognised || !sp->source || !sp->source[0])
                continue;
            int seen = 0;
            for (size_t k = 0; k < i && !seen; k++) {
                const kmgca_supplement *o2 = &kmgca_analysis_med(a, k)->supplement;
                seen = o2->recognised && !strcmp(o2->product, sp->product);
            }
            if (seen)
                continue;
            snprintf(v, sizeof v, "%s: %s", sp->product, sp->source);
            x = about_line(w, &r, shown++ ? NULL : "Product labels", v);
        }
        for (size_t i = 0; i < analysis_product_count(a) && !x; i++) {
            const char *name, *src;
            analysis_product(a, i, &name, &src);
            snprintf(v, sizeof v, "%s: %s", name, src);
            x = about_line(w, &r, shown++ ? NULL : "Product labels", v);
        }
    }

    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Flags: medications and sweat"), w->title);
    x = x ? x : about_line(w, &r, "What a flag is",
                           "A day is flagged when a medication taken that day is listed as "
                           "lowering or raising potassium, magnesium or calcium (diuretics, "
                           "PPIs, ACE inhibitors, ...), when digoxin meets a day low in "
                           "potassium or magnesium, or on a heavy sweat-loss day. Severity: "
                           "moderate for a drug the table gives high priority, low otherwise; "
                           "raised one step when that day's potassium or magnesium intake is "
                           "under target (for drugs that lower them) or potassium intake is at "
                           "or over target (for drugs that raise it). Flags are hedged and "
                           "say what to discuss; they are not a diagnosis.");
    x = x ? x : about_line(w, &r, "Drug table",
                           "kmgca's drug table (drugtables/), reviewed from a list compiled for "
                           "kmgca from product labels (US/EU prescribing information, "
                           "Warnings and Precautions: electrolytes) and the reviews cited per "
                           "drug; ATC codes from the WHO ATC/DDD index.");
    {
        /* Each distinct source of the medications read, once. */
        size_t n = kmgca_analysis_med_count(a), shown = 0;
        for (size_t i = 0; i < n && !x && shown < 50; i++) {
            const kmgca_drug_match *d = &kmgca_analysis_med(a, i)->match;
            const kmgca_drug *src = d->row ? d->row : d->part_count ? d->part[0] : NULL;
            if (!src || !d->affects_minerals)
                continue;
            int seen = 0;
            for (size_t k = 0; k < i && !seen; k++) {
                const kmgca_drug_match *e = &kmgca_analysis_med(a, k)->match;
                const kmgca_drug *s2 = e->row ? e->row : e->part_count ? e->part[0] : NULL;
                seen = s2 && e->affects_minerals &&
                       strcmp(kmgca_drug_source(s2), kmgca_drug_source(src)) == 0;
            }
            if (seen)
                continue;
            snprintf(v, sizeof v, "%s: %s", d->name, kmgca_drug_source(src));
            x = about_line(w, &r, shown++ ? NULL : "Sources of the medications' effects", v);
        }
    }
    x = x ? x : about_line(w, &r, "Sweat model", kmgca_sweat_model_source());
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT && !x; k++) {
        char key[100];
        snprintf(key, sizeof key, L(w, "Sweat %s (%g mg/L)"),
                 L(w, kmgca_nutrient_name((kmgca_nutrient)k)),
                 kmgca_sweat_mg_per_l((kmgca_nutrient)k));
        x = about_line(w, &r, key, kmgca_sweat_source((kmgca_nutrient)k));
    }
    snprintf(v, sizeof v,
             L(w, "%.1f L of sweat or %.0f %% of body mass in a day. The 2 %% figure is the "
                  "body-mass loss above which %s advises against exercising on; 1.5 L is kmgca's "
                  "own round figure (about 330 mg of potassium at the concentration above)."),
             KMGCA_HEAVY_SWEAT_L, KMGCA_HEAVY_SWEAT_BODY_MASS_PCT, kmgca_heavy_sweat_source());
    x = x ? x : about_line(w, &r, "Heavy sweat-loss day", v);

    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "See a doctor promptly if you have"),
                                       w->title);
    for (size_t i = 0; i < sizeof warning_signs / sizeof *warning_signs && !x; i++)
        x = about_line(w, &r, NULL, warning_signs[i]);
    x = x ? x : about_line(w, &r, "Sources",
                           "NIH Office of Dietary Supplements: Potassium, Magnesium and Calcium "
                           "Health Professional Fact Sheets; MedlinePlus Medical Encyclopedia: "
                           "Low blood potassium.");
    x = x ? x : about_line(w, &r, NULL,
                           "In an emergency (chest pain, fainting, trouble breathing, a "
                           "seizure) call your local emergency number.");
    sheet_print_setup(ws, 0, "&Lkmgca: about this report&R&D");
    return x;
}

kmgca_status kmgca_workbook_finish(kmgca_workbook *w, const kmgca_analysis *a, kmgca_error *err)
{
    if (!w || !a) {
        kmgca_workbook_discard(w);
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no workbook or analysis given");
    }
    if (w->queue) {
        /* The last rows first; the sheets below are written on this thread. */
        kmgca_status st = queue_end(w->queue, 1, err);
        w->queue = NULL;
        if (st != KMGCA_OK) {
            kmgca_workbook_discard(w);
            return st;
        }
    }
    lxw_error x = write_summary(w, a);
    x = x ? x : write_meds(w, a);
    x = x ? x : write_activity(w, a);
    x = x ? x : write_charts(w, a);
    x = x ? x : write_top(w, a);
    x = x ? x : write_about(w, a);
    if (!x) {
        sheet_table_end(&w->diary);
        sheet_table_end(&w->review);
        worksheet_activate(w->front_count ? w->front[0] : w->summary);
        sheet_set_page_text(w->book.wb, w->page_header, w->page_footer);
        lxw_doc_properties props = {
            .title = "kmgca report",
            .subject = "Daily calcium, magnesium and potassium intake from a food diary",
            .author = "kmgca",
            .category = "Nutrition",
            .keywords = "calcium, magnesium, potassium, sodium, food diary",
            .comments = "Estimated from a food diary with the USDA SR28 and FNDDS tables "
                        "and the Taiwan FDA Food Nutrient Database (OGDL-Taiwan-1.0, "
                        "data.gov.tw/license). Not medical advice.",
            .created = (time_t)w->unix_time,
        };
        x = workbook_set_properties(w->book.wb, &props);
    }
    if (x) {
        kmgca_status st = sheet_fail(&w->book, err, x, "summary sheets");
        kmgca_workbook_discard(w);
        return st;
    }
    kmgca_status st = sheet_book_commit(&w->book, "the workbook", err);
    free(w);
    return st;
}

/* ---- For report.c ------------------------------------------------------- */


struct lxw_workbook *workbook_lxw(kmgca_workbook *w)
{
    return w ? w->book.wb : NULL;
}

struct lxw_worksheet *workbook_front_sheet(kmgca_workbook *w, size_t i)
{
    return w && i < w->front_count ? w->front[i] : NULL;
}

void workbook_set_page_text(kmgca_workbook *w, const char *header, const char *footer)
{
    if (!w)
        return;
    copy_text(w->page_header, sizeof w->page_header, header ? header : "");
    copy_text(w->page_footer, sizeof w->page_footer, footer ? footer : "");
}
