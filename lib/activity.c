/* activity.c — activity logs and the sweat model: sessions read, the sweat
 * each implies (measured from weights, else predicted), and the day's sums.
 *
 * Sessions are few (KMGCA_SESSION_LIMIT) and are kept whole, their text in
 * an arena of the log's own. The log is its own object: the analysis holds
 * one, makes the days it names, and hands it to the day's flag rules through
 * the day's sweat fields; nothing here reads or calls the analysis.
 */
#include "internal.h"
#include "table.h"
#include "msg_phrases.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* ---- What a log keeps --------------------------------------------------- */

typedef struct {
    int32_t day;
    size_t sessions;
    double sweat_l, mg[KMGCA_NUTRIENT_COUNT], body_mass_kg;
    int mass_assumed;
} sweat_day;

struct care_activity {
    arena strings;
    kmgca_session *sessions;
    size_t session_count, session_cap;
    sweat_day *days;          /* sorted by day */
    size_t day_count;
    /* While a log is read: */
    kmgca_date_order order;
    double body_mass_kg;      /* --body-mass; 0 when not given */
    int cronometer;           /* the log is a Cronometer exercises export */
};

care_activity *activity_new(void)
{
    return calloc(1, sizeof(care_activity));
}

void activity_free(care_activity *c)
{
    if (!c)
        return;
    arena_free(&c->strings);
    free(c->sessions);
    free(c->days);
    free(c);
}

static const char *keep(care_activity *c, const char *s)
{
    return arena_strdup(&c->strings, s ? s : "");
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
    care_activity *c = ud;
    (void)err;
    c->cronometer = csv_find_column(header, "exercise") >= 0 && t->col[ACT_KCAL] >= 0;
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
static void act_sweat(const care_activity *c, kmgca_session *s, const double v[ACT_ROLES],
                      const int have[ACT_ROLES], char *why, size_t size)
{
    s->minutes = have[ACT_MINUTES] ? v[ACT_MINUTES] : NAN;
    int mass_assumed = !have[ACT_MASS];
    s->body_mass_kg = have[ACT_MASS]  ? v[ACT_MASS]
                      : have[ACT_PRE] ? v[ACT_PRE]
                      : c->body_mass_kg > 0 ? c->body_mass_kg
                                            : KMGCA_DEFAULT_BODY_MASS_KG;
    if (have[ACT_PRE])
        mass_assumed = 0;
    s->temperature_c = have[ACT_TEMP] ? v[ACT_TEMP] : NAN;
    s->humidity_pct = have[ACT_HUMIDITY] ? v[ACT_HUMIDITY] : NAN;
    char assumed[400] = "";
    if (have[ACT_INTENSITY]) {
        s->met = v[ACT_INTENSITY];
    } else if (c->cronometer && have[ACT_KCAL] && have[ACT_MINUTES] && s->minutes > 0) {
        /* 1 MET = 1 kcal per kg per hour. */
        s->met = v[ACT_KCAL] / (s->body_mass_kg * s->minutes / 60);
        appendf(assumed, sizeof assumed, "%.1f" PH_MET_FROM "%.0f" PH_KCAL_BURNED, s->met,
                v[ACT_KCAL]);
        if (!(s->met > 0 && s->met <= 25))
            s->met = DEFAULT_MET;
    } else {
        s->met = DEFAULT_MET;
        appendf(assumed, sizeof assumed, PH_MODERATE_INTENSITY "%.1f" PH_MET_ASSUMED, DEFAULT_MET);
    }

    if (have[ACT_PRE] && have[ACT_POST]) {
        /* Measured: the change in body mass plus what was drunk, less urine
         * (1 kg of mass = 1 L of sweat). */
        double fluid = have[ACT_FLUID] ? v[ACT_FLUID] : 0;
        double urine = have[ACT_URINE] ? v[ACT_URINE] : 0;
        double l = v[ACT_PRE] - v[ACT_POST] + fluid - urine;
        s->measured = 1;
        snprintf(s->method, sizeof s->method,
                 PH_MEASURED "%.2f" PH_KG_BEFORE "%.2f" PH_KG_AFTER "%.2f" PH_L_DRUNK
                 "%.2f" PH_L_URINE "%s",
                 v[ACT_PRE], v[ACT_POST], fluid, urine,
                 have[ACT_FLUID] && have[ACT_URINE] ? ""
                 : have[ACT_FLUID]                  ? PH_NO_URINE
                 : have[ACT_URINE]                  ? PH_NO_FLUID
                                                    : PH_NO_FLUID_OR_URINE);
        if (l < 0 || l > 20) {
            appendf(why, size, "%s" PH_WEIGHTS_IMPOSSIBLE, why[0] ? "; " : "");
        } else {
            s->sweat_l = l;
        }
    } else if (have[ACT_MINUTES]) {
        double t = have[ACT_TEMP] ? v[ACT_TEMP] : DEFAULT_TEMP_C;
        double rh = have[ACT_HUMIDITY] ? v[ACT_HUMIDITY] : DEFAULT_HUMIDITY_PCT;
        if (!have[ACT_TEMP])
            appendf(assumed, sizeof assumed, "%.0f" PH_C_ASSUMED, DEFAULT_TEMP_C);
        if (!have[ACT_HUMIDITY])
            appendf(assumed, sizeof assumed, "%.0f%s", DEFAULT_HUMIDITY_PCT, PH_HUMIDITY_ASSUMED);
        if (mass_assumed)
            appendf(assumed, sizeof assumed, "%.0f" PH_KG_BODY_MASS_ASSUMED, s->body_mass_kg);
        s->sweat_l = kmgca_sweat_predict_l(s->minutes, s->met, t, rh, s->body_mass_kg, 0);
        /* " % humidity, " holds a '%': an argument, not part of the format. */
        snprintf(s->method, sizeof s->method,
                 PH_PREDICTED "Gonzalez et al. 2009%s): %.0f" PH_MIN_AT "%.1f" PH_MET "%.0f" PH_C
                 "%.0f%s%.0f" PH_KG "%s" PH_CLOTHING "%.1f clo (im %.2f" PH_SKIN "%.0f" PH_C_NO_WIND
                 " (Livingston & Lee 2001)",
                 t < 20 ? PH_COOL_FORM : "", s->minutes, s->met, t, rh, PH_HUMIDITY,
                 s->body_mass_kg, assumed, CLOTHING_CLO, CLOTHING_IM, SKIN_TEMP_C);
        utf8_trim_end(s->method);
    }
}

static kmgca_status act_row(const table_reader *t, const csv_row *row, void *ud,
                            kmgca_error *err)
{
    care_activity *c = ud;
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
    if (date_read(table_field(t, row, ACT_DATE), c->order, &day, reason, sizeof reason) == 0) {
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
    act_sweat(c, s, v, have, why, sizeof why);
    if (!isnan(s->sweat_l))
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            s->loss_mg[n] = s->sweat_l * sweat_conc[n].mg_per_l;
    table_note_extra(t, row, why, sizeof why);
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

/* Rebuilds the per-day sums from the sessions. */
static kmgca_status rebuild_days(care_activity *c, kmgca_error *err)
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
    return KMGCA_OK;
}

kmgca_status activity_read(care_activity *c, const char *path, const char *encoding,
                           kmgca_date_order order, double body_mass_kg, kmgca_error *err)
{
    table_reader t = {.path = path, .encoding = encoding,
                      .schema = &act_table, .on_header = act_header, .on_row = act_row,
                      .ud = c,
                      .empty = "empty activity log: no header line"};
    c->order = order;
    c->body_mass_kg = body_mass_kg;
    c->cronometer = 0;
    size_t before = c->session_count;
    kmgca_status st = table_read(&t, err);
    if (st != KMGCA_OK) {
        c->session_count = before;
        return st;
    }
    return rebuild_days(c, err);
}

size_t activity_session_count(const care_activity *c) { return c->session_count; }
const kmgca_session *activity_session(const care_activity *c, size_t i)
{
    return i < c->session_count ? &c->sessions[i] : NULL;
}
size_t activity_day_count(const care_activity *c) { return c->day_count; }
int32_t activity_day(const care_activity *c, size_t i) { return c->days[i].day; }

void activity_fill_day(const care_activity *c, kmgca_day *d)
{
    d->sweat_l = NAN;
    d->body_mass_kg = NAN;
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
        d->sweat_mg[k] = NAN;
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
