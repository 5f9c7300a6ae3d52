/* A client applies the server's records (a pull or a return bundle, docs/sync.md):
 * deletions first, children before parents; then every record the server sent, parents
 * first, unless it is agreed and unchanged; a record changed on both sides keeps the
 * server's version and lists the local one as a conflict; names the account may no
 * longer see are withdrawn (sync_withdraw.c); what waits for another record is tried
 * again as long as each pass stores some. The caller holds it all in one batch. */
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

int sync_pull_apply(web_req *rq, json_t *records, json_t *gone_keys, json_t *pushed, sync_tally *n, actip_err *err)
{
	long *written = &n->written, *deleted = &n->deleted;
	memset(n, 0, sizeof *n);
	json_t *ix = sync_local_index(rq);
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
				if (!kind || strcmp(kind, t->name) != 0 || !sync_ref_of(&r, t, json_object_get(d, "key")))
					continue;
				sync_ref_rkey(&r, rkey, sizeof rkey);
				int found = sync_base_of(rq->st, t->name, rkey, server, local);
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
				sync_keep_conflict(rq->st, NULL, rq->user.name, t->name, k + strlen(t->name) + 1, 409,
					      "deleted on the server, changed here", json_object_get(mine, "record"), NULL);
			json_t *key = mine ? json_object_get(mine, "key") : NULL;
			json_t *ka = NULL;
			if (!key) { /* not here either: only the agreement goes */
				key = ka = sync_rkey_array(t, k + strlen(t->name) + 1);
			}
			int prc = sync_local_put(rq, t, key, NULL, NULL, NULL, err);
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
		int found = sync_base_of(rq->st, t->name, rkey, server, local);
		if (found < 0) {
			rc = store_error(rq->st, "reading the agreed versions", err);
			goto done;
		}
		json_t *mine = json_object_get(ix, k), *mrec = mine ? json_object_get(mine, "record") : NULL;
		const char *mv = mine ? json_string_value(json_object_get(mine, "version")) : NULL;
		if (found && strcmp(server, version) == 0 && mv && strcmp(mv, local) == 0 && sync_same_values(mrec, rec))
			continue; /* agreed, and unchanged on both sides (names shown as before) */
		if (mine && sync_same_values(mrec, rec)) {
			/* the same on both sides (a change that reached the server by a bundle, or a
			 * row kept under its number): agreed as it is, nothing written */
			if (sync_local_agree(rq, t, json_object_get(e, "key"), version, err) < 0) {
				rc = ACTIP_ERR;
				goto done;
			}
			continue;
		}
		bool changed_here = mine && (!found || !mv || strcmp(mv, local) != 0) && !json_object_get(pushed, k);
		if (changed_here) {
			if (!(found && strcmp(server, version) == 0))
				sync_keep_conflict(rq->st, NULL, rq->user.name, t->name, rkey, 409,
					      "changed on both sides; the server's is kept here, yours is listed",
					      json_object_get(mine, "record"), NULL);
			else
				continue; /* changed here only: the next push sends it */
		}
		bool withdraws = mrec && sync_takes_names(t, mrec, rec);
		if (withdraws && sync_forget_names(rq->st, t, mrec) < 0) {
			rc = store_error(rq->st, "removing names from the change log", err);
			goto done;
		}
		int put = sync_local_put(rq, t, json_object_get(e, "key"), rec, version,
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
			int put = sync_local_put(rq, t, json_object_get(e, "key"), json_object_get(e, "record"),
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
