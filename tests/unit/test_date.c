/* Unit tests for src/date.h: the date forms of FORMAT.md ("Dates"), the
 * calendar checks, day numbers, the shown form, ordering and ranges. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* Parses s, failing the test with the parser's message if it is refused. */
static date
ok(const char *s)
{
	date d;
	const char *err = date_parse(s, strlen(s), &d);

	if (err != NULL)
		fail_msg("date_parse(\"%s\") refused it: %s", s, err);
	assert_true(d.set);
	return d;
}

/* Parses s, which must be refused; returns the message. */
static const char *
bad(const char *s, size_t len)
{
	date d;
	const char *err;

	memset(&d, 0x5a, sizeof(d));
	err = date_parse(s, len, &d);
	if (err == NULL)
		fail_msg("date_parse(\"%.*s\") accepted it", (int)len, s);
	assert_true(strlen(err) > 0);
	assert_false(d.set);
	return err;
}

static void
assert_iso(long days, const char *want)
{
	char out[11];

	memset(out, 'X', sizeof(out));
	date_iso(days, out);
	assert_string_equal(out, want);
}

/* The first and last day of s, as date_iso writes them. */
static void
assert_span(const char *s, const char *from, const char *to)
{
	date d = ok(s);

	assert_iso(d.from, from);
	assert_iso(d.to, to);
}

static void
assert_point(date_point p, int y, int m, int d)
{
	assert_int_equal(p.y, y);
	assert_int_equal(p.m, m);
	assert_int_equal(p.d, d);
}

static void
assert_show(const char *s, const char *want)
{
	date d = ok(s);
	char out[64];

	memset(out, 'X', sizeof(out));
	date_show(&d, out, sizeof(out));
	assert_string_equal(out, want);
}

/* ---- the forms ---- */

static void
test_year(void **state)
{
	date d = ok("1949");

	(void)state;
	assert_false(d.approx);
	assert_false(d.interval);
	assert_point(d.start, 1949, 0, 0);
	assert_point(d.end, 1949, 0, 0);
	assert_int_equal(d.from, date_days(1949, 1, 1));
	assert_int_equal(d.to, date_days(1949, 12, 31));
	assert_span("1949", "1949-01-01", "1949-12-31");
	assert_span("0001", "0001-01-01", "0001-12-31");
	assert_span("9999", "9999-01-01", "9999-12-31");
}

static void
test_month(void **state)
{
	date d = ok("1949-03");

	(void)state;
	assert_false(d.approx);
	assert_false(d.interval);
	assert_point(d.start, 1949, 3, 0);
	assert_point(d.end, 1949, 3, 0);
	assert_span("1949-03", "1949-03-01", "1949-03-31");
	assert_span("1949-01", "1949-01-01", "1949-01-31");
	assert_span("1949-02", "1949-02-01", "1949-02-28");
	assert_span("1948-02", "1948-02-01", "1948-02-29");
	assert_span("1900-02", "1900-02-01", "1900-02-28");
	assert_span("2000-02", "2000-02-01", "2000-02-29");
	assert_span("1949-04", "1949-04-01", "1949-04-30");
	assert_span("1949-12", "1949-12-01", "1949-12-31");
}

static void
test_day(void **state)
{
	date d = ok("1949-03-05");

	(void)state;
	assert_false(d.approx);
	assert_false(d.interval);
	assert_point(d.start, 1949, 3, 5);
	assert_point(d.end, 1949, 3, 5);
	assert_int_equal(d.from, -7607);
	assert_int_equal(d.to, -7607);
	assert_span("1949-03-05", "1949-03-05", "1949-03-05");
	assert_span("1949-12-31", "1949-12-31", "1949-12-31");
	assert_span("1949-01-01", "1949-01-01", "1949-01-01");
}

static void
test_interval_month_month(void **state)
{
	date d = ok("1949-05/1949-08");

	(void)state;
	assert_false(d.approx);
	assert_true(d.interval);
	assert_point(d.start, 1949, 5, 0);
	assert_point(d.end, 1949, 8, 0);
	/* The export's example: from 1949-05-01 to 1949-08-31. */
	assert_int_equal(d.from, -7550);
	assert_int_equal(d.to, -7428);
	assert_span("1949-05/1949-08", "1949-05-01", "1949-08-31");
}

/* An interval's ends may be any two of the three forms. */
static void
test_interval_any_two_forms(void **state)
{
	(void)state;
	assert_span("1947/1948", "1947-01-01", "1948-12-31");
	assert_span("1949/1950-03", "1949-01-01", "1950-03-31");
	assert_span("1949/1950-02-10", "1949-01-01", "1950-02-10");
	assert_span("1949-03/1950", "1949-03-01", "1950-12-31");
	assert_span("1949-03/1949-03-17", "1949-03-01", "1949-03-17");
	assert_span("1949-03-05/1950", "1949-03-05", "1950-12-31");
	assert_span("1949-03-05/1949-04", "1949-03-05", "1949-04-30");
	assert_span("1949-03-05/1949-03-17", "1949-03-05", "1949-03-17");
	assert_span("1948-02/1948-02", "1948-02-01", "1948-02-29");
	/* One-day and same-period intervals are not "start after end". */
	assert_span("1949-03-05/1949-03-05", "1949-03-05", "1949-03-05");
	assert_span("1949/1949", "1949-01-01", "1949-12-31");
	/* The end of the year 1949 is not before March 1949. */
	assert_span("1949-03/1949", "1949-03-01", "1949-12-31");
	assert_span("1949/1949-03", "1949-01-01", "1949-03-31");

	{
		date d = ok("1949/1950-02-10");

		assert_true(d.interval);
		assert_point(d.start, 1949, 0, 0);
		assert_point(d.end, 1950, 2, 10);
	}
}

static void
test_approximate(void **state)
{
	date d;

	(void)state;
	d = ok("~1949-08");
	assert_true(d.approx);
	assert_false(d.interval);
	assert_point(d.start, 1949, 8, 0);
	assert_span("~1949-08", "1949-08-01", "1949-08-31");

	d = ok("~1949");
	assert_true(d.approx);
	assert_point(d.start, 1949, 0, 0);
	assert_span("~1949", "1949-01-01", "1949-12-31");

	d = ok("~1949-03-05");
	assert_true(d.approx);
	assert_point(d.start, 1949, 3, 5);

	/* One ~ before the whole interval. */
	d = ok("~1949-05/1949-08");
	assert_true(d.approx);
	assert_true(d.interval);
	assert_point(d.start, 1949, 5, 0);
	assert_point(d.end, 1949, 8, 0);
	assert_span("~1949-05/1949-08", "1949-05-01", "1949-08-31");

	d = ok("~1947/1948-06-30");
	assert_true(d.approx);
	assert_true(d.interval);
}

/* ---- the calendar ---- */

static void
test_calendar_leap_years(void **state)
{
	(void)state;
	ok("1948-02-29");
	ok("2000-02-29");
	ok("1600-02-29");
	ok("1904-02-29");
	ok("1949-02-28");
	ok("1900-02-28");
	assert_non_null(strstr(bad("1949-02-29", 10), "calendar"));
	assert_non_null(strstr(bad("1900-02-29", 10), "calendar"));
	assert_non_null(strstr(bad("1800-02-29", 10), "calendar"));
	assert_non_null(strstr(bad("2100-02-29", 10), "calendar"));
	bad("1948-02-30", 10);
	bad("2000-02-30", 10);

	assert_int_equal(date_month_days(1948, 2), 29);
	assert_int_equal(date_month_days(1949, 2), 28);
	assert_int_equal(date_month_days(1900, 2), 28);
	assert_int_equal(date_month_days(2000, 2), 29);
}

static void
test_calendar_month_lengths(void **state)
{
	static const int want[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	char s[32];
	int m;

	(void)state;
	for (m = 1; m <= 12; m++) {
		assert_int_equal(date_month_days(1949, m), want[m - 1]);
		snprintf(s, sizeof(s), "1949-%02d-%02d", m, want[m - 1]);
		ok(s);
		snprintf(s, sizeof(s), "1949-%02d-%02d", m, want[m - 1] + 1);
		assert_non_null(strstr(bad(s, strlen(s)), "calendar"));
	}
	bad("1949-04-31", 10);
	bad("1949-06-31", 10);
	bad("1949-09-31", 10);
	bad("1949-11-31", 10);
	bad("1949-01-32", 10);
	bad("1949-01-99", 10);
}

static void
test_calendar_zero_and_range(void **state)
{
	(void)state;
	assert_non_null(strstr(bad("1949-00", 7), "month"));
	assert_non_null(strstr(bad("1949-13", 7), "month"));
	assert_non_null(strstr(bad("1949-99", 7), "month"));
	assert_non_null(strstr(bad("1949-00-05", 10), "month"));
	assert_non_null(strstr(bad("1949-13-05", 10), "month"));
	assert_non_null(strstr(bad("1949-03-00", 10), "calendar"));
	assert_non_null(strstr(bad("0000", 4), "0000"));
	assert_non_null(strstr(bad("0000-01", 7), "0000"));
	assert_non_null(strstr(bad("0000-01-01", 10), "0000"));
	/* Each end of an interval is checked, and so is an approximate one. */
	bad("1949-02-29/1949-03", 18);
	bad("1949-01/1949-13", 15);
	bad("~1949-04-31", 11);
	bad("~0000", 5);
	ok("0001-01-01");
	ok("9999-12-31");
}

/* ---- refused strings ---- */

static void
test_malformed(void **state)
{
	static const char *const cases[] = {
		"1949-3", "1949-03-5", "1949-3-05", " 1949", "1949 ",
		"19490", "194", "49", "1949-", "1949-03-", "1949-03-05-",
		"~", "/", "~/", "1949/", "/1949", "~1949/", "1949//1950",
		"~~1949", "~ 1949", "1949~", "1949-03~", "abcd", "194a",
		"1949-0a", "1949-03-0a", "+1949", "-1949", "1949.03",
		"1949_03", "1949-03-05T12", "1949/1950/1951", "1949 / 1950",
		"1949-03-05 ", "\t1949", "1949\n", "1949-1", "1949--03",
		"1949/03", "March 1949", "1949-03-05/", "１９４９",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		bad(cases[i], strlen(cases[i]));
	assert_non_null(strstr(bad("1949-3", 6), "is not a date"));
	assert_non_null(strstr(bad("", 0), "is not a date"));
}

static void
test_malformed_tilde_inside_interval(void **state)
{
	(void)state;
	assert_non_null(strstr(bad("~1949/~1950", 11), "'~'"));
	assert_non_null(strstr(bad("1949/~1950", 10), "'~'"));
	bad("1949~/1950", 10);
	bad("~1949-05/~1949-08", 17);
}

static void
test_start_after_end(void **state)
{
	const char *want = "start is after its end";

	(void)state;
	assert_non_null(strstr(bad("1950/1949", 9), want));
	assert_non_null(strstr(bad("1949-08/1949-05", 15), want));
	assert_non_null(strstr(bad("1949-03-17/1949-03-05", 21), want));
	assert_non_null(strstr(bad("1949-03-06/1949-03-05", 21), want));
	assert_non_null(strstr(bad("1950-01-01/1949", 15), want));
	assert_non_null(strstr(bad("1949-04/1949-03-31", 18), want));
	assert_non_null(strstr(bad("~1950/1949", 10), want));
}

/* Only len bytes are read: the string need not end there. */
static void
test_length_is_respected(void **state)
{
	date d;
	const char embedded[] = "1949\0-03";

	(void)state;
	assert_null(date_parse("1949-03-05XYZ", 10, &d));
	assert_point(d.start, 1949, 3, 5);
	assert_null(date_parse("1949-03-05", 7, &d));
	assert_point(d.start, 1949, 3, 0);
	assert_null(date_parse("1949/1950", 4, &d));
	assert_false(d.interval);
	assert_point(d.start, 1949, 0, 0);
	bad(embedded, sizeof(embedded) - 1);
	bad("1949\0", 5);
}

/* ---- day numbers ---- */

static void
test_iso(void **state)
{
	(void)state;
	assert_iso(0, "1970-01-01");
	assert_iso(-1, "1969-12-31");
	assert_iso(-7607, "1949-03-05");
	assert_iso(11016, "2000-02-29");
	assert_iso(-25508, "1900-03-01");
	assert_iso(-719162, "0001-01-01");
	assert_iso(2932896, "9999-12-31");
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(1949, 3, 5), -7607);
	assert_int_equal(date_days(2000, 2, 29), 11016);
	assert_int_equal(date_days(1900, 3, 1), -25508);
	assert_int_equal(date_days(1, 1, 1), -719162);
	assert_int_equal(date_days(9999, 12, 31), 2932896);
	assert_int_equal(date_days(1900, 3, 1) - date_days(1900, 2, 28), 1);
	assert_int_equal(date_days(2000, 3, 1) - date_days(2000, 2, 28), 2);
}

/* date_civil undoes date_days, and consecutive day numbers are
 * consecutive calendar days, over years 1 to 2400. */
static void
test_days_civil_round_trip(void **state)
{
	long first = date_days(1, 1, 1), last = date_days(2400, 12, 31), z;
	int py = 1, pm = 1, pd = 1;

	(void)state;
	for (z = first; z <= last; z++) {
		int y, m, d;

		date_civil(z, &y, &m, &d);
		if (date_days(y, m, d) != z)
			fail_msg("day %ld -> %04d-%02d-%02d -> %ld", z, y, m,
			    d, date_days(y, m, d));
		assert_true(m >= 1 && m <= 12);
		assert_true(d >= 1 && d <= date_month_days(y, m));
		if (z > first) {
			bool next_day = y == py && m == pm && d == pd + 1;
			bool next_month = y == py && m == pm + 1 && d == 1 &&
			    pd == date_month_days(py, pm);
			bool next_year = y == py + 1 && m == 1 && d == 1 &&
			    pm == 12 && pd == 31;

			if (!(next_day || next_month || next_year))
				fail_msg("day %ld is %04d-%02d-%02d after "
				    "%04d-%02d-%02d", z, y, m, d, py, pm, pd);
		}
		py = y;
		pm = m;
		pd = d;
	}
	assert_int_equal(py, 2400);
	assert_int_equal(pm, 12);
	assert_int_equal(pd, 31);
	/* 400 Gregorian years are 146097 days. */
	assert_int_equal(date_days(2001, 1, 1) - date_days(1601, 1, 1),
	    146097);
}

/* ---- how dates are shown ---- */

static void
test_show_forms(void **state)
{
	(void)state;
	assert_show("1949", "1949");
	assert_show("1949-03", "Mar 1949");
	assert_show("1949-03-05", "5 Mar 1949");
	assert_show("1949-05/1949-08", "May-Aug 1949");
	assert_show("1949-03-05/1949-03-17", "5-17 Mar 1949");
	assert_show("1949-03-05/1949-04-17", "5 Mar-17 Apr 1949");
	assert_show("1947/1948", "1947-1948");
	assert_show("~1949-08", "c. Aug 1949");
	assert_show("~1949", "c. 1949");
	assert_show("~1949-03-05", "c. 5 Mar 1949");
	assert_show("~1949-05/1949-08", "c. May-Aug 1949");
	assert_show("1949-12/1950-01", "Dec 1949-Jan 1950");
	assert_show("1949-12-30/1950-01-02", "30 Dec 1949-2 Jan 1950");
	assert_show("1950-01-20", "20 Jan 1950");
	assert_show("1950-06-25", "25 Jun 1950");
}

static void
test_show_months(void **state)
{
	static const char *const names[] = {"Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char s[32], want[32];
	int m;

	(void)state;
	for (m = 1; m <= 12; m++) {
		snprintf(s, sizeof(s), "1950-%02d", m);
		snprintf(want, sizeof(want), "%s 1950", names[m - 1]);
		assert_show(s, want);
	}
}

static void
test_month_names(void **state)
{
	(void)state;
	assert_string_equal(date_month_name(1), "Jan");
	assert_string_equal(date_month_name(3), "Mar");
	assert_string_equal(date_month_name(9), "Sep");
	assert_string_equal(date_month_name(12), "Dec");
	assert_string_equal(date_month_name(0), "?");
	assert_string_equal(date_month_name(13), "?");
	assert_string_equal(date_month_name(-1), "?");
}

static void
test_show_unset(void **state)
{
	date d;
	char out[16];

	(void)state;
	memset(&d, 0, sizeof(d));
	memset(out, 'X', sizeof(out));
	date_show(&d, out, sizeof(out));
	assert_string_equal(out, "");
}

/* A small buffer gets a NUL-terminated prefix of the full form, and
 * nothing past its size is written. */
static void
assert_show_truncates(const char *input, const char *full_form)
{
	date d = ok(input);
	size_t full = strlen(full_form), size;

	for (size = 1; size <= full + 2; size++) {
		char out[64];
		size_t k, n;

		memset(out, 'Z', sizeof(out));
		date_show(&d, out, size);
		for (k = size; k < sizeof(out); k++)
			if (out[k] != 'Z')
				fail_msg("date_show(\"%s\") in %zu bytes wrote "
				    "byte %zu", input, size, k);
		n = strnlen(out, size);
		if (n >= size)
			fail_msg("date_show(\"%s\") in %zu bytes: not "
			    "terminated", input, size);
		assert_true(n <= full);
		assert_memory_equal(out, full_form, n);
		if (size > full)
			assert_string_equal(out, full_form);
	}
}

static void
test_show_truncates(void **state)
{
	(void)state;
	assert_show_truncates("1949", "1949");
	assert_show_truncates("1949-03-05", "5 Mar 1949");
	assert_show_truncates("1949-05/1949-08", "May-Aug 1949");
	assert_show_truncates("1949-03-05/1949-04-17", "5 Mar-17 Apr 1949");
	assert_show_truncates("1949-03-05/1949-03-17", "5-17 Mar 1949");
	assert_show_truncates("1947/1948", "1947-1948");
}

/* The same for approximate dates, whose "c. " may not fit. */
static void
test_show_truncates_approx(void **state)
{
	(void)state;
	assert_show_truncates("~1949-08", "c. Aug 1949");
	assert_show_truncates("~1949-05/1949-08", "c. May-Aug 1949");
	assert_show_truncates("~1947/1948", "c. 1947-1948");
	assert_show_truncates("~1949-03-05/1949-03-17", "c. 5-17 Mar 1949");
}

/* ---- order and ranges ---- */

static int
cmp_dates(const void *a, const void *b)
{
	return date_cmp(a, b);
}

static void
test_cmp_order(void **state)
{
	/* Sorted: by start, then by end, unset dates last. */
	static const char *const sorted[] = {"1948/1950", "1949-01-01",
	    "1949-01", "1949", "1949/1950", "1949-01-02", "1949-03-05",
	    "~1949-03-05/1949-03-06", "1949-03-06", "1950", NULL};
	static const int shuffle[] = {7, 3, 10, 0, 9, 5, 1, 8, 2, 6, 4};
	date v[11];
	size_t i, n = 11;

	(void)state;
	for (i = 0; i < n; i++) {
		const char *s = sorted[shuffle[i]];

		if (s == NULL)
			memset(&v[i], 0, sizeof(v[i]));
		else
			v[i] = ok(s);
	}
	qsort(v, n, sizeof(v[0]), cmp_dates);
	for (i = 0; i < n; i++) {
		if (sorted[i] == NULL) {
			assert_false(v[i].set);
		} else {
			date want = ok(sorted[i]);

			assert_true(v[i].set);
			assert_int_equal(v[i].from, want.from);
			assert_int_equal(v[i].to, want.to);
		}
	}
}

static void
test_cmp_values(void **state)
{
	date a = ok("1949-03"), b = ok("1949-03-05"), c = ok("1949"),
	    a2 = ok("~1949-03"), b2 = ok("1949-03-01/1949-03-31"), unset;

	(void)state;
	memset(&unset, 0, sizeof(unset));
	assert_true(date_cmp(&c, &a) < 0);      /* Jan 1 before Mar 1 */
	assert_true(date_cmp(&a, &c) > 0);
	assert_true(date_cmp(&a, &b) < 0);      /* Mar 1 before Mar 5 */
	assert_true(date_cmp(&b, &a) > 0);
	assert_int_equal(date_cmp(&a, &a), 0);
	assert_int_equal(date_cmp(&a, &a2), 0); /* ~ does not order */
	assert_int_equal(date_cmp(&a, &b2), 0); /* the same days */
	assert_true(date_cmp(&a, &unset) < 0);
	assert_true(date_cmp(&unset, &a) > 0);
	assert_int_equal(date_cmp(&unset, &unset), 0);
	{
		date early_short = ok("1949-03-01"), early_long = ok("1949-03");

		assert_true(date_cmp(&early_short, &early_long) < 0);
		assert_true(date_cmp(&early_long, &early_short) > 0);
	}
}

static void
test_within(void **state)
{
	date m = ok("1949-03"), unset;
	long mar1 = date_days(1949, 3, 1), mar31 = date_days(1949, 3, 31);

	(void)state;
	memset(&unset, 0, sizeof(unset));
	assert_true(date_within(&m, mar1, mar31));
	assert_true(date_within(&m, mar1 - 1, mar31 + 1));
	assert_false(date_within(&m, mar1 + 1, mar31));
	assert_false(date_within(&m, mar1, mar31 - 1));
	assert_false(date_within(&m, mar31 + 1, mar31 + 100));
	assert_false(date_within(&unset, mar1 - 1000, mar31 + 1000));
	{
		date d = ok("1949-03-31");

		assert_true(date_within(&d, mar31, mar31));
		assert_false(date_within(&d, mar1, mar31 - 1));
	}
	{
		date iv = ok("1949-05/1949-08");

		assert_true(date_within(&iv, date_days(1949, 1, 1),
		    date_days(1949, 8, 31)));
		assert_false(date_within(&iv, date_days(1949, 1, 1),
		    date_days(1949, 8, 30)));
		assert_false(date_within(&iv, date_days(1949, 5, 2),
		    date_days(1949, 12, 31)));
	}
}

static void
test_overlaps(void **state)
{
	date m = ok("1949-03"), unset;
	long mar1 = date_days(1949, 3, 1), mar31 = date_days(1949, 3, 31);

	(void)state;
	memset(&unset, 0, sizeof(unset));
	assert_true(date_overlaps(&m, mar1, mar31));
	assert_true(date_overlaps(&m, mar31, mar31 + 30));     /* last day */
	assert_true(date_overlaps(&m, mar1 - 30, mar1));       /* first day */
	assert_true(date_overlaps(&m, mar1 + 5, mar1 + 6));    /* inside */
	assert_true(date_overlaps(&m, mar1 - 100, mar31 + 100));
	assert_false(date_overlaps(&m, mar31 + 1, mar31 + 30));
	assert_false(date_overlaps(&m, mar1 - 30, mar1 - 1));
	assert_false(date_overlaps(&unset, mar1, mar31));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_day),
		cmocka_unit_test(test_interval_month_month),
		cmocka_unit_test(test_interval_any_two_forms),
		cmocka_unit_test(test_approximate),
		cmocka_unit_test(test_calendar_leap_years),
		cmocka_unit_test(test_calendar_month_lengths),
		cmocka_unit_test(test_calendar_zero_and_range),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_malformed_tilde_inside_interval),
		cmocka_unit_test(test_start_after_end),
		cmocka_unit_test(test_length_is_respected),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_days_civil_round_trip),
		cmocka_unit_test(test_show_forms),
		cmocka_unit_test(test_show_months),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_show_unset),
		cmocka_unit_test(test_show_truncates),
		cmocka_unit_test(test_show_truncates_approx),
		cmocka_unit_test(test_cmp_order),
		cmocka_unit_test(test_cmp_values),
		cmocka_unit_test(test_within),
		cmocka_unit_test(test_overlaps),
	};

	return cmocka_run_group_tests_name("test_date", tests, NULL, NULL);
}
