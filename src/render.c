#include "render.h"
#include "render_png.h"

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
		render_png_register(gvc);
		/* Keep Graphviz's messages for ourselves. */
		graph_errors_keep();
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

/* Each format: its name, extensions and whether it is binary; pictures
 * name the Graphviz plugin that draws them from the layout, the others
 * the function that writes them without one. One list makes both the
 * table and the names for messages (render_format_list). */
#define FORMATS(X) \
	X(FMT_SVG, "svg", ".svg", NULL, false, "svg", NULL) \
	X(FMT_PDF, "pdf", ".pdf", NULL, true, "pdf:cairo", NULL) \
	X(FMT_PNG, "png", ".png", NULL, true, RENDER_PNG_DEVICE, NULL) \
	X(FMT_DOT, "dot", ".dot", ".gv", false, NULL, render_dot) \
	X(FMT_JSON, "json", ".json", NULL, false, NULL, render_json) \
	X(FMT_HTML, "html", ".html", ".htm", false, "svg", NULL)

#define FORMAT_ENTRY(f, name, ext, ext2, binary, plugin, write) \
	[f] = {name, ext, ext2, binary, plugin, write},
static const struct {
	const char *name, *ext, *ext2;
	bool binary;
	const char *plugin;
	bool (*write)(const model *, const selection *, Agraph_t *, buf *,
	    char *, size_t);
} formats[] = {
	FORMATS(FORMAT_ENTRY)
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* ", svg, pdf, ...": the names, each after a comma. */
#define FORMAT_NAME(f, name, ext, ext2, binary, plugin, write) ", " name
static const char format_names[] = FORMATS(FORMAT_NAME);

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
render_format_lays_out(render_format f)
{
	return formats[f].plugin != NULL;
}

void
render_prepare(void)
{
	(void)context();
}

bool
render_format_binary(render_format f)
{
	return formats[f].binary;
}

const char *
render_format_list(void)
{
	return format_names + 2;
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
	graph_drop_key_shapes(g);
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
/* The subgraphs of g, at every depth: each cluster is laid out as a
 * graph of its own. */
static long
subgraphs(Agraph_t *g)
{
	Agraph_t *s;
	long n = 0;

	for (s = agfstsubg(g); s != NULL; s = agnxtsubg(s))
		n += 1 + subgraphs(s);
	return n;
}

static bool
too_dense(Agraph_t *g, char *err, size_t errsize)
{
	/* A view that placed its nodes itself (nop) has its clusters drawn,
	 * not laid out. */
	long nodes, edges, clusters = strcmp(graph_layout_engine(g), "dot") ==
	    0 ? subgraphs(g) : 0;

	graph_size(g, &nodes, &edges);
	if (edges <= RENDER_MAX_EDGES_BASE + RENDER_MAX_EDGES_PER_NODE * nodes &&
	    nodes + clusters <= RENDER_MAX_NODES)
		return false;
	snprintf(err, errsize, "the view has %ld items, %ld links and %ld "
	    "boxes (groups, phases), more than a diagram can show or dot can "
	    "lay out in reasonable time (at most %d items and boxes, and %d "
	    "links plus %d per item); narrow it with --phase, --focus, --kind "
	    "or --actor", nodes, edges, clusters, RENDER_MAX_NODES,
	    RENDER_MAX_EDGES_BASE, RENDER_MAX_EDGES_PER_NODE);
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

/* Lays g out with dot, or with "nop" for a view that placed its nodes
 * itself; false with a message when Graphviz reports an error. A layout
 * that reported errors is left half made, and freeing it can abort in
 * Graphviz 2.43 (flat edges with labels): it is left, and the process
 * ends soon after. */
static bool
lay_out(Agraph_t *g, char *err, size_t errsize)
{
	if (too_dense(g, err, errsize))
		return false;
	graph_before_layout(g);
	graph_errors_reset();
	if (gvLayout(context(), g, graph_layout_engine(g)) != 0 ||
	    graph_errors() > 0) {
		char *msg = graph_error_take();

		snprintf(err, errsize, "Graphviz could not lay the graph out%s"
		    "%.300s", msg ? ": " : "", msg ? msg : "");
		free(msg);
		return false;
	}
	graph_after_layout(g);
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
	    graph_errors() > 0) {
		char *msg = graph_error_take();

		snprintf(err, errsize, "Graphviz could not render %s%s%.300s",
		    plugin, msg ? ": " : "", msg ? msg : "");
		free(msg);
		ok = false;
	} else if (strcmp(plugin, RENDER_PNG_DEVICE) == 0) {
		/* The device kept the pixels for render_png.c to write. */
		ok = render_png_write(out, err, errsize);
	} else {
		buf_putn(out, data, len);
	}
	if (data != NULL)
		gvFreeRenderData(data);
	return ok;
}

bool
render_pictures(const render_format *fs, int nf, Agraph_t *g, int n,
    bool dim, buf *outs, char *err, size_t errsize)
{
	graph_steps *steps = NULL;
	bool ok = true;
	int k, i;

	for (i = 0; i < nf; i++) {
		if (formats[fs[i]].plugin == NULL || fs[i] == FMT_HTML) {
			snprintf(err, errsize, "%s is not a picture",
			    formats[fs[i]].name);
			return false;
		}
	}
	if (!lay_out(g, err, errsize))
		return false;
	/* Everything a step changes was declared before the layout; only
	 * values change from here on. */
	if (n > 0)
		steps = graph_steps_begin(g);
	for (i = 0; i < nf && ok; i++) {
		if (n == 0) {
			ok = render_laid_out(g, formats[fs[i]].plugin, &outs[i],
			    err, errsize);
			continue;
		}
		for (k = 1; k <= n && ok; k++) {
			graph_step_show(steps, k, dim);
			ok = render_laid_out(g, formats[fs[i]].plugin,
			    &outs[i * n + k - 1], err, errsize);
		}
		graph_step_show(steps, n, false);
	}
	if (steps != NULL)
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
