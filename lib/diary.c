/* diary.c — what kind of diary a file is, and which column holds what.
 *
 * Every format is a row of this table: the header names each column may
 * carry (any case; spaces, '_' and '-' ignored), which columns it needs, and
 * the header names that give the format away. Adding a synonym or a format
 * means adding data here, not code elsewhere. A format's columns are a
 * schema of table.c, which reads every file with a header the same way.
 * The numbers an export writes in its mineral columns are read here too
 * (diary_export_number), as each format writes them.
 */
#include "internal.h"
#include "table.h"

#include <math.h>
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

/* How messages name each role. */
static const char *const role_names[COL_COUNT] = {
    "date", "time", "meal", "food", "amount", "unit", "note",
    "Calcium (mg)", "Magnesium (mg)", "Potassium (mg)", "Sodium (mg)", "Completed", "energy",
};

typedef struct {
    kmgca_format format;
    const char *name;
    const char *title;
    table_schema columns;    /* its header names and the roles it needs */
} format_def;

#define BIT(c) (1u << (c))
#define COLUMNS(role_columns, roles_needed)                                              \
    {.names = role_columns, .labels = role_names, .count = COL_COUNT, .required = roles_needed}

static const format_def formats[] = {
    {KMGCA_FORMAT_AUTO, "auto", "detected from the header", {0}},
    {KMGCA_FORMAT_GENERIC, "generic", "generic food diary",
     COLUMNS(generic_names, BIT(COL_DATE) | BIT(COL_FOOD))},
    {KMGCA_FORMAT_CRONOMETER_SERVINGS, "cronometer-servings", "Cronometer servings export",
     COLUMNS(cronometer_servings_names, BIT(COL_DATE) | BIT(COL_FOOD) | BIT(COL_AMOUNT))},
    {KMGCA_FORMAT_CRONOMETER_DAILY, "cronometer-daily", "Cronometer daily summary export",
     COLUMNS(cronometer_daily_names, BIT(COL_DATE))},
    {KMGCA_FORMAT_MFP_SUMMARY, "mfp-summary", "MyFitnessPal Nutrition Summary export",
     COLUMNS(mfp_names, BIT(COL_DATE) | BIT(COL_MEAL))},
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

/* The header names a role of the format needs: say which, what names it
 * may have, and what the header holds (or that the first line is data). */
static kmgca_status missing_column(const table_reader *t, const csv_row *header, kmgca_format f,
                                   int role, kmgca_error *err)
{
    char seen[200];
    size_t o = 0;
    seen[0] = '\0';
    for (size_t i = 0; i < header->count && o + 1 < sizeof seen; i++) {
        char cell[41];
        table_shown_cell(cell, sizeof cell, header->fields[i]);
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
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, 1,
                             "the first line must name the columns (date, food, amount, "
                             "unit); it holds data: %s",
                             seen);
    char expect[160];
    copy_text(expect, sizeof expect, formats[f].columns.names[role]);
    for (char *c = expect; *c; c++)
        if (*c == '|')
            *c = ',';
    return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, 0,
                         "no %s column for a %s (one of: %s); the header has %s",
                         role_names[role], formats[f].title, expect, seen);
}

kmgca_status diary_header(table_reader *t, const csv_row *header, kmgca_format forced,
                          kmgca_format *format, kmgca_error *err)
{
    kmgca_format f = forced != KMGCA_FORMAT_AUTO ? forced : sniff(header);
    *format = f;
    unsigned found = table_map(t, &formats[f].columns, header);
    int role = table_missing(t);
    if (role >= 0)
        return missing_column(t, header, f, role, err);
    /* An export is read for its minerals: without any, it is not that export. */
    if (f != KMGCA_FORMAT_GENERIC &&
        !(found & (BIT(COL_CA) | BIT(COL_MG) | BIT(COL_K) | BIT(COL_NA))))
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, 0,
                             "no mineral column (%s) for a %s", f == KMGCA_FORMAT_MFP_SUMMARY
                                 ? "Sodium (mg), Potassium, Calcium"
                                 : "Calcium (mg), Magnesium (mg), Potassium (mg), Sodium (mg)",
                             formats[f].title);
    return KMGCA_OK;
}

int diary_export_number(const char *text, int decimal_comma, double *out)
{
    char buf[64];
    size_t o = 0;
    const char *p = text;
    while (*p == ' ')
        p++;
    if (!*p)
        return 0;
    for (; *p && o + 1 < sizeof buf; p++) {
        if (*p == ' ' || (*p == ',' && !decimal_comma) || (*p == '.' && decimal_comma &&
                                                           strchr(p + 1, ',')))
            continue; /* thousands separators */
        buf[o++] = *p == ',' ? '.' : *p;
    }
    if (*p)
        return -1;
    buf[o] = '\0';
    double v;
    size_t used = parse_decimal(buf, &v);
    if (!used || buf[used] || !isfinite(v))
        return -1;
    *out = v;
    return 1;
}

int diary_plain_number(const char *s)
{
    const char *p = s;
    while (*p >= '0' && *p <= '9')
        p++;
    if (p == s)
        return 0;
    if (*p == '.') {
        const char *f = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p == f)
            return 0;
    }
    return !*p;
}
