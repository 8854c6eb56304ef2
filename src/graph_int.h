/* Inside the graph stage: what its files share. graph.c makes nodes,
 * edges and clusters for the views (view_*.c, one file per built-in
 * view); title.c adds the title, key.c the legend and sources box,
 * steps.c the steps. Nothing outside the graph stage includes this. */
#ifndef KG_GRAPH_INT_H
#define KG_GRAPH_INT_H

#include <graphviz/cgraph.h>

#include "graph.h"
#include "theme.h"

/* cgraph's discipline for the graph: subgraphs numbered in the order
 * they are made (graph_ids.c). */
extern Agdisc_t graph_ids_disc;

typedef struct {
	const model *m;
	const selection *sel;
	const graph_options *o;
	const theme *th;
	Agraph_t *g;
	Agraph_t *body;                 /* the parent of the views' nodes
	                                 * and clusters */
	Agnode_t **node[IT__COUNT];     /* the node drawn for each item */
	int *cite;                      /* per source: its number, if this
	                                 * picture cites it, or 0 */
	int *cite_number;               /* per source: its number in every
	                                 * picture of the model, or 0 */
	int cite_max;                   /* the largest of those numbers */
	size_t *same;                   /* per link: the earlier links
	                                 * between the same two items */
	int cites;                      /* sources this picture cites */
	bool kinds[IT__COUNT + CK__COUNT];      /* what the legend lists */
	bool link_types[5], evidence[3], ungrouped;
	bool *groups;
	size_t clusters;                /* clusters made so far */
	bool addressed;                 /* the legend's "leads to" edges mean
	                                 * "addressed to" (actors view) */
	const item *question;           /* the stances view's question */
	bool positioned;                /* the view placed every node (pos)
	                                 * for Graphviz's nop layout */
	int item_wrap;                  /* the items' label width: wrap, or
	                                 * less in a view that a slide holds
	                                 * better narrow (overview, arguments) */
	double title_x, title_y;        /* there, where the title goes */
	double key_top;                 /* and the y below which the key
	                                 * may go, for -T dot */
	bool stances[5], paths_same, paths_changed;    /* for the legend */
	bool fixed_cells;               /* items are drawn in cells of a
	                                 * fixed size (the stances grid) */
	double cell_w;                  /* their width in points, or 0,
	                                 * CELL_SIDES of it beside the
	                                 * text */
	bool why_marks[2];              /* and the marks of the notes of
	                                 * the stances view: for, against */
	char *err;                      /* a view that cannot be drawn says
	                                 * why here (errsize bytes) */
	size_t errsize;
	bool xlabels;                   /* edge labels as xlabel: for edges
	                                 * that do not constrain the layout,
	                                 * whose labels Graphviz 2.43
	                                 * mishandles when they are flat */
} graph_ctx;

/* Kinds for the legend: items by type, causes by kind. */
#define LEGEND_CAUSE(k) (IT__COUNT + (k))

/* The selected items of the types in mask (1 << type), in drawing order:
 * by date, then type, then file order. The caller frees the array. */
const item **gc_items(graph_ctx *gc, unsigned mask, size_t *n);

/* The node of an item, made in parent (the graph or a cluster) on first
 * use, with its label, shape, style, tooltip, url, id and classes. */
Agnode_t *gc_node(graph_ctx *gc, Agraph_t *parent, const item *it);

/* An edge for a link between two drawn items; NULL if an end is not
 * drawn. */
Agedge_t *gc_link(graph_ctx *gc, const relation *l);

/* A cluster with a title; key makes its id and name unique. */
Agraph_t *gc_cluster(graph_ctx *gc, Agraph_t *parent, const char *key,
    const char *title);

/* Spreads the items that point at t and at nothing else, and that
 * nothing points at (a decision's causes, mostly), over ranks of at most
 * four, by giving their edges lengths 1, 2, ... in turn: seven reasons
 * for one decision stand in two ranks of four and three, not in one rank
 * as long as a slide. Call it once all of a view's edges are made. */
void gc_spread_leaves(graph_ctx *gc, Agnode_t *t);

/* An invisible edge that orders a before b (timeline bands). */
void gc_order(graph_ctx *gc, Agnode_t *a, Agnode_t *b);

/* With steps, the step of a node that is not an item (a header, a note),
 * or of a cluster (a phase's band), which the view knows and the graph
 * stage cannot infer. */
void gc_step(graph_ctx *gc, void *obj, int step);

/* A group's line colour and fill in the theme. */
/* The point size of secondary text (kinds, dates, markers, sources) into
 * out: 0.85 of the base size (the base size on a slide), whole, since Graphviz 2.43 reads an HTML
 * POINT-SIZE as a whole number and would cut 11.9 to 11. */
void gc_small_size(const graph_ctx *gc, char *out, size_t outsize);
const char *gc_group_color(graph_ctx *gc, const item *group);
const char *gc_group_fill(graph_ctx *gc, const item *group);

/* The actor an item is drawn for: a decision's actor, a cause's, or an
 * event's first; NULL for none. gc_item_group is that actor's group. */
const item *gc_item_actor(const item *it);
const item *gc_item_group(const item *it);

/* The name of an actor (or its id), for labels. */
const char *gc_actor_name(const item *actor);

/* Sets an attribute of a graph, node or edge (declared beforehand, so
 * that layout sees it); gc_set_html sets an HTML-like label, and
 * gc_setf a number. */
void gc_set(void *obj, const char *name, const char *value);
void gc_set_html(void *obj, const char *name, const char *value);
void gc_setf(void *obj, const char *name, double v);

/* The built-in view's title ("Overview"), or NULL. */
const char *gc_view_title(const char *view);

/* Adds the title: the model's (or --title), then the view and the
 * filters; a graph label, or a node where the view placed everything. */
void gc_title(graph_ctx *gc);

/* Adds the key, the legend and the sources box, as one node that place.c
 * moves after the layout; nothing when both are off or empty. */
void gc_key(graph_ctx *gc);

/* With steps: gives every node, edge and cluster the step that shows it,
 * and the graph the number of steps, in records (steps.c) and, for the
 * SVG, in step-N and steps-N classes. */
void gc_mark_steps(graph_ctx *gc);

/* Appends the marker of the sources sl names ("[1,3]", "[1, n. 5; 3]"),
 * each under its number in every picture of the model, and counts them
 * into the picture's sources box; nothing when citations are off. With
 * html, locators are escaped for an HTML-like label. */
/* The line style of each evidence level: documented, reported,
 * inferred. */
extern const char *const gc_evidence_styles[];

/* The room a fixed cell keeps beside its text, in points: an octagon's
 * or a hexagon's slanted sides. */
#define CELL_SIDES 56.0

/* About how wide a decision's outcome line, with its source marker, is
 * in points at font size fs (0 for an item without an outcome). */
double gc_outcome_width(graph_ctx *gc, const item *it, double fs);
void gc_cite_marker(graph_ctx *gc, buf *b, const source_list *sl,
    bool html);

#endif
