/* Remembered column mappings and format options of uploads (see upload_map.h). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "import/decode.h"
#include "import/template.h"
#include "web/server.h"
#include "web/upload_map.h"

int upload_map_load(store *st, const char *template_name, header_map *m)
{
	memset(m, 0, sizeof *m);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT source_key, col FROM upload_mapping WHERE template = ?1 ORDER BY source_key",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, template_name, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		header_map_entry *n = realloc(m->items, (m->n + 1) * sizeof *n);
		if (!n)
			break;
		m->items = n;
		header_map_entry *e = &m->items[m->n];
		e->tpl = strdup(template_name);
		e->source_key = strdup((const char *)sqlite3_column_text(s, 0));
		e->column = strdup((const char *)sqlite3_column_text(s, 1));
		m->n++;
		if (!e->tpl || !e->source_key || !e->column)
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		header_map_free(m);
		return -1;
	}
	return 0;
}

int upload_map_save(store *st, const char *template_name, const char *source, const char *column, const char *user)
{
	const template *t = template_find(template_name);
	bool known = column && !*column;
	for (int c = 0; t && column && c < t->ncols && !known; c++)
		known = strcmp(t->cols[c].name, column) == 0;
	char *key = source ? header_key(source) : NULL;
	if (!t || !known || !key || !*key) {
		free(key);
		return -2;
	}
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, "INSERT INTO upload_mapping(template, source_key, source, col, set_by, set_at) "
					    "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ','now')) "
					    "ON CONFLICT(template, source_key) DO UPDATE SET source = excluded.source, "
					    "col = excluded.col, set_by = excluded.set_by, set_at = excluded.set_at",
				    -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, source, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, column, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, user, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
	}
	free(key);
	return rc == SQLITE_DONE ? 0 : -1;
}

const char *upload_format_read(web_req *rq, bool from_form, upload_format *f)
{
	if (from_form)
		return upload_format_parse(form_get(rq, "encoding"), form_get(rq, "date_order"),
					   form_get(rq, "delimiter"), f);
	return upload_format_parse(req_query(rq, "encoding"), req_query(rq, "date_order"), req_query(rq, "delimiter"), f);
}

const char *upload_format_parse(const char *enc, const char *order, const char *delim, upload_format *f)
{
	memset(f, 0, sizeof *f);
	if (enc && *enc) {
		if (strlen(enc) > 40 || !decode_known(enc))
			return N_("encoding: not an encoding this server knows (e.g. CP874, TIS-620, CP1258, CP1252)");
		f->encoding = enc;
	}
	if (order && *order) {
		if (strcmp(order, "dmy") == 0)
			f->date_order = 'd';
		else if (strcmp(order, "mdy") == 0)
			f->date_order = 'm';
		else
			return N_("date_order: dmy (day/month/year) or mdy (month/day/year)");
	}
	if (delim && *delim) {
		static const char *const names[] = {"comma", "semicolon", "tab", "pipe"};
		static const char chars[] = {',', ';', '\t', '|'};
		for (int i = 0; i < 4 && !f->delimiter; i++)
			if (strcmp(delim, names[i]) == 0)
				f->delimiter = chars[i];
		if (!f->delimiter)
			return N_("delimiter: comma, semicolon, tab or pipe");
	}
	return NULL;
}
