/* flags.c — the rules a day is read with: a medication's effect on the
 * minerals, supplements over an upper level, the cramps pattern and heavy
 * sweat, each a kmgca_flag with its message, action and source.
 *
 * Flags are not stored: they are worked out each time they are asked for,
 * from what the caller passes (the day's totals and sweat, the medication
 * list, the targets and, for the cramps pattern, the diary's top magnesium
 * sources). Nothing here reads or calls the analysis.
 */
#include "internal.h"
#include "msg.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

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
/* On 64-bit systems the typed direction sits in what was padding after the
 * message, so a program built when kmgca_flag had only the name still reads
 * every field where it was (on 32-bit ones there was no padding: NEWS). */
#if defined(__LP64__)
_Static_assert(offsetof(kmgca_flag, dir) >= offsetof(kmgca_flag, message) + 640 &&
                   offsetof(kmgca_flag, dir) + sizeof(kmgca_direction) <=
                       offsetof(kmgca_flag, action),
               "kmgca_flag.dir must not move the fields after it");
#endif

const char *kmgca_direction_name(kmgca_direction d)
{
    switch (d) {
    case KMGCA_DIRECTION_LOW_INTAKE: return "low_intake";
    case KMGCA_DIRECTION_OVER_UL: return "over_ul";
    case KMGCA_DIRECTION_WITH_K_RAISING_DRUG: return "with_k_raising_drug";
    case KMGCA_DIRECTION_CA_MET_MG_LOW: return "ca_met_mg_low";
    default: return kmgca_effect_name((kmgca_effect)d);
    }
}

const char *kmgca_severity_name(kmgca_severity s)
{
    return s == KMGCA_SEVERITY_HIGH ? "high" : s == KMGCA_SEVERITY_MODERATE ? "moderate" : "low";
}


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

static void intake_text(char *buf, size_t size, const kmgca_day *d, kmgca_nutrient n,
                        kmgca_lang lang)
{
    if (isnan(d->percent[n]))
        snprintf(buf, size, msg_text(lang, MSG_FLAG_INTAKE_UNKNOWN),
                 msg_text(lang, msg_nutrient(n)));
    else
        snprintf(buf, size, msg_text(lang, MSG_FLAG_INTAKE_PCT),
                 msg_text(lang, msg_nutrient(n)), d->percent[n]);
}

static int below(const kmgca_day *d, kmgca_nutrient n)
{
    return !isnan(d->percent[n]) && d->percent[n] < 100;
}

/* The cramps pattern's condition: calcium met while magnesium is short. */
int flags_want_mg_top(const kmgca_day *d)
{
    return !isnan(d->percent[KMGCA_CA]) && !isnan(d->percent[KMGCA_MG]) &&
           d->percent[KMGCA_CA] >= 100 && d->percent[KMGCA_MG] < 67;
}

static kmgca_severity raise(kmgca_severity s)
{
    return s == KMGCA_SEVERITY_LOW ? KMGCA_SEVERITY_MODERATE : KMGCA_SEVERITY_HIGH;
}

/* What the flags need to know of a matched drug: its diuretic family, a
 * digoxin-like sensitivity, whether its only mineral effect is on
 * absorption, and the source to cite. */
typedef struct {
    int diuretic, thiazide, loop, digoxin, absorption_only;
    const char *source;
} drug_kind;

static drug_kind drug_kind_of(const kmgca_drug_match *x)
{
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
    return (drug_kind){diuretic, thiazide, loop, digoxin, absorption_only, source};
}

/* Flags of one medication on one day. */
static void med_flags(const kmgca_med *m, long index, const kmgca_day *d, flag_list *l,
                      kmgca_lang lang)
{
    const kmgca_drug_match *x = &m->match;
    if (!x->affects_minerals)
        return;
    const drug_kind kind = drug_kind_of(x);
    const int diuretic = kind.diuretic, thiazide = kind.thiazide, loop = kind.loop;
    const char *source = kind.source;
    if (kind.absorption_only)
        return; /* shown on the Medications sheet, not as a daily flag */
    char label[sizeof x->name];
    drug_match_label(x, lang, label, sizeof label);
    const char *name = label;
    char intake[120], intake2[120];

    if (kind.digoxin) {
        int lk = below(d, KMGCA_K), lm = below(d, KMGCA_MG);
        kmgca_flag *f = lk || lm ? next_flag(l) : NULL;
        if (f && f != &l->spare) {
            f->kind = KMGCA_FLAG_DRUG;
            f->nutrient = lk ? KMGCA_K : KMGCA_MG;
            f->dir = KMGCA_DIRECTION_LOW_INTAKE;
            f->severity = KMGCA_SEVERITY_HIGH;
            intake_text(intake, sizeof intake, d, KMGCA_K, lang);
            intake_text(intake2, sizeof intake2, d, KMGCA_MG, lang);
            snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_DIGOXIN), name,
                     m->text, intake, intake2);
            utf8_trim_end(f->message); /* a long text is cut: not inside a character */
            f->action = msg_text(lang, MSG_ACTION_DIGOXIN);
            f->source = source;
            f->med = index;
        }
    }

    for (int k = 0; k < 3; k++) {
        kmgca_nutrient n = nutrient_order_kmg[k];
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
        f->dir = (kmgca_direction)e;
        f->med = index;
        f->source = source;
        const char *prio = x->row ? kmgca_drug_priority(x->row) : "medium";
        int full = e == KMGCA_EFFECT_DOWN || e == KMGCA_EFFECT_UP;
        f->severity = strcmp(prio, "high") == 0 && full ? KMGCA_SEVERITY_MODERATE
                                                             : KMGCA_SEVERITY_LOW;
        intake_text(intake, sizeof intake, d, n, lang);
        msg_id what, action;
        const char *mineral = msg_text(lang, msg_nutrient(n));
        if (e == KMGCA_EFFECT_DOWN) {
            int raised = n == KMGCA_CA ? below(d, KMGCA_CA)
                                       : below(d, KMGCA_K) || below(d, KMGCA_MG);
            if (raised)
                f->severity = raise(f->severity);
            what = (diuretic && n != KMGCA_CA) || (loop && n == KMGCA_CA)
                       ? MSG_FLAG_MAY_INCREASE_URINARY_LOSS
                       : MSG_MAY_LOWER_BLOOD;
            action = n == KMGCA_CA ? MSG_ACTION_CA : MSG_ACTION_K_MG;
        } else if (e == KMGCA_EFFECT_UP) {
            int high = !isnan(d->percent[n]) && d->percent[n] >= 100;
            if (n == KMGCA_CA)
                f->severity = high ? KMGCA_SEVERITY_MODERATE : KMGCA_SEVERITY_LOW;
            else if (high)
                f->severity = raise(f->severity);
            what = thiazide && n == KMGCA_CA ? MSG_FLAG_MAY_REDUCE_URINARY_LOSS
                                             : MSG_MAY_RAISE_BLOOD;
            action = n == KMGCA_CA ? MSG_ACTION_CA
                     : n == KMGCA_K ? MSG_ACTION_K_UP
                                    : MSG_ACTION_K_MG;
        } else {
            if (below(d, KMGCA_K) || below(d, KMGCA_MG))
                f->severity = raise(f->severity);
            what = MSG_FLAG_MAY_RAISE_OR_LOWER_BLOOD;
            action = MSG_ACTION_K_MG;
        }
        char phrase[200];
        snprintf(phrase, sizeof phrase, msg_text(lang, what), mineral);
        snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_DRUG), name, m->text,
                 phrase, intake);
        utf8_trim_end(f->message);
        f->action = msg_text(lang, action);
    }
}

/* ---- Supplements: upper levels and the cramps pattern ----------------------- */

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
static double upper_level(const kmgca_target *targets, kmgca_nutrient n, kmgca_lang lang,
                          const char **source, const char **note)
{
    const kmgca_target *t = &targets[n];
    *note = "";
    if (!isnan(t->ul_mg)) {
        *source = t->source;
        return t->ul_mg;
    }
    if (n == KMGCA_MG) {
        *source = UL_MG_SOURCE;
        *note = msg_text(lang, MSG_UL_US_NONE_SET);
        return 350;
    }
    if (n == KMGCA_CA) {
        *source = UL_CA_SOURCE;
        *note = msg_text(lang, MSG_UL_US_NO_AGE);
        return 2000;
    }
    return NAN;
}

/* Magnesium-rich foods of this diary (Top sources with at least 60 mg Mg
 * per 100 g), for the pattern flag. */
static void mg_foods(const flag_inputs *in, char *buf, size_t size, kmgca_lang lang)
{
    const kmgca_source *top = in->mg_top;
    size_t n = in->mg_top_count, used = 0;
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

/* The cramps story: calcium met while magnesium is short. */
static void pattern_flag(const flag_inputs *in, flag_list *l, kmgca_lang lang)
{
    const kmgca_day *d = in->day;
    if (flags_want_mg_top(d)) {
        kmgca_flag *f = next_flag(l);
        if (f != &l->spare) {
            char foods[400];
            mg_foods(in, foods, sizeof foods, lang);
            f->kind = KMGCA_FLAG_PATTERN;
            f->nutrient = KMGCA_MG;
            f->dir = KMGCA_DIRECTION_CA_MET_MG_LOW;
            f->severity = d->percent[KMGCA_MG] < 50 ? KMGCA_SEVERITY_MODERATE
                                                    : KMGCA_SEVERITY_LOW;
            snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_PATTERN),
                     d->percent[KMGCA_CA], d->percent[KMGCA_MG],
                     foods[0] ? msg_text(lang, MSG_FLAG_MG_FOODS_IN_DIARY) : "",
                     foods, foods[0] ? lang == KMGCA_LANG_ZH ? "。" : ". " : "");
            utf8_trim_end(f->message);
            f->action = msg_text(lang, MSG_ACTION_PATTERN);
            f->source = PATTERN_SOURCE;
        }
    }
}

static void supplement_flags(const flag_inputs *in, flag_list *l, kmgca_lang lang)
{
    const care_meds *c = in->meds;
    const kmgca_day *d = in->day;
    const char *src, *note;
    char text[160];
    /* The medication line giving most of a mineral that day. */
    long most[KMGCA_NA] = {-1, -1, -1};
    for (size_t i = 0; i < meds_supplement_count(c); i++) {
        size_t line = meds_supplement_line(c, i);
        const kmgca_med *m = meds_at(c, line);
        if (!med_active(m, d->day))
            continue;
        for (int k = 0; k < KMGCA_NA; k++)
            if (m->supplement.mg[k] > 0 &&
                (most[k] < 0 || m->supplement.mg[k] > meds_at(c, (size_t)most[k])->supplement.mg[k]))
                most[k] = (long)line;
    }
    /* Magnesium from supplements and medicines over the upper level. */
    double ul = upper_level(in->targets, KMGCA_MG, lang, &src, &note);
    if (d->supplement_mg[KMGCA_MG] > ul) {
        kmgca_flag *f = next_flag(l);
        if (f != &l->spare) {
            f->kind = KMGCA_FLAG_SUPPLEMENT;
            f->nutrient = KMGCA_MG;
            f->dir = KMGCA_DIRECTION_OVER_UL;
            f->severity = d->supplement_mg[KMGCA_MG] > 2 * ul ? KMGCA_SEVERITY_HIGH
                                                             : KMGCA_SEVERITY_MODERATE;
            snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_MG_OVER_UL),
                     d->supplement_mg[KMGCA_MG], ul, note);
            f->action = msg_text(lang, MSG_ACTION_UL_MG);
            f->source = src;
            f->med = most[KMGCA_MG];
        }
    }
    /* Total calcium over the upper level, on a day with a calcium supplement. */
    ul = upper_level(in->targets, KMGCA_CA, lang, &src, &note);
    if (d->supplement_mg[KMGCA_CA] > 0 && !isnan(d->total_mg[KMGCA_CA]) &&
        d->total_mg[KMGCA_CA] > ul) {
        kmgca_flag *f = next_flag(l);
        if (f != &l->spare) {
            f->kind = KMGCA_FLAG_SUPPLEMENT;
            f->nutrient = KMGCA_CA;
            f->dir = KMGCA_DIRECTION_OVER_UL;
            f->severity = KMGCA_SEVERITY_MODERATE;
            snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_CA_OVER_UL),
                     d->total_mg[KMGCA_CA], isnan(d->mg[KMGCA_CA]) ? 0 : d->mg[KMGCA_CA],
                     d->supplement_mg[KMGCA_CA], ul, note);
            f->action = msg_text(lang, MSG_ACTION_UL_CA);
            f->source = src;
            f->med = most[KMGCA_CA];
        }
    }
    /* A potassium supplement on a day with a potassium-raising medicine. */
    if (d->supplement_mg[KMGCA_K] > 0) {
        for (size_t k = 0; k < meds_count(c); k++) {
            const kmgca_med *m = meds_at(c, k);
            if (!med_active(m, d->day) || m->match.effect[KMGCA_K] != KMGCA_EFFECT_UP ||
                (m->supplement.recognised && m->supplement.mg[KMGCA_K] > 0))
                continue;
            kmgca_flag *f = next_flag(l);
            if (f == &l->spare)
                break;
            f->kind = KMGCA_FLAG_SUPPLEMENT;
            f->nutrient = KMGCA_K;
            f->dir = KMGCA_DIRECTION_WITH_K_RAISING_DRUG;
            f->severity = KMGCA_SEVERITY_HIGH;
            char name[sizeof m->match.name];
            drug_match_label(&m->match, lang, name, sizeof name);
            snprintf(text, sizeof text, "%.0f", d->supplement_mg[KMGCA_K]);
            snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_K_SUPPLEMENT), text,
                     name, m->text);
            utf8_trim_end(f->message);
            f->action = msg_text(lang, MSG_ACTION_K_SUPPLEMENT);
            f->source = m->match.row ? kmgca_drug_source(m->match.row)
                        : m->match.part_count ? kmgca_drug_source(m->match.part[0]) : "";
            f->med = (long)k;
            break;   /* one such flag a day */
        }
    }

}

static const char HEAVY_SOURCE[] =
    "Thresholds: a sweat loss of 2 % of body mass (Sawka et al., ACSM position stand, 2007) or "
    "1.5 L in a day (kmgca); sweat minerals: Montain et al. 2007 (K, Ca, Mg), Baker et al. 2016 "
    "(Na); predicted sweat: Gonzalez et al. 2009";

size_t flags_for_day(const flag_inputs *in, kmgca_flag *out, size_t max, kmgca_lang lang)
{
    const kmgca_day d = *in->day;
    const care_meds *c = in->meds;
    flag_list l = {out, out ? max : 0, 0, {0}};
    for (size_t k = 0; k < meds_count(c); k++)
        if (med_active(meds_at(c, k), d.day))
            med_flags(meds_at(c, k), (long)k, &d, &l, lang);
    supplement_flags(in, &l, lang);
    pattern_flag(in, &l, lang);

    if (!isnan(d.sweat_l)) {
        double mass = isnan(d.body_mass_kg) ? KMGCA_DEFAULT_BODY_MASS_KG : d.body_mass_kg;
        double pct = 100 * d.sweat_l / mass;
        if (d.sweat_l >= KMGCA_HEAVY_SWEAT_L || pct >= KMGCA_HEAVY_SWEAT_BODY_MASS_PCT) {
            kmgca_flag *f = next_flag(&l);
            f->kind = KMGCA_FLAG_SWEAT;
            f->nutrient = KMGCA_K;
            f->dir = KMGCA_DIRECTION_DOWN;
            double net = d.mg[KMGCA_K] - d.sweat_mg[KMGCA_K];
            double target = in->targets[KMGCA_K].target_mg;
            f->severity = !isnan(net) && net < 0.67 * target ? KMGCA_SEVERITY_HIGH
                                                             : KMGCA_SEVERITY_MODERATE;
            char net_text[200];
            if (isnan(d.mg[KMGCA_K]))
                snprintf(net_text, sizeof net_text, "%s",
                         msg_text(lang, MSG_FLAG_K_NOT_RECORDED));
            else
                snprintf(net_text, sizeof net_text, msg_text(lang, MSG_FLAG_K_NET_OF_SWEAT),
                         d.mg[KMGCA_K], net, 100 * net / target);
            snprintf(f->message, sizeof f->message, msg_text(lang, MSG_FLAG_HEAVY_SWEAT), d.sweat_l,
                     pct, mass, d.sweat_mg[KMGCA_K], d.sweat_mg[KMGCA_NA], d.sweat_mg[KMGCA_CA],
                     d.sweat_mg[KMGCA_MG], net_text);
            f->action = msg_text(lang, MSG_ACTION_SWEAT);
            f->source = HEAVY_SOURCE;
        }
    }
    for (size_t k = 0; k < l.count && k < l.max; k++)
        out[k].direction = kmgca_direction_name(out[k].dir);
    return l.count;
}