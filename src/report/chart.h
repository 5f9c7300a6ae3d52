/* Charts as inline SVG: one small module for the report's horizontal bar charts,
 * stacked (parts of a whole, e.g. participants by sex) or grouped (series side by
 * side, e.g. events per year). Each chart has axes with ticks, category labels, a
 * legend, value labels and an accessible <title>/<desc>; every text goes through the
 * HTML/XML escape. Hand-written because no C chart library fits: the output is plain
 * SVG text, and the report must stay one self-contained file. */
#ifndef ACTIP_REPORT_CHART_H
#define ACTIP_REPORT_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { CHART_MAX_SERIES = 6, CHART_MAX_CATS = 20 };

typedef enum { CHART_STACKED, CHART_GROUPED } chart_mode;

typedef struct chart {
	const char *id;         /* unique in the document, for aria ids */
	const char *title;
	const char *cat_label;  /* what the categories are, e.g. "Country/region" */
	const char *desc;       /* a sentence saying what the chart shows */
	chart_mode mode;
	const char *unit;       /* "%" for percentages, "" for counts */
	int64_t axis_max;       /* 0 = from the data */
	bool shares;            /* stacked shares of a whole: each part labelled, no total */
	int nseries, ncats;
	const char *series[CHART_MAX_SERIES];
	const char *cats[CHART_MAX_CATS];
	int64_t v[CHART_MAX_CATS][CHART_MAX_SERIES];
	const char *svg;        /* a drawing made elsewhere (a diagram): written as it is,
				 * in place of bars; Markdown gets its desc */
} chart;

/* Writes the chart as an <svg> element (inside a <figure> the caller opens). */
void chart_write_svg(FILE *out, const chart *c);

/* Writes the chart's data as a Markdown table (the Markdown report's form of it). */
void chart_write_md(FILE *out, const chart *c);

/* The chart as a PNG image (the same SVG, rasterised): *png is malloc'd, *width and
 * *height in pixels. Returns 0, or -1 when it cannot be drawn. */
int chart_write_png(const chart *c, unsigned char **png, size_t *len, int *width, int *height);

#endif
