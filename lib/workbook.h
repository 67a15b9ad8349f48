/* workbook.h — what the files of kmgca's own workbook share (workbook.c:
 * the object, Diary and Needs review row by row, finishing; workbook_sheets.c
 * and workbook_about.c: the sheets written at the end). Private to them;
 * internal.h has what report.c uses.
 */
#ifndef KMGCA_WORKBOOK_H
#define KMGCA_WORKBOOK_H

#include "sheet.h"

/* Row styles on Diary: plain, low confidence (highlighted), in review. */
enum { STYLE_PLAIN, STYLE_LOW, STYLE_REVIEW, STYLE_COUNT };

struct kmgca_workbook {
    sheet_book book;              /* the file, its language, head and wrap */
    lxw_worksheet *summary, *meds, *activity, *charts, *top, *about;
    sheet_table diary, review;
    size_t notes;
    long long unix_time;
    lxw_format *title, *bold, *date, *pct, *mg0, *num1;
    lxw_format *text[STYLE_COUNT], *int0[STYLE_COUNT], *num2[STYLE_COUNT],
        *mg[STYLE_COUNT];
    lxw_format *red, *amber, *green;
    lxw_worksheet *front[WORKBOOK_FRONT_MAX]; /* sheets a report puts first */
    size_t front_count;
    char page_header[256], page_footer[256]; /* for every sheet, when set */
    int threaded;                 /* rows written on a thread of their own */
    struct row_queue *queue;      /* that thread's rows, once started */
};

/* Fixed text in the workbook's language (msg.h). */
static inline const char *L(const kmgca_workbook *w, msg_id id)
{
    return msg_text(w->book.lang, id);
}

/* The sheets written at the end, from the analysis, in this order: a
 * libxlsxwriter error stops the rest. */
lxw_error workbook_write_summary(kmgca_workbook *w, const kmgca_analysis *a);
lxw_error workbook_write_meds(kmgca_workbook *w, const kmgca_analysis *a);
lxw_error workbook_write_activity(kmgca_workbook *w, const kmgca_analysis *a);
lxw_error workbook_write_charts(kmgca_workbook *w, const kmgca_analysis *a);
lxw_error workbook_write_top(kmgca_workbook *w, const kmgca_analysis *a);
lxw_error workbook_write_about(kmgca_workbook *w, const kmgca_analysis *a);

#endif
