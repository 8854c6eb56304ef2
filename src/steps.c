/* Steps: one picture per phase from one layout. Before the layout, every
 * node, edge and cluster gets the step that shows it, in a record bound
 * to it (and, for the SVG, a step-N class); after it, graph_step_show
 * hides or fades what later steps reveal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

/* The record that carries an object's step: the step that shows a node,
 * an edge or a cluster, and on the root graph the number of steps.
 * cgraph frees records with their objects (agclose). The layout binds
 * its own records in front of this one and locks them there, for the
 * ND_, ED_ and GD_ macros, which read the front record: after the layout
 * this one is only looked up with move-to-front off, which keeps them
 * in front. */
#define STEP_REC "kgraph_step"

typedef struct {
	Agrec_t header;
	int step;
} step_rec;

static void
step_bind(void *obj, int step)
{
	step_rec *r = agbindrec(obj, STEP_REC, sizeof(step_rec), FALSE);

	r->step = step;
}

/* An object's step, or 0 when it has none. */
static int
step_of(void *obj)
{
	step_rec *r = (step_rec *)aggetrec(obj, STEP_REC, FALSE);

	return r != NULL ? r->step : 0;
}

/* Gives obj its step, and appends " step-N" to its class for the SVG. */
static void
mark(void *obj, int step)
{
	char *old = agget(obj, "class");
	buf b = {0};

	step_bind(obj, step);
	buf_printf(&b, "%s%sstep-%d", old ? old : "", old && old[0] ? " " :
	    "", step);
	gc_set(obj, "class", b.s);
	buf_free(&b);
}

/* A cluster's step: the one the view gave it (gc_step), else the
 * earliest of its nodes' (step is indexed by the nodes' sequence
 * numbers); a cluster with neither is part of the frame, shown from the
 * first step. */
static void
mark_cluster_steps(Agraph_t *sub, const int *step)
{
	Agraph_t *inner;
	Agnode_t *n;
	int least = 0;

	for (inner = agfstsubg(sub); inner != NULL; inner = agnxtsubg(inner))
		mark_cluster_steps(inner, step);
	if (strncmp(agnameof(sub), "cluster", 7) != 0)
		return;
	for (n = agfstnode(sub); n != NULL; n = agnxtnode(sub, n)) {
		int s = step[AGSEQ(n)];

		if (least == 0 || s < least)
			least = s;
	}
	if (step_of(sub) > 0)
		least = step_of(sub);
	mark(sub, least > 0 ? least : 1);
}

void
gc_step(graph_ctx *gc, void *obj, int step)
{
	if (gc->o->steps)
		step_bind(obj, step);
}

/* Numbers the steps over the phases that have a node of their own (in
 * step[], nodes have only their own steps yet): a step with none takes
 * the number of the next that has one. Returns the new count. */
static int
renumber_steps(int *step, size_t nsteps, int count)
{
	int *map = xcalloc((size_t)count + 2, sizeof(int));
	bool *used = xcalloc((size_t)count + 2, sizeof(bool));
	int k, next = 0;
	size_t i;

	for (i = 0; i < nsteps; i++)
		if (step[i] > 0 && step[i] <= count)
			used[step[i]] = true;
	for (k = 1; k <= count; k++)
		if (used[k])
			map[k] = ++next;
	if (next > 0 && next < count) {
		for (k = count; k >= 1; k--)
			if (!used[k])
				map[k] = k == count ? next : map[k + 1];
		for (i = 0; i < nsteps; i++)
			if (step[i] > 0 && step[i] <= count)
				step[i] = map[step[i]];
		count = next;
	}
	free(map);
	free(used);
	return count;
}

/* True for an invisible edge that only orders the layout (gc_order, and
 * the order of dates): it links no items, so passes no step on. */
static bool
layout_only(Agedge_t *e)
{
	const char *style = agget(e, "style");

	return style != NULL && strcmp(style, "invis") == 0;
}

/* The step of every node (its phase's place among the selected phases;
 * for what has no phase, the earliest step of what it is linked to),
 * every edge (the later of its ends) and every cluster (the earliest of
 * its nodes). The count goes on the graph, and in its class as steps-N. */
void
gc_mark_steps(graph_ctx *gc)
{
	const model *m = gc->m;
	int *of_phase = xcalloc(m->count[IT_PHASE] + 1, sizeof(int));
	int count = 0, *step, changed = 1;
	size_t i, most = 0;
	Agnode_t *n;
	Agedge_t *e;
	Agraph_t *sub;
	int t;

	for (i = 0; i < m->count[IT_PHASE]; i++)
		if (gc->sel->phase[i])
			of_phase[i] = ++count;
	if (count == 0)
		count = 1;
	for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n))
		if ((size_t)AGSEQ(n) > most)
			most = (size_t)AGSEQ(n);
	step = xcalloc(most + 2, sizeof(int));
	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		for (i = 0; i < m->count[t]; i++) {
			const item *it = m->items[t][i];
			Agnode_t *drawn = gc->node[t][i];

			if (drawn != NULL && it->resolved_phase != NULL)
				step[AGSEQ(drawn)] =
				    of_phase[it->resolved_phase->number - 1];
		}
	}
	/* Nodes the view marked itself (headers, notes). */
	for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n))
		if (step[AGSEQ(n)] == 0)
			step[AGSEQ(n)] = step_of(n);
	/* A phase with nothing of the view in it would be an empty slide:
	 * steps are numbered over the phases that have something, and what
	 * would fall in an empty one comes with the next. */
	count = renumber_steps(step, most + 1, count);
	while (changed) {
		changed = 0;
		for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n)) {
			for (e = agfstout(gc->g, n); e != NULL;
			    e = agnxtout(gc->g, e)) {
				int *a = &step[AGSEQ(agtail(e))];
				int *b = &step[AGSEQ(aghead(e))];

				if (layout_only(e))
					continue;
				if (*a == 0 && *b > 0) {
					*a = *b;
					changed = 1;
				} else if (*b == 0 && *a > 0) {
					*b = *a;
					changed = 1;
				}
			}
		}
	}
	for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n)) {
		if (step[AGSEQ(n)] == 0)
			step[AGSEQ(n)] = 1;
		mark(n, step[AGSEQ(n)]);
	}
	for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n)) {
		for (e = agfstout(gc->g, n); e != NULL; e = agnxtout(gc->g, e)) {
			int a = step[AGSEQ(agtail(e))], b = step[AGSEQ(aghead(e))];

			mark(e, a > b ? a : b);
		}
	}
	for (sub = agfstsubg(gc->g); sub != NULL; sub = agnxtsubg(sub))
		mark_cluster_steps(sub, step);
	{
		char *old = agget(gc->g, "class");
		buf b = {0};

		step_bind(gc->g, count);
		buf_printf(&b, "%s steps-%d", old ? old : "", count);
		gc_set(gc->g, "class", b.s);
		buf_free(&b);
	}
	free(of_phase);
	free(step);
}

/* What a step changes on one object, and the values it had. */
struct step_obj {
	void *obj;
	int step;
	char *style, *color, *fillcolor, *fontcolor;
	bool cluster;
};

struct graph_steps {
	Agraph_t *g;
	struct step_obj *v;
	size_t n, cap;
};

static char *
dup_attr(void *obj, const char *name)
{
	char *v = agget(obj, (char *)name);

	return xstrdup(v ? v : "");
}

static void
steps_add(graph_steps *s, void *obj, bool cluster)
{
	int step = step_of(obj);
	struct step_obj *o;

	if (step <= 1)
		return;                 /* shown from the first step on */
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	o = &s->v[s->n++];
	o->obj = obj;
	o->step = step;
	o->cluster = cluster;
	o->style = dup_attr(obj, "style");
	o->color = dup_attr(obj, "color");
	o->fillcolor = dup_attr(obj, "fillcolor");
	o->fontcolor = dup_attr(obj, "fontcolor");
}

static void
steps_add_clusters(graph_steps *s, Agraph_t *g)
{
	Agraph_t *sub;

	for (sub = agfstsubg(g); sub != NULL; sub = agnxtsubg(sub)) {
		if (strncmp(agnameof(sub), "cluster", 7) == 0)
			steps_add(s, sub, true);
		steps_add_clusters(s, sub);
	}
}

int
graph_step_count(Agraph_t *g)
{
	int count = step_of(g);

	return count > 0 ? count : 1;
}

graph_steps *
graph_steps_begin(Agraph_t *g)
{
	graph_steps *s = xcalloc(1, sizeof(*s));
	Agnode_t *n;
	Agedge_t *e;

	s->g = g;
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		steps_add(s, n, false);
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e))
			steps_add(s, e, false);
	}
	steps_add_clusters(s, g);
	return s;
}

/* A faded copy of a colour: the same colour, nearly transparent. */
static void
faded(char *out, size_t size, const char *color)
{
	if (color[0] == '#' && strlen(color) == 7)
		snprintf(out, size, "%s30", color);
	else
		snprintf(out, size, "#80808030");
}

void
graph_step_show(graph_steps *s, int k, bool dim)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct step_obj *o = &s->v[i];
		char tmp[64];

		if (o->step <= k) {
			gc_set(o->obj, "style", o->style);
			gc_set(o->obj, "color", o->color);
			gc_set(o->obj, "fillcolor", o->fillcolor);
			gc_set(o->obj, "fontcolor", o->fontcolor);
		} else if (!dim) {
			gc_set(o->obj, "style", "invis");
		} else {
			/* Layout fixed the text's colour: shapes and lines
			 * fade, the text stays. */
			faded(tmp, sizeof(tmp), o->color[0] ? o->color :
			    "#808080");
			gc_set(o->obj, "color", tmp);
			if (o->fillcolor[0]) {
				faded(tmp, sizeof(tmp), o->fillcolor);
				gc_set(o->obj, "fillcolor", tmp);
			}
		}
	}
}

void
graph_steps_free(graph_steps *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->v[i].style);
		free(s->v[i].color);
		free(s->v[i].fillcolor);
		free(s->v[i].fontcolor);
	}
	free(s->v);
	free(s);
}
