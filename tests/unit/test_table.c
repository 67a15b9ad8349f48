/* test_table.c — the one table reader under every file with a header: roles
 * found through their names, blank rows, a column named twice, what is
 * missing, and the place of every field. */
#include "testutil.h"

#include <unistd.h>

enum { ROLE_DATE, ROLE_FOOD, ROLE_AMOUNT, ROLE_NOTE, ROLES };

static const char *const names[ROLES] = {
    [ROLE_DATE] = "date|day|datum|日期",
    [ROLE_FOOD] = "food|food name|食物",
    [ROLE_AMOUNT] = "amount|qty|数量",
    [ROLE_NOTE] = "note|备注",
};
static const char *const labels[ROLES] = {"date", "food", "amount", "note"};
static const table_schema schema = {.names = names, .labels = labels, .count = ROLES,
                                    .required = 1u << ROLE_DATE | 1u << ROLE_FOOD};
static const table_schema schema_once = {.names = names, .labels = labels, .count = ROLES,
                                         .required = 1u << ROLE_DATE, .names_once = 1};
/* A schema that says what is missing itself, for the food; the date has no
 * message of its own. */
static const char *const food_missing[ROLES] = {
    [ROLE_FOOD] = "a diary needs a food column",
};
static const table_schema schema_said = {.names = names, .labels = labels, .count = ROLES,
                                         .required = 1u << ROLE_DATE | 1u << ROLE_FOOD,
                                         .missing = food_missing, .missing_column = 1};

/* What a read saw: each row's line and its fields by role, "|"-joined. */
typedef struct {
    const table_schema *schema;
    size_t rows;
    unsigned long line[8];
    char text[8][128];
    size_t extra[8];
} seen;

static kmgca_status on_header(table_reader *t, const csv_row *header, void *ud,
                              kmgca_error *err)
{
    seen *s = ud;
    table_map(t, s->schema, header);
    int role = table_missing(t);
    if (role >= 0)
        return kmgca_fail_at(err, KMGCA_ERROR_HEADER, t->path, header->line, 0,
                             "no %s column", labels[role]);
    return KMGCA_OK;
}

static kmgca_status on_row(const table_reader *t, const csv_row *row, void *ud,
                           kmgca_error *err)
{
    seen *s = ud;
    (void)err;
    if (s->rows < 8) {
        s->line[s->rows] = row->line;
        for (int r = 0; r < ROLES; r++)
            appendf(s->text[s->rows], sizeof s->text[0], "%s%s", r ? "|" : "",
                    table_field(t, row, r));
        s->extra[s->rows] = table_extra_fields(t, row);
    }
    s->rows++;
    return KMGCA_OK;
}

/* Reads text with the reader t; the reader is left for a look. */
static kmgca_status read_file(const char *text, table_reader *t, kmgca_error *err)
{
    char path[] = "/tmp/kmgca-table-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    t->path = path;
    kmgca_error_clear(err);
    kmgca_status st = table_read(t, err);
    unlink(path);
    t->path = NULL; /* the name is gone with the file */
    return st;
}

/* Reads text as a table of the schema, mapped by on_header. */
static kmgca_status read_text(const char *text, const table_schema *sch, seen *s,
                              table_reader *t, kmgca_error *err)
{
    memset(s, 0, sizeof *s);
    s->schema = sch;
    *t = (table_reader){.on_header = on_header, .on_row = on_row, .ud = s,
                        .empty = "the file is empty"};
    return read_file(text, t, err);
}

/* Reads text as a table of the schema alone: no on_header. */
static kmgca_status read_schema(const char *text, const table_schema *sch, seen *s,
                                table_reader *t, kmgca_error *err)
{
    memset(s, 0, sizeof *s);
    *t = (table_reader){.schema = sch, .on_row = on_row, .ud = s,
                        .empty = "the file is empty"};
    return read_file(text, t, err);
}

static void roles_found_through_their_names(void **state)
{
    (void)state;
    seen s;
    table_reader t;
    kmgca_error err;
    /* Any case, spaces, '_' and '-' ignored; Chinese names; extra columns
     * read past. */
    assert_int_equal(read_text(" DATUM ,extra,食物,Q-T-Y\n2026-03-01,x,菠菜,100 g\n",
                               &schema, &s, &t, &err),
                     KMGCA_OK);
    assert_int_equal(t.header_line, 1);
    assert_int_equal(t.columns, 4);
    assert_int_equal(table_column(&t, ROLE_DATE), 1);
    assert_int_equal(table_column(&t, ROLE_FOOD), 3);
    assert_int_equal(table_column(&t, ROLE_AMOUNT), 4);
    assert_int_equal(table_column(&t, ROLE_NOTE), 0); /* absent */
    assert_int_equal(s.rows, 1);
    assert_int_equal(s.line[0], 2);
    assert_string_equal(s.text[0], "2026-03-01|菠菜|100 g|");

    /* The first name some column carries wins, wherever that column is. */
    assert_int_equal(read_text("day,food,date\n1,apple,2\n", &schema, &s, &t, &err), KMGCA_OK);
    assert_int_equal(table_column(&t, ROLE_DATE), 3);
    assert_string_equal(s.text[0], "2|apple||");

    /* A short row has "" for the roles it stops before; text past the
     * header's last column is counted, blank fields there are not. */
    assert_int_equal(read_text("date,food,note\n2026-03-01\n2026-03-02,pear,,more, ,x\n",
                               &schema, &s, &t, &err),
                     KMGCA_OK);
    assert_string_equal(s.text[0], "2026-03-01|||");
    assert_int_equal(s.extra[0], 0);
    assert_string_equal(s.text[1], "2026-03-02|pear||");
    assert_int_equal(s.extra[1], 2);
}

static void blank_rows_are_skipped_and_counted(void **state)
{
    (void)state;
    seen s;
    table_reader t;
    kmgca_error err;
    /* Before the header and after it: empty fields, spaces and tabs (libcsv
     * trims those of a field without quotes, not of a quoted one); an empty
     * line is no row at all (csv.c skips it). A quoted field of spaces in a
     * row with text is kept as it is. */
    static const char text[] = ",,\n   \n\t , \ndate,food\n"
                               "2026-03-01,apple\n"
                               ",\n"
                               "  ,   \n"
                               "\n"
                               "2026-03-02,\"  \"\n"
                               "\"\",\" \"\n";
    assert_int_equal(read_text(text, &schema, &s, &t, &err), KMGCA_OK);
    assert_int_equal(t.header_line, 4);
    assert_int_equal(s.rows, 2);
    assert_int_equal(s.line[0], 5);
    assert_int_equal(s.line[1], 9);
    assert_string_equal(s.text[1], "2026-03-02|  ||");
    assert_int_equal(t.blank_rows, 3);

    /* Nothing but blank rows: no header. */
    assert_int_equal(read_text(",,\n  ,\n", &schema, &s, &t, &err), KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "the file is empty");

    assert_true(table_blank(""));
    assert_true(table_blank(" \t "));
    assert_false(table_blank(" x "));
    assert_false(table_blank("\xe3\x80\x80")); /* an ideographic space is text */
}

static void a_column_named_twice_is_refused_at_the_second(void **state)
{
    (void)state;
    seen s;
    table_reader t;
    kmgca_error err;
    /* A role's name again, in another case and spacing: at its line and
     * column, naming the first. */
    assert_int_equal(read_text("\n,\ndate,food,amount,\"F-o od\"\n", &schema, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 4);
    assert_string_equal(err.message,
                        "\"F-o od\" names the food column a second time (first in column 2)");
    /* Two names of one role are no repeat: the second is read past. */
    assert_int_equal(read_text("date,food,food name\n1,a,b\n", &schema, &s, &t, &err), KMGCA_OK);
    assert_string_equal(s.text[0], "1|a||");
    /* Nor is a name no role reads, unless the schema wants every name once. */
    assert_int_equal(read_text("date,food,x,X\n", &schema, &s, &t, &err), KMGCA_OK);
    assert_int_equal(read_text("date,x,food,X\n", &schema_once, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 4);
    assert_string_equal(err.message, "column \"X\" is named twice (also column 2)");
    /* A control character is shown as '?' (a terminal would act on it). */
    assert_int_equal(read_text("date,food,\"fo\x1bod\",\"FO\x1b OD\"\n", &schema_once, &s, &t,
                               &err),
                     KMGCA_ERROR_HEADER);
    assert_string_equal(err.message, "column \"FO? OD\" is named twice (also column 3)");
}

static void what_is_missing_is_the_readers_to_say(void **state)
{
    (void)state;
    seen s;
    table_reader t;
    kmgca_error err;
    assert_int_equal(read_text("date,amount,note\n", &schema, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.message, "no food column");
    /* The reader's word comes before a name given twice. */
    assert_int_equal(read_text("\n\nfood,amount,Amount\n", &schema, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.message, "no date column");
    /* A header of one field with another separator in it: csv.c's hint. */
    assert_int_equal(read_text("date|food\n", &schema, &s, &t, &err), KMGCA_ERROR_HEADER);
    assert_non_null(strstr(err.message, "no date column (the first line has no ','"));
}

static void a_schema_says_what_is_missing(void **state)
{
    (void)state;
    seen s;
    table_reader t;
    kmgca_error err;
    /* The schema alone maps the header; its rows are read as ever. */
    assert_int_equal(read_schema("\n,\nFood,Date\napple,2026-03-01\n", &schema_said, &s, &t,
                                 &err),
                     KMGCA_OK);
    assert_int_equal(t.header_line, 3);
    assert_int_equal(table_column(&t, ROLE_DATE), 2);
    assert_string_equal(s.text[0], "2026-03-01|apple||");
    /* A role with a message: that message, at the column the schema gives. */
    assert_int_equal(read_schema("\ndate,amount\n", &schema_said, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 1);
    assert_string_equal(err.message, "a diary needs a food column");
    /* A role without one: said plainly, by its label. */
    assert_int_equal(read_schema("food,food name\n", &schema_said, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.message, "no date column in the header");
    /* What is missing comes before a name given twice. */
    assert_int_equal(read_schema("amount,Amount\n", &schema_said, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_string_equal(err.message, "no date column in the header");
    assert_int_equal(read_schema("date,food,Date\n", &schema_said, &s, &t, &err),
                     KMGCA_ERROR_HEADER);
    assert_int_equal(err.column, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(roles_found_through_their_names),
        cmocka_unit_test(blank_rows_are_skipped_and_counted),
        cmocka_unit_test(a_column_named_twice_is_refused_at_the_second),
        cmocka_unit_test(what_is_missing_is_the_readers_to_say),
        cmocka_unit_test(a_schema_says_what_is_missing),
    };
    return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
