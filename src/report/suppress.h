/* Small-cell suppression of the public tables (`actip report --suppress-below K`): a
 * count from 1 to K-1 is shown as "<K", and so is every cell from which a suppressed one
 * could be worked back (a total minus the other parts, along a row or down a column),
 * in the practice of the IOM's Counter Trafficking Data Collaborative. The public tables
 * are a document of their own (rdoc_build_public, report/rdoc.h) that every format's
 * writer renders. */
#ifndef ACTIP_REPORT_SUPPRESS_H
#define ACTIP_REPORT_SUPPRESS_H

#include <stdbool.h>

#include "report/tables.h"

typedef struct report_suppression {
	int k;
	bool cell[5][RT_MAX_ROWS][RT_MAX_COLS]; /* table, row, column: shown as "<K" */
	bool pct_row[5];                        /* the percentage row of a table withheld */
	int primary, complementary;             /* how many cells each rule hid */
} report_suppression;

/* What the display of one table withholds: the cells marked in cell (row, column) and,
 * when pct_row, the shares of the Percentage row, each shown as "<k". */
typedef struct report_mask {
	int k;
	const bool (*cell)[RT_MAX_COLS];
	bool pct_row;
} report_mask;

/* Marks the cells of t to hide for threshold k (k >= 2). */
void report_suppress(const report_tables *t, int k, report_suppression *out);

/* The mask of table ti (0..4) under s. */
report_mask report_suppression_mask(const report_suppression *s, int ti);

#endif
