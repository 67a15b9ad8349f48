/* check_foods.c — foods as people name them (tests/foods/en.csv, see its
 * README): each line is matched and weighed end to end (kmgca_weigh, as
 * `kmgca food` and `analyse` do) and is right when the food is one the row
 * accepts (or has its Ca, Mg and K within 5 %: the same numbers), the match is confident enough to be used (>= KMGCA_LOW_CONFIDENCE)
 * and the grams land in the row's range ("typical" rows: an assumed serving,
 * said; "grams" rows may say so too, for a count without a size, "a peach").
 * The goals are 90 % right and 97 % the right food among matches of
 * confidence 0.9 and above; the test holds the ground reached so far
 * (FLOOR_*) and prints both. The run prints the share, the
 * confidence bands and every miss (KMGCA_SHOW_ALL=1: all of them).
 * KMGCA_FOODS_SET=FILE runs another file of the same columns instead, and
 * only prints. */
#include "testutil.h"

/* The goals, and the ground reached so far that a change must not
 * lose (a ratchet: raised with each step, the goals are the end). */
#define GOAL_RIGHT 90
#define GOAL_TOP_BAND 97
#define FLOOR_RIGHT 90
#define FLOOR_TOP_BAND 97
#define FLOOR_RIGHT_ZH 90

enum { F_TEXT, F_SERVING, F_FOODS, F_EXPECT, F_MIN, F_MAX, NCOL };

enum { BAND_HIGH, BAND_MID, BAND_LOW, BAND_NONE, BANDS };
static const char *const band_name[BANDS] = {">= 0.9", "0.6-0.9", "< 0.6", "no match"};

typedef struct {
    const char *name;
    long col[NCOL];
    int header;
    size_t total, right, food_right, grams_wrong;
    size_t in_band[BANDS], food_in_band[BANDS];
    size_t recipes_missing;     /* recipe:NAME the recipe table does not have */
    char failures[600000];
    size_t shown;
} set;

static void note(set *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(set *s, const char *fmt, ...)
{
    if (s->shown++ >= (getenv("KMGCA_SHOW_ALL") ? 100000u : 60u))
        return;
    size_t o = strlen(s->failures);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->failures + o, sizeof s->failures - o, fmt, ap);
    va_end(ap);
}


/* KMGCA_FOODS_TRACE=FILE appends every row as kmgca read it, one line of
 * tab-separated fields (set, line, text, serving, food, grams, food right,
 * grams right, foods accepted): for studying which food a name should point
 * at across many sets, not only the misses. */
static void trace(const set *s, unsigned long line, const char *text, const char *serving,
                  const kmgca_food *f, double grams, int food_ok, int grams_ok,
                  const char *foods)
{
    static FILE *out;   /* opened once, closed by the exit */
    const char *path = getenv("KMGCA_FOODS_TRACE");
    if (!out && path && *path)
        out = fopen(path, "a");
    if (!out)
        return;
    fprintf(out, "%s\t%lu\t%s\t%s\t%s:%s\t%.1f\t%d\t%d\t%s\n", s->name, line, text, serving,
            f ? kmgca_food_source(f) : "-", f ? kmgca_food_id(f) : "-", grams, food_ok,
            grams_ok, foods);
}

/* The food a row names: SOURCE:ID, or recipe:NAME by any of the recipe's
 * names (recipe:饺子 is the recipe kmgca knows as 饺子, whatever its own
 * name in the table: a dish has several). NULL when there is none. */
static const kmgca_food *named(const char *source, const char *id)
{
    const kmgca_food *f = kmgca_foods_find(shared_foods, source, id);
    if (f || strcmp(source, "recipe") != 0)
        return f;
    kmgca_match m;
    if (kmgca_foods_match(shared_foods, id, &m, NULL) == KMGCA_OK && m.food &&
        (m.method == KMGCA_MATCH_CHINESE || m.method == KMGCA_MATCH_EXACT) &&
        m.confidence >= 0.99 && strcmp(kmgca_food_source(m.food), "recipe") == 0)
        return m.food;   /* (recipe:chip butty is the recipe "Chip butty") */
    return NULL;
}

/* 1 when the food is one of "SR28:16070|FNDDS:41101000", or has the same
 * Ca, Mg and K as one of them (the row's numbers come out the same). */
static int accepted(const char *list, const kmgca_food *f)
{
    if (!f)
        return 0;
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        char ref[64];
        snprintf(ref, sizeof ref, "%.*s", (int)len, p);
        char *colon = strchr(ref, ':');
        if (colon) {
            *colon = '\0';
            const kmgca_food *want = named(ref, colon + 1);
            if (want && (want == f || same_minerals(want, f, 1.0)))
                return 1;
        }
        p += len + (bar ? 1 : 0);
    }
    return 0;
}

static void check_foods_exist(const char *list, set *s, unsigned long line)
{
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        char ref[80];
        snprintf(ref, sizeof ref, "%.*s", (int)(len < 79 ? len : 79), p);
        char *colon = strchr(ref, ':');
        if (!colon)
            fail_msg("%s:%lu: food \"%s\" is not SOURCE:ID", s->name, line, ref);
        *colon = '\0';
        /* A dish the recipe table lacks is a miss to count, not a broken row:
         * the set names dishes as people eat them, not as kmgca knows them. */
        if (!named(ref, colon + 1) && strcmp(ref, "recipe") == 0)
            s->recipes_missing++;
        else if (!named(ref, colon + 1))
            fail_msg("%s:%lu: no food %s:%s in the tables", s->name, line, ref, colon + 1);
        p += len + (bar ? 1 : 0);
    }
}

static kmgca_status check_row(const csv_row *row, void *ud, kmgca_error *err)
{
    set *s = ud;
    (void)err;
    if (!s->header) {
        static const char *names[NCOL] = {"text", "serving", "foods", "expect", "grams_min",
                                          "grams_max"};
        for (int i = 0; i < NCOL; i++) {
            s->col[i] = csv_find_column(row, names[i]);
            assert_true(s->col[i] >= 0);
        }
        s->header = 1;
        return KMGCA_OK;
    }
    const char *text = row->fields[s->col[F_TEXT]];
    const char *serving = row->fields[s->col[F_SERVING]];
    const char *foods = row->fields[s->col[F_FOODS]];
    const char *expect = row->fields[s->col[F_EXPECT]];
    double lo = atof(row->fields[s->col[F_MIN]]), hi = atof(row->fields[s->col[F_MAX]]);
    int typical = !strcmp(expect, "typical");
    if (!typical && strcmp(expect, "grams") != 0)
        fail_msg("%s:%lu: expect \"%s\" is neither grams nor typical", s->name, row->line,
                 expect);
    check_foods_exist(foods, s, row->line);
    s->total++;

    /* A Chinese line of several foods, each with its serving, is weighed
     * a part at a time, as analyse does (kmgca_line_parts): the row's foods
     * are its first part's, the main food of the line as written. */
    char first[1024];
    size_t at[8], len[8];
    if (!serving[0] && kmgca_line_parts(shared_foods, text, at, len, 8) > 1 &&
        len[0] < sizeof first) {
        memcpy(first, text + at[0], len[0]);
        first[len[0]] = '\0';
        text = first;
    }
    kmgca_weighing w;
    kmgca_error werr;
    kmgca_status st = kmgca_weigh(shared_foods, text, serving, &w, &werr);
    const kmgca_food *f = w.match.food;
    double c = f ? w.match.confidence : 0;
    int band = !f ? BAND_NONE : c >= 0.9 ? BAND_HIGH : c >= KMGCA_LOW_CONFIDENCE ? BAND_MID
                                                                                : BAND_LOW;
    int food_ok = accepted(foods, f);
    s->in_band[band]++;
    s->food_in_band[band] += food_ok;
    int used = f && c >= KMGCA_LOW_CONFIDENCE;
    /* A "typical" row must say its serving was assumed; a "grams" row may
     * say so too when what was written counts without a size ("a peach":
     * one, of a typical size, said). */
    /* (within half a gram: a set writes a weight rounded to the gram, 4 oz
     * = 113.4 g as 113-113) */
    int grams_ok = st == KMGCA_OK && w.grams >= lo - 0.5 && w.grams <= hi + 0.5 &&
                   (!typical || w.serving_assumed);
    if (used && food_ok)
        s->food_right++;
    trace(s, row->line, text, serving, f, w.grams, used && food_ok, grams_ok, foods);
    if (used && food_ok && grams_ok) {
        s->right++;
        return KMGCA_OK;
    }
    if (used && food_ok)
        s->grams_wrong++;
    note(s, "  %s:%lu \"%.60s\"%s%.40s%s -> %s%s:%s \"%.70s\" %.2f, %.1f g (want %s, %.0f-%.0f g%s)\n",
         s->name, row->line, text, serving[0] ? " [" : "", serving, serving[0] ? "]" : "",
         food_ok ? "" : "WRONG FOOD ", f ? kmgca_food_source(f) : "-", f ? kmgca_food_id(f) : "-",
         f ? kmgca_food_description(f) : "(no match)", c, w.grams, foods, lo, hi,
         typical ? ", typical" : "");
    if (st != KMGCA_OK && f)
        note(s, "      %s\n", werr.message);
    return KMGCA_OK;
}

static set *run_set(const char *path, const char *name)
{
    set *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->name = name;
    kmgca_error err;
    if (csv_read_file(path, check_row, s, NULL, &err) != KMGCA_OK)
        fail_msg("%s: %s", path, err.message);
    printf("foods %s: %zu of %zu right (%.1f%%); the food right %zu (%.1f%%), of those the "
           "grams outside the range %zu\n",
           name, s->right, s->total, 100.0 * s->right / s->total, s->food_right,
           100.0 * s->food_right / s->total, s->grams_wrong);
    for (int b = 0; b < BANDS; b++)
        printf("  confidence %-8s %4zu lines, the food right in %4zu (%.1f%%)\n", band_name[b],
               s->in_band[b], s->food_in_band[b],
               s->in_band[b] ? 100.0 * s->food_in_band[b] / s->in_band[b] : 0.0);
    if (s->recipes_missing)
        printf("  dishes named that the recipe table does not have: %zu\n", s->recipes_missing);
    printf("%s", s->failures);
    return s;
}

static void english_foods(void **state)
{
    (void)state;
    const char *other = getenv("KMGCA_FOODS_SET");
    set *s = run_set(other && *other ? other : "foods/en.csv", other && *other ? "other" : "en");
    int enough = other && *other ? 1 : s->total >= 400;
    int pass = s->right * 100 >= s->total * FLOOR_RIGHT;
    int high = s->food_in_band[BAND_HIGH] * 100 >= s->in_band[BAND_HIGH] * FLOOR_TOP_BAND;
    printf("goals (issue 15): %d %% right, %d %% in the top band; held here: %d %% and %d %% "
           "(raise them as the matching gets there)\n",
           GOAL_RIGHT, GOAL_TOP_BAND, FLOOR_RIGHT, FLOOR_TOP_BAND);
    free(s);
    if (other && *other)
        return;   /* another set is measured, not judged */
    assert_true(enough);
    assert_true(pass);
    assert_true(high);
}

/* tests/foods/zh.csv (README_zh.md): Chinese diary lines, issue 16. */
static void chinese_foods(void **state)
{
    (void)state;
    if (getenv("KMGCA_FOODS_SET") && *getenv("KMGCA_FOODS_SET"))
        return;
    set *s = run_set("foods/zh.csv", "zh");
    int enough = s->total >= 400;
    int pass = s->right * 100 >= s->total * FLOOR_RIGHT_ZH;
    printf("goal (issue 16): %d %% right; held here: %d %%\n", GOAL_RIGHT, FLOOR_RIGHT_ZH);
    free(s);
    assert_true(enough);
    assert_true(pass);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_foods),
        cmocka_unit_test(chinese_foods),
    };
    return cmocka_run_group_tests_name("foods set", tests, foods_setup, foods_teardown);
}
