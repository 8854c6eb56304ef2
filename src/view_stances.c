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
#define WHY_LINES 400           /* the most lines of one cause in a note */

static const struct {
	const char *word, *shape;
} stance_marks[] = {
	[ST_NONE] = {"", "box"},
	[ST_FOR] = {"\xe2\x9c\x94 FOR", "box"},
	[ST_AGAINST] = {"\xe2\x9c\x98 AGAINST", "octagon"},
	[ST_CONDITIONAL] = {"\xe2\x97\x90 CONDITIONAL", "hexagon"},
	[ST_UNDECIDED] = {"? UNDECIDED", "ellipse"},
};

/* True if d's shape (an octagon, a hexagon or an oval) narrows above and
 * below its middle, where its title's first lines stand. */
static bool
narrows(const item *d)
{
	return strcmp(stance_marks[d->resolved_stance].shape, "box") != 0;
}

/* The columns a decision's title wraps at: four fifths of the width in a
 * shape that narrows. */
static int
title_wrap(const graph_ctx *gc, const item *d)
{
	return narrows(d) ? gc->item_wrap * 4 / 5 : gc->item_wrap;
}

/* The height a decision's cell needs for its label (the title, at most
 * five lines; the date, the outcome and the stance), as Graphviz sets
 * the lines, about 1.1 of their size apart: a box holds it with a
 * margin, a shape that narrows keeps it within the middle three
 * quarters of its height, where it is wide enough. */
static double
label_height(const graph_ctx *gc, const item *d, double fs)
{
	buf t = {0};
	double h;
	int lines = 1;
	size_t k;

	label_wrap_html(&t, d->title, title_wrap(gc, d), 5, "\n");
	for (k = 0; k < t.len; k++)
		lines += t.s[k] == '\n';
	buf_free(&t);
	h = (lines + 1 + (d->outcome ? 1 : 0) + 1) * fs * 1.1;
	return narrows(d) ? h / 0.75 : h + 16;
}

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

/* The step of --steps in which phase p (NULL: none) appears: its place
 * among the selected phases, as for the decisions, not its column's, for
 * phases without a column are steps too. */
static int
phase_step(graph_ctx *gc, const item *p)
{
	size_t k;
	int step = 0;

	if (p == NULL)
		return 1;
	for (k = 0; k < (size_t)p->number; k++)
		if (gc->sel->phase[k])
			step++;
	return step > 0 ? step : 1;
}

/* A header: a phase over its column, or an actor before its row. */
static Agnode_t *
header(graph_ctx *gc, const char *name, const char *text, double x,
    double y, double w, double h, int wrap, int step)
{
	Agnode_t *n;
	buf b = {0};
	char *html;

	/* The view's own nodes are named with "--", which no item's id
	 * holds. */
	buf_printf(&b, "--%s", name);
	n = agnode(gc->body, b.s, 1);
	b.len = 0;

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
	buf_printf(&b, "%s-%s", gc->o->id_prefix, name);
	agsafeset(n, "id", b.s, "");
	b.len = 0;
	label_attr(&b, text, 500);
	agsafeset(n, "tooltip", b.s, "");
	place(n, x, y, w, h);
	buf_free(&b);
	return n;
}

/* The causes for or against decision d that the selection shows, as one
 * note: those for the new position (marked •), then those against it
 * (marked –), each in full, wrapped. Returns its height in points, or 0
 * when there is none. */
static double
why_label(graph_ctx *gc, const item *d, buf *html, buf *tip, int wrap)
{
	static const char *const heads[] = {"FOR THE NEW POSITION",
	    "AGAINST IT"};
	static const char *const marks[] = {"\xe2\x80\xa2", "\xe2\x80\x93"};
	const model *m = gc->m;
	size_t k;
	int pass, shown = 0;
	char small[32];
	double w, h;

	gc_small_size(gc, small, sizeof(small));
	buf_printf(html, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">WHY IT "
	    "CHANGED</FONT>", small, gc->th->muted);
	buf_puts(tip, "Why it changed:");
	for (pass = 0; pass < 2; pass++) {
		bool head = false;

		for (k = 0; k < m->nlinks; k++) {
			const relation *l = &m->links[k];
			buf line = {0};

			if (!gc->sel->link[k] || l->to != d || l->from == NULL ||
			    l->from->type != IT_CAUSE ||
			    (l->type == LT_OPPOSES) != (pass == 1))
				continue;
			if (!head)
				buf_printf(html, "<BR ALIGN=\"LEFT\"/><FONT "
				    "POINT-SIZE=\"%s\" COLOR=\"%s\"><B>%s</B>"
				    "</FONT>", small, gc->th->muted,
				    heads[pass]);
			head = true;
			buf_printf(html, "<BR ALIGN=\"LEFT\"/>%s ", marks[pass]);
			/* In full: a cause cut short could say the
			 * opposite of what it says. Only a text of pages
			 * (taller than any page, and beyond what
			 * Graphviz draws) is cut. */
			label_wrap_html(&line, l->from->text, wrap, WHY_LINES,
			    "<BR ALIGN=\"LEFT\"/>  ");
			buf_puts(html, line.s ? line.s : "");
			buf_printf(tip, "\n%s %s", pass ? "against:" : "for:",
			    l->from->text);
			gc->why_marks[pass] = true;
			shown++;
			buf_free(&line);
		}
	}
	if (shown == 0) {
		buf_puts(html, "<BR ALIGN=\"LEFT\"/>");
		return 0;
	}
	/* The note's text is in the small size. It is measured before the
	 * last break, which only aligns the last line left: Graphviz draws
	 * no empty line after it, and counting one made every note a line
	 * taller than its text. Graphviz sets the lines of an HTML-like
	 * label one size apart, not the 1.2 that label_html_size allows
	 * for; the note adds room for the last line's descent and a
	 * margin. */
	label_html_size(html->s, atof(small), &w, &h);
	buf_puts(html, "<BR ALIGN=\"LEFT\"/>");
	return h / LABEL_LINE_HEIGHT + atof(small) / 2 + 10;
}

static int
by_date(const void *pa, const void *pb)
{
	const item *a = *(const item *const *)pa;
	const item *b = *(const item *const *)pb;
	int c = date_cmp(&a->date, &b->date);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* The decision on the question that d's actor took last before d, in
 * the model, whatever the selection; NULL for the first. */
static const item *
previous_decision(graph_ctx *gc, const item *d)
{
	const model *m = gc->m;
	const item *prev = NULL;
	size_t i;

	for (i = 0; i < m->count[IT_DECISION]; i++) {
		const item *e = m->items[IT_DECISION][i];

		if (e != d && e->actor.to == d->actor.to && e->on.to ==
		    gc->question && by_date(&e, &d) < 0 && (prev == NULL ||
		    by_date(&e, &prev) > 0))
			prev = e;
	}
	return prev;
}

/* The grid of the view: a row per actor, a column per phase, and the
 * decisions in its cells. */
typedef struct {
	const item **ds;        /* the decisions on the question, by date */
	size_t nd;
	const item **rows;      /* the actors, in the order they first
	                         * decided */
	size_t nrows, ncols;
	size_t *colmap;         /* per phase: its column */
	bool *has_col;          /* per phase: it has a column */
	bool has_unphased;      /* a decision has no phase: a last column */
	size_t *row_of, *col_of;        /* per decision: its cell */
	bool *changed;          /* per decision: its actor's position
	                         * changed there */
	buf *why_html, *why_tip;        /* per change: its note */
	double *why_h;          /* per decision: its note's height, or 0 */
	bool *has_why;          /* per column: a note is in it */
	double *col_w, *col_x, *row_h, *row_y, *cell_h;
	double cell_w, why_w, dec_h, y0;
	int wrap;               /* the headers' label width */
	int why_wrap;           /* the notes' */
} grid;

/* The decisions on the question, their actors' rows and the phases'
 * columns. */
static void
grid_collect(graph_ctx *gc, grid *gr)
{
	const model *m = gc->m;
	size_t i, j, k;

	gr->ds = xcalloc(m->count[IT_DECISION] + 1, sizeof(*gr->ds));
	gr->rows = xcalloc(m->count[IT_ACTOR] + 1, sizeof(*gr->rows));
	for (i = 0; i < m->count[IT_DECISION]; i++) {
		const item *d = m->items[IT_DECISION][i];

		if (gc->sel->item[IT_DECISION][i] && d->on.to == gc->question &&
		    d->actor.to != NULL)
			gr->ds[gr->nd++] = d;
	}
	qsort(gr->ds, gr->nd, sizeof(*gr->ds), by_date);
	/* Rows in the order actors first decided. */
	for (i = 0; i < gr->nd; i++) {
		for (j = 0; j < gr->nrows; j++)
			if (gr->rows[j] == gr->ds[i]->actor.to)
				break;
		if (j == gr->nrows)
			gr->rows[gr->nrows++] = gr->ds[i]->actor.to;
		if (gr->ds[i]->resolved_phase == NULL)
			gr->has_unphased = true;
	}
	/* A column per selected phase in which someone decided on the
	 * question, in order, and one for
	 * decisions without a phase: a phase of no decision on it would
	 * be an empty column. */
	gr->colmap = xcalloc(m->count[IT_PHASE] + 1, sizeof(size_t));
	gr->has_col = xcalloc(m->count[IT_PHASE] + 1, sizeof(bool));
	for (i = 0; i < gr->nd; i++)
		if (gr->ds[i]->resolved_phase != NULL)
			gr->has_col[gr->ds[i]->resolved_phase->number - 1] =
			    true;
	for (k = 0; k < m->count[IT_PHASE]; k++)
		if (gc->sel->phase[k] && gr->has_col[k])
			gr->colmap[k] = gr->ncols++;
	if (gr->has_unphased || gr->ncols == 0)
		gr->ncols++;
}

/* Each decision's cell and note, and the columns' and rows' sizes. */
static void
grid_measure(graph_ctx *gc, grid *gr)
{
	size_t i, j, k, nd = gr->nd, ncols = gr->ncols;
	const item *prev;
	double fs = gc->o->font_size;

	gr->row_of = xcalloc(nd + 1, sizeof(size_t));
	gr->col_of = xcalloc(nd + 1, sizeof(size_t));
	gr->changed = xcalloc(nd + 1, sizeof(bool));
	gr->why_h = xcalloc(nd + 1, sizeof(double));
	gr->why_html = xcalloc(nd + 1, sizeof(buf));
	gr->why_tip = xcalloc(nd + 1, sizeof(buf));
	gr->has_why = xcalloc(ncols + 1, sizeof(bool));
	gr->col_w = xcalloc(ncols + 1, sizeof(double));
	gr->col_x = xcalloc(ncols + 2, sizeof(double));
	gr->row_h = xcalloc(gr->nrows + 1, sizeof(double));
	gr->row_y = xcalloc(gr->nrows + 2, sizeof(double));
	gr->cell_h = xcalloc(gr->nrows * ncols + 1, sizeof(double));

	/* Fixed sizes from the font: about 0.6 em a character. */
	/* The decisions' labels wrap at --wrap in bold; octagons and
	 * hexagons need room beside the text for their slanted sides. */
	gr->cell_w = gc->o->wrap * fs * 0.66 + CELL_SIDES;
	/* The outcome line and its source marker are not wrapped: the
	 * cells are as wide as the longest, in the small face. */
	{
		char small[32];
		double sfs;

		gc_small_size(gc, small, sizeof(small));
		sfs = atof(small);
		for (i = 0; i < nd; i++) {
			double w = gc_outcome_width(gc, gr->ds[i], sfs) +
			    CELL_SIDES;

			if (w > gr->cell_w)
				gr->cell_w = w;
		}
	}
	gc->cell_w = gr->cell_w;
	/* A slide is wide and low: its notes are wide, and so short. */
	gr->why_wrap = gr->wrap + 4;
	if (gc->o->page_slide && gr->why_wrap < 44)
		gr->why_wrap = 44;
	gr->why_w = gr->why_wrap * fs * 0.85 * 0.6 + 24;
	gr->dec_h = fs * 1.3 * 5 + 16;
	for (i = 0; i < nd; i++) {
		double h = label_height(gc, gr->ds[i], fs);

		if (h > gr->dec_h)
			gr->dec_h = h;
	}
	for (i = 0; i < nd; i++) {
		const item *d = gr->ds[i];

		for (j = 0; gr->rows[j] != d->actor.to; j++)
			;
		gr->row_of[i] = j;
		gr->col_of[i] = d->resolved_phase ?
		    gr->colmap[d->resolved_phase->number - 1] : ncols - 1;
		/* A change: this actor's previous decision on the question
		 * had another stance, drawn or not (a view of phase 3 says
		 * that the position of phase 2 changed, and why). */
		prev = previous_decision(gc, d);
		gr->changed[i] = prev != NULL && prev->resolved_stance !=
		    d->resolved_stance;
		if (gr->changed[i]) {
			gr->why_h[i] = why_label(gc, d, &gr->why_html[i],
			    &gr->why_tip[i], gr->why_wrap);
			if (gr->why_h[i] > 0)
				gr->has_why[gr->col_of[i]] = true;
		}
		gr->cell_h[gr->row_of[i] * ncols + gr->col_of[i]] +=
		    (gr->why_h[i] > gr->dec_h ? gr->why_h[i] : gr->dec_h) +
		    GAP / 2;
	}
	/* Columns as wide as a decision, and its note where there is one;
	 * rows as high as their fullest cell. */
	gr->col_x[0] = HEAD_W + GAP;
	for (k = 0; k < ncols; k++) {
		gr->col_w[k] = gr->cell_w + (gr->has_why[k] ? GAP / 2 +
		    gr->why_w : 0);
		gr->col_x[k + 1] = gr->col_x[k] + gr->col_w[k] + GAP;
	}
	for (j = 0; j < gr->nrows; j++) {
		for (k = 0; k < ncols; k++)
			if (gr->cell_h[j * ncols + k] > gr->row_h[j])
				gr->row_h[j] = gr->cell_h[j * ncols + k];
		if (gr->row_h[j] < gr->dec_h)
			gr->row_h[j] = gr->dec_h;
		gr->row_y[j + 1] = gr->row_y[j] + gr->row_h[j] + GAP;
	}
}

/* Heads: phases across the top, actors down the side. */
static void
grid_heads(graph_ctx *gc, const grid *gr)
{
	const model *m = gc->m;
	size_t j, k;

	for (k = 0; k <= m->count[IT_PHASE]; k++) {
		char name[96], title[512];
		const item *p = k < m->count[IT_PHASE] ?
		    m->items[IT_PHASE][k] : NULL;
		size_t col = p ? gr->colmap[k] : gr->ncols - 1;

		if (p != NULL ? !gc->sel->phase[k] || !gr->has_col[k] :
		    !gr->has_unphased)
			continue;
		snprintf(name, sizeof(name), "head-%s", p ? p->id :
		    "no-phase");
		if (p != NULL)
			snprintf(title, sizeof(title), "%zu. %s", k + 1,
			    p->title);
		else
			snprintf(title, sizeof(title), "Without a phase");
		header(gc, name, title, gr->col_x[col] + gr->cell_w / 2,
		    gr->y0 - HEAD_H / 2, gr->cell_w, HEAD_H, gr->wrap + 4,
		    phase_step(gc, p));
	}
	for (j = 0; j < gr->nrows; j++) {
		char name[96];
		size_t first = 0;

		/* A row appears with its actor's first decision. */
		while (first < gr->nd && gr->row_of[first] != j)
			first++;
		snprintf(name, sizeof(name), "row-%s", gr->rows[j]->id);
		header(gc, name, gc_actor_name(gr->rows[j]), HEAD_W / 2,
		    gr->y0 - HEAD_H - GAP - gr->row_y[j] - gr->dec_h / 2,
		    HEAD_W, gr->dec_h, 18,
		    phase_step(gc, gr->ds[first]->resolved_phase));
	}
}

/* Decision i's note on why its actor changed position, beside it at x,
 * from top down. */
static void
grid_why(graph_ctx *gc, const grid *gr, size_t i, double x, double top)
{
	const item *d = gr->ds[i];
	buf t = {0};
	char name[96], size[32], *html;
	Agnode_t *w;

	snprintf(name, sizeof(name), "--why-%s", d->id);
	w = agnode(gc->body, name, 1);
	html = agstrdup_html(gc->g, gr->why_html[i].s);
	agsafeset(w, "label", html, "");
	agstrfree(gc->g, html);
	agsafeset(w, "shape", "note", "");
	agsafeset(w, "style", "filled", "");
	agsafeset(w, "fillcolor", (char *)gc->th->node_fill, "");
	agsafeset(w, "color", (char *)gc->th->line, "");
	gc_small_size(gc, size, sizeof(size));
	agsafeset(w, "fontsize", size, "");
	buf_printf(&t, "%s-why-%s", gc->o->id_prefix, d->id);
	agsafeset(w, "id", t.s, "");
	agsafeset(w, "class", "why kind-cause", "");
	gc_step(gc, w, phase_step(gc, d->resolved_phase));
	t.len = 0;
	label_attr(&t, gr->why_tip[i].s, 4000);
	agsafeset(w, "tooltip", t.s, "");
	place(w, x + gr->cell_w / 2 + GAP / 2 + gr->why_w / 2,
	    top - gr->why_h[i] / 2, gr->why_w, gr->why_h[i]);
	buf_free(&t);
}

/* The decisions, stacked in their cells in date order, each change
 * with its note beside it. */
static void
grid_decisions(graph_ctx *gc, grid *gr)
{
	size_t i;

	memset(gr->cell_h, 0, (gr->nrows * gr->ncols + 1) * sizeof(double));
	for (i = 0; i < gr->nd; i++) {
		const item *d = gr->ds[i];
		size_t cell = gr->row_of[i] * gr->ncols + gr->col_of[i];
		double x = gr->col_x[gr->col_of[i]] + gr->cell_w / 2;
		double top = gr->y0 - HEAD_H - GAP - gr->row_y[gr->row_of[i]] -
		    gr->cell_h[cell];
		stance s = d->resolved_stance;
		int wrap = gc->item_wrap;
		Agnode_t *n;
		buf b = {0}, cls = {0};
		char *html, *old;

		gc->item_wrap = title_wrap(gc, d);
		n = gc_node(gc, gc->body, d);
		gc->item_wrap = wrap;
		old = agget(n, "label");

		/* The stance under the title, in its colour. */
		buf_printf(&b, "%s<BR/><FONT COLOR=\"%s\"><B>%s</B></FONT>",
		    old, stance_color(gc, s), stance_marks[s].word);
		html = agstrdup_html(gc->g, b.s);
		agsafeset(n, "label", html, "");
		agstrfree(gc->g, html);
		agsafeset(n, "shape", (char *)stance_marks[s].shape, "");
		agsafeset(n, "color", (char *)stance_color(gc, s), "");
		buf_printf(&cls, "%s stance-%s%s", agget(n, "class"),
		    model_stance_names[s], gr->changed[i] ? " changed" : "");
		agsafeset(n, "class", cls.s, "");
		place(n, x, top - gr->dec_h / 2, gr->cell_w, gr->dec_h);
		if (gr->why_h[i] > 0)
			grid_why(gc, gr, i, x, top);
		gr->cell_h[cell] += (gr->why_h[i] > gr->dec_h ? gr->why_h[i] :
		    gr->dec_h) + GAP / 2;
		buf_free(&b);
		buf_free(&cls);
	}
}

/* Each actor's path through the grid: an edge from each decision to the
 * actor's next, heavy where the position changed. */
static void
grid_paths(graph_ctx *gc, const grid *gr)
{
	const item *const *ds = gr->ds;
	size_t i, k;

	for (i = 0; i < gr->nd; i++) {
		for (k = i + 1; k < gr->nd; k++) {
			Agnode_t *a, *b;
			char name[64];
			Agedge_t *e;
			buf s = {0};
			bool changed = gr->changed[k];

			if (ds[k]->actor.to != ds[i]->actor.to)
				continue;
			a = gc->node[IT_DECISION][ds[i]->index];
			b = gc->node[IT_DECISION][ds[k]->index];
			snprintf(name, sizeof(name), "path%zu", i);
			e = agedge(gc->g, a, b, name, 1);
			buf_printf(&s, "%s%s--%s", gc->o->id_prefix, ds[i]->id,
			    ds[k]->id);
			agsafeset(e, "id", s.s, "");
			agsafeset(e, "class", changed ? "path changed" :
			    "path", "");
			agsafeset(e, "penwidth", changed ? "3.5" : "1.2", "");
			agsafeset(e, "color", changed ? (char *)gc->th->text :
			    (char *)gc->th->muted, "");
			s.len = 0;
			label_attr(&s, changed ? "changed position" :
			    "same position", 100);
			agsafeset(e, "tooltip", s.s, "");
			if (changed)
				gc->paths_changed = true;
			else
				gc->paths_same = true;
			buf_free(&s);
			break;
		}
	}
}

static void
grid_free(grid *gr)
{
	size_t i;

	for (i = 0; i < gr->nd; i++) {
		buf_free(&gr->why_html[i]);
		buf_free(&gr->why_tip[i]);
	}
	free(gr->ds);
	free(gr->rows);
	free(gr->row_of);
	free(gr->col_of);
	free(gr->changed);
	free(gr->why_h);
	free(gr->why_html);
	free(gr->why_tip);
	free(gr->has_why);
	free(gr->col_w);
	free(gr->col_x);
	free(gr->row_h);
	free(gr->row_y);
	free(gr->cell_h);
	free(gr->colmap);
	free(gr->has_col);
}

void
view_stances(graph_ctx *gc)
{
	grid gr;
	size_t i;

	memset(&gr, 0, sizeof(gr));
	gc->fixed_cells = true;
	/* Notes no wider than 24 columns, but on a slide, which is wide
	 * and low, as wide as the layout chooses. */
	gr.wrap = gc->o->wrap < 24 || gc->o->page_slide ? gc->o->wrap : 24;
	grid_collect(gc, &gr);
	grid_measure(gc, &gr);
	grid_heads(gc, &gr);
	grid_decisions(gc, &gr);
	grid_paths(gc, &gr);
	agsafeset(gc->g, "layout", "nop", "");
	agsafeset(gc->g, "splines", "true", "");
	gc->positioned = true;
	gc->title_x = 0;
	gc->title_y = gr.y0;
	/* The key goes below the grid in -T dot; for the layout, place.c
	 * puts it at the origin, the grid's top-left corner, left empty
	 * (the actors' column has no head). */
	gc->key_top = gr.y0 - HEAD_H - GAP - gr.row_y[gr.nrows] - GAP;
	for (i = 0; i < gr.nd; i++)
		gc->stances[gr.ds[i]->resolved_stance] = true;
	grid_free(&gr);
}
