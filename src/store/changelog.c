/* Change capture: every write transaction of a write connection is watched by an SQLite
 * session (the session extension Debian's SQLite is built with) on the tables that hold
 * records; at COMMIT its changeset, the account, the time and the number of rows changed
 * per table become one change_log row inside the same transaction. store_begin,
 * store_commit and store_rollback call it, so every write (web form, API, upload,
 * `actip import`, sync) is captured in this one place. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* Tables whose rows are not records: sessions, sign-in failures, the audit, derived
 * statistics, waiting uploads, accounts, and sync's own bookkeeping. */
static int is_record_table(void *ctx, const char *table)
{
	(void)ctx;
	static const char *const skip[] = {"app_session", "login_failure", "audit", "pending_upload", "app_user",
					   "change_log", "sync_state", "sync_base", "sync_index", "sync_applied", "sync_conflict",
					   "privacy", NULL};
	if (strncmp(table, "stats_", 6) == 0 || strncmp(table, "sqlite_", 7) == 0)
		return 0;
	for (int i = 0; skip[i]; i++)
		if (strcmp(table, skip[i]) == 0)
			return 0;
	return 1;
}

/* Starts a session for the transaction just begun (nothing when capture is off or the
 * session cannot be made: a write is never refused for its capture's sake here; the
 * COMMIT then records nothing). */
void store_capture_begin(store *st)
{
	store_capture_end(st);
	if (!st->capture)
		return;
	if (st->origin && strcmp(st->origin, "sync") == 0) {
		/* received from the server, which keeps the change: logged without its
		 * changeset, so that names this account may later no longer see are not kept
		 * here in a copy of the change (docs/sync.md, "What stays on a laptop") */
		st->capture_bulk = true;
		return;
	}
	sqlite3_session *s = NULL;
	if (sqlite3session_create(st->db, "main", &s) != SQLITE_OK)
		return;
	sqlite3session_table_filter(s, is_record_table, NULL);
	if (sqlite3session_attach(s, NULL) != SQLITE_OK) {
		sqlite3session_delete(s);
		return;
	}
	st->session = s;
}

/* Drops the session of the transaction. */
void store_capture_end(store *st)
{
	if (st->session)
		sqlite3session_delete(st->session);
	st->session = NULL;
	st->capture_bulk = false;
}

void store_capture_check(store *st)
{
	if (!st->session || sqlite3session_memory_used(st->session) <= STORE_CAPTURE_MAX)
		return;
	sqlite3session_delete(st->session);
	st->session = NULL;
	st->capture_bulk = true;
}

void store_capture_bulk(store *st)
{
	if (!st->session && !st->capture) /* no capture on this connection */
		return;
	if (st->session)
		sqlite3session_delete(st->session);
	st->session = NULL;
	st->capture_bulk = true;
}

/* Counts the changed rows per table of a changeset as a JSON object text. */
static char *table_counts(const void *cs, int n)
{
	sqlite3_changeset_iter *it;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return NULL;
	enum { MAXT = 48 };
	char names[MAXT][64];
	long counts[MAXT];
	int nt = 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind;
		if (sqlite3changeset_op(it, &tab, &ncol, &op, &ind) != SQLITE_OK)
			continue;
		int i = 0;
		while (i < nt && strcmp(names[i], tab) != 0)
			i++;
		if (i == nt && nt < MAXT) {
			snprintf(names[nt], sizeof names[nt], "%s", tab); /* tab lasts until the next row */
			counts[nt++] = 0;
		}
		if (i < nt)
			counts[i]++;
	}
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (f) {
		fputc('{', f);
		for (int i = 0; i < nt; i++)
			fprintf(f, "%s\"%s\":%ld", i ? "," : "", names[i], counts[i]); /* table names: identifiers */
		fputc('}', f);
		fclose(f);
	}
	sqlite3changeset_finalize(it);
	return out;
}

/* Writes the transaction's changeset as a change_log row (before COMMIT). */
int store_capture_commit(store *st, actip_err *err)
{
	sqlite3_session *s = st->session;
	bool bulk = st->capture_bulk;
	st->capture_bulk = false;
	if (!s && !bulk)
		return ACTIP_OK;
	st->session = NULL;
	int n = 0;
	void *cs = NULL;
	int rc = SQLITE_OK;
	if (s) {
		rc = sqlite3session_changeset(s, &n, &cs);
		sqlite3session_delete(s);
	}
	if (rc != SQLITE_OK) {
		sqlite3_free(cs);
		return err_set(err, ACTIP_ERR, "%s: cannot record the change (%s)", st->path, sqlite3_errstr(rc));
	}
	if (n == 0 && !bulk) {
		sqlite3_free(cs);
		return ACTIP_OK;
	}
	unsigned char id[16];
	char hex[33];
	randombytes_buf(id, sizeof id);
	sodium_bin2hex(hex, sizeof hex, id, sizeof id);
	char *tables = bulk ? NULL : table_counts(cs, n); /* a bulk write: rows not counted */
	sqlite3_stmt *q;
	rc = sqlite3_prepare_v2(st->db,
				"INSERT INTO change_log(change_id, account, at, origin, tables, changeset)"
				" VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?3, ?4, ?5)",
				-1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, hex, -1, SQLITE_STATIC);
		store_bind_text(q, 2, st->account);
		store_bind_text(q, 3, st->origin);
		sqlite3_bind_text(q, 4, tables ? tables : "{}", -1, SQLITE_STATIC);
		if (bulk)
			sqlite3_bind_null(q, 5);
		else
			sqlite3_bind_blob(q, 5, cs, n, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_finalize(q);
	}
	free(tables);
	sqlite3_free(cs);
	if (rc != SQLITE_DONE)
		return store_error(st, "recording the change", err);
	return ACTIP_OK;
}

/* The newest change_log seq. */
int store_change_seq(store *st, long long *seq)
{
	sqlite3_stmt *q;
	*seq = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(seq), 0) FROM change_log", -1, &q, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return rc == SQLITE_ROW ? 0 : -1;
}
