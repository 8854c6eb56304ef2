/* Shared pieces: allocation that aborts on exhaustion, an arena, a growable
 * byte buffer, UTF-8 helpers and did-you-mean suggestions. */
#ifndef KG_UTIL_H
#define KG_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* malloc, calloc, realloc and strdup that abort with a message when memory
 * runs out; the caller owns and frees the result. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* A region allocator: everything allocated from it is freed by arena_free. */
typedef struct arena arena;
arena *arena_new(void);
void *arena_alloc(arena *a, size_t n);          /* zeroed, aligned */
/* Zeroed, aligned only for pointers and integers: for the many small
 * records of a document tree, which a max_align_t would pad. */
void *arena_alloc_packed(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

/* A growable byte buffer, always NUL-terminated; the caller frees ->s. */
typedef struct {
	char *s;
	size_t len, cap;
} buf;
void buf_putn(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void buf_free(buf *b);

/* Length of the valid UTF-8 sequence at s (at most n bytes), storing the
 * code point in *cp; 0 if the bytes are not valid UTF-8. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* True if all n bytes of s are valid UTF-8. */
bool utf8_valid(const char *s, size_t n);
/* True for C0 and C1 controls other than tab and newline, and DEL. */
bool utf8_is_control(uint32_t cp);
/* True for characters that draw nothing or reorder text: format
 * characters (bidirectional controls, zero-width characters, tags...),
 * the line and paragraph separators and the Hangul fillers. */
bool utf8_is_invisible(uint32_t cp);
/* The number of code points in s. */
size_t utf8_length(const char *s, size_t n);
/* The largest prefix length <= max that ends on a character boundary. */
size_t utf8_prefix(const char *s, size_t n, size_t max);
/* The byte length of the character at s (at most n bytes, 0 if n is 0),
 * with the columns it takes on a terminal or in a label in *cols: 2 for
 * wide characters (Hangul, Han, kana, most emoji), 0 for combining marks
 * and format characters, 1 for the rest, ASCII controls included. A byte
 * that is not valid UTF-8 is taken alone, as one column. */
size_t utf8_next(const char *s, size_t n, size_t *cols);
/* The columns the n bytes of s take. */
size_t utf8_width(const char *s, size_t n);
/* The byte length of the longest prefix of s that takes at most cols
 * columns; it keeps combining marks with the character before them. */
size_t utf8_prefix_width(const char *s, size_t n, size_t cols);

/* Orders two places in a file (line, then column), and two that share a
 * place by tie_a and tie_b, their order of making: for qsort, which is
 * not stable. */
int place_cmp(int line_a, int col_a, size_t tie_a, int line_b, int col_b,
    size_t tie_b);

/* Damerau-style edit distance between two short strings. */
size_t edit_distance(const char *a, const char *b);
/* The candidate nearest to word, or NULL when none is close enough to be a
 * plausible typo. candidates is NULL-terminated. */
const char *suggest(const char *word, const char *const *candidates);



/* A hash table from byte strings to pointers. Keys are not copied: they
 * must outlive the map. */
struct strmap_entry {
	const char *key;        /* NULL in an empty slot */
	uint32_t len;           /* keys are shorter than 4 GiB */
	uint32_t hash;          /* the low half of the key's hash */
	void *value;
	uint64_t head;          /* the key's first 8 bytes, zero-padded */
};
typedef struct {
	struct strmap_entry *entries;
	size_t n, cap;
} strmap;
/* The value stored under key, or NULL. */
void *strmap_get(const strmap *m, const char *key, size_t len);
/* Stores value under key unless the key is present; returns the value
 * already stored, or NULL when it was added. */
void *strmap_put(strmap *m, const char *key, size_t len, void *value);
void strmap_free(strmap *m);
/* Starts loading the slot where a lookup of key begins. A large table's
 * slots are cache misses; a loop over many keys can overlap them by
 * asking for the slots of keys a few steps ahead. */
void strmap_prefetch(const strmap *m, const char *key, size_t len);
/* The hash of n bytes that strmap uses, for tables of the same keys. */
uint64_t strmap_hash(const char *s, size_t n);
#endif
