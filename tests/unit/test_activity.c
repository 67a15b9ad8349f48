/* test_activity.c — the sweat model against values worked out by hand from
 * the cited papers; activity logs and a Cronometer exercises export. */
#include "testutil.h"

/* Worked by hand (see the comments) from Gonzalez et al. 2009 with the
 * assumptions in lib/activity.c: clothing 0.8 clo, im 0.45, skin 35 C,
 * saturation pressure by ISO 7933 (35 C: 42.18 mmHg; 30 C: 31.81 mmHg). */
static void sweat_worked_examples(void **state)
{
    (void)state;
    /* (a) 70 kg, 1.75 m (DuBois BSA 1.8481 m2), 60 min at 10 MET, 30 C, 50 %:
     * M = 10 x 70 x 1.1622 / 1.8481 = 440.2 W/m2; dry = 6.45/0.8 x (30 - 35)
     * = -40.3; Ereq = 399.9; Emax = 14.21 x 0.45/0.8 x (42.18 - 15.90) = 209.8;
     * sweat = 147 + 1.527 x 399.9 - 0.87 x 209.8 = 575.1 g/m2/h x 1.8481 m2
     * = 1.063 L. */
    assert_near(kmgca_sweat_predict_l(60, 10, 30, 50, 70, 1.75), 1.0628, 0.002);
    /* (b) the same without a height: Livingston & Lee BSA 0.1173 x 70^0.6466
     * = 1.8295 m2; M = 444.7; Ereq = 404.4; sweat = 581.9 g/m2/h = 1.065 L. */
    assert_near(kmgca_sweat_predict_l(60, 10, 30, 50, 70, 0), 1.0647, 0.002);
    /* (c) 30 min light walking (2.5 MET) at 15 C, 50 %: the cool form
     * (intercept 350, Gonzalez et al. 2012): M = 111.2, dry = -161.3,
     * Ereq = -50.1, Emax = 285.8; 350 - 76.5 - 248.7 = 24.8 g/m2/h over
     * 1.8295 m2 for half an hour = 0.0227 L. */
    assert_near(kmgca_sweat_predict_l(30, 2.5, 15, 50, 70, 0), 0.02273, 0.01);
    /* (d) rest in mild air sweats nothing (never below zero). */
    assert_near(kmgca_sweat_predict_l(60, 1, 22, 40, 70, 0), 0, 0);
    /* Bad input is NaN, never a number. */
    assert_true(isnan(kmgca_sweat_predict_l(-1, 5, 20, 50, 70, 0)));
    assert_true(isnan(kmgca_sweat_predict_l(60, NAN, 20, 50, 70, 0)));
    assert_true(isnan(kmgca_sweat_predict_l(60, 5, 20, 150, 70, 0)));
    assert_true(isnan(kmgca_sweat_predict_l(60, 5, 20, 50, 5, 0)));
    /* Concentrations as cited: K 222, Ca 16, Mg 1.265 mg/L (Montain 2007),
     * Na 35.9 mmol/L x 22.99 = 825 mg/L (Baker 2016). */
    assert_near(kmgca_sweat_mg_per_l(KMGCA_K), 222, 0);
    assert_near(kmgca_sweat_mg_per_l(KMGCA_NA), 825, 0);
    assert_near(kmgca_sweat_mg_per_l(KMGCA_CA), 16, 0);
    assert_near(kmgca_sweat_mg_per_l(KMGCA_MG), 1.265, 0);
}

/* A Cronometer exercises export: MET from the calories burned (1 MET =
 * 1 kcal/kg/h), 70 kg assumed: 343 kcal / (70 kg x 0.5 h) = 9.8 MET. */
static void cronometer_exercises(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    assert_int_equal(
        kmgca_analysis_read_activity(a, "data/care/cronometer_exercises.csv", &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_session_count(a), 2);
    const kmgca_session *run = kmgca_analysis_session(a, 0), *walk = kmgca_analysis_session(a, 1);
    assert_string_equal(run->activity, "Running, 6 mph (10 min mile)");
    assert_near(run->met, 343 / (70 * 0.5), 1e-9);
    assert_near(run->body_mass_kg, 70, 0);
    assert_non_null(strstr(run->method, "kcal burned"));
    assert_non_null(strstr(run->method, "70 kg body mass assumed"));
    assert_near(run->sweat_l, kmgca_sweat_predict_l(30, 9.8, 20, 50, 70, 0), 1e-9);
    /* No calories: moderate intensity assumed, and said. */
    assert_near(walk->met, 4.5, 0);
    assert_non_null(strstr(walk->method, "moderate intensity"));
    kmgca_analysis_free(a);
}

/* A medication list is no activity log. */
static void bad_activity_log(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    assert_int_equal(kmgca_analysis_read_activity(a, "data/care/meds.csv", &err),
                     KMGCA_ERROR_HEADER);
    kmgca_analysis_free(a);
}

/* A row whose fields hold nothing but spaces is blank in an activity log as
 * in a diary (table.c): skipped, before the header too, where it was once
 * taken for the header. */
static void blank_rows_in_activity_log(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    const char *log = temp_csv("blank-activity.csv",
                               "\" \",,\ndate,activity,minutes\n2026-11-01,run,30\n\" \",,\n");
    assert_int_equal(kmgca_analysis_read_activity(a, log, &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_session_count(a), 1);
    remove(log);
    kmgca_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sweat_worked_examples),
        cmocka_unit_test(cronometer_exercises),
        cmocka_unit_test(bad_activity_log),
        cmocka_unit_test(blank_rows_in_activity_log),
    };
    return cmocka_run_group_tests_name("activity", tests, foods_setup, foods_teardown);
}
