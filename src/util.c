#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include <utf8proc.h>

static void
out_of_memory(void)
{
	fputs("kgraph: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* Blocks of ARENA_BLOCK bytes at first, then of a quarter of the arena's
 * size up to ARENA_BLOCK_MAX, so that a large model takes few blocks and
 * a small one wastes little; a larger request gets its own block. */
#define ARENA_BLOCK (64 * 1024)
#define ARENA_BLOCK_MAX (1024 * 1024)

/* Blocks of at least this size are mapped with their pages already in
 * place where the system can (MAP_POPULATE): a large model touches every
 * page of its arenas, and taking a page fault for each page costs about a
 * quarter more system time than mapping them all at once. A small model's
 * blocks come from malloc. */
#if defined(MAP_POPULATE) && defined(MAP_ANONYMOUS)
#define ARENA_MAP ARENA_BLOCK_MAX
#endif

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	bool mapped;            /* by mmap, not malloc */
	max_align_t data[];
};

struct arena {
	struct arena_block *head;
	size_t total;           /* the size of its blocks */
};

static struct arena_block *
block_new(size_t size)
{
	struct arena_block *b;

#ifdef ARENA_MAP
	if (size >= ARENA_MAP) {
		b = mmap(NULL, sizeof(*b) + size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		if (b == MAP_FAILED)
			out_of_memory();
		b->mapped = true;
		return b;
	}
#endif
	b = xmalloc(sizeof(*b) + size);
	b->mapped = false;
	return b;
}

static void
block_free(struct arena_block *b)
{
#ifdef ARENA_MAP
	if (b->mapped) {
		munmap(b, sizeof(*b) + b->size);
		return;
	}
#endif
	free(b);
}

arena *
arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

/* n bytes at the given alignment (a power of two, at most that of
 * max_align_t), not zeroed. */
static void *
arena_take(arena *a, size_t n, size_t align)
{
	struct arena_block *b = a->head;
	size_t at;

	if (b != NULL) {
		at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->size && b->size - at >= n) {
			b->used = at + n;
			return (char *)b->data + at;
		}
	}
	{
		size_t size = a->total / 4;

		if (size < ARENA_BLOCK)
			size = ARENA_BLOCK;
		if (size > ARENA_BLOCK_MAX)
			size = ARENA_BLOCK_MAX;
		if (n > size)
			size = n;
		b = block_new(size);
		b->used = n;
		b->size = size;
		a->total += size;
		/* A large block goes behind the head so the head keeps its room. */
		if (a->head != NULL && n == size) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
		return b->data;
	}
}

/* n zeroed bytes, rounded up to and aligned at align. */
static void *
arena_zeroed(arena *a, size_t n, size_t align)
{
	void *p;

	n = (n + align - 1) / align * align;
	p = arena_take(a, n, align);
	memset(p, 0, n);
	return p;
}

void *
arena_alloc(arena *a, size_t n)
{
	/* The alignment of max_align_t, not its size: on x86-64 the size
	 * is 32, twice the alignment, and would round every record and
	 * array of the model up to 32 bytes. */
	return arena_zeroed(a, n, _Alignof(max_align_t));
}

void *
arena_alloc_packed(arena *a, size_t n)
{
	return arena_zeroed(a, n, sizeof(void *));
}

/* Strings need no alignment: packing them keeps a model's many short
 * strings from taking a max_align_t each. */
char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1, 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_free(arena *a)
{
	struct arena_block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		block_free(b);
	}
	free(a);
}

static void
buf_grow(buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + extra + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
}

void
buf_putn(buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

void
buf_putc(buf *b, char c)
{
	buf_putn(b, &c, 1);
}

void
buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char probe[1];

	if (fmt == NULL)        /* quiets GCC 12's -fsanitize=null build */
		return;
	va_copy(aq, ap);
	n = vsnprintf(probe, sizeof(probe), fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_free(buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return len;
}

bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			return false;
		i += k;
	}
	return true;
}

bool
utf8_is_control(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return false;
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* Format characters (Cf: bidirectional controls, zero-width spaces and
 * joiners, the soft hyphen, the byte order mark, tags) and the line and
 * paragraph separators draw nothing, or move text they do not belong to;
 * so do the few letters listed below. Cf also holds a few marks that are
 * drawn, such as the Arabic number signs U+0600-U+0605: they are rare in
 * labels, and showing them escaped in a diagnostic or refusing them in a
 * link does no harm. */
bool
utf8_is_invisible(uint32_t cp)
{
	utf8proc_category_t cat;

	/* Nothing before the soft hyphen is a format character: ASCII and
	 * most Latin-1 text takes no table lookup. */
	if (cp < 0xad)
		return false;
	cat = utf8proc_category((utf8proc_int32_t)cp);
	if (cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_ZL ||
	    cat == UTF8PROC_CATEGORY_ZP)
		return true;
	switch (cp) {
	/* The Hangul fillers are letters (Lo) with no glyph: the choseong
	 * and jungseong fillers, and the compatibility and halfwidth ones,
	 * which pass for a space or for nothing in names. */
	case 0x115f: case 0x1160: case 0x3164: case 0xffa0:
		return true;
	}
	/* The tag block's unassigned code points (U+E0000, U+E0002-E001F)
	 * are default ignorable, drawn as nothing like the assigned tags. */
	return cp >= 0xe0000 && cp <= 0xe007f;
}

size_t
utf8_next(const char *s, size_t n, size_t *cols)
{
	uint32_t cp;
	size_t k;
	int w;

	if (n == 0) {
		*cols = 0;
		return 0;
	}
	/* ASCII is one column, a tab too (labels show it as a space); the
	 * loader keeps other controls out of text. */
	if ((unsigned char)s[0] < 0x80) {
		*cols = 1;
		return 1;
	}
	if ((k = utf8_decode(s, n, &cp)) == 0) {
		*cols = 1;
		return 1;
	}
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	*cols = w > 0 ? (size_t)w : 0;
	return k;
}

size_t
utf8_width(const char *s, size_t n)
{
	size_t i = 0, cols = 0, w;

	while (i < n) {
		i += utf8_next(s + i, n - i, &w);
		cols += w;
	}
	return cols;
}

size_t
utf8_prefix_width(const char *s, size_t n, size_t cols)
{
	size_t i = 0, used = 0, k, w;

	while (i < n) {
		k = utf8_next(s + i, n - i, &w);
		if (used + w > cols)
			break;
		used += w;
		i += k;
	}
	return i;
}

size_t
utf8_length(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

size_t
utf8_prefix(const char *s, size_t n, size_t max)
{
	if (max >= n)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

int
place_cmp(int line_a, int col_a, size_t tie_a, int line_b, int col_b,
    size_t tie_b)
{
	if (line_a != line_b)
		return line_a < line_b ? -1 : 1;
	if (col_a != col_b)
		return col_a < col_b ? -1 : 1;
	return (tie_a > tie_b) - (tie_a < tie_b);
}

size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	/* Words of at most 64 bytes: the table on the stack, a byte a
	 * cell. */
	unsigned char d[65 * 65];

	if (la > 64 || lb > 64)
		return (size_t)-1;
#define D(i, j) d[(i) * (lb + 1) + (j)]
	for (i = 0; i <= la; i++)
		D(i, 0) = (unsigned char)i;
	for (j = 0; j <= lb; j++)
		D(0, j) = (unsigned char)j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned best = D(i - 1, j) + 1u;

			if (D(i, j - 1) + 1u < best)
				best = D(i, j - 1) + 1u;
			if (D(i - 1, j - 1) + cost < best)
				best = D(i - 1, j - 1) + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && D(i - 2, j - 2) + 1u < best)
				best = D(i - 2, j - 2) + 1u;
			D(i, j) = (unsigned char)best;
		}
	}
	return D(la, lb);
#undef D
}

const char *
suggest(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, len = strlen(word), limit, i;

	/* A typo changes about a third of a short word at most. */
	limit = len < 3 ? 1 : len / 3 + 1;
	if (limit > 4)
		limit = 4;
	/* A difference of case only is the nearest of all ("lr", "LR"). */
	for (i = 0; candidates[i] != NULL; i++)
		if (strcasecmp(word, candidates[i]) == 0 &&
		    strcmp(word, candidates[i]) != 0)
			return candidates[i];
	for (; *candidates != NULL; candidates++) {
		size_t d = edit_distance(word, *candidates);

		if (d < best_d && d <= limit) {
			best_d = d;
			best = *candidates;
		}
	}
	return best;
}

/* FNV-1a. */
uint64_t
strmap_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The first 8 bytes of a key, zero-padded. */
static uint64_t
strmap_head(const char *key, size_t len)
{
	uint64_t head = 0;

	memcpy(&head, key, len < sizeof(head) ? len : sizeof(head));
	return head;
}

/* The slot of key, or of the empty slot where it would go. Each entry
 * keeps its key's hash and first bytes, so that a probe reads one entry
 * rather than three arrays, and the text of the key (elsewhere in memory,
 * so a cache miss in a large table) only for a key longer than 8 bytes
 * whose hash and first bytes agree. */
static size_t
strmap_slot(const strmap *m, const char *key, size_t len, uint32_t h,
    uint64_t head)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	const struct strmap_entry *e;

	while ((e = &m->entries[i])->key != NULL) {
		if (e->hash == h && e->len == len && e->head == head &&
		    (len <= sizeof(head) || memcmp(e->key + sizeof(head),
		    key + sizeof(head), len - sizeof(head)) == 0))
			break;
		i = (i + 1) & mask;
	}
	return i;
}

void *
strmap_get(const strmap *m, const char *key, size_t len)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = strmap_slot(m, key, len, (uint32_t)strmap_hash(key, len),
	    strmap_head(key, len));
	return m->entries[i].key ? m->entries[i].value : NULL;
}

void *
strmap_put(strmap *m, const char *key, size_t len, void *value)
{
	uint32_t h = (uint32_t)strmap_hash(key, len);
	uint64_t head = strmap_head(key, len);
	size_t i;

	/* At most three quarters full: linear probing stays short, and a
	 * model's id table stays small enough to stay in cache longer. */
	if ((m->n + 1) * 4 > m->cap * 3) {
		strmap old = *m;
		size_t j;

		m->cap = m->cap ? m->cap * 2 : 64;
		m->entries = xcalloc(m->cap, sizeof(*m->entries));
		for (j = 0; j < old.cap; j++) {
			const struct strmap_entry *e = &old.entries[j];

			if (e->key == NULL)
				continue;
			i = strmap_slot(m, e->key, e->len, e->hash, e->head);
			m->entries[i] = *e;
		}
		free(old.entries);
	}
	i = strmap_slot(m, key, len, h, head);
	if (m->entries[i].key != NULL)
		return m->entries[i].value;
	m->entries[i].key = key;
	m->entries[i].len = (uint32_t)len;
	m->entries[i].hash = h;
	m->entries[i].value = value;
	m->entries[i].head = head;
	m->n++;
	return NULL;
}

void
strmap_prefetch(const strmap *m, const char *key, size_t len)
{
	if (m->cap == 0)
		return;
	__builtin_prefetch(&m->entries[(uint32_t)strmap_hash(key, len) &
	    (m->cap - 1)]);
}

void
strmap_free(strmap *m)
{
	free(m->entries);
	memset(m, 0, sizeof(*m));
}
