/* The monitoring definitions (spec/workplan-monitoring.md). Each rule is one small
 * function so that it reads like the specification:
 *   state at P    = status of the lead body's latest report for a period <= P;
 *   expected in P = active in P, and the state at P - 1 is neither completed nor cancelled;
 *   received      = expected, and the lead body reported for P itself;
 *   on time       = received, with reported_on at most N days after P ends. */
#include "workplan/wp_compute.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"

/* Active: start year <= YYYY <= end year (the plan's years when the line has none). */
bool wp_line_active(const wp_line *l, int pidx)
{
	int y = pidx / 2;
	return l->start_year <= y && y <= l->end_year;
}

/* The latest lead-body report for a period <= pidx. Reports are ordered by period. */
wp_state wp_line_state(const wp_line *l, int pidx)
{
	wp_state s = WS_NOT_REPORTED;
	for (int i = 0; i < l->nreports && l->reports[i].pidx <= pidx; i++)
		if (strcmp(l->reports[i].body, l->lead) == 0)
			s = l->reports[i].status;
	return s;
}

/* The lead body's report for pidx itself. */
const wp_report *wp_line_lead_report(const wp_line *l, int pidx)
{
	for (int i = 0; i < l->nreports; i++)
		if (l->reports[i].pidx == pidx && strcmp(l->reports[i].body, l->lead) == 0)
			return &l->reports[i];
	return NULL;
}

/* Expected: active, and not completed or cancelled as of the period before. */
bool wp_line_expected(const wp_line *l, int pidx)
{
	if (!wp_line_active(l, pidx))
		return false;
	wp_state before = wp_line_state(l, pidx - 1);
	return before != WS_COMPLETED && before != WS_CANCELLED;
}

/* Adds one line's contribution at pidx to c. */
static void count_line(const wp_line *l, int pidx, long deadline, wp_counts *c)
{
	if (!wp_line_active(l, pidx))
		return;
	c->active++;
	c->state[wp_line_state(l, pidx)]++;
	if (!wp_line_expected(l, pidx))
		return;
	c->expected++;
	const wp_report *r = wp_line_lead_report(l, pidx);
	if (!r)
		return;
	c->received++;
	if (r->reported_day != LONG_MIN && r->reported_day <= deadline)
		c->on_time++;
}

/* Orders body counts by code. */
static int body_cmp(const void *a, const void *b)
{
	return strcmp(((const wp_body_counts *)a)->body, ((const wp_body_counts *)b)->body);
}

/* The period's counts: overall, by pillar and by lead body. */
int wp_compute_period(const wp_plan *p, int pidx, int on_time_days, wp_period_stats *out)
{
	memset(out, 0, sizeof *out);
	out->pidx = pidx;
	out->on_time_days = on_time_days;
	long deadline = wp_period_end_day(pidx) + on_time_days;
	out->bodies = calloc((size_t)(p->nlines ? p->nlines : 1), sizeof *out->bodies);
	if (!out->bodies)
		return -1;
	for (int i = 0; i < p->nlines; i++) {
		const wp_line *l = &p->lines[i];
		if (!wp_line_active(l, pidx))
			continue;
		count_line(l, pidx, deadline, &out->all);
		if (l->pillar >= 0 && l->pillar < WP__PILLARS)
			count_line(l, pidx, deadline, &out->pillar[l->pillar]);
		int b = 0;
		// NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): lead_body is NOT NULL in the schema, so no body is NULL
		while (b < out->nbodies && strcmp(out->bodies[b].body, l->lead) != 0)
			b++;
		if (b == out->nbodies)
			out->bodies[out->nbodies++].body = l->lead;
		count_line(l, pidx, deadline, &out->bodies[b].c);
	}
	qsort(out->bodies, (size_t)out->nbodies, sizeof *out->bodies, body_cmp);
	return 0;
}

/* Frees the body counts. */
void wp_period_stats_free(wp_period_stats *s)
{
	free(s->bodies);
	s->bodies = NULL;
	s->nbodies = 0;
}

/* num / den × 100 to one decimal, half away from zero; null without a denominator. */
static wp_rate rate(int num, int den)
{
	wp_rate r = {true, 0};
	if (den > 0 && num_pct_scaled(num, den, 1, &r.tenths))
		r.null = false;
	return r;
}

/* completeness, timeliness, implementation and completion. */
wp_rates wp_compute_rates(const wp_counts *c)
{
	int live = c->active - c->state[WS_CANCELLED];
	wp_rates r;
	r.completeness = rate(c->received, c->expected);
	r.timeliness = rate(c->on_time, c->expected);
	r.implementation = rate(c->state[WS_COMPLETED] + c->state[WS_ONGOING], live);
	r.completion = rate(c->state[WS_COMPLETED], live);
	return r;
}

/* True for NULL or only white space. */
static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* Missing SMART fields. The timeline is missing when the line gives no years of its own
 * (it then runs for the whole plan, which is not time-bound). */
unsigned wp_line_smart_gaps(const wp_line *l)
{
	unsigned g = 0;
	if (blank(l->indicator))
		g |= WP_GAP_INDICATOR;
	if (blank(l->target))
		g |= WP_GAP_TARGET;
	if (!l->years_given)
		g |= WP_GAP_TIMELINE;
	if (blank(l->lead))
		g |= WP_GAP_LEAD;
	return g;
}

/* "indicator, target, timeline, lead body". */
void wp_smart_gap_names(unsigned gaps, char *buf, size_t size)
{
	static const char *const names[] = {"indicator", "target", "timeline", "lead body"};
	buf[0] = '\0';
	for (int i = 0; i < 4; i++)
		if (gaps & (1u << i)) {
			if (buf[0])
				strncat(buf, ", ", size - strlen(buf) - 1);
			strncat(buf, names[i], size - strlen(buf) - 1);
		}
}

/* Overdue: due before `day`, neither done nor dropped. */
bool wp_decision_overdue(const wp_decision *d, long day)
{
	int y, m, dd;
	if (!d->due_on || !d->status || strcmp(d->status, "done") == 0 ||
	    strcmp(d->status, "dropped") == 0)
		return false;
	if (sscanf(d->due_on, "%4d-%2d-%2d", &y, &m, &dd) != 3)
		return false;
	return wp_days(y, m, dd) < day;
}

/* Held on or before `day`; a meeting without a readable date counts as held. */
bool wp_decision_held_by(const wp_decision *d, long day)
{
	int y, m, dd;
	return !d->held_on || sscanf(d->held_on, "%4d-%2d-%2d", &y, &m, &dd) != 3 || wp_days(y, m, dd) <= day;
}

/* H2 of the middle year, or of the end year. */
int wp_review_period(const wp_plan *p, bool final)
{
	int y = final ? p->end_year : p->start_year + (p->end_year - p->start_year) / 2;
	return 2 * y + 1;
}

/* Whether the lead ever reported, and the periods the line spent delayed. */
void wp_line_history_compute(const wp_plan *p, const wp_line *l, int pidx, wp_line_history *h)
{
	memset(h, 0, sizeof *h);
	h->first_delayed = h->last_delayed = -1;
	h->ever_reported = wp_line_state(l, pidx) != WS_NOT_REPORTED;
	for (int q = 2 * p->start_year; q <= pidx; q++) {
		if (!wp_line_active(l, q) || wp_line_state(l, q) != WS_DELAYED)
			continue;
		h->delayed_periods++;
		if (h->first_delayed < 0)
			h->first_delayed = q;
		h->last_delayed = q;
	}
}
