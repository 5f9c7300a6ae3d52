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

/* The ink of a value written on a bar of each colour (contrast of at least 4.5). */
static const char *const LABEL_INK[CHART_MAX_SERIES] = {
	"#ffffff", "#1d2733", "#1d2733", "#1d2733", "#1d2733", "#ffffff",
};

/* Sizes in SVG units (CSS pixels at 640 wide). Text is FONT units and value labels
 * VALUE_FONT, so that on a phone, where the report's style sheet keeps a chart at least
 * 34rem (544 px) wide and lets it scroll, no text is below 11 px. */
enum { W = 640, LABEL_W = 175, RIGHT = 48, TOP = 36, LEGEND_H = 20, ROW_H = 28, BAR_GAP = 6, AXIS_H = 30,
       FONT = 14, VALUE_FONT = 13 };

/* The lines the legend takes (its items wrap at the chart's width). */
static int legend_lines(const chart *c)
{
	double lx = LABEL_W;
	int lines = 1;
	for (int s = 0; s < c->nseries && c->nseries > 1; s++) {
		double wide = 16 + 0.6 * FONT * (double)strlen(c->series[s]) + 18;
		if (lx > LABEL_W && lx + wide - 18 > W) {
			lx = LABEL_W;
			lines++;
		}
		lx += wide;
	}
	return lines;
}

/* The step between the axis' ticks for data up to m: the smallest of 1, 2, 2.5 (from
 * 10 up, so that ticks stay whole numbers) and 5 times a power of ten that covers m in
 * at most five steps. */
static int64_t nice_step(int64_t m)
{
	if (m <= 5)
		return 1;
	int64_t p = 1;
	while (p * 10 <= m / 5)
		p *= 10;
	static const int tenths[] = {10, 20, 25, 50, 100};
	for (int i = 0; i < 5; i++) {
		int64_t step = p * tenths[i] / 10;
		if (step * 10 != p * tenths[i] || step == 0)
			continue;
		if (step * 5 >= m)
			return step;
	}
	return p * 10;
}

/* The largest bar (a stack, or a single bar of grouped series). */
static int64_t data_max(const chart *c)
{
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
	return m;
}

/* The axis: its maximum (the given one, else the first tick at or above the largest
 * bar, so 3,647 ends at 4,000, not 5,000) and its step between ticks. */
static int64_t axis_max(const chart *c, int64_t *step)
{
	if (c->axis_max > 0) {
		*step = c->axis_max % 4 == 0 ? c->axis_max / 4 : c->axis_max % 5 == 0 ? c->axis_max / 5
											 : c->axis_max;
		return c->axis_max;
	}
	int64_t m = data_max(c);
	*step = nice_step(m);
	int64_t max = (m + *step - 1) / *step * *step;
	return max ? max : *step;
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
	if (c->svg) {
		fputs(c->svg, out);
		return;
	}
	int per_cat = c->mode == CHART_GROUPED ? c->nseries : 1;
	double bar_h = c->mode == CHART_GROUPED ? (ROW_H - BAR_GAP) / (double)per_cat + 2 : ROW_H - BAR_GAP;
	double row_h = c->mode == CHART_GROUPED ? bar_h * per_cat + BAR_GAP + 2 : ROW_H;
	int top = TOP + LEGEND_H * (legend_lines(c) - 1);
	int h = (int)(top + row_h * c->ncats + AXIS_H + 4);
	int64_t step;
	int64_t max = axis_max(c, &step);
	double plot_w = W - LABEL_W - RIGHT;

	fprintf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		     "aria-labelledby=\"", W, h);
	esc_html_attr(out, c->id);
	fputs("-t ", out);
	esc_html_attr(out, c->id);
	fprintf(out, "-d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"%d\" "
	      "font-family=\"Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n"
	      "<title id=\"", (int)FONT);
	esc_html_attr(out, c->id);
	fputs("-t\">", out);
	esc_html_text(out, c->title);
	fputs("</title>\n<desc id=\"", out);
	esc_html_attr(out, c->id);
	fputs("-d\">", out);
	esc_html_text(out, c->desc);
	fputs("</desc>\n", out);

	/* legend, on as many lines as it needs */
	double lx = LABEL_W, ly = 8;
	for (int s = 0; s < c->nseries && c->nseries > 1; s++) {
		double wide = 16 + 0.6 * FONT * (double)strlen(c->series[s]) + 18;
		if (lx > LABEL_W && lx + wide - 18 > W) {
			lx = LABEL_W;
			ly += LEGEND_H;
		}
		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			     "<text x=\"%.1f\" y=\"%.1f\">", lx, ly, PALETTE[s], lx + 16, ly + 11);
		esc_html_text(out, c->series[s]);
		fputs("</text>\n", out);
		lx += wide;
	}

	/* grid and axis ticks */
	double axis_y = top + row_h * c->ncats;
	int nt = (int)(max / step);
	for (int k = 0; k <= nt; k++) {
		double x = LABEL_W + plot_w * k / nt;
		char t[32];
		value_text(c, step * k, t, sizeof t);
		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d5dbe2\"/>"
			     "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#5b6675\">",
			x, top - 4, x, axis_y, x, axis_y + 16);
		esc_html_text(out, t);
		fputs("</text>\n", out);
	}
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1d2733\"/>\n",
		LABEL_W, top - 4, LABEL_W, axis_y);

	for (int i = 0; i < c->ncats; i++) {
		double y0 = top + row_h * i;
		fprintf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_W - 8,
			y0 + row_h / 2 + 5);
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
				if (c->shares && w >= 0.6 * VALUE_FONT * 4 + 4) {
					char vt[32];
					value_text(c, v, vt, sizeof vt);
					fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" "
						     "text-anchor=\"middle\" fill=\"%s\">", x + w / 2,
						y0 + row_h / 2 + 5, VALUE_FONT, LABEL_INK[s % CHART_MAX_SERIES]);
					esc_html_text(out, vt);
					fputs("</text>\n", out);
				}
				x += w;
				sum += v;
			} else {
				double y = y0 + BAR_GAP / 2.0 + bar_h * s;
				if (v > 0)
					bar(out, c, LABEL_W, y, w, bar_h - 2, s, i, v);
				char vt[32];
				value_text(c, v, vt, sizeof vt);
				fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" "
					     "fill=\"#1d2733\">", LABEL_W + w + 4, y + bar_h / 2 + 4,
					VALUE_FONT);
				esc_html_text(out, vt);
				fputs("</text>\n", out);
			}
		}
		if (c->mode == CHART_STACKED && !c->shares) {
			char vt[32];
			value_text(c, sum, vt, sizeof vt);
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1d2733\">", x + 4,
				y0 + row_h / 2 + 5);
			esc_html_text(out, vt);
			fputs("</text>\n", out);
		}
		fputs("\n", out);
	}
	fputs("</svg>\n", out);
}

void chart_write_md(FILE *out, const chart *c)
{
	if (c->svg) { /* a diagram: what it shows, in words */
		esc_md_cell(out, c->desc);
		fputc('\n', out);
		return;
	}
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
