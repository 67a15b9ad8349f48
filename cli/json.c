/* json.c — a small streaming JSON writer for --json output. */
#include "cli.h"

#include <math.h>
#include <string.h>

static void indent(json *j)
{
    if (!j->pretty)
        return;
    fputc('\n', j->out);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->out);
}

static void put_escaped(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20) {
                fprintf(out, "\\u%04x", *p);
            } else if (*p >= 0x80) {
                /* Whole UTF-8 sequences pass; a stray byte becomes U+FFFD. */
                size_t len = 1;
                int good = 1;
                if (*p >= 0xC2 && *p <= 0xF4) {
                    len = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
                    for (size_t i = 1; i < len; i++)
                        if ((p[i] & 0xC0) != 0x80)
                            good = 0;
                } else {
                    good = 0;
                }
                if (good) {
                    fwrite(p, 1, len, out);
                    p += len - 1;
                } else {
                    fputs("\\ufffd", out);
                }
            } else {
                fputc(*p, out);
            }
        }
    }
    fputc('"', out);
}

static void key(json *j, const char *k)
{
    if (j->depth > 0 && j->need_comma[j->depth])
        fputc(',', j->out);
    if (j->depth > 0) {
        j->need_comma[j->depth] = 1;
        indent(j);
    }
    if (k) {
        put_escaped(j->out, k);
        fputs(j->pretty ? ": " : ":", j->out);
    }
}

static void open(json *j, const char *k, char c)
{
    key(j, k);
    fputc(c, j->out);
    if (j->depth < 31)
        j->depth++;
    j->need_comma[j->depth] = 0;
}

static void close_(json *j, char c)
{
    int had = j->need_comma[j->depth];
    j->depth--;
    if (had)
        indent(j);
    fputc(c, j->out);
    if (j->depth == 0)
        fputc('\n', j->out);
}

void json_begin_object(json *j, const char *k) { open(j, k, '{'); }
void json_end_object(json *j) { close_(j, '}'); }
void json_begin_array(json *j, const char *k) { open(j, k, '['); }
void json_end_array(json *j) { close_(j, ']'); }

void json_string(json *j, const char *k, const char *v)
{
    key(j, k);
    if (v)
        put_escaped(j->out, v);
    else
        fputs("null", j->out);
}

void json_number(json *j, const char *k, double v)
{
    key(j, k);
    if (!isfinite(v)) {
        fputs("null", j->out);
        return;
    }
    /* Enough digits to be exact for table values, no noise for sums. */
    char buf[64];
    snprintf(buf, sizeof buf, "%.10g", v);
    fputs(buf, j->out);
}

void json_int(json *j, const char *k, long long v)
{
    key(j, k);
    fprintf(j->out, "%lld", v);
}

void json_bool(json *j, const char *k, int v)
{
    key(j, k);
    fputs(v ? "true" : "false", j->out);
}

void json_null(json *j, const char *k)
{
    key(j, k);
    fputs("null", j->out);
}
