/* What export and render share: their options, the lookup of a view by
 * name, and the drawing of one view into one file or one file per step. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "page.h"
#include "html.h"

static const char usage_render[] =
    "usage: kgraph render [MODEL] [options]\n"
    "\n"
    "Draw a view of the model. Output goes to standard output unless -o "
    "is given;\nthe format follows -T or the output's extension.\n"
    "\n"
    "  -o, --output FILE    write to FILE (atomically)\n"
    "  -T, --format FMT     svg (default), pdf, png, dot (the graph before "
    "layout),\n                       json, html (a page that steps "
    "through the phases)\n"
    "      --view ID        overview (default), causes, arguments, "
    "timeline, stances,\n"
    "                       actors, or a view of the model\n"
    "      --question ID    the question of the stances view (default: "
    "the first)\n"
    "      --steps          one file per phase, FILE-1, FILE-2, ..., step k "
    "showing\n"
    "                       phases 1..k, all with the same layout: svg, pdf "
    "or\n                       png, or one html page that steps through "
    "them\n"
    "      --reveal MODE    with --steps: later elements hidden (hide, the "
    "default)\n"
    "                       or faded (dim)\n"
    "      --all            every view; -o names a folder, files are "
    "VIEW.FMT\n"
    "                       (stances-QUESTION.FMT once per question)\n"
    HELP_FILTERS
    "      --theme NAME     light (default), dark, print, contrast\n"
    "      --direction D    TB, LR, BT, RL (default: the view's; the "
    "timeline\n                       always runs left to right)\n"
    "      --lanes BY       the timeline's lanes: group (default), actor, "
    "none\n"
    "      --font NAME      font family (default DejaVu Sans)\n"
    "      --font-size PT   base font size (default 14)\n"
    "      --wrap N         wrap labels at about N columns (default 28; the\n"
    "                       items of overview and arguments at 22)\n"
    "      --title TEXT     the diagram's title\n"
    "      --no-title       no title\n"
    "      --no-legend      no legend\n"
    "      --no-citations   no source markers and no sources list\n"
    "      --cite-style S   chicago-notes or chicago-author-date (default: "
    "the\n                       model's style, else chicago-notes)\n"
    "  -j, --jobs N         with --all: draw N views at once (default: the "
    "number\n                       of cores)\n"
    "      --page PAGE      lay the picture out for a page and draw it that "
    "size:\n                       16:9, 4:3, a4, a3, letter (landscape; "
    "add -portrait)\n"
    "      --transparent    no background fill\n"
    "      --id-prefix P    prefix of every SVG id (default kg-)\n"
    "      --watch          render again whenever the model file changes, "
    "until\n                       interrupted\n"
    "      --timeout S      stop a layout that takes longer than S seconds "
    "(default\n                       20; 0 for no limit)\n"
    HELP_COMMON
    "\n"
    "Filters combine with AND; comma-separated values with OR. pdf and png\n"
    "are not written to a terminal.\n";

static const char usage_export[] =
    "usage: kgraph export [MODEL] [-T json|csl-json|dot] [filters] [-o "
    "FILE]\n"
    "\n"
    "Write the resolved model: for and against turned into links, phases\n"
    "and stances resolved, dates parsed. With filters, only the "
    "selection.\nWith -T dot, the graph kgraph builds for a view "
    "(--view, default overview),\nbefore layout, as render -T dot "
    "writes it.\n"
    "\n"
    "  -T, --format FMT     json (the default), csl-json (the sources, for "
    "a\n                       reference manager) or dot; .dot and .gv "
    "outputs are dot\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "standard output\n"
    "      --view ID        take the filters of a model's view (with dot: "
    "any view)\n"
    HELP_FILTERS
    HELP_COMMON
    "\n"
    "Filters combine with AND; comma-separated values with OR.\n";


static const struct option draw_opts[] = {
	{"format", required_argument, NULL, 'T'},
	{"output", required_argument, NULL, 'o'},
	{"view", required_argument, NULL, OPT_VIEW},
	{"phase", required_argument, NULL, OPT_PHASE},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"actor", required_argument, NULL, OPT_ACTOR},
	{"group", required_argument, NULL, OPT_GROUP},
	{"kind", required_argument, NULL, OPT_KIND},
	{"tag", required_argument, NULL, OPT_TAG},
	{"evidence", required_argument, NULL, OPT_EVIDENCE},
	{"focus", required_argument, NULL, OPT_FOCUS},
	{"depth", required_argument, NULL, OPT_DEPTH},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"help", no_argument, NULL, 'h'},
	TERM_OPTS,
	/* render only, from here on */
	{"all", no_argument, NULL, OPT_ALL},
	{"theme", required_argument, NULL, OPT_THEME},
	{"direction", required_argument, NULL, OPT_DIRECTION},
	{"lanes", required_argument, NULL, OPT_LANES},
	{"font", required_argument, NULL, OPT_FONT},
	{"font-size", required_argument, NULL, OPT_FONT_SIZE},
	{"wrap", required_argument, NULL, OPT_WRAP},
	{"title", required_argument, NULL, OPT_TITLE},
	{"no-title", no_argument, NULL, OPT_NO_TITLE},
	{"no-legend", no_argument, NULL, OPT_NO_LEGEND},
	{"no-citations", no_argument, NULL, OPT_NO_CITATIONS},
	{"transparent", no_argument, NULL, OPT_TRANSPARENT},
	{"id-prefix", required_argument, NULL, OPT_ID_PREFIX},
	{"question", required_argument, NULL, OPT_QUESTION},
	{"steps", no_argument, NULL, OPT_STEPS},
	{"reveal", required_argument, NULL, OPT_REVEAL},
	{"watch", no_argument, NULL, OPT_WATCH},
	{"timeout", required_argument, NULL, OPT_TIMEOUT},
	{"cite-style", required_argument, NULL, OPT_CITE_STYLE},
	{"jobs", required_argument, NULL, 'j'},
	{"page", required_argument, NULL, OPT_PAGE},
	{NULL, 0, NULL, 0},
};
#define EXPORT_OPTS 17  /* the first entries of draw_opts */

static bool
whole_number(const char *s, int lo, int hi, int *out)
{
	if (strspn(s, "0123456789") != strlen(s) || strlen(s) == 0 ||
	    strlen(s) > 5)
		return false;
	*out = atoi(s);
	return *out >= lo && *out <= hi;
}

int
cite_style_option(const char *cmd, const char *value, int *style)
{
	if ((*style = model_lookup(model_styles, value)) < 0)
		return usage_error(cmd, "unknown citation style '%s'; valid: "
		    "chicago-notes, chicago-author-date", value);
	return -1;
}

/* The options of how a render runs: --page, -j, --cite-style and
 * --timeout, for option c; returns -1 to go on, or a usage status. */
static int
run_option(int c, const char *cmd, draw_options *d)
{
	int n;

	switch (c) {
	case OPT_PAGE:
		if (!page_named(optarg, &d->g))
			return usage_error(cmd, "unknown page '%s'; valid: 16:9, "
			    "4:3, a4, a3, letter, each landscape, or with "
			    "-portrait (a4-portrait)", optarg);
		d->page = optarg;
		return -1;
	case 'j':
		if (!whole_number(optarg, 1, 64, &n))
			return usage_error(cmd, "-j takes a number of processes "
			    "from 1 to 64, not '%s'", optarg);
		d->jobs = n;
		return -1;
	case OPT_CITE_STYLE:
		return cite_style_option(cmd, optarg, &d->cite_style);
	default:
		if (!whole_number(optarg, 0, 86400, &n))
			return usage_error(cmd, "--timeout takes seconds from 0 "
			    "(no limit) to 86400, not '%s'", optarg);
		d->timeout = n;
		return -1;
	}
}

int
parse_draw(int argc, char **argv, const char *cmd, const char *usage,
    draw_options *d)
{
	static struct option export_opts[EXPORT_OPTS + 1];
	static const char *const reveals[] = {"hide", "dim", NULL};
	bool render = strcmp(cmd, "export") != 0;
	int c, n;

	memset(d, 0, sizeof(*d));
	d->cmd = cmd;
	d->f.depth = -1;
	d->timeout = DRAW_TIMEOUT;
	d->cite_style = -1;
	d->jobs = 0;    /* --all: as many as the machine has cores */
	graph_defaults(&d->g);
	memcpy(export_opts, draw_opts, EXPORT_OPTS * sizeof(*draw_opts));
	while ((c = getopt_long(argc, argv, render ? "T:o:hqj:" : "T:o:hq",
	    render ? draw_opts : export_opts, NULL)) != -1) {
		if ((n = term_option(c, cmd, &d->term)) >= 0) {
			if (n > 0)
				return n;
			continue;
		}
		switch (c) {
		case 'T': d->format = optarg; break;
		case 'o': d->out_path = optarg; break;
		case OPT_VIEW: d->view = optarg; break;
		case OPT_PHASE: d->f.phases = optarg; break;
		case OPT_SINCE: d->f.since = optarg; break;
		case OPT_UNTIL: d->f.until = optarg; break;
		case OPT_ACTOR: d->f.actors = optarg; break;
		case OPT_GROUP: d->f.groups = optarg; break;
		case OPT_KIND: d->f.kinds = optarg; break;
		case OPT_TAG: d->f.tags = optarg; break;
		case OPT_EVIDENCE: d->f.evidence = optarg; break;
		case OPT_FOCUS: d->f.focus = optarg; break;
		case OPT_DEPTH:
			if (!whole_number(optarg, 0, 9999, &d->f.depth))
				return usage_error(cmd, "--depth takes a "
				    "whole number, not '%s'", optarg);
			break;
		case OPT_STRICT: d->strict = true; break;
		case OPT_ALL: d->all = true; break;
		case OPT_THEME:
			if (model_lookup(model_themes, optarg) < 0)
				return usage_error(cmd, "unknown theme '%s'; "
				    "valid: light, dark, print, contrast",
				    optarg);
			d->g.theme = optarg;
			d->set_theme = true;
			break;
		case OPT_DIRECTION:
			if (model_lookup(model_directions, optarg) < 0)
				return usage_error(cmd, "unknown direction "
				    "'%s'; valid: TB, LR, BT, RL", optarg);
			d->g.direction = optarg;
			d->set_direction = true;
			break;
		case OPT_LANES:
			if (model_lookup(model_lanes, optarg) < 0)
				return usage_error(cmd, "unknown lanes '%s'; "
				    "valid: group, actor, none", optarg);
			d->g.lanes = optarg;
			break;
		case OPT_FONT:
			/* Written into SVG and given to fontconfig: plain
			 * family names only. */
			if (strlen(optarg) == 0 || strlen(optarg) > 64 ||
			    strspn(optarg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"
			    "jklmnopqrstuvwxyz0123456789 -_,.") !=
			    strlen(optarg))
				return usage_error(cmd, "--font takes a font "
				    "family name such as 'DejaVu Sans'");
			d->g.font = optarg;
			break;
		case OPT_FONT_SIZE:
			if (!whole_number(optarg, 6, 72, &n))
				return usage_error(cmd, "--font-size takes "
				    "points from 6 to 72, not '%s'", optarg);
			d->g.font_size = n;
			break;
		case OPT_WRAP:
			if (!whole_number(optarg, 8, 200, &n))
				return usage_error(cmd, "--wrap takes a number "
				    "of columns from 8 to 200, not '%s'",
				    optarg);
			d->g.wrap = n;
			d->g.wrap_given = true;
			break;
		case OPT_TITLE: d->g.title = optarg; break;
		case OPT_QUESTION: d->g.question = optarg; break;
		case OPT_STEPS: d->g.steps = true; break;
		case OPT_WATCH: d->watch = true; break;
		case OPT_PAGE:
		case 'j':
		case OPT_CITE_STYLE:
		case OPT_TIMEOUT:
			if ((n = run_option(c, cmd, d)) >= 0)
				return n;
			break;
		case OPT_REVEAL:
			if ((n = model_lookup(reveals, optarg)) < 0)
				return usage_error(cmd, "--reveal takes hide or "
				    "dim, not '%s'", optarg);
			d->reveal_dim = n == 1;
			break;
		case OPT_NO_TITLE: d->g.no_title = true; break;
		case OPT_NO_LEGEND:
			d->g.no_legend = true;
			d->set_legend = true;
			break;
		case OPT_NO_CITATIONS:
			d->g.no_citations = true;
			d->set_citations = true;
			break;
		case OPT_TRANSPARENT: d->g.transparent = true; break;
		case OPT_ID_PREFIX:
			if (strlen(optarg) > 32 || strspn(optarg,
			    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW"
			    "XYZ0123456789-_") != strlen(optarg))
				return usage_error(cmd, "--id-prefix takes "
				    "letters, digits, '-' and '_' (at most 32)");
			d->g.id_prefix = optarg;
			break;
		case 'h':
			fputs(usage ? usage : render ? usage_render :
			    usage_export, stdout);
			return 0;
		default:
			return usage_error(cmd, "unknown option");
		}
	}
	if (argc - optind > 1)
		return usage_error(cmd, "too many arguments");
	return -1;
}

/* The views a model offers, for messages. */
static void
view_names(const model *m, buf *b)
{
	size_t i;

	for (i = 0; model_builtin_views[i] != NULL; i++)
		buf_printf(b, "%s%s", i ? ", " : "", model_builtin_views[i]);
	for (i = 0; i < m->count[IT_VIEW]; i++)
		buf_printf(b, ", %s", m->items[IT_VIEW][i]->id);
}

int
unknown_view(const char *cmd, const model *m, const char *name)
{
	buf b = {0};
	const char *near;
	int rc;

	view_names(m, &b);
	near = model_suggest_id(m, name, TYPE_BIT(IT_VIEW));
	if (near == NULL)
		near = suggest(name, model_builtin_views);
	rc = usage_error(cmd, "unknown view '%s'%s%s%s; valid: %s", name,
	    near ? " (did you mean '" : "", near ? near : "",
	    near ? "'?)" : "", b.s);
	buf_free(&b);
	return rc;
}

/* The name of step k of an output: "talk.svg" gives "talk-2.svg". */
static void
step_path(buf *b, const char *path, int k)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	b->len = 0;
	if (dot == NULL || (slash != NULL && dot < slash) || dot == path ||
	    (slash != NULL && dot == slash + 1)) {
		buf_printf(b, "%s-%d", path, k);
		return;
	}
	buf_putn(b, path, (size_t)(dot - path));
	buf_printf(b, "-%d%s", k, dot);
}

void
draw_plan_free(draw_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->n; i++)
		free(plan->paths[i]);
	free(plan->paths);
	free(plan->views);
	memset(plan, 0, sizeof(*plan));
}

static void
plan_add(draw_plan *plan, const char *path, const char *view)
{
	if (plan->n == plan->cap) {
		plan->cap = plan->cap ? 2 * plan->cap : 16;
		plan->paths = xrealloc(plan->paths, plan->cap *
		    sizeof(*plan->paths));
		plan->views = xrealloc(plan->views, plan->cap *
		    sizeof(*plan->views));
	}
	plan->paths[plan->n] = xstrdup(path);
	plan->views[plan->n++] = view;
}

/* The path of the picture in format f of one drawn to path: path with
 * f's extension in place of its own. */
void
format_path(buf *b, const char *path, render_format f)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	size_t n = dot != NULL && (slash == NULL || dot > slash + 1) ?
	    (size_t)(dot - path) : strlen(path);

	b->len = 0;
	buf_printf(b, "%.*s%s", (int)n, path, render_format_ext(f));
}

/* The plan of one view: the paths its n outputs go to. */
static void
plan_outputs(draw_plan *plan, const char *view, const char *path, int n,
    bool steps)
{
	buf p = {0};
	int k;

	if (!steps) {
		plan_add(plan, path, view);
		return;
	}
	for (k = 1; k <= n; k++) {
		step_path(&p, path, k);
		plan_add(plan, p.s, view);
	}
	buf_free(&p);
}

/* Writes the n outputs of a view drawn as d says to path: one, or
 * (stepped) one per step, and as many again for each of the formats
 * d->also, to path with their extensions. */
static int
write_outputs(const draw_options *d, const char *model_path,
    const char *name, const char *path, bool stepped, buf *outs, int n)
{
	int per = n / (1 + d->nalso), f, k, rc = 0;
	buf fp = {0}, p = {0};

	for (f = 0; f <= d->nalso && rc == 0; f++) {
		const char *at = path;

		if (f > 0) {
			format_path(&fp, path, d->also[f - 1]);
			at = fp.s;
		}
		for (k = 1; k <= per && rc == 0; k++) {
			const char *to = at;

			if (stepped) {
				step_path(&p, at, k);
				to = p.s;
			}
			rc = write_output(d->cmd, to, &outs[f * per + k - 1],
			    model_path);
			if (rc == 0 && d->written != NULL)
				plan_add(d->written, to ? to : "-", name);
		}
	}
	buf_free(&fp);
	buf_free(&p);
	return rc;
}

int
draw_view(const model *m, const char *model_path, const draw_options *cli,
    const char *name, render_format fmt, const char *path, draw_plan *plan)
{
	draw_options d = *cli;
	html_options page;
	const char *base;
	const item *mv;
	selection sel;
	Agraph_t *g;
	char err[2048];
	kgraph_status st;
	buf *outs;
	int n, k, rc = 0;

	if (!kgraph_view(m, name, &base, &mv))
		return unknown_view(d.cmd, m, name);
	d.g.view = base;
	/* A view's steps are for pictures; its dot and json are the one
	 * graph and the one selection. */
	draw_view_options(&d, mv, fmt == FMT_SVG || fmt == FMT_PDF ||
	    fmt == FMT_PNG, &d.g);
	/* A page steps through the phases itself: one file, with every
	 * element's step in its classes. */
	page.view_title = d.g.view_title;
	page.theme = d.g.theme;
	page.id_prefix = d.g.id_prefix;
	page.dim = d.reveal_dim;
	page.titled = !d.g.no_title;
	if (fmt == FMT_HTML) {
		d.g.steps = true;
	} else if (d.g.steps) {
		if (fmt != FMT_SVG && fmt != FMT_PDF && fmt != FMT_PNG)
			return usage_error(d.cmd, "steps are drawn as svg, "
			    "pdf, png or html, not %s",
			    render_format_name(fmt));
		if (path == NULL || strcmp(path, "-") == 0)
			return usage_error(d.cmd, "steps write one file "
			    "each: give -o FILE (the steps are FILE-1, "
			    "FILE-2, ...)");
	}
	/* The model's view adds its filters to the command line's. */
	if ((st = kgraph_select(m, mv, &d.f, &sel, err, sizeof(err))) !=
	    KGRAPH_OK)
		return stage_error(d.cmd, st, err);
	d.g.filters = &d.f;
	/* A picture for a page: laid out in the way that suits the page
	 * best, with a word when even that leaves its text too small. */
	if (plan == NULL && d.g.page_w > 0 && (fmt == FMT_SVG ||
	    fmt == FMT_PDF || fmt == FMT_PNG || fmt == FMT_HTML)) {
		double small = page_choose(m, &sel, &d.g, d.set_direction ||
		    (mv != NULL && mv->view->direction != NULL), d.timeout);

		char aim[64];

		if (small > 0 && small < page_target(&d.g) - 0.05 &&
		    !d.term.quiet)
			fprintf(stderr, "kgraph %s: note: the smallest text of "
			    "%s is %.1f pt on the %s page, under its aim of "
			    "%s; 'kgraph deck --view %s --page %s' splits it "
			    "over pages that keep that size, or draw a part of "
			    "it (--phase, --focus)\n", d.cmd, name, small,
			    d.page, page_target_words(&d.g, aim, sizeof(aim)),
			    name, d.page);
	}
	/* The JSON export is the selection: it needs no graph; a plan
	 * needs one to count the steps, or to see that a stances view
	 * applies. */
	g = NULL;
	st = KGRAPH_OK;
	if (fmt != FMT_JSON && (plan == NULL || d.g.steps ||
	    strcmp(base, "stances") == 0))
		st = kgraph_graph(m, &sel, &d.g, fmt, &g, err, sizeof(err));
	/* Each step is a whole picture: a thousand phases would write a
	 * thousand files of a thousand phases each. */
	if (st == KGRAPH_OK && d.g.steps && fmt != FMT_HTML &&
	    graph_step_count(g) > DRAW_STEPS_MAX) {
		snprintf(err, sizeof(err), "%d steps are more than %d, the "
		    "most kgraph writes: choose phases with --phase, or draw "
		    "the view without --steps (or as one html page, which "
		    "steps through them)", graph_step_count(g),
		    DRAW_STEPS_MAX);
		st = KGRAPH_OUTPUT;
	}
	if (plan != NULL) {
		sel_free(&sel);
		if (st == KGRAPH_USAGE && strcmp(base, "stances") == 0) {
			snprintf(plan->why, sizeof(plan->why), "%s", err);
			return DRAW_SKIP;
		}
		for (k = 0; st == KGRAPH_OK && k <= d.nalso; k++) {
			buf p = {0};

			if (k > 0)
				format_path(&p, path, d.also[k - 1]);
			plan_outputs(plan, name, k ? p.s : path, g != NULL ?
			    graph_step_count(g) : 1, d.g.steps && fmt !=
			    FMT_HTML);
			buf_free(&p);
		}
		graph_free(g);
		return st == KGRAPH_OK ? 0 : stage_error(d.cmd, st, err);
	}
	if (st == KGRAPH_OK)
		st = kgraph_render_also(fmt, d.also, d.nalso, m, &sel, g, &d.g,
		    &page, d.timeout, &outs, &n, err, sizeof(err));
	graph_free(g);
	sel_free(&sel);
	if (st != KGRAPH_OK)
		return stage_error(d.cmd, st, err);
	rc = write_outputs(&d, model_path, name, path, d.g.steps && fmt !=
	    FMT_HTML, outs, n);
	kgraph_outputs_free(outs, n);
	return rc;
}

int
draw_jobs(const draw_options *d)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (d->written != NULL)
		return 1;
	if (d->jobs > 0)
		return d->jobs;
	return cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
}

void
draw_view_options(const draw_options *d, const item *mv, bool pictures,
    graph_options *g)
{
	const view_spec *vs;

	if (mv == NULL)
		return;
	vs = mv->view;
	g->view_title = mv->title ? mv->title : mv->id;
	if (g->question == NULL && vs->question)
		g->question = vs->question;
	if (!d->set_direction && vs->direction)
		g->direction = vs->direction;
	if (!d->set_theme && vs->theme)
		g->theme = vs->theme;
	if (!d->set_legend && vs->legend == 0)
		g->no_legend = true;
	if (!d->set_citations && vs->citations == 0)
		g->no_citations = true;
	if (vs->steps == 1 && pictures)
		g->steps = true;
}
