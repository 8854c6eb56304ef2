/* timeline: the events and decisions on a time axis. kgraph places every
 * node itself, as the stances view places its grid, and Graphviz routes
 * only the edges (the "nop" layout: positions as given). time_axis.c
 * says where each item, band and date goes; this file makes the nodes
 * and draws the rest: lanes (one per group, per actor, or one for all)
 * top to bottom, with their names at the left; phases as bands over
 * their dates (their from and to, or else their items' dates), so that
 * an item dated between two phases lies in the gap between their bands,
 * or as bars in rows above the axis where bands overlap in time; the
 * axis with its ticks and its breaks; and a column of the items without
 * a date after the axis. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "label.h"
#include "time_axis.h"
#include "views.h"

/* Sizes in points (the others are in time_axis.h). */
#define TICK_MIN 64.0           /* the least room from tick to tick */
#define MIN_BOX_W 90.0

/* Above this many nodes, edges are drawn straight: Graphviz's routing
 * around nodes takes seconds at a few hundred. */
#define ROUTE_MAX 300

static double
larger(double a, double b)
{
	return a > b ? a : b;
}

/* The lane an item goes in, from the option --lanes. */
static const item *
lane_key(const graph_ctx *gc, const item *it)
{
	const char *by = gc->o->lanes ? gc->o->lanes : "group";

	if (strcmp(by, "none") == 0)
		return NULL;
	if (strcmp(by, "actor") == 0)
		return gc_item_actor(it);
	return gc_item_group(it);
}

/* The items, their lanes and boxes, and the dates of the axis. */
static void
collect(graph_ctx *gc, time_axis *tl)
{
	const model *m = gc->m;
	const item **v = gc_items(gc, TYPE_BIT(IT_EVENT) |
	    TYPE_BIT(IT_DECISION), &tl->n);
	item_type lt = gc->o->lanes && strcmp(gc->o->lanes, "actor") == 0 ?
	    IT_ACTOR : IT_GROUP;
	size_t *lane_of = xcalloc(m->count[lt] + 1, sizeof(size_t));
	bool keyless = false;
	size_t i, k, none;

	tl->v = xcalloc(tl->n + 1, sizeof(*tl->v));
	/* gc_items gives the dated items first, by date. */
	for (i = 0; i < tl->n; i++) {
		tl_item *t = &tl->v[i];

		t->it = v[i];
		if (v[i]->date.set) {
			t->t0 = date_first_minute(&v[i]->date);
			t->t1 = date_last_minute(&v[i]->date) + 1;
			tl->ndated = i + 1;
			if (v[i]->date.start.zoned || v[i]->date.end.zoned)
				tl->utc = true;
		} else {
			tl->has_undated = true;
		}
	}
	free(v);
	/* Lanes: groups (or actors) in the model's order, then the lane of
	 * items with none. */
	for (i = 0; i < tl->n; i++) {
		const item *key = lane_key(gc, tl->v[i].it);

		if (key != NULL)
			lane_of[key->index] = 1;
		else
			keyless = true;
	}
	tl->lanes = xcalloc(m->count[lt] + 2, sizeof(*tl->lanes));
	for (k = 0; k < m->count[lt]; k++) {
		if (lane_of[k]) {
			tl->lanes[tl->nlanes].key = m->items[lt][k];
			lane_of[k] = tl->nlanes++;
		}
	}
	none = tl->nlanes;
	if (keyless || tl->nlanes == 0)
		tl->nlanes++;
	for (i = 0; i < tl->n; i++) {
		const item *key = lane_key(gc, tl->v[i].it);

		tl->v[i].lane = key ? lane_of[key->index] : none;
		tl->lanes[tl->v[i].lane].count++;
	}
	for (k = 1; k < tl->nlanes; k++)
		tl->lanes[k].first = tl->lanes[k - 1].first +
		    tl->lanes[k - 1].count;
	free(lane_of);
}

/* Each item's node, in its phase's band (for the steps) or the graph, and
 * the box its label needs. */
static void
make_nodes(graph_ctx *gc, time_axis *tl, Agraph_t **band_of)
{
	size_t i;

	for (i = 0; i < tl->n; i++) {
		tl_item *t = &tl->v[i];
		const item *ph = t->it->resolved_phase;
		Agraph_t *parent = ph && band_of[ph->index] ?
		    band_of[ph->index] : gc->body;

		t->node = gc_node(gc, parent, t->it);
		label_html_size(agget(t->node, "label"), gc->o->font_size, &t->w,
		    &t->h);
		/* The node's margins, and its border. */
		t->w = larger(t->w + 22, MIN_BOX_W);
		t->h += 14;
	}
}

/* The bands: each selected phase's dates, its from and to where given,
 * else the span of its dated items. */
static void
collect_bands(graph_ctx *gc, time_axis *tl)
{
	const model *m = gc->m;
	size_t p, i;

	tl->bands = xcalloc(m->count[IT_PHASE] + 1, sizeof(*tl->bands));
	for (p = 0; p < m->count[IT_PHASE]; p++) {
		const item *ph = m->items[IT_PHASE][p];
		tl_band b = {ph, p, 0, 0, 0, 0, 0};
		bool have = false;

		if (!gc->sel->phase[p])
			continue;
		for (i = 0; i < tl->ndated; i++) {
			const tl_item *t = &tl->v[i];

			if (t->it->resolved_phase != ph)
				continue;
			if (!have || t->t0 < b.t0)
				b.t0 = t->t0;
			if (!have || t->t1 > b.t1)
				b.t1 = t->t1;
			have = true;
		}
		if (ph->from.set) {
			b.t0 = date_first_minute(&ph->from);
			if (!have)
				b.t1 = date_last_minute(&ph->from) + 1;
			have = true;
		}
		if (ph->to.set) {
			b.t1 = date_last_minute(&ph->to) + 1;
			if (!ph->from.set && (!have || b.t0 >= b.t1))
				b.t0 = date_first_minute(&ph->to);
			have = true;
		}
		if (have && b.t1 > b.t0)
			tl->bands[tl->nbands++] = b;
	}
}

static void
place(Agnode_t *n, double x, double y, double w, double h, bool fixed)
{
	char tmp[64];

	snprintf(tmp, sizeof(tmp), "%.1f,%.1f!", x, y);
	gc_set(n, "pos", tmp);
	gc_setf(n, "width", w / 72.0);
	gc_setf(n, "height", h / 72.0);
	if (fixed)
		gc_set(n, "fixedsize", "true");
}

/* A node that is no item: a lane's name, a tick, the axis. */
static Agnode_t *
mark(graph_ctx *gc, const char *name, const char *cls, const char *html,
    const char *tip)
{
	Agnode_t *n;
	buf b = {0};

	/* Named with "--", which no item's id holds. */
	buf_printf(&b, "--%s", name);
	n = agnode(gc->body, b.s, 1);
	b.len = 0;

	buf_printf(&b, "%s-%s", gc->o->id_prefix, name);
	gc_set(n, "id", b.s);
	gc_set(n, "class", cls);
	gc_set_html(n, "label", html ? html : "");
	if (html == NULL)
		gc_set(n, "label", "");
	b.len = 0;
	label_attr(&b, tip ? tip : "", 500);
	gc_set(n, "tooltip", b.s);
	gc_set(n, "shape", "plaintext");
	gc_set(n, "style", "solid");
	gc_set(n, "penwidth", "0");
	buf_free(&b);
	return n;
}

/* Tick units: a step of so many hours, days, months or years, and its
 * length in minutes (a month and a year as on average). */
enum { U_HOUR, U_DAY, U_MONTH, U_YEAR };
static const struct {
	int unit, step;
	double minutes;
} units[] = {
	{U_HOUR, 1, 60}, {U_HOUR, 2, 120}, {U_HOUR, 3, 180},
	{U_HOUR, 6, 360}, {U_HOUR, 12, 720}, {U_DAY, 1, 1440},
	{U_DAY, 2, 2880}, {U_DAY, 5, 7200}, {U_DAY, 10, 14400},
	{U_MONTH, 1, 43830}, {U_MONTH, 2, 87660}, {U_MONTH, 3, 131490},
	{U_MONTH, 6, 262980}, {U_YEAR, 1, 525960}, {U_YEAR, 2, 1051920},
	{U_YEAR, 5, 2629800}, {U_YEAR, 10, 5259600}, {U_YEAR, 20, 10519200},
	{U_YEAR, 50, 26298000}, {U_YEAR, 100, 52596000},
	{U_YEAR, 500, 262980000}, {U_YEAR, 1000, 525960000},
};

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The first tick of unit u at or after minute t. */
static int64_t
tick_first(int u, int64_t t)
{
	int64_t day = floor_div(t, 1440);
	int y, m, d, step = units[u].step;

	date_civil((long)day, &y, &m, &d);
	switch (units[u].unit) {
	case U_HOUR:
		return floor_div(t + step * 60 - 1, step * 60) * step * 60;
	case U_DAY:
		if ((int64_t)date_days(y, m, d) * 1440 < t)
			d++;
		while ((d - 1) % step != 0 || d > date_month_days(y, m) -
		    step / 2) {
			if (d > date_month_days(y, m) - step / 2) {
				d = 1;
				if (++m > 12) {
					m = 1;
					y++;
				}
			} else {
				d++;
			}
		}
		return (int64_t)date_days(y, m, d) * 1440;
	case U_MONTH:
		if ((int64_t)date_days(y, m, 1) * 1440 < t && ++m > 12) {
			m = 1;
			y++;
		}
		while ((m - 1) % step != 0)
			if (++m > 12) {
				m = 1;
				y++;
			}
		return (int64_t)date_days(y, m, 1) * 1440;
	default:
		if ((int64_t)date_days(y, 1, 1) * 1440 < t)
			y++;
		while (y % step != 0)
			y++;
		return (int64_t)date_days(y, 1, 1) * 1440;
	}
}

/* The tick after tick t. */
static int64_t
tick_next(int u, int64_t t)
{
	int y, m, d, step = units[u].step;

	date_civil((long)floor_div(t, 1440), &y, &m, &d);
	switch (units[u].unit) {
	case U_HOUR:
		return t + step * 60;
	case U_DAY:
		return tick_first(u, ((int64_t)date_days(y, m, d) + 1) * 1440);
	case U_MONTH:
		m += step;
		while (m > 12) {
			m -= 12;
			y++;
		}
		return (int64_t)date_days(y, m, 1) * 1440;
	default:
		return (int64_t)date_days(y + step, 1, 1) * 1440;
	}
}

/* A tick's date as shown under the axis, and as ISO 8601 for its
 * tooltip. The larger unit (the day for hours, the year for days and
 * months) is shown on the first tick, and wherever it changed since the
 * tick shown before (prev, or INT64_MIN for none) or the axis was cut. */
static void
tick_text(int u, int64_t t, int64_t prev, bool cut, bool utc, char *show,
    size_t size, char *iso, size_t isosize)
{
	int y, m, d, py = 0, pm = 0, pd = 0;
	int hm = (int)(t - floor_div(t, 1440) * 1440);
	bool first = prev == INT64_MIN || cut;

	date_civil((long)floor_div(t, 1440), &y, &m, &d);
	if (!first)
		date_civil((long)floor_div(prev, 1440), &py, &pm, &pd);
	switch (units[u].unit) {
	case U_HOUR:
		if (first || y != py || m != pm || d != pd)
			snprintf(show, size, "%d %s, %02d:%02d%s", d,
			    date_month_name(m), hm / 60, hm % 60,
			    utc && prev == INT64_MIN ? " UTC" : "");
		else
			snprintf(show, size, "%02d:%02d", hm / 60, hm % 60);
		snprintf(iso, isosize, "%04d-%02d-%02dT%02d:%02d%s", y, m, d,
		    hm / 60, hm % 60, utc ? "Z" : "");
		return;
	case U_DAY:
		if (first || y != py)
			snprintf(show, size, "%d %s %d", d, date_month_name(m),
			    y);
		else
			snprintf(show, size, "%d %s", d, date_month_name(m));
		break;
	case U_MONTH:
		if (first || y != py)
			snprintf(show, size, "%s %d", date_month_name(m), y);
		else
			snprintf(show, size, "%s", date_month_name(m));
		break;
	default:
		snprintf(show, size, "%d", y);
	}
	snprintf(iso, isosize, "%04d-%02d-%02d", y, m, d);
}

/* Where the axis is cut, a column down through the lanes, in the
 * background colour with dashed sides: the cut is seen wherever the eye
 * is, and an item whose dates span it is drawn across it. */
static void
cut_column(graph_ctx *gc, double bottom, const char *name, const char *tip,
    double x0, double x1, double top)
{
	char sub[96], bb[128];
	Agraph_t *c;
	buf b = {0};

	snprintf(sub, sizeof(sub), "cluster_%s", name);
	c = agsubg(gc->body, sub, 1);
	buf_printf(&b, "%s-%s-column", gc->o->id_prefix, name);
	gc_set(c, "id", b.s);
	gc_set(c, "class", "axis-break-column");
	gc_set(c, "label", "");
	b.len = 0;
	label_attr(&b, tip, 300);
	gc_set(c, "tooltip", b.s);
	gc_set(c, "style", "filled,dashed");
	gc_set(c, "color", gc->th->muted);
	gc_set(c, "fillcolor", gc->o->transparent ? "transparent" :
	    gc->th->background);
	snprintf(bb, sizeof(bb), "%.1f,%.1f,%.1f,%.1f", x0, bottom, x1,
	    top);
	gc_set(c, "bb", bb);
	buf_free(&b);
}

/* The axis: a line over each stretch that is not cut, a break mark over
 * each that is, and ticks as often as TICK_MIN allows. */
static void
draw_axis(graph_ctx *gc, const time_axis *tl, double dx, double y,
    double bottom)
{
	char small[32], name[64], show[64], iso[32];
	size_t i, run = 0, nticks = 0, u, prev = 0, *cuts;
	double last_right = -1e300;
	int64_t shown = INT64_MIN;
	buf b = {0};
	int64_t t, end;

	if (tl->nbp < 2)
		return;
	gc_small_size(gc, small, sizeof(small));
	for (i = 0; i + 1 < tl->nbp; i = run) {
		Agnode_t *n;
		double x0 = tl->xs[i], x1;

		if (tl->cut[i]) {
			char from[64], to[64], tip[200];
			date a = {0}, z = {0};

			a.set = z.set = true;
			{
				int yy, mm, dd;

				date_civil((long)floor_div(tl->bp[i], 1440),
				    &yy, &mm, &dd);
				a.start.y = (int16_t)yy;
				a.start.m = (int8_t)mm;
				a.start.d = (int8_t)dd;
				date_civil((long)floor_div(tl->bp[i + 1] - 1,
				    1440), &yy, &mm, &dd);
				z.start.y = (int16_t)yy;
				z.start.m = (int8_t)mm;
				z.start.d = (int8_t)dd;
				a.end = a.start;
				z.end = z.start;
			}
			date_show(&a, from, sizeof(from));
			date_show(&z, to, sizeof(to));
			snprintf(tip, sizeof(tip), "%s to %s: nothing starts "
			    "or ends; the axis is shortened here", from, to);
			snprintf(name, sizeof(name), "axis-break-%zu", i + 1);
			b.len = 0;
			buf_printf(&b, "<FONT COLOR=\"%s\"><B>\xe2\x89\x88"
			    "</B></FONT>", gc->th->muted);
			n = mark(gc, name, "axis-break", b.s, tip);
			place(n, dx + (tl->xs[i] + tl->xs[i + 1]) / 2, y,
			    BREAK_W - 8, 16, true);
			cut_column(gc, bottom, name, tip, dx + tl->xs[i] + 8,
			    dx + tl->xs[i + 1] - 8, y - AXIS_H + 10);
			run = i + 1;
			continue;
		}
		for (run = i; run + 1 < tl->nbp && !tl->cut[run]; run++)
			;
		x1 = tl->xs[run];
		snprintf(name, sizeof(name), "axis-%zu", i + 1);
		n = mark(gc, name, "axis", NULL, "");
		gc_set(n, "shape", "box");
		gc_set(n, "style", "filled");
		gc_set(n, "fillcolor", gc->th->muted);
		gc_set(n, "color", gc->th->muted);
		place(n, dx + (x0 + x1) / 2, y, larger(x1 - x0, 1), 1.5, true);
	}
	for (u = 0; u + 1 < sizeof(units) / sizeof(units[0]); u++)
		if (units[u].minutes * tl->ppm >= TICK_MIN)
			break;
	/* cuts[i]: the cut stretches before bp[i]. A tick after a cut
	 * shows its year, as the first does. */
	cuts = xcalloc(tl->nbp + 1, sizeof(size_t));
	for (i = 0; i + 1 < tl->nbp; i++)
		cuts[i + 1] = cuts[i] + tl->cut[i];
	end = tl->bp[tl->nbp - 1];
	for (t = tick_first((int)u, tl->bp[0]); t <= end;
	    t = tick_next((int)u, t)) {
		double x = dx + axis_x(tl, t), w;
		size_t at = axis_stretch(tl, t);
		Agnode_t *n;

		if (axis_cut_at(tl, t) >= 0)
			continue;
		tick_text((int)u, t, shown, cuts[at] > cuts[prev], tl->utc, show,
		    sizeof(show), iso, sizeof(iso));
		w = (double)strlen(show) * atof(small) * 0.6 + 8;
		if (x - w / 2 < last_right + 6)
			continue;
		last_right = x + w / 2;
		prev = at;
		shown = t;
		nticks++;
		snprintf(name, sizeof(name), "tick-%zu", nticks);
		b.len = 0;
		buf_printf(&b, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">", small,
		    gc->th->muted);
		label_html(&b, show);
		buf_puts(&b, "</FONT>");
		n = mark(gc, name, "tick", b.s, iso);
		place(n, x, y - 16, w, atof(small) * 1.3, true);
		snprintf(name, sizeof(name), "tick-mark-%zu", nticks);
		n = mark(gc, name, "axis-mark", NULL, iso);
		gc_set(n, "shape", "box");
		gc_set(n, "style", "filled");
		gc_set(n, "fillcolor", gc->th->muted);
		gc_set(n, "color", gc->th->muted);
		place(n, x, y - 3, 1, 6, true);
	}
	free(cuts);
	buf_free(&b);
}

/* A band's title, wrapped to the band's width. */
static void
band_title(graph_ctx *gc, Agraph_t *c, const tl_band *b, double w,
    double x, double top)
{
	buf t = {0}, h = {0};
	int cols = (int)(w / (gc->o->font_size * 0.66));
	double lw, lh;
	char lp[64];

	buf_printf(&t, "%zu. %s", b->index + 1, b->phase->title);
	buf_puts(&h, "<B>");
	label_wrap_html(&h, t.s, cols < 8 ? 8 : cols, 2, "<BR/>");
	buf_puts(&h, "</B>");
	gc_set_html(c, "label", h.s);
	label_html_size(h.s, gc->o->font_size, &lw, &lh);
	snprintf(lp, sizeof(lp), "%.1f,%.1f", x + 6 + lw / 2, top - 4 -
	    lh / 2);
	gc_set(c, "lp", lp);
	buf_free(&t);
	buf_free(&h);
}

/* The bands: over their dates, down to the lanes' bottom; or, where
 * bands overlap in time, bars in rows above the axis. */
static void
draw_bands(graph_ctx *gc, const time_axis *tl, Agraph_t **band_of,
    double dx, double bottom)
{
	size_t i;

	for (i = 0; i < tl->nbands; i++) {
		tl_band *bd = &tl->bands[i];
		Agraph_t *c = band_of[bd->index];
		double x0 = dx + bd->x0, x1 = dx + bd->x1, top, low;
		char bb[128];

		if (tl->band_rows <= 1) {
			top = 0;
			low = bottom;
		} else {
			top = -(double)bd->row * BAND_HEAD;
			low = top - BAND_HEAD + 4;
		}
		snprintf(bb, sizeof(bb), "%.1f,%.1f,%.1f,%.1f", x0, low, x1,
		    top);
		gc_set(c, "bb", bb);
		band_title(gc, c, bd, x1 - x0, x0, top);
	}
}

/* Lanes: a frame across the picture, right to the given edge, and the
 * name at its left. */
static void
draw_lanes(graph_ctx *gc, const time_axis *tl, double lanes_top,
    double right)
{
	size_t k;
	buf b = {0};

	for (k = 0; k < tl->nlanes; k++) {
		const tl_lane *l = &tl->lanes[k];
		const char *by = gc->o->lanes ? gc->o->lanes : "group";
		char name[128], bb[128];
		Agraph_t *c;
		Agnode_t *n;
		double top = lanes_top - l->top;

		snprintf(name, sizeof(name), "cluster_lane_%zu", k + 1);
		c = agsubg(gc->body, name, 1);
		b.len = 0;
		buf_printf(&b, "%s-lane-", gc->o->id_prefix);
		label_token(&b, l->key ? l->key->id : "none");
		gc_set(c, "id", b.s);
		gc_set(c, "class", "lane");
		gc_set(c, "label", "");
		gc_set(c, "tooltip", "");
		gc_set(c, "style", "solid");
		gc_set(c, "color", gc->th->cluster_line);
		/* A subgraph starts with its parent's values: the
		 * background would hide the bands. */
		gc_set(c, "bgcolor", "transparent");
		gc_set(c, "fillcolor", "transparent");
		snprintf(bb, sizeof(bb), "%.1f,%.1f,%.1f,%.1f", 0.0,
		    top - l->height, right + 8, top);
		gc_set(c, "bb", bb);
		/* One lane for all needs no name. */
		if (tl->nlanes == 1 && l->key == NULL)
			continue;
		b.len = 0;
		buf_puts(&b, "lane-label-");
		label_token(&b, l->key ? l->key->id : "none");
		snprintf(name, sizeof(name), "%s", b.s);
		b.len = 0;
		if (l->key && l->key->type == IT_GROUP)
			buf_printf(&b, "<FONT COLOR=\"%s\"><B>",
			    gc_group_color(gc, l->key));
		else
			buf_printf(&b, "<FONT COLOR=\"%s\"><B>", gc->th->text);
		label_wrap_html(&b, l->key ? (l->key->type == IT_GROUP ?
		    l->key->name : gc_actor_name(l->key)) : strcmp(by,
		    "actor") == 0 ? "No actor" : "No group",
		    (int)((LANE_W - 12) / (gc->o->font_size * 0.66)), 3,
		    "<BR/>");
		buf_puts(&b, "</B></FONT>");
		n = mark(gc, name, "lane-label", b.s, l->key ?
		    (l->key->type == IT_GROUP ? l->key->name :
		    gc_actor_name(l->key)) : "");
		place(n, LANE_W / 2, top - l->height / 2, LANE_W - 8,
		    larger(l->height - 8, 20), true);
	}
	buf_free(&b);
}

void
view_timeline(graph_ctx *gc)
{
	const model *m = gc->m;
	time_axis tl;
	Agraph_t **band_of;
	size_t i, p, steps_before = 0;
	double dx, axis_y, lanes_top, bottom, right;
	buf b = {0};
	int *step_of_phase;

	memset(&tl, 0, sizeof(tl));
	tl.axis_min = gc->o->page_w > 0 ? AXIS_MIN_PAGE : AXIS_MIN;
	collect(gc, &tl);
	collect_bands(gc, &tl);

	/* The bands first, so that they are drawn under everything; their
	 * items in them, so that the steps show a band with its items. */
	band_of = xcalloc(m->count[IT_PHASE] + 1, sizeof(*band_of));
	step_of_phase = xcalloc(m->count[IT_PHASE] + 1, sizeof(int));
	for (p = 0; p < m->count[IT_PHASE]; p++)
		if (gc->sel->phase[p])
			step_of_phase[p] = (int)++steps_before;
	for (i = 0; i < tl.nbands; i++) {
		tl_band *bd = &tl.bands[i];
		char key[96];

		snprintf(key, sizeof(key), "phase-%s", bd->phase->id);
		band_of[bd->index] = gc_cluster(gc, gc->body, key,
		    bd->phase->title);
		b.len = 0;
		buf_printf(&b, "%s band", agget(band_of[bd->index], "class"));
		gc_set(band_of[bd->index], "class", b.s);
		gc_set(band_of[bd->index], "style", "filled");
		gc_step(gc, band_of[bd->index], step_of_phase[bd->index]);
	}
	make_nodes(gc, &tl, band_of);
	axis_place(&tl);

	/* Left of the axis, the lanes' names; the earliest box starts just
	 * after them. */
	dx = LANE_W + GAP;
	{
		double least = 0;

		for (i = 0; i < tl.n; i++)
			if (i == 0 || tl.v[i].x - tl.v[i].half < least)
				least = tl.v[i].x - tl.v[i].half;
		for (i = 0; i < tl.nbands; i++)
			if (tl.bands[i].x0 < least)
				least = tl.bands[i].x0;
		if (tl.nbp > 0 && tl.xs[0] < least)
			least = tl.xs[0];
		dx -= least;
	}
	right = 0;
	for (i = 0; i < tl.n; i++)
		right = larger(right, dx + tl.v[i].x + tl.v[i].half);
	if (tl.nbp > 0)
		right = larger(right, dx + tl.xs[tl.nbp - 1]);
	for (i = 0; i < tl.nbands; i++)
		right = larger(right, dx + tl.bands[i].x1);
	axis_y = -tl.strip_h - 10;
	lanes_top = -tl.strip_h - AXIS_H;
	bottom = lanes_top - tl.lanes_h;

	draw_bands(gc, &tl, band_of, dx, bottom);
	draw_lanes(gc, &tl, lanes_top, right);
	draw_axis(gc, &tl, dx, axis_y, bottom);
	if (tl.has_undated) {
		Agnode_t *n;
		char small[32];

		gc_small_size(gc, small, sizeof(small));
		b.len = 0;
		buf_printf(&b, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\"><I>"
		    "undated</I></FONT>", small, gc->th->muted);
		n = mark(gc, "tick-undated", "tick undated", b.s, "undated");
		place(n, dx + tl.undated_x, axis_y - 16, 64,
		    atof(small) * 1.3, true);
	}
	/* The items, in their lanes' rows; one dated between two phases
	 * comes in with the step of the later. */
	for (i = 0; i < tl.n; i++) {
		tl_item *t = &tl.v[i];
		const tl_lane *l = &tl.lanes[t->lane];
		double y = lanes_top - l->top - LANE_PAD - (double)t->row *
		    l->row_h - t->h / 2;

		place(t->node, dx + t->x, y, 2 * t->half, t->h, false);
		if (t->it->resolved_phase == NULL && t->it->date.set &&
		    gc->o->steps) {
			int s = 0;

			for (p = 0; p < tl.nbands && s == 0; p++)
				if (tl.bands[p].t0 >= t->t1)
					s = step_of_phase[tl.bands[p].index];
			for (p = tl.nbands; p-- > 0 && s == 0;)
				s = step_of_phase[tl.bands[p].index];
			if (s > 0)
				gc_step(gc, t->node, s);
		}
	}
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];

		if (!gc->sel->link[i] || (l->type != LT_LEADS_TO &&
		    l->type != LT_CAUSES && l->type != LT_RESPONDS_TO))
			continue;
		gc_link(gc, l);
	}
	gc_set(gc->g, "layout", "nop");
	gc_set(gc->g, "splines", agnnodes(gc->g) <= ROUTE_MAX ? "true" :
	    "line");
	gc->positioned = true;
	gc->title_x = 0;
	gc->title_y = 0;
	gc->key_top = bottom - GAP;
	buf_free(&b);
	free(band_of);
	free(step_of_phase);
	axis_free(&tl);
}
