/* Text encodings of imported files: turns a stream in UTF-16 (found by its byte-order
 * mark, as Excel's "Unicode text" writes it) or in a named encoding (`--encoding`, any
 * name glibc's iconv knows: CP874, TIS-620, CP1258, ...) into a UTF-8 stream that the
 * CSV reader reads like any other. The conversion streams through a small buffer, so a
 * large file is never held whole. Bytes that are not valid in the encoding end the
 * stream with a FILE:LINE error naming the encoding. */
#ifndef ACTIP_IMPORT_DECODE_H
#define ACTIP_IMPORT_DECODE_H

#include <stdio.h>

#include "import/diag.h"

typedef struct decoder decoder;

/* Looks at the start of `in` (which must be positioned at its start) and returns a
 * stream to read UTF-8 from: `in` itself when the text needs no conversion (UTF-8 with
 * or without a byte-order mark), else a converting stream. *dec is set to the
 * converter to pass to decode_close (NULL when none). Returns NULL with an error in
 * diag when the encoding is unknown. The first `head` bytes already read from `in`
 * are given back through `head`/`nhead`. */
FILE *decode_open(FILE *in, const unsigned char *head, size_t nhead, const char *encoding,
		  const char *label, diag_list *diag, decoder **dec);

/* True when the whole stream is valid UTF-8 (read to its end, then rewound): a run
 * with --encoding leaves such files as they are, so one run can mix a CP874 file with
 * UTF-8 ones. */
int decode_is_utf8(FILE *f);

/* True when the converter stopped on bytes invalid in its encoding (it reported them). */
int decode_failed(const decoder *d);

/* Closes the converting stream (not the underlying one). */
void decode_close(FILE *utf8, decoder *d);

/* True when iconv knows the encoding name. */
int decode_known(const char *encoding);

#endif
