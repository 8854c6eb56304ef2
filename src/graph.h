/* The graph stage: a selection of the model to a Graphviz graph (cgraph),
 * with the view's layout, the theme, labels, tooltips, ids and classes,
 * the legend, the title and the sources box; and, around the layout that
 * the render stage runs, what kgraph adjusts on the laid-out graph.
 *
 * Who touches Graphviz:
 * - The graph stage owns the graph. Only its files (graph.c, title.c,
 *   key.c, steps.c, place.c, view_*.c) include cgraph.h and call ag*
 *   functions; of them, only place.c reads or moves what the layout
 *   computed (ND_, ED_ and GD_ of <graphviz/types.h>).
 * - The render stage owns the process's one GVC_t. Only render.c
 *   includes gvc.h and calls gv* functions (gvLayout, gvRenderData,
 *   gvFreeLayout); it reaches the graph and cgraph's messages only
 *   through the functions declared here. */
#ifndef KG_GRAPH_H
#define KG_GRAPH_H

#include <stdbool.h>

#include "select.h"

typedef struct Agraph_s Agraph_t;

/* The node that holds the legend and the sources box. It takes no room in
 * the layout; graph_after_layout places it once the diagram is laid out. */
#define GRAPH_KEY_NODE "--key"
/* The node that holds the title in a view that placed its nodes itself
 * (in the others the title is the graph's label). */
#define GRAPH_TITLE_NODE "--title"
/* The graph attribute that asks place.c for a page: "W,H,MARGIN" in
 * points. */
#define GRAPH_PAGE_ATTR "kg_page"

typedef struct {
	const char *view;       /* a built-in view: overview, causes, ... */
	const char *view_title; /* a model view's title, or NULL */
	const char *title;      /* replaces the default title, or NULL */
	bool no_title, no_legend, no_citations, transparent;
	bool no_source_list;    /* markers, but the sources listed elsewhere
	                         * (a deck's sources slide), not in a box */
	const char *theme;      /* light, dark, print, contrast */
	const char *direction;  /* TB, LR, BT, RL, or NULL for the view's */
	const char *lanes;      /* the timeline's lanes: group, actor or
	                         * none (model_lanes); NULL for group */
	const char *font;       /* font family */
	double font_size;       /* base size in points */
	int wrap;               /* label width in characters */
	bool wrap_given;        /* wrap was chosen, not the default: the
	                         * wide views then keep it for their items */
	const char *id_prefix;  /* prefix of every SVG id */
	const sel_filters *filters;     /* for the title, or NULL */
	const char *question;   /* the stances view's question, or NULL for
	                         * the model's first */
	bool steps;             /* give every element its step N, its
	                         * phase's place in the selection (and a
	                         * step-N class for the SVG) */
	/* The page the picture is drawn for (--page), in points, or 0: the
	 * key goes where the picture fits the page best, and the drawing is
	 * scaled and centred on a canvas of exactly the page's size, within
	 * the margin. */
	double page_w, page_h, page_margin;
	bool page_slide;        /* a slide: its text is measured against
	                         * its height, not in points on paper */
} graph_options;

/* The defaults of the command line. */
void graph_defaults(graph_options *o);

/* True if name is a built-in view (model.h's model_builtin_views) that
 * this stage draws. */
bool graph_view_known(const char *name);

/* Builds the graph of view o->view for the selection; the caller frees
 * it with graph_free. NULL, with the reason in err, when the view has
 * nothing to draw (a question nobody decided on). */
Agraph_t *graph_build(const model *m, const selection *sel,
    const graph_options *o, char *err, size_t errsize);
void graph_free(Agraph_t *g);
/* True if the picture of g cites the source of index source (its place
 * among the model's sources). */
bool graph_cites(Agraph_t *g, size_t source);

/* Steps: one picture per phase of the selection from one layout. After
 * layout, graph_step_show(s, k, dim) shows what steps 1..k reveal and
 * hides (or, with dim, fades) the rest; render again for each k. */
typedef struct graph_steps graph_steps;
/* The number of steps a graph built with o->steps has (at least 1). */
int graph_step_count(Agraph_t *g);
/* Remembers the attributes that steps change; free with
 * graph_steps_free. */
graph_steps *graph_steps_begin(Agraph_t *g);
void graph_step_show(graph_steps *s, int k, bool dim);
void graph_steps_free(graph_steps *s);

/* Appends the graph, before layout, in the dot language. */
bool graph_write_dot(Agraph_t *g, buf *out);

/* The graph's size for the layout: its nodes, and its edges that are
 * drawn (not the invisible ones that only order). */
void graph_size(Agraph_t *g, long *nodes, long *edges);

/* The Graphviz layout engine the view asks for: "dot", or "nop" for a
 * view that placed its nodes itself. */
const char *graph_layout_engine(Agraph_t *g);

/* Before the layout: makes the key a point, so that the layout leaves no
 * room for it; its label keeps its size (place.c). */
void graph_before_layout(Agraph_t *g);
/* For a graph written as it is (-T dot): removes the key's other shapes,
 * which only a layout for a page chooses among, and keeps the key. */
void graph_drop_key_shapes(Agraph_t *g);

/* After the layout: moves edge labels off nodes, then places the key, and
 * grows the bounding box to hold what moved (place.c). */
void graph_after_layout(Agraph_t *g);

/* Graphviz's messages, which cgraph keeps for the whole library, layout
 * and rendering included. graph_errors_keep makes it keep them instead
 * of printing them (once, at start); graph_errors_reset forgets them
 * before a layout or a rendering; graph_errors counts the errors since;
 * graph_error_take returns the last message (the caller frees it), or
 * NULL. */
void graph_errors_keep(void);
void graph_errors_reset(void);
int graph_errors(void);
char *graph_error_take(void);

#endif
