/*
 * kmgca.h — the one public header of the kmgca core library.
 *
 * kmgca computes potassium (K), magnesium (Mg), calcium (Ca) and sodium (Na)
 * in foods as people write them, from the USDA tables built into the library.
 *
 *     kmgca_error err;
 *     kmgca_foods *foods = kmgca_foods_new(&err);
 *     kmgca_match m;
 *     kmgca_serving s;
 *     double grams;
 *     if (kmgca_foods_match(foods, "pumpkin seeds, roasted", &m, &err) == KMGCA_OK &&
 *         kmgca_serving_parse("1 ounce", &s, &err) == KMGCA_OK &&
 *         kmgca_serving_grams(m.food, &s, &grams, NULL, 0, &err) == KMGCA_OK)
 *         printf("%.0f mg Mg\n", kmgca_food_mg(m.food, KMGCA_MG, grams));
 *     kmgca_foods_free(foods);
 *
 * Rules that hold for the whole API:
 *  - The library never prints and never exits. A function that can fail
 *    returns a kmgca_status and, when given a non-NULL kmgca_error, fills it
 *    with the status, a message and, for file input, the file, line and column.
 *  - Ownership: x_new/x_load return objects the caller frees with x_free;
 *    x_free(NULL) does nothing. Every other pointer the library returns is
 *    borrowed: it lives as long as the object it came from.
 *  - Text in and out is UTF-8. Numbers are parsed and printed in the C
 *    locale whatever the process locale is.
 *  - A kmgca_foods handle may be shared by threads: matching takes a lock
 *    around its memo.
 */
#ifndef KMGCA_H
#define KMGCA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------ */

#define KMGCA_VERSION_MAJOR 0
#define KMGCA_VERSION_MINOR 1
#define KMGCA_VERSION_PATCH 0
#define KMGCA_VERSION "0.1.0"

/* The library's version string (may differ from the header's when linked
 * against another build). */
const char *kmgca_version(void);

/* ---- Status and errors -------------------------------------------------- */

typedef enum {
    KMGCA_OK = 0,
    KMGCA_ERROR_NOMEM,        /* out of memory */
    KMGCA_ERROR_IO,           /* a file could not be opened, read or written */
    KMGCA_ERROR_CSV,          /* malformed CSV: unterminated quote, stray bytes */
    KMGCA_ERROR_ENCODING,     /* text is not valid UTF-8 (or is UTF-16, or holds NUL) */
    KMGCA_ERROR_HEADER,       /* a required column is missing or named twice */
    KMGCA_ERROR_VALUE,        /* a field holds a value that cannot be used */
    KMGCA_ERROR_NO_MATCH,     /* no food (or drug) matches the text */
    KMGCA_ERROR_UNIT,         /* the unit is unknown, or not resolvable for that food */
    KMGCA_ERROR_AMOUNT,       /* the amount is missing, negative, not a number or too large */
    KMGCA_ERROR_ARGUMENT,     /* a caller passed NULL or an out-of-range argument */
    KMGCA_ERROR_LIMIT,        /* an input exceeds a documented limit */
    KMGCA_STATUS_COUNT
} kmgca_status;

/* A short English sentence for a status; never NULL (unknown values give
 * "unknown status"). The string is static. */
const char *kmgca_status_string(kmgca_status status);

/* Where and why something failed. line and column are 1-based; 0 means
 * "not applicable". For CSV input the column is the field number. */
typedef struct {
    kmgca_status status;
    char file[256];
    unsigned long line;
    unsigned long column;
    char message[512];
} kmgca_error;

/* Resets an error record to "no error". */
void kmgca_error_clear(kmgca_error *err);

/* ---- Nutrients ---------------------------------------------------------- */

typedef enum {
    KMGCA_CA = 0,   /* calcium   (USDA nutrient 301) */
    KMGCA_MG = 1,   /* magnesium (USDA nutrient 304) */
    KMGCA_K = 2,    /* potassium (USDA nutrient 306) */
    KMGCA_NA = 3,   /* sodium    (USDA nutrient 307) */
    KMGCA_NUTRIENT_COUNT
} kmgca_nutrient;

/* "ca", "mg", "k", "na"; the symbol ("Ca", "Mg", "K", "Na"); the English
 * name ("calcium", ...). Static. */
const char *kmgca_nutrient_key(kmgca_nutrient n);
const char *kmgca_nutrient_symbol(kmgca_nutrient n);
const char *kmgca_nutrient_name(kmgca_nutrient n);
/* Parses "ca", "Calcium", "钙", "Mg", ... Returns KMGCA_ERROR_VALUE otherwise. */
kmgca_status kmgca_nutrient_parse(const char *text, kmgca_nutrient *out);

/* ---- Food tables -------------------------------------------------------- */

/* A set of foods: the built-in USDA SR28 and FNDDS 2017-2018 tables, plus any
 * custom foods the user loads on top. Opaque. */
typedef struct kmgca_foods kmgca_foods;

/* One food. Opaque; borrowed from its kmgca_foods. */
typedef struct kmgca_food kmgca_food;

/* A household measure of one food, as the table gives it:
 * `amount` `measure` weighs `grams` (e.g. 1 "cup, sliced" = 150 g). */
typedef struct {
    double amount;
    const char *measure;
    double grams;
} kmgca_portion;

/* Opens the built-in tables. No files are read. Free with kmgca_foods_free.
 * Returns NULL only when out of memory. */
kmgca_foods *kmgca_foods_new(kmgca_error *err);
void kmgca_foods_free(kmgca_foods *foods);

/* Layers a custom foods CSV over the tables. Columns (any order, header
 * names matched without regard to case): name (required), aliases (";"-
 * separated), ca_mg, mg_mg, k_mg, na_mg (per 100 g; blank = not measured),
 * portions (";"-separated "measure=grams", e.g. "1 cup=240; 1 scoop=30").
 * On a bad row nothing is added and err names the file, line and column. */
kmgca_status kmgca_foods_load_custom(kmgca_foods *foods, const char *path,
                                     kmgca_error *err);
/* Adds recipes from a CSV in the format of foodtables/recipes_zh.csv: one
 * row per ingredient (recipe, ingredient, source, id, grams for one
 * serving), the rows of a recipe together, its first row with the portions
 * ("盘=1|份=1|个=0.1": servings in one of each measure) and other names.
 * Ingredients are foods of the tables or of custom foods loaded before.
 * A recipe is a custom food (source "custom", group "Custom recipes"); its
 * minerals are its ingredients' summed. Bad rows fail with file, line and
 * column, and nothing is added. Like kmgca_foods_load_custom, not to be
 * called while another thread uses the same food set. */
kmgca_status kmgca_foods_load_recipes(kmgca_foods *foods, const char *path, kmgca_error *err);

size_t kmgca_foods_count(const kmgca_foods *foods);
/* Food number i (0 <= i < count), or NULL. */
const kmgca_food *kmgca_foods_at(const kmgca_foods *foods, size_t i);
/* The food with that source ("SR28", "FNDDS", "TFDA", "recipe", "custom")
 * and id, or NULL.  A recipe's id is its name (回锅肉). */
const kmgca_food *kmgca_foods_find(const kmgca_foods *foods, const char *source,
                                   const char *id);

const char *kmgca_food_id(const kmgca_food *food);          /* "09040" */
const char *kmgca_food_source(const kmgca_food *food);      /* "SR28" */
const char *kmgca_food_description(const kmgca_food *food); /* "Bananas, raw" */
const char *kmgca_food_group(const kmgca_food *food);       /* "Fruits and ..." */
/* Chinese name when the food has one, else NULL. */
const char *kmgca_food_name_zh(const kmgca_food *food);
/* A dish of the recipe table (foodtables/recipes_zh.csv): the number of
 * its ingredients in one serving, 0 for a single food.  The dish's
 * minerals are its ingredients' summed; cooking losses are not modelled. */
size_t kmgca_food_ingredient_count(const kmgca_food *food);
/* A dish's weight as served per gram of its ingredients (0.8: a fifth of
 * their weight went off as water in cooking, and none of their minerals);
 * 1 for a dish without a cooked figure and for a single food. */
double kmgca_food_cooked_yield(const kmgca_food *food);
/* Ingredient i of a dish: its name as the recipe writes it (五花肉), the
 * food it is (*as) and its grams in one serving (*grams). NULL past the end. */
const char *kmgca_food_ingredient(const kmgca_food *food, size_t i, const kmgca_food **as,
                                  double *grams);
/* The attribution a source's licence asks for wherever its data shows
 * (the Taiwan FDA table's OGDL-Taiwan-1.0), or NULL when none is needed. */
const char *kmgca_source_attribution(const char *source);
/* The attribution a food's numbers ask for: its source's, or for a recipe,
 * that of a source among its ingredients (and theirs). NULL when none. */
const char *kmgca_food_attribution(const kmgca_food *food);
/* The kind of food ("rice", "milk", "nuts", ... or "other"): what a bowl,
 * a glass or a handful of it holds depends on it (foodtables/kinds.csv).
 * Static. */
const char *kmgca_food_kind(const kmgca_food *food);
/* mg of a nutrient per 100 g; NaN when the table has no value ("not
 * measured" — never read as zero). */
double kmgca_food_per_100g(const kmgca_food *food, kmgca_nutrient n);
/* mg of a nutrient in `grams` of the food; NaN when not measured. */
double kmgca_food_mg(const kmgca_food *food, kmgca_nutrient n, double grams);
size_t kmgca_food_portion_count(const kmgca_food *food);
/* Portion i, or NULL. */
const kmgca_portion *kmgca_food_portion(const kmgca_food *food, size_t i);

/* ---- Matching food text ------------------------------------------------- */

typedef enum {
    KMGCA_MATCH_NONE = 0,
    KMGCA_MATCH_EXACT,     /* the text is a food's description or a listed alias */
    KMGCA_MATCH_WORDS,     /* ranked by the words the text and food share */
    KMGCA_MATCH_SPELLING,  /* after correcting a misspelt word, or a Chinese name
                              written with other characters of its sound (虾交) */
    KMGCA_MATCH_CHINESE    /* through a Chinese name */
} kmgca_match_method;

#define KMGCA_MAX_CANDIDATES 3

typedef struct {
    const kmgca_food *food;    /* best food, NULL when none */
    double confidence;         /* 0..1; below KMGCA_LOW_CONFIDENCE: show for review */
    kmgca_match_method method;
    size_t candidate_count;    /* runner-ups, best first */
    const kmgca_food *candidates[KMGCA_MAX_CANDIDATES];
    double candidate_confidence[KMGCA_MAX_CANDIDATES];
} kmgca_match;

#define KMGCA_LOW_CONFIDENCE 0.6

/* Finds the best food for free text ("spinach, boiled", "菠菜"). Deterministic;
 * memoised per distinct text. KMGCA_ERROR_NO_MATCH when nothing is close
 * (out->food is then NULL). */
kmgca_status kmgca_foods_match(kmgca_foods *foods, const char *text,
                               kmgca_match *out, kmgca_error *err);

/* Up to `max` foods ranked for the text, best first, with confidences.
 * Returns how many were written. Not memoised. */
size_t kmgca_foods_search(kmgca_foods *foods, const char *text,
                          const kmgca_food **found, double *confidence, size_t max);

/* A word for a method: "exact", "words", "spelling", "chinese", "none". */
const char *kmgca_match_method_name(kmgca_match_method m);

/* ---- Servings ----------------------------------------------------------- */

typedef enum {
    KMGCA_UNIT_NONE = 0,   /* a bare count: "2", "3 eggs" (of the food's usual piece) */
    KMGCA_UNIT_MASS,       /* g, kg, mg, oz, lb, 斤, 两 */
    KMGCA_UNIT_VOLUME,     /* ml, l, cup, tbsp, tsp, fl oz, pint, quart */
    KMGCA_UNIT_PORTION,    /* a household word: "medium", "slice", "bowl", "碗",
                              "large biscuits" */
    KMGCA_UNIT_TYPICAL     /* nothing written: one typical serving, assumed */
} kmgca_unit_kind;

/* A serving as written: "1½ cups", "30 g", "2 large biscuits", "一小碗". */
typedef struct {
    double amount;            /* 1.5 */
    kmgca_unit_kind kind;
    double unit_factor;       /* grams per unit (MASS) or ml per unit (VOLUME) */
    char unit[64];            /* canonical unit ("cup", "g"), or the household
                                 words ("slice", "small 碗", "large biscuits") */
    char detail[64];          /* words after a volume unit: "chopped", "unpacked"; of a
                                 typical serving, KMGCA_DETAIL_PLURAL when the food's
                                 name is written in the plural ("sausage links") */
    char note[96];            /* what reading it took, for people: "2 x 3 oz",
                                 "大半 read as 3/4"; "" when nothing */
    char name[48];            /* a name in the food text with portions of its own
                                 ("饺子": 个 = 20 g), set by kmgca_serving_take_detail */
    int estimated;            /* 1: the amount was a narrow range ("2-3", "两三个",
                                 "十几个"), its middle taken and said in note; or
                                 (kmgca_weigh) a share of a typical serving of a
                                 food with no piece size ("1/2" of a curry) */
} kmgca_serving;

#define KMGCA_DETAIL_PLURAL "plural"

/* Parses a serving: an amount and a unit, a household word or a container,
 * in English or Chinese. Fractions (½, 1/2, 1 1/2, 1-1/2), decimal commas
 * ("1,5"), number words ("half", "a couple of", "one and a half", "两",
 * "一个半", "二两", "半斤"), amounts and units run together ("30g",
 * "300毫升"), "x 3" and "2 x 150 g", and the amounts of app exports ("1.00
 * shake (11 fl oz)", "1.00 slice - each 1 oz") are understood. An empty or
 * NULL text is KMGCA_UNIT_TYPICAL: one typical serving of the food, which
 * kmgca_serving_grams finds and says it assumed. KMGCA_ERROR_AMOUNT, with
 * the reason, for a missing, negative, infinite or absurd amount, a range
 * ("2-3", "一两个") or words that are not an amount ("a few", "十几个"). */
kmgca_status kmgca_serving_parse(const char *text, kmgca_serving *out,
                                 kmgca_error *err);

/* Carries what food text says about the serving into it: the words that
 * say how it was cut ("broccoli, chopped") into a volume serving that names
 * none, so that "1/2 cup" weighs as the "cup, chopped" measure; and, for a
 * count, a household word or no amount, a name with portions of its own
 * (foodtables/name_portions.csv: 饺子 个 = 20 g, "cherry tomato" = 17 g),
 * which kmgca_serving_grams then uses before the food's measures. */
void kmgca_serving_take_detail(kmgca_serving *s, const char *food_text);

/* Finds the serving in food text wherever it is written — leading ("2
 * slices wholemeal toast", "a glass of milk", "一碗米饭"), trailing ("rye
 * bread 2 slices", "eggs x2", "玉米一根"), run together ("小米50g", "3eggs")
 * or in brackets ("chicken (150 g)") — and cuts it out: serving gets the
 * serving text, food the rest ("2 slices", "wholemeal toast"). Numbers that
 * are part of a name ("7 up", "2% milk", "三文鱼", "千张") stay in the food.
 * Returns 1 when a serving was found, 0 otherwise (then food = the text
 * trimmed, serving = ""), and 2 when the text holds more than one serving
 * ("milk 200 ml and 2 biscuits": the serving is then the likelier one, and
 * the caller should not use it). A weight in brackets next to a count says
 * what it weighs ("2 slices (60 g)"), and a size goes with a count written
 * elsewhere ("large eggs x2"): these are one serving. Text too long to
 * search (over 1024 bytes or 160 words) is returned whole. Never cuts
 * inside a character. */
int kmgca_serving_split(const char *text, char *serving, size_t serving_size,
                        char *food, size_t food_size);

/* Converts a serving to grams of a food: mass directly; volume through the
 * food's household measures; a household word or container through the
 * food's own measure of it where one fits (个 of an egg: 1 large; 根 of a
 * banana: 1 medium; 杯 of milk: 1 cup), else through the size of that
 * container for that kind of food (foodtables/containers.csv, cited); a
 * typical serving through FNDDS "Quantity not specified", the one-item
 * measure, then the table. `how`, when not NULL, receives a sentence such
 * as "1/2 cup = 90 g (USDA household measure \"cup, chopped\")" that names
 * every assumption. KMGCA_ERROR_UNIT with a reason when the unit cannot be
 * resolved for that food — never a guess. */
kmgca_status kmgca_serving_grams(const kmgca_food *food, const kmgca_serving *s,
                                 double *grams, char *how, size_t how_size,
                                 kmgca_error *err);

/* A line of a diary matched and weighed in one step, as every door does it. */
typedef struct {
    kmgca_match match;        /* the food (match.food NULL: no match) */
    kmgca_serving serving;    /* as read */
    double grams;             /* NaN when not weighed */
    int serving_assumed;      /* 1: no amount written, one typical serving; or
                                 an amount kmgca had to estimate
                                 (serving.estimated: a narrow range's middle) */
    int serving_from_food;    /* 1: the serving was read from the food text */
    char food_text[512];      /* the food as matched, the serving cut out */
    char serving_text[256];   /* the serving as read; "" when none was written */
    char how[512];            /* how the serving was weighed */
} kmgca_weighing;

/* Matches `food_text` and weighs `serving_text` of it. When serving_text is
 * empty the serving is looked for in the food text (kmgca_serving_split);
 * when it holds only an amount ("2") and the food text a unit ("bowl of
 * rice"), the two are read together. With no serving at all the food gets
 * one typical serving, serving_assumed is 1 and `how` says so.
 * Returns KMGCA_OK, or the first failure: KMGCA_ERROR_NO_MATCH (out->match
 * has the candidates), KMGCA_ERROR_AMOUNT (the serving text cannot be
 * read), KMGCA_ERROR_UNIT (it cannot be weighed for that food), or
 * KMGCA_ERROR_LIMIT / ENCODING for text too long or not UTF-8. out is
 * always filled as far as it got. A weak match (confidence below
 * KMGCA_LOW_CONFIDENCE) is KMGCA_OK: the caller decides. */
kmgca_status kmgca_weigh(kmgca_foods *foods, const char *food_text, const char *serving_text,
                         kmgca_weighing *out, kmgca_error *err);

/* A diary line that lists several foods: in Chinese, each written with its
 * own serving ("早 馒头一个 豆浆一杯", "一碗豆浆两根油条", "鸡胸肉100g 西兰花
 * 糙米饭"); in English, joined by "&", "+" or "and" when the whole names no
 * food ("cheeseburger & fries"; "mac and cheese" is one food). Cut into one
 * food a part, each to weigh on its own (kmgca analyse makes each part a
 * diary entry of the same line). Fills start[i] and len[i] (bytes of text,
 * trimmed) for at most max parts and returns how many; returns 1 (the
 * whole text) when the line is one food, or when a part would name no food
 * kmgca matches with at least KMGCA_LOW_CONFIDENCE (it stays with the part
 * before it). */
size_t kmgca_line_parts(kmgca_foods *foods, const char *text, size_t *start, size_t *len,
                        size_t max);

/* ---- Daily targets ------------------------------------------------------ */

typedef enum {
    KMGCA_REF_LABEL = 0,  /* US food-label Daily Values: the default, no profile */
    KMGCA_REF_US,         /* US/Canada Dietary Reference Intakes */
    KMGCA_REF_CHINA       /* Chinese DRIs 2023 */
} kmgca_reference;

typedef enum {
    KMGCA_LIFE_NONE = 0,
    KMGCA_LIFE_PREGNANT,
    KMGCA_LIFE_LACTATING
} kmgca_life_stage;

/* Who the targets are for. age_years may be fractional (0.5 = 6 months). */
typedef struct {
    kmgca_reference reference;
    double age_years;
    char sex;                 /* 'f' or 'm' */
    kmgca_life_stage stage;
} kmgca_profile;

/* A daily target. All strings are static. */
typedef struct {
    double target_mg;
    const char *kind;         /* "RDA", "AI", "RNI" or "DV" */
    double ul_mg;             /* upper level; NaN when none is set */
    const char *ul_note;      /* e.g. "applies only to supplemental Mg"; "" when none */
    const char *source;       /* the citation */
} kmgca_target;

/* The daily target of a nutrient for a profile; a NULL profile means the
 * food-label Daily Values. KMGCA_ERROR_ARGUMENT for an impossible profile
 * (negative age, pregnant male, a life stage or reference outside the
 * enums), KMGCA_ERROR_NO_MATCH when the reference has no value for it (err
 * says which ages it covers). */
kmgca_status kmgca_target_for(const kmgca_profile *profile, kmgca_nutrient n,
                              kmgca_target *out, kmgca_error *err);

/* "label", "us", "china"; and parsing of those words (any case). */
const char *kmgca_reference_name(kmgca_reference r);
kmgca_status kmgca_reference_parse(const char *text, kmgca_reference *out);
/* Sex as written: "f", "female", "woman", "女" give 'f'; "m", "male", "man",
 * "男" give 'm' (any case). KMGCA_ERROR_VALUE otherwise. */
kmgca_status kmgca_sex_parse(const char *text, char *out);
/* Life stage as written: "" or "none" give KMGCA_LIFE_NONE; "pregnant",
 * "pregnancy", "怀孕", "孕期" give PREGNANT; "lactating", "lactation",
 * "breastfeeding", "哺乳", "哺乳期" give LACTATING (any case). */
kmgca_status kmgca_life_stage_parse(const char *text, kmgca_life_stage *out);

/* ---- Drugs -------------------------------------------------------------- */

/*     kmgca_drug_match m;
 *     if (kmgca_drug_match_text("HCTZ 25 mg daily", &m) && m.affects_minerals)
 *         printf("%s: potassium %s\n", m.name,
 *                kmgca_effect_name(m.effect[KMGCA_K]));    (hydrochlorothiazide: down)
 */

/* How a drug moves a mineral (drugtables/drugs.csv, from the product labels
 * and reviews cited there). */
typedef enum {
    KMGCA_EFFECT_NEUTRAL = 0,
    KMGCA_EFFECT_MINOR_DOWN,
    KMGCA_EFFECT_DOWN,
    KMGCA_EFFECT_MINOR_UP,
    KMGCA_EFFECT_UP,
    KMGCA_EFFECT_VARIABLE     /* up or down: a combination pulling both ways */
} kmgca_effect;
/* "neutral", "minor_down", "down", "minor_up", "up", "variable". Static. */
const char *kmgca_effect_name(kmgca_effect e);

/* One drug of the built-in table: a mineral-affecting drug (or fixed
 * combination) with its effects and source, or a common drug listed only so
 * that it is recognised as having no mineral effect. Opaque, static. */
typedef struct kmgca_drug kmgca_drug;

size_t kmgca_drug_count(void);
const kmgca_drug *kmgca_drug_at(size_t i);                  /* NULL past the end */
const char *kmgca_drug_name(const kmgca_drug *d);           /* "hydrochlorothiazide" */
const char *kmgca_drug_name_zh(const kmgca_drug *d);        /* "氢氯噻嗪", or "" */
const char *kmgca_drug_atc(const kmgca_drug *d);            /* "C03AA03", or "" */
const char *kmgca_drug_class(const kmgca_drug *d);          /* "thiazide diuretic" */
const char *kmgca_drug_class_zh(const kmgca_drug *d);       /* "噻嗪类利尿剂" */
/* "thiazide", "loop", "carbonic_anhydrase", "potassium_sparing" or "". */
const char *kmgca_drug_family(const kmgca_drug *d);
kmgca_effect kmgca_drug_effect(const kmgca_drug *d, kmgca_nutrient n);
/* "serum_level", "sensitivity" (digoxin), "absorption_interaction", or
 * "none" for a drug with no listed mineral effect. */
const char *kmgca_drug_effect_type(const kmgca_drug *d);
const char *kmgca_drug_priority(const kmgca_drug *d);       /* high, medium, low, none */
const char *kmgca_drug_note(const kmgca_drug *d);
const char *kmgca_drug_source(const kmgca_drug *d);
int kmgca_drug_affects_minerals(const kmgca_drug *d);

#define KMGCA_DRUG_MAX_PARTS 6

/* What a line of a medication list names. A combination ("valsartan/HCTZ
 * 80-12.5", "Zestoretic") is its parts; when the table has a row for that
 * combination, `row` is it and its effects are used, otherwise the parts'
 * effects are combined (a full effect beats an opposite minor one, opposite
 * full effects give variable). */
typedef struct {
    const kmgca_drug *part[KMGCA_DRUG_MAX_PARTS]; /* in the order of the text */
    size_t part_count;          /* 0: nothing recognised */
    const kmgca_drug *row;      /* the row describing the whole, or NULL */
    int affects_minerals;       /* some part has a listed mineral effect */
    kmgca_effect effect[KMGCA_NUTRIENT_COUNT];
    double confidence;          /* 1 exact name ... 0.7 a misspelling; 0 none */
    char name[256];             /* parts' generic names joined by " + ", A-Z */
    char drug_class[256];       /* the row's class, or the parts' joined */
    char atc[64];
    char how[256];              /* "brand name of ...", "misspelling of ..." */
} kmgca_drug_match;

/* Matches free medication text ("hydrochlorothiazide 50mg tab daily",
 * "氯沙坦钾氢氯噻嗪片", "Klor-Con M20"): names, brands, abbreviations,
 * regional names and Chinese names, dose words ignored, one or two letters
 * off forgiven. Returns m->part_count. Thread-safe. */
size_t kmgca_drug_match_text(const char *text, kmgca_drug_match *m);

/* ---- Supplements: elemental calcium, magnesium and potassium ----------- */

/* Whether a line is a medication-list line (its dose says how often: "1
 * tablet twice daily") or a diary line (one intake, that day). */
typedef enum {
    KMGCA_SUPPLEMENT_PER_DAY = 0,  /* medication list: count x times a day */
    KMGCA_SUPPLEMENT_INTAKE        /* diary: what was taken at that time */
} kmgca_supplement_mode;

/* What a supplement or medicine line gives of Ca, Mg and K, in mg of the
 * element. Read from brands and generics at their label strength
 * (drugtables/supplements.csv), salts at their elemental fraction
 * (drugtables/salts.csv: calcium carbonate 40 %, magnesium oxide 60 %,
 * potassium chloride 52 %, ...), mEq and mmol, and a strength written with
 * the element alone ("calcium 600 mg", "含钙600mg": US Supplement Facts and
 * Chinese health-food labels state the element). A Chinese generic with a
 * bare figure ("钙片 600mg") is not counted: Chinese medicine labels state
 * the salt, health-food labels the element, so the line goes to review. */
typedef struct {
    int recognised;               /* 1: a Ca, Mg or K supplement or medicine */
    char product[160];            /* what it was read as: "Caltrate 600+D3",
                                     "calcium carbonate", "calcium" */
    double per_dose_mg[KMGCA_NUTRIENT_COUNT]; /* element in one dose; 0: none */
    double doses;                 /* count x times a day (per day), or the count
                                     (intake) */
    double mg[KMGCA_NUTRIENT_COUNT]; /* element per day, or in this intake; 0: none */
    int count_assumed;            /* no count written: 1 tablet (said in how) */
    int frequency_assumed;        /* no frequency written: once a day (said in how) */
    char how[640];                /* the arithmetic, for people */
    const char *source;           /* the label or the fraction's source; "" */
    char review[320];             /* "": counted; else why not (mg are then 0) */
} kmgca_supplement;

/* Reads a supplement from the text of a line and its dose field ("" when
 * none). Returns 1 when the line names a Ca, Mg or K supplement or medicine
 * (counted, or with out->review saying why it cannot be), 0 when it names
 * none. Thread-safe. */
int kmgca_supplement_read(const char *text, const char *dose, kmgca_supplement_mode mode,
                          kmgca_supplement *out);

/* The table rows, for the About sheet: salts and the products' sources. */
size_t kmgca_salt_count(void);
/* Salt i: name, element, fraction and source; 0 past the end. */
int kmgca_salt_at(size_t i, const char **name, kmgca_nutrient *element, double *fraction,
                  const char **source);
size_t kmgca_supp_product_count(void);
/* Product row i: its name, element, label figure text ("600 mg Ca a tablet")
 * and source; 0 past the end. */
int kmgca_supp_product_at(size_t i, const char **name, kmgca_nutrient *element,
                          char *label, size_t label_size, const char **source);

/* ---- Diaries and their analysis ------------------------------------------ */

/* A diary read into days, each row handed to a callback (here straight into
 * a workbook), then the sheets that need the whole period:
 *
 *     static kmgca_status to_book(const kmgca_entry *e, void *ud, kmgca_error *err)
 *     {
 *         return kmgca_workbook_add(ud, e, err);
 *     }
 *     ...
 *     kmgca_options opt = {0};                  (Daily Values, format from the header)
 *     kmgca_analysis *a = kmgca_analysis_new(foods, &opt, &err);
 *     kmgca_workbook *w = kmgca_workbook_new("report.xlsx", &err);
 *     if (a && w && kmgca_analysis_read(a, "diary.csv", to_book, w, &err) == KMGCA_OK)
 *         kmgca_workbook_finish(w, a, &err);    (frees w)
 *     else
 *         kmgca_workbook_discard(w);
 *     kmgca_analysis_free(a);
 */

/* What kind of diary a file is. AUTO tells it from the header. */
typedef enum {
    KMGCA_FORMAT_AUTO = 0,
    KMGCA_FORMAT_GENERIC,             /* date, food, amount[, unit][, time, meal, note] */
    KMGCA_FORMAT_CRONOMETER_SERVINGS, /* Cronometer "servings" export: one row a food */
    KMGCA_FORMAT_CRONOMETER_DAILY,    /* Cronometer "daily summary": one row a day */
    KMGCA_FORMAT_MFP_SUMMARY,         /* MyFitnessPal "Nutrition Summary": one row a meal */
    KMGCA_FORMAT_COUNT
} kmgca_format;

/* "auto", "generic", "cronometer-servings", "cronometer-daily", "mfp-summary". */
const char *kmgca_format_name(kmgca_format f);
/* For people: "Cronometer servings export", ... Static. */
const char *kmgca_format_title(kmgca_format f);
kmgca_status kmgca_format_parse(const char *text, kmgca_format *out);

/* How to read 03/04/2026: AUTO learns it from the file's other dates (a day
 * above 12 settles it) and leaves the date for review when nothing does. */
typedef enum {
    KMGCA_DATE_ORDER_AUTO = 0,
    KMGCA_DATE_ORDER_DMY,
    KMGCA_DATE_ORDER_MDY
} kmgca_date_order;

/* "2026-11-24" for a day number (days since 1970-01-01); "" for a day
 * outside the years 0000 to 9999. */
void kmgca_date_text(long day, char out[11]);
/* Reads a date as people and spreadsheets write it ("2026-11-24",
 * "24/11/2026", "Nov 24, 2026", "2026年11月24日") into a day number.
 * With KMGCA_DATE_ORDER_AUTO a date such as 03/04/2026 that only the order
 * settles is KMGCA_ERROR_VALUE, and err says so; so is an impossible date. */
kmgca_status kmgca_date_parse(const char *text, kmgca_date_order order, long *day,
                              kmgca_error *err);

typedef struct {
    const kmgca_profile *profile; /* NULL: the food-label Daily Values */
    kmgca_format format;          /* KMGCA_FORMAT_AUTO: from the header */
    int recompute;                /* exports: match the food names against the tables
                                     instead of using the export's own values */
    const char *encoding;         /* NULL or "utf-8"; "gbk" or "gb18030" (via iconv) */
    kmgca_date_order date_order;
    double body_mass_kg;          /* for sweat estimates when the log has none;
                                     0: assume KMGCA_DEFAULT_BODY_MASS_KG */
    int strict;                   /* a row with no amount goes to review instead
                                     of getting one typical serving */
} kmgca_options;

/* One diary row after analysis. Strings live until the callback returns. */
typedef struct {
    const char *file;
    unsigned long line;           /* where the row starts */
    kmgca_format format;
    char date[11];                /* "2026-11-24", or "" when the date is not usable */
    long day;                     /* days since 1970-01-01; valid when date[0] */
    const char *date_text, *time, *meal, *food_text, *amount_text, *unit_text, *note;
    const kmgca_food *food;       /* matched food; NULL for export totals and no match */
    double confidence;            /* of the match; NaN when nothing was matched */
    kmgca_match_method method;
    double grams;                 /* NaN when not known */
    int serving_assumed;          /* 1: no amount was written, one typical serving;
                                     or an amount estimated (kmgca_weighing) */
    int supplement;               /* 1: a supplement or medicine taken that day
                                     ("Caltrate 600+D 1 tablet"): mg are its
                                     elemental Ca, Mg and K, counted apart from
                                     food (kmgca_day.supplement_mg); food is NULL */
    int export_kept;              /* 1: an export read with --recompute whose food
                                     kmgca could not match or weigh (a recipe, a
                                     branded product, a supplement it cannot
                                     read): mg are the export's own, `how` says
                                     why; the row is used, not sent to review */
    double mg[KMGCA_NUTRIENT_COUNT]; /* NaN: not measured, or not in the input */
    const char *how;              /* how it was weighed (and where values came
                                     from), for people; the match is in food,
                                     method and confidence */
    const char *review;           /* NULL when used as written; else the reason */
    const char *original;         /* the row as read (fields joined again) */
    double progress;              /* share of the file read so far, 0..1 */
} kmgca_entry;

/* Called for every row read. Return KMGCA_OK to go on. */
typedef kmgca_status (*kmgca_entry_fn)(const kmgca_entry *e, void *ud, kmgca_error *err);

/* One day of the period. */
typedef struct {
    long day;
    char date[11];
    double mg[KMGCA_NUTRIENT_COUNT];       /* from food; NaN when no row gives it */
    double supplement_mg[KMGCA_NUTRIENT_COUNT]; /* elemental, from supplements and
                                              medicines (diary rows and the
                                              medication lists); 0 when none */
    double total_mg[KMGCA_NUTRIENT_COUNT]; /* food + supplements; NaN when no food
                                              row gives a value (supplements alone
                                              are not a day's intake) */
    double percent[KMGCA_NUTRIENT_COUNT];  /* total_mg of the target; NaN with it */
    double coverage[KMGCA_NUTRIENT_COUNT]; /* share of the day's rows that gave a value */
    double recomputed[KMGCA_NUTRIENT_COUNT]; /* --recompute: share of the day's food mg
                                              computed from the tables, the rest kept
                                              from the export (export_kept rows);
                                              NaN without --recompute or a value */
    size_t rows, rows_used, rows_review;
    size_t rows_assumed;                   /* used rows with an assumed serving */
    size_t rows_export_kept;               /* used rows with export_kept */
    /* From the activity log (see kmgca_analysis_read_activity): */
    size_t sessions;                       /* 0: no activity that day */
    double sweat_l;                        /* NaN when no session gives it */
    double sweat_mg[KMGCA_NUTRIENT_COUNT]; /* estimated loss in sweat */
    double body_mass_kg;                   /* as logged, or the assumed one */
} kmgca_day;

/* A food's share of one mineral over the period. */
typedef struct {
    const char *name;            /* the food's description, or the text of an export */
    const kmgca_food *food;      /* NULL for export rows */
    double mg;
    double share;                /* of the period's total, 0..1 */
    size_t rows;
} kmgca_source;

typedef struct kmgca_analysis kmgca_analysis;

/* Starts an analysis: targets come from options->profile. NULL on a bad
 * profile or options (err says why). `foods` must outlive the analysis. */
kmgca_analysis *kmgca_analysis_new(kmgca_foods *foods, const kmgca_options *options,
                                   kmgca_error *err);
void kmgca_analysis_free(kmgca_analysis *a);

/* Reads one diary file, calling fn (may be NULL) for every row. Rows that
 * cannot be used as written are entries with a review reason, not errors;
 * a malformed file (bad CSV, bad encoding, no usable header) is an error
 * with file, line and column, and its rows are not counted. */
kmgca_status kmgca_analysis_read(kmgca_analysis *a, const char *path, kmgca_entry_fn fn,
                                 void *ud, kmgca_error *err);

/* Rows read = used + review, over all files read. */
size_t kmgca_analysis_rows_read(const kmgca_analysis *a);
size_t kmgca_analysis_rows_used(const kmgca_analysis *a);
size_t kmgca_analysis_rows_review(const kmgca_analysis *a);
/* Blank lines skipped (not rows). */
size_t kmgca_analysis_blank_lines(const kmgca_analysis *a);

/* Days in date order; day i (0 <= i < day_count) is returned by value, all
 * zero when i is out of range. */
size_t kmgca_analysis_day_count(const kmgca_analysis *a);
kmgca_day kmgca_analysis_day(const kmgca_analysis *a, size_t i);

/* The target each day is measured against. */
const kmgca_target *kmgca_analysis_target(const kmgca_analysis *a, kmgca_nutrient n);
const kmgca_options *kmgca_analysis_options(const kmgca_analysis *a);

/* The foods giving most of a mineral, largest first; returns how many. */
size_t kmgca_analysis_top(const kmgca_analysis *a, kmgca_nutrient n, kmgca_source *out,
                          size_t max);

/* What the reader had to say about the inputs ("diary.csv: read as a
 * MyFitnessPal Nutrition Summary: no magnesium, ..."), in order. */
size_t kmgca_analysis_note_count(const kmgca_analysis *a);
const char *kmgca_analysis_note(const kmgca_analysis *a, size_t i);

/* The files read, in order, and the format each was read as. */
size_t kmgca_analysis_file_count(const kmgca_analysis *a);
const char *kmgca_analysis_file(const kmgca_analysis *a, size_t i, kmgca_format *format,
                                size_t *rows);

/* ---- Medications, activity and flags ------------------------------------ */

/* Medication lists and activity logs are read into the same analysis; a
 * day's flags are worked out when asked for:
 *
 *     kmgca_analysis_read_meds(a, "meds.csv", &err);
 *     kmgca_analysis_read_activity(a, "activity.csv", &err);
 *     kmgca_flag f[16];
 *     size_t n = kmgca_analysis_day_flags(a, 0, f, 16);
 *     for (size_t k = 0; k < n && k < 16; k++)
 *         printf("%s: %s\n", kmgca_flag_kind_name(f[k].kind), f[k].message);
 */

/* At most this many medication lines and activity sessions in one
 * analysis; more is a KMGCA_ERROR_LIMIT error. */
#define KMGCA_MED_LIMIT 10000
#define KMGCA_SESSION_LIMIT 100000

/* One line of a medication list (CSV: drug, dose, start, end; only drug
 * is required). Without dates a drug is active over the whole period. */
typedef struct {
    const char *file;
    unsigned long line;
    const char *text;             /* the drug field as written */
    const char *dose;             /* "" when not given */
    const char *start_text, *end_text;
    long start_day, end_day;      /* days since 1970-01-01; LONG_MIN / LONG_MAX: open */
    kmgca_drug_match match;       /* part_count 0: not recognised, kept as written */
    kmgca_supplement supplement;  /* what it gives of Ca, Mg and K a day, when it
                                     is a supplement (supplement.recognised) */
    const char *review;           /* why the line deserves a look, or NULL */
} kmgca_med;

kmgca_status kmgca_analysis_read_meds(kmgca_analysis *a, const char *path, kmgca_error *err);
/* What a medication line is called for people: the matched drug's name, else
 * the supplement it was read as, else its text. Never NULL. */
const char *kmgca_med_name(const kmgca_med *m);
size_t kmgca_analysis_med_count(const kmgca_analysis *a);
const kmgca_med *kmgca_analysis_med(const kmgca_analysis *a, size_t i);

/* Sweat mineral concentrations (mg per litre of sweat) and the heavy
 * sweat-loss thresholds, with their sources: see lib/sweat.c. */
#define KMGCA_DEFAULT_BODY_MASS_KG 70.0
#define KMGCA_HEAVY_SWEAT_L 1.5
#define KMGCA_HEAVY_SWEAT_BODY_MASS_PCT 2.0
double kmgca_sweat_mg_per_l(kmgca_nutrient n);
const char *kmgca_sweat_source(kmgca_nutrient n);
const char *kmgca_sweat_model_source(void);  /* Gonzalez et al. 2009 */
const char *kmgca_heavy_sweat_source(void);  /* the 2 % body mass threshold */

/* One activity session (CSV: date, activity, minutes, and optionally
 * intensity (light/moderate/vigorous or a MET value), temperature_c,
 * humidity_pct, body_mass_kg, pre_kg, post_kg, fluid_l, urine_l; or a
 * Cronometer exercises export). */
typedef struct {
    const char *file;
    unsigned long line;
    long day;                     /* valid when date[0] */
    char date[11];
    const char *activity;
    double minutes, met, temperature_c, humidity_pct, body_mass_kg;
    double sweat_l;               /* NaN when it cannot be told */
    int measured;                 /* 1: body mass before and after; 0: predicted */
    double loss_mg[KMGCA_NUTRIENT_COUNT];
    char method[512];             /* how sweat_l was found, every assumption named */
    const char *review;           /* why the row deserves a look, or NULL */
} kmgca_session;

kmgca_status kmgca_analysis_read_activity(kmgca_analysis *a, const char *path,
                                          kmgca_error *err);
size_t kmgca_analysis_session_count(const kmgca_analysis *a);
const kmgca_session *kmgca_analysis_session(const kmgca_analysis *a, size_t i);

/* Sweat in litres over `minutes` predicted from the heat balance (Gonzalez
 * et al. 2009, J Appl Physiol 107:379; below 20 C their 2012 form): met
 * (MET), air temperature (C), relative humidity (%), body mass (kg), height
 * (m; 0 when unknown: body surface from the mass). NaN for bad input. */
double kmgca_sweat_predict_l(double minutes, double met, double temperature_c,
                             double humidity_pct, double body_mass_kg, double height_m);
/* MET for an intensity as written: a word ("light" 2.5, "moderate" 4.5,
 * "vigorous" 8; also low/medium/hard/high and 轻/中/高/剧烈, after the bands of
 * the Compendium of Physical Activities, Ainsworth et al. 2011) or a MET
 * number above 0 and at most 25. NaN when it is neither. */
double kmgca_intensity_met(const char *text);

typedef enum {
    KMGCA_FLAG_DIURETIC,
    KMGCA_FLAG_DRUG,
    KMGCA_FLAG_SWEAT,
    KMGCA_FLAG_SUPPLEMENT,    /* over an upper level, or potassium with a K-raising drug */
    KMGCA_FLAG_PATTERN        /* calcium met while magnesium is short */
} kmgca_flag_kind;
typedef enum { KMGCA_SEVERITY_LOW, KMGCA_SEVERITY_MODERATE, KMGCA_SEVERITY_HIGH } kmgca_severity;
/* "diuretic", "drug", "sweat", "supplement", "pattern" */
const char *kmgca_flag_kind_name(kmgca_flag_kind k);
const char *kmgca_severity_name(kmgca_severity s);     /* "low", "moderate", "high" */

/* Which way a flag points. A drug's flag carries the drug's effect on the
 * mineral (the same values as kmgca_effect); the other flags say what was
 * found. */
typedef enum {
    KMGCA_DIRECTION_NEUTRAL = KMGCA_EFFECT_NEUTRAL,
    KMGCA_DIRECTION_MINOR_DOWN = KMGCA_EFFECT_MINOR_DOWN,
    KMGCA_DIRECTION_DOWN = KMGCA_EFFECT_DOWN,     /* also: lost in sweat */
    KMGCA_DIRECTION_MINOR_UP = KMGCA_EFFECT_MINOR_UP,
    KMGCA_DIRECTION_UP = KMGCA_EFFECT_UP,
    KMGCA_DIRECTION_VARIABLE = KMGCA_EFFECT_VARIABLE,
    KMGCA_DIRECTION_LOW_INTAKE,           /* digoxin on a day low in K or Mg */
    KMGCA_DIRECTION_OVER_UL,              /* supplements over the upper level */
    KMGCA_DIRECTION_WITH_K_RAISING_DRUG,  /* potassium with a drug that raises it */
    KMGCA_DIRECTION_CA_MET_MG_LOW         /* the pattern: calcium met, magnesium low */
} kmgca_direction;
/* "neutral", "minor_down", "down", "minor_up", "up", "variable",
 * "low_intake", "over_ul", "with_k_raising_drug", "ca_met_mg_low". Static. */
const char *kmgca_direction_name(kmgca_direction d);

/* Something a day's intake should be read with. The wording is hedged, the
 * action is stated, the source is cited; kmgca never diagnoses. */
typedef struct {
    kmgca_flag_kind kind;
    kmgca_nutrient nutrient;
    const char *direction;        /* kmgca_direction_name(dir): the name */
    kmgca_severity severity;
    char message[640];
    kmgca_direction dir;          /* which way: a drug's effect, or what was found
                                     (here, not beside its name, so that the
                                     fields after it keep their places) */
    const char *action;
    const char *source;
    long med;                     /* index of the medication line, or -1 */
} kmgca_flag;

/* The flags of day i: fills at most max, returns how many there are. */
size_t kmgca_analysis_day_flags(const kmgca_analysis *a, size_t i, kmgca_flag *out,
                                size_t max);

/* ---- The workbook ------------------------------------------------------- */

/* An .xlsx report, written as the rows stream by (constant memory) into a
 * temporary file beside `path`, and renamed to `path` only when complete. */
typedef struct kmgca_workbook kmgca_workbook;

/* Notes ("how matched") on at most this many Diary cells; the How column
 * has every row. */
#define KMGCA_WORKBOOK_NOTE_LIMIT 10000

kmgca_workbook *kmgca_workbook_new(const char *path, kmgca_error *err);
/* The time printed on the About sheet and in the document properties
 * (default: now). */
void kmgca_workbook_set_time(kmgca_workbook *w, long long unix_time);
/* Rows are written on a second thread (the default of kmgca_workbook_new:
 * 2) or on the caller's (1), beside the reading and matching; the workbook
 * is the same byte for byte. Takes effect before the first row only. */
void kmgca_workbook_set_threads(kmgca_workbook *w, int threads);
/* Writes one row to Diary (and Needs review when it has a reason). With a
 * second thread the row is copied and written there; a failure there is
 * returned by a later call, or by kmgca_workbook_finish. */
kmgca_status kmgca_workbook_add(kmgca_workbook *w, const kmgca_entry *e, kmgca_error *err);
/* Writes Summary, Charts, Top sources and About, closes and renames the file,
 * and frees w (also on failure, when the temporary file is removed). */
kmgca_status kmgca_workbook_finish(kmgca_workbook *w, const kmgca_analysis *a,
                                   kmgca_error *err);
/* Drops an unfinished workbook and its temporary file. */
void kmgca_workbook_discard(kmgca_workbook *w);

/* ---- Client profiles and reports (kmgca report) ------------------------- */

/* One client's folder (profile.txt, diaries, medication list, day log) to
 * one workbook, then an index of the caseload:
 *
 *     kmgca_report_options opt = {.unix_time = -1};    (the workbooks show now)
 *     kmgca_client_result res;
 *     kmgca_report_client(foods, "clients/harold", "out/harold.xlsx", &opt, &res, &err);
 *     kmgca_report_index("out/index.xlsx", &res, 1, &opt, &err);
 */

/* A dietitian's caseload is a folder of client folders. Each client folder
 * holds a profile (profile.txt) and any of: diaries (diary*.csv), medication
 * lists (meds*.csv, medications*.csv), activity logs (activity*.csv) and a
 * day log of night cramps (daylog*.csv, cramps*.csv). The report of one
 * client is one workbook: a one-page client summary, the nights of the day
 * log, then the sheets of kmgca_workbook_finish. */

/* The language of a report's sheet names, headings, notes and flags. */
typedef enum {
    KMGCA_LANG_EN = 0,
    KMGCA_LANG_ZH
} kmgca_lang;

/* "en", "zh"; parsing accepts those, "english", "chinese", "中文", "英文"
 * (any case). KMGCA_ERROR_VALUE otherwise. */
const char *kmgca_lang_name(kmgca_lang lang);
kmgca_status kmgca_lang_parse(const char *text, kmgca_lang *out);

#define KMGCA_PROFILE_FILE "profile.txt"
#define KMGCA_PROFILE_MAX_BYTES 65536  /* a longer profile is refused */

/* A client profile as read from profile.txt: UTF-8 "key: value" lines, '#'
 * starts a comment, blank lines ignored; keys are read without regard to
 * case, and ' ', '_' and '-' in them are the same (kmgca(1) lists them). */
typedef struct {
    char name[128];               /* name: "" when not given */
    char id[64];                  /* id: "" when not given */
    kmgca_profile profile;        /* age, sex, pregnancy or lactation, reference */
    double body_mass_kg;          /* NaN when not given */
    double target_mg[KMGCA_NUTRIENT_COUNT]; /* the dietitian's targets; NaN: the
                                     reference's */
    kmgca_lang lang;              /* KMGCA_LANG_EN when not given */
    int lang_given;
    char notes[2048];             /* note lines, joined with newlines */
} kmgca_client_profile;

/* Parses a profile held in memory; `file` names it in errors. On a bad line
 * err holds file, line, column (1-based, in characters) and the reason:
 * unknown or repeated key, missing ':', a value out of range, text that is
 * not UTF-8. Age and sex are required. */
kmgca_status kmgca_client_profile_parse(const char *text, size_t len, const char *file,
                                        kmgca_client_profile *out, kmgca_error *err);
/* The same, from a file. */
kmgca_status kmgca_client_profile_read(const char *path, kmgca_client_profile *out,
                                       kmgca_error *err);

/* What one client's report came to: the row of the caseload index. */
typedef struct {
    char folder[256];             /* the client folder's own name */
    char name[192];               /* name, or ID, or the folder's name */
    char workbook[300];           /* file name of the workbook written; "" on failure */
    kmgca_status status;          /* KMGCA_OK, or why the client has no report */
    kmgca_error error;
    kmgca_lang lang;
    char first_date[11], last_date[11]; /* the period; "" when no dated row */
    size_t days, rows_read, rows_review;
    double average_mg[KMGCA_NUTRIENT_COUNT];   /* NaN when no day gives it */
    double average_pct[KMGCA_NUTRIENT_COUNT];  /* of target; NaN likewise */
    double target_mg[KMGCA_NUTRIENT_COUNT];
    size_t days_under_67[KMGCA_NUTRIENT_COUNT], days_under_100[KMGCA_NUTRIENT_COUNT];
    size_t diuretic_days, drug_days, sweat_days; /* days with such a flag */
    size_t nights_logged, cramp_nights;          /* from the day log */
    char pdf[300];                /* PDF file name, when the caller made one */
    char warning[512];            /* what was noticed but not fatal ("ignored: x.csv") */
} kmgca_client_result;

typedef struct {
    kmgca_lang lang;              /* used when lang_forced, or the profile names none */
    int lang_forced;              /* 1: lang overrides the profiles' languages */
    long long unix_time;          /* the time the workbooks show; < 0: now */
    const char *print_path;       /* not NULL: also write there a printable workbook
                                     (client summary and nights only), e.g. for PDF */
} kmgca_report_options;

/* Reads a client folder and writes its workbook to out_path (atomically, as
 * kmgca_workbook_new does). res is always filled: on failure res->status and
 * res->error say why (file:line:column for a bad profile or input file) and
 * nothing is left at out_path. `foods` may be shared by threads running
 * reports at the same time; libxlsxwriter 1.1.4 calls the non-reentrant
 * gmtime() when it closes a workbook, so such a program needs a thread-safe
 * gmtime (the kmgca command defines one: cli/cmd_report.c). */
kmgca_status kmgca_report_client(kmgca_foods *foods, const char *folder, const char *out_path,
                                 const kmgca_report_options *options,
                                 kmgca_client_result *res, kmgca_error *err);

/* Writes the caseload index: one row per client (failures too, with the
 * reason), linked to each client's workbook by its file name. */
kmgca_status kmgca_report_index(const char *out_path, const kmgca_client_result *results,
                                size_t count, const kmgca_report_options *options,
                                kmgca_error *err);

#ifdef __cplusplus
}
#endif

#endif /* KMGCA_H */
