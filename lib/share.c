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

#define IN(p, n, list) word_in(p, n, list, sizeof list / sizeof *list)

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
 * "with " or "between "): 1 when the words up to end name people, with the
 * count of those who shared in *people (0: a group, how many unknown). A
 * capitalised word is a name, unless it is a day or a month ("between
 * Monday and Friday"). */
static int with_people(const char *p, const char *end, int *people)
{
    static const char *const times[] = {
        "monday",  "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
        "january", "february", "march",    "april",    "may",      "june",     "july",
        "august",  "september", "october", "november", "december", "christmas", "easter"};
    int others = 1, words = 0, group = 0, me = 0;
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
        else if ((n == 2 && !strncasecmp(q, "me", 2)) || (n == 1 && !strncasecmp(q, "i", 1)))
            me = 1;   /* "between me and Dave": I am one of them */
        else if (IN(q, n, groups))
            group = 1;
        else if (IN(q, n, times) ||
                 (!IN(q, n, persons) && !(isupper((unsigned char)*q) && n >= 2) &&
                  !(n > 2 && !strncasecmp(q + n - 2, "'s", 2))))
            return 0;   /* a word that names no one: "with cheese", "between Monday" */
        q += n;
    }
    if (!words || words > 5)
        return 0;
    *people = group ? 0 : others + 1 - me;
    return 1;
}

/* A tail that says it was shared, at word p (n letters) of a clause
 * ending at end: ", shared", "(shared)", "shared with Sue", "between us",
 * "between the three of us", "half each". 1 with *people. */
static int sharing_tail(const char *text, const char *p, size_t n, const char *end, int *people)
{
    const char *after = p + n;
    while (*after == ' ')
        after++;
    *people = 2;
    if (n == 7 && !strncasecmp(p, "between", 7)) {
        const char *q = after;
        if (!strncasecmp(q, "the ", 4))
            q += 4;
        size_t m = 0;
        while (isalnum((unsigned char)q[m]))
            m++;
        if (m == 2 && !strncasecmp(q, "us", 2))
            return 1;
        if (m && people_word(q, m) > 0) {
            /* "between 3", "between the two of us"; not "between 2 slices" */
            const char *r = q + m;
            while (*r == ' ')
                r++;
            *people = people_word(q, m);
            return r >= end || !strncasecmp(r, "of us", 5) || !strncasecmp(r, "of them", 7) ||
                   !strncasecmp(r, "people", 6) || !strncasecmp(r, "adults", 6);
        }
        return with_people(after, end, people);
    }
    if (n == 4 && !strncasecmp(p, "half", 4))
        return !strncasecmp(p + 4, " each", 5) && (p + 9 >= end || !isalpha((unsigned char)p[9]));
    if (!((n == 6 && !strncasecmp(p, "shared", 6)) || (n == 5 && !strncasecmp(p, "split", 5))))
        return 0;
    if (!strncasecmp(after, "with ", 5))
        return with_people(after + 5, end, people);
    /* alone at the clause's end, after a mark: "pizza (shared)", ", shared"
     * (not "banana split") */
    const char *b = p;
    while (b > text && b[-1] == ' ')
        b--;
    return after >= end && b > text && strchr(",(-", b[-1]);
}

static int english_shared(const char *text, char *rest, size_t size, int *people)
{
    /* "shared a ...", "split the ...", "sharing a ...": the determiner
     * after says a food (not "split pea soup", "a sharing bag") */
    static const char *const verbs[] = {"shared", "split", "sharing", "splitting"};
    static const char *const then[] = {"a",   "an",  "the", "my",   "our", "his", "her",
                                       "one", "two", "half", "some", "2",  "3"};
    char out[1100];
    size_t o = 0;
    int verb = 0, tail = 0, count = 2;
    const char *p = text;
    while (*p && o + 8 < sizeof out) {
        int boundary = p == text || !isalpha((unsigned char)p[-1]);
        size_t n = 0;
        while (boundary && isalpha((unsigned char)p[n]))
            n++;
        if (n && !verb && !tail && IN(p, n, verbs) && p[n] == ' ') {
            size_t m = 0;
            while (isalnum((unsigned char)p[n + 1 + m]))
                m++;
            if (m && word_in(p + n + 1, m, then, sizeof then / sizeof *then)) {
                /* the verb stays, one word for all: what was shared is
                 * read as made or bought ("shared a pizza, I had 3 slices") */
                memcpy(out + o, "shared", 6);
                o += 6;
                p += n;
                verb = 1;
                /* "... with mum" to the clause's end: who */
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
        int k;
        const char *end = n ? clause_end(p) : p;
        if (n && !tail && o > 0 && sharing_tail(text, p, n, end, &k)) {
            /* the words of sharing and a joining mark before them go, and
             * the verb before "between" ("split between me and Dave") */
            while (o > 0 && strchr(" ,-(", out[o - 1]))
                o--;
            static const char *const verb_before[] = {" split", " shared"};
            for (size_t v = 0; v < 2; v++) {
                size_t vl = strlen(verb_before[v]);
                if (o > vl && !strncasecmp(out + o - vl, verb_before[v], vl))
                    o -= vl;
            }
            /* "pizza with Sue and Tom (shared)": who, before it */
            out[o] = '\0';
            char *w = NULL;
            for (char *q = out; (q = strstr(q, " with ")) != NULL; q++)
                w = q;
            int before;
            const char *after = p + n;
            while (*after == ' ')
                after++;
            if (w && after >= end && with_people(w + 6, out + o, &before)) {
                o = (size_t)(w - out);
                k = before;
            }
            p = *end == ')' ? end + 1 : end;
            tail = 1;
            count = k;
            continue;
        }
        if (n) {
            memcpy(out + o, p, n);
            o += n;
            p += n;
        } else
            out[o++] = *p++;
    }
    if ((!verb && !tail) || *p)
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

/* 1 when a word of people starts at p: 和老伴, 跟女儿, 同朋友 (not 和豆浆,
 * 和牛) */
static int zh_person_at(const char *p)
{
    static const char *const people_zh[] = {
        "老伴", "老公", "老婆", "爱人", "媳妇", "女儿", "闺女", "儿子", "孙子", "孙女", "外孙",
        "妈", "爸", "老妈", "老爸", "母亲", "父亲", "朋友", "同事", "邻居", "家人", "孩子",
        "姐", "妹", "哥", "弟", "他", "她", "我", "老头", "老太", "奶奶", "爷爷", "外婆",
        "外公", "姥姥", "姥爷", "女婿", "儿媳", "先生", "太太", "阿姨", "舅", "叔", "小孙"};
    for (size_t k = 0; k < sizeof people_zh / sizeof *people_zh; k++)
        if (!strncmp(p, people_zh[k], strlen(people_zh[k])))
            return 1;
    return 0;
}

static int chinese_shared(const char *text, char *rest, size_t size, int *people)
{
    /* each ate their own: "各吃了一碗", "每人一个" */
    if (strstr(text, "各") || strstr(text, "每人") || strstr(text, "每个人"))
        return 0;
    static const char *const markers[] = {"分着吃", "分着喝", "分吃", "分喝", "一人一半",
                                          "一起分", "分了吃", "分着", "分了", "个人分", "人分",
                                          /* "我和老伴俩人吃", "两个人吃的" */
                                          "俩人吃", "个人吃", "人吃"};
    static const char *const groups_zh[] = {"全家", "一家", "家里人", "大家", "孩子们",
                                            "朋友们", "一桌"};
    const char *m = NULL;
    size_t mlen = 0;
    for (size_t k = 0; k < sizeof markers / sizeof *markers && !m; k++)
        if ((m = strstr(text, markers[k])) != NULL)
            mlen = strlen(markers[k]);
    /* "四个人分": the number is the marker's too */
    if (m && (!strncmp(m, "个人分", 9) || !strncmp(m, "人分", 6) || !strncmp(m, "个人吃", 9) ||
              !strncmp(m, "人吃", 6)) &&
        m - text >= 3 && zh_people(m - 3, 3) > 0) {
        m -= 3;
        mlen += 3;
    }
    int count = 2;
    const char *start = m;
    if (m) {
        /* "和老伴", "跟女儿、女婿": who, from 和 or 跟 before it in its clause */
        static const char *const with[] = {"和", "跟", "同", "与"};
        for (const char *q = text; q < m; q++) {
            for (size_t k = 0; k < 4; k++)
                if (!strncmp(q, with[k], 3) && zh_person_at(q + 3)) {
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
        /* "两个人分着吃", "我们三个分吃", "四个人分" */
        for (const char *q = text; q <= m; q++) {
            int k = zh_people(q, 3);
            if (k > 0 && (!strncmp(q + 3, "个人", 6) || !strncmp(q + 3, "人", 3) ||
                          !strncmp(q + 3, "个", 3)))
                count = k;
        }
        int who = start != m;   /* someone named it was shared with */
        for (const char *q = text; q <= m; q++)
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
        /* with no one named it is any dividing up ("分了三次吃", "馒头和豆浆
         * 分着吃"): only 一人一半 says two people by itself */
        if (!who && strncmp(m, "一人一半", 12) != 0)
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
