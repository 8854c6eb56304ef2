/* The title of a diagram: the model's title (or --title), then the view
 * and the filters that narrowed it, as the graph's label, or as a node
 * where the view placed everything itself. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "label.h"
#include "graph_int.h"

/* True if a and b are the same words, whatever the case and a final
 * stop or question mark: a view titled as its question says it once. */
static bool
same_words(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	while (na > 0 && strchr(".?!:", a[na - 1]))
		na--;
	while (nb > 0 && strchr(".?!:", b[nb - 1]))
		nb--;
	return na == nb && strncasecmp(a, b, na) == 0;
}

/* The names of the ids of a comma-separated list, "A, B and C"; each
 * id an item of the model (a filter's ids were checked), or the id. */
static void
names_of(const model *m, const char *ids, buf *b)
{
	const char *p = ids;
	size_t k = 0, n = 1;
	char id[128];

	for (; *p; p++)
		n += *p == ',';
	for (p = ids; *p; k++) {
		size_t len = strcspn(p, ",");
		const item *it;

		snprintf(id, sizeof(id), "%.*s", (int)(len < sizeof(id) ?
		    len : sizeof(id) - 1), p);
		it = model_find(m, id);
		if (k > 0)
			buf_puts(b, k + 1 == n ? " and " : ", ");
		buf_puts(b, it ? model_label(it) : id);
		p += len;
		if (*p == ',')
			p++;
	}
}

/* A list of words joined by "or" ("military or border"), each with
 * suffix: the kinds "arguments and objections" use "and". */
static void
words_of(const char *list, const char *suffix, const char *join, buf *b)
{
	const char *p = list;
	size_t k = 0, n = 1;

	for (; *p; p++)
		n += *p == ',';
	for (p = list; *p; k++) {
		size_t len = strcspn(p, ",");

		if (k > 0)
			buf_printf(b, k + 1 == n ? " %s " : ", ", join);
		buf_printf(b, "%.*s%s", (int)len, p, suffix);
		p += len;
		if (*p == ',')
			p++;
	}
}

/* A date of a filter as the diagrams show dates ("5 Mar 1949"). */
static void
date_words(const char *s, buf *b)
{
	date d;
	char out[96];

	if (date_parse(s, strlen(s), &d) != NULL) {
		buf_puts(b, s);
		return;
	}
	date_show(&d, out, sizeof(out));
	buf_puts(b, out);
}

/* The selected phases: "Phase 2 of 3: Kim insists on war" (without the
 * title when the view has it), "Phases 1-2 of 3", "Phases 1, 3 and 4 of
 * 5"; nothing when every phase is selected. */
static void
phase_words(graph_ctx *gc, const char *view_title, buf *b)
{
	const model *m = gc->m;
	size_t i, j, shown = 0, first = 0, runs = 0, done = 0;
	size_t nphases = m->count[IT_PHASE];

	for (i = 0; i < nphases; i++)
		if (gc->sel->phase[i] && shown++ == 0)
			first = i;
	if (shown == 0 || shown == nphases)
		return;
	if (shown == 1) {
		const char *t = m->items[IT_PHASE][first]->title;

		buf_printf(b, "Phase %zu of %zu", first + 1, nphases);
		if (!same_words(t, view_title))
			buf_printf(b, ": %s", t);
		return;
	}
	for (i = 0; i < nphases; i++)
		if (gc->sel->phase[i] && (i == 0 || !gc->sel->phase[i - 1]))
			runs++;
	buf_puts(b, "Phases ");
	for (i = 0; i < nphases; i = j) {
		j = i + 1;
		if (!gc->sel->phase[i])
			continue;
		while (j < nphases && gc->sel->phase[j])
			j++;
		if (done > 0)
			buf_puts(b, done + 1 == runs ? " and " : ", ");
		if (j - i == 1)
			buf_printf(b, "%zu", i + 1);
		else
			buf_printf(b, "%zu-%zu", i + 1, j);
		done++;
	}
	buf_printf(b, " of %zu", nphases);
}

/* The line under the title, in words, in three parts: the view and
 * whose it is ("Arguments of Curtis LeMay and Robert McNamara"), its
 * question, and the other filters ("Phase 2 of 4: Escalation; tagged
 * military"). */
static void
view_line(graph_ctx *gc, const char *view_title, bool builtin, buf *b,
    buf *question, buf *parts_out)
{
	const sel_filters *f = gc->o->filters;
	buf parts = {0}, who = {0};

	if (f != NULL && ((f->actors && f->actors[0]) ||
	    (f->groups && f->groups[0]))) {
		if (f->actors && f->actors[0])
			names_of(gc->m, f->actors, &who);
		if (f->groups && f->groups[0]) {
			if (who.len)
				buf_puts(&who, " and ");
			names_of(gc->m, f->groups, &who);
		}
	}
	buf_puts(b, view_title);
	if (who.len && builtin)
		buf_printf(b, " of %s", who.s);
	if (gc->question != NULL && !same_words(view_title,
	    gc->question->title))
		buf_puts(question, gc->question->title);
#define SEP() (parts.len ? "; " : "")
	if (f != NULL) {
		phase_words(gc, view_title, &parts);
		if (who.len && !builtin)
			buf_printf(&parts, "%sinvolving %s", SEP(), who.s);
		if (f->kinds && f->kinds[0]) {
			buf_puts(&parts, SEP());
			words_of(f->kinds, "s", "and", &parts);
			buf_puts(&parts, " only");
		}
		if (f->tags && f->tags[0]) {
			buf_printf(&parts, "%stagged ", SEP());
			words_of(f->tags, "", "or", &parts);
		}
		if (f->since && f->since[0]) {
			buf_puts(&parts, SEP());
			buf_puts(&parts, f->until && f->until[0] ? "" : "from ");
			date_words(f->since, &parts);
			if (f->until && f->until[0])
				buf_puts(&parts, " to ");
		} else if (f->until && f->until[0]) {
			buf_printf(&parts, "%suntil ", SEP());
		}
		if (f->until && f->until[0])
			date_words(f->until, &parts);
		if (f->evidence && strcmp(f->evidence, "inferred") != 0)
			buf_printf(&parts, "%s%s", SEP(), strcmp(f->evidence,
			    "documented") == 0 ? "documented only" :
			    "reported or documented");
		if (f->focus && f->focus[0]) {
			const item *it = model_find(gc->m, f->focus);
			int depth = f->depth < 0 ? 1 : f->depth;

			if (depth > 1)
				buf_printf(&parts, "%swithin %d links of ",
				    SEP(), depth);
			else
				buf_printf(&parts, "%saround ", SEP());
			buf_puts(&parts, it ? model_label(it) : f->focus);
		}
	}
#undef SEP
	if (parts.len)
		buf_puts(parts_out, parts.s);
	buf_free(&parts);
	buf_free(&who);
}

void
gc_title(graph_ctx *gc)
{
	buf b = {0}, line = {0};
	const char *view_title = gc->o->view_title;
	char big[32];

	if (gc->o->no_title)
		return;
	if (view_title == NULL)
		view_title = gc_view_title(gc->o->view);
	snprintf(big, sizeof(big), "%.3g", gc->o->font_size * 1.5);
	/* Each line ends in a left-aligned break, or Graphviz centres it. */
	buf_printf(&b, "<FONT POINT-SIZE=\"%s\"><B>", big);
	/* A title given (a deck's slide names its part) may take three
	 * lines; the model's, two. */
	label_wrap_html(&b, gc->o->title ? gc->o->title : gc->m->title,
	    gc->o->wrap * 3, gc->o->title ? 3 : 2, "<BR ALIGN=\"LEFT\"/>");
	buf_puts(&b, "</B></FONT><BR ALIGN=\"LEFT\"/>");
	if (gc->o->title == NULL) {
		buf q = {0}, parts = {0};

		view_line(gc, view_title, gc->o->view_title == NULL, &line,
		    &q, &parts);
		label_html(&b, line.s);
		if (q.len > 0) {
			buf_puts(&b, ": ");
			label_wrap_html(&b, q.s, gc->o->wrap * 3, 2,
			    "<BR ALIGN=\"LEFT\"/>");
			buf_printf(&line, ": %s", q.s);
		}
		if (parts.len > 0) {
			buf_puts(&b, " \xe2\x80\x94 ");
			label_wrap_html(&b, parts.s, gc->o->wrap * 3, 3,
			    "<BR ALIGN=\"LEFT\"/>");
			buf_printf(&line, " \xe2\x80\x94 %s", parts.s);
		}
		buf_puts(&b, "<BR ALIGN=\"LEFT\"/>");
		buf_free(&q);
		buf_free(&parts);
	}
	if (gc->positioned) {
		/* The view placed everything; the title is a node at its
		 * place, left-aligned in a table of a width that holds it. */
		Agnode_t *n = agnode(gc->g, GRAPH_TITLE_NODE, 1);
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
		if (line.len > 0) {
			size_t second = utf8_width(line.s, line.len);
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
		buf_printf(&t, "%s-title", gc->o->id_prefix);
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
	buf_free(&line);
}
