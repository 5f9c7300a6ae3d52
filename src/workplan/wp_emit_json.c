/* The machine-readable work-plan report and reviews, written with jansson. The first
 * keys are exactly those of spec/workplan-monitoring.md ("Machine-readable form"); the
 * matrix, SMART gaps, near-duplicates, coverage and follow-up decisions follow. Rates are
 * reals with one decimal, null without a denominator. by_body lists the lead bodies of the
 * lines active in the period; by_pillar the pillars with active lines. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "workplan/wp_doc.h"
#include "workplan/wp_similar.h"

/* A string or null. */
static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A rate as a real with one decimal, or null. */
static json_t *pct(wp_rate r)
{
	return r.null ? json_null() : json_real((double)r.tenths / 10.0);
}

/* The four rates of a group. */
static json_t *rates_obj(const wp_counts *c)
{
	wp_rates r = wp_compute_rates(c);
	json_t *o = json_object();
	json_object_set_new(o, "completeness_pct", pct(r.completeness));
	json_object_set_new(o, "timeliness_pct", pct(r.timeliness));
	json_object_set_new(o, "implementation_rate_pct", pct(r.implementation));
	json_object_set_new(o, "completion_rate_pct", pct(r.completion));
	return o;
}

/* active and the states, as by_pillar has them. */
static json_t *states_obj(const wp_counts *c)
{
	static const wp_state order[] = {WS_COMPLETED, WS_ONGOING, WS_DELAYED, WS_NOT_STARTED,
					 WS_CANCELLED, WS_NOT_REPORTED};
	json_t *o = json_object();
	json_object_set_new(o, "active", json_integer(c->active));
	for (int k = 0; k < 6; k++)
		json_object_set_new(o, wp_state_name(order[k]), json_integer(c->state[order[k]]));
	return o;
}

/* The spec's keys for one period's statistics, into root. */
static void period_keys(json_t *root, const wp_period_stats *st)
{
	const wp_counts *c = &st->all;
	wp_rates r = wp_compute_rates(c);
	json_object_set_new(root, "active", json_integer(c->active));
	json_object_set_new(root, "expected", json_integer(c->expected));
	json_object_set_new(root, "received", json_integer(c->received));
	json_object_set_new(root, "on_time", json_integer(c->on_time));
	json_object_set_new(root, "completeness_pct", pct(r.completeness));
	json_object_set_new(root, "timeliness_pct", pct(r.timeliness));
	json_object_set_new(root, "implementation_rate_pct", pct(r.implementation));
	json_object_set_new(root, "completion_rate_pct", pct(r.completion));
	json_t *bb = json_object(), *bp = json_object(), *rb = json_object(), *rp = json_object();
	for (int i = 0; i < st->nbodies; i++) {
		const wp_counts *bc = &st->bodies[i].c;
		json_t *o = json_object();
		json_object_set_new(o, "expected", json_integer(bc->expected));
		json_object_set_new(o, "received", json_integer(bc->received));
		json_object_set_new(o, "on_time", json_integer(bc->on_time));
		json_object_set_new(bb, st->bodies[i].body, o);
		json_object_set_new(rb, st->bodies[i].body, rates_obj(bc));
	}
	for (int g = 0; g < WP__PILLARS; g++) {
		if (st->pillar[g].active == 0)
			continue;
		json_object_set_new(bp, wp_pillar_name((wp_pillar)g), states_obj(&st->pillar[g]));
		json_object_set_new(rp, wp_pillar_name((wp_pillar)g), rates_obj(&st->pillar[g]));
	}
	json_object_set_new(root, "by_body", bb);
	json_object_set_new(root, "by_pillar", bp);
	json_object_set_new(root, "rates_by_body", rb);
	json_object_set_new(root, "rates_by_pillar", rp);
}

/* One line of the matrix. */
static json_t *line_obj(const wp_line *l, int pidx)
{
	json_t *o = json_object(), *coop = json_array(), *arts = json_array(), *notes = json_array(),
	       *gaps = json_array();
	json_object_set_new(o, "item_id", json_string(l->id));
	json_object_set_new(o, "pillar", json_string(wp_pillar_name(l->pillar)));
	json_object_set_new(o, "apa_provision", str(l->provision));
	for (int k = 0; k < l->narticles; k++)
		json_array_append_new(arts, json_integer(l->articles[k]));
	json_object_set_new(o, "actip_articles", arts);
	json_object_set_new(o, "area", str(l->area));
	json_object_set_new(o, "activity", json_string(l->activity));
	json_object_set_new(o, "expected_output", str(l->output));
	json_object_set_new(o, "outcome", str(l->outcome));
	json_object_set_new(o, "indicator", str(l->indicator));
	json_object_set_new(o, "target", str(l->target));
	json_object_set_new(o, "lead_body", json_string(l->lead));
	for (int k = 0; k < l->ncoop; k++)
		json_array_append_new(coop, json_string(l->coop[k]));
	json_object_set_new(o, "cooperating_bodies", coop);
	json_object_set_new(o, "start_year", json_integer(l->start_year));
	json_object_set_new(o, "end_year", json_integer(l->end_year));
	json_object_set_new(o, "active", json_boolean(wp_line_active(l, pidx)));
	json_object_set_new(o, "expected", json_boolean(wp_line_expected(l, pidx)));
	json_object_set_new(o, "state", json_string(wp_state_name(wp_line_state(l, pidx))));
	const wp_report *lr = wp_line_lead_report(l, pidx);
	json_object_set_new(o, "received", json_boolean(lr != NULL && wp_line_expected(l, pidx)));
	for (int k = 0; k < l->nreports; k++) {
		const wp_report *r = &l->reports[k];
		if (r->pidx != pidx)
			continue;
		json_t *n = json_object();
		json_object_set_new(n, "body", json_string(r->body));
		json_object_set_new(n, "lead", json_boolean(strcmp(r->body, l->lead) == 0));
		json_object_set_new(n, "status", json_string(wp_state_name(r->status)));
		json_object_set_new(n, "note", str(r->note));
		json_object_set_new(n, "reported_on", str(r->reported_on));
		json_array_append_new(notes, n);
	}
	json_object_set_new(o, "reports", notes);
	static const char *const gn[] = {"indicator", "target", "timeline", "lead_body"};
	unsigned g = wp_line_smart_gaps(l);
	for (int i = 0; i < 4; i++)
		if (g & (1u << i))
			json_array_append_new(gaps, json_string(gn[i]));
	json_object_set_new(o, "smart_gaps", gaps);
	return o;
}

/* near_duplicates: method, threshold and pairs. */
static json_t *duplicates_obj(const wp_plan *p)
{
	json_t *o = json_object(), *pairs = json_array();
	json_object_set_new(o, "method", json_string(
		"TF-IDF cosine over normalised word tokens and word trigrams of the activity text; "
		"score = mean of the two cosines; smoothed idf = ln((1+N)/(1+df))+1"));
	json_object_set_new(o, "threshold", json_real(WP_SIMILAR_THRESHOLD));
	const char **texts = calloc((size_t)(p->nlines ? p->nlines : 1), sizeof *texts);
	wp_pair *pr = NULL;
	int n = 0;
	if (texts) {
		for (int i = 0; i < p->nlines; i++)
			texts[i] = p->lines[i].activity;
		wp_similar_pairs(texts, p->nlines, WP_SIMILAR_THRESHOLD, &pr, &n);
	}
	for (int k = 0; k < n; k++) {
		json_t *x = json_object();
		json_object_set_new(x, "a", json_string(p->lines[pr[k].a].id));
		json_object_set_new(x, "b", json_string(p->lines[pr[k].b].id));
		/* two decimals, as displayed */
		json_object_set_new(x, "score", json_real((double)(long)(pr[k].score * 100 + 0.5) / 100));
		json_array_append_new(pairs, x);
	}
	free(pr);
	free(texts);
	json_object_set_new(o, "pairs", pairs);
	return o;
}

/* actip_coverage: lines per article in scope, and the gaps. */
static json_t *coverage_obj(const wp_plan *p)
{
	json_t *o = json_object(), *by = json_object(), *gaps = json_array();
	json_object_set_new(o, "articles", json_pack("[ii]", WP_ARTICLE_FIRST, WP_ARTICLE_LAST));
	json_object_set_new(o, "projects_counted", json_false());
	json_object_set_new(o, "note", json_string("the projects template has no article column; "
						   "coverage is by action lines only"));
	for (int a = WP_ARTICLE_FIRST; a <= WP_ARTICLE_LAST; a++) {
		json_t *ids = json_array();
		for (int i = 0; i < p->nlines; i++)
			for (int k = 0; k < p->lines[i].narticles; k++)
				if (p->lines[i].articles[k] == a)
					json_array_append_new(ids, json_string(p->lines[i].id));
		if (json_array_size(ids) == 0)
			json_array_append_new(gaps, json_integer(a));
		char key[8];
		snprintf(key, sizeof key, "%d", a);
		json_t *e = json_object();
		json_object_set_new(e, "lines", ids);
		json_object_set_new(e, "projects", json_array());
		json_object_set_new(by, key, e);
	}
	json_object_set_new(o, "by_article", by);
	json_object_set_new(o, "gaps", gaps);
	return o;
}

/* One decision as follow_up lists it; overdue as of day `end`. */
static json_t *decision_obj(const wp_decision *d, long end)
{
	json_t *x = json_object(), *b = json_array();
	json_object_set_new(x, "meeting", json_string(d->meeting));
	json_object_set_new(x, "no", json_integer(d->no));
	json_object_set_new(x, "decision", json_string(d->decision));
	json_object_set_new(x, "timeline", str(d->timeline));
	json_object_set_new(x, "due_on", str(d->due_on));
	for (int k = 0; k < d->nbodies; k++)
		json_array_append_new(b, json_string(d->bodies[k]));
	json_object_set_new(x, "follow_up_by", b);
	json_object_set_new(x, "status", json_string(d->status));
	json_object_set_new(x, "done_on", str(d->done_on));
	json_object_set_new(x, "overdue", json_boolean(wp_decision_overdue(d, end)));
	return x;
}

/* follow_up: every decision of the plan's meetings, the overdue ones, and the decisions
 * of meetings tied to no plan held by the end of the period (other_meetings). */
static json_t *follow_up_obj(const wp_plan *p, int pidx)
{
	json_t *o = json_object(), *all = json_array(), *over = json_array(), *others = json_array();
	long end = wp_period_end_day(pidx);
	for (int i = 0; i < p->ndecisions; i++) {
		const wp_decision *d = &p->decisions[i];
		if (wp_decision_overdue(d, end))
			json_array_append_new(over, json_pack("{s:s,s:i}", "meeting", d->meeting, "no", d->no));
		json_array_append_new(all, decision_obj(d, end));
	}
	for (int i = 0; i < p->nothers; i++)
		if (wp_decision_held_by(&p->others[i], end))
			json_array_append_new(others, decision_obj(&p->others[i], end));
	json_object_set_new(o, "decisions", all);
	json_object_set_new(o, "overdue", over);
	json_object_set_new(o, "other_meetings", others);
	return o;
}

/* Dumps and frees root. */
static int dump(FILE *out, json_t *root, actip_err *err)
{
	if (!root)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII |
				       JSON_REAL_PRECISION(12));
	json_decref(root);
	fputc('\n', out);
	if (rc != 0 || ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the JSON");
	return ACTIP_OK;
}

/* The report for one period. */
int wp_write_report_json(FILE *out, const wp_plan *p, int pidx, int on_time_days,
			 actip_err *err)
{
	wp_period_stats st;
	if (wp_compute_period(p, pidx, on_time_days, &st) < 0)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	json_t *root = json_object();
	json_object_set_new(root, "plan", json_string(p->plan));
	json_object_set_new(root, "period", json_string(period));
	period_keys(root, &st);
	json_object_set_new(root, "on_time_days", json_integer(on_time_days));
	json_t *lines = json_array();
	for (int i = 0; i < p->nlines; i++)
		json_array_append_new(lines, line_obj(&p->lines[i], pidx));
	json_object_set_new(root, "lines", lines);
	json_object_set_new(root, "near_duplicates", duplicates_obj(p));
	json_object_set_new(root, "actip_coverage", coverage_obj(p));
	json_object_set_new(root, "follow_up", follow_up_obj(p, pidx));
	wp_period_stats_free(&st);
	return dump(out, root, err);
}

/* A review: the statistics of every period, never-reported and delayed lines. */
int wp_write_review_json(FILE *out, const wp_plan *p, bool final, int on_time_days,
			 actip_err *err)
{
	int asof = wp_review_period(p, final);
	char period[16];
	wp_period_format(asof, period, sizeof period);
	json_t *root = json_object(), *periods = json_array(), *never = json_array(),
	       *delayed = json_array();
	json_object_set_new(root, "plan", json_string(p->plan));
	json_object_set_new(root, "kind", json_string(final ? "final" : "midterm"));
	json_object_set_new(root, "as_of", json_string(period));
	json_object_set_new(root, "on_time_days", json_integer(on_time_days));
	for (int q = 2 * p->start_year; q <= asof; q++) {
		wp_period_stats st;
		if (wp_compute_period(p, q, on_time_days, &st) < 0) {
			json_decref(root);
			return err_set(err, ACTIP_ENOMEM, "out of memory");
		}
		char per[16];
		wp_period_format(q, per, sizeof per);
		json_t *o = json_object();
		json_object_set_new(o, "period", json_string(per));
		period_keys(o, &st);
		json_array_append_new(periods, o);
		wp_period_stats_free(&st);
	}
	json_object_set_new(root, "periods", periods);
	for (int i = 0; i < p->nlines; i++) {
		const wp_line *l = &p->lines[i];
		if (l->start_year > asof / 2)
			continue;
		wp_line_history h;
		wp_line_history_compute(p, l, asof, &h);
		if (!h.ever_reported)
			json_array_append_new(never, json_string(l->id));
		if (h.delayed_periods >= 2) {
			char a[16], b[16];
			wp_period_format(h.first_delayed, a, sizeof a);
			wp_period_format(h.last_delayed, b, sizeof b);
			json_array_append_new(delayed, json_pack("{s:s,s:i,s:s,s:s,s:s}", "item_id", l->id,
								 "periods", h.delayed_periods, "first", a,
								 "last", b, "state",
								 wp_state_name(wp_line_state(l, asof))));
		}
	}
	json_object_set_new(root, "never_reported", never);
	json_object_set_new(root, "delayed_two_or_more", delayed);
	return dump(out, root, err);
}
