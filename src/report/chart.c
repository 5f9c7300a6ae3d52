/* The SVG bar charts (see chart.h). Layout: category labels on the left, bars to the
 * right on a linear axis from 0 to a "nice" maximum with 4–5 ticks, a legend above.
 * Colours are a colour-blind-safe palette (Okabe–Ito), and every bar carries a <title>
 * so screen readers and hover show its value. */
#include "report/chart.h"

#include <string.h>

#include "core/escape.h"
#include "core/num.h"

static const char *const PALETTE[CHART_MAX_SERIES] = {
	"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
};

enum { W = 640, LABEL_W = 150, RIGHT = 40, TOP = 34, ROW_H = 26, BAR_GAP = 6, AXIS_H = 28 };

/* A round axis maximum at or above m: 1, 2, 2.5 or 5 times a power of ten. */
static int64_t nice_max(int64_t m)
{
	if (m <= 0)
		return 1;
	int64_t p = 1;
	while (p * 10 <= m)
		p *= 10;
	static const int steps[] = {1, 2, 5, 10};
	for (int i = 0; i < 4; i++)
		if (p * steps[i] >= m)
			return p * steps[i];
	return p * 10;
}

/* The axis maximum: the given one, else the largest bar (stack or single). */
static int64_t axis_max(const chart *c)
{
	if (c->axis_max > 0)
		return c->axis_max;
	int64_t m = 0;
	for (int i = 0; i < c->ncats; i++) {
		int64_t sum = 0;
		for (int s = 0; s < c->nseries; s++) {
			sum += c->v[i][s];
			if (c->mode == CHART_GROUPED && c->v[i][s] > m)
				m = c->v[i][s];
		}
		if (c->mode == CHART_STACKED && sum > m)
			m = sum;
	}
	return nice_max(m);
}

/* A value as shown on the chart: "1,057" or "93%". */
static void value_text(const chart *c, int64_t v, char *buf, size_t size)
{
	num_format_count(buf, size, v);
	if (c->unit && *c->unit)
		strncat(buf, c->unit, size - strlen(buf) - 1);
}

/* One bar with its tooltip title. */
static void bar(FILE *out, const chart *c, double x, double y, double w, double h, int s,
		int cat, int64_t v)
{
	char vt[32];
	value_text(c, v, vt, sizeof vt);
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
		     "<title>", x, y, w, h, PALETTE[s % CHART_MAX_SERIES]);
	esc_html_text(out, c->cats[cat]);
	if (c->nseries > 1) {
		fputs(", ", out);
		esc_html_text(out, c->series[s]);
	}
	fputs(": ", out);
	esc_html_text(out, vt);
	fputs("</title></rect>", out);
}

void chart_write_svg(FILE *out, const chart *c)
{
	int per_cat = c->mode == CHART_GROUPED ? c->nseries : 1;
	double bar_h = c->mode == CHART_GROUPED ? (ROW_H - BAR_GAP) / (double)per_cat + 2 : ROW_H - BAR_GAP;
	double row_h = c->mode == CHART_GROUPED ? bar_h * per_cat + BAR_GAP + 2 : ROW_H;
	int h = (int)(TOP + row_h * c->ncats + AXIS_H + 4);
	int64_t max = axis_max(c);
	double plot_w = W - LABEL_W - RIGHT;

	fprintf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		     "aria-labelledby=\"", W, h);
	esc_html_attr(out, c->id);
	fputs("-t ", out);
	esc_html_attr(out, c->id);
	fputs("-d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n<title id=\"", out);
	esc_html_attr(out, c->id);
	fputs("-t\">", out);
	esc_html_text(out, c->title);
	fputs("</title>\n<desc id=\"", out);
	esc_html_attr(out, c->id);
	fputs("-d\">", out);
	esc_html_text(out, c->desc);
	fputs("</desc>\n", out);

	/* legend */
	double lx = LABEL_W;
	for (int s = 0; s < c->nseries && c->nseries > 1; s++) {
		fprintf(out, "<rect x=\"%.1f\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			     "<text x=\"%.1f\" y=\"18\">", lx, PALETTE[s], lx + 16);
		esc_html_text(out, c->series[s]);
		fputs("</text>\n", out);
		lx += 16 + 7.0 * (double)strlen(c->series[s]) + 18;
	}

	/* grid and axis ticks: 4 or 5 intervals when they fall on whole numbers */
	double axis_y = TOP + row_h * c->ncats;
	int nt = max % 4 == 0 ? 4 : max % 5 == 0 ? 5 : max % 2 == 0 ? 2 : 1;
	for (int k = 0; k <= nt; k++) {
		double x = LABEL_W + plot_w * k / nt;
		char t[32];
		value_text(c, max * k / nt, t, sizeof t);
		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d5dbe2\"/>"
			     "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#5b6675\">",
			x, TOP - 4, x, axis_y, x, axis_y + 16);
		esc_html_text(out, t);
		fputs("</text>\n", out);
	}
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n",
		LABEL_W, TOP - 4, LABEL_W, axis_y);

	for (int i = 0; i < c->ncats; i++) {
		double y0 = TOP + row_h * i;
		fprintf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_W - 8,
			y0 + row_h / 2 + 1);
		esc_html_text(out, c->cats[i]);
		fputs("</text>\n", out);
		double x = LABEL_W;
		int64_t sum = 0;
		for (int s = 0; s < c->nseries; s++) {
			int64_t v = c->v[i][s];
			double w = max ? plot_w * (double)v / (double)max : 0;
			if (c->mode == CHART_STACKED) {
				if (v > 0)
					bar(out, c, x, y0 + BAR_GAP / 2.0, w, bar_h, s, i, v);
				x += w;
				sum += v;
			} else {
				double y = y0 + BAR_GAP / 2.0 + bar_h * s;
				if (v > 0)
					bar(out, c, LABEL_W, y, w, bar_h - 2, s, i, v);
				char vt[32];
				value_text(c, v, vt, sizeof vt);
				fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#1d2733\">",
					LABEL_W + w + 4, y + bar_h / 2 + 2);
				esc_html_text(out, vt);
				fputs("</text>\n", out);
			}
		}
		if (c->mode == CHART_STACKED) {
			char vt[32];
			value_text(c, sum, vt, sizeof vt);
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1d2733\">", x + 4,
				y0 + row_h / 2 + 1);
			esc_html_text(out, vt);
			fputs("</text>\n", out);
		}
		fputs("\n", out);
	}
	fputs("</svg>\n", out);
}

void chart_write_md(FILE *out, const chart *c)
{
	fputs("| ", out);
	esc_md_cell(out, c->cat_label ? c->cat_label : "");
	for (int s = 0; s < c->nseries; s++) {
		fputs(" | ", out);
		esc_md_cell(out, c->series[s]);
	}
	fputs(" |\n|---", out);
	for (int s = 0; s < c->nseries; s++)
		fputs("|---:", out);
	fputs("|\n", out);
	for (int i = 0; i < c->ncats; i++) {
		fputs("| ", out);
		esc_md_cell(out, c->cats[i]);
		for (int s = 0; s < c->nseries; s++) {
			char vt[32];
			value_text(c, c->v[i][s], vt, sizeof vt);
			fputs(" | ", out);
			esc_md_cell(out, vt);
		}
		fputs(" |\n", out);
	}
}
