/* test_supplement.c — a supplement or medicine line to elemental mg, worked by
 * hand: every salt's elemental share, units of strength and count, how
 * often, and what is no mineral supplement. */
#include "testutil.h"

/* mg of element e that a line gives, or fails with the reason. */
static double mg_of(const char *text, const char *dose, kmgca_supplement_mode mode, int e)
{
    kmgca_supplement sp;
    if (!kmgca_supplement_read(text, dose, mode, &sp))
        fail_msg("\"%s\" [%s]: not read as a supplement", text, dose);
    if (sp.review[0])
        fail_msg("\"%s\" [%s]: not counted: %s", text, dose, sp.review);
    return sp.mg[e];
}

#define ONCE(text, e) mg_of(text, "", KMGCA_SUPPLEMENT_INTAKE, e)

/* Every salt's elemental share, worked by hand from its formula and the
 * IUPAC 2021 atomic weights (Ca 40.078, Mg 24.305, K 39.098, C 12.011,
 * H 1.008, N 14.007, O 15.999, P 30.974, S 32.06, Cl 35.45, Al 26.982). */
static void salt_fractions(void **state)
{
    (void)state;
    static const struct {
        const char *salt;
        int e;
        double fraction;
    } cases[] = {
        {"calcium carbonate", KMGCA_CA, 0.4004},       /* CaCO3: 40.078 / 100.086 */
        {"calcium citrate", KMGCA_CA, 0.2108},         /* Ca3(C6H5O7)2.4H2O: 120.23 / 570.49 */
        {"calcium lactate", KMGCA_CA, 0.1300},         /* Ca(C3H5O3)2.5H2O: 40.078 / 308.29 */
        {"calcium gluconate", KMGCA_CA, 0.0894},       /* Ca(C6H11O7)2.H2O: 40.078 / 448.39 */
        {"calcium phosphate", KMGCA_CA, 0.3876},       /* Ca3(PO4)2: 120.23 / 310.18 */
        {"calcium acetate", KMGCA_CA, 0.2534},         /* Ca(C2H3O2)2: 40.078 / 158.17 */
        {"magnesium oxide", KMGCA_MG, 0.6030},         /* MgO: 24.305 / 40.304 */
        {"magnesium hydroxide", KMGCA_MG, 0.4168},     /* Mg(OH)2: 24.305 / 58.32 */
        {"magnesium citrate", KMGCA_MG, 0.1616},       /* Mg3(C6H5O7)2: 72.92 / 451.11 */
        {"magnesium glycinate", KMGCA_MG, 0.1410},     /* Mg(C2H4NO2)2: 24.305 / 172.42 */
        {"magnesium chloride", KMGCA_MG, 0.1196},      /* MgCl2.6H2O: 24.305 / 203.30 */
        {"magnesium lactate", KMGCA_MG, 0.1019},       /* Mg(C3H5O3)2.2H2O: 24.305 / 238.47 */
        {"magnesium sulfate", KMGCA_MG, 0.0986},       /* MgSO4.7H2O: 24.305 / 246.47 */
        {"magnesium aspartate", KMGCA_MG, 0.0749},     /* Mg(C4H6NO4)2.2H2O: 24.305 / 324.5 */
        {"magnesium L-threonate", KMGCA_MG, 0.0720},   /* as sold: 2,000 mg = 144 mg (label) */
        {"magnesium carbonate", KMGCA_MG, 0.2883},     /* MgCO3: 24.305 / 84.31 */
        {"magnesium gluconate", KMGCA_MG, 0.0539},     /* Mg(C6H11O7)2.2H2O: 24.305 / 450.6 */
        {"potassium chloride", KMGCA_K, 0.5245},       /* KCl: 39.098 / 74.55 */
        {"potassium citrate", KMGCA_K, 0.3616},        /* K3C6H5O7.H2O: 117.29 / 324.41 */
        {"potassium gluconate", KMGCA_K, 0.1669},      /* KC6H11O7: 39.098 / 234.2 */
        {"potassium bicarbonate", KMGCA_K, 0.3905},    /* KHCO3: 39.098 / 100.11 */
        {"potassium aspartate", KMGCA_K, 0.2284},      /* KC4H6NO4: 39.098 / 171.19 */
    };
    char text[120];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s 1000 mg", cases[i].salt);
        assert_near(ONCE(text, cases[i].e), 1000 * cases[i].fraction, 0.051);
    }
    /* Salts whose share is not fixed are asked, not guessed. */
    static const char *const asked[] = {"magnesium malate 1250 mg", "magnesium taurate 500 mg",
                                        "calcium citrate malate 1000 mg", "铝碳酸镁 0.5g"};
    for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
        kmgca_supplement sp;
        assert_int_equal(kmgca_supplement_read(asked[i], "", KMGCA_SUPPLEMENT_INTAKE, &sp), 1);
        assert_true(sp.review[0]);
    }
}

/* Units of strength and of count, worked by hand. */
static void units(void **state)
{
    (void)state;
    assert_near(ONCE("calcium carbonate 1.25 g", KMGCA_CA), 1250 * 0.4004, 0.01);
    assert_near(ONCE("碳酸钙 1.5克", KMGCA_CA), 1500 * 0.4004, 0.01);
    assert_near(ONCE("含钙600毫克", KMGCA_CA), 600, 1e-9);
    assert_near(ONCE("KCl 20 mEq", KMGCA_K), 20 * 39.098, 1e-6);        /* K+: 1 mEq = 1 mmol */
    assert_near(ONCE("氯化钾 10毫摩尔", KMGCA_K), 10 * 39.098, 1e-6);
    assert_near(ONCE("magnesium 4 mmol", KMGCA_MG), 4 * 24.305, 1e-6);
    assert_near(ONCE("magnesium 10 mEq", KMGCA_MG), 10 * 24.305 / 2, 1e-6); /* Mg2+: 2 mEq a mmol */
    assert_near(ONCE("calcium 500 mg 2 tablets", KMGCA_CA), 1000, 1e-9);
    assert_near(ONCE("钙尔奇D600 一片半", KMGCA_CA), 900, 1e-9);
    assert_near(ONCE("half a Mag-Ox 400 tab", KMGCA_MG), 241.3 / 2, 1e-9);
    assert_near(ONCE("Magnesium 250mg x 2", KMGCA_MG), 500, 1e-9);
    assert_near(ONCE("2 Tums Ultra 1000", KMGCA_CA), 800, 1e-9);
    assert_near(ONCE("Klor-Con M20 2 tabs", KMGCA_K), 2 * 20 * 39.098, 1e-6);
    /* liquids: 400 mg Mg(OH)2 per 5 ml, 15 ml: 1200 mg x 41.68 % */
    assert_near(ONCE("magnesium hydroxide 400mg/5ml 15 ml", KMGCA_MG), 1200 * 0.4168, 0.01);
    assert_near(ONCE("milk of magnesia 1 tbsp", KMGCA_MG), 1200 * 0.4168, 0.01);
    assert_near(ONCE("milk of magnesia 1 tsp", KMGCA_MG), 400 * 0.4168, 0.01);
    /* 10 % KCl: 100 mg a ml; 10 ml = 1 g x 52.45 % */
    assert_near(ONCE("氯化钾口服溶液 10% 10毫升", KMGCA_K), 1000 * 0.5245, 0.01);
    /* 葡萄糖酸钙口服溶液: 1 g a 10 ml ampoule (支) x 8.94 % */
    assert_near(ONCE("葡萄糖酸钙口服溶液 2支", KMGCA_CA), 2 * 1000 * 0.0894, 0.01);
    assert_near(ONCE("Slow-K 600 mg", KMGCA_K), 600 * 0.5245, 0.01);
    /* "(as ...)" names the form: the figure is the element's */
    assert_near(ONCE("Magnesium (as glycinate) 200 mg", KMGCA_MG), 200, 1e-9);
    /* a multi-mineral product: one row a mineral */
    assert_near(ONCE("Rolaids Regular Strength 1 tablet", KMGCA_MG), 45, 1e-9);
    assert_near(ONCE("Rolaids Regular Strength 1 tablet", KMGCA_CA), 220, 1e-9);
}

/* How often, worked by hand: Mag-Ox 400 is 241.3 mg Mg a tablet. */
static void frequencies(void **state)
{
    (void)state;
    static const struct {
        const char *dose;
        double per_day;
    } cases[] = {
        {"1 tab daily", 1},        {"1 tab qd", 1},          {"1 od", 1},
        {"1 at night", 1},         {"1 every morning", 1},   {"1 nocte", 1},
        {"1 tab bid", 2},          {"1 tab b.i.d.", 2},      {"1 bd", 2},
        {"1 twice daily", 2},      {"1 tab q12h", 2},        {"1 morning and night", 2},
        {"1 tid", 3},              {"1 tds", 3},             {"1 three times a day", 3},
        {"1 every 8 hours", 3},    {"1 qid", 4},             {"2 tabs tid", 6},
        {"1 x2 daily", 2},         {"每日2次，每次1片", 2},  {"一日3次 一次2片", 6},
        {"早晚各1片", 2},          {"每晚1粒", 1},           {"每天吃两次", 2},
        {"2次/日", 2},             {"一天兩次", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double mg = mg_of("Mag-Ox 400", cases[i].dose, KMGCA_SUPPLEMENT_PER_DAY, KMGCA_MG);
        if (fabs(mg - 241.3 * cases[i].per_day) > 1e-6)
            fail_msg("\"%s\": %g mg, expected %g", cases[i].dose, mg, 241.3 * cases[i].per_day);
    }
    /* No frequency in a medication list: once a day, said so. */
    kmgca_supplement sp;
    kmgca_supplement_read("Mag-Ox 400", "1 tablet", KMGCA_SUPPLEMENT_PER_DAY, &sp);
    assert_true(sp.frequency_assumed);
    assert_near(sp.mg[KMGCA_MG], 241.3, 1e-9);
    assert_non_null(strstr(sp.how, "assumed"));
    /* Not every day, ranges and vague amounts: asked. */
    static const char *const asked[] = {"1 tab every other day", "1 tab prn", "2 tabs as needed",
                                        "1 weekly", "Mon/Wed/Fri", "隔日一次", "必要时",
                                        "1-2 tabs daily", "一两片", "a few"};
    for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
        assert_int_equal(kmgca_supplement_read("Mag-Ox 400", asked[i], KMGCA_SUPPLEMENT_PER_DAY,
                                               &sp), 1);
        if (!sp.review[0])
            fail_msg("\"%s\": counted %g mg instead of asked", asked[i], sp.mg[KMGCA_MG]);
    }
}

/* What is not a mineral supplement, and what only looks like one. */
static void not_supplements(void **state)
{
    (void)state;
    kmgca_supplement sp;
    static const char *const none[] = {"banana", "milk 200ml", "calcium-fortified orange juice 250 ml",
                                       "高钙牛奶 一盒", "atorvastatin calcium 20 mg",
                                       "losartan potassium 50 mg", "esomeprazole magnesium 40 mg",
                                       "阿托伐他汀钙片 20mg", "vitamin K2 100 mcg", "fish oil 1000 mg"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (kmgca_supplement_read(none[i], "", KMGCA_SUPPLEMENT_INTAKE, &sp))
            fail_msg("\"%s\" read as a supplement: %s", none[i], sp.review[0] ? sp.review : sp.how);
    /* Foods made with a salt or a mineral, weighed in a diary's amount
     * column, stay food (the 140 g of tofu are no dose of calcium). */
    static const char *const foods[][2] = {
        {"Tofu, raw, firm, prepared with calcium sulfate", "140 g"},
        {"Tofu, prepared with magnesium chloride (nigari)", "100 g"},
        {"Soymilk, original and vanilla, with added calcium, vitamins A and D", "1 cup"},
        {"calcium-fortified orange juice", "250 ml"},
        {"高钙饼干", "2片"},
        {"calcium", "140 g"},
    };
    for (size_t i = 0; i < sizeof foods / sizeof foods[0]; i++)
        if (kmgca_supplement_read(foods[i][0], foods[i][1], KMGCA_SUPPLEMENT_INTAKE, &sp))
            fail_msg("\"%s\" [%s] read as a supplement: %s", foods[i][0], foods[i][1],
                     sp.review[0] ? sp.review : sp.how);
    /* A Chinese generic with a bare figure: the salt or the element? Asked. */
    assert_int_equal(kmgca_supplement_read("钙片 600mg", "", KMGCA_SUPPLEMENT_INTAKE, &sp), 1);
    assert_non_null(strstr(sp.review, "含钙"));
    /* A brand sold in several strengths: asked. */
    assert_int_equal(kmgca_supplement_read("Tums", "2 tablets", KMGCA_SUPPLEMENT_INTAKE, &sp), 1);
    assert_true(sp.review[0]);
    /* A strength that contradicts the label, with a count: asked. */
    assert_int_equal(kmgca_supplement_read("Caltrate 600+D", "900 mg, 2 tablets",
                                           KMGCA_SUPPLEMENT_INTAKE, &sp), 1);
    assert_non_null(strstr(sp.review, "label"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(salt_fractions),
        cmocka_unit_test(units),
        cmocka_unit_test(frequencies),
        cmocka_unit_test(not_supplements),
    };
    return cmocka_run_group_tests_name("supplement", tests, NULL, NULL);
}
