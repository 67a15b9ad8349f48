/* cmd_drug.c — `kmgca drug TEXT`: what a medication-list line is matched to
 * (its JSON form, shared with `kmgca analyse --json`, is in format.c). */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

static const char drug_usage[] =
    "Usage: kmgca drug [--json] TEXT...\n"
    "\n"
    "Shows what a line of a medication list is matched to in kmgca's drug table:\n"
    "the drug (or the parts of a combination), its class and ATC code, and its\n"
    "listed effect on potassium, magnesium, calcium and sodium (down, up,\n"
    "minor_down, minor_up, neutral, variable), with the source. The words of\n"
    "all TEXT arguments form one line: kmgca drug valsartan/HCTZ 80-12.5\n"
    "\n"
    "Names, brands, abbreviations (HCTZ), regional names (frusemide, albuterol)\n"
    "and Chinese names (氢氯噻嗪) are known; doses and words such as \"tab daily\"\n"
    "are ignored; a word one or two letters off a drug name is read as that\n"
    "drug, with a lower confidence. A common drug with no listed mineral effect\n"
    "(a statin) is named as such, never matched to another drug.\n"
    "\n"
    "A calcium, magnesium or potassium supplement or medicine also shows what it\n"
    "gives a day as mg of the element, from its label or its salt and the count\n"
    "and frequency in the text: kmgca drug Caltrate 600+D 1 tablet twice daily\n"
    "\n"
    "Options:\n"
    "      --json    one JSON object: generic_name (null when no mineral-affecting\n"
    "                drug matched), drug_class, atc, effects {k, mg, ca, na},\n"
    "                confidence, status, parts, how, source, supplement (null, or\n"
    "                product, counted, mg_a_day {ca, mg, k}, how, source,\n"
    "                not_counted)\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 a drug or supplement was recognised; 1 nothing was\n"
    "recognised; 2 bad usage.\n"
    "Nothing here is advice: discuss any medicine with its prescriber.\n";

int cmd_drug(int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int as_json = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'j') {
            as_json = 1;
        } else if (c == 'h') {
            fputs(drug_usage, stdout);
            return EXIT_OK;
        } else {
            fprintf(stderr, "kmgca: drug: unknown option \"%s\" (try kmgca drug --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs("kmgca: drug: no text given\n\n", stderr);
        fputs(drug_usage, stderr);
        return EXIT_USAGE;
    }
    char text[2048] = "";
    size_t len = 0;
    for (int i = optind; i < argc; i++) {
        int w = snprintf(text + len, sizeof text - len, "%s%s", i > optind ? " " : "", argv[i]);
        if (w < 0 || (size_t)w >= sizeof text - len) {
            /* Never match a cut text: it could name another drug. */
            fprintf(stderr, "kmgca: the text is longer than %zu bytes\n", sizeof text - 1);
            return EXIT_USAGE;
        }
        len += (size_t)w;
    }
    kmgca_drug_match m;
    kmgca_drug_match_text(text, &m);
    kmgca_supplement sp;
    kmgca_supplement_read(text, "", KMGCA_SUPPLEMENT_PER_DAY, &sp);
    if (as_json) {
        json j = {.out = stdout, .pretty = 1};
        json_drug_match_with(&j, NULL, text, &m, &sp);
        fputc('\n', stdout);
    } else if (!m.part_count && sp.recognised) {
        printf("%s\n  supplement: %s\n", text, sp.product);
    } else if (!m.part_count) {
        printf("%s: not recognised (no drug of kmgca's table; nothing can be said about its "
               "effect on minerals)\n",
               text);
    } else if (!m.affects_minerals) {
        printf("%s: %s (%s) — no effect on potassium, magnesium, calcium or sodium is listed "
               "in kmgca's table\n",
               text, kmgca_drug_name(m.part[0]), kmgca_drug_class(m.part[0]));
        for (size_t i = 1; i < m.part_count; i++)
            printf("  and %s (%s)\n", kmgca_drug_name(m.part[i]), kmgca_drug_class(m.part[i]));
    } else {
        printf("%s\n  drug:       %s\n  class:      %s\n", text, m.name, m.drug_class);
        if (m.atc[0])
            printf("  ATC:        %s\n", m.atc);
        printf("  effects:    K %s, Mg %s, Ca %s, Na %s\n", kmgca_effect_name(m.effect[KMGCA_K]),
               kmgca_effect_name(m.effect[KMGCA_MG]), kmgca_effect_name(m.effect[KMGCA_CA]),
               kmgca_effect_name(m.effect[KMGCA_NA]));
        printf("  confidence: %.2f (%s)\n", m.confidence, m.how);
        for (size_t i = 0; i < m.part_count; i++)
            if (!kmgca_drug_affects_minerals(m.part[i]))
                printf("  also:       %s (no listed mineral effect)\n", kmgca_drug_name(m.part[i]));
        const kmgca_drug *src = m.row ? m.row : m.part[0];
        printf("  note:       %s\n  source:     %s\n", kmgca_drug_note(src),
               kmgca_drug_source(src));
        printf("  Discuss any medicine with its prescriber; do not stop or change it on your "
               "own.\n");
    }
    if (!as_json && sp.recognised) {
        if (sp.review[0])
            printf("  not counted: %s\n", sp.review);
        else
            printf("  elemental:  %s\n", sp.how);
        if (sp.source && sp.source[0])
            printf("  label:      %s\n", sp.source);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "kmgca: cannot write to standard output\n");
        return EXIT_IO;
    }
    return m.part_count || sp.recognised ? EXIT_OK : EXIT_NOT_FOUND;
}
