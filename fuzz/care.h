/* care.h — for the medication and activity targets: an analysis with a
 * short diary read first, so that medications and sweat have days to flag,
 * and the checks of what the flags say. */
#ifndef KMGCA_FUZZ_CARE_H
#define KMGCA_FUZZ_CARE_H

#include "fuzz.h"

/* Five days, some low in potassium and magnesium (digoxin and diuretic
 * flags), one high (potassium-raising drugs), one without any row. */
static const char care_diary[] =
    "date,food,amount,unit\n"
    "2026-11-01,banana,1,medium\n"
    "2026-11-02,banana,12,medium\n"
    "2026-11-02,almonds,100,g\n"
    "2026-11-03,\"Milk, whole\",1,cup\n"
    "2026-11-05,xyzzy,1,cup\n";

/* A new analysis (options picked from the input) with the diary read. */
static inline kmgca_analysis *care_analysis(uint32_t pick, double body_mass_kg)
{
    kmgca_options opt = {
        .date_order = (kmgca_date_order)(pick % 3),
        .encoding = (pick >> 2) % 4 == 0 ? "gb18030" : NULL,
        .body_mass_kg = body_mass_kg,
    };
    kmgca_error err;
    kmgca_analysis *a = kmgca_analysis_new(fuzz_foods(), &opt, &err);
    FUZZ_CHECK(a);
    const char *diary = fuzz_file(1, care_diary, sizeof care_diary - 1);
    FUZZ_CHECK(kmgca_analysis_read(a, diary, NULL, NULL, &err) == KMGCA_OK);
    return a;
}

static inline void care_check_match(const kmgca_drug_match *m)
{
    FUZZ_CHECK(m->part_count <= KMGCA_DRUG_MAX_PARTS);
    for (size_t i = 0; i < m->part_count; i++)
        FUZZ_CHECK(m->part[i]);
    FUZZ_CHECK(m->part_count ? m->confidence > 0 && m->confidence <= 1 : m->confidence == 0);
    FUZZ_BUF(m->name);
    FUZZ_BUF(m->drug_class);
    FUZZ_BUF(m->atc);
    FUZZ_BUF(m->how);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        FUZZ_CHECK(m->effect[n] >= KMGCA_EFFECT_NEUTRAL && m->effect[n] <= KMGCA_EFFECT_VARIABLE);
}

/* Flags of every day, into a buffer of a size picked from the input. */
static inline void care_check_flags(const kmgca_analysis *a, uint32_t pick)
{
    kmgca_flag flags[8];
    size_t max = pick % 9;
    for (size_t i = 0; i < kmgca_analysis_day_count(a); i++) {
        kmgca_day d = kmgca_analysis_day(a, i);
        FUZZ_CHECK(isnan(d.sweat_l) || (isfinite(d.sweat_l) && d.sweat_l >= 0));
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            FUZZ_CHECK(isnan(d.sweat_mg[n]) || (isfinite(d.sweat_mg[n]) && d.sweat_mg[n] >= 0));
        size_t nf = kmgca_analysis_day_flags(a, i, max ? flags : NULL, max);
        FUZZ_CHECK(kmgca_analysis_day_flags(a, i, NULL, 0) == nf);
        for (size_t k = 0; k < nf && k < max; k++) {
            const kmgca_flag *f = &flags[k];
            FUZZ_BUF(f->message);
            FUZZ_CHECK(f->message[0]);
            FUZZ_TEXT(f->direction);
            FUZZ_TEXT(f->action);
            FUZZ_TEXT(f->source);
            FUZZ_TEXT(kmgca_flag_kind_name(f->kind));
            FUZZ_TEXT(kmgca_severity_name(f->severity));
            FUZZ_CHECK((unsigned)f->nutrient < KMGCA_NUTRIENT_COUNT);
            FUZZ_CHECK(f->med >= -1 && f->med < (long)kmgca_analysis_med_count(a));
        }
    }
}

static inline void care_check_error(const kmgca_error *err, kmgca_status st)
{
    FUZZ_CHECK(err->status == st);
    FUZZ_BUF(err->message);
    FUZZ_BUF(err->file);
    FUZZ_CHECK(err->message[0]);
}

#endif
