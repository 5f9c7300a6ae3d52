/* The work-plan report and reviews as a document: sections of paragraphs and tables of
 * plain-text cells. wp_report.c and wp_review.c build it once from the computed numbers;
 * report/rdoc_wp.c turns it into the annual report's document, which the report's
 * HTML, Markdown, DOCX and XLSX writers render, so the formats cannot disagree. JSON is
 * written from the numbers themselves (wp_emit_json.c). A cell may hold several lines separated by '\n'. */
#ifndef ACTIP_WORKPLAN_WP_DOC_H
#define ACTIP_WORKPLAN_WP_DOC_H

#include <stdio.h>

#include "workplan/wp_compute.h"
#include "workplan/wp_model.h"

enum { WP_DOC_MAX_COLS = 12 };

typedef enum { WD_ROW, WD_GROUP, WD_TOTAL } wd_row_kind;

/* Column kinds: text, number (right-aligned; a spreadsheet writes counts and rates as
 * numbers), status (coloured by its first word), wide text (a long text; the report's
 * writers size every column from its content). */
typedef enum { WD_TEXT, WD_NUM, WD_STATUS, WD_WIDE } wd_col_kind;

typedef struct wd_table {
	const char *id, *caption, *note;
	int ncols;
	const char *heads[WP_DOC_MAX_COLS];
	wd_col_kind kinds[WP_DOC_MAX_COLS];
	int nrows, cap;
	const char **cells;   /* nrows × ncols; a WD_GROUP row uses cell 0 only */
	wd_row_kind *rkinds;
} wd_table;

typedef struct wd_block {
	const char *para;     /* a paragraph, or NULL */
	wd_table *table;      /* or a table */
} wd_block;

typedef struct wd_section {
	const char *id, *title;
	wd_block *blocks;
	int nblocks, cap;
} wd_section;

typedef struct wp_doc {
	const char *title, *subtitle, *kind; /* kind: "report" or "review" */
	const char *sheet_name;              /* short name of the main table for XLSX */
	wd_section *secs;
	int nsecs, cap;
	wp_arena *arena;
	int failed;                          /* an allocation failed */
} wp_doc;

/* Building. Every function records allocation failure in doc->failed. */
wd_section *wd_section_add(wp_doc *d, const char *id, const char *title);
void wd_para(wp_doc *d, wd_section *s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
wd_table *wd_table_add(wp_doc *d, wd_section *s, const char *id, const char *caption, int ncols);
void wd_col(wd_table *t, int c, const char *head, wd_col_kind kind);
/* Appends a row; returns its cells to fill (ncols entries, NULL = empty). */
const char **wd_row(wp_doc *d, wd_table *t, wd_row_kind kind);
/* Formats a string into the document's arena. */
const char *wd_str(wp_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A rate's text: "66.7%" or the en dash for no denominator. */
const char *wd_rate(wp_doc *d, wp_rate r);

/* A line's state as words in the thread's language ("Not started"). */
const char *wd_state_text(wp_state s);
void wp_doc_free(wp_doc *d);

/* The report for period pidx, and a review; both return NULL when out of memory. */
wp_doc *wp_report_doc(const wp_plan *p, int pidx, int on_time_days);
wp_doc *wp_review_doc(const wp_plan *p, bool final, int on_time_days);

/* The machine-readable forms (spec/workplan-monitoring.md "Machine-readable form"). */
int wp_write_report_json(FILE *out, const wp_plan *p, int pidx, int on_time_days,
			 actip_err *err);
int wp_write_review_json(FILE *out, const wp_plan *p, bool final, int on_time_days,
			 actip_err *err);

#define WP_EN_DASH "\xE2\x80\x93"

#endif
