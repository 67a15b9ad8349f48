/* test_targets.c — daily targets against the printed DRI tables. */
#include "testutil.h"

static kmgca_target target(kmgca_reference ref, double age, char sex, kmgca_life_stage stage,
                           kmgca_nutrient n)
{
    kmgca_profile p = {ref, age, sex, stage};
    kmgca_target t;
    kmgca_error err;
    if (kmgca_target_for(&p, n, &t, &err) != KMGCA_OK)
        fail_msg("%s", err.message);
    return t;
}

static void label_values_without_profile(void **state)
{
    (void)state;
    kmgca_target t;
    assert_int_equal(kmgca_target_for(NULL, KMGCA_CA, &t, NULL), KMGCA_OK);
    assert_near(t.target_mg, 1300, 0);
    assert_string_equal(t.kind, "DV");
    assert_int_equal(kmgca_target_for(NULL, KMGCA_MG, &t, NULL), KMGCA_OK);
    assert_near(t.target_mg, 420, 0);
    assert_int_equal(kmgca_target_for(NULL, KMGCA_K, &t, NULL), KMGCA_OK);
    assert_near(t.target_mg, 4700, 0);
    assert_true(isnan(t.ul_mg));
}

static void us_dris(void **state)
{
    (void)state;
    /* IOM 1997: Mg RDA men 31-50 420 mg, women 31-50 320 mg; UL 350 (supplements). */
    kmgca_target t = target(KMGCA_REF_US, 45, 'm', KMGCA_LIFE_NONE, KMGCA_MG);
    assert_near(t.target_mg, 420, 0);
    assert_string_equal(t.kind, "RDA");
    assert_near(t.ul_mg, 350, 0);
    assert_non_null(strstr(t.ul_note, "supplement"));
    assert_near(target(KMGCA_REF_US, 45, 'f', KMGCA_LIFE_NONE, KMGCA_MG).target_mg, 320, 0);
    /* IOM 2011: Ca women 51-70 1,200 mg, men 51-70 1,000 mg. */
    assert_near(target(KMGCA_REF_US, 60, 'f', KMGCA_LIFE_NONE, KMGCA_CA).target_mg, 1200, 0);
    assert_near(target(KMGCA_REF_US, 60, 'm', KMGCA_LIFE_NONE, KMGCA_CA).target_mg, 1000, 0);
    /* NASEM 2019: K AI men 19+ 3,400, women 2,600; pregnancy 19-50 2,900. */
    assert_near(target(KMGCA_REF_US, 30, 'm', KMGCA_LIFE_NONE, KMGCA_K).target_mg, 3400, 0);
    assert_near(target(KMGCA_REF_US, 30, 'f', KMGCA_LIFE_PREGNANT, KMGCA_K).target_mg, 2900, 0);
    /* Age limits are inclusive below, exclusive above: 51 is in 51-70. */
    assert_near(target(KMGCA_REF_US, 51, 'f', KMGCA_LIFE_NONE, KMGCA_CA).target_mg, 1200, 0);
    assert_near(target(KMGCA_REF_US, 50.99, 'f', KMGCA_LIFE_NONE, KMGCA_CA).target_mg, 1000, 0);
}

static void china_dris(void **state)
{
    (void)state;
    /* Chinese DRIs 2023: Ca RNI 800 for adults; Mg 330 (18-29), 320 (30-64),
     * 310 (65-74), 300 (75+); K AI 2,000; pregnancy Mg +40. */
    assert_near(target(KMGCA_REF_CHINA, 40, 'm', KMGCA_LIFE_NONE, KMGCA_CA).target_mg, 800, 0);
    assert_near(target(KMGCA_REF_CHINA, 20, 'f', KMGCA_LIFE_NONE, KMGCA_MG).target_mg, 330, 0);
    assert_near(target(KMGCA_REF_CHINA, 80, 'm', KMGCA_LIFE_NONE, KMGCA_MG).target_mg, 300, 0);
    assert_near(target(KMGCA_REF_CHINA, 25, 'f', KMGCA_LIFE_PREGNANT, KMGCA_MG).target_mg, 370,
                0);
    assert_near(target(KMGCA_REF_CHINA, 40, 'm', KMGCA_LIFE_NONE, KMGCA_K).target_mg, 2000, 0);
}

static void sodium_uses_the_daily_value(void **state)
{
    (void)state;
    kmgca_target t = target(KMGCA_REF_CHINA, 40, 'm', KMGCA_LIFE_NONE, KMGCA_NA);
    assert_near(t.target_mg, 2300, 0);
    assert_string_equal(t.kind, "DV");
}

static void impossible_profiles(void **state)
{
    (void)state;
    kmgca_target t;
    kmgca_error err;
    kmgca_profile p = {KMGCA_REF_US, 40, 'm', KMGCA_LIFE_PREGNANT};
    assert_int_equal(kmgca_target_for(&p, KMGCA_MG, &t, &err), KMGCA_ERROR_ARGUMENT);
    p = (kmgca_profile){KMGCA_REF_US, -1, 'f', KMGCA_LIFE_NONE};
    assert_int_equal(kmgca_target_for(&p, KMGCA_MG, &t, &err), KMGCA_ERROR_ARGUMENT);
    p = (kmgca_profile){KMGCA_REF_US, NAN, 'f', KMGCA_LIFE_NONE};
    assert_int_equal(kmgca_target_for(&p, KMGCA_MG, &t, &err), KMGCA_ERROR_ARGUMENT);
    p = (kmgca_profile){KMGCA_REF_US, 40, 'x', KMGCA_LIFE_NONE};
    assert_int_equal(kmgca_target_for(&p, KMGCA_MG, &t, &err), KMGCA_ERROR_ARGUMENT);
    /* A life stage the header does not define (found by fuzz/fuzz_target.c). */
    p = (kmgca_profile){KMGCA_REF_US, 30, 'f', (kmgca_life_stage)3};
    assert_int_equal(kmgca_target_for(&p, KMGCA_MG, &t, &err), KMGCA_ERROR_ARGUMENT);
    /* The Chinese table gives pregnancy rows for 18 to 50 only. */
    p = (kmgca_profile){KMGCA_REF_CHINA, 16, 'f', KMGCA_LIFE_PREGNANT};
    assert_int_equal(kmgca_target_for(&p, KMGCA_MG, &t, &err), KMGCA_ERROR_NO_MATCH);
    assert_non_null(strstr(err.message, "for ages 18 to 50 only"));
}

static void reference_words(void **state)
{
    (void)state;
    kmgca_reference r;
    assert_int_equal(kmgca_reference_parse("China", &r), KMGCA_OK);
    assert_int_equal(r, KMGCA_REF_CHINA);
    assert_int_equal(kmgca_reference_parse("US", &r), KMGCA_OK);
    assert_int_equal(r, KMGCA_REF_US);
    assert_int_equal(kmgca_reference_parse("mars", &r), KMGCA_ERROR_VALUE);
    assert_string_equal(kmgca_reference_name(KMGCA_REF_LABEL), "label");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(label_values_without_profile),
        cmocka_unit_test(us_dris),
        cmocka_unit_test(china_dris),
        cmocka_unit_test(sodium_uses_the_daily_value),
        cmocka_unit_test(impossible_profiles),
        cmocka_unit_test(reference_words),
    };
    return cmocka_run_group_tests_name("targets", tests, NULL, NULL);
}
