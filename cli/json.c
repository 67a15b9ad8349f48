/* json.c — a small streaming JSON writer for --json output. */
#include "cli.h"
#include "number.h" /* lib/: printf's numbers without printf */

#include <math.h>
#include <string.h>

/* One call's text, gathered and written with one fwrite: a --json run
 * writes some sixty values a day, and stdio's per-call cost was most of it. */
typedef struct {
    FILE *out;
    size_t n;
    char b[512];
} piece;

static void flush(piece *p)
{
    if (p->n)
        fwrite(p->b, 1, p->n, p->out);
    p->n = 0;
}

static void put(piece *p, const char *s, size_t len)
{
    if (p->n + len > sizeof p->b) {
        flush(p);
        if (len > sizeof p->b) {
            fwrite(s, 1, len, p->out);
            return;
        }
    }
    memcpy(p->b + p->n, s, len);
    p->n += len;
}

static void put_c(piece *p, char c)
{
    if (p->n == sizeof p->b)
        flush(p);
    p->b[p->n++] = c;
}

static void indent(json *j, piece *p)
{
    if (!j->pretty)
        return;
    put_c(p, '\n');
    for (int i = 0; i < j->depth; i++)
        put(p, "  ", 2);
}

static void put_escaped(piece *p, const char *s)
{
    put_c(p, '"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '"': put(p, "\\\"", 2); break;
        case '\\': put(p, "\\\\", 2); break;
        case '\n': put(p, "\\n", 2); break;
        case '\r': put(p, "\\r", 2); break;
        case '\t': put(p, "\\t", 2); break;
        default:
            if (*c < 0x20) {
                char u[6] = {'\\', 'u', '0', '0', "0123456789abcdef"[*c >> 4],
                             "0123456789abcdef"[*c & 15]};
                put(p, u, sizeof u);
            } else if (*c >= 0x80) {
                /* Whole UTF-8 sequences pass; a stray byte becomes U+FFFD. */
                size_t len = 1;
                int good = 1;
                if (*c >= 0xC2 && *c <= 0xF4) {
                    len = *c >= 0xF0 ? 4 : *c >= 0xE0 ? 3 : 2;
                    for (size_t i = 1; i < len; i++)
                        if ((c[i] & 0xC0) != 0x80)
                            good = 0;
                } else {
                    good = 0;
                }
                if (good) {
                    put(p, (const char *)c, len);
                    c += len - 1;
                } else {
                    put(p, "\\ufffd", 6);
                }
            } else {
                put_c(p, (char)*c);
            }
        }
    }
    put_c(p, '"');
}

static void key(json *j, piece *p, const char *k)
{
    p->out = j->out;
    p->n = 0;
    if (j->depth > 0 && j->need_comma[j->depth])
        put_c(p, ',');
    if (j->depth > 0) {
        j->need_comma[j->depth] = 1;
        indent(j, p);
    }
    if (k) {
        put_escaped(p, k);
        put(p, ": ", j->pretty ? 2 : 1);
    }
}

/* key, then text, in one write. */
static void key_text(json *j, const char *k, const char *text, size_t len)
{
    piece p;
    key(j, &p, k);
    put(&p, text, len);
    flush(&p);
}

static void open(json *j, const char *k, char c)
{
    key_text(j, k, &c, 1);
    if (j->depth < 31)
        j->depth++;
    j->need_comma[j->depth] = 0;
}

static void close_(json *j, char c)
{
    piece p = {.out = j->out};
    int had = j->need_comma[j->depth];
    j->depth--;
    if (had)
        indent(j, &p);
    put_c(&p, c);
    if (j->depth == 0)
        put_c(&p, '\n');
    flush(&p);
}

void json_begin_object(json *j, const char *k) { open(j, k, '{'); }
void json_end_object(json *j) { close_(j, '}'); }
void json_begin_array(json *j, const char *k) { open(j, k, '['); }
void json_end_array(json *j) { close_(j, ']'); }

void json_string(json *j, const char *k, const char *v)
{
    piece p;
    key(j, &p, k);
    if (v)
        put_escaped(&p, v);
    else
        put(&p, "null", 4);
    flush(&p);
}

void json_number(json *j, const char *k, double v)
{
    if (!isfinite(v)) {
        key_text(j, k, "null", 4);
        return;
    }
    /* Enough digits to be exact for table values, no noise for sums. */
    char buf[64];
    int n = number_g(buf, sizeof buf, v, 10);
    key_text(j, k, buf, n > 0 && (size_t)n < sizeof buf ? (size_t)n : strlen(buf));
}

void json_int(json *j, const char *k, long long v)
{
    char buf[24];
    int i = (int)sizeof buf;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        buf[--i] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        buf[--i] = '-';
    key_text(j, k, buf + i, sizeof buf - (size_t)i);
}

void json_bool(json *j, const char *k, int v)
{
    key_text(j, k, v ? "true" : "false", v ? 4 : 5);
}

void json_null(json *j, const char *k)
{
    key_text(j, k, "null", 4);
}
