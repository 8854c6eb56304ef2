#include "model.h"

#include <stddef.h>
#include <stdio.h>

#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

const char *const model_type_names[] = {"source", "group", "actor",
    "phase", "question", "event", "decision", "cause", "view", NULL};
const char *const model_list_keys[] = {"sources", "groups", "actors",
    "phases", "questions", "events", "decisions", "causes", "views", NULL};
const char *const model_type_articles[IT__COUNT] = {"a source",
    "a group", "an actor", "a phase", "a question", "an event",
    "a decision", "a cause", "a view"};
const char *const model_evidence_names[] = {"documented", "reported",
    "inferred", NULL};
const char *const model_actor_kind_names[] = {"person", "body", "state",
    NULL};
const char *const model_cause_kind_names[] = {"reason", "argument",
    "objection", "fear", "condition", "conclusion", NULL};
const char *const model_outcome_names[] = {"", "approved", "rejected",
    "deferred", "requested", "ordered", "proposed", NULL};
const char *const model_stance_names[] = {"", "for", "against",
    "conditional", "undecided", NULL};
const char *const model_link_type_names[] = {"causes", "leads-to",
    "responds-to", "supports", "opposes", NULL};
const char *const model_builtin_views[] = {"overview", "causes",
    "arguments", "timeline", "stances", "actors", NULL};
const char *const model_directions[] = {"TB", "LR", "BT", "RL", NULL};
const char *const model_lanes[] = {"group", "actor", "none", NULL};
const char *const model_themes[] = {"light", "dark", "print", "contrast",
    NULL};
const char *const model_styles[] = {"chicago-notes", "chicago-author-date",
    NULL};
const char *const model_source_types[] = {"article", "article-journal",
    "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic",
    "hearing", "interview", "legal_case", "legislation", "letter",
    "manuscript",
    "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation",
    "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage", NULL};

void
model_free(model *m)
{
	int t;

	if (m == NULL)
		return;
	for (t = 0; t < IT__COUNT; t++)
		free(m->items[t]);
	free(m->links);
	strmap_free(&m->ids);
#ifndef KG_LEAK_ON_PURPOSE
	/* Left out only in the build that proves the leak check works. */
	arena_free(m->arena);
#endif
	free(m);
}

item *
model_find(const model *m, const char *id)
{
	return strmap_get(&m->ids, id, strlen(id));
}

item *
model_phase(const model *m, const char *spec)
{
	size_t i, n = 0;

	if (spec[0] >= '1' && spec[0] <= '9' && strlen(spec) < 9) {
		for (i = 0; spec[i] != '\0'; i++) {
			if (spec[i] < '0' || spec[i] > '9')
				break;
			n = n * 10 + (size_t)(spec[i] - '0');
		}
		if (spec[i] == '\0') {
			/* A phase may have a numeric id; ids win. */
			item *it = model_find(m, spec);

			if (it != NULL && it->type == IT_PHASE)
				return it;
			return n >= 1 && n <= m->count[IT_PHASE] ?
			    m->items[IT_PHASE][n - 1] : NULL;
		}
	}
	{
		item *it = model_find(m, spec);

		return it != NULL && it->type == IT_PHASE ? it : NULL;
	}
}

/* How many characters' counts differ between a word of len bytes whose
 * counts are in hist and cand: the sum of the differences, each
 * character of either once. */
static size_t
letters_apart(const int *hist, size_t len, const char *cand)
{
	int diff[256];
	size_t n = 0, in_both = 0;
	const unsigned char *p;

	for (p = (const unsigned char *)cand; *p; p++)
		diff[*p] = hist[*p];
	for (p = (const unsigned char *)cand; *p; p++)
		diff[*p]--;
	for (p = (const unsigned char *)cand; *p; p++) {
		if (diff[*p] == INT_MIN)
			continue;       /* counted */
		n += (size_t)(diff[*p] < 0 ? -diff[*p] : diff[*p]);
		in_both += (size_t)hist[*p];
		diff[*p] = INT_MIN;
	}
	/* The word's characters that cand has none of. */
	return n + (len - in_both);
}

/* Keeps it as the nearest so far if it is an item of a type in mask
 * that comes before *best in the order the scan of model_suggest_id
 * would meet it (by type, then place). */
static void
keep_earliest(const item *it, unsigned mask, const item **best)
{
	if (it == NULL || !(mask & TYPE_BIT(it->type)))
		return;
	if (*best == NULL || it->type < (*best)->type || (it->type ==
	    (*best)->type && it->index < (*best)->index))
		*best = it;
}

/* The id one edit from id (a letter left out, added, changed, or two
 * swapped) that names an item of a type in mask, the earliest in the
 * scan's order, or NULL: a few hundred lookups in the id table, where
 * a scan compares every id. */
static const char *
one_edit_away(const model *m, const char *id, unsigned mask)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t len = strlen(id), i, k;
	char w[72];
	const item *best = NULL;

	if (len + 2 > sizeof(w))
		return NULL;
	for (i = 0; i <= len; i++) {
		/* Left out at i. */
		if (i < len) {
			memcpy(w, id, i);
			memcpy(w + i, id + i + 1, len - i);
			keep_earliest(model_find(m, w), mask, &best);
		}
		/* Swapped at i and i + 1. */
		if (i + 1 < len && id[i] != id[i + 1]) {
			memcpy(w, id, len + 1);
			w[i] = id[i + 1];
			w[i + 1] = id[i];
			keep_earliest(model_find(m, w), mask, &best);
		}
		for (k = 0; letters[k] != '\0'; k++) {
			/* Added before i. */
			memcpy(w, id, i);
			w[i] = letters[k];
			memcpy(w + i + 1, id + i, len - i + 1);
			keep_earliest(model_find(m, w), mask, &best);
			/* Changed at i. */
			if (i < len && id[i] != letters[k]) {
				memcpy(w, id, len + 1);
				w[i] = letters[k];
				keep_earliest(model_find(m, w), mask, &best);
			}
		}
	}
	return best ? best->id : NULL;
}

const char *
model_suggest_id(const model *m, const char *id, unsigned mask)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, len = strlen(id), limit, seen = 0;
	int t;
	size_t i;
	int hist[256];

	/* Most typos are one edit: found by lookups, at once. */
	if ((best = one_edit_away(m, id, mask)) != NULL)
		return best;
	limit = len < 3 ? 1 : len / 3 + 1;
	if (limit > 4)
		limit = 4;
	memset(hist, 0, sizeof(hist));
	for (i = 0; i < len; i++)
		hist[(unsigned char)id[i]]++;
	for (t = 0; t < IT__COUNT; t++) {
		if (!(mask & TYPE_BIT(t)))
			continue;
		for (i = 0; i < m->count[t]; i++) {
			const char *cand = m->items[t][i]->id;
			size_t d;

			/* Bound the work on huge models. */
			if (++seen > 20000)
				return best;
			/* Lengths further apart than the limit are further
			 * apart in edits; so are letters: an edit changes the
			 * count of at most two. */
			if ((strlen(cand) > len ? strlen(cand) - len : len -
			    strlen(cand)) > limit ||
			    letters_apart(hist, len, cand) > 2 * limit)
				continue;
			d = edit_distance(id, cand);
			if (d < best_d && d <= limit) {
				best_d = d;
				best = cand;
				/* Nothing is nearer than one edit: the id
				 * itself would not be unknown. */
				if (d <= 1)
					return best;
			}
		}
	}
	return best;
}

int
model_lookup(const char *const *names, const char *name)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

bool
model_url_allowed(const char *url)
{
	size_t i;

	for (i = 0; url[i] != '\0'; i++) {
		unsigned char c = (unsigned char)url[i];

		if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' ||
		    c == '<' || c == '>' || c == '\\' || c == '`')
			return false;
	}
	{
		size_t len = i, k;
		uint32_t cp;

		/* Bidi and invisible characters disguise where a link goes. */
		for (i = 0; i < len; i += k) {
			k = utf8_decode(url + i, len - i, &cp);
			if (k == 0 || utf8_is_invisible(cp) ||
			    utf8_is_control(cp))
				return false;
		}
	}
	/* An absolute url names a host: "https:///etc/passwd" and
	 * "http://" do not. */
	if (strncasecmp(url, "http://", 7) == 0)
		return url[7] != '\0' && url[7] != '/' && url[7] != '?' &&
		    url[7] != '#';
	if (strncasecmp(url, "https://", 8) == 0)
		return url[8] != '\0' && url[8] != '/' && url[8] != '?' &&
		    url[8] != '#';
	/* A relative url has no scheme: no ':' before the first '/', '?'
	 * or '#'; and it is not protocol-relative ("//host"). */
	if (url[0] == '/' && url[1] == '/')
		return false;
	for (i = 0; url[i] != '\0'; i++) {
		if (url[i] == '/' || url[i] == '?' || url[i] == '#')
			return true;
		if (url[i] == ':')
			return false;
	}
	return true;
}

const char *
model_label(const item *it)
{
	if (it->title)
		return it->title;
	if (it->name)
		return it->name;
	if (it->text)
		return it->text;
	if (it->cite)
		return it->cite;
	return it->id;
}

/* One phase of a spec part: an id or a number; 0 if none. */
static size_t
phase_number(const model *m, const char *s, size_t n)
{
	char name[80];
	item *it;

	if (n == 0 || n >= sizeof(name))
		return 0;
	memcpy(name, s, n);
	name[n] = '\0';
	it = model_phase(m, name);
	return it ? (size_t)it->number : 0;
}

const char *
model_phase_spec(const model *m, const char *spec, bool *selected,
    char *bad, size_t badsize)
{
	const char *p = spec;

	while (1) {
		const char *end = strchr(p, ','), *dots;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t lo, hi, k;

		/* Spaces around parts are allowed: "1, 3". */
		while (len > 0 && *p == ' ') {
			p++;
			len--;
		}
		while (len > 0 && p[len - 1] == ' ')
			len--;
		dots = NULL;
		for (k = 0; k + 1 < len; k++)
			if (p[k] == '.' && p[k + 1] == '.') {
				dots = p + k;
				break;
			}
		if (dots == NULL) {
			lo = hi = phase_number(m, p, len);
		} else {
			size_t left = (size_t)(dots - p);
			size_t right = len - left - 2;

			lo = left ? phase_number(m, p, left) : 1;
			hi = right ? phase_number(m, dots + 2, right) :
			    m->count[IT_PHASE];
			if (lo > hi)
				lo = 0;
		}
		if (lo == 0 || hi == 0) {
			size_t n = len < badsize - 1 ? len : badsize - 1;

			memcpy(bad, p, n);
			bad[n] = '\0';
			return bad;
		}
		for (k = lo; k <= hi; k++)
			selected[k - 1] = true;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return NULL;
}

static bool
ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* The locators ('at') of a list of source references, as texts of it. */
static void
each_locator(const source_list *l, const item *it, bool ascii_too,
    model_text_fn fn, void *ctx)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].at != NULL && (ascii_too || !ascii(l->v[i].at)))
			fn(l->v[i].at, it, "source locator", ctx);
}

/* The texts of the links that are written out (a label is drawn on its
 * edge), each described as "the link from 'a' to 'b'". */
static void
each_link_text(const model *m, bool ascii_too, model_text_fn fn, void *ctx)
{
	size_t i;
	item lk;
	char who[160];

	memset(&lk, 0, sizeof(lk));
	lk.type = IT__COUNT;
	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i];
		const char *texts[2] = {l->label, l->note};
		static const char *const names[2] = {"label", "note"};
		int k;

		if (l->shorthand)
			continue;
		snprintf(who, sizeof(who), "the link from '%s' to '%s'",
		    l->from_ref.id ? l->from_ref.id : "?", l->to_ref.id ?
		    l->to_ref.id : "?");
		lk.id = who;
		lk.line = l->line;
		lk.col = l->col;
		for (k = 0; k < 2; k++)
			if (texts[k] != NULL && (ascii_too || !ascii(texts[k])))
				fn(texts[k], &lk, names[k], ctx);
		each_locator(&l->sources, &lk, ascii_too, fn, ctx);
	}
}

/* The texts of a structured source that a picture prints. */
static void
each_reference_text(const item *it, model_text_fn fn, void *ctx)
{
	static const struct {
		size_t offset;
		const char *field;
	} fields[] = {
		{offsetof(reference, container_title), "container-title"},
		{offsetof(reference, collection_title), "collection-title"},
		{offsetof(reference, volume), "volume"},
		{offsetof(reference, issue), "issue"},
		{offsetof(reference, page), "page"},
		{offsetof(reference, publisher), "publisher"},
		{offsetof(reference, publisher_place), "publisher-place"},
		{offsetof(reference, archive_location), "archive_location"},
		{offsetof(reference, DOI), "DOI"},
	};
	const reference *r = it->reference;
	const ref_names *l[2] = {&r->author, &r->editor};
	size_t i, k;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *text = *(const char *const *)((const char *)r +
		    fields[i].offset);

		if (text != NULL)
			fn(text, it, fields[i].field, ctx);
	}
	for (k = 0; k < 2; k++)
		for (i = 0; i < l[k]->n; i++) {
			const ref_name *n = &l[k]->v[i];
			const char *what = k ? "editor" : "author";

			if (n->family != NULL)
				fn(n->family, it, what, ctx);
			if (n->given != NULL)
				fn(n->given, it, what, ctx);
			if (n->suffix != NULL)
				fn(n->suffix, it, what, ctx);
			if (n->literal != NULL)
				fn(n->literal, it, what, ctx);
		}
}

static void
each_text(const model *m, bool ascii_too, model_text_fn fn, void *ctx)
{
	static const struct {
		size_t offset;
		const char *field;
	} fields[] = {
		{offsetof(item, title), "title"},
		{offsetof(item, name), "name"},
		{offsetof(item, native), "native name"},
		{offsetof(item, role), "role"},
		{offsetof(item, text), "text"},
		{offsetof(item, quote), "quote"},
		{offsetof(item, cite), "citation"},
		{offsetof(item, archive), "archive"},
		{offsetof(item, note), "note"},
	};
	item top;
	size_t i, f;
	int t;

	memset(&top, 0, sizeof(top));
	top.type = IT__COUNT;
	top.id = "the model";
	top.line = 1;
	top.col = 1;
	if (m->title != NULL)
		fn(m->title, &top, "title", ctx);
	if (m->subtitle != NULL)
		fn(m->subtitle, &top, "subtitle", ctx);
	if (m->author != NULL)
		fn(m->author, &top, "author", ctx);
	if (m->description != NULL)
		fn(m->description, &top, "description", ctx);
	for (t = 0; t < IT__COUNT; t++)
		for (i = 0; i < m->count[t]; i++) {
			const item *it = m->items[t][i];

			/* A locator is printed in markers and tooltips. */
			each_locator(&it->sources, it, ascii_too, fn, ctx);
			if (it->ascii && !ascii_too)
				continue;
			for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
				const char *text = *(const char *const *)
				    ((const char *)it + fields[f].offset);

				if (text != NULL)
					fn(text, it, fields[f].field, ctx);
			}
			if (it->reference != NULL)
				each_reference_text(it, fn, ctx);
		}
	each_link_text(m, ascii_too, fn, ctx);
}

void
model_each_text(const model *m, model_text_fn fn, void *ctx)
{
	each_text(m, true, fn, ctx);
}

void
model_each_nonascii_text(const model *m, model_text_fn fn, void *ctx)
{
	each_text(m, false, fn, ctx);
}

const char *
model_describe(const item *it, char *out, size_t outsize)
{
	if (it->type < IT__COUNT)
		snprintf(out, outsize, "%s '%s'", model_type_names[it->type],
		    it->id);
	else
		snprintf(out, outsize, "%s", it->id);
	return out;
}

/* What each link type may join (docs/format.md, "Links"). */
#define ITEMS (TYPE_BIT(IT_EVENT) | TYPE_BIT(IT_DECISION) | \
	TYPE_BIT(IT_CAUSE))
#define ACTS (TYPE_BIT(IT_EVENT) | TYPE_BIT(IT_DECISION))
const model_link_end model_link_ends[] = {
	[LT_CAUSES] = {ITEMS, ACTS},
	[LT_LEADS_TO] = {ACTS, ACTS},
	[LT_RESPONDS_TO] = {ITEMS, ITEMS},
	[LT_SUPPORTS] = {TYPE_BIT(IT_CAUSE), ITEMS},
	[LT_OPPOSES] = {TYPE_BIT(IT_CAUSE), ITEMS},
};
#undef ITEMS
#undef ACTS

static bool
link_fits(size_t t, const item *from, const item *to)
{
	return (model_link_ends[t].from & TYPE_BIT(from->type)) &&
	    (model_link_ends[t].to & TYPE_BIT(to->type));
}

void
model_link_types_fitting(const item *from, const item *to, char *out,
    size_t size)
{
	buf b = {0};
	size_t t, k = 0, n = 0, nt = sizeof(model_link_ends) /
	    sizeof(model_link_ends[0]);

	out[0] = '\0';
	if (from == NULL || to == NULL || from->type > IT_CAUSE ||
	    to->type > IT_CAUSE)
		return;
	for (t = 0; t < nt; t++)
		n += link_fits(t, from, to);
	if (n == 0)
		return;
	buf_printf(&b, "; from %s to %s, say ", model_type_articles[from->type],
	    model_type_articles[to->type]);
	for (t = 0; t < nt; t++) {
		if (!link_fits(t, from, to))
			continue;
		if (k > 0)
			buf_puts(&b, k + 1 == n ? " or " : ", ");
		buf_printf(&b, "'%s'", model_link_type_names[t]);
		k++;
	}
	snprintf(out, size, "%s", b.s);
	buf_free(&b);
}

/* A citation's place in the file, for model_source_numbers. */
typedef struct {
	int line, col;
	size_t source;
} citation;

static int
by_place(const void *pa, const void *pb)
{
	const citation *a = pa, *b = pb;

	if (a->line != b->line)
		return (a->line > b->line) - (a->line < b->line);
	return (a->col > b->col) - (a->col < b->col);
}

static void
add_citations(const source_list *l, citation **v, size_t *n, size_t *cap)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].src.to == NULL)
			continue;
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*v = xrealloc(*v, *cap * sizeof(**v));
		}
		(*v)[*n].line = l->v[i].src.line;
		(*v)[*n].col = l->v[i].src.col;
		(*v)[(*n)++].source = l->v[i].src.to->index;
	}
}

int
model_source_numbers(const model *m, int *num)
{
	citation *v = NULL;
	size_t n = 0, cap = 0, i;
	int t, next = 0;

	for (t = 0; t < IT__COUNT; t++)
		for (i = 0; i < m->count[t]; i++)
			add_citations(&m->items[t][i]->sources, &v, &n, &cap);
	for (i = 0; i < m->nlinks; i++)
		add_citations(&m->links[i].sources, &v, &n, &cap);
	if (n > 0)
		qsort(v, n, sizeof(*v), by_place);
	for (i = 0; i < m->count[IT_SOURCE]; i++)
		num[i] = 0;
	for (i = 0; i < n; i++)
		if (num[v[i].source] == 0)
			num[v[i].source] = ++next;
	free(v);
	return next;
}

void
model_add_item(model *m, item *it)
{
	size_t n = m->count[it->type];

	/* Grow by doubling: counts are powers of two when full. */
	if ((n & (n - 1)) == 0)
		m->items[it->type] = xrealloc(m->items[it->type],
		    (n ? 2 * n : 1) * sizeof(item *));
	it->index = n;
	it->number = (int)n + 1;
	m->items[it->type][n] = it;
	m->count[it->type] = n + 1;
}
