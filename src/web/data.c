/* Queries behind the pages and the API (see data.h). */
#include <sodium.h>
#include <string.h>

#include "web/data.h"

#define ACT_COLS \
	"SELECT a.id, a.project, a.country, a.type, a.title, a.start_date, a.end_date, a.mode, a.year, " \
	"(SELECT count(*) FROM attendance t WHERE t.activity = a.id), " \
	"(SELECT count(*) FROM feedback b WHERE b.activity = a.id), " \
	"(SELECT group_concat(outcome, ';') FROM (SELECT outcome FROM activity_outcome o" \
	" WHERE o.activity = a.id ORDER BY outcome)) FROM activity a "

/* Fills a row from the current statement row. */
static void fill(sqlite3_stmt *s, act_row *r)
{
	r->id = (const char *)sqlite3_column_text(s, 0);
	r->project = (const char *)sqlite3_column_text(s, 1);
	r->country = (const char *)sqlite3_column_text(s, 2);
	r->type = (const char *)sqlite3_column_text(s, 3);
	r->title = (const char *)sqlite3_column_text(s, 4);
	r->start_date = (const char *)sqlite3_column_text(s, 5);
	r->end_date = (const char *)sqlite3_column_text(s, 6);
	r->mode = (const char *)sqlite3_column_text(s, 7);
	r->year = sqlite3_column_int(s, 8);
	r->participants = sqlite3_column_int64(s, 9);
	r->feedback = sqlite3_column_int64(s, 10);
	r->outcomes = (const char *)sqlite3_column_text(s, 11);
}

/* The filtered list. */
int data_activities(store *st, const act_filter *f, int limit,
		    void (*fn)(const act_row *r, void *ctx), void *ctx)
{
	static const char sql[] = ACT_COLS
		"WHERE (?1 = 0 OR a.year = ?1) AND (?2 IS NULL OR a.country = ?2) AND (?3 IS NULL OR a.type = ?3) "
		"AND (?4 IS NULL OR a.project = ?4) ORDER BY a.start_date DESC, a.id LIMIT ?5";
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(s, 1, f->year);
	store_bind_text(s, 2, f->country);
	store_bind_text(s, 3, f->type);
	store_bind_text(s, 4, f->project);
	sqlite3_bind_int(s, 5, limit);
	int n = 0, rc;
	act_row r;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill(s, &r);
		fn(&r, ctx);
		n++;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? n : -1;
}

/* One activity. */
int data_activity(store *st, const char *id, void (*fn)(const act_row *r, void *ctx), void *ctx)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, ACT_COLS "WHERE a.id = ?1", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		act_row r;
		fill(s, &r);
		fn(&r, ctx);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Hashes the fields of an activity, each followed by a NUL (0xff for NULL). */
void data_act_version(const act_row *r, char out[33])
{
	const char *f[] = {r->id,         r->project,  r->country, r->type,
			   r->title,      r->start_date, r->end_date, r->mode, r->outcomes};
	crypto_generichash_state h;
	unsigned char md[16];
	crypto_generichash_init(&h, NULL, 0, sizeof md);
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		static const unsigned char nul = 0, null_mark = 0xff;
		if (f[i])
			crypto_generichash_update(&h, (const unsigned char *)f[i], strlen(f[i]));
		crypto_generichash_update(&h, f[i] ? &nul : &null_mark, 1);
	}
	crypto_generichash_final(&h, md, sizeof md);
	sodium_bin2hex(out, 33, md, sizeof md);
}

/* Hashes text. */
void data_text_version(const void *text, size_t len, char out[33])
{
	unsigned char md[16];
	crypto_generichash(md, sizeof md, text, len, NULL, 0);
	sodium_bin2hex(out, 33, md, sizeof md);
}

/* Keeps the version of the row. */
static void keep_version(const act_row *r, void *ctx)
{
	data_act_version(r, ctx);
}

/* The stored activity's version. */
int data_activity_version(store *st, const char *id, char out[33])
{
	out[0] = '\0';
	return data_activity(st, id, keep_version, out);
}

/* Admins, and the officer of the activity's country. */
bool data_may_edit(const web_user *u, const char *country)
{
	if (u->role == ROLE_ADMIN)
		return true;
	return u->role == ROLE_COUNTRY_OFFICER && country && strcmp(u->country, country) == 0;
}

/* Counts and yes-shares of an activity's feedback. */
int data_feedback_summary(store *st, const char *id, fb_summary *out)
{
	static const char sql[] =
		"SELECT count(*), count(*) FILTER (WHERE sex='female'), count(*) FILTER (WHERE sex='male'), "
		"count(*) FILTER (WHERE sex='other'), "
		"sum(satisfied), count(satisfied), sum(met_objectives), count(met_objectives), "
		"sum(met_expectations), count(met_expectations), sum(improved_learning), count(improved_learning), "
		"sum(relevant), count(relevant) FROM feedback WHERE activity = ?1";
	sqlite3_stmt *s;
	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->respondents = sqlite3_column_int64(s, 0);
		out->female = sqlite3_column_int64(s, 1);
		out->male = sqlite3_column_int64(s, 2);
		out->other = sqlite3_column_int64(s, 3);
		for (int i = 0; i < 5; i++) {
			long long yes = sqlite3_column_int64(s, 4 + 2 * i), n = sqlite3_column_int64(s, 5 + 2 * i);
			out->pct[i] = n ? (int)((yes * 200 + n) / (2 * n)) : -1; /* half away from zero */
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Participants of an activity. */
int data_participants(store *st, const char *id, sqlite3_stmt **out)
{
	if (sqlite3_prepare_v2(st->db,
			       "SELECT seq, person_id, email, full_name, sex, country, organisation, staff, disability "
			       "FROM attendance WHERE activity = ?1 ORDER BY seq", -1, out, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(*out, 1, id, -1, SQLITE_TRANSIENT);
	return 0;
}

/* The years and their approval. */
int data_periods(store *st, sqlite3_stmt **out)
{
	return store_cached(st,
			    "SELECT y.year, p.approved_by, p.approved_at FROM (SELECT DISTINCT year FROM activity "
			    "UNION SELECT year FROM period) y LEFT JOIN period p ON p.year = y.year "
			    "ORDER BY y.year DESC", out) == SQLITE_OK ? 0 : -1;
}

/* Projects for select lists. */
int data_projects(store *st, sqlite3_stmt **out)
{
	return sqlite3_prepare_v2(st->db, "SELECT code, title FROM project ORDER BY code", -1, out, NULL) ==
		SQLITE_OK ? 0 : -1;
}

/* The newest year with activities. */
int data_latest_year(store *st)
{
	sqlite3_stmt *s;
	if (store_cached(st, "SELECT coalesce(max(year), 0) FROM activity", &s) != SQLITE_OK)
		return 0;
	int y = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	store_release(st, s);
	return y;
}
