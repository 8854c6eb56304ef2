#include "load.h"

#include "keys.h"
#include "load_int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const top_keys[] = {"kgraph", "title", "subtitle",
    "author", "description", "lang", "style", "bibliography", "sources",
    "groups", "actors",
    "phases", "questions", "events", "decisions", "causes", "links",
    "views", NULL};

int
load_key_code(loader *ld, const node *key)
{
	struct key_memo *e = &ld->memo[((uintptr_t)key->str >> 3) %
	    KEY_MEMO_SIZE];

	/* Scalars are never changed once read, so the same address always
	 * holds the same text. */
	if (e->str != key->str) {
		e->str = key->str;
		e->code = keys_code(key->str, key->len);
	}
	return e->code;
}

static void
list_names(buf *b, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		if (names[i][0] == '\0')
			continue;
		buf_printf(b, "%s%s", b->len ? ", " : "", names[i]);
	}
}

/* Reports a value s, at place at, outside a closed set, with the nearest
 * or every valid value. */
static void
bad_value(loader *ld, const char *s, model_place at, const char *what,
    const char *const *names)
{
	const char *near = suggest(s, names);
	buf b = {0};

	if (near != NULL && near[0] != '\0') {
		ERR(&at, "unknown %s %s (did you mean '%s'?)", what, Q(s),
		    near);
		return;
	}
	list_names(&b, names);
	ERR(&at, "unknown %s %s; use one of: %s", what, Q(s), b.s);
	buf_free(&b);
}

model_place
load_place_of(const node *n)
{
	model_place at = {n->line, n->col};

	return at;
}

void
load_unknown_key(loader *ld, const node *k, const char *where,
    const char *const *keys)
{
	const char *near = suggest(k->str, keys);
	buf b = {0};

	if (near != NULL) {
		ERR(k, "unknown key %s in %s (did you mean '%s'?)", Q(k->str),
		    where, near);
		return;
	}
	list_names(&b, keys);
	ERR(k, "unknown key %s in %s; known keys: %s", Q(k->str), where, b.s);
	buf_free(&b);
}

static bool
scalar_value(loader *ld, const node *k, const node *v)
{
	if (v->kind == NODE_SCALAR)
		return true;
	ERR(v, "'%s' must be a single value, not a %s", k->str,
	    v->kind == NODE_MAP ? "mapping" : "list");
	return false;
}

/* A text field: a non-empty scalar. */
const char *
load_text_value(loader *ld, const node *k, const node *v)
{
	if (!scalar_value(ld, k, v))
		return NULL;
	if (v->len == 0) {
		ERR(v, "'%s' is empty; give it a value", k->str);
		return NULL;
	}
	/* YAML's null, written plain: no text at all. */
	if (v->plain && (strcmp(v->str, "~") == 0 || strcmp(v->str, "null") ==
	    0 || strcmp(v->str, "Null") == 0 || strcmp(v->str, "NULL") == 0)) {
		ERR(v, "'%s' is null (%s) in YAML, not a text; give it a value, "
		    "in quotes if it is meant as it is written", k->str, v->str);
		return NULL;
	}
	return v->str;
}

/* True for a language tag as BCP 47 writes them, in its simple form: a
 * language of 2 or 3 letters, then subtags of 1 to 8 letters or digits
 * after hyphens ("en", "zh-Hant", "sr-Latn-RS"). */
static bool
language_tag(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

	if (n < 2 || n > 3)
		return false;
	for (s += n; *s == '-'; s += n) {
		s++;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
		    "VWXYZ0123456789");
		if (n < 1 || n > 8)
			return false;
	}
	return *s == '\0';
}

const char *
load_id_problem(const char *s, size_t len, char *hint)
{
	size_t i, h = 0;
	bool lowerable = true;

	hint[0] = '\0';
	if (len == 0)
		return "is empty";
	for (i = 0; i < len;) {
		uint32_t cp;
		size_t k;

		if ((unsigned char)s[i] < 0x80) {
			i++;            /* no ASCII character is invisible */
			continue;
		}
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			return "is not valid UTF-8";
		if (utf8_is_invisible(cp))
			return "contains an invisible or bidirectional "
			    "control character";
		i += k;
	}
	if (len > 64)
		return "is longer than 64 bytes";
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			lowerable = false;
		else if (h == 0 && !isalnum(c))
			continue;       /* a hint starts with a letter or digit */
		else if (h < 64)
			hint[h++] = (char)(isalnum(c) ? tolower(c) :
			    c == '_' ? '_' : '-');
	}
	hint[h] = '\0';
	for (i = 0; i < len; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '-' || c == '_'));

		if (!ok) {
			if (!lowerable || !(isalnum((unsigned char)hint[0])))
				hint[0] = '\0';
			return "may use only a-z, 0-9, '-' and '_', and must "
			    "start with a letter or digit";
		}
	}
	/* "--" joins the two ends in an edge's SVG id (kg-a--b) and marks
	 * the picture's own ids (kg--key): no model id may hold it. */
	for (i = 0; i + 1 < len; i++)
		if (s[i] == '-' && s[i + 1] == '-') {
			size_t k = 0, j;

			for (j = 0; j < len && k < 64; j++)
				if (!(s[j] == '-' && k > 0 && hint[k - 1] == '-'))
					hint[k++] = s[j];
			hint[k] = '\0';
			return "may not hold '--', which kgraph's SVG ids use "
			    "between an edge's two ends";
		}
	hint[0] = '\0';
	return NULL;
}

static const char *
url_value(loader *ld, const node *k, const node *v)
{
	const char *s = load_text_value(ld, k, v);

	if (s != NULL && !model_url_allowed(s)) {
		ERR(v, "url %s is not allowed; use http or https with a host, "
		    "or a relative path, without spaces or quotes", Q(s));
		return NULL;
	}
	return s;
}

/* A date, and its place in at unless at is NULL. */
static void
date_value(loader *ld, const node *k, const node *v, date *out,
    model_place *at)
{
	const char *err;

	if (load_text_value(ld, k, v) == NULL)
		return;
	if (at != NULL)
		*at = load_place_of(v);
	if ((err = date_parse(v->str, v->len, out)) != NULL) {
		char why[64] = "";
		const char *p = v->str;

		memset(out, 0, sizeof(*out));
		/* Name the month's length for a day that does not exist. */
		while (strstr(err, "calendar") != NULL && *p != '\0') {
			int y, m, d;

			if (sscanf(p, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
			    m >= 1 && m <= 12 && y > 0 &&
			    (d < 1 || d > date_month_days(y, m))) {
				snprintf(why, sizeof(why), " (%s %04d has %d "
				    "days)", date_month_name(m), y,
				    date_month_days(y, m));
				break;
			}
			p++;
		}
		ERR(v, "%s %s %s%s", k->str, Q(v->str), err, why);
	}
}

static void
ref_value(loader *ld, const node *k, const node *v, ref *r)
{
	if (load_text_value(ld, k, v) == NULL)
		return;
	r->id = v->str;
	r->line = v->line;
	r->col = v->col;
}

/* A list field: a list of scalars, or one scalar. Each entry's place
 * goes to *places when places is not NULL. */
static void
ref_list_value(loader *ld, const node *k, const node *v, ref_list *out,
    model_place **places)
{
	size_t i, n = v->kind == NODE_SEQ ? v->n : 1;

	if (v->kind == NODE_MAP) {
		ERR(v, "'%s' must be an id or a list of ids, not a mapping",
		    k->str);
		return;
	}
	out->v = arena_alloc(ld->m->arena, n * sizeof(*out->v));
	if (places != NULL)
		*places = arena_alloc(ld->m->arena, n * sizeof(**places));
	for (i = 0; i < n; i++) {
		const node *e = v->kind == NODE_SEQ ? &v->items[i] : v;

		if (e->kind != NODE_SCALAR) {
			ERR(e, "each entry of '%s' must be an id", k->str);
			continue;
		}
		if (e->len == 0) {
			ERR(e, "an entry of '%s' is empty", k->str);
			continue;
		}
		out->v[out->n].id = e->str;
		out->v[out->n].line = e->line;
		out->v[out->n].col = e->col;
		if (places != NULL)
			(*places)[out->n] = load_place_of(e);
		out->n++;
	}
}

static void
str_list_value(loader *ld, const node *k, const node *v, str_list *out)
{
	ref_list refs = {0};
	size_t i;

	ref_list_value(ld, k, v, &refs, &out->places);
	out->v = arena_alloc(ld->m->arena, (refs.n + 1) * sizeof(*out->v));
	for (i = 0; i < refs.n; i++)
		out->v[i] = refs.v[i].id;
	out->n = refs.n;
}

/* Splits entries such as "stalin,kim" into their parts, as the command
 * line's --actor does; each part keeps its entry's place. */
static void
split_commas(loader *ld, str_list *l)
{
	size_t i, parts = 0, n = 0;
	const char **v;
	model_place *places;

	for (i = 0; i < l->n; i++) {
		const char *p;

		parts++;
		for (p = l->v[i]; *p != '\0'; p++)
			parts += *p == ',';
	}
	if (parts == l->n)
		return;
	v = arena_alloc(ld->m->arena, (parts + 1) * sizeof(*v));
	places = arena_alloc(ld->m->arena, (parts + 1) * sizeof(*places));
	for (i = 0; i < l->n; i++) {
		const char *p = l->v[i];

		while (1) {
			const char *end = strchr(p, ',');
			size_t len = end ? (size_t)(end - p) : strlen(p);

			if (len > 0) {
				v[n] = arena_strndup(ld->m->arena, p, len);
				places[n++] = l->places[i];
			}
			if (end == NULL)
				break;
			p = end + 1;
		}
	}
	l->v = v;
	l->places = places;
	l->n = n;
}

static void
tags_value(loader *ld, const node *k, const node *v, str_list *out)
{
	size_t i, j = 0;
	char hint[65];

	str_list_value(ld, k, v, out);
	for (i = 0; i < out->n; i++) {
		const char *err = load_id_problem(out->v[i],
		    strlen(out->v[i]), hint);

		if (err != NULL) {
			ERR(&out->places[i], "tag %s %s%s%s%s", Q(out->v[i]),
			    err, hint[0] ? " (did you mean '" : "", hint,
			    hint[0] ? "'?)" : "");
			continue;
		}
		out->places[j] = out->places[i];
		out->v[j++] = out->v[i];
	}
	out->n = j;
}

static int
enum_value(loader *ld, const node *k, const node *v, const char *what,
    const char *const *names)
{
	int i;

	if (load_text_value(ld, k, v) == NULL)
		return -1;
	if ((i = model_lookup(names, v->str)) < 0 || v->str[0] == '\0') {
		bad_value(ld, v->str, load_place_of(v), what, names);
		return -1;
	}
	return i;
}

static int
bool_value(loader *ld, const node *k, const node *v)
{
	if (load_text_value(ld, k, v) == NULL)
		return -1;
	if (strcmp(v->str, "true") == 0)
		return 1;
	if (strcmp(v->str, "false") == 0)
		return 0;
	ERR(v, "'%s' must be true or false, not %s", k->str, Q(v->str));
	return -1;
}

static void
register_id(loader *ld, item *it, const node *v)
{
	char hint[65];
	const char *err = load_id_problem(v->str, v->len, hint);
	item *old;

	if (err != NULL) {
		ERR(v, "id %s %s%s%s%s", Q(v->str), err,
		    hint[0] ? " (did you mean '" : "", hint,
		    hint[0] ? "'?)" : "");
		return;
	}
	it->id = v->str;
	it->line = v->line;
	it->col = v->col;
	old = strmap_put(&ld->m->ids, v->str, v->len, it);
	if (old != NULL) {
		ERR(v, "id '%s' is already the id of %s (line %d); all ids "
		    "share one namespace", v->str,
		    model_type_articles[old->type], old->line);
		it->id = NULL;
	}
}

/* The place of a value of field f in the record at base. */
static model_place *
field_place(void *base, const key_field *f)
{
	return f->at != 0 ? (model_place *)((char *)base + f->at) : NULL;
}

/* Reads v, the value of key k, as the table's field f says, into the
 * record at base (f->home says which kind of record). */
void
load_field_value(loader *ld, void *base, const key_field *f, const node *k,
    const node *v)
{
	void *p = (char *)base + f->offset;
	const char *s;
	int i;

	switch (f->kind) {
	case KV_ID:
		if (load_text_value(ld, k, v) != NULL)
			register_id(ld, base, v);
		break;
	case KV_TEXT:
		*(const char **)p = load_text_value(ld, k, v);
		break;
	case KV_REF_TEXT:
		*(const char **)p = load_text_value(ld, k, v);
		*field_place(base, f) = load_place_of(v);
		break;
	case KV_URL:
		*(const char **)p = url_value(ld, k, v);
		break;
	case KV_COLOR:
		s = load_text_value(ld, k, v);
		if (s != NULL && (strlen(s) != 7 || s[0] != '#' ||
		    strspn(s + 1, "0123456789abcdefABCDEF") != 6))
			ERR(v, "color %s is not of the form #rrggbb "
			    "(such as #1f77b4)", Q(s));
		else
			*(const char **)p = s;
		break;
	case KV_DATE:
		date_value(ld, k, v, p, field_place(base, f));
		break;
	case KV_DATE_TEXT: {
		date d = {0};   /* stays unset when the value is not text */

		date_value(ld, k, v, &d, field_place(base, f));
		if (d.set)
			*(const char **)p = v->str;
		break;
	}
	case KV_REF:
		ref_value(ld, k, v, p);
		break;
	case KV_REFS:
		ref_list_value(ld, k, v, p, NULL);
		break;
	case KV_LIST:
		str_list_value(ld, k, v, p);
		break;
	case KV_ID_FILTER:
		str_list_value(ld, k, v, p);
		split_commas(ld, p);
		break;
	case KV_ENUM:
		if (f->at != 0)
			*field_place(base, f) = load_place_of(v);
		if ((i = enum_value(ld, k, v, f->values->what,
		    f->values->names)) >= 0)
			*(int *)p = i;
		break;
	case KV_ENUM_TEXT:
		if (enum_value(ld, k, v, f->values->what,
		    f->values->names) >= 0)
			*(const char **)p = v->str;
		break;
	case KV_ENUM_LIST: {
		str_list *l = p;
		size_t j;

		str_list_value(ld, k, v, l);
		for (j = 0; j < l->n; j++)
			if (model_lookup(f->values->names, l->v[j]) < 0)
				bad_value(ld, l->v[j], l->places[j],
				    f->values->what, f->values->names);
		break;
	}
	case KV_TAGS:
		tags_value(ld, k, v, p);
		break;
	case KV_SOURCES:
		load_sources_value(ld, k, v, p);
		break;
	case KV_BOOL:
		*(int *)p = bool_value(ld, k, v);
		break;
	case KV_NAMES:
		load_names_value(ld, k, v, p);
		break;
	case KV_NUMBER:
		if ((s = load_text_value(ld, k, v)) == NULL)
			break;
		if (strspn(s, "0123456789") != strlen(s) || strlen(s) > 4)
			ERR(v, "'%s' must be a whole number from 0 to 9999, "
			    "not %s", k->str, Q(s));
		else
			*(int *)p = atoi(s);
		break;
	}
}

/* Handles one key of an item, whose code is code; false if the key is
 * not one of the item's type. */
static bool
item_field(loader *ld, item *it, int code, const node *k, const node *v)
{
	const key_field *f;

	if (code < 0 || (f = ld->keys.field[it->type][code]) == NULL)
		return false;
	if (f->home == KH_REFERENCE && it->reference == NULL)
		it->reference = arena_alloc(ld->m->arena,
		    sizeof(*it->reference));
	load_field_value(ld, f->home == KH_VIEW ? (void *)it->view :
	    f->home == KH_REFERENCE ? (void *)it->reference : (void *)it,
	    f, k, v);
	/* An empty list is as good as none; entries that are all wrong
	 * have their own errors. */
	if (f->kind == KV_SOURCES)
		it->sources_given = v->kind != NODE_SEQ || v->n > 0;
	return true;
}

static relation *
new_link(loader *ld)
{
	model *m = ld->m;
	size_t n = m->nlinks;
	relation *l;

	/* count_links has made room for every link; this is a guard. */
	if (n == ld->links_cap) {
		ld->links_cap = n ? 2 * n : 16;
		m->links = xrealloc(m->links, ld->links_cap *
		    sizeof(relation));
	}
	l = &m->links[n];
	memset(l, 0, sizeof(*l));
	l->index = n;
	m->nlinks = n + 1;
	return l;
}

static void
load_item(loader *ld, item_type t, const node *n)
{
	item *it;
	size_t i;
	const char *const *req = ld->keys.required_names[t];
	/* The keys the item has, and those it must have besides its id,
	 * which has its own message. */
	key_mask seen = 0;
	key_mask required = ld->keys.required[t] & ~KEY_BIT(K_ID);

	if (n->kind != NODE_MAP) {
		ERR(n, "each entry of '%s' must be a mapping with an 'id', "
		    "such as '- { id: ..., %s: ... }'", model_list_keys[t],
		    req[0] ? req[0] : "title");
		return;
	}
	it = arena_alloc(ld->m->arena, sizeof(*it));
	it->type = t;
	it->line = n->line;
	it->col = n->col;
	it->view = t == IT_VIEW ? arena_alloc(ld->m->arena,
	    sizeof(*it->view)) : NULL;
	if (it->view != NULL) {
		it->view->legend = it->view->citations = it->view->steps = -1;
		it->view->depth = -1;
	}
	/* Its texts are among its scalars. */
	it->ascii = true;
	for (i = 0; i < n->n; i++) {
		const node *k = &n->items[2 * i], *v = &n->items[2 * i + 1];
		int code = load_key_code(ld, k);

		if (v->kind == NODE_SCALAR && !v->ascii)
			it->ascii = false;
		if (code >= 0)
			seen |= KEY_BIT(code);
		if (!item_field(ld, it, code, k, v))
			load_unknown_key(ld, k, model_type_articles[t],
			    ld->keys.names[t]);
	}
	if (!(seen & KEY_BIT(K_ID)))
		ERR(n, "%s has no 'id' (required)", model_type_articles[t]);
	for (; (seen & required) != required && *req != NULL; req++) {
		if (node_get(n, *req) == NULL) {
			if (it->id)
				ERR(n, "%s '%s' has no '%s' (required)",
				    model_type_names[t], it->id, *req);
			else
				ERR(n, "%s has no '%s' (required)",
				    model_type_articles[t], *req);
		}
	}
	if (t == IT_SOURCE && !(seen & (KEY_BIT(K_CITE) | KEY_BIT(K_TITLE))))
		ERR(n, "%s%s%s has neither 'cite' (the citation as it is to "
		    "be printed) nor a 'title' (with 'author', 'issued' and "
		    "the other fields of a reference)", it->id ? "source '" :
		    "a source", it->id ? it->id : "", it->id ? "'" : "");
	if (it->id == NULL)
		return;
	model_add_item(ld->m, it);
	/* The shorthands: for is supports, against is opposes. */
	if (t == IT_CAUSE) {
		for (i = 0; i < it->for_items.n + it->against_items.n; i++) {
			bool is_for = i < it->for_items.n;
			ref *r = is_for ? &it->for_items.v[i] :
			    &it->against_items.v[i - it->for_items.n];
			relation *l = new_link(ld);

			l->from = it;
			l->from_ref.id = it->id;
			l->from_ref.to = it;
			l->from_ref.line = it->line;
			l->from_ref.col = it->col;
			l->to_ref = *r;
			l->type = is_for ? LT_SUPPORTS : LT_OPPOSES;
			l->shorthand = true;
			l->evidence = it->evidence;
			l->line = r->line;
			l->col = r->col;
		}
	}
}

static void
load_link(loader *ld, const node *n)
{
	relation *l;
	size_t i;
	const char *const *req = ld->keys.required_names[KEYS_LINK];
	key_mask seen = 0;      /* the keys the link has */
	key_mask required = ld->keys.required[KEYS_LINK];

	if (n->kind != NODE_MAP) {
		ERR(n, "each entry of 'links' must be a mapping such as "
		    "'- { from: ..., to: ..., type: leads-to }'");
		return;
	}
	l = new_link(ld);
	l->line = n->line;
	l->col = n->col;
	l->type = (link_type)-1;
	for (i = 0; i < n->n; i++) {
		const node *k = &n->items[2 * i], *v = &n->items[2 * i + 1];
		int code = load_key_code(ld, k);
		const key_field *f;

		if (code >= 0)
			seen |= KEY_BIT(code);
		f = code < 0 ? NULL : ld->keys.field[KEYS_LINK][code];
		if (f != NULL)
			load_field_value(ld, l, f, k, v);
		else
			load_unknown_key(ld, k, "a link",
			    ld->keys.names[KEYS_LINK]);
	}
	for (; (seen & required) != required && *req != NULL; req++)
		if (node_get(n, *req) == NULL)
			ERR(n, "a link has no '%s' (required)", *req);
	if (l->from_ref.id == NULL || l->to_ref.id == NULL ||
	    (int)l->type < 0)
		ld->m->nlinks--;        /* unusable; its problems are reported */
}

/* The most links the model can have: one for each entry of 'links' and
 * of each cause's 'for' and 'against'. Counting them first allocates the
 * links once, at their size, rather than growing a large array by
 * copying it. */
static size_t
count_links(loader *ld, const node *root)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < root->n; i++) {
		const node *key = &root->items[2 * i], *v = &root->items[2 * i + 1];

		if (v->kind != NODE_SEQ)
			continue;
		if (strcmp(key->str, "links") == 0) {
			n += v->n;
			continue;
		}
		if (strcmp(key->str, "causes") != 0)
			continue;
		for (j = 0; j < v->n; j++) {
			const node *c = &v->items[j];

			if (c->kind != NODE_MAP)
				continue;
			for (k = 0; k < c->n; k++) {
				const node *e = &c->items[2 * k + 1];
				int code = load_key_code(ld, &c->items[2 * k]);

				if (code == K_FOR || code == K_AGAINST)
					n += e->kind == NODE_SEQ ? e->n : 1;
			}
		}
	}
	return n;
}

static int
link_place_cmp(const void *pa, const void *pb)
{
	const relation *a = pa, *b = pb;

	return place_cmp(a->line, a->col, a->index, b->line, b->col,
	    b->index);
}

model *
load_model(const node *root, arena *texts, const char *file,
    diag_list *dl)
{
	loader l = {0}, *ld = &l;
	model *m = xcalloc(1, sizeof(*m));
	size_t i;
	int t;

	m->arena = texts;
	m->file = file;
	ld->m = m;
	ld->dl = dl;
	keys_index_init(&ld->keys);
	ld->links_cap = count_links(ld, root);
	if (ld->links_cap > 0)
		m->links = xmalloc(ld->links_cap * sizeof(relation));
	for (i = 0; i < root->n; i++) {
		const node *k = &root->items[2 * i], *v = &root->items[2 * i + 1];
		const char *key = k->str;

		if (strcmp(key, "kgraph") == 0) {
			if (load_text_value(ld, k, v) == NULL)
				continue;
			if (strcmp(v->str, "1") != 0)
				ERR(v, "format version %s is not one this "
				    "program reads; write 'kgraph: 1'",
				    dqn(dl, v->str, v->len > 20 ? 20 :
				    v->len));
			else
				m->version = 1;
		} else if (strcmp(key, "title") == 0) {
			m->title = load_text_value(ld, k, v);
		} else if (strcmp(key, "subtitle") == 0) {
			m->subtitle = load_text_value(ld, k, v);
		} else if (strcmp(key, "author") == 0) {
			m->author = load_text_value(ld, k, v);
		} else if (strcmp(key, "description") == 0) {
			m->description = load_text_value(ld, k, v);
		} else if (strcmp(key, "lang") == 0) {
			m->lang = load_text_value(ld, k, v);
			if (m->lang != NULL && !language_tag(m->lang)) {
				ERR(v, "lang %s is not a language tag; give one "
				    "such as en, de, ru, ko, zh-Hant or en-GB",
				    Q(m->lang));
				m->lang = NULL;
			}
		} else if (strcmp(key, "style") == 0) {
			if ((t = enum_value(ld, k, v, "citation style",
			    model_styles)) >= 0)
				m->style = (cite_style)t;
		} else if (strcmp(key, "bibliography") == 0) {
			str_list_value(ld, k, v, &m->bibliography);
		} else if (strcmp(key, "links") == 0) {
			size_t j;

			if (v->kind != NODE_SEQ) {
				if (v->kind == NODE_SCALAR && v->len == 0)
					continue;       /* "links:" alone */
				ERR(v, "'links' must be a list of links "
				    "(lines starting with '- ')");
				continue;
			}
			for (j = 0; j < v->n; j++)
				load_link(ld, &v->items[j]);
		} else if ((t = model_lookup(model_list_keys, key)) >= 0) {
			size_t j;

			if (v->kind != NODE_SEQ) {
				if (v->kind == NODE_SCALAR && v->len == 0)
					continue;       /* "events:" alone */
				ERR(v, "'%s' must be a list of %s (lines "
				    "starting with '- ')", key, key);
				continue;
			}
			for (j = 0; j < v->n; j++)
				load_item(ld, (item_type)t, &v->items[j]);
		} else {
			load_unknown_key(ld, k, "the model", top_keys);
		}
	}
	if (node_get(root, "kgraph") == NULL)
		ERR(root, "the model has no 'kgraph: 1' line, which says which "
		    "version of the format it uses");
	if (node_get(root, "title") == NULL)
		ERR(root, "the model has no 'title' (required)");
	/* Links come in file order when causes come before links, as they
	 * usually do; sort only when they do not. */
	for (i = 1; i < m->nlinks; i++)
		if (link_place_cmp(&m->links[i - 1], &m->links[i]) > 0)
			break;
	if (i < m->nlinks)
		qsort(m->links, m->nlinks, sizeof(relation), link_place_cmp);
	for (i = 0; i < m->nlinks; i++)
		m->links[i].index = i;
	return m;
}
