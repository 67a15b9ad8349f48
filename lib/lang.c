/* lang.c — kmgca's fixed text in the report's language.
 *
 * msg_text() gives a message (msg.h) in English or Chinese from the
 * catalogues msg_en.c and msg_zh.c. lang_zh() still finds a message by its
 * English for the callers that name one that way. Text that comes from
 * the tables (food descriptions, drug notes, citations) is not translated:
 * a Chinese name is shown where the tables have one.
 *
 * Text composed by the library before the report's language is known (how a
 * serving was weighed, how a medication line was read, how sweat was found)
 * goes through lang_zh_text(): the fixed phrases of kmgca's own English in
 * it (lang_zh_phrases, sorted by their English) become Chinese, and the
 * names, table notes, citations and numbers around them stay as they are.
 */
#include "internal.h"
#include "lang.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

const char *msg_text(kmgca_lang lang, msg_id id)
{
    if ((unsigned)id >= MSG_COUNT)
        return "";
    const char *t = lang == KMGCA_LANG_ZH ? msg_zh[id] : NULL;
    return t ? t : msg_en[id] ? msg_en[id] : "";
}

/* ---- The words for kmgca's values --------------------------------------- */

msg_id msg_nutrient(kmgca_nutrient n)
{
    static const msg_id m[KMGCA_NUTRIENT_COUNT] = {
        [KMGCA_CA] = MSG_CALCIUM, [KMGCA_MG] = MSG_MAGNESIUM, [KMGCA_K] = MSG_POTASSIUM,
        [KMGCA_NA] = MSG_SODIUM};
    return (unsigned)n < KMGCA_NUTRIENT_COUNT ? m[n] : MSG_CALCIUM;
}

msg_id msg_nutrient_title(kmgca_nutrient n)
{
    static const msg_id m[KMGCA_NUTRIENT_COUNT] = {
        [KMGCA_CA] = MSG_CALCIUM_TITLE, [KMGCA_MG] = MSG_MAGNESIUM_TITLE,
        [KMGCA_K] = MSG_POTASSIUM_TITLE, [KMGCA_NA] = MSG_SODIUM_TITLE};
    return (unsigned)n < KMGCA_NUTRIENT_COUNT ? m[n] : MSG_CALCIUM_TITLE;
}

msg_id msg_method(kmgca_match_method m)
{
    switch (m) {
    case KMGCA_MATCH_EXACT: return MSG_METHOD_EXACT;
    case KMGCA_MATCH_WORDS: return MSG_METHOD_WORDS;
    case KMGCA_MATCH_SPELLING: return MSG_METHOD_SPELLING;
    case KMGCA_MATCH_CHINESE: return MSG_METHOD_CHINESE;
    default: return MSG_METHOD_NONE;
    }
}

msg_id msg_flag_kind(kmgca_flag_kind k)
{
    switch (k) {
    case KMGCA_FLAG_DIURETIC: return MSG_KIND_DIURETIC;
    case KMGCA_FLAG_SWEAT: return MSG_KIND_SWEAT;
    case KMGCA_FLAG_SUPPLEMENT: return MSG_KIND_SUPPLEMENT;
    case KMGCA_FLAG_PATTERN: return MSG_KIND_PATTERN;
    default: return MSG_KIND_DRUG;
    }
}

msg_id msg_severity(kmgca_severity s)
{
    return s == KMGCA_SEVERITY_HIGH       ? MSG_SEVERITY_HIGH
           : s == KMGCA_SEVERITY_MODERATE ? MSG_SEVERITY_MODERATE
                                          : MSG_SEVERITY_LOW;
}

msg_id msg_direction(kmgca_direction d)
{
    switch (d) {
    case KMGCA_DIRECTION_MINOR_DOWN: return MSG_EFFECT_MINOR_DOWN;
    case KMGCA_DIRECTION_DOWN: return MSG_EFFECT_DOWN;
    case KMGCA_DIRECTION_MINOR_UP: return MSG_EFFECT_MINOR_UP;
    case KMGCA_DIRECTION_UP: return MSG_EFFECT_UP;
    case KMGCA_DIRECTION_VARIABLE: return MSG_EFFECT_VARIABLE;
    case KMGCA_DIRECTION_LOW_INTAKE: return MSG_DIRECTION_LOW_INTAKE;
    case KMGCA_DIRECTION_OVER_UL: return MSG_FLAG_OVER_UL;
    case KMGCA_DIRECTION_WITH_K_RAISING_DRUG: return MSG_FLAG_K_WITH_RAISING_DRUG;
    case KMGCA_DIRECTION_CA_MET_MG_LOW: return MSG_FLAG_CA_MET_MG_LOW;
    default: return MSG_EFFECT_NEUTRAL;
    }
}

msg_id msg_effect(kmgca_effect e)
{
    return msg_direction((kmgca_direction)e);
}

/* KMGCA_FORMAT_AUTO never reaches a sheet: a file's format is known once
 * its header is read. */
msg_id msg_format(kmgca_format f)
{
    switch (f) {
    case KMGCA_FORMAT_CRONOMETER_SERVINGS: return MSG_FORMAT_CRONOMETER_SERVINGS;
    case KMGCA_FORMAT_CRONOMETER_DAILY: return MSG_FORMAT_CRONOMETER_DAILY;
    case KMGCA_FORMAT_MFP_SUMMARY: return MSG_FORMAT_MFP_SUMMARY;
    default: return MSG_FORMAT_GENERIC;
    }
}

const char *msg_target_kind(kmgca_lang lang, const char *kind)
{
    static const msg_id kinds[] = {MSG_RDA, MSG_AI, MSG_RNI, MSG_DV, MSG_PAGE_TARGET_SET};
    for (size_t i = 0; kind && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kind, msg_en[kinds[i]]) == 0)
            return msg_text(lang, kinds[i]);
    return kind;
}

/* ---- Messages found by their English ------------------------------------- */

/* The messages in the order of their English, for lang_zh(). */
static msg_id by_english[MSG_COUNT];
static pthread_once_t by_english_once = PTHREAD_ONCE_INIT;

static int english_order(const void *a, const void *b)
{
    return strcmp(msg_en[*(const msg_id *)a], msg_en[*(const msg_id *)b]);
}

static void sort_by_english(void)
{
    for (int i = 0; i < MSG_COUNT; i++)
        by_english[i] = (msg_id)i;
    qsort(by_english, MSG_COUNT, sizeof *by_english, english_order);
}

static int by_english_key(const void *key, const void *item)
{
    return strcmp((const char *)key, msg_en[*(const msg_id *)item]);
}

const char *lang_zh(const char *en)
{
    if (!en)
        return en;
    pthread_once(&by_english_once, sort_by_english);
    const msg_id *p = bsearch(en, by_english, MSG_COUNT, sizeof *by_english, by_english_key);
    return p ? msg_text(KMGCA_LANG_ZH, *p) : en;
}

/* ---- Phrases inside composed text ----------------------------------------- */

size_t lang_phrase_count(void)
{
    return lang_zh_phrase_count;
}

const char *lang_phrase_at(size_t i, const char **zh)
{
    if (i >= lang_zh_phrase_count)
        return NULL;
    if (zh)
        *zh = lang_zh_phrases[i].zh;
    return lang_zh_phrases[i].en;
}

static int ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The longest phrase at en + i, whole words only; NULL when none. */
static const lang_phrase *phrase_at(const char *en, size_t i)
{
    size_t n = lang_zh_phrase_count, lo = 0, hi = n;
    unsigned char first = (unsigned char)en[i];
    while (lo < hi) { /* the first phrase starting with this byte */
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)lang_zh_phrases[mid].en[0] < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    const lang_phrase *best = NULL;
    size_t best_len = 0;
    for (size_t k = lo; k < n && (unsigned char)lang_zh_phrases[k].en[0] == first; k++) {
        const lang_phrase *p = &lang_zh_phrases[k];
        size_t len = strlen(p->en);
        if (len <= best_len || strncmp(en + i, p->en, len) != 0)
            continue;
        if (ascii_alnum(p->en[0]) && i && ascii_alnum(en[i - 1]))
            continue;
        if (ascii_alnum(p->en[len - 1]) && ascii_alnum(en[i + len]))
            continue;
        if ((p->flags & PH_AFTER_DIGIT) && (!i || en[i - 1] < '0' || en[i - 1] > '9'))
            continue;
        best = p;
        best_len = len;
    }
    return best;
}

/* A size word written before a Chinese measure word ("small 碗"). */
static const char *const size_words[][2] = {
    {"extra large ", "特大"}, {"jumbo ", "特大"}, {"large ", "大"}, {"medium ", "中"},
    {"small ", "小"},
};

/* 1 when s[0..len) is how weigh.c glosses a measure word: a concept of
 * foodtables/measure_words.csv ("piece" for an item), a size first or not. */
static int measure_gloss(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof size_words / sizeof *size_words; k++) {
        size_t sl = strlen(size_words[k][0]);
        if (len > sl && strncmp(s, size_words[k][0], sl) == 0) {
            s += sl;
            len -= sl;
            break;
        }
    }
    if (len == 5 && strncmp(s, "piece", 5) == 0)
        return 1;
    for (size_t i = 0; i < kmgca_builtin_measure_word_count; i++) {
        const char *c = kmgca_builtin_measure_words[i].concept;
        if (strlen(c) == len && strncmp(c, s, len) == 0)
            return 1;
    }
    return 0;
}

static int cjk_at(const char *s)
{
    size_t len;
    long cp = (unsigned char)*s >= 0x80 ? utf8_decode(s, &len) : -1;
    return cp >= 0 && is_cjk((unsigned long)cp);
}

const char *lang_zh_text(const char *en, char *out, size_t size)
{
    if (!out || !size)
        return out;
    out[0] = '\0';
    if (!en)
        return out;
    size_t o = 0, i = 0;
    int after_cjk = 0;        /* the last character copied is a CJK ideograph */
#define PUT(s, n)                                                                          \
    do {                                                                                   \
        size_t n_ = (n);                                                                   \
        if (o + n_ >= size)                                                                \
            goto full;                                                                     \
        memcpy(out + o, (s), n_);                                                          \
        o += n_;                                                                           \
    } while (0)
    while (en[i]) {
        /* The English gloss weigh.c puts after a Chinese measure word, "碗
         * (small bowl)", says nothing a Chinese reader needs. */
        if (after_cjk && en[i] == ' ' && en[i + 1] == '(') {
            size_t j = i + 2;
            while ((en[j] >= 'a' && en[j] <= 'z') || en[j] == ' ')
                j++;
            if (en[j] == ')' && j > i + 2 && measure_gloss(en + i + 2, j - i - 2)) {
                i = j + 1;
                after_cjk = 0;
                continue;
            }
        }
        if (!i || !ascii_alnum(en[i - 1])) {
            size_t k = 0;
            while (k < sizeof size_words / sizeof *size_words &&
                   !(strncmp(en + i, size_words[k][0], strlen(size_words[k][0])) == 0 &&
                     cjk_at(en + i + strlen(size_words[k][0]))))
                k++;
            if (k < sizeof size_words / sizeof *size_words) {
                PUT(size_words[k][1], strlen(size_words[k][1]));
                i += strlen(size_words[k][0]);
                after_cjk = 0;
                continue;
            }
        }
        const lang_phrase *p = phrase_at(en, i);
        if (p) {
            PUT(p->zh, strlen(p->zh));
            i += strlen(p->en);
            after_cjk = 0;
            if (p->flags & PH_REST_AS_IS) {
                PUT(en + i, strlen(en + i));
                break;
            }
            if (p->flags & PH_MINERALS) {
                /* The minerals listed after it: "calcium, sodium". */
                static const char *const minerals[] = {"calcium", "magnesium", "potassium",
                                                       "sodium"};
                for (size_t m = 0, first = 1; m < 4; m++) {
                    size_t skip = first ? 0 : 2, ml = strlen(minerals[m]);
                    if ((first || strncmp(en + i, ", ", 2) == 0) &&
                        strncmp(en + i + skip, minerals[m], ml) == 0 &&
                        !ascii_alnum(en[i + skip + ml])) {
                        if (!first)
                            PUT("、", strlen("、"));
                        PUT(lang_zh(minerals[m]), strlen(lang_zh(minerals[m])));
                        i += skip + ml;
                        first = 0;
                    }
                }
            }
            continue;
        }
        if (en[i] == '"' && strchr(en + i + 1, '"')) {
            /* Quoted text is the user's or a table's: as it is. */
            size_t q = (size_t)(strchr(en + i + 1, '"') - en) + 1;
            PUT(en + i, q - i);
            i = q;
            after_cjk = 0;
            continue;
        }
        size_t len = 1;
        long cp = (unsigned char)en[i] >= 0x80 ? utf8_decode(en + i, &len) : -1;
        if (cp < 0)
            len = 1;
        PUT(en + i, len);
        after_cjk = cp >= 0 && is_cjk((unsigned long)cp);
        i += len;
    }
#undef PUT
    out[o] = '\0';
    return out;
full:
    out[o] = '\0';
    utf8_trim_end(out);
    return out;
}
