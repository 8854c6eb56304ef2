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
parse_day(const char *s, size_t n, date_point *p)
{
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

#define TIME_FORM "has a time of day that is not HH:MM (24-hour), " \
	"optionally followed by an offset: Z, +03:00 or -05:00"

/* The offset after a time: nothing, Z, or +HH:MM or -HH:MM. UTC has one
 * spelling, Z, so that date_text can write each date as it was written. */
static const char *
parse_offset(const char *s, size_t n, date_point *p)
{
	int h, m;

	if (n == 0)
		return NULL;
	if (n == 1 && s[0] == 'Z') {
		p->zoned = 1;
		return NULL;
	}
	if (s[0] != '+' && s[0] != '-')
		return TIME_FORM;
	if (n != 6 || !digits(s + 1, 2) || s[3] != ':' || !digits(s + 4, 2))
		return "has an offset that is not written as +HH:MM or "
		    "-HH:MM (+03:00, -05:00), or Z for UTC";
	h = number(s + 1, 2);
	m = number(s + 4, 2);
	if (h > 23)
		return "has an offset whose hours are not 00 to 23";
	if (m > 59)
		return "has an offset whose minutes are not 00 to 59";
	if (h == 0 && m == 0)
		return s[0] == '+' ? "has the offset +00:00; write Z for UTC" :
		    "has the offset -00:00; write Z for UTC";
	p->zoned = 1;
	p->offset = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
	return NULL;
}

/* The time after a day's T: HH:MM and an offset. Seconds are refused
 * rather than dropped, so that every date is kept as it was written; a
 * lecture's times are to the minute. */
static const char *
parse_time(const char *s, size_t n, date_point *p)
{
	int h, m;

	if (n < 5 || !digits(s, 2) || s[2] != ':' || !digits(s + 3, 2)) {
		if (n == 2 && digits(s, 2))
			return "has an hour without its minutes; write the "
			    "time as HH:MM (19:00)";
		return TIME_FORM;
	}
	h = number(s, 2);
	m = number(s + 3, 2);
	if (n >= 8 && s[5] == ':' && digits(s + 6, 2))
		return "has seconds; write the time as HH:MM, without "
		    "seconds";
	if (h == 24)
		return "has hour 24; write midnight as 00:00 of the next day";
	if (h > 23)
		return "has an hour that is not 00 to 23";
	if (m > 59)
		return "has a minute that is not 00 to 59";
	p->timed = 1;
	p->minute = (unsigned)(h * 60 + m);
	return parse_offset(s + 5, n - 5, p);
}

/* One of YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[offset]. */
static const char *
parse_point(const char *s, size_t n, date_point *p)
{
	const char *t = memchr(s, 'T', n);
	const char *err;

	memset(p, 0, sizeof(*p));
	if (t == NULL)
		return parse_day(s, n, p);
	if ((err = parse_day(s, (size_t)(t - s), p)) != NULL)
		return err;
	if (p->d == 0)
		return "has a time of day after a year or a month; a time "
		    "needs its day, as in 1962-10-27T19:45";
	return parse_time(t + 1, n - (size_t)(t - s) - 1, p);
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

/* The first and last minute of a point (see date_first_minute). */
static int64_t
point_first_minute(const date_point *p)
{
	if (!p->timed)
		return (int64_t)point_first(p) * 1440;
	return (int64_t)date_days(p->y, p->m, p->d) * 1440 + p->minute -
	    (p->zoned ? p->offset : 0);
}

static int64_t
point_last_minute(const date_point *p)
{
	if (!p->timed)
		return (int64_t)point_last(p) * 1440 + 1439;
	return point_first_minute(p);
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
		if (point_first_minute(&out->start) >
		    point_last_minute(&out->end))
			return "is an interval whose start is after its end";
		/* With offsets, the ends can be in order in UTC but not as
		 * written; the days covered would then run backwards. */
		if (out->from > out->to)
			return "is an interval whose start falls on a later "
			    "day than its end; write both ends with the "
			    "same offset";
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

/* Writes a point's time and offset as the format spells them
 * ("T19:45+03:00"), or nothing; returns the length. */
static int
text_time(char *out, size_t size, const date_point *p)
{
	int n, off = p->offset < 0 ? -p->offset : p->offset;

	out[0] = '\0';
	if (!p->timed)
		return 0;
	n = snprintf(out, size, "T%02u:%02u", p->minute / 60u,
	    p->minute % 60u);
	if (p->zoned && p->offset == 0)
		n += snprintf(out + n, size - (size_t)n, "Z");
	else if (p->zoned)
		n += snprintf(out + n, size - (size_t)n, "%c%02d:%02d",
		    p->offset < 0 ? '-' : '+', off / 60, off % 60);
	return n;
}

/* Writes a point as the format spells it; returns its length. */
static int
text_point(char *out, size_t size, const date_point *p)
{
	int n;

	if (p->d)
		n = snprintf(out, size, "%04d-%02d-%02d", p->y, p->m, p->d);
	else if (p->m)
		return snprintf(out, size, "%04d-%02d", p->y, p->m);
	else
		return snprintf(out, size, "%04d", p->y);
	return n + text_time(out + n, size - (size_t)n, p);
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

void
date_iso_first(const date *d, char *out)
{
	date_iso(d->from, out);
	text_time(out + 10, DATE_ISO_SIZE - 10, &d->start);
}

void
date_iso_last(const date *d, char *out)
{
	date_iso(d->to, out);
	text_time(out + 10, DATE_ISO_SIZE - 10, &d->end);
}

/* Appends text to out (of size bytes, n of them used), cutting it short
 * where it does not fit; out stays NUL-terminated. */
static void
show_put(char *out, size_t size, size_t *n, const char *text)
{
	size_t len = strlen(text);

	if (*n + 1 >= size)
		return;
	if (len > size - *n - 1)
		len = size - *n - 1;
	memcpy(out + *n, text, len);
	*n += len;
	out[*n] = '\0';
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

/* Writes an offset as diagrams show it: " UTC", " UTC+3", " UTC-3:30";
 * the hours alone where they suffice, as a lecture's audience reads
 * time zones. */
static void
show_offset(char *out, size_t size, const date_point *p)
{
	int off = p->offset < 0 ? -p->offset : p->offset;
	char sign = p->offset < 0 ? '-' : '+';

	if (!p->zoned)
		out[0] = '\0';
	else if (off == 0)
		snprintf(out, size, " UTC");
	else if (off % 60 == 0)
		snprintf(out, size, " UTC%c%d", sign, off / 60);
	else
		snprintf(out, size, " UTC%c%d:%02d", sign, off / 60, off % 60);
}

/* Appends a point's time and offset as diagrams show them after its day:
 * sep is ", " after the day, or "-" after another time that day. */
static void
show_clock(char *out, size_t size, size_t *n, const date_point *p,
    const char *sep)
{
	char part[32];

	if (!p->timed)
		return;
	snprintf(part, sizeof(part), "%s%02u:%02u", sep, p->minute / 60u,
	    p->minute % 60u);
	show_put(out, size, n, part);
	show_offset(part, sizeof(part), p);
	show_put(out, size, n, part);
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
		n += show_point(out + n, size - n, &d->start, true, true);
		show_clock(out, size, &n, &d->start, ", ");
		return;
	}
	{
		const date_point *a = &d->start, *b = &d->end;
		bool same_year = a->y == b->y && a->m && b->m;
		bool same_month = same_year && a->m == b->m && a->d && b->d;
		bool same_day = same_month && a->d == b->d;
		if (a->timed && b->timed && same_day && a->zoned == b->zoned &&
		    a->offset == b->offset) {
			/* 27 Oct 1962, 19:45-21:00, the offset once. */
			date_point clock = *a;

			clock.zoned = 0;
			n += show_point(out + n, size - n, a, true, true);
			show_clock(out, size, &n, &clock, ", ");
			show_clock(out, size, &n, b, "-");
			return;
		}
		if (a->timed || b->timed) {
			/* Each end in full, spaced: the ends have spaces and
			 * offsets have signs of their own. */
			n += show_point(out + n, size - n, a, true, true);
			show_clock(out, size, &n, a, ", ");
			show_put(out, size, &n, " - ");
			n += show_point(out + n, size - n, b, true, true);
			show_clock(out, size, &n, b, ", ");
			return;
		}
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
	return point_first_minute(&d->start);
}

int64_t
date_last_minute(const date *d)
{
	return point_last_minute(&d->end);
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
	if (date_first_minute(a) != date_first_minute(b))
		return date_first_minute(a) < date_first_minute(b) ? -1 : 1;
	if (date_last_minute(a) != date_last_minute(b))
		return date_last_minute(a) < date_last_minute(b) ? -1 : 1;
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
