/* amount.c — how much, as people write it, read from tokens (tokens.c):
 *
 *   amount = number | number words ("a", "half a", "one and a half",
 *            "a couple of", "three quarters of") | x-count ("x2", "3x") |
 *            Chinese numerals (一, 两, 十二, 一百五, 半, 四分之一) | digits,
 *            before a Chinese measure word
 *
 * A Chinese numeral counts only before a measure word or unit ("三文鱼" is
 * salmon). A vague amount ("a few", "十几个", "适量") or a range ("2-3",
 * "一两个") is read too, so that it is cut out of the food, and refused with
 * its reason. Numbers that belong to a name ("2% milk", "7-grain", "V8") are
 * not amounts.
 */
#include "msg_phrases.h"
#include "serving.h"

#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

/* ---- Amounts ------------------------------------------------------------- */

static const struct {
    const char *word;
    double value;
} number_words[] = {
    {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"half", 0.5}, {"quarter", 0.25},
    {"third", 1.0 / 3}, {"dozen", 12}, {"couple", 2}, {"pair", 2},
};

double number_word_value(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof number_words / sizeof number_words[0]; k++)
        if (strlen(number_words[k].word) == n && !strncasecmp(w, number_words[k].word, n))
            return number_words[k].value;
    return NAN;
}

static double number_word(const tokens *tk, int i)
{
    for (size_t k = 0; k < sizeof number_words / sizeof number_words[0]; k++)
        if (word_is(tk, i, number_words[k].word))
            return number_words[k].value;
    return NAN;
}

/* Chinese numerals: 零 一 二 两 三 ... 九, 十 百 千 as multipliers. */
static int zh_digit(long cp)
{
    static const long digits[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                  0x516D, 0x4E03, 0x516B, 0x4E5D};
    for (int d = 0; d < 10; d++)
        if (cp == digits[d])
            return d;
    if (cp == 0x3007)
        return 0;       /* 〇 */
    if (cp == 0x4E24)
        return 2;       /* 两 */
    return -1;
}

static int zh_multiplier(long cp)
{
    return cp == 0x5341 ? 10 : cp == 0x767E ? 100 : cp == 0x5343 ? 1000 : 0; /* 十 百 千 */
}

#define CP_HALF 0x534A   /* 半 */
#define CP_FEW 0x51E0    /* 几 */
#define CP_LIANG 0x4E24  /* 两 */

int is_zh_numeral(const token *t)
{
    return t->type == TK_CJK && (zh_digit(t->cp) >= 0 || zh_multiplier(t->cp) ||
                                 t->cp == CP_HALF || t->cp == CP_FEW);
}

/* 1 when a Chinese measure word or unit starts at token i, after an
 * optional size character (小 大 中); *end gets the token after it. */
int zh_measure_at(const tokens *tk, int i, int *end)
{
    if (i >= tk->count || tk->t[i].guarded)
        return 0;
    const char *s = tk->n.s + tk->t[i].start;
    size_t len;
    const unit_def *u;
    if (tk->t[i].type == TK_CJK) {
        if ((len = unit_at(s, &u)) > 0) {                    /* 克, 毫升, 小匙 */
            *end = token_from(tk, i, tk->t[i].start + len);
            return 1;
        }
        const struct kmgca_measure_word *m = measure_word_at(s, &len);
        if (m && !m->concept[0] && i + 1 < tk->count)        /* a size: 小碗 */
            return zh_measure_at(tk, i + 1, end) && !cjk_is(tk, i + 1, "两");
        if ((m && m->concept[0]) || (len = unit_at(s, &u)) > 0) {
            *end = token_from(tk, i, tk->t[i].start + len);
            return 1;
        }
        return 0;
    }
    /* "50g", "300ml" after Chinese: an ASCII unit. */
    if (tk->t[i].type == TK_WORD && (len = unit_at(s, &u)) > 0) {
        *end = token_from(tk, i, tk->t[i].start + len);
        return 1;
    }
    return 0;
}

/* A small whole number in Chinese numerals over tokens [i, j): 三, 十, 十二,
 * 二十: the parts of a fraction. 0 when it is not one. */
static int zh_small_number(const tokens *tk, int i, int j)
{
    int value = 0, digit = -1;
    for (int k = i; k < j; k++) {
        long cp = tk->t[k].cp;
        int d = cp == 0x4E24 ? 2 : zh_digit(cp);   /* 两 */
        if (d >= 0 && d <= 9 && digit < 0)
            digit = d;
        else if (cp == 0x5341 && value == 0)        /* 十 */
            value = (digit < 0 ? 1 : digit) * 10, digit = -1;
        else
            return 0;
    }
    return value + (digit < 0 ? 0 : digit);
}

static int zh_amount_at(const tokens *tk, int i, amount *a);

/* "四分之一" (one quarter), "三分之二", "四分之五": a fraction, denominator
 * first. */

static int zh_fraction_at(const tokens *tk, int i, int j, amount *a)
{
    /* Cantonese leaves 之 out: 四分一个 (a quarter of one), 三分一碗 */
    int after;
    if (j + 1 < tk->count && tk->t[j].cp == 0x5206 && tk->t[j + 1].cp == 0x4E00 &&
        (j + 2 >= tk->count || zh_measure_at(tk, j + 2, &after))) {
        int den = zh_small_number(tk, i, j);
        if (den < 2 || den > 10)
            return 0;
        memset(a, 0, sizeof *a);
        a->flags = AF_CJK | AF_WORDS;
        a->value = 1.0 / den;
        a->next = j + 2;
        return 1;
    }
    if (j + 2 >= tk->count || tk->t[j].cp != 0x5206 || tk->t[j + 1].cp != 0x4E4B)
        return 0;                                   /* 分之 */
    int den = zh_small_number(tk, i, j), k = j + 2;
    while (k < tk->count && is_zh_numeral(&tk->t[k]))
        k++;
    /* the longest numerator that reads: in 四分之一两 the 两 is the unit */
    int num = 0;
    while (k > j + 2 && (num = zh_small_number(tk, j + 2, k)) == 0)
        k--;
    if (den < 2 || num < 1 || num > 10 * den)
        return 0;
    memset(a, 0, sizeof *a);
    a->flags = AF_CJK | AF_WORDS;
    a->value = (double)num / den;
    a->next = k;
    return 1;
}

/* After a run of Chinese numerals [i, j) read as `value`: 十多个 (more
 * than), 两到三个 (a range), and whether a measure word or unit follows, as
 * a numeral needs. liang_unit: the run ended in 两 read as the unit. */
static int zh_amount_ends(const tokens *tk, int i, int j, int liang_unit, double value,
                          amount *a)
{
    int after;
    /* 十来个, 二十来个: about that many */
    if (!liang_unit && cjk_is(tk, j, "来") && zh_measure_at(tk, j + 1, &after) && value >= 10 &&
        fmod(value, 10) == 0) {
        a->flags |= AF_MIDDLE;
        a->note = PH_ZH_ABOUT_TEN;
        a->next = j + 1;
        return 1;
    }
    /* 十多个, 两百多毫升: "more than", not an amount. */
    if (!liang_unit && (cjk_is(tk, j, "多") || cjk_is(tk, j, "来")) &&
        zh_measure_at(tk, j + 1, &after)) {
        a->flags |= AF_VAGUE;
        a->why = PH_ZH_MORE_THAN;
        a->next = j + 1;
        return 1;
    }
    /* 两到三个, 一至两碗, 三或四个: a range. */
    if ((cjk_is(tk, j, "到") || cjk_is(tk, j, "至") || cjk_is(tk, j, "或") ||
         punct_is(tk, j, '~') || punct_is(tk, j, '-')) &&
        j + 1 < tk->count && (is_zh_numeral(&tk->t[j + 1]) || tk->t[j + 1].type == TK_NUM)) {
        int k = j + 1;
        while (k < tk->count && (is_zh_numeral(&tk->t[k]) || tk->t[k].type == TK_NUM))
            k++;
        if (zh_measure_at(tk, k, &after)) {
            a->flags |= AF_RANGE;
            a->why = PH_RANGE_ONE_NUMBER;
            a->next = k;
            return 1;
        }
    }
    /* A numeral counts only before a measure word or unit ("三文鱼" is
     * salmon); 两 as a unit is one. */
    if (!liang_unit && !zh_measure_at(tk, j, &after) && !(value == 0.5 && j - i == 2))
        return 0;
    return 1;
}

/* A narrow range, its top no more than half again its bottom ("2-3",
 * "3 or 4", 两三, 七八; not "1-2"): its middle, as diet records code it
 * (said in the note). 1 when taken. */
static int narrow_range(amount *a, double lo, double hi)
{
    if (!(lo >= 2 && hi > lo && hi <= 1.5 * lo))
        return 0;
    a->value = (lo + hi) / 2;
    a->flags |= AF_MIDDLE;
    a->note = PH_RANGE_MIDDLE;
    return 1;
}

/* A run of Chinese numerals at i: 一, 十二, 二十五, 一百五, 两, 半, 一半,
 * 四分之一. */
static int zh_amount_at(const tokens *tk, int i, amount *a)
{
    int j = i, has_few = 0, has_half_only = 1;
    while (j < tk->count && is_zh_numeral(&tk->t[j]) && !tk->t[j].guarded &&
           (j == i || !tk->t[j].space))
        j++;
    if (j == i)
        return 0;
    if (zh_fraction_at(tk, i, j, a))
        return 1;
    /* 一又二分之一: a whole number and a fraction */
    if (j + 1 < tk->count && tk->t[j].cp == 0x53C8 && zh_small_number(tk, i, j) > 0) {
        int f = j + 1;
        while (f < tk->count && is_zh_numeral(&tk->t[f]))
            f++;
        amount part;
        if (zh_fraction_at(tk, j + 1, f, &part)) {
            *a = part;
            a->value += zh_small_number(tk, i, j);
            return 1;
        }
    }
    /* "二两", "三两": a numeral then 两 is 50 g each, not the numeral 2 —
     * except "一两个" (one or two), a range. */
    int liang_unit = 0;
    if (j - i >= 2 && tk->t[j - 1].cp == CP_LIANG) {
        int after;
        int measure = zh_measure_at(tk, j, &after);
        if (!(j - i == 2 && tk->t[i].cp == 0x4E00 && measure)) {
            j--;
            liang_unit = 1;
        }
    }
    memset(a, 0, sizeof *a);
    a->flags = AF_CJK | AF_WORDS;
    double value = 0, section = 0;
    int digit = -1, last_mult = 0, prev_digit = -1, range = 0;
    /* 两三, 二三十: the two digits of a range, and what the second counts */
    int range_lo = -1, range_hi = -1, range_at = -1, range_place = 1, few_after_ten = 0;
    for (int k = i; k < j; k++) {
        long cp = tk->t[k].cp;
        int d = zh_digit(cp), m = zh_multiplier(cp);
        if (cp == CP_FEW) {
            has_few = 1;
            has_half_only = 0;
            /* 十几, 二十几: after the tens, a few more */
            few_after_ten = k > i && zh_multiplier(tk->t[k - 1].cp) == 10 && k == j - 1;
            continue;
        }
        if (cp == CP_HALF) {
            if (k == j - 1 && k > i && digit == 1 && !section) {
                value = 0.5;            /* 一半: a half */
                digit = -1;
                continue;
            }
            if (k == i && j - i == 1) {
                value = 0.5;
                continue;
            }
            if (k == i && zh_digit(tk->t[k + 1].cp) < 0)
                continue;               /* 半 then a unit */
            range = 1;
            continue;
        }
        has_half_only = 0;
        if (d >= 0) {
            if (digit >= 0 && !m) {
                /* Two digits in a row: 两三, 三四 — a range (一百五: 150). */
                if (d == digit + 1 || (digit == 1 && d == 2)) {
                    range = 1;
                    range_lo = digit;
                    range_hi = d;
                    range_at = k;
                } else {
                    return 0;
                }
            }
            prev_digit = digit;
            digit = d;
        } else if (m) {
            if (range_at >= 0 && k == range_at + 1)
                range_place = m;
            section += (digit < 0 ? 1 : digit) * m;
            last_mult = m;
            digit = -1;
        }
    }
    (void)prev_digit;
    if (digit >= 0)
        section += last_mult >= 100 && digit > 0 ? digit * (last_mult / 10) : digit;
    if (value != 0.5 || section)
        value += section;
    a->value = value;
    a->next = j;
    if (has_few && few_after_ten && value >= 10) {
        a->value = value + 5;   /* 十几: eleven to nineteen */
        a->flags |= AF_MIDDLE;
        a->note = PH_ZH_ABOUT_TEN;
    } else if (has_few && value == 0) {
        /* 几个, 几片: a few, coded as 3 */
        a->value = 3;
        a->flags |= AF_MIDDLE;
        a->note = PH_ZH_A_FEW_READ;
    } else if (has_few) {
        a->flags |= AF_VAGUE;
        a->why = PH_ZH_A_FEW;
    } else if (range && range_lo >= 0 &&
               narrow_range(a, value - (range_hi - range_lo) * range_place, value)) {
        ;
    } else if (range) {
        a->flags |= AF_RANGE;
        a->why = PH_RANGE_ONE_NUMBER;
    }
    (void)has_half_only;
    return zh_amount_ends(tk, i, j, liang_unit, value, a);
}

/* Words that stand for "how much" without saying: */
static const char *const vague_words[][2] = {
    {"few", "\"a few\"" PH_NOT_AMOUNT_WRITE_NUMBER},
    {"several", "\"several\"" PH_NOT_AMOUNT_WRITE_NUMBER},
    {"little", "\"a little\"" PH_A_LITTLE_READ},
    {"bit", "\"a bit\"" PH_A_LITTLE_READ},
    {"lots", "\"lots\"" PH_NOT_AMOUNT_WRITE_HOW_MUCH},
    {"many", "\"many\"" PH_NOT_AMOUNT_WRITE_NUMBER},
    {"loads", "\"loads\"" PH_NOT_AMOUNT_WRITE_HOW_MUCH},
    {"bits", "\"bits\"" PH_NOT_AMOUNT_WRITE_HOW_MUCH},
    {"plenty", "\"plenty\"" PH_NOT_AMOUNT_WRITE_HOW_MUCH},
};

/* Chinese words for how much that are not numerals: 大半碗, 小半碗 (most
 * of, a third of), 适量, 少许, 若干, 一点, 多少 (vague), 一些 (some). *a is
 * as zh_amount_at left it. 1 when one starts at token i. */
static int zh_word_amount_at(const tokens *tk, int i, amount *a)
{
    /* 大半碗, 小半碗: most of, a third of. */
    if ((cjk_is(tk, i, "大") || cjk_is(tk, i, "小")) && cjk_is(tk, i + 1, "半")) {
        int after;
        if (!zh_measure_at(tk, i + 2, &after))
            return 0;
        int big = cjk_is(tk, i, "大");
        a->value = big ? 0.75 : 1.0 / 3;
        a->note = big ? PH_ZH_MOST_OF : PH_ZH_THIRD_OF;
        /* 小半斤: a little under half a jin as people weigh it, about 200 g
         * (a third of a bowl is still a third) */
        if (!big && (cjk_is(tk, i + 2, "斤") || cjk_is(tk, i + 2, "两"))) {
            a->value = 0.4;
            a->note = PH_ZH_UNDER_HALF_WEIGHT;
        }
        a->next = i + 2;
        a->flags = AF_CJK | AF_WORDS;
        return 1;
    }
    /* 适量 (as needed), 若干 (some number), 多少: no amount; 少许, 一点
     * (一点点 too), 少量 and Cantonese 少少, 一啲 (a little): a little, read
     * as a small share of a typical serving and said */
    static const struct {
        const char *first, *second, *why;
        int little;
    } vague_zh[] = {
        {"适", "量", PH_ZH_AS_NEEDED, 0},      {"少", "许", PH_ZH_A_LITTLE, 1},
        {"少", "許", PH_ZH_A_LITTLE, 1},       {"若", "干", PH_ZH_A_NUMBER_OF, 0},
        {"一", "点", PH_ZH_A_BIT, 1},          {"一", "點", PH_ZH_A_BIT, 1},
        {"少", "量", PH_ZH_A_SMALL_AMOUNT, 1}, {"少", "少", PH_ZH_A_LITTLE, 1},
        {"一", "啲", PH_ZH_A_BIT, 1},          {"多", "少", PH_ZH_HOW_MUCH, 0},
    };
    for (size_t k = 0; k < sizeof vague_zh / sizeof vague_zh[0]; k++)
        if (cjk_is(tk, i, vague_zh[k].first) && cjk_is(tk, i + 1, vague_zh[k].second)) {
            a->value = 1;
            a->next = i + 2;
            int little = vague_zh[k].little;
            a->flags = AF_CJK | (little ? AF_LITTLE : AF_VAGUE);
            a->why = vague_zh[k].why;
            if (little && cjk_is(tk, a->next, vague_zh[k].second) &&
                !strcmp(vague_zh[k].first, "一") && !cjk_is(tk, a->next + 1, "心"))
                a->next++;   /* 一点点 (not 一点点心: a little dim sum) */
            return 1;
        }
    if (cjk_is(tk, i, "一") && cjk_is(tk, i + 1, "些")) {
        a->value = 1;
        a->next = i + 2;
        a->flags = AF_CJK | AF_SOME;
        a->why = PH_ZH_SOME;
        return 1;
    }
    return 0;
}

/* An amount in digits at token i: "2", "1 1/2", "2 and a half", "2-3",
 * "2个", "2 dozen"; 0 for numbers that belong to a name ("2% milk",
 * "7-grain", "v8", "9 grain bread"). */
static int digits_amount_at(const tokens *tk, int i, amount *a)
{
    const token *t = &tk->t[i];
    if (t->flags & NF_GLUED)
        return 0;           /* "v8", "b12": part of a word */
    const char *s = tk->n.s;
    if (t->start > 0 && s[t->start - 1] == ':' && t->start > 1 &&
        isdigit((unsigned char)s[t->start - 2]))
        return 0;           /* the minutes of a clock, "14:00" */
    char after = s[t->end];
    if (after == '%' || after == ':' || after == '"' ||
        (after == '-' && isalpha((unsigned char)s[t->end + 1])) ||
        word_is(tk, i + 1, "inch") || word_is(tk, i + 1, "inches") ||
        (word_is(tk, i + 1, "in") && (punct_is(tk, i + 2, '.') || after == 'i')))
        return 0;           /* 2% milk, 7-grain, 8:30, 6", 6in (a sub's length) */
    /* "9 grain bread", "2 percent milk", "100 calorie pack": the name's. */
    static const char *const name_words[] = {"grain", "percent", "pct", "calorie",
                                             "calories", "spice", "layer", "minute"};
    /* ... but "2 spice bags" are two Irish takeaway spice bags. */
    int spice_bag = word_is(tk, i + 1, "spice") &&
                    (word_is(tk, i + 2, "bag") || word_is(tk, i + 2, "bags") ||
                     word_is(tk, i + 2, "box"));
    for (size_t k = 0; k < sizeof name_words / sizeof name_words[0] && !spice_bag; k++)
        if (word_is(tk, i + 1, name_words[k]))
            return 0;
    if (after == '/' && isdigit((unsigned char)s[t->end + 1])) {
        /* number_at leaves "/0" behind: a fraction with no denominator. */
        a->value = t->value;
        a->next = i + 3 <= tk->count ? i + 3 : tk->count;
        a->flags = AF_RANGE;
        a->why = "the fraction has no usable denominator";
        return 1;
    }
    a->value = t->value;
    a->next = i + 1;
    /* "1/2 a scone", "1/4 an avocado", "3/4 of a bowl": the article goes
     * with the share */
    if ((t->flags & NF_FRACTION) && t->value < 1) {
        int k = i + 1 + word_is(tk, i + 1, "of");
        if ((word_is(tk, k, "a") || word_is(tk, k, "an")) &&
            (k + 1 >= tk->count || tk->t[k + 1].type == TK_WORD)) {
            a->next = k + 1;
            return 1;
        }
    }
    /* 1 1/2, 1 ½ */
    if (!(t->flags & NF_FRACTION) && t->value == floor(t->value) && i + 1 < tk->count &&
        tk->t[i + 1].type == TK_NUM && (tk->t[i + 1].flags & NF_FRACTION) &&
        tk->t[i + 1].value < 1) {
        a->value += tk->t[i + 1].value;
        a->next = i + 2;
    }
    /* 1 and a half, 2 and 1/2 */
    int j = a->next;
    if (word_is(tk, j, "and") && word_is(tk, j + 1, "a") && word_is(tk, j + 2, "half")) {
        a->value += 0.5;
        a->next = j + 3;
    } else if (word_is(tk, j, "and") && j + 1 < tk->count && tk->t[j + 1].type == TK_NUM &&
               (tk->t[j + 1].flags & NF_FRACTION)) {
        a->value += tk->t[j + 1].value;
        a->next = j + 2;
    }
    j = a->next;
    /* 2-3, 2 - 3, 2~3, 2 to 3, 2 or 3 */
    if ((punct_is(tk, j, '-') || punct_is(tk, j, '~') || word_is(tk, j, "to") ||
         word_is(tk, j, "or")) &&
        j + 1 < tk->count && tk->t[j + 1].type == TK_NUM &&
        !(tk->t[j + 1].flags & NF_FRACTION) && tk->t[j + 1].value > a->value) {
        a->next = j + 2;
        if (narrow_range(a, a->value, tk->t[j + 1].value))
            ;
        else {
            a->flags |= AF_RANGE;
            a->why = PH_RANGE_ONE_AMOUNT;
        }
    }
    /* digits before a Chinese measure word: 2个, 12个 */
    int end;
    if (a->next < tk->count && tk->t[a->next].type == TK_CJK &&
        zh_measure_at(tk, a->next, &end))
        a->flags |= AF_CJK;
    if (word_is(tk, a->next, "dozen")) {
        a->value *= 12;
        a->next++;
    }
    return 1;
}

/* Words that mark a count or say how much without a number: "x2", "as
 * much as", "between 2 and 3", "some", "a few". 1 when one starts at i. */
static int marker_amount_at(const tokens *tk, int i, amount *a)
{
    /* "x2", "x 2": a count written after the food */
    if (word_is(tk, i, "x") && i + 1 < tk->count && tk->t[i + 1].type == TK_NUM &&
        !(tk->t[i + 1].flags & NF_FRACTION)) {
        a->value = tk->t[i + 1].value;
        a->next = i + 2;
        a->flags = AF_XCOUNT;
        return 1;
    }
    if (word_is(tk, i, "as") && (word_is(tk, i + 1, "much") || word_is(tk, i + 1, "many"))) {
        a->value = 1;
        a->next = i + 2;
        a->flags = AF_VAGUE | AF_WORDS;
        a->why = "\"as much as\"" PH_NOT_AMOUNT_WRITE_HOW_MUCH;
        return 1;
    }
    if (word_is(tk, i, "between") && i + 1 < tk->count && tk->t[i + 1].type == TK_NUM &&
        word_is(tk, i + 2, "and") && i + 3 < tk->count && tk->t[i + 3].type == TK_NUM) {
        a->value = tk->t[i + 1].value;
        a->next = i + 4;
        a->flags = AF_RANGE;
        a->why = PH_RANGE_ONE_AMOUNT;
        return 1;
    }
    if (word_is(tk, i, "some") || word_is(tk, i, "any")) {
        a->value = 1;
        a->next = i + 1;
        a->flags = AF_SOME | AF_WORDS;
        a->why = PH_SOME_NOT_AMOUNT;
        return 1;
    }
    /* "full glass of water", "full bowl": one of the container, all of it
     * (with "a", "a full glass" reads so in serving.c); "the whole bag of
     * microwave popcorn": one, its "whole" read there as after "a" */
    int the_whole = word_is(tk, i, "the") && i + 2 < tk->count &&
                    (word_is(tk, i + 1, "whole") || word_is(tk, i + 1, "entire"));
    if ((word_is(tk, i, "full") || the_whole) && i + 1 + the_whole < tk->count &&
        tk->t[i + 1 + the_whole].type == TK_WORD) {
        int w = i + 1 + the_whole;
        size_t len;
        const struct kmgca_measure_word *m = measure_word_at(tk->n.s + tk->t[w].start, &len);
        if (m && m->concept[0] && strcmp(m->concept, "item") != 0 &&
            len == (size_t)(tk->t[w].end - tk->t[w].start)) {
            a->value = 1;
            a->next = i + 1;
            a->flags = AF_WORDS;
            return 1;
        }
    }
    /* "heaped tbsp almond butter", "level tsp sugar": one spoon, its size
     * read with it (the word is left for the size) */
    if ((word_is(tk, i, "heaped") || word_is(tk, i, "heaping") || word_is(tk, i, "level") ||
         word_is(tk, i, "rounded")) &&
        i + 1 < tk->count && tk->t[i + 1].type == TK_WORD) {
        const unit_def *u = NULL;
        size_t len = unit_at(tk->n.s + tk->t[i + 1].start, &u);
        if (len == (size_t)(tk->t[i + 1].end - tk->t[i + 1].start) && u &&
            (!strcmp(u->canonical, "tbsp") || !strcmp(u->canonical, "tsp") ||
             !strcmp(u->canonical, "dessertspoon"))) {
            a->value = 1;
            a->next = i;
            a->flags = AF_WORDS;
            return 1;
        }
    }
    int j = i;
    if (word_is(tk, j, "a") || word_is(tk, j, "an"))
        j++;
    /* "a little bowl", "a little glass": a small one (measure_words.csv),
     * not "a little" of the food */
    if (word_is(tk, j, "little") && j > i && j + 1 < tk->count && tk->t[j + 1].type == TK_WORD) {
        size_t len;
        const struct kmgca_measure_word *m =
            measure_word_at(tk->n.s + tk->t[j + 1].start, &len);
        if (m && m->concept[0] && strcmp(m->concept, "item") != 0 &&
            len == (size_t)(tk->t[j + 1].end - tk->t[j + 1].start))
            return 0;
    }
    /* "a few", "few", "several": coded as 3 and 4 */
    if (word_is(tk, j, "few") || word_is(tk, j, "several")) {
        a->value = word_is(tk, j, "few") ? 3 : 4;
        a->next = j + 1;
        a->flags = AF_MIDDLE | AF_WORDS;
        a->note = PH_A_FEW_READ;
        if (word_is(tk, a->next, "of"))
            a->next++;
        return 1;
    }
    for (size_t k = 0; k < sizeof vague_words / sizeof vague_words[0]; k++)
        if (word_is(tk, j, vague_words[k][0]) && (j > i || k == 1 || k >= 4)) {
            a->value = 1;
            a->next = j + 1;
            /* "a little", "a bit", "a little bit": a small share of a
             * typical serving, said; the others stay refused */
            int little = (k == 2 || k == 3) && j > i;
            a->flags = (little ? AF_LITTLE : AF_VAGUE) | AF_WORDS;
            a->why = vague_words[k][1];
            if (little && k == 2 && word_is(tk, a->next, "bit"))
                a->next++;
            if (word_is(tk, a->next, "of"))
                a->next++;
            return 1;
        }
    return 0;
}

/* An amount in number words at token i: "a", "two", "half a", "a couple
 * of", "three quarters of a", "one and a half", "a dozen". */
static int number_words_amount_at(const tokens *tk, int i, amount *a)
{
    double v = number_word(tk, i);
    if (isnan(v))
        return 0;
    a->flags = AF_WORDS;
    a->value = v;
    a->next = i + 1;
    int j = i + 1;
    if (v == 1 && j > i) {
        /* "a half", "a quarter", "a couple of", "a dozen", "a third of" */
        /* (not a name's word: "a quarter pounder" is one burger) */
        double w = j < tk->count && tk->t[j].guarded ? NAN : number_word(tk, j);
        if (!isnan(w) && w != 1 && (w < 1 || w == 2 || w == 12) && !word_is(tk, i, "one")) {
            a->value = w;
            a->next = ++j;
        } else if (word_is(tk, i, "one") && word_is(tk, j, "half")) {
            a->value = 0.5;
            a->next = ++j;
        }
    }
    j = a->next;
    if (a->value == 0.5 || a->value == 0.25 || a->value == 1.0 / 3) {
        /* "half a cup", "half an apple", "half of the pizza", "half the
         * tin", "half a dozen" */
        /* "the" only before an English word: "half the 2% milk", "half the
         * 咸豆浆" are half of the food, no container */
        /* (and at the end: the serving cut from "half the pizza" is
         * "half the") */
        int the_word = j + 1 >= tk->count || (tk->t[j + 1].type == TK_WORD &&
                                              isalpha((unsigned char)tk->n.s[tk->t[j + 1].start]));
        int of_the_word = j + 2 >= tk->count ||
                          (tk->t[j + 2].type == TK_WORD &&
                           isalpha((unsigned char)tk->n.s[tk->t[j + 2].start]));
        if (word_is(tk, j, "a") || word_is(tk, j, "an") || (word_is(tk, j, "the") && the_word))
            j++;
        else if (word_is(tk, j, "of") && (word_is(tk, j + 1, "a") || word_is(tk, j + 1, "an") ||
                                          (word_is(tk, j + 1, "the") && of_the_word)))
            j += 2;
        /* "quarter of tin", "half of bowl": the article left out */
        else if (word_is(tk, j, "of") && j + 1 < tk->count && tk->t[j + 1].type == TK_WORD &&
                 measure_word_at(tk->n.s + tk->t[j + 1].start, &(size_t){0}))
            j += 1;
        if (word_is(tk, j, "dozen")) {
            a->value *= 12;
            j++;
        }
        a->next = j;
    } else if (a->value == 2 && (word_is(tk, i, "couple") || word_is(tk, i + 1, "couple") ||
                                 word_is(tk, i, "pair") || word_is(tk, i + 1, "pair"))) {
        if (word_is(tk, j, "of"))
            j++;
        a->next = j;
    }
    j = a->next;
    /* "three quarters of a cup", "two thirds" */
    if (a->value >= 1 && a->value == floor(a->value) && !(j < tk->count && tk->t[j].guarded)) {
        double part = word_is(tk, j, "quarters") || word_is(tk, j, "quarter") ? 0.25
                      : word_is(tk, j, "thirds") || word_is(tk, j, "third")   ? 1.0 / 3
                                                                              : 0;
        if (part > 0 && a->value * part <= 1) {
            a->value *= part;
            j++;
            if (word_is(tk, j, "of") && (word_is(tk, j + 1, "a") || word_is(tk, j + 1, "an")))
                j += 2;
            a->next = j;
        }
    }
    /* "one and a half", "two and a half" */
    if (a->value >= 1 && word_is(tk, j, "and") && word_is(tk, j + 1, "a") &&
        word_is(tk, j + 2, "half")) {
        a->value += 0.5;
        a->next = j + 3;
    }
    if (a->value >= 1 && word_is(tk, a->next, "dozen")) {
        a->value *= 12;
        a->next++;
    }
    return 1;
}

int amount_at(const tokens *tk, int i, amount *a)
{
    memset(a, 0, sizeof *a);
    if (i >= tk->count || tk->t[i].guarded)
        return 0;
    const token *t = &tk->t[i];
    if (t->type == TK_CJK)
        return zh_amount_at(tk, i, a) || zh_word_amount_at(tk, i, a);
    if (t->type == TK_NUM)
        return digits_amount_at(tk, i, a);
    if (t->type != TK_WORD)
        return 0;
    return marker_amount_at(tk, i, a) || number_words_amount_at(tk, i, a);
}
