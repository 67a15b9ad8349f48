/* targets.c — daily targets for Ca, Mg, K (and Na) by reference system and
 * profile, from targets/dri.csv compiled in (sources in targets/PROVENANCE.md). */
#include "internal.h"

#include <math.h>
#include <string.h>
#include <strings.h>

/* US food-label Daily Values, 21 CFR 101.9(c)(8)(iv) (FDA, 2016 revision of
 * the Nutrition Facts label). */
static const double daily_values[KMGCA_NUTRIENT_COUNT] = {
    [KMGCA_CA] = 1300, [KMGCA_MG] = 420, [KMGCA_K] = 4700, [KMGCA_NA] = 2300,
};
static const char dv_source[] =
    "US food-label Daily Value, 21 CFR 101.9(c)(8)(iv) (FDA 2016 Nutrition Facts revision)";

static const char *const reference_names[] = {"label", "us", "china"};

const char *kmgca_reference_name(kmgca_reference r)
{
    return (unsigned)r < 3 ? reference_names[r] : "?";
}

kmgca_status kmgca_reference_parse(const char *text, kmgca_reference *out)
{
    if (!text || !out)
        return KMGCA_ERROR_ARGUMENT;
    static const struct {
        const char *word;
        kmgca_reference ref;
    } words[] = {{"label", KMGCA_REF_LABEL}, {"dv", KMGCA_REF_LABEL},
                 {"us", KMGCA_REF_US},       {"usa", KMGCA_REF_US},
                 {"us/canada", KMGCA_REF_US}, {"dri", KMGCA_REF_US},
                 {"china", KMGCA_REF_CHINA}, {"cn", KMGCA_REF_CHINA},
                 {"中国", KMGCA_REF_CHINA}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcasecmp(text, words[i].word) == 0) {
            *out = words[i].ref;
            return KMGCA_OK;
        }
    return KMGCA_ERROR_VALUE;
}

/* A word of a list ("a|b|c") equal to text, ignoring case and outer spaces. */
static int one_of(const char *text, const char *list)
{
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    for (const char *w = list; *w;) {
        size_t n = strcspn(w, "|");
        if (n == len && strncasecmp(w, text, n) == 0)
            return 1;
        w += n + (w[n] == '|');
    }
    return 0;
}

kmgca_status kmgca_sex_parse(const char *text, char *out)
{
    if (!text || !out)
        return KMGCA_ERROR_ARGUMENT;
    if (one_of(text, "f|female|woman|women|girl|女|女性"))
        *out = 'f';
    else if (one_of(text, "m|male|man|men|boy|男|男性"))
        *out = 'm';
    else
        return KMGCA_ERROR_VALUE;
    return KMGCA_OK;
}

kmgca_status kmgca_life_stage_parse(const char *text, kmgca_life_stage *out)
{
    if (!text || !out)
        return KMGCA_ERROR_ARGUMENT;
    if (one_of(text, "|none|no|-|无"))
        *out = KMGCA_LIFE_NONE;
    else if (one_of(text, "pregnant|pregnancy|怀孕|孕期|孕妇"))
        *out = KMGCA_LIFE_PREGNANT;
    else if (one_of(text, "lactating|lactation|breastfeeding|nursing|哺乳|哺乳期"))
        *out = KMGCA_LIFE_LACTATING;
    else
        return KMGCA_ERROR_VALUE;
    return KMGCA_OK;
}

static void label_target(kmgca_nutrient n, kmgca_target *out)
{
    *out = (kmgca_target){daily_values[n], "DV", NAN, "", dv_source};
}

kmgca_status kmgca_target_for(const kmgca_profile *p, kmgca_nutrient n, kmgca_target *out,
                              kmgca_error *err)
{
    if (!out || (unsigned)n >= KMGCA_NUTRIENT_COUNT)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no result or no such nutrient");
    if (!p || p->reference == KMGCA_REF_LABEL || n == KMGCA_NA) {
        /* Sodium has no row in the DRI table: its Daily Value stands. */
        label_target(n, out);
        return KMGCA_OK;
    }
    if (p->reference != KMGCA_REF_US && p->reference != KMGCA_REF_CHINA)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "unknown reference system");
    if (!isfinite(p->age_years) || p->age_years < 0 || p->age_years > 130)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "age must be from 0 to 130 years");
    if (p->sex != 'f' && p->sex != 'm')
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "sex must be f or m");
    if ((unsigned)p->stage > KMGCA_LIFE_LACTATING)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "unknown life stage");
    if (p->stage != KMGCA_LIFE_NONE && p->sex != 'f')
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT,
                          "pregnancy and lactation apply to women (sex f)");
    const char *stage = p->stage == KMGCA_LIFE_PREGNANT    ? "pregnancy"
                        : p->stage == KMGCA_LIFE_LACTATING ? "lactation"
                                                           : NULL;
    double lo = INFINITY, hi = 0;
    for (size_t i = 0; i < kmgca_builtin_dri_count; i++) {
        const struct kmgca_dri *d = &kmgca_builtin_dri[i];
        if (d->reference != p->reference || d->nutrient != n)
            continue;
        int is_stage_row = strcmp(d->life_stage, "pregnancy") == 0 ||
                           strcmp(d->life_stage, "lactation") == 0;
        if (stage ? strcmp(d->life_stage, stage) != 0 : is_stage_row)
            continue;
        if (d->sex != 'b' && d->sex != p->sex)
            continue;
        if (d->age_min < lo)
            lo = d->age_min;
        if (d->age_max > hi)
            hi = d->age_max;
        if (p->age_years >= d->age_min && p->age_years < d->age_max) {
            *out = (kmgca_target){d->target_mg, d->kind, d->ul_mg, d->ul_note, d->source};
            return KMGCA_OK;
        }
    }
    if (lo > hi)
        return kmgca_fail(err, KMGCA_ERROR_NO_MATCH, "the %s reference has no %s target%s%s",
                          kmgca_reference_name(p->reference), kmgca_nutrient_name(n),
                          stage ? " for " : "", stage ? stage : "");
    return kmgca_fail(err, KMGCA_ERROR_NO_MATCH,
                      "the %s reference gives %s targets%s%s for ages %g to %g only",
                      kmgca_reference_name(p->reference), kmgca_nutrient_name(n),
                      stage ? " in " : "", stage ? stage : "", lo, hi);
}
