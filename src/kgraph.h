/* The pipeline: the stages in the order data flows through them, one
 * call each, for the command line, the unit tests and the fuzzers alike,
 * as cmark.h serves cmark's. A call that can fail says why in err, or in
 * diagnostics added to dl; each says who owns what it returns. */
#ifndef KG_KGRAPH_H
#define KG_KGRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "render.h"

/* Why a stage stopped. The values are the command line's exit
 * statuses. */
typedef enum {
	KGRAPH_OK = 0,
	KGRAPH_MODEL = 1,       /* the model cannot be read, or has errors */
	KGRAPH_USAGE = 2,       /* a view, filter or option names nothing
	                         * the model has */
	KGRAPH_OUTPUT = 3       /* too large to draw, or Graphviz failed */
} kgraph_status;

/* The name diagnostics give the model at path ("-": standard input;
 * NULL: the built-in model); a static string, or path itself. */
const char *kgraph_name(const char *path);

/* read: the model at path (as kgraph_name) into *text, NUL-terminated
 * and owned by the caller, and its length into *len. KGRAPH_MODEL when
 * it cannot: a file that cannot be opened with the reason in err, one
 * that cannot be read (or is too large) with a diagnostic in dl and err
 * empty. */
kgraph_status kgraph_read(const char *path, char **text, size_t *len,
    char *err, size_t errsize, diag_list *dl);

/* A model file parsed: its document tree, waiting to be loaded. */
typedef struct kgraph_doc kgraph_doc;

/* parse: text to a document, which kgraph_load consumes; NULL, with
 * diagnostics in dl, when the text is not a YAML mapping. The document
 * does not point into text: the caller may free text as soon as this
 * returns (a large model's file then leaves memory before the model is
 * built), or keep it for the lines its diagnostics quote. */
kgraph_doc *kgraph_parse(const char *text, size_t len, diag_list *dl);

/* load: the document to a model, which the caller frees with
 * model_free; the document is freed (NULL gives NULL). The model owns
 * its texts and places, so nothing of the document outlives this call.
 * file names the model in diagnostics. */
model *kgraph_load(kgraph_doc *doc, const char *file, diag_list *dl);

/* bibliography: adds to m the entries of the bibliography files it
 * names, relative to the folder of the model at path (as kgraph_read
 * takes it); problems go to dl. */
void kgraph_bibliography(model *m, const char *path, diag_list *dl);

/* check: resolves and checks m; returns the number of errors it added
 * to dl. */
size_t kgraph_check(model *m, diag_list *dl);

/* The view named name: a built-in view (*mv NULL) or a view of m (*mv
 * that item, which m owns); its base view in *base. false if m has no
 * view of that name. */
bool kgraph_view(const model *m, const char *name, const char **base,
    const item **mv);

/* select: adds the filters of view (a model's view, or NULL) to f, where
 * values already in f win (those it adds are m's), then selects what f
 * lets through into sel, which the caller frees with sel_free.
 * KGRAPH_USAGE, with the bad value and the valid ones in err, when a
 * filter names nothing. */
kgraph_status kgraph_select(const model *m, const item *view,
    sel_filters *f, selection *sel, char *err, size_t errsize);

/* graph: the graph of view o->view for sel, to be rendered as f, into
 * *g, which the caller frees with graph_free. KGRAPH_OUTPUT when f
 * would lay out more than render.h allows, KGRAPH_USAGE when the view
 * has nothing to draw; the reason in err. */
kgraph_status kgraph_graph(const model *m, const selection *sel,
    const graph_options *o, render_format f, Agraph_t **g, char *err,
    size_t errsize);

/* render: g (built from sel with o) written as f into *outs, an array of
 * *n outputs that the caller frees with kgraph_outputs_free: one, or
 * one per step of a graph built with o->steps as svg, pdf or png (the
 * later steps hidden, or with page->dim faded). An html page (with page's
 * settings; page->steps is set here) is one output. A format that is laid
 * out is laid out in a child process that is stopped after timeout
 * seconds (0: never; negative: laid out in this process, as a fuzzer
 * wants), or by SIGINT or SIGTERM (child.h). KGRAPH_OUTPUT with the
 * reason in err when Graphviz fails, crashes or takes too long. */
kgraph_status kgraph_render(render_format f, const model *m,
    const selection *sel, Agraph_t *g, const graph_options *o,
    html_options *page, double timeout, buf **outs, int *n, char *err,
    size_t errsize);
/* As kgraph_render for a picture (svg, pdf, png), and the same picture
 * in the nalso formats also (pictures too, at most KGRAPH_MAX_ALSO)
 * from the one layout: the outputs of f, then those of each of also,
 * each as many as kgraph_render gives for one format. */
#define KGRAPH_MAX_ALSO 4
kgraph_status kgraph_render_also(render_format f, const render_format *also,
    int nalso, const model *m, const selection *sel, Agraph_t *g,
    const graph_options *o, html_options *page, double timeout, buf **outs,
    int *n, char *err, size_t errsize);
/* Frees the n outputs of kgraph_render and their array. */
void kgraph_outputs_free(buf *outs, int n);

#endif
