#include "reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static bool
too_large(diag_list *dl)
{
	diag_add(dl, DIAG_ERROR, 0, 0, "the file is larger than %u MiB, the "
	    "limit for a model", READER_MAX_FILE / (1024 * 1024));
	return false;
}

bool
reader_slurp(FILE *fp, char **text, size_t *len, diag_list *dl)
{
	struct stat st;
	char *s;
	size_t n = 0, cap = 65536, got;

	/* A regular file is read in one piece into a buffer of its size:
	 * growing a buffer by doubling would copy a large model several
	 * times, and leave it in a block up to twice its size. Of the two
	 * bytes more, one is for the NUL and one shows a file that has grown
	 * since fstat. */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0) {
		if ((uintmax_t)st.st_size > READER_MAX_FILE)
			return too_large(dl);
		cap = (size_t)st.st_size + 2;
	}
	s = xmalloc(cap);
	while ((got = fread(s + n, 1, cap - 1 - n, fp)) > 0) {
		n += got;
		if (n > READER_MAX_FILE) {
			free(s);
			return too_large(dl);
		}
		/* Larger than it was, or not a regular file. */
		if (n == cap - 1) {
			cap *= 2;
			s = xrealloc(s, cap);
		}
	}
	if (ferror(fp)) {
		diag_add(dl, DIAG_ERROR, 0, 0, "cannot read: %s",
		    strerror(errno));
		free(s);
		return false;
	}
	s[n] = '\0';
	*text = s;
	*len = n;
	return true;
}

node *
node_get(const node *map, const char *key)
{
	size_t i, klen = strlen(key);

	if (map == NULL || map->kind != NODE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++) {
		const node *k = &map->items[2 * i];

		if (k->len == klen && memcmp(k->str, key, klen) == 0)
			return &map->items[2 * i + 1];
	}
	return NULL;
}

/* An open list or map; the nodes read into it so far are on the
 * reader's one stack of items, from start on. */
struct frame {
	node node;
	size_t start;
	size_t weight;          /* nodes in it so far, aliases expanded */
	size_t bytes;           /* bytes of text in it so far, the same */
};

struct anchor {
	node node;              /* a copy of the anchored node, once read */
	bool closed;            /* false while the anchored node is open */
	size_t weight;          /* nodes in it, aliases expanded */
	size_t bytes;           /* bytes of text in it, the same */
	int line, col;
};

/* A key's text, stored once for all the maps that use the key. */
struct key_name {
	const char *str;
	size_t len;
	uint64_t hash;
};
/* A model uses a few dozen keys; past half of these slots, keys are
 * stored with each use. */
#define READER_KEY_SLOTS 256

typedef struct {
	const char *text;
	size_t len;
	arena *a;               /* the tree: nodes and anchors */
	arena *texts;           /* the scalars' text */
	diag_list *dl;
	struct frame *stack;
	size_t depth, stack_cap;
	node *items;            /* the items of every open node, in order */
	size_t nitems, items_cap;
	struct key_name key_names[READER_KEY_SLOTS];
	size_t nkey_names;
	strmap anchors;         /* name -> struct anchor */
	struct anchor **open;   /* anchors of open nodes, by depth */
	size_t alias_weight, alias_bytes;
	node *root;
	bool failed;            /* stop reading */
} reader;

/* Line and column of a byte offset, for libyaml's encoding errors. */
static void
offset_place(const char *text, size_t len, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;

	for (i = 0; i < off && i < len; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* Adds a copy of n, a subtree of weight nodes and bytes of text, to the
 * innermost open node. */
static void
push_item(reader *r, const node *n, size_t weight, size_t bytes)
{
	if (r->depth == 0) {
		r->root = arena_alloc_packed(r->a, sizeof(*r->root));
		*r->root = *n;
		return;
	}
	r->stack[r->depth - 1].weight += weight;
	r->stack[r->depth - 1].bytes += bytes;
	if (r->nitems == r->items_cap) {
		r->items_cap = r->items_cap ? r->items_cap * 2 : 256;
		r->items = xrealloc(r->items, r->items_cap * sizeof(*r->items));
	}
	r->items[r->nitems++] = *n;
}

/* True if the next node read is a key of the innermost open map. */
static bool
next_is_key(const reader *r)
{
	const struct frame *f;

	if (r->depth == 0)
		return false;
	f = &r->stack[r->depth - 1];
	return f->node.kind == NODE_MAP && (r->nitems - f->start) % 2 == 0;
}

static void
init_node(node *n, node_kind kind, yaml_mark_t mark)
{
	memset(n, 0, sizeof(*n));
	n->kind = (unsigned char)kind;
	n->line = (int)mark.line + 1;
	n->col = (int)mark.column + 1;
}

static bool
check_tag(reader *r, const yaml_char_t *tag, yaml_mark_t mark)
{
	static const char core[] = "tag:yaml.org,2002:";
	const char *t = (const char *)tag;
	char shown[128];

	if (tag == NULL)
		return true;
	/* libyaml expands !!x to the core prefix; show what was written. */
	if (strncmp(t, core, sizeof(core) - 1) == 0)
		snprintf(shown, sizeof(shown), "!!%s", t + sizeof(core) - 1);
	else
		snprintf(shown, sizeof(shown), "%s", t);
	diag_add(r->dl, DIAG_ERROR, (int)mark.line + 1, (int)mark.column + 1,
	    "the YAML tag %s is not supported in a model; remove it",
	    dq(r->dl, shown));
	return false;
}

/* Registers the anchor of a node that has just opened (n is NULL) or
 * been read. */
static void
begin_anchor(reader *r, const yaml_char_t *name, yaml_mark_t mark,
    const node *n, size_t weight, size_t bytes)
{
	struct anchor *an, *old;
	const char *key;

	if (name == NULL)
		return;
	key = arena_strdup(r->a, (const char *)name);
	an = arena_alloc(r->a, sizeof(*an));
	if (n != NULL) {
		an->node = *n;
		an->closed = true;
	}
	an->weight = weight;
	an->bytes = bytes;
	an->line = (int)mark.line + 1;
	an->col = (int)mark.column + 1;
	old = strmap_put(&r->anchors, key, strlen(key), an);
	if (old != NULL) {
		diag_add(r->dl, DIAG_ERROR, an->line, an->col,
		    "anchor &%s is defined again (first at line %d); give "
		    "each anchor its own name", key, old->line);
		r->failed = true;
	}
}

static void
alias(reader *r, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct anchor *an = strmap_get(&r->anchors, name, strlen(name));
	int line = (int)ev->start_mark.line + 1;
	int col = (int)ev->start_mark.column + 1;
	node copy;

	if (an == NULL) {
		diag_add(r->dl, DIAG_ERROR, line, col,
		    "alias *%s names no anchor defined before it", name);
		r->failed = true;
		return;
	}
	if (!an->closed) {
		diag_add(r->dl, DIAG_ERROR, line, col,
		    "alias *%s refers to a node that contains it (a cycle)",
		    name);
		r->failed = true;
		return;
	}
	r->alias_weight += an->weight;
	r->alias_bytes += an->bytes;
	if (r->alias_weight > READER_MAX_ALIAS) {
		diag_add(r->dl, DIAG_ERROR, line, col,
		    "aliases expand to more than %d nodes; a model may repeat "
		    "at most that much through aliases", READER_MAX_ALIAS);
		r->failed = true;
		return;
	}
	if (r->alias_bytes > READER_MAX_ALIAS_BYTES) {
		diag_add(r->dl, DIAG_ERROR, line, col,
		    "aliases repeat more than %d MiB of text; a model may "
		    "repeat at most that much through aliases",
		    READER_MAX_ALIAS_BYTES >> 20);
		r->failed = true;
		return;
	}
	/* A shallow copy that shares the anchored node's contents but has
	 * the alias's place, so that messages point where it is used. */
	copy = an->node;
	copy.line = line;
	copy.col = col;
	push_item(r, &copy, an->weight, an->bytes);
}

/* The stored text of a key: one copy of each distinct key. */
static const char *
key_text(reader *r, const char *s, size_t len)
{
	uint64_t h = strmap_hash(s, len);
	size_t i = (size_t)h % READER_KEY_SLOTS;
	struct key_name *k;

	while ((k = &r->key_names[i])->str != NULL) {
		if (k->hash == h && k->len == len &&
		    memcmp(k->str, s, len) == 0)
			return k->str;
		i = (i + 1) % READER_KEY_SLOTS;
	}
	if (r->nkey_names >= READER_KEY_SLOTS / 2)
		return arena_strndup(r->texts, s, len);
	r->nkey_names++;
	k->str = arena_strndup(r->texts, s, len);
	k->len = len;
	k->hash = h;
	return k->str;
}

static void
scalar(reader *r, const yaml_event_t *ev)
{
	node scalar_node, *n = &scalar_node;
	size_t len = ev->data.scalar.length, i;
	const char *s = (const char *)ev->data.scalar.value;
	bool ascii = true;

	init_node(n, NODE_SCALAR, ev->start_mark);
	if (!check_tag(r, ev->data.scalar.tag, ev->start_mark))
		r->failed = true;
	if (len > READER_MAX_SCALAR) {
		diag_add(r->dl, DIAG_ERROR, n->line, n->col,
		    "a value of %zu bytes is longer than the limit of %u "
		    "bytes", len, READER_MAX_SCALAR);
		r->failed = true;
		return;
	}
	for (i = 0; i < len;) {
		uint32_t cp;
		size_t k;
		unsigned char c = (unsigned char)s[i];

		/* Most text is printable ASCII. */
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c >= 0x80)
			ascii = false;
		k = utf8_decode(s + i, len - i, &cp);

		if (k == 0) {
			/* libyaml validates UTF-8; this is only a guard. */
			diag_add(r->dl, DIAG_ERROR, n->line, n->col,
			    "a value is not valid UTF-8");
			r->failed = true;
			break;
		}
		if (utf8_is_control(cp) || cp == 0xfffe || cp == 0xffff) {
			diag_add(r->dl, DIAG_ERROR, n->line, n->col,
			    "%s contains the control character U+%04X, which "
			    "no diagram can show; remove it", dqn(r->dl, s,
			    len), (unsigned)cp);
			r->failed = true;
			break;
		}
		i += k;
	}
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	/* Known while the text is in the cache, for the checks that only
	 * other text can fail (model_each_nonascii_text). */
	n->ascii = ascii;
	n->len = (uint32_t)len;
	if (next_is_key(r)) {
		/* A model repeats a few dozen keys in every item: keep one
		 * copy of each. */
		n->str = key_text(r, s, len);
	} else {
		n->str = arena_strndup(r->texts, s, len);
	}
	begin_anchor(r, ev->data.scalar.anchor, ev->start_mark, n, 1, len);
	push_item(r, n, 1, len);
}

static void
open_node(reader *r, node_kind kind, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	node n;
	struct frame *f;

	init_node(&n, kind, ev->start_mark);
	if (!check_tag(r, tag, ev->start_mark))
		r->failed = true;
	if (r->depth >= READER_MAX_DEPTH) {
		diag_add(r->dl, DIAG_ERROR, n.line, n.col,
		    "lists and mappings are nested more than %d deep; a model "
		    "needs about 6 levels", READER_MAX_DEPTH);
		r->failed = true;
		return;
	}
	if (r->depth == r->stack_cap) {
		r->stack_cap = r->stack_cap ? r->stack_cap * 2 : 8;
		r->stack = xrealloc(r->stack,
		    r->stack_cap * sizeof(*r->stack));
		r->open = xrealloc(r->open, r->stack_cap * sizeof(*r->open));
	}
	begin_anchor(r, anchor, ev->start_mark, NULL, 0, 0);
	r->open[r->depth] = anchor ? strmap_get(&r->anchors,
	    (const char *)anchor, strlen((const char *)anchor)) : NULL;
	f = &r->stack[r->depth++];
	f->node = n;
	f->start = r->nitems;
	f->weight = 1;
	f->bytes = 0;
}

static int
key_cmp(const void *pa, const void *pb)
{
	const node *a = *(node *const *)pa, *b = *(node *const *)pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->str, b->str, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

/* Keys must be scalars, unique (whatever their quoting) and not "<<". */
static void
check_keys(reader *r, node *map)
{
	size_t i, nkeys = 0;
	node *small[32], **keys = map->n <= 32 ? small :
	    xmalloc(map->n * sizeof(*keys));

	for (i = 0; i < map->n; i++) {
		node *k = &map->items[2 * i];

		if (k->kind != NODE_SCALAR) {
			diag_add(r->dl, DIAG_ERROR, k->line, k->col,
			    "a key must be a single word or string, not a "
			    "%s", k->kind == NODE_MAP ? "mapping" : "list");
			r->failed = true;
			continue;
		}
		if (k->plain && k->len == 2 && memcmp(k->str, "<<", 2) == 0) {
			diag_add(r->dl, DIAG_ERROR, k->line, k->col,
			    "merge keys ('<<') are not supported; write the "
			    "keys out");
			r->failed = true;
			continue;
		}
		keys[nkeys++] = k;
	}
	/* Small maps (every item of a model) compare pairs; large ones
	 * sort. Either way a duplicate is reported at its later place. */
	if (nkeys <= 16) {
		size_t j;

		for (i = 1; i < nkeys; i++) {
			for (j = 0; j < i; j++) {
				node *a = keys[j], *b = keys[i];

				/* Keys are stored once each, but an
				 * alias's text is its anchor's. */
				if (a->len == b->len && (a->str == b->str ||
				    (a->str[0] == b->str[0] &&
				    memcmp(a->str, b->str, a->len) == 0))) {
					diag_add(r->dl, DIAG_ERROR, b->line,
					    b->col, "duplicate key %s (first "
					    "at %d:%d); YAML readers would "
					    "keep only one of them",
					    dqn(r->dl, b->str, b->len),
					    a->line, a->col);
					r->failed = true;
					break;
				}
			}
		}
		if (keys != small)
			free(keys);
		return;
	}
	qsort(keys, nkeys, sizeof(*keys), key_cmp);
	for (i = 1; i < nkeys; i++) {
		node *a = keys[i - 1], *b = keys[i];

		if (a->len == b->len && memcmp(a->str, b->str, a->len) == 0) {
			/* An alias used twice as a key is the same node. */
			diag_add(r->dl, DIAG_ERROR, b->line, b->col,
			    "duplicate key %s (first at %d:%d); YAML "
			    "readers would keep only one of them",
			    dqn(r->dl, b->str, b->len), a->line, a->col);
			r->failed = true;
		}
	}
	if (keys != small)
		free(keys);
}

static void
close_node(reader *r)
{
	struct frame *f = &r->stack[--r->depth];
	node *n = &f->node;
	size_t count = r->nitems - f->start;

	if (n->kind == NODE_MAP && count % 2 != 0) {
		/* libyaml never ends a mapping on a key; a guard. */
		count--;
	}
	r->nitems = f->start;
	n->n = (uint32_t)(n->kind == NODE_MAP ? count / 2 : count);
	n->items = arena_alloc_packed(r->a, count * sizeof(*n->items));
	if (count > 0)
		memcpy(n->items, r->items + f->start,
		    count * sizeof(*n->items));
	if (n->kind == NODE_MAP)
		check_keys(r, n);
	if (r->open[r->depth] != NULL) {
		r->open[r->depth]->node = *n;
		r->open[r->depth]->closed = true;
		r->open[r->depth]->weight = f->weight;
		r->open[r->depth]->bytes = f->bytes;
	}
	push_item(r, n, f->weight, f->bytes);
}

/* True if the ':' at offset at follows "key: " on its line: a value
 * with ": " in it, not in quotes ("cite: Zelikow: The Kennedy Tapes"). */
static bool
colon_in_value(const char *t, size_t len, size_t at)
{
	size_t start = at, i;

	if (at >= len || t[at] != ':')
		return false;
	while (start > 0 && t[start - 1] != '\n')
		start--;
	for (i = start; i + 1 < at; i++)
		if (t[i] == ':' && t[i + 1] == ' ')
			return true;
	return false;
}

/* Reports the ':' at offset at inside a value, with the line as it
 * should be written: key: "value: with a colon". */
static void
say_colon(reader *r, size_t at)
{
	const char *t = r->text, *key, *colon, *end;
	size_t start = at;
	int line, col;

	offset_place(t, r->len, at, &line, &col);
	while (start > 0 && t[start - 1] != '\n')
		start--;
	key = t + start;
	end = memchr(t + at, '\n', r->len - at);
	if (end == NULL)
		end = t + r->len;
	while (key < end && (*key == ' ' || *key == '-'))
		key++;
	colon = key;
	while (colon + 1 < end && !(colon[0] == ':' && colon[1] == ' '))
		colon++;
	while (end > colon && (end[-1] == ' ' || end[-1] == '\r'))
		end--;
	if (end - key > 120 || memchr(colon + 2, '"', (size_t)(end - colon -
	    2)) != NULL || memchr(colon + 2, '\\', (size_t)(end - colon -
	    2)) != NULL) {
		diag_add(r->dl, DIAG_ERROR, line, col, "invalid YAML: a ': ' "
		    "inside a value that is not in quotes; put the value in "
		    "quotes");
		return;
	}
	diag_add(r->dl, DIAG_ERROR, line, col, "invalid YAML: a ': ' inside "
	    "a value that is not in quotes; put the value in quotes: "
	    "%.*s: \"%.*s\"", (int)(colon - key), key, (int)(end - colon - 2),
	    colon + 2);
}

/* Reports the value with ": " at offset at, and the next ones: each is
 * mended in a copy (its ':' made a ';', which keeps every place) and the
 * copy read again, up to 20 times in a file of at most 4 MiB, so that
 * five such citations take one run, not five. */
static void
more_colons(reader *r, size_t at)
{
	char *copy;
	int k;

	say_colon(r, at);
	if (r->len > (4u << 20) || (copy = malloc(r->len + 1)) == NULL)
		return;
	memcpy(copy, r->text, r->len);
	for (k = 0; k < 20; k++) {
		yaml_parser_t p;
		yaml_event_t ev;
		bool failed = false, end = false;

		copy[at] = ';';
		if (!yaml_parser_initialize(&p))
			break;
		yaml_parser_set_input_string(&p, (const unsigned char *)copy,
		    r->len);
		while (!failed && !end) {
			if (!yaml_parser_parse(&p, &ev)) {
				failed = true;
				break;
			}
			end = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		at = p.problem_mark.index;
		failed = failed && p.problem != NULL && strcmp(p.problem,
		    "mapping values are not allowed in this context") == 0 &&
		    colon_in_value(copy, r->len, at);
		yaml_parser_delete(&p);
		if (!failed)
			break;
		say_colon(r, at);
	}
	free(copy);
}

/* Reports libyaml's error at its place, in words a model's author can act
 * on. */
static void
parse_error(reader *r, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "error";
	const char *context = p->context ? p->context : "";
	const unsigned char *t = (const unsigned char *)r->text;
	size_t at;
	int line, col;
	char where[64] = "";

	if (p->error == YAML_READER_ERROR) {
		if (r->len >= 2 && (t[0] == 0) != (t[1] == 0)) {
			diag_add(r->dl, DIAG_ERROR, 1, 1, "the file looks like "
			    "UTF-16 without a byte order mark; save it as "
			    "UTF-8");
			return;
		}
		at = p->problem_offset;
		/* For a bad trailing byte libyaml gives the trailing byte's
		 * offset; point at the character's first byte instead. */
		if (strstr(problem, "trailing") != NULL && at <= r->len) {
			while (at > 0 && (t[at - 1] & 0xc0) == 0x80)
				at--;
			if (at > 0 && t[at - 1] >= 0xc0)
				at--;
		}
		offset_place(r->text, r->len, at, &line, &col);
		if (at < r->len && strstr(problem, "control") != NULL) {
			uint32_t cp = t[at];

			utf8_decode(r->text + at, r->len - at, &cp);
			diag_add(r->dl, DIAG_ERROR, line, col, "character "
			    "U+%04X may not appear in a YAML file; remove it",
			    (unsigned)cp);
		} else if (at < r->len && t[at] >= 0x80)
			diag_add(r->dl, DIAG_ERROR, line, col, "byte 0x%02X is "
			    "not valid UTF-8 (%s); save the file as UTF-8",
			    t[at], problem);
		else
			diag_add(r->dl, DIAG_ERROR, line, col, "the file is not "
			    "valid UTF-8 text (%s); save it as UTF-8",
			    problem);
		return;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	at = p->problem_mark.index;
	if (at < r->len && t[at] == '\t') {
		diag_add(r->dl, DIAG_ERROR, line, col, "invalid YAML: a tab "
		    "where YAML needs spaces; indent with spaces");
		return;
	}
	if (strstr(problem, "could not find expected ':'") != NULL &&
	    p->problem_mark.column >= 1024) {
		diag_add(r->dl, DIAG_ERROR, (int)p->context_mark.line + 1,
		    (int)p->context_mark.column + 1, "invalid YAML: a key "
		    "longer than 1024 characters; shorten it, or write a "
		    "long text as a value");
		return;
	}
	if (p->context != NULL)
		snprintf(where, sizeof(where), " that starts at %d:%d",
		    (int)p->context_mark.line + 1,
		    (int)p->context_mark.column + 1);
	if (strcmp(problem, "mapping values are not allowed in this "
	    "context") == 0) {
		if (colon_in_value(r->text, r->len, at)) {
			more_colons(r, at);
			return;
		}
		diag_add(r->dl, DIAG_ERROR, line, col, "invalid YAML: a ':' "
		    "that YAML cannot read as a key's colon; indent this key "
		    "like the ones above it, or put quotes around a value "
		    "that contains ': '");
		return;
	}
	diag_add(r->dl, DIAG_ERROR, line, col, "invalid YAML: %s%s%s%s",
	    problem, context[0] ? " " : "", context, where);
}

/* Parses text into a tree; the root of any kind, or NULL after adding
 * diagnostics (*docs says how many documents started). */
static node *
parse_tree(const char *text, size_t len, arena *a, arena *texts,
    diag_list *dl, int *ndocs)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	reader r = {0};
	int docs = 0;
	bool done = false;

	r.text = text;
	r.len = len;
	r.a = a;
	r.texts = texts;
	r.dl = dl;
	/* libyaml reads UTF-16 after its byte order mark, but a model is
	 * UTF-8: its lines would be shown as bytes in every message. */
	if (len >= 2 && (((unsigned char)text[0] == 0xff &&
	    (unsigned char)text[1] == 0xfe) || ((unsigned char)text[0] ==
	    0xfe && (unsigned char)text[1] == 0xff))) {
		diag_add(dl, DIAG_ERROR, 1, 1, "the file is UTF-16 (it starts "
		    "with a byte order mark); save it as UTF-8");
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		diag_add(dl, DIAG_ERROR, 0, 0, "cannot start the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	while (!done && !r.failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parse_error(&r, &parser);
			r.failed = true;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				diag_add(dl, DIAG_ERROR,
				    (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "a second YAML document; a model is one "
				    "document (remove this '---' and what "
				    "follows, or split the file)");
				r.failed = true;
			}
			break;
		case YAML_SCALAR_EVENT:
			scalar(&r, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			open_node(&r, NODE_SEQ, &ev,
			    ev.data.sequence_start.anchor,
			    ev.data.sequence_start.tag);
			break;
		case YAML_MAPPING_START_EVENT:
			open_node(&r, NODE_MAP, &ev,
			    ev.data.mapping_start.anchor,
			    ev.data.mapping_start.tag);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			close_node(&r);
			break;
		case YAML_ALIAS_EVENT:
			alias(&r, &ev);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	free(r.stack);
	free(r.items);
	free(r.open);
	strmap_free(&r.anchors);
	yaml_parser_delete(&parser);
	*ndocs = docs;
	return r.failed ? NULL : r.root;
}

node *
reader_parse_any(const char *text, size_t len, arena *a, arena *texts,
    diag_list *dl)
{
	int docs;

	return parse_tree(text, len, a, texts, dl, &docs);
}

node *
reader_parse(const char *text, size_t len, arena *a, arena *texts,
    diag_list *dl)
{
	int docs = 0;
	size_t errors = dl->errors;
	node *root = parse_tree(text, len, a, texts, dl, &docs);

	if (root == NULL && dl->errors > errors)
		return NULL;
	if (docs == 0 || root == NULL) {
		diag_add(dl, DIAG_ERROR, 1, 1,
		    "the file holds no model; a model is a mapping that "
		    "starts with 'kgraph: 1' and a 'title'");
		return NULL;
	}
	if (root->kind == NODE_SCALAR && root->plain && root->len == 0) {
		diag_add(dl, DIAG_ERROR, 1, 1,
		    "the file holds no model; a model is a mapping that "
		    "starts with 'kgraph: 1' and a 'title'");
		return NULL;
	}
	if (root->kind != NODE_MAP) {
		diag_add(dl, DIAG_ERROR, root->line, root->col,
		    "the top level must be a mapping of keys to values, "
		    "starting with 'kgraph: 1'");
		return NULL;
	}
	return root;
}
