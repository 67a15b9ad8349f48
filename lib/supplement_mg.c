/* supplement_mg.c — a reading (supplement_dose.c) to elemental Ca, Mg and
 * K: a product at its label strength (drugtables/supplements.csv), or the
 * strengths written, as the element or as a salt at its elemental fraction
 * (drugtables/salts.csv), mEq and mmol by atomic weight; the arithmetic
 * written out for people in `how`, or in `review` why the line is not
 * counted (a strength that is not the label's, a liquid without ml). */
#include "msg_phrases.h"
#include "supplement.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MG_PER_MEQ_K 39.098 /* IUPAC 2021 atomic weight of K; K+ has one charge */

static const double mg_per_mmol[KMGCA_NUTRIENT_COUNT] = {40.078, 24.305, 39.098, 22.99};
static const int charge[KMGCA_NUTRIENT_COUNT] = {2, 2, 1, 1};
static const char ATOMIC_SOURCE[] =
    "IUPAC 2021 standard atomic weights (Ca 40.078, Mg 24.305, K 39.098): 1 mmol Ca = 40.08 mg, "
    "1 mmol Mg = 24.31 mg, 1 mmol or 1 mEq K = 39.10 mg";

/* ---- The arithmetic ---------------------------------------------------------------- */

static double element_mg(double value, int unit, int element)
{
    if (unit == S_MEQ)
        return value * mg_per_mmol[element] / charge[element];
    if (unit == S_MMOL)
        return value * mg_per_mmol[element];
    return value;
}

/* A figure for people: whole numbers from 1,000, one decimal from 1 (".0"
 * dropped), two significant digits below. */
void supp_fmt_mg(char *buf, size_t size, double v)
{
    if (v >= 1000)
        snprintf(buf, size, "%.0f", v);
    else if (v >= 1)
        snprintf(buf, size, "%.1f", v);
    else
        snprintf(buf, size, "%.2g", v);
    size_t n = strlen(buf);
    if (n > 2 && !strcmp(buf + n - 2, ".0"))
        buf[n - 2] = '\0';
}

void supp_fail(kmgca_supplement *out, const char *fmt, ...)
{
    if (out->review[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vappendf(out->review, sizeof out->review, fmt, ap);
    va_end(ap);
    utf8_trim_end(out->review);
}

static const char *unit_name(int u, double amount)
{
    switch (u) {
    case U_SACHET: return amount == 1 ? "sachet" : "sachets";
    case U_ML: return "ml";
    case U_AMPOULE: return amount == 1 ? "ampoule" : "ampoules";
    case U_SCOOP: return amount == 1 ? "scoop" : "scoops";
    default: return amount == 1 ? "tablet" : "tablets";
    }
}

/* A unit after a count (" tablets", " ml"), and after the mg of one (" a
 * tablet"): the phrases of the how text. */
static const char *units_after(int u, double amount)
{
    switch (u) {
    case U_SACHET: return amount == 1 ? " sachet" : PH_SACHETS;
    case U_ML: return " ml";
    case U_AMPOULE: return amount == 1 ? " ampoule" : PH_AMPOULES;
    case U_SCOOP: return amount == 1 ? " scoop" : PH_SCOOPS;
    default: return amount == 1 ? " tablet" : PH_TABLETS;
    }
}

static const char *per_unit(int u)
{
    switch (u) {
    case U_SACHET: return PH_A_SACHET;
    case U_ML: return PH_A_ML;
    case U_AMPOULE: return PH_A_AMPOULE;
    case U_SCOOP: return PH_A_SCOOP;
    default: return PH_A_TABLET;
    }
}

/* How many of the label's units (per_kind) one dose is, into *units (1
 * when no count is written): 0, with the review, when the count's unit
 * cannot be turned into the label's. */
static int label_units(const struct kmgca_supp_product *p0, int per_kind, const reading *r,
                       kmgca_supplement *out, double *units)
{
    *units = 1;
    if (!isnan(r->count)) {
        int cu = r->count_unit == U_NONE ? per_kind : r->count_unit;
        if (cu == per_kind) {
            *units = r->count;
        } else if (cu == U_AMPOULE && per_kind == U_ML) {
            *units = r->count * 10;      /* an oral-solution ampoule (支) holds 10 ml */
            appendf(out->how, sizeof out->how, PH_AMPOULE_READ_10_ML);
        } else if (cu == U_ML && per_kind == U_AMPOULE) {
            *units = r->count / 10;
            appendf(out->how, sizeof out->how, PH_AMPOULE_10_ML);
        } else if (cu == U_PIECE && per_kind == U_SACHET) {
            *units = r->count;           /* "1 packet"/"1 包": the same thing said otherwise */
        } else {
            supp_fail(out, "%s is measured in %s, and the line gives %s", p0->name,
                      unit_name(per_kind, 2), unit_name(cu, 2));
            return 0;
        }
    } else if (per_kind == U_ML) {
        supp_fail(out, "%s is a liquid: write how many ml (its label gives %g ml)", p0->name,
                  p0->per_count);
        return 0;
    }
    return 1;
}

/* The element in one of the label's units of product row p, and the
 * label's own words for it in label ("" and NaN when the label gives no
 * figure: the line must). */
static double label_mg(const struct kmgca_supp_product *p, char *label, size_t size)
{
    int e = p->element;
    label[0] = '\0';
    if (isnan(p->amount))
        return NAN;
    double f = 1;
    if (p->basis == SUPP_SALT) {
        f = kmgca_builtin_salts[p->salt].fraction;
        snprintf(label, size, "%g mg %s x %.1f%% %s", p->amount,
                 kmgca_builtin_salts[p->salt].name, 100 * f, kmgca_nutrient_symbol(e));
    } else if (p->basis == SUPP_MEQ) {
        f = MG_PER_MEQ_K;
        snprintf(label, size, "%g mEq x 39.1 mg", p->amount);
    } else {
        snprintf(label, size, "%g mg %s", p->amount, kmgca_nutrient_symbol(e));
    }
    return p->amount * f / p->per_count;
}

/* Product rows [first, last]: every mineral of the product. */
void supp_from_product(size_t first, size_t last, const reading *r, kmgca_supplement *out)
{
    const struct kmgca_supp_product *p0 = &kmgca_builtin_supp_products[first];
    double per_ml;
    int per_kind = supp_per_unit_kind(p0->per_unit, &per_ml);
    if (per_kind == U_NONE)
        per_kind = U_PIECE;
    /* How many of the label's units in one dose. */
    double units;
    int count_written = !isnan(r->count);
    if (!label_units(p0, per_kind, r, out, &units))
        return;
    out->count_assumed = !count_written;
    for (size_t i = first; i <= last; i++) {
        const struct kmgca_supp_product *p = &kmgca_builtin_supp_products[i];
        int e = p->element;
        char label[200];
        double per_unit_mg = label_mg(p, label, sizeof label);
        /* A strength written for this mineral. */
        const strength *w = NULL;
        for (int k = 0; k < r->ns; k++) {
            const strength *s = &r->s[k];
            int se = s->element >= 0 ? s->element : s->salt >= 0 ? kmgca_builtin_salts[s->salt].element : -1;
            if (se == e || (se < 0 && first == last))
                if (!w || (s->basis == SUPP_ELEMENTAL + 1 && w->basis != SUPP_ELEMENTAL + 1))
                    w = s;
        }
        double dose_mg;
        char mg_text[32];
        if (w) {
            double written = element_mg(w->value_mg, w->unit, e);
            if (w->per_ml > 0) {
                /* "20 mEq/15 mL" of a liquid measured in ml: per ml, as the label */
                if (per_kind != U_ML) {
                    supp_fail(out, "a figure per ml for %s, which is not measured in ml", p->name);
                    return;
                }
                written /= w->per_ml;
            }
            int as_salt = w->unit == S_MG && w->basis != SUPP_ELEMENTAL + 1 &&
                          (w->salt >= 0 || w->basis == SUPP_SALT + 1 ||
                           (p->basis == SUPP_SALT && w->basis == 0));
            const struct kmgca_salt *salt = w->salt >= 0 ? &kmgca_builtin_salts[w->salt]
                                            : p->salt >= 0 ? &kmgca_builtin_salts[p->salt] : NULL;
            if (as_salt && salt)
                written *= salt->fraction;
            /* The label, one unit or the whole count: both fine. */
            double per_dose_label = per_unit_mg * units;
            int fits = !isnan(per_unit_mg) &&
                       (fabs(written - per_unit_mg) <= 0.03 * per_unit_mg ||
                        fabs(written - per_dose_label) <= 0.03 * per_dose_label ||
                        (as_salt == 0 && p->basis == SUPP_SALT && salt &&
                         fabs(written / salt->fraction - per_unit_mg / salt->fraction) <= 1));
            if (fits || isnan(per_unit_mg)) {
                if (!isnan(per_unit_mg)) {
                    dose_mg = per_unit_mg * units;
                } else if (count_written && !w->after_count) {
                    dose_mg = written * units;
                    per_unit_mg = written;
                } else {
                    dose_mg = written;
                    per_unit_mg = written;
                    if (!count_written)
                        out->count_assumed = 0;
                }
            } else if (!count_written) {
                /* "Klor-Con M10, 20 mEq daily": the dose as written */
                dose_mg = written;
                out->count_assumed = 0;
                supp_fmt_mg(mg_text, sizeof mg_text, written);
                appendf(out->how, sizeof out->how,
                        "%s%s: %s mg %s" PH_A_DOSE_AS_WRITTEN " " PH_LABEL "%s%s)",
                        out->how[0] && out->how[strlen(out->how) - 2] != ';' ? "; " : "", p->name,
                        mg_text, kmgca_nutrient_symbol(e), label, per_unit(per_kind));
                out->per_dose_mg[e] += dose_mg;
                continue;
            } else {
                char wt[32], lt[32];
                supp_fmt_mg(wt, sizeof wt, written);
                supp_fmt_mg(lt, sizeof lt, per_unit_mg);
                supp_fail(out, "the strength written (%s mg %s) is not the label's (%s mg %s%s of "
                          "%s): check which is right",
                     wt, kmgca_nutrient_symbol(e), lt, kmgca_nutrient_symbol(e),
                     per_unit(per_kind), p->name);
                return;
            }
        } else if (isnan(per_unit_mg)) {
            if (p->note[0])
                supp_fail(out, "%s: %s", p->name, p->note);
            else
                supp_fail(out, "no strength written for %s: give the mg (or mEq) on the label",
                          p->name);
            return;
        } else {
            dose_mg = per_unit_mg * units;
        }
        out->per_dose_mg[e] += dose_mg;
        char per_text[32];
        supp_fmt_mg(per_text, sizeof per_text, per_unit_mg);
        appendf(out->how, sizeof out->how, "%s%s: %s mg %s%s%s%s%s", out->how[0] &&
                out->how[strlen(out->how) - 2] != ';' ? "; " : "", p->name, per_text,
                kmgca_nutrient_symbol(e), per_unit(per_kind), label[0] ? " " PH_LABEL : "",
                label, label[0] ? ")" : "");
        if (units != 1 || per_kind == U_ML) {
            char u[32];
            supp_fmt_mg(u, sizeof u, units);
            appendf(out->how, sizeof out->how, " x %s%s", u, units_after(per_kind, units));
        }
        if (!out->source || !out->source[0])
            out->source = p->source;
    }
    copy_text(out->product, sizeof out->product, p0->name);
}

/* A salt or a mineral named alone, with the strengths written. */
void supp_from_strengths(const reading *r, int salt, int element_named, kmgca_supplement *out)
{
    int used = 0;
    double units = isnan(r->count) ? 1 : r->count;
    int liquid = !isnan(r->count) && r->count_unit == U_ML;
    /* One strength a mineral: an elemental figure beats the salt's. */
    const strength *pick[KMGCA_NUTRIENT_COUNT] = {0};
    for (int k = 0; k < r->ns; k++) {
        const strength *s = &r->s[k];
        int e = s->element;
        if (e < 0 && s->salt >= 0)
            e = kmgca_builtin_salts[s->salt].element;
        if (e < 0 && salt >= 0)
            e = kmgca_builtin_salts[salt].element;
        if (e < 0 && element_named >= 0)
            e = element_named;
        if (e < 0 || e >= KMGCA_NA)
            continue;
        if (!pick[e] || (s->basis == SUPP_ELEMENTAL + 1 && pick[e]->basis != SUPP_ELEMENTAL + 1))
            pick[e] = s;
    }
    for (int e = 0; e < KMGCA_NA; e++) {
        const strength *s = pick[e];
        if (!s)
            continue;
        double v = element_mg(s->value_mg, s->unit, e);
        const struct kmgca_salt *sa = s->salt >= 0 ? &kmgca_builtin_salts[s->salt]
                                      : salt >= 0 && kmgca_builtin_salts[salt].element == e
                                          ? &kmgca_builtin_salts[salt] : NULL;
        char text[200], mg_text[32];
        if (sa && sa->review[0] && !(s->basis == SUPP_ELEMENTAL + 1)) {
            supp_fail(out, "%s: %s", sa->name, sa->review);
            return;
        }
        /* A figure per volume ("400 mg/5 ml", "10%") needs the ml taken,
         * and ml need a figure per volume. */
        if (s->per_ml > 0 && !liquid) {
            supp_fail(out, "a liquid: write how many ml are taken");
            return;
        }
        if (liquid && !(s->per_ml > 0)) {
            supp_fail(out, "%g ml of a liquid whose strength per ml is not written: give it "
                      "(\"400 mg/5 ml\")", units);
            return;
        }
        double per = s->per_ml > 0 ? s->per_ml : 1;
        if (s->unit == S_MG && s->ambiguous) {
            supp_fail(out, "\"%g mg\" of a Chinese %s product may be the salt (medicine labels: "
                      "碳酸钙 1.5 g) or the element (health-food labels: 含钙 600 mg): write "
                      "含%s %g mg or the salt's name",
                 s->value_mg, kmgca_nutrient_name((kmgca_nutrient)e),
                 e == KMGCA_CA ? "钙" : e == KMGCA_MG ? "镁" : "钾", s->value_mg);
            return;
        }
        if (s->unit == S_MG && s->basis != SUPP_ELEMENTAL + 1 && sa) {
            supp_fmt_mg(mg_text, sizeof mg_text, v * sa->fraction);
            snprintf(text, sizeof text, "%g mg %s x %.1f%% %s = %s mg %s", s->value_mg, sa->name,
                     100 * sa->fraction, kmgca_nutrient_symbol(e), mg_text,
                     kmgca_nutrient_symbol(e));
            v *= sa->fraction;
            if (!out->source || !out->source[0])
                out->source = sa->source;
        } else if (s->unit != S_MG) {
            supp_fmt_mg(mg_text, sizeof mg_text, v);
            snprintf(text, sizeof text, "%g %s %s = %s mg", s->value_mg,
                     s->unit == S_MEQ ? "mEq" : "mmol", kmgca_nutrient_symbol(e), mg_text);
            if (!out->source || !out->source[0])
                out->source = ATOMIC_SOURCE;
        } else {
            supp_fmt_mg(mg_text, sizeof mg_text, v);
            snprintf(text, sizeof text, "%s mg %s" PH_ELEMENT_AS_LABELS, mg_text,
                     kmgca_nutrient_symbol(e));
        }
        double dose = s->after_count ? v : v * units / per;
        out->per_dose_mg[e] += dose;
        appendf(out->how, sizeof out->how, "%s%s", out->how[0] ? "; " : "", text);
        if (s->per_ml > 0) {
            char u[32];
            supp_fmt_mg(u, sizeof u, units);
            appendf(out->how, sizeof out->how, " per %g ml x %s ml", s->per_ml, u);
        } else if (units != 1 && !s->after_count) {
            char u[32];
            supp_fmt_mg(u, sizeof u, units);
            appendf(out->how, sizeof out->how, " x %s%s", u, units_after(r->count_unit, units));
        }
        used++;
    }
    if (!used)
        supp_fail(out, "no strength written: give the mg of %s (or of its salt) on the label",
                  salt >= 0 ? kmgca_builtin_salts[salt].name
                  : element_named >= 0 ? kmgca_nutrient_name((kmgca_nutrient)element_named)
                                  : "the mineral");
    out->count_assumed = isnan(r->count) && used;
}
