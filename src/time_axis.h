/* The timeline's time axis: where on a scale of time each item, phase
 * band and date goes, without Graphviz. view_timeline.c fills in the
 * items (their dates, lanes and box sizes) and the bands (their dates),
 * calls axis_place(), and draws what it computed.
 *
 * Time runs left to right on one scale: x grows with time between any two
 * dates the items and phases give (their starts and ends), except where
 * nothing starts or ends for far longer than anywhere else: such a
 * stretch is cut to a short break, so that one event of 1947 does not
 * push 1949 off the slide. An item stands at the middle of its dates, an
 * interval as wide as its dates at least; items whose boxes would meet
 * are stacked in rows of their lane. Among a range of scales, the one
 * that lets the whole picture be drawn largest on a 16:9 slide is kept.
 *
 * Placement is O(n log n) per scale tried: items are sorted once by date
 * and, per scale, by their boxes' left edges, and each is given the first
 * free row of its lane through a segment tree of the rows' right ends. */
#ifndef KGRAPH_TIME_AXIS_H
#define KGRAPH_TIME_AXIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Sizes in points. */
#define LANE_W 140.0            /* the column of lane names */
#define GAP 16.0                /* between a lane's name and the axis */
#define BOX_GAP 12.0            /* between two boxes in a row */
#define ROW_GAP 10.0            /* between two rows of a lane */
#define LANE_PAD 12.0           /* above and below a lane's rows */
#define BAND_HEAD 40.0          /* a band's title (two lines) */
#define AXIS_H 40.0             /* the axis, its ticks and their dates */
#define BREAK_W 64.0            /* a stretch of time cut out of the axis */
#define UNDATED_GAP 40.0        /* before the column of undated items */

/* A stretch of time is cut when it is more than CUT_FACTOR times as long
 * as the median of the stretches between the dates of the axis, longer
 * than 1/CUT_SHARE of the whole span (half of it, if an item's dates run
 * through it: its box would look shorter than it is), and would take
 * more than CUT_WIDTH points. */
#define CUT_FACTOR 8
#define CUT_SHARE 3
#define CUT_WIDTH 240.0

/* The scales tried, each STEP_FACTOR times the last, from one that puts
 * the whole span in a slide's width down to one that stacks nothing. */
#define SCALE_STEP 1.2
#define MAX_SCALES 120
#define MAX_WIDTH 60000.0
/* The least length of the axis, its breaks left out, at any scale; on a
 * page, where a part of a phase may hold a single box, a shorter one. */
#define AXIS_MIN 480.0
#define AXIS_MIN_PAGE 320.0

typedef struct {
	const item *it;
	void *node;             /* the view's node for it */
	int64_t t0, t1;         /* the first minute, and the one after the
	                         * last; both 0 for an undated item */
	size_t lane;
	double w, h;            /* the box the label needs */
	double x, half;         /* the centre and half the width, placed */
	size_t row;
} tl_item;

typedef struct {
	const item *key;        /* the group or actor; NULL for the lane of
	                         * the items with none, or the only lane */
	size_t rows;
	double row_h;           /* the tallest box, and the gap below */
	double top, height;
	size_t first;           /* its items in order[first..first+count) */
	size_t count;
} tl_lane;

typedef struct {
	const item *phase;
	size_t index;           /* among the model's phases */
	int64_t t0, t1;
	double x0, x1;
	size_t row;
} tl_band;

typedef struct {
	tl_item *v;
	size_t n, ndated;       /* dated items first, by date */
	tl_lane *lanes;
	size_t nlanes;
	tl_band *bands;
	size_t nbands, band_rows;
	int64_t *bp;            /* the dates of the axis, ascending */
	size_t nbp;
	double *xs;             /* x of each, for the scale in use */
	bool *cut;              /* per stretch bp[i]..bp[i+1]: cut out */
	bool *may_cut;          /* per stretch: long enough to be cut */
	size_t *order;          /* per lane, its items by left edge */
	double *tree;           /* the rows' right ends, as a segment tree */
	double ppm;             /* points per minute */
	double undated_x, undated_w;
	double width, height;   /* the whole picture, for the scale */
	double axis_min;        /* AXIS_MIN or AXIS_MIN_PAGE */
	double lanes_h, strip_h;
	bool has_undated;
	bool utc;               /* some time has an offset: the axis is in
	                         * UTC, and says so */
} time_axis;

/* Sorts the bands by date and gives each its row; finds the dates of the
 * axis and the stretches that may be cut; chooses the scale and places
 * every item (x, half, row), lane (rows, top, height) and band (x0, x1)
 * on it. Needs v (dated items first, by date, each with its lane, w and
 * h), the lanes' first and count, and the bands' t0 and t1. */
void axis_place(time_axis *ax);

/* x of minute t, on the scale chosen. */
double axis_x(const time_axis *ax, int64_t t);

/* The stretch t lies in: i for bp[i] <= t < bp[i + 1]. */
size_t axis_stretch(const time_axis *ax, int64_t t);

/* The stretch t lies strictly inside, if it is cut; else -1. */
long axis_cut_at(const time_axis *ax, int64_t t);

/* Frees what the axis holds (v, lanes and bands too). */
void axis_free(time_axis *ax);

#endif
