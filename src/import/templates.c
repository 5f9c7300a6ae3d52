/* The programme templates of spec/data-collection.md (framework, partners, projects,
 * project status, activities, participants, feedback) with their row handlers, the
 * prepared statements of every template, and the helpers handlers share. Each handler
 * receives a row whose values already passed their type checks; it checks references
 * to other records, writes the row with bound parameters, and reports anything wrong
 * as FILE:LINE: COLUMN diagnostics. The work-plan templates live in
 * workplan/wp_templates.c; template_table below lists every template. */
#include "core/i18n.h"
#include "import/template.h"
#include "import/import.h"
#include "store/stats.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "workplan/actip.h"
#include "workplan/wp_templates.h"

/* ---- allowed words ---------------------------------------------------------- */

static const char *const LEVELS[] = {"goal", "eopo", "intermediate", "immediate", "cluster",
				      "foundational", NULL};
static const char *const PARTNER_KINDS[] = {"government", "ngo", "un", "research",
					    "asean_body", NULL};
static const char *const FOCUS[] = {"national", "regional", "victim_rights_gesi",
				    "inclusive_policy", NULL};
static const char *const PROJECT_STATUS[] = {"completed", "partly_completed", "some_delays",
					     "major_delay", "on_hold", "not_started", NULL};
static const char *const ACTIVITY_TYPES[] = {"capacity_development", "meeting", "other",
					     "staff_event", NULL};
static const char *const MODES[] = {"in_person", "online", "hybrid", NULL};
static const char *const UNDERSTANDING[] = {"excellent", "good", "fair", "poor", NULL};

/* ---- columns ---------------------------------------------------------------- */

enum { FW_CODE, FW_LEVEL, FW_PARENT, FW_TITLE };
static const colspec framework_cols[] = {
	{"code", T_CODE, true, NULL, 0, REF_NONE},
	{"level", T_ENUM, true, LEVELS, 0, REF_NONE},
	{"parent", T_CODE, false, NULL, 0, REF_NONE}, /* checked at end of file */
	{"title", T_TEXT, true, NULL, 2000, REF_NONE},
};

enum { PA_CODE, PA_NAME, PA_KIND, PA_COUNTRY, PA_STARTED, PA_FOCUS };
static const colspec partner_cols[] = {
	{"code", T_CODE, true, NULL, 0, REF_NONE},
	{"name", T_TEXT, true, NULL, 500, REF_NONE},
	{"kind", T_ENUM, true, PARTNER_KINDS, 0, REF_NONE},
	{"country", T_COUNTRY, false, NULL, 0, REF_NONE},
	{"started_on", T_DATE, false, NULL, 0, REF_NONE},
	{"focus", T_TEXT, false, NULL, 4000, REF_NONE},
};

enum { PR_CODE, PR_TITLE, PR_COUNTRY, PR_FOCUS, PR_PARTNER, PR_OUTCOMES, PR_START, PR_END,
       PR_ARTICLES };
static const colspec project_cols[] = {
	{"code", T_CODE, true, NULL, 0, REF_NONE},
	{"title", T_TEXT, true, NULL, 1000, REF_NONE},
	{"country", T_COUNTRY, true, NULL, 0, REF_NONE},
	{"focus", T_ENUM, false, FOCUS, 0, REF_NONE},
	{"partner", T_TEXT, false, NULL, 500, REF_NONE},
	{"outcomes", T_CODES, false, NULL, 0, REF_FRAMEWORK},
	{"start_year", T_YEAR, false, NULL, 0, REF_NONE},
	{"end_year", T_YEAR, false, NULL, 0, REF_NONE},
	{"actip_articles", T_TEXT, false, NULL, 400, REF_NONE}, /* "14;16(1)": articles() */
};

enum { PS_PROJECT, PS_YEAR, PS_STATUS, PS_NOTE };
static const colspec status_cols[] = {
	{"project", T_CODE, true, NULL, 0, REF_PROJECT},
	{"year", T_YEAR, true, NULL, 0, REF_NONE},
	{"status", T_ENUM, true, PROJECT_STATUS, 0, REF_NONE},
	{"note", T_TEXT, false, NULL, 4000, REF_NONE},
};

enum { AC_ID, AC_PROJECT, AC_COUNTRY, AC_TYPE, AC_TITLE, AC_START, AC_END, AC_MODE,
       AC_OUTCOMES };
static const colspec activity_cols[] = {
	{"activity_id", T_CODE, true, NULL, 0, REF_NONE},
	{"project", T_CODE, false, NULL, 0, REF_PROJECT},
	{"country", T_COUNTRY, true, NULL, 0, REF_NONE},
	{"type", T_ENUM, true, ACTIVITY_TYPES, 0, REF_NONE},
	{"title", T_TEXT, true, NULL, 1000, REF_NONE},
	{"start_date", T_DATE, true, NULL, 0, REF_NONE},
	{"end_date", T_DATE, false, NULL, 0, REF_NONE},
	{"mode", T_ENUM, false, MODES, 0, REF_NONE},
	{"outcomes", T_CODES, false, NULL, 0, REF_FRAMEWORK},
};

enum { AT_ACTIVITY, AT_PERSON, AT_EMAIL, AT_NAME, AT_SEX, AT_COUNTRY, AT_ORG, AT_STAFF,
       AT_DISABILITY };
static const colspec attendance_cols[] = {
	{"activity_id", T_CODE, true, NULL, 0, REF_ACTIVITY},
	{"person_id", T_TEXT, false, NULL, 128, REF_NONE},
	{"email", T_EMAIL, false, NULL, 254, REF_NONE},
	{"full_name", T_TEXT, false, NULL, 300, REF_NONE},
	{"sex", T_SEX, true, NULL, 0, REF_NONE},
	{"country", T_COUNTRY, true, NULL, 0, REF_NONE},
	{"organisation", T_TEXT, false, NULL, 500, REF_NONE},
	{"staff", T_YESNO, false, NULL, 0, REF_NONE},
	{"disability", T_YESNO, false, NULL, 0, REF_NONE},
};

enum { FB_ACTIVITY, FB_SEX, FB_SATISFIED, FB_OBJECTIVES, FB_EXPECTATIONS, FB_LEARNING,
       FB_RELEVANT, FB_UNDERSTANDING };
static const colspec feedback_cols[] = {
	{"activity_id", T_CODE, true, NULL, 0, REF_ACTIVITY},
	{"sex", T_SEX, false, NULL, 0, REF_NONE},
	{"satisfied", T_YESNO, false, NULL, 0, REF_NONE},
	{"met_objectives", T_YESNO, false, NULL, 0, REF_NONE},
	{"met_expectations", T_YESNO, false, NULL, 0, REF_NONE},
	{"improved_learning", T_YESNO, false, NULL, 0, REF_NONE},
	{"relevant", T_YESNO, false, NULL, 0, REF_NONE},
	{"understanding", T_SCALE, false, UNDERSTANDING, 0, REF_NONE},
};

/* ---- statements ------------------------------------------------------------- */

/* The SQL of each statement, indexed by stmt_id. Upserts only write when something
 * differs, so sqlite3_changes() tells new-or-changed rows from unchanged ones. */
static const char *const SQL[S__COUNT] = {
	[S_FRAMEWORK_UPSERT] =
	"INSERT INTO framework(code, level, parent, title) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT(code) DO UPDATE SET level = excluded.level, parent = excluded.parent,"
	" title = excluded.title WHERE (level, parent, title) IS NOT"
	" (excluded.level, excluded.parent, excluded.title)",
	[S_FRAMEWORK_EXISTS] = "SELECT 1 FROM framework WHERE code = ?1",
	[S_PARTNER_UPSERT] =
	"INSERT INTO partner(code, name, kind, country, started_on, focus)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
	" country = excluded.country, started_on = excluded.started_on, focus = excluded.focus"
	" WHERE (name, kind, country, started_on, focus) IS NOT (excluded.name, excluded.kind,"
	" excluded.country, excluded.started_on, excluded.focus)",
	[S_PARTNER_EXISTS] = "SELECT 1 FROM partner WHERE code = ?1",
	[S_PROJECT_UPSERT] =
	"INSERT INTO project(code, title, country, focus, partner, start_year, end_year)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(code) DO UPDATE SET title = excluded.title, country = excluded.country,"
	" focus = excluded.focus, partner = excluded.partner, start_year = excluded.start_year,"
	" end_year = excluded.end_year WHERE (title, country, focus, partner, start_year, end_year)"
	" IS NOT (excluded.title, excluded.country, excluded.focus, excluded.partner,"
	" excluded.start_year, excluded.end_year)",
	[S_PROJECT_COUNTRY] = "SELECT country FROM project WHERE code = ?1",
	[S_PROJECT_OUTCOMES_DEL] = "DELETE FROM project_outcome WHERE project = ?1",
	[S_PROJECT_ARTICLES_DEL] = "DELETE FROM project_article WHERE project = ?1",
	[S_PROJECT_ARTICLE_INS] =
	"INSERT OR IGNORE INTO project_article(project, article, paragraph) VALUES (?1, ?2, ?3)",
	[S_PROJECT_OUTCOME_INS] =
	"INSERT OR IGNORE INTO project_outcome(project, outcome) VALUES (?1, ?2)",
	[S_STATUS_UPSERT] =
	"INSERT INTO project_status(project, year, status, note) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT(project, year) DO UPDATE SET status = excluded.status, note = excluded.note"
	" WHERE (status, note) IS NOT (excluded.status, excluded.note)",
	[S_ACTIVITY_UPSERT] =
	"INSERT INTO activity(id, project, country, type, title, start_date, end_date, year, mode)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	" ON CONFLICT(id) DO UPDATE SET project = excluded.project, country = excluded.country,"
	" type = excluded.type, title = excluded.title, start_date = excluded.start_date,"
	" end_date = excluded.end_date, year = excluded.year, mode = excluded.mode"
	" WHERE (project, country, type, title, start_date, end_date, mode) IS NOT"
	" (excluded.project, excluded.country, excluded.type, excluded.title,"
	" excluded.start_date, excluded.end_date, excluded.mode)",
	[S_ACTIVITY_EXISTS] = "SELECT 1 FROM activity WHERE id = ?1",
	[S_ACTIVITY_OUTCOMES_DEL] = "DELETE FROM activity_outcome WHERE activity = ?1",
	[S_ACTIVITY_OUTCOME_INS] =
	"INSERT OR IGNORE INTO activity_outcome(activity, outcome) VALUES (?1, ?2)",
	[S_ATTENDANCE_DEL] = "DELETE FROM attendance WHERE activity = ?1",
	[S_ATTENDANCE_INS] =
	"INSERT INTO attendance(activity, seq, person_key, person_id, email, full_name, sex,"
	" country, organisation, staff, disability)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[S_ATTENDANCE_LAST] = "SELECT max(seq) FROM attendance WHERE activity = ?1",
	[S_ATTENDANCE_TOUCH] = "UPDATE attendance SET sex = sex WHERE activity = ?1 AND seq = ?2",
	[S_FEEDBACK_DEL] = "DELETE FROM feedback WHERE activity = ?1",
	[S_FEEDBACK_INS] =
	"INSERT INTO feedback(activity, seq, sex, satisfied, met_objectives, met_expectations,"
	" improved_learning, relevant, understanding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_FEEDBACK_LAST] = "SELECT max(seq) FROM feedback WHERE activity = ?1",
	[S_FEEDBACK_TOUCH] = "UPDATE feedback SET sex = sex WHERE activity = ?1 AND seq = ?2",
	[S_ACHIEVEMENT_UPSERT] =
	"INSERT INTO achievement(id, project, country, partner, date, year, text, total, female,"
	" male, other) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	" ON CONFLICT(id) DO UPDATE SET project = excluded.project, country = excluded.country,"
	" partner = excluded.partner, date = excluded.date, year = excluded.year,"
	" text = excluded.text, total = excluded.total, female = excluded.female,"
	" male = excluded.male, other = excluded.other"
	" WHERE (project, country, partner, date, text, total, female, male, other) IS NOT"
	" (excluded.project, excluded.country, excluded.partner, excluded.date, excluded.text,"
	" excluded.total, excluded.female, excluded.male, excluded.other)",
	[S_ACHIEVEMENT_OUTCOMES_DEL] = "DELETE FROM achievement_outcome WHERE achievement = ?1",
	[S_ACHIEVEMENT_OUTCOME_INS] =
	"INSERT OR IGNORE INTO achievement_outcome(achievement, outcome) VALUES (?1, ?2)",
	[S_EXPENDITURE_UPSERT] =
	"INSERT INTO expenditure(year, currency, category, amount_micro) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT(year, currency, category) DO UPDATE SET amount_micro = excluded.amount_micro"
	" WHERE amount_micro IS NOT excluded.amount_micro",
	[S_ACHIEVEMENT_EXISTS] = "SELECT 1 FROM achievement WHERE id = ?1",
	[S_FIGURE_DEL] = "DELETE FROM achievement_figure WHERE achievement = ?1",
	[S_FIGURE_UPSERT] =
	"INSERT INTO achievement_figure(achievement, figset, label, share_micro, count, parts)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(achievement, figset, label) DO UPDATE SET share_micro = excluded.share_micro,"
	" count = excluded.count, parts = excluded.parts",
	[S_PUBLISHED_UPSERT] =
	"INSERT INTO published(year, section, row, col, label, value_micro, source)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(year, section, row, col, label) DO UPDATE SET"
	" value_micro = excluded.value_micro, source = excluded.source"
	" WHERE (value_micro, source) IS NOT (excluded.value_micro, excluded.source)",
	[S_SETTING_UPSERT] =
	"INSERT INTO setting(key, value) VALUES (?1, ?2)"
	" ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value",
};

/* Prepares every statement. */
int template_prepare(importer *im, actip_err *err)
{
	if (tpl_prepare_set(im, SQL, im->stmt, S__COUNT, err) < 0)
		return ACTIP_ERR;
	if (ind_templates_prepare(im, err) < 0 || svy_templates_prepare(im, err) < 0 ||
	    nar_templates_prepare(im, err) < 0)
		return ACTIP_ERR;
	return wp_templates_prepare(im, err);
}

/* Finalizes every statement. */
void template_finalize(importer *im)
{
	tpl_finalize_set(im, im->stmt, S__COUNT);
	wp_templates_finalize(im);
	ind_templates_finalize(im);
	svy_templates_finalize(im);
	nar_templates_finalize(im);
}

/* ---- helpers for handlers ---------------------------------------------------- */

/* Prepares n statements from sql into stmts (the importer's, the work plan's and the
 * indicators' sets). */
int tpl_prepare_set(importer *im, const char *const *sql, sqlite3_stmt **stmts, int n, actip_err *err)
{
	for (int i = 0; i < n; i++)
		if (store_prepare_kept(im->st, sql[i], &stmts[i], err) < 0)
			return ACTIP_ERR;
	return ACTIP_OK;
}

/* Finalizes n statements and clears them. */
void tpl_finalize_set(importer *im, sqlite3_stmt **stmts, int n)
{
	for (int i = 0; i < n; i++) {
		store_finalize_kept(im->st, stmts[i]);
		stmts[i] = NULL;
	}
}

/* Text of a value, NULL when blank. */
const char *tpl_txt(const tplrow *r, int col)
{
	return r->v[col].set ? r->v[col].s : NULL;
}

/* Binds a value: NULL when blank, else the integer or the text by column type. */
void tpl_bind_int_or_null(sqlite3_stmt *s, int idx, const tplrow *r, int col)
{
	if (r->v[col].set)
		sqlite3_bind_int64(s, idx, r->v[col].n);
	else
		sqlite3_bind_null(s, idx);
}

/* Steps a write statement; records a database error against the row. Returns the
 * number of rows changed, or -1. */
int tpl_step(importer *im, sqlite3_stmt *s, const tplrow *r)
{
	int rc = sqlite3_step(s);
	int changed = sqlite3_changes(im->st->db);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		const char *m = sqlite3_errmsg(im->st->db);
		if (strncmp(m, "locked: ", 8) == 0) { /* a lock trigger (migration 8): an input error */
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "-", _("%s; nothing was stored"), m + 8);
			im->locked = true;
			return 0;
		}
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "-", _("cannot store the row: %s"), m);
		im->db_failed = true;
		return -1;
	}
	return changed;
}

/* tpl_step on the importer's statement id. */
int tpl_run(importer *im, stmt_id id, const tplrow *r)
{
	return tpl_step(im, im->stmt[id], r);
}

/* Runs a prepared lookup of one key (k2 NULL) or two; returns 1 when it found a row (and
 * copies the first column's text into out when given), 0 when not, -1 on a database
 * error (im->db_failed set). */
int tpl_lookup_stmt(importer *im, sqlite3_stmt *s, const char *k1, const char *k2, char *out, size_t outsize)
{
	sqlite3_bind_text(s, 1, k1, -1, SQLITE_STATIC);
	if (k2)
		sqlite3_bind_text(s, 2, k2, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	int found = rc == SQLITE_ROW;
	if (found && out) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		snprintf(out, outsize, "%s", t ? (const char *)t : "");
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		im->db_failed = true;
		return -1;
	}
	return found;
}

/* tpl_lookup_stmt of one of the importer's statements. */
int tpl_lookup(importer *im, stmt_id id, const char *key, char *out, size_t outsize)
{
	return tpl_lookup_stmt(im, im->stmt[id], key, NULL, out, outsize);
}

/* For each delete statement of an owner's rows: whether its table holds any row. */
static const char *const held_sql[S__COUNT] = {
	[S_PROJECT_OUTCOMES_DEL] = "SELECT EXISTS (SELECT 1 FROM project_outcome)",
	[S_ACTIVITY_OUTCOMES_DEL] = "SELECT EXISTS (SELECT 1 FROM activity_outcome)",
	[S_ATTENDANCE_DEL] = "SELECT EXISTS (SELECT 1 FROM attendance)",
	[S_FEEDBACK_DEL] = "SELECT EXISTS (SELECT 1 FROM feedback)",
	[S_ACHIEVEMENT_OUTCOMES_DEL] = "SELECT EXISTS (SELECT 1 FROM achievement_outcome)",
	[S_FIGURE_DEL] = "SELECT EXISTS (SELECT 1 FROM achievement_figure)",
};

/* Runs `del`, bound to owner, unless it cannot delete anything: when its table held no
 * row as the file first came to delete some, every row it holds since was written by
 * this file for an owner met before (each owner's rows are deleted only when the file
 * first meets it: its key is unique in the file, or the run's seq map knows it), so
 * the statement would find nothing (a first import into a new database runs none of
 * them; each one, with its lock trigger, cost as much as an insert). Returns what
 * tpl_run returns (0 when skipped). */
static int tpl_del_owner(importer *im, stmt_id del, const char *owner, const tplrow *r)
{
	if (!im->held_rows[del] && held_sql[del]) {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(im->st->db, held_sql[del], -1, &q, NULL) != SQLITE_OK) {
			im->db_failed = true;
			return -1;
		}
		int rc = sqlite3_step(q);
		bool held = rc != SQLITE_ROW || sqlite3_column_int(q, 0) != 0;
		sqlite3_finalize(q);
		if (rc != SQLITE_ROW) {
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "-", _("cannot read the stored rows: %s"),
				 sqlite3_errmsg(im->st->db));
			im->db_failed = true;
			return -1;
		}
		im->held_rows[del] = held ? 1 : -1;
	}
	if (im->held_rows[del] < 0)
		return 0;
	sqlite3_bind_text(im->stmt[del], 1, owner, -1, SQLITE_STATIC);
	return tpl_run(im, del, r);
}

/* Rewrites the links from owner to the codes of a ;-separated list (already checked
 * against the framework by template_check_ref); owner is the row's key, unique in
 * the file. */
void tpl_link_outcomes(importer *im, const tplrow *r, int col, const char *owner,
			  stmt_id del, stmt_id ins)
{
	if (tpl_del_owner(im, del, owner, r) < 0 || !r->v[col].set)
		return;
	char *list = strdup(r->v[col].s), *save = NULL;
	if (!list) {
		im->db_failed = true;
		return;
	}
	for (char *c = strtok_r(list, ";", &save); c; c = strtok_r(NULL, ";", &save)) {
		if (!*text_trim(c))
			continue;
		sqlite3_bind_text(im->stmt[ins], 1, owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(im->stmt[ins], 2, c, -1, SQLITE_STATIC);
		if (tpl_run(im, ins, r) < 0)
			break;
	}
	free(list);
}

/* Codes of one reference kind a file remembers as found, at most. */
enum { REF_FOUND_MAX = 4096 };

/* Looks one code up by the reference kind's statement; a code found once in the file
 * is not looked up again (the activities of the 1M benchmark name 40 projects 33,160
 * times). */
static int ref_lookup(importer *im, ref_kind k, const char *code)
{
	static const stmt_id by_kind[] = {
		[REF_PROJECT] = S_PROJECT_COUNTRY, [REF_ACTIVITY] = S_ACTIVITY_EXISTS,
		[REF_PARTNER] = S_PARTNER_EXISTS, [REF_FRAMEWORK] = S_FRAMEWORK_EXISTS,
		[REF_ACHIEVEMENT] = S_ACHIEVEMENT_EXISTS,
	};
	if (strmap_get(&im->ref_found[k], code, NULL))
		return 1;
	int found = tpl_lookup(im, by_kind[k], code, NULL, 0);
	/* kept up to a bound, and not at all when out of memory (looked up again then) */
	if (found == 1 && im->ref_found[k].len < REF_FOUND_MAX)
		(void)strmap_put(&im->ref_found[k], code, 1);
	return found;
}

/* Checks a column's reference; the last activity looked up is remembered, since the
 * rows of one activity usually come together. */
bool template_check_ref(importer *im, const colspec *c, const value *v, long line)
{
	static const char *const what[] = {
		[REF_PROJECT] = "project", [REF_ACTIVITY] = "activity",
		[REF_PARTNER] = "partner", [REF_FRAMEWORK] = "results-framework code",
		[REF_ACHIEVEMENT] = "achievement",
	};
	static const char *const file[] = {
		[REF_PROJECT] = "projects.csv", [REF_ACTIVITY] = "activities.csv",
		[REF_PARTNER] = "partners.csv", [REF_FRAMEWORK] = "framework.csv",
		[REF_ACHIEVEMENT] = "achievements.csv",
	};
	if (c->ref == REF_NONE || !v->set)
		return true;
	if (c->ref == REF_ACTIVITY && im->last_activity_ok >= 0 &&
	    strcmp(im->last_activity, v->s) == 0)
		return im->last_activity_ok == 1;
	bool ok = true;
	if (c->type == T_CODES) {
		char *list = strdup(v->s), *save = NULL;
		if (!list)
			return false;
		for (char *p = strtok_r(list, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
			if (!*text_trim(p) || ref_lookup(im, c->ref, p) == 1)
				continue;
			diag_add(im->diag, DIAG_ERROR, im->file, line, c->name,
				 _("unknown %s '%s' (add it to %s)"), what[c->ref], p, file[c->ref]);
			ok = false;
		}
		free(list);
		return ok;
	}
	ok = ref_lookup(im, c->ref, v->s) == 1;
	if (c->ref == REF_ACTIVITY) {
		snprintf(im->last_activity, sizeof im->last_activity, "%s", v->s);
		im->last_activity_ok = ok;
	}
	if (!ok)
		diag_add(im->diag, DIAG_ERROR, im->file, line, c->name, _("unknown %s '%s' (add it to %s)"),
			 what[c->ref], v->s, file[c->ref]);
	return ok;
}

/* Counts a stored row for the summary. */
void tpl_stored(importer *im, int changed)
{
	im->rows++;
	if (changed > 0)
		im->changed++;
	if ((im->rows & 4095) == 0) { /* a bulk import keeps its change capture bounded */
		store_capture_check(im->st);
		store_stats_track_check(im->st);
	}
}

/* ---- handlers ---------------------------------------------------------------- */

/* framework.csv: parents are checked once the whole file is in (end_framework). */
static int handle_framework(importer *im, const tplrow *r)
{
	sqlite3_stmt *s = im->stmt[S_FRAMEWORK_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, FW_CODE));
	store_bind_text(s, 2, tpl_txt(r, FW_LEVEL));
	store_bind_text(s, 3, tpl_txt(r, FW_PARENT));
	store_bind_text(s, 4, tpl_txt(r, FW_TITLE));
	int ch = tpl_run(im, S_FRAMEWORK_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	if (r->v[FW_PARENT].set) {
		if (strcmp(r->v[FW_PARENT].s, r->v[FW_CODE].s) == 0) {
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "parent",
				 _("a node cannot be its own parent"));
			return 0;
		}
		if (im->npending == im->cappending) {
			size_t n = im->cappending ? im->cappending * 2 : 32;
			pending_ref *p = realloc(im->pending, n * sizeof *p);
			if (!p)
				return -1;
			im->pending = p;
			im->cappending = n;
		}
		im->pending[im->npending].line = r->line;
		im->pending[im->npending].value = strdup(r->v[FW_PARENT].s);
		if (im->pending[im->npending].value)
			im->npending++;
	}
	return 0;
}

/* After framework.csv: every parent must exist (in this file or stored before). */
static void end_framework(importer *im)
{
	for (size_t i = 0; i < im->npending; i++) {
		if (tpl_lookup(im, S_FRAMEWORK_EXISTS, im->pending[i].value, NULL, 0) != 1)
			diag_add(im->diag, DIAG_ERROR, im->file, im->pending[i].line, "parent",
				 _("unknown results-framework code '%s'"), im->pending[i].value);
		free(im->pending[i].value);
	}
	im->npending = 0;
}

/* partners.csv */
static int handle_partner(importer *im, const tplrow *r)
{
	sqlite3_stmt *s = im->stmt[S_PARTNER_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, PA_CODE));
	store_bind_text(s, 2, tpl_txt(r, PA_NAME));
	store_bind_text(s, 3, tpl_txt(r, PA_KIND));
	store_bind_text(s, 4, tpl_txt(r, PA_COUNTRY));
	store_bind_text(s, 5, tpl_txt(r, PA_STARTED));
	store_bind_text(s, 6, tpl_txt(r, PA_FOCUS));
	int ch = tpl_run(im, S_PARTNER_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* The ACTIP articles a project cites ("14;16(1)"): each checked (an error at the row's
 * actip_articles when one is not an article reference) or, with write, stored in place
 * of those stored before. False when one is wrong. */
static bool articles(importer *im, const tplrow *r, bool write)
{
	if (write) {
		sqlite3_bind_text(im->stmt[S_PROJECT_ARTICLES_DEL], 1, r->v[PR_CODE].s, -1,
				  SQLITE_STATIC);
		if (tpl_run(im, S_PROJECT_ARTICLES_DEL, r) < 0)
			return false;
	}
	if (!r->v[PR_ARTICLES].set)
		return true;
	char *list = strdup(r->v[PR_ARTICLES].s), *save = NULL;
	if (!list) {
		im->db_failed = true;
		return false;
	}
	bool ok = true;
	for (char *p = strtok_r(list, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		int a;
		char para[16];
		if (!*(p = text_trim(p)))
			continue;
		if (actip_article_ref(p, &a, para, sizeof para) < 0) {
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "actip_articles",
				 "'%s' is not an ACTIP article (1 to %d), alone or with its "
				 "paragraph as in 14(6)", p, ACTIP_ARTICLES);
			ok = false;
			continue;
		}
		if (!write)
			continue;
		sqlite3_stmt *s = im->stmt[S_PROJECT_ARTICLE_INS];
		sqlite3_bind_text(s, 1, r->v[PR_CODE].s, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 2, a);
		sqlite3_bind_text(s, 3, para, -1, SQLITE_TRANSIENT);
		if (tpl_run(im, S_PROJECT_ARTICLE_INS, r) < 0)
			break;
	}
	free(list);
	return ok;
}

/* projects.csv: the focus defaults by country; outcomes must be framework codes;
 * articles must be ACTIP articles. */
static int handle_project(importer *im, const tplrow *r)
{
	if (!articles(im, r, false))
		return 0;
	if (r->v[PR_START].set && r->v[PR_END].set && r->v[PR_START].n > r->v[PR_END].n) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "end_year",
			 _("end_year %lld is before start_year %lld"), (long long)r->v[PR_END].n,
			 (long long)r->v[PR_START].n);
		return 0;
	}
	const char *focus = tpl_txt(r, PR_FOCUS);
	if (!focus)
		focus = strcmp(r->v[PR_COUNTRY].s, "ASEAN") == 0 ? "regional" : "national";
	sqlite3_stmt *s = im->stmt[S_PROJECT_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, PR_CODE));
	store_bind_text(s, 2, tpl_txt(r, PR_TITLE));
	store_bind_text(s, 3, tpl_txt(r, PR_COUNTRY));
	store_bind_text(s, 4, focus);
	store_bind_text(s, 5, tpl_txt(r, PR_PARTNER));
	tpl_bind_int_or_null(s, 6, r, PR_START);
	tpl_bind_int_or_null(s, 7, r, PR_END);
	int ch = tpl_run(im, S_PROJECT_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	tpl_link_outcomes(im, r, PR_OUTCOMES, r->v[PR_CODE].s, S_PROJECT_OUTCOMES_DEL,
		      S_PROJECT_OUTCOME_INS);
	articles(im, r, true);
	return 0;
}

/* project_status.csv */
static int handle_status(importer *im, const tplrow *r)
{
	sqlite3_stmt *s = im->stmt[S_STATUS_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, PS_PROJECT));
	sqlite3_bind_int64(s, 2, r->v[PS_YEAR].n);
	store_bind_text(s, 3, tpl_txt(r, PS_STATUS));
	store_bind_text(s, 4, tpl_txt(r, PS_NOTE));
	int ch = tpl_run(im, S_STATUS_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

/* activities.csv: the year is the start date's; the end is not before the start. */
static int handle_activity(importer *im, const tplrow *r)
{
	if (r->v[AC_END].set && strcmp(r->v[AC_END].s, r->v[AC_START].s) < 0) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "end_date",
			 _("end_date %s is before start_date %s"), r->v[AC_END].s, r->v[AC_START].s);
		return 0;
	}
	sqlite3_stmt *s = im->stmt[S_ACTIVITY_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, AC_ID));
	store_bind_text(s, 2, tpl_txt(r, AC_PROJECT));
	store_bind_text(s, 3, tpl_txt(r, AC_COUNTRY));
	store_bind_text(s, 4, tpl_txt(r, AC_TYPE));
	store_bind_text(s, 5, tpl_txt(r, AC_TITLE));
	store_bind_text(s, 6, tpl_txt(r, AC_START));
	store_bind_text(s, 7, tpl_txt(r, AC_END));
	sqlite3_bind_int(s, 8, r->v[AC_START].year);
	store_bind_text(s, 9, tpl_txt(r, AC_MODE));
	int ch = tpl_run(im, S_ACTIVITY_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	tpl_link_outcomes(im, r, AC_OUTCOMES, r->v[AC_ID].s, S_ACTIVITY_OUTCOMES_DEL,
		      S_ACTIVITY_OUTCOME_INS);
	return 0;
}

/* The highest seq stored for owner by the statement `last` (0 when none) into *n;
 * 0, or -1 on a database error (recorded against the row). */
static int last_seq(importer *im, stmt_id last, const char *owner, const tplrow *r, int64_t *n)
{
	sqlite3_stmt *s = im->stmt[last];
	sqlite3_bind_text(s, 1, owner, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0; /* max() of none is NULL: 0 */
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "-", _("cannot read the stored rows: %s"),
			 sqlite3_errmsg(im->st->db));
		im->db_failed = true;
		return -1;
	}
	return 0;
}

/* The next sequence number of an activity's rows in this run. The first time a run
 * meets an activity, the activity's stored rows are deleted: a run's rows for an
 * activity replace what was stored before (data-collection.md). In append mode they
 * stay, and the run's rows follow the highest stored seq; the run holds the write lock
 * (BEGIN IMMEDIATE), so no one else can store a row with the same seq meanwhile. */
int tpl_next_seq(importer *im, runmap *seqs, stmt_id del, stmt_id last, const char *activity,
		 const tplrow *r, int64_t *seq)
{
	int64_t n;
	if (im->hooks && im->hooks->at_seq > 0 && last != S__COUNT && im->tpl->kind) {
		/* the records API rewrites one row in its place: its kind's delete, then insert */
		sqlite3_stmt *d;
		if (store_prepare(im->st, im->tpl->kind->delete_sql, &d, NULL) < 0) {
			im->db_failed = true;
			return -1;
		}
		sqlite3_bind_text(d, 1, activity, -1, SQLITE_STATIC);
		sqlite3_bind_int64(d, 2, im->hooks->at_seq);
		int ch = tpl_step(im, d, r);
		sqlite3_finalize(d);
		if (ch < 0)
			return -1;
		*seq = im->hooks->at_seq;
		return 0;
	}
	int known = runmap_get(seqs, activity, &n);
	if (known < 0) {
		im->db_failed = true;
		return -1;
	}
	if (!known) {
		if (im->append && last != S__COUNT) {
			if (last_seq(im, last, activity, r, &n) < 0)
				return -1;
		} else {
			int gone = tpl_del_owner(im, del, activity, r);
			if (gone < 0)
				return -1;
			n = 0;
			im->replaced++;
			im->repl_seqs = seqs; /* for the summary: what each owner had and has */
			/* only owners that had rows: a first import replaces nothing (and the map
			 * held every activity of a 10M-row file, some 30 MB) */
			if (gone > 0 && runmap_put(&im->repl_old, activity, gone) < 0) {
				im->db_failed = true;
				return -1;
			}
		}
	}
	*seq = n + 1;
	if (runmap_put(seqs, activity, n + 1) < 0) {
		im->db_failed = true;
		return -1;
	}
	return !known;
}

/* A participants or feedback row just stored (seq, the owner's first in the run when
 * `first`). Past TPL_BULK_ROWS rows of a file the table's insert and delete triggers are
 * dropped until the file ends (store/bulk.c says why and how), and the first row of each
 * owner is touched instead: the UPDATE fires the table's update triggers, which refuse
 * a locked year and mark the statistics dirty for the owner, once. */
enum { TPL_BULK_ROWS = 4096 };
static int bulk_row(importer *im, const char *table, stmt_id touch, const char *owner,
		    int64_t seq, bool first, const tplrow *r)
{
	if (!store_bulk_on(im->st, table)) {
		if (im->rows < TPL_BULK_ROWS || (im->hooks && im->hooks->at_seq > 0))
			return 0;
		actip_err err = {0};
		if (store_bulk_begin(im->st, table, &err) < 0) {
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "-", "%s", err.msg);
			im->db_failed = true;
			return -1;
		}
		return 0; /* this row's triggers ran */
	}
	if (!first)
		return 0;
	sqlite3_bind_text(im->stmt[touch], 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(im->stmt[touch], 2, seq);
	return tpl_run(im, touch, r) < 0 ? -1 : 0;
}

/* The person key of data-collection.md: person_id, else e-mail, else the name key with
 * sex and country, else none. Returns a malloc'd string, or NULL for none. */
static char *person_key(const tplrow *r, bool *bad_name)
{
	*bad_name = false;
	char *key = NULL;
	if (r->v[AT_PERSON].set) {
		if (asprintf(&key, "i:%s", r->v[AT_PERSON].s) < 0)
			key = NULL;
	} else if (r->v[AT_EMAIL].set) {
		if (asprintf(&key, "e:%s", r->v[AT_EMAIL].s) >= 0)
			text_lower_ascii(key);
		else
			key = NULL;
	} else if (r->v[AT_NAME].set) {
		char *nk = text_name_key(r->v[AT_NAME].s);
		if (!nk) {
			*bad_name = true;
			return NULL;
		}
		if (asprintf(&key, "n:%s|%s|%s", nk, r->v[AT_SEX].s, r->v[AT_COUNTRY].s) < 0)
			key = NULL;
		free(nk);
	}
	return key;
}

/* Overwrites a heap string holding a clear person key before it is freed. */
static void wipe(char *s)
{
	memset(s, 0, strlen(s));
	__asm__ __volatile__("" : : "r"(s) : "memory"); /* keep the store */
}

/* participants.csv */
static int handle_attendance(importer *im, const tplrow *r)
{
	const char *act = r->v[AT_ACTIVITY].s;
	bool bad_name;
	char *key = person_key(r, &bad_name);
	if (bad_name) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "full_name",
			 _("the name has no letters to compare"));
		return 0;
	}
	bool pseudo = im->st->pseudonymised;
	if (pseudo && key) { /* pseudonymisation mode: only a keyed hash of the key is stored */
		char *p = store_person_pseudonym(im->st, key);
		wipe(key);
		free(key);
		if (!p)
			return -1;
		key = p;
	}
	int64_t seq;
	int first = tpl_next_seq(im, &im->att_seq, S_ATTENDANCE_DEL, S_ATTENDANCE_LAST, act, r, &seq);
	if (first < 0) {
		free(key);
		return -1;
	}
	sqlite3_stmt *s = im->stmt[S_ATTENDANCE_INS];
	store_bind_text_kept(s, 1, act);
	sqlite3_bind_int64(s, 2, seq);
	store_bind_text_kept(s, 3, key);
	store_bind_text_kept(s, 4, tpl_txt(r, AT_PERSON));
	store_bind_text_kept(s, 5, pseudo ? NULL : tpl_txt(r, AT_EMAIL));
	store_bind_text_kept(s, 6, pseudo ? NULL : tpl_txt(r, AT_NAME));
	store_bind_text_kept(s, 7, tpl_txt(r, AT_SEX));
	store_bind_text_kept(s, 8, tpl_txt(r, AT_COUNTRY));
	store_bind_text_kept(s, 9, tpl_txt(r, AT_ORG));
	sqlite3_bind_int(s, 10, r->v[AT_STAFF].set && r->v[AT_STAFF].n == 1);
	tpl_bind_int_or_null(s, 11, r, AT_DISABILITY);
	int ch = tpl_run(im, S_ATTENDANCE_INS, r);
	free(key);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return bulk_row(im, "attendance", S_ATTENDANCE_TOUCH, act, seq, first, r);
}

/* feedback.csv */
static int handle_feedback(importer *im, const tplrow *r)
{
	const char *act = r->v[FB_ACTIVITY].s;
	int64_t seq;
	int first = tpl_next_seq(im, &im->fb_seq, S_FEEDBACK_DEL, S_FEEDBACK_LAST, act, r, &seq);
	if (first < 0)
		return -1;
	sqlite3_stmt *s = im->stmt[S_FEEDBACK_INS];
	store_bind_text_kept(s, 1, act);
	sqlite3_bind_int64(s, 2, seq);
	store_bind_text_kept(s, 3, tpl_txt(r, FB_SEX));
	for (int c = FB_SATISFIED; c <= FB_RELEVANT; c++)
		tpl_bind_int_or_null(s, 4 + (c - FB_SATISFIED), r, c);
	store_bind_text_kept(s, 9, tpl_txt(r, FB_UNDERSTANDING));
	int ch = tpl_run(im, S_FEEDBACK_INS, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return bulk_row(im, "feedback", S_FEEDBACK_TOUCH, act, seq, first, r);
}

/* ---- as kinds of the records API (template.h, record_kind) -------------------- */

#define OUTCOMES(table, owner, id) \
	"(SELECT group_concat(outcome, ';') FROM (SELECT outcome FROM " table " WHERE " owner " = " id \
	" ORDER BY outcome))"

static const record_kind kind_framework = {
	N_("Results framework"), N_("results-framework node"),
	"SELECT json_object('code', code, 'level', level, 'parent', parent, 'title', title)"
	" FROM framework WHERE ?1 IS NULL OR code = ?1 ORDER BY code",
	"DELETE FROM framework WHERE code = ?1", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_partners = {
	N_("Partners"), N_("partner"),
	"SELECT json_object('code', code, 'name', name, 'kind', kind, 'country', country,"
	" 'started_on', started_on, 'focus', focus) FROM partner WHERE ?1 IS NULL OR code = ?1"
	" ORDER BY code",
	"DELETE FROM partner WHERE code = ?1", 0, NULL, {-1}, NULL, false, 0};

static const record_kind kind_projects = {
	N_("Projects"), N_("project"),
	"SELECT json_object('code', code, 'title', title, 'country', country, 'focus', focus,"
	" 'partner', partner, 'outcomes', " OUTCOMES("project_outcome", "project", "p.code") ","
	" 'start_year', start_year, 'end_year', end_year,"
	" 'actip_articles', (SELECT group_concat(article || CASE WHEN paragraph <> '' THEN '('"
	" || paragraph || ')' ELSE '' END, ';') FROM (SELECT article, paragraph FROM"
	" project_article WHERE project = p.code ORDER BY article, length(paragraph),"
	" paragraph))) FROM project p"
	" WHERE ?1 IS NULL OR code = ?1 ORDER BY code",
	"DELETE FROM project WHERE code = ?1", 0, NULL, {-1}, NULL, false, 0};

/* A country officer files the status of its own country's projects. */
static const record_kind kind_project_status = {
	N_("Project status"), N_("project status report"),
	"SELECT json_object('project', project, 'year', year, 'status', status, 'note', note)"
	" FROM project_status WHERE (?1 IS NULL OR project = ?1) AND (?2 IS NULL OR year = ?2)"
	" ORDER BY project, year",
	"DELETE FROM project_status WHERE project = ?1 AND year = ?2", KW_OFFICER,
	"SELECT country FROM project WHERE code = ?1", {PS_PROJECT, -1}, "year", false, 0};

/* A country officer's activities: its country, under a project of its country (or none),
 * and the stored activity's country too (it may not take over another's). */
static const record_kind kind_activities = {
	N_("Activities"), N_("activity"),
	"SELECT json_object('activity_id', id, 'project', project, 'country', country, 'type', type,"
	" 'title', title, 'start_date', start_date, 'end_date', end_date, 'mode', mode,"
	" 'outcomes', " OUTCOMES("activity_outcome", "activity", "a.id") ") FROM activity a"
	" WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
	"DELETE FROM activity WHERE id = ?1", KW_OFFICER,
	"SELECT ?2 UNION ALL SELECT country FROM project WHERE code = ?3"
	" UNION ALL SELECT country FROM activity WHERE id = ?1",
	{AC_ID, AC_COUNTRY, AC_PROJECT, -1}, "year", false, 0};

static const record_kind kind_participants = {
	N_("Participants"), N_("participant"),
	"SELECT json_object('activity_id', activity, 'seq', seq, 'person_id', person_id, 'email', email,"
	" 'full_name', full_name, 'sex', sex, 'country', country, 'organisation', organisation,"
	" 'staff', " KIND_YN("staff") ", 'disability', " KIND_YN("disability") ") FROM attendance"
	" WHERE (?1 IS NULL OR activity = ?1) AND (?2 IS NULL OR seq = ?2) ORDER BY activity, seq",
	"DELETE FROM attendance WHERE activity = ?1 AND seq = ?2", KW_OFFICER,
	"SELECT country FROM activity WHERE id = ?1", {AT_ACTIVITY, -1}, "year", true,
	1u << AT_PERSON | 1u << AT_EMAIL | 1u << AT_NAME};

static const record_kind kind_feedback = {
	N_("Feedback"), N_("feedback response"),
	"SELECT json_object('activity_id', activity, 'seq', seq, 'sex', sex,"
	" 'satisfied', " KIND_YN("satisfied") ", 'met_objectives', " KIND_YN("met_objectives") ","
	" 'met_expectations', " KIND_YN("met_expectations") ", 'improved_learning', " KIND_YN("improved_learning") ","
	" 'relevant', " KIND_YN("relevant") ", 'understanding', understanding) FROM feedback"
	" WHERE (?1 IS NULL OR activity = ?1) AND (?2 IS NULL OR seq = ?2) ORDER BY activity, seq",
	"DELETE FROM feedback WHERE activity = ?1 AND seq = ?2", KW_OFFICER,
	"SELECT country FROM activity WHERE id = ?1", {FB_ACTIVITY, -1}, "year", true, 0};

/* ---- the table --------------------------------------------------------------- */


/* The programme templates of this file. */
static const template tpl_framework = {"framework", COLS(framework_cols), KEYS(FW_CODE),
	handle_framework, end_framework, NULL, &kind_framework};
static const template tpl_partners = {"partners", COLS(partner_cols), KEYS(PA_CODE),
	handle_partner, NULL, NULL, &kind_partners};
static const template tpl_projects = {"projects", COLS(project_cols), KEYS(PR_CODE),
	handle_project, NULL, NULL, &kind_projects};
static const template tpl_project_status = {"project_status", COLS(status_cols),
	KEYS(PS_PROJECT, PS_YEAR), handle_status, NULL, NULL, &kind_project_status};
static const template tpl_activities = {"activities", COLS(activity_cols), KEYS(AC_ID),
	handle_activity, NULL, NULL, &kind_activities};
static const template tpl_participants = {"participants", COLS(attendance_cols), KEYS(-1),
	handle_attendance, NULL, "activities", &kind_participants};
static const template tpl_feedback = {"feedback", COLS(feedback_cols), KEYS(-1),
	handle_feedback, NULL, "activities", &kind_feedback};


const template *const template_table[] = {
	&tpl_settings, &tpl_framework, &tpl_partners, &tpl_projects, &tpl_project_status,
	&tpl_activities, &tpl_participants, &tpl_feedback, &tpl_achievements,
	&tpl_achievement_figures, &tpl_expenditure, &tpl_published,
	&tpl_indicators, &tpl_indicator_targets, &tpl_indicator_actuals,
	&tpl_surveys, &tpl_survey_questions, &tpl_survey_answers, &tpl_narrative, &tpl_abbreviations,
	&wp_tpl_bodies, &wp_tpl_focal_points, &wp_tpl_plans, &wp_tpl_workplan, &wp_tpl_workplan_status,
	&wp_tpl_meetings, &wp_tpl_decisions, &wp_tpl_adoption_steps, &wp_tpl_consultation_inputs,
};
const int template_count = (int)(sizeof template_table / sizeof template_table[0]);

/* By name. */
const template *template_find(const char *name)
{
	for (int i = 0; i < template_count; i++)
		if (strcmp(template_table[i]->name, name) == 0)
			return template_table[i];
	return NULL;
}
