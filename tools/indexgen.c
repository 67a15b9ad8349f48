/* indexgen — writes the match index of the built-in food tables as C.
 *
 *   indexgen OUT.c
 *
 * Linked with the library's objects and lib/noindex.c, it opens the
 * built-in tables, builds the index as the first match of a run would
 * (lib/index.c, lib/match_zh.c) and writes its arrays (lib/index_write.c),
 * so that `kmgca food banana` starts without building it. The file is
 * written to a temporary name and renamed.
 * Exit status 0 when written, 1 on any failure.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: indexgen OUT.c\n");
        return 1;
    }
    kmgca_error err;
    kmgca_foods *foods = kmgca_foods_new(&err);
    if (!foods) {
        fprintf(stderr, "indexgen: %s\n", err.message);
        return 1;
    }
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]) >= sizeof tmp) {
        fprintf(stderr, "indexgen: %s: name too long\n", argv[1]);
        kmgca_foods_free(foods);
        return 1;
    }
    FILE *out = fopen(tmp, "w");
    if (!out) {
        perror(tmp);
        kmgca_foods_free(foods);
        return 1;
    }
    int rc = match_index_write_c(foods, out);
    if (fclose(out) != 0)
        rc = -1;
    kmgca_foods_free(foods);
    if (rc != 0 || rename(tmp, argv[1]) != 0) {
        fprintf(stderr, "indexgen: could not write %s\n", argv[1]);
        remove(tmp);
        return 1;
    }
    return 0;
}
