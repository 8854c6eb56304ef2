/* Pages of several PDFs as one PDF, in order, with qpdf's library
 * (Debian's libqpdf): Graphviz writes a PDF of one page (or one per
 * step) at a time, and a deck is all of them in one file. The merged
 * file has a /ID made from its content, so the same pages make the same
 * bytes. */
#ifndef KG_PDF_MERGE_H
#define KG_PDF_MERGE_H

#include <stdbool.h>

#include "util.h"

/* Appends to out one PDF with every page of the n PDFs of pdfs, in
 * order; false with qpdf's message in err. */
bool pdf_merge(const buf *pdfs, int n, buf *out, char *err, size_t errsize);

#endif
