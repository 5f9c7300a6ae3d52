/* The named measures that compute an indicator's actual from the stored records, for
 * one period and the definition's filters (activity type, country, project, outcome).
 *
 * People are counted as Tables 3 and 4 of the annual report count them
 * (spec/annual-report.md, data-collection.md): non-staff attendances, a person being
 * the stored person key (a row without one is a person of its own), each person
 * counted under the sex and country of their earliest counted attendance (activity
 * start date, then activity id, then row order). So for a whole year without filters,
 * participants, people trained and their % women equal the report's Total rows.
 *
 * Every statement is constant SQL with bound parameters: ?1 and ?2 the period's first
 * and last day, ?3 the activity type, ?4 the project, ?5 the outcome, ?6 the country
 * (NULL for none). */
#include "indicators/indicators.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"

const ind_measure ind_measures[] = {
	{"activities", "activities (filter_type: of one type)", false, false, false, NULL},
	{"cd_events", "capacity development events", false, false, false, "capacity_development"},
	{"participants", "event participants: attendances, staff excluded (Table 3)", false, true,
	 true, NULL},
	{"people_trained", "people trained: distinct persons at capacity development events "
	 "(Table 4)", false, true, true, "capacity_development"},
	{"pct_women_participants", "% women among event participants", true, false, false, NULL},
	{"pct_women_trained", "% women among people trained", true, false, false,
	 "capacity_development"},
	{"pct_satisfied", "% of feedback respondents satisfied with capacity development events",
	 true, true, false, "capacity_development"},
	{"pct_improved_learning", "% of feedback respondents whose learning improved", true, true,
	 false, "capacity_development"},
	{"achievements", "achievements recorded for the outcome (filter_outcome, else the "
	 "indicator's outcome)", false, false, false, NULL},
};
const int ind_measure_count = (int)(sizeof ind_measures / sizeof ind_measures[0]);

/* By name. */
const ind_measure *ind_measure_find(const char *name)
{
	for (int i = 0; name && i < ind_measure_count; i++)
		if (strcmp(ind_measures[i].name, name) == 0)
			return &ind_measures[i];
	return NULL;
}

/* The activity filter shared by the statements below. */
#define ACT_FILTER                                                                          \
	" v.start_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR v.type = ?3)"                   \
	" AND (?4 IS NULL OR v.project = ?4)"                                               \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM activity_outcome o"                      \
	"      WHERE o.activity = v.id AND o.outcome = ?5)"                                 \
	"  OR EXISTS (SELECT 1 FROM project_outcome o WHERE o.project = v.project"          \
	"      AND o.outcome = ?5))"

static const char SQL_ACTIVITIES[] =
	"SELECT v.country, NULL, count(*), 0 FROM activity v WHERE" ACT_FILTER
	" AND (?6 IS NULL OR v.country = ?6) GROUP BY v.country";

static const char SQL_SATISFIED[] =
	"SELECT v.country, f.sex, sum(f.satisfied = 1), count(f.satisfied)"
	" FROM feedback f JOIN activity v ON v.id = f.activity WHERE" ACT_FILTER
	" AND (?6 IS NULL OR v.country = ?6) GROUP BY v.country, f.sex";

static const char SQL_LEARNING[] =
	"SELECT v.country, f.sex, sum(f.improved_learning = 1), count(f.improved_learning)"
	" FROM feedback f JOIN activity v ON v.id = f.activity WHERE" ACT_FILTER
	" AND (?6 IS NULL OR v.country = ?6) GROUP BY v.country, f.sex";

/* ?3 is bound but not named: achievements have no activity type. */
static const char SQL_ACHIEVEMENTS[] =
	"SELECT a.country, NULL, count(*), 0 FROM achievement a"
	" WHERE a.date BETWEEN ?1 AND ?2"
	" AND (?4 IS NULL OR a.project = ?4)"
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM achievement_outcome o"
	"      WHERE o.achievement = a.id AND o.outcome = ?5))"
	" AND (?6 IS NULL OR a.country = ?6) GROUP BY a.country";

static const char SQL_PEOPLE[] =
	"SELECT COALESCE(a.person_key, 'row:' || a.activity || ':' || a.seq) AS pk,"
	" v.start_date, v.id, a.seq, a.country, a.sex, a.disability = 1"
	" FROM activity v JOIN attendance a ON a.activity = v.id"
	" WHERE a.staff = 0 AND" ACT_FILTER " ORDER BY pk";

/* Index of a country code in country_table, or -1. */
static int country_ix(const char *code)
{
	for (int i = 0; code && country_table[i].code && i < IND_NCOUNTRY; i++)
		if (strcmp(country_table[i].code, code) == 0)
			return i;
	return -1;
}

/* Index of a sex word, or -1. */
static int sex_ix(const char *sex)
{
	for (int i = 0; sex && i < IND_NSEX; i++)
		if (strcmp(ind_sex_keys[i], sex) == 0)
			return i;
	return -1;
}

/* Marks every amount of v set (a computed measure gives zero, not nothing). */
static void set_all(ind_values *v)
{
	memset(v, 0, sizeof *v);
	v->total.set = true;
	for (int i = 0; i < IND_NSEX; i++)
		v->sex[i].set = true;
	for (int i = 0; i < IND_NCOUNTRY; i++)
		v->country[i].set = true;
	v->disability.set = true;
}

/* Adds num/den to the total, the country and the sex of one group of records. */
static void add_group(ind_values *v, int country, int sex, int64_t num, int64_t den)
{
	v->total.num += num, v->total.den += den;
	if (country >= 0)
		v->country[country].num += num, v->country[country].den += den;
	if (sex >= 0)
		v->sex[sex].num += num, v->sex[sex].den += den;
}

/* Prepares stmt and binds the period and the filters. */
static int prepare(store *st, const char *sql, const char *start, const char *end,
		   const char *type, const char *project, const char *outcome,
		   const char *country, sqlite3_stmt **s, actip_err *err)
{
	if (store_prepare(st, sql, s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(*s, 1, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*s, 2, end, -1, SQLITE_TRANSIENT);
	const char *p[] = {type, project, outcome};
	for (int i = 0; i < 3; i++)
		if (p[i])
			sqlite3_bind_text(*s, 3 + i, p[i], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(*s, 3 + i);
	/* only SQL that names ?6 takes the country */
	if (sqlite3_bind_parameter_count(*s) >= 6) {
		if (country)
			sqlite3_bind_text(*s, 6, country, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(*s, 6);
	}
	return ACTIP_OK;
}

/* Runs a grouped statement whose rows are (country, sex, numerator, denominator). */
static int grouped(store *st, sqlite3_stmt *s, bool percentage, ind_values *v, actip_err *err)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int c = country_ix((const char *)sqlite3_column_text(s, 0));
		int x = sex_ix((const char *)sqlite3_column_text(s, 1));
		int64_t num = sqlite3_column_int64(s, 2), den = sqlite3_column_int64(s, 3);
		if (!percentage)
			num *= IND_MICRO, den = 0;
		add_group(v, c, x, num, den);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "computing an indicator", err);
	return ACTIP_OK;
}

/* One person's earliest counted attendance, their number of attendances and how many
 * of those report a disability. */
typedef struct person {
	bool set;
	char date[16], act[80];
	int64_t seq, n, dis;
	int country, sex;
} person;

/* Counts a finished person into v by the measure's kind. */
static void count_person(const person *p, const ind_measure *m, const char *f_country,
			 ind_values *v)
{
	if (!p->set || p->sex < 0)
		return;
	if (f_country && (p->country < 0 || strcmp(country_table[p->country].code, f_country) != 0))
		return;
	bool persons = m->fixed_type != NULL; /* trained: persons; participants: attendances */
	int64_t n = persons ? 1 : p->n;
	if (m->percentage)
		add_group(v, p->country, -1, p->sex == 0 ? n : 0, n);
	else
		add_group(v, p->country, p->sex, n * IND_MICRO, 0);
	/* a person trained counts once when one of their records reports a disability;
	 * participants count each attendance that reports one (Table 7) */
	if (m->has_disability)
		v->disability.num += (persons ? p->dis > 0 : p->dis) * IND_MICRO;
}

/* The people measures: one pass over the period's attendances sorted by person. */
static int people(store *st, sqlite3_stmt *s, const ind_measure *m, const char *f_country,
		  ind_values *v, actip_err *err)
{
	char *pk = NULL;
	person cur = {0};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		if (!pk || strcmp(pk, k) != 0) {
			count_person(&cur, m, f_country, v);
			memset(&cur, 0, sizeof cur);
			free(pk);
			pk = strdup(k);
			if (!pk) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		const char *date = (const char *)sqlite3_column_text(s, 1);
		const char *act = (const char *)sqlite3_column_text(s, 2);
		int64_t seq = sqlite3_column_int64(s, 3);
		cur.n++;
		cur.dis += sqlite3_column_int(s, 6);
		int c = cur.set ? strcmp(date, cur.date) : -1;
		if (c == 0)
			c = strcmp(act, cur.act);
		if (c < 0 || (c == 0 && seq < cur.seq)) {
			cur.set = true;
			snprintf(cur.date, sizeof cur.date, "%s", date);
			snprintf(cur.act, sizeof cur.act, "%s", act);
			cur.seq = seq;
			cur.country = country_ix((const char *)sqlite3_column_text(s, 4));
			cur.sex = sex_ix((const char *)sqlite3_column_text(s, 5));
		}
	}
	if (rc == SQLITE_DONE)
		count_person(&cur, m, f_country, v);
	free(pk);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "computing an indicator", err);
	return ACTIP_OK;
}

/* Computes a measure for a period without cumulation. */
static int compute_measure(store *st, const ind_def *d, const ind_measure *m, ind_period p,
			   const ind_scope *sc, ind_values *out, actip_err *err)
{
	set_all(out);
	const char *project = d->f_project;
	if (sc && sc->project) {
		if (project && strcmp(project, sc->project) != 0)
			return ACTIP_OK; /* the definition is about another project */
		project = sc->project;
	}
	char start[11], end[11];
	ind_period_dates(p, start, end);
	const char *type = m->fixed_type ? m->fixed_type : d->f_type;
	const char *outcome = d->f_outcome;
	const char *sql = SQL_ACTIVITIES;
	bool people_measure = strncmp(m->name, "participants", 12) == 0 ||
			      strcmp(m->name, "people_trained") == 0 ||
			      strncmp(m->name, "pct_women", 9) == 0;
	if (people_measure)
		sql = SQL_PEOPLE;
	else if (strcmp(m->name, "pct_satisfied") == 0)
		sql = SQL_SATISFIED;
	else if (strcmp(m->name, "pct_improved_learning") == 0)
		sql = SQL_LEARNING;
	else if (strcmp(m->name, "achievements") == 0) {
		sql = SQL_ACHIEVEMENTS;
		if (!outcome)
			outcome = d->outcome;
	}
	sqlite3_stmt *s;
	if (prepare(st, sql, start, end, type, project, outcome, d->f_country, &s, err) < 0)
		return ACTIP_ERR;
	if (people_measure)
		return people(st, s, m, d->f_country, out, err);
	return grouped(st, s, m->percentage, out, err);
}

/* Adds the entered rows of one period string to v; counts the rows. */
static int entered_rows(store *st, const ind_def *d, const char *period, ind_values *v,
			bool *has_total, int *nrows, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st,
			  "SELECT sex, country, value_micro, numerator, denominator"
			  " FROM indicator_actual WHERE indicator = ?1 AND period = ?2",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(s, 1, d->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, period, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *sex = (const char *)sqlite3_column_text(s, 0);
		const char *country = (const char *)sqlite3_column_text(s, 1);
		ind_amount a = {true, 0, 0};
		if (d->percentage) {
			a.num = sqlite3_column_int64(s, 3);
			a.den = sqlite3_column_int64(s, 4);
		} else {
			a.num = sqlite3_column_int64(s, 2);
		}
		int x = sex_ix(sex), c = country_ix(country);
		(*nrows)++;
		if (x >= 0)
			ind_amount_add(&v->sex[x], &a);
		else if (c >= 0)
			ind_amount_add(&v->country[c], &a);
		else {
			ind_amount_add(&v->total, &a);
			*has_total = true;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "reading entered actuals", err);
	return ACTIP_OK;
}

/* Entered actuals of a period: a year is its own row, else its two halves summed
 * (numerators and denominators, never percentages). Without a total row the total is
 * the sum of the sex rows. */
static int entered(store *st, const ind_def *d, ind_period p, ind_values *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	char period[16];
	ind_period_format(p, period, sizeof period);
	bool has_total = false;
	int nrows = 0;
	if (entered_rows(st, d, period, out, &has_total, &nrows, err) < 0)
		return ACTIP_ERR;
	if (p.half == 0 && nrows == 0)
		for (int h = 1; h <= 2; h++) {
			ind_period_format((ind_period){p.year, h}, period, sizeof period);
			if (entered_rows(st, d, period, out, &has_total, &nrows, err) < 0)
				return ACTIP_ERR;
		}
	if (!has_total)
		for (int x = 0; x < IND_NSEX; x++)
			ind_amount_add(&out->total, &out->sex[x]);
	return ACTIP_OK;
}

/* A period's values, computed or entered. Entered actuals are programme-wide, so a
 * project scope has none. */
int ind_measure_compute(store *st, const ind_def *d, ind_period p, const ind_scope *sc,
			ind_values *out, actip_err *err)
{
	const ind_measure *m = ind_measure_find(d->measure);
	if (m)
		return compute_measure(st, d, m, p, sc, out, err);
	if (sc && sc->project) {
		memset(out, 0, sizeof *out);
		return ACTIP_OK;
	}
	return entered(st, d, p, out, err);
}
