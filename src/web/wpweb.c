/* The work plan's shared web pieces (see wpweb.h): loading a plan, period locks, the open
 * period, reading one status report with its version, and filing a status report
 * through the guarded write path. Static SQL with bound parameters only. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/settings.h"
#include "web/data.h"
#include "web/guard.h"
#include "web/server.h"
#include "web/pages.h"
#include "web/wpweb.h"

/* Loads a plan and the on-time window. */
int wpweb_load(web_req *rq, const char *plan, wp_plan **out, int *on_time_days)
{
	actip_err err = {{0}};
	char days[16];
	*out = NULL;
	if (settings_get(rq->st, "on_time_days", days, sizeof days, &err) < 0)
		return 500;
	*on_time_days = atoi(days);
	int rc = wp_plan_load(rq->st, plan, out, &err);
	if (rc == ACTIP_EINPUT)
		return 404;
	return rc < 0 ? 500 : 200;
}

/* The plan with the latest years. */
void wpweb_default_plan(web_req *rq, char *buf, size_t size)
{
	sqlite3_stmt *s;
	buf[0] = '\0';
	if (store_cached(rq->st, "SELECT plan FROM wp_plan ORDER BY end_year DESC, start_year DESC, plan LIMIT 1",
			 &s) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(s, 0));
	store_release(rq->st, s);
}

/* One row of wp_period_lock? */
int wpweb_locked(web_req *rq, const char *plan, int pidx)
{
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT 1 FROM wp_period_lock WHERE plan = ?1 AND period = ?2", -1, &s,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, plan, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, period, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The half-year after the last approved one, else the last ended one. */
int wpweb_open_period(web_req *rq, const wp_plan *p)
{
	int first = 2 * p->start_year, last = 2 * p->end_year + 1;
	int open = -1;
	for (int i = last; i >= first; i--) {
		int l = wpweb_locked(rq, p->plan, i);
		if (l == 1) {
			open = i < last ? i + 1 : last;
			break;
		}
	}
	if (open < 0) {
		struct tm tm;
		gmtime_r(&rq->now, &tm);
		int y = tm.tm_year + 1900;
		open = tm.tm_mon < 6 ? 2 * (y - 1) + 1 : 2 * y; /* the half-year that ended last */
	}
	if (open < first)
		open = first;
	if (open > last)
		open = last;
	return open;
}

/* Admin, or focal point of the lead or a cooperating body. */
bool wpweb_may_file(const web_user *u, const wp_line *l)
{
	if (u->role == ROLE_ADMIN)
		return true;
	if (u->role != ROLE_FOCAL_POINT || !u->body[0])
		return false;
	if (strcmp(l->lead, u->body) == 0)
		return true;
	for (int i = 0; i < l->ncoop; i++)
		if (strcmp(l->coop[i], u->body) == 0)
			return true;
	return false;
}

/* The line's plan and lead body; 1 found, 0 not, -1 error. */
static int line_find(web_req *rq, const char *item, char *plan, size_t psize, char *lead, size_t lsize)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(rq->st->db, "SELECT plan, lead_body FROM wp_item WHERE item_id = ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		snprintf(plan, psize, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(lead, lsize, "%s", (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The stored report. */
int wpweb_status_read(store *st, const char *item, int pidx, const char *body, wpweb_status *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT status, note, reported_on FROM wp_status "
				       "WHERE item = ?1 AND pidx = ?2 AND body = ?3", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, pidx);
	sqlite3_bind_text(s, 3, body, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		/* The version hashes each field followed by a NUL, 0xff for a NULL. */
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		for (int i = 0; i < 3 && f; i++) {
			const char *v = (const char *)sqlite3_column_text(s, i);
			fputs(v ? v : "\xff", f);
			fputc('\0', f);
		}
		const char *st_text = (const char *)sqlite3_column_text(s, 0);
		const char *note = (const char *)sqlite3_column_text(s, 1);
		const char *on = (const char *)sqlite3_column_text(s, 2);
		snprintf(out->status, sizeof out->status, "%s", st_text ? st_text : "");
		snprintf(out->reported_on, sizeof out->reported_on, "%s", on ? on : "");
		out->note = note ? strdup(note) : NULL;
		if (!f || fclose(f) != 0 || (note && !out->note))
			rc = SQLITE_NOMEM;
		else
			data_text_version(buf, len, out->version);
		free(buf);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		wpweb_status_free(out);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Frees the note. */
void wpweb_status_free(wpweb_status *s)
{
	free(s->note);
	s->note = NULL;
}

/* A focal point's body, else the lead body. */
const char *wpweb_filing_body(const web_user *u, const wp_line *l)
{
	return u->role == ROLE_FOCAL_POINT ? u->body : l->lead;
}

/* The same from the database. */
int wpweb_filing_body_of(web_req *rq, const char *item, char *out, size_t size)
{
	char plan[80], lead[80];
	int found = line_find(rq, item, plan, sizeof plan, lead, sizeof lead);
	if (found == 1)
		snprintf(out, size, "%s", rq->user.role == ROLE_FOCAL_POINT ? rq->user.body : lead);
	return found;
}

/* The key of one report, for its version in the write. */
typedef struct status_key {
	const char *item, *body;
	int pidx;
} status_key;

/* The stored report's version, in web_precond's shape. */
static int status_version(store *st, const void *key, char out[33])
{
	const status_key *k = key;
	wpweb_status s;
	int found = wpweb_status_read(st, k->item, k->pidx, k->body, &s);
	snprintf(out, 33, "%s", s.version);
	wpweb_status_free(&s);
	return found;
}

/* One workplan_status row through the write path. */
int wpweb_file_status(web_req *rq, const char *plan, const char *item, const char *period,
		      const char *body, const char *status, const char *note, const char *seen,
		      web_write *w)
{
	memset(w, 0, sizeof *w);
	char lplan[80], lead[80];
	int found = line_find(rq, item, lplan, sizeof lplan, lead, sizeof lead);
	if (found <= 0 || strcmp(lplan, plan) != 0) {
		w->status = found < 0 ? 500 : 404;
		snprintf(w->message, sizeof w->message, "%s", found < 0 ? _("cannot read the work plan")
									: _("no such line in this plan"));
		return w->status;
	}
	if (!body || !*body)
		body = rq->user.role == ROLE_FOCAL_POINT ? rq->user.body : lead;
	struct tm tm;
	char today[16];
	gmtime_r(&rq->now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	if (!f) {
		w->status = 500;
		snprintf(w->message, sizeof w->message, "%s", _("out of memory"));
		return 500;
	}
	fputs("item_id,period,body,status,note,reported_on\r\n", f);
	const char *v[] = {item, period, body, status ? status : "", note ? note : "", today};
	for (int i = 0; i < 6; i++) {
		if (i)
			fputc(',', f);
		csv_quoted(f, v[i]);
	}
	fputs("\r\n", f);
	fclose(f);
	status_key key = {item, body, wp_period_parse(period)};
	web_precond pc = {status_version, &key, seen, "status report", NULL};
	if (seen)
		web_write_csv_at(rq, "workplan_status", csv, len, &pc, w);
	else
		web_write_csv(rq, "workplan_status", csv, len, false, w);
	free(csv);
	return w->status;
}

/* Approve or re-open, with an audit row. */
int wpweb_period_set(web_req *rq, const char *plan, const char *period, bool approve)
{
	int pidx = wp_period_parse(period);
	if (pidx < 0)
		return 400;
	char canon[16];
	wp_period_format(pidx, canon, sizeof canon);
	if (store_begin(rq->st, NULL) < 0)
		return 500;
	sqlite3_stmt *s;
	const char *sql = approve ? "INSERT INTO wp_period_lock(plan, period, approved_by, approved_at) "
				    "SELECT plan, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ','now') FROM wp_plan "
				    "WHERE plan = ?1 AND ?4 BETWEEN 2 * start_year AND 2 * end_year + 1 "
				    "ON CONFLICT(plan, period) DO NOTHING"
				  : "DELETE FROM wp_period_lock WHERE plan = ?1 AND period = ?2 AND ?3 IS NOT NULL "
				    "AND ?4 IS NOT NULL";
	if (sqlite3_prepare_v2(rq->st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_rollback(rq->st);
		return 500;
	}
	sqlite3_bind_text(s, 1, plan, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, canon, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, rq->user.name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, pidx);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	int changed = sqlite3_changes(rq->st->db);
	char key[120];
	snprintf(key, sizeof key, "%s %s", plan, canon);
	if (rc != SQLITE_DONE ||
	    (changed && store_audit_write(rq->st, rq->user.name, rq->addr, approve ? "approve" : "reopen",
				    "workplan_period", key, approve ? "{\"approved\":false}" : "{\"approved\":true}",
				    approve ? "{\"approved\":true}" : "{\"approved\":false}") < 0) ||
	    store_commit(rq->st, NULL) < 0) {
		store_rollback(rq->st);
		return 500;
	}
	if (approve && !changed && wpweb_locked(rq, plan, pidx) != 1)
		return 404; /* no such plan, or the period lies outside it */
	return 200;
}
