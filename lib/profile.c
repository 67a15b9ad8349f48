/* profile.c — a client's profile.txt: "key: value" lines a dietitian writes
 * by hand.
 *
 *     # Mr Wang, seen 2026-07-02
 *     name: Wang Jun
 *     age: 72
 *     sex: m
 *     body mass: 81 kg
 *     target magnesium: 400 mg
 *     language: zh
 *     notes: night cramps in both calves since spring
 *
 * A line starting with '#' is a comment; blank lines are skipped; keys are
 * read without regard to case, with ' ', '_' and '-' alike, and a few
 * Chinese keys (姓名, 年龄, 性别, 体重, 语言, 备注) are understood; the colon
 * may be ASCII or full-width (：). Every mistake is reported with the file,
 * the line and the column (in characters) where it is, so that it can be
 * fixed without guessing: an unknown key names the known ones.
 */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Languages ---------------------------------------------------------- */

const char *kmgca_lang_name(kmgca_lang lang)
{
    return lang == KMGCA_LANG_ZH ? "zh" : "en";
}

kmgca_status kmgca_lang_parse(const char *text, kmgca_lang *out)
{
    static const struct {
        const char *word;
        kmgca_lang lang;
    } words[] = {
        {"en", KMGCA_LANG_EN},      {"english", KMGCA_LANG_EN}, {"英文", KMGCA_LANG_EN},
        {"英语", KMGCA_LANG_EN},    {"zh", KMGCA_LANG_ZH},      {"chinese", KMGCA_LANG_ZH},
        {"zh-cn", KMGCA_LANG_ZH},   {"zh_cn", KMGCA_LANG_ZH},   {"中文", KMGCA_LANG_ZH},
        {"汉语", KMGCA_LANG_ZH},
    };
    if (!text || !out)
        return KMGCA_ERROR_ARGUMENT;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcasecmp(text, words[i].word) == 0) {
            *out = words[i].lang;
            return KMGCA_OK;
        }
    return KMGCA_ERROR_VALUE;
}

/* ---- Keys --------------------------------------------------------------- */

typedef enum {
    KEY_NAME, KEY_ID, KEY_AGE, KEY_SEX, KEY_STAGE, KEY_PREGNANT, KEY_LACTATING,
    KEY_REFERENCE, KEY_BODY_MASS, KEY_TARGET_CA, KEY_TARGET_MG, KEY_TARGET_K, KEY_TARGET_NA,
    KEY_LANGUAGE, KEY_NOTES, KEY_COUNT
} profile_key;

/* Each key's spellings, in folded form (lower case, '_' for ' ' and '-').
 * The first is the one error messages use. */
static const char *const key_names[KEY_COUNT] = {
    [KEY_NAME] = "name|client|client_name|姓名|名字",
    [KEY_ID] = "id|client_id|编号",
    [KEY_AGE] = "age|age_years|年龄",
    [KEY_SEX] = "sex|gender|性别",
    [KEY_STAGE] = "stage|life_stage|阶段",
    [KEY_PREGNANT] = "pregnant|pregnancy|怀孕|孕期",
    [KEY_LACTATING] = "lactating|breastfeeding|lactation|哺乳|哺乳期",
    [KEY_REFERENCE] = "reference|dri|targets_from|参考|参考标准",
    [KEY_BODY_MASS] = "body_mass|body_mass_kg|weight|weight_kg|体重",
    [KEY_TARGET_CA] = "target_calcium|target_ca|calcium_target|ca_target|钙目标",
    [KEY_TARGET_MG] = "target_magnesium|target_mg|magnesium_target|mg_target|镁目标",
    [KEY_TARGET_K] = "target_potassium|target_k|potassium_target|k_target|钾目标",
    [KEY_TARGET_NA] = "target_sodium|target_na|sodium_target|na_target|钠目标",
    [KEY_LANGUAGE] = "language|lang|语言",
    [KEY_NOTES] = "notes|note|备注",
};

static const char KNOWN_KEYS[] =
    "name, id, age, sex, pregnant, lactating, stage, reference, body mass, "
    "target calcium, target magnesium, target potassium, target sodium, language, notes";

/* Folds a key: ASCII lower case, ' ' '-' '_' runs to one '_', trimmed. */
static void fold_key(const char *s, size_t len, char *out, size_t size)
{
    size_t o = 0;
    int sep = 0;
    for (size_t i = 0; i < len && o + 2 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '_' || c == '-') {
            sep = o > 0;
            continue;
        }
        if (sep) {
            out[o++] = '_';
            sep = 0;
        }
        out[o++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[o] = '\0';
}

static int key_is(const char *folded, const char *names)
{
    size_t len = strlen(folded);
    for (const char *p = names; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, folded, n) == 0)
            return 1;
        p += n + (bar ? 1 : 0);
    }
    return 0;
}

static int find_key(const char *folded)
{
    for (int k = 0; k < KEY_COUNT; k++)
        if (key_is(folded, key_names[k]))
            return k;
    return -1;
}

/* The name a key is shown with: its first spelling, '_' as a space. */
static void key_label(int k, char *out, size_t size)
{
    const char *names = key_names[k];
    size_t n = strcspn(names, "|");
    if (n >= size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = names[i] == '_' ? ' ' : names[i];
    out[n] = '\0';
}

/* ---- Values ------------------------------------------------------------- */

/* Characters (not bytes) from the start of the line to `at`, plus one. */
static unsigned long column_of(const char *line, const char *at)
{
    unsigned long col = 1;
    for (const char *p = line; p < at; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            col++;
    return col;
}

/* A number followed by nothing or one of the given unit words. 1 when read. */
static int number_with_unit(const char *s, const char *units, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !isfinite(v))
        return 0;
    /* strtod reads "0x10" and "1e3": plain decimals only. */
    for (const char *p = s; p < end; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '+'))
            return 0;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end) {
        char folded[64];
        fold_key(end, strlen(end), folded, sizeof folded);
        if (!key_is(folded, units))
            return 0;
    }
    *out = v;
    return 1;
}

static int yes_no(const char *s, int *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "是", "有"};
    static const char *const no[] = {"no", "n", "false", "0", "否", "无", "没有"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 1;
        }
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 1;
        }
    return 0;
}

/* ---- The parser --------------------------------------------------------- */

typedef struct {
    const char *file;
    kmgca_error *err;
    kmgca_client_profile *out;
    unsigned long seen[KEY_COUNT];  /* line where each key was given, 0: not yet */
    unsigned long col[KEY_COUNT];   /* column of its value */
    int pregnant, lactating;        /* -1: not given */
    int have_stage;
} parser;

static kmgca_status bad(parser *p, unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static kmgca_status bad(parser *p, unsigned long line, unsigned long col, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    utf8_trim_end(msg);
    return kmgca_fail_at(p->err, KMGCA_ERROR_VALUE, p->file, line, col, "%s", msg);
}

static kmgca_status set_value(parser *p, int key, const char *value, unsigned long line,
                              unsigned long col)
{
    kmgca_client_profile *o = p->out;
    char label[40];
    key_label(key, label, sizeof label);
    double v;
    switch ((profile_key)key) {
    case KEY_NAME:
    case KEY_ID: {
        char *dst = key == KEY_NAME ? o->name : o->id;
        size_t size = key == KEY_NAME ? sizeof o->name : sizeof o->id;
        if (strlen(value) >= size)
            return bad(p, line, col, "%s is longer than %zu bytes", label, size - 1);
        copy_text(dst, size, value);
        return KMGCA_OK;
    }
    case KEY_AGE:
        if (!number_with_unit(value, "years|year|y|yrs|岁|周岁", &v) || v < 0 || v > 130)
            return bad(p, line, col, "age must be a number of years from 0 to 130 (e.g. "
                                     "\"age: 68\"), not \"%.40s\"", value);
        o->profile.age_years = v;
        return KMGCA_OK;
    case KEY_SEX:
        if (kmgca_sex_parse(value, &o->profile.sex) != KMGCA_OK)
            return bad(p, line, col, "sex must be f or m (female, male, 女, 男), not \"%.40s\"",
                       value);
        return KMGCA_OK;
    case KEY_STAGE: {
        kmgca_life_stage stage;
        p->have_stage = 1;
        if (kmgca_life_stage_parse(value, &stage) != KMGCA_OK)
            return bad(p, line, col, "stage must be none, pregnant or lactating, not \"%.40s\"",
                       value);
        p->pregnant = stage == KMGCA_LIFE_PREGNANT;
        p->lactating = stage == KMGCA_LIFE_LACTATING;
        return KMGCA_OK;
    }
    case KEY_PREGNANT:
    case KEY_LACTATING: {
        int yes;
        if (!yes_no(value, &yes))
            return bad(p, line, col, "%s must be yes or no, not \"%.40s\"", label, value);
        if (key == KEY_PREGNANT)
            p->pregnant = yes;
        else
            p->lactating = yes;
        return KMGCA_OK;
    }
    case KEY_REFERENCE:
        if (strcmp(value, "中国") == 0)
            o->profile.reference = KMGCA_REF_CHINA;
        else if (strcmp(value, "美国") == 0)
            o->profile.reference = KMGCA_REF_US;
        else if (kmgca_reference_parse(value, &o->profile.reference) != KMGCA_OK ||
                 o->profile.reference == KMGCA_REF_LABEL)
            return bad(p, line, col, "reference must be us (US/Canada DRIs) or china (Chinese "
                                     "DRIs 2023), not \"%.40s\"", value);
        return KMGCA_OK;
    case KEY_BODY_MASS:
        if (!number_with_unit(value, "kg|kgs|kilograms|公斤|千克", &v) || v < 20 || v > 350)
            return bad(p, line, col, "body mass must be kilograms from 20 to 350 (e.g. \"body "
                                     "mass: 72 kg\"), not \"%.40s\"", value);
        o->body_mass_kg = v;
        return KMGCA_OK;
    case KEY_TARGET_CA:
    case KEY_TARGET_MG:
    case KEY_TARGET_K:
    case KEY_TARGET_NA: {
        kmgca_nutrient n = (kmgca_nutrient)(KMGCA_CA + (key - KEY_TARGET_CA));
        if (!number_with_unit(value, "mg|mg/day|mg_a_day|mg_per_day|毫克", &v) || v < 1 ||
            v > 100000)
            return bad(p, line, col, "%s must be mg a day from 1 to 100000 (e.g. \"%s: 400 "
                                     "mg\"), not \"%.40s\"", label, label, value);
        o->target_mg[n] = v;
        return KMGCA_OK;
    }
    case KEY_LANGUAGE:
        if (kmgca_lang_parse(value, &o->lang) != KMGCA_OK)
            return bad(p, line, col, "language must be en or zh, not \"%.40s\"", value);
        o->lang_given = 1;
        return KMGCA_OK;
    case KEY_NOTES: {
        size_t have = strlen(o->notes), add = strlen(value);
        if (have + add + 2 > sizeof o->notes)
            return bad(p, line, col, "notes are longer than %zu bytes in all",
                       sizeof o->notes - 1);
        if (have)
            o->notes[have++] = '\n';
        memcpy(o->notes + have, value, add + 1);
        return KMGCA_OK;
    }
    default: return KMGCA_OK;
    }
}

static kmgca_status parse_line(parser *p, char *line, unsigned long number)
{
    char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s || *s == '#')
        return KMGCA_OK;
    /* The first colon, ASCII or full-width. */
    char *colon = strchr(s, ':');
    char *wide = strstr(s, "\xEF\xBC\x9A"); /* U+FF1A */
    size_t colon_len = 1;
    if (wide && (!colon || wide < colon)) {
        colon = wide;
        colon_len = 3;
    }
    if (!colon)
        return bad(p, number, column_of(line, s),
                   "expected \"key: value\" (for example \"age: 68\"); a comment line starts "
                   "with #");
    char folded[64];
    fold_key(s, (size_t)(colon - s), folded, sizeof folded);
    if (!folded[0])
        return bad(p, number, column_of(line, s), "no key before the colon");
    int key = find_key(folded);
    if (key < 0) {
        char shown[64];
        size_t n = (size_t)(colon - s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        if (n >= sizeof shown)
            n = sizeof shown - 1;
        memcpy(shown, s, n);
        shown[n] = '\0';
        utf8_trim_end(shown);
        return bad(p, number, column_of(line, s), "unknown key \"%s\" (known keys: %s)", shown,
                   KNOWN_KEYS);
    }
    char *value = colon + colon_len;
    while (*value == ' ' || *value == '\t')
        value++;
    text_trim(value);
    unsigned long vcol = column_of(line, value);
    char label[40];
    key_label(key, label, sizeof label);
    if (p->seen[key] && key != KEY_NOTES)
        return bad(p, number, column_of(line, s), "%s is given twice (first on line %lu)",
                   label, p->seen[key]);
    if (!*value)
        return bad(p, number, vcol, "no value after \"%s:\"", label);
    p->seen[key] = number;
    p->col[key] = vcol;
    return set_value(p, key, value, number, vcol);
}

kmgca_status kmgca_client_profile_parse(const char *text, size_t len, const char *file,
                                        kmgca_client_profile *out, kmgca_error *err)
{
    if (!text || !out)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no profile text or result given");
    if (!file)
        file = KMGCA_PROFILE_FILE;
    memset(out, 0, sizeof *out);
    out->profile.reference = KMGCA_REF_US;
    out->profile.age_years = NAN;
    out->body_mass_kg = NAN;
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++)
        out->target_mg[n] = NAN;
    parser p = {.file = file, .err = err, .out = out, .pregnant = -1, .lactating = -1};
    if (len > KMGCA_PROFILE_MAX_BYTES)
        return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, file, 0, 0,
                             "the profile is %zu bytes; the limit is %d", len,
                             KMGCA_PROFILE_MAX_BYTES);
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    char line[4096];
    unsigned long number = 0;
    kmgca_status st = KMGCA_OK;
    while (i < len && st == KMGCA_OK) {
        size_t start = i;
        while (i < len && text[i] != '\n' && text[i] != '\r')
            i++;
        size_t n = i - start;
        number++;
        if (i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        if (i < len)
            i++;
        if (n >= sizeof line)
            return kmgca_fail_at(err, KMGCA_ERROR_LIMIT, file, number, 1,
                                 "the line is %zu bytes long; the limit is %zu", n,
                                 sizeof line - 1);
        if (memchr(text + start, '\0', n))
            return kmgca_fail_at(err, KMGCA_ERROR_ENCODING, file, number,
                                 column_of(text + start, memchr(text + start, '\0', n)),
                                 "a NUL byte: the profile must be UTF-8 text");
        if (!utf8_valid(text + start, n)) {
            /* Find the first bad byte for the column. */
            size_t k = 0;
            while (k < n) {
                size_t l = 1;
                unsigned char c = (unsigned char)text[start + k];
                /* A sequence cut by the end is bad: never decode past it. */
                size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (c >= 0x80 && (k + need > n || utf8_decode(text + start + k, &l) < 0))
                    break;
                k += l;
            }
            return kmgca_fail_at(err, KMGCA_ERROR_ENCODING, file, number,
                                 column_of(text + start, text + start + k),
                                 "the text is not UTF-8 (save the profile as UTF-8)");
        }
        memcpy(line, text + start, n);
        line[n] = '\0';
        st = parse_line(&p, line, number);
    }
    if (st != KMGCA_OK)
        return st;

    /* What depends on several keys. */
    if (isnan(out->profile.age_years))
        return kmgca_fail_at(err, KMGCA_ERROR_VALUE, file, 0, 0,
                             "no age: add a line such as \"age: 68\" (targets depend on it)");
    if (!out->profile.sex) {
        if (p.pregnant == 1 || p.lactating == 1)
            out->profile.sex = 'f';
        else
            return kmgca_fail_at(err, KMGCA_ERROR_VALUE, file, 0, 0,
                                 "no sex: add a line such as \"sex: f\" or \"sex: m\" (targets "
                                 "depend on it)");
    }
    if (p.pregnant == 1 && p.lactating == 1) {
        int k = p.seen[KEY_LACTATING] ? KEY_LACTATING : KEY_STAGE;
        return bad(&p, p.seen[k], p.col[k], "pregnant and lactating cannot both be yes");
    }
    out->profile.stage = p.pregnant == 1    ? KMGCA_LIFE_PREGNANT
                         : p.lactating == 1 ? KMGCA_LIFE_LACTATING
                                            : KMGCA_LIFE_NONE;
    if (out->profile.stage != KMGCA_LIFE_NONE && out->profile.sex != 'f') {
        int k = p.seen[KEY_PREGNANT]    ? KEY_PREGNANT
                : p.seen[KEY_LACTATING] ? KEY_LACTATING
                                        : KEY_STAGE;
        return bad(&p, p.seen[k], p.col[k], "%s applies only to sex f",
                   out->profile.stage == KMGCA_LIFE_PREGNANT ? "pregnancy" : "lactation");
    }
    /* The reference must have targets for this person. */
    for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
        kmgca_target t;
        kmgca_error e;
        kmgca_error_clear(&e);
        if (!isnan(out->target_mg[n]))
            continue;
        if (kmgca_target_for(&out->profile, (kmgca_nutrient)n, &t, &e) != KMGCA_OK)
            return bad(&p, p.seen[KEY_AGE], p.col[KEY_AGE], "%s", e.message);
    }
    return KMGCA_OK;
}

kmgca_status kmgca_client_profile_read(const char *path, kmgca_client_profile *out,
                                       kmgca_error *err)
{
    if (!path || !out)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no profile path or result given");
    FILE *f = fopen(path, "rb");
    if (!f)
        return kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0, "cannot read the profile: %s",
                             strerror(errno));
    char *buf = malloc(KMGCA_PROFILE_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        return kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
    }
    size_t len = fread(buf, 1, KMGCA_PROFILE_MAX_BYTES + 1, f);
    int failed = ferror(f);
    fclose(f);
    kmgca_status st;
    if (failed)
        st = kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0, "cannot read the profile");
    else if (len > KMGCA_PROFILE_MAX_BYTES)
        st = kmgca_fail_at(err, KMGCA_ERROR_LIMIT, path, 0, 0,
                           "the profile is longer than %d bytes", KMGCA_PROFILE_MAX_BYTES);
    else
        st = kmgca_client_profile_parse(buf, len, path, out, err);
    free(buf);
    return st;
}
