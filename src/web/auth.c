/* Passwords and sign-in: the password rules (length, and strength estimated by zxcvbn-c
 * with the account name as a word of its dictionary), argon2id hashing through libsodium with a
 * semaphore so that at most one hash per core runs at a time (each takes 64 MiB at the
 * INTERACTIVE limits), the lockout rules (per account and per address), and the
 * account changes behind `actip user`. Test builds (ACTIP_TEST_HOOKS) count the holders
 * of the hash slots, so a unit test can see the per-core limit hold. */
#include <semaphore.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zxcvbn.h>

#include "core/text.h"
#include "web/session.h"

static unsigned long long ops_limit;
static size_t mem_limit;
static bool weak_kdf;
static sem_t hash_slots;
static char dummy_hash[crypto_pwhash_STRBYTES];
static unsigned char failure_hash_key[crypto_generichash_KEYBYTES];

/* Sets up libsodium, the limits, the semaphore and the dummy hash used to answer
 * unknown names in the same time as known ones. */
int auth_init(actip_err *err)
{
	if (sodium_init() < 0)
		return err_set(err, ACTIP_ERR, "libsodium could not start");
	ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	const char *weak = getenv("ACTIP_TEST_WEAK_KDF");
	if (weak && *weak && strcmp(weak, "0") != 0) {
#ifdef ACTIP_TEST_HOOKS
		weak_kdf = true;
		ops_limit = crypto_pwhash_OPSLIMIT_MIN;
		mem_limit = crypto_pwhash_MEMLIMIT_MIN;
#else
		return err_set(err, ACTIP_ERR,
			       "ACTIP_TEST_WEAK_KDF is set, but this is a release build: it is honoured "
			       "only by test builds; unset it");
#endif
	}
	static bool sem_ready;
	if (!sem_ready) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		sem_init(&hash_slots, 0, cores > 0 ? (unsigned)cores : 1);
		sem_ready = true;
	}
	randombytes_buf(failure_hash_key, sizeof failure_hash_key);
	char pw[33];
	uint8_t r[16];
	randombytes_buf(r, sizeof r);
	sodium_bin2hex(pw, sizeof pw, r, sizeof r);
	return auth_hash_password(pw, dummy_hash, err);
}

/* True under the weak test limits. */
bool auth_weak_kdf(void)
{
	return weak_kdf;
}

/* Number of code points in valid UTF-8. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* What makes most of a weak password guessable, for the person choosing it: the kind
 * of the match that covers the most characters. */
static const char *weakness(const ZxcMatch_t *info)
{
	int best = -1, type = BRUTE_MATCH;
	for (const ZxcMatch_t *m = info; m; m = m->Next)
		if (m->Length > best && (m->Type & ~MULTIPLE_MATCH) != BRUTE_MATCH) {
			best = m->Length;
			type = m->Type & MULTIPLE_MATCH ? REPEATS_MATCH : m->Type; /* "aaaa": "a" repeated */
		}
	switch (type) {
	case USER_MATCH:
	case USER_LEET_MATCH: return "it contains the account's name";
	case DICTIONARY_MATCH:
	case DICT_LEET_MATCH: return "it is built on a common password or word";
	case REPEATS_MATCH: return "it repeats the same characters";
	case SEQUENCE_MATCH: return "it is a sequence such as 1234 or abcd";
	case SPATIAL_MATCH: return "it follows a keyboard pattern such as qwerty";
	case DATE_MATCH:
	case YEAR_MATCH: return "it is mostly a date or a year";
	default: return "it is too short for its kind of characters";
	}
}

/* The rules of security.md: length in characters, taken as typed, no composition rules,
 * and a zxcvbn estimate of at least PASSWORD_MIN_BITS (its score 3: 10^8 guesses). */
const char *auth_password_problem(const char *pw, const char *name)
{
	if (!pw || !text_utf8_valid(pw, strlen(pw)))
		return "the password must be valid UTF-8 text";
	size_t n = utf8_chars(pw);
	if (n < PASSWORD_MIN)
		return "the password must have at least 12 characters";
	if (n > PASSWORD_MAX)
		return "the password must have at most 128 characters";
	const char *dict[] = {name && *name ? name : NULL, NULL};
	ZxcMatch_t *info = NULL;
	double bits = ZxcvbnMatch(pw, dict, &info);
	static _Thread_local char why[200];
	if (bits < PASSWORD_MIN_BITS)
		snprintf(why, sizeof why, "the password is too easy to guess: %s; a few unrelated words make a strong one",
			 weakness(info));
	ZxcvbnFreeInfo(info);
	return bits < PASSWORD_MIN_BITS ? why : NULL;
}

#ifdef ACTIP_TEST_HOOKS
#include <stdatomic.h>
static atomic_int slot_holders, slot_peak;
static atomic_uint slot_hold_usec;
static atomic_int verifies;

/* The number of password checks auth_login has made so far. */
int auth_test_verifies(void)
{
	return atomic_load(&verifies);
}

/* Resets the peak and sets how long each holder keeps its slot. */
void auth_test_slots(unsigned hold_usec)
{
	atomic_store(&slot_peak, 0);
	atomic_store(&slot_hold_usec, hold_usec);
}

/* The most holders seen at once since auth_test_slots. */
int auth_test_slot_peak(void)
{
	return atomic_load(&slot_peak);
}
#endif

/* Takes one of the hash slots (one per core), waiting for a free one. */
static void slot_take(void)
{
	sem_wait(&hash_slots);
#ifdef ACTIP_TEST_HOOKS
	int n = atomic_fetch_add(&slot_holders, 1) + 1;
	int peak = atomic_load(&slot_peak);
	while (n > peak && !atomic_compare_exchange_weak(&slot_peak, &peak, n))
		;
	unsigned hold = atomic_load(&slot_hold_usec);
	if (hold)
		usleep(hold);
#endif
}

/* Gives the slot back. */
static void slot_give(void)
{
#ifdef ACTIP_TEST_HOOKS
	atomic_fetch_sub(&slot_holders, 1);
#endif
	sem_post(&hash_slots);
}

/* One argon2id hash, waiting for a free core. */
int auth_hash_password(const char *pw, char out[128], actip_err *err)
{
	slot_take();
	int rc = crypto_pwhash_str(out, pw, strlen(pw), ops_limit, mem_limit);
	slot_give();
	if (rc != 0)
		return err_set(err, ACTIP_ENOMEM, "not enough memory to hash the password");
	return ACTIP_OK;
}

/* Verifies a password against a stored hash, waiting for a free core. */
static bool verify(const char *hash, const char *pw)
{
	slot_take();
	int rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	slot_give();
	return rc == 0;
}

/* Loads a user by id or by name. */
void auth_user_columns(sqlite3_stmt *s, int col, web_user *user)
{
	memset(user, 0, sizeof *user);
	user->id = sqlite3_column_int64(s, col);
	snprintf(user->name, sizeof user->name, "%s", (const char *)sqlite3_column_text(s, col + 1));
	user->role = web_role_parse((const char *)sqlite3_column_text(s, col + 2));
	if (sqlite3_column_text(s, col + 3))
		snprintf(user->body, sizeof user->body, "%s", (const char *)sqlite3_column_text(s, col + 3));
	if (sqlite3_column_text(s, col + 4))
		snprintf(user->country, sizeof user->country, "%s", (const char *)sqlite3_column_text(s, col + 4));
}

/* Loads a user by id, or by name when id is 0. */
int auth_user_load(store *st, long long id, const char *name, web_user *user, bool *disabled)
{
	sqlite3_stmt *s;
	const char *sql = id ? "SELECT id, name, role, body, country, disabled FROM app_user WHERE id = ?1"
			     : "SELECT id, name, role, body, country, disabled FROM app_user WHERE name = ?1";
	if (store_cached(st, sql, &s) != SQLITE_OK)
		return -1;
	if (id)
		sqlite3_bind_int64(s, 1, id);
	else
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		auth_user_columns(s, 0, user);
		if (disabled)
			*disabled = sqlite3_column_int(s, 5) != 0;
	}
	store_release(st, s);
	if (rc == SQLITE_ROW)
		return user->role == ROLE_NONE ? -1 : 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs a statement with a text and an integer parameter: its one number, 0 when it
 * returns no row, -1 on failure. */
static long long count(store *st, const char *sql, const char *t, long long n)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, t, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, n);
	int rc = sqlite3_step(s);
	long long v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : rc == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(s);
	return v;
}

/* Replaces a stored hash. */
static int store_hash(store *st, long long id, const char *hash)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "UPDATE app_user SET pw_hash = ?2 WHERE id = ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The key under which a failed sign-in is counted: the account's name when it exists;
 * else a keyed hash of what was typed ("?" and 32 hex digits), so that unknown names
 * lock like known ones without a password typed into the name field being stored. The
 * key is random per process: the hashes cannot be reversed from a backup. */
static void failure_key(const char *name, bool exists, char out[66])
{
	if (exists) {
		snprintf(out, 66, "%s", name);
		return;
	}
	uint8_t h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)name, strlen(name), failure_hash_key, sizeof failure_hash_key);
	out[0] = '?';
	sodium_bin2hex(out + 1, 33, h, sizeof h);
}

/* Counts this attempt before its password is checked, in one write transaction, so
 * that parallel attempts cannot pass the limits between the count and the insert:
 * AUTH_LOCKED (nothing recorded) when a limit is reached, AUTH_FAILED when the attempt
 * may go on (its row recorded, *row set), AUTH_DBERR. */
static auth_result count_attempt(store *st, const char *key, const char *addr, time_t now, long long *row)
{
	actip_err err;
	if (store_begin(st, &err) < 0)
		return AUTH_DBERR;
	long long since = (long long)now - LOCKOUT_WINDOW_SECS;
	long long by_user = count(st, "SELECT count(*) FROM login_failure WHERE user_name = ?1 AND at > ?2", key,
				  since);
	long long by_addr = count(st, "SELECT count(*) FROM login_failure WHERE addr = ?1 AND at > ?2", addr, since);
	auth_result r = AUTH_DBERR;
	sqlite3_stmt *s = NULL;
	if (by_user < 0 || by_addr < 0)
		r = AUTH_DBERR;
	else if (by_user >= LOCKOUT_FAILURES || by_addr >= ADDR_FAILURES)
		r = AUTH_LOCKED;
	else if (sqlite3_prepare_v2(st->db, "INSERT INTO login_failure(user_name, addr, at) VALUES (?1, ?2, ?3)", -1,
				    &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, addr, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, (long long)now);
		if (sqlite3_step(s) == SQLITE_DONE) {
			*row = sqlite3_last_insert_rowid(st->db);
			r = AUTH_FAILED;
		}
	}
	sqlite3_finalize(s);
	if (r == AUTH_DBERR || store_commit(st, &err) < 0) {
		store_rollback(st);
		return AUTH_DBERR;
	}
	return r;
}

/* Sign-in with lockout. */
auth_result auth_login(store *st, const char *name, const char *pw, const char *addr, time_t now,
		       web_user *user)
{
	memset(user, 0, sizeof *user);
	if (!name || !pw || !*name || strlen(name) > 64 || strlen(pw) > 4 * (size_t)PASSWORD_MAX ||
	    !text_utf8_valid(name, strlen(name)) || !text_utf8_valid(pw, strlen(pw)))
		return AUTH_FAILED;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT id, pw_hash, disabled FROM app_user WHERE name = ?1", -1, &s,
			       NULL) != SQLITE_OK)
		return AUTH_DBERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	char hash[crypto_pwhash_STRBYTES] = "";
	long long id = 0;
	int disabled = 1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(s, 1));
		disabled = sqlite3_column_int(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return AUTH_DBERR;
	if (id)
		snprintf(user->name, sizeof user->name, "%s", name); /* an account's name may be logged */
	char key[66];
	failure_key(name, id != 0, key);
	long long row = 0;
	auth_result counted = count_attempt(st, key, addr, now, &row);
	if (counted != AUTH_FAILED)
		return counted;
#ifdef ACTIP_TEST_HOOKS
	atomic_fetch_add(&verifies, 1);
#endif
	bool good = verify(id ? hash : dummy_hash, pw) && id && !disabled;
	if (!good)
		return AUTH_FAILED; /* the attempt's row stays */
	count(st, "DELETE FROM login_failure WHERE user_name = ?1 AND ?2 = ?2", key, 0);
	if (crypto_pwhash_str_needs_rehash(hash, ops_limit, mem_limit) != 0) {
		char nh[crypto_pwhash_STRBYTES];
		actip_err err;
		if (auth_hash_password(pw, nh, &err) == 0)
			store_hash(st, id, nh);
	}
	return auth_user_load(st, id, NULL, user, NULL) == 1 ? AUTH_OK : AUTH_DBERR;
}

/* Adds an account. */
int auth_user_add(store *st, const char *name, web_role role, const char *body,
		  const char *country, const char *pw, actip_err *err)
{
	const char *why = auth_password_problem(pw, name);
	if (why)
		return err_set(err, ACTIP_EINPUT, "%s", why);
	char hash[crypto_pwhash_STRBYTES];
	if (auth_hash_password(pw, hash, err) < 0)
		return ACTIP_ERR;
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO app_user(name, role, body, country, pw_hash, created_at) "
			      "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, web_role_name(role), -1, SQLITE_STATIC);
	store_bind_text(s, 3, body);
	store_bind_text(s, 4, country);
	sqlite3_bind_text(s, 5, hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set(err, ACTIP_EINPUT, "a user named '%s' exists already", name);
	if (rc != SQLITE_DONE)
		return store_error(st, "adding the user", err);
	return ACTIP_OK;
}

/* Changes a password and ends the user's sessions. */
int auth_user_passwd(store *st, const char *name, const char *pw, actip_err *err)
{
	web_user u;
	const char *why = auth_password_problem(pw, name);
	if (why)
		return err_set(err, ACTIP_EINPUT, "%s", why);
	int found = auth_user_load(st, 0, name, &u, NULL);
	if (found <= 0)
		return found < 0 ? store_error(st, "reading the user", err)
				 : err_set(err, ACTIP_EINPUT, "no user named '%s'", name);
	char hash[crypto_pwhash_STRBYTES];
	if (auth_hash_password(pw, hash, err) < 0)
		return ACTIP_ERR;
	if (store_hash(st, u.id, hash) < 0 || session_delete_user(st, u.id) < 0)
		return store_error(st, "changing the password", err);
	return ACTIP_OK;
}

/* Disables an account and ends its sessions. */
int auth_user_disable(store *st, const char *name, actip_err *err)
{
	web_user u;
	int found = auth_user_load(st, 0, name, &u, NULL);
	if (found <= 0)
		return found < 0 ? store_error(st, "reading the user", err)
				 : err_set(err, ACTIP_EINPUT, "no user named '%s'", name);
	if (count(st, "UPDATE app_user SET disabled = 1 WHERE name = ?1 AND ?2 = ?2", name, 0) < 0 ||
	    session_delete_user(st, u.id) < 0)
		return store_error(st, "disabling the user", err);
	return ACTIP_OK;
}

/* A user name: 1 to 64 bytes of letters, digits and . _ @ - (the command line and the
 * accounts pages alike). */
bool auth_name_valid(const char *n)
{
	size_t l = strlen(n);
	if (l == 0 || l > 64)
		return false;
	for (; *n; n++)
		if (!((*n >= 'a' && *n <= 'z') || (*n >= 'A' && *n <= 'Z') || (*n >= '0' && *n <= '9') ||
		      strchr("._@-", *n)))
			return false;
	return true;
}

/* Changes an account's role, body, country and disabled flag; a change of role, body or
 * country, or disabling, ends its sessions (they carried the old rights). */
int auth_user_update(store *st, const char *name, web_role role, const char *body, const char *country,
		     bool disabled, actip_err *err)
{
	web_user u;
	int found = auth_user_load(st, 0, name, &u, NULL);
	if (found <= 0)
		return found < 0 ? store_error(st, "reading the user", err)
				 : err_set(err, ACTIP_EINPUT, "no user named '%s'", name);
	if (role == ROLE_FOCAL_POINT && !(body && *body))
		return err_set(err, ACTIP_EINPUT, "a focal point needs the code of its body");
	if (role == ROLE_COUNTRY_OFFICER && !(country && *country))
		return err_set(err, ACTIP_EINPUT, "a country officer needs a country");
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE app_user SET role = ?2, body = ?3, country = ?4, disabled = ?5 WHERE name = ?1",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, web_role_name(role), -1, SQLITE_STATIC);
	store_bind_text(s, 3, role == ROLE_FOCAL_POINT ? body : NULL);
	store_bind_text(s, 4, role == ROLE_COUNTRY_OFFICER ? country : NULL);
	sqlite3_bind_int(s, 5, disabled);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return err_set(err, ACTIP_EINPUT, "'%s' is not a country code", country ? country : "");
	if (rc != SQLITE_DONE)
		return store_error(st, "changing the user", err);
	bool same = u.role == role && strcmp(u.body, role == ROLE_FOCAL_POINT && body ? body : "") == 0 &&
		    strcmp(u.country, role == ROLE_COUNTRY_OFFICER && country ? country : "") == 0;
	if ((!same || disabled) && session_delete_user(st, u.id) < 0)
		return store_error(st, "ending the user's sessions", err);
	return ACTIP_OK;
}

/* Does pw match the stored password of account id? 1 yes, 0 no, -1 error. */
int auth_password_matches(store *st, long long id, const char *pw)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT pw_hash FROM app_user WHERE id = ?1", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	char hash[crypto_pwhash_STRBYTES] = "";
	if (rc == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	return verify(hash, pw) ? 1 : 0;
}
