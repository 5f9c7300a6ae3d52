/* The templates of results and reconciliation: achievements (Markdown text with the
 * people they count), the figures printed inside an achievement (answer shares,
 * breakdowns), expenditure, the figures a published edition printed (to be reconciled
 * with the records by `actip check`), and settings. Statements live with the others
 * in templates.c; this file holds the columns and the handlers. */
#include "core/i18n.h"
#include "import/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/text.h"
#include "store/settings.h"

/* ---- achievements.csv ---------------------------------------------------------- */

enum { AH_ID, AH_PROJECT, AH_COUNTRY, AH_PARTNER, AH_DATE, AH_OUTCOMES, AH_TEXT, AH_TOTAL,
       AH_FEMALE, AH_MALE, AH_OTHER };
static const colspec achievement_cols[] = {
	{"achievement_id", T_CODE, true, NULL, 0, REF_NONE},
	{"project", T_CODE, false, NULL, 0, REF_PROJECT},
	{"country", T_COUNTRY, false, NULL, 0, REF_NONE},
	{"partner", T_CODE, false, NULL, 0, REF_PARTNER},
	{"date", T_DATE, true, NULL, 0, REF_NONE},
	{"outcomes", T_CODES, false, NULL, 0, REF_FRAMEWORK},
	{"text", T_TEXT, true, NULL, 100000, REF_NONE},
	{"total", T_COUNT, false, NULL, 0, REF_NONE},
	{"female", T_COUNT, false, NULL, 0, REF_NONE},
	{"male", T_COUNT, false, NULL, 0, REF_NONE},
	{"other", T_COUNT, false, NULL, 0, REF_NONE},
};

/* Counts whose parts do not add up, and a country other than the project's, are
 * warnings: the published text is recorded as printed, and `actip check` lists them. */
static int handle_achievement(importer *im, const tplrow *r)
{
	char pcountry[16] = "";
	if (r->v[AH_PROJECT].set &&
	    tpl_lookup(im, S_PROJECT_COUNTRY, r->v[AH_PROJECT].s, pcountry, sizeof pcountry) < 0)
		return -1;
	if (pcountry[0] && r->v[AH_COUNTRY].set && strcmp(pcountry, r->v[AH_COUNTRY].s) != 0)
		diag_add(im->diag, DIAG_WARNING, r->file, r->line, "country",
			 _("achievement in %s cites project %s of %s"), r->v[AH_COUNTRY].s,
			 r->v[AH_PROJECT].s, pcountry);
	const value *t = &r->v[AH_TOTAL], *f = &r->v[AH_FEMALE], *m = &r->v[AH_MALE],
		    *o = &r->v[AH_OTHER];
	int64_t parts = (f->set ? f->n : 0) + (m->set ? m->n : 0) + (o->set ? o->n : 0);
	if (t->set && (f->set || m->set || o->set) &&
	    ((f->set && m->set && parts != t->n) || parts > t->n))
		diag_add(im->diag, DIAG_WARNING, r->file, r->line, "total",
			 _("the parts add up to %lld but the total is %lld"), (long long)parts,
			 (long long)t->n);
	sqlite3_stmt *s = im->stmt[S_ACHIEVEMENT_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, AH_ID));
	store_bind_text(s, 2, tpl_txt(r, AH_PROJECT));
	store_bind_text(s, 3, tpl_txt(r, AH_COUNTRY));
	store_bind_text(s, 4, tpl_txt(r, AH_PARTNER));
	store_bind_text(s, 5, tpl_txt(r, AH_DATE));
	sqlite3_bind_int(s, 6, r->v[AH_DATE].year);
	store_bind_text(s, 7, tpl_txt(r, AH_TEXT));
	for (int c = AH_TOTAL; c <= AH_OTHER; c++)
		tpl_bind_int_or_null(s, 8 + (c - AH_TOTAL), r, c);
	int ch = tpl_run(im, S_ACHIEVEMENT_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	tpl_link_outcomes(im, r, AH_OUTCOMES, r->v[AH_ID].s, S_ACHIEVEMENT_OUTCOMES_DEL,
			  S_ACHIEVEMENT_OUTCOME_INS);
	return 0;
}

/* A country officer records its own country's achievements (by the project cited, the
 * country given and the stored record's). */
static const record_kind kind_achievements = {
	N_("Achievements"), N_("achievement"),
	"SELECT json_object('achievement_id', id, 'project', project, 'country', country,"
	" 'partner', partner, 'date', date, 'outcomes', (SELECT group_concat(outcome, ';') FROM"
	" (SELECT outcome FROM achievement_outcome WHERE achievement = a.id ORDER BY outcome)),"
	" 'text', text, 'total', total, 'female', female, 'male', male, 'other', other)"
	" FROM achievement a WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
	"DELETE FROM achievement WHERE id = ?1", KW_OFFICER,
	"SELECT ?3 WHERE ?3 IS NOT NULL UNION ALL SELECT country FROM project WHERE code = ?2"
	" UNION ALL SELECT country FROM achievement WHERE id = ?1 AND country IS NOT NULL"
	" UNION ALL SELECT p.country FROM achievement a JOIN project p ON p.code = a.project WHERE a.id = ?1"
	" UNION ALL SELECT 'a regional record' WHERE ?2 IS NULL AND ?3 IS NULL",
	{AH_ID, AH_PROJECT, AH_COUNTRY, -1}, "year", false, 0};

const template tpl_achievements = {"achievements", COLS(achievement_cols), KEYS(AH_ID),
	handle_achievement, NULL, NULL, &kind_achievements};

/* ---- achievement_figures.csv --------------------------------------------------- */

enum { FG_ACHIEVEMENT, FG_SET, FG_LABEL, FG_SHARE, FG_COUNT, FG_PARTS };
static const colspec figure_cols[] = {
	{"achievement_id", T_CODE, true, NULL, 0, REF_ACHIEVEMENT},
	{"set", T_CODE, true, NULL, 0, REF_NONE},
	{"label", T_TEXT, true, NULL, 200, REF_NONE},
	{"share", T_DECIMAL, false, NULL, 0, REF_NONE},
	{"count", T_COUNT, false, NULL, 0, REF_NONE},
	{"parts", T_YESNO, false, NULL, 0, REF_NONE},
};

/* A figure needs a share or a count; the figures a run gives for an achievement
 * replace those stored for it, as participants do for an activity. */
static int handle_figure(importer *im, const tplrow *r)
{
	if (!r->v[FG_SHARE].set && !r->v[FG_COUNT].set) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "share",
			 _("a figure needs a share or a count"));
		return 0;
	}
	if (r->v[FG_SHARE].set && r->v[FG_SHARE].n > 100000000) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "share",
			 _("a share is a percentage from 0 to 100"));
		return 0;
	}
	int64_t seq;
	if (tpl_next_seq(im, &im->fig_seq, S_FIGURE_DEL, S__COUNT, r->v[FG_ACHIEVEMENT].s, r,
			 &seq) < 0)
		return -1;
	sqlite3_stmt *s = im->stmt[S_FIGURE_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, FG_ACHIEVEMENT));
	store_bind_text(s, 2, tpl_txt(r, FG_SET));
	store_bind_text(s, 3, tpl_txt(r, FG_LABEL));
	tpl_bind_int_or_null(s, 4, r, FG_SHARE);
	tpl_bind_int_or_null(s, 5, r, FG_COUNT);
	sqlite3_bind_int(s, 6, r->v[FG_PARTS].set && r->v[FG_PARTS].n == 1);
	int ch = tpl_run(im, S_FIGURE_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

const template tpl_achievement_figures = {"achievement_figures", COLS(figure_cols),
	KEYS(FG_ACHIEVEMENT, FG_SET, FG_LABEL), handle_figure, NULL, "achievements",
	NULL /* a file's figures replace an achievement's: import only, for now */};

/* ---- expenditure.csv ----------------------------------------------------------- */

enum { EX_YEAR, EX_AMOUNT, EX_CURRENCY, EX_CATEGORY };
static const colspec expenditure_cols[] = {
	{"year", T_YEAR, true, NULL, 0, REF_NONE},
	{"amount", T_DECIMAL, true, NULL, 0, REF_NONE},
	{"currency", T_CURRENCY, true, NULL, 0, REF_NONE},
	{"category", T_CODE, false, NULL, 0, REF_NONE},
};

/* One amount per year, currency and category. */
static int handle_expenditure(importer *im, const tplrow *r)
{
	sqlite3_stmt *s = im->stmt[S_EXPENDITURE_UPSERT];
	sqlite3_bind_int64(s, 1, r->v[EX_YEAR].n);
	store_bind_text(s, 2, tpl_txt(r, EX_CURRENCY));
	sqlite3_bind_text(s, 3, r->v[EX_CATEGORY].set ? r->v[EX_CATEGORY].s : "", -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, r->v[EX_AMOUNT].n);
	int ch = tpl_run(im, S_EXPENDITURE_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

static const record_kind kind_expenditure = {
	N_("Expenditure"), N_("expenditure amount"),
	"SELECT json_object('year', year, 'amount', " KIND_DECIMAL("amount_micro") ", 'currency', currency,"
	" 'category', nullif(category, '')) FROM expenditure WHERE (?1 IS NULL OR year = ?1)"
	" AND (?2 IS NULL OR currency = ?2) AND (?3 IS NULL OR category = ?3) ORDER BY year, currency, category",
	"DELETE FROM expenditure WHERE year = ?1 AND currency = ?2 AND category = coalesce(?3, '')", 0,
	NULL, {-1}, "year", false, 0};

const template tpl_expenditure = {"expenditure", COLS(expenditure_cols),
	KEYS(EX_YEAR, EX_CURRENCY, EX_CATEGORY), handle_expenditure, NULL, NULL, &kind_expenditure};

/* ---- published.csv ------------------------------------------------------------- */

static const char *const SECTIONS[] = {"table1", "table2", "table3", "table4", "table5",
				       "projects", NULL};

enum { PB_YEAR, PB_SECTION, PB_ROW, PB_COLUMN, PB_VALUE, PB_SOURCE };
static const colspec published_cols[] = {
	{"year", T_YEAR, true, NULL, 0, REF_NONE},
	{"section", T_ENUM, true, SECTIONS, 0, REF_NONE},
	{"row", T_CODE, true, NULL, 0, REF_NONE},
	{"column", T_CODE, false, NULL, 0, REF_NONE},
	{"value", T_CODE, true, NULL, 0, REF_NONE},
	{"source", T_TEXT, false, NULL, 500, REF_NONE},
};

/* The row keys a table may have besides country codes. */
static bool valid_row(const char *section, const char *row)
{
	if (strcmp(section, "projects") == 0)
		return country_by_code(row) != NULL;
	return country_by_code(row) || strcmp(row, "TOTAL") == 0 ||
	       strcmp(row, "victim_rights_gesi") == 0 || strcmp(row, "percentage") == 0;
}

/* A table cell holds a number (as printed, "54" or "54.55"); a project list entry holds
 * the project code as printed, which need not exist (that is what gets checked). */
static int handle_published(importer *im, const tplrow *r)
{
	const char *section = r->v[PB_SECTION].s, *row = r->v[PB_ROW].s;
	bool list = strcmp(section, "projects") == 0;
	if (!valid_row(section, row)) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "row", _("unknown row '%s' for %s"),
			 row, section);
		return 0;
	}
	if (!list && !r->v[PB_COLUMN].set) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "column",
			 _("a table cell needs its column"));
		return 0;
	}
	int64_t micro = 0;
	if (!list && text_parse_decimal_micro(r->v[PB_VALUE].s, &micro) < 0) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "value",
			 _("'%s' is not a number as printed, such as 54 or 54.55"), r->v[PB_VALUE].s);
		return 0;
	}
	sqlite3_stmt *s = im->stmt[S_PUBLISHED_UPSERT];
	sqlite3_bind_int64(s, 1, r->v[PB_YEAR].n);
	store_bind_text(s, 2, section);
	store_bind_text(s, 3, row);
	sqlite3_bind_text(s, 4, list ? "" : r->v[PB_COLUMN].s, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, list ? r->v[PB_VALUE].s : "", -1, SQLITE_TRANSIENT);
	if (list)
		sqlite3_bind_null(s, 6);
	else
		sqlite3_bind_int64(s, 6, micro);
	store_bind_text(s, 7, tpl_txt(r, PB_SOURCE));
	int ch = tpl_run(im, S_PUBLISHED_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

const template tpl_published = {"published", COLS(published_cols),
	KEYS(PB_YEAR, PB_SECTION, PB_ROW, PB_COLUMN, PB_VALUE), handle_published, NULL, NULL,
	NULL /* the published report's figures, for reconciliation: import only */};

/* ---- settings.csv -------------------------------------------------------------- */

enum { ST_KEY, ST_VALUE };
static const colspec setting_cols[] = {
	{"key", T_CODE, true, NULL, 0, REF_NONE},
	{"value", T_TEXT, true, NULL, 2000, REF_NONE},
};

/* Only known keys, with values their validator accepts. */
static int handle_setting(importer *im, const tplrow *r)
{
	const setting_def *d = settings_find(r->v[ST_KEY].s);
	if (!d) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "key", _("unknown setting '%s'"),
			 r->v[ST_KEY].s);
		return 0;
	}
	char why[160];
	if (d->check(r->v[ST_VALUE].s, why, sizeof why) < 0) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "value", _("%s: %s"), d->key, why);
		return 0;
	}
	sqlite3_stmt *s = im->stmt[S_SETTING_UPSERT];
	store_bind_text(s, 1, d->key);
	store_bind_text(s, 2, r->v[ST_VALUE].s);
	int ch = tpl_run(im, S_SETTING_UPSERT, r);
	if (ch < 0)
		return -1;
	tpl_stored(im, ch);
	return 0;
}

static const record_kind kind_settings = {
	N_("Settings"), N_("setting"),
	"SELECT json_object('key', key, 'value', value) FROM setting WHERE ?1 IS NULL OR key = ?1 ORDER BY key",
	"DELETE FROM setting WHERE key = ?1", 0, NULL, {-1}, NULL, false, 0};

const template tpl_settings = {"settings", COLS(setting_cols), KEYS(ST_KEY), handle_setting,
	NULL, NULL, &kind_settings};
