/* test_csv.c — CSV reading: lines and the BOM, delimiters and line ends, errors
 * with their place, header names. */
#include "testutil.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct {
    size_t rows;
    unsigned long lines[16];
    char first[16][64];
    size_t counts[16];
    char joined[16][96];      /* every field, '|'-joined */
} collected;

static kmgca_status collect(const csv_row *row, void *ud, kmgca_error *err)
{
    (void)err;
    collected *c = ud;
    if (c->rows < 16) {
        c->lines[c->rows] = row->line;
        copy_text(c->first[c->rows], 64, row->fields[0]);
        c->counts[c->rows] = row->count;
        for (size_t i = 0; i < row->count; i++)
            appendf(c->joined[c->rows], sizeof c->joined[0], "%s%s", i ? "|" : "",
                    row->fields[i]);
    }
    c->rows++;
    return KMGCA_OK;
}

static const char *write_temp(const char *content, size_t len)
{
    static char path[64];
    strcpy(path, "/tmp/kmgca-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, len), (ssize_t)len);
    close(fd);
    return path;
}

static void csv_lines_and_bom(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBF" "a,b\r\n\"multi\nline\",2\r\n\r\nlast,3";
    const char *path = write_temp(text, sizeof text - 1);
    collected c = {0};
    kmgca_error err;
    char delim;
    assert_int_equal(csv_read_file(path, collect, &c, &delim, &err), KMGCA_OK);
    assert_int_equal(delim, ',');
    assert_int_equal(c.rows, 3);
    assert_string_equal(c.first[0], "a");           /* BOM stripped */
    assert_int_equal(c.lines[0], 1);
    assert_string_equal(c.first[1], "multi\nline");
    assert_int_equal(c.lines[1], 2);
    assert_string_equal(c.first[2], "last");
    assert_int_equal(c.lines[2], 5);                /* after a blank line */
    unlink(path);
}

static void csv_semicolons_and_cr_only(void **state)
{
    (void)state;
    static const char text[] = "date;food;amount\r2024-01-02;banana;1,5\r";
    const char *path = write_temp(text, sizeof text - 1);
    collected c = {0};
    char delim;
    assert_int_equal(csv_read_file(path, collect, &c, &delim, NULL), KMGCA_OK);
    assert_int_equal(delim, ';');
    assert_int_equal(c.rows, 2);
    assert_int_equal(c.counts[1], 3);
    assert_int_equal(c.lines[1], 2);
    unlink(path);
}

static void csv_errors_name_place(void **state)
{
    (void)state;
    kmgca_error err;
    collected c = {0};
    const char *path = write_temp("a,b\nx,\"open\n", 12);
    assert_int_equal(csv_read_file(path, collect, &c, NULL, &err), KMGCA_ERROR_CSV);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
    assert_non_null(strstr(err.message, "unterminated quoted field"));
    unlink(path);

    path = write_temp("a,b\nok,\xff\xfe\n", 10);
    assert_int_equal(csv_read_file(path, collect, &c, NULL, &err), KMGCA_ERROR_ENCODING);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
    unlink(path);

    path = write_temp("\xff\xfe" "a\0,\0", 6);
    assert_int_equal(csv_read_file(path, collect, &c, NULL, &err), KMGCA_ERROR_ENCODING);
    assert_non_null(strstr(err.message, "UTF-16"));
    unlink(path);

    path = write_temp("a,b\nx\0y,1\n", 10);
    assert_int_equal(csv_read_file(path, collect, &c, NULL, &err), KMGCA_ERROR_ENCODING);
    assert_non_null(strstr(err.message, "NUL"));
    assert_int_equal(err.line, 2);
    unlink(path);

    assert_int_equal(csv_read_file("/nonexistent/x.csv", collect, &c, NULL, &err),
                     KMGCA_ERROR_IO);
    assert_string_equal(err.file, "/nonexistent/x.csv");
    assert_int_equal(csv_read_file("/tmp", collect, &c, NULL, &err), KMGCA_ERROR_IO);
    assert_non_null(strstr(err.message, "directory"));
}

/* Lines the reader splits itself (plain, quoted without a quote inside,
 * empty fields, a delimiter at the end) and lines it leaves to libcsv
 * (spaces to trim, doubled quotes, a field over two lines, the last line
 * with no line end) give the fields libcsv gives. */
static void csv_fields_as_libcsv_reads_them(void **state)
{
    (void)state;
    static const char text[] = "a,b,c\r\n x , y ,z\r\n\"q,1\",,\"\"\r\n"
                               "\"he said \"\"hi\"\"\",2\r\ntail,\r\n\"multi\r\nline\",3\r\n"
                               "\r\n\t\"t\" ,5\r\nlast,4";
    const char *path = write_temp(text, sizeof text - 1);
    collected j = {0};
    assert_int_equal(csv_read_file(path, collect, &j, NULL, NULL), KMGCA_OK);
    static const char *const want[] = {"a|b|c", "x|y|z", "q,1||", "he said \"hi\"|2",
                                       "tail|", "multi\r\nline|3", "t|5", "last|4"};
    static const unsigned long want_line[] = {1, 2, 3, 4, 5, 6, 9, 10};
    assert_int_equal(j.rows, 8);
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(j.joined[i], want[i]);
        assert_int_equal(j.lines[i], want_line[i]);
    }
    unlink(path);
}

static void csv_header_lookup(void **state)
{
    (void)state;
    const char *cells[] = {"Date", "Food Name", "Amount (g)"};
    csv_row row = {cells, 3, 1};
    assert_int_equal(csv_find_column(&row, "food|food name"), 1);
    assert_int_equal(csv_find_column(&row, "date"), 0);
    assert_int_equal(csv_find_column(&row, "amount(g)"), 2);
    assert_int_equal(csv_find_column(&row, "unit"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_lines_and_bom),
        cmocka_unit_test(csv_semicolons_and_cr_only),
        cmocka_unit_test(csv_errors_name_place),
        cmocka_unit_test(csv_fields_as_libcsv_reads_them),
        cmocka_unit_test(csv_header_lookup),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
