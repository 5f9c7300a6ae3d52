/* Charts as PNG images, for documents that cannot hold SVG (DOCX): the chart is drawn
 * once, as the SVG of chart.c, and rasterised by the actip-raster module (raster.h),
 * so the picture in Word is the picture in the browser. This file also finds and opens
 * that module. */
#include "report/chart.h"
#include "report/raster.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The PNG's pixels per SVG unit: 640 units become 1,920 pixels, sharp when printed at
 * 16 cm (300 dpi). */
enum { SCALE = 3 };

static pthread_once_t raster_once = PTHREAD_ONCE_INIT;
static raster_fn *raster;

/* Opens the module next to the program: the install's place first, then the build
 * tree's. Only these two paths, both derived from the program's own file, are tried
 * (no search path, no environment), so a server cannot be made to load other code. */
static void raster_load(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		fprintf(stderr, "actip: cannot find the program's folder; figures are left out of the DOCX\n");
		return;
	}
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	const char *const rel[] = {RASTER_INSTALL_REL, "../report"};
	char tried[2][PATH_MAX + 64];
	for (int i = 0; i < 2; i++) {
		snprintf(tried[i], sizeof tried[i], "%s/%s/actip-raster.so", exe, rel[i]);
		void *h = dlopen(tried[i], RTLD_NOW | RTLD_LOCAL);
		if (!h)
			continue;
		raster = (raster_fn *)dlsym(h, RASTER_SYMBOL_NAME);
		if (raster)
			return;
		dlclose(h);
	}
	fprintf(stderr, "actip: cannot load the chart rasteriser (%s or %s): figures are left out of the DOCX\n",
		tried[0], tried[1]);
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
