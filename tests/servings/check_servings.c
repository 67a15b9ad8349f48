/* check_servings.c — servings as people write them (tests/servings/en.csv and zh.csv,
 * see its README): the serving is found in the text (or read from its own
 * column), weighed against the food the row names, and must land in the
 * row's gram range; "typical" rows must be assumed servings in range,
 * "refuse" rows must be refused with a reason. At least 95 % of each set
 * must be right. A second figure, printed only, matches the food as well. */
#include "testutil.h"

enum { S_TEXT, S_SERVING, S_FOOD, S_EXPECT, S_MIN, S_MAX, S_BASIS, NCOL };

typedef struct {
    const char *name;
    long col[NCOL];
    int header;
    size_t total, right, end_to_end;
    size_t by_expect[3], right_by_expect[3];
    char failures[400000];
    size_t shown;
} set;

static void note_failure(set *s, unsigned long line, const char *text, const char *serving,
                         const char *expect, double lo, double hi, double grams,
                         const char *how)
{
    if (s->shown++ >= (getenv("KMGCA_SHOW_ALL") ? 100000u : 40u))
        return;
    char buf[700];
    snprintf(buf, sizeof buf, "  %s:%lu \"%.60s\"%s%.40s%s %s %.0f-%.0f: got %.1f g (%.160s)\n",
             s->name, line, text, serving[0] ? " [" : "", serving, serving[0] ? "]" : "",
             expect, lo, hi, grams, how);
    size_t o = strlen(s->failures);
    snprintf(s->failures + o, sizeof s->failures - o, "%s", buf);
}

static kmgca_status check_row(const csv_row *row, void *ud, kmgca_error *err)
{
    set *s = ud;
    (void)err;
    if (!s->header) {
        static const char *names[NCOL] = {"text", "serving", "food", "expect",
                                          "grams_min", "grams_max", "basis"};
        for (int i = 0; i < NCOL; i++) {
            s->col[i] = csv_find_column(row, names[i]);
            assert_true(s->col[i] >= 0);
        }
        s->header = 1;
        return KMGCA_OK;
    }
    const char *text = row->fields[s->col[S_TEXT]];
    const char *serving_col = row->fields[s->col[S_SERVING]];
    const char *food_ref = row->fields[s->col[S_FOOD]];
    const char *expect = row->fields[s->col[S_EXPECT]];
    double lo = atof(row->fields[s->col[S_MIN]]), hi = atof(row->fields[s->col[S_MAX]]);
    int e = !strcmp(expect, "grams") ? 0 : !strcmp(expect, "typical") ? 1 : 2;
    assert_true(!strcmp(expect, "grams") || !strcmp(expect, "typical") ||
                !strcmp(expect, "refuse"));
    char source[16], id[32];
    const char *colon = strchr(food_ref, ':');
    assert_non_null(colon);
    snprintf(source, sizeof source, "%.*s", (int)(colon - food_ref), food_ref);
    snprintf(id, sizeof id, "%s", colon + 1);
    const kmgca_food *food = kmgca_foods_find(shared_foods, source, id);
    if (!food)
        fail_msg("%s:%lu: no food %s", s->name, row->line, food_ref);
    s->total++;
    s->by_expect[e]++;

    /* The serving: its own column, else found in the text. */
    char serving[256], rest[1024];
    int found = 1;
    if (serving_col[0]) {
        snprintf(serving, sizeof serving, "%s", serving_col);
        snprintf(rest, sizeof rest, "%s", text);
    } else if (!(found = kmgca_serving_split(text, serving, sizeof serving, rest, sizeof rest))) {
        serving[0] = '\0';
    }
    kmgca_serving sv;
    kmgca_error perr;
    double grams = NAN;
    char how[512] = "";
    kmgca_status st = kmgca_serving_parse(serving, &sv, &perr);
    /* Two servings in one line are not weighed (kmgca_weigh refuses them). */
    if (found == 2)
        st = kmgca_fail(&perr, KMGCA_ERROR_AMOUNT, "more than one serving");
    if (st == KMGCA_OK) {
        kmgca_serving_take_detail(&sv, rest);
        st = kmgca_serving_grams(food, &sv, &grams, how, sizeof how, &perr);
    }
    if (st != KMGCA_OK)
        snprintf(how, sizeof how, "%s", perr.message);
    int ok;
    if (e == 2)
        ok = st == KMGCA_ERROR_AMOUNT && perr.message[0];
    else
        ok = st == KMGCA_OK && grams >= lo - 0.05 && grams <= hi + 0.05 &&
             (e == 1) == (sv.kind == KMGCA_UNIT_TYPICAL);
    if (ok) {
        s->right++;
        s->right_by_expect[e]++;
    } else {
        note_failure(s, row->line, text, serving_col, expect, lo, hi, grams, how);
    }

    /* End to end, the food matched too (printed, not required here). */
    kmgca_weighing w;
    st = kmgca_weigh(shared_foods, text, serving_col, &w, NULL);
    if (e == 2 ? st == KMGCA_ERROR_AMOUNT
               : st == KMGCA_OK && w.grams >= lo - 0.05 && w.grams <= hi + 0.05 &&
                     w.match.confidence >= KMGCA_LOW_CONFIDENCE)
        s->end_to_end++;
    return KMGCA_OK;
}

static void run_set(const char *path, const char *name, size_t at_least)
{
    set *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->name = name;
    kmgca_error err;
    if (csv_read_file(path, check_row, s, NULL, &err) != KMGCA_OK)
        fail_msg("%s: %s", path, err.message);
    assert_true(s->total >= at_least);
    printf("servings %s: %zu of %zu right (%.1f%%): grams %zu/%zu, typical %zu/%zu, refused "
           "%zu/%zu; with the food matched too: %zu (%.1f%%)\n%s",
           name, s->right, s->total, 100.0 * s->right / s->total, s->right_by_expect[0],
           s->by_expect[0], s->right_by_expect[1], s->by_expect[1], s->right_by_expect[2],
           s->by_expect[2], s->end_to_end, 100.0 * s->end_to_end / s->total, s->failures);
    int pass = s->right * 100 >= s->total * 95;
    free(s);
    assert_true(pass);
}

static void english_servings(void **state)
{
    (void)state;
    run_set("servings/en.csv", "en", 300);
}

static void chinese_servings(void **state)
{
    (void)state;
    run_set("servings/zh.csv", "zh", 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_servings),
        cmocka_unit_test(chinese_servings),
    };
    return cmocka_run_group_tests_name("servings set", tests, foods_setup, foods_teardown);
}
