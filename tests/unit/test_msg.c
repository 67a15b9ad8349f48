/* test_msg.c — kmgca's fixed text keyed by id (lib/msg.h): every message in
 * both catalogues, each Chinese format taking the printf conversions of its
 * English in the same order, no two messages with the same English; and
 * the phrases (msg_phrases.h) lang_zh_text() puts into Chinese inside
 * composed text. */
#include "testutil.h"

#include "msg.h"
#include "msg_phrases.h"

/* The printf conversions of a format, in order ("%s%zu%.0f"). */
static void conversions(const char *fmt, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = fmt; *p && o + 8 < size; p++) {
        if (*p != '%')
            continue;
        p++;
        /* "%%", and a '%' before a space or other text, are a percent sign. */
        if (!*p)
            break;
        if (!strchr("0123456789.-+#hlzjtdiouxXeEfFgGaAcsp", *p))
            continue;
        while (*p && strchr("0123456789.-+#", *p))
            p++;
        while (*p && strchr("hlzjt", *p))
            out[o++] = *p++;
        if (*p)
            out[o++] = *p;
        if (!*p)
            break;
    }
    out[o] = '\0';
}

/* A message's text in one catalogue: there, not empty, UTF-8. */
static void check_text(const char *catalogue, int id, const char *text)
{
    const char *en = msg_en[id] ? msg_en[id] : "";
    if (!text)
        fail_msg("message %d (\"%s\") has no text in %s", id, en, catalogue);
    if (!text[0])
        fail_msg("message %d (\"%s\") is empty in %s", id, en, catalogue);
    if (!utf8_valid(text, strlen(text)))
        fail_msg("message %d (\"%s\") is not UTF-8 in %s", id, en, catalogue);
}

static void every_message_in_both_languages(void **state)
{
    (void)state;
    assert_true(MSG_COUNT > 200);
    for (int id = 0; id < MSG_COUNT; id++) {
        const char *en = msg_en[id], *zh = msg_zh[id];
        check_text("msg_en.c", id, en);
        check_text("msg_zh.c", id, zh);
        /* The same printf conversions, in order; header codes (&P, &N) too. */
        char a[64], b[64];
        conversions(en, a, sizeof a);
        conversions(zh, b, sizeof b);
        if (strcmp(a, b) != 0)
            fail_msg("\"%s\": conversions %s, in Chinese %s", en, a, b);
        if ((strstr(en, "&P") != NULL) != (strstr(zh, "&P") != NULL) ||
            (strstr(en, "&N") != NULL) != (strstr(zh, "&N") != NULL))
            fail_msg("\"%s\": page code lost", en);
        assert_ptr_equal(msg_text(KMGCA_LANG_EN, (msg_id)id), en);
        assert_ptr_equal(msg_text(KMGCA_LANG_ZH, (msg_id)id), zh);
    }
    assert_string_equal(msg_text(KMGCA_LANG_ZH, MSG_COUNT), "");
    assert_string_equal(msg_text(KMGCA_LANG_EN, (msg_id)-1), "");
}

static int by_english(const void *a, const void *b)
{
    return strcmp(msg_en[*(const int *)a], msg_en[*(const int *)b]);
}

/* Two ids with one English would be one text that two Chinese could
 * translate apart. */
static void no_two_messages_alike(void **state)
{
    (void)state;
    static int order[MSG_COUNT];
    for (int id = 0; id < MSG_COUNT; id++) {
        if (!msg_en[id])
            fail_msg("message %d has no text in msg_en.c", id);
        order[id] = id;
    }
    qsort(order, MSG_COUNT, sizeof *order, by_english);
    for (int i = 1; i < MSG_COUNT; i++)
        if (strcmp(msg_en[order[i - 1]], msg_en[order[i]]) == 0)
            fail_msg("messages %d and %d are both \"%s\"", order[i - 1], order[i],
                     msg_en[order[i]]);
}

/* The phrases of composed text (msg_phrases.h, the last ids): no printf
 * conversions, and put into Chinese only where they are kmgca's own. */
static void phrases_in_composed_text(void **state)
{
    (void)state;
    assert_true(MSG_COUNT - MSG_PHRASE_FIRST > 50);
    for (int id = MSG_PHRASE_FIRST; id < MSG_COUNT; id++) {
        char a[64], b[64];
        conversions(msg_en[id], a, sizeof a);
        conversions(msg_zh[id], b, sizeof b);
        if (a[0] || b[0])
            fail_msg("phrase \"%s\" holds a printf conversion", msg_en[id]);
    }
    /* A phrase's English is the macro the composing code writes. */
    assert_string_equal(msg_en[MSG_PH_G_AS_WRITTEN], PH_G_AS_WRITTEN);

    static const char *const cases[][2] = {
        /* How a serving was weighed: the fixed words, not the table's note;
         * the English gloss after a Chinese measure word goes, its size too. */
        {"1 small 碗 (small bowl) = 133.3 g (a household rice bowl of cooked rice, 150-250 g; "
         "small: 2/3 of that, kmgca's judgement) (amount read from the food text)",
         "1 小碗 = 133.3 g (a household rice bowl of cooked rice, 150-250 g; 小份：按其2/3计, "
         "kmgca的判断)（份量取自食物文字）"},
        {"40 g as written", "40 g，按记录"},
        {"1 cup = 158 g (USDA household measure \"cup\")", "1 cup = 158 g (USDA家用量度 \"cup\")"},
        {"2 slices = 64 g (each: USDA household measure \"slice\")",
         "2 slices = 64 g (每个：USDA家用量度 \"slice\")"},
        {"no amount written: one typical serving, 118 g (USDA household measure \"medium\")",
         "未写份量：按一份常见份量计，118 g (USDA家用量度 \"medium\")"},
        {"1 cup = 245 g; not measured in this food: calcium, sodium",
         "1 cup = 245 g；该食物未测定：钙、钠"},
        /* A gloss that is no measure word, and words inside a word, stay. */
        {"TFDA 蚝菇 (oyster mushroom)", "TFDA 蚝菇 (oyster mushroom)"},
        {"peach: 1 piece", "peach: 1 piece"},
        /* What the user wrote, in quotes, stays as written. */
        {"start date: \"not a date\" is not a date kmgca reads (use 2026-11-24); taken as "
         "active from the start of the period",
         "开始日期：\"not a date\" 不是kmgca能读取的日期（请写成2026-11-24）；按从时段开始就在"
         "服用计"},
        /* A citation after "(source: " stays whole. */
        {"supplement, counted apart from food: X: 1 mg Mg a tablet (source: 2 tablets a day)",
         "补充剂，与食物分开计算：X: 1 mg Mg/片 (来源：2 tablets a day)"},
        /* Sweat, and a unit only after a number. */
        {"measured: 80.00 kg before - 78.50 kg after + 1.00 L drunk - 0.20 L urine",
         "实测：80.00 kg（运动前）- 78.50 kg（运动后）+ 1.00 L（饮水）- 0.20 L（尿量）"},
        {"vitamin C, 30 C, ", "vitamin C, 30 ℃，"},
        {"omeprazole: generic name; \"钙尔奇\": brand name", "omeprazole：通用名; \"钙尔奇\"：商品名"},
        {"supplement counted with once a day assumed: check the dose",
         "补充剂已计入，按每日一次计算：请核对剂量"},
        /* A low-confidence match, the food's name as the table has it. */
        {"food: low-confidence match (0.41) to \"Snacks, crisped rice bar, almond\": check the "
         "food, or add it with --foods",
         "食物：匹配置信度低 (0.41)，匹配为 \"Snacks, crisped rice bar, almond\"：请核对食物，或用 "
         "--foods 添加"},
    };
    char out[600];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_string_equal(lang_zh_text(cases[i][0], out, sizeof out), cases[i][1]);
    /* Cut short: whole characters only. */
    lang_zh_text("1 small 碗 (small bowl) = 133.3 g", out, 8);
    assert_true(utf8_valid(out, strlen(out)) && strlen(out) < 8);
    assert_string_equal(lang_zh_text(NULL, out, sizeof out), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_message_in_both_languages),
        cmocka_unit_test(no_two_messages_alike),
        cmocka_unit_test(phrases_in_composed_text),
    };
    return cmocka_run_group_tests_name("msg", tests, NULL, NULL);
}
