/* A client's copy (docs/sync.md): the versions it and the server last agreed on per
 * record (sync_base), a server's record written here with that agreement in the same
 * transaction, the local changes to push (records whose version moved since), and what
 * a push's answers leave here. */
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

/* The agreed versions of a record: 1 found, 0 none, -1 error. */
int sync_base_of(store *st, const char *kind, const char *rkey, char server[40], char local[40])
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
		    sync_pseudonym_put(st, b->r->key[0], n, b->pseudonym) < 0)
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
json_t *sync_local_index(web_req *rq)
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
int sync_local_put(web_req *rq, const template *t, json_t *key, json_t *record, const char *server_version,
		     const char *pseudonym, actip_err *err)
{
	rec_ref r;
	if (!sync_ref_of(&r, t, key))
		return err_set(err, ACTIP_ERR, "a %s from the server has a bad key", t->kind->one);
	char rkey[300], now[33];
	sync_ref_rkey(&r, rkey, sizeof rkey);
	int found = rec_version(rq->st, &r, now);
	free(r.old_json);
	r.old_json = NULL;
	if (found < 0)
		return store_error(rq->st, "reading a record", err);
	base_mark bm = {&r, t->name, rkey, record ? server_version : NULL,
			sync_carries_pseudonym(rq->st, t) ? pseudonym : NULL};
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
		sync_write_message(&w, msg, sizeof msg);
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
int sync_local_agree(web_req *rq, const template *t, json_t *key, const char *server_version, actip_err *err)
{
	rec_ref r;
	if (!sync_ref_of(&r, t, key))
		return err_set(err, ACTIP_ERR, "a %s from the server has a bad key", t->kind->one);
	char rkey[300];
	sync_ref_rkey(&r, rkey, sizeof rkey);
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
	json_t *ix = sync_local_index(rq);
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
		int found = sync_base_of(rq->st, kind, rkey, server, local);
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
		json_t *ka = sync_rkey_array(t, rkey);
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
	if (!sync_ref_of(&r, t, json_object_get(item, "key")))
		return -1;
	char rkey[300];
	sync_ref_rkey(&r, rkey, sizeof rkey);
	if (status != 200 &&
	    sync_keep_conflict(rq->st, NULL, rq->user.name, kind, rkey, status,
			  json_string_value(json_object_get(result, "message")), record, NULL) < 0)
		return -1;
	/* refused or kept as a conflict: the server's record, sent back, is taken again here
	 * (it did not change there, so no pull would bring it) */
	json_t *server = json_object_get(result, "server");
	if (status != 200 && json_is_object(server)) {
		actip_err err;
		return sync_local_put(rq, t, json_object_get(item, "key"), json_object_get(server, "record"),
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
