/* The timeline's placement alone (time_axis.c, without Graphviz), timed
 * in one process at two sizes: placement of N and of 10 N items, each
 * the median of RUNS runs, alternating. Prints one line:
 *
 *   N T_N 10N T_10N RATIO
 *
 * with times in seconds; a ratio near 10 is linear, near 11 to 13 is
 * n log n at these sizes. The items are spread over a few years, some
 * of them intervals, in four lanes, with boxes the size of the Korea
 * model's; the dates, sizes and lanes are the same on every run.
 *
 * usage: placement [N [RUNS]]   (default 5000 5) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "time_axis.h"
#include "util.h"

#define LANES 4

static uint64_t seed;

static uint64_t
next(void)
{
	seed = seed * 6364136223846793005u + 1442695040888963407u;
	return seed >> 33;
}

static int
by_start(const void *pa, const void *pb)
{
	const tl_item *a = pa, *b = pb;

	if (a->t0 != b->t0)
		return a->t0 < b->t0 ? -1 : 1;
	return (a->t1 > b->t1) - (a->t1 < b->t1);
}

/* An axis of n items, as view_timeline.c fills it in. */
static void
fill(time_axis *ax, size_t n)
{
	const int64_t day = 1440, start = 19000 * day;
	size_t i, k;

	seed = 42;
	ax->n = ax->ndated = n;
	ax->v = xcalloc(n + 1, sizeof(*ax->v));
	for (i = 0; i < n; i++) {
		tl_item *t = &ax->v[i];

		t->t0 = start + (int64_t)(next() % (3 * 365)) * day;
		t->t1 = t->t0 + (next() % 8 == 0 ?
		    (int64_t)(1 + next() % 90) * day : day);
		t->lane = next() % LANES;
		t->w = 120 + (double)(next() % 140);
		t->h = 40 + (double)(next() % 3) * 14;
	}
	qsort(ax->v, n, sizeof(*ax->v), by_start);
	ax->nlanes = LANES;
	ax->lanes = xcalloc(LANES, sizeof(*ax->lanes));
	for (i = 0; i < n; i++)
		ax->lanes[ax->v[i].lane].count++;
	for (k = 1; k < LANES; k++)
		ax->lanes[k].first = ax->lanes[k - 1].first +
		    ax->lanes[k - 1].count;
	ax->nbands = 3;
	ax->bands = xcalloc(3, sizeof(*ax->bands));
	for (k = 0; k < 3; k++) {
		ax->bands[k].index = k;
		ax->bands[k].t0 = start + (int64_t)k * 365 * day;
		ax->bands[k].t1 = ax->bands[k].t0 + 365 * day;
	}
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
once(size_t n)
{
	time_axis ax = {0};
	double t0;

	fill(&ax, n);
	t0 = now();
	axis_place(&ax);
	t0 = now() - t0;
	axis_free(&ax);
	return t0;
}

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 5000;
	int runs = argc > 2 ? atoi(argv[2]) : 5, i;
	double *a, *b;

	if (n == 0 || runs <= 0) {
		fprintf(stderr, "usage: placement [N [RUNS]]\n");
		return 2;
	}
	a = xcalloc((size_t)runs, sizeof(double));
	b = xcalloc((size_t)runs, sizeof(double));
	for (i = 0; i < runs; i++) {
		a[i] = once(n);
		b[i] = once(10 * n);
	}
	qsort(a, (size_t)runs, sizeof(double), cmp_double);
	qsort(b, (size_t)runs, sizeof(double), cmp_double);
	printf("%zu %.6f %zu %.6f %.2f\n", n, a[runs / 2], 10 * n,
	    b[runs / 2], b[runs / 2] / a[runs / 2]);
	free(a);
	free(b);
	return 0;
}
