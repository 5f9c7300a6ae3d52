/* Change capture: every write transaction of a write connection is watched by an SQLite
 * session (the session extension Debian's SQLite is built with) on the tables that hold
 * records; at COMMIT its changeset, the account, the time and the number of rows changed
 * per table become one change_log row inside the same transaction. store_begin,
 * store_commit and store_rollback call it, so every write (web form, API, upload,
 * `actip import`, sync) is captured in this one place. */
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
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

enum { MAXT = 48 };

/* Changed rows per table, in the order the changeset names the tables. */
typedef struct table_tally {
	char names[MAXT][64];
	long counts[MAXT];
	int nt;
} table_tally;

/* Counts one change of table tab. */
static void tally_add(table_tally *t, const char *tab)
{
	int i = 0;
	while (i < t->nt && strcmp(t->names[i], tab) != 0)
		i++;
	if (i == t->nt && t->nt < MAXT) {
		snprintf(t->names[t->nt], sizeof t->names[t->nt], "%s", tab);
		t->counts[t->nt++] = 0;
	}
	if (i < t->nt)
		t->counts[i]++;
}

/* SQLite's variable-length integer at *p (at most 9 bytes, big-endian groups of 7 bits,
 * the ninth byte whole); false when it runs past end. */
static bool get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	uint64_t x = 0;
	for (int i = 0; i < 9; i++) {
		if (*p >= end)
			return false;
		unsigned char b = *(*p)++;
		if (i == 8) {
			*v = (x << 8) | b;
			return true;
		}
		x = (x << 7) | (b & 0x7f);
		if (!(b & 0x80)) {
			*v = x;
			return true;
		}
	}
	return false;
}

/* Steps over one record of ncol values (a type byte each: 0 absent, 5 NULL, 1 and 2 an
 * 8-byte number, 3 and 4 a length and as many bytes); false when malformed. */
static bool skip_record(const unsigned char **p, const unsigned char *end, uint64_t ncol)
{
	for (uint64_t c = 0; c < ncol; c++) {
		if (*p >= end)
			return false;
		uint64_t n;
		switch (*(*p)++) {
		case 0: case 5:
			break;
		case 1: case 2:
			if (end - *p < 8)
				return false;
			*p += 8;
			break;
		case 3: case 4:
			if (!get_varint(p, end, &n) || n > (uint64_t)(end - *p))
				return false;
			*p += n;
			break;
		default:
			return false;
		}
	}
	return true;
}

/* Counts the changes of a changeset by walking its documented format (a table header:
 * 'T', the column count, one primary-key flag per column and the name; then each
 * change: its operation, the indirect flag and its record, two for an UPDATE) without
 * decoding values, which sqlite3changeset_next does for every column of every row (4.6%
 * of an import of 40,000 activities). False when the bytes are not that format. */
static bool tally_walk(table_tally *t, const unsigned char *p, const unsigned char *end)
{
	const char *tab = NULL;
	uint64_t ncol = 0;
	while (p < end) {
		unsigned char op = *p++;
		if (op == 'T') {
			if (!get_varint(&p, end, &ncol) || ncol == 0 || ncol > (uint64_t)(end - p))
				return false;
			p += ncol;
			const unsigned char *nul = memchr(p, 0, (size_t)(end - p));
			if (!nul)
				return false;
			tab = (const char *)p;
			p = nul + 1;
		} else if (op == SQLITE_INSERT || op == SQLITE_DELETE || op == SQLITE_UPDATE) {
			if (!tab || p >= end)
				return false;
			p++; /* indirect */
			if (!skip_record(&p, end, ncol) || (op == SQLITE_UPDATE && !skip_record(&p, end, ncol)))
				return false;
			tally_add(t, tab);
		} else {
			return false;
		}
	}
	return true;
}

/* The same counts through SQLite's changeset iterator. False when it fails to start. */
static bool tally_iter(table_tally *t, const void *cs, int n)
{
	sqlite3_changeset_iter *it;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return false;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind;
		if (sqlite3changeset_op(it, &tab, &ncol, &op, &ind) == SQLITE_OK)
			tally_add(t, tab); /* tab lasts until the next row: copied */
	}
	sqlite3changeset_finalize(it);
	return true;
}

/* Counts the changed rows per table of a changeset as a JSON object text. */
char *store_changeset_tables(const void *cs, int n, store_tally how)
{
	table_tally *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	bool walked = how != STORE_TALLY_ITER && tally_walk(t, cs, (const unsigned char *)cs + n);
	if (!walked && how == STORE_TALLY_WALK) {
		free(t);
		return NULL;
	}
	if (!walked) {
		t->nt = 0; /* a format this walk does not know: SQLite's iterator counts */
		if (!tally_iter(t, cs, n)) {
			free(t);
			return NULL;
		}
	}
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (f) {
		fputc('{', f);
		for (int i = 0; i < t->nt; i++)
			fprintf(f, "%s\"%s\":%ld", i ? "," : "", t->names[i], t->counts[i]); /* table names: identifiers */
		fputc('}', f);
		fclose(f);
	}
	free(t);
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
	char *tables = bulk ? NULL : store_changeset_tables(cs, n, STORE_TALLY_ANY); /* a bulk write: rows not counted */
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
