/* fuzz_date.c — dates as diaries, medication lists, activity logs and
 * spreadsheet cells write them ("24.11.2026", "Nov 24, 2026",
 * "2026年11月24日", "46350"), through the internal date_parse with every
 * date order and message buffers of picked sizes, and the public
 * kmgca_date_parse the add-in calls; a date read must print and read back
 * as the same day. Also kmgca_date_text with any day number (the first 8
 * bytes of the input as a long). */
#include "fuzz.h"

#include <limits.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    int valid = utf8_valid(text, strlen(text));
    uint32_t pick = fuzz_pick(data, size);
    static const size_t why_sizes[] = {1, 2, 8, 41, 200};
    for (int order = KMGCA_DATE_ORDER_AUTO; order <= KMGCA_DATE_ORDER_MDY; order++) {
        size_t ws = why_sizes[(pick >> (3 * order)) % 5];
        char *why = malloc(ws);
        FUZZ_CHECK(why);
        int32_t day = 0;
        kmgca_date_order implied = (kmgca_date_order)99;
        date_result r = date_parse(text, (kmgca_date_order)order, &day, &implied, why, ws);
        FUZZ_CHECK(r == DATE_OK || r == DATE_INVALID || r == DATE_AMBIGUOUS);
        FUZZ_CHECK(implied == KMGCA_DATE_ORDER_AUTO || implied == KMGCA_DATE_ORDER_DMY ||
                   implied == KMGCA_DATE_ORDER_MDY);
        /* Always cut and ended; whole characters in the 200 bytes callers
         * give it, for the valid UTF-8 they hand it (csv.c checks fields). */
        FUZZ_CHECK(strnlen(why, ws) < ws && (!valid || ws < 200 || fuzz_text_ok(why, ws)));
        if (r == DATE_OK) {
            char iso[11];
            date_format(day, iso);
            int y, m, d;
            date_civil(day, &y, &m, &d);
            FUZZ_CHECK(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
            int32_t back;
            FUZZ_CHECK(date_parse(iso, KMGCA_DATE_ORDER_AUTO, &back, NULL, NULL, 0) == DATE_OK);
            FUZZ_CHECK(back == day);
        } else if (ws > 1) {
            FUZZ_CHECK(why[0]);   /* a reason is given */
        }
        free(why);
    }

    /* The public door, with any text. */
    for (int order = KMGCA_DATE_ORDER_AUTO; order <= KMGCA_DATE_ORDER_MDY + 1; order++) {
        long day = LONG_MIN;
        kmgca_error err;
        kmgca_error_clear(&err);
        kmgca_status st = kmgca_date_parse(text, (kmgca_date_order)order, &day, &err);
        if (st == KMGCA_OK) {
            char iso[11];
            kmgca_date_text(day, iso);
            FUZZ_CHECK(strlen(iso) == 10);
            long back;
            FUZZ_CHECK(kmgca_date_parse(iso, KMGCA_DATE_ORDER_AUTO, &back, NULL) == KMGCA_OK);
            FUZZ_CHECK(back == day);
        } else {
            FUZZ_CHECK(err.status == st && day == LONG_MIN);
            FUZZ_BUF(err.message);
        }
    }

    if (size >= sizeof(long)) {
        long day;
        memcpy(&day, data, sizeof day);
        char out[11];
        memset(out, 'x', sizeof out);
        kmgca_date_text(day, out);
        size_t len = strnlen(out, sizeof out);
        FUZZ_CHECK(len == 0 || len == 10);
        if (len == 10) {
            int32_t back;
            /* Years kmgca reads back lie in 1900..2200. */
            if (date_parse(out, KMGCA_DATE_ORDER_AUTO, &back, NULL, NULL, 0) == DATE_OK)
                FUZZ_CHECK(back == day);
        }
    }
    free(text);
    return 0;
}
