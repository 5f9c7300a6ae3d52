/* Charts as PNG images, for documents that cannot hold SVG (DOCX): the chart is drawn
 * once, as the SVG of chart.c, and rasterised by the actip-raster module (raster.h),
 * so the picture in Word is the picture in the browser. */
#include "report/chart.h"
#include "report/raster.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/module.h"

/* The PNG's pixels per SVG unit: 640 units become 1,920 pixels, sharp when printed at
 * 16 cm (300 dpi). */
enum { SCALE = 3 };

static pthread_once_t raster_once = PTHREAD_ONCE_INIT;
static raster_fn *raster;

/* Opens the module (core/module.h: the install's folder, then src/report/ of the
 * build tree). */
static void raster_load(void)
{
	char why[2 * PATH_MAX + 200];
	raster = (raster_fn *)module_symbol("actip-raster.so", "../report", RASTER_SYMBOL_NAME, why, sizeof why);
	if (!raster)
		fprintf(stderr, "actip: cannot load the chart rasteriser (%s): figures are left out of the DOCX\n",
			why);
}

int raster_svg_png(const char *svg, size_t n, int scale, unsigned char **png, size_t *len, int *width,
		   int *height)
{
	*png = NULL;
	*len = 0;
	pthread_once(&raster_once, raster_load);
	return raster ? raster(svg, n, scale, png, len, width, height) : -1;
}

int chart_write_png(const chart *c, unsigned char **png, size_t *len, int *width, int *height)
{
	*png = NULL;
	*len = 0;
	char *svg = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&svg, &n);
	if (!f)
		return -1;
	chart_write_svg(f, c);
	if (fclose(f) != 0 || !svg) {
		free(svg);
		return -1;
	}
	int rc = raster_svg_png(svg, n, SCALE, png, len, width, height);
	free(svg);
	return rc;
}
