/* Conflicts (docs/sync.md): a change made on both sides, or refused, is kept with both
 * versions in sync_conflict until a person chooses (actip sync resolve, the admins'
 * page); listed for `actip sync conflicts` and the page. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/sync.h"
#include "web/sync_int.h"
#include "web/write.h"

/* The errors of a refused write as one line. */
void sync_write_message(const web_write *w, char *out, size_t size)
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

/* Stores a conflict row (and, when id is set, the item's answer) in one transaction. */
int sync_keep_conflict(store *st, const char *id, const char *account, const char *kind, const char *rkey,
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
	if (rc != SQLITE_DONE || (id && sync_mark_applied(st, &am) < 0) || store_commit(st, &err) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
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
			sync_write_message(&w, msg, size);
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

/* rec_each: keeps the first record. */
static bool first_rec(json_t *rec, void *ctx)
{
	*(json_t **)ctx = json_incref(rec);
	return false;
}

json_t *sync_refusals(web_req *rq)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT kind, rkey, status, message, mine FROM sync_conflict"
					   " WHERE account = ?1 AND resolved_at IS NULL ORDER BY id",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(s, 1, rq->user.name, -1, SQLITE_STATIC);
	json_t *out = json_array();
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const template *t = rec_kind((const char *)sqlite3_column_text(s, 0));
		if (!t)
			continue;
		json_t *key = sync_rkey_array(t, (const char *)sqlite3_column_text(s, 1));
		const char *mine = (const char *)sqlite3_column_text(s, 4);
		json_t *record = mine ? json_loads(mine, 0, NULL) : NULL, *stored = NULL;
		rec_ref r;
		if (sync_ref_of(&r, t, key) && rec_each(rq->st, t, r.key, r.nkey, first_rec, &stored) < 0)
			rc = SQLITE_ERROR;
		/* as a push's item and answer (sync_after_push): the record as it stays here */
		json_t *item = json_pack("{s:s, s:O, s:s, s:o}", "kind", t->name, "key", key, "base",
					 stored ? "stored" : "", "record", record ? record : json_null());
		json_t *res = json_pack("{s:i, s:s?, s:o}", "status", sqlite3_column_int(s, 2), "message",
					(const char *)sqlite3_column_text(s, 3), "server",
					stored ? sync_entry(rq, t, stored) : json_null());
		json_array_append_new(out, json_pack("{soso}", "item", item, "result", res));
		json_decref(stored);
		json_decref(key);
		if (rc == SQLITE_ERROR)
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* Is the same refusal (of the same change) listed here already, not yet resolved? 1,
 * 0, or -1. */
static int listed(store *st, json_t *item, json_t *result)
{
	const template *t = rec_kind(json_string_value(json_object_get(item, "kind")));
	rec_ref r;
	if (!t || !sync_ref_of(&r, t, json_object_get(item, "key")))
		return -1;
	char rkey[300];
	sync_ref_rkey(&r, rkey, sizeof rkey);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sync_conflict WHERE kind = ?1 AND rkey = ?2 AND status = ?3"
				       " AND message IS ?4 AND mine IS ?5 AND resolved_at IS NULL", -1, &s, NULL) != SQLITE_OK)
		return -1;
	json_t *record = json_object_get(item, "record");
	char *mine = json_is_object(record) ? json_dumps(record, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	store_bind_text(s, 5, mine);
	sqlite3_bind_text(s, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, rkey, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, (int)json_integer_value(json_object_get(result, "status")));
	store_bind_text(s, 4, json_string_value(json_object_get(result, "message")));
	int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_finalize(s);
	free(mine);
	return n < 0 ? -1 : n > 0;
}

int sync_take_refusals(web_req *rq, json_t *refusals, long *taken)
{
	*taken = 0;
	size_t i;
	json_t *e;
	json_array_foreach(refusals, i, e) {
		json_t *item = json_object_get(e, "item"), *result = json_object_get(e, "result");
		int seen = listed(rq->st, item, result);
		if (seen < 0)
			return -1;
		if (seen)
			continue;
		if (sync_after_push(rq, item, result) < 0)
			return -1;
		(*taken)++;
	}
	return 0;
}
