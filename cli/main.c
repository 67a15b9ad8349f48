/* main.c — the kmgca command: picks a subcommand and maps errors to exits. */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "Usage: kmgca COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Potassium, magnesium and calcium from food as people write it, from the USDA\n"
    "SR28 and FNDDS 2017-2018 tables built into the program (no set-up, offline).\n"
    "\n"
    "Commands:\n"
    "  analyse DIARY... [-o REPORT.xlsx]\n"
    "                          daily Ca, Mg, K and Na from food diaries against\n"
    "                          targets, and an annotated workbook\n"
    "  food FOOD [SERVING]     minerals in a serving of a food (default 100 g)\n"
    "  food --search TEXT      list the foods a text could mean\n"
    "  drug TEXT               what a medication-list line is matched to, and its\n"
    "                          listed effect on K, Mg, Ca and Na\n"
    "  report CLIENTS_DIR -o OUT_DIR [--pdf] [--lang zh]\n"
    "                          a dietitian's caseload: one printable workbook per\n"
    "                          client folder, and an index\n"
    "  help [COMMAND]          this text, or a command's help\n"
    "\n"
    "Options:\n"
    "  -h, --help              show help and exit\n"
    "  -V, --version           show the version and exit\n"
    "\n"
    "Exit status: 0 success; 1 no food or drug matched, or the serving cannot be\n"
    "weighed; 2 bad options or arguments; 3 malformed input file; 4 a file cannot be\n"
    "read or written; 5 internal error; 6 (report) some clients could not be reported.\n"
    "See kmgca(1).\n";

int exit_status_for(kmgca_status st)
{
    switch (st) {
    case KMGCA_OK: return EXIT_OK;
    case KMGCA_ERROR_NO_MATCH:
    case KMGCA_ERROR_UNIT: return EXIT_NOT_FOUND;
    case KMGCA_ERROR_AMOUNT:
    case KMGCA_ERROR_ARGUMENT: return EXIT_USAGE;
    case KMGCA_ERROR_CSV:
    case KMGCA_ERROR_ENCODING:
    case KMGCA_ERROR_HEADER:
    case KMGCA_ERROR_VALUE:
    case KMGCA_ERROR_LIMIT: return EXIT_DATA;
    case KMGCA_ERROR_IO: return EXIT_IO;
    default: return EXIT_INTERNAL;
    }
}

void print_error_in(const char *context, const kmgca_error *err)
{
    fputs("kmgca: ", stderr);
    if (context)
        fputs(context, stderr);
    if (err->file[0]) {
        fputs(err->file, stderr);
        if (err->line)
            fprintf(stderr, ":%lu", err->line);
        if (err->line && err->column)
            fprintf(stderr, ":%lu", err->column);
        fputs(": ", stderr);
    }
    /* Messages quote the input: its control characters are shown as '?'
     * rather than sent to the terminal. */
    const char *m = err->message[0] ? err->message : kmgca_status_string(err->status);
    for (; *m; m++)
        fputc((unsigned char)*m < 0x20 || *m == 0x7f ? '?' : *m, stderr);
    fputc('\n', stderr);
}

void print_error(const kmgca_error *err) { print_error_in(NULL, err); }

kmgca_foods *open_foods(const char *custom, const char *recipes, int *rc)
{
    kmgca_error err;
    kmgca_error_clear(&err);
    kmgca_foods *foods = kmgca_foods_new(&err);
    if (!foods) {
        print_error(&err);
        *rc = EXIT_INTERNAL;
        return NULL;
    }
    if ((custom && kmgca_foods_load_custom(foods, custom, &err) != KMGCA_OK) ||
        (recipes && kmgca_foods_load_recipes(foods, recipes, &err) != KMGCA_OK)) {
        print_error(&err);
        kmgca_foods_free(foods);
        *rc = exit_status_for(err.status);
        return NULL;
    }
    return foods;
}

/* The commands: a name (and another spelling), and the function that runs
 * it with argv[0] the command's name. */
static const struct command {
    const char *name, *alias;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"analyse", "analyze", cmd_analyse},
    {"food", NULL, cmd_food},
    {"drug", NULL, cmd_drug},
    {"report", NULL, cmd_report},
};

static const struct command *command_named(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name) ||
            (commands[i].alias && !strcmp(name, commands[i].alias)))
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    /* Past a file size limit (ulimit -f) a write must fail with EFBIG, so
     * that a workbook's temporary file is removed, rather than the signal
     * ending the run and leaving it behind. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("kmgca %s (library %s)\n", KMGCA_VERSION, kmgca_version());
        return EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        const struct command *c = argc > 2 ? command_named(argv[2]) : NULL;
        if (c) {
            char *args[] = {(char *)c->name, "--help", NULL};
            return c->run(2, args);
        }
        fputs(usage, stdout);
        return EXIT_OK;
    }
    const struct command *c = command_named(name);
    if (c)
        return c->run(argc - 1, argv + 1);
    fprintf(stderr, "kmgca: unknown command \"%s\" (try kmgca --help)\n", name);
    return EXIT_USAGE;
}
