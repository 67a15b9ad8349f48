/* cmd_report.c — `kmgca report`: a caseload of client folders to one workbook
 * per client and an index, in parallel, optionally with a PDF per client.
 *
 * Each client runs on its own in a pool of threads sharing one read-only
 * food set; a thread holds one client at a time, so memory stays bounded
 * whatever the caseload. A client that fails is named on stderr and in the
 * index, and the others go on. Outputs are written beside their final name
 * and renamed into place when complete (lib/sheet.c), and the output
 * folder may not lie inside the clients' folder, so no input is ever
 * overwritten.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#define MAX_JOBS 256
#define MAX_CLIENTS 100000

static const char report_usage[] =
    "Usage: kmgca report [OPTIONS] CLIENTS_DIR -o OUT_DIR\n"
    "\n"
    "Writes one workbook per client folder of CLIENTS_DIR into OUT_DIR, and\n"
    "OUT_DIR/index.xlsx with one row per client. A client folder holds\n"
    "profile.txt (name or id, age, sex, pregnant or lactating, reference,\n"
    "body mass, target overrides, language, notes; \"key: value\" lines, #\n"
    "comments) and diary*.csv, with any of meds*.csv, activity*.csv and\n"
    "daylog*.csv (date, cramps, severity 0-10). Each workbook opens on a client\n"
    "summary that prints on one page; the analysis sheets of kmgca analyse\n"
    "follow.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR       where the reports go (created if missing; never inside\n"
    "                         CLIENTS_DIR); existing reports of the same name are replaced\n"
    "  -j, --jobs N           clients reported at the same time (default: the number\n"
    "                         of online CPUs)\n"
    "      --pdf              also a PDF of each client's summary and nights, made with\n"
    "                         LibreOffice (soffice) when it is installed\n"
    "      --pdf-timeout S    seconds LibreOffice may take in all (default 120 + 20 a\n"
    "                         client)\n"
    "      --lang L           en or zh for every report (default: each profile's\n"
    "                         language, else en; the index follows --lang, else en)\n"
    "      --foods FILE       custom foods for every client (see kmgca food --help)\n"
    "      --recipes FILE     recipes for every client (see kmgca food --help)\n"
    "  -q, --quiet            no progress and no table (errors still shown)\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 every client reported; 6 some client folders (or PDFs) could not\n"
    "be made: each is named on stderr and in the index, the others were written;\n"
    "2 bad options, or no client folder; 4 the output folder or the index cannot be\n"
    "written; 5 internal error.\n";

typedef struct {
    char *folder;               /* CLIENTS_DIR/name */
    char out_name[160];         /* NAME.xlsx */
    char out[4200];
    char print[4200];           /* the printable copy, for --pdf */
} job;

typedef struct {
    kmgca_foods *foods;
    job *jobs;
    kmgca_client_result *results;
    size_t count;
    size_t next, done, failed;
    kmgca_report_options options;
    const char *print_dir;      /* not NULL with --pdf */
    int progress;
    time_t last_progress;
    pthread_mutex_t lock;
} pool;

static void show_progress(pool *p, int final)
{
    if (!p->progress)
        return;
    time_t now = time(NULL);
    if (!final && now == p->last_progress)
        return;
    p->last_progress = now;
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "\rkmgca: report: %zu of %zu clients done%s", p->done, p->count,
                final ? "\n" : "");
    else if (final || p->done % (p->count / 10 ? p->count / 10 : 1) == 0)
        fprintf(stderr, "kmgca: report: %zu of %zu clients done\n", p->done, p->count);
    fflush(stderr);
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->count ? p->next++ : p->count;
        pthread_mutex_unlock(&p->lock);
        if (i == p->count)
            return NULL;
        kmgca_report_options o = p->options;
        o.print_path = p->print_dir ? p->jobs[i].print : NULL;
        kmgca_error err;
        kmgca_status st = kmgca_report_client(p->foods, p->jobs[i].folder, p->jobs[i].out, &o,
                                              &p->results[i], &err);
        pthread_mutex_lock(&p->lock);
        p->done++;
        p->failed += st != KMGCA_OK;
        show_progress(p, 0);
        pthread_mutex_unlock(&p->lock);
    }
}

/* ---- A thread-safe gmtime ----------------------------------------------- */

/* libxlsxwriter 1.1.4 formats the workbook's created and modified times with
 * gmtime(), whose result lives in one buffer shared by every thread, while
 * it closes a workbook; here several threads close workbooks at once. This
 * definition, in the program, takes the place of the C library's for
 * libxlsxwriter too (the dynamic linker looks in the program first), and
 * gives each thread its own buffer. Serialising the whole close instead
 * would serialise the zip compression, a third of the work. */
struct tm *gmtime(const time_t *t)
{
    static _Thread_local struct tm buf;
    return gmtime_r(t, &buf);
}

/* ---- Folders and names -------------------------------------------------- */

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file name for a client's reports from its folder name: letters, digits,
 * UTF-8 text, space, '-', '_' and '.' kept, anything else '_'. */
static void output_name(const char *folder, char *out, size_t size)
{
    size_t o = 0;
    for (const char *s = folder; *s && o + 1 < size && o < 100; s++) {
        unsigned char c = (unsigned char)*s;
        int keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ' ' ||
                   (c == '.' && o > 0);
        out[o++] = keep ? (char)c : '_';
    }
    out[o] = '\0';
    /* Never end inside a UTF-8 sequence cut at the length limit. */
    while (o && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
        o--;
    if (o && (unsigned char)out[o - 1] >= 0xC0)
        o--;
    out[o] = '\0';
    if (!out[0])
        snprintf(out, size, "client");
}

/* The absolute, resolved form of a path that may not exist yet (its parent
 * must). */
static int resolve(const char *path, char *out)
{
    if (realpath(path, out))
        return 1;
    char parent[PATH_MAX], copy[PATH_MAX];
    snprintf(copy, sizeof copy, "%s", path);
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    char *slash = strrchr(copy, '/');
    const char *name = slash ? slash + 1 : copy;
    if (slash == copy)
        snprintf(parent, sizeof parent, "/");
    else if (slash) {
        *slash = '\0';
        if (!realpath(copy, parent))
            return 0;
    } else if (!realpath(".", parent))
        return 0;
    return snprintf(out, PATH_MAX, "%s/%s", strcmp(parent, "/") ? parent : "", name) < PATH_MAX;
}

static int inside(const char *dir, const char *path)
{
    size_t n = strlen(dir);
    return strncmp(dir, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* ---- LibreOffice -------------------------------------------------------- */

static int find_program(const char *name, char *out, size_t size)
{
    const char *path = getenv("PATH");
    if (strchr(name, '/')) {
        snprintf(out, size, "%s", name);
        return access(out, X_OK) == 0;
    }
    while (path && *path) {
        size_t n = strcspn(path, ":");
        snprintf(out, size, "%.*s/%s", (int)n, n ? path : ".", name);
        if (access(out, X_OK) == 0)
            return 1;
        path += n + (path[n] == ':');
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Converts the workbooks to PDF into outdir with one LibreOffice run:
 * headless, a fresh user profile that is removed afterwards, its own
 * process group killed whole on timeout (and after it ends, so that no
 * helper outlives it). Returns 0 when soffice ran and exited 0. */
static int run_soffice(const char *soffice, char **files, size_t n, const char *outdir,
                       int timeout_s, char *why, size_t why_size)
{
    const char *tmpdir = getenv("TMPDIR");
    char profile[PATH_MAX];
    snprintf(profile, sizeof profile, "%s/kmgca-lo.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!mkdtemp(profile)) {
        snprintf(why, why_size, "cannot make a temporary folder: %s", strerror(errno));
        return -1;
    }
    char env_arg[PATH_MAX + 64], log[PATH_MAX + 16];
    snprintf(env_arg, sizeof env_arg, "-env:UserInstallation=file://%s", profile);
    snprintf(log, sizeof log, "%s/soffice.log", profile);
    char **argv = calloc(n + 16, sizeof *argv);
    if (!argv) {
        remove_tree(profile);
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    size_t a = 0;
    argv[a++] = (char *)soffice;
    argv[a++] = "--headless";
    argv[a++] = "--norestore";
    argv[a++] = "--nolockcheck";
    argv[a++] = "--nologo";
    argv[a++] = "--nodefault";
    argv[a++] = env_arg;
    argv[a++] = "--convert-to";
    argv[a++] = "pdf";
    argv[a++] = "--outdir";
    argv[a++] = (char *)outdir;
    for (size_t i = 0; i < n; i++)
        argv[a++] = files[i];
    argv[a] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, why_size, "cannot start LibreOffice: %s", strerror(errno));
        free(argv);
        remove_tree(profile);
        return -1;
    }
    if (pid == 0) {
        setpgid(0, 0);
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0)
            dup2(null, STDIN_FILENO);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        setenv("LC_ALL", "C.UTF-8", 1);
        execv(soffice, argv);
        _exit(127);
    }
    setpgid(pid, pid);
    free(argv);
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = 0, timed_out = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR) {
            status = -1;
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= timeout_s) {
            timed_out = 1;
            kill(-pid, SIGTERM);
            struct timespec grace = {2, 0};
            nanosleep(&grace, NULL);
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        struct timespec tick = {0, 100 * 1000 * 1000};
        nanosleep(&tick, NULL);
    }
    /* Whatever LibreOffice left running in its group goes too. */
    kill(-pid, SIGKILL);
    int rc = 0;
    if (timed_out) {
        snprintf(why, why_size, "LibreOffice did not finish within %d seconds (stopped)",
                 timeout_s);
        rc = -1;
    } else if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char first[300] = "";
        FILE *f = fopen(log, "r");
        if (f) {
            if (!fgets(first, sizeof first, f))
                first[0] = '\0';
            fclose(f);
        }
        first[strcspn(first, "\n")] = '\0';
        snprintf(why, why_size, "LibreOffice failed (%s%s%s)",
                 WIFEXITED(status) && WEXITSTATUS(status) == 127 ? "could not be run"
                                                                  : "exit status not 0",
                 first[0] ? ": " : "", first);
        rc = -1;
    }
    remove_tree(profile);
    return rc;
}

/* ---- The table on stdout ------------------------------------------------ */

/* Display width: CJK characters take two columns. */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        w += *p >= 0xE3 && *p <= 0xE9 ? 2 : *p == 0xEF ? 2 : 1;
    }
    return w;
}

static void print_cell(const char *s, size_t width)
{
    char cut[200];
    size_t o = 0, w = 0;
    for (const char *p = s; *p && o + 5 < sizeof cut;) {
        size_t len = 1;
        unsigned char c = (unsigned char)*p;
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        char one[5];
        memcpy(one, p, len);
        one[len] = '\0';
        size_t cw = display_width(one);
        if (w + cw > width)
            break;
        memcpy(cut + o, p, len);
        o += len;
        w += cw;
        p += len;
    }
    cut[o] = '\0';
    fputs(cut, stdout);
    for (; w < width; w++)
        fputc(' ', stdout);
}

static void print_table(const kmgca_client_result *r, size_t n, const char *index_path)
{
    printf("%-30s %-24s %4s %5s %5s %5s  %-26s %-7s %s\n", "client", "period", "days", "Mg",
           "K", "Ca", "flagged days", "cramps", "report");
    for (size_t i = 0; i < n; i++) {
        print_cell(r[i].name, 30);
        fputc(' ', stdout);
        if (r[i].status != KMGCA_OK) {
            printf("not reported: see the error above\n");
            continue;
        }
        char period[32], mg[16], k[16], ca[16], flags[80] = "", cramps[48] = "-";
        if (r[i].first_date[0])
            snprintf(period, sizeof period, "%s..%s", r[i].first_date, r[i].last_date);
        else
            snprintf(period, sizeof period, "-");
        pct_text(mg, sizeof mg, r[i].average_pct[KMGCA_MG], "-");
        pct_text(k, sizeof k, r[i].average_pct[KMGCA_K], "-");
        pct_text(ca, sizeof ca, r[i].average_pct[KMGCA_CA], "-");
        size_t len = 0;
        if (r[i].diuretic_days)
            len += (size_t)snprintf(flags + len, sizeof flags - len, "diuretic %zu",
                                    r[i].diuretic_days);
        if (r[i].drug_days && len < sizeof flags)
            len += (size_t)snprintf(flags + len, sizeof flags - len, "%sdrug %zu",
                                    len ? ", " : "", r[i].drug_days);
        if (r[i].sweat_days && len < sizeof flags)
            snprintf(flags + len, sizeof flags - len, "%ssweat %zu", len ? ", " : "",
                     r[i].sweat_days);
        if (!flags[0])
            snprintf(flags, sizeof flags, "-");
        if (r[i].nights_logged)
            snprintf(cramps, sizeof cramps, "%zu/%zu", r[i].cramp_nights, r[i].nights_logged);
        printf("%-24s %4zu %5s %5s %5s  %-26s %-7s %s%s%s\n", period, r[i].days, mg, k, ca, flags,
               cramps, r[i].workbook, r[i].pdf[0] ? " + " : "", r[i].pdf);
    }
    size_t failed = 0;
    for (size_t i = 0; i < n; i++)
        failed += r[i].status != KMGCA_OK;
    printf("\n%zu client%s: %zu reported, %zu not reported.\n", n, n == 1 ? "" : "s", n - failed,
           failed);
    printf("Mg, K, Ca: period average as %% of the client's daily target. Estimates from food "
           "diaries; not a diagnosis.\n");
    printf("Wrote %s\n", index_path);
}

/* ---- The command -------------------------------------------------------- */

static void print_client_error(const kmgca_client_result *r)
{
    char context[600];
    snprintf(context, sizeof context, "client \"%s\" not reported: ", r->folder);
    print_error_in(context, &r->error);
}

/* What the command line asked for, and what the run has made so far. */
typedef struct {
    const char *out_dir, *custom, *recipes, *clients_dir;
    long jobs, pdf_timeout;
    int pdf, quiet;
    kmgca_report_options ro;
    char **names;             /* client folders, in name order */
    size_t count;
    job *jobs_list;
    kmgca_client_result *results;
    char print_dir[PATH_MAX]; /* the PDFs' temporary folder, or "" */
} report_run;

/* The command line read into r: -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, report_run *r)
{
    enum { OPT_PDF = 256, OPT_LANG, OPT_FOODS, OPT_PDF_TIMEOUT, OPT_RECIPES };
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"pdf", no_argument, NULL, OPT_PDF},
        {"pdf-timeout", required_argument, NULL, OPT_PDF_TIMEOUT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"foods", required_argument, NULL, OPT_FOODS},
        {"recipes", required_argument, NULL, OPT_RECIPES},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:j:qh", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'o': r->out_dir = optarg; break;
        case 'q': r->quiet = 1; break;
        case OPT_PDF: r->pdf = 1; break;
        case OPT_FOODS: r->custom = optarg; break;
        case OPT_RECIPES: r->recipes = optarg; break;
        case 'j':
            r->jobs = strtol(optarg, &end, 10);
            if (end == optarg || *end || r->jobs < 1 || r->jobs > MAX_JOBS) {
                fprintf(stderr, "kmgca: --jobs takes a number from 1 to %d, not \"%s\"\n",
                        MAX_JOBS, optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_PDF_TIMEOUT:
            r->pdf_timeout = strtol(optarg, &end, 10);
            if (end == optarg || *end || r->pdf_timeout < 1 || r->pdf_timeout > 86400) {
                fprintf(stderr, "kmgca: --pdf-timeout takes seconds from 1 to 86400, not \"%s\"\n",
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_LANG:
            if (kmgca_lang_parse(optarg, &r->ro.lang) != KMGCA_OK) {
                fprintf(stderr, "kmgca: --lang takes en or zh, not \"%s\"\n", optarg);
                return EXIT_USAGE;
            }
            r->ro.lang_forced = 1;
            break;
        case 'h': fputs(report_usage, stdout); return EXIT_OK;
        default:
            fprintf(stderr, "kmgca: report: unknown or incomplete option \"%s\" (try kmgca "
                            "report --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs("kmgca: report: no clients folder given\n\n", stderr);
        fputs(report_usage, stderr);
        return EXIT_USAGE;
    }
    if (optind + 1 < argc) {
        fprintf(stderr, "kmgca: report: one clients folder only (\"%s\" is one too many)\n",
                argv[optind + 1]);
        return EXIT_USAGE;
    }
    if (!r->out_dir) {
        fputs("kmgca: report: give the output folder with -o OUT_DIR\n", stderr);
        return EXIT_USAGE;
    }
    r->clients_dir = argv[optind];
    return -1;
}

/* The clients folder exists, and the output folder is not inside it. */
static int check_folders(const report_run *r)
{
    struct stat sb;
    if (stat(r->clients_dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "kmgca: %s: %s\n", r->clients_dir,
                errno == ENOENT || stat(r->clients_dir, &sb) != 0
                    ? "no such folder"
                    : "not a folder of client folders");
        return EXIT_USAGE;
    }
    char clients_real[PATH_MAX], out_real[PATH_MAX];
    if (!realpath(r->clients_dir, clients_real) || !resolve(r->out_dir, out_real)) {
        fprintf(stderr, "kmgca: %s: cannot find the folder it would go in\n", r->out_dir);
        return EXIT_IO;
    }
    if (inside(clients_real, out_real)) {
        fprintf(stderr, "kmgca: %s: the output folder is inside %s; choose one outside it, so "
                        "that no input is ever overwritten\n",
                r->out_dir, r->clients_dir);
        return EXIT_USAGE;
    }
    return -1;
}

/* The client folders, in name order, into r->names. */
static int list_clients(report_run *r)
{
    DIR *d = opendir(r->clients_dir);
    if (!d) {
        fprintf(stderr, "kmgca: %s: %s\n", r->clients_dir, strerror(errno));
        return EXIT_IO;
    }
    size_t cap = 0;
    struct dirent *e;
    struct stat sb;
    int rc = -1;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", r->clients_dir, e->d_name);
        if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        if (r->count == MAX_CLIENTS) {
            fprintf(stderr, "kmgca: %s: more than %d client folders\n", r->clients_dir,
                    MAX_CLIENTS);
            rc = EXIT_USAGE;
            break;
        }
        if (r->count == cap) {
            cap = cap ? cap * 2 : 64;
            char **more = realloc(r->names, cap * sizeof *r->names);
            if (!more) {
                rc = EXIT_INTERNAL;
                break;
            }
            r->names = more;
        }
        if (!(r->names[r->count] = strdup(e->d_name))) {
            rc = EXIT_INTERNAL;
            break;
        }
        r->count++;
    }
    closedir(d);
    if (rc < 0 && !r->count) {
        fprintf(stderr, "kmgca: %s: no client folders in it (one folder per client, each with "
                        "a profile.txt and a diary)\n",
                r->clients_dir);
        rc = EXIT_USAGE;
    }
    if (rc < 0)
        qsort(r->names, r->count, sizeof *r->names, by_string);
    return rc;
}

/* The output folder, the PDFs' temporary folder, and a job per client:
 * its folder and its workbook's distinct name ("index" kept for the index,
 * case ignored). */
static int plan_jobs(report_run *r)
{
    struct stat sb;
    if (mkdir(r->out_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "kmgca: %s: cannot create the output folder: %s\n", r->out_dir,
                strerror(errno));
        return EXIT_IO;
    }
    if (stat(r->out_dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "kmgca: %s: not a folder\n", r->out_dir);
        return EXIT_USAGE;
    }
    r->jobs_list = calloc(r->count, sizeof *r->jobs_list);
    r->results = calloc(r->count, sizeof *r->results);
    if (!r->jobs_list || !r->results)
        return EXIT_INTERNAL;
    if (r->pdf) {
        snprintf(r->print_dir, sizeof r->print_dir, "%s/.kmgca-print.XXXXXX", r->out_dir);
        if (!mkdtemp(r->print_dir)) {
            fprintf(stderr, "kmgca: %s: cannot make a temporary folder: %s\n", r->out_dir,
                    strerror(errno));
            r->print_dir[0] = '\0';
            return EXIT_IO;
        }
    }
    for (size_t i = 0; i < r->count; i++) {
        job *j = &r->jobs_list[i];
        char base[128], name[140];
        output_name(r->names[i], base, sizeof base);
        snprintf(name, sizeof name, "%s", base);
        for (int k = 2;; k++) {
            int clash = strcasecmp(name, "index") == 0;
            for (size_t p = 0; p < i && !clash; p++) {
                size_t len = strlen(r->jobs_list[p].out_name) - 5;
                clash = strlen(name) == len && strncasecmp(r->jobs_list[p].out_name, name, len) == 0;
            }
            if (!clash)
                break;
            snprintf(name, sizeof name, "%s-%d", base, k);
        }
        snprintf(j->out_name, sizeof j->out_name, "%s.xlsx", name);
        size_t need = strlen(r->clients_dir) + strlen(r->names[i]) + 2;
        if (!(j->folder = malloc(need)))
            return EXIT_INTERNAL;
        snprintf(j->folder, need, "%s/%s", r->clients_dir, r->names[i]);
        snprintf(j->out, sizeof j->out, "%s/%s", r->out_dir, j->out_name);
        if (r->pdf)
            snprintf(j->print, sizeof j->print, "%s/%s", r->print_dir, j->out_name);
    }
    return -1;
}

/* Every client's workbook, on r->jobs threads (the main thread is worker
 * number one). */
static int run_clients(report_run *r, kmgca_foods *foods)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch)
        r->ro.unix_time = strtoll(epoch, NULL, 10);
    long jobs = r->jobs;
    if (!jobs) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? cpus : 1;
    }
    if ((size_t)jobs > r->count)
        jobs = (long)r->count;
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    pool p = {.foods = foods, .jobs = r->jobs_list, .results = r->results, .count = r->count,
              .options = r->ro, .print_dir = r->pdf ? r->print_dir : NULL};
    p.progress = !r->quiet && (isatty(STDERR_FILENO) || r->count >= 50);
    pthread_mutex_init(&p.lock, NULL);
    pthread_t threads[MAX_JOBS];
    long started = 0;
    for (long t = 1; t < jobs; t++) {
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
        started++;
    }
    worker(&p);
    for (long t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (p.progress)
        show_progress(&p, 1);
    pthread_mutex_destroy(&p.lock);
    int rc = EXIT_OK;
    for (size_t i = 0; i < r->count; i++)
        if (r->results[i].status != KMGCA_OK) {
            print_client_error(&r->results[i]);
            rc = EXIT_SOME_FAILED;
        }
    return rc;
}

/* Each made PDF moved from the temporary folder beside its workbook. */
static int collect_pdfs(report_run *r, int ran)
{
    int rc = EXIT_OK;
    struct stat sb;
    for (size_t i = 0; i < r->count; i++) {
        if (r->results[i].status != KMGCA_OK)
            continue;
        const char *out_name = r->jobs_list[i].out_name;
        char from[PATH_MAX + 200], to[PATH_MAX + 200], name[160];
        snprintf(name, sizeof name, "%.*s.pdf", (int)(strlen(out_name) - 5), out_name);
        snprintf(from, sizeof from, "%s/%s", r->print_dir, name);
        snprintf(to, sizeof to, "%s/%s", r->out_dir, name);
        if (stat(from, &sb) == 0 && sb.st_size > 0 && rename(from, to) == 0) {
            snprintf(r->results[i].pdf, sizeof r->results[i].pdf, "%s", name);
        } else {
            if (ran == 0)
                fprintf(stderr, "kmgca: client \"%s\": LibreOffice made no PDF\n",
                        r->results[i].folder);
            rc = EXIT_SOME_FAILED;
        }
    }
    return rc;
}

/* PDFs: one LibreOffice run for every workbook made. */
static int make_pdfs(report_run *r)
{
    char soffice[PATH_MAX];
    const char *wanted = getenv("KMGCA_SOFFICE");
    size_t made = 0;
    for (size_t i = 0; i < r->count; i++)
        made += r->results[i].status == KMGCA_OK;
    if (!find_program(wanted && *wanted ? wanted : "soffice", soffice, sizeof soffice) &&
        !(!(wanted && *wanted) && find_program("libreoffice", soffice, sizeof soffice))) {
        fprintf(stderr, "kmgca: --pdf: LibreOffice is not installed (no soffice on PATH), so "
                        "no PDF was made; the workbooks were written. On Debian: apt-get "
                        "install libreoffice-calc-nogui\n");
        return EXIT_SOME_FAILED;
    }
    if (!made)
        return EXIT_OK;
    char **files = calloc(made, sizeof *files);
    char abs_dir[PATH_MAX];
    if (!files || !realpath(r->print_dir, abs_dir)) {
        free(files);
        return EXIT_INTERNAL;
    }
    size_t k = 0;
    for (size_t i = 0; i < r->count; i++)
        if (r->results[i].status == KMGCA_OK)
            files[k++] = r->jobs_list[i].print;
    if (!r->quiet)
        fprintf(stderr, "kmgca: making %zu PDF%s with LibreOffice ...\n", made,
                made == 1 ? "" : "s");
    char why[600] = "";
    int timeout = r->pdf_timeout ? (int)r->pdf_timeout : 120 + 20 * (int)(made < 5000 ? made : 5000);
    int ran = run_soffice(soffice, files, made, abs_dir, timeout, why, sizeof why);
    if (ran != 0)
        fprintf(stderr, "kmgca: --pdf: %s\n", why);
    free(files);
    return collect_pdfs(r, ran);
}

/* The caseload's index workbook, and its table on stdout. */
static int write_index(report_run *r)
{
    char index_path[PATH_MAX + 16];
    snprintf(index_path, sizeof index_path, "%s/index.xlsx", r->out_dir);
    kmgca_error err;
    kmgca_error_clear(&err);
    if (kmgca_report_index(index_path, r->results, r->count, &r->ro, &err) != KMGCA_OK) {
        print_error(&err);
        return exit_status_for(err.status) == EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_IO;
    }
    if (!r->quiet)
        print_table(r->results, r->count, index_path);
    return EXIT_OK;
}

/* rc, or a worse one: a run that failed outright stays failed. */
static int worse(int rc, int next)
{
    return rc == EXIT_OK ? next : rc == EXIT_SOME_FAILED && next != EXIT_OK ? next : rc;
}

int cmd_report(int argc, char **argv)
{
    report_run r = {.ro = {KMGCA_LANG_EN, 0, -1, NULL}};
    int rc = parse_args(argc, argv, &r);
    if (rc < 0)
        rc = check_folders(&r);
    if (rc >= 0)
        return rc;
    rc = list_clients(&r);
    if (rc < 0)
        rc = plan_jobs(&r);
    kmgca_foods *foods = NULL;
    if (rc < 0) {
        int open_rc = EXIT_OK;
        foods = open_foods(r.custom, r.recipes, &open_rc);
        rc = foods ? run_clients(&r, foods) : open_rc;
    }
    if (r.pdf && (rc == EXIT_OK || rc == EXIT_SOME_FAILED))
        rc = worse(rc, make_pdfs(&r));
    if (r.print_dir[0])
        remove_tree(r.print_dir);
    if (rc == EXIT_OK || rc == EXIT_SOME_FAILED)
        rc = worse(rc, write_index(&r));
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "kmgca: cannot write to standard output\n");
        rc = EXIT_IO;
    }
    kmgca_foods_free(foods);
    for (size_t i = 0; i < r.count; i++) {
        free(r.names[i]);
        if (r.jobs_list)
            free(r.jobs_list[i].folder);
    }
    free(r.names);
    free(r.jobs_list);
    free(r.results);
    return rc;
}
