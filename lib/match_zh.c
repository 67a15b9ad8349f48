/* match_zh.c — Chinese text to food.
 *
 * The Chinese part of the index: every Chinese name (aliases_zh.csv,
 * names_zh.csv, custom foods named in Chinese) folded to a key of its
 * ideographs, ASCII letters and digits (zh_key), up to three keys a name,
 * sorted for prefix lookups; built at the first Chinese text
 * (index_build_zh) or borrowed from the build-time index (index_borrow_zh).
 *
 * rank_chinese ranks foods for a Chinese line: the line as a name, else the
 * names inside it once its chatter is dropped and its variant words are
 * rewritten (words_zh.csv), a name that ends the line (the head of a
 * Chinese name is last) counting most.
 */
#include "match.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* 1 when text holds a Traditional character text_fold reads as another */
static int zh_traditional(const char *text)
{
    for (const char *p = text; *p;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        if (n == 3 && text_zh_traditional(cp) != cp)
            return 1;
        p += n ? n : 1;
    }
    return 0;
}

/* Folds a CJK name to its ideographs and ASCII letters and digits only. */
static void zh_key(const char *text, char *out, size_t size)
{
    char folded[1024];
    text_fold(text, folded, sizeof folded);
    size_t o = 0;
    for (const char *p = folded; *p;) {
        size_t n;
        long cp = utf8_decode(p, &n);
        if ((cp > 0 && is_cjk((unsigned long)cp)) || (cp > 0 && cp < 0x80 && isalnum((int)cp))) {
            if (o + n < size) {
                memcpy(out + o, p, n);
                o += n;
            }
        }
        p += n;
    }
    out[o] = '\0';
}

/* ---- Names written with a character of the same sound -------------------
 *
 * A voice keyboard, or a writer unsure of a character, writes a name with
 * another of the same sound (虾交 for 虾饺, 归零膏 for 龟苓膏, 皮蛋受肉粥):
 * pinyin.csv gives each character's readings. A reading matches another
 * exactly, or loosely as southern speech and voice keyboards blur them
 * (zh/z, ch/c, sh/s, n/l, -ang/-an, -eng/-en, -ing/-in). */

struct zh_sounds {
    int ready;                 /* 0 until filled; -1 out of memory */
    unsigned short *loose;     /* per syllable number: its loose number */
    size_t loose_count;
    uint32_t *start;           /* per loose number + 1: CSR into keys */
    uint32_t *keys;            /* key indexes by their first character's sound */
};

void zh_sounds_free(struct zh_sounds *z)
{
    if (!z)
        return;
    free(z->loose);
    free(z->start);
    free(z->keys);
    free(z);
}

/* A character's readings (syllable numbers + 1, 0 for none), or NULL. */
static const unsigned short *zh_readings(long cp)
{
    size_t lo = 0, hi = kmgca_builtin_pinyin_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        long c = kmgca_builtin_pinyin[mid].cp;
        if (c == cp)
            return kmgca_builtin_pinyin[mid].syl;
        if (c < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A syllable as loosely heard, in out. */
static void loose_syllable(const char *s, char *out, size_t size)
{
    char b[16];
    size_t o = 0;
    if ((s[0] == 'z' || s[0] == 'c' || s[0] == 's') && s[1] == 'h')
        s++, b[o++] = s[-1], s++;
    else if (s[0] == 'n' && s[1] && s[1] != 'g')
        b[o++] = 'l', s++;
    while (*s && o + 1 < sizeof b)
        b[o++] = *s++;
    b[o] = '\0';
    if (o >= 3 && b[o - 1] == 'g' && b[o - 2] == 'n' && strchr("aei", b[o - 3]))
        b[o - 1] = '\0';
    copy_text(out, size, b);
}

/* Fills the keys by sound, the first time a name is looked for by sound.
 * 1 when ready. */
static int zh_sounds_ready(const struct match_index *ix)
{
    struct zh_sounds *z = ix->zh_sounds;
    if (!z || z->ready)
        return z && z->ready > 0;
    z->ready = -1;
    size_t ns = kmgca_builtin_syllable_count;
    char (*heard)[16] = malloc((ns + 1) * sizeof *heard);
    if (!heard || !(z->loose = calloc(ns + 1, sizeof *z->loose))) {
        free(heard);
        return 0;
    }
    for (size_t i = 0; i < ns; i++) {
        loose_syllable(kmgca_builtin_syllables[i], heard[i], sizeof heard[i]);
        size_t j = 0;
        while (j < i && strcmp(heard[j], heard[i]) != 0)
            j++;
        z->loose[i + 1] = j < i ? z->loose[j + 1] : (unsigned short)++z->loose_count;
    }
    free(heard);
    /* the keys by each loose sound of their first character, counted then
     * placed */
    if (!(z->start = calloc(z->loose_count + 2, sizeof *z->start)))
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < ix->zh_count; k++) {
            size_t n;
            long cp = utf8_decode(ix->zh_keys[k], &n);
            const unsigned short *r = n == 3 ? zh_readings(cp) : NULL;
            for (int j = 0; r && j < 3 && r[j]; j++) {
                unsigned short l = z->loose[r[j]];
                int again = 0;
                for (int i = 0; i < j; i++)
                    again |= z->loose[r[i]] == l;
                if (again)
                    continue;
                if (pass == 0)
                    z->start[l + 1]++;
                else
                    z->keys[z->start[l]++] = (uint32_t)k;
            }
        }
        if (pass == 0) {
            for (size_t l = 1; l <= z->loose_count + 1; l++)
                z->start[l] += z->start[l - 1];
            if (!(z->keys = malloc((z->start[z->loose_count + 1] + 1) * sizeof *z->keys)))
                return 0;
        } else {
            /* placing moved each start to the next one's: back by one */
            memmove(z->start + 1, z->start, (z->loose_count + 1) * sizeof *z->start);
            z->start[0] = 0;
        }
    }
    z->ready = 1;
    return 1;
}

/* How character a (written) sounds against b (a name's): 3 the same
 * character, 2 a reading the same, 1 a reading loosely the same, 0 none. */
static int zh_sounds_like(const struct zh_sounds *z, long a, long b)
{
    if (a == b)
        return 3;
    const unsigned short *ra = zh_readings(a), *rb = zh_readings(b);
    if (!ra || !rb)
        return 0;
    int best = 0;
    for (int i = 0; i < 3 && ra[i]; i++)
        for (int j = 0; j < 3 && rb[j]; j++) {
            if (ra[i] == rb[j])
                return 2;
            if (z->loose[ra[i]] == z->loose[rb[j]])
                best = 1;
        }
    return best;
}

/* A Chinese key and its index, sorted by key then index: qsort needs no
 * context (several food sets may build their indexes at once). */
typedef struct {
    const char *key;
    uint32_t i;
} zh_sort_item;

static int cmp_zh_sorted(const void *a, const void *b)
{
    const zh_sort_item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The Chinese keys, sorted: built at the first Chinese text. 0 when built;
 * -1 out of memory. */
int index_build_zh(struct match_index *ix, const kmgca_foods *foods)
{
    /* Up to three keys per Chinese name: "马铃薯（土豆）" gives the whole
     * name, the name before the brackets and the bracketed other name. */
    size_t alias_count = foods_alias_count(foods);
    size_t zh_cap = 3 * alias_count + 1;
    ix->zh_keys = calloc(zh_cap, sizeof *ix->zh_keys);
    ix->zh_food = calloc(zh_cap, sizeof *ix->zh_food);
    ix->zh_score = calloc(zh_cap, sizeof *ix->zh_score);
    if (!ix->zh_keys || !ix->zh_food || !ix->zh_score)
        return -1;
    /* Chinese names: aliases and custom foods named in Chinese. */
    for (size_t a = 0; a < alias_count; a++) {
        struct kmgca_alias al = foods_alias_at(foods, a);
        const char *text = al.text;
        if (!text_has_cjk(text))
            continue;
        char whole[256], base[256] = "", inner[256] = "";
        zh_key(text, whole, sizeof whole);
        const char *open = strstr(text, "（");
        size_t open_len = 3;
        if (!open) {
            open = strchr(text, '(');
            open_len = 1;
        }
        if (open) {
            char part[256];
            size_t blen = (size_t)(open - text) < sizeof part ? (size_t)(open - text)
                                                               : sizeof part - 1;
            memcpy(part, text, blen);
            part[blen] = '\0';
            zh_key(part, base, sizeof base);
            copy_text(part, sizeof part, open + open_len);
            zh_key(part, inner, sizeof inner);
            /* One character in brackets is a state (生 raw, 煮 boiled), not a
             * name; a TFDA name's brackets say what kind (切片火腿(牛肉)), the
             * other names' may hold another name (马铃薯（土豆）). */
            unsigned char rk = al.rank;
            if (strlen(inner) <= 3 || rk == ALIAS_RANK_NAME || rk == ALIAS_RANK_COMMON)
                inner[0] = '\0';
        }
        /* An exact hit scores by the name's rank (internal.h ALIAS_RANK_*). */
        static const float by_rank[ALIAS_RANKS] = {1.0f, 0.998f, 0.995f, 0.99f, 0.97f};
        unsigned char rk = al.rank;
        float rank = by_rank[rk < ALIAS_RANKS ? rk : ALIAS_RANK_COMMON];
        /* a name written in Traditional characters folds onto the
         * Simplified one: below any name written so (蔥油餅, a recipe's
         * other name, is not TFDA's 葱油饼) */
        if (zh_traditional(text))
            rank *= 0.96f;
        const char *keys[3] = {whole, base, inner};
        const float scores[3] = {rank, 0.95f * rank, 0.95f * rank};
        for (int k = 0; k < 3; k++) {
            if (!keys[k][0] || (k > 0 && strcmp(keys[k], whole) == 0))
                continue;
            if (!(ix->zh_keys[ix->zh_count] = strdup(keys[k])))
                return -1;
            ix->zh_food[ix->zh_count] = al.food;
            ix->zh_score[ix->zh_count++] = scores[k];
        }
    }
    zh_sort_item *order = malloc((ix->zh_count + 1) * sizeof *order);
    if (!order || !(ix->zh_sorted = malloc((ix->zh_count + 1) * sizeof *ix->zh_sorted)) ||
        !(ix->zh_cooked = calloc(ix->zh_count + 1, 1))) {
        free(order);
        return -1;
    }
    for (size_t i = 0; i < ix->zh_count; i++)
        order[i] = (zh_sort_item){ix->zh_keys[i], (uint32_t)i};
    qsort(order, ix->zh_count, sizeof *order, cmp_zh_sorted);
    for (size_t i = 0; i < ix->zh_count; i++)
        ix->zh_sorted[i] = order[i].i;
    free(order);
    if (!(ix->zh_sounds = calloc(1, sizeof *ix->zh_sounds)))
        return -1;
    ix->zh_built = 1;
    return 0;
}

/* The Chinese keys borrowed from kmgca_builtin_index. 0 when ready; -1 out
 * of memory. */
int index_borrow_zh(struct match_index *ix)
{
    const struct match_prebuilt *pb = &kmgca_builtin_index;
    ix->zh_borrowed = 1;
    if (!(ix->zh_keys = malloc((pb->zh_count + 1) * sizeof *ix->zh_keys)) ||
        !(ix->zh_cooked = calloc(pb->zh_count + 1, 1)))
        return -1;
    for (size_t i = 0; i < pb->zh_count; i++)
        ix->zh_keys[i] = (char *)pb->zh_pool + pb->zh_key_at[i];
    ix->zh_count = pb->zh_count;
    ix->zh_food = (uint32_t *)pb->zh_food;
    ix->zh_score = (float *)pb->zh_score;
    ix->zh_sorted = (uint32_t *)pb->zh_sorted;
    if (!(ix->zh_sounds = calloc(1, sizeof *ix->zh_sounds)))
        return -1;
    ix->zh_built = 1;
    return 0;
}

/* 1 when the three bytes at s are a verb of cooking (炒 煎 蒸 煮 炖 烤 烧 炸
 * 卤 焖 拌 熬). */
static int zh_cooking_verb(const char *s)
{
    static const char verbs[] = "炒煎蒸煮炖烤烧炸卤焖拌熬";
    for (size_t i = 0; i + 3 <= sizeof verbs - 1; i += 3)
        if (!memcmp(s, verbs + i, 3))
            return 1;
    return 0;
}

/* Drops the chatter of a Chinese line (times, meals, verbs of eating) and
 * rewrites variant names, by foodtables/words_zh.csv, longest word first;
 * *cooked is set when a word says the food was cooked (粥, 炒, 蒸 …). The
 * key keeps ideographs and ASCII letters and digits; where chatter, a space
 * or punctuation stood it holds one '|', a boundary no name crosses. */
static void zh_clean_key(const char *text, char *out, size_t size, int *cooked)
{
    char folded[1024];
    text_fold(text, folded, sizeof folded);
    size_t o = 0;
    *cooked = 0;
    for (const char *p = folded; *p;) {
        const struct kmgca_zh_word *hit = NULL;
        for (size_t w = 0; w < kmgca_builtin_zh_word_count; w++) {
            const struct kmgca_zh_word *z = &kmgca_builtin_zh_words[w];
            if (strncmp(p, z->written, strlen(z->written)) != 0)
                continue;
            /* a cooking word counts even inside a longer word (炒了 -> 炒) */
            if (z->kind == 'c')
                *cooked = 1;
            else if (!hit)
                hit = z;
        }
        const char *put;
        size_t n, adv;
        if (hit) {
            adv = strlen(hit->written);
            put = hit->means[0] ? hit->means : "|";
            n = strlen(put);
        } else {
            long cp = utf8_decode(p, &adv);
            if (adv == 0)
                adv = 1;
            int keep = cp > 0 && (is_cjk((unsigned long)cp) || (cp < 0x80 && isalnum((int)cp)));
            put = keep ? p : "|";
            n = keep ? adv : 1;
        }
        if (*put == '|' && (o == 0 || out[o - 1] == '|'))
            n = 0;
        /* A cooking verb stays with its food across a space where a serving
         * was cut out ("炒了一盘年糕" -> "炒 年糕" -> 炒年糕). */
        if (*p == ' ' && n && o >= 3 && zh_cooking_verb(out + o - 3) &&
            (unsigned char)p[1] >= 0xE3)
            n = 0;
        if (o + n < size) {
            memcpy(out + o, put, n);
            o += n;
        }
        p += adv;
    }
    while (o > 0 && out[o - 1] == '|')
        o--;
    out[o] = '\0';
}

/* 1 when a name starting at key + start begins after a boundary: the start,
 * a '|' (chatter, space, punctuation), a measure word of measure_words.csv
 * (个 碗 份 盘 …), or a particle, verb or unit that cannot end a food's name. */
static int zh_bounded_before(const char *key, size_t start)
{
    static const char *const before[] = {
        "了", "的", "些", "点", "吃", "喝", "买", "打", "来", "做", "要", "和", "跟", "加",
        "啃", "下", "煮", "炖", "蒸", "炒", "煎", "烤", "泡", "俩", "倆", "仨", "個",
        "壶", "穗", "锅", "两", "斤"};
    if (start == 0 || key[start - 1] == '|')
        return 1;
    size_t prev = start - 1, len;
    while (prev > 0 && ((unsigned char)key[prev] & 0xC0) == 0x80)
        prev--;
    if (measure_word_at(key + prev, &len) && len == start - prev)
        return 1;
    for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
        size_t l = strlen(before[i]);
        if (start >= l && memcmp(key + start - l, before[i], l) == 0)
            return 1;
    }
    return 0;
}

/* The first sorted key index at or after key (binary search). */
static size_t zh_lower(const struct match_index *ix, const char *key, size_t len)
{
    size_t lo = 0, hi = ix->zh_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = ix->zh_keys[ix->zh_sorted[mid]];
        if (strncmp(k, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int zh_has_cooked_word(const char *key)
{
    for (size_t w = 0; w < kmgca_builtin_zh_word_count; w++)
        if (kmgca_builtin_zh_words[w].kind == 'c' && strstr(key, kmgca_builtin_zh_words[w].written))
            return 1;
    return 0;
}

/* 1 when key k holds a cooking word: worked out the first time it is asked
 * and kept (under the foods' lock, as the rest of the index). */
static int zh_key_cooked(const struct match_index *ix, uint32_t k)
{
    if (!ix->zh_cooked[k])
        ix->zh_cooked[k] = zh_has_cooked_word(ix->zh_keys[k]) ? 2 : 1;
    return ix->zh_cooked[k] == 2;
}

/* "NAME(Q)" with Q one or two Chinese characters of state or cooking (干,
 * 熟, 生, 鲜, 冻, 蒸, 煮, 炒 ...): "Q NAME" in out, 1; else 0. Full-width
 * brackets too. */
static int zh_bracket_first(const char *text, char *out, size_t size)
{
    static const char states[] = "干熟生鲜冻";
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    size_t close = 0, open_len = 0;
    if (len >= 1 && text[len - 1] == ')')
        close = 1;
    else if (len >= 3 && !memcmp(text + len - 3, "\xef\xbc\x89", 3))   /* ） */
        close = 3;
    if (!close)
        return 0;
    size_t inner_end = len - close, open = inner_end;
    while (open > 0 && text[open - 1] != '(' && !(open >= 3 && !memcmp(text + open - 3, "\xef\xbc\x88", 3)))
        open--;
    if (open == 0)
        return 0;
    open_len = text[open - 1] == '(' ? 1 : 3;
    size_t name_end = open - open_len, qlen = inner_end - open;
    /* ("带鱼（红烧的）": the 的 of how it was made) */
    if ((qlen == 6 || qlen == 9) && !memcmp(text + inner_end - 3, "的", 3))
        qlen -= 3;
    if (name_end == 0 || (qlen != 3 && qlen != 6) || qlen + name_end + 2 > size)
        return 0;
    const char *q = text + open;
    int known = zh_cooking_verb(q);
    for (size_t i = 0; !known && i + 3 <= sizeof states - 1; i += 3)
        known = !memcmp(q, states + i, 3);
    /* and a way of cooking of two characters: 鸡胸肉(水煮) */
    static const char *const ways[] = {"水煮", "清蒸", "白灼", "红烧", "清炒", "油炸", "凉拌",
                                       "白煮", "烤制", "卤制"};
    for (size_t i = 0; !known && qlen == 6 && i < sizeof ways / sizeof *ways; i++)
        known = !memcmp(q, ways[i], 6);
    if (!known || (unsigned char)q[qlen - 3] < 0xE3)
        return 0;
    /* 生 goes before the name, after a meal's label or chatter before it
     * ("晚餐 瘦猪肉(生)" is 晚餐 生瘦猪肉: a weight said 生重 appends it); the
     * other words go first as before ("晚 挂面(干)", appended for noodles by
     * the 两, stays the noodle dish's, not 晚 干挂面) */
    while (name_end > 0 && text[name_end - 1] == ' ')
        name_end--;     /* ("鸡胸肉 (生)": the name before the space) */
    if (!name_end)
        return 0;
    size_t ns = memcmp(q, "生", 3) == 0 ? name_end : 0;
    while (ns > 0 && text[ns - 1] != ' ' && text[ns - 1] != ':' &&
           !(ns >= 3 && (!memcmp(text + ns - 3, "\xef\xbc\x9a", 3) ||     /* ： */
                         !memcmp(text + ns - 3, "\xef\xbc\x8c", 3))))     /* ， */
        ns--;
    memcpy(out, text, ns);
    memcpy(out + ns, q, qlen);
    memcpy(out + ns + qlen, text + ns, name_end - ns);
    out[qlen + name_end] = '\0';
    return 1;
}

/* "红薯蒸", "马齿苋凉拌", "午餐肉煎了": a way of cooking written after the
 * food is read before it (蒸红薯, 凉拌马齿苋, 煎午餐肉): "VERB NAME" in out, 1;
 * else 0. The name before it is two Chinese characters at least. */
static int zh_verb_first(const char *text, char *out, size_t size)
{
    static const char *const two[] = {"凉拌", "红烧", "清蒸", "水煮", "爆炒", "干煸", "清炒",
                                      "油炸", "烧烤", "焖煮", "蒸熟", "煮熟", "炒熟", "煮烂",
                                      "蒸烂", "炖烂"};
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    /* ("西兰花 煮烂的", "红薯蒸的": the 的 of a clause of how it was made) */
    if (len >= 3 && !memcmp(text + len - 3, "的", 3))
        len -= 3;
    if (len >= 3 && (!memcmp(text + len - 3, "了", 3) || !memcmp(text + len - 3, "咗", 3)))
        len -= 3;
    size_t vlen = 0;
    for (size_t k = 0; k < sizeof two / sizeof *two && !vlen; k++)
        if (len >= 6 && !memcmp(text + len - 6, two[k], 6))
            vlen = 6;
    if (!vlen && len >= 3 && zh_cooking_verb(text + len - 3))
        vlen = 3;
    size_t name = len - vlen;
    while (name && text[name - 1] == ' ')
        name--;     /* ("西兰花 煮烂") */
    if (!vlen || name < 6 || name + vlen + 1 > size)
        return 0;
    for (size_t i = 0; i < name; i++)
        if ((unsigned char)text[i] < 0x80)
            return 0;  /* a name of Chinese characters only */
    /* the name must not end in a cooking word itself (炒饭蒸: leave it) */
    if (zh_cooking_verb(text + name - 3))
        return 0;
    /* (煮烂 is 煮: 煮西兰花) */
    size_t vout = vlen == 6 && !memcmp(text + len - 3, "烂", 3) ? 3 : vlen;
    memcpy(out, text + len - vlen, vout);
    memcpy(out + vout, text, name);
    out[vout + name] = '\0';
    return 1;
}

/* 1 when the line's key cooks its food only by boiling or steaming (煮, 蒸),
 * no other way (烤, 炒, 炸, 煎). */
static int zh_boiled_only(const char *key)
{
    return (strstr(key, "煮") || strstr(key, "蒸")) && !strstr(key, "烤") &&
           !strstr(key, "炒") && !strstr(key, "炸") && !strstr(key, "煎");
}

/* What key k scores found at key[start, end) of the line's key (klen long,
 * chars characters in the span): a name that is the whole line scores as
 * itself; else the head of the line after chatter or a boundary counts
 * most, a name with a modifier before it less, one inside the line least.
 * cooked: 1 when the line has a cooking word, 2 when it only boils or
 * steams (zh_boiled_only). */
static double zh_span_score(const kmgca_foods *foods, const struct match_index *ix,
                            const char *key, size_t klen, size_t start, size_t end, size_t chars,
                            int cooked, uint32_t k)
{
    if (start == 0 && end == klen)
        return ix->zh_score[k];
    int suffix = end == klen || key[end] == '|';
    double cover = (double)(end - start) / (double)klen, score;
    if (suffix && zh_bounded_before(key, start))
        /* the head of the line, after chatter: 食堂打了份鱼香肉丝 */
        score = chars >= 3 ? 0.95 : chars == 2 ? 0.9 : 0.65;
    else if (suffix)
        score = 0.9 * (0.45 + 0.5 * cover);  /* a modifier before it */
    else
        score = 0.75 * cover;
    score *= ix->zh_score[k];
    /* (not when the line only boils or steams it, cooked == 2, and the
     * name's food is a cooked one: 煮挂面 is 挂面, cooked pasta; 烤红薯 is
     * not boiled 红薯) */
    if (cooked && !zh_key_cooked(ix, k) &&
        !(cooked == 2 && eaten_cooked_food(foods_food(foods, ix->zh_food[k]))))
        score *= 0.75;
    /* a name in an earlier clause is less likely what was eaten:
     * 懒得做饭，泡了一桶方便面 */
    if (memchr(key + end, '|', klen - end) && strchr(key + end, '|')[1] != '\0')
        score *= 0.85;
    return score;
}

#define SOUND_SAME 0.85   /* a name written with characters of its sound */
#define SOUND_MOSTLY 0.8  /* ... most of them */
#define SOUND_LOOSE 0.75  /* ... or of a sound loosely the same */
#define SOUND_NEEDED 0.7  /* ... looked for when no name found scores this */

/* 1 for the characters of grammar and of every sentence (太 很 了 的 …): a
 * writer who puts one means it, not a name's character of its sound. */
static int zh_function_char(long cp)
{
    static const char chars[] = "太很好真都也就还才又不没了的吧吗呢啊呀是在我他她你们这个些把被给"
                                "和跟再多少点";
    char c[4];
    if (cp < 0x800 || cp > 0xFFFF)
        return 0;
    utf8_encode((unsigned long)cp, c);
    for (size_t i = 0; i + 3 <= sizeof chars - 1; i += 3)
        if (!memcmp(chars + i, c, 3))
            return 1;
    return 0;
}

/* Names in the line's key written with other characters of their sound
 * (zh_sounds_like): two characters at least, at least half of them as
 * written, three at least when a sound is only loosely the same; scored
 * as zh_span_score, times SOUND_SAME or SOUND_LOOSE. */
static void zh_by_sound(const kmgca_foods *foods, const struct match_index *ix, const char *key,
                        int cooked, ranked *top, size_t *n, size_t max)
{
    if (!zh_sounds_ready(ix))
        return;
    const struct zh_sounds *z = ix->zh_sounds;
    size_t klen = strlen(key);
    long text[128];
    size_t at[129], nt = 0;
    for (const char *p = key; *p && nt < 128;) {
        size_t adv;
        at[nt] = (size_t)(p - key);
        text[nt++] = utf8_decode(p, &adv);
        p += adv ? adv : 1;
    }
    at[nt] = klen;
    for (size_t i = 0; i + 1 < nt; i++) {
        const unsigned short *r = zh_readings(text[i]);
        unsigned short seen[3] = {0, 0, 0};
        for (int j = 0; r && j < 3 && r[j]; j++) {
            unsigned short l = z->loose[r[j]];
            if (l == seen[0] || l == seen[1])
                continue;
            seen[j] = l;
            for (uint32_t q = z->start[l]; q < z->start[l + 1]; q++) {
                uint32_t k = z->keys[q];
                const char *a = ix->zh_keys[k];
                size_t m = 0, same = 0, loose = 0, alen = 0;
                for (const char *c = a; *c; c++)
                    alen += ((unsigned char)*c & 0xC0) != 0x80;
                int fits = 1;
                for (const char *p = a; *p && fits; m++) {
                    size_t adv;
                    long cp = utf8_decode(p, &adv);
                    p += adv ? adv : 1;
                    int like = i + m < nt ? zh_sounds_like(z, text[i + m], cp) : 0;
                    /* (a word of every sentence is itself: 太油了 is no 大油;
                     * but not inside a longer name: 干炒牛和 is 干炒牛河) */
                    if (like && like < 3 && zh_function_char(text[i + m]) && (m == 0 || alen < 3))
                        like = 0;
                    fits = like > 0;
                    same += like == 3;
                    loose += like == 1;
                }
                /* (two of three written otherwise only when each sounds the
                 * same: 归零膏 is 龟苓膏) */
                if (!fits || m < 2 || same == m || !same || (2 * same < m && (loose || m < 3)) ||
                    (loose && m < 3))
                    continue;
                double score = zh_span_score(foods, ix, key, klen, at[i], at[i + m], m, cooked, k);
                score *= loose ? SOUND_LOOSE : 2 * same < m ? SOUND_MOSTLY : SOUND_SAME;
                ranked_offer(foods, top, n, max, (ranked){ix->zh_food[k], score});
            }
        }
    }
}

#define OTHER_ORDER 0.9   /* a dish's name with its two foods the other way round */

/* The foods named exactly by name, each offered at score times its rank. */
static void zh_offer_named(const kmgca_foods *foods, const struct match_index *ix,
                           const char *name, double score, ranked *top, size_t *n, size_t max)
{
    size_t len = strlen(name);
    for (size_t i = zh_lower(ix, name, len + 1); len && i < ix->zh_count; i++) {
        uint32_t k = ix->zh_sorted[i];
        if (strcmp(ix->zh_keys[k], name) != 0)
            break;
        ranked_offer(foods, top, n, max, (ranked){ix->zh_food[k], score * ix->zh_score[k]});
    }
}

/* The last part of the key (after its last '|'), "A炒B" with a character
 * at least each side: the dishes named "B炒A", and "A炒B" or
 * "B炒A" with the meat's cut said otherwise (肉, 肉片, 肉丝 and 肉丁 are one
 * cut for a name), at OTHER_ORDER. */
static void zh_stir_fry_other_order(const kmgca_foods *foods, const struct match_index *ix,
                                    const char *key, ranked *top, size_t *n, size_t max)
{
    const char *seg = strrchr(key, '|');
    seg = seg ? seg + 1 : key;
    const char *fry = strstr(seg, "炒");
    if (!fry || fry - seg < 3 || strlen(fry + 3) < 3 || strstr(fry + 3, "炒") ||
        strlen(seg) > 90)
        return;
    char sides[2][100];
    snprintf(sides[0], sizeof sides[0], "%.*s", (int)(fry - seg), seg);
    snprintf(sides[1], sizeof sides[1], "%.90s", fry + 3);
    static const char *const cuts[] = {"肉片", "肉丝", "肉丁", "肉"};
    /* each side as written, then with each other cut of its meat */
    char forms[2][5][100];
    size_t nf[2];
    for (int sd = 0; sd < 2; sd++) {
        nf[sd] = 0;
        snprintf(forms[sd][nf[sd]++], 100, "%.90s", sides[sd]);
        for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
            size_t sl = strlen(sides[sd]), cl = strlen(cuts[c]);
            if (sl < cl || strcmp(sides[sd] + sl - cl, cuts[c]) != 0)
                continue;
            for (size_t o = 0; o < sizeof cuts / sizeof *cuts; o++)
                if (o != c && nf[sd] < 5)
                    snprintf(forms[sd][nf[sd]++], 100, "%.*s%s", (int)(sl - cl) & 127,
                             sides[sd], cuts[o]);
            break;
        }
    }
    for (size_t a = 0; a < nf[0]; a++)
        for (size_t b = 0; b < nf[1]; b++) {
            char name[256];
            if (a || b) {   /* (as written it was looked up already) */
                snprintf(name, sizeof name, "%.99s炒%.99s", forms[0][a], forms[1][b]);
                zh_offer_named(foods, ix, name, OTHER_ORDER, top, n, max);
            }
            snprintf(name, sizeof name, "%.99s炒%.99s", forms[1][b], forms[0][a]);
            zh_offer_named(foods, ix, name, OTHER_ORDER, top, n, max);
        }
}

/* Ranks foods for Chinese text: the whole text as a name, else the names
 * found inside it.  A Chinese name puts its head last (牛肉面 is noodles,
 * 番茄炒蛋 an egg dish), so a name that ends the text counts for more than
 * one at its start; a name without the cooking word the text has (小米 in
 * 小米粥) counts for less.  One character alone counts only as the head. */
size_t rank_chinese(const kmgca_foods *foods, const struct match_index *ix,
                    const char *text, ranked *top, size_t max, int *by_sound)
{
    *by_sound = 0;
    char key[1024];
    int cooked;
    size_t n = 0;
    /* The text as written first: a name of the tables is itself even when
     * words_zh.csv would rewrite or drop a part of it (蕃茄酱). */
    zh_key(text, key, sizeof key);
    size_t klen = strlen(key);
    for (size_t i = zh_lower(ix, key, klen + 1); klen && i < ix->zh_count; i++) {
        uint32_t k = ix->zh_sorted[i];
        if (strcmp(ix->zh_keys[k], key) != 0)
            break;
        ranked_offer(foods, top, &n, max, (ranked){ix->zh_food[k], ix->zh_score[k]});
    }
    /* "挂面(干)", "鸡胸肉（熟）", "红薯(蒸)": a state or a way of cooking
     * in brackets after the name is read before it, as 干挂面, 熟鸡胸肉 (a
     * table name with brackets was looked up as written above). */
    char moved[1024];
    /* (not when the text, its chatter out, is a name that ends in the way
     * of cooking: "吃海蛎煎" is 海蛎煎, not 煎海蛎) */
    zh_clean_key(text, key, sizeof key, &cooked);
    klen = strlen(key);
    size_t first = klen ? zh_lower(ix, key, klen + 1) : ix->zh_count;
    int named = first < ix->zh_count && strcmp(ix->zh_keys[ix->zh_sorted[first]], key) == 0;
    if (!n && !named &&
        (zh_bracket_first(text, moved, sizeof moved) || zh_verb_first(text, moved, sizeof moved))) {
        zh_clean_key(moved, key, sizeof key, &cooked);
        klen = strlen(key);
    }
    if (!klen)
        return n;
    if (cooked && zh_boiled_only(key))
        cooked = 2;   /* (zh_span_score) */
    for (size_t start = 0; start < klen;) {
        size_t step = 1;
        while ((key[start + step] & 0xC0) == 0x80)
            step++;
        size_t chars = 0;    /* in key[start, end) */
        for (size_t end = start + step; end <= klen;) {
            size_t len = end - start;
            int whole = start == 0 && end == klen;
            int suffix = end == klen || key[end] == '|';
            chars++;
            if (key[end - 1] == '|')
                break;
            if (whole || suffix || len >= 6) {
                for (size_t i = zh_lower(ix, key + start, len); i < ix->zh_count; i++) {
                    uint32_t k = ix->zh_sorted[i];
                    const char *a = ix->zh_keys[k];
                    if (strncmp(a, key + start, len) != 0)
                        break;
                    if (a[len] != '\0')
                        continue;
                    double score = zh_span_score(foods, ix, key, klen, start, end, chars, cooked, k);
                    ranked_offer(foods, top, &n, max, (ranked){ix->zh_food[k], score});
                }
            }
            if (end == klen)
                break;
            end++;
            while (end < klen && (key[end] & 0xC0) == 0x80)
                end++;
        }
        start += step;
    }
    /* A stir-fry of two foods named in the other order, or its meat cut
     * otherwise (青菜炒香菇 for 香菇炒青菜, 土豆炒肉片 for 土豆炒肉): that
     * dish, a little less surely than its own name */
    if (!n || top[0].score < 0.9)
        zh_stir_fry_other_order(foods, ix, key, top, &n, max);
    /* Nothing inside surely: names written with characters of their sound
     * (虾交 for 虾饺) */
    if (!n || top[0].score < SOUND_NEEDED) {
        ranked was = n ? top[0] : (ranked){0, -1};
        zh_by_sound(foods, ix, key, cooked, top, &n, max);
        *by_sound = n && (top[0].food != was.food || top[0].score > was.score);
    }
    /* Nothing inside: names that hold the whole text, as candidates. */
    if (!n && klen >= 6)
        for (size_t i = 0; i < ix->zh_count; i++) {
            const char *a = ix->zh_keys[i];
            if (strstr(a, key))
                ranked_offer(foods, top, &n, max,
                      (ranked){ix->zh_food[i], 0.5 * (double)klen / (double)strlen(a)});
        }
    return n;
}

