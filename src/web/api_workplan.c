/* The work plan's JSON API (docs/api.md): the plans and their periods, a period's
 * monitoring report (the JSON of `actip workplan report --format json`), a body's status
 * report on one line, and approving or re-opening a half-year. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web/server.h"
#include "web/wpweb.h"
#include "workplan/wp_doc.h"

/* GET /api/v1/workplan: the plans with their half-years and which are locked. */
static void plans_h(web_req *rq, web_resp *rs)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT plan, title, start_year, end_year FROM wp_plan ORDER BY plan", -1,
			       &s, NULL) != SQLITE_OK)
		return resp_json_error(rs, 500, "cannot read the work plans");
	json_t *arr = json_array();
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *plan = (const char *)sqlite3_column_text(s, 0);
		int y0 = sqlite3_column_int(s, 2), y1 = sqlite3_column_int(s, 3);
		json_t *periods = json_array();
		for (int p = 2 * y0; p <= 2 * y1 + 1 && p - 2 * y0 < 100; p++) {
			char name[16];
			wp_period_format(p, name, sizeof name);
			json_array_append_new(periods, json_pack("{sssb}", "period", name, "locked",
								 wpweb_locked(rq, plan, p) == 1));
		}
		json_array_append_new(arr, json_pack("{sssssisiso}", "plan", plan, "title",
						     (const char *)sqlite3_column_text(s, 1), "start_year", y0,
						     "end_year", y1, "periods", periods));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		return resp_json_error(rs, 500, "cannot read the work plans");
	}
	resp_json(rs, 200, json_pack("{so}", "plans", arr));
}

/* GET /api/v1/workplan/{plan}?period=YYYY-Hn: the monitoring report of the period
 * (default: the open period). */
static void report_h(web_req *rq, web_resp *rs)
{
	wp_plan *p;
	int days;
	int st = wpweb_load(rq, rq->params[0], &p, &days);
	if (st != 200)
		return resp_json_error(rs, st, st == 404 ? "no such work plan" : "cannot read the work plan");
	const char *ps = req_query(rq, "period");
	int pidx = ps ? wp_period_parse(ps) : wpweb_open_period(rq, p);
	if (pidx < 0) {
		wp_plan_free(p);
		return resp_json_error(rs, 400, "period must be a half-year such as 2020-H2");
	}
	actip_err err = {{0}};
	rs->status = 200;
	rs->ctype = "application/json";
	if (wp_write_report_json(rs->out, p, pidx, days, &err) < 0)
		rs->status = 500;
	wp_plan_free(p);
}

/* PUT /api/v1/workplan/{plan}/lines/{item}/status/{period} {"status", "note", "body"}. */
static void status_put_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"status", "note", "body", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	json_t *js = json_object_get(o, "status"), *jn = json_object_get(o, "note"), *jb = json_object_get(o, "body");
	if (!json_is_string(js) || (jn && !json_is_string(jn) && !json_is_null(jn)) ||
	    (jb && !json_is_string(jb) && !json_is_null(jb))) {
		json_decref(o);
		return resp_json_error(rs, 400, "status is required; status, note and body are strings");
	}
	const char *plan = rq->params[0], *item = rq->params[1], *period = rq->params[2];
	web_write w;
	int st = wpweb_file_status(rq, plan, item, period, json_string_value(jb), json_string_value(js),
				   json_string_value(jn), NULL, &w);
	if (st == 200) {
		int pidx = wp_period_parse(period);
		char canon[16];
		wp_period_format(pidx, canon, sizeof canon);
		const char *body = json_string_value(jb);
		resp_json(rs, 200, json_pack("{sssssssssssi}", "plan", plan, "item", item, "period", canon, "body",
					     body && *body ? body : (rq->user.role == ROLE_FOCAL_POINT ? rq->user.body : ""),
					     "status", json_string_value(js), "changed", (int)w.changed));
	} else if (st == 422) {
		rs->status = 422;
		rs->ctype = "application/json";
		web_write_errors_json(&w, rs->out);
	} else {
		resp_json_error(rs, st, w.message[0] ? w.message : "the report could not be stored");
	}
	web_write_free(&w);
	json_decref(o);
}

/* POST (approve) and DELETE (re-open) /api/v1/workplan/{plan}/periods/{period}. */
static void period_h(web_req *rq, web_resp *rs, bool approve)
{
	int st = wpweb_period_set(rq, rq->params[0], rq->params[1], approve);
	if (st != 200)
		return resp_json_error(rs, st, st == 400 ? "period must be a half-year such as 2020-H2"
					       : st == 404 ? "no such plan or period" : "cannot change the period");
	char canon[16];
	wp_period_format(wp_period_parse(rq->params[1]), canon, sizeof canon);
	resp_json(rs, 200, json_pack("{sssssb}", "plan", rq->params[0], "period", canon, "locked", approve));
}

/* POST /api/v1/workplan/{plan}/periods/{period}. */
static void period_approve_h(web_req *rq, web_resp *rs)
{
	period_h(rq, rs, true);
}

/* DELETE /api/v1/workplan/{plan}/periods/{period}. */
static void period_reopen_h(web_req *rq, web_resp *rs)
{
	period_h(rq, rs, false);
}

const web_route api_workplan_routes[] = {
	{"GET", "/api/v1/workplan", plans_h, 0},
	{"GET", "/api/v1/workplan/{}", report_h, 0},
	{"PUT", "/api/v1/workplan/{}/lines/{}/status/{}", status_put_h, R_WRITE | R_FILER},
	{"POST", "/api/v1/workplan/{}/periods/{}", period_approve_h, R_WRITE | R_ADMIN},
	{"DELETE", "/api/v1/workplan/{}/periods/{}", period_reopen_h, R_WRITE | R_ADMIN},
	{NULL, NULL, NULL, 0},
};
