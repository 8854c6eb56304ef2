/* arguments: who argued what. Causes in one box per actor who stated
 * them, the inferred ones in a box of the historian whose source infers
 * them, side by side, with support and opposition between them and
 * toward decisions. */
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "views.h"

/* True if a selected link joins cause c to another cause in the same
 * box (box_of_cause is indexed by the causes' index). Such causes keep
 * the ranks their link gives them. */
static bool
argues_in_box(const graph_ctx *gc, const item *c,
    Agraph_t *const *box_of_cause)
{
	size_t i;

	for (i = 0; i < gc->m->nlinks; i++) {
		const relation *l = &gc->m->links[i];

		if (gc->sel->link[i] && (l->from == c || l->to == c) &&
		    l->from->type == IT_CAUSE && l->to->type == IT_CAUSE &&
		    box_of_cause[l->from->index] ==
		    box_of_cause[l->to->index])
			return true;
	}
	return false;
}

/* Lays the causes of one box that argue with no other cause of the box
 * out in rows of about the square root of their number, by invisible
 * edges from each to the one a row below it: thirteen inferred reasons
 * then make a block of four rows, not one row as wide as a wall. */
static void
stack_rows(graph_ctx *gc, Agnode_t **free_nodes, size_t k)
{
	size_t per_row = 1, i;

	if (k <= 4)
		return;
	while (per_row * per_row < k)
		per_row++;
	for (i = 0; i + per_row < k; i++)
		gc_order(gc, free_nodes[i], free_nodes[i + per_row]);
}

void
view_arguments(graph_ctx *gc)
{
	const model *m = gc->m;
	size_t n, i, j;
	const item **v = gc_items(gc, TYPE_BIT(IT_CAUSE), &n);
	Agraph_t **actor_box = xcalloc(m->count[IT_ACTOR] + 1,
	    sizeof(*actor_box));
	Agraph_t **source_box = xcalloc(m->count[IT_SOURCE] + 1,
	    sizeof(*source_box));
	Agraph_t *unsourced = NULL;
	/* Per cause drawn, its box and its node; per cause of the model, its
	 * box or NULL. */
	Agraph_t **box_of = xcalloc(n + 1, sizeof(*box_of));
	Agnode_t **free_node = xcalloc(n + 1, sizeof(*free_node));
	Agraph_t **box_of_cause = xcalloc(m->count[IT_CAUSE] + 1,
	    sizeof(*box_of_cause));

	for (i = 0; i < n; i++) {
		const item *c = v[i];
		Agraph_t *box;

		if (c->by.to) {
			const item *a = c->by.to;

			if (actor_box[a->index] == NULL) {
				char key[96];

				snprintf(key, sizeof(key), "by-%s", a->id);
				actor_box[a->index] = gc_cluster(gc, gc->body,
				    key, gc_actor_name(a));
			}
			box = actor_box[a->index];
		} else if (c->sources.n > 0 && c->sources.v[0].src.to) {
			const item *s = c->sources.v[0].src.to;

			if (source_box[s->index] == NULL) {
				char key[96];
				buf title = {0};

				snprintf(key, sizeof(key), "inferred-%s",
				    s->id);
				buf_puts(&title, "Inferred by ");
				cite_author(&title, s);
				source_box[s->index] = gc_cluster(gc, gc->body,
				    key, title.s);
				buf_free(&title);
			}
			box = source_box[s->index];
		} else {
			if (unsourced == NULL)
				unsourced = gc_cluster(gc, gc->body, "inferred",
				    "Inferred");
			box = unsourced;
		}
		free_node[i] = gc_node(gc, box, c);
		box_of[i] = box_of_cause[c->index] = box;
	}
	for (i = 0; i < n; i++)
		if (argues_in_box(gc, v[i], box_of_cause))
			free_node[i] = NULL;
	/* Each box's free causes, in order, stacked in rows; a box is taken
	 * at its first cause. */
	for (i = 0; i < n; i++) {
		Agnode_t **row;
		size_t k = 0;
		bool first = true;

		for (j = 0; j < i && first; j++)
			first = box_of[j] != box_of[i];
		if (!first)
			continue;
		row = xcalloc(n, sizeof(*row));
		for (j = i; j < n; j++)
			if (box_of[j] == box_of[i] && free_node[j] != NULL)
				row[k++] = free_node[j];
		stack_rows(gc, row, k);
		free(row);
	}
	free(box_of);
	free(box_of_cause);
	free(free_node);
	free(v);
	/* What the causes argue about, outside the boxes. */
	v = gc_items(gc, TYPE_BIT(IT_DECISION) | TYPE_BIT(IT_EVENT), &n);
	for (i = 0; i < n; i++) {
		bool argued = false;

		for (j = 0; j < m->nlinks && !argued; j++) {
			const relation *l = &m->links[j];

			argued = gc->sel->link[j] && l->to == v[i] &&
			    l->from->type == IT_CAUSE;
		}
		if (argued)
			gc_node(gc, gc->body, v[i]);
	}
	free(v);
	/* Every selected link between two items drawn: a decision that
	 * leads to another keeps its arrow beside the arguments. */
	for (i = 0; i < m->nlinks; i++)
		if (gc->sel->link[i])
			gc_link(gc, &m->links[i]);
	free(actor_box);
	free(source_box);
}
