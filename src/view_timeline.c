/* timeline: the events and decisions on a time axis. kgraph places every
 * node itself, as the stances view places its grid, and Graphviz routes
 * only the edges (the "nop" layout: positions as given).
 *
 * Time runs left to right on one scale: x grows with time between any two
 * dates the items and phases give (their starts and ends), except where
 * nothing starts or ends for far longer than anywhere else: such a
 * stretch is cut to a short break marked on the axis, so that one event
 * of 1947 does not push 1949 off the slide. An item stands at the middle
 * of its dates, an interval as wide as its dates at least; lanes (one per
 * group, per actor, or one for all) run top to bottom, and items whose
 * boxes would meet are stacked in rows of their lane. Among a range of
 * scales, the one that lets the whole picture be drawn largest on a 16:9
 * slide is kept. Phases are bands over their dates (their from and to, or
 * else their items' dates): an item dated between two phases lies in the
 * gap between their bands. Bands that overlap in time are drawn as bars
 * in rows above the axis instead. Items without a date stand in a column
 * of their own after the axis.
 *
 * Placement is O(n log n) per scale tried: items are sorted once by date
 * and, per scale, by their boxes' left edges, and each is given the first
 * free row of its lane through a tree of the rows' right ends. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "label.h"
#include "views.h"

/* Sizes in points. */
#define LANE_W 140.0            /* the column of lane names */
#define GAP 16.0                /* between a lane's name and the axis */
#define BOX_GAP 12.0            /* between two boxes in a row */
#define ROW_GAP 10.0            /* between two rows of a lane */
#define LANE_PAD 12.0           /* above and below a lane's rows */
#define BAND_HEAD 40.0          /* a band's title (two lines) */
#define AXIS_H 40.0             /* the axis, its ticks and their dates */
#define BREAK_W 64.0            /* a stretch of time cut out of the axis */
#define TICK_MIN 64.0           /* the least room from tick to tick */
#define UNDATED_GAP 40.0        /* before the column of undated items */
#define MIN_BOX_W 90.0

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

/* Above this many nodes, edges are drawn straight: Graphviz's routing
 * around nodes takes seconds at a few hundred. */
#define ROUTE_MAX 300

typedef struct {
	const item *it;
	Agnode_t *n;
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
	graph_ctx *gc;
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
	double *tree;           /* the rows' right ends (first_free_row) */
	double ppm;             /* points per minute */
	double undated_x, undated_w;
	double width, height;   /* the whole picture, for the scale */
	double lanes_h, strip_h;
	double bottom;          /* the lanes' lower edge, once placed */
	bool has_undated;
	bool utc;               /* some time has an offset: the axis is in
	                         * UTC, and says so */
} timeline;

static double
larger(double a, double b)
{
	return a > b ? a : b;
}

/* x of minute t on the axis, in the scale in use. */
static double
x_of(const timeline *tl, int64_t t)
{
	size_t lo = 0, hi = tl->nbp - 1;

	if (tl->nbp == 0)
		return 0;
	if (t <= tl->bp[0])
		return tl->xs[0];
	if (t >= tl->bp[hi])
		return tl->xs[hi];
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl->bp[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return tl->xs[lo] + (double)(t - tl->bp[lo]) /
	    (double)(tl->bp[hi] - tl->bp[lo]) * (tl->xs[hi] - tl->xs[lo]);
}

/* The stretch t lies in: i for bp[i] <= t < bp[i + 1]. */
static size_t
stretch_of(const timeline *tl, int64_t t)
{
	size_t lo = 0, hi = tl->nbp - 1;

	if (t <= tl->bp[0])
		return 0;
	if (t >= tl->bp[hi])
		return hi;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl->bp[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The stretch t lies strictly inside, if it is cut; else -1. */
static long
cut_at(const timeline *tl, int64_t t)
{
	size_t lo = 0, hi;

	if (tl->nbp < 2 || t <= tl->bp[0] || t >= tl->bp[tl->nbp - 1])
		return -1;
	hi = tl->nbp - 1;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl->bp[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return tl->bp[lo] < t && tl->cut[lo] ? (long)lo : -1;
}

static int
cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return (a > b) - (a < b);
}

/* qsort's context for ordering a lane by left edge. */
static const timeline *sorting;

static int
by_left(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const tl_item *ia = &sorting->v[a], *ib = &sorting->v[b];
	double la = ia->x - ia->half, lb = ib->x - ib->half;

	if (la != lb)
		return la < lb ? -1 : 1;
	return (a > b) - (a < b);       /* then by date: v is by date */
}

/* The lane an item goes in, from the option --lanes. */
static const item *
lane_key(const graph_ctx *gc, const item *it)
{
	const char *by = gc->o->lanes ? gc->o->lanes : "group";

	if (strcmp(by, "none") == 0)
		return NULL;
	if (strcmp(by, "actor") == 0)
		return gc_item_actor(it);
	return gc_item_group(it);
}

/* The items, their lanes and boxes, and the dates of the axis. */
static void
collect(timeline *tl)
{
	graph_ctx *gc = tl->gc;
	const model *m = gc->m;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION), &tl->n);
	item_type lt = gc->o->lanes && strcmp(gc->o->lanes, "actor") == 0 ?
	    IT_ACTOR : IT_GROUP;
	size_t *lane_of = xcalloc(m->count[lt] + 1, sizeof(size_t));
	bool keyless = false;
	size_t i, k, none;

	tl->v = xcalloc(tl->n + 1, sizeof(*tl->v));
	/* gc_items gives the dated items first, by date. */
	for (i = 0; i < tl->n; i++) {
		tl_item *t = &tl->v[i];

		t->it = v[i];
		if (v[i]->date.set) {
			t->t0 = date_first_minute(&v[i]->date);
			t->t1 = date_last_minute(&v[i]->date) + 1;
			tl->ndated = i + 1;
			if (v[i]->date.start.zoned || v[i]->date.end.zoned)
				tl->utc = true;
		} else {
			tl->has_undated = true;
		}
	}
	free(v);
	/* Lanes: groups (or actors) in the model's order, then the lane of
	 * items with none. */
	for (i = 0; i < tl->n; i++) {
		const item *key = lane_key(gc, tl->v[i].it);

		if (key != NULL)
			lane_of[key->index] = 1;
		else
			keyless = true;
	}
	tl->lanes = xcalloc(m->count[lt] + 2, sizeof(*tl->lanes));
	for (k = 0; k < m->count[lt]; k++) {
		if (lane_of[k]) {
			tl->lanes[tl->nlanes].key = m->items[lt][k];
			lane_of[k] = tl->nlanes++;
		}
	}
	none = tl->nlanes;
	if (keyless || tl->nlanes == 0)
		tl->nlanes++;
	for (i = 0; i < tl->n; i++) {
		const item *key = lane_key(gc, tl->v[i].it);

		tl->v[i].lane = key ? lane_of[key->index] : none;
		tl->lanes[tl->v[i].lane].count++;
	}
	for (k = 1; k < tl->nlanes; k++)
		tl->lanes[k].first = tl->lanes[k - 1].first +
		    tl->lanes[k - 1].count;
	free(lane_of);
}

/* Each item's node, in its phase's band (for the steps) or the graph, and
 * the box its label needs. */
static void
make_nodes(timeline *tl, Agraph_t **band_of)
{
	graph_ctx *gc = tl->gc;
	size_t i;

	for (i = 0; i < tl->n; i++) {
		tl_item *t = &tl->v[i];
		const item *ph = t->it->resolved_phase;
		Agraph_t *parent = ph && band_of[ph->index] ?
		    band_of[ph->index] : gc->body;

		t->n = gc_node(gc, parent, t->it);
		label_html_size(agget(t->n, "label"), gc->o->font_size, &t->w,
		    &t->h);
		/* The node's margins, and its border. */
		t->w = larger(t->w + 22, MIN_BOX_W);
		t->h += 14;
	}
}

/* The index of date t among the dates of the axis (t is one of them). */
static size_t
bp_index(const timeline *tl, int64_t t)
{
	size_t lo = 0, hi = tl->nbp;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl->bp[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The dates of the axis: every start and end of an item and a band; and
 * which stretches between them are long enough to be cut. */
static void
axis_dates(timeline *tl)
{
	size_t i, k = 0, n = 0, nseg;
	int64_t *seg, median, span;
	long *through;

	tl->bp = xcalloc(2 * (tl->ndated + tl->nbands) + 1, sizeof(int64_t));
	for (i = 0; i < tl->ndated; i++) {
		tl->bp[n++] = tl->v[i].t0;
		tl->bp[n++] = tl->v[i].t1;
	}
	for (i = 0; i < tl->nbands; i++) {
		tl->bp[n++] = tl->bands[i].t0;
		tl->bp[n++] = tl->bands[i].t1;
	}
	qsort(tl->bp, n, sizeof(int64_t), cmp_i64);
	for (i = 0; i < n; i++)
		if (k == 0 || tl->bp[i] != tl->bp[k - 1])
			tl->bp[k++] = tl->bp[i];
	tl->nbp = k;
	tl->xs = xcalloc(k + 1, sizeof(double));
	tl->cut = xcalloc(k + 1, sizeof(bool));
	tl->may_cut = xcalloc(k + 1, sizeof(bool));
	if (k < 2)
		return;
	nseg = k - 1;
	seg = xcalloc(nseg, sizeof(int64_t));
	for (i = 0; i < nseg; i++)
		seg[i] = tl->bp[i + 1] - tl->bp[i];
	qsort(seg, nseg, sizeof(int64_t), cmp_i64);
	median = seg[nseg / 2];
	free(seg);
	/* through[i]: how many items' dates run through stretch i, summed
	 * from a difference per item's first and last stretch. */
	through = xcalloc(k + 1, sizeof(long));
	for (i = 0; i < tl->ndated; i++) {
		through[bp_index(tl, tl->v[i].t0)]++;
		through[bp_index(tl, tl->v[i].t1)]--;
	}
	span = tl->bp[k - 1] - tl->bp[0];
	for (i = 0; i < nseg; i++) {
		int64_t len = tl->bp[i + 1] - tl->bp[i];

		if (i > 0)
			through[i] += through[i - 1];
		tl->may_cut[i] = len > median * CUT_FACTOR &&
		    len > (through[i] > 0 ? span / 2 : span / CUT_SHARE);
	}
	free(through);
}

/* Places everything at a scale of ppm points per minute, and measures the
 * picture. */
static void
arrange(timeline *tl, double ppm)
{
	size_t i, k, j;
	double right = 0, left = 0, top;

	tl->ppm = ppm;
	for (i = 0; i + 1 < tl->nbp; i++) {
		double w = (double)(tl->bp[i + 1] - tl->bp[i]) * ppm;

		tl->cut[i] = tl->may_cut[i] && w > CUT_WIDTH;
		tl->xs[i + 1] = tl->xs[i] + (tl->cut[i] ? BREAK_W : w);
	}
	for (i = 0; i < tl->ndated; i++) {
		tl_item *t = &tl->v[i];
		double a = x_of(tl, t->t0), b = x_of(tl, t->t1);

		t->x = (a + b) / 2;
		t->half = larger(t->w, b - a) / 2;
		right = larger(right, t->x + t->half);
		if (t->x - t->half < left)
			left = t->x - t->half;
	}
	for (i = 0; i < tl->nbands; i++) {
		tl->bands[i].x0 = x_of(tl, tl->bands[i].t0);
		tl->bands[i].x1 = x_of(tl, tl->bands[i].t1);
		right = larger(right, tl->bands[i].x1);
	}
	tl->undated_w = 0;
	for (i = tl->ndated; i < tl->n; i++)
		tl->undated_w = larger(tl->undated_w, tl->v[i].w);
	tl->undated_x = (tl->nbp > 0 ? right + UNDATED_GAP : 0) +
	    tl->undated_w / 2;
	for (i = tl->ndated; i < tl->n; i++) {
		tl->v[i].x = tl->undated_x;
		tl->v[i].half = tl->undated_w / 2;
	}
	if (tl->has_undated)
		right = tl->undated_x + tl->undated_w / 2;

	/* Rows: each lane's items by left edge, each in the first row that
	 * is free there. */
	for (k = 0; k < tl->nlanes; k++)
		tl->lanes[k].count = 0;
	for (i = 0; i < tl->n; i++) {
		tl_lane *l = &tl->lanes[tl->v[i].lane];

		tl->order[l->first + l->count++] = i;
	}
	sorting = tl;
	top = 0;
	for (k = 0; k < tl->nlanes; k++) {
		tl_lane *l = &tl->lanes[k];
		size_t size = 1, *o = tl->order + l->first;
		double tallest = 0;

		qsort(o, l->count, sizeof(size_t), by_left);
		while (size < l->count + 1)
			size *= 2;
		for (j = 1; j < 2 * size; j++)
			tl->tree[j] = -1e300;
		l->rows = 0;
		for (j = 0; j < l->count; j++) {
			tl_item *t = &tl->v[o[j]];
			size_t leaf = 1;

			/* The leftmost leaf ending before this box. */
			while (leaf < size)
				leaf = tl->tree[2 * leaf] <= t->x - t->half -
				    BOX_GAP ? 2 * leaf : 2 * leaf + 1;
			t->row = leaf - size;
			tl->tree[leaf] = t->x + t->half;
			for (leaf /= 2; leaf >= 1; leaf /= 2)
				tl->tree[leaf] = tl->tree[2 * leaf] <
				    tl->tree[2 * leaf + 1] ? tl->tree[2 * leaf] :
				    tl->tree[2 * leaf + 1];
			if (t->row + 1 > l->rows)
				l->rows = t->row + 1;
			tallest = larger(tallest, t->h);
		}
		if (l->rows == 0)
			l->rows = 1;
		l->row_h = tallest + ROW_GAP;
		l->top = top;
		l->height = 2 * LANE_PAD + (double)l->rows * l->row_h - ROW_GAP;
		top += l->height;
	}
	tl->lanes_h = top;
	tl->width = LANE_W + GAP + right - left;
	tl->height = tl->strip_h + AXIS_H + tl->lanes_h;
}

/* Rows for the bands: one when no two overlap in time, else as many as
 * bars over the axis need. */
static void
band_rows(timeline *tl)
{
	size_t i, j, rows = 0;
	int64_t *end = xcalloc(tl->nbands + 1, sizeof(int64_t));

	for (i = 0; i < tl->nbands; i++) {
		tl_band *b = &tl->bands[i];

		for (j = 0; j < rows && end[j] > b->t0; j++)
			;
		b->row = j;
		end[j] = b->t1;
		if (j == rows)
			rows++;
	}
	tl->band_rows = rows;
	tl->strip_h = (double)rows * BAND_HEAD;
	free(end);
}

static int
band_cmp(const void *pa, const void *pb)
{
	const tl_band *a = pa, *b = pb;

	if (a->t0 != b->t0)
		return a->t0 < b->t0 ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/* The bands: each selected phase's dates, its from and to where given,
 * else the span of its dated items. */
static void
collect_bands(timeline *tl)
{
	const model *m = tl->gc->m;
	size_t p, i;

	tl->bands = xcalloc(m->count[IT_PHASE] + 1, sizeof(*tl->bands));
	for (p = 0; p < m->count[IT_PHASE]; p++) {
		const item *ph = m->items[IT_PHASE][p];
		tl_band b = {ph, p, 0, 0, 0, 0, 0};
		bool have = false;

		if (!tl->gc->sel->phase[p])
			continue;
		for (i = 0; i < tl->ndated; i++) {
			const tl_item *t = &tl->v[i];

			if (t->it->resolved_phase != ph)
				continue;
			if (!have || t->t0 < b.t0)
				b.t0 = t->t0;
			if (!have || t->t1 > b.t1)
				b.t1 = t->t1;
			have = true;
		}
		if (ph->from.set) {
			b.t0 = date_first_minute(&ph->from);
			if (!have)
				b.t1 = date_last_minute(&ph->from) + 1;
			have = true;
		}
		if (ph->to.set) {
			b.t1 = date_last_minute(&ph->to) + 1;
			if (!ph->from.set && (!have || b.t0 >= b.t1))
				b.t0 = date_first_minute(&ph->to);
			have = true;
		}
		if (have && b.t1 > b.t0)
			tl->bands[tl->nbands++] = b;
	}
	qsort(tl->bands, tl->nbands, sizeof(*tl->bands), band_cmp);
	band_rows(tl);
}

/* How large a picture of w x h points can be drawn on a 16:9 slide. */
static double
slide_scale(double w, double h)
{
	return 16.0 / w < 9.0 / h ? 16.0 / w : 9.0 / h;
}

/* Tries scales from one that puts the whole span in about a slide's
 * width upwards, and keeps the one whose picture a slide shows largest;
 * of two about as good, the wider, whose boxes stack less. */
static void
choose_scale(timeline *tl)
{
	double span, ppm, best = 0, best_ppm = 0;
	int k;

	if (tl->nbp < 2) {
		arrange(tl, 1);
		return;
	}
	span = (double)(tl->bp[tl->nbp - 1] - tl->bp[0]);
	ppm = 400.0 / span;
	for (k = 0; k < MAX_SCALES; k++, ppm *= SCALE_STEP) {
		double s;

		arrange(tl, ppm);
		if (k > 0 && tl->width > MAX_WIDTH)
			break;
		s = slide_scale(tl->width, tl->height);
		if (s > best * 1.02 || best_ppm == 0) {
			best = s;
			best_ppm = ppm;
		} else if (s > best * 0.98) {
			best_ppm = ppm;
			best = larger(best, s);
		}
	}
	arrange(tl, best_ppm);
}

static void
place(Agnode_t *n, double x, double y, double w, double h, bool fixed)
{
	char tmp[64];

	snprintf(tmp, sizeof(tmp), "%.1f,%.1f!", x, y);
	gc_set(n, "pos", tmp);
	gc_setf(n, "width", w / 72.0);
	gc_setf(n, "height", h / 72.0);
	if (fixed)
		gc_set(n, "fixedsize", "true");
}

/* A node that is no item: a lane's name, a tick, the axis. */
static Agnode_t *
mark(timeline *tl, const char *name, const char *cls, const char *html,
    const char *tip)
{
	graph_ctx *gc = tl->gc;
	Agnode_t *n = agnode(gc->body, (char *)name, 1);
	buf b = {0};

	buf_printf(&b, "%s%s", gc->o->id_prefix, name);
	gc_set(n, "id", b.s);
	gc_set(n, "class", cls);
	gc_set_html(n, "label", html ? html : "");
	if (html == NULL)
		gc_set(n, "label", "");
	b.len = 0;
	label_attr(&b, tip ? tip : "", 500);
	gc_set(n, "tooltip", b.s);
	gc_set(n, "shape", "plaintext");
	gc_set(n, "style", "solid");
	gc_set(n, "penwidth", "0");
	buf_free(&b);
	return n;
}

/* Tick units: a step of so many hours, days, months or years, and its
 * length in minutes (a month and a year as on average). */
enum { U_HOUR, U_DAY, U_MONTH, U_YEAR };
static const struct {
	int unit, step;
	double minutes;
} units[] = {
	{U_HOUR, 1, 60}, {U_HOUR, 2, 120}, {U_HOUR, 3, 180},
	{U_HOUR, 6, 360}, {U_HOUR, 12, 720}, {U_DAY, 1, 1440},
	{U_DAY, 2, 2880}, {U_DAY, 5, 7200}, {U_DAY, 10, 14400},
	{U_MONTH, 1, 43830}, {U_MONTH, 2, 87660}, {U_MONTH, 3, 131490},
	{U_MONTH, 6, 262980}, {U_YEAR, 1, 525960}, {U_YEAR, 2, 1051920},
	{U_YEAR, 5, 2629800}, {U_YEAR, 10, 5259600}, {U_YEAR, 20, 10519200},
	{U_YEAR, 50, 26298000}, {U_YEAR, 100, 52596000},
	{U_YEAR, 500, 262980000}, {U_YEAR, 1000, 525960000},
};

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The first tick of unit u at or after minute t. */
static int64_t
tick_first(int u, int64_t t)
{
	int64_t day = floor_div(t, 1440);
	int y, m, d, step = units[u].step;

	date_civil((long)day, &y, &m, &d);
	switch (units[u].unit) {
	case U_HOUR:
		return floor_div(t + step * 60 - 1, step * 60) * step * 60;
	case U_DAY:
		if ((int64_t)date_days(y, m, d) * 1440 < t)
			d++;
		while ((d - 1) % step != 0 || d > date_month_days(y, m) -
		    step / 2) {
			if (d > date_month_days(y, m) - step / 2) {
				d = 1;
				if (++m > 12) {
					m = 1;
					y++;
				}
			} else {
				d++;
			}
		}
		return (int64_t)date_days(y, m, d) * 1440;
	case U_MONTH:
		if ((int64_t)date_days(y, m, 1) * 1440 < t && ++m > 12) {
			m = 1;
			y++;
		}
		while ((m - 1) % step != 0)
			if (++m > 12) {
				m = 1;
				y++;
			}
		return (int64_t)date_days(y, m, 1) * 1440;
	default:
		if ((int64_t)date_days(y, 1, 1) * 1440 < t)
			y++;
		while (y % step != 0)
			y++;
		return (int64_t)date_days(y, 1, 1) * 1440;
	}
}

/* The tick after tick t. */
static int64_t
tick_next(int u, int64_t t)
{
	int y, m, d, step = units[u].step;

	date_civil((long)floor_div(t, 1440), &y, &m, &d);
	switch (units[u].unit) {
	case U_HOUR:
		return t + step * 60;
	case U_DAY:
		return tick_first(u, ((int64_t)date_days(y, m, d) + 1) * 1440);
	case U_MONTH:
		m += step;
		while (m > 12) {
			m -= 12;
			y++;
		}
		return (int64_t)date_days(y, m, 1) * 1440;
	default:
		return (int64_t)date_days(y + step, 1, 1) * 1440;
	}
}

/* A tick's date as shown under the axis, and as ISO 8601 for its
 * tooltip. The larger unit (the day for hours, the year for days and
 * months) is shown on the first tick, and wherever it changed since the
 * tick shown before (prev, or INT64_MIN for none) or the axis was cut. */
static void
tick_text(int u, int64_t t, int64_t prev, bool cut, bool utc, char *show,
    size_t size, char *iso, size_t isosize)
{
	int y, m, d, py = 0, pm = 0, pd = 0;
	int hm = (int)(t - floor_div(t, 1440) * 1440);
	bool first = prev == INT64_MIN || cut;

	date_civil((long)floor_div(t, 1440), &y, &m, &d);
	if (!first)
		date_civil((long)floor_div(prev, 1440), &py, &pm, &pd);
	switch (units[u].unit) {
	case U_HOUR:
		if (first || y != py || m != pm || d != pd)
			snprintf(show, size, "%d %s, %02d:%02d%s", d,
			    date_month_name(m), hm / 60, hm % 60,
			    utc && prev == INT64_MIN ? " UTC" : "");
		else
			snprintf(show, size, "%02d:%02d", hm / 60, hm % 60);
		snprintf(iso, isosize, "%04d-%02d-%02dT%02d:%02d%s", y, m, d,
		    hm / 60, hm % 60, utc ? "Z" : "");
		return;
	case U_DAY:
		if (first || y != py)
			snprintf(show, size, "%d %s %d", d, date_month_name(m),
			    y);
		else
			snprintf(show, size, "%d %s", d, date_month_name(m));
		break;
	case U_MONTH:
		if (first || y != py)
			snprintf(show, size, "%s %d", date_month_name(m), y);
		else
			snprintf(show, size, "%s", date_month_name(m));
		break;
	default:
		snprintf(show, size, "%d", y);
	}
	snprintf(iso, isosize, "%04d-%02d-%02d", y, m, d);
}

/* Where the axis is cut, a column down through the lanes, in the
 * background colour with dashed sides: the cut is seen wherever the eye
 * is, and an item whose dates span it is drawn across it. */
static void
cut_column(timeline *tl, const char *name, const char *tip, double x0,
    double x1, double top)
{
	graph_ctx *gc = tl->gc;
	char sub[96], bb[128];
	Agraph_t *c;
	buf b = {0};

	snprintf(sub, sizeof(sub), "cluster_%s", name);
	c = agsubg(gc->body, sub, 1);
	buf_printf(&b, "%s%s-column", gc->o->id_prefix, name);
	gc_set(c, "id", b.s);
	gc_set(c, "class", "axis-break-column");
	gc_set(c, "label", "");
	b.len = 0;
	label_attr(&b, tip, 300);
	gc_set(c, "tooltip", b.s);
	gc_set(c, "style", "filled,dashed");
	gc_set(c, "color", gc->th->muted);
	gc_set(c, "fillcolor", gc->o->transparent ? "transparent" :
	    gc->th->background);
	snprintf(bb, sizeof(bb), "%.1f,%.1f,%.1f,%.1f", x0, tl->bottom, x1,
	    top);
	gc_set(c, "bb", bb);
	buf_free(&b);
}

/* The axis: a line over each stretch that is not cut, a break mark over
 * each that is, and ticks as often as TICK_MIN allows. */
static void
draw_axis(timeline *tl, double dx, double y)
{
	graph_ctx *gc = tl->gc;
	char small[32], name[64], show[64], iso[32];
	size_t i, run = 0, nticks = 0, u, prev = 0, *cuts;
	double last_right = -1e300;
	int64_t shown = INT64_MIN;
	buf b = {0};
	int64_t t, end;

	if (tl->nbp < 2)
		return;
	gc_small_size(gc, small, sizeof(small));
	for (i = 0; i + 1 < tl->nbp; i = run) {
		Agnode_t *n;
		double x0 = tl->xs[i], x1;

		if (tl->cut[i]) {
			char from[64], to[64], tip[200];
			date a = {0}, z = {0};

			a.set = z.set = true;
			{
				int yy, mm, dd;

				date_civil((long)floor_div(tl->bp[i], 1440),
				    &yy, &mm, &dd);
				a.start.y = (int16_t)yy;
				a.start.m = (int8_t)mm;
				a.start.d = (int8_t)dd;
				date_civil((long)floor_div(tl->bp[i + 1] - 1,
				    1440), &yy, &mm, &dd);
				z.start.y = (int16_t)yy;
				z.start.m = (int8_t)mm;
				z.start.d = (int8_t)dd;
				a.end = a.start;
				z.end = z.start;
			}
			date_show(&a, from, sizeof(from));
			date_show(&z, to, sizeof(to));
			snprintf(tip, sizeof(tip), "%s to %s: nothing starts "
			    "or ends; the axis is shortened here", from, to);
			snprintf(name, sizeof(name), "axis-break-%zu", i + 1);
			b.len = 0;
			buf_printf(&b, "<FONT COLOR=\"%s\"><B>\xe2\x89\x88"
			    "</B></FONT>", gc->th->muted);
			n = mark(tl, name, "axis-break", b.s, tip);
			place(n, dx + (tl->xs[i] + tl->xs[i + 1]) / 2, y,
			    BREAK_W - 8, 16, true);
			cut_column(tl, name, tip, dx + tl->xs[i] + 8,
			    dx + tl->xs[i + 1] - 8, y - 8);
			run = i + 1;
			continue;
		}
		for (run = i; run + 1 < tl->nbp && !tl->cut[run]; run++)
			;
		x1 = tl->xs[run];
		snprintf(name, sizeof(name), "axis-%zu", i + 1);
		n = mark(tl, name, "axis", NULL, "");
		gc_set(n, "shape", "box");
		gc_set(n, "style", "filled");
		gc_set(n, "fillcolor", gc->th->muted);
		gc_set(n, "color", gc->th->muted);
		place(n, dx + (x0 + x1) / 2, y, larger(x1 - x0, 1), 1.5, true);
	}
	for (u = 0; u + 1 < sizeof(units) / sizeof(units[0]); u++)
		if (units[u].minutes * tl->ppm >= TICK_MIN)
			break;
	/* cuts[i]: the cut stretches before bp[i]. A tick after a cut
	 * shows its year, as the first does. */
	cuts = xcalloc(tl->nbp + 1, sizeof(size_t));
	for (i = 0; i + 1 < tl->nbp; i++)
		cuts[i + 1] = cuts[i] + tl->cut[i];
	end = tl->bp[tl->nbp - 1];
	for (t = tick_first((int)u, tl->bp[0]); t <= end;
	    t = tick_next((int)u, t)) {
		double x = dx + x_of(tl, t), w;
		size_t at = stretch_of(tl, t);
		Agnode_t *n;

		if (cut_at(tl, t) >= 0)
			continue;
		tick_text((int)u, t, shown, cuts[at] > cuts[prev], tl->utc, show,
		    sizeof(show), iso, sizeof(iso));
		w = (double)strlen(show) * atof(small) * 0.6 + 8;
		if (x - w / 2 < last_right + 6)
			continue;
		last_right = x + w / 2;
		prev = at;
		shown = t;
		nticks++;
		snprintf(name, sizeof(name), "tick-%zu", nticks);
		b.len = 0;
		buf_printf(&b, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">", small,
		    gc->th->muted);
		label_html(&b, show);
		buf_puts(&b, "</FONT>");
		n = mark(tl, name, "tick", b.s, iso);
		place(n, x, y - 16, w, atof(small) * 1.3, true);
		snprintf(name, sizeof(name), "tick-mark-%zu", nticks);
		n = mark(tl, name, "axis-mark", NULL, iso);
		gc_set(n, "shape", "box");
		gc_set(n, "style", "filled");
		gc_set(n, "fillcolor", gc->th->muted);
		gc_set(n, "color", gc->th->muted);
		place(n, x, y - 3, 1, 6, true);
	}
	free(cuts);
	buf_free(&b);
}

/* A band's title, wrapped to the band's width. */
static void
band_title(graph_ctx *gc, Agraph_t *c, const tl_band *b, double w,
    double x, double top)
{
	buf t = {0}, h = {0};
	int cols = (int)(w / (gc->o->font_size * 0.66));
	double lw, lh;
	char lp[64];

	buf_printf(&t, "%zu. %s", b->index + 1, b->phase->title);
	buf_puts(&h, "<B>");
	label_wrap_html(&h, t.s, cols < 8 ? 8 : cols, 2, "<BR/>");
	buf_puts(&h, "</B>");
	gc_set_html(c, "label", h.s);
	label_html_size(h.s, gc->o->font_size, &lw, &lh);
	snprintf(lp, sizeof(lp), "%.1f,%.1f", x + 6 + lw / 2, top - 4 -
	    lh / 2);
	gc_set(c, "lp", lp);
	buf_free(&t);
	buf_free(&h);
}

void
view_timeline(graph_ctx *gc)
{
	const model *m = gc->m;
	timeline tl;
	Agraph_t **band_of;
	size_t i, k, p, steps_before = 0;
	double dx, axis_y, lanes_top, bottom, right;
	buf b = {0};
	int *step_of_phase;

	memset(&tl, 0, sizeof(tl));
	tl.gc = gc;
	collect(&tl);
	collect_bands(&tl);
	axis_dates(&tl);
	tl.order = xcalloc(tl.n + 1, sizeof(size_t));
	tl.tree = xcalloc(4 * (tl.n + 1), sizeof(double));

	/* The bands first, so that they are drawn under everything; their
	 * items in them, so that the steps show a band with its items. */
	band_of = xcalloc(m->count[IT_PHASE] + 1, sizeof(*band_of));
	step_of_phase = xcalloc(m->count[IT_PHASE] + 1, sizeof(int));
	for (p = 0; p < m->count[IT_PHASE]; p++)
		if (gc->sel->phase[p])
			step_of_phase[p] = (int)++steps_before;
	for (i = 0; i < tl.nbands; i++) {
		tl_band *bd = &tl.bands[i];
		char key[96];

		snprintf(key, sizeof(key), "phase-%s", bd->phase->id);
		band_of[bd->index] = gc_cluster(gc, gc->body, key,
		    bd->phase->title);
		b.len = 0;
		buf_printf(&b, "%s band", agget(band_of[bd->index], "class"));
		gc_set(band_of[bd->index], "class", b.s);
		gc_set(band_of[bd->index], "style", "filled");
		gc_step(gc, band_of[bd->index], step_of_phase[bd->index]);
	}
	make_nodes(&tl, band_of);
	choose_scale(&tl);

	/* Left of the axis, the lanes' names; the earliest box starts just
	 * after them. */
	dx = LANE_W + GAP;
	{
		double least = 0;

		for (i = 0; i < tl.n; i++)
			if (i == 0 || tl.v[i].x - tl.v[i].half < least)
				least = tl.v[i].x - tl.v[i].half;
		for (i = 0; i < tl.nbands; i++)
			if (tl.bands[i].x0 < least)
				least = tl.bands[i].x0;
		if (tl.nbp > 0 && tl.xs[0] < least)
			least = tl.xs[0];
		dx -= least;
	}
	right = 0;
	for (i = 0; i < tl.n; i++)
		right = larger(right, dx + tl.v[i].x + tl.v[i].half);
	if (tl.nbp > 0)
		right = larger(right, dx + tl.xs[tl.nbp - 1]);
	for (i = 0; i < tl.nbands; i++)
		right = larger(right, dx + tl.bands[i].x1);
	axis_y = -tl.strip_h - 10;
	lanes_top = -tl.strip_h - AXIS_H;
	bottom = lanes_top - tl.lanes_h;
	tl.bottom = bottom;

	for (i = 0; i < tl.nbands; i++) {
		tl_band *bd = &tl.bands[i];
		Agraph_t *c = band_of[bd->index];
		double x0 = dx + bd->x0, x1 = dx + bd->x1, top, low;
		char bb[128];

		if (tl.band_rows <= 1) {
			top = 0;
			low = bottom;
		} else {
			top = -(double)bd->row * BAND_HEAD;
			low = top - BAND_HEAD + 4;
		}
		snprintf(bb, sizeof(bb), "%.1f,%.1f,%.1f,%.1f", x0, low, x1,
		    top);
		gc_set(c, "bb", bb);
		band_title(gc, c, bd, x1 - x0, x0, top);
	}
	/* Lanes: a frame across the picture and the name at its left. */
	for (k = 0; k < tl.nlanes; k++) {
		const tl_lane *l = &tl.lanes[k];
		const char *by = gc->o->lanes ? gc->o->lanes : "group";
		char name[128], bb[128];
		Agraph_t *c;
		Agnode_t *n;
		double top = lanes_top - l->top;

		snprintf(name, sizeof(name), "cluster_lane_%zu", k + 1);
		c = agsubg(gc->body, name, 1);
		b.len = 0;
		buf_printf(&b, "%slane-", gc->o->id_prefix);
		label_token(&b, l->key ? l->key->id : "none");
		gc_set(c, "id", b.s);
		gc_set(c, "class", "lane");
		gc_set(c, "label", "");
		gc_set(c, "tooltip", "");
		gc_set(c, "style", "solid");
		gc_set(c, "color", gc->th->cluster_line);
		/* A subgraph starts with its parent's values: the
		 * background would hide the bands. */
		gc_set(c, "bgcolor", "transparent");
		gc_set(c, "fillcolor", "transparent");
		snprintf(bb, sizeof(bb), "%.1f,%.1f,%.1f,%.1f", 0.0,
		    top - l->height, right + 8, top);
		gc_set(c, "bb", bb);
		/* One lane for all needs no name. */
		if (tl.nlanes == 1 && l->key == NULL)
			continue;
		b.len = 0;
		buf_puts(&b, "lane-label-");
		label_token(&b, l->key ? l->key->id : "none");
		snprintf(name, sizeof(name), "%s", b.s);
		b.len = 0;
		if (l->key && l->key->type == IT_GROUP)
			buf_printf(&b, "<FONT COLOR=\"%s\"><B>",
			    gc_group_color(gc, l->key));
		else
			buf_printf(&b, "<FONT COLOR=\"%s\"><B>", gc->th->text);
		label_wrap_html(&b, l->key ? (l->key->type == IT_GROUP ?
		    l->key->name : gc_actor_name(l->key)) : strcmp(by,
		    "actor") == 0 ? "No actor" : "No group",
		    (int)((LANE_W - 12) / (gc->o->font_size * 0.66)), 3,
		    "<BR/>");
		buf_puts(&b, "</B></FONT>");
		n = mark(&tl, name, "lane-label", b.s, l->key ?
		    (l->key->type == IT_GROUP ? l->key->name :
		    gc_actor_name(l->key)) : "");
		place(n, LANE_W / 2, top - l->height / 2, LANE_W - 8,
		    larger(l->height - 8, 20), true);
	}
	draw_axis(&tl, dx, axis_y);
	if (tl.has_undated) {
		Agnode_t *n;
		char small[32];

		gc_small_size(gc, small, sizeof(small));
		b.len = 0;
		buf_printf(&b, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\"><I>"
		    "undated</I></FONT>", small, gc->th->muted);
		n = mark(&tl, "tick-undated", "tick undated", b.s, "undated");
		place(n, dx + tl.undated_x, axis_y - 16, 64,
		    atof(small) * 1.3, true);
	}
	/* The items, in their lanes' rows; one between two phases comes in
	 * with the step of the later. */
	for (i = 0; i < tl.n; i++) {
		tl_item *t = &tl.v[i];
		const tl_lane *l = &tl.lanes[t->lane];
		double y = lanes_top - l->top - LANE_PAD - (double)t->row *
		    l->row_h - t->h / 2;

		place(t->n, dx + t->x, y, 2 * t->half, t->h, false);
		if (t->it->resolved_phase == NULL && gc->o->steps) {
			int s = 0;

			for (p = 0; p < tl.nbands && s == 0; p++)
				if (tl.bands[p].t0 >= t->t1)
					s = step_of_phase[tl.bands[p].index];
			for (p = tl.nbands; p-- > 0 && s == 0;)
				s = step_of_phase[tl.bands[p].index];
			if (s > 0)
				gc_step(gc, t->n, s);
		}
	}
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];

		if (!gc->sel->link[i] || (l->type != LT_LEADS_TO &&
		    l->type != LT_CAUSES && l->type != LT_RESPONDS_TO))
			continue;
		gc_link(gc, l);
	}
	gc_set(gc->g, "layout", "nop");
	gc_set(gc->g, "splines", agnnodes(gc->g) <= ROUTE_MAX ? "true" :
	    "line");
	gc->positioned = true;
	gc->title_x = 0;
	gc->title_y = 0;
	gc->key_top = bottom - GAP;
	buf_free(&b);
	free(band_of);
	free(step_of_phase);
	free(tl.v);
	free(tl.lanes);
	free(tl.bands);
	free(tl.bp);
	free(tl.xs);
	free(tl.cut);
	free(tl.may_cut);
	free(tl.order);
	free(tl.tree);
}
