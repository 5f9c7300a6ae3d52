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

/* One pass over the year's attendances sorted by person. */
int store_stats_compute(store *st, int year, stats_counts *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (store_prepare(st,
			  "SELECT COALESCE(a.person_key, 'row:' || a.activity || ':' || a.seq) AS pk,"
			  " v.start_date, v.id, a.seq, a.country, a.sex,"
			  " v.type = 'capacity_development', a.disability = 1"
			  " FROM activity v JOIN attendance a ON a.activity = v.id"
			  " WHERE v.year = ?1 AND a.staff = 0 ORDER BY pk",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	char *pk = NULL;
	size_t pkcap = 0;
	first all = {0}, cd = {0};
	dis_person dp = {0};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		size_t klen = (size_t)sqlite3_column_bytes(s, 0);
		if (!pk || strcmp(pk, k) != 0) {
			flush(&all, out->cell[0]);
			flush(&cd, out->cell[1]);
			flush_dis(&dp, out->dis);
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
		const char *date = (const char *)sqlite3_column_text(s, 1);
		const char *act = (const char *)sqlite3_column_text(s, 2);
		int64_t seq = sqlite3_column_int64(s, 3);
		int country = country_index((const char *)sqlite3_column_text(s, 4));
		int sex = stats_sex_index((const char *)sqlite3_column_text(s, 5));
		see(&all, date, act, seq, country, sex);
		bool is_cd = sqlite3_column_int(s, 6), is_dis = sqlite3_column_int(s, 7);
		if (is_cd)
			see(&cd, date, act, seq, country, sex);
		for (int k = 0; k < 2; k++) { /* the record's country, then the total */
			int c = k ? STATS_COUNTRIES : country;
			if (c < 0)
				continue;
			out->dis[c].attendances++;
			out->dis[c].dis_attendances += is_dis;
		}
		if (is_cd) {
			uint32_t bit = country >= 0 ? 1u << country : 0;
			dp.cd |= bit;
			dp.any_cd = true;
			if (is_dis) {
				dp.cd_dis |= bit;
				dp.any_cd_dis = true;
			}
		}
	}
	flush(&all, out->cell[0]);
	flush(&cd, out->cell[1]);
	flush_dis(&dp, out->dis);
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

/* Recomputes and stores one year. */
static int refresh_year(store *st, int year, sqlite3_stmt *const stmts[5], actip_err *err)
{
	sqlite3_stmt *del = stmts[0], *ins = stmts[1], *clean = stmts[2], *del_dis = stmts[3], *ins_dis = stmts[4];
	stats_counts c;
	if (store_stats_compute(st, year, &c, err) < 0)
		return ACTIP_ERR;
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

/* Recomputes every dirty year, one at a time (each removes its own flag). The sort
 * behind store_stats_compute may use as much memory as the page cache, on top of it;
 * the cache is shrunk while it runs so that a large import stays within its memory
 * budget (a 1M-row import peaked at 91 MB with the import's 32 MiB cache). */
int store_stats_refresh(store *st, actip_err *err)
{
	/* delete, insert, clean the flag, delete and insert the disability counts */
	sqlite3_stmt *years = NULL, *st5[5] = {NULL};
	int rc = ACTIP_OK;
	if (sqlite3_exec(st->db, "PRAGMA cache_size = -4096", NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, "sizing the page cache", err);
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
