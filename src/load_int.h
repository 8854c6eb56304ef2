/* What the loader's files share: the loader's state and its helpers for
 * values. Only load.c and load_sources.c include it. */
#ifndef KG_LOAD_INT_H
#define KG_LOAD_INT_H

#include "keys.h"
#include "load.h"

#include <stdint.h>

/* A key's text and its code, remembered by the address of the text: the
 * reader stores each distinct key once, so a model's keys find their
 * codes here without comparing text. */
struct key_memo {
	const char *str;
	int code;
};
#define KEY_MEMO_SIZE 128

typedef struct {
	model *m;
	diag_list *dl;
	key_index keys;         /* the table of keys, for lookups */
	struct key_memo memo[KEY_MEMO_SIZE];
	size_t links_cap;       /* the room in m->links */
} loader;

#define ERR(n, ...) diag_add(ld->dl, DIAG_ERROR, (n)->line, (n)->col, \
	__VA_ARGS__)
#define Q(s) dq(ld->dl, (s))

/* The code of a key of the model (keys.h), or -1. */
int load_key_code(loader *ld, const node *key);
/* Reports key k, unknown in where, with the nearest of keys. */
void load_unknown_key(loader *ld, const node *k, const char *where,
    const char *const *keys);
/* A text field: a non-empty scalar that is not YAML's null; else NULL,
 * reported. */
const char *load_text_value(loader *ld, const node *k, const node *v);
model_place load_place_of(const node *n);
/* Reads v, the value of key k, as the table's field f says, into the
 * record at base (f->home says which kind of record). */
void load_field_value(loader *ld, void *base, const key_field *f,
    const node *k, const node *v);
/* The entries of 'sources': ids, or mappings of id and at. */
void load_sources_value(loader *ld, const node *k, const node *v,
    source_list *out);
/* Authors or editors: one name or a list. */
void load_names_value(loader *ld, const node *k, const node *v,
    ref_names *out);

#endif
