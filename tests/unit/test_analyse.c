/* test_analyse.c — diaries to days: every format, every row accounted for,
 * sums checked against values worked out by hand from foodtables/foods.csv;
 * the Top sources (top.c), read through the analysis. */
#include "testutil.h"

#include <unistd.h>

#define D "data/diaries/"

typedef struct {
    size_t entries, reviews;
    char first_review[1024];
    char hyperlink_food[256];
    int saw_ambiguous;
} seen;

static kmgca_status collect(const kmgca_entry *e, void *ud, kmgca_error *err)
{
    seen *s = ud;
    (void)err;
    s->entries++;
    if (e->review) {
        if (!s->reviews++)
            copy_text(s->first_review, sizeof s->first_review, e->review);
        if (strstr(e->review, "ambiguous"))
            s->saw_ambiguous++;
        assert_non_null(e->original);
    }
    if (strncmp(e->food_text, "=HYPERLINK", 10) == 0)
        copy_text(s->hyperlink_food, sizeof s->hyperlink_food, e->food_text);
    assert_true(e->progress >= 0 && e->progress <= 1);
    return KMGCA_OK;
}

static kmgca_analysis *run(const char *path, const kmgca_options *o, seen *s)
{
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, o, &err);
    assert_non_null(a);
    memset(s, 0, sizeof *s);
    if (kmgca_analysis_read(a, path, collect, s, &err) != KMGCA_OK)
        fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    /* Nothing lost: every row read is used or in review, and the callback saw it. */
    assert_int_equal(kmgca_analysis_rows_read(a),
                     kmgca_analysis_rows_used(a) + kmgca_analysis_rows_review(a));
    assert_int_equal(s->entries, kmgca_analysis_rows_read(a));
    assert_int_equal(s->reviews, kmgca_analysis_rows_review(a));
    return a;
}

static const kmgca_day *day_of(const kmgca_analysis *a, const char *date)
{
    static kmgca_day found;
    for (size_t i = 0; i < kmgca_analysis_day_count(a); i++) {
        found = kmgca_analysis_day(a, i);
        if (strcmp(found.date, date) == 0)
            return &found;
    }
    fail_msg("no day %s", date);
    return NULL;
}

static void generic_diary(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "generic.csv", NULL, &s);
    assert_int_equal(kmgca_analysis_rows_read(a), 14);
    assert_int_equal(kmgca_analysis_rows_used(a), 9);
    assert_int_equal(kmgca_analysis_rows_review(a), 5);
    assert_int_equal(kmgca_analysis_blank_lines(a), 1);
    assert_int_equal(kmgca_analysis_day_count(a), 3);
    /* 2026-11-01 by hand (mg per 100 g x grams / 100):
     * banana 118 g (Ca 5, Mg 27, K 358, Na 1), whole milk 244 g (FNDDS 11111000 "Milk, whole", the
     * diary's own words: 123, 12, 150, 38),
     * almonds 30 g (269, 270, 733, 1), boiled spinach 90 g (136, 87, 466, 70). */
    const kmgca_day *d = day_of(a, "2026-11-01");
    assert_near(d->mg[KMGCA_CA], 5.9 + 300.12 + 80.7 + 122.4, 1e-9);
    assert_near(d->mg[KMGCA_MG], 31.86 + 29.28 + 81 + 78.3, 1e-9);
    assert_near(d->mg[KMGCA_K], 422.44 + 366 + 219.9 + 419.4, 1e-9);
    assert_near(d->mg[KMGCA_NA], 1.18 + 92.72 + 0.3 + 63, 1e-9);
    assert_near(d->percent[KMGCA_MG], 100 * 220.44 / 420, 1e-9);
    assert_int_equal(d->rows, 5);
    assert_int_equal(d->rows_used, 4);
    assert_int_equal(d->rows_review, 1);
    assert_near(d->coverage[KMGCA_CA], 0.8, 1e-9);
    /* 2026-11-02: 菠菜 200 g, spinach as eaten in China, cooked (SR28 11458:
     * 136, 87, 466), 2 slices whole-wheat bread 64 g (161, 75, 254, 455),
     * pumpkin seeds 30 g (52, 550, 788, 18). */
    d = day_of(a, "2026-11-02");
    assert_near(d->mg[KMGCA_CA], 272 + 103.04 + 15.6, 1e-9);
    assert_near(d->mg[KMGCA_MG], 174 + 48 + 165, 1e-9);
    assert_near(d->mg[KMGCA_K], 932 + 162.56 + 236.4, 1e-9);
    /* 2026-11-03: "oatmeal" with no amount is one typical serving, said so:
     * 1 cup of cooked oats, 234 g (SR28 08121, Mg 27 per 100 g), and the
     * baked potato. */
    d = day_of(a, "2026-11-03");
    assert_int_equal(d->rows_assumed, 1);
    assert_int_equal(d->rows_used, 2);
    /* The formula-looking food is kept as written, and sent to review. */
    assert_string_equal(s.hyperlink_food, "=HYPERLINK(\"http://example.com\",\"click\")");
    assert_non_null(strstr(s.first_review, "xyzzy frobnicator"));
    kmgca_analysis_free(a);
}

/* A line saying the food was not eaten counts nothing and says why; a
 * message's chatter and a meal's label leave the food to count. */
static void lines_not_eaten(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "not_eaten.csv", NULL, &s);
    assert_int_equal(kmgca_analysis_rows_read(a), 3);
    assert_int_equal(kmgca_analysis_rows_review(a), 1);
    assert_non_null(strstr(s.first_review, "not eaten"));
    assert_non_null(strstr(s.first_review, "我妈不爱喝牛奶"));
    const kmgca_day *d = day_of(a, "2026-11-05");
    assert_int_equal(d->rows_used, 2);
    kmgca_analysis_free(a);
}

static void top_sources(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "generic.csv", NULL, &s);
    kmgca_source top[3];
    assert_int_equal(kmgca_analysis_top(a, KMGCA_MG, top, 3), 3);
    /* Magnesium: cooked spinach (SR28 11458), 菠菜 200 g and boiled spinach 90 g,
     * 174 + 78.3; pumpkin seeds 165; almonds 81. */
    assert_string_equal(top[0].name, "Spinach, cooked, boiled, drained, without salt");
    assert_near(top[0].mg, 252.3, 1e-9);
    assert_string_equal(top[1].name, "Seeds, pumpkin and squash seed kernels, roasted, without salt");
    assert_string_equal(top[2].name, "Nuts, almonds");
    double total = 220.44 + 387 + 48.44 + 0.27 * 234; /* the three days' magnesium */
    assert_near(top[0].share, 252.3 / total, 1e-9);
    kmgca_analysis_free(a);
}

static void semicolons_decimal_commas_chinese_headers(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "semicolon_zh.csv", NULL, &s);
    assert_int_equal(kmgca_analysis_rows_used(a), 3);
    /* 1,5 cup 牛奶: the Taiwan FDA whole milk L01021 (Ca 104.1001), which has no
     * volume measure, weighed as milk (containers.csv: 1.03 g/ml): 1.5 x
     * 236.5882365 ml x 1.03; "118,0" g banana; 150 g 豆腐, TFDA 传统豆腐
     * R4700901 (Ca 139.85). */
    const kmgca_day *d = day_of(a, "2026-11-05");
    assert_near(d->mg[KMGCA_CA],
                1.5 * 236.5882365 * 1.03 * 1.041001 + 1.18 * 5 + 1.5 * 139.85, 1e-9);
    assert_int_equal(kmgca_analysis_note_count(a), 1);
    kmgca_analysis_free(a);
}

static void gbk_needs_its_encoding(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, D "zh_gbk.csv", NULL, NULL, &err),
                     KMGCA_ERROR_ENCODING);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 1);
    kmgca_analysis_free(a);

    kmgca_options o = {.encoding = "gbk"};
    seen s;
    a = run(D "zh_gbk.csv", &o, &s);
    seen u;
    kmgca_analysis *b = run(D "zh_utf8.csv", NULL, &u);
    assert_int_equal(kmgca_analysis_rows_used(a), kmgca_analysis_rows_used(b));
    assert_near(kmgca_analysis_day(a, 0).mg[KMGCA_MG], kmgca_analysis_day(b, 0).mg[KMGCA_MG],
                1e-12);
    /* 1 两 (50 g) 菠菜 (cooked, SR28 11458, Mg 87) + 1 碗 米饭 (200 g, the
     * household bowl of foodtables/containers.csv; TFDA 白饭 A0550601, Mg 7.19)
     * + 100 g 豆腐 (TFDA R4700901, Mg 32.81). */
    assert_near(kmgca_analysis_day(a, 0).mg[KMGCA_MG], 43.5 + 14.38 + 32.81, 1e-9);
    kmgca_analysis_free(a);
    kmgca_analysis_free(b);

    o.encoding = "no-such-encoding";
    a = kmgca_analysis_new(shared_foods, &o, &err);
    assert_int_equal(kmgca_analysis_read(a, D "zh_gbk.csv", NULL, NULL, &err),
                     KMGCA_ERROR_ARGUMENT);
    kmgca_analysis_free(a);
}

static void dates_learned_from_the_file(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "dates_us.csv", NULL, &s);
    /* 11/24/2026 proves month first, so 11/03/2026 is 3 November. */
    assert_int_equal(kmgca_analysis_rows_used(a), 3);
    day_of(a, "2026-11-03");
    day_of(a, "2026-11-24");
    kmgca_analysis_free(a);

    a = run(D "dates_ambiguous.csv", NULL, &s);
    assert_int_equal(kmgca_analysis_rows_review(a), 2);
    assert_int_equal(s.saw_ambiguous, 2);
    kmgca_analysis_free(a);

    kmgca_options o = {.date_order = KMGCA_DATE_ORDER_DMY};
    a = run(D "dates_ambiguous.csv", &o, &s);
    assert_int_equal(kmgca_analysis_rows_used(a), 2);
    day_of(a, "2026-04-03");
    day_of(a, "2026-03-04");
    kmgca_analysis_free(a);
}

static void cronometer_servings(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "cronometer_servings.csv", NULL, &s);
    kmgca_format f;
    kmgca_analysis_file(a, 0, &f, NULL);
    assert_int_equal(f, KMGCA_FORMAT_CRONOMETER_SERVINGS);
    assert_int_equal(kmgca_analysis_rows_used(a), 5);
    /* The export's own values: 5.9 + 275.7 + 122.4 calcium on 2026-11-10. */
    const kmgca_day *d = day_of(a, "2026-11-10");
    assert_near(d->mg[KMGCA_CA], 5.9 + 275.7 + 122.4, 1e-9);
    /* The custom hotdish has no calcium: the day's coverage says so. */
    d = day_of(a, "2026-11-11");
    assert_near(d->mg[KMGCA_CA], 80.7, 1e-9);
    assert_near(d->coverage[KMGCA_CA], 0.5, 1e-9);
    assert_near(d->coverage[KMGCA_K], 1, 1e-9);
    kmgca_analysis_free(a);

    /* --recompute: the names matched against the tables give nearly the same
     * day ("Milk, Whole" is FNDDS's own name: 123 mg Ca per 100 g, 244 g). */
    kmgca_options o = {.recompute = 1};
    a = run(D "cronometer_servings.csv", &o, &s);
    /* The custom hotdish matches no food: it keeps the export's values (K 480,
     * Na 390, no Ca or Mg) and is used, not sent to review. */
    assert_int_equal(kmgca_analysis_rows_review(a), 0);
    d = day_of(a, "2026-11-11");
    assert_int_equal(d->rows_export_kept, 1);
    assert_near(d->mg[KMGCA_K], 219.9 + 480, 1e-9);        /* almonds 30 g, recomputed */
    assert_near(d->recomputed[KMGCA_K], 219.9 / 699.9, 1e-9);
    assert_near(d->recomputed[KMGCA_CA], 1, 1e-9);
    d = day_of(a, "2026-11-10");
    assert_near(d->recomputed[KMGCA_MG], 1, 1e-9);
    assert_near(d->mg[KMGCA_CA], 5.9 + 300.12 + 122.4, 1e-9);
    kmgca_analysis_free(a);

    /* A supplement kmgca cannot read, with the export's cells blank: kept,
     * counting nothing, and the day's totals stay numbers (they were NaN). */
    a = run(D "cronometer_supplement_blank.csv", &o, &s);
    assert_int_equal(kmgca_analysis_rows_review(a), 0);
    d = day_of(a, "2026-11-10");
    assert_int_equal(d->rows_export_kept, 1);
    assert_near(d->supplement_mg[KMGCA_CA], 0, 1e-12);
    assert_near(d->total_mg[KMGCA_CA], 5.9, 1e-9);
    assert_false(isnan(d->recomputed[KMGCA_K]));
    kmgca_analysis_free(a);

    a = run(D "cronometer_servings_old.csv", NULL, &s);
    kmgca_analysis_file(a, 0, &f, NULL);
    assert_int_equal(f, KMGCA_FORMAT_CRONOMETER_SERVINGS);
    assert_near(kmgca_analysis_day(a, 0).mg[KMGCA_MG], 31.9 + 81.0, 1e-9);
    kmgca_analysis_free(a);
}

static void cronometer_daily_and_mfp(void **state)
{
    (void)state;
    seen s;
    kmgca_analysis *a = run(D "cronometer_daily.csv", NULL, &s);
    kmgca_format f;
    kmgca_analysis_file(a, 0, &f, NULL);
    assert_int_equal(f, KMGCA_FORMAT_CRONOMETER_DAILY);
    assert_int_equal(kmgca_analysis_day_count(a), 3);
    assert_near(day_of(a, "2026-11-11")->mg[KMGCA_MG], 355.9, 1e-12);
    kmgca_source top[2];
    assert_int_equal(kmgca_analysis_top(a, KMGCA_MG, top, 2), 0);
    kmgca_analysis_free(a);

    a = run(D "mfp_summary.csv", NULL, &s);
    kmgca_analysis_file(a, 0, &f, NULL);
    assert_int_equal(f, KMGCA_FORMAT_MFP_SUMMARY);
    const kmgca_day *d = day_of(a, "2026-11-10");
    /* No magnesium in the export; calcium is a % of an unnamed Daily Value. */
    assert_true(isnan(d->mg[KMGCA_MG]));
    assert_true(isnan(d->mg[KMGCA_CA]));
    assert_near(d->mg[KMGCA_K], 610 + 980 + 1210, 1e-12);
    assert_near(d->mg[KMGCA_NA], 380 + 1120 + 1350, 1e-12);
    /* A blank potassium is not zero. */
    assert_true(isnan(day_of(a, "2026-11-11")->mg[KMGCA_K]));
    assert_non_null(strstr(kmgca_analysis_note(a, 0), "no magnesium"));
    kmgca_analysis_free(a);
}

static void several_files_add_up(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, D "generic.csv", NULL, NULL, &err), KMGCA_OK);
    assert_int_equal(kmgca_analysis_read(a, D "cronometer_servings.csv", NULL, NULL, &err),
                     KMGCA_OK);
    assert_int_equal(kmgca_analysis_file_count(a), 2);
    assert_int_equal(kmgca_analysis_rows_read(a), 14 + 5);
    assert_int_equal(kmgca_analysis_day_count(a), 5);
    /* Days come out in date order whatever order the files had. */
    for (size_t i = 1; i < kmgca_analysis_day_count(a); i++)
        assert_true(kmgca_analysis_day(a, i - 1).day < kmgca_analysis_day(a, i).day);
    kmgca_analysis_free(a);
}

static void targets_follow_the_profile(void **state)
{
    (void)state;
    kmgca_profile p = {KMGCA_REF_US, 72, 'm', KMGCA_LIFE_NONE};
    kmgca_options o = {.profile = &p};
    seen s;
    kmgca_analysis *a = run(D "generic.csv", &o, &s);
    assert_near(kmgca_analysis_target(a, KMGCA_MG)->target_mg, 420, 1e-12);
    assert_near(kmgca_analysis_target(a, KMGCA_CA)->target_mg, 1200, 1e-12);
    assert_near(kmgca_analysis_target(a, KMGCA_K)->target_mg, 3400, 1e-12);
    assert_near(day_of(a, "2026-11-01")->percent[KMGCA_K], 100 * 1427.74 / 3400, 1e-9);
    kmgca_analysis_free(a);

    kmgca_profile bad = {KMGCA_REF_US, 30, 'm', KMGCA_LIFE_PREGNANT};
    o.profile = &bad;
    kmgca_error err;
    assert_null(kmgca_analysis_new(shared_foods, &o, &err));
    assert_int_equal(err.status, KMGCA_ERROR_ARGUMENT);
}

/* Writes a scratch file and returns its path. */
static const char *scratch(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void bad_files_are_errors_with_a_place(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    const char *p = scratch("kmgca-test-nofood.csv", "date,amount\n2026-01-01,3\n");
    assert_int_equal(kmgca_analysis_read(a, p, NULL, NULL, &err), KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "no food column"));
    unlink(p);

    p = scratch("kmgca-test-empty.csv", "");
    assert_int_equal(kmgca_analysis_read(a, p, NULL, NULL, &err), KMGCA_ERROR_HEADER);
    assert_non_null(strstr(err.message, "empty"));
    unlink(p);

    p = scratch("kmgca-test-noheader.csv", "2026-01-01,banana,1,medium\n");
    assert_int_equal(kmgca_analysis_read(a, p, NULL, NULL, &err), KMGCA_ERROR_HEADER);
    assert_non_null(strstr(err.message, "must name the columns"));
    unlink(p);

    p = scratch("kmgca-test-dup.csv", "date,food,amount,Food\n2026-01-01,banana,1,x\n");
    assert_int_equal(kmgca_analysis_read(a, p, NULL, NULL, &err), KMGCA_ERROR_HEADER);
    assert_int_equal(err.column, 4);
    unlink(p);

    p = scratch("kmgca-test-quote.csv", "date,food,amount\n2026-01-01,\"banana,1\n");
    assert_int_equal(kmgca_analysis_read(a, p, NULL, NULL, &err), KMGCA_ERROR_CSV);
    assert_int_equal(err.line, 2);
    unlink(p);

    /* Ragged rows: extra filled fields go to review; missing ones are blank. */
    seen s;
    p = scratch("kmgca-test-ragged.csv",
                "date,food,amount\n2026-01-01,banana,1 medium,surprise\n2026-01-01,banana\n"
                "2026-01-01,banana,1 medium,\n");
    kmgca_analysis_free(a);
    a = run(p, NULL, &s);
    /* The row with no amount gets a typical serving; the one with a fourth
     * field goes to review. */
    assert_int_equal(kmgca_analysis_rows_review(a), 1);
    assert_non_null(strstr(s.first_review, "4 fields"));
    unlink(p);
    kmgca_analysis_free(a);

    /* A row of quoted spaces is blank as ",,," is (table.c): counted, not
     * read as a row with no date; spaces past the header's last column are
     * no text either. */
    p = scratch("kmgca-test-spaces.csv",
                "date,food,amount\n\" \",\"\t\",\n2026-01-01,banana,1 medium,\"  \"\n");
    a = run(p, NULL, &s);
    assert_int_equal(kmgca_analysis_rows_read(a), 1);
    assert_int_equal(kmgca_analysis_rows_review(a), 0);
    assert_int_equal(kmgca_analysis_blank_lines(a), 1);
    unlink(p);
    kmgca_analysis_free(a);
}

static kmgca_status all_text_is_utf8(const kmgca_entry *e, void *ud, kmgca_error *err)
{
    (void)ud;
    (void)err;
    const char *texts[] = {e->how, e->review ? e->review : "", e->original ? e->original : ""};
    for (size_t i = 0; i < 3; i++)
        assert_true(utf8_valid(texts[i], strlen(texts[i])));
    return KMGCA_OK;
}

/* Messages quoting long Chinese text are cut between characters, never
 * inside one (a cut character breaks the workbook's XML). */
static void long_text_is_cut_between_characters(void **state)
{
    (void)state;
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, D "long_cjk.csv", all_text_is_utf8, NULL, &err),
                     KMGCA_OK);
    assert_int_equal(kmgca_analysis_rows_review(a), 2);
    kmgca_analysis_free(a);
    char s[8] = "ab\xE4\xB8";   /* "ab" and two of the three bytes of 中 */
    utf8_trim_end(s);
    assert_string_equal(s, "ab");
    char t[8] = "a\xE4\xB8\xAD";
    utf8_trim_end(t);
    assert_string_equal(t, "a\xE4\xB8\xAD");
}

/* A meal total's name ("MEAL (meal total)") is cut to 299 bytes: between
 * characters (fuzz/corpus/diary/regress-meal-total-cut-in-character). */
static void long_meal_total_is_cut_between_characters(void **state)
{
    (void)state;
    char text[1024] = "Date,Meal,Calories,Sodium (mg),Potassium,Calcium\n2026-11-10,";
    for (int i = 0; i < 100; i++)
        strcat(text, "晚");          /* 300 bytes: the cut falls inside the 100th */
    strcat(text, ",412,380,610,25\n");
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, scratch("kmgca-test-meal.csv", text), NULL, NULL,
                                         &err),
                     KMGCA_OK);
    kmgca_source top[2];
    assert_int_equal(kmgca_analysis_top(a, KMGCA_K, top, 2), 1);
    assert_true(utf8_valid(top[0].name, strlen(top[0].name)));
    assert_int_equal(strlen(top[0].name), 297);
    kmgca_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(generic_diary),
        cmocka_unit_test(lines_not_eaten),
        cmocka_unit_test(top_sources),
        cmocka_unit_test(semicolons_decimal_commas_chinese_headers),
        cmocka_unit_test(gbk_needs_its_encoding),
        cmocka_unit_test(dates_learned_from_the_file),
        cmocka_unit_test(cronometer_servings),
        cmocka_unit_test(cronometer_daily_and_mfp),
        cmocka_unit_test(several_files_add_up),
        cmocka_unit_test(targets_follow_the_profile),
        cmocka_unit_test(bad_files_are_errors_with_a_place),
        cmocka_unit_test(long_text_is_cut_between_characters),
        cmocka_unit_test(long_meal_total_is_cut_between_characters),
    };
    return cmocka_run_group_tests_name("analyse", tests, foods_setup, foods_teardown);
}
