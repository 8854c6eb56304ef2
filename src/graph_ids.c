/* The ids cgraph gives the graph stage's subgraphs: in the order they are
 * made. cgraph's default ids of named objects are the addresses of their
 * names, and it keeps subgraphs in the order of their ids: the order of
 * the clusters in the dot output, and so the layout, would follow where
 * malloc put their names (it differed between a plain build and one
 * with AddressSanitizer). Here the n-th subgraph made gets the id
 * 2n + 1 and its name is kept in a table of this discipline's own
 * (the text itself among cgraph's strings), freed with the graph. Nodes and edges, which cgraph keeps in the order they
 * are made anyway, and the root graph keep cgraph's default ids (its
 * own table of names leaks the entries of subgraphs in Graphviz 2.43). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"
#include "util.h"

typedef struct {
	Agraph_t *g;            /* the root */
	char **names;           /* by (id - 1) / 2; NULL for anonymous */
	size_t n, cap;
	size_t *slots;          /* a hash table of names: index + 1 */
	size_t nslots;
} ids;

static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot of name s: the one that holds it, or the empty one where it
 * would go. */
static size_t *
slot(ids *t, const char *s)
{
	size_t i = (size_t)hash(s) & (t->nslots - 1);

	while (t->slots[i] != 0 && strcmp(t->names[t->slots[i] - 1], s) != 0)
		i = (i + 1) & (t->nslots - 1);
	return &t->slots[i];
}

static size_t
add(ids *t, const char *s)
{
	size_t i;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->names = xrealloc(t->names, t->cap * sizeof(*t->names));
	}
	/* cgraph's own copy: agwrite() reads a flag of its strings. */
	t->names[t->n] = s ? agstrdup(t->g, (char *)s) : NULL;
	if (s != NULL && 2 * (t->n + 1) > t->nslots) {
		/* Grow the table to four times the names, and hash again. */
		free(t->slots);
		t->nslots = 4 * t->cap;
		t->slots = xcalloc(t->nslots, sizeof(size_t));
		for (i = 0; i < t->n; i++)
			if (t->names[i] != NULL)
				*slot(t, t->names[i]) = i + 1;
	}
	if (s != NULL)
		*slot(t, s) = t->n + 1;
	return t->n++;
}

static void *
ids_open(Agraph_t *g, Agdisc_t *disc)
{
	ids *t = xcalloc(1, sizeof(*t));

	(void)disc;
	t->g = g;
	return t;
}

static long
ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	ids *t = state;
	size_t *at;

	/* The root's name comes first, before its id is set. */
	if (objtype != AGRAPH || (str != NULL && AGID(t->g) == 0))
		return AgIdDisc.map(t->g, objtype, str, id, createflag);
	if (str != NULL && t->nslots > 0 && *(at = slot(t, str)) != 0) {
		*id = (IDTYPE)(2 * (*at - 1) + 1);
		return 1;
	}
	if (!createflag)
		return 0;
	*id = (IDTYPE)(2 * add(t, str) + 1);
	return 1;
}

static long
ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0;
}

static void
ids_free(void *state, int objtype, IDTYPE id)
{
	ids *t = state;

	if (objtype != AGRAPH || id % 2 == 0)
		AgIdDisc.free(t->g, objtype, id);
}

static char *
ids_print(void *state, int objtype, IDTYPE id)
{
	ids *t = state;

	if (objtype != AGRAPH || id % 2 == 0)
		return AgIdDisc.print(t->g, objtype, id);
	return (size_t)(id - 1) / 2 < t->n ? t->names[(id - 1) / 2] : NULL;
}

static void
ids_close(void *state)
{
	ids *t = state;

	/* The names go with cgraph's strings, at its close. */
	free(t->names);
	free(t->slots);
	free(t);
}

static void
ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t in_order = {
	ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close,
	ids_register
};

Agdisc_t graph_ids_disc = {&AgMemDisc, &in_order, &AgIoDisc};
