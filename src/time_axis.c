/* The timeline's time axis: see time_axis.h. */
#include <stdlib.h>
#include <string.h>

#include "time_axis.h"
#include "util.h"

static double
larger(double a, double b)
{
	return a > b ? a : b;
}

/* x of minute t on the axis, in the scale in use. */
double
axis_x(const time_axis *tl, int64_t t)
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
size_t
axis_stretch(const time_axis *tl, int64_t t)
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
long
axis_cut_at(const time_axis *tl, int64_t t)
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
static const time_axis *sorting;

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

/* The index of date t among the dates of the axis (t is one of them). */
static size_t
bp_index(const time_axis *tl, int64_t t)
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
axis_dates(time_axis *tl)
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
arrange(time_axis *tl, double ppm)
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
		double a = axis_x(tl, t->t0), b = axis_x(tl, t->t1);

		t->x = (a + b) / 2;
		t->half = larger(t->w, b - a) / 2;
		right = larger(right, t->x + t->half);
		if (t->x - t->half < left)
			left = t->x - t->half;
	}
	for (i = 0; i < tl->nbands; i++) {
		tl->bands[i].x0 = axis_x(tl, tl->bands[i].t0);
		tl->bands[i].x1 = axis_x(tl, tl->bands[i].t1);
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
band_rows(time_axis *tl)
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
choose_scale(time_axis *tl)
{
	double span, ppm, best = 0, best_ppm = 0, fallback = 1;
	int k;

	if (tl->nbp < 2) {
		arrange(tl, 1);
		return;
	}
	span = (double)(tl->bp[tl->nbp - 1] - tl->bp[0]);
	ppm = 400.0 / span;
	for (k = 0; k < MAX_SCALES; k++, ppm *= SCALE_STEP) {
		double s, run;
		size_t i, cuts = 0;

		arrange(tl, ppm);
		if (k > 0 && tl->width > MAX_WIDTH)
			break;
		/* Too short an axis has no room for its ticks. */
		for (i = 0; i + 1 < tl->nbp; i++)
			cuts += tl->cut[i];
		run = tl->xs[tl->nbp - 1] - tl->xs[0] - (double)cuts * BREAK_W;
		fallback = ppm;
		if (run < tl->axis_min)
			continue;
		s = slide_scale(tl->width, tl->height);
		if (s > best * 1.02 || best_ppm == 0) {
			best = s;
			best_ppm = ppm;
		} else if (s > best * 0.98) {
			best_ppm = ppm;
			best = larger(best, s);
		}
	}
	if (best_ppm == 0)
		best_ppm = fallback;
	arrange(tl, best_ppm);
}

void
axis_place(time_axis *ax)
{
	qsort(ax->bands, ax->nbands, sizeof(*ax->bands), band_cmp);
	band_rows(ax);
	axis_dates(ax);
	ax->order = xcalloc(ax->n + 1, sizeof(size_t));
	ax->tree = xcalloc(4 * (ax->n + 1), sizeof(double));
	choose_scale(ax);
}

void
axis_free(time_axis *ax)
{
	free(ax->v);
	free(ax->lanes);
	free(ax->bands);
	free(ax->bp);
	free(ax->xs);
	free(ax->cut);
	free(ax->may_cut);
	free(ax->order);
	free(ax->tree);
}
