/* libFuzzer target: arbitrary bytes through every stage that needs no
 * layout, by the pipeline the command line uses: load, check, select
 * (with filters taken from the input's first byte), graph for every view
 * written as dot, and the selection as json. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kgraph.h"

/* Graph and render one format of one view of sel. */
static void
draw(const model *m, const selection *sel, const char *view,
    render_format f)
{
	graph_options o;
	html_options page = {0};
	Agraph_t *g;
	buf *outs;
	int n;
	char err[512];

	graph_defaults(&o);
	o.view = view;
	if (kgraph_graph(m, sel, &o, f, &g, err, sizeof(err)) != KGRAPH_OK)
		return;
	if (kgraph_render(f, m, sel, g, &o, &page, -1, &outs, &n, err,
	    sizeof(err)) == KGRAPH_OK)
		kgraph_outputs_free(outs, n);
	graph_free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list dl = {0};
	char *text = xmalloc(size + 1);
	kgraph_doc *doc;
	model *m;

	memcpy(text, data, size);
	text[size] = '\0';
	dl.file = "fuzz.yaml";
	doc = kgraph_parse(text, size, &dl);
	/* The document owns all it needs: the text goes before the model
	 * is built, as the command line does off a terminal. */
	free(text);
	m = kgraph_load(doc, "fuzz.yaml", &dl);
	if (m != NULL && kgraph_check(m, &dl) == 0 && dl.errors == 0) {
		sel_filters f = {0};
		selection sel;
		char err[512];
		size_t v;

		f.depth = -1;
		if (size > 0 && (data[0] & 1))
			f.phases = "1";
		if (size > 0 && (data[0] & 2))
			f.evidence = "reported";
		if (kgraph_select(m, NULL, &f, &sel, err, sizeof(err)) ==
		    KGRAPH_OK) {
			for (v = 0; model_builtin_views[v] != NULL; v++)
				draw(m, &sel, model_builtin_views[v], FMT_DOT);
			draw(m, &sel, "overview", FMT_JSON);
			sel_free(&sel);
		}
	}
	model_free(m);
	diag_free(&dl);
	return 0;
}
