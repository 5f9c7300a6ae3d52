/* The bookkeeping maps of one import run (the keys seen in a file, each owner's next
 * row number, the stored rows a file replaced), in bounded memory: a map lives in a
 * hash table while it is small and moves whole into a temporary table of the run's
 * connection once it holds more than its memory limit, so a file of ten million rows
 * costs no more memory than one of a million. The last key read or written is kept
 * aside, so rows grouped by owner (as exported files are) cost no lookup at all. */
#ifndef ACTIP_IMPORT_RUNMAP_H
#define ACTIP_IMPORT_RUNMAP_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strmap.h"

/* Entries a map keeps in memory before it moves to its temporary table. */
enum { RUNMAP_MEMORY = 32768 };

typedef struct runmap {
	sqlite3 *db;         /* the run's connection (its temp schema holds a moved map) */
	size_t limit;        /* entries kept in memory at most */
	strmap mem;          /* the entries, while in memory */
	int64_t id;          /* the map's rows in temp.import_runmap, once moved */
	bool moved;
	size_t moved_len;    /* entries in the table */
	sqlite3_stmt *get, *put;
	char *last;          /* the last key read or written, */
	int64_t last_val;    /* its value */
	bool last_found;     /* whether it is in the map */
	bool last_dirty;     /* a value not yet written back */
} runmap;

/* An empty map on db, keeping at most limit entries in memory (0: RUNMAP_MEMORY). */
void runmap_init(runmap *m, sqlite3 *db, size_t limit);

/* Empties the map and frees what it holds; it stays usable. */
void runmap_clear(runmap *m);

/* Looks key up: 1 and *val when present, 0 when not, -1 on a database error. */
int runmap_get(runmap *m, const char *key, int64_t *val);

/* Inserts or overwrites: 0, or -1 when out of memory or on a database error. */
int runmap_put(runmap *m, const char *key, int64_t val);

/* The number of entries, or -1 on a database error. */
int64_t runmap_len(runmap *m);

/* Calls each(key, val, ud) for the first `limit` entries in key order (strcmp); stops
 * when each returns non-zero. Returns 0, or -1 when out of memory or on a database
 * error. */
int runmap_each_sorted(runmap *m, size_t limit, int (*each)(const char *key, int64_t val, void *ud),
		       void *ud);

#endif
