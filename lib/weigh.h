/* weigh.h — what measures.c and weigh.c share, and nothing else includes:
 * a food's own measures and volumes (measures.c), used by the rules for
 * household words, containers and typical servings (weigh.c). What the
 * rest of the library shares is lib/internal.h.
 */
#ifndef KMGCA_WEIGH_H
#define KMGCA_WEIGH_H

#include "internal.h"

#define MAX_AMOUNT 1e6

/* An amount for a note: "1/2", "1/3", else up to four digits. */
void fmt_amount(char *buf, size_t size, double v);
/* Grams for a note: 28.35, 90, 118, 1234.5. */
void fmt_grams(char *buf, size_t size, double g);
/* Whose measure it is, for the note: a custom food's or USDA's. */
const char *measure_source(const kmgca_food *food);
/* A food's measures, "1 cup; 1 tbsp", for an error message ("none"). */
void list_measures(const kmgca_food *food, char *buf, size_t size);

/* The household measure holding every one of the words, with the fewest
 * other words; -1 when none holds them all. whole_only: only measures of
 * one piece ("1 grape", not "10 grapes"). */
long find_portion_ex(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw,
                     int whole_only);
long find_portion(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t nw);
/* The measure that says how many pieces of a word it holds ("oz (14
 * halves)", "cup, in shell, edible yield (7 nuts)"), the word a key of
 * text_words ("half"): its index, with *pieces the count; -1 when none. */
long portion_of_pieces(const kmgca_food *food, const char *key, double *pieces);
/* The portion named after the food itself ("1 potato", "1 tortilla"), or -1. */
long food_named_portion(const kmgca_food *food, int whole_only);
/* 1 when each of n words is a word of the food's description; 0 for none. */
int words_in_description(const kmgca_food *food, char words[][TEXT_WORD_MAX], size_t n);
/* The measure the food text names by a word its food's description lacks
 * ("Chips Ahoy!" of "Cookie, chocolate chip"), or -1. */
long portion_named_by_text(const kmgca_food *food, const char *text);
/* The measure of one item `inches` long or wide: SR28's "inch sub" of
 * that amount, a measure saying it ("tortilla (approx 7-8" dia)", "Subway
 * Sub (6" long)"), "footlong" for 12. Its index, with *each the grams of
 * one item; -1 when none says it. */
long portion_of_length(const kmgca_food *food, double inches, double *each);
/* 1 for a measure of one item by its length, SR28's "inch sub" (amount 6:
 * one sub of 6 inches); the shortest of a food's such measures, or NULL. */
int measure_by_length(const kmgca_portion *p);
const kmgca_portion *shortest_by_length(const kmgca_food *food);
/* The inches of a serving's unit written as LENGTH_UNIT (6"), with *rest
 * the words after it; 0 when the unit says no length. */
int unit_length(const char *unit, double *inches, const char **rest);
/* 1 for a smaller edition of a product ("miniature/bite size", "Kit Kat Bite"). */
int measure_smaller_edition(const char *measure);

/* Grams of an amount of a volume unit through the food's own volume
 * measures, with how in `how` (may be NULL). 1 when it has one. */
int volume_to_grams(const kmgca_food *food, const char *unit, double amount, double unit_ml,
                    const char *detail, double *grams, char *how, size_t how_size);
/* 1 for the drinks that weigh as water when the tables give no volume. */
int watery(const kmgca_food *food);
/* Grams of `ml` by the density of the food's kind (containers.csv), with
 * the reason in `how`. 1 when kmgca has one. */
int density_grams(const kmgca_food *food, double ml, double *grams, char *how, size_t how_size);
/* Rule 2: a volume serving to grams (the food's measures, then the density
 * of its kind, then water for a drink). */
kmgca_status volume_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
                          char *how, size_t how_size, kmgca_error *err);

#endif
