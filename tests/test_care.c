/* test_care.c — medication matching against a set of real-world list lines,
 * the sweat model against values worked out by hand from the cited papers,
 * and the daily flags. */
#include "testutil.h"

#include <limits.h>

/* ---- The drug-matching set (tests/data/meds/matching.csv) ---------------- */

typedef struct {
    size_t lines, failures;
    long col[6];
    int have_header;
} match_run;

static const char *got_expect(const kmgca_drug_match *m, char *buf, size_t size)
{
    if (!m->part_count)
        snprintf(buf, size, "unknown");
    else if (!m->affects_minerals)
        snprintf(buf, size, "no-effect:%s", kmgca_drug_name(m->part[0]));
    else
        snprintf(buf, size, "%s", m->name);
    return buf;
}

static kmgca_status match_line(const csv_row *row, void *ud, kmgca_error *err)
{
    (void)err;
    match_run *r = ud;
    static const char *const names[6] = {"text", "expect", "k", "mg", "ca", "na"};
    if (!r->have_header) {
        for (int i = 0; i < 6; i++) {
            r->col[i] = csv_find_column(row, names[i]);
            assert_true(r->col[i] >= 0);
        }
        r->have_header = 1;
        return KMGCA_OK;
    }
    const char *f[6];
    for (int i = 0; i < 6; i++)
        f[i] = (size_t)r->col[i] < row->count ? row->fields[r->col[i]] : "";
    kmgca_drug_match m;
    kmgca_drug_match_text(f[0], &m);
    char got[300];
    got_expect(&m, got, sizeof got);
    int ok = strcmp(got, f[1]) == 0;
    static const kmgca_nutrient order[4] = {KMGCA_K, KMGCA_MG, KMGCA_CA, KMGCA_NA};
    if (ok && m.affects_minerals)
        for (int i = 0; i < 4; i++)
            ok &= strcmp(kmgca_effect_name(m.effect[order[i]]), f[2 + i]) == 0;
    /* A recognised line always says how. */
    if (ok && m.part_count)
        ok = m.how[0] != '\0' && m.confidence > 0 && m.confidence <= 1;
    if (!ok) {
        r->failures++;
        print_message("line %lu: \"%s\": got %s (K %s, Mg %s, Ca %s, Na %s), expected %s "
                      "(K %s, Mg %s, Ca %s, Na %s)\n",
                      row->line, f[0], got, kmgca_effect_name(m.effect[KMGCA_K]),
                      kmgca_effect_name(m.effect[KMGCA_MG]), kmgca_effect_name(m.effect[KMGCA_CA]),
                      kmgca_effect_name(m.effect[KMGCA_NA]), f[1], f[2], f[3], f[4], f[5]);
    }
    r->lines++;
    return KMGCA_OK;
}

static void drug_matching_set(void **state)
{
    (void)state;
    match_run r = {0};
    kmgca_error err;
    assert_int_equal(csv_read_file("data/meds/matching.csv", match_line, &r, NULL, &err),
                     KMGCA_OK);
    assert_true(r.lines >= 60);
    if (r.failures)
        fail_msg("%zu of %zu medication lines matched wrongly", r.failures, r.lines);
}

static void drug_match_details(void **state)
{
    (void)state;
    kmgca_drug_match m;
    /* A combination with its own table row: the row's class and ATC. */
    assert_int_equal(kmgca_drug_match_text("valsartan/HCTZ 80-12.5", &m), 2);
    assert_string_equal(m.name, "hydrochlorothiazide + valsartan");
    assert_string_equal(m.atc, "C09DA03");
    assert_int_equal(m.effect[KMGCA_K], KMGCA_EFFECT_VARIABLE);
    assert_non_null(m.row);
    /* Salt words belong to the drug: "losartan potassium" is no K supplement. */
    kmgca_drug_match_text("losartan potassium 50mg", &m);
    assert_int_equal(m.part_count, 1);
    assert_string_equal(m.name, "losartan");
    /* A bare "potassium 20 mEq" is one. */
    kmgca_drug_match_text("potassium 20 mEq", &m);
    assert_string_equal(m.name, "potassium chloride");
    /* A misspelling is read, with a lower confidence and a word about it. */
    kmgca_drug_match_text("furosemid 40", &m);
    assert_string_equal(m.name, "furosemide");
    assert_true(m.confidence < 0.9);
    assert_non_null(strstr(m.how, "spelling"));
    /* A statin is known and has no mineral effect; nonsense is unknown. */
    kmgca_drug_match_text("atorvastatin 20 mg", &m);
    assert_int_equal(m.part_count, 1);
    assert_false(m.affects_minerals);
    assert_string_equal(m.name, "");
    assert_int_equal(kmgca_drug_match_text("fluffy herbal tea", &m), 0);
    assert_int_equal(kmgca_drug_match_text("", &m), 0);
    assert_int_equal(kmgca_drug_match_text(NULL, &m), 0);
    /* Long and hostile text: no crash, nothing found. */
    char big[20000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(kmgca_drug_match_text(big, &m), 0);
    /* Every table row has a class and a source; effects are valid. */
    for (size_t i = 0; i < kmgca_drug_count(); i++) {
        const kmgca_drug *d = kmgca_drug_at(i);
        assert_true(kmgca_drug_class(d)[0]);
        assert_true(kmgca_drug_source(d)[0]);
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            assert_true(kmgca_drug_effect(d, (kmgca_nutrient)n) <= KMGCA_EFFECT_VARIABLE);
    }
    assert_null(kmgca_drug_at(kmgca_drug_count()));
}

/* ---- Sweat ------------------------------------------------------------- */

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

/* ---- Medications, activity and the flags of each day -------------------- */

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

/* ---- Chinese reports ------------------------------------------------------ */

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

/* Every class of the drug table has its Chinese (drugtables/drug_classes_zh.csv),
 * and a line's class and name follow the language asked for. */
static void drug_classes_in_chinese(void **state)
{
    (void)state;
    for (size_t i = 0; i < kmgca_drug_count(); i++) {
        const kmgca_drug *d = kmgca_drug_at(i);
        /* Abbreviations stay ("保钾利尿剂（ENaC阻滞剂）"). */
        assert_true(text_has_cjk(kmgca_drug_class_zh(d)));
    }
    char v[300];
    kmgca_drug_match m;
    assert_true(kmgca_drug_match_text("omeprazole 20mg", &m) > 0);
    drug_match_class(&m, KMGCA_LANG_ZH, v, sizeof v);
    assert_string_equal(v, "质子泵抑制剂");
    drug_match_class(&m, KMGCA_LANG_EN, v, sizeof v);
    assert_string_equal(v, "proton pump inhibitor");
    drug_match_label(&m, KMGCA_LANG_ZH, v, sizeof v);
    assert_string_equal(v, "奥美拉唑");
    drug_match_label(&m, KMGCA_LANG_EN, v, sizeof v);
    assert_string_equal(v, "omeprazole");
    /* No row for the whole: the parts' classes, joined as in English. */
    assert_true(kmgca_drug_match_text("Caltrate 600+D", &m) > 0);
    assert_null(m.row);
    drug_match_class(&m, KMGCA_LANG_EN, v, sizeof v);
    assert_string_equal(v, m.drug_class);
    drug_match_class(&m, KMGCA_LANG_ZH, v, sizeof v);
    assert_string_equal(v, "钙补充剂／抗酸药 + 维生素D");
    /* A combination with its own row. */
    assert_true(kmgca_drug_match_text("氯沙坦钾氢氯噻嗪片", &m) > 0);
    drug_match_class(&m, KMGCA_LANG_ZH, v, sizeof v);
    assert_string_equal(v, "ARB与噻嗪类利尿剂复方制剂");
}

static void bad_side_files(void **state)
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
    assert_int_equal(kmgca_analysis_read_activity(a, "data/care/meds.csv", &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(kmgca_analysis_read_meds(a, "data/care/missing.csv", &err), KMGCA_ERROR_IO);
    kmgca_analysis_free(a);
}

/* A file of text in the temporary folder, for the cases below. */
static const char *temp_csv(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/kmgca-test-%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* A row whose fields hold nothing but spaces is blank in a medication list
 * and an activity log as in a diary (table.c): skipped, before the header
 * too, where it was once taken for the header. */
static void blank_rows_in_side_files(void **state)
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
        cmocka_unit_test(drug_matching_set),
        cmocka_unit_test(drug_match_details),
        cmocka_unit_test(sweat_worked_examples),
        cmocka_unit_test(meds_activity_flags),
        cmocka_unit_test(cronometer_exercises),
        cmocka_unit_test(long_digoxin_text_is_cut_between_characters),
        cmocka_unit_test(direction_names),
        cmocka_unit_test(flags_in_chinese),
        cmocka_unit_test(drug_classes_in_chinese),
        cmocka_unit_test(bad_side_files),
        cmocka_unit_test(blank_rows_in_side_files),
    };
    return cmocka_run_group_tests(tests, foods_setup, foods_teardown);
}
