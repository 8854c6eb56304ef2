/* The loader's part for sources: the references items make to them,
 * with the place in the source ("at"), and the names of a structured
 * source's authors and editors. */
#include "load_int.h"

#include <string.h>
#include <strings.h>

/* Keys that a historian writes for the place in a source ("page: 45"),
 * with the word the locator takes in 'at'. */
static const char *const locator_keys[][2] = {
	{"page", "p."}, {"pages", "pp."}, {"p", "p."}, {"pp", "pp."},
	{"folio", "f."}, {"fol", "f."}, {"chapter", "ch."}, {"section",
	"sec."}, {"note", "n."}, {"n", "n."}, {"line", "l."}, {"loc", ""},
	{"locator", ""}, {"volume", "vol."}, {"vol", "vol."}, {"paragraph",
	"para."}, {"column", "col."}, {"sheet", "l."}, {"doc", "doc."},
	{"document", "doc."},
};

static int
locator_index(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(locator_keys) / sizeof(locator_keys[0]); i++)
		if (strcasecmp(key, locator_keys[i][0]) == 0)
			return (int)i;
	return -1;
}

static bool
locator_key(const char *key)
{
	return locator_index(key) >= 0;
}

static const char *
locator_word(const char *key)
{
	int i = locator_index(key);

	return i >= 0 ? locator_keys[i][1] : "";
}

void
load_sources_value(loader *ld, const node *k, const node *v, source_list *out)
{
	size_t i, n = v->kind == NODE_SEQ ? v->n : 1;

	out->v = arena_alloc(ld->m->arena, n * sizeof(*out->v));
	for (i = 0; i < n; i++) {
		const node *e = v->kind == NODE_SEQ ? &v->items[i] : v;
		source_ref *sr = &out->v[out->n];

		if (e->kind == NODE_SEQ) {
			ERR(e, "each entry of '%s' must be a source id or "
			    "{ id: ..., at: ... }", k->str);
			continue;
		}
		if (e->kind == NODE_SCALAR) {
			if (e->len == 0) {
				ERR(e, "an entry of '%s' is empty", k->str);
				continue;
			}
			sr->src.id = e->str;
			sr->src.line = e->line;
			sr->src.col = e->col;
			out->n++;
			continue;
		}
		{
			size_t j;
			bool ok = true;

			for (j = 0; j < e->n; j++) {
				const node *kk = &e->items[2 * j];
				const node *vv = &e->items[2 * j + 1];
				int code = load_key_code(ld, kk);
				const key_field *f = code < 0 ? NULL :
				    ld->keys.field[KEYS_SOURCE_REF][code];

				if (f != NULL) {
					load_field_value(ld, sr, f, kk, vv);
				} else if (locator_key(kk->str)) {
					const node *id = node_get(e, "id");

					ERR(kk, "%s is not a key of a source "
					    "reference; give the place in the "
					    "source as 'at': { id: %s, at: "
					    "\"%s%s%s\" }", Q(kk->str), id &&
					    id->kind == NODE_SCALAR ? id->str :
					    "...", locator_word(kk->str),
					    *locator_word(kk->str) ? " " : "",
					    vv->kind == NODE_SCALAR ? vv->str :
					    "...");
					ok = false;
				} else {
					load_unknown_key(ld, kk,
					    "a source reference",
					    ld->keys.names[KEYS_SOURCE_REF]);
					ok = false;
				}
			}
			if (sr->src.id == NULL) {
				if (node_get(e, "id") == NULL)
					ERR(e, "a source reference needs an "
					    "'id'");
				ok = false;
			}
			if (ok)
				out->n++;
		}
	}
}

/* One name of an author or editor: "Family, Given", a name without a
 * comma used as written (an institution), or a mapping of family and
 * given, or of literal. */
static bool
name_value(loader *ld, const node *k, const node *e, ref_name *out)
{
	size_t j;

	if (e->kind == NODE_SCALAR) {
		const char *comma;

		if (load_text_value(ld, k, e) == NULL)
			return false;
		if ((comma = strchr(e->str, ',')) == NULL) {
			out->literal = e->str;
			return true;
		}
		out->family = arena_strndup(ld->m->arena, e->str,
		    (size_t)(comma - e->str));
		comma += strspn(comma + 1, " ") + 1;
		out->given = *comma ? comma : NULL;
		return true;
	}
	if (e->kind != NODE_MAP) {
		ERR(e, "each name in '%s' must be \"Family, Given\" or "
		    "{ family: ..., given: ... }", k->str);
		return false;
	}
	for (j = 0; j < e->n; j++) {
		const node *kk = &e->items[2 * j], *vv = &e->items[2 * j + 1];
		const char **at = strcmp(kk->str, "family") == 0 ? &out->family :
		    strcmp(kk->str, "given") == 0 ? &out->given :
		    strcmp(kk->str, "suffix") == 0 ? &out->suffix :
		    strcmp(kk->str, "literal") == 0 ? &out->literal : NULL;
		static const char *const name_keys[] = {"family", "given",
		    "suffix", "literal", NULL};

		if (at == NULL)
			load_unknown_key(ld, kk, "a name", name_keys);
		else
			*at = load_text_value(ld, kk, vv);
	}
	if (out->family == NULL && out->literal == NULL) {
		ERR(e, "a name in '%s' needs a 'family' (or a 'literal' for a "
		    "body such as an archive or a ministry)", k->str);
		return false;
	}
	return true;
}

void
load_names_value(loader *ld, const node *k, const node *v, ref_names *out)
{
	size_t i, n = v->kind == NODE_SEQ ? v->n : 1;

	out->v = arena_alloc(ld->m->arena, n * sizeof(*out->v));
	for (i = 0; i < n; i++) {
		ref_name *nm = &out->v[out->n];

		if (!name_value(ld, k, v->kind == NODE_SEQ ? &v->items[i] : v,
		    nm))
			continue;
		/* "others" or "et al.": more than are named. */
		if (nm->literal != NULL && (strcmp(nm->literal, "others") == 0 ||
		    strcmp(nm->literal, "et al.") == 0)) {
			memset(nm, 0, sizeof(*nm));
			out->others = true;
			continue;
		}
		out->n++;
	}
}

