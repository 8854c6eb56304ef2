/* The loader: a document tree to a model of typed items. It reports the
 * shape of each item (unknown or missing keys, values of the wrong form,
 * bad ids, dates and urls), registers every id in the one id table, and
 * turns each cause's `for` and `against` into links. References are
 * resolved afterwards, by check.c. */
#ifndef KG_LOAD_H
#define KG_LOAD_H

#include "model.h"
#include "reader.h"

/* Builds a model from root; never NULL. The model (freed with
 * model_free) takes texts, the arena of root's scalars, as its own: the
 * caller may free the tree's own arena once it returns. Problems go to
 * dl. */
model *load_model(const node *root, arena *texts, const char *file,
    diag_list *dl);

/* Checks an id against the format's rule; NULL if it is valid, else a
 * message that says what is wrong. hint receives a suggested id, if any
 * (hint needs 65 bytes). */
const char *load_id_problem(const char *s, size_t len, char *hint);

#endif
