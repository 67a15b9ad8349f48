/* fuzz_drug.c — medication text through kmgca_drug_match_text, and what a
 * spreadsheet add-in asks with it: drug text + nutrient text -> effect.
 * The input is "NUTRIENT\0DRUG TEXT", or only the drug text (then the
 * nutrient is picked from the input). */
#include "care.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t pick = fuzz_pick(data, size);
    char *all = fuzz_string(data, size);
    const char *nutrient_text = NULL, *text = all;
    const uint8_t *nul = memchr(data, 0, size);
    if (nul) {
        nutrient_text = all;
        size_t off = (size_t)(nul - data) + 1;
        text = fuzz_string(data + off, size - off);
    }
    kmgca_drug_match m;
    size_t parts = kmgca_drug_match_text(text, &m);
    FUZZ_CHECK(parts == m.part_count);
    care_check_match(&m);
    FUZZ_CHECK(!!m.affects_minerals <= !!parts);
    if (m.row)
        FUZZ_CHECK(m.row >= kmgca_drug_at(0) && m.row <= kmgca_drug_at(kmgca_drug_count() - 1));

    kmgca_nutrient n;
    if (!nutrient_text || kmgca_nutrient_parse(nutrient_text, &n) != KMGCA_OK)
        n = (kmgca_nutrient)(pick % 7);   /* out of range too */
    kmgca_effect e = (unsigned)n < KMGCA_NUTRIENT_COUNT ? m.effect[n] : KMGCA_EFFECT_NEUTRAL;
    FUZZ_TEXT(kmgca_effect_name(e));
    FUZZ_TEXT(kmgca_nutrient_key(n));
    FUZZ_TEXT(kmgca_nutrient_name(n));
    for (size_t i = 0; i < m.part_count; i++) {
        const kmgca_drug *d = m.part[i];
        kmgca_effect pe = kmgca_drug_effect(d, n);
        FUZZ_CHECK(pe >= KMGCA_EFFECT_NEUTRAL && pe <= KMGCA_EFFECT_VARIABLE);
        FUZZ_TEXT(kmgca_drug_name(d));
        FUZZ_TEXT(kmgca_drug_name_zh(d));
        FUZZ_TEXT(kmgca_drug_atc(d));
        FUZZ_TEXT(kmgca_drug_class(d));
        FUZZ_TEXT(kmgca_drug_family(d));
        FUZZ_TEXT(kmgca_drug_effect_type(d));
        FUZZ_TEXT(kmgca_drug_priority(d));
        FUZZ_TEXT(kmgca_drug_note(d));
        FUZZ_TEXT(kmgca_drug_source(d));
    }
    /* Deterministic: the same text gives the same match. */
    kmgca_drug_match again;
    kmgca_drug_match_text(text, &again);
    FUZZ_CHECK(again.part_count == m.part_count && again.row == m.row &&
               again.confidence == m.confidence && strcmp(again.name, m.name) == 0 &&
               memcmp(again.effect, m.effect, sizeof m.effect) == 0);
    if (text != all)
        free((char *)text);
    free(all);
    return 0;
}
