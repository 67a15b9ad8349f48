/* lang.c — kmgca's fixed text in the report's language.
 *
 * msg_text() gives a message (msg.h) in English or Chinese from the
 * catalogues msg_en.c and msg_zh.c; msg_nutrient(), msg_method(), ... name
 * the values of kmgca.h by their messages. Text that comes from the
 * tables (food descriptions, drug notes, citations) is not translated: a
 * Chinese name is shown where the tables have one.
 *
 * Text composed by the library before the report's language is known (how a
 * serving was weighed, how a medication line was read, how sweat was found)
 * goes through lang_zh_text(): the phrases of msg.h's last block in it,
 * found by their English (msg_phrases.h), become Chinese, and the names,
 * table notes, citations and numbers around them stay as they are.
 */
#include "internal.h"
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
    static const msg_id kinds[] = {MSG_RDA, MSG_AI, MSG_RNI, MSG_DV, MSG_TARGET_SET_BY_DIETITIAN};
    for (size_t i = 0; kind && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kind, msg_en[kinds[i]]) == 0)
            return msg_text(lang, kinds[i]);
    return kind;
}

/* ---- Phrases inside composed text ----------------------------------------- */

/* How a phrase's English is found in composed text. */
enum {
    PHRASE_AFTER_DIGIT = 1, /* only right after a digit: " C, " in "30 C, " */
    PHRASE_REST_AS_IS = 2,  /* what follows is a citation: kept as it is */
    PHRASE_MINERALS = 4     /* a list of minerals follows: "calcium, sodium" */
};

static const unsigned char phrase_flags[MSG_COUNT] = {
    [MSG_PH_HUMIDITY_ASSUMED] = PHRASE_AFTER_DIGIT,
    [MSG_PH_HUMIDITY] = PHRASE_AFTER_DIGIT,
    [MSG_PH_C_ASSUMED] = PHRASE_AFTER_DIGIT,
    [MSG_PH_C] = PHRASE_AFTER_DIGIT,
    [MSG_PH_C_NO_WIND] = PHRASE_AFTER_DIGIT,
    [MSG_PH_L_DRUNK] = PHRASE_AFTER_DIGIT,
    [MSG_PH_L_URINE] = PHRASE_AFTER_DIGIT,
    [MSG_PH_MET_FROM] = PHRASE_AFTER_DIGIT,
    [MSG_PH_MET_ASSUMED] = PHRASE_AFTER_DIGIT,
    [MSG_PH_MET] = PHRASE_AFTER_DIGIT,
    [MSG_PH_KCAL_BURNED] = PHRASE_AFTER_DIGIT,
    [MSG_PH_KG_AFTER] = PHRASE_AFTER_DIGIT,
    [MSG_PH_KG_BEFORE] = PHRASE_AFTER_DIGIT,
    [MSG_PH_KG_BODY_MASS_ASSUMED] = PHRASE_AFTER_DIGIT,
    [MSG_PH_KG] = PHRASE_AFTER_DIGIT,
    [MSG_PH_MIN_AT] = PHRASE_AFTER_DIGIT,
    [MSG_PH_FIELDS_HEADER_NAMES] = PHRASE_AFTER_DIGIT,
    [MSG_PH_TEXT_PAST_COLUMN] = PHRASE_AFTER_DIGIT,
    [MSG_PH_IS_NOT_READ] = PHRASE_AFTER_DIGIT,
    [MSG_PH_SOURCE] = PHRASE_REST_AS_IS,
    [MSG_PH_PCT_OF_DAILY_VALUE] = PHRASE_AFTER_DIGIT,
    [MSG_PH_NOT_MEASURED_IN_FOOD] = PHRASE_MINERALS,
    [MSG_PH_G_AS_WRITTEN] = PHRASE_AFTER_DIGIT,
    [MSG_PH_G_PER_ML] = PHRASE_AFTER_DIGIT,
    [MSG_PH_X_ONE_PIECE] = PHRASE_AFTER_DIGIT,
    [MSG_PH_A_DAY_EQUALS] = PHRASE_AFTER_DIGIT,
    [MSG_PH_AMPOULES] = PHRASE_AFTER_DIGIT,
    [MSG_PH_SACHETS] = PHRASE_AFTER_DIGIT,
    [MSG_PH_SCOOPS] = PHRASE_AFTER_DIGIT,
    [MSG_PH_TABLETS] = PHRASE_AFTER_DIGIT,
};

/* The phrases (the last ids of msg.h) in the order of their English's
 * bytes, sorted once. */
static int english_order(const void *a, const void *b)
{
    return strcmp(msg_en[*(const msg_id *)a], msg_en[*(const msg_id *)b]);
}

#define PHRASE_COUNT (MSG_COUNT - MSG_PHRASE_FIRST)
static msg_id phrases[PHRASE_COUNT];
static pthread_once_t phrases_once = PTHREAD_ONCE_INIT;

static void sort_phrases(void)
{
    for (int i = 0; i < PHRASE_COUNT; i++)
        phrases[i] = (msg_id)(MSG_PHRASE_FIRST + i);
    qsort(phrases, PHRASE_COUNT, sizeof *phrases, english_order);
}

static int ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The longest phrase at en + i, whole words only; MSG_COUNT when none. */
static msg_id phrase_at(const char *en, size_t i)
{
    size_t lo = 0, hi = PHRASE_COUNT;
    unsigned char first = (unsigned char)en[i];
    while (lo < hi) { /* the first phrase starting with this byte */
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)msg_en[phrases[mid]][0] < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    msg_id best = MSG_COUNT;
    size_t best_len = 0;
    for (size_t k = lo; k < PHRASE_COUNT && (unsigned char)msg_en[phrases[k]][0] == first; k++) {
        const char *p = msg_en[phrases[k]];
        size_t len = strlen(p);
        if (len <= best_len || strncmp(en + i, p, len) != 0)
            continue;
        if (ascii_alnum(p[0]) && i && ascii_alnum(en[i - 1]))
            continue;
        if (ascii_alnum(p[len - 1]) && ascii_alnum(en[i + len]))
            continue;
        if ((phrase_flags[phrases[k]] & PHRASE_AFTER_DIGIT) &&
            (!i || en[i - 1] < '0' || en[i - 1] > '9'))
            continue;
        best = phrases[k];
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
    pthread_once(&phrases_once, sort_phrases);
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
        msg_id p = phrase_at(en, i);
        if (p != MSG_COUNT) {
            PUT(msg_zh[p], strlen(msg_zh[p]));
            i += strlen(msg_en[p]);
            after_cjk = 0;
            if (phrase_flags[p] & PHRASE_REST_AS_IS) {
                PUT(en + i, strlen(en + i));
                break;
            }
            if (phrase_flags[p] & PHRASE_MINERALS) {
                /* The minerals listed after it, as analyse.c names them:
                 * "calcium, sodium". */
                for (int n = 0, first = 1; n < KMGCA_NUTRIENT_COUNT; n++) {
                    const char *name = kmgca_nutrient_name((kmgca_nutrient)n);
                    const char *zh = msg_zh[msg_nutrient((kmgca_nutrient)n)];
                    size_t skip = first ? 0 : 2, ml = strlen(name);
                    if ((first || strncmp(en + i, ", ", 2) == 0) &&
                        strncmp(en + i + skip, name, ml) == 0 && !ascii_alnum(en[i + skip + ml])) {
                        if (!first)
                            PUT("、", strlen("、"));
                        PUT(zh, strlen(zh));
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
