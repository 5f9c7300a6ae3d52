/* Writing iati-activities 2.03. Elements follow the schema's order inside
 * iati-activity: iati-identifier, reporting-org, title, description,
 * participating-org, activity-status, activity-date, recipient-country or
 * recipient-region, sector, transaction, related-activity, result.
 *
 * Text is written with xmlTextWriterWriteString, which escapes XML's special characters
 * (the XML counterpart of core/escape.h, as jansson is for JSON); control characters,
 * which XML 1.0 cannot carry, become spaces first.
 *
 * Choices (docs/indicators.md): activity-status from the project's status for the year
 * (not_started 1 pipeline, on_hold 6 suspended, a project past its end year 4 closed,
 * otherwise 2 implementation); planned dates from the project's years, the actual start
 * from its first activity; recipient-country for national projects, recipient-region
 * (setting iati_region_code) for ASEAN ones, 100%; one sector at 100%. Expenditure is
 * recorded for the whole programme, so its transactions belong to the programme
 * activity. Project results carry the project's share of computed indicators (the
 * measure narrowed to the project's activities) with a sex dimension; the targets and
 * baselines are the programme's and sit on the programme activity's results. */
#include "export/iati.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/country.h"
#include "indicators/indicators.h"
#include "store/settings.h"

enum { SET_REF, SET_NAME, SET_TYPE, SET_FUND, SET_FUND_REF, SET_CUR, SET_SECTOR, SET_REGION,
       SET_PROG, SET_PROG_TITLE, SET__COUNT };

static const char *const SETTING_KEYS[SET__COUNT] = {
	"iati_reporting_org_ref", "iati_reporting_org_name", "iati_reporting_org_type",
	"iati_funding_org", "iati_funding_org_ref", "iati_default_currency", "iati_sector_code",
	"iati_region_code", "iati_programme_code", "iati_programme_title",
};

typedef struct project {
	char *code, *title, *country, *focus, *partner, *status, *first, *outcomes;
	int start_year, end_year;
} project;

typedef struct ctx {
	store *st;
	xmlTextWriterPtr w;
	int year;
	char set[SET__COUNT][256];
	char now[32];
	ind_def *defs;
	size_t ndefs;
	project *projects;
	size_t nprojects;
	actip_err *err;
	int failed;
} ctx;

/* ---- writing helpers ---------------------------------------------------------- */

/* Opens an element. */
static void start(ctx *c, const char *name)
{
	if (xmlTextWriterStartElement(c->w, BAD_CAST name) < 0)
		c->failed = 1;
}

/* Closes the innermost element. */
static void end(ctx *c)
{
	if (xmlTextWriterEndElement(c->w) < 0)
		c->failed = 1;
}

/* Adds an attribute to the open element. */
static void attr(ctx *c, const char *name, const char *value)
{
	if (xmlTextWriterWriteAttribute(c->w, BAD_CAST name, BAD_CAST value) < 0)
		c->failed = 1;
}

/* Adds an integer attribute. */
static void attr_int(ctx *c, const char *name, long long v)
{
	char b[32];
	snprintf(b, sizeof b, "%lld", v);
	attr(c, name, b);
}

/* Writes text content, control characters replaced by spaces. */
static void text(ctx *c, const char *s)
{
	char *copy = strdup(s ? s : "");
	if (!copy) {
		c->failed = 1;
		return;
	}
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t')
			*p = ' ';
	if (xmlTextWriterWriteString(c->w, BAD_CAST copy) < 0)
		c->failed = 1;
	free(copy);
}

/* <name><narrative>s</narrative></name> (with attributes added by the caller after
 * start: use narrative() inside instead). */
static void narrative(ctx *c, const char *s)
{
	start(c, "narrative");
	text(c, s);
	end(c);
}

/* An element holding one narrative. */
static void with_narrative(ctx *c, const char *name, const char *s)
{
	start(c, name);
	narrative(c, s);
	end(c);
}

/* An empty element with one code attribute. */
static void coded(ctx *c, const char *name, const char *code)
{
	start(c, name);
	attr(c, "code", code);
	end(c);
}

/* A value in millionths as plain text: "1234", "54.55" (two decimals at most). */
static void plain_micro(int64_t micro, char *buf, size_t size)
{
	if (micro % IND_MICRO == 0) {
		snprintf(buf, size, "%lld", (long long)(micro / IND_MICRO));
		return;
	}
	int64_t h = micro >= 0 ? (micro + IND_MICRO / 200) / (IND_MICRO / 100)
			       : -((-micro + IND_MICRO / 200) / (IND_MICRO / 100));
	snprintf(buf, size, "%s%lld.%02lld", h < 0 ? "-" : "", (long long)(llabs(h) / 100),
		 (long long)(llabs(h) % 100));
}

/* ---- loading ------------------------------------------------------------------ */

/* A malloc'd copy of a text column, NULL for NULL. */
static char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? strdup((const char *)t) : NULL;
}

/* The projects that had started by the year, with their status, first activity date
 * and outcomes. */
static int load_projects(ctx *c)
{
	sqlite3_stmt *s;
	if (store_prepare(c->st,
			  "SELECT p.code, p.title, p.country, p.focus, p.partner, s.status,"
			  " (SELECT min(start_date) FROM activity v WHERE v.project = p.code),"
			  " (SELECT group_concat(outcome, ';') FROM (SELECT outcome FROM project_outcome o"
			  "   WHERE o.project = p.code ORDER BY outcome)),"
			  " COALESCE(p.start_year, 0), COALESCE(p.end_year, 0)"
			  " FROM project p LEFT JOIN project_status s ON s.project = p.code AND s.year = ?1"
			  " WHERE p.start_year IS NULL OR p.start_year <= ?1 ORDER BY p.code",
			  &s, c->err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, c->year);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (c->nprojects == cap) {
			cap = cap ? cap * 2 : 32;
			project *n = realloc(c->projects, cap * sizeof *n);
			if (!n) {
				rc = SQLITE_NOMEM;
				break;
			}
			c->projects = n;
		}
		project *p = &c->projects[c->nprojects++];
		char **f[] = {&p->code, &p->title, &p->country, &p->focus, &p->partner, &p->status,
			      &p->first, &p->outcomes};
		for (int i = 0; i < 8; i++)
			*f[i] = col(s, i);
		p->start_year = sqlite3_column_int(s, 8);
		p->end_year = sqlite3_column_int(s, 9);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(c->st, "reading the projects", c->err);
	return ACTIP_OK;
}

/* Frees the projects. */
static void free_projects(ctx *c)
{
	for (size_t i = 0; i < c->nprojects; i++) {
		project *p = &c->projects[i];
		char *f[] = {p->code, p->title, p->country, p->focus, p->partner, p->status,
			     p->first, p->outcomes};
		for (int k = 0; k < 8; k++)
			free(f[k]);
	}
	free(c->projects);
}

/* The title of a results-framework code into buf (the code when unknown). */
static void outcome_title(ctx *c, const char *code, char *buf, size_t size)
{
	snprintf(buf, size, "%s", code);
	sqlite3_stmt *s;
	if (store_prepare(c->st, "SELECT title FROM framework WHERE code = ?1", &s, c->err) < 0)
		return;
	store_bind_text(s, 1, code);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(buf, size, "%s: %s", code, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

/* ---- common parts ------------------------------------------------------------- */

/* iati-identifier and reporting-org. */
static void identity(ctx *c, const char *code)
{
	char id[520];
	snprintf(id, sizeof id, "%s-%s", c->set[SET_REF], code);
	start(c, "iati-identifier");
	text(c, id);
	end(c);
	start(c, "reporting-org");
	attr(c, "ref", c->set[SET_REF]);
	attr(c, "type", c->set[SET_TYPE]);
	narrative(c, c->set[SET_NAME]);
	end(c);
}

/* participating-org: the funder (role 1) and the implementer (role 4). */
static void participants(ctx *c, const char *implementer)
{
	start(c, "participating-org");
	attr(c, "role", "1");
	if (c->set[SET_FUND_REF][0])
		attr(c, "ref", c->set[SET_FUND_REF]);
	narrative(c, c->set[SET_FUND]);
	end(c);
	start(c, "participating-org");
	attr(c, "role", "4");
	narrative(c, implementer && *implementer ? implementer : c->set[SET_NAME]);
	end(c);
}

/* An activity-date of a type. */
static void date(ctx *c, const char *type, const char *iso)
{
	start(c, "activity-date");
	attr(c, "type", type);
	attr(c, "iso-date", iso);
	end(c);
}

/* recipient-country or -region at 100%, then the sector at 100%. */
static void where_and_sector(ctx *c, const char *country)
{
	if (country && strcmp(country, "ASEAN") != 0) {
		start(c, "recipient-country");
		attr(c, "code", country);
		attr(c, "percentage", "100");
		end(c);
	} else {
		start(c, "recipient-region");
		attr(c, "code", c->set[SET_REGION]);
		attr(c, "vocabulary", "1");
		attr(c, "percentage", "100");
		end(c);
	}
	start(c, "sector");
	attr(c, "vocabulary", "1");
	attr(c, "code", c->set[SET_SECTOR]);
	attr(c, "percentage", "100");
	end(c);
}

/* ---- results ------------------------------------------------------------------ */

/* An actual (or target) element with a value and, when sex >= 0, a sex dimension. */
static void valued(ctx *c, const char *name, const ind_def *d, const ind_amount *a, int sex)
{
	int64_t micro;
	if (!ind_amount_micro(d, a, &micro))
		return;
	char v[48];
	plain_micro(micro, v, sizeof v);
	start(c, name);
	attr(c, "value", v);
	if (sex >= 0) {
		start(c, "dimension");
		attr(c, "name", "sex");
		attr(c, "value", ind_sex_keys[sex]);
		end(c);
	}
	end(c);
}

/* One indicator: baseline and targets only for the programme (project NULL). */
static int indicator(ctx *c, const ind_def *d, const char *project)
{
	start(c, "indicator");
	attr(c, "measure", d->percentage ? "2" : "1");
	attr(c, "ascending", d->ascending ? "1" : "0");
	char title[1200];
	snprintf(title, sizeof title, "%s %s", d->code, d->title);
	with_narrative(c, "title", title);
	if (d->description)
		with_narrative(c, "description", d->description);
	if (!project && d->has_baseline) {
		char v[48];
		plain_micro(d->baseline_micro, v, sizeof v);
		start(c, "baseline");
		attr_int(c, "year", d->baseline_year);
		attr(c, "value", v);
		end(c);
	}
	ind_scope sc = {project};
	int first = d->first_year && d->first_year <= c->year ? d->first_year : c->year;
	for (int y = first; y <= c->year; y++) {
		ind_period p = {y, 0};
		ind_values v;
		bool has_target = false;
		int64_t target = 0;
		if (ind_actual(c->st, d, p, &sc, &v, c->err) < 0 ||
		    (!project && ind_target(c->st, d, p, &has_target, &target, c->err) < 0))
			return ACTIP_ERR;
		int64_t actual_micro;
		if (!ind_amount_micro(d, &v.total, &actual_micro) && !has_target)
			continue; /* nothing to report for the year */
		char ps[11], pe[11];
		ind_period_dates(p, ps, pe);
		start(c, "period");
		start(c, "period-start");
		attr(c, "iso-date", ps);
		end(c);
		start(c, "period-end");
		attr(c, "iso-date", pe);
		end(c);
		if (has_target) {
			char t[48];
			plain_micro(target, t, sizeof t);
			start(c, "target");
			attr(c, "value", t);
			end(c);
		}
		valued(c, "actual", d, &v.total, -1);
		for (int x = 0; x < IND_NSEX && d->by_sex; x++)
			valued(c, "actual", d, &v.sex[x], x);
		end(c);
	}
	end(c);
	return ACTIP_OK;
}

/* True when d belongs in the result of outcome (NULL: indicators without an outcome)
 * for this project (projects: computed indicators only). */
static bool belongs(const ind_def *d, const char *outcome, const char *project)
{
	if (project && !d->measure)
		return false;
	if (!outcome)
		return d->outcome == NULL;
	return d->outcome && strcmp(d->outcome, outcome) == 0;
}

/* A result of type 2 (outcome) with its indicators, when it has any. */
static int result(ctx *c, const char *outcome, const char *project)
{
	size_t n = 0;
	for (size_t i = 0; i < c->ndefs; i++)
		n += belongs(&c->defs[i], outcome, project);
	if (!n)
		return ACTIP_OK;
	char title[1200];
	if (outcome)
		outcome_title(c, outcome, title, sizeof title);
	else
		snprintf(title, sizeof title, "Programme indicators");
	start(c, "result");
	attr(c, "type", "2");
	attr(c, "aggregation-status", "1");
	with_narrative(c, "title", title);
	for (size_t i = 0; i < c->ndefs; i++)
		if (belongs(&c->defs[i], outcome, project) &&
		    indicator(c, &c->defs[i], project) < 0)
			return ACTIP_ERR;
	end(c);
	return ACTIP_OK;
}

/* ---- activities --------------------------------------------------------------- */

/* The activity-status code of a project in the year. */
static const char *status_code(const ctx *c, const project *p)
{
	if (p->end_year && p->end_year < c->year)
		return "4";
	if (p->status && strcmp(p->status, "not_started") == 0)
		return "1";
	if (p->status && strcmp(p->status, "on_hold") == 0)
		return "6";
	if (!p->status && !p->first)
		return "1";
	return "2";
}

/* Opens an iati-activity with its attributes. */
static void open_activity(ctx *c, const char *hierarchy)
{
	start(c, "iati-activity");
	attr(c, "last-updated-datetime", c->now);
	attr(c, "xml:lang", "en");
	attr(c, "default-currency", c->set[SET_CUR]);
	if (hierarchy)
		attr(c, "hierarchy", hierarchy);
}

/* One project's activity. */
static int project_activity(ctx *c, const project *p)
{
	bool child = c->set[SET_PROG][0] != '\0';
	open_activity(c, child ? "2" : NULL);
	identity(c, p->code);
	with_narrative(c, "title", p->title);
	const country *k = country_by_code(p->country);
	char outcomes[600] = "";
	size_t on = 0;
	for (const char *o = p->outcomes; o && *o && on + 3 < sizeof outcomes; o++) {
		if (*o == ';') { /* "O2.2;O2.3" as "O2.2, O2.3" */
			outcomes[on++] = ',';
			outcomes[on++] = ' ';
		} else
			outcomes[on++] = *o;
	}
	outcomes[on] = '\0';
	char desc[2400];
	snprintf(desc, sizeof desc, "%s: a %s project of %s%s%s%s%s.", p->title,
		 p->focus && strcmp(p->focus, "national") == 0 ? "national" : "regional",
		 k ? k->name : p->country, p->partner ? ", led by " : "", p->partner ? p->partner : "",
		 p->outcomes ? ", serving outcomes " : "", outcomes);
	start(c, "description");
	attr(c, "type", "1");
	narrative(c, desc);
	end(c);
	participants(c, p->partner);
	coded(c, "activity-status", status_code(c, p));
	char iso[16];
	int sy = p->start_year ? p->start_year : 0;
	if (sy) {
		snprintf(iso, sizeof iso, "%04d-01-01", sy % 10000);
		date(c, "1", iso);
	}
	if (p->first)
		date(c, "2", p->first);
	if (!sy && !p->first) { /* IATI needs a start date: the year's first day, planned */
		snprintf(iso, sizeof iso, "%04d-01-01", c->year % 10000);
		date(c, "1", iso);
	}
	if (p->end_year) {
		snprintf(iso, sizeof iso, "%04d-12-31", p->end_year % 10000);
		date(c, "3", iso);
	}
	where_and_sector(c, p->country);
	if (child) {
		char id[520];
		snprintf(id, sizeof id, "%s-%s", c->set[SET_REF], c->set[SET_PROG]);
		start(c, "related-activity");
		attr(c, "ref", id);
		attr(c, "type", "1");
		end(c);
	}
	if (p->outcomes) {
		char *list = strdup(p->outcomes), *save = NULL;
		if (!list)
			return err_set(c->err, ACTIP_ENOMEM, "out of memory");
		for (char *o = strtok_r(list, ";", &save); o; o = strtok_r(NULL, ";", &save))
			if (result(c, o, p->code) < 0) {
				free(list);
				return ACTIP_ERR;
			}
		free(list);
	}
	end(c);
	return ACTIP_OK;
}

/* Expenditure transactions (type 4) of the programme up to the year. */
static int transactions(ctx *c)
{
	sqlite3_stmt *s;
	if (store_prepare(c->st,
			  "SELECT year, currency, category, amount_micro FROM expenditure"
			  " WHERE year <= ?1 ORDER BY year, currency, category",
			  &s, c->err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, c->year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char day[16], amount[48];
		snprintf(day, sizeof day, "%04d-12-31", sqlite3_column_int(s, 0) % 10000);
		plain_micro(sqlite3_column_int64(s, 3), amount, sizeof amount);
		const char *category = (const char *)sqlite3_column_text(s, 2);
		start(c, "transaction");
		coded(c, "transaction-type", "4");
		start(c, "transaction-date");
		attr(c, "iso-date", day);
		end(c);
		start(c, "value");
		attr(c, "currency", (const char *)sqlite3_column_text(s, 1));
		attr(c, "value-date", day);
		text(c, amount);
		end(c);
		char what[160];
		snprintf(what, sizeof what, "Expenditure %d%s%s", sqlite3_column_int(s, 0),
			 category && *category ? ": " : "", category ? category : "");
		with_narrative(c, "description", what);
		end(c);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(c->st, "reading the expenditure", c->err);
	return ACTIP_OK;
}

/* The programme's own activity: parent of the projects, with the expenditure and the
 * programme-wide results (baselines, targets, actuals). */
static int programme_activity(ctx *c)
{
	open_activity(c, "1");
	identity(c, c->set[SET_PROG]);
	const char *title = c->set[SET_PROG_TITLE][0] ? c->set[SET_PROG_TITLE] : c->set[SET_PROG];
	with_narrative(c, "title", title);
	start(c, "description");
	attr(c, "type", "1");
	char desc[800];
	snprintf(desc, sizeof desc, "%s: the programme, with %zu projects reported as its "
		 "child activities.", title, c->nprojects);
	narrative(c, desc);
	end(c);
	participants(c, NULL);
	int sy = 0, ey = 0;
	const char *first = NULL;
	for (size_t i = 0; i < c->nprojects; i++) {
		const project *p = &c->projects[i];
		if (p->start_year && (!sy || p->start_year < sy))
			sy = p->start_year;
		if (p->end_year > ey)
			ey = p->end_year;
		if (p->first && (!first || strcmp(p->first, first) < 0))
			first = p->first;
	}
	coded(c, "activity-status", ey && ey < c->year ? "4" : "2");
	char iso[16];
	snprintf(iso, sizeof iso, "%04d-01-01", (sy ? sy : c->year) % 10000);
	date(c, "1", iso);
	if (first)
		date(c, "2", first);
	if (ey) {
		snprintf(iso, sizeof iso, "%04d-12-31", ey % 10000);
		date(c, "3", iso);
	}
	where_and_sector(c, NULL);
	if (transactions(c) < 0)
		return ACTIP_ERR;
	for (size_t i = 0; i < c->nprojects; i++) {
		char id[520];
		snprintf(id, sizeof id, "%s-%s", c->set[SET_REF], c->projects[i].code);
		start(c, "related-activity");
		attr(c, "ref", id);
		attr(c, "type", "2");
		end(c);
	}
	/* results by outcome, in the order of the indicators, each outcome once */
	for (size_t i = 0; i < c->ndefs; i++) {
		const char *o = c->defs[i].outcome;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			if ((o == NULL) == (c->defs[k].outcome == NULL) &&
			    (!o || strcmp(o, c->defs[k].outcome) == 0))
				seen = true;
		if (!seen && result(c, o, NULL) < 0)
			return ACTIP_ERR;
	}
	end(c);
	return ACTIP_OK;
}

/* ---- the file ----------------------------------------------------------------- */

/* The generation time, or SOURCE_DATE_EPOCH's when set (reproducible files). */
static void timestamp(char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Reads the settings; the reporting organisation and the funder are required. */
static int read_settings(ctx *c)
{
	for (int i = 0; i < SET__COUNT; i++)
		if (settings_get(c->st, SETTING_KEYS[i], c->set[i], sizeof c->set[i], c->err) < 0)
			return ACTIP_ERR;
	static const int required[] = {SET_REF, SET_NAME, SET_FUND};
	for (int i = 0; i < 3; i++)
		if (!c->set[required[i]][0])
			return err_set(c->err, ACTIP_EINPUT,
				       "the setting %s is not set: add it to settings.csv and import "
				       "it (docs/indicators.md)", SETTING_KEYS[required[i]]);
	return ACTIP_OK;
}

/* Writes the document. */
int export_iati_write(store *st, int year, const char *path, actip_err *err)
{
	ctx c;
	memset(&c, 0, sizeof c);
	c.st = st;
	c.year = year;
	c.err = err;
	timestamp(c.now, sizeof c.now);
	int rc = read_settings(&c);
	if (rc < 0)
		return rc;
	if (ind_defs_load(st, &c.defs, &c.ndefs, err) < 0)
		return ACTIP_ERR;
	if (load_projects(&c) < 0) {
		ind_defs_free(c.defs, c.ndefs);
		return ACTIP_ERR;
	}
	c.w = xmlNewTextWriterFilename(path, 0);
	if (!c.w) {
		rc = err_set(err, ACTIP_EIO, "%s: cannot create the file", path);
		goto done;
	}
	xmlTextWriterSetIndent(c.w, 1);
	xmlTextWriterSetIndentString(c.w, BAD_CAST " ");
	if (xmlTextWriterStartDocument(c.w, NULL, "UTF-8", NULL) < 0)
		c.failed = 1;
	start(&c, "iati-activities");
	attr(&c, "version", "2.03");
	attr(&c, "generated-datetime", c.now);
	if (c.set[SET_PROG][0] && programme_activity(&c) < 0)
		rc = ACTIP_ERR;
	for (size_t i = 0; rc == ACTIP_OK && i < c.nprojects; i++)
		if (project_activity(&c, &c.projects[i]) < 0)
			rc = ACTIP_ERR;
	end(&c);
	if (xmlTextWriterEndDocument(c.w) < 0)
		c.failed = 1;
	xmlFreeTextWriter(c.w);
	if (rc == ACTIP_OK && c.failed)
		rc = err_set(err, ACTIP_EIO, "%s: cannot write the XML", path);
done:
	free_projects(&c);
	ind_defs_free(c.defs, c.ndefs);
	return rc;
}
