/* The store: one SQLite file holding every record, opened with the settings the
 * security checklist requires (WAL, synchronous=FULL, foreign keys on, a busy
 * timeout) and brought to the current schema by numbered migrations tracked in
 * PRAGMA user_version. Write transactions start with BEGIN IMMEDIATE so that a second
 * writer waits (busy timeout) instead of failing half-way. */
#ifndef ACTIP_STORE_STORE_H
#define ACTIP_STORE_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <time.h>

#include "core/err.h"

/* Statements kept prepared for the connection's life (store_cached). */
#define STORE_NCACHED 16

typedef struct store {
	sqlite3 *db;
	struct {
		const char *sql; /* the caller's string constant: compared by address */
		sqlite3_stmt *stmt;
	} cached[STORE_NCACHED];
	int ncached;
	char *path;
	bool pseudonymised;          /* privacy.c: names and e-mails are never stored */
	unsigned char person_key[32]; /* the pseudonymisation key, when pseudonymised */
	/* Change capture (changelog.c): on every write connection once migrated, each write
	 * transaction's changes are recorded by a session and kept in change_log at COMMIT. */
	bool capture;
	void *session;                /* sqlite3_session * of the open transaction */
	bool capture_bulk;            /* the transaction outgrew STORE_CAPTURE_MAX: its
				       * change_log row keeps no changeset */
	/* stats.c: the open write transaction's attendance changes are tracked person by
	 * person, so that its statistics are updated rather than recomputed. */
	bool stats_track;
	char *stats_reindex;          /* a bulk write dropped attendance_person: its SQL,
				       * run again before the write commits */
	/* bulk.c: a bulk file's table, whose INSERT and DELETE triggers are dropped until
	 * the file ends, and their SQL, to create them again. */
	char *bulk_table;
	char *bulk_triggers;
	char account[65];             /* who writes now ("" = the local operator) */
	const char *origin;           /* NULL: made here; "sync": received, never sent back (and
				       * captured without its changeset: the sender keeps it) */
	bool batch;                   /* inside store_batch_begin: writes are savepoints */
	/* The busy handler (store.c busy_wait): a wait ran out since the caller last cleared
	 * this, so the failure was another writer's lock held past STORE_BUSY_MS, not a fault
	 * (the web answers 503 then); and, while busy_nowait is set, a locked database fails
	 * at once (a write that may be skipped, such as a session's touch). */
	bool busy_gave_up;
	bool busy_nowait;
	struct store_kept *kept;      /* a batch's importer statements (store_prepare_kept) */
	/* Called inside every write transaction just before COMMIT (NULL: none); a failure
	 * rolls the transaction back. The sync server marks a pushed item applied here. */
	int (*before_commit)(struct store *st, void *ctx);
	void *before_commit_ctx;
	/* The busy handler (store.c busy_wait): when the current wait began. */
	struct timespec busy_since;
} store;

/* How long a connection waits for another's write lock before its statement fails
 * with SQLITE_BUSY. */
enum { STORE_BUSY_MS = 10000 };

enum { STORE_READONLY = 1, STORE_MUST_EXIST = 2 };

/* Page cache of a write connection, in KiB (negative, as PRAGMA cache_size takes it):
 * large enough that a big import does not spill pages to the WAL mid-transaction. */
#define STORE_WRITE_CACHE "-32768"

/* A statement that writes through a trigger (an attendance row marks its year's
 * statistics dirty) keeps a journal of the pages it changes, so that it can be undone
 * alone. SQLite's default moves that journal to a temporary file past 64 KiB, and once
 * moved it stays a file for the rest of the transaction: every later row of a large
 * import then cost two write calls and a 4 KiB copy (3.6 million calls for a million
 * rows). -1 keeps statement journals in memory, in 1 KiB chunks (a positive limit is
 * also the size of the first allocation of every statement). The journal holds the
 * pages one statement changes: a few for a row; a single statement that rewrote a large
 * table (no actip statement does) would hold that table's pages. */
#define STORE_STMT_JOURNAL (-1)

/* Process-wide SQLite settings, called once (by main) before anything else touches
 * SQLite: no memory-usage statistics (their global mutex serialises every allocation of
 * every connection, which was the web server's main cost under load), and statement
 * journals in memory (STORE_STMT_JOURNAL). */
void store_library_init(void);

/* The schema version this binary writes. */
int store_schema_version(void);

/* Opens (creating when allowed) and migrates the database at path. ":memory:" works. */
int store_open(store *st, const char *path, int flags, actip_err *err);

/* Creates the file at path 0600 when it is missing, and takes group and other
 * permissions off it and off its -wal, -shm and -journal files otherwise (whatever the
 * umask). store_open and store_backup call it before SQLite opens a file to write. */
int store_private_file(const char *path, actip_err *err);

/* Closes the database; safe on a zeroed or already closed store. */
void store_close(store *st);

/* A read transaction (deferred BEGIN) when none is open, so that a document read with
 * several statements sees one state of the database; *began says whether to end it
 * with store_read_end. */
int store_read_begin(store *st, bool *began, actip_err *err);
void store_read_end(store *st, bool began);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Inside a batch (below) they are a SAVEPOINT, its
 * RELEASE and a ROLLBACK TO it: each write keeps its all-or-nothing step while the
 * batch's one transaction is captured, has its statistics refreshed and is made durable
 * once. */
int store_begin(store *st, actip_err *err);
int store_commit(store *st, actip_err *err);
void store_rollback(store *st);

/* A batch: many writes (each with its own store_begin/store_commit) in one transaction,
 * so that a sync's pull is applied whole or not at all, with one fsync and one refresh
 * of the statistics instead of one per record. store_batch_end commits when ok, else
 * rolls everything back; 0 or -1 with err. */
int store_batch_begin(store *st, actip_err *err);
int store_batch_end(store *st, bool ok, actip_err *err);

/* The importer's statements (import/templates.c): prepared with store_prepare and
 * finalized with store_finalize_kept, except inside a batch, where each is kept (by the
 * address of its SQL) until store_batch_end and only reset between uses: a batch of
 * thousands of one-record writes parses its statements once, not once per record. */
int store_prepare_kept(store *st, const char *sql, sqlite3_stmt **stmt, actip_err *err);
void store_finalize_kept(store *st, sqlite3_stmt *stmt);

/* Prepares a statement; on failure fills err with SQLite's message. */
int store_prepare(store *st, const char *sql, sqlite3_stmt **stmt, actip_err *err);

/* A statement of the connection's cache for sql, which must be a string constant (it is
 * looked up by address); prepared on first use. The web server's threads each keep one
 * connection, so the queries every request makes (session, user, data version) are parsed
 * once per thread instead of once per request. End each use with store_release. Returns
 * SQLITE_OK or SQLite's error code. */
int store_cached(store *st, const char *sql, sqlite3_stmt **stmt);

/* Ends a use of a statement from store_cached: reset (so that it holds no read
 * transaction open) and its bindings cleared; a statement the cache had no room for is
 * finalized. NULL is ignored. */
void store_release(store *st, sqlite3_stmt *stmt);

/* Binds text, or NULL when s is NULL or empty. */
int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* The same without a copy: s must stay as it is until the statement is reset and its
 * bindings cleared (an importer's row values, bound and stepped at once: a million rows
 * made eight million copies, each a malloc and a free). */
int store_bind_text_kept(sqlite3_stmt *stmt, int idx, const char *s);

/* Copies the database at src_path into the new file dst_path with SQLite's online
 * backup API while other connections keep writing (backup.c); the copy is checked,
 * synced and appears under dst_path only when complete. *pages gets its page count. */
int store_backup(const char *src_path, const char *dst_path, long long *pages, actip_err *err);

/* Pseudonymisation (privacy.c). The environment variable naming the key file. */
#define STORE_KEY_ENV "ACTIP_PSEUDONYM_KEY"

/* On a database in pseudonymisation mode, loads the key from the file $ACTIP_PSEUDONYM_KEY
 * and checks it against the database; refuses (ACTIP_ERR) when it is missing, unreadable,
 * readable by others or wrong. Does nothing on another database. store_open calls it for
 * every write connection. */
int store_privacy_load(store *st, actip_err *err);

/* Turns pseudonymisation on for a database that holds no participants yet: writes a new
 * random key to key_path (which must not exist; mode 0600) and records its check value. */
int store_privacy_init(store *st, const char *key_path, actip_err *err);

/* Reads a key file (64 hex digits, mode 0600) into key. */
int store_privacy_read_key(const char *path, unsigned char key[32], actip_err *err);

/* Turns pseudonymisation on, as store_privacy_init, with the key of an existing key file
 * (an instance cloned from a pseudonymised server keeps people under the server's key),
 * and loads it. */
int store_privacy_adopt(store *st, const char *key_path, actip_err *err);

/* The stored form of a clear person key on a pseudonymised store: "p:" and 64 hex digits
 * of BLAKE2b keyed with the store's key. Returns a malloc'd string (NULL: no memory). */
char *store_person_pseudonym(const store *st, const char *clear_key);

/* On a pseudonymised store, what must wait in the database for a while (an upload to be
 * confirmed) is kept sealed: store_seal encrypts with a key derived from the
 * pseudonymisation key (crypto_secretbox, random nonce) into a malloc'd buffer;
 * store_unseal opens it into a malloc'd NUL-terminated buffer. Both return 0 or -1. */
int store_seal(const store *st, const void *data, size_t len, unsigned char **out, size_t *out_len);
int store_unseal(const store *st, const unsigned char *data, size_t len, char **out, size_t *out_len);

/* Writes one row of the audit log, timed now (UTC): who (user, addr) did what (action)
 * to which record (entity, key); old_value and new_value are JSON text or NULL. Used by
 * the web application's writes and by `actip import`. Returns 0 or -1. */
int store_audit_write(store *st, const char *user, const char *addr, const char *action,
		      const char *entity, const char *key, const char *old_value, const char *new_value);

/* A bulk write (bulk.c): drops main's INSERT and DELETE triggers of `table` until
 * store_bulk_end (or the commit) creates them again; meanwhile the caller fires the
 * table's UPDATE triggers once per owner. For participants and feedback, whose triggers
 * apply rules to the row's activity alone. */
int store_bulk_begin(store *st, const char *table, actip_err *err);
bool store_bulk_on(const store *st, const char *table);
int store_bulk_end(store *st, actip_err *err);
/* Forgets the dropped triggers without creating them (a rollback brings them back). */
void store_bulk_forget(store *st);
/* The event of a CREATE TRIGGER statement: 'i' insert, 'd' delete, 'u' update, 0 unknown. */
char store_trigger_event(const char *sql);

/* Change capture (changelog.c), called by store_begin, store_commit and store_rollback:
 * starts a session on the record tables, and at COMMIT writes its changeset as one
 * change_log row (nothing when the transaction changed no record). */
void store_capture_begin(store *st);
int store_capture_commit(store *st, actip_err *err);
void store_capture_end(store *st);

/* A transaction's changeset is kept up to this many bytes of the session's memory; a
 * larger one (a bulk import of thousands of rows) is recorded in change_log without its
 * changeset, so that an import's memory stays bounded. Sync does not read changesets
 * (it compares record versions), so nothing is lost to it. */
enum { STORE_CAPTURE_MAX = 4 << 20 };

/* Drops the session of the open transaction once it holds more than STORE_CAPTURE_MAX
 * (the importer calls it every few thousand rows). */
void store_capture_check(store *st);

/* Records the open transaction as a bulk write from now on: no session (its per-row
 * cost is saved), and at COMMIT a change_log row without changeset, as for one that
 * outgrew STORE_CAPTURE_MAX. The importer calls it before reading files that total more
 * than STORE_CAPTURE_MAX bytes. */
void store_capture_bulk(store *st);

/* The highest change_log seq (0 when none) into *seq; 0 or -1. */
int store_change_seq(store *st, long long *seq);

/* Fills err with the connection's last error, prefixed by what was being done. */
int store_error(store *st, const char *doing, actip_err *err);

#endif
