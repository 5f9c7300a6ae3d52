/* The chart rasteriser, a module loaded only when a document needs PNG figures (DOCX):
 * SVG in, PNG out, by librsvg onto a cairo surface. librsvg brings cairo, pango, glib
 * and the X11 client libraries (about 50 shared objects); linked into the program they
 * cost every actip command about 25 ms of start-up, so chart_png.c opens this module
 * with dlopen the first time a figure is rasterised, and never otherwise. */
#include "report/raster.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct membuf {
	unsigned char *data;
	size_t len, cap;
	bool failed;
} membuf;

/* cairo's PNG writer appends to a growing buffer. */
static cairo_status_t append(void *closure, const unsigned char *data, unsigned int len)
{
	membuf *b = closure;
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		while (cap < b->len + len)
			cap *= 2;
		unsigned char *p = realloc(b->data, cap);
		if (!p) {
			b->failed = true;
			return CAIRO_STATUS_NO_MEMORY;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

__attribute__((visibility("default"))) int RASTER_SYMBOL(const char *svg, size_t n, int scale,
							   unsigned char **png, size_t *len, int *width,
							   int *height)
{
	*png = NULL;
	*len = 0;
	GError *gerr = NULL;
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, n, &gerr);
	if (!h) {
		g_clear_error(&gerr);
		return -1;
	}
	gboolean has_w, has_h, has_box;
	RsvgLength lw, lh;
	RsvgRectangle box;
	rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh, &has_box, &box);
	int rc = -1;
	if (has_box && box.width > 0 && box.height > 0) {
		*width = (int)box.width * scale;
		*height = (int)box.height * scale;
		cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *width, *height);
		cairo_t *cr = cairo_create(s);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		RsvgRectangle vp = {0, 0, *width, *height};
		membuf b = {0};
		if (rsvg_handle_render_document(h, cr, &vp, &gerr) &&
		    cairo_surface_write_to_png_stream(s, append, &b) == CAIRO_STATUS_SUCCESS &&
		    !b.failed) {
			*png = b.data;
			*len = b.len;
			rc = 0;
		} else {
			free(b.data);
		}
		g_clear_error(&gerr);
		cairo_destroy(cr);
		cairo_surface_destroy(s);
	}
	g_object_unref(h);
	return rc;
}
