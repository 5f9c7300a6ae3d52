/* Small-cell suppression of the public tables (`actip report --suppress-below K`): a
 * count from 1 to K-1 is shown as "<K", and so is every cell from which a suppressed one
 * could be worked back (a total minus the other parts, along a row or down a column),
 * in the practice of the IOM's Counter Trafficking Data Collaborative. */
#ifndef ACTIP_REPORT_SUPPRESS_H
#define ACTIP_REPORT_SUPPRESS_H

#include <stdbool.h>
#include <stdio.h>

#include "report/tables.h"

typedef struct report_suppression {
	int k;
	bool cell[5][RT_MAX_ROWS][RT_MAX_COLS]; /* table, row, column: shown as "<K" */
	bool pct_row[5];                        /* the percentage row of a table withheld */
	int primary, complementary;             /* how many cells each rule hid */
} report_suppression;

/* Marks the cells of t to hide for threshold k (k >= 2). */
void report_suppress(const report_tables *t, int k, report_suppression *out);

/* The public tables 1-5 with the suppressed cells as "<K": one JSON document, or
 * table1.csv ... table5.csv in dir. Return 0 or -1 (err). */
int report_write_public_json(FILE *out, const report_tables *t, const report_suppression *s);
int report_write_public_csv(const char *dir, const report_tables *t, const report_suppression *s,
			    actip_err *err);

#endif
