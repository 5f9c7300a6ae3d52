/* Guards on every write of the web application, and the audit log.
 *
 * Every write of the web application (an upload, a form, a JSON call) goes through the
 * importer inside one transaction. On the web server's own connections, TEMP triggers
 * record which activities the transaction touched (their country and year before and
 * after), how participants and feedback changed, and each activity's old and new
 * values. Before COMMIT, guard_check refuses the whole transaction when the user may not
 * change one of those records (403) or one falls in an approved period (409), and
 * guard_audit writes the audit rows from what the triggers recorded. */
#ifndef ACTIP_WEB_GUARD_H
#define ACTIP_WEB_GUARD_H

#include <stdio.h>

#include "core/err.h"
#include "store/store.h"
#include "web/web.h"

/* Creates the TEMP tables and triggers on a connection. */
int guard_install(store *st, actip_err *err);

/* Empties the records of the previous transaction (call inside the new one). */
int guard_reset(store *st);

struct template;
struct tplrow;

/* May this user write records of this template's kind at all? (the kind's writers) */
bool guard_template_allowed(const web_user *u, const char *template_name);

/* The kind's scope rule (record_kind.scope_sql) for one record whose scope columns hold
 * vals: 0 allowed, 403 (err says whose record it is), 500 when it cannot decide. */
int guard_scope(store *st, const web_user *u, const struct template *t, const char *const *vals,
		actip_err *err);

/* guard_scope for a row the importer is about to store. */
int guard_scope_row(store *st, const web_user *u, const struct template *t, const struct tplrow *r,
		    actip_err *err);

/* Checks what the current transaction touched: 0 when allowed, else the HTTP status
 * (403 another country's record, 409 a locked period, 500 when it cannot decide) with
 * a message in err. */
int guard_check(store *st, const web_user *u, actip_err *err);

/* Writes the audit rows of the current transaction's changes. */
int guard_audit(store *st, const web_req *rq, const char *action, const char *detail);

/* Which audit rows to list: by user, kind (entity), record key and date (YYYY-MM-DD,
 * UTC, both ends included; NULL or "" = any), newest first, a page of `limit` from
 * `offset`. */
typedef struct audit_filter {
	const char *user, *entity, *key, *from, *to;
	int limit;
	long long offset;
} audit_filter;

/* The matching audit rows as a JSON array into out. */
int audit_list_json(store *st, const audit_filter *f, FILE *out);

/* The matching rows as table rows for the audit page (HTML-escaped); returns how many,
 * or -1. */
int audit_list_html(store *st, const audit_filter *f, FILE *out);

/* The activities touched by the current transaction, as "ID, ID, ..." (at most n). */
void guard_touched_list(store *st, char *buf, size_t size, int n);

#endif
