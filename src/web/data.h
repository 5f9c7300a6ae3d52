/* Reading records for the pages and the API: the activity list with its filters, one
 * activity with its participants and a feedback summary, and the periods. Static SQL
 * with bound parameters only; an empty filter matches everything. */
#ifndef ACTIP_WEB_DATA_H
#define ACTIP_WEB_DATA_H

#include <sqlite3.h>

#include "store/store.h"
#include "web/web.h"

typedef struct act_filter {
	int year;             /* 0 = any */
	const char *country, *type, *project; /* NULL or "" = any */
} act_filter;

/* One activity row (pointers valid until the next step). */
typedef struct act_row {
	const char *id, *project, *country, *type, *title, *start_date, *end_date, *mode;
	const char *outcomes; /* ;-separated, in code order, NULL when none */
	int year;
	long long participants, feedback;
} act_row;

/* Calls fn for each matching activity (at most limit); returns the count or -1. */
int data_activities(store *st, const act_filter *f, int limit,
		    void (*fn)(const act_row *r, void *ctx), void *ctx);

/* Loads one activity into fn; 1 found, 0 not, -1 error. */
int data_activity(store *st, const char *id, void (*fn)(const act_row *r, void *ctx), void *ctx);

/* The version of an activity as the API shows it and If-Match takes it: 32 hex digits
 * of a BLAKE2b hash of its fields, so any edit gives a new version. */
void data_act_version(const act_row *r, char out[33]);

/* A version of any text (the stored rows of a list, a status report): 32 hex digits of
 * a BLAKE2b hash of its len bytes. */
void data_text_version(const void *text, size_t len, char out[33]);

/* The stored activity's version into out; 1 found, 0 not, -1 error. */
int data_activity_version(store *st, const char *id, char out[33]);

/* May this user see participant names and e-mails of an activity of this country? */
bool data_may_edit(const web_user *u, const char *country);

/* Feedback summary: respondents and yes-percentages (-1 = no answers). */
typedef struct fb_summary {
	long long respondents, female, male, other;
	int pct[5]; /* satisfied, met_objectives, met_expectations, improved_learning, relevant */
} fb_summary;
int data_feedback_summary(store *st, const char *id, fb_summary *out);

/* Prepares the participants of an activity: columns seq, person_id, email, full_name,
 * sex, country, organisation, staff, disability. */
int data_participants(store *st, const char *id, sqlite3_stmt **out);

/* Years that have activities, newest first, with approval: year, approved_by, approved_at.
 * A cached statement: end with store_release. */
int data_periods(store *st, sqlite3_stmt **out);

/* The projects (code, title) for a select list. */
int data_projects(store *st, sqlite3_stmt **out);

/* Newest year with activities (0 when none). */
int data_latest_year(store *st);

#endif
