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
static const char *const warning_signs[] = {
    "Muscle weakness that is getting worse, or weakness with trouble breathing",
    "A racing, pounding, skipping or irregular heartbeat; fainting or near-fainting",
    "Chest pain or shortness of breath",
    "Numbness or tingling around the mouth or in the hands and feet, or muscle spasms of the "
    "hands and feet",
    "Confusion, unusual drowsiness, or a seizure",
    "Severe or long-lasting vomiting or diarrhoea, especially while taking a diuretic",
    "Leg cramps that are frequent, severe, or keep you from sleeping, or that began with a new "
    "medicine",
};

/* The About sheet's fixed text: how kmgca works and where its figures come
 * from (each also cited in foodtables/ and targets/PROVENANCE.md). */
static const struct {
    const char *key, *value;
} method_lines[] = {
    {"Matching",
     "Each food text is matched to the built-in tables by its words "
     "(weighted by how rare they are), exact names and aliases, Chinese "
     "names, and spelling correction. A match below confidence 0.60 is "
     "not counted and goes to Needs review."},
    {"Amounts",
     "Mass units convert directly; cups, spoons and pieces use the "
     "food's own USDA household measures; each row's note says which."},
    {"Containers",
     "A bowl, glass, handful or Chinese measure word (碗, 杯, 把, 个) the food's "
     "own measures do not give is weighed by a cited size for that kind of "
     "food, or kmgca's stated judgement; a food written with no amount gets "
     "one typical serving, marked \"serving assumed\" on the Diary sheet."},
    {"Not measured",
     "A blank value in the USDA tables means \"not measured\", never "
     "zero: such a row still counts for the other minerals, and the "
     "day's coverage of that mineral drops. Coverage = share of the "
     "day's rows that gave a value for that mineral."},
    {"Review",
     "A row is not counted, and is listed on Needs review, when its date, "
     "food, amount or unit cannot be used as written."},
};

static const struct {
    const char *key, *value;
} source_lines[] = {
    {"USDA SR28",
     "U.S. Department of Agriculture, Agricultural Research Service. "
     "USDA National Nutrient Database for Standard Reference, Release 28 "
     "(2015, revised May 2016). Public domain."},
    {"FNDDS 2017-2018",
     "USDA ARS Food Surveys Research Group. Food and Nutrient Database for "
     "Dietary Studies 2017-2018. Public domain."},
    {"Taiwan FDA table", KMGCA_TFDA_ATTRIBUTION},
    {"Chinese food names",
     "Chinese names of 122 everyday foods, compiled for kmgca and linked "
     "to SR28 foods; mainland Chinese names as people write them, and "
     "Chinese home dishes as recipes, written for kmgca (foodtables/names_zh.csv, "
     "recipes_zh.csv: a dish's minerals are its ingredients' summed; cooking "
     "losses are not modelled)."},
    {"Serving sizes",
     "US FDA reference amounts customarily consumed (21 CFR 101.12); NIAAA, "
     "what is a standard drink; NHS, 5 A Day portion sizes; Chinese "
     "Nutrition Society, Dietary Guidelines for Chinese Residents 2022 "
     "(standard servings); common retail pack sizes; kmgca's judgement where "
     "no source was found (foodtables/containers.csv and name_portions.csv)."},
    {"US/Canada DRIs",
     "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D; IOM "
     "1997, Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, "
     "Vitamin D, and Fluoride; NASEM 2019, Dietary Reference Intakes for "
     "Sodium and Potassium."},
    {"Chinese DRIs",
     "Chinese Nutrition Society, Chinese Dietary Reference Intakes 2023."},
    {"Daily Values",
     "US food-label Daily Values: calcium 1,300 mg, magnesium 420 mg, "
     "potassium 4,700 mg, sodium 2,300 mg (21 CFR 101.9(c)(8)(iv), 2016 "
     "revision of the Nutrition Facts label)."},
};

static lxw_error about_line(kmgca_workbook *w, lxw_row_t *r, const char *key, const char *value)
{
    value = L(w, value);
    sheet_fit_row(w->about, *r, value, w->book.lang == KMGCA_LANG_ZH ? 55 : 100);
    lxw_error x = key ? sheet_put_text(&w->book, w->about, *r, 0, L(w, key), w->bold) : LXW_NO_ERROR;
    x = x ? x : sheet_put_text(&w->book, w->about, *r, 1, value, w->book.wrap);
    (*r)++;
    return x;
}

/* The warning that this is not medical advice, when the workbook was
 * made and by what. */
static lxw_error about_intro(kmgca_workbook *w, lxw_row_t *at)
{
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = about_line(w, &r, "Important",
                             "This workbook estimates intake from what was written in a diary. "
                             "It does not diagnose anything and is not medical advice. Blood "
                             "levels depend on much more than intake; only a blood test can "
                             "show them. Do not start, stop or change a medicine or supplement "
                             "because of this report: talk to your doctor or dietitian.");
    time_t t = (time_t)w->unix_time;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(v, sizeof v, "%Y-%m-%d %H:%M:%S UTC", &tm);
    x = x ? x : about_line(w, &r, "Generated", v);
    snprintf(v, sizeof v, "kmgca %s (libxlsxwriter %s)", kmgca_version(), LXW_VERSION);
    x = x ? x : about_line(w, &r, "Program", v);
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
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "Inputs"), w->title);
    for (size_t i = 0; i < kmgca_analysis_file_count(a) && !x; i++) {
        kmgca_format f;
        size_t rows;
        const char *path = kmgca_analysis_file(a, i, &f, &rows);
        snprintf(v, sizeof v, L(w, "%s: %zu rows"), L(w, kmgca_format_title(f)), rows);
        x = about_line(w, &r, sheet_file_name(path), v);
    }
    size_t read = kmgca_analysis_rows_read(a), used = kmgca_analysis_rows_used(a),
           review = kmgca_analysis_rows_review(a);
    snprintf(v, sizeof v,
             L(w, "%zu rows read = %zu used + %zu in review (every row is on the Diary sheet; "
                  "rows in review are also on Needs review with the reason and are not counted "
                  "in the day totals)"),
             read, used, review);
    x = x ? x : about_line(w, &r, "Rows", v);
    if (kmgca_analysis_blank_lines(a)) {
        snprintf(v, sizeof v,
                 L(w, kmgca_analysis_blank_lines(a) == 1 ? "%zu blank line skipped (no data)"
                                                         : "%zu blank lines skipped (no data)"),
                 kmgca_analysis_blank_lines(a));
        x = x ? x : about_line(w, &r, "Blank lines", v);
    }
    for (size_t i = 0; i < kmgca_analysis_note_count(a) && !x; i++)
        x = about_line(w, &r, i ? NULL : "Notes on the inputs",
                       w->book.lang == KMGCA_LANG_ZH
                           ? lang_zh_text(kmgca_analysis_note(a, i), v, sizeof v)
                           : kmgca_analysis_note(a, i));
    if (w->notes >= KMGCA_WORKBOOK_NOTE_LIMIT) {
        snprintf(v, sizeof v,
                 L(w, "Cell notes are on the first %d Diary rows only; the column \"How matched "
                      "and weighed\" has every row."),
                 KMGCA_WORKBOOK_NOTE_LIMIT);
        x = x ? x : about_line(w, &r, "Cell notes", v);
    }
    *at = r;
    return x;
}

/* The targets: the profile, each mineral's target, upper level and
 * source, the traffic lights. */
static lxw_error about_targets(kmgca_workbook *w, const kmgca_analysis *a, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    char v[1200];
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "Targets"), w->title);
    const kmgca_options *o = kmgca_analysis_options(a);
    if (o->profile) {
        const kmgca_profile *p = o->profile;
        snprintf(v, sizeof v, L(w, "%s; age %g; %s%s"),
                 L(w, p->reference == KMGCA_REF_CHINA ? "Chinese DRIs 2023"
                                                      : "US/Canada Dietary Reference Intakes"),
                 p->age_years, L(w, p->sex == 'f' ? "female" : "male"),
                 L(w, p->stage == KMGCA_LIFE_PREGNANT    ? "; pregnant"
                      : p->stage == KMGCA_LIFE_LACTATING ? "; lactating"
                                                         : ""));
    } else {
        snprintf(v, sizeof v, "%s", L(w, "none given: the US food-label Daily Values are used"));
    }
    x = x ? x : about_line(w, &r, "Profile", v);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT && !x; n++) {
        const kmgca_target *tg = kmgca_analysis_target(a, (kmgca_nutrient)n);
        char ul[200] = "";
        if (!isnan(tg->ul_mg) && tg->ul_note[0])
            snprintf(ul, sizeof ul, L(w, "; upper level %g mg (%s)"), tg->ul_mg, tg->ul_note);
        else if (!isnan(tg->ul_mg))
            snprintf(ul, sizeof ul, L(w, "; upper level %g mg"), tg->ul_mg);
        snprintf(v, sizeof v, L(w, "%g mg a day (%s)%s. Source: %s"), tg->target_mg,
                 L(w, tg->kind), ul, tg->source);
        char key[40];
        snprintf(key, sizeof key, "%s target", kmgca_nutrient_name((kmgca_nutrient)n));
        key[0] = (char)(key[0] - 'a' + 'A');
        x = about_line(w, &r, key, v);
    }
    x = x ? x : about_line(w, &r, "Traffic lights",
                           "On Summary, % of target: red under 67 %, amber from 67 % to under "
                           "100 %, green at 100 % or more. Sodium has no traffic light: its "
                           "Daily Value is a limit, not a goal.");
    x = x ? x : about_line(w, &r, "Magnesium upper level",
                           "The magnesium upper level (350 mg for adults) applies to "
                           "supplements and medicines only, never to magnesium in food, so "
                           "food intake is not judged against it (IOM 1997).");
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
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "Method"), w->title);
    for (size_t i = 0; i < sizeof method_lines / sizeof *method_lines && !x; i++)
        x = about_line(w, &r, method_lines[i].key, method_lines[i].value);
    r++;
    x = x ? x : worksheet_write_string(ws, r++, 0, L(w, "Data sources"), w->title);
    for (size_t i = 0; i < sizeof source_lines / sizeof *source_lines && !x; i++)
        x = about_line(w, &r, source_lines[i].key, source_lines[i].value);
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
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "Supplements"), w->title);
    x = x ? x : about_line(w, &r, "How they count",
                           "Calcium, magnesium and potassium supplements and medicines, in the "
                           "medication lists or the diary, count in the day's intake as mg of "
                           "the element, shown apart from food (Summary: \"from supplements\"). "
                           "A brand counts at its label strength; a salt at its elemental share "
                           "(below); mEq and mmol by the atomic weights; a figure written with "
                           "the element alone (\"calcium 600 mg\", \"含钙600mg\") as the "
                           "element. A Chinese generic with a bare figure (\"钙片 600mg\") is "
                           "not counted: medicine labels there give the salt, health-food "
                           "labels the element. Count x times a day; once a day when no "
                           "frequency is written, said so. Ranges, \"as needed\" and doses not "
                           "taken every day go to review.");
    x = x ? x : about_line(w, &r, "Upper levels",
                           "Magnesium from supplements and medicines over 350 mg a day (IOM "
                           "1997; food not counted; the Chinese DRIs set none, so the IOM level "
                           "is used); total calcium over the reference's upper level (IOM 2011: "
                           "2,500 mg at 19-50, 2,000 mg at 51 and over; Chinese DRIs 2023: "
                           "2,000 mg), or 2,000 mg when no age is given; any potassium "
                           "supplement on a day with a medicine that raises blood potassium. "
                           "Calcium at or over target while magnesium is under 67 % of target "
                           "is flagged as a pattern: calcium is not that day's shortfall.");
    for (size_t i = 0; i < kmgca_salt_count() && !x; i++) {
        const char *name, *src;
        kmgca_nutrient el;
        double frac;
        kmgca_salt_at(i, &name, &el, &frac, &src);
        snprintf(v, sizeof v, L(w, "%s: %.1f %% %s. %s"), name, 100 * frac,
                 L(w, el == KMGCA_CA ? "calcium" : el == KMGCA_MG ? "magnesium" : "potassium"),
                 src);
        x = about_line(w, &r, i ? NULL : "Elemental shares", v);
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
            x = about_line(w, &r, shown++ ? NULL : "Product labels", v);
        }
        for (size_t i = 0; i < analysis_product_count(a) && !x; i++) {
            const char *name, *src;
            analysis_product(a, i, &name, &src);
            snprintf(v, sizeof v, "%s: %s", name, src);
            x = about_line(w, &r, shown++ ? NULL : "Product labels", v);
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
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "Flags: medications and sweat"), w->title);
    x = x ? x : about_line(w, &r, "What a flag is",
                           "A day is flagged when a medication taken that day is listed as "
                           "lowering or raising potassium, magnesium or calcium (diuretics, "
                           "PPIs, ACE inhibitors, ...), when digoxin meets a day low in "
                           "potassium or magnesium, or on a heavy sweat-loss day. Severity: "
                           "moderate for a drug the table gives high priority, low otherwise; "
                           "raised one step when that day's potassium or magnesium intake is "
                           "under target (for drugs that lower them) or potassium intake is at "
                           "or over target (for drugs that raise it). Flags are hedged and "
                           "say what to discuss; they are not a diagnosis.");
    x = x ? x : about_line(w, &r, "Drug table",
                           "kmgca's drug table (drugtables/), reviewed from a list compiled for "
                           "kmgca from product labels (US/EU prescribing information, "
                           "Warnings and Precautions: electrolytes) and the reviews cited per "
                           "drug; ATC codes from the WHO ATC/DDD index.");
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
            x = about_line(w, &r, shown++ ? NULL : "Sources of the medications' effects", v);
        }
    }
    x = x ? x : about_line(w, &r, "Sweat model", kmgca_sweat_model_source());
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT && !x; k++) {
        char key[100];
        snprintf(key, sizeof key, L(w, "Sweat %s (%g mg/L)"),
                 L(w, kmgca_nutrient_name((kmgca_nutrient)k)),
                 kmgca_sweat_mg_per_l((kmgca_nutrient)k));
        x = about_line(w, &r, key, kmgca_sweat_source((kmgca_nutrient)k));
    }
    snprintf(v, sizeof v,
             L(w, "%.1f L of sweat or %.0f %% of body mass in a day. The 2 %% figure is the "
                  "body-mass loss above which %s advises against exercising on; 1.5 L is kmgca's "
                  "own round figure (about 330 mg of potassium at the concentration above)."),
             KMGCA_HEAVY_SWEAT_L, KMGCA_HEAVY_SWEAT_BODY_MASS_PCT, kmgca_heavy_sweat_source());
    x = x ? x : about_line(w, &r, "Heavy sweat-loss day", v);
    *at = r;
    return x;
}

/* The warning signs to see a doctor for, and their sources. */
static lxw_error about_warning(kmgca_workbook *w, lxw_row_t *at)
{
    lxw_worksheet *ws = w->about;
    lxw_row_t r = *at;
    r++; /* a blank row before the section */
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "See a doctor promptly if you have"),
                                         w->title);
    for (size_t i = 0; i < sizeof warning_signs / sizeof *warning_signs && !x; i++)
        x = about_line(w, &r, NULL, warning_signs[i]);
    x = x ? x : about_line(w, &r, "Sources",
                           "NIH Office of Dietary Supplements: Potassium, Magnesium and Calcium "
                           "Health Professional Fact Sheets; MedlinePlus Medical Encyclopedia: "
                           "Low blood potassium.");
    x = x ? x : about_line(w, &r, NULL,
                           "In an emergency (chest pain, fainting, trouble breathing, a "
                           "seizure) call your local emergency number.");
    *at = r;
    return x;
}

lxw_error workbook_write_about(kmgca_workbook *w, const kmgca_analysis *a)
{
    lxw_worksheet *ws = w->about;
    worksheet_set_column(ws, 0, 0, 28, NULL);
    worksheet_set_column(ws, 1, 1, 110, NULL);
    lxw_row_t r = 0;
    lxw_error x = worksheet_write_string(ws, r++, 0, L(w, "kmgca report: calcium, magnesium and "
                                                     "potassium from a food diary"),
                                         w->title);
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
