/* The work plan in the web application: the pieces its pages (pages_workplan.c) and its
 * JSON API (api_workplan.c) share. A status report is written through the one write path
 * (write.h) as one row of the workplan_status template, so the same rules check a form,
 * a JSON call and an upload; guard.c decides which body may file it and whether the
 * period is locked. Half-year periods of a plan are approved and re-opened here. */
#ifndef ACTIP_WEB_WPWEB_H
#define ACTIP_WEB_WPWEB_H

#include <stdbool.h>

#include "web/web.h"
#include "web/write.h"
#include "workplan/wp_model.h"

/* Loads a plan with the on-time window of the settings; 200, 404 (no such plan) or 500. */
int wpweb_load(web_req *rq, const char *plan, wp_plan **out, int *on_time_days);

/* The plan code to show when none is asked for: the plan whose years are latest
 * (written to buf, "" when there is none). */
void wpweb_default_plan(web_req *rq, char *buf, size_t size);

/* Is the plan's half-year pidx approved and locked? -1 on a database error. */
int wpweb_locked(web_req *rq, const char *plan, int pidx);

/* The open period: the first half-year of the plan after its last approved one, else
 * the plan's last half-year that has ended by now (clamped to the plan's years). */
int wpweb_open_period(web_req *rq, const wp_plan *p);

/* One body's stored status report on a line for a half-year. */
typedef struct wpweb_status {
	char status[16], reported_on[16];
	char *note;       /* NULL when none */
	char version[33]; /* a hash of status, note and date; "" when there is no report */
} wpweb_status;

/* Reads the report of body on line item at half-year pidx into out (free with
 * wpweb_status_free); 1 found, 0 none (out empty, version ""), -1 error. */
int wpweb_status_read(store *st, const char *item, int pidx, const char *body, wpweb_status *out);
void wpweb_status_free(wpweb_status *s);

/* The body whose report a user files on line l: a focal point's own, an admin's the
 * lead body's. */
const char *wpweb_filing_body(const web_user *u, const wp_line *l);

/* The same for the line with id item, read from the database into out; 1, 0 when there
 * is no such line, -1 error. */
int wpweb_filing_body_of(web_req *rq, const char *item, char *out, size_t size);

/* Files one status report for line item of plan at period (YYYY-Hn) by body (NULL:
 * the focal point's own body, or for an admin the line's lead body). With seen (the
 * version of the report the form showed, "" for none), a report changed meanwhile is
 * not replaced: 409 with w->stale set. NULL seen: no such check (the JSON API). Fills
 * w; returns the HTTP status (200, 400, 403, 404, 409, 422, 500). */
int wpweb_file_status(web_req *rq, const char *plan, const char *item, const char *period,
		      const char *body, const char *status, const char *note, const char *seen,
		      web_write *w);

/* Approves (locks) or re-opens a plan's half-year; returns the HTTP status. */
int wpweb_period_set(web_req *rq, const char *plan, const char *period, bool approve);

/* May this user file a report on line l (admin, or focal point of its lead or a
 * cooperating body)? */
bool wpweb_may_file(const web_user *u, const wp_line *l);

/* Route tables. */
extern const web_route api_workplan_routes[];
extern const web_route page_workplan_routes[];

/* The periods page's work-plan section: each plan's half-years with approve / re-open. */
void page_workplan_periods(web_req *rq, FILE *o);

/* The dashboard's work-plan section: the rates of the open period of the default plan. */
void page_workplan_summary(web_req *rq, FILE *o);

#endif
