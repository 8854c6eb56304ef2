#include "keys.h"

#include <string.h>

const char *const key_names[K__COUNT] = {
#define KEY_NAME(code, name) name,
	KEYS(KEY_NAME)
#undef KEY_NAME
};

/* Their lengths, so that a key read with its length is compared without
 * reading past it. */
static const size_t key_lens[K__COUNT] = {
#define KEY_LEN(code, name) sizeof(name) - 1,
	KEYS(KEY_LEN)
#undef KEY_LEN
};

/* An enum key is kept in an enum of model.h and written through an int:
 * they must be of one size. */
_Static_assert(sizeof(evidence) == sizeof(int), "evidence is not an int");
_Static_assert(sizeof(actor_kind) == sizeof(int), "actor_kind");
_Static_assert(sizeof(cause_kind) == sizeof(int), "cause_kind");
_Static_assert(sizeof(outcome) == sizeof(int), "outcome");
_Static_assert(sizeof(stance) == sizeof(int), "stance");
_Static_assert(sizeof(link_type) == sizeof(int), "link_type");

static const char *const view_kind_names[] = {"event", "decision",
    "cause", "reason", "argument", "objection", "fear", "condition",
    "conclusion", NULL};

static const key_values evidence_levels = {"evidence level",
    model_evidence_names};
static const key_values actor_kinds = {"actor kind",
    model_actor_kind_names};
static const key_values cause_kinds = {"cause kind",
    model_cause_kind_names};
static const key_values outcomes = {"outcome", model_outcome_names};
static const key_values stances = {"stance", model_stance_names};
static const key_values link_types = {"link type", model_link_type_names};
static const key_values base_views = {"base view", model_builtin_views};
static const key_values view_kinds = {"kind", view_kind_names};
static const key_values directions = {"direction", model_directions};
static const key_values themes = {"theme", model_themes};
static const key_values source_types = {"source type",
    model_source_types};

/* The columns of a row, named so that a row reads as a sentence; what
 * a row leaves out is absent, KJ_PRESENT or 0. */
#define KEY(name, of) .key = K_##name, .kind = KV_##of
#define REQUIRED .required = true
#define ITEM(f) .home = KH_ITEM, .offset = offsetof(item, f)
#define VIEW(f) .home = KH_VIEW, .offset = offsetof(view_spec, f)
#define LINK(f) .home = KH_LINK, .offset = offsetof(relation, f)
#define IN_REF(f) .home = KH_SOURCE_REF, .offset = offsetof(source_ref, f)
#define REFER(f) .home = KH_REFERENCE, .offset = offsetof(reference, f)
#define PLACE(record, f) .at = offsetof(record, f)
#define VALUES(v) .values = &(v)
#define JSON(how) .json = KJ_##how
#define RESOLVED(record, f) .json = KJ_RESOLVED, \
	.derived = offsetof(record, f)
#define ORDER(n) .json_order = (n)

/* Each table in the order of the format, which is the order in which
 * "unknown key" messages list the keys. */
static const key_field source_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(CITE, TEXT), ITEM(cite)},
	{KEY(URL, URL), ITEM(url)},
	{KEY(ARCHIVE, TEXT), ITEM(archive)},
	{KEY(DATE, DATE), ITEM(date), PLACE(item, date_at)},
	{KEY(NOTE, TEXT), ITEM(note)},
	/* The structured fields, as CSL-JSON names them. */
	{KEY(TYPE, ENUM_TEXT), REFER(type), VALUES(source_types)},
	{KEY(AUTHOR, NAMES), REFER(author)},
	{KEY(EDITOR, NAMES), REFER(editor)},
	{KEY(TITLE, TEXT), ITEM(title)},
	{KEY(CONTAINER_TITLE, TEXT), REFER(container_title)},
	{KEY(COLLECTION_TITLE, TEXT), REFER(collection_title)},
	{KEY(VOLUME, TEXT), REFER(volume)},
	{KEY(ISSUE, TEXT), REFER(issue)},
	{KEY(PAGE, TEXT), REFER(page)},
	{KEY(PUBLISHER, TEXT), REFER(publisher)},
	{KEY(PUBLISHER_PLACE, TEXT), REFER(publisher_place)},
	{KEY(ISSUED, DATE), REFER(issued), PLACE(reference, issued_at)},
	{KEY(ARCHIVE_LOCATION, TEXT), REFER(archive_location)},
	{KEY(CSL_URL, URL), REFER(URL)},
	{KEY(DOI, TEXT), REFER(DOI)},
	{KEY(LANGUAGE, TEXT), REFER(language)},
};

static const key_field group_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(NAME, TEXT), REQUIRED, ITEM(name)},
	{KEY(COLOR, COLOR), ITEM(color)},
};

static const key_field actor_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(NAME, TEXT), REQUIRED, ITEM(name)},
	{KEY(NATIVE, TEXT), ITEM(native)},
	{KEY(GROUP, REF), ITEM(group), JSON(OR_NULL)},
	{KEY(ROLE, TEXT), ITEM(role)},
	{KEY(KIND, ENUM), ITEM(actor_kind), VALUES(actor_kinds),
	    JSON(ALWAYS)},
	{KEY(TAGS, TAGS), ITEM(tags), JSON(ALWAYS)},
	{KEY(NOTE, TEXT), ITEM(note)},
};

static const key_field phase_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(NUMBER, NUMBER), ITEM(number), JSON(ONLY)},
	{KEY(TITLE, TEXT), REQUIRED, ITEM(title)},
	{KEY(FROM, DATE), ITEM(from)},
	{KEY(TO, DATE), ITEM(to)},
	{KEY(NOTE, TEXT), ITEM(note)},
};

static const key_field question_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(TITLE, TEXT), REQUIRED, ITEM(title)},
	{KEY(NOTE, TEXT), ITEM(note)},
};

static const key_field event_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(TITLE, TEXT), REQUIRED, ITEM(title)},
	{KEY(DATE, DATE), ITEM(date), PLACE(item, date_at)},
	{KEY(PHASE, REF), ITEM(phase),
	    RESOLVED(item, resolved_phase)},
	{KEY(ACTORS, REFS), ITEM(actors), JSON(ALWAYS)},
	{KEY(TO, REFS), ITEM(to_actors), JSON(ALWAYS)},
	{KEY(TEXT, TEXT), ITEM(text)},
	{KEY(QUOTE, TEXT), ITEM(quote)},
	{KEY(SOURCES, SOURCES), ITEM(sources), JSON(ALWAYS)},
	{KEY(EVIDENCE, ENUM), ITEM(evidence), VALUES(evidence_levels),
	    JSON(ALWAYS)},
	{KEY(URL, URL), ITEM(url)},
	{KEY(TAGS, TAGS), ITEM(tags), JSON(ALWAYS)},
	{KEY(NOTE, TEXT), ITEM(note)},
};

/* The export keeps the order it had before decisions gained on and
 * stance, which the format added at the end. */
static const key_field decision_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id), ORDER(1)},
	{KEY(ACTOR, REF), REQUIRED, ITEM(actor), ORDER(3)},
	{KEY(TITLE, TEXT), REQUIRED, ITEM(title), ORDER(2)},
	{KEY(DATE, DATE), ITEM(date), PLACE(item, date_at), ORDER(7)},
	{KEY(PHASE, REF), ITEM(phase), RESOLVED(item, resolved_phase),
	    ORDER(8)},
	{KEY(TO, REFS), ITEM(to_actors), JSON(ALWAYS), ORDER(9)},
	{KEY(OUTCOME, ENUM), ITEM(outcome), VALUES(outcomes),
	    JSON(OR_NULL), ORDER(4)},
	{KEY(TEXT, TEXT), ITEM(text), ORDER(10)},
	{KEY(QUOTE, TEXT), ITEM(quote), ORDER(11)},
	{KEY(SOURCES, SOURCES), ITEM(sources), JSON(ALWAYS),
	    ORDER(12)},
	{KEY(EVIDENCE, ENUM), ITEM(evidence), VALUES(evidence_levels),
	    JSON(ALWAYS), ORDER(13)},
	{KEY(URL, URL), ITEM(url), ORDER(14)},
	{KEY(TAGS, TAGS), ITEM(tags), JSON(ALWAYS), ORDER(15)},
	{KEY(NOTE, TEXT), ITEM(note), ORDER(16)},
	{KEY(ON, REF), ITEM(on), JSON(OR_NULL), ORDER(5)},
	{KEY(STANCE, ENUM), ITEM(stance), PLACE(item, stance_at),
	    VALUES(stances), RESOLVED(item, resolved_stance), ORDER(6)},
};

static const key_field cause_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(TEXT, TEXT), REQUIRED, ITEM(text)},
	{KEY(KIND, ENUM), ITEM(cause_kind), VALUES(cause_kinds),
	    JSON(ALWAYS)},
	{KEY(BY, REF), ITEM(by), JSON(OR_NULL)},
	{KEY(FOR, REFS), ITEM(for_items), JSON(NONE)},
	{KEY(AGAINST, REFS), ITEM(against_items), JSON(NONE)},
	{KEY(DATE, DATE), ITEM(date), PLACE(item, date_at)},
	{KEY(PHASE, REF), ITEM(phase),
	    RESOLVED(item, resolved_phase)},
	{KEY(QUOTE, TEXT), ITEM(quote)},
	{KEY(SOURCES, SOURCES), ITEM(sources), JSON(ALWAYS)},
	{KEY(EVIDENCE, ENUM), ITEM(evidence), VALUES(evidence_levels),
	    JSON(ALWAYS)},
	{KEY(URL, URL), ITEM(url)},
	{KEY(TAGS, TAGS), ITEM(tags), JSON(ALWAYS)},
	{KEY(NOTE, TEXT), ITEM(note)},
};

/* A view keeps its id and title in the item, the rest in its
 * view_spec. */
static const key_field view_keys[] = {
	{KEY(ID, ID), REQUIRED, ITEM(id)},
	{KEY(TITLE, TEXT), ITEM(title)},
	{KEY(BASE, ENUM_TEXT), VIEW(base), VALUES(base_views),
	    JSON(ALWAYS)},
	{KEY(PHASES, LIST), VIEW(phases)},
	{KEY(ACTORS, ID_FILTER), VIEW(actors)},
	{KEY(GROUPS, ID_FILTER), VIEW(groups)},
	{KEY(KINDS, ENUM_LIST), VIEW(kinds), VALUES(view_kinds)},
	{KEY(TAGS, TAGS), VIEW(tags)},
	{KEY(SINCE, DATE_TEXT), VIEW(since)},
	{KEY(UNTIL, DATE_TEXT), VIEW(until),
	    PLACE(view_spec, until_at)},
	{KEY(EVIDENCE, ENUM_TEXT), VIEW(evidence),
	    VALUES(evidence_levels)},
	{KEY(FOCUS, REF_TEXT), VIEW(focus),
	    PLACE(view_spec, focus_at)},
	{KEY(DEPTH, NUMBER), VIEW(depth)},
	{KEY(QUESTION, REF_TEXT), VIEW(question),
	    PLACE(view_spec, question_at)},
	{KEY(DIRECTION, ENUM_TEXT), VIEW(direction),
	    VALUES(directions)},
	{KEY(LEGEND, BOOL), VIEW(legend)},
	{KEY(CITATIONS, BOOL), VIEW(citations)},
	{KEY(STEPS, BOOL), VIEW(steps)},
	{KEY(THEME, ENUM_TEXT), VIEW(theme), VALUES(themes)},
};

static const key_field link_keys[] = {
	{KEY(FROM, REF), REQUIRED, LINK(from_ref)},
	{KEY(TO, REF), REQUIRED, LINK(to_ref)},
	{KEY(TYPE, ENUM), REQUIRED, LINK(type), VALUES(link_types),
	    JSON(ALWAYS)},
	{KEY(LABEL, TEXT), LINK(label)},
	{KEY(DATE, DATE), LINK(date), PLACE(relation, date_at)},
	{KEY(PHASE, REF), LINK(phase),
	    RESOLVED(relation, resolved_phase)},
	{KEY(EVIDENCE, ENUM), LINK(evidence), VALUES(evidence_levels),
	    JSON(ALWAYS)},
	{KEY(SOURCES, SOURCES), LINK(sources), JSON(ALWAYS)},
	{KEY(NOTE, TEXT), LINK(note)},
};

static const key_field source_ref_keys[] = {
	{KEY(ID, REF), REQUIRED, IN_REF(src)},
	{KEY(AT, TEXT), IN_REF(at)},
};

#define TABLE(t) {(t), sizeof(t) / sizeof((t)[0])}
#define FITS(t) _Static_assert(sizeof(t) / sizeof((t)[0]) <= \
	KEYS_MAX_FIELDS, #t " has more than KEYS_MAX_FIELDS keys")

FITS(source_keys);
FITS(group_keys);
FITS(actor_keys);
FITS(phase_keys);
FITS(question_keys);
FITS(event_keys);
FITS(decision_keys);
FITS(cause_keys);
FITS(view_keys);
FITS(link_keys);
FITS(source_ref_keys);

const key_table keys_tables[KEYS__TABLES] = {
	[IT_SOURCE] = TABLE(source_keys),
	[IT_GROUP] = TABLE(group_keys),
	[IT_ACTOR] = TABLE(actor_keys),
	[IT_PHASE] = TABLE(phase_keys),
	[IT_QUESTION] = TABLE(question_keys),
	[IT_EVENT] = TABLE(event_keys),
	[IT_DECISION] = TABLE(decision_keys),
	[IT_CAUSE] = TABLE(cause_keys),
	[IT_VIEW] = TABLE(view_keys),
	[KEYS_LINK] = TABLE(link_keys),
	[KEYS_SOURCE_REF] = TABLE(source_ref_keys),
};

int
keys_code(const char *s, size_t len)
{
	int k;

	for (k = 0; k < K__COUNT; k++)
		if (key_lens[k] == len && memcmp(key_names[k], s, len) == 0)
			return k;
	return -1;
}

void
keys_index_init(key_index *ix)
{
	int t;
	size_t i;

	memset(ix, 0, sizeof(*ix));
	for (t = 0; t < KEYS__TABLES; t++) {
		size_t n = 0, r = 0;

		for (i = 0; i < keys_tables[t].n; i++) {
			const key_field *f = &keys_tables[t].v[i];

			if (f->json == KJ_ONLY)
				continue;
			ix->field[t][f->key] = f;
			ix->names[t][n++] = key_names[f->key];
			if (!f->required)
				continue;
			ix->required[t] |= KEY_BIT(f->key);
			if (f->key != K_ID)
				ix->required_names[t][r++] =
				    key_names[f->key];
		}
	}
}

size_t
keys_export_order(int table, const key_field **out)
{
	const key_table *tb = &keys_tables[table];
	size_t i, j, n = 0;

	for (i = 0; i < tb->n; i++) {
		const key_field *f = &tb->v[i];

		if (f->json == KJ_NONE)
			continue;
		/* An insertion sort by json_order that keeps the table's
		 * order among equals: the tables are short. */
		for (j = n; j > 0 && out[j - 1]->json_order > f->json_order;
		    j--)
			out[j] = out[j - 1];
		out[j] = f;
		n++;
	}
	return n;
}

const char *
keys_kind_name(key_kind kind)
{
	static const char *const names[] = {"id", "text", "url", "color",
	    "date", "date text", "ref", "ref text", "ref list", "list",
	    "id filter", "enum", "enum text", "enum list", "tags", "sources",
	    "bool", "number", "names"};

	_Static_assert(sizeof(names) / sizeof(names[0]) == KV_NAMES + 1,
	    "a kind of value has no name");
	return (size_t)kind < sizeof(names) / sizeof(names[0]) ?
	    names[kind] : "?";
}
