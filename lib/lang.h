/* lang.h — the phrases of composed text in English and Chinese, shared by
 * lang.c (the look-ups) and lang_zh.c (the data). Private to those two
 * files. */
#ifndef KMGCA_LANG_H
#define KMGCA_LANG_H

#include <stddef.h>

/* Phrase flags. */
enum {
    PH_AFTER_DIGIT = 1,       /* only right after a digit: " C, " in "30 C, " */
    PH_REST_AS_IS = 2,        /* what follows is a citation: kept as it is */
    PH_MINERALS = 4           /* a list of minerals follows: "calcium, sodium" */
};

/* A fixed phrase inside text the library composed, in both languages. */
typedef struct {
    const char *en, *zh;
    int flags;
} lang_phrase;

/* Sorted by the bytes of the English (test_report checks it). */
extern const lang_phrase lang_zh_phrases[];
extern const size_t lang_zh_phrase_count;

#endif
