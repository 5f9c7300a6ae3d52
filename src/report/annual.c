/* Loads the annual report's structure from the store (see annual.h). Every query is
 * static SQL with the year bound; the country profiles are read off the computed
 * tables. */
#include "report/annual.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/i18n.h"
#include "core/num.h"

const char *const ann_status_keys[ANN_NSTATUS] = {
	"completed", "partly_completed", "some_delays", "major_delay", "on_hold", "not_started",
};
const char *const ann_status_labels[ANN_NSTATUS] = {
	N_("Completed"), N_("Partly completed"), N_("Some delays"), N_("Major delay"), N_("On hold"),
	N_("Not started"), /* translated where shown: _(ann_status_labels[k]) */
};

const char *const ann_narrative_keys[ANN_NNARRATIVE] = {
	"document_information", "foreword", "about", "contact",
};

/* strdup of column i, NULL for SQL NULL. */
static char *dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? strdup((const char *)t) : NULL;
}

/* Grows an array of elem-sized items to hold n + 1; returns the new slot or NULL. */
static void *grow(void **arr, size_t *n, size_t elem)
{
	void *p = realloc(*arr, (*n + 1) * elem);
	if (!p)
		return NULL;
	*arr = p;
	memset((char *)p + *n * elem, 0, elem);
	return (char *)p + (*n)++ * elem;
}

/* Runs sql (year bound to ?1) and calls row() for each result row. */
static int each(store *st, int year, const char *sql, int (*row)(sqlite3_stmt *, annual_report *),
		annual_report *r, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (row(s, r) < 0) {
			sqlite3_finalize(s);
			return err_set(err, ACTIP_ENOMEM, "out of memory");
		}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "reading the report's records", err);
	return ACTIP_OK;
}

/* A narrative section. */
static int narrative_row(sqlite3_stmt *s, annual_report *r)
{
	const char *key = (const char *)sqlite3_column_text(s, 0);
	for (int k = 0; key && k < ANN_NNARRATIVE; k++)
		if (strcmp(key, ann_narrative_keys[k]) == 0) {
			free(r->narrative[k]);
			r->narrative[k] = dup(s, 1);
			return r->narrative[k] ? 0 : -1;
		}
	return 0;
}

/* An abbreviation. */
static int abbreviation_row(sqlite3_stmt *s, annual_report *r)
{
	ann_abbreviation *a = grow((void **)&r->abbrev, &r->nabbrev, sizeof *a);
	if (!a)
		return -1;
	a->abbreviation = dup(s, 0);
	a->meaning = dup(s, 1);
	return a->abbreviation && a->meaning ? 0 : -1;
}

/* The year's projects serving a framework node (the nodes are loaded first). */
static int node_projects_row(sqlite3_stmt *s, annual_report *r)
{
	const char *code = (const char *)sqlite3_column_text(s, 0);
	for (size_t i = 0; code && i < r->nnodes; i++)
		if (strcmp(r->nodes[i].code, code) == 0) {
			r->nodes[i].projects = dup(s, 1);
			return r->nodes[i].projects ? 0 : -1;
		}
	return 0;
}

/* The work plan most recently begun by the year. */
static int plan_row(sqlite3_stmt *s, annual_report *r)
{
	r->wp_plan = dup(s, 0);
	r->wp_plan_title = dup(s, 1);
	return r->wp_plan && r->wp_plan_title ? 0 : -1;
}

/* What cites an article (paragraph '') or one of its paragraphs: column 0 says who
 * (ANN_CITE_WP or ANN_CITE_PROJECTS), 3 the ", "-joined ids. */
static int article_row(sqlite3_stmt *s, annual_report *r)
{
	int who = sqlite3_column_int(s, 0), a = sqlite3_column_int(s, 1);
	const unsigned char *para = sqlite3_column_text(s, 2);
	if (a < 1 || a > ANN_MAX_ARTICLE || who < 0 || who >= ANN_NCITES)
		return 0;
	ann_cites *c = &r->cites[who];
	if (!para || !*para) {
		c->whole[a] = dup(s, 3);
		return c->whole[a] ? 0 : -1;
	}
	ann_article_para *p = grow((void **)&c->para, &c->npara, sizeof *p);
	if (!p)
		return -1;
	p->article = a;
	p->paragraph = dup(s, 2);
	p->lines = dup(s, 3);
	return p->paragraph && p->lines ? 0 : -1;
}

/* A project row. */
static int project_row(sqlite3_stmt *s, annual_report *r)
{
	ann_project *p = grow((void **)&r->projects, &r->nprojects, sizeof *p);
	if (!p)
		return -1;
	p->code = dup(s, 0);
	p->title = dup(s, 1);
	p->country = dup(s, 2);
	p->focus = dup(s, 3);
	p->partner = dup(s, 4);
	p->status = dup(s, 5);
	p->note = dup(s, 6);
	p->status_ix = -1;
	for (int i = 0; p->status && i < ANN_NSTATUS; i++)
		if (strcmp(p->status, ann_status_keys[i]) == 0)
			p->status_ix = i;
	return p->code && p->title && p->country ? 0 : -1;
}

/* An achievement row. */
static int achievement_row(sqlite3_stmt *s, annual_report *r)
{
	ann_achievement *a = grow((void **)&r->ach, &r->nach, sizeof *a);
	if (!a)
		return -1;
	a->id = dup(s, 0);
	a->project = dup(s, 1);
	a->country = dup(s, 2);
	a->partner = dup(s, 3);
	a->date = dup(s, 4);
	a->text = dup(s, 5);
	a->outcomes = dup(s, 6);
	for (int k = 0; k < 4; k++) {
		a->has[k] = sqlite3_column_type(s, 7 + k) != SQLITE_NULL;
		a->n[k] = sqlite3_column_int64(s, 7 + k);
	}
	return a->id && a->text ? 0 : -1;
}

/* A results-framework row. */
static int node_row(sqlite3_stmt *s, annual_report *r)
{
	ann_node *n = grow((void **)&r->nodes, &r->nnodes, sizeof *n);
	if (!n)
		return -1;
	n->code = dup(s, 0);
	n->level = dup(s, 1);
	n->parent = dup(s, 2);
	n->title = dup(s, 3);
	return n->code && n->title ? 0 : -1;
}

/* A partner row. */
static int partner_row(sqlite3_stmt *s, annual_report *r)
{
	ann_partner *p = grow((void **)&r->partners, &r->npartners, sizeof *p);
	if (!p)
		return -1;
	p->code = dup(s, 0);
	p->name = dup(s, 1);
	p->kind = dup(s, 2);
	p->country = dup(s, 3);
	p->started_on = dup(s, 4);
	p->focus = dup(s, 5);
	return p->code && p->name ? 0 : -1;
}

/* An expenditure row. */
static int spend_row(sqlite3_stmt *s, annual_report *r)
{
	ann_spend *e = grow((void **)&r->spend, &r->nspend, sizeof *e);
	if (!e)
		return -1;
	e->year = sqlite3_column_int(s, 0);
	e->currency = dup(s, 1);
	e->category = dup(s, 2);
	e->micro = sqlite3_column_int64(s, 3);
	return e->currency && e->category ? 0 : -1;
}

/* The row of table t keyed by key; NULL when absent. */
static const rt_row *row_of(const rt_table *t, const char *key)
{
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return &t->rows[i];
	return NULL;
}

/* Fills the country profiles from the tables and the project list. */
static void profiles(annual_report *r)
{
	const rt_table *t1 = &r->tables.t[0], *t3 = &r->tables.t[2], *t4 = &r->tables.t[3],
		       *t5 = &r->tables.t[4];
	for (const country *c = country_table; c->code; c++) {
		int nproj = 0;
		for (size_t i = 0; i < r->nprojects; i++)
			if (strcmp(r->projects[i].country, c->code) == 0 &&
			    strcmp(r->projects[i].focus, "national") == 0)
				nproj++;
		const rt_row *a = row_of(t1, c->code), *p = row_of(t3, c->code),
			     *t = row_of(t4, c->code), *f = row_of(t5, c->code);
		if (!nproj || strcmp(c->code, "ASEAN") == 0 || r->ncountries == 16)
			continue;
		ann_country *k = &r->countries[r->ncountries++];
		snprintf(k->code, sizeof k->code, "%s", c->code);
		k->name = country_label(c);
		k->projects = nproj;
		k->events = a ? a->v[4] : 0;
		k->cd_events = a ? a->v[0] : 0;
		k->participants = p ? p->v[3] : 0;
		k->pct_women_participants = p && !p->null[4] ? p->v[4] : -1;
		k->trained = t ? t->v[3] : 0;
		k->pct_women_trained = t && !t->null[4] ? t->v[4] : -1;
		k->pct_satisfied = f && !f->null[4] ? f->v[4] : -1;
		k->pct_improved = f && !f->null[7] ? f->v[7] : -1;
	}
}

/* The status counts of national projects. */
static void status_summary(annual_report *r)
{
	char seen[16][8];
	int nseen = 0;
	for (size_t i = 0; i < r->nprojects; i++) {
		const ann_project *p = &r->projects[i];
		if (strcmp(p->focus, "national") != 0)
			continue;
		r->national++;
		if (p->status_ix >= 0)
			r->status_count[p->status_ix]++;
		bool known = false;
		for (int k = 0; k < nseen; k++)
			known |= strcmp(seen[k], p->country) == 0;
		if (!known && nseen < 16)
			snprintf(seen[nseen++], sizeof seen[0], "%s", p->country);
	}
	r->national_countries = nseen;
}

/* The Total row of a computed table (sorted last), or NULL. */
static const rt_row *total_row(const rt_table *t)
{
	return t->nrows && strcmp(t->rows[t->nrows - 1].key, "TOTAL") == 0 ? &t->rows[t->nrows - 1]
									    : NULL;
}

/* The trends: for every year with activities up to the report's, the same tables
 * computed for that year (the report's own for its year), so a year in the trends says
 * what that year's report says. */
static int trends(store *st, annual_report *r, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT year, count(*) FROM activity WHERE year <= ?1"
			      " GROUP BY year ORDER BY year", &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, r->year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ann_trend *t = realloc(r->trends, sizeof *t * (r->ntrends + 1));
		if (!t) {
			sqlite3_finalize(s);
			return err_set(err, ACTIP_ENOMEM, "out of memory");
		}
		r->trends = t;
		t = &r->trends[r->ntrends++];
		t->year = sqlite3_column_int(s, 0);
		t->events = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "listing the years", err);
	report_tables *other = malloc(sizeof *other);
	if (!other)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	for (size_t i = 0; i < r->ntrends; i++) {
		ann_trend *t = &r->trends[i];
		const report_tables *rt = &r->tables;
		if (t->year != r->year) {
			if (report_tables_compute(st, t->year, other, err) < 0) {
				free(other);
				return ACTIP_ERR;
			}
			rt = other;
		}
		const rt_row *tot3 = total_row(&rt->t[2]), *tot4 = total_row(&rt->t[3]),
			     *tot5 = total_row(&rt->t[4]);
		t->participants = tot3 ? tot3->v[3] : 0;
		t->trained = tot4 ? tot4->v[3] : 0;
		t->pct_satisfied = tot5 && !tot5->null[4] ? tot5->v[4] : -1;
	}
	free(other);
	return ACTIP_OK;
}

static int load(store *st, int year, const check_result *quality, annual_report *out, actip_err *err);

/* The whole annual model in one read transaction (store_read_begin). */
int annual_load(store *st, int year, const check_result *quality, annual_report *out,
		actip_err *err)
{
	bool began;
	if (store_read_begin(st, &began, err) < 0)
		return ACTIP_ERR;
	int rc = load(st, year, quality, out, err);
	store_read_end(st, began);
	return rc;
}

/* Reads every part of the model. */
static int load(store *st, int year, const check_result *quality, annual_report *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	out->quality = quality;
	if (report_tables_compute(st, year, &out->tables, err) < 0)
		return ACTIP_ERR;
	if (each(st, year,
		 "SELECT p.code, p.title, p.country, p.focus, p.partner, s.status, s.note"
		 " FROM project p JOIN project_status s ON s.project = p.code AND s.year = ?1"
		 " JOIN country c ON c.code = p.country ORDER BY c.rank, p.code",
		 project_row, out, err) < 0 ||
	    each(st, year,
		 "SELECT a.id, a.project, a.country, a.partner, a.date, a.text,"
		 " (SELECT group_concat(outcome, ';') FROM (SELECT outcome FROM achievement_outcome"
		 "  WHERE achievement = a.id ORDER BY outcome)),"
		 " a.total, a.female, a.male, a.other"
		 " FROM achievement a LEFT JOIN country c ON c.code = a.country"
		 " WHERE a.year = ?1 ORDER BY coalesce(c.rank, 99), a.id",
		 achievement_row, out, err) < 0 ||
	    each(st, year,
		 "SELECT code, level, parent, title FROM framework ORDER BY"
		 " CASE level WHEN 'goal' THEN 0 WHEN 'eopo' THEN 1 ELSE 2 END, code", node_row, out, err) < 0 ||
	    each(st, year,
		 "SELECT code, name, kind, country, started_on, focus FROM partner p"
		 " WHERE kind = 'ngo' AND EXISTS (SELECT 1 FROM achievement a WHERE a.partner ="
		 " p.code AND a.year = ?1) ORDER BY started_on, name", partner_row, out, err) < 0 ||
	    each(st, year,
		 "SELECT year, currency, category, amount_micro FROM expenditure"
		 " WHERE year <= ?1 ORDER BY year, currency, category", spend_row, out, err) < 0 ||
	    each(st, year, "SELECT outcome, group_concat(project, ', ') FROM (SELECT o.outcome,"
		 " o.project FROM project_outcome o JOIN project_status s ON s.project = o.project"
		 " AND s.year = ?1 ORDER BY o.project) GROUP BY outcome", node_projects_row, out,
		 err) < 0 ||
	    each(st, year, "SELECT section, text FROM narrative WHERE year = ?1", narrative_row,
		 out, err) < 0 ||
	    each(st, year, "SELECT abbreviation, meaning FROM abbreviation WHERE year = ?1"
		 " ORDER BY upper(abbreviation), abbreviation", abbreviation_row, out, err) < 0 ||
	    each(st, year, "SELECT plan, title FROM wp_plan WHERE start_year <= ?1"
		 " ORDER BY start_year DESC, plan LIMIT 1", plan_row, out, err) < 0 ||
	    each(st, year, "SELECT 0, a.article, a.paragraph, group_concat(a.item, ', ') FROM"
		 " (SELECT x.article, x.paragraph, x.item FROM wp_item_article x JOIN wp_item i"
		 " ON i.item_id = x.item WHERE i.plan = (SELECT plan FROM wp_plan WHERE"
		 " start_year <= ?1 ORDER BY start_year DESC, plan LIMIT 1)"
		 " ORDER BY x.article, x.paragraph, i.seq) a GROUP BY a.article, a.paragraph"
		 " UNION ALL"
		 " SELECT 1, a.article, a.paragraph, group_concat(a.project, ', ') FROM"
		 " (SELECT x.article, x.paragraph, x.project FROM project_article x"
		 " JOIN project_status s ON s.project = x.project AND s.year = ?1"
		 " ORDER BY x.article, x.paragraph, x.project) a GROUP BY a.article, a.paragraph",
		 article_row, out, err) < 0 ||
	    ind_table_compute(st, (ind_period){year, 0}, &out->indicators, err) < 0 ||
	    trends(st, out, err) < 0 || annual_load_surveys(st, out, err) < 0) {
		annual_free(out);
		return ACTIP_ERR;
	}
	profiles(out);
	status_summary(out);
	return ACTIP_OK;
}

void annual_free(annual_report *r)
{
	annual_free_surveys(r);
	for (int k = 0; k < ANN_NNARRATIVE; k++) {
		free(r->narrative[k]);
		r->narrative[k] = NULL;
	}
	for (size_t i = 0; i < r->nabbrev; i++) {
		free(r->abbrev[i].abbreviation);
		free(r->abbrev[i].meaning);
	}
	free(r->abbrev);
	r->abbrev = NULL;
	free(r->wp_plan);
	free(r->wp_plan_title);
	r->wp_plan = r->wp_plan_title = NULL;
	for (int w = 0; w < ANN_NCITES; w++) {
		ann_cites *c = &r->cites[w];
		for (int a = 0; a <= ANN_MAX_ARTICLE; a++) {
			free(c->whole[a]);
			c->whole[a] = NULL;
		}
		for (size_t i = 0; i < c->npara; i++) {
			free(c->para[i].paragraph);
			free(c->para[i].lines);
		}
		free(c->para);
		c->para = NULL;
		c->npara = 0;
	}
	r->nabbrev = 0;
	free(r->trends);
	r->trends = NULL;
	for (size_t i = 0; i < r->nprojects; i++) {
		ann_project *p = &r->projects[i];
		free(p->code); free(p->title); free(p->country); free(p->focus);
		free(p->partner); free(p->status); free(p->note);
	}
	for (size_t i = 0; i < r->nach; i++) {
		ann_achievement *a = &r->ach[i];
		free(a->id); free(a->project); free(a->country); free(a->partner);
		free(a->date); free(a->text); free(a->outcomes);
	}
	for (size_t i = 0; i < r->nnodes; i++) {
		free(r->nodes[i].code); free(r->nodes[i].level);
		free(r->nodes[i].parent); free(r->nodes[i].title); free(r->nodes[i].projects);
	}
	for (size_t i = 0; i < r->npartners; i++) {
		ann_partner *p = &r->partners[i];
		free(p->code); free(p->name); free(p->kind); free(p->country);
		free(p->started_on); free(p->focus);
	}
	for (size_t i = 0; i < r->nspend; i++) {
		free(r->spend[i].currency);
		free(r->spend[i].category);
	}
	free(r->projects); free(r->ach); free(r->nodes); free(r->partners); free(r->spend);
	r->projects = NULL; r->ach = NULL; r->nodes = NULL; r->partners = NULL; r->spend = NULL;
	r->nprojects = r->nach = r->nnodes = r->npartners = r->nspend = 0;
	ind_table_free(&r->indicators);
}

void annual_status_sentence(const annual_report *r, char *buf, size_t size)
{
	char n[16], k[16], a[16], b[16], c[16], d[16];
	num_format_words(n, sizeof n, r->national);
	num_format_words(k, sizeof k, r->national_countries);
	num_format_words(a, sizeof a, r->status_count[0]);
	num_format_words(b, sizeof b, r->status_count[1]);
	num_format_words(c, sizeof c, r->status_count[2]);
	num_format_words(d, sizeof d, r->status_count[3]);
	snprintf(buf, size,
		 _("Of the %s multi-year projects in %s countries, %s completed planned activities "
		 "in %d, %s partly completed planned activities, %s experienced some delays and "
		 "%s experienced major delay."), n, k, a, r->year, b, c, d);
}

bool annual_ach_serves(const ann_achievement *a, const char *code)
{
	if (!a->outcomes)
		return false;
	size_t len = strlen(code);
	for (const char *p = a->outcomes; (p = strstr(p, code)); p += len)
		if ((p == a->outcomes || p[-1] == ';') && (p[len] == ';' || p[len] == '\0'))
			return true;
	return false;
}

void annual_outcome_list(const char *codes, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!codes)
		return;
	int total = 1;
	for (const char *p = codes; *p; p++)
		total += *p == ';';
	int i = 0;
	const char *p = codes;
	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		const char *sep = i == 0 ? "" : i == total - 1 ? " and " : ", ";
		size_t used = strlen(buf);
		snprintf(buf + used, size - used, "%s%.*s", sep, (int)len, p);
		i++;
		p += len;
		if (*p == ';')
			p++;
	}
}

const char *annual_partner_name(const annual_report *r, const char *code)
{
	for (size_t i = 0; code && i < r->npartners; i++)
		if (strcmp(r->partners[i].code, code) == 0)
			return r->partners[i].name;
	return code;
}

bool annual_node_under(const annual_report *r, const char *code, const char *ancestor)
{
	/* up the parents, at most as many steps as there are nodes (a cycle ends there) */
	for (size_t step = 0; code && step <= r->nnodes; step++) {
		const char *parent = NULL;
		for (size_t i = 0; i < r->nnodes && !parent; i++)
			if (strcmp(r->nodes[i].code, code) == 0)
				parent = r->nodes[i].parent ? r->nodes[i].parent : "";
		if (!parent || !*parent)
			return false;
		if (strcmp(parent, ancestor) == 0)
			return true;
		code = parent;
	}
	return false;
}

bool annual_ach_under(const annual_report *r, const ann_achievement *a, const char *eopo)
{
	if (annual_ach_serves(a, eopo))
		return true;
	for (size_t i = 0; i < r->nnodes; i++)
		if (annual_ach_serves(a, r->nodes[i].code) &&
		    annual_node_under(r, r->nodes[i].code, eopo))
			return true;
	return false;
}

bool annual_ach_regional(const annual_report *r, const ann_achievement *a)
{
	if (a->partner)
		return false;
	if (!a->country || strcmp(a->country, "ASEAN") == 0)
		return true;
	for (size_t i = 0; a->project && i < r->nprojects; i++)
		if (strcmp(r->projects[i].code, a->project) == 0)
			return strcmp(r->projects[i].focus, "national") != 0;
	return false;
}

bool annual_ach_unplaced(const annual_report *r, const ann_achievement *a)
{
	if (!annual_ach_regional(r, a))
		return false;
	for (size_t i = 0; i < r->nnodes; i++)
		if (strcmp(r->nodes[i].level, "eopo") == 0 && annual_ach_under(r, a, r->nodes[i].code))
			return false;
	return true;
}

bool annual_ach_selected(const annual_report *r, const ann_achievement *a, ann_select sel,
			 const char *code)
{
	switch (sel) {
	case ANN_REGIONAL_UNDER:
		return annual_ach_regional(r, a) && annual_ach_under(r, a, code);
	case ANN_UNPLACED:
		return annual_ach_unplaced(r, a);
	case ANN_COUNTRY:
		return a->country && strcmp(a->country, code) == 0 && !a->partner;
	case ANN_PARTNER:
		return a->partner && strcmp(a->partner, code) == 0;
	}
	return false;
}

int annual_count_serving(const annual_report *r, const char *code)
{
	int n = 0;
	for (size_t a = 0; a < r->nach; a++)
		n += annual_ach_serves(&r->ach[a], code);
	return n;
}
