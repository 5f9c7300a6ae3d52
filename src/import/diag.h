/* Diagnostics of an import: every error and warning as `FILE:LINE: COLUMN: message`
 * (or `FILE:SHEET!CELL: COLUMN: message` for a workbook, through a locator the importer
 * sets while it reads a sheet),
 * kept in order up to a cap so that a user sees all of them (up to a sane number)
 * rather than only the first. Errors past the cap are counted, not stored. */
#ifndef ACTIP_IMPORT_DIAG_H
#define ACTIP_IMPORT_DIAG_H

#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_kind;

typedef struct diag_entry {
	diag_kind kind;
	char *file;
	long line;
	char *column;
	char *message;
	char *pos;       /* "SHEET!CELL" for a workbook, else NULL (the line is the position) */
} diag_entry;

/* Turns a line and column of `file` into a position such as "Sheet1!C14"; returns 0
 * and fills buf, or -1 to keep the line. */
typedef int (*diag_locate_fn)(void *ud, long line, const char *column, char *buf, size_t size);

typedef struct diag_list {
	diag_entry *items;
	size_t len, cap;
	size_t max_errors, max_warnings; /* caps on what is stored */
	size_t errors, warnings;         /* totals, including what the caps dropped */
	diag_locate_fn locate;           /* NULL, or the locator for entries of locate_file */
	void *locate_ud;
	const char *locate_file;
} diag_list;

/* An empty list with the given caps. */
void diag_init(diag_list *d, size_t max_errors, size_t max_warnings);
void diag_free(diag_list *d);

/* Adds an error or warning; line 0 means the file as a whole. */
void diag_add(diag_list *d, diag_kind kind, const char *file, long line, const char *column,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The position of an entry: its pos, else its line number. */
const char *diag_where(const diag_entry *e, char *buf, size_t size);

/* Prints the entries of one kind as FILE:LINE: COLUMN: message, then a count of any
 * that the cap dropped. */
void diag_print(const diag_list *d, diag_kind kind, FILE *out);

#endif
