/* `actip import`: reads template CSV files (or directories of them) into the store as
 * one all-or-nothing transaction. Every error is collected and reported as
 * FILE:LINE: COLUMN: message; if there is any, nothing of the run is stored. */
#ifndef ACTIP_IMPORT_IMPORT_H
#define ACTIP_IMPORT_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/err.h"
#include "import/diag.h"
#include "store/store.h"

typedef struct import_opts {
	const char *const *paths;  /* files or directories */
	int npaths;
	const char *template_name; /* force one template for every file (NULL = by name) */
	const char *label;         /* name shown for a single stream (NULL = path) */
	bool progress;             /* draw a progress bar on stderr for large files */
	bool quiet;                /* no summary */
	FILE *summary;             /* where the summary goes (stdout) */
	size_t max_errors;         /* cap on errors listed */
} import_opts;

/* Runs one import. Returns ACTIP_OK when everything was stored, ACTIP_EINPUT when the
 * input had errors (listed in diag; nothing stored), or another negative status with
 * err filled for I/O or database failures (nothing stored either). */
int import_run(store *st, const import_opts *o, diag_list *diag, actip_err *err);

/* Imports one CSV stream as the given template (used by the web upload and tests). */
int import_stream(store *st, FILE *in, const char *label, const char *template_name,
		  diag_list *diag, actip_err *err);

/* The template a file name stands for ("participants-2021.csv" → "participants"),
 * or NULL. */
const char *import_template_for(const char *path);

#endif
