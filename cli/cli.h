/* cli.h — what the kmgca command's files share. The CLI decides how errors
 * look and which exit status they get; the library only reports them. */
#ifndef KMGCA_CLI_H
#define KMGCA_CLI_H

#include "kmgca.h"

#include <stdio.h>

/* Exit statuses (documented in kmgca(1) and README.md). */
enum {
    EXIT_OK = 0,
    EXIT_NOT_FOUND = 1,  /* no food matched, or the serving cannot be weighed */
    EXIT_USAGE = 2,      /* bad options or arguments */
    EXIT_DATA = 3,       /* an input file is malformed (file:line:column given) */
    EXIT_IO = 4,         /* a file cannot be read or written */
    EXIT_INTERNAL = 5,   /* out of memory or another internal failure */
    EXIT_SOME_FAILED = 6 /* report: some clients could not be reported */
};

/* The exit status for a library status. */
int exit_status_for(kmgca_status st);
/* Prints "kmgca: FILE:LINE:COLUMN: message" (the parts that apply). */
void print_error(const kmgca_error *err);
/* The same, with `context` ("client \"x\" not reported: ") after "kmgca: ". */
void print_error_in(const char *context, const kmgca_error *err);

/* The built-in tables plus an optional custom foods file; NULL after
 * printing the error, with the exit status in *rc. */
kmgca_foods *open_foods(const char *custom, const char *recipes, int *rc);

int cmd_food(int argc, char **argv);
int cmd_analyse(int argc, char **argv);
int cmd_drug(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* ---- JSON output -------------------------------------------------------- */
typedef struct {
    FILE *out;
    int depth;
    int need_comma[32];
    int pretty;
} json;

void json_begin_object(json *j, const char *key);
void json_end_object(json *j);
void json_begin_array(json *j, const char *key);
void json_end_array(json *j);
void json_string(json *j, const char *key, const char *value); /* NULL -> null */
void json_number(json *j, const char *key, double value);      /* NaN -> null */
void json_int(json *j, const char *key, long long value);
void json_bool(json *j, const char *key, int value);
void json_null(json *j, const char *key);

/* A drug match as a JSON object (format.c); its "status": unknown,
 * mineral_effect or no_mineral_effect. */
void json_drug_match(json *j, const char *key, const char *text, const kmgca_drug_match *m);
/* The same, with the supplement the text names (or null) inside. */
void json_drug_match_with(json *j, const char *key, const char *text, const kmgca_drug_match *m,
                          const kmgca_supplement *sp);
/* A supplement as JSON: null when not recognised. */
void json_supplement(json *j, const char *key, const kmgca_supplement *sp);
const char *drug_status(const kmgca_drug_match *m);

/* ---- Shared formatting (format.c) --------------------------------------- */

/* Formats mg for people: 156, 27.4, 0.52. */
const char *fmt_mg(char *buf, size_t size, double mg);
/* "87%", or `missing` for no figure. */
const char *pct_text(char *buf, size_t size, double pct, const char *missing);
/* "1,234", or "n/a". */
const char *grouped(char *buf, size_t size, double v);

#endif
