/* Which template column a header cell means, for files not written from the template:
 * headers as people type them ("Full name", "Gender"), the group paths and metadata
 * columns of form tools (KoboToolbox, ODK, Google and Microsoft Forms), and the
 * user's own mapping (`--map FILE`, a CSV of template, source, column). The aliases
 * and the ignored names are one table each, here (spec/import-formats.md). */
#ifndef ACTIP_IMPORT_HEADERS_H
#define ACTIP_IMPORT_HEADERS_H

#include <stddef.h>

#include "import/diag.h"
#include "import/template.h"

/* A user's mapping: header as written in a file → column of a template ("" = ignore). */
typedef struct header_map_entry {
	char *tpl, *source_key, *column;
} header_map_entry;

typedef struct header_map {
	header_map_entry *items;
	size_t n;
} header_map;

enum { HEADER_IGNORED = -2, HEADER_UNKNOWN = -1 };

/* Reads a mapping file (columns template, source, column). Errors go to diag as
 * FILE:LINE: COLUMN; returns 0 or -1. */
int header_map_load(header_map *m, const char *path, diag_list *diag);
void header_map_free(header_map *m);

/* The template column the header cell `name` stands for (an index into t->cols),
 * HEADER_IGNORED for a form tool's own column or a mapping to nothing, or
 * HEADER_UNKNOWN. `map` may be NULL. */
int header_match(const template *t, const char *name, const header_map *map);

/* The comparison key of a header: NFKC, case folded, without spaces, _ - . and /.
 * malloc'd; NULL when out of memory or not UTF-8. */
char *header_key(const char *name);

#endif
