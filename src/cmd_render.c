/* kgraph render: one view, every view (--all), or again on every change
 * of the model (--watch). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"
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

/* One output of --all: a view (the stances view once per question) and
 * the name of its file. */
typedef struct {
	const char *view, *question;
	char *name;
	bool skip;
} all_output;

/* The outputs of --all: every built-in view, the stances view once per
 * question (or for --question), then the model's own views, whose bases
 * check has made sure are built-in views. Sets *n. */
static all_output *
all_outputs(const model *m, const draw_options *d, size_t *n)
{
	size_t i, k = 0, nq = m->count[IT_QUESTION];
	all_output *o = xcalloc(8 + nq + m->count[IT_VIEW], sizeof(*o));
	buf b = {0};

	for (i = 0; model_builtin_views[i] != NULL; i++) {
		const char *v = model_builtin_views[i];
		size_t q;

		if (strcmp(v, "stances") != 0) {
			o[k].view = v;
			o[k++].name = xstrdup(v);
			continue;
		}
		if (nq == 0 && d->g.question == NULL && !d->term.quiet)
			fprintf(stderr, "kgraph render: note: skipped the "
			    "stances view: the model has no questions\n");
		for (q = 0; q < (d->g.question ? 1 : nq); q++) {
			o[k].view = v;
			o[k].question = d->g.question ? d->g.question :
			    m->items[IT_QUESTION][q]->id;
			b.len = 0;
			buf_printf(&b, "stances-%s", o[k].question);
			o[k++].name = xstrdup(b.s);
		}
	}
	for (i = 0; i < m->count[IT_VIEW]; i++) {
		o[k].view = m->items[IT_VIEW][i]->id;
		o[k].name = xstrdup(o[k].view);
		k++;
	}
	buf_free(&b);
	*n = k;
	return o;
}

/* The outputs' paths, in order, for finding two that are the same. */
static const draw_plan *sorting;
static int
by_path(const void *a, const void *b)
{
	return strcmp(sorting->paths[*(const size_t *)a],
	    sorting->paths[*(const size_t *)b]);
}

/* Refuses a plan that writes one path twice; returns 0 or the usage
 * exit status. */
static int
same_paths(const draw_plan *plan)
{
	size_t *order = xcalloc(plan->n + 1, sizeof(*order)), i;
	int rc = 0;

	for (i = 0; i < plan->n; i++)
		order[i] = i;
	sorting = plan;
	qsort(order, plan->n, sizeof(*order), by_path);
	for (i = 1; i < plan->n && rc == 0; i++) {
		size_t a = order[i - 1], b = order[i];

		if (strcmp(plan->paths[a], plan->paths[b]) != 0)
			continue;
		if (b < a) {
			a = order[i];
			b = order[i - 1];
		}
		rc = usage_error("render", "--all would write %s twice: for "
		    "the view '%s' and for the view '%s'; rename one of the "
		    "views (a view in steps writes VIEW-1, VIEW-2, ...)",
		    plan->paths[a], plan->views[a], plan->views[b]);
	}
	free(order);
	return rc;
}

/* Draws (or, with plan, plans) one output of --all into DIR/NAME.FMT,
 * path being room for the name. */
static int
draw_one(const model *m, const char *model_path, const draw_options *d,
    const all_output *o, render_format fmt, buf *path, draw_plan *plan)
{
	draw_options one = *d;

	if (o->question)
		one.g.question = o->question;
	path->len = 0;
	buf_printf(path, "%s/%s%s", d->out_path, o->name,
	    render_format_ext(fmt));
	return draw_view(m, model_path, &one, o->view, fmt, path->s, plan);
}

/* Waits for one of the drawing processes; returns its exit status, as
 * kgraph's (a process ended by a signal is an output failure). */
static int
reap(void)
{
	int status;

	while (wait(&status) < 0)
		if (errno != EINTR)
			return EXIT_OUTPUT;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return EXIT_OUTPUT;
}

/* Draws the outputs not skipped, jobs at a time, each in a process of
 * its own (which lays its view out in a child of its own, as one run
 * does); returns the first failure's status, after every process ends. */
static int
draw_parallel(const model *m, const char *model_path, const draw_options *d,
    const all_output *o, size_t n, render_format fmt, int jobs)
{
	int running = 0, rc = 0, r;
	buf path = {0};
	size_t i;

	fflush(NULL);
	for (i = 0; i < n && rc == 0; i++) {
		pid_t pid;

		if (o[i].skip)
			continue;
		if (running == jobs) {
			if ((r = reap()) != 0 && rc == 0)
				rc = r;
			running--;
			if (rc != 0)
				break;
		}
		if ((pid = fork()) < 0) {
			/* No process to spare: draw it here. */
			rc = draw_one(m, model_path, d, &o[i], fmt, &path,
			    NULL);
			continue;
		}
		if (pid == 0) {
			r = draw_one(m, model_path, d, &o[i], fmt, &path,
			    NULL);
			fflush(NULL);
			_exit(r);
		}
		running++;
	}
	while (running-- > 0)
		if ((r = reap()) != 0 && rc == 0)
			rc = r;
	buf_free(&path);
	return rc;
}

/* --all: plans every output first, so that a view that cannot be drawn
 * or two outputs of one name stop the run before anything is written;
 * then draws them, several at once on a machine of several cores. */
static int
render_all(const model *m, const draw_options *d, render_format fmt,
    const char *model_path)
{
	size_t n, i;
	all_output *o = all_outputs(m, d, &n);
	draw_plan plan = {0};
	buf path = {0};
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		rc = draw_one(m, model_path, d, &o[i], fmt, &path, &plan);
		if (rc == DRAW_SKIP) {
			o[i].skip = true;
			rc = 0;
			if (!d->term.quiet)
				fprintf(stderr, "kgraph render: note: skipped "
				    "%s: %s\n", o[i].name, plan.why);
		}
	}
	if (rc == 0)
		rc = same_paths(&plan);
	if (rc == 0 && !make_folders(d->out_path)) {
		fprintf(stderr, "kgraph render: cannot make the folder %s: "
		    "%s\n", d->out_path, strerror(errno));
		rc = EXIT_OUTPUT;
	}
	if (rc == 0 && draw_jobs(d) > 1)
		rc = draw_parallel(m, model_path, d, o, n, fmt, draw_jobs(d));
	else
		for (i = 0; i < n && rc == 0; i++)
			if (!o[i].skip)
				rc = draw_one(m, model_path, d, &o[i], fmt,
				    &path, NULL);
	for (i = 0; i < n; i++)
		free(o[i].name);
	free(o);
	buf_free(&path);
	draw_plan_free(&plan);
	return rc;
}

/* The formats of -T, as runs: the pictures (svg, pdf, png) in one run,
 * drawn from one layout, and each other format in a run of its own. */
typedef struct {
	render_format f[8];
	int n;
} format_list;

/* Draws the view, or every view, in the formats of one run: fmt, and
 * the pictures d->also from the same layout. */
static int
render_run(const model *m, const draw_options *d, render_format fmt,
    const char *model_path)
{
	buf path = {0};
	int rc;

	if (d->all)
		return render_all(m, d, fmt, model_path);
	/* With a list of formats, each file has its format's extension. */
	if (d->nalso > 0 || (d->out_path != NULL && d->formats != NULL &&
	    strchr(d->formats, ',') != NULL))
		format_path(&path, d->out_path, fmt);
	rc = draw_view(m, model_path, d, d->view ? d->view : "overview", fmt,
	    path.s ? path.s : d->out_path, NULL);
	buf_free(&path);
	return rc;
}

/* One render: reads and checks the model, draws the view or (--all) every
 * view, in each format; returns 0 or an exit status. */
static int
render_once(const draw_options *d, render_format fmt, const char *model_path)
{
	model *m;
	int rc = 0, i;
	draw_options one = *d;
	render_format pics[3];
	int npics = 0;

	/* pdf and png need fonts for the text; svg leaves it to the
	 * viewer, and dot and json have no pictures. */
	model_path = model_or_default(model_path);
	m = open_model_files(model_path, d->strict, d->all || fmt == FMT_PDF ||
	    fmt == FMT_PNG, &d->term, NULL, &rc, d->files);
	if (m == NULL)
		return rc;
	if (d->cite_style >= 0)
		m->style = (cite_style)d->cite_style;
	if (d->nformats == 0) {
		rc = render_run(m, d, fmt, model_path);
		model_free(m);
		return rc;
	}
	/* The pictures from one layout; the others one by one. */
	for (i = 0; i < d->nformats; i++)
		if (d->format_list[i] == FMT_SVG || d->format_list[i] == FMT_PDF ||
		    d->format_list[i] == FMT_PNG)
			pics[npics++] = d->format_list[i];
	if (npics > 0) {
		one.nalso = npics - 1;
		for (i = 1; i < npics; i++)
			one.also[i - 1] = pics[i];
		rc = render_run(m, &one, pics[0], model_path);
	}
	one.nalso = 0;
	for (i = 0; i < d->nformats && rc == 0; i++)
		if (d->format_list[i] != FMT_SVG && d->format_list[i] !=
		    FMT_PDF && d->format_list[i] != FMT_PNG)
			rc = render_run(m, &one, d->format_list[i],
			    model_path);
	model_free(m);
	return rc;
}

/* What a render under --watch wrote: "o.svg", or "o-1.svg to o-3.svg". */
static void
say_written(const draw_plan *wrote, buf *b)
{
	b->len = 0;
	if (wrote->n == 1)
		buf_puts(b, wrote->paths[0]);
	else if (wrote->n == 2)
		buf_printf(b, "%s and %s", wrote->paths[0], wrote->paths[1]);
	else if (wrote->n > 2)
		buf_printf(b, "%zu files, %s to %s", wrote->n, wrote->paths[0],
		    wrote->paths[wrote->n - 1]);
}

/* Watches the files of list (NUL-separated) too. */
static void
watch_files(watch *w, const buf *list)
{
	const char *v[64];
	size_t at = 0;
	int n = 0;

	while (at < list->len && n < 64) {
		v[n++] = list->s + at;
		at += strlen(list->s + at) + 1;
	}
	watch_also(w, v, n);
}

/* --watch: renders, then again whenever the model file changes, until
 * SIGINT or SIGTERM; a model with errors gets its diagnostics and the
 * previous output stays. Says when the model is removed and when it is
 * back. Returns 0 when interrupted. */
static int
render_watch(const draw_options *d, render_format fmt, const char *model_path)
{
	char err[512];
	watch *w;
	watch_event ev = WATCH_CHANGED;
	bool was_gone = false;
	buf said = {0}, files = {0};

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
		draw_plan wrote = {0};
		draw_options one = *d;
		int rc;

		if (ev == WATCH_GONE) {
			if (!d->term.quiet)
				fprintf(stderr, "kgraph render: %s is gone; "
				    "watching for it to come back (Ctrl-C to "
				    "stop)\n", model_path);
			was_gone = true;
			fflush(stderr);
			continue;
		}
		if (was_gone && !d->term.quiet)
			fprintf(stderr, "kgraph render: %s is back\n",
			    model_path);
		was_gone = false;
		one.written = &wrote;
		one.files = &files;
		rc = render_once(&one, fmt, model_path);
		watch_files(w, &files);
		say_written(&wrote, &said);
		if (!d->term.quiet)
			fprintf(stderr, "kgraph render: %s %s; watching %s "
			    "(Ctrl-C to stop)\n", rc == 0 ? "wrote" :
			    "did not write", rc == 0 && said.len ? said.s :
			    d->out_path, model_path);
		fflush(stderr);
		draw_plan_free(&wrote);
	} while ((ev = watch_wait(w)) != WATCH_STOP);
	watch_stop(w);
	buf_free(&said);
	buf_free(&files);
	return 0;
}

/* -T svg,pdf,...: a list of formats, for --all or --steps; returns -1
 * to go on, or the usage exit status. */
static int
parse_formats(draw_options *d)
{
	char *list = xstrdup(d->format), *name, *save = NULL;
	int f, i, rc = -1;

	d->formats = d->format;
	if (!d->all && !d->g.steps)
		rc = usage_error("render", "a list of formats (-T %s) is for "
		    "--all or --steps, which write several files", d->format);
	for (name = strtok_r(list, ",", &save); name != NULL && rc < 0;
	    name = strtok_r(NULL, ",", &save)) {
		if ((f = render_format_named(name)) < 0) {
			rc = usage_error("render", "unknown format '%s' in "
			    "-T %s; valid: %s", name, d->format,
			    render_format_list());
			break;
		}
		for (i = 0; i < d->nformats; i++)
			if (d->format_list[i] == (render_format)f)
				break;
		if (i < d->nformats)
			continue;       /* given twice: written once */
		if (d->nformats == 8)
			break;
		d->format_list[d->nformats++] = (render_format)f;
	}
	if (rc < 0 && d->nformats == 0)
		rc = usage_error("render", "-T %s names no format",
		    d->format);
	free(list);
	return rc;
}

int
cmd_render(int argc, char **argv)
{
	draw_options d;
	int rc, fmt = FMT_SVG;
	const char *model_path;

	if ((rc = parse_draw(argc, argv, "render", NULL, &d)) >= 0)
		return rc;
	model_path = optind < argc ? argv[optind] : NULL;
	if (d.format != NULL && strchr(d.format, ',') != NULL) {
		if ((rc = parse_formats(&d)) >= 0)
			return rc;
		fmt = d.format_list[0];
	} else if (d.format != NULL) {
		if ((fmt = render_format_named(d.format)) < 0)
			return usage_error("render", "unknown format '%s'; "
			    "valid: %s", d.format, render_format_list());
	} else if (d.out_path != NULL && !d.all && !output_in_place(d.out_path)) {
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
