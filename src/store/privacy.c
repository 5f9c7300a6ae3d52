/* Pseudonymisation mode: participant names and e-mails are never stored, and the person
 * key (person_id, e-mail or name key, see data-collection.md) is stored only as a keyed
 * BLAKE2b hash (libsodium crypto_generichash), so the same person still counts once and
 * every count stays exact, while the database, its WAL and its backups hold no name.
 *
 * The 32-byte key lives in a file of its own (hex, mode 0600) named by the environment
 * variable ACTIP_PSEUDONYM_KEY, never in the database, so a backup holds no key. The
 * database records only a check value of the key: a write connection without the key,
 * or with another key, is refused rather than given a new key, which would silently
 * make every returning person a new one. */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char check_msg[] = "actip key check";

/* The key's check value as 32 hex digits into out. */
static void key_check(const unsigned char key[32], char out[33])
{
	unsigned char md[16];
	crypto_generichash(md, sizeof md, (const unsigned char *)check_msg, sizeof check_msg - 1, key, 32);
	sodium_bin2hex(out, 33, md, sizeof md);
}

/* Reads the privacy row: 1 and its check value when pseudonymised, 0 when not, -1 error. */
static int privacy_row(store *st, char check[65], actip_err *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT key_check FROM privacy WHERE id = 1", -1, &s, NULL) != SQLITE_OK)
		return store_error(st, "reading the privacy mode", err);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW) {
		snprintf(check, 65, "%s", (const char *)sqlite3_column_text(s, 0));
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = store_error(st, "reading the privacy mode", err);
	}
	sqlite3_finalize(s);
	return found;
}

/* Reads a key file: 64 hex digits and an optional newline, not readable by others. */
static int read_key(const char *path, unsigned char key[32], actip_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return err_set(err, ACTIP_ERR, "%s: cannot open the pseudonymisation key: %s", path, strerror(errno));
	struct stat sb;
	char buf[80];
	ssize_t n = -1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(err, ACTIP_ERR, "%s: not a regular file", path);
	}
	if (sb.st_mode & 077) {
		close(fd);
		return err_set(err, ACTIP_ERR, "%s: the key file is readable by others; chmod 600 it", path);
	}
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n < 64)
		return err_set(err, ACTIP_ERR, "%s: not a pseudonymisation key (64 hex digits)", path);
	buf[n] = '\0';
	size_t bin_len = 0;
	if (sodium_hex2bin(key, 32, buf, 64, NULL, &bin_len, NULL) != 0 || bin_len != 32 ||
	    (n > 64 && strcmp(buf + 64, "\n") != 0)) {
		sodium_memzero(buf, sizeof buf);
		return err_set(err, ACTIP_ERR, "%s: not a pseudonymisation key (64 hex digits)", path);
	}
	sodium_memzero(buf, sizeof buf);
	return ACTIP_OK;
}

/* Loads and checks the key of a pseudonymised database (see store.h). */
int store_privacy_load(store *st, actip_err *err)
{
	char check[65];
	int found = privacy_row(st, check, err);
	if (found <= 0)
		return found;
	const char *path = getenv(STORE_KEY_ENV);
	if (!path || !*path)
		return err_set(err, ACTIP_ERR,
			       "%s: this database is pseudonymised and %s names no key file; refusing to "
			       "continue without its key (a new key would make every person a new one)",
			       st->path, STORE_KEY_ENV);
	if (read_key(path, st->person_key, err) < 0)
		return ACTIP_ERR;
	char got[33];
	key_check(st->person_key, got);
	if (strcmp(got, check) != 0) {
		sodium_memzero(st->person_key, sizeof st->person_key);
		return err_set(err, ACTIP_ERR, "%s: %s is not this database's pseudonymisation key", st->path, path);
	}
	st->pseudonymised = true;
	return ACTIP_OK;
}

/* May pseudonymisation start on this database (not on yet, no participants in clear)? */
static int may_start(store *st, actip_err *err)
{
	char check[65];
	int found = privacy_row(st, check, err);
	if (found < 0)
		return ACTIP_ERR;
	if (found)
		return err_set(err, ACTIP_ERR, "%s: already pseudonymised", st->path);
	sqlite3_stmt *s;
	long long people = -1;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM attendance", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		people = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (people != 0)
		return err_set(err, ACTIP_ERR,
			       "%s: holds %lld participant rows in clear; pseudonymisation must start on a "
			       "database without participants", st->path, people);
	return ACTIP_OK;
}

/* Records the mode with the check value of key (one transaction). */
static int record_mode(store *st, const unsigned char key[32], actip_err *err)
{
	char check[65];
	key_check(key, check);
	char since[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (store_begin(st, err) < 0)
		return ACTIP_ERR;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "INSERT INTO privacy(id, mode, key_check, since) VALUES (1, 'pseudonymised', ?1, ?2)",
			       -1, &s, NULL) != SQLITE_OK) {
		store_rollback(st);
		return store_error(st, "recording the privacy mode", err);
	}
	sqlite3_bind_text(s, 1, check, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, since, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_rollback(st);
		return store_error(st, "recording the privacy mode", err);
	}
	return store_commit(st, err);
}

int store_privacy_read_key(const char *path, unsigned char key[32], actip_err *err)
{
	return read_key(path, key, err);
}

/* Pseudonymisation with an existing key (see store.h). */
int store_privacy_adopt(store *st, const char *key_path, actip_err *err)
{
	unsigned char key[32];
	if (may_start(st, err) < 0 || read_key(key_path, key, err) < 0)
		return ACTIP_ERR;
	if (record_mode(st, key, err) < 0) {
		sodium_memzero(key, sizeof key);
		return ACTIP_ERR;
	}
	memcpy(st->person_key, key, sizeof key);
	sodium_memzero(key, sizeof key);
	st->pseudonymised = true;
	return ACTIP_OK;
}

/* Turns pseudonymisation on (see store.h). */
int store_privacy_init(store *st, const char *key_path, actip_err *err)
{
	if (may_start(st, err) < 0)
		return ACTIP_ERR;
	unsigned char key[32];
	randombytes_buf(key, sizeof key);
	char hex[65];
	sodium_bin2hex(hex, sizeof hex, key, sizeof key);
	int fd = open(key_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return err_set(err, ACTIP_ERR, "%s: cannot create the key file: %s", key_path, strerror(errno));
	hex[64] = '\n';
	bool ok = write(fd, hex, 65) == 65 && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	sodium_memzero(hex, sizeof hex);
	if (!ok) {
		unlink(key_path);
		return err_set(err, ACTIP_EIO, "%s: cannot write the key file", key_path);
	}
	int rc = record_mode(st, key, err);
	sodium_memzero(key, sizeof key);
	if (rc < 0) {
		unlink(key_path);
		return ACTIP_ERR;
	}
	return ACTIP_OK;
}

/* "p:" and the keyed hash of the clear key, in hex. */
char *store_person_pseudonym(const store *st, const char *clear_key)
{
	unsigned char md[32];
	crypto_generichash(md, sizeof md, (const unsigned char *)clear_key, strlen(clear_key), st->person_key,
			   sizeof st->person_key);
	char *out = malloc(2 + 64 + 1);
	if (!out)
		return NULL;
	out[0] = 'p';
	out[1] = ':';
	sodium_bin2hex(out + 2, 65, md, sizeof md);
	return out;
}

/* The secretbox key for data a pseudonymised store keeps only for a while (an upload
 * awaiting confirmation), derived from the pseudonymisation key. */
static void seal_key(const store *st, unsigned char k[crypto_secretbox_KEYBYTES])
{
	static const char ctx[] = "actip pending upload";
	crypto_generichash(k, crypto_secretbox_KEYBYTES, (const unsigned char *)ctx, sizeof ctx - 1, st->person_key,
			   sizeof st->person_key);
}

/* Encrypts len bytes into a malloc'd nonce + ciphertext (see store.h). */
int store_seal(const store *st, const void *data, size_t len, unsigned char **out, size_t *out_len)
{
	unsigned char k[crypto_secretbox_KEYBYTES];
	*out_len = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
	*out = malloc(*out_len);
	if (!*out)
		return -1;
	randombytes_buf(*out, crypto_secretbox_NONCEBYTES);
	seal_key(st, k);
	crypto_secretbox_easy(*out + crypto_secretbox_NONCEBYTES, data, len, *out, k);
	sodium_memzero(k, sizeof k);
	return 0;
}

/* Decrypts what store_seal wrote into a malloc'd, NUL-terminated buffer (see store.h). */
int store_unseal(const store *st, const unsigned char *data, size_t len, char **out, size_t *out_len)
{
	if (len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		return -1;
	unsigned char k[crypto_secretbox_KEYBYTES];
	*out_len = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	*out = malloc(*out_len + 1);
	if (!*out)
		return -1;
	seal_key(st, k);
	int rc = crypto_secretbox_open_easy((unsigned char *)*out, data + crypto_secretbox_NONCEBYTES,
					    len - crypto_secretbox_NONCEBYTES, data, k);
	sodium_memzero(k, sizeof k);
	if (rc != 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	(*out)[*out_len] = '\0';
	return 0;
}
