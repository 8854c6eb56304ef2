#include "json.h"

#include "cite.h"

#include "keys.h"

#include <stdio.h>
#include <stddef.h>
#include <string.h>

/* A small pretty-printer: objects and arrays open on one line and hold
 * one member a line, indented by two spaces. */
typedef struct {
	buf *out;
	int depth;
	bool first;             /* no member written yet at this depth */
} writer;

void
json_string(buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	buf_putc(out, '"');
	for (; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_puts(out, "\\\"");
			break;
		case '\\':
			buf_puts(out, "\\\\");
			break;
		case '\n':
			buf_puts(out, "\\n");
			break;
		case '\t':
			buf_puts(out, "\\t");
			break;
		default:
			if (*p < 0x20)
				buf_printf(out, "\\u%04x", *p);
			else
				buf_putc(out, (char)*p);
		}
	}
	buf_putc(out, '"');
}

static void
newline(writer *w)
{
	int i;

	buf_putc(w->out, '\n');
	for (i = 0; i < w->depth; i++)
		buf_puts(w->out, "  ");
}

static void
key(writer *w, const char *k)
{
	if (!w->first)
		buf_putc(w->out, ',');
	w->first = false;
	newline(w);
	if (k != NULL) {
		json_string(w->out, k);
		buf_puts(w->out, ": ");
	}
}

static void
begin(writer *w, const char *k, char c)
{
	key(w, k);
	buf_putc(w->out, c);
	w->depth++;
	w->first = true;
}

static void
finish(writer *w, char c)
{
	bool empty = w->first;

	w->depth--;
	if (!empty)
		newline(w);
	buf_putc(w->out, c);
	w->first = false;
}

static void
str(writer *w, const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(w, k);
	json_string(w->out, v);
}

static void
str_or_null(writer *w, const char *k, const char *v)
{
	key(w, k);
	if (v == NULL)
		buf_puts(w->out, "null");
	else
		json_string(w->out, v);
}

static void
num(writer *w, const char *k, long v)
{
	key(w, k);
	buf_printf(w->out, "%ld", v);
}

static void
boolean(writer *w, const char *k, int v)
{
	if (v < 0)
		return;
	key(w, k);
	buf_puts(w->out, v ? "true" : "false");
}

/* A date as {"text", "from", "to", "approx"}; on one line. from and to
 * carry the time and offset of their end where the model gives one. */
static void
date_value(writer *w, const char *k, const date *d)
{
	char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE], text[DATE_TEXT_SIZE];
	buf *o = w->out;

	if (!d->set)
		return;
	key(w, k);
	date_iso_first(d, from);
	date_iso_last(d, to);
	date_text(d, text);
	buf_puts(o, "{\"text\": ");
	json_string(o, text);
	buf_printf(o, ", \"from\": \"%s\", \"to\": \"%s\", \"approx\": %s}",
	    from, to, d->approx ? "true" : "false");
}

_Static_assert(offsetof(ref, id) == 0, "string_array reads a ref's id as "
    "the first member of a ref");

/* A list of ids or texts as a JSON array: n strings, each the first
 * member of an entry of size stride (a ref's id, or a text itself). */
static void
string_array(writer *w, const char *k, const void *v, size_t n,
    size_t stride)
{
	size_t i;

	key(w, k);
	buf_putc(w->out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_puts(w->out, ", ");
		json_string(w->out, *(const char *const *)(const void *)
		    ((const char *)v + i * stride));
	}
	buf_putc(w->out, ']');
}

static void
sources(writer *w, const char *k, const source_list *l)
{
	size_t i;
	buf *o = w->out;

	key(w, k);
	buf_putc(o, '[');
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_puts(o, ", ");
		buf_puts(o, "{\"id\": ");
		json_string(o, l->v[i].src.id);
		if (l->v[i].at != NULL) {
			buf_puts(o, ", \"at\": ");
			json_string(o, l->v[i].at);
		}
		buf_putc(o, '}');
	}
	buf_putc(o, ']');
}

void
json_names(buf *o, const ref_names *l)
{
	size_t i;

	buf_putc(o, '[');
	for (i = 0; i < l->n; i++) {
		const ref_name *n = &l->v[i];

		buf_puts(o, i ? ", {" : "{");
		if (n->literal != NULL) {
			buf_puts(o, "\"literal\": ");
			json_string(o, n->literal);
		} else {
			buf_puts(o, "\"family\": ");
			json_string(o, n->family);
			if (n->given != NULL) {
				buf_puts(o, ", \"given\": ");
				json_string(o, n->given);
			}
			if (n->suffix != NULL) {
				buf_puts(o, ", \"suffix\": ");
				json_string(o, n->suffix);
			}
		}
		buf_putc(o, '}');
	}
	/* "and others": CSL has no field for it; a name that says so,
	 * which kgraph reads back as it was. */
	if (l->others)
		buf_puts(o, l->n ? ", {\"literal\": \"others\"}" :
		    "{\"literal\": \"others\"}");
	buf_putc(o, ']');
}

static void
names(writer *w, const char *k, const ref_names *l)
{
	if (l->n == 0 && !l->others)
		return;
	key(w, k);
	json_names(w->out, l);
}

/* A text, written as f->json says. */
static void
text(writer *w, const key_field *f, const char *s)
{
	const char *k = key_names[f->key];

	if (f->json == KJ_OR_NULL)
		str_or_null(w, k, s);
	else if (s == NULL && f->json == KJ_ALWAYS)
		str(w, k, f->values->names[0]);         /* the default */
	else
		str(w, k, s);
}

/* What check.c derived from field f of rec (an item or a relation):
 * the id of the item it resolved to, or the name of an enum's value. */
static void
resolved(writer *w, const void *rec, const key_field *f)
{
	const void *d = (const char *)rec + f->derived;
	const char *name = NULL;

	if (f->kind == KV_ENUM) {
		int i = *(const int *)d;

		name = i ? f->values->names[i] : NULL;
	} else {
		const item *to = *(item *const *)d;

		name = to ? to->id : NULL;
	}
	str_or_null(w, key_names[f->key], name);
}

/* Field f of rec, an item or a relation, as the table says; home is
 * where f's value is kept (rec, or an item's view_spec). */
static void
field(writer *w, const void *rec, const void *home, const key_field *f)
{
	const void *p = (const char *)home + f->offset;
	const char *k = key_names[f->key];
	bool always = f->json == KJ_ALWAYS;
	int i;

	if (f->json == KJ_RESOLVED) {
		resolved(w, rec, f);
		return;
	}
	switch (f->kind) {
	case KV_ID:
	case KV_TEXT:
	case KV_URL:
	case KV_COLOR:
	case KV_DATE_TEXT:
	case KV_REF_TEXT:
	case KV_ENUM_TEXT:
		text(w, f, *(const char *const *)p);
		break;
	case KV_REF:
		text(w, f, ((const ref *)p)->id);
		break;
	case KV_DATE:
		date_value(w, k, p);
		break;
	case KV_REFS:
		if (always || ((const ref_list *)p)->n > 0)
			string_array(w, k, ((const ref_list *)p)->v,
			    ((const ref_list *)p)->n, sizeof(ref));
		break;
	case KV_LIST:
	case KV_ID_FILTER:
	case KV_ENUM_LIST:
	case KV_TAGS:
		if (always || ((const str_list *)p)->n > 0)
			string_array(w, k, ((const str_list *)p)->v,
			    ((const str_list *)p)->n, sizeof(const char *));
		break;
	case KV_SOURCES:
		if (always || ((const source_list *)p)->n > 0)
			sources(w, k, p);
		break;
	case KV_ENUM:
		i = *(const int *)p;
		text(w, f, i == 0 && f->json == KJ_OR_NULL ? NULL :
		    f->values->names[i]);
		break;
	case KV_BOOL:
		boolean(w, k, *(const int *)p);
		break;
	case KV_NUMBER:
		if ((i = *(const int *)p) >= 0)       /* -1 when absent */
			num(w, k, i);
		break;
	case KV_NAMES:
		names(w, k, p);
		break;
	}
}

/* The fields each table's records export, in the export's order. */
typedef struct {
	const key_field *v[KEYS__TABLES][KEYS_MAX_FIELDS];
	size_t n[KEYS__TABLES];
} export_plan;

/* The fields of rec, an item or a relation, of table t; view is an
 * item's view_spec, or NULL. */
static void
fields(writer *w, const export_plan *plan, int t, const void *rec,
    const void *view)
{
	size_t i;

	for (i = 0; i < plan->n[t]; i++) {
		const key_field *f = plan->v[t][i];
		const void *home = f->home == KH_VIEW ? view : rec;

		if (f->home == KH_REFERENCE)
			home = ((const item *)rec)->reference;
		if (home != NULL)
			field(w, rec, home, f);
	}
}

void
json_model(buf *out, const model *m, const selection *sel)
{
	writer wr = {out, 0, true}, *w = &wr;
	export_plan plan;
	int t;
	size_t i;

	for (t = 0; t < KEYS__TABLES; t++)
		plan.n[t] = keys_export_order(t, plan.v[t]);
	buf_putc(out, '{');
	w->depth = 1;
	num(w, "kgraph", 1);
	str(w, "title", m->title);
	str(w, "subtitle", m->subtitle);
	str(w, "author", m->author);
	str(w, "description", m->description);
	str(w, "lang", m->lang);
	for (t = 0; t < IT__COUNT; t++) {
		if (t == IT_VIEW) {
			/* Links come before views, as in docs/format.md. */
			begin(w, "links", '[');
			for (i = 0; i < m->nlinks; i++) {
				const relation *l = &m->links[i];

				if (sel != NULL && !sel->link[i])
					continue;
				begin(w, NULL, '{');
				fields(w, &plan, KEYS_LINK, l, NULL);
				finish(w, '}');
			}
			finish(w, ']');
			if (sel != NULL && sel->any)
				continue;       /* views are not a selection */
		}
		begin(w, model_list_keys[t], '[');
		for (i = 0; i < m->count[t]; i++) {
			const item *it = m->items[t][i];

			if (sel != NULL && !sel->item[t][i])
				continue;
			/* A bibliography's entries are the model's sources
			 * when it cites them. */
			if (it->reference != NULL && it->reference->file !=
			    NULL && !it->cited)
				continue;
			begin(w, NULL, '{');
			fields(w, &plan, t, it, it->view);
			if (t == IT_SOURCE) {
				/* As the pictures print it, for a reader of
				 * the export and for the page's panel. */
				buf r = {0};

				cite_full(&r, it, m->style, false);
				str(w, "reference", r.s);
				buf_free(&r);
			}
			finish(w, '}');
		}
		finish(w, ']');
	}
	w->depth = 0;
	buf_puts(out, "\n}\n");
}
