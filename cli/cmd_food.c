/* cmd_food.c — `kmgca food`: one food, one serving, its minerals. */
#include "cli.h"

#include <ctype.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char food_usage[] =
    "Usage: kmgca food [OPTIONS] FOOD [SERVING]\n"
    "       kmgca food --search TEXT\n"
    "\n"
    "Matches FOOD (English or Chinese free text, e.g. \"spinach, boiled\", \"菠菜\")\n"
    "to a food of the tables (USDA, Taiwan FDA, recipes) and prints calcium,\n"
    "magnesium, potassium and sodium in SERVING.\n"
    "SERVING is free text in English or Chinese: \"30 g\", \"1 ounce\", \"1½ cups\",\n"
    "\"1 medium\", \"a glass\", \"一碗\", \"两个\", \"半斤\". It may also stand in FOOD,\n"
    "before or after the food: \"2 slices wholemeal toast\", \"muesli 40g\", \"米饭一碗\".\n"
    "With no amount at all the food gets one typical serving, and says so.\n"
    "\n"
    "Options:\n"
    "  --json             print one JSON object instead of text\n"
    "  --search TEXT      list the foods TEXT could mean, best first\n"
    "  --limit N          how many foods --search lists (default 10, at most 50)\n"
    "  --foods FILE       add custom foods from a CSV (name, aliases, ca_mg, mg_mg,\n"
    "                     k_mg, na_mg per 100 g, portions \"1 cup=240; 1 scoop=30\",\n"
    "                     kind such as rice or milk)\n"
    "  --recipes FILE     add recipes from a CSV, one row per ingredient: recipe,\n"
    "                     ingredient, source, id (a food of the tables or --foods),\n"
    "                     grams in one serving, and on a recipe's first row its\n"
    "                     portions \"盘=1|份=1|个=0.1\" (servings in one of each),\n"
    "                     other names and cooked (weight as served per gram of\n"
    "                     ingredients, blank 1); the dish's minerals are its\n"
    "                     ingredients' summed\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 found; 1 no food matched or the serving cannot be weighed for\n"
    "that food; 2 bad arguments; 3 malformed --foods or --recipes file; 4 unreadable\n"
    "file.\n";

static const kmgca_nutrient order[KMGCA_NUTRIENT_COUNT] = {KMGCA_CA, KMGCA_MG, KMGCA_K,
                                                           KMGCA_NA};
static const char *const json_keys[KMGCA_NUTRIENT_COUNT] = {"ca_mg", "mg_mg", "k_mg",
                                                            "na_mg"};

static int do_search(kmgca_foods *foods, const char *text, long limit, int as_json)
{
    const kmgca_food *found[50];
    double conf[50];
    size_t n = kmgca_foods_search(foods, text, found, conf, (size_t)limit);
    if (as_json) {
        json j = {.out = stdout, .pretty = 1};
        json_begin_object(&j, NULL);
        json_string(&j, "query", text);
        json_begin_array(&j, "candidates");
        for (size_t i = 0; i < n; i++) {
            json_begin_object(&j, NULL);
            json_string(&j, "description", kmgca_food_description(found[i]));
            json_string(&j, "source", kmgca_food_source(found[i]));
            json_string(&j, "id", kmgca_food_id(found[i]));
            json_number(&j, "confidence", round(conf[i] * 1000) / 1000);
            json_end_object(&j);
        }
        json_end_array(&j);
        json_end_object(&j);
    } else {
        for (size_t i = 0; i < n; i++)
            printf("%.2f  %-5s %-8s %s\n", conf[i], kmgca_food_source(found[i]),
                   kmgca_food_id(found[i]), kmgca_food_description(found[i]));
        if (!n)
            fprintf(stderr, "kmgca: no food matches \"%s\"\n", text);
    }
    return n ? EXIT_OK : EXIT_NOT_FOUND;
}

static void print_text(const kmgca_weighing *w, const char *unit_error)
{
    char buf[32];
    const kmgca_match *m = &w->match;
    printf("%s%s%s\n", w->food_text, w->serving_text[0] ? " — " : "", w->serving_text);
    printf("  %s\n", kmgca_food_description(m->food));
    if (strcmp(kmgca_food_source(m->food), "recipe") == 0)
        printf("  recipe of kmgca's tables (foodtables/recipes_*.csv)");
    else if (strcmp(kmgca_food_source(m->food), "custom") == 0)
        printf(kmgca_food_ingredient_count(m->food) ? "  custom recipe (--recipes)"
                                                    : "  custom food (--foods)");
    else
        printf("  %s %s · %s", kmgca_food_source(m->food), kmgca_food_id(m->food),
               kmgca_food_group(m->food));
    if (kmgca_food_name_zh(m->food) &&
        strcmp(kmgca_food_name_zh(m->food), kmgca_food_description(m->food)) != 0)
        printf(" · %s", kmgca_food_name_zh(m->food));
    printf("\n  match: %s, confidence %.2f%s\n", kmgca_match_method_name(m->method),
           m->confidence, m->confidence < KMGCA_LOW_CONFIDENCE ? " (low: check the food)" : "");
    size_t ni = kmgca_food_ingredient_count(m->food);
    if (ni) {
        printf("  recipe, one serving (the dish's minerals are its ingredients' summed; "
               "cooking losses are not modelled):\n");
        double total = 0;
        for (size_t i = 0; i < ni; i++) {
            const kmgca_food *as;
            double g;
            const char *name = kmgca_food_ingredient(m->food, i, &as, &g);
            printf("    %7.1f g  %s  (%s %s %s)\n", g, name, kmgca_food_source(as),
                   kmgca_food_id(as), kmgca_food_description(as));
            total += g;
        }
        double cooked = kmgca_food_cooked_yield(m->food);
        if (cooked != 1)
            printf("  as served: about %.0f g (%.0f %% of the ingredients' weight: water %s in "
                   "cooking, no minerals with it)\n",
                   total * cooked, 100 * cooked, cooked < 1 ? "lost" : "taken up");
    }
    if (kmgca_food_attribution(m->food))
        printf("  source: %s\n", kmgca_food_attribution(m->food));
    if (unit_error) {
        /* The reason goes to stderr once, from the caller. */
        printf("  serving: not weighed (see the message on stderr)\n");
    } else {
        printf("  serving%s: %s\n\n", w->serving_assumed ? " (assumed)" : "", w->how);
        printf("  %-4s %10s %12s\n", "", "per 100 g", "in serving");
        for (int i = 0; i < KMGCA_NUTRIENT_COUNT; i++) {
            char a[32];
            double per = kmgca_food_per_100g(m->food, order[i]);
            if (isnan(per))
                printf("  %-4s %10s %12s\n", kmgca_nutrient_symbol(i), "n/a", "not measured");
            else
                printf("  %-4s %7s mg %9s mg\n", kmgca_nutrient_symbol(i), fmt_mg(a, sizeof a, per),
                       fmt_mg(buf, sizeof buf, kmgca_food_mg(m->food, order[i], w->grams)));
        }
    }
    if (m->candidate_count) {
        printf("\n  other candidates:\n");
        for (size_t i = 0; i < m->candidate_count; i++)
            printf("    %.2f  %s %s  %s\n", m->candidate_confidence[i],
                   kmgca_food_source(m->candidates[i]), kmgca_food_id(m->candidates[i]),
                   kmgca_food_description(m->candidates[i]));
    }
}

static void print_json(const kmgca_weighing *w, const char *error)
{
    json j = {.out = stdout, .pretty = 1};
    const kmgca_match *m = &w->match;
    json_begin_object(&j, NULL);
    json_string(&j, "query", w->food_text);
    json_string(&j, "serving", w->serving_text[0] ? w->serving_text : NULL);
    json_bool(&j, "serving_assumed", w->serving_assumed);
    json_string(&j, "description", m->food ? kmgca_food_description(m->food) : NULL);
    json_string(&j, "source", m->food ? kmgca_food_source(m->food) : NULL);
    json_string(&j, "id", m->food ? kmgca_food_id(m->food) : NULL);
    json_string(&j, "group", m->food ? kmgca_food_group(m->food) : NULL);
    json_string(&j, "kind", m->food ? kmgca_food_kind(m->food) : NULL);
    json_string(&j, "name_zh", m->food ? kmgca_food_name_zh(m->food) : NULL);
    json_string(&j, "attribution", m->food ? kmgca_food_attribution(m->food) : NULL);
    if (m->food && kmgca_food_ingredient_count(m->food)) {
        json_begin_array(&j, "ingredients");
        for (size_t i = 0; i < kmgca_food_ingredient_count(m->food); i++) {
            const kmgca_food *as;
            double g;
            const char *name = kmgca_food_ingredient(m->food, i, &as, &g);
            json_begin_object(&j, NULL);
            json_string(&j, "name", name);
            json_number(&j, "grams", g);
            json_string(&j, "source", kmgca_food_source(as));
            json_string(&j, "id", kmgca_food_id(as));
            json_string(&j, "description", kmgca_food_description(as));
            json_end_object(&j);
        }
        json_end_array(&j);
        json_number(&j, "cooked", kmgca_food_cooked_yield(m->food));
    }
    json_number(&j, "confidence", m->food ? round(m->confidence * 1000) / 1000 : 0);
    json_string(&j, "method", kmgca_match_method_name(m->method));
    json_number(&j, "grams", w->grams);
    json_string(&j, "how", w->how[0] ? w->how : NULL);
    for (int i = 0; i < KMGCA_NUTRIENT_COUNT; i++)
        json_number(&j, json_keys[i], m->food ? kmgca_food_mg(m->food, order[i], w->grams) : NAN);
    json_begin_object(&j, "per_100g");
    for (int i = 0; i < KMGCA_NUTRIENT_COUNT; i++)
        json_number(&j, json_keys[i], m->food ? kmgca_food_per_100g(m->food, order[i]) : NAN);
    json_end_object(&j);
    json_begin_array(&j, "candidates");
    for (size_t i = 0; i < m->candidate_count; i++) {
        json_begin_object(&j, NULL);
        json_string(&j, "description", kmgca_food_description(m->candidates[i]));
        json_string(&j, "source", kmgca_food_source(m->candidates[i]));
        json_string(&j, "id", kmgca_food_id(m->candidates[i]));
        json_number(&j, "confidence", round(m->candidate_confidence[i] * 1000) / 1000);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_string(&j, "error", error);
    json_end_object(&j);
}

int cmd_food(int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'},       {"search", required_argument, NULL, 's'},
        {"limit", required_argument, NULL, 'n'}, {"foods", required_argument, NULL, 'f'},
        {"recipes", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0},
    };
    int as_json = 0;
    const char *search = NULL, *custom = NULL, *recipes = NULL;
    long limit = 10;
    int c;
    /* "-30 g" is a negative amount, not an option: say so plainly. */
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-' && (isdigit((unsigned char)argv[i][1]) || argv[i][1] == '.')) {
            fprintf(stderr, "kmgca: \"%s\": the amount is negative\n", argv[i]);
            return EXIT_USAGE;
        }
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'j': as_json = 1; break;
        case 's': search = optarg; break;
        case 'f': custom = optarg; break;
        case 'r': recipes = optarg; break;
        case 'n': {
            char *end;
            limit = strtol(optarg, &end, 10);
            if (*end || limit < 1 || limit > 50) {
                fprintf(stderr, "kmgca: --limit takes a whole number from 1 to 50\n");
                return EXIT_USAGE;
            }
            break;
        }
        case 'h': fputs(food_usage, stdout); return EXIT_OK;
        default:
            fprintf(stderr, "kmgca: food: unknown or incomplete option \"%s\" (try kmgca food "
                            "--help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    int npos = argc - optind;
    if (!search && npos < 1) {
        fputs(food_usage, stderr);
        return EXIT_USAGE;
    }
    kmgca_error err;
    kmgca_error_clear(&err);
    int rc;
    kmgca_foods *foods = open_foods(custom, recipes, &rc);
    if (!foods)
        return rc;
    if (search) {
        rc = do_search(foods, search, limit, as_json);
        kmgca_foods_free(foods);
        return rc;
    }

    /* FOOD, then SERVING as the rest of the words ("1 medium" or 1 medium). */
    const char *food_arg = argv[optind];
    char serving_text[256] = "", food_text[1024];
    size_t o = 0;
    for (int i = optind + 1; i < argc; i++) {
        int w = snprintf(serving_text + o, sizeof serving_text - o, "%s%s", o ? " " : "", argv[i]);
        if (w < 0 || (size_t)w >= sizeof serving_text - o) {
            fprintf(stderr, "kmgca: the serving text is too long\n");
            kmgca_foods_free(foods);
            return EXIT_USAGE;
        }
        o += (size_t)w;
    }
    if (strlen(food_arg) >= sizeof food_text) {
        fprintf(stderr, "kmgca: the food text is longer than %zu bytes\n", sizeof food_text - 1);
        kmgca_foods_free(foods);
        return EXIT_USAGE;
    }
    snprintf(food_text, sizeof food_text, "%s", food_arg);

    /* One step, as every door weighs a line: the serving is cut out of the
     * food text when it is not given apart; none at all is one typical
     * serving, said so. */
    kmgca_weighing w;
    kmgca_status st = kmgca_weigh(foods, food_text, serving_text, &w, &err);
    if (st == KMGCA_ERROR_LIMIT || st == KMGCA_ERROR_ENCODING) {
        /* The text came from the command line: a usage problem. */
        print_error(&err);
        kmgca_foods_free(foods);
        return EXIT_USAGE;
    }
    if (!w.match.food) {
        if (as_json)
            print_json(&w, err.message);
        /* A supplement is no food: say where it is read. */
        kmgca_supplement sp;
        int supplement = kmgca_supplement_read(food_text, serving_text, KMGCA_SUPPLEMENT_INTAKE,
                                               &sp);
        if (!supplement)
            print_error(&err);
        else
            fprintf(stderr, "kmgca: \"%s\" reads as a supplement (%s): kmgca drug \"%s\" gives "
                            "its elemental calcium, magnesium or potassium, and kmgca analyse "
                            "counts it from the diary or --meds\n",
                    food_text, sp.product, food_text);
        if (w.match.candidate_count) {
            fprintf(stderr, "kmgca: closest foods:\n");
            for (size_t i = 0; i < w.match.candidate_count; i++)
                fprintf(stderr, "  %.2f  %s\n", w.match.candidate_confidence[i],
                        kmgca_food_description(w.match.candidates[i]));
        }
        kmgca_foods_free(foods);
        return exit_status_for(st);
    }
    const char *unit_error = st == KMGCA_OK ? NULL : err.message;
    if (as_json)
        print_json(&w, unit_error);
    else
        print_text(&w, unit_error);
    if (st != KMGCA_OK)
        print_error(&err);
    kmgca_foods_free(foods);
    return exit_status_for(st);
}
