/* test_report.c — one client folder of the example caseload reported end to
 * end; a folder without a profile; a profile's own target. */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

static void report_one_client(void **state)
{
    (void)state;
    char dir[] = "/tmp/kmgca-test-report.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[256], print[256];
    snprintf(out, sizeof out, "%s/hctz.xlsx", dir);
    snprintf(print, sizeof print, "%s/print.xlsx", dir);
    kmgca_report_options o = {KMGCA_LANG_EN, 0, 1700000000, print};
    kmgca_client_result res;
    kmgca_error err;
    assert_int_equal(kmgca_report_client(shared_foods, "../examples/clients/older-man-hctz", out,
                                         &o, &res, &err),
                     KMGCA_OK);
    assert_string_equal(res.folder, "older-man-hctz");
    assert_string_equal(res.name, "Harold Mills (C-0101)");
    assert_string_equal(res.workbook, "hctz.xlsx");
    assert_string_equal(res.first_date, "2026-07-01");
    assert_string_equal(res.last_date, "2026-07-14");
    assert_int_equal(res.days, 14);
    assert_int_equal(res.rows_review, 0);
    assert_int_equal(res.diuretic_days, 14);   /* hydrochlorothiazide every day */
    assert_int_equal(res.sweat_days, 0);
    assert_int_equal(res.nights_logged, 14);
    assert_int_equal(res.cramp_nights, 7);
    assert_near(res.target_mg[KMGCA_MG], 420, 1e-12);  /* man over 30: IOM 1997 RDA */
    assert_true(res.average_pct[KMGCA_MG] < 67);
    assert_true(res.days_under_100[KMGCA_MG] == 14);
    struct stat sb;
    assert_int_equal(stat(out, &sb), 0);
    assert_int_equal(stat(print, &sb), 0);
    unlink(out);
    unlink(print);

    /* A folder without a profile: an error naming the folder, nothing written. */
    assert_int_equal(kmgca_report_client(shared_foods, "report/data", out, &o, &res, &err),
                     KMGCA_ERROR_IO);
    assert_int_equal(res.status, KMGCA_ERROR_IO);
    assert_string_equal(res.workbook, "");
    assert_non_null(strstr(res.error.message, "no profile.txt"));
    assert_int_equal(stat(out, &sb), -1);
    assert_int_equal(stat(print, &sb), -1);
    assert_int_equal(rmdir(dir), 0);  /* nothing left behind, no temporary file */
}

static void report_target_override(void **state)
{
    (void)state;
    char dir[] = "/tmp/kmgca-test-report.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char client[300], path[400], out[300];
    snprintf(client, sizeof client, "%s/client", dir);
    assert_int_equal(mkdir(client, 0700), 0);
    snprintf(path, sizeof path, "%s/profile.txt", client);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("age: 50\nsex: f\ntarget magnesium: 250 mg\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/diary.csv", client);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("date,food,amount,unit\n2026-01-05,\"pumpkin seeds, roasted\",30,g\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/notes.csv", client);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("x\n", f);
    fclose(f);
    snprintf(out, sizeof out, "%s/out.xlsx", dir);
    kmgca_report_options o = {KMGCA_LANG_EN, 0, 0, NULL};
    kmgca_client_result res;
    kmgca_error err;
    assert_int_equal(kmgca_report_client(shared_foods, client, out, &o, &res, &err), KMGCA_OK);
    assert_near(res.target_mg[KMGCA_MG], 250, 1e-12);
    assert_near(res.average_mg[KMGCA_MG], 165, 0.01);   /* 30 g x 550 mg/100 g */
    assert_near(res.average_pct[KMGCA_MG], 66, 0.01);
    assert_int_equal(res.days_under_67[KMGCA_MG], 1);
    assert_string_equal(res.warning, "ignored: notes.csv");
    assert_int_equal(res.nights_logged, 0);
    unlink(out);
    unlink(path);
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
        cmocka_unit_test(report_one_client),
        cmocka_unit_test(report_target_override),
    };
    return cmocka_run_group_tests_name("report", tests, foods_setup, foods_teardown);
}
