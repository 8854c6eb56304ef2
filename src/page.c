#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The pages of --page, landscape, in points: slides as PowerPoint and
 * Keynote make them (13.33 x 7.5 in, 10 x 7.5 in), paper as printed. A
 * slide's margin is a third of an inch, paper's half an inch. */
static const struct {
	const char *name;
	double w, h, margin;
	bool slide;
} pages[] = {
	{"16:9", 960, 540, 24, true},
	{"4:3", 720, 540, 24, true},
	{"a4", 842, 595, 36, false},
	{"a3", 1191, 842, 36, false},
	{"letter", 792, 612, 36, false},
};

bool
page_named(const char *name, graph_options *o)
{
	size_t i, n;

	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		n = strlen(pages[i].name);
		if (strncmp(name, pages[i].name, n) != 0 ||
		    (name[n] != '\0' && strcmp(name + n, "-portrait") != 0))
			continue;
		o->page_w = name[n] ? pages[i].h : pages[i].w;
		o->page_h = name[n] ? pages[i].w : pages[i].h;
		o->page_margin = pages[i].margin;
		o->page_slide = pages[i].slide;
		return true;
	}
	return false;
}

/* The printed size of the smallest text of an SVG that Graphviz wrote:
 * the smallest font-size, times the scale of the drawing's transform. */
double
page_smallest_text(const char *svg, size_t len)
{
	const char *p = svg, *end = svg + len, *t;
	double scale = 1, small = 0, v;

	if (svg == NULL)
		return 0;
	if ((t = strstr(svg, "transform=\"scale(")) != NULL &&
	    sscanf(t + 17, "%lf", &v) == 1 && v > 0)
		scale = v;
	while (p < end && (p = strstr(p, "font-size=\"")) != NULL) {
		p += 11;
		if (sscanf(p, "%lf", &v) == 1 && v > 0 && (small == 0 ||
		    v < small))
			small = v;
	}
	return small * scale;
}

double
page_target(const graph_options *o)
{
	return o->page_slide ? o->page_h / 40 : 6;
}

const char *
page_target_words(const graph_options *o, char *b, size_t n)
{
	snprintf(b, n, "%.1f pt%s", page_target(o), o->page_slide ?
	    ", 1/40 of the slide's height" : " on paper");
	return b;
}

/* The picture of sel as o draws it, laid out for its page: its smallest
 * text on the page, or a negative number when it cannot be drawn. */
static double
try_layout(const model *m, const selection *sel, const graph_options *o,
    double timeout)
{
	html_options page = {0};
	Agraph_t *g = NULL;
	buf *outs = NULL;
	int n = 0;
	char err[512];
	double small = -1;

	if (kgraph_graph(m, sel, o, FMT_SVG, &g, err, sizeof(err)) !=
	    KGRAPH_OK) {
		graph_free(g);
		return -1;
	}
	if (kgraph_render(FMT_SVG, m, sel, g, o, &page, timeout, &outs, &n,
	    err, sizeof(err)) == KGRAPH_OK && n > 0)
		small = page_smallest_text(outs[0].s, outs[0].len);
	kgraph_outputs_free(outs, n);
	graph_free(g);
	return small;
}

double
page_choose(const model *m, const selection *sel, graph_options *o,
    bool direction_given, double timeout)
{
	static const char *const directions[] = {NULL, "LR"};
	static const int wraps[] = {16, 22, 28, 36};
	bool turns = !direction_given && (strcmp(o->view, "overview") == 0 ||
	    strcmp(o->view, "causes") == 0 || strcmp(o->view, "arguments") ==
	    0);
	graph_options best = *o, t;
	double best_small = -1, small;
	size_t di, wi;
	bool steps = o->steps;

	/* Steps have one layout, measured whole. Each layout has its key in
	 * each of its shapes, and place.c keeps the best (key.c). */
	for (di = 0; di < (turns ? 2 : 1); di++) {
		for (wi = 0; wi < (o->wrap_given ? 1 : 4); wi++) {
			t = *o;
			t.steps = false;
			if (turns && directions[di] != NULL)
				t.direction = directions[di];
			if (!o->wrap_given) {
				t.wrap = wraps[wi];
				t.wrap_given = true;
			}
			small = try_layout(m, sel, &t, timeout);
			/* Ties go to the first tried: the view's own way. */
			if (small > best_small + 0.05) {
				best_small = small;
				best = t;
			}
		}
	}
	if (best_small > 0) {
		*o = best;
		o->steps = steps;
	}
	return best_small;
}
