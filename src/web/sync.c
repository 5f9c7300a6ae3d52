/* Sync between instances (see sync.h and docs/sync.md), what both sides share: the
 * local request a sync runs as, records as sync lists them (with their keys and, in a
 * pseudonymised store, their pseudonyms), and the instance's sync state and keys. Where
 * the rest lives: sync_apply.c (the server applies a pushed item), sync_local.c (a
 * client's agreed versions, local writes and changes to push), sync_pull.c (a client
 * applies the server's records), sync_withdraw.c (names an account may no longer see),
 * sync_conflict.c (conflicts kept, listed, resolved), sync_index.c (what changed since an
 * epoch), sync_bundle.c (bundles), api_sync.c (the routes). Every write goes through the
 * records engine (records.c), so the guards, locks and audit are the same as a form's
 * or the API's; sync's own bookkeeping is written by store.before_commit inside the same
 * transaction as the record, so a kill -9 leaves either both or neither. */
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
json_t *sync_key_array(const template *t, json_t *rec)
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
bool sync_carries_pseudonym(store *st, const template *t)
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
int sync_pseudonym_put(store *st, const char *activity, long long seq, const char *pseudonym)
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
	json_t *e = json_pack("{sssososo}", "kind", t->name, "key", sync_key_array(t, rec), "version", version, "record",
			      shown);
	if (sync_carries_pseudonym(rq->st, t)) {
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

json_t *sync_rkey_array(const template *t, const char *rkey)
{
	json_t *ka = json_array();
	char part[300];
	snprintf(part, sizeof part, "%s", rkey);
	const char *names[TPL_MAX_KEY];
	int n = rec_key_names(t, names);
	char *save = NULL, *tok = strtok_r(part, "/", &save);
	for (int i = 0; i < n; i++, tok = strtok_r(NULL, "/", &save))
		json_array_append_new(ka, json_string(tok ? tok : ""));
	return ka;
}

/* A rec_ref of a kind and a key array (values borrowed from the array). */
bool sync_ref_of(rec_ref *r, const template *t, json_t *key)
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
void sync_ref_rkey(const rec_ref *r, char *out, size_t size)
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
