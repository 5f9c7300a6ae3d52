/* Sessions stored in app_session by the hash of their token: creation at sign-in, the
 * lookup that enforces the idle and absolute timeouts, and deletion, which deletes the
 * session's upload previews with it (they hold people's names). */
#include <sodium.h>
#include <string.h>

#include "web/session.h"

/* A new random token and its hash. */
void session_new_token(char hex[65], uint8_t hash[32])
{
	uint8_t raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, 65, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
	session_hash_token(hex, hash);
}

/* The hash of a well-formed token. */
int session_hash_token(const char *hex, uint8_t hash[32])
{
	if (!hex || strlen(hex) != 64)
		return -1;
	for (int i = 0; i < 64; i++)
		if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f')))
			return -1;
	crypto_generichash(hash, 32, (const unsigned char *)hex, 64, NULL, 0);
	return 0;
}

/* Runs one statement with a blob and up to two integers bound: 0 when done, -2 when the
 * database was locked by another writer (SQLITE_BUSY), -1 on any other failure. */
static int run(store *st, const char *sql, const uint8_t *blob, long long a, long long b)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	int i = 1;
	if (blob)
		sqlite3_bind_blob(s, i++, blob, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, i++, a);
	if (i <= sqlite3_bind_parameter_count(s))
		sqlite3_bind_int64(s, i, b);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : (rc & 0xff) == SQLITE_BUSY ? -2 : -1;
}

/* Inserts a session row. */
int session_create(store *st, long long user_id, time_t now, char token[65], actip_err *err)
{
	uint8_t hash[32];
	session_new_token(token, hash);
	if (run(st, "INSERT INTO app_session(token_hash, user_id, created, last_seen) "
		    "VALUES (?1, ?2, ?3, ?3)", hash, user_id, (long long)now) < 0)
		return store_error(st, "starting a session", err);
	return ACTIP_OK;
}

/* Finds a live session and its user. */
int session_lookup(store *st, const char *token, time_t now, web_user *user, uint8_t hash[32])
{
	if (session_hash_token(token, hash) < 0)
		return 0;
	sqlite3_stmt *s;
	if (store_cached(st,
			 "SELECT s.created, s.last_seen, u.disabled, u.id, u.name, u.role, u.body, u.country, u.lang "
			 "FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?1",
			 &s) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		store_release(st, s);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	long long created = sqlite3_column_int64(s, 0), seen = sqlite3_column_int64(s, 1);
	int disabled = sqlite3_column_int(s, 2);
	auth_user_columns(s, 3, user);
	if (sqlite3_column_text(s, 8))
		snprintf(user->lang, sizeof user->lang, "%s", (const char *)sqlite3_column_text(s, 8));
	store_release(st, s);
	if (disabled || now - seen > SESSION_IDLE_SECS || now - created > SESSION_MAX_SECS ||
	    now < created) {
		memset(user, 0, sizeof *user);
		session_delete(st, hash);
		return 0;
	}
	if (user->role == ROLE_NONE) {
		memset(user, 0, sizeof *user);
		return -1; /* a role this build does not know: deny */
	}
	/* Touch at most once a minute so that reads stay reads; without waiting for another
	 * writer's lock (a long import): a touch missed is made by a later request. */
	if (now - seen >= 60) {
		st->busy_nowait = true;
		int rc = run(st, "UPDATE app_session SET last_seen = ?2 WHERE token_hash = ?1", hash, (long long)now, 0);
		st->busy_nowait = false;
		if (rc == -1)
			return -1;
	}
	return 1;
}

/* Deletes one session and its previews. */
int session_delete(store *st, const uint8_t hash[32])
{
	if (run(st, "DELETE FROM pending_upload WHERE token_hash = ?1 AND ?2 = ?2", hash, 0, 0) < 0)
		return -1;
	return run(st, "DELETE FROM app_session WHERE token_hash = ?1 AND ?2 = ?2", hash, 0, 0);
}

/* Deletes a user's sessions and their previews. */
int session_delete_user(store *st, long long user_id)
{
	if (run(st, "DELETE FROM pending_upload WHERE token_hash IN "
		    "(SELECT token_hash FROM app_session WHERE user_id = ?1)", NULL, user_id, 0) < 0)
		return -1;
	return run(st, "DELETE FROM app_session WHERE user_id = ?1", NULL, user_id, 0);
}
