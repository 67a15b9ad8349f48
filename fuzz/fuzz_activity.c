/* fuzz_activity.c — an activity log (`--activity FILE`, also a Cronometer
 * exercises export) through kmgca_analysis_read_activity, with any body
 * mass in the options: every session kept, sweat measured or predicted (or
 * NaN with a reason), losses and the heavy sweat-loss flags of each day. */
#include "care.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t pick = fuzz_pick(data, size);
    static const double masses[] = {0, 70, 20, 350, -1, 5e-324, 1e308, NAN, INFINITY,
                                    -INFINITY, 1e-3, 4.2e9};
    double mass = masses[(pick >> 8) % (sizeof masses / sizeof masses[0])];
    kmgca_analysis *a = care_analysis(pick, mass);
    const char *path = fuzz_file(0, data, size);
    kmgca_error err;
    kmgca_status st = kmgca_analysis_read_activity(a, path, &err);
    if (st != KMGCA_OK) {
        care_check_error(&err, st);
        FUZZ_CHECK(kmgca_analysis_session_count(a) == 0);
    }
    size_t n = kmgca_analysis_session_count(a);
    FUZZ_CHECK(n <= KMGCA_SESSION_LIMIT);
    for (size_t i = 0; i < n; i++) {
        const kmgca_session *s = kmgca_analysis_session(a, i);
        FUZZ_CHECK(s);
        FUZZ_TEXT(s->file);
        FUZZ_TEXT(s->activity);
        FUZZ_BUF(s->method);
        FUZZ_CHECK(s->line > 1);
        if (s->date[0]) {
            char again[11];
            kmgca_date_text(s->day, again);
            FUZZ_CHECK(strcmp(again, s->date) == 0);
        }
        FUZZ_CHECK(isnan(s->sweat_l) || (isfinite(s->sweat_l) && s->sweat_l >= 0));
        for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++) {
            FUZZ_CHECK(isnan(s->loss_mg[k]) == isnan(s->sweat_l));
            FUZZ_CHECK(isnan(s->loss_mg[k]) || (isfinite(s->loss_mg[k]) && s->loss_mg[k] >= 0));
        }
        if (!isnan(s->sweat_l))
            FUZZ_CHECK(s->method[0]);
        if (s->review)
            FUZZ_TEXT(s->review);
    }
    FUZZ_CHECK(kmgca_analysis_session(a, n) == NULL);
    care_check_flags(a, pick);
    kmgca_analysis_free(a);
    return 0;
}
