/* `actip report`: renders the report's tables in one of several formats. Formats are a
 * table of (name, file extension, writers), so adding one is adding a row; each row
 * has a writer of the whole report and one of the public Tables 1-5 with small cells
 * suppressed (--suppress-below, report/suppress.h). The display rules shared by the
 * human-readable formats (thousands separators, en dash for zero and for a missing
 * percentage, % signs, the respondents breakdown of table 5, "<K" for a suppressed
 * cell) live here once. */
#ifndef ACTIP_REPORT_REPORT_H
#define ACTIP_REPORT_REPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "report/annual.h"
#include "report/chart.h"
#include "report/suppress.h"
#include "report/tables.h"

struct rdoc; /* the report as a document (rdoc.h) */

typedef struct report_format {
	const char *name;
	const char *ext;
	int (*write)(FILE *out, const annual_report *r, actip_err *err);
	bool quality;   /* includes the data-quality annex (runs the rules) */
	/* Formats that write files instead of a stream (NULL write): to path, which is a
	 * file (xlsx) or a directory (csv). */
	int (*write_path)(const char *path, const annual_report *r, actip_err *err);
	/* The public tables (--suppress-below): their document (rdoc_build_public) rendered
	 * to a stream, or (when write_path is set) to path like the whole report. */
	int (*write_public)(FILE *out, const struct rdoc *d, actip_err *err);
	int (*write_public_path)(const char *path, const struct rdoc *d, actip_err *err);
	/* The media type of a download (NULL: not a single file, so no download). */
	const char *mime;
} report_format;

/* Looks a format up by name ("json", "md", "html"); NULL when unknown. */
const report_format *report_format_find(const char *name);

/* The names of all formats, separated by '|', for usage messages. */
const char *report_format_names(void);

/* One displayed row of a table, cells already formatted. */
typedef enum { DISP_ROW, DISP_TOTAL, DISP_PERCENTAGE } disp_kind;

typedef struct disp_row {
	disp_kind kind;
	const char *key;   /* row key, or "percentage" */
	const char *label;
	int ncells;
	char cells[RT_MAX_COLS][80];
	bool hidden[RT_MAX_COLS]; /* the cell is withheld ("<K") by suppression */
} disp_row;

/* The displayed headings of a table (the visible columns): fills keys and labels and
 * returns their number. */
int report_disp_headings(const rt_table *t, const char **keys, const char **labels);

/* One of Tables 1-5 as the JSON object of annual-report.md ({"title", "columns", "rows",
 * "percentage_row", "note"}); with a mask (the public tables, suppress.c), a withheld
 * cell or share is the string "<K" and the note is left out (emit_json.c). */
json_t *report_table_json(const rt_table *t, const report_mask *m);

/* Formats row i of a table for display (i == t->nrows is the Percentage row of tables
 * 3 and 4), the cells that mask withholds as "<K" (mask NULL: none). Returns false
 * when there is no such row. */
bool report_disp_row(const rt_table *t, const report_mask *mask, int i, disp_row *out);

/* The text of one displayed cell (counts with separators, "–" for zero or no
 * denominator, "%" where the column wants it). */
void report_cell_text(const rt_table *t, const rt_row *r, int c, char *buf, size_t size);

/* Table 5's respondents cell: "422 (151 female, 265 male, 6 other)". */
void report_respondents_text(const rt_row *r, char *buf, size_t size);

/* The Percentage row's cell for column c (0..2 shares, 3 the "100%"). */
void report_pct_row_text(const rt_table *t, int c, char *buf, size_t size);

/* Writers, one per format. */
int report_write_json(FILE *out, const annual_report *r, actip_err *err);
int report_write_md(FILE *out, const annual_report *r, actip_err *err);
int report_write_html(FILE *out, const annual_report *r, actip_err *err);

int report_write_xlsx(const char *path, const annual_report *r, actip_err *err);
int report_write_csv(const char *dir, const annual_report *r, actip_err *err);
int report_write_docx(const char *path, const annual_report *r, actip_err *err);

/* The public tables 1-5 (--suppress-below) in format f: their document
 * (rdoc_build_public: the suppressed cells as "<K" and nothing else of the report, whose
 * profiles and figures quote small numbers), built once and rendered by the format's
 * writer, to out or, for the formats that write files, to path. The json and csv
 * writers of that document are here; the others are the report's (rdoc.h). */
int report_write_public(const report_format *f, FILE *out, const char *path, const report_tables *t,
			const report_suppression *s, actip_err *err);
int rdoc_write_public_json(FILE *out, const struct rdoc *d, actip_err *err);
int rdoc_write_public_csv(const char *dir, const struct rdoc *d, actip_err *err);

/* The sentence on suppression for the md and html documents: 'Counts from 1 to K-1,
 * and the cells from which they could be worked back, are shown as "<K".' */
void report_suppression_sentence(int k, char *buf, size_t size);

/* The report's figures. */
enum { REPORT_NFIGS = 4 };

/* Builds the four figures from the report; titles is their storage. Returns the
 * number of figures. */
int report_figures(const annual_report *r, chart figs[REPORT_NFIGS],
		   char titles[REPORT_NFIGS][RT_TITLE_MAX]);

/* The trends' figure (participants and people trained by year); title and years are
 * the storage of its texts. */
void report_figure_trends(const annual_report *r, chart *c, char title[RT_TITLE_MAX],
			  char years[CHART_MAX_CATS][8]);

/* The five tables as HTML figures only (for pages that have their own layout). */
void report_write_html_tables(FILE *out, const report_tables *rt);

/* A self-contained HTML document's start, up to and including <main>: the head with the
 * title (plain text, escaped here) and the report's embedded style sheet. */
void report_html_open(FILE *out, const char *title);

#endif
