/* Sync between instances (see sync.h and docs/sync.md): records listed, pushed items
 * applied as the pushing account, the server's records written on a client. Every write
 * goes through the records engine (records.c), so the guards, locks and audit are the
 * same as a form's or the API's; sync's own bookkeeping (sync_applied on the server,
 * sync_base on the client) is written by store.before_commit inside the same transaction
 * as the record, so a kill -9 leaves either both or neither. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "core/text.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/sync.h"
#include "web/write.h"

int sync_local_req(web_req *rq, store *st, const web_user *u, actip_err *err)
{
	static const web_config cfg; /* no server: nothing in the write path reads it */
	memset(rq, 0, sizeof *rq);
	rq->cfg = &cfg;
	rq->method = "SYNC";
	rq->path = "/sync";
	snprintf(rq->addr, sizeof rq->addr, "sync");
	rq->st = st;
	rq->now = time(NULL);
	rq->authed = true;
	rq->user = *u;
	snprintf(st->account, sizeof st->account, "%s", u->name);
	return guard_install(st, err);
}

void sync_rkey(const template *t, json_t *rec, char *out, size_t size)
{
	const char *names[TPL_MAX_KEY];
	int n = rec_key_names(t, names);
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < n && used < size; i++) {
		char buf[32];
		const char *v = rec_value_text(json_object_get(rec, names[i]), buf, sizeof buf);
		int w = snprintf(out + used, size - used, "%s%s", i ? "/" : "", v ? v : "");
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* The key values of a record as a JSON array. */
static json_t *key_array(const template *t, json_t *rec)
{
	const char *names[TPL_MAX_KEY];
	int n = rec_key_names(t, names);
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		char buf[32];
		const char *v = rec_value_text(json_object_get(rec, names[i]), buf, sizeof buf);
		json_array_append_new(a, json_string(v ? v : "")); /* an empty key field: "" */
	}
	return a;
}

typedef struct collect {
	web_req *rq;
	const template *t;
	json_t *out;
} collect;

/* Pseudonymisation mode (store.h, privacy.c): a participant's person key is stored only
 * as a pseudonym, which the record (its template's fields) does not carry, and which
 * cannot be made again from a record without names. Between instances keyed with the
 * same key (the pull and push check X-Actip-People) it travels beside the record as
 * "pseudonym" and is put back on the row in the write's own transaction. The
 * participants' table and column are named here alone. */
static bool carries_pseudonym(store *st, const template *t)
{
	return st->pseudonymised && strcmp(t->name, "participants") == 0;
}

/* The stored pseudonym of a participant row (malloc'd), or NULL. */
static char *pseudonym_get(store *st, const char *activity, long long seq)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT person_key FROM attendance WHERE activity = ?1 AND seq = ?2", -1, &s,
			       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(s, 1, activity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, seq);
	char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Puts a pseudonym back on a participant row (seq 0: the activity's last row). */
static int pseudonym_put(store *st, const char *activity, long long seq, const char *pseudonym)
{
	if (!pseudonym || strncmp(pseudonym, "p:", 2) != 0 || strlen(pseudonym) != 66)
		return 0;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "UPDATE attendance SET person_key = ?3 WHERE activity = ?1 AND seq = CASE WHEN"
				       " ?2 > 0 THEN ?2 ELSE (SELECT max(seq) FROM attendance WHERE activity = ?1) END",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, activity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, seq);
	sqlite3_bind_text(s, 3, pseudonym, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

json_t *sync_entry(web_req *rq, const template *t, json_t *rec)
{
	json_t *shown = rec_shown(rq, t, rec);
	json_t *version = json_incref(json_object_get(shown, "version"));
	json_object_del(shown, "version");
	json_t *e = json_pack("{sssososo}", "kind", t->name, "key", key_array(t, rec), "version", version, "record",
			      shown);
	if (carries_pseudonym(rq->st, t)) {
		char *p = pseudonym_get(rq->st, json_string_value(json_object_get(rec, "activity_id")),
					(long long)json_integer_value(json_object_get(rec, "seq")));
		if (p)
			json_object_set_new(e, "pseudonym", json_string(p));
		free(p);
	}
	return e;
}

/* One record as the user may see it, into the list. */
static bool collect_one(json_t *rec, void *ctx)
{
	collect *c = ctx;
	json_array_append_new(c->out, sync_entry(c->rq, c->t, rec));
	return true;
}

json_t *sync_records(web_req *rq)
{
	json_t *out = json_array();
	for (int i = 0; i < template_count; i++) {
		collect c = {rq, template_table[i], out};
		if (!c.t->kind)
			continue;
		if (rec_each(rq->st, c.t, NULL, 0, collect_one, &c) < 0) {
			json_decref(out);
			return NULL;
		}
	}
	return out;
}

/* A rec_ref of a kind and a key array (values borrowed from the array). */
static bool ref_of(rec_ref *r, const template *t, json_t *key)
{
	memset(r, 0, sizeof *r);
	r->t = t;
	const char *names[TPL_MAX_KEY];
	r->nkey = rec_key_names(t, names);
	if (!json_is_array(key) || json_array_size(key) != (size_t)r->nkey)
		return false;
	for (int i = 0; i < r->nkey; i++) {
		json_t *v = json_array_get(key, i);
		r->key[i] = json_is_null(v) ? "" : json_string_value(v);
		if (!r->key[i])
			return false;
	}
	return true;
}

/* The key values of a ref joined by '/'. */
static void ref_rkey(const rec_ref *r, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < r->nkey && used < size; i++) {
		int w = snprintf(out + used, size - used, "%s%s", i ? "/" : "", r->key[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* ---- the server: applying a pushed item ------------------------------------------- */

typedef struct applied_mark {
	const char *id, *account;
	int status;
	const char *message;
	const char *kind, *rkey; /* an applied change: this account's open conflicts of the record are settled */
	const char *activity, *pseudonym; /* a participant's pseudonym (see carries_pseudonym) */
	long long seq;                    /* its row; 0: the row just appended */
} applied_mark;

/* store.before_commit: the item is applied, in the write's own transaction. */
static int mark_applied(store *st, void *ctx)
{
	const applied_mark *m = ctx;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO sync_applied(item_id, account, at, status, message)"
				       " VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?3, ?4)",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, m->id, -1, SQLITE_STATIC);
	store_bind_text(s, 2, m->account);
	sqlite3_bind_int(s, 3, m->status);
	store_bind_text(s, 4, m->message);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (m->status != 200 || !m->kind)
		return 0;
	if (m->pseudonym && pseudonym_put(st, m->activity, m->seq, m->pseudonym) < 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "UPDATE sync_conflict SET resolved_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
				       " resolution = 'superseded' WHERE kind = ?1 AND rkey = ?2 AND account = ?3"
				       " AND resolved_at IS NULL", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, m->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, m->rkey, -1, SQLITE_STATIC);
	store_bind_text(s, 3, m->account);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Stores a conflict row (and, when id is set, the item's answer) in one transaction. */
static int keep_conflict(store *st, const char *id, const char *account, const char *kind, const char *rkey,
			 int status, const char *message, json_t *mine, const char *theirs)
{
	actip_err err;
	if (store_begin(st, &err) < 0)
		return -1;
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	char *m = mine && !json_is_null(mine) ? json_dumps(mine, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	if (sqlite3_prepare_v2(st->db, "INSERT INTO sync_conflict(at, account, kind, rkey, status, message, mine, theirs)"
				       " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       -1, &s, NULL) == SQLITE_OK) {
		store_bind_text(s, 1, account);
		store_bind_text(s, 2, kind);
		store_bind_text(s, 3, rkey);
		sqlite3_bind_int(s, 4, status);
		store_bind_text(s, 5, message);
		store_bind_text(s, 6, m);
		store_bind_text(s, 7, theirs);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
	}
	free(m);
	applied_mark am = {id, account, status, message, NULL, NULL, NULL, NULL, 0};
	if (rc != SQLITE_DONE || (id && mark_applied(st, &am) < 0) || store_commit(st, &err) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

/* The stored answer of an item applied before, or NULL. */
static json_t *applied_before(store *st, const char *id)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT status, message FROM sync_applied WHERE item_id = ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	json_t *o = NULL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(s, 1);
		o = json_pack("{sssiss}", "id", id, "status", sqlite3_column_int(s, 0), "message", m ? m : "");
	}
	sqlite3_finalize(s);
	return o;
}

/* The answer of an item. */
static json_t *answer(const char *id, int status, const char *message)
{
	return json_pack("{sssiss}", "id", id ? id : "", "status", status, "message", message ? message : "");
}

/* The errors of a refused write as one line. */
static void write_message(const web_write *w, char *out, size_t size)
{
	if (w->status != 422 || !w->diag.len) {
		snprintf(out, size, "%s", w->message[0] ? w->message : "the write was refused");
		return;
	}
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < w->diag.len && used < size; i++) {
		if (w->diag.items[i].kind != DIAG_ERROR)
			continue;
		int n = snprintf(out + used, size - used, "%s%s: %s", used ? "; " : "",
				 w->diag.items[i].column ? w->diag.items[i].column : "", w->diag.items[i].message);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Applies one item (sync_apply_item without the record sent back on refusal). */
static json_t *apply_item(web_req *rq, json_t *item)
{
	const char *id = json_string_value(json_object_get(item, "id"));
	const char *kind = json_string_value(json_object_get(item, "kind"));
	const char *base = json_string_value(json_object_get(item, "base"));
	json_t *record = json_object_get(item, "record");
	if (!id || strlen(id) < 16 || strlen(id) > 64 || !kind || !base || (record && !json_is_object(record) &&
									      !json_is_null(record)))
		return answer(id, 400, "an item needs id, kind, key, base and record");
	json_t *before = applied_before(rq->st, id);
	if (before)
		return before;
	rec_ref r;
	const template *t = rec_kind(kind);
	if (!t)
		return answer(id, 404, "no such kind of record");
	bool create_seq = t->kind->seq_key && !*base;
	if (!ref_of(&r, t, json_object_get(item, "key")))
		return answer(id, 400, "the key does not fit the kind");
	char rkey[300], now[33];
	ref_rkey(&r, rkey, sizeof rkey);
	/* based on the current version? (the write checks again under the write lock) */
	int found = create_seq ? 0 : rec_version(rq->st, &r, now);
	char *theirs = r.old_json;
	r.old_json = NULL;
	if (found < 0) {
		free(theirs);
		return answer(id, 500, "the database is not available");
	}
	if (!create_seq && strcmp(found ? now : "", base) != 0) {
		int rc = keep_conflict(rq->st, id, rq->user.name, kind, rkey, 409,
				       "changed on both sides since they last agreed", record, theirs);
		free(theirs);
		return rc < 0 ? answer(id, 500, "the conflict could not be stored")
			      : answer(id, 409, "changed on both sides since they last agreed; both kept");
	}
	applied_mark am = {id, rq->user.name, 200, NULL, kind, rkey, NULL, NULL, 0};
	if (carries_pseudonym(rq->st, t) && record && !json_is_null(record)) {
		am.activity = r.key[0];
		am.pseudonym = json_string_value(json_object_get(item, "pseudonym"));
	}
	rq->st->before_commit = mark_applied;
	rq->st->before_commit_ctx = &am;
	int status;
	char msg[600];
	long long placed = 0;
	if (!record || json_is_null(record)) {
		status = rec_delete(rq, &r, base, false, NULL, msg, sizeof msg);
	} else {
		json_t *body = json_deep_copy(record);
		long long at_seq = 0;
		if (t->kind->seq_key) {
			int64_t n = 0;
			bool numbered = text_parse_count(r.key[1], &n) == 0 && n >= 1;
			if (!create_seq && !numbered) {
				json_decref(body);
				rq->st->before_commit = NULL;
				free(theirs);
				return answer(id, 400, "no such row");
			}
			/* a new row keeps the number it was given where it was made when that
			 * number is free here; otherwise it goes after the stored rows */
			if (create_seq && numbered) {
				char v[33];
				int taken = rec_version(rq->st, &r, v);
				free(r.old_json);
				r.old_json = NULL;
				if (taken != 0)
					n = 0;
			}
			at_seq = placed = am.seq = n;
			json_object_del(body, "seq");
		}
		web_write w;
		rec_write(rq, &r, body, base, at_seq, &w);
		json_decref(body);
		status = w.status;
		write_message(&w, msg, sizeof msg);
		web_write_free(&w);
	}
	rq->st->before_commit = NULL;
	if (status == 200) {
		free(theirs);
		json_t *ok = answer(id, 200, NULL);
		if (create_seq && placed) { /* where the new row went: its own number */
			json_object_set(ok, "key", json_object_get(item, "key"));
		} else if (create_seq && record && !json_is_null(record)) { /* after the stored rows */
			json_t *last = rec_last_child(rq, t, r.key[0]);
			if (last)
				json_object_set_new(ok, "key", key_array(t, last));
			json_decref(last);
		}
		return ok;
	}
	int rc = keep_conflict(rq->st, id, rq->user.name, kind, rkey, status, msg, record, theirs);
	free(theirs);
	return rc < 0 ? answer(id, 500, "the refusal could not be stored") : answer(id, status, msg);
}

/* rec_each: keeps the first record. */
static bool take_first(json_t *rec, void *ctx)
{
	*(json_t **)ctx = json_incref(rec);
	return false;
}

json_t *sync_apply_item(web_req *rq, json_t *item)
{
	json_t *res = apply_item(rq, item);
	int status = (int)json_integer_value(json_object_get(res, "status"));
	rec_ref r;
	const template *t = rec_kind(json_string_value(json_object_get(item, "kind")));
	if (status == 200 || status == 400 || status == 404 || status >= 500 || !t ||
	    !ref_of(&r, t, json_object_get(item, "key")))
		return res;
	/* not applied: the record as it stays here, so the client can take it back at once
	 * (a pull carries only what changed here, and this did not) */
	json_t *stored = NULL;
	if (rec_each(rq->st, t, r.key, r.nkey, take_first, &stored) == 0) {
		json_object_set_new(res, "server", stored ? sync_entry(rq, t, stored) : json_null());
		json_decref(stored);
	}
	return res;
}

int sync_state_get(store *st, const char *name, char *out, size_t size)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM sync_state WHERE name = ?1", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int sync_state_put(store *st, const char *name, const char *value)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO sync_state(name, value) VALUES (?1, ?2)", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int sync_key_hex(store *st, char out[65], actip_err *err)
{
	int found = sync_state_get(st, "instance_key", out, 65);
	if (found < 0)
		return store_error(st, "reading the sync key", err);
	if (found && strlen(out) == 64)
		return ACTIP_OK;
	unsigned char k[32];
	randombytes_buf(k, sizeof k);
	sodium_bin2hex(out, 65, k, sizeof k);
	if (sync_state_put(st, "instance_key", out) < 0)
		return store_error(st, "storing the sync key", err);
	return ACTIP_OK;
}

void sync_privacy_id(store *st, char out[65])
{
	out[0] = '\0';
	if (!st->pseudonymised)
		return;
	static const char msg[] = "actip sync people";
	unsigned char md[16];
	crypto_generichash(md, sizeof md, (const unsigned char *)msg, sizeof msg - 1, st->person_key, 32);
	sodium_bin2hex(out, 65, md, sizeof md);
}

/* ---- the client: the agreed versions, local changes, the server's records ---------- */

/* The agreed versions of a record: 1 found, 0 none, -1 error. */
static int base_of(store *st, const char *kind, const char *rkey, char server[40], char local[40])
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT server_version, local_version FROM sync_base WHERE kind = ?1 AND rkey = ?2",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, rkey, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW) {
		snprintf(server, 40, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(local, 40, "%s", (const char *)sqlite3_column_text(s, 1));
		found = 1;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

/* What the client and server now agree on for one record (inside the write). */
typedef struct base_mark {
	rec_ref *r;
	const char *kind, *rkey, *server_version; /* NULL server_version: the record is gone */
	const char *pseudonym;                    /* a participant's, put back (carries_pseudonym) */
} base_mark;

static int mark_base(store *st, void *ctx)
{
	const base_mark *b = ctx;
	sqlite3_stmt *s;
	char local[33] = "";
	if (b->pseudonym && b->server_version) {
		int64_t n = 0;
		if (b->r->nkey != 2 || text_parse_count(b->r->key[1], &n) < 0 ||
		    pseudonym_put(st, b->r->key[0], n, b->pseudonym) < 0)
			return -1;
	}
	if (b->server_version) {
		int found = rec_version(st, b->r, local);
		free(b->r->old_json);
		b->r->old_json = NULL;
		if (found <= 0)
			return -1;
	}
	const char *sql = b->server_version
		? "INSERT OR REPLACE INTO sync_base(kind, rkey, server_version, local_version) VALUES (?1, ?2, ?3, ?4)"
		: "DELETE FROM sync_base WHERE kind = ?1 AND rkey = ?2";
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, b->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, b->rkey, -1, SQLITE_STATIC);
	if (b->server_version) {
		sqlite3_bind_text(s, 3, b->server_version, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, local, -1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The local records of every kind (admin's view: all fields) by "kind/rkey":
 * {"kind","key","version","record"}. */
static json_t *local_index(web_req *rq)
{
	web_user keep = rq->user;
	rq->user.role = ROLE_ADMIN;
	json_t *all = sync_records(rq);
	rq->user = keep;
	if (!all)
		return NULL;
	json_t *ix = json_object();
	size_t i;
	json_t *e;
	json_array_foreach(all, i, e) {
		const template *t = rec_kind(json_string_value(json_object_get(e, "kind")));
		char rkey[300], k[400];
		sync_rkey(t, json_object_get(e, "record"), rkey, sizeof rkey);
		snprintf(k, sizeof k, "%s/%s", t->name, rkey);
		json_object_set(ix, k, e);
	}
	json_decref(all);
	return ix;
}

/* Writes or deletes one record locally with its agreed version, in one transaction: 0; 1
 * when the importer refused it as it stands (422: it may fit once other records are in,
 * err says why); -1 on any other failure. */
static int local_put(web_req *rq, const template *t, json_t *key, json_t *record, const char *server_version,
		     const char *pseudonym, actip_err *err)
{
	rec_ref r;
	if (!ref_of(&r, t, key))
		return err_set(err, ACTIP_ERR, "a %s from the server has a bad key", t->kind->one);
	char rkey[300], now[33];
	ref_rkey(&r, rkey, sizeof rkey);
	int found = rec_version(rq->st, &r, now);
	free(r.old_json);
	r.old_json = NULL;
	if (found < 0)
		return store_error(rq->st, "reading a record", err);
	base_mark bm = {&r, t->name, rkey, record ? server_version : NULL,
			carries_pseudonym(rq->st, t) ? pseudonym : NULL};
	rq->st->before_commit = mark_base;
	rq->st->before_commit_ctx = &bm;
	rq->st->origin = "sync";
	int status = 200;
	char msg[600] = "";
	if (!record) {
		if (found) {
			status = rec_delete(rq, &r, now, false, NULL, msg, sizeof msg);
		} else if (store_begin(rq->st, err) < 0 || mark_base(rq->st, &bm) < 0 || store_commit(rq->st, err) < 0) {
			store_rollback(rq->st);
			status = 500;
		}
	} else {
		json_t *body = json_deep_copy(record);
		long long at_seq = 0;
		if (t->kind->seq_key) {
			int64_t n = 0;
			text_parse_count(r.key[1], &n);
			at_seq = n;
			json_object_del(body, "seq");
		}
		web_write w;
		rec_write(rq, &r, body, found ? now : "", at_seq, &w);
		json_decref(body);
		status = w.status;
		write_message(&w, msg, sizeof msg);
		web_write_free(&w);
	}
	rq->st->before_commit = NULL;
	rq->st->origin = NULL;
	if (status != 200) {
		err_set(err, ACTIP_ERR, "%s %s from the server could not be stored here: %s", t->kind->one, rkey, msg);
		return status == 422 ? 1 : ACTIP_ERR; /* 1: refused as it stands; it may fit once others are in */
	}
	return ACTIP_OK;
}

/* Records that the local record of key agrees with the server's version, writing
 * nothing else. */
static int local_agree(web_req *rq, const template *t, json_t *key, const char *server_version, actip_err *err)
{
	rec_ref r;
	if (!ref_of(&r, t, key))
		return err_set(err, ACTIP_ERR, "a %s from the server has a bad key", t->kind->one);
	char rkey[300];
	ref_rkey(&r, rkey, sizeof rkey);
	base_mark bm = {&r, t->name, rkey, server_version, NULL};
	if (store_begin(rq->st, err) < 0)
		return ACTIP_ERR;
	if (mark_base(rq->st, &bm) < 0 || store_commit(rq->st, err) < 0) {
		store_rollback(rq->st);
		return store_error(rq->st, "storing an agreed version", err);
	}
	return ACTIP_OK;
}

/* The item id of a local change: the same change pushed again has the same id, so the
 * server answers it from sync_applied instead of applying it twice. */
static void item_id(const char *instance, const char *k, const char *base, const char *text, char out[65])
{
	crypto_generichash_state h;
	unsigned char md[32];
	crypto_generichash_init(&h, NULL, 0, sizeof md);
	const char *parts[4] = {instance, k, base, text ? text : "(deleted)"};
	for (int i = 0; i < 4; i++)
		crypto_generichash_update(&h, (const unsigned char *)parts[i], strlen(parts[i]) + 1);
	crypto_generichash_final(&h, md, sizeof md);
	sodium_bin2hex(out, 65, md, sizeof md);
}

json_t *sync_local_changes(web_req *rq)
{
	json_t *ix = local_index(rq);
	if (!ix)
		return NULL;
	char instance[65];
	actip_err err;
	if (sync_key_hex(rq->st, instance, &err) < 0) {
		json_decref(ix);
		return NULL;
	}
	json_t *items = json_array(), *deletes = json_array();
	const char *k;
	json_t *e;
	json_object_foreach(ix, k, e) {
		const char *kind = json_string_value(json_object_get(e, "kind"));
		const char *rkey = k + strlen(kind) + 1;
		char server[40], local[40];
		int found = base_of(rq->st, kind, rkey, server, local);
		if (found < 0)
			goto fail;
		const char *version = json_string_value(json_object_get(e, "version"));
		if (found && strcmp(local, version) == 0)
			continue;
		char *text = json_dumps(json_object_get(e, "record"), JSON_COMPACT | JSON_SORT_KEYS);
		char id[65];
		item_id(instance, k, found ? server : "", text, id);
		free(text);
		json_t *item = json_pack("{sssssOsssO}", "id", id, "kind", kind, "key", json_object_get(e, "key"), "base",
					 found ? server : "", "record", json_object_get(e, "record"));
		if (json_object_get(e, "pseudonym"))
			json_object_set(item, "pseudonym", json_object_get(e, "pseudonym"));
		json_array_append_new(items, item);
	}
	/* records agreed on before and gone here: deleted here */
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT kind, rkey, server_version FROM sync_base", -1, &s, NULL) != SQLITE_OK)
		goto fail;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(s, 0), *rkey = (const char *)sqlite3_column_text(s, 1);
		char key[400];
		snprintf(key, sizeof key, "%s/%s", kind, rkey);
		if (json_object_get(ix, key))
			continue;
		const template *t = rec_kind(kind);
		if (!t)
			continue;
		json_t *ka = json_array();
		char part[300];
		snprintf(part, sizeof part, "%s", rkey);
		const char *names[TPL_MAX_KEY];
		int n = rec_key_names(t, names);
		char *save = NULL, *tok = strtok_r(part, "/", &save);
		for (int i = 0; i < n; i++, tok = strtok_r(NULL, "/", &save))
			json_array_append_new(ka, json_string(tok ? tok : ""));
		char id[65];
		item_id(instance, key, (const char *)sqlite3_column_text(s, 2), NULL, id);
		json_array_insert_new(deletes, 0, json_pack("{sssssosssn}", "id", id, "kind", kind, "key", ka, "base",
							    (const char *)sqlite3_column_text(s, 2), "record"));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		goto fail;
	json_array_extend(items, deletes);
	json_decref(deletes);
	json_decref(ix);
	return items;
fail:
	json_decref(items);
	json_decref(deletes);
	json_decref(ix);
	return NULL;
}

int sync_after_push(web_req *rq, json_t *item, json_t *result)
{
	int status = (int)json_integer_value(json_object_get(result, "status"));
	const char *kind = json_string_value(json_object_get(item, "kind"));
	const template *t = rec_kind(kind);
	json_t *record = json_object_get(item, "record");
	if (!t)
		return -1;
	rec_ref r;
	if (!ref_of(&r, t, json_object_get(item, "key")))
		return -1;
	char rkey[300];
	ref_rkey(&r, rkey, sizeof rkey);
	if (status != 200 &&
	    keep_conflict(rq->st, NULL, rq->user.name, kind, rkey, status,
			  json_string_value(json_object_get(result, "message")), record, NULL) < 0)
		return -1;
	/* refused or kept as a conflict: the server's record, sent back, is taken again here
	 * (it did not change there, so no pull would bring it) */
	json_t *server = json_object_get(result, "server");
	if (status != 200 && json_is_object(server)) {
		actip_err err;
		return local_put(rq, t, json_object_get(item, "key"), json_object_get(server, "record"),
				 json_string_value(json_object_get(server, "version")),
				 json_string_value(json_object_get(server, "pseudonym")), &err);
	}
	/* a new row the server numbered otherwise than here (another instance took the
	 * number first): the server's copy, with its number, comes with the pull; a refused
	 * new record is kept only in the conflict list */
	const char *base = json_string_value(json_object_get(item, "base"));
	bool same_key = json_equal(json_object_get(result, "key"), json_object_get(item, "key"));
	if ((t->kind->seq_key && base && !*base && record && !json_is_null(record) && !(status == 200 && same_key)) ||
	    (status != 200 && base && !*base)) {
		actip_err err;
		char now[33];
		int found = rec_version(rq->st, &r, now);
		free(r.old_json);
		r.old_json = NULL;
		if (found > 0) {
			char msg[300];
			rq->st->origin = "sync";
			int st = rec_delete(rq, &r, now, false, NULL, msg, sizeof msg);
			rq->st->origin = NULL;
			if (st != 200)
				return err_set(&err, ACTIP_ERR, "%s", msg), -1;
		}
	}
	return 0;
}

/* A JSON value that holds nothing (missing, null or ""). */
static bool blank(json_t *v)
{
	return !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v));
}

/* Do two records hold the same values, a field missing from one and blank in the other
 * counting as the same (a record as shown leaves out the names an account may not see;
 * the copy stores them as nothing)? */
static bool same_values(json_t *a, json_t *b)
{
	if (!json_is_object(a) || !json_is_object(b))
		return false;
	for (int side = 0; side < 2; side++) {
		json_t *x = side ? b : a, *y = side ? a : b;
		const char *name;
		json_t *v;
		json_object_foreach(x, name, v) {
			json_t *w = json_object_get(y, name);
			if (!(blank(v) && blank(w)) && !json_equal(v, w))
				return false;
		}
	}
	return true;
}

/* Does the server's record of this account leave out people's details the local record
 * holds (rec_shown: the account may no longer see them, say its activity moved to
 * another country)? */
static bool takes_names(const template *t, json_t *mine, json_t *theirs)
{
	for (int c = 0; c < t->ncols; c++)
		if ((t->kind->private_cols & 1u << c) && !blank(json_object_get(mine, t->cols[c].name)) &&
		    blank(json_object_get(theirs, t->cols[c].name)))
			return true;
	return false;
}

/* Before names are withdrawn from a record: the change log's copies of changes made
 * here that hold any of them lose their changesets (the log row stays: who, when,
 * which tables), so that the names leave this copy with the record. */
static int forget_names(store *st, const template *t, json_t *mine)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "UPDATE change_log SET changeset = NULL"
				       " WHERE changeset IS NOT NULL AND instr(changeset, CAST(?1 AS BLOB)) > 0",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc = SQLITE_DONE;
	for (int c = 0; c < t->ncols && rc == SQLITE_DONE; c++) {
		json_t *v = json_object_get(mine, t->cols[c].name);
		if (!(t->kind->private_cols & 1u << c) || blank(v) || !json_is_string(v))
			continue;
		sqlite3_bind_text(s, 1, json_string_value(v), -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int sync_pull_apply(web_req *rq, json_t *records, json_t *gone_keys, json_t *pushed, sync_tally *n, actip_err *err)
{
	long *written = &n->written, *deleted = &n->deleted;
	memset(n, 0, sizeof *n);
	json_t *ix = local_index(rq);
	if (!ix)
		return store_error(rq->st, "reading the local records", err);
	json_t *theirs = json_object(), *later = json_array();
	size_t i;
	json_t *e;
	int rc = ACTIP_OK;
	json_array_foreach(records, i, e) {
		const template *t = rec_kind(json_string_value(json_object_get(e, "kind")));
		json_t *rec = json_object_get(e, "record");
		if (!t || !json_is_object(rec) || !json_is_string(json_object_get(e, "version"))) {
			rc = err_set(err, ACTIP_ERR, "the server sent a record of an unknown kind");
			goto done;
		}
		char rkey[300], k[400];
		sync_rkey(t, rec, rkey, sizeof rkey);
		snprintf(k, sizeof k, "%s/%s", t->name, rkey);
		json_object_set(theirs, k, e);
	}
	/* deletions first, children before parents: agreed records the server no longer has */
	for (int ti = template_count - 1; ti >= 0; ti--) {
		const template *t = template_table[ti];
		if (!t->kind)
			continue;
		json_t *gone = json_array();
		if (gone_keys) { /* an incremental pull: the server names what it deleted */
			size_t di;
			json_t *d;
			json_array_foreach(gone_keys, di, d) {
				rec_ref r;
				char rkey[300], k[400], server[40], local[40];
				const char *kind = json_string_value(json_object_get(d, "kind"));
				if (!kind || strcmp(kind, t->name) != 0 || !ref_of(&r, t, json_object_get(d, "key")))
					continue;
				ref_rkey(&r, rkey, sizeof rkey);
				int found = base_of(rq->st, t->name, rkey, server, local);
				if (found < 0) {
					json_decref(gone);
					rc = store_error(rq->st, "reading the agreed versions", err);
					goto done;
				}
				snprintf(k, sizeof k, "%s/%s", t->name, rkey);
				if (found && !json_object_get(theirs, k)) /* never agreed: new here, it stays */
					json_array_append_new(gone, json_pack("{ssss}", "k", k, "local", local));
			}
		} else { /* the whole set: agreed records missing from it are gone */
			sqlite3_stmt *s;
			if (sqlite3_prepare_v2(rq->st->db, "SELECT rkey, local_version FROM sync_base WHERE kind = ?1", -1,
					       &s, NULL) != SQLITE_OK) {
				json_decref(gone);
				rc = store_error(rq->st, "reading the agreed versions", err);
				goto done;
			}
			sqlite3_bind_text(s, 1, t->name, -1, SQLITE_STATIC);
			int src;
			while ((src = sqlite3_step(s)) == SQLITE_ROW) {
				char k[400];
				snprintf(k, sizeof k, "%s/%s", t->name, (const char *)sqlite3_column_text(s, 0));
				if (!json_object_get(theirs, k))
					json_array_append_new(gone, json_pack("{ssss}", "k", k, "local",
									      (const char *)sqlite3_column_text(s, 1)));
			}
			sqlite3_finalize(s);
			if (src != SQLITE_DONE) {
				json_decref(gone);
				rc = store_error(rq->st, "reading the agreed versions", err);
				goto done;
			}
		}
		size_t gi;
		json_t *g;
		json_array_foreach(gone, gi, g) {
			const char *k = json_string_value(json_object_get(g, "k"));
			json_t *mine = json_object_get(ix, k);
			if (mine && strcmp(json_string_value(json_object_get(mine, "version")),
					   json_string_value(json_object_get(g, "local"))) != 0 &&
			    !json_object_get(pushed, k))
				keep_conflict(rq->st, NULL, rq->user.name, t->name, k + strlen(t->name) + 1, 409,
					      "deleted on the server, changed here", json_object_get(mine, "record"), NULL);
			json_t *key = mine ? json_object_get(mine, "key") : NULL;
			json_t *ka = NULL;
			if (!key) { /* not here either: only the agreement goes */
				ka = json_array();
				char part[300];
				snprintf(part, sizeof part, "%s", k + strlen(t->name) + 1);
				const char *names[TPL_MAX_KEY];
				int n = rec_key_names(t, names);
				char *save = NULL, *tok = strtok_r(part, "/", &save);
				for (int j = 0; j < n; j++, tok = strtok_r(NULL, "/", &save))
					json_array_append_new(ka, json_string(tok ? tok : ""));
				key = ka;
			}
			int prc = local_put(rq, t, key, NULL, NULL, NULL, err);
			json_decref(ka);
			if (prc < 0) {
				json_decref(gone);
				rc = ACTIP_ERR;
				goto done;
			}
			if (mine)
				(*deleted)++;
		}
		json_decref(gone);
	}
	/* then every record the server has, parents first */
	json_array_foreach(records, i, e) {
		const template *t = rec_kind(json_string_value(json_object_get(e, "kind")));
		json_t *rec = json_object_get(e, "record");
		const char *version = json_string_value(json_object_get(e, "version"));
		char rkey[300], k[400], server[40], local[40];
		sync_rkey(t, rec, rkey, sizeof rkey);
		snprintf(k, sizeof k, "%s/%s", t->name, rkey);
		int found = base_of(rq->st, t->name, rkey, server, local);
		if (found < 0) {
			rc = store_error(rq->st, "reading the agreed versions", err);
			goto done;
		}
		json_t *mine = json_object_get(ix, k), *mrec = mine ? json_object_get(mine, "record") : NULL;
		const char *mv = mine ? json_string_value(json_object_get(mine, "version")) : NULL;
		if (found && strcmp(server, version) == 0 && mv && strcmp(mv, local) == 0 && same_values(mrec, rec))
			continue; /* agreed, and unchanged on both sides (names shown as before) */
		if (mine && same_values(mrec, rec)) {
			/* the same on both sides (a change that reached the server by a bundle, or a
			 * row kept under its number): agreed as it is, nothing written */
			if (local_agree(rq, t, json_object_get(e, "key"), version, err) < 0) {
				rc = ACTIP_ERR;
				goto done;
			}
			continue;
		}
		bool changed_here = mine && (!found || strcmp(mv, local) != 0) && !json_object_get(pushed, k);
		if (changed_here) {
			if (!(found && strcmp(server, version) == 0))
				keep_conflict(rq->st, NULL, rq->user.name, t->name, rkey, 409,
					      "changed on both sides; the server's is kept here, yours is listed",
					      json_object_get(mine, "record"), NULL);
			else
				continue; /* changed here only: the next push sends it */
		}
		bool withdraws = mrec && takes_names(t, mrec, rec);
		if (withdraws && forget_names(rq->st, t, mrec) < 0) {
			rc = store_error(rq->st, "removing names from the change log", err);
			goto done;
		}
		int put = local_put(rq, t, json_object_get(e, "key"), rec, version,
				    json_string_value(json_object_get(e, "pseudonym")), err);
		if (put < 0) {
			rc = ACTIP_ERR;
			goto done;
		}
		if (put > 0) /* refers to a record of its kind still to come (a framework node's parent) */
			json_array_append(later, e);
		else if (withdraws)
			n->withdrawn++;
		else
			(*written)++;
	}
	/* then what waited for another record, as long as each pass stores some */
	while (json_array_size(later)) {
		json_t *again = json_array();
		json_array_foreach(later, i, e) {
			const template *t = rec_kind(json_string_value(json_object_get(e, "kind")));
			int put = local_put(rq, t, json_object_get(e, "key"), json_object_get(e, "record"),
					    json_string_value(json_object_get(e, "version")),
					    json_string_value(json_object_get(e, "pseudonym")), err);
			if (put < 0) {
				json_decref(again);
				rc = ACTIP_ERR;
				goto done;
			}
			if (put > 0)
				json_array_append(again, e);
			else
				(*written)++;
		}
		bool stuck = json_array_size(again) == json_array_size(later);
		json_decref(later);
		later = again;
		if (stuck) { /* err names the first record no pass could store */
			rc = ACTIP_ERR;
			goto done;
		}
	}
done:
	json_decref(later);
	json_decref(theirs);
	json_decref(ix);
	return rc;
}

json_t *sync_conflicts(store *st)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT id, at, account, kind, rkey, status, message, mine, theirs, resolution"
				       " FROM sync_conflict ORDER BY resolved_at IS NOT NULL, id",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	json_t *a = json_array();
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(sqlite3_column_int64(s, 0)));
		static const char *const names[] = {NULL, "at", "account", "kind", "key", NULL, "message", "mine", "theirs",
						    "resolution"};
		for (int c = 1; c < 10; c++) {
			if (c == 5) {
				json_object_set_new(o, "status", json_integer(sqlite3_column_int(s, 5)));
				continue;
			}
			const char *v = (const char *)sqlite3_column_text(s, c);
			json_t *j = v && (c == 7 || c == 8) ? json_loads(v, 0, NULL) : NULL;
			json_object_set_new(o, names[c], j ? j : v ? json_string(v) : json_null());
		}
		json_array_append_new(a, o);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		json_decref(a);
		return NULL;
	}
	return a;
}

int sync_resolve(web_req *rq, long long id, const char *choice, char *msg, size_t size)
{
	json_t *a = sync_conflicts(rq->st), *c = NULL;
	for (size_t i = 0; a && i < json_array_size(a); i++)
		if (json_integer_value(json_object_get(json_array_get(a, i), "id")) == id)
			c = json_array_get(a, i);
	int status = 200;
	if (!c || !json_is_null(json_object_get(c, "resolution"))) {
		snprintf(msg, size, "there is no open conflict %lld", id);
		json_decref(a);
		return 404;
	}
	const template *t = rec_kind(json_string_value(json_object_get(c, "kind")));
	if (!t) {
		snprintf(msg, size, "the conflict names no kind of record");
		json_decref(a);
		return 404;
	}
	if (strcmp(choice, "mine") == 0) {
		json_t *mine = json_object_get(c, "mine");
		char key[300];
		snprintf(key, sizeof key, "%s", json_string_value(json_object_get(c, "key")));
		rec_ref r = {.t = t};
		const char *names[TPL_MAX_KEY];
		r.nkey = rec_key_names(t, names);
		char *save = NULL, *tok = strtok_r(key, "/", &save);
		for (int i = 0; i < r.nkey; i++, tok = strtok_r(NULL, "/", &save))
			r.key[i] = tok ? tok : "";
		char now[33];
		int found = rec_version(rq->st, &r, now);
		free(r.old_json);
		r.old_json = NULL;
		msg[0] = '\0';
		if (found < 0) {
			status = 500;
		} else if (!mine || json_is_null(mine)) {
			if (found > 0)
				status = rec_delete(rq, &r, now, false, NULL, msg, size);
		} else {
			json_t *body = json_deep_copy(mine);
			int64_t at = 0;
			if (t->kind->seq_key && text_parse_count(r.key[1], &at) < 0)
				at = 0;
			json_object_del(body, "seq");
			web_write w;
			rec_write(rq, &r, body, found > 0 ? now : "", at, &w);
			status = w.status;
			write_message(&w, msg, size);
			web_write_free(&w);
			json_decref(body);
		}
		if (status != 200) {
			char why[400];
			snprintf(why, sizeof why, "%s", msg[0] ? msg : "the write failed");
			snprintf(msg, size, "the sent version could not be written (%d): %s", status, why);
			json_decref(a);
			return status;
		}
	}
	json_decref(a);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "UPDATE sync_conflict SET resolved_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
					   " resolution = ?2 WHERE id = ?1 AND resolved_at IS NULL", -1, &s, NULL) != SQLITE_OK) {
		snprintf(msg, size, "the conflict could not be marked resolved");
		return 500;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, choice, -1, SQLITE_STATIC);
	int step = sqlite3_step(s);
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		snprintf(msg, size, "the conflict could not be marked resolved");
		return 500;
	}
	snprintf(msg, size, "%s", strcmp(choice, "mine") == 0 ? "the sent version was written" : "the stored version stays");
	return 200;
}
