/* The command line's shared part: usage errors, the diagnostics'
 * options, and the model a command reads and checks. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>

#include "cli.h"
#include "embedded.h"
#include "fonts.h"
#include "output.h"

int
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

int
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

const char *
model_or_default(const char *path)
{
	if (path == NULL && access("kgraph.yaml", F_OK) == 0)
		return "kgraph.yaml";
	return path;
}

int
session_open(session *s, const char *path, bool strict, bool fonts,
    const term_opts *term)
{
	FILE *fp = NULL;
	arena *texts;
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
	texts = arena_new();
	root = reader_parse(s->text, s->len, s->tree, texts, &s->dl);
	if (root == NULL)
		arena_free(texts);
	if (root != NULL) {
		s->model = load_model(root, texts, s->name, &s->dl);
		/* The model owns what it needs of the tree. */
		arena_free(s->tree);
		s->tree = NULL;
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

void
session_close(session *s)
{
	model_free(s->model);
	arena_free(s->tree);
	diag_free(&s->dl);
	free(s->text);
}

int
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
