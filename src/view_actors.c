/* actors: actors grouped by group, with an edge A -> B for what A
 * addressed to B (one edge per pair, labelled with the count or the
 * single title) and for the causes A stated for or against B's
 * decisions. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "views.h"

typedef struct {
	const item *from, *to;
	int kind;               /* 0 addressed, 1 supports, 2 opposes */
	int count;
	const item **what;      /* the count items the edge stands for */
} pair;

static void
add_pair(pair **v, size_t *n, const item *from, const item *to, int kind,
    const item *what)
{
	pair *p = NULL;
	size_t i;

	if (from == NULL || to == NULL || from == to)
		return;
	for (i = 0; i < *n && p == NULL; i++)
		if ((*v)[i].from == from && (*v)[i].to == to &&
		    (*v)[i].kind == kind)
			p = &(*v)[i];
	if (p == NULL) {
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		p = &(*v)[(*n)++];
		memset(p, 0, sizeof(*p));
		p->from = from;
		p->to = to;
		p->kind = kind;
	}
	p->what = xrealloc(p->what, (size_t)(p->count + 1) *
	    sizeof(*p->what));
	p->what[p->count++] = what;
}

/* A citation's number in the model's order of sources. */
static int
ref_number(const graph_ctx *gc, const source_ref *r)
{
	return r->src.to != NULL ? gc->cite_number[r->src.to->index] :
	    INT_MAX;
}

/* The label of a pair's edge: the one item's title and its sources; or
 * how many items it stands for and the sources of them all, by number
 * only, in the order of the numbers (each item's places in its sources
 * are in the tooltip). */
static void
pair_label(graph_ctx *gc, const pair *p, buf *s)
{
	source_list all = {0};
	buf cites = {0};
	int k;
	size_t i;

	if (p->count == 1) {
		label_wrap_html(s, model_label(p->what[0]), gc->o->wrap,
		    LABEL_MAX_LINES, "<BR/>");
		gc_cite_marker(gc, &cites, &p->what[0]->sources, true);
	} else {
		buf_printf(s, "%d %s", p->count, p->kind == 0 ? "messages" :
		    p->kind == 1 ? "causes for" : "causes against");
		for (k = 0; k < p->count; k++)
			all.n += p->what[k]->sources.n;
		all.v = xcalloc(all.n + 1, sizeof(*all.v));
		all.n = 0;
		for (k = 0; k < p->count; k++)
			for (i = 0; i < p->what[k]->sources.n; i++) {
				all.v[all.n] = p->what[k]->sources.v[i];
				all.v[all.n++].at = NULL;
			}
		/* A stable insertion sort: a pair stands for a few items. */
		for (i = 1; i < all.n; i++) {
			source_ref r = all.v[i];
			size_t j = i;

			while (j > 0 && ref_number(gc, &all.v[j - 1]) >
			    ref_number(gc, &r)) {
				all.v[j] = all.v[j - 1];
				j--;
			}
			all.v[j] = r;
		}
		gc_cite_marker(gc, &cites, &all, true);
		free(all.v);
	}
	if (cites.len > 0)
		buf_printf(s, " <FONT COLOR=\"%s\">%s</FONT>", gc->th->muted,
		    cites.s);
	buf_free(&cites);
}

/* The tooltip of a pair's edge: each item it stands for, with the places
 * in its sources. */
static void
pair_tooltip(graph_ctx *gc, const pair *p, buf *s)
{
	buf t = {0};
	int k;

	for (k = 0; k < p->count; k++) {
		buf_printf(&t, "%s%s", k ? "\n" : "", model_label(p->what[k]));
		if (p->count > 1) {
			buf cites = {0};

			gc_cite_marker(gc, &cites, &p->what[k]->sources, false);
			if (cites.len > 0)
				buf_printf(&t, " %s", cites.s);
			buf_free(&cites);
		}
	}
	label_attr(s, t.s, 2000);
	buf_free(&t);
}

/* An actor as a node: its name, its name in its own script, its role. */
static Agnode_t *
actor_node(graph_ctx *gc, Agraph_t *parent, const item *a)
{
	Agnode_t *n = gc->node[IT_ACTOR][a->index];
	buf b = {0};
	char small[32];
	char *html;

	if (n != NULL)
		return n;
	n = agnode(parent, (char *)a->id, 1);
	gc->node[IT_ACTOR][a->index] = n;
	gc_small_size(gc, small, sizeof(small));
	buf_puts(&b, "<B>");
	label_wrap_html(&b, gc_actor_name(a), gc->o->wrap, LABEL_MAX_LINES,
	    "<BR/>");
	buf_puts(&b, "</B>");
	if (a->native) {
		buf_puts(&b, "<BR/>");
		label_wrap_html(&b, a->native, gc->o->wrap, LABEL_MAX_LINES,
		    "<BR/>");
	}
	if (a->role) {
		buf_printf(&b, "<BR/><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">",
		    small, gc->th->muted);
		label_wrap_html(&b, a->role, gc->o->wrap, LABEL_MAX_LINES,
		    "<BR/>");
		buf_puts(&b, "</FONT>");
	}
	html = agstrdup_html(gc->g, b.s);
	agsafeset(n, "label", html, "");
	agstrfree(gc->g, html);
	b.len = 0;
	buf_printf(&b, "%s%s", gc->o->id_prefix, a->id);
	agsafeset(n, "id", b.s, "");
	b.len = 0;
	buf_puts(&b, "kind-actor actor-");
	label_token(&b, a->id);
	if (a->group.to) {
		buf_puts(&b, " group-");
		label_token(&b, a->group.to->id);
	}
	{
		size_t t;

		for (t = 0; t < a->tags.n; t++) {
			buf_puts(&b, " tag-");
			label_token(&b, a->tags.v[t]);
		}
	}
	agsafeset(n, "class", b.s, "");
	{
		buf t = {0};

		buf_puts(&t, gc_actor_name(a));
		if (a->native)
			buf_printf(&t, "\n%s", a->native);
		if (a->role)
			buf_printf(&t, "\n%s", a->role);
		if (a->note)
			buf_printf(&t, "\nNote: %s", a->note);
		b.len = 0;
		label_attr(&b, t.s, 4000);
		agsafeset(n, "tooltip", b.s, "");
		buf_free(&t);
	}
	agsafeset(n, "shape", a->actor_kind == AK_PERSON ? "box" : "box3d",
	    "");
	agsafeset(n, "style", a->actor_kind == AK_PERSON ? "filled,rounded" :
	    "filled", "");
	agsafeset(n, "fillcolor", (char *)(a->group.to ?
	    gc_group_fill(gc, a->group.to) : gc->th->node_fill), "");
	agsafeset(n, "color", (char *)(a->group.to ?
	    gc_group_color(gc, a->group.to) : gc->th->line), "");
	if (a->group.to)
		gc->groups[a->group.to->index] = true;
	buf_free(&b);
	return n;
}

void
view_actors(graph_ctx *gc)
{
	const model *m = gc->m;
	pair *pairs = NULL;
	size_t npairs = 0, i, j, n;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION), &n);
	Agraph_t **box = xcalloc(m->count[IT_GROUP] + 1, sizeof(*box));

	for (i = 0; i < n; i++) {
		const item *it = v[i];

		for (j = 0; j < it->to_actors.n; j++) {
			if (it->actor.to)
				add_pair(&pairs, &npairs, it->actor.to,
				    it->to_actors.v[j].to, 0, it);
			else {
				size_t k;

				for (k = 0; k < it->actors.n; k++)
					add_pair(&pairs, &npairs,
					    it->actors.v[k].to,
					    it->to_actors.v[j].to, 0, it);
			}
		}
	}
	free(v);
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];

		if (!gc->sel->link[i] || l->from == NULL || l->to == NULL ||
		    l->from->type != IT_CAUSE || l->to->type != IT_DECISION ||
		    (l->type != LT_SUPPORTS && l->type != LT_OPPOSES))
			continue;
		add_pair(&pairs, &npairs, l->from->by.to, l->to->actor.to,
		    l->type == LT_SUPPORTS ? 1 : 2, l->from);
	}
	/* Actors in group order, then file order. */
	for (i = 0; i <= m->count[IT_GROUP]; i++) {
		const item *g = i < m->count[IT_GROUP] ?
		    m->items[IT_GROUP][i] : NULL;

		for (j = 0; j < m->count[IT_ACTOR]; j++) {
			const item *a = m->items[IT_ACTOR][j];
			Agraph_t *parent = gc->body;

			if (!gc->sel->item[IT_ACTOR][j] || a->group.to != g)
				continue;
			if (g != NULL) {
				if (box[i] == NULL) {
					char key[96];

					snprintf(key, sizeof(key), "group-%s",
					    g->id);
					box[i] = gc_cluster(gc, gc->body, key,
					    g->name);
				}
				parent = box[i];
			}
			actor_node(gc, parent, a);
		}
	}
	for (i = 0; i < npairs; i++) {
		const pair *p = &pairs[i];
		Agnode_t *a = gc->node[IT_ACTOR][p->from->index];
		Agnode_t *b = NULL;
		Agraph_t *to_box = NULL;
		Agedge_t *e;
		buf s = {0};
		char name[32];

		/* A message to a group ends at the group's box. */
		if (p->to->type == IT_GROUP) {
			to_box = box[p->to->index];
			b = to_box ? agfstnode(to_box) : NULL;
		} else {
			b = gc->node[IT_ACTOR][p->to->index];
		}
		if (a == NULL || b == NULL)
			continue;
		snprintf(name, sizeof(name), "pair%zu", i);
		e = agedge(gc->g, a, b, name, 1);
		if (to_box != NULL && p->from->group.to != p->to) {
			agsafeset(gc->g, "compound", "true", "");
			agsafeset(e, "lhead", agnameof(to_box), "");
		}
		buf_printf(&s, "%s%s--%s--%s", gc->o->id_prefix, p->from->id,
		    p->to->id, p->kind == 0 ? "to" : p->kind == 1 ? "for" :
		    "against");
		agsafeset(e, "id", s.s, "");
		agsafeset(e, "class", (char *)(p->kind == 0 ?
		    "link type-addressed" : p->kind == 1 ?
		    "link type-supports" : "link type-opposes"), "");
		s.len = 0;
		pair_label(gc, p, &s);
		{
			char *html = agstrdup_html(gc->g, s.s);

			agsafeset(e, "label", html, "");
			agstrfree(gc->g, html);
		}
		s.len = 0;
		pair_tooltip(gc, p, &s);
		agsafeset(e, "tooltip", s.s, "");
		if (p->kind == 2) {
			agsafeset(e, "arrowhead", "tee", "");
			agsafeset(e, "color", (char *)gc->th->against, "");
			gc->link_types[LT_OPPOSES] = true;
		} else if (p->kind == 1) {
			gc->link_types[LT_SUPPORTS] = true;
		} else {
			agsafeset(e, "arrowhead", "vee", "");
			gc->link_types[LT_LEADS_TO] = true;
			gc->addressed = true;
		}
		buf_free(&s);
	}
	for (i = 0; i < npairs; i++)
		free(pairs[i].what);
	free(pairs);
	free(box);
}
