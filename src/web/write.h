/* The one write path of the web application: CSV text (an upload, or a form or JSON
 * body turned into one CSV row per record) goes through the importer's all-or-nothing
 * transaction, with the guards (access, locked periods) and the audit rows added
 * before COMMIT. A preview runs the same and rolls back. */
#ifndef ACTIP_WEB_WRITE_H
#define ACTIP_WEB_WRITE_H

#include <stdio.h>

#include "import/import.h"
#include "web/web.h"

typedef struct web_write {
	int status;          /* 200, 403, 409, 422, 500 */
	char message[300];   /* for statuses other than 200 and 422 */
	long rows, changed, replaced;
	char touched[400];   /* activity ids touched, for previews */
	diag_list diag;      /* the errors for 422 */
} web_write;

/* Imports csv as template for the request's user; fills w (free with web_write_free). */
void web_write_csv(web_req *rq, const char *template_name, const char *csv, size_t len,
		   bool dry_run, web_write *w);
void web_write_free(web_write *w);

/* web_write_csv for an edit of one activity loaded at a version (If-Match): inside the
 * write transaction, before any row is written, the stored activity's version must
 * still be if_match, else nothing is stored and w->status is 409 (a stale edit). */
void web_write_csv_if_match(web_req *rq, const char *template_name, const char *csv, size_t len,
			    const char *activity_id, const char *if_match, web_write *w);

/* Writes a CSV field always quoted (RFC 4180). This is the importer's input, not an
 * export, so no formula prefix: the value must arrive as typed. */
void csv_quoted(FILE *out, const char *s);

/* Writes the errors of w as {"errors":[{"file","line","column","message"}]}. */
void web_write_errors_json(const web_write *w, FILE *out);

#endif
