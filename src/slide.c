#include "slide.h"

#include <stdio.h>
#include <stdlib.h>

#include "cite.h"
#include "graph_int.h"
#include "label.h"
#include "theme.h"

/* A graph of one node labelled html, on o's page, in o's theme. */
static Agraph_t *
text_slide(const graph_options *o, const char *html)
{
	const theme *th = theme_find(o->theme ? o->theme : "light");
	Agraph_t *g = agopen("kgraph", Agdirected, &graph_ids_disc);
	Agnode_t *n;
	char page[96], fs[32], *s;

	if (th == NULL)
		th = theme_find("light");
	snprintf(fs, sizeof(fs), "%.4g", o->font_size);
	agattr(g, AGRAPH, "bgcolor", o->transparent ? "transparent" :
	    (char *)th->background);
	agattr(g, AGRAPH, "pad", "0");
	agattr(g, AGRAPH, "margin", "0");
	snprintf(page, sizeof(page), "%.2f,%.2f,%.2f", o->page_w, o->page_h,
	    o->page_margin);
	agattr(g, AGRAPH, GRAPH_PAGE_ATTR, page);
	agattr(g, AGNODE, "shape", "plaintext");
	agattr(g, AGNODE, "fontname", (char *)o->font);
	agattr(g, AGNODE, "fontsize", fs);
	agattr(g, AGNODE, "fontcolor", (char *)th->text);
	agattr(g, AGNODE, "label", "");
	/* Ids of its own, for a page of many slides. */
	snprintf(page, sizeof(page), "%sgraph", o->id_prefix ? o->id_prefix :
	    "kg-");
	agattr(g, AGRAPH, "id", page);
	snprintf(page, sizeof(page), "%sslide", o->id_prefix ? o->id_prefix :
	    "kg-");
	agattr(g, AGNODE, "id", page);
	n = agnode(g, "--slide", 1);
	s = agstrdup_html(g, (char *)html);
	agset(n, "label", s);
	agstrfree(g, s);
	return g;
}

Agraph_t *
slide_title(const model *m, const graph_options *o)
{
	buf b = {0};
	Agraph_t *g;

	buf_printf(&b, "<TABLE BORDER=\"0\" CELLSPACING=\"12\"><TR><TD>"
	    "<FONT POINT-SIZE=\"%.0f\"><B>", o->font_size * 2.2);
	label_wrap_html(&b, m->title, 36, LABEL_MAX_LINES, "<BR/>");
	buf_puts(&b, "</B></FONT></TD></TR>");
	if (m->subtitle != NULL) {
		buf_printf(&b, "<TR><TD><FONT POINT-SIZE=\"%.0f\">",
		    o->font_size * 1.3);
		label_wrap_html(&b, m->subtitle, 60, LABEL_MAX_LINES,
		    "<BR/>");
		buf_puts(&b, "</FONT></TD></TR>");
	}
	if (m->author != NULL) {
		buf_printf(&b, "<TR><TD><FONT POINT-SIZE=\"%.0f\">",
		    o->font_size * 1.1);
		label_wrap_html(&b, m->author, 60, 2, "<BR/>");
		buf_puts(&b, "</FONT></TD></TR>");
	}
	buf_puts(&b, "</TABLE>");
	g = text_slide(o, b.s);
	buf_free(&b);
	return g;
}

Agraph_t *
slide_sources(const model *m, const graph_options *o, const int *nums,
    int n, int part, int parts)
{
	int *num = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	buf b = {0}, t = {0};
	Agraph_t *g;
	size_t i;
	int j, k;

	model_source_numbers(m, num);
	buf_printf(&b, "<TABLE BORDER=\"0\" CELLSPACING=\"6\"><TR><TD "
	    "COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%.0f\"><B>Sources"
	    "</B></FONT>", o->font_size * 1.5);
	if (parts > 1)
		buf_printf(&b, "<FONT POINT-SIZE=\"%.0f\">, %d of %d</FONT>",
		    o->font_size * 1.5, part, parts);
	buf_puts(&b, "</TD></TR>");
	for (j = 0; j < n; j++) {
		k = nums[j];
		for (i = 0; i < m->count[IT_SOURCE]; i++) {
			if (num[i] != k)
				continue;
			t.len = 0;
			cite_full(&t, m->items[IT_SOURCE][i], m->style, true);
			buf_printf(&b, "<TR><TD ALIGN=\"RIGHT\" VALIGN=\"TOP\">"
			    "[%d]</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
			    "VALIGN=\"TOP\">", k);
			label_wrap_html(&b, t.s, 90, LABEL_MAX_LINES, "<BR/>");
			buf_puts(&b, "</TD></TR>");
		}
	}
	buf_puts(&b, "</TABLE>");
	g = text_slide(o, b.s);
	buf_free(&b);
	buf_free(&t);
	free(num);
	return g;
}
