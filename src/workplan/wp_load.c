/* Loading a work plan from the store into memory (wp_model.h), and the small calendar
 * helpers the definitions need. All SQL is static with bound parameters; every string
 * is copied into the plan's arena. */
#include "core/i18n.h"
#include "workplan/wp_model.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* ---- arena -------------------------------------------------------------------- */

struct wp_arena {
	struct wp_arena *next;
	size_t used, cap;
	max_align_t data[];
};

/* Allocates size zeroed bytes from an arena; NULL when out of memory. */
void *wp_alloc(wp_arena **ap, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	wp_arena *a = *ap;
	if (!a || a->cap - a->used < size) {
		size_t cap = size > 65536 ? size : 65536;
		wp_arena *n = calloc(1, sizeof *n + cap);
		if (!n)
			return NULL;
		n->cap = cap;
		n->next = a;
		*ap = a = n;
	}
	void *r = (char *)a->data + a->used;
	a->used += size;
	return r;
}

/* Copies a string into an arena. */
char *wp_strdup(wp_arena **ap, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *r = wp_alloc(ap, n + 1);
	if (r)
		memcpy(r, s, n + 1);
	return r;
}

/* Formats into an arena. */
char *wp_printf(wp_arena **ap, const char *fmt, ...)
{
	va_list ap1, ap2;
	va_start(ap1, fmt);
	va_copy(ap2, ap1);
	int n = vsnprintf(NULL, 0, fmt, ap1);
	va_end(ap1);
	char *r = n >= 0 ? wp_alloc(ap, (size_t)n + 1) : NULL;
	if (r)
		vsnprintf(r, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return r;
}

/* Frees every block of an arena. */
void wp_arena_free(wp_arena *a)
{
	for (wp_arena *n; a; a = n) {
		n = a->next;
		free(a);
	}
}

/* Allocates from the plan's arena. */
static void *alloc(wp_plan *p, size_t size)
{
	return wp_alloc(&p->arena, size);
}

/* Copies a column's text into the arena; NULL for SQL NULL (or out of memory). */
static const char *col_text(wp_plan *p, sqlite3_stmt *s, int c, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(s, c);
	if (!t)
		return NULL;
	size_t n = strlen((const char *)t);
	char *r = alloc(p, n + 1);
	if (!r) {
		*oom = true;
		return NULL;
	}
	memcpy(r, t, n + 1);
	return r;
}

/* Grows an arena array by doubling (old contents copied); returns the new array. */
static void *grow(wp_plan *p, void *arr, int n, int *cap, size_t elem)
{
	if (n < *cap)
		return arr;
	int nc = *cap ? *cap * 2 : 16;
	void *na = alloc(p, (size_t)nc * elem);
	if (!na)
		return NULL;
	if (arr)
		memcpy(na, arr, (size_t)n * elem);
	*cap = nc;
	return na;
}

/* Frees the plan and its arena. */
void wp_plan_free(wp_plan *p)
{
	if (!p)
		return;
	wp_arena_free(p->arena);
	free(p);
}

/* ---- names and calendar --------------------------------------------------------- */

static const char *const STATE_NAMES[WS__COUNT] = {
	"completed", "ongoing", "delayed", "not_started", "cancelled", "not_reported",
};
static const char *const PILLAR_NAMES[WP__PILLARS] = {
	"prevention", "protection", "law_enforcement", "cooperation",
};
static const char *const PILLAR_TITLES[WP__PILLARS] = {
	N_("Prevention"), N_("Protection of victims"), N_("Law enforcement and prosecution"),
	N_("Regional and international cooperation and coordination"),
};

/* The state's word. */
const char *wp_state_name(wp_state s)
{
	return s >= 0 && s < WS__COUNT ? STATE_NAMES[s] : "?";
}

/* The pillar's word. */
const char *wp_pillar_name(wp_pillar p)
{
	return p >= 0 && p < WP__PILLARS ? PILLAR_NAMES[p] : "?";
}

/* The pillar's title. */
const char *wp_pillar_title(wp_pillar p)
{
	return p >= 0 && p < WP__PILLARS ? _(PILLAR_TITLES[p]) : "?"; /* the thread's language */
}

/* Index of a word in a list of n, or -1. */
static int word_index(const char *w, const char *const *list, int n)
{
	for (int i = 0; w && i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return i;
	return -1;
}

/* Days from the civil date (the well-known era-based algorithm for the proleptic
 * Gregorian calendar). */
long wp_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Parses YYYY-Hn. */
int wp_period_parse(const char *s)
{
	int y;
	char year[5];
	if (!s || strlen(s) != 7 || s[4] != '-' || (s[5] != 'H' && s[5] != 'h') ||
	    (s[6] != '1' && s[6] != '2'))
		return -1;
	memcpy(year, s, 4);
	year[4] = '\0';
	if (text_parse_year(year, &y) < 0)
		return -1;
	return 2 * y + (s[6] - '1');
}

/* "YYYY-Hn". */
void wp_period_format(int pidx, char *buf, size_t size)
{
	snprintf(buf, size, "%d-H%d", pidx / 2, pidx % 2 + 1);
}

/* 30 June or 31 December. */
long wp_period_end_day(int pidx)
{
	return pidx % 2 == 0 ? wp_days(pidx / 2, 6, 30) : wp_days(pidx / 2, 12, 31);
}

/* Looks a body up (bodies are few; a linear scan is enough). */
const wp_body *wp_plan_body(const wp_plan *p, const char *code)
{
	for (int i = 0; code && i < p->nbodies; i++)
		if (strcmp(p->bodies[i].code, code) == 0)
			return &p->bodies[i];
	return NULL;
}

/* ---- loading -------------------------------------------------------------------- */

static const char SQL_PLAN[] =
	"SELECT plan, title, start_year, end_year, overseen_by FROM wp_plan WHERE plan = ?1";
static const char SQL_PLANS[] = "SELECT plan FROM wp_plan ORDER BY plan";
static const char SQL_LINES[] =
	"SELECT item_id, pillar, apa_provision, area, activity, lead_body, start_year, end_year,"
	" expected_output, outcome, indicator, target FROM wp_item WHERE plan = ?1"
	" ORDER BY CASE pillar WHEN 'prevention' THEN 0 WHEN 'protection' THEN 1"
	" WHEN 'law_enforcement' THEN 2 ELSE 3 END, seq, item_id";
static const char SQL_COOP[] =
	"SELECT b.item, b.body FROM wp_item_body b JOIN wp_item i ON i.item_id = b.item"
	" WHERE i.plan = ?1 ORDER BY b.item, b.pos";
static const char SQL_ARTS[] =
	"SELECT DISTINCT a.item, a.article FROM wp_item_article a JOIN wp_item i ON i.item_id = a.item"
	" WHERE i.plan = ?1 ORDER BY a.item, a.article";
static const char SQL_REPORTS[] =
	"SELECT s.item, s.pidx, s.body, s.status, s.note, s.reported_on FROM wp_status s"
	" JOIN wp_item i ON i.item_id = s.item WHERE i.plan = ?1 ORDER BY s.item, s.pidx, s.body";
static const char SQL_BODIES[] = "SELECT code, name, kind FROM wp_body ORDER BY code";
static const char SQL_FOCALS[] =
	"SELECT body, name, email, role FROM wp_focal_point ORDER BY body, name";
static const char SQL_DECISIONS[] =
	"SELECT d.meeting, m.title, m.held_on, d.no, d.decision, d.timeline, d.due_on, d.status,"
	" d.done_on, d.note FROM wp_decision d JOIN wp_meeting m ON m.meeting = d.meeting"
	" WHERE m.plan = ?1 ORDER BY m.held_on, d.meeting, d.no";
static const char SQL_DEC_BODIES[] =
	"SELECT b.meeting, b.no, b.body FROM wp_decision_body b"
	" JOIN wp_meeting m ON m.meeting = b.meeting WHERE m.plan = ?1"
	" ORDER BY b.meeting, b.no, b.pos";
static const char SQL_OTHER_DECISIONS[] =
	"SELECT d.meeting, m.title, m.held_on, d.no, d.decision, d.timeline, d.due_on, d.status,"
	" d.done_on, d.note FROM wp_decision d JOIN wp_meeting m ON m.meeting = d.meeting"
	" WHERE m.plan IS NULL ORDER BY m.held_on, d.meeting, d.no";
static const char SQL_OTHER_DEC_BODIES[] =
	"SELECT b.meeting, b.no, b.body FROM wp_decision_body b"
	" JOIN wp_meeting m ON m.meeting = b.meeting WHERE m.plan IS NULL"
	" ORDER BY b.meeting, b.no, b.pos";
static const char SQL_STEPS[] =
	"SELECT step, body, due_on, done_on, note FROM wp_adoption_step WHERE plan = ?1"
	" ORDER BY CASE step WHEN 'drafted' THEN 0 WHEN 'circulated' THEN 1"
	" WHEN 'inputs_due' THEN 2 WHEN 'consulted' THEN 3 WHEN 'adopted' THEN 4"
	" WHEN 'noted' THEN 5 ELSE 6 END";
static const char SQL_INPUTS[] =
	"SELECT body, item, submitted_on, comment FROM wp_input WHERE plan = ?1"
	" ORDER BY submitted_on, body, item";

/* Prepares a statement and binds the plan code (when the SQL has a parameter). */
static int prep(store *st, const char *sql, const char *plan, sqlite3_stmt **s, actip_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK)
		return store_error(st, "reading the work plan", err);
	if (sqlite3_bind_parameter_count(*s) > 0)
		sqlite3_bind_text(*s, 1, plan, -1, SQLITE_STATIC);
	return ACTIP_OK;
}

/* Finds a line by id (lines are ordered by pillar, so scan). */
static wp_line *find_line(wp_plan *p, const char *id)
{
	for (int i = 0; i < p->nlines; i++)
		if (strcmp(p->lines[i].id, id) == 0)
			return &p->lines[i];
	return NULL;
}

/* Ends a statement's step loop: finalizes it, and fails when the loop stopped on an error
 * (busy, I/O) rather than at SQLITE_DONE, so that a plan is never silently short. A loop
 * left for lack of memory (oom) is reported by the caller. */
static int stepped(store *st, sqlite3_stmt *s, int rc, bool oom, actip_err *err)
{
	sqlite3_finalize(s);
	if (oom || rc == SQLITE_DONE)
		return ACTIP_OK;
	return store_error(st, "reading the work plan", err);
}

/* Lists the stored plans into err for an unknown plan. */
static int unknown_plan(store *st, const char *code, actip_err *err)
{
	char list[512] = "";
	sqlite3_stmt *s;
	if (prep(st, SQL_PLANS, NULL, &s, err) < 0)
		return ACTIP_ERR;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (strlen(list) + strlen(t) + 3 >= sizeof list)
			break;
		strcat(list, list[0] ? ", " : "");
		strcat(list, t);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, "listing the work plans", err);
	return err_set(err, ACTIP_EINPUT, "no work plan '%s' in the database (stored: %s)", code,
		       list[0] ? list : "none; import plans.csv");
}

/* The lines, their cooperating bodies, articles and reports. */
static int load_lines(store *st, wp_plan *p, bool *oom, actip_err *err)
{
	sqlite3_stmt *s;
	int rc;
	int cap = 0;
	if (prep(st, SQL_LINES, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		if (!(p->lines = grow(p, p->lines, p->nlines, &cap, sizeof *p->lines))) {
			*oom = true;
			break;
		}
		wp_line *l = &p->lines[p->nlines++];
		memset(l, 0, sizeof *l);
		l->id = col_text(p, s, 0, oom);
		l->pillar = (wp_pillar)word_index((const char *)sqlite3_column_text(s, 1),
						  PILLAR_NAMES, WP__PILLARS);
		l->provision = col_text(p, s, 2, oom);
		l->area = col_text(p, s, 3, oom);
		l->activity = col_text(p, s, 4, oom);
		l->lead = col_text(p, s, 5, oom);
		l->years_given = sqlite3_column_type(s, 6) != SQLITE_NULL ||
				 sqlite3_column_type(s, 7) != SQLITE_NULL;
		l->start_year = sqlite3_column_type(s, 6) != SQLITE_NULL ? sqlite3_column_int(s, 6)
									 : p->start_year;
		l->end_year = sqlite3_column_type(s, 7) != SQLITE_NULL ? sqlite3_column_int(s, 7)
								       : p->end_year;
		l->output = col_text(p, s, 8, oom);
		l->outcome = col_text(p, s, 9, oom);
		l->indicator = col_text(p, s, 10, oom);
		l->target = col_text(p, s, 11, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;
	if (*oom)
		return ACTIP_ENOMEM;

	/* cooperating bodies: count, then fill (rows come ordered by item) */
	if (prep(st, SQL_COOP, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	wp_line *cur = NULL;
	int ccap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		if (!cur || strcmp(cur->id, id) != 0) {
			cur = find_line(p, id);
			ccap = 0;
		}
		if (!cur || !(cur->coop = grow(p, cur->coop, cur->ncoop, &ccap, sizeof *cur->coop))) {
			*oom = cur != NULL;
			continue;
		}
		cur->coop[cur->ncoop++] = col_text(p, s, 1, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	if (prep(st, SQL_ARTS, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	cur = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		if (!cur || strcmp(cur->id, id) != 0) {
			cur = find_line(p, id);
			ccap = 0;
		}
		if (!cur || !(cur->articles = grow(p, cur->articles, cur->narticles, &ccap,
						   sizeof *cur->articles))) {
			*oom = cur != NULL;
			continue;
		}
		cur->articles[cur->narticles++] = sqlite3_column_int(s, 1);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	if (prep(st, SQL_REPORTS, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	cur = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		if (!cur || strcmp(cur->id, id) != 0) {
			cur = find_line(p, id);
			ccap = 0;
		}
		if (!cur || !(cur->reports = grow(p, cur->reports, cur->nreports, &ccap,
						  sizeof *cur->reports))) {
			*oom = cur != NULL;
			continue;
		}
		wp_report *r = &cur->reports[cur->nreports++];
		r->pidx = sqlite3_column_int(s, 1);
		r->body = col_text(p, s, 2, oom);
		int st_i = word_index((const char *)sqlite3_column_text(s, 3), STATE_NAMES, WS__COUNT);
		r->status = st_i < 0 ? WS_NOT_REPORTED : (wp_state)st_i;
		r->note = col_text(p, s, 4, oom);
		r->reported_on = col_text(p, s, 5, oom);
		int y, m, d;
		r->reported_day = r->reported_on && text_parse_date(r->reported_on, &y, &m, &d) == 0
					  ? wp_days(y, m, d) : LONG_MIN;
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;
	return *oom ? ACTIP_ENOMEM : ACTIP_OK;
}

/* Decisions (sql) and the bodies that follow each up (sql_bodies) into *arr. */
static int load_decisions(store *st, wp_plan *p, const char *sql, const char *sql_bodies, wp_decision **arr, int *n,
			  bool *oom, actip_err *err)
{
	int cap = 0, rc;
	sqlite3_stmt *s;
	if (prep(st, sql, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		if (!(*arr = grow(p, *arr, *n, &cap, sizeof **arr))) {
			*oom = true;
			break;
		}
		wp_decision *d = &(*arr)[(*n)++];
		memset(d, 0, sizeof *d);
		d->meeting = col_text(p, s, 0, oom);
		d->meeting_title = col_text(p, s, 1, oom);
		d->held_on = col_text(p, s, 2, oom);
		d->no = sqlite3_column_int(s, 3);
		d->decision = col_text(p, s, 4, oom);
		d->timeline = col_text(p, s, 5, oom);
		d->due_on = col_text(p, s, 6, oom);
		d->status = col_text(p, s, 7, oom);
		d->done_on = col_text(p, s, 8, oom);
		d->note = col_text(p, s, 9, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	if (prep(st, sql_bodies, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		const char *m = (const char *)sqlite3_column_text(s, 0);
		int no = sqlite3_column_int(s, 1);
		for (int i = 0; i < *n; i++) {
			wp_decision *d = &(*arr)[i];
			if (d->no != no || strcmp(d->meeting, m) != 0)
				continue;
			/* a decision names few bodies: grow one by one */
			const char **nb = alloc(p, (size_t)(d->nbodies + 1) * sizeof *nb);
			if (!nb) {
				*oom = true;
				break;
			}
			if (d->nbodies)
				memcpy(nb, d->bodies, (size_t)d->nbodies * sizeof *nb);
			nb[d->nbodies++] = col_text(p, s, 2, oom);
			d->bodies = nb;
		}
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	return ACTIP_OK;
}

/* Bodies, focal points, decisions, steps and inputs. */
static int load_rest(store *st, wp_plan *p, bool *oom, actip_err *err)
{
	sqlite3_stmt *s;
	int rc;
	int cap = 0;
	if (prep(st, SQL_BODIES, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		if (!(p->bodies = grow(p, p->bodies, p->nbodies, &cap, sizeof *p->bodies))) {
			*oom = true;
			break;
		}
		wp_body *b = &p->bodies[p->nbodies++];
		b->code = col_text(p, s, 0, oom);
		b->name = col_text(p, s, 1, oom);
		b->kind = col_text(p, s, 2, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	cap = 0;
	if (prep(st, SQL_FOCALS, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		if (!(p->focals = grow(p, p->focals, p->nfocals, &cap, sizeof *p->focals))) {
			*oom = true;
			break;
		}
		wp_focal *f = &p->focals[p->nfocals++];
		f->body = col_text(p, s, 0, oom);
		f->name = col_text(p, s, 1, oom);
		f->email = col_text(p, s, 2, oom);
		f->role = col_text(p, s, 3, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	if (load_decisions(st, p, SQL_DECISIONS, SQL_DEC_BODIES, &p->decisions, &p->ndecisions, oom, err) < 0 ||
	    load_decisions(st, p, SQL_OTHER_DECISIONS, SQL_OTHER_DEC_BODIES, &p->others, &p->nothers, oom, err) < 0)
		return ACTIP_ERR;

	cap = 0;
	if (prep(st, SQL_STEPS, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		if (!(p->steps = grow(p, p->steps, p->nsteps, &cap, sizeof *p->steps))) {
			*oom = true;
			break;
		}
		wp_step *x = &p->steps[p->nsteps++];
		x->step = col_text(p, s, 0, oom);
		x->body = col_text(p, s, 1, oom);
		x->due_on = col_text(p, s, 2, oom);
		x->done_on = col_text(p, s, 3, oom);
		x->note = col_text(p, s, 4, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;

	cap = 0;
	if (prep(st, SQL_INPUTS, p->plan, &s, err) < 0)
		return ACTIP_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !*oom) {
		if (!(p->inputs = grow(p, p->inputs, p->ninputs, &cap, sizeof *p->inputs))) {
			*oom = true;
			break;
		}
		wp_input *x = &p->inputs[p->ninputs++];
		x->body = col_text(p, s, 0, oom);
		x->item = col_text(p, s, 1, oom);
		x->submitted_on = col_text(p, s, 2, oom);
		x->comment = col_text(p, s, 3, oom);
	}
	if (stepped(st, s, rc, *oom, err) < 0)
		return ACTIP_ERR;
	return *oom ? ACTIP_ENOMEM : ACTIP_OK;
}

static int plan_load(store *st, const char *code, wp_plan **out, actip_err *err);

/* Loads everything about one plan, in one read transaction (store_read_begin). */
int wp_plan_load(store *st, const char *code, wp_plan **out, actip_err *err)
{
	bool began;
	if (store_read_begin(st, &began, err) < 0)
		return ACTIP_ERR;
	int rc = plan_load(st, code, out, err);
	store_read_end(st, began);
	return rc;
}

/* Reads the plan, its lines and the rest. */
static int plan_load(store *st, const char *code, wp_plan **out, actip_err *err)
{
	*out = NULL;
	wp_plan *p = calloc(1, sizeof *p);
	if (!p)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	bool oom = false;
	sqlite3_stmt *s;
	if (prep(st, SQL_PLAN, code, &s, err) < 0) {
		wp_plan_free(p);
		return ACTIP_ERR;
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		p->plan = col_text(p, s, 0, &oom);
		p->title = col_text(p, s, 1, &oom);
		p->start_year = sqlite3_column_int(s, 2);
		p->end_year = sqlite3_column_int(s, 3);
		p->overseen_by = col_text(p, s, 4, &oom);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW) {
		wp_plan_free(p);
		return rc == SQLITE_DONE ? unknown_plan(st, code, err)
					 : store_error(st, "reading the work plan", err);
	}
	if (oom || (rc = load_lines(st, p, &oom, err)) < 0 ||
	    (rc = load_rest(st, p, &oom, err)) < 0) {
		wp_plan_free(p);
		return oom ? err_set(err, ACTIP_ENOMEM, "out of memory") : rc;
	}
	*out = p;
	return ACTIP_OK;
}
