/* Unit tests for src/label.h: wrapping at a number of display columns,
 * so that Korean and Chinese labels are as wide as Latin ones, and the
 * escaping of label text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* s wrapped at cols with at most max_lines lines, the lines joined by
 * '\n' (which the wrapping itself never writes); the caller frees it. */
static char *
wrap(const char *s, int cols, int max_lines)
{
	buf b = {0};

	label_wrap_html(&b, s, cols, max_lines, "\n");
	if (b.s == NULL)
		buf_puts(&b, "");
	return b.s;
}

/* Checks that every line of s wrapped at cols takes at most cols columns
 * and that the widest takes at least least; returns the number of lines. */
static int
assert_lines_within(const char *s, int cols, int max_lines, size_t least)
{
	char *out = wrap(s, cols, max_lines), *line = out, *end;
	size_t widest = 0;
	int n = 0;

	for (;;) {
		size_t len, w;

		end = strchr(line, '\n');
		len = end ? (size_t)(end - line) : strlen(line);
		w = utf8_width(line, len);
		if (w > (size_t)cols)
			fail_msg("line %d '%.*s' takes %zu columns, more than %d",
			    n + 1, (int)len, line, w, cols);
		if (w > widest)
			widest = w;
		n++;
		if (end == NULL)
			break;
		line = end + 1;
	}
	if (widest < least)
		fail_msg("the widest line of '%s' takes %zu columns, expected "
		    "at least %zu: '%s'", s, widest, least, out);
	free(out);
	return n;
}

static void
assert_wraps(const char *s, int cols, int max_lines, const char *want)
{
	char *out = wrap(s, cols, max_lines);

	if (strcmp(out, want) != 0)
		fail_msg("'%s' at %d columns:\n got  '%s'\n want '%s'", s, cols,
		    out, want);
	free(out);
}

/* Latin text wraps as it always did: at the last space within cols. */
static void
test_wrap_latin(void **state)
{
	(void)state;
	assert_wraps("The quick brown fox jumps over the lazy dog", 10, 0,
	    "The quick\nbrown fox\njumps over\nthe lazy\ndog");
	assert_wraps("Stalin agrees to the invasion", 22, 0,
	    "Stalin agrees to the\ninvasion");
	/* A space just past the columns still ends a full line. */
	assert_wraps("abcdefghij klm", 10, 0, "abcdefghij\nklm");
	assert_wraps("short", 22, 0, "short");
	assert_wraps("  leading and trailing  ", 22, 0, "leading and trailing  ");
	assert_wraps("line\nbreak kept", 22, 0, "line\nbreak kept");
	/* One long word is cut at cols. */
	assert_wraps("abcdefghijklmnopqrstuvwxyz", 10, 0,
	    "abcdefghij\nklmnopqrst\nuvwxyz");
	/* A long word with a hyphen breaks after the last hyphen within
	 * cols, not inside a part; a line with a space still breaks at the
	 * space. */
	assert_wraps("Austria-Hungary", 14, 0, "Austria-\nHungary");
	assert_wraps("Schleswig-Holstein-Sonderburg-Glücksburg", 20, 0,
	    "Schleswig-Holstein-\nSonderburg-\nGlücksburg");
	assert_wraps("The Austria-Hungary", 14, 0, "The\nAustria-\nHungary");
	assert_wraps("-abcdefghijkl", 10, 0, "-abcdefghi\njkl");
	/* The last line allowed ends with an ellipsis within cols. */
	assert_wraps("The quick brown fox jumps over the lazy dog", 10, 2,
	    "The quick\nbrown fox" ELLIPSIS);
	assert_wraps("abcdefghijklmnopqrstuvwxyz", 10, 1,
	    "abcdefghi" ELLIPSIS);
	assert_wraps("", 10, 0, "");
	assert_lines_within("The Soviet Union agrees to support an invasion "
	    "of the South if China agrees too", 22, 0, 20);
}

/* Four Hangul syllables are 8 columns: two words and a space make 17,
 * a third would make 26, more than 22. */
#define KO4 "\xea\xb0\x80\xeb\x82\x98\xeb\x8b\xa4\xeb\x9d\xbc" /* 가나다라 */
/* 김일성은 스탈린에게 남침 계획을 승인해 달라고 여러 차례 요청했다 */
#define KO_SENTENCE "\xea\xb9\x80\xec\x9d\xbc\xec\x84\xb1\xec\x9d\x80 " \
	"\xec\x8a\xa4\xed\x83\x88\xeb\xa6\xb0\xec\x97\x90\xea\xb2\x8c " \
	"\xeb\x82\xa8\xec\xb9\xa8 \xea\xb3\x84\xed\x9a\x8d\xec\x9d\x84 " \
	"\xec\x8a\xb9\xec\x9d\xb8\xed\x95\xb4 " \
	"\xeb\x8b\xac\xeb\x9d\xbc\xea\xb3\xa0 \xec\x97\xac\xeb\x9f\xac " \
	"\xec\xb0\xa8\xeb\xa1\x80 \xec\x9a\x94\xec\xb2\xad\xed\x96\x88" \
	"\xeb\x8b\xa4"
/* 中华人民共和国中央人民政府成立于一九四九年十月一日: 24 characters,
 * 48 columns, no spaces. */
#define ZH_SENTENCE "\xe4\xb8\xad\xe5\x8d\x8e\xe4\xba\xba\xe6\xb0\x91" \
	"\xe5\x85\xb1\xe5\x92\x8c\xe5\x9b\xbd\xe4\xb8\xad\xe5\xa4\xae" \
	"\xe4\xba\xba\xe6\xb0\x91\xe6\x94\xbf\xe5\xba\x9c\xe6\x88\x90" \
	"\xe7\xab\x8b\xe4\xba\x8e\xe4\xb8\x80\xe4\xb9\x9d\xe5\x9b\x9b" \
	"\xe4\xb9\x9d\xe5\xb9\xb4\xe5\x8d\x81\xe6\x9c\x88\xe4\xb8\x80" \
	"\xe6\x97\xa5"

static void
test_wrap_korean(void **state)
{
	(void)state;
	/* Counted in characters, the four words (19 characters) would
	 * be one line of 35 columns. */
	assert_wraps(KO4 " " KO4 " " KO4 " " KO4, 22, 0,
	    KO4 " " KO4 "\n" KO4 " " KO4);
	assert_lines_within(KO4 " " KO4 " " KO4 " " KO4, 22, 0, 17);
	/* A sentence wraps at the same visual width as a Latin one. */
	assert_true(assert_lines_within(KO_SENTENCE, 22, 0, 18) >= 3);
	assert_lines_within(KO_SENTENCE, 28, 0, 24);
	assert_lines_within(KO_SENTENCE, 5, 0, 4);
	/* Cut with an ellipsis, the last line stays within cols too. */
	assert_int_equal(assert_lines_within(KO_SENTENCE, 22, 2, 18), 2);
	assert_int_equal(assert_lines_within(KO_SENTENCE, 22, 1, 18), 1);
}

static void
test_wrap_chinese(void **state)
{
	char *out;

	(void)state;
	/* No spaces: cut at 22 columns, 11 characters a line. */
	assert_wraps(ZH_SENTENCE, 22, 0,
	    "\xe4\xb8\xad\xe5\x8d\x8e\xe4\xba\xba\xe6\xb0\x91\xe5\x85\xb1"
	    "\xe5\x92\x8c\xe5\x9b\xbd\xe4\xb8\xad\xe5\xa4\xae\xe4\xba\xba"
	    "\xe6\xb0\x91\n"
	    "\xe6\x94\xbf\xe5\xba\x9c\xe6\x88\x90\xe7\xab\x8b\xe4\xba\x8e"
	    "\xe4\xb8\x80\xe4\xb9\x9d\xe5\x9b\x9b\xe4\xb9\x9d\xe5\xb9\xb4"
	    "\xe5\x8d\x81\n"
	    "\xe6\x9c\x88\xe4\xb8\x80\xe6\x97\xa5");
	assert_int_equal(assert_lines_within(ZH_SENTENCE, 22, 0, 22), 3);
	/* An odd number of columns: a character that would reach past
	 * them goes to the next line. */
	assert_int_equal(assert_lines_within(ZH_SENTENCE, 21, 0, 20), 3);
	assert_wraps("ab" "\xe6\xaf\x9b\xe6\xb3\xbd" "x", 5, 0,
	    "ab\xe6\xaf\x9b\n\xe6\xb3\xbd" "x");
	/* With an ellipsis: ten characters (20 columns) and the ellipsis. */
	out = wrap(ZH_SENTENCE, 22, 1);
	assert_int_equal(utf8_width(out, strlen(out)), 21);
	assert_int_equal(strlen(out), 10 * 3 + 3);
	assert_memory_equal(out + 30, ELLIPSIS, 3);
	free(out);
}

static void
test_wrap_mixed(void **state)
{
	(void)state;
	assert_lines_within("Kim Il Sung (\xea\xb9\x80\xec\x9d\xbc\xec\x84"
	    "\xb1) asks Stalin and Mao Zedong (\xe6\xaf\x9b\xe6\xb3\xbd\xe4"
	    "\xb8\x9c) to approve an attack on the South", 22, 0, 19);
	/* Combining marks take no column: "é" written e + U+0301. These
	 * 14 code points are 11 columns. */
	assert_wraps("e\xcc\x81t\xc3\xa9 e\xcc\x81te\xcc\x81 ete", 11, 0,
	    "e\xcc\x81t\xc3\xa9 e\xcc\x81te\xcc\x81 ete");
	assert_wraps("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	    "e\xcc\x81" "e\xcc\x81", 4, 0, "e\xcc\x81" "e\xcc\x81"
	    "e\xcc\x81" "e\xcc\x81\ne\xcc\x81" "e\xcc\x81");
}

static void
test_html_escape(void **state)
{
	buf b = {0};

	(void)state;
	label_html(&b, "<B>a & b</B> \"q\" 'x' \\N\tend");
	assert_string_equal(b.s, "&lt;B&gt;a &amp; b&lt;/B&gt; &quot;q&quot; "
	    "&#39;x&#39; \\\\N end");
	buf_free(&b);
	label_wrap_html(&b, "<x> " KO4, 4, 0, "<BR/>");
	assert_string_equal(b.s, "&lt;x&gt;<BR/>\xea\xb0\x80\xeb\x82\x98<BR/>"
	    "\xeb\x8b\xa4\xeb\x9d\xbc");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_latin),
		cmocka_unit_test(test_wrap_korean),
		cmocka_unit_test(test_wrap_chinese),
		cmocka_unit_test(test_wrap_mixed),
		cmocka_unit_test(test_html_escape),
	};

	return cmocka_run_group_tests_name("test_label", tests, NULL, NULL);
}
