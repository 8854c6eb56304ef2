/* The HTML page of render -T html: one self-contained file with the
 * inline SVG, buttons and arrow keys that step through the phases, a
 * panel with an item's full text, quote, date and sources, the sources
 * list and a print stylesheet. Its script and style are src/page.js and
 * src/page.css, compiled in; a Content-Security-Policy lets only that
 * script run and nothing be fetched. */
#ifndef KG_HTML_H
#define KG_HTML_H

#include "select.h"

typedef struct {
	const char *view_title; /* for the page's title, or NULL */
	const char *theme;      /* light, dark, print, contrast */
	const char *id_prefix;  /* of the SVG's ids, for the panel */
	int steps;              /* the steps the SVG's classes mark */
	bool dim;               /* later steps faded, not hidden */
	bool titled;            /* the SVG shows the title: the page's
				 * heading is for screen readers only */
} html_options;

/* Appends the page around svg (Graphviz's SVG of the selection, laid out
 * with every element's step-N class). */
void html_page(buf *out, const model *m, const selection *sel,
    const html_options *o, const char *svg, size_t svglen);

/* Appends a deck's page: the n slides (SVGs as Graphviz wrote them,
 * each with ids of its own) one at a time, stepped through with the
 * keys or the buttons, under the same Content-Security-Policy as the
 * page of one picture, with a script of its own. */
void html_deck(buf *out, const model *m, const char *theme, const buf *svgs,
    int n);

#endif
