/* The JSON API under /api/v1 (documented in docs/api.md): sign-in and sign-out, the
 * report, uploads, the activity records, periods and the audit log. Writes go through
 * write.h; JSON bodies are parsed with duplicate keys rejected and unknown fields
 * refused; every answer is JSON written by jansson. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/text.h"
#include "check/check.h"
#include "report/annual.h"
#include "report/report.h"
#include "web/api.h"
#include "web/cache.h"
#include "web/data.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/server.h"
#include "web/session.h"
#include "web/upload_map.h"
#include "web/write.h"


/* The cookie that carries a session token (empty token: the cookie that deletes it). */
void api_set_cookie(const web_req *rq, web_resp *rs, const char *token)
{
	snprintf(rs->set_cookie, sizeof rs->set_cookie, "%s=%s; %sHttpOnly; SameSite=Strict; Path=/%s",
		 rq->cfg->secure_cookie ? "__Host-actip" : "actip", token,
		 rq->cfg->secure_cookie ? "Secure; " : "", *token ? "" : "; Max-Age=0");
}

/* Signs in; shared with the sign-in page. Returns the auth result and, on success,
 * sets the cookie and fills rq's session fields. */
int api_sign_in(web_req *rq, web_resp *rs, const char *name, const char *pw)
{
	web_user u;
	auth_result r = auth_login(rq->st, name, pw, rq->addr, rq->now, &u);
	if (r == AUTH_DBERR) { /* not a failed sign-in: the attempt could not be counted or checked */
		web_log(rq, "sign-in not checked: the database could not record the attempt");
		return r;
	}
	if (r != AUTH_OK) {
		/* What was typed is named only when it is an account's name: a password typed
		 * into the name field must reach neither the log nor the audit rows. */
		const char *who = u.name[0] ? u.name : "(not an account)";
		web_log(rq, "sign-in failed for '%s'%s", who, r == AUTH_LOCKED ? " (locked)" : "");
		store_audit_write(rq->st, NULL, rq->addr, r == AUTH_LOCKED ? "login_locked" : "login_failed", "user",
				  who, NULL, NULL);
		return r;
	}
	actip_err err;
	if (session_create(rq->st, u.id, rq->now, rq->token, &err) < 0)
		return AUTH_DBERR;
	rq->user = u;
	rq->authed = true;
	session_hash_token(rq->token, rq->token_hash);
	csrf_token(rq->token, rq->csrf);
	api_set_cookie(rq, rs, rq->token);
	web_log(rq, "signed in");
	store_audit_write(rq->st, u.name, rq->addr, "login", "user", u.name, NULL, NULL);
	return AUTH_OK;
}

/* POST /api/v1/session {"user", "password"}. */
static void session_create_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"user", "password", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	const char *name = json_string_value(json_object_get(o, "user"));
	const char *pw = json_string_value(json_object_get(o, "password"));
	int r = name && pw ? api_sign_in(rq, rs, name, pw) : AUTH_FAILED;
	json_decref(o);
	if (r == AUTH_DBERR)
		return resp_json_error(rs, 500, "the database is not available");
	if (r != AUTH_OK)
		return resp_json_error(rs, 401, "wrong user name or password, or too many attempts");
	char masked[129];
	csrf_mask(rq->csrf, masked);
	resp_json(rs, 200, json_pack("{ssssss}", "csrf", masked, "user", rq->user.name, "role",
				     web_role_name(rq->user.role)));
}

/* DELETE /api/v1/session. */
static void session_delete_h(web_req *rq, web_resp *rs)
{
	session_delete(rq->st, rq->token_hash);
	store_audit_write(rq->st, rq->user.name, rq->addr, "logout", "user", rq->user.name, NULL, NULL);
	api_set_cookie(rq, rs, "");
	resp_json(rs, 200, json_pack("{sb}", "signed_out", 1));
}

/* The year argument, or 0 when it is missing or bad. */
static int year_arg(web_req *rq)
{
	const char *y = req_query(rq, "year");
	int year = 0;
	if (!y || text_parse_year(y, &year) < 0)
		return 0;
	return year;
}

/* A report writer to a file (xlsx, docx) and its report, for resp_via_file. */
typedef struct path_job {
	const report_format *f;
	const annual_report *r;
} path_job;

static int report_to_path(const char *path, const void *job, actip_err *err)
{
	const path_job *j = job;
	return j->f->write_path(path, j->r, err);
}

/* Computes the report of a year into rs with one of the report's writers, exactly as
 * `actip report --format F` does (also used by the downloads): a format with a media
 * type in the format table. */
/* The report in format, written in English: the documents keep English (their
 * headings follow `--lang` on the command line only; docs/languages.md), and the cache
 * key says nothing of a language. */
static void report_write_en(web_req *rq, web_resp *rs, int year, const char *format);

void api_report_write(web_req *rq, web_resp *rs, int year, const char *format)
{
	i18n_set(NULL);
	report_write_en(rq, rs, year, format);
	i18n_set(rq->lang);
}

static void report_write_en(web_req *rq, web_resp *rs, int year, const char *format)
{
	const report_format *f = report_format_find(format);
	if (!f || !f->mime)
		return resp_json_error(rs, 404, "no such format");
	rs->status = 200;
	rs->ctype = f->mime;
	char key[64];
	snprintf(key, sizeof key, "report:%s:%d", format, year);
	webcache_stamp stamp = web_view(rq);
	size_t hit_len;
	const char *hit = webcache_find(stamp, key, &hit_len);
	if (hit)
		return resp_tail(rs, hit, hit_len, NULL, NULL);
	annual_report *r = malloc(sizeof *r);
	check_result quality = {0};
	actip_err err = {{0}};
	if (!r || (f->quality && check_run(rq->st, year, &quality, &err) < 0) ||
	    annual_load(rq->st, year, f->quality ? &quality : NULL, r, &err) < 0) {
		check_result_free(&quality);
		free(r);
		return resp_json_error(rs, 500, "cannot compute the report");
	}
	fflush(rs->out);
	size_t start = rs->len;
	path_job job = {f, r};
	int rc = f->write_path ? resp_via_file(rs, report_to_path, &job, &err)
			       : f->write(rs->out, r, &err);
	if (rc < 0) {
		rs->status = 500;
	} else if (fflush(rs->out) == 0 && rs->len >= start) {
		webcache_put(key, stamp, rs->buf + start, rs->len - start);
	}
	annual_free(r);
	check_result_free(&quality);
	free(r);
}

/* GET /api/v1/report?year=Y. */
static void report_h(web_req *rq, web_resp *rs)
{
	int year = year_arg(rq);
	if (!year)
		return resp_json_error(rs, 400, "year must be a year such as 2021");
	api_report_write(rq, rs, year, "json");
}

/* Answers a write's outcome. */
static void write_answer(web_resp *rs, web_write *w, const char *template_name, bool dry_run)
{
	if (w->status == 200)
		resp_json(rs, 200, json_pack("{sssIsIsIsbss}", "template", template_name, "rows", (json_int_t)w->rows,
					     "changed", (json_int_t)w->changed, "replaced_activities",
					     (json_int_t)w->replaced, "stored", !dry_run, "activities", w->touched));
	else if (w->status == 422) {
		rs->status = 422;
		rs->ctype = "application/json";
		web_write_errors_json(w, rs->out);
	} else
		resp_json_error(rs, w->status, w->message);
	web_write_free(w);
}

/* POST /api/v1/import/{template}[?dry_run=1][&append=1][&encoding=E][&date_order=dmy|mdy]
 * [&delimiter=semicolon][&name=FILE] with the file as the body: CSV or other delimited text
 * in UTF-8, UTF-16 or the named encoding, or an .xlsx workbook; read with the column
 * mappings remembered from the upload page. */
static void import_h(web_req *rq, web_resp *rs)
{
	if (!web_write_file_type(rq->content_type))
		return resp_json_error(rs, 415, "send the file as the body, as text/csv or as an .xlsx "
					       "workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)");
	const char *tpl = import_template_for(rq->params[0]);
	if (!tpl || strcmp(tpl, rq->params[0]) != 0)
		return resp_json_error(rs, 404, "no such template");
	const char *dr = req_query(rq, "dry_run"), *ap = req_query(rq, "append");
	bool dry = dr && strcmp(dr, "1") == 0;
	upload_format f;
	const char *bad = upload_format_read(rq, false, &f);
	if (bad)
		return resp_json_error(rs, 400, bad);
	web_write w;
	web_write_upload(rq, tpl, rq->body, rq->body_len, dry, ap && strcmp(ap, "1") == 0, &f, NULL, &w);
	write_answer(rs, &w, tpl, dry);
}

/* GET /api/v1/audit?limit=N. */
static void audit_h(web_req *rq, web_resp *rs)
{
	const char *l = req_query(rq, "limit"), *off = req_query(rq, "offset");
	int64_t limit = 100, offset = 0;
	if (l && (text_parse_count(l, &limit) < 0 || limit < 1 || limit > 1000))
		return resp_json_error(rs, 400, "limit is a number from 1 to 1000");
	if (off && text_parse_count(off, &offset) < 0)
		return resp_json_error(rs, 400, "offset is a number from 0");
	audit_filter f = {req_query(rq, "user"), req_query(rq, "kind"), req_query(rq, "key"), req_query(rq, "from"),
			  req_query(rq, "to"), (int)limit, offset};
	rs->ctype = "application/json";
	if (audit_list_json(rq->st, &f, rs->out) < 0)
		rs->status = 500;
}

/* An activity as JSON. */
static json_t *act_json(const act_row *r)
{
	char version[33];
	data_act_version(r, version);
	return json_pack("{ssss?ssssssssss?ss?ss?sisIsIss}", "activity_id", r->id, "project", r->project, "country",
			 r->country, "type", r->type, "title", r->title, "start_date", r->start_date, "end_date",
			 r->end_date, "mode", r->mode, "outcomes", r->outcomes, "year", r->year, "participants",
			 (json_int_t)r->participants, "feedback", (json_int_t)r->feedback, "version", version);
}

/* Appends an activity to a JSON array. */
static void act_append(const act_row *r, void *ctx)
{
	json_array_append_new(ctx, act_json(r));
}

/* GET /api/v1/activities?year&country&type&project. */
static void activities_h(web_req *rq, web_resp *rs)
{
	act_filter f = {year_arg(rq), req_query(rq, "country"), req_query(rq, "type"), req_query(rq, "project")};
	json_t *arr = json_array();
	if (data_activities(rq->st, &f, 5000, act_append, arr) < 0) {
		json_decref(arr);
		return resp_json_error(rs, 500, "cannot read the activities");
	}
	resp_json(rs, 200, json_pack("{so}", "activities", arr));
}

/* Keeps one activity. */
static void act_keep(const act_row *r, void *ctx)
{
	*(json_t **)ctx = act_json(r);
}

/* GET /api/v1/activities/{id}: with participants (names, e-mails and disability only
 * for those who may edit)
 * and the feedback summary. */
static void activity_h(web_req *rq, web_resp *rs)
{
	json_t *a = NULL;
	int found = data_activity(rq->st, rq->params[0], act_keep, &a);
	if (found <= 0)
		return resp_json_error(rs, found < 0 ? 500 : 404, found < 0 ? "cannot read" : "no such activity");
	bool names = data_may_edit(&rq->user, json_string_value(json_object_get(a, "country")));
	json_t *people = json_array();
	sqlite3_stmt *s;
	int rc = SQLITE_ERROR;
	if (data_participants(rq->st, rq->params[0], &s) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			json_t *p = json_pack("{ss?ss?ss?sb}", "sex", (const char *)sqlite3_column_text(s, 4), "country",
					      (const char *)sqlite3_column_text(s, 5), "organisation",
					      (const char *)sqlite3_column_text(s, 6), "staff", sqlite3_column_int(s, 7));
			if (names) {
				json_object_set_new(p, "person_id", sqlite3_column_text(s, 1) ? json_string((const char *)sqlite3_column_text(s, 1)) : json_null());
				json_object_set_new(p, "email", sqlite3_column_text(s, 2) ? json_string((const char *)sqlite3_column_text(s, 2)) : json_null());
				json_object_set_new(p, "full_name", sqlite3_column_text(s, 3) ? json_string((const char *)sqlite3_column_text(s, 3)) : json_null());
				/* Sensitive like the name, and part of the list a PUT sends back:
				 * without it a GET-then-PUT would erase the answers. */
				json_object_set_new(p, "disability", sqlite3_column_type(s, 8) == SQLITE_NULL
					? json_null() : json_boolean(sqlite3_column_int(s, 8)));
			}
			json_array_append_new(people, p);
		}
		sqlite3_finalize(s);
	}
	if (rc != SQLITE_DONE) { /* never a silently short list (a PUT of it would delete) */
		json_decref(people);
		json_decref(a);
		return resp_json_error(rs, 500, "cannot read the participants");
	}
	json_object_set_new(a, "participant_list", people);
	fb_summary fs;
	if (data_feedback_summary(rq->st, rq->params[0], &fs) == 0) {
		static const char *const q[] = {"satisfied", "met_objectives", "met_expectations", "improved_learning",
						"relevant"};
		json_t *sum = json_pack("{sIsIsIsI}", "respondents", (json_int_t)fs.respondents, "female",
					(json_int_t)fs.female, "male", (json_int_t)fs.male, "other", (json_int_t)fs.other);
		for (int i = 0; i < 5; i++)
			json_object_set_new(sum, q[i], fs.pct[i] < 0 ? json_null() : json_integer(fs.pct[i]));
		json_object_set_new(a, "feedback_summary", sum);
	}
	resp_json(rs, 200, a);
}

/* Writes one activity from a JSON object (create, or edit when if_match is given). */
static void activity_write(web_req *rq, web_resp *rs, const char *id, json_t *o, const char *if_match)
{
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	if (!f)
		return resp_json_error(rs, 500, "out of memory");
	rec_header(f, rec_cols("activities", (const char *[TPL_MAX_COLS + 1]){0}));
	const char *bad = rec_row_json(f, id, rec_cols("activities", (const char *[TPL_MAX_COLS + 1]){0}), o);
	fclose(f);
	if (bad) {
		char msg[160];
		snprintf(msg, sizeof msg, "unknown field or wrong type: '%.80s'", bad);
		free(csv);
		return resp_json_error(rs, 400, msg);
	}
	web_write w;
	if (if_match)
		web_write_csv_if_match(rq, "activities", csv, len, id, if_match, &w);
	else
		web_write_csv(rq, "activities", csv, len, false, &w);
	free(csv);
	write_answer(rs, &w, "activities", false);
}

/* POST /api/v1/activities. */
static void activity_create_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"activity_id", "project", "country", "type", "title", "start_date",
					   "end_date", "mode", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	const char *id = json_string_value(json_object_get(o, "activity_id"));
	if (!id) {
		json_decref(o);
		return resp_json_error(rs, 400, "activity_id is required");
	}
	char *idc = strdup(id);
	json_object_del(o, "activity_id");
	if (idc)
		activity_write(rq, rs, idc, o, NULL);
	free(idc);
	json_decref(o);
}

/* Ignores a row. */
static void act_none(const act_row *r, void *ctx)
{
	(void)r;
	(void)ctx;
}

/* The version an If-Match header names ("V", W/"V" or V), in buf; NULL for none or "*". */
static const char *if_match_version(web_req *rq, char *buf, size_t size)
{
	const char *h = req_header(rq, "If-Match");
	if (!h || strcmp(h, "*") == 0)
		return NULL;
	if (strncmp(h, "W/", 2) == 0)
		h += 2;
	size_t n = strlen(h);
	if (n >= 2 && h[0] == '"' && h[n - 1] == '"')
		h++, n -= 2;
	snprintf(buf, size, "%.*s", (int)n, h);
	return buf;
}

/* PUT /api/v1/activities/{id}: every field given (a full replacement). With If-Match
 * (the "version" a GET gave), an activity changed meanwhile gets 409 and is kept. */
static void activity_update_h(web_req *rq, web_resp *rs)
{
	int found = data_activity(rq->st, rq->params[0], act_none, NULL);
	if (found <= 0)
		return resp_json_error(rs, found < 0 ? 500 : 404, found < 0 ? "cannot read" : "no such activity");
	json_t *o = req_json_object(rq, rs, rec_cols("activities", (const char *[TPL_MAX_COLS + 1]){0}));
	if (!o)
		return;
	char ver[65];
	activity_write(rq, rs, rq->params[0], o, if_match_version(rq, ver, sizeof ver));
	json_decref(o);
}

/* PUT /api/v1/activities/{id}/participants {"participants": [...]} and .../feedback
 * {"feedback": [...]}: the list replaces what the activity had; with append (POST), it is
 * added after the stored rows. */
static void people_put(web_req *rq, web_resp *rs, const char *key, const char *template_name,
		       const char *const *cols, bool append)
{
	int found = data_activity(rq->st, rq->params[0], act_none, NULL);
	if (found <= 0)
		return resp_json_error(rs, found < 0 ? 500 : 404, found < 0 ? "cannot read" : "no such activity");
	const char *const keys[] = {key, NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	json_t *arr = json_object_get(o, key);
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		json_decref(o);
		return resp_json_error(rs, 400, "give a non-empty list");
	}
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	const char *bad = f ? NULL : "(out of memory)";
	if (f) {
		rec_header(f, cols);
		size_t i;
		json_t *v;
		json_array_foreach(arr, i, v) {
			if ((bad = rec_row_json(f, rq->params[0], cols, v)))
				break;
		}
		fclose(f);
	}
	if (bad) {
		char msg[160];
		snprintf(msg, sizeof msg, "unknown field or wrong type: '%.80s'", bad);
		json_decref(o); /* after the message: bad points into o (found by fuzz_json) */
		free(csv);
		return resp_json_error(rs, 400, msg);
	}
	json_decref(o);
	web_write w;
	if (append)
		web_write_csv_append(rq, template_name, csv, len, &w);
	else
		web_write_csv(rq, template_name, csv, len, false, &w);
	free(csv);
	write_answer(rs, &w, template_name, false);
}

/* PUT /api/v1/activities/{id}/participants. */
static void participants_put_h(web_req *rq, web_resp *rs)
{
	people_put(rq, rs, "participants", "participants", rec_cols("participants", (const char *[TPL_MAX_COLS + 1]){0}), false);
}

/* POST /api/v1/activities/{id}/participants: added after the stored ones (in
 * pseudonymisation mode the only way to add people without resending everyone's names,
 * which a GET never shows). */
static void participants_post_h(web_req *rq, web_resp *rs)
{
	people_put(rq, rs, "participants", "participants", rec_cols("participants", (const char *[TPL_MAX_COLS + 1]){0}), true);
}

/* PUT /api/v1/activities/{id}/feedback. */
static void feedback_put_h(web_req *rq, web_resp *rs)
{
	people_put(rq, rs, "feedback", "feedback", rec_cols("feedback", (const char *[TPL_MAX_COLS + 1]){0}), false);
}

/* POST /api/v1/activities/{id}/feedback: added after the stored responses. */
static void feedback_post_h(web_req *rq, web_resp *rs)
{
	people_put(rq, rs, "feedback", "feedback", rec_cols("feedback", (const char *[TPL_MAX_COLS + 1]){0}), true);
}

/* Approves (locks) or re-opens a period; shared with the periods page. Returns the
 * HTTP status. */
int api_period_set(web_req *rq, const char *year_text, bool approve)
{
	int year;
	if (text_parse_year(year_text, &year) < 0)
		return 400;
	if (store_begin(rq->st, NULL) < 0)
		return 500;
	sqlite3_stmt *s;
	const char *sql = approve ? "INSERT INTO period(year, approved_by, approved_at) VALUES (?1, ?2, "
				    "strftime('%Y-%m-%dT%H:%M:%SZ','now')) ON CONFLICT(year) DO NOTHING"
				  : "DELETE FROM period WHERE year = ?1 AND ?2 IS NOT NULL";
	if (sqlite3_prepare_v2(rq->st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_rollback(rq->st);
		return 500;
	}
	sqlite3_bind_int(s, 1, year);
	sqlite3_bind_text(s, 2, rq->user.name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	int changed = sqlite3_changes(rq->st->db);
	char key[8];
	snprintf(key, sizeof key, "%d", year);
	if (rc != SQLITE_DONE ||
	    (changed && store_audit_write(rq->st, rq->user.name, rq->addr, approve ? "approve" : "reopen", "period", key,
				    approve ? "{\"approved\":false}" : "{\"approved\":true}",
				    approve ? "{\"approved\":true}" : "{\"approved\":false}") < 0) ||
	    store_commit(rq->st, NULL) < 0) {
		store_rollback(rq->st);
		return 500;
	}
	return 200;
}

/* POST /api/v1/periods/{year} (approve) and DELETE (re-open). */
static void period_h(web_req *rq, web_resp *rs, bool approve)
{
	int st = api_period_set(rq, rq->params[0], approve);
	if (st != 200)
		return resp_json_error(rs, st, st == 400 ? "not a year" : "cannot change the period");
	resp_json(rs, 200, json_pack("{sssb}", "period", rq->params[0], "approved", approve));
}

/* POST /api/v1/periods/{year}. */
static void period_approve_h(web_req *rq, web_resp *rs)
{
	period_h(rq, rs, true);
}

/* DELETE /api/v1/periods/{year}. */
static void period_reopen_h(web_req *rq, web_resp *rs)
{
	period_h(rq, rs, false);
}

/* GET /api/v1/me: who is signed in, and the CSRF token (masked). */
static void me_h(web_req *rq, web_resp *rs)
{
	char masked[129];
	csrf_mask(rq->csrf, masked);
	resp_json(rs, 200, json_pack("{ssssssssss}", "user", rq->user.name, "role", web_role_name(rq->user.role),
				     "country", rq->user.country, "body", rq->user.body, "csrf", masked));
}

const web_route api_routes[] = {
	{"POST", "/api/v1/session", session_create_h, R_PUBLIC | R_WRITE},
	{"DELETE", "/api/v1/session", session_delete_h, R_WRITE},
	{"GET", "/api/v1/me", me_h, 0},
	{"GET", "/api/v1/report", report_h, 0},
	{"POST", "/api/v1/import/{}", import_h, R_WRITE | R_FILER},
	{"GET", "/api/v1/audit", audit_h, R_ADMIN},
	{"GET", "/api/v1/activities", activities_h, 0},
	{"POST", "/api/v1/activities", activity_create_h, R_WRITE | R_EDITOR},
	{"GET", "/api/v1/activities/{}", activity_h, 0},
	{"PUT", "/api/v1/activities/{}", activity_update_h, R_WRITE | R_EDITOR},
	{"PUT", "/api/v1/activities/{}/participants", participants_put_h, R_WRITE | R_EDITOR},
	{"PUT", "/api/v1/activities/{}/feedback", feedback_put_h, R_WRITE | R_EDITOR},
	{"POST", "/api/v1/activities/{}/participants", participants_post_h, R_WRITE | R_EDITOR},
	{"POST", "/api/v1/activities/{}/feedback", feedback_post_h, R_WRITE | R_EDITOR},
	{"POST", "/api/v1/periods/{}", period_approve_h, R_WRITE | R_ADMIN},
	{"DELETE", "/api/v1/periods/{}", period_reopen_h, R_WRITE | R_ADMIN},
	{NULL, NULL, NULL, 0},
};
