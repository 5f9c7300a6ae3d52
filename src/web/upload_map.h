/* The column mappings people choose on the upload page, remembered per template and
 * header (table upload_mapping, migration 9), and the format options of an upload
 * (encoding, date order, delimiter) as the upload page and the import API take them. */
#ifndef ACTIP_WEB_UPLOAD_MAP_H
#define ACTIP_WEB_UPLOAD_MAP_H

#include <stdbool.h>

#include "import/headers.h"
#include "import/import.h"
#include "web/web.h"

/* Loads the remembered mappings of a template into m (free with header_map_free).
 * Returns 0 or -1 on a database failure. */
int upload_map_load(store *st, const char *template_name, header_map *m);

/* Remembers that the header `source` (as written; its key is computed here) means the
 * template's column `column` ("" = ignore it), chosen by `user`. The column must be one of
 * the template's. Returns 0, -1 on a database failure, -2 for a column the template does
 * not have or a header with no key. */
int upload_map_save(store *st, const char *template_name, const char *source, const char *column, const char *user);

/* An upload's format options; strings point into the request. */
typedef struct upload_format {
	const char *encoding; /* NULL: found from the bytes */
	char date_order;      /* 'd', 'm' or 0 */
	char delimiter;       /* 0: found from the header */
} upload_format;

/* Reads the options as the upload form and the query name them: encoding (an iconv
 * name), date_order (dmy or mdy) and delimiter (comma, semicolon, tab or pipe); NULL or
 * "" leaves an option to be found from the file. Returns NULL, or what is wrong. */
const char *upload_format_parse(const char *encoding, const char *date_order, const char *delimiter,
				upload_format *f);

/* upload_format_parse of the form's fields (from_form) or the query's. */
const char *upload_format_read(web_req *rq, bool from_form, upload_format *f);

#endif
