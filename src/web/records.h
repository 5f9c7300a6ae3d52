/* The records engine: a kind's records (every template with a record_kind,
 * import/template.h) read, shown, written and deleted from that one description, for
 * the records API (api_records.c) and the record pages (pages_records.c). A record is a
 * JSON object of the template's fields (plus `seq` for rows the server numbers) and a
 * `version` (BLAKE2b-128 of its stored form), so reading a record and writing it back
 * unchanged changes nothing. Writes go through the importer (write.h), so a form, an API
 * call and an upload are checked by the same rules; every write is audited per record
 * with its old and new values (people's names left out).
 * The activity pages and activity API take their columns from here too (rec_cols). */
#ifndef ACTIP_WEB_RECORDS_H
#define ACTIP_WEB_RECORDS_H

#include <jansson.h>
#include <stdio.h>

#include "import/template.h"
#include "web/web.h"

struct web_write;

/* One record named by its kind and key values. */
typedef struct rec_ref {
	const template *t;
	const char *key[TPL_MAX_KEY]; /* key field values in key order (NULL = any) */
	int nkey;
	char *old_json;               /* the stored record before a write (for the audit) */
} rec_ref;

/* The template of a kind the records API exposes, or NULL. */
const template *rec_kind(const char *name);

/* The key field names of a kind into names; returns their number. */
int rec_key_names(const template *t, const char *names[TPL_MAX_KEY]);

/* Is name one of the kind's fields (or its server key)? */
bool rec_is_field(const template *t, const char *name);

/* Calls each for every record of the kind matching the key values (NULL = any; all NULL
 * lists every record, the first alone one parent's); stops when each returns false.
 * 0, or -1 on a database error. */
int rec_each(store *st, const template *t, const char *const *key, int nkey,
	     bool (*each)(json_t *rec, void *ctx), void *ctx);

/* Calls row for each record of a page (offset, limit) of the kind's records, as the user
 * may see them, that match every filter (field, value: exact) and whose text values hold
 * q (case-insensitive; NULL or "" = any); *total gets how many match in all. 0 or -1. */
int rec_list(web_req *rq, const template *t, const char *const (*filter)[2], int nfilter, const char *q,
	     long long offset, long long limit, void (*row)(json_t *shown, void *ctx), void *ctx,
	     long long *total);

/* The version of a record's JSON text (32 hex digits). */
void rec_version_of(const char *json, char out[33]);

/* web_precond's version function for a rec_ref: 1 found (its version in out), 0 none,
 * -1 error; keeps the stored record as key->old_json. */
int rec_version(store *st, const void *key, char out[33]);

/* Writes the audit row of a write of key (a rec_ref) whose old value rec_version kept. */
int rec_audit(store *st, const void *key, const web_req *rq, const char *action);

/* A JSON value as text (strings as they are, integers written out; NULL otherwise). */
const char *rec_value_text(json_t *v, char *buf, size_t size);

/* The record as the user may see it (names of people only to admins and the officer of
 * the record's country), with its version; a new reference. */
json_t *rec_shown(web_req *rq, const template *t, json_t *rec);

/* The countries or bodies a record belongs to by its kind's scope rule (whose names the
 * record shows to whom: rec_shown), joined by ',' into out ("" for a kind without a
 * rule); 0 or -1. */
int rec_scope(store *st, const template *t, json_t *rec, char *out, size_t size);

/* The stored record as shown, or NULL with *status 404 or 500. */
json_t *rec_read(web_req *rq, const rec_ref *r, int *status);

/* A JSON record as its template's CSV (header and one row); NULL with why for an
 * unknown field or a value that is not a string, number, boolean or null. */
char *rec_csv(const template *t, json_t *body, size_t *len, char *why, size_t whysize);

/* Writes body as the record r: a create when expected is "", else an update at that
 * version (409 when stale). Rows the server numbers are appended on create, rewritten in
 * place (at_seq) on update. Fills w (free with web_write_free); status 400 for a body
 * rec_csv refuses. */
void rec_write(web_req *rq, rec_ref *r, json_t *body, const char *expected, long long at_seq,
	       struct web_write *w);

/* The newest row of a parent (the row a create just appended), as shown; or NULL. */
json_t *rec_last_child(web_req *rq, const template *t, const char *parent);

/* Deletes r at version expected (see records.c); dry_run rolls back, counts in *others
 * the records the delete would take with it and names them in msg ("41 Participants, 3
 * Feedback"). Returns 200 or the HTTP status with msg. */
int rec_delete(web_req *rq, rec_ref *r, const char *expected, bool dry_run, long long *others, char *msg,
	       size_t size);

/* The columns of template_name after its first (the activity id), NULL-ended, into
 * cols; returns cols (empty when the template is unknown). */
const char *const *rec_cols(const char *template_name, const char *cols[TPL_MAX_COLS + 1]);

/* Writes the header "activity_id,COLS..." */
void rec_header(FILE *out, const char *const *cols);

/* Writes one row from a JSON object: activity_id, then each column's value (strings,
 * numbers and booleans as text, null or missing as blank). Returns the name of an
 * unknown key or of a value of the wrong JSON type, else NULL. */
const char *rec_row_json(FILE *out, const char *activity_id, const char *const *cols, json_t *obj);

#endif
