/* The text slides of a deck, drawn like any view: the title slide (the
 * model's title, subtitle and author) and the sources slides (the
 * model's cited sources under the numbers every picture gives them),
 * each a graph of one node with an HTML label, on the deck's page. */
#ifndef KG_SLIDE_H
#define KG_SLIDE_H

#include "graph.h"

/* The title slide of m, in o's theme and font, for o's page. The caller
 * frees it with graph_free. */
Agraph_t *slide_title(const model *m, const graph_options *o);

/* A slide of the n sources whose numbers (model_source_numbers') are
 * nums, in that order, in m's style, headed "Sources" ("Sources, 2 of 3"
 * with part and parts). The caller frees it with graph_free. */
Agraph_t *slide_sources(const model *m, const graph_options *o,
    const int *nums, int n, int part, int parts);

#endif
