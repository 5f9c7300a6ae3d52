/* Writers of the indicator performance tracking table: a JSON object, a Markdown pipe
 * table, an HTML figure and an XLSX sheet. They serve both `actip indicators` and the
 * annual report's section of the same name. */
#ifndef ACTIP_INDICATORS_IND_EMIT_H
#define ACTIP_INDICATORS_IND_EMIT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "core/num.h"
#include "indicators/indicators.h"

/* baseline, target, actual, % of target, female, male, other, with a disability */
enum { IND_DISP_COLS = 8, IND_DISP_DISABILITY = 7 };

/* How the table is read, printed under it. */
#define IND_NOTE                                                                           \
	"Cumulative indicators add up every year from their first to this period; others "  \
	"count this period alone. Percentages are recomputed from their numerators and "     \
	"denominators (shown in brackets), never averaged. A year's target is its own, or "  \
	"the sum of its half-years for a per-period number, or the second half-year's for a " \
	"cumulative or percentage indicator. Sex and country are the participant's (for "    \
	"people) or the activity's. With disability: the attendances (participants) or "      \
	"the people trained who reported a disability."

/* One displayed row: an indicator, or one country of a country-disaggregated one. */
typedef struct ind_disp {
	bool country;
	const ind_row *row;
	const char *country_code;
	char label[1100];
	char cells[IND_DISP_COLS][64];
} ind_disp;

/* Headings for period p ("Target 2021", ...). */
void ind_disp_headings(ind_period p, char labels[IND_DISP_COLS][32]);

/* The JSON key of displayed column c. */
const char *ind_disp_key(int c);

/* Builds the displayed rows (malloc'd into *rows); returns their number. */
size_t ind_disp_build(const ind_table *t, ind_disp **rows);

/* {"period": "2021", "indicators": [...]} with numerators and denominators. */
json_t *ind_table_json(const ind_table *t);

/* A Markdown pipe table and its note. */
void ind_write_md(FILE *out, const ind_table *t);

/* An HTML <figure id="indicator-tracking">. */
void ind_write_html(FILE *out, const ind_table *t);

/* Formats an XLSX sheet uses (made by the caller's workbook). */
typedef struct ind_xlsx_formats {
	lxw_format *title, *head, *number, *pct, *dash;
} ind_xlsx_formats;

/* Adds the sheet "Indicators" to wb. */
void ind_write_xlsx_sheet(lxw_workbook *wb, const ind_table *t, const ind_xlsx_formats *F);

#endif
