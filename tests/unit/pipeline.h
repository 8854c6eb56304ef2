/* For the unit tests that build models through the real pipeline
 * (reader, loader, checker): a model from a YAML string, and the freeing
 * of what a failed test left open. Included by those tests only. */
#ifndef KG_TEST_PIPELINE_H
#define KG_TEST_PIPELINE_H

#include <stdio.h>
#include <string.h>

#include "check.h"
#include "load.h"
#include "reader.h"

typedef struct {
	diag_list dl;
	arena *a;
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
	arena *texts;
	node *root;
	size_t i;

	for (i = 0; i < 4 && s == NULL; i++)
		if (!pool_used[i]) {
			pool_used[i] = true;
			s = &pool[i];
		}
	assert_non_null(s);
	memset(s, 0, sizeof(*s));
	s->dl.file = "t.yaml";
	s->a = arena_new();
	texts = arena_new();
	root = reader_parse(yaml, strlen(yaml), s->a, texts, &s->dl);
	if (root == NULL) {
		print_errors(s);
		fail_msg("the test's YAML was not read");
	}
	s->m = load_model(root, texts, "t.yaml", &s->dl);
	assert_non_null(s->m);
	check_model(s->m, &s->dl);
	return s;
}

static void
close_model(session *s)
{
	model_free(s->m);
	arena_free(s->a);
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
