/* test_workbook.c — the annotated workbook: there under its name when finished
 * and not before, nothing left when discarded; rows written on a second
 * thread give the same bytes. */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#define D "data/diaries/"

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' || (e->d_name[1] && e->d_name[1] != '.' ))
            n++;
    closedir(d);
    return n;
}

static kmgca_status to_workbook(const kmgca_entry *e, void *ud, kmgca_error *err)
{
    return kmgca_workbook_add(ud, e, err);
}

static void workbook_is_complete_or_absent(void **state)
{
    (void)state;
    char dir[] = "/tmp/kmgca-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/report.xlsx", dir);
    kmgca_error err;
    kmgca_workbook *w = kmgca_workbook_new(path, &err);
    assert_non_null(w);
    kmgca_workbook_set_time(w, 1700000000);
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, D "generic.csv",
                                         to_workbook, w, &err),
                     KMGCA_OK);
    /* Until finished, only the temporary file exists, and not under the name. */
    struct stat st;
    assert_int_not_equal(stat(path, &st), 0);
    assert_int_equal(count_files(dir), 1);
    assert_int_equal(kmgca_workbook_finish(w, a, &err), KMGCA_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 5000);
    assert_int_equal(count_files(dir), 1);
    unlink(path);

    /* A discarded workbook leaves nothing behind. */
    w = kmgca_workbook_new(path, &err);
    assert_non_null(w);
    kmgca_workbook_discard(w);
    assert_int_equal(count_files(dir), 0);
    rmdir(dir);

    /* A missing folder is an I/O error before any work is done. */
    assert_null(kmgca_workbook_new("/nonexistent-kmgca-dir/report.xlsx", &err));
    assert_int_equal(err.status, KMGCA_ERROR_IO);
    kmgca_analysis_free(a);
}

/* The diary written through one workbook with `threads`; the file's bytes
 * in *out (malloc'd), its size returned. */
static size_t workbook_bytes(const char *diary, const char *path, int threads, char **out)
{
    kmgca_error err;
    kmgca_workbook *w = kmgca_workbook_new(path, &err);
    assert_non_null(w);
    kmgca_workbook_set_threads(w, threads);
    kmgca_workbook_set_time(w, 1700000000);
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, diary, to_workbook, w, &err), KMGCA_OK);
    assert_int_equal(kmgca_workbook_finish(w, a, &err), KMGCA_OK);
    kmgca_analysis_free(a);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    *out = malloc((size_t)size);
    assert_int_equal(fread(*out, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    unlink(path);
    return (size_t)size;
}

/* Rows written on a second thread give the same workbook, byte for byte,
 * as rows written on the caller's; a workbook dropped with rows still
 * queued leaves nothing behind. */
static void two_threads_write_the_same_workbook(void **state)
{
    (void)state;
    char dir[] = "/tmp/kmgca-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char diary[300], one[300], two[300];
    snprintf(diary, sizeof diary, "%s/diary.csv", dir);
    snprintf(one, sizeof one, "%s/one.xlsx", dir);
    snprintf(two, sizeof two, "%s/two.xlsx", dir);
    /* Far more rows than the queue holds; rows in review and long text too. */
    static const char *const rows[] = {
        "banana,1,medium", "almonds,30,g", "米饭,1,碗", "greek yogurt,170,g",
        "frobnicated widget,2,cup", "spinach cooked,0.5,cup", "鸡蛋,2,个",
        "milk,1,glass", "oatmeal,,", "salmon fillet,150,g"};
    FILE *f = fopen(diary, "w");
    assert_non_null(f);
    fputs("date,food,amount,unit\n", f);
    for (int i = 0; i < 3000; i++)
        fprintf(f, "2026-%02d-%02d,%s\n", 1 + (i / 300) % 12, 1 + (i / 10) % 28,
                rows[(i * 7) % 10]);
    fclose(f);
    char *b1, *b2;
    size_t n1 = workbook_bytes(diary, one, 1, &b1), n2 = workbook_bytes(diary, two, 2, &b2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);

    kmgca_error err;
    kmgca_workbook *w = kmgca_workbook_new(two, &err);
    assert_non_null(w);
    kmgca_analysis *a = kmgca_analysis_new(shared_foods, NULL, &err);
    assert_int_equal(kmgca_analysis_read(a, diary, to_workbook, w, &err), KMGCA_OK);
    kmgca_workbook_discard(w);
    kmgca_analysis_free(a);
    unlink(diary);
    assert_int_equal(count_files(dir), 0);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(workbook_is_complete_or_absent),
        cmocka_unit_test(two_threads_write_the_same_workbook),
    };
    return cmocka_run_group_tests_name("workbook", tests, foods_setup, foods_teardown);
}
