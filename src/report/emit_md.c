/* Markdown form of the annual report: the same sections as the HTML form, in the same
 * order, with the tables as GitHub-flavoured pipe tables and each figure as the table
 * of its data (Markdown has no charts). Every cell goes through esc_md_cell; achievement
 * texts are Markdown already and are kept as written, indented under their list item.
 * The public tables (--suppress-below) are Tables 1-5 alone in the same pipe tables,
 * suppressed cells as "<K" (escaped "&lt;K") and the sentence on them under each
 * table's caption. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/country.h"
#include "core/escape.h"
#include "report/mdtext.h"
#include "core/num.h"
#include "indicators/ind_emit.h"
#include "report/rdoc.h"
#include "report/report.h"

/* "**Table 3** " in the document's language (a translation is text: escaped). */
static void numbered(FILE *out, const char *fmt, int n)
{
	char b[96];
	snprintf(b, sizeof b, fmt, n);
	fputs("**", out);
	esc_md_cell(out, b);
	fputs("** ", out);
}

/* One table; the cells mask withholds (mask NULL: none) as "<K", with the sentence
 * on them (remark) under the caption. */
static void table_md(FILE *out, const rt_table *t, const report_mask *mask, const char *remark,
		     int n)
{
	const char *keys[RT_MAX_COLS], *labels[RT_MAX_COLS];
	int ncols = report_disp_headings(t, keys, labels);
	numbered(out, _("Table %d"), n);
	esc_md_cell(out, t->title);
	fputs("\n\n", out);
	if (remark) {
		esc_md_cell(out, remark);
		fputs("\n\n", out);
	}
	fputs("| ", out);
	esc_md_cell(out, _("Country/region"));
	fputs(" |", out);
	for (int c = 0; c < ncols; c++) {
		fputc(' ', out);
		esc_md_cell(out, labels[c]);
		fputs(" |", out);
	}
	fputs("\n|:---|", out);
	for (int c = 0; c < ncols; c++)
		fputs("---:|", out);
	fputc('\n', out);
	disp_row d;
	for (int i = 0; report_disp_row(t, mask, i, &d); i++) {
		bool total = d.kind == DISP_TOTAL;
		fputs(total ? "| **" : "| ", out);
		esc_md_cell(out, d.label);
		fputs(total ? "** |" : " |", out);
		for (int c = 0; c < d.ncells; c++) {
			fputc(' ', out);
			esc_md_cell(out, d.cells[c]);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
	if (t->note) {
		esc_md_cell(out, _("Note:"));
		fputc(' ', out);
		esc_md_cell(out, t->note);
		fputs("\n\n", out);
	}
	esc_md_cell(out, _("Source:"));
	fputc(' ', out);
	esc_md_cell(out, t->source);
	fputs("\n\n", out);
}

/* A figure as its data table, numbered by its label (NULL: no number). */
static void figure_md(FILE *out, const chart *c, const char *label)
{
	if (label) {
		fputs("**", out);
		esc_md_cell(out, label);
		fputs("** ", out);
	}
	esc_md_cell(out, c->title);
	fputs("\n\n", out);
	chart_write_md(out, c);
	fputc('\n', out);
}

/* Markdown typed by people, neutralised (report_md_parse) and rendered back to
 * CommonMark, which escapes whatever would read as markup; control characters dropped.
 * Lines after the first start with indent. */
static void markdown_md(FILE *out, const char *text, const char *indent)
{
	cmark_node *doc = report_md_parse(text);
	char *md = doc ? cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0) : NULL;
	if (doc)
		cmark_node_free(doc);
	size_t n = md ? strlen(md) : 0;
	while (n && md[n - 1] == '\n')
		md[--n] = '\0';
	char *line = md;
	for (char *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		esc_text(out, line);
		fputs("\n", out);
		if (nl[1])
			fputs(indent, out);
	}
	if (line)
		esc_text(out, line);
	else
		esc_md_cell(out, text);
	free(md);
}

/* An achievement as a list item; continuation lines of its text are indented. */
static void achievement_md(FILE *out, const annual_report *r, const ann_achievement *a)
{
	fputs("- ", out);
	markdown_md(out, a->text, "  ");
	char meta[512];
	rdoc_ach_meta(r, a, meta, sizeof meta);
	fputs(" —", out);
	esc_md_cell(out, meta);
	fputc('\n', out);
}


/* The achievements of one list, then a blank line. */
static void ach_md(FILE *out, const rdoc *d, const rd_block *b)
{
	for (size_t a = 0; a < d->r->nach; a++)
		if (annual_ach_selected(d->r, &d->r->ach[a], b->sel, b->code))
			achievement_md(out, d->r, &d->r->ach[a]);
	fputc('\n', out);
}

/* A section's heading: "##" at level 2, "### CODE: title" below. */
static void open_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	if (!b->text)
		return;
	fprintf(out, "%.*s ", b->level, "######");
	if (b->code) {
		esc_md_cell(out, b->code);
		fputs(": ", out);
	}
	esc_md_cell(out, b->text);
	fputs("\n\n", out);
}

/* A minor heading, as a line of its own ending in a colon. */
static void heading_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	esc_md_cell(out, b->text);
	fputs(":\n\n", out);
}

static void md_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	markdown_md(out, b->text, "");
	fputs("\n\n", out);
}

static void para_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	esc_md_cell(out, b->text);
	fputs("\n\n", out);
}

/* A table of plain-text cells; total rows in bold. */
static void table_plain_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	const rd_table *t = b->table;
	fputc('|', out);
	for (int c = 0; c < t->ncols; c++) {
		fputc(' ', out);
		esc_md_cell(out, t->heads[c]);
		fputs(" |", out);
	}
	fputs("\n|", out);
	for (int c = 0; c < t->ncols; c++)
		fputs(t->left[c] ? ":---|" : "---:|", out);
	fputc('\n', out);
	for (int i = 0; i < t->nrows; i++) {
		bool total = t->kinds[i] != RD_ROW; /* a group row: its name in bold, alone */
		for (int c = 0; c < t->ncols; c++) {
			fputs(total && c == 0 ? "| **" : "| ", out);
			esc_lines(out, t->cells[(size_t)i * t->ncols + c], esc_md_cell, "<br>");
			fputs(total && c == 0 ? "** " : " ", out);
		}
		fputs("|\n", out);
	}
	fputc('\n', out);
}

static void rtable_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	table_md(out, b->rt, b->masked ? &b->mask : NULL, b->masked ? b->text : NULL, b->n);
}

static void figure_block_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	figure_md(out, b->fig, b->label);
}

/* A country's key figures as a list. */
static void facts_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	const rd_table *t = b->table;
	for (int i = 0; i < t->nrows; i++) {
		fputs("- ", out);
		esc_md_cell(out, t->cells[(size_t)i * 2]);
		fputc(' ', out);
		esc_md_cell(out, t->cells[(size_t)i * 2 + 1]);
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* A country's projects as a list. */
static void projects_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)d;
	const rd_table *t = b->table;
	for (int i = 0; i < t->nrows; i++) {
		const char **c = &t->cells[(size_t)i * t->ncols];
		fputs("- ", out);
		esc_md_cell(out, c[0]);
		fputs(" – ", out);
		esc_md_cell(out, c[1]);
		if (*c[4]) {
			fputs(" (", out);
			esc_md_cell(out, c[4]);
			fputc(')', out);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
}

static void indicators_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)b;
	ind_write_md(out, &d->r->indicators);
}

/* The data-quality findings as a numbered list. */
static void findings_md(FILE *out, const rdoc *d, const rd_block *b)
{
	(void)b;
	const check_result *q = d->r->quality;
	for (size_t i = 0; i < q->n; i++) {
		fprintf(out, "%zu. **", i + 1);
		esc_md_cell(out, q->items[i].subject);
		fputs("**: ", out);
		esc_md_cell(out, q->items[i].message);
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* The renderer of each kind of block; NULL: not shown in Markdown (the partner's
 * meta line, the ends of sections). */
static void (*const render[RB_NKINDS])(FILE *out, const rdoc *d, const rd_block *b) = {
	[RB_OPEN] = open_md,
	[RB_HEADING] = heading_md,
	[RB_PARA] = para_md,
	[RB_MD] = md_md,
	[RB_TABLE] = table_plain_md,
	[RB_RTABLE] = rtable_md,
	[RB_FIGURE] = figure_block_md,
	[RB_FACTS] = facts_md,
	[RB_PROJECTS] = projects_md,
	[RB_ACH] = ach_md,
	[RB_INDICATORS] = indicators_md,
	[RB_FINDINGS] = findings_md,
};

/* Any report document. */
int rdoc_write_md(FILE *out, const rdoc *d, actip_err *err)
{
	fputs("# ", out);
	esc_md_cell(out, d->title);
	fputs("\n\n", out);
	esc_md_cell(out, d->cover);
	fputs("\n\n", out);
	for (int i = 0; i < d->nblocks; i++)
		if (render[d->blocks[i].kind])
			render[d->blocks[i].kind](out, d, &d->blocks[i]);
	esc_md_cell(out, d->conventions);
	fputs("\n", out);
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the Markdown report");
	return ACTIP_OK;
}

/* The whole report. */
int report_write_md(FILE *out, const annual_report *r, actip_err *err)
{
	rdoc d;
	int rc = rdoc_build(&d, r, err);
	if (rc)
		return rc;
	rc = rdoc_write_md(out, &d, err);
	rdoc_free(&d);
	return rc;
}

