/* Computing, storing and reading the per-year participant statistics. */
#include "store/stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"

const char *const stats_sexes[STATS_SEXES] = {"female", "male", "other"};

/* Index of a sex word. */
int stats_sex_index(const char *sex)
{
	for (int i = 0; i < STATS_SEXES; i++)
		if (sex && strcmp(sex, stats_sexes[i]) == 0)
			return i;
	return -1;
}

/* Index of a country code in country_table, or -1. */
static int country_index(const char *code)
{
	for (int i = 0; code && country_table[i].code && i < STATS_COUNTRIES; i++)
		if (strcmp(country_table[i].code, code) == 0)
			return i;
	return -1;
}

/* The earliest attendance seen so far for one person in one pass. */
typedef struct first {
	bool set;
	char date[16];
	char act[80];
	int64_t seq;
	int country, sex;
	int64_t n;
} first;

/* True when (date, act, seq) comes before f's. */
static bool earlier(const first *f, const char *date, const char *act, int64_t seq)
{
	if (!f->set)
		return true;
	int c = strcmp(date, f->date);
	if (c == 0)
		c = strcmp(act, f->act);
	return c < 0 || (c == 0 && seq < f->seq);
}

/* Records an attendance in a pass. */
static void see(first *f, const char *date, const char *act, int64_t seq, int country, int sex)
{
	f->n++;
	if (!earlier(f, date, act, seq))
		return;
	f->set = true;
	snprintf(f->date, sizeof f->date, "%s", date);
	snprintf(f->act, sizeof f->act, "%s", act);
	f->seq = seq;
	f->country = country;
	f->sex = sex;
}

/* Adds a finished person to the counts and resets the pass. */
static void flush(first *f, stats_cell cells[STATS_COUNTRIES][STATS_SEXES])
{
	if (f->set && f->country >= 0 && f->sex >= 0) {
		cells[f->country][f->sex].attendances += f->n;
		cells[f->country][f->sex].persons++;
	}
	memset(f, 0, sizeof *f);
}

/* What one person's capacity development records name, for the disability breakdown:
 * the countries of their records (bits of country indices) and of those reporting a
 * disability, and whether any record has a country outside the table. */
typedef struct dis_person {
	uint32_t cd, cd_dis;
	bool any_cd, any_cd_dis;
} dis_person;

/* Adds a finished person to the disability counts and resets it. */
static void flush_dis(dis_person *p, stats_disability dis[STATS_COUNTRIES + 1])
{
	for (int c = 0; c < STATS_COUNTRIES; c++) {
		dis[c].trained += (p->cd >> c) & 1u;
		dis[c].dis_trained += (p->cd_dis >> c) & 1u;
	}
	dis[STATS_COUNTRIES].trained += p->any_cd;
	dis[STATS_COUNTRIES].dis_trained += p->any_cd_dis;
	memset(p, 0, sizeof *p);
}

/* One person's attendances of one year, seen one by one in any order: the earliest
 * overall and at capacity development, and the countries for the disability breakdown. */
typedef struct person_acc {
	first all, cd;
	dis_person dp;
} person_acc;

/* The columns every statistics query selects from its first column on: activity start
 * date, activity id, row seq, country, sex, capacity development (0/1), disability (0/1). */
static void person_see(person_acc *p, stats_counts *out, sqlite3_stmt *s)
{
	const char *date = (const char *)sqlite3_column_text(s, 0);
	const char *act = (const char *)sqlite3_column_text(s, 1);
	int64_t seq = sqlite3_column_int64(s, 2);
	int country = country_index((const char *)sqlite3_column_text(s, 3));
	int sex = stats_sex_index((const char *)sqlite3_column_text(s, 4));
	bool is_cd = sqlite3_column_int(s, 5), is_dis = sqlite3_column_int(s, 6);
	see(&p->all, date ? date : "", act ? act : "", seq, country, sex);
	if (is_cd)
		see(&p->cd, date ? date : "", act ? act : "", seq, country, sex);
	for (int k = 0; k < 2; k++) { /* the record's country, then the total */
		int c = k ? STATS_COUNTRIES : country;
		if (c < 0)
			continue;
		out->dis[c].attendances++;
		out->dis[c].dis_attendances += is_dis;
	}
	if (is_cd) {
		uint32_t bit = country >= 0 ? 1u << country : 0;
		p->dp.cd |= bit;
		p->dp.any_cd = true;
		if (is_dis) {
			p->dp.cd_dis |= bit;
			p->dp.any_cd_dis = true;
		}
	}
}

/* Adds a finished person to the counts and resets the accumulator. */
static void person_flush(person_acc *p, stats_counts *out)
{
	flush(&p->all, out->cell[0]);
	flush(&p->cd, out->cell[1]);
	flush_dis(&p->dp, out->dis);
}

/* One pass over the year's attendances sorted by person. */
int store_stats_compute(store *st, int year, stats_counts *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (store_prepare(st,
			  "SELECT v.start_date, v.id, a.seq, a.country, a.sex,"
			  " v.type = 'capacity_development', a.disability = 1,"
			  " COALESCE(a.person_key, 'row:' || a.activity || ':' || a.seq) AS pk"
			  " FROM activity v JOIN attendance a ON a.activity = v.id"
			  " WHERE v.year = ?1 AND a.staff = 0 ORDER BY pk",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	char *pk = NULL;
	size_t pkcap = 0;
	person_acc p = {0};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 7);
		size_t klen = (size_t)sqlite3_column_bytes(s, 7);
		if (!pk || strcmp(pk, k) != 0) {
			person_flush(&p, out);
			if (klen + 1 > pkcap) {
				char *n = realloc(pk, klen + 1);
				if (!n) {
					rc = SQLITE_NOMEM;
					break;
				}
				pk = n;
				pkcap = klen + 1;
			}
			memcpy(pk, k, klen + 1);
		}
		person_see(&p, out, s);
	}
	person_flush(&p, out);
	free(pk);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "computing participant statistics", err);
	return ACTIP_OK;
}

/* Reads the stored counts of a year. */
int store_stats_read(store *st, int year, stats_counts *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT trained, country, sex, attendances, persons FROM stats_people"
			      " WHERE year = ?1", &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int t = sqlite3_column_int(s, 0) ? 1 : 0;
		int c = country_index((const char *)sqlite3_column_text(s, 1));
		int x = stats_sex_index((const char *)sqlite3_column_text(s, 2));
		if (c < 0 || x < 0)
			continue;
		out->cell[t][c][x].attendances = sqlite3_column_int64(s, 3);
		out->cell[t][c][x].persons = sqlite3_column_int64(s, 4);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "reading participant statistics", err);
	if (store_prepare(st, "SELECT country, dis_attendances, attendances, dis_trained, trained"
			      " FROM stats_disability WHERE year = ?1", &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(s, 0);
		int c = code && strcmp(code, "TOTAL") == 0 ? STATS_COUNTRIES : country_index(code);
		if (c < 0)
			continue;
		stats_disability *d = &out->dis[c];
		d->dis_attendances = sqlite3_column_int64(s, 1);
		d->attendances = sqlite3_column_int64(s, 2);
		d->dis_trained = sqlite3_column_int64(s, 3);
		d->trained = sqlite3_column_int64(s, 4);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "reading the disability statistics", err);
	return ACTIP_OK;
}

/* Steps a write statement once and resets it. */
static int step_once(store *st, sqlite3_stmt *s, const char *doing, actip_err *err)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? ACTIP_OK : store_error(st, doing, err);
}

/* Stores one year's counts in place of what it had and clears its dirty flag. */
static int store_year(store *st, int year, const stats_counts *cp, sqlite3_stmt *const stmts[5], actip_err *err)
{
	sqlite3_stmt *del = stmts[0], *ins = stmts[1], *clean = stmts[2], *del_dis = stmts[3], *ins_dis = stmts[4];
	const stats_counts c = *cp;
	sqlite3_bind_int(del, 1, year);
	sqlite3_bind_int(del_dis, 1, year);
	if (step_once(st, del, "clearing statistics", err) < 0 ||
	    step_once(st, del_dis, "clearing statistics", err) < 0)
		return ACTIP_ERR;
	for (int k = 0; k <= STATS_COUNTRIES; k++) {
		if (k < STATS_COUNTRIES && !country_table[k].code)
			k = STATS_COUNTRIES; /* past the table's last country: the total */
		const stats_disability *d = &c.dis[k];
		if (d->attendances == 0)
			continue;
		sqlite3_bind_int(ins_dis, 1, year);
		sqlite3_bind_text(ins_dis, 2, k < STATS_COUNTRIES ? country_table[k].code : "TOTAL", -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins_dis, 3, d->dis_attendances);
		sqlite3_bind_int64(ins_dis, 4, d->attendances);
		sqlite3_bind_int64(ins_dis, 5, d->dis_trained);
		sqlite3_bind_int64(ins_dis, 6, d->trained);
		if (step_once(st, ins_dis, "storing statistics", err) < 0)
			return ACTIP_ERR;
	}
	for (int t = 0; t < 2; t++)
		for (int k = 0; k < STATS_COUNTRIES && country_table[k].code; k++)
			for (int x = 0; x < STATS_SEXES; x++) {
				const stats_cell *cell = &c.cell[t][k][x];
				if (cell->persons == 0)
					continue;
				sqlite3_bind_int(ins, 1, year);
				sqlite3_bind_int(ins, 2, t);
				sqlite3_bind_text(ins, 3, country_table[k].code, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins, 4, stats_sexes[x], -1, SQLITE_STATIC);
				sqlite3_bind_int64(ins, 5, cell->attendances);
				sqlite3_bind_int64(ins, 6, cell->persons);
				if (step_once(st, ins, "storing statistics", err) < 0)
					return ACTIP_ERR;
			}
	sqlite3_bind_int(clean, 1, year);
	return step_once(st, clean, "clearing the dirty flag", err);
}

/* Recomputes and stores one year. */
static int refresh_year(store *st, int year, sqlite3_stmt *const stmts[5], actip_err *err)
{
	stats_counts c;
	if (store_stats_compute(st, year, &c, err) < 0)
		return ACTIP_ERR;
	return store_year(st, year, &c, stmts, err);
}

/* ---- a small write's statistics, person by person ------------------------------
 *
 * Recomputing a year sorts all its attendances: seconds for a million, however few
 * rows a write changed. A small write instead updates the stored counts for the people
 * whose rows it touched: each one's contribution is computed as it was before the
 * write and as it is now (their rows found through attendance_person, migration 18),
 * and the difference applied. Temporary triggers of this connection record, during the
 * transaction, the rows it inserted (stats_new) and the rows it deleted or updated as
 * they were before it (stats_gone). A write that changes an activity's year, type,
 * start date or id, or deletes one, a transaction that began with a year already dirty,
 * and one that touched more than STATS_TRACK_MAX rows are not tracked: their years are
 * recomputed whole, as before. */

enum { STATS_TRACK_MAX = 4096, STATS_TRACK_YEARS = 8 };

/* A row deleted or changed: kept as it was, unless this write inserted it. */
#define STATS_GONE \
	" INSERT INTO stats_gone SELECT OLD.activity, OLD.seq, OLD.person_key, OLD.country, OLD.sex," \
	" OLD.staff, OLD.disability WHERE NOT EXISTS (SELECT 1 FROM stats_new" \
	" WHERE activity = OLD.activity AND seq = OLD.seq);" \
	" DELETE FROM stats_new WHERE activity = OLD.activity AND seq = OLD.seq; END;"

static const char stats_track_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS stats_new (activity TEXT, seq INTEGER,"
	" PRIMARY KEY (activity, seq)) WITHOUT ROWID;"
	"CREATE TEMP TABLE IF NOT EXISTS stats_gone (activity TEXT, seq INTEGER, person_key TEXT,"
	" country TEXT, sex TEXT, staff INTEGER, disability INTEGER);"
	"CREATE INDEX IF NOT EXISTS temp.stats_gone_person ON stats_gone(person_key);"
	"CREATE TEMP TABLE IF NOT EXISTS stats_untracked (why TEXT);"
	"CREATE TEMP TRIGGER IF NOT EXISTS stats_track_ins AFTER INSERT ON main.attendance BEGIN"
	" INSERT OR IGNORE INTO stats_new VALUES (NEW.activity, NEW.seq); END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS stats_track_del BEFORE DELETE ON main.attendance BEGIN"
	STATS_GONE
	"CREATE TEMP TRIGGER IF NOT EXISTS stats_track_upd_old BEFORE UPDATE ON main.attendance BEGIN"
	STATS_GONE
	"CREATE TEMP TRIGGER IF NOT EXISTS stats_track_upd_new AFTER UPDATE ON main.attendance BEGIN"
	" INSERT OR IGNORE INTO stats_new VALUES (NEW.activity, NEW.seq); END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS stats_track_act_upd AFTER UPDATE OF id, year, type, start_date"
	" ON main.activity WHEN OLD.id IS NOT NEW.id OR OLD.year IS NOT NEW.year"
	" OR OLD.type IS NOT NEW.type OR OLD.start_date IS NOT NEW.start_date BEGIN"
	" INSERT INTO stats_untracked VALUES ('activity'); END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS stats_track_act_del AFTER DELETE ON main.activity BEGIN"
	" INSERT INTO stats_untracked VALUES ('activity'); END;"
	"DELETE FROM stats_new; DELETE FROM stats_gone; DELETE FROM stats_untracked;"
	"INSERT INTO stats_untracked SELECT 'dirty' WHERE EXISTS (SELECT 1 FROM main.stats_dirty);";

static const char stats_untrack_sql[] =
	"INSERT INTO stats_untracked VALUES ('bulk');"
	"DROP TRIGGER IF EXISTS stats_track_ins; DROP TRIGGER IF EXISTS stats_track_del;"
	"DROP TRIGGER IF EXISTS stats_track_upd_old; DROP TRIGGER IF EXISTS stats_track_upd_new;";

void store_stats_track_begin(store *st)
{
	/* On a database older than the index, or without the programme's tables (a
	 * migration running), nothing is tracked and dirty years are recomputed whole. */
	st->stats_track = false;
	if (!st->capture)
		return;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sqlite_master WHERE type = 'index'"
				       " AND name = 'attendance_person'", -1, &s, NULL) != SQLITE_OK)
		return;
	bool indexed = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	st->stats_track = indexed && sqlite3_exec(st->db, stats_track_sql, NULL, NULL, NULL) == SQLITE_OK;
}

void store_stats_track_check(store *st)
{
	if (!st->stats_track)
		return;
	sqlite3_stmt *s;
	int64_t n = STATS_TRACK_MAX + 1;
	if (sqlite3_prepare_v2(st->db, "SELECT (SELECT count(*) FROM temp.stats_new)"
				       " + (SELECT count(*) FROM temp.stats_gone)", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	if (n <= STATS_TRACK_MAX)
		return;
	/* A bulk write: the triggers are dropped for the rest of the transaction (a
	 * rollback brings them back; store_stats_track_begin recreates them anyway). */
	if (sqlite3_exec(st->db, stats_untrack_sql, NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(st->db, "INSERT INTO temp.stats_untracked VALUES ('bulk')", NULL, NULL, NULL);
	st->stats_track = false;
	/* Keeping attendance_person current row by row made a million-row import 50%
	 * slower (random inserts into a 40 MB index); it is dropped now and built once,
	 * sorted, before the write commits. Its definition is read back from the schema,
	 * so that migration 18 stays the one place that says what it is. */
	if (sqlite3_prepare_v2(st->db, "SELECT sql FROM sqlite_master WHERE type = 'index'"
				       " AND name = 'attendance_person'", -1, &s, NULL) != SQLITE_OK)
		return;
	char *sql = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)
			    ? strdup((const char *)sqlite3_column_text(s, 0)) : NULL;
	sqlite3_finalize(s);
	if (sql && sqlite3_exec(st->db, "DROP INDEX attendance_person", NULL, NULL, NULL) == SQLITE_OK) {
		free(st->stats_reindex);
		st->stats_reindex = sql;
	} else {
		free(sql);
	}
}

int store_stats_track_finish(store *st, actip_err *err)
{
	if (!st->stats_reindex)
		return ACTIP_OK;
	int rc = sqlite3_exec(st->db, st->stats_reindex, NULL, NULL, NULL);
	free(st->stats_reindex);
	st->stats_reindex = NULL;
	return rc == SQLITE_OK ? ACTIP_OK : store_error(st, "building the index of people", err);
}

/* counts += sign * d, field by field. */
static void counts_add(stats_counts *counts, const stats_counts *d, int sign)
{
	for (int t = 0; t < 2; t++)
		for (int c = 0; c < STATS_COUNTRIES; c++)
			for (int x = 0; x < STATS_SEXES; x++) {
				counts->cell[t][c][x].attendances += sign * d->cell[t][c][x].attendances;
				counts->cell[t][c][x].persons += sign * d->cell[t][c][x].persons;
			}
	for (int c = 0; c <= STATS_COUNTRIES; c++) {
		counts->dis[c].attendances += sign * d->dis[c].attendances;
		counts->dis[c].dis_attendances += sign * d->dis[c].dis_attendances;
		counts->dis[c].trained += sign * d->dis[c].trained;
		counts->dis[c].dis_trained += sign * d->dis[c].dis_trained;
	}
}

/* True when no count went below zero (the stored counts were what the rows said). */
static bool counts_sane(const stats_counts *c)
{
	for (int t = 0; t < 2; t++)
		for (int k = 0; k < STATS_COUNTRIES; k++)
			for (int x = 0; x < STATS_SEXES; x++)
				if (c->cell[t][k][x].attendances < 0 || c->cell[t][k][x].persons < 0)
					return false;
	for (int k = 0; k <= STATS_COUNTRIES; k++)
		if (c->dis[k].attendances < 0 || c->dis[k].dis_attendances < 0 || c->dis[k].trained < 0 ||
		    c->dis[k].dis_trained < 0)
			return false;
	return true;
}

/* One touched year: the counts of its touched people before and after the write. */
typedef struct touched_year {
	int year;
	stats_counts before, after;
} touched_year;

/* A person's rows now; the last column: inserted by this write. */
#define NOW_ROWS \
	"SELECT v.start_date, v.id, a.seq, a.country, a.sex, v.type = 'capacity_development'," \
	" a.disability = 1, EXISTS (SELECT 1 FROM temp.stats_new n" \
	" WHERE n.activity = a.activity AND n.seq = a.seq)" \
	" FROM attendance a JOIN activity v ON v.id = a.activity"
/* A person's rows as they were, of those the write deleted or changed. */
#define GONE_ROWS \
	"SELECT v.start_date, v.id, g.seq, g.country, g.sex, v.type = 'capacity_development'," \
	" g.disability = 1 FROM temp.stats_gone g JOIN activity v ON v.id = g.activity"

/* The statements of apply_tracked; [0] lists the touched people. */
enum { Q_TOUCHED, Q_NOW_KEY, Q_NOW_ROW, Q_GONE_KEY, Q_GONE_ROW, Q_N };
static const char *const tracked_sql[Q_N] = {
	"SELECT DISTINCT v.year, t.person_key,"
	" CASE WHEN t.person_key IS NULL THEN t.activity END,"
	" CASE WHEN t.person_key IS NULL THEN t.seq END"
	" FROM (SELECT activity, seq, person_key FROM temp.stats_gone UNION ALL"
	" SELECT a.activity, a.seq, a.person_key FROM temp.stats_new n"
	" JOIN attendance a ON a.activity = n.activity AND a.seq = n.seq) t"
	" JOIN activity v ON v.id = t.activity",
	NOW_ROWS
	" WHERE a.person_key = ?1 AND v.year = ?2 AND a.staff = 0",
	NOW_ROWS
	" WHERE a.activity = ?3 AND a.seq = ?4 AND a.person_key IS NULL AND v.year = ?2 AND a.staff = 0",
	GONE_ROWS
	" WHERE g.person_key = ?1 AND v.year = ?2 AND g.staff = 0",
	GONE_ROWS
	" WHERE g.activity = ?3 AND g.seq = ?4 AND g.person_key IS NULL AND v.year = ?2 AND g.staff = 0",
};

/* Feeds one touched person's rows, now and as they were, to ty's two counts. */
static int person_delta(store *st, sqlite3_stmt *const q[Q_N], touched_year *ty, actip_err *err)
{
	bool keyed = sqlite3_column_type(q[Q_TOUCHED], 1) != SQLITE_NULL;
	person_acc before = {0}, after = {0};
	sqlite3_stmt *now = q[keyed ? Q_NOW_KEY : Q_NOW_ROW], *gone = q[keyed ? Q_GONE_KEY : Q_GONE_ROW];
	for (int k = 0; k < 2; k++) {
		sqlite3_stmt *s = k ? gone : now;
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (keyed)
			sqlite3_bind_value(s, 1, sqlite3_column_value(q[Q_TOUCHED], 1));
		sqlite3_bind_int(s, 2, ty->year);
		if (!keyed) {
			sqlite3_bind_value(s, 3, sqlite3_column_value(q[Q_TOUCHED], 2));
			sqlite3_bind_value(s, 4, sqlite3_column_value(q[Q_TOUCHED], 3));
		}
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (k == 0) {
				person_see(&after, &ty->after, s);
				if (!sqlite3_column_int(s, 7))
					person_see(&before, &ty->before, s);
			} else {
				person_see(&before, &ty->before, s);
			}
		}
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return store_error(st, "updating participant statistics", err);
	}
	person_flush(&after, &ty->after);
	person_flush(&before, &ty->before);
	return ACTIP_OK;
}

/* Applies a tracked write's difference to the stored counts of the years it touched
 * and clears their flags; leaves every year it cannot account for dirty. */
static int apply_tracked(store *st, sqlite3_stmt *const st5[5], actip_err *err)
{
	if (!st->stats_track)
		return ACTIP_OK;
	store_stats_track_check(st); /* too large, or untracked: recomputed whole */
	if (!st->stats_track)
		return ACTIP_OK;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT EXISTS (SELECT 1 FROM temp.stats_untracked)", &s, err) < 0)
		return ACTIP_ERR;
	bool untracked = sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (untracked)
		return ACTIP_OK;
	sqlite3_stmt *q[Q_N] = {NULL};
	touched_year *ty = NULL;
	int nty = 0, rc = ACTIP_OK;
	for (int i = 0; i < Q_N; i++)
		if (store_prepare(st, tracked_sql[i], &q[i], err) < 0) {
			rc = ACTIP_ERR;
			goto done;
		}
	ty = calloc(STATS_TRACK_YEARS, sizeof *ty);
	if (!ty) {
		rc = err_set(err, ACTIP_ERR, "out of memory");
		goto done;
	}
	int step;
	while (rc == ACTIP_OK && (step = sqlite3_step(q[Q_TOUCHED])) == SQLITE_ROW) {
		int year = sqlite3_column_int(q[Q_TOUCHED], 0), i = 0;
		while (i < nty && ty[i].year != year)
			i++;
		if (i == STATS_TRACK_YEARS)
			goto done; /* too many years for this path: recomputed whole */
		if (i == nty)
			ty[nty++].year = year;
		rc = person_delta(st, q, &ty[i], err);
	}
	if (rc == ACTIP_OK && step != SQLITE_DONE)
		rc = store_error(st, "listing the people a write touched", err);
	for (int i = 0; rc == ACTIP_OK && i < nty; i++) {
		stats_counts c;
		if (store_stats_read(st, ty[i].year, &c, err) < 0) {
			rc = ACTIP_ERR;
			break;
		}
		counts_add(&c, &ty[i].before, -1);
		counts_add(&c, &ty[i].after, +1);
		if (counts_sane(&c)) /* else left dirty, recomputed whole */
			rc = store_year(st, ty[i].year, &c, st5, err);
	}
done:
	free(ty);
	for (int i = 0; i < Q_N; i++)
		sqlite3_finalize(q[i]);
	return rc;
}

/* Counts the flagged activities' feedback again (migration 19) and clears the flags. */
static int refresh_feedback(store *st, actip_err *err)
{
	static const char sql[] =
		"DELETE FROM feedback_counts WHERE activity IN (SELECT activity FROM feedback_dirty);"
		"INSERT INTO feedback_counts SELECT activity, " STATS_FEEDBACK_COUNTS
		" FROM feedback WHERE activity IN (SELECT activity FROM feedback_dirty) GROUP BY activity;"
		"DELETE FROM feedback_dirty;";
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, "counting feedback", err);
	return ACTIP_OK;
}

int store_feedback_fresh(store *st, bool *fresh, actip_err *err)
{
	sqlite3_stmt *s;
	*fresh = false;
	if (store_prepare(st, "SELECT EXISTS (SELECT 1 FROM feedback_dirty)", &s, err) < 0)
		return ACTIP_ERR;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*fresh = sqlite3_column_int(s, 0) == 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? ACTIP_OK : store_error(st, "reading the feedback flags", err);
}

/* Recomputes every dirty year, one at a time (each removes its own flag). The sort
 * behind store_stats_compute may use as much memory as the page cache, on top of it;
 * the cache is shrunk while it runs so that a large import stays within its memory
 * budget (a 1M-row import peaked at 91 MB with the import's 32 MiB cache). */
int store_stats_refresh(store *st, actip_err *err)
{
	if (st->batch) /* once, when the batch commits (store_batch_end) */
		return ACTIP_OK;
	/* delete, insert, clean the flag, delete and insert the disability counts */
	sqlite3_stmt *years = NULL, *st5[5] = {NULL};
	int rc = ACTIP_OK;
	if (sqlite3_exec(st->db, "PRAGMA cache_size = -4096", NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, "sizing the page cache", err);
	if (store_stats_track_finish(st, err) < 0) { /* its sort, too, within the smaller cache */
		rc = ACTIP_ERR;
		goto done;
	}
	if (store_prepare(st, "SELECT min(year) FROM stats_dirty", &years, err) < 0 ||
	    store_prepare(st, "DELETE FROM stats_people WHERE year = ?1", &st5[0], err) < 0 ||
	    store_prepare(st, "INSERT INTO stats_people(year, trained, country, sex, attendances,"
			      " persons) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st5[1], err) < 0 ||
	    store_prepare(st, "DELETE FROM stats_dirty WHERE year = ?1", &st5[2], err) < 0 ||
	    store_prepare(st, "DELETE FROM stats_disability WHERE year = ?1", &st5[3], err) < 0 ||
	    store_prepare(st, "INSERT INTO stats_disability(year, country, dis_attendances, attendances,"
			      " dis_trained, trained) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st5[4], err) < 0) {
		rc = ACTIP_ERR;
		goto done;
	}
	rc = apply_tracked(st, st5, err);
	if (rc == ACTIP_OK)
		rc = refresh_feedback(st, err);
	while (rc == ACTIP_OK) {
		int s = sqlite3_step(years);
		bool more = s == SQLITE_ROW && sqlite3_column_type(years, 0) != SQLITE_NULL;
		int year = more ? sqlite3_column_int(years, 0) : 0;
		sqlite3_reset(years);
		if (s != SQLITE_ROW) {
			rc = store_error(st, "reading the statistics flags", err);
			break;
		}
		if (!more)
			break;
		rc = refresh_year(st, year, st5, err);
	}
done:
	sqlite3_finalize(years);
	for (int i = 0; i < 5; i++)
		sqlite3_finalize(st5[i]);
	if (sqlite3_exec(st->db, "PRAGMA cache_size = " STORE_WRITE_CACHE, NULL, NULL, NULL) != SQLITE_OK &&
	    rc == ACTIP_OK)
		rc = store_error(st, "sizing the page cache", err);
	return rc;
}

/* A year is fresh when no trigger flagged it since the last refresh. */
int store_stats_fresh(store *st, int year, bool *fresh, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT 1 FROM stats_dirty WHERE year = ?1", &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, "reading the statistics flags", err);
	*fresh = rc == SQLITE_DONE;
	return ACTIP_OK;
}
