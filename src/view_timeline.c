/* timeline: events and decisions only, in date order, one band per phase
 * in phase order from left to right, dates running down. */
#include <stdlib.h>

#include "views.h"

void
view_timeline(graph_ctx *gc)
{
	const model *m = gc->m;
	size_t n, i, p;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION), &n);
	Agnode_t *prev;

	for (p = 0; p <= m->count[IT_PHASE]; p++) {
		const item *phase = p < m->count[IT_PHASE] ?
		    m->items[IT_PHASE][p] : NULL;
		Agraph_t *band = NULL;

		prev = NULL;
		for (i = 0; i < n; i++) {
			Agnode_t *here;

			if (v[i]->resolved_phase != phase)
				continue;
			if (band == NULL) {
				char key[96], title[512];

				if (phase != NULL) {
					snprintf(key, sizeof(key), "phase-%s",
					    phase->id);
					snprintf(title, sizeof(title),
					    "%zu. %s", p + 1, phase->title);
				} else {
					snprintf(key, sizeof(key),
					    "no-phase");
					snprintf(title, sizeof(title),
					    "Without a phase");
				}
				band = gc_cluster(gc, gc->g, key, title);
			}
			here = gc_node(gc, band, v[i]);
			if (prev != NULL)
				gc_order(gc, prev, here);
			prev = here;
		}
	}
	free(v);
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		Agedge_t *e;

		if (!gc->sel->link[i] || (l->type != LT_LEADS_TO &&
		    l->type != LT_CAUSES && l->type != LT_RESPONDS_TO))
			continue;
		e = gc_link(gc, l);
		/* The bands keep their date order; links do not bend it. */
		if (e != NULL)
			agsafeset(e, "constraint", "false", "");
	}
}
