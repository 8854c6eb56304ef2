/* Unit tests for src/util.h: UTF-8 decoding and classification, display
 * columns, prefixes that keep characters whole, edit distance and suggestions, the byte
 * buffer, the string map and the arena. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- utf8_decode and utf8_valid ---- */

static void
assert_decodes(const char *s, size_t n, size_t want_len, uint32_t want_cp)
{
	uint32_t cp = 0xdeadbeef;
	size_t k = utf8_decode(s, n, &cp);

	if (k != want_len || cp != want_cp)
		fail_msg("decode of %zu bytes: got length %zu, U+%04X; want "
		    "%zu, U+%04X", n, k, (unsigned)cp, want_len,
		    (unsigned)want_cp);
	assert_true(utf8_valid(s, n));
}

static void
assert_refused(const char *s, size_t n)
{
	uint32_t cp = 0;
	size_t k = utf8_decode(s, n, &cp);

	if (k != 0)
		fail_msg("decode of %zu bytes (first 0x%02x) accepted U+%04X",
		    n, (unsigned)(unsigned char)s[0], (unsigned)cp);
	assert_false(utf8_valid(s, n));
}

static void
test_decode_valid(void **state)
{
	(void)state;
	assert_decodes("A", 1, 1, 0x41);
	assert_decodes("\0", 1, 1, 0);
	assert_decodes("\x7f", 1, 1, 0x7f);
	assert_decodes("\xc2\x80", 2, 2, 0x80);
	assert_decodes("\xc3\xa9", 2, 2, 0xe9);                 /* é */
	assert_decodes("\xd0\xa1", 2, 2, 0x421);                /* С */
	assert_decodes("\xdf\xbf", 2, 2, 0x7ff);
	assert_decodes("\xe0\xa0\x80", 3, 3, 0x800);
	assert_decodes("\xe2\x82\xac", 3, 3, 0x20ac);           /* € */
	assert_decodes("\xea\xb9\x80", 3, 3, 0xae40);           /* 김 */
	assert_decodes("\xe6\xaf\x9b", 3, 3, 0x6bdb);           /* 毛 */
	assert_decodes("\xed\x9f\xbf", 3, 3, 0xd7ff);
	assert_decodes("\xee\x80\x80", 3, 3, 0xe000);
	assert_decodes("\xef\xbb\xbf", 3, 3, 0xfeff);
	assert_decodes("\xef\xbf\xbf", 3, 3, 0xffff);
	assert_decodes("\xf0\x90\x80\x80", 4, 4, 0x10000);
	assert_decodes("\xf0\x9f\x98\x80", 4, 4, 0x1f600);      /* 😀 */
	assert_decodes("\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff);
	/* Only the first character is decoded. */
	assert_decodes("\xc3\xa9xyz", 5, 2, 0xe9);
	{
		uint32_t cp;

		assert_int_equal(utf8_decode("ab", 2, &cp), 1);
		assert_int_equal(cp, 'a');
	}
}

static void
test_decode_overlong(void **state)
{
	(void)state;
	assert_refused("\xc0\x80", 2);          /* NUL in two bytes */
	assert_refused("\xc0\xaf", 2);          /* '/' */
	assert_refused("\xc1\xbf", 2);
	assert_refused("\xe0\x80\x80", 3);
	assert_refused("\xe0\x80\xaf", 3);
	assert_refused("\xe0\x9f\xbf", 3);      /* U+07FF in three */
	assert_refused("\xf0\x80\x80\x80", 4);
	assert_refused("\xf0\x80\x80\xaf", 4);
	assert_refused("\xf0\x8f\xbf\xbf", 4);  /* U+FFFF in four */
}

static void
test_decode_surrogates_and_range(void **state)
{
	(void)state;
	assert_refused("\xed\xa0\x80", 3);      /* U+D800 */
	assert_refused("\xed\xad\xbf", 3);      /* U+DB7F */
	assert_refused("\xed\xb0\x80", 3);      /* U+DC00 */
	assert_refused("\xed\xbf\xbf", 3);      /* U+DFFF */
	assert_refused("\xed\xa0\xbd\xed\xb8\x80", 6);  /* CESU-8 pair */
	assert_refused("\xf4\x90\x80\x80", 4);  /* U+110000 */
	assert_refused("\xf4\xbf\xbf\xbf", 4);
	assert_refused("\xf5\x80\x80\x80", 4);
	assert_refused("\xf7\xbf\xbf\xbf", 4);
	assert_refused("\xf8\x88\x80\x80\x80", 5);
	assert_refused("\xfc\x84\x80\x80\x80\x80", 6);
	assert_refused("\xfe", 1);
	assert_refused("\xff", 1);
}

static void
test_decode_truncated(void **state)
{
	(void)state;
	assert_refused("\xc3", 1);
	assert_refused("\xe2\x82", 2);
	assert_refused("\xe2", 1);
	assert_refused("\xf0\x9f\x98", 3);
	assert_refused("\xf0\x9f", 2);
	assert_refused("\xf0", 1);
	/* n limits what is read even when more bytes follow. */
	assert_refused("\xe2\x82\xac", 2);
	assert_refused("\xf0\x9f\x98\x80", 3);
	/* A lead byte followed by something that is not a continuation. */
	assert_refused("\xc3" "A", 2);
	assert_refused("\xe2\x28\xa1", 3);
	assert_refused("\xe2\x82\x28", 3);
	assert_refused("\xf0\x9f\x98" "A", 4);
	assert_refused("\xc3\xc3\xa9", 3);
	{
		uint32_t cp = 7;

		assert_int_equal(utf8_decode("", 0, &cp), 0);
	}
}

static void
test_decode_stray_continuation(void **state)
{
	(void)state;
	assert_refused("\x80", 1);
	assert_refused("\xbf", 1);
	assert_refused("\x80\x80", 2);
	assert_refused("\xa9", 1);
}

static void
test_valid_strings(void **state)
{
	const char *mixed = "Kim \xea\xb9\x80\xec\x9d\xbc\xec\x84\xb1, "
	    "\xd0\xa1\xd1\x82\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xbd, "
	    "\xe6\xaf\x9b\xe6\xb3\xbd\xe4\xb8\x9c \xf0\x9f\x98\x80";

	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("plain ascii", 11));
	assert_true(utf8_valid(mixed, strlen(mixed)));
	assert_true(utf8_valid("a\0b", 3));
	/* One bad byte anywhere makes the whole string invalid. */
	assert_false(utf8_valid("abc\x80", 4));
	assert_false(utf8_valid("\x80" "abc", 4));
	assert_false(utf8_valid("ab\xffyz", 5));
	assert_false(utf8_valid("caf\xc3", 4));       /* truncated at end */
	assert_true(utf8_valid("caf\xc3\xa9", 5));
	assert_false(utf8_valid("caf\xc3\xa9", 4));
	assert_false(utf8_valid("a\xed\xa0\x80z", 5));
	assert_false(utf8_valid("a\xc0\x80z", 4));
	/* Stops at n: bytes past it do not matter. */
	assert_true(utf8_valid("abc\xff", 3));
}

/* ---- classification ---- */

static void
test_is_control(void **state)
{
	static const uint32_t yes[] = {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c,
	    0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f};
	static const uint32_t no[] = {'\t', '\n', ' ', '!', 'A', '~', 0xa0,
	    0xe9, 0x2028, 0x200b, 0xfeff, 0x1f600, 0x10ffff};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!utf8_is_control(yes[i]))
			fail_msg("U+%04X should be a control", (unsigned)yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (utf8_is_control(no[i]))
			fail_msg("U+%04X is not a control", (unsigned)no[i]);
}

static void
test_is_invisible(void **state)
{
	static const uint32_t yes[] = {
		0x202a, 0x202b, 0x202c, 0x202d, 0x202e, /* embeddings */
		0x2066, 0x2067, 0x2068, 0x2069,         /* isolates */
		0x200b, 0x200c, 0x200d,                 /* zero-width */
		0x200e, 0x200f,                         /* LRM, RLM */
		0xfeff,                                 /* BOM, ZWNBSP */
		0x00ad, 0x061c, 0x2028, 0x2029,         /* SHY, ALM, LS, PS */
		0x2060, 0x2061, 0x2062, 0x2063, 0x2064, /* word joiner etc. */
		/* Caught since they are found by category: */
		0x180e,                                 /* Mongolian VS */
		0x206a, 0x206f,                         /* deprecated Cf */
		0xfff9, 0xfffb,                         /* annotation marks */
		0x1d173, 0x1bca0,                       /* musical, shorthand */
		0xe0000, 0xe0001, 0xe0002, 0xe001f,     /* tags */
		0xe0020, 0xe0041, 0xe007f,
		0x115f, 0x1160, 0x3164, 0xffa0,         /* Hangul fillers */
	};
	static const uint32_t no[] = {'a', ' ', 0xa0, 0xac, 0x0410, 0xae40,
	    0x6bdb, 0x200a, 0x2010, 0x202f, 0x2065, 0x2070, 0xfefe, 0xff01,
	    0x1f600, 0x1100, 0x1161, 0x3163, 0x3165, 0xffa1, 0xe0080, 0xe0100,
	    0x0301, 0x3000, 0x10ffff};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!utf8_is_invisible(yes[i]))
			fail_msg("U+%04X should be invisible", (unsigned)yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (utf8_is_invisible(no[i]))
			fail_msg("U+%04X is not invisible", (unsigned)no[i]);
}

/* ---- lengths and prefixes ---- */

#define CYRILLIC "\xd0\xa1\xd1\x82\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xbd" /* Сталин */
#define HANGUL "\xea\xb9\x80\xec\x9d\xbc\xec\x84\xb1"               /* 김일성 */
#define HAN "\xe6\xaf\x9b\xe6\xb3\xbd\xe4\xb8\x9c"                  /* 毛泽东 */
#define EMOJI "\xf0\x9f\x98\x80\xf0\x9f\x87\xb0\xf0\x9f\x87\xb7"    /* 😀🇰🇷 */

static void
test_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("", 0), 0);
	assert_int_equal(utf8_length("abc", 3), 3);
	assert_int_equal(utf8_length(CYRILLIC, strlen(CYRILLIC)), 6);
	assert_int_equal(utf8_length(HANGUL, strlen(HANGUL)), 3);
	assert_int_equal(utf8_length(HAN, strlen(HAN)), 3);
	assert_int_equal(utf8_length(EMOJI, strlen(EMOJI)), 3);
	assert_int_equal(utf8_length("a" HANGUL "b", 11), 5);
	assert_int_equal(utf8_length(CYRILLIC, 4), 2);
	assert_int_equal(utf8_length("a\0b", 3), 3);
}

/* ---- display columns ---- */

static void
test_width(void **state)
{
	size_t w, i;

	(void)state;
	assert_int_equal(utf8_width("", 0), 0);
	assert_int_equal(utf8_width("abc", 3), 3);
	assert_int_equal(utf8_width("a\tb", 3), 3);
	assert_int_equal(utf8_width(CYRILLIC, strlen(CYRILLIC)), 6);
	/* Hangul and Han take two columns each. */
	assert_int_equal(utf8_width(HANGUL, strlen(HANGUL)), 6);
	assert_int_equal(utf8_width(HAN, strlen(HAN)), 6);
	assert_int_equal(utf8_width("a" HANGUL "b", 11), 8);
	assert_int_equal(utf8_width(EMOJI, 4), 2);
	/* Combining marks and format characters take none. */
	assert_int_equal(utf8_width("e\xcc\x81", 3), 1);          /* e + U+0301 */
	assert_int_equal(utf8_width("a\xe2\x80\x8b" "b", 5), 2);   /* ZWSP */
	/* A byte that is not UTF-8 is one column, and is passed over. */
	assert_int_equal(utf8_width("a\xff" "b", 3), 3);
	assert_int_equal(utf8_width(HANGUL, 2), 2);
	/* utf8_next: length and columns of one character. */
	assert_int_equal(utf8_next("", 0, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(utf8_next(HANGUL, strlen(HANGUL), &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(utf8_next(CYRILLIC, strlen(CYRILLIC), &w), 2);
	assert_int_equal(w, 1);
	assert_int_equal(utf8_next("x", 1, &w), 1);
	assert_int_equal(w, 1);
	/* Prefixes within a number of columns. */
	assert_int_equal(utf8_prefix_width(HANGUL, 9, 0), 0);
	assert_int_equal(utf8_prefix_width(HANGUL, 9, 1), 0);
	assert_int_equal(utf8_prefix_width(HANGUL, 9, 2), 3);
	assert_int_equal(utf8_prefix_width(HANGUL, 9, 5), 6);
	assert_int_equal(utf8_prefix_width(HANGUL, 9, 6), 9);
	assert_int_equal(utf8_prefix_width("ab" HAN, 11, 5), 5);
	assert_int_equal(utf8_prefix_width("abcdef", 6, 4), 4);
	/* A combining mark stays with its letter. */
	assert_int_equal(utf8_prefix_width("e\xcc\x81x", 4, 1), 3);
	for (i = 0; i <= 12; i++) {
		size_t k = utf8_prefix_width(HANGUL HAN, 18, i);

		assert_true(utf8_valid(HANGUL HAN, k));
		assert_true(utf8_width(HANGUL HAN, k) <= i);
		assert_true(utf8_width(HANGUL HAN, k) + 1 >= i);
	}
}

/* r is a character boundary of s: the prefix decodes whole. */
static void
assert_prefix_ok(const char *s, size_t n, size_t max)
{
	size_t r = utf8_prefix(s, n, max), next;
	uint32_t cp;

	if (r > max || r > n)
		fail_msg("prefix %zu of %zu bytes is longer than %zu", r, n,
		    max);
	if (!utf8_valid(s, r))
		fail_msg("prefix %zu (max %zu) cuts a character", r, max);
	/* The largest such: the next character does not fit. */
	if (r < n && max >= r) {
		next = utf8_decode(s + r, n - r, &cp);
		assert_true(next > 0);
		if (r + next <= max)
			fail_msg("prefix %zu (max %zu) is too short", r, max);
	}
}

static void
test_prefix(void **state)
{
	static const char *const texts[] = {CYRILLIC, HANGUL, HAN, EMOJI,
	    "Kim " HANGUL " / " CYRILLIC " " HAN EMOJI, "ascii only"};
	size_t t, max;

	(void)state;
	for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		size_t n = strlen(texts[t]);

		for (max = 0; max <= n + 3; max++)
			assert_prefix_ok(texts[t], n, max);
	}
	/* Exact values. */
	assert_int_equal(utf8_prefix(CYRILLIC, 12, 3), 2);
	assert_int_equal(utf8_prefix(CYRILLIC, 12, 4), 4);
	assert_int_equal(utf8_prefix(CYRILLIC, 12, 11), 10);
	assert_int_equal(utf8_prefix(CYRILLIC, 12, 12), 12);
	assert_int_equal(utf8_prefix(CYRILLIC, 12, 100), 12);
	assert_int_equal(utf8_prefix(HANGUL, 9, 2), 0);
	assert_int_equal(utf8_prefix(HANGUL, 9, 5), 3);
	assert_int_equal(utf8_prefix(HANGUL, 9, 8), 6);
	assert_int_equal(utf8_prefix(HAN, 9, 7), 6);
	assert_int_equal(utf8_prefix(EMOJI, 12, 3), 0);
	assert_int_equal(utf8_prefix(EMOJI, 12, 7), 4);
	assert_int_equal(utf8_prefix(EMOJI, 12, 11), 8);
	assert_int_equal(utf8_prefix("a" EMOJI, 13, 4), 1);
	assert_int_equal(utf8_prefix("abc", 3, 2), 2);
	assert_int_equal(utf8_prefix("", 0, 5), 0);
}

/* ---- edit distance and suggestions ---- */

static void
test_edit_distance(void **state)
{
	char long1[70], long2[70];

	(void)state;
	assert_int_equal(edit_distance("", ""), 0);
	assert_int_equal(edit_distance("abc", ""), 3);
	assert_int_equal(edit_distance("", "abcd"), 4);
	assert_int_equal(edit_distance("title", "title"), 0);
	assert_int_equal(edit_distance("titel", "title"), 1); /* swap */
	assert_int_equal(edit_distance("ab", "ba"), 1);
	assert_int_equal(edit_distance("stalln", "stalin"), 1);
	assert_int_equal(edit_distance("stalin", "stalln"), 1);
	assert_int_equal(edit_distance("kitten", "sitting"), 3);
	assert_int_equal(edit_distance("soruces", "sources"), 1);
	assert_int_equal(edit_distance("sorces", "sources"), 1);
	assert_int_equal(edit_distance("sourcess", "sources"), 1);
	assert_int_equal(edit_distance("decision", "decisions"), 1);
	assert_int_equal(edit_distance("abc", "xyz"), 3);
	assert_int_equal(edit_distance("flaw", "lawn"), 2);
	/* Damerau-style (optimal string alignment): ca -> abc is 3. */
	assert_int_equal(edit_distance("ca", "abc"), 3);
	/* Very long words are never near anything. */
	memset(long1, 'a', 65);
	long1[65] = '\0';
	memcpy(long2, long1, sizeof(long2));
	assert_int_equal(edit_distance(long1, long2), (size_t)-1);
	long1[64] = '\0';
	long2[64] = '\0';
	long2[0] = 'b';
	assert_int_equal(edit_distance(long1, long2), 1);
}

static void
test_suggest(void **state)
{
	static const char *const keys[] = {"id", "title", "date", "phase",
	    "text", "note", "sources", NULL};
	static const char *const actors[] = {"kim", "stalin", "mao",
	    "shtykov", NULL};
	static const char *const none[] = {NULL};

	(void)state;
	assert_string_equal(suggest("titel", keys), "title");
	assert_string_equal(suggest("tilte", keys), "title");
	assert_string_equal(suggest("soruces", keys), "sources");
	assert_string_equal(suggest("source", keys), "sources");
	assert_string_equal(suggest("phse", keys), "phase");
	assert_string_equal(suggest("title", keys), "title");
	assert_string_equal(suggest("stalln", actors), "stalin");
	assert_string_equal(suggest("Stalin", actors), "stalin");
	assert_string_equal(suggest("shtykow", actors), "shtykov");
	/* Unrelated words get no hint. */
	assert_null(suggest("banana", keys));
	assert_null(suggest("description", keys));
	assert_null(suggest("zzzzz", keys));
	assert_null(suggest("truman", actors));
	assert_null(suggest("xyz", actors));
	assert_null(suggest("titel", none));
	/* A difference of case only is the nearest of all. */
	{
		static const char *const dirs[] = {"TB", "LR", "BT", "RL",
		    NULL};

		assert_string_equal(suggest("lr", dirs), "LR");
		assert_string_equal(suggest("rl", dirs), "RL");
		assert_string_equal(suggest("TITLE", keys), "title");
		assert_string_equal(suggest("Sources", keys), "sources");
	}
	/* The nearest wins. */
	{
		static const char *const c[] = {"title", "text", NULL};

		assert_string_equal(suggest("tex", c), "text");
		assert_string_equal(suggest("titl", c), "title");
	}
}

/* ---- buf ---- */

static void
test_buf(void **state)
{
	buf b = {0};
	int i;

	(void)state;
	buf_puts(&b, "");
	assert_non_null(b.s);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	buf_puts(&b, "Kim ");
	buf_putc(&b, 'I');
	buf_putn(&b, "l Sung, more", 6);
	assert_int_equal(b.len, 11);
	assert_string_equal(b.s, "Kim Il Sung");
	buf_printf(&b, " %d-%02d %s", 1949, 3, HANGUL);
	assert_string_equal(b.s, "Kim Il Sung 1949-03 " HANGUL);
	assert_int_equal(b.len, strlen(b.s));
	assert_true(b.cap > b.len);
	/* Embedded NUL bytes are kept and counted. */
	buf_putn(&b, "x\0y", 3);
	assert_int_equal(b.len, 11 + 9 + 9 + 3);
	assert_memory_equal(b.s + b.len - 3, "x\0y", 3);
	assert_int_equal(b.s[b.len], '\0');
	buf_free(&b);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);

	/* Growth, many times over. */
	for (i = 0; i < 5000; i++)
		buf_printf(&b, "%04d,", i);
	assert_int_equal(b.len, 5000 * 5);
	assert_memory_equal(b.s, "0000,0001,0002,", 15);
	assert_memory_equal(b.s + b.len - 5, "4999,", 5);
	assert_int_equal(b.s[b.len], '\0');
	buf_free(&b);

	/* One large printf. */
	{
		char big[3001];

		memset(big, 'q', 3000);
		big[3000] = '\0';
		buf_putc(&b, '<');
		buf_printf(&b, "%s>", big);
		assert_int_equal(b.len, 3002);
		assert_int_equal(b.s[0], '<');
		assert_int_equal(b.s[3000], 'q');
		assert_int_equal(b.s[3001], '>');
		assert_int_equal(b.s[3002], '\0');
		buf_free(&b);
	}
	for (i = 0; i < 1000; i++)
		buf_putc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.s[999], 'a' + 999 % 26);
	assert_int_equal(strlen(b.s), 1000);
	buf_free(&b);
}

/* ---- strmap ---- */

static void
test_strmap_many_keys(void **state)
{
	enum { N = 20000 };
	char (*keys)[16] = malloc(N * sizeof(*keys));
	int *vals = malloc(N * sizeof(*vals));
	strmap m = {0};
	size_t i;

	(void)state;
	assert_null(strmap_get(&m, "absent", 6));
	for (i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "key-%zu", i);
		vals[i] = (int)i;
		assert_null(strmap_put(&m, keys[i], strlen(keys[i]),
		    &vals[i]));
	}
	assert_int_equal(m.n, N);
	for (i = 0; i < N; i++) {
		int *v = strmap_get(&m, keys[i], strlen(keys[i]));

		if (v != &vals[i])
			fail_msg("key %s lost after growth", keys[i]);
	}
	assert_null(strmap_get(&m, "key-20000", 9));
	assert_null(strmap_get(&m, "key-", 4));
	assert_null(strmap_get(&m, "key-1", 4));        /* a prefix */
	assert_null(strmap_get(&m, "", 0));
	strmap_free(&m);
	assert_int_equal(m.n, 0);
	assert_int_equal(m.cap, 0);
	assert_null(m.entries);
	assert_null(strmap_get(&m, "key-1", 5));
	free(keys);
	free(vals);
}

static void
test_strmap_duplicates(void **state)
{
	strmap m = {0};
	int a = 1, b = 2, c = 3;
	char other[] = "stalin";

	(void)state;
	assert_null(strmap_put(&m, "stalin", 6, &a));
	/* The old value comes back and stays. */
	assert_ptr_equal(strmap_put(&m, "stalin", 6, &b), &a);
	/* Compared by content, not by pointer. */
	assert_ptr_equal(strmap_put(&m, other, 6, &c), &a);
	assert_ptr_equal(strmap_get(&m, other, 6), &a);
	assert_int_equal(m.n, 1);
	assert_null(strmap_put(&m, "stalin", 5, &b));  /* "stali" */
	assert_ptr_equal(strmap_get(&m, "stali", 5), &b);
	assert_ptr_equal(strmap_get(&m, "stalin", 6), &a);
	assert_int_equal(m.n, 2);
	strmap_free(&m);
}

static void
test_strmap_embedded_nul(void **state)
{
	strmap m = {0};
	int v[6];

	(void)state;
	assert_null(strmap_put(&m, "a", 1, &v[0]));
	assert_null(strmap_put(&m, "a\0", 2, &v[1]));
	assert_null(strmap_put(&m, "a\0b", 3, &v[2]));
	assert_null(strmap_put(&m, "a\0c", 3, &v[3]));
	assert_null(strmap_put(&m, "", 0, &v[4]));
	assert_null(strmap_put(&m, "\0", 1, &v[5]));
	assert_int_equal(m.n, 6);
	assert_ptr_equal(strmap_get(&m, "a", 1), &v[0]);
	assert_ptr_equal(strmap_get(&m, "a\0", 2), &v[1]);
	assert_ptr_equal(strmap_get(&m, "a\0b", 3), &v[2]);
	assert_ptr_equal(strmap_get(&m, "a\0c", 3), &v[3]);
	assert_ptr_equal(strmap_get(&m, "", 0), &v[4]);
	assert_ptr_equal(strmap_get(&m, "\0", 1), &v[5]);
	assert_null(strmap_get(&m, "a\0d", 3));
	assert_null(strmap_get(&m, "a\0\0", 3));
	assert_ptr_equal(strmap_put(&m, "a\0b", 3, &v[0]), &v[2]);
	/* A key is only its len bytes. */
	assert_ptr_equal(strmap_get(&m, "abc", 1), &v[0]);
	strmap_free(&m);
}

/* ---- arena ---- */

static void
test_arena_alignment(void **state)
{
	arena *a = arena_new();
	size_t align = _Alignof(max_align_t), n;

	(void)state;
	for (n = 0; n < 200; n++) {
		unsigned char *p = arena_alloc(a, n % 41 + 1);
		size_t k;

		assert_int_equal((uintptr_t)p % align, 0);
		for (k = 0; k < n % 41 + 1; k++)
			assert_int_equal(p[k], 0);
		memset(p, 0xab, n % 41 + 1);
	}
	{
		long double *ld = arena_alloc(a, sizeof(long double) * 3);
		double *d;
		char *c = arena_alloc(a, 1);

		*c = 'x';
		d = arena_alloc(a, sizeof(double));
		assert_int_equal((uintptr_t)ld % _Alignof(long double), 0);
		assert_int_equal((uintptr_t)d % _Alignof(double), 0);
		ld[2] = 1.5L;
		*d = 2.5;
		assert_true(ld[2] == 1.5L);
	}
	arena_free(a);
	arena_free(NULL);
}

/* Blocks are filled and new ones taken; large requests get their own,
 * and nothing overlaps. */
static void
test_arena_large_and_many(void **state)
{
	enum { SMALL = 5000 };
	arena *a = arena_new();
	unsigned char **small = malloc(SMALL * sizeof(*small));
	static const size_t big_sizes[] = {64 * 1024, 64 * 1024 + 1,
	    200000, 3 * 1024 * 1024};
	unsigned char *big[4];
	size_t i, k;

	(void)state;
	for (i = 0; i < SMALL; i++) {
		size_t n = 1 + i % 97;

		small[i] = arena_alloc(a, n);
		memset(small[i], (int)(i & 0xff), n);
		if (i % 1000 == 500) {
			size_t b = i / 1000 % 4;

			big[b] = arena_alloc(a, big_sizes[b]);
			assert_int_equal((uintptr_t)big[b] %
			    _Alignof(max_align_t), 0);
			for (k = 0; k < big_sizes[b]; k += 4096)
				assert_int_equal(big[b][k], 0);
			assert_int_equal(big[b][big_sizes[b] - 1], 0);
			memset(big[b], 0xc0 + (int)b, big_sizes[b]);
		}
	}
	for (i = 0; i < SMALL; i++)
		for (k = 0; k < 1 + i % 97; k++)
			if (small[i][k] != (unsigned char)(i & 0xff))
				fail_msg("allocation %zu overwritten", i);
	for (i = 0; i < 4; i++) {
		assert_int_equal(big[i][0], 0xc0 + i);
		assert_int_equal(big[i][big_sizes[i] - 1], 0xc0 + i);
	}
	{
		char *s = arena_strdup(a, "Kim " HANGUL);
		char *t = arena_strndup(a, "a\0bcdef", 4);

		assert_string_equal(s, "Kim " HANGUL);
		assert_memory_equal(t, "a\0bc", 4);
		assert_int_equal(t[4], '\0');
	}
	free(small);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_overlong),
		cmocka_unit_test(test_decode_surrogates_and_range),
		cmocka_unit_test(test_decode_truncated),
		cmocka_unit_test(test_decode_stray_continuation),
		cmocka_unit_test(test_valid_strings),
		cmocka_unit_test(test_is_control),
		cmocka_unit_test(test_is_invisible),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_strmap_many_keys),
		cmocka_unit_test(test_strmap_duplicates),
		cmocka_unit_test(test_strmap_embedded_nul),
		cmocka_unit_test(test_arena_alignment),
		cmocka_unit_test(test_arena_large_and_many),
	};

	return cmocka_run_group_tests_name("test_utf8", tests, NULL, NULL);
}
