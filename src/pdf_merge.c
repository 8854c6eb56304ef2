#include "pdf_merge.h"

#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>

/* qpdf's message for its last error, into err. */
static void
qpdf_message(qpdf_data q, char *err, size_t errsize)
{
	qpdf_error e = qpdf_get_error(q);

	snprintf(err, errsize, "cannot merge the slides' PDFs: %s",
	    e ? qpdf_get_error_full_text(q, e) : "unknown error");
}

bool
pdf_merge(const buf *pdfs, int n, buf *out, char *err, size_t errsize)
{
	qpdf_data dst = qpdf_init(), *src = xcalloc((size_t)n + 1,
	    sizeof(*src));
	bool ok = true;
	int i, k, pages;

	qpdf_silence_errors(dst);
	if (qpdf_empty_pdf(dst) & QPDF_ERRORS) {
		qpdf_message(dst, err, errsize);
		ok = false;
	}
	/* Each source stays open until the merged file is written: its
	 * pages' contents are copied then. */
	for (i = 0; ok && i < n; i++) {
		src[i] = qpdf_init();
		qpdf_silence_errors(src[i]);
		if (qpdf_read_memory(src[i], "slide", pdfs[i].s,
		    (unsigned long long)pdfs[i].len, NULL) & QPDF_ERRORS) {
			qpdf_message(src[i], err, errsize);
			ok = false;
			break;
		}
		pages = qpdf_get_num_pages(src[i]);
		for (k = 0; ok && k < pages; k++)
			if (qpdf_add_page(dst, src[i], qpdf_get_page_n(src[i],
			    (size_t)k), QPDF_FALSE) & QPDF_ERRORS) {
				qpdf_message(dst, err, errsize);
				ok = false;
			}
	}
	if (ok) {
		qpdf_init_write_memory(dst);
		qpdf_set_deterministic_ID(dst, QPDF_TRUE);
		if (qpdf_write(dst) & QPDF_ERRORS) {
			qpdf_message(dst, err, errsize);
			ok = false;
		} else {
			buf_putn(out, (const char *)qpdf_get_buffer(dst),
			    qpdf_get_buffer_length(dst));
		}
	}
	for (i = 0; i < n; i++)
		if (src[i] != NULL)
			qpdf_cleanup(&src[i]);
	free(src);
	qpdf_cleanup(&dst);
	return ok;
}
