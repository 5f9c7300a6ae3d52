/* The per-thread cache of rendered report output (see cache.h). Each thread owns a few
 * entries, replaced round-robin; the entry sets are registered in one list so that the
 * server can free them all when it stops. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "web/cache.h"

enum { ENTRIES = 16, MAX_BYTES = 4 << 20, MAX_SETS = 256 }; /* per thread: a few years of dashboards and report formats */

typedef struct entry {
	char key[64];
	webcache_stamp stamp;
	char *buf;
	size_t len;
} entry;

typedef struct entry_set {
	entry e[ENTRIES];
	int next;
} entry_set;

static pthread_mutex_t sets_lock = PTHREAD_MUTEX_INITIALIZER;
static entry_set *sets[MAX_SETS];
static int nsets;
static atomic_int generation;         /* bumped by webcache_free_all */
static _Thread_local entry_set *mine;
static _Thread_local int mine_generation;

/* This thread's entries, made and registered on first use; NULL when out of room. */
static entry_set *own_set(void)
{
	if (mine && mine_generation == atomic_load(&generation))
		return mine;
	mine = NULL;
	entry_set *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	pthread_mutex_lock(&sets_lock);
	if (nsets < MAX_SETS) {
		sets[nsets++] = s;
		mine = s;
		mine_generation = atomic_load(&generation);
	}
	pthread_mutex_unlock(&sets_lock);
	if (!mine)
		free(s);
	return mine;
}

/* A read transaction (PRAGMA data_version, whose own number is not used: it adds a
 * per-connection count to the pager's), then webcache_stamp_read. Both stamps are the
 * pager's data version, so entries made with one compare right with the other. */
webcache_stamp webcache_stamp_now(store *st)
{
	webcache_stamp t = {0, 0, false};
	sqlite3_stmt *s;
	if (store_cached(st, "PRAGMA data_version", &s) != SQLITE_OK)
		return t;
	int rc = sqlite3_step(s);
	store_release(st, s);
	return rc == SQLITE_ROW ? webcache_stamp_read(st) : t;
}

/* data_version as of the last read transaction, and the own change count. */
webcache_stamp webcache_stamp_read(store *st)
{
	webcache_stamp t = {0, 0, false};
	unsigned int v = 0;
	if (sqlite3_file_control(st->db, "main", SQLITE_FCNTL_DATA_VERSION, &v) == SQLITE_OK) {
		t.data_version = v;
		t.changes = sqlite3_total_changes64(st->db);
		t.ok = true;
	}
	return t;
}

/* The entry's bytes when it is still valid. */
const char *webcache_find(webcache_stamp now, const char *key, size_t *len)
{
	entry_set *s = own_set();
	if (!s)
		return NULL;
	for (int i = 0; i < ENTRIES; i++) {
		entry *e = &s->e[i];
		if (!e->buf || strcmp(e->key, key) != 0)
			continue;
		if (!now.ok || now.data_version != e->stamp.data_version || now.changes != e->stamp.changes)
			return NULL;
		*len = e->len;
		return e->buf;
	}
	return NULL;
}

/* Replaces the entry of key, or the next one in turn. */
void webcache_put(const char *key, webcache_stamp stamp, const char *buf, size_t len)
{
	entry_set *s = own_set();
	if (!s || !stamp.ok || len > MAX_BYTES || strlen(key) >= sizeof s->e[0].key)
		return;
	entry *e = NULL;
	for (int i = 0; i < ENTRIES && !e; i++)
		if (s->e[i].buf && strcmp(s->e[i].key, key) == 0)
			e = &s->e[i];
	if (!e) {
		e = &s->e[s->next];
		s->next = (s->next + 1) % ENTRIES;
	}
	char *copy = malloc(len ? len : 1);
	if (!copy)
		return;
	memcpy(copy, buf, len);
	free(e->buf);
	snprintf(e->key, sizeof e->key, "%s", key);
	e->stamp = stamp;
	e->buf = copy;
	e->len = len;
}

/* Frees every set. */
void webcache_free_all(void)
{
	pthread_mutex_lock(&sets_lock);
	for (int i = 0; i < nsets; i++) {
		for (int j = 0; j < ENTRIES; j++)
			free(sets[i]->e[j].buf);
		free(sets[i]);
	}
	nsets = 0;
	atomic_fetch_add(&generation, 1);
	pthread_mutex_unlock(&sets_lock);
}
