/* Bibliographies: the files a model names in 'bibliography', BibTeX
 * (bib_bibtex.c) or CSL-JSON (bib_csl.c), whose entries become sources
 * that the model's items cite by key. Read after the model is loaded and
 * before it is checked. */
#ifndef KG_BIBLIOGRAPHY_H
#define KG_BIBLIOGRAPHY_H

#include "diag.h"
#include "model.h"

/* Reads the model's bibliographies, relative to dir (the model's folder;
 * "." for standard input), and adds their entries to m as sources.
 * Problems go to dl: those of a file with its name and place, those of
 * the model at the file's name in the model. */
void bibliography_load(model *m, const char *dir, diag_list *dl);

/* The most bytes a bibliography file may have. */
#define BIB_MAX_BYTES (64u << 20)

/* What a reader of one file works with. */
typedef struct {
	model *m;
	const char *file;       /* the file's name in messages (in m's
	                         * arena) */
	const char *path;       /* the path it is opened at */
	diag_list *dl;
	model_place at;         /* the file's name in the model */
	item **items;           /* the entries read, in file order */
	size_t n, cap;
} bib_file;

/* A new source for the entry key (copied), at line of the file; NULL,
 * with a message, when the key cannot be a source id. The reader fills
 * its fields. */
item *bib_entry(bib_file *bf, const char *key, int line, int col);
/* Sets the field named as in CSL-JSON (name) of entry it to text, a
 * copy of which the model keeps; false if CSL-JSON has no such field
 * that kgraph prints. Names and dates have their own calls. */
bool bib_field(bib_file *bf, item *it, const char *name, const char *text);
/* Adds a name to the authors (editor false) or editors of it. */
void bib_name(bib_file *bf, item *it, bool editor, const char *family,
    const char *given, const char *suffix, const char *literal);
/* Sets the date a source was issued from its parts (month and day 0
 * when not known); false, with a message, when there is no such day. */
bool bib_issued(bib_file *bf, item *it, int y, int m, int d, int line);
/* Sets the type of it from a CSL type; false if it is not one. */
bool bib_type(bib_file *bf, item *it, const char *type);

/* LaTeX text, as BibTeX fields hold it, as Unicode text in NFC: accents
 * on their letters, letter commands as letters, braces and math shifts
 * gone, ~ as a no-break space, -- and --- as dashes, `` and '' as
 * quotes. The caller frees it. */
char *bib_tex_to_utf8(const char *s);

/* The readers: each adds the file's entries with bib_entry; problems go
 * to bf->dl with the file's name. */
void bib_read_bibtex(bib_file *bf);
void bib_read_csl(bib_file *bf);

#endif
