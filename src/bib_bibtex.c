/* BibTeX bibliographies, as Zotero, JabRef and Better BibTeX export them,
 * read with btparse, the BibTeX parser of Debian's libbtparse: @string
 * macros, month macros, braces, quoted and concatenated values, names
 * split into first, von, last and jr parts, "and others". btparse
 * prints its messages on standard error and may end the process on
 * input it cannot handle, so it runs in a child process (child.h) that
 * sends back the entries and the messages; this process turns the
 * entries into sources, LaTeX's accents and commands into Unicode.
 *
 * btparse also exports functions under common names (error, usage_error,
 * print_error, entry, field, name...) that would take the place of
 * other libraries' functions of those names, and theirs of its own,
 * were it linked into the program. So the child loads it with dlopen,
 * its symbols kept to itself, and calls it through the table below. */
#include "bibliography.h"

#include <btparse.h>
#include <ctype.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>
#include <utf8proc.h>

#include "child.h"
#include "date.h"

/* The seconds btparse may take over one file, and the memory it may
 * use: @string macros can double a text at each step, as YAML's aliases
 * can, and btparse expands them all. */
#define BIBTEX_TIMEOUT 20
#define BIBTEX_MEMORY (1024ul << 20)

/* The functions of btparse that the child calls. */
static struct {
	void (*initialize)(void);
	void (*cleanup)(void);
	void (*set_stringopts)(bt_metatype, btshort);
	void (*add_macro_text)(char *, char *, char *, int);
	AST *(*parse_entry)(FILE *, char *, btshort, boolean *);
	bt_metatype (*entry_metatype)(AST *);
	char *(*entry_key)(AST *);
	char *(*entry_type)(AST *);
	AST *(*next_field)(AST *, AST *, char **);
	char *(*get_text)(AST *);
	void (*free_ast)(AST *);
	bt_stringlist *(*split_list)(char *, char *, char *, int, char *);
	void (*free_list)(bt_stringlist *);
	bt_name *(*split_name)(char *, char *, int, int);
	void (*free_name)(bt_name *);
} bt;

/* Loads btparse (Debian's libbtparse2) into the table; NULL, or why it
 * cannot. Its symbols stay its own (RTLD_LOCAL), and it binds to its
 * own first (RTLD_DEEPBIND), which AddressSanitizer's build cannot
 * do. */
static const char *
load_btparse(void)
{
	static const struct {
		const char *name;
		void **slot;
	} syms[] = {
		{"bt_initialize", (void **)&bt.initialize},
		{"bt_cleanup", (void **)&bt.cleanup},
		{"bt_set_stringopts", (void **)&bt.set_stringopts},
		{"bt_add_macro_text", (void **)&bt.add_macro_text},
		{"bt_parse_entry", (void **)&bt.parse_entry},
		{"bt_entry_metatype", (void **)&bt.entry_metatype},
		{"bt_entry_key", (void **)&bt.entry_key},
		{"bt_entry_type", (void **)&bt.entry_type},
		{"bt_next_field", (void **)&bt.next_field},
		{"bt_get_text", (void **)&bt.get_text},
		{"bt_free_ast", (void **)&bt.free_ast},
		{"bt_split_list", (void **)&bt.split_list},
		{"bt_free_list", (void **)&bt.free_list},
		{"bt_split_name", (void **)&bt.split_name},
		{"bt_free_name", (void **)&bt.free_name},
	};
	int flags = RTLD_NOW | RTLD_LOCAL;
	void *h;
	size_t i;

#if !defined(__SANITIZE_ADDRESS__)
	flags |= RTLD_DEEPBIND;
#endif
	if ((h = dlopen("libbtparse.so.2", flags)) == NULL)
		return dlerror();
	for (i = 0; i < sizeof(syms) / sizeof(syms[0]); i++)
		if ((*syms[i].slot = dlsym(h, syms[i].name)) == NULL)
			return dlerror();
	return NULL;
}

/* The child's answer is a list of NUL-terminated strings, in records:
 * "E" key type line: an entry; "F" name value line: a field; "N" field
 * family given suffix literal line: a name of author or editor
 * ("others" as a name with no parts). */
static void
put_str(buf *b, const char *s)
{
	buf_puts(b, s ? s : "");
	buf_putc(b, '\0');
}

static void
put_line(buf *b, int line)
{
	buf_printf(b, "%d", line);
	buf_putc(b, '\0');
}

/* Joins the n tokens of a name part with spaces into b. */
static void
join(buf *b, char **tokens, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (b->len > 0)
			buf_putc(b, ' ');
		buf_puts(b, tokens[i]);
	}
}

/* A field of names ("Bajanov, Evgueni and Kim, {Il Sung} and others"),
 * split as BibTeX splits it. */
static void
send_names(buf *out, const char *field, char *text, const char *path,
    int line)
{
	bt_stringlist *list = bt.split_list(text, "and", (char *)path, line,
	    "name");
	int i;

	if (list == NULL)
		return;
	for (i = 0; i < list->num_items; i++) {
		char *s = list->items[i];
		buf family = {0}, given = {0}, suffix = {0};
		bt_name *n;

		if (s == NULL)
			continue;
		put_str(out, "N");
		put_str(out, field);
		if (strcmp(s, "others") == 0) {
			put_str(out, "");
			put_str(out, "");
			put_str(out, "");
			put_str(out, "");
			put_line(out, line);
			continue;
		}
		n = bt.split_name(s, (char *)path, line, i);
		join(&family, n->parts[BTN_VON], n->part_len[BTN_VON]);
		join(&family, n->parts[BTN_LAST], n->part_len[BTN_LAST]);
		join(&given, n->parts[BTN_FIRST], n->part_len[BTN_FIRST]);
		join(&suffix, n->parts[BTN_JR], n->part_len[BTN_JR]);
		/* A name in braces as a whole is a body's: "{Central
		 * Committee of the VKP(b)}". */
		if (s[0] == '{' && s[strlen(s) - 1] == '}' &&
		    n->part_len[BTN_FIRST] == 0) {
			put_str(out, "");
			put_str(out, "");
			put_str(out, "");
			put_str(out, family.s);
		} else {
			put_str(out, family.s);
			put_str(out, given.s);
			put_str(out, suffix.s);
			put_str(out, "");
		}
		put_line(out, line);
		bt.free_name(n);
		buf_free(&family);
		buf_free(&given);
		buf_free(&suffix);
	}
	bt.free_list(list);
}

/* The child's work: parse the file at arg, send the entries as
 * outs[0] and btparse's messages as outs[1]. */
static bool
parse_in_child(void *arg, buf **outs, int *n, char *err, size_t errsize)
{
	static const char *const months[] = {"jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
	const char *path = arg, *why;
	FILE *log = tmpfile(), *fp;
	buf *o = xcalloc(2, sizeof(buf));
	boolean ok;
	AST *e;
	int i;

#if !defined(__SANITIZE_ADDRESS__)
	{
		/* AddressSanitizer's build reserves terabytes of address
		 * space: it runs without the bound. */
		struct rlimit lim = {BIBTEX_MEMORY, BIBTEX_MEMORY};

		setrlimit(RLIMIT_AS, &lim);
	}
#endif
	if ((why = load_btparse()) != NULL) {
		snprintf(err, errsize, "btparse, the BibTeX parser, cannot be "
		    "loaded: %s; install Debian's libbtparse2", why);
		free(o);
		return false;
	}
	if (log == NULL || dup2(fileno(log), STDERR_FILENO) < 0 ||
	    (fp = fopen(path, "r")) == NULL) {
		snprintf(err, errsize, "cannot read the file");
		free(o);
		return false;
	}
	bt.initialize();
	bt.set_stringopts(BTE_REGULAR, BTO_FULL);
	bt.set_stringopts(BTE_MACRODEF, BTO_MACRO);
	for (i = 0; i < 12; i++) {
		char num[12];

		snprintf(num, sizeof(num), "%d", i + 1);
		bt.add_macro_text((char *)months[i], num, NULL, 0);
	}
	while ((e = bt.parse_entry(fp, (char *)path, 0, &ok)) != NULL) {
		AST *f = NULL;
		char *name;

		if (!ok || bt.entry_metatype(e) != BTE_REGULAR) {
			bt.free_ast(e);
			continue;
		}
		put_str(&o[0], "E");
		put_str(&o[0], bt.entry_key(e));
		put_str(&o[0], bt.entry_type(e));
		put_line(&o[0], e->line);
		while ((f = bt.next_field(e, f, &name)) != NULL) {
			char *text = bt.get_text(f);

			if (text == NULL)
				continue;
			if (strcasecmp(name, "author") == 0 ||
			    strcasecmp(name, "editor") == 0) {
				send_names(&o[0], name, text, path, f->line);
			} else {
				put_str(&o[0], "F");
				put_str(&o[0], name);
				put_str(&o[0], text);
				put_line(&o[0], f->line);
			}
			free(text);
		}
		bt.free_ast(e);
	}
	fclose(fp);
	bt.cleanup();
	fflush(stderr);
	rewind(log);
	{
		char chunk[4096];
		size_t k;

		while ((k = fread(chunk, 1, sizeof(chunk), log)) > 0 &&
		    o[1].len < (1u << 20))
			buf_putn(&o[1], chunk, k);
	}
	*outs = o;
	*n = 2;
	return true;
}

/* LaTeX's accent commands, with the combining mark each puts on its
 * letter. */
static const struct {
	char cmd;
	unsigned mark;
} accents[] = {
	{'\'', 0x301}, {'`', 0x300}, {'^', 0x302}, {'"', 0x308},
	{'~', 0x303}, {'=', 0x304}, {'.', 0x307}, {'u', 0x306},
	{'v', 0x30c}, {'H', 0x30b}, {'c', 0x327}, {'k', 0x328},
	{'r', 0x30a}, {'d', 0x323}, {'b', 0x331}, {'t', 0x361},
};

/* LaTeX's commands for letters. */
static const struct {
	const char *cmd;
	const char *utf8;
} letters[] = {
	{"o", "\xc3\xb8"}, {"O", "\xc3\x98"}, {"l", "\xc5\x82"},
	{"L", "\xc5\x81"}, {"ss", "\xc3\x9f"}, {"ae", "\xc3\xa6"},
	{"AE", "\xc3\x86"}, {"oe", "\xc5\x93"}, {"OE", "\xc5\x92"},
	{"aa", "\xc3\xa5"}, {"AA", "\xc3\x85"}, {"i", "i"}, {"j", "j"},
	{"dh", "\xc3\xb0"}, {"DH", "\xc3\x90"}, {"th", "\xc3\xbe"},
	{"TH", "\xc3\x9e"}, {"ng", "\xc5\x8b"}, {"NG", "\xc5\x8a"},
	{"textendash", "\xe2\x80\x93"}, {"textemdash", "\xe2\x80\x94"},
	{"S", "\xc2\xa7"}, {"P", "\xc2\xb6"}, {"dag", "\xe2\x80\xa0"},
	{"guillemotleft", "\xc2\xab"}, {"guillemotright", "\xc2\xbb"},
	{"textquoteleft", "\xe2\x80\x98"}, {"textquoteright", "\xe2\x80\x99"},
};

static void
put_cp(buf *b, unsigned cp)
{
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, u);

	buf_putn(b, (const char *)u, (size_t)k);
}

/* The letter an accent goes on, at *p: "o", "{o}", "\i", "{\i}". Writes
 * it to b and moves *p past it. */
static void
accent_base(buf *b, const char **p)
{
	const char *s = *p;
	bool braced = *s == '{';
	int len;

	if (braced)
		s++;
	if (s[0] == '\\' && (s[1] == 'i' || s[1] == 'j') &&
	    !((s[2] >= 'a' && s[2] <= 'z') || (s[2] >= 'A' && s[2] <= 'Z'))) {
		buf_putc(b, s[1]);
		s += 2;
		while (*s == ' ')
			s++;
	} else if (*s != '\0' && *s != '}') {
		len = utf8proc_utf8class[(unsigned char)*s];
		if (len < 1)
			len = 1;
		buf_putn(b, s, strnlen(s, (size_t)len));
		s += strnlen(s, (size_t)len);
	}
	if (braced) {
		/* The rest of the group ("\t{oo}"), then its brace. */
		while (*s != '\0' && *s != '}')
			buf_putc(b, *s++);
		if (*s == '}')
			s++;
	}
	*p = s;
}

/* A command at *p (after its backslash); moves *p past it. */
static void
command(buf *b, const char **p)
{
	const char *s = *p, *name = s;
	size_t n, i;

	for (i = 0; i < sizeof(accents) / sizeof(accents[0]); i++) {
		bool letter = accents[i].cmd >= 'a' && accents[i].cmd <= 'z';

		if (*s != accents[i].cmd || (letter && ((s[1] >= 'a' &&
		    s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z'))))
			continue;
		s++;
		while (letter && *s == ' ')
			s++;
		{
			size_t at = b->len;

			accent_base(b, &s);
			if (b->len > at) {
				/* The mark after the first letter. */
				buf rest = {0};
				int len = utf8proc_utf8class[
				    (unsigned char)b->s[at]];

				/* A sequence cut short is as long as it is. */
				len = len < 1 ? 1 : len;
				if ((size_t)len > b->len - at)
					len = (int)(b->len - at);
				buf_putn(&rest, b->s + at + len,
				    b->len - at - (size_t)len);
				b->len = at + (size_t)len;
				put_cp(b, accents[i].mark);
				if (rest.len)
					buf_putn(b, rest.s, rest.len);
				buf_free(&rest);
			}
		}
		*p = s;
		return;
	}
	if (*s != '\0' && strchr("&%$#_{} ,;:!", *s) != NULL) {
		if (*s == ',' || *s == ';' || *s == ':' || *s == '!')
			buf_putc(b, ' ');       /* TeX's spaces */
		else
			buf_putc(b, *s);
		*p = s + 1;
		return;
	}
	while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
		s++;
	n = (size_t)(s - name);
	if (n == 0) {
		/* "\\" or a backslash before anything else: a space. */
		buf_putc(b, ' ');
		*p = *s ? s + 1 : s;
		return;
	}
	for (i = 0; i < sizeof(letters) / sizeof(letters[0]); i++) {
		if (strlen(letters[i].cmd) == n &&
		    memcmp(letters[i].cmd, name, n) == 0) {
			buf_puts(b, letters[i].utf8);
			/* "\o{}" and "\ss " end there. */
			if (s[0] == '{' && s[1] == '}')
				s += 2;
			else if (*s == ' ')
				s++;
			*p = s;
			return;
		}
	}
	/* Another command (\emph, \textit, \url...): its argument's text
	 * is kept, the command itself left out. */
	while (*s == ' ')
		s++;
	*p = s;
}

/* LaTeX text, as BibTeX fields hold it, as Unicode text in NFC: accents
 * on their letters, letter commands as letters, braces and math shifts
 * gone, ~ as a no-break space, -- and --- as dashes, `` and '' as
 * quotes. */
/* TeX's ligatures of punctuation, the longest first. */
static const struct {
	const char *tex, *utf8;
} ligatures[] = {
	{"---", "\xe2\x80\x94"}, {"--", "\xe2\x80\x93"},
	{"``", "\xe2\x80\x9c"}, {"''", "\xe2\x80\x9d"},
};

/* The ligature s starts with, or -1. */
static int
ligature(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(ligatures) / sizeof(ligatures[0]); i++)
		if (strncmp(s, ligatures[i].tex, strlen(ligatures[i].tex)) == 0)
			return (int)i;
	return -1;
}

char *
bib_tex_to_utf8(const char *s)
{
	buf b = {0};
	utf8proc_uint8_t *nfc;
	int i;

	while (*s != '\0') {
		if (*s == '\\') {
			s++;
			command(&b, &s);
		} else if (*s == '{' || *s == '}' || *s == '$') {
			s++;
		} else if (*s == '~') {
			buf_puts(&b, "\xc2\xa0");
			s++;
		} else if ((i = ligature(s)) >= 0) {
			buf_puts(&b, ligatures[i].utf8);
			s += strlen(ligatures[i].tex);
		} else {
			buf_putc(&b, *s++);
		}
	}
	if (b.s == NULL)
		return xstrdup("");
	nfc = utf8proc_NFC((const utf8proc_uint8_t *)b.s);
	if (nfc == NULL)
		return b.s;     /* not valid UTF-8: as it is */
	buf_free(&b);
	return (char *)nfc;
}

/* BibTeX's entry types as CSL types. */
static const char *const types[][2] = {
	{"article", "article-journal"}, {"book", "book"},
	{"booklet", "pamphlet"}, {"inbook", "chapter"},
	{"incollection", "chapter"}, {"inproceedings", "paper-conference"},
	{"conference", "paper-conference"}, {"manual", "book"},
	{"mastersthesis", "thesis"}, {"phdthesis", "thesis"},
	{"thesis", "thesis"}, {"techreport", "report"}, {"report", "report"},
	{"unpublished", "manuscript"}, {"misc", "document"},
	{"online", "webpage"}, {"electronic", "webpage"}, {"www", "webpage"},
	{"letter", "letter"}, {"periodical", "periodical"},
	{"proceedings", "book"}, {"collection", "book"},
	{"mvbook", "book"}, {"reference", "book"},
	{"incollection", "chapter"}, {"inreference", "entry-encyclopedia"},
	{"interview", "interview"}, {"archival", "manuscript"},
};

/* BibTeX's fields as CSL's; publisher's stand-ins go last, so that a
 * publisher given wins. */
static const char *const fields[][2] = {
	{"title", "title"}, {"journal", "container-title"},
	{"journaltitle", "container-title"}, {"booktitle", "container-title"},
	{"series", "collection-title"}, {"volume", "volume"},
	{"number", "issue"}, {"issue", "issue"}, {"pages", "page"},
	{"publisher", "publisher"}, {"address", "publisher-place"},
	{"location", "publisher-place"}, {"url", "URL"}, {"doi", "DOI"},
	{"language", "language"}, {"langid", "language"}, {"note", "note"},
	{"archive", "archive"}, {"archive_location", "archive_location"},
	{"archivelocation", "archive_location"},
	{"institution", "publisher"}, {"school", "publisher"},
	{"organization", "publisher"},
};

/* A month as BibTeX writes it: 3, "March", "Mar.", or 0. */
static int
month_of(const char *s)
{
	static const char *const names[] = {"jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
	int i;

	if (strspn(s, "0123456789") == strlen(s) && strlen(s) <= 2)
		return atoi(s);
	for (i = 0; i < 12; i++)
		if (strncasecmp(s, names[i], 3) == 0)
			return i + 1;
	return 0;
}

/* The fields of one entry that make its date: year, month, day, or
 * biblatex's date in the model's form. */
typedef struct {
	const char *year, *month, *day, *date;
	int line;
	/* A report's series, kind and number, made into one series:
	 * "Cold War International History Project Working Paper no. 8". */
	const char *series, *kind, *number;
} when;

static void
set_issued(bib_file *bf, item *it, const when *w)
{
	date d = {0};

	if (w->series != NULL || w->kind != NULL || w->number != NULL) {
		buf b = {0};

		if (w->series != NULL)
			buf_puts(&b, w->series);
		if (w->kind != NULL)
			buf_printf(&b, "%s%s", b.len ? " " : "", w->kind);
		if (w->number != NULL)
			buf_printf(&b, "%sno. %s", b.len ? " " : "", w->number);
		bib_field(bf, it, "collection-title", b.s);
		buf_free(&b);
	}

	if (w->date != NULL && date_parse(w->date, strlen(w->date), &d) ==
	    NULL) {
		it->reference->issued = d;
		return;
	}
	if (w->year == NULL)
		return;
	if (strspn(w->year, "0123456789") != strlen(w->year) ||
	    strlen(w->year) == 0 || strlen(w->year) > 4) {
		/* "1995/1996", "forthcoming": the model's form, else the
		 * year is left out, with a word. */
		if (date_parse(w->year, strlen(w->year), &d) == NULL)
			it->reference->issued = d;
		else
			diag_add_in(bf->dl, bf->file, DIAG_WARNING, w->line, 0,
			    "entry '%s': year '%s' is not a year kgraph reads; "
			    "the reference is printed without it", it->id,
			    w->year);
		return;
	}
	bib_issued(bf, it, atoi(w->year), w->month ? month_of(w->month) : 0,
	    w->month && w->day ? atoi(w->day) : 0, w->line);
}

/* The next string of the child's answer, or NULL at its end. */
static const char *
next(const buf *data, size_t *at)
{
	const char *s;

	if (*at >= data->len)
		return NULL;
	s = data->s + *at;
	*at += strnlen(s, data->len - *at) + 1;
	return s;
}

static void
add_field(bib_file *bf, item *it, when *w, const char *name,
    const char *value, int line)
{
	char *text = bib_tex_to_utf8(value);
	size_t i;

	if (strcmp(it->reference->type, "report") == 0 &&
	    (strcasecmp(name, "series") == 0 || strcasecmp(name, "type") == 0 ||
	    strcasecmp(name, "number") == 0)) {
		const char **slot = tolower((unsigned char)name[0]) == 's' ?
		    &w->series : tolower((unsigned char)name[0]) == 't' ?
		    &w->kind : &w->number;

		*slot = arena_strdup(bf->m->arena, text);
		free(text);
		return;
	}
	if (strcasecmp(name, "year") == 0 || strcasecmp(name, "month") == 0 ||
	    strcasecmp(name, "day") == 0 || strcasecmp(name, "date") == 0) {
		const char **slot = tolower((unsigned char)name[0]) == 'y' ?
		    &w->year : tolower((unsigned char)name[0]) == 'm' ?
		    &w->month : tolower((unsigned char)name[1]) == 'a' &&
		    tolower((unsigned char)name[2]) == 'y' ? &w->day : &w->date;

		*slot = arena_strdup(bf->m->arena, text);
		w->line = line;
		free(text);
		return;
	}
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcasecmp(name, fields[i][0]) != 0)
			continue;
		/* A publisher's stand-in does not replace a publisher. */
		if (strcmp(fields[i][1], "publisher") == 0 &&
		    it->reference->publisher != NULL)
			break;
		bib_field(bf, it, fields[i][1], text);
		break;
	}
	free(text);
}

/* Builds the sources from the child's answer. */
static void
build(bib_file *bf, const buf *data)
{
	size_t at = 0;
	const char *tag;
	item *it = NULL;
	when w = {0};

	while ((tag = next(data, &at)) != NULL) {
		if (tag[0] == 'E') {
			const char *key = next(data, &at), *type = next(data,
			    &at), *line = next(data, &at);
			size_t i;

			if (it != NULL)
				set_issued(bf, it, &w);
			memset(&w, 0, sizeof(w));
			if (key == NULL || type == NULL || line == NULL)
				return;
			it = bib_entry(bf, key, atoi(line), 0);
			for (i = 0; it && i < sizeof(types) / sizeof(types[0]);
			    i++)
				if (strcasecmp(type, types[i][0]) == 0)
					bib_type(bf, it, types[i][1]);
			if (it != NULL && it->reference->type == NULL)
				bib_type(bf, it, "document");
		} else if (tag[0] == 'F') {
			const char *name = next(data, &at), *value = next(data,
			    &at), *line = next(data, &at);

			if (line == NULL)
				return;
			if (it != NULL)
				add_field(bf, it, &w, name, value, atoi(line));
		} else if (tag[0] == 'N') {
			const char *field = next(data, &at);
			const char *part[4];
			int k;

			for (k = 0; k < 4; k++)
				part[k] = next(data, &at);
			if (next(data, &at) == NULL)
				return;
			if (it == NULL)
				continue;
			if (!*part[0] && !*part[1] && !*part[3]) {
				(strcasecmp(field, "editor") == 0 ?
				    &it->reference->editor :
				    &it->reference->author)->others = true;
			} else {
				char *t[4];

				for (k = 0; k < 4; k++)
					t[k] = bib_tex_to_utf8(part[k]);
				bib_name(bf, it, strcasecmp(field, "editor") ==
				    0, t[0], t[1], t[2], t[3]);
				for (k = 0; k < 4; k++)
					free(t[k]);
			}
		}
	}
	if (it != NULL)
		set_issued(bf, it, &w);
}

/* btparse's messages ("refs.bib, line 12, syntax error: ...") as the
 * file's diagnostics. */
static void
report(bib_file *bf, const buf *log)
{
	const char *s = log->s ? log->s : "", *end;

	for (; *s != '\0'; s = *end ? end + 1 : end) {
		const char *p = strstr(s, ", line ");
		int line = 0;
		bool warning;

		end = strchr(s, '\n');
		if (end == NULL)
			end = s + strlen(s);
		if (end == s)
			continue;
		if (p != NULL && p < end) {
			line = atoi(p + 7);
			p = strchr(p + 7, ',');
		}
		p = p != NULL && p < end ? p + 2 : s;
		warning = strncmp(p, "warning", 7) == 0;
		diag_add_in(bf->dl, bf->file, warning ? DIAG_WARNING :
		    DIAG_ERROR, line, 0, "BibTeX: %.*s", (int)(end - p), p);
	}
}

void
bib_read_bibtex(bib_file *bf)
{
	buf *outs = NULL;
	int n = 0, k;
	char err[512];
	child_status st = child_run(parse_in_child, (void *)bf->path,
	    BIBTEX_TIMEOUT, &outs, &n, err, sizeof(err));

	if (st == CHILD_OK && n == 2) {
		size_t before = bf->n;

		report(bf, &outs[1]);
		build(bf, &outs[0]);
		if (bf->n == before)
			diag_add_in(bf->dl, bf->file, outs[1].len ?
			    DIAG_ERROR : DIAG_WARNING, 0, 0, "no BibTeX entry "
			    "(such as @book{key, title = {...}, ...}) could be "
			    "read from this file%s", outs[1].len ? "; is it "
			    "BibTeX?" : "");
	} else if (st == CHILD_TIMEOUT) {
		diag_add_in(bf->dl, bf->file, DIAG_ERROR, 0, 0, "the BibTeX "
		    "parser took longer than %d seconds; the file is not "
		    "read", BIBTEX_TIMEOUT);
	} else if (st != CHILD_INTERRUPTED) {
		diag_add_in(bf->dl, bf->file, DIAG_ERROR, 0, 0, "the BibTeX "
		    "parser could not read this file (%s); check that it is "
		    "BibTeX as a reference manager exports it, and that no "
		    "@string macro grows past %lu MiB", st == CHILD_FAILED ?
		    err : "it stopped", BIBTEX_MEMORY >> 20);
	}
	for (k = 0; k < n; k++)
		buf_free(&outs[k]);
	free(outs);
}
