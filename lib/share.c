/* share.c - a food shared with others: "split a bottle of red with Jim",
 * "we shared a slice of cheesecake", "和老伴分着吃了一条鲈鱼". The text
 * without the words of sharing, and how many shared it; kmgca_weigh then
 * counts one person's part of what was written (line.c). */

#include "internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* words after "with" that name people, not a food ("with mum", "with the
 * kids"); a group counts no number of people */
static const char *const persons[] = {
    "my",      "mum",      "mom",      "mam",     "mother",  "dad",     "father", "hubby",
    "husband", "wife",     "partner",  "son",     "daughter", "sister", "brother", "friend",
    "a",       "mate",     "gran",     "nan",     "grandma", "grandpa", "grandson",
    "granddaughter", "him", "her",     "them",    "neighbour", "neighbor", "carer",  "boyfriend",
    "girlfriend", "auntie", "uncle",   "the",     "other",   "half",    "missus", "bf", "gf"};
static const char *const groups[] = {"kids",   "children", "grandkids", "family",  "everyone",
                                     "friends", "guests",  "team",      "colleagues", "workmates",
                                     "lads",    "girls",   "all",       "grandchildren", "table"};

static int word_in(const char *p, size_t n, const char *const *words, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(words[k]) == n && !strncasecmp(p, words[k], n))
            return 1;
    return 0;
}

/* the end of the clause that holds p: a comma, a full stop, a dash between
 * spaces, a bracket, or the end */
static const char *clause_end(const char *p)
{
    while (*p && !strchr(",.;!?()", *p) && strncmp(p, " - ", 3))
        p++;
    return p;
}

/* the number a word of people says: "two", "3" */
static int people_word(const char *p, size_t n)
{
    static const char *const words[] = {"two", "three", "four", "five", "six"};
    if (n == 1 && p[0] >= '2' && p[0] <= '9')
        return p[0] - '0';
    for (int k = 0; k < 5; k++)
        if (strlen(words[k]) == n && !strncasecmp(p, words[k], n))
            return k + 2;
    return -1;
}

/* "with mum", "with Jim and Sue", "with the kids" from p (just after the
 * "with "): 1 when the words up to the clause's end name people, with the
 * count of those who shared in *people (0: a group, how many unknown) */
static int with_people(const char *p, const char *end, int *people)
{
    int others = 1, words = 0, group = 0;
    for (const char *q = p; q < end;) {
        if (!isalpha((unsigned char)*q)) {
            if (*q == '&')
                others++;
            q++;
            continue;
        }
        size_t n = 0;
        while (q + n < end && (isalpha((unsigned char)q[n]) || q[n] == '\''))
            n++;
        words++;
        if (n == 3 && !strncasecmp(q, "and", 3))
            others++;
        else if (word_in(q, n, groups, sizeof groups / sizeof *groups))
            group = 1;
        else if (!word_in(q, n, persons, sizeof persons / sizeof *persons) &&
                 !(isupper((unsigned char)*q) && n >= 2) && !(n > 2 && !strncasecmp(q + n - 2, "'s", 2)))
            return 0;   /* a word that names no one: "with cheese" */
        q += n;
    }
    if (!words || words > 5)
        return 0;
    *people = group ? 0 : others + 1;
    return 1;
}

static int english_shared(const char *text, char *rest, size_t size, int *people)
{
    static const char *const verbs[] = {"shared", "split", "sharing", "splitting"};
    static const char *const then[] = {"a", "an", "the", "my", "our", "his", "her", "one",
                                       "half", "some", "two", "2", "1", "bottle", "plate",
                                       "pizza", "bag", "box", "pot", "tin", "can", "portion"};
    char out[1100];
    size_t o = 0;
    int found = 0, count = 2;
    const char *p = text;
    while (*p && o + 8 < sizeof out) {
        int boundary = p == text || !isalpha((unsigned char)p[-1]);
        size_t n = 0;
        while (boundary && isalpha((unsigned char)p[n]))
            n++;
        /* "shared a ...", "split the ..." (not "split pea soup") */
        if (n && !found && word_in(p, n, verbs, sizeof verbs / sizeof *verbs) && p[n] == ' ') {
            size_t m = 0;
            while (isalnum((unsigned char)p[n + 1 + m]))
                m++;
            if (m && word_in(p + n + 1, m, then, sizeof then / sizeof *then)) {
                memcpy(out + o, "had", 3);
                o += 3;
                p += n;
                found = 1;
                /* "... with mum": the people it was shared with */
                const char *end = clause_end(p);
                const char *w = NULL;
                for (const char *q = p; q + 6 <= end; q++)
                    if (!strncasecmp(q, " with ", 6))
                        w = q;
                int k;
                if (w && with_people(w + 6, end, &k)) {
                    size_t keep = (size_t)(w - p);
                    if (o + keep >= sizeof out)
                        return 0;
                    memcpy(out + o, p, keep);
                    o += keep;
                    p = end;
                    count = k;
                }
                continue;
            }
        }
        /* "... shared with Sue", "..., split with mum", "(shared)",
         * "between us", "between the three of us", "half each" */
        if (n && !found && o > 0 &&
            (word_in(p, n, verbs, sizeof verbs / sizeof *verbs) || (n == 7 && !strncasecmp(p, "between", 7)) ||
             (n == 4 && !strncasecmp(p, "half", 4) && !strncasecmp(p + 4, " each", 5)))) {
            const char *end = clause_end(p);
            const char *after = p + n;
            while (*after == ' ')
                after++;
            int k = 2, ok = 0;
            if (!strncasecmp(p, "between", 7)) {
                /* "between us", "between 3", "between the two of us" */
                const char *q = after;
                if (!strncasecmp(q, "the ", 4))
                    q += 4;
                size_t m = 0;
                while (isalnum((unsigned char)q[m]))
                    m++;
                if (m == 2 && !strncasecmp(q, "us", 2))
                    ok = 1;
                else if (m && people_word(q, m) > 0) {
                    /* "between 3", "between the two of us"; not "between
                     * 2 slices of bread" */
                    const char *r = q + m;
                    while (*r == ' ')
                        r++;
                    k = people_word(q, m);
                    ok = r >= end || !strncasecmp(r, "of us", 5) || !strncasecmp(r, "of them", 7) ||
                         !strncasecmp(r, "people", 6) || !strncasecmp(r, "adults", 6);
                } else if (with_people(after, end, &k))
                    ok = 1;
            } else if (!strncasecmp(p, "half", 4)) {
                ok = after + 4 >= end || !isalpha((unsigned char)after[4]);
            } else if (after >= end) {
                ok = 1;   /* "(shared)", ", shared" */
            } else if (!strncasecmp(after, "with ", 5)) {
                ok = with_people(after + 5, end, &k);
            }
            if (ok) {
                /* the words of sharing and a joining mark before them go */
                while (o > 0 && strchr(" ,-(", out[o - 1]))
                    o--;
                /* "pizza with Sue and Tom (shared)": who, before it */
                out[o] = '\0';
                char *w = NULL;
                for (char *q = out; (q = strstr(q, " with ")) != NULL; q++)
                    w = q;
                int before;
                if (w && after >= end && with_people(w + 6, out + o, &before)) {
                    o = (size_t)(w - out);
                    k = before;
                }
                p = *end == ')' ? end + 1 : end;
                found = 1;
                count = k;
                continue;
            }
        }
        if (n) {
            memcpy(out + o, p, n);
            o += n;
            p += n;
        } else
            out[o++] = *p++;
    }
    if (!found || *p)
        return 0;
    out[o] = '\0';
    snprintf(rest, size, "%s", out);
    *people = count;
    return 1;
}

/* ---- Chinese ---------------------------------------------------------------- */

static int zh_people(const char *p, size_t n)
{
    static const char *const words[] = {"两", "俩", "三", "四", "五"};
    for (int k = 0; k < 5; k++)
        if (n == strlen(words[k]) && !strncmp(p, words[k], n))
            return k < 2 ? 2 : k + 1;
    return -1;
}

static int chinese_shared(const char *text, char *rest, size_t size, int *people)
{
    /* each ate their own: "各吃了一碗", "每人一个" */
    if (strstr(text, "各") || strstr(text, "每人") || strstr(text, "每个人"))
        return 0;
    static const char *const markers[] = {"分着吃", "分着喝", "分吃", "分喝", "一人一半",
                                          "一起分", "分了吃", "分着", "分了"};
    static const char *const groups_zh[] = {"全家", "一家", "家里人", "大家", "孩子们",
                                            "朋友们", "一桌"};
    const char *m = NULL;
    size_t mlen = 0;
    for (size_t k = 0; k < sizeof markers / sizeof *markers && !m; k++)
        if ((m = strstr(text, markers[k])) != NULL)
            mlen = strlen(markers[k]);
    int count = 2;
    const char *start = m;
    if (m) {
        /* "和老伴", "跟女儿、女婿": who, from 和 or 跟 before it in its clause */
        static const char *const with[] = {"和", "跟", "同", "与"};
        for (const char *q = text; q < m; q++) {
            for (size_t k = 0; k < 4; k++)
                if (!strncmp(q, with[k], 3)) {
                    if (start == m)
                        start = q;
                    else
                        count++;   /* "我和老伴和女儿" */
                }
            if (!strncmp(q, "，", 3) || !strncmp(q, "。", 3) || *q == ',')
                start = m, count = 2;
            if (start != m && (!strncmp(q, "、", 3) || !strncmp(q, "还有", 6)))
                count++;
        }
        /* "两个人分着吃", "我们三个分吃" */
        for (const char *q = text; q < m; q++) {
            int k = zh_people(q, 3);
            if (k > 0 && (!strncmp(q + 3, "个人", 6) || !strncmp(q + 3, "人", 3) ||
                          !strncmp(q + 3, "个", 3)))
                count = k;
        }
        int who = start != m;   /* someone named it was shared with */
        for (const char *q = text; q < m; q++)
            who |= !strncmp(q, "俩", 3) || (zh_people(q, 3) > 0 && !strncmp(q + 3, "人", 3)) ||
                   (zh_people(q, 3) > 0 && !strncmp(q + 3, "个人", 6));
        for (size_t k = 0; k < sizeof groups_zh / sizeof *groups_zh; k++) {
            const char *g = strstr(text, groups_zh[k]);
            if (g && g < m) {
                count = 0;
                who = 1;
                if (start == m || g < start)
                    start = g;
            }
        }
        /* "分了" alone is any dividing up ("分了三次吃"): only with who */
        if (!who && !strncmp(m, "分了", 6))
            return 0;
    } else {
        return 0;
    }
    /* the words go; a verb stays when the food follows ("分吃了一个柚子") */
    const char *after = m + mlen;
    const char *verb = "";
    if (!strncmp(m + mlen - 3, "吃", 3) || !strncmp(m + mlen - 3, "喝", 3)) {
        if (!strncmp(after, "了", 3) && after[3] && strncmp(after + 3, "，", 3) &&
            strncmp(after + 3, "。", 3))
            verb = !strncmp(m + mlen - 3, "吃", 3) ? "吃" : "喝";
        else if (!strncmp(after, "了", 3) || !strncmp(after, "的", 3))
            after += 3;
    }
    int w = snprintf(rest, size, "%.*s%s%s", (int)(start - text), text, verb, after);
    if (w < 0 || (size_t)w >= size)
        return 0;
    *people = count;
    return 1;
}

int text_shared(const char *text, char *rest, size_t size, int *people)
{
    if (!text || strlen(text) >= 1024)
        return 0;
    return text_has_cjk(text) ? chinese_shared(text, rest, size, people)
                              : english_shared(text, rest, size, people);
}
