/* The command line: options in, stages called, results out as exit
 * statuses (0 success, 1 model errors, 2 usage, 3 output failure). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "check.h"
#include "embedded.h"
#include "fonts.h"
#include "json.h"
#include "load.h"
#include "output.h"
#include "render.h"
#include "select.h"
#include "watch.h"

#ifndef KG_VERSION
#define KG_VERSION "0.1.0"
#endif
#ifndef KG_GRAPHVIZ_VERSION
#define KG_GRAPHVIZ_VERSION "unknown"
#endif

enum { EXIT_MODEL = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

/* Options shared by the subcommands that read a model. */
enum {
	OPT_STRICT = 256, OPT_VIEW, OPT_PHASE, OPT_SINCE, OPT_UNTIL,
	OPT_ACTOR, OPT_GROUP, OPT_KIND, OPT_TAG, OPT_EVIDENCE, OPT_FOCUS,
	OPT_DEPTH, OPT_ALL, OPT_THEME, OPT_DIRECTION, OPT_FONT,
	OPT_FONT_SIZE, OPT_WRAP, OPT_TITLE, OPT_NO_TITLE, OPT_NO_LEGEND,
	OPT_NO_CITATIONS, OPT_TRANSPARENT, OPT_ID_PREFIX, OPT_QUESTION,
	OPT_STEPS, OPT_REVEAL, OPT_COLOR, OPT_WATCH
};

#define TERM_OPTS \
	{"color", required_argument, NULL, OPT_COLOR}, \
	{"quiet", no_argument, NULL, 'q'}

/* How diagnostics are printed: --color and --quiet, shared by every
 * subcommand that reads a model. */
enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
typedef struct {
	int color;
	bool quiet;
} term_opts;

/* A model read and checked, with what its diagnostics need. */
typedef struct {
	const char *path;       /* as given; NULL for the built-in model */
	const char *name;       /* as printed in diagnostics */
	char *text;
	size_t len;
	arena *tree;
	model *model;
	diag_list dl;
} session;

static const char usage_main[] =
    "usage: kgraph <command> [MODEL] [options]\n"
    "\n"
    "Turn a YAML model of a historical episode into checked, cited data.\n"
    "\n"
    "commands:\n"
    "  render [MODEL] [options] draw a view (or, with --all, every view)\n"
    "  check  [MODEL]           check the model; print every problem\n"
    "  list   [MODEL] [WHAT]    list views, phases, actors, groups,\n"
    "                           questions, events, decisions, causes or\n"
    "                           sources (default: a summary)\n"
    "  export [MODEL] [-T json|dot] [filters] [-o FILE]\n"
    "                           the resolved model as JSON, or a view's\n"
    "                           graph before layout as dot\n"
    "  schema [-o FILE]         the JSON Schema of the model format\n"
    "  init   [FILE]            write a commented starter model\n"
    "\n"
    "MODEL is a file or '-' for standard input; without it kgraph reads\n"
    "./kgraph.yaml, or else its built-in model (Korea, 1949-1950).\n"
    "\n"
    "  -h, --help      this help (also 'kgraph help'); 'kgraph COMMAND "
    "--help' for\n                  a command\n"
    "      --version   the versions of kgraph, Graphviz and libyaml\n";

/* The filters, and the options every command that draws has, as the
 * help of render and of export lists them. */
#define HELP_FILTERS \
    "      --phase SPEC     phases by id or number: 2, 1..2, ..pressure, " \
    "2.., lists\n" \
    "      --since DATE     items whose dates overlap the range from DATE\n" \
    "      --until DATE     ... up to DATE\n" \
    "      --actor IDS      items that involve these actors\n" \
    "      --group IDS      items that involve the actors of these groups\n" \
    "      --kind KINDS     event, decision, cause, or a cause kind\n" \
    "      --tag TAGS       items with one of these tags\n" \
    "      --evidence LVL   at least this certain: inferred, reported, " \
    "documented\n" \
    "      --focus ID       only what lies within --depth relations of ID\n" \
    "      --depth N        for --focus (default 1)\n"
#define HELP_COMMON \
    "      --strict         treat warnings as errors\n" \
    "  -q, --quiet          errors only, no warnings\n" \
    "      --color WHEN     colour diagnostics: auto (default), always, " \
    "never\n" \
    "  -h, --help           this help\n"

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
    "                       phases 1..k, all with the same layout\n"
    "      --reveal MODE    with --steps: later elements hidden (hide, the "
    "default)\n"
    "                       or faded (dim)\n"
    "      --all            every view; -o names a folder, files are "
    "VIEW.FMT\n"
    HELP_FILTERS
    "      --theme NAME     light (default), dark, print, contrast\n"
    "      --direction D    TB, LR, BT, RL (default: the view's)\n"
    "      --font NAME      font family (default DejaVu Sans)\n"
    "      --font-size PT   base font size (default 14)\n"
    "      --wrap N         wrap labels at about N columns (default 28; the\n"
    "                       items of overview and arguments at 22)\n"
    "      --title TEXT     the diagram's title\n"
    "      --no-title       no title\n"
    "      --no-legend      no legend\n"
    "      --no-citations   no source markers and no sources list\n"
    "      --transparent    no background fill\n"
    "      --id-prefix P    prefix of every SVG id (default kg-)\n"
    "      --watch          render again whenever the model file changes, "
    "until\n                       interrupted\n"
    HELP_COMMON
    "\n"
    "Filters combine with AND; comma-separated values with OR. pdf and png\n"
    "are not written to a terminal.\n";

static const char usage_check[] =
    "usage: kgraph check [MODEL] [--strict] [-q] [--color WHEN]\n"
    "\n"
    "Check a model and print every problem as FILE:LINE:COL: error: ...\n"
    "Exit status 0 if the model has no errors (with --strict: and no "
    "warnings),\n1 if it has, 2 for a usage error. --quiet hides "
    "warnings but --strict still\ncounts them.\n"
    "\n"
    "      --strict      treat warnings as errors\n"
    "  -q, --quiet       errors only, no warnings\n"
    "      --color WHEN  colour diagnostics: auto (default), always, never\n"
    "  -h, --help        this help\n"
    "\n"
    "NO_COLOR in the environment turns colour off unless --color=always.\n";

static const char usage_list[] =
    "usage: kgraph list [MODEL] [WHAT]\n"
    "\n"
    "List what a model holds. WHAT is one of views, phases, actors, "
    "groups,\nquestions, events, decisions, causes, sources; without it, "
    "a summary.\nThe first line names the model in use. On a terminal the "
    "columns are\naligned; in a pipe they are separated by tabs, the id "
    "first (for phases\nthe number, then the id).\n"
    "\n"
    "  -q, --quiet       errors only, no warnings\n"
    "      --color WHEN  colour diagnostics: auto (default), always, never\n"
    "  -h, --help        this help\n";

static const char usage_export[] =
    "usage: kgraph export [MODEL] [-T json|dot] [filters] [-o FILE]\n"
    "\n"
    "Write the resolved model: for and against turned into links, phases\n"
    "and stances resolved, dates parsed. With filters, only the "
    "selection.\nWith -T dot, the graph kgraph builds for a view "
    "(--view, default overview),\nbefore layout, as render -T dot "
    "writes it.\n"
    "\n"
    "  -T, --format FMT     json (the default) or dot; .dot and .gv "
    "outputs are dot\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "standard output\n"
    "      --view ID        take the filters of a model's view (with dot: "
    "any view)\n"
    HELP_FILTERS
    HELP_COMMON
    "\n"
    "Filters combine with AND; comma-separated values with OR.\n";

static const char usage_schema[] =
    "usage: kgraph schema [-o FILE]\n"
    "\n"
    "Print the JSON Schema (draft 2020-12) of the model format, for "
    "editors\nsuch as those using yaml-language-server.\n"
    "\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  -h, --help           this help\n";

static const char usage_init[] =
    "usage: kgraph init [FILE]\n"
    "\n"
    "Write a commented starter model to FILE (default kgraph.yaml), or to\n"
    "standard output for '-'. An existing file is never replaced. Its first "
    "line\nnames the installed JSON Schema for editors that use "
    "yaml-language-server\n(or kgraph.schema.json beside the model, when "
    "kgraph is not installed).\n"
    "\n"
    "  -h, --help      this help\n";

static int
usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "kgraph%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'kgraph %s%s--help'.\n", cmd ? cmd : "",
	    cmd ? " " : "");
	return EXIT_USAGE;
}

/* Colour follows --color; by default (auto) it is on when standard error
 * is a terminal, TERM is not "dumb" and NO_COLOR is unset or empty. */
static bool
use_color(const term_opts *term)
{
	const char *no = getenv("NO_COLOR"), *t = getenv("TERM");

	if (term->color != COLOR_AUTO)
		return term->color == COLOR_ALWAYS;
	return isatty(STDERR_FILENO) && (no == NULL || no[0] == '\0') &&
	    (t == NULL || strcmp(t, "dumb") != 0);
}

/* Handles --color and --quiet for any subcommand: returns 0 when c was
 * one of them, -1 when it was not, or a usage exit status. */
static int
term_option(int c, const char *cmd, term_opts *term)
{
	if (c == 'q') {
		term->quiet = true;
		return 0;
	}
	if (c != OPT_COLOR)
		return -1;
	if (strcmp(optarg, "auto") == 0)
		term->color = COLOR_AUTO;
	else if (strcmp(optarg, "always") == 0)
		term->color = COLOR_ALWAYS;
	else if (strcmp(optarg, "never") == 0)
		term->color = COLOR_NEVER;
	else
		return usage_error(cmd, "--color takes auto, always or never, "
		    "not '%s'", optarg);
	return 0;
}

/* The model file a command reads when given none: ./kgraph.yaml if it
 * exists, else NULL for the built-in model. */
static const char *
model_or_default(const char *path)
{
	if (path == NULL && access("kgraph.yaml", F_OK) == 0)
		return "kgraph.yaml";
	return path;
}

/* Reads, parses, loads and checks the model; prints its diagnostics.
 * Returns 0, or the exit status to give up with. */
static int
session_open(session *s, const char *path, bool strict, bool fonts,
    const term_opts *term)
{
	FILE *fp = NULL;
	node *root;

	memset(s, 0, sizeof(*s));
	path = model_or_default(path);
	s->path = path;
	s->name = path == NULL ? KG_BUILTIN_NAME :
	    strcmp(path, "-") == 0 ? "<stdin>" : path;
	s->dl.file = s->name;
	s->dl.quiet = term->quiet;
	s->dl.color = use_color(term);
	if (path == NULL) {
		s->text = xmalloc(kg_builtin_model_len + 1);
		memcpy(s->text, kg_builtin_model, kg_builtin_model_len + 1);
		s->len = kg_builtin_model_len;
	} else {
		fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
		if (fp == NULL) {
			fprintf(stderr, "kgraph: cannot open %s: %s\n", path,
			    strerror(errno));
			return EXIT_MODEL;
		}
		if (!reader_slurp(fp, &s->text, &s->len, &s->dl)) {
			if (fp != stdin)
				fclose(fp);
			diag_print(stderr, &s->dl, NULL, 0);
			return EXIT_MODEL;
		}
		if (fp != stdin)
			fclose(fp);
	}
	s->tree = arena_new();
	root = reader_parse(s->text, s->len, s->tree, &s->dl);
	if (root != NULL) {
		s->model = load_model(root, s->name, &s->dl);
		check_model(s->model, &s->dl);
		if (fonts)
			fonts_check(s->model, &s->dl);
	}
	diag_sort(&s->dl);
	diag_print(stderr, &s->dl, isatty(STDERR_FILENO) ? s->text : NULL,
	    s->len);
	if (s->dl.errors > 0 || (strict && s->dl.warnings > 0))
		return EXIT_MODEL;
	return 0;
}

static void
session_close(session *s)
{
	model_free(s->model);
	arena_free(s->tree);
	diag_free(&s->dl);
	free(s->text);
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"help", no_argument, NULL, 'h'},
		TERM_OPTS,
		{NULL, 0, NULL, 0},
	};
	bool strict = false;
	term_opts term = {COLOR_AUTO, false};
	session s;
	int c, rc;

	while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		if ((rc = term_option(c, "check", &term)) >= 0) {
			if (rc > 0)
				return rc;
			continue;
		}
		switch (c) {
		case OPT_STRICT:
			strict = true;
			break;
		case 'h':
			fputs(usage_check, stdout);
			return 0;
		default:
			return usage_error("check", "unknown option");
		}
	}
	if (argc - optind > 1)
		return usage_error("check", "too many arguments");
	rc = session_open(&s, optind < argc ? argv[optind] : NULL, strict,
	    true, &term);
	session_close(&s);
	return rc;
}

static const char *const list_whats[] = {"views", "phases", "actors",
    "groups", "questions", "events", "decisions", "causes", "sources",
    NULL};

/* One row of kgraph list: on a terminal the columns are padded to the
 * widths given (0: last column, not padded); in a pipe they are
 * separated by single tabs. */
static void
list_row(bool tabs, const char *const *cols, const int *widths, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(tabs ? "\t" : "  ", stdout);
		if (tabs || widths[i] == 0 || i == n - 1)
			fputs(cols[i], stdout);
		else
			printf("%-*s", widths[i], cols[i]);
	}
	putchar('\n');
}

static void
list_items(const model *m, item_type t, bool tabs)
{
	size_t i, width = 4, dwidth = 4;
	char when[64], a[32], b[32], num[24];
	buf tmp = {0};

	for (i = 0; i < m->count[t]; i++) {
		size_t n = strlen(m->items[t][i]->id);

		if (n > width)
			width = n;
		date_show(&m->items[t][i]->date, when, sizeof(when));
		if (strlen(when) > dwidth)
			dwidth = strlen(when);
	}
	if (width > 32)
		width = 32;
	for (i = 0; i < m->count[t]; i++) {
		const item *it = m->items[t][i];
		const char *cols[5];
		int w[5] = {(int)width, (int)dwidth, 0, 0, 0};

		tmp.len = 0;
		switch (t) {
		case IT_PHASE:
			/* number, id, title, and the dates: two columns in a
			 * pipe, "(from to to)" after the title on a terminal */
			date_show(&it->from, a, sizeof(a));
			date_show(&it->to, b, sizeof(b));
			snprintf(num, sizeof(num), "%zu", i + 1);
			cols[0] = num;
			cols[1] = it->id;
			cols[2] = it->title;
			w[0] = 0;
			w[1] = (int)width;
			if (tabs) {
				cols[3] = a;
				cols[4] = b;
				list_row(true, cols, w, 5);
				continue;
			}
			if (a[0] != '\0' || b[0] != '\0') {
				buf_printf(&tmp, "%s  (%s to %s)", it->title,
				    a[0] ? a : "...", b[0] ? b : "...");
				cols[2] = tmp.s;
			}
			list_row(false, cols, w, 3);
			continue;
		case IT_EVENT:
		case IT_DECISION:
		case IT_CAUSE:
			date_show(&it->date, when, sizeof(when));
			cols[0] = it->id;
			cols[1] = when;
			cols[2] = model_label(it);
			list_row(tabs, cols, w, 3);
			continue;
		case IT_ACTOR:
			cols[0] = it->id;
			if (tabs) {
				cols[1] = it->name;
				cols[2] = it->native ? it->native : "";
				list_row(true, cols, w, 3);
				continue;
			}
			buf_printf(&tmp, "%s%s%s%s", it->name,
			    it->native ? " (" : "", it->native ? it->native : "",
			    it->native ? ")" : "");
			cols[1] = tmp.s;
			list_row(tabs, cols, w, 2);
			continue;
		default:
			cols[0] = it->id;
			cols[1] = model_label(it);
			list_row(tabs, cols, w, 2);
		}
	}
	buf_free(&tmp);
}

static int
cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		TERM_OPTS,
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL, *what = NULL;
	term_opts term = {COLOR_AUTO, false};
	session s;
	bool tabs;
	int c, rc, w;

	while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		if ((rc = term_option(c, "list", &term)) >= 0) {
			if (rc > 0)
				return rc;
			continue;
		}
		if (c == 'h') {
			fputs(usage_list, stdout);
			return 0;
		}
		return usage_error("list", "unknown option");
	}
	if (argc - optind > 2)
		return usage_error("list", "too many arguments");
	if (argc - optind == 2) {
		path = argv[optind];
		what = argv[optind + 1];
	} else if (argc - optind == 1) {
		if (model_lookup(list_whats, argv[optind]) >= 0)
			what = argv[optind];
		else
			path = argv[optind];
	}
	w = what ? model_lookup(list_whats, what) : -1;
	if (what != NULL && w < 0) {
		const char *near = suggest(what, list_whats);

		return usage_error("list", "cannot list '%s'%s%s%s; choose "
		    "one of views, phases, actors, groups, questions, events, "
		    "decisions, causes, sources", what,
		    near ? " (did you mean '" : "", near ? near : "",
		    near ? "'?)" : "");
	}
	rc = session_open(&s, path, false, false, &term);
	if (rc != 0) {
		session_close(&s);
		return rc;
	}
	printf("model: %s: %s\n", s.name, s.model->title);
	tabs = !isatty(STDOUT_FILENO);
	if (w == 0) {
		size_t i, width = 4;

		for (i = 0; i < s.model->count[IT_VIEW]; i++)
			if (strlen(s.model->items[IT_VIEW][i]->id) > width)
				width = strlen(s.model->items[IT_VIEW][i]->id);
		for (i = 0; model_builtin_views[i] != NULL; i++) {
			const char *cols[2] = {model_builtin_views[i],
			    "(built in)"};
			int widths[2] = {(int)width, 0};

			list_row(tabs, cols, widths, 2);
		}
		list_items(s.model, IT_VIEW, tabs);
	} else if (w > 0) {
		static const item_type types[] = {IT_VIEW, IT_PHASE, IT_ACTOR,
		    IT_GROUP, IT_QUESTION, IT_EVENT, IT_DECISION, IT_CAUSE,
		    IT_SOURCE};

		list_items(s.model, types[w], tabs);
	} else {
		int t;

		for (t = 0; t < IT__COUNT; t++)
			printf(tabs ? "%s\t%zu\n" : "%-10s %zu\n",
			    model_list_keys[t], s.model->count[t]);
		printf(tabs ? "%s\t%zu\n" : "%-10s %zu\n", "links",
		    s.model->nlinks);
		printf(tabs ? "%s\t%zu\n" : "%-10s %zu\n", "warnings",
		    s.dl.warnings);
	}
	session_close(&s);
	return 0;
}

/* Writes out, or reports why it could not be written. */
static int
write_output(const char *cmd, const char *path, const buf *out,
    const session *s)
{
	char err[512];

	if (path != NULL && s != NULL && s->path != NULL &&
	    strcmp(s->path, "-") != 0 && output_same_file(path, s->path)) {
		fprintf(stderr, "kgraph %s: %s is the model itself; choose "
		    "another output file\n", cmd, path);
		return EXIT_OUTPUT;
	}
	if (!output_write(path, out->s ? out->s : "", out->len, false, err,
	    sizeof(err))) {
		fprintf(stderr, "kgraph %s: %s\n", cmd, err);
		return EXIT_OUTPUT;
	}
	return 0;
}

/* The options of export and render. */
typedef struct {
	sel_filters f;
	const char *format, *out_path, *view;
	const char *cmd;        /* "render" or "export", for messages */
	bool strict, all, watch;
	term_opts term;
	graph_options g;
	/* Presentation options given on the command line, which win over a
	 * model view's own settings. */
	bool set_legend, set_citations, set_theme, set_direction;
	bool reveal_dim;        /* --reveal dim */
} draw_options;

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

/* Reads the options of export (render true: of render); returns -1 to go
 * on, or an exit status. */
static int
parse_draw(int argc, char **argv, bool render, draw_options *d)
{
	static struct option export_opts[EXPORT_OPTS + 1];
	const char *cmd = render ? "render" : "export";
	int c, n;

	memset(d, 0, sizeof(*d));
	d->cmd = cmd;
	d->f.depth = -1;
	graph_defaults(&d->g);
	memcpy(export_opts, draw_opts, EXPORT_OPTS * sizeof(*draw_opts));
	while ((c = getopt_long(argc, argv, "T:o:hq", render ? draw_opts :
	    export_opts, NULL)) != -1) {
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
		case OPT_REVEAL:
			if (strcmp(optarg, "hide") == 0)
				d->reveal_dim = false;
			else if (strcmp(optarg, "dim") == 0)
				d->reveal_dim = true;
			else
				return usage_error(cmd, "--reveal takes hide or "
				    "dim, not '%s'", optarg);
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
			fputs(render ? usage_render : usage_export, stdout);
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

/* Resolves a view name into *base and, for a model's view, *mv. */
static bool
find_view(const model *m, const char *name, const char **base,
    const item **mv)
{
	const item *v;

	*mv = NULL;
	if (model_lookup(model_builtin_views, name) >= 0) {
		*base = name;
		return true;
	}
	v = model_find(m, name);
	if (v == NULL || v->type != IT_VIEW)
		return false;
	*mv = v;
	*base = v->view->base ? v->view->base : "overview";
	return true;
}

static int
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

static int draw_view(session *s, const draw_options *cli, const char *name,
    render_format fmt, const char *path);

static int
cmd_export(int argc, char **argv)
{
	draw_options d;
	session s;
	selection sel;
	buf out = {0};
	char err[2048];
	bool dot = false;
	int rc;

	if ((rc = parse_draw(argc, argv, false, &d)) >= 0)
		return rc;
	if (d.format == NULL && d.out_path != NULL) {
		const char *ext = strrchr(d.out_path, '.');

		if (ext != NULL && (strcmp(ext, ".dot") == 0 ||
		    strcmp(ext, ".gv") == 0))
			dot = true;
		else if (ext != NULL && strcmp(ext, ".json") != 0 &&
		    strchr(ext, '/') == NULL && !output_same_file(d.out_path,
		    optind < argc ? argv[optind] : NULL))
			return usage_error("export", "cannot tell a format "
			    "from '%s'; give -T json or -T dot", d.out_path);
	}
	if (d.format != NULL && strcmp(d.format, "dot") == 0)
		dot = true;
	else if (d.format != NULL && strcmp(d.format, "json") != 0)
		return usage_error("export", "unknown format '%s'; export "
		    "writes json or dot (render writes the pictures)",
		    d.format);
	rc = session_open(&s, optind < argc ? argv[optind] : NULL, d.strict,
	    false, &d.term);
	if (rc != 0) {
		session_close(&s);
		return rc;
	}
	if (dot) {
		/* The graph of a view (default overview) before layout, as
		 * render -T dot writes it. */
		rc = draw_view(&s, &d, d.view ? d.view : "overview", FMT_DOT,
		    d.out_path);
		session_close(&s);
		return rc;
	}
	if (d.view != NULL) {
		const char *base;
		const item *mv;

		if (!find_view(s.model, d.view, &base, &mv)) {
			rc = unknown_view("export", s.model, d.view);
			session_close(&s);
			return rc;
		}
		if (mv != NULL)
			sel_from_view(mv, &d.f, s.model->arena);
	}
	if (!sel_apply(s.model, &d.f, &sel, err, sizeof(err))) {
		rc = usage_error("export", "%s", err);
		session_close(&s);
		return rc;
	}
	json_model(&out, s.model, &sel);
	rc = write_output("export", d.out_path, &out, &s);
	buf_free(&out);
	sel_free(&sel);
	session_close(&s);
	return rc;
}

/* Makes a folder and its parents, as mkdir -p does. */
static bool
make_folders(const char *path)
{
	char *p = xstrdup(path), *s;
	bool ok = true;

	for (s = p + 1; *s != '\0' && ok; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			ok = false;
		*s = '/';
	}
	if (ok && mkdir(p, 0777) != 0 && errno != EEXIST)
		ok = false;
	free(p);
	return ok;
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

/* Draws one view and writes it to path (NULL or "-": standard output),
 * or, in steps, to path-1, path-2, ...; returns 0 or an exit status. */
static int
draw_view(session *s, const draw_options *cli, const char *name,
    render_format fmt, const char *path)
{
	draw_options d = *cli;
	html_options page;
	const char *base;
	const item *mv;
	selection sel;
	Agraph_t *g;
	char err[2048];
	bool ok;
	buf out = {0};
	int rc = 0;

	if (!find_view(s->model, name, &base, &mv))
		return unknown_view(d.cmd, s->model, name);
	if (!graph_view_known(base))
		return usage_error(d.cmd, "the %s view is not available "
		    "in this version of kgraph", base);
	d.g.view = base;
	if (mv != NULL) {
		const view_spec *vs = mv->view;

		sel_from_view(mv, &d.f, s->model->arena);
		d.g.view_title = mv->title ? mv->title : mv->id;
		if (d.g.question == NULL && vs->question)
			d.g.question = vs->question;
		if (!d.set_direction && vs->direction)
			d.g.direction = vs->direction;
		if (!d.set_theme && vs->theme)
			d.g.theme = vs->theme;
		if (!d.set_legend && vs->legend == 0)
			d.g.no_legend = true;
		if (!d.set_citations && vs->citations == 0)
			d.g.no_citations = true;
		/* A view's steps are for pictures; its dot and json are
		 * the one graph and the one selection. */
		if (vs->steps == 1 && (fmt == FMT_SVG || fmt == FMT_PDF ||
		    fmt == FMT_PNG))
			d.g.steps = true;
	}
	/* A page steps through the phases itself: one file, with every
	 * element's step in its classes. */
	page.view_title = d.g.view_title;
	page.theme = d.g.theme;
	page.id_prefix = d.g.id_prefix;
	page.dim = d.reveal_dim;
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
	if (!sel_apply(s->model, &d.f, &sel, err, sizeof(err)))
		return usage_error(d.cmd, "%s", err);
	if (!render_fits(fmt, s->model, &sel, err, sizeof(err))) {
		sel_free(&sel);
		fprintf(stderr, "kgraph %s: %s\n", d.cmd, err);
		return EXIT_OUTPUT;
	}
	d.g.filters = &d.f;
	g = graph_build(s->model, &sel, &d.g, err, sizeof(err));
	if (g == NULL) {
		sel_free(&sel);
		return usage_error(d.cmd, "%s", err);
	}
	if (!d.g.steps || fmt == FMT_HTML) {
		page.steps = graph_step_count(g);
		ok = render_output(fmt, s->model, &sel, g, &page, &out, err,
		    sizeof(err));
		if (ok)
			rc = write_output(d.cmd, path, &out, s);
	} else {
		int n = graph_step_count(g), k;
		buf *outs = xcalloc((size_t)n, sizeof(buf));

		ok = render_steps(fmt, g, n, d.reveal_dim, outs, err,
		    sizeof(err));
		for (k = 1; ok && rc == 0 && k <= n; k++) {
			buf p = {0};

			step_path(&p, path, k);
			rc = write_output(d.cmd, p.s, &outs[k - 1], s);
			buf_free(&p);
		}
		for (k = 0; k < n; k++)
			buf_free(&outs[k]);
		free(outs);
	}
	graph_free(g);
	sel_free(&sel);
	buf_free(&out);
	if (!ok) {
		fprintf(stderr, "kgraph %s: %s\n", d.cmd, err);
		return EXIT_OUTPUT;
	}
	return rc;
}

/* One render: reads and checks the model, draws the view or (--all) every
 * view; returns 0 or an exit status. */
static int
render_once(const draw_options *d, render_format fmt, const char *model_path)
{
	session s;
	int rc;

	/* pdf and png need fonts for the text; svg leaves it to the
	 * viewer, and dot and json have no pictures. */
	rc = session_open(&s, model_path, d->strict,
	    d->all || fmt == FMT_PDF || fmt == FMT_PNG, &d->term);
	if (rc != 0) {
		session_close(&s);
		return rc;
	}
	if (!d->all) {
		rc = draw_view(&s, d, d->view ? d->view : "overview", fmt,
		    d->out_path);
	} else {
		size_t i, nviews = 0;
		const char *names[64 + 8];

		if (!make_folders(d->out_path)) {
			fprintf(stderr, "kgraph render: cannot make the folder "
			    "%s: %s\n", d->out_path, strerror(errno));
			session_close(&s);
			return EXIT_OUTPUT;
		}
		for (i = 0; model_builtin_views[i] != NULL; i++)
			if (graph_view_known(model_builtin_views[i]))
				names[nviews++] = model_builtin_views[i];
		for (i = 0; i < s.model->count[IT_VIEW] && nviews < 64 + 7;
		    i++) {
			const item *v = s.model->items[IT_VIEW][i];

			if (v->view->base && !graph_view_known(v->view->base)) {
				fprintf(stderr, "kgraph render: skipping view "
				    "'%s': the %s view is not available in "
				    "this version\n", v->id, v->view->base);
				continue;
			}
			names[nviews++] = v->id;
		}
		for (i = 0; i < nviews && rc == 0; i++) {
			buf path = {0};

			buf_printf(&path, "%s/%s%s", d->out_path, names[i],
			    render_format_ext(fmt));
			rc = draw_view(&s, d, names[i], fmt, path.s);
			buf_free(&path);
		}
	}
	session_close(&s);
	return rc;
}

/* --watch: renders, then again whenever the model file changes, until
 * SIGINT or SIGTERM; a model with errors gets its diagnostics and the
 * previous output stays. Returns 0 when interrupted. */
static int
render_watch(const draw_options *d, render_format fmt, const char *model_path)
{
	char err[512];
	watch *w;
	int rc;

	model_path = model_or_default(model_path);
	if (model_path == NULL || strcmp(model_path, "-") == 0)
		return usage_error("render", "--watch needs a model file "
		    "(not the built-in model or standard input)");
	if (d->out_path == NULL || strcmp(d->out_path, "-") == 0)
		return usage_error("render", "--watch writes a file each time: "
		    "give -o FILE");
	if ((w = watch_start(model_path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "kgraph render: %s\n", err);
		return EXIT_OUTPUT;
	}
	do {
		rc = render_once(d, fmt, model_path);
		if (!d->term.quiet)
			fprintf(stderr, "kgraph render: %s %s; watching %s "
			    "(Ctrl-C to stop)\n", rc == 0 ? "wrote" :
			    "did not write", d->out_path, model_path);
		fflush(stderr);
	} while (watch_wait(w));
	watch_stop(w);
	return 0;
}

static int
cmd_render(int argc, char **argv)
{
	draw_options d;
	int rc, fmt = FMT_SVG;
	const char *model_path;

	if ((rc = parse_draw(argc, argv, true, &d)) >= 0)
		return rc;
	model_path = optind < argc ? argv[optind] : NULL;
	if (d.format != NULL) {
		if ((fmt = render_format_named(d.format)) < 0)
			return usage_error("render", "unknown format '%s'; "
			    "valid: %s", d.format, render_format_list());
	} else if (d.out_path != NULL && !d.all) {
		if ((fmt = render_format_of_path(d.out_path)) < 0)
			return usage_error("render", "cannot tell a format "
			    "from '%s'; give -T with one of: %s", d.out_path,
			    render_format_list());
	}
	if (d.all && d.out_path == NULL)
		return usage_error("render", "--all writes one file per view: "
		    "give a folder with -o");
	if (d.all && d.view != NULL)
		return usage_error("render", "--all draws every view; leave "
		    "out --view");
	if (!d.all && render_format_binary((render_format)fmt) &&
	    (d.out_path == NULL || strcmp(d.out_path, "-") == 0) &&
	    isatty(STDOUT_FILENO))
		return usage_error("render", "%s is binary and standard output "
		    "is a terminal; give -o FILE or redirect the output",
		    render_format_name((render_format)fmt));
	if (d.watch)
		return render_watch(&d, (render_format)fmt, model_path);
	return render_once(&d, (render_format)fmt, model_path);
}

static int
cmd_schema(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out_path = NULL;
	buf out = {0};
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out_path = optarg; break;
		case 'h':
			fputs(usage_schema, stdout);
			return 0;
		default:
			return usage_error("schema", "unknown option");
		}
	}
	if (optind < argc)
		return usage_error("schema", "takes no arguments");
	buf_putn(&out, kg_schema, kg_schema_len);
	rc = write_output("schema", out_path, &out, NULL);
	buf_free(&out);
	return rc;
}

/* The installed JSON Schema: DATADIR/kgraph/schema.json beside the
 * program's BINDIR (make install puts it there), or NULL when kgraph runs
 * from where it was built. Returns a malloc'd absolute path. */
static char *
installed_schema(void)
{
	char exe[4096], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	buf b = {0};

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	buf_printf(&b, "%s/../share/kgraph/schema.json", exe);
	path = realpath(b.s, NULL);
	buf_free(&b);
	return path;
}

static int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *path = "kgraph.yaml";
	char err[512], *schema;
	buf out = {0};
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage_init, stdout);
			return 0;
		}
		return usage_error("init", "unknown option");
	}
	if (argc - optind > 1)
		return usage_error("init", "too many arguments");
	if (optind < argc)
		path = argv[optind];
	/* The first line tells yaml-language-server (and so VS Code,
	 * Neovim, Helix, Emacs...) which schema checks and completes the
	 * file. */
	schema = installed_schema();
	buf_printf(&out, "# yaml-language-server: $schema=%s\n",
	    schema ? schema : "kgraph.schema.json");
	buf_putn(&out, kg_starter, kg_starter_len);
	if (!output_write(path, out.s, out.len, true, err, sizeof(err))) {
		fprintf(stderr, "kgraph init: %s\n", err);
		buf_free(&out);
		free(schema);
		return EXIT_OUTPUT;
	}
	if (strcmp(path, "-") != 0)
		fprintf(stderr, "kgraph init: wrote %s; check it with "
		    "'kgraph check %s'\n", path, path);
	if (schema == NULL && strcmp(path, "-") != 0)
		fprintf(stderr, "kgraph init: for checking and completion in "
		    "an editor, write the schema beside it with 'kgraph "
		    "schema -o kgraph.schema.json'\n");
	buf_free(&out);
	free(schema);
	return 0;
}

static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{"render", cmd_render},
	{"check", cmd_check},
	{"list", cmd_list},
	{"export", cmd_export},
	{"schema", cmd_schema},
	{"init", cmd_init},
};

int
main(int argc, char **argv)
{
	size_t i;
	const char *names[12];

	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage_main, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("kgraph %s (Graphviz %s, libyaml %s)\n", KG_VERSION,
		    render_graphviz_version(), yaml_get_version_string());
		render_shutdown();
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		names[i] = commands[i].name;
		if (strcmp(argv[1], commands[i].name) == 0) {
			/* getopt sees the subcommand as argv[0]. */
			int rc;
			char name[32];

			/* getopt's own messages name "kgraph COMMAND". */
			snprintf(name, sizeof(name), "kgraph %s", argv[1]);
			argv[1] = name;
			optind = 1;
			rc = commands[i].run(argc - 1, argv + 1);
			render_shutdown();
			return rc;
		}
	}
	names[i] = NULL;
	{
		const char *near = suggest(argv[1], names);

		if (near)
			return usage_error(NULL, "unknown command '%s' (did "
			    "you mean '%s'?)", argv[1], near);
		return usage_error(NULL, "unknown command '%s'", argv[1]);
	}
}
