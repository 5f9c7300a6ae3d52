/* The upload page: choose a template (or let the file's name tell it), send a file
 * (CSV or other delimited text, UTF-16 text or an .xlsx workbook, sent by app.js as
 * the raw body with its name and a progress bar, or pasted text in a form without
 * JavaScript), and see either a
 * preview of what would be stored (the write path run and rolled back) or every error
 * as FILE:LINE: COLUMN. A previewed upload waits in pending_upload, bound to the
 * session, until it is confirmed; confirming runs the guarded write for real. Its
 * body (names of people) is deleted at Cancel, when the session ends (session.c), and
 * an hour after it was made by the server's sweep (upload_sweep). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/escape.h"
#include "core/i18n.h"
#include "import/template.h"
#include "web/guard.h"
#include "import/import.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/session.h"
#include "web/write.h"

/* The templates this user may upload: those whose kind names the user's role as a writer
 * (guard_template_allowed; admins every template), labelled as the kind is. */
static void template_options(web_req *rq, FILE *o, const char *selected)
{
	for (int i = 0; i < template_count; i++) {
		const template *t = template_table[i];
		if (!guard_template_allowed(&rq->user, t->name))
			continue;
		fputs("<option value=\"", o);
		esc_html_attr(o, t->name);
		fputs(selected && strcmp(selected, t->name) == 0 ? "\" selected>" : "\">", o);
		esc_html_text(o, t->kind ? _(t->kind->label) : t->name);
		fputs(" (", o);
		esc_html_text(o, t->name);
		page_h(o,".csv)</option>");
	}
}

/* A template's name as HTML text (malloc'd; NULL when out of memory), for a sentence of
 * the catalog that names it with %s. */
static char *tpl_html(const char *tpl)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	esc_html_text(f, tpl ? tpl : "");
	fclose(f);
	return buf;
}

/* The form. */
static void upload_form(web_req *rq, web_resp *rs, const char *selected)
{
	FILE *o = rs->out;
	fputs("<form id=\"upload-form\" method=\"post\" action=\"/upload\">", o);
	page_csrf_field(rq, o);
	page_h(o,"<div class=\"field\"><label for=\"template\">Template</label><select id=\"template\" name=\"template\">"
	      "<option value=\"\">From the file's name</option>");
	template_options(rq, o, selected);
	page_h(o,"</select></div><div class=\"field\"><label for=\"file\">File (CSV, text or Excel .xlsx)</label>"
	      "<input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.tsv,.txt,.xlsx,text/csv,"
	      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></div>"
	      "<div class=\"field\"><label for=\"csv\">…or paste the CSV text</label>"
	      "<textarea id=\"csv\" name=\"csv\" spellcheck=\"false\"></textarea></div>"
	      "<div class=\"field\"><label><input type=\"checkbox\" id=\"append\" name=\"append\" value=\"1\"> "
	      "Add the participants or feedback to those stored for each activity (instead of replacing "
	      "them)</label></div>"
	      "<button type=\"submit\">Check the upload</button> <progress id=\"upload-progress\" max=\"100\" value=\"0\" hidden></progress>"
	      " <span id=\"upload-status\" role=\"status\"></span><div id=\"upload-errors\"></div></form>");
}

/* GET /upload. */
static void upload_get(web_req *rq, web_resp *rs)
{
	page_begin(rq, rs, _("Upload"), "upload");
	page_h(rs->out,"<h1>Upload a data-collection file</h1><p class=\"lead\">The file is checked first; nothing is stored "
	      "until you confirm. An upload is stored whole or not at all.</p>");
	upload_form(rq, rs, NULL);
	page_end(rs);
}

/* Deletes the previews older than UPLOAD_PENDING_SECS; -1 on a database failure. */
int upload_sweep(store *st, time_t now)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "DELETE FROM pending_upload WHERE created < ?1", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, (long long)now - UPLOAD_PENDING_SECS);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Keeps an upload for confirmation; fills the id (hex). */
static int keep_pending(web_req *rq, const char *tpl, bool append, const char *csv, size_t len, char id[65])
{
	uint8_t hash[32];
	session_new_token(id, hash);
	sqlite3_stmt *s;
	upload_sweep(rq->st, rq->now);
	if (sqlite3_prepare_v2(rq->st->db, "INSERT INTO pending_upload(id_hash, token_hash, template, body, created, "
					   "append) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_blob(s, 2, rq->token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, tpl, -1, SQLITE_STATIC);
	unsigned char *sealed = NULL; /* pseudonymisation mode: no clear name in the database */
	size_t sealed_len = 0;
	if (rq->st->pseudonymised && store_seal(rq->st, csv, len, &sealed, &sealed_len) < 0) {
		sqlite3_finalize(s);
		return -1;
	}
	if (sealed)
		sqlite3_bind_blob(s, 4, sealed, (int)sealed_len, SQLITE_STATIC);
	else
		sqlite3_bind_blob(s, 4, csv, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (long long)rq->now);
	sqlite3_bind_int(s, 6, append);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	free(sealed);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The outcome of a check or a store. */
static void outcome(web_req *rq, web_resp *rs, const char *tpl, web_write *w, const char *pending_id)
{
	FILE *o = rs->out;
	rs->status = w->status;
	page_begin(rq, rs, _("Upload"), "upload");
	page_h(o,"<h1>Upload a data-collection file</h1>");
	if (w->status == 200 && pending_id) {
		page_h(o, "<div class=\"msg\" id=\"preview\"><strong>Checked: no errors.</strong> ");
		char *name = tpl_html(tpl);
		/* TRANSLATORS: %2$s is the template's name, such as "participants" */
		fprintf(o, P_("This upload would store %ld %s row", "This upload would store %ld %s rows", w->rows), w->rows,
			name ? name : "");
		free(name);
		fputs(" (", o);
		fprintf(o, P_("%ld new or changed", "%ld new or changed", w->changed), w->changed);
		if (w->replaced)
			fprintf(o, P_("; replacing what %ld activity had", "; replacing what %ld activities had", w->replaced),
				w->replaced);
		fputs(").", o);
		if (w->replaced_detail[0]) { /* nothing removed without saying what */
			fputs("<ul id=\"replaced\">", o);
			for (const char *p = w->replaced_detail; *p;) {
				const char *e = strchr(p, '\n');
				size_t l = e ? (size_t)(e - p) : strlen(p);
				char *line = strndup(p, l);
				fputs("<li>", o);
				esc_html_text(o, line ? line : "");
				fputs("</li>", o);
				free(line);
				p += l + (e ? 1 : 0);
			}
			fputs("</ul>", o);
		}
		if (w->touched[0]) {
			page_h(o," Activities: ");
			esc_html_text(o, w->touched);
			fputs(".", o);
		}
		page_h(o," Nothing is stored yet.</div><form method=\"post\" action=\"/upload/confirm\">");
		page_csrf_field(rq, o);
		fputs("<input type=\"hidden\" name=\"id\" value=\"", o);
		esc_html_attr(o, pending_id);
		page_h(o,"\"><div class=\"actions\"><button type=\"submit\">Store it</button>"
		      "<button type=\"submit\" class=\"secondary\" formaction=\"/upload/cancel\">Cancel</button>"
		      "</div></form>");
	} else if (w->status == 200) {
		page_h(o, "<div class=\"msg ok\" id=\"stored\" role=\"status\"><strong>Stored.</strong> ");
		char *name = tpl_html(tpl);
		/* TRANSLATORS: %2$s is the template's name, such as "participants" */
		fprintf(o, P_("%ld %s row", "%ld %s rows", w->rows), w->rows, name ? name : "");
		free(name);
		page_h(o, ".</div><p><a href=\"/\">See the dashboard</a> · <a href=\"/upload\">Upload another "
			  "file</a></p>");
	} else {
		page_h(o,"<div class=\"msg bad\" id=\"errors\" role=\"alert\"><strong>Nothing was stored.</strong> ");
		if (w->status == 422) {
			fprintf(o, P_("%zu error:", "%zu errors:", w->diag.errors), w->diag.errors);
			fputs("<ul class=\"errors\">", o);
			for (size_t i = 0; i < w->diag.len; i++) {
				const diag_entry *e = &w->diag.items[i];
				if (e->kind != DIAG_ERROR)
					continue;
				fputs("<li>", o);
				char where[32];
				esc_html_text(o, e->file);
				fputc(':', o);
				esc_html_text(o, diag_where(e, where, sizeof where));
				fputs(": ", o);
				esc_html_text(o, e->column);
				fputs(": ", o);
				esc_html_text(o, e->message);
				fputs("</li>", o);
			}
			fputs("</ul>", o);
		} else
			esc_html_text(o, w->message);
		page_h(o,"</div><h2>Try again</h2>");
		upload_form(rq, rs, tpl);
	}
	page_end(rs);
}

/* POST /upload?template=T (text/csv body) or a form with template and csv. */
static void upload_post(web_req *rq, web_resp *rs)
{
	const char *tpl, *csv, *ap;
	size_t len;
	if (web_write_file_type(rq->content_type)) {
		tpl = req_query(rq, "template");
		ap = req_query(rq, "append");
		const char *name = req_query(rq, "name");
		if ((!tpl || !*tpl) && name) /* "participants-kh.xlsx" means participants */
			tpl = import_template_for(name);
		csv = rq->body;
		len = rq->body_len;
	} else {
		tpl = form_get(rq, "template");
		ap = form_get(rq, "append");
		csv = form_get(rq, "csv");
		len = csv ? strlen(csv) : 0;
	}
	const template *t = tpl ? template_find(tpl) : NULL;
	if (!t || !csv)
		return page_error(rq, rs, 400, _("Choose a template and a file (its name does not tell the template)."));
	bool append = ap && strcmp(ap, "1") == 0;
	web_write w;
	web_write_csv_mode(rq, t->name, csv, len, true, append, &w);
	char id[65] = "";
	if (w.status == 200 && keep_pending(rq, t->name, append, csv, len, id) < 0) {
		web_write_free(&w);
		return page_error(rq, rs, 500, _("The upload could not be kept for confirmation."));
	}
	outcome(rq, rs, t->name, &w, id);
	web_write_free(&w);
}

/* POST /upload/confirm: stores a checked upload of this session. */
static void confirm_post(web_req *rq, web_resp *rs)
{
	uint8_t hash[32];
	const char *id = form_get(rq, "id");
	if (!id || session_hash_token(id, hash) < 0)
		return page_error(rq, rs, 400, _("This upload is unknown or has expired; upload it again."));
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "DELETE FROM pending_upload WHERE id_hash = ?1 AND token_hash = ?2 "
					   "AND created >= ?3 RETURNING template, body, append", -1, &s, NULL) != SQLITE_OK)
		return page_error(rq, rs, 500, _("The database is not available."));
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_blob(s, 2, rq->token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (long long)rq->now - UPLOAD_PENDING_SECS);
	char tpl[32] = "";
	char *body = NULL;
	size_t len = 0;
	bool append = false;
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(tpl, sizeof tpl, "%s", (const char *)sqlite3_column_text(s, 0));
		append = sqlite3_column_int(s, 2) == 1;
		len = (size_t)sqlite3_column_bytes(s, 1);
		if (rq->st->pseudonymised) {
			if (store_unseal(rq->st, sqlite3_column_blob(s, 1), len, &body, &len) < 0)
				body = NULL;
		} else if ((body = malloc(len + 1))) {
			if (len)
				memcpy(body, sqlite3_column_blob(s, 1), len);
			body[len] = '\0';
		}
	}
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (!body)
		return page_error(rq, rs, 404, _("This upload is unknown or has expired; upload it again."));
	web_write w;
	web_write_csv_mode(rq, tpl, body, len, false, append, &w);
	free(body);
	outcome(rq, rs, tpl, &w, NULL);
	web_write_free(&w);
}

/* POST /upload/cancel: forgets a preview of this session, then back to the form. */
static void cancel_post(web_req *rq, web_resp *rs)
{
	uint8_t hash[32];
	const char *id = form_get(rq, "id");
	sqlite3_stmt *s;
	if (id && session_hash_token(id, hash) == 0 &&
	    sqlite3_prepare_v2(rq->st->db, "DELETE FROM pending_upload WHERE id_hash = ?1 AND token_hash = ?2", -1, &s,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
		sqlite3_bind_blob(s, 2, rq->token_hash, 32, SQLITE_STATIC);
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return page_error(rq, rs, 500, _("The database is not available."));
	}
	resp_redirect(rs, "/upload");
}

const web_route page_upload_routes[] = {
	{"GET", "/upload", upload_get, R_HTML | R_FILER},
	{"POST", "/upload", upload_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/upload/confirm", confirm_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/upload/cancel", cancel_post, R_HTML | R_WRITE | R_FILER},
	{NULL, NULL, NULL, 0},
};
