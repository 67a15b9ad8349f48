/* diary.c — what kind of diary a file is, and which column holds what.
 *
 * Every format is a row of this table: the header names each column may
 * carry (any case; spaces, '_' and '-' ignored), which columns it needs, and
 * the header names that give the format away. Adding a synonym or a format
 * means adding data here, not code elsewhere.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Header names for each role in a generic diary. */
static const char *const generic_names[COL_COUNT] = {
    [COL_DATE] = "date|day|date eaten|datum|fecha|日期|日子",
    [COL_TIME] = "time|time eaten|hour|时间",
    [COL_MEAL] = "meal|group|meal type|mealtime|餐次|餐别|餐",
    [COL_FOOD] = "food|food name|foods|food item|item|description|name|what|"
                 "食物|食品|食物名称|名称|菜品|食材",
    [COL_AMOUNT] = "amount|quantity|qty|serving|servings|portion|serving size|how much|"
                   "数量|份量|分量|用量|重量|食用量",
    [COL_UNIT] = "unit|units|measure|unit of measure|单位",
    [COL_NOTE] = "note|notes|comment|comments|备注|说明",
    [COL_CA] = NULL, [COL_MG] = NULL, [COL_K] = NULL, [COL_NA] = NULL,
    [COL_COMPLETED] = NULL, [COL_CALORIES] = NULL,
};

static const char *const cronometer_servings_names[COL_COUNT] = {
    [COL_DATE] = "day|date",
    [COL_TIME] = "time",
    [COL_MEAL] = "group",
    [COL_FOOD] = "food name",
    [COL_AMOUNT] = "amount",
    [COL_CA] = "calcium (mg)",
    [COL_MG] = "magnesium (mg)",
    [COL_K] = "potassium (mg)",
    [COL_NA] = "sodium (mg)",
    [COL_CALORIES] = "energy (kcal)",
};

static const char *const cronometer_daily_names[COL_COUNT] = {
    [COL_DATE] = "date|day",
    [COL_CA] = "calcium (mg)",
    [COL_MG] = "magnesium (mg)",
    [COL_K] = "potassium (mg)",
    [COL_NA] = "sodium (mg)",
    [COL_COMPLETED] = "completed",
    [COL_CALORIES] = "energy (kcal)",
};

/* MyFitnessPal writes Sodium and Potassium in mg and Calcium as a percentage
 * of a Daily Value it does not name; it has no magnesium at all. */
static const char *const mfp_names[COL_COUNT] = {
    [COL_DATE] = "date",
    [COL_TIME] = "time",
    [COL_MEAL] = "meal",
    [COL_NOTE] = "note",
    [COL_CA] = "calcium",
    [COL_K] = "potassium|potassium (mg)",
    [COL_NA] = "sodium (mg)|sodium",
    [COL_CALORIES] = "calories",
};

typedef struct {
    kmgca_format format;
    const char *name;
    const char *title;
    const char *const *names;
    unsigned required;       /* bit per column_role */
} format_def;

#define BIT(c) (1u << (c))

static const format_def formats[] = {
    {KMGCA_FORMAT_AUTO, "auto", "detected from the header", NULL, 0},
    {KMGCA_FORMAT_GENERIC, "generic", "generic food diary", generic_names,
     BIT(COL_DATE) | BIT(COL_FOOD)},
    {KMGCA_FORMAT_CRONOMETER_SERVINGS, "cronometer-servings", "Cronometer servings export",
     cronometer_servings_names, BIT(COL_DATE) | BIT(COL_FOOD) | BIT(COL_AMOUNT)},
    {KMGCA_FORMAT_CRONOMETER_DAILY, "cronometer-daily", "Cronometer daily summary export",
     cronometer_daily_names, BIT(COL_DATE)},
    {KMGCA_FORMAT_MFP_SUMMARY, "mfp-summary", "MyFitnessPal Nutrition Summary export",
     mfp_names, BIT(COL_DATE) | BIT(COL_MEAL)},
};

static const char *const role_names[COL_COUNT] = {
    "date", "time", "meal", "food", "amount", "unit", "note",
    "Calcium (mg)", "Magnesium (mg)", "Potassium (mg)", "Sodium (mg)", "Completed", "energy",
};

const char *kmgca_format_name(kmgca_format f)
{
    return f >= 0 && f < KMGCA_FORMAT_COUNT ? formats[f].name : "unknown";
}

const char *kmgca_format_title(kmgca_format f)
{
    return f >= 0 && f < KMGCA_FORMAT_COUNT ? formats[f].title : "unknown format";
}

kmgca_status kmgca_format_parse(const char *text, kmgca_format *out)
{
    for (int f = 0; text && f < KMGCA_FORMAT_COUNT; f++)
        if (strcasecmp(text, formats[f].name) == 0) {
            *out = (kmgca_format)f;
            return KMGCA_OK;
        }
    if (text && strcasecmp(text, "mfp") == 0) {
        *out = KMGCA_FORMAT_MFP_SUMMARY;
        return KMGCA_OK;
    }
    return KMGCA_ERROR_VALUE;
}

/* A header cell as a message shows it: cut to fit, whole characters, and
 * control characters (a terminal would act on them) as '?'. */
static const char *shown_cell(char *dst, size_t size, const char *src)
{
    copy_text(dst, size, src);
    for (char *c = dst; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F)
            *c = '?';
    return dst;
}

/* Maps the header onto a format's roles; counts roles found. */
static unsigned map_columns(const csv_row *header, kmgca_format f, long col[COL_COUNT])
{
    unsigned found = 0;
    for (int c = 0; c < COL_COUNT; c++) {
        col[c] = -1;
        const char *names = formats[f].names[c];
        if (names && (col[c] = csv_find_column(header, names)) >= 0)
            found |= BIT(c);
    }
    return found;
}

/* The format a header gives away, or GENERIC. */
static kmgca_format sniff(const csv_row *header)
{
    int food_name = csv_find_column(header, "food name") >= 0;
    int mineral_mg = csv_find_column(header, "calcium (mg)|magnesium (mg)|potassium (mg)") >= 0;
    if (food_name && mineral_mg && csv_find_column(header, "amount") >= 0)
        return KMGCA_FORMAT_CRONOMETER_SERVINGS;
    if (mineral_mg && csv_find_column(header, "date|day") >= 0 &&
        (csv_find_column(header, "completed") >= 0 || !food_name))
        return KMGCA_FORMAT_CRONOMETER_DAILY;
    if (csv_find_column(header, "meal") >= 0 && csv_find_column(header, "calories") >= 0 &&
        csv_find_column(header, "calcium|potassium|sodium (mg)") >= 0 &&
        csv_find_column(header, generic_names[COL_FOOD]) < 0)
        return KMGCA_FORMAT_MFP_SUMMARY;
    return KMGCA_FORMAT_GENERIC;
}

kmgca_status diary_layout_from_header(const csv_row *header, kmgca_format forced,
                                      const char *path, diary_layout *out, kmgca_error *err)
{
    memset(out, 0, sizeof *out);
    kmgca_format f = forced != KMGCA_FORMAT_AUTO ? forced : sniff(header);
    out->format = f;
    out->columns = header->count;
    unsigned found = map_columns(header, f, out->col);
    unsigned missing = formats[f].required & ~found;
    if (missing) {
        int role = 0;
        while (!(missing & BIT(role)))
            role++;
        char seen[200];
        size_t o = 0;
        seen[0] = '\0';
        for (size_t i = 0; i < header->count && o + 1 < sizeof seen; i++) {
            char cell[41];
            shown_cell(cell, sizeof cell, header->fields[i]);
            int w = snprintf(seen + o, sizeof seen - o, "%s\"%s\"", i ? ", " : "", cell);
            if (w < 0)
                break;
            o += (size_t)w < sizeof seen - o ? (size_t)w : sizeof seen - o - 1;
        }
        utf8_trim_end(seen);
        /* The first line looks like data: say that a header is needed. */
        int32_t day;
        if (header->count && date_parse(header->fields[0], KMGCA_DATE_ORDER_AUTO, &day, NULL, NULL,
                                        0) != DATE_INVALID)
            return kmgca_fail_at(err, KMGCA_ERROR_HEADER, path, header->line, 1,
                                 "the first line must name the columns (date, food, amount, "
                                 "unit); it holds data: %s",
                                 seen);
        const char *names = formats[f].names[role];
        char expect[160];
        copy_text(expect, sizeof expect, names);
        for (char *c = expect; *c; c++)
            if (*c == '|')
                *c = ',';
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, path, header->line, 0,
                             "no %s column for a %s (one of: %s); the header has %s",
                             role_names[role], formats[f].title, expect, seen);
    }
    /* An export is read for its minerals: without any, it is not that export. */
    if (f != KMGCA_FORMAT_GENERIC &&
        !(found & (BIT(COL_CA) | BIT(COL_MG) | BIT(COL_K) | BIT(COL_NA))))
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, path, header->line, 0,
                             "no mineral column (%s) for a %s", f == KMGCA_FORMAT_MFP_SUMMARY
                                 ? "Sodium (mg), Potassium, Calcium"
                                 : "Calcium (mg), Magnesium (mg), Potassium (mg), Sodium (mg)",
                             formats[f].title);
    /* A role named twice would leave one column unread: refuse it. */
    for (int c = 0; c < COL_COUNT; c++) {
        if (out->col[c] < 0)
            continue;
        const char *first = header->fields[out->col[c]];
        for (size_t i = (size_t)out->col[c] + 1; i < header->count; i++) {
            const csv_row one = {&header->fields[i], 1, header->line, 0};
            char cell[81];
            if (*first && !strchr(first, '|') && csv_find_column(&one, first) == 0)
                return kmgca_fail_at(err, KMGCA_ERROR_HEADER, path, header->line, i + 1,
                                     "\"%s\" names the %s column a second time (first in "
                                     "column %ld)",
                                     shown_cell(cell, sizeof cell, header->fields[i]),
                                     role_names[c], out->col[c] + 1);
        }
    }
    return KMGCA_OK;
}

const char *diary_field(const diary_layout *l, const csv_row *row, column_role role)
{
    long c = l->col[role];
    return c >= 0 && (size_t)c < row->count ? row->fields[c] : "";
}
