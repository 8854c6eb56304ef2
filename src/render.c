#include "render.h"

#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one Graphviz context of the process: a second gvContext() after
 * gvFreeContext() reads freed memory in Graphviz 2.42/2.43. */
static GVC_t *gvc;

static GVC_t *
context(void)
{
	if (gvc == NULL) {
		gvc = gvContext();
		/* Keep Graphviz's messages for ourselves (aglasterr). */
		agseterr(AGMAX);
	}
	return gvc;
}

void
render_shutdown(void)
{
	if (gvc != NULL)
		gvFreeContext(gvc);
	gvc = NULL;
}

const char *
render_graphviz_version(void)
{
	return gvcVersion(context());
}

static bool render_json(const model *, const selection *, Agraph_t *,
    buf *, char *, size_t);
static bool render_dot(const model *, const selection *, Agraph_t *,
    buf *, char *, size_t);

/* Each format: pictures name the Graphviz plugin that draws them from
 * the layout; the others write without a layout. */
static const struct {
	const char *name, *ext, *ext2;
	bool binary;
	const char *plugin;
	bool (*write)(const model *, const selection *, Agraph_t *, buf *,
	    char *, size_t);
} formats[] = {
	[FMT_SVG] = {"svg", ".svg", NULL, false, "svg", NULL},
	[FMT_PDF] = {"pdf", ".pdf", NULL, true, "pdf:cairo", NULL},
	[FMT_PNG] = {"png", ".png", NULL, true, "png:cairo", NULL},
	[FMT_DOT] = {"dot", ".dot", ".gv", false, NULL, render_dot},
	[FMT_JSON] = {"json", ".json", NULL, false, NULL, render_json},
	[FMT_HTML] = {"html", ".html", ".htm", false, "svg", NULL},
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

int
render_format_named(const char *name)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
render_format_of_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t i;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	for (i = 0; i < NFORMATS; i++)
		if (strcasecmp(dot, formats[i].ext) == 0 ||
		    (formats[i].ext2 && strcasecmp(dot, formats[i].ext2) == 0))
			return (int)i;
	return -1;
}

const char *
render_format_name(render_format f)
{
	return formats[f].name;
}

const char *
render_format_ext(render_format f)
{
	return formats[f].ext;
}

bool
render_format_binary(render_format f)
{
	return formats[f].binary;
}

const char *
render_format_list(void)
{
	return "svg, pdf, png, dot, json, html";
}

static bool
render_json(const model *m, const selection *sel, Agraph_t *g, buf *out,
    char *err, size_t errsize)
{
	(void)g;
	(void)err;
	(void)errsize;
	json_model(out, m, sel);
	return true;
}

static bool
render_dot(const model *m, const selection *sel, Agraph_t *g, buf *out,
    char *err, size_t errsize)
{
	(void)m;
	(void)sel;
	if (!graph_write_dot(g, out)) {
		snprintf(err, errsize, "cannot write the graph as dot");
		return false;
	}
	return true;
}

/* Refuses a graph that dot would take minutes to lay out: dot's time
 * grows with the edges' lengths in ranks, and a dense graph (a complete
 * graph of 50 decisions: 1225 links) runs for minutes, while a sparse one
 * of thousands of nodes takes seconds. Such a picture would be unreadable
 * anyway: the message says how to narrow it. */
static bool
too_dense(Agraph_t *g, char *err, size_t errsize)
{
	Agnode_t *n;
	Agedge_t *e;
	long nodes = 0, edges = 0;

	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		nodes++;
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			char *style = agget(e, "style");

			if (style == NULL || strcmp(style, "invis") != 0)
				edges++;
		}
	}
	if (edges <= RENDER_MAX_EDGES_BASE + RENDER_MAX_EDGES_PER_NODE * nodes &&
	    nodes <= RENDER_MAX_NODES)
		return false;
	snprintf(err, errsize, "the view has %ld items and %ld links, more "
	    "than a diagram can show or dot can lay out in reasonable time "
	    "(at most %d items, and %d links plus %d per item); narrow it "
	    "with --phase, --focus, --kind or --actor", nodes, edges,
	    RENDER_MAX_NODES, RENDER_MAX_EDGES_BASE,
	    RENDER_MAX_EDGES_PER_NODE);
	return true;
}

bool
render_fits(render_format f, const model *m, const selection *sel,
    char *err, size_t errsize)
{
	static const item_type drawn[] = {IT_ACTOR, IT_EVENT, IT_DECISION,
	    IT_CAUSE};
	size_t i, k, n = 0;

	if (formats[f].plugin == NULL)
		return true;
	for (k = 0; k < sizeof(drawn) / sizeof(drawn[0]); k++)
		for (i = 0; i < m->count[drawn[k]]; i++)
			n += sel->item[drawn[k]][i];
	if (n <= RENDER_MAX_NODES)
		return true;
	snprintf(err, errsize, "the view selects %zu items, more than a "
	    "diagram can show or dot can lay out in reasonable time (at most "
	    "%d); narrow it with --phase, --focus, --kind or --actor", n,
	    RENDER_MAX_NODES);
	return false;
}

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

/* How large a picture of w x h points can be drawn on a 16:9 slide. */
static double
slide_scale(double w, double h)
{
	return 16.0 / w < 9.0 / h ? 16.0 / w : 9.0 / h;
}

/* Makes the key a point for the layout: it takes no room among the
 * diagram's ranks, and its label keeps its size for place_key. */
static void
shrink_key(Agraph_t *g)
{
	Agnode_t *key = agnode(g, GRAPH_KEY_NODE, 0);

	if (key == NULL)
		return;
	agsafeset(key, "fixedsize", "true", "false");
	agsafeset(key, "width", "0.01", "");
	agsafeset(key, "height", "0.01", "");
}

/* Moves the key (legend and sources), which the layout left as a point,
 * below the laid-out diagram or to its right, whichever lets the whole
 * picture be drawn larger on a 16:9 slide, and grows the bounding box to
 * hold it. A wide, low diagram gets its key below; a tall one beside. */
static void
place_key(Agraph_t *g)
{
	Agnode_t *key = agnode(g, GRAPH_KEY_NODE, 0);
	textlabel_t *lab;
	boxf bb = GD_bb(g);
	double kw, kh, w, h;
	pointf at;

	if (key == NULL || (lab = ND_label(key)) == NULL)
		return;
	kw = lab->dimen.x;
	kh = lab->dimen.y;
	w = bb.UR.x - bb.LL.x;
	h = bb.UR.y - bb.LL.y;
	if (slide_scale(larger(w, kw), h + KEY_GAP + kh) >=
	    slide_scale(w + KEY_GAP + kw, larger(h, kh))) {
		at.x = bb.LL.x + kw / 2;
		at.y = bb.LL.y - KEY_GAP - kh / 2;
		bb.LL.y -= KEY_GAP + kh;
		bb.UR.x = larger(bb.UR.x, bb.LL.x + kw);
	} else {
		at.x = bb.UR.x + KEY_GAP + kw / 2;
		at.y = bb.LL.y + kh / 2;
		bb.UR.x += KEY_GAP + kw;
		bb.UR.y = larger(bb.UR.y, bb.LL.y + kh);
	}
	ND_coord(key) = at;
	lab->pos = at;
	GD_bb(g) = bb;
}

/* How far clear_xlabels looks beside an edge for a free place, in steps
 * of CLEAR_STEP points, and the largest graph it works on. */
#define CLEAR_STEPS 20
#define CLEAR_STEP 12.0
#define CLEAR_MAX_NODES 300

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

/* True if box b meets a node of g, or an edge's xlabel other than own. */
static bool
covers_something(Agraph_t *g, boxf b, const textlabel_t *own)
{
	Agnode_t *n;
	Agedge_t *e;

	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		boxf nb;

		if (strcmp(agnameof(n), GRAPH_KEY_NODE) == 0)
			continue;
		nb.LL.x = ND_coord(n).x - ND_width(n) * 36;
		nb.UR.x = ND_coord(n).x + ND_width(n) * 36;
		nb.LL.y = ND_coord(n).y - ND_height(n) * 36;
		nb.UR.y = ND_coord(n).y + ND_height(n) * 36;
		if (boxes_meet(b, nb))
			return true;
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e))
			if (ED_xlabel(e) != NULL && ED_xlabel(e) != own &&
			    ED_xlabel(e)->set &&
			    boxes_meet(b, label_box(ED_xlabel(e), 0)))
				return true;
	}
	return false;
}

/* Tries to put lab at a place near the curve bz that covers nothing:
 * above each point of the curve from the middle outwards, then beside
 * them, further and further out. */
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
			for (side = -1; side <= 1; side += 2) {
				pointf p = bz->list[at];

				if (step == 0) {
					p.y += lab->dimen.y / 2 + 2;
				} else {
					p.x += side * (lab->dimen.x / 2 +
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

/* Graphviz places an edge's external label even where it covers a node
 * (the timeline's links, which may join nodes of one rank). Each such
 * label is moved to the nearest free place by its edge's curve; where
 * there is none, it stays. Only for graphs of a size a slide can show:
 * the search looks at every node for every place it tries. */
static void
clear_xlabels(Agraph_t *g)
{
	Agnode_t *n;
	Agedge_t *e;

	if (agnnodes(g) > CLEAR_MAX_NODES)
		return;
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			textlabel_t *lab = ED_xlabel(e);
			pointf old;

			if (lab == NULL || !lab->set || ED_spl(e) == NULL ||
			    ED_spl(e)->size < 1 ||
			    !covers_something(g, label_box(lab, 2), lab))
				continue;
			old = lab->pos;
			if (find_free_place(g, lab, &ED_spl(e)->list[0], true))
				continue;
			if (find_free_place(g, lab, &ED_spl(e)->list[0],
			    false)) {
				/* Outside the drawing: the drawing grows. */
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
	}
}

/* Lays g out with dot, or with "nop" for a view that placed its nodes
 * itself; false with a message when Graphviz reports an error. A layout
 * that reported errors is left half made, and freeing it can abort in
 * Graphviz 2.43 (flat edges with labels): it is left, and the process
 * ends soon after. */
static bool
lay_out(Agraph_t *g, char *err, size_t errsize)
{
	const char *engine = agget(g, "layout");

	if (too_dense(g, err, errsize))
		return false;
	shrink_key(g);
	agreseterrors();
	if (gvLayout(context(), g, engine && engine[0] ? engine : "dot") !=
	    0 || agerrors() > 0) {
		char *msg = aglasterr();

		snprintf(err, errsize, "Graphviz could not lay the graph out%s"
		    "%.300s", msg ? ": " : "", msg ? msg : "");
		free(msg);
		return false;
	}
	clear_xlabels(g);
	place_key(g);
	return true;
}

/* Renders a laid-out g with a Graphviz output plugin into out. */
static bool
render_laid_out(Agraph_t *g, const char *plugin, buf *out, char *err,
    size_t errsize)
{
	char *data = NULL;
	unsigned int len = 0;
	bool ok = true;

	if (gvRenderData(context(), g, plugin, &data, &len) != 0 ||
	    agerrors() > 0) {
		char *msg = aglasterr();

		snprintf(err, errsize, "Graphviz could not render %s%s%.300s",
		    plugin, msg ? ": " : "", msg ? msg : "");
		free(msg);
		ok = false;
	} else {
		buf_putn(out, data, len);
	}
	if (data != NULL)
		gvFreeRenderData(data);
	return ok;
}

/* Fades, in SVG text, every group whose step is after k: the text's
 * colour was fixed by the layout, so opacity does what colours cannot. */
static void
svg_fade(buf *svg, int k)
{
	buf out = {0};
	const char *p = svg->s, *g;

	while ((g = strstr(p, "<g id=\"")) != NULL) {
		const char *end = strchr(g, '>'), *cls;
		int step = 0;

		if (end == NULL)
			break;
		cls = strstr(g, "class=\"");
		if (cls != NULL && cls < end) {
			char tmp[512];
			size_t len = (size_t)(strchr(cls + 7, '"') - (cls + 7));

			if (len >= sizeof(tmp))
				len = sizeof(tmp) - 1;
			memcpy(tmp, cls + 7, len);
			tmp[len] = '\0';
			step = graph_step_of_class(tmp);
		}
		buf_putn(&out, p, (size_t)(g - p));
		buf_puts(&out, "<g");
		if (step > k)
			buf_puts(&out, " opacity=\"0.2\"");
		p = g + 2;
	}
	buf_puts(&out, p);
	buf_free(svg);
	*svg = out;
}

bool
render_steps(render_format f, Agraph_t *g, int n, bool dim, buf *outs,
    char *err, size_t errsize)
{
	graph_steps *steps;
	bool ok = true;
	int k;

	if (formats[f].plugin == NULL) {
		snprintf(err, errsize, "%s has no steps", formats[f].name);
		return false;
	}
	if (!lay_out(g, err, errsize))
		return false;
	/* Everything a step changes was declared before the layout; only
	 * values change from here on. */
	steps = graph_steps_begin(g);
	for (k = 1; k <= n && ok; k++) {
		graph_step_show(steps, k, dim);
		ok = render_laid_out(g, formats[f].plugin, &outs[k - 1], err,
		    errsize);
		if (ok && dim && f == FMT_SVG)
			svg_fade(&outs[k - 1], k);
	}
	graph_step_show(steps, n, false);
	graph_steps_free(steps);
	gvFreeLayout(context(), g);
	return ok;
}

bool
render_output(render_format f, const model *m, const selection *sel,
    Agraph_t *g, const html_options *page, buf *out, char *err,
    size_t errsize)
{
	buf svg = {0};
	bool ok;

	if (formats[f].plugin == NULL)
		return formats[f].write(m, sel, g, out, err, errsize);
	if (!lay_out(g, err, errsize))
		return false;
	ok = render_laid_out(g, formats[f].plugin, f == FMT_HTML ? &svg : out,
	    err, errsize);
	gvFreeLayout(context(), g);
	if (ok && f == FMT_HTML)
		html_page(out, m, sel, page, svg.s, svg.len);
	buf_free(&svg);
	return ok;
}
