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

/* The order of the nodes that the constraining edges keep: every such
 * edge goes from a lower place to a higher one (a topological order), so
 * that a new edge that already goes upwards can close no loop, and one
 * that goes downwards needs a search of the nodes between its ends only.
 * Kept up to date as links are added (Pearce and Kelly's dynamic
 * topological order): linear in the links that follow the order of
 * dates, which most do. */
typedef struct {
	Agraph_t *g;
	Agsym_t *constraint;
	size_t *ord;            /* a node's place, by sequence number */
	unsigned *seen;         /* a stamp per node */
	unsigned stamp;
	Agnode_t **stack, **fwd, **back;
	size_t nfwd, nback;
} topo;

static bool
constrains(const topo *t, Agedge_t *e)
{
	return t->constraint == NULL ||
	    strcmp(agxget(e, t->constraint), "false") != 0;
}

/* Collects in t->fwd the nodes reached from y through nodes placed at
 * most at ub; true if x is one of them (an edge x->y would close a
 * loop). */
static bool
search_forward(topo *t, Agnode_t *y, Agnode_t *x, size_t ub)
{
	size_t top = 0;

	t->nfwd = 0;
	t->stack[top++] = y;
	t->seen[AGSEQ(y)] = t->stamp;
	while (top > 0) {
		Agnode_t *n = t->stack[--top];
		Agedge_t *e;

		if (n == x)
			return true;
		t->fwd[t->nfwd++] = n;
		for (e = agfstout(t->g, n); e != NULL; e = agnxtout(t->g, e)) {
			Agnode_t *h = aghead(e);

			if (t->seen[AGSEQ(h)] == t->stamp ||
			    t->ord[AGSEQ(h)] > ub || !constrains(t, e))
				continue;
			t->seen[AGSEQ(h)] = t->stamp;
			t->stack[top++] = h;
		}
	}
	return false;
}

/* Collects in t->back the nodes that reach x through nodes placed at
 * least at lb. */
static void
search_back(topo *t, Agnode_t *x, size_t lb)
{
	size_t top = 0;

	t->nback = 0;
	t->stack[top++] = x;
	t->seen[AGSEQ(x)] = t->stamp;
	while (top > 0) {
		Agnode_t *n = t->stack[--top];
		Agedge_t *e;

		t->back[t->nback++] = n;
		for (e = agfstin(t->g, n); e != NULL; e = agnxtin(t->g, e)) {
			Agnode_t *h = agtail(e);

			if (t->seen[AGSEQ(h)] == t->stamp ||
			    t->ord[AGSEQ(h)] < lb || !constrains(t, e))
				continue;
			t->seen[AGSEQ(h)] = t->stamp;
			t->stack[top++] = h;
		}
	}
}

static const topo *ordering;

static int
by_place(const void *pa, const void *pb)
{
	size_t a = ordering->ord[AGSEQ(*(Agnode_t *const *)pa)];
	size_t b = ordering->ord[AGSEQ(*(Agnode_t *const *)pb)];

	return (a > b) - (a < b);
}

static int
cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return (a > b) - (a < b);
}

/* True if an edge x->y closes a loop of constraining edges; if not, the
 * order is mended to have x before y, as the edge will be added. */
static bool
closes_loop(topo *t, Agnode_t *x, Agnode_t *y, size_t *places)
{
	size_t lb = t->ord[AGSEQ(y)], ub = t->ord[AGSEQ(x)], i, k = 0;

	if (x == y)
		return true;
	if (ub < lb)
		return false;
	t->stamp++;
	if (search_forward(t, y, x, ub))
		return true;
	search_back(t, x, lb);
	/* The nodes that reach x go first, then those y reaches, in the
	 * places the two sets held, each set keeping its own order. */
	ordering = t;
	qsort(t->back, t->nback, sizeof(*t->back), by_place);
	qsort(t->fwd, t->nfwd, sizeof(*t->fwd), by_place);
	for (i = 0; i < t->nback; i++)
		places[k++] = t->ord[AGSEQ(t->back[i])];
	for (i = 0; i < t->nfwd; i++)
		places[k++] = t->ord[AGSEQ(t->fwd[i])];
	qsort(places, k, sizeof(*places), cmp_size);
	k = 0;
	for (i = 0; i < t->nback; i++)
		t->ord[AGSEQ(t->back[i])] = places[k++];
	for (i = 0; i < t->nfwd; i++)
		t->ord[AGSEQ(t->fwd[i])] = places[k++];
	return false;
}

/* Draws the selected links. With the
 * order of dates in the graph (the n items of d, sorted by level), a
 * link that would close a loop with it (a response drawn from the later
 * item to the earlier) does not constrain the layout: dot would break
 * the loop by turning an edge round, maybe one of the order's, and draw
 * a later item first. */
static void
draw_links(graph_ctx *gc, const dated_node *d, size_t n, bool ordered)
{
	size_t i, most = 0, next, *places = NULL;
	topo t = {0};
	Agnode_t *v;

	if (ordered) {
		t.g = gc->g;
		t.constraint = agattr(gc->g, AGEDGE, "constraint", NULL);
		for (v = agfstnode(gc->g); v != NULL; v = agnxtnode(gc->g, v))
			if ((size_t)AGSEQ(v) > most)
				most = (size_t)AGSEQ(v);
		t.ord = xcalloc(most + 1, sizeof(*t.ord));
		t.seen = xcalloc(most + 1, sizeof(*t.seen));
		t.stack = xcalloc(most + 1, sizeof(*t.stack));
		t.fwd = xcalloc(most + 1, sizeof(*t.fwd));
		t.back = xcalloc(most + 1, sizeof(*t.back));
		places = xcalloc(2 * (most + 1), sizeof(*places));
		/* The order so far: the nodes that have no edges yet (causes
		 * and undated items: most links go from them to the dated),
		 * then the dated items by level (each level's first item,
		 * which the rest follow, first). */
		for (i = 0; i <= most; i++)
			t.ord[i] = SIZE_MAX;
		for (i = 0; i < n; i++)
			t.ord[AGSEQ(d[i].node)] = 0;
		next = 0;
		for (v = agfstnode(gc->g); v != NULL; v = agnxtnode(gc->g, v))
			if (t.ord[AGSEQ(v)] == SIZE_MAX)
				t.ord[AGSEQ(v)] = next++;
		for (i = 0; i < n; i++)
			t.ord[AGSEQ(d[i].node)] = next + i;
	}
	for (i = 0; i < gc->m->nlinks; i++) {
		const relation *l = &gc->m->links[i];
		Agnode_t *a, *b;
		Agedge_t *e;
		bool against = false;

		if (!gc->sel->link[i] || l->from == NULL || l->to == NULL)
			continue;
		a = gc->node[l->from->type][l->from->index];
		b = gc->node[l->to->type][l->to->index];
		if (ordered && a != NULL && b != NULL)
			against = closes_loop(&t, a, b, places);
		/* Graphviz 2.43 misplaces the labels of edges that do not
		 * constrain the layout when they are flat. */
		gc->xlabels = against;
		e = gc_link(gc, l);
		gc->xlabels = false;
		if (e != NULL && against)
			gc_set(e, "constraint", "false");
	}
	free(t.ord);
	free(t.seen);
	free(t.stack);
	free(t.fwd);
	free(t.back);
	free(places);
}

void
view_items_and_links(graph_ctx *gc)
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
	draw_links(gc, d, ndated, order_levels(gc, d, ndated) > 0);
	for (i = 0; i < n; i++)
		gc_spread_leaves(gc, drawn[i]);
	free(d);
	free(drawn);
	free(v);
}

void
view_overview(graph_ctx *gc)
{
	view_items_and_links(gc);
}
