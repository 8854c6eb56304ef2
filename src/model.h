/* The model: typed items in one arena, one id table, every relation a
 * link. Built by load.c, completed and checked by check.c. */
#ifndef KG_MODEL_H
#define KG_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "util.h"

/* The kinds of items that have ids, in the order of the file format. */
typedef enum {
	IT_SOURCE, IT_GROUP, IT_ACTOR, IT_PHASE, IT_QUESTION, IT_EVENT,
	IT_DECISION, IT_CAUSE, IT_VIEW, IT__COUNT
} item_type;

typedef enum { EV_DOCUMENTED, EV_REPORTED, EV_INFERRED } evidence;
typedef enum { AK_PERSON, AK_BODY, AK_STATE } actor_kind;
typedef enum {
	CK_REASON, CK_ARGUMENT, CK_OBJECTION, CK_FEAR, CK_CONDITION,
	CK_CONCLUSION, CK__COUNT
} cause_kind;
typedef enum {
	OUT_NONE, OUT_APPROVED, OUT_REJECTED, OUT_DEFERRED, OUT_REQUESTED,
	OUT_ORDERED, OUT_PROPOSED
} outcome;
typedef enum {
	ST_NONE, ST_FOR, ST_AGAINST, ST_CONDITIONAL, ST_UNDECIDED
} stance;
typedef enum {
	LT_CAUSES, LT_LEADS_TO, LT_RESPONDS_TO, LT_SUPPORTS, LT_OPPOSES
} link_type;

/* Names of the values above, as written in models; NULL-terminated. */
extern const char *const model_type_names[];     /* "source", ... */
extern const char *const model_list_keys[];      /* "sources", ... */
/* Each item type with its article, as messages name a kind of item:
 * "a source", "an actor", ...; by item_type. */
extern const char *const model_type_articles[IT__COUNT];
extern const char *const model_evidence_names[];
extern const char *const model_actor_kind_names[];
extern const char *const model_cause_kind_names[];
extern const char *const model_outcome_names[];  /* [0] is "" */
extern const char *const model_stance_names[];   /* [0] is "" */
extern const char *const model_link_type_names[];
/* What each link type may join: the types of its ends, as TYPE_BIT
 * masks. */
typedef struct {
	unsigned from, to;
} model_link_end;
extern const model_link_end model_link_ends[];
extern const char *const model_builtin_views[];
extern const char *const model_directions[];
/* What the timeline's lanes follow (--lanes). */
extern const char *const model_lanes[];
extern const char *const model_themes[];

typedef struct item item;

/* A place in the model's file: 1-based line and column; 0 and 0 when
 * there is none. The model keeps the places its messages need, so that
 * no stage after the loader needs the document tree. */
typedef struct {
	int line, col;
} model_place;

/* A reference by id, with its place, resolved to an item by check.c. */
typedef struct {
	const char *id;
	int line, col;
	item *to;
} ref;

typedef struct {
	ref *v;
	size_t n;
} ref_list;

typedef struct {
	ref src;
	const char *at;         /* the locator, or NULL */
} source_ref;

typedef struct {
	source_ref *v;
	size_t n;
} source_list;

typedef struct {
	const char **v;
	model_place *places;    /* each entry's place */
	size_t n;
} str_list;

/* A person or a body named by a structured source: family and given
 * names ("Bajanov", "Evgueni") and a suffix ("Jr."), or a name used as
 * it is written (an institution). */
typedef struct {
	const char *family, *given, *suffix, *literal;
} ref_name;

typedef struct {
	ref_name *v;
	size_t n;
	bool others;            /* "and others": more than are named */
} ref_names;

/* The fields of a structured source, named as in CSL-JSON, the format
 * reference managers exchange; its title, archive, url and date are the
 * item's. Every field is NULL, empty or unset when the source leaves it
 * out. */
typedef struct {
	const char *type;       /* a CSL type, "book", "article-journal"... */
	ref_names author, editor;
	const char *container_title, *collection_title, *volume, *issue,
	    *page, *publisher, *publisher_place, *archive_location, *URL,
	    *DOI, *language;
	date issued;
	model_place issued_at;
	const char *file;       /* the bibliography that defines it, or NULL
	                         * for a source of the model's own */
	int line;               /* its place there */
} reference;

/* How sources are printed: the Chicago Manual's two forms. */
typedef enum { STYLE_NOTES, STYLE_AUTHOR_DATE } cite_style;
extern const char *const model_styles[];   /* "chicago-notes", ... */
/* The CSL types a structured source may have. */
extern const char *const model_source_types[];

/* A named view: a base view with filters and presentation settings. Every
 * field is NULL, empty or -1 when the model leaves it out. */
typedef struct {
	const char *base;
	str_list phases, actors, groups, kinds, tags;
	const char *since, *until, *evidence, *focus, *question;
	int depth;
	const char *direction, *theme;
	int legend, citations, steps;   /* -1, 0 or 1 */
	/* The places of the values that check.c reports on. */
	model_place focus_at, question_at, until_at;
} view_spec;

/* A large model has a million items and links: the fields of item and
 * relation are ordered so that the compiler pads neither. */
struct item {
	item_type type;
	int number;             /* its 1-based position among the items of
	                         * its type: a phase's number */
	const char *id;
	int line, col;          /* the place of the item's id, or its start */
	size_t index;           /* position among the items of its type */

	/* Text fields; NULL when absent. */
	const char *title, *name, *text, *cite, *url, *archive, *native,
	    *role, *quote, *note, *color;
	date date;              /* events, decisions, causes, sources */
	date from, to;          /* phases */
	model_place date_at;    /* the place of date's value */
	model_place stance_at;  /* the place of a decision's stance */
	evidence evidence;
	actor_kind actor_kind;
	cause_kind cause_kind;
	outcome outcome;
	stance stance;          /* as written; resolved_stance is derived */

	ref group, actor, by, phase, on;
	ref_list actors, to_actors, for_items, against_items;
	source_list sources;
	str_list tags;
	view_spec *view;
	reference *reference;   /* a source's structured fields, or NULL */

	/* Derived by check.c. */
	item *resolved_phase;   /* the phase the item belongs to, or NULL */
	stance resolved_stance;
	bool cited;             /* a source named by some item or relation */
	bool ascii;             /* its texts are all ASCII (set by load.c) */
	bool sources_given;     /* it has a 'sources' that is not an empty
	                         * list (set by load.c) */
};

typedef struct {
	item *from, *to;
	ref from_ref, to_ref;
	const char *label, *note;
	ref phase;
	source_list sources;
	model_place date_at;    /* the place of date's value */
	size_t index;
	item *resolved_phase;
	link_type type;
	evidence evidence;
	date date;
	int line, col;
	bool shorthand;         /* made from a cause's for or against */
} relation;

typedef struct {
	const char *file;       /* name used in diagnostics */
	const char *title, *subtitle, *author, *description, *lang;
	int version;
	cite_style style;
	str_list bibliography;  /* the files, as written, with their places */
	item **items[IT__COUNT];
	size_t count[IT__COUNT];
	relation *links;
	size_t nlinks;
	strmap ids;             /* id -> item */
	arena *arena;           /* the items, and every text of the model */
} model;

/* Frees the model and everything in its arena. */
void model_free(model *m);
/* Appends it to the items of its type, numbering it; its id is
 * registered by the caller. */
void model_add_item(model *m, item *it);
/* The item with this id, or NULL. */
item *model_find(const model *m, const char *id);
/* The phase named by an id or a 1-based number, or NULL. */
item *model_phase(const model *m, const char *spec);
/* Marks in selected[] (one flag per phase) the phases named by spec: ids
 * or numbers, ranges A..B, ..B and A.., separated by commas. Returns NULL,
 * or the part of spec that names no phase (in bad, of size badsize). */
const char *model_phase_spec(const model *m, const char *spec,
    bool *selected, char *bad, size_t badsize);
/* The nearest id among items of the types in mask (1 << type), or NULL. */
const char *model_suggest_id(const model *m, const char *id,
    unsigned mask);
/* Calls fn for every text of the model that a diagram or a page shows:
 * the model's title and subtitle (with an item of type IT__COUNT named
 * "the model", placed at 1:1), and each item's title, name, native
 * name, role, text, quote, citation, archive and note; field names the
 * field ("native name", "citation"...). Absent texts are skipped. */
typedef void (*model_text_fn)(const char *text, const item *it,
    const char *field, void *ctx);
void model_each_text(const model *m, model_text_fn fn, void *ctx);
/* As model_each_text, but leaves out the items whose texts are all
 * ASCII: for checks that ASCII text always passes, which need not read
 * the texts of a large model again. */
void model_each_nonascii_text(const model *m, model_text_fn fn,
    void *ctx);
/* An item as messages name it: "event 'e'", or "the model" for the
 * item model_each_text gives with the model's own texts. Returns out. */
const char *model_describe(const item *it, char *out, size_t outsize);

/* The index of name in a NULL-terminated list, or -1. */
int model_lookup(const char *const *names, const char *name);
/* True if a url has an allowed form: http, https or a relative path,
 * with no character that could hide where it leads. */
bool model_url_allowed(const char *url);
/* The label of an item: its title, name or text. */
const char *model_label(const item *it);
/* A bit mask of item types, for references and kinds. */
#define TYPE_BIT(t) (1u << (t))

/* The link types that may join from to to, as a hint for a message
 * ("; from an event to a cause, say 'responds-to'"), or "". */
void model_link_types_fitting(const item *from, const item *to, char *out,
    size_t size);

/* Numbers the cited sources of m in the order the file first cites
 * them, so that a source has one number in every picture of the model:
 * num[i] for source i, 0 if never cited. Returns how many are cited. */
int model_source_numbers(const model *m, int *num);

#endif
