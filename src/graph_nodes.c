/* An item's node in the graph stage: its label (title, kind, date and
 * actor, outcome, source markers), its tooltip, and the classes that
 * name its kind, phase, actors, groups, evidence, outcome and tags. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "label.h"
#include "views.h"

static const char *const cause_kind_caps[] = {"REASON", "ARGUMENT",
    "OBJECTION", "FEAR", "CONDITION", "CONCLUSION"};

static void
tooltip(const model *m, void *obj, const item *it)
{
	buf raw = {0}, out = {0};
	char when[64];
	size_t i;

	buf_puts(&raw, model_label(it));
	if (it->text && it->text != model_label(it))
		buf_printf(&raw, "\n%s", it->text);
	if (it->quote)
		buf_printf(&raw, "\n\xe2\x80\x9c%s\xe2\x80\x9d", it->quote);
	date_show(&it->date, when, sizeof(when));
	if (when[0])
		buf_printf(&raw, "\n%s", when);
	if (it->note)
		buf_printf(&raw, "\nNote: %s", it->note);
	for (i = 0; i < it->sources.n; i++) {
		const item *s = it->sources.v[i].src.to;

		if (s == NULL)
			continue;
		buf_puts(&raw, i ? "\n" : "\nSources:\n");
		cite_at(&raw, s, m->style, it->sources.v[i].at);
	}
	/* Folded YAML text ends in a newline: no blank lines. */
	{
		char *r = raw.s, *w = raw.s;

		for (; *r != '\0'; r++)
			if (!(*r == '\n' && (w == raw.s || w[-1] == '\n')))
				*w++ = *r;
		while (w > raw.s && w[-1] == '\n')
			w--;
		*w = '\0';
	}
	label_attr(&out, raw.s, 4000);
	gc_set(obj, "tooltip", out.s);
	buf_free(&raw);
	buf_free(&out);
}

static void
classes(buf *b, const item *it)
{
	size_t i;

	buf_printf(b, "kind-%s", model_type_names[it->type]);
	if (it->type == IT_CAUSE)
		buf_printf(b, " cause-%s",
		    model_cause_kind_names[it->cause_kind]);
	if (it->resolved_phase) {
		buf_puts(b, " phase-");
		label_token(b, it->resolved_phase->id);
	}
	/* Every actor the item involves, and their groups, so that a page
	 * can select everything Kim did or was told. */
	{
		const item *seen[64];
		size_t nseen = 0, k, j;
		const ref *lists[4];
		size_t counts[4];

		lists[0] = &it->actor;
		counts[0] = 1;
		lists[1] = &it->by;
		counts[1] = 1;
		lists[2] = it->actors.v;
		counts[2] = it->actors.n;
		lists[3] = it->to_actors.v;
		counts[3] = it->to_actors.n;
		for (k = 0; k < 4; k++) {
			for (j = 0; j < counts[k]; j++) {
				const item *a = lists[k][j].to;
				size_t s;

				if (a == NULL || nseen == 64)
					continue;
				for (s = 0; s < nseen && seen[s] != a; s++)
					;
				if (s < nseen)
					continue;
				seen[nseen++] = a;
				/* to: may name a group. */
				buf_puts(b, a->type == IT_GROUP ? " group-" :
				    " actor-");
				label_token(b, a->id);
			}
		}
		for (k = 0; k < nseen; k++) {
			const item *g = seen[k]->group.to;
			size_t s;

			for (s = 0; s < k && (seen[s]->group.to != g); s++)
				;
			if (g == NULL || s < k)
				continue;
			buf_puts(b, " group-");
			label_token(b, g->id);
		}
	}
	buf_printf(b, " evidence-%s", model_evidence_names[it->evidence]);
	if (it->type == IT_DECISION && it->outcome)
		buf_printf(b, " outcome-%s", model_outcome_names[it->outcome]);
	for (i = 0; i < it->tags.n; i++) {
		buf_puts(b, " tag-");
		label_token(b, it->tags.v[i]);
	}
}

static const char *const outcome_marks[] = {"", "\xe2\x9c\x94 APPROVED",
    "\xe2\x9c\x98 REJECTED", "\xe2\x80\x96 DEFERRED",
    "? REQUESTED", "\xe2\x96\xb6 ORDERED", "\xe2\x9c\x8e PROPOSED"};

/* A line of secondary text (a cause's kind and author, a decision's
 * date and actor), in the small regular face, which fits half as many
 * characters again as the bold titles' width: wrapped onto as many lines
 * as it needs where a box grows with its label, cut with an ellipsis
 * only in a fixed cell (the stances grid), whose tooltip has the name. */
static void
small_line(graph_ctx *gc, buf *b, const char *text, int reserve)
{
	/* On a slide the small face is the titles' size: a little more
	 * than their width, as regular letters are narrower than bold. */
	int cols = gc->item_wrap + gc->item_wrap / (gc->o->page_slide ? 8 :
	    2);
	char small[32];
	double fit;

	/* A fixed cell holds as many as its width does. */
	gc_small_size(gc, small, sizeof(small));
	fit = (gc->cell_w - CELL_SIDES) / (atof(small) * 0.55);
	if (gc->fixed_cells && fit > cols)
		cols = (int)fit;
	/* In a fixed cell, room for what follows on the line (the source
	 * marker). */
	if (gc->fixed_cells && cols - reserve >= 8)
		cols -= reserve;

	label_wrap_html(b, text, cols, gc->fixed_cells ? 1 : LABEL_MAX_LINES,
	    "<BR/>");
}

double
gc_outcome_width(graph_ctx *gc, const item *it, double fs)
{
	buf cites = {0};
	double w;

	if (it->type != IT_DECISION || !it->outcome)
		return 0;
	gc_cite_marker(gc, &cites, &it->sources, true);
	/* Capitals in bold, about 0.72 em; the marker's digits and
	 * brackets in the regular face, about 0.55. */
	w = (double)utf8_width(outcome_marks[it->outcome],
	    strlen(outcome_marks[it->outcome])) * fs * 0.72;
	if (cites.len > 0)
		w += (double)(1 + utf8_width(cites.s, cites.len)) * fs * 0.55;
	buf_free(&cites);
	return w;
}

static void
item_label(graph_ctx *gc, buf *b, const item *it)
{
	char when[64], small[32];
	const item *actor = gc_item_actor(it);
	int wrap = gc->item_wrap;
	buf cites = {0};

	gc_small_size(gc, small, sizeof(small));
	date_show(&it->date, when, sizeof(when));
	gc_cite_marker(gc, &cites, &it->sources, true);
	buf_puts(b, "<");
	if (it->type == IT_CAUSE) {
		buf line = {0};

		buf_printf(&line, "%s \xc2\xb7 %s",
		    cause_kind_caps[it->cause_kind], it->by.to ?
		    gc_actor_name(it->by.to) : "inferred");
		buf_printf(b, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">", small,
		    gc->th->muted);
		small_line(gc, b, line.s, 0);
		buf_puts(b, "</FONT><BR/>");
		buf_free(&line);
		label_wrap_html(b, it->text, wrap, gc->fixed_cells ? 6 :
		    LABEL_MAX_LINES, "<BR/>");
	} else {
		if (it->type == IT_DECISION)
			buf_puts(b, "<B>");
		label_wrap_html(b, it->title, wrap, gc->fixed_cells ? 5 :
		    LABEL_MAX_LINES, "<BR/>");
		if (it->type == IT_DECISION)
			buf_puts(b, "</B>");
		if (when[0] || (it->type == IT_DECISION && actor)) {
			buf_printf(b, "<BR/><FONT POINT-SIZE=\"%s\" "
			    "COLOR=\"%s\">", small, gc->th->muted);
			{
				buf line = {0};

				buf_puts(&line, when);
				if (it->type == IT_DECISION && actor)
					buf_printf(&line, "%s%s", when[0] ?
					    " \xc2\xb7 " : "",
					    gc_actor_name(actor));
				/* The marker follows the date unless an
				 * outcome's line comes after it. */
				small_line(gc, b, line.s ? line.s : "",
				    it->type == IT_DECISION && it->outcome ?
				    0 : (int)utf8_width(cites.s ? cites.s : "",
				    cites.len) + 1);
				buf_free(&line);
			}
			buf_puts(b, "</FONT>");
		}
		if (it->type == IT_DECISION && it->outcome) {
			const char *color = it->outcome == OUT_APPROVED ?
			    gc->th->approve : it->outcome == OUT_REJECTED ?
			    gc->th->against : gc->th->muted;

			buf_printf(b, "<BR/><FONT POINT-SIZE=\"%s\" "
			    "COLOR=\"%s\"><B>%s</B></FONT>", small, color,
			    outcome_marks[it->outcome]);
		}
	}
	if (cites.len > 0)
		buf_printf(b, " <FONT POINT-SIZE=\"%s\" COLOR=\"%s\">%s"
		    "</FONT>", small, gc->th->muted, cites.s);
	buf_puts(b, ">");
	buf_free(&cites);
}

Agnode_t *
gc_node(graph_ctx *gc, Agraph_t *parent, const item *it)
{
	Agnode_t *n = gc->node[it->type][it->index];
	buf b = {0};
	const item *group = gc_item_group(it);
	char style[64];

	if (n != NULL)
		return n;
	n = agnode(parent, (char *)it->id, 1);
	gc->node[it->type][it->index] = n;

	item_label(gc, &b, it);
	/* The label is "<...>": strip the brackets for an HTML string. */
	b.s[b.len - 1] = '\0';
	gc_set_html(n, "label", b.s + 1);
	b.len = 0;

	buf_printf(&b, "%s%s", gc->o->id_prefix, it->id);
	gc_set(n, "id", b.s);
	b.len = 0;
	classes(&b, it);
	gc_set(n, "class", b.s);
	tooltip(gc->m, n, it);
	if (it->url) {
		b.len = 0;
		label_url(&b, it->url);
		gc_set(n, "URL", b.s);
		gc_set(n, "target", "_top");
	}

	snprintf(style, sizeof(style), "filled,%s%s%s",
	    it->type == IT_EVENT ? "rounded," : "",
	    it->type == IT_DECISION ? "bold," : "",
	    gc_evidence_styles[it->evidence]);
	gc_set(n, "style", style);
	gc_set(n, "shape", it->type == IT_CAUSE ? "note" : "box");
	gc_set(n, "fillcolor", group ? gc_group_fill(gc, group) : gc->th->node_fill);
	gc_set(n, "color", group ? gc_group_color(gc, group) : gc->th->line);
	gc_setf(n, "penwidth", it->type == IT_DECISION ? 2.5 : 1.2);

	gc->kinds[it->type == IT_CAUSE ? LEGEND_CAUSE((int)it->cause_kind) :
	    (int)it->type] = true;
	gc->evidence[it->evidence] = true;
	if (group)
		gc->groups[group->index] = true;
	else
		gc->ungrouped = true;
	buf_free(&b);
	return n;
}
