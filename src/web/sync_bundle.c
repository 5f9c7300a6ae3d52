/* Sync bundles (see sync.h and docs/sync.md, "Without any link"): the changes of an
 * instance, or a server's changes for one, as a file carried by hand. A bundle is JSON
 * and a line "mac HEX": libsodium's crypto_auth (HMAC-SHA-512-256) over the JSON with a
 * key that belongs to one account on one server (derived from the server's instance key
 * and the account's name, and given to the account's clone), so an altered bundle, one
 * made by or for another instance, or one going the wrong way is refused before any of
 * it is read further. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "web/sync.h"

void sync_bundle_key(const char instance_key[65], const char *account, char out[65])
{
	unsigned char k[32], md[32];
	size_t n;
	sodium_hex2bin(k, sizeof k, instance_key, 64, NULL, &n, NULL);
	crypto_generichash_state h;
	crypto_generichash_init(&h, k, sizeof k, sizeof md);
	static const char label[] = "actip bundle key\n";
	crypto_generichash_update(&h, (const unsigned char *)label, sizeof label - 1);
	crypto_generichash_update(&h, (const unsigned char *)account, strlen(account));
	crypto_generichash_final(&h, md, sizeof md);
	sodium_bin2hex(out, 65, md, sizeof md);
	sodium_memzero(k, sizeof k);
}

void sync_instance_id(const char instance_key[65], char out[17])
{
	unsigned char k[32], md[8];
	size_t n;
	sodium_hex2bin(k, sizeof k, instance_key, 64, NULL, &n, NULL);
	static const char label[] = "actip instance id";
	crypto_generichash(md, sizeof md, (const unsigned char *)label, sizeof label - 1, k, sizeof k);
	sodium_bin2hex(out, 17, md, sizeof md);
	sodium_memzero(k, sizeof k);
}

/* The MAC of text with a bundle key, as 64 hex digits. */
static void bundle_mac(const char *text, size_t len, const char bkey[65], char out[65])
{
	unsigned char k[crypto_auth_KEYBYTES], mac[crypto_auth_BYTES];
	size_t n;
	sodium_hex2bin(k, sizeof k, bkey, 64, NULL, &n, NULL);
	crypto_auth(mac, (const unsigned char *)text, len, k);
	sodium_bin2hex(out, 65, mac, sizeof mac);
	sodium_memzero(k, sizeof k);
}

int sync_bundle_write(const char *path, const char *instance, const char *account, const char bkey[65],
		      json_t *body, actip_err *err)
{
	json_t *o = json_pack("{ssssss}", "format", "actip-sync-bundle", "instance", instance, "account", account);
	json_object_update(o, body);
	char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!text)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	char mac[65], tmp[4200];
	bundle_mac(text, strlen(text), bkey, mac);
	snprintf(tmp, sizeof tmp, "%s.part", path);
	FILE *f = fopen(tmp, "wx");
	if (!f) {
		free(text);
		return err_set(err, ACTIP_EIO, "%s: cannot create (%s)", tmp, strerror(errno));
	}
	int bad = fprintf(f, "%s\nmac %s\n", text, mac) < 0;
	free(text);
	bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, path) != 0) {
		unlink(tmp);
		return err_set(err, ACTIP_EIO, "%s: cannot write (%s)", path, strerror(errno));
	}
	return ACTIP_OK;
}

json_t *sync_bundle_open(const char *path, const char instance_key[65], actip_err *err)
{
	return sync_bundle_read(path, instance_key, NULL, NULL, err);
}

json_t *sync_bundle_read(const char *path, const char *instance_key, const char *instance_id, const char *bkey_given,
			 actip_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(err, ACTIP_EIO, "%s: cannot open (%s)", path, strerror(errno)), NULL;
	char *text = NULL;
	size_t cap = 0, len = 0;
	for (;;) {
		if (len + 65536 > cap) {
			char *n = realloc(text, cap = cap * 2 + 65536);
			if (!n) {
				free(text);
				fclose(f);
				return err_set(err, ACTIP_ENOMEM, "out of memory"), NULL;
			}
			text = n;
		}
		size_t got = fread(text + len, 1, cap - len - 1, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);
	text[len] = '\0';
	char *nl = len > 70 ? memchr(text, '\n', len) : NULL;
	if (!nl || strncmp(nl + 1, "mac ", 4) != 0 || strlen(nl + 5) < 64) {
		free(text);
		return err_set(err, ACTIP_EINPUT, "%s:1: not an actip sync bundle (no authentication line)", path), NULL;
	}
	json_error_t je;
	json_t *o = json_loadb(text, (size_t)(nl - text), 0, &je);
	const char *format = json_string_value(json_object_get(o, "format"));
	const char *instance = json_string_value(json_object_get(o, "instance"));
	const char *account = json_string_value(json_object_get(o, "account"));
	const char *direction = json_string_value(json_object_get(o, "direction"));
	bool down = direction && strcmp(direction, "down") == 0;
	if (!o || !format || strcmp(format, "actip-sync-bundle") != 0 || !instance || !account ||
	    !json_is_array(json_object_get(o, down ? "records" : "items"))) {
		json_decref(o);
		free(text);
		return err_set(err, ACTIP_EINPUT, "%s:1: %d: not an actip sync bundle", path, je.column), NULL;
	}
	char mine[17];
	if (instance_key)
		sync_instance_id(instance_key, mine);
	else
		snprintf(mine, sizeof mine, "%s", instance_id);
	if (strcmp(instance, mine) != 0) {
		err_set(err, ACTIP_EINPUT,
			"%s: this bundle was made for another instance or programme (%.16s; this one is %s); refused",
			path, instance, mine);
		json_decref(o);
		free(text);
		return NULL;
	}
	char bkey[65], mac[65];
	if (instance_key)
		sync_bundle_key(instance_key, account, bkey);
	else
		snprintf(bkey, sizeof bkey, "%s", bkey_given);
	bundle_mac(text, (size_t)(nl - text), bkey, mac);
	if (sodium_memcmp(mac, nl + 5, 64) != 0) {
		err_set(err, ACTIP_EINPUT,
			"%s: the bundle's authentication fails: it was altered, or not made by account '%.64s'; refused",
			path, account);
		json_decref(o);
		free(text);
		return NULL;
	}
	free(text);
	if (down != !instance_key) { /* an instance's changes go to its server, a server's to the instance */
		err_set(err, ACTIP_EINPUT, "%s: this bundle goes %s; refused here", path,
			down ? "from a server to an instance cloned from it (apply it there)"
			     : "from an instance to its server (apply it on the server)");
		json_decref(o);
		return NULL;
	}
	return o;
}

