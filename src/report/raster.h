/* SVG to PNG, for documents that cannot hold SVG (DOCX). The work is done by the
 * module actip-raster (raster_module.c, librsvg), which raster_svg_png opens on first
 * use: from the build tree next to the program's (src/report/ beside src/cli/), or
 * from the install (core/module.h). */
#ifndef ACTIP_REPORT_RASTER_H
#define ACTIP_REPORT_RASTER_H

#include <stddef.h>

/* The module's one entry point. */
#define RASTER_SYMBOL actip_raster_svg_png
#define RASTER_SYMBOL_NAME "actip_raster_svg_png"

typedef int raster_fn(const char *svg, size_t n, int scale, unsigned char **png, size_t *len,
		      int *width, int *height);

raster_fn RASTER_SYMBOL;

/* Rasterises svg at scale pixels per SVG unit into a malloc'd PNG; -1 when the module
 * cannot be loaded (a message on standard error, once) or the SVG cannot be drawn. */
int raster_svg_png(const char *svg, size_t n, int scale, unsigned char **png, size_t *len, int *width,
		   int *height);

#endif
