/* fuzz_match.c — food text ("spinach, boiled", "菠菜", "KELLOGG'S ...")
 * through kmgca_foods_match (memoised) and kmgca_foods_search (not): the
 * two must agree on the best food, confidences lie in 0..1, best first. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    uint32_t pick = fuzz_pick(data, size);
    kmgca_foods *foods = fuzz_foods();
    kmgca_match m, again;
    kmgca_error err;
    kmgca_error_clear(&err);
    kmgca_status st = kmgca_foods_match(foods, text, &m, &err);
    FUZZ_CHECK(m.candidate_count <= KMGCA_MAX_CANDIDATES);
    for (size_t i = 0; i < m.candidate_count; i++) {
        FUZZ_CHECK(m.candidates[i]);
        FUZZ_CHECK(m.candidate_confidence[i] >= 0 && m.candidate_confidence[i] <= 1);
        FUZZ_CHECK(i == 0 || m.candidate_confidence[i] <= m.candidate_confidence[i - 1]);
    }
    FUZZ_TEXT(kmgca_match_method_name(m.method));
    if (st == KMGCA_OK) {
        FUZZ_CHECK(m.food && m.method != KMGCA_MATCH_NONE);
        FUZZ_CHECK(m.confidence > 0 && m.confidence <= 1);
        if (m.candidate_count)
            FUZZ_CHECK(m.candidate_confidence[0] <= m.confidence);
        FUZZ_TEXT(kmgca_food_description(m.food));
    } else {
        FUZZ_CHECK(!m.food && err.status == st);
        FUZZ_BUF(err.message);
    }
    /* The memo gives the same answer. */
    kmgca_status st2 = kmgca_foods_match(foods, text, &again, NULL);
    FUZZ_CHECK(st2 == st && again.food == m.food && again.confidence == m.confidence &&
               again.candidate_count == m.candidate_count);

    const kmgca_food *found[60];
    double conf[60];
    size_t max = pick % 61;
    size_t n = kmgca_foods_search(foods, text, found, (pick >> 6) & 1 ? conf : NULL, max);
    FUZZ_CHECK(n <= max && n <= 50);
    if ((pick >> 6) & 1)
        for (size_t i = 0; i < n; i++) {
            FUZZ_CHECK(found[i]);
            FUZZ_CHECK(conf[i] > 0 && conf[i] <= 1);
            FUZZ_CHECK(i == 0 || conf[i] <= conf[i - 1]);
        }
    if (st == KMGCA_OK && n)
        FUZZ_CHECK(found[0] == m.food);
    free(text);
    return 0;
}
