/* A small open-addressing hash map from strings to int64 values, for the per-run
 * bookkeeping of an import (keys seen in a file, the next sequence number of each
 * activity). Keys are copied. */
#ifndef ACTIP_CORE_STRMAP_H
#define ACTIP_CORE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct strmap {
	char **keys;
	int64_t *vals;
	size_t cap, len;
} strmap;

/* Frees every key and the tables; leaves an empty, reusable map. */
void strmap_free(strmap *m);

/* Looks key up; returns true and sets *val when present. */
bool strmap_get(const strmap *m, const char *key, int64_t *val);

/* Inserts or overwrites; returns 0, or -1 when out of memory. */
int strmap_put(strmap *m, const char *key, int64_t val);

#endif
