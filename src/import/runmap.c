/* An import run's bookkeeping maps in bounded memory (see runmap.h): a hash table up to
 * the map's limit, then rows of temp.import_runmap, with the last key used kept aside
 * and written back only when another key is used. */
#include "import/runmap.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static const char TABLE_SQL[] =
	"CREATE TEMP TABLE IF NOT EXISTS import_runmap (map INTEGER NOT NULL, key TEXT NOT NULL,"
	" val INTEGER NOT NULL, PRIMARY KEY (map, key)) WITHOUT ROWID";

/* Each moved map's rows carry an id of their own: maps of several runs (one per thread
 * of the web server, each on its own connection) never share one. */
static atomic_llong next_id = 1;

void runmap_init(runmap *m, sqlite3 *db, size_t limit)
{
	memset(m, 0, sizeof *m);
	m->db = db;
	m->limit = limit ? limit : RUNMAP_MEMORY;
}

void runmap_clear(runmap *m)
{
	if (m->moved) {
		sqlite3_stmt *s;
		/* the table may be gone with a rolled-back transaction: nothing to delete */
		if (sqlite3_prepare_v2(m->db, "DELETE FROM temp.import_runmap WHERE map = ?1", -1, &s,
				       NULL) == SQLITE_OK) {
			sqlite3_bind_int64(s, 1, m->id);
			(void)sqlite3_step(s);
			sqlite3_finalize(s);
		}
	}
	sqlite3_finalize(m->get);
	sqlite3_finalize(m->put);
	strmap_free(&m->mem);
	free(m->last);
	runmap_init(m, m->db, m->limit);
}

/* Writes key = val into the table; 0 or -1. */
static int table_put(runmap *m, const char *key, int64_t val)
{
	sqlite3_bind_int64(m->put, 1, m->id);
	sqlite3_bind_text(m->put, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(m->put, 3, val);
	int rc = sqlite3_step(m->put);
	sqlite3_reset(m->put);
	sqlite3_clear_bindings(m->put);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Moves every entry from memory into the table; 0 or -1. */
static int move_to_table(runmap *m)
{
	if (sqlite3_exec(m->db, TABLE_SQL, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(m->db, "SELECT val FROM temp.import_runmap WHERE map = ?1 AND key = ?2",
			       -1, &m->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(m->db, "INSERT OR REPLACE INTO temp.import_runmap (map, key, val)"
				      " VALUES (?1, ?2, ?3)", -1, &m->put, NULL) != SQLITE_OK)
		return -1;
	m->id = atomic_fetch_add(&next_id, 1);
	m->moved = true;
	for (size_t i = 0; i < m->mem.cap; i++)
		if (m->mem.keys[i] && table_put(m, m->mem.keys[i], m->mem.vals[i]) < 0)
			return -1;
	strmap_free(&m->mem);
	return 0;
}

/* Stores key = val where the map lives; 0 or -1. */
static int store(runmap *m, const char *key, int64_t val)
{
	if (m->moved)
		return table_put(m, key, val);
	if (strmap_put(&m->mem, key, val) < 0)
		return -1;
	return m->mem.len > m->limit ? move_to_table(m) : 0;
}

/* Writes the last key back when its value changed; 0 or -1. */
static int flush(runmap *m)
{
	if (!m->last_dirty)
		return 0;
	m->last_dirty = false;
	return store(m, m->last, m->last_val);
}

/* Makes key the last key (its value and presence set by the caller); 0 or -1. */
static int remember(runmap *m, const char *key)
{
	char *k = strdup(key);
	if (!k)
		return -1;
	free(m->last);
	m->last = k;
	return 0;
}

int runmap_get(runmap *m, const char *key, int64_t *val)
{
	if (m->last && strcmp(m->last, key) == 0) {
		if (m->last_found && val)
			*val = m->last_val;
		return m->last_found;
	}
	if (flush(m) < 0 || remember(m, key) < 0)
		return -1;
	int64_t v = 0;
	bool found;
	if (!m->moved) {
		found = strmap_get(&m->mem, key, &v);
	} else {
		sqlite3_bind_int64(m->get, 1, m->id);
		sqlite3_bind_text(m->get, 2, key, -1, SQLITE_STATIC);
		int rc = sqlite3_step(m->get);
		found = rc == SQLITE_ROW;
		if (found)
			v = sqlite3_column_int64(m->get, 0);
		sqlite3_reset(m->get);
		sqlite3_clear_bindings(m->get);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			free(m->last);
			m->last = NULL;
			return -1;
		}
	}
	m->last_val = v;
	m->last_found = found;
	if (found && val)
		*val = v;
	return found;
}

int runmap_put(runmap *m, const char *key, int64_t val)
{
	if (!m->last || strcmp(m->last, key) != 0) {
		if (flush(m) < 0 || remember(m, key) < 0)
			return -1;
	}
	m->last_val = val;
	m->last_found = true;
	m->last_dirty = true;
	return 0;
}

int64_t runmap_len(runmap *m)
{
	if (flush(m) < 0)
		return -1;
	if (!m->moved)
		return (int64_t)m->mem.len;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(m->db, "SELECT count(*) FROM temp.import_runmap WHERE map = ?1", -1, &s,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, m->id);
	int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return n;
}

/* qsort's comparison of two keys. */
static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int runmap_each_sorted(runmap *m, size_t limit, int (*each)(const char *key, int64_t val, void *ud),
		       void *ud)
{
	if (flush(m) < 0)
		return -1;
	if (m->moved) {
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(m->db, "SELECT key, val FROM temp.import_runmap WHERE map = ?1"
					      " ORDER BY key LIMIT ?2", -1, &s, NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_int64(s, 1, m->id);
		sqlite3_bind_int64(s, 2, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			if (each((const char *)sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1), ud))
				break;
		sqlite3_finalize(s);
		return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
	}
	if (!m->mem.len)
		return 0;
	size_t n = 0;
	const char **keys = malloc(m->mem.len * sizeof *keys);
	if (!keys)
		return -1;
	for (size_t i = 0; i < m->mem.cap; i++)
		if (m->mem.keys[i])
			keys[n++] = m->mem.keys[i];
	qsort(keys, n, sizeof *keys, key_cmp);
	for (size_t i = 0; i < n && i < limit; i++) {
		int64_t v = 0;
		strmap_get(&m->mem, keys[i], &v);
		if (each(keys[i], v, ud))
			break;
	}
	free(keys);
	return 0;
}
