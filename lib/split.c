/* split.c — finding the serving in food text and cutting it out
 * (kmgca_serving_split): "2 slices wholemeal toast", "toast (60 g)",
 * "milk 200 ml and 2 biscuits", "鸡蛋2个", "吃了一碗米饭左右".
 *
 * A serving may lead, trail, sit in brackets, or — with a unit of mass or
 * volume, or a Chinese measure word — stand anywhere; a bare number between
 * words is part of the name ("chicken 65"). Two amounts are two servings
 * unless one says what the other weighs ("2 slices (60 g)"). A container
 * with no amount ("glass white wine", "avocado, half") is one of it, and a
 * Chinese measure word right after a verb ("喝了碗粥") one too.
 */
#include "serving.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- Finding the serving in food text ---------------------------------------- */

typedef struct {
    int start, end;        /* tokens, fillers included */
    reading r;
    int rank;
    int second;            /* a bare count after "and", "with", "+": only a sign of two servings */
} found;

/* How much a reading says: a measure beats a household word beats a count,
 * and a weight beats a volume. */
static int reading_rank(const reading *r, int leading)
{
    return r->cls * 8 + (r->amount_written ? 4 : 0) + (r->s.kind == KMGCA_UNIT_MASS ? 2 : 0) +
           (leading ? 1 : 0);
}

/* 1 when a serving may start at token i: a number, a word, a bracket, a
 * Chinese numeral or one of the few characters that open a vague amount.
 * (Most of a Chinese line is the food's own characters.) */
static int could_start(const tokens *tk, int i)
{
    const token *t = &tk->t[i];
    if (t->type == TK_NUM || t->type == TK_WORD)
        return 1;
    if (t->type == TK_PUNCT)
        return t->cp == '(';
    if (is_zh_numeral(t))
        return 1;
    static const long openers[] = {0x5927, 0x5C0F, 0x9002, 0x5C11, 0x82E5, 0x591A}; /* 大小适少若多 */
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++)
        if (t->cp == openers[k])
            return 1;
    return 0;
}

static int connector_between(const tokens *tk, int from, int to);

/* A serving that fills a bracket opening at token i: "(150 g)". */
static int bracket_serving(const tokens *tk, int i, reading *r)
{
    int end;
    /* "(150 g)": the whole bracket must be a serving. */
    int k = i + 1;
    while (k < tk->count && !punct_is(tk, k, ')'))
        k++;
    if (k < tk->count && k > i + 1 && read_at(tk, i + 1, 0, r) && !(r->size_only && 0) &&
        (r->end == k || (r->end < k && is_filler(tk, r->end, &end) && end == k)) &&
        (r->cls != CLASS_COUNT || r->amount_written)) {
        r->end = k + 1;
        return 1;
    }
    return 0;
}

/* 1 when the word before token i, as written, is a chain's: possessive
 * ("McDonald's", "wendy's") or a chain people name without one ("Maccas",
 * "KFC", "Starbucks"), and a word follows: its sizes are servings. */
static int after_owner(const tokens *tk, int i)
{
    static const char *const chains[] = {
        "maccas", "kfc",     "subway",      "starbucks", "costa",     "greggs",
        "dunkin", "timmies", "pret",        "hungry jacks", "tim hortons", "tims",
        "mcdonalds", "wendys", "burger king", "caffe nero", "nero",   "panera",
        "chipotle", "taco bell", "nandos",  "dominos"};
    if (i == 0 || i + 1 >= tk->count || tk->t[i + 1].type != TK_WORD)
        return 0;
    const char *o = tk->n.orig;
    size_t at = tk->n.map[tk->t[i].start], end = at;
    while (end > 0 && o[end - 1] == ' ')
        end--;
    size_t begin = end;
    while (begin > 0 && o[begin - 1] != ' ' && o[begin - 1] != ',')
        begin--;
    if (end - begin < 2 || end == at)
        return 0;
    if (o[end - 1] == 's' &&
        (o[end - 2] == '\'' || (end - begin > 4 && !strncmp(o + end - 4, "’s", 4))))
        return 1;
    for (size_t k = 0; k < sizeof chains / sizeof *chains; k++) {
        size_t n = strlen(chains[k]);
        if (end >= n && !strncasecmp(o + end - n, chains[k], n) &&
            (end == n || o[end - n - 1] == ' ' || o[end - n - 1] == ','))
            return 1;
    }
    return 0;
}

/* 1 when tokens from..to-1 hold nothing but a word of how it was weighed
 * (dry, raw, cooked, drained) and brackets or commas: "2 oz dry (56g)",
 * not "1 oz cheese 28g crackers". */
static int only_state_between(const tokens *tk, int from, int to)
{
    static const char *const state[] = {"dry", "raw", "cooked", "uncooked", "drained",
                                        "weight", "weighed"};
    for (int i = from; i < to && i < tk->count; i++) {
        if (punct_is(tk, i, '(') || punct_is(tk, i, ','))
            continue;
        int ok = 0;
        for (size_t k = 0; k < sizeof state / sizeof *state && !ok; k++)
            ok = word_is(tk, i, state[k]);
        if (!ok)
            return 0;
    }
    return 1;
}

/* Whether the serving read at token i (first: the first token that is no
 * filler) stands where a serving may: 1 yes, 2 only as a sign of a second
 * serving ("and 2 biscuits"), 0 no. It may read on a measure word after
 * a count ("broccoli 3 spears"); *from moves back over a minus sign. */
static int serving_placed(const tokens *tk, int i, int first, reading *r, int *from)
{
    int ok = 0, end;
    /* "broccoli 3 spears": a count and one word ending the line
     * after the food name a measure of it ("spear", "fillet"). */
    /* (or before a bracket ending the line, that weighs it: "Oreo -
     * Chocolate Sandwich Cookies, 3 cookies (34g)") */
    int bracket_last = 0;
    if (punct_is(tk, r->end + 1, '(')) {
        int c = r->end + 2;
        while (c < tk->count && !punct_is(tk, c, ')'))
            c++;
        bracket_last = c + 1 == tk->count;
    }
    if (r->cls == CLASS_COUNT && r->amount_written && !r->why && !r->xcount &&
        (tk->t[i].type == TK_NUM || word_is(tk, i, "half")) && i > first &&
        (r->end + 1 == tk->count || bracket_last) &&
        tk->t[r->end].type == TK_WORD && !tk->t[r->end].guarded && tk->t[r->end].space &&
        !word_is(tk, r->end, "x") && !word_is(tk, r->end, "of") &&
        !word_is(tk, r->end, "pm") && !word_is(tk, r->end, "am") &&
        !word_is(tk, i - 1, "at") && !word_is(tk, i - 1, "around") &&
        !connector_between(tk, i - 1, i) &&
        (tk->t[i - 1].type == TK_WORD || punct_is(tk, i - 1, '-') ||
         (bracket_last && punct_is(tk, i - 1, ',')) ||
         /* (a count of halves after a comma: "canned pears, 2 halves";
          * not "Milk, 2 percent") */
         (punct_is(tk, i - 1, ',') &&
          (word_is(tk, r->end, "halves") || word_is(tk, r->end, "quarters"))))) {
        r->s.kind = KMGCA_UNIT_PORTION;
        append_words(r->s.unit, sizeof r->s.unit, tk, r->end, r->end + 1);
        r->cls = CLASS_HOUSEHOLD;
        r->words_only = 1;
        r->end++;
    }
    /* Where it may stand: */
    int leading = i <= first;
    int trailing = 0;
    int k = r->end;
    for (;;) {
        if (punct_is(tk, k, '(')) {
            /* a bracket after it is a note on it: "2 slices (60 g)" */
            while (k < tk->count && !punct_is(tk, k, ')'))
                k++;
            if (k < tk->count)
                k++;
            continue;
        }
        if (k < tk->count && is_filler_after(tk, k, &end)) {
            k = end;
            continue;
        }
        /* a weight after it says what it weighs: "2 slices, 56 g" */
        if (k < tk->count) {
            reading w;
            int at = punct_is(tk, k, ',') || punct_is(tk, k, '/') ? k + 1 : k;
            if (at < tk->count && read_at(tk, at, 0, &w) && w.cls == CLASS_MEASURE &&
                !w.why && w.end > at) {
                k = w.end;
                continue;
            }
        }
        /* a full stop ending the line ("banana med.") */
        if (k + 1 == tk->count && punct_is(tk, k, '.')) {
            k++;
            continue;
        }
        break;
    }
    trailing = k >= tk->count;
    int cjk = tk->t[i].type == TK_CJK ||
              (r->end > 0 && tk->t[r->end - 1].type == TK_CJK) ||
              (i > 0 && tk->t[i - 1].type == TK_CJK && !tk->t[i].space);
    if (r->cls == CLASS_MEASURE || r->length || (cjk && r->cls != CLASS_COUNT))
        ok = 1;
    else if (leading || trailing)
        ok = 1;
    /* a serving before what was added to it: "rye toast 1 sl. w/ marg.",
     * "oatmeal 1 cup with raisins" */
    else if (r->cls != CLASS_COUNT && i > first && r->end < tk->count &&
             !word_is(tk, r->end - 1, "of") &&
             (word_is(tk, r->end, "with") ||
              (word_is(tk, r->end, "w") && punct_is(tk, r->end + 1, '/')) ||
              /* ("1 scoop w water": w alone before a word) */
              (word_is(tk, r->end, "w") && r->end + 1 < tk->count &&
               tk->t[r->end + 1].type == TK_WORD)))
        ok = 1;
    /* a household measure between the food and one word of its kind
     * ending the line: "toast 1 sl wholemeal", "rice 1 cup brown" */
    else if (r->cls == CLASS_HOUSEHOLD && !r->words_only && i > first &&
             tk->t[i - 1].type == TK_WORD && r->end + 1 == tk->count &&
             tk->t[r->end].type == TK_WORD &&
             (word_is(tk, r->end, "wholemeal") || word_is(tk, r->end, "white") ||
              word_is(tk, r->end, "brown") || word_is(tk, r->end, "granary") ||
              word_is(tk, r->end, "rye") || word_is(tk, r->end, "sourdough") ||
              word_is(tk, r->end, "multigrain") || word_is(tk, r->end, "wholegrain") ||
              word_is(tk, r->end, "wholewheat") || word_is(tk, r->end, "skim") ||
              word_is(tk, r->end, "skimmed") || word_is(tk, r->end, "steamed") ||
              word_is(tk, r->end, "boiled") || word_is(tk, r->end, "toasted") ||
              word_is(tk, r->end, "cooked") || word_is(tk, r->end, "plain")))
        ok = 1;
    /* a household measure standing alone between commas: "porridge, 1
     * bowl, with honey", "Just toast today, 1 slice, felt rubbish" */
    else if (r->cls == CLASS_HOUSEHOLD && !r->words_only && i > first &&
             punct_is(tk, i - 1, ',') && punct_is(tk, r->end, ','))
        ok = 1;
    /* a serving before when or where it was had: "milk 1 glass before
     * bed", "horlicks 1 mug after dinner", "banana 1 for breakfast".
     * After a bare count, only the first six (before ... when): a number
     * before "at", "in", "with" may be part of a name. */
    static const char *const when[] = {"before", "after", "for", "during", "while", "when",
                                       "at", "in", "on", "around", "with", "tonight",
                                       "today", "yesterday", "night", "this", "last", "made",
                                       "mixed", "prepared"};
    int when_after = 0;
    /* (a bare count right after eating is one before any of them: "I had
     * 3 with ghee") */
    int after_eating = i > 0 && (word_is(tk, i - 1, "had") || word_is(tk, i - 1, "ate") ||
                                 word_is(tk, i - 1, "have") || word_is(tk, i - 1, "eaten"));
    for (size_t w = 0; !ok && !when_after && i > first && r->end < tk->count &&
                       w < sizeof when / sizeof *when;
         w++)
        when_after = word_is(tk, r->end, when[w]) &&
                     (r->cls != CLASS_COUNT || w < 6 || after_eating) &&
                     !word_is(tk, r->end - 1, "of");
    if (when_after)
        ok = 1;
    /* A bare number between words is part of the name ("chicken 65",
     * "pho 24 ..."), unless Chinese ("鸡蛋2个" has its measure). */
    if (r->cls == CLASS_COUNT && !leading && !trailing && !when_after) {
        ok = 0;
        /* ... but after "and", "with", "+" or a comma it starts
         * another food: "milk 200 ml and 2 biscuits". */
        if (tk->t[i].type == TK_NUM && r->amount_written && i > 0 &&
            (word_is(tk, i - 1, "and") || word_is(tk, i - 1, "with") ||
             word_is(tk, i - 1, "plus") || punct_is(tk, i - 1, '+') ||
             punct_is(tk, i - 1, '&') || punct_is(tk, i - 1, ',')))
            ok = 2;
    }
    /* 少许, 一点 between words are the amount: "米饭少许 没胃口" */
    if (r->little && cjk)
        ok = 1;
    /* "almonds at 3", "tea at 4": a time of day ending the line, not a
     * count ("grapes around 10" is one) */
    /* (nor "charting till 7", "up until 6") */
    if (ok && r->cls == CLASS_COUNT && trailing && tk->t[i].type == TK_NUM && i > 1 &&
        !(tk->t[i].flags & NF_FRACTION) && tk->t[i].value >= 1 && tk->t[i].value <= 12 &&
        (word_is(tk, i - 1, "at") || word_is(tk, i - 1, "till") || word_is(tk, i - 1, "until") ||
         word_is(tk, i - 1, "til")))
        ok = 0;
    /* "sausages x2 grilled": "x2" is a count wherever it stands. */
    if (r->xcount)
        ok = 1;
    /* "a" alone before a word that is no food is an article only. */
    if (ok && r->cls == CLASS_COUNT && r->amount_written && r->end >= tk->count)
        ok = tk->t[i].type == TK_NUM || tk->t[i].type == TK_CJK || r->why || r->little ||
             (r->end - i == 2 && word_is(tk, i, "x"));
    /* A size alone ("small", "large") leads, or follows a comma, or a
     * chain's or brand's name before the food ("McDonald's medium fries",
     * "Maccas large fries"). */
    if (r->size_only)
        ok = leading || (trailing && i > 0 && punct_is(tk, i - 1, ',')) ||
             /* (or a shortened size ends the line after the food: "banana
              * med", "apple lg", "chips (lg)") */
             (trailing && i > 0 && tk->t[i - 1].type == TK_WORD &&
              (r->end == i + 1 || (r->end == i + 2 && punct_is(tk, i + 1, '.'))) &&
              (word_is(tk, i, "med") || word_is(tk, i, "lg") || word_is(tk, i, "lge") ||
               word_is(tk, i, "lrg") || word_is(tk, i, "sm") || word_is(tk, i, "sml"))) ||
             /* (or stands between commas: "flat white at 10.30, large, full
              * cream") */
             (i > 0 && punct_is(tk, i - 1, ',') && punct_is(tk, r->end, ',')) ||
             (ok && !trailing && after_owner(tk, i)) ||
             (!leading && !trailing && r->end == i + 1 && after_owner(tk, i));
    if (ok && r->cls == CLASS_COUNT && tk->t[i].type == TK_WORD && !word_is(tk, i, "x") &&
        !r->little && (r->end >= tk->count || tk->t[r->end].type != TK_WORD))
        ok = 0;
    /* A vague amount or a range is cut out wherever it stands, to
     * be refused with its reason. */
    if (r->why && (r->cls != CLASS_COUNT || tk->t[i].type != TK_WORD ||
                  (r->end < tk->count && tk->t[r->end].type == TK_WORD)))
        ok = 1;
    /* "eggs -2": a negative amount. */
    if (ok && tk->t[i].type == TK_NUM && !tk->t[i].space && punct_is(tk, i - 1, '-') &&
        (i == 1 || tk->t[i - 1].space)) {
        r->why = "the amount is negative";
        *from = i - 1;
    }
    return ok;
}

/* The first token of the fillers that go with a serving starting at
 * `from`: "about", "吃了". */
static int fillers_before(const tokens *tk, int from)
{
    int s0 = from;
    while (s0 > 0 && s0 - 1 >= 0) {
        int e;
        int k = s0 - 1;
        if (tk->t[k].type == TK_WORD && is_filler(tk, k, &e) && e == s0) {
            s0 = k;
            continue;
        }
        /* a filler of two words: "for dessert", "lunch was" */
        if (k > 0 && tk->t[k - 1].type == TK_WORD && is_filler(tk, k - 1, &e) && e == s0) {
            s0 = k - 1;
            continue;
        }
        /* a Chinese filler of up to three characters ends at s0, the
         * longest first ("只吃了" before "吃了") */
        int z = -1;
        for (int back = k >= 2 ? 2 : k; back >= 0 && z < 0; back--)
            if (zh_filler_at(tk, k - back, &e) && e == s0)
                z = k - back;
        if (z >= 0) {
            s0 = z;
            continue;
        }
        break;
    }
    return s0;
}

/* The token after the fillers that follow a serving ending at `end`:
 * "左右". */
static int fillers_after(const tokens *tk, int end)
{
    int e0 = end;
    for (;;) {
        int e;
        if (e0 < tk->count && tk->t[e0].type != TK_PUNCT && is_filler_after(tk, e0, &e)) {
            e0 = e;
            continue;
        }
        break;
    }
    return e0;
}

/* The tokens of a date opening a Chinese line, 0 when none: month.day before the
 * meal ("5.12 早 馒头一个", "11/3 中午 …": 1), or 3月2日 (4): no amount. */
static int date_first(const tokens *tk)
{
    /* "3月2日 晚 饺子十五个": a date written with 月 and 日 (or 号) */
    if (tk->count > 4 && tk->t[0].type == TK_NUM && cjk_is(tk, 1, "月") &&
        tk->t[2].type == TK_NUM && (cjk_is(tk, 3, "日") || cjk_is(tk, 3, "号")) &&
        tk->t[0].value >= 1 && tk->t[0].value <= 12 && tk->t[0].value == floor(tk->t[0].value) &&
        tk->t[2].value >= 1 && tk->t[2].value <= 31 && tk->t[2].value == floor(tk->t[2].value))
        return 4;
    if (tk->count < 2 || tk->t[0].type != TK_NUM || tk->t[1].type != TK_CJK || !tk->t[1].space)
        return 0;
    const char *o = tk->n.orig;
    size_t a = tk->n.map[tk->t[0].start], b = a, month = 0, day = 0, md = 0, dd = 0;
    while (o[b] >= '0' && o[b] <= '9' && md < 3)
        month = month * 10 + (size_t)(o[b++] - '0'), md++;
    if (o[b] != '.' && o[b] != '/')
        return 0;
    b++;
    while (o[b] >= '0' && o[b] <= '9' && dd < 3)
        day = day * 10 + (size_t)(o[b++] - '0'), dd++;
    int end;
    /* not before a measure ("1.5 碗米饭" is an amount) */
    if (!md || md > 2 || !dd || dd > 2 || month < 1 || month > 12 || day < 1 || day > 31 ||
        o[b] != ' ' || zh_measure_at(tk, 1, &end))
        return 0;
    /* two digits of day ("5.12") or a slash ("11/3") is a date; "2.5" only
     * before a word of the meal */
    return dd == 2 || o[a + md] == '/' || zh_filler_at(tk, 1, &end) || is_filler(tk, 1, &end);
}

static int find_servings(const tokens *tk, found *out, int max)
{
    int n = 0, end;
    /* The first and last tokens that are not fillers. */
    int dated = date_first(tk), first = dated, last = tk->count - 1;
    while (first < tk->count && is_filler(tk, first, &end))
        first = end;
    while (last >= 0 && tk->t[last].type == TK_PUNCT && tk->t[last].cp != ')')
        last--;
    for (int i = dated; i < tk->count && n < max;) {
        reading r;
        int paren = punct_is(tk, i, '(');
        int ok = 0, from = i, clock;
        if (clock_time_at(tk, i, &clock)) {
            i = clock;
            continue;
        }
        if (!could_start(tk, i)) {
            i++;
            continue;
        }
        if (paren)
            ok = bracket_serving(tk, i, &r);
        else if (read_at(tk, i, 0, &r))
            ok = serving_placed(tk, i, first, &r, &from);
        /* "had a banana around 10", "2 eggs by 8": with a serving already
         * found, a bare hour ending the line after "around" or "by" is when
         * (alone, "grapes around 10" is a count) */
        if (ok && n > 0 && r.cls == CLASS_COUNT && tk->t[i].type == TK_NUM && i > 0 &&
            (word_is(tk, i - 1, "around") || word_is(tk, i - 1, "by")) &&
            fillers_after(tk, r.end) >= tk->count && !(tk->t[i].flags & NF_FRACTION) &&
            tk->t[i].value >= 1 && tk->t[i].value <= 12 &&
            tk->t[i].value == floor(tk->t[i].value)) {
            ok = 0;
            /* (the word of when stays with the hour, in the food's text) */
            if (out[n - 1].end > i - 1)
                out[n - 1].end = i - 1;
        }
        if (!ok) {
            i++;
            continue;
        }
        /* Fillers next to it go with it: "about", "吃了", "左右". */
        int s0 = fillers_before(tk, from);
        int e0 = fillers_after(tk, r.end);
        out[n].start = s0;
        out[n].end = e0;
        out[n].r = r;
        out[n].rank = reading_rank(&r, from <= first);
        out[n].second = ok == 2;
        n++;
        i = r.end > i ? r.end : i + 1;
    }
    return n;
}

/* Copies the original text of tokens [from, to) minus the servings found,
 * into out; trims connectors left at the ends. */
static void food_without(const tokens *tk, const found *f, int nf, char *out, size_t size)
{
    char buf[TEXT_MAX + 1];
    size_t o = 0;
    const char *orig = tk->n.orig;
    size_t at = 0;
    for (int k = 0; k <= nf; k++) {
        size_t cut_from = k < nf ? tk->n.map[tk->t[f[k].start].start] : tk->n.orig_len;
        size_t cut_to = k < nf ? (f[k].end < tk->count ? tk->n.map[tk->t[f[k].end].start]
                                                        : tk->n.orig_len)
                               : tk->n.orig_len;
        if (k == nf && tk->count && tk->t[tk->count - 1].end < tk->n.len)
            cut_from = tk->n.orig_len;
        if (cut_from > at) {
            size_t len = cut_from - at;
            if (o && buf[o - 1] != ' ' && o < TEXT_MAX)
                buf[o++] = ' ';
            if (o + len > TEXT_MAX)
                len = TEXT_MAX - o;
            memcpy(buf + o, orig + at, len);
            o += len;
        }
        at = cut_to;
    }
    buf[o] = '\0';
    /* Trim spaces, punctuation and connectors left at either end. */
    char *p = buf;
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '-' || *p == ':' || *p == ';' || *p == '~' ||
               *p == '*' || *p == '.' || *p == '/' || *p == ')')
            p++;
        if (strncasecmp(p, "of ", 3) == 0)
            p += 3;
        else if ((p[0] == 'x' || p[0] == 'X') && p[1] == ' ')
            p += 2;
        else if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0 || strncmp(p, "：", 3) == 0)
            p += 3;
        else
            break;
    }
    size_t n = strlen(p);
    for (;;) {
        while (n && (p[n - 1] == ' ' || p[n - 1] == ',' || p[n - 1] == '-' || p[n - 1] == ':' ||
                     p[n - 1] == ';' || p[n - 1] == '(' || p[n - 1] == '~' || p[n - 1] == '*' ||
                     p[n - 1] == '/'))
            n--;
        if (n >= 3 && (strncmp(p + n - 3, "，", 3) == 0 || strncmp(p + n - 3, "、", 3) == 0 ||
                       strncmp(p + n - 3, "：", 3) == 0 || strncmp(p + n - 3, "（", 3) == 0))
            n -= 3;
        else if (n >= 3 && strncasecmp(p + n - 3, " of", 3) == 0)
            n -= 3;
        else if (n >= 2 && (p[n - 1] == 'x' || p[n - 1] == 'X') && p[n - 2] == ' ')
            n -= 2;
        else
            break;
    }
    p[n] = '\0';
    /* A lone bracket left behind: "chicken (150 g" cannot happen, but "(" */
    size_t opens = 0, closes = 0;
    for (char *c = p; *c; c++)
        opens += *c == '(', closes += *c == ')';
    if (opens == 1 && closes == 0) {
        char *c = strchr(p, '(');
        memmove(c, c + 1, strlen(c));
    }
    copy_text(out, size, text_trim(p));
}

/* 1 when a word or mark joining two foods stands in tokens [from, to). */
static int connector_between(const tokens *tk, int from, int to)
{
    static const long zh[] = {0x548C, 0x52A0, 0x8DDF, 0x914D, 0x53CA}; /* 和 加 跟 配 及 */
    for (int i = from; i < to; i++) {
        if (word_is(tk, i, "and") || word_is(tk, i, "with") || word_is(tk, i, "plus") ||
            word_is(tk, i, "w") || punct_is(tk, i, '+') || punct_is(tk, i, '&') ||
            punct_is(tk, i, ';'))
            return 1;
        if (tk->t[i].type == TK_CJK)
            for (size_t k = 0; k < sizeof zh / sizeof zh[0]; k++)
                if (tk->t[i].cp == zh[k])
                    return 1;
    }
    return 0;
}

/* After a leading container word: two words or more, not noodles, or one
 * word that names what such a container holds. */
static int contents_follow(const char *rest)
{
    static const char *const one[] = {"milk", "tea", "coffee", "juice", "oj", "wine", "beer",
                                      "water", "soup", "cereal", "porridge", "oats", "oatmeal",
                                      "rice", "lemonade", "cola", "coke", "cider", "yogurt",
                                      "yoghurt", "custard", "stew", "chili", "chilli", "salad"};
    char w[32];
    size_t n = strcspn(rest, " ,");
    if (n >= sizeof w)
        return 0;
    memcpy(w, rest, n);
    w[n] = '\0';
    if (!strncasecmp(w, "noodle", 6))
        return 0;
    const char *after = rest + n;
    while (*after == ' ' || *after == ',')
        after++;
    if (*after)
        return 1;
    for (size_t k = 0; k < sizeof one / sizeof *one; k++)
        if (!strcasecmp(w, one[k]))
            return 1;
    return 0;
}

/* A container or household word with no amount, first or last in the
 * line ("glass white wine", "OJ glass", "handful snow peas", "avocado,
 * half"): one of it (or half). The line again with the amount written;
 * 0 when there is none. "cup" only leads: "peanut butter cup" is a sweet. */
/* The size word ("small", "big") of a container, or NULL. */
static const char *container_size(const char *w, size_t len)
{
    static const char *const sizes[] = {"small", "big", "large", "medium", "mini", "regular"};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        if (strlen(sizes[k]) == len && strncasecmp(w, sizes[k], len) == 0)
            return sizes[k];
    return NULL;
}

/* The word of s that ends at `end` (letters only): its start, and its
 * length in *len; end itself when there is none. */
static size_t word_before(const char *s, size_t end, size_t *len)
{
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ','))
        end--;
    size_t b = end;
    while (b > 0 && isalpha((unsigned char)s[b - 1]))
        b--;
    *len = end - b;
    return b;
}

/* The last six are containers only with a size before them ("small
 * dish", "big bag"): alone they end names ("side dish", "tea bag"). */
static const char *const container_words[] = {
    "glass", "mug", "bowl", "handful", "plate", "tub", "punnet", "carton", "bottle", "can",
    "tin", "slice", "piece", "cup", "beaker", "spoonful", "dollop", "scoop", "half", "dish",
    "bag", "packet", "box", "pot", "serve"};
static const size_t sized_from = 19;

/* "whole punnet of strawberries", "entire bag of crisps", "full glass of
 * water" at the start of s (its first word `first` bytes long): all of one. */
static int whole_container(const char *s, size_t first, char *out, size_t size)
{
    if (s[first] == ' ' && ((first == 5 && !strncasecmp(s, "whole", 5)) ||
                            (first == 6 && !strncasecmp(s, "entire", 6)) ||
                            (first == 4 && !strncasecmp(s, "full", 4)))) {
        const char *w2 = s + first + 1;
        size_t l2 = strspn(w2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for (size_t k = 0; k < sizeof container_words / sizeof *container_words; k++)
            if (strlen(container_words[k]) == l2 &&
                strncasecmp(w2, container_words[k], l2) == 0 &&
                strcmp(container_words[k], "half") != 0 && w2[l2] == ' ' &&
                isalpha((unsigned char)w2[l2 + 1])) {
                snprintf(out, size, "1 %s", w2);
                return 1;
            }
    }
    return 0;
}

/* A size, then a container, then what it holds, at the start of s: "small
 * bag cool ranch doritos", "big bowl porridge". */
static int sized_container(const char *s, size_t first, char *out, size_t size)
{
    const char *lead_size = first && s[first] == ' ' ? container_size(s, first) : NULL;
    if (lead_size) {
        const char *w2 = s + first + 1;
        size_t l2 = strspn(w2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for (size_t k = 0; k < sizeof container_words / sizeof *container_words; k++) {
            size_t wl = strlen(container_words[k]);
            if (wl == l2 && strncasecmp(w2, container_words[k], wl) == 0 &&
                strcmp(container_words[k], "half") != 0 &&
                strcmp(container_words[k], "bottle") != 0 &&
                w2[wl] == ' ' && isalpha((unsigned char)w2[wl + 1]) &&
                contents_follow(w2 + wl + 1)) {
                snprintf(out, size, "1 %s", s);
                return 1;
            }
        }
    }
    return 0;
}

static int bare_container(const char *text, char *out, size_t size)
{
    char t[TEXT_MAX + 1];
    copy_text(t, sizeof t, text);
    char *s = text_trim(t);
    size_t len = strlen(s);
    size_t first = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    size_t last = len;
    while (last > 0 && isalpha((unsigned char)s[last - 1]))
        last--;
    if (whole_container(s, first, out, size) || sized_container(s, first, out, size))
        return 1;
    for (size_t k = 0; k < sizeof container_words / sizeof *container_words; k++) {
        size_t wl = strlen(container_words[k]);
        int half = strcmp(container_words[k], "half") == 0;
        if (k >= sized_from) {
            /* only with a size before it, last in the line */
            size_t pl, pb;
            const char *sz;
            if (len - last != wl || last == 0 || strcasecmp(s + last, container_words[k]) != 0 ||
                s[last - 1] != ' ')
                continue;
            pb = word_before(s, last, &pl);
            if (!pl || !(sz = container_size(s + pb, pl)) || pb == 0)
                continue;
            size_t keep = pb;
            while (keep > 0 && (s[keep - 1] == ' ' || s[keep - 1] == ',' || s[keep - 1] == '-'))
                keep--;
            if (!keep)
                continue;
            snprintf(out, size, "%.*s 1 %s %s", (int)keep, s, sz, container_words[k]);
            return 1;
        }
        /* first, with more words after it: two at least ("glass noodles",
         * "cup noodles", "plate lunch", "tin foil" are names), or one drink or
         * dish people put in it ("glass milk", "bowl cereal") */
        if (!half && first == wl && strcmp(container_words[k], "bottle") != 0 &&
            strncasecmp(s, container_words[k], wl) == 0 && s[wl] == ' ' &&
            isalpha((unsigned char)s[wl + 1]) &&
            (contents_follow(s + wl + 1) || !strcmp(container_words[k], "spoonful") ||
             !strcmp(container_words[k], "dollop"))) {
            snprintf(out, size, "1 %s", s);
            return 1;
        }
        /* last, after the food */
        if (len - last == wl && last > 0 && strcasecmp(s + last, container_words[k]) == 0 &&
            strcmp(container_words[k], "cup") != 0 && (s[last - 1] == ' ' || s[last - 1] == ',')) {
            size_t keep = last;
            int comma = 0;
            while (keep > 0 && (s[keep - 1] == ' ' || s[keep - 1] == ',')) {
                comma |= s[keep - 1] == ',';
                keep--;
            }
            /* "half and half" is cream; "avocado, half" half an avocado */
            if (!keep || (half && !comma) ||
                (keep >= 4 && strncasecmp(s + keep - 4, " and", 4) == 0) ||
                s[keep - 1] == '&')
                return 0;
            if (half) {
                snprintf(out, size, "half %.*s", (int)keep, s);
                return 1;
            }
            /* "Irish stew, big bowl": the size goes with the container;
             * "ate the whole tub": all of it, one tub. */
            size_t pl, pb = word_before(s, last, &pl);
            const char *sz = pl && pb > 0 ? container_size(s + pb, pl) : NULL;
            int whole = pl && pb > 0 && !sz &&
                        ((pl == 5 && !strncasecmp(s + pb, "whole", 5)) ||
                         (pl == 6 && !strncasecmp(s + pb, "entire", 6)));
            if (sz || whole) {
                size_t k2 = pb, al;
                if (whole) {
                    size_t ab = word_before(s, pb, &al);
                    if ((al == 3 && !strncasecmp(s + ab, "the", 3)) ||
                        (al == 1 && !strncasecmp(s + ab, "a", 1)))
                        k2 = ab;
                }
                while (k2 > 0 && (s[k2 - 1] == ' ' || s[k2 - 1] == ',' || s[k2 - 1] == '-'))
                    k2--;
                if (k2) {
                    snprintf(out, size, "%.*s 1 %s%s%s", (int)k2, s, sz ? sz : "", sz ? " " : "",
                             container_words[k]);
                    return 1;
                }
            }
            snprintf(out, size, "%.*s 1 %s", (int)keep, s, container_words[k]);
            return 1;
        }
    }
    return 0;
}

/* A Chinese measure word with no numeral right after a verb or 了 ("喝了碗
 * 八宝粥", "来了个煎饼", "买根油条"): Chinese leaves 一 out there, so it is one
 * of it. The line again with 一 written in before the measure word (and its
 * size, 小碗); 0 when there is none. The caller keeps the line as written
 * when the measure word starts a food's name instead ("吃了包子", "锅贴"). */
int serving_zh_bare_measure(const char *text, char *out, size_t size)
{
    static const char *const before[] = {"了", "吃", "喝", "来", "买", "点", "打", "要", "加",
                                         "啃", "煮", "蒸", "做", "下", "炖", "煎", "烤", "泡",
                                         "冲", "拿", "整", "弄", "叫", "炒", "热", "盛",
                                         "咗"};   /* Cantonese 了: 飲咗碗湯 */
    size_t len = strlen(text);
    /* a size and a measure word alone at the end, after a space: "米饭 小碗",
     * "卤肉饭 大碗" */
    const char *sp = strrchr(text, ' ');
    if (sp && sp > text && sp[1]) {
        size_t ml, sl = 0;
        const struct kmgca_measure_word *m = measure_word_at(sp + 1, &ml);
        if (m && !m->concept[0]) {
            sl = ml;
            m = measure_word_at(sp + 1 + sl, &ml);
        }
        const unit_def *u;
        if (m && m->concept[0] && sl && !sp[1 + sl + ml] && !unit_at(sp + 1 + sl, &u) &&
            (size_t)snprintf(out, size, "%.*s一%s", (int)(sp + 1 - text), text, sp + 1) < size)
            return 1;
    }
    for (size_t at = 0; at < len;) {
        size_t cl;
        if (utf8_decode(text + at, &cl) < 0 || !cl)
            return 0;
        size_t next = at + cl;
        int verb = 0;
        for (size_t k = 0; k < sizeof before / sizeof *before && !verb; k++)
            verb = cl == strlen(before[k]) && memcmp(text + at, before[k], cl) == 0;
        if (verb && next < len) {
            size_t ml, sl = 0;
            const struct kmgca_measure_word *m = measure_word_at(text + next, &ml);
            if (m && !m->concept[0]) {          /* a size first: 小碗, 大杯 */
                sl = ml;
                m = measure_word_at(text + next + sl, &ml);
            }
            const unit_def *u;
            if (m && m->concept[0] && !unit_at(text + next + sl, &u)) {
                const char *food = text + next + sl + ml;
                size_t fl;
                long cp = utf8_decode(food, &fl);
                /* the food follows, in Chinese */
                if (cp >= 0x3400 && cp <= 0x9FFF &&
                    (size_t)snprintf(out, size, "%.*s一%s", (int)next, text, text + next) < size)
                    return 1;
            }
        }
        at = next;
    }
    return 0;
}

static int split_text(const char *text, char *serving, size_t serving_size, char *food,
                      size_t food_size, int again);

int kmgca_serving_split(const char *text, char *serving, size_t serving_size, char *food,
                        size_t food_size)
{
    return split_text(text, serving, serving_size, food, food_size, 0);
}

static int split_text(const char *text, char *serving, size_t serving_size, char *food,
                      size_t food_size, int again)
{
    if (!text)
        text = "";
    if (serving_size)
        serving[0] = '\0';
    size_t len = strlen(text);
    if (len > TEXT_MAX || !utf8_valid(text, len)) {
        if (food_size)
            copy_text(food, food_size, text);
        return 0;
    }
    tokens tk;
    serving_tokenise(text, &tk);
    guard_names(&tk);
    found f[8];
    int nf = tk.truncated ? 0 : find_servings(&tk, f, 8);
    /* A bare count after "and" only tells that another serving is there:
     * alone, it stays in the name. */
    int seconds = 0, kept = 0;
    for (int k = 0; k < nf; k++) {
        if (f[k].second)
            seconds++;
        else
            f[kept++] = f[k];
    }
    nf = kept;
    /* "some" beside an amount says no amount of its own: "some dark
     * chocolate, maybe 3 squares" */
    int definite = 0;
    for (int k = 0; k < nf; k++)
        definite |= !f[k].r.some && !f[k].r.why && !f[k].r.size_only;
    kept = 0;
    for (int k = 0; k < nf; k++)
        if (!(definite && f[k].r.some))
            f[kept++] = f[k];
    nf = kept;
    if (!nf && !again && !tk.truncated) {
        char alt[TEXT_MAX + 8];
        if (bare_container(text, alt, sizeof alt) && strlen(alt) <= TEXT_MAX)
            return split_text(alt, serving, serving_size, food, food_size, 1);
    }
    if (!nf) {
        /* No serving, or text too long to search: the food as written. */
        if (food_size) {
            char tmp[TEXT_MAX + 1];
            copy_text(tmp, sizeof tmp, text);
            copy_text(food, food_size, text_trim(tmp));
        }
        return 0;
    }
    /* One serving a line. A weight in brackets next to a count or a
     * household word says what they weigh ("2 slices (60 g)"); a size alone
     * goes with a count written elsewhere ("large eggs x2"). Any other two
     * amounts are two servings: kmgca does not pick one. */
    int best = -1, amounts = 0, size_only = -1, count = -1, conflict = 0;
    for (int k = 0; k < nf; k++) {
        const reading *r = &f[k].r;
        if (r->size_only) {
            size_only = k;
            continue;
        }
        amounts++;
        if (r->cls == CLASS_COUNT && !r->why)
            count = k;
        if (best < 0 || f[k].rank > f[best].rank)
            best = k;
    }
    if (amounts > 1) {
        for (int k = 0; k < nf; k++) {
            if (k == best || f[k].r.size_only)
                continue;
            int a = k < best ? k : best, b = k < best ? best : k;
            /* The weight follows the piece it weighs, with no "and"
             * between ("bottle of coke 600ml", "2 slice, 56 g"), or stands
             * right before it ("60 g 2 slices"). */
            int next_to = k < best ? !connector_between(&tk, f[a].end, f[b].start)
                                   : f[b].start <= f[a].end ||
                                         (f[b].start == f[a].end + 1 &&
                                          tk.t[f[a].end].type == TK_PUNCT &&
                                          !connector_between(&tk, f[a].end, f[b].start));
            /* a weight beside a count, a household word or a volume is what
             * they weigh ("1 cup (200 g)", "2 slice, 56 g"); a volume beside
             * a count or a household word what they hold ("bottle 600ml") */
            int weighs = ((f[best].r.s.kind == KMGCA_UNIT_MASS &&
                           f[k].r.s.kind != KMGCA_UNIT_MASS) ||
                          (f[best].r.cls == CLASS_MEASURE && f[k].r.cls != CLASS_MEASURE)) &&
                         !f[k].r.why && !f[best].r.why;
            /* the same weight or volume written in two units ("2 oz dry
             * (56g)") is one amount, whatever word stands between */
            const kmgca_serving *x = &f[k].r.s, *y = &f[best].r.s;
            int same = x->kind == y->kind &&
                       (x->kind == KMGCA_UNIT_MASS || x->kind == KMGCA_UNIT_VOLUME) &&
                       !f[k].r.why && !f[best].r.why && x->amount > 0 && y->amount > 0 &&
                       !connector_between(&tk, f[a].end, f[b].start) &&
                       strcmp(x->unit, y->unit) != 0 &&   /* a conversion: another unit */
                       only_state_between(&tk, f[a].end, f[b].start) &&
                       fabs(x->amount * x->unit_factor - y->amount * y->unit_factor) <=
                           0.05 * y->amount * y->unit_factor;
            if (!(next_to && weighs) && !same)
                conflict = 1;
        }
    }
    if (best < 0)
        best = size_only;
    if (serving_size) {
        char sv[256];
        if (amounts == 1 && count >= 0 && size_only >= 0) {
            char num[32];
            snprintf(num, sizeof num, "%.10g", f[count].r.s.amount);
            snprintf(sv, sizeof sv, "%s %s", num, f[size_only].r.s.unit);
        } else {
            /* The serving as written, from the original text. */
            const found *b = &f[best];
            int s0 = b->r.start, e0 = b->r.end;
            if (punct_is(&tk, s0 - 1, '(') && punct_is(&tk, e0 - 1, ')'))
                s0--;
            if (punct_is(&tk, s0, '('))
                s0++, e0--;
            if (b->r.why && s0 > 0 && punct_is(&tk, s0 - 1, '-') && !tk.t[s0].space)
                s0--;           /* "-2": the sign too, to be refused */
            size_t from = tk.n.map[tk.t[s0].start];
            size_t to = tk.n.map[tk.t[e0 - 1].end];
            copy_text(sv, to - from + 1 < sizeof sv ? to - from + 1 : sizeof sv, text + from);
            /* "bowl of": the unit alone, without the "of" */
            size_t sl = strlen(sv);
            if (sl > 3 && strcasecmp(sv + sl - 3, " of") == 0)
                sv[sl - 3] = '\0';
        }
        char *t0 = text_trim(sv);
        copy_text(serving, serving_size, t0);
    }
    if (food_size)
        food_without(&tk, f, nf, food, food_size);
    return conflict || seconds ? 2 : 1;
}

/* ---- A Chinese line of several foods ------------------------------------ */

/* 1 when tokens a and a + 1 are apart: a space, or a mark that lists
 * foods (，、+；/ and their ASCII forms) between them. *next: the token the
 * next food starts at. */
static int apart_after(const tokens *tk, int a, int *next)
{
    static const long marks[] = {',', 0xFF0C, 0x3001, '+', 0xFF0B, ';', 0xFF1B, '/', 0x3002};
    int b = a + 1;
    int marked = 0;
    while (b < tk->count && tk->t[b].type == TK_PUNCT) {
        for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
            marked |= tk->t[b].cp == marks[k];
        if (!marked)
            return 0;
        b++;
    }
    /* 和 and 跟 join two foods ("鸡蛋2个和牛奶200毫升") */
    if (b < tk->count && tk->t[b].type == TK_CJK &&
        (tk->t[b].cp == 0x548C || tk->t[b].cp == 0x8DDF) && b + 1 < tk->count) {
        marked = 1;
        b++;
    }
    if (b >= tk->count || (!marked && !tk->t[b].space))
        return 0;
    *next = b;
    return 1;
}

/* 1 when the serving of f is written onto the food before it ("馒头一个"),
 * not apart from it. */
static int glued_before(const tokens *tk, const found *f)
{
    int s = f->r.start;
    return s > 0 && !tk->t[s].space && tk->t[s - 1].type == TK_CJK;
}

int serving_line_parts(const char *text, size_t *starts, int max)
{
    if (!text || max < 1 || !text_has_cjk(text))
        return 1;
    size_t len = strlen(text);
    if (len > TEXT_MAX || !utf8_valid(text, len))
        return 1;
    tokens tk;
    serving_tokenise(text, &tk);
    guard_names(&tk);
    if (tk.truncated)
        return 1;
    found all[8], f[8];
    int na = find_servings(&tk, all, 8), nf = 0;
    for (int k = 0; k < na; k++)
        if (!all[k].r.size_only && !all[k].r.why)
            f[nf++] = all[k];
    int last_food = tk.count; /* tokens after the last serving that are food */
    while (last_food > 0 && tk.t[last_food - 1].type == TK_PUNCT)
        last_food--;
    int n = 0;
    starts[n++] = 0;
    /* a food listed apart before the first serving, when that serving's
     * food follows it ("晚上吃烤鸭 卷了6张饼"): a part (line.c keeps it only
     * when it names a food) */
    if (nf && !glued_before(&tk, &f[0]) && f[0].end < last_food) {
        int cut = -1, next;
        for (int a = 0; a + 1 < f[0].r.start; a++)
            if (apart_after(&tk, a, &next) && next <= f[0].r.start)
                cut = next;
        if (cut > 0 && n < max)
            starts[n++] = tk.n.map[tk.t[cut].start];
    }
    for (int k = 0; k + 1 < nf && n < max; k++) {
        /* (a weight beside what it weighs, "2个 (100g)", is a part that
         * names no food: line.c puts it back) */
        int cut = -1, next;
        /* apart: the food of a serving written onto it stays with it */
        for (int a = f[k].r.end - 1; a < f[k + 1].r.start; a++)
            if (apart_after(&tk, a, &next) && next <= f[k + 1].r.start) {
                if (cut < 0 || !glued_before(&tk, &f[k]))
                    cut = next;
                if (glued_before(&tk, &f[k]))
                    break;
            }
        /* run together: the food follows its serving when text follows the
         * last one ("一碗豆浆两根油条"), else goes before it ("馒头一个豆浆一杯") */
        if (cut < 0)
            cut = f[nf - 1].end < last_food ? f[k + 1].start : f[k].end;
        if (cut > 0 && cut < tk.count)
            starts[n++] = tk.n.map[tk.t[cut].start];
    }
    /* foods with no serving listed after the last one written onto its food
     * ("鸡胸肉100g 西兰花 糙米饭"): a part each (line.c keeps them only when
     * each names a food) */
    if (nf && glued_before(&tk, &f[nf - 1]))
        for (int a = f[nf - 1].end - 1; a + 1 < last_food && n < max; a++) {
            int next;
            if (apart_after(&tk, a, &next) && next < last_food) {
                starts[n++] = tk.n.map[tk.t[next].start];
                a = next - 1;
            }
        }
    /* (foods listed apart with no serving between them: line.c,
     * zh_listed_apart) */
    return n;
}
