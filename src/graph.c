/* The graph stage's core: the graph and its attributes, and the edges
 * and clusters that the views (view_*.c) draw links and phases with
 * (graph_nodes.c makes the items' nodes): ids, classes and styles from
 * the theme. */
#include "graph.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "label.h"
#include "views.h"

static void keep_cites(graph_ctx *gc);

/* How each built-in view is drawn, in the order in which the model's
 * model_builtin_views names them: narrow views wrap their items' labels
 * narrower, and the stances view draws one question. */
static const struct {
	void (*build)(graph_ctx *);
	const char *direction;
	const char *title;
	bool narrow, question;
} views[] = {
	{view_overview, "TB", "Overview", true, false},
	{view_causes, "TB", "Causes", false, false},
	{view_arguments, "TB", "Arguments", true, false},
	{view_timeline, "TB", "Timeline", false, false},
	{view_stances, "TB", "Stances", false, true},
	{view_actors, "TB", "Actors", false, false},
};
#define NVIEWS (sizeof(views) / sizeof(views[0]))

/* The place of a built-in view in views[], or -1. */
static int
view_index(const char *name)
{
	int i = model_lookup(model_builtin_views, name);

	return i >= 0 && (size_t)i < NVIEWS ? i : -1;
}

const char *const gc_evidence_styles[] = {"solid", "dashed", "dotted"};

void
graph_defaults(graph_options *o)
{
	memset(o, 0, sizeof(*o));
	o->view = "overview";
	o->theme = "light";
	o->font = "DejaVu Sans";
	o->font_size = 14;
	o->wrap = 28;
	o->id_prefix = "kg-";
}

bool
graph_view_known(const char *name)
{
	return view_index(name) >= 0;
}

const char *
gc_view_title(const char *view)
{
	int i = view_index(view);

	return i >= 0 ? views[i].title : NULL;
}

void
gc_set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

void
gc_set_html(void *obj, const char *name, const char *value)
{
	Agraph_t *root = agroot(obj);
	char *s = agstrdup_html(root, (char *)value);

	agsafeset(obj, (char *)name, s, "");
	agstrfree(root, s);
}

void
gc_setf(void *obj, const char *name, double v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%.4g", v);
	gc_set(obj, name, tmp);
}

/* Every attribute a view or a later step may set is declared before any
 * object exists, so that all objects carry it and layout sees it. */
static void
declare(graph_ctx *gc)
{
	static const char *const graph_attrs[] = {"label", "labelloc",
	    "labeljust", "rankdir", "bgcolor", "fontname", "fontsize",
	    "fontcolor", "newrank", "nodesep", "ranksep", "pad", "id",
	    "class", "style", "color", "fillcolor", "penwidth", "tooltip",
	    "margin", "rank", "outputorder", "peripheries", NULL};
	static const char *const node_attrs[] = {"label", "shape", "style",
	    "fillcolor", "color", "fontcolor", "fontname", "fontsize",
	    "penwidth", "tooltip", "id", "class", "URL", "target", "margin",
	    "width", "height", "pos", "fixedsize", NULL};
	static const char *const edge_attrs[] = {"label", "style", "color",
	    "arrowhead", "arrowsize", "dir", "penwidth", "tooltip", "id",
	    "class", "constraint", "weight", "fontname", "fontsize",
	    "fontcolor", "minlen", "xlabel", NULL};
	const char *const *a;
	char fs[32];

	snprintf(fs, sizeof(fs), "%.4g", gc->o->font_size);
	for (a = graph_attrs; *a; a++)
		agattr(gc->g, AGRAPH, (char *)*a, "");
	for (a = node_attrs; *a; a++)
		agattr(gc->g, AGNODE, (char *)*a, "");
	for (a = edge_attrs; *a; a++)
		agattr(gc->g, AGEDGE, (char *)*a, "");
	/* Defaults that every object shares; clusters inherit the graph's
	 * font, or Graphviz falls back to Times. */
	agattr(gc->g, AGRAPH, "fontname", (char *)gc->o->font);
	agattr(gc->g, AGNODE, "fontname", (char *)gc->o->font);
	agattr(gc->g, AGEDGE, "fontname", (char *)gc->o->font);
	agattr(gc->g, AGRAPH, "fontsize", fs);
	agattr(gc->g, AGNODE, "fontsize", fs);
	agattr(gc->g, AGEDGE, "fontsize", fs);
	agattr(gc->g, AGRAPH, "fontcolor", (char *)gc->th->text);
	agattr(gc->g, AGNODE, "fontcolor", (char *)gc->th->text);
	agattr(gc->g, AGEDGE, "fontcolor", (char *)gc->th->muted);
	agattr(gc->g, AGNODE, "color", (char *)gc->th->line);
	agattr(gc->g, AGEDGE, "color", (char *)gc->th->line);
	agattr(gc->g, AGNODE, "margin", "0.12,0.06");
}

static int
item_order(const void *pa, const void *pb)
{
	const item *a = *(const item *const *)pa;
	const item *b = *(const item *const *)pb;
	int c = date_cmp(&a->date, &b->date);

	if (c != 0)
		return c;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

const item **
gc_items(graph_ctx *gc, unsigned mask, size_t *n)
{
	const model *m = gc->m;
	const item **v;
	size_t total = 0, i;
	int t;

	for (t = 0; t < IT__COUNT; t++)
		if (mask & TYPE_BIT(t))
			total += m->count[t];
	v = xcalloc(total + 1, sizeof(*v));
	*n = 0;
	for (t = 0; t < IT__COUNT; t++) {
		if (!(mask & TYPE_BIT(t)))
			continue;
		for (i = 0; i < m->count[t]; i++)
			if (gc->sel->item[t][i])
				v[(*n)++] = m->items[t][i];
	}
	qsort(v, *n, sizeof(*v), item_order);
	return v;
}

const char *
gc_actor_name(const item *actor)
{
	return actor->name ? actor->name : actor->id;
}

/* The actor an item is drawn for: a decision's actor, a cause's author,
 * an event's first actor. */
const item *
gc_item_actor(const item *it)
{
	if (it->actor.to)
		return it->actor.to;
	if (it->by.to)
		return it->by.to;
	if (it->actors.n > 0 && it->actors.v[0].to)
		return it->actors.v[0].to;
	return NULL;
}

const item *
gc_item_group(const item *it)
{
	const item *a = gc_item_actor(it);

	return a ? a->group.to : NULL;
}

/* A group's colour: its own, or the theme's palette in file order. */
const char *
gc_group_color(graph_ctx *gc, const item *g)
{
	if (g->color != NULL && gc->th->group_colors)
		return g->color;
	return gc->th->palette[g->index % THEME_PALETTE];
}

const char *
gc_group_fill(graph_ctx *gc, const item *g)
{
	/* A model's own colour is used for the border; fills stay the
	 * theme's tints so that text keeps its contrast. */
	return gc->th->fills[g->index % THEME_PALETTE];
}

void
gc_cite_marker(graph_ctx *gc, buf *b, const source_list *sl, bool html)
{
	size_t i;
	int count = 0;
	bool any_at = false;

	if (gc->o->no_citations || sl->n == 0)
		return;
	for (i = 0; i < sl->n; i++)
		any_at = any_at || (sl->v[i].at != NULL && sl->v[i].src.to);
	for (i = 0; i < sl->n; i++) {
		const item *s = sl->v[i].src.to;
		bool seen = false;
		size_t j;

		if (s == NULL)
			continue;
		/* A source cited twice at one place is one citation; at two
		 * places, two. */
		for (j = 0; j < i; j++)
			if (sl->v[j].src.to == s && (sl->v[j].at == sl->v[i].at ||
			    (sl->v[j].at != NULL && sl->v[i].at != NULL &&
			    strcmp(sl->v[j].at, sl->v[i].at) == 0)))
				seen = true;
		if (seen)
			continue;
		if (gc->cite[s->index] == 0) {
			gc->cite[s->index] = gc->cite_number[s->index];
			gc->cites++;
		}
		/* "[1,3]", or with locators "[1, n. 5; 3]". */
		buf_printf(b, "%s%d", count++ ? (any_at ? "; " : ",") : "[",
		    gc->cite[s->index]);
		if (sl->v[i].at != NULL) {
			buf_puts(b, ", ");
			if (html)
				label_html(b, sl->v[i].at);
			else
				buf_puts(b, sl->v[i].at);
		}
	}
	if (count > 0)
		buf_putc(b, ']');
}

/* How each link type is drawn; colour 'a' is the theme's "against",
 * 'm' its muted line, 0 the default line. */
static const struct {
	const char *arrowhead;
	double penwidth;
	char color;
} link_styles[] = {
	[LT_CAUSES] = {"normal", 3, 0},
	[LT_LEADS_TO] = {"vee", 1, 'm'},
	[LT_RESPONDS_TO] = {"onormal", 1.2, 'm'},
	[LT_SUPPORTS] = {"normal", 1.6, 0},
	[LT_OPPOSES] = {"tee", 1.6, 'a'},
};

Agedge_t *
gc_link(graph_ctx *gc, const relation *l)
{
	Agnode_t *a, *b;
	Agedge_t *e;
	buf s = {0};
	char name[32];
	const theme *th = gc->th;

	if (l->from == NULL || l->to == NULL)
		return NULL;
	a = gc->node[l->from->type][l->from->index];
	b = gc->node[l->to->type][l->to->index];
	if (a == NULL || b == NULL)
		return NULL;
	snprintf(name, sizeof(name), "link%zu", l->index);
	e = agedge(gc->g, a, b, name, 1);

	buf_printf(&s, "%s%s--%s", gc->o->id_prefix, l->from->id, l->to->id);
	/* Two links between the same items keep distinct ids. */
	if (gc->same[l->index] > 0)
		buf_printf(&s, "--%zu", gc->same[l->index] + 1);
	gc_set(e, "id", s.s);
	s.len = 0;
	buf_printf(&s, "link type-%s evidence-%s",
	    model_link_type_names[l->type], model_evidence_names[l->evidence]);
	if (l->resolved_phase) {
		buf_puts(&s, " phase-");
		label_token(&s, l->resolved_phase->id);
	}
	gc_set(e, "class", s.s);

	s.len = 0;
	buf_printf(&s, "%s %s %s", model_label(l->from),
	    l->type == LT_SUPPORTS ? "supports" : l->type == LT_OPPOSES ?
	    "opposes" : l->type == LT_CAUSES ? "causes" : l->type ==
	    LT_LEADS_TO ? "leads to" : "responds to", model_label(l->to));
	if (l->label)
		buf_printf(&s, " (%s)", l->label);
	if (l->note)
		buf_printf(&s, "\nNote: %s", l->note);
	{
		buf t = {0};
		size_t i;

		for (i = 0; i < l->sources.n; i++) {
			if (l->sources.v[i].src.to == NULL)
				continue;
			buf_puts(&s, i ? "\n" : "\nSources:\n");
			cite_at(&s, l->sources.v[i].src.to, gc->m->style,
			    l->sources.v[i].at);
		}
		label_attr(&t, s.s, 4000);
		gc_set(e, "tooltip", t.s);
		buf_free(&t);
	}

	gc_set(e, "style", gc_evidence_styles[l->evidence]);
	gc_set(e, "arrowhead", link_styles[l->type].arrowhead);
	gc_setf(e, "penwidth", link_styles[l->type].penwidth);
	if (link_styles[l->type].color == 'a')
		gc_set(e, "color", th->against);
	else if (link_styles[l->type].color == 'm')
		gc_set(e, "color", th->muted);
	s.len = 0;
	if (l->label) {
		label_wrap_html(&s, l->label, gc->o->wrap, LABEL_MAX_LINES,
		    "<BR/>");
	}
	{
		buf c = {0};

		gc_cite_marker(gc, &c, &l->sources, true);
		if (c.len > 0)
			buf_printf(&s, "%s%s", s.len ? " " : "", c.s);
		buf_free(&c);
	}
	if (s.len > 0)
		gc_set_html(e, gc->xlabels ? "xlabel" : "label", s.s);
	gc->link_types[l->type] = true;
	gc->evidence[l->evidence] = true;
	buf_free(&s);
	return e;
}

Agraph_t *
gc_cluster(graph_ctx *gc, Agraph_t *parent, const char *key,
    const char *title)
{
	buf b = {0};
	Agraph_t *c;

	buf_printf(&b, "cluster_%zu", gc->clusters++);
	c = agsubg(parent, b.s, 1);
	b.len = 0;
	buf_printf(&b, "%s-%s", gc->o->id_prefix, key);
	gc_set(c, "id", b.s);
	b.len = 0;
	buf_puts(&b, "cluster-");
	label_token(&b, key);
	gc_set(c, "class", b.s);
	b.len = 0;
	buf_puts(&b, "<B>");
	label_wrap_html(&b, title, gc->o->wrap * 2, LABEL_MAX_LINES, "<BR/>");
	buf_puts(&b, "</B>");
	gc_set_html(c, "label", b.s);
	b.len = 0;
	label_attr(&b, title, 1000);
	gc_set(c, "tooltip", b.s);
	gc_set(c, "style", "filled,rounded");
	gc_set(c, "fillcolor", gc->th->cluster_fill);
	gc_set(c, "color", gc->th->cluster_line);
	gc_set(c, "fontcolor", gc->th->text);
	gc_set(c, "labeljust", "l");
	gc_set(c, "margin", "12");
	buf_free(&b);
	return c;
}

/* The items' label width in the overview and the arguments, unless
 * --wrap is given. */
#define NARROW_WRAP 22

/* The most leaves of one item gc_spread_leaves puts in one rank. */
#define LEAVES_PER_RANK 4

/* True if e comes from a leaf: a node that nothing points at and that
 * points at one thing only. */
static bool
from_leaf(Agraph_t *g, Agedge_t *e)
{
	return agdegree(g, agtail(e), 1, 0) == 0 &&
	    agdegree(g, agtail(e), 0, 1) == 1;
}

void
gc_spread_leaves(graph_ctx *gc, Agnode_t *t)
{
	Agraph_t *g = gc->g;
	Agedge_t *e;
	size_t count = 0, k = 0, ranks;

	for (e = agfstin(g, t); e != NULL; e = agnxtin(g, e))
		if (from_leaf(g, e))
			count++;
	if (count <= LEAVES_PER_RANK)
		return;
	ranks = (count + LEAVES_PER_RANK - 1) / LEAVES_PER_RANK;
	for (e = agfstin(g, t); e != NULL; e = agnxtin(g, e)) {
		char len[24];

		if (!from_leaf(g, e))
			continue;
		snprintf(len, sizeof(len), "%zu", 1 + k++ % ranks);
		gc_set(e, "minlen", len);
	}
}

void
gc_order(graph_ctx *gc, Agnode_t *a, Agnode_t *b)
{
	Agedge_t *e = agedge(gc->g, a, b, NULL, 1);

	gc_set(e, "style", "invis");
	gc_set(e, "weight", "10");
	gc_set(e, "class", "order");
}

void
gc_small_size(const graph_ctx *gc, char *out, size_t outsize)
{
	/* A slide is read from the back of a room: its text has one size,
	 * and weight and colour tell the lines apart. */
	snprintf(out, outsize, "%.0f", gc->o->font_size *
	    (gc->o->page_slide ? 1 : 0.85));
}

/* Orders links by their two ends, then by their place in the model. */
static int
by_ends(const void *pa, const void *pb)
{
	const relation *a = *(const relation *const *)pa;
	const relation *b = *(const relation *const *)pb;
	const void *af = a->from, *bf = b->from, *at = a->to, *bt = b->to;

	if (af != bf)
		return (uintptr_t)af < (uintptr_t)bf ? -1 : 1;
	if (at != bt)
		return (uintptr_t)at < (uintptr_t)bt ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* For each link, how many earlier links join the same two items (in
 * n log n: a model may have a million links). */
static size_t *
count_same_links(const model *m)
{
	size_t *same = xcalloc(m->nlinks + 1, sizeof(size_t));
	const relation **v = xcalloc(m->nlinks + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < m->nlinks; i++)
		v[i] = &m->links[i];
	qsort(v, m->nlinks, sizeof(*v), by_ends);
	for (i = 1; i < m->nlinks; i++)
		if (v[i]->from == v[i - 1]->from && v[i]->to == v[i - 1]->to)
			same[v[i]->index] = same[v[i - 1]->index] + 1;
	free(v);
	return same;
}

/* Why the stances view of q has nothing to draw: no decision of the
 * model answers q (then say how to give one), or none of the selection:
 * then which phases have decisions on q, and which questions the
 * selection's decisions answer. */
static void
no_answer(graph_ctx *gc, const item *q)
{
	const model *m = gc->m;
	bool *phases = xcalloc(m->count[IT_PHASE] + 1, sizeof(bool));
	bool *others = xcalloc(m->count[IT_QUESTION] + 1, sizeof(bool));
	bool any = false;
	buf b = {0};
	size_t i, k = 0;

	for (i = 0; i < m->count[IT_DECISION]; i++) {
		const item *d = m->items[IT_DECISION][i];

		if (d->on.to == NULL || d->actor.to == NULL)
			continue;
		if (d->on.to == q) {
			any = true;
			if (d->resolved_phase)
				phases[d->resolved_phase->number - 1] = true;
		} else if (gc->sel->item[IT_DECISION][i]) {
			others[d->on.to->index] = true;
		}
	}
	buf_printf(&b, "no decision%s answers the question '%s' (%s)",
	    gc->sel->any ? " of the selection" : "", q->id, q->title);
	if (!any) {
		buf_printf(&b, ": give decisions 'on: %s'", q->id);
	} else {
		/* The model's, not the selection's: an actor filter may
		 * leave none of them. */
		for (i = 0; i < m->count[IT_PHASE]; i++)
			if (phases[i])
				buf_printf(&b, "%sphase %zu (%s)", k++ ? ", " :
				    "; the model's decisions on it are in ",
				    i + 1, m->items[IT_PHASE][i]->title);
		if (k == 0)
			buf_puts(&b, "; the model's decisions on it have no "
			    "phase");
		k = 0;
		for (i = 0; i < m->count[IT_QUESTION]; i++)
			if (others[i])
				buf_printf(&b, "%s'%s'", k++ ? ", " :
				    "; the selection's decisions answer "
				    "--question ", m->items[IT_QUESTION][i]->id);
	}
	snprintf(gc->err, gc->errsize, "%s", b.s);
	buf_free(&b);
	free(phases);
	free(others);
}

/* The stances view's question, or NULL with the reason in err. */
static const item *
stances_question(graph_ctx *gc)
{
	const model *m = gc->m;
	const item *q = NULL;
	size_t i;

	if (gc->o->question != NULL) {
		q = model_find(m, gc->o->question);
		if (q == NULL || q->type != IT_QUESTION) {
			buf b = {0};

			for (i = 0; i < m->count[IT_QUESTION]; i++)
				buf_printf(&b, "%s%s", i ? ", " : "",
				    m->items[IT_QUESTION][i]->id);
			snprintf(gc->err, gc->errsize, "unknown question '%s'; "
			    "valid: %s", gc->o->question, b.len ? b.s :
			    "none (the model has no questions)");
			buf_free(&b);
			return NULL;
		}
	} else if (m->count[IT_QUESTION] > 0) {
		q = m->items[IT_QUESTION][0];
	} else {
		snprintf(gc->err, gc->errsize, "the stances view needs a "
		    "question, and the model has none: add 'questions' and "
		    "'on' to the decisions that answer one");
		return NULL;
	}
	for (i = 0; i < m->count[IT_DECISION]; i++)
		if (gc->sel->item[IT_DECISION][i] &&
		    m->items[IT_DECISION][i]->on.to == q &&
		    m->items[IT_DECISION][i]->actor.to != NULL)
			return q;
	no_answer(gc, q);
	return NULL;
}

Agraph_t *
graph_build(const model *m, const selection *sel, const graph_options *o,
    char *err, size_t errsize)
{
	graph_ctx c = {0}, *gc = &c;
	int t, v = view_index(o->view);
	Agdesc_t desc = Agdirected;

	gc->m = m;
	gc->sel = sel;
	gc->o = o;
	gc->err = err;
	gc->errsize = errsize;
	if (v >= 0 && views[v].question &&
	    (gc->question = stances_question(gc)) == NULL)
		return NULL;
	/* The overview and the arguments lay their items out side by side,
	 * wider than a slide: narrower labels make them taller and narrower,
	 * which a 16:9 slide shows larger (README, slide fit). */
	gc->item_wrap = o->wrap;
	if (!o->wrap_given && o->wrap > NARROW_WRAP && v >= 0 &&
	    views[v].narrow)
		gc->item_wrap = NARROW_WRAP;
	gc->th = theme_find(o->theme);
	if (gc->th == NULL)
		gc->th = theme_find("light");
	for (t = 0; t < IT__COUNT; t++)
		gc->node[t] = xcalloc(m->count[t] + 1, sizeof(Agnode_t *));
	gc->cite = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	gc->cite_number = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	gc->cite_max = model_source_numbers(m, gc->cite_number);
	gc->groups = xcalloc(m->count[IT_GROUP] + 1, sizeof(bool));
	gc->same = count_same_links(m);
	gc->g = agopen("kgraph", desc, &graph_ids_disc);
	declare(gc);
	gc_set(gc->g, "bgcolor", o->transparent ? "transparent" :
	    gc->th->background);
	gc_set(gc->g, "nodesep", "0.3");
	gc_set(gc->g, "ranksep", "0.45");
	gc_set(gc->g, "pad", "0.3");
	gc_set(gc->g, "outputorder", "edgesfirst");
	if (o->page_w > 0 && o->page_h > 0) {
		/* place.c fits the drawing to the page; the canvas has no
		 * pad or device margin of its own then. */
		char page[96];

		snprintf(page, sizeof(page), "%.2f,%.2f,%.2f", o->page_w,
		    o->page_h, o->page_margin);
		gc_set(gc->g, "pad", "0");
		gc_set(gc->g, "margin", "0");
		gc_set(gc->g, GRAPH_PAGE_ATTR, page);
	}
	{
		buf b = {0};

		buf_printf(&b, "%s-graph", o->id_prefix);
		gc_set(gc->g, "id", b.s);
		b.len = 0;
		buf_puts(&b, "kgraph view-");
		label_token(&b, o->view);
		buf_printf(&b, " theme-%s", theme_name(gc->th));
		gc_set(gc->g, "class", b.s);
		buf_free(&b);
	}
	gc->body = gc->g;
	if (v >= 0) {
		gc_set(gc->g, "rankdir", o->direction ? o->direction :
		    views[v].direction);
		views[v].build(gc);
	}
	/* The title first, so that a title node is marked as shown from
	 * the first step. */
	gc_title(gc);
	if (o->steps)
		gc_mark_steps(gc);
	gc_key(gc);
	keep_cites(gc);
	for (t = 0; t < IT__COUNT; t++)
		free(gc->node[t]);
	free(gc->cite);
	free(gc->cite_number);
	free(gc->same);
	free(gc->groups);
	return gc->g;
}

/* The sources the picture cites, kept with the graph for those who put
 * pictures together (a deck's sources slide): a record, which no output
 * shows. */
#define CITES_REC "kg_cites"
typedef struct {
	Agrec_t h;
	int n;
	bool cited[];   /* by source index; in the record, which agclose
	                 * frees with the graph */
} cites_rec;

static void
keep_cites(graph_ctx *gc)
{
	size_t i, n = gc->m->count[IT_SOURCE];
	cites_rec *r = agbindrec(gc->g, CITES_REC, sizeof(cites_rec) + n + 1,
	    FALSE);

	r->n = (int)n;
	for (i = 0; i < n; i++)
		r->cited[i] = gc->cite[i] != 0;
}

bool
graph_cites(Agraph_t *g, size_t source)
{
	cites_rec *r = g ? (cites_rec *)aggetrec(g, CITES_REC, FALSE) : NULL;

	return r != NULL && source < (size_t)r->n && r->cited[source];
}

void
graph_free(Agraph_t *g)
{
	if (g != NULL)
		agclose(g);
}

void
graph_size(Agraph_t *g, long *nodes, long *edges)
{
	Agnode_t *n;
	Agedge_t *e;

	*nodes = *edges = 0;
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		(*nodes)++;
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			char *style = agget(e, "style");

			if (style == NULL || strcmp(style, "invis") != 0)
				(*edges)++;
		}
	}
}

const char *
graph_layout_engine(Agraph_t *g)
{
	const char *engine = agget(g, "layout");

	return engine && engine[0] ? engine : "dot";
}

void
graph_errors_keep(void)
{
	agseterr(AGMAX);
}

void
graph_errors_reset(void)
{
	agreseterrors();
}

int
graph_errors(void)
{
	return agerrors();
}

char *
graph_error_take(void)
{
	return aglasterr();
}

bool
graph_write_dot(Agraph_t *g, buf *out)
{
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	bool ok;

	if (fp == NULL)
		return false;
	ok = agwrite(g, fp) != EOF;
	if (fclose(fp) != 0)
		ok = false;
	if (data != NULL)
		buf_putn(out, data, len);
	free(data);
	return ok;
}
