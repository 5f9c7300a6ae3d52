/* The store: one SQLite file holding every record, opened with the settings the
 * security checklist requires (WAL, synchronous=FULL, foreign keys on, a busy
 * timeout) and brought to the current schema by numbered migrations tracked in
 * PRAGMA user_version. Write transactions start with BEGIN IMMEDIATE so that a second
 * writer waits (busy timeout) instead of failing half-way. */
#ifndef ACTIP_STORE_STORE_H
#define ACTIP_STORE_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "core/err.h"

typedef struct store {
	sqlite3 *db;
	char *path;
} store;

enum { STORE_READONLY = 1, STORE_MUST_EXIST = 2 };

/* Page cache of a write connection, in KiB (negative, as PRAGMA cache_size takes it):
 * large enough that a big import does not spill pages to the WAL mid-transaction. */
#define STORE_WRITE_CACHE "-32768"

/* The schema version this binary writes. */
int store_schema_version(void);

/* Opens (creating when allowed) and migrates the database at path. ":memory:" works. */
int store_open(store *st, const char *path, int flags, actip_err *err);

/* Closes the database; safe on a zeroed or already closed store. */
void store_close(store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int store_begin(store *st, actip_err *err);
int store_commit(store *st, actip_err *err);
void store_rollback(store *st);

/* Prepares a statement; on failure fills err with SQLite's message. */
int store_prepare(store *st, const char *sql, sqlite3_stmt **stmt, actip_err *err);

/* Binds text, or NULL when s is NULL or empty. */
int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s);

/* Copies the database at src_path into the new file dst_path with SQLite's online
 * backup API while other connections keep writing (backup.c); the copy is checked,
 * synced and appears under dst_path only when complete. *pages gets its page count. */
int store_backup(const char *src_path, const char *dst_path, long long *pages, actip_err *err);

/* Fills err with the connection's last error, prefixed by what was being done. */
int store_error(store *st, const char *doing, actip_err *err);

#endif
