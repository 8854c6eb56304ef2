/* The checker: every rule of the model format that needs the whole model.
 * It resolves references, assigns each item its phase and each decision
 * its stance, and reports what is wrong or doubtful. */
#ifndef KG_CHECK_H
#define KG_CHECK_H

#include "model.h"

/* Resolves and checks m; problems go to dl. Returns the number of errors
 * it added. */
size_t check_model(model *m, diag_list *dl);
/* Warns of repeated entries: an item named twice in a cause's 'for' or
 * 'against', a link given twice (check_repeats.c). */
void check_repeats(const model *m, diag_list *dl);

#endif
