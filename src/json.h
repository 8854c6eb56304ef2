/* The JSON export: the resolved model, or a selection of it, with keys in
 * a fixed order so that the same input gives the same bytes. */
#ifndef KG_JSON_H
#define KG_JSON_H

#include "select.h"

/* Appends the model (or, when sel->any, only the selection) to out. */
void json_model(buf *out, const model *m, const selection *sel);
/* Appends s as a JSON string literal. */
void json_string(buf *out, const char *s);
/* Appends authors or editors as CSL-JSON writes them: [{"family",
 * "given", "suffix"}] or [{"literal"}], and {"literal": "others"} for
 * "and others". */
void json_names(buf *out, const ref_names *l);

#endif
