/* Fonts: whether the fonts installed on this machine (asked through
 * fontconfig) can show every character of a model's text, so that a name
 * in its own script never vanishes from a PDF or PNG unnoticed. */
#ifndef KG_FONTS_H
#define KG_FONTS_H

#include "model.h"

/* Adds a warning, at the item, for the first character of each text field
 * that no installed font covers. */
void fonts_check(const model *m, diag_list *dl);

/* From here on, in this process, glyphs are loaded without hinting: a
 * PDF is vector and shown at every size, where outlines fitted to the
 * pixels of one size are only slower to make (a fifth of a PDF's drawing
 * time). The text's measures, and so the layout, do not change. */
void fonts_unhinted(void);

#endif
