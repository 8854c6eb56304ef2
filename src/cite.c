#include "cite.h"

#include <string.h>

#include "label.h"

/* The writer of one reference: its parts joined by the punctuation
 * between them, with a quoted title's closing quote written after the
 * period or comma that follows it, as Chicago wants (“Title.”). */
typedef struct {
	buf *b;
	bool italics;
	bool quote_open;        /* a quoted title waits for its closing
	                         * quote */
} writer;

#define OPEN_QUOTE "\xe2\x80\x9c"       /* U+201C */
#define CLOSE_QUOTE "\xe2\x80\x9d"      /* U+201D */
#define EN_DASH "\xe2\x80\x93"          /* U+2013 */

/* The last character written, leaving out the italic marks. */
static char
last_char(const writer *w)
{
	size_t n = w->b->len;

	while (n > 0 && (w->b->s[n - 1] == LABEL_ITALIC ||
	    w->b->s[n - 1] == LABEL_ROMAN))
		n--;
	return n > 0 ? w->b->s[n - 1] : '\0';
}

/* Puts p (". ", ", ", ": " or " ") before the next part, unless nothing
 * is written yet; a period is left out after one that ends the text
 * already (or a question or exclamation mark). */
static void
sep(writer *w, const char *p)
{
	char last = last_char(w);
	bool ends = last == '.' || last == '?' || last == '!';

	if (w->b->len == 0)
		return;
	if (w->quote_open) {
		w->quote_open = false;
		if ((p[0] == '.' || p[0] == ',') && !ends) {
			buf_putc(w->b, p[0]);
			p++;
		} else if (ends && p[0] == '.') {
			p++;
		}
		buf_puts(w->b, CLOSE_QUOTE);
		buf_puts(w->b, p);
		return;
	}
	if (ends && p[0] == '.')
		p++;
	buf_puts(w->b, p);
}

static void
put(writer *w, const char *p, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	sep(w, p);
	buf_puts(w->b, s);
}

static void
put_italic(writer *w, const char *p, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	sep(w, p);
	if (w->italics)
		buf_putc(w->b, LABEL_ITALIC);
	buf_puts(w->b, s);
	if (w->italics)
		buf_putc(w->b, LABEL_ROMAN);
}

static void
put_quoted(writer *w, const char *p, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	sep(w, p);
	buf_puts(w->b, OPEN_QUOTE);
	buf_puts(w->b, s);
	w->quote_open = true;
}

/* Ends the reference with a period. */
static void
finish(writer *w)
{
	if (w->b->len == 0)
		return;
	sep(w, ".");
	if (last_char(w) != '.' && last_char(w) != '?' && last_char(w) != '!')
		buf_putc(w->b, '.');
}

/* A name in the order of a sentence ("Evgueni Bajanov"), or inverted
 * for the first name of a bibliography entry ("Bajanov, Evgueni"). */
static void
name(buf *b, const ref_name *n, bool inverted)
{
	if (n->literal != NULL)
		buf_puts(b, n->literal);
	else if (n->given == NULL)
		buf_puts(b, n->family);
	else if (inverted)
		buf_printf(b, "%s, %s", n->family, n->given);
	else
		buf_printf(b, "%s %s", n->given, n->family);
	if (n->literal == NULL && n->suffix != NULL)
		buf_printf(b, inverted && n->given ? ", %s" : " %s", n->suffix);
}

/* Chicago lists up to ten names; of more, the first seven and "et
 * al.". */
static void
names(buf *b, const ref_names *l, bool first_inverted)
{
	size_t i, n = l->n > 10 ? 7 : l->n;
	bool more = l->others || l->n > 10;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i == n - 1 && !more ? ", and " : ", ");
		name(b, &l->v[i], i == 0 && first_inverted);
	}
	if (more)
		buf_puts(b, ", et al.");
}

static const char *const month_names[] = {"January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December"};

/* A date point as Chicago writes it in full: "5 March 1949", "March
 * 1949", "1949". */
static void
point(buf *b, const date_point *p)
{
	if (p->d > 0)
		buf_printf(b, "%d ", p->d);
	if (p->m > 0)
		buf_printf(b, "%s ", month_names[p->m - 1]);
	buf_printf(b, "%d", p->y);
}

/* The year of a publication ("1995", "1995–96", "c. 1949"), or n.d. */
static void
year(buf *b, const date *d)
{
	if (!d->set) {
		buf_puts(b, "n.d.");
		return;
	}
	if (d->approx)
		buf_puts(b, "c. ");
	buf_printf(b, "%d", d->start.y);
	if (d->end.y != d->start.y)
		buf_printf(b, EN_DASH "%02d", d->end.y % 100);
}

/* The full date of a document ("5 March 1949", "c. 5–7 March 1949" as
 * "c. 5 March 1949–7 March 1949"). */
static void
full_date(buf *b, const date *d)
{
	if (!d->set)
		return;
	if (d->approx)
		buf_puts(b, "c. ");
	point(b, &d->start);
	if (d->interval) {
		buf_puts(b, EN_DASH);
		point(b, &d->end);
	}
}

/* The date of a source: its issued, or its date. */
static const date *
issued(const item *src)
{
	return src->reference->issued.set ? &src->reference->issued :
	    &src->date;
}

typedef enum { F_BOOK, F_PART, F_ARTICLE, F_PRESS, F_DOCUMENT, F_WEB } form;

static form
form_of(const item *src)
{
	const reference *r = src->reference;
	const char *t = r->type ? r->type : "";

	if (strcmp(t, "article-journal") == 0 || strcmp(t, "article") == 0 ||
	    strcmp(t, "review") == 0 || strcmp(t, "review-book") == 0)
		return F_ARTICLE;
	if (strcmp(t, "article-magazine") == 0 ||
	    strcmp(t, "article-newspaper") == 0)
		return F_PRESS;
	if (strcmp(t, "chapter") == 0 || strcmp(t, "paper-conference") == 0 ||
	    strncmp(t, "entry", 5) == 0)
		return F_PART;
	if (strcmp(t, "webpage") == 0 || strncmp(t, "post", 4) == 0)
		return F_WEB;
	if (strcmp(t, "manuscript") == 0 || strcmp(t, "letter") == 0 ||
	    strcmp(t, "interview") == 0 ||
	    strcmp(t, "personal_communication") == 0 ||
	    strcmp(t, "speech") == 0 || strcmp(t, "treaty") == 0 ||
	    ((t[0] == '\0' || strcmp(t, "document") == 0) &&
	    (src->archive != NULL || r->archive_location != NULL)))
		return F_DOCUMENT;
	if (r->container_title != NULL && strcmp(t, "book") != 0 &&
	    strcmp(t, "report") != 0 && strcmp(t, "thesis") != 0)
		return F_PART;
	return F_BOOK;
}

/* Who: the authors, or the editors with "ed." or "eds."; the first name
 * inverted. */
static void
who(writer *w, const reference *r)
{
	if (r->author.n > 0) {
		names(w->b, &r->author, true);
	} else if (r->editor.n > 0) {
		names(w->b, &r->editor, true);
		buf_puts(w->b, r->editor.n > 1 || r->editor.others ? ", eds." :
		    ", ed.");
	}
}

/* "Edited by ..." after a title, when the source has authors too. */
static void
edited_by(writer *w, const char *p, const reference *r)
{
	buf e = {0};

	if (r->author.n == 0 || r->editor.n == 0)
		return;
	buf_puts(&e, p[0] == ',' ? "edited by " : "Edited by ");
	names(&e, &r->editor, false);
	put(w, p, e.s);
	buf_free(&e);
}

/* Place: Publisher, with the year after it in the notes style. */
static void
imprint(writer *w, const item *src, cite_style st)
{
	const reference *r = src->reference;
	buf t = {0};

	if (r->publisher_place != NULL && r->publisher != NULL)
		buf_printf(&t, "%s: %s", r->publisher_place, r->publisher);
	else if (r->publisher_place != NULL || r->publisher != NULL)
		buf_puts(&t, r->publisher ? r->publisher : r->publisher_place);
	if (st == STYLE_NOTES && issued(src)->set) {
		if (t.len > 0)
			buf_puts(&t, ", ");
		year(&t, issued(src));
	}
	if (t.len > 0)
		put(w, ". ", t.s);
	buf_free(&t);
}

/* The link at the end: the DOI, else the URL. */
static void
link(writer *w, const item *src)
{
	const reference *r = src->reference;
	buf t = {0};

	if (r->DOI != NULL) {
		if (strncmp(r->DOI, "http", 4) != 0)
			buf_puts(&t, "https://doi.org/");
		buf_puts(&t, r->DOI);
	} else if (r->URL != NULL || src->url != NULL) {
		buf_puts(&t, r->URL ? r->URL : src->url);
	}
	if (t.len > 0)
		put(w, ". ", t.s);
	buf_free(&t);
}

/* Volume, no. Issue (Year): pages, for a journal; in the author-date
 * style Volume (Issue): pages. */
static void
journal_numbers(writer *w, const item *src, cite_style st)
{
	const reference *r = src->reference;
	buf t = {0};

	if (r->volume != NULL)
		buf_puts(&t, r->volume);
	if (r->issue != NULL) {
		if (st == STYLE_NOTES || r->volume == NULL)
			buf_printf(&t, "%sno. %s", t.len ? ", " : "", r->issue);
		else
			buf_printf(&t, " (%s)", r->issue);
	}
	if (st == STYLE_NOTES && issued(src)->set) {
		buf_puts(&t, t.len ? " (" : "(");
		year(&t, issued(src));
		buf_putc(&t, ')');
	}
	if (t.len > 0)
		put(w, r->volume == NULL && r->issue != NULL ? ", " : " ", t.s);
	if (r->page != NULL) {
		if (t.len > 0)
			buf_puts(w->b, ": ");
		else
			sep(w, ", ");
		buf_puts(w->b, r->page);
	}
	buf_free(&t);
}

static void
structured(writer *w, const item *src, cite_style st)
{
	const reference *r = src->reference;
	form f = form_of(src);
	bool ad = st == STYLE_AUTHOR_DATE;
	bool has_who = r->author.n > 0 || r->editor.n > 0;

	who(w, r);
	/* Author-date: the year after the names; with no names, after the
	 * title. */
	if (ad && has_who) {
		sep(w, ". ");
		year(w->b, issued(src));
	}
	if (f == F_BOOK)
		put_italic(w, ". ", src->title);
	else
		put_quoted(w, ". ", src->title);
	if (ad && !has_who) {
		sep(w, ". ");
		year(w->b, issued(src));
	}
	switch (f) {
	case F_BOOK:
		edited_by(w, ". ", r);
		put(w, ". ", r->collection_title);
		if (r->volume != NULL) {
			sep(w, ". ");
			buf_printf(w->b, "Vol. %s", r->volume);
		}
		imprint(w, src, st);
		break;
	case F_PART:
		if (r->container_title != NULL) {
			sep(w, ". ");
			buf_puts(w->b, "In ");
			put_italic(w, "", r->container_title);
		}
		edited_by(w, ", ", r);
		put(w, ", ", r->page);
		put(w, ". ", r->collection_title);
		imprint(w, src, st);
		break;
	case F_ARTICLE:
		put_italic(w, ". ", r->container_title);
		journal_numbers(w, src, st);
		break;
	case F_PRESS:
		put_italic(w, ". ", r->container_title);
		if (!ad && issued(src)->set) {
			sep(w, ", ");
			full_date(w->b, issued(src));
		}
		put(w, ", ", r->page);
		break;
	case F_DOCUMENT:
		if (issued(src)->set && (!ad || issued(src)->start.m > 0)) {
			sep(w, ". ");
			full_date(w->b, issued(src));
		}
		put(w, ". ", r->collection_title);
		put(w, ". ", r->archive_location);
		put(w, ". ", src->archive);
		put(w, ", ", r->publisher_place);
		break;
	case F_WEB:
		put(w, ". ", r->container_title);
		if (!ad && issued(src)->set) {
			sep(w, ". ");
			full_date(w->b, issued(src));
		}
		break;
	}
	link(w, src);
	finish(w);
}

void
cite_full(buf *out, const item *src, cite_style st, bool italics)
{
	writer w = {out, italics, false};
	buf own = {0};

	if (src->cite != NULL || src->reference == NULL) {
		buf_puts(out, src->cite ? src->cite : src->id);
		if (src->archive != NULL)
			buf_printf(out, " (%s)", src->archive);
		return;
	}
	/* The writer looks back at what it wrote: it writes into a buffer
	 * of its own, so that out's earlier text plays no part. */
	w.b = &own;
	structured(&w, src, st);
	buf_puts(out, own.s ? own.s : "");
	buf_free(&own);
}

void
cite_at(buf *out, const item *src, cite_style st, const char *at)
{
	size_t start = out->len;
	bool period;

	cite_full(out, src, st, false);
	if (at == NULL)
		return;
	period = out->len > start && out->s[out->len - 1] == '.' &&
	    src->reference != NULL && src->cite == NULL;
	if (period)
		out->len--;
	buf_printf(out, ", %s%s", at, period ? "." : "");
}

void
cite_author(buf *out, const item *src)
{
	const reference *r = src->reference;
	const ref_names *l = r == NULL ? NULL : r->author.n > 0 ? &r->author :
	    r->editor.n > 0 ? &r->editor : NULL;

	if (src->cite != NULL || l == NULL) {
		const char *c = src->cite ? src->cite : src->id;

		buf_printf(out, "%.*s", (int)strcspn(c, ","), c);
		return;
	}
	name(out, &l->v[0], false);
	if (l->n == 2 && !l->others) {
		buf_puts(out, " and ");
		name(out, &l->v[1], false);
	} else if (l->n > 2 || l->others) {
		buf_puts(out, " et al.");
	}
}

/* The family names for a short form: "Bajanov", "Bajanov and Torkunov",
 * "Bajanov et al.". */
static void
families(buf *out, const ref_names *l)
{
	size_t i;

	for (i = 0; i < l->n && i < 2; i++) {
		const ref_name *n = &l->v[i];

		if (i > 0) {
			if (l->n > 2 || l->others)
				break;
			buf_puts(out, " and ");
		}
		buf_puts(out, n->literal ? n->literal : n->family);
	}
	if (l->n > 2 || l->others)
		buf_puts(out, " et al.");
}

void
cite_short(buf *out, const item *src, cite_style st)
{
	const reference *r = src->reference;
	const ref_names *l;
	const char *t;
	int n;

	if (src->cite != NULL || r == NULL) {
		cite_author(out, src);
		return;
	}
	l = r->author.n > 0 ? &r->author : r->editor.n > 0 ? &r->editor :
	    NULL;
	if (st == STYLE_AUTHOR_DATE) {
		if (l != NULL)
			families(out, l);
		else
			buf_printf(out, OPEN_QUOTE "%s" CLOSE_QUOTE,
			    src->title ? src->title : src->id);
		buf_putc(out, ' ');
		year(out, issued(src));
		return;
	}
	if (l != NULL) {
		families(out, l);
		buf_puts(out, ", ");
	}
	/* The short title: the title without its subtitle. */
	t = src->title ? src->title : src->id;
	n = strstr(t, ": ") ? (int)(strstr(t, ": ") - t) : (int)strlen(t);
	if (form_of(src) == F_BOOK)
		buf_printf(out, "%.*s", n, t);
	else
		buf_printf(out, OPEN_QUOTE "%.*s" CLOSE_QUOTE, n, t);
}
