/* kgraph render: one view, every view (--all), or again on every change
 * of the model (--watch). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "watch.h"

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

/* One render: reads and checks the model, draws the view or (--all) every
 * view; returns 0 or an exit status. */
static int
render_once(const draw_options *d, render_format fmt, const char *model_path)
{
	model *m;
	int rc;

	/* pdf and png need fonts for the text; svg leaves it to the
	 * viewer, and dot and json have no pictures. */
	model_path = model_or_default(model_path);
	m = open_model(model_path, d->strict, d->all || fmt == FMT_PDF ||
	    fmt == FMT_PNG, &d->term, NULL, &rc);
	if (m == NULL)
		return rc;
	if (!d->all) {
		rc = draw_view(m, model_path, d, d->view ? d->view :
		    "overview", fmt, d->out_path);
	} else {
		size_t i, nviews = 0;
		const char *names[64 + 8];

		if (!make_folders(d->out_path)) {
			fprintf(stderr, "kgraph render: cannot make the folder "
			    "%s: %s\n", d->out_path, strerror(errno));
			model_free(m);
			return EXIT_OUTPUT;
		}
		/* Every built-in view, then the model's own, whose bases
		 * check has made sure are built-in views. */
		for (i = 0; model_builtin_views[i] != NULL; i++)
			names[nviews++] = model_builtin_views[i];
		for (i = 0; i < m->count[IT_VIEW] && nviews < 64 + 7; i++)
			names[nviews++] = m->items[IT_VIEW][i]->id;
		for (i = 0; i < nviews && rc == 0; i++) {
			buf path = {0};

			buf_printf(&path, "%s/%s%s", d->out_path, names[i],
			    render_format_ext(fmt));
			rc = draw_view(m, model_path, d, names[i], fmt,
			    path.s);
			buf_free(&path);
		}
	}
	model_free(m);
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

int
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
