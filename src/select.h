/* The selection: which items and links a view or an export shows, after
 * the filters of the command line or of a model's view. */
#ifndef KG_SELECT_H
#define KG_SELECT_H

#include "model.h"

/* The filters; a NULL or empty field filters nothing. Comma-separated
 * lists, as on the command line. */
typedef struct {
	const char *phases, *actors, *groups, *kinds, *tags;
	const char *since, *until, *evidence, *focus;
	int depth;              /* -1 for the default, 1 */
	/* Not an option: per item type and index, the events, decisions
	 * and causes a caller keeps (a deck's part of a view); the others
	 * are left out. NULL keeps what the other filters select. */
	bool *const *keep;
} sel_filters;

typedef struct {
	const model *m;
	bool any;               /* some filter was given */
	bool *phase;            /* per phase: selected (by number - 1) */
	bool *item[IT__COUNT];  /* per item, by index: selected */
	bool *link;             /* per link: selected */
} selection;

/* Applies the filters to m into sel (the caller frees it with sel_free).
 * Returns true, or false with a usage message in err (of size errsize)
 * that names the bad value and lists the valid ones. */
bool sel_apply(const model *m, const sel_filters *f, selection *sel,
    char *err, size_t errsize);
void sel_free(selection *sel);

/* Fills f from a model's view; command-line values already in f win. */
void sel_from_view(const item *view, sel_filters *f, arena *a);

#endif
