/* causes: decisions and events with the causes for and against each,
 * causes on the left and what they are for on the right; events that
 * lead to or cause them. */
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
