/* Placement around a Graphviz layout: the key (legend and sources box)
 * takes no room in the layout, and goes below or beside the laid-out
 * diagram, whichever fills a 16:9 slide better; an edge label that the
 * layout put over a node moves to a free place by its edge. */
#ifndef KG_PLACE_H
#define KG_PLACE_H

typedef struct Agraph_s Agraph_t;

/* Before gvLayout: makes the key a point, so that the layout leaves no
 * room for it; its label keeps its size. */
void place_before_layout(Agraph_t *g);

/* After gvLayout: moves edge labels off nodes, then places the key, and
 * grows the bounding box to hold what moved. */
void place_after_layout(Agraph_t *g);

#endif
