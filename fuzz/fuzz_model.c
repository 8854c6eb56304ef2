/* libFuzzer target: arbitrary bytes through every stage that needs no
 * layout: read, load, check, select (with filters taken from the input's
 * first byte), graph build for every view, and dot output. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "graph.h"
#include "load.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list dl = {0};
	arena *a = arena_new();
	char *text = xmalloc(size + 1);
	node *root;

	memcpy(text, data, size);
	text[size] = '\0';
	dl.file = "fuzz.yaml";
	root = reader_parse(text, size, a, &dl);
	if (root != NULL) {
		model *m = load_model(root, "fuzz.yaml", &dl);

		check_model(m, &dl);
		if (dl.errors == 0) {
			sel_filters f = {0};
			selection sel;
			char err[512];
			size_t v;

			f.depth = -1;
			if (size > 0 && (data[0] & 1))
				f.phases = "1";
			if (size > 0 && (data[0] & 2))
				f.evidence = "reported";
			if (sel_apply(m, &f, &sel, err, sizeof(err))) {
				for (v = 0; model_builtin_views[v] != NULL;
				    v++) {
					graph_options o;
					Agraph_t *g;
					buf out = {0};

					graph_defaults(&o);
					o.view = model_builtin_views[v];
					g = graph_build(m, &sel, &o, err,
					    sizeof(err));
					if (g != NULL) {
						graph_write_dot(g, &out);
						graph_free(g);
					}
					buf_free(&out);
				}
				sel_free(&sel);
			}
		}
		model_free(m);
	}
	diag_free(&dl);
	arena_free(a);
	free(text);
	return 0;
}
