/* The layout and the general pages: sign-in and sign-out, the dashboard with the
 * report's tables for a year, the report downloads, periods (approve and re-open) and
 * the audit log. */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <time.h>

#include "core/escape.h"
#include "core/i18n.h"
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

/* The layout's words ({{t:...}} in assets/web/layout.html), marked here for xgettext. */
static const char *const layout_words[] __attribute__((unused)) = {
	N_("ACTIP monitoring"), N_("Skip to content"),
	N_("ACTIP implementation monitoring · data stays on this server; this page loads nothing from elsewhere."),
};

/* The language menu: a form that works without JavaScript and comes back to this page. */
static void lang_menu(web_req *rq, FILE *out)
{
	size_t n;
	const i18n_lang *langs = i18n_languages(&n);
	fputs("<form class=\"lang\" method=\"post\" action=\"/lang\" id=\"lang-menu\">", out);
	if (rq->authed)
		page_csrf_field(rq, out);
	char *here = req_target(rq);
	fputs("<input type=\"hidden\" name=\"back\" value=\"", out);
	esc_html_attr(out, here && strcmp(rq->method, "GET") == 0 ? here : "/");
	free(here);
	fputs("\"><label for=\"lang-pick\">", out);
	esc_html_text(out, _("Language"));
	fputs("</label> <select id=\"lang-pick\" name=\"lang\">", out);
	for (size_t i = 0; i < n; i++) {
		fputs("<option value=\"", out);
		esc_html_attr(out, langs[i].code);
		fprintf(out, "\" lang=\"%s\"%s>", langs[i].code, strcmp(langs[i].code, i18n_current()) == 0 ? " selected" : "");
		esc_html_text(out, langs[i].name);
		fputs("</option>", out);
	}
	/* an input, not a button: a page's own first submit button stays its form's */
	fputs("</select> <input type=\"submit\" class=\"secondary\" value=\"", out);
	esc_html_attr(out, _("Change"));
	fputs("\"></form>", out);
}

/* Writes text up to `end`, filling the placeholders ({{t:words}}: the words translated;
 * rq may be NULL for the part after the content, which has no other placeholder). */
static void fill(web_req *rq, FILE *out, const char *p, const char *end, const char *title, const char *active)
{
	static const struct { const char *key, *label, *href; int need; } nav[] = {
		{"dashboard", N_("Dashboard"), "/", 0}, {"activities", N_("Activities"), "/activities", 0},
		{"workplan", N_("Work plan"), "/workplan", 0}, {"records", N_("Records"), "/records", 0},
		{"upload", N_("Upload"), "/upload", 1}, {"periods", N_("Periods"), "/periods", 0},
		{"audit", N_("Audit log"), "/audit", 2}, {"users", N_("Accounts"), "/users", 2},
		{"sync", N_("Sync"), "/sync/conflicts", 2},
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
		if (klen > 2 && strncmp(ph + 2, "t:", 2) == 0) {
			char words[300];
			snprintf(words, sizeof words, "%.*s", (int)(klen - 2 < sizeof words ? klen - 2 : sizeof words - 1), ph + 4);
			esc_html_text(out, _(words));
		} else if (!rq) {
			/* the part after the content has no per-request placeholder */
		} else if (klen == 4 && strncmp(ph + 2, "lang", 4) == 0)
			esc_html_attr(out, i18n_current());
		else if (klen == 8 && strncmp(ph + 2, "langmenu", 8) == 0)
			lang_menu(rq, out);
		else if (klen == 5 && strncmp(ph + 2, "title", 5) == 0)
			esc_html_text(out, title);
		else if (klen == 3 && strncmp(ph + 2, "nav", 3) == 0 && rq->authed) {
			fprintf(out, "<nav class=\"main\" aria-label=\"%s\">", _("Main"));
			for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
				if ((nav[i].need == 1 && !page_may_upload(&rq->user)) ||
				    (nav[i].need == 2 && rq->user.role != ROLE_ADMIN))
					continue;
				fprintf(out, "<a href=\"%s\"%s>", nav[i].href,
					active && strcmp(active, nav[i].key) == 0 ? " aria-current=\"page\"" : "");
				esc_html_text(out, _(nav[i].label));
				fputs("</a>", out);
			}
			fputs("</nav><div class=\"who\"><span>", out);
			esc_html_text(out, rq->user.name);
			fputs(" · ", out);
			esc_html_text(out, page_role_label(rq->user.role));
			if (rq->user.country[0]) {
				fputs(" ", out);
				esc_html_text(out, rq->user.country);
			}
			fputs("</span><a href=\"/me\" id=\"my-password\">", out);
			esc_html_text(out, _("Password"));
			fputs("</a><form method=\"post\" action=\"/logout\">", out);
			page_csrf_field(rq, out);
			fputs("<button type=\"submit\">", out);
			esc_html_text(out, _("Sign out"));
			fputs("</button></form></div>", out);
		}
		p = close + 2;
	}
}

/* A role's name in the page's language. */
const char *page_role_label(web_role r)
{
	static const char *const labels[] = {
		[ROLE_NONE] = N_("none"), [ROLE_VIEWER] = N_("viewer"), [ROLE_FOCAL_POINT] = N_("focal point"),
		[ROLE_COUNTRY_OFFICER] = N_("country officer"), [ROLE_ADMIN] = N_("admin"),
	};
	return _((unsigned)r < sizeof labels / sizeof labels[0] ? labels[r] : labels[0]);
}

/* Layout up to the content. */
void page_begin(web_req *rq, web_resp *rs, const char *title, const char *active)
{
	const char *l = layout_part(false), *m = strstr(l, "{{main}}");
	fill(rq, rs->out, l, m, title, active);
}

/* The layout after the content in the current language, made once per language and
 * kept (the dashboard sends it as a tail without copying). */
static const char *layout_after(void)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static struct { char code[8]; char *text; } made[16];
	const char *code = i18n_current(), *text = NULL;
	pthread_mutex_lock(&lock);
	size_t i = 0;
	for (; i < sizeof made / sizeof made[0] && made[i].text; i++)
		if (strcmp(made[i].code, code) == 0)
			text = made[i].text;
	if (!text && i < sizeof made / sizeof made[0]) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		if (f) {
			const char *a = layout_part(true);
			fill(NULL, f, a, a + strlen(a), NULL, NULL);
			fclose(f);
			snprintf(made[i].code, sizeof made[i].code, "%s", code);
			made[i].text = buf;
			text = buf;
		}
	}
	pthread_mutex_unlock(&lock);
	return text ? text : layout_part(true);
}

/* Layout after the content. */
void page_end(web_resp *rs)
{
	fputs(layout_after(), rs->out);
}

/* Does a text node or attribute value hold words (two ASCII letters in a row, printf
 * directives and character references aside)? tools/xgettext_html.py has the same rule. */
static bool has_words(const char *s, size_t n)
{
	int run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			i++;
			while (i < n && s[i] && strchr("-+ #0123456789.lhzjt", s[i]))
				i++;
			run = 0;
			continue;
		}
		if (c == '&') {
			size_t j = i + 1;
			while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '#'))
				j++;
			if (j < n && s[j] == ';') {
				i = j;
				run = 0;
				continue;
			}
		}
		run = isalpha(c) ? run + 1 : 0;
		if (run >= 2)
			return true;
	}
	return false;
}

/* Writes n bytes of a text node (or attribute value), its words translated: the
 * whitespace around them is kept, the words between are one message. */
static void words_out(FILE *out, const char *s, size_t n)
{
	size_t a = 0, b = n;
	while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\t'))
		b--;
	if (!has_words(s + a, b - a)) {
		fwrite(s, 1, n, out);
		return;
	}
	char buf[1024];
	if (b - a >= sizeof buf) {
		fwrite(s, 1, n, out);
		return;
	}
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	fwrite(s, 1, a, out);
	fputs(_(buf), out);
	fwrite(s + b, 1, n - b, out);
}

/* The markup of the sources (a literal: never data) with its text nodes and its
 * aria-label, placeholder, title and alt values translated (tools/xgettext_html.py
 * extracts the same pieces for po/actip.pot). Translations are markup too; the po check
 * refuses one that brings a < or & its English did not have. */
void page_h(FILE *out, const char *html)
{
	if (strcmp(i18n_current(), "en") == 0) {
		fputs(html, out);
		return;
	}
	const char *p = html;
	size_t lead = strcspn(p, "<>");
	if (p[lead] == '>') { /* the literal begins inside a tag: its rest is copied */
		fwrite(p, 1, lead + 1, out);
		p += lead + 1;
	}
	while (*p) {
		if (*p != '<') {
			size_t n = strcspn(p, "<");
			words_out(out, p, n);
			p += n;
			continue;
		}
		/* a tag: copied, but for the values of the attributes people read */
		size_t n = strcspn(p, ">");
		const char *end = p + n;
		while (p < end) {
			static const char *const attrs[] = {"aria-label=\"", "placeholder=\"", "title=\"", "alt=\"",
								    "data-label=\""};
			size_t alen = 0;
			for (size_t i = 0; i < sizeof attrs / sizeof attrs[0] && !alen; i++)
				if (strncmp(p, attrs[i], strlen(attrs[i])) == 0 && (p == html || p[-1] == ' '))
					alen = strlen(attrs[i]);
			if (!alen) {
				fputc(*p++, out);
				continue;
			}
			fwrite(p, 1, alen, out);
			p += alen;
			const char *q = strchr(p, '"');
			if (!q || q > end)
				q = end;
			words_out(out, p, (size_t)(q - p));
			p = q;
		}
		if (*p == '>')
			fputc(*p++, out);
	}
}

/* page_h for a printf format: its pieces translated, then the arguments filled in (the
 * po check makes every translation keep the directives of its English: msgfmt's
 * c-format check). */
void page_hf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (strcmp(i18n_current(), "en") == 0) {
		vfprintf(out, fmt, ap);
		va_end(ap);
		return;
	}
	char *t = NULL;
	size_t tlen = 0;
	FILE *f = open_memstream(&t, &tlen);
	if (f) {
		page_h(f, fmt);
		fclose(f);
	}
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vfprintf(out, t ? t : fmt, ap);
#pragma GCC diagnostic pop
	va_end(ap);
	free(t);
}

/* A note that a list on the page stopped early on a database error (rc is the last
 * sqlite3_step's answer; SQLITE_DONE writes nothing). */
void page_incomplete(FILE *out, int rc)
{
	if (rc != SQLITE_DONE)
		page_h(out,"<div class=\"msg bad\" role=\"alert\">Part of this page could not be read from the "
		      "database; what is shown may be incomplete. Reload the page.</div>");
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
		esc_html_text(out, labels ? _(labels[i]) : values[i]); /* labels: the sources' words (N_) */
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
	snprintf(title, sizeof title, _("Error %d"), status);
	page_begin(rq, rs, title, NULL);
	fprintf(rs->out, "<h1>%s</h1><p class=\"msg bad\">", title);
	esc_html_text(rs->out, message);
	page_h(rs->out,"</p><p><a href=\"/\">Back to the dashboard</a></p>");
	page_end(rs);
}

/* The sign-in form, with an optional message. */
static void login_form(web_req *rq, web_resp *rs, const char *message, const char *name)
{
	page_begin(rq, rs, _("Sign in"), NULL);
	page_h(rs->out,"<div class=\"signin\"><h1>Sign in</h1>");
	if (message) {
		fputs("<p class=\"msg bad\" role=\"alert\">", rs->out);
		esc_html_text(rs->out, message);
		fputs("</p>", rs->out);
	}
	page_h(rs->out,"<form method=\"post\" action=\"/login\"><div class=\"field\"><label for=\"user\">User name</label>"
	      "<input id=\"user\" name=\"user\" autocomplete=\"username\" required value=\"");
	esc_html_attr(rs->out, name ? name : "");
	page_h(rs->out,"\"></div><div class=\"field\"><label for=\"password\">Password</label>"
	      "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
	      "</div><button type=\"submit\">Sign in</button></form>"
	      "<p class=\"note\">No account yet, or a forgotten password? Ask the administrator of this server.</p></div>");
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
	login_form(rq, rs, _("Wrong user name or password, or too many attempts. Try again later."), name);
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
	i18n_format_count(b, sizeof b, n);
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
	card(o, t1 ? t1->v[4] : 0, _("activities supported"));
	card(o, t3 ? t3->v[3] : 0, _("event participants"));
	card(o, t4 ? t4->v[3] : 0, _("people trained"));
	card(o, t3 && !t3->null[4] ? t3->v[4] : 0, _("% women among participants"));
	card(o, t5 ? t5->v[0] : 0, _("feedback respondents"));
	fputs("</div>", o);
	if (ar->nprojects) {
		char sentence[2048];
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
		page_h(o,"<h2>Charts</h2><div class=\"charts\">");
		rdoc_write_html_figures(o, doc);
		fputs("</div>", o);
		rdoc_free(doc);
	}
	free(doc);
	page_h(o,"<h2>Selected indicator results</h2>");
	report_write_html_tables(o, rt);
	annual_free(ar);
	free(ar);
	return 0;
}

/* The dashboard's content below the navigation: the year form and dashboard_annual. */
static int dashboard_body(web_req *rq, int year, FILE *o)
{
	page_hf(o, "<h1>Annual progress %d</h1><p class=\"lead\">Computed from the stored records.</p>", year);
	page_h(o,"<form class=\"filters\" method=\"get\" action=\"/\"><div><label for=\"year\">Year</label>"
	      "<select id=\"year\" name=\"year\">");
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (data_periods(rq->st, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int py = sqlite3_column_int(s, 0);
			fprintf(o, "<option%s>%d</option>", py == year ? " selected" : "", py);
		}
		store_release(rq->st, s);
	}
	page_hf(o, "</select></div><button type=\"submit\">Show</button>"
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
	snprintf(key, sizeof key, "dashboard:%s:%d:%04d-%02d-%02d", i18n_current(), year, tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday);
	char *body = NULL;
	size_t len = 0;
	webcache_stamp stamp = web_view(rq);
	const char *hit = webcache_find(stamp, key, &len);
	if (!hit) {
		FILE *bf = open_memstream(&body, &len);
		if (!bf)
			return page_error(rq, rs, 500, _("Out of memory."));
		int rc = dashboard_body(rq, year, bf);
		fclose(bf);
		if (rc < 0) {
			free(body);
			return page_error(rq, rs, 500, _("The report could not be computed."));
		}
		webcache_put(key, stamp, body, len);
		hit = body;
	}
	page_begin(rq, rs, _("Dashboard"), "dashboard");
	resp_tail(rs, hit, len, body, layout_after()); /* instead of fwrite and page_end */
}

/* GET /report/{Y.html|Y.json|Y.xlsx|Y.docx}: downloads. */
static void report_download(web_req *rq, web_resp *rs)
{
	char fmt[8] = "";
	int year = 0;
	const char *p = rq->params[0];
	const char *dot = strchr(p, '.');
	if (!dot || dot - p != 4 || strlen(dot + 1) > 4) {
		return page_error(rq, rs, 404, _("There is no such report."));
	}
	char ys[5];
	memcpy(ys, p, 4);
	ys[4] = '\0';
	snprintf(fmt, sizeof fmt, "%s", dot + 1);
	if (text_parse_year(ys, &year) < 0 || (strcmp(fmt, "html") != 0 && strcmp(fmt, "json") != 0 &&
						   strcmp(fmt, "xlsx") != 0 && strcmp(fmt, "docx") != 0))
		return page_error(rq, rs, 404, _("There is no such report."));
	api_report_write(rq, rs, year, fmt);
	snprintf(rs->disposition, sizeof rs->disposition, "attachment; filename=\"report-%d.%s\"", year, fmt);
}

/* GET /periods. */
static void periods_get(web_req *rq, web_resp *rs)
{
	FILE *o = rs->out;
	page_begin(rq, rs, _("Periods"), "periods");
	page_h(o,"<h1>Reporting periods</h1><h2>Programme years</h2><p class=\"lead\">An approved year is locked: its activities, participants "
	      "and feedback cannot be changed until an administrator re-opens it.</p>"
	      "<div class=\"scroll\"><table><thead><tr><th>Year</th><th>Status</th><th>Approved by</th>"
	      "<th>Approved at (UTC)</th><th></th></tr></thead><tbody>");
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (data_periods(rq->st, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int y = sqlite3_column_int(s, 0);
			bool approved = sqlite3_column_type(s, 1) != SQLITE_NULL;
			fprintf(o, "<tr><td>%d</td><td>", y);
			if (approved)
				page_h(o, "<span class=\"badge locked\">approved, locked</span></td><td>");
			else
				page_h(o, "<span class=\"badge\">open</span></td><td>");
			char at[64] = "";
			if (approved) /* in the page's language's order */
				i18n_format_date(at, sizeof at, (const char *)sqlite3_column_text(s, 1));
			esc_html_text(o, at);
			fputs("</td><td>", o);
			esc_html_text(o, approved ? (const char *)sqlite3_column_text(s, 2) : "");
			fputs("</td><td>", o);
			if (rq->user.role == ROLE_ADMIN) {
				fprintf(o, "<form class=\"inline\" method=\"post\" action=\"/periods/%d/%s\">", y,
					approved ? "reopen" : "approve");
				page_csrf_field(rq, o);
				fprintf(o, "<button type=\"submit\" class=\"%s\">%s %d</button></form>", approved ? "secondary" : "",
					approved ? _("Re-open") : _("Approve"), y);
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
		return page_error(rq, rs, st, st == 400 ? _("Not a year.") : _("The period could not be changed."));
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
	const char *labels[] = {N_("User"), N_("Kind"), N_("Record key"), N_("From (date)"), N_("To (date)")};
	const char *v[5];
	for (int i = 0; i < 5; i++)
		v[i] = req_query(rq, names[i]);
	int64_t page = 1;
	const char *pg = req_query(rq, "page");
	if (pg && (text_parse_count(pg, &page) < 0 || page < 1))
		page = 1;
	audit_filter f = {v[0], v[1], v[2], v[3], v[4], ROWS, (page - 1) * ROWS};
	page_begin(rq, rs, _("Audit log"), "audit");
	page_h(o,"<h1>Audit log</h1><p class=\"lead\">Changes, sign-ins and refusals, newest first. Participant names "
	      "and passwords are never recorded.</p><form method=\"get\" class=\"filters grid2\" id=\"audit-filter\">");
	for (int i = 0; i < 5; i++) {
		fprintf(o, "<div class=\"field\"><label for=\"a-%s\">%s</label><input id=\"a-%s\" name=\"%s\"%s value=\"",
			names[i], _(labels[i]), names[i], names[i], i >= 3 ? " type=\"date\"" : "");
		esc_html_attr(o, v[i] ? v[i] : "");
		fputs("\"></div>", o);
	}
	page_h(o,"<div class=\"field\"><button type=\"submit\">Show</button></div></form><div class=\"scroll\"><table "
	      "id=\"audit\"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>What</th><th>Key</th>"
	      "<th>Old</th><th>New</th></tr></thead><tbody>");
	int n = audit_list_html(rq->st, &f, o);
	fputs("</tbody></table></div>", o);
	page_incomplete(o, n < 0 ? SQLITE_ERROR : SQLITE_DONE);
	page_hf(o, "<p class=\"pager\">Page %lld", (long long)page);
	for (int d = -1; d <= 1; d += 2) {
		if ((d < 0 && page == 1) || (d > 0 && n < ROWS))
			continue;
		fprintf(o, " · <a href=\"/audit?page=%lld", (long long)page + d);
		for (int i = 0; i < 5; i++)
			if (v[i] && *v[i]) {
				fprintf(o, "&amp;%s=", names[i]);
				esc_url_part(o, v[i]);
			}
		fprintf(o, "\">%s</a>", d < 0 ? _("Newer") : _("Older"));
	}
	fputs("</p>", o);
	page_end(rs);
}

/* POST /lang: the language menu. Keeps the choice in a cookie and, for a signed-in user,
 * on the account; then goes back to the page (a path of this site only). */
static void lang_post(web_req *rq, web_resp *rs)
{
	const char *code = form_get(rq, "lang"), *back = form_get(rq, "back");
	if (!i18n_known(code))
		return page_error(rq, rs, 400, _("There is no such language."));
	if (rq->authed) {
		sqlite3_stmt *s;
		int rc = sqlite3_prepare_v2(rq->st->db, "UPDATE app_user SET lang = ?1 WHERE id = ?2", -1, &s, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 2, rq->user.id);
			rc = sqlite3_step(s);
			sqlite3_finalize(s);
		}
		if (rc != SQLITE_DONE)
			return page_error(rq, rs, 500, _("The language could not be saved."));
	}
	i18n_set(code);
	snprintf(rs->set_cookie, sizeof rs->set_cookie, "actip_lang=%s; Path=/; Max-Age=31536000; SameSite=Lax%s", code,
		 rq->cfg->secure_cookie ? "; Secure" : "");
	bool local = back && back[0] == '/' && back[1] != '/' && back[1] != '\\' && !strpbrk(back, "\r\n");
	resp_redirect(rs, local ? back : "/");
}

const web_route page_routes[] = {
	{"POST", "/lang", lang_post, R_PUBLIC | R_WRITE | R_HTML},
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
