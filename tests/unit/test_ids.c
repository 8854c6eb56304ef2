/* Unit tests for the id rule and the url rule of src/load.h, and for the
 * one id table of a model built through the real pipeline (reader, loader,
 * checker). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load.h"

/* ---- load_id_problem ---- */

static void
assert_id_ok(const char *s)
{
	char hint[65];
	const char *err;

	memset(hint, 'X', sizeof(hint));
	err = load_id_problem(s, strlen(s), hint);
	if (err != NULL)
		fail_msg("id \"%s\" refused: %s", s, err);
	assert_string_equal(hint, "");
}

/* The id is refused with a message containing what, and hint (or no
 * hint, for NULL; any, for "*"). */
static void
assert_id_bad(const char *s, size_t len, const char *what,
    const char *want_hint)
{
	char hint[65];
	const char *err;

	memset(hint, 'X', sizeof(hint));
	err = load_id_problem(s, len, hint);
	if (err == NULL)
		fail_msg("id \"%.*s\" accepted", (int)len, s);
	if (strstr(err, what) == NULL)
		fail_msg("id \"%.*s\": message \"%s\" does not say \"%s\"",
		    (int)len, s, err, what);
	assert_true(memchr(hint, '\0', sizeof(hint)) != NULL);
	if (want_hint != NULL && strcmp(want_hint, "*") == 0)
		return;         /* any hint */
	if (want_hint == NULL) {
		if (hint[0] != '\0')
			fail_msg("id \"%.*s\": unexpected hint \"%s\"",
			    (int)len, s, hint);
	} else {
		assert_string_equal(hint, want_hint);
	}
}

#define BAD(s, what, hint) assert_id_bad((s), strlen(s), (what), (hint))
#define CHARS "may use only a-z"

static void
test_id_valid(void **state)
{
	char id[80];

	(void)state;
	assert_id_ok("a");
	assert_id_ok("0");
	assert_id_ok("stalin");
	assert_id_ok("kim-il-sung");
	assert_id_ok("wcda-112127");
	assert_id_ok("keep_parallel_quiet");
	assert_id_ok("1949");
	assert_id_ok("a-");
	assert_id_ok("a_");
	assert_id_ok("9-_-_9");
	/* 64 bytes is the longest. */
	memset(id, 'a', 64);
	id[64] = '\0';
	assert_id_ok(id);
	memset(id, '7', 64);
	assert_id_ok(id);
}

static void
test_id_too_long(void **state)
{
	char id[80];

	(void)state;
	memset(id, 'a', 65);
	id[65] = '\0';
	BAD(id, "longer than 64 bytes", NULL);
	memset(id, 'z', 79);
	id[79] = '\0';
	BAD(id, "longer than 64 bytes", NULL);
}

static void
test_id_uppercase_hint(void **state)
{
	(void)state;
	BAD("Stalin", CHARS, "stalin");
	BAD("KIM", CHARS, "kim");
	BAD("keepParallelQuiet", CHARS, "keepparallelquiet");
	BAD("Kim_Il-Sung", CHARS, "kim_il-sung");
	BAD("A1", CHARS, "a1");
}

static void
test_id_leading_punctuation(void **state)
{
	(void)state;
	/* The hint starts at the first letter or digit. */
	BAD("-stalin", CHARS, "stalin");
	BAD("_stalin", CHARS, "stalin");
	BAD("--kim", CHARS, "kim");
	BAD("-Stalin", CHARS, "stalin");
	BAD("_1949", CHARS, "1949");
	/* Nothing to suggest. */
	BAD("-", CHARS, NULL);
	BAD("_", CHARS, NULL);
	BAD("-_-", CHARS, NULL);
}

static void
test_id_spaces_and_punctuation(void **state)
{
	(void)state;
	BAD("kim il sung", CHARS, "kim-il-sung");
	BAD("Kim Il Sung", CHARS, "kim-il-sung");
	BAD("a.b", CHARS, "a-b");
	BAD("stalin ", CHARS, "*");
	BAD(" stalin", CHARS, "stalin");
	BAD("a/b", CHARS, "a-b");
	BAD("a:b", CHARS, "a-b");
	BAD("a\tb", CHARS, "a-b");
	BAD("a'b", CHARS, "a-b");
}

static void
test_id_non_ascii(void **state)
{
	(void)state;
	/* Сталин, 김일성, café, é: no ASCII form to suggest. */
	BAD("\xd0\xa1\xd1\x82\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xbd", CHARS, NULL);
	BAD("\xea\xb9\x80\xec\x9d\xbc\xec\x84\xb1", CHARS, NULL);
	BAD("caf\xc3\xa9", CHARS, NULL);
	BAD("\xc3\xa9", CHARS, NULL);
	/* A Cyrillic а that looks like a Latin a. */
	BAD("st\xd0\xb0lin", CHARS, NULL);
	/* Not UTF-8 at all. */
	BAD("caf\xe9", "UTF-8", NULL);
	BAD("\xff", "UTF-8", NULL);
	BAD("ab\xc0\x80", "UTF-8", NULL);
}

static void
test_id_invisible(void **state)
{
	(void)state;
	/* Bidi overrides, isolates and zero-width characters are named as
	 * such, whatever else is wrong. */
	BAD("stalin\xe2\x80\xae", "invisible", NULL);        /* U+202E */
	BAD("\xe2\x80\xaastalin", "invisible", NULL);        /* U+202A */
	BAD("sta\xe2\x81\xa6lin", "invisible", NULL);        /* U+2066 */
	BAD("sta\xe2\x81\xa9lin", "invisible", NULL);        /* U+2069 */
	BAD("sta\xe2\x80\x8blin", "invisible", NULL);        /* U+200B */
	BAD("sta\xe2\x80\x8clin", "invisible", NULL);        /* U+200C */
	BAD("sta\xe2\x80\x8dlin", "invisible", NULL);        /* U+200D */
	BAD("\xef\xbb\xbfstalin", "invisible", NULL);        /* U+FEFF */
	BAD("Sta\xe2\x80\x8blin", "invisible", NULL);
}

static void
test_id_empty_and_nul(void **state)
{
	(void)state;
	assert_id_bad("", 0, "empty", NULL);
	assert_id_bad("a\0b", 3, CHARS, "*");
	assert_id_bad("\0", 1, CHARS, NULL);
	/* Only len bytes count. */
	{
		char hint[65];

		assert_null(load_id_problem("abc DEF", 3, hint));
		assert_string_equal(hint, "");
	}
}

/* ---- model_url_allowed ---- */

static void
test_url_allowed(void **state)
{
	static const char *const yes[] = {
		"http://example.org",
		"https://digitalarchive.wilsoncenter.org/document/112127",
		"HTTP://EXAMPLE.ORG/", "HtTpS://example.org/a?b=c#d",
		"https://example.org/a:b",
		("https://ko.wikipedia.org/wiki/"
		    "\xea\xb9\x80\xec\x9d\xbc\xec\x84\xb1"),
		"docs/report.pdf", "report.pdf", "../sources/a.html",
		"/abs/path.html", "./a:b", "#frag", "?q=a:b", "page?q=a:b",
		"page#a:b", "a/b:c", "x%3Ay",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!model_url_allowed(yes[i]))
			fail_msg("url \"%s\" refused", yes[i]);
}

static void
test_url_refused(void **state)
{
	static const char *const no[] = {
		"javascript:alert(1)", "JaVaScRiPt:alert(1)",
		"JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>",
		"data:text/html;base64,PGI+", "vbscript:msgbox", "file:///etc/passwd",
		"FILE:///etc/passwd", "mailto:a@example.org", "ftp://example.org",
		"//example.org/x", "//evil", "http:/example.org",
		"https:example.org", "http:", "a:b", "javascript:",
		/* Spaces, quotes, angle brackets, backslashes, controls. */
		"https://example.org/a b", " https://example.org",
		"https://example.org/ ", "https://example.org/\"onclick=",
		"https://example.org/<script>",
		"https://example.org/>", "https://example.org\\@evil",
		"https://example.org/`", "java\tscript:alert(1)",
		"java\nscript:alert(1)", "java\rscript:alert(1)",
		"\x01javascript:alert(1)", "docs/\x7f", "docs/\x1b[31m",
		" javascript:alert(1)", "\tjavascript:alert(1)",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (model_url_allowed(no[i]))
			fail_msg("url \"%s\" accepted", no[i]);
}

/* ---- the id table, through the real pipeline ---- */

#include "pipeline.h"


static void
assert_no_errors(const session *s)
{
	if (s->dl.errors != 0) {
		print_errors(s);
		fail_msg("%zu errors", s->dl.errors);
	}
}

/* The one error message that contains all of the given pieces. */
static const diag *
find_error(const session *s, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i < s->dl.n; i++) {
		const diag *d = &s->dl.v[i];

		if (d->level == DIAG_ERROR && strstr(d->msg, a) != NULL &&
		    (b == NULL || strstr(d->msg, b) != NULL))
			return d;
	}
	print_errors(s);
	fail_msg("no error mentions \"%s\"%s%s", a, b ? " and " : "",
	    b ? b : "");
	return NULL;
}

static const char every_kind[] =
    "kgraph: 1\n"
    "title: Ids of every kind\n"
    "sources:\n"
    "  - { id: bajanov, cite: Bajanov 1995 }\n"
    "  - { id: wcda-112127, cite: Notes of a conversation, url: "
    "\"https://digitalarchive.wilsoncenter.org/document/112127\" }\n"
    "groups:\n"
    "  - { id: ussr, name: Soviet Union }\n"
    "  - { id: dprk, name: North Korea }\n"
    "actors:\n"
    "  - { id: stalin, name: Joseph Stalin, group: ussr }\n"
    "  - { id: kim, name: Kim Il Sung, group: dprk }\n"
    "  - { id: shtykov, name: Terentii Shtykov, group: ussr }\n"
    "phases:\n"
    "  - { id: fear, title: Fear, from: 1949-01, to: 1949-08 }\n"
    "  - { id: pressure, title: Pressure, from: 1949-09, to: 1950-01-20 }\n"
    "questions:\n"
    "  - { id: unify-by-force, title: Should the North unify Korea by "
    "force? }\n"
    "events:\n"
    "  - { id: moscow-visit, title: Kim in Moscow, date: 1949-03-05, "
    "actors: [kim, stalin], sources: bajanov }\n"
    "decisions:\n"
    "  - id: keep-parallel-quiet\n"
    "    actor: stalin\n"
    "    title: The parallel must stay quiet\n"
    "    date: 1949-03-05\n"
    "    on: unify-by-force\n"
    "    outcome: rejected\n"
    "    sources: [bajanov, wcda-112127]\n"
    "causes:\n"
    "  - { id: north-weak, text: The North is weak, kind: objection, "
    "by: stalin, for: keep-parallel-quiet, sources: bajanov }\n"
    "views:\n"
    "  - { id: early, title: Early, phases: fear }\n";

static void
test_table_finds_every_kind(void **state)
{
	static const struct {
		const char *id;
		item_type type;
	} want[] = {
		{"bajanov", IT_SOURCE}, {"wcda-112127", IT_SOURCE},
		{"ussr", IT_GROUP}, {"dprk", IT_GROUP},
		{"stalin", IT_ACTOR}, {"kim", IT_ACTOR},
		{"shtykov", IT_ACTOR}, {"fear", IT_PHASE},
		{"pressure", IT_PHASE}, {"unify-by-force", IT_QUESTION},
		{"moscow-visit", IT_EVENT},
		{"keep-parallel-quiet", IT_DECISION},
		{"north-weak", IT_CAUSE}, {"early", IT_VIEW},
	};
	session *s;
	size_t i;

	(void)state;
	s = open_model(every_kind);
	assert_no_errors(s);
	assert_int_equal(s->m->ids.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		item *it = model_find(s->m, want[i].id);

		if (it == NULL)
			fail_msg("model_find(\"%s\") is NULL", want[i].id);
		assert_string_equal(it->id, want[i].id);
		assert_int_equal(it->type, want[i].type);
	}
	assert_int_equal(s->m->count[IT_SOURCE], 2);
	assert_int_equal(s->m->count[IT_ACTOR], 3);
	assert_int_equal(s->m->count[IT_PHASE], 2);
	assert_ptr_equal(model_find(s->m, "kim"), s->m->items[IT_ACTOR][1]);
	assert_ptr_equal(model_find(s->m, "pressure"),
	    s->m->items[IT_PHASE][1]);
	/* The references were resolved through the same table. */
	assert_ptr_equal(model_find(s->m, "stalin")->group.to,
	    model_find(s->m, "ussr"));
	assert_ptr_equal(model_find(s->m, "keep-parallel-quiet")->actor.to,
	    model_find(s->m, "stalin"));
	/* Ids that are not there, or not exactly. */
	assert_null(model_find(s->m, "nobody"));
	assert_null(model_find(s->m, ""));
	assert_null(model_find(s->m, "Stalin"));
	assert_null(model_find(s->m, "stalin "));
	assert_null(model_find(s->m, "stali"));
	assert_null(model_find(s->m, "Joseph Stalin"));
	close_model(s);
}

static void
test_table_duplicate_id(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: A duplicate id\n"
	    "actors:\n"
	    "  - { id: kim, name: Kim Il Sung }\n"
	    "events:\n"
	    "  - { id: visit, title: A visit, actors: kim }\n"
	    "  - { id: kim, title: An event with an actor's id }\n";
	session *s;
	const diag *d;

	(void)state;
	s = open_model(yaml);
	assert_true(s->dl.errors >= 1);
	d = find_error(s, "'kim'", "already");
	assert_non_null(strstr(d->msg, "an actor"));
	assert_int_equal(d->line, 7);
	/* The first keeps the id. */
	assert_int_equal(model_find(s->m, "kim")->type, IT_ACTOR);
	assert_int_equal(s->m->ids.n, 2);
	close_model(s);
}

static void
test_table_duplicate_same_kind(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: A duplicate id\n"
	    "sources:\n"
	    "  - { id: bajanov, cite: First }\n"
	    "  - { id: bajanov, cite: Second }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_int_equal(s->dl.errors, 1);
	assert_int_equal(find_error(s, "'bajanov'", "already")->line, 5);
	assert_string_equal(model_find(s->m, "bajanov")->cite, "First");
	close_model(s);
}

static void
test_table_bad_id_in_model(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: A bad id\n"
	    "actors:\n"
	    "  - { id: Stalin, name: Joseph Stalin }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_int_equal(s->dl.errors, 1);
	find_error(s, "Stalin", "did you mean 'stalin'");
	assert_null(model_find(s->m, "Stalin"));
	assert_null(model_find(s->m, "stalin"));
	close_model(s);
}

static void
test_table_suggest(void **state)
{
	session *s;
	const unsigned all = (1u << IT__COUNT) - 1;

	(void)state;
	s = open_model(every_kind);
	assert_string_equal(model_suggest_id(s->m, "stalln",
	    TYPE_BIT(IT_ACTOR)), "stalin");
	assert_string_equal(model_suggest_id(s->m, "stalln", all), "stalin");
	assert_string_equal(model_suggest_id(s->m, "keep-parallel-quite",
	    TYPE_BIT(IT_DECISION)), "keep-parallel-quiet");
	assert_string_equal(model_suggest_id(s->m, "bajanow",
	    TYPE_BIT(IT_SOURCE)), "bajanov");
	assert_string_equal(model_suggest_id(s->m, "presure",
	    TYPE_BIT(IT_PHASE)), "pressure");
	assert_string_equal(model_suggest_id(s->m, "kin", TYPE_BIT(IT_ACTOR)),
	    "kim");
	/* Only the kinds in the mask. */
	assert_null(model_suggest_id(s->m, "stalln", TYPE_BIT(IT_SOURCE) |
	    TYPE_BIT(IT_PHASE)));
	assert_null(model_suggest_id(s->m, "presure", TYPE_BIT(IT_ACTOR)));
	assert_null(model_suggest_id(s->m, "stalin", 0));
	/* Nothing close. */
	assert_null(model_suggest_id(s->m, "truman", all));
	assert_null(model_suggest_id(s->m, "zzzzzzzz", all));
	close_model(s);
}

/* A reference to a missing id is an error that names the nearest id. */
static void
test_table_unknown_reference(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: A misspelt reference\n"
	    "actors:\n"
	    "  - { id: stalin, name: Joseph Stalin }\n"
	    "decisions:\n"
	    "  - { id: d1, actor: stalln, title: A decision }\n";
	session *s;
	const diag *d;

	(void)state;
	s = open_model(yaml);
	d = find_error(s, "stalln", "did you mean 'stalin'");
	assert_int_equal(d->line, 6);
	assert_null(model_find(s->m, "d1")->actor.to);
	close_model(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_id_valid, teardown),
		cmocka_unit_test_teardown(test_id_too_long, teardown),
		cmocka_unit_test_teardown(test_id_uppercase_hint, teardown),
		cmocka_unit_test_teardown(test_id_leading_punctuation, teardown),
		cmocka_unit_test_teardown(test_id_spaces_and_punctuation, teardown),
		cmocka_unit_test_teardown(test_id_non_ascii, teardown),
		cmocka_unit_test_teardown(test_id_invisible, teardown),
		cmocka_unit_test_teardown(test_id_empty_and_nul, teardown),
		cmocka_unit_test_teardown(test_url_allowed, teardown),
		cmocka_unit_test_teardown(test_url_refused, teardown),
		cmocka_unit_test_teardown(test_table_finds_every_kind, teardown),
		cmocka_unit_test_teardown(test_table_duplicate_id, teardown),
		cmocka_unit_test_teardown(test_table_duplicate_same_kind, teardown),
		cmocka_unit_test_teardown(test_table_bad_id_in_model, teardown),
		cmocka_unit_test_teardown(test_table_suggest, teardown),
		cmocka_unit_test_teardown(test_table_unknown_reference, teardown),
	};

	return cmocka_run_group_tests_name("test_ids", tests, NULL, NULL);
}
