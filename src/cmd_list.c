/* kgraph list: what a model holds, as aligned columns on a terminal
 * and tab-separated in a pipe. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cite.h"
#include "cli.h"

static const char usage_list[] =
    "usage: kgraph list [MODEL] [WHAT] [--cite-style S]\n"
    "\n"
    "List what a model holds. WHAT is one of views, phases, actors, "
    "groups,\nquestions, events, decisions, causes, sources; without it, "
    "a summary.\nThe first line names the model in use. On a terminal the "
    "columns are\naligned; in a pipe they are separated by tabs, the id "
    "first (for phases\nthe number, then the id). Sources come with the "
    "number every picture gives\nthem (- when nothing cites them) and "
    "their short forms.\n"
    "\n"
    "  -q, --quiet         errors only, no warnings\n"
    "      --color WHEN    colour diagnostics: auto (default), always, "
    "never\n"
    "      --cite-style S  the sources' short forms: chicago-notes or\n"
    "                      chicago-author-date (default: the model's "
    "style)\n"
    "  -h, --help          this help\n";

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

/* The sources: the number a picture gives each (none for a source no
 * item cites), its id or key, its short form in the model's style and,
 * for an entry of a bibliography, where it is defined. */
static void
list_sources(const model *m, bool tabs)
{
	int *num = xcalloc(m->count[IT_SOURCE] + 1, sizeof(int));
	size_t i, width = 4;
	buf tmp = {0}, where = {0};

	model_source_numbers(m, num);
	for (i = 0; i < m->count[IT_SOURCE]; i++)
		if (strlen(m->items[IT_SOURCE][i]->id) > width)
			width = strlen(m->items[IT_SOURCE][i]->id);
	if (width > 32)
		width = 32;
	for (i = 0; i < m->count[IT_SOURCE]; i++) {
		const item *s = m->items[IT_SOURCE][i];
		const reference *r = s->reference;
		char n[24];
		const char *cols[4];
		int w[4] = {4, (int)width, 0, 0};

		snprintf(n, sizeof(n), num[i] ? "[%d]" : "-", num[i]);
		tmp.len = where.len = 0;
		cite_short(&tmp, s, m->style);
		if (r != NULL && r->file != NULL)
			buf_printf(&where, tabs ? "%s:%d" : "(%s:%d)", r->file,
			    r->line);
		cols[0] = n;
		cols[1] = s->id;
		cols[2] = tmp.s ? tmp.s : "";
		cols[3] = where.s ? where.s : "";
		if (!tabs && where.len > 0) {
			buf_printf(&tmp, "  %s", where.s);
			cols[2] = tmp.s;
		}
		list_row(tabs, cols, w, tabs ? 4 : 3);
	}
	buf_free(&tmp);
	buf_free(&where);
	free(num);
}

static void
list_items(const model *m, item_type t, bool tabs)
{
	size_t i, width = 4, dwidth = 4;
	char when[64], a[64], b[64], num[24];
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

int
cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"cite-style", required_argument, NULL, OPT_CITE_STYLE},
		TERM_OPTS,
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL, *what = NULL;
	term_opts term = {COLOR_AUTO, false};
	model *m;
	size_t warnings;
	bool tabs;
	int c, rc, w, style = -1;

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
		if (c == OPT_CITE_STYLE) {
			if ((rc = cite_style_option("list", optarg, &style)) >= 0)
				return rc;
			continue;
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
	m = open_model(model_or_default(path), false, false, &term, &warnings,
	    &rc);
	if (m == NULL)
		return rc;
	if (style >= 0)
		m->style = (cite_style)style;
	printf("model: %s: %s\n", m->file, m->title);
	tabs = !isatty(STDOUT_FILENO);
	if (w == 0) {
		size_t i, width = 4;

		for (i = 0; i < m->count[IT_VIEW]; i++)
			if (strlen(m->items[IT_VIEW][i]->id) > width)
				width = strlen(m->items[IT_VIEW][i]->id);
		for (i = 0; model_builtin_views[i] != NULL; i++) {
			const char *cols[2] = {model_builtin_views[i],
			    "(built in)"};
			int widths[2] = {(int)width, 0};

			list_row(tabs, cols, widths, 2);
		}
		list_items(m, IT_VIEW, tabs);
	} else if (w > 0) {
		static const item_type types[] = {IT_VIEW, IT_PHASE, IT_ACTOR,
		    IT_GROUP, IT_QUESTION, IT_EVENT, IT_DECISION, IT_CAUSE,
		    IT_SOURCE};

		if (types[w] == IT_SOURCE)
			list_sources(m, tabs);
		else
			list_items(m, types[w], tabs);
	} else {
		int t;

		for (t = 0; t < IT__COUNT; t++)
			printf(tabs ? "%s\t%zu\n" : "%-10s %zu\n",
			    model_list_keys[t], m->count[t]);
		printf(tabs ? "%s\t%zu\n" : "%-10s %zu\n", "links",
		    m->nlinks);
		printf(tabs ? "%s\t%zu\n" : "%-10s %zu\n", "warnings",
		    warnings);
	}
	model_free(m);
	return 0;
}
