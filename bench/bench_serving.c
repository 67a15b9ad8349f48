/* bench_serving.c — how long reading a serving takes: finding it in food
 * text (kmgca_serving_split) and parsing it (kmgca_serving_parse), per
 * diary line, on the lines of tests/servings/en.csv and zh.csv.
 *
 * For each line, the two calls are repeated REPEAT times and timed together
 * with clock_gettime(CLOCK_MONOTONIC); the figure of a line is the time of
 * one split + parse. In the same run, as a baseline, the same line is
 * folded for matching (the matcher's first step, text_fold-like work done
 * here by lowering ASCII into a copy), so that the ratio stays comparable
 * on a noisy machine. Reports medians and p90s over the lines; it is not a
 * test and exits 0 whatever the figures are.
 *
 *     make build/bench/bench_serving && build/bench/bench_serving [DIR] [ROUNDS]
 */
#include "kmgca.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef REPEAT
#define REPEAT 200
#endif
#define MAX_LINES 4096

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The first field of each CSV line (quoted or not), then the second. */
static size_t read_texts(const char *path, char **texts, size_t n, size_t max)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench_serving: cannot read %s\n", path);
        return n;
    }
    char line[2048];
    int header = 1;
    while (n < max && fgets(line, sizeof line, f)) {
        if (header) {
            header = 0;
            continue;
        }
        for (int field = 0; field < 2 && n < max; field++) {
            char buf[1024];
            size_t o = 0;
            char *p = line;
            for (int skip = 0; skip < field; skip++) {
                int quoted = *p == '"';
                if (quoted) {
                    p++;
                    while (*p && !(*p == '"' && p[1] != '"'))
                        p += *p == '"' ? 2 : 1;
                    if (*p)
                        p++;
                }
                while (*p && *p != ',')
                    p++;
                if (*p)
                    p++;
            }
            if (*p == '"') {
                p++;
                while (*p && o + 1 < sizeof buf) {
                    if (*p == '"' && p[1] == '"') {
                        buf[o++] = '"';
                        p += 2;
                    } else if (*p == '"') {
                        break;
                    } else {
                        buf[o++] = *p++;
                    }
                }
            } else {
                while (*p && *p != ',' && *p != '\n' && o + 1 < sizeof buf)
                    buf[o++] = *p++;
            }
            buf[o] = '\0';
            if (buf[0])
                texts[n++] = strdup(buf);
        }
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/servings";
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    if (rounds < 1)
        rounds = 1;
    static char *texts[MAX_LINES];
    char path[4096];
    size_t n = 0;
    snprintf(path, sizeof path, "%s/en.csv", dir);
    n = read_texts(path, texts, n, MAX_LINES);
    size_t en = n;
    snprintf(path, sizeof path, "%s/zh.csv", dir);
    n = read_texts(path, texts, n, MAX_LINES);
    if (!n) {
        fprintf(stderr, "bench_serving: no lines read from %s\n", dir);
        return 0;
    }
    double *t_serv = malloc(n * rounds * sizeof *t_serv);
    double *t_base = malloc(n * rounds * sizeof *t_base);
    double *ratio = malloc(n * rounds * sizeof *ratio);
    if (!t_serv || !t_base || !ratio)
        return 0;
    size_t k = 0;
    volatile size_t sink = 0;
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < n; i++) {
            char serving[256], food[1024], lower[1024];
            kmgca_serving s;
            double t0 = now_ns();
            for (int j = 0; j < REPEAT; j++) {
                kmgca_serving_split(texts[i], serving, sizeof serving, food, sizeof food);
                kmgca_serving_parse(serving[0] ? serving : texts[i], &s, NULL);
                sink += (size_t)s.kind;
            }
            double t1 = now_ns();
            for (int j = 0; j < REPEAT; j++) {
                size_t len = strlen(texts[i]);
                if (len >= sizeof lower)
                    len = sizeof lower - 1;
                for (size_t c = 0; c < len; c++)
                    lower[c] = (char)tolower((unsigned char)texts[i][c]);
                lower[len] = '\0';
                sink += (size_t)lower[0];
            }
            double t2 = now_ns();
            t_serv[k] = (t1 - t0) / REPEAT;
            t_base[k] = (t2 - t1) / REPEAT;
            ratio[k] = t_serv[k] / (t_base[k] > 0 ? t_base[k] : 1);
            k++;
        }
    }
    qsort(t_serv, k, sizeof *t_serv, cmp_double);
    qsort(t_base, k, sizeof *t_base, cmp_double);
    qsort(ratio, k, sizeof *ratio, cmp_double);
    printf("serving texts: %zu (%zu English, %zu Chinese) x %d rounds, %d calls each\n", n, en,
           n - en, rounds, REPEAT);
    printf("split + parse:        median %.3f us, p90 %.3f us per text\n", t_serv[k / 2] / 1000,
           t_serv[k * 9 / 10] / 1000);
    printf("baseline (lowercase): median %.3f us, p90 %.3f us per text\n", t_base[k / 2] / 1000,
           t_base[k * 9 / 10] / 1000);
    printf("ratio split+parse / baseline: median %.1f, p90 %.1f\n", ratio[k / 2],
           ratio[k * 9 / 10]);
    (void)sink;
    return 0;
}
