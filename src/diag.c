#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

bool
diag_full(const diag_list *dl)
{
	return dl->n >= DIAG_MAX;
}

static void
diag_vadd(diag_list *dl, const char *file, diag_level level, int line,
    int col, const char *fmt, va_list ap)
{
	buf b = {0};
	diag *d;

	if (level == DIAG_ERROR)
		dl->errors++;
	else
		dl->warnings++;
	if (dl->n >= DIAG_MAX) {
		dl->dropped++;
		return;
	}
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 16;
		dl->v = xrealloc(dl->v, dl->cap * sizeof(*dl->v));
	}
	buf_vprintf(&b, fmt, ap);
	d = &dl->v[dl->n];
	d->file = file;
	d->level = level;
	d->line = line;
	d->col = col;
	d->seq = dl->n;
	d->msg = b.s;
	dl->n++;
}

void
diag_add(diag_list *dl, diag_level level, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(dl, NULL, level, line, col, fmt, ap);
	va_end(ap);
}

void
diag_add_in(diag_list *dl, const char *file, diag_level level, int line,
    int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(dl, file, level, line, col, fmt, ap);
	va_end(ap);
}

static int
diag_cmp(const void *pa, const void *pb)
{
	const diag *a = pa, *b = pb;

	if ((a->file != NULL) != (b->file != NULL))
		return a->file != NULL ? 1 : -1;
	/* Other files in the order they first came, each by place. */
	if (a->file != NULL && a->file_seq != b->file_seq)
		return a->file_seq < b->file_seq ? -1 : 1;
	return place_cmp(a->line, a->col, a->seq, b->line, b->col, b->seq);
}

void
diag_sort(diag_list *dl)
{
	size_t i, j;

	for (i = 0; i < dl->n; i++) {
		dl->v[i].file_seq = dl->v[i].seq;
		for (j = 0; dl->v[i].file != NULL && j < dl->n; j++)
			if (dl->v[j].file != NULL && dl->v[j].seq <
			    dl->v[i].file_seq && strcmp(dl->v[j].file,
			    dl->v[i].file) == 0)
				dl->v[i].file_seq = dl->v[j].seq;
	}
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), diag_cmp);
}

/* Prints line `line` of text and a caret under column `col`; columns count
 * characters, so the caret lines up for any script of equal width. */
static void
print_caret(FILE *fp, const char *text, size_t len, int line, int col,
    bool color)
{
	size_t i = 0, start, end, shown, width;
	int l = 1, c;
	char out[256];

	while (i < len && l < line) {
		if (text[i] == '\n')
			l++;
		i++;
	}
	if (l != line || i >= len)
		return;
	start = i;
	while (i < len && text[i] != '\n' && text[i] != '\r')
		i++;
	end = i;
	shown = utf8_prefix(text + start, end - start, 160);
	/* A tab is shown as a space, so that the caret under it lines
	 * up; other invisible characters are shown escaped. */
	{
		char line_copy[4 * 160 + 8];
		size_t j;

		memcpy(line_copy, text + start, shown);
		for (j = 0; j < shown; j++)
			if (line_copy[j] == '\t')
				line_copy[j] = ' ';
		diag_quote(out, sizeof(out), line_copy, shown);
	}
	/* diag_quote wraps in quotes; print without them. */
	out[strlen(out) - 1] = '\0';
	fprintf(fp, "  %s\n  ", out + 1);
	/* The column counts characters; the caret goes under the display
	 * columns they take: two for each of Hangul or Han, one for a tab,
	 * and the length of its escape for a character shown escaped. */
	width = 0;
	for (i = start, c = 1; c < col && i < end; c++) {
		uint32_t cp;
		size_t k = utf8_decode(text + i, end - i, &cp);
		char esc[24];

		if (k == 0)
			width += 4;     /* \xNN */
		else if (cp == '\t')
			width += 1;
		else if (utf8_is_control(cp) || utf8_is_invisible(cp))
			width += (size_t)snprintf(esc, sizeof(esc), "\\u{%X}",
			    (unsigned)cp);
		else
			width += utf8_width(text + i, k);
		i += k ? k : 1;
	}
	width += (size_t)(col - c);
	for (c = 0; (size_t)c < width && c < 200; c++)
		fputc(' ', fp);
	fputs(color ? "\033[1;32m^\033[0m\n" : "^\n", fp);
}

void
diag_print(FILE *fp, const diag_list *dl, const char *text, size_t textlen)
{
	/* The colours of gcc and clang: bold place, red error, magenta
	 * warning, green caret. */
	const char *bold = dl->color ? "\033[1m" : "";
	const char *off = dl->color ? "\033[0m" : "";
	size_t i;

	for (i = 0; i < dl->n; i++) {
		const diag *d = &dl->v[i];
		bool err = d->level == DIAG_ERROR;
		const char *level = err ? "error" : "warning";
		const char *hue = !dl->color ? "" : err ? "\033[1;31m" :
		    "\033[1;35m";

		const char *file = d->file != NULL ? d->file : dl->file;

		if (!err && dl->quiet)
			continue;
		if (d->line > 0 && d->col > 0)
			fprintf(fp, "%s%s:%d:%d:%s %s%s:%s %s\n", bold, file,
			    d->line, d->col, off, hue, level, off, d->msg);
		else if (d->line > 0)
			fprintf(fp, "%s%s:%d:%s %s%s:%s %s\n", bold, file,
			    d->line, off, hue, level, off, d->msg);
		else
			fprintf(fp, "%s%s:%s %s%s:%s %s\n", bold, file, off,
			    hue, level, off, d->msg);
		if (text != NULL && d->line > 0 && d->file == NULL)
			print_caret(fp, text, textlen, d->line, d->col,
			    dl->color);
	}
	if (dl->dropped > 0)
		fprintf(fp, "%s%s:%s note: %zu more problems not shown\n",
		    bold, dl->file, off, dl->dropped);
}

void
diag_free(diag_list *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		free(dl->v[i].msg);
	free(dl->v);
	dl->v = NULL;
	dl->n = dl->cap = 0;
}

char *
diag_quote(char *out, size_t outsize, const char *s, size_t n)
{
	size_t o = 0, i = 0, limit = outsize - 16;
	uint32_t cp;

	out[o++] = '\'';
	while (i < n && o < limit) {
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (k == 0) {
			o += (size_t)snprintf(out + o, outsize - o, "\\x%02X",
			    (unsigned char)s[i]);
			i++;
		} else if (utf8_is_control(cp) || utf8_is_invisible(cp) ||
		    cp == '\n' || cp == '\t') {
			o += (size_t)snprintf(out + o, outsize - o, "\\u{%X}",
			    (unsigned)cp);
			i += k;
		} else {
			if (o + k >= limit)
				break;
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		}
	}
	if (i < n) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o++] = '\'';
	out[o] = '\0';
	return out;
}

const char *
dqn(diag_list *dl, const char *s, size_t n)
{
	char *out = dl->quotes[dl->next_quote];

	dl->next_quote = (dl->next_quote + 1) % 4;
	return diag_quote(out, sizeof(dl->quotes[0]), s, n);
}

const char *
dq(diag_list *dl, const char *s)
{
	return dqn(dl, s, strlen(s));
}
