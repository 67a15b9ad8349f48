/* floor.c — the floor for the `kmgca analyse` benchmark: the same reading and
 * writing with no analysis at all.
 *
 *     floor [--varied] IN.csv OUT.xlsx
 *
 * Reads a diary CSV (header `date,food,amount,unit`) with libcsv, fed in
 * 64 KiB chunks, and writes one row per input row to a "Diary" worksheet with
 * libxlsxwriter in constant-memory mode, shaped like the "Diary" sheet of
 * kmgca analyse: 19 columns (file, line, date, time, meal, food as written,
 * amount, unit, matched food, source, food id, confidence, grams, Ca, Mg, K,
 * Na, status, how), 17 cells a row, as kmgca writes for a generic diary (which
 * has no time or meal, so those two stay empty). The 4 input fields are
 * written as strings, the file name and line number as read, and every other
 * cell is a constant (a ~100-character string in the "how" column, about the
 * mean length of kmgca's). No matching, no arithmetic, no other sheet: what is
 * left is the cost of parsing and of writing the rows, the least any such
 * program can take.
 *
 * With --varied the same cells hold values that change from row to row as
 * kmgca's do: the matched-food column repeats the food as written, and grams
 * and the four minerals are the amount times fixed factors. Still no
 * matching and no analysis, but the sheet is as varied as a real report, and
 * so compresses as slowly: deflate runs much faster over a column of one
 * repeated value. Both floors are reported by bench/analyse.sh.
 *
 * The line number is the record number + 1 (the header is line 1), which is
 * the physical line as long as no field holds a line break.
 *
 * Build: cc -O2 -o floor floor.c -lcsv -lm $(pkg-config --cflags --libs xlsxwriter)
 * Exits 0 on success, 2 on bad arguments, 3 on malformed CSV, 4 on I/O errors,
 * 5 when out of memory.
 */
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define NIN 4 /* date, food, amount, unit */

struct field {
    char *s;
    size_t len, cap;
};

struct ctx {
    lxw_worksheet *ws;
    const char *file; /* as written in the "file" column */
    struct field in[NIN];
    size_t nfields;     /* fields seen in the current record */
    unsigned long rec;  /* records completed, header included */
    lxw_row_t row;      /* next worksheet row */
    int varied;         /* --varied */
    int bad;            /* 0, or the exit status to return */
};

static const char *const headers[] = {
    "File", "Line", "Date", "Time", "Meal", "Food as written", "Amount", "Unit",
    "Matched food", "Source", "Food ID", "Confidence", "Grams", "Ca mg", "Mg mg", "K mg",
    "Na mg", "Status", "How matched and weighed",
};
#define NCOLS (sizeof headers / sizeof headers[0])

static const char how[] =
    "exact name match (1.00) to \"Bananas, raw\" (SR28 09040); 1 medium = 118 g (USDA household measure)";

static void on_field(void *s, size_t len, void *data)
{
    struct ctx *c = data;
    size_t i = c->nfields++;
    if (i >= NIN)
        return;
    struct field *f = &c->in[i];
    if (len + 1 > f->cap) {
        size_t cap = f->cap ? f->cap : 64;
        while (cap < len + 1)
            cap *= 2;
        char *p = realloc(f->s, cap);
        if (!p) {
            c->bad = 5;
            return;
        }
        f->s = p;
        f->cap = cap;
    }
    if (len)
        memcpy(f->s, s, len);
    f->s[len] = '\0';
    f->len = len;
}

static void on_record(int term, void *data)
{
    (void)term;
    struct ctx *c = data;
    size_t n = c->nfields;
    c->nfields = 0;
    c->rec++;
    if (c->bad)
        return;
    if (c->rec == 1) {
        static const char *const want[NIN] = {"date", "food", "amount", "unit"};
        for (size_t i = 0; i < NIN; i++) {
            if (n != NIN || strcmp(c->in[i].s, want[i]) != 0) {
                fprintf(stderr, "floor: %s:1: the header must be date,food,amount,unit\n", c->file);
                c->bad = 3;
                return;
            }
        }
        for (lxw_col_t col = 0; col < NCOLS; col++)
            worksheet_write_string(c->ws, 0, col, headers[col], NULL);
        c->row = 1;
        return;
    }
    if (n != NIN) {
        fprintf(stderr, "floor: %s:%lu: %zu fields, want 4\n", c->file, c->rec, n);
        c->bad = 3;
        return;
    }
    lxw_worksheet *ws = c->ws;
    lxw_row_t r = c->row++;
    worksheet_write_string(ws, r, 0, c->file, NULL);
    worksheet_write_number(ws, r, 1, (double)c->rec, NULL);
    worksheet_write_string(ws, r, 2, c->in[0].s, NULL);
    worksheet_write_string(ws, r, 5, c->in[1].s, NULL);
    worksheet_write_string(ws, r, 6, c->in[2].s, NULL);
    worksheet_write_string(ws, r, 7, c->in[3].s, NULL);
    worksheet_write_string(ws, r, 8, c->varied ? c->in[1].s : "Bananas, raw", NULL);
    worksheet_write_string(ws, r, 9, "SR28", NULL);
    worksheet_write_string(ws, r, 10, "09040", NULL);
    worksheet_write_number(ws, r, 11, 0.95, NULL);
    if (c->varied) {
        /* Rounded as kmgca rounds: grams and mg to 0.1. */
        double a = atof(c->in[2].s);
        worksheet_write_number(ws, r, 12, round(a * 11.8) / 10, NULL);
        worksheet_write_number(ws, r, 13, round(a * 0.59) / 10, NULL);
        worksheet_write_number(ws, r, 14, round(a * 3.186) / 10, NULL);
        worksheet_write_number(ws, r, 15, round(a * 42.244) / 10, NULL);
        worksheet_write_number(ws, r, 16, round(a * 0.118) / 10, NULL);
    } else {
        worksheet_write_number(ws, r, 12, 118, NULL);
        worksheet_write_number(ws, r, 13, 5.9, NULL);
        worksheet_write_number(ws, r, 14, 31.86, NULL);
        worksheet_write_number(ws, r, 15, 422.44, NULL);
        worksheet_write_number(ws, r, 16, 1.18, NULL);
    }
    worksheet_write_string(ws, r, 17, "used", NULL);
    worksheet_write_string(ws, r, 18, how, NULL);
}

int main(int argc, char **argv)
{
    int varied = argc == 4 && strcmp(argv[1], "--varied") == 0;
    if (argc != 3 + varied) {
        fprintf(stderr, "usage: floor [--varied] IN.csv OUT.xlsx\n");
        return 2;
    }
    const char *in_path = argv[1 + varied], *out_path = argv[2 + varied];
    FILE *in = fopen(in_path, "rb");
    if (!in) {
        fprintf(stderr, "floor: %s: %s\n", in_path, strerror(errno));
        return 4;
    }
    const char *base = strrchr(in_path, '/');

    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(out_path, &opt);
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Diary") : NULL;
    if (!ws) {
        fprintf(stderr, "floor: %s: cannot create the workbook\n", out_path);
        fclose(in);
        return 4;
    }

    struct ctx c = {.ws = ws, .file = base ? base + 1 : in_path, .varied = varied};
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        fprintf(stderr, "floor: csv_init failed\n");
        return 5;
    }
    static char buf[64 * 1024];
    size_t n;
    int status = 0;
    while (!c.bad && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_record, &c) != n) {
            fprintf(stderr, "floor: %s: %s\n", in_path, csv_strerror(csv_error(&p)));
            status = 3;
            break;
        }
    }
    if (!status && ferror(in)) {
        fprintf(stderr, "floor: %s: read error\n", in_path);
        status = 4;
    }
    if (!status && !c.bad && csv_fini(&p, on_field, on_record, &c) != 0) {
        fprintf(stderr, "floor: %s: %s\n", in_path, csv_strerror(csv_error(&p)));
        status = 3;
    }
    if (!status && c.bad)
        status = c.bad;
    if (!status && c.rec == 0) {
        fprintf(stderr, "floor: %s: empty file\n", in_path);
        status = 3;
    }
    csv_free(&p);
    fclose(in);
    for (size_t i = 0; i < NIN; i++)
        free(c.in[i].s);

    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "floor: %s: %s\n", out_path, lxw_strerror(err));
        if (!status)
            status = 4;
    }
    return status;
}
