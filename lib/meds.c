/* meds.c — medication lists: read, each line matched to the drug tables
 * and to a supplement's dose, and the supplements a day takes from them.
 *
 * Medication lines are few (KMGCA_MED_LIMIT) and are kept whole, their text
 * in an arena of the list's own. The list is its own object: the analysis
 * holds one and hands it to the day's flag rules (flags.c); nothing here
 * reads or calls the analysis.
 */
#include "internal.h"
#include "table.h"
#include "msg_phrases.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct care_meds {
    arena strings;
    kmgca_med *meds;
    size_t med_count, med_cap;
    size_t *supp;             /* the medication lines that count a supplement */
    size_t supp_count, supp_cap;
    kmgca_date_order order;   /* of the dates of the list being read */
};

care_meds *meds_new(void)
{
    return calloc(1, sizeof(care_meds));
}

void meds_free(care_meds *c)
{
    if (!c)
        return;
    arena_free(&c->strings);
    free(c->meds);
    free(c->supp);
    free(c);
}

static const char *keep(care_meds *c, const char *s)
{
    return arena_strdup(&c->strings, s ? s : "");
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

/* A line's start or end date into *day; a date that cannot be read leaves
 * that side open (the whole period) and says so on the line: `which` date,
 * the reason, and the `side` taken as active. */
static void med_date(const care_meds *c, const char *text, long *day, const char *which,
                     const char *side, char *why, size_t size)
{
    char reason[200];
    int32_t d;
    if (table_blank(text))
        return;
    if (date_read(text, c->order, &d, reason, sizeof reason) == 0)
        *day = d;
    else
        appendf(why, size, "%s%s%s%s", why[0] ? "; " : "", which, reason, side);
}

static kmgca_status med_row(const table_reader *t, const csv_row *row, void *ud,
                            kmgca_error *err)
{
    care_meds *c = ud;
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
    char why[1200] = "";
    if (table_blank(m->text)) {
        snprintf(why, sizeof why, PH_NO_DRUG_NAMED);
    } else {
        /* The dose column may hold words too ("Klor-Con", "M20"): match
         * the drug text alone first, then with the dose. */
        kmgca_drug_match_text(m->text, &m->match);
        /* A calcium, magnesium or potassium supplement or medicine: what it
         * gives a day, from its text and dose. */
        kmgca_supplement_read(m->text, m->dose, KMGCA_SUPPLEMENT_PER_DAY, &m->supplement);
        const kmgca_supplement *sp = &m->supplement;
        if (!m->match.part_count && !sp->recognised)
            snprintf(why, sizeof why, PH_NOT_RECOGNISED);
        else if (m->match.part_count && m->match.confidence < 0.9 && !sp->recognised)
            snprintf(why, sizeof why, PH_MATCHED_WITH_CONFIDENCE "%.2f (%s" PH_PLEASE_CHECK,
                     m->match.confidence, m->match.how);
        if (sp->recognised && sp->review[0])
            appendf(why, sizeof why, "%s" PH_SUPPLEMENT_NOT_COUNTED "%s", why[0] ? "; " : "",
                    sp->review);
        else if (sp->recognised && (sp->frequency_assumed || sp->count_assumed))
            appendf(why, sizeof why, "%s%s", why[0] ? "; " : "",
                    sp->frequency_assumed && sp->count_assumed ? PH_SUPPLEMENT_BOTH_ASSUMED
                    : sp->frequency_assumed                     ? PH_SUPPLEMENT_ONCE_ASSUMED
                                                                : PH_SUPPLEMENT_ONE_TABLET_ASSUMED);
    }
    med_date(c, m->start_text, &m->start_day, PH_START_DATE, PH_ACTIVE_FROM_START, why,
             sizeof why);
    med_date(c, m->end_text, &m->end_day, PH_END_DATE, PH_ACTIVE_TO_END, why, sizeof why);
    table_note_extra(t, row, why, sizeof why);
    if (m->start_day != LONG_MIN && m->end_day != LONG_MAX && m->end_day < m->start_day) {
        appendf(why, sizeof why, "%s" PH_END_BEFORE_START, why[0] ? "; " : "");
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

kmgca_status meds_read(care_meds *c, const char *path, const char *encoding,
                       kmgca_date_order order, kmgca_error *err)
{
    table_reader t = {.path = path, .encoding = encoding,
                      .schema = &med_table, .on_row = med_row, .ud = c,
                      .empty = "empty medication list: no header line"};
    c->order = order;
    size_t before = c->med_count;
    kmgca_status st = table_read(&t, err);
    if (st != KMGCA_OK) {
        c->med_count = before; /* a broken file adds nothing */
        while (c->supp_count && c->supp[c->supp_count - 1] >= before)
            c->supp_count--;
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

size_t meds_count(const care_meds *c) { return c->med_count; }
const kmgca_med *meds_at(const care_meds *c, size_t i)
{
    return i < c->med_count ? &c->meds[i] : NULL;
}
size_t meds_supplement_count(const care_meds *c) { return c->supp_count; }
size_t meds_supplement_line(const care_meds *c, size_t i) { return c->supp[i]; }

int med_active(const kmgca_med *m, long day)
{
    return day >= m->start_day && day <= m->end_day;
}

void meds_fill_day(const care_meds *c, kmgca_day *d)
{
    /* The supplements of the medication lists taken that day. */
    for (size_t i = 0; i < c->supp_count; i++) {
        const kmgca_med *m = &c->meds[c->supp[i]];
        if (med_active(m, d->day))
            for (int k = 0; k < KMGCA_NA; k++)
                d->supplement_mg[k] += m->supplement.mg[k];
    }
}
