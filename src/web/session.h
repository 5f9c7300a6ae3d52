/* Sessions, CSRF tokens, passwords and sign-in (session.c, csrf.c, auth.c).
 *
 * A session token is 256 random bits sent as 64 hex digits in the cookie; the database
 * keeps only its BLAKE2b-256 hash. A session ends after 30 minutes idle or 12 hours in
 * all, on sign-out, and when its user is disabled. The CSRF token of a session is
 * derived from the session token (keyed BLAKE2b), so it needs no storage and changes
 * with every sign-in; it is compared in constant time. */
#ifndef ACTIP_WEB_SESSION_H
#define ACTIP_WEB_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/err.h"
#include "store/store.h"
#include "web/web.h"

enum {
	SESSION_IDLE_SECS = 30 * 60,
	SESSION_MAX_SECS = 12 * 3600,
	LOCKOUT_FAILURES = 5,          /* failures of one account ... */
	LOCKOUT_WINDOW_SECS = 15 * 60, /* ... within this window lock it for as long */
	ADDR_FAILURES = 20,            /* failures from one address within the window */
	PASSWORD_MIN = 12,             /* characters (code points) */
	PASSWORD_MAX = 128,
	PASSWORD_MIN_BITS = 27,        /* zxcvbn's estimate: log2(10^8 guesses), its score 3 */
};

/* Makes a new random token (64 hex digits) and its hash. */
void session_new_token(char hex[65], uint8_t hash[32]);

/* Hashes a token given as 64 hex digits; -1 when it is not such a token. */
int session_hash_token(const char *hex, uint8_t hash[32]);

/* Starts a session for user_id; fills the token for the cookie. */
int session_create(store *st, long long user_id, time_t now, char token[65], actip_err *err);

/* Looks up a live session by token: fills user and the token's hash and touches
 * last_seen. Returns 1 when found, 0 when there is none (or it expired, or its user is
 * disabled; expired sessions are deleted), -1 on a database failure. */
int session_lookup(store *st, const char *token, time_t now, web_user *user, uint8_t hash[32]);

/* Ends one session. */
int session_delete(store *st, const uint8_t hash[32]);

/* Ends every session of a user. */
int session_delete_user(store *st, long long user_id);

/* The CSRF token of a session token (64 hex digits). */
void csrf_token(const char *session_token, char out[65]);

/* The CSRF token masked afresh for one answer (128 hex digits; csrf_equal takes it). */
void csrf_mask(const char *token, char out[129]);

/* True when given (the token, or the token masked) equals expected (both
 * NUL-terminated), in constant time. */
bool csrf_equal(const char *expected, const char *given);

/* Checks the password rules: 12..128 characters, valid UTF-8, and hard enough to guess
 * by zxcvbn's estimate (common passwords, words, keyboard patterns, repeats, sequences,
 * dates and the account's name count as little). Returns NULL when it is acceptable,
 * else the reason, to show to the person (valid until the thread's next call). */
const char *auth_password_problem(const char *pw, const char *name);

/* argon2id hash (crypto_pwhash_str) at the configured limits; at most one hash per
 * core at a time. */
int auth_hash_password(const char *pw, char out[128], actip_err *err);

/* Sets up libsodium and the limits. The test-only environment variable
 * ACTIP_TEST_WEAK_KDF=1 lowers the argon2 limits to the minimum, and only in a build
 * configured with tests enabled; a release binary refuses it (returns -1). */
int auth_init(actip_err *err);

/* True when the weak test limits are in force. */
bool auth_weak_kdf(void);

#ifdef ACTIP_TEST_HOOKS
/* Test builds only: resets the count of the most hash-slot holders seen at once and
 * makes each holder keep its slot hold_usec longer (so that threads overlap); and that
 * count (at most one hash per core: it must never exceed the number of cores). */
void auth_test_slots(unsigned hold_usec);
int auth_test_slot_peak(void);
/* The number of password checks auth_login has made since the start. */
int auth_test_verifies(void);
#endif

/* Sign-in outcome. */
typedef enum { AUTH_OK = 0, AUTH_FAILED = 1, AUTH_LOCKED = 2, AUTH_DBERR = -1 } auth_result;

/* Checks name and password with the lockout rules; records failures; on success fills
 * user and rehashes the stored password when the limits changed. Each attempt is
 * counted before its password is checked (security.md: parallel attempts cannot pass the
 * limit), under the account's name, or a keyed hash of a name no account has. On
 * failure user is empty but for user->name, set only when the name is an account's
 * (so only then may the caller log or store it). The caller shows one generic message
 * for AUTH_FAILED and AUTH_LOCKED alike. */
auth_result auth_login(store *st, const char *name, const char *pw, const char *addr, time_t now,
		       web_user *user);

/* Fills user from the columns id, name, role, body, country of s, starting at col. */
void auth_user_columns(sqlite3_stmt *s, int col, web_user *user);

/* Loads a user by id, or by name when id is 0. 1 found, 0 not, -1 error. */
int auth_user_load(store *st, long long id, const char *name, web_user *user, bool *disabled);

/* Account management for `actip user`. */
int auth_user_add(store *st, const char *name, web_role role, const char *body,
		  const char *country, const char *pw, actip_err *err);
int auth_user_passwd(store *st, const char *name, const char *pw, actip_err *err);
int auth_user_disable(store *st, const char *name, actip_err *err);

/* A user name: 1 to 64 bytes of letters, digits and . _ @ - */
bool auth_name_valid(const char *name);

/* Changes an account's role, body (focal points), country (officers) and disabled flag;
 * ends its sessions when its rights change or it is disabled. */
int auth_user_update(store *st, const char *name, web_role role, const char *body, const char *country,
		     bool disabled, actip_err *err);

/* Does pw match account id's stored password? 1 yes, 0 no, -1 error. */
int auth_password_matches(store *st, long long id, const char *pw);

#endif
