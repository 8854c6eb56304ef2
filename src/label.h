/* Label text for the graph stage: wrapping at a number of columns without
 * splitting a UTF-8 character, and escaping for Graphviz attributes. */
#ifndef KG_LABEL_H
#define KG_LABEL_H

#include <stddef.h>

#include "util.h"

/* The lines a label may take where its box grows with it (a node, an
 * edge's label, a group's box, the key): every text a slide can show is
 * wrapped in full, and only a text far longer than that (a megabyte
 * pasted by mistake) is cut, with the whole of it in the tooltip. A
 * fixed box (a cell of the stances grid, a lane, a phase's band) cuts
 * at its own few lines instead. */
#define LABEL_MAX_LINES 16

/* Bytes that begin and end an italic span in a text given to
 * label_wrap_html or label_html (written <I> and </I>): a title in a
 * reference. No text of a model holds them: YAML does not allow them. */
#define LABEL_ITALIC '\x0e'
#define LABEL_ROMAN '\x0f'

/* Appends s wrapped at cols display columns per line (a Hangul or Han
 * character takes two), each line escaped for an HTML-like label and
 * lines joined by sep (such as "<BR/>"). At most max_lines lines are
 * written; a cut text ends with an ellipsis. */
void label_wrap_html(buf *out, const char *s, int cols, int max_lines,
    const char *sep);
/* Appends s escaped for an HTML-like label: & < > " ' as entities, and
 * each backslash doubled (Graphviz expands \N, \G... in HTML text). */
void label_html(buf *out, const char *s);
/* Appends s escaped for a Graphviz tooltip: each backslash as four
 * (Graphviz 2.43 expands escapes such as \N and \G in tooltips twice)
 * and & written as &amp;, since Graphviz decodes entities. At most max
 * bytes of s are used (on a character boundary), with an ellipsis when
 * cut. */
void label_attr(buf *out, const char *s, size_t max);
/* Appends url for Graphviz's URL attribute, which is written raw into
 * the SVG: & as &amp;, nothing else changed (the loader has refused
 * every other unsafe character). */
void label_url(buf *out, const char *url);
/* Appends s made safe as part of an SVG id or class: a-z, 0-9, '-' and
 * '_' kept, anything else as '_'. */
void label_token(buf *out, const char *s);

/* Estimates the size in points of an HTML-like label as the items' and
 * headers' labels are written (lines split at <BR/>, <B> and <FONT
 * POINT-SIZE> changing the size, entities one character), at base font
 * size size: for a view that places its nodes before Graphviz measures
 * them. The estimate errs towards the larger. */
void label_html_size(const char *html, double size, double *w, double *h);
/* The height label_html_size gives a line, in ems of its size: more than
 * Graphviz's own one em between lines, as room for lines of mixed
 * sizes. */
#define LABEL_LINE_HEIGHT 1.2

#endif
