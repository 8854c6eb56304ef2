/* Files compiled into the program from the repository (see tools/embed.c
 * and the Makefile): the built-in model, the JSON Schema and the starter
 * model of `kgraph init`, and the HTML page's script and style. */
#ifndef KG_EMBEDDED_H
#define KG_EMBEDDED_H

#include <stddef.h>

extern const char kg_builtin_model[];
extern const size_t kg_builtin_model_len;
extern const char kg_schema[];
extern const size_t kg_schema_len;
extern const char kg_starter[];
extern const size_t kg_starter_len;
extern const char kg_page_js[];         /* the HTML page's script */
extern const size_t kg_page_js_len;
extern const char kg_deck_js[];         /* the deck page's script */
extern const size_t kg_deck_js_len;
extern const char kg_page_css[];        /* and its style */
extern const size_t kg_page_css_len;

/* The built-in model's name, as diagnostics and `kgraph list` show it. */
#define KG_BUILTIN_NAME "korea-1949-1950.yaml (built in)"

#endif
