/* causes: decisions and events with the causes for and against each,
 * and the events that lead to, cause or answer them; the dated ones in
 * date order along the rank axis as in the overview (top to bottom by
 * default), each one's causes just before it on that axis, with labels
 * wrapped wider than the overview's. */
#include "views.h"

void
view_causes(graph_ctx *gc)
{
	view_items_and_links(gc);
}
