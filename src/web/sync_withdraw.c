/* Names an account may no longer see (docs/sync.md, "What a laptop holds"): the server
 * sends a record as the account may read it (rec_shown leaves out people's names where
 * the account is not the officer of the record's country), so when another record moves
 * it (an activity moved to another country), the same record arrives without its names.
 * These helpers tell that case from a change, and remove the names' copies kept in the
 * change log, so that the names leave the laptop with the record. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/sync.h"
#include "web/sync_int.h"
#include "web/write.h"

/* A JSON value that holds nothing (missing, null or ""). */
static bool blank(json_t *v)
{
	return !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v));
}

/* Do two records hold the same values, a field missing from one and blank in the other
 * counting as the same (a record as shown leaves out the names an account may not see;
 * the copy stores them as nothing)? */
bool sync_same_values(json_t *a, json_t *b)
{
	if (!json_is_object(a) || !json_is_object(b))
		return false;
	for (int side = 0; side < 2; side++) {
		json_t *x = side ? b : a, *y = side ? a : b;
		const char *name;
		json_t *v;
		json_object_foreach(x, name, v) {
			json_t *w = json_object_get(y, name);
			if (!(blank(v) && blank(w)) && !json_equal(v, w))
				return false;
		}
	}
	return true;
}

/* Does the server's record of this account leave out people's details the local record
 * holds (rec_shown: the account may no longer see them, say its activity moved to
 * another country)? */
bool sync_takes_names(const template *t, json_t *mine, json_t *theirs)
{
	for (int c = 0; c < t->ncols; c++)
		if ((t->kind->private_cols & 1u << c) && !blank(json_object_get(mine, t->cols[c].name)) &&
		    blank(json_object_get(theirs, t->cols[c].name)))
			return true;
	return false;
}

/* Before names are withdrawn from a record: the change log's copies of changes made
 * here that hold any of them lose their changesets (the log row stays: who, when,
 * which tables), so that the names leave this copy with the record. */
int sync_forget_names(store *st, const template *t, json_t *mine)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "UPDATE change_log SET changeset = NULL"
				       " WHERE changeset IS NOT NULL AND instr(changeset, CAST(?1 AS BLOB)) > 0",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc = SQLITE_DONE;
	for (int c = 0; c < t->ncols && rc == SQLITE_DONE; c++) {
		json_t *v = json_object_get(mine, t->cols[c].name);
		if (!(t->kind->private_cols & 1u << c) || blank(v) || !json_is_string(v))
			continue;
		sqlite3_bind_text(s, 1, json_string_value(v), -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
