/* fuzz_drug.c — medication text through kmgca_drug_match_text, and what a
 * spreadsheet add-in asks with it: drug text + nutrient text -> effect; and
 * the same text through kmgca_supplement_read, with the first part as the
 * dose. The input is "NUTRIENT-OR-DOSE\0DRUG TEXT", or only the drug text
 * (then the nutrient is picked from the input). */
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
    /* The supplement it may be: elemental mg a day, never negative, never
     * counted with a review, and the same twice. */
    kmgca_supplement sp, sp2;
    kmgca_supplement_mode mode = (pick >> 8) & 1 ? KMGCA_SUPPLEMENT_INTAKE
                                                 : KMGCA_SUPPLEMENT_PER_DAY;
    int found = kmgca_supplement_read(text, nutrient_text, mode, &sp);
    FUZZ_CHECK(found == 0 || found == 1);
    FUZZ_CHECK(found == sp.recognised);
    for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++) {
        FUZZ_CHECK(sp.mg[k] >= 0 && sp.mg[k] <= 20000 && sp.per_dose_mg[k] >= 0);
        if (sp.review[0] || !found)
            FUZZ_CHECK(sp.mg[k] == 0);
    }
    FUZZ_TEXT(sp.product);
    FUZZ_TEXT(sp.how);
    FUZZ_TEXT(sp.review);
    FUZZ_TEXT(sp.source);
    FUZZ_CHECK(kmgca_supplement_read(text, nutrient_text, mode, &sp2) == found);
    FUZZ_CHECK(memcmp(sp.mg, sp2.mg, sizeof sp.mg) == 0 && strcmp(sp.review, sp2.review) == 0);

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
