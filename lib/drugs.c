/* drugs.c — the built-in drug table and the matching of medication text.
 *
 * A line of a medication list is cut into tokens: runs of ASCII letters and
 * digits (lower-cased), and single CJK characters, so that Chinese names,
 * written without spaces, match the same way as English ones. Every name of
 * drugtables/names.csv is cut the same way once. Scanning the line from the
 * left, the longest name starting at a token wins and its tokens are used
 * up ("氢氯噻嗪" before "氯噻嗪", "calcium carbonate" before "calcium"); a
 * salt word right after a drug name belongs to it ("losartan potassium",
 * "氯沙坦钾"). Tokens left over (doses, "tab", "daily") are ignored, except
 * that a word of five letters or more one or two letters away from exactly
 * one drug name is taken as a misspelling of it, with a lower confidence.
 */
#include "internal.h"
#include "msg_phrases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOK_BYTES 40
#define LINE_TOKENS 128

typedef struct {
    char s[TOK_BYTES];
    unsigned char cjk;
} token;

/* ---- Tokens ------------------------------------------------------------- */

/* Cuts text into at most max tokens; returns the count. */
static size_t tokenize(const char *text, token *t, size_t max)
{
    size_t n = 0, len = 0;
    int open = 0;
    const char *p = text;
    while (*p && n < max) {
        size_t used;
        long cp = utf8_decode(p, &used);
        if (cp < 0 || used == 0) {
            p++;
            open = 0;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
            cp -= 0xFEE0;
        if (cp < 128 && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                         (cp >= '0' && cp <= '9'))) {
            if (!open) {
                t[n].cjk = 0;
                len = 0;
                open = 1;
                n++;
            }
            if (len + 1 < TOK_BYTES) {
                t[n - 1].s[len++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                t[n - 1].s[len] = '\0';
            }
        } else if (cp >= 128 && !is_cjk((unsigned long)cp) && open && len + used < TOK_BYTES) {
            /* A non-ASCII letter inside a word ("furosémide") stays in it. */
            memcpy(t[n - 1].s + len, p, used);
            len += used;
            t[n - 1].s[len] = '\0';
        } else if (is_cjk((unsigned long)cp)) {
            open = 0;
            memcpy(t[n].s, p, used);
            t[n].s[used] = '\0';
            t[n].cjk = 1;
            n++;
        } else {
            open = 0;
        }
        p += used;
    }
    return n;
}

/* ---- The name index, built once ----------------------------------------- */

typedef struct {
    const struct kmgca_drug_name *name;
    size_t first, count; /* tokens in name_tokens */
} indexed_name;

static token *name_tokens;
static indexed_name *index_names;
static size_t index_count;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    size_t cap = kmgca_builtin_drug_name_count * 4 + 16;
    name_tokens = malloc(cap * sizeof *name_tokens);
    index_names = malloc((kmgca_builtin_drug_name_count + 1) * sizeof *index_names);
    if (!name_tokens || !index_names) {
        free(name_tokens);
        free(index_names);
        name_tokens = NULL;
        index_names = NULL;
        return;
    }
    size_t used = 0;
    for (size_t i = 0; i < kmgca_builtin_drug_name_count; i++) {
        token t[LINE_TOKENS];
        size_t n = tokenize(kmgca_builtin_drug_names[i].name, t, LINE_TOKENS);
        if (!n)
            continue;
        if (used + n > cap) {
            cap = (used + n) * 2;
            token *g = realloc(name_tokens, cap * sizeof *g);
            if (!g)
                return;
            name_tokens = g;
        }
        memcpy(name_tokens + used, t, n * sizeof *t);
        index_names[index_count++] = (indexed_name){&kmgca_builtin_drug_names[i], used, n};
        used += n;
    }
}

/* ---- Effects ------------------------------------------------------------ */

const char *kmgca_effect_name(kmgca_effect e)
{
    static const char *const names[] = {"neutral", "minor_down", "down", "minor_up", "up",
                                        "variable"};
    return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "neutral";
}

static int direction(kmgca_effect e)
{
    return e == KMGCA_EFFECT_DOWN || e == KMGCA_EFFECT_MINOR_DOWN ? -1
           : e == KMGCA_EFFECT_UP || e == KMGCA_EFFECT_MINOR_UP   ? 1
                                                                  : 0;
}

static int full(kmgca_effect e) { return e == KMGCA_EFFECT_DOWN || e == KMGCA_EFFECT_UP; }

/* Two drugs taken together: see kmgca_drug_match in kmgca.h. */
static kmgca_effect combine(kmgca_effect a, kmgca_effect b)
{
    if (a == KMGCA_EFFECT_NEUTRAL)
        return b;
    if (b == KMGCA_EFFECT_NEUTRAL)
        return a;
    if (a == KMGCA_EFFECT_VARIABLE || b == KMGCA_EFFECT_VARIABLE)
        return KMGCA_EFFECT_VARIABLE;
    if (direction(a) == direction(b))
        return full(a) ? a : b;
    if (full(a) != full(b))
        return full(a) ? a : b;
    return KMGCA_EFFECT_VARIABLE;
}

/* ---- The table ---------------------------------------------------------- */

size_t kmgca_drug_count(void) { return kmgca_builtin_drug_count; }
const kmgca_drug *kmgca_drug_at(size_t i)
{
    return i < kmgca_builtin_drug_count ? &kmgca_builtin_drugs[i] : NULL;
}
const char *kmgca_drug_name(const kmgca_drug *d) { return d ? d->name : ""; }
const char *kmgca_drug_name_zh(const kmgca_drug *d) { return d ? d->name_zh : ""; }
const char *kmgca_drug_atc(const kmgca_drug *d) { return d ? d->atc : ""; }
const char *kmgca_drug_class(const kmgca_drug *d) { return d ? d->drug_class : ""; }
const char *kmgca_drug_class_zh(const kmgca_drug *d)
{
    return d && d->drug_class_zh ? d->drug_class_zh : "";
}
const char *kmgca_drug_family(const kmgca_drug *d) { return d ? d->family : ""; }
const char *kmgca_drug_effect_type(const kmgca_drug *d) { return d ? d->effect_type : "none"; }
const char *kmgca_drug_priority(const kmgca_drug *d) { return d ? d->priority : "none"; }
const char *kmgca_drug_note(const kmgca_drug *d) { return d ? d->note : ""; }
const char *kmgca_drug_source(const kmgca_drug *d) { return d ? d->source : ""; }
int kmgca_drug_affects_minerals(const kmgca_drug *d) { return d && !d->other; }
kmgca_effect kmgca_drug_effect(const kmgca_drug *d, kmgca_nutrient n)
{
    return d && n >= 0 && n < KMGCA_NUTRIENT_COUNT ? (kmgca_effect)d->effect[n]
                                                   : KMGCA_EFFECT_NEUTRAL;
}

/* ---- Matching ----------------------------------------------------------- */

/* Words that follow a drug's name as its salt or form. */
static int is_salt(const token *t)
{
    static const char *const salts[] = {
        "potassium", "sodium", "calcium", "magnesium", "hydrochloride", "hcl", "besylate",
        "besilate", "mesylate", "maleate", "succinate", "tartrate", "medoxomil", "hyclate",
        "monohydrate", "dihydrate", "trihydrate", "acetate", "phosphate", "fumarate",
        "bromide", "sulfate", "sulphate", "citrate", "钾", "钠", "钙", "镁"};
    for (size_t i = 0; i < sizeof salts / sizeof salts[0]; i++)
        if (strcmp(t->s, salts[i]) == 0)
            return 1;
    return 0;
}

/* Words of medication lists that are never drug names, so never taken as a
 * misspelled one. */
static int is_stop(const char *w)
{
    static const char *const stop[] = {
        "tablet", "tablets", "capsule", "capsules", "daily", "twice", "three", "times",
        "morning", "evening", "night", "nightly", "bedtime", "before", "after", "meals",
        "with", "water", "extended", "release", "delayed", "chewable", "solution",
        "suspension", "injection", "inhaler", "inhalation", "spray", "patch", "cream",
        "ointment", "drops", "units", "needed", "taper", "orally", "mouth", "every", "hours",
        "weekly", "monthly", "tabs", "caps", "liquid", "powder", "sachet", "started",
        "stopped", "since", "until", "dose", "doses", "strength", "generic", "brand",
        "other", "unknown", "blend", "herbal", "complex", "vitamin", "supplement",
        "prescribed", "directed", "hold", "prior", "sliding", "scale"};
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (strcmp(w, stop[i]) == 0)
            return 1;
    return 0;
}


/* The longest name whose tokens start at t[i]; its token count in *len. */
static const indexed_name *longest_at(const token *t, size_t n, size_t i, size_t *len)
{
    const indexed_name *best = NULL;
    *len = 0;
    for (size_t k = 0; k < index_count; k++) {
        const indexed_name *x = &index_names[k];
        if (x->count <= *len || i + x->count > n)
            continue;
        size_t j = 0;
        while (j < x->count && strcmp(name_tokens[x->first + j].s, t[i + j].s) == 0)
            j++;
        if (j == x->count) {
            best = x;
            *len = x->count;
        }
    }
    return best;
}

static void add_part(kmgca_drug_match *m, const kmgca_drug *d, double *conf, double c)
{
    for (size_t i = 0; i < m->part_count; i++)
        if (m->part[i] == d)
            return;
    if (m->part_count < KMGCA_DRUG_MAX_PARTS)
        m->part[m->part_count++] = d;
    if (c < *conf)
        *conf = c;
}


/* 1 when `name` is one of the |- or ;-separated alternatives of `pattern`. */
static int in_pattern(const char *pattern, const char *name)
{
    size_t len = strlen(name);
    const char *p = pattern;
    while (*p) {
        size_t n = strcspn(p, "|;");
        if (n == len && strncmp(p, name, len) == 0)
            return 1;
        p += n;
        if (*p)
            p++;
    }
    return 0;
}

/* A table row whose components are exactly the mineral parts: each ;-group
 * taken by a different part. */
static const kmgca_drug *combination_row(const kmgca_drug *const *parts, size_t n)
{
    for (size_t r = 0; r < kmgca_builtin_drug_count; r++) {
        const kmgca_drug *row = &kmgca_builtin_drugs[r];
        if (!row->components[0])
            continue;
        size_t groups = 1;
        for (const char *p = row->components; *p; p++)
            groups += *p == ';';
        if (groups != n)
            continue;
        int used[KMGCA_DRUG_MAX_PARTS] = {0};
        size_t taken = 0;
        const char *g = row->components;
        while (*g) {
            size_t glen = strcspn(g, ";");
            char group[512];
            snprintf(group, sizeof group, "%.*s", (int)glen, g);
            for (size_t i = 0; i < n; i++) {
                if (!used[i] && in_pattern(group, parts[i]->name)) {
                    used[i] = 1;
                    taken++;
                    break;
                }
            }
            g += glen;
            if (*g)
                g++;
        }
        if (taken == n)
            return row;
    }
    return NULL;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(const kmgca_drug *const *)a)->name, (*(const kmgca_drug *const *)b)->name);
}

static void join(char *out, size_t size, const kmgca_drug *const *parts, size_t n,
                 const char *(*get)(const kmgca_drug *))
{
    out[0] = '\0';
    size_t len = 0;
    for (size_t i = 0; i < n && len < size; i++) {
        const char *v = get(parts[i]);
        if (!v[0])
            continue;
        len += (size_t)snprintf(out + len, size - len, "%s%s", len ? " + " : "", v);
    }
    utf8_trim_end(out);
}

/* The parts of a match with a listed mineral effect, in match order. */
static size_t mineral_parts(const kmgca_drug_match *m, const kmgca_drug **out)
{
    size_t n = 0;
    for (size_t i = 0; i < m->part_count; i++)
        if (!m->part[i]->other)
            out[n++] = m->part[i];
    return n;
}

/* The names of the text, longest first, each with the salt words after it;
 * used[] marks the tokens they took. */
static void match_names(const token *t, size_t n, unsigned char *used, kmgca_drug_match *m,
                        double *confidence)
{
    double conf = *confidence;
    for (size_t i = 0; i < n;) {
        size_t len;
        const indexed_name *x = longest_at(t, n, i, &len);
        if (!x) {
            i++;
            continue;
        }
        const struct kmgca_drug_name *nm = x->name;
        double c = strcmp(nm->kind, "abbreviation") == 0 || strcmp(nm->kind, "other") == 0
                       ? 0.95
                       : 1.0;
        for (int k = 0; k < nm->count; k++)
            add_part(m, &kmgca_builtin_drugs[nm->drug[k]], &conf, c);
        const char *first = kmgca_builtin_drugs[nm->drug[0]].name;
        if (strcmp(nm->kind, "generic") == 0 && nm->count == 1 && strcmp(nm->name, first) == 0)
            appendf(m->how, sizeof m->how, "%s%s" PH_GENERIC_NAME, m->how[0] ? "; " : "",
                    nm->name);
        else
            appendf(m->how, sizeof m->how, "%s\"%s\"%s", m->how[0] ? "; " : "", nm->name,
                    strcmp(nm->kind, "zh") == 0             ? PH_CHINESE_NAME
                    : strcmp(nm->kind, "brand") == 0        ? PH_BRAND_NAME
                    : strcmp(nm->kind, "abbreviation") == 0 ? PH_ABBREVIATION
                    : strcmp(nm->kind, "regional") == 0     ? PH_REGIONAL_NAME
                                                            : PH_OTHER_NAME);
        for (size_t j = i; j < i + len; j++)
            used[j] = 1;
        i += len;
        /* A salt word after the name, unless a longer name starts there. */
        while (i < n && is_salt(&t[i])) {
            size_t l2;
            if (longest_at(t, n, i, &l2) && l2 > 1)
                break;
            used[i++] = 1;
        }
    }
    *confidence = conf;
}

/* Misspellings: a long word close to exactly one single-word name. */
static void match_misspellings(const token *t, size_t n, unsigned char *used,
                               kmgca_drug_match *m, double *confidence)
{
    double conf = *confidence;
    for (size_t i = 0; i < n; i++) {
        size_t wl = strlen(t[i].s);
        if (used[i] || t[i].cjk || wl < 5 || is_stop(t[i].s) || is_salt(&t[i]))
            continue;
        int letters = 1;
        for (const char *p = t[i].s; *p; p++)
            if (*p >= '0' && *p <= '9')
                letters = 0;
        if (!letters)
            continue;
        int max = wl >= 8 ? 2 : 1, best = max + 1;
        const indexed_name *hit = NULL;
        int tie = 0;
        for (size_t k = 0; k < index_count; k++) {
            const indexed_name *x = &index_names[k];
            const token *nt = &name_tokens[x->first];
            if (x->count != 1 || nt->cjk || strlen(nt->s) < 5)
                continue;
            int d = text_edit_distance(t[i].s, nt->s, max);
            if (d > max || d > best)
                continue;
            if (d < best) {
                best = d;
                hit = x;
                tie = 0;
            } else if (hit && memcmp(hit->name->drug, x->name->drug, sizeof x->name->drug) != 0) {
                tie = 1;
            }
        }
        if (hit && !tie && best > 0) {
            for (int k = 0; k < hit->name->count; k++)
                add_part(m, &kmgca_builtin_drugs[hit->name->drug[k]], &conf,
                         best == 1 ? 0.85 : 0.75);
            appendf(m->how, sizeof m->how, "%s\"%s\"" PH_READ_AS "%s" PH_SPELLING_CORRECTED,
                    m->how[0] ? "; " : "", t[i].s,
                    kmgca_builtin_drugs[hit->name->drug[0]].name);
            used[i] = 1;
        }
    }
    *confidence = conf;
}

/* A part that is a component of another matched (combination) part is that
 * combination's: "Entresto (sacubitril/valsartan)". */
static void drop_components(kmgca_drug_match *m)
{
    for (size_t i = 0; i < m->part_count; i++) {
        for (size_t j = 0; j < m->part_count; j++) {
            if (i != j && m->part[j]->components[0] &&
                in_pattern(m->part[j]->components, m->part[i]->name)) {
                memmove(&m->part[i], &m->part[i + 1], (m->part_count - i - 1) * sizeof *m->part);
                m->part_count--;
                i--;
                break;
            }
        }
    }
}

/* A combination named as a whole ("氯沙坦钾氢氯噻嗪") is its parts, when each
 * part is one drug and the parts lead back to the same row: their count. */
static size_t whole_as_parts(const kmgca_drug **mineral, size_t nm)
{
    if (nm == 1 && mineral[0]->components[0]) {
        const kmgca_drug *parts[KMGCA_DRUG_MAX_PARTS];
        size_t np = 0;
        int single = !strchr(mineral[0]->components, '|');
        const char *g = mineral[0]->components;
        while (single && *g && np < KMGCA_DRUG_MAX_PARTS) {
            size_t glen = strcspn(g, ";");
            const kmgca_drug *d = NULL;
            for (size_t r = 0; r < kmgca_builtin_drug_count && !d; r++)
                if (strlen(kmgca_builtin_drugs[r].name) == glen &&
                    strncmp(kmgca_builtin_drugs[r].name, g, glen) == 0)
                    d = &kmgca_builtin_drugs[r];
            if (!d)
                single = 0;
            else
                parts[np++] = d;
            g += glen;
            if (*g)
                g++;
        }
        if (single && np > 1 && combination_row(parts, np) == mineral[0]) {
            memcpy(mineral, parts, np * sizeof *parts);
            nm = np;
        }
    }
    return nm;
}

/* The row (or the combination of rows) of the mineral-affecting parts, and
 * its effects, class and ATC code. */
static void match_row(kmgca_drug_match *m, const kmgca_drug **mineral, size_t nm)
{
    qsort(mineral, nm, sizeof *mineral, by_name);
    m->row = nm == 1 ? mineral[0] : combination_row(mineral, nm);
    join(m->name, sizeof m->name, mineral, nm, kmgca_drug_name);
    if (m->row) {
        for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++)
            m->effect[k] = (kmgca_effect)m->row->effect[k];
        snprintf(m->drug_class, sizeof m->drug_class, "%s", m->row->drug_class);
        snprintf(m->atc, sizeof m->atc, "%s", m->row->atc);
    } else {
        for (int k = 0; k < KMGCA_NUTRIENT_COUNT; k++) {
            kmgca_effect e = KMGCA_EFFECT_NEUTRAL;
            for (size_t i = 0; i < nm; i++)
                e = combine(e, (kmgca_effect)mineral[i]->effect[k]);
            m->effect[k] = e;
        }
        join(m->drug_class, sizeof m->drug_class, mineral, nm, kmgca_drug_class);
        join(m->atc, sizeof m->atc, mineral, nm, kmgca_drug_atc);
    }
}

size_t kmgca_drug_match_text(const char *text, kmgca_drug_match *m)
{
    if (!m)
        return 0;
    memset(m, 0, sizeof *m);
    if (!text)
        return 0;
    pthread_once(&index_once, build_index);
    if (!index_names)
        return 0;
    token t[LINE_TOKENS];
    size_t n = tokenize(text, t, LINE_TOKENS);
    unsigned char used[LINE_TOKENS] = {0};
    double conf = 1;
    match_names(t, n, used, m, &conf);
    match_misspellings(t, n, used, m, &conf);
    if (!m->part_count)
        return 0;
    drop_components(m);

    const kmgca_drug *mineral[KMGCA_DRUG_MAX_PARTS];
    size_t nm = mineral_parts(m, mineral);
    m->confidence = conf;
    m->affects_minerals = nm > 0;
    if (!nm) {
        /* Known drugs, none with a listed mineral effect. */
        return m->part_count;
    }
    nm = whole_as_parts(mineral, nm);
    match_row(m, mineral, nm);
    return m->part_count;
}

/* ---- In a report's language -------------------------------------------------- */

void drug_match_label(const kmgca_drug_match *m, kmgca_lang lang, char *out, size_t size)
{
    out[0] = '\0';
    int all = lang == KMGCA_LANG_ZH && m->part_count;
    for (size_t i = 0; i < m->part_count && all; i++)
        all = kmgca_drug_name_zh(m->part[i])[0] != '\0';
    if (!all) {
        copy_text(out, size, m->name);
        return;
    }
    for (size_t i = 0; i < m->part_count; i++)
        appendf(out, size, "%s%s", i ? "+" : "", kmgca_drug_name_zh(m->part[i]));
}

void drug_match_class(const kmgca_drug_match *m, kmgca_lang lang, char *out, size_t size)
{
    if (lang != KMGCA_LANG_ZH || !m->affects_minerals) {
        copy_text(out, size, m->drug_class);
        return;
    }
    if (m->row) {
        copy_text(out, size, kmgca_drug_class_zh(m->row));
        return;
    }
    /* As kmgca_drug_match_text joins the classes: the parts with a mineral
     * effect, by name. */
    const kmgca_drug *mineral[KMGCA_DRUG_MAX_PARTS];
    size_t nm = mineral_parts(m, mineral);
    qsort(mineral, nm, sizeof *mineral, by_name);
    join(out, size, mineral, nm, kmgca_drug_class_zh);
}
