/* Opening, migrating and transacting on the SQLite store.
 *
 * Migrations are SQL files under migrations/, embedded in the binary at build time
 * (see meson.build) and applied in order inside one BEGIN IMMEDIATE transaction each;
 * each file ends by setting PRAGMA user_version to its own number, so a crash between
 * migrations leaves a database at a well-defined version. */
#include "store/stats.h"
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

extern const unsigned char migration_001[], migration_002[], migration_003[], migration_004[],
	migration_005[], migration_006[], migration_007[], migration_008[], migration_009[], migration_010[],
	migration_011[], migration_012[], migration_013[], migration_014[], migration_015[],
	migration_016[], migration_017[], migration_018[], migration_019[], migration_020[];

/* The migrations, in order; entry i brings user_version from i to i + 1. */
static const unsigned char *const migrations[] = {migration_001, migration_002, migration_003,
						  migration_004, migration_005,
						  migration_006, migration_007, migration_008,
						  migration_009, migration_010, migration_011, migration_012,
						  migration_013, migration_014, migration_015,
						  migration_016, migration_017, migration_018, migration_019,
						  migration_020};
enum { N_MIGRATIONS = sizeof migrations / sizeof migrations[0] };

/* The version this binary writes. */
int store_schema_version(void)
{
	return N_MIGRATIONS;
}

/* Fills err with SQLite's last message. */
int store_error(store *st, const char *doing, actip_err *err)
{
	return err_set(err, ACTIP_ERR, "%s: %s: %s", st->path ? st->path : "database", doing,
		       st->db ? sqlite3_errmsg(st->db) : "not open");
}

/* Runs SQL without results. */
static int exec(store *st, const char *sql, const char *doing, actip_err *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, doing, err);
	return ACTIP_OK;
}

/* Reads PRAGMA user_version. */
static int user_version(store *st, int *v, actip_err *err)
{
	sqlite3_stmt *s;
	*v = 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return store_error(st, "reading the schema version", err);
	*v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return ACTIP_OK;
}

/* Applies every migration past the file's version. */
static int migrate(store *st, actip_err *err)
{
	int v;
	if (user_version(st, &v, err) < 0)
		return ACTIP_ERR;
	if (v > N_MIGRATIONS)
		return err_set(err, ACTIP_ERR,
			       "%s: schema version %d is newer than this actip (%d); upgrade actip",
			       st->path, v, N_MIGRATIONS);
	bool migrated = false;
	/* A migration may build an index over a large table: its sort stays within a small
	 * cache (the write cache is set again by store_stats_refresh below). */
	if (v < N_MIGRATIONS && exec(st, "PRAGMA cache_size = -4096", "sizing the page cache", err) < 0)
		return ACTIP_ERR;
	for (int i = v; i < N_MIGRATIONS; i++) {
		if (store_begin(st, err) < 0)
			return ACTIP_ERR;
		if (user_version(st, &v, err) < 0) {
			store_rollback(st);
			return ACTIP_ERR;
		}
		if (v > i) { /* another process migrated meanwhile */
			store_rollback(st);
			continue;
		}
		if (exec(st, (const char *)migrations[i], "applying a schema migration", err) < 0) {
			store_rollback(st);
			return ACTIP_ERR;
		}
		if (store_commit(st, err) < 0)
			return ACTIP_ERR;
		migrated = true;
	}
	/* A migration that adds statistics flags the stored years; they are computed now,
	 * once, rather than by every report until the next write. */
	if (migrated) {
		if (store_begin(st, err) < 0)
			return ACTIP_ERR;
		if (store_stats_refresh(st, err) < 0) {
			store_rollback(st);
			return ACTIP_ERR;
		}
		if (store_commit(st, err) < 0)
			return ACTIP_ERR;
	}
	return ACTIP_OK;
}

/* Turns SQLite's memory statistics off and keeps statement journals in memory (see
 * store.h). */
void store_library_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STORE_STMT_JOURNAL);
}

/* Opens, configures and migrates. */
/* Makes the database file at path readable by its owner only, before SQLite opens it:
 * a new one is created 0600 (SQLite then gives the WAL and SHM files the database's
 * mode), an existing one and its WAL and SHM are narrowed to their owner (security.md
 * "Storage": names, e-mails and password hashes live there). */
int store_private_file(const char *path, actip_err *err)
{
	/* Never open and close an existing database here: closing any descriptor of a file
	 * drops every POSIX lock this process holds on it, other connections' included. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd >= 0) {
		close(fd);
		return ACTIP_OK;
	}
	if (errno != EEXIST)
		return err_set(err, ACTIP_EIO, "%s: cannot create: %s", path, strerror(errno));
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		char side[4200];
		struct stat sb;
		snprintf(side, sizeof side, "%s%s", path, sfx[i]);
		if (lstat(side, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 077) &&
		    chmod(side, sb.st_mode & 0700) != 0 && i == 0)
			return err_set(err, ACTIP_EIO, "%s: cannot make it private: %s", path, strerror(errno));
	}
	return ACTIP_OK;
}

/* The connection's busy timeout (shared/spec/security.md, "busy_timeout"), as a busy
 * handler of our own rather than sqlite3_busy_timeout only so that a caller can tell a
 * lock held too long from a fault: waits for another connection's lock, in steps that
 * grow from 1 ms to 100 ms, until STORE_BUSY_MS have passed since the wait began (count
 * 0); then notes that it gave up (st->busy_gave_up) and lets the statement fail with
 * SQLITE_BUSY. */
static int busy_wait(void *ctx, int count)
{
	static const int steps_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50};
	store *st = ctx;
	if (st->busy_nowait)
		return 0;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		st->busy_since = now;
	long waited = (now.tv_sec - st->busy_since.tv_sec) * 1000L + (now.tv_nsec - st->busy_since.tv_nsec) / 1000000L;
	if (waited >= STORE_BUSY_MS) {
		st->busy_gave_up = true;
		return 0;
	}
	long step = count < (int)(sizeof steps_ms / sizeof steps_ms[0]) ? steps_ms[count] : 100;
	sqlite3_sleep((int)(step < STORE_BUSY_MS - waited ? step : STORE_BUSY_MS - waited));
	return 1;
}

int store_open(store *st, const char *path, int flags, actip_err *err)
{
	memset(st, 0, sizeof *st);
	st->path = strdup(path);
	if (!st->path)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	bool memory = strcmp(path, ":memory:") == 0;
	if ((flags & (STORE_MUST_EXIST | STORE_READONLY)) && !memory) {
		struct stat sb;
		if (stat(path, &sb) != 0) {
			err_set(err, ACTIP_ERR, "%s: no such database (create it with 'actip import --db %s FILES')",
				path, path);
			store_close(st);
			return ACTIP_ERR;
		}
	}
	int oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY
					      : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (!(flags & STORE_READONLY) && !memory && store_private_file(path, err) < 0) {
		store_close(st);
		return ACTIP_ERR;
	}
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_error(st, "opening", err);
		store_close(st);
		return ACTIP_ERR;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, busy_wait, st);
	const char *setup = (flags & STORE_READONLY)
		? "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;"
		: "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
		  " PRAGMA trusted_schema=OFF; PRAGMA cache_size=" STORE_WRITE_CACHE ";";
	if (exec(st, setup, "configuring the connection", err) < 0) {
		store_close(st);
		return ACTIP_ERR;
	}
	if (flags & STORE_READONLY) {
		int v = -1;
		if (user_version(st, &v, err) < 0 || v != N_MIGRATIONS) {
			if (v != N_MIGRATIONS)
				err_set(err, ACTIP_ERR, "%s: schema version %d, this actip needs %d%s",
					path, v, N_MIGRATIONS,
					v < N_MIGRATIONS ? " (an import will migrate it)" : "");
			store_close(st);
			return ACTIP_ERR;
		}
		return ACTIP_OK;
	}
	if (migrate(st, err) < 0 || store_privacy_load(st, err) < 0) {
		store_close(st);
		return ACTIP_ERR;
	}
	st->capture = true;
	return ACTIP_OK;
}

static void kept_free(store *st);

/* Closes the connection and frees the path. */
void store_close(store *st)
{
	store_capture_end(st);
	kept_free(st);
	store_bulk_forget(st);
	free(st->stats_reindex);
	st->stats_reindex = NULL;
	for (int i = 0; i < st->ncached; i++)
		sqlite3_finalize(st->cached[i].stmt);
	st->ncached = 0;
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	st->db = NULL;
	st->path = NULL;
}

/* BEGIN IMMEDIATE. */
int store_begin(store *st, actip_err *err)
{
	if (st->batch) /* the batch's session and statistics tracking go on */
		return exec(st, "SAVEPOINT actip_write", "starting a write", err);
	st->stats_track = false;
	if (exec(st, "BEGIN IMMEDIATE", "starting a transaction", err) < 0)
		return ACTIP_ERR;
	store_capture_begin(st);
	store_stats_track_begin(st);
	return ACTIP_OK;
}

/* A read transaction (deferred BEGIN) unless one is open: a document read with several
 * statements then sees one state of the database, whoever writes meanwhile. */
int store_read_begin(store *st, bool *began, actip_err *err)
{
	*began = false;
	if (!sqlite3_get_autocommit(st->db))
		return ACTIP_OK;
	if (exec(st, "BEGIN", "starting a read", err) < 0)
		return ACTIP_ERR;
	*began = true;
	return ACTIP_OK;
}

/* Ends what store_read_begin began. */
void store_read_end(store *st, bool began)
{
	if (began && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		store_rollback(st);
}

/* COMMIT; on failure the transaction is rolled back. */
int store_commit(store *st, actip_err *err)
{
	if (st->before_commit && !sqlite3_get_autocommit(st->db) && st->before_commit(st, st->before_commit_ctx) < 0) {
		store_error(st, "finishing the write", err);
		store_rollback(st);
		return ACTIP_ERR;
	}
	if (st->batch) {
		if (store_bulk_end(st, err) < 0 || exec(st, "RELEASE actip_write", "finishing a write", err) < 0) {
			store_rollback(st);
			return ACTIP_ERR;
		}
		return ACTIP_OK;
	}
	if (store_bulk_end(st, err) < 0 || store_stats_track_finish(st, err) < 0 ||
	    store_capture_commit(st, err) < 0) {
		store_rollback(st);
		return ACTIP_ERR;
	}
	st->stats_track = false;
	if (exec(st, "COMMIT", "committing", err) < 0) {
		store_rollback(st);
		return ACTIP_ERR;
	}
	return ACTIP_OK;
}

/* ROLLBACK when a transaction is open. */
void store_rollback(store *st)
{
	if (st->batch) { /* this write only; nothing when it was released already */
		store_bulk_forget(st); /* its DROP TRIGGERs are undone with it */
		if (st->db && sqlite3_exec(st->db, "ROLLBACK TO actip_write", NULL, NULL, NULL) == SQLITE_OK)
			sqlite3_exec(st->db, "RELEASE actip_write", NULL, NULL, NULL);
		return;
	}
	store_capture_end(st);
	st->stats_track = false;
	store_bulk_forget(st); /* the DROP TRIGGERs are rolled back with the rest */
	free(st->stats_reindex); /* the DROP INDEX is rolled back with the rest */
	st->stats_reindex = NULL;
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The statements a batch keeps: open-addressed tables by the SQL's address (to find
 * one to reuse) and by the statement's (to tell a kept one when it is put back). */
enum { KEPT_SLOTS = 1024 };
struct store_kept {
	const char *sql[KEPT_SLOTS];
	sqlite3_stmt *stmt[KEPT_SLOTS];
	sqlite3_stmt *mine[KEPT_SLOTS];
	int n;
};

/* The slot of p in a table of addresses (its own, or the empty one where it goes). */
static size_t kept_slot(const void *const *table, const void *p)
{
	size_t i = ((uintptr_t)p >> 4) % KEPT_SLOTS;
	while (table[i] && table[i] != p)
		i = (i + 1) % KEPT_SLOTS;
	return i;
}

/* Finalizes every kept statement and frees the tables. */
static void kept_free(store *st)
{
	if (!st->kept)
		return;
	for (int i = 0; i < KEPT_SLOTS; i++)
		sqlite3_finalize(st->kept->stmt[i]);
	free(st->kept);
	st->kept = NULL;
}

int store_prepare_kept(store *st, const char *sql, sqlite3_stmt **stmt, actip_err *err)
{
	struct store_kept *k = st->kept;
	if (!k || k->n >= KEPT_SLOTS / 2) /* no batch, or full enough: not kept */
		return store_prepare(st, sql, stmt, err);
	size_t i = kept_slot((const void *const *)k->sql, sql);
	if (k->sql[i]) {
		*stmt = k->stmt[i];
		return ACTIP_OK;
	}
	if (store_prepare(st, sql, stmt, err) < 0)
		return ACTIP_ERR;
	k->sql[i] = sql;
	k->stmt[i] = *stmt;
	k->mine[kept_slot((const void *const *)k->mine, *stmt)] = *stmt;
	k->n++;
	return ACTIP_OK;
}

void store_finalize_kept(store *st, sqlite3_stmt *stmt)
{
	if (!stmt)
		return;
	if (st->kept && st->kept->mine[kept_slot((const void *const *)st->kept->mine, stmt)] == stmt) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return;
	}
	sqlite3_finalize(stmt);
}

int store_batch_begin(store *st, actip_err *err)
{
	if (store_begin(st, err) < 0)
		return ACTIP_ERR;
	st->batch = true;
	st->kept = calloc(1, sizeof *st->kept); /* none: statements prepared per write, as outside */
	return ACTIP_OK;
}

int store_batch_end(store *st, bool ok, actip_err *err)
{
	st->batch = false;
	kept_free(st);
	if (!ok) {
		store_rollback(st);
		return ACTIP_ERR;
	}
	if (store_stats_refresh(st, err) < 0 || store_commit(st, err) < 0) {
		store_rollback(st);
		return ACTIP_ERR;
	}
	return ACTIP_OK;
}

/* Prepares one statement. */
int store_prepare(store *st, const char *sql, sqlite3_stmt **stmt, actip_err *err)
{
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
		return store_error(st, "preparing a statement", err);
	return ACTIP_OK;
}

/* Finds or prepares a cached statement. */
int store_cached(store *st, const char *sql, sqlite3_stmt **stmt)
{
	for (int i = 0; i < st->ncached; i++)
		if (st->cached[i].sql == sql) {
			*stmt = st->cached[i].stmt;
			return SQLITE_OK;
		}
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return rc;
	}
	if (st->ncached < STORE_NCACHED) {
		st->cached[st->ncached].sql = sql;
		st->cached[st->ncached].stmt = *stmt;
		st->ncached++;
	}
	return SQLITE_OK;
}

/* Resets a cached statement, or finalizes one that is not in the cache. */
void store_release(store *st, sqlite3_stmt *stmt)
{
	if (!stmt)
		return;
	for (int i = 0; i < st->ncached; i++)
		if (st->cached[i].stmt == stmt) {
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return;
		}
	sqlite3_finalize(stmt);
}

/* Binds text or NULL. */
int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

int store_bind_text_kept(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_STATIC);
}

/* One audit row. */
int store_audit_write(store *st, const char *user, const char *addr, const char *action,
		      const char *entity, const char *key, const char *old_value, const char *new_value)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db,
			       "INSERT INTO audit(at, user_name, addr, action, entity, key, old_value, new_value) "
			       "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	store_bind_text(s, 1, user);
	store_bind_text(s, 2, addr);
	store_bind_text(s, 3, action);
	store_bind_text(s, 4, entity);
	store_bind_text(s, 5, key);
	store_bind_text(s, 6, old_value);
	store_bind_text(s, 7, new_value);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
