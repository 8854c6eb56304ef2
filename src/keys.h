/* The model's keys, in one table: for each kind of item, for links and
 * for the entries of 'sources' written as mappings, which keys it has, in
 * the order of the format, whether each is required, the kind of its
 * value, where the loader keeps it and how the JSON export writes it.
 * The loader (load.c) and the export (json.c) are driven by it, and a
 * unit test (tests/unit/test_keys.c) holds it against src/schema.json.
 * Adding a key to the format: its name in KEYS if it is new, a row in
 * keys.c for each kind of item that has it, a field in model.h, and its
 * entries in src/schema.json and docs/format.md. */
#ifndef KG_KEYS_H
#define KG_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Every key of an item, a link or a source reference, as a code: the
 * names the tables of keys.c use, once each ("number" is the export's
 * own, for a phase's number). */
#define KEYS(X) X(ID, "id") X(TITLE, "title") X(NAME, "name") \
	X(TEXT, "text") X(CITE, "cite") X(URL, "url") X(ARCHIVE, "archive") \
	X(NATIVE, "native") X(ROLE, "role") X(QUOTE, "quote") \
	X(NOTE, "note") X(COLOR, "color") X(DATE, "date") X(FROM, "from") \
	X(TO, "to") X(GROUP, "group") X(ACTOR, "actor") X(BY, "by") \
	X(PHASE, "phase") X(ON, "on") X(ACTORS, "actors") X(FOR, "for") \
	X(AGAINST, "against") X(SOURCES, "sources") X(TAGS, "tags") \
	X(EVIDENCE, "evidence") X(KIND, "kind") X(OUTCOME, "outcome") \
	X(STANCE, "stance") X(TYPE, "type") X(LABEL, "label") \
	X(BASE, "base") X(PHASES, "phases") X(GROUPS, "groups") \
	X(KINDS, "kinds") X(SINCE, "since") X(UNTIL, "until") \
	X(FOCUS, "focus") X(DEPTH, "depth") X(QUESTION, "question") \
	X(DIRECTION, "direction") X(LEGEND, "legend") \
	X(CITATIONS, "citations") X(STEPS, "steps") X(THEME, "theme") \
	X(AT, "at") X(NUMBER, "number") X(AUTHOR, "author") \
	X(EDITOR, "editor") X(CONTAINER_TITLE, "container-title") \
	X(COLLECTION_TITLE, "collection-title") X(VOLUME, "volume") \
	X(ISSUE, "issue") X(PAGE, "page") X(PUBLISHER, "publisher") \
	X(PUBLISHER_PLACE, "publisher-place") X(ISSUED, "issued") \
	X(ARCHIVE_LOCATION, "archive_location") X(CSL_URL, "URL") \
	X(DOI, "DOI") X(LANGUAGE, "language")

enum key_code {
#define KEY_ENUM(code, name) K_##code,
	KEYS(KEY_ENUM)
#undef KEY_ENUM
	K__COUNT
};

/* A set of keys, one bit a key: the keys an item has, or must have. */
typedef uint64_t key_mask;
#define KEY_BIT(k) ((key_mask)1 << (k))
_Static_assert(K__COUNT <= sizeof(key_mask) * 8,
    "more keys than a key_mask has bits");

/* The name of each key, by code. */
extern const char *const key_names[K__COUNT];

/* The tables: one per item type (by item_type), then these two. */
#define KEYS_LINK IT__COUNT             /* an entry of 'links' */
#define KEYS_SOURCE_REF (IT__COUNT + 1) /* { id: ..., at: ... } */
#define KEYS__TABLES (IT__COUNT + 2)

/* The kinds of values, each read by one function of the loader and
 * written by one case of the export. The C type it is kept in follows
 * the kind. */
typedef enum {
	KV_ID,          /* the item's own id (const char *) */
	KV_TEXT,        /* a non-empty text (const char *) */
	KV_URL,         /* http, https or a relative path (const char *) */
	KV_COLOR,       /* #rrggbb (const char *) */
	KV_DATE,        /* a date (date) */
	KV_DATE_TEXT,   /* a date kept as written (const char *) */
	KV_REF,         /* the id of another item (ref) */
	KV_REF_TEXT,    /* an id kept as written, resolved later (const
	                 * char *) */
	KV_REFS,        /* ids: one or a list (ref_list) */
	KV_LIST,        /* texts: one or a list (str_list) */
	KV_ID_FILTER,   /* ids: one or a list, each entry possibly
	                 * comma-separated (str_list) */
	KV_ENUM,        /* one of values->names, kept as its index (an
	                 * enum of model.h) */
	KV_ENUM_TEXT,   /* one of values->names, kept as written (const
	                 * char *) */
	KV_ENUM_LIST,   /* values->names: one or a list (str_list) */
	KV_TAGS,        /* tags: one or a list (str_list) */
	KV_SOURCES,     /* source references: one or a list (source_list) */
	KV_BOOL,        /* true or false (int: -1 when absent) */
	KV_NUMBER,      /* a whole number, 0 to 9999 (int: -1 when
	                 * absent) */
	KV_NAMES        /* names: one or a list, each "Family, Given" or
	                 * a mapping (ref_names) */
} key_kind;

/* Where a key's value is kept: offset is from the start of this. */
typedef enum {
	KH_ITEM,        /* the item */
	KH_VIEW,        /* the item's view_spec */
	KH_LINK,        /* the relation */
	KH_SOURCE_REF,  /* the source_ref */
	KH_REFERENCE    /* a source's reference, made when it has one of
	                 * these keys */
} key_home;

/* How the JSON export writes a key. */
typedef enum {
	KJ_PRESENT,     /* when the model gives it (a list: when it is not
	                 * empty) */
	KJ_ALWAYS,      /* always: a list even when empty, an enum's
	                 * default (values->names[0]) when absent */
	KJ_OR_NULL,     /* null when the model leaves it out */
	KJ_RESOLVED,    /* what check.c derived from it, kept at derived
	                 * in the item or relation (an item *, or a
	                 * stance), or null */
	KJ_NONE,        /* never: a cause's for and against are written
	                 * as the links they make */
	KJ_ONLY         /* always, and only there: not a key of the format
	                 * but a field the export adds */
} key_json;

/* The closed set of values of an enum key, and what messages call it. */
typedef struct {
	const char *what;               /* "evidence level" */
	const char *const *names;       /* NULL-terminated, as model.h's */
} key_values;

/* One key of one table. */
typedef struct {
	enum key_code key;
	key_kind kind;
	bool required;
	key_home home;
	key_json json;
	unsigned char json_order;       /* its place in the export, 1-based,
	                                 * where that differs from the
	                                 * table's order; else 0 */
	size_t offset;                  /* where the value is kept */
	size_t at;                      /* where its place is kept; 0 if
	                                 * it is not (no record starts
	                                 * with a place) */
	size_t derived;                 /* for KJ_RESOLVED: where in the
	                                 * item or relation */
	const key_values *values;       /* for the enum kinds */
} key_field;

typedef struct {
	const key_field *v;
	size_t n;
} key_table;

/* The keys of each table, in the order of the format. */
extern const key_table keys_tables[KEYS__TABLES];

/* The code of the key named by the len bytes at s, or -1. */
int keys_code(const char *s, size_t len);

/* The tables arranged for the loader's lookups. */
typedef struct {
	/* The field of each key in each table; NULL when the table does
	 * not have the key (or has it only in the export). */
	const key_field *field[KEYS__TABLES][K__COUNT];
	/* Each table's keys, as unknown-key messages list them, and its
	 * required keys but id; NULL-terminated. */
	const char *names[KEYS__TABLES][K__COUNT + 1];
	const char *required_names[KEYS__TABLES][K__COUNT + 1];
	key_mask required[KEYS__TABLES];        /* id included */
} key_index;

/* Fills ix from the tables. */
void keys_index_init(key_index *ix);

/* The most keys one table has. */
#define KEYS_MAX_FIELDS 24

/* Puts into out (of KEYS_MAX_FIELDS) the fields of table that the JSON
 * export writes, in the order it writes them; returns their number. The
 * fields are the table's own. */
size_t keys_export_order(int table, const key_field **out);

/* The name of a kind of value, as "text" or "ref list". */
const char *keys_kind_name(key_kind kind);

#endif
