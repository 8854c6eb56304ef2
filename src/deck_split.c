/* The slides of one view of a deck: the view laid out for the slide
 * (page.c) and, where its smallest text would fall under 1/40 of the
 * slide's height, split: by phase; then, in the views of causes, by the
 * neighbourhood of each decision, and of each event no decision's slide
 * shows; and what is still too much cut into runs in the order of time,
 * each slide the longest run that fits, or a single item. */
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"
#include "page.h"

void
deck_add_pdf(deck *k, buf *pdf)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 16;
		k->pdfs = xrealloc(k->pdfs, (size_t)k->cap * sizeof(buf));
	}
	k->pdfs[k->n++] = *pdf;
	memset(pdf, 0, sizeof(*pdf));
}

bool
deck_draw_pages(deck *k, const selection *sel, Agraph_t *g,
    const graph_options *view)
{
	graph_options text = *view, *o = &text;
	html_options page = {0};
	buf *outs = NULL;
	int n = 0, i;

	if (sel == NULL)
		text.steps = false;
	page.theme = o->theme;
	page.id_prefix = o->id_prefix;
	if (kgraph_render(k->html ? FMT_SVG : FMT_PDF, k->m, sel, g, o,
	    &page, k->d->timeout, &outs, &n, k->err, sizeof(k->err)) !=
	    KGRAPH_OK)
		return false;
	for (i = 0; i < n; i++)
		deck_add_pdf(k, &outs[i]);
	kgraph_outputs_free(outs, n);
	return true;
}

/* True if g, a picture of view base, shows item it: as a box (a node
 * named by its id), or in the actors view, where an event is a message
 * between the actors, if sel holds it. */
static bool
shows(const char *base, Agraph_t *g, const selection *sel, const item *it)
{
	if (strcmp(base, "actors") == 0)
		return sel->item[it->type][it->index];
	return g != NULL && agnode(g, (char *)it->id, 0) != NULL;
}

/* How many events and decisions of sel the picture of view base shows:
 * the arguments view, for one, draws no decision without arguments. */
static size_t
count_items(const deck *k, const char *base, const selection *sel,
    const graph_options *o)
{
	const model *m = k->m;
	Agraph_t *g = NULL;
	char err[256];
	size_t i, n = 0;
	int t;

	if (strcmp(base, "actors") == 0)
		return 1;
	if (kgraph_graph(m, sel, o, FMT_SVG, &g, err, sizeof(err)) !=
	    KGRAPH_OK) {
		graph_free(g);
		return 0;
	}
	for (t = IT_EVENT; t <= IT_DECISION; t++)
		for (i = 0; i < m->count[t]; i++)
			if (sel->item[t][i])
				n += shows(base, g, sel, m->items[t][i]);
	graph_free(g);
	return n;
}

/* A part of a view that a slide shows: the events, decisions and causes
 * it keeps (NULL: what the filters select), and the options page_choose
 * settled on for it, with the smallest text they give. */
typedef struct {
	bool *keep[IT__COUNT];
	graph_options o;
	double small;
} part;

typedef struct {
	part *v;
	size_t n, cap;
} part_list;

static void
part_free(part *p)
{
	int t;

	for (t = 0; t < IT__COUNT; t++) {
		free(p->keep[t]);
		p->keep[t] = NULL;
	}
}

static void
parts_free(part_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		part_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* The view's settings for a slide of view base (model view mv), titled
 * title, with filters f. */
static graph_options
slide_options(deck *k, const char *base, const item *mv, sel_filters *f,
    const char *title)
{
	graph_options o = k->d->g;

	o.view = base;
	o.title = title;
	o.filters = f;
	draw_view_options(k->d, mv, true, &o);
	return o;
}

/* Selects what f keeps and lays it out for the slide: *p gets the
 * options and the smallest text (negative when there is nothing to
 * draw); sel is the selection, which the caller frees. False, with the
 * message in k->err, when the filters are wrong. */
static bool
measure(deck *k, const char *base, const item *mv, sel_filters *f,
    const char *title, part *p, selection *sel)
{
	p->o = slide_options(k, base, mv, f, title);
	p->small = -1;
	if (kgraph_select(k->m, mv, f, sel, k->err, sizeof(k->err)) !=
	    KGRAPH_OK)
		return false;
	if (count_items(k, base, sel, &p->o) == 0)
		return true;
	p->small = page_choose(k->m, sel, &p->o, k->d->set_direction ||
	    (mv != NULL && mv->view->direction != NULL),
	    k->d->timeout);
	return true;
}

/* Draws a part as measured, titled title, and records what it shows and
 * cites. */
static bool
draw_part(deck *k, const item *mv, sel_filters *f, part *p,
    const char *title)
{
	graph_options o = p->o;
	selection sel;
	Agraph_t *g = NULL;
	bool ok = true;
	size_t i;
	int t;

	o.title = title;
	o.filters = f;
	/* On a page of slides, each slide's ids are its own. */
	if (k->html) {
		snprintf(k->prefix, sizeof(k->prefix), "kg%d-%d-",
		    k->view_no, k->n - k->view_first + 1);
		o.id_prefix = k->prefix;
	}
	f->keep = p->keep[IT_EVENT] != NULL ? p->keep : NULL;
	if (kgraph_select(k->m, mv, f, &sel, k->err, sizeof(k->err)) !=
	    KGRAPH_OK)
		return false;
	k->slides++;
	if (p->small < page_target(&o) - 0.05) {
		k->small_slides++;
		if (k->smallest == 0 || p->small < k->smallest)
			k->smallest = p->small;
	}
	if (kgraph_graph(k->m, &sel, &o, FMT_PDF, &g, k->err,
	    sizeof(k->err)) != KGRAPH_OK || !deck_draw_pages(k, &sel, g,
	    &o))
		ok = false;
	for (i = 0; ok && i < k->m->count[IT_SOURCE]; i++)
		if (graph_cites(g, i))
			k->cited[i] = true;
	for (t = IT_EVENT; ok && t <= IT_DECISION; t++)
		for (i = 0; i < k->m->count[t]; i++)
			if (sel.item[t][i] && shows(o.view, g, &sel,
			    k->m->items[t][i]))
				k->shown[t][i] = true;
	graph_free(g);
	sel_free(&sel);
	return ok;
}

/* True for the views that draw causes and arguments. */
static bool
causal(const char *base)
{
	return strcmp(base, "overview") == 0 || strcmp(base, "causes") ==
	    0 || strcmp(base, "arguments") == 0;
}

/* The time an item of a part is ordered by: its date's first minute, or
 * for a cause without a date, that of the first dated item it is for or
 * against; the end of time for the rest. */
static int64_t
part_time(const item *it)
{
	const ref_list *l[2] = {&it->for_items, &it->against_items};
	size_t i, j;

	if (it->date.set)
		return date_first_minute(&it->date);
	for (j = 0; j < 2; j++)
		for (i = 0; i < l[j]->n; i++)
			if (l[j]->v[i].to != NULL && l[j]->v[i].to->date.set)
				return date_first_minute(&l[j]->v[i].to->date);
	return INT64_MAX;
}

typedef struct {
	const item *it;
	int64_t when;
} unit;

static int
unit_cmp(const void *a, const void *b)
{
	const unit *x = a, *y = b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	if (x->it->type != y->it->type)
		return x->it->type < y->it->type ? -1 : 1;
	return x->it->index < y->it->index ? -1 :
	    x->it->index > y->it->index;
}

static void
parts_add(part_list *l, part *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = *p;
	memset(p, 0, sizeof(*p));
}

/* What plan cuts: the items of a part but pin, in the order of time, and
 * what every slide of it keeps besides them. */
typedef struct {
	deck *k;
	const char *base, *title;
	const item *mv, *pin;
	sel_filters f;
	unit *u;
	size_t n;
	const bool *causes;     /* the causes the whole part selects */
} cut;

/* Measures the slide of units [from, from + len) with pin into *p,
 * which keeps what the slide selects; false on a wrong filter. */
static bool
try_run(cut *c, size_t from, size_t len, part *p)
{
	const model *m = c->k->m;
	bool *keep[IT__COUNT] = {0};
	selection sel;
	size_t i;
	int t;

	for (t = IT_EVENT; t <= IT_CAUSE; t++)
		keep[t] = xcalloc(m->count[t] + 1, sizeof(bool));
	if (c->pin != NULL)
		keep[c->pin->type][c->pin->index] = true;
	for (i = from; i < from + len; i++)
		keep[c->u[i].it->type][c->u[i].it->index] = true;
	/* Where the view does not draw causes as items of their own, they
	 * go with the events and decisions they are linked to (the stances
	 * view's notes), and no others: each names its author, whom the
	 * actors view would draw. */
	for (i = 0; !causal(c->base) && i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		const item *a = l->from, *b = l->to;

		if (a == NULL || b == NULL)
			continue;
		if (b->type == IT_CAUSE) {
			a = l->to;
			b = l->from;
		}
		if (a->type == IT_CAUSE && b->type != IT_CAUSE &&
		    c->causes[a->index] && b->type >= IT_EVENT &&
		    b->type <= IT_DECISION && keep[b->type][b->index])
			keep[IT_CAUSE][a->index] = true;
	}
	c->f.keep = keep;
	memset(p, 0, sizeof(*p));
	if (!measure(c->k, c->base, c->mv, &c->f, c->title, p, &sel)) {
		for (t = IT_EVENT; t <= IT_CAUSE; t++)
			free(keep[t]);
		return false;
	}
	for (t = IT_EVENT; t <= IT_CAUSE; t++) {
		memcpy(keep[t], sel.item[t], m->count[t] * sizeof(bool));
		p->keep[t] = keep[t];
	}
	sel_free(&sel);
	return true;
}

static bool
fits(const part *p)
{
	return p->small >= page_target(&p->o) - 0.05;
}

/* Adds the slides of what f selects to l: one, when its text reaches the
 * target or it holds a single item besides pin; otherwise its items but
 * pin, in the order of time, in runs: each slide the longest run that
 * fits (found by halving), a single item when none does. Every item of
 * the whole is on a slide. */
static bool
plan(deck *k, const char *base, const item *mv, sel_filters f,
    const char *title, const item *pin, part_list *l)
{
	const model *m = k->m;
	selection sel;
	part p = {0}, best, tried;
	cut c = {k, base, title, mv, pin, f, NULL, 0, NULL};
	size_t i, from, lo, hi, mid, len;
	bool ok = true;
	int t;

	f.keep = NULL;
	if (!measure(k, base, mv, &f, title, &p, &sel))
		return false;
	if (p.small < 0) {
		sel_free(&sel);
		return true;
	}
	c.u = xcalloc(m->count[IT_EVENT] + m->count[IT_DECISION] +
	    m->count[IT_CAUSE] + 1, sizeof(*c.u));
	/* Causes count where the view draws them. */
	for (t = IT_EVENT; t <= (causal(base) ? IT_CAUSE : IT_DECISION); t++)
		for (i = 0; i < m->count[t]; i++)
			if (sel.item[t][i] && m->items[t][i] != pin) {
				c.u[c.n].it = m->items[t][i];
				c.u[c.n++].when = part_time(m->items[t][i]);
			}
	if (fits(&p) || c.n < 2) {
		for (t = IT_EVENT; t <= IT_CAUSE; t++) {
			p.keep[t] = xcalloc(m->count[t] + 1, sizeof(bool));
			memcpy(p.keep[t], sel.item[t], m->count[t] *
			    sizeof(bool));
		}
		parts_add(l, &p);
		c.n = 0;
	}
	qsort(c.u, c.n, sizeof(*c.u), unit_cmp);
	c.causes = sel.item[IT_CAUSE];
	for (from = 0; ok && from < c.n; from += len) {
		/* The rest, if it fits (the whole is known not to). */
		len = 0;
		memset(&best, 0, sizeof(best));
		hi = c.n - from;
		if (from > 0) {
			if (!(ok = try_run(&c, from, hi, &best)))
				break;
			if (fits(&best) || best.small < 0 || hi == 1)
				len = hi;
			else
				part_free(&best);
		}
		/* Else the longest run that fits: runs up to lo - 1 long
		 * fit, runs longer than hi do not. */
		for (lo = 1, hi--; ok && len == 0 && lo <= hi;) {
			mid = lo + (hi - lo) / 2;
			if (!(ok = try_run(&c, from, mid, &tried)))
				break;
			if (fits(&tried) || tried.small < 0) {
				part_free(&best);
				best = tried;
				lo = mid + 1;
			} else {
				part_free(&tried);
				hi = mid - 1;
			}
		}
		if (ok && len == 0)
			len = lo - 1;
		if (ok && len == 0) {
			/* Not even one item fits: it has a slide of its own. */
			ok = try_run(&c, from, 1, &best);
			len = 1;
		}
		if (ok && best.small >= 0)
			parts_add(l, &best);
		part_free(&best);
	}
	free(c.u);
	sel_free(&sel);
	return ok;
}

/* The slides of what f selects: one, or the parts plan cuts it into,
 * each titled title and, when there are several, "(2 of 3)". */
static bool
part_slides(deck *k, const char *base, const item *mv, sel_filters *f,
    const char *title, const item *pin)
{
	part_list l = {0};
	buf t = {0};
	size_t i;
	bool ok;

	/* Laid out under the longest title a part may get, so that its
	 * own is no longer. */
	buf_printf(&t, "%s (99 of 99)", title);
	ok = plan(k, base, mv, *f, t.s, pin, &l);
	for (i = 0; ok && i < l.n; i++) {
		sel_filters pf = *f;

		t.len = 0;
		buf_puts(&t, title);
		if (l.n > 1)
			buf_printf(&t, " (%zu of %zu)", i + 1, l.n);
		ok = draw_part(k, mv, &pf, &l.v[i], t.s);
	}
	parts_free(&l);
	buf_free(&t);
	return ok;
}

/* The name a slide's title gives a view. */
static void
view_label(buf *b, const char *name, const item *mv)
{
	b->len = 0;
	if (mv != NULL) {
		buf_puts(b, mv->title ? mv->title : mv->id);
		return;
	}
	buf_printf(b, "%c%s", name[0] - 'a' + 'A', name + 1);
}

/* The parts of a view that does not fit one slide: its phases, each
 * whole if it fits; else, in the views of causes, each decision's
 * neighbourhood and each event's that no slide of the phase showed;
 * else the phase cut by time. */
static bool
split_view(deck *k, const char *base, const item *mv,
    const buf *label)
{
	const model *m = k->m;
	size_t p, i, np = m->count[IT_PHASE];
	double target = page_target(&k->d->g);
	buf title = {0}, spec = {0};
	bool ok = true;

	for (p = 0; ok && p < np; p++) {
		const item *ph = m->items[IT_PHASE][p];
		sel_filters f = k->d->f;
		selection sel;
		part whole = {0};

		spec.len = 0;
		buf_printf(&spec, "%zu", p + 1);
		f.phases = spec.s;
		title.len = 0;
		buf_printf(&title, "%s, %zu of %zu: %s", label->s, p + 1, np,
		    ph->title ? ph->title : ph->id);
		if (!(ok = measure(k, base, mv, &f, title.s, &whole, &sel)))
			break;
		sel_free(&sel);
		if (whole.small < 0)
			continue;
		if (whole.small >= target - 0.05) {
			ok = draw_part(k, mv, &f, &whole, title.s);
			continue;
		}
		if (!causal(base)) {
			ok = part_slides(k, base, mv, &f, title.s, NULL);
			continue;
		}
		for (i = 0; ok && i < m->count[IT_DECISION] +
		    m->count[IT_EVENT]; i++) {
			bool is_decision = i < m->count[IT_DECISION];
			const item *it = is_decision ?
			    m->items[IT_DECISION][i] :
			    m->items[IT_EVENT][i - m->count[IT_DECISION]];
			size_t len = title.len;

			if (it->resolved_phase != ph || (!is_decision &&
			    k->shown[IT_EVENT][it->index]))
				continue;
			f = k->d->f;
			f.phases = spec.s;
			f.focus = it->id;
			f.depth = 1;
			buf_printf(&title, " \xe2\x80\x94 %s", model_label(it));
			ok = part_slides(k, base, mv, &f, title.s, it);
			title.len = len;
			title.s[len] = '\0';
		}
	}
	buf_free(&title);
	buf_free(&spec);
	return ok;
}

bool
deck_view_slides(deck *k, const char *name)
{
	const char *base;
	const item *mv;
	sel_filters f = k->d->f;
	selection sel;
	part whole = {0};
	buf label = {0};
	bool ok;

	if (!kgraph_view(k->m, name, &base, &mv)) {
		snprintf(k->err, sizeof(k->err), "the model has no view '%s'",
		    name);
		return false;
	}
	view_label(&label, name, mv);
	ok = measure(k, base, mv, &f, label.s, &whole, &sel);
	if (ok)
		sel_free(&sel);
	if (!ok || whole.small < 0)
		;
	else if (whole.small >= page_target(&k->d->g) - 0.05)
		ok = draw_part(k, mv, &f, &whole, label.s);
	else if (k->m->count[IT_PHASE] > 1 && (k->d->f.phases == NULL ||
	    strchr(k->d->f.phases, ',') || strstr(k->d->f.phases, "..")))
		ok = split_view(k, base, mv, &label);
	else
		ok = part_slides(k, base, mv, &f, label.s, NULL);
	buf_free(&label);
	return ok;
}

