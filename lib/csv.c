/* csv.c — a streaming CSV reader over libcsv that knows where it is.
 *
 * libcsv parses but reports neither lines nor columns, does not strip a BOM
 * and does not check encodings; this file adds those. Data is fed to libcsv
 * one physical line at a time so that every row knows the line it starts on,
 * and every error names the line and the field (column) it happened in.
 */
#include "internal.h"
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CHUNK 65536
#define MAX_LINE_BYTES (16u << 20)   /* one physical line, and one row: 16 MiB */

/* Where the bytes come from: the file as it is, or through iconv into UTF-8.
 * A conversion error is held back until the good text before it has been
 * fed, so that the error names the line it is on. */
typedef struct source {
    FILE *f;
    iconv_t cd;               /* (iconv_t)-1 when the file is UTF-8 */
    const char *encoding;
    char *raw;                /* bytes read, not yet converted */
    size_t raw_len;
    char *out;                /* converted text handed out */
    int bad;                  /* 1: invalid byte seen; 2: file ends mid-character */
    unsigned char bad_byte;
    unsigned long long consumed, size;
} source;

typedef struct {
    const char *path;
    csv_row_fn fn;
    void *ud;
    kmgca_error *err;
    kmgca_status status;     /* first failure; stops the read */
    unsigned long line;      /* line being fed */
    unsigned long row_line;  /* line the current row started on (0: not yet) */
    unsigned long next_row_line; /* line the next row will start on */
    /* The row being gathered: field texts back to back, NUL-separated. */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *offsets;
    size_t count, offsets_cap;
    const char **fields;
    struct source *progress_src;
} reader;

/* A header that came out as one field holding another separator: say so,
 * since "no date column" alone does not tell why. */
static void hint_separator(const csv_row *header, kmgca_error *err)
{
    static const char others[] = "|:^~";
    if (!err || header->count != 1)
        return;
    for (const char *o = others; *o; o++)
        if (strchr(header->fields[0], *o)) {
            appendf(err->message, sizeof err->message,
                    " (the first line has no ',', ';' or tab; the file seems separated by "
                    "'%c': save it with commas)",
                    *o);
            return;
        }
}

static void on_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    if (r->status != KMGCA_OK)
        return;
    if (!r->row_line)
        r->row_line = r->next_row_line ? r->next_row_line : r->line;
    unsigned long column = r->count + 1;
    if (len > CSV_MAX_FIELD_BYTES) {
        r->status = kmgca_fail_at(r->err, KMGCA_ERROR_LIMIT, r->path, r->row_line, column,
                                  "field is %zu bytes; the limit is %u bytes", len,
                                  CSV_MAX_FIELD_BYTES);
        return;
    }
    if (r->count >= CSV_MAX_COLUMNS) {
        r->status = kmgca_fail_at(r->err, KMGCA_ERROR_LIMIT, r->path, r->row_line, column,
                                  "more than %u columns in one row", CSV_MAX_COLUMNS);
        return;
    }
    if (!utf8_valid(data ? data : "", data ? len : 0)) {
        r->status = kmgca_fail_at(r->err, KMGCA_ERROR_ENCODING, r->path, r->row_line, column,
                                  "field is not valid UTF-8 text (save the file as "
                                  "UTF-8, or name its encoding, e.g. --encoding "
                                  "gbk)");
        return;
    }
    if (r->buf_len + len + 1 > r->buf_cap) {
        size_t cap = r->buf_cap ? r->buf_cap : 1024;
        while (cap < r->buf_len + len + 1)
            cap *= 2;
        char *nb = realloc(r->buf, cap);
        if (!nb) {
            r->status = kmgca_fail(r->err, KMGCA_ERROR_NOMEM, "out of memory reading %s",
                                   r->path);
            return;
        }
        r->buf = nb;
        r->buf_cap = cap;
    }
    if (r->count >= r->offsets_cap) {
        size_t cap = r->offsets_cap ? r->offsets_cap * 2 : 32;
        size_t *no = realloc(r->offsets, cap * sizeof *no);
        const char **nf = realloc(r->fields, cap * sizeof *nf);
        if (no)
            r->offsets = no;
        if (nf)
            r->fields = nf;
        if (!no || !nf) {
            r->status = kmgca_fail(r->err, KMGCA_ERROR_NOMEM, "out of memory reading %s",
                                   r->path);
            return;
        }
        r->offsets_cap = cap;
    }
    r->offsets[r->count++] = r->buf_len;
    if (len)
        memcpy(r->buf + r->buf_len, data, len);
    r->buf_len += len;
    r->buf[r->buf_len++] = '\0';
}

static void on_row(int term, void *ctx)
{
    reader *r = ctx;
    (void)term;
    if (r->status == KMGCA_OK && r->count) {
        for (size_t i = 0; i < r->count; i++)
            r->fields[i] = r->buf + r->offsets[i];
        double progress = 0;
        if (r->progress_src && r->progress_src->size)
            progress = (double)r->progress_src->consumed / (double)r->progress_src->size;
        csv_row row = {r->fields, r->count, r->row_line ? r->row_line : r->line,
                       progress > 1 ? 1 : progress};
        r->status = r->fn(&row, r->ud, r->err);
        if (r->status == KMGCA_ERROR_HEADER) /* only a header row fails so */
            hint_separator(&row, r->err);
    }
    r->count = 0;
    r->buf_len = 0;
    r->row_line = 0;
}

/* The delimiter most used outside quotes on the first line; ',' on a tie. */
static char sniff_delimiter(const char *s, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            comma++;
        else if (!quoted && c == ';')
            semi++;
        else if (!quoted && c == '\t')
            tab++;
    }
    if (semi > comma && semi >= tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

/* Feeds one piece to libcsv, reporting a strict-mode error with its place. */
static int feed(struct csv_parser *p, reader *r, const char *s, size_t len)
{
    if (csv_parse(p, s, len, on_field, on_row, r) != len && r->status == KMGCA_OK) {
        r->status = kmgca_fail_at(r->err, KMGCA_ERROR_CSV, r->path, r->line, r->count + 1,
                                  "%s", csv_error(p) == CSV_EPARSE
                                            ? "malformed quoted field (a quote inside a "
                                              "field must be doubled)"
                                            : csv_strerror(csv_error(p)));
    }
    return r->status == KMGCA_OK;
}

#define RAW_CHUNK CHUNK
#define OUT_CHUNK (CHUNK * 4)

/* The next piece of UTF-8 text; 0 at the end (or after a held error). */
static size_t source_next(source *s, char **data)
{
    if (s->bad)
        return 0;
    if (s->cd == (iconv_t)-1) {
        size_t n = fread(s->out, 1, CHUNK, s->f);
        s->consumed += n;
        *data = s->out;
        return n;
    }
    size_t got = fread(s->raw + s->raw_len, 1, RAW_CHUNK - s->raw_len, s->f);
    s->consumed += got;
    s->raw_len += got;
    if (!s->raw_len)
        return 0;
    char *in = s->raw, *out = s->out;
    size_t in_left = s->raw_len, out_left = OUT_CHUNK;
    size_t rc = iconv(s->cd, &in, &in_left, &out, &out_left);
    if (rc == (size_t)-1) {
        if (errno == EILSEQ) {
            s->bad = 1;
            s->bad_byte = (unsigned char)*in;
        } else if (errno == EINVAL && got == 0) {
            s->bad = 2; /* the file ends inside a character */
        }
        /* E2BIG cannot happen (four bytes out for every byte in), and an
         * EINVAL tail waits for the next read. */
    }
    memmove(s->raw, in, in_left);
    s->raw_len = in_left;
    *data = s->out;
    size_t n = (size_t)(out - s->out);
    if (!n && !s->bad && !got && in_left)
        s->bad = 2;
    return n;
}

/* Opens the file and, for another encoding, its converter. */
static kmgca_status source_open(source *src, const char *path, const char *encoding,
                                kmgca_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0, "cannot open: %s",
                             strerror(errno));
    if (S_ISDIR(st.st_mode))
        return kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0,
                             "is a directory, not a CSV file");
    *src = (source){.cd = (iconv_t)-1, .encoding = encoding,
                    .size = (unsigned long long)st.st_size};
    if (encoding && *encoding && strcasecmp(encoding, "utf-8") != 0 &&
        strcasecmp(encoding, "utf8") != 0) {
        src->cd = iconv_open("UTF-8", encoding);
        if (src->cd == (iconv_t)-1)
            return kmgca_fail(err, KMGCA_ERROR_ARGUMENT,
                              "unknown encoding \"%s\" (use utf-8, gbk or gb18030)", encoding);
    }
    src->f = fopen(path, "rb");
    src->out = malloc(OUT_CHUNK);
    src->raw = src->cd != (iconv_t)-1 ? malloc(RAW_CHUNK) : NULL;
    if (!src->f || !src->out || (src->cd != (iconv_t)-1 && !src->raw)) {
        kmgca_status status = !src->f ? kmgca_fail_at(err, KMGCA_ERROR_IO, path, 0, 0,
                                                      "cannot open: %s", strerror(errno))
                                      : kmgca_fail(err, KMGCA_ERROR_NOMEM, "out of memory");
        if (src->f)
            fclose(src->f);
        free(src->out);
        free(src->raw);
        if (src->cd != (iconv_t)-1)
            iconv_close(src->cd);
        return status;
    }
    return KMGCA_OK;
}

static void source_close(source *src)
{
    fclose(src->f);
    free(src->out);
    free(src->raw);
    if (src->cd != (iconv_t)-1)
        iconv_close(src->cd);
}

/* What the bytes say between chunks. Quote parity tells which physical
 * lines start a row: a line that begins outside quotes starts one (libcsv
 * itself does not say). The field number is counted here too, since libcsv
 * reports a field only once it is complete: errors found in the bytes name
 * the right column. A row is held whole by libcsv, so a quote never closed
 * would make it hold the rest of the file: rows are limited like lines. */
typedef struct {
    size_t line_bytes, row_bytes;
    int last_cr, in_quotes, at_line_start;
    int tail_fed;             /* libcsv holds the start of the line being read */
    unsigned long field, quote_line, quote_field;
    unsigned char prev;
    char delim;
    unsigned char special[256]; /* 1 for '"', the delimiter, NUL, CR and LF */
} scan;

/* A whole physical line, `line` ending in its CR or LF, that libcsv would
 * read from the start of a row (nothing of it held, outside quotes): split
 * here when every field is plain, a quoted field holding no quote, or empty,
 * with no space or tab at an unquoted field's edges (libcsv trims those);
 * on_field and on_row get what libcsv would hand them. 0 when the line is
 * not that simple, before anything is handed over: then libcsv reads it. */
static int plain_line(const scan *sc, reader *r, const char *line, size_t len)
{
    const char *end = line + len - 1, *p = line; /* *end is the CR or LF */
    if (*p == '\n' && p < end)
        p++;                  /* the LF of a CRLF, which libcsv skips at a row's start */
    if (p == end)
        return 1;             /* an empty line: no row, as in libcsv */
    const char *f[64];
    size_t flen[64], n = 0;
    for (;;) {
        if (n == sizeof f / sizeof *f)
            return 0;
        const char *q = p;
        if (*p == '"') {
            q = memchr(p + 1, '"', (size_t)(end - p - 1));
            if (!q || (q[1] != sc->delim && q + 1 != end))
                return 0;     /* no closing quote on this line, "" or text after it */
            f[n] = p + 1;
            flen[n++] = (size_t)(q - p - 1);
            q++;
        } else {
            while (q < end && *q != sc->delim)
                if (*q++ == '"')
                    return 0; /* a quote inside: libcsv's error to give */
            if (q > p && (*p == ' ' || *p == '\t' || q[-1] == ' ' || q[-1] == '\t'))
                return 0;
            f[n] = p;
            flen[n++] = (size_t)(q - p);
        }
        if (q == end)
            break;
        p = q + 1;            /* past the delimiter; at the end, one more empty field */
    }
    for (size_t i = 0; i < n; i++)
        on_field((void *)f[i], flen[i], r);
    on_row((unsigned char)*end, r);
    return 1;
}

/* Hands libcsv (or plain_line) the piece of a line up to and including its
 * CR or LF. */
static int feed_line(scan *sc, struct csv_parser *p, reader *r, const char *s, size_t len)
{
    int whole = !sc->tail_fed && !sc->in_quotes && !r->count;
    sc->tail_fed = 0;
    if (whole && plain_line(sc, r, s, len))
        return r->status == KMGCA_OK;
    return feed(p, r, s, len);
}

/* Feeds chunk[start..n) to libcsv a physical line at a time, counting lines
 * and fields and stopping at a NUL byte or an overlong line or row. */
static void scan_chunk(scan *sc, struct csv_parser *p, reader *r, const char *chunk,
                       size_t start, size_t n)
{
    const char *path = r->path;
    kmgca_error *err = r->err;
    size_t piece = start;
    for (size_t i = start; i < n && r->status == KMGCA_OK; i++) {
        if (!sc->at_line_start && !sc->special[(unsigned char)chunk[i]]) {
            /* A run of bytes none of which is special: counted at once,
             * unless a limit falls inside it (row_bytes >= line_bytes). */
            size_t run = i + 1;
            while (run < n && !sc->special[(unsigned char)chunk[run]])
                run++;
            if (sc->row_bytes + (run - i) <= MAX_LINE_BYTES) {
                sc->line_bytes += run - i;
                sc->row_bytes += run - i;
                sc->prev = (unsigned char)chunk[run - 1];
                sc->last_cr = 0;
                i = run - 1;
                continue;
            }
        }
        unsigned char c = (unsigned char)chunk[i], before = sc->prev;
        sc->prev = c;
        if (sc->at_line_start) {
            if (!sc->in_quotes) {
                r->next_row_line = r->line;
                sc->field = 1;
                sc->row_bytes = 0;
            }
            sc->at_line_start = 0;
        }
        if (c == '"') {
            sc->in_quotes = !sc->in_quotes;
            if (sc->in_quotes && before != '"') { /* not the second of a "" pair */
                sc->quote_line = r->line;
                sc->quote_field = sc->field;
            }
        } else if (c == (unsigned char)sc->delim && !sc->in_quotes) {
            sc->field++;
        }
        if (c == 0) {
            r->status = kmgca_fail_at(err, KMGCA_ERROR_ENCODING, path, r->line, sc->field,
                                      "NUL byte in text (is this a binary or UTF-16 file?)");
            return;
        }
        if (++sc->line_bytes > MAX_LINE_BYTES) {
            r->status = kmgca_fail_at(err, KMGCA_ERROR_LIMIT, path, r->line, sc->field,
                                      "line is longer than %u bytes", MAX_LINE_BYTES);
            return;
        }
        if (++sc->row_bytes > MAX_LINE_BYTES) {
            r->status = kmgca_fail_at(err, KMGCA_ERROR_LIMIT, path,
                                      sc->in_quotes ? sc->quote_line : r->next_row_line,
                                      sc->in_quotes ? sc->quote_field : sc->field,
                                      sc->in_quotes ? "a quoted field opened here runs on for "
                                                      "more than %u bytes (is its closing "
                                                      "quote missing?)"
                                                    : "row is longer than %u bytes",
                                      MAX_LINE_BYTES);
            return;
        }
        if (c == '\n' && sc->last_cr) {
            /* Second half of CRLF: the line was already counted at CR. */
            sc->last_cr = 0;
            sc->line_bytes = 0;
            continue;
        }
        sc->last_cr = c == '\r';
        if (c == '\n' || c == '\r') {
            if (!feed_line(sc, p, r, chunk + piece, i + 1 - piece))
                return;
            piece = i + 1;
            r->line++;
            sc->line_bytes = 0;
            sc->at_line_start = 1;
        }
    }
    if (r->status == KMGCA_OK && piece < n) {
        feed(p, r, chunk + piece, n - piece);
        sc->tail_fed = 1;
    }
}

/* After the last chunk: read errors, bad encoding, a quote never closed. */
static void scan_end(const scan *sc, struct csv_parser *p, reader *r, const source *src)
{
    const char *path = r->path;
    kmgca_error *err = r->err;
    if (r->status == KMGCA_OK && ferror(src->f))
        r->status = kmgca_fail_at(err, KMGCA_ERROR_IO, path, r->line, 0, "read error: %s",
                                  strerror(errno));
    if (r->status == KMGCA_OK && src->bad == 1)
        r->status = kmgca_fail_at(err, KMGCA_ERROR_ENCODING, path, r->line, sc->field,
                                  "byte 0x%02X is not valid %s text (is this the file's "
                                  "encoding?)",
                                  src->bad_byte, src->encoding);
    if (r->status == KMGCA_OK && src->bad == 2)
        r->status = kmgca_fail_at(err, KMGCA_ERROR_ENCODING, path, r->line, sc->field,
                                  "the file ends inside a %s character", src->encoding);
    if (r->status == KMGCA_OK) {
        /* Read the error before csv_fini: with callbacks it resets it. */
        unsigned long open_line = r->row_line      ? r->row_line
                                  : r->next_row_line ? r->next_row_line
                                                     : r->line;
        if (csv_fini(p, on_field, on_row, r) != 0 && r->status == KMGCA_OK)
            r->status = kmgca_fail_at(err, KMGCA_ERROR_CSV, path,
                                      sc->in_quotes ? sc->quote_line : open_line,
                                      sc->in_quotes ? sc->quote_field : r->count + 1,
                                      "unterminated quoted field (a \" opened here is "
                                      "never closed)");
    }
}

kmgca_status csv_read(const char *path, const char *encoding, csv_row_fn fn, void *ud,
                      char *delim_out, kmgca_error *err)
{
    source src;
    kmgca_status st = source_open(&src, path, encoding, err);
    if (st != KMGCA_OK)
        return st;
    reader r = {.path = path, .fn = fn, .ud = ud, .err = err, .line = 1};
    r.progress_src = &src;
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    /* libcsv grows a field's buffer by this much at a time (128 bytes by
     * default): a field near the 1 MiB limit would be copied thousands of
     * times where realloc cannot grow in place. */
    csv_set_blk_size(&p, CHUNK);

    char *chunk;
    size_t n = source_next(&src, &chunk);
    size_t start = 0;
    if (n >= 2 && (((unsigned char)chunk[0] == 0xFF && (unsigned char)chunk[1] == 0xFE) ||
                   ((unsigned char)chunk[0] == 0xFE && (unsigned char)chunk[1] == 0xFF))) {
        r.status = kmgca_fail_at(err, KMGCA_ERROR_ENCODING, path, 1, 1,
                                 "file is UTF-16; save it as UTF-8 (CSV UTF-8) and try again");
    } else if (n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) {
        start = 3;
    }
    scan sc = {.at_line_start = 1, .field = 1, .delim = sniff_delimiter(chunk + start, n - start)};
    sc.special['"'] = sc.special[(unsigned char)sc.delim] = sc.special[0] = 1;
    sc.special['\r'] = sc.special['\n'] = 1;
    csv_set_delim(&p, (unsigned char)sc.delim);
    if (delim_out)
        *delim_out = sc.delim;
    while (r.status == KMGCA_OK && n > 0) {
        scan_chunk(&sc, &p, &r, chunk, start, n);
        if (r.status != KMGCA_OK)
            break;
        start = 0;
        n = source_next(&src, &chunk);
    }
    scan_end(&sc, &p, &r, &src);
    csv_free(&p);
    source_close(&src);
    free(r.buf);
    free(r.offsets);
    free(r.fields);
    return r.status;
}

kmgca_status csv_read_file(const char *path, csv_row_fn fn, void *ud, char *delim_out,
                           kmgca_error *err)
{
    return csv_read(path, NULL, fn, ud, delim_out, err);
}

/* Compares a header cell to a name, ignoring case, spaces, '_' and '-'. */
static int header_equal(const char *cell, const char *name, size_t name_len)
{
    size_t j = 0;
    for (const char *c = cell; *c; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch == ' ' || ch == '_' || ch == '-' || ch == '\t')
            continue;
        while (j < name_len && (name[j] == ' ' || name[j] == '_' || name[j] == '-'))
            j++;
        if (j >= name_len)
            return 0;
        unsigned char nc = (unsigned char)name[j];
        if (ch < 0x80 && nc < 0x80) {
            if ((ch | 0x20) != (nc | 0x20) || ((ch | 0x20) < 'a' && ch != nc))
                return 0;
        } else if (ch != nc) {
            return 0;
        }
        j++;
    }
    while (j < name_len && (name[j] == ' ' || name[j] == '_' || name[j] == '-'))
        j++;
    return j == name_len;
}

long csv_find_column(const csv_row *header, const char *names)
{
    const char *p = names;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        for (size_t i = 0; i < header->count; i++)
            if (header_equal(header->fields[i], p, len))
                return (long)i;
        p += len + (bar ? 1 : 0);
    }
    return -1;
}

int csv_header_equal(const char *a, const char *b)
{
    return header_equal(a, b, strlen(b));
}
