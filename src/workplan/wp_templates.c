/* The work-plan templates' columns and row handlers. Like the programme templates in
 * import/templates.c, each handler gets a row whose values passed their type checks; it
 * checks what the row names (plans, bodies, action lines, meetings) against this run's
 * rows and the stored ones, writes the row with bound parameters, and reports anything
 * wrong as FILE:LINE: COLUMN diagnostics. Upserts write only when something differs, so
 * re-importing the same files changes nothing. */
#include "core/i18n.h"
#include "workplan/wp_templates.h"
#include "import/import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "workplan/actip.h"
#include "workplan/wp_model.h"

static const char *const BODY_KINDS[] = {"sectoral_body", "organ", "secretariat", "partner",
					 NULL};
static const char *const PILLARS[] = {"prevention", "protection", "law_enforcement",
				      "cooperation", NULL};
static const char *const LINE_STATUS[] = {"not_started", "ongoing", "completed", "delayed",
					  "cancelled", NULL};
static const char *const DECISION_STATUS[] = {"open", "in_progress", "done", "dropped", NULL};
static const char *const STEPS[] = {"drafted", "circulated", "inputs_due", "consulted",
				    "adopted", "noted", "recognised", NULL};


enum { BO_CODE, BO_NAME, BO_KIND };
const colspec wp_body_cols[WP_BODY_NCOLS] = {
	{"code", T_CODE, true, NULL, 0, REF_NONE},
	{"name", T_TEXT, true, NULL, 500, REF_NONE},
	{"kind", T_ENUM, true, BODY_KINDS, 0, REF_NONE},
};

enum { FP_BODY, FP_NAME, FP_EMAIL, FP_ROLE };
const colspec wp_focal_cols[WP_FOCAL_NCOLS] = {
	{"body", T_CODE, true, NULL, 0, REF_NONE},
	{"name", T_TEXT, true, NULL, 300, REF_NONE},
	{"email", T_EMAIL, false, NULL, 254, REF_NONE},
	{"role", T_TEXT, false, NULL, 500, REF_NONE},
};

enum { PL_PLAN, PL_TITLE, PL_START, PL_END, PL_OVERSEEN };
const colspec wp_plan_cols[WP_PLAN_NCOLS] = {
	{"plan", T_CODE, true, NULL, 0, REF_NONE},
	{"title", T_TEXT, true, NULL, 1000, REF_NONE},
	{"start_year", T_YEAR, true, NULL, 0, REF_NONE},
	{"end_year", T_YEAR, true, NULL, 0, REF_NONE},
	{"overseen_by", T_CODE, false, NULL, 0, REF_NONE},
};

enum { IT_ID, IT_PLAN, IT_PILLAR, IT_PROVISION, IT_ARTICLES, IT_AREA, IT_ACTIVITY, IT_LEAD,
       IT_COOP, IT_START, IT_END, IT_OUTPUT, IT_OUTCOME, IT_INDICATOR, IT_TARGET };
const colspec wp_item_cols[WP_ITEM_NCOLS] = {
	{"item_id", T_CODE, true, NULL, 0, REF_NONE},
	{"plan", T_CODE, true, NULL, 0, REF_NONE},
	{"pillar", T_ENUM, true, PILLARS, 0, REF_NONE},
	{"apa_provision", T_TEXT, false, NULL, 64, REF_NONE},
	{"actip_articles", T_TEXT, false, NULL, 400, REF_NONE}, /* "14;16(1)": check_articles */
	{"area", T_TEXT, false, NULL, 2000, REF_NONE},
	{"activity", T_TEXT, true, NULL, 4000, REF_NONE},
	{"lead_body", T_CODE, true, NULL, 0, REF_NONE},
	{"cooperating_bodies", T_CODES, false, NULL, 0, REF_NONE},
	{"start_year", T_YEAR, false, NULL, 0, REF_NONE},
	{"end_year", T_YEAR, false, NULL, 0, REF_NONE},
	{"expected_output", T_TEXT, false, NULL, 2000, REF_NONE},
	{"outcome", T_TEXT, false, NULL, 2000, REF_NONE},
	{"indicator", T_TEXT, false, NULL, 2000, REF_NONE},
	{"target", T_TEXT, false, NULL, 2000, REF_NONE},
};

enum { ST_ITEM, ST_PERIOD, ST_BODY, ST_STATUS, ST_NOTE, ST_REPORTED };
const colspec wp_status_cols[WP_STATUS_NCOLS] = {
	{"item_id", T_CODE, true, NULL, 0, REF_NONE},
	{"period", T_CODE, true, NULL, 0, REF_NONE},
	{"body", T_CODE, true, NULL, 0, REF_NONE},
	{"status", T_ENUM, true, LINE_STATUS, 0, REF_NONE},
	{"note", T_TEXT, false, NULL, 4000, REF_NONE},
	{"reported_on", T_DATE, false, NULL, 0, REF_NONE},
};

enum { ME_ID, ME_PLAN, ME_TITLE, ME_VENUE, ME_HELD };
const colspec wp_meeting_cols[WP_MEETING_NCOLS] = {
	{"meeting", T_CODE, true, NULL, 0, REF_NONE},
	{"plan", T_CODE, false, NULL, 0, REF_NONE},
	{"title", T_TEXT, true, NULL, 1000, REF_NONE},
	{"venue", T_TEXT, false, NULL, 500, REF_NONE},
	{"held_on", T_DATE, true, NULL, 0, REF_NONE},
};

enum { DE_MEETING, DE_NO, DE_DECISION, DE_TIMELINE, DE_DUE, DE_BODIES, DE_STATUS, DE_DONE,
       DE_NOTE };
const colspec wp_decision_cols[WP_DECISION_NCOLS] = {
	{"meeting", T_CODE, true, NULL, 0, REF_NONE},
	{"no", T_COUNT, true, NULL, 0, REF_NONE},
	{"decision", T_TEXT, true, NULL, 4000, REF_NONE},
	{"timeline", T_TEXT, false, NULL, 200, REF_NONE},
	{"due_on", T_DATE, false, NULL, 0, REF_NONE},
	{"follow_up_by", T_CODES, false, NULL, 0, REF_NONE},
	{"status", T_ENUM, true, DECISION_STATUS, 0, REF_NONE},
	{"done_on", T_DATE, false, NULL, 0, REF_NONE},
	{"note", T_TEXT, false, NULL, 4000, REF_NONE},
};

enum { AS_PLAN, AS_STEP, AS_BODY, AS_DUE, AS_DONE, AS_NOTE };
const colspec wp_step_cols[WP_STEP_NCOLS] = {
	{"plan", T_CODE, true, NULL, 0, REF_NONE},
	{"step", T_ENUM, true, STEPS, 0, REF_NONE},
	{"body", T_CODE, false, NULL, 0, REF_NONE},
	{"due_on", T_DATE, false, NULL, 0, REF_NONE},
	{"done_on", T_DATE, false, NULL, 0, REF_NONE},
	{"note", T_TEXT, false, NULL, 2000, REF_NONE},
};

enum { IN_PLAN, IN_BODY, IN_ITEM, IN_DATE, IN_COMMENT };
const colspec wp_input_cols[WP_INPUT_NCOLS] = {
	{"plan", T_CODE, true, NULL, 0, REF_NONE},
	{"body", T_CODE, true, NULL, 0, REF_NONE},
	{"item_id", T_CODE, false, NULL, 0, REF_NONE},
	{"submitted_on", T_DATE, true, NULL, 0, REF_NONE},
	{"comment", T_TEXT, true, NULL, 8000, REF_NONE},
};

/* ---- statements ------------------------------------------------------------- */

enum {
	W_BODY_UPSERT, W_BODY_EXISTS, W_FOCAL_UPSERT, W_PLAN_UPSERT, W_PLAN_YEARS,
	W_ITEM_UPSERT, W_ITEM_FIND, W_ITEM_BODIES_DEL, W_ITEM_BODY_INS, W_ITEM_ARTS_DEL,
	W_ITEM_ART_INS, W_ITEM_INVOLVES, W_STATUS_UPSERT, W_MEETING_UPSERT, W_MEETING_EXISTS,
	W_DECISION_UPSERT, W_DEC_BODIES_DEL, W_DEC_BODY_INS, W_STEP_UPSERT, W_INPUT_UPSERT,
	W__COUNT
};
_Static_assert((int)W__COUNT <= (int)WP_MAX_STMTS, "raise WP_MAX_STMTS in import/template.h");

static const char *const SQL[W__COUNT] = {
	[W_BODY_UPSERT] =
	"INSERT INTO wp_body(code, name, kind) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind"
	" WHERE (name, kind) IS NOT (excluded.name, excluded.kind)",
	[W_BODY_EXISTS] = "SELECT 1 FROM wp_body WHERE code = ?1",
	[W_FOCAL_UPSERT] =
	"INSERT INTO wp_focal_point(body, name, email, role) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT(body, name) DO UPDATE SET email = excluded.email, role = excluded.role"
	" WHERE (email, role) IS NOT (excluded.email, excluded.role)",
	[W_PLAN_UPSERT] =
	"INSERT INTO wp_plan(plan, title, start_year, end_year, overseen_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT(plan) DO UPDATE SET title = excluded.title,"
	" start_year = excluded.start_year, end_year = excluded.end_year,"
	" overseen_by = excluded.overseen_by WHERE (title, start_year, end_year, overseen_by)"
	" IS NOT (excluded.title, excluded.start_year, excluded.end_year, excluded.overseen_by)",
	[W_PLAN_YEARS] = "SELECT start_year, end_year FROM wp_plan WHERE plan = ?1",
	[W_ITEM_UPSERT] =
	"INSERT INTO wp_item(item_id, plan, seq, pillar, apa_provision, area, activity,"
	" lead_body, start_year, end_year, expected_output, outcome, indicator, target)"
	" VALUES (?1, ?2, coalesce(?3, (SELECT seq FROM wp_item WHERE item_id = ?1),"
	" (SELECT coalesce(max(seq), 0) + 1 FROM wp_item WHERE plan = ?2)),"
	" ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
	" ON CONFLICT(item_id) DO UPDATE SET plan = excluded.plan, seq = excluded.seq,"
	" pillar = excluded.pillar, apa_provision = excluded.apa_provision,"
	" area = excluded.area, activity = excluded.activity, lead_body = excluded.lead_body,"
	" start_year = excluded.start_year, end_year = excluded.end_year,"
	" expected_output = excluded.expected_output, outcome = excluded.outcome,"
	" indicator = excluded.indicator, target = excluded.target"
	" WHERE (plan, seq, pillar, apa_provision, area, activity, lead_body, start_year,"
	" end_year, expected_output, outcome, indicator, target) IS NOT (excluded.plan,"
	" excluded.seq, excluded.pillar, excluded.apa_provision, excluded.area,"
	" excluded.activity, excluded.lead_body, excluded.start_year, excluded.end_year,"
	" excluded.expected_output, excluded.outcome, excluded.indicator, excluded.target)",
	[W_ITEM_FIND] =
	"SELECT i.lead_body, p.start_year, p.end_year, i.plan FROM wp_item i"
	" JOIN wp_plan p ON p.plan = i.plan WHERE i.item_id = ?1",
	[W_ITEM_BODIES_DEL] = "DELETE FROM wp_item_body WHERE item = ?1",
	[W_ITEM_BODY_INS] = "INSERT OR IGNORE INTO wp_item_body(item, body, pos) VALUES (?1, ?2, ?3)",
	[W_ITEM_ARTS_DEL] = "DELETE FROM wp_item_article WHERE item = ?1",
	[W_ITEM_ART_INS] = "INSERT OR IGNORE INTO wp_item_article(item, article, paragraph) VALUES (?1, ?2, ?3)",
	[W_ITEM_INVOLVES] = "SELECT 1 FROM wp_item_body WHERE item = ?1 AND body = ?2",
	[W_STATUS_UPSERT] =
	/* A correction keeps the date first filed (the earlier of the two: timeliness counts
	 * from it) and records its own date as corrected_on. */
	"INSERT INTO wp_status(item, period, pidx, body, status, note, reported_on)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(item, period, body) DO UPDATE SET status = excluded.status,"
	" note = excluded.note,"
	" reported_on = CASE WHEN wp_status.reported_on IS NULL"
	" OR excluded.reported_on < wp_status.reported_on THEN excluded.reported_on"
	" ELSE wp_status.reported_on END,"
	" corrected_on = CASE WHEN (wp_status.status, wp_status.note) IS NOT"
	" (excluded.status, excluded.note) AND wp_status.reported_on IS NOT NULL"
	" THEN coalesce(excluded.reported_on, date('now')) ELSE wp_status.corrected_on END"
	" WHERE (status, note) IS NOT (excluded.status, excluded.note)"
	" OR (excluded.reported_on IS NOT NULL AND (wp_status.reported_on IS NULL"
	" OR excluded.reported_on < wp_status.reported_on))",
	[W_MEETING_UPSERT] =
	"INSERT INTO wp_meeting(meeting, plan, title, venue, held_on) VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT(meeting) DO UPDATE SET plan = excluded.plan, title = excluded.title,"
	" venue = excluded.venue, held_on = excluded.held_on WHERE (plan, title, venue, held_on)"
	" IS NOT (excluded.plan, excluded.title, excluded.venue, excluded.held_on)",
	[W_MEETING_EXISTS] = "SELECT 1 FROM wp_meeting WHERE meeting = ?1",
	[W_DECISION_UPSERT] =
	"INSERT INTO wp_decision(meeting, no, decision, timeline, due_on, status, done_on, note)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT(meeting, no) DO UPDATE SET decision = excluded.decision,"
	" timeline = excluded.timeline, due_on = excluded.due_on, status = excluded.status,"
	" done_on = excluded.done_on, note = excluded.note"
	" WHERE (decision, timeline, due_on, status, done_on, note) IS NOT (excluded.decision,"
	" excluded.timeline, excluded.due_on, excluded.status, excluded.done_on, excluded.note)",
	[W_DEC_BODIES_DEL] = "DELETE FROM wp_decision_body WHERE meeting = ?1 AND no = ?2",
	[W_DEC_BODY_INS] =
	"INSERT OR IGNORE INTO wp_decision_body(meeting, no, body, pos) VALUES (?1, ?2, ?3, ?4)",
	[W_STEP_UPSERT] =
	"INSERT INTO wp_adoption_step(plan, step, body, due_on, done_on, note)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(plan, step) DO UPDATE SET body = excluded.body, due_on = excluded.due_on,"
	" done_on = excluded.done_on, note = excluded.note WHERE (body, due_on, done_on, note)"
	" IS NOT (excluded.body, excluded.due_on, excluded.done_on, excluded.note)",
	[W_INPUT_UPSERT] =
	"INSERT INTO wp_input(plan, body, item, submitted_on, comment) VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT(plan, body, item, submitted_on) DO UPDATE SET comment = excluded.comment"
	" WHERE comment IS NOT excluded.comment",
};

/* Prepares every statement of the work-plan templates. */
int wp_templates_prepare(importer *im, actip_err *err)
{
	return tpl_prepare_set(im, SQL, im->wp_stmt, W__COUNT, err);
}

/* Finalizes them. */
void wp_templates_finalize(importer *im)
{
	tpl_finalize_set(im, im->wp_stmt, W__COUNT);
}

/* ---- helpers ------------------------------------------------------------------ */

/* Steps write statement id; the rows changed, or -1 after recording the error. */
static int run(importer *im, int id, const tplrow *r)
{
	return tpl_step(im, im->wp_stmt[id], r);
}

/* Steps a lookup whose parameters are bound; returns 1 for a row (left unreset so the
 * caller can read it, then call done()), 0 for none, -1 on error. */
static int step_lookup(importer *im, int id)
{
	int rc = sqlite3_step(im->wp_stmt[id]);
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(im->wp_stmt[id]);
	sqlite3_clear_bindings(im->wp_stmt[id]);
	if (rc != SQLITE_DONE) {
		im->db_failed = true;
		return -1;
	}
	return 0;
}

/* Resets a lookup after its row was read. */
static void done(importer *im, int id)
{
	sqlite3_reset(im->wp_stmt[id]);
	sqlite3_clear_bindings(im->wp_stmt[id]);
}

/* 1 when a body code is known (this run or stored), 0 when not, -1 on error. */
static int body_exists(importer *im, const char *code)
{
	sqlite3_bind_text(im->wp_stmt[W_BODY_EXISTS], 1, code, -1, SQLITE_STATIC);
	int f = step_lookup(im, W_BODY_EXISTS);
	if (f == 1)
		done(im, W_BODY_EXISTS);
	return f;
}

/* Checks a body column (one code, or a ;-list with list = true); reports unknown codes.
 * Returns true when every code is known. */
static bool check_bodies(importer *im, const tplrow *r, int col, const char *colname)
{
	if (!r->v[col].set)
		return true;
	char *copy = strdup(r->v[col].s), *save = NULL;
	if (!copy) {
		im->db_failed = true;
		return false;
	}
	bool ok = true;
	for (char *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		if (!*text_trim(p))
			continue;
		int f = body_exists(im, p);
		if (f == 0)
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, colname,
				 _("unknown body '%s' (add it to bodies.csv)"), p);
		if (f != 1)
			ok = false;
	}
	free(copy);
	return ok;
}

/* Reads a plan's years; 1 found, 0 unknown, -1 error. */
static int plan_years(importer *im, const char *plan, int *start, int *end)
{
	sqlite3_bind_text(im->wp_stmt[W_PLAN_YEARS], 1, plan, -1, SQLITE_STATIC);
	int f = step_lookup(im, W_PLAN_YEARS);
	if (f == 1) {
		*start = sqlite3_column_int(im->wp_stmt[W_PLAN_YEARS], 0);
		*end = sqlite3_column_int(im->wp_stmt[W_PLAN_YEARS], 1);
		done(im, W_PLAN_YEARS);
	}
	return f;
}

/* Checks a plan column; reports an unknown plan. */
static bool check_plan(importer *im, const tplrow *r, int col, int *start, int *end)
{
	int s = 0, e = 0;
	if (!r->v[col].set)
		return true;
	int f = plan_years(im, r->v[col].s, &s, &e);
	if (f == 0)
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "plan",
			 _("unknown plan '%s' (add it to plans.csv)"), r->v[col].s);
	if (start)
		*start = s;
	if (end)
		*end = e;
	return f == 1;
}


/* Writes the ;-separated links of owner (item or decision) through the given insert;
 * pos numbers them in the order given. */
static void link_list(importer *im, const tplrow *r, int col, int ins, const char *owner,
		      const int64_t *no)
{
	if (!r->v[col].set)
		return;
	char *copy = strdup(r->v[col].s), *save = NULL;
	if (!copy) {
		im->db_failed = true;
		return;
	}
	int pos = 0;
	for (char *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		if (!*text_trim(p))
			continue;
		sqlite3_stmt *s = im->wp_stmt[ins];
		int k = 1;
		sqlite3_bind_text(s, k++, owner, -1, SQLITE_STATIC);
		if (no)
			sqlite3_bind_int64(s, k++, *no);
		if (ins == W_ITEM_ART_INS) {
			int a = 0;
			char para[16] = "";
			if (actip_article_ref(p, &a, para, sizeof para) < 0)
				continue; /* reported by check_articles */
			sqlite3_bind_int(s, k++, a);
			sqlite3_bind_text(s, k++, para, -1, SQLITE_TRANSIENT);
		} else {
			sqlite3_bind_text(s, k++, p, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(s, k++, ++pos);
		}
		if (run(im, ins, r) < 0)
			break;
	}
	free(copy);
}

/* ---- handlers ------------------------------------------------------------------ */

/* bodies.csv */
int wp_handle_body(importer *im, const tplrow *r)
{
	sqlite3_stmt *s = im->wp_stmt[W_BODY_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, BO_CODE));
	store_bind_text(s, 2, tpl_txt(r, BO_NAME));
	store_bind_text(s, 3, tpl_txt(r, BO_KIND));
	int ch = run(im, W_BODY_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* focal_points.csv */
int wp_handle_focal_point(importer *im, const tplrow *r)
{
	if (!check_bodies(im, r, FP_BODY, "body"))
		return im->db_failed ? -1 : 0;
	sqlite3_stmt *s = im->wp_stmt[W_FOCAL_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, FP_BODY));
	store_bind_text(s, 2, tpl_txt(r, FP_NAME));
	store_bind_text(s, 3, tpl_txt(r, FP_EMAIL));
	store_bind_text(s, 4, tpl_txt(r, FP_ROLE));
	int ch = run(im, W_FOCAL_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* plans.csv */
int wp_handle_plan(importer *im, const tplrow *r)
{
	if (r->v[PL_START].n > r->v[PL_END].n) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "end_year",
			 _("end_year %lld is before start_year %lld"), (long long)r->v[PL_END].n,
			 (long long)r->v[PL_START].n);
		return 0;
	}
	if (!check_bodies(im, r, PL_OVERSEEN, "overseen_by"))
		return im->db_failed ? -1 : 0;
	sqlite3_stmt *s = im->wp_stmt[W_PLAN_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, PL_PLAN));
	store_bind_text(s, 2, tpl_txt(r, PL_TITLE));
	tpl_bind_int_or_null(s, 3, r, PL_START);
	tpl_bind_int_or_null(s, 4, r, PL_END);
	store_bind_text(s, 5, tpl_txt(r, PL_OVERSEEN));
	int ch = run(im, W_PLAN_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* Checks that every ;-separated article is an article reference (actip_article_ref). */
static bool check_articles(importer *im, const tplrow *r)
{
	if (!r->v[IT_ARTICLES].set)
		return true;
	char *copy = strdup(r->v[IT_ARTICLES].s), *save = NULL;
	if (!copy)
		return false;
	bool ok = true;
	for (char *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		if (!*text_trim(p))
			continue;
		int n;
		char para[16];
		if (actip_article_ref(p, &n, para, sizeof para) < 0) {
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "actip_articles",
				 _("'%s' is not an ACTIP article (1 to %d), alone or with its paragraph "
				 "as in 14(6)"), p, ACTIP_ARTICLES);
			ok = false;
		}
	}
	free(copy);
	return ok;
}

/* workplan.csv: plan, bodies and articles must be known; years lie within the plan's. */
int wp_handle_item(importer *im, const tplrow *r)
{
	int ps = 0, pe = 0;
	bool ok = check_plan(im, r, IT_PLAN, &ps, &pe);
	ok = check_bodies(im, r, IT_LEAD, "lead_body") && ok;
	ok = check_bodies(im, r, IT_COOP, "cooperating_bodies") && ok;
	ok = check_articles(im, r) && ok;
	const value *sy = &r->v[IT_START], *ey = &r->v[IT_END];
	if (sy->set && ey->set && sy->n > ey->n) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "end_year",
			 _("end_year %lld is before start_year %lld"), (long long)ey->n,
			 (long long)sy->n);
		ok = false;
	}
	if (!ok)
		return im->db_failed ? -1 : 0;
	if ((sy->set && (sy->n < ps || sy->n > pe)) || (ey->set && (ey->n < ps || ey->n > pe)))
		diag_add(im->diag, DIAG_WARNING, r->file, r->line, sy->set ? "start_year" : "end_year",
			 _("the line's years reach outside the plan's %d-%d"), ps, pe);
	sqlite3_stmt *s = im->wp_stmt[W_ITEM_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, IT_ID));
	store_bind_text(s, 2, tpl_txt(r, IT_PLAN));
	if (im->hooks && im->hooks->one_record)
		sqlite3_bind_null(s, 3); /* kept, or after the plan's lines (W_ITEM_UPSERT) */
	else
		sqlite3_bind_int64(s, 3, r->line);
	store_bind_text(s, 4, tpl_txt(r, IT_PILLAR));
	store_bind_text(s, 5, tpl_txt(r, IT_PROVISION));
	store_bind_text(s, 6, tpl_txt(r, IT_AREA));
	store_bind_text(s, 7, tpl_txt(r, IT_ACTIVITY));
	store_bind_text(s, 8, tpl_txt(r, IT_LEAD));
	tpl_bind_int_or_null(s, 9, r, IT_START);
	tpl_bind_int_or_null(s, 10, r, IT_END);
	store_bind_text(s, 11, tpl_txt(r, IT_OUTPUT));
	store_bind_text(s, 12, tpl_txt(r, IT_OUTCOME));
	store_bind_text(s, 13, tpl_txt(r, IT_INDICATOR));
	store_bind_text(s, 14, tpl_txt(r, IT_TARGET));
	int ch = run(im, W_ITEM_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	const char *id = r->v[IT_ID].s;
	sqlite3_bind_text(im->wp_stmt[W_ITEM_BODIES_DEL], 1, id, -1, SQLITE_STATIC);
	if (run(im, W_ITEM_BODIES_DEL, r) < 0)
		return -1;
	link_list(im, r, IT_COOP, W_ITEM_BODY_INS, id, NULL);
	sqlite3_bind_text(im->wp_stmt[W_ITEM_ARTS_DEL], 1, id, -1, SQLITE_STATIC);
	if (run(im, W_ITEM_ARTS_DEL, r) < 0)
		return -1;
	link_list(im, r, IT_ARTICLES, W_ITEM_ART_INS, id, NULL);
	return im->db_failed ? -1 : 0;
}

/* workplan_status.csv: the line must be known and the period well-formed; a report by a
 * body that neither leads nor cooperates on the line, or for a period outside the plan,
 * is stored with a warning. */
int wp_handle_status(importer *im, const tplrow *r)
{
	const char *item = r->v[ST_ITEM].s, *body = r->v[ST_BODY].s;
	int pidx = wp_period_parse(r->v[ST_PERIOD].s);
	bool ok = true;
	if (pidx < 0) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "period",
			 _("'%s' is not a half-year period such as 2018-H1 or 2018-H2"),
			 r->v[ST_PERIOD].s);
		ok = false;
	}
	ok = check_bodies(im, r, ST_BODY, "body") && ok;
	char lead[80] = "";
	int ps = 0, pe = 0;
	sqlite3_stmt *f = im->wp_stmt[W_ITEM_FIND];
	sqlite3_bind_text(f, 1, item, -1, SQLITE_STATIC);
	int found = step_lookup(im, W_ITEM_FIND);
	if (found == 1) {
		const unsigned char *t = sqlite3_column_text(f, 0);
		snprintf(lead, sizeof lead, "%s", t ? (const char *)t : "");
		ps = sqlite3_column_int(f, 1);
		pe = sqlite3_column_int(f, 2);
		done(im, W_ITEM_FIND);
	} else if (found == 0) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "item_id",
			 _("unknown action line '%s' (add it to workplan.csv)"), item);
		ok = false;
	}
	if (!ok)
		return im->db_failed ? -1 : 0;
	if (strcmp(lead, body) != 0) {
		sqlite3_stmt *q = im->wp_stmt[W_ITEM_INVOLVES];
		sqlite3_bind_text(q, 1, item, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, body, -1, SQLITE_STATIC);
		int inv = step_lookup(im, W_ITEM_INVOLVES);
		if (inv == 1)
			done(im, W_ITEM_INVOLVES);
		else if (inv == 0)
			diag_add(im->diag, DIAG_WARNING, r->file, r->line, "body",
				 _("%s neither leads nor cooperates on %s; the report is kept but "
				 "does not set the line's state"), body, item);
	}
	if (pidx / 2 < ps || pidx / 2 > pe) { /* no one could approve (lock) such a period */
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "period",
			 _("%s lies outside the plan's years %d-%d"), r->v[ST_PERIOD].s, ps, pe);
		return 0;
	}
	char period[16];
	snprintf(period, sizeof period, "%d-H%d", pidx / 2, pidx % 2 + 1);
	sqlite3_stmt *s = im->wp_stmt[W_STATUS_UPSERT];
	store_bind_text(s, 1, item);
	store_bind_text(s, 2, period);
	sqlite3_bind_int(s, 3, pidx);
	store_bind_text(s, 4, body);
	store_bind_text(s, 5, tpl_txt(r, ST_STATUS));
	store_bind_text(s, 6, tpl_txt(r, ST_NOTE));
	store_bind_text(s, 7, tpl_txt(r, ST_REPORTED));
	int ch = run(im, W_STATUS_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* meetings.csv */
int wp_handle_meeting(importer *im, const tplrow *r)
{
	if (!check_plan(im, r, ME_PLAN, NULL, NULL))
		return im->db_failed ? -1 : 0;
	sqlite3_stmt *s = im->wp_stmt[W_MEETING_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, ME_ID));
	store_bind_text(s, 2, tpl_txt(r, ME_PLAN));
	store_bind_text(s, 3, tpl_txt(r, ME_TITLE));
	store_bind_text(s, 4, tpl_txt(r, ME_VENUE));
	store_bind_text(s, 5, tpl_txt(r, ME_HELD));
	int ch = run(im, W_MEETING_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* decisions.csv: the meeting and the follow-up bodies must be known; a decision marked
 * done should say when. */
int wp_handle_decision(importer *im, const tplrow *r)
{
	sqlite3_stmt *q = im->wp_stmt[W_MEETING_EXISTS];
	sqlite3_bind_text(q, 1, r->v[DE_MEETING].s, -1, SQLITE_STATIC);
	int f = step_lookup(im, W_MEETING_EXISTS);
	if (f == 1)
		done(im, W_MEETING_EXISTS);
	else if (f == 0)
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "meeting",
			 _("unknown meeting '%s' (add it to meetings.csv)"), r->v[DE_MEETING].s);
	bool ok = check_bodies(im, r, DE_BODIES, "follow_up_by") && f == 1;
	if (!ok)
		return im->db_failed ? -1 : 0;
	if (strcmp(r->v[DE_STATUS].s, "done") == 0 && !r->v[DE_DONE].set)
		diag_add(im->diag, DIAG_WARNING, r->file, r->line, "done_on",
			 _("the decision is done but done_on is empty"));
	sqlite3_stmt *s = im->wp_stmt[W_DECISION_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, DE_MEETING));
	tpl_bind_int_or_null(s, 2, r, DE_NO);
	store_bind_text(s, 3, tpl_txt(r, DE_DECISION));
	store_bind_text(s, 4, tpl_txt(r, DE_TIMELINE));
	store_bind_text(s, 5, tpl_txt(r, DE_DUE));
	store_bind_text(s, 6, tpl_txt(r, DE_STATUS));
	store_bind_text(s, 7, tpl_txt(r, DE_DONE));
	store_bind_text(s, 8, tpl_txt(r, DE_NOTE));
	int ch = run(im, W_DECISION_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	sqlite3_stmt *d = im->wp_stmt[W_DEC_BODIES_DEL];
	sqlite3_bind_text(d, 1, r->v[DE_MEETING].s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(d, 2, r->v[DE_NO].n);
	if (run(im, W_DEC_BODIES_DEL, r) < 0)
		return -1;
	link_list(im, r, DE_BODIES, W_DEC_BODY_INS, r->v[DE_MEETING].s, &r->v[DE_NO].n);
	return im->db_failed ? -1 : 0;
}

/* adoption_steps.csv */
int wp_handle_step(importer *im, const tplrow *r)
{
	bool ok = check_plan(im, r, AS_PLAN, NULL, NULL);
	ok = check_bodies(im, r, AS_BODY, "body") && ok;
	if (!ok)
		return im->db_failed ? -1 : 0;
	sqlite3_stmt *s = im->wp_stmt[W_STEP_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, AS_PLAN));
	store_bind_text(s, 2, tpl_txt(r, AS_STEP));
	store_bind_text(s, 3, tpl_txt(r, AS_BODY));
	store_bind_text(s, 4, tpl_txt(r, AS_DUE));
	store_bind_text(s, 5, tpl_txt(r, AS_DONE));
	store_bind_text(s, 6, tpl_txt(r, AS_NOTE));
	int ch = run(im, W_STEP_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* consultation_inputs.csv: a comment on a line must name a line of the same plan. */
int wp_handle_input(importer *im, const tplrow *r)
{
	bool ok = check_plan(im, r, IN_PLAN, NULL, NULL);
	ok = check_bodies(im, r, IN_BODY, "body") && ok;
	if (r->v[IN_ITEM].set) {
		sqlite3_stmt *f = im->wp_stmt[W_ITEM_FIND];
		sqlite3_bind_text(f, 1, r->v[IN_ITEM].s, -1, SQLITE_STATIC);
		int found = step_lookup(im, W_ITEM_FIND);
		if (found == 1) {
			const unsigned char *p = sqlite3_column_text(f, 3);
			if (!p || strcmp((const char *)p, r->v[IN_PLAN].s) != 0) {
				diag_add(im->diag, DIAG_ERROR, r->file, r->line, "item_id",
					 _("action line '%s' is not in plan '%s'"), r->v[IN_ITEM].s,
					 r->v[IN_PLAN].s);
				ok = false;
			}
			done(im, W_ITEM_FIND);
		} else {
			if (found == 0)
				diag_add(im->diag, DIAG_ERROR, r->file, r->line, "item_id",
					 _("unknown action line '%s' (add it to workplan.csv)"),
					 r->v[IN_ITEM].s);
			ok = false;
		}
	}
	if (!ok)
		return im->db_failed ? -1 : 0;
	sqlite3_stmt *s = im->wp_stmt[W_INPUT_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, IN_PLAN));
	store_bind_text(s, 2, tpl_txt(r, IN_BODY));
	sqlite3_bind_text(s, 3, r->v[IN_ITEM].set ? r->v[IN_ITEM].s : "", -1, SQLITE_TRANSIENT);
	store_bind_text(s, 4, tpl_txt(r, IN_DATE));
	store_bind_text(s, 5, tpl_txt(r, IN_COMMENT));
	int ch = run(im, W_INPUT_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* ---- the templates and their kinds of the records API (import/template.h) ------ */

#define BODIES(table, where) \
	"(SELECT group_concat(body, ';') FROM (SELECT body FROM " table " WHERE " where " ORDER BY pos))"

static const record_kind kind_bodies = {
	N_("Bodies"), N_("body"),
	"SELECT json_object('code', code, 'name', name, 'kind', kind) FROM wp_body"
	" WHERE ?1 IS NULL OR code = ?1 ORDER BY code",
	"DELETE FROM wp_body WHERE code = ?1", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_focal_points = {
	N_("Focal points"), N_("focal point"),
	"SELECT json_object('body', body, 'name', name, 'email', email, 'role', role) FROM wp_focal_point"
	" WHERE (?1 IS NULL OR body = ?1) AND (?2 IS NULL OR name = ?2) ORDER BY body, name",
	"DELETE FROM wp_focal_point WHERE body = ?1 AND name = ?2", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_plans = {
	N_("Work plans"), N_("work plan"),
	"SELECT json_object('plan', plan, 'title', title, 'start_year', start_year, 'end_year', end_year,"
	" 'overseen_by', overseen_by) FROM wp_plan WHERE ?1 IS NULL OR plan = ?1 ORDER BY plan",
	"DELETE FROM wp_plan WHERE plan = ?1", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_workplan = {
	N_("Work-plan lines"), N_("work-plan line"),
	"SELECT json_object('item_id', item_id, 'plan', plan, 'pillar', pillar, 'apa_provision', apa_provision,"
	" 'actip_articles', (SELECT group_concat(article || CASE WHEN paragraph <> '' THEN '(' || paragraph"
	" || ')' ELSE '' END, ';') FROM (SELECT article, paragraph FROM wp_item_article"
	" WHERE item = i.item_id ORDER BY article, length(paragraph), paragraph)), 'area', area, 'activity', activity,"
	" 'lead_body', lead_body, 'cooperating_bodies', " BODIES("wp_item_body", "item = i.item_id") ","
	" 'start_year', start_year, 'end_year', end_year, 'expected_output', expected_output,"
	" 'outcome', outcome, 'indicator', indicator, 'target', target) FROM wp_item i"
	" WHERE ?1 IS NULL OR item_id = ?1 ORDER BY plan, seq, item_id",
	"DELETE FROM wp_item WHERE item_id = ?1", 0, NULL, {-1}, NULL, false, 0};

/* A focal point files its own body's reports on lines its body leads or cooperates on:
 * the scope gives the body named and, for a line the body has no part in, a word that is
 * no body's code. */
static const record_kind kind_workplan_status = {
	N_("Work-plan status reports"), N_("status report"),
	"SELECT json_object('item_id', item, 'period', period, 'body', body, 'status', status,"
	" 'note', note, 'reported_on', reported_on) FROM wp_status"
	" WHERE (?1 IS NULL OR item = ?1) AND (?2 IS NULL OR period = ?2) AND (?3 IS NULL OR body = ?3)"
	" ORDER BY item, pidx, body",
	"DELETE FROM wp_status WHERE item = ?1 AND period = ?2 AND body = ?3", KW_FOCAL,
	"SELECT ?2 UNION ALL SELECT 'a line of another body' WHERE NOT EXISTS (SELECT 1 FROM wp_item i"
	" WHERE i.item_id = ?1 AND (i.lead_body = ?2 OR EXISTS (SELECT 1 FROM wp_item_body b"
	" WHERE b.item = ?1 AND b.body = ?2)))",
	{ST_ITEM, ST_BODY, -1}, "half-year", false, 0};

static const record_kind kind_meetings = {
	N_("Meetings"), N_("meeting"),
	"SELECT json_object('meeting', meeting, 'plan', plan, 'title', title, 'venue', venue,"
	" 'held_on', held_on) FROM wp_meeting WHERE ?1 IS NULL OR meeting = ?1 ORDER BY held_on, meeting",
	"DELETE FROM wp_meeting WHERE meeting = ?1", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_decisions = {
	N_("Follow-up decisions"), N_("decision"),
	"SELECT json_object('meeting', meeting, 'no', no, 'decision', decision, 'timeline', timeline,"
	" 'due_on', due_on, 'follow_up_by', " BODIES("wp_decision_body", "meeting = d.meeting AND no = d.no") ","
	" 'status', status, 'done_on', done_on, 'note', note) FROM wp_decision d"
	" WHERE (?1 IS NULL OR meeting = ?1) AND (?2 IS NULL OR no = ?2) ORDER BY meeting, no",
	"DELETE FROM wp_decision WHERE meeting = ?1 AND no = ?2", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_adoption_steps = {
	N_("Adoption steps"), N_("adoption step"),
	"SELECT json_object('plan', plan, 'step', step, 'body', body, 'due_on', due_on, 'done_on', done_on,"
	" 'note', note) FROM wp_adoption_step WHERE (?1 IS NULL OR plan = ?1) AND (?2 IS NULL OR step = ?2)"
	" ORDER BY plan, due_on, step",
	"DELETE FROM wp_adoption_step WHERE plan = ?1 AND step = ?2", 0, NULL, {-1}, NULL, false, 0};

/* A focal point sends its own body's consultation inputs. */
static const record_kind kind_consultation_inputs = {
	N_("Consultation inputs"), N_("consultation input"),
	"SELECT json_object('plan', plan, 'body', body, 'item_id', nullif(item, ''),"
	" 'submitted_on', submitted_on, 'comment', comment) FROM wp_input"
	" WHERE (?1 IS NULL OR plan = ?1) AND (?2 IS NULL OR body = ?2) AND (?3 IS NULL OR item = ?3)"
	" AND (?4 IS NULL OR submitted_on = ?4) ORDER BY plan, body, item, submitted_on",
	"DELETE FROM wp_input WHERE plan = ?1 AND body = ?2 AND item = coalesce(?3, '') AND submitted_on = ?4",
	KW_FOCAL, "SELECT ?1", {IN_BODY, -1}, NULL, false, 0};

/* In the order a run processes them: referenced records first. */
const template wp_tpl_bodies = {"bodies", wp_body_cols, WP_BODY_NCOLS, KEYS(BO_CODE), wp_handle_body,
	NULL, NULL, &kind_bodies};
const template wp_tpl_focal_points = {"focal_points", wp_focal_cols, WP_FOCAL_NCOLS, KEYS(FP_BODY, FP_NAME),
	wp_handle_focal_point, NULL, NULL, &kind_focal_points};
const template wp_tpl_plans = {"plans", wp_plan_cols, WP_PLAN_NCOLS, KEYS(PL_PLAN), wp_handle_plan, NULL,
	NULL, &kind_plans};
const template wp_tpl_workplan = {"workplan", wp_item_cols, WP_ITEM_NCOLS, KEYS(IT_ID), wp_handle_item,
	NULL, NULL, &kind_workplan};
const template wp_tpl_workplan_status = {"workplan_status", wp_status_cols, WP_STATUS_NCOLS,
	KEYS(ST_ITEM, ST_PERIOD, ST_BODY), wp_handle_status, NULL, NULL, &kind_workplan_status};
const template wp_tpl_meetings = {"meetings", wp_meeting_cols, WP_MEETING_NCOLS, KEYS(ME_ID),
	wp_handle_meeting, NULL, NULL, &kind_meetings};
const template wp_tpl_decisions = {"decisions", wp_decision_cols, WP_DECISION_NCOLS, KEYS(DE_MEETING, DE_NO),
	wp_handle_decision, NULL, NULL, &kind_decisions};
const template wp_tpl_adoption_steps = {"adoption_steps", wp_step_cols, WP_STEP_NCOLS, KEYS(AS_PLAN, AS_STEP),
	wp_handle_step, NULL, NULL, &kind_adoption_steps};
const template wp_tpl_consultation_inputs = {"consultation_inputs", wp_input_cols, WP_INPUT_NCOLS,
	KEYS(IN_PLAN, IN_BODY, IN_ITEM, IN_DATE), wp_handle_input, NULL, NULL, &kind_consultation_inputs};
