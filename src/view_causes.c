/* causes: decisions and events with the causes for and against each,
 * causes on the left and what they are for on the right; events that
 * lead to or cause them. */
#include <stdlib.h>

#include "views.h"

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
		gc_spread_leaves(gc, drawn[i]);
	free(drawn);
	free(v);
}
