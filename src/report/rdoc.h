/* The annual report as a document: a flat list of blocks (sections opened and closed,
 * minor headings, paragraphs, tables, the numbered Tables 1-5, figures and the few
 * report-specific blocks such as a country's facts or a list of achievements), built
 * once from the loaded records by rdoc_build. The order of the sections is one table
 * in rdoc.c, and so is the place of each figure among Tables 1-5 and, in one place,
 * the figures' numbers and labels; the HTML, Markdown, DOCX and XLSX writers only render blocks, each through
 * its own escape, so the formats cannot disagree on what the report holds or in which
 * order. A table cell is its text, formatted once here, and its type and value (a
 * count, a rate), which a spreadsheet writes as a number. The public tables
 * (--suppress-below) are a second, shorter document of the same blocks: suppression is
 * a property of the document (suppress_below) and of each of its Tables 1-5 (the mask
 * of the cells it withholds, every writer showing them as "<K", and the sentence saying
 * so, every writer showing it above the table), so every format, the spreadsheet and
 * the machine-readable JSON and CSV too, renders the same withheld cells. */
#ifndef ACTIP_REPORT_RDOC_H
#define ACTIP_REPORT_RDOC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "report/annual.h"
#include "report/chart.h"
#include "report/suppress.h"

/* Figures: the report's four, the trends, the theory of change (one per
 * end-of-programme outcome, at most RD_MAX_THEORY) and one per survey (at most
 * RD_MAX_SURVEYS). */
enum { RD_MAX_COLS = 10, RD_MAX_SURVEYS = 8, RD_MAX_THEORY = 6,
       RD_MAX_FIGS = 5 + RD_MAX_THEORY + RD_MAX_SURVEYS };

typedef enum {
	RB_OPEN,        /* a section (level 2) or part of one (level 3): id, cls, code, text */
	RB_CLOSE,       /* ends the innermost open section */
	RB_HEADING,     /* a minor heading (level 4): text */
	RB_PARA,        /* a paragraph of plain text; cls "lead", "note" or NULL */
	RB_TABLE,       /* a table of typed cells (table) */
	RB_RTABLE,      /* Table n of the selected indicator results: rt; when masked, the
			 * cells mask withholds and text, the sentence on suppression shown
			 * above the table */
	RB_FIGURE,      /* a chart: fig, with its number n and its label ("Figure 4"),
			 * set once the document is built (rdoc.c's fig_numbers); n 0 and
			 * label NULL for a figure without a number */
	RB_FACTS,       /* a country's key figures (table: number, what it counts) */
	RB_PROJECTS,    /* a country's projects (table: code, title, partner, status key
			 * and label; the last three may be "") */
	RB_ACH,         /* a list of achievements (sel, code); never empty */
	RB_PARTNER_META, /* where a partner works and since when (partner) */
	RB_INDICATORS,  /* the indicator performance tracking table */
	RB_FINDINGS,    /* the data-quality findings, one per line */
	RB_MD,          /* Markdown typed by people (text), neutralised by report_md_parse */
	RB_NKINDS
} rb_kind;

/* A group row shows cell 0 across the table (a pillar of the work-plan matrix). */
typedef enum { RD_ROW, RD_TOTAL, RD_GROUP } rd_row_kind;

/* What a cell holds besides its text: text alone, a count, a rate in whole percent, or
 * a rate in tenths of a percent (the work plan's "66.7%" is 667).
 * The text is the value formatted once, by the document ("1,234", "–" for zero, "42%");
 * a writer of text shows it, a spreadsheet writes the number in its number format. */
typedef enum { RD_TEXT, RD_INT, RD_RATE, RD_RATE1 } rd_type;
typedef struct rd_num {
	rd_type type;
	int64_t v;
} rd_num;

/* A table of cells, each a text and (nums, when not NULL) its type and value; column 0
 * heads its row. */
typedef struct rd_table {
	const char *cls;                 /* HTML class */
	int ncols, nrows;
	const char *heads[RD_MAX_COLS];
	bool left[RD_MAX_COLS];          /* text column (aligned left) */
	const char **cells;              /* nrows × ncols */
	rd_num *nums;                    /* nrows × ncols, or NULL: all text */
	rd_row_kind *kinds;
	const char **row_ids;            /* per row, or NULL: HTML ids */
	const char **marks;              /* nrows × ncols, or NULL: a cell's state ("ongoing"),
					  * which HTML marks as class "st-ongoing" (the work
					  * plan's statuses) */
	int cap;
} rd_table;

typedef struct rd_block {
	rb_kind kind;
	int level, n;
	int want;                        /* RB_FIGURE: how it is numbered (rdoc.c) */
	const char *label;               /* RB_FIGURE: "Figure 4", or NULL */
	const char *id, *cls, *code, *text;
	const char *toc;                 /* RB_OPEN level 2: its entry in the contents */
	rd_table *table;
	const rt_table *rt;
	report_mask mask;
	bool masked;
	const chart *fig;
	const ann_country *country;
	const ann_partner *partner;
	ann_select sel;
	bool owned;                      /* table is the block's own (freed with it) */
} rd_block;

/* A chunk of the document's string storage. */
typedef struct rd_chunk rd_chunk;

typedef struct rdoc {
	const char *title, *cover;       /* the document's title and the line under it */
	const char *conventions;         /* how numbers are shown, at the end */
	const annual_report *r;          /* NULL for the public tables */
	int year;
	int suppress_below;              /* the public tables' K (0: nothing withheld) */
	bool toc;                        /* list the sections after the cover */
	bool landscape;                  /* printed landscape (a wide matrix) */
	bool sheet_text;                 /* the XLSX shows the paragraphs too, on their
					  * section's sheet (the work plan's) */
	bool zero_digit;                 /* the XLSX shows a zero count as 0, not as the en
					  * dash (the work plan's, whose dash means no
					  * denominator) */
	rd_block *blocks;
	int nblocks, cap;
	chart figs[RD_MAX_FIGS];
	char fig_titles[RD_MAX_FIGS][RT_TITLE_MAX];
	char fig_years[CHART_MAX_CATS][8];  /* the trends figure's categories */
	rd_chunk *chunks;
	bool failed;                     /* an allocation failed */
} rdoc;

/* The whole annual report r. Returns 0, or ACTIP_ENOMEM with err set. */
int rdoc_build(rdoc *d, const annual_report *r, actip_err *err);

/* The public Tables 1-5 under suppression s. */
int rdoc_build_public(rdoc *d, const report_tables *t, const report_suppression *s,
		      actip_err *err);

void rdoc_free(rdoc *d);

/* What a list shows after an achievement's text: " 120 people; project X; partner;
 * outcomes O1.1 and O1.2" (each part only when recorded). */
void rdoc_ach_meta(const annual_report *r, const ann_achievement *a, char *buf, size_t size);

/* A work-plan document (report or review) as a report document, landscape. Returns
 * 0, or ACTIP_ENOMEM with err set. */
struct wp_doc;
int rdoc_from_wp(rdoc *d, const struct wp_doc *w, actip_err *err);

/* The work-plan document w through the report's writers: HTML or Markdown to out, DOCX
 * or XLSX to path. */
int rdoc_write_wp_html(FILE *out, const struct wp_doc *w, actip_err *err);
int rdoc_write_wp_md(FILE *out, const struct wp_doc *w, actip_err *err);
int rdoc_write_wp_docx(const char *path, const struct wp_doc *w, actip_err *err);
int rdoc_write_wp_xlsx(const char *path, const struct wp_doc *w, actip_err *err);

/* Frees a table a block owns. */
void rdoc_table_free(rd_table *t);

/* Writers of any report document. */
int rdoc_write_html(FILE *out, const rdoc *d, actip_err *err);
int rdoc_write_md(FILE *out, const rdoc *d, actip_err *err);
int rdoc_write_docx(const char *path, const rdoc *d, actip_err *err);
int rdoc_write_xlsx(const char *path, const rdoc *d, actip_err *err);

/* The document's figures alone, as the HTML report shows them (the web dashboard). */
void rdoc_write_html_figures(FILE *out, const rdoc *d);

#endif
