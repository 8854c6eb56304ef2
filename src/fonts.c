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
	diag_list *dl;
} font_chars;

/* Warns for the first character of text that no font has. Notes are
 * shown only in tooltips and pages, which the viewer's fonts draw. */
static void
check_text(const char *text, const item *it, const char *field, void *ctx)
{
	const font_chars *fc = ctx;
	size_t i = 0, n, k;
	uint32_t cp;

	if (strcmp(field, "note") == 0)
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

			diag_add(fc->dl, DIAG_WARNING, it->line, it->col,
			    "no installed font has the character U+%04X '%.*s' "
			    "of the %s of %s: PDF and PNG would show an empty "
			    "box; install a font that has it (such as Debian's "
			    "fonts-noto-core)", (unsigned)cp, (int)k, text + i,
			    field, model_describe(it, who, sizeof(who)));
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
	size_t i;
	bool ascii_drawn = true;

	if (all == NULL)
		return;
	if (FcCharSetCount(all) == 0) {
		diag_add(dl, DIAG_WARNING, 0, 0, "fontconfig finds no fonts: "
		    "PDF and PNG would have no text; install fonts-dejavu-core");
		FcCharSetDestroy(all);
		return;
	}
	fc.all = all;
	fc.dl = dl;
	for (i = 0; i < 128; i++) {
		fc.ascii[i] = FcCharSetHasChar(all, (FcChar32)i);
		if (i > 0x20 && i < 0x7f && !fc.ascii[i])
			ascii_drawn = false;
	}
	/* Where fonts draw all of ASCII, only other text can need a
	 * warning. */
	if (ascii_drawn)
		model_each_nonascii_text(m, check_text, &fc);
	else
		model_each_text(m, check_text, &fc);
	FcCharSetDestroy(all);
}

void
fonts_unhinted(void)
{
	static const char rule[] = "<?xml version=\"1.0\"?><fontconfig>"
	    "<match target=\"font\"><edit name=\"hinting\" "
	    "mode=\"assign\"><bool>false</bool></edit></match></fontconfig>";

	if (FcInit())
		(void)FcConfigParseAndLoadFromMemory(FcConfigGetCurrent(),
		    (const FcChar8 *)rule, FcFalse);
}
