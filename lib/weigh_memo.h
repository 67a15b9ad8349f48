/* weigh_memo.h — the weighings made while a file is read, by food and
 * serving text (weigh_memo.c), for analyse.c: those that found a food and a
 * weight, of anything but a mass. */
#ifndef KMGCA_WEIGH_MEMO_H
#define KMGCA_WEIGH_MEMO_H

#include "kmgca.h"

typedef struct weigh_memo weigh_memo;
/* 1 when the texts were weighed before: w gets what the analysis reads of
 * a weighing (the match's food, confidence and method, grams,
 * serving_assumed, serving_from_food, how), nothing else. */
int weigh_memo_find(weigh_memo *m, const char *food, const char *serving, kmgca_weighing *w);
/* Keeps a weighing that found a weight (KMGCA_OK); makes the memo on first
 * use (when out of memory, nothing is kept). */
void weigh_memo_keep(weigh_memo **m, const char *food, const char *serving,
                     const kmgca_weighing *w);
void weigh_memo_free(weigh_memo *m);

#endif
