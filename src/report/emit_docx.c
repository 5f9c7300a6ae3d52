/* DOCX form of the annual report (and of the public Tables 1-5): an Office Open XML
 * word-processing package that the bodies can edit and circulate. It renders the same
 * document blocks as the HTML and Markdown writers (rdoc.h). Sections are Word's own
 * "heading 1/2/3" styles (so Word's table of contents and navigation pane work), tables
 * repeat their header row on every page and do not split a row, figures are PNG images
 * of the report's SVG charts (chart_png.c), the page is A4 with "Page N of M" in the
 * footer. The XML parts that hold text are written by libxml2's xmlTextWriter, which
 * escapes every text and attribute; the fixed parts (styles, settings, relationships
 * of the fixed parts) are constants. libzip writes the package to a temporary file and
 * renames it into place only when complete. */
#include <cmark.h>

#include "report/mdtext.h"
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/i18n.h"
#include "core/country.h"
#include "indicators/ind_emit.h"
#include "report/rdoc.h"
#include "report/report.h"

/* A4 in twentieths of a point and margins of 2 cm (1.5 cm landscape). */
enum { PAGE_W = 11906, PAGE_H = 16838, MARGIN = 1134, MARGIN_LANDSCAPE = 851 };

/* A table of up to this many rows and this many characters is kept on one page. */
enum { KEEP_ROWS = 25, KEEP_TEXT = 1500 };

/* The width a figure is printed at, in EMU (16 cm). */
#define FIG_EMU 5760000LL

enum { MAX_COLS = RT_MAX_COLS + 1 > RD_MAX_COLS ? RT_MAX_COLS + 1 : RD_MAX_COLS };

typedef struct docx {
	xmlTextWriterPtr w;
	const rdoc *d;
	unsigned char *png[RD_MAX_FIGS];
	size_t png_len[RD_MAX_FIGS];
	int png_w[RD_MAX_FIGS], png_h[RD_MAX_FIGS];
	int ncols, colw[MAX_COLS]; /* the open table's column widths */
	int text_w;                /* the width between the margins */
} docx;

static void start(docx *x, const char *name)
{
	xmlTextWriterStartElement(x->w, BAD_CAST name);
}

static void end(docx *x)
{
	xmlTextWriterEndElement(x->w);
}

static void attr(docx *x, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
}

/* An empty element with one attribute (w:val and the like). */
static void empty(docx *x, const char *name, const char *a, const char *v)
{
	start(x, name);
	if (a)
		attr(x, a, v);
	end(x);
}

/* Run properties of a run. */
enum { R_BOLD = 1, R_ITALIC = 2, R_GREY = 4 };

/* A run of text; '\n' in text is a line break. */
static void run(docx *x, const char *text, int props)
{
	start(x, "w:r");
	if (props) {
		start(x, "w:rPr");
		if (props & R_BOLD)
			empty(x, "w:b", NULL, NULL);
		if (props & R_ITALIC)
			empty(x, "w:i", NULL, NULL);
		if (props & R_GREY)
			empty(x, "w:color", "w:val", "4B5563");
		end(x);
	}
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		start(x, "w:t");
		attr(x, "xml:space", "preserve");
		xmlTextWriterWriteFormatString(x->w, "%.*s", (int)n, p);
		end(x);
		if (!nl)
			break;
		empty(x, "w:br", NULL, NULL);
		p = nl + 1;
	}
	end(x);
}

/* Opens a paragraph of style (NULL: Normal), aligned right when right. */
static void p_open(docx *x, const char *style, bool right)
{
	start(x, "w:p");
	if (style || right) {
		start(x, "w:pPr");
		if (style)
			empty(x, "w:pStyle", "w:val", style);
		if (right)
			empty(x, "w:jc", "w:val", "right");
		end(x);
	}
}

/* A paragraph of one run. */
static void para(docx *x, const char *style, const char *text, int props)
{
	p_open(x, style, false);
	run(x, text, props);
	end(x);
}

/* ---- tables ------------------------------------------------------------------- */

/* The width of n bytes of a table heading, in twips: 8 pt bold Liberation Sans (the
 * metrics of Arial Bold, in thousandths of an em; other characters count as an "n"),
 * and 12% more for the wider fonts put in its place where it is missing (Noto Sans). */
static int head_twips(const char *t, int n)
{
	static const short lower[26] = {556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
					278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556,
					778, 556, 556, 500};
	static const short upper[26] = {722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722,
					611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
					944, 667, 667, 611};
	int em = 0;
	for (int i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if ((c & 0xC0) == 0x80)
			continue; /* inside a UTF-8 character */
		em += c >= 'a' && c <= 'z' ? lower[c - 'a'] : c >= 'A' && c <= 'Z' ? upper[c - 'A']
		      : c >= '0' && c <= '9' ? 556 : c == '%' ? 889 : c == '(' || c == ')' ? 333
		      : c == ' ' || c == ',' || c == '.' ? 278 : 611;
	}
	return em * 16 * 112 / 10000; /* 8 pt = 160 twips an em */
}

/* The cell margins and some slack, in twips, added to a text's width. */
enum { CELL_PAD = 2 * 80 + 60, HEAD_LINES = 3, CELL_CHARS = 40, CELL_WORD = 16 };

/* The lines heading t takes in a column w twips wide (inside the margins), wrapped at
 * its spaces; a word wider than w counts as a line of its own. */
static int head_lines(const char *t, int w)
{
	int lines = 0, used = 0;
	const int space = head_twips(" ", 1);
	for (t += strspn(t, " "); *t; t += strspn(t, " ")) {
		int k = (int)strcspn(t, " "), ww = head_twips(t, k);
		if (lines && used + space + ww <= w) {
			used += space + ww;
		} else {
			lines++;
			used = ww;
		}
		t += k;
	}
	return lines;
}

/* The width of t's longest word, in twips. */
static int longest_word(const char *t)
{
	int most = 0;
	for (const char *p = t + strspn(t, " "); *p; p += strspn(p, " ")) {
		int k = (int)strcspn(p, " "), w = head_twips(p, k);
		most = w > most ? w : most;
		p += k;
	}
	return most;
}

/* The narrowest column (with its margins) in which heading t takes at most
 * HEAD_LINES lines and no word of it breaks. */
static int head_floor(const char *t)
{
	int lo = longest_word(t), hi = head_twips(t, (int)strlen(t));
	hi = hi > lo ? hi : lo;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (head_lines(t, mid) <= HEAD_LINES)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo + CELL_PAD;
}

/* Sizes the columns from their content (cells: rows × ncols texts, the header first):
 * each column at least as wide as its heading needs to take at most three lines with
 * no word broken, and as its cells' longest word (of up to CELL_WORD characters; its
 * floor), and as wide as its longest cell on one line (up to
 * CELL_CHARS characters) when the page allows; what the page has over the floors is
 * shared in proportion to what each column wants over its floor, and what is left
 * when every column has its want, in proportion to the wants. Returns false, leaving
 * colw alone, when the floors alone are wider than the page. */
static bool size_columns(docx *x, const char *const *cells, int rows, int ncols)
{
	int floor[MAX_COLS], want[MAX_COLS];
	int64_t floors = 0, wants = 0;
	for (int c = 0; c < x->ncols; c++) {
		const char *h = cells[c] ? cells[c] : "";
		floor[c] = head_floor(h);
		want[c] = floor[c];
		for (int r = 1; r < rows; r++) {
			const char *t = cells[r * ncols + c] ? cells[r * ncols + c] : "";
			int n = (int)strlen(t), w = head_twips(t, n < CELL_CHARS ? n : CELL_CHARS) + CELL_PAD;
			want[c] = w > want[c] ? w : want[c];
			int word = longest_word(t) + CELL_PAD;
			if (word <= head_twips("nnnnnnnnnnnnnnnn", CELL_WORD) + CELL_PAD && word > floor[c])
				floor[c] = word;
		}
		want[c] = want[c] > floor[c] ? want[c] : floor[c];
		floors += floor[c];
		wants += want[c];
	}
	if (floors > x->text_w || wants <= 0)
		return false;
	int total = 0;
	for (int c = 0; c < x->ncols; c++) {
		if (wants <= x->text_w)
			x->colw[c] = (int)((int64_t)want[c] * x->text_w / wants);
		else
			x->colw[c] = floor[c] + (int)((int64_t)(want[c] - floor[c]) *
						     (x->text_w - floors) / (wants - floors));
		total += x->colw[c];
	}
	x->colw[0] += x->text_w - total; /* what rounding left, to the row heads */
	return true;
}

/* Sizes the columns when the headings cannot all fit in three lines: each column as
 * wide as its longest cell (rows × ncols texts, the header first) asks, within limits,
 * sharing the text width; then no column is narrower than its heading's longest word
 * (with the cell margins), the width it needs taken from the columns that have more
 * than their own need, so no heading word breaks (when the words fit the page at all). */
static void size_by_words(docx *x, const char *const *cells, int rows, int ncols)
{
	int want[MAX_COLS] = {0}, need[MAX_COLS] = {0}, sum = 0, needs = 0;
	for (int c = 0; c < x->ncols; c++) {
		want[c] = 6;
		for (int r = 0; r < rows; r++) {
			const char *t = cells[r * ncols + c] ? cells[r * ncols + c] : "";
			int n = (int)strlen(t);
			if (r == 0) /* a heading wraps at its spaces: its longest word counts */
				for (n = 0; *t; t += strspn(t, " ")) {
					int k = (int)strcspn(t, " ");
					n = k > n ? k : n;
					int w = head_twips(t, k) + CELL_PAD;
					need[c] = w > need[c] ? w : need[c];
					t += k;
				}
			want[c] = n > want[c] ? n : want[c];
		}
		want[c] = want[c] > 40 ? 40 : want[c];
		sum += want[c];
		needs += need[c];
	}
	if (sum == 0) /* no columns */
		sum = 1;
	int spare = 0; /* what the columns wider than their need have over it */
	for (int c = 0; c < x->ncols; c++) {
		x->colw[c] = x->text_w * want[c] / sum;
		spare += x->colw[c] > need[c] ? x->colw[c] - need[c] : 0;
	}
	int short_by = 0;
	for (int c = 0; c < x->ncols; c++)
		short_by += x->colw[c] < need[c] ? need[c] - x->colw[c] : 0;
	if (short_by && needs <= x->text_w && spare > 0) {
		for (int c = 0; c < x->ncols; c++)
			x->colw[c] = x->colw[c] < need[c] ? need[c]
				     : x->colw[c] - (int)((int64_t)(x->colw[c] - need[c]) * short_by / spare);
	} else if (needs > x->text_w) {
		/* the words cannot all fit: every column gets its need up to one cap, the
		 * highest that fits, so only the longest words break */
		int lo = 0, hi = x->text_w;
		while (lo < hi) {
			int cap = (lo + hi + 1) / 2, total = 0;
			for (int c = 0; c < x->ncols; c++)
				total += need[c] < cap ? need[c] : cap;
			if (total <= x->text_w)
				lo = cap;
			else
				hi = cap - 1;
		}
		int total = 0;
		for (int c = 0; c < x->ncols; c++)
			total += x->colw[c] = need[c] < lo ? need[c] : lo;
		x->colw[0] += x->text_w - total; /* the first column (row heads) takes the rest */
	}
}

/* Opens a table of ncols columns (cells: rows × ncols texts, the header first), sized
 * by size_columns, else by size_by_words. */
static void tbl_open(docx *x, const char *const *cells, int rows, int ncols)
{
	start(x, "w:tbl");
	start(x, "w:tblPr");
	empty(x, "w:tblStyle", "w:val", "ReportTable");
	start(x, "w:tblW");
	attr(x, "w:w", "5000");
	attr(x, "w:type", "pct");
	end(x);
	empty(x, "w:tblLayout", "w:type", "fixed");
	end(x);
	start(x, "w:tblGrid");
	x->ncols = ncols < MAX_COLS ? ncols : MAX_COLS;
	if (!size_columns(x, cells, rows, ncols))
		size_by_words(x, cells, rows, ncols);
	for (int c = 0; c < x->ncols; c++) {
		char w[16];
		snprintf(w, sizeof w, "%d", x->colw[c]);
		empty(x, "w:gridCol", "w:w", w);
	}
	end(x);
}

/* One row: a header row repeats on every page; no row splits across pages; with
 * keep, the row stays on the page of the next (a short table is not split). */
static void tbl_row(docx *x, const char *const *cells, int ncols, const bool *left, bool head,
		    bool total, bool keep)
{
	start(x, "w:tr");
	start(x, "w:trPr");
	empty(x, "w:cantSplit", NULL, NULL);
	if (head)
		empty(x, "w:tblHeader", NULL, NULL);
	end(x);
	for (int c = 0; c < ncols; c++) {
		start(x, "w:tc");
		if (c < x->ncols) {
			char w[16];
			snprintf(w, sizeof w, "%d", x->colw[c]);
			start(x, "w:tcPr");
			start(x, "w:tcW");
			attr(x, "w:w", w);
			attr(x, "w:type", "dxa");
			end(x);
			end(x);
		}
		p_open(x, head ? "TableHead" : keep ? "TableKeep" : "TableText",
		       c > 0 && !(left && left[c]));
		run(x, cells[c] ? cells[c] : "", total || (c == 0 && !head) ? R_BOLD * total : 0);
		end(x);
		end(x);
	}
	end(x);
}

/* A caption ("Table 3", "Figure 2": kind is the translated "Table %d") kept with what
 * follows. */
static void caption(docx *x, const char *kind, int n, const char *title)
{
	char num[96];
	snprintf(num, sizeof num, kind, n);
	strncat(num, "  ", sizeof num - strlen(num) - 1);
	p_open(x, "Caption", false);
	run(x, num, R_BOLD);
	run(x, title, 0);
	end(x);
}

/* ---- blocks ------------------------------------------------------------------- */

static void open_docx(docx *x, const rd_block *b)
{
	if (!b->text)
		return;
	p_open(x, b->level <= 2 ? "Heading1" : "Heading2", false);
	if (b->code) {
		run(x, b->code, 0);
		run(x, " ", 0);
	}
	run(x, b->text, 0);
	end(x);
}

static void heading_docx(docx *x, const rd_block *b)
{
	para(x, "Heading3", b->text, 0);
}

static bool markdown_docx(docx *x, const char *text, const char *first_style,
			  const char *next_style);

static void md_docx(docx *x, const rd_block *b)
{
	if (markdown_docx(x, b->text, NULL, NULL))
		end(x);
}

static void para_docx(docx *x, const rd_block *b)
{
	para(x, b->cls && strcmp(b->cls, "lead") == 0 ? "Lead" : NULL, b->text, 0);
}

/* A group row: its first cell across the table, in bold. */
static void group_row(docx *x, const char *text, int ncols)
{
	char span[16];
	snprintf(span, sizeof span, "%d", ncols);
	start(x, "w:tr");
	start(x, "w:trPr");
	empty(x, "w:cantSplit", NULL, NULL);
	end(x);
	start(x, "w:tc");
	start(x, "w:tcPr");
	empty(x, "w:gridSpan", "w:val", span);
	start(x, "w:shd");
	attr(x, "w:val", "clear");
	attr(x, "w:color", "auto");
	attr(x, "w:fill", "E8EEF4");
	end(x);
	end(x);
	p_open(x, "TableKeep", false);
	run(x, text, R_BOLD);
	end(x);
	end(x);
	end(x);
}

static void table_docx(docx *x, const rd_block *b)
{
	const rd_table *t = b->table;
	const char **all = malloc(sizeof *all * (size_t)((t->nrows + 1) * t->ncols));
	if (all) {
		memcpy(all, t->heads, sizeof *all * (size_t)t->ncols);
		memcpy(all + t->ncols, t->cells, sizeof *all * (size_t)(t->nrows * t->ncols));
	}
	tbl_open(x, all ? all : t->heads, all ? t->nrows + 1 : 1, t->ncols);
	free(all);
	tbl_row(x, t->heads, t->ncols, t->left, true, false, false);
	/* a short table is kept on one page; one of many rows or much text may split */
	size_t text = 0;
	for (int i = 0; i < t->nrows; i++)
		for (int c = 0; c < t->ncols; c++)
			text += strlen(t->cells[(size_t)i * (size_t)t->ncols + (size_t)c]);
	bool keep = t->nrows <= KEEP_ROWS && text <= KEEP_TEXT;
	for (int i = 0; i < t->nrows; i++) {
		if (t->kinds[i] == RD_GROUP)
			group_row(x, t->cells[(size_t)i * t->ncols], t->ncols);
		else
			tbl_row(x, &t->cells[(size_t)i * t->ncols], t->ncols, t->left, false,
				t->kinds[i] == RD_TOTAL, keep && i + 1 < t->nrows);
	}
	end(x);
	para(x, "TableEnd", "", 0);
}

static void rtable_docx(docx *x, const rd_block *b)
{
	const rt_table *t = b->rt;
	const char *keys[RT_MAX_COLS], *labels[RT_MAX_COLS + 1];
	int ncols = report_disp_headings(t, keys, labels + 1) + 1;
	labels[0] = _("Country/region");
	caption(x, _("Table %d"), b->n, t->title);
	if (b->masked && b->text)
		para(x, "TableNote", b->text, 0); /* the sentence on suppression */
	disp_row *rows = malloc(sizeof *rows * (RT_MAX_ROWS + 1));
	const char **all = malloc(sizeof *all * (size_t)((RT_MAX_ROWS + 2) * ncols));
	int n = 0;
	if (!rows || !all) {
		free(rows);
		free(all);
		return;
	}
	memcpy(all, labels, sizeof *all * (size_t)ncols);
	{
		while (n <= RT_MAX_ROWS && report_disp_row(t, b->masked ? &b->mask : NULL, n, &rows[n])) {
			const char **c = &all[(size_t)(n + 1) * ncols];
			c[0] = rows[n].label;
			for (int k = 1; k < ncols; k++)
				c[k] = k <= rows[n].ncells ? rows[n].cells[k - 1] : "";
			n++;
		}
	}
	tbl_open(x, all, n + 1, ncols);
	tbl_row(x, labels, ncols, NULL, true, false, false);
	for (int i = 0; i < n; i++)
		tbl_row(x, &all[(size_t)(i + 1) * ncols], ncols, NULL, false, rows[i].kind != DISP_ROW,
			n <= KEEP_ROWS && i + 1 < n);
	free(rows);
	free(all);
	end(x);
	if (t->note) {
		p_open(x, "Source", false);
		run(x, _("Note:"), R_BOLD);
		run(x, " ", 0);
		run(x, t->note, 0);
		end(x);
	}
	p_open(x, "Source", false);
	run(x, _("Source:"), R_BOLD);
	run(x, " ", 0);
	run(x, t->source, 0);
	end(x);
}

/* An image in line with the text: the package part word/media/figN.png, relationship
 * rIdFigN. */
static void drawing(docx *x, int i, const char *descr)
{
	char id[16], rid[24], name[32], cx[24], cy[24];
	snprintf(id, sizeof id, "%d", i + 1);
	snprintf(rid, sizeof rid, "rIdFig%d", i + 1);
	snprintf(name, sizeof name, "fig%d.png", i + 1);
	/* 16 cm wide, unless so tall (a long diagram) that it would pass 22 cm: then 22 cm
	 * tall, narrower, so that it stays on one page with its caption */
	long long w = FIG_EMU, h = FIG_EMU * x->png_h[i] / (x->png_w[i] ? x->png_w[i] : 1);
	const long long max_h = 22LL * 360000;
	if (h > max_h) {
		w = w * max_h / h;
		h = max_h;
	}
	snprintf(cx, sizeof cx, "%lld", w);
	snprintf(cy, sizeof cy, "%lld", h);
	start(x, "w:r");
	start(x, "w:drawing");
	start(x, "wp:inline");
	start(x, "wp:extent");
	attr(x, "cx", cx);
	attr(x, "cy", cy);
	end(x);
	start(x, "wp:docPr");
	attr(x, "id", id);
	attr(x, "name", name);
	attr(x, "descr", descr);
	end(x);
	start(x, "a:graphic");
	start(x, "a:graphicData");
	attr(x, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
	start(x, "pic:pic");
	start(x, "pic:nvPicPr");
	start(x, "pic:cNvPr");
	attr(x, "id", id);
	attr(x, "name", name);
	end(x);
	empty(x, "pic:cNvPicPr", NULL, NULL);
	end(x);
	start(x, "pic:blipFill");
	empty(x, "a:blip", "r:embed", rid);
	start(x, "a:stretch");
	empty(x, "a:fillRect", NULL, NULL);
	end(x);
	end(x);
	start(x, "pic:spPr");
	start(x, "a:xfrm");
	start(x, "a:off");
	attr(x, "x", "0");
	attr(x, "y", "0");
	end(x);
	start(x, "a:ext");
	attr(x, "cx", cx);
	attr(x, "cy", cy);
	end(x);
	end(x);
	start(x, "a:prstGeom");
	attr(x, "prst", "rect");
	empty(x, "a:avLst", NULL, NULL);
	end(x);
	end(x);
	end(x); /* pic:pic */
	end(x);
	end(x);
	end(x); /* wp:inline */
	end(x);
	end(x);
}

static void figure_docx(docx *x, const rd_block *b)
{
	p_open(x, "Caption", false); /* "Figure 4  Title"; the title alone when unnumbered */
	if (b->label) {
		run(x, b->label, R_BOLD);
		run(x, "  ", R_BOLD);
	}
	run(x, b->fig->title, 0);
	end(x);
	long i = b->fig - x->d->figs;
	p_open(x, "Figure", false);
	if (i >= 0 && x->png[i])
		drawing(x, i, b->fig->desc);
	else
		run(x, b->fig->desc, R_ITALIC);
	end(x);
}

static void facts_docx(docx *x, const rd_block *b)
{
	const rd_table *t = b->table;
	for (int i = 0; i < t->nrows; i++) {
		p_open(x, "Fact", false);
		run(x, t->cells[(size_t)i * 2], R_BOLD);
		run(x, " ", 0);
		run(x, t->cells[(size_t)i * 2 + 1], 0);
		end(x);
	}
}

static void projects_docx(docx *x, const rd_block *b)
{
	const rd_table *t = b->table;
	for (int i = 0; i < t->nrows; i++) {
		const char **c = &t->cells[(size_t)i * t->ncols];
		p_open(x, "ListBullet", false);
		run(x, c[0], R_BOLD);
		run(x, " ", 0);
		run(x, c[1], 0);
		if (*c[2]) {
			run(x, ", with ", 0);
			run(x, c[2], 0);
		}
		if (*c[4]) {
			run(x, " (", 0);
			run(x, c[4], R_ITALIC);
			run(x, ")", 0);
		}
		end(x);
	}
}

/* Markdown as paragraphs of runs (strong and emphasis kept; links as their text,
 * images as their alt text): the first paragraph in style first, the others in style
 * next, a list item's in "ListBullet". Returns with the last paragraph open (true), or
 * false when there was none. */
static bool markdown_docx(docx *x, const char *text, const char *first_style,
			  const char *next_style)
{
	cmark_node *doc = report_md_parse(text);
	cmark_iter *it = doc ? cmark_iter_new(doc) : NULL;
	bool open = false, first = true;
	int strong = 0, emph = 0;
	cmark_event_type ev;
	while (it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type ty = cmark_node_get_type(n);
		bool enter = ev == CMARK_EVENT_ENTER;
		switch (ty) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
		case CMARK_NODE_CODE_BLOCK:
			if (!enter)
				break;
			if (open)
				end(x);
			p_open(x, first ? first_style
				  : cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_ITEM
				  ? "ListBullet" : next_style, false);
			open = true;
			first = false;
			if (ty == CMARK_NODE_CODE_BLOCK)
				run(x, cmark_node_get_literal(n), 0);
			break;
		case CMARK_NODE_STRONG:
			strong += enter ? 1 : -1;
			break;
		case CMARK_NODE_EMPH:
			emph += enter ? 1 : -1;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if (open)
				run(x, cmark_node_get_literal(n),
				    (strong ? R_BOLD : 0) | (emph ? R_ITALIC : 0));
			break;
		case CMARK_NODE_SOFTBREAK:
			if (open)
				run(x, " ", 0);
			break;
		case CMARK_NODE_LINEBREAK:
			if (open)
				run(x, "\n", 0);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return open;
}

/* An achievement's Markdown as a list item, its meta line after the last paragraph. */
static void ach_docx(docx *x, const rdoc *d, const ann_achievement *a)
{
	if (!markdown_docx(x, a->text, "ListBullet", "ListContinue"))
		p_open(x, "ListBullet", false);
	char meta[512];
	rdoc_ach_meta(d->r, a, meta, sizeof meta);
	if (meta[0]) {
		run(x, " \xE2\x80\x94", R_GREY);
		run(x, meta, R_GREY);
	}
	end(x);
}

static void ach_list_docx(docx *x, const rd_block *b)
{
	const annual_report *r = x->d->r;
	for (size_t a = 0; a < r->nach; a++)
		if (annual_ach_selected(r, &r->ach[a], b->sel, b->code))
			ach_docx(x, x->d, &r->ach[a]);
}

static void partner_meta_docx(docx *x, const rd_block *b)
{
	const ann_partner *p = b->partner;
	const country *c = p->country ? country_by_code(p->country) : NULL;
	if (!c && !p->started_on)
		return;
	p_open(x, NULL, false);
	if (c)
		run(x, c->name, R_ITALIC);
	if (c && p->started_on)
		run(x, ", ", R_ITALIC);
	if (p->started_on) {
		run(x, "partner since ", R_ITALIC);
		run(x, p->started_on, R_ITALIC);
	}
	end(x);
}

static void indicators_docx(docx *x, const rd_block *b)
{
	(void)b;
	const ind_table *t = &x->d->r->indicators;
	if (!t->n) {
		para(x, NULL, "No indicators are defined (indicators.csv).", 0);
		return;
	}
	char labels[IND_DISP_COLS][32];
	ind_disp_headings(t->period, labels);
	const char *heads[IND_DISP_COLS + 1] = {"Indicator"};
	for (int c = 0; c < IND_DISP_COLS; c++)
		heads[c + 1] = labels[c];
	enum { NC = IND_DISP_COLS + 1 };
	ind_disp *rows;
	size_t n = ind_disp_build(t, &rows);
	char (*label)[1200] = malloc(sizeof *label * (n ? n : 1));
	const char **all = malloc(sizeof *all * (n + 1) * NC);
	if (!label || !all) {
		free(label);
		free(all);
		free(rows);
		return;
	}
	memcpy(all, heads, sizeof heads);
	for (size_t i = 0; i < n; i++) {
		if (rows[i].country)
			snprintf(label[i], sizeof label[i], "   %s", rows[i].label);
		else
			snprintf(label[i], sizeof label[i], "%s %s", rows[i].row->def->code,
				 rows[i].row->def->title);
		const char **c = &all[(i + 1) * NC];
		c[0] = label[i];
		for (int k = 0; k < IND_DISP_COLS; k++)
			c[k + 1] = rows[i].cells[k];
	}
	tbl_open(x, all, (int)n + 1, NC);
	tbl_row(x, heads, NC, NULL, true, false, false);
	for (size_t i = 0; i < n; i++)
		tbl_row(x, &all[(i + 1) * NC], NC, NULL, false, !rows[i].country, false);
	free(rows);
	free(label);
	free(all);
	end(x);
	para(x, "Source", IND_NOTE, 0);
}

static void findings_docx(docx *x, const rd_block *b)
{
	(void)b;
	const check_result *q = x->d->r->quality;
	for (size_t i = 0; i < q->n; i++) {
		char num[96];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		p_open(x, "Finding", false);
		run(x, num, 0);
		run(x, q->items[i].subject, R_BOLD);
		run(x, ": ", 0);
		run(x, q->items[i].message, 0);
		end(x);
	}
}

static void (*const render[RB_NKINDS])(docx *x, const rd_block *b) = {
	[RB_OPEN] = open_docx,
	[RB_HEADING] = heading_docx,
	[RB_PARA] = para_docx,
	[RB_MD] = md_docx,
	[RB_TABLE] = table_docx,
	[RB_RTABLE] = rtable_docx,
	[RB_FIGURE] = figure_docx,
	[RB_FACTS] = facts_docx,
	[RB_PROJECTS] = projects_docx,
	[RB_ACH] = ach_list_docx,
	[RB_PARTNER_META] = partner_meta_docx,
	[RB_INDICATORS] = indicators_docx,
	[RB_FINDINGS] = findings_docx,
};

/* ---- the package ----------------------------------------------------------------- */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* The styles: Word's built-in names (heading 1-3, Title, caption, toc 1, List Bullet),
 * so its table of contents and navigation pane find the headings, plus the report's
 * own for table text, facts, sources and findings. A heading keeps with the next
 * paragraph; heading 1 starts a page. */
static const char STYLES[] = XML_DECL
	"<w:styles xmlns:w=\"" NS_W "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Liberation Sans\" "
	"w:hAnsi=\"Liberation Sans\" w:cs=\"Liberation Sans\" w:eastAsia=\"Liberation Sans\"/>"
	"<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	"<w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:before=\"2400\" w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"0B3D66\"/>"
	"<w:sz w:val=\"56\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"480\"/></w:pPr>"
	"<w:rPr><w:color w:val=\"4B5563\"/><w:sz w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"240\"/><w:outlineLvl w:val=\"0\"/>"
	"</w:pPr><w:rPr><w:b/><w:color w:val=\"0B3D66\"/><w:sz w:val=\"36\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
	"<w:rPr><w:b/><w:color w:val=\"0B3D66\"/><w:sz w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"240\" w:after=\"80\"/></w:pPr><w:rPr><w:color w:val=\"0B3D66\"/>"
	"<w:sz w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/>"
	"</w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Lead\"><w:name w:val=\"Lead\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"80\"/>"
	"<w:ind w:left=\"284\" w:hanging=\"284\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListContinue\"><w:name w:val=\"List Continue\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"80\"/><w:ind w:left=\"284\"/>"
	"</w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Fact\"><w:name w:val=\"Fact\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"40\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Finding\"><w:name w:val=\"Finding\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"40\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Figure\"><w:name w:val=\"Figure\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepLines/><w:jc w:val=\"center\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Source\"><w:name w:val=\"Source\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr>"
	"<w:rPr><w:color w:val=\"4B5563\"/><w:sz w:val=\"16\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableNote\"><w:name w:val=\"Table Note\"/>"
	"<w:basedOn w:val=\"Source\"/><w:pPr><w:keepNext/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableEnd\"><w:name w:val=\"Table End\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"8\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
	"w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableKeep\"><w:name w:val=\"Table Text Kept\"/>"
	"<w:basedOn w:val=\"TableText\"/><w:pPr><w:keepNext/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableHead\"><w:name w:val=\"Table Head\"/>"
	"<w:basedOn w:val=\"TableText\"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/>"
	"<w:color w:val=\"FFFFFF\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	"<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
	"<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
	"<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/>"
	"<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA5B1\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA5B1\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"D5DBE2\"/>"
	"</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
	"<w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/>"
	"<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	"<w:tblStylePr w:type=\"firstRow\"><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" "
	"w:fill=\"0B3D66\"/></w:tcPr></w:tblStylePr></w:style>"
	"</w:styles>";

static const char SETTINGS[] = XML_DECL
	"<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"709\"/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
	"w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
	"w:val=\"15\"/></w:compat></w:settings>";

/* "Page N of M" centred in the footer. */
static const char FOOTER[] = XML_DECL
	"<w:ftr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
	"<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
	"<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
	"<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>"
	"<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
	"</w:p></w:ftr>";

static const char ROOT_RELS[] = XML_DECL
	"<Relationships xmlns=\"" NS_REL "\">"
	"<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>";

static const char CONTENT_TYPES[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
	"relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"png\" ContentType=\"image/png\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
	"openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd."
	"openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd."
	"openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd."
	"openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd."
	"openxmlformats-package.core-properties+xml\"/></Types>";

/* A writer into a memory buffer, with the XML declaration. */
static xmlTextWriterPtr mem_writer(xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	xmlTextWriterPtr w = *buf ? xmlNewTextWriterMemory(*buf, 0) : NULL;
	if (w)
		xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
	return w;
}

/* Ends the writer of a part: 0, or -1 when the XML could not be completed. */
static int end_writer(docx *x)
{
	int rc = xmlTextWriterEndDocument(x->w) < 0 ? -1 : 0;
	xmlFreeTextWriter(x->w);
	x->w = NULL;
	return rc;
}

/* The contents: the document's level-2 sections, as a TOC field whose result is the
 * list of their headings (Word refreshes it, with page numbers, on F9). */
static void toc_docx(docx *x)
{
	para(x, "TOCHeading", _("Contents"), 0);
	bool first = true;
	int last = -1;
	for (int i = 0; i < x->d->nblocks; i++)
		if (x->d->blocks[i].kind == RB_OPEN && x->d->blocks[i].level == 2 && x->d->blocks[i].text)
			last = i;
	for (int i = 0; i <= last; i++) {
		const rd_block *b = &x->d->blocks[i];
		if (b->kind != RB_OPEN || b->level != 2 || !b->text)
			continue;
		p_open(x, "TOC1", false);
		if (first) {
			start(x, "w:r");
			empty(x, "w:fldChar", "w:fldCharType", "begin");
			end(x);
			start(x, "w:r");
			start(x, "w:instrText");
			attr(x, "xml:space", "preserve");
			xmlTextWriterWriteString(x->w, BAD_CAST " TOC \\o \"1-2\" \\h \\z \\u ");
			end(x);
			end(x);
			start(x, "w:r");
			empty(x, "w:fldChar", "w:fldCharType", "separate");
			end(x);
			first = false;
		}
		run(x, b->text, 0);
		if (i == last) {
			start(x, "w:r");
			empty(x, "w:fldChar", "w:fldCharType", "end");
			end(x);
		}
		end(x);
	}
}

/* A section's properties: A4, portrait or landscape (land), the margins and the footer
 * with the page numbers. */
static void sect_pr(docx *x, bool land)
{
	start(x, "w:sectPr");
	start(x, "w:footerReference");
	attr(x, "w:type", "default");
	attr(x, "r:id", "rIdFooter");
	end(x);
	char pw[16], ph[16], m[16];
	snprintf(pw, sizeof pw, "%d", land ? PAGE_H : PAGE_W);
	snprintf(ph, sizeof ph, "%d", land ? PAGE_W : PAGE_H);
	snprintf(m, sizeof m, "%d", land ? MARGIN_LANDSCAPE : MARGIN);
	start(x, "w:pgSz");
	attr(x, "w:w", pw);
	attr(x, "w:h", ph);
	if (land)
		attr(x, "w:orient", "landscape");
	end(x);
	start(x, "w:pgMar");
	static const char *const sides[] = {"w:top", "w:right", "w:bottom", "w:left"};
	for (int i = 0; i < 4; i++)
		attr(x, sides[i], m);
	attr(x, "w:header", "567");
	attr(x, "w:footer", "567");
	attr(x, "w:gutter", "0");
	end(x);
	end(x); /* sectPr */
}

/* True when a table's words cannot all fit the width of a portrait page: each column at
 * least its heading's and its cells' longest word (of up to CELL_WORD characters). */
static bool too_wide(const docx *x, const rd_table *t)
{
	int need = 0;
	for (int c = 0; c < t->ncols && c < MAX_COLS; c++) {
		int most = longest_word(t->heads[c] ? t->heads[c] : "");
		for (int r = 0; r < t->nrows; r++) {
			const char *v = t->cells[(size_t)r * t->ncols + c];
			int w = v ? longest_word(v) : 0;
			if (w <= head_twips("nnnnnnnnnnnnnnnn", CELL_WORD) && w > most)
				most = w;
		}
		need += most + CELL_PAD;
	}
	return need > x->text_w;
}

/* Renders blocks from i: a table (with the heading before it and the note after it)
 * whose words cannot fit a portrait page gets a landscape page of its own. Returns the
 * next block's index. */
static int render_from(docx *x, int i)
{
	const rdoc *d = x->d;
	int t = i + (d->blocks[i].kind == RB_HEADING);
	if (d->landscape || t >= d->nblocks || d->blocks[t].kind != RB_TABLE ||
	    !d->blocks[t].table || !too_wide(x, d->blocks[t].table)) {
		if (render[d->blocks[i].kind])
			render[d->blocks[i].kind](x, &d->blocks[i]);
		return i + 1;
	}
	start(x, "w:p"); /* the portrait section ends here */
	start(x, "w:pPr");
	sect_pr(x, false);
	end(x);
	end(x);
	int text_w = x->text_w;
	x->text_w = PAGE_H - 2 * MARGIN_LANDSCAPE;
	int end_at = t + 1 + (t + 1 < d->nblocks && d->blocks[t + 1].kind == RB_PARA &&
			      d->blocks[t + 1].cls && strcmp(d->blocks[t + 1].cls, "note") == 0);
	for (int k = i; k < end_at; k++)
		if (render[d->blocks[k].kind])
			render[d->blocks[k].kind](x, &d->blocks[k]);
	start(x, "w:p"); /* and the landscape one here */
	start(x, "w:pPr");
	sect_pr(x, true);
	end(x);
	end(x);
	x->text_w = text_w;
	return end_at;
}

/* word/document.xml into buf. */
static int document_xml(docx *x, xmlBufferPtr *buf)
{
	x->w = mem_writer(buf);
	if (!x->w)
		return -1;
	start(x, "w:document");
	attr(x, "xmlns:w", NS_W);
	attr(x, "xmlns:r", NS_R);
	attr(x, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
	attr(x, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
	attr(x, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
	start(x, "w:body");
	if (!x->d->landscape) /* the annual report's programme; a work plan has its own */
		para(x, "Subtitle", "ASEAN-Australia Counter Trafficking", 0);
	para(x, "Title", x->d->title, 0);
	if (*x->d->cover)
		para(x, "Subtitle", x->d->cover, 0);
	if (x->d->toc)
		toc_docx(x);
	for (int i = 0; i < x->d->nblocks;)
		i = render_from(x, i);
	if (*x->d->conventions)
		para(x, "Source", x->d->conventions, 0);
	sect_pr(x, x->d->landscape);
	end(x); /* body */
	end(x); /* document */
	return end_writer(x);
}

/* word/_rels/document.xml.rels: styles, settings, footer and the figures. */
static int document_rels(docx *x, xmlBufferPtr *buf)
{
	x->w = mem_writer(buf);
	if (!x->w)
		return -1;
	static const char *const fixed[][3] = {
		{"rIdStyles", "/styles", "styles.xml"},
		{"rIdSettings", "/settings", "settings.xml"},
		{"rIdFooter", "/footer", "footer1.xml"},
	};
	start(x, "Relationships");
	attr(x, "xmlns", NS_REL);
	for (int i = 0; i < 3; i++) {
		start(x, "Relationship");
		attr(x, "Id", fixed[i][0]);
		xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST "Type", "%s%s", NS_R, fixed[i][1]);
		attr(x, "Target", fixed[i][2]);
		end(x);
	}
	for (int i = 0; i < RD_MAX_FIGS; i++) {
		if (!x->png[i])
			continue;
		start(x, "Relationship");
		xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST "Id", "rIdFig%d", i + 1);
		attr(x, "Type", NS_R "/image");
		xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST "Target", "media/fig%d.png", i + 1);
		end(x);
	}
	end(x);
	return end_writer(x);
}

/* docProps/core.xml: the title. */
static int core_xml(docx *x, xmlBufferPtr *buf)
{
	x->w = mem_writer(buf);
	if (!x->w)
		return -1;
	start(x, "cp:coreProperties");
	attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	start(x, "dc:title");
	xmlTextWriterWriteString(x->w, BAD_CAST x->d->title);
	end(x);
	start(x, "dc:creator");
	xmlTextWriterWriteString(x->w, BAD_CAST "actip");
	end(x);
	end(x);
	return end_writer(x);
}

/* Adds name to the archive with a copy of len bytes of data. */
static int add(zip_t *z, const char *name, const void *data, size_t len)
{
	void *copy = malloc(len ? len : 1);
	if (!copy)
		return -1;
	memcpy(copy, data, len);
	/* the source owns copy from here (freep = 1): zip_source_free or the archive frees it */
	zip_source_t *src = zip_source_buffer(z, copy, len, 1);
	if (!src) {
		free(copy);
		return -1;
	}
	if (zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) { // NOLINT(clang-analyzer-unix.Malloc): src owns copy
		zip_source_free(src);
		return -1;
	}
	return 0;
}

static int add_buf(zip_t *z, const char *name, xmlBufferPtr b)
{
	return add(z, name, xmlBufferContent(b), (size_t)xmlBufferLength(b));
}

int rdoc_write_docx(const char *path, const rdoc *d, actip_err *err)
{
	docx x = {.d = d};
	x.text_w = d->landscape ? PAGE_H - 2 * MARGIN_LANDSCAPE : PAGE_W - 2 * MARGIN;
	for (int i = 0; i < d->nblocks; i++) {
		const rd_block *b = &d->blocks[i];
		long f = b->kind == RB_FIGURE ? b->fig - d->figs : -1;
		if (f >= 0 && f < RD_MAX_FIGS && !x.png[f])
			chart_write_png(b->fig, &x.png[f], &x.png_len[f], &x.png_w[f], &x.png_h[f]);
	}
	xmlBufferPtr doc = NULL, rels = NULL, core = NULL;
	int rc = document_xml(&x, &doc) || document_rels(&x, &rels) || core_xml(&x, &core)
		? err_set(err, ACTIP_ENOMEM, "cannot build the DOCX document") : ACTIP_OK;
	zip_t *z = NULL;
	if (!rc) {
		int zerr = 0;
		z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
		if (!z)
			rc = err_set(err, ACTIP_EIO, "%s: cannot create the DOCX file", path);
	}
	if (!rc) {
		int bad = add(z, "[Content_Types].xml", CONTENT_TYPES, sizeof CONTENT_TYPES - 1) ||
			  add(z, "_rels/.rels", ROOT_RELS, sizeof ROOT_RELS - 1) ||
			  add_buf(z, "word/document.xml", doc) ||
			  add_buf(z, "word/_rels/document.xml.rels", rels) ||
			  add(z, "word/styles.xml", STYLES, sizeof STYLES - 1) ||
			  add(z, "word/settings.xml", SETTINGS, sizeof SETTINGS - 1) ||
			  add(z, "word/footer1.xml", FOOTER, sizeof FOOTER - 1) ||
			  add_buf(z, "docProps/core.xml", core);
		for (int i = 0; i < RD_MAX_FIGS && !bad; i++) {
			char name[32];
			snprintf(name, sizeof name, "word/media/fig%d.png", i + 1);
			if (x.png[i])
				bad = add(z, name, x.png[i], x.png_len[i]);
		}
		if (bad) {
			zip_discard(z);
			rc = err_set(err, ACTIP_EIO, "%s: cannot write the DOCX file", path);
		} else if (zip_close(z) < 0) {
			rc = err_set(err, ACTIP_EIO, "%s: %s", path, zip_strerror(z));
			zip_discard(z);
		}
	}
	xmlBufferFree(doc);
	xmlBufferFree(rels);
	xmlBufferFree(core);
	for (int i = 0; i < RD_MAX_FIGS; i++)
		free(x.png[i]);
	return rc;
}

int report_write_docx(const char *path, const annual_report *r, actip_err *err)
{
	rdoc d;
	int rc = rdoc_build(&d, r, err);
	if (rc)
		return rc;
	rc = rdoc_write_docx(path, &d, err);
	rdoc_free(&d);
	return rc;
}
