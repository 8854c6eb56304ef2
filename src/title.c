/* The title of a diagram: the model's title (or --title), then the view
 * and the filters that narrowed it, as the graph's label, or as a node
 * where the view placed everything itself. */
#include <stdio.h>
#include <string.h>

#include "label.h"
#include "graph_int.h"

/* "Phase 2 of 3: Kim insists on war" and the other filters, for the
 * title. */
static void
filter_text(graph_ctx *gc, buf *b)
{
	const model *m = gc->m;
	const sel_filters *f = gc->o->filters;
	size_t i, shown = 0, first = 0, nphases = m->count[IT_PHASE];

	if (f == NULL)
		return;
	if (f->phases && f->phases[0]) {
		for (i = 0; i < nphases; i++)
			if (gc->sel->phase[i]) {
				if (shown++ == 0)
					first = i;
			}
		if (shown == 1)
			buf_printf(b, "Phase %zu of %zu: %s", first + 1,
			    nphases, m->items[IT_PHASE][first]->title);
		else if (shown > 1 && shown < nphases)
			buf_printf(b, "Phases %s of %zu", f->phases, nphases);
	}
#define PART(field, name) do { if (f->field && f->field[0]) \
	buf_printf(b, "%s%s %s", b->len ? "; " : "", name, f->field); \
	} while (0)
	PART(actors, "actor");
	PART(groups, "group");
	PART(kinds, "kind");
	PART(tags, "tag");
	PART(since, "since");
	PART(until, "until");
	PART(evidence, "at least");
	PART(focus, "around");
#undef PART
}

void
gc_title(graph_ctx *gc)
{
	buf b = {0}, f = {0};
	const char *view_title = gc->o->view_title;
	char big[32];

	if (gc->o->no_title)
		return;
	if (view_title == NULL)
		view_title = gc_view_title(gc->o->view);
	snprintf(big, sizeof(big), "%.3g", gc->o->font_size * 1.5);
	/* Each line ends in a left-aligned break, or Graphviz centres it. */
	buf_printf(&b, "<FONT POINT-SIZE=\"%s\"><B>", big);
	label_wrap_html(&b, gc->o->title ? gc->o->title : gc->m->title,
	    gc->o->wrap * 3, 2, "<BR ALIGN=\"LEFT\"/>");
	buf_puts(&b, "</B></FONT><BR ALIGN=\"LEFT\"/>");
	if (gc->o->title == NULL) {
		filter_text(gc, &f);
		label_html(&b, view_title);
		if (gc->question != NULL) {
			buf_puts(&b, ": ");
			label_wrap_html(&b, gc->question->title,
			    gc->o->wrap * 3, 2, "<BR ALIGN=\"LEFT\"/>");
		}
		if (f.len > 0) {
			buf_puts(&b, " \xe2\x80\x94 ");
			label_wrap_html(&b, f.s, gc->o->wrap * 3, 2,
			    "<BR ALIGN=\"LEFT\"/>");
		}
		buf_puts(&b, "<BR ALIGN=\"LEFT\"/>");
	}
	if (gc->positioned) {
		/* The view placed everything; the title is a node at its
		 * place, left-aligned in a table of a width that holds it. */
		Agnode_t *n = agnode(gc->g, "kgraph_title", 1);
		buf t = {0};
		const char *title = gc->o->title ? gc->o->title :
		    gc->m->title;
		/* Widths in display columns: Hangul and Han take two. */
		size_t longest = utf8_width(title, strlen(title));
		double w, fs = gc->o->font_size;
		char pos[64];

		if (longest > (size_t)gc->o->wrap * 3)
			longest = (size_t)gc->o->wrap * 3;
		w = longest * fs * 1.5 * 0.62 + 24;
		/* The second line, in the base size, may be the longer. */
		if (gc->question != NULL) {
			size_t second = utf8_width(view_title,
			    strlen(view_title)) + 2 + utf8_width(
			    gc->question->title, strlen(gc->question->title));
			double w2;

			if (second > (size_t)gc->o->wrap * 3)
				second = (size_t)gc->o->wrap * 3;
			w2 = second * fs * 0.62 + 24;
			if (w2 > w)
				w = w2;
		}
		buf_printf(&t, "<TABLE BORDER=\"0\" CELLPADDING=\"0\" "
		    "WIDTH=\"%.0f\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
		    "%s</TD></TR></TABLE>", w, b.s);
		gc_set_html(n, "label", t.s);
		gc_set(n, "shape", "plaintext");
		gc_set(n, "class", "title");
		t.len = 0;
		buf_printf(&t, "%stitle", gc->o->id_prefix);
		gc_set(n, "id", t.s);
		snprintf(pos, sizeof(pos), "%.1f,%.1f!", gc->title_x + w / 2,
		    gc->title_y + fs * 2.5);
		gc_set(n, "pos", pos);
		buf_free(&t);
	} else {
		gc_set_html(gc->g, "label", b.s);
		gc_set(gc->g, "labelloc", "t");
		gc_set(gc->g, "labeljust", "l");
	}
	buf_free(&b);
	buf_free(&f);
}
