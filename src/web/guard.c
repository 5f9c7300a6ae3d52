/* The write guards and the audit log (see guard.h). The SQL is static; the TEMP triggers
 * live only on the web server's connections, so `actip import` on the command line is
 * not affected by them. */
#include <jansson.h>
#include <string.h>

#include "core/i18n.h"
#include "core/escape.h"
#include "import/template.h"
#include "web/guard.h"

#define ACT_JSON(r) \
	"json_object('project'," r ".project,'country'," r ".country,'type'," r ".type,'title'," r \
	".title,'start_date'," r ".start_date,'end_date'," r ".end_date,'mode'," r ".mode)"

/* Trigger statements avoid INSERT OR IGNORE: the importer's UPSERT would override the
 * IGNORE (an outer statement's conflict clause wins inside triggers). */
#define TOUCH_ROW(id, country, year) \
	"INSERT INTO g_touched(activity, country, year) SELECT " id ", " country ", " year \
	" WHERE NOT EXISTS (SELECT 1 FROM g_touched WHERE activity = " id " AND country IS " country \
	" AND year IS " year ");"

#define TOUCH(act) \
	TOUCH_ROW(act, "(SELECT country FROM main.activity WHERE id = " act ")", \
		  "(SELECT year FROM main.activity WHERE id = " act ")")

#define ACT_FIRST(id, old) \
	"INSERT INTO g_activity(id, old, new) SELECT " id ", " old ", NULL WHERE NOT EXISTS " \
	"(SELECT 1 FROM g_activity WHERE id = " id ");"

#define PEOPLE(act, kind, table, delta) \
	"INSERT INTO g_people(activity, kind, old_n) SELECT " act ", '" kind "', (SELECT count(*) FROM main." table \
	" WHERE activity = " act ") " delta " WHERE NOT EXISTS (SELECT 1 FROM temp.g_people WHERE activity = " act \
	" AND kind = '" kind "');"

#define WP_JSON(r) \
	"json_object('status'," r ".status,'note'," r ".note,'reported_on'," r ".reported_on)"

#define WP_WHERE(r) " WHERE item = " r ".item AND period = " r ".period AND body = " r ".body"

/* The first record of a work-plan status row keeps its value before the transaction. */
#define WP_FIRST(r, old) \
	"INSERT INTO g_wp(item, period, body, old, new) SELECT " r ".item, " r ".period, " r ".body, " old \
	", NULL WHERE NOT EXISTS (SELECT 1 FROM g_wp" WP_WHERE(r) ");"

static const char install_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS g_touched(activity TEXT, country TEXT, year INTEGER,"
	" UNIQUE(activity, country, year));"
	"CREATE TEMP TABLE IF NOT EXISTS g_activity(id TEXT PRIMARY KEY, old TEXT, new TEXT);"
	"CREATE TEMP TABLE IF NOT EXISTS g_people(activity TEXT, kind TEXT, old_n INTEGER,"
	" PRIMARY KEY(activity, kind));"
	"CREATE TEMP TABLE IF NOT EXISTS g_wp(item TEXT, period TEXT, body TEXT, old TEXT, new TEXT,"
	" PRIMARY KEY(item, period, body));"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_wp_ins AFTER INSERT ON main.wp_status BEGIN "
	WP_FIRST("NEW", "NULL") " UPDATE g_wp SET new = " WP_JSON("NEW") WP_WHERE("NEW") "; END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_wp_upd AFTER UPDATE ON main.wp_status BEGIN "
	WP_FIRST("OLD", WP_JSON("OLD")) WP_FIRST("NEW", "NULL")
	" UPDATE g_wp SET new = NULL" WP_WHERE("OLD") ";"
	" UPDATE g_wp SET new = " WP_JSON("NEW") WP_WHERE("NEW") "; END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_wp_del AFTER DELETE ON main.wp_status BEGIN "
	WP_FIRST("OLD", WP_JSON("OLD")) " UPDATE g_wp SET new = NULL" WP_WHERE("OLD") "; END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_act_ins AFTER INSERT ON main.activity BEGIN "
	TOUCH_ROW("NEW.id", "NEW.country", "NEW.year") ACT_FIRST("NEW.id", "NULL")
	" UPDATE g_activity SET new = " ACT_JSON("NEW") " WHERE id = NEW.id; END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_act_upd AFTER UPDATE ON main.activity BEGIN "
	TOUCH_ROW("OLD.id", "OLD.country", "OLD.year") TOUCH_ROW("NEW.id", "NEW.country", "NEW.year")
	ACT_FIRST("OLD.id", ACT_JSON("OLD"))
	" UPDATE g_activity SET new = " ACT_JSON("NEW") " WHERE id = NEW.id; END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_act_del AFTER DELETE ON main.activity BEGIN "
	TOUCH_ROW("OLD.id", "OLD.country", "OLD.year") ACT_FIRST("OLD.id", ACT_JSON("OLD"))
	" UPDATE g_activity SET new = NULL WHERE id = OLD.id; END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_att_ins AFTER INSERT ON main.attendance BEGIN "
	TOUCH("NEW.activity") PEOPLE("NEW.activity", "participants", "attendance", "- 1") " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_att_del AFTER DELETE ON main.attendance BEGIN "
	TOUCH("OLD.activity") PEOPLE("OLD.activity", "participants", "attendance", "+ 1") " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_att_upd AFTER UPDATE ON main.attendance BEGIN "
	TOUCH("OLD.activity") TOUCH("NEW.activity") PEOPLE("NEW.activity", "participants", "attendance", "+ 0") " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_fb_ins AFTER INSERT ON main.feedback BEGIN "
	TOUCH("NEW.activity") PEOPLE("NEW.activity", "feedback", "feedback", "- 1") " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_fb_del AFTER DELETE ON main.feedback BEGIN "
	TOUCH("OLD.activity") PEOPLE("OLD.activity", "feedback", "feedback", "+ 1") " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS g_fb_upd AFTER UPDATE ON main.feedback BEGIN "
	TOUCH("OLD.activity") TOUCH("NEW.activity") PEOPLE("NEW.activity", "feedback", "feedback", "+ 0") " END;";

/* Installs the TEMP schema. */
int guard_install(store *st, actip_err *err)
{
	if (sqlite3_exec(st->db, install_sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, "installing the write guards", err);
	return ACTIP_OK;
}

/* Clears the trigger records. */
int guard_reset(store *st)
{
	return sqlite3_exec(st->db, "DELETE FROM temp.g_touched; DELETE FROM temp.g_activity;"
				    " DELETE FROM temp.g_people; DELETE FROM temp.g_wp;", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Kinds by role, from each kind's description (import/template.h): admins every kind;
 * country officers and focal points the kinds that name them as writers; viewers none. */
bool guard_template_allowed(const web_user *u, const char *template_name)
{
	if (u->role == ROLE_ADMIN)
		return true;
	const template *t = template_name ? template_find(template_name) : NULL;
	if (!t || !t->kind)
		return false;
	if (u->role == ROLE_COUNTRY_OFFICER)
		return (t->kind->writers & KW_OFFICER) && u->country[0];
	if (u->role == ROLE_FOCAL_POINT)
		return (t->kind->writers & KW_FOCAL) && u->body[0];
	return false;
}

/* The kind's scope rule for one record: every country (officers) or body (focal
 * points) its scope_sql gives for vals must be the user's own. */
int guard_scope(store *st, const web_user *u, const template *t, const char *const *vals,
		actip_err *err)
{
	if (u->role == ROLE_ADMIN)
		return 0;
	if (!t->kind || !t->kind->scope_sql || !guard_template_allowed(u, t->name)) {
		err_set(err, ACTIP_ERR, "your role may not change %s", t->name);
		return 403;
	}
	const char *own = u->role == ROLE_COUNTRY_OFFICER ? u->country : u->body;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, t->kind->scope_sql, -1, &s, NULL) != SQLITE_OK) {
		err_set(err, ACTIP_ERR, "cannot decide access; refused");
		return 500;
	}
	for (int i = 0; i < 4 && t->kind->scope_cols[i] >= 0; i++)
		store_bind_text(s, i + 1, vals[i]);
	int rc, status = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !status) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		if (v && strcmp(v, own) != 0) {
			err_set(err, ACTIP_ERR, "this %s belongs to %s, not to %s; nothing was stored",
				t->kind->one, v, own);
			status = 403;
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW && !status) {
		err_set(err, ACTIP_ERR, "cannot decide access; refused");
		status = 500;
	}
	sqlite3_finalize(s);
	return status;
}

/* guard_scope of an imported row (the values of the kind's scope columns). */
int guard_scope_row(store *st, const web_user *u, const template *t, const tplrow *r, actip_err *err)
{
	const char *vals[4] = {NULL, NULL, NULL, NULL};
	for (int i = 0; t->kind && i < 4 && t->kind->scope_cols[i] >= 0; i++)
		vals[i] = tpl_txt(r, t->kind->scope_cols[i]);
	return guard_scope(st, u, t, vals, err);
}

/* One number from a query with one optional text parameter; -1 on failure. */
static long long one(store *st, const char *sql, const char *param)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (param)
		sqlite3_bind_text(s, 1, param, -1, SQLITE_STATIC);
	long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return v;
}

/* Sets err and returns status when n (a count from `one`) is not zero. */
static int deny_if(long long n, int status, const char *message, actip_err *err)
{
	if (n == 0)
		return 0;
	err_set(err, ACTIP_ERR, "%s", n < 0 ? "cannot decide access; refused" : message);
	return n < 0 ? 500 : status;
}

/* Checks that the trigger records can be read (the access rules are the kinds' scope
 * rules, checked row by row as the importer stores them, and the locks the store's). */
int guard_check(store *st, const web_user *u, actip_err *err)
{
	(void)u;
	long long acts = one(st, "SELECT count(*) FROM temp.g_touched", NULL);
	long long wps = one(st, "SELECT count(*) FROM temp.g_wp", NULL);
	return acts < 0 || wps < 0 ? deny_if(-1, 500, "", err) : 0;
}

/* Audit rows for the transaction's changes. Participants and feedback are recorded as
 * counts only: names never reach the audit log. */
int guard_audit(store *st, const web_req *rq, const char *action, const char *detail)
{
	static const char *const sql[] = {
		"INSERT INTO main.audit(at, user_name, addr, action, entity, key, old_value, new_value) "
		"SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2, ?3, 'activities', id, old, new "
		"FROM temp.g_activity WHERE old IS NOT new",
		"INSERT INTO main.audit(at, user_name, addr, action, entity, key, old_value, new_value) "
		"SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2, ?3, g.kind, g.activity, "
		"json_object('count', g.old_n), json_object('count', CASE g.kind WHEN 'participants' "
		"THEN (SELECT count(*) FROM main.attendance WHERE activity = g.activity) "
		"ELSE (SELECT count(*) FROM main.feedback WHERE activity = g.activity) END) FROM temp.g_people g",
		"INSERT INTO main.audit(at, user_name, addr, action, entity, key, old_value, new_value) "
		"SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2, ?3, 'upload', ?4, NULL, "
		"json_object('activities', (SELECT count(DISTINCT activity) FROM temp.g_touched), 'workplan_reports', "
		"(SELECT count(*) FROM temp.g_wp)) WHERE ?4 IS NOT NULL",
		"INSERT INTO main.audit(at, user_name, addr, action, entity, key, old_value, new_value) "
		"SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2, ?3, 'workplan_status', "
		"item || ' ' || period || ' ' || body, old, new FROM temp.g_wp WHERE old IS NOT new",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(st->db, sql[i], -1, &s, NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_text(s, 1, rq->user.name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, rq->addr, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, action, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(s) >= 4)
			store_bind_text(s, 4, detail);
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

static const char list_sql[] =
	"SELECT id, at, user_name, addr, action, entity, key, old_value, new_value FROM audit"
	" WHERE (?2 IS NULL OR user_name = ?2) AND (?3 IS NULL OR entity = ?3) AND (?4 IS NULL OR key = ?4)"
	" AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at < date(?6, '+1 day'))"
	" ORDER BY id DESC LIMIT ?1 OFFSET ?7";

/* Prepares the list with the filter's values bound. */
static int list_prepare(store *st, const audit_filter *f, sqlite3_stmt **s)
{
	if (sqlite3_prepare_v2(st->db, list_sql, -1, s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(*s, 1, f->limit);
	const char *v[] = {f->user, f->entity, f->key, f->from, f->to};
	for (int i = 0; i < 5; i++)
		store_bind_text(*s, i + 2, v[i] && *v[i] ? v[i] : NULL);
	sqlite3_bind_int64(*s, 7, f->offset);
	return 0;
}

/* Column i as text or NULL. */
static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* The latest rows as JSON. */
int audit_list_json(store *st, const audit_filter *f, FILE *out)
{
	static const char *const keys[] = {"id", "at", "user", "addr", "action", "entity", "key", "old", "new"};
	sqlite3_stmt *s;
	if (list_prepare(st, f, &s) < 0)
		return -1;
	json_t *arr = json_array();
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		json_t *o = json_object();
		json_object_set_new(o, keys[0], json_integer(sqlite3_column_int64(s, 0)));
		for (int i = 1; i < 9; i++) {
			const char *v = col(s, i);
			json_t *j = NULL;
			if (v && i >= 7)
				j = json_loads(v, JSON_DECODE_ANY, NULL);
			json_object_set_new(o, keys[i], j ? j : v ? json_string(v) : json_null());
		}
		json_array_append_new(arr, o);
	}
	sqlite3_finalize(s);
	json_t *root = json_pack("{so}", "audit", arr);
	json_dumpf(root, out, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	json_decref(root);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The latest rows as HTML table rows. */
int audit_list_html(store *st, const audit_filter *f, FILE *out)
{
	sqlite3_stmt *s;
	if (list_prepare(st, f, &s) < 0)
		return -1;
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && ++n) {
		fputs("<tr>", out);
		for (int i = 1; i < 9; i++) {
			if (i == 3)
				continue; /* the address: in the JSON, not on the page */
			fputs(i >= 7 ? "<td class=\"val\">" : "<td>", out);
			char when[64];
			if (i == 1) /* when: in the page's language's order */
				i18n_format_date(when, sizeof when, col(s, i));
			esc_html_text(out, i == 1 ? when : col(s, i) ? col(s, i) : "");
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? n : -1;
}

/* Activity ids touched, comma-separated, for previews. */
void guard_touched_list(store *st, char *buf, size_t size, int n)
{
	sqlite3_stmt *s;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT DISTINCT activity FROM temp.g_touched ORDER BY activity LIMIT ?1",
			       -1, &s, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int(s, 1, n);
	size_t used = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && used + 2 < size) {
		int w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", col(s, 0));
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) /* a list the database cut short says so */
		snprintf(buf + used, size - used, "%s", used ? ", ..." : "...");
	sqlite3_finalize(s);
}
