/* The upload page: choose a template (or let the file's name tell it), send a file
 * (CSV or other delimited text, UTF-16 text or an .xlsx workbook, sent by app.js as
 * the raw body with its name and a progress bar, or pasted text in a form without
 * JavaScript), and see either a
 * preview of what would be stored (the write path run and rolled back) or every error
 * as FILE:LINE: COLUMN. The preview shows how each column of the file was read; columns
 * that match none of the template's are mapped by the user (or ignored) in a step of
 * their own, and the choice is remembered for the next file with that header
 * (upload_map.h). A previewed upload waits in pending_upload, bound to the
 * session, until it is confirmed; confirming runs the guarded write for real. Its
 * body (names of people) is deleted at Cancel, when the session ends (session.c), and
 * an hour after it was made by the server's sweep (upload_sweep). */
#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/escape.h"
#include "core/i18n.h"
#include "import/guess.h"
#include "import/headers.h"
#include "import/import.h"
#include "import/template.h"
#include "web/guard.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/session.h"
#include "web/upload_map.h"
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
		page_h(o, ".csv)</option>");
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
	page_h(o, "<div class=\"field\"><label for=\"template\">Template</label><select id=\"template\" name=\"template\">"
	      "<option value=\"\">From the file (its name, sheet or header)</option>");
	template_options(rq, o, selected);
	page_h(o, "</select></div><div class=\"field\"><label for=\"file\">File (CSV, text or Excel .xlsx)</label>"
	      "<input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.tsv,.txt,.xlsx,text/csv,"
	      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></div>"
	      "<div class=\"field\"><label for=\"csv\">…or paste the CSV text</label>"
	      "<textarea id=\"csv\" name=\"csv\" spellcheck=\"false\"></textarea></div>"
	      "<details class=\"field\" id=\"text-options\"><summary>Options for text files</summary>"
	      "<div class=\"field\"><label for=\"encoding\">Encoding</label><select id=\"encoding\" name=\"encoding\">"
	      "<option value=\"\">UTF-8 or UTF-16 (found from the file)</option>"
	      "<option value=\"CP874\">Thai, Windows (CP874)</option><option value=\"TIS-620\">Thai (TIS-620)</option>"
	      "<option value=\"CP1258\">Vietnamese, Windows (CP1258)</option>"
	      "<option value=\"CP1252\">Western European, Windows (CP1252)</option></select></div>"
	      "<div class=\"field\"><label for=\"date_order\">Dates written with slashes</label>"
	      "<select id=\"date_order\" name=\"date_order\"><option value=\"\">Not used (dates as YYYY-MM-DD)</option>"
	      "<option value=\"dmy\">Day/month/year (31/12/2021)</option>"
	      "<option value=\"mdy\">Month/day/year (12/31/2021)</option></select></div></details>"
	      "<div class=\"field\"><label><input type=\"checkbox\" id=\"append\" name=\"append\" value=\"1\"> "
	      "Add the participants or feedback to those stored for each activity (instead of replacing "
	      "them)</label></div>"
	      "<button type=\"submit\">Check the upload</button> <progress id=\"upload-progress\" max=\"100\" value=\"0\" hidden></progress>"
	      " <span id=\"upload-status\" role=\"status\"></span><div id=\"upload-errors\"></div>");
	/* app.js's words, translated here with the page's ({sent}, {total}: sizes) */
	page_h(o, "<p id=\"upload-words\" hidden><span data-w=\"progress\">Sending {sent} of {total}…</span>"
	      "<span data-w=\"size\">Sending {total}…</span><span data-w=\"checking\">Sent; checking the file…</span>"
	      "<span data-w=\"refused\">Nothing was stored; fix the file and send it again.</span>"
	      "<span data-w=\"failed\">The file could not be sent. Check the connection and try again.</span></p></form>");
}

/* GET /upload. */
static void upload_get(web_req *rq, web_resp *rs)
{
	page_begin(rq, rs, _("Upload"), "upload");
	page_h(rs->out, "<h1>Upload a data-collection file</h1><p class=\"lead\">The file is checked first; nothing is stored "
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

/* What an upload is checked with, kept with a preview so that the mapping step and the
 * confirmation read the file the same way. Strings as the form names them; NULL = none. */
typedef struct upload_opts {
	char tpl[32];
	bool append;
	char name[96];        /* the user's file name; "" = none */
	char encoding[48], date_order[8], delimiter[16];
} upload_opts;

/* Copies an optional string into a buffer ("" for NULL). */
static void set_opt(char *buf, size_t size, const char *v)
{
	snprintf(buf, size, "%s", v ? v : "");
}

/* Binds "" as NULL. */
static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (*v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* The format the options name (strings point into u). */
static void opts_format(const upload_opts *u, upload_format *f)
{
	if (upload_format_parse(u->encoding, u->date_order, u->delimiter, f)) /* checked when received */
		memset(f, 0, sizeof *f);
}

/* Keeps an upload for confirmation; fills the id (hex). */
static int keep_pending(web_req *rq, const upload_opts *u, const char *body, size_t len, char id[65])
{
	uint8_t hash[32];
	session_new_token(id, hash);
	sqlite3_stmt *s;
	upload_sweep(rq->st, rq->now);
	if (sqlite3_prepare_v2(rq->st->db, "INSERT INTO pending_upload(id_hash, token_hash, template, body, created, "
					   "append, name, encoding, date_order, delimiter) "
					   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_blob(s, 2, rq->token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, u->tpl, -1, SQLITE_STATIC);
	unsigned char *sealed = NULL; /* pseudonymisation mode: no clear name in the database */
	size_t sealed_len = 0;
	if (rq->st->pseudonymised && store_seal(rq->st, body, len, &sealed, &sealed_len) < 0) {
		sqlite3_finalize(s);
		return -1;
	}
	if (sealed)
		sqlite3_bind_blob(s, 4, sealed, (int)sealed_len, SQLITE_STATIC);
	else
		sqlite3_bind_blob(s, 4, body, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (long long)rq->now);
	sqlite3_bind_int(s, 6, u->append);
	bind_opt(s, 7, u->name);
	bind_opt(s, 8, u->encoding);
	bind_opt(s, 9, u->date_order);
	bind_opt(s, 10, u->delimiter);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	free(sealed);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads this session's preview `id` (taking it when `take`: the confirmation) into u and
 * a malloc'd body. Returns 1 found, 0 unknown or expired, -1 database failure. */
static int load_pending(web_req *rq, const char *id, bool take, upload_opts *u, char **body, size_t *len)
{
	uint8_t hash[32];
	*body = NULL;
	*len = 0;
	memset(u, 0, sizeof *u);
	if (!id || session_hash_token(id, hash) < 0)
		return 0;
	sqlite3_stmt *s;
	const char *sql = take ? "DELETE FROM pending_upload WHERE id_hash = ?1 AND token_hash = ?2 AND created >= ?3 "
				 "RETURNING template, body, append, name, encoding, date_order, delimiter"
			       : "SELECT template, body, append, name, encoding, date_order, delimiter FROM pending_upload "
				 "WHERE id_hash = ?1 AND token_hash = ?2 AND created >= ?3";
	if (sqlite3_prepare_v2(rq->st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_blob(s, 2, rq->token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (long long)rq->now - UPLOAD_PENDING_SECS);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW) {
		set_opt(u->tpl, sizeof u->tpl, (const char *)sqlite3_column_text(s, 0));
		u->append = sqlite3_column_int(s, 2) == 1;
		set_opt(u->name, sizeof u->name, (const char *)sqlite3_column_text(s, 3));
		set_opt(u->encoding, sizeof u->encoding, (const char *)sqlite3_column_text(s, 4));
		set_opt(u->date_order, sizeof u->date_order, (const char *)sqlite3_column_text(s, 5));
		set_opt(u->delimiter, sizeof u->delimiter, (const char *)sqlite3_column_text(s, 6));
		size_t n = (size_t)sqlite3_column_bytes(s, 1);
		if (rq->st->pseudonymised) {
			if (store_unseal(rq->st, sqlite3_column_blob(s, 1), n, body, len) < 0)
				*body = NULL;
		} else if ((*body = malloc(n + 1))) {
			if (n)
				memcpy(*body, sqlite3_column_blob(s, 1), n);
			(*body)[n] = '\0';
			*len = n;
		}
		found = *body ? 1 : -1;
		rc = sqlite3_step(s);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(*body);
		*body = NULL;
		return -1;
	}
	return found;
}

/* One header cell as the importer matched it (a line of web_write.headers). */
typedef struct hdr_cell {
	char source[256];
	char column[64]; /* "" not matched, "-" ignored */
} hdr_cell;

enum { MAX_MAP_CELLS = 64 };

/* Splits web_write.headers into cells; returns how many. */
static int header_cells(const char *headers, hdr_cell *cells, int max)
{
	int n = 0;
	for (const char *p = headers; *p && n < max;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		const char *t1 = memchr(p, '\t', l);
		const char *t2 = t1 ? memchr(t1 + 1, '\t', l - (size_t)(t1 + 1 - p)) : NULL;
		if (t1 && t2) {
			snprintf(cells[n].source, sizeof cells[n].source, "%.*s", (int)(t2 - t1 - 1), t1 + 1);
			snprintf(cells[n].column, sizeof cells[n].column, "%.*s", (int)(p + l - t2 - 1), t2 + 1);
			n++;
		}
		p += l + (e ? 1 : 0);
	}
	return n;
}

/* True when template column `col` is among the matched cells. */
static bool column_matched(const hdr_cell *cells, int n, const char *col)
{
	for (int i = 0; i < n; i++)
		if (strcmp(cells[i].column, col) == 0)
			return true;
	return false;
}

/* How the file's columns were read, and for those that match nothing (and the required
 * columns the file lacks) a form to choose the column of each or ignore it. */
static void header_report(web_req *rq, FILE *o, const template *t, const web_write *w, const char *pending_id)
{
	hdr_cell cells[MAX_MAP_CELLS];
	int n = header_cells(w->headers, cells, MAX_MAP_CELLS);
	if (n == 0)
		return;
	int unmatched = 0, missing = 0;
	for (int i = 0; i < n; i++)
		unmatched += cells[i].column[0] == '\0';
	for (int c = 0; c < t->ncols; c++)
		missing += t->cols[c].required && !column_matched(cells, n, t->cols[c].name);
	fputs("<details id=\"columns\"", o);
	fputs(unmatched || missing ? " open>" : ">", o);
	page_h(o, "<summary>How the file's columns were read</summary><table class=\"columns\"><thead><tr>"
		  "<th scope=\"col\">Column in the file</th><th scope=\"col\">Read as</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		fputs("<tr><td>", o);
		esc_html_text(o, cells[i].source);
		fputs("</td><td>", o);
		if (!cells[i].column[0])
			page_h(o, "<strong>not matched</strong>");
		else if (strcmp(cells[i].column, "-") == 0)
			fputs(_("ignored"), o);
		else {
			fputs("<code>", o);
			esc_html_text(o, cells[i].column);
			fputs("</code>", o);
		}
		fputs("</td></tr>", o);
	}
	fputs("</tbody></table></details>", o);
	if ((!unmatched && !missing) || !pending_id)
		return;
	page_h(o, "<form id=\"mapping\" method=\"post\" action=\"/upload/map\"><h2>Match the columns</h2>");
	if (unmatched)
		page_h(o, "<p>Choose the template column each of these columns holds, or ignore it. Your choice is "
		      "remembered for the next file with the same column names.</p>");
	page_csrf_field(rq, o);
	fputs("<input type=\"hidden\" name=\"id\" value=\"", o);
	esc_html_attr(o, pending_id);
	fputs("\">", o);
	if (missing) {
		page_h(o, "<p id=\"missing\">The template needs ");
		int k = 0;
		for (int c = 0; c < t->ncols; c++)
			if (t->cols[c].required && !column_matched(cells, n, t->cols[c].name)) {
				fputs(k++ ? ", " : "", o);
				fputs("<code>", o);
				esc_html_text(o, t->cols[c].name);
				fputs("</code>", o);
			}
		if (unmatched)
			page_h(o, ", which the file does not name.</p>");
		else
			page_h(o, ", which the file does not name. Add the column to the file and upload it again.</p>");
	}
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (cells[i].column[0])
			continue;
		fprintf(o, "<div class=\"field\"><label for=\"c%d\">", k);
		esc_html_text(o, cells[i].source);
		fprintf(o, "</label><input type=\"hidden\" name=\"h%d\" value=\"", k);
		esc_html_attr(o, cells[i].source);
		fprintf(o, "\"><select id=\"c%d\" name=\"c%d\"><option value=\"\">", k, k);
		esc_html_text(o, _("Ignore this column"));
		fputs("</option>", o);
		for (int c = 0; c < t->ncols; c++) {
			if (column_matched(cells, n, t->cols[c].name))
				continue;
			fputs("<option value=\"", o);
			esc_html_attr(o, t->cols[c].name);
			fputs("\">", o);
			esc_html_text(o, t->cols[c].name);
			if (t->cols[c].required)
				page_h(o, " (needed)</option>");
			else
				fputs("</option>", o);
		}
		fputs("</select></div>", o);
		k++;
	}
	if (unmatched)
		page_h(o, "<button type=\"submit\">Use these columns and check again</button>");
	fputs("</form>", o);
}

/* True when the check found columns for the user to map (the preview is kept for it). */
static bool needs_mapping(const web_write *w)
{
	hdr_cell cells[MAX_MAP_CELLS];
	int n = header_cells(w->headers, cells, MAX_MAP_CELLS);
	for (int i = 0; i < n; i++)
		if (!cells[i].column[0])
			return true;
	return false;
}

/* The outcome of a check or a store. */
static void outcome(web_req *rq, web_resp *rs, const upload_opts *u, web_write *w, const char *pending_id)
{
	FILE *o = rs->out;
	const char *tpl = u->tpl;
	const template *t = template_find(tpl);
	rs->status = w->status;
	page_begin(rq, rs, _("Upload"), "upload");
	page_h(o, "<h1>Upload a data-collection file</h1>");
	if (u->name[0]) {
		fputs("<p class=\"lead\">", o);
		esc_html_text(o, u->name);
		page_h(o, " as <code>");
		esc_html_text(o, tpl);
		fputs("</code></p>", o);
	}
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
		if (w->replaced_detail && w->replaced_detail[0]) { /* nothing removed without saying what */
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
			page_h(o, " Activities: ");
			esc_html_text(o, w->touched);
			fputs(".", o);
		}
		page_h(o, " Nothing is stored yet.</div>");
		if (t)
			header_report(rq, o, t, w, pending_id);
		fputs("<form method=\"post\" action=\"/upload/confirm\">", o);
		page_csrf_field(rq, o);
		fputs("<input type=\"hidden\" name=\"id\" value=\"", o);
		esc_html_attr(o, pending_id);
		fputs("\"><div class=\"actions\"><button type=\"submit\">", o);
		esc_html_text(o, needs_mapping(w) ? _("Store it without the unmatched columns") : _("Store it"));
		page_h(o, "</button><button type=\"submit\" class=\"secondary\" formaction=\"/upload/cancel\">Cancel</button>"
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
		page_h(o, "<div class=\"msg bad\" id=\"errors\" role=\"alert\"><strong>Nothing was stored.</strong> ");
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
		fputs("</div>", o);
		if (t)
			header_report(rq, o, t, w, pending_id);
		if (pending_id && pending_id[0]) { /* the kept preview is not left behind */
			fputs("<form method=\"post\" action=\"/upload/cancel\">", o);
			page_csrf_field(rq, o);
			fputs("<input type=\"hidden\" name=\"id\" value=\"", o);
			esc_html_attr(o, pending_id);
			page_h(o, "\"><button type=\"submit\" class=\"secondary\">Cancel this upload</button></form>");
		}
		page_h(o, "<h2>Try again</h2>");
		upload_form(rq, rs, tpl);
	}
	page_end(rs);
}

/* POST /upload?template=T&name=N (the file as the body) or a form with template and csv. */
static void upload_post(web_req *rq, web_resp *rs)
{
	const char *tpl, *body, *ap, *name = NULL;
	size_t len;
	bool raw = web_write_file_type(rq->content_type);
	if (raw) {
		tpl = req_query(rq, "template");
		ap = req_query(rq, "append");
		name = req_query(rq, "name");
		body = rq->body;
		len = rq->body_len;
	} else {
		tpl = form_get(rq, "template");
		ap = form_get(rq, "append");
		body = form_get(rq, "csv");
		len = body ? strlen(body) : 0;
	}
	upload_format f;
	const char *bad = upload_format_read(rq, !raw, &f);
	if (bad)
		return page_error(rq, rs, 400, _(bad));
	if ((!tpl || !*tpl) && body) { /* "participants-kh.xlsx", a sheet "Participants", or the header */
		import_format g = {.encoding = f.encoding, .delimiter = f.delimiter, .date_order = f.date_order};
		tpl = import_guess_template(body, len, name, &g);
	}
	const template *t = tpl ? template_find(tpl) : NULL;
	if (!t || !body)
		return page_error(rq, rs, 400, _("Choose a template and a file: neither the file's name, its sheets nor "
						 "its header tell which template it is."));
	upload_opts u = {.append = ap && strcmp(ap, "1") == 0};
	set_opt(u.tpl, sizeof u.tpl, t->name);
	set_opt(u.name, sizeof u.name, name);
	set_opt(u.encoding, sizeof u.encoding, raw ? req_query(rq, "encoding") : form_get(rq, "encoding"));
	set_opt(u.date_order, sizeof u.date_order, raw ? req_query(rq, "date_order") : form_get(rq, "date_order"));
	set_opt(u.delimiter, sizeof u.delimiter, raw ? req_query(rq, "delimiter") : form_get(rq, "delimiter"));
	web_write w;
	web_write_upload(rq, t->name, body, len, true, u.append, &f, NULL, &w);
	char id[65] = "";
	if ((w.status == 200 || (w.status == 422 && needs_mapping(&w))) && keep_pending(rq, &u, body, len, id) < 0) {
		web_write_free(&w);
		return page_error(rq, rs, 500, _("The upload could not be kept for confirmation."));
	}
	outcome(rq, rs, &u, &w, id);
	web_write_free(&w);
}

/* Checks a kept upload again (pending_id: the preview it stays under) or, with no
 * pending_id, stores it; frees body and answers with the outcome. */
static void run_kept(web_req *rq, web_resp *rs, const upload_opts *u, char *body, size_t len, const char *pending_id)
{
	upload_format f;
	opts_format(u, &f);
	web_write w;
	web_write_upload(rq, u->tpl, body, len, pending_id != NULL, u->append, &f, u->name[0] ? u->name : NULL, &w);
	free(body);
	outcome(rq, rs, u, &w, pending_id);
	web_write_free(&w);
}

/* POST /upload/map: remembers the columns the user chose for a kept upload's unmatched
 * header cells (h0, c0, h1, c1, ...), then checks the upload again with them. */
static void map_post(web_req *rq, web_resp *rs)
{
	const char *id = form_get(rq, "id");
	upload_opts u;
	char *body;
	size_t len;
	int found = load_pending(rq, id, false, &u, &body, &len);
	if (found < 0)
		return page_error(rq, rs, 500, _("The database is not available."));
	if (!found)
		return page_error(rq, rs, 404, _("This upload is unknown or has expired; upload it again."));
	if (!guard_template_allowed(&rq->user, u.tpl)) {
		free(body);
		return page_error(rq, rs, 403, _("Your role may not upload this template."));
	}
	for (int i = 0; i < MAX_MAP_CELLS; i++) {
		char hn[8], cn[8];
		snprintf(hn, sizeof hn, "h%d", i);
		snprintf(cn, sizeof cn, "c%d", i);
		const char *h = form_get(rq, hn), *c = form_get(rq, cn);
		if (!h)
			break;
		int rc = upload_map_save(rq->st, u.tpl, h, c ? c : "", rq->user.name);
		if (rc == 0) { /* audited as the mapping it is: {"source": ..., "column": ...} */
			json_t *j = json_pack("{ssss}", "source", h, "column", c ? c : "");
			char *js = j ? json_dumps(j, JSON_COMPACT) : NULL;
			rc = !js || store_audit_write(rq->st, rq->user.name, rq->addr, "change", "upload_mapping", u.tpl,
						      NULL, js) < 0 ? -1 : 0;
			free(js);
			json_decref(j);
		}
		if (rc != 0) {
			free(body);
			return page_error(rq, rs, rc == -2 ? 400 : 500,
					  rc == -2 ? _("That column is not one of the template's.") : _("The mapping could not be kept."));
		}
	}
	run_kept(rq, rs, &u, body, len, id);
}

/* POST /upload/confirm: stores a checked upload of this session. */
static void confirm_post(web_req *rq, web_resp *rs)
{
	upload_opts u;
	char *body;
	size_t len;
	int found = load_pending(rq, form_get(rq, "id"), true, &u, &body, &len);
	if (found < 0)
		return page_error(rq, rs, 500, _("The database is not available."));
	if (!found)
		return page_error(rq, rs, 404, _("This upload is unknown or has expired; upload it again."));
	run_kept(rq, rs, &u, body, len, NULL);
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
	{"POST", "/upload/map", map_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/upload/confirm", confirm_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/upload/cancel", cancel_post, R_HTML | R_WRITE | R_FILER},
	{NULL, NULL, NULL, 0},
};
