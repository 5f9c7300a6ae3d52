/* Which template an upload is when the user did not say: its file name, else the name
 * of a workbook sheet, else the header row, whose cells are matched to every template's
 * columns as the importer would match them (spec/import-formats.md, "Header names"). */
#ifndef ACTIP_IMPORT_GUESS_H
#define ACTIP_IMPORT_GUESS_H

#include <stddef.h>

#include "import/import.h"

/* The template of the file `body` (len bytes) sent as `name` (may be NULL): the file's
 * name when it names a template; else the first sheet of a workbook whose name names
 * one; else the one template that the header (of a text file, or of the workbook's
 * first sheet) fits best, all its required columns present and more of its columns
 * matched than any other's. NULL when nothing tells, or two templates fit alike.
 * fmt gives the encoding, delimiter and mapping (NULL: found from the file). */
const char *import_guess_template(const char *body, size_t len, const char *name, const import_format *fmt);

#endif
