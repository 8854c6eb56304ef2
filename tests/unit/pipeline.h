/* For the unit tests that build models through the real pipeline
 * (kgraph.h: load and check): a model from a YAML string, and the
 * freeing of what a failed test left open. Included by those tests
 * only. */
#ifndef KG_TEST_PIPELINE_H
#define KG_TEST_PIPELINE_H

#include <stdio.h>
#include <string.h>

#include "kgraph.h"

typedef struct {
	diag_list dl;
	model *m;
} session;

static void
print_errors(const session *s)
{
	size_t i;

	for (i = 0; i < s->dl.n; i++)
		if (s->dl.v[i].level == DIAG_ERROR)
			print_message("t.yaml:%d:%d: %s\n", s->dl.v[i].line,
			    s->dl.v[i].col, s->dl.v[i].msg);
}

/* Sessions live here rather than on the stack, so that the teardown can
 * free those of a test that failed half-way. */
static session pool[4];
static bool pool_used[4];

static session *
open_model(const char *yaml)
{
	session *s = NULL;
	size_t i;

	for (i = 0; i < 4 && s == NULL; i++)
		if (!pool_used[i]) {
			pool_used[i] = true;
			s = &pool[i];
		}
	assert_non_null(s);
	memset(s, 0, sizeof(*s));
	s->dl.file = "t.yaml";
	s->m = kgraph_load(kgraph_parse(yaml, strlen(yaml),
	    &s->dl), "t.yaml", &s->dl);
	if (s->m == NULL) {
		print_errors(s);
		fail_msg("the test's YAML was not read");
	}
	kgraph_check(s->m, &s->dl);
	return s;
}

static void
close_model(session *s)
{
	model_free(s->m);
	diag_free(&s->dl);
	memset(s, 0, sizeof(*s));
	pool_used[s - pool] = false;
}

/* Frees what a failed test left open. */
static int
teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++)
		if (pool_used[i])
			close_model(&pool[i]);
	return 0;
}

#endif
