/* The model's sources as CSL-JSON, for a reference manager (Zotero,
 * Mendeley, pandoc): the model's own sources and the entries of its
 * bibliographies that it cites, each with its id, type and fields. */
#ifndef KG_EXPORT_CSL_H
#define KG_EXPORT_CSL_H

#include "select.h"

/* Appends the sources that sel keeps (all, when sel is NULL) to out. */
void export_csl(buf *out, const model *m, const selection *sel);

#endif
