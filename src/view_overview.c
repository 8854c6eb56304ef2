/* overview: everything selected, the dated events and decisions in date
 * order along the rank axis (top to bottom by default). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "views.h"

/* A dated event or decision and its place in the order of dates. */
typedef struct {
	Agnode_t *node;
	int64_t first, last;    /* the first and last minute of its date */
	size_t pos;             /* its place in drawing order */
	size_t level;           /* 1 + the most levels of the items that
	                         * end before it begins */
} dated_node;

/* Two levels with more pairs than this are joined through one item of
 * the later level rather than pair by pair, so that the edges stay
 * linear in the number of items. */
#define LEVEL_PAIRS_MAX 64

static int
by_first(const void *pa, const void *pb)
{
	const dated_node *a = pa, *b = pb;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

static int
by_last(const void *pa, const void *pb)
{
	const dated_node *a = *(const dated_node *const *)pa;
	const dated_node *b = *(const dated_node *const *)pb;

	if (a->last != b->last)
		return a->last < b->last ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

static int
by_level(const void *pa, const void *pb)
{
	const dated_node *a = pa, *b = pb;

	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Gives each item its level: the first level for the items that nothing
 * ends before, and otherwise one past the highest level of the items
 * that end before it begins. Items of one level overlap in time, and an
 * item that ends before another begins has a lower level. Sorts d by
 * level (then drawing order) and returns the number of levels. In
 * n log n: the items are swept by first minute while a second list,
 * by last minute, yields those that have ended. */
static size_t
date_levels(dated_node *d, size_t n)
{
	dated_node **ended = xcalloc(n + 1, sizeof(*ended));
	size_t i, j = 0, levels = 0, best = 0;

	qsort(d, n, sizeof(*d), by_first);
	for (i = 0; i < n; i++)
		ended[i] = &d[i];
	qsort(ended, n, sizeof(*ended), by_last);
	for (i = 0; i < n; i++) {
		/* What ends before d[i] begins began before it too, so has
		 * its level already. */
		while (j < n && ended[j]->last < d[i].first)
			if (ended[j++]->level > best)
				best = ended[j - 1]->level;
		d[i].level = best + 1;
		if (d[i].level > levels)
			levels = d[i].level;
	}
	free(ended);
	qsort(d, n, sizeof(*d), by_level);
	return levels;
}

/* An invisible edge that puts b at least minlen ranks after a. */
static void
order_edge(graph_ctx *gc, Agnode_t *a, Agnode_t *b, int minlen)
{
	Agedge_t *e = agedge(gc->g, a, b, NULL, 1);

	gc_set(e, "style", "invis");
	gc_set(e, "weight", "10");
	gc_set(e, "class", "order");
	if (minlen != 1)
		gc_setf(e, "minlen", minlen);
}

/* Puts every level of d (sorted by level) on ranks after those of the
 * level before: each item of one level gets an edge to each of the next,
 * so that an item is after all that end before it begins, through the
 * levels between. Two crowded levels are joined through the next level's
 * first item instead, which the rest of its level follow at no distance.
 * Returns the number of edges. */
static size_t
order_levels(graph_ctx *gc, const dated_node *d, size_t n)
{
	size_t start = 0, next, end, i, j, edges = 0;

	while (start < n) {
		for (next = start; next < n && d[next].level == d[start].level;
		    next++)
			;
		for (end = next; end < n && d[end].level == d[next].level;
		    end++)
			;
		if ((next - start) * (end - next) <= LEVEL_PAIRS_MAX) {
			for (i = start; i < next; i++)
				for (j = next; j < end; j++, edges++)
					order_edge(gc, d[i].node, d[j].node, 1);
		} else if (next < end) {
			for (i = start; i < next; i++, edges++)
				order_edge(gc, d[i].node, d[next].node, 1);
			for (j = next + 1; j < end; j++, edges++)
				order_edge(gc, d[next].node, d[j].node, 0);
		}
		start = next;
	}
	return edges;
}

/* True if from reaches to over edges that constrain the layout. seen
 * holds a stamp per node (by sequence number), stack room for every
 * node. */
static bool
reaches(Agraph_t *g, Agnode_t *from, Agnode_t *to, unsigned *seen,
    unsigned stamp, Agnode_t **stack)
{
	Agsym_t *constraint = agattr(g, AGEDGE, "constraint", NULL);
	size_t top = 0;

	stack[top++] = from;
	seen[AGSEQ(from)] = stamp;
	while (top > 0) {
		Agnode_t *n = stack[--top];
		Agedge_t *e;

		if (n == to)
			return true;
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			Agnode_t *h = aghead(e);

			if (seen[AGSEQ(h)] == stamp || (constraint != NULL &&
			    strcmp(agxget(e, constraint), "false") == 0))
				continue;
			seen[AGSEQ(h)] = stamp;
			stack[top++] = h;
		}
	}
	return false;
}

/* Draws the selected links that wanted accepts (all for NULL). With the
 * order of dates in the graph, a link that would close a loop with it (a
 * response drawn from the later item to the earlier) does not constrain
 * the layout: dot would break the loop by turning an edge round, maybe
 * one of the order's, and draw a later item first. */
static void
draw_links(graph_ctx *gc, bool (*wanted)(const relation *l), bool ordered)
{
	size_t i, most = 0;
	unsigned stamp = 0, *seen = NULL;
	Agnode_t *n, **stack = NULL;

	if (ordered) {
		for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n))
			if ((size_t)AGSEQ(n) > most)
				most = (size_t)AGSEQ(n);
		seen = xcalloc(most + 1, sizeof(*seen));
		stack = xcalloc(most + 1, sizeof(*stack));
	}
	for (i = 0; i < gc->m->nlinks; i++) {
		const relation *l = &gc->m->links[i];
		Agnode_t *a, *b;
		Agedge_t *e;
		bool against = false;

		if (!gc->sel->link[i] || (wanted != NULL && !wanted(l)) ||
		    l->from == NULL || l->to == NULL)
			continue;
		a = gc->node[l->from->type][l->from->index];
		b = gc->node[l->to->type][l->to->index];
		if (ordered && a != NULL && b != NULL)
			against = reaches(gc->g, b, a, seen, ++stamp, stack);
		/* Graphviz 2.43 misplaces the labels of edges that do not
		 * constrain the layout when they are flat. */
		gc->xlabels = against;
		e = gc_link(gc, l);
		gc->xlabels = false;
		if (e != NULL && against)
			gc_set(e, "constraint", "false");
	}
	free(seen);
	free(stack);
}

void
view_items_and_links(graph_ctx *gc, bool (*wanted)(const relation *l))
{
	size_t n, i, ndated = 0;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION) | TYPE_BIT(IT_CAUSE), &n);
	Agnode_t **drawn = xcalloc(n + 1, sizeof(*drawn));
	dated_node *d = xcalloc(n + 1, sizeof(*d));

	for (i = 0; i < n; i++) {
		drawn[i] = gc_node(gc, gc->body, v[i]);
		/* Causes stay beside what they are for, and undated items
		 * where their links put them. */
		if (v[i]->type == IT_CAUSE || !v[i]->date.set)
			continue;
		d[ndated].node = drawn[i];
		d[ndated].first = date_first_minute(&v[i]->date);
		d[ndated].last = date_last_minute(&v[i]->date);
		d[ndated].pos = i;
		ndated++;
	}
	date_levels(d, ndated);
	draw_links(gc, wanted, order_levels(gc, d, ndated) > 0);
	for (i = 0; i < n; i++)
		gc_spread_leaves(gc, drawn[i]);
	free(d);
	free(drawn);
	free(v);
}

void
view_overview(graph_ctx *gc)
{
	view_items_and_links(gc, NULL);
}
