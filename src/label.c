#include "label.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void
label_html(buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		/* Graphviz expands \N, \G, \L... in HTML text too; a
		 * doubled backslash is shown as one. */
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': case '\t': buf_putc(out, ' '); break;
		case LABEL_ITALIC: buf_puts(out, "<I>"); break;
		case LABEL_ROMAN: buf_puts(out, "</I>"); break;
		default: buf_putc(out, *s);
		}
	}
}

static void
html_n(buf *out, const char *s, size_t n)
{
	char tmp[512];

	while (n > 0) {
		size_t k = n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 1;

		k = utf8_prefix(s, n, k);
		if (k == 0)
			k = n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 1;
		memcpy(tmp, s, k);
		tmp[k] = '\0';
		label_html(out, tmp);
		s += k;
		n -= k;
	}
}

/* The byte length of the longest prefix of s (n bytes) within cols
 * columns, and at least one character, so that a line always moves on. */
static size_t
fit_bytes(const char *s, size_t n, size_t cols)
{
	size_t k = utf8_prefix_width(s, n, cols), w;

	return k > 0 || n == 0 ? k : utf8_next(s, n, &w);
}

/* Closes an italic span that the label written from out->s + from opens
 * and a cut left open. */
static void
close_italic(buf *out, size_t from)
{
	int open = 0;
	size_t i;

	if (from == (size_t)-1)
		return;
	for (i = from; i + 3 <= out->len; i++) {
		if (memcmp(out->s + i, "<I>", 3) == 0)
			open = 1;
		else if (i + 4 <= out->len && memcmp(out->s + i, "</I>", 4) == 0)
			open = 0;
	}
	if (open)
		buf_puts(out, "</I>");
}

/* Lines are measured in display columns, not characters: a Hangul or Han
 * character is as wide as two Latin letters, so counting characters
 * would make a Korean or Chinese label twice as wide as a Latin one. */
void
label_wrap_html(buf *out, const char *s, int cols, int max_lines,
    const char *sep)
{
	size_t n, pos = 0, italic = (size_t)-1;
	int line = 0;

	if (s == NULL)
		return;
	n = strlen(s);
	if (cols < 4)
		cols = 4;
	while (pos < n && (s[pos] == ' ' || s[pos] == '\n'))
		pos++;
	/* An italic span left open by a cut is closed. */
	if (memchr(s, LABEL_ITALIC, n) != NULL)
		italic = out->len;
	while (pos < n) {
		size_t rest = n - pos, take, brk = 0, hyph = 0, i = pos, col = 0,
		    w;
		bool last = max_lines > 0 && line == max_lines - 1;

		/* Find the last space within cols columns (a space just
		 * after them still ends a line of cols columns). */
		while (i < n && col <= (size_t)cols) {
			if (s[i] == ' ' || s[i] == '\n')
				brk = i;
			else if ((s[i] == '-' || s[i] == '/') && i > pos &&
			    col < (size_t)cols)
				hyph = i + 1;   /* also a url's parts */
			if (s[i] == '\n' && i > pos)
				break;
			if (s[i] == LABEL_ITALIC || s[i] == LABEL_ROMAN) {
				i++;            /* takes no room */
			} else if ((unsigned char)s[i] < 0x80) {
				i++;            /* ASCII: one column */
				col++;
			} else {
				i += utf8_next(s + i, n - i, &w);
				col += w;
			}
		}
		if (i >= n && col <= (size_t)cols && memchr(s + pos, '\n',
		    rest) == NULL) {
			take = rest;            /* the rest fits */
		} else if (brk > pos) {
			take = brk - pos;
		} else if (hyph > pos) {
			/* One long word with a hyphen or a slash: break
			 * after it ("Austria-" / "Hungary", a url's
			 * "document/" / "112046"). */
			take = hyph - pos;
		} else {
			/* One long word: cut it at cols columns. */
			take = fit_bytes(s + pos, rest, (size_t)cols);
		}
		if (line > 0)
			buf_puts(out, sep);
		if (last && pos + take < n) {
			/* Leave a column for the ellipsis. */
			size_t cut = fit_bytes(s + pos, take, (size_t)cols - 1);

			while (cut > 0 && s[pos + cut - 1] == ' ')
				cut--;
			html_n(out, s + pos, cut);
			buf_puts(out, "\xe2\x80\xa6");  /* U+2026 */
			close_italic(out, italic);
			return;
		}
		html_n(out, s + pos, take);
		pos += take;
		while (pos < n && (s[pos] == ' ' || s[pos] == '\n'))
			pos++;
		line++;
	}
}

void
label_attr(buf *out, const char *s, size_t max)
{
	size_t n = strlen(s), use = utf8_prefix(s, n, max), i;

	for (i = 0; i < use; i++) {
		if (s[i] == '\\')
			/* Tooltips pass through Graphviz's escape expansion
			 * twice, each turning a doubled backslash into one:
			 * four come out as one, and \N or \G stay text. */
			buf_puts(out, "\\\\\\\\");
		else if (s[i] == '&')
			buf_puts(out, "&amp;");
		else
			buf_putc(out, s[i]);
	}
	if (use < n)
		buf_puts(out, "\xe2\x80\xa6");
}

void
label_url(buf *out, const char *url)
{
	for (; *url != '\0'; url++) {
		if (*url == '&')
			buf_puts(out, "&amp;");
		else
			buf_putc(out, *url);
	}
}

void
label_token(buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		char c = *s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_')
			buf_putc(out, c);
		else if (c >= 'A' && c <= 'Z')
			buf_putc(out, (char)(c - 'A' + 'a'));
		else
			buf_putc(out, '_');
	}
}

/* Average advance of a character in DejaVu Sans, in ems, for one display
 * column: a little above the mean of running text, so that an estimate
 * errs towards room to spare. Bold is wider. */
#define EM_PER_COLUMN 0.6
#define EM_PER_COLUMN_BOLD 0.66

void
label_html_size(const char *html, double size, double *w, double *h)
{
	double line_w = 0, line_h = 0, fs = size, widest = 0, height = 0;
	bool bold = false;
	const char *p = html;

	for (;;) {
		if (*p == '<' || *p == '\0') {
			bool br = strncmp(p, "<BR", 3) == 0;

			if (*p == '\0' || br) {
				if (line_h == 0)
					line_h = fs * LABEL_LINE_HEIGHT;
				if (line_w > widest)
					widest = line_w;
				height += line_h;
				line_w = line_h = 0;
				if (*p == '\0')
					break;
			} else if (strncmp(p, "<B>", 3) == 0) {
				bold = true;
			} else if (strncmp(p, "</B>", 4) == 0) {
				bold = false;
			} else if (strncmp(p, "<FONT POINT-SIZE=\"", 18) == 0) {
				fs = strtod(p + 18, NULL);
				if (fs <= 0)
					fs = size;
			} else if (strncmp(p, "</FONT>", 7) == 0) {
				fs = size;
			}
			while (*p != '\0' && *p != '>')
				p++;
			if (*p == '>')
				p++;
			continue;
		} else {
			size_t cols = 1, len = 1;

			if (*p == '&') {
				const char *semi = strchr(p, ';');

				len = semi != NULL ? (size_t)(semi - p) + 1 : 1;
			} else if ((unsigned char)*p >= 0x80) {
				len = utf8_next(p, strlen(p), &cols);
			}
			p += len;
			line_w += (double)cols * fs * (bold ?
			    EM_PER_COLUMN_BOLD : EM_PER_COLUMN);
			if (fs * LABEL_LINE_HEIGHT > line_h)
				line_h = fs * LABEL_LINE_HEIGHT;
		}
	}
	*w = widest;
	*h = height;
}
