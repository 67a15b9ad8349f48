/* date.c — the dates people and spreadsheets write, to a day number.
 *
 * Forms read (separators '-', '/', '.', ' ' and ',' are interchangeable
 * unless said otherwise; a trailing time such as "T08:30" or " 8:30 am" is
 * ignored):
 *   2026-11-24, 2026/11/24, 20261124          year first: always Y-M-D
 *   24.11.2026, 24.11.26                      dots: day first (as in Europe)
 *   24/11/2026, 11/24/2026, 3/4/26            day or month first: settled by a
 *                                             part above 12, by the file's other
 *                                             dates, or by --date-order; else
 *                                             the date is ambiguous
 *   Nov 24 2026, 24 November 2026, 24-Nov-26  month names (English, 3+ letters)
 *   2026年11月24日                             Chinese (日 or 号)
 *   46350                                     a spreadsheet serial day number
 *                                             (1900 date system), 10000..99999
 * Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999. Years must lie
 * in 1900..2200. An impossible date (2026-02-30) is invalid, not rolled over.
 */
#include "internal.h"
#include "msg_phrases.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's method). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_civil(int32_t day, int *y, int *m, int *d)
{
    int32_t z = day + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void date_format(int32_t day, char out[11])
{
    /* Rows come a day at a time: the last day written, per thread. */
    static __thread struct {
        int32_t day;
        char text[11];        /* "" when none */
    } last;
    if (last.text[0] && last.day == day) {
        memcpy(out, last.text, sizeof last.text);
        return;
    }
    int y, m, d;
    date_civil(day, &y, &m, &d);
    /* "%04u-%02u-%02u" of these, written by hand: every row is dated. */
    unsigned part[3] = {(unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u};
    for (int i = 3; i >= 0; i--, part[0] /= 10)
        out[i] = (char)('0' + part[0] % 10);
    out[4] = out[7] = '-';
    out[5] = (char)('0' + part[1] / 10);
    out[6] = (char)('0' + part[1] % 10);
    out[8] = (char)('0' + part[2] / 10);
    out[9] = (char)('0' + part[2] % 10);
    out[10] = '\0';
    last.day = day;
    memcpy(last.text, out, sizeof last.text);
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : n[m - 1];
}

static date_result check(int y, int m, int d, int32_t *day, char *why, size_t why_size)
{
    if (y < 1900 || y > 2200) {
        snprintf(why, why_size, "year %d is out of range (1900-2200)", y);
        return DATE_INVALID;
    }
    if (m < 1 || m > 12) {
        snprintf(why, why_size, "there is no month %d", m);
        return DATE_INVALID;
    }
    if (d < 1 || d > month_days(y, m)) {
        snprintf(why, why_size, "%04d-%02d has no day %d", y, m, d);
        return DATE_INVALID;
    }
    *day = days_from_civil(y, m, d);
    return DATE_OK;
}

static int month_from_name(const char *w, size_t len)
{
    static const char *const names[12] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    if (len < 3)
        return 0;
    char low[16];
    if (len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[len] = '\0';
    if (len == 4 && strcmp(low, "sept") == 0)
        return 9;
    for (int i = 0; i < 12; i++)
        if (strncmp(names[i], low, len) == 0 && (len == 3 || len == strlen(names[i])))
            return i + 1;
    return 0;
}

static int weekday_name(const char *w, size_t len)
{
    static const char *const names[7] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
    char low[16];
    if (len < 3 || len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[len] = '\0';
    for (int i = 0; i < 7; i++)
        if (strncmp(names[i], low, len) == 0 &&
            (len == 3 || len == strlen(names[i]) || (len == 4 && low[3] == names[i][3])))
            return 1;
    return 0;
}

static int full_year(long v, size_t digits)
{
    if (digits <= 2)
        return (int)(v < 70 ? 2000 + v : 1900 + v);
    return (int)v;
}

#define MAX_TOKENS 4

typedef struct {
    long value;      /* number, or month for a name */
    size_t digits;   /* 0 for a month name */
} token;

/* The numbers and month names of a date, with the separator before each:
 * n tokens; 1 when something else is written (a word, too many numbers). A
 * time ("8:30", "T08:30", "pm") ends the date. */
static int date_tokens(const char *text, token *tok, char *seps, size_t *count)
{
    size_t n = 0;
    const char *p = text;
    char sep = 0;
    while (*p) {
        if (isdigit((unsigned char)*p)) {
            const char *q = p;
            while (isdigit((unsigned char)*q))
                q++;
            if (*q == ':')
                break;
            size_t digits = (size_t)(q - p);
            if (n == MAX_TOKENS || digits > 8)
                return 1;
            long v = 0;
            for (const char *c = p; c < q; c++)
                v = v * 10 + (*c - '0');
            /* "24th", "1st": ordinal suffixes. */
            if ((q[0] == 's' && q[1] == 't') || (q[0] == 'n' && q[1] == 'd') ||
                (q[0] == 'r' && q[1] == 'd') || (q[0] == 't' && q[1] == 'h'))
                q += 2;
            seps[n] = sep;
            tok[n++] = (token){v, digits};
            sep = 0;
            p = q;
        } else if (isalpha((unsigned char)*p)) {
            const char *q = p;
            while (isalpha((unsigned char)*q))
                q++;
            size_t len = (size_t)(q - p);
            int mon = month_from_name(p, len);
            if (mon) {
                if (n == MAX_TOKENS)
                    return 1;
                seps[n] = sep;
                tok[n++] = (token){mon, 0};
            } else if (n == 0 && weekday_name(p, len)) {
                /* "Tue, 24 Nov 2026": the weekday is dropped. */
            } else if (len == 1 && (*p == 'T' || *p == 't') && n == 3) {
                break; /* ISO "T08:30" */
            } else if ((len == 2 && (strncasecmp(p, "am", 2) == 0 || strncasecmp(p, "pm", 2) == 0))) {
                break;
            } else {
                return 1;
            }
            sep = 0;
            p = q;
        } else if (*p == '-' || *p == '/' || *p == '.' || *p == ' ' || *p == ',' ||
                   *p == '\t') {
            if (*p != ' ' && *p != ',' && *p != '\t')
                sep = *p;
            else if (!sep)
                sep = ' ';
            p++;
        } else {
            return 1;
        }
    }
    *count = n;
    return 0;
}

/* One number alone: 20261124, or a spreadsheet's day serial (45000). */
static date_result date_one_number(const char *text, const token *t, const char *shown,
                                   int32_t *day, char *why, size_t why_size)
{
    if (t->digits == 8) {
        long v = t->value;
        return check((int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100), day, why,
                     why_size);
    }
    if (t->digits == 5 && strspn(text, "0123456789") == 5) {
        /* A spreadsheet serial: day 25569 is 1970-01-01 in the 1900 system. */
        int32_t d = (int32_t)(t->value - 25569);
        int y, m, dd;
        date_civil(d, &y, &m, &dd);
        return check(y, m, dd, day, why, why_size);
    }
    snprintf(why, why_size, "\"%s\"" PH_NOT_A_DATE_USE, shown);
    return DATE_INVALID;
}

/* Three numbers, day and month in an order the date itself, the file's
 * other dates (order) or nobody settles. */
static date_result date_numbers(const token *tok, const char *seps, kmgca_date_order order,
                                const char *shown, int32_t *day, kmgca_date_order *implied,
                                char *why, size_t why_size)
{
    if (tok[0].digits == 4) /* 2026-11-24 */
        return check((int)tok[0].value, (int)tok[1].value, (int)tok[2].value, day, why,
                     why_size);
    if (tok[2].digits != 4 && tok[2].digits != 2) {
        snprintf(why, why_size, "\"%s\"" PH_NOT_A_DATE_USE, shown);
        return DATE_INVALID;
    }
    int y = full_year(tok[2].value, tok[2].digits);
    long a = tok[0].value, b = tok[1].value;
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) {
        snprintf(why, why_size, "\"%s\"" PH_NOT_A_POSSIBLE_DATE, shown);
        return DATE_INVALID;
    }
    if (seps[1] == '.' && seps[2] == '.') /* 24.11.2026 */
        return check(y, (int)b, (int)a, day, why, why_size);
    kmgca_date_order own = KMGCA_DATE_ORDER_AUTO;
    if (a > 12 && b <= 12)
        own = KMGCA_DATE_ORDER_DMY;
    else if (b > 12 && a <= 12)
        own = KMGCA_DATE_ORDER_MDY;
    else if (a == b)
        own = KMGCA_DATE_ORDER_DMY; /* 5/5/2026 reads the same both ways */
    if (own != KMGCA_DATE_ORDER_AUTO && a != b && implied)
        *implied = own;
    if (own == KMGCA_DATE_ORDER_AUTO)
        own = order;
    else if (order != KMGCA_DATE_ORDER_AUTO && own != order && a != b) {
        snprintf(why, why_size, "\"%s\" cannot be %s like the file's other dates", shown,
                 order == KMGCA_DATE_ORDER_DMY ? "day/month/year" : "month/day/year");
        return DATE_INVALID;
    }
    if (own == KMGCA_DATE_ORDER_AUTO) {
        static const char *const month[13] = {"",     "January", "February", "March",
                                              "April", "May",     "June",     "July",
                                              "August", "September", "October",
                                              "November", "December"};
        snprintf(why, why_size,
                 "\"%s\" is ambiguous: %ld %s or %s %ld? (give --date-order dmy or mdy)",
                 shown, a, month[b], month[a], b);
        return DATE_AMBIGUOUS;
    }
    if (own == KMGCA_DATE_ORDER_DMY)
        return check(y, (int)b, (int)a, day, why, why_size);
    return check(y, (int)a, (int)b, day, why, why_size);
}

static date_result parse_text(const char *text, kmgca_date_order order, int32_t *day,
                              kmgca_date_order *implied, char *why, size_t why_size)
{
    why[0] = '\0';
    if (implied)
        *implied = KMGCA_DATE_ORDER_AUTO;
    if (!text)
        text = "";
    while (*text == ' ' || *text == '\t')
        text++;
    if (!*text) {
        snprintf(why, why_size, PH_NO_DATE_GIVEN);
        return DATE_INVALID;
    }
    /* The text as messages quote it: at most 40 bytes, whole characters. */
    char shown[41];
    copy_text(shown, sizeof shown, text);

    /* 2026年11月24日 */
    const char *nian = strstr(text, "年");
    if (nian) {
        int y, m, d, n = 0;
        if (sscanf(text, "%4d年%2d月%2d%n", &y, &m, &d, &n) == 3 &&
            (strncmp(text + n, "日", 3) == 0 || strncmp(text + n, "号", 3) == 0 || !text[n]))
            return check(y, m, d, day, why, why_size);
        snprintf(why, why_size, "\"%s\"" PH_NOT_A_DATE_ZH_FORM, shown);
        return DATE_INVALID;
    }

    token tok[MAX_TOKENS];
    char seps[MAX_TOKENS] = {0};   /* separator before token i */
    size_t n = 0;
    if (date_tokens(text, tok, seps, &n) || n == 0 || n > 3) {
        snprintf(why, why_size, "\"%s\"" PH_NOT_A_DATE_USE, shown);
        return DATE_INVALID;
    }
    if (n == 1)
        return date_one_number(text, &tok[0], shown, day, why, why_size);
    if (n != 3) {
        snprintf(why, why_size, "\"%s\"" PH_HAS_NO_YEAR, shown);
        return DATE_INVALID;
    }

    /* Month names settle the order. */
    for (size_t i = 0; i < 3; i++) {
        if (tok[i].digits != 0)
            continue;
        int m = (int)tok[i].value;
        const token *a = &tok[i == 0 ? 1 : 0], *b = &tok[i == 2 ? 1 : 2];
        if (i == 1 && a->digits == 4) /* 2026 Nov 24 */
            return check((int)a->value, m, (int)b->value, day, why, why_size);
        if (i == 1) /* 24 Nov 2026 */
            return check(full_year(b->value, b->digits), m, (int)a->value, day, why, why_size);
        if (i == 0) /* Nov 24 2026 */
            return check(full_year(b->value, b->digits), m, (int)a->value, day, why, why_size);
        snprintf(why, why_size, "\"%s\"" PH_NOT_A_DATE, shown);
        return DATE_INVALID;
    }
    return date_numbers(tok, seps, order, shown, day, implied, why, why_size);
}

date_result date_parse(const char *text, kmgca_date_order order, int32_t *day,
                       kmgca_date_order *implied, char *why, size_t why_size)
{
    /* A diary writes a day's date on each of its rows: the last date read
     * without a word to say, per thread, is not read again. */
    static __thread struct {
        char text[24];        /* "" when none */
        kmgca_date_order order, implied;
        int32_t day;
    } last;
    char scratch[8];
    if (!why) {
        why = scratch;
        why_size = sizeof scratch;
    }
    size_t len = text ? strlen(text) : 0;
    int fits = len && len < sizeof last.text;
    if (fits && last.order == order && memcmp(last.text, text, len + 1) == 0) {
        why[0] = '\0';
        if (implied)
            *implied = last.implied;
        *day = last.day;
        return DATE_OK;
    }
    kmgca_date_order imp;
    date_result r = parse_text(text, order, day, &imp, why, why_size);
    if (implied)
        *implied = imp;
    if (r == DATE_OK && !why[0] && fits) {
        memcpy(last.text, text, len + 1);
        last.order = order;
        last.implied = imp;
        last.day = *day;
    }
    return r;
}

void kmgca_date_text(long day, char out[11])
{
    /* Only years 0000..9999 fit the form (and date_civil's arithmetic). */
    if (day < days_from_civil(0, 1, 1) || day > days_from_civil(9999, 12, 31)) {
        out[0] = '\0';
        return;
    }
    date_format((int32_t)day, out);
}

kmgca_status kmgca_date_parse(const char *text, kmgca_date_order order, long *day,
                              kmgca_error *err)
{
    if (!text || !day)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no date text or result given");
    if ((int)order < KMGCA_DATE_ORDER_AUTO || (int)order > KMGCA_DATE_ORDER_MDY)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "unknown date order");
    if (!utf8_valid(text, strlen(text)))
        return kmgca_fail(err, KMGCA_ERROR_ENCODING, "date text is not valid UTF-8");
    char why[200], shown[61];
    int32_t d;
    if (date_parse(text, order, &d, NULL, why, sizeof why) != DATE_OK) {
        copy_text(shown, sizeof shown, text); /* "%.60s" could cut a character */
        return kmgca_fail(err, KMGCA_ERROR_VALUE, "date \"%s\": %s", shown, why);
    }
    *day = d;
    return KMGCA_OK;
}

int date_read(const char *text, kmgca_date_order order, int32_t *day, char *why, size_t size)
{
    char reason[200] = "";
    date_result res = date_parse(text, order, day, NULL, reason, sizeof reason);
    if (res == DATE_OK)
        return 0;
    snprintf(why, size, "%s", reason[0] ? reason : "not a date");
    return -1;
}
