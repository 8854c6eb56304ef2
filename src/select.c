#include "select.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {"event", "decision", "cause",
    "reason", "argument", "objection", "fear", "condition", "conclusion",
    NULL};

/* Calls fn on each part of a comma-separated list; stops at a false. */
static bool
each_part(const char *list, bool (*fn)(const char *part, void *ctx),
    void *ctx)
{
	char part[256];
	const char *p = list;

	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		while (len > 0 && *p == ' ') {
			p++;
			len--;
		}
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len >= sizeof(part))
			len = sizeof(part) - 1;
		memcpy(part, p, len);
		part[len] = '\0';
		if (len > 0 && !fn(part, ctx))
			return false;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return true;
}

typedef struct {
	const model *m;
	selection *sel;
	char *err;
	size_t errsize;
	bool *actors;           /* per actor: named by --actor or --group */
	bool *groups;           /* per group: holds such an actor */
	bool *kinds;            /* per kind_names entry */
	strmap tags;
	item_type type;
	/* The filters, once read. */
	bool by_phase, by_date, by_actor, by_kind, by_tag;
	int64_t lo, hi;         /* --since and --until, as the first and the
	                         * last minute they cover (date.h) */
	int level;              /* the least certain evidence kept */
	const item *focus;      /* --focus, or NULL */
	bool *const *keep;      /* sel_filters' keep */
} filter_ctx;

/* Writes "unknown WHAT 'x' (did you mean 'y'?); valid WHATs: ..." */
static void
unknown(filter_ctx *fc, const char *what, const char *value,
    const char *near, item_type type, const char *const *names)
{
	buf b = {0};
	size_t i, n;

	buf_printf(&b, "unknown %s '%s'", what, value);
	if (near)
		buf_printf(&b, " (did you mean '%s'?)", near);
	buf_printf(&b, "; valid: ");
	if (names != NULL) {
		for (i = 0; names[i] != NULL; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	} else {
		n = fc->m->count[type];
		for (i = 0; i < n && i < 40; i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
			    fc->m->items[type][i]->id);
		if (n > 40)
			buf_printf(&b, ", ... (%zu in all)", n);
		if (n == 0)
			buf_printf(&b, "none (the model has no %ss)", what);
	}
	snprintf(fc->err, fc->errsize, "%s", b.s);
	buf_free(&b);
}

static bool
take_actor(const char *id, void *ctx)
{
	filter_ctx *fc = ctx;
	item *it = model_find(fc->m, id);

	if (it == NULL || it->type != IT_ACTOR) {
		unknown(fc, "actor", id, model_suggest_id(fc->m, id,
		    TYPE_BIT(IT_ACTOR)), IT_ACTOR, NULL);
		return false;
	}
	fc->actors[it->index] = true;
	return true;
}

static bool
take_group(const char *id, void *ctx)
{
	filter_ctx *fc = ctx;
	item *it = model_find(fc->m, id);
	size_t i;

	if (it == NULL || it->type != IT_GROUP) {
		unknown(fc, "group", id, model_suggest_id(fc->m, id,
		    TYPE_BIT(IT_GROUP)), IT_GROUP, NULL);
		return false;
	}
	for (i = 0; i < fc->m->count[IT_ACTOR]; i++)
		if (fc->m->items[IT_ACTOR][i]->group.to == it)
			fc->actors[i] = true;
	return true;
}

static bool
take_kind(const char *kind, void *ctx)
{
	filter_ctx *fc = ctx;
	int k = model_lookup(kind_names, kind);

	if (k < 0) {
		unknown(fc, "kind", kind, suggest(kind, kind_names), 0,
		    kind_names);
		return false;
	}
	fc->kinds[k] = true;
	return true;
}

static bool
take_tag(const char *tag, void *ctx)
{
	filter_ctx *fc = ctx;
	const model *m = fc->m;
	int t;
	size_t i, j;

	for (t = IT_ACTOR; t <= IT_CAUSE; t++)
		for (i = 0; i < m->count[t]; i++)
			for (j = 0; j < m->items[t][i]->tags.n; j++)
				if (strcmp(m->items[t][i]->tags.v[j], tag) == 0)
					goto found;
	{
		/* Name the tags that exist. */
		strmap seen = {0};
		const char **list = NULL;
		size_t n = 0;

		for (t = IT_ACTOR; t <= IT_CAUSE; t++)
			for (i = 0; i < m->count[t]; i++)
				for (j = 0; j < m->items[t][i]->tags.n; j++) {
					const char *s = m->items[t][i]->tags.v[j];

					if (strmap_put(&seen, s, strlen(s),
					    (void *)s) == NULL) {
						list = xrealloc(list,
						    (n + 2) * sizeof(*list));
						list[n++] = s;
					}
				}
		if (list == NULL)
			list = xmalloc(sizeof(*list));
		list[n] = NULL;
		if (n == 0)
			snprintf(fc->err, fc->errsize, "unknown tag '%s'; the "
			    "model has no tags", tag);
		else
			unknown(fc, "tag", tag, suggest(tag, list), 0, list);
		free(list);
		strmap_free(&seen);
		return false;
	}
found:
	strmap_put(&fc->tags, tag, strlen(tag), (void *)tag);
	return true;
}

static bool
involves(const item *it, const bool *actors, const bool *groups)
{
	size_t i;

	if (it->actor.to && actors[it->actor.to->index])
		return true;
	if (it->by.to && actors[it->by.to->index])
		return true;
	for (i = 0; i < it->actors.n; i++)
		if (it->actors.v[i].to && actors[it->actors.v[i].to->index])
			return true;
	/* Addressed to an actor, or to a group of one. */
	for (i = 0; i < it->to_actors.n; i++) {
		const item *to = it->to_actors.v[i].to;

		if (to != NULL && (to->type == IT_GROUP ? groups[to->index] :
		    actors[to->index]))
			return true;
	}
	return false;
}

static bool
has_tag(const item *it, const strmap *tags)
{
	size_t i;

	for (i = 0; i < it->tags.n; i++)
		if (strmap_get(tags, it->tags.v[i], strlen(it->tags.v[i])))
			return true;
	return false;
}

static void
mark_links(const model *m, selection *sel, int level)
{
	size_t i;

	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];

		sel->link[i] = l->from && l->to &&
		    sel->item[l->from->type][l->from->index] &&
		    sel->item[l->to->type][l->to->index] &&
		    (int)l->evidence <= level;
	}
}

/* The links as an adjacency of the events, decisions and causes: the
 * neighbours of item k (k numbers the three types in a row) are
 * nb[first[k]] .. nb[first[k + 1] - 1], so that a walk over the
 * selection is linear in items and links. */
typedef struct {
	size_t base[IT__COUNT + 1];     /* the number of a type's first */
	size_t *first, *nb;
	const item **it;                /* per number, the item */
} adjacency;

static size_t
adj_num(const adjacency *a, const item *it)
{
	return a->base[it->type] + it->index;
}

static void
adj_build(const model *m, adjacency *a)
{
	size_t i, n, *fill;
	int t;

	memset(a, 0, sizeof(*a));
	for (t = 0; t < IT__COUNT; t++)
		a->base[t + 1] = a->base[t] + (t >= IT_EVENT && t <= IT_CAUSE ?
		    m->count[t] : 0);
	n = a->base[IT__COUNT];
	a->first = xcalloc(n + 2, sizeof(size_t));
	a->it = xcalloc(n + 1, sizeof(*a->it));
	for (t = IT_EVENT; t <= IT_CAUSE; t++)
		for (i = 0; i < m->count[t]; i++)
			a->it[a->base[t] + i] = m->items[t][i];
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];

		if (l->from == NULL || l->to == NULL)
			continue;
		a->first[adj_num(a, l->from) + 1]++;
		a->first[adj_num(a, l->to) + 1]++;
	}
	for (i = 0; i < n; i++)
		a->first[i + 1] += a->first[i];
	a->nb = xcalloc(a->first[n] + 1, sizeof(size_t));
	fill = xcalloc(n + 1, sizeof(size_t));
	memcpy(fill, a->first, n * sizeof(size_t));
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		size_t x, y;

		if (l->from == NULL || l->to == NULL)
			continue;
		x = adj_num(a, l->from);
		y = adj_num(a, l->to);
		a->nb[fill[x]++] = y;
		a->nb[fill[y]++] = x;
	}
	free(fill);
}

static void
adj_free(adjacency *a)
{
	free(a->first);
	free(a->nb);
	free(a->it);
}

/* Items within depth relations of the focus, over every link: a
 * breadth-first walk that stops at the depth. */
static void
focus_set(const model *m, const adjacency *a, const item *focus, int depth,
    bool **out)
{
	size_t n = a->base[IT__COUNT], head = 0, tail = 0, level_end, k;
	size_t *queue = xcalloc(n + 1, sizeof(size_t));
	int t, d = 0;

	for (t = 0; t < IT__COUNT; t++)
		out[t] = xcalloc(m->count[t] + 1, sizeof(bool));
	out[focus->type][focus->index] = true;
	if (focus->type < IT_EVENT || focus->type > IT_CAUSE) {
		free(queue);
		return;
	}
	queue[tail++] = adj_num(a, focus);
	for (level_end = tail; head < tail && d < depth; level_end = tail,
	    d++) {
		while (head < level_end) {
			size_t x = queue[head++];

			for (k = a->first[x]; k < a->first[x + 1]; k++) {
				const item *y = a->it[a->nb[k]];

				if (out[y->type][y->index])
					continue;
				out[y->type][y->index] = true;
				queue[tail++] = a->nb[k];
			}
		}
	}
	free(queue);
}

#define GIVEN(s) ((s) != NULL && (s)[0] != '\0')

/* Reads --phase into sel->phase; false with the message in err. */
static bool
read_phases(filter_ctx *fc, const char *spec)
{
	const model *m = fc->m;
	char bad[80];
	const char *near;
	buf b = {0};
	size_t i;

	if (model_phase_spec(m, spec, fc->sel->phase, bad, sizeof(bad)) ==
	    NULL)
		return true;
	/* Two phases that exist, in the wrong order. */
	{
		const char *dots = strstr(bad, "..");
		bool *scratch = xcalloc(m->count[IT_PHASE] + 1, sizeof(bool));
		char left[80], right[80], tmp[80];
		bool backward = false;

		if (dots != NULL && dots != bad && dots[2] != '\0') {
			snprintf(left, sizeof(left), "%.*s", (int)(dots - bad),
			    bad);
			snprintf(right, sizeof(right), "%s", dots + 2);
			backward = model_phase_spec(m, left, scratch, tmp,
			    sizeof(tmp)) == NULL && model_phase_spec(m, right,
			    scratch, tmp, sizeof(tmp)) == NULL;
		}
		free(scratch);
		if (backward) {
			snprintf(fc->err, fc->errsize, "the phase range '%s' "
			    "runs backward; write '%s..%s'", bad, right, left);
			return false;
		}
	}
	buf_printf(&b, "unknown phase '%s'", bad);
	near = model_suggest_id(m, bad, TYPE_BIT(IT_PHASE));
	if (near)
		buf_printf(&b, " (did you mean '%s'?)", near);
	buf_printf(&b, "; valid: ");
	for (i = 0; i < m->count[IT_PHASE]; i++)
		buf_printf(&b, "%s%zu (%s)", i ? ", " : "", i + 1,
		    m->items[IT_PHASE][i]->id);
	if (m->count[IT_PHASE] == 0)
		buf_printf(&b, "none (the model has no phases)");
	snprintf(fc->err, fc->errsize, "%s", b.s);
	buf_free(&b);
	return false;
}

/* Reads --focus; false with the message in err. */
static bool
read_focus(filter_ctx *fc, const char *id)
{
	item *it = model_find(fc->m, id);
	const char *near;
	buf b = {0};

	if (it != NULL && (it->type == IT_EVENT || it->type == IT_DECISION ||
	    it->type == IT_CAUSE)) {
		fc->focus = it;
		return true;
	}
	near = model_suggest_id(fc->m, id, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION) | TYPE_BIT(IT_CAUSE));
	buf_printf(&b, "--focus '%s' is not an event, a decision or a cause",
	    id);
	if (near)
		buf_printf(&b, " (did you mean '%s'?)", near);
	buf_printf(&b, "; see 'kgraph list events', 'kgraph list decisions' "
	    "and 'kgraph list causes'");
	snprintf(fc->err, fc->errsize, "%s", b.s);
	buf_free(&b);
	return false;
}

/* Reads a --since or --until date (opt names it in the message). */
static bool
read_date(filter_ctx *fc, const char *opt, const char *text, date *d)
{
	const char *e = date_parse(text, strlen(text), d);

	if (e == NULL)
		return true;
	snprintf(fc->err, fc->errsize, "%s '%s' %s", opt, text, e);
	return false;
}

/* Reads every filter into fc, in the order of the command line's help;
 * false, with the message in err, at the first bad value. */
static bool
read_filters(filter_ctx *fc, const sel_filters *f)
{
	const model *m = fc->m;
	date since = {0}, until = {0};
	size_t i;

	fc->by_phase = GIVEN(f->phases);
	fc->by_date = GIVEN(f->since) || GIVEN(f->until);
	fc->by_actor = GIVEN(f->actors) || GIVEN(f->groups);
	fc->by_kind = GIVEN(f->kinds);
	fc->by_tag = GIVEN(f->tags);
	fc->level = EV_INFERRED;
	fc->sel->any = fc->by_phase || fc->by_date || fc->by_actor ||
	    fc->by_kind || fc->by_tag || GIVEN(f->evidence) ||
	    GIVEN(f->focus) || f->keep != NULL;
	fc->keep = f->keep;
	if (fc->by_phase) {
		if (!read_phases(fc, f->phases))
			return false;
	} else {
		for (i = 0; i < m->count[IT_PHASE]; i++)
			fc->sel->phase[i] = true;
	}
	if (GIVEN(f->since) && !read_date(fc, "--since", f->since, &since))
		return false;
	if (GIVEN(f->until) && !read_date(fc, "--until", f->until, &until))
		return false;
	/* To the minute, so that --since 1962-10-27T19:00 leaves out that
	 * morning; for dates without a time this is the same as by days. */
	fc->lo = since.set ? date_first_minute(&since) : INT64_MIN;
	fc->hi = until.set ? date_last_minute(&until) : INT64_MAX;
	if (since.set && until.set && fc->lo > fc->hi) {
		snprintf(fc->err, fc->errsize, "--since %s is after --until "
		    "%s: nothing lies between them; swap them", f->since,
		    f->until);
		return false;
	}
	if (GIVEN(f->actors) && !each_part(f->actors, take_actor, fc))
		return false;
	if (GIVEN(f->groups) && !each_part(f->groups, take_group, fc))
		return false;
	if (fc->by_kind && !each_part(f->kinds, take_kind, fc))
		return false;
	if (fc->by_tag && !each_part(f->tags, take_tag, fc))
		return false;
	if (GIVEN(f->evidence)) {
		fc->level = model_lookup(model_evidence_names, f->evidence);
		if (fc->level < 0) {
			unknown(fc, "evidence level", f->evidence,
			    suggest(f->evidence, model_evidence_names), 0,
			    model_evidence_names);
			return false;
		}
	}
	return !GIVEN(f->focus) || read_focus(fc, f->focus);
}

/* True if item it of type t passes every filter but phase and date;
 * *unplaced tells whether it lacks the phase or the date they ask for. */
static bool
passes(const filter_ctx *fc, int t, const item *it, bool *unplaced)
{
	bool pass = true;

	*unplaced = false;
	if (fc->by_phase) {
		if (it->resolved_phase == NULL)
			*unplaced = true;
		else if (!fc->sel->phase[it->resolved_phase->number - 1])
			pass = false;
	}
	if (fc->by_date) {
		if (!it->date.set)
			*unplaced = true;
		else if (date_last_minute(&it->date) < fc->lo ||
		    date_first_minute(&it->date) > fc->hi)
			pass = false;
	}
	if (fc->by_actor && !involves(it, fc->actors, fc->groups))
		pass = false;
	if (fc->by_kind) {
		int k = t == IT_EVENT ? 0 : t == IT_DECISION ? 1 :
		    3 + (int)it->cause_kind;

		if (!fc->kinds[k] && !(t == IT_CAUSE && fc->kinds[2]))
			pass = false;
	}
	if (fc->by_tag && !has_tag(it, &fc->tags))
		pass = false;
	if ((int)it->evidence > fc->level)
		pass = false;
	if (fc->keep != NULL && !fc->keep[t][it->index])
		pass = false;
	return pass;
}

/* Items without a phase or a date (floating) are shown when they are
 * connected to something shown (docs/format.md, "How items get their
 * phase", rule 4). */
static void
adopt_floating(const adjacency *a, selection *sel, bool **floating)
{
	size_t n = a->base[IT__COUNT], tail = 0, head = 0, x, k;
	size_t *queue = xcalloc(n + 1, sizeof(size_t));

	/* From everything selected, out through floating items. */
	for (x = 0; x < n; x++)
		if (sel->item[a->it[x]->type][a->it[x]->index])
			queue[tail++] = x;
	while (head < tail) {
		x = queue[head++];
		for (k = a->first[x]; k < a->first[x + 1]; k++) {
			const item *y = a->it[a->nb[k]];

			if (!floating[y->type][y->index])
				continue;
			floating[y->type][y->index] = false;
			sel->item[y->type][y->index] = true;
			queue[tail++] = a->nb[k];
		}
	}
	free(queue);
}

/* Selects what the selected items and links name: actors, questions,
 * sources, and the groups of the actors. */
static void
mark_named(const model *m, selection *sel)
{
	size_t i, j;
	int t;

#define MARK(r) do { if ((r).to) \
	sel->item[(r).to->type][(r).to->index] = true; } while (0)
	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		for (i = 0; i < m->count[t]; i++) {
			const item *it = m->items[t][i];

			if (!sel->item[t][i])
				continue;
			MARK(it->actor);
			MARK(it->by);
			MARK(it->on);
			for (j = 0; j < it->actors.n; j++)
				MARK(it->actors.v[j]);
			for (j = 0; j < it->to_actors.n; j++)
				MARK(it->to_actors.v[j]);
			for (j = 0; j < it->sources.n; j++)
				MARK(it->sources.v[j].src);
		}
	}
	for (i = 0; i < m->nlinks; i++) {
		if (!sel->link[i])
			continue;
		for (j = 0; j < m->links[i].sources.n; j++)
			MARK(m->links[i].sources.v[j].src);
	}
	for (i = 0; i < m->count[IT_ACTOR]; i++)
		if (sel->item[IT_ACTOR][i])
			MARK(m->items[IT_ACTOR][i]->group);
#undef MARK
}

bool
sel_apply(const model *m, const sel_filters *f, selection *sel, char *err,
    size_t errsize)
{
	filter_ctx fc = {0};
	adjacency adj = {0};
	bool *floating[IT__COUNT] = {0};
	int t;
	size_t i;
	bool ok = false;

	memset(sel, 0, sizeof(*sel));
	sel->m = m;
	sel->phase = xcalloc(m->count[IT_PHASE] + 1, sizeof(bool));
	for (t = 0; t < IT__COUNT; t++) {
		sel->item[t] = xcalloc(m->count[t] + 1, sizeof(bool));
		floating[t] = xcalloc(m->count[t] + 1, sizeof(bool));
	}
	sel->link = xcalloc(m->nlinks + 1, sizeof(bool));
	fc.m = m;
	fc.sel = sel;
	fc.err = err;
	fc.errsize = errsize;
	fc.actors = xcalloc(m->count[IT_ACTOR] + 1, sizeof(bool));
	fc.kinds = xcalloc(sizeof(kind_names) / sizeof(kind_names[0]),
	    sizeof(bool));
	fc.groups = xcalloc(m->count[IT_GROUP] + 1, sizeof(bool));
	if (!read_filters(&fc, f))
		goto out;
	for (i = 0; i < m->count[IT_ACTOR]; i++)
		if (fc.actors[i] && m->items[IT_ACTOR][i]->group.to)
			fc.groups[m->items[IT_ACTOR][i]->group.to->index] =
			    true;

	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		for (i = 0; i < m->count[t]; i++) {
			bool unplaced, pass = passes(&fc, t, m->items[t][i],
			    &unplaced);

			sel->item[t][i] = pass && !unplaced;
			floating[t][i] = pass && unplaced;
		}
	}
	adj_build(m, &adj);
	adopt_floating(&adj, sel, floating);
	if (fc.focus != NULL) {
		bool *near[IT__COUNT];

		focus_set(m, &adj, fc.focus, f->depth < 0 ? 1 : f->depth,
		    near);
		for (t = 0; t < IT__COUNT; t++) {
			for (i = 0; i < m->count[t]; i++)
				sel->item[t][i] = sel->item[t][i] && near[t][i];
			free(near[t]);
		}
	}
	mark_links(m, sel, fc.level);
	mark_named(m, sel);
	for (i = 0; i < m->count[IT_PHASE]; i++)
		sel->item[IT_PHASE][i] = sel->phase[i];
	if (!sel->any) {
		/* Without filters, everything is selected. */
		for (t = 0; t < IT__COUNT; t++)
			for (i = 0; i < m->count[t]; i++)
				sel->item[t][i] = true;
	}
	ok = true;
out:
	adj_free(&adj);
	for (t = 0; t < IT__COUNT; t++)
		free(floating[t]);
	free(fc.actors);
	free(fc.groups);
	free(fc.kinds);
	strmap_free(&fc.tags);
	if (!ok)
		sel_free(sel);
	return ok;
}

void
sel_free(selection *sel)
{
	int t;

	free(sel->phase);
	for (t = 0; t < IT__COUNT; t++)
		free(sel->item[t]);
	free(sel->link);
	memset(sel, 0, sizeof(*sel));
}

static const char *
join(const str_list *l, arena *a)
{
	buf b = {0};
	const char *s;
	size_t i;

	if (l->n == 0)
		return NULL;
	for (i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? "," : "", l->v[i]);
	s = arena_strdup(a, b.s);
	buf_free(&b);
	return s;
}

void
sel_from_view(const item *view, sel_filters *f, arena *a)
{
	const view_spec *vs = view->view;

#define TAKE(field, value) do { if (f->field == NULL) \
	f->field = (value); } while (0)
	TAKE(phases, join(&vs->phases, a));
	TAKE(actors, join(&vs->actors, a));
	TAKE(groups, join(&vs->groups, a));
	TAKE(kinds, join(&vs->kinds, a));
	TAKE(tags, join(&vs->tags, a));
	TAKE(since, vs->since);
	TAKE(until, vs->until);
	TAKE(evidence, vs->evidence);
	TAKE(focus, vs->focus);
#undef TAKE
	if (f->depth < 0)
		f->depth = vs->depth;
}
