/* Indicator definitions, periods, targets, cumulation and % of target achieved, and
 * the tracking table for one period. The rules are stated in indicators.h; measures
 * and entered actuals are read in measure.c. All ratios are computed on integers
 * (128-bit intermediates) and rounded half away from zero once, at the end. */
#include "indicators/indicators.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "core/text.h"

const char *const ind_sex_keys[IND_NSEX] = {"female", "male", "other"};
const char *const ind_sex_labels[IND_NSEX] = {"Female", "Male", "Other"};

#define EN_DASH "\xE2\x80\x93"

/* ---- periods ------------------------------------------------------------------ */

/* "2021", "2021-H1", "2021-H2". */
int ind_period_parse(const char *s, ind_period *out)
{
	char y[5];
	if (!s || strlen(s) < 4)
		return -1;
	memcpy(y, s, 4);
	y[4] = '\0';
	out->half = 0;
	if (text_parse_year(y, &out->year) < 0)
		return -1;
	if (s[4] == '\0')
		return 0;
	if (s[4] == '-' && (s[5] == 'H' || s[5] == 'h') && (s[6] == '1' || s[6] == '2') && !s[7]) {
		out->half = s[6] - '0';
		return 0;
	}
	return -1;
}

/* The period as text. */
void ind_period_format(ind_period p, char *buf, size_t size)
{
	if (p.half)
		snprintf(buf, size, "%04d-H%d", p.year, p.half);
	else
		snprintf(buf, size, "%04d", p.year);
}

/* First and last day. */
void ind_period_dates(ind_period p, char start[11], char end[11])
{
	unsigned y = (unsigned)p.year % 10000u;
	snprintf(start, 11, "%04u-%s", y, p.half == 2 ? "07-01" : "01-01");
	snprintf(end, 11, "%04u-%s", y, p.half == 1 ? "06-30" : "12-31");
}

/* ---- amounts ------------------------------------------------------------------ */

/* a += b. */
void ind_amount_add(ind_amount *a, const ind_amount *b)
{
	if (!b->set)
		return;
	a->set = true;
	a->num += b->num;
	a->den += b->den;
}

/* Every amount of a += b's. */
void ind_values_add(ind_values *a, const ind_values *b)
{
	ind_amount_add(&a->total, &b->total);
	for (int i = 0; i < IND_NSEX; i++)
		ind_amount_add(&a->sex[i], &b->sex[i]);
	for (int i = 0; i < IND_NCOUNTRY; i++)
		ind_amount_add(&a->country[i], &b->country[i]);
	ind_amount_add(&a->disability, &b->disability);
}

/* n / d rounded half away from zero (d != 0). */
static __int128 div_round(__int128 n, __int128 d)
{
	if (d < 0)
		n = -n, d = -d;
	return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}

/* The amount's value in millionths. */
bool ind_amount_micro(const ind_def *d, const ind_amount *a, int64_t *micro)
{
	if (!a->set)
		return false;
	if (!d->percentage) {
		*micro = a->num;
		return true;
	}
	if (a->den == 0)
		return false;
	*micro = (int64_t)div_round((__int128)a->num * 100 * IND_MICRO, a->den);
	return true;
}

/* % achieved, exactly: the actual is vn/vd, the target t/10^6, the baseline b/10^6. */
bool ind_pct_achieved(const ind_def *d, const ind_amount *actual, bool has_target,
		      int64_t target_micro, int64_t *pct)
{
	if (!has_target || !actual->set)
		return false;
	__int128 vn, vd; /* actual value in millionths = vn / vd */
	if (d->percentage) {
		if (actual->den == 0)
			return false;
		vn = (__int128)actual->num * 100 * IND_MICRO;
		vd = actual->den;
	} else {
		vn = actual->num;
		vd = 1;
	}
	__int128 num, den;
	if (d->ascending) {
		num = vn * 100;
		den = vd * target_micro;
	} else if (d->has_baseline) {
		num = ((__int128)d->baseline_micro * vd - vn) * 100;
		den = ((__int128)d->baseline_micro - target_micro) * vd;
	} else {
		num = (__int128)target_micro * vd * 100;
		den = vn;
	}
	if (den == 0)
		return false;
	*pct = (int64_t)div_round(num, den);
	return true;
}

/* A millionths value with at most two decimals, thousands separated. */
static void micro_number(int64_t micro, char *buf, size_t size)
{
	if (micro % IND_MICRO == 0) {
		num_format_count(buf, size, micro / IND_MICRO);
		return;
	}
	int64_t hundredths = (int64_t)div_round(micro, IND_MICRO / 100);
	char whole[32];
	num_format_count(whole, sizeof whole, hundredths / 100);
	int64_t frac = hundredths % 100;
	if (frac < 0)
		frac = -frac;
	const char *sign = hundredths < 0 && hundredths / 100 == 0 ? "-" : "";
	if (frac % 10 == 0)
		snprintf(buf, size, "%s%s.%lld", sign, whole, (long long)(frac / 10));
	else
		snprintf(buf, size, "%s%s.%02lld", sign, whole, (long long)frac);
}

/* "1,234", "12.5", "75%". */
void ind_micro_text(const ind_def *d, int64_t micro, char *buf, size_t size)
{
	char n[48];
	micro_number(micro, n, sizeof n);
	snprintf(buf, size, "%s%s", n, d->percentage ? "%" : "");
}

/* "1,234", or "55% (30 of 55)"; "–" when unset. */
void ind_amount_text(const ind_def *d, const ind_amount *a, bool with_parts, char *buf,
		     size_t size)
{
	if (!a->set || (d->percentage && a->den == 0)) {
		snprintf(buf, size, EN_DASH);
		return;
	}
	if (!d->percentage) {
		ind_micro_text(d, a->num, buf, size);
		return;
	}
	int64_t pct = 0;
	num_pct_scaled(a->num, a->den, 0, &pct);
	if (!with_parts) {
		snprintf(buf, size, "%lld%%", (long long)pct);
		return;
	}
	char n[32], dd[32];
	num_format_count(n, sizeof n, a->num);
	num_format_count(dd, sizeof dd, a->den);
	snprintf(buf, size, "%lld%% (%s of %s)", (long long)pct, n, dd);
}

/* ---- definitions -------------------------------------------------------------- */

/* A malloc'd copy of a text column, NULL for NULL. */
static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? strdup((const char *)t) : NULL;
}

/* Every definition, with the year a cumulative sum starts: the year after the
 * baseline, else the first year with a target or an entered actual. */
int ind_defs_load(store *st, ind_def **defs, size_t *n, actip_err *err)
{
	*defs = NULL;
	*n = 0;
	sqlite3_stmt *s;
	if (store_prepare(st,
			  "SELECT code, title, outcome, description, measure, filter_type,"
			  " filter_country, filter_project, filter_outcome, unit = 'percentage',"
			  " ascending, cumulative, by_sex, by_country, baseline_year, baseline_micro,"
			  " (SELECT min(CAST(substr(period, 1, 4) AS INTEGER)) FROM ("
			  "   SELECT period FROM indicator_target t WHERE t.indicator = i.code"
			  "   UNION ALL SELECT period FROM indicator_actual a WHERE a.indicator = i.code)),"
			  " by_disability FROM indicator i ORDER BY code",
			  &s, err) < 0)
		return ACTIP_ERR;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			ind_def *nd = realloc(*defs, cap * sizeof *nd);
			if (!nd) {
				rc = SQLITE_NOMEM;
				break;
			}
			*defs = nd;
		}
		ind_def *d = &(*defs)[(*n)++];
		memset(d, 0, sizeof *d);
		char **text[] = {&d->code, &d->title, &d->outcome, &d->description, &d->measure,
				 &d->f_type, &d->f_country, &d->f_project, &d->f_outcome};
		for (int i = 0; i < 9; i++)
			*text[i] = col_dup(s, i);
		d->percentage = sqlite3_column_int(s, 9);
		d->ascending = sqlite3_column_int(s, 10);
		d->cumulative = sqlite3_column_int(s, 11);
		d->by_sex = sqlite3_column_int(s, 12);
		d->by_country = sqlite3_column_int(s, 13);
		d->baseline_year = sqlite3_column_int(s, 14);
		d->has_baseline = sqlite3_column_type(s, 15) != SQLITE_NULL;
		d->baseline_micro = sqlite3_column_int64(s, 15);
		d->first_year = d->baseline_year ? d->baseline_year + 1 : sqlite3_column_int(s, 16);
		d->by_disability = sqlite3_column_int(s, 17);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		ind_defs_free(*defs, *n);
		*defs = NULL;
		*n = 0;
		return store_error(st, "reading the indicators", err);
	}
	return ACTIP_OK;
}

/* Frees definitions. */
void ind_defs_free(ind_def *defs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ind_def *d = &defs[i];
		char *text[] = {d->code, d->title, d->outcome, d->description, d->measure,
				d->f_type, d->f_country, d->f_project, d->f_outcome};
		for (int k = 0; k < 9; k++)
			free(text[k]);
	}
	free(defs);
}

/* ---- actuals and targets ------------------------------------------------------ */

/* The period's own values, or for a cumulative indicator everything from its first
 * year up to the period's end: the years before, then the first half-year or the whole
 * year (a second half-year's level includes the first half). */
int ind_actual(store *st, const ind_def *d, ind_period p, const ind_scope *sc,
	       ind_values *out, actip_err *err)
{
	ind_period own = p;
	if (d->cumulative && d->first_year && p.half == 2)
		own.half = 0;
	if (ind_measure_compute(st, d, own, sc, out, err) < 0)
		return ACTIP_ERR;
	if (!d->cumulative || !d->first_year)
		return ACTIP_OK;
	for (int y = d->first_year; y < p.year; y++) {
		ind_values v;
		if (ind_measure_compute(st, d, (ind_period){y, 0}, sc, &v, err) < 0)
			return ACTIP_ERR;
		ind_values_add(out, &v);
	}
	return ACTIP_OK;
}

/* Reads one stored target. */
static int target_row(store *st, const ind_def *d, ind_period p, bool *set, int64_t *micro,
		      actip_err *err)
{
	char period[16];
	ind_period_format(p, period, sizeof period);
	sqlite3_stmt *s;
	if (store_prepare(st,
			  "SELECT value_micro FROM indicator_target WHERE indicator = ?1 AND period = ?2",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(s, 1, d->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, period, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	*set = rc == SQLITE_ROW;
	*micro = *set ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, "reading a target", err);
	return ACTIP_OK;
}

/* The period's target by the rules of indicators.h. */
int ind_target(store *st, const ind_def *d, ind_period p, bool *set, int64_t *micro,
	       actip_err *err)
{
	if (target_row(st, d, p, set, micro, err) < 0)
		return ACTIP_ERR;
	if (*set || p.half)
		return ACTIP_OK;
	bool s1, s2;
	int64_t m1, m2;
	if (target_row(st, d, (ind_period){p.year, 1}, &s1, &m1, err) < 0 ||
	    target_row(st, d, (ind_period){p.year, 2}, &s2, &m2, err) < 0)
		return ACTIP_ERR;
	if (!d->cumulative && !d->percentage) {
		*set = s1 && s2;
		*micro = *set ? m1 + m2 : 0;
	} else {
		*set = s2;
		*micro = s2 ? m2 : 0;
	}
	return ACTIP_OK;
}

/* ---- the tracking table ------------------------------------------------------- */

/* Every indicator's target, actual and % achieved for period p. */
int ind_table_compute(store *st, ind_period p, ind_table *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	out->period = p;
	if (ind_defs_load(st, &out->defs, &out->n, err) < 0)
		return ACTIP_ERR;
	if (out->n && !(out->rows = calloc(out->n, sizeof *out->rows))) {
		ind_table_free(out);
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < out->n; i++) {
		ind_row *r = &out->rows[i];
		r->def = &out->defs[i];
		if (ind_target(st, r->def, p, &r->has_target, &r->target_micro, err) < 0 ||
		    ind_actual(st, r->def, p, NULL, &r->actual, err) < 0) {
			ind_table_free(out);
			return ACTIP_ERR;
		}
		r->has_pct = ind_pct_achieved(r->def, &r->actual.total, r->has_target,
					      r->target_micro, &r->pct);
	}
	return ACTIP_OK;
}

/* Frees a table. */
void ind_table_free(ind_table *t)
{
	ind_defs_free(t->defs, t->n);
	free(t->rows);
	memset(t, 0, sizeof *t);
}
