/* The key of a diagram: the legend (what the shapes, lines and colours
 * the view drew mean) and the sources box (the sources cited, by number),
 * as one HTML table in a node that place.c moves after the layout. */
#include <stdio.h>
#include <string.h>

#include "cite.h"
#include "label.h"
#include "graph_int.h"

static const char *const kind_words[] = {"", "", "", "", "", "event",
    "decision", "cause", ""};

/* The key (legend and sources) as a node that takes no room in the
 * layout: a point with no edges, whose label place.c moves after the
 * layout below the diagram or beside it, whichever lets the picture fill
 * more of a 16:9 slide. (Edges to it would pull a rank of virtual nodes
 * through the diagram, and rank=sink does not hold under newrank in
 * Graphviz 2.43.) */
static void
key_node(graph_ctx *gc, const char *name, const char *html, int lines)
{
	Agnode_t *key = agnode(gc->g, (char *)name, 1);
	buf b = {0};

	gc_set_html(key, "label", html);
	gc_set(key, "shape", "plain");
	if (gc->positioned) {
		/* place.c moves it after the layout; in -T dot it stands
		 * below the view's nodes, its height guessed high from its
		 * lines, so that nop's edges need not avoid it. */
		char pos[64];

		snprintf(pos, sizeof(pos), "0,%.1f!", gc->key_top -
		    lines * 20.0);
		gc_set(key, "pos", pos);
	}
	/* One key is drawn, whichever shape place.c chose: each has the
	 * key's id. */
	buf_printf(&b, "%s-key", gc->o->id_prefix);
	gc_set(key, "id", b.s);
	gc_set(key, "class", "key");
	gc_set(key, "tooltip", "Legend and sources");
	/* A shape place.c does not keep it makes invisible: the attribute
	 * must be known before the layout. */
	if (strcmp(name, GRAPH_KEY_NODE) != 0)
		gc_set(key, "style", "solid");
	buf_free(&b);
}

/* The sources box's columns: more than six sources take three, so that a
 * long list under a wide diagram stays low; a key of one or two legend
 * entries to a row, made to stand beside a tall diagram, takes one. */
static int
source_columns(const graph_ctx *gc, int per_row)
{
	if (per_row <= 2)
		return 1;
	return gc->cites > 6 ? 3 : 2;
}

/* A legend swatch's size: fixed, so that a column widened by the sources
 * under it does not stretch the box. */
#define SWATCH "FIXEDSIZE=\"TRUE\" WIDTH=\"30\" HEIGHT=\"20\""

/* Legend entries: a swatch cell and a label cell each. */
typedef struct {
	buf swatch[64], text[64];
	int n;
} legend;

static void
legend_add(legend *lg, const char *text)
{
	if (lg->n >= 64)
		return;
	label_html(&lg->text[lg->n], text);
	lg->n++;
}

/* The legend's entries for the shapes: the item kinds, the stances and
 * the stances view's paths, and the cause kinds the view shows. */
static void
legend_shapes(graph_ctx *gc, legend *lg, const char *small)
{
	static const char *const marks[] = {"", "\xe2\x9c\x94",
	    "\xe2\x9c\x98", "\xe2\x97\x90", "?"};
	static const char *const words[] = {"", "for (box)",
	    "against (octagon)", "conditional (hexagon)",
	    "undecided (oval)"};
	const theme *th = gc->th;
	buf kinds = {0};
	int k;

	for (k = IT_EVENT; k <= IT_DECISION; k++) {
		if (!gc->kinds[k])
			continue;
		buf_printf(&lg->swatch[lg->n], "<TD BORDER=\"%d\" "
		    "STYLE=\"%s\" COLOR=\"%s\" BGCOLOR=\"%s\" "
		    SWATCH "></TD>", k == IT_DECISION ? 3 : 1,
		    k == IT_EVENT ? "rounded" : "solid", th->line,
		    th->node_fill);
		legend_add(lg, kind_words[k]);
	}
	for (k = ST_FOR; k <= ST_UNDECIDED; k++) {
		if (!gc->stances[k])
			continue;
		buf_printf(&lg->swatch[lg->n], "<TD><FONT COLOR=\"%s\">"
		    "<B>%s</B></FONT></TD>", k == ST_FOR ? th->approve :
		    k == ST_AGAINST ? th->against : th->muted, marks[k]);
		legend_add(lg, words[k]);
	}
	if (gc->paths_changed) {
		buf_printf(&lg->swatch[lg->n], "<TD>\xe2\x94\x81\xe2\x94"
		    "\x81\xe2\x96\xb6</TD>");
		legend_add(lg, "changed position");
	}
	if (gc->paths_same) {
		buf_printf(&lg->swatch[lg->n], "<TD><FONT COLOR=\"%s\">"
		    "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6</FONT></TD>",
		    th->muted);
		legend_add(lg, "same position");
	}
	/* The marks of the notes on why a position changed. */
	if (gc->why_marks[0]) {
		buf_puts(&lg->swatch[lg->n], "<TD><B>\xe2\x80\xa2</B></TD>");
		legend_add(lg, "a cause for the new position");
	}
	if (gc->why_marks[1]) {
		buf_puts(&lg->swatch[lg->n], "<TD><B>\xe2\x80\x93</B></TD>");
		legend_add(lg, "a cause against the change");
	}
	/* Every cause names its kind in capitals; the legend says so once,
	 * with the kinds the view shows. */
	for (k = 0; k < CK__COUNT; k++)
		if (gc->kinds[LEGEND_CAUSE(k)])
			buf_printf(&kinds, "%s%s", kinds.len ? ", " :
			    "cause: ", model_cause_kind_names[k]);
	if (kinds.len > 0) {
		buf_printf(&lg->swatch[lg->n], "<TD BORDER=\"1\" "
		    "COLOR=\"%s\" BGCOLOR=\"%s\"><FONT "
		    "POINT-SIZE=\"%s\">KIND</FONT></TD>",
		    th->line, th->node_fill, small);
		legend_add(lg, kinds.s);
	}
	buf_free(&kinds);
}

/* The legend's entries for the lines: the link types and the evidence
 * levels the view shows. */
static void
legend_lines(graph_ctx *gc, legend *lg)
{
	static const char *const link_glyph[] = {
	    "\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6",
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x80\xba",
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb7",
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6",
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\xa4"};
	static const char *const link_words[] = {"causes", "leads to",
	    "responds to", "for", "against"};
	static const char *const evidence_glyph[] = {
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80",
	    "\xe2\x95\x8c\xe2\x95\x8c\xe2\x95\x8c",
	    "\xe2\x94\x88\xe2\x94\x88\xe2\x94\x88"};
	static const char *const evidence_words[] = {"documented",
	    "reported", "inferred"};
	int k;

	for (k = 0; k < 5; k++) {
		if (!gc->link_types[k])
			continue;
		if (k == LT_LEADS_TO && gc->addressed) {
			buf_printf(&lg->swatch[lg->n], "<TD>%s</TD>",
			    link_glyph[k]);
			legend_add(lg, "addressed to");
			continue;
		}
		buf_printf(&lg->swatch[lg->n], "<TD><FONT COLOR=\"%s\">"
		    "%s</FONT></TD>", k == LT_OPPOSES ? gc->th->against :
		    gc->th->line, link_glyph[k]);
		legend_add(lg, link_words[k]);
	}
	for (k = 0; k < 3; k++) {
		if (!gc->evidence[k])
			continue;
		buf_printf(&lg->swatch[lg->n], "<TD>%s</TD>",
		    evidence_glyph[k]);
		legend_add(lg, evidence_words[k]);
	}
}

/* The legend's entries for the groups the view coloured. */
static void
legend_groups(graph_ctx *gc, legend *lg)
{
	const model *m = gc->m;
	size_t i;

	for (i = 0; i < m->count[IT_GROUP]; i++) {
		const item *g = m->items[IT_GROUP][i];

		if (!gc->groups[i] || lg->n >= 64)
			continue;
		buf_printf(&lg->swatch[lg->n], "<TD BORDER=\"2\" "
		    "COLOR=\"%s\" BGCOLOR=\"%s\" " SWATCH "></TD>",
		    gc_group_color(gc, g), gc_group_fill(gc, g));
		label_wrap_html(&lg->text[lg->n], g->name, gc->o->wrap,
		    LABEL_MAX_LINES, "<BR/>");
		lg->n++;
	}
}

/* The key is a column of two tables, the legend and the sources, so that
 * the width of a source does not spread the legend's columns (Graphviz
 * gives a cell that spans columns an equal share of each) and part a
 * swatch from the words that say what it means. A part narrower than the
 * key would still be stretched, its columns alike: it stands in a row
 * with an empty cell of KEY_FILL columns, which take all but
 * 1/(KEY_FILL + 1) of the room to spare. */
#define KEY_FILL 15
#define KEY_PART "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\"" \
	" CELLPADDING=\"2\">"
#define KEY_ROW "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\"" \
	" CELLPADDING=\"0\">"

static void
part_open(buf *b)
{
	buf_puts(b, "<TR><TD>" KEY_ROW "<TR><TD>" KEY_PART);
}

static void
part_close(buf *b)
{
	buf_printf(b, "</TABLE></TD><TD COLSPAN=\"%d\"></TD></TR></TABLE>"
	    "</TD></TR>", KEY_FILL);
}

/* The legend's table, per_row entries to a row. */
static void
legend_rows(const legend *lg, buf *b, int per_row)
{
	int k;

	part_open(b);
	buf_printf(b, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%d\"><B>Legend"
	    "</B></TD></TR>", 2 * per_row);
	for (k = 0; k < lg->n; k++) {
		if (k % per_row == 0)
			buf_puts(b, "<TR>");
		buf_printf(b, "%s<TD ALIGN=\"LEFT\">%s</TD>",
		    lg->swatch[k].s, lg->text[k].s);
		if (k % per_row == per_row - 1 || k == lg->n - 1)
			buf_puts(b, "</TR>");
	}
	part_close(b);
}

/* The sources box's table: the sources in the order of their numbers,
 * in columns of a number and its reference. */
static void
source_rows(graph_ctx *gc, buf *b, int per_row, const char *small)
{
	const model *m = gc->m;
	int num, col = 0, columns = source_columns(gc, per_row);
	size_t i;

	part_open(b);
	buf_printf(b, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%d\"><B>"
	    "Sources</B></TD></TR>", 2 * columns);
	for (num = 1; num <= gc->cite_max; num++) {
		for (i = 0; i < m->count[IT_SOURCE]; i++) {
			const item *s = m->items[IT_SOURCE][i];
			buf t = {0};

			if (gc->cite[i] != num)
				continue;
			cite_full(&t, s, m->style, true);
			if (col == 0)
				buf_puts(b, "<TR>");
			buf_printf(b, "<TD ALIGN=\"RIGHT\" "
			    "VALIGN=\"TOP\"><FONT POINT-SIZE=\"%s\">"
			    "[%d]</FONT></TD><TD ALIGN=\"LEFT\" "
			    "BALIGN=\"LEFT\" VALIGN=\"TOP\">"
			    "<FONT POINT-SIZE=\"%s\">", small, num, small);
			label_wrap_html(b, t.s, gc->o->wrap * 2,
			    LABEL_MAX_LINES, "<BR/>");
			buf_puts(b, "</FONT></TD>");
			if (++col == columns) {
				buf_puts(b, "</TR>");
				col = 0;
			}
			buf_free(&t);
		}
	}
	if (col != 0)
		buf_printf(b, "<TD COLSPAN=\"%d\"></TD></TR>",
		    (columns - col) * 2);
	part_close(b);
}

/* The key's shapes: the legend's entries to a row and the node of each.
 * The first is the key of every picture; a picture for a page also has
 * the others, a narrower legend in rows of three and a key in rows of two
 * with its sources in one column, to stand beside a tall diagram, and
 * place.c keeps the one that lets the picture be drawn largest. */
static const struct {
	int per_row;
	const char *node;
} key_shapes[] = {
	{6, GRAPH_KEY_NODE},
	{3, GRAPH_KEY_NODE "-3"},
	{2, GRAPH_KEY_NODE "-2"},
};

/* The legend and the sources box, as one HTML table in a node placed
 * after everything else: the legend's entries in rows of a few, the
 * sources in two columns, so that the key is wide and low like a slide
 * (or in the shapes above, on a page). */
void
gc_key(graph_ctx *gc)
{
	legend lg;
	buf b = {0};
	char small[32];
	int k, per_row;
	size_t shape;
	bool sources = !gc->o->no_citations && !gc->o->no_source_list &&
	    gc->cites > 0;

	memset(&lg, 0, sizeof(lg));
	gc_small_size(gc, small, sizeof(small));
	if (!gc->o->no_legend) {
		legend_shapes(gc, &lg, small);
		legend_lines(gc, &lg);
		legend_groups(gc, &lg);
	}
	if (lg.n == 0 && !sources)
		return;
	for (shape = 0; shape < (gc->o->page_w > 0 ? sizeof(key_shapes) /
	    sizeof(key_shapes[0]) : 1); shape++) {
		per_row = key_shapes[shape].per_row;
		b.len = 0;
		buf_puts(&b, KEY_ROW);
		if (lg.n > 0)
			legend_rows(&lg, &b, per_row);
		if (sources)
			source_rows(gc, &b, per_row, small);
		buf_puts(&b, "</TABLE>");
		key_node(gc, key_shapes[shape].node, b.s, 2 + 2 * (lg.n +
		    per_row - 1) / per_row + (sources ? 4 * (gc->cites + 2) /
		    source_columns(gc, per_row) : 0));
	}
	for (k = 0; k < 64; k++) {
		buf_free(&lg.swatch[k]);
		buf_free(&lg.text[k]);
	}
	buf_free(&b);
}
