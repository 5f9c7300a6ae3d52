/* CSRF tokens: derived from the session token with keyed BLAKE2b (a fixed, public
 * domain-separation key: the secret is the session token itself, which the attacker of
 * a cross-site request cannot read), and compared in constant time. Every answer shows
 * the token masked afresh (a random pad, then the token XOR the pad), so a compressed
 * answer never repeats the same secret bytes for BREACH to measure. */
#include <sodium.h>
#include <string.h>

#include "web/session.h"

/* The CSRF token of a session token. */
void csrf_token(const char *session_token, char out[65])
{
	static const unsigned char key[32] = "actip csrf token derivation v1";
	uint8_t h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)session_token, strlen(session_token),
			   key, sizeof key);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* The token masked with a new random pad: 128 hex digits, pad then token XOR pad. */
void csrf_mask(const char *token, char out[129])
{
	uint8_t raw[32], pad[32], both[64];
	out[0] = '\0';
	if (sodium_hex2bin(raw, sizeof raw, token, strlen(token), NULL, NULL, NULL) != 0)
		return;
	randombytes_buf(pad, sizeof pad);
	for (int i = 0; i < 32; i++) {
		both[i] = pad[i];
		both[32 + i] = raw[i] ^ pad[i];
	}
	sodium_bin2hex(out, 129, both, sizeof both);
	sodium_memzero(raw, sizeof raw);
}

/* Constant-time equality of a token (64 hex digits) and what a client sent: the token
 * as it is, or masked (csrf_mask); anything else is unequal. */
bool csrf_equal(const char *expected, const char *given)
{
	if (!expected || !given)
		return false;
	size_t n = strlen(expected);
	if (n == 0)
		return false;
	if (strlen(given) == 2 * n && n == 64) {
		uint8_t both[64];
		char plain[65];
		if (sodium_hex2bin(both, sizeof both, given, 128, NULL, NULL, NULL) != 0)
			return false;
		for (int i = 0; i < 32; i++)
			both[32 + i] ^= both[i];
		sodium_bin2hex(plain, sizeof plain, both + 32, 32);
		bool same = sodium_memcmp(expected, plain, 64) == 0;
		sodium_memzero(plain, sizeof plain);
		return same;
	}
	if (strlen(given) != n)
		return false;
	return sodium_memcmp(expected, given, n) == 0;
}
