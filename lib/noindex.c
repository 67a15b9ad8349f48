/* noindex.c — no built-in match index: linked into tools/indexgen, which
 * builds the index from the tables at run time and writes it as C
 * (build/gen/foodindex.c, linked into the library instead of this file). */
#include "internal.h"

const struct match_prebuilt kmgca_builtin_index = {.present = 0};
