/* Unit tests for the table of keys (src/keys.h) against the JSON Schema
 * of the format (src/schema.json, read from the top folder, where the
 * tests run): both must name the same keys for each kind of item, for
 * links and for source references, require the same ones and allow the
 * same values of each enum. The schema is read with kgraph's own reader:
 * JSON is YAML.
 *
 * With --print, prints the table instead, one "table key kind required
 * export" line a key. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "reader.h"

#define SCHEMA "src/schema.json"

/* The schema's $defs entry of each table. */
static const char *
table_def(int t)
{
	if (t < IT__COUNT)
		return model_type_names[t];
	return t == KEYS_LINK ? "link" : "sourceref";
}

typedef struct {
	char *text;
	arena *nodes, *texts;
	diag_list dl;
	const node *defs;
	key_index ix;
} schema;

/* The schema is read by the first test that needs it, rather than in
 * a group setup, so that a schema that cannot be read fails the tests
 * instead of leaving none run. */
static schema *
the_schema(void **state)
{
	schema *s = *state;
	FILE *fp;
	size_t len;
	const node *root;

	if (s->defs != NULL)
		return s;
	if ((fp = fopen(SCHEMA, "rb")) == NULL)
		fail_msg("cannot open %s (the tests run from the top folder)",
		    SCHEMA);
	s->dl.file = SCHEMA;
	if (!reader_slurp(fp, &s->text, &len, &s->dl)) {
		fclose(fp);
		fail_msg("cannot read %s", SCHEMA);
	}
	fclose(fp);
	s->nodes = arena_new();
	s->texts = arena_new();
	root = reader_parse(s->text, len, s->nodes, s->texts, &s->dl);
	if (root == NULL || node_get(root, "$defs") == NULL ||
	    node_get(root, "$defs")->kind != NODE_MAP)
		fail_msg("%s is not JSON with $defs", SCHEMA);
	s->defs = node_get(root, "$defs");
	return s;
}

static int
setup(void **state)
{
	schema *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return -1;
	keys_index_init(&s->ix);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	schema *s = *state;

	if (s == NULL)
		return 0;
	if (s->nodes != NULL)
		arena_free(s->nodes);
	if (s->texts != NULL)
		arena_free(s->texts);
	diag_free(&s->dl);
	free(s->text);
	free(s);
	return 0;
}

/* The object a $defs entry describes: the entry itself, or the one of
 * its anyOf that is an object (a source reference is an id or one). */
static const node *
def_object(const node *def)
{
	const node *any = node_get(def, "anyOf");
	size_t i;

	if (node_get(def, "properties") != NULL || any == NULL ||
	    any->kind != NODE_SEQ)
		return node_get(def, "properties") ? def : NULL;
	for (i = 0; i < any->n; i++)
		if (node_get(&any->items[i], "properties") != NULL)
			return &any->items[i];
	return NULL;
}

static bool
seq_has(const node *seq, const char *s)
{
	size_t i;

	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++)
		if (seq->items[i].kind == NODE_SCALAR &&
		    strcmp(seq->items[i].str, s) == 0)
			return true;
	return false;
}

/* The list of values an enum property allows: its enum, or that of the
 * definition it names, or of the items of its lists; NULL if none. */
static const node *
prop_enum(const node *defs, const node *prop, int depth)
{
	const node *n;
	size_t i;

	if (prop == NULL || prop->kind != NODE_MAP || depth > 4)
		return NULL;
	if ((n = node_get(prop, "enum")) != NULL)
		return n;
	if ((n = node_get(prop, "$ref")) != NULL &&
	    strncmp(n->str, "#/$defs/", 8) == 0)
		return prop_enum(defs, node_get(defs, n->str + 8), depth + 1);
	if ((n = node_get(prop, "items")) != NULL)
		return prop_enum(defs, n, depth + 1);
	if ((n = node_get(prop, "anyOf")) != NULL && n->kind == NODE_SEQ)
		for (i = 0; i < n->n; i++) {
			const node *e = prop_enum(defs, &n->items[i],
			    depth + 1);

			if (e != NULL)
				return e;
		}
	return NULL;
}

/* Every key a table gives a type is a property of the type's schema,
 * required there exactly when the table requires it. */
static void
test_schema_has_the_tables_keys(void **state)
{
	schema *s = the_schema(state);
	int t;
	size_t i;

	for (t = 0; t < KEYS__TABLES; t++) {
		const node *obj = def_object(node_get(s->defs, table_def(t)));
		const node *props, *req;

		if (obj == NULL)
			fail_msg("%s has no object $defs/%s", SCHEMA,
			    table_def(t));
		props = node_get(obj, "properties");
		req = node_get(obj, "required");
		for (i = 0; i < keys_tables[t].n; i++) {
			const key_field *f = &keys_tables[t].v[i];
			const char *k = key_names[f->key];

			if (f->json == KJ_ONLY)
				continue;       /* not a key of the format */
			if (node_get(props, k) == NULL)
				fail_msg("the table gives %s the key '%s', "
				    "which %s does not", table_def(t), k,
				    SCHEMA);
			if (f->required != seq_has(req, k))
				fail_msg("'%s' of %s is %srequired in the "
				    "table but %srequired in %s", k,
				    table_def(t), f->required ? "" : "not ",
				    f->required ? "not " : "", SCHEMA);
		}
	}
}

/* Every property of every object the schema defines is a key of the
 * table for that object, and each of its required keys is one too. */
static void
test_table_has_the_schemas_keys(void **state)
{
	schema *s = the_schema(state);
	size_t i, j;

	for (i = 0; i < s->defs->n; i++) {
		const char *name = s->defs->items[2 * i].str;
		const node *obj = def_object(&s->defs->items[2 * i + 1]);
		const node *props, *req;
		int t;

		if (obj == NULL)
			continue;       /* a value, not an object */
		for (t = 0; t < KEYS__TABLES; t++)
			if (strcmp(table_def(t), name) == 0)
				break;
		if (t == KEYS__TABLES)
			fail_msg("%s defines the object '%s', which no table "
			    "of keys describes", SCHEMA, name);
		props = node_get(obj, "properties");
		for (j = 0; j < props->n; j++) {
			const char *k = props->items[2 * j].str;
			int code = keys_code(k, strlen(k));

			if (code < 0 || s->ix.field[t][code] == NULL)
				fail_msg("%s gives %s the key '%s', which the "
				    "table does not", SCHEMA, name, k);
		}
		req = node_get(obj, "required");
		for (j = 0; req != NULL && j < req->n; j++)
			if (node_get(props, req->items[j].str) == NULL)
				fail_msg("%s requires '%s' of %s but does not "
				    "define it", SCHEMA, req->items[j].str,
				    name);
	}
}

/* An enum key allows the same values in both, and a key has values in
 * one only if it has them in the other. */
static void
test_enums_match(void **state)
{
	schema *s = the_schema(state);
	int t;
	size_t i, j, n;

	for (t = 0; t < KEYS__TABLES; t++) {
		const node *props = node_get(def_object(node_get(s->defs,
		    table_def(t))), "properties");

		for (i = 0; i < keys_tables[t].n; i++) {
			const key_field *f = &keys_tables[t].v[i];
			const char *k = key_names[f->key];
			const node *e = prop_enum(s->defs, node_get(props, k),
			    0);

			if (f->json == KJ_ONLY)
				continue;
			if ((e != NULL) != (f->values != NULL))
				fail_msg("'%s' of %s has values in %s only",
				    k, table_def(t), e != NULL ? SCHEMA :
				    "the table");
			if (e == NULL)
				continue;
			for (j = n = 0; f->values->names[j] != NULL; j++) {
				const char *v = f->values->names[j];

				if (v[0] == '\0')
					continue;       /* none */
				n++;
				if (!seq_has(e, v))
					fail_msg("'%s' of %s: %s does "
					    "not allow '%s'", k,
					    table_def(t), SCHEMA, v);
			}
			if (n != e->n)
				fail_msg("'%s' of %s: %s allows %u values, the "
				    "table %zu", k, table_def(t), SCHEMA,
				    (unsigned)e->n, n);
		}
	}
}

/* The export writes each key of a table once, but for those it leaves
 * out; where a table orders its export, it orders every key. */
static void
test_export_order(void **state)
{
	int t;
	size_t i, j;

	(void)state;
	for (t = 0; t < KEYS__TABLES; t++) {
		const key_field *order[KEYS_MAX_FIELDS];
		size_t n = keys_export_order(t, order), want = 0, ordered = 0;

		for (i = 0; i < keys_tables[t].n; i++) {
			want += keys_tables[t].v[i].json != KJ_NONE;
			ordered += keys_tables[t].v[i].json_order != 0;
		}
		assert_int_equal(n, want);
		if (ordered != 0 && ordered != keys_tables[t].n)
			fail_msg("%s orders the export of %zu of its %zu keys",
			    table_def(t), ordered, keys_tables[t].n);
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (order[i]->key == order[j]->key ||
				    (ordered && order[i]->json_order ==
				    order[j]->json_order))
					fail_msg("%s exports '%s' twice, "
					    "or two keys at one place",
					    table_def(t),
					    key_names[order[i]->key]);
	}
}

/* Each row has what its kind and its export need: the loader and the
 * export read them without asking. */
static void
test_rows_are_whole(void **state)
{
	int t;
	size_t i;

	(void)state;
	for (t = 0; t < KEYS__TABLES; t++)
		for (i = 0; i < keys_tables[t].n; i++) {
			const key_field *f = &keys_tables[t].v[i];
			const char *k = key_names[f->key];
			bool enum_kind = f->kind == KV_ENUM ||
			    f->kind == KV_ENUM_TEXT || f->kind == KV_ENUM_LIST;
			bool keeps_place = f->kind == KV_DATE ||
			    f->kind == KV_DATE_TEXT || f->kind == KV_ENUM ||
			    f->kind == KV_REF_TEXT;
			key_home home = t < IT__COUNT ? KH_ITEM :
			    t == KEYS_LINK ? KH_LINK : KH_SOURCE_REF;

			if (enum_kind != (f->values != NULL))
				fail_msg("%s '%s': values for an enum, "
				    "and only for one", table_def(t), k);
			if (f->at != 0 && !keeps_place)
				fail_msg("%s '%s': a place for a kind "
				    "that keeps none", table_def(t), k);
			if (f->kind == KV_REF_TEXT && f->at == 0)
				fail_msg("%s '%s': no place", table_def(t), k);
			if (f->json == KJ_RESOLVED && (f->derived == 0 ||
			    (f->kind != KV_REF && f->kind != KV_ENUM)))
				fail_msg("%s '%s': resolved, but not a "
				    "ref or an enum with a derived field",
				    table_def(t), k);
			/* The export writes an absent text that it always
			 * writes as the first of its values. */
			if (f->json == KJ_ALWAYS && f->values == NULL &&
			    f->kind != KV_DATE && f->kind != KV_REFS &&
			    f->kind != KV_LIST && f->kind != KV_ID_FILTER &&
			    f->kind != KV_TAGS && f->kind != KV_SOURCES &&
			    f->kind != KV_BOOL && f->kind != KV_NUMBER)
				fail_msg("%s '%s': always written, with no "
				    "default", table_def(t), k);
			if (f->home != home && !(t == IT_VIEW &&
			    f->home == KH_VIEW) && !(t == IT_SOURCE &&
			    f->home == KH_REFERENCE))
				fail_msg("%s '%s': kept in the wrong record",
				    table_def(t), k);
		}
}

/* Every name of KEYS is a key of some table, and finds its own code. */
static void
test_every_name_is_used(void **state)
{
	int k, t;
	size_t i;

	(void)state;
	for (k = 0; k < K__COUNT; k++) {
		bool used = false;

		assert_int_equal(keys_code(key_names[k],
		    strlen(key_names[k])), k);
		for (t = 0; t < KEYS__TABLES; t++)
			for (i = 0; i < keys_tables[t].n; i++)
				used |= (int)keys_tables[t].v[i].key == k;
		if (!used)
			fail_msg("no table has the key '%s'", key_names[k]);
	}
	assert_int_equal(keys_code("i", 1), -1);
	assert_int_equal(keys_code("idx", 3), -1);
}

static void
print_table(void)
{
	static const char *const json[] = {"present", "always", "or-null",
	    "resolved", "none", "only"};
	int t;
	size_t i;

	for (t = 0; t < KEYS__TABLES; t++)
		for (i = 0; i < keys_tables[t].n; i++) {
			const key_field *f = &keys_tables[t].v[i];

			printf("%s %s %s %s %s\n", table_def(t),
			    key_names[f->key], keys_kind_name(f->kind),
			    f->required ? "required" : "optional",
			    json[f->json]);
		}
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_has_the_tables_keys),
		cmocka_unit_test(test_table_has_the_schemas_keys),
		cmocka_unit_test(test_enums_match),
		cmocka_unit_test(test_export_order),
		cmocka_unit_test(test_rows_are_whole),
		cmocka_unit_test(test_every_name_is_used),
	};

	if (argc == 2 && strcmp(argv[1], "--print") == 0) {
		print_table();
		return 0;
	}
	return cmocka_run_group_tests(tests, setup, teardown);
}
