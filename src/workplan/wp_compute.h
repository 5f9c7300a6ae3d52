/* The monitoring definitions of spec/workplan-monitoring.md, computed on a loaded plan:
 * a line's state at a period, whether it is active and expected to report, the counts
 * behind completeness, timeliness, implementation and completion rates (overall, by lead
 * body and by pillar), the SMART gaps of a line, ACTIP-article coverage, overdue
 * follow-up decisions, and the mid-term and final reviews. */
#ifndef ACTIP_WORKPLAN_WP_COMPUTE_H
#define ACTIP_WORKPLAN_WP_COMPUTE_H

#include <stdbool.h>
#include <stdint.h>

#include "workplan/wp_model.h"

/* The default for "on time": at most this many days after the period ends. */
enum { WP_ON_TIME_DAYS = 30 };

/* Counts for one group of lines at one period. */
typedef struct wp_counts {
	int active, expected, received, on_time;
	int state[WS__COUNT]; /* active lines by state at the period */
} wp_counts;

/* A rate: the value in tenths of a percent; `null` when there is no denominator. */
typedef struct wp_rate {
	bool null;
	int64_t tenths;
} wp_rate;

typedef struct wp_rates {
	wp_rate completeness, timeliness, implementation, completion;
} wp_rates;

typedef struct wp_body_counts {
	const char *body;
	wp_counts c;
} wp_body_counts;

/* Everything the definitions give for one period. */
typedef struct wp_period_stats {
	int pidx;
	int on_time_days;
	wp_counts all;
	wp_counts pillar[WP__PILLARS];
	wp_body_counts *bodies; /* lead bodies of lines active at the period, by code */
	int nbodies;
} wp_period_stats;

/* True when the line is active in the period's year. */
bool wp_line_active(const wp_line *l, int pidx);

/* The line's state at pidx: the status of the latest report by its lead body for a
 * period <= pidx, else WS_NOT_REPORTED. */
wp_state wp_line_state(const wp_line *l, int pidx);

/* The lead body's report for exactly pidx, or NULL. */
const wp_report *wp_line_lead_report(const wp_line *l, int pidx);

/* True when the line is expected to report in pidx. */
bool wp_line_expected(const wp_line *l, int pidx);

/* Computes the period's counts. Returns 0, or -1 when out of memory. Free with
 * wp_period_stats_free. */
int wp_compute_period(const wp_plan *p, int pidx, int on_time_days, wp_period_stats *out);
void wp_period_stats_free(wp_period_stats *s);

/* The four rates of a group's counts. */
wp_rates wp_compute_rates(const wp_counts *c);

/* SMART gaps: bit set per missing field (indicator, target, timeline, lead body). */
enum { WP_GAP_INDICATOR = 1, WP_GAP_TARGET = 2, WP_GAP_TIMELINE = 4, WP_GAP_LEAD = 8 };
unsigned wp_line_smart_gaps(const wp_line *l);
/* Writes the names of the gaps ("indicator, target") into buf. */
void wp_smart_gap_names(unsigned gaps, char *buf, size_t size);

/* The ACTIP articles the coverage is reported over (see docs/workplan-monitoring.md). */
enum { WP_ARTICLE_FIRST = 5, WP_ARTICLE_LAST = 24 };

/* True when a follow-up decision is overdue on `day` (days since 1970): it has a due date
 * before that day and is neither done nor dropped. */
bool wp_decision_overdue(const wp_decision *d, long day);

/* True when the decision's meeting was held on or before `day` (a decision of a meeting
 * tied to no plan belongs in a period's report from then on). */
bool wp_decision_held_by(const wp_decision *d, long day);

/* The review's as-of period: mid-term = H2 of the plan's middle year (start + (end -
 * start) / 2), final = H2 of its end year. */
int wp_review_period(const wp_plan *p, bool final);

/* A line's history up to pidx for a review. */
typedef struct wp_line_history {
	bool ever_reported;   /* a lead-body report for some period <= pidx */
	int delayed_periods;  /* active periods <= pidx whose state is delayed */
	int first_delayed, last_delayed; /* pidx, or -1 */
} wp_line_history;
void wp_line_history_compute(const wp_plan *p, const wp_line *l, int pidx, wp_line_history *h);

#endif
