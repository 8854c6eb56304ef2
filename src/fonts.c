#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>

/* Every character that some installed font has. */
static FcCharSet *
installed_chars(void)
{
	FcPattern *pattern;
	FcObjectSet *os;
	FcFontSet *fonts;
	FcCharSet *all;
	int i;

	if (!FcInit())
		return NULL;
	pattern = FcPatternCreate();
	os = FcObjectSetBuild(FC_CHARSET, (char *)NULL);
	fonts = FcFontList(NULL, pattern, os);
	all = FcCharSetCreate();
	for (i = 0; fonts != NULL && i < fonts->nfont; i++) {
		FcCharSet *cs;

		if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &cs) ==
		    FcResultMatch)
			FcCharSetMerge(all, cs, NULL);
	}
	if (fonts != NULL)
		FcFontSetDestroy(fonts);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pattern);
	return all;
}

/* The installed characters, with the answers for ASCII looked up once:
 * most of a model's text is ASCII, and asking fontconfig for each of its
 * characters would take longer than reading the model. */
typedef struct {
	const FcCharSet *all;
	bool ascii[128];
} font_chars;

/* Warns for the first character of text that no font has. */
static void
check_text(const font_chars *fc, const char *text, const item *it,
    const char *field, diag_list *dl)
{
	size_t i = 0, n, k;
	uint32_t cp;

	if (text == NULL)
		return;
	n = strlen(text);
	while (i < n) {
		unsigned char c = (unsigned char)text[i];

		if (c < 0x80 && (c <= 0x20 || fc->ascii[c])) {
			i++;
			continue;
		}
		if ((k = utf8_decode(text + i, n - i, &cp)) == 0)
			return;
		/* Spaces, line ends and invisible marks draw nothing. */
		if (cp > 0x20 && !utf8_is_invisible(cp) &&
		    !FcCharSetHasChar(fc->all, cp)) {
			char who[160];

			if (it->type < IT__COUNT)
				snprintf(who, sizeof(who), "%s '%s'",
				    model_type_names[it->type], it->id);
			else
				snprintf(who, sizeof(who), "%s", it->id);
			diag_add(dl, DIAG_WARNING, it->line, it->col,
			    "no installed font has the character U+%04X '%.*s' "
			    "of the %s of %s: PDF and PNG would show an empty "
			    "box; install a font that has it (such as Debian's "
			    "fonts-noto-core)", (unsigned)cp, (int)k, text + i,
			    field, who);
			return;
		}
		i += k;
	}
}

void
fonts_check(const model *m, diag_list *dl)
{
	FcCharSet *all = installed_chars();
	font_chars fc;
	int t;
	size_t i;

	if (all == NULL)
		return;
	if (FcCharSetCount(all) == 0) {
		diag_add(dl, DIAG_WARNING, 0, 0, "fontconfig finds no fonts: "
		    "PDF and PNG would have no text; install fonts-dejavu-core");
		FcCharSetDestroy(all);
		return;
	}
	fc.all = all;
	for (i = 0; i < 128; i++)
		fc.ascii[i] = FcCharSetHasChar(all, (FcChar32)i);
	{
		/* The model's own title and subtitle, placed at the top. */
		item top;

		memset(&top, 0, sizeof(top));
		top.type = IT__COUNT;
		top.id = "the model";
		top.line = 1;
		top.col = 1;
		check_text(&fc, m->title, &top, "title", dl);
		check_text(&fc, m->subtitle, &top, "subtitle", dl);
	}
	for (t = 0; t < IT__COUNT; t++) {
		for (i = 0; i < m->count[t]; i++) {
			const item *it = m->items[t][i];

			check_text(&fc, it->title, it, "title", dl);
			check_text(&fc, it->name, it, "name", dl);
			check_text(&fc, it->native, it, "native name", dl);
			check_text(&fc, it->role, it, "role", dl);
			check_text(&fc, it->text, it, "text", dl);
			check_text(&fc, it->quote, it, "quote", dl);
			check_text(&fc, it->cite, it, "citation", dl);
			check_text(&fc, it->archive, it, "archive", dl);
		}
	}
	FcCharSetDestroy(all);
}
