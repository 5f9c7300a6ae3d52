/* Activity pages: the list with its filters, one activity with its participants (names
 * only for those who may edit them) and its feedback summary, and the forms that add or
 * edit an activity, add a participant and add a feedback response. Form posts become
 * CSV rows for the guarded write path, so they follow the templates' rules exactly.
 * Edits are optimistic: the edit form carries the activity's version and a stale one
 * gets a 409 page with the stored values and the typed ones (the add form refuses an ID
 * stored meanwhile the same way); a participant or a response is appended after the
 * activity's stored rows (the importer's append mode), so two people adding at once both
 * keep their row and the stored rows are never rewritten. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/escape.h"
#include "core/i18n.h"
#include "core/text.h"
#include "web/data.h"
#include "web/pages.h"
#include "web/records.h"
#include "web/server.h"
#include "web/write.h"

/* Writes a cell. */
static void td(FILE *o, const char *s)
{
	fputs("<td>", o);
	esc_html_text(o, s ? s : "");
	fputs("</td>", o);
}

/* A country code as its name in the page's language (an unknown code as is). */
static const char *country_shown(const char *code)
{
	const country *k = code ? country_by_code(code) : NULL;
	return k ? country_label(k) : code;
}

/* A code as words in the page's language ("capacity_development": "Capacity development"). */
static const char *code_shown(const char *code, char *buf, size_t size)
{
	return code && *code ? page_code_words(code, buf, size) : "";
}

/* A date in the page's language's order. */
static const char *date_shown(const char *iso, char *buf, size_t size)
{
	i18n_format_date(buf, size, iso);
	return buf;
}

/* A count cell with the page's language's grouping. */
static void count_td(FILE *o, long long n)
{
	char b[32];
	i18n_format_count(b, sizeof b, n);
	fprintf(o, "<td class=\"num\">%s</td>", b);
}

/* One row of the list. */
static void list_row(const act_row *r, void *ctx)
{
	FILE *o = ctx;
	fputs("<tr><td><a href=\"/activities/", o);
	esc_html_attr(o, r->id);
	fputs("\">", o);
	esc_html_text(o, r->id);
	fputs("</a></td>", o);
	td(o, r->title);
	char w[160], d[64];
	td(o, country_shown(r->country));
	td(o, code_shown(r->type, w, sizeof w));
	td(o, r->project);
	td(o, date_shown(r->start_date, d, sizeof d));
	count_td(o, r->participants);
	count_td(o, r->feedback);
	fputs("</tr>\n", o);
}

/* The filter value of a query argument ("" = any). */
static const char *arg(web_req *rq, const char *name)
{
	const char *v = req_query(rq, name);
	return v && *v ? v : NULL;
}

/* GET /activities. */
static void list_get(web_req *rq, web_resp *rs)
{
	FILE *o = rs->out;
	int year = 0;
	const char *y = arg(rq, "year");
	if (y && text_parse_year(y, &year) < 0)
		year = 0;
	act_filter f = {year, arg(rq, "country"), arg(rq, "type"), arg(rq, "project")};
	page_begin(rq, rs, _("Activities"), "activities");
	page_h(o,"<h1>Activities</h1>");
	if (page_is_editor(&rq->user))
		page_h(o,"<p><a class=\"button\" href=\"/activities/new\">Add an activity</a></p>");
	page_h(o,"<form class=\"filters\" method=\"get\" action=\"/activities\"><div><label for=\"f-year\">Year</label>"
	      "<select id=\"f-year\" name=\"year\"><option value=\"\">Any</option>");
	sqlite3_stmt *s;
	int rc = SQLITE_DONE;
	if (data_periods(rq->st, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			fprintf(o, "<option%s>%d</option>", sqlite3_column_int(s, 0) == year ? " selected" : "",
				sqlite3_column_int(s, 0));
		store_release(rq->st, s);
	}
	bool short_read = rc != SQLITE_DONE;
	page_h(o,"</select></div><div><label for=\"f-country\">Country</label><select id=\"f-country\" name=\"country\">");
	page_code_options(o, "activities", "country", f.country, _("Any"));
	page_h(o,"</select></div><div><label for=\"f-type\">Type</label><select id=\"f-type\" name=\"type\">");
	page_code_options(o, "activities", "type", f.type, _("Any"));
	page_h(o,"</select></div><div><label for=\"f-project\">Project</label><select id=\"f-project\" name=\"project\">"
	      "<option value=\"\">Any</option>");
	if (data_projects(rq->st, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *code = (const char *)sqlite3_column_text(s, 0);
			fputs("<option value=\"", o);
			esc_html_attr(o, code);
			fputs(f.project && strcmp(f.project, code) == 0 ? "\" selected>" : "\">", o);
			esc_html_text(o, code);
			fputs("</option>", o);
		}
		sqlite3_finalize(s);
		short_read = short_read || rc != SQLITE_DONE;
	}
	page_h(o,"</select></div><button type=\"submit\">Filter</button></form>"
	      "<div class=\"scroll\"><table><thead><tr><th>ID</th><th>Title</th><th>Country</th><th>Type</th>"
	      "<th>Project</th><th>Start</th><th class=\"num\">Participants</th><th class=\"num\">Feedback</th>"
	      "</tr></thead><tbody>\n");
	page_incomplete(o, short_read ? SQLITE_ERROR : SQLITE_DONE);
	int n = data_activities(rq->st, &f, 500, list_row, o);
	fputs("</tbody></table></div>", o);
	fputs("<p class=\"note\">", o);
	fprintf(o, n == 500 ? _("%d activities shown (the first 500; narrow the filters).")
			    : P_("%d activity shown.", "%d activities shown.", n < 0 ? 0 : n),
		n < 0 ? 0 : n);
	fputs("</p>", o);
	page_end(rs);
}

/* Copies an activity row for later use. */
typedef struct act_copy {
	char id[80], project[80], country[8], type[32], title[400], start[16], end[16], mode[16];
	char outcomes[400]; /* ;-separated results-framework codes */
	char version[33]; /* data_act_version of the row; in a typed copy, the form's */
	int year;
	long long participants, feedback;
} act_copy;

/* The fields a person edits, with their form names, for the conflict page. */
static const struct {
	const char *label, *name;
	size_t off;
} act_fields[] = {
	{N_("Title"), "title", offsetof(act_copy, title)},
	{N_("Country"), "country", offsetof(act_copy, country)},
	{N_("Type"), "type", offsetof(act_copy, type)},
	{N_("Project code"), "project", offsetof(act_copy, project)},
	{N_("Start date"), "start_date", offsetof(act_copy, start)},
	{N_("End date"), "end_date", offsetof(act_copy, end)},
	{N_("Mode"), "mode", offsetof(act_copy, mode)},
	{N_("Outcomes"), "outcomes", offsetof(act_copy, outcomes)},
};

/* The text of field i of act_fields in a copy. */
static const char *act_field(const act_copy *a, size_t i)
{
	return (const char *)a + act_fields[i].off;
}

/* Keeps a copy of the row. */
static void keep(const act_row *r, void *ctx)
{
	act_copy *c = ctx;
#define CP(f, v) snprintf(c->f, sizeof c->f, "%s", (v) ? (v) : "")
	CP(id, r->id);
	CP(project, r->project);
	CP(country, r->country);
	CP(type, r->type);
	CP(title, r->title);
	CP(start, r->start_date);
	CP(end, r->end_date);
	CP(mode, r->mode);
	CP(outcomes, r->outcomes);
#undef CP
	data_act_version(r, c->version);
	c->year = r->year;
	c->participants = r->participants;
	c->feedback = r->feedback;
}

/* A definition list entry. */
static void fact(FILE *o, const char *k, const char *v)
{
	fprintf(o, "<dt>%s</dt><dd>", k);
	esc_html_text(o, v && *v ? v : "–");
	fputs("</dd>", o);
}

/* A yes-share cell. */
static void pct_cell(FILE *o, int p)
{
	if (p < 0)
		fputs("<td class=\"num\">–</td>", o);
	else
		fprintf(o, "<td class=\"num\">%d%%</td>", p);
}

/* Writes the participant form fields: no sex chosen for the person; the country of an
 * officer's own activities preset. */
static void participant_fields(FILE *o, const char *country)
{
	page_h(o,"<div class=\"grid2\"><div class=\"field\"><label for=\"p-name\">Full name</label><input id=\"p-name\" name=\"full_name\" maxlength=\"200\"></div>"
	      "<div class=\"field\"><label for=\"p-email\">E-mail</label><input id=\"p-email\" name=\"email\" type=\"email\" maxlength=\"200\"></div>"
	      "<div class=\"field\"><label for=\"p-id\">Person ID</label><input id=\"p-id\" name=\"person_id\" maxlength=\"80\"></div>"
	      "<div class=\"field\"><label for=\"p-sex\">Sex</label><select id=\"p-sex\" name=\"sex\" required>");
	page_code_options(o, "participants", "sex", NULL, _("Choose…"));
	page_h(o,"</select></div><div class=\"field\"><label for=\"p-country\">Country of origin</label><select id=\"p-country\" name=\"country\" required>");
	page_code_options(o, "participants", "country", country, _("Choose…"));
	page_h(o,"</select></div><div class=\"field\"><label for=\"p-org\">Organisation</label><input id=\"p-org\" name=\"organisation\" maxlength=\"200\"></div>"
	      "<div class=\"field\"><label for=\"p-staff\">Programme staff</label><select id=\"p-staff\" name=\"staff\">");
	page_code_options(o, "participants", "staff", NULL, _("Not answered"));
	page_h(o,"</select></div><div class=\"field\"><label for=\"p-dis\">Disability</label><select id=\"p-dis\" name=\"disability\">");
	page_code_options(o, "participants", "disability", NULL, _("Not answered"));
	fputs("</select></div></div>", o);
}

/* Writes the feedback form fields. */
static void feedback_fields(FILE *o)
{
	static const char *const sexes[] = {"", "female", "male", "other", NULL};
	static const char *const sex_l[] = {N_("Not given"), N_("Female"), N_("Male"), N_("Other"), NULL};
	static const char *const yn[] = {"", "yes", "no", NULL};
	static const char *const yn_l[] = {N_("Not answered"), N_("Yes"), N_("No"), NULL};
	static const char *const und[] = {"", "excellent", "good", "fair", "poor", NULL};
	static const char *const und_l[] = {N_("Not answered"), N_("Excellent"), N_("Good"), N_("Fair"), N_("Poor"), NULL};
	static const char *const q[] = {"satisfied", "met_objectives", "met_expectations", "improved_learning", "relevant"};
	static const char *const ql[] = {N_("Satisfied overall"), N_("Met its objectives"), N_("Met my expectations"),
					 N_("Improved my learning"), N_("Relevant to my work")};
	page_h(o,"<div class=\"grid2\"><div class=\"field\"><label for=\"f-sex\">Sex</label><select id=\"f-sex\" name=\"sex\">");
	page_options(o, sexes, sex_l, NULL);
	fputs("</select></div>", o);
	for (int i = 0; i < 5; i++) {
		fprintf(o, "<div class=\"field\"><label for=\"f-%s\">", q[i]);
		esc_html_text(o, _(ql[i]));
		fprintf(o, "</label><select id=\"f-%s\" name=\"%s\">", q[i], q[i]);
		page_options(o, yn, yn_l, NULL);
		fputs("</select></div>", o);
	}
	page_h(o,"<div class=\"field\"><label for=\"f-und\">Understanding</label><select id=\"f-und\" name=\"understanding\">");
	page_options(o, und, und_l, NULL);
	fputs("</select></div></div>", o);
}

/* Writes the errors of a write as a list. */
static void write_errors(FILE *o, const web_write *w)
{
	page_h(o,"<div class=\"msg bad\" role=\"alert\"><strong>Nothing was stored.</strong>");
	if (w->status != 422) {
		fputs(" ", o);
		esc_html_text(o, w->message);
	}
	fputs("<ul class=\"errors\">", o);
	for (size_t i = 0; i < w->diag.len; i++) {
		const diag_entry *e = &w->diag.items[i];
		if (e->kind != DIAG_ERROR)
			continue;
		fputs("<li>", o);
		esc_html_text(o, e->column);
		fputs(": ", o);
		esc_html_text(o, e->message);
		fputs("</li>", o);
	}
	fputs("</ul></div>", o);
}

/* The detail page, with an optional message of a failed write. */
static void detail(web_req *rq, web_resp *rs, const web_write *failed)
{
	act_copy a;
	int found = data_activity(rq->st, rq->params[0], keep, &a);
	if (found <= 0)
		return page_error(rq, rs, found < 0 ? 500 : 404, _("There is no such activity."));
	FILE *o = rs->out;
	bool may = data_may_edit(&rq->user, a.country);
	if (failed)
		rs->status = failed->status;
	page_begin(rq, rs, a.title, "activities");
	page_h(o,"<p><a href=\"/activities\">← All activities</a></p><h1>");
	esc_html_text(o, a.title);
	fputs("</h1>", o);
	if (failed)
		write_errors(o, failed);
	fputs("<dl class=\"facts\">", o);
	fact(o, "ID", a.id);
	char w[2][160], d[2][64];
	fact(o, _("Country"), country_shown(a.country));
	fact(o, _("Type"), code_shown(a.type, w[0], sizeof w[0]));
	fact(o, _("Project"), a.project);
	fact(o, _("Start"), date_shown(a.start, d[0], sizeof d[0]));
	fact(o, _("End"), date_shown(a.end, d[1], sizeof d[1]));
	fact(o, _("Mode"), code_shown(a.mode, w[1], sizeof w[1]));
	fputs("</dl>", o);
	if (may) {
		fputs("<p><a class=\"button secondary\" href=\"/activities/", o);
		esc_html_attr(o, a.id);
		page_h(o,"/edit\">Edit the activity</a></p>");
	}
	page_hf(o, "<h2>Participants (%lld)</h2>", a.participants);
	if (!may)
		page_h(o,"<p class=\"note\">Names and e-mails are shown only to those who may edit this activity.</p>");
	fputs("<div class=\"scroll\"><table><thead><tr>", o);
	if (may)
		page_h(o,"<th>Name</th><th>E-mail</th>");
	page_h(o,"<th>Sex</th><th>Country</th><th>Organisation</th><th>Staff</th></tr></thead><tbody>");
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (data_participants(rq->st, a.id, &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			fputs("<tr>", o);
			if (may) {
				td(o, (const char *)sqlite3_column_text(s, 3));
				td(o, (const char *)sqlite3_column_text(s, 2));
			}
			char w[160];
			td(o, code_shown((const char *)sqlite3_column_text(s, 4), w, sizeof w));
			td(o, country_shown((const char *)sqlite3_column_text(s, 5)));
			td(o, (const char *)sqlite3_column_text(s, 6));
			td(o, sqlite3_column_int(s, 7) ? _("Yes") : "");
			fputs("</tr>\n", o);
		}
		sqlite3_finalize(s);
	}
	fputs("</tbody></table></div>", o);
	page_incomplete(o, rc);
	if (may) {
		page_h(o,"<details><summary>Add a participant</summary><form method=\"post\" action=\"/activities/");
		esc_html_attr(o, a.id);
		fputs("/participants\">", o);
		page_csrf_field(rq, o);
		participant_fields(o, rq->user.role == ROLE_COUNTRY_OFFICER ? rq->user.country : NULL);
		page_h(o,"<button type=\"submit\">Add the participant</button></form></details>");
	}
	fb_summary fs;
	page_hf(o, "<h2>Feedback (%lld responses)</h2>", a.feedback);
	if (data_feedback_summary(rq->st, a.id, &fs) == 0 && fs.respondents) {
		page_h(o,"<div class=\"scroll\"><table><thead><tr><th class=\"num\">Respondents</th><th class=\"num\">Female</th>"
		      "<th class=\"num\">Male</th><th class=\"num\">Other</th><th class=\"num\">Satisfied</th>"
		      "<th class=\"num\">Met objectives</th><th class=\"num\">Met expectations</th>"
		      "<th class=\"num\">Improved learning</th><th class=\"num\">Relevant</th></tr></thead><tbody><tr>");
		fprintf(o, "<td class=\"num\">%lld</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td>",
			fs.respondents, fs.female, fs.male, fs.other);
		for (int i = 0; i < 5; i++)
			pct_cell(o, fs.pct[i]);
		fputs("</tr></tbody></table></div>", o);
	} else {
		page_h(o,"<p>No feedback recorded.</p>");
	}
	if (may) {
		page_h(o,"<details><summary>Add a feedback response</summary><form method=\"post\" action=\"/activities/");
		esc_html_attr(o, a.id);
		fputs("/feedback\">", o);
		page_csrf_field(rq, o);
		feedback_fields(o);
		page_h(o,"<button type=\"submit\">Add the response</button></form></details>");
	}
	page_end(rs);
}

/* GET /activities/{id}. */
static void detail_get(web_req *rq, web_resp *rs)
{
	detail(rq, rs, NULL);
}

/* The add/edit form with the values of a; an edit carries a->version, the version of
 * the activity the values were based on. */
static void activity_form(web_req *rq, FILE *o, const act_copy *a, bool is_new)
{
	static const char *const modes[] = {"", "in_person", "online", "hybrid", NULL};
	static const char *const mode_l[] = {N_("Not given"), N_("In person"), N_("Online"), N_("Hybrid"), NULL};
	fputs("<form method=\"post\" action=\"", o);
	if (is_new)
		fputs("/activities", o);
	else {
		fputs("/activities/", o);
		esc_html_attr(o, a->id);
	}
	fputs("\">", o);
	page_csrf_field(rq, o);
	if (!is_new) {
		fputs("<input type=\"hidden\" name=\"version\" value=\"", o);
		esc_html_attr(o, a->version);
		fputs("\">", o);
	}
	fputs("<div class=\"grid2\">", o);
	if (is_new) {
		page_h(o,"<div class=\"field\"><label for=\"a-id\">Activity ID</label><input id=\"a-id\" name=\"activity_id\" required maxlength=\"64\" placeholder=\"KH-2021-014\" value=\"");
		esc_html_attr(o, a->id);
		fputs("\"></div>", o);
	}
	page_h(o,"<div class=\"field\"><label for=\"a-title\">Title</label><input id=\"a-title\" name=\"title\" required maxlength=\"300\" value=\"");
	esc_html_attr(o, a->title);
	page_h(o,"\"></div><div class=\"field\"><label for=\"a-country\">Country</label><select id=\"a-country\" name=\"country\">");
	if (rq->user.role == ROLE_COUNTRY_OFFICER) {
		const char *only[] = {rq->user.country, NULL};
		page_options(o, only, NULL, rq->user.country);
	} else
		page_code_options(o, "activities", "country", a->country, _("Choose…"));
	page_h(o,"</select></div><div class=\"field\"><label for=\"a-type\">Type</label><select id=\"a-type\" name=\"type\">");
	page_code_options(o, "activities", "type", a->type, _("Choose…"));
	page_h(o,"</select></div><div class=\"field\"><label for=\"a-project\">Project code</label><input id=\"a-project\" name=\"project\" maxlength=\"32\" value=\"");
	esc_html_attr(o, a->project);
	page_h(o,"\"></div><div class=\"field\"><label for=\"a-start\">Start date</label><input id=\"a-start\" name=\"start_date\" type=\"date\" required value=\"");
	esc_html_attr(o, a->start);
	page_h(o,"\"></div><div class=\"field\"><label for=\"a-end\">End date</label><input id=\"a-end\" name=\"end_date\" type=\"date\" value=\"");
	esc_html_attr(o, a->end);
	page_h(o,"\"></div><div class=\"field\"><label for=\"a-mode\">Mode</label><select id=\"a-mode\" name=\"mode\">");
	page_options(o, modes, mode_l, a->mode);
	page_h(o,"</select></div><div class=\"field\"><label for=\"a-outcomes\">Outcomes (codes, separated by ;)</label>"
	      "<input id=\"a-outcomes\" name=\"outcomes\" maxlength=\"390\" placeholder=\"O1.1;O2.3\" value=\"");
	esc_html_attr(o, a->outcomes);
	page_h(o,"\"></div></div><button type=\"submit\">Save</button></form>");
}

/* The add/edit page, with the errors of a failed write. */
static void edit_form(web_req *rq, web_resp *rs, const act_copy *a, bool is_new, const web_write *failed)
{
	FILE *o = rs->out;
	if (failed)
		rs->status = failed->status;
	page_begin(rq, rs, is_new ? _("Add an activity") : _("Edit an activity"), "activities");
	if (is_new)
		page_h(o, "<h1>Add an activity</h1>");
	else
		page_h(o, "<h1>Edit an activity</h1>");
	if (failed)
		write_errors(o, failed);
	activity_form(rq, o, a, is_new);
	page_end(rs);
}

/* The 409 page of a stale edit (or of an add whose ID was stored meanwhile): nothing was
 * stored; the stored values stand next to the typed ones, and the form holds the typed
 * values with the stored version, so saving again replaces the stored values on
 * purpose, never by accident. */
static void conflict_page(web_req *rq, web_resp *rs, const act_copy *typed, bool was_new)
{
	act_copy cur;
	int found = data_activity(rq->st, typed->id, keep, &cur);
	if (found <= 0)
		return page_error(rq, rs, found < 0 ? 500 : 409,
				  _("The activity was removed since you opened the form; nothing was stored."));
	FILE *o = rs->out;
	rs->status = 409;
	page_begin(rq, rs, _("Edit an activity"), "activities");
	page_h(o,"<h1>Edit an activity</h1><div class=\"msg bad\" role=\"alert\" id=\"conflict\"><strong>Nothing was "
	      "stored.</strong> ");
	fputs(was_new ? _("Someone else stored an activity with the ID ") : _("Someone else changed the activity "), o);
	esc_html_text(o, cur.id);
	page_h(o," since you opened the form. Its current values are shown next to yours, and the form below keeps "
	      "what you typed: check both, then save again to replace the current values with yours.</div>"
	      "<div class=\"scroll\"><table id=\"conflict-values\"><thead><tr><th>Field</th><th>Current value</th>"
	      "<th>Your value</th></tr></thead><tbody>");
	for (size_t i = 0; i < sizeof act_fields / sizeof act_fields[0]; i++) {
		bool same = strcmp(act_field(&cur, i), act_field(typed, i)) == 0;
		fprintf(o, "<tr%s><th>", same ? "" : " class=\"changed\"");
		esc_html_text(o, _(act_fields[i].label));
		fputs("</th>", o);
		td(o, act_field(&cur, i));
		td(o, act_field(typed, i));
		fputs("</tr>", o);
	}
	page_h(o,"</tbody></table></div><h2>Your values</h2>");
	act_copy again = *typed;
	snprintf(again.id, sizeof again.id, "%s", cur.id);
	snprintf(again.version, sizeof again.version, "%s", cur.version);
	activity_form(rq, o, &again, false);
	page_end(rs);
}

/* GET /activities/new. */
static void new_get(web_req *rq, web_resp *rs)
{
	act_copy a;
	memset(&a, 0, sizeof a);
	edit_form(rq, rs, &a, true, NULL);
}

/* GET /activities/{id}/edit. */
static void edit_get(web_req *rq, web_resp *rs)
{
	act_copy a;
	int found = data_activity(rq->st, rq->params[0], keep, &a);
	if (found <= 0)
		return page_error(rq, rs, found < 0 ? 500 : 404, _("There is no such activity."));
	edit_form(rq, rs, &a, false, NULL);
}

/* Writes a CSV row from form fields named after cols. */
static void form_row(web_req *rq, FILE *f, const char *id, const char *const *cols)
{
	csv_quoted(f, id);
	for (int i = 0; cols[i]; i++) {
		fputc(',', f);
		const char *v = form_get(rq, cols[i]);
		csv_quoted(f, v ? v : "");
	}
	fputs("\r\n", f);
}

/* Saves an activity from the form (create when id is NULL). An edit must be based on
 * the stored version (the form's hidden field; none counts as stale); an add must not
 * find the ID stored (else it would replace someone's activity unseen). */
static void save_activity(web_req *rq, web_resp *rs, const char *id)
{
	bool is_new = id == NULL;
	const char *seen = is_new ? "" : form_get(rq, "version");
	if (is_new)
		id = form_get(rq, "activity_id");
	if (!id || !*id)
		return page_error(rq, rs, 400, _("An activity ID is needed."));
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	if (!f)
		return page_error(rq, rs, 500, _("Out of memory."));
	rec_header(f, rec_cols("activities", (const char *[TPL_MAX_COLS + 1]){0}));
	form_row(rq, f, id, rec_cols("activities", (const char *[TPL_MAX_COLS + 1]){0}));
	fclose(f);
	web_write w;
	web_write_csv_if_match(rq, "activities", csv, len, id, seen ? seen : "", &w);
	free(csv);
	if (w.status == 200) {
		char loc[300];
		snprintf(loc, sizeof loc, "/activities/%s", id);
		resp_redirect(rs, loc);
	} else {
		act_copy a;
		memset(&a, 0, sizeof a);
#define CPF(fld, name) snprintf(a.fld, sizeof a.fld, "%s", form_get(rq, name) ? form_get(rq, name) : "")
		snprintf(a.id, sizeof a.id, "%s", id);
		CPF(title, "title");
		CPF(country, "country");
		CPF(type, "type");
		CPF(project, "project");
		CPF(start, "start_date");
		CPF(end, "end_date");
		CPF(mode, "mode");
		CPF(outcomes, "outcomes");
#undef CPF
		snprintf(a.version, sizeof a.version, "%s", seen ? seen : "");
		if (w.stale)
			conflict_page(rq, rs, &a, is_new);
		else
			edit_form(rq, rs, &a, is_new, &w);
	}
	web_write_free(&w);
}

/* POST /activities. */
static void new_post(web_req *rq, web_resp *rs)
{
	save_activity(rq, rs, NULL);
}

/* POST /activities/{id}. */
static void edit_post(web_req *rq, web_resp *rs)
{
	act_copy a;
	int found = data_activity(rq->st, rq->params[0], keep, &a);
	if (found <= 0)
		return page_error(rq, rs, found < 0 ? 500 : 404, _("There is no such activity."));
	save_activity(rq, rs, rq->params[0]);
}

/* Adds one participant or feedback row from the form: the header and the one row go to
 * the guarded write in append mode, so the row is numbered after the activity's stored
 * rows and those are left as they are. They are never read back and written again: in
 * pseudonymisation mode they hold no names or e-mails to rebuild their person keys from,
 * and people adding at the same moment each add their own row under the write lock. */
static void add_row(web_req *rq, web_resp *rs, const char *template_name, const char *const *cols)
{
	act_copy a;
	int found = data_activity(rq->st, rq->params[0], keep, &a);
	if (found <= 0)
		return page_error(rq, rs, found < 0 ? 500 : 404, _("There is no such activity."));
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	if (!f)
		return page_error(rq, rs, 500, _("Out of memory."));
	rec_header(f, cols);
	form_row(rq, f, a.id, cols);
	fclose(f);
	web_write w;
	web_write_csv_append(rq, template_name, csv, len, &w);
	free(csv);
	if (w.status == 200) {
		char loc[300];
		snprintf(loc, sizeof loc, "/activities/%s", a.id);
		resp_redirect(rs, loc);
	} else
		detail(rq, rs, &w);
	web_write_free(&w);
}

/* POST /activities/{id}/participants. */
static void participant_post(web_req *rq, web_resp *rs)
{
	add_row(rq, rs, "participants", rec_cols("participants", (const char *[TPL_MAX_COLS + 1]){0}));
}

/* POST /activities/{id}/feedback. */
static void feedback_post(web_req *rq, web_resp *rs)
{
	add_row(rq, rs, "feedback", rec_cols("feedback", (const char *[TPL_MAX_COLS + 1]){0}));
}

const web_route page_activity_routes[] = {
	{"GET", "/activities", list_get, R_HTML},
	{"GET", "/activities/new", new_get, R_HTML | R_EDITOR},
	{"POST", "/activities", new_post, R_HTML | R_WRITE | R_EDITOR},
	{"GET", "/activities/{}", detail_get, R_HTML},
	{"GET", "/activities/{}/edit", edit_get, R_HTML | R_EDITOR},
	{"POST", "/activities/{}", edit_post, R_HTML | R_WRITE | R_EDITOR},
	{"POST", "/activities/{}/participants", participant_post, R_HTML | R_WRITE | R_EDITOR},
	{"POST", "/activities/{}/feedback", feedback_post, R_HTML | R_WRITE | R_EDITOR},
	{NULL, NULL, NULL, 0},
};
