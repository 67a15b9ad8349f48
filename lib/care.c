/* care.c — what is read beside the diary: medication lists and activity
 * logs, the sweat they imply, and the flags a day is read with.
 *
 * Medication lines and activity sessions are few (limits in kmgca.h) and are
 * kept whole; their text lives in an arena freed with the analysis. Flags are
 * not stored: kmgca_analysis_day_flags works them out from the day's totals,
 * the medications active that day and the day's sweat, each time it is asked.
 */
#include "internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Sweat: sources and the model ---------------------------------------- */

/* Mineral concentration of sweat, mg/L. K, Ca and Mg: Montain et al. 2007
 * (7 h of exercise in heat, whole period means: 222, 16 and 1.265 ug/mL);
 * Na: Baker et al. 2016 (n = 506 athletes, whole-body sweat Na predicted
 * from forearm patches, 35.9 mmol/L x 22.99 mg/mmol = 825 mg/L). */
static const struct {
    double mg_per_l;
    const char *source;
} sweat_conc[KMGCA_NUTRIENT_COUNT] = {
    [KMGCA_CA] = {16.0, "Montain SJ, Cheuvront SN, Lukaski HC. Sweat mineral-element responses "
                        "during 7 h of exercise-heat stress. Int J Sport Nutr Exerc Metab "
                        "2007;17(6):574-582 (Ca 16 ug/mL)"},
    [KMGCA_MG] = {1.265, "Montain SJ, Cheuvront SN, Lukaski HC. Sweat mineral-element responses "
                         "during 7 h of exercise-heat stress. Int J Sport Nutr Exerc Metab "
                         "2007;17(6):574-582 (Mg 1265 ng/mL)"},
    [KMGCA_K] = {222.0, "Montain SJ, Cheuvront SN, Lukaski HC. Sweat mineral-element responses "
                        "during 7 h of exercise-heat stress. Int J Sport Nutr Exerc Metab "
                        "2007;17(6):574-582 (K 222 ug/mL)"},
    [KMGCA_NA] = {825.0, "Baker LB, Barnes KA, Anderson ML, Passe DH, Stofan JR. Normative data "
                         "for regional sweat sodium concentration and whole-body sweating rate "
                         "in athletes. J Sports Sci 2016;34(4):358-368 (35.9 mmol/L)"},
};

double kmgca_sweat_mg_per_l(kmgca_nutrient n)
{
    return n >= 0 && n < KMGCA_NUTRIENT_COUNT ? sweat_conc[n].mg_per_l : NAN;
}
const char *kmgca_sweat_source(kmgca_nutrient n)
{
    return n >= 0 && n < KMGCA_NUTRIENT_COUNT ? sweat_conc[n].source : "";
}

static const char GONZALEZ[] =
    "Gonzalez RR, Cheuvront SN, Montain SJ, et al. Expanded prediction equations of human "
    "sweat loss and water needs. J Appl Physiol 2009;107:379-388; below 20 C: Gonzalez RR et "
    "al. J Appl Physiol 2012;112:1300 (intercept 350); body surface: Livingston EH, Lee S. "
    "Body surface area prediction in normal-weight and obese patients. Am J Physiol "
    "Endocrinol Metab 2001;281:E586-E591; saturation vapour pressure: ISO 7933; MET bands: "
    "Ainsworth BE et al. 2011 Compendium of Physical Activities, Med Sci Sports Exerc "
    "2011;43:1575-1581";
static const char SAWKA[] =
    "Sawka MN, Burke LM, Eichner ER, et al. American College of Sports Medicine position "
    "stand: exercise and fluid replacement. Med Sci Sports Exerc 2007;39(2):377-390";
const char *kmgca_sweat_model_source(void) { return GONZALEZ; }
const char *kmgca_heavy_sweat_source(void) { return SAWKA; }

/* The assumptions of the prediction, shown with every predicted figure. */
#define SKIN_TEMP_C 35.0        /* mean skin temperature during exercise */
#define CLOTHING_CLO 0.8        /* total insulation, shorts and T-shirt with the air layer */
#define CLOTHING_IM 0.45        /* their moisture permeability index */
#define DEFAULT_TEMP_C 20.0
#define DEFAULT_HUMIDITY_PCT 50.0
#define DEFAULT_MET 4.5         /* moderate: 3 to 6 MET (Ainsworth et al. 2011) */
#define W_PER_KCAL_H 1.1622     /* 1 kcal/h in W; 1 MET = 1 kcal/kg/h */

/* Saturated vapour pressure of water at t (C), in mmHg: the form of
 * ISO 7933 (0.6105 exp(17.27 t / (t + 237.3)) kPa). */
static double saturation_mmhg(double t)
{
    return 0.6105 * exp(17.27 * t / (t + 237.3)) * 7.50062;
}

double kmgca_sweat_predict_l(double minutes, double met, double temperature_c,
                             double humidity_pct, double body_mass_kg, double height_m)
{
    if (!(minutes >= 0 && minutes <= 24 * 60) || !(met > 0 && met <= 25) ||
        !(temperature_c > -60 && temperature_c < 60) ||
        !(humidity_pct >= 0 && humidity_pct <= 100) ||
        !(body_mass_kg >= 20 && body_mass_kg <= 350) ||
        !(height_m == 0 || (height_m >= 1.0 && height_m <= 2.5)))
        return NAN;
    /* Body surface area: DuBois & DuBois 1916 (0.007184 W^0.425 H(cm)^0.725)
     * with a height, else Livingston & Lee 2001 (0.1173 W^0.6466) from the
     * body mass alone. */
    double bsa = height_m > 0 ? 0.007184 * pow(body_mass_kg, 0.425) * pow(height_m * 100, 0.725)
                              : 0.1173 * pow(body_mass_kg, 0.6466);
    /* The heat balance per m2 of skin that Gonzalez et al. build on (the
     * USARIEM heat strain model): metabolic heat (no external work), dry heat
     * gained from the air through the clothing (6.45 W/m2/C per clo, as
     * 1 clo = 0.155 m2 C/W), and the most evaporation the air allows
     * (14.21 = 6.45 x 2.2 C/mmHg, the Lewis relation). */
    double m = met * body_mass_kg * W_PER_KCAL_H / bsa;
    double dry = 6.45 / CLOTHING_CLO * (temperature_c - SKIN_TEMP_C);
    double ereq = m + dry;
    double pa = saturation_mmhg(temperature_c) * humidity_pct / 100;
    double emax = 14.21 * CLOTHING_IM / CLOTHING_CLO * (saturation_mmhg(SKIN_TEMP_C) - pa);
    if (emax < 0)
        emax = 0;
    /* Gonzalez et al. 2009: sweat (g/m2/h) = 147 + 1.527 Ereq - 0.87 Emax;
     * below 20 C the intercept is 350 (Gonzalez et al. 2012). Never below 0. */
    double g_m2_h = (temperature_c < 20 ? 350 : 147) + 1.527 * ereq - 0.87 * emax;
    if (g_m2_h < 0)
        g_m2_h = 0;
    return g_m2_h * bsa / 1000 * minutes / 60;
}

/* ---- What the analysis keeps -------------------------------------------- */

typedef struct {
    int32_t day;
    size_t sessions;
    double sweat_l, mg[KMGCA_NUTRIENT_COUNT], body_mass_kg;
    int mass_assumed;
} sweat_day;

struct care_data {
    arena strings;
    kmgca_med *meds;
    size_t med_count, med_cap;
    size_t *supp;             /* the medication lines that count a supplement */
    size_t supp_count, supp_cap;
    kmgca_session *sessions;
    size_t session_count, session_cap;
    sweat_day *days;          /* sorted by day */
    size_t day_count;
};

care_data *care_new(void)
{
    care_data *c = calloc(1, sizeof *c);
    return c;
}

void care_free(care_data *c)
{
    if (!c)
        return;
    arena_free(&c->strings);
    free(c->meds);
    free(c->supp);
    free(c->sessions);
    free(c->days);
    free(c);
}

static const char *keep(care_data *c, const char *s)
{
    return arena_strdup(&c->strings, s ? s : "");
}

/* ---- Reading both kinds of file (through table.c) ----------------------- */

/* What the rows of a medication list or an activity log are read into. */
typedef struct {
    kmgca_analysis *a;
    care_data *c;
    int cronometer;           /* an activity log that is a Cronometer exercises export */
} reader;

/* Text in fields past the header's last column is not read: say so on the
 * line rather than drop it silently. */
static void extra_fields(const table_reader *t, const csv_row *row, char *why, size_t size)
{
    size_t extra = table_extra_fields(t, row);
    if (extra)
        appendf(why, size, "%sthe line has %zu fields; the header names %zu (the text past "
                           "column %zu is not read)",
                why[0] ? "; " : "", row->count, t->columns, t->columns);
}

/* Reads a date for a medication or activity line; 0 on success, else a
 * reason in why. */
static int read_date(const kmgca_analysis *a, const char *text, int32_t *day, char *why,
                     size_t size)
{
    char reason[200] = "";
    date_result res =
        date_parse(text, analysis_date_order(a), day, NULL, reason, sizeof reason);
    if (res == DATE_OK)
        return 0;
    snprintf(why, size, "%s", reason[0] ? reason : "not a date");
    return -1;
}

/* ---- Medication lists --------------------------------------------------- */

enum { MED_DRUG, MED_DOSE, MED_START, MED_END, MED_ROLES };

static const char *const med_names[MED_ROLES] = {
    [MED_DRUG] = "drug|medication|medicine|drug name|medication name|name|药品|药物|药名|药品名称",
    [MED_DOSE] = "dose|dosage|strength|剂量|用量|规格",
    [MED_START] = "start|start date|from|started|开始|开始日期",
    [MED_END] = "end|end date|stop|stop date|to|until|stopped|结束|结束日期|停药日期",
};
static const char *const med_labels[MED_ROLES] = {"drug", "dose", "start", "end"};
static const char *const med_missing[MED_ROLES] = {
    [MED_DRUG] = "no drug column: the first line must be a header naming one (drug, "
                 "medication, medicine, name or 药品), with dose, start and end optional",
};
static const table_schema med_table = {.names = med_names, .labels = med_labels,
                                       .count = MED_ROLES, .required = 1u << MED_DRUG,
                                       .missing = med_missing, .missing_column = 1};

static kmgca_status med_row(const table_reader *t, const csv_row *row, void *ud,
                            kmgca_error *err)
{
    reader *r = ud;
    care_data *c = r->c;
    if (c->med_count >= KMGCA_MED_LIMIT)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, t->path, row->line, 0,
                             "more than %d medication lines", KMGCA_MED_LIMIT);
    if (!grow_array((void **)&c->meds, &c->med_cap, c->med_count, sizeof *c->meds, 32))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    kmgca_med *m = &c->meds[c->med_count];
    memset(m, 0, sizeof *m);
    m->file = keep(c, t->path);
    m->line = row->line;
    m->text = keep(c, table_field(t, row, MED_DRUG));
    m->dose = keep(c, table_field(t, row, MED_DOSE));
    m->start_text = keep(c, table_field(t, row, MED_START));
    m->end_text = keep(c, table_field(t, row, MED_END));
    if (!m->file || !m->text || !m->dose || !m->start_text || !m->end_text)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    m->start_day = LONG_MIN;
    m->end_day = LONG_MAX;
    char why[1200] = "", reason[200];
    if (table_blank(m->text)) {
        snprintf(why, sizeof why, "no drug named on this line");
    } else {
        /* The dose column may hold words too ("Klor-Con", "M20"): match
         * the drug text alone first, then with the dose. */
        kmgca_drug_match_text(m->text, &m->match);
        /* A calcium, magnesium or potassium supplement or medicine: what it
         * gives a day, from its text and dose. */
        kmgca_supplement_read(m->text, m->dose, KMGCA_SUPPLEMENT_PER_DAY, &m->supplement);
        const kmgca_supplement *sp = &m->supplement;
        if (!m->match.part_count && !sp->recognised)
            snprintf(why, sizeof why,
                     "not recognised: kept as written; no mineral effect can be shown for it");
        else if (m->match.part_count && m->match.confidence < 0.9 && !sp->recognised)
            snprintf(why, sizeof why, "matched with confidence %.2f (%s): please check",
                     m->match.confidence, m->match.how);
        if (sp->recognised && sp->review[0])
            appendf(why, sizeof why, "%ssupplement not counted: %s", why[0] ? "; " : "",
                    sp->review);
        else if (sp->recognised && (sp->frequency_assumed || sp->count_assumed))
            appendf(why, sizeof why, "%ssupplement counted with %s assumed: check the dose",
                    why[0] ? "; " : "",
                    sp->frequency_assumed && sp->count_assumed ? "one tablet once a day"
                    : sp->frequency_assumed                     ? "once a day"
                                                                : "one tablet a dose");
    }
    int32_t day;
    if (!table_blank(m->start_text)) {
        if (read_date(r->a, m->start_text, &day, reason, sizeof reason) == 0)
            m->start_day = day;
        else
            appendf(why, sizeof why,
                     "%sstart date: %s; taken as active from the start of the period",
                     why[0] ? "; " : "", reason);
    }
    if (!table_blank(m->end_text)) {
        if (read_date(r->a, m->end_text, &day, reason, sizeof reason) == 0)
            m->end_day = day;
        else
            appendf(why, sizeof why,
                     "%send date: %s; taken as active to the end of the period",
                     why[0] ? "; " : "", reason);
    }
    extra_fields(t, row, why, sizeof why);
    if (m->start_day != LONG_MIN && m->end_day != LONG_MAX && m->end_day < m->start_day) {
        appendf(why, sizeof why,
                 "%send date before start date: taken as active over the whole period",
                 why[0] ? "; " : "");
        m->start_day = LONG_MIN;
        m->end_day = LONG_MAX;
    }
    utf8_trim_end(why);
    if (why[0] && !(m->review = keep(c, why)))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    if (m->supplement.recognised && !m->supplement.review[0]) {
        if (!grow_array((void **)&c->supp, &c->supp_cap, c->supp_count, sizeof *c->supp, 16))
            return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        c->supp[c->supp_count++] = c->med_count;
    }
    c->med_count++;
    return KMGCA_OK;
}

kmgca_status kmgca_analysis_read_meds(kmgca_analysis *a, const char *path, kmgca_error *err)
{
    if (!a || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no analysis or file given");
    reader r = {.a = a, .c = analysis_care(a)};
    table_reader t = {.path = path, .encoding = kmgca_analysis_options(a)->encoding,
                      .schema = &med_table, .on_row = med_row, .ud = &r,
                      .empty = "empty medication list: no header line"};
    size_t before = r.c->med_count;
    kmgca_status st = table_read(&t, err);
    if (st != KMGCA_OK) {
        r.c->med_count = before; /* a broken file adds nothing */
        while (r.c->supp_count && r.c->supp[r.c->supp_count - 1] >= before)
            r.c->supp_count--;
    }
    return st;
}

const char *kmgca_med_name(const kmgca_med *m)
{
    if (!m)
        return "";
    if (m->match.name[0])
        return m->match.name;
    if (m->supplement.recognised && m->supplement.product[0])
        return m->supplement.product;
    return m->text ? m->text : "";
}

size_t kmgca_analysis_med_count(const kmgca_analysis *a)
{
    return a ? analysis_care(a)->med_count : 0;
}
const kmgca_med *kmgca_analysis_med(const kmgca_analysis *a, size_t i)
{
    return a && i < analysis_care(a)->med_count ? &analysis_care(a)->meds[i] : NULL;
}

/* ---- Activity logs ------------------------------------------------------ */

enum { ACT_DATE, ACT_NAME, ACT_MINUTES, ACT_INTENSITY, ACT_TEMP, ACT_HUMIDITY, ACT_MASS,
       ACT_PRE, ACT_POST, ACT_FLUID, ACT_URINE, ACT_KCAL, ACT_ROLES };

/* A number in a field: 0 when blank, 1 when read, -1 when not a number. */
static int number(const char *s, double *out)
{
    while (*s == ' ')
        s++;
    if (!*s)
        return 0;
    /* A minus sign: temperatures below 0 C (the ranges refuse the rest). */
    int negative = *s == '-';
    size_t n = parse_decimal(s + negative, out);
    if (!n)
        return -1;
    if (negative)
        *out = -*out;
    s += negative;
    for (s += n; *s == ' '; s++)
        ;
    return *s ? -1 : 1;
}

/* An intensity word: the bands of the Compendium (Ainsworth et al. 2011). */
static int intensity_word(const char *text, double *met)
{
    static const struct {
        const char *word;
        double met;
    } words[] = {{"light", 2.5},    {"low", 2.5},    {"easy", 2.5},    {"moderate", 4.5},
                 {"medium", 4.5},   {"vigorous", 8.0}, {"hard", 8.0},  {"high", 8.0},
                 {"intense", 8.0},  {"轻", 2.5},     {"中", 4.5},      {"高", 8.0},
                 {"剧烈", 8.0}};
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
        if (strlen(words[w].word) == len && strncasecmp(text, words[w].word, len) == 0) {
            *met = words[w].met;
            return 1;
        }
    return 0;
}

double kmgca_intensity_met(const char *text)
{
    double met;
    if (!text)
        return NAN;
    if (intensity_word(text, &met))
        return met;
    return number(text, &met) == 1 && met > 0 && met <= 25 ? met : NAN;
}

static const char *const act_names[ACT_ROLES] = {
    [ACT_DATE] = "date|day|日期",
    [ACT_NAME] = "activity|exercise|sport|运动|活动|项目",
    [ACT_MINUTES] = "minutes|duration|duration_min|min|mins|时长|分钟",
    [ACT_INTENSITY] = "intensity|met|mets|强度",
    [ACT_TEMP] = "temperature_c|temperature|temp|temp_c|气温|温度",
    [ACT_HUMIDITY] = "humidity_pct|humidity|rh|relative humidity|湿度",
    [ACT_MASS] = "body_mass_kg|body mass|weight_kg|weight|体重",
    [ACT_PRE] = "pre_kg|pre|weight_before|pre_weight",
    [ACT_POST] = "post_kg|post|weight_after|post_weight",
    [ACT_FLUID] = "fluid_l|fluid|drink_l|fluid intake|饮水",
    [ACT_URINE] = "urine_l|urine|尿量",
    [ACT_KCAL] = "calories burned|calories|kcal|energy burned",
};
static const char *const act_labels[ACT_ROLES] = {
    "date", "activity", "minutes", "intensity", "temperature", "humidity",
    "body mass", "weight before", "weight after", "fluid", "urine", "calories"};
#define ACT_HEADER                                                                     \
    " column: the first line must be a header with date, activity and minutes (or a "  \
    "Cronometer exercises export: Day, Exercise, Minutes, Calories Burned)"
static const char *const act_missing[ACT_ROLES] = {
    [ACT_DATE] = "no date" ACT_HEADER,
    [ACT_MINUTES] = "no minutes" ACT_HEADER,
};
static const table_schema act_table = {.names = act_names, .labels = act_labels,
                                       .count = ACT_ROLES,
                                       .required = 1u << ACT_DATE | 1u << ACT_MINUTES,
                                       .missing = act_missing, .missing_column = 1};

/* A Cronometer exercises export gives calories burned, not an intensity. */
static kmgca_status act_header(table_reader *t, const csv_row *header, void *ud,
                               kmgca_error *err)
{
    reader *r = ud;
    (void)err;
    r->cronometer = csv_find_column(header, "exercise") >= 0 && t->col[ACT_KCAL] >= 0;
    return KMGCA_OK;
}

/* The numbers of an activity line; a bad one is a review reason, never a
 * guess. have[i] is 1 for each value read and within its range. */
static void act_numbers(const table_reader *t, const csv_row *row, double v[ACT_ROLES],
                        int have[ACT_ROLES], char *why, size_t size)
{
    static const char *const label[ACT_ROLES] = {
        "", "", "minutes", "intensity", "temperature", "humidity", "body mass",
        "weight before", "weight after", "fluid", "urine", "calories burned"};
    static const double lo[ACT_ROLES] = {0, 0, 0, 0, -60, 0, 20, 20, 20, 0, 0, 0};
    static const double hi[ACT_ROLES] = {0, 0, 1440, 25, 60, 100, 350, 350, 350, 20, 20, 20000};
    for (int i = ACT_MINUTES; i < ACT_ROLES; i++) {
        v[i] = NAN;
        have[i] = 0;
        const char *text = table_field(t, row, i);
        if (i == ACT_INTENSITY && intensity_word(text, &v[i])) {
            have[i] = 1;
            continue;
        }
        int k = number(text, &v[i]);
        if (k == 1 && v[i] >= lo[i] && v[i] <= hi[i] && !(i == ACT_INTENSITY && v[i] <= 0)) {
            have[i] = 1;
        } else if (k != 0) {
            char msg[200], shown[31];
            copy_text(shown, sizeof shown, text);
            snprintf(msg, sizeof msg, "%s \"%s\" is not a usable value (%g to %g)", label[i],
                     shown, lo[i], hi[i]);
            appendf(why, size, "%s%s", why[0] ? "; " : "", msg);
            v[i] = NAN;
        }
    }
}

/* A session's sweat from its numbers: measured where the weights before
 * and after are given, else predicted, with every assumption said. */
static void act_sweat(const reader *r, kmgca_session *s, const double v[ACT_ROLES],
                      const int have[ACT_ROLES], char *why, size_t size)
{
    const kmgca_options *o = kmgca_analysis_options(r->a);
    s->minutes = have[ACT_MINUTES] ? v[ACT_MINUTES] : NAN;
    int mass_assumed = !have[ACT_MASS];
    s->body_mass_kg = have[ACT_MASS]  ? v[ACT_MASS]
                      : have[ACT_PRE] ? v[ACT_PRE]
                      : o->body_mass_kg > 0 ? o->body_mass_kg
                                            : KMGCA_DEFAULT_BODY_MASS_KG;
    if (have[ACT_PRE])
        mass_assumed = 0;
    s->temperature_c = have[ACT_TEMP] ? v[ACT_TEMP] : NAN;
    s->humidity_pct = have[ACT_HUMIDITY] ? v[ACT_HUMIDITY] : NAN;
    char assumed[400] = "";
    if (have[ACT_INTENSITY]) {
        s->met = v[ACT_INTENSITY];
    } else if (r->cronometer && have[ACT_KCAL] && have[ACT_MINUTES] && s->minutes > 0) {
        /* 1 MET = 1 kcal per kg per hour. */
        s->met = v[ACT_KCAL] / (s->body_mass_kg * s->minutes / 60);
        appendf(assumed, sizeof assumed,
                 "%.1f MET from %.0f kcal burned; ", s->met, v[ACT_KCAL]);
        if (!(s->met > 0 && s->met <= 25))
            s->met = DEFAULT_MET;
    } else {
        s->met = DEFAULT_MET;
        appendf(assumed, sizeof assumed,
                 "moderate intensity (%.1f MET) assumed; ", DEFAULT_MET);
    }

    if (have[ACT_PRE] && have[ACT_POST]) {
        /* Measured: the change in body mass plus what was drunk, less urine
         * (1 kg of mass = 1 L of sweat). */
        double fluid = have[ACT_FLUID] ? v[ACT_FLUID] : 0;
        double urine = have[ACT_URINE] ? v[ACT_URINE] : 0;
        double l = v[ACT_PRE] - v[ACT_POST] + fluid - urine;
        s->measured = 1;
        snprintf(s->method, sizeof s->method,
                 "measured: %.2f kg before - %.2f kg after + %.2f L drunk - %.2f L urine%s",
                 v[ACT_PRE], v[ACT_POST], fluid, urine,
                 have[ACT_FLUID] && have[ACT_URINE] ? ""
                 : have[ACT_FLUID]                  ? " (no urine given: 0 assumed)"
                 : have[ACT_URINE]                  ? " (no fluid given: 0 assumed)"
                                                    : " (no fluid or urine given: 0 assumed)");
        if (l < 0 || l > 20) {
            appendf(why, size, "%sthe weights give a sweat loss below 0 or above 20 L",
                    why[0] ? "; " : "");
        } else {
            s->sweat_l = l;
        }
    } else if (have[ACT_MINUTES]) {
        double t = have[ACT_TEMP] ? v[ACT_TEMP] : DEFAULT_TEMP_C;
        double rh = have[ACT_HUMIDITY] ? v[ACT_HUMIDITY] : DEFAULT_HUMIDITY_PCT;
        if (!have[ACT_TEMP])
            appendf(assumed, sizeof assumed,
                     "%.0f C assumed; ", DEFAULT_TEMP_C);
        if (!have[ACT_HUMIDITY])
            appendf(assumed, sizeof assumed,
                     "%.0f %% humidity assumed; ", DEFAULT_HUMIDITY_PCT);
        if (mass_assumed)
            appendf(assumed, sizeof assumed,
                     "%.0f kg body mass assumed; ", s->body_mass_kg);
        s->sweat_l = kmgca_sweat_predict_l(s->minutes, s->met, t, rh, s->body_mass_kg, 0);
        snprintf(s->method, sizeof s->method,
                 "predicted (Gonzalez et al. 2009%s): %.0f min at %.1f MET, %.0f C, %.0f %% "
                 "humidity, %.0f kg; %sclothing %.1f clo (im %.2f), skin %.0f C, no wind or "
                 "sun terms, body surface from mass (Livingston & Lee 2001)",
                 t < 20 ? ", cool form of 2012" : "", s->minutes, s->met, t, rh,
                 s->body_mass_kg, assumed, CLOTHING_CLO, CLOTHING_IM, SKIN_TEMP_C);
        utf8_trim_end(s->method);
    }
}

static kmgca_status act_row(const table_reader *t, const csv_row *row, void *ud,
                            kmgca_error *err)
{
    reader *r = ud;
    care_data *c = r->c;
    if (c->session_count >= KMGCA_SESSION_LIMIT)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, t->path, row->line, 0,
                             "more than %d activity sessions", KMGCA_SESSION_LIMIT);
    if (!grow_array((void **)&c->sessions, &c->session_cap, c->session_count,
                    sizeof *c->sessions, 32))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    kmgca_session *s = &c->sessions[c->session_count];
    memset(s, 0, sizeof *s);
    s->file = keep(c, t->path);
    s->line = row->line;
    s->activity = keep(c, table_field(t, row, ACT_NAME));
    if (!s->file || !s->activity)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    s->sweat_l = NAN;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        s->loss_mg[n] = NAN;
    char why[600] = "", reason[300];
    int32_t day;
    if (read_date(r->a, table_field(t, row, ACT_DATE), &day, reason, sizeof reason) == 0) {
        s->day = day;
        date_format(day, s->date);
    } else {
        char msg[400], shown[41];
        copy_text(shown, sizeof shown, table_field(t, row, ACT_DATE)); /* whole characters */
        snprintf(msg, sizeof msg, "date \"%s\" %s", shown, reason);
        appendf(why, sizeof why, "%s%s", why[0] ? "; " : "", msg);
    }
    double v[ACT_ROLES];
    int have[ACT_ROLES];
    act_numbers(t, row, v, have, why, sizeof why);
    if (!have[ACT_MINUTES] && table_blank(table_field(t, row, ACT_MINUTES)))
        appendf(why, sizeof why, "%s%s", why[0] ? "; " : "", "no minutes given");
    act_sweat(r, s, v, have, why, sizeof why);
    if (!isnan(s->sweat_l))
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            s->loss_mg[n] = s->sweat_l * sweat_conc[n].mg_per_l;
    extra_fields(t, row, why, sizeof why);
    utf8_trim_end(why);
    if (why[0] && !(s->review = keep(c, why)))
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    c->session_count++;
    return KMGCA_OK;
}

static int by_day(const void *a, const void *b)
{
    const sweat_day *x = a, *y = b;
    return (x->day > y->day) - (x->day < y->day);
}

/* Rebuilds the per-day sums from the sessions, and makes sure every day
 * with a session is a day of the analysis. */
static kmgca_status rebuild_days(kmgca_analysis *a, care_data *c, kmgca_error *err)
{
    free(c->days);
    c->days = NULL;
    c->day_count = 0;
    if (!c->session_count)
        return KMGCA_OK;
    sweat_day *d = calloc(c->session_count, sizeof *d);
    if (!d)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < c->session_count; i++) {
        const kmgca_session *s = &c->sessions[i];
        if (!s->date[0])
            continue;
        d[n].day = (int32_t)s->day;
        d[n].sessions = 1;
        d[n].sweat_l = s->sweat_l;
        for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
            d[n].mg[k] = s->loss_mg[k];
        d[n].body_mass_kg = s->body_mass_kg;
        n++;
    }
    qsort(d, n, sizeof *d, by_day);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (out && d[out - 1].day == d[i].day) {
            sweat_day *t = &d[out - 1];
            t->sessions++;
            if (!isnan(d[i].sweat_l)) {
                t->sweat_l = isnan(t->sweat_l) ? d[i].sweat_l : t->sweat_l + d[i].sweat_l;
                for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
                    t->mg[k] = isnan(t->mg[k]) ? d[i].mg[k] : t->mg[k] + d[i].mg[k];
            }
        } else {
            d[out++] = d[i];
        }
    }
    c->days = d;
    c->day_count = out;
    for (size_t i = 0; i < out; i++)
        if (!analysis_touch_day(a, d[i].day))
            return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    return KMGCA_OK;
}

kmgca_status kmgca_analysis_read_activity(kmgca_analysis *a, const char *path,
                                          kmgca_error *err)
{
    if (!a || !path)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no analysis or file given");
    reader r = {.a = a, .c = analysis_care(a)};
    table_reader t = {.path = path, .encoding = kmgca_analysis_options(a)->encoding,
                      .schema = &act_table, .on_header = act_header, .on_row = act_row,
                      .ud = &r,
                      .empty = "empty activity log: no header line"};
    size_t before = r.c->session_count;
    kmgca_status st = table_read(&t, err);
    if (st != KMGCA_OK) {
        r.c->session_count = before;
        return st;
    }
    return rebuild_days(a, r.c, err);
}

size_t kmgca_analysis_session_count(const kmgca_analysis *a)
{
    return a ? analysis_care(a)->session_count : 0;
}
const kmgca_session *kmgca_analysis_session(const kmgca_analysis *a, size_t i)
{
    return a && i < analysis_care(a)->session_count ? &analysis_care(a)->sessions[i] : NULL;
}

static int active(const kmgca_med *m, long day);

void care_fill_day(const care_data *c, kmgca_day *d)
{
    d->sweat_l = NAN;
    d->body_mass_kg = NAN;
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
        d->sweat_mg[k] = NAN;
    /* The supplements of the medication lists taken that day. */
    for (size_t i = 0; i < c->supp_count; i++) {
        const kmgca_med *m = &c->meds[c->supp[i]];
        if (active(m, d->day))
            for (int k = 0; k < KMGCA_NA; k++)
                d->supplement_mg[k] += m->supplement.mg[k];
    }
    size_t lo = 0, hi = c->day_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->days[mid].day < d->day)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == c->day_count || c->days[lo].day != d->day)
        return;
    const sweat_day *s = &c->days[lo];
    d->sessions = s->sessions;
    d->sweat_l = s->sweat_l;
    d->body_mass_kg = s->body_mass_kg;
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
        d->sweat_mg[k] = s->mg[k];
}

/* ---- Flags -------------------------------------------------------------- */

const char *kmgca_flag_kind_name(kmgca_flag_kind k)
{
    switch (k) {
    case KMGCA_FLAG_DIURETIC: return "diuretic";
    case KMGCA_FLAG_SWEAT: return "sweat";
    case KMGCA_FLAG_SUPPLEMENT: return "supplement";
    case KMGCA_FLAG_PATTERN: return "pattern";
    default: return "drug";
    }
}
const char *kmgca_severity_name(kmgca_severity s)
{
    return s == KMGCA_SEVERITY_HIGH ? "high" : s == KMGCA_SEVERITY_MODERATE ? "moderate" : "low";
}

static const char ACTION_K_MG[] =
    "Discuss monitoring of blood potassium and magnesium with the prescriber; do not stop or "
    "change the medicine on your own.";
static const char ACTION_K_UP[] =
    "Discuss potassium intake (including salt substitutes and potassium supplements) and "
    "blood potassium monitoring with the prescriber; do not stop or change the medicine on "
    "your own.";
static const char ACTION_CA[] =
    "Discuss calcium supplements and blood calcium monitoring with the prescriber; do not stop "
    "or change the medicine on your own.";
static const char ACTION_DIGOXIN[] =
    "Low potassium or magnesium can make digoxin more toxic: discuss this day's intake and "
    "blood monitoring with the prescriber; do not stop or change the medicine on your own.";
static const char ACTION_SWEAT[] =
    "Replace fluid and salts after heavy sweating, with food (fruit, vegetables, dairy) and "
    "drink; seek care for cramps that do not settle, weakness, dizziness or confusion.";

/* Flags past `max` are counted but not written: they go to `spare`, and
 * their messages are not built (a long medication list on a long period
 * would otherwise spend its time formatting text nobody reads). */
typedef struct {
    kmgca_flag *out;
    size_t max, count;
    kmgca_flag spare;
} flag_list;

static kmgca_flag *next_flag(flag_list *l)
{
    kmgca_flag *f = l->count < l->max ? &l->out[l->count] : &l->spare;
    l->count++;
    memset(f, 0, sizeof *f);
    f->med = -1;
    return f;
}

/* Fixed text in the flags' language (lang.c has the Chinese). */
static const char *tr(kmgca_lang lang, const char *en)
{
    return lang == KMGCA_LANG_ZH ? lang_zh(en) : en;
}

static void intake_text(char *buf, size_t size, const kmgca_day *d, kmgca_nutrient n,
                        kmgca_lang lang)
{
    if (isnan(d->percent[n]))
        snprintf(buf, size, tr(lang, "this day's %s intake is not known"),
                 tr(lang, kmgca_nutrient_name(n)));
    else
        snprintf(buf, size, tr(lang, "this day's %s intake was %.0f%% of target"),
                 tr(lang, kmgca_nutrient_name(n)), d->percent[n]);
}

static int below(const kmgca_day *d, kmgca_nutrient n)
{
    return !isnan(d->percent[n]) && d->percent[n] < 100;
}

static kmgca_severity raise(kmgca_severity s)
{
    return s == KMGCA_SEVERITY_LOW ? KMGCA_SEVERITY_MODERATE : KMGCA_SEVERITY_HIGH;
}

/* Flags of one medication on one day. */
static void med_flags(const kmgca_med *m, long index, const kmgca_day *d, flag_list *l,
                      kmgca_lang lang)
{
    const kmgca_drug_match *x = &m->match;
    if (!x->affects_minerals)
        return;
    int diuretic = 0, thiazide = 0, loop = 0, digoxin = 0, absorption_only = 1;
    const char *source = x->row ? kmgca_drug_source(x->row) : "";
    for (size_t i = 0; i < x->part_count; i++) {
        const kmgca_drug *p = x->part[i];
        const char *fam = kmgca_drug_family(p);
        if (fam[0])
            diuretic = 1;
        if (strcmp(fam, "thiazide") == 0)
            thiazide = 1;
        if (strcmp(fam, "loop") == 0)
            loop = 1;
        if (strcmp(kmgca_drug_effect_type(p), "sensitivity") == 0)
            digoxin = 1;
        if (kmgca_drug_affects_minerals(p) &&
            strcmp(kmgca_drug_effect_type(p), "absorption_interaction") != 0)
            absorption_only = 0;
        if (!source[0] && kmgca_drug_affects_minerals(p))
            source = kmgca_drug_source(p);
    }
    if (x->row && strcmp(kmgca_drug_effect_type(x->row), "absorption_interaction") != 0)
        absorption_only = 0;
    if (x->row && kmgca_drug_family(x->row)[0]) {
        diuretic = 1;
        thiazide |= strcmp(kmgca_drug_family(x->row), "thiazide") == 0;
        loop |= strcmp(kmgca_drug_family(x->row), "loop") == 0;
    }
    if (absorption_only)
        return; /* shown on the Medications sheet, not as a daily flag */
    char label[sizeof x->name];
    drug_match_label(x, lang, label, sizeof label);
    const char *name = label;
    char intake[120], intake2[120];

    if (digoxin) {
        int lk = below(d, KMGCA_K), lm = below(d, KMGCA_MG);
        kmgca_flag *f = lk || lm ? next_flag(l) : NULL;
        if (f && f != &l->spare) {
            f->kind = KMGCA_FLAG_DRUG;
            f->nutrient = lk ? KMGCA_K : KMGCA_MG;
            f->direction = "low_intake";
            f->severity = KMGCA_SEVERITY_HIGH;
            intake_text(intake, sizeof intake, d, KMGCA_K, lang);
            intake_text(intake2, sizeof intake2, d, KMGCA_MG, lang);
            snprintf(f->message, sizeof f->message,
                     tr(lang, "%s (\"%s\"): low potassium or magnesium may increase the risk "
                              "of digoxin toxicity; %s and %s."),
                     name, m->text, intake, intake2);
            utf8_trim_end(f->message); /* a long text is cut: not inside a character */
            f->action = tr(lang, ACTION_DIGOXIN);
            f->source = source;
            f->med = index;
        }
    }

    for (int k = 0; k < 3; k++) {
        kmgca_nutrient n = k == 0 ? KMGCA_K : k == 1 ? KMGCA_MG : KMGCA_CA;
        kmgca_effect e = x->effect[n];
        /* Minor effects are shown with the medication, not flagged daily. */
        if (e == KMGCA_EFFECT_NEUTRAL || e == KMGCA_EFFECT_MINOR_DOWN ||
            e == KMGCA_EFFECT_MINOR_UP)
            continue;
        /* A calcium or magnesium supplement counted in the day's intake
         * raises it by its amount, checked against the upper level
         * (supplement flags): no "up" flag. Potassium has no upper level:
         * its medicines keep their caution. */
        if (e == KMGCA_EFFECT_UP && n != KMGCA_K && m->supplement.recognised &&
            !m->supplement.review[0] && m->supplement.mg[n] > 0)
            continue;
        kmgca_flag *f = next_flag(l);
        if (f == &l->spare)
            continue;
        f->kind = diuretic ? KMGCA_FLAG_DIURETIC : KMGCA_FLAG_DRUG;
        f->nutrient = n;
        f->direction = kmgca_effect_name(e);
        f->med = index;
        f->source = source;
        const char *prio = x->row ? kmgca_drug_priority(x->row) : "medium";
        int full = e == KMGCA_EFFECT_DOWN || e == KMGCA_EFFECT_UP;
        f->severity = strcmp(prio, "high") == 0 && full ? KMGCA_SEVERITY_MODERATE
                                                             : KMGCA_SEVERITY_LOW;
        intake_text(intake, sizeof intake, d, n, lang);
        const char *what;
        const char *mineral = tr(lang, kmgca_nutrient_name(n));
        if (e == KMGCA_EFFECT_DOWN) {
            int raised = n == KMGCA_CA ? below(d, KMGCA_CA)
                                       : below(d, KMGCA_K) || below(d, KMGCA_MG);
            if (raised)
                f->severity = raise(f->severity);
            what = (diuretic && n != KMGCA_CA) || (loop && n == KMGCA_CA)
                       ? "may increase urinary %s loss"
                       : "may lower blood %s";
            f->action = n == KMGCA_CA ? ACTION_CA : ACTION_K_MG;
        } else if (e == KMGCA_EFFECT_UP) {
            int high = !isnan(d->percent[n]) && d->percent[n] >= 100;
            if (n == KMGCA_CA)
                f->severity = high ? KMGCA_SEVERITY_MODERATE : KMGCA_SEVERITY_LOW;
            else if (high)
                f->severity = raise(f->severity);
            what = thiazide && n == KMGCA_CA
                       ? "may reduce urinary %s loss (calcium is retained): caution with "
                         "high-dose calcium supplements"
                   : "may raise blood %s";
            f->action = n == KMGCA_CA ? ACTION_CA : n == KMGCA_K ? ACTION_K_UP : ACTION_K_MG;
        } else {
            if (below(d, KMGCA_K) || below(d, KMGCA_MG))
                f->severity = raise(f->severity);
            what = "may raise or lower blood %s (its parts pull both ways)";
            f->action = ACTION_K_MG;
        }
        char phrase[200];
        snprintf(phrase, sizeof phrase, tr(lang, what), mineral);
        snprintf(f->message, sizeof f->message, tr(lang, "%s (\"%s\") %s; %s."), name, m->text,
                 phrase, intake);
        utf8_trim_end(f->message);
        f->action = tr(lang, f->action);
    }
}

static int active(const kmgca_med *m, long day)
{
    return day >= m->start_day && day <= m->end_day;
}

/* ---- Supplements: upper levels and the cramps pattern ----------------------- */

static const char ACTION_UL_MG[] =
    "Discuss the magnesium dose with the prescriber or a pharmacist (diarrhoea is the usual "
    "first sign of too much; kidney disease raises the risk); do not stop a prescribed "
    "medicine on your own.";
static const char ACTION_UL_CA[] =
    "Discuss the calcium supplement dose with the prescriber or a dietitian, counting the "
    "calcium from food; do not stop a prescribed medicine on your own.";
static const char ACTION_K_SUPP[] =
    "A potassium supplement with a medicine that raises blood potassium needs blood "
    "potassium checks: discuss both with the prescriber; do not stop or change a medicine "
    "on your own.";
static const char ACTION_PATTERN[] =
    "If night cramps are the concern, talk about magnesium-rich foods with a dietitian or "
    "doctor before adding supplements; seek care for cramps with weakness, numbness, "
    "swelling or redness of the leg, or cramps that do not settle.";
static const char UL_MG_SOURCE[] =
    "IOM 1997, Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and "
    "Fluoride (National Academies Press): UL 350 mg a day of magnesium from supplements and "
    "medicines, ages 9 and over (food and water not counted)";
static const char UL_CA_SOURCE[] =
    "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D (National Academies "
    "Press): UL for total calcium 2,500 mg a day at 19-50 years, 2,000 mg at 51 and over";
static const char PATTERN_SOURCE[] =
    "kmgca: targets as used in this report; magnesium below 67 % of target as elsewhere in "
    "kmgca; magnesium and muscle cramps: Garrison SR et al., Cochrane Database Syst Rev "
    "2020;9:CD009402 (supplements do not reliably prevent cramps in older adults), so the "
    "flag points at intake, not at cramps";

/* The upper level of a mineral for this analysis: the reference's, else
 * (food-label targets, or the Chinese DRIs, which set none for magnesium)
 * the US adult level, said so in *note. NaN when there is none (K). */
static double upper_level(const kmgca_analysis *a, kmgca_nutrient n, const char **source,
                          const char **note)
{
    const kmgca_target *t = kmgca_analysis_target(a, n);
    *note = "";
    if (!isnan(t->ul_mg)) {
        *source = t->source;
        return t->ul_mg;
    }
    if (n == KMGCA_MG) {
        *source = UL_MG_SOURCE;
        *note = " (the US level: the targets used set none)";
        return 350;
    }
    if (n == KMGCA_CA) {
        *source = UL_CA_SOURCE;
        *note = " (the US level for 51 and over; no age given)";
        return 2000;
    }
    return NAN;
}

/* Magnesium-rich foods of this diary (Top sources with at least 60 mg Mg
 * per 100 g), for the pattern flag. */
static void mg_foods(const kmgca_analysis *a, char *buf, size_t size, kmgca_lang lang)
{
    kmgca_source top[12];
    size_t n = kmgca_analysis_top(a, KMGCA_MG, top, 12), used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < 3; i++) {
        if (!top[i].food || !(kmgca_food_per_100g(top[i].food, KMGCA_MG) >= 60))
            continue;
        /* In Chinese, a food's Chinese name when it has one, else its
         * table name in quotes. */
        const char *zh = lang == KMGCA_LANG_ZH ? kmgca_food_name_zh(top[i].food) : NULL;
        if (lang != KMGCA_LANG_ZH)
            appendf(buf, size, "%s%s", used ? "; " : "", top[i].name);
        else
            appendf(buf, size, zh ? "%s%s" : "%s“%s”", used ? "、" : "", zh ? zh : top[i].name);
        used++;
    }
}

static void supplement_flags(const kmgca_analysis *a, const care_data *c, const kmgca_day *d,
                             flag_list *l, kmgca_lang lang)
{
    const char *src, *note;
    char text[160];
    /* The medication line giving most of a mineral that day. */
    long most[KMGCA_NA] = {-1, -1, -1};
    for (size_t i = 0; i < c->supp_count; i++) {
        const kmgca_med *m = &c->meds[c->supp[i]];
        if (!active(m, d->day))
            continue;
        for (int k = 0; k < KMGCA_NA; k++)
            if (m->supplement.mg[k] > 0 &&
                (most[k] < 0 || m->supplement.mg[k] > c->meds[most[k]].supplement.mg[k]))
                most[k] = (long)c->supp[i];
    }
    /* Magnesium from supplements and medicines over the upper level. */
    double ul = upper_level(a, KMGCA_MG, &src, &note);
    if (d->supplement_mg[KMGCA_MG] > ul) {
        kmgca_flag *f = next_flag(l);
        if (f != &l->spare) {
            f->kind = KMGCA_FLAG_SUPPLEMENT;
            f->nutrient = KMGCA_MG;
            f->direction = "over_ul";
            f->severity = d->supplement_mg[KMGCA_MG] > 2 * ul ? KMGCA_SEVERITY_HIGH
                                                             : KMGCA_SEVERITY_MODERATE;
            snprintf(f->message, sizeof f->message,
                     tr(lang, "Magnesium from supplements and medicines this day: %.0f mg, over "
                              "the upper level of %.0f mg a day for magnesium that is not from "
                              "food%s."),
                     d->supplement_mg[KMGCA_MG], ul, tr(lang, note));
            f->action = tr(lang, ACTION_UL_MG);
            f->source = src;
            f->med = most[KMGCA_MG];
        }
    }
    /* Total calcium over the upper level, on a day with a calcium supplement. */
    ul = upper_level(a, KMGCA_CA, &src, &note);
    if (d->supplement_mg[KMGCA_CA] > 0 && !isnan(d->total_mg[KMGCA_CA]) &&
        d->total_mg[KMGCA_CA] > ul) {
        kmgca_flag *f = next_flag(l);
        if (f != &l->spare) {
            f->kind = KMGCA_FLAG_SUPPLEMENT;
            f->nutrient = KMGCA_CA;
            f->direction = "over_ul";
            f->severity = KMGCA_SEVERITY_MODERATE;
            snprintf(f->message, sizeof f->message,
                     tr(lang, "Calcium this day: %.0f mg (%.0f mg from food, %.0f mg from "
                              "supplements and medicines), over the upper level of %.0f mg a "
                              "day%s."),
                     d->total_mg[KMGCA_CA], isnan(d->mg[KMGCA_CA]) ? 0 : d->mg[KMGCA_CA],
                     d->supplement_mg[KMGCA_CA], ul, tr(lang, note));
            f->action = tr(lang, ACTION_UL_CA);
            f->source = src;
            f->med = most[KMGCA_CA];
        }
    }
    /* A potassium supplement on a day with a potassium-raising medicine. */
    if (d->supplement_mg[KMGCA_K] > 0) {
        for (size_t k = 0; k < c->med_count; k++) {
            const kmgca_med *m = &c->meds[k];
            if (!active(m, d->day) || m->match.effect[KMGCA_K] != KMGCA_EFFECT_UP ||
                (m->supplement.recognised && m->supplement.mg[KMGCA_K] > 0))
                continue;
            kmgca_flag *f = next_flag(l);
            if (f == &l->spare)
                break;
            f->kind = KMGCA_FLAG_SUPPLEMENT;
            f->nutrient = KMGCA_K;
            f->direction = "with_k_raising_drug";
            f->severity = KMGCA_SEVERITY_HIGH;
            char name[sizeof m->match.name];
            drug_match_label(&m->match, lang, name, sizeof name);
            snprintf(text, sizeof text, "%.0f", d->supplement_mg[KMGCA_K]);
            snprintf(f->message, sizeof f->message,
                     tr(lang, "Potassium from supplements and medicines this day (%s mg) "
                              "together with %s (\"%s\"), which may raise blood potassium."),
                     text, name, m->text);
            utf8_trim_end(f->message);
            f->action = tr(lang, ACTION_K_SUPP);
            f->source = m->match.row ? kmgca_drug_source(m->match.row)
                        : m->match.part_count ? kmgca_drug_source(m->match.part[0]) : "";
            f->med = (long)k;
            break;   /* one such flag a day */
        }
    }
    /* The cramps story: calcium met while magnesium is short. */
    if (!isnan(d->percent[KMGCA_CA]) && !isnan(d->percent[KMGCA_MG]) &&
        d->percent[KMGCA_CA] >= 100 && d->percent[KMGCA_MG] < 67) {
        kmgca_flag *f = next_flag(l);
        if (f != &l->spare) {
            char foods[400];
            mg_foods(a, foods, sizeof foods, lang);
            f->kind = KMGCA_FLAG_PATTERN;
            f->nutrient = KMGCA_MG;
            f->direction = "ca_met_mg_low";
            f->severity = d->percent[KMGCA_MG] < 50 ? KMGCA_SEVERITY_MODERATE
                                                    : KMGCA_SEVERITY_LOW;
            snprintf(f->message, sizeof f->message,
                     tr(lang, "Calcium reached its target this day (%.0f%%) while magnesium was "
                              "at %.0f%% of its target: calcium does not look like the "
                              "shortfall this day; magnesium may be. %s%s%sOther "
                              "magnesium-rich foods: pumpkin seeds, almonds, cashews, spinach, "
                              "black beans, tofu, whole-grain bread."),
                     d->percent[KMGCA_CA], d->percent[KMGCA_MG],
                     foods[0] ? tr(lang, "Magnesium-rich foods already in this diary: ") : "",
                     foods, foods[0] ? lang == KMGCA_LANG_ZH ? "。" : ". " : "");
            utf8_trim_end(f->message);
            f->action = tr(lang, ACTION_PATTERN);
            f->source = PATTERN_SOURCE;
        }
    }
}

static const char HEAVY_SOURCE[] =
    "Thresholds: a sweat loss of 2 % of body mass (Sawka et al., ACSM position stand, 2007) or "
    "1.5 L in a day (kmgca); sweat minerals: Montain et al. 2007 (K, Ca, Mg), Baker et al. 2016 "
    "(Na); predicted sweat: Gonzalez et al. 2009";

size_t kmgca_analysis_day_flags(const kmgca_analysis *a, size_t i, kmgca_flag *out, size_t max)
{
    return care_day_flags(a, i, out, max, KMGCA_LANG_EN);
}

size_t care_day_flags(const kmgca_analysis *a, size_t i, kmgca_flag *out, size_t max,
                      kmgca_lang lang)
{
    if (!a || i >= kmgca_analysis_day_count(a))
        return 0;
    const kmgca_day d = kmgca_analysis_day(a, i);
    const care_data *c = analysis_care(a);
    flag_list l = {out, out ? max : 0, 0, {0}};
    for (size_t k = 0; k < c->med_count; k++)
        if (active(&c->meds[k], d.day))
            med_flags(&c->meds[k], (long)k, &d, &l, lang);
    supplement_flags(a, c, &d, &l, lang);

    if (!isnan(d.sweat_l)) {
        double mass = isnan(d.body_mass_kg) ? KMGCA_DEFAULT_BODY_MASS_KG : d.body_mass_kg;
        double pct = 100 * d.sweat_l / mass;
        if (d.sweat_l >= KMGCA_HEAVY_SWEAT_L || pct >= KMGCA_HEAVY_SWEAT_BODY_MASS_PCT) {
            kmgca_flag *f = next_flag(&l);
            f->kind = KMGCA_FLAG_SWEAT;
            f->nutrient = KMGCA_K;
            f->direction = "down";
            double net = d.mg[KMGCA_K] - d.sweat_mg[KMGCA_K];
            double target = kmgca_analysis_target(a, KMGCA_K)->target_mg;
            f->severity = !isnan(net) && net < 0.67 * target ? KMGCA_SEVERITY_HIGH
                                                             : KMGCA_SEVERITY_MODERATE;
            char net_text[200];
            if (isnan(d.mg[KMGCA_K]))
                snprintf(net_text, sizeof net_text, "%s",
                         tr(lang, "potassium intake not recorded this day"));
            else
                snprintf(net_text, sizeof net_text,
                         tr(lang, "potassium intake %.0f mg, net of sweat %.0f mg (%.0f%% of "
                                  "target)"),
                         d.mg[KMGCA_K], net, 100 * net / target);
            snprintf(f->message, sizeof f->message,
                     tr(lang, "Heavy sweat-loss day: about %.1f L of sweat (%.1f%% of %.0f kg "
                              "body mass) may have lost about %.0f mg potassium, %.0f mg "
                              "sodium, %.0f mg calcium and %.1f mg magnesium; %s."),
                     d.sweat_l, pct, mass, d.sweat_mg[KMGCA_K], d.sweat_mg[KMGCA_NA],
                     d.sweat_mg[KMGCA_CA], d.sweat_mg[KMGCA_MG], net_text);
            f->action = tr(lang, ACTION_SWEAT);
            f->source = HEAVY_SOURCE;
        }
    }
    return l.count;
}
