/* kgraph deck: a lecture's slides in one PDF (or one HTML page): a
 * title slide; the slides of each view (the built-in views that apply
 * and the model's own, or those of --view), several views at once in
 * processes of their own (deck_split.c cuts a view into slides); then
 * the sources the slides cite. Each slide is a PDF page Graphviz draws;
 * pdf_merge.c puts them in one file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "deck.h"
#include "html.h"
#include "output.h"
#include "page.h"
#include "pdf_merge.h"
#include "slide.h"

/* Adds what the slides of one view show to what the deck shows. */
static void
view_done(deck *k)
{
	size_t i;
	int t;

	for (t = IT_EVENT; t <= IT_DECISION; t++)
		for (i = 0; i < k->m->count[t]; i++)
			k->all_shown[t][i] |= k->shown[t][i];
}

/* The results of one view's slides, as its process writes them for the
 * deck: its status and message, its counts, its pages, and what they
 * show and cite. */
static bool
view_write(FILE *f, const deck *k, bool ok)
{
	const model *m = k->m;
	size_t len = strlen(k->err), i;
	int t;

	fwrite(&ok, sizeof(ok), 1, f);
	fwrite(&len, sizeof(len), 1, f);
	fwrite(k->err, 1, len, f);
	fwrite(&k->slides, sizeof(k->slides), 1, f);
	fwrite(&k->small_slides, sizeof(k->small_slides), 1, f);
	fwrite(&k->smallest, sizeof(k->smallest), 1, f);
	fwrite(&k->n, sizeof(k->n), 1, f);
	for (i = 0; i < (size_t)k->n; i++) {
		fwrite(&k->pdfs[i].len, sizeof(k->pdfs[i].len), 1, f);
		fwrite(k->pdfs[i].s, 1, k->pdfs[i].len, f);
	}
	for (t = IT_EVENT; t <= IT_DECISION; t++)
		fwrite(k->shown[t], sizeof(bool), m->count[t], f);
	fwrite(k->cited, sizeof(bool), m->count[IT_SOURCE], f);
	return fflush(f) == 0 && !ferror(f);
}

static bool
get(FILE *f, void *p, size_t n)
{
	return n == 0 || fread(p, 1, n, f) == n;
}

/* Reads what view_write wrote and adds it to the deck; false, with the
 * message in k->err, when the view failed or its results are cut. */
static bool
view_read(FILE *f, deck *k)
{
	const model *m = k->m;
	bool ok = false, *cited = xcalloc(m->count[IT_SOURCE] + 1, 1);
	size_t len, i;
	int slides, small, n, j, t;
	double smallest;

	if (!get(f, &ok, sizeof(ok)) || !get(f, &len, sizeof(len)) ||
	    len >= sizeof(k->err) || !get(f, k->err, len))
		goto cut;
	k->err[len] = '\0';
	if (!ok || !get(f, &slides, sizeof(slides)) || !get(f, &small,
	    sizeof(small)) || !get(f, &smallest, sizeof(smallest)) ||
	    !get(f, &n, sizeof(n)))
		goto out;
	for (j = 0; j < n; j++) {
		buf b = {0};

		if (!get(f, &len, sizeof(len)) || len > ((size_t)1 << 32))
			goto cut;
		b.s = xmalloc(len + 1);
		b.cap = len + 1;
		if (!get(f, b.s, len)) {
			buf_free(&b);
			goto cut;
		}
		b.len = len;
		b.s[len] = '\0';
		deck_add_pdf(k, &b);
	}
	for (t = IT_EVENT; t <= IT_DECISION; t++)
		if (!get(f, k->shown[t], m->count[t]))
			goto cut;
	if (!get(f, cited, m->count[IT_SOURCE]))
		goto cut;
	for (i = 0; i < m->count[IT_SOURCE]; i++)
		k->cited[i] |= cited[i];
	k->slides += slides;
	k->small_slides += small;
	if (smallest > 0 && (k->smallest == 0 || smallest < k->smallest))
		k->smallest = smallest;
	view_done(k);
	goto out;
cut:
	ok = false;
	snprintf(k->err, sizeof(k->err), "a view's slides were cut short");
out:
	free(cited);
	return ok;
}

/* The slides of one view, in a process of its own, into f. */
static void
view_child(deck *k, const char *name, FILE *f)
{
	bool ok;
	int t;

	/* The pages made before the fork are the parent's to keep. */
	for (t = 0; t < k->n; t++)
		buf_free(&k->pdfs[t]);
	free(k->pdfs);
	k->pdfs = NULL;
	k->n = k->cap = k->view_first = 0;
	k->slides = k->small_slides = 0;
	k->smallest = 0;
	k->err[0] = '\0';
	for (t = IT_EVENT; t <= IT_DECISION; t++)
		memset(k->shown[t], 0, k->m->count[t] * sizeof(bool));
	memset(k->cited, 0, k->m->count[IT_SOURCE] * sizeof(bool));
	ok = deck_view_slides(k, name);
	fflush(NULL);
	_exit(view_write(f, k, ok) ? 0 : EXIT_OUTPUT);
}

/* The slides of the views names[0..n), jobs views at once, each in a
 * process of its own; their pages join the deck in the order of the
 * views, so that two runs write the same bytes. */
static bool
views_parallel(deck *k, char **names, size_t n, int jobs)
{
	FILE **res = xcalloc(n + 1, sizeof(*res));
	pid_t *pid = xcalloc(n + 1, sizeof(*pid));
	size_t next = 0, done;
	int running = 0, status;
	bool ok = true;

	fflush(NULL);
	for (done = 0; done < n; done++) {
		while (ok && next < n && running < jobs) {
			k->view_no = (int)next + 1;
			if ((res[next] = tmpfile()) == NULL ||
			    (pid[next] = fork()) < 0) {
				snprintf(k->err, sizeof(k->err), "cannot start "
				    "a process for a view: %s", strerror(errno));
				ok = false;
				break;
			}
			if (pid[next] == 0)
				view_child(k, names[next], res[next]);
			running++;
			next++;
		}
		if (done >= next)
			break;
		while (waitpid(pid[done], &status, 0) < 0 && errno == EINTR)
			;
		running--;
		rewind(res[done]);
		if (ok && !view_read(res[done], k)) {
			ok = false;
			if (!WIFEXITED(status))
				snprintf(k->err, sizeof(k->err), "the process "
				    "of view '%s' ended by signal %d",
				    names[done], WTERMSIG(status));
		}
		fclose(res[done]);
	}
	for (; done < next; done++) {
		while (waitpid(pid[done], &status, 0) < 0 && errno == EINTR)
			;
		fclose(res[done]);
	}
	free(res);
	free(pid);
	return ok;
}

/* The sources slides: the sources the slides cite, under their numbers,
 * eight to a slide so that their text keeps the slide's size. */
static bool
source_slides(deck *k)
{
	const model *m = k->m;
	int *num = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	int max = model_source_numbers(m, num), *list, n = 0, per = 8, parts,
	    p, v;
	bool ok = true;
	size_t i;

	list = xcalloc((size_t)max + 1, sizeof(int));
	for (v = 1; v <= max; v++)
		for (i = 0; i < m->count[IT_SOURCE]; i++)
			if (num[i] == v && k->cited[i])
				list[n++] = v;
	parts = (n + per - 1) / per;
	for (p = 0; ok && p < parts && !k->d->g.no_citations; p++) {
		graph_options o = k->d->g;
		Agraph_t *g;

		snprintf(k->prefix, sizeof(k->prefix), "kgs%d-", p + 1);
		o.id_prefix = k->prefix;
		g = slide_sources(m, &o, list + p * per, n - p * per < per ?
		    n - p * per : per, p + 1, parts);
		ok = deck_draw_pages(k, NULL, g, &o);
		graph_free(g);
	}
	free(list);
	free(num);
	return ok;
}

static const char usage_deck[] =
    "usage: kgraph deck [MODEL] [-o FILE] [--view IDS] [filters] [options]\n"
    "\n"
    "A lecture's slides in one PDF: a title slide, each view laid out for "
    "the\nslide (the built-in views that apply, then the model's own, or "
    "those of\n--view), split by phase, then by the neighbourhood of each "
    "decision, then in\nthe order of time, where its text would be smaller "
    "than 1/40 of the slide's\nheight, and the sources.\n"
    "\n"
    "  -o, --output FILE    the PDF (default: standard output), or with "
    ".html one\n                       self-contained page of the slides\n"
    "      --view IDS       the views, comma-separated, in order\n"
    "      --page PAGE      16:9 (default) or 4:3; or a handout's paper, "
    "a4, a3,\n                       letter (landscape; add -portrait), "
    "with no text\n                       under 6 pt\n"
    "      --steps          every view in steps, one page each\n"
    "      --theme NAME     light (default), dark, print, contrast\n"
    "      --cite-style S   chicago-notes or chicago-author-date\n"
    "      --timeout S      stop a layout that takes longer than S seconds\n"
    "  -j, --jobs N         make the slides of N views at once (default: the "
    "number\n                       of cores)\n"
    HELP_FILTERS
    HELP_COMMON;

int
cmd_deck(int argc, char **argv)
{
	draw_options d;
	deck k = {0};
	const char *model_path, *views;
	model *m;
	int rc, t;
	buf pdf = {0};
	char *list, *name, *save = NULL, **names = NULL, aim[64];
	size_t nnames = 0;
	size_t i;

	if ((rc = parse_draw(argc, argv, "deck", usage_deck, &d)) >= 0)
		return rc;
	if (d.all || d.watch || d.format != NULL)
		return usage_error("deck", "a deck is one PDF: --all, --watch "
		    "and -T are for render");
	/* Slides, or with a paper size the pages of a handout, whose text
	 * keeps 6 points. */
	if (d.page == NULL)
		page_named("16:9", &d.g);
	/* The slides keep their markers; the sources slide resolves them. */
	d.g.no_source_list = true;
	if ((d.out_path == NULL || strcmp(d.out_path, "-") == 0) &&
	    isatty(STDOUT_FILENO))
		return usage_error("deck", "a deck is a PDF and standard output "
		    "is a terminal; give -o FILE");
	model_path = model_or_default(optind < argc ? argv[optind] : NULL);
	if ((m = open_model(model_path, d.strict, true, &d.term, NULL,
	    &rc)) == NULL)
		return rc;
	if (d.cite_style >= 0)
		m->style = (cite_style)d.cite_style;
	k.m = m;
	k.d = &d;
	{
		const char *e = d.out_path ? strrchr(d.out_path, '.') : NULL;

		k.html = e != NULL && strcmp(e, ".html") == 0;
	}
	for (t = 0; t < IT__COUNT; t++) {
		k.shown[t] = xcalloc(m->count[t] + 1, sizeof(bool));
		k.all_shown[t] = xcalloc(m->count[t] + 1, sizeof(bool));
	}
	k.cited = xcalloc(m->count[IT_SOURCE] + 1, sizeof(bool));
	{
		graph_options title = d.g;
		Agraph_t *g;
		bool ok;

		title.id_prefix = "kg0-";
		g = slide_title(m, &title);
		ok = deck_draw_pages(&k, NULL, g, &title);

		graph_free(g);
		rc = ok ? 0 : EXIT_OUTPUT;
	}
	views = d.view;
	if (views == NULL) {
		buf all = {0};

		for (i = 0; model_builtin_views[i] != NULL; i++)
			if (strcmp(model_builtin_views[i], "stances") != 0 ||
			    m->count[IT_QUESTION] > 0)
				buf_printf(&all, "%s%s", all.len ? "," : "",
				    model_builtin_views[i]);
		for (i = 0; i < m->count[IT_VIEW]; i++)
			buf_printf(&all, ",%s", m->items[IT_VIEW][i]->id);
		list = all.s;
	} else {
		list = xstrdup(views);
	}
	for (name = strtok_r(list, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save)) {
		names = xrealloc(names, (nnames + 1) * sizeof(*names));
		names[nnames++] = name;
	}
	if (rc == 0 && draw_jobs(&d) > 1 && nnames > 1) {
		if (!views_parallel(&k, names, nnames, draw_jobs(&d)))
			rc = EXIT_OUTPUT;
	} else {
		for (i = 0; rc == 0 && i < nnames; i++) {
			for (t = IT_EVENT; t <= IT_DECISION; t++)
				memset(k.shown[t], 0, m->count[t]);
			k.view_no = (int)i + 1;
			k.view_first = k.n;
			if (!deck_view_slides(&k, names[i]))
				rc = EXIT_OUTPUT;
			view_done(&k);
		}
	}
	free(names);
	free(list);
	if (rc == 0 && !source_slides(&k))
		rc = EXIT_OUTPUT;
	/* Nothing the model says is left out of a deck that was not asked
	 * to leave it out. */
	for (t = IT_EVENT; rc == 0 && t <= IT_DECISION && views == NULL; t++)
		for (i = 0; i < m->count[t]; i++)
			if (!k.all_shown[t][i] && !d.term.quiet &&
			    d.f.phases == NULL && d.f.actors == NULL &&
			    d.f.kinds == NULL && d.f.tags == NULL &&
			    d.f.since == NULL && d.f.until == NULL &&
			    d.f.focus == NULL && d.f.evidence == NULL &&
			    d.f.groups == NULL)
				fprintf(stderr, "kgraph deck: note: %s '%s' is "
				    "on no slide\n", model_type_names[t],
				    m->items[t][i]->id);
	if (rc == 0 && k.html)
		html_deck(&pdf, m, d.g.theme, k.pdfs, k.n);
	else if (rc == 0 && !pdf_merge(k.pdfs, k.n, &pdf, k.err,
	    sizeof(k.err)))
		rc = EXIT_OUTPUT;
	if (rc != 0)
		fprintf(stderr, "kgraph deck: %s\n", k.err);
	else
		rc = write_output("deck", d.out_path, &pdf, model_path);
	if (rc == 0 && k.small_slides > 0 && !d.term.quiet)
		fprintf(stderr, "kgraph deck: note: %d of the %d diagram %s "
		    "keep text under %s (the smallest %.1f pt): a single item "
		    "does not fit the %s\n", k.small_slides, k.slides,
		    d.g.page_slide ? "slides" : "pages",
		    page_target_words(&d.g, aim, sizeof(aim)), k.smallest,
		    d.g.page_slide ? "slide" : "page");
	buf_free(&pdf);
	for (i = 0; i < (size_t)k.n; i++)
		buf_free(&k.pdfs[i]);
	free(k.pdfs);
	for (t = 0; t < IT__COUNT; t++) {
		free(k.shown[t]);
		free(k.all_shown[t]);
	}
	free(k.cited);
	model_free(m);
	return rc;
}
