/* What changed since a client last agreed (docs/sync.md): the index of every record an
 * instance holds, with the version it has (for a kind with people's names, with the
 * countries whose officers may see them: rec_scope) and the epoch at which that version
 * was first seen, so that a pull or a return bundle carries only the records changed since the
 * client's epoch and the keys of those deleted since, instead of every record.
 *
 * Why an index and not the change log's changesets: a change set names table rows, and
 * a record of one kind spans several tables (an activity and its outcome links); the
 * records engine (records.c) already reads every kind from its one description and gives
 * each record a version, so comparing versions needs no second description of the kinds.
 * The index is brought up to date lazily, under the write lock, only when the change log
 * moved since the last time (sync_state 'index_seq'); the epoch ('index_epoch') then
 * moves by one when at least one record's version differs. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/records.h"
#include "web/sync.h"

/* A sync_state value as a number (0 when none or not a number). */
static long long state_num(store *st, const char *name)
{
	char v[32];
	if (sync_state_get(st, name, v, sizeof v) <= 0)
		return 0;
	char *end;
	long long n = strtoll(v, &end, 10);
	return *end || n < 0 ? 0 : n;
}

/* Stores a number in sync_state. */
static int state_put_num(store *st, const char *name, long long n)
{
	char v[32];
	snprintf(v, sizeof v, "%lld", n);
	return sync_state_put(st, name, v);
}

/* The index as an object "kind/rkey" -> version (null for a tombstone). */
static json_t *index_load(store *st)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT kind, rkey, version FROM sync_index", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	json_t *ix = json_object();
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char k[400];
		snprintf(k, sizeof k, "%s/%s", (const char *)sqlite3_column_text(s, 0),
			 (const char *)sqlite3_column_text(s, 1));
		const char *v = (const char *)sqlite3_column_text(s, 2);
		json_object_set_new(ix, k, v ? json_string(v) : json_null());
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		json_decref(ix);
		return NULL;
	}
	return ix;
}

/* Compares every record with the index and stamps those that differ with epoch; returns
 * how many differed, or -1. Runs inside the caller's write transaction. */
static long index_stamp(web_req *rq, long long epoch)
{
	web_user keep = rq->user;
	rq->user.role = ROLE_ADMIN; /* the stored record, names and all: its version */
	json_t *all = sync_records(rq);
	rq->user = keep;
	json_t *ix = all ? index_load(rq->st) : NULL;
	sqlite3_stmt *put = NULL, *gone = NULL;
	long changed = -1;
	if (!ix ||
	    sqlite3_prepare_v2(rq->st->db, "INSERT OR REPLACE INTO sync_index(kind, rkey, key, version, epoch)"
					   " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &put, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(rq->st->db, "UPDATE sync_index SET version = NULL, epoch = ?3 WHERE kind = ?1 AND rkey = ?2",
			       -1, &gone, NULL) != SQLITE_OK)
		goto done;
	changed = 0;
	size_t i;
	json_t *e;
	json_array_foreach(all, i, e) {
		const char *kind = json_string_value(json_object_get(e, "kind"));
		const char *version = json_string_value(json_object_get(e, "version"));
		const template *t = rec_kind(kind);
		char rkey[300], k[400], stamp[400], scope[300];
		sync_rkey(t, json_object_get(e, "record"), rkey, sizeof rkey);
		if (t->kind->private_cols && version) {
			/* whose names these are: a record whose names an account may see changes
			 * for that account when another record moves it (an activity's country) */
			if (rec_scope(rq->st, t, json_object_get(e, "record"), scope, sizeof scope) < 0) {
				changed = -1;
				goto done;
			}
			snprintf(stamp, sizeof stamp, "%s@%s", version, scope);
			version = stamp;
		}
		snprintf(k, sizeof k, "%s/%s", kind, rkey);
		const char *had = json_string_value(json_object_get(ix, k));
		bool same = had && version && strcmp(had, version) == 0;
		json_object_del(ix, k); /* frees had */
		if (same)
			continue;
		char *key = json_dumps(json_object_get(e, "key"), JSON_COMPACT);
		sqlite3_bind_text(put, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, rkey, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 3, key ? key : "[]", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(put, 4, version ? version : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(put, 5, epoch);
		int rc = sqlite3_step(put);
		sqlite3_reset(put);
		free(key);
		if (rc != SQLITE_DONE) {
			changed = -1;
			goto done;
		}
		changed++;
	}
	/* what is left of the index and not yet a tombstone: deleted since */
	const char *k;
	json_t *v;
	json_object_foreach(ix, k, v) {
		if (json_is_null(v))
			continue;
		const char *slash = strchr(k, '/');
		if (!slash)
			continue;
		sqlite3_bind_text(gone, 1, k, (int)(slash - k), SQLITE_STATIC);
		sqlite3_bind_text(gone, 2, slash + 1, -1, SQLITE_STATIC);
		sqlite3_bind_int64(gone, 3, epoch);
		int rc = sqlite3_step(gone);
		sqlite3_reset(gone);
		if (rc != SQLITE_DONE) {
			changed = -1;
			goto done;
		}
		changed++;
	}
done:
	sqlite3_finalize(put);
	sqlite3_finalize(gone);
	json_decref(ix);
	json_decref(all);
	return changed;
}

/* The name of an epoch's token in sync_state. */
static void token_name(long long epoch, char out[40])
{
	snprintf(out, 40, "epoch:%lld", epoch);
}

/* Gives a new epoch its token: random, so that a server restored from a backup, whose
 * epochs grow again from an older point, makes other tokens for the same numbers. */
static int epoch_mark(store *st, long long epoch)
{
	unsigned char r[16];
	char hex[33], name[40];
	randombytes_buf(r, sizeof r);
	sodium_bin2hex(hex, sizeof hex, r, sizeof r);
	token_name(epoch, name);
	return sync_state_put(st, name, hex);
}

int sync_epoch_token(store *st, long long epoch, char out[33])
{
	char name[40];
	token_name(epoch, name);
	return sync_state_get(st, name, out, 33);
}

bool sync_history_holds(store *st, long long epoch, const char *token)
{
	char mine[33];
	if (!token || !*token)
		return true; /* a copy cloned before epochs had tokens: nothing to compare */
	return sync_epoch_token(st, epoch, mine) > 0 && strcmp(mine, token) == 0;
}

int sync_index_refresh(web_req *rq, long long *epoch, actip_err *err)
{
	store *st = rq->st;
	long long seq;
	if (store_change_seq(st, &seq) < 0)
		return store_error(st, "reading the change log", err);
	*epoch = state_num(st, "index_epoch");
	char had[32];
	int found = sync_state_get(st, "index_seq", had, sizeof had);
	if (found < 0)
		return store_error(st, "reading the sync index", err);
	if (found && *epoch > 0 && strtoll(had, NULL, 10) == seq)
		return ACTIP_OK; /* no write since the last indexing */
	if (store_begin(st, err) < 0)
		return ACTIP_ERR;
	/* again under the write lock: another connection may have indexed meanwhile */
	*epoch = state_num(st, "index_epoch");
	long changed = -1;
	if (store_change_seq(st, &seq) == 0)
		changed = index_stamp(rq, *epoch + 1);
	if (changed < 0 || (changed > 0 && (state_put_num(st, "index_epoch", *epoch + 1) < 0 ||
					    epoch_mark(st, *epoch + 1) < 0)) ||
	    state_put_num(st, "index_seq", seq) < 0) {
		store_error(st, "updating the sync index", err);
		store_rollback(st);
		return ACTIP_ERR;
	}
	if (store_commit(st, err) < 0) {
		store_rollback(st);
		return ACTIP_ERR;
	}
	if (changed > 0)
		(*epoch)++;
	return ACTIP_OK;
}

typedef struct one_rec {
	web_req *rq;
	const template *t;
	const char *rkey; /* the key wanted: an empty key field matches any value (rec_each) */
	json_t *out;
} one_rec;

/* The record of a key as the user may see it, as sync_records gives it. */
static bool take_one(json_t *rec, void *ctx)
{
	one_rec *o = ctx;
	char rkey[300];
	sync_rkey(o->t, rec, rkey, sizeof rkey);
	if (strcmp(rkey, o->rkey) != 0)
		return true;
	o->out = sync_entry(o->rq, o->t, rec);
	return false;
}

void sync_add_token(store *st, json_t *o, long long epoch)
{
	char token[33];
	if (o && sync_epoch_token(st, epoch, token) > 0)
		json_object_set_new(o, "token", json_string(token));
}

json_t *sync_changes(web_req *rq, long long since, long long *epoch, actip_err *err)
{
	if (sync_index_refresh(rq, epoch, err) < 0)
		return NULL;
	bool began;
	if (store_read_begin(rq->st, &began, err) < 0)
		return NULL;
	json_t *out = NULL;
	if (since < 0 || since > *epoch) { /* a new client, or one of another index: everything */
		json_t *records = sync_records(rq);
		if (records) {
			out = json_pack("{sIsbsoso}", "cursor", (json_int_t)*epoch, "full", 1, "records", records, "gone",
					json_array());
			sync_add_token(rq->st, out, *epoch);
		} else {
			store_error(rq->st, "reading the records", err);
		}
		store_read_end(rq->st, began);
		return out;
	}
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT kind, key, version, rkey FROM sync_index WHERE epoch > ?1"
					   " ORDER BY version IS NULL, epoch", -1, &s, NULL) != SQLITE_OK) {
		store_error(rq->st, "reading the sync index", err);
		store_read_end(rq->st, began);
		return NULL;
	}
	sqlite3_bind_int64(s, 1, since);
	json_t *records = json_array(), *gone = json_array();
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const template *t = rec_kind((const char *)sqlite3_column_text(s, 0));
		json_t *key = json_loads((const char *)sqlite3_column_text(s, 1), 0, NULL);
		const char *keys[TPL_MAX_KEY];
		size_t n = json_array_size(key);
		if (!t || !key || n > TPL_MAX_KEY) {
			json_decref(key);
			continue; /* a kind this binary no longer has */
		}
		for (size_t i = 0; i < n; i++)
			keys[i] = json_string_value(json_array_get(key, i));
		one_rec o = {rq, t, (const char *)sqlite3_column_text(s, 3), NULL};
		if (sqlite3_column_type(s, 2) != SQLITE_NULL && rec_each(rq->st, t, keys, (int)n, take_one, &o) < 0) {
			json_decref(key);
			rc = SQLITE_ERROR;
			break;
		}
		if (o.out) {
			json_array_append_new(records, o.out);
		} else { /* deleted since (or gone between the indexing and this read) */
			json_array_append_new(gone, json_pack("{sssO}", "kind", t->name, "key", key));
		}
		json_decref(key);
	}
	sqlite3_finalize(s);
	store_read_end(rq->st, began);
	if (rc != SQLITE_DONE) {
		json_decref(records);
		json_decref(gone);
		store_error(rq->st, "reading the changed records", err);
		return NULL;
	}
	/* parents before children, as in a full list: the kinds' order */
	json_t *sorted = json_array();
	for (int ti = 0; ti < template_count; ti++) {
		size_t i;
		json_t *e;
		json_array_foreach(records, i, e)
			if (strcmp(json_string_value(json_object_get(e, "kind")), template_table[ti]->name) == 0)
				json_array_append(sorted, e);
	}
	json_decref(records);
	out = json_pack("{sIsbsoso}", "cursor", (json_int_t)*epoch, "full", 0, "records", sorted, "gone", gone);
	sync_add_token(rq->st, out, *epoch);
	return out;
}
