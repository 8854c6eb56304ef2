/* Diagnostics: every problem found in a model, with its place, collected
 * by the stages and printed by the command line. */
#ifndef KG_DIAG_H
#define KG_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_level;

typedef struct {
	diag_level level;
	int line, col;          /* 1-based; 0 when the problem has no place */
	size_t seq;             /* order of arrival, to keep sorting stable */
	const char *file;       /* the file it is in, when that is not the
	                         * list's own (a bibliography); the caller
	                         * keeps the name alive */
	size_t file_seq;        /* diag_sort's: when its file first came */
	char *msg;
} diag;

/* At most this many diagnostics are kept; the rest are counted. */
#define DIAG_MAX 200

typedef struct {
	const char *file;       /* the name printed before each place */
	diag *v;
	size_t n, cap;
	size_t errors, warnings, dropped;
	bool color;             /* print with terminal colours */
	bool quiet;             /* print errors only, not warnings */
	char quotes[4][96];     /* room for the quotes of one message */
	int next_quote;
} diag_list;

/* Appends a diagnostic; the list owns the formatted message. */
void diag_add(diag_list *dl, diag_level level, int line, int col,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* As diag_add, for a problem in another file than the list's: a file
 * the model names, such as a bibliography. */
void diag_add_in(diag_list *dl, const char *file, diag_level level,
    int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* True when the list keeps no more diagnostics, only counts them: a
 * message's costly parts (a did-you-mean) need not be made. */
bool diag_full(const diag_list *dl);
/* Sorts by place, keeping arrival order among equals; the problems of
 * other files come after the list's own, in the order they came. */
void diag_sort(diag_list *dl);
/* Prints every diagnostic as FILE:LINE:COL: LEVEL: MESSAGE; with text
 * given, each is followed by its source line and a caret. With dl->color
 * the place is bold and the level coloured as compilers do; with
 * dl->quiet warnings are left out. */
void diag_print(FILE *fp, const diag_list *dl, const char *text,
    size_t textlen);
void diag_free(diag_list *dl);

/* Writes s (n bytes) into out (size outsize) as a short, printable quote
 * for a message: controls and invisible characters as \u{..}, long
 * strings cut with "...". Returns out. */
char *diag_quote(char *out, size_t outsize, const char *s, size_t n);
/* diag_quote into one of the list's four quote buffers, so that a message
 * can quote up to four strings; valid until the fifth call. */
const char *dq(diag_list *dl, const char *s);
const char *dqn(diag_list *dl, const char *s, size_t n);

#endif
