/* Sources printed as historians cite them: the full reference of a
 * source in the Chicago Manual of Style's bibliography form, in its
 * notes-bibliography or its author-date style, its short form, and its
 * author. A source with 'cite' is printed as the model writes it. */
#ifndef KG_CITE_H
#define KG_CITE_H

#include <stdbool.h>

#include "model.h"
#include "util.h"

/* Appends the full reference of src as style st writes it in a
 * bibliography. With italics, titles that the style sets in italics are
 * put between label.h's LABEL_ITALIC and LABEL_ROMAN bytes; else they
 * are plain. A source with 'cite' gives its cite, and its archive in
 * parentheses. */
void cite_full(buf *out, const item *src, cite_style st, bool italics);

/* As cite_full, plain, with the locator at (if not NULL) before the
 * reference's closing period: "... 54, 87–91, n. 5." */
void cite_at(buf *out, const item *src, cite_style st, const char *at);

/* Appends the short form of src: "Bajanov 1995" in the author-date
 * style, "Bajanov, "Assessing the Politics"" in the notes style; the
 * text before the first comma of a cite; else the id. Plain text. */
void cite_short(buf *out, const item *src, cite_style st);

/* Appends who wrote src: "Evgueni Bajanov", "Bajanov and Torkunov",
 * "Bajanov et al.", its editors, or the text of a cite before its first
 * comma; else the id. Plain text. */
void cite_author(buf *out, const item *src);

#endif
