/* The indicator templates (docs/indicators.md): indicators.csv (definitions and
 * baselines), indicator_targets.csv (a target per year or half-year) and
 * indicator_actuals.csv (entered actuals). Like the other templates, each handler gets a
 * row whose values passed their type checks, checks what the row means as a whole,
 * writes it with bound parameters and reports anything wrong as FILE:LINE: COLUMN.
 * A percentage is entered as its numerator and denominator, never as a percentage, so
 * years and cumulative totals can be recomputed instead of averaged. */
#include "core/i18n.h"
#include "import/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "indicators/indicators.h"

static const char *const UNITS[] = {"number", "percentage", NULL};
static const char *const ACT_TYPES[] = {"capacity_development", "meeting", "other",
					"staff_event", NULL};

enum { I_UPSERT, I_KIND, I_TARGET_UPSERT, I_ACTUAL_UPSERT, I__COUNT };

static const char *const SQL[I__COUNT] = {
	[I_UPSERT] =
	"INSERT INTO indicator(code, title, outcome, unit, ascending, cumulative, by_sex,"
	" by_country, measure, filter_type, filter_country, filter_project, filter_outcome,"
	" baseline_year, baseline_micro, description, by_disability)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
	" ON CONFLICT(code) DO UPDATE SET title = excluded.title, outcome = excluded.outcome,"
	" unit = excluded.unit, ascending = excluded.ascending, cumulative = excluded.cumulative,"
	" by_sex = excluded.by_sex, by_country = excluded.by_country, measure = excluded.measure,"
	" filter_type = excluded.filter_type, filter_country = excluded.filter_country,"
	" filter_project = excluded.filter_project, filter_outcome = excluded.filter_outcome,"
	" baseline_year = excluded.baseline_year, baseline_micro = excluded.baseline_micro,"
	" description = excluded.description, by_disability = excluded.by_disability"
	" WHERE (title, outcome, unit, ascending, cumulative, by_sex, by_country, measure,"
	" filter_type, filter_country, filter_project, filter_outcome, baseline_year,"
	" baseline_micro, description, by_disability) IS NOT (excluded.title, excluded.outcome,"
	" excluded.unit, excluded.ascending, excluded.cumulative, excluded.by_sex,"
	" excluded.by_country, excluded.measure, excluded.filter_type, excluded.filter_country,"
	" excluded.filter_project, excluded.filter_outcome, excluded.baseline_year,"
	" excluded.baseline_micro, excluded.description, excluded.by_disability)",
	[I_KIND] = "SELECT unit || ':' || COALESCE(measure, '') FROM indicator WHERE code = ?1",
	[I_TARGET_UPSERT] =
	"INSERT INTO indicator_target(indicator, period, value_micro) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(indicator, period) DO UPDATE SET value_micro = excluded.value_micro"
	" WHERE value_micro IS NOT excluded.value_micro",
	[I_ACTUAL_UPSERT] =
	"INSERT INTO indicator_actual(indicator, period, sex, country, value_micro, numerator,"
	" denominator, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT(indicator, period, sex, country) DO UPDATE SET"
	" value_micro = excluded.value_micro, numerator = excluded.numerator,"
	" denominator = excluded.denominator, note = excluded.note"
	" WHERE (value_micro, numerator, denominator, note) IS NOT (excluded.value_micro,"
	" excluded.numerator, excluded.denominator, excluded.note)",
};

/* Prepares the indicator statements of a run. */
int ind_templates_prepare(importer *im, actip_err *err)
{
	return tpl_prepare_set(im, SQL, im->ind_stmt, I__COUNT, err);
}

/* Finalizes them. */
void ind_templates_finalize(importer *im)
{
	tpl_finalize_set(im, im->ind_stmt, I__COUNT);
}

/* Steps one of our write statements and counts the row; 0, or -1 on a database error. */
static int run(importer *im, int id, const tplrow *r)
{
	int changed = tpl_step(im, im->ind_stmt[id], r);
	if (changed < 0)
		return -1;
	tpl_stored(im, changed);
	return 0;
}

/* Looks an indicator up: 1 found (unit "number"/"percentage" and measure, "" when
 * entered, copied out), 0 not found (error reported), -1 database error. */
static int indicator_kind(importer *im, const tplrow *r, int col, bool *percentage,
			  char *measure, size_t size)
{
	sqlite3_stmt *s = im->ind_stmt[I_KIND];
	sqlite3_bind_text(s, 1, r->v[col].s, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	int found = rc == SQLITE_ROW;
	if (found) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		*percentage = strncmp(k, "percentage:", 11) == 0;
		snprintf(measure, size, "%s", strchr(k, ':') + 1);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		im->db_failed = true;
		return -1;
	}
	if (!found)
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "indicator",
			 _("unknown indicator '%s' (add it to indicators.csv)"), r->v[col].s);
	return found;
}

/* Binds text or NULL. */
static void bind_opt(sqlite3_stmt *s, int idx, const tplrow *r, int col)
{
	store_bind_text(s, idx, tpl_txt(r, col));
}

/* ---- indicators.csv ------------------------------------------------------------ */

enum { IN_CODE, IN_TITLE, IN_OUTCOME, IN_UNIT, IN_ASC, IN_CUM, IN_DISAGG, IN_MEASURE,
       IN_FTYPE, IN_FCOUNTRY, IN_FPROJECT, IN_FOUTCOME, IN_BYEAR, IN_BASELINE, IN_DESC };
static const colspec indicator_cols[] = {
	{"code", T_CODE, true, NULL, 0, REF_NONE},
	{"title", T_TEXT, true, NULL, 1000, REF_NONE},
	{"outcome", T_CODE, false, NULL, 0, REF_FRAMEWORK},
	{"unit", T_ENUM, true, UNITS, 0, REF_NONE},
	{"ascending", T_YESNO, false, NULL, 0, REF_NONE},
	{"cumulative", T_YESNO, false, NULL, 0, REF_NONE},
	{"disaggregations", T_CODES, false, NULL, 0, REF_NONE},
	{"measure", T_CODE, false, NULL, 0, REF_NONE},
	{"filter_type", T_ENUM, false, ACT_TYPES, 0, REF_NONE},
	{"filter_country", T_COUNTRY, false, NULL, 0, REF_NONE},
	{"filter_project", T_CODE, false, NULL, 0, REF_PROJECT},
	{"filter_outcome", T_CODE, false, NULL, 0, REF_FRAMEWORK},
	{"baseline_year", T_YEAR, false, NULL, 0, REF_NONE},
	{"baseline", T_DECIMAL, false, NULL, 0, REF_NONE},
	{"description", T_TEXT, false, NULL, 4000, REF_NONE},
};

/* The disaggregations an indicator may have, as written in indicators.csv. */
typedef struct disagg {
	bool sex, country, disability;
} disagg;

/* Reads the ;-separated disaggregations; false (error reported) on an unknown one. */
static bool disaggregations(importer *im, const tplrow *r, disagg *g)
{
	memset(g, 0, sizeof *g);
	if (!r->v[IN_DISAGG].set)
		return true;
	char *list = strdup(r->v[IN_DISAGG].s), *save = NULL;
	bool ok = list != NULL;
	for (char *p = list ? strtok_r(list, ";", &save) : NULL; p; p = strtok_r(NULL, ";", &save)) {
		p = text_trim(p);
		if (text_ieq(p, "sex"))
			g->sex = true;
		else if (text_ieq(p, "country"))
			g->country = true;
		else if (text_ieq(p, "disability"))
			g->disability = true;
		else if (*p) {
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "disaggregations",
				 _("'%s' is not sex, country or disability"), p);
			ok = false;
		}
	}
	free(list);
	return ok;
}

/* Reports an error on a column; returns false. */
static bool bad(importer *im, const tplrow *r, const char *col, const char *msg)
{
	diag_add(im->diag, DIAG_ERROR, r->file, r->line, col, "%s", msg);
	return false;
}

/* Checks that the measure, unit, disaggregations, filters and baseline agree. */
static bool indicator_ok(importer *im, const tplrow *r, const disagg *g)
{
	bool pct = strcmp(r->v[IN_UNIT].s, "percentage") == 0, ok = true;
	if (r->v[IN_MEASURE].set) {
		const ind_measure *m = ind_measure_find(r->v[IN_MEASURE].s);
		if (!m) {
			char list[400] = "";
			for (int i = 0; i < ind_measure_count; i++) {
				strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
				strncat(list, ind_measures[i].name, sizeof list - strlen(list) - 1);
			}
			diag_add(im->diag, DIAG_ERROR, r->file, r->line, "measure",
				 _("unknown measure '%s' (one of: %s)"), r->v[IN_MEASURE].s, list);
			return false;
		}
		if (m->percentage != pct)
			ok = bad(im, r, "unit", m->percentage ? "this measure gives a percentage"
							      : "this measure gives a number");
		if (g->sex && !m->has_sex)
			ok = bad(im, r, "disaggregations", "this measure has no sex disaggregation");
		if (g->disability && !m->has_disability)
			ok = bad(im, r, "disaggregations", "only participants and people_trained are "
				 "disaggregated by disability");
		if (m->fixed_type && r->v[IN_FTYPE].set && strcmp(m->fixed_type, r->v[IN_FTYPE].s) != 0)
			ok = bad(im, r, "filter_type", "this measure counts capacity development only");
	} else {
		static const int filters[] = {IN_FTYPE, IN_FCOUNTRY, IN_FPROJECT, IN_FOUTCOME};
		if (g->disability)
			ok = bad(im, r, "disaggregations", "only participants and people_trained are "
				 "disaggregated by disability");
		for (int i = 0; i < 4; i++)
			if (r->v[filters[i]].set)
				ok = bad(im, r, indicator_cols[filters[i]].name,
					 "filters apply to a measure; this indicator's actuals are "
					 "entered");
	}
	if (r->v[IN_BASELINE].set != r->v[IN_BYEAR].set)
		ok = bad(im, r, r->v[IN_BASELINE].set ? "baseline_year" : "baseline",
			 "a baseline needs both its value and its year");
	if (pct && r->v[IN_BASELINE].set && r->v[IN_BASELINE].n > 100 * (int64_t)IND_MICRO)
		ok = bad(im, r, "baseline", "a percentage is from 0 to 100");
	return ok;
}

/* indicators.csv: one definition per row. */
static int handle_indicator(importer *im, const tplrow *r)
{
	disagg g;
	if (!disaggregations(im, r, &g) || !indicator_ok(im, r, &g))
		return 0;
	sqlite3_stmt *s = im->ind_stmt[I_UPSERT];
	bind_opt(s, 1, r, IN_CODE);
	bind_opt(s, 2, r, IN_TITLE);
	bind_opt(s, 3, r, IN_OUTCOME);
	bind_opt(s, 4, r, IN_UNIT);
	sqlite3_bind_int(s, 5, r->v[IN_ASC].set ? (int)r->v[IN_ASC].n : 1);
	sqlite3_bind_int(s, 6, r->v[IN_CUM].set ? (int)r->v[IN_CUM].n : 0);
	sqlite3_bind_int(s, 7, g.sex);
	sqlite3_bind_int(s, 8, g.country);
	for (int c = IN_MEASURE; c <= IN_FOUTCOME; c++)
		bind_opt(s, 9 + (c - IN_MEASURE), r, c);
	tpl_bind_int_or_null(s, 14, r, IN_BYEAR);
	tpl_bind_int_or_null(s, 15, r, IN_BASELINE);
	bind_opt(s, 16, r, IN_DESC);
	sqlite3_bind_int(s, 17, g.disability);
	return run(im, I_UPSERT, r);
}

static const record_kind kind_indicators = {
	N_("Indicators"), N_("indicator"),
	"SELECT json_object('code', code, 'title', title, 'outcome', outcome, 'unit', unit,"
	" 'ascending', " KIND_YN("ascending") ", 'cumulative', " KIND_YN("cumulative") ","
	" 'disaggregations', nullif(rtrim(CASE WHEN by_sex THEN 'sex;' ELSE '' END"
	" || CASE WHEN by_country THEN 'country;' ELSE '' END"
	" || CASE WHEN by_disability THEN 'disability;' ELSE '' END, ';'), ''),"
	" 'measure', measure, 'filter_type', filter_type, 'filter_country', filter_country,"
	" 'filter_project', filter_project, 'filter_outcome', filter_outcome,"
	" 'baseline_year', baseline_year, 'baseline', " KIND_DECIMAL("baseline_micro") ","
	" 'description', description) FROM indicator WHERE ?1 IS NULL OR code = ?1 ORDER BY code",
	"DELETE FROM indicator WHERE code = ?1", 0, NULL, {-1}, NULL, false, 0};

const template tpl_indicators = {"indicators", COLS(indicator_cols), KEYS(IN_CODE),
	handle_indicator, NULL, NULL, &kind_indicators};

/* ---- indicator_targets.csv ----------------------------------------------------- */

enum { TG_INDICATOR, TG_PERIOD, TG_TARGET };
static const colspec target_cols[] = {
	{"indicator", T_CODE, true, NULL, 0, REF_NONE},
	{"period", T_CODE, true, NULL, 0, REF_NONE},
	{"target", T_DECIMAL, true, NULL, 0, REF_NONE},
};

/* Checks a period column; canonical text into buf. */
static bool period_ok(importer *im, const tplrow *r, int col, char *buf, size_t size)
{
	ind_period p;
	if (ind_period_parse(r->v[col].s, &p) < 0)
		return bad(im, r, "period", "expected a year (2021) or a half-year (2021-H1, 2021-H2)");
	ind_period_format(p, buf, size);
	return true;
}

/* indicator_targets.csv: a percentage target lies from 0 to 100. */
static int handle_target(importer *im, const tplrow *r)
{
	bool pct;
	char measure[64], period[16];
	int k = indicator_kind(im, r, TG_INDICATOR, &pct, measure, sizeof measure);
	if (k < 0)
		return -1;
	if (!period_ok(im, r, TG_PERIOD, period, sizeof period) || k == 0)
		return 0;
	if (pct && r->v[TG_TARGET].n > 100 * (int64_t)IND_MICRO)
		return bad(im, r, "target", "a percentage is from 0 to 100"), 0;
	sqlite3_stmt *s = im->ind_stmt[I_TARGET_UPSERT];
	bind_opt(s, 1, r, TG_INDICATOR);
	store_bind_text(s, 2, period);
	sqlite3_bind_int64(s, 3, r->v[TG_TARGET].n);
	return run(im, I_TARGET_UPSERT, r);
}

static const record_kind kind_indicator_targets = {
	N_("Indicator targets"), N_("indicator target"),
	"SELECT json_object('indicator', indicator, 'period', period, 'target', " KIND_DECIMAL("value_micro") ")"
	" FROM indicator_target WHERE (?1 IS NULL OR indicator = ?1) AND (?2 IS NULL OR period = ?2)"
	" ORDER BY indicator, period",
	"DELETE FROM indicator_target WHERE indicator = ?1 AND period = ?2", 0, NULL, {-1}, NULL, false, 0};

const template tpl_indicator_targets = {"indicator_targets", COLS(target_cols),
	KEYS(TG_INDICATOR, TG_PERIOD), handle_target, NULL, NULL, &kind_indicator_targets};

/* ---- indicator_actuals.csv ----------------------------------------------------- */

enum { AC_INDICATOR, AC_PERIOD, AC_SEX, AC_COUNTRY, AC_VALUE, AC_NUM, AC_DEN, AC_NOTE };
static const colspec actual_cols[] = {
	{"indicator", T_CODE, true, NULL, 0, REF_NONE},
	{"period", T_CODE, true, NULL, 0, REF_NONE},
	{"sex", T_SEX, false, NULL, 0, REF_NONE},
	{"country", T_COUNTRY, false, NULL, 0, REF_NONE},
	{"value", T_DECIMAL, false, NULL, 0, REF_NONE},
	{"numerator", T_COUNT, false, NULL, 0, REF_NONE},
	{"denominator", T_COUNT, false, NULL, 0, REF_NONE},
	{"note", T_TEXT, false, NULL, 4000, REF_NONE},
};

/* Checks the value columns against the indicator's unit. */
static bool actual_values_ok(importer *im, const tplrow *r, bool pct)
{
	bool ok = true;
	if (r->v[AC_SEX].set && r->v[AC_COUNTRY].set)
		ok = bad(im, r, "country", "a row gives one disaggregation: sex or country, not both");
	if (!pct) {
		if (r->v[AC_NUM].set || r->v[AC_DEN].set)
			ok = bad(im, r, r->v[AC_NUM].set ? "numerator" : "denominator",
				 "only percentage indicators take a numerator and denominator");
		else if (!r->v[AC_VALUE].set)
			ok = bad(im, r, "value", "a number indicator's actual needs its value");
		return ok;
	}
	if (r->v[AC_VALUE].set)
		ok = bad(im, r, "value", "give a percentage as numerator and denominator, not as a "
					 "value (percentages are recomputed, never averaged)");
	else if (!r->v[AC_NUM].set || !r->v[AC_DEN].set)
		ok = bad(im, r, r->v[AC_NUM].set ? "denominator" : "numerator",
			 "a percentage indicator's actual needs its numerator and denominator");
	else if (r->v[AC_NUM].n > r->v[AC_DEN].n)
		ok = bad(im, r, "numerator", "the numerator is larger than the denominator");
	return ok;
}

/* indicator_actuals.csv: only for indicators whose actuals are entered. */
static int handle_actual(importer *im, const tplrow *r)
{
	bool pct;
	char measure[64], period[16];
	int k = indicator_kind(im, r, AC_INDICATOR, &pct, measure, sizeof measure);
	if (k < 0)
		return -1;
	bool ok = period_ok(im, r, AC_PERIOD, period, sizeof period);
	if (k == 0 || !ok)
		return 0;
	if (measure[0]) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "indicator",
			 _("indicator '%s' is computed by the measure %s; its actuals cannot be entered"),
			 r->v[AC_INDICATOR].s, measure);
		return 0;
	}
	if (!actual_values_ok(im, r, pct))
		return 0;
	sqlite3_stmt *s = im->ind_stmt[I_ACTUAL_UPSERT];
	bind_opt(s, 1, r, AC_INDICATOR);
	store_bind_text(s, 2, period);
	sqlite3_bind_text(s, 3, r->v[AC_SEX].set ? r->v[AC_SEX].s : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, r->v[AC_COUNTRY].set ? r->v[AC_COUNTRY].s : "", -1,
			  SQLITE_TRANSIENT);
	tpl_bind_int_or_null(s, 5, r, AC_VALUE);
	tpl_bind_int_or_null(s, 6, r, AC_NUM);
	tpl_bind_int_or_null(s, 7, r, AC_DEN);
	bind_opt(s, 8, r, AC_NOTE);
	return run(im, I_ACTUAL_UPSERT, r);
}

static const record_kind kind_indicator_actuals = {
	N_("Indicator actuals"), N_("indicator value"),
	"SELECT json_object('indicator', indicator, 'period', period, 'sex', nullif(sex, ''),"
	" 'country', nullif(country, ''), 'value', " KIND_DECIMAL("value_micro") ", 'numerator', numerator,"
	" 'denominator', denominator, 'note', note) FROM indicator_actual"
	" WHERE (?1 IS NULL OR indicator = ?1) AND (?2 IS NULL OR period = ?2)"
	" AND (?3 IS NULL OR sex = ?3) AND (?4 IS NULL OR country = ?4) ORDER BY indicator, period, sex, country",
	"DELETE FROM indicator_actual WHERE indicator = ?1 AND period = ?2 AND sex = coalesce(?3, '')"
	" AND country = coalesce(?4, '')", 0, NULL, {-1}, "year", false, 0};

const template tpl_indicator_actuals = {"indicator_actuals", COLS(actual_cols),
	KEYS(AC_INDICATOR, AC_PERIOD, AC_SEX, AC_COUNTRY), handle_actual, NULL, NULL, &kind_indicator_actuals};
