/* The server applies a pushed item (sync_apply_item, docs/sync.md "Conflicts"): as the
 * pushing account through the records engine, only when it was based on the stored
 * version; a change made on both sides or refused is kept as a conflict and answered
 * with the record as it stays here. The item's answer (sync_applied) is stored in the
 * write's own transaction, so an item sent again is answered, not applied twice. */
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

int sync_mark_applied(store *st, void *ctx)
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
	if (m->pseudonym && sync_pseudonym_put(st, m->activity, m->seq, m->pseudonym) < 0)
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
	if (!sync_ref_of(&r, t, json_object_get(item, "key")))
		return answer(id, 400, "the key does not fit the kind");
	char rkey[300], now[33];
	sync_ref_rkey(&r, rkey, sizeof rkey);
	/* based on the current version? (the write checks again under the write lock) */
	int found = create_seq ? 0 : rec_version(rq->st, &r, now);
	char *theirs = r.old_json;
	r.old_json = NULL;
	if (found < 0) {
		free(theirs);
		return answer(id, 500, "the database is not available");
	}
	if (!create_seq && strcmp(found ? now : "", base) != 0) {
		int rc = sync_keep_conflict(rq->st, id, rq->user.name, kind, rkey, 409,
				       "changed on both sides since they last agreed", record, theirs);
		free(theirs);
		return rc < 0 ? answer(id, 500, "the conflict could not be stored")
			      : answer(id, 409, "changed on both sides since they last agreed; both kept");
	}
	applied_mark am = {id, rq->user.name, 200, NULL, kind, rkey, NULL, NULL, 0};
	if (sync_carries_pseudonym(rq->st, t) && record && !json_is_null(record)) {
		am.activity = r.key[0];
		am.pseudonym = json_string_value(json_object_get(item, "pseudonym"));
	}
	rq->st->before_commit = sync_mark_applied;
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
		sync_write_message(&w, msg, sizeof msg);
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
				json_object_set_new(ok, "key", sync_key_array(t, last));
			json_decref(last);
		}
		return ok;
	}
	int rc = sync_keep_conflict(rq->st, id, rq->user.name, kind, rkey, status, msg, record, theirs);
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
	    !sync_ref_of(&r, t, json_object_get(item, "key")))
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
