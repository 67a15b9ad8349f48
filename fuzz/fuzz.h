/* fuzz.h — what the fuzz targets in fuzz/ share.
 *
 * Each target is one C file defining LLVMFuzzerTestOneInput; it is linked
 * either with libFuzzer (clang -fsanitize=fuzzer, `make fuzz`) or with
 * fuzz/replay.c (any compiler, `make fuzz-ci`), which feeds it the files of
 * the committed corpus. A target checks what the library promises (kmgca.h)
 * and aborts when a promise is broken, so that the fuzzer reports it like a
 * crash: FUZZ_CHECK prints the condition and where it failed.
 *
 * Inputs that the library reads from files are written to an in-memory file
 * (memfd, or a temporary file where memfd is missing) and read by its path.
 */
#ifndef KMGCA_FUZZ_H
#define KMGCA_FUZZ_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* memfd_create */
#endif

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"
#include "kmgca.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);  \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* 1 when s holds a NUL within size bytes and is valid UTF-8 up to it. */
static inline int fuzz_text_ok(const char *s, size_t size)
{
    if (!s)
        return 0;
    size_t n = strnlen(s, size);
    return n < size && utf8_valid(s, n);
}
#define FUZZ_TEXT(s) FUZZ_CHECK(fuzz_text_ok((s), (size_t)1 << 24))
#define FUZZ_BUF(b) FUZZ_CHECK(fuzz_text_ok((b), sizeof(b)))

/* A number from the whole input, to pick options with: the seeds stay plain
 * files (a diary is a diary), and every mutation may change the pick. */
static inline uint32_t fuzz_pick(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h ^ (uint32_t)size;
}

/* The input as a NUL-terminated string (cut at its first NUL byte). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* Writes bytes to in-memory file number `slot` (0..3) and returns a path that
 * reads them. The files live as long as the process. */
static inline const char *fuzz_file(int slot, const void *data, size_t size)
{
    static int fd[4] = {-1, -1, -1, -1};
    static char path[4][64];
    if (fd[slot] < 0) {
        fd[slot] = memfd_create("kmgca-fuzz", 0);
        if (fd[slot] >= 0) {
            snprintf(path[slot], sizeof path[slot], "/proc/self/fd/%d", fd[slot]);
        } else {
            const char *dir = getenv("TMPDIR");
            snprintf(path[slot], sizeof path[slot], "%.40s/kmgca-fuzz-XXXXXX",
                     dir && *dir ? dir : "/tmp");
            fd[slot] = mkstemp(path[slot]);
            if (fd[slot] < 0)
                abort();
            unlink(path[slot]);   /* gone on exit; read through /proc */
            snprintf(path[slot], sizeof path[slot], "/proc/self/fd/%d", fd[slot]);
        }
    }
    if (ftruncate(fd[slot], 0) != 0)
        abort();
    size_t done = 0;
    while (done < size) {
        ssize_t w = pwrite(fd[slot], (const char *)data + done, size - done, (off_t)done);
        if (w <= 0)
            abort();
        done += (size_t)w;
    }
    return path[slot];
}

/* The built-in food set, opened once per process (it only caches). */
static inline kmgca_foods *fuzz_foods(void)
{
    static kmgca_foods *foods;
    if (!foods && !(foods = kmgca_foods_new(NULL)))
        abort();
    return foods;
}

/* A small food set (every 40th built-in food and their aliases), new for
 * each call: custom foods change a set, and the match index of a small set
 * is quick to build. Free it with kmgca_foods_free. */
static inline kmgca_foods *fuzz_small_foods(void)
{
    kmgca_foods *f = kmgca_foods_new(NULL);
    if (!f)
        abort();
    enum { STRIDE = 40 };
    size_t kept = 0;
    for (size_t i = 0; i < f->count; i += STRIDE)
        f->foods[kept++] = foods_food(f, i);
    /* The names of the foods kept become the set's own (the built-in ones
     * are then left out of it). */
    size_t aliases = 0, all = foods_alias_count(f);
    struct kmgca_alias *kept_names = malloc((all + 1) * sizeof *kept_names);
    if (!kept_names)
        abort();
    for (size_t a = 0; a < all; a++) {
        struct kmgca_alias al = foods_alias_at(f, a);
        if (al.food % STRIDE)
            continue;
        al.food /= STRIDE;
        kept_names[aliases++] = al;
    }
    free(f->aliases);
    f->aliases = kept_names;
    f->alias_cap = all + 1;
    f->alias_count = aliases;
    f->builtin_aliases = 0;
    f->count = kept;
    return f;
}

/* A double from 8 bytes (any bit pattern: NaN, infinities, subnormals). */
static inline double fuzz_double(const uint8_t *p)
{
    double d;
    memcpy(&d, p, sizeof d);
    return d;
}

#endif
