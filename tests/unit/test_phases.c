/* Unit tests for the phases of items (docs/format.md, "How items get
 * their phase"), for model_phase and model_phase_spec, and for the
 * stance of decisions, all through the real pipeline: reader, loader and
 * checker. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include "pipeline.h"


static void
assert_errors(const session *s, size_t n)
{
	if (s->dl.errors != n) {
		print_errors(s);
		fail_msg("%zu errors, want %zu", s->dl.errors, n);
	}
}

static item *
find(const session *s, const char *id)
{
	item *it = model_find(s->m, id);

	if (it == NULL)
		fail_msg("no item '%s'", id);
	return it;
}

static void
assert_phase_is(const char *what, const item *got, const char *want)
{
	const char *g = got ? got->id : NULL;

	if (want == NULL && g == NULL)
		return;
	if (want == NULL || g == NULL || strcmp(want, g) != 0)
		fail_msg("%s: phase %s%s%s, want %s%s%s", what,
		    g ? "'" : "", g ? g : "none", g ? "'" : "",
		    want ? "'" : "", want ? want : "none", want ? "'" : "");
}

/* The resolved phase of an item. */
static void
assert_item_phase(const session *s, const char *id, const char *want)
{
	char what[96];

	snprintf(what, sizeof(what), "item '%s'", id);
	assert_phase_is(what, find(s, id)->resolved_phase, want);
}

/* The one link from -> to of this type. */
static relation *
find_link(const session *s, const char *from, const char *to,
    link_type type)
{
	relation *found = NULL;
	size_t i;

	for (i = 0; i < s->m->nlinks; i++) {
		relation *l = &s->m->links[i];

		if (l->type == type && l->from_ref.id && l->to_ref.id &&
		    strcmp(l->from_ref.id, from) == 0 &&
		    strcmp(l->to_ref.id, to) == 0) {
			if (found != NULL)
				fail_msg("two links %s -> %s", from, to);
			found = l;
		}
	}
	if (found == NULL)
		fail_msg("no link %s -> %s (%s)", from, to,
		    model_link_type_names[type]);
	return found;
}

static void
assert_link_phase(const session *s, const char *from, const char *to,
    link_type type, const char *want)
{
	char what[128];

	snprintf(what, sizeof(what), "link %s -> %s (%s)", from, to,
	    model_link_type_names[type]);
	assert_phase_is(what, find_link(s, from, to, type)->resolved_phase,
	    want);
}

/* The messages of a level that contain all of a, b and c (NULL for
 * none). */
static size_t
count_level(const session *s, diag_level level, const char *a,
    const char *b, const char *c)
{
	size_t i, n = 0;

	for (i = 0; i < s->dl.n; i++) {
		const char *msg = s->dl.v[i].msg;

		if (s->dl.v[i].level == level &&
		    (a == NULL || strstr(msg, a)) &&
		    (b == NULL || strstr(msg, b)) &&
		    (c == NULL || strstr(msg, c)))
			n++;
	}
	return n;
}

static size_t
count_errors(const session *s, const char *a, const char *b, const char *c)
{
	return count_level(s, DIAG_ERROR, a, b, c);
}

/* The first error, in order of arrival. */
static const diag *
first_error(const session *s)
{
	size_t i;

	for (i = 0; i < s->dl.n; i++)
		if (s->dl.v[i].level == DIAG_ERROR)
			return &s->dl.v[i];
	fail_msg("no error");
	return NULL;
}

#define HEAD \
    "kgraph: 1\n" \
    "title: Phases\n" \
    "actors:\n" \
    "  - { id: stalin, name: Joseph Stalin }\n" \
    "phases:\n" \
    "  - { id: p1, title: One, from: 1949-01, to: 1949-06 }\n" \
    "  - { id: p2, title: Two, from: 1949-07, to: 1949-12 }\n" \
    "  - { id: p3, title: Three, from: 1950-01, to: 1950-06 }\n"

/* ---- rules 1 and 2 ---- */

static const char dated[] = HEAD
    "events:\n"
    "  - { id: e-day, title: x, date: 1949-03-05 }\n"
    "  - { id: e-month, title: x, date: 1949-09 }\n"
    "  - { id: e-interval, title: x, date: 1949-07/1949-09-15 }\n"
    "  - { id: e-approx, title: x, date: ~1950-02 }\n"
    "  - { id: e-approx-interval, title: x, date: ~1950-01/1950-06 }\n"
    "  - { id: e-first-day, title: x, date: 1949-07-01 }\n"
    "  - { id: e-last-day, title: x, date: 1949-06-30 }\n"
    "  - { id: e-outside, title: x, date: 1951 }\n"
    "  - { id: e-before, title: x, date: 1948-12-31 }\n"
    "  - { id: e-undated, title: x }\n"
    "  - { id: e-explicit, title: x, date: 1949-03-05, phase: p3 }\n"
    "  - { id: e-explicit-undated, title: x, phase: p2 }\n"
    "decisions:\n"
    "  - { id: d-explicit, actor: stalin, title: x, date: 1949-08, "
    "phase: p1 }\n"
    "  - { id: d-dated, actor: stalin, title: x, date: 1950-06-30 }\n"
    "  - { id: d-undated, actor: stalin, title: x }\n"
    "causes:\n"
    "  - { id: c-dated, text: x, by: stalin, date: 1950-03, for: e-day }\n"
    "  - { id: c-explicit, text: x, by: stalin, date: 1950-03, phase: p2, "
    "for: e-day }\n";

static void
test_rule1_explicit_phase_wins(void **state)
{
	session *s;

	(void)state;
	s = open_model(dated);
	assert_errors(s, 0);
	/* The date lies in p1 (or p2), the phase says otherwise. */
	assert_item_phase(s, "e-explicit", "p3");
	assert_item_phase(s, "d-explicit", "p1");
	assert_item_phase(s, "c-explicit", "p2");
	assert_item_phase(s, "e-explicit-undated", "p2");
	close_model(s);
}

static void
test_rule2_phase_of_the_date(void **state)
{
	session *s;

	(void)state;
	s = open_model(dated);
	assert_errors(s, 0);
	assert_item_phase(s, "e-day", "p1");
	assert_item_phase(s, "e-month", "p2");
	assert_item_phase(s, "e-interval", "p2");
	assert_item_phase(s, "e-approx", "p3");
	assert_item_phase(s, "e-approx-interval", "p3");
	assert_item_phase(s, "e-first-day", "p2");
	assert_item_phase(s, "e-last-day", "p1");
	assert_item_phase(s, "d-dated", "p3");
	/* A cause's own date comes before what it is for (e-day, in p1). */
	assert_item_phase(s, "c-dated", "p3");
	close_model(s);
}

/* Rule 2 needs the whole date inside one phase: a date across a phase's
 * first or last day, into another phase or out of all, is an error that
 * asks for an explicit phase, for every kind of item and for links; the
 * item gets no phase from it. */
static void
test_rule2_straddling_dates_are_errors(void **state)
{
	static const char yaml[] = HEAD
	    "events:\n"
	    "  - { id: e-straddle, title: x, date: 1949-05/1949-08 }\n"
	    "  - { id: e-straddle-days, title: x, date: 1949-06-30/1949-07-01 }\n"
	    "  - { id: e-year, title: x, date: 1949 }\n"
	    "  - { id: e-overhang, title: x, date: 1950-06/1950-07 }\n"
	    "  - { id: e-early, title: x, date: 1948-12/1949-01 }\n"
	    "  - { id: e-settled, title: x, date: 1949, phase: p2 }\n"
	    "causes:\n"
	    "  - { id: c-straddle, text: x, by: stalin, date: 1949-05/1949-08, "
	    "against: e-settled }\n"
	    "links:\n"
	    "  - { from: e-year, to: e-settled, type: causes, "
	    "date: 1949-05/1949-08 }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 7);
	assert_int_equal(count_errors(s, "'phase'", NULL, NULL), 7);
	assert_int_equal(count_errors(s, "e-straddle'", "spans phases "
	    "'p1' and 'p2'", NULL), 1);
	assert_int_equal(count_errors(s, "e-straddle-days'", "'p1' and 'p2'",
	    NULL), 1);
	assert_int_equal(count_errors(s, "e-year'", "'p1' and 'p2'", NULL),
	    1);
	assert_int_equal(count_errors(s, "e-overhang'", "crosses a boundary "
	    "of phase 'p3'", NULL), 1);
	assert_int_equal(count_errors(s, "e-early'", "phase 'p1'", NULL), 1);
	assert_int_equal(count_errors(s, "c-straddle'", "'p1' and 'p2'",
	    NULL), 1);
	assert_int_equal(count_errors(s, "a link", "'p1' and 'p2'", NULL), 1);
	/* An item in error gets no phase from its date. */
	assert_item_phase(s, "e-straddle", NULL);
	assert_item_phase(s, "e-straddle-days", NULL);
	assert_item_phase(s, "e-year", NULL);
	assert_item_phase(s, "e-overhang", NULL);
	assert_item_phase(s, "e-settled", "p2");
	close_model(s);
}

/* Rule 4's warning: a dated event or decision outside every phase is
 * named with the phases before and after it, at its date; not a cause
 * or a link, which take their phase from what they join, nor an item
 * with its own phase, nor any item when no phase has dates. */
static void
test_rule4_warning(void **state)
{
	static const char yaml[] = HEAD
	    "events:\n"
	    "  - { id: e-gap, title: x, date: 1951 }\n"
	    "  - { id: e-before, title: x,\n"
	    "      date: 1948-12-31 }\n"
	    "  - { id: e-own, title: x, date: 1952, phase: p1 }\n"
	    "decisions:\n"
	    "  - { id: d-after, actor: stalin, title: x, date: 1950-07-01 }\n"
	    "causes:\n"
	    "  - { id: c-outside, text: x, by: stalin, date: 1952, "
	    "for: e-gap }\n"
	    "links:\n"
	    "  - { from: e-gap, to: d-after, type: causes, date: 1953 }\n";
	static const char undated_phases[] =
	    "kgraph: 1\n"
	    "title: Phases without dates\n"
	    "phases:\n"
	    "  - { id: p1, title: One }\n"
	    "events:\n"
	    "  - { id: e1, title: x, date: 1951 }\n";
	session *s;
	size_t i;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 0);
	assert_int_equal(count_level(s, DIAG_WARNING, "dated ", NULL, NULL),
	    3);
	assert_int_equal(count_level(s, DIAG_WARNING, "dated 1951, after "
	    "phase 3 'p3' (to Jun 1950): give it 'phase:' or widen a phase",
	    NULL, NULL), 1);
	assert_int_equal(count_level(s, DIAG_WARNING, "dated 31 Dec 1948, "
	    "before phase 1 'p1' (from Jan 1949)", NULL, NULL), 1);
	assert_int_equal(count_level(s, DIAG_WARNING, "dated 1 Jul 1950, "
	    "after phase 3 'p3'", NULL, NULL), 1);
	/* At the date, on its own line. */
	for (i = 0; i < s->dl.n; i++)
		if (strstr(s->dl.v[i].msg, "31 Dec 1948") != NULL)
			assert_int_equal(s->dl.v[i].line, 12);
	close_model(s);
	s = open_model(undated_phases);
	assert_errors(s, 0);
	assert_int_equal(count_level(s, DIAG_WARNING, "dated ", NULL, NULL),
	    0);
	close_model(s);
}

/* Between two phases, the one that ends last before the date and the
 * one that begins first after it. */
static void
test_rule4_warning_between(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Gaps\n"
	    "phases:\n"
	    "  - { id: long, title: Long, from: 1940, to: 1949-03 }\n"
	    "  - { id: short, title: Short, from: 1941, to: 1942 }\n"
	    "  - { id: late, title: Late, from: 1951, to: 1952 }\n"
	    "  - { id: next, title: Next, from: 1950-02, to: 1950-12 }\n"
	    "events:\n"
	    "  - { id: e1, title: x, date: 1949-06/1949-09 }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 0);
	assert_int_equal(count_level(s, DIAG_WARNING, "dated Jun-Sep 1949, "
	    "between phase 1 'long' (to Mar 1949) and phase 4 'next' (from "
	    "Feb 1950): give it 'phase:' or widen a phase", NULL, NULL), 1);
	close_model(s);
}

static void
test_rule4_none(void **state)
{
	session *s;

	(void)state;
	s = open_model(dated);
	assert_errors(s, 0);
	assert_item_phase(s, "e-outside", NULL);
	assert_item_phase(s, "e-before", NULL);
	assert_item_phase(s, "e-undated", NULL);
	assert_item_phase(s, "d-undated", NULL);
	/* Things that have no phase at all. */
	assert_null(find(s, "stalin")->resolved_phase);
	assert_null(find(s, "p1")->resolved_phase);
	close_model(s);
}

/* A phase open at one end covers everything before or after. */
static void
test_rule2_open_phases(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Open phases\n"
	    "phases:\n"
	    "  - { id: before, title: Before, to: 1949-12 }\n"
	    "  - { id: undated, title: No dates }\n"
	    "  - { id: after, title: After, from: 1950-01 }\n"
	    "events:\n"
	    "  - { id: e-old, title: x, date: 1900 }\n"
	    "  - { id: e-dec, title: x, date: 1949-12-31 }\n"
	    "  - { id: e-jan, title: x, date: 1950-01-01 }\n"
	    "  - { id: e-new, title: x, date: 2000-06 }\n"
	    "  - { id: e-both, title: x, date: 1949-12/1950-01 }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	/* e-both runs from one phase into the other. */
	assert_errors(s, 1);
	assert_int_equal(count_errors(s, "e-both", "'before' and 'after'",
	    NULL), 1);
	assert_item_phase(s, "e-old", "before");
	assert_item_phase(s, "e-dec", "before");
	assert_item_phase(s, "e-jan", "after");
	assert_item_phase(s, "e-new", "after");
	assert_item_phase(s, "e-both", NULL);
	assert_int_equal(find(s, "after")->number, 3);
	close_model(s);
}

/* A date in two phases is an error that names both and asks for an
 * explicit phase; an explicit phase settles it. */
static void
test_rule2_overlapping_phases_error(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Overlapping phases\n"
	    "actors:\n"
	    "  - { id: stalin, name: Joseph Stalin }\n"
	    "phases:\n"
	    "  - { id: spring, title: Spring, from: 1949-03, to: 1949-06 }\n"
	    "  - { id: summer, title: Summer, from: 1949-06, to: 1949-08 }\n"
	    "events:\n"
	    "  - { id: calm, title: x, date: 1949-04 }\n"
	    "  - { id: settled, title: x, date: 1949-06-15, phase: summer }\n"
	    "  - id: clash\n"
	    "    title: x\n"
	    "    date: 1949-06-15\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 1);
	assert_int_equal(count_errors(s, "'spring'", "'summer'", "clash"),
	    1);
	assert_int_equal(count_errors(s, "'phase'", NULL, NULL), 1);
	/* At the date. */
	assert_int_equal(first_error(s)->line, 13);
	assert_item_phase(s, "clash", NULL);
	assert_item_phase(s, "calm", "spring");
	assert_item_phase(s, "settled", "summer");
	close_model(s);
}

static void
test_rule2_overlap_error_for_every_kind(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Overlapping phases\n"
	    "actors:\n"
	    "  - { id: stalin, name: Joseph Stalin }\n"
	    "phases:\n"
	    "  - { id: spring, title: Spring, from: 1949-03, to: 1949-06 }\n"
	    "  - { id: summer, title: Summer, from: 1949-06, to: 1949-08 }\n"
	    "events:\n"
	    "  - { id: calm, title: x, date: 1949-04 }\n"
	    "decisions:\n"
	    "  - { id: d-clash, actor: stalin, title: x, date: 1949-06 }\n"
	    "causes:\n"
	    "  - { id: c-clash, text: x, by: stalin, date: 1949-06-01, "
	    "for: calm }\n"
	    "links:\n"
	    "  - { from: calm, to: d-clash, type: leads-to, date: 1949-06 }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 3);
	assert_int_equal(count_errors(s, "'spring'", "'summer'", NULL), 3);
	assert_int_equal(count_errors(s, "'spring'", "'summer'",
	    "d-clash"), 1);
	assert_int_equal(count_errors(s, "'spring'", "'summer'",
	    "c-clash"), 1);
	assert_int_equal(count_errors(s, "'spring'", "'summer'", "link"), 1);
	assert_item_phase(s, "d-clash", NULL);
	close_model(s);
}

/* ---- rule 3 for causes ---- */

static const char causes[] = HEAD
    "events:\n"
    "  - { id: e1, title: x, date: 1949-03 }\n"
    "  - { id: e2, title: x, date: 1949-09 }\n"
    "  - { id: e3, title: x, date: 1950-03 }\n"
    "  - { id: e-none, title: x }\n"
    "decisions:\n"
    "  - { id: d3, actor: stalin, title: x, phase: p3 }\n"
    "causes:\n"
    "  - { id: c-for-two, text: x, by: stalin, for: [e2, e1] }\n"
    "  - { id: c-against, text: x, by: stalin, against: [d3, e2] }\n"
    "  - { id: c-mixed, text: x, by: stalin, for: e3, against: e2 }\n"
    "  - { id: c-of-cause, text: x, by: stalin, for: c-late }\n"
    "  - { id: c-late, text: x, by: stalin, for: d3 }\n"
    "  - { id: c-chain, text: x, by: stalin, for: [c-of-cause, e2] }\n"
    "  - { id: c-none, text: x, by: stalin, for: e-none }\n"
    "  - { id: c-some, text: x, by: stalin, for: [e-none, e3] }\n"
    "  - { id: c-dated-outside, text: x, by: stalin, date: 1952, "
    "for: e2 }\n"
    "  - { id: c-of-explicit, text: x, by: stalin, for: c-explicit }\n"
    "  - { id: c-explicit, text: x, by: stalin, phase: p1, for: e3 }\n"
    "  - { id: cy-a, text: x, by: stalin, for: cy-b }\n"
    "  - { id: cy-b, text: x, by: stalin, for: cy-a }\n"
    "  - { id: cy-self-a, text: x, by: stalin, for: cy-self-b }\n"
    "  - { id: cy-self-b, text: x, by: stalin, for: [cy-self-c] }\n"
    "  - { id: cy-self-c, text: x, by: stalin, against: cy-self-a }\n";

static void
test_rule3_cause_earliest_phase(void **state)
{
	session *s;

	(void)state;
	s = open_model(causes);
	assert_errors(s, 0);
	/* The earliest by phase number, not the first listed. */
	assert_item_phase(s, "c-for-two", "p1");
	assert_item_phase(s, "c-against", "p2");
	assert_item_phase(s, "c-mixed", "p2");
	/* Ends without a phase are passed over. */
	assert_item_phase(s, "c-none", NULL);
	assert_item_phase(s, "c-some", "p3");
	/* A date that gives no phase leaves rule 3. */
	assert_item_phase(s, "c-dated-outside", "p2");
	close_model(s);
}

static void
test_rule3_cause_via_cause(void **state)
{
	session *s;

	(void)state;
	s = open_model(causes);
	assert_errors(s, 0);
	assert_item_phase(s, "c-late", "p3");
	/* For a cause listed after it. */
	assert_item_phase(s, "c-of-cause", "p3");
	assert_item_phase(s, "c-chain", "p2");
	/* For a cause with its own phase (rule 1). */
	assert_item_phase(s, "c-of-explicit", "p1");
	close_model(s);
}

static void
test_rule3_cause_cycle_ends_in_none(void **state)
{
	session *s;

	(void)state;
	s = open_model(causes);
	assert_errors(s, 0);
	assert_item_phase(s, "cy-a", NULL);
	assert_item_phase(s, "cy-b", NULL);
	assert_item_phase(s, "cy-self-a", NULL);
	assert_item_phase(s, "cy-self-b", NULL);
	assert_item_phase(s, "cy-self-c", NULL);
	close_model(s);
}

/* A cycle of causes one of which is also for a phased item: every cause
 * on the ring is (through the others) for that item, so all get its phase,
 * whatever the order of the file. */
static const char ring_a_first[] = HEAD
    "events:\n"
    "  - { id: e1, title: x, date: 1949-03 }\n"
    "causes:\n"
    "  - { id: ring-a, text: x, by: stalin, for: [ring-b, e1] }\n"
    "  - { id: ring-b, text: x, by: stalin, for: ring-c }\n"
    "  - { id: ring-c, text: x, by: stalin, for: ring-a }\n";
static const char ring_b_first[] = HEAD
    "events:\n"
    "  - { id: e1, title: x, date: 1949-03 }\n"
    "causes:\n"
    "  - { id: ring-b, text: x, by: stalin, for: ring-c }\n"
    "  - { id: ring-a, text: x, by: stalin, for: [ring-b, e1] }\n"
    "  - { id: ring-c, text: x, by: stalin, for: ring-a }\n";

static void
assert_ring(const char *yaml)
{
	session *s;

	s = open_model(yaml);
	assert_errors(s, 0);
	assert_item_phase(s, "ring-a", "p1");
	assert_item_phase(s, "ring-b", "p1");
	assert_item_phase(s, "ring-c", "p1");
	close_model(s);
}

static void
test_rule3_cause_cycle_with_exit(void **state)
{
	(void)state;
	assert_ring(ring_a_first);
}

static void
test_rule3_cause_cycle_with_exit_other_order(void **state)
{
	(void)state;
	assert_ring(ring_b_first);
}

/* Rule 3 is for causes only: events and decisions without a date or a
 * phase stay without one, whatever they are linked to. */
static void
test_rule3_not_for_events(void **state)
{
	static const char yaml[] = HEAD
	    "events:\n"
	    "  - { id: e1, title: x, date: 1949-03 }\n"
	    "  - { id: e-none, title: x }\n"
	    "decisions:\n"
	    "  - { id: d-none, actor: stalin, title: x }\n"
	    "links:\n"
	    "  - { from: e1, to: e-none, type: leads-to }\n"
	    "  - { from: d-none, to: e1, type: causes }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 0);
	assert_item_phase(s, "e-none", NULL);
	assert_item_phase(s, "d-none", NULL);
	close_model(s);
}

/* ---- links ---- */

static const char links[] = HEAD
    "events:\n"
    "  - { id: e1, title: x, date: 1949-03 }\n"
    "  - { id: e2, title: x, date: 1949-09 }\n"
    "  - { id: e3, title: x, date: 1950-03 }\n"
    "  - { id: e-none, title: x }\n"
    "  - { id: e-none2, title: x }\n"
    "causes:\n"
    "  - { id: c1, text: x, by: stalin, date: 1949-02, for: e2, "
    "against: e1 }\n"
    "  - { id: c-none, text: x, by: stalin, for: e-none }\n"
    "links:\n"
    "  - { from: e1, to: e2, type: leads-to }\n"
    "  - { from: e3, to: e1, type: responds-to }\n"
    "  - { from: e2, to: e-none, type: responds-to }\n"
    "  - { from: e-none, to: e3, type: responds-to }\n"
    "  - { from: e-none, to: e-none2, type: leads-to }\n"
    "  - { from: e1, to: e3, type: leads-to, phase: p2 }\n"
    "  - { from: e1, to: e3, type: causes, date: 1949-10, phase: p1 }\n"
    "  - { from: e2, to: e1, type: causes, date: 1950-03 }\n"
    "  - { from: e3, to: e2, type: causes, date: 1949-02-10 }\n"
    "  - { from: c-none, to: e1, type: responds-to }\n";

static void
test_link_own_phase_then_date(void **state)
{
	session *s;

	(void)state;
	s = open_model(links);
	assert_errors(s, 0);
	/* Rule 1: its own phase, over its ends and its date. */
	assert_link_phase(s, "e1", "e3", LT_LEADS_TO, "p2");
	assert_link_phase(s, "e1", "e3", LT_CAUSES, "p1");
	/* Rule 2: its date, over its ends (p1 and p2, p3 and p2). */
	assert_link_phase(s, "e2", "e1", LT_CAUSES, "p3");
	assert_link_phase(s, "e3", "e2", LT_CAUSES, "p1");
	close_model(s);
}

static void
test_link_later_phase_of_ends(void **state)
{
	session *s;

	(void)state;
	s = open_model(links);
	assert_errors(s, 0);
	assert_link_phase(s, "e1", "e2", LT_LEADS_TO, "p2");
	assert_link_phase(s, "e3", "e1", LT_RESPONDS_TO, "p3");
	/* One end without a phase: the other's. */
	assert_link_phase(s, "e2", "e-none", LT_RESPONDS_TO, "p2");
	assert_link_phase(s, "e-none", "e3", LT_RESPONDS_TO, "p3");
	/* Rule 4. */
	assert_link_phase(s, "e-none", "e-none2", LT_LEADS_TO, NULL);
	assert_link_phase(s, "c-none", "e1", LT_RESPONDS_TO, "p1");
	/* The links made from a cause's for and against (c1 is in p1). */
	assert_link_phase(s, "c1", "e2", LT_SUPPORTS, "p2");
	assert_link_phase(s, "c1", "e1", LT_OPPOSES, "p1");
	assert_true(find_link(s, "c1", "e2", LT_SUPPORTS)->shorthand);
	assert_link_phase(s, "c-none", "e-none", LT_SUPPORTS, NULL);
	close_model(s);
}

/* A link whose date lies in no phase goes on to rule 3, as a cause does
 * ("else, ... for a link, the later phase of its two ends"). */
static void
test_link_date_without_phase_uses_ends(void **state)
{
	static const char yaml[] = HEAD
	    "events:\n"
	    "  - { id: e1, title: x, date: 1949-03 }\n"
	    "  - { id: e2, title: x, date: 1949-09 }\n"
	    "links:\n"
	    "  - { from: e1, to: e2, type: leads-to, date: 1952 }\n"
	    "  - { from: e1, to: e2, type: causes, date: 1948 }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 0);
	assert_link_phase(s, "e1", "e2", LT_LEADS_TO, "p2");
	assert_link_phase(s, "e1", "e2", LT_CAUSES, "p2");
	close_model(s);
}

/* ---- model_phase and model_phase_spec ---- */

static const char three[] =
    "kgraph: 1\n"
    "title: Three phases\n"
    "actors:\n"
    "  - { id: stalin, name: Joseph Stalin }\n"
    "phases:\n"
    "  - { id: early, title: Early }\n"
    "  - { id: middle, title: Middle }\n"
    "  - { id: late, title: Late }\n";

static void
test_model_phase(void **state)
{
	session *s;

	(void)state;
	s = open_model(three);
	assert_errors(s, 0);
	assert_ptr_equal(model_phase(s->m, "early"), find(s, "early"));
	assert_ptr_equal(model_phase(s->m, "late"), find(s, "late"));
	assert_ptr_equal(model_phase(s->m, "1"), find(s, "early"));
	assert_ptr_equal(model_phase(s->m, "2"), find(s, "middle"));
	assert_ptr_equal(model_phase(s->m, "3"), find(s, "late"));
	assert_int_equal(find(s, "middle")->number, 2);
	assert_null(model_phase(s->m, "4"));
	assert_null(model_phase(s->m, "0"));
	assert_null(model_phase(s->m, "01"));
	assert_null(model_phase(s->m, "-1"));
	assert_null(model_phase(s->m, "1a"));
	assert_null(model_phase(s->m, "99999999999999999999"));
	assert_null(model_phase(s->m, ""));
	assert_null(model_phase(s->m, "Early"));
	assert_null(model_phase(s->m, "stalin"));        /* not a phase */
	assert_null(model_phase(s->m, "nope"));
	close_model(s);
}

/* A phase's id may be a number; then the id wins over the position. */
static void
test_model_phase_numeric_ids(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Numeric ids\n"
	    "phases:\n"
	    "  - { id: \"2\", title: First }\n"
	    "  - { id: b, title: Second }\n"
	    "  - { id: c, title: Third }\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 0);
	assert_ptr_equal(model_phase(s->m, "2"), s->m->items[IT_PHASE][0]);
	assert_ptr_equal(model_phase(s->m, "1"), s->m->items[IT_PHASE][0]);
	assert_ptr_equal(model_phase(s->m, "3"), find(s, "c"));
	assert_ptr_equal(model_phase(s->m, "b"), find(s, "b"));
	close_model(s);
}

/* Runs spec; want is "TFT" for the phases selected, or NULL if the spec
 * must be refused with bad_want as the bad part. */
static void
assert_spec(const model *m, const char *spec, const char *want,
    const char *bad_want)
{
	bool sel[8];
	char bad[80], got[9];
	const char *r;
	size_t i, n = m->count[IT_PHASE];

	memset(sel, 0, sizeof(sel));
	memset(bad, 'X', sizeof(bad));
	r = model_phase_spec(m, spec, sel, bad, sizeof(bad));
	if (want != NULL) {
		if (r != NULL)
			fail_msg("spec \"%s\" refused at \"%s\"", spec, r);
		for (i = 0; i < n; i++)
			got[i] = sel[i] ? 'T' : 'F';
		got[n] = '\0';
		if (strcmp(got, want) != 0)
			fail_msg("spec \"%s\" selects %s, want %s", spec, got,
			    want);
		for (i = n; i < sizeof(sel); i++)
			assert_false(sel[i]);
	} else {
		if (r == NULL)
			fail_msg("spec \"%s\" accepted", spec);
		assert_string_equal(r, bad_want);
	}
}

static void
test_phase_spec(void **state)
{
	session *s;

	(void)state;
	s = open_model(three);
	assert_errors(s, 0);
	assert_spec(s->m, "early", "TFF", NULL);
	assert_spec(s->m, "2", "FTF", NULL);
	assert_spec(s->m, "1..2", "TTF", NULL);
	assert_spec(s->m, "early..middle", "TTF", NULL);
	assert_spec(s->m, "1..late", "TTT", NULL);
	assert_spec(s->m, "..middle", "TTF", NULL);
	assert_spec(s->m, "..2", "TTF", NULL);
	assert_spec(s->m, "2..", "FTT", NULL);
	assert_spec(s->m, "late..", "FFT", NULL);
	assert_spec(s->m, "..", "TTT", NULL);
	assert_spec(s->m, "2..2", "FTF", NULL);
	assert_spec(s->m, "1,3", "TFT", NULL);
	assert_spec(s->m, "1, 3", "TFT", NULL);
	assert_spec(s->m, " early , late ", "TFT", NULL);
	assert_spec(s->m, "3,1", "TFT", NULL);
	assert_spec(s->m, "1,1", "TFF", NULL);
	assert_spec(s->m, "middle,1..2", "TTF", NULL);
	assert_spec(s->m, "..1, 3..", "TFT", NULL);
	close_model(s);
}

static void
test_phase_spec_bad_parts(void **state)
{
	session *s;

	(void)state;
	s = open_model(three);
	assert_spec(s->m, "nope", NULL, "nope");
	assert_spec(s->m, "4", NULL, "4");
	assert_spec(s->m, "0", NULL, "0");
	assert_spec(s->m, "3..1", NULL, "3..1");
	assert_spec(s->m, "late..early", NULL, "late..early");
	assert_spec(s->m, "1,nope", NULL, "nope");
	assert_spec(s->m, "1, nope ,3", NULL, "nope");
	assert_spec(s->m, "1..nope", NULL, "1..nope");
	assert_spec(s->m, "nope..2", NULL, "nope..2");
	assert_spec(s->m, "1..4", NULL, "1..4");
	assert_spec(s->m, "stalin", NULL, "stalin");
	assert_spec(s->m, "Early", NULL, "Early");
	assert_spec(s->m, "1,", NULL, "");
	assert_spec(s->m, "", NULL, "");
	assert_spec(s->m, "1...2", NULL, "1...2");
	/* The bad part is cut to fit. */
	{
		bool sel[3] = {false, false, false};
		char bad[5];

		assert_string_equal(model_phase_spec(s->m, "1,abcdefgh", sel,
		    bad, sizeof(bad)), "abcd");
	}
	close_model(s);
}

/* ---- stances ---- */

static void
test_stance_from_outcome(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Stances\n"
	    "actors:\n"
	    "  - { id: stalin, name: Joseph Stalin }\n"
	    "questions:\n"
	    "  - { id: q, title: Should the North attack? }\n"
	    "decisions:\n"
	    "  - { id: d-approved, actor: stalin, title: x, on: q, "
	    "outcome: approved }\n"
	    "  - { id: d-ordered, actor: stalin, title: x, on: q, "
	    "outcome: ordered }\n"
	    "  - { id: d-requested, actor: stalin, title: x, on: q, "
	    "outcome: requested }\n"
	    "  - { id: d-proposed, actor: stalin, title: x, on: q, "
	    "outcome: proposed }\n"
	    "  - { id: d-rejected, actor: stalin, title: x, on: q, "
	    "outcome: rejected }\n"
	    "  - { id: d-deferred, actor: stalin, title: x, on: q, "
	    "outcome: deferred }\n"
	    "  - { id: d-explicit, actor: stalin, title: x, on: q, "
	    "outcome: approved, stance: against }\n"
	    "  - { id: d-explicit2, actor: stalin, title: x, on: q, "
	    "outcome: rejected, stance: for }\n"
	    "  - { id: d-conditional, actor: stalin, title: x, on: q, "
	    "outcome: rejected, stance: conditional }\n"
	    "  - { id: d-stance-only, actor: stalin, title: x, on: q, "
	    "stance: undecided }\n"
	    "  - { id: d-no-outcome, actor: stalin, title: x, on: q }\n"
	    "  - { id: d-no-on, actor: stalin, title: x, "
	    "outcome: approved }\n";
	static const struct {
		const char *id;
		stance want;
	} cases[] = {
		{"d-approved", ST_FOR}, {"d-ordered", ST_FOR},
		{"d-requested", ST_FOR}, {"d-proposed", ST_FOR},
		{"d-rejected", ST_AGAINST}, {"d-deferred", ST_UNDECIDED},
		{"d-explicit", ST_AGAINST}, {"d-explicit2", ST_FOR},
		{"d-conditional", ST_CONDITIONAL},
		{"d-stance-only", ST_UNDECIDED}, {"d-no-outcome", ST_NONE},
		{"d-no-on", ST_NONE},
	};
	session *s;
	size_t i;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		item *d = find(s, cases[i].id);

		if (d->resolved_stance != cases[i].want)
			fail_msg("%s: stance '%s', want '%s'", cases[i].id,
			    model_stance_names[d->resolved_stance],
			    model_stance_names[cases[i].want]);
	}
	/* The stance as written is kept apart from the derived one. */
	assert_int_equal(find(s, "d-approved")->stance, ST_NONE);
	assert_int_equal(find(s, "d-explicit")->stance, ST_AGAINST);
	assert_int_equal(find(s, "d-approved")->outcome, OUT_APPROVED);
	assert_ptr_equal(find(s, "d-approved")->on.to, find(s, "q"));
	close_model(s);
}

static void
test_stance_without_on(void **state)
{
	static const char yaml[] =
	    "kgraph: 1\n"
	    "title: Stances\n"
	    "actors:\n"
	    "  - { id: stalin, name: Joseph Stalin }\n"
	    "decisions:\n"
	    "  - id: d-lost\n"
	    "    actor: stalin\n"
	    "    title: x\n"
	    "    stance: for\n";
	session *s;

	(void)state;
	s = open_model(yaml);
	assert_errors(s, 1);
	assert_int_equal(count_errors(s, "d-lost", "'stance'", "'on'"), 1);
	assert_int_equal(first_error(s)->line, 9);
	assert_int_equal(find(s, "d-lost")->resolved_stance, ST_NONE);
	close_model(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_rule1_explicit_phase_wins, teardown),
		cmocka_unit_test_teardown(test_rule2_phase_of_the_date, teardown),
		cmocka_unit_test_teardown(test_rule2_straddling_dates_are_errors, teardown),
		cmocka_unit_test_teardown(test_rule4_warning, teardown),
		cmocka_unit_test_teardown(test_rule4_warning_between, teardown),
		cmocka_unit_test_teardown(test_rule4_none, teardown),
		cmocka_unit_test_teardown(test_rule2_open_phases, teardown),
		cmocka_unit_test_teardown(test_rule2_overlapping_phases_error, teardown),
		cmocka_unit_test_teardown(test_rule2_overlap_error_for_every_kind, teardown),
		cmocka_unit_test_teardown(test_rule3_cause_earliest_phase, teardown),
		cmocka_unit_test_teardown(test_rule3_cause_via_cause, teardown),
		cmocka_unit_test_teardown(test_rule3_cause_cycle_ends_in_none, teardown),
		cmocka_unit_test_teardown(test_rule3_cause_cycle_with_exit, teardown),
		cmocka_unit_test_teardown(test_rule3_cause_cycle_with_exit_other_order, teardown),
		cmocka_unit_test_teardown(test_rule3_not_for_events, teardown),
		cmocka_unit_test_teardown(test_link_own_phase_then_date, teardown),
		cmocka_unit_test_teardown(test_link_later_phase_of_ends, teardown),
		cmocka_unit_test_teardown(test_link_date_without_phase_uses_ends, teardown),
		cmocka_unit_test_teardown(test_model_phase, teardown),
		cmocka_unit_test_teardown(test_model_phase_numeric_ids, teardown),
		cmocka_unit_test_teardown(test_phase_spec, teardown),
		cmocka_unit_test_teardown(test_phase_spec_bad_parts, teardown),
		cmocka_unit_test_teardown(test_stance_from_outcome, teardown),
		cmocka_unit_test_teardown(test_stance_without_on, teardown),
	};

	return cmocka_run_group_tests_name("test_phases", tests, NULL, NULL);
}
