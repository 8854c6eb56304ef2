#include "json.h"

#include <stdio.h>
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

static void
refs(writer *w, const char *k, const ref_list *l)
{
	size_t i;

	key(w, k);
	buf_putc(w->out, '[');
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_puts(w->out, ", ");
		json_string(w->out, l->v[i].id);
	}
	buf_putc(w->out, ']');
}

static void
strs(writer *w, const char *k, const str_list *l)
{
	size_t i;

	key(w, k);
	buf_putc(w->out, '[');
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_puts(w->out, ", ");
		json_string(w->out, l->v[i]);
	}
	buf_putc(w->out, ']');
}

static void
sources(writer *w, const source_list *l)
{
	size_t i;
	buf *o = w->out;

	key(w, "sources");
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

static void
item_body(writer *w, const item *it)
{
	str(w, "id", it->id);
	switch (it->type) {
	case IT_SOURCE:
		str(w, "cite", it->cite);
		str(w, "url", it->url);
		str(w, "archive", it->archive);
		date_value(w, "date", &it->date);
		break;
	case IT_GROUP:
		str(w, "name", it->name);
		str(w, "color", it->color);
		break;
	case IT_ACTOR:
		str(w, "name", it->name);
		str(w, "native", it->native);
		str_or_null(w, "group", it->group.id);
		str(w, "role", it->role);
		str(w, "kind", model_actor_kind_names[it->actor_kind]);
		strs(w, "tags", &it->tags);
		break;
	case IT_PHASE:
		num(w, "number", it->number);
		str(w, "title", it->title);
		date_value(w, "from", &it->from);
		date_value(w, "to", &it->to);
		break;
	case IT_QUESTION:
		str(w, "title", it->title);
		break;
	case IT_EVENT:
	case IT_DECISION:
	case IT_CAUSE:
		if (it->type == IT_CAUSE) {
			str(w, "text", it->text);
			str(w, "kind",
			    model_cause_kind_names[it->cause_kind]);
			str_or_null(w, "by", it->by.id);
		} else {
			str(w, "title", it->title);
		}
		if (it->type == IT_DECISION) {
			str(w, "actor", it->actor.id);
			str_or_null(w, "outcome", it->outcome ?
			    model_outcome_names[it->outcome] : NULL);
			str_or_null(w, "on", it->on.id);
			str_or_null(w, "stance", it->resolved_stance ?
			    model_stance_names[it->resolved_stance] : NULL);
		}
		date_value(w, "date", &it->date);
		str_or_null(w, "phase", it->resolved_phase ?
		    it->resolved_phase->id : NULL);
		if (it->type == IT_EVENT)
			refs(w, "actors", &it->actors);
		if (it->type != IT_CAUSE)
			refs(w, "to", &it->to_actors);
		if (it->type != IT_CAUSE)
			str(w, "text", it->text);
		str(w, "quote", it->quote);
		sources(w, &it->sources);
		str(w, "evidence", model_evidence_names[it->evidence]);
		str(w, "url", it->url);
		strs(w, "tags", &it->tags);
		break;
	case IT_VIEW: {
		const view_spec *vs = it->view;

		str(w, "title", it->title);
		str(w, "base", vs->base ? vs->base : "overview");
		if (vs->phases.n)
			strs(w, "phases", &vs->phases);
		if (vs->actors.n)
			strs(w, "actors", &vs->actors);
		if (vs->groups.n)
			strs(w, "groups", &vs->groups);
		if (vs->kinds.n)
			strs(w, "kinds", &vs->kinds);
		if (vs->tags.n)
			strs(w, "tags", &vs->tags);
		str(w, "since", vs->since);
		str(w, "until", vs->until);
		str(w, "evidence", vs->evidence);
		str(w, "focus", vs->focus);
		if (vs->depth >= 0)
			num(w, "depth", vs->depth);
		str(w, "question", vs->question);
		str(w, "direction", vs->direction);
		boolean(w, "legend", vs->legend);
		boolean(w, "citations", vs->citations);
		boolean(w, "steps", vs->steps);
		str(w, "theme", vs->theme);
		break;
	}
	default:
		break;
	}
	str(w, "note", it->note);
}

void
json_model(buf *out, const model *m, const selection *sel)
{
	writer wr = {out, 0, true}, *w = &wr;
	int t;
	size_t i;

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
			/* Links come before views, as in FORMAT.md. */
			begin(w, "links", '[');
			for (i = 0; i < m->nlinks; i++) {
				const relation *l = &m->links[i];

				if (sel != NULL && !sel->link[i])
					continue;
				begin(w, NULL, '{');
				str(w, "from", l->from_ref.id);
				str(w, "to", l->to_ref.id);
				str(w, "type", model_link_type_names[l->type]);
				str(w, "label", l->label);
				date_value(w, "date", &l->date);
				str_or_null(w, "phase", l->resolved_phase ?
				    l->resolved_phase->id : NULL);
				str(w, "evidence",
				    model_evidence_names[l->evidence]);
				sources(w, &l->sources);
				str(w, "note", l->note);
				finish(w, '}');
			}
			finish(w, ']');
			if (sel != NULL && sel->any)
				continue;       /* views are not a selection */
		}
		begin(w, model_list_keys[t], '[');
		for (i = 0; i < m->count[t]; i++) {
			if (sel != NULL && !sel->item[t][i])
				continue;
			begin(w, NULL, '{');
			item_body(w, m->items[t][i]);
			finish(w, '}');
		}
		finish(w, ']');
	}
	w->depth = 0;
	buf_puts(out, "\n}\n");
}
