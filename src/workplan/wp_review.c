/* The mid-term and final reviews as a document: the rates of every period from the
 * plan's first half-year to the review's as-of period (overall, by pillar and by lead
 * body), the lines whose lead body never reported, and the lines delayed for two or more
 * periods. */
#include "core/i18n.h"
#include "workplan/wp_doc.h"

#include <stdlib.h>
#include <string.h>

/* Which rate a by-period table shows. */
typedef enum { R_COMPLETENESS, R_TIMELINESS, R_IMPLEMENTATION, R_COMPLETION } which_rate;

/* One rate of a rates struct. */
static wp_rate pick(wp_rates r, which_rate w)
{
	switch (w) {
	case R_COMPLETENESS: return r.completeness;
	case R_TIMELINESS: return r.timeliness;
	case R_IMPLEMENTATION: return r.implementation;
	default: return r.completion;
	}
}

/* The counts of a body at one period, or NULL when it leads no active line then. */
static const wp_counts *body_at(const wp_period_stats *st, const char *body)
{
	for (int i = 0; i < st->nbodies; i++)
		if (strcmp(st->bodies[i].body, body) == 0)
			return &st->bodies[i].c;
	return NULL;
}

/* A table with one row per group and one column per period. */
static void by_period(wp_doc *d, wd_section *s, const char *id, const char *caption,
		      const wp_period_stats *st, int np, bool pillars, which_rate w,
		      const wp_plan *p)
{
	wd_table *t = wd_table_add(d, s, id, caption, np + 1 < WP_DOC_MAX_COLS ? np + 1 : WP_DOC_MAX_COLS);
	if (!t)
		return;
	int first = np + 1 > t->ncols ? np - (t->ncols - 1) : 0; /* the latest periods fit */
	wd_col(t, 0, pillars ? _("Pillar") : _("Lead body"), WD_TEXT);
	for (int k = first; k < np; k++) {
		char per[16];
		wp_period_format(st[k].pidx, per, sizeof per);
		wd_col(t, k - first + 1, wd_str(d, "%s", per), WD_NUM);
	}
	int ngroups = pillars ? WP__PILLARS : p->nbodies;
	for (int g = 0; g < ngroups; g++) {
		bool any = false;
		for (int k = 0; k < np; k++) {
			const wp_counts *c = pillars ? &st[k].pillar[g] : body_at(&st[k], p->bodies[g].code);
			any = any || (c && c->active > 0);
		}
		if (!any)
			continue;
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = pillars ? wp_pillar_title((wp_pillar)g) : p->bodies[g].code;
		for (int k = first; k < np; k++) {
			const wp_counts *c = pillars ? &st[k].pillar[g] : body_at(&st[k], p->bodies[g].code);
			row[k - first + 1] = c ? wd_rate(d, pick(wp_compute_rates(c), w)) : WP_EN_DASH;
		}
	}
	const char **row = wd_row(d, t, WD_TOTAL);
	row[0] = _("All lines");
	for (int k = first; k < np; k++)
		row[k - first + 1] = wd_rate(d, pick(wp_compute_rates(&st[k].all), w));
}

/* The review document. */
wp_doc *wp_review_doc(const wp_plan *p, bool final, int on_time_days)
{
	wp_doc *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	int asof = wp_review_period(p, final), first = 2 * p->start_year;
	int np = asof - first + 1;
	wp_period_stats *st = calloc((size_t)(np > 0 ? np : 1), sizeof *st);
	if (!st) {
		free(d);
		return NULL;
	}
	for (int k = 0; k < np; k++)
		if (wp_compute_period(p, first + k, on_time_days, &st[k]) < 0)
			d->failed = 1;
	char period[16];
	wp_period_format(asof, period, sizeof period);
	const char *kind = final ? _("Final review") : _("Mid-term review");
	d->kind = "review";
	d->title = wd_str(d, "%s: %s", p->title, final ? _("final review") : _("mid-term review"));
	d->subtitle = wd_str(d, _("Plan %s, %d–%d. %s as of the end of %s, over the "
				"periods %d-H1 to %s."), p->plan, p->start_year, p->end_year, kind,
			     period, p->start_year, period);
	d->sheet_name = "Rates";

	wd_section *s = wd_section_add(d, "rates", _("Rates over the periods"));
	wd_table *t = wd_table_add(d, s, "rates-table", _("All action lines, by period"), 9);
	static const char *const heads[] = {N_("Period"), N_("Active lines"), N_("Expected"), N_("Received"),
					    N_("On time"), N_("Completeness"), N_("Timeliness"),
					    N_("Implementation rate"), N_("Completion rate")};
	for (int i = 0; i < 9; i++)
		wd_col(t, i, _(heads[i]), i ? WD_NUM : WD_TEXT);
	for (int k = 0; k < np; k++) {
		char per[16];
		wp_period_format(st[k].pidx, per, sizeof per);
		wp_rates r = wp_compute_rates(&st[k].all);
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = wd_str(d, "%s", per);
		row[1] = wd_str(d, "%d", st[k].all.active);
		row[2] = wd_str(d, "%d", st[k].all.expected);
		row[3] = wd_str(d, "%d", st[k].all.received);
		row[4] = wd_str(d, "%d", st[k].all.on_time);
		row[5] = wd_rate(d, r.completeness);
		row[6] = wd_rate(d, r.timeliness);
		row[7] = wd_rate(d, r.implementation);
		row[8] = wd_rate(d, r.completion);
	}
	wd_section *sp = wd_section_add(d, "by-pillar", _("By pillar"));
	by_period(d, sp, "pillar-impl", _("Implementation rate by pillar"), st, np, true,
		  R_IMPLEMENTATION, p);
	by_period(d, sp, "pillar-compl", _("Completion rate by pillar"), st, np, true, R_COMPLETION, p);
	by_period(d, sp, "pillar-complete", _("Completeness of reporting by pillar"), st, np, true,
		  R_COMPLETENESS, p);
	wd_section *sb = wd_section_add(d, "by-body", _("By lead body"));
	by_period(d, sb, "body-complete", _("Completeness of reporting by lead body"), st, np, false,
		  R_COMPLETENESS, p);
	by_period(d, sb, "body-timely", _("Timeliness of reporting by lead body"), st, np, false,
		  R_TIMELINESS, p);
	by_period(d, sb, "body-impl", _("Implementation rate by lead body"), st, np, false,
		  R_IMPLEMENTATION, p);

	wd_section *sn = wd_section_add(d, "never-reported", _("Lines never reported"));
	wd_table *tn = wd_table_add(d, sn, "never-table",
				    wd_str(d, _("Active lines whose lead body sent no report up to %s"), period), 4);
	wd_col(tn, 0, _("No."), WD_TEXT);
	wd_col(tn, 1, _("Programme / activity"), WD_WIDE);
	wd_col(tn, 2, _("Lead body"), WD_TEXT);
	wd_col(tn, 3, _("Timeline"), WD_TEXT);
	wd_section *sd = wd_section_add(d, "delayed", _("Delayed lines"));
	wd_para(d, sd, _("Lines whose state was delayed at two or more periods up to %s (a delayed "
		       "state carries forward until the lead body reports another)."), period);
	wd_table *td = wd_table_add(d, sd, "delayed-table", _("Lines delayed for two or more periods"), 6);
	static const char *const dh[] = {N_("No."), N_("Programme / activity"), N_("Lead body"),
					 N_("Periods delayed"), N_("From / to"), N_("State at review")};
	for (int i = 0; i < 6; i++)
		wd_col(td, i, _(dh[i]), i == 1 ? WD_WIDE : i == 3 ? WD_NUM : i == 5 ? WD_STATUS : WD_TEXT);
	int never = 0, delayed = 0;
	for (int i = 0; i < p->nlines; i++) {
		const wp_line *l = &p->lines[i];
		if (l->start_year > asof / 2)
			continue; /* not yet active */
		wp_line_history h;
		wp_line_history_compute(p, l, asof, &h);
		if (!h.ever_reported) {
			const char **row = wd_row(d, tn, WD_ROW);
			row[0] = l->id;
			row[1] = l->activity;
			row[2] = l->lead;
			row[3] = wd_str(d, "%d" WP_EN_DASH "%d", l->start_year, l->end_year);
			never++;
		}
		if (h.delayed_periods >= 2) {
			char a[16], b[16];
			wp_period_format(h.first_delayed, a, sizeof a);
			wp_period_format(h.last_delayed, b, sizeof b);
			const char **row = wd_row(d, td, WD_ROW);
			row[0] = l->id;
			row[1] = l->activity;
			row[2] = l->lead;
			row[3] = wd_str(d, "%d", h.delayed_periods);
			row[4] = wd_str(d, "%s " WP_EN_DASH " %s", a, b);
			row[5] = wd_state_text(wp_line_state(l, asof));
			delayed++;
		}
	}
	if (!never)
		wd_para(d, sn, _("Every active line has been reported by its lead body."));
	if (!delayed)
		wd_para(d, sd, _("No line was delayed for two or more periods."));
	for (int k = 0; k < np; k++)
		wp_period_stats_free(&st[k]);
	free(st);
	if (d->failed) {
		wp_doc_free(d);
		return NULL;
	}
	return d;
}
