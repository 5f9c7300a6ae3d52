/* What the importer's fuzz targets share: an in-memory store seeded once with
 * tests/fixtures/good (so references resolve and rows get past the lookups), and one
 * input imported as a dry run with the invariants checked: no crash or sanitizer report,
 * an input error always explained by a diagnostic, no transaction left open, and the
 * stored rows the same after the run as before. */
#ifndef ACTIP_FUZZ_IMPORTLIB_H
#define ACTIP_FUZZ_IMPORTLIB_H

#include <stddef.h>
#include <stdint.h>

/* Opens the store and imports the good fixtures; aborts when that fails. */
void fuzz_import_init(const char *who);

/* Imports the bytes as one stream of the template, as a dry run; aborts when an
 * invariant breaks. */
void fuzz_import_one(const uint8_t *data, size_t size, const char *template_name,
		     const char *label);

#endif
