/* The graph stage's clusters come in the order the views make them,
 * whatever the state of the heap: Graphviz keeps subgraphs in id order,
 * and its default ids are the addresses of interned names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "select.h"

#include "pipeline.h"

#define GROUPS 40

/* A model of GROUPS groups, one actor each, with ids of many lengths. */
static char *
many_groups(void)
{
	buf b = {0};
	int i;

	buf_puts(&b, "kgraph: 1\ntitle: Groups\ngroups:\n");
	for (i = 0; i < GROUPS; i++)
		buf_printf(&b, "  - { id: g%02d%.*s, name: G }\n", i,
		    (i * 7) % 23, "xxxxxxxxxxxxxxxxxxxxxxx");
	buf_puts(&b, "actors:\n");
	for (i = 0; i < GROUPS; i++)
		buf_printf(&b, "  - { id: a%02d, name: A, group: g%02d%.*s }\n",
		    i, i, (i * 7) % 23, "xxxxxxxxxxxxxxxxxxxxxxx");
	return b.s;
}

/* The SVG ids of g's clusters, in Graphviz's order, joined by spaces. */
static void
cluster_order(Agraph_t *g, buf *out)
{
	Agraph_t *sub;

	for (sub = agfstsubg(g); sub != NULL; sub = agnxtsubg(sub)) {
		cluster_order(sub, out);
		if (strncmp(agnameof(sub), "cluster", 7) == 0)
			buf_printf(out, "%s ", agget(sub, "id"));
	}
}

static void
actors_view_order(const model *m, buf *out)
{
	sel_filters f;
	selection sel;
	graph_options o;
	char err[256];
	Agraph_t *g;

	memset(&f, 0, sizeof(f));
	assert_true(sel_apply(m, &f, &sel, err, sizeof(err)));
	graph_defaults(&o);
	o.view = "actors";
	g = graph_build(m, &sel, &o, err, sizeof(err));
	assert_non_null(g);
	cluster_order(g, out);
	graph_free(g);
	sel_free(&sel);
}

/* Leaves holes of every small size in the heap, lower in memory than
 * what was allocated before, so that new names may land before old. */
static void
fragment_heap(void)
{
	void *p[400];
	int i;

	for (i = 0; i < 400; i++)
		p[i] = malloc(8 + (size_t)(i * 13) % 90);
	for (i = 399; i >= 0; i -= 2)
		free(p[i]);
	for (i = 0; i < 400; i += 2)
		free(p[i]);
}

static void
test_clusters_in_model_order_whatever_the_heap(void **state)
{
	char *yaml = many_groups();
	session *s = open_model(yaml);
	buf first = {0}, again = {0};
	int i, at = 0;

	(void)state;
	actors_view_order(s->m, &first);
	/* Group by group, in the model's order. */
	for (i = 0; i < GROUPS; i++) {
		char want[64];
		const char *found;

		snprintf(want, sizeof(want), "g%02d", i);
		found = strstr(first.s + at, want);
		assert_non_null(found);
		at = (int)(found - first.s) + 1;
	}
	for (i = 0; i < 20; i++) {
		fragment_heap();
		again.len = 0;
		actors_view_order(s->m, &again);
		assert_string_equal(first.s, again.s);
	}
	buf_free(&first);
	buf_free(&again);
	free(yaml);
	close_model(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(
		    test_clusters_in_model_order_whatever_the_heap, teardown),
	};

	return cmocka_run_group_tests_name("test_graph_order", tests, NULL,
	    NULL);
}
