/* Dates of the model format: 1949, 1949-03, 1949-03-05, a day with a time
 * of day (1962-10-27T19:45, optionally with an offset: Z, +03:00, -05:00),
 * intervals of any two of them (1949-05/1949-08), each form approximate
 * with a leading ~. */
#ifndef KG_DATE_H
#define KG_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every item and link has dates, so a date is kept small: a year has
 * four digits, and day numbers of years 1 to 9999 fit in 32 bits. The
 * time of day shares one int with its offset; like m and d, the fields
 * are all 0 when no time is written, so a zeroed point has none. */
typedef struct {
	int16_t y;              /* 1 to 9999 */
	int8_t m, d;            /* m and d are 0 when not written */
	unsigned timed : 1;     /* a time of day is written (after a day) */
	unsigned zoned : 1;     /* an offset is written after the time */
	unsigned minute : 11;   /* minutes after midnight, 0 to 1439 */
	signed int offset : 12; /* minutes east of UTC, -1439 to 1439;
	                         * Z is 0, the only spelling of UTC */
} date_point;

typedef struct {
	int32_t from, to;       /* first and last day covered, as day numbers:
	                         * the days as written, whatever the offset */
	date_point start, end;  /* end equals start for a single date */
	bool set;               /* false for an item with no date */
	bool approx;            /* written with a leading ~ */
	bool interval;          /* written as A/B */
} date;

/* Parses s (len bytes) into *out. Returns NULL on success, or a message
 * that says what is wrong, for a diagnostic. */
const char *date_parse(const char *s, size_t len, date *out);

/* The day number of a calendar date (proleptic Gregorian; 1970-01-01 is
 * 0), and back. */
long date_days(int y, int m, int d);
void date_civil(long days, int *y, int *m, int *d);
/* The name of a month, 1 to 12 ("Mar"). */
const char *date_month_name(int m);
/* The number of days in a month. */
int date_month_days(int y, int m);

/* Writes a day number as YYYY-MM-DD (out needs 11 bytes). */
void date_iso(long days, char *out);
/* Writes the first and the last day of a set date as YYYY-MM-DD, followed
 * by the time and offset of that end where the model gives one
 * ("1962-10-27T19:45", "1962-10-27T19:45+03:00"): ISO 8601 for the JSON
 * export. out needs DATE_ISO_SIZE bytes. */
#define DATE_ISO_SIZE 24
void date_iso_first(const date *d, char *out);
void date_iso_last(const date *d, char *out);
/* Writes a parsed date as the model wrote it ("~1949-05/1949-08"): the
 * format has one spelling for each date, so the model need not keep the
 * text. out needs DATE_TEXT_SIZE bytes; an unset date is "". */
#define DATE_TEXT_SIZE 48
void date_text(const date *d, char *out);
/* Writes a date as it is shown on diagrams: 1949, Mar 1949, 5 Mar 1949,
 * May-Aug 1949, c. Aug 1949, 27 Oct 1962, 19:45, 27 Oct 1962, 19:45-21:00,
 * 27 Oct 1962, 19:45 UTC+3. 64 bytes hold every date. */
void date_show(const date *d, char *out, size_t size);

/* The first and the last minute a date covers, counted from
 * 1970-01-01T00:00: a day without a time covers all its minutes, so it
 * neither precedes nor follows a time on that day. A time without an
 * offset counts as written, one with an offset in UTC. The date must be
 * set. What a view puts along its time axis, and what "A ends before B
 * begins" means. */
int64_t date_first_minute(const date *d);
int64_t date_last_minute(const date *d);
/* True if a ends strictly before b begins (both set). */
bool date_before(const date *a, const date *b);

/* Orders two dates by their first minute, then their last; unset dates
 * come last. */
int date_cmp(const date *a, const date *b);
/* True if the date lies wholly within [from, to] (day numbers). */
bool date_within(const date *d, long from, long to);
/* True if the date overlaps [from, to]. */
bool date_overlaps(const date *d, long from, long to);

#endif
