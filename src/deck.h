/* A deck's slides as they are made: cmd_deck.c makes the deck,
 * deck_split.c the slides of one view. */
#ifndef KG_DECK_H
#define KG_DECK_H

#include "cli.h"

/* The slides so far: their PDFs, and which events and decisions they
 * show. */
typedef struct {
	buf *pdfs;
	int n, cap;
	bool *shown[IT__COUNT];         /* by the slides of the view drawn */
	bool *all_shown[IT__COUNT];     /* by any slide */
	int view_no;                    /* the view drawn, from 1 */
	int view_first;                 /* its first page among pdfs */
	const model *m;
	const draw_options *d;
	int slides, small_slides;       /* pictures drawn, and those whose
	                                 * text stays under the target */
	bool *cited;                    /* per source: a slide cites it */
	bool html;                      /* slides as SVG, for a page */
	char prefix[24];                /* the next slide's id prefix */
	double smallest;
	char err[2048];
} deck;

/* Adds a page to the deck, taking pdf's bytes. */
void deck_add_pdf(deck *k, buf *pdf);

/* Draws g as pages (one, or one per step) onto the deck; a text slide
 * (sel NULL) as one page. False, with the message in k->err, on a
 * failure. */
bool deck_draw_pages(deck *k, const selection *sel, Agraph_t *g,
    const graph_options *view);

/* The slides of view name, onto the deck; what they show in k->shown
 * and cite in k->cited. False, with the message in k->err, on a
 * failure. */
bool deck_view_slides(deck *k, const char *name);

#endif
