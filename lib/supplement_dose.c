/* supplement_dose.c — what a supplement line says of its dose, from its
 * tokens (supplement_text.c): the strengths ("600 mg", "含钙600mg",
 * "400 mg/5 ml", "Mg glycinate 200") with what each is of (a salt, the
 * element, not told), the count ("2 tablets", "一次1片", "x2"), how often
 * ("bid", "twice daily", "每日3次", "早晚各"), and what makes the line
 * uncountable (a range, a vague amount, "as needed", some days of the week).
 * It only reads: supplement_mg.c turns the reading into mg. */
#include "supplement.h"

#include <math.h>
#include <string.h>

/* ---- Reading the line ----------------------------------------------------------- */

static void set_freq(reading *r, double f)
{
    if (isnan(r->freq) || f > r->freq)
        r->freq = f;
}

/* How often, from the English word at token i ("bid", "twice daily",
 * "q8h", "3 times a day", "every other day", "as needed"). */
static void english_frequency(const line_text *l, reading *r, int i)
{
    static const char *const once[] = {"qd", "od", "daily", "qam", "qpm", "qhs", "hs", "nocte",
                                       "mane", "qn", "qday", "everyday", "nightly", "om", "on",
                                       NULL};
    static const char *const not_daily[] = {"qod", "prn", "weekly", "fortnightly", "monthly",
                                            NULL};
    const char *w = l->t[i].word;
    if (word_in(w, not_daily)) {
        r->not_daily = w;
        return;
    }
    if (!strcmp(w, "on") && !(i > 0 && l->t[i - 1].type == T_NUM))
        return;          /* "on" alone is a word; "om"/"on" are Latin abbreviations */
    if (word_in(w, once))
        r->daily_word = 1;
    else if (!strcmp(w, "bid") || !strcmp(w, "bd") || !strcmp(w, "twice") ||
             !strcmp(w, "bds"))
        set_freq(r, 2);
    else if (!strcmp(w, "tid") || !strcmp(w, "tds") || !strcmp(w, "thrice"))
        set_freq(r, 3);
    else if (!strcmp(w, "qid") || !strcmp(w, "qds"))
        set_freq(r, 4);
    else if (!strcmp(w, "once"))
        set_freq(r, 1);
    else if (!strcmp(w, "q") && i + 2 < l->n && l->t[i + 1].type == T_NUM &&
             !l->t[i + 1].space && (is_word(l, i + 2, "h") || is_word(l, i + 2, "hr") ||
                                    is_word(l, i + 2, "hrs") || is_word(l, i + 2, "hourly"))) {
        double h = l->t[i + 1].value;     /* q12h, q8h, q6h */
        if (h >= 4 && h <= 24 && fmod(24, h) == 0)
            set_freq(r, 24 / h);
    } else if ((!strcmp(w, "every") || !strcmp(w, "each")) &&
               (is_word(l, i + 1, "morning") || is_word(l, i + 1, "night") ||
                is_word(l, i + 1, "evening") || is_word(l, i + 1, "day") ||
                is_word(l, i + 1, "bedtime")))
        r->daily_word = 1;
    else if (!strcmp(w, "every") && i + 2 < l->n && l->t[i + 1].type == T_NUM &&
             (is_word(l, i + 2, "hours") || is_word(l, i + 2, "hour") ||
              is_word(l, i + 2, "hrs") || is_word(l, i + 2, "hr") || is_word(l, i + 2, "h"))) {
        double h = l->t[i + 1].value;   /* "every 8 hours" */
        if (h >= 4 && h <= 24 && fmod(24, h) == 0)
            set_freq(r, 24 / h);
    } else if (!strcmp(w, "every") && is_word(l, i + 1, "other"))
        r->not_daily = "every other day";
    else if (!strcmp(w, "alternate") && (is_word(l, i + 1, "days") || is_word(l, i + 1, "day")))
        r->not_daily = "alternate days";
    else if ((!strcmp(w, "as") || !strcmp(w, "when") || !strcmp(w, "if")) &&
             (is_word(l, i + 1, "needed") || is_word(l, i + 1, "required")))
        r->not_daily = "as needed";
    else if ((!strcmp(w, "a") || !strcmp(w, "per") || !strcmp(w, "once")) &&
             is_word(l, i + 1, "week"))
        r->not_daily = "weekly";
    else if ((!strcmp(w, "at") || !strcmp(w, "in")) &&
             (is_word(l, i + 1, "night") || is_word(l, i + 1, "bedtime") ||
              (is_word(l, i + 1, "the") && (is_word(l, i + 2, "morning") ||
                                            is_word(l, i + 2, "evening")))))
        r->daily_word = 1;
    else if ((!strcmp(w, "a") || !strcmp(w, "per")) && is_word(l, i + 1, "day"))
        r->daily_word = 1;
    else if (!strcmp(w, "morning") &&
             (is_word(l, i + 1, "and") || is_punct(l, i + 1, '+') || is_punct(l, i + 1, '/')) &&
             (is_word(l, i + 2, "night") || is_word(l, i + 2, "evening")))
        set_freq(r, 2);
    else if (!strcmp(w, "am") && (is_word(l, i + 1, "and") || is_punct(l, i + 1, '+') ||
                                 is_punct(l, i + 1, '/') || is_punct(l, i + 1, '&')) &&
             (is_word(l, i + 2, "pm") || (is_punct(l, i + 2, '&') && is_word(l, i + 3, "pm"))))
        set_freq(r, 2);
    else if (!strcmp(w, "x") && i + 1 < l->n && l->t[i + 1].type == T_NUM &&
             (is_word(l, i + 2, "daily") || is_word(l, i + 2, "day") ||
              (is_word(l, i + 2, "a") && is_word(l, i + 3, "day"))))
        set_freq(r, l->t[i + 1].value);   /* "x2 daily" */
    else if (!strcmp(w, "times") || !strcmp(w, "time") || !strcmp(w, "x")) {
        /* "3 times a day", "2x daily", "2x/day" */
        double n = -1;
        if (i > 0 && l->t[i - 1].type == T_NUM)
            n = l->t[i - 1].value;
        else if (i > 0 && l->t[i - 1].type == T_WORD) {
            static const char *const nums[] = {"one", "two", "three", "four"};
            for (int k = 0; k < 4; k++)
                if (!strcmp(l->t[i - 1].word, nums[k]))
                    n = k + 1;
        }
        int k = i + 1;
        if (is_punct(l, k, '/'))
            k++;
        if (is_word(l, k, "a") || is_word(l, k, "per") || is_word(l, k, "each"))
            k++;
        if (n > 0 && (is_word(l, k, "day") || is_word(l, k, "daily") ||
                      is_word(l, k, "d") || is_word(l, k, "dly")))
            set_freq(r, n);
        else if (n > 0 && is_word(l, k, "week"))
            r->not_daily = "weekly";
    } else if (!strcmp(w, "day") && i > 0 && is_punct(l, i - 1, '/') &&
               !(i > 1 && l->t[i - 2].type == T_WORD && !strcmp(l->t[i - 2].word, "x")))
        r->daily_word = 1;   /* "600mg/day" */
}

/* How often, from the Chinese at token i ("每日3次", "3次/日", "每晚",
 * "早晚各", "隔日", "必要时"): the last token read. */
static int chinese_frequency(const line_text *l, reading *r, int i)
{
    long cp = l->t[i].cp;
    /* 每日 每天 一日 一天 日 (+ N 次) */
    int day_word = (cp == 0x6BCF || supp_zh_number(l, i) == 1) &&
                   (is_cjk_char(l, i + 1, 0x65E5) || is_cjk_char(l, i + 1, 0x5929));
    if (day_word || ((cp == 0x65E5 || cp == 0x5929) && !(i > 0 && (is_cjk_char(l, i - 1, 0x6BCF) ||
                                                                    supp_zh_number(l, i - 1) >= 0)))) {
        int k = day_word ? i + 2 : i + 1;
        /* 每天吃两次, 每日服3次: a verb between */
        if (is_cjk_char(l, k, 0x5403) || is_cjk_char(l, k, 0x670D) || is_cjk_char(l, k, 0x7528) ||
            is_cjk_char(l, k, 0x5582))
            k++;
        int next;
        double n = supp_number_at(l, k, &next);
        if (n > 0 && (is_cjk_char(l, next, 0x6B21) || is_cjk_char(l, next, 0x56DE)))
            set_freq(r, n);          /* 每日3次, 一日2回 */
        else if (day_word && !(n > 0))
            r->daily_word = 1;       /* 每日, 每天 */
        return day_word ? i + 1 : i;
    }
    /* N次/日, N次每日 */
    if (cp == 0x6B21 && i > 0) {
        int prev = i - 1;
        double n = -1;
        if (l->t[prev].type == T_NUM)
            n = l->t[prev].value;
        else
            n = supp_zh_number(l, prev);
        int k = i + 1;
        if (is_punct(l, k, '/'))
            k++;
        if (n > 0 && (is_cjk_char(l, k, 0x65E5) || is_cjk_char(l, k, 0x5929) ||
                      (is_cjk_char(l, k, 0x6BCF) && (is_cjk_char(l, k + 1, 0x65E5) ||
                                                     is_cjk_char(l, k + 1, 0x5929)))))
            set_freq(r, n);
        else if (n > 0 && (is_cjk_char(l, k, 0x5468) ||
                           (is_cjk_char(l, k, 0x6BCF) && is_cjk_char(l, k + 1, 0x5468))))
            r->not_daily = "每周";
        return i;
    }
    if (cp == 0x6BCF && (is_cjk_char(l, i + 1, 0x665A) || is_cjk_char(l, i + 1, 0x65E9) ||
                         is_cjk_char(l, i + 1, 0x6668)))
        r->daily_word = 1;           /* 每晚 每早 每晨 */
    else if (cp == 0x7761 && is_cjk_char(l, i + 1, 0x524D))
        r->daily_word = 1;           /* 睡前 */
    else if (cp == 0x65E9 && is_cjk_char(l, i + 1, 0x665A) && is_cjk_char(l, i + 2, 0x5404))
        set_freq(r, 2);              /* 早晚各 */
    else if (cp == 0x65E9 && is_cjk_char(l, i + 1, 0x4E2D) && is_cjk_char(l, i + 2, 0x665A))
        set_freq(r, 3);              /* 早中晚 */
    else if (cp == 0x9694 && (is_cjk_char(l, i + 1, 0x65E5) || is_cjk_char(l, i + 1, 0x5929)))
        r->not_daily = "隔日";
    else if ((cp == 0x6BCF || supp_zh_number(l, i) == 1) && (is_cjk_char(l, i + 1, 0x5468) ||
                                                          (is_cjk_char(l, i + 1, 0x661F) &&
                                                           is_cjk_char(l, i + 2, 0x671F))))
        r->not_daily = "每周";
    else if ((cp == 0x5FC5 && is_cjk_char(l, i + 1, 0x8981)) ||
             (cp == 0x9700 && is_cjk_char(l, i + 1, 0x8981)) ||
             (cp == 0x6309 && is_cjk_char(l, i + 1, 0x9700)))
        r->not_daily = "必要时";
    return i;
}

/* Frequency words in English and Chinese. */
void supp_read_frequency(const line_text *l, reading *r)
{
    for (int i = 0; i < l->n; i++) {
        const token *t = &l->t[i];
        if (t->skip)
            continue;
        if (t->type == T_WORD)
            english_frequency(l, r, i);
        else if (t->type == T_CJK)
            i = chinese_frequency(l, r, i);
    }
}

/* 1 when the line names a Chinese generic by its mineral ("钙片", "镁片",
 * "钙剂") and 2 when it also says the figure is the element's ("含钙",
 * "元素钙", "钙含量", "相当于钙"). */
static int zh_generic(const line_text *l)
{
    int product = 0, element = 0;
    for (int i = 0; i < l->n; i++) {
        if (l->t[i].type != T_CJK || supp_element_word(l, i) < 0)
            continue;
        if (is_cjk_char(l, i + 1, 0x7247) || is_cjk_char(l, i + 1, 0x5242) ||
            is_cjk_char(l, i + 1, 0x7C92))
            product = 1;                                   /* 片 剂 粒 */
        if (is_cjk_char(l, i - 1, 0x542B) || is_cjk_char(l, i - 1, 0x7D20) ||
            is_cjk_char(l, i + 1, 0x542B) ||
            (is_cjk_char(l, i - 2, 0x76F8) && is_cjk_char(l, i - 1, 0x4E8E)))
            element = 1;                                   /* 含钙 元素钙 钙含量 相当于钙 */
    }
    return element ? 2 : product;
}

static const char *const weekdays[] = {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekdays", "weekends",
    NULL};

/* "mon", "周一", "星期三": taken on some days of the week only. */
static void note_weekday(const line_text *l, reading *r, int i)
{
    const token *t = &l->t[i];
    if (t->type == T_WORD && word_in(t->word, weekdays))
        r->not_daily = "on some days of the week";
    if (t->type == T_CJK && (t->cp == 0x5468 || (t->cp == 0x671F && is_cjk_char(l, i - 1, 0x661F))) &&
        (supp_zh_number(l, i + 1) > 0 || is_cjk_char(l, i + 1, 0x65E5)) &&
        !is_cjk_char(l, i - 1, 0x6BCF))
        r->not_daily = "on some days of the week";       /* 周一, 星期三 */
}

/* Token i, not a number: a vague word ("few", "适量", "几"), or a count in
 * words ("half a tablet", "a tablet", "two caps"). The last token read. */
static int read_words(const line_text *l, reading *r, int i)
{
    const token *t = &l->t[i];
    /* vague words */
    if (t->type == T_WORD && (!strcmp(t->word, "few") || !strcmp(t->word, "several") ||
                              !strcmp(t->word, "some")))
        r->range = t->word;
    if (t->type == T_CJK && (t->cp == 0x9002 && is_cjk_char(l, i + 1, 0x91CF)))
        r->range = "适量";
    if (t->type == T_CJK && t->cp == 0x51E0 && !is_cjk_char(l, i - 1, 0x6BCF))
        r->range = "几";
    /* "half a tablet", "a tablet", "two caps" */
    if (t->type == T_WORD && (!strcmp(t->word, "half") || !strcmp(t->word, "one") ||
                              !strcmp(t->word, "two") || !strcmp(t->word, "three") ||
                              !strcmp(t->word, "a") || !strcmp(t->word, "an"))) {
        int k = i + 1;
        double wv = !strcmp(t->word, "half") ? 0.5 : !strcmp(t->word, "two") ? 2
                    : !strcmp(t->word, "three") ? 3 : 1;
        if (!strcmp(t->word, "half") && (is_word(l, k, "a") || is_word(l, k, "an")))
            k++;
        int named = 0;
        while (k < l->n && l->t[k].skip) {
            k++;       /* "half a Mag-Ox 400 tab", "a Tums" */
            named = 1;
        }
        double ml;
        int un, u = supp_dose_unit_at(l, k, &ml, &un);
        if (u == U_NONE && named && strcmp(t->word, "a") && strcmp(t->word, "an")) {
            u = U_PIECE;   /* "half a Mag-Ox 400" */
            un = k;
        }
        if (u != U_NONE && u != U_ML) {
            if (isnan(r->count))
                r->count = wv;
            r->count_unit = u;
            r->counts++;
            i = un - 1;
        }
    }
    return i;
}

/* A range from number v at token i ("1-2", "1~2", "1 to 2", "1 or 2",
 * 一两): the last token of it, -1 when there is none. */
static int read_range(const line_text *l, reading *r, int i, int next, double v)
{
    int k = next;
    if ((is_punct(l, k, '-') || is_punct(l, k, '~') || is_word(l, k, "to") ||
         is_word(l, k, "or") || is_cjk_char(l, k, 0x81F3) || is_cjk_char(l, k, 0x5230)) &&
        k + 1 < l->n && (l->t[k + 1].type == T_NUM || supp_zh_number(l, k + 1) > 0)) {
        int n2;
        double v2 = supp_number_at(l, k + 1, &n2);
        double to_mg, ml;
        int sn, un;
        if (v2 > v && (supp_strength_unit(l, n2, &to_mg, &sn) || supp_dose_unit_at(l, n2, &ml, &un) ||
                       l->t[i].type != T_NUM || is_punct(l, k, '~'))) {
            r->range = "a range";
            return n2 - 1;
        }
    }
    if (l->t[i].type == T_CJK && supp_zh_number(l, i) > 0 && supp_zh_number(l, next) > 0 &&
        supp_zh_number(l, next) == v + 1) {
        r->range = "a range";        /* 一两片, 两三片 */
        return next;
    }
    return -1;
}

/* A new strength of value_mg in `unit`, of nothing named yet; NULL when the
 * reading holds all it can. */
static strength *new_strength(reading *r, double value_mg, int unit)
{
    if (r->ns >= (int)(sizeof r->s / sizeof r->s[0]))
        return NULL;
    strength *s = &r->s[r->ns++];
    memset(s, 0, sizeof *s);
    s->value_mg = value_mg;
    s->unit = unit;
    s->element = -1;
    s->salt = -1;
    return s;
}

/* What is named before the strength at token i (up to four tokens back,
 * past a bracket "(as ...)"): a salt, a mineral, "含", "elemental". */
static void named_before(const line_text *l, strength *s, int i, const int *salt_at, int zh)
{
    int seen = 0;
    for (int b = i - 1; b >= 0 && seen < 4; b--) {
        if (is_punct(l, b, ')')) {
            int o = b;
            while (o > 0 && !is_punct(l, o, '('))
                o--;
            if (is_word(l, o + 1, "as") || is_cjk_char(l, o + 1, 0x4EE5))
                b = o;   /* "Magnesium (as taurate) 125 mg": the bracket names the form */
            continue;
        }
        if (l->t[b].type == T_NUM)
            break;
        seen++;
        if (salt_at[b] >= 0) {
            s->salt = salt_at[b];
            break;
        }
        int e = supp_element_word(l, b);
        if (e >= 0) {
            s->element = e;
            if (l->t[b].type != T_CJK || zh != 1)
                s->basis = SUPP_ELEMENTAL + 1;
            break;
        }
        if (is_word(l, b, "elemental") || is_cjk_char(l, b, 0x542B))
            s->basis = SUPP_ELEMENTAL + 1;
    }
}

/* What follows a strength's unit at token sn: "elemental" (and the
 * mineral), 元素, and a volume ("400 mg/5 ml", "20 mEq/15 mL"). The token
 * after what was read. */
static int read_after_strength(const line_text *l, strength *s, int sn)
{
    if (is_word(l, sn, "elemental") || is_cjk_char(l, sn, 0x5143) ||
        (is_punct(l, sn, '(') && is_word(l, sn + 1, "elemental"))) {
        s->basis = SUPP_ELEMENTAL + 1;
        s->ambiguous = 0;
        int at = is_word(l, sn, "elemental") ? sn + 1 : sn + 2;
        int e = at < l->n ? supp_element_word(l, at) : -1;
        if (e >= 0)
            s->element = e;
    }
    /* "400 mg/5 ml", "20 mEq/15 mL": a figure per volume */
    if (is_punct(l, sn, '/')) {
        int vn;
        double vol = supp_number_at(l, sn + 1, &vn);
        int un2;
        double ml2;
        if (vol < 0) {
            vol = 1;
            vn = sn + 1;
        }
        if (supp_dose_unit_at(l, vn, &ml2, &un2) == U_ML) {
            s->per_ml = vol * ml2;
            sn = un2;
        }
    }
    return sn;
}

/* A strength from number v at token i ("600 mg", "含钙600mg", "10%",
 * "Mg glycinate 200"): the last token of it, -1 when there is none. */
static int read_strength(const line_text *l, reading *r, int i, int next, double v,
                         const int *salt_at, int zh)
{
    const token *t = &l->t[i];
    double to_mg, ml;
    int sn, un;
    int su = supp_strength_unit(l, next, &to_mg, &sn);
    /* "Mg glycinate 200", "Magnesium 250": a bare figure right after a
     * salt's or a mineral's English name is mg. */
    int bare = su == S_NONE && t->type == T_NUM && i > 0 &&
               (salt_at[i - 1] >= 0 || (l->t[i - 1].type == T_WORD && supp_element_word(l, i - 1) >= 0)) &&
               supp_dose_unit_at(l, next, &ml, &un) == U_NONE && !is_word(l, next, "x") &&
               !is_punct(l, next, '%') && v >= 1 && v <= 5000;
    if (su == S_NONE && t->type == T_NUM && is_punct(l, next, '%')) {
        /* "10%" of a solution: 10 g per 100 ml of the salt (w/v) */
        to_mg = 10;
        sn = next + 1;
        strength *s = new_strength(r, v * to_mg, S_MG);
        if (s) {
            s->per_ml = 1;
            s->basis = SUPP_SALT + 1;
            for (int b = i - 1; b >= 0 && b >= i - 6; b--)
                if (salt_at[b] >= 0) {
                    s->salt = salt_at[b];
                    break;
                }
        }
        return sn - 1;
    }
    if (su == S_NONE && !bare)
        return -1;
    if (bare) {
        su = S_MG;
        to_mg = 1;
        sn = next;
    }
    strength *s = new_strength(r, v * to_mg, su);
    if (s) {
        named_before(l, s, i, salt_at, zh);
        if (!s->basis && s->salt < 0 && zh == 1)
            s->ambiguous = 1;    /* "钙片 600mg", "600mg钙片" */
        sn = read_after_strength(l, s, sn);
        /* "2 tablets (1200 mg)": the total of the count before */
        if (i >= 2 && is_punct(l, i - 1, '(') && !isnan(r->count)) {
            double ml2;
            int n2;
            if (supp_dose_unit_at(l, i - 2, &ml2, &n2) != U_NONE)
                s->after_count = 1;
        }
    }
    return sn - 1;
}

/* A count from number v at token i ("2 tablets", "10 ml", "一片半",
 * "2 Tums", "2 tds", "x2", "2x"): the last token of it. */
static int read_count(const line_text *l, reading *r, int i, int next, double v)
{
    const token *t = &l->t[i];
    double ml;
    int un;
    int u = supp_dose_unit_at(l, next, &ml, &un);
    if (u == U_NONE && next < l->n && l->t[next].skip) {
        /* "2 Tums Ultra 1000", "2 slow mag tablets": a count before the name */
        int j = next;
        while (j < l->n && l->t[j].skip)
            j++;
        u = supp_dose_unit_at(l, j, &ml, &un);
        if (u == U_NONE) {
            r->count_unit = U_NONE;
            if (isnan(r->count)) {
                r->count = v;
                r->counts = 1;
            }
            return i;
        }
    }
    if (u != U_NONE) {
        double c = u == U_ML ? v * ml : v;
        if (u != U_ML && is_cjk_char(l, un, 0x534A))
            c += 0.5;                /* 一片半 */
        if (!isnan(r->count) && !(u == r->count_unit && c == r->count))
            r->counts++;
        else if (isnan(r->count))
            r->counts = 1;
        r->count = c;
        r->count_unit = u;
        r->count_ml = u == U_ML ? 1 : 0;
        return un - 1;
    }
    /* "2 tds", "1 bd": a bare number before how often is a count */
    if (t->type == T_NUM && next < l->n && l->t[next].type == T_WORD &&
        (word_in(l->t[next].word, (const char *const[]){"bid", "bd", "tid", "tds", "qid", "qds",
                                                         "od", "qd", "daily", "nocte", "mane",
                                                         "qhs", "twice", "once", NULL}))) {
        if (isnan(r->count)) {
            r->count = v;
            r->count_unit = U_NONE;
            r->counts = 1;
        }
        return i;
    }
    /* "x2", "x 2", "2x", "2 x 600 mg": a count of the product */
    int x_before = i > 0 && is_word(l, i - 1, "x");
    int x_after = is_word(l, next, "x") &&
                  !(is_word(l, next + 1, "daily") || is_word(l, next + 1, "day") ||
                    is_punct(l, next + 1, '/') || is_word(l, next + 1, "a") ||
                    is_word(l, next + 1, "per"));
    if (t->type == T_NUM && (x_before || (x_after && (!l->t[next].space || (next + 1 < l->n &&
                                                                 l->t[next + 1].type == T_NUM))))) {
        if (x_before && (is_word(l, next, "daily") || is_word(l, next, "day") ||
                         is_word(l, next, "a")))
            return i;               /* "x 2 daily": a frequency */
        if (isnan(r->count)) {
            r->count = v;
            r->count_unit = U_NONE;
            r->counts = 1;
        }
    }
    return i;
}

/* Counts ("2 tablets", "一次1片", "x2", "2 Tums"), strengths ("600 mg",
 * "含钙600mg", "400 mg/5 ml", "Mg glycinate 200"), ranges and vague
 * amounts. */
void supp_read_amounts(const line_text *l, reading *r, const int *salt_at)
{
    int zh = zh_generic(l);
    for (int i = 0; i < l->n; i++) {
        if (l->t[i].skip)
            continue;
        note_weekday(l, r, i);
        int next;
        double v = supp_number_at(l, i, &next);
        if (v < 0) {
            i = read_words(l, r, i);
            continue;
        }
        /* a frequency ("每日3次", "3 times") is read elsewhere */
        if (is_cjk_char(l, next, 0x6B21) || is_cjk_char(l, next, 0x56DE) ||
            is_word(l, next, "times") || is_word(l, next, "time"))
            continue;
        int last = read_range(l, r, i, next, v);
        if (last < 0)
            last = read_strength(l, r, i, next, v, salt_at, zh);
        if (last < 0)
            last = read_count(l, r, i, next, v);
        i = last;
    }
}
