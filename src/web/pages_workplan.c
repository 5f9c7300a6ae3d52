/* Work-plan pages: the matrix of a plan's action lines for a half-year, filtered by
 * pillar and body, with each line's state and its lead body's note; a focal point (or an
 * admin) files a status and note for its body's lines in an open period, right in the
 * row (a plain form: no JavaScript needed); the period's rates; the report downloads;
 * and the work-plan section of the dashboard. The row's form carries the version of the
 * report it shows: a report changed meanwhile is not replaced but answered with a 409
 * page that shows it next to the typed values. */
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"
#include "core/i18n.h"
#include "core/num.h"
#include "report/rdoc.h"
#include "report/report.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/wpweb.h"
#include "workplan/wp_compute.h"
#include "workplan/wp_doc.h"


/* A state's label for people. */
static const char *state_label(wp_state s)
{
	static const char *const l[WS__COUNT] = {N_("Completed"), N_("Ongoing"), N_("Delayed"), N_("Not started"), N_("Cancelled"),
						 N_("Not reported")};
	return _(l[s]);
}

/* A query argument, NULL when missing or empty. */
static const char *arg(web_req *rq, const char *name)
{
	const char *v = req_query(rq, name);
	return v && *v ? v : NULL;
}

/* A rate as text ("92.9%", "92,9%" in a language with a decimal comma, or "–" with no
 * denominator). */
static void rate_text(wp_rate r, char *buf, size_t size)
{
	if (r.null) {
		snprintf(buf, size, "\xE2\x80\x93");
	} else {
		char v[24];
		num_format_decimal(v, sizeof v, r.tenths, 1);
		snprintf(buf, size, "%s%%", v);
	}
}

/* One rate card. */
static void rate_card(FILE *o, wp_rate r, const char *label, int num, int den)
{
	char b[32];
	rate_text(r, b, sizeof b);
	fprintf(o, "<div class=\"card\"><span class=\"n\">%s</span><span class=\"l\">", b);
	esc_html_text(o, label);
	page_hf(o, " (%d of %d)</span></div>", num, den);
}

/* The four rate cards of a period. */
static void rate_cards(FILE *o, const wp_period_stats *ps)
{
	wp_rates r = wp_compute_rates(&ps->all);
	const wp_counts *c = &ps->all;
	int done = c->state[WS_COMPLETED];
	int impl = c->state[WS_COMPLETED] + c->state[WS_ONGOING];
	fputs("<div class=\"cards\" id=\"wp-rates\">", o);
	rate_card(o, r.completeness, _("reports received"), c->received, c->expected);
	rate_card(o, r.timeliness, _("on time"), c->on_time, c->expected);
	rate_card(o, r.implementation, _("lines under way or done"), impl, c->active);
	rate_card(o, r.completion, _("lines completed"), done, c->active);
	fputs("</div>", o);
}

/* The reviews a plan has, as the review= argument names them (wp_review_doc's final). */
static const char *const review_kinds[] = {"midterm", "final"};

/* The link to the work-plan page of a plan and period (attribute-safe). */
static void wp_href(FILE *o, const char *path, const char *plan, int pidx)
{
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	fputs(path, o);
	fputs("?plan=", o);
	esc_url_part(o, plan);
	fputs("&amp;period=", o);
	esc_url_part(o, period);
}

/* The dashboard's section: the default plan's open period. */
void page_workplan_summary(web_req *rq, FILE *o)
{
	char code[80];
	wpweb_default_plan(rq, code, sizeof code);
	if (!code[0])
		return;
	wp_plan *p;
	int days;
	if (wpweb_load(rq, code, &p, &days) != 200)
		return;
	int pidx = wpweb_open_period(rq, p);
	wp_period_stats ps;
	if (wp_compute_period(p, pidx, days, &ps) == 0) {
		char period[16];
		wp_period_format(pidx, period, sizeof period);
		page_h(o,"<section class=\"wp-summary\"><h2>Work plan: ");
		esc_html_text(o, p->title);
		fputs(", ", o);
		esc_html_text(o, period);
		fputs("</h2>", o);
		rate_cards(o, &ps);
		fputs("<p><a href=\"", o);
		wp_href(o, "/workplan", p->plan, pidx);
		page_h(o,"\">Open the matrix</a> · <a href=\"");
		wp_href(o, "/workplan/report", p->plan, pidx);
		page_h(o,"&amp;format=html\">Monitoring report</a></p></section>");
		wp_period_stats_free(&ps);
	}
	wp_plan_free(p);
}

/* The filter form: plan, period, pillar, body. */
static void filters(web_req *rq, FILE *o, const wp_plan *p, int pidx, const char *pillar, const char *body)
{
	page_h(o,"<form class=\"filters\" method=\"get\" action=\"/workplan\"><div><label for=\"f-plan\">Plan</label>"
	      "<select id=\"f-plan\" name=\"plan\">");
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT plan FROM wp_plan ORDER BY start_year, plan", -1, &s, NULL) ==
	    SQLITE_OK) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(s, 0);
			fputs("<option value=\"", o);
			esc_html_attr(o, c);
			fputs(strcmp(c, p->plan) == 0 ? "\" selected>" : "\">", o);
			esc_html_text(o, c);
			fputs("</option>", o);
		}
		sqlite3_finalize(s);
	}
	page_h(o,"</select></div>");
	page_incomplete(o, rc);
	page_h(o,"<div><label for=\"f-period\">Half-year</label><select id=\"f-period\" name=\"period\">");
	for (int i = 2 * p->start_year; i <= 2 * p->end_year + 1; i++) {
		char name[16];
		wp_period_format(i, name, sizeof name);
		fprintf(o, "<option value=\"%s\"%s>%s%s</option>", name, i == pidx ? " selected" : "", name,
			wpweb_locked(rq, p->plan, i) == 1 ? " (locked)" : "");
	}
	page_h(o,"</select></div><div><label for=\"f-pillar\">Pillar</label><select id=\"f-pillar\" name=\"pillar\">"
	      "<option value=\"\">All</option>");
	for (int i = 0; i < WP__PILLARS; i++)
		fprintf(o, "<option value=\"%s\"%s>%s</option>", wp_pillar_name(i),
			pillar && strcmp(pillar, wp_pillar_name(i)) == 0 ? " selected" : "", wp_pillar_title(i));
	page_h(o,"</select></div><div><label for=\"f-body\">Body</label><select id=\"f-body\" name=\"body\">"
	      "<option value=\"\">All</option>");
	for (int i = 0; i < p->nbodies; i++) {
		fputs("<option value=\"", o);
		esc_html_attr(o, p->bodies[i].code);
		fputs(body && strcmp(body, p->bodies[i].code) == 0 ? "\" selected>" : "\">", o);
		esc_html_text(o, p->bodies[i].code);
		fputs("</option>", o);
	}
	page_h(o,"</select></div><button type=\"submit\">Show</button></form>");
}

/* Does line l match the pillar and body filters (body: lead or cooperating)? */
static bool matches(const wp_line *l, const char *pillar, const char *body)
{
	if (pillar && strcmp(pillar, wp_pillar_name(l->pillar)) != 0)
		return false;
	if (!body || strcmp(body, l->lead) == 0)
		return true;
	for (int i = 0; i < l->ncoop; i++)
		if (strcmp(body, l->coop[i]) == 0)
			return true;
	return false;
}


/* The matrix's filters a status form carries through its save (as f_NAME). */
static const char *const kept[] = {"body", "pillar"};

/* A form that files a report: the hidden plan, item, period and the version of the
 * report the values were based on, then the status and the note. */
static void status_form(web_req *rq, FILE *o, const char *plan, const char *item, const char *period,
			const char *version, const char *status, const char *note)
{
	const char *const names[] = {"plan", "item", "period", "version"};
	const char *const values[] = {plan, item, period, version};
	fputs("<form method=\"post\" action=\"/workplan/status\">", o);
	page_csrf_field(rq, o);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		fprintf(o, "<input type=\"hidden\" name=\"%s\" value=\"", names[i]);
		esc_html_attr(o, values[i] ? values[i] : "");
		fputs("\">", o);
	}
	/* the matrix's filters, kept across the save (a focal point files line after line) */
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		const char *v = req_query(rq, kept[i]);
		if (!v || !*v)
			continue;
		fprintf(o, "<input type=\"hidden\" name=\"f_%s\" value=\"", kept[i]);
		esc_html_attr(o, v);
		fputs("\">", o);
	}
	page_h(o,"<label>Status <select name=\"status\" required>");
	page_code_options(o, "workplan_status", "status", status, status ? NULL : _("Choose…"));
	page_h(o,"</select></label><label>Note <textarea name=\"note\" rows=\"2\" maxlength=\"2000\">");
	esc_html_text(o, note ? note : "");
	page_h(o,"</textarea></label><button type=\"submit\">Save</button></form>");
}

/* The in-row form that files (or updates) the report of this user's body, with the
 * stored report's values and version read in one go. */
static void file_form(web_req *rq, FILE *o, const wp_plan *p, const wp_line *l, int pidx)
{
	wpweb_status mine;
	int found = wpweb_status_read(rq->st, l->id, pidx, wpweb_filing_body(&rq->user, l), &mine);
	if (found < 0) {
		page_h(o,"<span class=\"sub\">Your report could not be read.</span>");
		return;
	}
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	if (found) { /* the body's own report, also where it only cooperates on the line */
		fputs("<div class=\"sub mine\" id=\"mine-", o);
		esc_html_attr(o, l->id);
		page_h(o,"\">Your report: <strong>");
		char label[40];
		esc_html_text(o, page_code_words(mine.status, label, sizeof label));
		fputs("</strong>", o);
		if (mine.reported_on[0]) {
			fputs(" (", o);
			char d[64];
			i18n_format_date(d, sizeof d, mine.reported_on); /* the language's date order */
			esc_html_text(o, d);
			fputs(")", o);
		}
		if (mine.note && *mine.note) {
			fputs(" – ", o);
			esc_html_text(o, mine.note);
		}
		fputs("</div>", o);
	}
	fputs("<details class=\"file\"><summary>", o);
	fputs(found ? _("Update your report") : _("File your report"), o);
	fputs("</summary>", o);
	status_form(rq, o, p->plan, l->id, period, mine.version, found ? mine.status : NULL, mine.note);
	fputs("</details>", o);
	wpweb_status_free(&mine);
}

/* One matrix row. */
static void matrix_row(web_req *rq, FILE *o, const wp_plan *p, const wp_line *l, int pidx, bool open)
{
	wp_state s = wp_line_state(l, pidx);
	const wp_report *lead = wp_line_lead_report(l, pidx);
	fputs("<tr id=\"line-", o);
	esc_url_part(o, l->id);
	fputs("\"><td class=\"id\">", o);
	esc_html_text(o, l->id);
	fputs("</td><td>", o);
	esc_html_text(o, l->activity);
	fputs("<div class=\"sub\">", o);
	esc_html_text(o, wp_pillar_title(l->pillar));
	page_h(o,"</div></td><td data-label=\"Lead\">");
	esc_html_text(o, l->lead);
	if (l->ncoop)
		page_h(o, "</td><td data-label=\"Cooperating\">");
	else
		fputs("</td><td class=\"empty\">", o);
	for (int i = 0; i < l->ncoop; i++) {
		if (i)
			fputs(", ", o);
		esc_html_text(o, l->coop[i]);
	}
	page_hf(o, "</td><td data-label=\"State\"><span class=\"state st-%s\">", wp_state_name(s));
	esc_html_text(o, state_label(s));
	if (lead && (lead->note || lead->reported_on))
		page_h(o, "</span></td><td data-label=\"Note\">");
	else
		fputs("</span></td><td class=\"empty\">", o);
	if (lead && lead->note)
		esc_html_text(o, lead->note);
	if (lead && lead->reported_on) {
		page_h(o,"<div class=\"sub\">reported ");
		char d[64];
		i18n_format_date(d, sizeof d, lead->reported_on);
		esc_html_text(o, d);
		fputs("</div>", o);
	}
	fputs("</td>", o);
	if (open) {
		bool may = wpweb_may_file(&rq->user, l);
		fputs(may ? "<td>" : "<td class=\"empty\">", o);
		if (may)
			file_form(rq, o, p, l, pidx);
		fputs("</td>", o);
	}
	fputs("</tr>\n", o);
}

/* GET /workplan?plan=&period=&pillar=&body=. */
static void matrix_get(web_req *rq, web_resp *rs)
{
	FILE *o = rs->out;
	char code[80];
	const char *plan = arg(rq, "plan");
	if (!plan) {
		wpweb_default_plan(rq, code, sizeof code);
		plan = code;
	}
	if (!*plan)
		return page_error(rq, rs, 404, _("No work plan is stored yet."));
	wp_plan *p;
	int days;
	int st = wpweb_load(rq, plan, &p, &days);
	if (st != 200)
		return page_error(rq, rs, st, st == 404 ? _("There is no such work plan.") : _("The work plan could not be read."));
	const char *ps = arg(rq, "period");
	int pidx = ps ? wp_period_parse(ps) : wpweb_open_period(rq, p);
	if (pidx < 2 * p->start_year || pidx > 2 * p->end_year + 1)
		pidx = wpweb_open_period(rq, p);
	const char *pillar = arg(rq, "pillar"), *body = arg(rq, "body");
	int locked = wpweb_locked(rq, p->plan, pidx);
	bool filer = rq->user.role == ROLE_ADMIN || rq->user.role == ROLE_FOCAL_POINT;
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	page_begin(rq, rs, _("Work plan"), "workplan");
	fputs("<h1>", o);
	esc_html_text(o, p->title);
	page_h(o,"</h1><p class=\"lead\">Half-year ");
	esc_html_text(o, period);
	if (locked == 1)
		page_h(o, " · <span class=\"badge locked\">approved, locked</span>");
	else
		page_h(o, " · <span class=\"badge\">open for reports</span>");
	if (rq->user.role == ROLE_FOCAL_POINT) {
		page_h(o," · you report for ");
		esc_html_text(o, rq->user.body);
	}
	fputs("</p>", o);
	const char *saved = arg(rq, "saved");
	if (saved) {
		page_h(o,"<p class=\"msg ok\" role=\"status\">Your report on ");
		esc_html_text(o, saved);
		page_h(o," was saved.</p>");
	}
	filters(rq, o, p, pidx, pillar, body);
	wp_period_stats stats;
	if (wp_compute_period(p, pidx, days, &stats) == 0) {
		rate_cards(o, &stats);
		wp_period_stats_free(&stats);
	}
	fputs("<p class=\"actions\">", o);
	static const char *const fmts[][2] = {{"html", N_("Report (HTML)")}, {"docx", N_("Report (Word)")},
					      {"xlsx", N_("Report (XLSX)")}, {"json", N_("Data (JSON)")}};
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		fputs("<a class=\"button secondary\" href=\"", o);
		wp_href(o, "/workplan/report", p->plan, pidx);
		fprintf(o, "&amp;format=%s\">", fmts[i][0]);
		esc_html_text(o, _(fmts[i][1]));
		fputs("</a> ", o);
	}
	fputs("</p>", o);
	/* the plan's reviews, whatever half-year is shown */
	static const char *const review_names[] = {N_("Mid-term review"), N_("Final review")};
	for (int k = 0; k < 2; k++) {
		fputs("<p class=\"actions reviews\">", o);
		esc_html_text(o, _(review_names[k]));
		fputs(":", o);
		static const char *const formats[][2] = {{"html", "HTML"}, {"docx", "Word"}, {"xlsx", "XLSX"}};
		for (size_t i = 0; i < 3; i++) { /* the formats' names, not words to translate */
			fputs(" <a href=\"/workplan/report?plan=", o);
			esc_url_part(o, p->plan);
			fprintf(o, "&amp;review=%s&amp;format=%s\">%s</a>", review_kinds[k], formats[i][0], formats[i][1]);
		}
		fputs("</p>", o);
	}
	bool open = filer && locked == 0;
	page_h(o,"<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Line</th><th>Action</th><th>Lead</th>"
	      "<th>Cooperating</th><th>State</th><th>Lead body's note</th>");
	if (open)
		page_h(o,"<th>Your report</th>");
	fputs("</tr></thead><tbody>\n", o);
	int shown = 0;
	for (int i = 0; i < p->nlines; i++) {
		const wp_line *l = &p->lines[i];
		if (!wp_line_active(l, pidx) || !matches(l, pillar, body))
			continue;
		matrix_row(rq, o, p, l, pidx, open);
		shown++;
	}
	fputs("</tbody></table></div>", o);
	fputs("<p class=\"note\">", o);
	fprintf(o, P_("%d line active in %s shown.", "%d lines active in %s shown.", shown), shown, period);
	if (filer && locked == 1)
		page_h(o, " The period is locked: an administrator must re-open it before reports change.");
	fputs("</p>", o);
	wp_plan_free(p);
	page_end(rs);
}

/* A row of the conflict page's table. */
static void conflict_row(FILE *o, const char *label, const char *now, const char *typed)
{
	bool same = strcmp(now, typed) == 0;
	fprintf(o, "<tr%s><th>%s</th><td>", same ? "" : " class=\"changed\"", label);
	esc_html_text(o, now);
	fputs("</td><td>", o);
	esc_html_text(o, typed);
	fputs("</td></tr>", o);
}

/* The 409 page of a stale report: nothing was stored; the stored report stands next to
 * the typed values, and the form holds the typed values with the stored version, so
 * saving again replaces the report on purpose. */
static void status_conflict(web_req *rq, web_resp *rs, const char *plan, const char *item, const char *period,
			    const char *seen)
{
	char body[80];
	wpweb_status cur;
	memset(&cur, 0, sizeof cur);
	int found = wpweb_filing_body_of(rq, item, body, sizeof body);
	if (found == 1)
		found = wpweb_status_read(rq->st, item, wp_period_parse(period), body, &cur);
	if (found < 0)
		return page_error(rq, rs, 500, _("The report could not be read."));
	const char *status = form_get(rq, "status"), *note = form_get(rq, "note");
	FILE *o = rs->out;
	rs->status = 409;
	page_begin(rq, rs, _("Work plan"), "workplan");
	page_h(o,"<h1>The report was not saved</h1><div class=\"msg bad\" role=\"alert\" id=\"conflict\"><strong>Nothing "
	      "was stored.</strong> ");
	fputs(found && !seen[0] ? _("Someone else filed the report of ") : _("Someone else changed the report of "), o);
	esc_html_text(o, found ? body : _("your body"));
	page_h(o," on line ");
	esc_html_text(o, item);
	page_h(o," for ");
	esc_html_text(o, period);
	page_h(o," since you opened the page. Its current values are shown next to yours, and the form below keeps "
	      "what you typed: check both, then save again to replace the current report with yours.</div>"
	      "<div class=\"scroll\"><table id=\"conflict-values\"><thead><tr><th>Field</th><th>Current value</th>"
	      "<th>Your value</th></tr></thead><tbody>");
	char now[40], typed[40];
	conflict_row(o, _("Status"), page_code_words(found ? cur.status : NULL, now, sizeof now),
		     page_code_words(status, typed, sizeof typed));
	conflict_row(o, _("Note"), cur.note ? cur.note : "", note ? note : "");
	conflict_row(o, _("Reported on"), cur.reported_on, "");
	page_h(o,"</tbody></table></div><h2>Your values</h2>");
	status_form(rq, o, plan, item, period, cur.version, status, note);
	fputs("<p><a href=\"/workplan?plan=", o);
	esc_url_part(o, plan);
	fputs("&amp;period=", o);
	esc_url_part(o, period);
	page_h(o,"\">Back to the work plan</a></p>");
	page_end(rs);
	wpweb_status_free(&cur);
}

/* POST /workplan/status (form: plan, item, period, version, status, note). A form
 * without a version counts as based on no report. */
static void status_post(web_req *rq, web_resp *rs)
{
	const char *plan = form_get(rq, "plan"), *item = form_get(rq, "item"), *period = form_get(rq, "period");
	if (!plan || !item || !period)
		return page_error(rq, rs, 400, _("The form is incomplete."));
	const char *seen = form_get(rq, "version");
	web_write w;
	int st = wpweb_file_status(rq, plan, item, period, NULL, form_get(rq, "status"), form_get(rq, "note"),
				   seen ? seen : "", &w);
	if (st == 200) {
		char *loc = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&loc, &len);
		if (f) {
			fputs("/workplan?plan=", f);
			esc_url_part(f, plan);
			fputs("&period=", f);
			esc_url_part(f, period);
			fputs("&saved=", f);
			esc_url_part(f, item);
			for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
				char name[16];
				snprintf(name, sizeof name, "f_%s", kept[i]);
				const char *v = form_get(rq, name);
				if (v && *v) {
					fprintf(f, "&%s=", kept[i]);
					esc_url_part(f, v);
				}
			}
			fputs("#line-", f);
			esc_url_part(f, item);
			fclose(f);
		}
		resp_redirect(rs, loc ? loc : "/workplan");
		free(loc);
	} else if (w.stale) {
		status_conflict(rq, rs, plan, item, period, seen ? seen : "");
	} else {
		rs->status = st;
		page_begin(rq, rs, _("Work plan"), "workplan");
		page_h(rs->out,"<h1>The report was not saved</h1><div class=\"msg bad\" role=\"alert\"><p>");
		esc_html_text(rs->out, w.message[0] ? w.message : _("The report has errors:"));
		fputs("</p>", rs->out);
		if (w.diag.len) {
			fputs("<ul class=\"errors\">", rs->out);
			for (size_t i = 0; i < w.diag.len; i++) {
				const diag_entry *e = &w.diag.items[i];
				fputs("<li>", rs->out);
				page_hf(rs->out, "line %ld, ", e->line);
				esc_html_text(rs->out, e->column);
				fputs(": ", rs->out);
				esc_html_text(rs->out, e->message);
				fputs("</li>", rs->out);
			}
			fputs("</ul>", rs->out);
		}
		fputs("</div><p><a href=\"/workplan?plan=", rs->out);
		esc_url_part(rs->out, plan);
		fputs("&amp;period=", rs->out);
		esc_url_part(rs->out, period);
		page_h(rs->out,"\">Back to the work plan</a></p>");
		page_end(rs);
	}
	web_write_free(&w);
}

/* The work-plan xlsx writer (through the report's document) in resp_via_file's shape. */
static int doc_xlsx(const char *path, const void *d, actip_err *err)
{
	return rdoc_write_wp_xlsx(path, d, err);
}

/* The work-plan docx writer (landscape, through the report's document) in
 * resp_via_file's shape. */
static int doc_docx(const char *path, const void *d, actip_err *err)
{
	return rdoc_write_wp_docx(path, d, err);
}

/* GET /workplan/report?plan=&period=&format=html|docx|xlsx|json: the monitoring report of
 * a half-year; with review=midterm|final instead of period, the plan's review. */
static void report_get(web_req *rq, web_resp *rs)
{
	const char *plan = arg(rq, "plan"), *period = arg(rq, "period"), *fmt = arg(rq, "format");
	const char *review = arg(rq, "review");
	int pidx = period ? wp_period_parse(period) : -1, kind = -1;
	for (int k = 0; review && k < 2; k++)
		if (strcmp(review, review_kinds[k]) == 0)
			kind = k;
	if (!plan || (review ? kind < 0 : pidx < 0) || !fmt ||
	    (strcmp(fmt, "html") != 0 && strcmp(fmt, "xlsx") != 0 && strcmp(fmt, "json") != 0 &&
	     strcmp(fmt, "docx") != 0))
		return page_error(rq, rs, 404, _("There is no such report."));
	wp_plan *p;
	int days;
	int st = wpweb_load(rq, plan, &p, &days);
	if (st != 200)
		return page_error(rq, rs, st, st == 404 ? _("There is no such work plan.") : _("The work plan could not be read."));
	actip_err err = {{0}};
	int rc = -1;
	rs->status = 200;
	i18n_set(NULL); /* the document in English, as the annual report's downloads (docs/languages.md) */
	if (strcmp(fmt, "json") == 0) {
		rs->ctype = "application/json";
		rc = kind >= 0 ? wp_write_review_json(rs->out, p, kind == 1, days, &err)
			       : wp_write_report_json(rs->out, p, pidx, days, &err);
	} else {
		wp_doc *d = kind >= 0 ? wp_review_doc(p, kind == 1, days) : wp_report_doc(p, pidx, days);
		if (d && strcmp(fmt, "html") == 0) {
			rs->ctype = "text/html; charset=utf-8";
			rc = rdoc_write_wp_html(rs->out, d, &err);
		} else if (d && strcmp(fmt, "docx") == 0) {
			rs->ctype = report_format_find("docx")->mime; /* the report's one media type */
			rc = resp_via_file(rs, doc_docx, d, &err);
		} else if (d) {
			rs->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			rc = resp_via_file(rs, doc_xlsx, d, &err);
		}
		wp_doc_free(d);
	}
	i18n_set(rq->lang);
	if (rc < 0)
		rs->status = 500;
	char safe[40];
	size_t j = 0;
	for (const char *c = p->plan; *c && j < sizeof safe - 1; c++)
		safe[j++] = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'
				    ? *c : '_';
	safe[j] = '\0';
	char canon[16];
	if (kind >= 0)
		snprintf(canon, sizeof canon, "%s", review_kinds[kind]);
	else
		wp_period_format(pidx, canon, sizeof canon);
	snprintf(rs->disposition, sizeof rs->disposition, "attachment; filename=\"workplan-%s-%s.%s\"", safe, canon, fmt);
	wp_plan_free(p);
}

/* The work-plan half-years on the periods page: each plan's periods, locked or open, with
 * the admin's approve / re-open buttons. */
void page_workplan_periods(web_req *rq, FILE *o)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT plan, title, start_year, end_year FROM wp_plan ORDER BY start_year, plan",
			       -1, &s, NULL) != SQLITE_OK)
		return;
	bool any = false;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *plan = (const char *)sqlite3_column_text(s, 0);
		int y0 = sqlite3_column_int(s, 2), y1 = sqlite3_column_int(s, 3);
		if (!any)
			page_h(o,"<h2>Work-plan half-years</h2><p class=\"lead\">An approved half-year is locked: the bodies' "
			      "status reports for it cannot be changed until an administrator re-opens it.</p>");
		any = true;
		fputs("<h3>", o);
		esc_html_text(o, (const char *)sqlite3_column_text(s, 1));
		page_h(o,"</h3><div class=\"scroll\"><table><thead><tr><th>Half-year</th><th>Status</th><th></th></tr>"
		      "</thead><tbody>");
		for (int i = 2 * y0; i <= 2 * y1 + 1 && i - 2 * y0 < 100; i++) {
			char name[16];
			wp_period_format(i, name, sizeof name);
			bool locked = wpweb_locked(rq, plan, i) == 1;
			fprintf(o, "<tr><td>%s</td><td>", name);
			if (locked)
				page_h(o, "<span class=\"badge locked\">approved, locked</span></td><td>");
			else
				page_h(o, "<span class=\"badge\">open</span></td><td>");
			if (rq->user.role == ROLE_ADMIN) {
				fputs("<form class=\"inline\" method=\"post\" action=\"/workplan/period\">", o);
				page_csrf_field(rq, o);
				fputs("<input type=\"hidden\" name=\"plan\" value=\"", o);
				esc_html_attr(o, plan);
				fprintf(o, "\"><input type=\"hidden\" name=\"period\" value=\"%s\">"
					   "<input type=\"hidden\" name=\"action\" value=\"%s\">"
					   "<button type=\"submit\" class=\"%s\">%s %s</button></form>",
					name, locked ? "reopen" : "approve", locked ? "secondary" : "",
					locked ? _("Re-open") : _("Approve"), name);
			}
			fputs("</td></tr>\n", o);
		}
		fputs("</tbody></table></div>", o);
	}
	sqlite3_finalize(s);
	page_incomplete(o, rc);
}

/* POST /workplan/period (form: plan, period, action approve|reopen). */
static void period_post(web_req *rq, web_resp *rs)
{
	const char *plan = form_get(rq, "plan"), *period = form_get(rq, "period"), *action = form_get(rq, "action");
	if (!plan || !period || !action || (strcmp(action, "approve") != 0 && strcmp(action, "reopen") != 0))
		return page_error(rq, rs, 400, _("The form is incomplete."));
	int st = wpweb_period_set(rq, plan, period, strcmp(action, "approve") == 0);
	if (st != 200)
		return page_error(rq, rs, st, st == 400 ? _("Not a half-year such as 2020-H2.")
					  : st == 404 ? _("There is no such plan or half-year.") : _("The period could not be changed."));
	resp_redirect(rs, "/periods");
}

const web_route page_workplan_routes[] = {
	{"POST", "/workplan/period", period_post, R_HTML | R_WRITE | R_ADMIN},
	{"GET", "/workplan", matrix_get, R_HTML},
	{"POST", "/workplan/status", status_post, R_HTML | R_WRITE | R_FILER},
	{"GET", "/workplan/report", report_get, R_HTML},
	{NULL, NULL, NULL, 0},
};
