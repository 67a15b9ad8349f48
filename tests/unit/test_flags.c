/* test_flags.c — the flags of each day, from a diary, its medication list and
 * its activity log (the lines and sessions read are checked on the way), in
 * English and in Chinese; the names of their directions. */
#include "testutil.h"

#include <limits.h>

static size_t day_index(const kmgca_analysis *a, const char *date)
{
    for (size_t i = 0; i < kmgca_analysis_day_count(a); i++)
        if (strcmp(kmgca_analysis_day(a, i).date, date) == 0)
            return i;
    fail_msg("no day %s", date);
    return 0;
}

/* The flag of a drug (by generic name) on a nutrient, or NULL. */
static const kmgca_flag *find_flag(const kmgca_analysis *a, const kmgca_flag *f, size_t n,
                                   const char *drug, kmgca_nutrient nutrient)
{
    for (size_t i = 0; i < n; i++) {
        if (f[i].nutrient != nutrient)
            continue;
        if (!drug && f[i].kind == KMGCA_FLAG_SWEAT)
            return &f[i];
        if (drug && f[i].med >= 0 &&
            strcmp(kmgca_analysis_med(a, (size_t)f[i].med)->match.name, drug) == 0)
            return &f[i];
    }
    return NULL;
}

static void meds_activity_flags(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    assert_int_equal(kmgca_analysis_read(a, "data/care/diary.csv", NULL, NULL, &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_read_meds(a, "data/care/meds.csv", &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_read_activity(a, "data/care/activity.csv", &err), KMGCA_OK);

    /* Every medication line is kept, recognised or not. */
    assert_int_equal(kmgca_analysis_med_count(a), 7);
    const kmgca_med *statin = kmgca_analysis_med(a, 4), *tea = kmgca_analysis_med(a, 5),
                    *lasix = kmgca_analysis_med(a, 6);
    assert_false(statin->match.affects_minerals);
    assert_null(statin->review);
    assert_int_equal(tea->match.part_count, 0);
    assert_non_null(tea->review);
    assert_string_equal(lasix->match.name, "furosemide");
    assert_non_null(strstr(lasix->review, "start date"));
    assert_true(lasix->start_day == LONG_MIN); /* active over the whole period */

    /* Sessions: measured from weights, predicted otherwise. */
    assert_int_equal(kmgca_analysis_session_count(a), 3);
    const kmgca_session *tennis = kmgca_analysis_session(a, 1);
    assert_true(tennis->measured);
    assert_near(tennis->sweat_l, 80.0 - 78.5 + 1.0 - 0.2, 1e-9);
    assert_near(tennis->loss_mg[KMGCA_K], 2.3 * 222, 1e-9);
    const kmgca_session *run = kmgca_analysis_session(a, 2);
    assert_false(run->measured);
    assert_near(run->sweat_l, 1.0647, 0.002);
    assert_non_null(strstr(run->method, "Gonzalez"));

    /* A day with only activity is a day of the period. */
    assert_int_equal(kmgca_analysis_day_count(a), 4);
    kmgca_flag f[64];

    /* 11-01: one banana (K and Mg far under target). Diuretics high, with
     * digoxin's low-intake flag; omeprazole and KCl not yet started. */
    size_t n = kmgca_analysis_day_flags(a, day_index(a, "2026-11-01"), f, 64);
    const kmgca_flag *k = find_flag(a, f, n, "hydrochlorothiazide", KMGCA_K);
    assert_non_null(k);
    assert_int_equal(k->kind, KMGCA_FLAG_DIURETIC);
    assert_int_equal(k->dir, KMGCA_DIRECTION_DOWN);
    assert_int_equal(k->severity, KMGCA_SEVERITY_HIGH);
    assert_non_null(strstr(k->message, "may increase urinary potassium loss"));
    assert_non_null(strstr(k->action, "do not stop"));
    assert_true(k->source && k->source[0]);
    const kmgca_flag *ca = find_flag(a, f, n, "hydrochlorothiazide", KMGCA_CA);
    assert_non_null(ca);
    assert_int_equal(ca->dir, KMGCA_DIRECTION_UP); /* thiazides retain calcium */
    assert_int_equal(ca->severity, KMGCA_SEVERITY_LOW);
    const kmgca_flag *loop_ca = find_flag(a, f, n, "furosemide", KMGCA_CA);
    assert_non_null(loop_ca);
    assert_int_equal(loop_ca->dir, KMGCA_DIRECTION_DOWN); /* loops lose it */
    const kmgca_flag *dig = find_flag(a, f, n, "digoxin", KMGCA_K);
    assert_non_null(dig);
    assert_int_equal(dig->dir, KMGCA_DIRECTION_LOW_INTAKE);
    assert_null(find_flag(a, f, n, "omeprazole", KMGCA_MG));
    assert_null(find_flag(a, f, n, "potassium chloride", KMGCA_K));
    assert_null(find_flag(a, f, n, NULL, KMGCA_K)); /* 30 min walk: no heavy sweat */

    /* 11-02: twelve bananas and 100 g almonds: K and Mg over target. The
     * diuretic is not raised, KCl's caution is, omeprazole is on that day
     * only, digoxin has nothing to say. */
    n = kmgca_analysis_day_flags(a, day_index(a, "2026-11-02"), f, 64);
    kmgca_day d2 = kmgca_analysis_day(a, day_index(a, "2026-11-02"));
    assert_true(d2.percent[KMGCA_K] >= 100 && d2.percent[KMGCA_MG] >= 100);
    k = find_flag(a, f, n, "hydrochlorothiazide", KMGCA_K);
    assert_int_equal(k->severity, KMGCA_SEVERITY_MODERATE);
    const kmgca_flag *kcl = find_flag(a, f, n, "potassium chloride", KMGCA_K);
    assert_non_null(kcl);
    assert_int_equal(kcl->dir, KMGCA_DIRECTION_UP);
    assert_int_equal(kcl->severity, KMGCA_SEVERITY_HIGH);
    const kmgca_flag *ppi = find_flag(a, f, n, "omeprazole", KMGCA_MG);
    assert_non_null(ppi);
    assert_int_equal(ppi->kind, KMGCA_FLAG_DRUG);
    assert_null(find_flag(a, f, n, "omeprazole", KMGCA_K)); /* minor: not flagged daily */
    assert_null(find_flag(a, f, n, "digoxin", KMGCA_K));
    assert_null(find_flag(a, f, n, "digoxin", KMGCA_MG));

    /* 11-03: 2.3 L measured sweat: heavy, and high since one banana less
     * 511 mg of sweat potassium leaves far under 67 % of target. */
    n = kmgca_analysis_day_flags(a, day_index(a, "2026-11-03"), f, 64);
    const kmgca_flag *sw = find_flag(a, f, n, NULL, KMGCA_K);
    assert_non_null(sw);
    assert_int_equal(sw->kind, KMGCA_FLAG_SWEAT);
    assert_int_equal(sw->severity, KMGCA_SEVERITY_HIGH);
    assert_non_null(strstr(sw->message, "2.3 L"));
    assert_null(find_flag(a, f, n, "omeprazole", KMGCA_MG)); /* ended 11-02 */

    /* 11-04: a predicted 1.06 L for 70 kg (1.5 %): under both thresholds. */
    n = kmgca_analysis_day_flags(a, day_index(a, "2026-11-04"), f, 64);
    assert_null(find_flag(a, f, n, NULL, KMGCA_K));
    kmgca_day d4 = kmgca_analysis_day(a, day_index(a, "2026-11-04"));
    assert_int_equal(d4.rows, 0);
    assert_int_equal(d4.sessions, 1);
    assert_true(isnan(d4.mg[KMGCA_K]));

    /* Asking for fewer flags than there are: the count is still told. */
    size_t all = kmgca_analysis_day_flags(a, day_index(a, "2026-11-01"), NULL, 0);
    assert_true(all >= 5);
    kmgca_analysis_free(a);
}

/* The digoxin flag quotes the medication text into 640 bytes: cut between
 * characters (fuzz/corpus/meds/regress-digoxin-flag-cut-in-character). */
static void long_digoxin_text_is_cut_between_characters(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/kmgca-test-digoxin.csv",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    /* "digoxin (\"" and "digoxin x" are 19 bytes: 620 more is 206 whole
     * characters and two bytes of the next. */
    fputs("drug\ndigoxin x", f);
    for (int i = 0; i < 250; i++)
        fputs("好", f);
    fputs("\n", f);
    fclose(f);
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_non_null(a);
    assert_int_equal(kmgca_analysis_read(a, "data/care/diary.csv", NULL, NULL, &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_read_meds(a, path, &err), KMGCA_OK);
    kmgca_flag flags[8];
    size_t n = kmgca_analysis_day_flags(a, day_index(a, "2026-11-01"), flags, 8);
    int digoxin = 0;
    for (size_t i = 0; i < n && i < 8; i++) {
        assert_true(utf8_valid(flags[i].message, strlen(flags[i].message)));
        digoxin |= flags[i].dir == KMGCA_DIRECTION_LOW_INTAKE;
    }
    assert_true(digoxin);
    kmgca_analysis_free(a);
    remove(path);
}

/* A flag's direction names: a drug's effect keeps its effect's name, and
 * every direction has a name of its own. */
static void direction_names(void **state)
{
    (void)state;
    for (int e = KMGCA_EFFECT_NEUTRAL; e <= KMGCA_EFFECT_VARIABLE; e++)
        assert_string_equal(kmgca_direction_name((kmgca_direction)e),
                            kmgca_effect_name((kmgca_effect)e));
    assert_string_equal(kmgca_direction_name(KMGCA_DIRECTION_LOW_INTAKE), "low_intake");
    assert_string_equal(kmgca_direction_name(KMGCA_DIRECTION_OVER_UL), "over_ul");
    assert_string_equal(kmgca_direction_name(KMGCA_DIRECTION_WITH_K_RAISING_DRUG),
                        "with_k_raising_drug");
    assert_string_equal(kmgca_direction_name(KMGCA_DIRECTION_CA_MET_MG_LOW), "ca_met_mg_low");
    for (int a = KMGCA_DIRECTION_NEUTRAL; a <= KMGCA_DIRECTION_CA_MET_MG_LOW; a++)
        for (int b = a + 1; b <= KMGCA_DIRECTION_CA_MET_MG_LOW; b++)
            assert_string_not_equal(kmgca_direction_name((kmgca_direction)a),
                                    kmgca_direction_name((kmgca_direction)b));
}

/* Text of a Chinese flag or drug class: holds Chinese, and no English word
 * of three letters or more outside the “...” that quote a medication line
 * as written. */
static void assert_chinese(const char *s, const char *what)
{
    assert_true(text_has_cjk(s));
    int quoted = 0;
    size_t run = 0;
    for (const char *p = s; *p; p++) {
        if (strncmp(p, "“", strlen("“")) == 0)
            quoted = 1;
        else if (strncmp(p, "”", strlen("”")) == 0)
            quoted = 0;
        int letter = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
        run = letter && !quoted ? run + 1 : 0;
        if (run >= 3)
            fail_msg("%s: English left in \"%s\"", what, s);
    }
}

/* The flags of a Chinese report: the same flags, their messages and actions
 * in Chinese, their sources cited as they are; the English ones unchanged. */
static void flags_in_chinese(void **state)
{
    (void)state;
    static const char *const sets[][3] = {
        {"data/care/diary.csv", "data/care/meds.csv", "data/care/activity.csv"},
        {"data/supplements/diary.csv", "data/supplements/meds.csv", NULL},
    };
    unsigned kinds = 0;
    for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
        kmgca_error err;
        kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
        assert_non_null(a);
        assert_int_equal(kmgca_analysis_read(a, sets[s][0], NULL, NULL, &err), KMGCA_OK);
        assert_int_equal(kmgca_analysis_read_meds(a, sets[s][1], &err), KMGCA_OK);
        if (sets[s][2])
            assert_int_equal(kmgca_analysis_read_activity(a, sets[s][2], &err), KMGCA_OK);
        for (size_t d = 0; d < kmgca_analysis_day_count(a); d++) {
            kmgca_flag en[64], same[64], zh[64];
            size_t n = kmgca_analysis_day_flags(a, d, en, 64);
            assert_int_equal(analysis_day_flags(a, d, same, 64, KMGCA_LANG_EN), n);
            assert_int_equal(analysis_day_flags(a, d, zh, 64, KMGCA_LANG_ZH), n);
            for (size_t i = 0; i < n && i < 64; i++) {
                assert_string_equal(same[i].message, en[i].message);
                assert_true(same[i].action == en[i].action);
                assert_int_equal(zh[i].kind, en[i].kind);
                assert_int_equal(zh[i].severity, en[i].severity);
                assert_int_equal(zh[i].nutrient, en[i].nutrient);
                assert_int_equal(zh[i].dir, en[i].dir);
                assert_true(zh[i].source == en[i].source);
                assert_true(utf8_valid(zh[i].message, strlen(zh[i].message)));
                assert_chinese(zh[i].message, "message");
                assert_chinese(zh[i].action, "action");
                assert_true(strcmp(zh[i].action, en[i].action) != 0);
                kinds |= 1u << zh[i].kind;
            }
        }
        kmgca_analysis_free(a);
    }
    /* Drug, diuretic, sweat, supplement and pattern flags were all seen. */
    assert_int_equal(kinds, (1u << KMGCA_FLAG_DRUG) | (1u << KMGCA_FLAG_DIURETIC) |
                                (1u << KMGCA_FLAG_SWEAT) | (1u << KMGCA_FLAG_SUPPLEMENT) |
                                (1u << KMGCA_FLAG_PATTERN));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(meds_activity_flags),
        cmocka_unit_test(long_digoxin_text_is_cut_between_characters),
        cmocka_unit_test(direction_names),
        cmocka_unit_test(flags_in_chinese),
    };
    return cmocka_run_group_tests_name("flags", tests, foods_setup, foods_teardown);
}
