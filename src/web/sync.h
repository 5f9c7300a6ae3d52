/* Sync between instances (docs/sync.md): the records of every kind as one list (what an
 * account may read, each with its version), a pushed item applied as the pushing account
 * through the records engine (records.h: the same role, country, body and lock rules and
 * audit as any write), and the same records written on a client. Shared by the server's
 * routes (api_sync.c), `actip sync` (cli/cmd_sync.c) and bundles. */
#ifndef ACTIP_WEB_SYNC_H
#define ACTIP_WEB_SYNC_H

#include <jansson.h>

#include "import/template.h"
#include "web/web.h"

/* A request for work done on a store outside the server (the client side, a bundle):
 * the named account with its role, country and body; the guard triggers installed. */
int sync_local_req(web_req *rq, store *st, const web_user *u, actip_err *err);

/* Every record of every kind as the user may see it: an array of
 * {"kind", "key":[values], "version", "record"} in the kinds' order (parents first). */
json_t *sync_records(web_req *rq);

/* One stored record as sync_records lists it for rq's user: {"kind","key","version",
 * "record"}, and "pseudonym" for a participant of a pseudonymised store (sync.c). */
json_t *sync_entry(web_req *rq, const template *t, json_t *rec);

/* A record's key values joined by '/' ("KH-2021-001/3") into out. */
void sync_rkey(const template *t, json_t *rec, char *out, size_t size);

/* Applies one pushed item {"id","kind","key":[...],"base","record"|null} as rq's user:
 * answered from sync_applied when its id was applied before; a record changed since
 * base is kept as a conflict (both versions stored, status 409); a refused write (403,
 * 422, a locked period) is stored as refused. Returns {"id","status","message"}. */
json_t *sync_apply_item(web_req *rq, json_t *item);

/* A value of sync_state into out ("" when none): 1 found, 0 none, -1 error; and one
 * stored (0 or -1). Names: server, user, cursor, key (the server's key on a client),
 * instance_key (this instance's own). */
int sync_state_get(store *st, const char *name, char *out, size_t size);
int sync_state_put(store *st, const char *name, const char *value);

/* The sync key of this instance (32 bytes, made on first use) as 64 hex digits. */
int sync_key_hex(store *st, char out[65], actip_err *err);

/* The pseudonymisation check of this store ("" when it keeps names) into out. */
void sync_privacy_id(store *st, char out[65]);

/* The client's side: applies the server's records (sync_records' list, or
 * sync_changes' "records") to the local store as its account. gone NULL: records is the
 * whole readable set, and an agreed record missing from it was deleted; else gone lists
 * the deleted ones ({"kind","key"}) and records only what changed. Records changed here
 * and not in `pushed` (an object of item ids by "kind/rkey") are kept, and listed as
 * conflicts when the server changed them too; a record the same on both sides is agreed.
 * A record the account may no longer see in full (its names: rec_shown) is stored
 * without them and the change log's copies of them go (the names leave this copy;
 * nothing is sent back, nothing deleted on the server). Counts into *n. 0 or -1 (err).
 * The caller holds the pull in one batch (store_batch_begin) with its cursor. */
typedef struct sync_tally {
	long written;   /* records stored or changed */
	long deleted;   /* records deleted (the server deleted them) */
	long withdrawn; /* records stored again without the names this account may no longer see */
} sync_tally;
int sync_pull_apply(web_req *rq, json_t *records, json_t *gone, json_t *pushed, sync_tally *n, actip_err *err);

/* The server's side of an incremental pull (sync_index.c). sync_index_refresh brings the
 * index of every record up to date (a write only when the change log moved) and gives
 * its epoch. sync_changes answers a client that agreed up to epoch since (-1: none):
 * {"cursor": epoch, "full": bool, "records": [as sync_records, for the user], "gone":
 * [{"kind","key"}]}: every readable record when full, else those changed after since and
 * the keys deleted after it. NULL with err on a database error. */
int sync_index_refresh(web_req *rq, long long *epoch, actip_err *err);
json_t *sync_changes(web_req *rq, long long since, long long *epoch, actip_err *err);

/* A server's history (sync_index.c): each epoch gets a random token when it is made;
 * a client keeps the token of the epoch it agreed up to. sync_epoch_token reads one (1
 * found, 0 none, -1 error); sync_history_holds says whether this server's history still
 * holds that epoch with that token (false after a restore from a backup made before it;
 * true for an empty token); sync_add_token adds "token" of epoch to an answer. */
int sync_epoch_token(store *st, long long epoch, char out[33]);
bool sync_history_holds(store *st, long long epoch, const char *token);
void sync_add_token(store *st, json_t *o, long long epoch);

/* The client's local changes since the last agreement as push items (see
 * sync_apply_item), in the kinds' order, deletions last. */
json_t *sync_local_changes(web_req *rq);

/* After a push: records a refused item as a local conflict; removes a pushed new row
 * the server numbers (the server's own copy comes with the pull). */
int sync_after_push(web_req *rq, json_t *item, json_t *result);

/* The bundle key of an account (64 hex digits) from the instance's key: a bundle that
 * names the account must be authenticated with it. */
void sync_bundle_key(const char instance_key[65], const char *account, char out[65]);

/* The public id of an instance (16 hex digits) from its key, named in its bundles. */
void sync_instance_id(const char instance_key[65], char out[17]);

/* A bundle: {"format":"actip-sync-bundle","instance","account","since","items":[...]}
 * and a line "mac HEX" (crypto_auth with the account's bundle key over everything
 * before it). sync_bundle_write writes one (body's fields after the first three);
 * sync_bundle_open checks one read from path for this instance (its key) and returns
 * the parsed object, or NULL with err saying why (another instance's, altered, not a
 * bundle, one going the other way). */
int sync_bundle_write(const char *path, const char *instance, const char *account, const char bkey[65],
		      json_t *body, actip_err *err);
json_t *sync_bundle_open(const char *path, const char instance_key[65], actip_err *err);

/* The other way (docs/sync.md, "Without any link"): a server's bundle for an instance
 * cloned from it, {"format","instance","account","direction":"down","since","cursor",
 * "people","full","records","gone"}, made with the account's bundle key. The instance
 * checks it with the server's instance id and the bundle key it was given at clone
 * (instance_key NULL); with instance_key, sync_bundle_read is sync_bundle_open. Each
 * side refuses a bundle meant for the other. */
json_t *sync_bundle_read(const char *path, const char *instance_key, const char *instance_id, const char *bkey,
			 actip_err *err);

/* The server's side of a return bundle (docs/sync.md, "Without any link"): rq's
 * user's open conflicts and refused changes, each as {"item": a push item, "result": its
 * answer, with the record as it stays on the server}; NULL on a database error. The
 * instance takes them with sync_take_refusals as if a push had been answered so
 * (sync_after_push), skipping those it lists already; counts the new ones. 0 or -1. */
json_t *sync_refusals(web_req *rq);
int sync_take_refusals(web_req *rq, json_t *refusals, long *taken);

/* The conflicts of a store as JSON (unresolved first). */
json_t *sync_conflicts(store *st);

/* Resolves the open conflict id: "mine" writes the version that was sent (or deletes
 * the record when the sent change was a deletion) as rq's user; "theirs" keeps the
 * record as it is. The conflict is then marked resolved. 200, or the status with msg. */
int sync_resolve(web_req *rq, long long id, const char *choice, char *msg, size_t size);

#endif
