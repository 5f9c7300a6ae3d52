/* Open addressing with linear probing and FNV-1a hashing; the table doubles at 50%
 * load so probes stay short. */
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a over the key's bytes. */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Frees everything. */
void strmap_free(strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* Slot of key, or of the empty slot where it would go. */
static size_t slot(const strmap *m, const char *key)
{
	size_t i = hash(key) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Lookup. */
bool strmap_get(const strmap *m, const char *key, int64_t *val)
{
	if (m->cap == 0)
		return false;
	size_t i = slot(m, key);
	if (!m->keys[i])
		return false;
	if (val)
		*val = m->vals[i];
	return true;
}

/* Doubles the table. */
static int grow(strmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	strmap n = {calloc(ncap, sizeof(char *)), calloc(ncap, sizeof(int64_t)), ncap, 0};
	if (!n.keys || !n.vals) {
		free(n.keys);
		free(n.vals);
		return -1;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = slot(&n, m->keys[i]);
		n.keys[j] = m->keys[i];
		n.vals[j] = m->vals[i];
		n.len++;
	}
	free(m->keys);
	free(m->vals);
	*m = n;
	return 0;
}

/* Insert or overwrite. */
int strmap_put(strmap *m, const char *key, int64_t val)
{
	if ((m->len + 1) * 2 > m->cap && grow(m) < 0)
		return -1;
	size_t i = slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = strdup(key);
		if (!m->keys[i])
			return -1;
		m->len++;
	}
	m->vals[i] = val; // NOLINT(clang-analyzer-unix.Malloc): grow() replaced m's arrays; the analyzer follows an impossible cap == 0 with non-NULL keys
	return 0;
}
