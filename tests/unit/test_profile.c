/* test_profile.c — client profiles: every key, every error with its line and
 * column; the language names (kmgca_lang_parse, kmgca_lang_name). */
#include "testutil.h"

static kmgca_status parse(const char *text, kmgca_client_profile *p, kmgca_error *err)
{
    kmgca_error_clear(err);
    return kmgca_client_profile_parse(text, strlen(text), "profile.txt", p, err);
}

/* The error must be exactly at line:column with this message start. */
static void expect_error(const char *text, unsigned long line, unsigned long column,
                         const char *message_start)
{
    kmgca_client_profile p;
    kmgca_error err;
    kmgca_status st = parse(text, &p, &err);
    if (st == KMGCA_OK)
        fail_msg("accepted: %s", text);
    assert_string_equal(err.file, "profile.txt");
    if (err.line != line || err.column != column)
        fail_msg("at %lu:%lu (%s), expected %lu:%lu", err.line, err.column, err.message, line,
                 column);
    if (strncmp(err.message, message_start, strlen(message_start)) != 0)
        fail_msg("message \"%s\", expected it to start \"%s\"", err.message, message_start);
}

static void profile_every_key(void **state)
{
    (void)state;
    kmgca_client_profile p;
    kmgca_error err;
    const char *text = "\xEF\xBB\xBF# a comment\r\n"
                       "Name: Harold Mills\r\n"
                       "  id : C-0101\r\n"
                       "\r\n"
                       "AGE: 72 years\r\n"
                       "sex: male\r\n"
                       "Body-Mass: 84.5 kg\r\n"
                       "reference: US\r\n"
                       "target magnesium: 400 mg\r\n"
                       "Target_K: 3000\r\n"
                       "language: zh\r\n"
                       "notes: first line\r\n"
                       "notes: second line: with a colon\r\n";
    assert_int_equal(parse(text, &p, &err), KMGCA_OK);
    assert_string_equal(p.name, "Harold Mills");
    assert_string_equal(p.id, "C-0101");
    assert_near(p.profile.age_years, 72, 1e-12);
    assert_int_equal(p.profile.sex, 'm');
    assert_int_equal(p.profile.stage, KMGCA_LIFE_NONE);
    assert_int_equal(p.profile.reference, KMGCA_REF_US);
    assert_near(p.body_mass_kg, 84.5, 1e-12);
    assert_near(p.target_mg[KMGCA_MG], 400, 1e-12);
    assert_near(p.target_mg[KMGCA_K], 3000, 1e-12);
    assert_true(isnan(p.target_mg[KMGCA_CA]) && isnan(p.target_mg[KMGCA_NA]));
    assert_int_equal(p.lang, KMGCA_LANG_ZH);
    assert_int_equal(p.lang_given, 1);
    assert_string_equal(p.notes, "first line\nsecond line: with a colon");
}

static void profile_chinese_keys(void **state)
{
    (void)state;
    kmgca_client_profile p;
    kmgca_error err;
    /* Full-width colon, Chinese keys and values. */
    const char *text = "姓名：王丽\n年龄: 30岁\n性别：女\n怀孕: 是\n参考: 中国\n体重: 60 公斤\n"
                       "语言: 中文\n备注: 夜间抽筋\n";
    assert_int_equal(parse(text, &p, &err), KMGCA_OK);
    assert_string_equal(p.name, "王丽");
    assert_near(p.profile.age_years, 30, 1e-12);
    assert_int_equal(p.profile.sex, 'f');
    assert_int_equal(p.profile.stage, KMGCA_LIFE_PREGNANT);
    assert_int_equal(p.profile.reference, KMGCA_REF_CHINA);
    assert_near(p.body_mass_kg, 60, 1e-12);
    assert_int_equal(p.lang, KMGCA_LANG_ZH);
    assert_string_equal(p.notes, "夜间抽筋");
}

static void profile_defaults(void **state)
{
    (void)state;
    kmgca_client_profile p;
    kmgca_error err;
    /* Lactating implies female; nothing else is required. */
    assert_int_equal(parse("age: 29\nlactating: yes\n", &p, &err), KMGCA_OK);
    assert_int_equal(p.profile.sex, 'f');
    assert_int_equal(p.profile.stage, KMGCA_LIFE_LACTATING);
    assert_int_equal(p.profile.reference, KMGCA_REF_US);
    assert_int_equal(p.lang_given, 0);
    assert_int_equal(p.lang, KMGCA_LANG_EN);
    assert_true(isnan(p.body_mass_kg));
    assert_string_equal(p.name, "");
    assert_int_equal(parse("age: 40\nsex: f\nstage: pregnant\n", &p, &err), KMGCA_OK);
    assert_int_equal(p.profile.stage, KMGCA_LIFE_PREGNANT);
}

static void profile_errors(void **state)
{
    (void)state;
    expect_error("age: 70\nsex: m\nwieght: 80\n", 3, 1, "unknown key \"wieght\" (known keys:");
    expect_error("age: 70\nsex m\n", 2, 1, "expected \"key: value\"");
    expect_error("age: seventy\nsex: m\n", 1, 6, "age must be a number of years from 0 to 130");
    expect_error("age: 131\nsex: m\n", 1, 6, "age must be a number");
    expect_error("age: 1e2\nsex: m\n", 1, 6, "age must be a number");
    expect_error("sex: m\n  age:   70\nage: 71\n", 3, 1, "age is given twice (first on line 2)");
    expect_error("age: 70\nsex: x\n", 2, 6, "sex must be f or m");
    expect_error("age: 70\nsex: m\npregnant: yes\n", 3, 11, "pregnancy applies only to sex f");
    expect_error("age: 30\nsex: f\npregnant: yes\nlactating: yes\n", 4, 12,
                 "pregnant and lactating cannot both be yes");
    expect_error("age: 70\nsex: m\nbody mass: 9 kg\n", 3, 12, "body mass must be kilograms");
    expect_error("age: 70\nsex: m\ntarget magnesium: lots\n", 3, 19,
                 "target magnesium must be mg a day");
    expect_error("age: 70\nsex: m\nlanguage: fr\n", 3, 11, "language must be en or zh");
    expect_error("age: 70\nsex: m\nreference: label\n", 3, 12, "reference must be us");
    expect_error("age: 70\nsex: m\nname:\n", 3, 6, "no value after \"name:\"");
    expect_error("age: 70\nsex: m\n: 3\n", 3, 1, "no key before the colon");
    /* Columns count characters: the bad value after Chinese text. */
    expect_error("年龄：七十\nsex: m\n", 1, 4, "age must be a number");
    /* Not UTF-8: the column of the first bad byte. */
    expect_error("age: 70\nsex: m\nname: Ren\xE9\n", 3, 10, "the text is not UTF-8");
    expect_error("sex: m\n", 0, 0, "no age: add a line such as \"age: 68\"");
    expect_error("age: 50\n", 0, 0, "no sex: add a line such as");
    /* The reference must have targets for this person. */
    expect_error("age: 3\nsex: f\npregnant: yes\n", 1, 6,
                 "the us reference gives calcium targets in pregnancy for ages 14 to 51 only");
}

/* A profile held in memory need not end in NUL: a character cut by its
 * end is an encoding error, never read past (found by fuzzing
 * kmgca_client_profile_parse; the unit tests run under ASan and valgrind
 * in make check-hardening). */
static void profile_cut_at_the_end_of_memory(void **state)
{
    (void)state;
    static const char text[] = "age: 70\nsex: m\nname: \xE6\x96";
    size_t len = sizeof text - 1;
    char *exact = malloc(len);     /* no NUL after the text */
    assert_non_null(exact);
    memcpy(exact, text, len);
    kmgca_client_profile p;
    kmgca_error err;
    assert_int_equal(kmgca_client_profile_parse(exact, len, "profile.txt", &p, &err),
                     KMGCA_ERROR_ENCODING);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 7);
    free(exact);
}

static void profile_read_file(void **state)
{
    (void)state;
    kmgca_client_profile p;
    kmgca_error err;
    kmgca_error_clear(&err);
    assert_int_equal(kmgca_client_profile_read("../examples/clients/older-man-hctz/profile.txt",
                                               &p, &err),
                     KMGCA_OK);
    assert_string_equal(p.name, "Harold Mills");
    assert_int_equal(kmgca_client_profile_read("no/such/profile.txt", &p, &err), KMGCA_ERROR_IO);
    assert_string_equal(err.file, "no/such/profile.txt");
    assert_int_equal(kmgca_client_profile_read("report/data/bad_profile/profile.txt", &p, &err),
                     KMGCA_ERROR_VALUE);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 1);
}

static void lang_parse_and_names(void **state)
{
    (void)state;
    kmgca_lang l;
    assert_int_equal(kmgca_lang_parse("ZH", &l), KMGCA_OK);
    assert_int_equal(l, KMGCA_LANG_ZH);
    assert_int_equal(kmgca_lang_parse("English", &l), KMGCA_OK);
    assert_int_equal(l, KMGCA_LANG_EN);
    assert_int_equal(kmgca_lang_parse("中文", &l), KMGCA_OK);
    assert_int_equal(l, KMGCA_LANG_ZH);
    assert_int_equal(kmgca_lang_parse("fr", &l), KMGCA_ERROR_VALUE);
    assert_string_equal(kmgca_lang_name(KMGCA_LANG_ZH), "zh");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(profile_every_key),
        cmocka_unit_test(profile_chinese_keys),
        cmocka_unit_test(profile_defaults),
        cmocka_unit_test(profile_errors),
        cmocka_unit_test(profile_cut_at_the_end_of_memory),
        cmocka_unit_test(profile_read_file),
        cmocka_unit_test(lang_parse_and_names),
    };
    return cmocka_run_group_tests_name("profile", tests, NULL, NULL);
}
