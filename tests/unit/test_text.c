/* test_text.c — folding, word keys, decimals, UTF-8 checks. */
#include "testutil.h"

static size_t words_of(const char *text, char words[][TEXT_WORD_MAX], size_t max)
{
    char folded[512];
    text_fold(text, folded, sizeof folded);
    return text_words(folded, words, NULL, max);
}

static int has_word(char words[][TEXT_WORD_MAX], size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(words[i], w) == 0)
            return 1;
    return 0;
}

static void folding(void **state)
{
    (void)state;
    char out[128];
    text_fold("  Crème BRÛLÉE,  Kellogg's ", out, sizeof out);
    assert_string_equal(out, "creme brulee, kelloggs");
    text_fold("ＭＩＬＫ　２％", out, sizeof out);      /* full-width forms */
    assert_string_equal(out, "milk 2%");
    text_fold("Milk, 3.25% milkfat", out, sizeof out);
    assert_string_equal(out, "milk, 3.25% milkfat");
    text_fold("大米（生）", out, sizeof out);
    assert_string_equal(out, "大米(生)");
}

static void plurals_reach_one_key(void **state)
{
    (void)state;
    static const char *pairs[][2] = {
        {"berries", "berry"}, {"tomatoes", "tomato"}, {"leaves", "leaf"},
        {"cookies", "cookie"}, {"sandwiches", "sandwich"}, {"lentils", "lentil"},
        {"glasses", "glass"}, {"peaches", "peach"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char a[TEXT_WORD_MAX], b[TEXT_WORD_MAX];
        strcpy(a, pairs[i][0]);
        strcpy(b, pairs[i][1]);
        text_word_key(a);
        text_word_key(b);
        assert_string_equal(a, b);
    }
    char w[TEXT_WORD_MAX] = "asparagus";
    text_word_key(w);
    assert_string_equal(w, "asparagus");
}

static void salt_and_skin_phrases(void **state)
{
    (void)state;
    char w[16][TEXT_WORD_MAX];
    size_t n = words_of("Peanuts, dry-roasted, without salt", w, 16);
    assert_false(has_word(w, n, "salt"));
    assert_false(has_word(w, n, "without"));
    n = words_of("Peanuts, dry-roasted, with salt added", w, 16);
    assert_true(has_word(w, n, "salted"));
    assert_false(has_word(w, n, "added"));
    n = words_of("Potatoes, baked, flesh and skin", w, 16);
    assert_true(has_word(w, n, "withskin"));
    n = words_of("Potatoes, baked, skin", w, 16);
    assert_true(has_word(w, n, "skin"));
    assert_false(has_word(w, n, "withskin"));
    n = words_of("Raisins, cup (not packed)", w, 16);
    assert_true(has_word(w, n, "unpacked"));
}

static void word_order_and_stop_words(void **state)
{
    (void)state;
    char a[16][TEXT_WORD_MAX], b[16][TEXT_WORD_MAX];
    size_t na = words_of("turkey breast, roasted", a, 16);
    size_t nb = words_of("Roasted breast of turkey", b, 16);
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++)
        assert_true(has_word(b, nb, a[i]));
    na = words_of("yoghurt, wholemeal", a, 16);
    assert_true(has_word(a, na, "yogurt"));
    assert_true(has_word(a, na, "whole"));
    assert_true(has_word(a, na, "wheat"));
}

static void parens_and_numbered_parts_are_flagged(void **state)
{
    (void)state;
    char folded[256], w[16][TEXT_WORD_MAX];
    unsigned char flags[16];
    text_fold("Yogurt, plain, low fat, 12 grams protein (per 8 ounce)", folded, sizeof folded);
    size_t n = text_words(folded, w, flags, 16);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(w[i], "yogurt") == 0)
            assert_int_equal(flags[i], 0);
        if (strcmp(w[i], "protein") == 0)
            assert_int_equal(flags[i], TEXT_IN_NUMBERED);
        if (strcmp(w[i], "ounce") == 0)
            assert_int_equal(flags[i], TEXT_IN_NUMBERED | TEXT_IN_PARENS);
    }
}

static void lookup_lists_are_sorted(void **state)
{
    (void)state;
    assert_true(text_lists_sorted());
}

static void decimals_ignore_locale(void **state)
{
    (void)state;
    double v;
    assert_int_equal(parse_decimal("28.35", &v), 5);
    assert_true(v == 28.35);
    assert_int_equal(parse_decimal("1,5 cups", &v), 3);
    assert_true(v == 1.5);
    assert_int_equal(parse_decimal("1,000 g", &v), 5);   /* thousands */
    assert_true(v == 1000);
    assert_int_equal(parse_decimal("abc", &v), 0);
    assert_int_equal(parse_decimal(".5", &v), 2);
    assert_true(v == 0.5);
}

/* The keys kept at build time for every built-in name are what the text
 * functions make of it now (a stale build/gen/foodtables.c would match
 * differently from a custom food of the same name), and pack and unpack
 * agree. */
/* The literal hashes embedtables stores are text_literal_hash's. */
static void built_in_literal_hashes_are_current(void **state)
{
    (void)state;
    for (size_t i = 0; i < kmgca_builtin_food_count; i++) {
        const char *description =
            kmgca_builtin_food_pool + kmgca_builtin_foods[i].text[BUILTIN_DESCRIPTION];
        if (text_literal_hash(description) != kmgca_builtin_food_lit[i])
            fail_msg("food %zu \"%s\": stored literal hash is stale", i, description);
    }
    /* case, spacing and punctuation do not count; words do */
    assert_true(text_literal_hash("Milk, whole") == text_literal_hash("  milk   WHOLE. "));
    assert_true(text_literal_hash("Fish, tuna, light, canned in water, without salt") !=
                text_literal_hash("Fish, tuna, light, canned in water"));
    assert_true(text_literal_hash(" ,.- ") == 0);
}

static void built_in_keys_are_current(void **state)
{
    (void)state;
    char words[TEXT_DOC_WORDS][TEXT_WORD_MAX], back[TEXT_DOC_WORDS][TEXT_WORD_MAX];
    unsigned char flags[TEXT_DOC_WORDS], back_flags[TEXT_DOC_WORDS];
    char packed[TEXT_DOC_WORDS * (TEXT_WORD_MAX + 2)];
    size_t keyed = 0;
    for (size_t i = 0; i < kmgca_builtin_food_count + kmgca_builtin_alias_count; i++) {
        const char *name, *keys;
        if (i < kmgca_builtin_food_count) {
            const uint32_t *text = kmgca_builtin_foods[i].text;
            name = kmgca_builtin_food_pool + text[BUILTIN_DESCRIPTION];
            keys = text[BUILTIN_KEYS] ? kmgca_builtin_food_pool + text[BUILTIN_KEYS] : NULL;
        } else {
            const struct kmgca_builtin_alias *a = &kmgca_builtin_aliases[i - kmgca_builtin_food_count];
            if (a->zh) {
                assert_int_equal(a->keys, 0);
                continue;
            }
            name = kmgca_builtin_alias_pool + a->text;
            keys = a->keys ? kmgca_builtin_alias_pool + a->keys : NULL;
        }
        size_t n = text_doc_words(name, words, flags);
        if (!n) {
            assert_null(keys);
            continue;
        }
        assert_true(text_keys_pack(words, flags, n, packed, sizeof packed) > 0);
        if (!keys || strcmp(keys, packed) != 0)
            fail_msg("\"%s\": kept keys \"%s\", now \"%s\"", name, keys ? keys : "(none)",
                     packed);
        size_t m = text_keys_unpack(keys, back, back_flags, TEXT_DOC_WORDS);
        assert_int_equal(m, n);
        for (size_t k = 0; k < n; k++) {
            assert_string_equal(back[k], words[k]);
            assert_int_equal(back_flags[k], flags[k]);
        }
        keyed++;
    }
    assert_true(keyed > 10000);
    /* Too small a buffer packs nothing. */
    strcpy(words[0], "banana");
    flags[0] = TEXT_IN_PARENS;
    assert_int_equal(text_keys_pack(words, flags, 1, packed, 8), 7);
    assert_string_equal(packed, "1banana");
    assert_int_equal(text_keys_pack(words, flags, 1, packed, 7), 0);
}

static void utf8_checks(void **state)
{
    (void)state;
    assert_true(utf8_valid("菠菜 ok", strlen("菠菜 ok")));
    assert_false(utf8_valid("\xC0\xAF", 2));          /* overlong '/' */
    assert_false(utf8_valid("\xED\xA0\x80", 3));      /* surrogate */
    assert_false(utf8_valid("\xE8\x8F", 2));          /* cut short */
    assert_false(utf8_valid("a\0b", 3));              /* NUL */
    assert_false(utf8_valid("\xF5\x80\x80\x80", 4));  /* past U+10FFFF */
    char buf[8];
    copy_text(buf, 5, "ab菠菜");                        /* must not split 菠 */
    assert_string_equal(buf, "ab");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(built_in_keys_are_current),
        cmocka_unit_test(built_in_literal_hashes_are_current),
        cmocka_unit_test(folding),
        cmocka_unit_test(plurals_reach_one_key),
        cmocka_unit_test(salt_and_skin_phrases),
        cmocka_unit_test(word_order_and_stop_words),
        cmocka_unit_test(parens_and_numbered_parts_are_flagged),
        cmocka_unit_test(decimals_ignore_locale),
        cmocka_unit_test(lookup_lists_are_sorted),
        cmocka_unit_test(utf8_checks),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
