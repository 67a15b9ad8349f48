/* format.c — what the commands print alike: amounts and percentages for
 * people, and the JSON form of a drug or supplement match (`kmgca drug` and
 * `kmgca analyse --json` both write it). */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- Numbers for people -------------------------------------------------- */

const char *fmt_mg(char *buf, size_t size, double mg)
{
    if (!isfinite(mg))
        snprintf(buf, size, "n/a");
    else if (mg >= 100)
        snprintf(buf, size, "%.0f", mg);
    else if (mg >= 10)
        snprintf(buf, size, "%.1f", mg);
    else
        snprintf(buf, size, "%.2f", mg);
    return buf;
}

const char *pct_text(char *buf, size_t size, double pct, const char *missing)
{
    if (isnan(pct))
        snprintf(buf, size, "%s", missing);
    else
        snprintf(buf, size, "%.0f%%", pct);
    return buf;
}

/* "1,234" */
const char *grouped(char *buf, size_t size, double v)
{
    if (isnan(v)) {
        snprintf(buf, size, "n/a");
        return buf;
    }
    char raw[32];
    snprintf(raw, sizeof raw, "%.0f", v);
    size_t len = strlen(raw), o = 0;
    for (size_t i = 0; i < len && o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0 && raw[i - 1] != '-')
            buf[o++] = ',';
        buf[o++] = raw[i];
    }
    buf[o] = '\0';
    return buf;
}

/* ---- Drug and supplement matches as JSON ---------------------------------- */

const char *drug_status(const kmgca_drug_match *m)
{
    return !m->part_count         ? "unknown"
           : m->affects_minerals ? "mineral_effect"
                                 : "no_mineral_effect";
}

void json_supplement(json *j, const char *key, const kmgca_supplement *sp)
{
    static const char *const keys[KMGCA_NA] = {"ca", "mg", "k"};
    if (!sp || !sp->recognised) {
        json_null(j, key);
        return;
    }
    json_begin_object(j, key);
    json_string(j, "product", sp->product);
    json_bool(j, "counted", !sp->review[0]);
    json_begin_object(j, "mg_a_day");
    for (int n = 0; n < KMGCA_NA; n++)
        json_number(j, keys[n], sp->review[0] ? NAN : round(sp->mg[n] * 10) / 10);
    json_end_object(j);
    json_number(j, "doses_a_day", sp->review[0] ? NAN : sp->doses);
    json_bool(j, "frequency_assumed", sp->frequency_assumed);
    json_bool(j, "count_assumed", sp->count_assumed);
    json_string(j, "how", sp->how[0] ? sp->how : NULL);
    json_string(j, "source", sp->source && sp->source[0] ? sp->source : NULL);
    json_string(j, "not_counted", sp->review[0] ? sp->review : NULL);
    json_end_object(j);
}

void json_drug_match(json *j, const char *key, const char *text, const kmgca_drug_match *m)
{
    json_drug_match_with(j, key, text, m, NULL);
}

void json_drug_match_with(json *j, const char *key, const char *text, const kmgca_drug_match *m,
                          const kmgca_supplement *sp)
{
    static const kmgca_nutrient order[] = {KMGCA_K, KMGCA_MG, KMGCA_CA, KMGCA_NA};
    json_begin_object(j, key);
    json_string(j, "text", text);
    json_string(j, "status", drug_status(m));
    json_string(j, "generic_name", m->affects_minerals ? m->name : NULL);
    json_string(j, "drug_class", m->affects_minerals ? m->drug_class : NULL);
    json_string(j, "atc", m->affects_minerals && m->atc[0] ? m->atc : NULL);
    if (m->affects_minerals) {
        json_begin_object(j, "effects");
        for (size_t i = 0; i < 4; i++)
            json_string(j, kmgca_nutrient_key(order[i]), kmgca_effect_name(m->effect[order[i]]));
        json_end_object(j);
    } else {
        json_null(j, "effects");
    }
    json_number(j, "confidence", m->part_count ? m->confidence : 0);
    json_begin_array(j, "parts");
    for (size_t i = 0; i < m->part_count; i++) {
        const kmgca_drug *d = m->part[i];
        json_begin_object(j, NULL);
        json_string(j, "generic_name", kmgca_drug_name(d));
        json_string(j, "name_zh", kmgca_drug_name_zh(d)[0] ? kmgca_drug_name_zh(d) : NULL);
        json_string(j, "drug_class", kmgca_drug_class(d));
        json_string(j, "atc", kmgca_drug_atc(d)[0] ? kmgca_drug_atc(d) : NULL);
        json_bool(j, "affects_minerals", kmgca_drug_affects_minerals(d));
        json_end_object(j);
    }
    json_end_array(j);
    json_string(j, "how", m->how[0] ? m->how : NULL);
    const kmgca_drug *src = m->row ? m->row : m->part_count ? m->part[0] : NULL;
    json_string(j, "effect_type", src ? kmgca_drug_effect_type(src) : NULL);
    json_string(j, "note", src && m->affects_minerals ? kmgca_drug_note(src) : NULL);
    json_string(j, "source", src ? kmgca_drug_source(src) : NULL);
    if (sp)
        json_supplement(j, "supplement", sp);
    json_end_object(j);
}
