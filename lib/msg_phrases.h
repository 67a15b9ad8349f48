/* msg_phrases.h — the English of the phrases kmgca writes into text it
 * composes before a report's language is known: how a serving was weighed,
 * how a supplement or medication line was read, how sweat was found, why a
 * row needs review.
 *
 * A phrase is defined once, here. The code that composes the text joins
 * these macros into its formats; msg_en.c files each under its id (PH_X is
 * the English of MSG_PH_X) and msg_zh.c holds its Chinese; lang_zh_text()
 * finds the phrases in the composed English through the catalogue and puts
 * their Chinese in their place. Rewording a phrase here rewords the text
 * and the catalogue together, and its Chinese stays with the id. A phrase
 * holding a '%' (PH_HUMIDITY, PH_HUMIDITY_ASSUMED, PH_PCT_OF_DAILY_VALUE)
 * goes in as a "%s" argument, never into a format.
 */
#ifndef KMGCA_MSG_PHRASES_H
#define KMGCA_MSG_PHRASES_H

/* How sweat was found (activity.c) */
#define PH_HUMIDITY_ASSUMED " % humidity assumed; "
#define PH_HUMIDITY " % humidity, "
#define PH_NO_FLUID " (no fluid given: 0 assumed)"
#define PH_NO_FLUID_OR_URINE " (no fluid or urine given: 0 assumed)"
#define PH_NO_URINE " (no urine given: 0 assumed)"
#define PH_C_ASSUMED " C assumed; "
#define PH_C " C, "
#define PH_C_NO_WIND " C, no wind or sun terms, body surface from mass"
#define PH_L_DRUNK " L drunk - "
#define PH_L_URINE " L urine"
#define PH_MET_FROM " MET from "
#define PH_MET_ASSUMED " MET) assumed; "
#define PH_MET " MET, "
#define PH_KCAL_BURNED " kcal burned; "
#define PH_KG_AFTER " kg after + "
#define PH_KG_BEFORE " kg before - "
#define PH_KG_BODY_MASS_ASSUMED " kg body mass assumed; "
#define PH_KG " kg; "
#define PH_MIN_AT " min at "
#define PH_SKIN "), skin "
#define PH_COOL_FORM ", cool form of 2012"
#define PH_CLOTHING "clothing "
#define PH_MEASURED "measured: "
#define PH_MODERATE_INTENSITY "moderate intensity ("
#define PH_PREDICTED "predicted ("
#define PH_WEIGHTS_IMPOSSIBLE "the weights give a sweat loss below 0 or above 20 L"

/* Amounts that cannot be used, and how vague ones were read (amount.c, serving.c) */
#define PH_NOT_AMOUNT_WRITE_HOW_MUCH " is not an amount; write how much"
#define PH_NOT_AMOUNT_WRITE_NUMBER " is not an amount; write the number"
#define PH_SOME_NOT_AMOUNT "\"some\" is not an amount"
#define PH_RANGE_ONE_AMOUNT "the amount is a range; give one amount"
#define PH_RANGE_ONE_NUMBER "the amount is a range; write one number"
#define PH_ZH_SOME "一些 (some) is not an amount"
#define PH_ZH_A_BIT "一点 (a bit)" PH_A_LITTLE_READ
#define PH_ZH_A_FEW "几 (a few) is not an amount; write the number"
#define PH_ZH_MORE_THAN "多 or 来 after a number (more than) is not an amount; write the number"
#define PH_ZH_HOW_MUCH "多少 is not an amount; write how much"
#define PH_ZH_MOST_OF "大半 (most of) read as 3/4"
#define PH_RANGE_MIDDLE "a narrow range read as its middle, as diet records code it"
#define PH_ZH_ABOUT_TEN "十几 read as 15, 十来 as 10 (about that many)"
#define PH_ZH_A_FEW_READ "几 (a few) read as 3, as diet records code it; write the number to be exact"
#define PH_A_FEW_READ "\"a few\" read as 3, \"several\" as 4, as diet records code them; write the number to be exact"
#define PH_A_FEW_SERVING "a few of a food eaten by the serving, not the piece, read as one serving; write the amount to be exact"
#define PH_COUNT_OF_PIECES "a count that many of the whole would weigh over a kilogram, read as pieces; write the amount to be exact"
#define PH_ZH_THIRD_OF "小半 (a little of) read as 1/3"
#define PH_ZH_UNDER_HALF_WEIGHT "小半 of a market weight (a little under half) read as 2/5"
#define PH_A_LITTLE_READ " read as 2/5 of a typical serving (kmgca's judgement)"
#define PH_ZH_A_LITTLE "少许 (a little)" PH_A_LITTLE_READ
#define PH_ZH_A_SMALL_AMOUNT "少量 (a small amount)" PH_A_LITTLE_READ
#define PH_ZH_A_NUMBER_OF "若干 (a number of) is not an amount; write the number"
#define PH_ZH_AS_NEEDED "适量 (as much as needed) is not an amount; write how much"

/* Dates (date.c) */
#define PH_HAS_NO_YEAR " has no year"
#define PH_NOT_A_DATE_ZH_FORM " is not a date in the form 2026年11月24日"
#define PH_NOT_A_DATE " is not a date kmgca reads"
#define PH_NOT_A_DATE_USE " is not a date kmgca reads (use 2026-11-24)"
#define PH_NOT_A_POSSIBLE_DATE " is not a possible date"
#define PH_NO_DATE_GIVEN "no date given"

/* A line longer than its header (table.c) */
#define PH_LINE_HAS "the line has "
#define PH_FIELDS_HEADER_NAMES " fields; the header names "
#define PH_TEXT_PAST_COLUMN " (the text past column "
#define PH_IS_NOT_READ " is not read)"

/* Diaries, their notes and their rows' review (analyse.c) */
#define PH_LINE " (line "
#define PH_CLOSEST " (closest: "
#define PH_AMOUNT_FROM_FOOD_TEXT " (amount read from the food text)"
#define PH_SOURCE " (source: "
#define PH_DAY_NOT_COMPLETED " (the day is not marked completed in Cronometer)"
#define PH_PCT_OF_DAILY_VALUE \
    "% of a Daily Value as exported (not converted: the export does not say which)"
#define PH_CRONOMETER_DAILY \
    ": Cronometer daily summary export: one total a day as Cronometer computed it; no foods, so no Top sources"
#define PH_CRONOMETER_RECOMPUTED \
    ": Cronometer servings export; foods matched against the USDA tables (--recompute), Cronometer's own values not used"
#define PH_CRONOMETER_SERVINGS \
    ": Cronometer servings export; minerals as Cronometer exported them (--recompute matches the foods against the USDA tables instead)"
#define PH_MFP_SUMMARY \
    ": MyFitnessPal Nutrition Summary: totals per meal without food names; it has no magnesium, and gives calcium as a percentage of a Daily Value it does not name, so calcium and magnesium are not computed (shown as blank)"
#define PH_DATES_DMY ": dates read as day/month/year"
#define PH_DATES_MDY ": dates read as month/day/year"
#define PH_AS_UNAMBIGUOUS_DATES_SHOW ", as the file's unambiguous dates show"
#define PH_DECIMAL_COMMAS ": fields separated by ';', read with decimal commas (1,5 = 1.5)"
#define PH_NO_DIARY_ROWS ": no diary rows after the header"
#define PH_CALCIUM "; calcium "
#define PH_NOT_MEASURED_IN_FOOD "; not measured in this food: "
#define PH_AMOUNT "amount: "
#define PH_DATE "date: "
#define PH_FOOD "food: "
#define PH_DAY_TOTAL_CRONOMETER "day total from the Cronometer export"
#define PH_MEAL_TOTAL_MFP "meal total from the MyFitnessPal export"
#define PH_VALUES_FROM_CRONOMETER "values from the Cronometer export"
#define PH_EXPORT_VALUE_KEPT "export value kept: "
#define PH_LOW_CONFIDENCE "low-confidence match ("
#define PH_MATCHED_TO ") to "
#define PH_CHECK_THE_FOOD ": check the food, or add it with --foods"
#define PH_NO_AMOUNT_STRICT "no amount written (--strict); one typical serving would be "
#define PH_NO_FOOD_GIVEN "no food given"
#define PH_NO_FOOD_MATCHES "no food in the tables matches "
#define PH_NOT_EATEN " says it was not eaten or drunk: nothing is counted"
#define PH_NOT_COUNTED "not counted: "
#define PH_SUPPLEMENT_APART "supplement, counted apart from food: "

/* How a serving was weighed (weigh.c, measures.c) */
#define PH_G_AS_WRITTEN " g as written"
#define PH_G_PER_ML " g per ml"
#define PH_X_ONE_PIECE " x one piece"
#define PH_OF_THE_WHOLE " of the whole"
#define PH_ONE_RECIPE_SERVING ": one serving of the recipe, 1 "
#define PH_PERSON_SHARE ": one person's share of a dish served on one plate, "
#define PH_SPOONS_OF_POWDER "; spoons of the powder the drink is made from, not of the drink"
#define PH_TAKEAWAY_BOX "; a takeaway box of the dish, one shop's 份 (kmgca's judgement)"
#define PH_SMALLER_PLATE "; a 碟 is the smaller plate, 0.7 of it"
#define PH_PART_OF_LINE "one of the foods the line lists: "
#define PH_LINES_OF_FOODS ": a line that lists several foods is read as one row a food (the first, line "
#define PH_CANNED_FOR_A_CAN "; a can holds the canned food"
#define PH_MILK_ON_CEREAL "; no amount of it written beside the cereal: assumed"
#define PH_DRAINED_TIN "; drained: 3/5 of the tin's weight (a 400 g tin of beans or vegetables drains to about 240 g, kmgca's judgement)"
#define PH_ADDED_LEFT_OUT "; what the brackets say was added to it or went into it is not counted on its own"
#define PH_ADDED_AFTER_LEFT_OUT "; what was added to it (加…) is not counted on its own"
#define PH_SMALL_ADDITION "; the little fat, sauce or seasoning added to it left out (it carries little calcium, magnesium or potassium)"
#define PH_DRINK_SUGAR "; the sugar or sweetener in it left out (it carries no calcium, magnesium or potassium to speak of)"
#define PH_ONE_TYPICAL_SERVING ": one typical serving, "
#define PH_TWO_FOR_PLURAL ": two of them, the name being plural, "
#define PH_SHARE_EATEN "; the share of it eaten: "
#define PH_SHARED_BY "; shared, so one person's equal part (kmgca's assumption): 1/"
#define PH_EATEN_SHARE "; only the part eaten of what was served ("
#define PH_X_TYPICAL_SERVING " x one typical serving, the food having no piece size"
#define PH_READ_AS ": read as "
#define PH_PINT_OF_BEER \
    "; a pint of beer read as an imperial pint (568 ml, as poured in the UK and Ireland; a US pint is 473 ml)"
#define PH_FLUID_OUNCES "; ounces of a drink read as fluid ounces"
#define PH_SIZE_NOT_IN_MEASURE "; the size word is not in the USDA measure"
#define PH_LENGTH_NOT_IN_MEASURE " (no measure of this food has that length: counted as one each)"
#define PH_HEAPED_SPOON "heaped ~3/2 of level, scant 2/3: kmgca's judgement"
#define PH_USDA_MEASURE "USDA household measure"
#define PH_CONVERTED_FROM "converted from "
#define PH_CUSTOM_MEASURE "custom food measure"
#define PH_EACH "each: "
#define PH_HALF_OF "half of "
#define PH_PLATE_IS_DISH "; a plate of the vegetable read as the dish cooked of it: "
#define PH_EXTRA_LARGE "extra large: twice of that"
#define PH_JUMBO "jumbo: twice of that"
#define PH_MINI "mini: 2/5 of that"
#define PH_LARGE "large: 3/2 of that"
#define PH_SMALL "small: 2/3 of that"
/* (a fruit's sizes are closer: the medians of SR28's fruits' small and
 * large to medium) */
#define PH_LARGE_FRUIT "large: 5/4 of that (the median of USDA SR28 fruits' large to medium)"
#define PH_SMALL_FRUIT "small: 4/5 of that (the median of USDA SR28 fruits' small to medium)"
#define PH_ZH_HAD_SOME \
    "; 吃了点 (had some) with no amount: 2/3 of a typical serving (kmgca's judgement)"
#define PH_JUDGEMENT "kmgca's judgement"
#define PH_NO_AMOUNT_WRITTEN "no amount written"
#define PH_THE_RECIPES "the recipe's "
#define PH_FOOD_READ_AS "; the food read as "
#define PH_NAMED_MEASURE "the table's measure the food text names"
#define PH_SERVING_MEASURE "the table's measure, as the serving names it"
#define PH_SHOP_LIANG "as shops sell the dish by the 两 of its noodles, dough or shellfish in the shell: the dish's 两"
#define PH_RECIPE_SERVING "the recipe's usual serving"
#define PH_AS_BOUGHT "weighed as bought, with what is not eaten; the edible part, TFDA: "
#define PH_BARE_GRAMS "; no unit written: the number read as grams (as a count: "
#define PH_BARE_ML "; no unit written: the number read as ml, the food a drink (as a count: "
#define PH_NO_VOLUME_DRINK "the table gives no volume for this drink: weighed as water, 1 g per ml"
#define PH_NO_VOLUME_FOOD "the table gives no volume for this food: "
#define PH_USUAL_SIZE "the usual size"
#define PH_WEIGHED_AS_WATER "weighed as water"

/* How a supplement or medicine line was counted (supplement.c, supplement_mg.c) */
#define PH_NO_FREQUENCY " (no frequency written, so assumed)"
#define PH_ELEMENT_AS_LABELS " (the element, as Supplement Facts labels state it)"
#define PH_A_AMPOULE " a ampoule"
#define PH_A_DAY " a day"
#define PH_A_DAY_EQUALS " a day ="
#define PH_A_DOSE_AS_WRITTEN " a dose as written"
#define PH_A_ML " a ml"
#define PH_A_SACHET " a sachet"
#define PH_A_SCOOP " a scoop"
#define PH_A_TABLET " a tablet"
#define PH_AMPOULES " ampoules"
#define PH_SACHETS " sachets"
#define PH_SCOOPS " scoops"
#define PH_TABLETS " tablets"
#define PH_NO_CA_MG_K " no Ca, Mg or K"
#define PH_X_1_NO_COUNT " x 1 (no count written, so one assumed)"
#define PH_X_ONCE_A_DAY " x once a day"
#define PH_LABEL "(label: "
#define PH_AMPOULE_10_ML "10 ml read as one ampoule (支); "
#define PH_AMPOULE_READ_10_ML "an ampoule (支) of oral solution read as 10 ml; "

/* How a medication line was read (drugs.c, meds.c) */
#define PH_SPELLING_CORRECTED " (spelling corrected)"
#define PH_PLEASE_CHECK "): please check"
#define PH_CHINESE_NAME ": Chinese name"
#define PH_ABBREVIATION ": abbreviation"
#define PH_BRAND_NAME ": brand name"
#define PH_GENERIC_NAME ": generic name"
#define PH_OTHER_NAME ": other name"
#define PH_REGIONAL_NAME ": regional name"
#define PH_ACTIVE_FROM_START "; taken as active from the start of the period"
#define PH_ACTIVE_TO_END "; taken as active to the end of the period"
#define PH_END_BEFORE_START "end date before start date: taken as active over the whole period"
#define PH_END_DATE "end date: "
#define PH_START_DATE "start date: "
#define PH_MATCHED_WITH_CONFIDENCE "matched with confidence "
#define PH_NO_DRUG_NAMED "no drug named on this line"
#define PH_NOT_RECOGNISED "not recognised: kept as written; no mineral effect can be shown for it"
#define PH_SUPPLEMENT_ONCE_ASSUMED "supplement counted with once a day assumed: check the dose"
#define PH_SUPPLEMENT_ONE_TABLET_ASSUMED \
    "supplement counted with one tablet a dose assumed: check the dose"
#define PH_SUPPLEMENT_BOTH_ASSUMED \
    "supplement counted with one tablet once a day assumed: check the dose"
#define PH_SUPPLEMENT_NOT_COUNTED "supplement not counted: "

#endif
