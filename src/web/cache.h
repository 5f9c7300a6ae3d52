/* A small cache of rendered report output, one per server thread (each thread has its own
 * database connection). The annual report is computed from every stored record, which
 * takes tens of milliseconds; the dashboard and the report API would recompute it for
 * every request. An entry is valid while its connection's view of the database is the
 * same: the pager's data version (SQLITE_FCNTL_DATA_VERSION: changes committed by any
 * connection, as of the connection's last read transaction) and
 * sqlite3_total_changes64 (this connection's own writes) are both unchanged since the
 * output was computed. A stamp is taken before computing, so a commit that lands during
 * the computation makes the entry stale at once. */
#ifndef ACTIP_WEB_CACHE_H
#define ACTIP_WEB_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"

typedef struct webcache_stamp {
	long long data_version;
	int64_t changes;
	bool ok; /* false when the version could not be read: never cached */
} webcache_stamp;

/* The connection's view of the database now (it runs a read transaction). */
webcache_stamp webcache_stamp_now(store *st);

/* The connection's view as of its last read transaction (SQLITE_FCNTL_DATA_VERSION): the
 * same as webcache_stamp_now when taken right after a statement has read the database,
 * and it costs no transaction. The server takes it after the session lookup of each
 * request (web_view in server.c). */
webcache_stamp webcache_stamp_read(store *st);

/* The bytes cached under key when they are still valid for the view now, and their
 * length; NULL otherwise. The pointer stays valid until this thread's next
 * webcache_put. */
const char *webcache_find(webcache_stamp now, const char *key, size_t *len);

/* Keeps len bytes under key, computed from the view stamp (taken before computing). */
void webcache_put(const char *key, webcache_stamp stamp, const char *buf, size_t len);

/* Frees every thread's entries (after the server's threads have stopped). */
void webcache_free_all(void);

#endif
