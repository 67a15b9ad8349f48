/* daylog.c — the client's day log (daylog*.csv): one row a night, with the
 * cramps (episodes) and their severity from 0 to 10, and a note.
 *
 * Rows that cannot be used are counted and their reasons kept for the
 * Nights sheet; they never stop the report. The dates are read in the
 * order the client's diaries proved.
 */
#include "report.h"
#include "table.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const night *daylog_night(const day_log *log, int32_t day)
{
    for (size_t i = 0; i < log->count; i++)
        if (log->nights[i].day == day)
            return &log->nights[i];
    return NULL;
}

kmgca_status daylog_read(day_log *log, const char *path, const kmgca_analysis *a,
                         kmgca_error *err)
{
    log_reader lr = {.log = log, .a = a};
    table_reader t = {.path = path, .schema = &log_table, .on_header = log_header,
                      .on_row = log_row, .ud = &lr,
                      .empty = "empty day log: no header line (date, cramps, severity)"};
    return table_read(&t, err);
}

void daylog_free(day_log *log)
{
    free(log->nights);
    arena_free(&log->strings);
}
