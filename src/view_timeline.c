/* timeline: events and decisions only, in date order, one band per phase
 * in phase order from left to right, dates running down. A long phase
 * runs down several columns, so that the bands stay about as high as a
 * slide instead of one long column; each column is a borderless cluster,
 * so that dot keeps its items together and in order. (A grid of
 * rank=same rows makes Graphviz 2.43 lose flat edges.) */
#include <stdlib.h>

#include "views.h"

/* Items in a column before the band starts another. */
#define COLUMN_ROWS 6

void
view_timeline(graph_ctx *gc)
{
	const model *m = gc->m;
	size_t n, i, p, r;

	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION), &n);
	size_t most = 0, rows, columns, nchain = 0;
	Agnode_t **chain = xcalloc(n + 1, sizeof(*chain));
	bool *starts = xcalloc(n + 1, sizeof(*starts));

	/* Columns of the same height in every band: the longest band sets
	 * how many rows a column has. */
	for (p = 0; p <= m->count[IT_PHASE]; p++) {
		const item *phase = p < m->count[IT_PHASE] ?
		    m->items[IT_PHASE][p] : NULL;
		size_t count = 0;

		for (i = 0; i < n; i++)
			count += v[i]->resolved_phase == phase;
		if (count > most)
			most = count;
	}
	columns = (most + COLUMN_ROWS - 1) / COLUMN_ROWS;
	rows = columns > 0 ? (most + columns - 1) / columns : 0;
	for (p = 0; p <= m->count[IT_PHASE]; p++) {
		const item *phase = p < m->count[IT_PHASE] ?
		    m->items[IT_PHASE][p] : NULL;
		Agraph_t *band = NULL, *column = NULL, *cols[64];
		size_t k = 0, count = 0, ncols, j;

		for (i = 0; i < n; i++)
			count += v[i]->resolved_phase == phase;
		ncols = rows ? (count + rows - 1) / rows : 0;
		if (ncols > 64)
			ncols = 64;
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
				band = gc_cluster(gc, gc->body, key, title);
				/* Graphviz 2.43 lays sibling clusters inside a
				 * cluster out mirrored, last made leftmost: the
				 * columns are made last first. */
				for (j = ncols; j-- > 0;) {
					char name[96];

					snprintf(name, sizeof(name),
					    "cluster_%s_%zu", phase ?
					    phase->id : "none", j);
					cols[j] = agsubg(band, name, 1);
					/* A subgraph starts with its parent's
					 * values: give it its own id. */
					snprintf(name, sizeof(name),
					    "%sphase-%s-column-%zu",
					    gc->o->id_prefix, phase ? phase->id :
					    "none", j + 1);
					agsafeset(cols[j], "id", name, "");
					agsafeset(cols[j], "class", "column", "");
					agsafeset(cols[j], "tooltip", "", "");
					agsafeset(cols[j], "style", "invis", "");
					agsafeset(cols[j], "label", "", "");
					agsafeset(cols[j], "margin", "0", "");
				}
			}
			r = k % rows;
			j = k / rows < ncols ? k / rows : ncols - 1;
			column = cols[j];
			here = gc_node(gc, column, v[i]);
			chain[nchain] = here;
			starts[nchain++] = r == 0;
			k++;
		}
	}
	free(v);
	/* Each column's items in date order, top to bottom. */
	for (i = 1; i < nchain; i++)
		if (!starts[i])
			gc_order(gc, chain[i - 1], chain[i]);
	free(chain);
	free(starts);
	gc->xlabels = true;
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		Agedge_t *e;

		if (!gc->sel->link[i] || (l->type != LT_LEADS_TO &&
		    l->type != LT_CAUSES && l->type != LT_RESPONDS_TO))
			continue;
		e = gc_link(gc, l);
		/* The grid keeps its date order; links do not bend it. */
		if (e != NULL)
			agsafeset(e, "constraint", "false", "");
	}
}
