/* The render stage: lays a graph out once (Graphviz's dot, through gvc)
 * and writes it in a format. It owns the process's one GVC_t. Each
 * format is one entry of a table in render.c. */
#ifndef KG_RENDER_H
#define KG_RENDER_H

#include "graph.h"
#include "html.h"
#include "json.h"

typedef enum {
	FMT_SVG, FMT_PDF, FMT_PNG, FMT_DOT, FMT_JSON, FMT_HTML
} render_format;

/* The largest graph laid out (documented in README.md): a view may have
 * RENDER_MAX_NODES nodes, and RENDER_MAX_EDGES_BASE edges plus
 * RENDER_MAX_EDGES_PER_NODE for each node. */
#define RENDER_MAX_NODES 5000
#define RENDER_MAX_EDGES_BASE 200
#define RENDER_MAX_EDGES_PER_NODE 4

/* False, with the reason in err, when format f would have to lay out
 * more than RENDER_MAX_NODES items of the selection: refused before a
 * graph is built, so that a model of a million items is turned away at
 * once. */
bool render_fits(render_format f, const model *m, const selection *sel,
    char *err, size_t errsize);

/* The format named name ("svg"), or -1. */
int render_format_named(const char *name);
/* The format an output file's extension implies, or -1. */
int render_format_of_path(const char *path);
/* The name and usual extension of a format. */
const char *render_format_name(render_format f);
const char *render_format_ext(render_format f);
/* True for formats drawn from a layout (svg, pdf, png, html). */
bool render_format_lays_out(render_format f);
/* Loads Graphviz's plugins, once, before a layout in a child process,
 * so that every child starts with them. */
void render_prepare(void);
/* True for formats that must not go to a terminal. */
bool render_format_binary(render_format f);
/* The formats, comma-separated, for messages. */
const char *render_format_list(void);

/* Appends the rendering of the selection in format f to out: json from
 * the model, dot from the graph before layout, and the others from one
 * layout of the graph; html (page: its settings) is the SVG of a graph
 * built with steps, in a page. Returns false with a message in err when
 * Graphviz fails. */
bool render_output(render_format f, const model *m, const selection *sel,
    Agraph_t *g, const html_options *page, buf *out, char *err,
    size_t errsize);

/* Pictures: lays g out once and renders it in each of the nf formats fs
 * (svg, pdf, png): into outs[i] for format i; or, with n steps, n times
 * each, into outs[i * n + k - 1] for step k, which shows what steps 1..k
 * reveal, the rest hidden or (dim) faded. The canvas and every position
 * are the same in every step and every format. */
bool render_pictures(const render_format *fs, int nf, Agraph_t *g, int n,
    bool dim, buf *outs, char *err, size_t errsize);

/* The version of the Graphviz library in use. */
const char *render_graphviz_version(void);
/* Frees the Graphviz context, once, at exit. */
void render_shutdown(void);

#endif
