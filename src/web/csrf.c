/* CSRF tokens: derived from the session token with keyed BLAKE2b (a fixed, public
 * domain-separation key: the secret is the session token itself, which the attacker of
 * a cross-site request cannot read), and compared in constant time. */
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

/* Constant-time equality of two tokens; different lengths are unequal. */
bool csrf_equal(const char *expected, const char *given)
{
	if (!expected || !given)
		return false;
	size_t n = strlen(expected);
	if (n == 0 || strlen(given) != n)
		return false;
	return sodium_memcmp(expected, given, n) == 0;
}
