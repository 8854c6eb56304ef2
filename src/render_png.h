/* PNG pictures: a Graphviz device that takes the pixels the cairo
 * renderer drew, and the PNG written from them with libpng. */
#ifndef KG_RENDER_PNG_H
#define KG_RENDER_PNG_H

#include <graphviz/gvc.h>
#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* The device's name for gvRenderData: kgraph's, on Graphviz's cairo
 * renderer. */
#define RENDER_PNG_DEVICE "kgpng:cairo"

/* Makes the device known to gvc, once, before any rendering. */
void render_png_register(GVC_t *gvc);

/* Appends to out, as a PNG, the picture that the last rendering through
 * RENDER_PNG_DEVICE drew (RGB when it is opaque, RGBA when not), and
 * forgets it; false with a message in err when there is none or libpng
 * fails. */
bool render_png_write(buf *out, char *err, size_t errsize);

#endif
