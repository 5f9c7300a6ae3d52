/* A work plan in memory, as the monitoring computations need it: the plan, its action
 * lines with every status report (by the lead and by cooperating bodies), the bodies and
 * focal points, the meetings' follow-up decisions, the adoption steps and the
 * consultation inputs. wp_plan_load reads it all with static SQL; everything is
 * allocated from one arena that wp_plan_free releases at once. */
#ifndef ACTIP_WORKPLAN_WP_MODEL_H
#define ACTIP_WORKPLAN_WP_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "store/store.h"

/* A line's state; WS_NOT_REPORTED when its lead body has not reported yet. */
typedef enum {
	WS_COMPLETED, WS_ONGOING, WS_DELAYED, WS_NOT_STARTED, WS_CANCELLED, WS_NOT_REPORTED,
	WS__COUNT
} wp_state;

/* The four APA pillars, in the plan's order. */
typedef enum { WP_PREVENTION, WP_PROTECTION, WP_LAW_ENFORCEMENT, WP_COOPERATION, WP__PILLARS } wp_pillar;

typedef struct wp_report {
	const char *body;
	int pidx;              /* 2 * year + half - 1 */
	wp_state status;
	const char *note;      /* NULL when none */
	const char *reported_on; /* YYYY-MM-DD or NULL */
	long reported_day;     /* days since 1970-01-01, or LONG_MIN when not given */
} wp_report;

typedef struct wp_line {
	const char *id, *provision, *area, *activity, *lead, *output, *outcome, *indicator, *target;
	wp_pillar pillar;
	const char **coop;     /* cooperating bodies */
	int ncoop;
	int *articles;
	int narticles;
	int start_year, end_year; /* the plan's when the line gives none */
	bool years_given;
	wp_report *reports;    /* ordered by period, then body */
	int nreports;
} wp_line;

typedef struct wp_body {
	const char *code, *name, *kind;
} wp_body;

typedef struct wp_focal {
	const char *body, *name, *email, *role;
} wp_focal;

typedef struct wp_decision {
	const char *meeting, *meeting_title, *held_on, *decision, *timeline, *due_on, *status,
		*done_on, *note;
	int no;
	const char **bodies;
	int nbodies;
} wp_decision;

typedef struct wp_step {
	const char *step, *body, *due_on, *done_on, *note;
} wp_step;

typedef struct wp_input {
	const char *body, *item, *submitted_on, *comment;
} wp_input;

typedef struct wp_arena wp_arena;

typedef struct wp_plan {
	const char *plan, *title, *overseen_by;
	int start_year, end_year;
	wp_line *lines;
	int nlines;
	wp_body *bodies;       /* every stored body, by code */
	int nbodies;
	wp_focal *focals;
	int nfocals;
	wp_decision *decisions; /* of the plan's meetings, by meeting date, meeting, no */
	int ndecisions;
	wp_decision *others;    /* of meetings tied to no plan (a steering committee's, say),
				 * in the same order; shown beside the plan's, never counted in
				 * its follow-up rates */
	int nothers;
	wp_step *steps;        /* in the order of the adoption process */
	int nsteps;
	wp_input *inputs;
	int ninputs;
	wp_arena *arena;
} wp_plan;

/* The arena everything of a plan or a document is allocated from. */
void *wp_alloc(wp_arena **a, size_t size);           /* zeroed; NULL when out of memory */
char *wp_strdup(wp_arena **a, const char *s);        /* NULL for NULL */
char *wp_printf(wp_arena **a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wp_arena_free(wp_arena *a);

/* Loads plan `code`. Returns ACTIP_OK, ACTIP_EINPUT when there is no such plan (err
 * says so and lists the stored plans), or ACTIP_ERR / ACTIP_ENOMEM. */
int wp_plan_load(store *st, const char *code, wp_plan **out, actip_err *err);

/* Frees a plan; NULL is fine. */
void wp_plan_free(wp_plan *p);

/* The name of a state ("completed", ..., "not_reported") and of a pillar. */
const char *wp_state_name(wp_state s);
const char *wp_pillar_name(wp_pillar p);
/* The pillar's display title ("Prevention", "Law enforcement and prosecution", ...). */
const char *wp_pillar_title(wp_pillar p);

/* Looks a body up by code; NULL when unknown. */
const wp_body *wp_plan_body(const wp_plan *p, const char *code);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long wp_days(int y, int m, int d);

/* Parses "YYYY-H1" / "YYYY-H2" (H in any case) into the period index 2 * YYYY +
 * (H - 1); -1 when malformed. */
int wp_period_parse(const char *s);

/* Period index helpers: "2018-H2" <-> 4037; the last day of a period (days). */
void wp_period_format(int pidx, char *buf, size_t size);
long wp_period_end_day(int pidx);

#endif
