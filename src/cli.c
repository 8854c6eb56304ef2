/* The command line's shared part: usage errors, the diagnostics'
 * options, and the model a command reads and checks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>

#include "cli.h"
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
	/* In the order of COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER. */
	static const char *const whens[] = {"auto", "always", "never", NULL};
	int when;

	if (c == 'q') {
		term->quiet = true;
		return 0;
	}
	if (c != OPT_COLOR)
		return -1;
	if ((when = model_lookup(whens, optarg)) < 0)
		return usage_error(cmd, "--color takes auto, always or never, "
		    "not '%s'", optarg);
	term->color = when;
	return 0;
}

const char *
model_or_default(const char *path)
{
	if (path == NULL && access("kgraph.yaml", F_OK) == 0)
		return "kgraph.yaml";
	return path;
}

model *
open_model(const char *path, bool strict, bool fonts,
    const term_opts *term, size_t *warnings, int *rc)
{
	return open_model_files(path, strict, fonts, term, warnings, rc,
	    NULL);
}

/* The paths of m's bibliographies, as bibliography.c opens them, into
 * files: each followed by a NUL. */
static void
bibliography_paths(const model *m, const char *path, buf *files)
{
	const char *slash = path && strcmp(path, "-") != 0 ?
	    strrchr(path, '/') : NULL;
	size_t i;

	files->len = 0;
	for (i = 0; i < m->bibliography.n; i++) {
		if (m->bibliography.v[i][0] == '/')
			continue;
		if (slash != NULL)
			buf_printf(files, "%.*s/", (int)(slash - path), path);
		buf_puts(files, m->bibliography.v[i]);
		buf_putc(files, '\0');
	}
}

model *
open_model_files(const char *path, bool strict, bool fonts,
    const term_opts *term, size_t *warnings, int *rc, buf *files)
{
	diag_list dl = {0};
	char *text, err[512];
	size_t len;
	kgraph_doc *doc;
	model *m;

	dl.file = kgraph_name(path);
	dl.quiet = term->quiet;
	dl.color = use_color(term);
	if (kgraph_read(path, &text, &len, err, sizeof(err), &dl) !=
	    KGRAPH_OK) {
		if (err[0] != '\0')
			fprintf(stderr, "kgraph: %s\n", err);
		else
			diag_print(stderr, &dl, NULL, 0);
		diag_free(&dl);
		*rc = EXIT_MODEL;
		return NULL;
	}
	doc = kgraph_parse(text, len, &dl);
	/* Only a terminal shows the lines the diagnostics point at; else
	 * the file leaves memory before the model is built. */
	if (!isatty(STDERR_FILENO)) {
		free(text);
		text = NULL;
	}
	m = kgraph_load(doc, dl.file, &dl);
	if (m != NULL) {
		if (files != NULL)
			bibliography_paths(m, path, files);
		kgraph_bibliography(m, path, &dl);
		kgraph_check(m, &dl);
		if (fonts)
			fonts_check(m, &dl);
	}
	diag_sort(&dl);
	/* The model owns all it needs: the text, if kept, was only for the
	 * lines the diagnostics quote. */
	diag_print(stderr, &dl, text, len);
	free(text);
	if (warnings != NULL)
		*warnings = dl.warnings;
	*rc = m == NULL || dl.errors > 0 || (strict && dl.warnings > 0) ?
	    EXIT_MODEL : 0;
	diag_free(&dl);
	if (*rc != 0) {
		model_free(m);
		return NULL;
	}
	return m;
}

int
stage_error(const char *cmd, kgraph_status st, const char *err)
{
	if (st == KGRAPH_USAGE)
		return usage_error(cmd, "%s", err);
	fprintf(stderr, "kgraph %s: %s\n", cmd, err);
	return st;
}

int
write_output(const char *cmd, const char *path, const buf *out,
    const char *model_path)
{
	char err[512];

	if (path != NULL && model_path != NULL &&
	    strcmp(model_path, "-") != 0 &&
	    output_same_file(path, model_path)) {
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
