/* serving.c — a serving as people write it, read from tokens (tokens.c,
 * amount.c); the units and household words it is made of are units.c.
 * Finding it in food text is split.c; weighing it, weigh.c.
 *
 *   serving = [amount] ["x" number] [sizes] [unit | household word] ["of"]
 *             ["半"] [qualifier]
 *   qualifier = "(11 fl oz)" | "- each 1 oz": the weight of one unit
 *
 * kmgca_serving_parse reads a serving field; kmgca_serving_take_detail
 * takes the words of a cut or a packing from the food text.
 */
#include "msg_phrases.h"
#include "serving.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_AMOUNT 1e6

/* ---- Reading a serving at a token ----------------------------------------- */

static int is_size_word(const tokens *tk, int i, const char **size, int *end)
{
    if (i >= tk->count || tk->guarded_all || tk->t[i].guarded ||
        (tk->t[i].type != TK_WORD && tk->t[i].type != TK_CJK))
        return 0;
    size_t len;
    const struct kmgca_measure_word *m = measure_word_at(tk->n.s + tk->t[i].start, &len);
    if (!m || !m->size[0] || (m->concept[0] && strcmp(m->concept, "item") != 0))
        return 0;
    int after;
    if (tk->t[i].type == TK_CJK && !zh_measure_at(tk, i + 1, &after))
        return 0;       /* 小 and 大 are sizes only before a measure word */
    *size = m->size;
    *end = token_from(tk, i, tk->t[i].start + len);
    return 1;
}

/* A length or width of one, at token i: "6 inch", "6-inch", "6in", "6 in.",
 * "8\"", "footlong", "foot-long" (12). 1 with the inches in *inches and the
 * token after it in *end. A Subway sub, a tortilla, a pancake are sold and
 * measured by it (USDA: "6 inch sub", "tortilla (approx 7-8\" dia)"). */
static int length_at(const tokens *tk, int i, double *inches, int *end)
{
    if (i >= tk->count || tk->t[i].guarded)
        return 0;
    if (word_is(tk, i, "footlong") || word_is(tk, i, "footlongs")) {
        *inches = 12, *end = i + 1;
        return 1;
    }
    if (word_is(tk, i, "foot") && punct_is(tk, i + 1, '-') && word_is(tk, i + 2, "long")) {
        *inches = 12, *end = i + 3;
        return 1;
    }
    if (tk->t[i].type != TK_NUM || (tk->t[i].flags & NF_GLUED) || tk->t[i].value < 2 ||
        tk->t[i].value > 24)
        return 0;
    const char *s = tk->n.s;
    size_t after = tk->t[i].end;
    int k = i + 1;
    if (punct_is(tk, k, '"') && tk->t[k].start == after)
        k++;
    else if (punct_is(tk, k, '\'') && tk->t[k].start == after && punct_is(tk, k + 1, '\''))
        k += 2;
    else {
        if (punct_is(tk, k, '-') && tk->t[k].start == after)
            k++;
        if (word_is(tk, k, "inch") || word_is(tk, k, "inches"))
            k++;
        else if (word_is(tk, k, "in") && (s[after] == 'i' || punct_is(tk, k + 1, '.')))
            k += 1 + punct_is(tk, k + 1, '.');
        else
            return 0;
    }
    *inches = tk->t[i].value, *end = k;
    return 1;
}

void append_words(char *buf, size_t size, const tokens *tk, int from, int to)
{
    int after_punct = 0;
    for (int k = from; k < to; k++) {
        const token *t = &tk->t[k];
        if (t->type == TK_PUNCT && t->cp != '%' && t->cp != '&') {
            after_punct = 1;
            continue;
        }
        size_t o = strlen(buf);
        int sep = o && (t->space || after_punct) && buf[o - 1] != ' ';
        after_punct = 0;
        size_t len = (size_t)(t->end - t->start);
        if (o + sep + len + 1 > size)
            break;
        if (sep)
            buf[o++] = ' ';
        memcpy(buf + o, tk->n.s + t->start, len);
        buf[o + len] = '\0';
    }
}

/* A weight or volume inside a qualifier: "(11 fl oz)", "(6 tbsp, ground)",
 * "- each 1 oz". Returns 1 with its amount and unit. */
static int qualifier_measure(const tokens *tk, int from, int to, double *value,
                             const unit_def **unit, int *each, char *detail, size_t dsize)
{
    *each = 0;
    int found = 0;
    for (int k = from; k < to; k++) {
        if (word_is(tk, k, "each") || word_is(tk, k, "ea") || word_is(tk, k, "per"))
            *each = 1;
        /* (每个, 每只, 各: "2个（每个约80g）") */
        if (tk->t[k].type == TK_CJK && (tk->t[k].cp == 0x6BCF || tk->t[k].cp == 0x5404))
            *each = 1;
        /* "patty - yield from 1/4 lb raw meat": the weight of what it was
         * made from, not of the serving. */
        if (!found && (word_is(tk, k, "yield") ||
                       (word_is(tk, k, "from") && k + 1 < to && tk->t[k + 1].type == TK_NUM)))
            return 0;
        if (found || tk->t[k].type != TK_NUM || k + 1 >= to)
            continue;
        const unit_def *u = NULL;
        size_t len = unit_at(tk->n.s + tk->t[k + 1].start, &u);
        if (!len || (u->kind != KMGCA_UNIT_MASS && u->kind != KMGCA_UNIT_VOLUME))
            continue;
        *value = tk->t[k].value;
        /* "(1 1/2 oz)": a whole number and a fraction */
        if ((tk->t[k].flags & NF_FRACTION) && k > from && tk->t[k - 1].type == TK_NUM &&
            !(tk->t[k - 1].flags & NF_FRACTION) && tk->t[k - 1].value == floor(tk->t[k - 1].value))
            *value += tk->t[k - 1].value;
        *unit = u;
        found = 1;
        int after = token_from(tk, k + 1, tk->t[k + 1].start + len);
        if (detail && u->kind == KMGCA_UNIT_VOLUME)
            append_words(detail, dsize, tk, after, to);
        k = after - 1;
    }
    return found;
}

/* The unit at token i; "T" (capital, tablespoon) and "t" (teaspoon) are
 * told apart by the original text, which the normalised text lowers. */
static size_t unit_at_token(const tokens *tk, int i, const unit_def **u)
{
    size_t len = unit_at(tk->n.s + tk->t[i].start, u);
    if (len == 1 && !strcmp((*u)->name, "t")) {
        size_t cl;
        long cp = utf8_decode(tk->n.orig + tk->n.map[tk->t[i].start], &cl);
        if (cp == 'T' || cp == 0xFF34)   /* T, or full-width Ｔ */
            unit_at("T", u);
    }
    return len;
}

static void set_unit(kmgca_serving *s, const unit_def *u)
{
    s->kind = u->kind;
    s->unit_factor = u->factor;
    copy_text(s->unit, sizeof s->unit, u->canonical);
}

static void fmt_number(char *buf, size_t size, double v)
{
    snprintf(buf, size, "%.4g", v);
}

/* 1 when a count written "x6" reads on into the word after it: "x6 pcs"
 * (a count of pieces), "x 3 small" (a count of pieces of that size). */
static int xcount_reads_on(const tokens *tk, int j)
{
    size_t pl;
    const struct kmgca_measure_word *pm =
        j < tk->count && tk->t[j].type == TK_WORD
            ? measure_word_at(tk->n.s + tk->t[j].start, &pl)
            : NULL;
    /* "x 3 small": a count of pieces of that size, read on too */
    const char *xsize;
    int xend;
    int sized = j < tk->count && is_size_word(tk, j, &xsize, &xend);
    /* "x3 cups", "x2 mugs": that many of a unit or container ("coffee x3
     * cups" was 3 of Reese's peanut butter cups) */
    const unit_def *u = NULL;
    size_t ul = j < tk->count && tk->t[j].type == TK_WORD
                    ? unit_at(tk->n.s + tk->t[j].start, &u)
                    : 0;
    int unit = ul && ul == (size_t)(tk->t[j].end - tk->t[j].start) &&
               (u->kind == KMGCA_UNIT_VOLUME || u->kind == KMGCA_UNIT_MASS);
    int container = pm && pl == (size_t)(tk->t[j].end - tk->t[j].start) && pm->concept[0] &&
                    strcmp(pm->concept, "item") != 0;
    return (pm && strcmp(pm->concept, "piece") == 0) || sized || unit || container;
}

/* "2 x 150 g", "2.00 x 3.0 oz", "3 x eggs", "2x toast": the amount times
 * what follows the "x" (or "*") at token j. 1 when read. */
static int read_times(const tokens *tk, int j, reading *r)
{
    kmgca_serving *s = &r->s;
    if (j + 1 < tk->count && tk->t[j + 1].type == TK_NUM) {
        double per = tk->t[j + 1].value;
        const unit_def *u = NULL;
        size_t len = j + 2 < tk->count ? unit_at_token(tk, j + 2, &u) : 0;
        if (len) {
            char a1[32], a2[32];
            fmt_number(a1, sizeof a1, s->amount);
            fmt_number(a2, sizeof a2, per);
            snprintf(s->note, sizeof s->note, "%s x %s %s", a1, a2, u->canonical);
            s->amount *= per;
            set_unit(s, u);
            r->cls = CLASS_MEASURE;
            r->end = token_from(tk, j + 2, tk->t[j + 2].start + len);
            return 1;
        }
        return 0;
    }
    r->end = j + 1;
    s->kind = KMGCA_UNIT_NONE;
    return 1;
}

/* "half a 150g bag", "a 400 g tin": so much of a container of that weight
 * or volume, the number at token j. 1 when read. */
static int read_sized_container(const tokens *tk, int j, reading *r)
{
    kmgca_serving *s = &r->s;
    const unit_def *cu = NULL;
    size_t cl = unit_at_token(tk, j + 1, &cu);
    int k = cl ? token_from(tk, j + 1, tk->t[j + 1].start + cl) : j;
    size_t wl;
    const struct kmgca_measure_word *c =
        cl && k < tk->count && tk->t[k].type == TK_WORD
            ? measure_word_at(tk->n.s + tk->t[k].start, &wl)
            : NULL;
    if (c && c->concept[0] && !c->size[0] && strcmp(c->concept, "item") != 0 &&
        (cu->kind == KMGCA_UNIT_MASS || cu->kind == KMGCA_UNIT_VOLUME)) {
        s->amount *= tk->t[j].value;
        set_unit(s, cu);
        r->cls = CLASS_MEASURE;
        j = token_from(tk, k, tk->t[k].start + wl);
        if (word_is(tk, j, "of"))
            j++;
        r->end = j;
        return 1;
    }
    return 0;
}

/* 1 when "fruit" at token j opens a food's name ("1 fruit salad", "2
 * fruit scones", "1 fruit yoghurt pot"), not the one-fruit measure ("apple
 * 1 fruit", "1 fruit of the passionfruit") */
static int fruit_of_a_name(const tokens *tk, int j)
{
    return word_is(tk, j, "fruit") && j + 1 < tk->count && tk->t[j + 1].type == TK_WORD &&
           !word_is(tk, j + 1, "of");
}

/* After the amount and its sizes at token j: a unit of mass or volume, a
 * household word, sizes alone, or (whole) words the list does not hold.
 * Returns the token after it; *named: a unit or a measure word was seen
 * there, even if not taken. */
static int read_unit_or_word(const tokens *tk, int j, int size_from, int whole,
                             const char *sizes, reading *r, int *named)
{
    kmgca_serving *s = &r->s;
    const unit_def *u = NULL;
    size_t len;
    const struct kmgca_measure_word *m = NULL;
    if (j < tk->count && !tk->t[j].guarded &&
        (tk->t[j].type == TK_WORD || tk->t[j].type == TK_CJK) &&
        (len = unit_at_token(tk, j, &u)) > 0 &&
        !(tk->t[j].type == TK_CJK && !r->amount_written)) {
        /* 两 alone is a unit only after a numeral. */
        set_unit(s, u);
        r->cls = CLASS_MEASURE;
        /* "2 heaped tsp", "a rounded tablespoon": a spoon heaped holds
         * about half as much again as a level one (kmgca's judgement), a
         * scant one less; a size before any other unit is no size of it */
        if (sizes[0] && (!strcmp(u->canonical, "tsp") || !strcmp(u->canonical, "tbsp")))
            r->spoon = !strcmp(sizes, "small")                                    ? 2.0 / 3
                       : !strcmp(sizes, "mini")                                   ? 0.5
                       : !strcmp(sizes, "medium")                                 ? 1
                       : !strcmp(sizes, "extra large") || !strcmp(sizes, "jumbo") ? 2
                                                                                  : 1.5;
        j = token_from(tk, j, tk->t[j].start + len);
    } else if (j < tk->count && !tk->t[j].guarded &&
               (tk->t[j].type == TK_WORD || tk->t[j].type == TK_CJK) &&
               (m = measure_word_at(tk->n.s + tk->t[j].start, &len)) != NULL && m->concept[0] &&
               !(m->size[0] && sizes[0] && 0) && !fruit_of_a_name(tk, j)) {
        int k = token_from(tk, j, tk->t[j].start + len);
        char words[64];
        copy_text(words, sizeof words, sizes);
        if (m->size[0] && !strcmp(m->concept, "item")) {
            /* "medium", "large" alone: the size of the food's item. */
            appendf(words, sizeof words, "%s%s", words[0] ? " " : "", m->size);
        } else {
            appendf(words, sizeof words, "%s", words[0] ? " " : "");
            size_t o = strlen(words);
            copy_text(words + o, sizeof words - o, tk->n.s + tk->t[j].start);
            words[o + len < sizeof words ? o + len : sizeof words - 1] = '\0';
        }
        s->kind = KMGCA_UNIT_PORTION;
        copy_text(s->unit, sizeof s->unit, words);
        r->cls = CLASS_HOUSEHOLD;
        j = k;
    } else if (sizes[0]) {
        s->kind = KMGCA_UNIT_PORTION;
        copy_text(s->unit, sizeof s->unit, sizes);
        r->cls = CLASS_HOUSEHOLD;
    } else if (whole && r->amount_written && j < tk->count && tk->t[j].type == TK_WORD &&
               !word_is(tk, j, "of")) {
        /* An amount field: words after the count name a measure the list
         * does not hold ("1.00 shake (11 fl oz)", "2 biscuits"). */
        int k = j;
        while (k < tk->count && tk->t[k].type == TK_WORD)
            k++;
        s->kind = KMGCA_UNIT_PORTION;
        copy_text(s->unit, sizeof s->unit, sizes);
        append_words(s->unit, sizeof s->unit, tk, j, k);
        r->cls = CLASS_HOUSEHOLD;
        r->words_only = 1;
        j = k;
    } else {
        j = size_from;
        s->kind = KMGCA_UNIT_NONE;
    }
    *named = m != NULL || u != NULL;
    return j;
}

/* 一个半, 一斤半 (and a half), then a range ("半碗到一碗", "a handful or
 * two") at token j. Returns the token after them. */
static int read_half_and_range(const tokens *tk, int i, int j, int whole, int amount_flags,
                               reading *r)
{
    kmgca_serving *s = &r->s;
    /* 一个半, 一斤半: and a half */
    if (r->cls != CLASS_COUNT && (amount_flags & AF_CJK) && cjk_is(tk, j, "半")) {
        s->amount += 0.5;
        j++;
    }
    /* "a cup and a half", "2 slices and a half" */
    if (r->cls != CLASS_COUNT && s->kind != KMGCA_UNIT_NONE && word_is(tk, j, "and") &&
        (word_is(tk, j + 1, "a") || word_is(tk, j + 1, "an")) && word_is(tk, j + 2, "half")) {
        s->amount += 0.5;
        j += 3;
    }
    /* "半碗到一碗", "一两碗或两碗", "a handful or two": a range */
    {
        amount b;
        if ((cjk_is(tk, j, "到") || cjk_is(tk, j, "至") || cjk_is(tk, j, "或") ||
             word_is(tk, j, "or") || word_is(tk, j, "to") ||
             (r->cls != CLASS_COUNT && (punct_is(tk, j, '-') || punct_is(tk, j, '~')))) &&
            /* "1.00 cup - 8 fl oz", "1.00 oz - 23 whole kernels": an export
             * says what its unit is after " - ", not a second amount */
            !(whole && punct_is(tk, j, '-') && tk->t[i].type == TK_NUM &&
              (tk->t[i].flags & NF_CENTS)) &&
            amount_at(tk, j + 1, &b) && !(b.flags & (AF_SOME | AF_XCOUNT))) {
            r->why = PH_RANGE_ONE_AMOUNT;
            int k = b.next;
            int end2;
            const unit_def *u2;
            size_t l2;
            if (k < tk->count && zh_measure_at(tk, k, &end2))
                k = end2;
            else if (k < tk->count && tk->t[k].type == TK_WORD &&
                     ((l2 = unit_at(tk->n.s + tk->t[k].start, &u2)) > 0 ||
                      measure_word_at(tk->n.s + tk->t[k].start, &l2)))
                k = token_from(tk, k, tk->t[k].start + l2);
            j = k;
        }
    }
    return j;
}

/* 1 when a unit is a container of one drink ("bottle", "can", "glass"): the
 * volume after it is what one holds ("2 bottles (12 fl oz)" are 24 fl oz). */
static int holds_a_drink(const char *unit)
{
    static const char *const drinks[] = {"bottle", "can", "glass", "mug", "carton"};
    size_t len;
    const struct kmgca_measure_word *m = unit[0] ? measure_word_at(unit, &len) : NULL;
    for (size_t k = 0; m && !unit[len] && k < sizeof drinks / sizeof *drinks; k++)
        if (!strcmp(m->concept, drinks[k]))
            return 1;
    return 0;
}

/* A qualifier at token j: the weight of one unit, "(11 fl oz)", "- each 1
 * oz". Returns the token after it. */
static int read_qualifier(const tokens *tk, int i, int j, int whole, reading *r)
{
    kmgca_serving *s = &r->s;
    int qfrom = -1, qto = -1;
    /* an app's size in brackets after its measure word: "1个(小)",
     * "1个（大）", "2个(中)" */
    if (s->kind == KMGCA_UNIT_PORTION && punct_is(tk, j, '(') && j + 2 < tk->count &&
        punct_is(tk, j + 2, ')') && tk->t[j + 1].type == TK_CJK) {
        static const char *const sizes[][2] = {{"小", "small"}, {"中", "medium"}, {"大", "large"}};
        for (size_t k = 0; k < 3; k++)
            if (cjk_is(tk, j + 1, sizes[k][0]) && !strchr(s->unit, ' ') &&
                strlen(s->unit) + strlen(sizes[k][1]) + 1 < sizeof s->unit) {
                char sized[sizeof s->unit];
                size_t a = strlen(sizes[k][1]), b = strlen(s->unit);
                memcpy(sized, sizes[k][1], a);
                sized[a] = ' ';
                memcpy(sized + a + 1, s->unit, b + 1);
                copy_text(s->unit, sizeof s->unit, sized);
                return j + 3;
            }
    }
    if (r->cls != CLASS_COUNT && punct_is(tk, j, '(')) {
        int k = j + 1;
        while (k < tk->count && !punct_is(tk, k, ')'))
            k++;
        if (k < tk->count) {
            qfrom = j + 1;
            qto = k;
            j = k + 1;
        }
    }
    if (whole && r->cls != CLASS_COUNT && punct_is(tk, j, '-')) {
        /* "1.00 slice - each 1 oz", "1.00 large - 3\" diameter" */
        if (qfrom < 0)
            qfrom = j + 1;
        qto = tk->count;
        j = tk->count;
    }
    if (qfrom >= 0) {
        double per = 0;    /* set when qualifier_measure finds one */
        const unit_def *qu = NULL;
        int each;
        char detail[64] = "";
        if (qualifier_measure(tk, qfrom, qto, &per, &qu, &each, detail, sizeof detail)) {
            /* Per unit when the text says "each" or the amount is written
             * as exports write it ("2.00"), else the total ("2 slices
             * (60 g)"). A mass beats a volume: it is what was eaten. */
            /* ... or a share of a container said in words ("半袋（70克那种）",
             * "half a bag (70 g)"): the weight is the whole container's (an
             * export's "1/2 can (207g)" weighs the half) */
            /* (of a container: "半袋（70克那种）"; not of a piece of the food,
             * "梨半个（约150克）": the half weighed 150 g) */
            /* (a share written as apps write it, "0.5 can (415g)", is of
             * the container too when the half weighing that much would make
             * a can of over 600 g; "0.5 can (207g)" and a fraction, "1/2 can
             * (207g)", weigh the half: both are written, and the weight
             * tells them apart) */
            static const char *const containers[] = {"袋", "包", "盒", "瓶", "罐", "听",
                                                     "桶", "bag", "pack", "packet", "can",
                                                     "tin", "bottle", "carton", "box", "jar",
                                                     "tub", "pot", "container", "sachet",
                                                     "bar"};
            int container = 0;
            for (size_t c = 0; c < sizeof containers / sizeof *containers && !container; c++)
                container = !strcmp(s->unit, containers[c]);
            /* (a bracket that names the container, "(400g tin)", weighs one) */
            int names_container = 0;
            for (int q = qfrom; q < qto && !names_container; q++)
                for (size_t c = 0; c < sizeof containers / sizeof *containers && !names_container;
                     c++)
                    names_container = tk->t[q].type == TK_WORD && word_is(tk, q, containers[c]);
            int per_unit = each || names_container ||
                           (tk->t[i].type == TK_NUM && (tk->t[i].flags & NF_CENTS)) ||
                           s->amount == 1 ||
                           (r->cls == CLASS_HOUSEHOLD && s->amount < 1 && container &&
                            (tk->t[i].type != TK_NUM ||
                             (!(tk->t[i].flags & NF_FRACTION) && qu->kind == KMGCA_UNIT_MASS &&
                              per * qu->factor / s->amount > 600))) ||
                           (qu->kind == KMGCA_UNIT_VOLUME && holds_a_drink(s->unit));
            if (r->cls == CLASS_HOUSEHOLD || qu->kind == KMGCA_UNIT_MASS ||
                (r->cls == CLASS_MEASURE && s->kind == KMGCA_UNIT_VOLUME &&
                 qu->kind == KMGCA_UNIT_VOLUME && 0)) {
                char a1[32], a2[32];
                fmt_number(a1, sizeof a1, s->amount);
                fmt_number(a2, sizeof a2, per);
                s->note[0] = '\0';
                appendf(s->note, sizeof s->note, "%s %s (%s %s%s)", a1,
                         s->unit[0] ? s->unit : "x", a2, qu->canonical,
                         per_unit && s->amount != 1 ? " each" : "");
                s->amount = per_unit ? s->amount * per : per;
                set_unit(s, qu);
                if (detail[0])
                    copy_text(s->detail, sizeof s->detail, text_trim(detail));
                r->cls = CLASS_MEASURE;
            }
        } else if (qfrom > 0 && qto > qfrom && r->cls == CLASS_MEASURE &&
                   s->kind == KMGCA_UNIT_VOLUME) {
            append_words(s->detail, sizeof s->detail, tk, qfrom, qto);
        }
    }
    return j;
}

/* "150g x 2" at token j, then (whole) the rest of an amount field. Returns
 * the token after them. */
static int read_tail(const tokens *tk, int j, int whole, reading *r)
{
    kmgca_serving *s = &r->s;
    /* "150g x 2" */
    if (r->cls == CLASS_MEASURE && word_is(tk, j, "x") && j + 1 < tk->count &&
        tk->t[j + 1].type == TK_NUM && !(tk->t[j + 1].flags & NF_FRACTION) &&
        (j + 2 >= tk->count || tk->t[j + 2].type != TK_WORD || whole)) {
        s->amount *= tk->t[j + 1].value;
        j += 2;
    }
    if (whole && j < tk->count) {
        /* The rest of an amount field: words after a volume unit say how it
         * was cut ("1 cup chopped"); after a count they name a household
         * measure the list does not hold ("2 biscuits", "1 shake"). */
        if (r->cls == CLASS_MEASURE && s->kind == KMGCA_UNIT_VOLUME) {
            append_words(s->detail, sizeof s->detail, tk, j, tk->count);
        } else if (r->cls != CLASS_MEASURE) {
            char words[64];
            copy_text(words, sizeof words, s->unit);
            append_words(words, sizeof words, tk, j, tk->count);
            if (words[0]) {
                s->kind = KMGCA_UNIT_PORTION;
                copy_text(s->unit, sizeof s->unit, words);
                r->cls = CLASS_HOUSEHOLD;
                r->words_only = 1;
            }
        }
        j = tk->count;
    }
    return j;
}

/* Reads a serving starting at token i. whole: the text is only a serving
 * (an amount field), so unknown words after the amount are household
 * words and "- ..." qualifiers run to the end. */
int read_at(const tokens *tk, int i, int whole, reading *r)
{
    memset(r, 0, sizeof *r);
    r->start = i;
    kmgca_serving *s = &r->s;
    amount a;
    int j = i;
    if (amount_at(tk, i, &a)) {
        r->amount_written = 1;
        s->amount = a.value;
        j = a.next;
        if (a.flags & (AF_VAGUE | AF_RANGE))
            r->why = a.why;
        if (a.flags & AF_SOME) {
            r->some = 1;
            copy_text(s->note, sizeof s->note, a.why);
        }
        if (a.flags & AF_LITTLE) {
            r->little = 1;
            copy_text(s->note, sizeof s->note, a.why);
        }
        if (a.note)
            copy_text(s->note, sizeof s->note, a.note);
        s->estimated = (a.flags & AF_MIDDLE) != 0;
        if (a.flags & AF_XCOUNT) {
            r->xcount = 1;
            if (!xcount_reads_on(tk, j)) {
                r->end = j;
                s->kind = KMGCA_UNIT_NONE;
                return 1;
            }
        }
    } else {
        s->amount = 1;
    }
    /* "2 x 150 g", "2.00 x 3.0 oz", "3 x eggs", "2x toast" */
    if (r->amount_written && (word_is(tk, j, "x") || punct_is(tk, j, '*')))
        return read_times(tk, j, r);
    /* "half a 150g bag", "a 400 g tin" */
    if (r->amount_written && tk->t[i].type == TK_WORD && j + 1 < tk->count &&
        tk->t[j].type == TK_NUM && !(tk->t[j].flags & NF_GLUED) &&
        read_sized_container(tk, j, r))
        return 1;
    /* "a whole bag", "the entire tub": the container, all of it; "a full
     * 750ml bottle" */
    if (r->amount_written && (word_is(tk, j, "whole") || word_is(tk, j, "entire") ||
                              word_is(tk, j, "full")) &&
        tk->t[i].type == TK_WORD && j + 2 < tk->count && tk->t[j + 1].type == TK_NUM &&
        !(tk->t[j + 1].flags & NF_GLUED) && read_sized_container(tk, j + 1, r))
        return 1;
    if (r->amount_written && (word_is(tk, j, "whole") || word_is(tk, j, "entire") ||
                              word_is(tk, j, "full"))) {
        size_t wl;
        const struct kmgca_measure_word *c =
            j + 1 < tk->count && tk->t[j + 1].type == TK_WORD
                ? measure_word_at(tk->n.s + tk->t[j + 1].start, &wl)
                : NULL;
        if (c && c->concept[0] && strcmp(c->concept, "item") != 0)
            j++;
    }
    /* sizes, then a unit or a household word */
    char sizes[48] = "";
    const char *size;
    int end;
    int size_from = j;
    const unit_def *u = NULL;
    double inches;
    if (length_at(tk, j, &inches, &end)) {
        snprintf(sizes, sizeof sizes, LENGTH_UNIT, inches);
        r->length = 1;
        j = end;
    }
    while (is_size_word(tk, j, &size, &end) &&
           !(tk->t[j].type == TK_CJK && unit_at(tk->n.s + tk->t[j].start, &u) > 0)) {
        appendf(sizes, sizeof sizes, "%s%s", sizes[0] ? " " : "", size);
        j = end;
    }
    int named;
    j = read_unit_or_word(tk, j, size_from, whole, sizes, r, &named);
    /* "1 c.", "1 sl.", "2 sq.": the full stop of a shortened unit */
    if (r->cls != CLASS_COUNT && j > size_from && punct_is(tk, j, '.') && !tk->t[j].space &&
        tk->t[j - 1].type == TK_WORD && tk->t[j - 1].end - tk->t[j - 1].start <= 4)
        j++;
    if (!r->amount_written) {
        if (r->cls == CLASS_COUNT)
            return 0;
        if (tk->t[i].type == TK_CJK && !whole)
            return 0;          /* "碗" alone in food text is not a serving */
        /* "small latte", "banana, small": a size alone is one of that size. */
        r->size_only = sizes[0] && !named && s->kind == KMGCA_UNIT_PORTION &&
                       (r->length || strstr("mini small medium large extra large jumbo", sizes)) &&
                       !word_is(tk, j, "of");
        r->needs_of = !whole && !r->size_only;
    }
    /* "a handful or two": a range, with or without "of" after it */
    if (r->needs_of && (word_is(tk, j, "or") || word_is(tk, j, "to"))) {
        amount b;
        if (amount_at(tk, j + 1, &b)) {
            r->why = PH_RANGE_ONE_AMOUNT;
            r->needs_of = 0;
            j = b.next;
            if (word_is(tk, j, "of"))
                j++;
        }
    }
    if (r->cls != CLASS_COUNT && word_is(tk, j, "of"))
        j++, r->needs_of = 0;
    else if (r->needs_of)
        return 0;
    j = read_half_and_range(tk, i, j, whole, a.flags, r);
    j = read_qualifier(tk, i, j, whole, r);
    j = read_tail(tk, j, whole, r);
    r->end = j;
    return 1;
}

/* ---- Fillers around a serving ---------------------------------------------- */

/* Words said around a serving that are not the food: "about 200 g",
 * "吃了一碗", "一碗左右". */
static const char *const fillers_en[] = {"about", "approx", "approximately", "around", "roughly",
                                         "ca", "circa", "had", "ate", "drank", "just", "only",
                                         "total", "in", "total:", "approx."};
/* A message's narrative before the serving ("I had", "then grabbed") and who
 * ate, as a carer writes it ("Mum had"): fillers before a serving only ("1
 * cup tea was lovely" is no tea was). */
static const char *const narrative_en[] = {
    "i", "we", "also", "then", "grabbed", "having", "snacked", "eaten", "drunk", "i've", "ive",
    "we've", "been", "started", "managed", "tried", "finished", "he", "she", "they", "my", "our",
    "mum", "mom", "mam", "dad", "husband", "wife", "mother", "father", "gran", "grandad",
    "grandpa", "grandma",
    /* hedges before an amount ("maybe 3 or 4 strawberries", "I think 2") */
    "maybe", "probably", "prob", "perhaps", "think", "guess", "reckon"};
/* Meals, in "for dessert", "lunch was": a filler with the word beside it. */
static const char *const meals_en[] = {"breakfast", "brekkie", "brunch", "lunch", "dinner",
                                       "tea", "supper", "dessert", "pudding", "snack"};
static const char *const fillers_zh[] = {"吃了", "喝了", "吃", "喝", "约", "大约", "大概", "左右",
                                         "差不多", "一共", "共", "了", "的", "各", "上下",
                                         /* only, just, again, also ate ("油条只吃了半根":
                                          * 只 is no measure here) */
                                         "只吃了", "只喝了", "只吃", "只喝", "就吃了", "就喝了",
                                         "才吃了", "又吃了", "又喝了", "还吃了", "还喝了",
                                         "也吃了", "也喝了",
                                         /* grabbed, ate up ("葡萄干抓了一小把", "喝完") */
                                         "抓了", "吃完", "喝完", "吃完了", "喝完了",
                                         /* Cantonese: ate, drank */
                                         "食咗", "饮咗", "飲咗", "食了"};

/* Bytes of a Chinese filler at token i, 0 when none; *end: the token after. */
int zh_filler_at(const tokens *tk, int i, int *end)
{
    if (i >= tk->count || tk->t[i].type != TK_CJK)
        return 0;
    const char *s = tk->n.s + tk->t[i].start;
    size_t best = 0;
    for (size_t k = 0; k < sizeof fillers_zh / sizeof fillers_zh[0]; k++) {
        size_t len = strlen(fillers_zh[k]);
        if (len > best && strncmp(s, fillers_zh[k], len) == 0)
            best = len;
    }
    if (!best)
        return 0;
    *end = token_from(tk, i, tk->t[i].start + best);
    return 1;
}

int clock_time_at(const tokens *tk, int i, int *end)
{
    const token *t = i < tk->count ? &tk->t[i] : NULL;
    if (!t || t->type != TK_NUM || !cjk_is(tk, i + 1, "点") || (t->flags & NF_FRACTION) ||
        t->value < 0 || t->value > 24 || t->value != (double)(int)t->value)
        return 0;
    int e = i + 2, after;
    if (cjk_is(tk, e, "半"))
        e++;
    else if (e < tk->count && tk->t[e].type == TK_NUM && !tk->t[e].space) {
        /* minutes: before 分, or two digits and no measure word ("7点2个鸡蛋"
         * is two eggs at 7) */
        if (cjk_is(tk, e + 1, "分"))
            e += 2;
        else if (tk->t[e].value >= 10 && tk->t[e].value < 60 && !zh_measure_at(tk, e + 1, &after))
            e++;
    }
    *end = e;
    return 1;
}

static int filler_at(const tokens *tk, int i, int *end, int before);

int is_filler(const tokens *tk, int i, int *end)
{
    return filler_at(tk, i, end, 1);
}

int is_filler_after(const tokens *tk, int i, int *end)
{
    return filler_at(tk, i, end, 0);
}

static int filler_at(const tokens *tk, int i, int *end, int before)
{
    *end = i + 1;
    if (i >= tk->count)
        return 0;
    const token *t = &tk->t[i];
    if (t->type == TK_PUNCT)
        return t->cp != '%' && t->cp != '&' && t->cp != '+';
    if (clock_time_at(tk, i, end))
        return 1;
    if (t->type == TK_WORD) {
        for (size_t k = 0; k < sizeof fillers_en / sizeof fillers_en[0]; k++)
            if (word_is(tk, i, fillers_en[k]))
                return 1;
        for (size_t k = 0; before && k < sizeof narrative_en / sizeof narrative_en[0]; k++)
            if (word_is(tk, i, narrative_en[k]))
                return 1;
        for (size_t k = 0; before && k < sizeof meals_en / sizeof meals_en[0]; k++) {
            if (word_is(tk, i, "for") && word_is(tk, i + 1, meals_en[k])) {
                *end = i + 2;
                return 1;
            }
            if (word_is(tk, i, meals_en[k]) && word_is(tk, i + 1, "was")) {
                *end = i + 2;
                return 1;
            }
        }
        return 0;
    }
    return zh_filler_at(tk, i, end);
}

/* ---- Parsing a serving field ----------------------------------------------- */

static kmgca_status fail_reading(kmgca_error *err, const char *text, const char *why)
{
    return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "\"%.120s\": %s", text, why);
}

kmgca_status kmgca_serving_parse(const char *text, kmgca_serving *s, kmgca_error *err)
{
    if (!s)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no serving to fill");
    memset(s, 0, sizeof *s);
    const char *p = text ? text : "";
    while (*p == ' ' || *p == '\t')
        p++;
    if (!utf8_valid(p, strlen(p)))
        return kmgca_fail(err, KMGCA_ERROR_ENCODING, "serving text is not valid UTF-8");
    if (strlen(p) > 200)
        return kmgca_fail(err, KMGCA_ERROR_LIMIT, "serving text is longer than 200 bytes");
    tokens tk;
    serving_tokenise(p, &tk);
    int first = 0, end;
    while (first < tk.count && is_filler(&tk, first, &end) &&
           !(tk.t[first].type == TK_PUNCT && tk.t[first].cp == '-' && first + 1 < tk.count &&
             tk.t[first + 1].type == TK_NUM && !tk.t[first + 1].space))
        first = end;
    if (first < tk.count && punct_is(&tk, first, '-'))
        return fail_reading(err, p, "the amount is negative");
    if (first >= tk.count) {
        s->kind = KMGCA_UNIT_TYPICAL;
        s->amount = 1;
        return KMGCA_OK;
    }
    const token *t0 = &tk.t[first];
    if (t0->type == TK_WORD) {
        const char *w = tk.n.s + t0->start;
        if (strncmp(w, "nan", 3) == 0 || strncmp(w, "inf", 3) == 0)
            return fail_reading(err, p, "the amount is not a number");
    }
    if (t0->type == TK_NUM) {
        char c = tk.n.s[t0->end];
        if (c == 'e' && isdigit((unsigned char)tk.n.s[t0->end + 1]))
            return fail_reading(err, p, "write the amount as a plain number");
        if (c == '/' )
            return fail_reading(err, p, "the fraction has no usable denominator");
    }
    reading r;
    if (!read_at(&tk, first, 1, &r)) {
        /* No amount: the words are a household measure ("medium"). */
        memset(&r, 0, sizeof r);
        r.s.amount = 1;
        r.s.kind = KMGCA_UNIT_PORTION;
        append_words(r.s.unit, sizeof r.s.unit, &tk, first, tk.count);
        if (!r.s.unit[0])
            return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "no amount in \"%.120s\"", p);
    }
    if (r.why)
        return fail_reading(err, p, r.why);
    *s = r.s;
    if (r.spoon > 0 && r.spoon != 1 && s->kind == KMGCA_UNIT_VOLUME) {
        char was[32], level[32];
        fmt_number(was, sizeof was, s->amount);
        s->amount *= r.spoon;
        fmt_number(level, sizeof level, s->amount);
        snprintf(s->note, sizeof s->note, "%.6s %s %.4s = %.6s level (%s)", was,
                 r.spoon > 1 ? "heaped" : "scant", s->unit, level, PH_HEAPED_SPOON);
    }
    if (r.some) {
        s->kind = KMGCA_UNIT_TYPICAL;
        s->amount = 1;
        s->unit[0] = '\0';
    }
    if (r.little) {
        s->kind = KMGCA_UNIT_TYPICAL;
        s->amount = A_LITTLE;
        s->unit[0] = '\0';
    }
    if (!isfinite(s->amount) || s->amount > MAX_AMOUNT)
        return fail_reading(err, p, "the amount is too large");
    if (s->amount <= 0 && s->kind != KMGCA_UNIT_TYPICAL && r.amount_written && 0)
        return fail_reading(err, p, "the amount is zero");
    if (s->kind == KMGCA_UNIT_NONE && !r.amount_written)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "no amount in \"%.120s\"", p);
    return KMGCA_OK;
}

/* ---- Detail words ---------------------------------------------------------- */

/* Word keys (text.c) that describe a cut or a packing, not a food. */
static const char *const cut_words[] = {
    "chop", "slice", "dice", "cube", "shredded", "mashed", "grated", "crushed",
    "packed", "unpacked", "ball", "half", "piece", "pureed", "strip", "wedge", "ground",
    "flaked", "shelled", "sliver", "slivered",
};

void kmgca_serving_take_detail(kmgca_serving *s, const char *food_text)
{
    if (!s || !food_text)
        return;
    /* (and 两 or 斤 of a dish a shop sells by its 两: "二两饺子") */
    int liang = s->kind == KMGCA_UNIT_MASS && (!strcmp(s->unit, "两") || !strcmp(s->unit, "斤"));
    if (s->kind == KMGCA_UNIT_PORTION || s->kind == KMGCA_UNIT_NONE ||
        s->kind == KMGCA_UNIT_TYPICAL || liang) {
        if (!name_portion_find(food_text, s->name, sizeof s->name))
            s->name[0] = '\0';
        /* a name ending in a plural ("over easy eggs", "hush puppies") */
        if (s->kind != KMGCA_UNIT_TYPICAL || text_has_cjk(food_text))
            return;
        size_t n = strlen(food_text);
        while (n && !isalpha((unsigned char)food_text[n - 1]))
            n--;
        size_t w = n;
        while (w && isalpha((unsigned char)food_text[w - 1]))
            w--;
        if (n - w > 3 && tolower((unsigned char)food_text[n - 1]) == 's' &&
            tolower((unsigned char)food_text[n - 2]) != 's')
            copy_text(s->detail, sizeof s->detail, KMGCA_DETAIL_PLURAL);
        return;
    }
    if (s->kind != KMGCA_UNIT_VOLUME || s->detail[0])
        return;
    char folded[512], words[24][TEXT_WORD_MAX];
    text_fold(food_text, folded, sizeof folded);
    size_t n = text_words(folded, words, NULL, 24), o = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof cut_words / sizeof cut_words[0]; k++)
            if (strcmp(words[i], cut_words[k]) == 0) {
                size_t len = strlen(words[i]);
                if (o + len + 2 > sizeof s->detail)
                    return;
                if (o)
                    s->detail[o++] = ' ';
                memcpy(s->detail + o, words[i], len + 1);
                o += len;
            }
}
