/* household.c — kinds of food, household words and what a container holds.
 *
 * The data are foodtables/kinds.csv, measure_words.csv and containers.csv
 * (see foodtables/PROVENANCE.md), compiled in by tools/embedtables; this
 * file only looks them up. Rule words arrive folded and keyed (text.c), so
 * comparing them is comparing strings.
 */
#include "internal.h"

#include <ctype.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Kinds (the rules themselves: kinds.c) ---------------------------- */

int kind_find(const char *name)
{
    for (size_t i = 0; i < kmgca_builtin_kind_count; i++)
        if (strcmp(kmgca_builtin_kinds[i], name) == 0)
            return (int)i;
    return -1;
}

const char *kmgca_food_kind(const kmgca_food *food)
{
    if (!food || food->kind >= kmgca_builtin_kind_count)
        return "other";
    return kmgca_builtin_kinds[food->kind];
}

/* ---- Household words ---------------------------------------------------- */

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A size of cup people write as a measure of its own: a coffee shop's
 * tall, grande and venti, and the Chinese 小杯, 中杯, 大杯 and 超大杯 (a
 * size word, then 杯). */
static const struct kmgca_measure_word *cup_size_at(const char *s, size_t *len)
{
    const struct kmgca_measure_word *m = measure_word_at(s, len);
    if (!m)
        return NULL;
    if ((unsigned char)s[0] >= 0x80) {
        /* A size, then 杯: "中杯", "超大杯". */
        size_t cl;
        const struct kmgca_measure_word *cup;
        if (m->concept[0] || !m->size[0] || !(cup = measure_word_at(s + *len, &cl)) ||
            strcmp(cup->concept, "cup") != 0)
            return NULL;
        *len += cl;
        return cup;
    }
    if (is_word_byte((unsigned char)s[*len]))
        return NULL;
    return !strcmp(m->concept, "tall") || !strcmp(m->concept, "grande") ||
                   !strcmp(m->concept, "venti")
               ? m
               : NULL;
}

static int is_open(const char *s, size_t *len)
{
    *len = s[0] == '(' ? 1 : strncmp(s, "（", 3) == 0 ? 3 : 0;
    return *len != 0;
}

static int is_close(const char *s, size_t *len)
{
    *len = s[0] == ')' ? 1 : strncmp(s, "）", 3) == 0 ? 3 : 0;
    return *len != 0;
}

/* text in lower case (ASCII letters; other bytes as they are) into low:
 * its length, or -1 when it does not fit. */
static long lower_copy(const char *text, char *low, size_t size)
{
    size_t n = strlen(text);
    if (n >= size)
        return -1;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)tolower((unsigned char)text[i]);
    return (long)n;
}

int serving_cup_size(const char *text, char *serving, size_t serving_size, char *rest,
                     size_t rest_size)
{
    char low[1024];
    long got = lower_copy(text, low, sizeof low);
    if (got < 0)
        return 0;
    size_t n = (size_t)got;
    for (size_t i = 0; i < n;) {
        size_t cl = 1, len;
        if ((unsigned char)low[i] >= 0x80)
            utf8_decode(low + i, &cl);
        int start = (unsigned char)low[i] >= 0x80 || i == 0 || !is_word_byte((unsigned char)low[i - 1]);
        if (!cl || !start || !cup_size_at(low + i, &len)) {
            i += cl ? cl : 1;
            continue;
        }
        /* The word, and brackets round it alone: "拿铁(大杯)". */
        size_t from = i, to = i + len, ol, cl2;
        size_t b = from;
        while (b > 0 && low[b - 1] == ' ')
            b--;
        size_t e = to;
        while (low[e] == ' ')
            e++;
        if (b > 0 && is_close(low + e, &cl2)) {
            for (size_t k = b; k-- > 0;)
                if (is_open(low + k, &ol) && k + ol == b) {
                    from = k;
                    to = e + cl2;
                    break;
                }
        }
        if ((size_t)snprintf(serving, serving_size, "1 %.*s", (int)len, text + i) >= serving_size ||
            (size_t)snprintf(rest, rest_size, "%.*s %s", (int)from, text, text + to) >= rest_size)
            return 0;
        char *t = text_trim(rest);
        memmove(rest, t, strlen(t) + 1);
        size_t rl = strlen(rest);
        while (rl && (rest[rl - 1] == ',' || rest[rl - 1] == ' ' || rest[rl - 1] == '-'))
            rest[--rl] = '\0';
        return rest[0] != '\0';
    }
    return 0;
}

int serving_size_bracket(const char *food_text, char *serving, size_t size)
{
    static const char *const sizes[][2] = {{"small", "small"},   {"medium", "medium"},
                                           {"regular", "medium"}, {"large", "large"},
                                           {"extra large", "extra large"}};
    /* the last bracket of the text, wherever it is ("French Fries
     * (Medium), 1 serving"); most texts have none */
    char low[256];
    char *close;
    if (!strchr(food_text, ')') || lower_copy(food_text, low, sizeof low) < 0 ||
        !(close = strrchr(low, ')')))
        return 0;
    size_t n = (size_t)(close - low) + 1;
    size_t open = n - 1;
    while (open && low[open - 1] != '(')
        open--;
    if (!open)
        return 0;
    const char *inner = low + open;
    size_t il = n - 1 - open;
    while (il && *inner == ' ')
        inner++, il--;
    while (il && inner[il - 1] == ' ')
        il--;
    const char *said = NULL;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes && !said; k++)
        if (il == strlen(sizes[k][0]) && !memcmp(inner, sizes[k][0], il))
            said = sizes[k][1];
    if (!said)
        return 0;
    /* The serving: nothing, a count, or a count of "serving" or "order". */
    char amount[32] = "1";
    const char *p = serving;
    while (*p == ' ')
        p++;
    size_t al = strspn(p, "0123456789./");
    if (al >= sizeof amount)
        return 0;
    if (al) {
        memcpy(amount, p, al);
        amount[al] = '\0';
        p += al;
    }
    while (*p == ' ')
        p++;
    static const char *const units[] = {"", "serving", "servings", "order", "orders"};
    int plain = 0;
    for (size_t k = 0; k < sizeof units / sizeof *units && !plain; k++)
        plain = !strcasecmp(p, units[k]);
    if (!plain)
        return 0;
    if ((size_t)snprintf(serving, size, "%s %s", amount, said) >= size)
        return 0;
    return 1;
}

int serving_cup_bracket(char *serving, size_t size)
{
    /* The bracket: open, a cup size, close, at the end of the serving. */
    char low[256];
    long got = lower_copy(serving, low, sizeof low);
    if (got < 0)
        return 0;
    size_t n = (size_t)got;
    for (size_t k = 0; k < n; k++) {
        size_t ol, cl, len;
        if (!is_open(low + k, &ol))
            continue;
        size_t w = k + ol;
        while (low[w] == ' ')
            w++;
        const struct kmgca_measure_word *m = cup_size_at(low + w, &len);
        size_t e = w + len;
        while (m && low[e] == ' ')
            e++;
        if (!m || !is_close(low + e, &cl) || low[e + cl])
            return 0;
        /* Before it, the count and the cup it sizes: "1杯", "2 cups". */
        size_t u = k;
        while (u > 0 && low[u - 1] == ' ')
            u--;
        size_t cup = u >= 3 && !strncmp(low + u - 3, "杯", 3)      ? 3
                     : u >= 4 && !strncmp(low + u - 4, "cups", 4) ? 4
                     : u >= 3 && !strncmp(low + u - 3, "cup", 3)  ? 3
                                                                  : 0;
        if (!cup)
            return 0;
        char out[256];
        if ((size_t)snprintf(out, sizeof out, "%.*s%s%.*s", (int)(u - cup), serving,
                             (unsigned char)low[w] >= 0x80 ? "" : " ", (int)len, serving + w) >=
            sizeof out)
            return 0;
        copy_text(serving, size, text_trim(out));
        return 1;
    }
    return 0;
}

/* ---- Containers --------------------------------------------------------- */

const struct kmgca_container *container_find(const char *word, const char *concept,
                                             unsigned char kind, const char *size, int need_amount)
{
    const struct kmgca_container *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < kmgca_builtin_container_count; i++) {
        const struct kmgca_container *c = &kmgca_builtin_containers[i];
        if (need_amount && isnan(c->amount))
            continue;
        int by_word = word && word[0] && strcmp(c->concept, word) == 0;
        if (!by_word && !(concept && concept[0] && strcmp(c->concept, concept) == 0))
            continue;
        if (c->kind && c->kind != kind)
            continue;
        if (c->size[0] && !(size && strcmp(c->size, size) == 0))
            continue;
        /* Kind first, then the word as written, then the size. */
        int score = 1 + (c->kind ? 8 : 0) + (by_word ? 4 : 0) + (c->size[0] ? 2 : 0);
        if (score > best_score) {
            best = c;
            best_score = score;
        }
    }
    return best;
}

/* ---- Names with portions of their own ------------------------------------ */

/* A name with a portion of its own counts only as the head of the food
 * text, the thing the rest describes: "pecans" and "Nuts, pecans" are
 * pecans, "pecan pie" is a pie; "猪肉饺子" is dumplings, "葡萄柚" no grape.
 *
 * Chinese: the name ends a run of Chinese characters outside brackets.
 * English: the name's words are the last words of the first comma part
 * (or of the second, after a group's name: "Nuts, pecans"), cut before
 * "on", "with", "in" ("avocado on toast") and without words that say only
 * the state or the piece ("walnut halves", "brazil nuts", "pecans, raw"). */

/* Chinese: 1 when name ends one of the runs of CJK characters of folded. */
/* The variant names and slips of words_zh.csv rewritten in place (弥猴桃 ->
 * 猕猴桃, 蕃茄 -> 番茄), as the matcher reads them, so that a name's portions
 * are found under the name the table writes. */
static void zh_rewrite(char *text, size_t size)
{
    char out[512];
    size_t o = 0;
    for (const char *p = text; *p;) {
        const struct kmgca_zh_word *hit = NULL;
        for (size_t w = 0; w < kmgca_builtin_zh_word_count && !hit; w++) {
            const struct kmgca_zh_word *z = &kmgca_builtin_zh_words[w];
            if (z->means[0] && z->kind != 'c' && !strncmp(p, z->written, strlen(z->written)))
                hit = z;
        }
        const char *put = hit ? hit->means : p;
        size_t n = hit ? strlen(hit->means) : 1, adv = hit ? strlen(hit->written) : 1;
        if (o + n >= sizeof out)
            break;
        memcpy(out + o, put, n);
        o += n;
        p += adv;
    }
    out[o] = '\0';
    copy_text(text, size, out);
}

/* folded with the words of who or when (chatter of words_zh.csv) that end a
 * run of Chinese taken off that end, up to three ("车厘子我吃了十来颗": 车厘子
 * ends its run), in out: names are looked for at the ends of runs. */
static void zh_trim_run_ends(const char *folded, char *out, size_t size)
{
    size_t o = 0;
    const char *p = folded, *run = NULL;
    for (;;) {
        size_t cl = 1;
        long cp = *p ? utf8_decode(p, &cl) : 0;
        int in_run = cp > 0 && is_cjk((unsigned long)cp);
        if (in_run && !run)
            run = p;
        if (!in_run && run) {
            const char *end = p;
            for (int cut = 0; cut < 3; cut++) {
                const char *before = NULL;
                for (size_t w = 0; w < kmgca_builtin_zh_word_count && !before; w++) {
                    const struct kmgca_zh_word *z = &kmgca_builtin_zh_words[w];
                    size_t wl = strlen(z->written);
                    if (z->kind == 'x' && (size_t)(end - run) > wl &&
                        !memcmp(end - wl, z->written, wl))
                        before = end - wl;
                }
                if (!before)
                    break;
                end = before;
            }
            size_t n = (size_t)(end - run);
            if (o + n + 1 >= size)
                break;
            memcpy(out + o, run, n);
            o += n;
            run = NULL;
        }
        if (!cp)
            break;
        if (!in_run) {
            if (o + cl + 1 >= size)
                break;
            memcpy(out + o, p, cl);
            o += cl;
        }
        p += cl;
    }
    out[o] = '\0';
}

static int zh_head_is(const char *folded, const char *name)
{
    size_t nl = strlen(name);
    int depth = 0;
    const char *p = folded, *run = NULL;
    for (;;) {
        size_t cl = 1;
        long cp = *p ? utf8_decode(p, &cl) : 0;
        int in_run = cp > 0 && depth == 0 && is_cjk((unsigned long)cp);
        if (!in_run && run) {
            if ((size_t)(p - run) >= nl && !memcmp(p - nl, name, nl))
                return 1;
            run = NULL;
        }
        if (!cp)
            return 0;
        if (cp == '(' || cp == 0xFF08 || cp == 0x3010)
            depth++;
        else if ((cp == ')' || cp == 0xFF09 || cp == 0x3011) && depth)
            depth--;
        else if (in_run && !run)
            run = p;
        p += cl;
    }
}

static int is_head_cut(const char *w)
{
    static const char *const cut[] = {"on", "with", "in", "and", "&", "plus", "over",
                                      "topped", "w/", "w", "served", "inside", "from",
                                      /* when it was eaten: "sherry before lunch",
                                       * "kipper for breakfast", "boerewors off
                                       * the braai" */
                                      "before", "after", "at", "during", "for", "off",
                                      "while", "when"};
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++)
        if (!strcmp(w, cut[i]))
            return 1;
    return 0;
}

/* Words after which a text says where or how it was eaten, not what. */
static int is_context_cut(const char *w)
{
    static const char *const cut[] = {"from", "served", "topped", "over", "inside"};
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++)
        if (!strcmp(w, cut[i]))
            return 1;
    return 0;
}

/* Keyed words that say the state or the piece, not the food. */
static int is_state_word(const char *key)
{
    static const char *const state[] = {"nut", "half", "halve", "piece", "kernel", "raw",
                                        "roasted", "salted", "toasted", "dry", "shelled",
                                        "whole", "fresh", "large", "small", "medium", "ripe",
                                        "plain", "chopped", "sliced", "unsalted", "dried",
                                        /* how it was cooked, written after: "chicken
                                         * breast baked" ("pot roast" keeps roast) */
                                        "baked", "grilled", "boiled", "steamed", "broiled",
                                        "poached", "cooked", "stewed", "sauteed", "fried",
                                        "microwaved", "reheated", "bbq", "barbecued"};
    for (size_t i = 0; i < sizeof state / sizeof state[0]; i++)
        if (!strcmp(key, state[i]))
            return 1;
    return 0;
}

/* 1 when words_en.csv drops the keyed word as naming no food ("lol"). */
static int is_chatter(const char *key)
{
    const struct kmgca_word_rewrite *hit = word_rewrite_find(key);
    return hit && !hit->means[0];
}

/* The head phrase of one comma part, as keyed words; returns their count. */
static size_t head_words_cut(const char *part, size_t len, char words[][TEXT_WORD_MAX],
                             size_t max, int cut);

static size_t head_words(const char *part, size_t len, char words[][TEXT_WORD_MAX], size_t max)
{
    return head_words_cut(part, len, words, max, 1);
}

/* The same, cut (cut != 0) at the words that join a dish's parts, or only
 * where the text turns to where or how it was eaten (cut == 0). */
static size_t head_words_cut(const char *part, size_t len, char words[][TEXT_WORD_MAX],
                             size_t max, int cut)
{
    char phrase[256];
    size_t o = 0;
    const char *p = part, *end = part + len;
    int depth = 0;
    while (p < end && o + 1 < sizeof phrase) {
        const char *w = p;
        while (p < end && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        char word[TEXT_WORD_MAX];
        copy_text(word, sizeof word, "");
        if (wl && wl < sizeof word) {
            memcpy(word, w, wl);
            word[wl] = '\0';
        }
        while (p < end && *p == ' ')
            p++;
        if (!wl)
            continue;
        if (!depth && o && (cut ? is_head_cut(word) : is_context_cut(word)))
            break;
        for (size_t k = 0; k < wl && o + 1 < sizeof phrase; k++) {
            if (w[k] == '(')
                depth++;
            else if (w[k] == ')' && depth)
                depth--;
            else if (!depth && w[k] != ')')
                phrase[o++] = w[k];
        }
        if (o + 1 < sizeof phrase && o && phrase[o - 1] != ' ')
            phrase[o++] = ' ';
    }
    phrase[o] = '\0';
    size_t n = text_words(phrase, words, NULL, max);
    /* Shorthand and spellings words_en.csv rewrites to one word ("brkfst",
     * "chook", "egs"), as the matcher reads them. */
    for (size_t i = 0; i < n; i++) {
        const struct kmgca_word_rewrite *hit = word_rewrite_find(words[i]);
        char one[2][TEXT_WORD_MAX];
        if (hit && hit->means[0] && !strchr(hit->means, ' ') &&
            text_words(hit->means, one, NULL, 2) == 1)
            strcpy(words[i], one[0]);
    }
    /* Chatter words_en.csv drops ("lol", "yum") and state words end no name. */
    while (n > 1 && (is_state_word(words[n - 1]) || is_chatter(words[n - 1])))
        n--;
    return n;
}

/* 1 when the first comma part of a description names a group of foods,
 * not the food ("Nuts, pecans", "Snacks, ..."), so the head comes after. */
static int is_category(const char *part, size_t len)
{
    static const char *const groups[] = {"nuts", "nut", "seeds", "snacks", "fruit", "fruits",
                                         "vegetables", "beverages", "cereals", "candies",
                                         "spices", "alcoholic beverage", "fast foods",
                                         "restaurant", "babyfood", "crackers", "cookies"};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (strlen(groups[i]) == len && !strncmp(part, groups[i], len))
            return 1;
    return 0;
}

static size_t words_in(const char *name)
{
    size_t k = 1;
    for (const char *c = name; *c; c++)
        k += *c == ' ';
    return k;
}

/* 1 when the words of name (keyed, space-separated) end words[0..n). */
static int ends_with_name(char words[][TEXT_WORD_MAX], size_t n, const char *name)
{
    size_t k = 1;
    for (const char *c = name; *c; c++)
        k += *c == ' ';
    if (k > n)
        return 0;
    const char *p = name;
    for (size_t i = n - k; i < n; i++) {
        size_t wl = strcspn(p, " ");
        if (strlen(words[i]) != wl || memcmp(words[i], p, wl) != 0)
            return 0;
        p += wl + (p[wl] ? 1 : 0);
    }
    return 1;
}

static int name_portion_scan(const char *food_text, char *out, size_t size);

/* Diaries name the same foods again and again: the last answers, per
 * thread (no lock), by the text's hash; a text that does not fit is looked
 * up every time. */
enum { NAME_MEMO = 256, NAME_MEMO_TEXT = 192 };
static __thread struct {
    char text[NAME_MEMO_TEXT];
    char name[48];
    signed char found;         /* -1 empty, 0 none, 1 found */
} name_memo[NAME_MEMO] = {[0 ... NAME_MEMO - 1] = {.found = -1}};

int name_portion_find(const char *food_text, char *out, size_t size)
{
    if (!food_text || !food_text[0] || size == 0)
        return 0;
    size_t len = strlen(food_text);
    if (len >= NAME_MEMO_TEXT)
        return name_portion_scan(food_text, out, size);
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)food_text[i]) * 0x100000001b3ULL;
    unsigned slot = (unsigned)(h % NAME_MEMO);
    if (name_memo[slot].found >= 0 && strcmp(name_memo[slot].text, food_text) == 0) {
        if (name_memo[slot].found)
            copy_text(out, size, name_memo[slot].name);
        return name_memo[slot].found;
    }
    char name[sizeof name_memo[0].name];
    int found = name_portion_scan(food_text, name, sizeof name);
    memcpy(name_memo[slot].text, food_text, len + 1);
    copy_text(name_memo[slot].name, sizeof name_memo[slot].name, found ? name : "");
    name_memo[slot].found = (signed char)found;
    if (found)
        copy_text(out, size, name);
    return found;
}

static int name_portion_scan(const char *food_text, char *out, size_t size)
{
    int cjk = text_has_cjk(food_text);
    char folded[512];
    text_fold(food_text, folded, sizeof folded);
    char trimmed[512] = "";
    if (cjk) {
        zh_rewrite(folded, sizeof folded);
        zh_trim_run_ends(folded, trimmed, sizeof trimmed);
        if (!strcmp(trimmed, folded))
            trimmed[0] = '\0';
    }
    /* The English head phrases: the first comma part, and the second when
     * the first is one word ("Nuts, pecans"). */
    char heads[2][16][TEXT_WORD_MAX], whole[24][TEXT_WORD_MAX];
    size_t nh[2] = {0, 0}, nwhole = 0;
    int heads_done = 0;
    const char *best = NULL;
    size_t best_len = 0;
    const char *prev = NULL;
    for (size_t i = 0; i < kmgca_builtin_name_portion_count; i++) {
        const char *name = kmgca_builtin_name_portions[i].name;
        if (prev && !strcmp(prev, name))
            continue;
        prev = name;
        size_t len = strlen(name);
        if (len <= best_len)
            continue;
        if ((unsigned char)name[0] >= 0x80) {
            if (cjk && (zh_head_is(folded, name) || (trimmed[0] && zh_head_is(trimmed, name))))
                best = name, best_len = len;
            continue;
        }
        if (!heads_done) {
            size_t l0 = strcspn(folded, ",");
            nh[0] = head_words(folded, l0, heads[0], 16);
            if (folded[l0] && is_category(folded, l0)) {
                {
                    const char *p2 = folded + l0 + 1;
                    nh[1] = head_words(p2, strcspn(p2, ","), heads[1], 16);
                }
            }
            nwhole = head_words_cut(folded, l0, whole, 24, 0);
            heads_done = 1;
        }
        /* "fish and chips", "beans on toast": a dish whose name reaches back
         * over the joining word ("and", "on", "with") ends the text as a whole
         * (not "egg roll" in "bacon & egg roll"). */
        /* ... or a name of the last part's own words, two past the joining
         * word ("salmon and avocado sushi hand roll": hand roll) */
        int and_only = strstr(folded, " and ") != NULL;
        static const char *const other_cuts[] = {" with ", " on ", " in ", " w ", " plus ",
                                                 " over ", " topped ", " served "};
        for (size_t k = 0; k < sizeof other_cuts / sizeof *other_cuts && and_only; k++)
            and_only = !strstr(folded, other_cuts[k]);
        size_t joined = and_only ? nh[0] + 1 : 0;
        if ((nh[0] && ends_with_name(heads[0], nh[0], name)) ||
            (nh[1] && ends_with_name(heads[1], nh[1], name)) ||
            (nwhole > nh[0] && words_in(name) > nwhole - nh[0] &&
             ends_with_name(whole, nwhole, name)) ||
            (joined && words_in(name) < nwhole && nwhole - words_in(name) >= joined &&
             ends_with_name(whole, nwhole, name)))
            best = name, best_len = len;
    }
    if (!best)
        return 0;
    copy_text(out, size, best);
    return 1;
}

static const struct kmgca_name_portion *name_row_exact(const char *name, const char *word,
                                                       const char *concept)
{
    const struct kmgca_name_portion *by_concept = NULL;
    for (size_t i = 0; i < kmgca_builtin_name_portion_count; i++) {
        const struct kmgca_name_portion *r = &kmgca_builtin_name_portions[i];
        if (strcmp(r->name, name) != 0)
            continue;
        if (word && word[0] && !strcmp(r->concept, word))
            return r;
        if (concept && !strcmp(r->concept, concept))
            by_concept = r;
    }
    return by_concept;
}

const struct kmgca_name_portion *name_portion_row(const char *name, const char *word,
                                                  const char *concept)
{
    const struct kmgca_name_portion *r = name_row_exact(name, word, concept);
    /* A stick (根, 条) of a thing counted by the item, and the reverse. */
    if (!r && concept && !strcmp(concept, "stick"))
        r = name_row_exact(name, NULL, "item");
    if (!r && concept && !strcmp(concept, "item"))
        r = name_row_exact(name, NULL, "stick");
    /* A takeaway tub of a dish ("the whole tub" of tikka masala, half the
     * carton of pilau rice) is one takeaway portion of it. */
    if (!r && concept && (!strcmp(concept, "tub") || !strcmp(concept, "carton")) &&
        (unsigned char)name[0] < 0x80) {
        r = name_row_exact(name, NULL, "item");
        if (!r)
            r = name_row_exact(name, NULL, "typical");
        if (r && !(r->amount >= 150))
            r = NULL;
    }
    return r;
}

const char *portion_name_of(const kmgca_food *food)
{
    if (!food || food < kmgca_builtin_made || food >= kmgca_builtin_made + kmgca_builtin_food_count)
        return NULL;
    int i = (int)(food - kmgca_builtin_made);
    size_t lo = 0, hi = kmgca_builtin_portion_name_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (kmgca_builtin_portion_names[mid].food < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < kmgca_builtin_portion_name_count && kmgca_builtin_portion_names[lo].food == i
               ? kmgca_builtin_portion_names[lo].name
               : NULL;
}

/* The length of text without the spaces that end it. */
static size_t trimmed_len(const char *text)
{
    size_t e = strlen(text);
    while (e && text[e - 1] == ' ')
        e--;
    return e;
}

/* ---- The state a weight was taken in -------------------------------------- */

/* Words after an amount that say the weight is of the food dry, raw or
 * cooked: "100g(干重)", "40 g dry", "150 g cooked weight". */
static const struct {
    const char *word;
    char state; /* 'd' dry, 'r' raw, 'c' cooked */
} weight_states[] = {
    {"干重", 'd'}, {"生重", 'r'}, {"熟重", 'c'}, {"干", 'd'}, {"生", 'r'}, {"熟", 'c'},
    {"dry weight", 'd'}, {"weighed dry", 'd'}, {"dry", 'd'}, {"uncooked", 'r'},
    {"raw weight", 'r'}, {"weighed raw", 'r'}, {"raw", 'r'}, {"cooked weight", 'c'},
    {"weighed cooked", 'c'}, {"cooked", 'c'},
    {"oats", 'd'},   /* "40g oats" of porridge: the oats weighed dry */
};

/* The state that ends `text` (brackets and spaces around it allowed): 'd',
 * 'r', 'c', or 0; *at gets where the words of it start (with the bracket and
 * spaces before), *word where the word itself does. */
static char state_at_end(const char *text, size_t *at, size_t *word)
{
    /* Every line passes here: a word of state ends in ')', '）', a letter
     * ending one (dry, raw, weight, cooked, oats) or a character of 干生熟重. */
    size_t e = trimmed_len(text);
    if (!e || (text[e - 1] != ')' && (unsigned char)text[e - 1] < 0x80 &&
               !strchr("dwyts", tolower((unsigned char)text[e - 1]))))
        return 0;
    char low[256];
    long got = lower_copy(text, low, sizeof low);
    if (got < 0)
        return 0;
    size_t n = (size_t)got;
    size_t cl;
    while (n && low[n - 1] == ' ')
        n--;
    if (n >= 3 && is_close(low + n - 3, &cl) && cl == 3)
        n -= 3;
    else if (n >= 1 && low[n - 1] == ')')
        n--;
    while (n && low[n - 1] == ' ')
        n--;
    for (size_t k = 0; k < sizeof weight_states / sizeof *weight_states; k++) {
        size_t wl = strlen(weight_states[k].word);
        if (wl > n || memcmp(low + n - wl, weight_states[k].word, wl) != 0)
            continue;
        /* An English word stands alone ("dry", not "sundry"). */
        if ((unsigned char)low[n - wl] < 0x80 && n > wl && is_word_byte((unsigned char)low[n - wl - 1]))
            continue;
        size_t s = n - wl, ol;
        while (s && low[s - 1] == ' ')
            s--;
        if (s >= 3 && is_open(low + s - 3, &ol) && ol == 3)
            s -= 3;
        else if (s >= 1 && low[s - 1] == '(')
            s--;
        *at = s;
        *word = n - wl;
        return weight_states[k].state;
    }
    return 0;
}

static int has_word(const char *text, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word))
        if ((p == text || !is_word_byte((unsigned char)p[-1])) &&
            !is_word_byte((unsigned char)p[wl]))
            return 1;
    return 0;
}

int serving_weight_state(const char *serving, char *food, size_t food_size)
{
    size_t at, word;
    char state = state_at_end(serving, &at, &word);
    /* "燕麦 干重", "pasta dry weight" (the amount written before the food). */
    if (!state && (state = state_at_end(food, &at, &word)) != 0) {
        /* only the words of weighing: "pasta dry", "花生仁（生）" and "饼干"
         * say it already, as the matcher reads them */
        if ((unsigned char)food[word] < 0x80 ? !strstr(food + word, "weigh")
                                              : strncmp(food + word + 3, "重", 3) != 0)
            return 0;
        food[at] = '\0';
        text_trim(food);
    }
    if (!state || !food[0])
        return 0;
    int zh = (unsigned char)food[0] >= 0x80;
    static const char *const zh_word[] = {"干", "生", "熟"};
    static const char *const en_word[] = {"dry", "raw", "cooked"};
    int k = state == 'd' ? 0 : state == 'r' ? 1 : 2;
    char low[1024];
    text_fold(food, low, sizeof low);
    /* the food says it already: "干挂面", "挂面(干)", "rice, dry" */
    char bracketed[2][8];
    snprintf(bracketed[0], sizeof bracketed[0], "(%s", zh_word[k]);
    snprintf(bracketed[1], sizeof bracketed[1], "（%s", zh_word[k]);
    if (zh ? !strncmp(food, zh_word[k], 3) || strstr(food, bracketed[0]) ||
                 strstr(food, bracketed[1])
           : has_word(low, en_word[k]))
        return 0;
    size_t n = strlen(food);
    if (zh)
        snprintf(food + n, food_size - n, "(%s)", zh_word[k]);
    else
        snprintf(food + n, food_size - n, ", %s", en_word[k]);
    return 1;
}

/* ---- Lean and fat written as a ratio --------------------------------------- */

int text_lean_ratio(const char *text, char *out, size_t size)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)text[i]) || (i > 0 && (isdigit((unsigned char)text[i - 1]) ||
                                                           text[i - 1] == '.' || text[i - 1] == '/')))
            continue;
        char *end;
        long lean = strtol(text + i, &end, 10);
        if (*end != '/' || !isdigit((unsigned char)end[1]))
            continue;
        char *end2;
        long fat = strtol(end + 1, &end2, 10);
        /* the ranges first: strtol saturates a long number, and the sum of
         * two such would overflow */
        if (*end2 == '.' || *end2 == '/' || *end2 == '%' || isalnum((unsigned char)*end2) ||
            lean < 50 || lean > 99 || fat < 1 || fat > 50 || lean + fat != 100)
            continue;
        /* "80/20": 80 % lean, 20 % fat, as the tables write ground meat */
        if ((size_t)snprintf(out, size, "%.*s%ld%% lean %ld%% fat%s", (int)i, text, lean, fat,
                             end2) >= size)
            return 0;
        return 1;
    }
    return 0;
}

/* ---- A size, a half or a container after the food ------------------------- */

int serving_trailing_size(const char *text, char *serving, size_t serving_size, char *rest,
                          size_t rest_size)
{
    static const struct {
        const char *word, *serving;
    } sizes[] = {
        {"half", "1/2"}, {"small", "1 small"}, {"medium", "1 medium"}, {"large", "1 large"},
        {"big", "1 large"}, {"quarter", "1/4"},
    };
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '.'))
        n--;
    size_t w = n;
    while (w && isalpha((unsigned char)text[w - 1]))
        w--;
    if (w == n || w == 0 || is_word_byte((unsigned char)text[w - 1]))
        return 0;
    /* or a container or measure word: "lager schooner", "coke can" */
    char word[24];
    const char *as_container = NULL;
    if (n - w < sizeof word) {
        for (size_t i = w; i < n; i++)
            word[i - w] = (char)tolower((unsigned char)text[i]);
        word[n - w] = '\0';
        size_t ml;
        const struct kmgca_measure_word *m = measure_word_at(word, &ml);
        const unit_def *u = NULL;
        /* the containers and cuts a food is served in, not words that name
         * a food of their own ("turkey sandwich", "fish stick", "granola bar") */
        static const char containers[] =
            " packet carton can plate bowl tub stubby schooner middy punnet pot mug glass "
            "cup bottle scoop slice dish handful scrape ";
        char key[32];
        if (m && ml == n - w && !m->size[0] && m->concept[0] &&
            (size_t)snprintf(key, sizeof key, " %s ", m->concept) < sizeof key &&
            strstr(containers, key))
            as_container = word;
        else if (unit_at(word, &u) == n - w && u->kind == KMGCA_UNIT_VOLUME)
            as_container = word; /* "beer pint", "tea cup" */
    }
    for (size_t k = 0; k <= sizeof sizes / sizeof *sizes; k++) {
        if (k == sizeof sizes / sizeof *sizes) {
            if (!as_container)
                break;
        } else if (strlen(sizes[k].word) != n - w ||
                   strncasecmp(text + w, sizes[k].word, n - w) != 0) {
            continue;
        }
        size_t e = w;
        while (e && (text[e - 1] == ' ' || text[e - 1] == ',' || text[e - 1] == '-'))
            e--;
        /* the food before it: letters, at least two of them, not ending in
         * a word that joins ("half and half", "a quarter of a", "cut in half") */
        size_t lw = e;
        while (lw && isalpha((unsigned char)text[lw - 1]))
            lw--;
        static const char *const joins[] = {"and", "or", "n", "with", "of", "a", "an", "in",
                                            "into", "the"};
        for (size_t j = 0; j < sizeof joins / sizeof *joins; j++)
            if (strlen(joins[j]) == e - lw && !strncasecmp(text + lw, joins[j], e - lw))
                return 0;
        if (e < 2 || !isalpha((unsigned char)text[e - 1]) || (lw > 0 && text[lw - 1] == '&') ||
            (size_t)snprintf(rest, rest_size, "%.*s", (int)e, text) >= rest_size ||
            (k < sizeof sizes / sizeof *sizes
                 ? (size_t)snprintf(serving, serving_size, "%s", sizes[k].serving)
                 : (size_t)snprintf(serving, serving_size, "1 %s", as_container)) >= serving_size)
            return 0;
        return 1;
    }
    return 0;
}

int serving_inner_size(const char *text, char *serving, size_t serving_size, char *rest,
                       size_t rest_size)
{
    static const char *const sizes[] = {"small", "medium", "large", "jumbo"};
    /* plain words only: a name with a comma, bracket or number is the
     * tables' or an app's ("Lima beans, large", "Eggs - Large boiled") */
    if (strpbrk(text, ",()0123456789/") || strstr(text, " - "))
        return 0;
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    size_t last = n;
    while (last && text[last - 1] != ' ')
        last--;
    if (!last)
        return 0;
    size_t e = last;
    while (e && text[e - 1] == ' ')
        e--;
    size_t w = e;
    while (w && text[w - 1] != ' ')
        w--;
    if (!w)
        return 0; /* "large eggs": the leading size is split.c's */
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        if (strlen(sizes[k]) != e - w || strncasecmp(text + w, sizes[k], e - w) != 0)
            continue;
        /* the size word; how many is not said ("grilled large shrimp" is no
         * single shrimp): the caller weighs a typical serving, or joins the
         * size to a count written apart ("Free Range Small Eggs", "2") */
        if ((size_t)snprintf(serving, serving_size, "%s", sizes[k]) >= serving_size ||
            (size_t)snprintf(rest, rest_size, "%.*s%.*s", (int)w, text, (int)(n - last),
                             text + last) >= rest_size)
            return 0;
        return 1;
    }
    return 0;
}

/* ---- An export's count of the food itself ---------------------------------- */

/* The word at s[0..len) with a plural s or es taken off, in lower case. */
static size_t singular(const char *s, size_t len, char *out, size_t size)
{
    if (len >= size)
        return 0;
    for (size_t i = 0; i < len; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    if (len > 3 && out[len - 1] == 's')
        len -= len > 4 && out[len - 2] == 'e' && out[len - 3] == 'o' ? 2 : 1;
    out[len] = '\0';
    return len;
}

int text_count_of_itself(const char *text, char *out, size_t size)
{
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    size_t w = n;
    while (w && isalpha((unsigned char)text[w - 1]))
        w--;
    size_t num = w;
    while (num && text[num - 1] == ' ')
        num--;
    size_t num_end = num;
    while (num && (isdigit((unsigned char)text[num - 1]) || text[num - 1] == '.' ||
                   text[num - 1] == '/'))
        num--;
    if (w == n || num == num_end || num == 0 || num_end == w ||
        !isdigit((unsigned char)text[num]))
        return 0;
    size_t c = num;
    while (c && text[c - 1] == ' ')
        c--;
    if (!c || text[c - 1] != ',')
        return 0;
    /* "Eggs - Large boiled, 2 egg": the word names the food before the comma */
    char unit[32], word[32];
    size_t ul = singular(text + w, n - w, unit, sizeof unit);
    if (ul < 3)
        return 0;
    for (size_t i = 0; i < c - 1;) {
        if (!isalpha((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < c - 1 && isalpha((unsigned char)text[e]))
            e++;
        size_t wl = singular(text + i, e - i, word, sizeof word);
        /* the word itself, or a compound that ends with it ("Cheeseburger,
         * 1 burger") */
        if ((wl == ul && !strcmp(word, unit)) ||
            (ul >= 4 && wl > ul && !strcmp(word + wl - ul, unit))) {
            if ((size_t)snprintf(out, size, "%.*s", (int)num_end, text) >= size)
                return 0;
            return 1;
        }
        i = e;
    }
    return 0;
}

/* ---- What was added to a food, cut from its text ----------------------------- */

/* The length of the longest of list that opens p, 0 when none does. */
static size_t longest_at(const char *p, const char *const *list, size_t n)
{
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        size_t l = strlen(list[k]);
        if (l > best && !strncmp(p, list[k], l))
            best = l;
    }
    return best;
}
#define LONGEST_AT(p, list) longest_at((p), (list), sizeof(list) / sizeof *(list))

/* text (low: lowered) with what was added to the food cut out: from its
 * joiner at `from` to `end`, when only a comma, a bracket or the end of the
 * text follows ("tea, milk, 2 sugars"; "tea and 2 sugars" is "tea"). 1 cut
 * into out, 0 when it cannot be, -1 when more follows (no cut). */
static int cut_added(const char *text, const char *low, size_t from, size_t end, char *out,
                     size_t size)
{
    while (low[end] == ' ')
        end++;
    if (low[end] && low[end] != ',' && low[end] != ')')
        return -1;
    size_t keep = from;
    while (keep > 0 && text[keep - 1] == ' ')
        keep--;
    if (!keep || (size_t)snprintf(out, size, "%.*s%s", (int)keep, text, text + end) >= size)
        return 0;
    return 1;
}

/* ---- The sugar in a drink ------------------------------------------------------ */

/* A word of sugar or sweetener at low[i] (as people write it in a tea or
 * coffee: "sugars", "sug.", "sweetners", "sacs"); its length, 0 when none. */
static size_t sugar_word(const char *low)
{
    static const char *const words[] = {"sugars", "sugar", "sugs", "sug", "sweeteners",
                                        "sweetener", "sweetners", "sweetner", "sweetenrs",
                                        "canderel", "splenda", "saccharin", "sacs"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t wl = strlen(words[k]);
        if (!strncmp(low, words[k], wl) && !isalpha((unsigned char)low[wl]))
            return wl + (low[wl] == '.');
    }
    return 0;
}

int text_drink_sugar(const char *text, char *out, size_t size)
{
    static const char *const drinks[] = {"tea",     "coffee",  "cuppa",  "brew",   "latte",
                                         "cappuccino", "americano", "flat white", "mocha",
                                         "chai",    "nescafe", "barrys", "barry's", "lyons",
                                         "tetley",  "pg tips", "yorkshire", "kenco",
                                         "hot chocolate", "cocoa", "espresso", "instant"};
    /* how many: a numeral, a word, "no", "half a" ... */
    static const char *const counts[] = {"no ",   "one ",   "two ",   "three ", "a ",
                                         "half a ", "half ", "1/2 ", "½ ", "1 ", "2 ",
                                         "3 ",    "4 ",     "1.5 ",   "a little ", "a bit of ",
                                         "some ", "1 tsp ", "2 tsp ", "1 tsp of ",
                                         "2 tsp of ", "a tsp of ", "a spoon of ",
                                         "1 spoon of ", "2 spoons of ", "1 teaspoon of ",
                                         "2 teaspoons of ", "a teaspoon of ", "without "};
    char low[512];
    long n = lower_copy(text, low, sizeof low);
    if (n < 0 || !(strstr(low, "sug") || strstr(low, "sweet") || strstr(low, "canderel") ||
                   strstr(low, "splenda") || strstr(low, "sac")))
        return 0;   /* most lines: no sugar */
    size_t drink_end = 0;
    for (size_t k = 0; k < sizeof drinks / sizeof *drinks; k++) {
        const char *p = strstr(low, drinks[k]);
        size_t dl = strlen(drinks[k]);
        if (p && (p == low || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[dl]) &&
            (!drink_end || (size_t)(p - low) + dl < drink_end))
            drink_end = (size_t)(p - low) + dl;
    }
    if (!drink_end)
        return 0;
    /* after the drink: a joiner (", ", " and ", " with ", " w/ ", " + "),
     * then a count, then the sugar; to the end or the next comma */
    for (size_t i = drink_end; low[i]; i++) {
        static const char *const joins[] = {", ", " and ", " with ", " w/ ", " w ", " + ",
                                            " & ", ",", " "};
        size_t jl = LONGEST_AT(low + i, joins);
        if (!jl)
            continue;
        size_t c = i + jl;
        while (low[c] == ' ')
            c++;
        size_t cl = LONGEST_AT(low + c, counts);
        size_t sw = sugar_word(low + c + cl);
        if (!sw)
            continue;
        size_t end = c + cl + sw;
        if (!strncmp(low + end, " in it", 6))
            end += 6;
        /* (not "tea with sugar cookies": more follows) */
        int cut = cut_added(text, low, i, end, out, size);
        if (cut >= 0)
            return cut;
    }
    return 0;
}

/* ---- A little fat or sauce added ---------------------------------------------- */

int text_small_addition(const char *text, char *out, size_t size)
{
    /* (not " and ": "toast and some jam" is a dish of its own) */
    /* (" in ": what it was cooked in, "scrambled in a little butter") */
    static const char *const joins[] = {" with ", " w/ ", " w ", ", ", " in "};
    static const char *const little[] = {"a little ", "a bit of ", "a knob of ", "a pat of ",
                                         "a dab of ", "a drizzle of ", "a dash of ",
                                         "a touch of ", "a smear of ", "a scrape of ",
                                         "a pinch of ", "a splash of ", "a little bit of ",
                                         "a squeeze of ", "a sprinkle of ", "some "};
    /* (no salt nor salty sauce: kmgca counts sodium too) */
    static const char *const added[] = {
        "butter", "margarine", "marg", "oil", "olive oil", "pepper", "vinegar", "lemon juice",
        "lemon", "lime", "sugar", "honey", "syrup", "maple syrup", "cooking spray", "spray",
        "flora", "lurpak", "brown sugar", "cinnamon", "ghee"};
    char low[512];
    long n = lower_copy(text, low, sizeof low);
    /* (every amount of little opens with "a " or "some " after a space:
     * most lines hold neither and are done) */
    if (n < 1 || (!strstr(low, " a ") && !strstr(low, " some ")))
        return 0;
    for (size_t i = 1; low[i]; i++) {
        size_t jl = LONGEST_AT(low + i, joins);
        if (!jl)
            continue;
        size_t c = i + jl, ll = LONGEST_AT(low + c, little);
        if (!ll)
            continue;
        size_t w = c + ll, al = 0;
        for (size_t k = 0; k < sizeof added / sizeof *added; k++) {
            size_t l = strlen(added[k]);
            if (l > al && !strncmp(low + w, added[k], l) && !isalpha((unsigned char)low[w + l]))
                al = l;
        }
        if (!al)
            continue;
        /* (not "with a little butter chicken": more follows) */
        int cut = cut_added(text, low, i, w + al, out, size);
        if (cut >= 0)
            return cut;
    }
    return 0;
}

/* ---- A drink and its milk, as coffee shops write them ----------------------- */

int text_drink_milk(const char *text, char *out, size_t size)
{
    static const char *const drinks[] = {"latte", "cappuccino", "flat white", "mocha",
                                         "macchiato", "americano", "coffee", "chai",
                                         "hot chocolate", "cortado", "frappuccino", "tea"};
    /* the words that say which milk, before "milk" */
    static const char *const kinds[] = {"skim",   "skimmed", "nonfat", "non-fat", "whole",
                                        "oat",    "soy",     "almond", "coconut", "low fat",
                                        "lowfat", "semi-skimmed", "semi skimmed", "full cream",
                                        "lactose free", "reduced fat", "breve"};
    char low[512];
    if (lower_copy(text, low, sizeof low) < 0 || !strstr(low, "milk"))
        return 0; /* most lines: no milk */
    size_t drink_end = 0;
    for (size_t k = 0; k < sizeof drinks / sizeof *drinks; k++) {
        const char *p = strstr(low, drinks[k]);
        if (p && (!drink_end || (size_t)(p - low) < drink_end))
            drink_end = (size_t)(p - low) + strlen(drinks[k]);
    }
    /* the first "milk" after the drink, a word of its own */
    const char *m = drink_end ? strstr(low + drink_end, "milk") : NULL;
    while (m && ((m > low && isalpha((unsigned char)m[-1])) || isalpha((unsigned char)m[4])))
        m = strstr(m + 4, "milk");
    if (!m)
        return 0;
    size_t start = (size_t)(m - low);
    /* with the words that say which milk: "2% milk", "oat milk" */
    size_t before = start;
    while (before > drink_end && low[before - 1] == ' ')
        before--;
    size_t w = before;
    while (w > drink_end && low[w - 1] != ' ' && low[w - 1] != ',')
        w--;
    int said = w < before && strchr(low + w, '%') && (size_t)(strchr(low + w, '%') - low) < before;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds && !said; k++) {
        size_t kl = strlen(kinds[k]);
        said = before >= drink_end + kl && !strncmp(low + before - kl, kinds[k], kl) &&
               (before - kl == drink_end || low[before - kl - 1] == ' ' ||
                low[before - kl - 1] == ',');
        if (said)
            w = before - kl;
    }
    if (said)
        start = w;
    /* what joins them: nothing, a space, ", " or " - "; "with" already
     * there says it ("latte with oat milk") */
    size_t join = start;
    while (join > drink_end && (low[join - 1] == ' ' || low[join - 1] == ',' ||
                                low[join - 1] == '-'))
        join--;
    if ((join >= 4 && !strncmp(low + join - 4, "with", 4)) ||
        (join >= 2 && !strncmp(low + join - 2, "w/", 2)))
        return 0;
    /* "Caffe Latte - 2% Milk", "Latte Grande 2% Milk, 16 oz": the latte
     * with that milk */
    if ((size_t)snprintf(out, size, "%.*s with %s", (int)join, text, text + start) >= size)
        return 0;
    return 1;
}
