/* The reader: YAML text to a document tree whose every node knows its
 * line and column, refusing what a model never needs and what could make
 * reading slow or unbounded (see the limits below). */
#ifndef KG_READER_H
#define KG_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "util.h"

/* Limits, documented in README.md. */
#define READER_MAX_FILE   (256u * 1024 * 1024) /* bytes in a model file */
#define READER_MAX_SCALAR (2u * 1024 * 1024)   /* bytes in one scalar */
#define READER_MAX_DEPTH  16                   /* nested lists and maps */
#define READER_MAX_ALIAS  100000               /* nodes added by aliases */
#define READER_MAX_ALIAS_BYTES (16 << 20)      /* text added by aliases */

typedef enum { NODE_SCALAR, NODE_SEQ, NODE_MAP } node_kind;

typedef struct node node;
/* A model has a node for every key and value, so a node is kept small:
 * a scalar's text and a collection's items share one place, as do their
 * sizes (a scalar is at most READER_MAX_SCALAR bytes, and a file at most
 * READER_MAX_FILE); and a collection holds its items themselves, in one
 * array, rather than pointers to them. */
struct node {
	union {
		const char *str;        /* a scalar's text, NUL-terminated */
		node *items;            /* a list's n items; a map's n keys and
		                         * values, as items[2i] and items[2i+1] */
	};
	union {
		uint32_t len;           /* a scalar's length in bytes */
		uint32_t n;             /* a list's items or a map's pairs */
	};
	int line, col;          /* 1-based place of the node's start */
	unsigned char kind;     /* a node_kind */
	bool plain;             /* a scalar written without quotes */
	bool ascii;             /* a scalar whose bytes are all ASCII */
};

/* Reads all of fp into *text (owned by the caller, NUL-terminated) and
 * its length into *len; false with a diagnostic if it cannot be read or
 * is larger than READER_MAX_FILE. */
bool reader_slurp(FILE *fp, char **text, size_t *len, diag_list *dl);

/* Parses text into a tree whose nodes are allocated in a and whose
 * scalars' text in texts; returns the root mapping, or NULL after adding
 * diagnostics. The loader keeps texts as the model's own arena, so that
 * the tree (a) can be freed once the model is loaded. */
node *reader_parse(const char *text, size_t len, arena *a, arena *texts,
    diag_list *dl);

/* As reader_parse, for a file that is not a model (a CSL-JSON
 * bibliography): the root of any kind; NULL for an empty file too. */
node *reader_parse_any(const char *text, size_t len, arena *a,
    arena *texts, diag_list *dl);

/* The value under key in a map node, or NULL. */
node *node_get(const node *map, const char *key);

#endif
