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

/* How the files of a run are read (spec/import-formats.md); zero means: find out. */
typedef struct import_format {
	const char *encoding;  /* --encoding: iconv name of a text file's encoding */
	char delimiter;        /* --delimiter: , ; tab or |; 0 = found from the header */
	char date_order;       /* --date-order: 'd' (D/M/YYYY), 'm' (M/D/YYYY) or 0 */
	const char *map_path;  /* --map: CSV of template, source, column */
	/* A mapping the caller holds (the web upload's remembered mappings); used when
	 * map_path is NULL. */
	const struct header_map *map;
} import_format;

struct template;
struct tplrow;

typedef struct import_opts {
	const char *const *paths;  /* files or directories */
	int npaths;
	const char *template_name; /* force one template for every file (NULL = by name) */
	const char *label;         /* name shown for a single stream (NULL = path) */
	bool progress;             /* draw a progress bar on stderr for large files */
	bool quiet;                /* no summary */
	FILE *summary;             /* where the summary goes (stdout) */
	size_t max_errors;         /* cap on errors listed */
	struct import_hooks *hooks; /* NULL, or what the caller adds to the run (below) */
	bool append;               /* participants and feedback rows added after the stored ones
				    * (`actip import --append`) instead of replacing them */
	import_format fmt;
} import_opts;

/* Runs one import. Returns ACTIP_OK when everything was stored, ACTIP_EINPUT when the
 * input had errors (listed in diag; nothing stored), or another negative status with
 * err filled for I/O or database failures (nothing stored either). */
int import_run(store *st, const import_opts *o, diag_list *diag, actip_err *err);

/* Imports one stream (CSV/TSV in UTF-8 or UTF-16, or an .xlsx workbook, whose sheet
 * named for the template or else its first sheet is read) as the given template (used
 * by the web upload and tests). */
int import_stream(store *st, FILE *in, const char *label, const char *template_name,
		  diag_list *diag, actip_err *err);

/* What a caller of import_stream_hooked may add to a run: a preview that rolls back
 * instead of committing, append mode, a check that runs first thing inside the
 * transaction (the web server's optimistic-concurrency check of an edit, which must see
 * the state before the write under the write lock), and a check that runs inside the
 * transaction once every row is written and may refuse the whole run (the web server's
 * access and lock rules). The counts are filled on return. */
struct import_hooks {
	bool dry_run;
	/* Rows of participants.csv and feedback.csv are added after the activity's stored
	 * rows instead of replacing them (the web forms that add one participant or one
	 * response): the stored rows are left as they are and the new ones numbered after
	 * the highest stored seq, read under the write lock. Other templates are unchanged. */
	bool append;
	int (*after_begin)(store *st, void *ctx, actip_err *err);   /* < 0 refuses; NULL: none */
	int (*before_commit)(store *st, void *ctx, actip_err *err); /* < 0 refuses */
	/* Runs for each row that passed its checks, before it is stored (so it sees the
	 * stored record): the web server's role and scope rule of the row's kind. < 0
	 * refuses the whole run (err says why; `refused` is set). NULL: none. */
	int (*row_check)(store *st, void *ctx, const struct template *t, const struct tplrow *r,
			 actip_err *err);
	/* The records API writes one record: a participants or feedback row replaces the
	 * row at `at_seq` (> 0) alone, and a new work-plan line goes after its plan's lines
	 * instead of taking its file line as its place. */
	bool one_record;
	long long at_seq;
	void *ctx;
	const import_format *fmt; /* NULL: every format option found from the file */
	long rows, changed, replaced; /* out: rows read, rows new or changed, activities replaced */
	bool locked;                  /* out: refused because a row is in an approved period */
	bool refused;                 /* out: refused by row_check */
	char *replaced_detail;        /* out: what the rows replaced, owner by owner (one line
				       * each, "KH-1: 41 stored participants replaced by 40",
				       * at most 50 a file, then how many more); malloc'd, the
				       * caller frees it; NULL when nothing */
	/* out: how the first header read was matched, one line per cell: its comparison
	 * key (header_key), a tab, the cell as written, a tab, and the template column it
	 * stands for ("" when none matched, "-" when ignored); tabs and line breaks inside
	 * a cell become spaces. "" when no header was read or it did not fit. */
	char headers[4096];
};
typedef struct import_hooks import_hooks;

/* import_stream with hooks. Returns ACTIP_OK (stored, or checked when dry_run),
 * ACTIP_EINPUT (errors in diag; nothing stored), or the status before_commit returned
 * (nothing stored) or another failure status. */
int import_stream_hooked(store *st, FILE *in, const char *label, const char *template_name,
			 import_hooks *hooks, diag_list *diag, actip_err *err);

/* The template a file or sheet name stands for ("participants-2021.csv",
 * "participants.xlsx", "Participants" → "participants"), or NULL. */
const char *import_template_for(const char *path);

#endif
