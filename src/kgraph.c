#include "kgraph.h"
#include "bibliography.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "child.h"
#include "embedded.h"
#include "fonts.h"
#include "load.h"
#include "reader.h"

const char *
kgraph_name(const char *path)
{
	if (path == NULL)
		return KG_BUILTIN_NAME;
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

kgraph_status
kgraph_read(const char *path, char **text, size_t *len, char *err,
    size_t errsize, diag_list *dl)
{
	FILE *fp;
	bool ok;

	*text = NULL;
	*len = 0;
	if (errsize > 0)
		err[0] = '\0';
	if (path == NULL) {
		*text = xmalloc(kg_builtin_model_len + 1);
		memcpy(*text, kg_builtin_model, kg_builtin_model_len + 1);
		*len = kg_builtin_model_len;
		return KGRAPH_OK;
	}
	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (fp == NULL) {
		snprintf(err, errsize, "cannot open %s: %s", path,
		    strerror(errno));
		return KGRAPH_MODEL;
	}
	ok = reader_slurp(fp, text, len, dl);
	if (fp != stdin)
		fclose(fp);
	return ok ? KGRAPH_OK : KGRAPH_MODEL;
}

/* The tree and the scalars' text in arenas of their own: the model keeps
 * the text and the tree goes, before check, which on a large model then
 * runs in the room the tree took. */
struct kgraph_doc {
	node *root;
	arena *tree, *texts;
};

kgraph_doc *
kgraph_parse(const char *text, size_t len, diag_list *dl)
{
	kgraph_doc *doc = xcalloc(1, sizeof(*doc));

	doc->tree = arena_new();
	doc->texts = arena_new();
	doc->root = reader_parse(text, len, doc->tree, doc->texts, dl);
	if (doc->root == NULL) {
		arena_free(doc->tree);
		arena_free(doc->texts);
		free(doc);
		return NULL;
	}
	return doc;
}

model *
kgraph_load(kgraph_doc *doc, const char *file, diag_list *dl)
{
	model *m;

	if (doc == NULL)
		return NULL;
	m = load_model(doc->root, doc->texts, file, dl);
	arena_free(doc->tree);
	free(doc);
	return m;
}

void
kgraph_bibliography(model *m, const char *path, diag_list *dl)
{
	buf dir = {0};
	const char *slash;

	if (m->bibliography.n == 0)
		return;
	if (path == NULL || strcmp(path, "-") == 0 ||
	    (slash = strrchr(path, '/')) == NULL)
		buf_puts(&dir, ".");
	else if (slash == path)
		buf_puts(&dir, "/");
	else
		buf_putn(&dir, path, (size_t)(slash - path));
	bibliography_load(m, dir.s, dl);
	buf_free(&dir);
}

size_t
kgraph_check(model *m, diag_list *dl)
{
	return check_model(m, dl);
}

bool
kgraph_view(const model *m, const char *name, const char **base,
    const item **mv)
{
	const item *v;

	*mv = NULL;
	if (model_lookup(model_builtin_views, name) >= 0) {
		*base = name;
		return true;
	}
	v = model_find(m, name);
	if (v == NULL || v->type != IT_VIEW)
		return false;
	*mv = v;
	*base = v->view->base ? v->view->base : "overview";
	return true;
}

kgraph_status
kgraph_select(const model *m, const item *view, sel_filters *f,
    selection *sel, char *err, size_t errsize)
{
	if (view != NULL)
		sel_from_view(view, f, m->arena);
	return sel_apply(m, f, sel, err, errsize) ? KGRAPH_OK :
	    KGRAPH_USAGE;
}

kgraph_status
kgraph_graph(const model *m, const selection *sel, const graph_options *o,
    render_format f, Agraph_t **g, char *err, size_t errsize)
{
	/* Refused before the graph is built: building the graph of a
	 * million items takes longer than telling the user no. */
	*g = NULL;
	if (!render_fits(f, m, sel, err, errsize))
		return KGRAPH_OUTPUT;
	*g = graph_build(m, sel, o, err, errsize);
	return *g != NULL ? KGRAPH_OK : KGRAPH_USAGE;
}

/* What the layout needs, for the child that does it. */
typedef struct {
	render_format f;
	const model *m;
	const selection *sel;
	Agraph_t *g;
	const graph_options *o;
	html_options *page;
	const render_format *also;      /* more pictures of one layout */
	int nalso;
} render_job;

static bool
render_here(void *arg, buf **outs, int *n, char *err, size_t errsize)
{
	render_job *j = arg;
	bool ok;

	/* A page steps through the phases itself, in one file. */
	if (j->f == FMT_SVG || j->f == FMT_PDF || j->f == FMT_PNG) {
		render_format fs[1 + KGRAPH_MAX_ALSO];
		int steps = j->o->steps ? graph_step_count(j->g) : 0, nf, i;

		fs[0] = j->f;
		for (i = 0; i < j->nalso && i < KGRAPH_MAX_ALSO; i++)
			fs[1 + i] = j->also[i];
		nf = 1 + i;
		*n = nf * (steps > 0 ? steps : 1);
		*outs = xcalloc((size_t)*n, sizeof(buf));
		ok = render_pictures(fs, nf, j->g, steps, j->page->dim, *outs,
		    err, errsize);
	} else {
		*n = 1;
		*outs = xcalloc(1, sizeof(buf));
		ok = render_output(j->f, j->m, j->sel, j->g, j->page, *outs,
		    err, errsize);
	}
	if (!ok) {
		kgraph_outputs_free(*outs, *n);
		*outs = NULL;
		*n = 0;
	}
	return ok;
}

/* render_here in the child of the layout: a PDF's glyphs unhinted,
 * unless a PNG, a raster that hinting sharpens, is drawn with it. */
static bool
render_child(void *arg, buf **outs, int *n, char *err, size_t errsize)
{
	render_job *j = arg;
	bool pdf = j->f == FMT_PDF, png = j->f == FMT_PNG;
	int i;

	for (i = 0; i < j->nalso; i++) {
		pdf = pdf || j->also[i] == FMT_PDF;
		png = png || j->also[i] == FMT_PNG;
	}
	if (pdf && !png)
		fonts_unhinted();
	return render_here(arg, outs, n, err, errsize);
}

kgraph_status
kgraph_render(render_format f, const model *m, const selection *sel,
    Agraph_t *g, const graph_options *o, html_options *page, double timeout,
    buf **outs, int *n, char *err, size_t errsize)
{
	return kgraph_render_also(f, NULL, 0, m, sel, g, o, page, timeout,
	    outs, n, err, errsize);
}

kgraph_status
kgraph_render_also(render_format f, const render_format *also, int nalso,
    const model *m, const selection *sel, Agraph_t *g,
    const graph_options *o, html_options *page, double timeout, buf **outs,
    int *n, char *err, size_t errsize)
{
	render_job j = {f, m, sel, g, o, page, also, nalso};
	long nodes = 0, edges = 0;
	child_status st;

	page->steps = g != NULL ? graph_step_count(g) : 1;
	if (timeout < 0 || !render_format_lays_out(f))
		return render_here(&j, outs, n, err, errsize) ? KGRAPH_OK :
		    KGRAPH_OUTPUT;
	/* The layout in a child, which a deadline or Ctrl-C can end. */
	render_prepare();
	st = child_run(render_child, &j, timeout, outs, n, err, errsize);
	if (st == CHILD_OK)
		return KGRAPH_OK;
	if (st == CHILD_TIMEOUT) {
		graph_size(g, &nodes, &edges);
		snprintf(err, errsize, "the layout of this view (%ld nodes, "
		    "%ld edges) took longer than %g s and was stopped: draw a "
		    "part of it (--phase, --since, --focus ID) or another "
		    "view, or give --timeout 0 to wait without limit", nodes,
		    edges, timeout);
	}
	return KGRAPH_OUTPUT;
}

void
kgraph_outputs_free(buf *outs, int n)
{
	int k;

	for (k = 0; k < n; k++)
		buf_free(&outs[k]);
	free(outs);
}
