/* Streaming CSV reader on libcsv (strict mode) that knows where it is.
 *
 * libcsv parses a byte stream and calls back once per field and once per record, but
 * says nothing about line numbers. This reader feeds it one physical line at a time,
 * so it always knows the line being parsed, and from that the line on which each
 * record and each field started (a quoted field may span lines). It strips a UTF-8
 * byte-order mark, skips blank records, checks that every field is valid UTF-8,
 * bounds field size and field count so memory stays bounded whatever the input, and
 * reports structural errors (an unbalanced quote, a stray quote, a wrong number of
 * fields) as FILE:LINE: COLUMN diagnostics, a quoted field left open at the line where
 * it was opened. The first non-blank record is the header; its names label the columns
 * of every later diagnostic. The delimiter is the caller's or, when not given, the one
 * of comma, semicolon, tab and | that the header line uses most (outside quotes). */
#ifndef ACTIP_IMPORT_CSVREAD_H
#define ACTIP_IMPORT_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "import/diag.h"

enum {
	CSVR_MAX_FIELD = 1 << 20, /* bytes in one field */
	CSVR_MAX_FIELDS = 512,    /* fields in one record */
};

typedef struct csvr_record {
	char **fields;      /* NUL-terminated, not trimmed */
	size_t *lens;
	long *lines;        /* line each field started on */
	size_t n;
	long line;          /* line the record started on */
	bool header;        /* the first record */
} csvr_record;

/* Called once per record (header included). Returns 0 to go on, non-zero to stop. */
typedef int (*csvr_record_fn)(void *ud, const csvr_record *rec);

/* Called with bytes read so far and the file size (0 when unknown). */
typedef void (*csvr_progress_fn)(void *ud, size_t done, size_t total);

typedef struct csvr_opts {
	const char *label;          /* the file name used in diagnostics */
	csvr_record_fn on_record;
	csvr_progress_fn on_progress; /* may be NULL */
	void *ud;
	diag_list *diag;
	char delim;                 /* 0: found from the header line */
	const unsigned char *head;  /* bytes already read from the stream, fed first */
	size_t nhead;
} csvr_opts;

/* Reads the whole stream. Returns 0 when the file was read to its end (there may still
 * be diagnostics), -1 when reading stopped early (structural error, cap, I/O error or
 * the callback asked to stop). */
int csvr_read(FILE *in, size_t size, const csvr_opts *o);

/* The display name of column i: the header's name, or "column N". */
/* The delimiter the header line (the text up to its first new line outside quotes)
 * uses most among , ; tab and |; a comma when it uses none. */
char csvr_find_delim(const char *s, size_t n);

/* True when every field is NULL, empty or white space (a record that is skipped). */
bool csvr_blank_fields(char *const *fields, size_t n);

const char *csvr_column_name(const csvr_record *header, size_t i, char *buf, size_t size);

#endif
