/* Unit tests for src/date.h: the date forms of the format (docs/format.md,
 * "Dates"), times of day and their offsets, the calendar checks, day
 * numbers, the shown and written forms, ordering and ranges. */
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

/* ---- times of day ---- */

static void
assert_time(date_point p, bool timed, int minute, bool zoned, int offset)
{
	assert_int_equal(p.timed, timed);
	assert_int_equal(p.minute, minute);
	assert_int_equal(p.zoned, zoned);
	assert_int_equal(p.offset, offset);
}

/* A date's text, as date_text writes it back. */
static void
assert_text(const char *s, const char *want)
{
	date d = ok(s);
	char out[DATE_TEXT_SIZE];

	memset(out, 'X', sizeof(out));
	date_text(&d, out);
	assert_string_equal(out, want);
}

/* The ISO 8601 forms of the first and the last day, for the export. */
static void
assert_iso_ends(const char *s, const char *first, const char *last)
{
	date d = ok(s);
	char out[DATE_ISO_SIZE];

	memset(out, 'X', sizeof(out));
	date_iso_first(&d, out);
	assert_string_equal(out, first);
	memset(out, 'X', sizeof(out));
	date_iso_last(&d, out);
	assert_string_equal(out, last);
}

static void
test_time(void **state)
{
	date d = ok("1962-10-27T21:00");

	(void)state;
	assert_false(d.approx);
	assert_false(d.interval);
	assert_point(d.start, 1962, 10, 27);
	assert_time(d.start, true, 21 * 60, false, 0);
	assert_time(d.end, true, 21 * 60, false, 0);
	/* The days covered are the day written. */
	assert_span("1962-10-27T21:00", "1962-10-27", "1962-10-27");
	assert_time(ok("1962-10-27T00:00").start, true, 0, false, 0);
	assert_time(ok("1962-10-27T23:59").start, true, 1439, false, 0);
	assert_time(ok("1962-10-27T09:05").start, true, 545, false, 0);
	/* A day without a time has none, nor a month or a year. */
	assert_time(ok("1962-10-27").start, false, 0, false, 0);
	assert_time(ok("1962-10").start, false, 0, false, 0);
	assert_time(ok("1962").start, false, 0, false, 0);
	ok("1948-02-29T12:00");
	ok("0001-01-01T00:00");
	ok("9999-12-31T23:59");
}

static void
test_time_offsets(void **state)
{
	date d;

	(void)state;
	assert_time(ok("1962-10-27T19:45Z").start, true, 1185, true, 0);
	assert_time(ok("1962-10-27T19:45+03:00").start, true, 1185, true,
	    180);
	assert_time(ok("1962-10-27T19:45-05:00").start, true, 1185, true,
	    -300);
	assert_time(ok("1962-10-27T19:45+05:30").start, true, 1185, true,
	    330);
	assert_time(ok("1962-10-27T19:45-03:30").start, true, 1185, true,
	    -210);
	assert_time(ok("1962-10-27T19:45+23:59").start, true, 1185, true,
	    1439);
	assert_time(ok("1962-10-27T19:45-23:59").start, true, 1185, true,
	    -1439);
	assert_time(ok("1962-10-27T00:00+00:01").start, true, 0, true, 1);
	/* The day written is the day covered, whatever the offset. */
	assert_span("1962-10-27T23:30-05:00", "1962-10-27", "1962-10-27");
	assert_span("1962-10-27T01:00+03:00", "1962-10-27", "1962-10-27");
	d = ok("1962-10-27T10:00-05:00/1962-10-27T18:00+03:00");
	assert_time(d.start, true, 600, true, -300);
	assert_time(d.end, true, 1080, true, 180);
}

/* A time is accepted wherever a date is: both ends of an interval, after
 * ~, with an end of any other form. */
static void
test_time_in_intervals(void **state)
{
	date d;

	(void)state;
	d = ok("1962-10-27T19:45/1962-10-27T21:00");
	assert_true(d.interval);
	assert_time(d.start, true, 1185, false, 0);
	assert_time(d.end, true, 1260, false, 0);
	assert_span("1962-10-27T19:45/1962-10-27T21:00", "1962-10-27",
	    "1962-10-27");
	assert_span("1962-10-27T19:45/1962-10-28T09:00", "1962-10-27",
	    "1962-10-28");
	assert_span("1962-10-27T19:45/1962-11", "1962-10-27", "1962-11-30");
	assert_span("1962-10/1962-10-27T21:00", "1962-10-01", "1962-10-27");
	assert_span("1962/1962-10-27T21:00", "1962-01-01", "1962-10-27");
	/* A time and its own day, either way round: the day covers it. */
	assert_span("1962-10-27/1962-10-27T21:00", "1962-10-27",
	    "1962-10-27");
	assert_span("1962-10-27T21:00/1962-10-27", "1962-10-27",
	    "1962-10-27");
	/* The same minute at both ends. */
	ok("1962-10-27T21:00/1962-10-27T21:00");
	d = ok("~1962-10-27T21:00");
	assert_true(d.approx);
	assert_time(d.start, true, 1260, false, 0);
	d = ok("~1962-10-27T19:45Z/1962-10-27T21:00Z");
	assert_true(d.approx);
	assert_true(d.interval);
	assert_time(d.end, true, 1260, true, 0);
	/* In UTC 10:00-05:00 is 15:00, before 17:00+01:00 = 16:00. */
	ok("1962-10-27T10:00-05:00/1962-10-27T17:00+01:00");
}

static void
test_time_refused(void **state)
{
	static const char *const not_hhmm[] = {
		"1962-10-27T", "1962-10-27T9:45", "1962-10-27T19:5",
		"1962-10-27T1945", "1962-10-27T19-45", "1962-10-27T19:45 ",
		"1962-10-27T19.45", "1962-10-27T19:45z", "1962-10-27T19:45UTC",
		"1962-10-27T19:45 +03:00", "1962-10-27T19:45:3",
		"1962-10-27T19:45.5", "1962-10-27Tab:cd",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(not_hhmm) / sizeof(not_hhmm[0]); i++)
		assert_non_null(strstr(bad(not_hhmm[i], strlen(not_hhmm[i])),
		    "not HH:MM"));
	/* Forms that are not a day followed by T stay "not a date". */
	assert_non_null(strstr(bad("1962-10-27 19:45", 16), "is not a date"));
	assert_non_null(strstr(bad("1962-10-27t19:45", 16), "is not a date"));
	assert_non_null(strstr(bad("1962-10-2T19:45", 15), "is not a date"));
	assert_non_null(strstr(bad("T19:45", 6), "is not a date"));
	assert_non_null(strstr(bad("1962-10-27Z", 11), "is not a date"));
	/* Each mistake its own message. */
	assert_string_equal(bad("1962-10-27T21:00:30", 19), "has seconds; "
	    "write the time as HH:MM, without seconds");
	assert_non_null(strstr(bad("1962-10-27T21:00:00Z", 20), "seconds"));
	assert_non_null(strstr(bad("1962-10-27T21:00:30+03:00", 25),
	    "seconds"));
	assert_string_equal(bad("1962-10-27T21", 13), "has an hour without "
	    "its minutes; write the time as HH:MM (19:00)");
	assert_string_equal(bad("1962-10-27T25:00", 16),
	    "has an hour that is not 00 to 23");
	assert_non_null(strstr(bad("1962-10-27T99:00", 16), "00 to 23"));
	assert_string_equal(bad("1962-10-27T24:00", 16), "has hour 24; "
	    "write midnight as 00:00 of the next day");
	assert_string_equal(bad("1962-10-27T21:60", 16),
	    "has a minute that is not 00 to 59");
	assert_non_null(strstr(bad("1962-10-27T21:99", 16), "00 to 59"));
	assert_string_equal(bad("1962-10T21:00", 13), "has a time of day "
	    "after a year or a month; a time needs its day, as in "
	    "1962-10-27T19:45");
	assert_non_null(strstr(bad("1962T21:00", 10), "needs its day"));
	/* The day is checked before the time. */
	assert_non_null(strstr(bad("1962-02-30T21:00", 16), "calendar"));
	assert_non_null(strstr(bad("1962-13-01T21:00", 16), "month"));
	assert_non_null(strstr(bad("0000-01-01T21:00", 16), "0000"));
}

static void
test_time_offsets_refused(void **state)
{
	static const char *const not_offsets[] = {
		"1962-10-27T19:45+0300", "1962-10-27T19:45+03",
		"1962-10-27T19:45+3:00", "1962-10-27T19:45+03:0",
		"1962-10-27T19:45-03:00:00", "1962-10-27T19:45+03.00",
		"1962-10-27T19:45+", "1962-10-27T19:45-",
		"1962-10-27T19:45+ab:cd",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(not_offsets) / sizeof(not_offsets[0]); i++)
		assert_non_null(strstr(bad(not_offsets[i],
		    strlen(not_offsets[i])), "+HH:MM or -HH:MM"));
	assert_string_equal(bad("1962-10-27T19:45+24:00", 22),
	    "has an offset whose hours are not 00 to 23");
	assert_string_equal(bad("1962-10-27T19:45-25:00", 22),
	    "has an offset whose hours are not 00 to 23");
	assert_string_equal(bad("1962-10-27T19:45+03:60", 22),
	    "has an offset whose minutes are not 00 to 59");
	/* UTC is spelled Z, and only Z. */
	assert_string_equal(bad("1962-10-27T19:45+00:00", 22),
	    "has the offset +00:00; write Z for UTC");
	assert_string_equal(bad("1962-10-27T19:45-00:00", 22),
	    "has the offset -00:00; write Z for UTC");
	assert_non_null(strstr(bad("1962-10-27T19:45ZZ", 18), "not HH:MM"));
	assert_non_null(strstr(bad("1962-10-27T19:45Z+03:00", 23),
	    "not HH:MM"));
}

static void
test_time_intervals_refused(void **state)
{
	const char *want = "start is after its end";

	(void)state;
	assert_non_null(strstr(bad("1962-10-27T21:00/1962-10-27T19:45", 33),
	    want));
	assert_non_null(strstr(bad("1962-10-27T21:01/1962-10-27T21:00", 33),
	    want));
	assert_non_null(strstr(bad("1962-10-28T00:00/1962-10-27", 27), want));
	assert_non_null(strstr(bad("1962-10-28/1962-10-27T23:59", 27), want));
	assert_non_null(strstr(bad("~1962-10-27T21:00/1962-10-27T19:45",
	    34), want));
	/* In order as written, not in UTC: 19:45+03:00 is 16:45 UTC, after
	 * 16:00 UTC. */
	assert_non_null(strstr(bad("1962-10-27T19:45+03:00/"
	    "1962-10-27T18:00+02:00", 45), want));
	/* In order in UTC, but the days written run backwards. */
	assert_string_equal(bad("1962-10-28T01:00+03:00/1962-10-27T23:30Z",
	    40), "is an interval whose start falls on a later day than "
	    "its end; write both ends with the same offset");
	/* '~' and the times of each end are checked as for a single date. */
	assert_non_null(strstr(bad("1962-10-27T19:45/~1962-10-27T21:00", 34),
	    "'~'"));
	assert_non_null(strstr(bad("1962-10-27T19:45/1962-10-27T21:00:00",
	    36), "seconds"));
	assert_non_null(strstr(bad("1962-10-27T25:00/1962-10-28", 27),
	    "hour"));
}

/* date_text writes back each new form exactly as it was written. */
static void
test_time_text_round_trip(void **state)
{
	static const char *const forms[] = {
		"1962-10-27T21:00", "1962-10-27T00:00", "1962-10-27T23:59",
		"1962-10-27T09:05", "1962-10-27T19:45Z",
		"1962-10-27T19:45+03:00", "1962-10-27T19:45-05:00",
		"1962-10-27T19:45+05:30", "1962-10-27T19:45-00:30",
		"1962-10-27T19:45+23:59", "1962-10-27T19:45-23:59",
		"~1962-10-27T19:45", "~1962-10-27T19:45+03:00",
		"1962-10-27T19:45/1962-10-27T21:00",
		"1962-10-27T10:00-05:00/1962-10-27T18:00+03:00",
		"~1962-10-27T19:45Z/1962-10-28T09:00Z",
		"1962-10-27/1962-10-27T21:00", "1962-10-27T21:00/1962-11",
		"1962/1962-10-27T21:00+03:00",
		/* The longest text there is. */
		"~9999-12-30T23:59+23:59/9999-12-31T23:59-23:59",
		/* The forms without a time, unchanged. */
		"1949", "1949-03", "1949-03-05", "~1949-05/1949-08",
		"1949-12/1950-01-20",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		assert_text(forms[i], forms[i]);
	assert_int_equal(strlen(forms[19]) + 1, DATE_TEXT_SIZE - 1);
	/* Parsing what date_text wrote gives the same date, field by
	 * field. */
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		date a = ok(forms[i]), b;
		char out[DATE_TEXT_SIZE];

		date_text(&a, out);
		b = ok(out);
		assert_memory_equal(&a.start, &b.start, sizeof(a.start));
		assert_memory_equal(&a.end, &b.end, sizeof(a.end));
		assert_int_equal(a.from, b.from);
		assert_int_equal(a.to, b.to);
	}
}

static void
test_time_iso(void **state)
{
	(void)state;
	assert_iso_ends("1962-10-27T19:45", "1962-10-27T19:45",
	    "1962-10-27T19:45");
	assert_iso_ends("1962-10-27T19:45+03:00", "1962-10-27T19:45+03:00",
	    "1962-10-27T19:45+03:00");
	assert_iso_ends("1962-10-27T19:45Z", "1962-10-27T19:45Z",
	    "1962-10-27T19:45Z");
	assert_iso_ends("~1962-10-27T19:45/1962-10-27T21:00",
	    "1962-10-27T19:45", "1962-10-27T21:00");
	assert_iso_ends("1962-10-27T19:45/1962-11", "1962-10-27T19:45",
	    "1962-11-30");
	assert_iso_ends("1962-10/1962-10-27T21:00-05:00", "1962-10-01",
	    "1962-10-27T21:00-05:00");
	assert_iso_ends("9999-12-31T23:59-23:59", "9999-12-31T23:59-23:59",
	    "9999-12-31T23:59-23:59");
	/* Without a time, as date_iso writes the days. */
	assert_iso_ends("1949-05/1949-08", "1949-05-01", "1949-08-31");
	assert_iso_ends("1949", "1949-01-01", "1949-12-31");
}

static void
test_time_show(void **state)
{
	(void)state;
	assert_show("1962-10-27T19:45", "27 Oct 1962, 19:45");
	assert_show("1962-10-27T09:05", "27 Oct 1962, 09:05");
	assert_show("1962-10-27T00:00", "27 Oct 1962, 00:00");
	assert_show("~1962-10-27T19:45", "c. 27 Oct 1962, 19:45");
	assert_show("1962-10-27T19:45/1962-10-27T21:00",
	    "27 Oct 1962, 19:45-21:00");
	assert_show("~1962-10-27T19:45/1962-10-27T21:00",
	    "c. 27 Oct 1962, 19:45-21:00");
	/* Offsets as a lecture's audience reads them. */
	assert_show("1962-10-27T19:45Z", "27 Oct 1962, 19:45 UTC");
	assert_show("1962-10-27T19:45+03:00", "27 Oct 1962, 19:45 UTC+3");
	assert_show("1962-10-27T19:45-05:00", "27 Oct 1962, 19:45 UTC-5");
	assert_show("1962-10-27T19:45+05:30", "27 Oct 1962, 19:45 UTC+5:30");
	assert_show("1962-10-27T19:45-00:30", "27 Oct 1962, 19:45 UTC-0:30");
	assert_show("1962-10-27T19:45+10:00", "27 Oct 1962, 19:45 UTC+10");
	assert_show("1962-10-27T19:45-05:00/1962-10-27T21:00-05:00",
	    "27 Oct 1962, 19:45-21:00 UTC-5");
	/* Ends on other days, or with other offsets, each in full. */
	assert_show("1962-10-27T19:45/1962-10-28T09:00",
	    "27 Oct 1962, 19:45 - 28 Oct 1962, 09:00");
	assert_show("1962-10-27T10:00-05:00/1962-10-27T18:00+03:00",
	    "27 Oct 1962, 10:00 UTC-5 - 27 Oct 1962, 18:00 UTC+3");
	assert_show("1962-10-27T10:00/1962-10-27T18:00Z",
	    "27 Oct 1962, 10:00 - 27 Oct 1962, 18:00 UTC");
	assert_show("1962-10-27/1962-10-27T21:00",
	    "27 Oct 1962 - 27 Oct 1962, 21:00");
	assert_show("1962-10-27T21:00/1962-11", "27 Oct 1962, 21:00 - Nov 1962");
	assert_show("~1962/1962-10-27T21:00", "c. 1962 - 27 Oct 1962, 21:00");
}

/* The longest shown form fits the 64 bytes that the callers give it,
 * and a small buffer gets a prefix, as for the other forms. */
static void
test_time_show_truncates(void **state)
{
	const char *longest = "~2000-09-28T19:45+10:30/2000-09-28T19:46-10:30";
	const char *shown = "c. 28 Sep 2000, 19:45 UTC+10:30 - "
	    "28 Sep 2000, 19:46 UTC-10:30";

	(void)state;
	assert_true(strlen(shown) < 64);
	assert_show(longest, shown);
	assert_show_truncates(longest, shown);
	assert_show_truncates("1962-10-27T19:45", "27 Oct 1962, 19:45");
	assert_show_truncates("~1962-10-27T19:45/1962-10-27T21:00",
	    "c. 27 Oct 1962, 19:45-21:00");
	assert_show_truncates("1962-10-27T19:45-05:00/1962-10-27T21:00-05:00",
	    "27 Oct 1962, 19:45-21:00 UTC-5");
	assert_show_truncates("1962-10-27T19:45/1962-10-28T09:00Z",
	    "27 Oct 1962, 19:45 - 28 Oct 1962, 09:00 UTC");
}

/* ---- minutes and what comes before what ---- */

static int64_t
minute_of(int y, int m, int d, int h, int mi)
{
	return (int64_t)date_days(y, m, d) * 1440 + h * 60 + mi;
}

static void
test_minutes(void **state)
{
	date d;

	(void)state;
	d = ok("1962-10-27");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 27, 0, 0));
	assert_true(date_last_minute(&d) == minute_of(1962, 10, 27, 23, 59));
	d = ok("1962-10");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 1, 0, 0));
	assert_true(date_last_minute(&d) == minute_of(1962, 10, 31, 23, 59));
	d = ok("1970");
	assert_true(date_first_minute(&d) == 0);
	assert_true(date_last_minute(&d) == 365 * 1440 - 1);
	/* A time covers its one minute, as written without an offset. */
	d = ok("1962-10-27T19:45");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 27, 19, 45));
	assert_true(date_last_minute(&d) == date_first_minute(&d));
	/* With an offset, in UTC, across midnight either way. */
	d = ok("1962-10-27T19:45+03:00");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 27, 16, 45));
	d = ok("1962-10-27T23:30-05:00");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 28, 4, 30));
	d = ok("1962-10-27T01:00+03:00");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 26, 22, 0));
	d = ok("1962-10-27T19:45Z");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 27, 19, 45));
	d = ok("1962-10-27T19:45+05:30");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 27, 14, 15));
	d = ok("1962-10-27T10:00-05:00/1962-10-28");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 27, 15, 0));
	assert_true(date_last_minute(&d) == minute_of(1962, 10, 28, 23, 59));
	d = ok("1962-10/1962-10-27T21:00");
	assert_true(date_first_minute(&d) == minute_of(1962, 10, 1, 0, 0));
	assert_true(date_last_minute(&d) == minute_of(1962, 10, 27, 21, 0));
	d = ok("0001-01-01T00:00+23:59");
	assert_true(date_first_minute(&d) ==
	    minute_of(1, 1, 1, 0, 0) - 1439);
}

static void
test_before(void **state)
{
	date day = ok("1962-10-27"), morning = ok("1962-10-27T10:00"),
	    evening = ok("1962-10-27T19:45"), next = ok("1962-10-28"),
	    prev = ok("1962-10-26"), month = ok("1962-10"),
	    late = ok("1962-10-27T19:45/1962-10-27T21:00");

	(void)state;
	/* A day and a time on that day: neither is before the other. */
	assert_false(date_before(&day, &morning));
	assert_false(date_before(&morning, &day));
	assert_false(date_before(&day, &evening));
	assert_false(date_before(&evening, &day));
	/* Times on one day, in order. */
	assert_true(date_before(&morning, &evening));
	assert_false(date_before(&evening, &morning));
	assert_false(date_before(&evening, &evening));
	assert_true(date_before(&morning, &late));
	assert_false(date_before(&evening, &late));     /* both at 19:45 */
	/* Days around it. */
	assert_true(date_before(&prev, &morning));
	assert_true(date_before(&evening, &next));
	assert_false(date_before(&next, &evening));
	assert_true(date_before(&prev, &day));
	assert_false(date_before(&day, &day));
	/* The month holds them all. */
	assert_false(date_before(&month, &evening));
	assert_false(date_before(&evening, &month));
	{
		/* Washington 10:00 (15:00 UTC) is before Moscow 17:00 (14:00
		 * UTC)? No: after. Moscow 19:00 is 16:00 UTC, after. */
		date washington = ok("1962-10-27T10:00-05:00"),
		    moscow = ok("1962-10-27T17:00+03:00"),
		    moscow_late = ok("1962-10-27T19:00+03:00"),
		    utc = ok("1962-10-27T15:00Z"),
		    kolkata = ok("1962-10-27T20:30+05:30");

		assert_true(date_before(&moscow, &washington));
		assert_false(date_before(&washington, &moscow));
		assert_true(date_before(&washington, &moscow_late));
		/* The same minute, written three ways. */
		assert_false(date_before(&washington, &utc));
		assert_false(date_before(&utc, &washington));
		assert_false(date_before(&utc, &kolkata));
		assert_false(date_before(&kolkata, &washington));
		assert_int_equal(date_cmp(&washington, &utc), 0);
		assert_int_equal(date_cmp(&kolkata, &utc), 0);
		/* Converted, 23:30-05:00 is on the 28th, UTC. */
		{
			date night = ok("1962-10-27T23:30-05:00"),
			    dawn = ok("1962-10-28T03:00Z");

			assert_true(date_before(&dawn, &night));
		}
	}
}

static void
test_cmp_times(void **state)
{
	/* Sorted by first minute, then last: a day after its 00:00 and
	 * before its other times, a time before an interval from it. */
	static const char *const sorted[] = {"1962-10",
	    "1962-10-27T00:00", "1962-10-27", "1962-10-27T10:00",
	    "1962-10-27T10:00/1962-10-27T12:00",
	    "1962-10-27T16:00+03:00",    /* 13:00 UTC */
	    "1962-10-27T10:00-05:00",    /* 15:00 UTC */
	    "1962-10-27T19:45", "1962-10-27T19:45/1962-10-27T21:00",
	    "1962-10-27T19:45/1962-10-28", "1962-10-27T23:59",
	    "1962-10-28T00:00", NULL};
	static const int shuffle[] = {9, 3, 12, 0, 7, 5, 11, 1, 8, 2, 10, 6,
	    4};
	date v[13];
	size_t i, n = 13;

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
		char out[DATE_TEXT_SIZE];

		date_text(&v[i], out);
		if (sorted[i] == NULL)
			assert_false(v[i].set);
		else
			assert_string_equal(out, sorted[i]);
	}
	{
		date a = ok("1962-10-27T10:00"), b = ok("~1962-10-27T10:00"),
		    c = ok("1962-10-27T10:00/1962-10-27T10:00"),
		    day = ok("1962-10-27"), t = ok("1962-10-27T10:00");

		assert_int_equal(date_cmp(&a, &b), 0);
		assert_int_equal(date_cmp(&a, &c), 0);
		assert_true(date_cmp(&day, &t) < 0);
		assert_true(date_cmp(&t, &day) > 0);
	}
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
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_time_offsets),
		cmocka_unit_test(test_time_in_intervals),
		cmocka_unit_test(test_time_refused),
		cmocka_unit_test(test_time_offsets_refused),
		cmocka_unit_test(test_time_intervals_refused),
		cmocka_unit_test(test_time_text_round_trip),
		cmocka_unit_test(test_time_iso),
		cmocka_unit_test(test_time_show),
		cmocka_unit_test(test_time_show_truncates),
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_before),
		cmocka_unit_test(test_cmp_times),
	};

	return cmocka_run_group_tests_name("test_date", tests, NULL, NULL);
}
