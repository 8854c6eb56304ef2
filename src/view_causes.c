/* causes: decisions and events with the causes for and against each,
 * causes on the left and what they are for on the right; events that
 * lead to or cause them. */
#include <stdio.h>
#include <stdlib.h>

#include "views.h"

/* The most causes of one item drawn in one column. */
#define COLUMN 4

/* Spreads the causes that point at t and at nothing else, and that
 * nothing points at, over columns of at most COLUMN, by giving their
 * edges lengths of 1, 2, ... in turn: seven reasons for one decision
 * become two columns of four and three instead of one tall stack, which a
 * 16:9 slide holds larger. */
static void
spread_leaves(Agraph_t *g, Agnode_t *t)
{
	Agedge_t *e;
	size_t count = 0, k = 0, columns;

	for (e = agfstin(g, t); e != NULL; e = agnxtin(g, e))
		if (agdegree(g, agtail(e), 1, 0) == 0 &&
		    agdegree(g, agtail(e), 0, 1) == 1)
			count++;
	if (count <= COLUMN)
		return;
	columns = (count + COLUMN - 1) / COLUMN;
	for (e = agfstin(g, t); e != NULL; e = agnxtin(g, e)) {
		char len[24];

		if (agdegree(g, agtail(e), 1, 0) != 0 ||
		    agdegree(g, agtail(e), 0, 1) != 1)
			continue;
		snprintf(len, sizeof(len), "%zu", 1 + k++ % columns);
		agset(e, "minlen", len);
	}
}

void
view_causes(graph_ctx *gc)
{
	size_t n, i;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION) | TYPE_BIT(IT_CAUSE), &n);

	Agnode_t **drawn = xcalloc(n + 1, sizeof(*drawn));

	for (i = 0; i < n; i++)
		drawn[i] = gc_node(gc, gc->body, v[i]);
	for (i = 0; i < gc->m->nlinks; i++) {
		const relation *l = &gc->m->links[i];

		if (gc->sel->link[i] && l->type != LT_RESPONDS_TO)
			gc_link(gc, l);
	}
	for (i = 0; i < n; i++)
		spread_leaves(gc->g, drawn[i]);
	free(drawn);
	free(v);
}
