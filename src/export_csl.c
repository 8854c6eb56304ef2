#include "export_csl.h"

#include <string.h>

#include "json.h"

static void
field(buf *out, const char *key, const char *value)
{
	if (value == NULL)
		return;
	buf_puts(out, ",\n    ");
	json_string(out, key);
	buf_puts(out, ": ");
	json_string(out, value);
}

static void
names(buf *out, const char *key, const ref_names *l)
{
	if (l->n == 0 && !l->others)
		return;
	buf_puts(out, ",\n    ");
	json_string(out, key);
	buf_puts(out, ": ");
	json_names(out, l);
}

static void
point(buf *out, const date_point *p)
{
	buf_printf(out, "[%d", p->y);
	if (p->m > 0)
		buf_printf(out, ", %d", p->m);
	if (p->m > 0 && p->d > 0)
		buf_printf(out, ", %d", p->d);
	buf_putc(out, ']');
}

/* A date as CSL writes it: {"date-parts": [[1949, 3, 5]]}, an interval
 * as two parts, an approximate date with "circa". */
static void
issued(buf *out, const date *d)
{
	if (!d->set)
		return;
	buf_puts(out, ",\n    \"issued\": {\"date-parts\": [");
	point(out, &d->start);
	if (d->interval) {
		buf_puts(out, ", ");
		point(out, &d->end);
	}
	buf_putc(out, ']');
	if (d->approx)
		buf_puts(out, ", \"circa\": true");
	buf_putc(out, '}');
}

static void
entry(buf *out, const item *s)
{
	const reference *r = s->reference;

	buf_puts(out, "  {\n    \"id\": ");
	json_string(out, s->id);
	field(out, "type", r && r->type ? r->type : "document");
	if (r != NULL) {
		names(out, "author", &r->author);
		names(out, "editor", &r->editor);
	}
	/* A source written as a citation keeps it as its title, the one
	 * field every reference manager shows. */
	field(out, "title", s->title ? s->title : s->cite);
	if (r != NULL) {
		field(out, "container-title", r->container_title);
		field(out, "collection-title", r->collection_title);
		field(out, "volume", r->volume);
		field(out, "issue", r->issue);
		field(out, "page", r->page);
		field(out, "publisher", r->publisher);
		field(out, "publisher-place", r->publisher_place);
	}
	issued(out, r && r->issued.set ? &r->issued : &s->date);
	field(out, "archive", s->archive);
	if (r != NULL) {
		field(out, "archive_location", r->archive_location);
		field(out, "DOI", r->DOI);
		field(out, "language", r->language);
	}
	field(out, "URL", r && r->URL ? r->URL : s->url);
	field(out, "note", s->note);
	buf_puts(out, "\n  }");
}

void
export_csl(buf *out, const model *m, const selection *sel)
{
	size_t i, n = 0;

	buf_putc(out, '[');
	for (i = 0; i < m->count[IT_SOURCE]; i++) {
		const item *s = m->items[IT_SOURCE][i];
		bool bib = s->reference != NULL && s->reference->file != NULL;

		/* A bibliography's entries are the model's sources when it
		 * cites them. */
		if ((sel != NULL && !sel->item[IT_SOURCE][i]) ||
		    (bib && !s->cited))
			continue;
		buf_puts(out, n++ ? ",\n" : "\n");
		entry(out, s);
	}
	buf_puts(out, n ? "\n]\n" : "]\n");
}
