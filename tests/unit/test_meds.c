/* test_meds.c — medication lists: a file that is none, blank rows. The lines
 * of data/care/meds.csv are checked on their way to the flags (test_flags.c). */
#include "testutil.h"

static void bad_medication_list(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    /* A diary is no medication list: no drug column, with the place. */
    assert_int_equal(kmgca_analysis_read_meds(a, "data/care/activity.csv", &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 1);
    assert_int_equal(kmgca_analysis_med_count(a), 0);
    assert_int_equal(kmgca_analysis_read_meds(a, "data/care/missing.csv", &err), KMGCA_ERROR_IO);
    kmgca_analysis_free(a);
}

/* A row whose fields hold nothing but spaces is blank in a medication list
 * as in a diary (table.c): skipped, before the header too, where it was once
 * taken for the header. */
static void blank_rows_in_medication_list(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    const char *meds = temp_csv("blank-meds.csv", ",,\n\" \",\ndrug,dose\nHCTZ,25 mg\n,\n"
                                                  "\" \",\"\t\"\nlosartan,50 mg\n");
    assert_int_equal(kmgca_analysis_read_meds(a, meds, &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_med_count(a), 2);
    assert_int_equal(kmgca_analysis_med(a, 1)->line, 7);
    remove(meds);
    kmgca_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_medication_list),
        cmocka_unit_test(blank_rows_in_medication_list),
    };
    return cmocka_run_group_tests_name("meds", tests, foods_setup, foods_teardown);
}
