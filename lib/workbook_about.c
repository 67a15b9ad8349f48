/* workbook_about.c — the About sheet of kmgca's workbook: the warning, when
 * and from what it was made, the targets and their sources, how kmgca
 * matches, weighs and flags, and where every figure comes from (each also
 * cited in foodtables/, drugtables/ and targets/PROVENANCE.md).
 */
#include "workbook.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Warning signs for which the About sheet says to see a doctor promptly.
 * Sources: NIH Office of Dietary Supplements, Potassium, Magnesium and
 * Calcium Health Professional Fact Sheets; MedlinePlus Medical Encyclopedia,
 * "Low blood potassium" (hypokalemia). */
static const msg_id warning_signs[] = {
    MSG_SIGN_WEAKNESS, MSG_SIGN_HEARTBEAT, MSG_SIGN_CHEST_PAIN, MSG_SIGN_NUMBNESS,
    MSG_SIGN_CONFUSION, MSG_SIGN_VOMITING, MSG_SIGN_LEG_CRAMPS,
};

/* The About sheet's fixed text: how kmgca works and where its figures come
 * from (each also cited in foodtables/ and targets/PROVENANCE.md). */
static const struct {
    msg_id key, value;
} method_lines[] = {
    {MSG_MATCHING, MSG_ABOUT_MATCHING},     {MSG_AMOUNTS, MSG_ABOUT_AMOUNTS},
    {MSG_CONTAINERS, MSG_ABOUT_CONTAINERS}, {MSG_NOT_MEASURED, MSG_ABOUT_NOT_MEASURED},
    {MSG_REVIEW, MSG_ABOUT_REVIEW},
};

/* A source is a citation, shown as it is in every language, or a message. */
static const struct {
    msg_id key;
    const char *cite;
    msg_id text; /* when there is no citation */
} source_lines[] = {
    {MSG_USDA_SR28,
     "U.S. Department of Agriculture, Agricultural Research Service. "
     "USDA National Nutrient Database for Standard Reference, Release 28 "
     "(2015, revised May 2016). Public domain."},
    {MSG_FNDDS_2017_2018,
     "USDA ARS Food Surveys Research Group. Food and Nutrient Database for "
     "Dietary Studies 2017-2018. Public domain."},
    {MSG_TAIWAN_FDA_TABLE, KMGCA_TFDA_ATTRIBUTION},
    {MSG_CHINESE_FOOD_NAMES, NULL, MSG_ABOUT_CHINESE_NAMES},
    {MSG_SERVING_SIZES, NULL, MSG_ABOUT_SERVING_SIZES},
    {MSG_US_CANADA_DRIS,
     "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D; IOM "
     "1997, Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, "
     "Vitamin D, and Fluoride; NASEM 2019, Dietary Reference Intakes for "
     "Sodium and Potassium."},
    {MSG_CHINESE_DRIS, "Chinese Nutrition Society, Chinese Dietary Reference Intakes 2023."},
    {MSG_DAILY_VALUES, NULL, MSG_ABOUT_DAILY_VALUES},
};

/* A row of About: key (none: NULL) and value, both in the workbook's
 * language. */
static lxw_error about_line(kmgca_workbook *w, lxw_row_t *r, const char *key, const char *value)
{
    sheet_fit_row(w->about, *r, value, w->book.lang == KMGCA_LANG_ZH ? 55 : 100);
    lxw_error x = key ? sheet_put_text(&w->book, w->about, *r, 0, key, w->bold) : LXW_NO_ERROR;
    x = x ? x : sheet_put_text(&w->book, w->about, *r, 1, value, w->book.wrap);
    (*r)++;
    return x;
}

/* A row of fixed text. */
static lxw_error about_text(kmgca_workbook *w, lxw_row_t *r, msg_id key, msg_id value)
{
    return about_line(w, r, L(w, key), L(w, value));
}

/* The warning that this is not medical advice, when the workbook was
 * made and by what. */
static lxw_error about_intro(kmgca_workbook *w, lxw_row_t *at)
{
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = about_text(w, &r, MSG_IMPORTANT, MSG_ABOUT_IMPORTANT);
    time_t t = (time_t)w->unix_time;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(v, sizeof v, "%Y-%m-%d %H:%M:%S UTC", &tm);
    x = x ? x : about_line(w, &r, L(w, MSG_GENERATED), v);
    snprintf(v, sizeof v, "kmgca %s (libxlsxwriter %s)", kmgca_version(), LXW_VERSION);
    x = x ? x : about_line(w, &r, L(w, MSG_PROGRAM), v);
    *at = r;
    return x;
}

/* The inputs: each file and its rows, rows read, used and in review,
 * blank lines, the notes on the inputs, the cell-note limit. */
static lxw_error about_inputs(kmgca_workbook *w, const kmgca_analysis *a, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_INPUTS), w->title);
    for (size_t i = 0; i < kmgca_analysis_file_count(a) && !x; i++) {
        kmgca_format f;
        size_t rows;
        const char *path = kmgca_analysis_file(a, i, &f, &rows);
        snprintf(v, sizeof v, L(w, MSG_ABOUT_FILE_ROWS), L(w, msg_format(f)), rows);
        x = about_line(w, &r, sheet_file_name(path), v);
    }
    size_t read = kmgca_analysis_rows_read(a), used = kmgca_analysis_rows_used(a),
           review = kmgca_analysis_rows_review(a);
    snprintf(v, sizeof v, L(w, MSG_ABOUT_ROWS_READ), read, used, review);
    x = x ? x : about_line(w, &r, L(w, MSG_ROWS), v);
    if (kmgca_analysis_blank_lines(a)) {
        snprintf(v, sizeof v,
                 L(w, kmgca_analysis_blank_lines(a) == 1 ? MSG_ABOUT_BLANK_LINE
                                                         : MSG_ABOUT_BLANK_LINES),
                 kmgca_analysis_blank_lines(a));
        x = x ? x : about_line(w, &r, L(w, MSG_BLANK_LINES), v);
    }
    for (size_t i = 0; i < kmgca_analysis_note_count(a) && !x; i++)
        x = about_line(w, &r, i ? NULL : L(w, MSG_NOTES_ON_INPUTS),
                       w->book.lang == KMGCA_LANG_ZH
                           ? lang_zh_text(kmgca_analysis_note(a, i), v, sizeof v)
                           : kmgca_analysis_note(a, i));
    if (w->notes >= KMGCA_WORKBOOK_NOTE_LIMIT) {
        snprintf(v, sizeof v, L(w, MSG_ABOUT_CELL_NOTES), KMGCA_WORKBOOK_NOTE_LIMIT);
        x = x ? x : about_line(w, &r, L(w, MSG_CELL_NOTES), v);
    }
    *at = r;
    return x;
}

/* The targets: the profile, each mineral's target, upper level and
 * source, the traffic lights. */
static const msg_id target_key[KMGCA_NUTRIENT_COUNT] = {
    [KMGCA_CA] = MSG_CALCIUM_TARGET, [KMGCA_MG] = MSG_MAGNESIUM_TARGET,
    [KMGCA_K] = MSG_POTASSIUM_TARGET, [KMGCA_NA] = MSG_SODIUM_TARGET};

static lxw_error about_targets(kmgca_workbook *w, const kmgca_analysis *a, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_TARGETS), w->title);
    const kmgca_options *o = kmgca_analysis_options(a);
    if (o->profile) {
        const kmgca_profile *p = o->profile;
        snprintf(v, sizeof v, L(w, MSG_ABOUT_PROFILE),
                 L(w, p->reference == KMGCA_REF_CHINA ? MSG_CHINESE_DRIS_2023
                                                      : MSG_US_CANADA_DIETARY_REFERENCE_INTAKES),
                 p->age_years, L(w, p->sex == 'f' ? MSG_FEMALE : MSG_MALE),
                 p->stage == KMGCA_LIFE_PREGNANT    ? L(w, MSG_ABOUT_PREGNANT)
                 : p->stage == KMGCA_LIFE_LACTATING ? L(w, MSG_ABOUT_LACTATING)
                                                    : "");
    } else {
        snprintf(v, sizeof v, "%s", L(w, MSG_ABOUT_NO_PROFILE));
    }
    x = x ? x : about_line(w, &r, L(w, MSG_PROFILE), v);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT && !x; n++) {
        const kmgca_target *tg = kmgca_analysis_target(a, (kmgca_nutrient)n);
        char ul[200] = "";
        if (!isnan(tg->ul_mg) && tg->ul_note[0])
            snprintf(ul, sizeof ul, L(w, MSG_ABOUT_UL_NOTE), tg->ul_mg, tg->ul_note);
        else if (!isnan(tg->ul_mg))
            snprintf(ul, sizeof ul, L(w, MSG_ABOUT_UL), tg->ul_mg);
        snprintf(v, sizeof v, L(w, MSG_ABOUT_TARGET_LINE), tg->target_mg,
                 msg_target_kind(w->book.lang, tg->kind), ul, tg->source);
        x = about_line(w, &r, L(w, target_key[n]), v);
    }
    x = x ? x : about_text(w, &r, MSG_TRAFFIC_LIGHTS, MSG_ABOUT_TRAFFIC_LIGHTS);
    x = x ? x : about_text(w, &r, MSG_MAGNESIUM_UPPER_LEVEL, MSG_ABOUT_MG_UPPER_LEVEL);
    *at = r;
    return x;
}

/* How kmgca matches and weighs, and the food tables and references it
 * uses. */
static lxw_error about_method(kmgca_workbook *w, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_METHOD), w->title);
    for (size_t i = 0; i < sizeof method_lines / sizeof *method_lines && !x; i++)
        x = about_text(w, &r, method_lines[i].key, method_lines[i].value);
    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, MSG_DATA_SOURCES), w->title);
    for (size_t i = 0; i < sizeof source_lines / sizeof *source_lines && !x; i++)
        x = about_line(w, &r, L(w, source_lines[i].key),
                       source_lines[i].cite ? source_lines[i].cite : L(w, source_lines[i].text));
    *at = r;
    return x;
}

/* How supplements count, the upper levels, the salts' elemental shares
 * and the label of every product the inputs named. */
static lxw_error about_supplements(kmgca_workbook *w, const kmgca_analysis *a, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_SUPPLEMENTS), w->title);
    x = x ? x : about_text(w, &r, MSG_HOW_THEY_COUNT, MSG_ABOUT_SUPPLEMENTS_COUNT);
    x = x ? x : about_text(w, &r, MSG_UPPER_LEVELS, MSG_ABOUT_UPPER_LEVELS);
    for (size_t i = 0; i < kmgca_salt_count() && !x; i++) {
        const char *name, *src;
        kmgca_nutrient el;
        double frac;
        kmgca_salt_at(i, &name, &el, &frac, &src);
        snprintf(v, sizeof v, L(w, MSG_ABOUT_SALT_SHARE), name, 100 * frac, L(w, msg_nutrient(el)),
                 src);
        x = about_line(w, &r, i ? NULL : L(w, MSG_ELEMENTAL_SHARES), v);
    }
    {
        /* The label of every product the inputs named, once. */
        size_t shown = 0;
        for (size_t i = 0; i < kmgca_analysis_med_count(a) && !x; i++) {
            const kmgca_supplement *sp = &kmgca_analysis_med(a, i)->supplement;
            if (!sp->recognised || !sp->source || !sp->source[0])
                continue;
            int seen = 0;
            for (size_t k = 0; k < i && !seen; k++) {
                const kmgca_supplement *o2 = &kmgca_analysis_med(a, k)->supplement;
                seen = o2->recognised && !strcmp(o2->product, sp->product);
            }
            if (seen)
                continue;
            snprintf(v, sizeof v, "%s: %s", sp->product, sp->source);
            x = about_line(w, &r, shown++ ? NULL : L(w, MSG_PRODUCT_LABELS), v);
        }
        for (size_t i = 0; i < analysis_product_count(a) && !x; i++) {
            const char *name, *src;
            analysis_product(a, i, &name, &src);
            snprintf(v, sizeof v, "%s: %s", name, src);
            x = about_line(w, &r, shown++ ? NULL : L(w, MSG_PRODUCT_LABELS), v);
        }
    }
    *at = r;
    return x;
}

/* What a flag is, the drug table, the sources of the medications'
 * effects, the sweat model and the heavy sweat-loss day. */
static lxw_error about_flags(kmgca_workbook *w, const kmgca_analysis *a, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_ABOUT_FLAGS_HEADING), w->title);
    x = x ? x : about_text(w, &r, MSG_WHAT_A_FLAG_IS, MSG_ABOUT_WHAT_A_FLAG_IS);
    x = x ? x : about_text(w, &r, MSG_DRUG_TABLE, MSG_ABOUT_DRUG_TABLE);
    {
        /* Each distinct source of the medications read, once. */
        size_t n = kmgca_analysis_med_count(a), shown = 0;
        for (size_t i = 0; i < n && !x && shown < 50; i++) {
            const kmgca_drug_match *d = &kmgca_analysis_med(a, i)->match;
            const kmgca_drug *src = d->row ? d->row : d->part_count ? d->part[0] : NULL;
            if (!src || !d->affects_minerals)
                continue;
            int seen = 0;
            for (size_t k = 0; k < i && !seen; k++) {
                const kmgca_drug_match *e = &kmgca_analysis_med(a, k)->match;
                const kmgca_drug *s2 = e->row ? e->row : e->part_count ? e->part[0] : NULL;
                seen = s2 && e->affects_minerals &&
                       strcmp(kmgca_drug_source(s2), kmgca_drug_source(src)) == 0;
            }
            if (seen)
                continue;
            snprintf(v, sizeof v, "%s: %s", d->name, kmgca_drug_source(src));
            x = about_line(w, &r, shown++ ? NULL : L(w, MSG_ABOUT_MEDS_SOURCES), v);
        }
    }
    x = x ? x : about_line(w, &r, L(w, MSG_SWEAT_MODEL), kmgca_sweat_model_source());
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT && !x; k++) {
        kmgca_nutrient n = (kmgca_nutrient)k;
        char key[100];
        snprintf(key, sizeof key, L(w, MSG_ABOUT_SWEAT_MINERAL), L(w, msg_nutrient(n)),
                 kmgca_sweat_mg_per_l(n));
        x = about_line(w, &r, key, kmgca_sweat_source(n));
    }
    snprintf(v, sizeof v, L(w, MSG_ABOUT_HEAVY_SWEAT_DAY), KMGCA_HEAVY_SWEAT_L,
             KMGCA_HEAVY_SWEAT_BODY_MASS_PCT, kmgca_heavy_sweat_source());
    x = x ? x : about_line(w, &r, L(w, MSG_HEAVY_SWEAT_DAY), v);
    *at = r;
    return x;
}

/* The warning signs to see a doctor for, and their sources. */
static lxw_error about_warning(kmgca_workbook *w, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_ABOUT_SIGNS_HEADING),
                                         w->title);
    for (size_t i = 0; i < sizeof warning_signs / sizeof *warning_signs && !x; i++)
        x = about_line(w, &r, NULL, L(w, warning_signs[i]));
    x = x ? x : about_text(w, &r, MSG_SOURCES, MSG_ABOUT_SIGNS_SOURCES);
    x = x ? x : about_line(w, &r, NULL, L(w, MSG_ABOUT_EMERGENCY));
    *at = r;
    return x;
}

lxw_error workbook_write_about(kmgca_workbook *w, const kmgca_analysis *a)
{
    lxw_worksheet *ws = w->about;
    worksheet_set_column(ws, 0, 0, 28, NULL);
    worksheet_set_column(ws, 1, 1, 110, NULL);
    lxw_row_t r = 0;
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, MSG_ABOUT_TITLE), w->title);
    x = x ? x : about_intro(w, &r);
    x = x ? x : about_inputs(w, a, &r);
    x = x ? x : about_targets(w, a, &r);
    x = x ? x : about_method(w, &r);
    x = x ? x : about_supplements(w, a, &r);
    x = x ? x : about_flags(w, a, &r);
    x = x ? x : about_warning(w, &r);
    sheet_print_setup(ws, 0, "&Lkmgca: about this report&R&D");
    return x;
}
