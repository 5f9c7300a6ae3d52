/* The theory of change drawn as diagrams, from the results-framework records: one per
 * end-of-programme outcome (or other node the goal holds, or root that is no goal), so
 * that each fits a printed page: the goal across the top, an arrow down to the
 * outcome, and under it the outcomes that lead to it at any depth, indented by depth
 * and joined to their parent by a line, each box ending with the year's projects that
 * serve it. The SVG is one picture for every format: inline in the HTML report,
 * rasterised into the DOCX by chart_png.c like the charts.
 *
 * Sizes are SVG units, 640 across, as the charts': the report's style sheet keeps a
 * chart at least 34rem (544 px) wide on a phone, so FONT 13 stays at 11 px or more,
 * and at the A4 text width (16 cm) it prints at about 9 pt. Text is wrapped by an
 * estimate of its width (WIDE_EM of an em a character, generous for Noto Sans, the
 * first font asked for), never cut. */
#include "report/diagram.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"

enum { W = 640, GAP = 10, PAD = 6, LINE_H = 16, FONT = 13, INDENT = 14, MAX_LINES = 40 };
#define WIDE_EM 0.56

/* How each level is drawn: its fill and the ink of its text. */
static const struct {
	const char *level, *fill, *ink;
} LOOK[] = {
	{"goal", "#0B3D66", "#ffffff"},         {"eopo", "#0072B2", "#ffffff"},
	{"intermediate", "#DCEAF5", "#1d2733"}, {"immediate", "#F1F5F9", "#1d2733"},
	{"cluster", "#FDF3DC", "#1d2733"},      {"foundational", "#FDF3DC", "#1d2733"},
};

static const char *fill_of(const char *level, bool ink)
{
	for (size_t i = 0; i < sizeof LOOK / sizeof LOOK[0]; i++)
		if (strcmp(LOOK[i].level, level) == 0)
			return ink ? LOOK[i].ink : LOOK[i].fill;
	return ink ? "#1d2733" : "#F1F5F9";
}

/* n bytes of s as SVG text, through the HTML/XML escape (a line is at most a few
 * hundred bytes: one word longer than the buffer is cut there). */
static void text_n(FILE *out, const char *s, size_t n)
{
	char buf[1024];
	n = n < sizeof buf ? n : sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
	esc_html_text(out, buf);
}

/* Characters (not bytes) of n bytes of UTF-8. */
static int chars(const char *s, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Breaks s into lines of at most per characters at its spaces (a longer word stands
 * alone on its line); starts[i] and lens[i] in bytes. Returns the number of lines. */
static int wrap(const char *s, int per, const char **starts, size_t *lens)
{
	int n = 0;
	while (*s && n < MAX_LINES) {
		s += strspn(s, " ");
		if (!*s)
			break;
		const char *end = s + strcspn(s, " "); /* at least one word */
		for (;;) {
			const char *next = end + strspn(end, " ");
			if (!*next)
				break;
			const char *word_end = next + strcspn(next, " ");
			if (chars(s, (size_t)(word_end - s)) > per)
				break;
			end = word_end;
		}
		starts[n] = s;
		lens[n++] = (size_t)(end - s);
		s = end;
	}
	return n;
}

/* One node as drawn. */
typedef struct box {
	const ann_node *node;
	int depth;                 /* 0: a column's head */
	double x, y, w, h;
	int ntitle, nproj;         /* lines of its text and of its projects */
	const char *tl[MAX_LINES], *pl[MAX_LINES];
	size_t tn[MAX_LINES], pn[MAX_LINES];
	char *text, *proj;         /* "code title", "Projects: ..." */
} box;

/* Whether node n is a root: no parent, or one not recorded. */
static bool is_root(const annual_report *r, const ann_node *n)
{
	for (size_t k = 0; n->parent && k < r->nnodes; k++)
		if (strcmp(r->nodes[k].code, n->parent) == 0)
			return false;
	return true;
}

/* Lays a box out at x, y, w: wraps its text; returns its height. */
static double lay(box *b, double x, double y, double w)
{
	int per = (int)((w - 2 * PAD) / (WIDE_EM * FONT));
	per = per < 8 ? 8 : per;
	b->x = x, b->y = y, b->w = w;
	b->ntitle = wrap(b->text, per, b->tl, b->tn);
	b->nproj = b->proj ? wrap(b->proj, per, b->pl, b->pn) : 0;
	b->h = (b->ntitle + b->nproj) * LINE_H + 2 * PAD + (b->nproj ? 4 : 0);
	return b->h;
}

/* Appends node n and those under it (depth first) to boxes; returns the new count. */
static int collect(const annual_report *r, const ann_node *n, int depth, box *boxes, int nb,
		   int cap)
{
	if (nb >= cap || depth > (int)r->nnodes) /* full, or a cycle in the parents */
		return nb;
	box *b = &boxes[nb++];
	memset(b, 0, sizeof *b);
	b->node = n;
	b->depth = depth;
	size_t len = strlen(n->code) + strlen(n->title) + 2;
	b->text = malloc(len);
	if (b->text)
		snprintf(b->text, len, "%s %s", n->code, n->title);
	if (n->projects) {
		len = strlen(n->projects) + 16;
		b->proj = malloc(len);
		if (b->proj)
			snprintf(b->proj, len, "Projects: %s", n->projects);
	}
	for (size_t k = 0; k < r->nnodes; k++)
		if (r->nodes[k].parent && strcmp(r->nodes[k].parent, n->code) == 0)
			nb = collect(r, &r->nodes[k], depth + 1, boxes, nb, cap);
	return nb;
}

/* Writes one box: its rectangle, its title (the code in bold) and its projects. */
static void draw(FILE *out, const box *b)
{
	const char *fill = fill_of(b->node->level, false), *ink = fill_of(b->node->level, true);
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" "
		     "fill=\"%s\" stroke=\"#0B3D66\" stroke-width=\"0.8\"/>\n",
		b->x, b->y, b->w, b->h, fill);
	size_t code = strlen(b->node->code);
	for (int i = 0; i < b->ntitle; i++) {
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">", b->x + PAD,
			b->y + PAD + (i + 1) * LINE_H - 4, ink);
		const char *s = b->tl[i];
		size_t n = b->tn[i];
		if (i == 0 && n >= code) { /* the code, bold */
			fputs("<tspan font-weight=\"bold\">", out);
			text_n(out, s, code);
			fputs("</tspan>", out);
			s += code, n -= code;
		}
		text_n(out, s, n);
		fputs("</text>\n", out);
	}
	for (int i = 0; i < b->nproj; i++) {
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-style=\"italic\">",
			b->x + PAD, b->y + PAD + 4 + (b->ntitle + i + 1) * LINE_H - 4, ink);
		text_n(out, b->pl[i], b->pn[i]);
		fputs("</text>\n", out);
	}
}

/* The index in boxes of box i's parent (the nearest box before it one level up), or
 * -1. */
static int parent_of(const box *boxes, int i)
{
	for (int k = i - 1; k >= 0; k--)
		if (boxes[k].depth == boxes[i].depth - 1)
			return k;
	return -1;
}

/* The column heads: what the goals hold, then the roots that are not goals, in record
 * order (at most cap); the goals into goals (at most cap). Returns the heads' number. */
static int find_heads(const annual_report *r, const ann_node **heads, const ann_node **goals,
		      int *ngoals, int cap)
{
	int n = 0;
	*ngoals = 0;
	for (size_t i = 0; i < r->nnodes; i++) {
		const ann_node *g = &r->nodes[i];
		if (!is_root(r, g) || strcmp(g->level, "goal") != 0 || *ngoals >= cap)
			continue;
		goals[(*ngoals)++] = g;
		for (size_t k = 0; k < r->nnodes && n < cap; k++)
			if (r->nodes[k].parent && strcmp(r->nodes[k].parent, g->code) == 0)
				heads[n++] = &r->nodes[k];
	}
	for (size_t i = 0; i < r->nnodes && n < cap; i++)
		if (is_root(r, &r->nodes[i]) && strcmp(r->nodes[i].level, "goal") != 0)
			heads[n++] = &r->nodes[i];
	return n;
}

int report_theory_parts(const annual_report *r, const ann_node **heads, int cap)
{
	const ann_node *goals[64];
	int ngoals;
	return find_heads(r, heads, goals, &ngoals, cap < 64 ? cap : 64);
}

int report_theory_svg(const annual_report *r, int part, const char *id, const char *title,
		      const char *desc, char **svg)
{
	*svg = NULL;
	const ann_node *heads[64], *goals[64];
	int ngoals, nheads = find_heads(r, heads, goals, &ngoals, 64);
	if (part < 0 || part >= nheads)
		return -1;
	int cap = (int)r->nnodes + 1, nb = 0;
	box *boxes = calloc((size_t)cap, sizeof *boxes);
	if (!boxes)
		return -1;
	/* the goals, full width; then the head and what it holds, indented by depth */
	for (int i = 0; i < ngoals && nb < cap; i++)
		nb = collect(r, goals[i], 0, boxes, nb, nb + 1);
	int ntop = nb;
	nb = collect(r, heads[part], 1, boxes, nb, cap);
	double y = 1;
	for (int i = 0; i < nb; i++) {
		double in = INDENT * (boxes[i].depth > 0 ? boxes[i].depth - 1 : 0);
		y += lay(&boxes[i], 1 + in, y, W - 2 - in) + GAP;
	}
	int h = (int)(y - GAP + 2);

	size_t len = 0;
	FILE *out = open_memstream(svg, &len);
	if (out) {
		fprintf(out, "<svg class=\"chart diagram\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
			     "role=\"img\" aria-labelledby=\"", W, h);
		esc_html_attr(out, id);
		fputs("-t ", out);
		esc_html_attr(out, id);
		fprintf(out, "-d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"%d\" "
			     "font-family=\"Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n"
			     "<title id=\"", (int)FONT);
		esc_html_attr(out, id);
		fputs("-t\">", out);
		esc_html_text(out, title);
		fputs("</title>\n<desc id=\"", out);
		esc_html_attr(out, id);
		fputs("-d\">", out);
		esc_html_text(out, desc);
		fputs("</desc>\n", out);
		/* lines first, under the boxes: the goal down to the head, parent to child */
		for (int i = ntop; i < nb; i++) {
			int p = i == ntop ? ntop - 1 : parent_of(boxes, i);
			if (p < 0)
				continue;
			double px = boxes[p].x + INDENT / 2.0 + (i == ntop ? W / 2.0 : 0),
			       py = boxes[p].y + boxes[p].h;
			if (i == ntop) /* an arrow from the goal to the outcome */
				fprintf(out, "<path d=\"M%.1f %.1fV%.1f\" stroke=\"#0B3D66\" "
					     "stroke-width=\"1.5\" fill=\"none\"/>\n", px, py, boxes[i].y);
			else
				fprintf(out, "<path d=\"M%.1f %.1fV%.1fH%.1f\" stroke=\"#0B3D66\" "
					     "stroke-width=\"1\" fill=\"none\"/>\n",
					px, py, boxes[i].y + 12, boxes[i].x);
		}
		for (int i = 0; i < nb; i++)
			draw(out, &boxes[i]);
		fputs("</svg>\n", out);
		if (fclose(out) != 0) {
			free(*svg);
			*svg = NULL;
		}
	}
	for (int i = 0; i < nb; i++)
		free(boxes[i].text), free(boxes[i].proj);
	free(boxes);
	return *svg ? 0 : -1;
}
