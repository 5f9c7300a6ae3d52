/* The records engine of the web application (see records.h): a kind's records read,
 * shown, written and deleted from its one description (import/template.h record_kind).
 * The records API (api_records.c) and the record pages (pages_records.c) are thin
 * layers over it; the activity pages and the activity API take their columns from it. */
#include <limits.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/stats.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/server.h"
#include "web/write.h"



/* The key field names of a kind: its template's key columns, or the parent's column and
 * "seq" for rows whose key the server gives. */
int rec_key_names(const template *t, const char *names[TPL_MAX_KEY])
{
	if (t->kind->seq_key) {
		names[0] = t->cols[0].name;
		names[1] = "seq";
		return 2;
	}
	int n = 0;
	for (; n < TPL_MAX_KEY && t->key_cols[n] >= 0; n++)
		names[n] = t->cols[t->key_cols[n]].name;
	return n;
}

/* The template of a kind exposed by the records API, or NULL. */
const template *rec_kind(const char *name)
{
	const template *t = template_find(name);
	return t && t->kind ? t : NULL;
}

/* Runs the kind's list statement with the given key values (NULL = any) and calls each
 * for every record (parsed JSON, borrowed); stops when each returns false. Returns 0, or
 * -1 on a database error. */
int rec_each(store *st, const template *t, const char *const *key, int nkey,
		       bool (*each)(json_t *rec, void *ctx), void *ctx)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, t->kind->list_sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	for (int i = 0; i < nkey; i++)
		store_bind_text(s, i + 1, key[i]);
	int rc;
	bool go = true;
	while (go && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		json_t *rec = json_loads((const char *)sqlite3_column_text(s, 0), 0, NULL);
		if (!rec) {
			rc = SQLITE_ERROR;
			break;
		}
		go = each(rec, ctx);
		json_decref(rec);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || (!go && rc == SQLITE_ROW) ? 0 : -1;
}

/* The version of a record: BLAKE2b-128 of its JSON text, as 32 hex digits. */
void rec_version_of(const char *json, char out[33])
{
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)json, strlen(json), NULL, 0);
	sodium_bin2hex(out, 33, h, sizeof h);
}

/* Collects the first record of a one-record lookup as JSON text. */
static bool take_first(json_t *rec, void *ctx)
{
	*(char **)ctx = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
	return false;
}

/* The stored record as JSON text (malloc'd) into *out, NULL when there is none. */
static int record_text(store *st, const rec_ref *r, char **out)
{
	*out = NULL;
	return rec_each(st, r->t, r->key, r->nkey, take_first, out);
}

/* web_precond's version: the stored record's, kept as the audit's old value. */
int rec_version(store *st, const void *key, char out[33])
{
	rec_ref *r = (rec_ref *)key;
	free(r->old_json);
	if (record_text(st, r, &r->old_json) < 0)
		return -1;
	if (!r->old_json)
		return 0;
	rec_version_of(r->old_json, out);
	return 1;
}

/* The key of a record as one audit key ("KH-2021-001/3"). */
static void key_text(const rec_ref *r, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < r->nkey && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", i ? "/" : "", r->key[i] ? r->key[i] : "");
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* A record's JSON text without the people's names (malloc'd), or NULL. */
static char *without_names(const template *t, const char *json)
{
	json_t *o = json ? json_loads(json, 0, NULL) : NULL;
	if (!o)
		return NULL;
	for (int c = 0; c < t->ncols; c++)
		if (t->kind->private_cols & 1u << c)
			json_object_del(o, t->cols[c].name);
	char *clean = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return clean;
}

/* The audit row of one record's write: old and new as the kind's JSON. Names of people
 * are left out of both (the audit never holds them). */
int rec_audit(store *st, const void *key, const web_req *rq, const char *action)
{
	const rec_ref *r = key;
	char *stored = NULL, k[300];
	if (record_text(st, r, &stored) < 0)
		return -1;
	key_text(r, k, sizeof k);
	char *old = without_names(r->t, r->old_json), *now = without_names(r->t, stored);
	free(stored);
	int rc = 0;
	if (!(old && now && strcmp(old, now) == 0))
		rc = store_audit_write(st, rq->user.name, rq->addr, action, r->t->name, k, old, now);
	free(old);
	free(now);
	return rc;
}


/* A value of a record as text for comparing and binding (NULL for null). */
const char *rec_value_text(json_t *v, char *buf, size_t size)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	return NULL;
}

/* May this user see the people's names of this record? Admins, and the officer of the
 * record's country (the kind's scope rule says whose record it is). */
static bool may_see_names(web_req *rq, const template *t, json_t *rec)
{
	if (rq->user.role == ROLE_ADMIN)
		return true;
	if (rq->user.role != ROLE_COUNTRY_OFFICER || !t->kind->scope_sql)
		return false;
	const char *vals[4] = {NULL, NULL, NULL, NULL};
	char bufs[4][32];
	for (int i = 0; i < 4 && t->kind->scope_cols[i] >= 0; i++)
		vals[i] = rec_value_text(json_object_get(rec, t->cols[t->kind->scope_cols[i]].name), bufs[i],
				     sizeof bufs[i]);
	actip_err err;
	return guard_scope(rq->st, &rq->user, t, vals, &err) == 0;
}

/* The record as the user may see it, with its version (a new reference). */
json_t *rec_shown(web_req *rq, const template *t, json_t *rec)
{
	char *text = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER), version[33];
	rec_version_of(text ? text : "", version);
	free(text);
	json_t *o = json_deep_copy(rec);
	if (t->kind->private_cols && !may_see_names(rq, t, rec))
		for (int c = 0; c < t->ncols; c++)
			if (t->kind->private_cols & 1u << c)
				json_object_del(o, t->cols[c].name);
	json_object_set_new(o, "version", json_string(version));
	return o;
}


/* Is name one of the kind's fields (or its server key)? */
bool rec_is_field(const template *t, const char *name)
{
	if (t->kind->seq_key && strcmp(name, "seq") == 0)
		return true;
	for (int c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return true;
	return false;
}


/* The state of rec_list. */
typedef struct list_state {
	web_req *rq;
	const template *t;
	const char *const (*filter)[2];
	int nfilter;
	const char *q;
	long long offset, limit, total;
	void (*row)(json_t *shown, void *ctx);
	void *ctx;
} list_state;

/* Does any text value of the record hold q (ASCII case-insensitive)? */
static bool has_text(json_t *rec, const char *q)
{
	const char *k;
	json_t *v;
	json_object_foreach(rec, k, v) {
		if (json_is_string(v) && strcasestr(json_string_value(v), q))
			return true;
	}
	return false;
}

/* Counts a matching record and hands it on when it falls in the page. */
static bool list_one(json_t *rec, void *ctx)
{
	list_state *l = ctx;
	for (int i = 0; i < l->nfilter; i++) {
		char buf[32];
		const char *v = rec_value_text(json_object_get(rec, l->filter[i][0]), buf, sizeof buf);
		if (!v || strcmp(v, l->filter[i][1]) != 0)
			return true;
	}
	json_t *seen = rec_shown(l->rq, l->t, rec);
	bool match = !l->q || !*l->q || has_text(seen, l->q); /* only what the user may see */
	if (match && l->total >= l->offset && l->total < l->offset + l->limit)
		l->row(seen, l->ctx);
	json_decref(seen);
	if (match)
		l->total++;
	return true;
}

/* A page of the kind's records matching the filters (field, value: exact) and q. */
int rec_list(web_req *rq, const template *t, const char *const (*filter)[2], int nfilter, const char *q,
	     long long offset, long long limit, void (*row)(json_t *shown, void *ctx), void *ctx, long long *total)
{
	list_state l = {rq, t, filter, nfilter, q, offset, limit, 0, row, ctx};
	const char *names[TPL_MAX_KEY] = {NULL}, *first[1] = {NULL};
	rec_key_names(t, names);
	for (int i = 0; i < nfilter && names[0]; i++) /* the statement filters on the first key field */
		if (strcmp(filter[i][0], names[0]) == 0)
			first[0] = filter[i][1];
	int rc = rec_each(rq->st, t, first, 1, list_one, &l);
	*total = l.total;
	return rc;
}

/* Collects the one record of a key. */
static bool take_json(json_t *rec, void *ctx)
{
	*(json_t **)ctx = json_incref(rec);
	return false;
}

/* The stored record of a reference as shown to the user, or NULL (*status 404/500). */
json_t *rec_read(web_req *rq, const rec_ref *r, int *status)
{
	json_t *rec = NULL;
	if (rec_each(rq->st, r->t, r->key, r->nkey, take_json, &rec) < 0) {
		*status = 500;
		return NULL;
	}
	*status = rec ? 200 : 404;
	if (!rec)
		return NULL;
	json_t *o = rec_shown(rq, r->t, rec);
	json_decref(rec);
	return o;
}

/* The record of a JSON object as its template's CSV (header and one row). */
char *rec_csv(const template *t, json_t *body, size_t *len, char *why, size_t whysize)
{
	const char *name;
	json_t *v;
	json_object_foreach(body, name, v) {
		if (strcmp(name, "version") == 0 || rec_is_field(t, name))
			if (json_is_string(v) || json_is_integer(v) || json_is_real(v) || json_is_null(v) ||
			    json_is_boolean(v))
				continue;
		snprintf(why, whysize, rec_is_field(t, name) ? "field '%.80s' must be a string, a number or null"
							     : "unknown field '%.80s'", name);
		return NULL;
	}
	char *csv = NULL;
	FILE *f = open_memstream(&csv, len);
	if (!f) {
		snprintf(why, whysize, "out of memory");
		return NULL;
	}
	for (int c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', f);
		csv_quoted(f, t->cols[c].name);
	}
	fputs("\r\n", f);
	for (int c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', f);
		v = json_object_get(body, t->cols[c].name);
		char buf[64];
		const char *s;
		if (json_is_real(v)) {
			snprintf(buf, sizeof buf, "%.6f", json_real_value(v));
			s = buf;
		} else if (json_is_boolean(v)) {
			s = json_is_true(v) ? "yes" : "no";
		} else {
			s = rec_value_text(v, buf, sizeof buf);
		}
		csv_quoted(f, s ? s : "");
	}
	fputs("\r\n", f);
	fclose(f);
	return csv;
}

/* The audit of a records write (web_precond.audit). */
static int audit_change(store *st, const void *key, const web_req *rq)
{
	return rec_audit(st, key, rq, "change");
}

/* Writes body as the record r: a create when expected is "" (a record with that key must
 * not exist), else an update at that version; a participants or feedback row is
 * appended on create, rewritten in place (at_seq) on update. */
void rec_write(web_req *rq, rec_ref *r, json_t *body, const char *expected, long long at_seq, web_write *w)
{
	size_t len;
	char why[200];
	char *csv = rec_csv(r->t, body, &len, why, sizeof why);
	if (!csv) {
		memset(w, 0, sizeof *w);
		diag_init(&w->diag, 10, 10);
		w->status = 400;
		snprintf(w->message, sizeof w->message, "%s", why);
		return;
	}
	if (r->t->kind->seq_key && !at_seq) {
		web_write_csv_append(rq, r->t->name, csv, len, w);
	} else {
		web_precond pc = {rec_version, r, expected, r->t->kind->one, audit_change};
		web_write_record(rq, r->t->name, csv, len, &pc, at_seq, w);
	}
	free(csv);
	free(r->old_json);
	r->old_json = NULL;
}

/* The newest row of a parent (a participants or feedback row just appended). */
json_t *rec_last_child(web_req *rq, const template *t, const char *parent)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, t->kind->list_sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	store_bind_text(s, 1, parent);
	json_t *last = NULL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		json_decref(last);
		last = json_loads((const char *)sqlite3_column_text(s, 0), 0, NULL);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || !last) {
		json_decref(last);
		return NULL;
	}
	json_t *o = rec_shown(rq, t, last);
	json_decref(last);
	return o;
}

/* The scope values of a stored record (its kind's scope columns), as text in bufs. */
static void scope_values(const template *t, json_t *rec, const char *vals[4], char bufs[4][32])
{
	for (int i = 0; i < 4; i++)
		vals[i] = NULL;
	for (int i = 0; i < 4 && t->kind->scope_cols[i] >= 0; i++)
		vals[i] = rec_value_text(json_object_get(rec, t->cols[t->kind->scope_cols[i]].name), bufs[i],
					 sizeof bufs[i]);
}

int rec_scope(store *st, const template *t, json_t *rec, char *out, size_t size)
{
	out[0] = '\0';
	if (!t->kind->scope_sql)
		return 0;
	const char *vals[4];
	char bufs[4][32];
	scope_values(t, rec, vals, bufs);
	sqlite3_stmt *s;
	if (store_cached(st, t->kind->scope_sql, &s) != SQLITE_OK)
		return -1;
	for (int i = 0; i < 4 && t->kind->scope_cols[i] >= 0; i++)
		store_bind_text(s, i + 1, vals[i]);
	size_t used = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		int w = v && used < size ? snprintf(out + used, size - used, "%s%s", used ? "," : "", v) : 0;
		if (w > 0)
			used += (size_t)w;
	}
	store_release(st, s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Names the records a delete would leave pointing at nothing (foreign_key_check). */
static int dangling(store *st, char *msg, size_t size)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT \"table\", count(*) FROM pragma_foreign_key_check"
				       " GROUP BY \"table\" ORDER BY \"table\"", -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc, n = 0;
	size_t used = 0;
	msg[0] = '\0';
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int w = snprintf(msg + used, size - used, "%s%lld in %s", n ? ", " : "",
				 (long long)sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 0));
		if (w > 0 && (size_t)w < size - used)
			used += (size_t)w;
		n++;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? n : -1;
}

/* The tables whose rows go with a deleted row (a foreign key ON DELETE CASCADE), with
 * their row counts into counts (at most n); returns how many, or -1. */
static const char cascade_sql[] =
	"SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f"
	" WHERE m.type = 'table' AND f.on_delete = 'CASCADE' ORDER BY m.name";

enum { MAX_CASCADE = 24 };
typedef struct cascade_count {
	char table[64];
	long long n;
} cascade_count;

/* Counts the rows of every table a delete can cascade into. The table names come from
 * the schema itself, not from a user; a name that is not a plain identifier is skipped,
 * and count(*) of each goes through a statement made from it (no user value). */
static int cascade_counts(store *st, cascade_count *c, int n)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, cascade_sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	int k = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && k < n) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (!t || strlen(t) >= sizeof c[k].table || strspn(t, "abcdefghijklmnopqrstuvwxyz_") != strlen(t))
			continue;
		snprintf(c[k].table, sizeof c[k].table, "%s", t);
		char sql[100];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM main.\"%s\"", t); /* a schema name, checked above */
		sqlite3_stmt *q;
		c[k].n = -1;
		if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK) {
			if (sqlite3_step(q) == SQLITE_ROW)
				c[k].n = sqlite3_column_int64(q, 0);
			sqlite3_finalize(q);
		}
		k++;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? k : -1;
}

/* The kind whose records live in table (by its delete statement), or NULL. */
static const template *kind_of_table(const char *table)
{
	for (int i = 0; i < template_count; i++) {
		const record_kind *k = template_table[i]->kind;
		char name[64];
		if (k && sscanf(k->delete_sql, "DELETE FROM %63s", name) == 1 && strcmp(name, table) == 0)
			return template_table[i];
	}
	return NULL;
}

/* "41 participants, 12 feedback responses, 2 links" from counts before and after. */
static void cascade_text(const cascade_count *before, const cascade_count *after, int n, char *out,
			 size_t size, long long *total)
{
	size_t used = 0;
	long long links = 0;
	*total = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		long long gone = before[i].n - after[i].n;
		if (gone <= 0)
			continue;
		*total += gone;
		const template *t = kind_of_table(before[i].table);
		if (!t) {
			links += gone;
			continue;
		}
		int w = snprintf(out + used, size - used, "%s%lld %s", used ? ", " : "", gone, t->kind->label);
		if (w > 0 && (size_t)w < size - used)
			used += (size_t)w;
	}
	if (links > 0)
		snprintf(out + used, size - used, "%s%lld link%s to other records", used ? ", " : "", links,
			 links == 1 ? "" : "s");
}

/* Deletes the record r at version expected in one transaction: the kind's scope rule on
 * the stored record, its delete statement (the store's locks refuse a locked one; ON
 * DELETE CASCADE takes what belongs to it), no record left pointing at nothing, and the
 * audit row. With dry_run, rolls back and tells in *others how many other records the
 * delete takes with it. Returns 200, or the HTTP status with msg. */
int rec_delete(web_req *rq, rec_ref *r, const char *expected, bool dry_run, long long *others, char *msg,
	       size_t size)
{
	cascade_count before[MAX_CASCADE], after[MAX_CASCADE];
	int ncount = 0;
	actip_err err = {{0}};
	msg[0] = '\0';
	if (!guard_template_allowed(&rq->user, r->t->name)) {
		snprintf(msg, size, "your role may not delete %s", r->t->kind->label);
		return 403;
	}
	if (store_begin(rq->st, &err) < 0) {
		snprintf(msg, size, "cannot start the write");
		return 500;
	}
	int status = 0;
	char now[33];
	int found = rec_version(rq->st, r, now);
	json_t *old = r->old_json ? json_loads(r->old_json, 0, NULL) : NULL;
	if (found < 0) {
		status = 500;
	} else if (found == 0) {
		status = 404;
		snprintf(msg, size, "there is no such %s", r->t->kind->one);
	} else if (strcmp(now, expected) != 0) {
		status = 409;
		snprintf(msg, size, "the %s was changed since you read it; reload it first", r->t->kind->one);
	} else {
		const char *vals[4];
		char bufs[4][32];
		scope_values(r->t, old, vals, bufs);
		if ((status = guard_scope(rq->st, &rq->user, r->t, vals, &err)) != 0)
			snprintf(msg, size, "%.*s", (int)size - 1, err.msg);
	}
	if (!status && dry_run && (ncount = cascade_counts(rq->st, before, MAX_CASCADE)) < 0)
		status = 500;
	if (!status) {
		sqlite3_stmt *d;
		if (sqlite3_prepare_v2(rq->st->db, r->t->kind->delete_sql, -1, &d, NULL) != SQLITE_OK) {
			status = 500;
		} else {
			for (int i = 0; i < r->nkey; i++)
				store_bind_text(d, i + 1, r->key[i]);
			int rc = sqlite3_step(d);
			const char *m = sqlite3_errmsg(rq->st->db);
			if (rc != SQLITE_DONE && strncmp(m, "locked: ", 8) == 0) {
				status = 409;
				snprintf(msg, size, "%s", m + 8);
			} else if (rc != SQLITE_DONE) {
				status = 500;
			}
			sqlite3_finalize(d);
		}
	}
	if (others)
		*others = 0;
	if (!status && dry_run && others) { /* what goes with it, named for the confirmation */
		if (cascade_counts(rq->st, after, MAX_CASCADE) != ncount)
			status = 500;
		else
			cascade_text(before, after, ncount, msg, size, others);
	}
	if (!status) {
		char refs[300];
		int n = dangling(rq->st, refs, sizeof refs);
		if (n != 0) {
			status = n < 0 ? 500 : 409;
			snprintf(msg, size, "other records still point at this %s (%s); delete or change them first",
				 r->t->kind->one, refs);
		}
	}
	if (!status && !dry_run &&
	    (rec_audit(rq->st, r, rq, "delete") < 0 || store_stats_refresh(rq->st, &err) < 0 ||
	     store_commit(rq->st, &err) < 0))
		status = 500;
	if (status || dry_run)
		store_rollback(rq->st);
	json_decref(old);
	free(r->old_json);
	r->old_json = NULL;
	if (status == 500 && !msg[0])
		snprintf(msg, size, "the delete failed");
	if (status) {
		web_log(rq, "delete of %s refused: %d", r->t->name, status);
		if (status == 403)
			store_audit_write(rq->st, rq->user.name, rq->addr, "refused", r->t->name, rq->path, NULL, NULL);
	}
	return status ? status : 200;
}

/* A template's columns after the first. */
const char *const *rec_cols(const char *template_name, const char *cols[TPL_MAX_COLS + 1])
{
	const template *t = template_find(template_name);
	int n = 0;
	for (int c = 1; t && c < t->ncols; c++)
		cols[n++] = t->cols[c].name;
	cols[n] = NULL;
	return cols;
}

/* The header line. */
void rec_header(FILE *out, const char *const *cols)
{
	fputs("activity_id", out);
	for (int i = 0; cols[i]; i++)
		fprintf(out, ",%s", cols[i]);
	fputs("\r\n", out);
}

/* One row from JSON. */
const char *rec_row_json(FILE *out, const char *activity_id, const char *const *cols, json_t *obj)
{
	const char *key;
	json_t *v;
	if (!json_is_object(obj))
		return "(not an object)";
	json_object_foreach(obj, key, v) {
		bool known = false;
		for (int i = 0; cols[i] && !known; i++)
			known = strcmp(cols[i], key) == 0;
		if (!known || !(json_is_string(v) || json_is_integer(v) || json_is_boolean(v) || json_is_null(v)))
			return key;
	}
	csv_quoted(out, activity_id);
	for (int i = 0; cols[i]; i++) {
		fputc(',', out);
		v = json_object_get(obj, cols[i]);
		if (json_is_string(v))
			csv_quoted(out, json_string_value(v));
		else if (json_is_integer(v))
			fprintf(out, "%lld", (long long)json_integer_value(v));
		else if (json_is_boolean(v))
			fputs(json_is_true(v) ? "yes" : "no", out);
	}
	fputs("\r\n", out);
	return NULL;
}
