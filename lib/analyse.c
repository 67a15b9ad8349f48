/* analyse.c — diary rows to days: match, weigh, sum, and keep every row.
 *
 * Each row read becomes one kmgca_entry handed to the caller's callback as
 * it streams by (so a workbook can be written in constant memory), and is
 * either used (counted in its day) or sent to review with a reason. Nothing
 * else is kept per row: memory grows with the number of days and distinct
 * foods, not with the number of rows.
 *
 * A row needs review, and is not counted, when: its date is missing,
 * invalid or ambiguous; it has no food or no amount; no food matches, or the
 * best match is below KMGCA_LOW_CONFIDENCE; the amount or unit cannot be
 * turned into grams of that food; an export's value is not a number; or it
 * has more fields than the header names. A nutrient the table has no value
 * for ("not measured") does not send a row to review; it lowers the day's
 * coverage of that nutrient instead.
 */
#include "internal.h"
#include "table.h"
#include "msg.h"
#include "msg_phrases.h"
#include "weigh_memo.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_NOTES 64
/* The most of one mineral an export's row may give: 1 kg is already far
 * past any day's intake, so more is a broken value, never summed. */
#define EXPORT_MG_MAX 1000000.0
#define SERVING_TEXT_MAX 256  /* bytes of an amount or unit field, with its NUL */
#define FOOD_TEXT_SIZE 1024   /* bytes of a food field, with its NUL */

/* A day as it is summed: 136 bytes, since a long diary has many days. What
 * kmgca_day adds (the date as text, percentages, coverage, the medication
 * lists' supplements) is worked out when asked for. */
typedef struct {
    int32_t day;
    uint32_t rows, rows_review, rows_assumed; /* used = rows - review */
    uint32_t rows_supplement;             /* used supplement rows (no food values) */
    uint32_t known[KMGCA_NUTRIENT_COUNT]; /* rows that gave a value */
    double mg[KMGCA_NUTRIENT_COUNT];      /* food; NaN until a row gives a value */
    double supp[KMGCA_NA];                /* Ca, Mg, K from supplement rows */
    double kept[KMGCA_NUTRIENT_COUNT];    /* of mg and supp: export values kept */
    uint32_t rows_export, rows_kept;      /* rows of an export read with --recompute;
                                             of those, rows whose values were kept */
} day_acc;

typedef struct {
    const char *path;
    kmgca_format format;
    size_t rows;
} file_info;

struct kmgca_analysis {
    kmgca_foods *foods;
    kmgca_options opt;
    kmgca_profile profile;
    kmgca_target targets[KMGCA_NUTRIENT_COUNT];
    day_acc *days;
    size_t day_count, day_cap, last_day;
    size_t rows_read, rows_used, rows_review, blank_lines;
    char *notes[MAX_NOTES];
    size_t note_count;
    file_info *files;
    size_t file_count, file_cap;
    top_table *top;           /* what each food gave (top.c) */
    arena strings;
    kmgca_date_order learned; /* the date order the last diary proved, if any */
    diary_supps *supps;       /* supplements the diaries named (diary_supp.c) */
    care_meds *meds;          /* medication lists (meds.c) */
    care_activity *activity;  /* activity logs (activity.c) */
};

/* ---- Set-up ------------------------------------------------------------- */

kmgca_analysis *kmgca_analysis_new(kmgca_foods *foods, const kmgca_options *options,
                                   kmgca_error *err)
{
    if (!foods) {
        kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food tables given");
        return NULL;
    }
    kmgca_analysis *a = calloc(1, sizeof *a);
    if (!a) {
        kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        return NULL;
    }
    a->foods = foods;
    if (!(a->meds = meds_new()) || !(a->activity = activity_new()) || !(a->top = top_new()) ||
        !(a->supps = diary_supps_new())) {
        kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        kmgca_analysis_free(a);
        return NULL;
    }
    if (options)
        a->opt = *options;
    if (a->opt.profile) {
        a->profile = *a->opt.profile;
        a->opt.profile = &a->profile;
    }
    if (a->opt.format < 0 || a->opt.format >= KMGCA_FORMAT_COUNT) {
        kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "unknown diary format");
        kmgca_analysis_free(a);
        return NULL;
    }
    if (a->opt.encoding)
        a->opt.encoding = arena_strdup(&a->strings, a->opt.encoding);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        if (kmgca_target_for(a->opt.profile, (kmgca_nutrient)n, &a->targets[n], err) !=
            KMGCA_OK) {
            kmgca_analysis_free(a);
            return NULL;
        }
    return a;
}

/* For report.c: a target the client profile sets replaces the reference's
 * (the upper level and its note are kept). */
void analysis_set_target(kmgca_analysis *a, kmgca_nutrient n, double target_mg,
                         const char *kind, const char *source)
{
    if (a && n >= 0 && n < KMGCA_NUTRIENT_COUNT && target_mg > 0) {
        a->targets[n].target_mg = target_mg;
        a->targets[n].kind = kind;
        a->targets[n].source = source;
    }
}

void kmgca_analysis_free(kmgca_analysis *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->note_count; i++)
        free(a->notes[i]);
    free(a->days);
    free(a->files);
    top_free(a->top);
    diary_supps_free(a->supps);
    meds_free(a->meds);
    activity_free(a->activity);
    arena_free(&a->strings);
    free(a);
}

static void add_note(kmgca_analysis *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add_note(kmgca_analysis *a, const char *fmt, ...)
{
    if (a->note_count >= MAX_NOTES)
        return;
    char buf[600] = "";
    va_list ap;
    va_start(ap, fmt);
    vappendf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < a->note_count; i++)
        if (strcmp(a->notes[i], buf) == 0)
            return;
    char *copy = strdup(buf);
    if (copy)
        a->notes[a->note_count++] = copy;
}

/* ---- Days --------------------------------------------------------------- */

static day_acc *day_get(kmgca_analysis *a, int32_t day)
{
    if (a->last_day < a->day_count && a->days[a->last_day].day == day)
        return &a->days[a->last_day];
    size_t lo = 0, hi = a->day_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->days[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->day_count && a->days[lo].day == day) {
        a->last_day = lo;
        return &a->days[lo];
    }
    if (a->day_count == a->day_cap) {
        size_t cap = a->day_cap ? a->day_cap * 2 : 64;
        day_acc *nd = realloc(a->days, cap * sizeof *nd);
        if (!nd)
            return NULL;
        a->days = nd;
        a->day_cap = cap;
    }
    memmove(&a->days[lo + 1], &a->days[lo], (a->day_count - lo) * sizeof *a->days);
    a->day_count++;
    day_acc *d = &a->days[lo];
    memset(d, 0, sizeof *d);
    d->day = day;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        d->mg[n] = NAN;
    a->last_day = lo;
    return d;
}

/* ---- Top sources (top.c) ------------------------------------------------ */

size_t kmgca_analysis_top(const kmgca_analysis *a, kmgca_nutrient n, kmgca_source *out,
                          size_t max)
{
    if (!a || n < 0 || n >= KMGCA_NUTRIENT_COUNT || !out || !max)
        return 0;
    return top_list(a->top, n, out, max);
}

/* ---- Reading one file --------------------------------------------------- */

typedef struct {
    kmgca_analysis *a;
    const char *path;
    kmgca_entry_fn fn;
    void *ud;
    table_reader t;           /* the file, read as a table */
    kmgca_format format;      /* told from its header */
    int decimal_comma;        /* ';'-separated: "1,5" is 1.5 */
    kmgca_date_order order;
    int scanned;
    size_t rows;
    int parts_noted;          /* a line of several foods was said in the notes */
    const char *part_serving; /* the serving of a part with none written (milk on
                                 cereal: "1 pour"), or NULL */
    weigh_memo *memo;         /* weighings made in this file (weigh_memo.c) */
    char how[1024];
    char review[1024];
    char original[4096];
} read_state;

/* Adds a reason to review (reasons are joined with "; "). */
static void need_review(read_state *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void need_review(read_state *s, const char *fmt, ...)
{
    if (s->review[0])
        appendf(s->review, sizeof s->review, "; ");
    va_list ap;
    va_start(ap, fmt);
    vappendf(s->review, sizeof s->review, fmt, ap);
    va_end(ap);
}

/* The row as it was read, fields joined by the file's delimiter and quoted
 * where needed. */
static const char *rebuild(read_state *s, const csv_row *row)
{
    char *o = s->original;
    size_t size = sizeof s->original, len = 0;
    o[0] = '\0';
    for (size_t i = 0; i < row->count && len + 8 < size; i++) {
        const char *f = row->fields[i];
        int quote = strchr(f, s->t.delim) || strchr(f, '"') || strchr(f, '\n') ||
                    strchr(f, '\r');
        if (i)
            o[len++] = s->t.delim;
        if (quote)
            o[len++] = '"';
        for (; *f && len + 4 < size; f++) {
            if (*f == '"')
                o[len++] = '"';
            o[len++] = *f;
        }
        if (quote)
            o[len++] = '"';
        o[len] = '\0';
    }
    if (len + 8 >= size)
        copy_text(o + size - 8, 8, " ...");
    /* A cut may have split a character: trim to a boundary. */
    o[size - 1] = '\0';
    if (!utf8_valid(o, strlen(o))) {
        size_t end = strlen(o);
        while (end > 0 && !utf8_valid(o, end))
            end--;
        o[end] = '\0';
    }
    return o;
}

static const char *trim(const char *s, char *buf, size_t size)
{
    while (*s == ' ' || *s == '\t')
        s++;
    copy_text(buf, size, s);
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\r' ||
                     buf[n - 1] == '\n'))
        buf[--n] = '\0';
    return buf;
}

/* The date-order scan: the file read again, as the diary was, for the
 * first date that proves an order. */
typedef struct {
    kmgca_format format;      /* the file's, known from the first read */
    kmgca_date_order found;
} order_scan;

static kmgca_status scan_header(table_reader *t, const csv_row *header, void *ud,
                                kmgca_error *err)
{
    order_scan *sc = ud;
    kmgca_format format;
    return diary_header(t, header, sc->format, &format, err);
}

static kmgca_status scan_row(const table_reader *t, const csv_row *row, void *ud,
                             kmgca_error *err)
{
    order_scan *sc = ud;
    (void)err;
    int32_t day;
    kmgca_date_order implied;
    date_parse(table_field(t, row, COL_DATE), KMGCA_DATE_ORDER_AUTO, &day, &implied, NULL, 0);
    if (implied != KMGCA_DATE_ORDER_AUTO) {
        sc->found = implied;
        return KMGCA_ERROR_LIMIT; /* found: stop reading */
    }
    return KMGCA_OK;
}

/* The date of a row; ambiguous forms are settled by the file's other dates. */
static int row_date(read_state *s, const char *text, int32_t *day, unsigned long line)
{
    char why[200];
    kmgca_date_order implied;
    date_result r = date_parse(text, s->order, day, &implied, why, sizeof why);
    if (r == DATE_OK && implied != KMGCA_DATE_ORDER_AUTO && s->order == KMGCA_DATE_ORDER_AUTO) {
        s->order = implied;
        add_note(s->a, "%s%s" PH_LINE "%lu: \"%s\")", s->path,
                 implied == KMGCA_DATE_ORDER_DMY ? PH_DATES_DMY : PH_DATES_MDY, line, text);
    }
    if (r == DATE_AMBIGUOUS && !s->scanned) {
        /* Look further into the file for a date that settles the order. */
        s->scanned = 1;
        order_scan sc = {s->format, KMGCA_DATE_ORDER_AUTO};
        table_reader t = {.path = s->path, .encoding = s->a->opt.encoding,
                          .on_header = scan_header, .on_row = scan_row, .ud = &sc, .empty = ""};
        kmgca_error scan_err;
        table_read(&t, &scan_err);
        if (sc.found != KMGCA_DATE_ORDER_AUTO) {
            s->order = sc.found;
            add_note(s->a, "%s%s" PH_AS_UNAMBIGUOUS_DATES_SHOW, s->path,
                     sc.found == KMGCA_DATE_ORDER_DMY ? PH_DATES_DMY : PH_DATES_MDY);
            r = date_parse(text, s->order, day, NULL, why, sizeof why);
        }
    }
    if (r != DATE_OK) {
        need_review(s, PH_DATE "%s", why);
        return 0;
    }
    return 1;
}

/* Food text and serving text to a matched, weighed row (kmgca_weigh, as
 * every door does it); a NULL serving: match only (the amount is already
 * known to be unusable). */
static void weigh(read_state *s, kmgca_entry *e, const char *food_text, const char *serving_text)
{
    kmgca_error err;
    kmgca_error_clear(&err);
    if (!food_text[0]) {
        need_review(s, PH_NO_FOOD_GIVEN);
        return;
    }
    kmgca_weighing w;
    kmgca_status st;
    if (!serving_text) {
        memset(&w, 0, sizeof w);
        st = kmgca_foods_match(s->a->foods, food_text, &w.match, &err);
        copy_text(w.food_text, sizeof w.food_text, food_text);
    } else if (weigh_memo_find(s->memo, food_text, serving_text, &w)) {
        st = KMGCA_OK; /* the same texts weighed before in this file */
    } else {
        st = kmgca_weigh(s->a->foods, food_text, serving_text, &w, &err);
        if (st == KMGCA_OK)
            weigh_memo_keep(&s->memo, food_text, serving_text, &w);
    }
    const kmgca_match *m = &w.match;
    if (st == KMGCA_ERROR_NO_MATCH || !m->food) {
        /* (a closest food at under 0.05, named by one word: "com" of
         * "example.com", says nothing) */
        if (st == KMGCA_ERROR_NO_MATCH && m->candidate_count &&
            m->candidate_confidence[0] >= 0.05)
            need_review(s, PH_NO_FOOD_MATCHES "\"%s\"" PH_CLOSEST "\"%s\", %.2f)",
                        w.food_text, kmgca_food_description(m->candidates[0]),
                        m->candidate_confidence[0]);
        else if (st == KMGCA_ERROR_NO_MATCH && strstr(err.message, PH_NOT_EATEN))
            need_review(s, PH_FOOD "%s", err.message); /* "我妈不爱喝牛奶": not eaten */
        else if (st == KMGCA_ERROR_NO_MATCH)
            need_review(s, PH_NO_FOOD_MATCHES "\"%s\"", w.food_text);
        else
            need_review(s, PH_FOOD "%s", err.message);
        return;
    }
    e->food = m->food;
    e->confidence = m->confidence;
    e->method = m->method;
    if (m->confidence < KMGCA_LOW_CONFIDENCE)
        need_review(s, PH_LOW_CONFIDENCE "%.2f" PH_MATCHED_TO "\"%s\"" PH_CHECK_THE_FOOD,
                    m->confidence, kmgca_food_description(m->food));
    if (!serving_text)
        return;
    if (st == KMGCA_ERROR_AMOUNT) {
        need_review(s, PH_AMOUNT "%s", err.message); /* the message quotes the text */
        return;
    }
    if (st != KMGCA_OK) {
        need_review(s, "%s", err.message);
        return;
    }
    if (w.serving_assumed && s->a->opt.strict) {
        need_review(s, PH_NO_AMOUNT_STRICT "%.0f g", w.grams);
        return;
    }
    e->grams = w.grams;
    e->serving_assumed = w.serving_assumed;
    if (!s->how[0] && !(w.serving_from_food && !w.serving_assumed))
        copy_text(s->how, sizeof s->how, w.how); /* most rows: as it stands */
    else
        appendf(s->how, sizeof s->how, "%s%s%s", s->how[0] ? "; " : "", w.how,
                w.serving_from_food && !w.serving_assumed ? PH_AMOUNT_FROM_FOOD_TEXT : "");
    int missing = 0;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        e->mg[n] = kmgca_food_mg(m->food, (kmgca_nutrient)n, w.grams);
        if (isnan(e->mg[n]))
            appendf(s->how, sizeof s->how, "%s%s", missing++ ? ", " : PH_NOT_MEASURED_IN_FOOD,
                    kmgca_nutrient_name((kmgca_nutrient)n));
    }
}

size_t analysis_product_count(const kmgca_analysis *a)
{
    return a ? diary_supps_product_count(a->supps) : 0;
}

void analysis_product(const kmgca_analysis *a, size_t i, const char **name, const char **source)
{
    diary_supps_product(a->supps, i, name, source);
}

/* A supplement or medicine written in the diary ("Caltrate 600+D 1 tablet",
 * "钙片 2片", "magnesium glycinate 200mg"): its elemental Ca, Mg and K count
 * apart from food. 0 when the row names none (then it is food). */
static int supplement_row(read_state *s, kmgca_entry *e, const char *food, const char *serving)
{
    kmgca_supplement sp;
    if (!diary_supps_read(s->a->supps, food, serving, &sp))
        return 0;
    e->supplement = 1;
    if (sp.review[0]) {
        need_review(s, "supplement (%s) " PH_NOT_COUNTED "%s", sp.product, sp.review);
        return 1;
    }
    for (int n = 0; n < KMGCA_NA; n++)
        e->mg[n] = sp.mg[n];
    diary_supps_keep_product(s->a->supps, sp.product, sp.source);
    appendf(s->how, sizeof s->how, PH_SUPPLEMENT_APART "%s", sp.how);
    if (sp.source && sp.source[0])
        appendf(s->how, sizeof s->how, PH_SOURCE "%s)", sp.source);
    utf8_trim_end(s->how);
    return 1;
}

/* Values an export carries, column by column. */
static void export_values(read_state *s, kmgca_entry *e, const csv_row *row, int ca_is_percent)
{
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        if (s->t.col[COL_CA + n] < 0)
            continue;
        const char *text = table_field(&s->t, row, COL_CA + n);
        double v;
        int r = diary_export_number(text, s->decimal_comma, &v);
        const char *title = msg_text(KMGCA_LANG_EN, msg_nutrient_title((kmgca_nutrient)n));
        if (r < 0 || (r > 0 && v < 0)) {
            need_review(s, "%s \"%s\" is not an amount", title, text);
            continue;
        }
        if (r > 0 && v > EXPORT_MG_MAX) {
            need_review(s, "%s \"%s\" is above %.0f mg: not a plausible value for one row",
                        title, text, EXPORT_MG_MAX);
            continue;
        }
        if (r == 0)
            continue;
        if (n == KMGCA_CA && ca_is_percent) {
            appendf(s->how, sizeof s->how, PH_CALCIUM "%g%s", v, PH_PCT_OF_DAILY_VALUE);
            continue;
        }
        e->mg[n] = v;
    }
}

/* --recompute: a row kmgca could not match or weigh keeps the export's own
 * values, so the day never shrinks silently; `how` says why. */
static void keep_export(read_state *s, kmgca_entry *e, const csv_row *row)
{
    char why[sizeof s->review];
    copy_text(why, sizeof why, s->review);
    s->review[0] = '\0';
    s->how[0] = '\0';
    e->export_kept = 1;
    e->grams = NAN;
    e->serving_assumed = 0;
    if (!e->supplement) {
        e->food = NULL;
        e->confidence = NAN;
        e->method = KMGCA_MATCH_NONE;
    }
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        e->mg[n] = NAN;
    appendf(s->how, sizeof s->how, PH_EXPORT_VALUE_KEPT "%s", why);
    utf8_trim_end(s->how);
    export_values(s, e, row, 0);
}

/* "1,5" -> "1.5" in a ';' file's amount (a comma between digits). */
static void decimal_point(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == ',' && p > s && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' && p[1] <= '9')
            *p = '.';
}

/* What the header tells of the file, said once in the notes. */
static void note_format(const read_state *s)
{
    kmgca_analysis *a = s->a;
    switch (s->format) {
    case KMGCA_FORMAT_CRONOMETER_SERVINGS:
        if (a->opt.recompute)
            add_note(a, "%s" PH_CRONOMETER_RECOMPUTED, s->path);
        else
            add_note(a, "%s" PH_CRONOMETER_SERVINGS, s->path);
        break;
    case KMGCA_FORMAT_CRONOMETER_DAILY:
        add_note(a, "%s" PH_CRONOMETER_DAILY, s->path);
        break;
    case KMGCA_FORMAT_MFP_SUMMARY:
        add_note(a, "%s" PH_MFP_SUMMARY, s->path);
        break;
    default: break;
    }
    if (s->decimal_comma)
        add_note(a, "%s" PH_DECIMAL_COMMAS, s->path);
}

static kmgca_status diary_on_header(table_reader *t, const csv_row *header, void *ud,
                                    kmgca_error *err)
{
    read_state *s = ud;
    kmgca_status st = diary_header(t, header, s->a->opt.format, &s->format, err);
    if (st != KMGCA_OK)
        return st;
    s->decimal_comma = t->delim == ';';
    s->a->files[s->a->file_count - 1].format = s->format;
    note_format(s);
    return KMGCA_OK;
}

/* A row's minerals: its food matched and weighed from the tables, or an
 * export's own values, by format; any trouble is a reason for review. food
 * receives the food text, trimmed. */
static void row_values(read_state *s, kmgca_entry *e, const csv_row *row,
                       char food[FOOD_TEXT_SIZE])
{
    kmgca_analysis *a = s->a;
    char serving[512];
    trim(e->food_text, food, FOOD_TEXT_SIZE);
    /* Text longer than the buffers here is refused, never cut and read:
     * a cut amount could read as another number. */
    size_t food_len = strlen(e->food_text);
    int long_amount = strlen(e->amount_text) >= SERVING_TEXT_MAX ||
                      strlen(e->unit_text) >= SERVING_TEXT_MAX;
    int weighed = s->format == KMGCA_FORMAT_GENERIC ||
                  (s->format == KMGCA_FORMAT_CRONOMETER_SERVINGS && a->opt.recompute);
    if (weighed && food_len >= FOOD_TEXT_SIZE) {
        need_review(s, PH_FOOD "food text is %zu bytes; the limit is 1000", food_len);
    } else if (weighed && long_amount) {
        need_review(s, PH_AMOUNT "the amount or unit is longer than %d bytes",
                    SERVING_TEXT_MAX - 1);
        weigh(s, e, food, NULL);
    } else switch (s->format) {
    case KMGCA_FORMAT_CRONOMETER_DAILY:
        appendf(s->how, sizeof s->how, PH_DAY_TOTAL_CRONOMETER);
        export_values(s, e, row, 0);
        if (s->t.col[COL_COMPLETED] >= 0 &&
            strcasecmp(table_field(&s->t, row, COL_COMPLETED), "false") == 0)
            appendf(s->how, sizeof s->how, PH_DAY_NOT_COMPLETED);
        break;
    case KMGCA_FORMAT_MFP_SUMMARY:
        appendf(s->how, sizeof s->how, PH_MEAL_TOTAL_MFP);
        export_values(s, e, row, 1);
        break;
    case KMGCA_FORMAT_CRONOMETER_SERVINGS:
        if (!a->opt.recompute) {
            appendf(s->how, sizeof s->how, PH_VALUES_FROM_CRONOMETER);
            export_values(s, e, row, 0);
            if (!food[0])
                need_review(s, PH_NO_FOOD_GIVEN);
            break;
        }
        /* "2.00 x 3.0 oz", "1.00 shake (11 fl oz)", "1.00 slice - each 1 oz":
         * the serving reader takes the weight or volume such text carries. */
        trim(e->amount_text, serving, sizeof serving);
        /* Only the food's own trouble keeps the export's values: a bad date
         * or a broken row still goes to review. */
        int row_ok = !s->review[0];
        if (!supplement_row(s, e, food, serving)) {
            if (!serving[0]) {
                need_review(s, "no amount given");
                weigh(s, e, food, NULL);
            } else {
                weigh(s, e, food, serving);
            }
        }
        if (row_ok && s->review[0] && food[0])
            keep_export(s, e, row);
        break;
    default: {
        char amount[SERVING_TEXT_MAX], unit[SERVING_TEXT_MAX];
        trim(e->amount_text, amount, sizeof amount);
        trim(e->unit_text, unit, sizeof unit);
        /* amount, a space, unit: each under 256 bytes, so they fit */
        size_t al = strlen(amount), ul = strlen(unit);
        memcpy(serving, amount, al);
        if (al && ul)
            serving[al++] = ' ';
        memcpy(serving + al, unit, ul + 1);
        if (s->decimal_comma)
            decimal_point(serving);
        if (supplement_row(s, e, food, serving))
            break;
        /* a part of a line with no amount of its own that kmgca knows
         * one for (milk on the cereal before it): that one, assumed and
         * said (not under --strict, which asks for every amount) */
        if (!amount[0] && !unit[0] && s->part_serving && !s->a->opt.strict) {
            weigh(s, e, food, s->part_serving);
            if (!isnan(e->grams)) {
                e->serving_assumed = 1;
                appendf(s->how, sizeof s->how, "%s", PH_MILK_ON_CEREAL);
            }
            break;
        }
        if (!amount[0] && unit[0]) {
            need_review(s, "a unit (\"%s\") but no amount", unit);
            weigh(s, e, food, NULL);
            break;
        } else if (amount[0] && unit[0]) {
            /* With the unit in its own column the amount must be a number:
             * "abc" + "medium" would otherwise read as one medium. */
            kmgca_serving alone;
            if (!diary_plain_number(amount) && kmgca_serving_parse(amount, &alone, NULL) == KMGCA_OK &&
                alone.kind == KMGCA_UNIT_PORTION) {
                need_review(s, "amount \"%s\" is not a number (the unit is in its own "
                               "column: \"%s\")",
                            amount, unit);
                weigh(s, e, food, NULL);
                break;
            }
        }
        weigh(s, e, food, serving);
        break;
    }
    }
}

/* Counts a used or reviewed row in its file, its day and the Top sources.
 * 0 when out of memory. */
static int count_row(read_state *s, const kmgca_entry *e, const char *food)
{
    kmgca_analysis *a = s->a;
    a->rows_read++;
    a->files[a->file_count - 1].rows++;
    if (e->review)
        a->rows_review++;
    else
        a->rows_used++;
    if (e->date[0]) {
        day_acc *d = day_get(a, (int32_t)e->day);
        if (!d)
            return 0;
        d->rows++;
        if (s->format == KMGCA_FORMAT_CRONOMETER_SERVINGS && a->opt.recompute)
            d->rows_export++;
        d->rows_kept += e->export_kept && !e->review;
        if (e->export_kept && !e->review)
            for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
                if (!isnan(e->mg[n]) && (!e->supplement || n < KMGCA_NA))
                    d->kept[n] += e->mg[n];
        if (e->review) {
            d->rows_review++;
        } else if (e->supplement) {
            d->rows_supplement++;
            for (int n = 0; n < KMGCA_NA; n++)
                if (!isnan(e->mg[n]))   /* an export's blank cell: nothing counted */
                    d->supp[n] += e->mg[n];
        } else {
            d->rows_assumed += e->serving_assumed ? 1 : 0;
            for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
                if (isnan(e->mg[n]))
                    continue;
                d->mg[n] = isnan(d->mg[n]) ? e->mg[n] : d->mg[n] + e->mg[n];
                d->known[n]++;
            }
        }
    }
    if (!e->review && !e->supplement && s->format != KMGCA_FORMAT_CRONOMETER_DAILY) {
        char name[300];
        if (e->food)
            top_add(a->top, kmgca_food_description(e->food), e->food, e->mg);
        else if (food[0])
            top_add(a->top, food, NULL, e->mg);
        else {
            snprintf(name, sizeof name, "%s (meal total)", e->meal[0] ? e->meal : "meal");
            utf8_trim_end(name); /* a long meal is cut: not inside a character */
            top_add(a->top, name, NULL, e->mg);
        }
    }
    return 1;
}

/* One diary entry of a row: its food text the row's, or one part of a
 * line that lists several foods (part > 0, said in how). */
static kmgca_status one_entry(read_state *s, const table_reader *t, const csv_row *row,
                              const char *food_text, int part, kmgca_error *err)
{
    kmgca_entry e;
    memset(&e, 0, sizeof e);
    e.file = s->path;
    e.line = row->line;
    e.format = s->format;
    e.progress = row->progress;
    e.confidence = NAN;
    e.grams = NAN;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        e.mg[n] = NAN;
    s->how[0] = '\0';
    s->review[0] = '\0';

    e.date_text = table_field(t, row, COL_DATE);
    e.time = table_field(t, row, COL_TIME);
    e.meal = table_field(t, row, COL_MEAL);
    e.food_text = food_text;
    e.amount_text = table_field(t, row, COL_AMOUNT);
    e.unit_text = table_field(t, row, COL_UNIT);
    e.note = table_field(t, row, COL_NOTE);

    if (table_extra_fields(t, row))
        need_review(s, "the row has %zu" PH_FIELDS_HEADER_NAMES "%zu", row->count, t->columns);
    int32_t day;
    if (row_date(s, e.date_text, &day, row->line)) {
        e.day = day;
        date_format(day, e.date);
    }
    char food[FOOD_TEXT_SIZE];
    row_values(s, &e, row, food);
    if (part)
        appendf(s->how, sizeof s->how, "%s" PH_PART_OF_LINE "\"%s\"", s->how[0] ? "; " : "",
                table_field(t, row, COL_FOOD));

    e.how = s->how;
    e.review = s->review[0] ? s->review : NULL;
    if (e.review)
        e.original = rebuild(s, row);
    if (!count_row(s, &e, food))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    s->rows++;
    return s->fn ? s->fn(&e, s->ud, err) : KMGCA_OK;
}

/* A row of a diary: one entry, or, where a line with no amount column
 * lists several foods ("早 馒头一个 豆浆一杯", "cheeseburger & fries"), an
 * entry a food (kmgca_line_parts), each of the same line. */
static kmgca_status on_row(const table_reader *t, const csv_row *row, void *ud,
                           kmgca_error *err)
{
    read_state *s = ud;
    const char *food = table_field(t, row, COL_FOOD);
    size_t at[8], len[8], parts = 1;
    if (s->format == KMGCA_FORMAT_GENERIC && !table_field(t, row, COL_AMOUNT)[0] &&
        !table_field(t, row, COL_UNIT)[0] && strlen(food) < FOOD_TEXT_SIZE)
        parts = kmgca_line_parts(s->a->foods, food, at, len, 8);
    if (parts < 2)
        return one_entry(s, t, row, food, 0, err);
    if (!s->parts_noted++)
        add_note(s->a, "%s" PH_LINES_OF_FOODS "%lu: \"%s\")", s->path, row->line, food);
    for (size_t p = 0; p < parts; p++) {
        char one[FOOD_TEXT_SIZE], prev[FOOD_TEXT_SIZE];
        memcpy(one, food + at[p], len[p]);
        one[len[p]] = '\0';
        if (p) {
            memcpy(prev, food + at[p - 1], len[p - 1]);
            prev[len[p - 1]] = '\0';
        }
        s->part_serving = p && line_milk_beside_cereal(s->a->foods, prev, one) ? "1 pour" : NULL;
        kmgca_status st = one_entry(s, t, row, one, 1, err);
        s->part_serving = NULL;
        if (st != KMGCA_OK)
            return st;
    }
    return KMGCA_OK;
}

kmgca_status kmgca_analysis_read(kmgca_analysis *a, const char *path, kmgca_entry_fn fn,
                                 void *ud, kmgca_error *err)
{
    if (!a || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no analysis or path given");
    if (!grow_array((void **)&a->files, &a->file_cap, a->file_count, sizeof *a->files, 8))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    const char *copy = arena_strdup(&a->strings, path);
    if (!copy)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    a->files[a->file_count++] = (file_info){copy, a->opt.format, 0};
    read_state *s = calloc(1, sizeof *s);
    if (!s)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    s->a = a;
    s->path = copy;
    s->fn = fn;
    s->ud = ud;
    s->order = a->opt.date_order;   /* AUTO: learnt from the file's own dates */
    s->t = (table_reader){.path = copy, .encoding = a->opt.encoding,
                          .on_header = diary_on_header, .on_row = on_row, .ud = s,
                          .empty = "the file is empty (a diary needs a header line: date, "
                                   "food, amount, unit)"};
    kmgca_status st = table_read(&s->t, err);
    a->blank_lines += s->t.blank_rows;
    if (st == KMGCA_OK && !s->rows)
        add_note(a, "%s" PH_NO_DIARY_ROWS, copy);
    if (st == KMGCA_OK && s->order != KMGCA_DATE_ORDER_AUTO)
        a->learned = s->order;
    weigh_memo_free(s->memo);
    free(s);
    return st;
}

/* ---- Results ------------------------------------------------------------ */

size_t kmgca_analysis_rows_read(const kmgca_analysis *a) { return a ? a->rows_read : 0; }
size_t kmgca_analysis_rows_used(const kmgca_analysis *a) { return a ? a->rows_used : 0; }
size_t kmgca_analysis_rows_review(const kmgca_analysis *a) { return a ? a->rows_review : 0; }
size_t kmgca_analysis_blank_lines(const kmgca_analysis *a) { return a ? a->blank_lines : 0; }
size_t kmgca_analysis_day_count(const kmgca_analysis *a) { return a ? a->day_count : 0; }

/* For analyse_care.c and report.c: */
care_meds *analysis_meds(const kmgca_analysis *a) { return a->meds; }
care_activity *analysis_activity(const kmgca_analysis *a) { return a->activity; }
kmgca_date_order analysis_date_order(const kmgca_analysis *a)
{
    return a->opt.date_order != KMGCA_DATE_ORDER_AUTO ? a->opt.date_order : a->learned;
}
int analysis_touch_day(kmgca_analysis *a, int32_t day) { return day_get(a, day) != NULL; }

kmgca_day kmgca_analysis_day(const kmgca_analysis *a, size_t i)
{
    kmgca_day out;
    memset(&out, 0, sizeof out);
    if (!a || i >= a->day_count)
        return out;
    const day_acc *d = &a->days[i];
    out.day = d->day;
    date_format(d->day, out.date);
    out.rows = d->rows;
    out.rows_used = d->rows - d->rows_review;
    out.rows_assumed = d->rows_assumed;
    out.rows_review = d->rows_review;
    out.rows_export_kept = d->rows_kept;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        out.mg[n] = d->mg[n];
        out.supplement_mg[n] = n < KMGCA_NA ? d->supp[n] : 0;
        uint32_t food_rows = d->rows - d->rows_supplement;
        out.coverage[n] = food_rows ? (double)d->known[n] / (double)food_rows : 0;
    }
    activity_fill_day(a->activity, &out);   /* sweat */
    meds_fill_day(a->meds, &out);           /* the medication lists' supplements */
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        double food = out.mg[n], supp = out.supplement_mg[n];
        /* Unknown food leaves the total unknown: supplements alone are not
         * a day's intake. */
        out.total_mg[n] = isnan(food) ? NAN : food + supp;
        /* The share computed from the tables, of the day's food and diary
         * supplements (the medication lists' are computed, never kept). */
        double all = (isnan(food) ? 0 : food) + supp;
        out.recomputed[n] = d->rows_export && all > 0 ? 1.0 - d->kept[n] / all : NAN;
        out.percent[n] = isnan(out.total_mg[n]) ? NAN
                                                : 100.0 * out.total_mg[n] / a->targets[n].target_mg;
    }
    return out;
}

const kmgca_target *kmgca_analysis_target(const kmgca_analysis *a, kmgca_nutrient n)
{
    return a && n >= 0 && n < KMGCA_NUTRIENT_COUNT ? &a->targets[n] : NULL;
}

const kmgca_options *kmgca_analysis_options(const kmgca_analysis *a)
{
    return a ? &a->opt : NULL;
}

size_t kmgca_analysis_note_count(const kmgca_analysis *a) { return a ? a->note_count : 0; }

const char *kmgca_analysis_note(const kmgca_analysis *a, size_t i)
{
    return a && i < a->note_count ? a->notes[i] : NULL;
}

size_t kmgca_analysis_file_count(const kmgca_analysis *a) { return a ? a->file_count : 0; }

const char *kmgca_analysis_file(const kmgca_analysis *a, size_t i, kmgca_format *format,
                                size_t *rows)
{
    if (!a || i >= a->file_count)
        return NULL;
    if (format)
        *format = a->files[i].format;
    if (rows)
        *rows = a->files[i].rows;
    return a->files[i].path;
}
