/* Inside the graph stage: the built-in views, one file each
 * (view_*.c), each drawing a selection with what graph_int.h offers. */
#ifndef KG_VIEWS_H
#define KG_VIEWS_H

#include "graph_int.h"

/* The selected events, decisions and causes, in date order, and every
 * selected link between them, with leaves spread: the overview and the
 * causes view. */
void view_items_and_links(graph_ctx *gc);

void view_overview(graph_ctx *gc);
void view_causes(graph_ctx *gc);
void view_arguments(graph_ctx *gc);
void view_timeline(graph_ctx *gc);
void view_actors(graph_ctx *gc);
void view_stances(graph_ctx *gc);

#endif
