#include "check.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A phase that has dates, with the span of days it covers. */
typedef struct {
	item *phase;
	long from, to;
	long reach;             /* the latest `to` of this entry and those
	                         * before it */
	size_t reacher;         /* the entry whose `to` that is */
} phase_entry;

typedef struct {
	model *m;
	diag_list *dl;
	size_t errors;
	phase_entry *spans;     /* the dated phases, by first day */
	size_t nspans;
} checker;

#define AT(l, c, ...) diag_add(ck->dl, DIAG_ERROR, (l), (c), __VA_ARGS__)
#define WARN(l, c, ...) diag_add(ck->dl, DIAG_WARNING, (l), (c), __VA_ARGS__)

/* The stances other than s, for a hint: "against, conditional or
 * undecided". */
static const char *
other_stances(stance s)
{
	static const char *const others[] = {
		[ST_FOR] = "against, conditional or undecided",
		[ST_AGAINST] = "for, conditional or undecided",
		[ST_CONDITIONAL] = "for, against or undecided",
		[ST_UNDECIDED] = "for, against or conditional",
	};

	return s > ST_NONE && s <= ST_UNDECIDED ? others[s] : "";
}

/* The names of the types in mask, as "an event or a decision". */
static void
mask_names(unsigned mask, char *out, size_t size)
{
	int t, count = 0, total = 0;
	size_t n = 0;

	for (t = 0; t < IT__COUNT; t++)
		total += (mask & TYPE_BIT(t)) != 0;
	out[0] = '\0';
	for (t = 0; t < IT__COUNT; t++) {
		if (!(mask & TYPE_BIT(t)))
			continue;
		count++;
		n += (size_t)snprintf(out + n, size - n, "%s%s",
		    count == 1 ? "" : count == total ? " or " : ", ",
		    model_type_articles[t]);
		if (n >= size)
			break;
	}
}

/* Resolves r, whose id names it (NULL if no item has the id), to an item
 * of a type in mask; what names the reference in messages ("actor",
 * "phase"). */
static item *
resolve_found(checker *ck, ref *r, item *it, unsigned mask,
    const char *what)
{
	const char *near;
	char names[128];

	if (it != NULL && (mask & TYPE_BIT(it->type))) {
		r->to = it;
		if (it->type == IT_SOURCE)
			it->cited = true;
		return it;
	}
	if (it != NULL) {
		mask_names(mask, names, sizeof(names));
		AT(r->line, r->col, "'%s' is %s, not %s", it->id,
		    model_type_articles[it->type], names);
		return NULL;
	}
	/* A message that will not be printed needs no suggestion: 100,000
	 * mistyped references would each search the ids. */
	near = diag_full(ck->dl) ? NULL : model_suggest_id(ck->m, r->id,
	    mask);
	if (near != NULL)
		AT(r->line, r->col, "unknown %s %s (did you mean '%s'?)", what,
		    dq(ck->dl, r->id), near);
	else
		AT(r->line, r->col, "unknown %s %s", what, dq(ck->dl, r->id));
	return NULL;
}

/* Resolves r to an item of a type in mask. */
static item *
resolve(checker *ck, ref *r, unsigned mask, const char *what)
{
	if (r->id == NULL)
		return NULL;
	return resolve_found(ck, r, model_find(ck->m, r->id), mask, what);
}

static void
resolve_list(checker *ck, ref_list *l, unsigned mask, const char *what)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		resolve(ck, &l->v[i], mask, what);
}

static void
resolve_sources(checker *ck, source_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		ref *r = &l->v[i].src;
		size_t n = r->id ? strcspn(r->id, " ,") : 0;
		char id[80];
		const item *s;

		/* "may-zelikow p. 45": a source and its locator in one. */
		if (r->id != NULL && r->id[n] != '\0' && n < sizeof(id) &&
		    model_find(ck->m, r->id) == NULL) {
			memcpy(id, r->id, n);
			id[n] = '\0';
			s = model_find(ck->m, id);
			if (s != NULL && s->type == IT_SOURCE) {
				AT(r->line, r->col, "unknown source %s; a "
				    "place in the source goes in 'at': { id: "
				    "%s, at: \"%s\" }", dq(ck->dl, r->id),
				    id, r->id + n + strspn(r->id + n, " ,"));
				continue;
			}
		}
		resolve(ck, r, TYPE_BIT(IT_SOURCE), "source");
	}
}

/* The id table of a large model is far larger than the cache, and each
 * lookup a miss: the loops that resolve many references ask for the
 * table's slots this many items or links ahead, so that the misses
 * overlap. */
#define PREFETCH_AHEAD 8

static void
prefetch_ref(const checker *ck, const ref *r)
{
	if (r->id != NULL)
		strmap_prefetch(&ck->m->ids, r->id, strlen(r->id));
}

static void
prefetch_sources(const checker *ck, const source_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		prefetch_ref(ck, &l->v[i].src);
}

/* The references check_items resolves for an event, decision or cause. */
static void
prefetch_item(const checker *ck, const item *it)
{
	size_t i;

	prefetch_ref(ck, &it->phase);
	prefetch_ref(ck, &it->actor);
	prefetch_ref(ck, &it->by);
	prefetch_ref(ck, &it->on);
	for (i = 0; i < it->actors.n; i++)
		prefetch_ref(ck, &it->actors.v[i]);
	for (i = 0; i < it->to_actors.n; i++)
		prefetch_ref(ck, &it->to_actors.v[i]);
	prefetch_sources(ck, &it->sources);
}

/* The references check_link resolves. */
static void
prefetch_link(const checker *ck, const relation *l)
{
	if (!l->shorthand)
		prefetch_ref(ck, &l->from_ref);
	prefetch_ref(ck, &l->to_ref);
	prefetch_ref(ck, &l->phase);
	prefetch_sources(ck, &l->sources);
}

#define ITEMS (TYPE_BIT(IT_EVENT) | TYPE_BIT(IT_DECISION) | \
	TYPE_BIT(IT_CAUSE))

static void
check_link(checker *ck, relation *l)
{
	const char *tn = model_link_type_names[l->type];
	char names[128], hint[160] = "";
	bool from_said = false;

	if (!l->shorthand) {
		item *from = model_find(ck->m, l->from_ref.id);

		if (from != NULL && !(model_link_ends[l->type].from &
		    TYPE_BIT(from->type))) {
			mask_names(model_link_ends[l->type].from, names,
			    sizeof(names));
			model_link_types_fitting(from, model_find(ck->m, l->to_ref.id),
			    hint, sizeof(hint));
			AT(l->from_ref.line, l->from_ref.col, "a '%s' link "
			    "goes from %s; '%s' is %s%s", tn, names, from->id,
			    model_type_articles[from->type], hint);
			from_said = true;
		} else if (l->from_ref.id != NULL) {
			l->from = resolve_found(ck, &l->from_ref, from, ITEMS,
			    "item");
		}
	}
	{
		item *to = model_find(ck->m, l->to_ref.id);
		const char *what = l->shorthand ? (l->type == LT_SUPPORTS ?
		    "'for'" : "'against'") : NULL;

		if (to != NULL && !(model_link_ends[l->type].to &
		    TYPE_BIT(to->type))) {
			mask_names(model_link_ends[l->type].to, names,
			    sizeof(names));
			if (what)
				AT(l->to_ref.line, l->to_ref.col, "a cause's "
				    "%s names %s; '%s' is %s", what, names,
				    to->id, model_type_articles[to->type]);
			else {
				if (!from_said)
					model_link_types_fitting(model_find(ck->m,
					    l->from_ref.id), to, hint,
					    sizeof(hint));
				AT(l->to_ref.line, l->to_ref.col, "a '%s' link "
				    "goes to %s; '%s' is %s%s", tn, names,
				    to->id, model_type_articles[to->type],
				    from_said ? "" : hint);
			}
		} else if (l->to_ref.id != NULL) {
			l->to = resolve_found(ck, &l->to_ref, to, ITEMS,
			    "item");
		}
	}
	if (l->from != NULL && l->from == l->to && l->shorthand)
		AT(l->line, l->col, "cause '%s' is %s itself", l->from->id,
		    l->type == LT_SUPPORTS ? "'for'" : "'against'");
	else if (l->from != NULL && l->from == l->to)
		AT(l->line, l->col, "'%s' is linked to itself", l->from->id);
	resolve(ck, &l->phase, TYPE_BIT(IT_PHASE), "phase");
	resolve_sources(ck, &l->sources);
}

/* The first and last day a phase covers; false if it has no dates. */
static bool
phase_span(const item *p, long *from, long *to)
{
	if (!p->from.set && !p->to.set)
		return false;
	*from = p->from.set ? p->from.from : LONG_MIN;
	*to = p->to.set ? p->to.to : LONG_MAX;
	return true;
}

static int
phase_entry_cmp(const void *pa, const void *pb)
{
	const phase_entry *a = pa, *b = pb;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return (a->phase->index > b->phase->index) -
	    (a->phase->index < b->phase->index);
}

/* Sorts the dated phases by their first day, so that the phases that may
 * hold a date are found by a binary search rather than by trying each
 * phase for each item. */
static void
index_phases(checker *ck)
{
	model *m = ck->m;
	size_t i, n = 0;
	long from, to;

	ck->spans = xmalloc((m->count[IT_PHASE] + 1) * sizeof(*ck->spans));
	for (i = 0; i < m->count[IT_PHASE]; i++) {
		item *p = m->items[IT_PHASE][i];

		if (!phase_span(p, &from, &to))
			continue;
		ck->spans[n].phase = p;
		ck->spans[n].from = from;
		ck->spans[n].to = to;
		n++;
	}
	qsort(ck->spans, n, sizeof(*ck->spans), phase_entry_cmp);
	for (i = 0; i < n; i++) {
		bool earlier_reaches = i > 0 && ck->spans[i - 1].reach >
		    ck->spans[i].to;

		ck->spans[i].reach = earlier_reaches ?
		    ck->spans[i - 1].reach : ck->spans[i].to;
		ck->spans[i].reacher = earlier_reaches ?
		    ck->spans[i - 1].reacher : i;
	}
	ck->nspans = n;
}

/* What the dated phases say of one date: the phases it overlaps and
 * those it lies wholly within (how many, and the first two of each in
 * the order of the file); when it overlaps none, the phase that ends
 * last before it and the one that begins first after it (or NULL). */
typedef struct {
	size_t overlap, within;
	item *overlapped[2], *holding[2];
	const item *before, *after;
} date_phases;

/* Keeps p among the first two of v in the order of the file. */
static void
first_two(item **v, item *p)
{
	if (v[0] == NULL || p->index < v[0]->index) {
		v[1] = v[0];
		v[0] = p;
	} else if (v[1] == NULL || p->index < v[1]->index) {
		v[1] = p;
	}
}

/* Fills *h for date d by a binary search of the phases sorted by first
 * day, rather than by trying each phase for each item. */
static void
phases_of_date(const checker *ck, const date *d, date_phases *h)
{
	size_t lo = 0, hi = ck->nspans, end;

	memset(h, 0, sizeof(*h));
	/* The phases that start on or before the date's last day... */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ck->spans[mid].from <= d->to)
			lo = mid + 1;
		else
			hi = mid;
	}
	end = lo;
	/* ...and, walking back while one of them may still reach the date's
	 * first day, those that do. */
	while (lo > 0 && ck->spans[lo - 1].reach >= d->from) {
		const phase_entry *p = &ck->spans[--lo];

		if (p->to < d->from)
			continue;
		h->overlap++;
		first_two(h->overlapped, p->phase);
		if (p->from <= d->from && p->to >= d->to) {
			h->within++;
			first_two(h->holding, p->phase);
		}
	}
	if (h->overlap > 0)
		return;
	/* Every phase that starts before the date ends before it. */
	if (end > 0)
		h->before = ck->spans[ck->spans[end - 1].reacher].phase;
	if (end < ck->nspans)
		h->after = ck->spans[end].phase;
}

/* Rule 4's warning for a dated event or decision in no phase: the
 * phases on either side of its date, and the fix. */
static void
warn_between(checker *ck, const date *d, int line, int col,
    const date_phases *h)
{
	char when[64], to[64], from[64];
	const item *b = h->before, *a = h->after;

	date_show(d, when, sizeof(when));
	if (b != NULL)
		date_show(&b->to, to, sizeof(to));
	if (a != NULL)
		date_show(&a->from, from, sizeof(from));
	if (b != NULL && a != NULL)
		WARN(line, col, "dated %s, between phase %d '%s' (to %s) and "
		    "phase %d '%s' (from %s): give it 'phase:' or widen a "
		    "phase", when, b->number, b->id, to, a->number, a->id,
		    from);
	else if (a != NULL)
		WARN(line, col, "dated %s, before phase %d '%s' (from %s): "
		    "give it 'phase:' or widen a phase", when, a->number,
		    a->id, from);
	else if (b != NULL)
		WARN(line, col, "dated %s, after phase %d '%s' (to %s): give "
		    "it 'phase:' or widen a phase", when, b->number, b->id,
		    to);
}

/* The error for a date that more than one phase could claim, or that
 * crosses a phase's first or last day: rule 2 needs the whole date in
 * one phase. */
static void
error_phases(checker *ck, const date *d, int line, int col,
    const item *it, const date_phases *h)
{
	char what[96], when[64], from[64], to[64];
	const item *p = h->overlapped[0];

	if (it != NULL)
		model_describe(it, what, sizeof(what));
	else
		snprintf(what, sizeof(what), "a link");
	date_show(d, when, sizeof(when));
	if (h->within >= 2) {
		AT(line, col, "the date of %s falls in phases '%s' and '%s'; "
		    "say which with 'phase'", what, h->holding[0]->id,
		    h->holding[1]->id);
	} else if (h->overlap >= 2) {
		AT(line, col, "the date of %s (%s) spans phases '%s' and "
		    "'%s'; say which with 'phase'", what, when, p->id,
		    h->overlapped[1]->id);
	} else {
		date_show(&p->from, from, sizeof(from));
		date_show(&p->to, to, sizeof(to));
		AT(line, col, "the date of %s (%s) crosses a boundary of "
		    "phase '%s' (%s%s%s%s%s); say which phase with 'phase'",
		    what, when, p->id, from[0] ? "from " : "", from,
		    from[0] && to[0] ? " " : "", to[0] ? "to " : "", to);
	}
}

/* Rules 1 and 2: the item's own phase, else the one phase containing its
 * date. Returns false when the date lies in several phases or crosses a
 * phase's boundary (an error). it is the item, or NULL for a link;
 * date_at is the place of its date, where the message goes (line and
 * col when it has none). A dated event or decision in no phase gets
 * rule 4's warning. */
static bool
phase_by_date(checker *ck, const ref *own, const date *d,
    model_place date_at, int line, int col, const item *it, item **out)
{
	date_phases h;
	bool placed = date_at.line > 0;

	*out = NULL;
	if (own->id != NULL) {
		*out = own->to;
		return true;
	}
	if (!d->set || ck->nspans == 0)
		return true;
	phases_of_date(ck, d, &h);
	if (placed) {
		line = date_at.line;
		col = date_at.col;
	}
	if (h.overlap == 0) {
		if (it != NULL && (it->type == IT_EVENT ||
		    it->type == IT_DECISION))
			warn_between(ck, d, line, col, &h);
		return true;
	}
	if (h.overlap == 1 && h.within == 1) {
		*out = h.holding[0];
		return true;
	}
	error_phases(ck, d, line, col, it, &h);
	return false;
}

/* Rule 3 for causes: the earliest phase of what a cause is for or
 * against, looking through causes of causes. Phases only move earlier, so a
 * worklist reaches the fixed point whatever the order of the file, cycles
 * of causes included. */
static bool
earlier(const item *p, const item *than)
{
	return p != NULL && (than == NULL || p->number < than->number);
}

static void
cause_phases(model *m)
{
	size_t n = m->count[IT_CAUSE], i, j, top = 0;
	size_t *start = xcalloc(n + 2, sizeof(size_t));
	size_t *from = xcalloc(m->nlinks + 1, sizeof(size_t));
	size_t *fill = xcalloc(n + 1, sizeof(size_t));
	size_t *stack = xcalloc(n + 1, sizeof(size_t));
	bool *fixed = xcalloc(n + 1, sizeof(bool));
	bool *queued = xcalloc(n + 1, sizeof(bool));

#define SUPPORTS(l) ((l)->from != NULL && (l)->to != NULL && \
	(l)->from->type == IT_CAUSE && ((l)->type == LT_SUPPORTS || \
	(l)->type == LT_OPPOSES))
	/* For each cause, the causes that are for or against it. */
	for (i = 0; i < m->nlinks; i++)
		if (SUPPORTS(&m->links[i]) && m->links[i].to->type == IT_CAUSE)
			start[m->links[i].to->index + 1]++;
	for (i = 1; i <= n; i++)
		start[i] += start[i - 1];
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];

		if (SUPPORTS(l) && l->to->type == IT_CAUSE) {
			size_t t = l->to->index;

			from[start[t] + fill[t]++] = l->from->index;
		}
	}
	for (i = 0; i < n; i++) {
		item *c = m->items[IT_CAUSE][i];

		fixed[i] = c->phase.id != NULL || c->resolved_phase != NULL;
	}
	/* Seed with what causes are for or against among the others. */
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		item *c;

		if (!SUPPORTS(l) || l->to->type == IT_CAUSE)
			continue;
		c = l->from;
		if (!fixed[c->index] && earlier(l->to->resolved_phase,
		    c->resolved_phase))
			c->resolved_phase = l->to->resolved_phase;
	}
	for (i = 0; i < n; i++) {
		if (m->items[IT_CAUSE][i]->resolved_phase != NULL) {
			stack[top++] = i;
			queued[i] = true;
		}
	}
	while (top > 0) {
		size_t t = stack[--top];
		item *p = m->items[IT_CAUSE][t]->resolved_phase;

		queued[t] = false;
		for (j = start[t]; j < start[t + 1]; j++) {
			item *c = m->items[IT_CAUSE][from[j]];

			if (fixed[from[j]] || !earlier(p, c->resolved_phase))
				continue;
			c->resolved_phase = p;
			if (!queued[from[j]]) {
				stack[top++] = from[j];
				queued[from[j]] = true;
			}
		}
	}
#undef SUPPORTS
	free(start);
	free(from);
	free(fill);
	free(stack);
	free(fixed);
	free(queued);
}

static void
resolve_phases(checker *ck)
{
	model *m = ck->m;
	size_t i;
	int t;

	for (i = 0; i < m->count[IT_PHASE]; i++) {
		item *p = m->items[IT_PHASE][i];

		char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];

		if (!p->from.set || !p->to.set || p->from.from <= p->to.to)
			continue;
		date_text(&p->from, from);
		date_text(&p->to, to);
		AT(p->line, p->col, "phase '%s' ends (%s) before it starts "
		    "(%s)", p->id, to, from);
	}
	index_phases(ck);
	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		for (i = 0; i < m->count[t]; i++) {
			item *it = m->items[t][i];

			phase_by_date(ck, &it->phase, &it->date, it->date_at,
			    it->line, it->col, it, &it->resolved_phase);
		}
	}
	/* Rule 3, for causes that have neither a phase nor a dated one. */
	cause_phases(m);
	for (i = 0; i < m->nlinks; i++) {
		relation *l = &m->links[i];
		item *a, *b;

		/* The phases of the ends of links ahead, as in check_items. */
		if (i + PREFETCH_AHEAD < m->nlinks) {
			const relation *next = &m->links[i + PREFETCH_AHEAD];

			if (next->from != NULL)
				__builtin_prefetch(&next->from->resolved_phase);
			if (next->to != NULL)
				__builtin_prefetch(&next->to->resolved_phase);
		}
		phase_by_date(ck, &l->phase, &l->date, l->date_at, l->line,
		    l->col, NULL, &l->resolved_phase);
		if (l->resolved_phase != NULL || l->phase.id != NULL ||
		    l->from == NULL || l->to == NULL)
			continue;
		a = l->from->resolved_phase;
		b = l->to->resolved_phase;
		l->resolved_phase = a == NULL ? b : b == NULL ? a :
		    a->number >= b->number ? a : b;
	}
	free(ck->spans);
	ck->spans = NULL;
}

static void
check_view(checker *ck, item *v)
{
	view_spec *vs = v->view;
	model *m = ck->m;
	size_t i;

	if (model_lookup(model_builtin_views, v->id) >= 0)
		AT(v->line, v->col, "view id '%s' is the name of a built-in "
		    "view; choose another", v->id);
	if (vs->phases.n > 0) {
		bool *sel = xcalloc(m->count[IT_PHASE] + 1, sizeof(bool));
		char bad[80];
		for (i = 0; i < vs->phases.n; i++) {
			const model_place *e = &vs->phases.places[i];

			if (model_phase_spec(m, vs->phases.v[i], sel, bad,
			    sizeof(bad)) != NULL) {
				const char *near = model_suggest_id(m, bad,
				    TYPE_BIT(IT_PHASE));
				item *other = model_find(m, bad);

				if (other != NULL)
					AT(e->line, e->col, "'%s' is %s, not a "
					    "phase", other->id,
					    model_type_articles[other->type]);
				else if (near)
					AT(e->line, e->col, "unknown phase %s "
					    "(did you mean '%s'?)",
					    dq(ck->dl, bad), near);
				else
					AT(e->line, e->col, "unknown phase %s; "
					    "phases are named by id or by "
					    "number from 1 to %zu",
					    dq(ck->dl, bad),
					    m->count[IT_PHASE]);
			}
		}
		free(sel);
	}
	{
		static const struct {
			const char *key;
			item_type type;
		} refs[] = {{"actors", IT_ACTOR}, {"groups", IT_GROUP}};
		size_t r;

		for (r = 0; r < 2; r++) {
			const str_list *sl = r == 0 ? &vs->actors : &vs->groups;

			for (i = 0; i < sl->n; i++) {
				const model_place *e = &sl->places[i];
				ref rf = {sl->v[i], e->line, e->col, NULL};

				resolve(ck, &rf, TYPE_BIT(refs[r].type),
				    model_type_names[refs[r].type]);
			}
		}
	}
	if (vs->focus != NULL) {
		ref rf = {vs->focus, vs->focus_at.line, vs->focus_at.col, NULL};

		resolve(ck, &rf, ITEMS, "item");
	}
	if (vs->question != NULL) {
		ref rf = {vs->question, vs->question_at.line,
		    vs->question_at.col, NULL};

		resolve(ck, &rf, TYPE_BIT(IT_QUESTION), "question");
	}
	if (vs->since != NULL && vs->until != NULL) {
		date a, b;

		date_parse(vs->since, strlen(vs->since), &a);
		date_parse(vs->until, strlen(vs->until), &b);
		if (date_before(&b, &a))
			AT(vs->until_at.line, vs->until_at.col, "view '%s' "
			    "ends ('until') before it starts ('since')", v->id);
	}
}

static void
check_items(checker *ck)
{
	model *m = ck->m;
	size_t i;
	int t;

	for (i = 0; i < m->count[IT_ACTOR]; i++)
		resolve(ck, &m->items[IT_ACTOR][i]->group, TYPE_BIT(IT_GROUP),
		    "group");
	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		for (i = 0; i < m->count[t]; i++) {
			item *it = m->items[t][i];

			if (i + PREFETCH_AHEAD < m->count[t])
				prefetch_item(ck,
				    m->items[t][i + PREFETCH_AHEAD]);
			resolve(ck, &it->phase, TYPE_BIT(IT_PHASE), "phase");
			resolve(ck, &it->actor, TYPE_BIT(IT_ACTOR), "actor");
			resolve(ck, &it->by, TYPE_BIT(IT_ACTOR), "actor");
			resolve(ck, &it->on, TYPE_BIT(IT_QUESTION),
			    "question");
			resolve_list(ck, &it->actors, TYPE_BIT(IT_ACTOR),
			    "actor");
			resolve_list(ck, &it->to_actors, TYPE_BIT(IT_ACTOR) |
			    TYPE_BIT(IT_GROUP), "actor or group");
			resolve_sources(ck, &it->sources);
		}
	}
	for (i = 0; i < m->nlinks; i++) {
		if (i + PREFETCH_AHEAD < m->nlinks)
			prefetch_link(ck, &m->links[i + PREFETCH_AHEAD]);
		check_link(ck, &m->links[i]);
	}
	for (i = 0; i < m->count[IT_DECISION]; i++) {
		item *d = m->items[IT_DECISION][i];
		static const stance from_outcome[] = {
			[OUT_NONE] = ST_NONE, [OUT_APPROVED] = ST_FOR,
			[OUT_REJECTED] = ST_AGAINST,
			[OUT_DEFERRED] = ST_UNDECIDED,
			[OUT_REQUESTED] = ST_FOR, [OUT_ORDERED] = ST_FOR,
			[OUT_PROPOSED] = ST_FOR,
		};

		if (d->stance != ST_NONE && d->on.id == NULL)
			AT(d->stance_at.line, d->stance_at.col, "decision '%s' "
			    "has a 'stance' but no 'on': say which question it "
			    "answers", d->id);
		if (d->on.id == NULL)
			continue;
		d->resolved_stance = d->stance != ST_NONE ? d->stance :
		    from_outcome[d->outcome];
		/* A stance taken from the outcome is named: "Kennedy
		 * orders the quarantine", on attacking Cuba, is not for
		 * it. */
		if (d->stance_at.line != 0)
			;       /* a stance was given; if bad, it is said */
		else if (d->stance == ST_NONE && d->outcome != OUT_NONE)
			WARN(d->on.line, d->on.col, "decision '%s' has no "
			    "'stance' on '%s', so it takes '%s' from its "
			    "outcome '%s'; add 'stance: %s' if that is its "
			    "position, or the one it shows (%s)", d->id,
			    d->on.id, model_stance_names[d->resolved_stance],
			    model_outcome_names[d->outcome],
			    model_stance_names[d->resolved_stance],
			    other_stances(d->resolved_stance));
		else if (d->stance == ST_NONE)
			WARN(d->on.line, d->on.col, "decision '%s' answers "
			    "'%s' but has neither a 'stance' nor an 'outcome' "
			    "to take one from; add 'stance: for', 'against', "
			    "'conditional' or 'undecided'", d->id, d->on.id);
	}
	for (i = 0; i < m->count[IT_CAUSE]; i++) {
		item *c = m->items[IT_CAUSE][i];

		if (c->for_items.n == 0 && c->against_items.n == 0)
			AT(c->line, c->col, "cause '%s' is neither 'for' nor "
			    "'against' anything; say what it supports or "
			    "opposes", c->id);
		if (c->by.id == NULL && c->evidence != EV_INFERRED)
			AT(c->line, c->col, "cause '%s' has no 'by'; a cause "
			    "that no actor stated is the historian's "
			    "inference: say 'evidence: inferred', or name "
			    "who stated it", c->id);
	}
	for (i = 0; i < m->count[IT_VIEW]; i++)
		check_view(ck, m->items[IT_VIEW][i]);
}

static void
check_sources(checker *ck)
{
	model *m = ck->m;
	size_t i;
	int t;

	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		for (i = 0; i < m->count[t]; i++) {
			item *it = m->items[t][i];

			/* A sources list whose entries are all wrong has its
			 * own errors; an empty or missing one is a warning. */
			if (it->sources.n == 0 && !it->sources_given)
				WARN(it->line, it->col, "%s '%s' has no "
				    "sources", model_type_names[t], it->id);
		}
	}
	for (i = 0; i < m->nlinks; i++) {
		relation *l = &m->links[i];

		if (!l->shorthand && l->sources.n == 0)
			WARN(l->line, l->col, "the link from '%s' to '%s' has "
			    "no sources", l->from_ref.id, l->to_ref.id);
	}
	for (i = 0; i < m->count[IT_SOURCE]; i++) {
		item *s = m->items[IT_SOURCE][i];

		/* A bibliography holds more than one model cites. */
		if (!s->cited && (s->reference == NULL ||
		    s->reference->file == NULL))
			WARN(s->line, s->col, "source '%s' is never cited",
			    s->id);
	}
}

/* Warns for a bidirectional embedding, override or isolate control in a
 * text: it changes the order in which the text around it is shown, so a
 * label can read otherwise than it is written. */
static void
check_bidi(const char *text, const item *it, const char *field, void *ctx)
{
	diag_list *dl = ctx;
	const unsigned char *p = (const unsigned char *)text;

	/* U+202A-U+202E are E2 80 AA-AE in UTF-8, U+2066-U+2069 E2 81
	 * A6-A9: only an E2 byte can start one. */
	while ((p = (const unsigned char *)strchr((const char *)p, 0xe2)) !=
	    NULL) {
		unsigned cp = 0;
		char who[160];

		if (p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			cp = 0x2000 + (p[2] - 0x80);
		else if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			cp = 0x2040 + (p[2] - 0x80);
		if (cp == 0) {
			p++;
			continue;
		}
		diag_add(dl, DIAG_WARNING, it->line, it->col,
		    "the %s of %s contains the bidirectional control "
		    "character U+%04X, which changes the order in which "
		    "the text around it is shown; remove it unless the "
		    "text needs it", field, model_describe(it, who, sizeof(who)),
		    cp);
		return;
	}
}

/* The first time of day of one kind, with or without an offset, in file
 * order, and how many times of that kind the model has. */
typedef struct {
	size_t count;
	int line, col;
	const char *key;
	const date *date;
} time_kind;

/* Counts the times of a date (each end of an interval) by kind. */
static void
note_times(time_kind kinds[2], const char *key, const date *d, int line,
    int col)
{
	const date_point *ends[2] = {&d->start, &d->end};
	int e;

	if (!d->set)
		return;
	for (e = 0; e < (d->interval ? 2 : 1); e++) {
		time_kind *k = &kinds[ends[e]->zoned ? 1 : 0];

		if (!ends[e]->timed)
			continue;
		if (k->count++ == 0 || line < k->line ||
		    (line == k->line && col < k->col)) {
			k->line = line;
			k->col = col;
			k->key = key;
			k->date = d;
		}
	}
}

/* Warns once when some times have an offset and others not: the first are
 * ordered in UTC, the others as written, so the two kinds can not be put
 * in order with each other. The warning is at the first time of the kind
 * the model has fewer of. */
static void
check_time_offsets(checker *ck)
{
	const model *m = ck->m;
	time_kind kinds[2] = {{0, 0, 0, NULL, NULL}, {0, 0, 0, NULL, NULL}};
	const time_kind *few, *many;
	char text[DATE_TEXT_SIZE], other[DATE_TEXT_SIZE];
	size_t i;
	int t;

	for (t = 0; t < IT__COUNT; t++) {
		for (i = 0; i < m->count[t]; i++) {
			const item *it = m->items[t][i];
			bool placed = it->date_at.line > 0;

			note_times(kinds, "date", &it->date,
			    placed ? it->date_at.line : it->line,
			    placed ? it->date_at.col : it->col);
			note_times(kinds, "from", &it->from, it->line,
			    it->col);
			note_times(kinds, "to", &it->to, it->line, it->col);
		}
	}
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		bool placed = l->date_at.line > 0;

		note_times(kinds, "date", &l->date,
		    placed ? l->date_at.line : l->line,
		    placed ? l->date_at.col : l->col);
	}
	if (kinds[0].count == 0 || kinds[1].count == 0)
		return;
	/* Of as many of each, the kind that comes second. */
	if (kinds[0].count != kinds[1].count)
		few = &kinds[kinds[0].count < kinds[1].count ? 0 : 1];
	else
		few = &kinds[kinds[0].line > kinds[1].line ||
		    (kinds[0].line == kinds[1].line &&
		    kinds[0].col > kinds[1].col) ? 0 : 1];
	many = few == &kinds[0] ? &kinds[1] : &kinds[0];
	date_text(few->date, text);
	date_text(many->date, other);
	WARN(few->line, few->col, "%s '%s' has a time %s an offset from UTC, "
	    "but %zu time%s of the model %s (such as '%s' at line %d); times "
	    "with an offset are ordered in UTC and times without as written, "
	    "so the two can not be put in order: give every time an offset, "
	    "or none", few->key, text, few == &kinds[1] ? "with" : "without",
	    many->count, many->count == 1 ? "" : "s",
	    few == &kinds[1] ? (many->count == 1 ? "has none" : "have none") :
	    (many->count == 1 ? "has one" : "have one"), other, many->line);
}

size_t
check_model(model *m, diag_list *dl)
{
	checker c = {m, dl, 0, NULL, 0}, *ck = &c;
	size_t before = dl->errors;

	check_items(ck);
	resolve_phases(ck);
	check_sources(ck);
	check_time_offsets(ck);
	check_repeats(m, dl);
	/* Bidirectional controls are not ASCII. */
	model_each_nonascii_text(m, check_bidi, dl);
	return dl->errors - before;
}
