/* fuzz_diary.c — a food diary in every format kmgca reads (generic,
 * Cronometer servings and daily summary, MyFitnessPal summary; any
 * delimiter, BOM, line ends, UTF-8 or GBK/GB18030), through
 * kmgca_analysis_read and everything that reports on it.
 *
 * The input is read twice: as `kmgca analyse diary.csv` reads it (format
 * from the header, UTF-8), then with options picked from the input (a
 * forced format, --recompute, an encoding, a date order, a profile) as two
 * diaries of one analysis, with the row callback sometimes stopping the
 * read. Checked: rows read = used + in review, every day adds up, every
 * text handed out is valid UTF-8, every number is a number. */
#include "fuzz.h"

typedef struct {
    size_t rows, used, stop_at;
} seen;

static kmgca_status on_entry(const kmgca_entry *e, void *ud, kmgca_error *err)
{
    seen *s = ud;
    s->rows++;
    FUZZ_TEXT(e->file);
    FUZZ_TEXT(e->date_text);
    FUZZ_TEXT(e->time);
    FUZZ_TEXT(e->meal);
    FUZZ_TEXT(e->food_text);
    FUZZ_TEXT(e->amount_text);
    FUZZ_TEXT(e->unit_text);
    FUZZ_TEXT(e->note);
    FUZZ_TEXT(e->how);
    FUZZ_CHECK(e->line > 0);
    FUZZ_CHECK(e->format > KMGCA_FORMAT_AUTO && e->format < KMGCA_FORMAT_COUNT);
    FUZZ_CHECK(e->progress >= 0 && e->progress <= 1);
    if (e->date[0]) {
        char again[11];
        FUZZ_CHECK(strlen(e->date) == 10);
        kmgca_date_text(e->day, again);
        FUZZ_CHECK(strcmp(again, e->date) == 0);
    }
    if (e->review) {
        FUZZ_TEXT(e->review);
        FUZZ_CHECK(e->review[0]);
        FUZZ_TEXT(e->original);
    } else {
        s->used++;
        FUZZ_CHECK(e->date[0]);   /* a used row is counted in a day */
    }
    if (e->food) {
        FUZZ_CHECK(e->confidence >= 0 && e->confidence <= 1);
        FUZZ_TEXT(kmgca_food_description(e->food));
    }
    FUZZ_CHECK(isnan(e->grams) || (isfinite(e->grams) && e->grams >= 0));
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        FUZZ_CHECK(isnan(e->mg[n]) || (isfinite(e->mg[n]) && e->mg[n] >= 0));
    if (s->stop_at && s->rows == s->stop_at)
        return kmgca_fail(err, KMGCA_ERROR_IO, "the caller stops here");
    return KMGCA_OK;
}

/* Everything a report reads back from an analysis. */
static void check_analysis(const kmgca_analysis *a)
{
    size_t read = kmgca_analysis_rows_read(a), used = kmgca_analysis_rows_used(a),
           review = kmgca_analysis_rows_review(a);
    FUZZ_CHECK(read == used + review);
    size_t days = kmgca_analysis_day_count(a), day_used = 0, day_review = 0;
    long prev = 0;
    for (size_t i = 0; i < days; i++) {
        kmgca_day d = kmgca_analysis_day(a, i);
        FUZZ_CHECK(i == 0 || d.day > prev);
        prev = d.day;
        FUZZ_CHECK(strlen(d.date) == 10);
        FUZZ_CHECK(d.rows == d.rows_used + d.rows_review);
        day_used += d.rows_used;
        day_review += d.rows_review;
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
            FUZZ_CHECK(isnan(d.mg[n]) || (isfinite(d.mg[n]) && d.mg[n] >= 0));
            FUZZ_CHECK(isnan(d.mg[n]) == isnan(d.percent[n]));
            FUZZ_CHECK(d.coverage[n] >= 0 && d.coverage[n] <= 1);
        }
        kmgca_flag flags[4];
        size_t nf = kmgca_analysis_day_flags(a, i, flags, 4);
        for (size_t k = 0; k < nf && k < 4; k++) {
            FUZZ_BUF(flags[k].message);
            FUZZ_TEXT(flags[k].direction);
        }
    }
    FUZZ_CHECK(day_used == used);
    FUZZ_CHECK(day_review <= review);
    FUZZ_CHECK(kmgca_analysis_day(a, days).day == 0);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        const kmgca_target *t = kmgca_analysis_target(a, (kmgca_nutrient)n);
        FUZZ_CHECK(t && t->target_mg > 0);
        kmgca_source top[5];
        size_t nt = kmgca_analysis_top(a, (kmgca_nutrient)n, top, 5);
        double share = 0;
        for (size_t k = 0; k < nt; k++) {
            FUZZ_TEXT(top[k].name);
            FUZZ_CHECK(top[k].mg > 0 && isfinite(top[k].mg));
            FUZZ_CHECK(k == 0 || top[k].mg <= top[k - 1].mg);
            share += top[k].share;
        }
        FUZZ_CHECK(share <= 1 + 1e-9);
    }
    for (size_t i = 0; i < kmgca_analysis_note_count(a); i++)
        FUZZ_TEXT(kmgca_analysis_note(a, i));
    FUZZ_CHECK(kmgca_analysis_note(a, kmgca_analysis_note_count(a)) == NULL);
    for (size_t i = 0; i < kmgca_analysis_file_count(a); i++) {
        kmgca_format f;
        size_t rows;
        FUZZ_TEXT(kmgca_analysis_file(a, i, &f, &rows));
        FUZZ_TEXT(kmgca_format_name(f));
    }
}

static void check_error(const kmgca_error *err, kmgca_status st)
{
    FUZZ_CHECK(err->status == st);
    FUZZ_BUF(err->message);
    FUZZ_BUF(err->file);
    FUZZ_CHECK(err->message[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(0, data, size);
    kmgca_foods *foods = fuzz_foods();
    uint32_t pick = fuzz_pick(data, size);
    kmgca_error err;

    /* As `kmgca analyse FILE` reads it. */
    kmgca_analysis *a = kmgca_analysis_new(foods, NULL, &err);
    FUZZ_CHECK(a);
    seen s = {0};
    kmgca_status st = kmgca_analysis_read(a, path, on_entry, &s, &err);
    if (st == KMGCA_OK) {
        FUZZ_CHECK(s.rows == kmgca_analysis_rows_read(a));
        FUZZ_CHECK(s.used == kmgca_analysis_rows_used(a));
    } else {
        check_error(&err, st);
    }
    check_analysis(a);
    kmgca_analysis_free(a);

    /* With options picked from the input, and the file read twice. */
    static const char *const encodings[] = {NULL, "utf-8", "gbk", "gb18030"};
    kmgca_profile profile = {
        .reference = (kmgca_reference)(pick % 3),
        .age_years = (double)((pick >> 2) % 100) + 0.5,
        .sex = (pick >> 9) & 1 ? 'f' : 'm',
        .stage = (pick >> 10) % 8 == 0 ? KMGCA_LIFE_PREGNANT : KMGCA_LIFE_NONE,
    };
    kmgca_options opt = {
        .profile = (pick >> 11) & 1 ? &profile : NULL,
        .format = (kmgca_format)((pick >> 12) % KMGCA_FORMAT_COUNT),
        .recompute = (pick >> 15) & 1,
        .encoding = encodings[(pick >> 16) % 4],
        .date_order = (kmgca_date_order)((pick >> 18) % 3),
        .body_mass_kg = 0,
    };
    a = kmgca_analysis_new(foods, &opt, &err);
    if (!a) {
        check_error(&err, err.status);
        return 0;
    }
    for (int round = 0; round < 2; round++) {
        seen s2 = {.stop_at = round == 1 ? (pick >> 20) % 8 : 0};
        st = kmgca_analysis_read(a, path, on_entry, &s2, &err);
        if (st != KMGCA_OK)
            check_error(&err, st);
        check_analysis(a);
    }
    kmgca_analysis_free(a);
    return 0;
}
