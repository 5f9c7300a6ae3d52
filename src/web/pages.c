/* The layout and the general pages: sign-in and sign-out, the dashboard with the
 * report's tables for a year, the report downloads, periods (approve and re-open) and
 * the audit log. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/escape.h"
#include "core/num.h"
#include "core/text.h"
#include "report/annual.h"
#include "report/chart.h"
#include "report/rdoc.h"
#include "report/report.h"
#include "web/api.h"
#include "web/cache.h"
#include "web/data.h"
#include "web/guard.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/wpweb.h"
#include "web/session.h"

extern const unsigned char asset_layout_html[];

/* The layout's text around {{main}}: before (with {{title}} and {{nav}}) and after. */
static const char *layout_part(bool after)
{
	const char *l = (const char *)asset_layout_html, *m = strstr(l, "{{main}}");
	return after ? m + 8 : l;
}

/* Writes text up to `end`, filling the placeholders. */
static void fill(web_req *rq, FILE *out, const char *p, const char *end, const char *title, const char *active)
{
	static const struct { const char *key, *label, *href; int need; } nav[] = {
		{"dashboard", "Dashboard", "/", 0}, {"activities", "Activities", "/activities", 0},
		{"workplan", "Work plan", "/workplan", 0}, {"records", "Records", "/records", 0},
		{"upload", "Upload", "/upload", 1}, {"periods", "Periods", "/periods", 0},
		{"audit", "Audit log", "/audit", 2}, {"users", "Accounts", "/users", 2},
		{"sync", "Sync", "/sync/conflicts", 2},
	};
	while (p < end) {
		const char *ph = strstr(p, "{{");
		if (!ph || ph >= end) {
			fwrite(p, 1, (size_t)(end - p), out);
			return;
		}
		fwrite(p, 1, (size_t)(ph - p), out);
		const char *close = strstr(ph, "}}");
		if (!close)
			return;
		size_t klen = (size_t)(close - ph - 2);
		if (klen == 5 && strncmp(ph + 2, "title", 5) == 0)
			esc_html_text(out, title);
		else if (klen == 3 && strncmp(ph + 2, "nav", 3) == 0 && rq->authed) {
			fputs("<nav class=\"main\" aria-label=\"Main\">", out);
			for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
				if ((nav[i].need == 1 && !page_may_upload(&rq->user)) ||
				    (nav[i].need == 2 && rq->user.role != ROLE_ADMIN))
					continue;
				fprintf(out, "<a href=\"%s\"%s>%s</a>", nav[i].href,
					active && strcmp(active, nav[i].key) == 0 ? " aria-current=\"page\"" : "", nav[i].label);
			}
			fputs("</nav><div class=\"who\"><span>", out);
			esc_html_text(out, rq->user.name);
			fputs(" · ", out);
			esc_html_text(out, web_role_name(rq->user.role));
			if (rq->user.country[0]) {
				fputs(" ", out);
				esc_html_text(out, rq->user.country);
			}
			fputs("</span><a href=\"/me\" id=\"my-password\">Password</a><form method=\"post\" action=\"/logout\">", out);
			page_csrf_field(rq, out);
			fputs("<button type=\"submit\">Sign out</button></form></div>", out);
		}
		p = close + 2;
	}
}

/* Layout up to the content. */
void page_begin(web_req *rq, web_resp *rs, const char *title, const char *active)
{
	const char *l = layout_part(false), *m = strstr(l, "{{main}}");
	fill(rq, rs->out, l, m, title, active);
}

/* Layout after the content. */
void page_end(web_resp *rs)
{
	fputs(layout_part(true), rs->out);
}

/* A note that a list on the page stopped early on a database error (rc is the last
 * sqlite3_step's answer; SQLITE_DONE writes nothing). */
void page_incomplete(FILE *out, int rc)
{
	if (rc != SQLITE_DONE)
		fputs("<div class=\"msg bad\" role=\"alert\">Part of this page could not be read from the "
		      "database; what is shown may be incomplete. Reload the page.</div>", out);
}

/* Hidden CSRF field. */
void page_csrf_field(web_req *rq, FILE *out)
{
	char masked[129];
	csrf_mask(rq->csrf, masked); /* afresh in every answer: nothing for BREACH to find */
	fputs("<input type=\"hidden\" name=\"csrf\" value=\"", out);
	esc_html_attr(out, masked);
	fputs("\">", out);
}

/* <option> list. */
void page_options(FILE *out, const char *const *values, const char *const *labels, const char *selected)
{
	for (int i = 0; values[i]; i++) {
		fputs("<option value=\"", out);
		esc_html_attr(out, values[i]);
		fputs(selected && strcmp(selected, values[i]) == 0 ? "\" selected>" : "\">", out);
		esc_html_text(out, labels ? labels[i] : values[i]);
		fputs("</option>", out);
	}
}

/* Admins, country officers and focal points (upload: guard.c says which templates). */
bool page_may_upload(const web_user *u)
{
	return page_is_editor(u) || u->role == ROLE_FOCAL_POINT;
}

/* Admins and country officers. */
bool page_is_editor(const web_user *u)
{
	return u->role == ROLE_ADMIN || u->role == ROLE_COUNTRY_OFFICER;
}

/* An error page. */
void page_error(web_req *rq, web_resp *rs, int status, const char *message)
{
	rs->status = status;
	rs->ctype = "text/html; charset=utf-8";
	char title[32];
	snprintf(title, sizeof title, "Error %d", status);
	page_begin(rq, rs, title, NULL);
	fprintf(rs->out, "<h1>%s</h1><p class=\"msg bad\">", title);
	esc_html_text(rs->out, message);
	fputs("</p><p><a href=\"/\">Back to the dashboard</a></p>", rs->out);
	page_end(rs);
}

/* The sign-in form, with an optional message. */
static void login_form(web_req *rq, web_resp *rs, const char *message, const char *name)
{
	page_begin(rq, rs, "Sign in", NULL);
	fputs("<div class=\"signin\"><h1>Sign in</h1>", rs->out);
	if (message) {
		fputs("<p class=\"msg bad\" role=\"alert\">", rs->out);
		esc_html_text(rs->out, message);
		fputs("</p>", rs->out);
	}
	fputs("<form method=\"post\" action=\"/login\"><div class=\"field\"><label for=\"user\">User name</label>"
	      "<input id=\"user\" name=\"user\" autocomplete=\"username\" required value=\"", rs->out);
	esc_html_attr(rs->out, name ? name : "");
	fputs("\"></div><div class=\"field\"><label for=\"password\">Password</label>"
	      "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
	      "</div><button type=\"submit\">Sign in</button></form>"
	      "<p class=\"note\">No account yet, or a forgotten password? Ask the administrator of this server.</p></div>",
	      rs->out);
	page_end(rs);
}

/* GET /login. */
static void login_get(web_req *rq, web_resp *rs)
{
	if (rq->authed)
		return resp_redirect(rs, "/");
	login_form(rq, rs, NULL, NULL);
}

/* POST /login. */
static void login_post(web_req *rq, web_resp *rs)
{
	const char *name = form_get(rq, "user"), *pw = form_get(rq, "password");
	int r = name && pw ? api_sign_in(rq, rs, name, pw) : AUTH_FAILED;
	if (r == AUTH_OK)
		return resp_redirect(rs, "/");
	rs->status = r == AUTH_DBERR ? 500 : 401;
	login_form(rq, rs, "Wrong user name or password, or too many attempts. Try again later.", name);
}

/* POST /logout. */
static void logout_post(web_req *rq, web_resp *rs)
{
	session_delete(rq->st, rq->token_hash);
	store_audit_write(rq->st, rq->user.name, rq->addr, "logout", "user", rq->user.name, NULL, NULL);
	api_set_cookie(rq, rs, "");
	resp_redirect(rs, "/login");
}

/* A summary card. */
static void card(FILE *out, int64_t n, const char *label)
{
	char b[32];
	num_format_count(b, sizeof b, n);
	fprintf(out, "<div class=\"card\"><span class=\"n\">%s</span><span class=\"l\">", b);
	esc_html_text(out, label);
	fputs("</span></div>", out);
}

/* The TOTAL row of a table, or NULL. */
static const rt_row *total_row(const rt_table *t)
{
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, "TOTAL") == 0)
			return &t->rows[i];
	return NULL;
}

/* The dashboard's part computed from the annual report (cards, status sentence, the
 * work plan's section, charts, tables); -1 when it cannot be computed. */
static int dashboard_annual(web_req *rq, int year, FILE *o)
{
	annual_report *ar = malloc(sizeof *ar);
	actip_err err = {{0}};
	if (!ar || annual_load(rq->st, year, NULL, ar, &err) < 0) {
		free(ar);
		return -1;
	}
	const report_tables *rt = &ar->tables;
	const rt_row *t1 = total_row(&rt->t[0]), *t3 = total_row(&rt->t[2]), *t4 = total_row(&rt->t[3]);
	const rt_row *t5 = total_row(&rt->t[4]);
	fputs("<div class=\"cards\" id=\"summary\">", o);
	card(o, t1 ? t1->v[4] : 0, "activities supported");
	card(o, t3 ? t3->v[3] : 0, "event participants");
	card(o, t4 ? t4->v[3] : 0, "people trained");
	card(o, t3 && !t3->null[4] ? t3->v[4] : 0, "% women among participants");
	card(o, t5 ? t5->v[0] : 0, "feedback respondents");
	fputs("</div>", o);
	if (ar->nprojects) {
		char sentence[600];
		annual_status_sentence(ar, sentence, sizeof sentence);
		fputs("<p class=\"status-sentence\">", o);
		esc_html_text(o, sentence);
		fputs("</p>", o);
	}
	page_workplan_summary(rq, o);
	/* the report's figures (the trends' among them) from the report's document */
	rdoc *doc = malloc(sizeof *doc);
	actip_err derr = {{0}};
	if (doc && rdoc_build(doc, ar, &derr) == ACTIP_OK) {
		fputs("<h2>Charts</h2><div class=\"charts\">", o);
		rdoc_write_html_figures(o, doc);
		fputs("</div>", o);
		rdoc_free(doc);
	}
	free(doc);
	fputs("<h2>Selected indicator results</h2>", o);
	report_write_html_tables(o, rt);
	annual_free(ar);
	free(ar);
	return 0;
}

/* The dashboard's content below the navigation: the year form and dashboard_annual. */
static int dashboard_body(web_req *rq, int year, FILE *o)
{
	fprintf(o, "<h1>Annual progress %d</h1><p class=\"lead\">Computed from the stored records.</p>", year);
	fputs("<form class=\"filters\" method=\"get\" action=\"/\"><div><label for=\"year\">Year</label>"
	      "<select id=\"year\" name=\"year\">", o);
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (data_periods(rq->st, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int py = sqlite3_column_int(s, 0);
			fprintf(o, "<option%s>%d</option>", py == year ? " selected" : "", py);
		}
		store_release(rq->st, s);
	}
	fprintf(o, "</select></div><button type=\"submit\">Show</button>"
		   "<a class=\"button secondary\" href=\"/report/%d.html\">Full report (HTML)</a>"
		   "<a class=\"button secondary\" href=\"/report/%d.docx\">Full report (Word)</a>"
		   "<a class=\"button secondary\" href=\"/report/%d.xlsx\">Tables (XLSX)</a>"
		   "<a class=\"button secondary\" href=\"/report/%d.json\">Data (JSON)</a></form>",
		year, year, year, year);
	page_incomplete(o, rc);
	return dashboard_annual(rq, year, o);
}

/* The newest year with activities, cached like the dashboard (a query per request
 * otherwise). */
static int latest_year(web_req *rq)
{
	webcache_stamp stamp = web_view(rq);
	size_t len;
	const char *hit = webcache_find(stamp, "latest-year", &len);
	if (hit && len == sizeof(int)) {
		int y;
		memcpy(&y, hit, sizeof y);
		return y;
	}
	int y = data_latest_year(rq->st);
	webcache_put("latest-year", stamp, (const char *)&y, sizeof y);
	return y;
}

/* GET /: the dashboard. Its content is the same for every user, so it is cached per
 * thread (web/cache.h) until the data changes, keyed by year and by the UTC date (the
 * work plan's open half-year follows the calendar); only the navigation around it is
 * written per request. */
static void dashboard(web_req *rq, web_resp *rs)
{
	const char *y = req_query(rq, "year");
	int year = 0;
	if (!y || text_parse_year(y, &year) < 0)
		year = latest_year(rq);
	if (!year)
		year = 2021;
	struct tm tm;
	gmtime_r(&rq->now, &tm);
	char key[48];
	snprintf(key, sizeof key, "dashboard:%d:%04d-%02d-%02d", year, tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday);
	char *body = NULL;
	size_t len = 0;
	webcache_stamp stamp = web_view(rq);
	const char *hit = webcache_find(stamp, key, &len);
	if (!hit) {
		FILE *bf = open_memstream(&body, &len);
		if (!bf)
			return page_error(rq, rs, 500, "Out of memory.");
		int rc = dashboard_body(rq, year, bf);
		fclose(bf);
		if (rc < 0) {
			free(body);
			return page_error(rq, rs, 500, "The report could not be computed.");
		}
		webcache_put(key, stamp, body, len);
		hit = body;
	}
	page_begin(rq, rs, "Dashboard", "dashboard");
	resp_tail(rs, hit, len, body, layout_part(true)); /* instead of fwrite and page_end */
}

/* GET /report/{Y.html|Y.json|Y.xlsx|Y.docx}: downloads. */
static void report_download(web_req *rq, web_resp *rs)
{
	char fmt[8] = "";
	int year = 0;
	const char *p = rq->params[0];
	const char *dot = strchr(p, '.');
	if (!dot || dot - p != 4 || strlen(dot + 1) > 4) {
		return page_error(rq, rs, 404, "There is no such report.");
	}
	char ys[5];
	memcpy(ys, p, 4);
	ys[4] = '\0';
	snprintf(fmt, sizeof fmt, "%s", dot + 1);
	if (text_parse_year(ys, &year) < 0 || (strcmp(fmt, "html") != 0 && strcmp(fmt, "json") != 0 &&
						   strcmp(fmt, "xlsx") != 0 && strcmp(fmt, "docx") != 0))
		return page_error(rq, rs, 404, "There is no such report.");
	api_report_write(rq, rs, year, fmt);
	snprintf(rs->disposition, sizeof rs->disposition, "attachment; filename=\"report-%d.%s\"", year, fmt);
}

/* GET /periods. */
static void periods_get(web_req *rq, web_resp *rs)
{
	FILE *o = rs->out;
	page_begin(rq, rs, "Periods", "periods");
	fputs("<h1>Reporting periods</h1><h2>Programme years</h2><p class=\"lead\">An approved year is locked: its activities, participants "
	      "and feedback cannot be changed until an administrator re-opens it.</p>"
	      "<div class=\"scroll\"><table><thead><tr><th>Year</th><th>Status</th><th>Approved by</th>"
	      "<th>Approved at (UTC)</th><th></th></tr></thead><tbody>", o);
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (data_periods(rq->st, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int y = sqlite3_column_int(s, 0);
			bool approved = sqlite3_column_type(s, 1) != SQLITE_NULL;
			fprintf(o, "<tr><td>%d</td><td>%s</td><td>", y,
				approved ? "<span class=\"badge locked\">approved, locked</span>" : "<span class=\"badge\">open</span>");
			esc_html_text(o, approved ? (const char *)sqlite3_column_text(s, 1) : "");
			fputs("</td><td>", o);
			esc_html_text(o, approved ? (const char *)sqlite3_column_text(s, 2) : "");
			fputs("</td><td>", o);
			if (rq->user.role == ROLE_ADMIN) {
				fprintf(o, "<form class=\"inline\" method=\"post\" action=\"/periods/%d/%s\">", y,
					approved ? "reopen" : "approve");
				page_csrf_field(rq, o);
				fprintf(o, "<button type=\"submit\" class=\"%s\">%s %d</button></form>", approved ? "secondary" : "",
					approved ? "Re-open" : "Approve", y);
			}
			fputs("</td></tr>\n", o);
		}
		store_release(rq->st, s);
	}
	fputs("</tbody></table></div>", o);
	page_incomplete(o, rc);
	page_workplan_periods(rq, o);
	page_end(rs);
}

/* POST /periods/{year}/approve and /reopen. */
static void period_post(web_req *rq, web_resp *rs, bool approve)
{
	int st = api_period_set(rq, rq->params[0], approve);
	if (st != 200)
		return page_error(rq, rs, st, st == 400 ? "Not a year." : "The period could not be changed.");
	resp_redirect(rs, "/periods");
}

/* POST /periods/{year}/approve. */
static void period_approve(web_req *rq, web_resp *rs)
{
	period_post(rq, rs, true);
}

/* POST /periods/{year}/reopen. */
static void period_reopen(web_req *rq, web_resp *rs)
{
	period_post(rq, rs, false);
}

/* GET /audit. */
static void audit_get(web_req *rq, web_resp *rs)
{
	enum { ROWS = 100 };
	FILE *o = rs->out;
	const char *names[] = {"user", "kind", "key", "from", "to"};
	const char *labels[] = {"User", "Kind", "Record key", "From (date)", "To (date)"};
	const char *v[5];
	for (int i = 0; i < 5; i++)
		v[i] = req_query(rq, names[i]);
	int64_t page = 1;
	const char *pg = req_query(rq, "page");
	if (pg && (text_parse_count(pg, &page) < 0 || page < 1))
		page = 1;
	audit_filter f = {v[0], v[1], v[2], v[3], v[4], ROWS, (page - 1) * ROWS};
	page_begin(rq, rs, "Audit log", "audit");
	fputs("<h1>Audit log</h1><p class=\"lead\">Changes, sign-ins and refusals, newest first. Participant names "
	      "and passwords are never recorded.</p><form method=\"get\" class=\"filters grid2\" id=\"audit-filter\">", o);
	for (int i = 0; i < 5; i++) {
		fprintf(o, "<div class=\"field\"><label for=\"a-%s\">%s</label><input id=\"a-%s\" name=\"%s\"%s value=\"",
			names[i], labels[i], names[i], names[i], i >= 3 ? " type=\"date\"" : "");
		esc_html_attr(o, v[i] ? v[i] : "");
		fputs("\"></div>", o);
	}
	fputs("<div class=\"field\"><button type=\"submit\">Show</button></div></form><div class=\"scroll\"><table "
	      "id=\"audit\"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>What</th><th>Key</th>"
	      "<th>Old</th><th>New</th></tr></thead><tbody>", o);
	int n = audit_list_html(rq->st, &f, o);
	fputs("</tbody></table></div>", o);
	page_incomplete(o, n < 0 ? SQLITE_ERROR : SQLITE_DONE);
	fprintf(o, "<p class=\"pager\">Page %lld", (long long)page);
	for (int d = -1; d <= 1; d += 2) {
		if ((d < 0 && page == 1) || (d > 0 && n < ROWS))
			continue;
		fprintf(o, " · <a href=\"/audit?page=%lld", (long long)page + d);
		for (int i = 0; i < 5; i++)
			if (v[i] && *v[i]) {
				fprintf(o, "&amp;%s=", names[i]);
				esc_url_part(o, v[i]);
			}
		fprintf(o, "\">%s</a>", d < 0 ? "Newer" : "Older");
	}
	fputs("</p>", o);
	page_end(rs);
}

const web_route page_routes[] = {
	{"GET", "/login", login_get, R_PUBLIC | R_HTML},
	{"POST", "/login", login_post, R_PUBLIC | R_WRITE | R_HTML},
	{"POST", "/logout", logout_post, R_WRITE | R_HTML},
	{"GET", "/", dashboard, R_HTML},
	{"GET", "/report/{}", report_download, R_HTML},
	{"GET", "/periods", periods_get, R_HTML},
	{"POST", "/periods/{}/approve", period_approve, R_WRITE | R_ADMIN | R_HTML},
	{"POST", "/periods/{}/reopen", period_reopen, R_WRITE | R_ADMIN | R_HTML},
	{"GET", "/audit", audit_get, R_ADMIN | R_HTML},
	{NULL, NULL, NULL, 0},
};
