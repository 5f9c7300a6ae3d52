/* Sync's internals shared by its files (sync.c names which file holds what); not for
 * use outside src/web/sync*.c. */
#ifndef ACTIP_WEB_SYNC_INT_H
#define ACTIP_WEB_SYNC_INT_H

#include <jansson.h>

#include "web/records.h"
#include "web/sync.h"
#include "web/write.h"

/* ---- sync.c: keys and pseudonyms ---- */

/* The key values of a record as a JSON array. */
json_t *sync_key_array(const template *t, json_t *rec);

/* The key array of a record key joined by '/' (sync_rkey's form). */
json_t *sync_rkey_array(const template *t, const char *rkey);

/* A rec_ref of a kind and a key array (values borrowed from the array); false when the
 * array does not fit the kind's key. */
bool sync_ref_of(rec_ref *r, const template *t, json_t *key);

/* The key values of a ref joined by '/'. */
void sync_ref_rkey(const rec_ref *r, char *out, size_t size);

/* Does a record of this kind carry a pseudonym beside it (a participant of a
 * pseudonymised store)? */
bool sync_carries_pseudonym(store *st, const template *t);

/* Puts a pseudonym back on a participant row (seq 0: the activity's last row); 0 or -1. */
int sync_pseudonym_put(store *st, const char *activity, long long seq, const char *pseudonym);

/* ---- sync_apply.c ---- */

/* What store.before_commit records of an item applied on the server. */
typedef struct applied_mark {
	const char *id, *account;
	int status;
	const char *message;
	const char *kind, *rkey; /* an applied change: this account's open conflicts of the record are settled */
	const char *activity, *pseudonym; /* a participant's pseudonym (see sync_carries_pseudonym) */
	long long seq;                    /* its row; 0: the row just appended */
} applied_mark;

/* store.before_commit: the item (an applied_mark) is applied, in the write's own
 * transaction. 0 or -1. */
int sync_mark_applied(store *st, void *ctx);

/* ---- sync_conflict.c ---- */

/* The errors of a refused write as one line. */
void sync_write_message(const web_write *w, char *out, size_t size);

/* Stores a conflict row (and, when id is set, the item's answer) in one transaction;
 * mine is the record sent (NULL or null: a deletion), theirs the stored one's JSON text. */
int sync_keep_conflict(store *st, const char *id, const char *account, const char *kind, const char *rkey,
		       int status, const char *message, json_t *mine, const char *theirs);

/* ---- sync_local.c ---- */

/* The agreed versions of a record: 1 found, 0 none, -1 error. */
int sync_base_of(store *st, const char *kind, const char *rkey, char server[40], char local[40]);

/* The local records of every kind (admin's view: all fields) by "kind/rkey":
 * {"kind","key","version","record"}; NULL on a database error. */
json_t *sync_local_index(web_req *rq);

/* Writes (record) or deletes (NULL) one record locally with its agreed version, in one
 * transaction: 0; 1 when the importer refused it as it stands (it may fit once other
 * records are in; err says why); -1 on any other failure. */
int sync_local_put(web_req *rq, const template *t, json_t *key, json_t *record, const char *server_version,
		   const char *pseudonym, actip_err *err);

/* Records that the local record of key agrees with the server's version. 0 or -1. */
int sync_local_agree(web_req *rq, const template *t, json_t *key, const char *server_version, actip_err *err);

/* ---- sync_withdraw.c ---- */

/* Do two records hold the same values (a field missing from one and blank in the other
 * counting as the same)? */
bool sync_same_values(json_t *a, json_t *b);

/* Does the server's record leave out people's details the local one holds? */
bool sync_takes_names(const template *t, json_t *mine, json_t *theirs);

/* Removes the change log's copies of a record's names (their changesets). 0 or -1. */
int sync_forget_names(store *st, const template *t, json_t *mine);

#endif
