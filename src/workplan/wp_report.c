/* The work-plan report for one period as a document (wp_doc.h): the rates overall, by
 * lead body and by pillar; the matrix with each line's state and the bodies' notes; SMART
 * gaps; near-duplicate lines; ACTIP-article coverage; follow-up decisions; the adoption
 * steps, consultation inputs and focal points. */
#include "core/i18n.h"
#include "workplan/wp_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workplan/wp_similar.h"

/* "SOMTC" -> "SOMTC (Senior Officials Meeting on Transnational Crime)". */
static const char *body_label(wp_doc *d, const wp_plan *p, const char *code)
{
	const wp_body *b = wp_plan_body(p, code);
	return b ? wd_str(d, "%s (%s)", code, b->name) : code;
}

/* The rate table's rows for one group: counts and the four rates. */
static void rates_row(wp_doc *d, wd_table *t, const char *label, const wp_counts *c,
		      wd_row_kind kind)
{
	wp_rates r = wp_compute_rates(c);
	const char **row = wd_row(d, t, kind);
	row[0] = label;
	row[1] = wd_str(d, "%d", c->active);
	row[2] = wd_str(d, "%d", c->expected);
	row[3] = wd_str(d, "%d", c->received);
	row[4] = wd_str(d, "%d", c->on_time);
	row[5] = wd_rate(d, r.completeness);
	row[6] = wd_rate(d, r.timeliness);
	row[7] = wd_rate(d, r.implementation);
	row[8] = wd_rate(d, r.completion);
}

/* Columns of a rates table. */
static wd_table *rates_table(wp_doc *d, wd_section *s, const char *id, const char *caption,
			     const char *first)
{
	wd_table *t = wd_table_add(d, s, id, caption, 9);
	static const char *const heads[] = {N_("Active lines"), N_("Expected"), N_("Received"), N_("On time"),
					    N_("Completeness"), N_("Timeliness"), N_("Implementation rate"),
					    N_("Completion rate")};
	wd_col(t, 0, first, WD_TEXT);
	for (int i = 0; i < 8; i++)
		wd_col(t, i + 1, heads[i], WD_NUM);
	return t;
}

/* Summary, by body, by pillar. */
static void section_rates(wp_doc *d, const wp_plan *p, const wp_period_stats *st,
			  const char *period)
{
	wd_section *s = wd_section_add(d, "rates", _("Monitoring rates"));
	wp_rates r = wp_compute_rates(&st->all);
	const wp_counts *c = &st->all;
	wd_para(d, s,
		_("%d action lines are active in %s; %d were expected to report and %d did "
		"(%d on time, that is at most %d days after the period ended). Completeness is %s, "
		"timeliness %s, the implementation rate %s and the completion rate %s."),
		c->active, period, c->expected, c->received, c->on_time, st->on_time_days,
		wd_rate(d, r.completeness), wd_rate(d, r.timeliness), wd_rate(d, r.implementation),
		wd_rate(d, r.completion));
	wd_table *t = rates_table(d, s, "by-body", wd_str(d, _("Reporting by lead body, %s"), period),
				  _("Lead body"));
	for (int i = 0; i < st->nbodies; i++)
		rates_row(d, t, body_label(d, p, st->bodies[i].body), &st->bodies[i].c, WD_ROW);
	rates_row(d, t, _("All lines"), &st->all, WD_TOTAL);
	t->note = _("Completeness = received ÷ expected; timeliness = on time ÷ expected; "
		  "implementation rate = completed or ongoing ÷ active lines not cancelled; "
		  "completion rate = completed ÷ the same. A dash means there is no denominator.");

	wd_table *q = wd_table_add(d, s, "by-pillar", wd_str(d, _("Action lines by state, %s"), period), 10);
	static const char *const heads[] = {N_("Pillar"), N_("Active"), N_("Completed"), N_("Ongoing"), N_("Delayed"),
					    N_("Not started"), N_("Cancelled"), N_("Not reported"),
					    N_("Implementation rate"), N_("Completion rate")};
	for (int i = 0; i < 10; i++)
		wd_col(q, i, _(heads[i]), i ? WD_NUM : WD_TEXT);
	static const wp_state order[] = {WS_COMPLETED, WS_ONGOING, WS_DELAYED, WS_NOT_STARTED,
					 WS_CANCELLED, WS_NOT_REPORTED};
	for (int g = 0; g <= WP__PILLARS; g++) {
		const wp_counts *pc = g < WP__PILLARS ? &st->pillar[g] : &st->all;
		if (g < WP__PILLARS && pc->active == 0)
			continue;
		wp_rates pr = wp_compute_rates(pc);
		const char **row = wd_row(d, q, g < WP__PILLARS ? WD_ROW : WD_TOTAL);
		row[0] = g < WP__PILLARS ? wp_pillar_title((wp_pillar)g) : _("All pillars");
		row[1] = wd_str(d, "%d", pc->active);
		for (int k = 0; k < 6; k++)
			row[2 + k] = wd_str(d, "%d", pc->state[order[k]]);
		row[8] = wd_rate(d, pr.implementation);
		row[9] = wd_rate(d, pr.completion);
	}
}

/* A code as words in the document's language: "in_progress" -> "In progress" (the
 * words of every code are in po/, tools/xgettext_codes.py). */
static const char *code_words(wp_doc *d, const char *code)
{
	if (!code)
		return NULL;
	char buf[64];
	snprintf(buf, sizeof buf, "%s", code);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return wd_str(d, "%s", _(buf));
}

/* "completed" -> "Completed", "not_started" -> "Not started". */
const char *wd_state_text(wp_state s)
{
	static const char *const t[WS__COUNT] = {N_("Completed"), N_("Ongoing"), N_("Delayed"), N_("Not started"),
						 N_("Cancelled"), N_("Not reported")};
	return s >= 0 && s < WS__COUNT ? _(t[s]) : "?"; /* the thread's language: `--lang` */
}

/* The latest lead report at or before pidx, for "as of" in the matrix. */
static const wp_report *latest_lead(const wp_line *l, int pidx)
{
	const wp_report *r = NULL;
	for (int i = 0; i < l->nreports && l->reports[i].pidx <= pidx; i++)
		if (strcmp(l->reports[i].body, l->lead) == 0)
			r = &l->reports[i];
	return r;
}

/* A line's expected output with its outcome, indicator and target, each on its own
 * line and named ("Indicator: ..."); those not given are left out. */
static const char *line_measures(wp_doc *d, const wp_line *l)
{
	const char *out = l->output;
	static const char *const names[] = {"Outcome", "Indicator", "Target"};
	const char *const vals[] = {l->outcome, l->indicator, l->target};
	for (int i = 0; i < 3; i++) {
		if (!vals[i] || !*vals[i])
			continue;
		out = out && *out ? wd_str(d, "%s\n%s: %s", out, names[i], vals[i]) : wd_str(d, "%s: %s", names[i], vals[i]);
	}
	return out;
}

/* The matrix: one group row per pillar, one row per line. */
static void section_matrix(wp_doc *d, const wp_plan *p, int pidx, const char *period)
{
	wd_section *s = wd_section_add(d, "matrix", _("Work-plan matrix"));
	wd_para(d, s,
		_("Each line's status is its state at %s: the status of the latest report by its "
		"lead body for %s or earlier. Reports by cooperating bodies are shown with their "
		"notes but do not set the state."), period, period);
	wd_table *t = wd_table_add(d, s, "matrix-table", wd_str(d, _("Implementation status, %s"), period), 9);
	static const char *const heads[] = {N_("No."), N_("APA provision"), N_("Area of collaboration"),
					    N_("Programme / activity"), N_("Expected output and measures"),
					    N_("Lead / cooperating bodies"), N_("Timeline"), N_("Status"),
					    N_("Implementation status (bodies' notes)")};
	static const wd_col_kind kinds[] = {WD_TEXT, WD_TEXT, WD_TEXT, WD_WIDE, WD_TEXT, WD_TEXT,
					    WD_TEXT, WD_STATUS, WD_WIDE};
	for (int i = 0; i < 9; i++)
		wd_col(t, i, _(heads[i]), kinds[i]);
	int last = -1;
	for (int i = 0; i < p->nlines; i++) {
		const wp_line *l = &p->lines[i];
		if ((int)l->pillar != last) {
			last = (int)l->pillar;
			wd_row(d, t, WD_GROUP)[0] = wp_pillar_title(l->pillar);
		}
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = l->id;
		row[1] = l->provision;
		row[2] = l->area;
		row[3] = l->activity;
		row[4] = line_measures(d, l);
		char coop[512] = "";
		for (int k = 0; k < l->ncoop; k++) {
			strncat(coop, k ? ", " : "", sizeof coop - strlen(coop) - 1);
			strncat(coop, l->coop[k], sizeof coop - strlen(coop) - 1);
		}
		row[5] = coop[0] ? wd_str(d, _("Lead: %s\nWith: %s"), l->lead, coop)
				 : wd_str(d, _("Lead: %s"), l->lead);
		row[6] = l->start_year == l->end_year ? wd_str(d, "%d", l->start_year)
						      : wd_str(d, "%d" WP_EN_DASH "%d", l->start_year,
							       l->end_year);
		wp_state st = wp_line_state(l, pidx);
		const wp_report *lr = latest_lead(l, pidx);
		char when[16];
		if (!wp_line_active(l, pidx))
			row[7] = wd_str(d, _("%s\n(not active in %s)"), wd_state_text(st), period);
		else if (lr && lr->pidx != pidx) {
			wp_period_format(lr->pidx, when, sizeof when);
			row[7] = wd_str(d, _("%s\n(as of %s; no report for %s)"), wd_state_text(st), when,
					period);
		} else
			row[7] = wd_state_text(st);
		/* the notes of every body that reported for P, lead first */
		const char *notes = NULL;
		for (int pass = 0; pass < 2; pass++)
			for (int k = 0; k < l->nreports; k++) {
				const wp_report *r = &l->reports[k];
				bool is_lead = strcmp(r->body, l->lead) == 0;
				if (r->pidx != pidx || is_lead != (pass == 0))
					continue;
				const char *one = wd_str(d, "%s (%s%s%s): %s", r->body,
							 wp_state_name(r->status),
							 r->reported_on ? ", " : "",
							 r->reported_on ? r->reported_on : "",
							 r->note ? r->note : _("no note"));
				notes = notes ? wd_str(d, "%s\n%s", notes, one) : one;
			}
		row[8] = notes;
	}
}

/* SMART gaps per line. */
static void section_smart(wp_doc *d, const wp_plan *p)
{
	wd_section *s = wd_section_add(d, "smart", _("SMART completeness"));
	int complete = 0;
	for (int i = 0; i < p->nlines; i++)
		complete += wp_line_smart_gaps(&p->lines[i]) == 0;
	wd_para(d, s,
		_("A line is complete when it names an indicator, a target, its own timeline (start "
		"and end years) and a lead body. %d of %d lines are complete; the others lack what "
		"the table says."), complete, p->nlines);
	wd_table *t = wd_table_add(d, s, "smart-table", _("Lines with SMART gaps"), 3);
	wd_col(t, 0, _("No."), WD_TEXT);
	wd_col(t, 1, _("Programme / activity"), WD_WIDE);
	wd_col(t, 2, _("Missing"), WD_TEXT);
	for (int i = 0; i < p->nlines; i++) {
		unsigned g = wp_line_smart_gaps(&p->lines[i]);
		if (!g)
			continue;
		char names[80];
		wp_smart_gap_names(g, names, sizeof names);
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = p->lines[i].id;
		row[1] = p->lines[i].activity;
		row[2] = wd_str(d, "%s", names);
	}
}

/* Near-duplicate lines. */
static void section_duplicates(wp_doc *d, const wp_plan *p)
{
	wd_section *s = wd_section_add(d, "duplicates", _("Near-duplicate action lines"));
	wd_para(d, s,
		_("Method: each line's activity text is normalised (Unicode NFKC, case folding, accents "
		"removed), cut into words (English function words dropped, plurals folded) and into "
		"the three-letter pieces of those words. Both are weighted by TF-IDF over the plan's "
		"lines, and a pair's score is the mean of the two cosine similarities (0 to 1). "
		"Word order, case and punctuation do not change the score; a different spelling or "
		"a few different words lower it a little. Pairs scoring %.2f or more are listed."),
		WP_SIMILAR_THRESHOLD);
	const char **texts = calloc((size_t)(p->nlines ? p->nlines : 1), sizeof *texts);
	wp_pair *pairs = NULL;
	int n = 0;
	if (!texts) {
		d->failed = 1;
		return;
	}
	for (int i = 0; i < p->nlines; i++)
		texts[i] = p->lines[i].activity;
	if (wp_similar_pairs(texts, p->nlines, WP_SIMILAR_THRESHOLD, &pairs, &n) < 0)
		d->failed = 1;
	free(texts);
	if (n == 0) {
		wd_para(d, s, _("No pair of lines reaches the threshold."));
		free(pairs);
		return;
	}
	wd_table *t = wd_table_add(d, s, "duplicates-table",
				   wd_str(d, P_("%d pair of similar lines", "%d pairs of similar lines", n), n), 5);
	wd_col(t, 0, _("Score"), WD_NUM);
	wd_col(t, 1, _("Line"), WD_TEXT);
	wd_col(t, 2, _("Programme / activity"), WD_WIDE);
	wd_col(t, 3, _("Similar line"), WD_TEXT);
	wd_col(t, 4, _("Programme / activity"), WD_WIDE);
	for (int k = 0; k < n; k++) {
		const wp_line *a = &p->lines[pairs[k].a], *b = &p->lines[pairs[k].b];
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = wd_str(d, "%.2f", pairs[k].score);
		row[1] = wd_str(d, "%s\n%s", a->id, a->provision ? a->provision : "");
		row[2] = a->activity;
		row[3] = wd_str(d, "%s\n%s", b->id, b->provision ? b->provision : "");
		row[4] = b->activity;
	}
	free(pairs);
}

/* ACTIP-article coverage by lines. */
static void section_coverage(wp_doc *d, const wp_plan *p)
{
	wd_section *s = wd_section_add(d, "coverage", _("ACTIP-article coverage"));
	wd_para(d, s,
		_("For each article of the Convention from %d to %d (criminalisation, prevention, "
		"protection, law enforcement, cooperation and implementation), the action lines that "
		"name it in actip_articles. Projects are not counted: the projects template has no "
		"article column, so coverage is by action lines only."),
		WP_ARTICLE_FIRST, WP_ARTICLE_LAST);
	wd_table *t = wd_table_add(d, s, "coverage-table", _("Action lines per article"), 3);
	wd_col(t, 0, _("Article"), WD_NUM);
	wd_col(t, 1, _("Lines"), WD_NUM);
	wd_col(t, 2, _("Action lines"), WD_TEXT);
	const char *gaps = NULL;
	for (int a = WP_ARTICLE_FIRST; a <= WP_ARTICLE_LAST; a++) {
		const char *ids = NULL;
		int n = 0;
		for (int i = 0; i < p->nlines; i++)
			for (int k = 0; k < p->lines[i].narticles; k++)
				if (p->lines[i].articles[k] == a) {
					ids = ids ? wd_str(d, "%s, %s", ids, p->lines[i].id) : p->lines[i].id;
					n++;
				}
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = wd_str(d, "%d", a);
		row[1] = wd_str(d, "%d", n);
		row[2] = ids ? ids : "gap: no action line";
		if (!n)
			gaps = gaps ? wd_str(d, "%s, %d", gaps, a) : wd_str(d, "%d", a);
	}
	wd_para(d, s, _("Articles without any action line (gaps): %s."), gaps ? gaps : "none");
}

/* A table of decisions, overdue ones marked as of day `end`; those of meetings held
 * after `end` are left out when skip_later. Returns the rows written. */
static int decisions_table(wp_doc *d, wd_section *s, const char *id, const char *caption, const wp_decision *arr,
			   int n, long end, bool skip_later)
{
	wd_table *t = NULL;
	int rows = 0;
	for (int i = 0; i < n; i++) {
		const wp_decision *x = &arr[i];
		if (skip_later && !wp_decision_held_by(x, end))
			continue;
		if (!t) {
			t = wd_table_add(d, s, id, caption, 7);
			static const char *const heads[] = {N_("Meeting"), N_("No."), N_("Decision"), N_("Timeline"),
							    N_("Follow-up by"), N_("Status"), N_("Overdue")};
			for (int k = 0; k < 7; k++)
				wd_col(t, k, _(heads[k]), k == 1 ? WD_NUM : k == 2 ? WD_WIDE : k == 5 ? WD_STATUS : WD_TEXT);
		}
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = wd_str(d, "%s\n%s", x->meeting_title, x->held_on);
		row[1] = wd_str(d, "%d", x->no);
		row[2] = x->note ? wd_str(d, "%s\n(%s)", x->decision, x->note) : x->decision;
		row[3] = x->due_on ? wd_str(d, _("%s\n(due %s)"), x->timeline ? x->timeline : "", x->due_on)
				   : x->timeline;
		const char *b = NULL;
		for (int k = 0; k < x->nbodies; k++)
			b = b ? wd_str(d, "%s, %s", b, x->bodies[k]) : x->bodies[k];
		row[4] = b;
		const char *status = code_words(d, x->status);
		row[5] = x->done_on ? wd_str(d, "%s\n(%s)", status, x->done_on) : status;
		row[6] = wp_decision_overdue(x, end) ? _("Overdue") : NULL;
		rows++;
	}
	return rows;
}

/* Follow-up decisions, overdue as of the end of the period: the plan's meetings', then
 * those of meetings tied to no plan (held by the end of the period). */
static void section_decisions(wp_doc *d, const wp_plan *p, int pidx)
{
	wd_section *s = wd_section_add(d, "follow-up", _("Follow-up decisions"));
	long end = wp_period_end_day(pidx);
	int overdue = 0;
	for (int i = 0; i < p->ndecisions; i++)
		overdue += wp_decision_overdue(&p->decisions[i], end);
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	wd_para(d, s,
		_("Decisions of the plan's meetings and who follows them up. A decision is overdue "
		"when its due date is before the end of %s and it is neither done nor dropped: "
		"%d of %d are overdue."), period, overdue, p->ndecisions);
	decisions_table(d, s, "decisions-table", _("Key decisions and issues to follow up"), p->decisions, p->ndecisions,
			end, false);
	int other_overdue = 0, held = 0;
	for (int i = 0; i < p->nothers; i++) {
		const wp_decision *x = &p->others[i];
		if (!wp_decision_held_by(x, end))
			continue;
		held++;
		other_overdue += wp_decision_overdue(x, end);
	}
	if (!held)
		return;
	wd_para(d, s, "%s %s",
		wd_str(d, P_("Meetings tied to no work plan (a steering committee's, for instance) decided as "
			     "well; their %d decision up to the end of %s is listed here and not counted above:",
			     "Meetings tied to no work plan (a steering committee's, for instance) decided as "
			     "well; their %d decisions up to the end of %s are listed here and not counted above:",
			     held), held, period),
		wd_str(d, P_("%d is overdue.", "%d are overdue.", other_overdue), other_overdue));
	decisions_table(d, s, "other-decisions-table", _("Decisions of other meetings"), p->others, p->nothers, end, true);
}

/* Adoption steps, consultation inputs and focal points. */
static void section_process(wp_doc *d, const wp_plan *p)
{
	wd_section *s = wd_section_add(d, "adoption", _("Adoption of the plan"));
	if (!p->nsteps)
		wd_para(d, s, _("No adoption steps are recorded."));
	else {
		wd_table *t = wd_table_add(d, s, "adoption-table", _("Adoption timeline"), 5);
		static const char *const heads[] = {N_("Step"), N_("Body"), N_("Planned"), N_("Done"), N_("Note")};
		for (int i = 0; i < 5; i++)
			wd_col(t, i, _(heads[i]), i == 4 ? WD_WIDE : WD_TEXT);
		for (int i = 0; i < p->nsteps; i++) {
			const char **row = wd_row(d, t, WD_ROW);
			row[0] = p->steps[i].step;
			row[1] = p->steps[i].body;
			row[2] = p->steps[i].due_on;
			row[3] = p->steps[i].done_on;
			row[4] = p->steps[i].note;
		}
	}
	const char *due = NULL; /* the deadline for inputs */
	for (int i = 0; i < p->nsteps; i++)
		if (strcmp(p->steps[i].step, "inputs_due") == 0)
			due = p->steps[i].due_on;
	if (p->ninputs) {
		int late = 0;
		wd_table *t = wd_table_add(d, s, "inputs-table", _("Consultation inputs on the draft"), 4);
		static const char *const heads[] = {N_("Submitted"), N_("Body"), N_("Line"), N_("Comment")};
		for (int i = 0; i < 4; i++)
			wd_col(t, i, _(heads[i]), i == 3 ? WD_WIDE : WD_TEXT);
		for (int i = 0; i < p->ninputs; i++) {
			const char **row = wd_row(d, t, WD_ROW);
			bool is_late = due && p->inputs[i].submitted_on && strcmp(p->inputs[i].submitted_on, due) > 0;
			late += is_late;
			row[0] = is_late ? wd_str(d, _("%s\n(late: due %s)"), p->inputs[i].submitted_on, due)
					 : p->inputs[i].submitted_on;
			row[1] = p->inputs[i].body;
			row[2] = p->inputs[i].item && *p->inputs[i].item ? p->inputs[i].item : _("whole plan");
			row[3] = p->inputs[i].comment;
		}
		if (due)
			t->note = wd_str(d, _("Inputs were due by %s; %d of %d came later."), due, late, p->ninputs);
	}
	if (p->ninputs || due) { /* the bodies with a part in the plan that sent nothing */
		const char *none = NULL;
		int nnone = 0;
		for (int b = 0; b < p->nbodies; b++) {
			const char *code = p->bodies[b].code;
			/* the body overseeing the plan drafts it; it sends no input to itself */
			bool named = false, sent = p->overseen_by && strcmp(p->overseen_by, code) == 0;
			for (int i = 0; i < p->nlines && !named; i++) {
				named = strcmp(p->lines[i].lead, code) == 0;
				for (int k = 0; k < p->lines[i].ncoop && !named; k++)
					named = strcmp(p->lines[i].coop[k], code) == 0;
			}
			for (int i = 0; i < p->ninputs && !sent; i++)
				sent = strcmp(p->inputs[i].body, code) == 0;
			if (named && !sent) {
				none = none ? wd_str(d, "%s, %s", none, code) : code;
				nnone++;
			}
		}
		wd_para(d, s, _("Bodies that lead or cooperate on a line (other than the one overseeing the plan) and "
			"sent no input on the draft: %s."),
			nnone ? none : "none");
	}
	wd_section *f = wd_section_add(d, "focal-points", _("Bodies and focal points"));
	wd_table *t = wd_table_add(d, f, "focal-table", _("Focal points"), 4);
	static const char *const heads[] = {N_("Body"), N_("Focal point"), N_("E-mail"), N_("Role")};
	for (int i = 0; i < 4; i++)
		wd_col(t, i, _(heads[i]), WD_TEXT);
	for (int i = 0; i < p->nfocals; i++) {
		const char **row = wd_row(d, t, WD_ROW);
		row[0] = body_label(d, p, p->focals[i].body);
		row[1] = p->focals[i].name;
		row[2] = p->focals[i].email;
		row[3] = p->focals[i].role;
	}
}

/* The whole report. */
wp_doc *wp_report_doc(const wp_plan *p, int pidx, int on_time_days)
{
	wp_doc *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	wp_period_stats st;
	if (wp_compute_period(p, pidx, on_time_days, &st) < 0) {
		free(d);
		return NULL;
	}
	char period[16];
	wp_period_format(pidx, period, sizeof period);
	d->kind = "report";
	d->title = wd_str(d, _("%s: monitoring report %s"), p->title, period);
	d->subtitle = wd_str(d, _("Plan %s, %d–%d%s%s. Status as of the end of %s."),
			     p->plan, p->start_year, p->end_year,
			     p->overseen_by ? _("; overseen by ") : "",
			     p->overseen_by ? body_label(d, p, p->overseen_by) : "", period);
	d->sheet_name = "Matrix";
	section_rates(d, p, &st, period);
	section_matrix(d, p, pidx, period);
	section_smart(d, p);
	section_duplicates(d, p);
	section_coverage(d, p);
	section_decisions(d, p, pidx);
	section_process(d, p);
	wp_period_stats_free(&st);
	if (d->failed) {
		wp_doc_free(d);
		return NULL;
	}
	return d;
}
