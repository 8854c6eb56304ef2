/* causes: decisions and events with the causes for and against each,
 * and the events that lead to or cause them; the dated ones in date
 * order along the rank axis as in the overview (top to bottom by
 * default), each one's causes just before it on that axis. */
#include "views.h"

/* A response answers an event; it does not explain one. */
static bool
explains(const relation *l)
{
	return l->type != LT_RESPONDS_TO;
}

void
view_causes(graph_ctx *gc)
{
	view_items_and_links(gc, explains);
}
