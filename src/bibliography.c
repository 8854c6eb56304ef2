#include "bibliography.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"

#define ERR_IN(bf, line, ...) diag_add_in((bf)->dl, (bf)->file, \
	DIAG_ERROR, (line), 0, __VA_ARGS__)

/* A key as a source id: what ids allow, and capital letters, '.', ':'
 * and '/', as reference managers make keys ("Bajanov:1995",
 * "bajanov.assessing/1995"). NULL if it is one, else what is wrong. */
static const char *
key_problem(const char *key)
{
	size_t n = strlen(key), i;

	if (n == 0)
		return "is empty";
	if (n > 128)
		return "is longer than 128 bytes";
	if (!isalnum((unsigned char)key[0]))
		return "must start with a letter or a digit";
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)key[i]) &&
		    strchr("_-.:/", key[i]) == NULL)
			return "may hold only letters, digits and _ - . : /";
	if (strstr(key, "--") != NULL)
		return "may not hold '--', which kgraph keeps for the ids of "
		    "the picture's own parts";
	return NULL;
}

item *
bib_entry(bib_file *bf, const char *key, int line, int col)
{
	const char *bad = key_problem(key);
	item *it;

	if (bad != NULL) {
		char q[96];

		diag_add_in(bf->dl, bf->file, DIAG_ERROR, line, col, "key %s %s",
		    diag_quote(q, sizeof(q), key, strlen(key)), bad);
		return NULL;
	}
	it = arena_alloc(bf->m->arena, sizeof(*it));
	it->type = IT_SOURCE;
	it->id = arena_strdup(bf->m->arena, key);
	/* The model's messages about the source point at the file's name
	 * in the model; its own place is kept in its reference. */
	it->line = bf->at.line;
	it->col = bf->at.col;
	it->ascii = true;
	it->reference = arena_alloc(bf->m->arena, sizeof(*it->reference));
	it->reference->file = bf->file;
	it->reference->line = line;
	if (bf->n == bf->cap) {
		bf->cap = bf->cap ? 2 * bf->cap : 64;
		bf->items = xrealloc(bf->items, bf->cap * sizeof(item *));
	}
	bf->items[bf->n++] = it;
	return it;
}

/* A copy of text that the model keeps, with its controls (which no
 * picture can show) turned into spaces; marks it as not all ASCII when
 * it is not. */
static const char *
keep(bib_file *bf, item *it, const char *text)
{
	char *s = arena_strdup(bf->m->arena, text), *p;

	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
		else if ((unsigned char)*p >= 0x80)
			it->ascii = false;
	}
	return s;
}

bool
bib_field(bib_file *bf, item *it, const char *name, const char *text)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
		{"container-title", offsetof(reference, container_title)},
		{"collection-title", offsetof(reference, collection_title)},
		{"volume", offsetof(reference, volume)},
		{"issue", offsetof(reference, issue)},
		{"page", offsetof(reference, page)},
		{"publisher", offsetof(reference, publisher)},
		{"publisher-place", offsetof(reference, publisher_place)},
		{"archive_location", offsetof(reference, archive_location)},
		{"DOI", offsetof(reference, DOI)},
		{"language", offsetof(reference, language)},
	};
	size_t i;

	if (text == NULL || text[strspn(text, " \t\n")] == '\0')
		return true;
	if (strcmp(name, "title") == 0) {
		it->title = keep(bf, it, text);
		return true;
	}
	if (strcmp(name, "archive") == 0) {
		it->archive = keep(bf, it, text);
		return true;
	}
	if (strcmp(name, "note") == 0) {
		it->note = keep(bf, it, text);
		return true;
	}
	if (strcmp(name, "URL") == 0) {
		/* Printed and linked only when it has an allowed form. */
		if (model_url_allowed(text))
			it->reference->URL = keep(bf, it, text);
		return true;
	}
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(name, fields[i].name) == 0) {
			*(const char **)((char *)it->reference +
			    fields[i].offset) = keep(bf, it, text);
			return true;
		}
	}
	return false;
}

void
bib_name(bib_file *bf, item *it, bool editor, const char *family,
    const char *given, const char *suffix, const char *literal)
{
	ref_names *l = editor ? &it->reference->editor :
	    &it->reference->author;
	ref_name *n;

	/* "others" or "et al." as a name: more than are named. */
	if (literal != NULL && (strcmp(literal, "others") == 0 ||
	    strcmp(literal, "et al.") == 0) && family == NULL) {
		l->others = true;
		return;
	}
	if ((l->n & (l->n - 1)) == 0) {
		ref_name *v = arena_alloc(bf->m->arena, (l->n ? 2 * l->n : 1) *
		    sizeof(*v));

		if (l->n > 0)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
	}
	n = &l->v[l->n++];
	memset(n, 0, sizeof(*n));
	if (family != NULL && *family != '\0')
		n->family = keep(bf, it, family);
	if (given != NULL && *given != '\0')
		n->given = keep(bf, it, given);
	if (suffix != NULL && *suffix != '\0')
		n->suffix = keep(bf, it, suffix);
	if (literal != NULL && *literal != '\0')
		n->literal = keep(bf, it, literal);
	if (n->family == NULL && n->literal == NULL) {
		if (n->given != NULL) {
			n->literal = n->given;  /* a name of one part */
			n->given = NULL;
		} else {
			l->n--;
		}
	}
}

bool
bib_issued(bib_file *bf, item *it, int y, int m, int d, int line)
{
	char text[32];
	const char *err;
	date out = {0};

	if (m > 0 && d > 0)
		snprintf(text, sizeof(text), "%04d-%02d-%02d", y, m, d);
	else if (m > 0)
		snprintf(text, sizeof(text), "%04d-%02d", y, m);
	else
		snprintf(text, sizeof(text), "%04d", y);
	if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31 ||
	    (err = date_parse(text, strlen(text), &out)) != NULL) {
		ERR_IN(bf, line, "entry '%s': no such date as year %d, month "
		    "%d, day %d", it->id, y, m, d);
		return false;
	}
	it->reference->issued = out;
	return true;
}

bool
bib_type(bib_file *bf, item *it, const char *type)
{
	int i = model_lookup(model_source_types, type);

	(void)bf;
	if (i < 0)
		return false;
	it->reference->type = model_source_types[i];
	return true;
}

/* Adds the entries of bf to the model, each key once among the model's
 * ids and the keys of every file. */
static void
register_entries(bib_file *bf)
{
	model *m = bf->m;
	size_t i;

	for (i = 0; i < bf->n; i++) {
		item *it = bf->items[i];
		item *old = strmap_put(&m->ids, it->id, strlen(it->id), it);

		if (old == NULL) {
			model_add_item(m, it);
		} else if (old->reference != NULL &&
		    old->reference->file != NULL) {
			ERR_IN(bf, it->reference->line, "key '%s' is defined "
			    "twice: here and in %s, line %d; keep one of them",
			    it->id, old->reference->file,
			    old->reference->line);
		} else {
			diag_add(bf->dl, DIAG_ERROR, old->line, old->col,
			    "%s '%s' has the id of an entry of %s (line %d); "
			    "the model's ids and the keys of its "
			    "bibliographies share one namespace: rename one, "
			    "or leave the source to the bibliography",
			    model_type_names[old->type], it->id, bf->file,
			    it->reference->line);
		}
	}
}

/* Reads one file that the model names at at. */
static void
read_one(model *m, const char *dir, const char *name, model_place at,
    diag_list *dl)
{
	bib_file bf = {0};
	const char *ext = strrchr(name, '.');
	struct stat st;
	buf path = {0};
	char q[200];

	diag_quote(q, sizeof(q), name, strlen(name));
	if (name[0] == '/') {
		diag_add(dl, DIAG_ERROR, at.line, at.col, "bibliography %s is "
		    "an absolute path; give it relative to the model's "
		    "folder, so that the model and its bibliography move "
		    "together", q);
		return;
	}
	if (ext == NULL || (strcasecmp(ext, ".bib") != 0 &&
	    strcasecmp(ext, ".json") != 0)) {
		diag_add(dl, DIAG_ERROR, at.line, at.col, "bibliography %s is "
		    "neither BibTeX (.bib) nor CSL-JSON (.json); export the "
		    "references from the reference manager in one of those "
		    "formats", q);
		return;
	}
	if (strcmp(dir, ".") != 0)
		buf_printf(&path, "%s/", dir);
	buf_puts(&path, name);
	if (stat(path.s, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(dl, DIAG_ERROR, at.line, at.col, "cannot read "
		    "bibliography %s: %s", q, stat(path.s, &st) != 0 ?
		    strerror(errno) : "it is not a file");
		buf_free(&path);
		return;
	}
	if ((uint64_t)st.st_size > BIB_MAX_BYTES) {
		diag_add(dl, DIAG_ERROR, at.line, at.col, "bibliography %s is "
		    "larger than %u MiB", q, BIB_MAX_BYTES >> 20);
		buf_free(&path);
		return;
	}
	bf.m = m;
	bf.dl = dl;
	bf.at = at;
	bf.path = path.s;
	bf.file = arena_strdup(m->arena, path.s);
	if (strcasecmp(ext, ".bib") == 0)
		bib_read_bibtex(&bf);
	else
		bib_read_csl(&bf);
	register_entries(&bf);
	free(bf.items);
	buf_free(&path);
}

void
bibliography_load(model *m, const char *dir, diag_list *dl)
{
	size_t i, j;

	for (i = 0; i < m->bibliography.n; i++) {
		/* A file named twice is read once. */
		for (j = 0; j < i; j++)
			if (strcmp(m->bibliography.v[j],
			    m->bibliography.v[i]) == 0)
				break;
		if (j == i)
			read_one(m, dir, m->bibliography.v[i],
			    m->bibliography.places[i], dl);
	}
}
