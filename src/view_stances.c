/* stances: how positions on one question moved. A row per actor who
 * decided on it, a column per phase; in each cell that actor's decisions
 * on the question in that phase, marked by stance in shape, word and
 * colour; each actor's decisions joined in date order, a change of
 * position drawn as one heavy arrow, and the causes behind the change in
 * a note beside the decision where it happened.
 *
 * Rows and columns must stay aligned whatever the labels' sizes, which
 * dot's ranking cannot promise, so this view places every node itself on
 * a grid of fixed-size cells and lets Graphviz route only the edges
 * (the "nop" layout: positions as given, splines drawn around them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "views.h"

/* Sizes in points. */
#define HEAD_W 150.0            /* the column of actor names */
#define HEAD_H 48.0             /* the row of phase titles */
#define GAP 28.0                /* between cells */

static const struct {
	const char *word, *shape;
} stance_marks[] = {
	[ST_NONE] = {"", "box"},
	[ST_FOR] = {"\xe2\x9c\x94 FOR", "box"},
	[ST_AGAINST] = {"\xe2\x9c\x98 AGAINST", "octagon"},
	[ST_CONDITIONAL] = {"\xe2\x97\x90 CONDITIONAL", "hexagon"},
	[ST_UNDECIDED] = {"? UNDECIDED", "ellipse"},
};

static const char *
stance_color(graph_ctx *gc, stance s)
{
	switch (s) {
	case ST_FOR: return gc->th->approve;
	case ST_AGAINST: return gc->th->against;
	default: return gc->th->muted;
	}
}

static void
place(Agnode_t *n, double x, double y, double w, double h)
{
	char tmp[64];

	snprintf(tmp, sizeof(tmp), "%.1f,%.1f!", x, y);
	agsafeset(n, "pos", tmp, "");
	snprintf(tmp, sizeof(tmp), "%.3f", w / 72.0);
	agsafeset(n, "width", tmp, "");
	snprintf(tmp, sizeof(tmp), "%.3f", h / 72.0);
	agsafeset(n, "height", tmp, "");
	agsafeset(n, "fixedsize", "true", "");
}

/* A header: a phase over its column, or an actor before its row. */
static Agnode_t *
header(graph_ctx *gc, const char *name, const char *text, double x,
    double y, double w, double h, int wrap, int step)
{
	Agnode_t *n = agnode(gc->body, (char *)name, 1);
	buf b = {0};
	char *html;

	buf_puts(&b, "<B>");
	label_wrap_html(&b, text, wrap, 3, "<BR/>");
	buf_puts(&b, "</B>");
	html = agstrdup_html(gc->g, b.s);
	agsafeset(n, "label", html, "");
	agstrfree(gc->g, html);
	agsafeset(n, "shape", "plaintext", "");
	agsafeset(n, "class", "header", "");
	gc_step(gc, n, step);
	b.len = 0;
	buf_printf(&b, "%s%s", gc->o->id_prefix, name);
	agsafeset(n, "id", b.s, "");
	b.len = 0;
	label_attr(&b, text, 500);
	agsafeset(n, "tooltip", b.s, "");
	place(n, x, y, w, h);
	buf_free(&b);
	return n;
}

/* The causes for or against decision d that the selection shows, as one
 * note: a line or two for each. Returns its height in points. */
static double
why_label(graph_ctx *gc, const item *d, buf *html, buf *tip, int wrap)
{
	const model *m = gc->m;
	size_t k;
	int lines = 1;
	char small[32];

	gc_small_size(gc, small, sizeof(small));
	buf_printf(html, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">WHY IT "
	    "CHANGED</FONT>", small, gc->th->muted);
	buf_puts(tip, "Why it changed:");
	for (k = 0; k < m->nlinks; k++) {
		const relation *l = &m->links[k];
		buf line = {0};
		const char *p;

		if (!gc->sel->link[k] || l->to != d || l->from == NULL ||
		    l->from->type != IT_CAUSE)
			continue;
		buf_printf(html, "<BR ALIGN=\"LEFT\"/>%s ", l->type ==
		    LT_OPPOSES ? "\xe2\x80\x93" : "\xe2\x80\xa2");
		label_wrap_html(&line, l->from->text, wrap, 2,
		    "<BR ALIGN=\"LEFT\"/>  ");
		buf_puts(html, line.s ? line.s : "");
		for (p = line.s; p && (p = strstr(p, "<BR")) != NULL; p++)
			lines++;
		lines++;
		buf_printf(tip, "\n%s %s", l->type == LT_OPPOSES ? "against:" :
		    "for:", l->from->text);
		buf_free(&line);
	}
	buf_puts(html, "<BR ALIGN=\"LEFT\"/>");
	return lines > 1 ? lines * gc->o->font_size * 1.3 + 14 : 0;
}

static int
by_date(const void *pa, const void *pb)
{
	const item *a = *(const item *const *)pa;
	const item *b = *(const item *const *)pb;
	int c = date_cmp(&a->date, &b->date);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

void
view_stances(graph_ctx *gc)
{
	const model *m = gc->m;
	const item *q = gc->question;
	size_t nd = 0, i, j, k, nrows = 0, ncols, *row_of, *col_of;
	const item **ds = xcalloc(m->count[IT_DECISION] + 1, sizeof(*ds));
	const item **rows = xcalloc(m->count[IT_ACTOR] + 1, sizeof(*rows));
	bool *changed, *has_why, has_unphased = false;
	size_t *colmap;
	buf *why_html, *why_tip;          /* each change's note */
	double *why_h, *col_w, *col_x, *row_h, *row_y, *cell_h;
	double cell_w, why_w, dec_h, y0 = 0;
	int wrap = gc->o->wrap < 24 ? gc->o->wrap : 24;
	double fs = gc->o->font_size;

	for (i = 0; i < m->count[IT_DECISION]; i++) {
		const item *d = m->items[IT_DECISION][i];

		if (gc->sel->item[IT_DECISION][i] && d->on.to == q &&
		    d->actor.to != NULL)
			ds[nd++] = d;
	}
	qsort(ds, nd, sizeof(*ds), by_date);
	/* Rows in the order actors first decided. */
	for (i = 0; i < nd; i++) {
		for (j = 0; j < nrows; j++)
			if (rows[j] == ds[i]->actor.to)
				break;
		if (j == nrows)
			rows[nrows++] = ds[i]->actor.to;
		if (ds[i]->resolved_phase == NULL)
			has_unphased = true;
	}
	/* A column per selected phase, in order (so column k is step k),
	 * and one for decisions without a phase. */
	colmap = xcalloc(m->count[IT_PHASE] + 1, sizeof(size_t));
	ncols = 0;
	for (k = 0; k < m->count[IT_PHASE]; k++)
		if (gc->sel->phase[k])
			colmap[k] = ncols++;
	if (has_unphased || ncols == 0)
		ncols++;
	row_of = xcalloc(nd + 1, sizeof(size_t));
	col_of = xcalloc(nd + 1, sizeof(size_t));
	changed = xcalloc(nd + 1, sizeof(bool));
	why_h = xcalloc(nd + 1, sizeof(double));
	why_html = xcalloc(nd + 1, sizeof(buf));
	why_tip = xcalloc(nd + 1, sizeof(buf));
	has_why = xcalloc(ncols + 1, sizeof(bool));
	col_w = xcalloc(ncols + 1, sizeof(double));
	col_x = xcalloc(ncols + 2, sizeof(double));
	row_h = xcalloc(nrows + 1, sizeof(double));
	row_y = xcalloc(nrows + 2, sizeof(double));
	cell_h = xcalloc(nrows * ncols + 1, sizeof(double));

	/* Fixed sizes from the font: about 0.6 em a character. */
	/* The decisions' labels wrap at --wrap in bold; octagons and
	 * hexagons need room beside the text for their slanted sides. */
	cell_w = gc->o->wrap * fs * 0.66 + 56;
	why_w = (wrap + 4) * fs * 0.85 * 0.6 + 24;
	dec_h = fs * 1.3 * 5 + 16;
	for (i = 0; i < nd; i++) {
		for (j = 0; rows[j] != ds[i]->actor.to; j++)
			;
		row_of[i] = j;
		col_of[i] = ds[i]->resolved_phase ?
		    colmap[ds[i]->resolved_phase->number - 1] : ncols - 1;
		/* A change: this actor's previous decision had another
		 * stance. */
		for (k = i; k-- > 0;)
			if (ds[k]->actor.to == ds[i]->actor.to) {
				changed[i] = ds[k]->resolved_stance !=
				    ds[i]->resolved_stance;
				break;
			}
		if (changed[i]) {
			why_h[i] = why_label(gc, ds[i], &why_html[i],
			    &why_tip[i], wrap + 4);
			if (why_h[i] > 0)
				has_why[col_of[i]] = true;
		}
		cell_h[row_of[i] * ncols + col_of[i]] += (why_h[i] > dec_h ?
		    why_h[i] : dec_h) + GAP / 2;
	}
	/* Columns as wide as a decision, and its note where there is one;
	 * rows as high as their fullest cell. */
	col_x[0] = HEAD_W + GAP;
	for (k = 0; k < ncols; k++) {
		col_w[k] = cell_w + (has_why[k] ? GAP / 2 + why_w : 0);
		col_x[k + 1] = col_x[k] + col_w[k] + GAP;
	}
	for (j = 0; j < nrows; j++) {
		for (k = 0; k < ncols; k++)
			if (cell_h[j * ncols + k] > row_h[j])
				row_h[j] = cell_h[j * ncols + k];
		if (row_h[j] < dec_h)
			row_h[j] = dec_h;
		row_y[j + 1] = row_y[j] + row_h[j] + GAP;
	}

	/* Heads: phases across the top, actors down the side. */
	for (k = 0; k <= m->count[IT_PHASE]; k++) {
		char name[96], title[512];
		const item *p = k < m->count[IT_PHASE] ?
		    m->items[IT_PHASE][k] : NULL;
		size_t col = p ? colmap[k] : ncols - 1;

		if (p != NULL ? !gc->sel->phase[k] : !has_unphased)
			continue;
		snprintf(name, sizeof(name), "head-%s", p ? p->id :
		    "no-phase");
		if (p != NULL)
			snprintf(title, sizeof(title), "%zu. %s", k + 1,
			    p->title);
		else
			snprintf(title, sizeof(title), "Without a phase");
		header(gc, name, title, col_x[col] + cell_w / 2,
		    y0 - HEAD_H / 2, cell_w, HEAD_H, wrap + 4,
		    p ? (int)col + 1 : 1);
	}
	for (j = 0; j < nrows; j++) {
		char name[96];
		size_t first = 0;

		/* A row appears with its actor's first decision. */
		while (first < nd && row_of[first] != j)
			first++;
		snprintf(name, sizeof(name), "row-%s", rows[j]->id);
		header(gc, name, gc_actor_name(rows[j]), HEAD_W / 2,
		    y0 - HEAD_H - GAP - row_y[j] - dec_h / 2, HEAD_W, dec_h,
		    18, ds[first]->resolved_phase ? (int)col_of[first] + 1 : 1);
	}

	/* The decisions, stacked in their cells in date order, each change
	 * with its note beside it. */
	memset(cell_h, 0, (nrows * ncols + 1) * sizeof(double));
	for (i = 0; i < nd; i++) {
		const item *d = ds[i];
		size_t cell = row_of[i] * ncols + col_of[i];
		double x = col_x[col_of[i]] + cell_w / 2;
		double top = y0 - HEAD_H - GAP - row_y[row_of[i]] - cell_h[cell];
		Agnode_t *n = gc_node(gc, gc->body, d);
		stance s = d->resolved_stance;
		buf b = {0}, cls = {0};
		char *html, *old = agget(n, "label");

		/* The stance under the title, in its colour. */
		buf_printf(&b, "%s<BR/><FONT COLOR=\"%s\"><B>%s</B></FONT>",
		    old, stance_color(gc, s), stance_marks[s].word);
		html = agstrdup_html(gc->g, b.s);
		agsafeset(n, "label", html, "");
		agstrfree(gc->g, html);
		agsafeset(n, "shape", (char *)stance_marks[s].shape, "");
		agsafeset(n, "color", (char *)stance_color(gc, s), "");
		buf_printf(&cls, "%s stance-%s%s", agget(n, "class"),
		    model_stance_names[s], changed[i] ? " changed" : "");
		agsafeset(n, "class", cls.s, "");
		place(n, x, top - dec_h / 2, cell_w, dec_h);
		if (why_h[i] > 0) {
			buf t = {0};
			char name[96], size[32];
			Agnode_t *w;

			snprintf(name, sizeof(name), "why-%s", d->id);
			w = agnode(gc->body, name, 1);
			html = agstrdup_html(gc->g, why_html[i].s);
			agsafeset(w, "label", html, "");
			agstrfree(gc->g, html);
			agsafeset(w, "shape", "note", "");
			agsafeset(w, "style", "filled", "");
			agsafeset(w, "fillcolor", (char *)gc->th->node_fill, "");
			agsafeset(w, "color", (char *)gc->th->line, "");
			gc_small_size(gc, size, sizeof(size));
			agsafeset(w, "fontsize", size, "");
			buf_printf(&t, "%swhy-%s", gc->o->id_prefix, d->id);
			agsafeset(w, "id", t.s, "");
			agsafeset(w, "class", "why kind-cause", "");
			gc_step(gc, w, d->resolved_phase ?
			    (int)col_of[i] + 1 : 1);
			t.len = 0;
			label_attr(&t, why_tip[i].s, 4000);
			agsafeset(w, "tooltip", t.s, "");
			place(w, x + cell_w / 2 + GAP / 2 + why_w / 2,
			    top - why_h[i] / 2, why_w, why_h[i]);
			buf_free(&t);
		}
		cell_h[cell] += (why_h[i] > dec_h ? why_h[i] : dec_h) + GAP / 2;
		buf_free(&b);
		buf_free(&cls);
	}
	/* Each actor's path through the grid. */
	for (i = 0; i < nd; i++) {
		for (k = i + 1; k < nd; k++) {
			Agnode_t *a, *b;
			char name[64];
			Agedge_t *e;
			buf s = {0};

			if (ds[k]->actor.to != ds[i]->actor.to)
				continue;
			a = gc->node[IT_DECISION][ds[i]->index];
			b = gc->node[IT_DECISION][ds[k]->index];
			snprintf(name, sizeof(name), "path%zu", i);
			e = agedge(gc->g, a, b, name, 1);
			buf_printf(&s, "%s%s--%s", gc->o->id_prefix, ds[i]->id,
			    ds[k]->id);
			agsafeset(e, "id", s.s, "");
			agsafeset(e, "class", changed[k] ? "path changed" :
			    "path", "");
			agsafeset(e, "penwidth", changed[k] ? "3.5" : "1.2",
			    "");
			agsafeset(e, "color", changed[k] ? (char *)gc->th->text :
			    (char *)gc->th->muted, "");
			s.len = 0;
			label_attr(&s, changed[k] ? "changed position" :
			    "same position", 100);
			agsafeset(e, "tooltip", s.s, "");
			if (changed[k])
				gc->paths_changed = true;
			else
				gc->paths_same = true;
			buf_free(&s);
			break;
		}
	}
	agsafeset(gc->g, "layout", "nop", "");
	agsafeset(gc->g, "splines", "true", "");
	gc->positioned = true;
	gc->title_x = 0;
	gc->title_y = y0 + HEAD_H;
	/* The key goes below the grid in -T dot; for the layout, place.c
	 * puts it at the origin, the grid's top-left corner, left empty
	 * (the actors' column has no head). */
	gc->key_top = y0 - HEAD_H - GAP - row_y[nrows] - GAP;
	for (i = 0; i < nd; i++)
		gc->stances[ds[i]->resolved_stance] = true;
	free(ds);
	free(rows);
	free(row_of);
	free(col_of);
	free(changed);
	for (i = 0; i < nd; i++) {
		buf_free(&why_html[i]);
		buf_free(&why_tip[i]);
	}
	free(why_h);
	free(why_html);
	free(why_tip);
	free(has_why);
	free(col_w);
	free(col_x);
	free(row_h);
	free(row_y);
	free(cell_h);
	free(colmap);
}
