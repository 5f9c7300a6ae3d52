/* Computation of the report's five tables. Each table is a handful of aggregate
 * queries with bound parameters; rows are gathered by key, empty rows dropped, and the
 * rows put in report order: countries by English short name, ASEAN/regional, focus
 * areas, Total.
 *
 * Who is one person, and with which sex and country, follows data-collection.md: the
 * stored person_key (person_id, else e-mail, else name key + sex + country; a row with
 * none is a person of its own), and the sex and country of the person's earliest
 * attendance among those counted (activity start date, then activity id, then the
 * row's order). That rule is applied to both Table 3 (each attendance is counted
 * under its person's sex and country) and Table 4 (each person once). Those two tables
 * read the statistics stored by store/stats.c when they are current, and compute them
 * from the raw records with the same query otherwise. */
#include "report/tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/i18n.h"
#include "core/num.h"
#include "store/stats.h"

/* ---- rows --------------------------------------------------------------------- */

/* Finds the row of key, adding it with its label and rank when new. */
static rt_row *row_for(rt_table *t, const char *key)
{
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return &t->rows[i];
	if (t->nrows == RT_MAX_ROWS)
		return NULL;
	rt_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	snprintf(r->key, sizeof r->key, "%s", key);
	const country *c = country_by_code(key);
	if (c) {
		r->label = country_label(c);
		r->rank = c->rank;
	} else if (strcmp(key, "victim_rights_gesi") == 0) {
		r->label = _("Victim rights and GESI");
		r->rank = 60;
	} else if (strcmp(key, "TOTAL") == 0) {
		r->label = _("Total");
		r->rank = 99;
	} else {
		r->label = r->key;
		r->rank = 70;
	}
	return r;
}

/* Orders rows by rank, then key (rows of the same rank, such as codes outside the
 * country table, come out in the same order whatever order the query found them in). */
static int row_cmp(const void *a, const void *b)
{
	const rt_row *x = a, *y = b;
	return x->rank != y->rank ? x->rank - y->rank : strcmp(x->key, y->key);
}

/* Drops rows whose cells are all zero or null, then sorts. */
static void finish_rows(rt_table *t)
{
	int n = 0;
	for (int i = 0; i < t->nrows; i++) {
		bool any = false;
		for (int c = 0; c < t->ncols; c++)
			if (!t->rows[i].null[c] && t->rows[i].v[c] != 0)
				any = true;
		if (any)
			t->rows[n++] = t->rows[i];
	}
	t->nrows = n;
	qsort(t->rows, (size_t)n, sizeof t->rows[0], row_cmp);
}

/* Declares a column. */
static void col(rt_table *t, const char *key, const char *label, col_kind kind)
{
	rt_col *c = &t->cols[t->ncols++];
	c->key = key;
	c->label = label;
	c->kind = kind;
	c->hidden = false;
}

/* Index of a column key, or -1. */
static int col_index(const rt_table *t, const char *key)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].key, key) == 0)
			return i;
	return -1;
}

/* ---- queries ------------------------------------------------------------------ */

/* Runs a query whose rows are (row key, column key, counts...) and adds the count in
 * result column value_col to its cell and to the TOTAL row's. The statement's
 * parameters ?1.. are the given ints. */
static int fill(store *st, rt_table *t, const char *sql, const int *params, int nparams,
		int value_col, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err) < 0)
		return ACTIP_ERR;
	for (int i = 0; i < nparams; i++)
		sqlite3_bind_int(s, i + 1, params[i]);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *rk = (const char *)sqlite3_column_text(s, 0);
		const char *ck = (const char *)sqlite3_column_text(s, 1);
		int ci = ck ? col_index(t, ck) : -1;
		rt_row *r = rk ? row_for(t, rk) : NULL, *tot = row_for(t, "TOTAL");
		if (ci < 0 || !r || !tot)
			continue;
		int64_t n = sqlite3_column_int64(s, value_col);
		r->v[ci] += n;
		tot->v[ci] += n;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "computing a report table", err);
	return ACTIP_OK;
}

/* Sets the total column of every row to the sum of columns [0, n). */
static void row_totals(rt_table *t, int n, int total_col)
{
	for (int i = 0; i < t->nrows; i++) {
		int64_t sum = 0;
		for (int c = 0; c < n; c++)
			sum += t->rows[i].v[c];
		t->rows[i].v[total_col] = sum;
	}
}

/* Table 1: activities of the year by the activity's country and type. */
static int table1(store *st, int year, rt_table *t, actip_err *err)
{
	t->id = "table1";
	snprintf(t->title, sizeof t->title, _("Number and type of activities supported, %d"), year);
	t->source = _("Activity data collection.");
	col(t, "capacity_development", _("Capacity development"), COL_COUNT);
	col(t, "meeting", _("Meetings"), COL_COUNT);
	col(t, "other", _("Other"), COL_COUNT);
	col(t, "staff_event", _("Staff events"), COL_COUNT);
	col(t, "total", _("Total"), COL_COUNT);
	int p[] = {year};
	if (fill(st, t,
		 "SELECT country, type, count(*) FROM activity WHERE year = ?1 GROUP BY country, type",
		 p, 1, 2, err) < 0)
		return ACTIP_ERR;
	row_totals(t, 4, 4);
	return ACTIP_OK;
}

/* Table 2: capacity development events by country for the year and the two before. */
static int table2(store *st, int year, rt_table *t, actip_err *err)
{
	t->id = "table2";
	snprintf(t->title, sizeof t->title,
		 _("Number of capacity development events supported, %d to %d"), year - 2, year);
	t->note = _("Capacity development events conducted under country or regional programs, "
		  "including webinars.");
	t->source = _("Activity data collection.");
	for (int i = 0; i < 3; i++) {
		snprintf(t->colbuf[i], sizeof t->colbuf[i], "%d", year - i);
		col(t, t->colbuf[i], t->colbuf[i], COL_COUNT);
	}
	int p[] = {year};
	return fill(st, t,
		    "SELECT country, CAST(year AS TEXT), count(*) FROM activity"
		    " WHERE type = 'capacity_development' AND year BETWEEN ?1 - 2 AND ?1"
		    " GROUP BY country, year",
		    p, 1, 2, err);
}

/* Adds a year's participant statistics to a table: attendances (Table 3) or persons
 * (Table 4), by country and sex. */
static void fill_people(rt_table *t, const stats_counts *c, bool trained)
{
	for (int k = 0; k < STATS_COUNTRIES && country_table[k].code; k++)
		for (int x = 0; x < STATS_SEXES; x++) {
			const stats_cell *cell = &c->cell[trained][k][x];
			int64_t n = trained ? cell->persons : cell->attendances;
			if (n == 0)
				continue;
			rt_row *r = row_for(t, country_table[k].code), *tot = row_for(t, "TOTAL");
			int ci = col_index(t, stats_sexes[x]);
			if (!r || !tot || ci < 0)
				continue;
			r->v[ci] += n;
			tot->v[ci] += n;
		}
}

/* Tables 3 and 4: by country and sex, with % women and a Percentage row. */
static void table_people(const stats_counts *people, int year, bool trained, rt_table *t)
{
	t->id = trained ? "table4" : "table3";
	if (trained) {
		snprintf(t->title, sizeof t->title, _("Number of people trained by country of origin, %d"),
			 year);
		t->note = _("Excludes programme and donor staff. A person who attended more than one "
			  "training event was counted once only within a year.");
		t->source = _("Activity data collection, and participant data collection.");
	} else {
		snprintf(t->title, sizeof t->title, _("Number of event participants, %d"), year);
		t->note = _("Numbers include all event participants, excluding programme and donor staff.");
		t->source = _("Participant data collection.");
	}
	col(t, "female", _("Female"), COL_COUNT);
	col(t, "male", _("Male"), COL_COUNT);
	col(t, "other", _("Other"), COL_COUNT);
	col(t, "total", _("Total"), COL_COUNT);
	/* xgettext:no-c-format */
	col(t, "pct_women", trained ? _("% of women trained") : _("% women participants"), COL_PCT0);
	fill_people(t, people, trained);
	row_totals(t, 3, 3);
	for (int i = 0; i < t->nrows; i++) {
		rt_row *r = &t->rows[i];
		r->null[4] = !num_pct_scaled(r->v[0], r->v[3], 0, &r->v[4]);
	}
	t->has_pct_row = true;
	rt_row *tot = row_for(t, "TOTAL");
	t->pct_row_null = tot->v[3] == 0;
	for (int c = 0; c < 3; c++)
		if (!num_pct_scaled(tot->v[c], tot->v[3], 2, &t->pct_row[c]))
			t->pct_row[c] = 0;
}

/* The reporting group of a feedback response (Table 5's rows): the events of victim
 * rights and GESI projects apart, the others by the activity's country. f is the
 * feedback, v its activity and p the activity's project. */
#define FEEDBACK_GROUP \
	"CASE WHEN p.focus = 'victim_rights_gesi' THEN 'victim_rights_gesi' ELSE v.country END"

/* The feedback on the year's (?1) capacity development events, one result row per
 * activity (reporting group, activity, then the counts of STATS_FEEDBACK_COUNTS), which
 * the caller adds to its reporting group's: from the stored counts (migration 19) when
 * they are current, else from the responses. Grouping the responses by country and
 * activity follows the activity_year index (year, type, country, then the key), so
 * SQLite needs no sort. */
#define FEEDBACK_OF_YEAR(from, group)                                                     \
	" FROM " from " JOIN activity v ON v.id = f.activity"                               \
	" LEFT JOIN project p ON p.code = v.project"                                        \
	" WHERE v.year = ?1 AND v.type = 'capacity_development'" group
static const char *const feedback_sql[2] = {
	"SELECT " FEEDBACK_GROUP ", f.activity, " STATS_FEEDBACK_COUNTS
	FEEDBACK_OF_YEAR("feedback f", " GROUP BY v.country, v.id"),
	"SELECT " FEEDBACK_GROUP ", f.*" FEEDBACK_OF_YEAR("feedback_counts f", ""),
};

/* Table 5's heading and columns: feedback on capacity development events by reporting
 * group. */
static void table5_cols(int year, rt_table *t)
{
	t->id = "table5";
	snprintf(t->title, sizeof t->title,
		 _("Capacity development events - participant feedback on expectations and learning, %d"),
		 year);
	t->source = _("Activity data collection, and post-event feedback forms.");
	t->respondents_col = true;
	col(t, "respondents", _("No. of respondents"), COL_COUNT);
	col(t, "female", _("Female"), COL_COUNT);
	col(t, "male", _("Male"), COL_COUNT);
	col(t, "other", _("Other"), COL_COUNT);
	for (int c = 1; c <= 3; c++)
		t->cols[c].hidden = true;
	col(t, "satisfied_pct", _("Overall satisfied with the event (%)"), COL_PCT0_BARE);
	col(t, "met_objectives_pct", _("Event met its objectives (%)"), COL_PCT0_BARE);
	col(t, "met_expectations_pct", _("Event met their expectations (%)"), COL_PCT0_BARE);
	col(t, "improved_learning_pct", _("Event enhanced or improved their learning (%)"),
	    COL_PCT0_BARE);
}

/* The relevance and understanding table's heading and columns, by Table 5's reporting
 * groups: the share who found the event relevant to their work, and the shares of each
 * understanding answer (excellent, good, fair, poor) among those who gave one. */
static void table_feedback_cols(int year, rt_table *t)
{
	t->id = "feedback";
	snprintf(t->title, sizeof t->title,
		 _("Capacity development events - relevance and understanding, %d"), year);
	t->note = _("Shares of the respondents who answered each question.");
	t->source = _("Post-event feedback forms.");
	col(t, "respondents", _("No. of respondents"), COL_COUNT);
	col(t, "relevant_pct", _("Relevant to their work (%)"), COL_PCT0_BARE);
	static const char *const levels[] = {"excellent", "good", "fair", "poor"};
	static const char *const heads[] = {N_("Understanding excellent (%)"), N_("Understanding good (%)"),
					    N_("Understanding fair (%)"), N_("Understanding poor (%)")};
	for (int k = 0; k < 4; k++)
		col(t, levels[k], _(heads[k]), COL_PCT0_BARE);
}

/* Table 5 and the relevance and understanding table, from one pass over the year's
 * feedback (each pass reads every response of the year). */
static int feedback_tables(store *st, int year, rt_table *t5, rt_table *tf, actip_err *err)
{
	table5_cols(year, t5);
	table_feedback_cols(year, tf);
	bool fresh;
	sqlite3_stmt *s;
	if (store_feedback_fresh(st, &fresh, err) < 0 || store_prepare(st, feedback_sql[fresh], &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, year);
	/* Table 5: yes and answered per row and question (row RT_MAX_ROWS-1 unused);
	 * the other: relevant yes, answered; understanding by level, answered */
	int64_t yes[RT_MAX_ROWS][4] = {{0}}, answered[RT_MAX_ROWS][4] = {{0}}, n[RT_MAX_ROWS][7] = {{0}};
	enum { K = 2 }; /* the first count's column: respondents */
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(s, 0);
		rt_row *r = g ? row_for(t5, g) : NULL, *tot = row_for(t5, "TOTAL");
		rt_row *fr = g ? row_for(tf, g) : NULL, *ftot = row_for(tf, "TOTAL");
		if (!r || !tot || !fr || !ftot)
			continue;
		int ri = (int)(r - t5->rows), ti = (int)(tot - t5->rows);
		for (int c = 0; c < 4; c++) {
			int64_t v = sqlite3_column_int64(s, K + c);
			r->v[c] += v;
			tot->v[c] += v;
		}
		for (int q = 0; q < 4; q++) {
			int64_t y = sqlite3_column_int64(s, K + 4 + 2 * q), a = sqlite3_column_int64(s, K + 5 + 2 * q);
			yes[ri][q] += y, answered[ri][q] += a;
			yes[ti][q] += y, answered[ti][q] += a;
		}
		int64_t resp = sqlite3_column_int64(s, K);
		fr->v[0] += resp;
		ftot->v[0] += resp;
		for (int k = 0; k < 7; k++) {
			int64_t v = sqlite3_column_int64(s, K + 12 + k);
			n[fr - tf->rows][k] += v;
			n[ftot - tf->rows][k] += v;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, "computing the feedback tables", err);
	for (int i = 0; i < t5->nrows; i++)
		for (int q = 0; q < 4; q++)
			t5->rows[i].null[4 + q] =
				!num_pct_scaled(yes[i][q], answered[i][q], 0, &t5->rows[i].v[4 + q]);
	for (int i = 0; i < tf->nrows; i++) {
		rt_row *r = &tf->rows[i];
		r->null[1] = !num_pct_scaled(n[i][0], n[i][1], 0, &r->v[1]);
		for (int k = 0; k < 4; k++)
			r->null[2 + k] = !num_pct_scaled(n[i][2 + k], n[i][6], 0, &r->v[2 + k]);
	}
	return ACTIP_OK;
}

/* Participants and people trained who reported a disability, by the country of the
 * participant's record: attendances at every event (as Table 3 counts them) and people
 * at capacity development events, each once (as Table 4), with their shares of all;
 * counted in the statistics pass (stats.h). */
static void table_disability(const stats_counts *people, int year, rt_table *t)
{
	t->id = "disability";
	snprintf(t->title, sizeof t->title,
		 _("Event participants and people trained who reported a disability, %d"), year);
	t->note = _("Excludes programme and donor staff. A participant without an answer counts "
		  "as not reporting a disability. The country is that of the participant's record.");
	t->source = _("Participant data collection.");
	col(t, "participants", _("Participants with a disability"), COL_COUNT);
	/* xgettext:no-c-format */
	col(t, "participants_pct", _("% of participants"), COL_PCT0);
	col(t, "trained", _("People trained with a disability"), COL_COUNT);
	/* xgettext:no-c-format */
	col(t, "trained_pct", _("% of people trained"), COL_PCT0);
	for (int k = 0; k <= STATS_COUNTRIES; k++) {
		if (k < STATS_COUNTRIES && !country_table[k].code)
			k = STATS_COUNTRIES; /* past the table's last country: the total */
		const stats_disability *d = &people->dis[k];
		if (d->attendances == 0)
			continue;
		rt_row *r = row_for(t, k < STATS_COUNTRIES ? country_table[k].code : "TOTAL");
		if (!r)
			continue;
		r->v[0] = d->dis_attendances;
		r->null[1] = !num_pct_scaled(d->dis_attendances, d->attendances, 0, &r->v[1]);
		r->v[2] = d->dis_trained;
		r->null[3] = !num_pct_scaled(d->dis_trained, d->trained, 0, &r->v[3]);
	}
}

/* All five tables within one read transaction (the caller's, if it has one), so they
 * agree with each other. */
int report_tables_compute(store *st, int year, report_tables *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	bool began;
	if (store_read_begin(st, &began, err) < 0)
		return ACTIP_ERR;
	int rc = ACTIP_OK;
	bool fresh;
	stats_counts people;
	if (store_stats_fresh(st, year, &fresh, err) < 0 ||
	    (fresh ? store_stats_read(st, year, &people, err)
		   : store_stats_compute(st, year, &people, err)) < 0 ||
	    table1(st, year, &out->t[0], err) < 0 || table2(st, year, &out->t[1], err) < 0 ||
	    feedback_tables(st, year, &out->t[4], &out->feedback, err) < 0)
		rc = ACTIP_ERR;
	if (rc == ACTIP_OK) {
		table_people(&people, year, false, &out->t[2]);
		table_people(&people, year, true, &out->t[3]);
		table_disability(&people, year, &out->disability);
	}
	store_read_end(st, began);
	for (int i = 0; i < 5; i++)
		finish_rows(&out->t[i]);
	finish_rows(&out->feedback);
	finish_rows(&out->disability);
	return rc;
}
