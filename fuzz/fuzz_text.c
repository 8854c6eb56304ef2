/* libFuzzer target: the pure text pieces, dates, label wrapping and
 * BibTeX's LaTeX text, on arbitrary bytes (not only valid UTF-8). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bibliography.h"
#include "date.h"
#include "label.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	date d;
	char shown[64], hint[65];
	buf b = {0};
	int cols = size > 0 ? 4 + data[0] % 60 : 28;

	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, strlen(s), &d) == NULL) {
		date_show(&d, shown, sizeof(shown));
		date_show(&d, shown, 3);
	}
	label_wrap_html(&b, s, cols, size > 1 ? data[1] % 8 : 0, "<BR/>");
	free(bib_tex_to_utf8(s));
	label_attr(&b, s, size / 2);
	label_token(&b, s);
	label_url(&b, s);
	load_id_problem(s, strlen(s), hint);
	model_url_allowed(s);
	buf_free(&b);
	free(s);
	return 0;
}
