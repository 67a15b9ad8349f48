/* analyse_care.c — the analysis's medication and activity functions of
 * kmgca.h: they read into the medication list (meds.c) and the activity log
 * (activity.c) the analysis holds, and give the flag rules (flags.c) a day
 * with what they read.
 *
 * This is the one place that knows both sides: it calls the analysis and
 * the three modules, and none of them calls it or each other back (flags.c
 * reads the medication list it is handed), so the analysis and its care data
 * are no longer a cycle.
 */
#include "internal.h"

kmgca_status kmgca_analysis_read_meds(kmgca_analysis *a, const char *path, kmgca_error *err)
{
    if (!a || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no analysis or file given");
    return meds_read(analysis_meds(a), path, kmgca_analysis_options(a)->encoding,
                     analysis_date_order(a), err);
}

size_t kmgca_analysis_med_count(const kmgca_analysis *a)
{
    return a ? meds_count(analysis_meds(a)) : 0;
}
const kmgca_med *kmgca_analysis_med(const kmgca_analysis *a, size_t i)
{
    return a ? meds_at(analysis_meds(a), i) : NULL;
}

/* Every day with a session becomes a day of the analysis, food or not. */
kmgca_status kmgca_analysis_read_activity(kmgca_analysis *a, const char *path,
                                          kmgca_error *err)
{
    if (!a || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no analysis or file given");
    const kmgca_options *o = kmgca_analysis_options(a);
    care_activity *c = analysis_activity(a);
    kmgca_status st = activity_read(c, path, o->encoding, analysis_date_order(a),
                                    o->body_mass_kg, err);
    if (st != KMGCA_OK)
        return st;
    for (size_t i = 0; i < activity_day_count(c); i++)
        if (!analysis_touch_day(a, activity_day(c, i)))
            return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    return KMGCA_OK;
}

size_t kmgca_analysis_session_count(const kmgca_analysis *a)
{
    return a ? activity_session_count(analysis_activity(a)) : 0;
}
const kmgca_session *kmgca_analysis_session(const kmgca_analysis *a, size_t i)
{
    return a ? activity_session(analysis_activity(a), i) : NULL;
}

size_t kmgca_analysis_day_flags(const kmgca_analysis *a, size_t i, kmgca_flag *out, size_t max)
{
    return analysis_day_flags(a, i, out, max, KMGCA_LANG_EN);
}

size_t analysis_day_flags(const kmgca_analysis *a, size_t i, kmgca_flag *out, size_t max,
                          kmgca_lang lang)
{
    if (!a || i >= kmgca_analysis_day_count(a))
        return 0;
    const kmgca_day d = kmgca_analysis_day(a, i);
    kmgca_target targets[KMGCA_NUTRIENT_COUNT];
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        targets[n] = *kmgca_analysis_target(a, (kmgca_nutrient)n);
    kmgca_source top[FLAGS_MG_TOP];
    flag_inputs in = {.day = &d, .meds = analysis_meds(a), .targets = targets, .mg_top = top};
    if (flags_want_mg_top(&d))
        in.mg_top_count = kmgca_analysis_top(a, KMGCA_MG, top, FLAGS_MG_TOP);
    return flags_for_day(&in, out, max, lang);
}
