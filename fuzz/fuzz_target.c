/* fuzz_target.c — the add-in's target lookup, =DRITARGET(nutrient; age;
 * sex; status; reference): the texts through kmgca_nutrient_parse,
 * kmgca_sex_parse, kmgca_life_stage_parse and kmgca_reference_parse, any
 * age (NaN, negative, huge), then kmgca_target_for; also with the raw
 * fields of a profile (any sex byte, undefined life stage and reference
 * values) as a C caller may fill them. Input: 8 bytes of age, then sex,
 * stage, reference and nutrient bytes, then the texts
 * "NUTRIENT\0SEX\0STATUS\0REFERENCE". */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t head[12] = {0};
    memcpy(head, data, size < sizeof head ? size : sizeof head);
    size_t rest = size > sizeof head ? size - sizeof head : 0;
    char *nutrient_text = fuzz_string(rest ? data + sizeof head : data, rest);
    /* The texts, NUL-separated; missing ones are "". */
    const char *texts[4] = {"", "", "", ""};
    size_t at = 0;
    for (int i = 0; i < 4 && at <= rest; i++) {
        texts[i] = nutrient_text + at;
        at += strlen(texts[i]) + 1;
    }
    const char *ref_text = texts[3];

    kmgca_profile p = {
        .age_years = fuzz_double(head),
        .sex = (char)head[8],
        .stage = (kmgca_life_stage)(head[9] % 4),
        .reference = (kmgca_reference)(head[10] % 5),
    };
    kmgca_nutrient n = (kmgca_nutrient)(head[11] % 6);
    kmgca_nutrient parsed;
    if (kmgca_nutrient_parse(nutrient_text, &parsed) == KMGCA_OK) {
        FUZZ_CHECK((unsigned)parsed < KMGCA_NUTRIENT_COUNT);
        n = parsed;
    }
    kmgca_reference ref;
    if (kmgca_reference_parse(ref_text, &ref) == KMGCA_OK) {
        FUZZ_CHECK(ref == KMGCA_REF_LABEL || ref == KMGCA_REF_US || ref == KMGCA_REF_CHINA);
        p.reference = ref;
    }
    char sex;
    if (kmgca_sex_parse(texts[1], &sex) == KMGCA_OK) {
        FUZZ_CHECK(sex == 'f' || sex == 'm');
        p.sex = sex;
    }
    kmgca_life_stage stage;
    if (kmgca_life_stage_parse(texts[2], &stage) == KMGCA_OK) {
        FUZZ_CHECK(stage == KMGCA_LIFE_NONE || stage == KMGCA_LIFE_PREGNANT ||
                   stage == KMGCA_LIFE_LACTATING);
        p.stage = stage;
    }
    FUZZ_TEXT(kmgca_reference_name(p.reference));
    kmgca_format f;
    if (kmgca_format_parse(nutrient_text, &f) == KMGCA_OK)
        FUZZ_TEXT(kmgca_format_title(f));

    for (int with_profile = 0; with_profile < 2; with_profile++) {
        kmgca_target t;
        kmgca_error err;
        kmgca_error_clear(&err);
        kmgca_status st = kmgca_target_for(with_profile ? &p : NULL, n, &t, &err);
        if (st == KMGCA_OK) {
            FUZZ_CHECK((unsigned)n < KMGCA_NUTRIENT_COUNT);
            FUZZ_CHECK(isfinite(t.target_mg) && t.target_mg > 0);
            FUZZ_CHECK(isnan(t.ul_mg) || (isfinite(t.ul_mg) && t.ul_mg > 0));
            FUZZ_TEXT(t.kind);
            FUZZ_TEXT(t.ul_note);
            FUZZ_TEXT(t.source);
            if (with_profile && p.reference != KMGCA_REF_LABEL && n != KMGCA_NA) {
                /* A person: a real age and sex, and no pregnant man. */
                FUZZ_CHECK(isfinite(p.age_years) && p.age_years >= 0);
                FUZZ_CHECK(p.sex == 'f' || p.sex == 'm');
                FUZZ_CHECK(p.stage == KMGCA_LIFE_NONE || p.sex == 'f');
                FUZZ_CHECK(p.stage <= KMGCA_LIFE_LACTATING);
            }
        } else {
            FUZZ_CHECK(st == KMGCA_ERROR_ARGUMENT || st == KMGCA_ERROR_NO_MATCH);
            FUZZ_CHECK(err.status == st);
            FUZZ_BUF(err.message);
        }
    }
    free(nutrient_text);
    return 0;
}
