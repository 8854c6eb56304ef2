#include "graph.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "views.h"

static const struct {
	const char *name;
	void (*build)(graph_ctx *);
	const char *direction;
	const char *title;
} views[] = {
	{"overview", view_overview, "TB", "Overview"},
	{"causes", view_causes, "LR", "Causes"},
	{"arguments", view_arguments, "TB", "Arguments"},
	{"timeline", view_timeline, "TB", "Timeline"},
	{"actors", view_actors, "TB", "Actors"},
	{"stances", view_stances, "TB", "Stances"},
};

static const char *const cause_kind_caps[] = {"REASON", "ARGUMENT",
    "OBJECTION", "FEAR", "CONDITION", "CONCLUSION"};
static const char *const evidence_styles[] = {"solid", "dashed", "dotted"};

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
	size_t i;

	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		if (strcmp(views[i].name, name) == 0)
			return true;
	return false;
}

/* Sets an attribute declared beforehand (see declare()). */
static void
set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

static void
set_html(void *obj, const char *name, const char *value)
{
	Agraph_t *root = agroot(obj);
	char *s = agstrdup_html(root, (char *)value);

	agsafeset(obj, (char *)name, s, "");
	agstrfree(root, s);
}

static void
setf(void *obj, const char *name, double v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%.4g", v);
	set(obj, name, tmp);
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
static const item *
item_actor(const item *it)
{
	if (it->actor.to)
		return it->actor.to;
	if (it->by.to)
		return it->by.to;
	if (it->actors.n > 0 && it->actors.v[0].to)
		return it->actors.v[0].to;
	return NULL;
}

static const item *
item_group(const item *it)
{
	const item *a = item_actor(it);

	return a ? a->group.to : NULL;
}

/* A group's colour: its own, or the theme's palette in file order. */
const char *
gc_group_color(graph_ctx *gc, const item *g)
{
	if (g->color != NULL && strcmp(gc->th->name, "print") != 0)
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

/* Numbers the item's sources in order of first appearance and appends
 * the marker "[1,3]"; nothing when citations are off. */
static void
cite_marker(graph_ctx *gc, buf *b, const source_list *sl, bool html)
{
	size_t i;
	int count = 0;

	if (gc->o->no_citations || sl->n == 0)
		return;
	for (i = 0; i < sl->n; i++) {
		const item *s = sl->v[i].src.to;
		bool seen = false;
		size_t j;

		if (s == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (sl->v[j].src.to == s)
				seen = true;
		if (seen)
			continue;
		if (gc->cite[s->index] == 0)
			gc->cite[s->index] = ++gc->cites;
		buf_printf(b, "%s%d", count++ ? "," : (html ? "[" : "["),
		    gc->cite[s->index]);
	}
	if (count > 0)
		buf_putc(b, ']');
}

static void
tooltip(void *obj, const item *it)
{
	buf raw = {0}, out = {0};
	char when[64];
	size_t i;

	buf_puts(&raw, model_label(it));
	if (it->text && it->text != model_label(it))
		buf_printf(&raw, "\n%s", it->text);
	if (it->quote)
		buf_printf(&raw, "\n\xe2\x80\x9c%s\xe2\x80\x9d", it->quote);
	date_show(&it->date, when, sizeof(when));
	if (when[0])
		buf_printf(&raw, "\n%s", when);
	if (it->note)
		buf_printf(&raw, "\nNote: %s", it->note);
	for (i = 0; i < it->sources.n; i++) {
		const item *s = it->sources.v[i].src.to;

		if (s == NULL)
			continue;
		buf_printf(&raw, "\n%s%s%s%s", i ? "" : "Sources:\n", s->cite,
		    it->sources.v[i].at ? ", " : "",
		    it->sources.v[i].at ? it->sources.v[i].at : "");
	}
	/* Folded YAML text ends in a newline: no blank lines. */
	{
		char *r = raw.s, *w = raw.s;

		for (; *r != '\0'; r++)
			if (!(*r == '\n' && (w == raw.s || w[-1] == '\n')))
				*w++ = *r;
		while (w > raw.s && w[-1] == '\n')
			w--;
		*w = '\0';
	}
	label_attr(&out, raw.s, 4000);
	set(obj, "tooltip", out.s);
	buf_free(&raw);
	buf_free(&out);
}

static void
classes(buf *b, const item *it)
{
	size_t i;

	buf_printf(b, "kind-%s", model_type_names[it->type]);
	if (it->type == IT_CAUSE)
		buf_printf(b, " cause-%s",
		    model_cause_kind_names[it->cause_kind]);
	if (it->resolved_phase) {
		buf_puts(b, " phase-");
		label_token(b, it->resolved_phase->id);
	}
	/* Every actor the item involves, and their groups, so that a page
	 * can select everything Kim did or was told. */
	{
		const item *seen[64];
		size_t nseen = 0, k, j;
		const ref *lists[4];
		size_t counts[4];

		lists[0] = &it->actor;
		counts[0] = 1;
		lists[1] = &it->by;
		counts[1] = 1;
		lists[2] = it->actors.v;
		counts[2] = it->actors.n;
		lists[3] = it->to_actors.v;
		counts[3] = it->to_actors.n;
		for (k = 0; k < 4; k++) {
			for (j = 0; j < counts[k]; j++) {
				const item *a = lists[k][j].to;
				size_t s;

				if (a == NULL || nseen == 64)
					continue;
				for (s = 0; s < nseen && seen[s] != a; s++)
					;
				if (s < nseen)
					continue;
				seen[nseen++] = a;
				buf_puts(b, " actor-");
				label_token(b, a->id);
			}
		}
		for (k = 0; k < nseen; k++) {
			const item *g = seen[k]->group.to;
			size_t s;

			for (s = 0; s < k && (seen[s]->group.to != g); s++)
				;
			if (g == NULL || s < k)
				continue;
			buf_puts(b, " group-");
			label_token(b, g->id);
		}
	}
	buf_printf(b, " evidence-%s", model_evidence_names[it->evidence]);
	if (it->type == IT_DECISION && it->outcome)
		buf_printf(b, " outcome-%s", model_outcome_names[it->outcome]);
	for (i = 0; i < it->tags.n; i++) {
		buf_puts(b, " tag-");
		label_token(b, it->tags.v[i]);
	}
}

static const char *const outcome_marks[] = {"", "\xe2\x9c\x94 APPROVED",
    "\xe2\x9c\x98 REJECTED", "\xe2\x80\x96 DEFERRED",
    "? REQUESTED", "\xe2\x96\xb6 ORDERED", "\xe2\x9c\x8e PROPOSED"};

static void
item_label(graph_ctx *gc, buf *b, const item *it)
{
	char when[64], small[32];
	const item *actor = item_actor(it);
	int wrap = gc->item_wrap;
	buf cites = {0};

	gc_small_size(gc, small, sizeof(small));
	date_show(&it->date, when, sizeof(when));
	cite_marker(gc, &cites, &it->sources, true);
	buf_puts(b, "<");
	if (it->type == IT_CAUSE) {
		buf_printf(b, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">%s", small,
		    gc->th->muted, cause_kind_caps[it->cause_kind]);
		if (it->by.to) {
			buf_puts(b, " \xc2\xb7 ");
			label_wrap_html(b, gc_actor_name(it->by.to), wrap, 1,
			    "");
		} else {
			buf_puts(b, " \xc2\xb7 inferred");
		}
		buf_puts(b, "</FONT><BR/>");
		label_wrap_html(b, it->text, wrap, 6, "<BR/>");
	} else {
		if (it->type == IT_DECISION)
			buf_puts(b, "<B>");
		label_wrap_html(b, it->title, wrap, 5, "<BR/>");
		if (it->type == IT_DECISION)
			buf_puts(b, "</B>");
		if (when[0] || (it->type == IT_DECISION && actor)) {
			buf_printf(b, "<BR/><FONT POINT-SIZE=\"%s\" "
			    "COLOR=\"%s\">", small, gc->th->muted);
			label_html(b, when);
			if (it->type == IT_DECISION && actor) {
				buf_puts(b, when[0] ? " \xc2\xb7 " : "");
				label_wrap_html(b, gc_actor_name(actor), wrap,
				    1, "");
			}
			buf_puts(b, "</FONT>");
		}
		if (it->type == IT_DECISION && it->outcome) {
			const char *color = it->outcome == OUT_APPROVED ?
			    gc->th->approve : it->outcome == OUT_REJECTED ?
			    gc->th->against : gc->th->muted;

			buf_printf(b, "<BR/><FONT POINT-SIZE=\"%s\" "
			    "COLOR=\"%s\"><B>%s</B></FONT>", small, color,
			    outcome_marks[it->outcome]);
		}
	}
	if (cites.len > 0)
		buf_printf(b, " <FONT POINT-SIZE=\"%s\" COLOR=\"%s\">%s"
		    "</FONT>", small, gc->th->muted, cites.s);
	buf_puts(b, ">");
	buf_free(&cites);
}

Agnode_t *
gc_node(graph_ctx *gc, Agraph_t *parent, const item *it)
{
	Agnode_t *n = gc->node[it->type][it->index];
	buf b = {0};
	const item *group = item_group(it);
	char style[64];

	if (n != NULL)
		return n;
	n = agnode(parent, (char *)it->id, 1);
	gc->node[it->type][it->index] = n;

	item_label(gc, &b, it);
	/* The label is "<...>": strip the brackets for an HTML string. */
	b.s[b.len - 1] = '\0';
	set_html(n, "label", b.s + 1);
	b.len = 0;

	buf_printf(&b, "%s%s", gc->o->id_prefix, it->id);
	set(n, "id", b.s);
	b.len = 0;
	classes(&b, it);
	set(n, "class", b.s);
	tooltip(n, it);
	if (it->url) {
		b.len = 0;
		label_url(&b, it->url);
		set(n, "URL", b.s);
		set(n, "target", "_top");
	}

	snprintf(style, sizeof(style), "filled,%s%s%s",
	    it->type == IT_EVENT ? "rounded," : "",
	    it->type == IT_DECISION ? "bold," : "",
	    evidence_styles[it->evidence]);
	set(n, "style", style);
	set(n, "shape", it->type == IT_CAUSE ? "note" : "box");
	set(n, "fillcolor", group ? gc_group_fill(gc, group) : gc->th->node_fill);
	set(n, "color", group ? gc_group_color(gc, group) : gc->th->line);
	setf(n, "penwidth", it->type == IT_DECISION ? 2.5 : 1.2);

	gc->kinds[it->type == IT_CAUSE ? LEGEND_CAUSE((int)it->cause_kind) :
	    (int)it->type] = true;
	gc->evidence[it->evidence] = true;
	if (group)
		gc->groups[group->index] = true;
	else
		gc->ungrouped = true;
	buf_free(&b);
	return n;
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
	set(e, "id", s.s);
	s.len = 0;
	buf_printf(&s, "link type-%s evidence-%s",
	    model_link_type_names[l->type], model_evidence_names[l->evidence]);
	if (l->resolved_phase) {
		buf_puts(&s, " phase-");
		label_token(&s, l->resolved_phase->id);
	}
	set(e, "class", s.s);

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

		for (i = 0; i < l->sources.n; i++)
			if (l->sources.v[i].src.to)
				buf_printf(&s, "\n%s%s%s%s", i ? "" :
				    "Sources:\n", l->sources.v[i].src.to->cite,
				    l->sources.v[i].at ? ", " : "",
				    l->sources.v[i].at ? l->sources.v[i].at :
				    "");
		label_attr(&t, s.s, 4000);
		set(e, "tooltip", t.s);
		buf_free(&t);
	}

	set(e, "style", evidence_styles[l->evidence]);
	set(e, "arrowhead", link_styles[l->type].arrowhead);
	setf(e, "penwidth", link_styles[l->type].penwidth);
	if (link_styles[l->type].color == 'a')
		set(e, "color", th->against);
	else if (link_styles[l->type].color == 'm')
		set(e, "color", th->muted);
	s.len = 0;
	if (l->label) {
		label_wrap_html(&s, l->label, gc->o->wrap, 2, "<BR/>");
	}
	{
		buf c = {0};

		cite_marker(gc, &c, &l->sources, true);
		if (c.len > 0)
			buf_printf(&s, "%s%s", s.len ? " " : "", c.s);
		buf_free(&c);
	}
	if (s.len > 0)
		set_html(e, gc->xlabels ? "xlabel" : "label", s.s);
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
	buf_printf(&b, "%s%s", gc->o->id_prefix, key);
	set(c, "id", b.s);
	b.len = 0;
	buf_puts(&b, "cluster-");
	label_token(&b, key);
	set(c, "class", b.s);
	b.len = 0;
	buf_puts(&b, "<B>");
	label_wrap_html(&b, title, gc->o->wrap * 2, 2, "<BR/>");
	buf_puts(&b, "</B>");
	set_html(c, "label", b.s);
	b.len = 0;
	label_attr(&b, title, 1000);
	set(c, "tooltip", b.s);
	set(c, "style", "filled,rounded");
	set(c, "fillcolor", gc->th->cluster_fill);
	set(c, "color", gc->th->cluster_line);
	set(c, "fontcolor", gc->th->text);
	set(c, "labeljust", "l");
	set(c, "margin", "12");
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
		set(e, "minlen", len);
	}
}

void
gc_order(graph_ctx *gc, Agnode_t *a, Agnode_t *b)
{
	Agedge_t *e = agedge(gc->g, a, b, NULL, 1);

	set(e, "style", "invis");
	set(e, "weight", "10");
	set(e, "class", "order");
}

/* "Phase 2 of 3: Kim insists on war" and the other filters, for the
 * title. */
static void
filter_text(graph_ctx *gc, buf *b)
{
	const model *m = gc->m;
	const sel_filters *f = gc->o->filters;
	size_t i, shown = 0, first = 0, nphases = m->count[IT_PHASE];

	if (f == NULL)
		return;
	if (f->phases && f->phases[0]) {
		for (i = 0; i < nphases; i++)
			if (gc->sel->phase[i]) {
				if (shown++ == 0)
					first = i;
			}
		if (shown == 1)
			buf_printf(b, "Phase %zu of %zu: %s", first + 1,
			    nphases, m->items[IT_PHASE][first]->title);
		else if (shown > 1 && shown < nphases)
			buf_printf(b, "Phases %s of %zu", f->phases, nphases);
	}
#define PART(field, name) do { if (f->field && f->field[0]) \
	buf_printf(b, "%s%s %s", b->len ? "; " : "", name, f->field); \
	} while (0)
	PART(actors, "actor");
	PART(groups, "group");
	PART(kinds, "kind");
	PART(tags, "tag");
	PART(since, "since");
	PART(until, "until");
	PART(evidence, "at least");
	PART(focus, "around");
#undef PART
}

static void
add_title(graph_ctx *gc)
{
	buf b = {0}, f = {0};
	const char *view_title = gc->o->view_title;
	size_t i;
	char big[32];

	if (gc->o->no_title)
		return;
	for (i = 0; view_title == NULL &&
	    i < sizeof(views) / sizeof(views[0]); i++)
		if (strcmp(views[i].name, gc->o->view) == 0)
			view_title = views[i].title;
	snprintf(big, sizeof(big), "%.3g", gc->o->font_size * 1.5);
	/* Each line ends in a left-aligned break, or Graphviz centres it. */
	buf_printf(&b, "<FONT POINT-SIZE=\"%s\"><B>", big);
	label_wrap_html(&b, gc->o->title ? gc->o->title : gc->m->title,
	    gc->o->wrap * 3, 2, "<BR ALIGN=\"LEFT\"/>");
	buf_puts(&b, "</B></FONT><BR ALIGN=\"LEFT\"/>");
	if (gc->o->title == NULL) {
		filter_text(gc, &f);
		label_html(&b, view_title);
		if (gc->question != NULL) {
			buf_puts(&b, ": ");
			label_wrap_html(&b, gc->question->title,
			    gc->o->wrap * 3, 2, "<BR ALIGN=\"LEFT\"/>");
		}
		if (f.len > 0) {
			buf_puts(&b, " \xe2\x80\x94 ");
			label_wrap_html(&b, f.s, gc->o->wrap * 3, 2,
			    "<BR ALIGN=\"LEFT\"/>");
		}
		buf_puts(&b, "<BR ALIGN=\"LEFT\"/>");
	}
	if (gc->positioned) {
		/* The view placed everything; the title is a node at its
		 * place, left-aligned in a table of a width that holds it. */
		Agnode_t *n = agnode(gc->g, "kgraph_title", 1);
		buf t = {0};
		size_t longest = strlen(gc->o->title ? gc->o->title :
		    gc->m->title);
		double w, fs = gc->o->font_size;
		char pos[64];

		if (longest > (size_t)gc->o->wrap * 3)
			longest = (size_t)gc->o->wrap * 3;
		w = longest * fs * 1.5 * 0.62 + 24;
		/* The second line, in the base size, may be the longer. */
		if (gc->question != NULL) {
			size_t second = strlen(view_title) + 2 +
			    strlen(gc->question->title);
			double w2;

			if (second > (size_t)gc->o->wrap * 3)
				second = (size_t)gc->o->wrap * 3;
			w2 = second * fs * 0.62 + 24;
			if (w2 > w)
				w = w2;
		}
		buf_printf(&t, "<TABLE BORDER=\"0\" CELLPADDING=\"0\" "
		    "WIDTH=\"%.0f\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
		    "%s</TD></TR></TABLE>", w, b.s);
		set_html(n, "label", t.s);
		set(n, "shape", "plaintext");
		set(n, "class", "title");
		t.len = 0;
		buf_printf(&t, "%stitle", gc->o->id_prefix);
		set(n, "id", t.s);
		snprintf(pos, sizeof(pos), "%.1f,%.1f!", gc->title_x + w / 2,
		    gc->title_y + fs * 2.5);
		set(n, "pos", pos);
		buf_free(&t);
	} else {
		set_html(gc->g, "label", b.s);
		set(gc->g, "labelloc", "t");
		set(gc->g, "labeljust", "l");
	}
	buf_free(&b);
	buf_free(&f);
}

void
gc_small_size(const graph_ctx *gc, char *out, size_t outsize)
{
	snprintf(out, outsize, "%.0f", gc->o->font_size * 0.85);
}

static const char *const kind_words[] = {"", "", "", "", "", "event",
    "decision", "cause", ""};

/* The key (legend and sources) as a node that takes no room in the
 * layout: a point with no edges, whose label place.c moves after the
 * layout below the diagram or beside it, whichever lets the picture fill
 * more of a 16:9 slide. (Edges to it would pull a rank of virtual nodes
 * through the diagram, and rank=sink does not hold under newrank in
 * Graphviz 2.43.) */
static void
key_node(graph_ctx *gc, const char *html, int lines)
{
	Agnode_t *key = agnode(gc->g, GRAPH_KEY_NODE, 1);
	buf b = {0};

	set_html(key, "label", html);
	set(key, "shape", "plain");
	if (gc->positioned) {
		/* The renderer moves it; in -T dot it stands below the
		 * view's nodes, its height guessed high from its lines, so
		 * that nop's edges need not avoid it. */
		char pos[64];

		snprintf(pos, sizeof(pos), "0,%.1f!", gc->key_top -
		    lines * 20.0);
		set(key, "pos", pos);
	}
	buf_printf(&b, "%skey", gc->o->id_prefix);
	set(key, "id", b.s);
	set(key, "class", "key");
	set(key, "tooltip", "Legend and sources");
	buf_free(&b);
}

/* The sources box's columns: more than six sources take three, so that a
 * long list under a wide diagram stays low. */
static int
source_columns(const graph_ctx *gc)
{
	return gc->cites > 6 ? 3 : 2;
}

/* A legend swatch's size: fixed, so that a column widened by the sources
 * under it does not stretch the box. */
#define SWATCH "FIXEDSIZE=\"TRUE\" WIDTH=\"30\" HEIGHT=\"20\""

/* Legend entries: a swatch cell and a label cell each. */
typedef struct {
	buf swatch[64], text[64];
	int n;
} legend;

static void
legend_add(legend *lg, const char *text)
{
	if (lg->n >= 64)
		return;
	label_html(&lg->text[lg->n], text);
	lg->n++;
}

/* The legend and the sources box, as one HTML table in a node placed
 * after everything else: the legend's entries in rows of a few, the
 * sources in two columns, so that the key is wide and low like a slide. */
static void
add_key(graph_ctx *gc)
{
	const model *m = gc->m;
	const theme *th = gc->th;
	legend lg;
	buf b = {0};
	char small[32];
	size_t i;
	int k, per_row = 6;
	bool legend_on = !gc->o->no_legend, sources = !gc->o->no_citations &&
	    gc->cites > 0;
	memset(&lg, 0, sizeof(lg));
	gc_small_size(gc, small, sizeof(small));
	if (legend_on) {
		for (k = IT_EVENT; k <= IT_DECISION; k++) {
			if (!gc->kinds[k])
				continue;
			buf_printf(&lg.swatch[lg.n], "<TD BORDER=\"%d\" "
			    "STYLE=\"%s\" COLOR=\"%s\" BGCOLOR=\"%s\" "
			    SWATCH "></TD>", k == IT_DECISION ? 3 : 1,
			    k == IT_EVENT ? "rounded" : "solid", th->line,
			    th->node_fill);
			legend_add(&lg, kind_words[k]);
		}
		for (k = ST_FOR; k <= ST_UNDECIDED; k++) {
			static const char *const marks[] = {"", "\xe2\x9c\x94",
			    "\xe2\x9c\x98", "\xe2\x97\x90", "?"};
			static const char *const words[] = {"",
			    "for (box)", "against (octagon)",
			    "conditional (hexagon)", "undecided (oval)"};

			if (!gc->stances[k])
				continue;
			buf_printf(&lg.swatch[lg.n], "<TD><FONT COLOR=\"%s\">"
			    "<B>%s</B></FONT></TD>", k == ST_FOR ? th->approve :
			    k == ST_AGAINST ? th->against : th->muted,
			    marks[k]);
			legend_add(&lg, words[k]);
		}
		if (gc->paths_changed) {
			buf_printf(&lg.swatch[lg.n], "<TD>\xe2\x94\x81\xe2\x94"
			    "\x81\xe2\x96\xb6</TD>");
			legend_add(&lg, "changed position");
		}
		if (gc->paths_same) {
			buf_printf(&lg.swatch[lg.n], "<TD><FONT COLOR=\"%s\">"
			    "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6</FONT></TD>",
			    th->muted);
			legend_add(&lg, "same position");
		}
		/* Every cause names its kind in capitals; the legend says so
		 * once, with the kinds the view shows. */
		{
			buf kinds = {0};

			for (k = 0; k < CK__COUNT; k++)
				if (gc->kinds[LEGEND_CAUSE(k)])
					buf_printf(&kinds, "%s%s", kinds.len ?
					    ", " : "cause: ",
					    model_cause_kind_names[k]);
			if (kinds.len > 0) {
				buf_printf(&lg.swatch[lg.n], "<TD BORDER=\"1\" "
				    "COLOR=\"%s\" BGCOLOR=\"%s\"><FONT "
				    "POINT-SIZE=\"%s\">KIND</FONT></TD>",
				    th->line, th->node_fill, small);
				legend_add(&lg, kinds.s);
			}
			buf_free(&kinds);
		}
		for (k = 0; k < 5; k++) {
			static const char *const glyph[] = {
			    "\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6",
			    "\xe2\x94\x80\xe2\x94\x80\xe2\x80\xba",
			    "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb7",
			    "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6",
			    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\xa4"};
			static const char *const words[] = {"causes",
			    "leads to", "responds to", "for",
			    "against"};

			if (!gc->link_types[k])
				continue;
			if (k == LT_LEADS_TO && gc->addressed) {
				buf_printf(&lg.swatch[lg.n], "<TD>%s</TD>",
				    glyph[k]);
				legend_add(&lg, "addressed to");
				continue;
			}
			buf_printf(&lg.swatch[lg.n], "<TD><FONT COLOR=\"%s\">"
			    "%s</FONT></TD>", k == LT_OPPOSES ? th->against :
			    th->line, glyph[k]);
			legend_add(&lg, words[k]);
		}
		for (k = 0; k < 3; k++) {
			static const char *const glyph[] = {
			    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80",
			    "\xe2\x95\x8c\xe2\x95\x8c\xe2\x95\x8c",
			    "\xe2\x94\x88\xe2\x94\x88\xe2\x94\x88"};
			static const char *const words[] = {"documented",
			    "reported", "inferred"};

			if (!gc->evidence[k])
				continue;
			buf_printf(&lg.swatch[lg.n], "<TD>%s</TD>", glyph[k]);
			legend_add(&lg, words[k]);
		}
		for (i = 0; i < m->count[IT_GROUP]; i++) {
			const item *g = m->items[IT_GROUP][i];

			if (!gc->groups[i] || lg.n >= 64)
				continue;
			buf_printf(&lg.swatch[lg.n], "<TD BORDER=\"2\" "
			    "COLOR=\"%s\" BGCOLOR=\"%s\" " SWATCH "></TD>",
			    gc_group_color(gc, g), gc_group_fill(gc, g));
			label_wrap_html(&lg.text[lg.n], g->name, gc->o->wrap,
			    2, "<BR/>");
			lg.n++;
		}
	}
	if (lg.n == 0 && !sources)
		return;
	buf_printf(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\""
	    " CELLPADDING=\"2\">");
	if (lg.n > 0) {
		buf_printf(&b, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%d\"><B>Legend"
		    "</B></TD></TR>", 2 * per_row);
		for (k = 0; k < lg.n; k++) {
			if (k % per_row == 0)
				buf_puts(&b, "<TR>");
			buf_printf(&b, "%s<TD ALIGN=\"LEFT\">%s</TD>",
			    lg.swatch[k].s, lg.text[k].s);
			if (k % per_row == per_row - 1 || k == lg.n - 1)
				buf_puts(&b, "</TR>");
		}
	}
	if (sources) {
		int num, col = 0, columns = source_columns(gc);
		int span = 2 * per_row / columns;

		buf_printf(&b, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%d\"><B>"
		    "Sources</B></TD></TR>", 2 * per_row);
		for (num = 1; num <= gc->cites; num++) {
			for (i = 0; i < m->count[IT_SOURCE]; i++) {
				const item *s = m->items[IT_SOURCE][i];
				buf t = {0};

				if (gc->cite[i] != num)
					continue;
				buf_puts(&t, s->cite);
				if (s->archive)
					buf_printf(&t, " (%s)", s->archive);
				if (col == 0)
					buf_puts(&b, "<TR>");
				buf_printf(&b, "<TD ALIGN=\"RIGHT\" "
				    "VALIGN=\"TOP\"><FONT POINT-SIZE=\"%s\">"
				    "[%d]</FONT></TD><TD ALIGN=\"LEFT\" "
				    "BALIGN=\"LEFT\" VALIGN=\"TOP\" COLSPAN=\"%d\">"
				    "<FONT POINT-SIZE=\"%s\">", small, num,
				    span - 1, small);
				label_wrap_html(&b, t.s, gc->o->wrap * 2, 4,
				    "<BR/>");
				buf_puts(&b, "</FONT></TD>");
				if (++col == columns) {
					buf_puts(&b, "</TR>");
					col = 0;
				}
				buf_free(&t);
			}
		}
		if (col != 0)
			buf_printf(&b, "<TD COLSPAN=\"%d\"></TD></TR>",
			    (columns - col) * span);
	}
	buf_puts(&b, "</TABLE>");
	for (k = 0; k < 64; k++) {
		buf_free(&lg.swatch[k]);
		buf_free(&lg.text[k]);
	}
	key_node(gc, b.s, 2 + 2 * (lg.n + per_row - 1) / per_row +
	    (sources ? 4 * (gc->cites + 2) / source_columns(gc) : 0));
	buf_free(&b);
}

/* Appends " step-N" to an object's class. */
static void
add_step_class(void *obj, int step)
{
	char *old = agget(obj, "class");
	buf b = {0};

	buf_printf(&b, "%s%sstep-%d", old ? old : "", old && old[0] ? " " :
	    "", step);
	set(obj, "class", b.s);
	buf_free(&b);
}

/* A cluster's step: the earliest of its nodes' (step is indexed by the
 * nodes' sequence numbers). */
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
	if (least > 0)
		add_step_class(sub, least);
}

int
graph_step_of_class(const char *cls)
{
	const char *p = cls;

	while (p != NULL && (p = strstr(p, "step-")) != NULL) {
		if ((p == cls || p[-1] == ' ') && p[5] >= '0' && p[5] <= '9')
			return atoi(p + 5);
		p += 5;
	}
	return 0;
}

void
gc_step(graph_ctx *gc, Agnode_t *n, int step)
{
	size_t seq = (size_t)AGSEQ(n);

	if (!gc->o->steps)
		return;
	if (seq >= gc->view_steps) {
		size_t more = seq * 2 + 16;

		gc->view_step = xrealloc(gc->view_step, more * sizeof(int));
		memset(gc->view_step + gc->view_steps, 0,
		    (more - gc->view_steps) * sizeof(int));
		gc->view_steps = more;
	}
	gc->view_step[seq] = step;
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

/* The step of every node (its phase's place among the selected phases;
 * for what has no phase, the earliest step of what it is linked to),
 * every edge (the later of its ends) and every cluster (the earliest of
 * its nodes), written as a step-N class. The count goes in the graph's
 * class as steps-N. */
static void
mark_steps(graph_ctx *gc)
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
		if (step[AGSEQ(n)] == 0 && (size_t)AGSEQ(n) < gc->view_steps)
			step[AGSEQ(n)] = gc->view_step[AGSEQ(n)];
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
		add_step_class(n, step[AGSEQ(n)]);
	}
	for (n = agfstnode(gc->g); n != NULL; n = agnxtnode(gc->g, n)) {
		for (e = agfstout(gc->g, n); e != NULL; e = agnxtout(gc->g, e)) {
			int a = step[AGSEQ(agtail(e))], b = step[AGSEQ(aghead(e))];

			add_step_class(e, a > b ? a : b);
		}
	}
	for (sub = agfstsubg(gc->g); sub != NULL; sub = agnxtsubg(sub))
		mark_cluster_steps(sub, step);
	{
		char *old = agget(gc->g, "class");
		buf b = {0};

		buf_printf(&b, "%s steps-%d", old ? old : "", count);
		set(gc->g, "class", b.s);
		buf_free(&b);
	}
	free(of_phase);
	free(step);
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
	snprintf(gc->err, gc->errsize, "no decision%s answers the question "
	    "'%s' (%s): give decisions 'on: %s'", gc->sel->any ?
	    " of the selection" : "", q->id, q->title, q->id);
	return NULL;
}

Agraph_t *
graph_build(const model *m, const selection *sel, const graph_options *o,
    char *err, size_t errsize)
{
	graph_ctx c = {0}, *gc = &c;
	size_t i;
	int t;
	Agdesc_t desc = Agdirected;

	gc->m = m;
	gc->sel = sel;
	gc->o = o;
	gc->err = err;
	gc->errsize = errsize;
	if (strcmp(o->view, "stances") == 0 &&
	    (gc->question = stances_question(gc)) == NULL)
		return NULL;
	/* The overview and the arguments lay their items out side by side,
	 * wider than a slide: narrower labels make them taller and narrower,
	 * which a 16:9 slide shows larger (README, slide fit). */
	gc->item_wrap = o->wrap;
	if (!o->wrap_given && o->wrap > NARROW_WRAP &&
	    (strcmp(o->view, "overview") == 0 ||
	    strcmp(o->view, "arguments") == 0))
		gc->item_wrap = NARROW_WRAP;
	gc->th = theme_find(o->theme);
	if (gc->th == NULL)
		gc->th = theme_find("light");
	for (t = 0; t < IT__COUNT; t++)
		gc->node[t] = xcalloc(m->count[t] + 1, sizeof(Agnode_t *));
	gc->cite = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	gc->groups = xcalloc(m->count[IT_GROUP] + 1, sizeof(bool));
	gc->same = count_same_links(m);
	gc->g = agopen("kgraph", desc, NULL);
	declare(gc);
	set(gc->g, "bgcolor", o->transparent ? "transparent" :
	    gc->th->background);
	set(gc->g, "nodesep", "0.3");
	set(gc->g, "ranksep", "0.45");
	set(gc->g, "pad", "0.3");
	set(gc->g, "outputorder", "edgesfirst");
	{
		buf b = {0};

		buf_printf(&b, "%sgraph", o->id_prefix);
		set(gc->g, "id", b.s);
		b.len = 0;
		buf_puts(&b, "kgraph view-");
		label_token(&b, o->view);
		buf_printf(&b, " theme-%s", gc->th->name);
		set(gc->g, "class", b.s);
		buf_free(&b);
	}
	gc->body = gc->g;
	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		if (strcmp(views[i].name, o->view) == 0) {
			set(gc->g, "rankdir", o->direction ? o->direction :
			    views[i].direction);
			views[i].build(gc);
			break;
		}
	}
	if (o->steps)
		mark_steps(gc);
	add_title(gc);
	add_key(gc);
	for (t = 0; t < IT__COUNT; t++)
		free(gc->node[t]);
	free(gc->cite);
	free(gc->same);
	free(gc->view_step);
	free(gc->groups);
	return gc->g;
}

void
graph_free(Agraph_t *g)
{
	if (g != NULL)
		agclose(g);
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
	int step = graph_step_of_class(agget(obj, "class"));
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
	char *cls = agget(g, "class");
	const char *p = cls ? strstr(cls, "steps-") : NULL;

	return p ? atoi(p + 6) : 1;
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
			set(o->obj, "style", o->style);
			set(o->obj, "color", o->color);
			set(o->obj, "fillcolor", o->fillcolor);
			set(o->obj, "fontcolor", o->fontcolor);
		} else if (!dim) {
			set(o->obj, "style", "invis");
		} else {
			/* Layout fixed the text's colour; shapes and lines
			 * fade, and the SVG writer fades the rest. */
			faded(tmp, sizeof(tmp), o->color[0] ? o->color :
			    "#808080");
			set(o->obj, "color", tmp);
			if (o->fillcolor[0]) {
				faded(tmp, sizeof(tmp), o->fillcolor);
				set(o->obj, "fillcolor", tmp);
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
