/* weigh.c — a serving to grams of a food.
 *
 * (A food's measures and volumes are measures.c; a diary line in one step,
 * kmgca_weigh, is line.c.)
 *
 * Rules, in order (the man page and README repeat them):
 *  1. Mass converts directly (1 oz = 28.349523125 g, 1 lb = 453.59237 g,
 *     斤 = 500 g, 两 = 50 g).
 *  2. Volume uses the food's own household measure of that unit; of
 *     several ("cup, chopped", "cup, sliced") the one whose words match the
 *     words written after the unit, else the plain one, else the first.
 *     A unit the food has no row for is converted through another of its
 *     volume measures (plain rows and larger volumes first).
 *  3. A household word or container (slice, bowl, glass, handful, 个, 碗,
 *     把 ...) names a concept (foodtables/measure_words.csv). The food's own
 *     measures are tried in the order foodtables/containers.csv gives for
 *     that concept and the food's kind; then that row's default amount (a
 *     cited container size), scaled for "small" (2/3) or "large" (3/2)
 *     when the table has no row for the size. The note says which.
 *  4. Other words ("2 large biscuits", "1 fillet") pick the measure holding
 *     all of them, with fewest other words.
 *  5. A bare count ("2", "3 eggs") is the concept "item".
 *  6. No amount at all is one typical serving: FNDDS "Quantity not
 *     specified", the kind's own measures, then its typical amount; always
 *     said, never a silent 100 g.
 *  Anything else is an error with the reason and the measures available.
 */
#include "msg_phrases.h"
#include "weigh.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- Household words and containers ---------------------------------------- */

typedef struct {
    char word[32];            /* the household word as written: "碗", "slice" */
    const char *concept;      /* "bowl"; NULL for words the list does not hold */
    const char *size;         /* "small", "large" ...; NULL */
    char other[8][TEXT_WORD_MAX]; /* words the list does not hold */
    size_t other_count;
} household;

static void read_household(const char *unit, household *h)
{
    memset(h, 0, sizeof *h);
    char folded[128], rest[128] = "";
    text_fold(unit, folded, sizeof folded);
    const char *p = folded;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t len;
        const struct kmgca_measure_word *m = measure_word_at(p, &len);
        if (m) {
            if (m->size[0])
                h->size = m->size;
            if (m->concept[0]) {
                h->concept = m->concept;
                copy_text(h->word, len + 1 < sizeof h->word ? len + 1 : sizeof h->word, p);
            }
            p += len;
            continue;
        }
        size_t wl = 0;
        if ((unsigned char)*p >= 0x80) {
            utf8_decode(p, &wl);
        } else {
            while (p[wl] && p[wl] != ' ')
                wl++;
        }
        appendf(rest, sizeof rest, "%s%.*s", rest[0] ? " " : "", (int)wl, p);
        p += wl;
    }
    /* The other words read together, so that phrases stay one idea
     * ("with skin" is not "without skin"). */
    h->other_count = text_words(rest, h->other, NULL, 8);
}

static double size_factor(const char *size)
{
    if (!size || !strcmp(size, "medium"))
        return 1;
    if (!strcmp(size, "small"))
        return 2.0 / 3;
    if (!strcmp(size, "mini"))
        return 0.4;
    if (!strcmp(size, "extra large") || !strcmp(size, "jumbo"))
        return 2;
    return 1.5;
}

/* The size factor for a food: one fruit's small and large are 4/5 and 5/4
 * of its medium (the medians of SR28's fruits with the three sizes: 0.82
 * and 1.26), other foods' (and a bunch or a bowl of fruit's) 2/3 and 3/2. */
static double size_factor_of(const kmgca_food *food, const char *concept, const char *size)
{
    int one = !concept || !strcmp(concept, "item");   /* (a 块 is cut from one) */
    if (food && size && one && !strcmp(kmgca_food_kind(food), "fruit")) {
        if (!strcmp(size, "small"))
            return 0.8;
        if (!strcmp(size, "large"))
            return 1.25;
    }
    return size_factor(size);
}

/* The whole a pizza's piece (piece_grams) is cut from: USDA's "pizza",
 * "pie 12\" diameter", "whole"; NULL when the food has none. */
static const kmgca_portion *whole_of(const kmgca_food *food, double piece_grams)
{
    static const char *const wholes[] = {"pizza", "pie", "whole"};
    for (unsigned i = 0; i < food->portion_count; i++) {
        const kmgca_portion *p = &food->portions[i];
        for (size_t w = 0; w < sizeof wholes / sizeof *wholes; w++) {
            size_t wl = strlen(wholes[w]);
            if (!strncasecmp(p->measure, wholes[w], wl) &&
                (!p->measure[wl] || p->measure[wl] == ' ' || p->measure[wl] == ',') &&
                p->grams / p->amount > 2.5 * piece_grams)
                return p;
        }
    }
    return NULL;
}

/* A share of a whole pizza ("half a pizza", "1/4 of a digiorno"): its
 * grams and how, from the whole its piece (piece_grams, said so:
 * piece_said) is cut from; 1 when there is one. Only a pizza's (a cake, a
 * pie or a quiche may be one piece as much as the whole, and keep it), and
 * only of a piece a table measures as cut from the whole ("slice", "piece
 * (1/8 of ...)"), not of a name's own item. A piece said "(1/8 of 12\"
 * pizza)" with no whole measure is an eighth of it. */
static int share_of_whole(const kmgca_food *food, double amount, double piece_grams,
                          const char *piece_said, double *grams, char *how, size_t how_size)
{
    if (strcmp(kmgca_food_kind(food), "pizza") != 0 || !(piece_grams > 0) ||
        (!strstr(piece_said, "slice") && !strstr(piece_said, "piece (")))
        return 0;
    char amt[32], g[32];
    const kmgca_portion *whole = whole_of(food, piece_grams);
    /* "piece (1/6 of 8\" pie)": a sixth, the digits then " of " */
    int n = 0;
    for (const char *of = strstr(piece_said, "(1/"); of && !n; of = strstr(of + 1, "(1/")) {
        const char *d = of + 3;
        while (isdigit((unsigned char)*d) && n <= 16)
            n = n * 10 + (*d++ - '0');
        if (strncmp(d, " of ", 4) != 0 || n > 16)
            n = 0;
    }
    if (!whole && n < 2)
        return 0;
    *grams = amount * (whole ? whole->grams / whole->amount : n * piece_grams);
    fmt_amount(amt, sizeof amt, amount);
    fmt_grams(g, sizeof g, *grams);
    if (how && whole)
        snprintf(how, how_size, "%s" PH_OF_THE_WHOLE " = %s g (%s \"%s\")", amt, g,
                 measure_source(food), whole->measure);
    else if (how)
        snprintf(how, how_size, "%s" PH_OF_THE_WHOLE " = %s g (%d x %.160s)", amt, g, n,
                 piece_said);
    return 1;
}

/* What a resolution found, for the note. */
typedef struct {
    double grams_each;        /* grams of one unit */
    char said[240];           /* how one unit was weighed */
} each;

/* "; large: 3/2 of that, kmgca's judgement", or "" for no scaling (the
 * sizes measure_words.csv gives; medium scales by 1). */
static void size_said(char *buf, size_t size, const char *word, double factor)
{
    static const char *const said[][2] = {
        {"small", PH_SMALL}, {"mini", PH_MINI}, {"large", PH_LARGE}, {"extra large", PH_EXTRA_LARGE},
        {"jumbo", PH_JUMBO}};
    buf[0] = '\0';
    if (factor == 0.8 || factor == 1.25) {   /* (a fruit's: size_factor_of) */
        snprintf(buf, size, "; %s", factor < 1 ? PH_SMALL_FRUIT : PH_LARGE_FRUIT);
        return;
    }
    for (size_t i = 0; factor != 1 && i < sizeof said / sizeof *said; i++)
        if (!strcmp(word, said[i][0]))
            snprintf(buf, size, "; %s, " PH_JUDGEMENT, said[i][1]);
}

/* One unit scaled to the size asked when its measure (in out->said) is of
 * no size or, with from_named, of another size it names ("2 thin slices":
 * 2/3 of USDA's 1 oz slice; "2 small slices" of its "slice, large": 2/3 of
 * 2/3 of it), and said so. */
static void scale_to_size(each *out, const char *size, int from_named)
{
    static const char *const sizes[] = {"small", "medium", "large"};
    if (!size || !size[0])
        return;
    double f = size_factor(size);
    for (size_t k = 0; f != 1 && from_named && k < sizeof sizes / sizeof *sizes; k++)
        if (strstr(out->said, sizes[k]) && strcmp(size, sizes[k]) != 0)
            f /= size_factor(sizes[k]);
    if (f != 1 && !strstr(out->said, size)) {
        char sized[80];
        out->grams_each *= f;
        size_said(sized, sizeof sized, size, f);
        appendf(out->said, sizeof out->said, "%s", sized);
    }
}

/* One unit of a default amount (g, or ml weighed through the food's volume
 * measures), scaled by `factor`, with its note and source; `name` leads the
 * note when the amount is a name's own ("饺子: ..."). */
static int amount_each(const kmgca_food *food, double amount, const char *unit, double factor,
                       const char *size, const char *name, const char *note, const char *source,
                       each *out)
{
    amount *= factor;
    char amt[32], g[32], sized[80], lead[64] = "";
    fmt_amount(amt, sizeof amt, amount);
    int judged = !strcmp(source, "judgement");
    size_said(sized, sizeof sized, size, factor);
    if (judged) {
        /* One "kmgca's judgement" is enough. */
        char *j = strstr(sized, ", " PH_JUDGEMENT);
        if (j)
            *j = '\0';
        source = PH_JUDGEMENT;
    }
    if (name)
        snprintf(lead, sizeof lead, "%s: ", name);
    if (!strcmp(unit, "ml")) {
        char how[240];
        if (!volume_to_grams(food, "ml", amount, 1, NULL, &out->grams_each, how, sizeof how) &&
            !density_grams(food, amount, &out->grams_each, how, sizeof how)) {
            if (!watery(food))
                return 0;
            out->grams_each = amount;
            snprintf(how, sizeof how, PH_WEIGHED_AS_WATER);
        }
        fmt_grams(g, sizeof g, out->grams_each);
        snprintf(out->said, sizeof out->said, "%s%s ml: %s%s, %s", lead, amt, note, sized,
                 source);
        appendf(out->said, sizeof out->said, "; %s", how);
    } else {
        out->grams_each = amount;
        snprintf(out->said, sizeof out->said, "%s%s%s, %s", lead, note, sized, source);
    }
    return 1;
}

static int try_measure_token(const kmgca_food *food, const char *token, size_t len,
                             const char *size, int whole_only, each *out, int depth);
static int resolve_concept(const kmgca_food *food, const char *word, const char *concept,
                           const char *size, int typical, each *out, int depth);

static int by_name(const kmgca_food *food, const kmgca_serving *s, const char *word,
                   const char *concept, const char *size, each *out);

/* The food's own measure for a token of containers.csv: "@food", "@item",
 * "@typical", a unit ("cup", "tbsp", "oz"), or household words. */
static int try_measure_token(const kmgca_food *food, const char *token, size_t len,
                             const char *size, int whole_only, each *out, int depth)
{
    char tok[64];
    copy_text(tok, len + 1 < sizeof tok ? len + 1 : sizeof tok, token);
    if (!tok[0])
        return 0;
    if (!strcmp(tok, "@item"))
        return resolve_concept(food, NULL, "item", size, whole_only, out, depth + 1);
    if (!strcmp(tok, "@typical")) {
        /* the name's typical serving first, as with no amount written
         * ("蚵仔煎 1份") */
        kmgca_serving unnamed;
        memset(&unnamed, 0, sizeof unnamed);
        return by_name(food, &unnamed, NULL, "typical", NULL, out) ||
               resolve_concept(food, NULL, "typical", NULL, 1, out, depth + 1);
    }
    long pick = -1;
    int unsized = 0;    /* a size asked for that the measure picked lacks */
    if (!strcmp(tok, "@food")) {
        pick = food_named_portion(food, whole_only);
    } else {
        const unit_def *u = NULL;
        size_t ul = unit_at(tok, &u);
        if (ul && ul == strlen(tok)) {
            if (u->kind == KMGCA_UNIT_MASS) {
                out->grams_each = u->factor;
                snprintf(out->said, sizeof out->said, "1 %s", u->canonical);
                return 1;
            }
            char how[240];
            if (!volume_to_grams(food, u->canonical, 1, u->factor, NULL, &out->grams_each, how,
                                 sizeof how))
                return 0;
            copy_text(out->said, sizeof out->said, how);
            return 1;
        }
        char folded[64], words[6][TEXT_WORD_MAX];
        text_fold(tok, folded, sizeof folded);
        size_t n = text_words(folded, words, NULL, 5);
        if (!n)
            return 0;
        if (size && n < 6) {
            /* The size as written, with the word: "large slice". */
            strcpy(words[n], size);
            pick = find_portion_ex(food, words, n + (strchr(size, ' ') ? 0 : 1), whole_only);
        } else if (!size && n < 6) {
            /* no size written: the medium one of the word's sizes ("2
             * stalks" of celery are medium, not USDA's first, large one) */
            strcpy(words[n], "medium");
            pick = find_portion_ex(food, words, n + 1, whole_only);
        }
        if (pick < 0) {
            pick = find_portion_ex(food, words, n, whole_only);
            unsized = size && size[0] && pick >= 0;
        }
    }
    if (pick < 0)
        return 0;
    const kmgca_portion *pt = &food->portions[pick];
    /* a size of a fast-food order is no piece: "4 chips" are four of them
     * (FNDDS's "fry"), "medium fries" the medium order */
    if (!size && strstr(pt->measure, " order") &&
        (!strcmp(tok, "medium") || !strcmp(tok, "large") || !strcmp(tok, "small")))
        return 0;
    /* "6 inch sub": 6 is the sub's length, not a count; one is the sub.
     * And a container counted by what it holds ("7 sausages (drained
     * contents from can, net wt 4 oz)"): "1 can" is all seven. */
    static const char *const packs[] = {"can", "tin", "jar", "bottle", "package", "packet",
                                        "box", "bag", "pouch", "carton", "container"};
    int whole = measure_by_length(pt);
    for (size_t k = 0; k < sizeof packs / sizeof *packs && !whole && pt->amount > 1; k++)
        whole = !strcmp(tok, packs[k]) && strncmp(pt->measure, tok, strlen(tok)) != 0;
    out->grams_each = whole ? pt->grams : pt->grams / pt->amount;
    char g[32], pa[32], pg[32];
    fmt_grams(g, sizeof g, out->grams_each);
    fmt_amount(pa, sizeof pa, pt->amount);
    fmt_grams(pg, sizeof pg, pt->grams);
    if (pt->amount == 1 || whole)
        snprintf(out->said, sizeof out->said, "%s \"%s%s%s\"", measure_source(food),
                 whole ? pa : "", whole ? " " : "", pt->measure);
    else
        snprintf(out->said, sizeof out->said, "%s \"%s %s\" = %s g", measure_source(food), pa,
                 pt->measure, pg);
    /* "2 thin slices" of cheddar: USDA's slice, smaller; from the size
     * the measure names ("2 small slices" of USDA's "slice, large") */
    if (unsized)
        scale_to_size(out, size, 1);
    return 1;
}

/* Kinds eaten by the handful, where one piece is no serving. */
static int small_things(const kmgca_food *food)
{
    const char *k = kmgca_food_kind(food);
    return !strcmp(k, "fruit") || !strcmp(k, "vegetable") || !strcmp(k, "nuts") ||
           !strcmp(k, "dried_fruit") || !strcmp(k, "candy") || !strcmp(k, "crisps");
}

/* 1 when a concept counts parts of a food, never a whole bird or joint:
 * 块 (piece), 片 (slice), 张 (sheet), 根 and 条 (stick) */
static int part_of_a_food(const char *concept)
{
    static const char *const parts[] = {"piece", "slice", "sheet", "stick"};
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
        if (!strcmp(concept, parts[k]))
            return 1;
    return 0;
}

/* One unit of a concept for a food: its own measures, then the table's
 * default. typical: count only measures of one piece. */
static int resolve_concept(const kmgca_food *food, const char *word, const char *concept,
                           const char *size, int typical, each *out, int depth)
{
    if (depth > 3)
        return 0;
    const struct kmgca_container *row = container_find(word, concept, food->kind, size, 0);
    /* The word as written first: a custom food's "碗" or "handful". */
    if (word && word[0] && (!row || (strcmp(row->concept, word) != 0 && row->measures[0])) &&
        try_measure_token(food, word, strlen(word), size, typical, out, depth))
        return 1;
    /* (a sweet counted by the bar is one bar, not FNDDS's unspecified
     * amount: "a Kit Kat" is the 4-finger bar, 43 g, not 21 g) */
    if (typical && !strcmp(kmgca_food_kind(food), "candy") &&
        try_measure_token(food, "bar", 3, NULL, 0, out, depth))
        return 1;
    if (typical && try_measure_token(food, "quantity not specified", 22, NULL, 0, out, depth))
        return 1;
    if (row && row->measures[0]) {
        /* A size alone is an item's size: "2 small" carrots. */
        if (size && !strcmp(concept, "item") &&
            try_measure_token(food, size, strlen(size), NULL, typical, out, depth))
            return 1;
        for (const char *p = row->measures;;) {
            size_t len = strcspn(p, "|");
            /* A measure of the middle size ("serving medium") stands for a
             * serving of no size said; a size said picks its own. */
            int middle = size && size[0] && len > 7 && !strncmp(p + len - 7, " medium", 7);
            if (!middle && try_measure_token(food, p, len, size, typical, out, depth)) {
                /* One strawberry is not a serving of strawberries, and a
                 * piece is no whole bird ("1/2 goose", 774 g, is a measure
                 * of the food, not one of its pieces). */
                if ((typical && out->grams_each < 25 && small_things(food)) ||
                    (part_of_a_food(concept) && out->grams_each > 500)) {
                    if (!p[len])
                        break;
                    p += len + 1;
                    continue;
                }
                /* "一大杯": the food's cup, larger; an item of another size
                 * than the one asked for ("large flour tortilla": USDA's
                 * medium one) is scaled from it */
                scale_to_size(out, size, !strcmp(concept, "item"));
                return 1;
            }
            if (!p[len])
                break;
            p += len + 1;
        }
    }
    const struct kmgca_container *arow =
        row && !isnan(row->amount) ? row : container_find(word, concept, food->kind, size, 1);
    if (!arow) {
        /* a spoon of a food the table gives no volume for, by the density
         * of its kind ("2 spoonfuls" of a Greek yoghurt) */
        const char *sp = row ? strstr(row->measures, "tbsp") : NULL;
        const unit_def *u = sp ? unit_named("tbsp") : NULL;
        if (!u || !density_grams(food, u->factor, &out->grams_each, out->said, sizeof out->said))
            return 0;
        scale_to_size(out, size, 0);
        return 1;
    }
    double factor = arow->size[0] ? 1 : size_factor_of(food, concept, size);
    return amount_each(food, arow->amount, arow->unit, factor, size, NULL,
                       arow->note[0] ? arow->note : PH_USUAL_SIZE, arow->source, out);
}

/* The row of a name for a concept or a written word, with the stand-ins a
 * name allows (an item for a typical serving, a round of a flatbread for a
 * slice ...), or NULL. */
static const struct kmgca_name_portion *name_row_for(const kmgca_food *food, const char *name,
                                                     const char *word, const char *concept,
                                                     const char *size)
{
    const struct kmgca_name_portion *np = name_portion_row(name, word, concept);
    if (!np && concept && !strcmp(concept, "typical"))
        np = name_portion_row(name, NULL, "item");
    /* "1 serving" of a dish the table sizes by no serving of its own (FNDDS's
     * "Quantity not specified" is a guess too): the name's typical serving,
     * as with no amount written */
    each own;
    if (!np && concept && !strcmp(concept, "serving") &&
        !try_measure_token(food, "serving", 7, NULL, 0, &own, 0) &&
        !try_measure_token(food, "nlea serving", 12, NULL, 0, &own, 0) &&
        !try_measure_token(food, "portion", 7, NULL, 0, &own, 0))
        np = name_portion_row(name, NULL, "typical");
    /* 一片 or 一个 of a round flatbread (葱油饼, 油饼, 手抓饼) is the whole
     * round, no slice of a loaf */
    size_t nl = strlen(name);
    if (!np && concept &&
        (!strcmp(concept, "slice") || !strcmp(concept, "item") || !strcmp(concept, "typical")) &&
        nl > 3 && !strcmp(name + nl - 3, "饼")) {
        static const char *const rounds[] = {"sheet", "item", "piece"};
        for (size_t k = 0; k < 3 && !np; k++)
            np = name_portion_row(name, NULL, rounds[k]);
    }
    /* A size alone of a name that has a serving and no piece ("small hot
     * chips"), when the food's own piece is no serving (under a tenth of
     * it: one chip of a serve of chips, not one pancake of a stack): a
     * serving of that size. */
    if (!np && size && (!word || !strcmp(word, size)) && concept && !strcmp(concept, "item")) {
        const struct kmgca_name_portion *t = name_portion_row(name, NULL, "typical");
        each serve = {0}, piece = {0};
        if (t &&
            amount_each(food, t->amount, t->unit, 1, NULL, name, t->note, t->source, &serve) &&
            (!resolve_concept(food, NULL, "item", NULL, 0, &piece, 0) ||
             piece.grams_each < serve.grams_each / 10))
            np = t;
    }
    return np;
}

/* One unit by the food text's name ("饺子": 个 = 20 g). The name written,
 * else the food's own name ("Nuts, walnuts"; a TFDA name without its 平均值
 * and brackets, "芭乐平均值(白肉)": 芭乐, as 芭樂 or 番石榴 matched it; not when
 * a name was written: 鱼 is no whole 草鱼); and for a count or a packet in
 * Chinese with no name of sizes written, the food's other name that has
 * them ("葡挞两个": 蛋挞's; "芝麻湖一包": 芝麻糊's packet; a bottle or a plate
 * keeps the container's own size: a brand's bottle is no other drink's). */
static int by_name(const kmgca_food *food, const kmgca_serving *s, const char *word,
                   const char *concept, const char *size, each *out)
{
    /* a frozen meal is weighed as its tray (FNDDS's meals), not as the dish
     * it holds: "Banquet fried chicken dinner" is no two pieces of fried
     * chicken, a Salisbury steak TV dinner no steak as served */
    if (text_find_ci(food->description, "frozen meal") ||
        text_find_ci(food->description, "frozen entree"))
        return 0;
    char name[48];
    const char *by_food;
    copy_text(name, sizeof name, s->name);
    if (!name[0] && !name_portion_find(food->description, name, sizeof name)) {
        char plain[128];
        copy_text(plain, sizeof plain, food->description);
        char *cut = strstr(plain, "平均值");
        if (cut)
            *cut = '\0';
        if ((cut = strchr(plain, '(')) != NULL)
            *cut = '\0';
        if (!plain[0] || (unsigned char)plain[0] < 0x80 || !strcmp(plain, food->description) ||
            !name_portion_find(plain, name, sizeof name)) {
            if (!((unsigned char)s->unit[0] >= 0x80 && concept &&
                  (!strcmp(concept, "item") || !strcmp(concept, "piece") ||
                   !strcmp(concept, "stick") || !strcmp(concept, "packet")) &&
                  (by_food = portion_name_of(food)) != NULL))
                return 0;
            copy_text(name, sizeof name, by_food);
        }
    }
    const struct kmgca_name_portion *np = name_row_for(food, name, word, concept, size);
    /* a 根 of a dish counted by the order (炒菜心: 个 = one order, 250 g) is
     * a stalk of the food the dish is ("炒菜心 吃了几根": 菜心's 根) */
    if (np && concept && !strcmp(concept, "stick") && strcmp(np->concept, "stick") != 0 &&
        (by_food = portion_name_of(food)) != NULL && strcmp(by_food, name) != 0) {
        const struct kmgca_name_portion *own = name_portion_row(by_food, word, concept);
        if (own && !strcmp(own->concept, "stick")) {
            np = own;
            copy_text(name, sizeof name, by_food);
        }
    }
    if (!np)
        return 0;
    return amount_each(food, np->amount, np->unit, size_factor_of(food, concept, size), size,
                       name, np->note, np->source, out);
}

/* One typical serving of a food: its name's, else its own measures' or its
 * kind's. 1 when found. */
static int typical_each(const kmgca_food *food, const kmgca_serving *s, each *out)
{
    return by_name(food, s, NULL, "typical", NULL, out) ||
           resolve_concept(food, NULL, "typical", NULL, 1, out, 0);
}

/* A word of a household measure for people: "碗 (bowl)". */
static void name_unit(char *buf, size_t size, const kmgca_serving *s, const household *h)
{
    if (h->concept && (unsigned char)h->word[0] >= 0x80 && strcmp(h->concept, h->word) != 0)
        snprintf(buf, size, "%s (%s%s%s)", s->unit, h->size ? h->size : "", h->size ? " " : "",
                 !strcmp(h->concept, "item") ? "piece" : h->concept);
    else
        snprintf(buf, size, "%s", s->unit);
}

static const kmgca_portion *branded_item(const kmgca_food *food);

/* amount x the food's measure pick: the grams, and how, with a note after
 * the source ("" for none). */
static void portion_grams(const kmgca_food *food, long pick, double amount, const char *note,
                          double *grams, char *how, size_t how_size)
{
    const kmgca_portion *pt = &food->portions[pick];
    char amt[32], g[32];
    *grams = amount * pt->grams / pt->amount;
    fmt_amount(amt, sizeof amt, amount);
    fmt_grams(g, sizeof g, *grams);
    if (how)
        snprintf(how, how_size, "%s x \"%s\" = %s g (%s%s)", amt, pt->measure, g,
                 measure_source(food), note);
}

/* A measure written as USDA writes it, every word of it ("slice, medium
 * (1/4" thick)", as app exports copy the table's measures): that measure,
 * before the words are read one by one as sizes and measure words. 1 when
 * found. */
static int portion_as_written(const kmgca_food *food, const kmgca_serving *s, double *grams,
                              char *how, size_t how_size)
{
    char folded[128], words[10][TEXT_WORD_MAX];
    text_fold(s->unit, folded, sizeof folded);
    size_t nw = text_words(folded, words, NULL, 10);
    if (nw < 3)
        return 0;
    long pick = find_portion(food, words, nw);
    if (pick < 0)
        return 0;
    portion_grams(food, pick, s->amount, "", grams, how, how_size);
    return 1;
}

/* 1 when a measure says just the words asked, brackets and "each" aside
 * ("bagel", "bagel (3" dia)", "each burrito"), not a variety of them
 * ("Bagel Thin"). */
static int measure_is_words(const kmgca_food *food, long pick, char words[][TEXT_WORD_MAX],
                            size_t nw)
{
    char folded[256], mw[16][TEXT_WORD_MAX];
    unsigned char flags[16];
    text_fold(food->portions[pick].measure, folded, sizeof folded);
    size_t n = text_words(folded, mw, flags, 16);
    for (size_t j = 0; j < n; j++) {
        /* "each burrito" is one burrito */
        int asked = (flags[j] & TEXT_IN_PARENS) != 0 || !strcmp(mw[j], "each");
        for (size_t k = 0; k < nw && !asked; k++)
            asked = !strcmp(mw[j], words[k]);
        if (!asked)
            return 0;
    }
    return 1;
}

static kmgca_status household_grams(const kmgca_food *food, const kmgca_serving *s,
                                    double *grams, char *how, size_t how_size,
                                    kmgca_error *err)
{
    /* "a 6 inch sub", "2 8\" tortillas": the measure of that length */
    double inches, each_g;
    const char *rest;
    if (s->kind == KMGCA_UNIT_PORTION && unit_length(s->unit, &inches, &rest)) {
        long pick = portion_of_length(food, inches, &each_g);
        if (pick < 0) {
            kmgca_serving count = *s;
            count.kind = KMGCA_UNIT_NONE;
            copy_text(count.unit, sizeof count.unit, rest);
            if (count.unit[0])
                count.kind = KMGCA_UNIT_PORTION;
            kmgca_status st = household_grams(food, &count, grams, how, how_size, err);
            if (st == KMGCA_OK && how && how_size)
                appendf(how, how_size, PH_LENGTH_NOT_IN_MEASURE);
            return st;
        }
        const kmgca_portion *pt = &food->portions[pick];
        char amt[32], g[32], times[32] = "";
        *grams = s->amount * each_g;
        fmt_amount(amt, sizeof amt, s->amount);
        fmt_grams(g, sizeof g, *grams);
        if (measure_by_length(pt))
            fmt_amount(times, sizeof times, pt->amount);
        if (how)
            snprintf(how, how_size, "%s x %s = %s g (%s \"%s%s%s\")", amt, s->unit, g,
                     measure_source(food), times, times[0] ? " " : "", pt->measure);
        return KMGCA_OK;
    }
    household h;
    read_household(s->unit, &h);
    int bare = s->kind == KMGCA_UNIT_NONE;
    if (!bare && portion_as_written(food, s, grams, how, how_size))
        return KMGCA_OK;
    const char *concept = h.concept;
    if (bare)
        concept = "item";
    else if (!concept && h.size && !h.other_count)
        concept = "item";       /* "1 medium", "2 large" */
    if (!bare && h.other_count && !h.concept) {
        /* Words the list does not hold: "1 banana" names the food itself;
         * "2 large biscuits", "1 fillet" name one of its measures. */
        char words[10][TEXT_WORD_MAX];
        size_t nw = 0;
        if (h.size && strchr(h.size, ' ') == NULL)
            strcpy(words[nw++], h.size);
        for (size_t i = 0; i < h.other_count && nw < 10; i++) {
            /* "drumstick, with skin (yield from 1 lb ready-to-cook
             * chicken)": what it was made from names no measure. */
            if (!strcmp(h.other[i], "yield") || !strcmp(h.other[i], "from"))
                break;
            strcpy(words[nw++], h.other[i]);
        }
        long pick = find_portion(food, words, nw);
        int names_food = words_in_description(food, h.other, h.other_count);
        if (pick >= 0 && names_food && !measure_is_words(food, pick, words, nw))
            pick = -1;  /* "1 bagel" is a bagel, not FNDDS's "Bagel Thin": counted below */
        const char *note = "";
        if (pick < 0 && nw > 1) {
            char last[1][TEXT_WORD_MAX];
            strcpy(last[0], h.other[h.other_count - 1]);
            pick = find_portion(food, last, 1);
            if (pick >= 0)
                note = PH_SIZE_NOT_IN_MEASURE;
        }
        /* "7 halves" of walnuts: a piece of a measure that counts them,
         * "oz (14 halves)" */
        double pieces = 0;
        long of = pick < 0 && !names_food
                      ? portion_of_pieces(food, h.other[h.other_count - 1], &pieces)
                      : -1;
        if (of >= 0) {
            const kmgca_portion *pt = &food->portions[of];
            char amt[32], g[32], n[32];
            *grams = s->amount * pt->grams / (pt->amount * pieces);
            fmt_amount(amt, sizeof amt, s->amount);
            fmt_grams(g, sizeof g, *grams);
            fmt_amount(n, sizeof n, pt->amount * pieces);
            if (how)
                snprintf(how, how_size, "%s %s = %s g (" PH_EACH "%s \"%s\" / %s)", amt, s->unit,
                         g, measure_source(food), pt->measure, n);
            return KMGCA_OK;
        }
        /* "3 halves" of a fruit with no half of its own (apricots, an
         * avocado): each half of one */
        each one;
        if (pick < 0 && !names_food && h.other_count == 1 &&
            (!strcmp(h.other[0], "half") || !strcmp(h.other[0], "halves")) &&
            (by_name(food, s, NULL, "item", NULL, &one) ||
             resolve_concept(food, NULL, "item", NULL, 0, &one, 0))) {
            char amt[32], g[32];
            *grams = s->amount * one.grams_each / 2;
            fmt_amount(amt, sizeof amt, s->amount);
            fmt_grams(g, sizeof g, *grams);
            if (how)
                snprintf(how, how_size, "%s %s = %s g (" PH_EACH PH_HALF_OF "%s)", amt, s->unit,
                         g, one.said);
            return KMGCA_OK;
        }
        /* the unit names the food ("1 banana", "2 eggs"): a count; of a
         * brand's product, of its own item ("2 tortilla" of MISSION's, not
         * the taco its name says) */
        if (pick < 0 && names_food)
            concept = "item", bare |= branded_item(food) != NULL;
        /* "1 burger" of a Big Mac, "1 sub" of Subway's: a chain's product
         * counted by a word of its kind is its own item */
        if (pick < 0 && !names_food && h.other_count == 1 && !h.size && branded_item(food))
            concept = "item", bare = 1;
        if (pick >= 0) {
            portion_grams(food, pick, s->amount, note, grams, how, how_size);
            return KMGCA_OK;
        }
    }
    each e = {0};
    char amt[32], g[32], unit[96];
    fmt_amount(amt, sizeof amt, s->amount);
    /* "2 Big Macs": a count of a chain's product is of its own item, as
     * USDA weighed it, before a name's usual size. */
    int item_said = !bare && h.concept && !strcmp(h.concept, "item") && !h.size && !h.other_count;
    const kmgca_portion *own = bare || item_said ? branded_item(food) : NULL;   /* "1 Each" */
    if (own) {
        char own_said[200];
        snprintf(own_said, sizeof own_said, "%s \"%s\"", measure_source(food), own->measure);
        if (s->amount < 1 &&
            share_of_whole(food, s->amount, own->grams / own->amount, own_said, grams, how,
                           how_size))
            return KMGCA_OK;
        *grams = s->amount * own->grams / own->amount;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s" PH_X_ONE_PIECE " = %s g (%s%s \"%s\")", amt, g,
                     s->amount == 1 ? "" : PH_EACH, measure_source(food), own->measure);
        return KMGCA_OK;
    }
    /* A size written alone ("1 medium") is the table's measure of that size
     * when it has one: a name's own portions are for counts and measure
     * words. */
    size_t wl;
    const struct kmgca_measure_word *said = h.word[0] ? measure_word_at(h.word, &wl) : NULL;
    int size_word = !h.concept || (said && said->size[0]);
    int sized = size_word && h.size && concept && !strcmp(concept, "item") &&
                try_measure_token(food, h.size, strlen(h.size), NULL, 0, &e, 0);
    /* (a name the food only stands in for, "flat white" as a latte, sizes
     * by its own portion first when the food's is far larger: a regular
     * flat white is no 16 oz latte) */
    each named;
    if (sized && s->name[0] && !text_holds_ci(food->description, s->name) &&
        name_portion_row(s->name, NULL, "item") &&
        by_name(food, s, NULL, "item", h.size, &named) && e.grams_each > 1.5 * named.grams_each)
        sized = 0;   /* by the name, below */
    /* "Poutine, 1 regular": a size alone whose measure is one piece of a
     * food eaten by the serving (a fry, 8 g) is a serving of that size */
    each serve;
    int piece_alone = size_word && h.size && !h.other_count && concept &&
                      !strcmp(concept, "item") && !bare &&
                      (!strcmp(kmgca_food_kind(food), "potato") ||
                       !strcmp(kmgca_food_kind(food), "mixed_dish"));
    /* (not "10 large shrimp", "1 medium strawberry": pieces people count) */
    if (piece_alone) {
        each one = e;
        piece_alone = (sized || resolve_concept(food, NULL, "item", h.size, 0, &one, 0)) &&
                      typical_each(food, s, &serve) && one.grams_each < serve.grams_each / 10;
    }
    if (piece_alone)
        sized = 0;
    /* (件 of a food sized by the item and not by the piece, "烧卖两件", a
     * recipe's 个: one of it) */
    int jian = !strcmp(s->unit, "件");
    if (!piece_alone &&
        (sized || (concept && by_name(food, s, h.concept ? h.word : NULL, concept, h.size, &e)) ||
         (concept &&
          resolve_concept(food, h.concept ? h.word : NULL, concept, h.size, 0, &e, 0)) ||
         (jian && (by_name(food, s, "个", "item", NULL, &e) ||
                   resolve_concept(food, "个", "item", NULL, 0, &e, 0))))) {
        *grams = s->amount * e.grams_each;
        /* "half a pizza", "a quarter of a quiche": a share of the whole,
         * not of its slice (half a pizza was 53 g) */
        if (bare && s->amount < 1 && share_of_whole(food, s->amount, e.grams_each, e.said, grams,
                                                    how, how_size))
            return KMGCA_OK;
        /* "豆腐 半块": a share of a piece of a food bought whole is of the
         * whole (the block as sold), its name's "whole" */
        each whole;
        if (!bare && s->amount < 1 && concept &&
            (!strcmp(concept, "piece") || !strcmp(concept, "item")) &&
            by_name(food, s, NULL, "whole", NULL, &whole) && whole.grams_each > e.grams_each) {
            *grams = s->amount * whole.grams_each;
            fmt_grams(g, sizeof g, *grams);
            if (how)
                snprintf(how, how_size, "%s" PH_OF_THE_WHOLE " = %s g (%s)", amt, g, whole.said);
            return KMGCA_OK;
        }
        fmt_grams(g, sizeof g, *grams);
        name_unit(unit, sizeof unit, s, &h);
        const char *each_word = s->amount == 1 ? "" : PH_EACH;
        if (how && bare)
            snprintf(how, how_size, "%s" PH_X_ONE_PIECE " = %s g (%s%s)", amt, g, each_word,
                     e.said);
        else if (how)
            snprintf(how, how_size, "%s %s = %s g (%s%s)", amt, unit, g, each_word, e.said);
        return KMGCA_OK;
    }
    /* "Chicken curry, ate about half", "1 cottage cheese", "small chili":
     * servings, or a share of one, of a food no piece of which is sized,
     * scaled by a size said alone; said so (and marked assumed by
     * kmgca_weigh), the grams in proportion to the count */
    const char *alone = !bare && h.size && (!h.concept || !strcmp(h.concept, "item")) &&
                                !h.other_count
                            ? h.size
                            : NULL;
    if ((bare || alone) && typical_each(food, s, &e)) {
        char scaled[64] = "";
        double f = alone ? size_factor_of(food, "item", alone) : 1;
        if (alone)
            size_said(scaled, sizeof scaled, alone, f);
        *grams = s->amount * f * e.grams_each;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s%s%s" PH_X_TYPICAL_SERVING " = %s g (%s%s)", amt,
                     alone ? " " : "", alone ? alone : "", g, e.said, scaled);
        return KMGCA_OK;
    }
    char list[400];
    list_measures(food, list, sizeof list);
    if (bare)
        return kmgca_fail(err, KMGCA_ERROR_UNIT,
                          "\"%s\" has no usual piece size, so a count of %s cannot be "
                          "weighed; give grams or a measure (its measures: %s)",
                          food->description, amt, list);
    return kmgca_fail(err, KMGCA_ERROR_UNIT,
                      "\"%s\" is not a measure of \"%s\", and kmgca has no size for it for "
                      "this kind of food (%s); give grams or one of its measures: %s",
                      s->unit, food->description, kmgca_food_kind(food), list);
}

/* The kinds of a staple, eaten as a meal of its own: rice, noodles, bread,
 * dough ... */
static const char *const staple_kinds[] = {"rice", "noodles",  "grain_dry",  "bread",
                                           "cake", "dumpling", "hot_cereal", "soup"};

/* 1 when a recipe holds a staple in an eighth or more of what is not water:
 * a meal of its own (凉皮, 炒年糕, 炒粿条), not a dish eaten with rice */
static int meal_of_its_own(const kmgca_food *food)
{
    double all = 0, staple = 0;
    for (unsigned i = 0; i < food->recipe_count; i++) {
        const char *k = kmgca_food_kind(food->recipe[i].food);
        all += strcmp(k, "water") ? food->recipe[i].grams : 0;
        for (size_t s = 0; s < sizeof staple_kinds / sizeof *staple_kinds; s++)
            if (!strcmp(k, staple_kinds[s]))
                staple += food->recipe[i].grams;
    }
    return all > 0 && staple >= all / 8;
}

/* With no amount written, a dish the family shares from one plate (a
 * stir-fry, a braise, a cold dish; not a meal of rice, noodles or dough on
 * its own plate) is one person's share of it, not the whole plate: at most
 * SHARE_HOT_G served, SHARE_MEAT_G of a dish mostly of meat, fish or eggs
 * (红烧肉, 糖醋排骨, 清炒虾仁), SHARE_COLD_G of a cold dish (凉拌…, 拍黄瓜).
 * All are kmgca's judgement: a home plate of a dish is about 220-300 g,
 * shared by two or three at a meal with rice, and the Chinese Dietary
 * Guidelines 2022 put a day's vegetables at 300-500 g and meat, fish and eggs
 * at 120-200 g. The share in grams, or 0 when the dish is no shared plate or
 * its plate is smaller. */
#define SHARE_HOT_G 200.0
#define SHARE_MEAT_G 150.0
#define SHARE_COLD_G 120.0
static double plate_share(const kmgca_food *food, const kmgca_portion *p)
{
    static const char *const plates[] = {"盘", "碟", "份"};
    /* served by the 盘 or 碟 (a hot pot is no plate), and counted so now */
    int plate = 0, served = 0;
    for (size_t i = 0; i < sizeof plates / sizeof *plates && !plate; i++)
        plate = !strcmp(p->measure, plates[i]);
    for (unsigned i = 0; i < food->portion_count && plate && !served; i++)
        served = !strcmp(food->portions[i].measure, plates[0]) ||
                 !strcmp(food->portions[i].measure, plates[1]);
    for (size_t i = 0; i < sizeof staple_kinds / sizeof *staple_kinds && served; i++)
        served = strcmp(kmgca_food_kind(food), staple_kinds[i]) != 0;
    if (!served)
        return 0;
    if (meal_of_its_own(food))
        return 0;
    static const char *const flesh[] = {"meat", "poultry", "fish", "shellfish", "egg"};
    double meat = 0, all = 0;
    for (unsigned i = 0; i < food->recipe_count; i++) {
        all += strcmp(kmgca_food_kind(food->recipe[i].food), "water") ? food->recipe[i].grams : 0;
        for (size_t s = 0; s < sizeof flesh / sizeof *flesh; s++)
            if (!strcmp(kmgca_food_kind(food->recipe[i].food), flesh[s]))
                meat += food->recipe[i].grams;
    }
    const char *d = food->description;
    int cold = !strncmp(d, "凉拌", 6) || !strncmp(d, "拌", 3) || !strncmp(d, "拍", 3);
    /* (a stew, 炖, is ladled into a bowl with its vegetables and broth:
     * eaten as a vegetable dish is) */
    int meat_dish = meat >= all / 2 && !strstr(d, "炖");
    double share = cold ? SHARE_COLD_G : meat_dish ? SHARE_MEAT_G : SHARE_HOT_G;
    return p->grams / p->amount > share ? share : 0;
}

/* 1 when an English measure is a word of a dish's name, as one or many
 * ("egg" of "Poached eggs on toast"). */
static int name_counts(const char *name, const char *measure)
{
    size_t ml = strlen(measure);
    if (!ml || !isalpha((unsigned char)measure[0]))
        return 0;
    for (const char *w = name; *w;) {
        while (*w && !isalpha((unsigned char)*w))
            w++;
        size_t wl = 0;
        while (isalpha((unsigned char)w[wl]))
            wl++;
        if (wl && (wl == ml || (wl == ml + 1 && tolower((unsigned char)w[ml]) == 's')) &&
            !strncasecmp(w, measure, ml))
            return 1;
        w += wl;
    }
    return 0;
}

/* 1 when a measure is one household word of pieces: an item or a piece
 * (个, 只, 块, "piece"), or a slice too when slices count. */
static int counts_pieces(const char *measure, int slices)
{
    size_t len;
    const struct kmgca_measure_word *m = measure_word_at(measure, &len);
    return m && len == strlen(measure) &&
           (!strcmp(m->concept, "item") || !strcmp(m->concept, "piece") ||
            (slices && !strcmp(m->concept, "slice")));
}

/* A recipe's first measure of pieces (counts_pieces), or NULL. */
static const kmgca_portion *recipe_piece(const kmgca_food *food, int slices)
{
    for (unsigned i = 0; i < food->portion_count; i++)
        if (counts_pieces(food->portions[i].measure, slices))
            return &food->portions[i];
    return NULL;
}

/* The food's portion of that measure, or NULL. */
static const kmgca_portion *portion_of(const kmgca_food *food, const char *measure)
{
    for (unsigned i = 0; i < food->portion_count; i++)
        if (strcmp(food->portions[i].measure, measure) == 0)
            return &food->portions[i];
    return NULL;
}

/* A dish of the recipe table is counted by its own portions first: its
 * measure words ("盘", "份", "个") as the recipe gives them, and with no
 * amount written, its usual serving (the first portion), or one person's
 * share of a shared plate (plate_share). 1 when done. */
static int recipe_grams(const kmgca_food *food, const kmgca_serving *s, int typical,
                        double *grams, char *how, size_t how_size)
{
    if (!food->recipe_count || !food->portion_count)
        return 0;
    const kmgca_portion *p = typical ? &food->portions[0] : portion_of(food, s->unit);
    /* When the recipe names only the other: a 碟 is the smaller plate, 0.7
     * of a 盘 (kmgca's judgement; the recipes that name both say so too), a
     * 盘 a dim-sum dish's 碟, a takeaway box (盒, 盒饭) one order (份), a
     * 片 of 臭豆腐 or 年糕 its 块, a Cantonese 件 (食咗两件椰汁糕) its 块, and
     * a basin (盆) of 酸菜鱼 the whole dish, its 盘; and an English recipe's
     * own words for the Chinese ones (一份 nasi lemak is its serving, 一碗
     * laksa its bowl). */
    static const struct {
        const char *said, *named;
        double factor;
    } same[] = {{"碟", "盘", 0.7}, {"盘", "碟", 1}, {"盒", "份", 1}, {"片", "块", 1},
                {"块", "片", 1}, {"件", "块", 1}, {"盆", "盘", 1}, {"份", "serving", 1},
                {"份", "portion", 1}, {"碗", "bowl", 1}, {"盘", "plate", 1},
                {"碟", "plate", 0.7}, {"杯", "glass", 1}, {"杯", "cup", 1}, {"片", "slice", 1},
                {"块", "piece", 1}, {"个", "piece", 1}, {"串", "skewer", 1}};
    double factor = 1;
    for (size_t k = 0; !p && !typical && k < sizeof same / sizeof *same; k++)
        if (!strcmp(s->unit, same[k].said) && (p = portion_of(food, same[k].named)) != NULL)
            factor = same[k].factor;
    /* (a rice plate, "一碟叉燒飯" as Hong Kong orders its 碟頭飯, is the plate:
     * no smaller dish of it) */
    /* (nor of a one-person plate, a recipe whose 盘 is its 份: "一碟干炒牛河"
     * is the plate of noodles) */
    const kmgca_portion *one = p && factor < 1 ? portion_of(food, "份") : NULL;
    if (p && factor < 1 && !strcmp(s->unit, "碟") &&
        (!strcmp(kmgca_food_kind(food), "rice") ||
         (one && fabs(one->grams / one->amount - p->grams / p->amount) < 1)))
        factor = 1;
    /* "6 pieces" of a recipe that counts its 个, 只 or 块: those */
    if (!p && !typical && counts_pieces(s->unit, 0))
        p = recipe_piece(food, 0);
    /* A bare count ("x2"): of what the dish's name counts where the
     * recipe weighs it ("3 scrambled eggs on toast": eggs, not slices),
     * else of its pieces (个, slice, piece), else of its usual serving. */
    for (unsigned i = 0; !p && !typical && s->kind == KMGCA_UNIT_NONE && i < food->portion_count;
         i++)
        if (name_counts(food->description, food->portions[i].measure))
            p = &food->portions[i];
    if (!p && !typical && s->kind == KMGCA_UNIT_NONE)
        p = recipe_piece(food, 1);
    if (!p && !typical && s->kind == KMGCA_UNIT_NONE)
        p = &food->portions[0];
    /* A size before the measure ("small 碗", 小碗): the recipe's measure,
     * scaled as any household word is. */
    const char *size = NULL;
    if (!p && !typical) {
        household h;
        read_household(s->unit, &h);
        /* (the measure the recipe names for it too, where the two are the
         * same size: 一大盆 of a 盘) */
        const char *word = h.word;
        for (size_t k = 0; h.concept && k < sizeof same / sizeof *same; k++)
            if (!strcmp(h.word, same[k].said) && same[k].factor == 1 &&
                !portion_of(food, h.word))
                word = same[k].named;
        if (h.concept && h.size && !h.other_count && (p = portion_of(food, word)) != NULL) {
            size = h.size;
            factor = size_factor_of(food, h.concept, h.size);
        }
    }
    if (!p)
        return 0;
    /* A dish's 个 that is one order of it (the recipe's 个 weighs its 份:
     * 点了个菜) counts a few orders at most: "韭菜鸡蛋 十个" are no ten
     * plates (2 kg); not weighed so. */
    const kmgca_portion *order = portion_of(food, "份");
    if (!typical && s->amount > 3 && order && counts_pieces(p->measure, 0) &&
        fabs(p->grams / p->amount - order->grams / order->amount) < 1)
        return 0;
    char amt[32], g[32];
    double amount = s->amount;    /* a typical serving's is 1 unless a caller set it */
    *grams = amount * factor * p->grams / p->amount;
    fmt_amount(amt, sizeof amt, amount);
    fmt_grams(g, sizeof g, *grams);
    double share = typical ? plate_share(food, p) : 0;
    if (share > 0) {
        char plate[32];
        fmt_grams(plate, sizeof plate, *grams);
        *grams = amount * share;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s" PH_PERSON_SHARE "%s g (" PH_THE_RECIPES "%s = %s g; %s)",
                     s->note[0] ? s->note : PH_NO_AMOUNT_WRITTEN, g, p->measure, plate,
                     PH_JUDGEMENT);
    } else if (how && typical)
        snprintf(how, how_size, "%s" PH_ONE_RECIPE_SERVING "%s = %s g (" PH_RECIPE_SERVING ")",
                 s->note[0] ? s->note : PH_NO_AMOUNT_WRITTEN, p->measure, g);
    else if (how && size) {
        char sized[80];
        size_said(sized, sizeof sized, size, factor);
        snprintf(how, how_size, "%s %s = %s g (" PH_THE_RECIPES "%s%s)", amt, s->unit, g,
                 p->measure, sized);
    } else if (how) {
        /* a bare count of an English measure: "3 eggs", "2 slices" */
        int many = !s->unit[0] && amount > 1 && isalpha((unsigned char)p->measure[0]);
        size_t ml = strlen(p->measure);
        char last = ml ? p->measure[ml - 1] : '\0';
        const char *plural = !many ? "" : last == 's' ? "" : last == 'h' || last == 'x' ? "es" : "s";
        snprintf(how, how_size, "%s %s%s = %s g (" PH_THE_RECIPES "%s%s)", amt,
                 s->unit[0] ? s->unit : p->measure, plural, g, p->measure,
                 factor != 1 ? PH_SMALLER_PLATE : "");
    }
    return 1;
}

/* 1 when a food is one chain's or brand's product, named in capitals before
 * its first comma ("McDONALD'S, Cheeseburger", "TACO BELL, Bean Burrito"):
 * its own USDA item is that product's size, not a generic dish's. */
static int branded(const kmgca_food *food)
{
    size_t run = 0, head = strcspn(food->description, ",");
    for (size_t i = 0; i < head; i++) {
        run = isupper((unsigned char)food->description[i]) ? run + 1 : 0;
        if (run >= 3)
            return 1;
    }
    return 0;
}

/* One of a chain's or brand's product as USDA weighed it, or NULL. */
static const kmgca_portion *branded_item(const kmgca_food *food)
{
    const kmgca_portion *p = NULL;
    for (unsigned i = 0; branded(food) && !p && i < food->portion_count; i++) {
        /* one of the product as USDA weighed it; not a unit of weight or
         * volume (serving.c's units: "cup", "oz") nor of length or part
         * ("inch sub", "piece", "serving (2 tbsp)") */
        static const char *const parts[] = {"inch", "serving (", "piece", "pieces"};
        const char *m = food->portions[i].measure;
        const unit_def *u;
        size_t ul = unit_at(m, &u);
        int unit = food->portions[i].amount <= 0 || (ul && (m[ul] == ' ' || m[ul] == '\0'));
        for (size_t k = 0; k < sizeof parts / sizeof *parts && !unit; k++) {
            size_t pl = strlen(parts[k]);
            unit = strncmp(m, parts[k], pl) == 0 &&
                   (parts[k][pl - 1] == '(' || m[pl] == ' ' || m[pl] == '\0');
        }
        /* (but a serving that is one of it, "serving (1 hot pocket)", is) */
        const unit_def *bu;
        if (!strncmp(m, "serving (1 ", 11) && !unit_at(m + 11, &bu))
            unit = 0;
        /* nor a smaller edition of it ("miniature/bite size", "kids
         * serving"): the product as sold is the regular one */
        if (!unit && !measure_smaller_edition(m))
            p = &food->portions[i];
    }
    /* of a product sold in sizes, the medium one ("small serving" of
     * McDonald's fries is listed first) */
    for (unsigned i = 0; p && strstr(p->measure, "small") && i < food->portion_count; i++)
        if (strstr(food->portions[i].measure, "medium"))
            p = &food->portions[i];
    return p;
}

static kmgca_status typical_one(const kmgca_food *food, const kmgca_serving *s,
                                double *grams, char *how, size_t how_size, kmgca_error *err);

/* One typical serving of the food, or a little of one ("少许", "a little
 * rice": A_LITTLE of it, said) */
static kmgca_status typical_grams(const kmgca_food *food, const kmgca_serving *s,
                                  double *grams, char *how, size_t how_size, kmgca_error *err)
{
    if (!strstr(s->note, PH_A_LITTLE_READ))
        return typical_one(food, s, grams, how, how_size, err);
    kmgca_serving one = *s;
    one.amount = 1;
    one.note[0] = '\0';
    char whole[400] = "";
    kmgca_status st = typical_one(food, &one, grams, whole, sizeof whole, err);
    if (st != KMGCA_OK)
        return st;
    *grams *= s->amount;
    const char *said = whole;
    if (!strncmp(said, PH_NO_AMOUNT_WRITTEN, strlen(PH_NO_AMOUNT_WRITTEN)))
        said += strlen(PH_NO_AMOUNT_WRITTEN);
    while (*said == ':' || *said == ' ')
        said++;
    char amt[32], g[32];
    fmt_amount(amt, sizeof amt, s->amount);
    fmt_grams(g, sizeof g, *grams);
    if (how)
        snprintf(how, how_size, "%s: %s x %s = %s g", s->note, amt, said, g);
    return KMGCA_OK;
}

static kmgca_status typical_one(const kmgca_food *food, const kmgca_serving *s,
                                double *grams, char *how, size_t how_size, kmgca_error *err)
{
    if (recipe_grams(food, s, 1, grams, how, how_size))
        return KMGCA_OK;
    /* a sub sold by its length ("6 inch sub", "12 inch sub"): the shorter */
    const kmgca_portion *sub = shortest_by_length(food);
    if (sub) {
        char g[32], len[32];
        *grams = s->amount * sub->grams;
        fmt_grams(g, sizeof g, *grams);
        fmt_amount(len, sizeof len, sub->amount);
        if (how)
            snprintf(how, how_size, "%s" PH_ONE_TYPICAL_SERVING "%s g (" PH_USDA_MEASURE " \"%s %s\")",
                     s->note[0] ? s->note : PH_NO_AMOUNT_WRITTEN, g, len, sub->measure);
        return KMGCA_OK;
    }
    const kmgca_portion *p = branded_item(food);
    /* (a product eaten by the handful is no serving by its one piece: a
     * Goldfish cracker is 0.5 g) */
    if (p && p->grams / p->amount < 10)
        p = NULL;
    if (p) {
        char g[32];
        *grams = s->amount * p->grams / p->amount;
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s" PH_ONE_TYPICAL_SERVING "%s g (" PH_USDA_MEASURE " \"%s\")",
                     s->note[0] ? s->note : PH_NO_AMOUNT_WRITTEN, g, p->measure);
        return KMGCA_OK;
    }
    each e = {0};
    if (typical_each(food, s, &e)) {
        /* a name written in the plural whose typical serving is one piece
         * of it, a piece of a size people eat two of ("over easy eggs",
         * "sausage links", "pierogies"): two */
        each one;
        int two = !strcmp(s->detail, KMGCA_DETAIL_PLURAL) && e.grams_each >= 10 &&
                  e.grams_each <= 60 && !strstr(e.said, "serving") &&
                  !strstr(e.said, "Quantity not specified") && !strstr(e.said, "RACC") &&
                  (by_name(food, s, NULL, "item", NULL, &one) ||
                   resolve_concept(food, NULL, "item", NULL, 1, &one, 0)) &&
                  fabs(one.grams_each - e.grams_each) < 1e-9;
        char g[32];
        *grams = s->amount * e.grams_each * (two ? 2 : 1);
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s%s%s g (%s%s)",
                     s->note[0] ? s->note : PH_NO_AMOUNT_WRITTEN,
                     two ? PH_TWO_FOR_PLURAL : PH_ONE_TYPICAL_SERVING, g, two ? "2 x " : "",
                     e.said);
        return KMGCA_OK;
    }
    return kmgca_fail(err, KMGCA_ERROR_UNIT,
                      PH_NO_AMOUNT_WRITTEN ", and \"%s\" has no typical serving kmgca knows; give "
                      "the amount",
                      food->description);
}

/* 1 when a name says its edible part was weighed, not the food as bought:
 * 核桃仁, 瘦肉, 去壳, 剥好的 (but 排骨 and 鸡腿 keep their bones); and grapes,
 * whose skin TFDA counts as refuse and many eat. */
static int names_edible_part(const char *name)
{
    static const char *const edible[] = {"仁", "去壳", "去皮", "剥", "净", "果肉", "葡萄", "提子"};
    static const char *const bony[] = {"骨", "排", "蹄", "翅", "爪", "腿", "脖", "头"};
    for (size_t k = 0; k < sizeof edible / sizeof *edible; k++)
        if (strstr(name, edible[k]))
            return 1;
    if (!strstr(name, "肉"))
        return 0;
    for (size_t k = 0; k < sizeof bony / sizeof *bony; k++)
        if (strstr(name, bony[k]))
            return 0;
    return 1;
}

/* Noodle and dumpling shops sell a dish by the 两 of its noodles or dough
 * (二两热干面, 三两饺子), not by the bowl's weight: a recipe that says what
 * its 两 is, or a name whose 两 name_portions_zh.csv gives (饺子), weighs a
 * serving in 两 or 斤 (ten 两) by that. A food sold with what is not eaten
 * (a shell, a stone, bones: 一斤荔枝, 半斤虾) is weighed by the 斤 as bought,
 * its edible part being what TFDA's refuse rate leaves (portions.csv: "斤 as
 * bought"). 1 when weighed. */
static int shop_liang(const kmgca_food *food, const kmgca_serving *s, double *grams, char *how,
                      size_t how_size)
{
    int tai = !strcmp(s->unit, "台斤");   /* Taiwan's 斤, 600 g */
    int jin = !strcmp(s->unit, "斤") || tai;
    if (!(jin || !strcmp(s->unit, "两")))
        return 0;
    const kmgca_portion *bought = portion_of(food, MEASURE_AS_BOUGHT);
    if (bought && bought->amount > 0 && !names_edible_part(s->name)) {
        double per_jin = bought->grams / bought->amount;
        *grams = s->amount * (tai ? per_jin * 1.2 : jin ? per_jin : per_jin / 10);
        char amt[32], g[32];
        fmt_amount(amt, sizeof amt, s->amount);
        fmt_grams(g, sizeof g, *grams);
        if (how)
            snprintf(how, how_size, "%s %s = %s g (" PH_AS_BOUGHT "%.0f%%)", amt, s->unit, g,
                     per_jin / 5);
        return 1;
    }
    /* (a dry food's 两 is 50 g of it as written: the shop's 两 is the dry
     * noodles' weight, so "干面条二两", "挂面二两" are 100 g dry) */
    if (!food->recipe_count &&
        (!strcmp(kmgca_food_kind(food), "grain_dry") || !strncmp(food->description, "干", 3) ||
         text_find_ci(food->description, ", dry")))
        return 0;
    kmgca_serving liang = *s;
    liang.amount *= tai ? 12 : jin ? 10 : 1;
    copy_text(liang.unit, sizeof liang.unit, "两");
    /* (the name's own 两, or a shorter name's it ends with: 白菜猪肉饺子, 饺子) */
    const struct kmgca_name_portion *np = NULL;
    size_t cl = 1;
    for (const char *n = s->name; !food->recipe_count && *n && !np; n += cl) {
        np = name_portion_row(n, "两", NULL);
        if (utf8_decode(n, &cl) < 0 || cl == 0)
            cl = 1;
    }
    if (np)
        *grams = liang.amount * np->amount;
    else if (!food->recipe_count || !recipe_grams(food, &liang, 0, grams, NULL, 0))
        return 0;
    char amt[32], g[32];
    fmt_amount(amt, sizeof amt, s->amount);
    fmt_grams(g, sizeof g, *grams);
    if (how)
        snprintf(how, how_size, "%s %s = %s g (" PH_SHOP_LIANG ")", amt, s->unit, g);
    return 1;
}

kmgca_status kmgca_serving_grams(const kmgca_food *food, const kmgca_serving *s, double *grams,
                                 char *how, size_t how_size, kmgca_error *err)
{
    if (!food || !s || !grams)
        return kmgca_fail(err, KMGCA_ERROR_ARGUMENT, "no food, serving or result given");
    if (how && how_size)
        how[0] = '\0';
    *grams = NAN;
    if (!isfinite(s->amount) || s->amount < 0 || s->amount > MAX_AMOUNT)
        return kmgca_fail(err, KMGCA_ERROR_AMOUNT, "the amount must be a number from 0 to %g",
                          MAX_AMOUNT);
    /* An amount of -0 (a caller's negated zero) weighs 0 g, not "-0 g". */
    kmgca_serving zero_signed = *s;
    zero_signed.amount += 0.0;
    s = &zero_signed;
    kmgca_status st;
    switch (s->kind) {
    case KMGCA_UNIT_MASS: {
        char amt[32], g[32];
        /* (a soup's can or carton weighed on its label, "1 can (14.5
         * oz)", is net weight: soup is sold by weight) */
        static const char *const packs[] = {"can (", "tin (", "jar (", "pouch (", "carton (",
                                            "container (", "box (", "package ("};
        int label = 0;
        for (size_t k = 0; k < sizeof packs / sizeof *packs && !label; k++)
            label = strstr(s->note, packs[k]) != NULL;
        if (!strcmp(s->unit, "oz") && watery(food) &&
            !(label && !strcmp(kmgca_food_kind(food), "soup"))) {
            /* Ounces of a drink are fluid ounces. */
            kmgca_serving fl = *s;
            const unit_def *u = unit_named("fl oz");
            fl.kind = KMGCA_UNIT_VOLUME;
            fl.unit_factor = u->factor;
            copy_text(fl.unit, sizeof fl.unit, u->canonical);
            st = volume_grams(food, &fl, grams, how, how_size, err);
            if (st == KMGCA_OK && how && how_size)
                appendf(how, how_size, PH_FLUID_OUNCES);
            break;
        }
        if (shop_liang(food, s, grams, how, how_size)) {
            st = KMGCA_OK;
            break;
        }
        *grams = s->amount * s->unit_factor;
        fmt_amount(amt, sizeof amt, s->amount);
        fmt_grams(g, sizeof g, *grams);
        if (how && strcmp(s->unit, "g") == 0)
            snprintf(how, how_size, "%s" PH_G_AS_WRITTEN, amt);
        else if (how)
            snprintf(how, how_size, "%s %s = %s g", amt, s->unit, g);
        st = KMGCA_OK;
        break;
    }
    case KMGCA_UNIT_VOLUME:
        st = volume_grams(food, s, grams, how, how_size, err);
        break;
    case KMGCA_UNIT_PORTION:
    case KMGCA_UNIT_NONE:
        st = recipe_grams(food, s, 0, grams, how, how_size)
                 ? KMGCA_OK
                 : household_grams(food, s, grams, how, how_size, err);
        break;
    case KMGCA_UNIT_TYPICAL:
        st = typical_grams(food, s, grams, how, how_size, err);
        break;
    default:
        st = kmgca_fail(err, KMGCA_ERROR_UNIT, "unknown unit kind");
    }
    if (st == KMGCA_OK && how && how_size && s->note[0] && s->kind != KMGCA_UNIT_TYPICAL)
        appendf(how, how_size, " [%s]", s->note);
    /* A short `how` buffer cuts the sentence: never inside a character. */
    if (how && how_size)
        utf8_trim_end(how);
    return st;
}
