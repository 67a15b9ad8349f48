/* test_date.c — the date forms a diary may hold. */
#include "testutil.h"

/* Parses and returns "YYYY-MM-DD", or the result code as text. */
static const char *parse(const char *text, kmgca_date_order order, kmgca_date_order *implied)
{
    static char out[64];
    int32_t day;
    char why[200];
    date_result r = date_parse(text, order, &day, implied, why, sizeof why);
    if (r == DATE_AMBIGUOUS)
        return "ambiguous";
    if (r == DATE_INVALID)
        return "invalid";
    date_format(day, out);
    return out;
}

static void iso_and_year_first(void **state)
{
    (void)state;
    assert_string_equal(parse("2026-11-24", 0, NULL), "2026-11-24");
    assert_string_equal(parse("2026/11/24", 0, NULL), "2026-11-24");
    assert_string_equal(parse("2026.1.5", 0, NULL), "2026-01-05");
    assert_string_equal(parse("20261124", 0, NULL), "2026-11-24");
    assert_string_equal(parse(" 2026-11-24T08:30:00 ", 0, NULL), "2026-11-24");
    assert_string_equal(parse("2026-11-24 8:30", 0, NULL), "2026-11-24");
    assert_string_equal(parse("2026年11月24日", 0, NULL), "2026-11-24");
    assert_string_equal(parse("2026年1月5号", 0, NULL), "2026-01-05");
}

static void day_month_forms(void **state)
{
    (void)state;
    kmgca_date_order implied;
    assert_string_equal(parse("24.11.2026", 0, &implied), "2026-11-24");
    assert_string_equal(parse("24/11/2026", 0, &implied), "2026-11-24");
    assert_int_equal(implied, KMGCA_DATE_ORDER_DMY);
    assert_string_equal(parse("11/24/2026", 0, &implied), "2026-11-24");
    assert_int_equal(implied, KMGCA_DATE_ORDER_MDY);
    assert_string_equal(parse("3/4/2026", 0, &implied), "ambiguous");
    assert_string_equal(parse("3/4/2026", KMGCA_DATE_ORDER_DMY, NULL), "2026-04-03");
    assert_string_equal(parse("3/4/2026", KMGCA_DATE_ORDER_MDY, NULL), "2026-03-04");
    assert_string_equal(parse("5/5/26", 0, NULL), "2026-05-05");   /* the same both ways */
    assert_string_equal(parse("1/2/99", KMGCA_DATE_ORDER_DMY, NULL), "1999-02-01");
    /* A date that contradicts the file's order is not silently swapped. */
    assert_string_equal(parse("11/24/2026", KMGCA_DATE_ORDER_DMY, NULL), "invalid");
}

static void month_names_and_serials(void **state)
{
    (void)state;
    assert_string_equal(parse("Nov 24, 2026", 0, NULL), "2026-11-24");
    assert_string_equal(parse("24 November 2026", 0, NULL), "2026-11-24");
    assert_string_equal(parse("24-Nov-26", 0, NULL), "2026-11-24");
    assert_string_equal(parse("Tue, 24 Nov 2026", 0, NULL), "2026-11-24");
    assert_string_equal(parse("Sept 3 2026", 0, NULL), "2026-09-03");
    assert_string_equal(parse("March 1st 2024", 0, NULL), "2024-03-01");
    /* 46350 is 2026-11-24 in the spreadsheet 1900 date system. */
    assert_string_equal(parse("46350", 0, NULL), "2026-11-24");
}

static void invalid_dates(void **state)
{
    (void)state;
    assert_string_equal(parse("2026-02-30", 0, NULL), "invalid");
    assert_string_equal(parse("2025-02-29", 0, NULL), "invalid");
    assert_string_equal(parse("2024-02-29", 0, NULL), "2024-02-29");
    assert_string_equal(parse("2000-02-29", 0, NULL), "2000-02-29");
    assert_string_equal(parse("1900-02-29", 0, NULL), "invalid");
    assert_string_equal(parse("2026-13-01", 0, NULL), "invalid");
    assert_string_equal(parse("2026-00-10", 0, NULL), "invalid");
    assert_string_equal(parse("0/0/2026", 0, NULL), "invalid");
    assert_string_equal(parse("32/13/2026", 0, NULL), "invalid");
    assert_string_equal(parse("1850-01-01", 0, NULL), "invalid");
    assert_string_equal(parse("", 0, NULL), "invalid");
    assert_string_equal(parse("yesterday", 0, NULL), "invalid");
    assert_string_equal(parse("2026-11", 0, NULL), "invalid");
    assert_string_equal(parse("1 2 3 4 5", 0, NULL), "invalid");
    assert_string_equal(parse("99999999999999", 0, NULL), "invalid");
    assert_string_equal(parse("2026年13月1日", 0, NULL), "invalid");
    char why[200];
    int32_t day;
    assert_int_equal(date_parse("2026-02-30", 0, &day, NULL, why, sizeof why), DATE_INVALID);
    assert_string_equal(why, "2026-02 has no day 30");
    assert_int_equal(date_parse("03/04/2026", 0, &day, NULL, why, sizeof why), DATE_AMBIGUOUS);
    assert_non_null(strstr(why, "3 April or March 4"));
}

static void day_numbers_round_trip(void **state)
{
    (void)state;
    char out[11];
    date_format(0, out);
    assert_string_equal(out, "1970-01-01");
    for (int32_t d = -25567; d < 84000; d += 37) { /* 1900 .. 2199 */
        int y, m, dd;
        date_civil(d, &y, &m, &dd);
        char text[16];
        snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, dd);
        int32_t back;
        assert_int_equal(date_parse(text, 0, &back, NULL, NULL, 0), DATE_OK);
        assert_int_equal(back, d);
    }
}

/* Found by fuzz/fuzz_date.c: kmgca_date_text wrapped years past 9999 and
 * overflowed near INT32_MAX; kmgca_date_parse quoted text cut inside a
 * character (regress-* inputs in fuzz/corpus/date). */
static void public_date_functions(void **state)
{
    (void)state;
    char out[11];
    kmgca_date_text(20781, out);
    assert_string_equal(out, "2026-11-24");
    kmgca_date_text(-719528, out);
    assert_string_equal(out, "0000-01-01");
    kmgca_date_text(2932896, out);
    assert_string_equal(out, "9999-12-31");
    kmgca_date_text(2932897, out);           /* 10000-01-01 */
    assert_string_equal(out, "");
    kmgca_date_text(-719529, out);
    assert_string_equal(out, "");
    kmgca_date_text(INT32_MAX, out);
    assert_string_equal(out, "");
    kmgca_date_text(-13565979L, out);        /* year -35172: was printed cut to 4 digits */
    assert_string_equal(out, "");

    long day;
    kmgca_error err;
    assert_int_equal(kmgca_date_parse("24.11.2026", KMGCA_DATE_ORDER_AUTO, &day, &err),
                     KMGCA_OK);
    assert_int_equal(day, 20781);
    assert_int_equal(kmgca_date_parse("\xde\n,", KMGCA_DATE_ORDER_AUTO, &day, &err),
                     KMGCA_ERROR_ENCODING);
    /* 59 ASCII bytes then é: "%.60s" kept half of it. */
    char text[80];
    memset(text, 'x', 59);
    strcpy(text + 59, "é day");
    assert_int_equal(kmgca_date_parse(text, KMGCA_DATE_ORDER_AUTO, &day, &err),
                     KMGCA_ERROR_VALUE);
    assert_true(utf8_valid(err.message, strlen(err.message)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(iso_and_year_first),
        cmocka_unit_test(day_month_forms),
        cmocka_unit_test(month_names_and_serials),
        cmocka_unit_test(invalid_dates),
        cmocka_unit_test(day_numbers_round_trip),
        cmocka_unit_test(public_date_functions),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
