/* Dates of the model format: 1949, 1949-03, 1949-03-05, intervals of any
 * two of them (1949-05/1949-08), each form approximate with a leading ~. */
#ifndef KG_DATE_H
#define KG_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every item and link has dates, so a date is kept small: a year has
 * four digits, and day numbers of years 1 to 9999 fit in 32 bits. */
typedef struct {
	int16_t y;              /* 1 to 9999 */
	int8_t m, d;            /* m and d are 0 when not written */
} date_point;

typedef struct {
	int32_t from, to;       /* first and last day covered, as day numbers */
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
/* Writes a parsed date as the model wrote it ("~1949-05/1949-08"): the
 * format has one spelling for each date, so the model need not keep the
 * text. out needs DATE_TEXT_SIZE bytes; an unset date is "". */
#define DATE_TEXT_SIZE 24
void date_text(const date *d, char *out);
/* Writes a date as it is shown on diagrams: 1949, Mar 1949, 5 Mar 1949,
 * May-Aug 1949, c. Aug 1949. */
void date_show(const date *d, char *out, size_t size);

/* The first and the last minute a date covers, counted from
 * 1970-01-01T00:00: a day without a time covers all its minutes, so it
 * neither precedes nor follows a time on that day. The date must be
 * set. What a view puts along its time axis, and what "A ends before B
 * begins" means. */
int64_t date_first_minute(const date *d);
int64_t date_last_minute(const date *d);
/* True if a ends strictly before b begins (both set). */
bool date_before(const date *a, const date *b);

/* Orders two dates by start, then end; unset dates come last. */
int date_cmp(const date *a, const date *b);
/* True if the date lies wholly within [from, to] (day numbers). */
bool date_within(const date *d, long from, long to);
/* True if the date overlaps [from, to]. */
bool date_overlaps(const date *d, long from, long to);

#endif
