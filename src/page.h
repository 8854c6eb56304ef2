/* Pictures made for a page: the pages --page names, the size of a
 * picture's smallest text on its page, and the choice, among the ways a
 * view can be laid out (its direction, how wide its labels wrap), of the
 * one whose smallest text is largest on the page. The picture itself is
 * fitted to the page after its layout (place.c). */
#ifndef KG_PAGE_H
#define KG_PAGE_H

#include <stdbool.h>

#include "kgraph.h"

/* Sets o's page to the one name names ("16:9", "4:3", "a4", "a3",
 * "letter", landscape, or with "-portrait"); false if there is none. */
bool page_named(const char *name, graph_options *o);

/* The printed size in points of the smallest text of an SVG that
 * Graphviz wrote (len bytes), as it is scaled on its page. */
double page_smallest_text(const char *svg, size_t len);

/* The smallest text a page wants: 1/40 of a slide's height, 6 points on
 * paper. */
double page_target(const graph_options *o);
/* The same in words for messages, into b: "13.5 pt, 1/40 of the slide's
 * height" or "6.0 pt on paper". Returns b. */
const char *page_target_words(const graph_options *o, char *b, size_t n);

/* Lays the view of o out for o's page in each of the ways it can be
 * (the direction when direction_given is false and the view has one to
 * choose, the wrap unless o->wrap_given), and keeps in o the way whose
 * smallest text is largest on the page. Returns that size, or a
 * negative number when no way could be drawn (o is left as it was). */
double page_choose(const model *m, const selection *sel, graph_options *o,
    bool direction_given, double timeout);

#endif
