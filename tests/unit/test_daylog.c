/* test_daylog.c — a client's day log, read through the report: blank rows, a
 * column named twice. */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

/* Writes text to folder/name. */
static void put_file(const char *folder, const char *name, const char *text)
{
    char path[400];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The day log is read as every table is (table.c): a row of quoted spaces
 * is blank, not a night with a bad date, and a column named twice is
 * refused at its place, as in a diary. */
static void day_log_blank_rows_and_names_twice(void **state)
{
    (void)state;
    char dir[] = "/tmp/kmgca-test-daylog.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char client[300], out[300], log[400];
    snprintf(client, sizeof client, "%s/client", dir);
    assert_int_equal(mkdir(client, 0700), 0);
    snprintf(out, sizeof out, "%s/out.xlsx", dir);
    snprintf(log, sizeof log, "%s/daylog.csv", client);
    put_file(client, "profile.txt", "age: 50\nsex: f\n");
    put_file(client, "diary.csv", "date,food,amount,unit\n2026-01-05,banana,1,medium\n");
    put_file(client, "daylog.csv", "\" \",,\ndate,cramps,severity\n2026-01-05,2,5\n\" \",\"\",\n");
    kmgca_report_options o = {KMGCA_LANG_EN, 0, 0, NULL};
    kmgca_client_result res;
    kmgca_error err;
    assert_int_equal(kmgca_report_client(shared_foods, client, out, &o, &res, &err), KMGCA_OK);
    assert_int_equal(res.nights_logged, 1);
    assert_int_equal(res.cramp_nights, 1);
    unlink(out);

    put_file(client, "daylog.csv", "date,cramps,Cramps\n2026-01-05,2,3\n");
    assert_int_equal(kmgca_report_client(shared_foods, client, out, &o, &res, &err),
                     KMGCA_ERROR_HEADER);
    assert_string_equal(err.file, log);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 3);
    assert_string_equal(err.message,
                        "\"Cramps\" names the cramps column a second time (first in column 2)");
    unlink(log);
    char path[400];
    snprintf(path, sizeof path, "%s/diary.csv", client);
    unlink(path);
    snprintf(path, sizeof path, "%s/profile.txt", client);
    unlink(path);
    rmdir(client);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(day_log_blank_rows_and_names_twice),
    };
    return cmocka_run_group_tests_name("daylog", tests, foods_setup, foods_teardown);
}
