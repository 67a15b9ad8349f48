/* cmd_analyse.c — `kmgca analyse`: diaries to days, a summary and a workbook. */
#include "cli.h"

#include <ctype.h>
#include <limits.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char analyse_usage[] =
    "Usage: kmgca analyse [OPTIONS] DIARY... [-o REPORT.xlsx]\n"
    "\n"
    "Reads food diaries (CSV), matches every food to the USDA tables, sums\n"
    "calcium, magnesium, potassium and sodium per day against daily targets,\n"
    "prints one line per day and, with -o, writes an annotated workbook\n"
    "(Summary, Diary, Needs review, Medications, Activity & sweat, Charts,\n"
    "Top sources, About).\n"
    "\n"
    "Diaries: a generic CSV (date, food, amount, unit; optional time, meal,\n"
    "note; amount and unit may share one field: \"30 g\"), or the exports of\n"
    "Cronometer (servings, daily summary) and MyFitnessPal (Nutrition Summary),\n"
    "told apart by their header. Every row is used or listed for review.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE      write the workbook to FILE (.xlsx; never an input)\n"
    "      --json             print one JSON object instead of the text summary\n"
    "      --format F         auto (default), generic, cronometer-servings,\n"
    "                         cronometer-daily, mfp-summary\n"
    "      --recompute        exports: match the food names against the USDA tables\n"
    "                         instead of using the export's own values\n"
    "      --strict           a row with no amount goes to review instead of getting\n"
    "                         one typical serving (the default, said in the row)\n"
    "      --encoding E       the diaries' text encoding: utf-8 (default), gbk, gb18030\n"
    "      --date-order O     dmy or mdy, for dates such as 03/04/2026 (default: learn\n"
    "                         it from the file's other dates, else send to review)\n"
    "      --foods FILE       add custom foods from a CSV (see kmgca food --help)\n"
    "      --recipes FILE     add recipes from a CSV (see kmgca food --help)\n"
    "      --meds FILE        a medication list (CSV: drug, dose, start, end; only drug\n"
    "                         is required): drugs that change K, Mg, Ca flag the days\n"
    "                         they are taken (see kmgca drug --help); repeatable\n"
    "      --activity FILE    an activity log (CSV: date, activity, minutes, optional\n"
    "                         intensity, temperature_c, humidity_pct, body_mass_kg,\n"
    "                         pre_kg, post_kg, fluid_l, urine_l; or a Cronometer\n"
    "                         exercises export): sweat and its minerals per day,\n"
    "                         heavy sweat-loss days flagged; repeatable\n"
    "      --body-mass KG     body mass for sweat estimates when the log has none\n"
    "                         (default 70 kg, shown as an assumption)\n"
    "\n"
    "Targets (default: the US food-label Daily Values, Ca 1,300, Mg 420, K 4,700 mg):\n"
    "      --age YEARS        age of the person (with --sex)\n"
    "      --sex f|m\n"
    "      --pregnant         pregnancy targets\n"
    "      --lactating        lactation targets\n"
    "      --reference R      us (US/Canada DRIs, default with --age) or china (DRIs 2023)\n"
    "\n"
    "  -q, --quiet            no progress and no text summary (errors still shown)\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 done (rows in review do not change it); 2 bad options; 3 a\n"
    "malformed diary (file:line:column given); 4 a file cannot be read or written;\n"
    "5 internal error.\n";

typedef struct {
    int as_json, quiet, progress;
    json j;
    kmgca_workbook *wb;
    time_t last_progress;
    size_t rows;
    const char *file;
    /* Rows of each diary as they were handed over, used or in review:
     * printed beside the library's own count of the file's rows, so that
     * a test can tell that none went missing in between. */
    size_t file_index, *file_used, *file_review;
    /* --recompute rows that kept the export's values, for the JSON
     * "export_kept" list: file, line, date, food and why, each ending in
     * '\0'. At most KEPT_LIST rows are listed; the rest are counted. */
    char *kept;
    size_t kept_len, kept_cap, kept_count, kept_more;
} run_state;

#define KEPT_LIST 100000

static void keep_listed(run_state *s, const kmgca_entry *e)
{
    if (s->kept_count >= KEPT_LIST) {
        s->kept_more++;
        return;
    }
    char line[32];
    snprintf(line, sizeof line, "%lu", e->line);
    const char *parts[5] = {e->file, line, e->date, e->food_text, e->how};
    size_t need = 0;
    for (int i = 0; i < 5; i++)
        need += strlen(parts[i]) + 1;
    if (s->kept_len + need > s->kept_cap) {
        size_t cap = s->kept_cap ? s->kept_cap * 2 : 4096;
        while (cap < s->kept_len + need)
            cap *= 2;
        char *p = realloc(s->kept, cap);
        if (!p) {
            s->kept_more++;
            return;
        }
        s->kept = p;
        s->kept_cap = cap;
    }
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(parts[i]) + 1;
        memcpy(s->kept + s->kept_len, parts[i], n);
        s->kept_len += n;
    }
    s->kept_count++;
}

static kmgca_status on_entry(const kmgca_entry *e, void *ud, kmgca_error *err)
{
    run_state *s = ud;
    s->rows++;
    if (e->review)
        s->file_review[s->file_index]++;
    else
        s->file_used[s->file_index]++;
    if (s->wb) {
        kmgca_status st = kmgca_workbook_add(s->wb, e, err);
        if (st != KMGCA_OK)
            return st;
    }
    if (s->as_json && e->export_kept && !e->review)
        keep_listed(s, e);
    if (s->as_json && e->review) {
        /* Review rows stream out as they come: memory stays flat. */
        json_begin_object(&s->j, NULL);
        json_string(&s->j, "file", e->file);
        json_int(&s->j, "line", (long long)e->line);
        json_string(&s->j, "date", e->date[0] ? e->date : NULL);
        json_string(&s->j, "food", e->food_text);
        json_string(&s->j, "reason", e->review);
        json_end_object(&s->j);
    }
    if (s->progress && (s->rows & 4095) == 0) {
        time_t now = time(NULL);
        if (now != s->last_progress) {
            s->last_progress = now;
            fprintf(stderr, "\rkmgca: reading %s: %3.0f%% (%zu rows)", s->file,
                    e->progress * 100, s->rows);
            fflush(stderr);
        }
    }
    return KMGCA_OK;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* The flags column, one part per medication or sweat:
 * "hydrochlorothiazide: K down, Mg down, Ca up (high); heavy sweat 2.1 L". */
static void flag_summary(const kmgca_analysis *a, size_t i, const kmgca_day *d, char *out,
                         size_t size)
{
    kmgca_flag f[64];
    size_t n = kmgca_analysis_day_flags(a, i, f, 64), len = 0;
    if (n > 64)
        n = 64;
    out[0] = '\0';
    for (size_t k = 0; k < n && len + 1 < size; k++) {
        if (f[k].kind == KMGCA_FLAG_SWEAT) {
            len += (size_t)snprintf(out + len, size - len, "%sheavy sweat %.1f L (%s)",
                                    len ? "; " : "", d->sweat_l, kmgca_severity_name(f[k].severity));
            continue;
        }
        if (f[k].kind == KMGCA_FLAG_PATTERN) {
            len += (size_t)snprintf(out + len, size - len, "%sCa met, Mg %.0f%% (%s)",
                                    len ? "; " : "", d->percent[KMGCA_MG],
                                    kmgca_severity_name(f[k].severity));
            continue;
        }
        if (f[k].kind == KMGCA_FLAG_SUPPLEMENT) {
            const char *el = f[k].nutrient == KMGCA_K ? "K" : f[k].nutrient == KMGCA_MG ? "Mg" : "Ca";
            if (f[k].dir == KMGCA_DIRECTION_OVER_UL)
                len += (size_t)snprintf(out + len, size - len, "%s%s over upper level (%s)",
                                        len ? "; " : "", el, kmgca_severity_name(f[k].severity));
            else
                len += (size_t)snprintf(out + len, size - len, "%sK supplement with %s (%s)",
                                        len ? "; " : "",
                                        kmgca_med_name(kmgca_analysis_med(a, (size_t)f[k].med)),
                                        kmgca_severity_name(f[k].severity));
            continue;
        }
        /* The first flag of a medication speaks for all of its flags. */
        int seen = 0;
        for (size_t p = 0; p < k; p++)
            seen |= f[p].med == f[k].med && (f[p].kind == KMGCA_FLAG_DRUG ||
                                             f[p].kind == KMGCA_FLAG_DIURETIC);
        if (seen)
            continue;
        kmgca_severity worst = f[k].severity;
        len += (size_t)snprintf(out + len, size - len, "%s%s:", len ? "; " : "",
                                kmgca_analysis_med(a, (size_t)f[k].med)->match.name);
        for (size_t p = k; p < n && len + 1 < size; p++) {
            if (f[p].med != f[k].med ||
                (f[p].kind != KMGCA_FLAG_DRUG && f[p].kind != KMGCA_FLAG_DIURETIC))
                continue;
            if (f[p].severity > worst)
                worst = f[p].severity;
            len += (size_t)snprintf(out + len, size - len, "%s %s %s", p > k ? "," : "",
                                    f[p].nutrient == KMGCA_K    ? "K"
                                    : f[p].nutrient == KMGCA_MG ? "Mg"
                                                                : "Ca",
                                    kmgca_direction_name(f[p].dir));
        }
        if (len + 1 < size)
            len += (size_t)snprintf(out + len, size - len, " (%s)", kmgca_severity_name(worst));
    }
    if (len + 1 < size && d->rows_review)
        len += (size_t)snprintf(out + len, size - len, "%ssome rows in review", len ? "; " : "");
    if (len + 1 < size && d->rows_assumed)
        snprintf(out + len, size - len, "%s%zu serving%s assumed", len ? "; " : "",
                 d->rows_assumed, d->rows_assumed == 1 ? "" : "s");
    if (!out[0])
        snprintf(out, size, "-");
}

/* Medications and activity, under the days. */
static void print_side(const kmgca_analysis *a)
{
    size_t meds = kmgca_analysis_med_count(a), sessions = kmgca_analysis_session_count(a);
    if (meds)
        printf("\nMedications:\n");
    for (size_t i = 0; i < meds; i++) {
        const kmgca_med *m = kmgca_analysis_med(a, i);
        const kmgca_drug_match *x = &m->match;
        const kmgca_drug *src = x->row ? x->row : x->part_count ? x->part[0] : NULL;
        if (x->affects_minerals && strcmp(kmgca_drug_effect_type(src), "sensitivity") == 0)
            printf("  %s: %s (%s): more toxic when potassium or magnesium is low\n", m->text,
                   x->name, x->drug_class);
        else if (x->affects_minerals)
            printf("  %s: %s (%s): K %s, Mg %s, Ca %s\n", m->text, x->name, x->drug_class,
                   kmgca_effect_name(x->effect[KMGCA_K]), kmgca_effect_name(x->effect[KMGCA_MG]),
                   kmgca_effect_name(x->effect[KMGCA_CA]));
        else if (x->part_count)
            printf("  %s: %s: no listed effect on K, Mg, Ca or Na\n", m->text,
                   kmgca_drug_name(x->part[0]));
        else if (!m->supplement.recognised)
            printf("  %s: not recognised (kept as written)\n", m->text);
        if (m->supplement.recognised && !m->supplement.review[0])
            printf("      supplement: %s\n", m->supplement.how);
        if (m->review)
            printf("      review: %s\n", m->review);
    }
    if (sessions) {
        double total = 0;
        size_t measured = 0, known = 0, review = 0;
        for (size_t i = 0; i < sessions; i++) {
            const kmgca_session *x = kmgca_analysis_session(a, i);
            if (!isnan(x->sweat_l)) {
                total += x->sweat_l;
                known++;
                measured += (size_t)x->measured;
            }
            review += x->review != NULL;
        }
        printf("\nActivity: %zu session%s, about %.1f L of sweat in all (%zu measured, %zu "
               "predicted)%s\n",
               sessions, sessions == 1 ? "" : "s", total, measured, known - measured,
               review ? "; some sessions need review" : "");
    }
    if (meds || sessions)
        printf("Flags are hedged notes for a conversation with the prescriber or dietitian, not "
               "a diagnosis.\n");
}

static void print_summary(const kmgca_analysis *a, const char *output)
{
    char b[8][32];
    size_t read = kmgca_analysis_rows_read(a), used = kmgca_analysis_rows_used(a),
           review = kmgca_analysis_rows_review(a);
    printf("%zu rows read = %zu used + %zu in review\n", read, used, review);
    const kmgca_options *o = kmgca_analysis_options(a);
    printf("Targets (%s): Ca %s mg, Mg %s mg, K %s mg a day\n",
           !o->profile                              ? "food-label Daily Values"
           : o->profile->reference == KMGCA_REF_CHINA ? "Chinese DRIs 2023"
                                                    : "US/Canada DRIs",
           grouped(b[0], 32, kmgca_analysis_target(a, KMGCA_CA)->target_mg),
           grouped(b[1], 32, kmgca_analysis_target(a, KMGCA_MG)->target_mg),
           grouped(b[2], 32, kmgca_analysis_target(a, KMGCA_K)->target_mg));
    size_t days = kmgca_analysis_day_count(a);
    int any_supplement = 0;
    for (size_t i = 0; i < days && !any_supplement; i++) {
        kmgca_day d = kmgca_analysis_day(a, i);
        for (int n = 0; n < KMGCA_NA; n++)
            any_supplement |= d.supplement_mg[n] > 0;
    }
    if (days) {
        if (any_supplement)
            printf("\nCa, Mg and K are food + supplements (elemental); the supplements column "
                   "gives their part.\n");
        int recompute = kmgca_analysis_options(a)->recompute;
        printf("\n%-10s  %7s %5s  %7s %5s  %7s %5s  %7s  %8s  %s%s%s\n", "date", "Ca mg", "%",
               "Mg mg", "%", "K mg", "%", "Na mg", "coverage", recompute ? "recomputed  " : "",
               any_supplement ? "supplements  " : "", "flags");
        for (size_t i = 0; i < days; i++) {
            const kmgca_day day = kmgca_analysis_day(a, i), *d = &day;
            double cov = 1;
            for (int n = 0; n < 3; n++)
                if (d->coverage[n] < cov)
                    cov = d->coverage[n];
            char flags[400], supp[80] = "";
            flag_summary(a, i, d, flags, sizeof flags);
            if (any_supplement) {
                size_t sl = 0;
                for (int n = 0; n < KMGCA_NA; n++)
                    if (d->supplement_mg[n] > 0 && sl + 1 < sizeof supp) {
                        char g[32];
                        sl += (size_t)snprintf(supp + sl, sizeof supp - sl, "%s%s %s",
                                               sl ? ", " : "",
                                               kmgca_nutrient_symbol((kmgca_nutrient)n),
                                               grouped(g, 32, d->supplement_mg[n]));
                    }
                if (!sl)
                    sl = (size_t)snprintf(supp, sizeof supp, "-");
                if (sl + 3 < sizeof supp)
                    strcat(supp, "  ");
            }
            char rec[32] = "";
            if (recompute) {
                /* The least recomputed of Ca, Mg and K, like coverage. */
                double least = NAN;
                for (int n = 0; n < 3; n++)
                    if (!isnan(d->recomputed[n]) && !(d->recomputed[n] >= least))
                        least = d->recomputed[n];
                if (isnan(least))
                    snprintf(rec, sizeof rec, "%10s  ", "-");
                else
                    snprintf(rec, sizeof rec, "%9.0f%%  ", least * 100);
            }
            printf("%-10s  %7s %5s  %7s %5s  %7s %5s  %7s  %7.0f%%  %s%s%s\n", d->date,
                   grouped(b[0], 32, d->total_mg[KMGCA_CA]), pct_text(b[1], 32, d->percent[KMGCA_CA], "n/a"),
                   grouped(b[2], 32, d->total_mg[KMGCA_MG]), pct_text(b[3], 32, d->percent[KMGCA_MG], "n/a"),
                   grouped(b[4], 32, d->total_mg[KMGCA_K]), pct_text(b[5], 32, d->percent[KMGCA_K], "n/a"),
                   grouped(b[6], 32, d->total_mg[KMGCA_NA]), cov * 100, rec, supp, flags);
        }
    } else {
        printf("\nNo dated rows.\n");
    }
    print_side(a);
    size_t notes = kmgca_analysis_note_count(a);
    if (notes) {
        printf("\nNotes:\n");
        for (size_t i = 0; i < notes; i++)
            printf("  %s\n", kmgca_analysis_note(a, i));
    }
    size_t assumed = 0;
    for (size_t i = 0; i < days; i++)
        assumed += kmgca_analysis_day(a, i).rows_assumed;
    if (assumed)
        printf("\n%zu row%s no amount: one typical serving each, said in the row (--strict "
               "sends such rows to review).\n",
               assumed, assumed == 1 ? " had" : "s had");
    if (review)
        printf("\n%zu row%s review%s.\n", review, review == 1 ? " needs" : "s need",
               output ? " (sheet \"Needs review\")" : " (write a workbook with -o to list them)");
    if (output)
        printf("Wrote %s\n", output);
}

static double round_to(double v, double step)
{
    return isnan(v) ? v : round(v / step) * step;
}

static const char *const json_keys[KMGCA_NUTRIENT_COUNT] = {"ca", "mg", "k", "na"};
static const char *const json_mg_keys[KMGCA_NUTRIENT_COUNT] = {"ca_mg", "mg_mg", "k_mg", "na_mg"};

/* Rows of an export that kept its own values: used, listed with why. */
static void json_export_kept(run_state *s, json *j)
{
    json_begin_array(j, "export_kept");
    for (size_t i = 0, at = 0; i < s->kept_count; i++) {
        const char *part[5];
        for (int k = 0; k < 5; k++) {
            part[k] = s->kept + at;
            at += strlen(part[k]) + 1;
        }
        json_begin_object(j, NULL);
        json_string(j, "file", part[0]);
        json_int(j, "line", strtoll(part[1], NULL, 10));
        json_string(j, "date", part[2][0] ? part[2] : NULL);
        json_string(j, "food", part[3]);
        json_string(j, "how", part[4]);
        json_end_object(j);
    }
    json_end_array(j);
    if (s->kept_more)
        json_int(j, "export_kept_not_listed", (long long)s->kept_more);
}

/* The files read and the row counts. */
static void json_files(const run_state *s, json *j, const kmgca_analysis *a)
{
    json_string(j, "kmgca_version", KMGCA_VERSION);
    json_begin_array(j, "files");
    for (size_t i = 0; i < kmgca_analysis_file_count(a); i++) {
        kmgca_format f;
        size_t rows;
        const char *path = kmgca_analysis_file(a, i, &f, &rows);
        json_begin_object(j, NULL);
        json_string(j, "path", path);
        json_string(j, "format", kmgca_format_name(f));
        json_int(j, "rows", (long long)rows);
        json_int(j, "rows_used", (long long)s->file_used[i]);
        json_int(j, "rows_review", (long long)s->file_review[i]);
        json_end_object(j);
    }
    json_end_array(j);
    json_int(j, "rows_read", (long long)kmgca_analysis_rows_read(a));
    json_int(j, "rows_used", (long long)kmgca_analysis_rows_used(a));
    json_int(j, "rows_review", (long long)kmgca_analysis_rows_review(a));
    json_int(j, "blank_lines", (long long)kmgca_analysis_blank_lines(a));
    size_t assumed = 0;
    for (size_t i = 0; i < kmgca_analysis_day_count(a); i++)
        assumed += kmgca_analysis_day(a, i).rows_assumed;
    json_int(j, "rows_assumed", (long long)assumed);
}

/* The person's profile and the targets the days are measured against. */
static void json_targets(json *j, const kmgca_analysis *a)
{
    const kmgca_options *o = kmgca_analysis_options(a);
    if (o->profile) {
        json_begin_object(j, "profile");
        json_string(j, "reference", kmgca_reference_name(o->profile->reference));
        json_number(j, "age", o->profile->age_years);
        json_string(j, "sex", o->profile->sex == 'f' ? "f" : "m");
        json_string(j, "stage", o->profile->stage == KMGCA_LIFE_PREGNANT    ? "pregnant"
                                : o->profile->stage == KMGCA_LIFE_LACTATING ? "lactating"
                                                                            : NULL);
        json_end_object(j);
    } else {
        json_null(j, "profile");
    }
    json_begin_object(j, "targets");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        const kmgca_target *t = kmgca_analysis_target(a, (kmgca_nutrient)n);
        json_begin_object(j, json_mg_keys[n]);
        json_number(j, "target_mg", t->target_mg);
        json_string(j, "kind", t->kind);
        json_number(j, "ul_mg", t->ul_mg);
        json_string(j, "ul_note", t->ul_note[0] ? t->ul_note : NULL);
        json_string(j, "source", t->source);
        json_end_object(j);
    }
    json_end_object(j);
}

/* One day: its minerals, counts, sweat and flags. */
static void json_day(json *j, const kmgca_analysis *a, size_t i)
{
    const kmgca_day day = kmgca_analysis_day(a, i), *d = &day;
    json_begin_object(j, NULL);
    json_string(j, "date", d->date);
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_mg_keys[n], round_to(d->mg[n], 0.1));
    json_begin_object(j, "supplement_mg");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_keys[n], round_to(d->supplement_mg[n], 0.1));
    json_end_object(j);
    json_begin_object(j, "total_mg");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_keys[n], round_to(d->total_mg[n], 0.1));
    json_end_object(j);
    json_begin_object(j, "targets");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_mg_keys[n], kmgca_analysis_target(a, (kmgca_nutrient)n)->target_mg);
    json_end_object(j);
    json_begin_object(j, "percent");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_keys[n], round_to(d->percent[n], 0.1));
    json_end_object(j);
    json_begin_object(j, "coverage");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_keys[n], round_to(d->coverage[n], 0.001));
    json_end_object(j);
    json_int(j, "rows", (long long)d->rows);
    json_int(j, "rows_used", (long long)d->rows_used);
    json_int(j, "rows_review", (long long)d->rows_review);
    json_int(j, "rows_assumed", (long long)d->rows_assumed);
    if (kmgca_analysis_options(a)->recompute) {
        /* The share of the day computed from the tables; the rest is the
         * export's own values, kept for rows kmgca could not match. */
        json_begin_object(j, "recomputed");
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            json_number(j, json_keys[n], round_to(d->recomputed[n], 0.001));
        json_end_object(j);
        json_int(j, "rows_export_kept", (long long)d->rows_export_kept);
    }
    json_int(j, "sessions", (long long)d->sessions);
    json_number(j, "sweat_l", round_to(d->sweat_l, 0.01));
    if (isnan(d->sweat_l)) {
        json_null(j, "sweat_losses");
    } else {
        json_begin_object(j, "sweat_losses");
        for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
            json_number(j, json_mg_keys[n], round_to(d->sweat_mg[n], 0.1));
        json_end_object(j);
    }
    json_begin_object(j, "net_intake");
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        json_number(j, json_mg_keys[n],
                    round_to(d->total_mg[n] - (isnan(d->sweat_mg[n]) ? 0 : d->sweat_mg[n]),
                             0.1));
    json_end_object(j);
    kmgca_flag flags[64];
    size_t nf = kmgca_analysis_day_flags(a, i, flags, 64);
    json_begin_array(j, "flags");
    for (size_t k = 0; k < nf && k < 64; k++) {
        const kmgca_flag *f = &flags[k];
        json_begin_object(j, NULL);
        json_string(j, "kind", kmgca_flag_kind_name(f->kind));
        json_string(j, "nutrient", kmgca_nutrient_key(f->nutrient));
        json_string(j, "direction", kmgca_direction_name(f->dir));
        json_string(j, "severity", kmgca_severity_name(f->severity));
        json_string(j, "message", f->message);
        json_string(j, "action", f->action);
        json_string(j, "source", f->source);
        if (f->med >= 0) {
            const kmgca_med *m = kmgca_analysis_med(a, (size_t)f->med);
            json_string(j, "drug", kmgca_med_name(m));
            json_string(j, "medication_text", m->text);
        }
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}

/* The medication lists' lines, each with its match. */
static void json_meds(json *j, const kmgca_analysis *a)
{
    json_begin_array(j, "medications");
    for (size_t i = 0; i < kmgca_analysis_med_count(a); i++) {
        const kmgca_med *m = kmgca_analysis_med(a, i);
        char date[11];
        json_begin_object(j, NULL);
        json_string(j, "file", m->file);
        json_int(j, "line", (long long)m->line);
        json_string(j, "dose", m->dose[0] ? m->dose : NULL);
        if (m->start_day == LONG_MIN) {
            json_null(j, "start");
        } else {
            kmgca_date_text(m->start_day, date);
            json_string(j, "start", date);
        }
        if (m->end_day == LONG_MAX) {
            json_null(j, "end");
        } else {
            kmgca_date_text(m->end_day, date);
            json_string(j, "end", date);
        }
        json_drug_match(j, "match", m->text, &m->match);
        json_supplement(j, "supplement", &m->supplement);
        json_string(j, "review", m->review);
        json_end_object(j);
    }
    json_end_array(j);
}

/* The activity logs' sessions, each with its sweat. */
static void json_activity(json *j, const kmgca_analysis *a)
{
    json_begin_array(j, "activity");
    for (size_t i = 0; i < kmgca_analysis_session_count(a); i++) {
        const kmgca_session *x = kmgca_analysis_session(a, i);
        json_begin_object(j, NULL);
        json_string(j, "file", x->file);
        json_int(j, "line", (long long)x->line);
        json_string(j, "date", x->date[0] ? x->date : NULL);
        json_string(j, "activity", x->activity);
        json_number(j, "minutes", x->minutes);
        json_number(j, "met", round_to(x->met, 0.01));
        json_number(j, "sweat_l", round_to(x->sweat_l, 0.01));
        json_string(j, "sweat", isnan(x->sweat_l) ? NULL : x->measured ? "measured" : "predicted");
        if (isnan(x->sweat_l)) {
            json_null(j, "sweat_losses");
        } else {
            json_begin_object(j, "sweat_losses");
            for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
                json_number(j, json_mg_keys[n], round_to(x->loss_mg[n], 0.1));
            json_end_object(j);
        }
        json_string(j, "method", x->method[0] ? x->method : NULL);
        json_string(j, "review", x->review);
        json_end_object(j);
    }
    json_end_array(j);
}

static void print_json_tail(run_state *s, const kmgca_analysis *a, const char *output)
{
    json *j = &s->j;
    json_end_array(j); /* review */
    if (kmgca_analysis_options(a)->recompute)
        json_export_kept(s, j);
    json_files(s, j, a);
    json_targets(j, a);
    json_begin_array(j, "days");
    for (size_t i = 0; i < kmgca_analysis_day_count(a); i++)
        json_day(j, a, i);
    json_end_array(j);
    json_meds(j, a);
    json_activity(j, a);
    json_begin_array(j, "notes");
    for (size_t i = 0; i < kmgca_analysis_note_count(a); i++)
        json_string(j, NULL, kmgca_analysis_note(a, i));
    json_end_array(j);
    json_string(j, "output", output);
    json_end_object(j);
    fputc('\n', stdout);
}

static int parse_age(const char *text, double *out)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end || !isfinite(v) || v < 0 || v > 130)
        return 0;
    *out = v;
    return 1;
}

enum { MAX_SIDE_FILES = 64 };

/* What the command line asked for. */
typedef struct {
    kmgca_options o;
    kmgca_profile profile;
    int have_reference, as_json, quiet;
    const char *output, *custom, *recipes;
    const char *meds[MAX_SIDE_FILES], *activity[MAX_SIDE_FILES];
    size_t n_meds, n_activity;
    char **diaries;
    size_t n_diaries;
} analyse_args;

enum { OPT_JSON = 256, OPT_FORMAT, OPT_RECOMPUTE, OPT_ENCODING, OPT_DATE_ORDER, OPT_FOODS, OPT_RECIPES,
       OPT_AGE, OPT_SEX, OPT_PREGNANT, OPT_LACTATING, OPT_REFERENCE, OPT_MEDS,
       OPT_ACTIVITY, OPT_BODY_MASS, OPT_STRICT };

/* One option with its value: -1 when taken, else the exit status. */
static int take_option(int c, const char *arg, analyse_args *g)
{
    switch (c) {
    case 'o': g->output = arg; break;
    case 'q': g->quiet = 1; break;
    case OPT_JSON: g->as_json = 1; break;
    case OPT_RECOMPUTE: g->o.recompute = 1; break;
    case OPT_STRICT: g->o.strict = 1; break;
    case OPT_ENCODING: g->o.encoding = arg; break;
    case OPT_FOODS: g->custom = arg; break;
    case OPT_RECIPES: g->recipes = arg; break;
    case OPT_PREGNANT: g->profile.stage = KMGCA_LIFE_PREGNANT; break;
    case OPT_LACTATING: g->profile.stage = KMGCA_LIFE_LACTATING; break;
    case OPT_FORMAT:
        if (kmgca_format_parse(arg, &g->o.format) != KMGCA_OK) {
            fprintf(stderr, "kmgca: --format takes auto, generic, cronometer-servings, "
                            "cronometer-daily or mfp-summary, not \"%s\"\n",
                    arg);
            return EXIT_USAGE;
        }
        break;
    case OPT_DATE_ORDER:
        if (strcasecmp(arg, "dmy") == 0)
            g->o.date_order = KMGCA_DATE_ORDER_DMY;
        else if (strcasecmp(arg, "mdy") == 0)
            g->o.date_order = KMGCA_DATE_ORDER_MDY;
        else {
            fprintf(stderr, "kmgca: --date-order takes dmy or mdy, not \"%s\"\n", arg);
            return EXIT_USAGE;
        }
        break;
    case OPT_AGE:
        if (!parse_age(arg, &g->profile.age_years)) {
            fprintf(stderr, "kmgca: --age takes years from 0 to 130, not \"%s\"\n", arg);
            return EXIT_USAGE;
        }
        break;
    case OPT_SEX:
        if (kmgca_sex_parse(arg, &g->profile.sex) != KMGCA_OK) {
            fprintf(stderr, "kmgca: --sex takes f or m, not \"%s\"\n", arg);
            return EXIT_USAGE;
        }
        break;
    case OPT_REFERENCE:
        if (kmgca_reference_parse(arg, &g->profile.reference) != KMGCA_OK ||
            g->profile.reference == KMGCA_REF_LABEL) {
            fprintf(stderr, "kmgca: --reference takes us or china, not \"%s\"\n", arg);
            return EXIT_USAGE;
        }
        g->have_reference = 1;
        break;
    case OPT_MEDS:
    case OPT_ACTIVITY:
        if ((c == OPT_MEDS ? g->n_meds : g->n_activity) == MAX_SIDE_FILES) {
            fprintf(stderr, "kmgca: at most %d --%s files\n", MAX_SIDE_FILES,
                    c == OPT_MEDS ? "meds" : "activity");
            return EXIT_USAGE;
        }
        if (c == OPT_MEDS)
            g->meds[g->n_meds++] = arg;
        else
            g->activity[g->n_activity++] = arg;
        break;
    case OPT_BODY_MASS: {
        char *end;
        double v = strtod(arg, &end);
        if (end == arg || *end || !(v >= 20 && v <= 350)) {
            fprintf(stderr, "kmgca: --body-mass takes kilograms from 20 to 350, not \"%s\"\n",
                    arg);
            return EXIT_USAGE;
        }
        g->o.body_mass_kg = v;
        break;
    }
    default: return EXIT_INTERNAL;
    }
    return -1;
}

/* The command line read into g: -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, analyse_args *g)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"json", no_argument, NULL, OPT_JSON},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"recompute", no_argument, NULL, OPT_RECOMPUTE},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"date-order", required_argument, NULL, OPT_DATE_ORDER},
        {"foods", required_argument, NULL, OPT_FOODS},
        {"recipes", required_argument, NULL, OPT_RECIPES},
        {"age", required_argument, NULL, OPT_AGE},
        {"sex", required_argument, NULL, OPT_SEX},
        {"pregnant", no_argument, NULL, OPT_PREGNANT},
        {"lactating", no_argument, NULL, OPT_LACTATING},
        {"reference", required_argument, NULL, OPT_REFERENCE},
        {"meds", required_argument, NULL, OPT_MEDS},
        {"activity", required_argument, NULL, OPT_ACTIVITY},
        {"body-mass", required_argument, NULL, OPT_BODY_MASS},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(analyse_usage, stdout);
            return EXIT_OK;
        }
        if (c == '?' || c == ':') {
            fprintf(stderr, "kmgca: analyse: unknown or incomplete option \"%s\" (try kmgca "
                            "analyse --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        }
        int rc = take_option(c, optarg, g);
        if (rc >= 0)
            return rc;
    }
    if (optind >= argc) {
        fputs("kmgca: analyse: no diary given\n\n", stderr);
        fputs(analyse_usage, stderr);
        return EXIT_USAGE;
    }
    g->diaries = argv + optind;
    g->n_diaries = (size_t)(argc - optind);
    return -1;
}

/* A profile needs age and sex; pregnancy and lactation imply female. */
static int check_profile(analyse_args *g)
{
    kmgca_profile *p = &g->profile;
    int any_profile = g->have_reference || !isnan(p->age_years) || p->sex ||
                      p->stage != KMGCA_LIFE_NONE;
    if (!any_profile)
        return -1;
    if (p->stage != KMGCA_LIFE_NONE && !p->sex)
        p->sex = 'f';
    if (isnan(p->age_years) || !p->sex) {
        fprintf(stderr, "kmgca: targets for a person need both --age and --sex (without "
                        "them the food-label Daily Values are used)\n");
        return EXIT_USAGE;
    }
    g->o.profile = p;
    return -1;
}

/* The workbook's name: an .xlsx file that is no folder and no input. */
static int check_output(const analyse_args *g)
{
    const char *output = g->output;
    if (!output)
        return -1;
    size_t len = strlen(output);
    if (len < 5 || strcasecmp(output + len - 5, ".xlsx") != 0) {
        fprintf(stderr, "kmgca: the output must be an .xlsx file, not \"%s\"\n", output);
        return EXIT_USAGE;
    }
    struct stat st;
    if (stat(output, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "kmgca: %s: is a directory; give a file name ending in .xlsx\n", output);
        return EXIT_USAGE;
    }
    int clash = 0;
    for (size_t i = 0; i < g->n_diaries; i++)
        clash |= same_file(output, g->diaries[i]);
    for (size_t i = 0; i < g->n_meds; i++)
        clash |= same_file(output, g->meds[i]);
    for (size_t i = 0; i < g->n_activity; i++)
        clash |= same_file(output, g->activity[i]);
    if (g->custom)
        clash |= same_file(output, g->custom);
    if (clash) {
        fprintf(stderr, "kmgca: %s: the output would overwrite an input; choose another name\n",
                output);
        return EXIT_USAGE;
    }
    return -1;
}

/* The diaries, then the medication lists and activity logs (after the
 * diaries, whose dates teach the date order), then the workbook. */
static kmgca_status read_and_write(kmgca_analysis *a, run_state *s, const analyse_args *g,
                                   kmgca_error *err)
{
    kmgca_status st = KMGCA_OK;
    for (size_t i = 0; i < g->n_diaries && st == KMGCA_OK; i++) {
        s->file = g->diaries[i];
        s->file_index = i;
        st = kmgca_analysis_read(a, g->diaries[i], on_entry, s, err);
    }
    if (s->progress && s->rows >= 4096)
        fprintf(stderr, "\r%70s\r", "");
    for (size_t i = 0; i < g->n_meds && st == KMGCA_OK; i++)
        st = kmgca_analysis_read_meds(a, g->meds[i], err);
    for (size_t i = 0; i < g->n_activity && st == KMGCA_OK; i++)
        st = kmgca_analysis_read_activity(a, g->activity[i], err);
    if (st == KMGCA_OK && s->wb) {
        if (s->progress && s->rows >= 4096) {
            fprintf(stderr, "kmgca: writing %s ...", g->output);
            fflush(stderr);
        }
        st = kmgca_workbook_finish(s->wb, a, err);
        s->wb = NULL;
        if (s->progress && s->rows >= 4096)
            fprintf(stderr, "\r%70s\r", "");
    }
    return st;
}

static int run(const analyse_args *g)
{
    kmgca_error err;
    kmgca_error_clear(&err);
    int rc;
    size_t *counts = calloc(2 * g->n_diaries, sizeof *counts);
    if (!counts) {
        fprintf(stderr, "kmgca: out of memory\n");
        return EXIT_INTERNAL;
    }
    kmgca_foods *foods = open_foods(g->custom, g->recipes, &rc);
    if (!foods) {
        free(counts);
        return rc;
    }
    kmgca_analysis *a = kmgca_analysis_new(foods, &g->o, &err);
    if (!a) {
        print_error(&err);
        kmgca_foods_free(foods);
        free(counts);
        return err.status == KMGCA_ERROR_NO_MATCH || err.status == KMGCA_ERROR_ARGUMENT
                   ? EXIT_USAGE
                   : exit_status_for(err.status);
    }
    run_state s = {.as_json = g->as_json, .quiet = g->quiet, .j = {.out = stdout, .pretty = 1},
                   .file_used = counts, .file_review = counts + g->n_diaries};
    s.progress = !g->quiet && isatty(STDERR_FILENO);
    kmgca_status st = KMGCA_OK;
    if (g->output) {
        s.wb = kmgca_workbook_new(g->output, &err);
        if (!s.wb)
            st = err.status;
        const char *epoch = getenv("SOURCE_DATE_EPOCH");
        if (s.wb && epoch && *epoch)
            kmgca_workbook_set_time(s.wb, strtoll(epoch, NULL, 10));
    }
    if (st == KMGCA_OK && g->as_json) {
        json_begin_object(&s.j, NULL);
        json_begin_array(&s.j, "review");
    }
    if (st == KMGCA_OK)
        st = read_and_write(a, &s, g, &err);
    rc = EXIT_OK;
    if (st != KMGCA_OK) {
        kmgca_workbook_discard(s.wb);
        if (s.j.depth) {
            /* Close the object so that what was printed still parses. */
            json_end_array(&s.j);
            json_string(&s.j, "error", err.message);
            json_end_object(&s.j);
            fputc('\n', stdout);
        }
        print_error(&err);
        rc = exit_status_for(st);
    } else {
        if (g->as_json)
            print_json_tail(&s, a, g->output);
        else if (!g->quiet)
            print_summary(a, g->output);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "kmgca: cannot write to standard output\n");
            rc = EXIT_IO;
        }
    }
    kmgca_analysis_free(a);
    kmgca_foods_free(foods);
    free(counts);
    free(s.kept);
    return rc;
}

int cmd_analyse(int argc, char **argv)
{
    analyse_args g = {.profile = {KMGCA_REF_US, NAN, 0, KMGCA_LIFE_NONE}};
    int rc = parse_args(argc, argv, &g);
    if (rc < 0)
        rc = check_profile(&g);
    if (rc < 0)
        rc = check_output(&g);
    return rc < 0 ? run(&g) : rc;
}
