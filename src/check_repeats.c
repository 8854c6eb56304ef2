/* Repeated entries: a cause that names one item twice in its 'for' or
 * 'against', and a link given twice (the same two items, type and
 * label). Either would draw one arrow twice, or count one claim as two;
 * each is a warning at the repetition, naming the first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The place of a link for messages: a shorthand's is its target's. */
static void
link_place(const relation *l, int *line, int *col)
{
	*line = l->shorthand ? l->to_ref.line : l->line;
	*col = l->shorthand ? l->to_ref.col : l->col;
}

void
check_repeats(const model *m, diag_list *dl)
{
	strmap seen = {0};
	buf key = {0};
	size_t i;

	for (i = 0; i < m->nlinks; i++) {
		const relation *l = &m->links[i], *first;
		int line, col, fl, fc;

		if (l->from_ref.id == NULL || l->to_ref.id == NULL)
			continue;
		key.len = 0;
		buf_printf(&key, "%s\n%s\n%d\n%s", l->from_ref.id,
		    l->to_ref.id, (int)l->type, l->label ? l->label : "");
		first = strmap_get(&seen, key.s, key.len);
		if (first == NULL) {
			char *k = xmalloc(key.len + 1);

			memcpy(k, key.s, key.len + 1);
			strmap_put(&seen, k, key.len, (void *)l);
			continue;
		}
		link_place(l, &line, &col);
		link_place(first, &fl, &fc);
		if (l->shorthand && first->shorthand)
			diag_add(dl, DIAG_WARNING, line, col, "cause '%s' "
			    "names '%s' twice in its '%s' (first at %d:%d); "
			    "remove one", l->from_ref.id, l->to_ref.id,
			    l->type == LT_OPPOSES ? "against" : "for", fl, fc);
		else
			diag_add(dl, DIAG_WARNING, line, col, "the %s link "
			    "from '%s' to '%s' is given twice (first at "
			    "%d:%d); remove one, or join their sources",
			    model_link_type_names[l->type], l->from_ref.id,
			    l->to_ref.id, fl, fc);
	}
	for (i = 0; i < seen.cap; i++)
		free((void *)seen.entries[i].key);
	strmap_free(&seen);
	buf_free(&key);
}
