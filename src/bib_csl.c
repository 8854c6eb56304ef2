/* CSL-JSON bibliographies, as Zotero, Mendeley and pandoc write them: a
 * list of entries, each with an "id", a "type" and fields named as
 * kgraph's structured sources name them. JSON is YAML, so the model's
 * reader reads it, with its places, limits and checks (duplicate keys,
 * depth); only the JSON escape of a character beyond the Basic
 * Multilingual Plane, a pair of \u escapes, is rewritten for it first. */
#include "bibliography.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "reader.h"

#define ERR_AT(bf, n, ...) diag_add_in((bf)->dl, (bf)->file, DIAG_ERROR, \
	(n)->line, (n)->col, __VA_ARGS__)

static int
hex4(const char *s)
{
	int v = 0, i;

	for (i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* Where a \uD8xx\uDCxx pair was joined: its line, and the column its
 * \U escape starts at in the rewritten text. */
typedef struct {
	int line, col;
} joined;

/* Rewrites each \uD8xx\uDCxx pair (JSON's way to write U+10000 and
 * above) as YAML's \UXXXXXXXX, in place, and lists where in *at (*nat
 * of them, in the order of the text): the text gets two characters
 * shorter at each, which unjoin() gives back to the places read from it.
 * Returns the new length. A backslash escaped by a backslash is not the
 * start of an escape. Columns count characters, as libyaml's do. */
static size_t
join_surrogates(char *s, size_t n, joined **at, size_t *nat)
{
	size_t i = 0, o = 0, cap = 0;
	int line = 1, col = 1;

	*at = NULL;
	*nat = 0;
	while (i < n) {
		if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\\') {
			s[o++] = s[i++];
			s[o++] = s[i++];
			col += 2;
			continue;
		}
		if (s[i] == '\\' && i + 12 <= n && s[i + 1] == 'u' &&
		    s[i + 6] == '\\' && s[i + 7] == 'u') {
			int hi = hex4(s + i + 2), lo = hex4(s + i + 8);

			if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 &&
			    lo <= 0xdfff) {
				long cp = 0x10000 + ((long)(hi - 0xd800) << 10) +
				    (lo - 0xdc00);

				if (*nat == cap) {
					cap = cap ? 2 * cap : 16;
					*at = xrealloc(*at, cap * sizeof(**at));
				}
				(*at)[(*nat)++] = (joined){line, col};
				o += (size_t)snprintf(s + o, 11, "\\U%08lX", cp);
				i += 12;
				col += 10;
				continue;
			}
		}
		if (s[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80) {
			col++;
		}
		s[o++] = s[i++];
	}
	s[o] = '\0';
	return o;
}

/* The column in the file of a place read from the rewritten text: two
 * further right for each pair joined before it on its line (found by
 * halving, as a file may hold many). */
static int
unjoin(const joined *at, size_t nat, int line, int col)
{
	size_t lo = 0, hi = nat, first;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (at[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	hi = nat;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (at[mid].line == line && at[mid].col < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return col + 2 * (int)(lo - first);
}

/* Gives every node of the tree under n its column in the file. The
 * reader bounds the depth of a tree. */
static void
unjoin_tree(node *n, const joined *at, size_t nat)
{
	uint32_t i;

	n->col = unjoin(at, nat, n->line, n->col);
	if (n->kind == NODE_SEQ)
		for (i = 0; i < n->n; i++)
			unjoin_tree(&n->items[i], at, nat);
	else if (n->kind == NODE_MAP)
		for (i = 0; i < 2 * n->n; i++)
			unjoin_tree(&n->items[i], at, nat);
}

/* CSL's names: [{family, given, suffix}] or [{literal}]; the particles
 * of a name are added to the family or given name as a historian
 * writes them. */
static void
csl_names(bib_file *bf, item *it, bool editor, const node *v)
{
	size_t i;

	if (v->kind != NODE_SEQ) {
		ERR_AT(bf, v, "entry '%s': '%s' must be a list of names",
		    it->id, editor ? "editor" : "author");
		return;
	}
	for (i = 0; i < v->n; i++) {
		const node *e = &v->items[i];
		const node *fam, *giv, *lit, *part, *suffix;
		buf family = {0}, given = {0};

		if (e->kind != NODE_MAP) {
			ERR_AT(bf, e, "entry '%s': a name must be a mapping "
			    "such as {\"family\": ..., \"given\": ...}",
			    it->id);
			continue;
		}
		fam = node_get(e, "family");
		giv = node_get(e, "given");
		lit = node_get(e, "literal");
		part = node_get(e, "non-dropping-particle");
		suffix = node_get(e, "suffix");
		if (part != NULL && part->kind == NODE_SCALAR)
			buf_printf(&family, "%s ", part->str);
		if (fam != NULL && fam->kind == NODE_SCALAR)
			buf_puts(&family, fam->str);
		if (giv != NULL && giv->kind == NODE_SCALAR)
			buf_puts(&given, giv->str);
		if ((part = node_get(e, "dropping-particle")) != NULL &&
		    part->kind == NODE_SCALAR)
			buf_printf(&given, "%s%s", given.len ? " " : "",
			    part->str);
		bib_name(bf, it, editor, family.s, given.s,
		    suffix != NULL && suffix->kind == NODE_SCALAR ? suffix->str :
		    NULL, lit != NULL && lit->kind == NODE_SCALAR ? lit->str :
		    NULL);
		buf_free(&family);
		buf_free(&given);
	}
}

/* A whole number in a scalar, or -1. */
static int
number(const node *n)
{
	if (n == NULL || n->kind != NODE_SCALAR || n->len == 0 || n->len > 4 ||
	    strspn(n->str, "0123456789") != n->len)
		return -1;
	return atoi(n->str);
}

/* CSL's dates: {"date-parts": [[1995, 3, 5]]}, or a "raw" or "literal"
 * text in the model's form (1995, 1995-03-05). */
static void
csl_issued(bib_file *bf, item *it, const node *v)
{
	const node *parts = v->kind == NODE_MAP ? node_get(v, "date-parts") :
	    NULL;
	const node *raw = v->kind == NODE_MAP ? node_get(v, "raw") : NULL;

	if (raw == NULL && v->kind == NODE_MAP)
		raw = node_get(v, "literal");
	if (parts != NULL && parts->kind == NODE_SEQ && parts->n > 0 &&
	    parts->items[0].kind == NODE_SEQ && parts->items[0].n > 0) {
		const node *p = &parts->items[0];
		int y = number(&p->items[0]);
		int m = p->n > 1 ? number(&p->items[1]) : 0;
		int d = p->n > 2 ? number(&p->items[2]) : 0;

		if (y < 0 || m < 0 || d < 0)
			ERR_AT(bf, p, "entry '%s': the date's parts must be "
			    "whole numbers: [year, month, day]", it->id);
		else
			bib_issued(bf, it, y, m, d, p->line);
		return;
	}
	if (raw != NULL && raw->kind == NODE_SCALAR) {
		date d = {0};

		if (date_parse(raw->str, raw->len, &d) == NULL)
			it->reference->issued = d;
		else
			diag_add_in(bf->dl, bf->file, DIAG_WARNING, raw->line,
			    raw->col, "entry '%s': the date '%s' is not in a "
			    "form kgraph reads (1995, 1995-03, 1995-03-05); "
			    "it is left out", it->id, raw->str);
		return;
	}
	ERR_AT(bf, v, "entry '%s': a date must be {\"date-parts\": [[year, "
	    "month, day]]}", it->id);
}

static void
csl_entry(bib_file *bf, const node *e)
{
	const node *id = e->kind == NODE_MAP ? node_get(e, "id") : NULL;
	item *it;
	size_t j;

	if (e->kind != NODE_MAP) {
		ERR_AT(bf, e, "each entry of a CSL-JSON file must be a mapping "
		    "with an \"id\"");
		return;
	}
	if (id == NULL || id->kind != NODE_SCALAR) {
		ERR_AT(bf, e, "an entry has no \"id\"; kgraph cites entries by "
		    "their ids");
		return;
	}
	if ((it = bib_entry(bf, id->str, id->line, id->col)) == NULL)
		return;
	for (j = 0; j < e->n; j++) {
		const node *k = &e->items[2 * j], *v = &e->items[2 * j + 1];

		if (strcmp(k->str, "id") == 0)
			continue;
		if (strcmp(k->str, "author") == 0 ||
		    strcmp(k->str, "editor") == 0) {
			csl_names(bf, it, k->str[0] == 'e', v);
		} else if (strcmp(k->str, "issued") == 0) {
			csl_issued(bf, it, v);
		} else if (strcmp(k->str, "type") == 0) {
			if (v->kind != NODE_SCALAR || !bib_type(bf, it, v->str))
				diag_add_in(bf->dl, bf->file, DIAG_WARNING,
				    v->line, v->col, "entry '%s': '%s' is not "
				    "a CSL type; it is printed as a document",
				    it->id, v->kind == NODE_SCALAR ? v->str :
				    "?");
		} else if (v->kind == NODE_SCALAR) {
			/* Fields kgraph does not print (abstract, ISBN,
			 * accessed...) are a reference manager's own. */
			bib_field(bf, it, k->str, v->str);
		}
	}
	if (it->title == NULL)
		diag_add_in(bf->dl, bf->file, DIAG_WARNING, e->line, e->col,
		    "entry '%s' has no \"title\"", it->id);
}

void
bib_read_csl(bib_file *bf)
{
	FILE *fp = fopen(bf->path, "rb");
	diag_list own = {0};
	char *text = NULL;
	joined *at = NULL;
	size_t len = 0, i, nat = 0;
	arena *tree;
	node *root;

	if (fp == NULL) {
		diag_add_in(bf->dl, bf->file, DIAG_ERROR, 0, 0, "cannot open: "
		    "%s", strerror(errno));
		return;
	}
	own.file = bf->file;
	if (!reader_slurp(fp, &text, &len, &own)) {
		fclose(fp);
		goto out;
	}
	fclose(fp);
	len = join_surrogates(text, len, &at, &nat);
	tree = arena_new();
	root = reader_parse_any(text, len, tree, bf->m->arena, &own);
	if (root != NULL && nat > 0)
		unjoin_tree(root, at, nat);
	if (root != NULL && root->kind != NODE_SEQ) {
		diag_add(&own, DIAG_ERROR, root->line, root->col, "a CSL-JSON "
		    "bibliography is a list of entries ([{\"id\": ..., "
		    "\"type\": ..., ...}]), as Zotero's \"Export "
		    "Collection...\" writes it in the CSL JSON format");
	} else if (root == NULL && own.errors == 0) {
		diag_add(&own, DIAG_WARNING, 0, 0, "the file is empty");
	} else if (root != NULL) {
		for (i = 0; i < root->n; i++)
			csl_entry(bf, &root->items[i]);
	}
	arena_free(tree);
out:
	/* The reader's messages, as the file's. */
	for (i = 0; i < own.n; i++) {
		const char *msg = own.v[i].msg, *w;
		bool yaml = strncmp(msg, "invalid YAML: ", 14) == 0;
		int line = own.v[i].line, l, c;
		buf t = {0};

		buf_printf(&t, "%s%s", yaml ? "invalid JSON: " : "",
		    yaml ? msg + 14 : msg);
		/* The place a message names at its end, as in the file. */
		if ((w = strstr(t.s, " that starts at ")) != NULL &&
		    sscanf(w + 16, "%d:%d", &l, &c) == 2) {
			t.len = (size_t)(w - t.s);
			buf_printf(&t, " that starts at %d:%d", l,
			    unjoin(at, nat, l, c));
		}
		diag_add_in(bf->dl, bf->file, own.v[i].level, line,
		    unjoin(at, nat, line, own.v[i].col), "%s", t.s);
		buf_free(&t);
	}
	free(at);
	free(text);
	diag_free(&own);
}
