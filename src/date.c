#include "date.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

const char *
date_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m - 1] : "?";
}

int
date_month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil. */
long
date_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void
date_iso(long days, char *out)
{
	int y, m, d;

	char tmp[32];

	date_civil(days, &y, &m, &d);
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

static bool
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int
number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* One of YYYY, YYYY-MM, YYYY-MM-DD. */
static const char *
parse_point(const char *s, size_t n, date_point *p)
{
	memset(p, 0, sizeof(*p));
	if (!((n == 4 || n == 7 || n == 10) && digits(s, 4) &&
	    (n == 4 || (s[4] == '-' && digits(s + 5, 2))) &&
	    (n != 10 || (s[7] == '-' && digits(s + 8, 2)))))
		return "is not a date; write 1949, 1949-03, 1949-03-05, "
		    "an interval such as 1949-05/1949-08, or ~ before any "
		    "of them for an approximate date";
	p->y = (int16_t)number(s, 4);
	if (p->y == 0)
		return "has year 0000; years run from 0001";
	if (n >= 7) {
		p->m = (int8_t)number(s + 5, 2);
		if (p->m < 1 || p->m > 12)
			return "has a month that is not 01 to 12";
	}
	if (n == 10) {
		p->d = (int8_t)number(s + 8, 2);
		if (p->d < 1 || p->d > date_month_days(p->y, p->m))
			return "is not a day of the calendar";
	}
	return NULL;
}

static long
point_first(const date_point *p)
{
	return date_days(p->y, p->m ? p->m : 1, p->d ? p->d : 1);
}

static long
point_last(const date_point *p)
{
	int m = p->m ? p->m : 12;

	return date_days(p->y, m, p->d ? p->d : date_month_days(p->y, m));
}

const char *
date_parse(const char *s, size_t len, date *out)
{
	const char *slash, *err;

	memset(out, 0, sizeof(*out));
	if (len > 0 && s[0] == '~') {
		out->approx = true;
		s++;
		len--;
	}
	slash = memchr(s, '/', len);
	if (slash != NULL) {
		size_t alen = (size_t)(slash - s);

		out->interval = true;
		if (memchr(slash + 1, '~', len - alen - 1) != NULL)
			return "has '~' inside an interval; put one '~' "
			    "before the whole interval";
		if ((err = parse_point(s, alen, &out->start)) != NULL ||
		    (err = parse_point(slash + 1, len - alen - 1,
		    &out->end)) != NULL)
			return err;
		out->from = (int32_t)point_first(&out->start);
		out->to = (int32_t)point_last(&out->end);
		if (point_first(&out->start) > out->to)
			return "is an interval whose start is after its end";
	} else {
		if ((err = parse_point(s, len, &out->start)) != NULL)
			return err;
		out->end = out->start;
		out->from = (int32_t)point_first(&out->start);
		out->to = (int32_t)point_last(&out->start);
	}
	out->set = true;
	return NULL;
}

/* Writes a point as the format spells it; returns its length. */
static int
text_point(char *out, size_t size, const date_point *p)
{
	if (p->d)
		return snprintf(out, size, "%04d-%02d-%02d", p->y, p->m, p->d);
	if (p->m)
		return snprintf(out, size, "%04d-%02d", p->y, p->m);
	return snprintf(out, size, "%04d", p->y);
}

void
date_text(const date *d, char *out)
{
	int n = 0;

	out[0] = '\0';
	if (!d->set)
		return;
	if (d->approx)
		out[n++] = '~';
	n += text_point(out + n, DATE_TEXT_SIZE - (size_t)n, &d->start);
	if (d->interval) {
		out[n++] = '/';
		text_point(out + n, DATE_TEXT_SIZE - (size_t)n, &d->end);
	}
}

/* Writes a point, leaving out the year (and the month) when asked. */
static size_t
show_point(char *out, size_t size, const date_point *p, bool year,
    bool month)
{
	int n;

	if (p->d && month)
		n = snprintf(out, size, year ? "%d %s %04d" : "%d %s", p->d,
		    month_names[p->m - 1], p->y);
	else if (p->d)
		n = snprintf(out, size, "%d", p->d);
	else if (p->m)
		n = snprintf(out, size, year ? "%s %04d" : "%s",
		    month_names[p->m - 1], p->y);
	else
		n = snprintf(out, size, "%04d", p->y);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

void
date_show(const date *d, char *out, size_t size)
{
	size_t n = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	if (!d->set || size < 2)
		return;
	if (d->approx) {
		n = (size_t)snprintf(out, size, "c. ");
		if (n >= size)
			return;
	}
	if (!d->interval) {
		show_point(out + n, size - n, &d->start, true, true);
		return;
	}
	{
		const date_point *a = &d->start, *b = &d->end;
		bool same_year = a->y == b->y && a->m && b->m;
		bool same_month = same_year && a->m == b->m && a->d && b->d;

		/* 5-17 Mar 1949, May-Aug 1949, 5 Mar-17 Apr 1949, 1947-1948. */
		n += show_point(out + n, size - n, a, !same_year,
		    !same_month);
		if (n + 2 >= size)
			return;
		out[n++] = '-';
		out[n] = '\0';
		show_point(out + n, size - n, b, true, true);
	}
}

int64_t
date_first_minute(const date *d)
{
	return (int64_t)d->from * 1440;
}

int64_t
date_last_minute(const date *d)
{
	return (int64_t)d->to * 1440 + 1439;
}

bool
date_before(const date *a, const date *b)
{
	return date_last_minute(a) < date_first_minute(b);
}

int
date_cmp(const date *a, const date *b)
{
	if (!a->set || !b->set)
		return a->set == b->set ? 0 : a->set ? -1 : 1;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	return 0;
}

bool
date_within(const date *d, long from, long to)
{
	return d->set && d->from >= from && d->to <= to;
}

bool
date_overlaps(const date *d, long from, long to)
{
	return d->set && d->from <= to && d->to >= from;
}
