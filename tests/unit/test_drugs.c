/* test_drugs.c — medication text to drugs: a set of real-world list lines
 * (data/meds/matching.csv), the details of a match, the classes in Chinese. */
#include "testutil.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drug_matching_set),
        cmocka_unit_test(drug_match_details),
        cmocka_unit_test(drug_classes_in_chinese),
    };
    return cmocka_run_group_tests_name("drugs", tests, NULL, NULL);
}
