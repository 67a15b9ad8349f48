/* period.c — the figures of a client's period, worked out once before any
 * page is written: averages and days under target, the days each
 * medication line was flagged and how, supplement totals, sweat days, and
 * each day's night from the day log.
 *
 * The per-medication summaries also decide which suggestions the page may
 * make (c->k_blocked, c->mg_blocked, c->ca_caution).
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A drug flag of day `day` into its medication line's summary: the days it
 * was flagged, the directions, and whether it blocks suggestions. */
static void count_med_flag(client *c, const kmgca_flag *fl, size_t day)
{
    if (fl->med < 0 || fl->med >= MED_KEEP)
        return;
    med_summary *m = &c->meds[fl->med];
    if (m->last_day != (int)day) {
        m->days++;
        m->last_day = (int)day;
    }
    m->diuretic |= fl->kind == KMGCA_FLAG_DIURETIC;
    int slot = fl->nutrient == KMGCA_K ? 0 : fl->nutrient == KMGCA_MG ? 1 : 2;
    unsigned bit = fl->dir == KMGCA_DIRECTION_DOWN       ? 1u
                   : fl->dir == KMGCA_DIRECTION_UP       ? 2u
                   : fl->dir == KMGCA_DIRECTION_VARIABLE ? 4u
                                                               : 8u;
    m->dirs[slot] |= bit;
    /* Suggestions must respect the medication: no potassium-rich
     * advice while a drug that may raise potassium is taken. */
    if (slot == 0 && (bit & 6u) && !c->k_blocked)
        c->k_blocked = (int)fl->med + 1;
    if (slot == 1 && (bit & 6u) && !c->mg_blocked)
        c->mg_blocked = (int)fl->med + 1;
    if (slot == 2 && (bit & 2u) && !c->ca_caution)
        c->ca_caution = (int)fl->med + 1;
}

/* Works out the period: per-day flags, medication summaries, nights. */
kmgca_status period_summarise(client *c, kmgca_error *err)
{
    kmgca_client_result *res = c->res;
    c->days = kmgca_analysis_day_count(c->a);
    c->extra = calloc(c->days ? c->days : 1, sizeof *c->extra);
    if (!c->extra)
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    for (size_t i = 0; i < MED_KEEP; i++)
        c->meds[i].last_day = -1;
    double sum[KMGCA_NUTRIENT_COUNT] = {0};
    size_t count[KMGCA_NUTRIENT_COUNT] = {0};
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        res->target_mg[n] = kmgca_analysis_target(c->a, (kmgca_nutrient)n)->target_mg;
    for (size_t i = 0; i < c->days; i++) {
        kmgca_day d = kmgca_analysis_day(c->a, i);
        day_extra *x = &c->extra[i];
        if (i == 0)
            kmgca_date_text(d.day, res->first_date);
        kmgca_date_text(d.day, res->last_date);
        /* The day's intake: food and supplements together. */
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
            if (isnan(d.total_mg[n]))
                continue;
            sum[n] += d.total_mg[n];
            count[n]++;
            res->days_under_67[n] += d.percent[n] < 67;
            res->days_under_100[n] += d.percent[n] < 100;
        }
        int any_supp = 0;
        for (int n = 0; n < KMGCA_NA; n++) {
            c->supp_sum[n] += d.supplement_mg[n];
            any_supp |= d.supplement_mg[n] > 0;
        }
        c->supp_days += (size_t)any_supp;
        const night *nt = daylog_night(&c->log, (int32_t)d.day);
        x->cramps = nt ? nt->cramps : -1;
        x->severity = nt ? nt->severity : NAN;
        x->note = nt ? nt->note : NULL;
        x->sweat_l = d.sweat_l;
        kmgca_flag f[64];
        size_t nf = kmgca_analysis_day_flags(c->a, i, f, 64);
        if (nf > 64)
            nf = 64;
        int drug = 0;
        int k_drug = 0;
        for (size_t k = 0; k < nf; k++) {
            if (f[k].kind == KMGCA_FLAG_PATTERN) {
                c->pattern_days++;
                continue;
            }
            if (f[k].kind == KMGCA_FLAG_SUPPLEMENT) {
                if (f[k].dir == KMGCA_DIRECTION_OVER_UL && f[k].nutrient < KMGCA_NA)
                    c->ul_days[f[k].nutrient]++;
                else
                    k_drug = 1;
                continue;
            }
            if (f[k].kind == KMGCA_FLAG_SWEAT) {
                x->sweat = 1;
                if (d.sweat_l > c->heaviest_l) {
                    c->heaviest_l = d.sweat_l;
                    kmgca_date_text(d.day, c->heaviest_date);
                }
                continue;
            }
            if (f[k].kind == KMGCA_FLAG_DIURETIC)
                x->diuretic = 1;
            else
                drug = 1;
            count_med_flag(c, &f[k], i);
        }
        c->k_drug_days += (size_t)k_drug;
        res->diuretic_days += (size_t)x->diuretic;
        res->drug_days += (size_t)drug;
        res->sweat_days += (size_t)x->sweat;
        if (nt) {
            res->nights_logged++;
            res->cramp_nights += nt->cramps > 0;
        }
    }
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        res->average_mg[n] = count[n] ? sum[n] / (double)count[n] : NAN;
        res->average_pct[n] = 100 * res->average_mg[n] / res->target_mg[n];
    }
    res->days = c->days;
    res->rows_read = kmgca_analysis_rows_read(c->a);
    res->rows_review = kmgca_analysis_rows_review(c->a);
    return KMGCA_OK;
}
