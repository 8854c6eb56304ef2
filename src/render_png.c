/* PNG pictures: Graphviz's cairo renderer draws the picture into an
 * image in memory, through a device of kgraph's own that takes the
 * pixels, and libpng writes them. Graphviz's own "png:cairo" writes with
 * cairo's PNG writer, which tries every row filter at zlib's usual level
 * and always keeps the alpha channel: a diagram's flat colours compress
 * as well with no filter at a lower level, in a fifth of the time, and an
 * opaque picture needs no alpha. */
#include "render_png.h"

#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <png.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The pixels of the last picture the device was given: cairo's ARGB32,
 * premultiplied, one native-endian 32-bit word a pixel, rows packed. */
static struct {
	uint32_t *px;
	unsigned w, h;
} taken;

static void
take_pixels(GVJ_t *job)
{
	size_t n = (size_t)job->width * job->height;

	free(taken.px);
	taken.px = NULL;
	taken.w = taken.h = 0;
	if (job->imagedata == NULL || n == 0)
		return;
	taken.px = malloc(n * sizeof(uint32_t));
	if (taken.px == NULL)
		return;
	memcpy(taken.px, job->imagedata, n * sizeof(uint32_t));
	taken.w = job->width;
	taken.h = job->height;
}

static gvdevice_engine_t take_engine = {NULL, take_pixels, NULL};

/* As Graphviz's own png:cairo device: binary, true colour, 96 dpi. */
static gvdevice_features_t take_features = {
	GVDEVICE_BINARY_FORMAT | GVDEVICE_DOES_TRUECOLOR,
	{0., 0.}, {0., 0.}, {96., 96.}};

static gvplugin_installed_t take_devices[] = {
	{0, RENDER_PNG_DEVICE, 1, &take_engine, &take_features},
	{0, NULL, 0, NULL, NULL}};

static gvplugin_api_t take_apis[] = {
	{API_device, take_devices},
	{(api_t)0, NULL}};

static gvplugin_library_t take_library = {"kgraph", take_apis};

void
render_png_register(GVC_t *gvc)
{
	gvAddLibrary(gvc, &take_library);
}

static void
to_buf(png_structp p, png_bytep data, png_size_t n)
{
	buf_putn(png_get_io_ptr(p), (const char *)data, n);
}

static void
no_flush(png_structp p)
{
	(void)p;
}

/* One pixel as PNG's R, G, B (and A) bytes, its colour no longer
 * multiplied by its alpha. */
static void
unpremultiply(uint32_t v, unsigned char *o, bool alpha)
{
	unsigned a = v >> 24, c[3] = {(v >> 16) & 0xff, (v >> 8) & 0xff,
	    v & 0xff}, i;

	for (i = 0; i < 3; i++)
		o[i] = (unsigned char)(a == 0 ? 0 : a == 255 ? c[i] :
		    (c[i] * 255 + a / 2) / a);
	if (alpha)
		o[3] = (unsigned char)a;
}

/* libpng reports an error by longjmp: the writing below keeps nothing
 * that such a jump would lose but what png_destroy_write_struct frees. */
static bool
encode(buf *out, const uint32_t *px, unsigned w, unsigned h, bool alpha,
    unsigned char *row)
{
	png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
	    NULL, NULL);
	png_infop info = p ? png_create_info_struct(p) : NULL;
	unsigned x, y, k = alpha ? 4 : 3;

	if (info == NULL) {
		png_destroy_write_struct(&p, NULL);
		return false;
	}
	if (setjmp(png_jmpbuf(p))) {
		png_destroy_write_struct(&p, &info);
		return false;
	}
	png_set_write_fn(p, out, to_buf, no_flush);
	png_set_IHDR(p, info, w, h, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA :
	    PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_compression_level(p, 3);
	png_set_filter(p, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_write_info(p, info);
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++)
			unpremultiply(px[(size_t)y * w + x], row + (size_t)x * k,
			    alpha);
		png_write_row(p, row);
	}
	png_write_end(p, info);
	png_destroy_write_struct(&p, &info);
	return true;
}

bool
render_png_write(buf *out, char *err, size_t errsize)
{
	size_t i, n = (size_t)taken.w * taken.h;
	bool alpha = false, ok;
	unsigned char *row;

	if (taken.px == NULL) {
		snprintf(err, errsize, "Graphviz drew no PNG picture (too "
		    "large an image?)");
		return false;
	}
	for (i = 0; i < n && !alpha; i++)
		alpha = (taken.px[i] >> 24) != 255;
	row = xcalloc((size_t)taken.w * 4 + 1, 1);
	ok = encode(out, taken.px, taken.w, taken.h, alpha, row);
	free(row);
	free(taken.px);
	taken.px = NULL;
	taken.w = taken.h = 0;
	if (!ok)
		snprintf(err, errsize, "cannot write the PNG picture");
	return ok;
}
