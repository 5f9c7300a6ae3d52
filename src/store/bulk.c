/* A bulk write's row triggers, once per owner instead of once per row.
 *
 * Participants and feedback rows are children of an activity, and every trigger that
 * the schema puts on their tables applies a rule to the row's activity alone: the lock
 * of its year (migration 8), its year's statistics or its feedback counts marked dirty
 * (migrations 2 and 19). SQLite runs each trigger as a sub-program for every row, about
 * a microsecond each: two seconds of a million-row import, for 40,000 activities.
 *
 * While one file's rows are stored in bulk, the table's INSERT and DELETE triggers of
 * the main schema are dropped (their SQL kept, as the schema says it), and the importer
 * touches the first row it stores for each activity with an UPDATE that sets a column
 * to itself: that fires the table's UPDATE triggers, which apply the same rules to the
 * same activity, once. The dropped triggers are created again, from the kept SQL, when
 * the file ends or at the latest before the transaction commits; a rollback undoes the
 * drop with the rest. TEMP triggers (the web server's write guard, the statistics'
 * tracking) are left alone. tests/unit/test_import.c (bulk_rows) checks on the real schema that each
 * of these tables has an UPDATE trigger for every rule its INSERT and DELETE triggers
 * apply, and that a bulk file into a locked year is refused at the row that reaches it. */
#include "store/store.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The event of a CREATE TRIGGER statement: 'i', 'd', 'u', or 0 when unreadable. The
 * words before ON are "CREATE [TEMP] TRIGGER [IF NOT EXISTS] name [BEFORE|AFTER|INSTEAD
 * OF] event [OF columns]"; the first INSERT, DELETE or UPDATE word among them is it. */
char store_trigger_event(const char *sql)
{
	const char *p = sql;
	int words = 0;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p) && *p != '_')
			p++;
		const char *w = p;
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
		size_t n = (size_t)(p - w);
		if (n == 0)
			break;
		if (++words > 3 && n == 2 && strncasecmp(w, "ON", 2) == 0)
			return 0;
		if (words > 3 && n == 6) { /* after CREATE TRIGGER name */
			if (strncasecmp(w, "INSERT", 6) == 0)
				return 'i';
			if (strncasecmp(w, "DELETE", 6) == 0)
				return 'd';
			if (strncasecmp(w, "UPDATE", 6) == 0)
				return 'u';
		}
	}
	return 0;
}

bool store_bulk_on(const store *st, const char *table)
{
	return st->bulk_table && strcmp(st->bulk_table, table) == 0;
}

int store_bulk_begin(store *st, const char *table, actip_err *err)
{
	if (st->bulk_table)
		return store_bulk_on(st, table) ? ACTIP_OK : err_set(err, ACTIP_ERR, "one bulk table at a time");
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'"
				       " AND tbl_name = ?1 ORDER BY name", -1, &s, NULL) != SQLITE_OK)
		return store_error(st, "reading the triggers", err);
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	char *kept = NULL, *names = NULL;
	size_t klen = 0, nlen = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *sql = (const char *)sqlite3_column_text(s, 1);
		char ev = sql ? store_trigger_event(sql) : 0;
		if (!name || (ev != 'i' && ev != 'd'))
			continue;
		/* "CREATE ...;" appended to what is kept, "name\n" to what is dropped */
		size_t sl = strlen(sql), nl = strlen(name);
		char *k = realloc(kept, klen + sl + 2), *n = k ? realloc(names, nlen + nl + 2) : NULL;
		if (k)
			kept = k;
		if (n)
			names = n;
		if (!k || !n) {
			rc = SQLITE_NOMEM;
			break;
		}
		memcpy(kept + klen, sql, sl);
		klen += sl;
		kept[klen++] = ';';
		kept[klen] = '\0';
		memcpy(names + nlen, name, nl);
		nlen += nl;
		names[nlen++] = '\n';
		names[nlen] = '\0';
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(kept);
		free(names);
		return rc == SQLITE_NOMEM ? err_set(err, ACTIP_ERR, "out of memory") : store_error(st, "reading the triggers", err);
	}
	if (!kept) /* nothing to drop */
		return ACTIP_OK;
	/* DROP TRIGGER takes a name, not a parameter: each one comes from the schema and is
	 * quoted as an identifier by SQLite's own %w. */
	int result = ACTIP_OK;
	for (char *name = names, *end; result == ACTIP_OK && (end = strchr(name, '\n')); name = end + 1) {
		*end = '\0';
		char *drop = sqlite3_mprintf("DROP TRIGGER main.\"%w\"", name);
		if (!drop || sqlite3_exec(st->db, drop, NULL, NULL, NULL) != SQLITE_OK)
			result = store_error(st, "dropping a trigger for a bulk write", err);
		sqlite3_free(drop);
	}
	free(names);
	if (result != ACTIP_OK) { /* the caller rolls back: the drops go with it */
		free(kept);
		return result;
	}
	st->bulk_table = strdup(table);
	st->bulk_triggers = kept;
	if (!st->bulk_table) {
		free(kept);
		st->bulk_triggers = NULL;
		return err_set(err, ACTIP_ERR, "out of memory");
	}
	return ACTIP_OK;
}

int store_bulk_end(store *st, actip_err *err)
{
	if (!st->bulk_table)
		return ACTIP_OK;
	int rc = st->bulk_triggers ? sqlite3_exec(st->db, st->bulk_triggers, NULL, NULL, NULL) : SQLITE_OK;
	store_bulk_forget(st);
	return rc == SQLITE_OK ? ACTIP_OK : store_error(st, "creating the triggers a bulk write dropped", err);
}

void store_bulk_forget(store *st)
{
	free(st->bulk_table);
	free(st->bulk_triggers);
	st->bulk_table = NULL;
	st->bulk_triggers = NULL;
}
