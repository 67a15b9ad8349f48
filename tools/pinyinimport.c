/* pinyinimport.c — writes foodtables/pinyin.csv: the Mandarin readings of
 * the Chinese characters people type, without tones, from go-pinyin's
 * character dictionary (Debian package golang-github-mozillazg-go-pinyin-dev,
 * file pinyin_dict.go; MIT licence, see foodtables/PROVENANCE.md).
 *
 *   pinyinimport PINYIN_DICT_GO OUT_CSV
 *
 * A character is kept when GB2312 or Big5 can encode it (the characters an
 * input method or a voice keyboard writes, Simplified and Traditional); its
 * readings lose their tone marks (ü is written v), are kept once each, in
 * the dictionary's order (the usual reading first), three at most. kmgca
 * reads the table to find a name written with a character of the same sound
 * (虾交 for 虾饺, 归零膏 for 龟苓膏), as a voice keyboard writes it. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_READINGS 3

/* 1 when the character (UTF-8) converts to the encoding. */
static int encodable(iconv_t cd, const char *utf8)
{
    char in[8], outb[16];
    strcpy(in, utf8);
    char *ip = in, *op = outb;
    size_t il = strlen(in), ol = sizeof outb;
    iconv(cd, NULL, NULL, NULL, NULL);
    return iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0;
}

/* The letters of a reading with tones ("lǘ", "xiōng"), toneless, in out
 * ("lv", "xiong"); 0 when a letter is not one of pinyin's. */
static int toneless(const char *r, char *out, size_t size)
{
    static const struct {
        const char *marked;
        char plain;
    } marks[] = {
        {"ā", 'a'}, {"á", 'a'}, {"ǎ", 'a'}, {"à", 'a'}, {"ē", 'e'}, {"é", 'e'}, {"ě", 'e'},
        {"è", 'e'}, {"ê", 'e'}, {"ī", 'i'}, {"í", 'i'}, {"ǐ", 'i'}, {"ì", 'i'}, {"ō", 'o'},
        {"ó", 'o'}, {"ǒ", 'o'}, {"ò", 'o'}, {"ū", 'u'}, {"ú", 'u'}, {"ǔ", 'u'}, {"ù", 'u'},
        {"ü", 'v'}, {"ǖ", 'v'}, {"ǘ", 'v'}, {"ǚ", 'v'}, {"ǜ", 'v'}, {"ń", 'n'}, {"ň", 'n'},
        {"ǹ", 'n'}, {"ḿ", 'm'}, {"m̀", 'm'}, {"ế", 'e'}, {"ề", 'e'},
    };
    size_t o = 0;
    for (const char *p = r; *p;) {
        char c = 0;
        size_t adv = 1;
        if (*p >= 'a' && *p <= 'z') {
            c = *p;
        } else {
            for (size_t k = 0; k < sizeof marks / sizeof *marks && !c; k++)
                if (!strncmp(p, marks[k].marked, strlen(marks[k].marked))) {
                    c = marks[k].plain;
                    adv = strlen(marks[k].marked);
                }
            /* a combining mark after a plain letter (ê̄, ê̌) */
            if (!c && (unsigned char)p[0] == 0xCC && p[1]) {
                p += 2;
                continue;
            }
        }
        if (!c || o + 1 >= size)
            return 0;
        out[o++] = c;
        p += adv;
    }
    out[o] = '\0';
    return o > 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: pinyinimport PINYIN_DICT_GO OUT_CSV\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        fprintf(stderr, "pinyinimport: %s: %s\n", argv[1], strerror(errno));
        return 4;
    }
    iconv_t gb = iconv_open("GB2312", "UTF-8"), big5 = iconv_open("BIG5", "UTF-8");
    if (gb == (iconv_t)-1 || big5 == (iconv_t)-1) {
        fprintf(stderr, "pinyinimport: iconv has no GB2312 or Big5\n");
        return 1;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *out = fopen(tmp, "w");
    if (!out) {
        fprintf(stderr, "pinyinimport: %s: %s\n", tmp, strerror(errno));
        return 4;
    }
    fputs("char,readings\n", out);
    char line[1024];
    unsigned long rows = 0, lineno = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        /* "\t0x4E00: \"yī\"," */
        char *p = line;
        while (*p == '\t' || *p == ' ')
            p++;
        if (strncmp(p, "0x", 2) != 0)
            continue;
        char *end;
        unsigned long cp = strtoul(p, &end, 16);
        char *q1 = strchr(end, '"'), *q2 = q1 ? strchr(q1 + 1, '"') : NULL;
        if (!q1 || !q2) {
            fprintf(stderr, "pinyinimport: %s:%lu: no readings\n", argv[1], lineno);
            fclose(out);
            remove(tmp);
            return 3;
        }
        *q2 = '\0';
        if (cp < 0x3400 || cp > 0x9FFF)
            continue;
        char ch[8];
        ch[utf8_encode(cp, ch)] = '\0';
        if (!encodable(gb, ch) && !encodable(big5, ch))
            continue;
        char kept[MAX_READINGS][16];
        int n = 0;
        for (char *r = strtok(q1 + 1, ","); r && n < MAX_READINGS; r = strtok(NULL, ",")) {
            char plain[16];
            if (!toneless(r, plain, sizeof plain)) {
                fprintf(stderr, "pinyinimport: %s:%lu: \"%s\" is no pinyin\n", argv[1],
                        lineno, r);
                fclose(out);
                remove(tmp);
                return 3;
            }
            int seen = 0;
            for (int k = 0; k < n && !seen; k++)
                seen = !strcmp(kept[k], plain);
            if (!seen)
                strcpy(kept[n++], plain);
        }
        fprintf(out, "%s,", ch);
        for (int k = 0; k < n; k++)
            fprintf(out, "%s%s", k ? "|" : "", kept[k]);
        fputc('\n', out);
        rows++;
    }
    fclose(in);
    if (fclose(out) != 0 || rename(tmp, argv[2]) != 0) {
        fprintf(stderr, "pinyinimport: %s: %s\n", argv[2], strerror(errno));
        remove(tmp);
        return 4;
    }
    fprintf(stderr, "pinyinimport: %lu characters\n", rows);
    return 0;
}
