/* The graph stage's side of the layout: before it, the key (legend and
 * sources) is made a point that takes no room; after it, and before the
 * drawing, the key goes below or beside the diagram, whichever fills a
 * 16:9 slide better, and edge labels move off the nodes Graphviz put
 * them on or over each other. Graphviz's own layout is left as it is;
 * only these labels move, and the drawing's bounding box grows to hold
 * them. The one file that reads the layout's results (types.h). */
#include <graphviz/types.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "graph.h"

/* The gap between the diagram and its key, in points. */
#define KEY_GAP 18.0

static double
larger(double a, double b)
{
	return a > b ? a : b;
}

static double
smaller(double a, double b)
{
	return a < b ? a : b;
}

/* The page a picture is drawn for: its size and margin in points, from
 * the graph's GRAPH_PAGE_ATTR; false when none was asked for. */
static bool
page_of(Agraph_t *g, double *w, double *h, double *m)
{
	const char *p = agget(g, GRAPH_PAGE_ATTR);

	return p != NULL && sscanf(p, "%lf,%lf,%lf", w, h, m) == 3 &&
	    *w > 2 * *m && *h > 2 * *m;
}

/* How large a picture of w x h points can be drawn on g's page, or a
 * 16:9 slide when g has none. */
static double
slide_scale(Agraph_t *g, double w, double h)
{
	double pw = 16.0, ph = 9.0, m = 0;

	if (page_of(g, &pw, &ph, &m)) {
		pw -= 2 * m;
		ph -= 2 * m;
	}
	return pw / w < ph / h ? pw / w : ph / h;
}

/* True if n is the key, in one of its shapes (key.c): "--key", or
 * "--key-" and the legend's entries to a row. */
static bool
is_key(Agnode_t *n)
{
	return strncmp(agnameof(n), GRAPH_KEY_NODE,
	    strlen(GRAPH_KEY_NODE)) == 0;
}

void
graph_before_layout(Agraph_t *g)
{
	Agnode_t *key;

	for (key = agfstnode(g); key != NULL; key = agnxtnode(g, key)) {
		if (!is_key(key))
			continue;
		/* A view that placed its nodes gave the key a place below
		 * them, for -T dot; here the point goes to the origin, the
		 * top-left corner of such a view's grid, which it leaves
		 * empty (view_stances.c), so that the layout's bounding box
		 * does not reach down to it. */
		if (agget(key, "pos") != NULL && agget(key, "pos")[0] != '\0')
			agsafeset(key, "pos", "0,0!", "");
		agsafeset(key, "fixedsize", "true", "false");
		agsafeset(key, "width", "0.01", "");
		agsafeset(key, "height", "0.01", "");
	}
}

void
graph_drop_key_shapes(Agraph_t *g)
{
	Agnode_t *n, *next;

	for (n = agfstnode(g); n != NULL; n = next) {
		next = agnxtnode(g, n);
		if (is_key(n) && strcmp(agnameof(n), GRAPH_KEY_NODE) != 0)
			agdelnode(g, n);
	}
}

/* How far clear_label looks beside an edge for a free place, in steps
 * of CLEAR_STEP points, and the largest graph it works on: every place
 * tried is compared with every node and edge label. */
#define CLEAR_STEPS 20
#define CLEAR_STEP 12.0
#define CLEAR_MAX_NODES 300
#define CLEAR_MAX_EDGES 600

/* The room kept between two edge labels, beyond the 2 points around the
 * one being placed: less, and two labels side by side read as one. */
#define LABEL_GAP 12.0

/* A label's box, with a margin of pad points. */
static boxf
label_box(const textlabel_t *lab, double pad)
{
	boxf b;

	b.LL.x = lab->pos.x - lab->dimen.x / 2 - pad;
	b.LL.y = lab->pos.y - lab->dimen.y / 2 - pad;
	b.UR.x = lab->pos.x + lab->dimen.x / 2 + pad;
	b.UR.y = lab->pos.y + lab->dimen.y / 2 + pad;
	return b;
}

static bool
box_within(boxf a, boxf b)
{
	return a.LL.x >= b.LL.x && a.LL.y >= b.LL.y && a.UR.x <= b.UR.x &&
	    a.UR.y <= b.UR.y;
}

static bool
boxes_meet(boxf a, boxf b)
{
	return a.LL.x < b.UR.x && b.LL.x < a.UR.x && a.LL.y < b.UR.y &&
	    b.LL.y < a.UR.y;
}

/* The right edge of what g draws (its clusters, which hold the clusters
 * inside them, its nodes but the key and the title, its edges and their
 * labels): its bounding box also spans the diagram's title, which may be
 * wider. */
static double
drawn_right(Agraph_t *g)
{
	Agraph_t *sg;
	Agnode_t *n;
	Agedge_t *e;
	double r = -1e30;
	int i, k;

	for (sg = agfstsubg(g); sg != NULL; sg = agnxtsubg(sg))
		if (strncmp(agnameof(sg), "cluster", 7) == 0)
			r = larger(r, GD_bb(sg).UR.x);
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		if (is_key(n) || strcmp(agnameof(n), GRAPH_TITLE_NODE) == 0)
			continue;
		r = larger(r, ND_coord(n).x + ND_width(n) * 36);
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			textlabel_t *l[2] = {ED_label(e), ED_xlabel(e)};

			for (k = 0; k < 2; k++)
				if (l[k] != NULL && l[k]->set)
					r = larger(r, label_box(l[k], 0).UR.x);
			if (ED_spl(e) == NULL)
				continue;
			for (k = 0; k < ED_spl(e)->size; k++)
				for (i = 0; i < ED_spl(e)->list[k].size; i++)
					r = larger(r,
					    ED_spl(e)->list[k].list[i].x);
		}
	}
	return r;
}

/* The top of the diagram under its title: the title's foot when the
 * title (the graph's label, or a view's title node) stands above it. */
static double
under_title(Agraph_t *g)
{
	Agnode_t *n = agnode(g, GRAPH_TITLE_NODE, 0);
	textlabel_t *t = GD_label(g);
	boxf bb = GD_bb(g);
	double mid = (bb.LL.y + bb.UR.y) / 2;

	if (n != NULL && ND_coord(n).y > mid)
		return smaller(bb.UR.y, ND_coord(n).y - ND_height(n) * 36);
	if (t != NULL && t->set && t->pos.y > mid)
		return smaller(bb.UR.y, t->pos.y - t->dimen.y / 2);
	return bb.UR.y;
}

/* Moves the key (legend and sources), which the layout left as a point,
 * below the laid-out diagram or to its right, under the title, whichever
 * lets the whole picture be drawn larger on its page (a 16:9 slide when
 * none was asked for), and grows the bounding box to hold it. A wide, low
 * diagram gets its key below; a tall one beside. A picture for a page has
 * the key in several shapes (key.c): the one that lets it be drawn
 * largest is kept, the first on a tie, and the others are not drawn. */
static void
place_key(Agraph_t *g)
{
	Agnode_t *n, *key = NULL;
	boxf bb = GD_bb(g), best_bb = bb;
	double w = bb.UR.x - bb.LL.x, h = bb.UR.y - bb.LL.y, top, right,
	    best = -1;
	pointf at = {0, 0};
	int beside;

	top = under_title(g);
	right = larger(bb.LL.x, smaller(bb.UR.x, drawn_right(g))) +
	    KEY_GAP;
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		textlabel_t *lab = ND_label(n);
		double kw, kh, s;
		boxf nb;

		if (!is_key(n) || lab == NULL)
			continue;
		kw = lab->dimen.x;
		kh = lab->dimen.y;
		for (beside = 0; beside < 2; beside++) {
			nb = bb;
			if (!beside) {
				s = slide_scale(g, larger(w, kw), h + KEY_GAP +
				    kh);
				nb.LL.y -= KEY_GAP + kh;
				nb.UR.x = larger(bb.UR.x, bb.LL.x + kw);
			} else {
				s = slide_scale(g, larger(w, right + kw -
				    bb.LL.x), larger(h, bb.UR.y - top + kh));
				nb.LL.y = smaller(bb.LL.y, top - kh);
				nb.UR.x = larger(bb.UR.x, right + kw);
			}
			if (s <= best)
				continue;
			best = s;
			key = n;
			best_bb = nb;
			at.x = beside ? right + kw / 2 : bb.LL.x + kw / 2;
			at.y = beside ? top - kh / 2 : bb.LL.y - KEY_GAP -
			    kh / 2;
		}
	}
	if (key == NULL)
		return;
	/* The key drawn is the node of the key's name (its group's title in
	 * the SVG), with the label of the shape kept: the two nodes trade
	 * labels, each still the owner of one. */
	if ((n = agnode(g, GRAPH_KEY_NODE, 0)) != NULL && n != key) {
		textlabel_t *kept = ND_label(key);

		ND_label(key) = ND_label(n);
		ND_label(n) = kept;
		key = n;
	}
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		if (!is_key(n))
			continue;
		/* The shapes not kept stand, not drawn, where the key is. */
		ND_coord(n) = at;
		if (ND_label(n) != NULL)
			ND_label(n)->pos = at;
		if (n != key)
			agsafeset(n, "style", "invis", "");
	}
	GD_bb(g) = best_bb;
}

/* True if box b meets the title of g (the diagram's, or a cluster's:
 * a group's name, a phase's) or of a cluster inside it. */
static bool
covers_title(Agraph_t *g, boxf b)
{
	Agraph_t *sg;
	textlabel_t *t = GD_label(g);

	if (t != NULL && t->set && boxes_meet(b, label_box(t, 2)))
		return true;
	for (sg = agfstsubg(g); sg != NULL; sg = agnxtsubg(sg))
		if (covers_title(sg, b))
			return true;
	return false;
}

/* True if box b meets a node of g, a title, or an edge's label or
 * external label other than own. */
static bool
covers_something(Agraph_t *g, boxf b, const textlabel_t *own)
{
	Agnode_t *n;
	Agedge_t *e;

	if (covers_title(g, b))
		return true;

	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		boxf nb;

		if (is_key(n))
			continue;
		nb.LL.x = ND_coord(n).x - ND_width(n) * 36;
		nb.UR.x = ND_coord(n).x + ND_width(n) * 36;
		nb.LL.y = ND_coord(n).y - ND_height(n) * 36;
		nb.UR.y = ND_coord(n).y + ND_height(n) * 36;
		if (boxes_meet(b, nb))
			return true;
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			textlabel_t *l[2] = {ED_label(e), ED_xlabel(e)};
			int k;

			for (k = 0; k < 2; k++)
				if (l[k] != NULL && l[k] != own && l[k]->set &&
				    boxes_meet(b, label_box(l[k], LABEL_GAP)))
					return true;
		}
	}
	return false;
}

/* Tries to put lab at a place near the curve bz that covers nothing:
 * above each point of the curve from the middle outwards, then beside,
 * above and below them, further and further out. */
static bool
find_free_place(Agraph_t *g, textlabel_t *lab, const bezier *bz,
    bool inside)
{
	int step, k, side, mid = bz->size / 2;
	boxf bb = GD_bb(g);

	for (step = 0; step <= CLEAR_STEPS; step++) {
		for (k = 0; k < bz->size; k++) {
			/* mid, mid+1, mid-1, mid+2, ... */
			int at = mid + (k % 2 ? (k + 1) / 2 : -(k / 2));

			if (at < 0 || at >= bz->size)
				continue;
			for (side = -2; side <= 2; side++) {
				pointf p = bz->list[at];

				if (side == 0 || (step == 0 && side != 1))
					continue;
				if (step == 0) {
					p.y += lab->dimen.y / 2 + 2;
				} else if (side == -1 || side == 1) {
					p.x += side * (lab->dimen.x / 2 +
					    step * CLEAR_STEP);
				} else {
					/* Above or below: out of a gap
					 * between boxes side by side. */
					p.y += side / 2 * (lab->dimen.y / 2 +
					    step * CLEAR_STEP);
				}
				lab->pos = p;
				if (inside && !box_within(label_box(lab, 2),
				    bb))
					continue;
				if (!covers_something(g, label_box(lab, 2),
				    lab))
					return true;
			}
		}
	}
	return false;
}

/* Moves lab, a label of edge e that covers a node or another label, to
 * the nearest free place by e's curve: inside the drawing if it can,
 * else outside it, and the drawing grows; where there is none, it stays. */
static void
clear_label(Agraph_t *g, Agedge_t *e, textlabel_t *lab)
{
	pointf old;

	if (lab == NULL || !lab->set || ED_spl(e) == NULL ||
	    ED_spl(e)->size < 1 ||
	    !covers_something(g, label_box(lab, 2), lab))
		return;
	old = lab->pos;
	if (find_free_place(g, lab, &ED_spl(e)->list[0], true))
		return;
	if (find_free_place(g, lab, &ED_spl(e)->list[0], false)) {
		boxf b = label_box(lab, 2);
		double left = GD_bb(g).LL.x - b.LL.x;

		/* A left-justified title stays at the left. */
		if (left > 0 && GD_label(g) != NULL)
			GD_label(g)->pos.x -= left;
		GD_bb(g).LL.x = smaller(GD_bb(g).LL.x, b.LL.x);
		GD_bb(g).LL.y = smaller(GD_bb(g).LL.y, b.LL.y);
		GD_bb(g).UR.x = larger(GD_bb(g).UR.x, b.UR.x);
		GD_bb(g).UR.y = larger(GD_bb(g).UR.y, b.UR.y);
	} else {
		lab->pos = old;
	}
}

/* Graphviz 2.43 places external labels even where they cover a node (the
 * timeline's links, which may join nodes of one rank), and the labels of
 * edges that do not constrain the ranks where they cover each other (the
 * actors view's messages). Each such label is moved by clear_label. Only
 * for graphs of a size a slide can show: every place tried is compared
 * with every node and label. */
static void
clear_edge_labels(Agraph_t *g)
{
	Agnode_t *n;
	Agedge_t *e;

	if (agnnodes(g) > CLEAR_MAX_NODES || agnedges(g) > CLEAR_MAX_EDGES)
		return;
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			clear_label(g, e, ED_label(e));
			clear_label(g, e, ED_xlabel(e));
		}
	}
}

/* Fits the drawing to its page: the bounding box grows, evenly on both
 * sides, to the page's shape with its margin around the drawing, and the
 * drawing's size is the page's, filled: Graphviz then scales the whole
 * to exactly the page, the drawing as large as the margin allows. */
static void
fit_page(Agraph_t *g)
{
	boxf bb = GD_bb(g);
	double pw, ph, m, w = bb.UR.x - bb.LL.x, h = bb.UR.y - bb.LL.y, s,
	    gx, gy;

	if (!page_of(g, &pw, &ph, &m) || w <= 0 || h <= 0)
		return;
	s = smaller((pw - 2 * m) / w, (ph - 2 * m) / h);
	gx = (pw / s - w) / 2;
	gy = (ph / s - h) / 2;
	bb.LL.x -= gx;
	bb.UR.x += gx;
	bb.LL.y -= gy;
	bb.UR.y += gy;
	GD_bb(g) = bb;
	GD_drawing(g)->size.x = pw;
	GD_drawing(g)->size.y = ph;
	GD_drawing(g)->filled = true;
}

void
graph_after_layout(Agraph_t *g)
{
	clear_edge_labels(g);
	place_key(g);
	fit_page(g);
}
