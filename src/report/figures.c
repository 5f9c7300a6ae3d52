/* The report's four figures, built from the computed tables and the project list, so
 * a chart can never disagree with the table beside it: participants by country and
 * sex (Table 3), satisfaction by reporting group (Table 5), capacity development
 * events over three years (Table 2) and project status by country. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "core/country.h"
#include "core/i18n.h"

/* Copies the rows of t except Total into the categories of c. */
static void cats_from(chart *c, const rt_table *t)
{
	for (int i = 0; i < t->nrows && c->ncats < CHART_MAX_CATS; i++)
		if (strcmp(t->rows[i].key, "TOTAL") != 0)
			c->cats[c->ncats++] = t->rows[i].label;
}

/* The row of t labelled label. */
static const rt_row *by_label(const rt_table *t, const char *label)
{
	for (int i = 0; i < t->nrows; i++)
		if (t->rows[i].label == label)
			return &t->rows[i];
	return NULL;
}

int report_figures(const annual_report *r, chart figs[REPORT_NFIGS], char titles[REPORT_NFIGS][RT_TITLE_MAX])
{
	memset(figs, 0, sizeof(chart) * REPORT_NFIGS);
	const rt_table *t2 = &r->tables.t[1], *t3 = &r->tables.t[2], *t5 = &r->tables.t[4];

	chart *c = &figs[0];
	snprintf(titles[0], RT_TITLE_MAX, _("Event participants by country and sex, %d"), r->year);
	c->id = "fig-participants";
	c->title = titles[0];
	c->cat_label = _("Country/region");
	c->desc = _("Stacked bars: female, male and other participants of each country's events "
		  "(Table 3).");
	c->mode = CHART_STACKED;
	c->unit = "";
	c->nseries = 3;
	c->series[0] = _("Female");
	c->series[1] = _("Male");
	c->series[2] = _("Other");
	cats_from(c, t3);
	for (int i = 0; i < c->ncats; i++)
		for (int s = 0; s < 3; s++)
			c->v[i][s] = by_label(t3, c->cats[i])->v[s];

	c = &figs[1];
	snprintf(titles[1], RT_TITLE_MAX, _("Participants satisfied with capacity development events, %d"),
		 r->year);
	c->id = "fig-satisfaction";
	c->title = titles[1];
	c->cat_label = _("Reporting group");
	c->desc = _("Bars: the percentage of feedback respondents of each reporting group who "
		  "were overall satisfied with the event (Table 5).");
	c->mode = CHART_GROUPED;
	c->unit = "%";
	c->axis_max = 100;
	c->nseries = 1;
	c->series[0] = _("Satisfied");
	for (int i = 0; i < t5->nrows && c->ncats < CHART_MAX_CATS; i++) {
		const rt_row *row = &t5->rows[i];
		if (row->null[4])
			continue;
		c->cats[c->ncats] = row->label;
		c->v[c->ncats++][0] = row->v[4];
	}

	c = &figs[2];
	snprintf(titles[2], RT_TITLE_MAX, _("Capacity development events, %s to %s"),
		 t2->cols[t2->ncols - 1].key, t2->cols[0].key);
	c->id = "fig-cd-events";
	c->title = titles[2];
	c->cat_label = _("Country/region");
	c->desc = _("Grouped bars: capacity development events in each country over three years "
		  "(Table 2).");
	c->mode = CHART_GROUPED;
	c->unit = "";
	/* Table 2's columns are the years, newest first; the chart reads oldest first */
	int years = t2->ncols < 3 ? t2->ncols : 3;
	c->nseries = years;
	for (int s = 0; s < years; s++)
		c->series[s] = t2->cols[years - 1 - s].key;
	cats_from(c, t2);
	for (int i = 0; i < c->ncats; i++)
		for (int s = 0; s < years; s++)
			c->v[i][s] = by_label(t2, c->cats[i])->v[years - 1 - s];

	c = &figs[3];
	snprintf(titles[3], RT_TITLE_MAX, _("Project status by country, %d"), r->year);
	c->id = "fig-status";
	c->title = titles[3];
	c->cat_label = _("Country/region");
	c->desc = _("Stacked bars: each country's projects by their status for the year.");
	c->mode = CHART_STACKED;
	c->unit = "";
	int used[ANN_NSTATUS] = {0}, map[ANN_NSTATUS];
	for (size_t i = 0; i < r->nprojects; i++)
		if (r->projects[i].status_ix >= 0)
			used[r->projects[i].status_ix] = 1;
	for (int k = 0; k < ANN_NSTATUS; k++) {
		map[k] = used[k] ? c->nseries : -1;
		if (used[k])
			c->series[c->nseries++] = _(ann_status_labels[k]);
	}
	for (const country *k = country_table; k->code; k++) {
		int row = -1;
		for (size_t i = 0; i < r->nprojects; i++) {
			const ann_project *p = &r->projects[i];
			if (strcmp(p->country, k->code) != 0 || p->status_ix < 0)
				continue;
			if (row < 0) {
				if (c->ncats == CHART_MAX_CATS)
					break;
				row = c->ncats++;
				c->cats[row] = country_label(k);
			}
			c->v[row][map[p->status_ix]]++;
		}
	}
	return REPORT_NFIGS;
}

void report_figure_trends(const annual_report *r, chart *c, char title[RT_TITLE_MAX],
			  char years[CHART_MAX_CATS][8])
{
	memset(c, 0, sizeof *c);
	snprintf(title, RT_TITLE_MAX, _("Participants and people trained by year, %d to %d"),
		 r->ntrends ? r->trends[0].year : r->year, r->year);
	c->id = "fig-trends";
	c->title = title;
	c->cat_label = _("Year");
	c->desc = _("Grouped bars: event participants (Table 3) and people trained (Table 4) "
		  "of each year.");
	c->mode = CHART_GROUPED;
	c->unit = "";
	c->nseries = 2;
	c->series[0] = _("Participants");
	c->series[1] = _("People trained");
	for (size_t i = 0; i < r->ntrends && c->ncats < CHART_MAX_CATS; i++) {
		snprintf(years[c->ncats], sizeof years[0], "%d", r->trends[i].year);
		c->cats[c->ncats] = years[c->ncats];
		c->v[c->ncats][0] = r->trends[i].participants;
		c->v[c->ncats++][1] = r->trends[i].trained;
	}
}
