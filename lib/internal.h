/* internal.h — what the core's modules share and the doors never see. Files
 * that read a file with a header also include table.h (the CSV and table
 * readers, the diary layouts). */
#ifndef KMGCA_INTERNAL_H
#define KMGCA_INTERNAL_H

#include "kmgca.h"
#include "number.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>

/* ---- Foods -------------------------------------------------------------- */

struct kmgca_food {
    const char *id;
    const char *source;       /* "SR28", "FNDDS", "TFDA", "recipe" or "custom" */
    const char *description;
    const char *group;
    const char *name_zh;      /* NULL when no Chinese name is known */
    double per_100g[KMGCA_NUTRIENT_COUNT]; /* NaN = not measured */
    const kmgca_portion *portions;
    unsigned portion_count;
    unsigned char kind;       /* index into kmgca_builtin_kinds (0: "other") */
    const char *keys;         /* the description's words as the matcher keys
                               * them (text_keys_pack), made at build time;
                               * NULL for custom foods: keyed when indexed */
    const struct kmgca_recipe_item *recipe; /* a dish: its ingredients, one serving */
    unsigned recipe_count;
    double cooked;            /* a dish's weight as served per gram of its
                               * ingredients (water lost in cooking); 0: 1 */
};

/* The attribution OGDL-Taiwan-1.0 asks for wherever the Taiwan FDA table's
 * data shows (foodtables/PROVENANCE.md). */
#define KMGCA_TFDA_ATTRIBUTION \
    "衛生福利部食品藥物管理署 (Taiwan Food and Drug Administration) 2025，食品營養成分資料庫 " \
    "2024 UPDATE2 (Taiwan Food Nutrient Database; open dataset 食品營養成分資料集, " \
    "data.gov.tw/dataset/8543). 此開放資料依政府資料開放授權條款 (Open Government Data " \
    "License) 進行公眾釋出，使用者於遵守本條款各項規定之前提下，得利用之。政府資料開放授權條款：" \
    "https://data.gov.tw/license (kmgca keeps four minerals per food and Simplified names.)"

/* A dish's minerals from its ingredients (recipe.c): add each ingredient's
 * grams and per-100 g values (NaN: not measured), then read per 100 g of the
 * dish (NaN when over a tenth of its weight has no value). */
typedef struct {
    double total, sum[KMGCA_NUTRIENT_COUNT], missing[KMGCA_NUTRIENT_COUNT];
    double cooked;            /* weight as served per gram of ingredients; 0: 1 */
} recipe_sum;
void recipe_sum_add(recipe_sum *r, double grams, const double per_100g[KMGCA_NUTRIENT_COUNT]);
double recipe_sum_per_100g(const recipe_sum *r, int n);
/* The dish's weight as served: its ingredients' times cooked. */
double recipe_sum_served(const recipe_sum *r);
/* A recipe's cooked column ("0.8"): 1 when it is a number from 0.3 to 1.5
 * (stir-frying loses water, a dough takes it up), *out set; blank is 1. */
int recipe_cooked_parse(const char *text, double *out);
/* The portion of a TFDA food bought with what is not eaten (a shell, a
 * stone, bones): the edible grams of a 斤 as bought, its refuse taken off
 * (portions.csv, written by tools/foodimport.c); read for 斤 and 两 only. */
#define MEASURE_AS_BOUGHT "斤 as bought"

/* One "measure=servings" of a recipe's portions ("盘=1", " 个 = 0.1 "),
 * cut in place: *measure trimmed, *servings. 1 when well formed: a
 * measure and a number above 0 and at most 1000. */
int recipe_portion_parse(char *pair, const char **measure, double *servings);

/* One ingredient of a recipe: grams of a food in one serving of the dish. */
struct kmgca_recipe_item {
    const struct kmgca_food *food;
    double grams;
    const char *name;         /* as the recipe names it (五花肉) */
};

/* An extra name for a food: English or Chinese. */
struct kmgca_alias {
    const char *text;
    const char *lang;         /* "en" or "zh" */
    uint32_t food;            /* index into the foods */
    const char *keys;         /* as for foods: English built-in aliases only */
    unsigned char rank;       /* ALIAS_RANK_*: which exact name wins */
};

/* Which exact Chinese name wins when several foods share it, the first
 * first: a recipe's own names (and custom foods'), names written by hand
 * (names_zh.csv, aliases_en.csv), a TFDA food's own name, the SR28 name
 * list, a TFDA 俗名 (common name). */
enum { ALIAS_RANK_RECIPE, ALIAS_RANK_HAND, ALIAS_RANK_NAME, ALIAS_RANK_LIST,
       ALIAS_RANK_COMMON, ALIAS_RANKS };

/* Generated from foodtables/ by tools/embedtables (build/gen/foodtables.c).
 * The built-in foods without pointers, so that the loader relocates nothing
 * at each start and only the foods a run uses are ever read: text is an
 * offset into kmgca_builtin_food_pool (0: "", or none for name_zh and keys),
 * portions and a recipe's ingredients are ranges of kmgca_builtin_portions
 * and kmgca_builtin_items. A food set makes the struct kmgca_food of one on
 * first use (foods_food). */
enum { BUILTIN_ID, BUILTIN_SOURCE, BUILTIN_DESCRIPTION, BUILTIN_GROUP, BUILTIN_NAME_ZH,
       BUILTIN_KEYS, BUILTIN_TEXTS };
struct kmgca_builtin_food {
    double per_100g[KMGCA_NUTRIENT_COUNT];
    double cooked;
    uint32_t text[BUILTIN_TEXTS];
    uint32_t first_portion, portion_count, first_item, item_count;
    unsigned char kind;
};
struct kmgca_builtin_portion {
    double amount, grams;
    uint32_t measure;
};
struct kmgca_builtin_item {
    double grams;
    uint32_t food, name;      /* food: its index in the built-in foods */
};
extern const struct kmgca_builtin_food kmgca_builtin_foods[];
extern const size_t kmgca_builtin_food_count;
extern const struct kmgca_builtin_portion kmgca_builtin_portions[];
extern const size_t kmgca_builtin_portion_count;
extern const struct kmgca_builtin_item kmgca_builtin_items[];
extern const size_t kmgca_builtin_item_count;
extern const char kmgca_builtin_food_pool[];
/* Indices of the built-in foods in the order of source, then id. */
extern const uint32_t kmgca_builtin_food_by_id[];
/* Where the built-in foods are made, in zeroed memory of the size of the
 * tables (untouched until used), shared by every food set: a built-in food
 * is the same pointer in all of them. kmgca_builtin_made_at[i] is NULL until
 * food i is made (foods.c). */
extern struct kmgca_food kmgca_builtin_made[];
extern const struct kmgca_food *kmgca_builtin_made_at[];
extern kmgca_portion kmgca_builtin_made_portions[];
extern struct kmgca_recipe_item kmgca_builtin_made_items[];
/* text_literal_hash of each built-in food's description, in table order. */
extern const uint64_t kmgca_builtin_food_lit[];
/* The built-in names, without pointers (nothing for the loader to relocate
 * at each start): text and keys are offsets into kmgca_builtin_alias_pool,
 * keys 0 when the name is not keyed (Chinese names). A food set reads them
 * through foods_alias_at; only building an index does. */
struct kmgca_builtin_alias {
    uint32_t text, keys, food;
    unsigned char zh;         /* 1: a Chinese name */
    unsigned char rank;       /* ALIAS_RANK_* */
};
extern const struct kmgca_builtin_alias kmgca_builtin_aliases[];
extern const size_t kmgca_builtin_alias_count;
extern const char kmgca_builtin_alias_pool[];

/* ---- Household measures (household.c, and measure_word_at in units.c; the
 * tables are foodtables/kinds.csv, measure_words.csv and containers.csv,
 * compiled in) ----------------------------------------------------------- */

/* A kind of food ("rice", "milk", "nuts"): what a bowl, a glass or a handful
 * of it holds depends on it. A rule gives a food its kind from its group and
 * the words of its description; the first rule that fits decides. Fields are
 * "|"-separated alternatives; an alternative of several words needs all. */
struct kmgca_kind_rule {
    unsigned char kind;       /* index into kmgca_builtin_kinds */
    const char *groups;       /* the food's group is one of these ("" any) */
    const char *head;         /* words of the description's first part */
    const char *words;        /* words anywhere in the description */
    const char *except;       /* none of these words anywhere ("" none) */
};
/* foodtables/words_en.csv: words people write for what the tables name
 * otherwise ("courgette" -> "zucchini"), or words that name no food ("lol",
 * "takeaway": means ""). written: word keys joined by ' ', sorted. */
struct kmgca_word_rewrite {
    const char *written, *means;
    int brand;                /* 1: a brand, for the food it sells ("silk": soy milk) */
};
extern const struct kmgca_word_rewrite kmgca_builtin_words[];
extern const size_t kmgca_builtin_word_count;
/* The row of words_en.csv for keyed words (one, or several joined by ' '),
 * or NULL (query.c). */
const struct kmgca_word_rewrite *word_rewrite_find(const char *written);
/* People's words to the tables' (words_en.csv), into out (query.c). */
void query_rewrite_words(const char *in, char *out, size_t size);
/* foodtables/words_zh.csv, the longest first: kind 'x' (chatter, dropped),
 * 'w' (rewritten to means), 'c' (says the food was cooked: 粥, 炒, 蒸 …). */
struct kmgca_zh_word {
    const char *written, *means;
    char kind;
};
extern const struct kmgca_zh_word kmgca_builtin_zh_words[];
extern const size_t kmgca_builtin_zh_word_count;
/* foodtables/pinyin.csv: the toneless Mandarin syllables, and by code point
 * (sorted) a character's readings, each a syllable's number plus one (0:
 * none), the usual reading first. */
struct kmgca_pinyin {
    long cp;
    unsigned short syl[3];
};
extern const char *const kmgca_builtin_syllables[];
extern const size_t kmgca_builtin_syllable_count;
extern const struct kmgca_pinyin kmgca_builtin_pinyin[];
extern const size_t kmgca_builtin_pinyin_count;
/* foodtables/english_words.csv: everyday English words in their key form,
 * sorted: never spelling-corrected into a food's word. */
extern const char *const kmgca_builtin_english[];
extern const size_t kmgca_builtin_english_count;
/* foodtables/as_eaten.csv: kind 'g' (a food group eaten cooked), 'h' (the
 * first words of a name eaten cooked), 'r' and 'c' (words that say raw or
 * cooked), 's' (other words that say how it was kept or made), 'w' (a food
 * group whose foods may be eaten raw: "raw" in a text may name them). */
struct kmgca_as_eaten {
    char kind;
    const char *name;
};
extern const struct kmgca_as_eaten kmgca_builtin_as_eaten[];
extern const size_t kmgca_builtin_as_eaten_count;
extern const char *const kmgca_builtin_kinds[];   /* [0] is "other" */
extern const size_t kmgca_builtin_kind_count;
extern const struct kmgca_kind_rule kmgca_builtin_kind_rules[];
extern const size_t kmgca_builtin_kind_rule_count;

/* A household word as people write it ("slice", "碗", "small"), the idea it
 * names (its concept) and the size it says. */
struct kmgca_measure_word {
    const char *word;         /* folded: lower case, one space between words */
    const char *concept;      /* "" for a size word alone */
    const char *size;         /* "", "small", "medium", "large", ... */
};
extern const struct kmgca_measure_word kmgca_builtin_measure_words[]; /* sorted */
extern const size_t kmgca_builtin_measure_word_count;

/* What a concept means for a kind of food: the food's own measures to try,
 * in order, then a default amount with its source. */
struct kmgca_container {
    const char *concept;      /* a concept, or a written word ("勺", "份") */
    unsigned char kind;       /* 0: any kind */
    const char *size;         /* "" any size */
    const char *measures;     /* "|"-separated; "@food", "@item", "@typical" */
    double amount;            /* NaN: no default */
    const char *unit;         /* "g" or "ml" */
    const char *source;
    const char *note;
};
extern const struct kmgca_container kmgca_builtin_containers[];
extern const size_t kmgca_builtin_container_count;

/* A name people write with portions of its own ("馒头": 个 = 100 g), for
 * foods whose tables weigh their pieces otherwise (a US roll, a US
 * dumpling). English names are folded word keys ("cherry tomato"). */
struct kmgca_name_portion {
    const char *name;
    const char *concept;      /* a concept, a written word, or "typical" */
    double amount;
    const char *unit;         /* "g" or "ml" */
    const char *source;
    const char *note;
};
extern const struct kmgca_name_portion kmgca_builtin_name_portions[]; /* by name */
extern const size_t kmgca_builtin_name_portion_count;
/* A built-in food and the name of the table whose sizes serve it when the
 * name written has none (葡挞 is weighed as 蛋挞: both name TFDA's 蛋塔(葡式)),
 * by food index (generated from names_zh.csv). */
struct kmgca_portion_name {
    int food;
    const char *name;
};
extern const struct kmgca_portion_name kmgca_builtin_portion_names[];
extern const size_t kmgca_builtin_portion_name_count;
/* The name whose sizes serve a food, or NULL. */
const char *portion_name_of(const kmgca_food *food);
/* The longest name of the table in food text, copied to out; 0 when none. */
int name_portion_find(const char *food_text, char *out, size_t size);
/* The row for a name and a concept (or written word), or NULL. */
const struct kmgca_name_portion *name_portion_row(const char *name, const char *word,
                                                  const char *concept);

/* The kind of a food from its description and group, by the rules given
 * (embedtables uses it before the tables exist). A NULL group (custom
 * foods) fits any rule that names words. Returns the rule's kind, or 0 when
 * no rule fits. */
unsigned char kind_from_rules(const struct kmgca_kind_rule *rules, size_t n,
                              const char *description, const char *group);
/* The kind named `name`, or -1. */
int kind_find(const char *name);
/* The household word at the start of folded text s (longest first): its
 * entry and, in *len, the bytes it spans; NULL when none. */
const struct kmgca_measure_word *measure_word_at(const char *s, size_t *len);
/* The container row for a written word or its concept and a food's kind,
 * the most specific one: (word, kind), (concept, kind), (word, any kind),
 * (concept, any kind), a row for the size before one for any size. With
 * need_amount, only rows that give a default amount. NULL when none. */
const struct kmgca_container *container_find(const char *word, const char *concept,
                                             unsigned char kind, const char *size,
                                             int need_amount);

/* ---- Servings (tokens.c, amount.c, serving.c and split.c read them, with
 * lib/serving.h between them; measures.c and weigh.c weigh them, with
 * lib/weigh.h; line.c does a diary line in one step) ------------------- */

/* A unit of mass or volume as written ("g", "fl oz", "斤"). */
typedef struct {
    const char *name;       /* as written, lower case (exact-case for "T", "t") */
    const char *canonical;
    kmgca_unit_kind kind;
    double factor;          /* grams or ml per unit */
} unit_def;
/* The unit written at s (longest name first, at a word end): bytes used, 0
 * when none (units.c, beside measure_word_at). */
size_t unit_at(const char *s, const unit_def **out);
/* A Chinese measure word left without 一 after a verb or 了 ("喝了碗粥"): the
 * line with 一 written in (split.c). 1 when written, 0 when none. */
int serving_zh_bare_measure(const char *text, char *out, size_t size);
/* Where a Chinese line of several foods, each with its serving, is cut
 * (split.c, for kmgca_line_parts): the byte offsets where its parts begin,
 * the first 0, at most max; how many (1: one food). */
int serving_line_parts(const char *text, size_t *starts, int max);
/* 1 when part, a part of a diary line after prev ("... cornflakes with
 * semi skimmed milk"), is milk with no amount written and prev a cereal:
 * the milk poured on it (line.c, for kmgca analyse). */
int line_milk_beside_cereal(kmgca_foods *foods, const char *prev, const char *part);
/* A cup size written with no count ("grande latte", "拿铁 中杯", "拿铁(大杯)"):
 * serving gets "1 " and the size, rest the text without it. 1 when found. */
int serving_cup_size(const char *text, char *serving, size_t serving_size, char *rest,
                     size_t rest_size);
/* "avocado half", "banana small", "lager schooner": a half, a quarter, a
 * size or a container (a measure word that is not a piece) ending the text,
 * with no count: serving gets "1/2", "1 small" or "1 schooner", rest the food
 * before it. 1 when found (the caller keeps it only if the food matches
 * better without the word: "half and half" is a cream, "egg roll" a roll). */
int serving_trailing_size(const char *text, char *serving, size_t serving_size, char *rest,
                          size_t rest_size);
/* A size before the last word of a plain name, "organic large eggs": rest
 * gets the name without it, serving the size word ("large"). 1 when found
 * (kept only if the food matches as well without the word). */
int serving_inner_size(const char *text, char *serving, size_t serving_size, char *rest,
                       size_t rest_size);
/* "1杯(大杯)", "2 cups (grande)": the size in brackets names the cup; the
 * serving rewritten in place as "1大杯", "2 grande". 1 when rewritten. */
int serving_cup_bracket(char *serving, size_t size);
/* An app's size in brackets after the food ("French Fries (Medium)", its
 * last bracket) with a serving of a count or "1 serving": the serving
 * rewritten in place as that many of the size ("1 medium"). 1 when
 * rewritten. food_text is the line's food text as written. */
int serving_size_bracket(const char *food_text, char *serving, size_t size);
/* "100g(干重)", "40 g dry", "150 g cooked weight", or "燕麦 干重": a weight
 * taken dry, raw or cooked makes the food that form; the food text gets
 * "(干)", "(生)", "(熟)" (Chinese) or ", dry", ", raw", ", cooked" unless it
 * says so already (a state word at its end is taken off first). 1 when the
 * food text was changed. */
int serving_weight_state(const char *serving, char *food, size_t food_size);
/* "ground beef 80/20": a whole-number ratio that sums to 100 is lean and
 * fat, not a fraction of a serving: out gets "ground beef 80% lean 20% fat".
 * 1 when rewritten. */
int text_lean_ratio(const char *text, char *out, size_t size);
/* "Eggs - Large boiled, 2 egg", "Avocado - Raw, 0.5 avocado" (app exports):
 * a count after a comma whose word names the food before it is a count of
 * that food: out gets the text without the word ("..., 2"). 1 when rewritten. */
int text_count_of_itself(const char *text, char *out, size_t size);
/* "Caffe Latte - 2% Milk", "Cappuccino, Nonfat Milk", "Latte Grande 2%
 * Milk, 16 oz" (coffee shops and app exports): the drink with that milk,
 * "Caffe Latte with 2% Milk", so the drink stays the food. 1 when
 * rewritten. */
int text_drink_milk(const char *text, char *out, size_t size);
/* "Cup of tea, milk, 2 sugars", "coffee with 1 sug.", "tea no sugar": a
 * drink's sugar or sweetener said after it, left out (a few grams of sugar
 * carry no calcium, magnesium or potassium to speak of): out gets the text
 * without it. 1 when rewritten. */
int text_drink_sugar(const char *text, char *out, size_t size);
/* "acorn squash w a little butter", "chips with a drizzle of vinegar": a
 * little fat, sauce or seasoning added to a food, left out (it carries
 * little calcium, magnesium or potassium; a splash of milk is not among
 * them): out gets the text without it. 1 when rewritten. */
int text_small_addition(const char *text, char *out, size_t size);
/* A food shared with others ("split a bottle of red with Jim", "pizza
 * (shared)", "between the three of us", "和老伴分着吃了一条鲈鱼"): rest gets
 * the text without the words of sharing ("had a bottle of red",
 * "吃了一条鲈鱼"), *people how many shared it (0: a group, "with the kids",
 * 全家). 1 when the text says so (share.c). */
int text_shared(const char *text, char *rest, size_t size, int *people);
/* The unit with that canonical name ("cup", "ml"), or NULL. */
const unit_def *unit_named(const char *canonical);

/* One row of targets/dri.csv. */
struct kmgca_dri {
    kmgca_reference reference;
    kmgca_nutrient nutrient;
    const char *life_stage;   /* infant, child, adolescent, adult, older_adult,
                                 pregnancy, lactation */
    char sex;                 /* 'm', 'f', or 'b' for both */
    double age_min, age_max;  /* years; age_max is exclusive, INFINITY = none */
    double target_mg;
    const char *kind;
    double ul_mg;             /* NaN = none */
    const char *ul_note;
    const char *source;
};
extern const struct kmgca_dri kmgca_builtin_dri[];
extern const size_t kmgca_builtin_dri_count;

/* ---- Drugs (generated from drugtables/ into build/gen/drugtables.c) ------ */

struct kmgca_drug {
    const char *name, *name_zh, *atc, *drug_class, *family;
    unsigned char effect[KMGCA_NUTRIENT_COUNT]; /* kmgca_effect */
    const char *effect_type, *priority, *components, *note, *source;
    int other;                /* listed only to be recognised: no mineral effect */
    const char *drug_class_zh; /* drugtables/drug_classes_zh.csv */
};
struct kmgca_drug_name {
    const char *name;
    const char *kind;         /* generic, zh, brand, abbreviation, regional, other */
    unsigned short drug[KMGCA_DRUG_MAX_PARTS];
    int count;
};
extern const struct kmgca_drug kmgca_builtin_drugs[];
extern const size_t kmgca_builtin_drug_count;
extern const struct kmgca_drug_name kmgca_builtin_drug_names[];
extern const size_t kmgca_builtin_drug_name_count;

/* The supplement products the diaries of an analysis named (analyse.c),
 * with the source of their label figure, for the About sheet. */
size_t analysis_product_count(const kmgca_analysis *a);
void analysis_product(const kmgca_analysis *a, size_t i, const char **name, const char **source);

/* ---- Supplements (supplement.c; drugtables/salts.csv and supplements.csv,
 * compiled in by tools/embedtables --drugs) -------------------------------- */

/* A salt a mineral is sold as, and how much of it is the element. */
struct kmgca_salt {
    const char *name;         /* "calcium carbonate" */
    unsigned char element;    /* kmgca_nutrient: KMGCA_CA, KMGCA_MG or KMGCA_K */
    const char *formula;      /* "CaCO3" */
    double fraction;          /* elemental mass fraction, 0..1 */
    const char *names;        /* ways to write it, squeezed, "|"-separated */
    const char *source;
    const char *review;       /* "": counted; else why a strength of it is not */
};
extern const struct kmgca_salt kmgca_builtin_salts[];
extern const size_t kmgca_builtin_salt_count;

/* How a product's label states its amount. */
enum { SUPP_ELEMENTAL, SUPP_SALT, SUPP_MEQ };

/* One mineral of one product (a brand, a generic, a multivitamin): a
 * product holding two minerals has two rows with the same name, one after
 * the other. */
struct kmgca_supp_product {
    const char *name;         /* as shown: "Caltrate 600+D3" */
    const char *aliases;      /* the name and its other spellings, squeezed, "|"-separated */
    unsigned char element;    /* kmgca_nutrient */
    double amount;            /* the label's figure (mg, or mEq); NaN: the line gives it */
    unsigned char basis;      /* SUPP_ELEMENTAL, SUPP_SALT or SUPP_MEQ */
    short salt;               /* index into kmgca_builtin_salts; -1 when none */
    double per_count;         /* the figure is for per_count of per_unit */
    const char *per_unit;     /* "tablet", "capsule", "ml", "sachet", "支", ... */
    const char *kind;         /* brand, generic, multivitamin, antacid, laxative, prescription */
    const char *source, *note;
};
extern const struct kmgca_supp_product kmgca_builtin_supp_products[];
extern const size_t kmgca_builtin_supp_product_count;
/* 0 when text names no salt, product or mineral: a diary line whose food
 * and amount both name none is no supplement (kmgca_supplement_read's
 * quick look, a text at a time, for diary_supp.c to remember). */
int supplement_may_name(const char *text);

/* A bump allocator: many small strings, freed at once. */
typedef struct arena_block arena_block;
typedef struct {
    arena_block *head;
} arena;
void *arena_alloc(arena *a, size_t size);
char *arena_strdup(arena *a, const char *s);
/* Moves every block of `from` into `into`; `from` is left empty. */
void arena_adopt(arena *into, arena *from);
void arena_free(arena *a);

/* Makes room for one more item in a growing array (*items holding count of
 * *cap): doubles the capacity, from `first`. 0 when out of memory. */
int grow_array(void **items, size_t *cap, size_t count, size_t size, size_t first);

struct match_index;   /* index.c; its layout in match.h */
struct match_memo;    /* match.c */

struct kmgca_foods {
    /* Foods: built-ins first, then custom ones (which win ties). Read them
     * with foods_food: a built-in food's slot stays NULL until first use. */
    const struct kmgca_food **foods;
    size_t count, cap;
    size_t builtin_aliases;           /* the built-in names the set holds (all,
                                       * or none: fuzz/ trims them), first in
                                       * foods_alias_at */
    struct kmgca_alias *aliases;      /* the other names: custom ones */
    size_t alias_count, alias_cap;
    arena strings;             /* custom foods' text and portions */
    pthread_mutex_t lock;      /* guards index and memo */
    struct match_index *index; /* built on first match, dropped on change */
    struct match_memo *memo;
    /* Drops index and memo; set by the matcher when it builds them, so that
     * the food set frees what the matcher made without calling into it. */
    void (*derived_free)(kmgca_foods *foods);
};

/* The food at index i (< count) of a food set. A built-in food is made
 * from the pointer-free table on first use, once in the process, whatever
 * the thread. */
const struct kmgca_food *foods_make(const kmgca_foods *f, size_t i);
static inline const struct kmgca_food *foods_food(const kmgca_foods *f, size_t i)
{
    const struct kmgca_food *food = __atomic_load_n(&f->foods[i], __ATOMIC_ACQUIRE);
    return food ? food : foods_make(f, i);
}
/* 1 when slot i holds built-in food i (fuzz/ keeps a few, moved down). */
int foods_is_builtin_at(const kmgca_foods *f, size_t i);

/* The names of a food set, built-in ones first, then custom ones. */
size_t foods_alias_count(const kmgca_foods *f);
struct kmgca_alias foods_alias_at(const kmgca_foods *f, size_t i);

/* Drops (frees) what the matcher built on a food set (its index and memo),
 * after the set changed or before it is freed: calls the set's
 * derived_free, which match.c sets when it builds them. */
static inline void foods_derived_free(kmgca_foods *foods)
{
    if (foods->derived_free)
        foods->derived_free(foods);
}

/* ---- Minerals (status.c, beside the public names) ----------------------- */

/* The orders the minerals are shown in; a view takes one of these (or the
 * enum's own, Ca, Mg, K, Na: the tables' columns) and writes none of its own.
 *   nutrient_order_kmg    K, Mg, Ca, Na: kmgca's name; the flags, the
 *                         Medications sheet, the medication summaries
 *   nutrient_order_page   Mg, K, Ca, Na: the client page, Top sources and
 *                         suggestions, magnesium (the most often short) first
 *   nutrient_order_sweat  K, Na, Ca, Mg: sweat losses, the largest first */
extern const kmgca_nutrient nutrient_order_kmg[KMGCA_NUTRIENT_COUNT];
extern const kmgca_nutrient nutrient_order_page[KMGCA_NUTRIENT_COUNT];
extern const kmgca_nutrient nutrient_order_sweat[KMGCA_NUTRIENT_COUNT];

/* ---- Errors ------------------------------------------------------------- */

/* Fills err (when not NULL) and returns status. printf-style message. */
kmgca_status kmgca_fail(kmgca_error *err, kmgca_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Same, with a place in a file. */
kmgca_status kmgca_fail_at(kmgca_error *err, kmgca_status status, const char *file,
                           unsigned long line, unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- Text --------------------------------------------------------------- */

/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no NUL). */
int utf8_valid(const char *s, size_t len);
/* Decodes one code point at s, sets *len to its byte length; -1 on bad input. */
long utf8_decode(const char *s, size_t *len);
/* Appends the UTF-8 form of cp to buf (at most 4 bytes); returns bytes written. */
size_t utf8_encode(unsigned long cp, char *buf);
/* 1 for code points in the CJK ideograph blocks. */
int is_cjk(unsigned long cp);
/* 1 when valid UTF-8 text holds a CJK ideograph. */
int text_has_cjk(const char *s);

/* Folds text for matching: lower case, full-width forms to ASCII, accents
 * dropped, punctuation to spaces (CJK kept). Writes at most out_size bytes
 * (NUL-terminated) and returns the folded length. */
size_t text_fold(const char *in, char *out, size_t out_size);
/* A hash of a text as written, up to case, accents, spacing and punctuation
 * (0 for a text with no letters or digits): a food's description pasted as
 * it is finds that food. */
uint64_t text_literal_hash(const char *text);
/* The same of a text already folded (text_fold into 1024 bytes). */
uint64_t text_literal_hash_folded(const char *folded);
/* A phrase as keys: folded words, each text_word_key'd, joined by one space
 * ("Semi-Skimmed" -> "semi skim"). Returns its length; 0 (and "") when it
 * has no word, a word too long for a key, or does not fit in size. */
size_t text_phrase_key(const char *text, char *out, size_t size);

/* Splits folded text into word keys for matching: singular form, salt
 * phrases normalised, stop words dropped, synonyms mapped. Writes up to
 * max keys into `words` (each at most 31 bytes + NUL); returns the count.
 * `in_parens`, when not NULL, receives flags per word: TEXT_IN_PARENS for
 * words inside (...), TEXT_IN_NUMBERED for words of a comma-separated part
 * that holds a number ("12 grams protein per 8 ounce"). */
#define TEXT_IN_PARENS 1
#define TEXT_IN_NUMBERED 2
#define TEXT_WORD_MAX 32
/* A length or width of one item, as a serving's unit: 6" (serving.c writes
 * it from "6 inch", "footlong"; measures.c finds the measure of that size). */
#define LENGTH_UNIT "%g\""
size_t text_words(const char *text, char words[][TEXT_WORD_MAX], unsigned char *in_parens,
                  size_t max);

/* The words of a food's name as the matcher indexes them: folded, keyed,
 * at most TEXT_DOC_WORDS, with their TEXT_IN_* flags. tools/embedtables
 * keeps them for every built-in name, packed ("0bread 0raisin 1tsp": a flag
 * digit, then the word, one space between), so that the index is built
 * without reading the names again. Pack returns the packed length (0 when
 * out is too small), unpack the word count. */
#define TEXT_DOC_WORDS 48
size_t text_doc_words(const char *name, char words[][TEXT_WORD_MAX], unsigned char *flags);
size_t text_keys_pack(char words[][TEXT_WORD_MAX], const unsigned char *flags, size_t n,
                      char *out, size_t size);
size_t text_keys_unpack(const char *keys, char words[][TEXT_WORD_MAX], unsigned char *flags,
                        size_t max);

/* A name squeezed for finding it inside other text whatever its spacing
 * and marks: lower-case letters and digits, '%' and the letters of other
 * scripts (CJK, kana, hangul) only, traditional characters simplified;
 * punctuation and symbols dropped
 * ("Mag-Ox 400" and "MagOx400" are both "magox400"; "钙尔奇 D600" is
 * "钙尔奇d600"). map, when not NULL, receives for each output byte the
 * offset of its character in `in` (in must be shorter than 65536 bytes).
 * Returns the squeezed length. */
size_t text_squeeze(const char *in, char *out, size_t size, unsigned short *map);
/* The simplified form of a traditional Chinese character that supplement
 * and medicine lines use (鈣 -> 钙, 錠 -> 片); other code points unchanged.
 * text_squeeze applies it. */
long text_zh_simplified(long cp);
/* The Simplified form of a Traditional character the food names write both
 * ways (雞 鸡, 樂 乐: derived from names_zh.csv by embedtables), else cp;
 * text_fold reads Chinese through it. */
long text_zh_traditional(long cp);
/* The second of the pair whose first is cp in pairs (sorted by the first),
 * else cp. */
long text_pair_lookup(const long pairs[][2], size_t count, long cp);
/* Where needle first stands in text, ASCII letters compared without case
 * (NULL: nowhere); 1 when it stands there at all. */
const char *text_find_ci(const char *text, const char *needle);
int text_holds_ci(const char *text, const char *needle);
/* The next word of Latin letters (and apostrophes) at or after p, its
 * length in *n; NULL when there is none. */
const char *text_next_latin_word(const char *p, size_t *n);
/* The value of an English number word of n bytes at w ("two", "a",
 * "dozen", "half"), or NAN (amount.c). */
double number_word_value(const char *w, size_t n);

/* 1 when the stop-word and synonym tables are sorted (binary search) and
 * no stop word is longer than five letters (is_stop relies on it). */
int text_lists_sorted(void);

/* Edit distance with adjacent swaps (optimal string alignment), giving up
 * past `limit` (returns limit + 1); words longer than TEXT_WORD_MAX count as
 * past it. */
int text_edit_distance(const char *a, const char *b, int limit);
/* Trims spaces and tabs at both ends, in place; returns the start. */
char *text_trim(char *s);

/* One word to its matching key ("berries" -> "berry"); in place. */
void text_word_key(char *word);
/* 1 when text reads as the name of a food kmgca does not know: two to four
 * words, each a word of the foods' names or of no everyday English, one at
 * least of no English (match.c). */
int match_unknown_name(kmgca_foods *foods, const char *text);

/* Parses a decimal in the C locale from s; accepts "1.5", "1,5", ".5".
 * Returns the number of bytes used (0 when none). */
size_t parse_decimal(const char *s, double *out);

/* FNV-1a over s from h, then a 0xff byte no UTF-8 text holds (so "ab"+"c"
 * and "a"+"bc" differ): keys of in-memory tables, never written out. */
#define TEXT_HASH_START 1469598103934665603ull
uint64_t text_hash_more(uint64_t h, const char *s);
/* A quicker hash of n bytes, eight at a time, for the slots of memos that
 * keep their texts (or a 64-bit hash as the text): never for a table
 * whose order anything is written or summed in. */
uint64_t text_hash_quick(const char *s, size_t n);

/* Copies at most size-1 bytes and NUL-terminates, never splitting a UTF-8
 * sequence. */
void copy_text(char *dst, size_t size, const char *src);
/* Appends formatted text to buf, cut between characters to fit. */
void vappendf(char *buf, size_t size, const char *fmt, va_list ap);
void appendf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Drops a UTF-8 sequence cut short at the end of s (after snprintf cut it). */
void utf8_trim_end(char *s);
/* Keeps only the whole, valid characters of s, in place (status.c): for
 * messages that quote text "%.40s" may have cut inside a character. */
void utf8_keep_valid(char *s);

/* ---- Supplements a diary names (diary_supp.c), kept by the analysis ----- */

typedef struct diary_supps diary_supps;
diary_supps *diary_supps_new(void);
void diary_supps_free(diary_supps *d);
/* 1 when a diary row's food and amount name a supplement (read into *sp as
 * an intake); texts that name none are remembered, so a repeated food is
 * not read again. */
int diary_supps_read(diary_supps *d, const char *food, const char *serving,
                     kmgca_supplement *sp);
/* Keeps a counted product with its source (static), each name once. */
void diary_supps_keep_product(diary_supps *d, const char *name, const char *source);
size_t diary_supps_product_count(const diary_supps *d);
void diary_supps_product(const diary_supps *d, size_t i, const char **name, const char **source);

/* ---- Top sources (top.c), kept by the analysis --------------------------- */

typedef struct top_table top_table;
top_table *top_new(void);
void top_free(top_table *t);
/* Adds what a used row gave (NaN: no value) to its food's sums. */
void top_add(top_table *t, const char *name, const kmgca_food *food,
             const double mg[KMGCA_NUTRIENT_COUNT]);
/* kmgca_analysis_top for a valid nutrient and max > 0. */
size_t top_list(const top_table *t, kmgca_nutrient n, kmgca_source *out, size_t max);

/* ---- Medication lists (meds.c) and activity logs (activity.c) ---------- */

/* Objects of their own, held by the analysis and created, read and freed
 * through these functions only; neither calls back into the analysis: what
 * they need of it (encoding, date order, body mass) comes as arguments. */
typedef struct care_meds care_meds;
care_meds *meds_new(void);
void meds_free(care_meds *c);
/* Adds the lines of a medication list; a broken file adds nothing. */
kmgca_status meds_read(care_meds *c, const char *path, const char *encoding,
                       kmgca_date_order order, kmgca_error *err);
size_t meds_count(const care_meds *c);
const kmgca_med *meds_at(const care_meds *c, size_t i);   /* NULL past the end */
/* The lines that count a supplement: i-th such line's index. */
size_t meds_supplement_count(const care_meds *c);
size_t meds_supplement_line(const care_meds *c, size_t i);
/* 1 when the line is taken on `day`. */
int med_active(const kmgca_med *m, long day);
/* Adds to a day's supplement_mg the supplements of the lines taken that day. */
void meds_fill_day(const care_meds *c, kmgca_day *d);

typedef struct care_activity care_activity;
care_activity *activity_new(void);
void activity_free(care_activity *c);
/* Adds the sessions of an activity log (body_mass_kg: the option's, 0 when
 * not given); a broken file adds nothing. */
kmgca_status activity_read(care_activity *c, const char *path, const char *encoding,
                           kmgca_date_order order, double body_mass_kg, kmgca_error *err);
size_t activity_session_count(const care_activity *c);
const kmgca_session *activity_session(const care_activity *c, size_t i);
/* The days with a dated session, in order: days the analysis must have. */
size_t activity_day_count(const care_activity *c);
int32_t activity_day(const care_activity *c, size_t i);
/* Fills the sweat fields of a day from the sessions read so far. */
void activity_fill_day(const care_activity *c, kmgca_day *d);

/* ---- Dates (date.c) ----------------------------------------------------- */

/* Date orders are kmgca.h's kmgca_date_order, here too: KMGCA_DATE_ORDER_AUTO
 * is "not known" (the option not given, or a text that proves no order). */
typedef enum { DATE_OK = 0, DATE_INVALID, DATE_AMBIGUOUS } date_result;

/* Parses a date as people and spreadsheets write it (forms in date.c) into
 * days since 1970-01-01. `order` settles 03/04/2026; `implied` (may be NULL)
 * receives the order the text itself proves ("25/03/2026": day first). On
 * failure `why` (may be NULL) says why. */
date_result date_parse(const char *text, kmgca_date_order order, int32_t *day,
                       kmgca_date_order *implied, char *why, size_t why_size);
/* date_parse for a medication or activity line: 0 on success, else -1 and
 * the reason in why ("not a date" when date_parse gives none). */
int date_read(const char *text, kmgca_date_order order, int32_t *day, char *why,
              size_t size);
/* "2026-11-24" for a day number. */
void date_format(int32_t day, char out[11]);
void date_civil(int32_t day, int *y, int *m, int *d);

/* analyse.c, for analyse_care.c and the report: the medication list and
 * activity log an analysis holds, the order dates beside the diaries are
 * read in (--date-order, else the one the diaries proved), and a day made to
 * exist (0: no memory). */
care_meds *analysis_meds(const kmgca_analysis *a);
care_activity *analysis_activity(const kmgca_analysis *a);
kmgca_date_order analysis_date_order(const kmgca_analysis *a);
int analysis_touch_day(kmgca_analysis *a, int32_t day);
/* analyse.c, for report.c: replaces a nutrient's target (kind and source
 * are static strings). */
void analysis_set_target(kmgca_analysis *a, kmgca_nutrient n, double target_mg,
                         const char *kind, const char *source);

/* ---- Reports (report.c, profile.c, lang.c) and the workbook they extend -- */

/* Text the library composed in English (how a serving was weighed, how a
 * medication line was read, how sweat was found, a line's review) with
 * kmgca's own fixed phrases in Chinese, in out; names, numbers, table notes
 * and citations are kept. Returns out (cut on a character boundary). */
const char *lang_zh_text(const char *en, char *out, size_t size);

/* drugs.c: a medication line's drug for a report in `lang`: its name (in
 * Chinese when every part has a Chinese name, the parts joined by "+") and
 * its class (drugtables/drug_classes_zh.csv). */
void drug_match_label(const kmgca_drug_match *m, kmgca_lang lang, char *out, size_t size);
void drug_match_class(const kmgca_drug_match *m, kmgca_lang lang, char *out, size_t size);

/* flags.c: the flag rules, given what they read. */
#define FLAGS_MG_TOP 12       /* top magnesium sources the cramps pattern looks at */
typedef struct {
    const kmgca_day *day;         /* with its totals, percents and sweat */
    const care_meds *meds;
    const kmgca_target *targets;  /* KMGCA_NUTRIENT_COUNT of them */
    const kmgca_source *mg_top;   /* the diary's top Mg sources, when */
    size_t mg_top_count;          /* flags_want_mg_top(day); else none */
} flag_inputs;
/* 1 when the day's flags name the diary's magnesium-rich foods (the caller
 * then fills mg_top), so the sources are not sorted for every day. */
int flags_want_mg_top(const kmgca_day *d);
/* The day's flags, up to max written to out, in `lang` (sources stay as
 * cited); returns how many there are. */
size_t flags_for_day(const flag_inputs *in, kmgca_flag *out, size_t max, kmgca_lang lang);
/* analyse_care.c: kmgca_analysis_day_flags with the messages and actions in
 * `lang`. */
size_t analysis_day_flags(const kmgca_analysis *a, size_t i, kmgca_flag *out, size_t max,
                          kmgca_lang lang);

struct lxw_worksheet;
struct sheet_book;
#define WORKBOOK_FRONT_MAX 4
/* kmgca_workbook_new with the fixed text in `lang`, and up to
 * WORKBOOK_FRONT_MAX empty sheets named `front` placed before Summary (the
 * caller fills them, in row order: the workbook is in constant-memory mode). */
kmgca_workbook *workbook_open(const char *path, kmgca_lang lang, const char *const *front,
                              size_t front_count, kmgca_error *err);
/* The workbook's sheet layer (sheet.h: its book, language and text
 * buffer), for writing the front sheets. Diary rows go through it on a
 * thread of their own only when kmgca_workbook_set_threads asks (report.c
 * does not). */
struct sheet_book *workbook_book(kmgca_workbook *w);
struct lxw_worksheet *workbook_front_sheet(kmgca_workbook *w, size_t i);
/* Page header and footer (libxlsxwriter's &-codes) for every sheet, set by
 * kmgca_workbook_finish; "" keeps each sheet's own. */
void workbook_set_page_text(kmgca_workbook *w, const char *header, const char *footer);

/* suggest.c: suggestion i of the built-in list, weighed from the tables:
 * its mineral, food, grams and mg of that mineral. 1 when it weighs, 0 when
 * the tables cannot weigh it, -1 past the end of the list. */
int report_suggestion(kmgca_foods *foods, size_t i, kmgca_nutrient *n, const kmgca_food **food,
                      double *grams, double *mg);

/* ---- The built-in match index ------------------------------------------ */

/* The match index of the built-in tables, worked out at build time:
 * tools/indexgen builds it as a first match would and writes it as C
 * (match_index_write_c, build/gen/foodindex.c; lib/noindex.c, with
 * present = 0, links into indexgen itself). A food set holding only the
 * built-in tables borrows these arrays instead of building its own; one
 * with custom foods or recipes builds at its first match. */
struct match_posting {
    uint32_t doc;
    float weight;
};
struct match_prebuilt {
    int present;
    size_t food_count, alias_count;   /* the tables it was built from */
    size_t doc_count, word_count, slot_mask, sig_mask, lit_mask, zh_count;
    const char (*words)[TEXT_WORD_MAX];
    const uint32_t *word_df;
    const unsigned char *word_kind;
    const float *word_demote;
    const uint32_t *slots;
    const float *idf;
    const uint32_t *post_start;
    const struct match_posting *posts;
    const uint32_t *doc_food;
    const float *doc_total, *doc_pref;
    const uint32_t *doc_head;
    const uint64_t *doc_signature;
    const uint32_t *sig_slots, *lit_slots;
    const uint64_t *lit_hash;
    const unsigned char *eaten;
    const char *zh_pool;              /* the Chinese keys, each ended by NUL */
    const uint32_t *zh_key_at;        /* key i starts at zh_pool + zh_key_at[i] */
    const uint32_t *zh_food;
    const float *zh_score;
    const uint32_t *zh_sorted;
};
extern const struct match_prebuilt kmgca_builtin_index;
/* Builds the built-in tables' index at run time and writes it as C. 0 when
 * written; -1 out of memory or a write error. */
int match_index_write_c(kmgca_foods *foods, FILE *out);
/* 0 when kmgca_builtin_index equals an index built now from the tables;
 * else -1 with the first difference in why. */
int match_index_check_prebuilt(kmgca_foods *foods, char *why, size_t why_size);

#endif
