/* Streaming reader of .xlsx workbooks (Office Open XML spreadsheets) that hands each
 * sheet to the importer as the same records the CSV reader gives.
 *
 * A workbook is a zip archive (read with libzip) of XML parts (read with libxml2's
 * xmlTextReader, one node at a time). The shared-strings table is spooled to an
 * unlinked temporary file, only its offsets (4 bytes a string) kept in memory; a
 * sheet's rows are produced as they are parsed, so a workbook of a million rows needs
 * little more memory than one row. The reader is defensive: every part
 * is capped in its uncompressed size and in its compression ratio (a zip bomb stops
 * early with an error), a document type declaration is refused (no entities are ever
 * expanded, and nothing is fetched from the network), and the shared-strings table,
 * the number of columns and the length of a cell are bounded.
 *
 * Cell values come out as text in the form the templates read: shared, inline and
 * formula strings as written; numbers without a trailing ".0"; a number in a cell whose
 * format shows a date as YYYY-MM-DD; booleans as yes and no. A record's `lines` hold the
 * row number of each cell, so a diagnostic can name the cell as SHEET!CELL. */
#ifndef ACTIP_IMPORT_XLSXREAD_H
#define ACTIP_IMPORT_XLSXREAD_H

#include <stddef.h>
#include <stdio.h>

#include "import/csvread.h"
#include "import/diag.h"

typedef struct xlsx xlsx;

enum {
	XLSX_MAX_SHEETS = 256,
	XLSX_MAX_SST_BYTES = 1 << 30,    /* text of the shared-strings table (on disk) */
	XLSX_MAX_SST_COUNT = 4 << 20,    /* entries of that table */
	XLSX_MAX_RATIO = 200,            /* uncompressed / compressed size of a big part */
};

/* True when the first bytes are those of a zip archive ("PK\3\4"). */
int xlsx_sniff(const unsigned char *head, size_t n);

/* Opens a workbook from a file descriptor it takes over (closed by xlsx_close).
 * Returns NULL with an error in diag (labelled `label`) when it is not a readable
 * workbook. */
xlsx *xlsx_open_fd(int fd, const char *label, diag_list *diag);

/* Opens a workbook by path. */
xlsx *xlsx_open(const char *path, const char *label, diag_list *diag);

/* Opens a workbook from a stream whose first nhead bytes were already read into head,
 * copying it to an anonymous temporary file first (a zip archive needs random access;
 * standard input and uploads have none). */
xlsx *xlsx_open_stream(FILE *in, const unsigned char *head, size_t nhead, const char *label,
		       diag_list *diag);

void xlsx_close(xlsx *x);

/* The number of sheets and the name of sheet i, in workbook order. */
int xlsx_sheet_count(const xlsx *x);
const char *xlsx_sheet_name(const xlsx *x, int i);

/* Reads sheet i: its first non-empty row is the header (rec->header), every later
 * non-empty row a record of as many fields as the header (cells past the header's last
 * column are an error). Errors go to o->diag labelled o->label with the row number as
 * their line. Returns 0 when the sheet was read to its end, -1 when reading stopped. */
int xlsx_read_sheet(xlsx *x, int i, const csvr_opts *o);

/* Writes the spreadsheet name of column index i (0 = A, 26 = AA) into buf. */
void xlsx_column_letters(size_t i, char *buf, size_t size);

#endif
