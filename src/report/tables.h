/* The five tables of the annual report (spec/annual-report.md), computed from the
 * stored records into one neutral structure that every output format (JSON, Markdown,
 * HTML) renders. Counts are integers; percentages are kept as scaled integers already
 * rounded half away from zero (pct_women 55 → 55, a Percentage-row cell 54.26 → 5426
 * with two decimals), so every format shows the same number. */
#ifndef ACTIP_REPORT_TABLES_H
#define ACTIP_REPORT_TABLES_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* RT_TITLE_MAX: a title's bytes; a translation in Lao or Burmese takes three bytes a
 * letter and twice the letters of the English. */
enum { RT_MAX_COLS = 8, RT_MAX_ROWS = 24, RT_TITLE_MAX = 512 };

typedef enum {
	COL_COUNT,  /* integer count */
	COL_PCT0,   /* whole-number percentage, shown with % */
	COL_PCT0_BARE, /* whole-number percentage, shown without % (table 5) */
} col_kind;

typedef struct rt_col {
	const char *key;     /* JSON column name */
	const char *label;   /* display heading */
	col_kind kind;
	bool hidden;         /* in JSON but folded into another column on display */
} rt_col;

typedef struct rt_row {
	char key[24];        /* BN … VN, ASEAN, victim_rights_gesi, TOTAL */
	const char *label;   /* display name */
	int rank;            /* sort order */
	int64_t v[RT_MAX_COLS];
	bool null[RT_MAX_COLS]; /* a percentage with no denominator */
} rt_row;

typedef struct rt_table {
	const char *id;      /* "table1" … */
	char title[RT_TITLE_MAX];
	const char *note;
	const char *source;
	rt_col cols[RT_MAX_COLS];
	int ncols;
	char colbuf[RT_MAX_COLS][16]; /* storage for computed column names (years) */
	rt_row rows[RT_MAX_ROWS];
	int nrows;
	bool has_pct_row;    /* tables 3 and 4 */
	int64_t pct_row[3];  /* female, male, other share of the total, ×100 (two decimals) */
	bool pct_row_null;
	bool respondents_col; /* table 5: show respondents with their sex breakdown */
} rt_table;

typedef struct report_tables {
	int year;
	rt_table t[5];
	/* Breakdowns beside the published tables, which keep their columns: feedback on
	 * relevance and understanding by Table 5's reporting groups, and participants and
	 * people trained who reported a disability, by country. */
	rt_table feedback, disability;
} report_tables;

/* Computes tables 1–5 for year. */
int report_tables_compute(store *st, int year, report_tables *out, actip_err *err);

#endif
