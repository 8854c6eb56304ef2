/* The command line: options in, stages called, results out as exit
 * statuses (0 success, 1 model errors, 2 usage, 3 output failure). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "check.h"
#include "embedded.h"
#include "json.h"
#include "load.h"
#include "output.h"
#include "select.h"

#ifndef KG_VERSION
#define KG_VERSION "0.1.0"
#endif
#ifndef KG_GRAPHVIZ_VERSION
#define KG_GRAPHVIZ_VERSION "unknown"
#endif

enum { EXIT_MODEL = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

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
    "  check  [MODEL]           check the model; print every problem\n"
    "  list   [MODEL] [WHAT]    list views, phases, actors, groups,\n"
    "                           questions, events, decisions, causes or\n"
    "                           sources (default: a summary)\n"
    "  export [MODEL] [-T json] [filters] [-o FILE]\n"
    "                           the resolved model as JSON\n"
    "  schema                   the JSON Schema of the model format\n"
    "  init   [FILE]            write a commented starter model\n"
    "\n"
    "MODEL is a file or '-' for standard input; without it kgraph reads\n"
    "./kgraph.yaml, or else its built-in model (Korea, 1949-1950).\n"
    "\n"
    "  -h, --help      this help; 'kgraph COMMAND --help' for a command\n"
    "      --version   the versions of kgraph, Graphviz and libyaml\n";

static const char usage_check[] =
    "usage: kgraph check [MODEL] [--strict]\n"
    "\n"
    "Check a model and print every problem as FILE:LINE:COL: error: ...\n"
    "Exit status 0 if the model has no errors, 1 if it has.\n"
    "\n"
    "      --strict    treat warnings as errors\n"
    "  -h, --help      this help\n";

static const char usage_list[] =
    "usage: kgraph list [MODEL] [WHAT]\n"
    "\n"
    "List what a model holds. WHAT is one of views, phases, actors, "
    "groups,\nquestions, events, decisions, causes, sources; without it, "
    "a summary.\nThe first line names the model in use.\n"
    "\n"
    "  -h, --help      this help\n";

static const char usage_export[] =
    "usage: kgraph export [MODEL] [-T json] [filters] [-o FILE]\n"
    "\n"
    "Write the resolved model: for and against turned into links, phases\n"
    "and stances resolved, dates parsed. With filters, only the "
    "selection.\n"
    "\n"
    "  -T, --format FMT     json (the default)\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "standard output\n"
    "      --view ID        take the filters of a model's view\n"
    "      --phase SPEC     phases by id or number: 2, 1..2, ..pressure, "
    "2.., lists\n"
    "      --since DATE     items whose dates overlap the range from "
    "DATE\n"
    "      --until DATE     ... up to DATE\n"
    "      --actor IDS      items that involve these actors\n"
    "      --group IDS      items that involve the actors of these "
    "groups\n"
    "      --kind KINDS     event, decision, cause, or a cause kind\n"
    "      --tag TAGS       items with one of these tags\n"
    "      --evidence LVL   at least this certain: inferred, reported, "
    "documented\n"
    "      --focus ID       only what lies within --depth relations of "
    "ID\n"
    "      --depth N        for --focus (default 1)\n"
    "      --strict         treat warnings as errors\n"
    "  -h, --help           this help\n"
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
    "standard output for '-'. An existing file is never replaced.\n"
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

/* Reads, parses, loads and checks the model; prints its diagnostics.
 * Returns 0, or the exit status to give up with. */
static int
session_open(session *s, const char *path, bool strict)
{
	FILE *fp = NULL;
	node *root;

	memset(s, 0, sizeof(*s));
	if (path == NULL && access("kgraph.yaml", F_OK) == 0)
		path = "kgraph.yaml";
	s->path = path;
	s->name = path == NULL ? KG_BUILTIN_NAME :
	    strcmp(path, "-") == 0 ? "<stdin>" : path;
	s->dl.file = s->name;
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

/* Options shared by the subcommands that read a model. */
enum {
	OPT_STRICT = 256, OPT_VIEW, OPT_PHASE, OPT_SINCE, OPT_UNTIL,
	OPT_ACTOR, OPT_GROUP, OPT_KIND, OPT_TAG, OPT_EVIDENCE, OPT_FOCUS,
	OPT_DEPTH, OPT_VERSION
};

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool strict = false;
	session s;
	int c, rc;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
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
	rc = session_open(&s, optind < argc ? argv[optind] : NULL, strict);
	session_close(&s);
	return rc;
}

static const char *const list_whats[] = {"views", "phases", "actors",
    "groups", "questions", "events", "decisions", "causes", "sources",
    NULL};

static void
list_items(const model *m, item_type t)
{
	size_t i, width = 4;
	char when[64];

	for (i = 0; i < m->count[t]; i++) {
		size_t n = strlen(m->items[t][i]->id);

		if (n > width)
			width = n;
	}
	if (width > 32)
		width = 32;
	for (i = 0; i < m->count[t]; i++) {
		const item *it = m->items[t][i];

		switch (t) {
		case IT_PHASE: {
			char a[32], b[32];

			date_show(&it->from, a, sizeof(a));
			date_show(&it->to, b, sizeof(b));
			printf("%zu  %-*s  %s", i + 1, (int)width, it->id,
			    it->title);
			if (a[0] != '\0' || b[0] != '\0')
				printf("  (%s to %s)", a[0] ? a : "...",
				    b[0] ? b : "...");
			putchar('\n');
			break;
		}
		case IT_EVENT:
		case IT_DECISION:
		case IT_CAUSE:
			date_show(&it->date, when, sizeof(when));
			printf("%-*s  %-14s  %s\n", (int)width, it->id, when,
			    model_label(it));
			break;
		case IT_ACTOR:
			printf("%-*s  %s%s%s%s\n", (int)width, it->id,
			    it->name, it->native ? " (" : "",
			    it->native ? it->native : "",
			    it->native ? ")" : "");
			break;
		default:
			printf("%-*s  %s\n", (int)width, it->id,
			    model_label(it));
		}
	}
}

static int
cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL, *what = NULL;
	session s;
	int c, rc, w;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
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
	rc = session_open(&s, path, false);
	if (rc != 0) {
		session_close(&s);
		return rc;
	}
	printf("model: %s: %s\n", s.name, s.model->title);
	if (w == 0) {
		size_t i;

		for (i = 0; model_builtin_views[i] != NULL; i++)
			printf("%-20s  (built in)\n", model_builtin_views[i]);
		list_items(s.model, IT_VIEW);
	} else if (w > 0) {
		static const item_type types[] = {IT_VIEW, IT_PHASE, IT_ACTOR,
		    IT_GROUP, IT_QUESTION, IT_EVENT, IT_DECISION, IT_CAUSE,
		    IT_SOURCE};

		list_items(s.model, types[w]);
	} else {
		int t;

		for (t = 0; t < IT__COUNT; t++)
			printf("%-10s %zu\n", model_list_keys[t],
			    s.model->count[t]);
		printf("%-10s %zu\n", "links", s.model->nlinks);
		printf("%-10s %zu\n", "warnings", s.dl.warnings);
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

static int
cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
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
		{NULL, 0, NULL, 0},
	};
	sel_filters f = {0};
	const char *format = NULL, *out_path = NULL, *view = NULL;
	bool strict = false;
	session s;
	selection sel;
	buf out = {0};
	char err[2048];
	int c, rc;

	f.depth = -1;
	while ((c = getopt_long(argc, argv, "T:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'T': format = optarg; break;
		case 'o': out_path = optarg; break;
		case OPT_VIEW: view = optarg; break;
		case OPT_PHASE: f.phases = optarg; break;
		case OPT_SINCE: f.since = optarg; break;
		case OPT_UNTIL: f.until = optarg; break;
		case OPT_ACTOR: f.actors = optarg; break;
		case OPT_GROUP: f.groups = optarg; break;
		case OPT_KIND: f.kinds = optarg; break;
		case OPT_TAG: f.tags = optarg; break;
		case OPT_EVIDENCE: f.evidence = optarg; break;
		case OPT_FOCUS: f.focus = optarg; break;
		case OPT_DEPTH:
			if (strspn(optarg, "0123456789") != strlen(optarg) ||
			    strlen(optarg) == 0 || strlen(optarg) > 4)
				return usage_error("export", "--depth takes a "
				    "whole number, not '%s'", optarg);
			f.depth = atoi(optarg);
			break;
		case OPT_STRICT: strict = true; break;
		case 'h':
			fputs(usage_export, stdout);
			return 0;
		default:
			return usage_error("export", "unknown option");
		}
	}
	if (format == NULL && out_path != NULL) {
		const char *dot = strrchr(out_path, '.');

		if (dot != NULL && strcmp(dot, ".json") != 0 &&
		    strchr(dot, '/') == NULL && !output_same_file(out_path,
		    optind < argc ? argv[optind] : NULL))
			return usage_error("export", "cannot tell a format "
			    "from '%s'; give -T json", out_path);
	}
	if (format != NULL && strcmp(format, "json") != 0)
		return usage_error("export", "unknown format '%s'; export "
		    "writes json", format);
	if (argc - optind > 1)
		return usage_error("export", "too many arguments");
	rc = session_open(&s, optind < argc ? argv[optind] : NULL, strict);
	if (rc != 0) {
		session_close(&s);
		return rc;
	}
	if (view != NULL) {
		item *v = model_find(s.model, view);

		if (model_lookup(model_builtin_views, view) >= 0) {
			/* A built-in view selects everything in export. */
		} else if (v == NULL || v->type != IT_VIEW) {
			buf b = {0};
			size_t i;

			for (i = 0; model_builtin_views[i] != NULL; i++)
				buf_printf(&b, "%s%s", i ? ", " : "",
				    model_builtin_views[i]);
			for (i = 0; i < s.model->count[IT_VIEW]; i++)
				buf_printf(&b, ", %s",
				    s.model->items[IT_VIEW][i]->id);
			rc = usage_error("export", "unknown view '%s'; "
			    "valid: %s", view, b.s);
			buf_free(&b);
			session_close(&s);
			return rc;
		} else {
			sel_from_view(v, &f, s.model->arena);
		}
	}
	if (!sel_apply(s.model, &f, &sel, err, sizeof(err))) {
		rc = usage_error("export", "%s", err);
		session_close(&s);
		return rc;
	}
	json_model(&out, s.model, &sel);
	rc = write_output("export", out_path, &out, &s);
	buf_free(&out);
	sel_free(&sel);
	session_close(&s);
	return rc;
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

static int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *path = "kgraph.yaml";
	char err[512];
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
	if (!output_write(path, kg_starter, kg_starter_len, true, err,
	    sizeof(err))) {
		fprintf(stderr, "kgraph init: %s\n", err);
		return EXIT_OUTPUT;
	}
	if (strcmp(path, "-") != 0)
		fprintf(stderr, "kgraph init: wrote %s; check it with "
		    "'kgraph check %s'\n", path, path);
	return 0;
}

static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
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
	const char *names[8];

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
		    KG_GRAPHVIZ_VERSION, yaml_get_version_string());
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		names[i] = commands[i].name;
		if (strcmp(argv[1], commands[i].name) == 0) {
			/* getopt sees the subcommand as argv[0]. */
			optind = 1;
			return commands[i].run(argc - 1, argv + 1);
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
