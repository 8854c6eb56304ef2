/* overview: everything selected, top to bottom in date order. */
#include <stdlib.h>

#include "views.h"

void
view_items_and_links(graph_ctx *gc, bool (*wanted)(const relation *l))
{
	size_t n, i;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION) | TYPE_BIT(IT_CAUSE), &n);

	Agnode_t **drawn = xcalloc(n + 1, sizeof(*drawn));

	for (i = 0; i < n; i++)
		drawn[i] = gc_node(gc, gc->body, v[i]);
	for (i = 0; i < gc->m->nlinks; i++) {
		const relation *l = &gc->m->links[i];

		if (gc->sel->link[i] && (wanted == NULL || wanted(l)))
			gc_link(gc, l);
	}
	for (i = 0; i < n; i++)
		gc_spread_leaves(gc, drawn[i]);
	free(drawn);
	free(v);
}

void
view_overview(graph_ctx *gc)
{
	view_items_and_links(gc, NULL);
}
