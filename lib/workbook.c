/* workbook.c — the annotated .xlsx report, written with libxlsxwriter
 * through the sheet layer (sheet.c: cells, formats, notes, print set-up,
 * continued sheets, the temporary file renamed when complete): the object,
 * the rows of Diary and Needs review and the thread that writes them, and
 * finishing.
 *
 * Sheets, in order: Summary, Diary, Needs review, Medications, Activity &
 * sweat, Charts, Top sources, About. Diary and Needs review are written row
 * by row as the diary streams by (constant-memory mode: one row of each
 * sheet in memory); the others are written at the end from the day totals
 * (workbook_sheets.c, workbook_about.c). A sheet holds 1,048,576 rows: past
 * that, rows continue on "Diary (2)", "Needs review (2)", ... which
 * libxlsxwriter can only place after About.
 */
#include "msg_phrases.h"
#include "workbook.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DIARY_FILE, DIARY_LINE, DIARY_DATE, DIARY_TIME, DIARY_MEAL, DIARY_FOOD, DIARY_AMOUNT,
       DIARY_UNIT, DIARY_MATCH, DIARY_SOURCE, DIARY_ID, DIARY_CONF, DIARY_GRAMS, DIARY_CA,
       DIARY_MG, DIARY_K, DIARY_NA, DIARY_STATUS, DIARY_HOW, DIARY_COLS };

static const sheet_column diary_cols[DIARY_COLS] = {
    {MSG_FILE, 14}, {MSG_LINE, 7}, {MSG_DATE, 11}, {MSG_TIME, 8}, {MSG_MEAL, 11},
    {MSG_FOOD_AS_WRITTEN, 30}, {MSG_AMOUNT, 9}, {MSG_UNIT, 10}, {MSG_MATCHED_FOOD, 40},
    {MSG_SOURCE, 7}, {MSG_FOOD_ID, 9}, {MSG_CONFIDENCE, 10}, {MSG_GRAMS, 8}, {MSG_CA_MG, 8},
    {MSG_MG_MG, 8}, {MSG_K_MG, 8}, {MSG_NA_MG, 8}, {MSG_STATUS, 9},
    {MSG_HOW_MATCHED_AND_WEIGHED, 70},
};

enum { REVIEW_FILE, REVIEW_LINE, REVIEW_DATE, REVIEW_FOOD, REVIEW_AMOUNT, REVIEW_UNIT,
       REVIEW_REASON, REVIEW_ORIGINAL, REVIEW_COLS };

static const sheet_column review_cols[REVIEW_COLS] = {
    {MSG_FILE, 14}, {MSG_LINE, 7}, {MSG_DATE_AS_WRITTEN, 14}, {MSG_FOOD_AS_WRITTEN, 30},
    {MSG_AMOUNT, 9}, {MSG_UNIT, 10}, {MSG_REASON, 60}, {MSG_ROW_AS_READ, 60},
};


struct row_queue;
static kmgca_status queue_end(struct row_queue *q, int write_rest, kmgca_error *err);


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
    if (sheet_book_open(&w->book, path, lang, 1, err) != KMGCA_OK) {
        free(w);
        return NULL;
    }
    lxw_workbook *wb = w->book.wb;
    w->book.head = sheet_format(wb, &(sheet_style){.bold = 1, .fill = 0xDCE6F1, .wrap = 1});
    format_set_bottom(w->book.head, LXW_BORDER_THIN);
    w->title = sheet_format(wb, &(sheet_style){.bold = 1, .size = 14});
    w->bold = sheet_format(wb, &(sheet_style){.bold = 1, .top = 1});
    w->book.wrap = sheet_format(wb, &(sheet_style){.wrap = 1, .top = 1});
    w->date = sheet_format(wb, &(sheet_style){.num = "yyyy-mm-dd"});
    w->pct = sheet_format(wb, &(sheet_style){.num = "0%"});
    w->mg0 = sheet_format(wb, &(sheet_style){.num = "#,##0"});
    w->num1 = sheet_format(wb, &(sheet_style){.num = "#,##0.0"});
    static const uint32_t fills[STYLE_COUNT] = {0, 0xFFEB9C, 0xEDEDED};
    for (int s = 0; s < STYLE_COUNT; s++) {
        sheet_style row = {.fill = fills[s], .italic = s == STYLE_REVIEW};
        w->text[s] = s ? sheet_format(wb, &row) : NULL;
        row.num = "0";
        w->int0[s] = sheet_format(wb, &row);
        row.num = "0.00";
        w->num2[s] = sheet_format(wb, &row);
        row.num = "#,##0.0";
        w->mg[s] = sheet_format(wb, &row);
    }
    w->red = sheet_format(wb, &(sheet_style){.fill = 0xFFC7CE, .color = 0x9C0006});
    w->amber = sheet_format(wb, &(sheet_style){.fill = 0xFFEB9C, .color = 0x9C5700});
    w->green = sheet_format(wb, &(sheet_style){.fill = 0xC6EFCE, .color = 0x006100});

    /* Printed Diary pages leave out the long "How" column: each matched
     * food's note and the screen keep it. */
    w->diary = (sheet_table){MSG_DIARY, "&Lkmgca: diary rows&R&D", diary_cols, DIARY_COLS,
                       DIARY_STATUS + 1, DIARY_COLS, NULL, 0, 0};
    w->review = (sheet_table){MSG_NEEDS_REVIEW, "&Lkmgca: rows that need review&R&D", review_cols,
                        REVIEW_COLS, REVIEW_COLS, REVIEW_REASON, NULL, 0, 0};
    int front_ok = 1;
    for (size_t i = 0; i < front_count; i++) {
        w->front[i] = workbook_add_worksheet(wb, front[i]);
        front_ok &= w->front[i] != NULL;
    }
    w->front_count = front_count;
    w->summary = workbook_add_worksheet(wb, L(w, MSG_SUMMARY));
    sheet_table_add(&w->book, &w->diary);
    sheet_table_add(&w->book, &w->review);
    w->meds = workbook_add_worksheet(wb, L(w, MSG_MEDICATIONS));
    w->activity = workbook_add_worksheet(wb, L(w, MSG_ACTIVITY_AND_SWEAT));
    w->charts = workbook_add_worksheet(wb, L(w, MSG_CHARTS));
    w->top = workbook_add_worksheet(wb, L(w, MSG_TOP_SOURCES));
    w->about = workbook_add_worksheet(wb, L(w, MSG_ABOUT));
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

/* The Diary row's Status cell. */
static const char *diary_status(const kmgca_workbook *w, const kmgca_entry *e)
{
    return L(w, e->review             ? MSG_STATUS_REVIEW
                : e->export_kept     ? MSG_STATUS_USED_EXPORT
                : e->supplement      ? MSG_STATUS_USED_SUPPLEMENT
                : e->serving_assumed ? MSG_STATUS_USED_ASSUMED
                                     : MSG_STATUS_USED);
}

/* The "How matched and weighed" cell, from e's how and review in the
 * workbook's language. A mass written in grams and used as written needs no
 * explanation: the column stays empty (the note, the Amount and Unit
 * columns say it). */
static void diary_how(const kmgca_workbook *w, const kmgca_entry *e, const char *e_how,
                      const char *e_review, char *how, size_t size)
{
    static const char plain[] = PH_G_AS_WRITTEN;
    size_t hl = strlen(e->how), pl = sizeof plain - 1;
    int as_written = !e->review && hl > pl && strcmp(e->how + hl - pl, plain) == 0 &&
                     !strchr(e->how, ';');
    int zh = w->book.lang == KMGCA_LANG_ZH;
    if (as_written)
        how[0] = '\0';
    else
        snprintf(how, size, "%s%s%s%s%s",
                 e->food ? L(w, msg_method(e->method)) : "",
                 e->food && e->how[0] ? zh ? "：" : ": " : "", e_how,
                 e->review && (e->food || e->how[0]) ? L(w, MSG_SEMICOLON) : "",
                 e->review ? L(w, MSG_HOW_NEEDS_REVIEW) : "");
    if (e->review)
        sheet_append(how, size, e_review);
}

/* A recipe's ingredients for the note: "Recipe, one serving (...): rice
 * 150 g, egg 50 g." */
static void note_recipe(const kmgca_workbook *w, const kmgca_food *food, char *note, size_t size)
{
    int zh = w->book.lang == KMGCA_LANG_ZH;
    sheet_append(note, size, L(w, MSG_NOTE_RECIPE));
    for (size_t i = 0; i < kmgca_food_ingredient_count(food); i++) {
        double g;
        char part[160], grams[32];
        const char *name = kmgca_food_ingredient(food, i, NULL, &g);
        snprintf(grams, sizeof grams, " %.0f g", g);
        /* the name whole or not at all: never cut inside a character */
        if (strlen(name) + strlen(grams) + 3 >= sizeof part)
            name = "…";
        snprintf(part, sizeof part, zh ? "%s%s%s" : "%s %s%s", i ? zh ? "、" : "," : "", name,
                 grams);
        sheet_append(note, size, part);
    }
    sheet_append(note, size, L(w, MSG_FULL_STOP));
}

/* The note on a Diary row's matched food: the match, how it was weighed,
 * the review, the attribution and a recipe's ingredients ("" when none). */
static void diary_note(const kmgca_workbook *w, const kmgca_entry *e, const char *e_how,
                       const char *e_review, char *note, size_t size)
{
    note[0] = '\0';
    if (e->food)
        snprintf(note, size, L(w, MSG_NOTE_MATCHED),
                 kmgca_food_description(e->food), kmgca_food_source(e->food),
                 kmgca_food_id(e->food), L(w, msg_method(e->method)),
                 e->confidence);
    if (e->how[0]) {
        sheet_append(note, size, e_how);
        sheet_append(note, size, L(w, MSG_FULL_STOP));
    }
    /* The review and the attribution first: a long recipe may fill the
     * note, and they must not be the part cut off. */
    if (e->review) {
        sheet_append(note, size,
                     L(w, note[0] ? MSG_NOTE_NEEDS_REVIEW_NEXT : MSG_NOTE_NEEDS_REVIEW));
        sheet_append(note, size, e_review);
    }
    /* The attribution: the licence is named whole; About has the full text. */
    if (e->food && kmgca_food_attribution(e->food))
        sheet_append(note, size, L(w, MSG_NOTE_TFDA_DATA));
    if (e->food && kmgca_food_ingredient_count(e->food))
        note_recipe(w, e->food, note, size);
}

/* e's row on Diary, every row read; its how and review in the workbook's
 * language. */
static kmgca_status write_diary_row(kmgca_workbook *w, const kmgca_entry *e, const char *e_how,
                                    const char *e_review, kmgca_error *err)
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
    const kmgca_food *food = e->food;
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_MATCH,
                               food ? kmgca_food_description(food) : NULL, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_SOURCE,
                               food ? kmgca_food_source(food) : NULL, t);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_ID, food ? kmgca_food_id(food) : NULL, t);
    /* Shown to 0.1 mg, 0.1 g and 0.01 of confidence: finer digits mean
     * nothing in a food table, and cost time and space in the file. */
    x = x ? x : sheet_put_number(ws, r, DIARY_CONF, round(e->confidence * 100) / 100,
                                 w->num2[style]);
    x = x ? x : sheet_put_number(ws, r, DIARY_GRAMS, round(e->grams * 10) / 10, w->int0[style]);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT && !x; n++)
        x = sheet_put_number(ws, r, (lxw_col_t)(DIARY_CA + n), round(e->mg[n] * 10) / 10,
                             w->mg[style]);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_STATUS, diary_status(w, e), t);
    char how[2200];
    diary_how(w, e, e_how, e_review, how, sizeof how);
    x = x ? x : sheet_put_text(&w->book, ws, r, DIARY_HOW, how, t);
    if (!x && w->notes < KMGCA_WORKBOOK_NOTE_LIMIT) {
        char note[2600];
        diary_note(w, e, e_how, e_review, note, sizeof note);
        if (note[0]) {
            x = sheet_put_note(&w->book, ws, r, DIARY_MATCH, note, 3, 2);
            w->notes++;
        }
    }
    return x ? sheet_fail(&w->book, err, x, "Diary") : KMGCA_OK;
}

/* e's row on Needs review, with the reason in the workbook's language. */
static kmgca_status write_review_row(kmgca_workbook *w, const kmgca_entry *e,
                                     const char *e_review, kmgca_error *err)
{
    lxw_row_t r;
    kmgca_status st = sheet_table_next_row(&w->book, &w->review, &r, err);
    if (st != KMGCA_OK)
        return st;
    lxw_worksheet *ws = w->review.ws;
    unsigned lines = sheet_wrapped_lines(e_review, 55, SHEET_CHARS);
    unsigned more = sheet_wrapped_lines(e->original, 55, SHEET_CHARS);
    if (more > lines)
        lines = more;
    if (lines > 1)
        worksheet_set_row(ws, r, 15.0 * lines, NULL);
    lxw_error x = sheet_put_text(&w->book, ws, r, REVIEW_FILE, sheet_file_name(e->file), NULL);
    x = x ? x : worksheet_write_number(ws, r, REVIEW_LINE, (double)e->line, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_DATE, e->date_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_FOOD, e->food_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_AMOUNT, e->amount_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_UNIT, e->unit_text, NULL);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_REASON, e_review, w->book.wrap);
    x = x ? x : sheet_put_text(&w->book, ws, r, REVIEW_ORIGINAL, e->original, w->book.wrap);
    return x ? sheet_fail(&w->book, err, x, "Needs review") : KMGCA_OK;
}

static kmgca_status write_entry(kmgca_workbook *w, const kmgca_entry *e, kmgca_error *err)
{
    /* In Chinese, kmgca's own phrases of how and review (lang_zh_text). */
    int zh = w->book.lang == KMGCA_LANG_ZH;
    char how_zh[2200], review_zh[1600];
    const char *e_how = zh ? lang_zh_text(e->how, how_zh, sizeof how_zh) : e->how;
    const char *e_review = zh && e->review ? lang_zh_text(e->review, review_zh, sizeof review_zh)
                                           : e->review;
    kmgca_status st = write_diary_row(w, e, e_how, e_review, err);
    if (st != KMGCA_OK || !e->review)
        return st;
    return write_review_row(w, e, e_review, err);
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
    lxw_error x = workbook_write_summary(w, a);
    x = x ? x : workbook_write_meds(w, a);
    x = x ? x : workbook_write_activity(w, a);
    x = x ? x : workbook_write_charts(w, a);
    x = x ? x : workbook_write_top(w, a);
    x = x ? x : workbook_write_about(w, a);
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
    kmgca_status st = sheet_book_commit(&w->book, x, "summary sheets", "the workbook", err);
    free(w);
    return st;
}

/* ---- For report.c ------------------------------------------------------- */


struct sheet_book *workbook_book(kmgca_workbook *w)
{
    return w ? &w->book : NULL;
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
