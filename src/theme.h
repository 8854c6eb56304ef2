/* Themes: the colours of a diagram. Shape and line style carry meaning;
 * colour only reinforces it, so every theme reads in greyscale. */
#ifndef KG_THEME_H
#define KG_THEME_H

#include <stdbool.h>

#define THEME_PALETTE 8

typedef struct {
	bool group_colors;              /* a group's own colour is used */
	const char *background, *text, *muted, *line;
	const char *node_fill;          /* items of actors in no group */
	const char *cluster_fill, *cluster_line;
	const char *against;            /* opposes edges, rejected marks */
	const char *approve;            /* approved marks */
	const char *palette[THEME_PALETTE];     /* group colours */
	const char *fills[THEME_PALETTE];       /* group fills (light tints) */
} theme;

/* The theme with this name (one of the model's model_themes), or
 * NULL. */
const theme *theme_find(const char *name);
/* A theme's name. */
const char *theme_name(const theme *th);

#endif
