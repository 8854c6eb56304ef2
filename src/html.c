#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "embedded.h"
#include "json.h"
#include "label.h"
#include "page_hash.h"

#ifndef KG_VERSION
#define KG_VERSION "0.1.0"
#endif

/* Text for HTML content and attribute values: the five special
 * characters as entities, a reference's italic spans (label.h's marks)
 * as <i>, other control characters (which HTML forbids) left out. Model
 * text is valid UTF-8 by the time it gets here, and holds no marks. */
static void
html_text(buf *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		case LABEL_ITALIC: buf_puts(out, "<i>"); break;
		case LABEL_ROMAN: buf_puts(out, "</i>"); break;
		default:
			if (c >= 0x20 || c == '\n' || c == '\t')
				buf_putc(out, (char)c);
		}
	}
}

/* The sources that the selected items and links cite (the selection
 * marks the sources it names), under the numbers of the picture's
 * markers. */
static void
sources_list(buf *out, const model *m, const selection *sel)
{
	size_t i, n = 0;
	int *num = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	int k, max = model_source_numbers(m, num);
	buf entry = {0};

	/* Under the numbers the picture's markers use. */
	buf_puts(out, "<section class=\"kg-sources\">\n<h2>Sources</h2>\n"
	    "<ol>\n");
	for (k = 1; k <= max; k++) {
		for (i = 0; i < m->count[IT_SOURCE]; i++) {
			const item *s = m->items[IT_SOURCE][i];

			if (num[i] != k || !sel->item[IT_SOURCE][i] ||
			    !s->cited)
				continue;
			n++;
			entry.len = 0;
			cite_full(&entry, s, m->style, true);
			buf_printf(out, "<li value=\"%d\" id=\"source-", k);
			html_text(out, s->id);
			buf_puts(out, "\">");
			/* The check already refused other urls; the page
			 * is what a browser follows, so ask again. */
			if (s->url != NULL && model_url_allowed(s->url)) {
				buf_puts(out, "<a href=\"");
				html_text(out, s->url);
				buf_puts(out, "\" rel=\"noopener "
				    "noreferrer\">");
				html_text(out, entry.s);
				buf_puts(out, "</a>");
			} else {
				html_text(out, entry.s);
			}
			if (s->note != NULL) {
				buf_puts(out, "<br><span "
				    "class=\"kg-note\">");
				html_text(out, s->note);
				buf_puts(out, "</span>");
			}
			buf_puts(out, "</li>\n");
		}
	}
	if (n == 0)
		buf_puts(out, "<li>No item of this view cites a source.</li>\n");
	buf_puts(out, "</ol>\n</section>\n");
	buf_free(&entry);
	free(num);
}

/* The selection as JSON inside a script element that is data, not code:
 * every '<' becomes \u003c, so no text can close the element. */
static void
page_data(buf *out, const model *m, const selection *sel)
{
	buf j = {0};
	size_t i;

	json_model(&j, m, sel);
	buf_puts(out, "<script type=\"application/json\" id=\"kg--page-data\">");
	for (i = 0; i < j.len; i++) {
		if (j.s[i] == '<')
			buf_puts(out, "\\u003c");
		else
			buf_putc(out, j.s[i]);
	}
	buf_puts(out, "</script>\n");
	buf_free(&j);
}

void
html_deck(buf *out, const model *m, const char *theme, const buf *svgs,
    int n)
{
	int k;

	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	html_text(out, m->lang ? m->lang : "en");
	buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "img-src data:; script-src 'sha256-" KG_DECK_JS_SHA256 "'\">\n"
	    "<meta name=\"generator\" content=\"kgraph " KG_VERSION "\">\n"
	    "<title>");
	html_text(out, m->title);
	buf_puts(out, "</title>\n<style>\n");
	buf_putn(out, kg_page_css, kg_page_css_len);
	buf_puts(out, "section.kg-slide { text-align: center; }\n"
	    "section.kg-slide svg { max-width: 100%; height: auto; "
	    "max-height: calc(100vh - 5rem); }\n"
	    "@media print { section.kg-slide { display: block !important; "
	    "break-after: page; } nav { display: none; } }\n"
	    "</style>\n</head>\n<body class=\"theme-");
	html_text(out, theme);
	buf_puts(out, "\">\n<h1 class=\"kg-sr\">");
	html_text(out, m->title);
	buf_puts(out, "</h1>\n<nav id=\"kg--deck-nav\" aria-label=\"Slides\">\n"
	    "<button type=\"button\" id=\"kg--deck-prev\">&#9664; Previous"
	    "</button>\n<span id=\"kg--deck-label\" aria-live=\"polite\">"
	    "</span>\n<button type=\"button\" id=\"kg--deck-next\">Next "
	    "&#9654;</button>\n<span class=\"kg-hint\">Arrow keys, Page Up and "
	    "Page Down step through the slides.</span>\n</nav>\n<main>\n");
	for (k = 0; k < n; k++) {
		const char *s = svgs[k].s, *start = NULL;
		size_t i;

		for (i = 0; s != NULL && i + 4 < svgs[k].len; i++)
			if (memcmp(s + i, "<svg", 4) == 0) {
				start = s + i;
				break;
			}
		buf_printf(out, "<section class=\"kg-slide\" id=\"kg--slide-%d\""
		    "%s>\n", k + 1, k ? " hidden" : "");
		if (start != NULL)
			buf_putn(out, start, svgs[k].len - (size_t)(start - s));
		buf_puts(out, "</section>\n");
	}
	buf_puts(out, "</main>\n<script>");
	buf_putn(out, kg_deck_js, kg_deck_js_len);
	buf_puts(out, "</script>\n</body>\n</html>\n");
}

void
html_page(buf *out, const model *m, const selection *sel,
    const html_options *o, const char *svg, size_t svglen)
{
	const char *start = NULL;
	size_t i;

	/* Graphviz's SVG opens with an XML declaration, a doctype and
	 * comments; inline SVG starts at the element. */
	for (i = 0; i + 4 < svglen; i++)
		if (memcmp(svg + i, "<svg", 4) == 0) {
			start = svg + i;
			break;
		}
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	html_text(out, m->lang ? m->lang : "en");
	buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n");
	/* Nothing is fetched and only the page's own script runs. */
	buf_puts(out, "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "img-src data:; script-src 'sha256-" KG_PAGE_JS_SHA256 "'\">\n");
	buf_puts(out, "<meta name=\"generator\" content=\"kgraph "
	    KG_VERSION "\">\n<title>");
	html_text(out, m->title);
	if (o->view_title != NULL) {
		buf_puts(out, ": ");
		html_text(out, o->view_title);
	}
	buf_puts(out, "</title>\n<style>\n");
	buf_putn(out, kg_page_css, kg_page_css_len);
	buf_puts(out, "</style>\n</head>\n<body class=\"theme-");
	html_text(out, o->theme);
	buf_puts(out, o->dim ? " reveal-dim" : " reveal-hide");
	/* The title once: the picture's own, when it has one (PDF users
	 * see it too), the heading's otherwise. */
	buf_puts(out, o->titled ? "\">\n<header>\n<h1 class=\"kg-sr\">" :
	    "\">\n<header>\n<h1>");
	html_text(out, m->title);
	buf_puts(out, "</h1>\n");
	if (m->subtitle != NULL) {
		buf_puts(out, "<p>");
		html_text(out, m->subtitle);
		buf_puts(out, "</p>\n");
	}
	buf_puts(out, "</header>\n"
	    "<nav id=\"kg--page-nav\" aria-label=\"Phases\">\n"
	    "<button type=\"button\" id=\"kg--page-prev\">&#9664; Previous</button>\n"
	    "<span id=\"kg--page-step-label\" aria-live=\"polite\"></span>\n"
	    "<button type=\"button\" id=\"kg--page-next\">Next &#9654;</button>\n"
	    "<button type=\"button\" id=\"kg--page-all\">All phases</button>\n"
	    "<button type=\"button\" id=\"kg--page-fit\" aria-pressed=\"false\">"
	    "Fit to window</button>\n"
	    "<span class=\"kg-hint\">Arrow keys step through the phases; "
	    "click an item, or Tab to it, for its sources.</span>\n"
	    "</nav>\n<main>\n<figure id=\"kg--page-figure\" data-prefix=\"");
	html_text(out, o->id_prefix);
	buf_printf(out, "\" data-steps=\"%d\">\n", o->steps);
	if (start != NULL)
		buf_putn(out, start, svglen - (size_t)(start - svg));
	buf_puts(out, "</figure>\n"
	    "<aside id=\"kg--page-panel\" tabindex=\"-1\" hidden "
	    "aria-label=\"Item details\">\n"
	    "<button type=\"button\" id=\"kg--page-close\" "
	    "aria-label=\"Close\">&#10005;</button>\n"
	    "<div id=\"kg--page-panel-body\"></div>\n</aside>\n</main>\n");
	sources_list(out, m, sel);
	page_data(out, m, sel);
	buf_puts(out, "<script>");
	buf_putn(out, kg_page_js, kg_page_js_len);
	buf_puts(out, "</script>\n</body>\n</html>\n");
}
