/* The one write path of the web application: CSV text (an upload, or a form or JSON
 * body turned into one CSV row per record) goes through the importer's all-or-nothing
 * transaction, with the guards (access, locked periods) and the audit rows added
 * before COMMIT. A preview runs the same and rolls back; an add form's row is appended
 * to the activity's list instead of replacing it. */
#ifndef ACTIP_WEB_WRITE_H
#define ACTIP_WEB_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "import/import.h"
#include "web/web.h"

typedef struct web_write {
	int status;          /* 200, 403, 409, 422, 500 */
	bool stale;          /* the 409 is a stale edit (web_precond), not a locked period */
	char message[1024];   /* for statuses other than 200 and 422 */
	long rows, changed, replaced;
	char touched[400];   /* activity ids touched, for previews */
	char *replaced_detail; /* what the write replaces, activity by activity (malloc'd); NULL when nothing */
	char headers[4096];  /* how the file's header was matched (import_hooks.headers) */
	diag_list diag;      /* the errors for 422 */
} web_write;

/* True for the content types an uploaded file may come as: text/csv and the other
 * text types, the .xlsx type and application/octet-stream (the importer tells the
 * format from the bytes). */
bool web_write_file_type(const char *content_type);

/* Imports csv as template for the request's user; fills w (free with web_write_free). */
void web_write_csv(web_req *rq, const char *template_name, const char *csv, size_t len,
		   bool dry_run, web_write *w);
void web_write_free(web_write *w);

struct upload_format;

/* An upload (the upload page, POST /api/v1/import/{template}): web_write_csv in the
 * upload's format (uf: encoding, date order, delimiter; NULL: found from the file) with
 * the column mappings remembered for the template's headers (upload_map.h), appending
 * participants and feedback when append is set. `name` is the user's file name for the
 * errors (NULL: the request's ?name=, else TEMPLATE.csv). */
void web_write_upload(web_req *rq, const char *template_name, const char *body, size_t len, bool dry_run,
		      bool append, const struct upload_format *uf, const char *name, web_write *w);

/* web_write_csv in the importer's append mode (import_hooks.append): participants or
 * feedback rows are added after the activity's stored rows, which are neither read nor
 * written again. The add forms of an activity page use it. */
void web_write_csv_append(web_req *rq, const char *template_name, const char *csv, size_t len,
			  web_write *w);

/* The precondition of an edit (optimistic concurrency): the version of the record the
 * client based its edit on. version() reads the stored record's version inside the write
 * transaction, under the write lock, before any row is written: 1 found, 0 no such
 * record (out is then ""), -1 error. */
typedef struct web_precond {
	int (*version)(store *st, const void *key, char out[33]);
	const void *key;
	const char *expected; /* the version the client saw; "" = it saw no record */
	const char *what;     /* the record, for the message: "activity", "status report" */
	/* Writes the record's audit row before COMMIT (the records API); NULL: none. */
	int (*audit)(store *st, const void *key, const web_req *rq);
} web_precond;

/* web_write_csv of an edit based on a version: when the stored version is not
 * pc->expected, nothing is stored, w->status is 409 and w->stale is set (a stale edit;
 * logged and audited as a refusal). */
void web_write_csv_at(web_req *rq, const char *template_name, const char *csv, size_t len,
		      const web_precond *pc, web_write *w);

/* web_write_csv_at for an edit of one activity loaded at version if_match (the API's
 * If-Match, the edit form's hidden version field). */
void web_write_csv_if_match(web_req *rq, const char *template_name, const char *csv, size_t len,
			    const char *activity_id, const char *if_match, web_write *w);

/* One record written through the records API: csv is the kind's header and one row;
 * pc checks the stored record's version first (NULL: none); at_seq > 0 rewrites that
 * participants or feedback row in its place. A new work-plan line goes after its plan's. */
void web_write_record(web_req *rq, const char *template_name, const char *csv, size_t len,
		      const web_precond *pc, long long at_seq, web_write *w);

/* Writes a CSV field always quoted (RFC 4180). This is the importer's input, not an
 * export, so no formula prefix: the value must arrive as typed. */
void csv_quoted(FILE *out, const char *s);

/* Writes the errors of w as {"errors":[{"file","line","column","message"}]}. */
void web_write_errors_json(const web_write *w, FILE *out);

#endif
