/* fuzz_meds.c — a medication list (`--meds FILE`) through
 * kmgca_analysis_read_meds: every line kept with its text, dates and drug
 * match, the days it flags, and a broken file adding nothing. */
#include "care.h"

#include <limits.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t pick = fuzz_pick(data, size);
    kmgca_analysis *a = care_analysis(pick, 0);
    const char *path = fuzz_file(0, data, size);
    kmgca_error err;
    kmgca_status st = kmgca_analysis_read_meds(a, path, &err);
    if (st != KMGCA_OK) {
        care_check_error(&err, st);
        FUZZ_CHECK(kmgca_analysis_med_count(a) == 0);
    }
    size_t n = kmgca_analysis_med_count(a);
    FUZZ_CHECK(n <= KMGCA_MED_LIMIT);
    for (size_t i = 0; i < n; i++) {
        const kmgca_med *m = kmgca_analysis_med(a, i);
        FUZZ_CHECK(m);
        FUZZ_TEXT(m->file);
        FUZZ_TEXT(m->text);
        FUZZ_TEXT(m->dose);
        FUZZ_TEXT(m->start_text);
        FUZZ_TEXT(m->end_text);
        FUZZ_CHECK(m->line > 1);
        FUZZ_CHECK(m->start_day == LONG_MIN || m->end_day == LONG_MAX ||
                   m->start_day <= m->end_day);
        if (m->review)
            FUZZ_TEXT(m->review);
        care_check_match(&m->match);
    }
    FUZZ_CHECK(kmgca_analysis_med(a, n) == NULL);
    care_check_flags(a, pick);
    /* The same list again: lines add up. */
    if (st == KMGCA_OK && n < 50) {
        FUZZ_CHECK(kmgca_analysis_read_meds(a, path, &err) == KMGCA_OK);
        FUZZ_CHECK(kmgca_analysis_med_count(a) == 2 * n);
        care_check_flags(a, pick >> 4);
    }
    kmgca_analysis_free(a);
    return 0;
}
