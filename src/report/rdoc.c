/* Builds the annual report's document (rdoc.h) from the loaded records. The sections
 * and their order are the table `sections` below; Tables 1-5 and the figures that go
 * with them are the table `result_figures`. Every text of the document is made here,
 * once, in plain text; the writers escape it for their format. */
#include "core/i18n.h"
#include "report/rdoc.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/num.h"
#include "report/diagram.h"
#include "report/report.h"
#include "workplan/actip.h"

#define EN_DASH "\xE2\x80\x93"

struct rd_chunk {
	rd_chunk *next;
	char s[];
};

/* A string kept by the document (NULL, and failed set, when out of memory). */
static const char *str(rdoc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *str(rdoc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	rd_chunk *c = n < 0 ? NULL : malloc(sizeof *c + (size_t)n + 1);
	if (!c) {
		d->failed = true;
		return "";
	}
	va_start(ap, fmt);
	vsnprintf(c->s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	c->next = d->chunks;
	d->chunks = c;
	return c->s;
}

/* Memory of size bytes owned by the document, zeroed (NULL when out of memory). */
static void *mem(rdoc *d, size_t size)
{
	rd_chunk *c = calloc(1, sizeof *c + size);
	if (!c) {
		d->failed = true;
		return NULL;
	}
	c->next = d->chunks;
	d->chunks = c;
	return c->s;
}

/* Appends a block of kind; the returned block is zeroed but for its kind (a static
 * spare when out of memory, so callers need not check). */
static rd_block *block(rdoc *d, rb_kind kind)
{
	static rd_block spare;
	if (d->nblocks == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		rd_block *b = realloc(d->blocks, sizeof *b * (size_t)cap);
		if (!b) {
			d->failed = true;
			memset(&spare, 0, sizeof spare);
			return &spare;
		}
		d->blocks = b;
		d->cap = cap;
	}
	rd_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

static void open_sec(rdoc *d, int level, const char *id, const char *cls, const char *code,
		     const char *text)
{
	rd_block *b = block(d, RB_OPEN);
	b->level = level;
	b->id = id;
	b->cls = cls;
	b->code = code;
	b->text = text;
}

static void close_sec(rdoc *d)
{
	block(d, RB_CLOSE);
}

static void heading(rdoc *d, const char *text)
{
	block(d, RB_HEADING)->text = text;
}

static void para(rdoc *d, const char *cls, const char *text)
{
	rd_block *b = block(d, RB_PARA);
	b->cls = cls;
	b->text = text;
}

/* A new table with ncols columns (heads and left given after). */
static rd_table *table(rdoc *d, const char *cls, int ncols)
{
	rd_table *t = mem(d, sizeof *t);
	if (!t)
		return NULL;
	t->cls = cls;
	t->ncols = ncols;
	block(d, RB_TABLE)->table = t;
	return t;
}

/* Appends a row to t; returns its ncols cells to fill (all "" to begin with). */
static const char **row(rdoc *d, rd_table *t, rd_row_kind kind, const char *id)
{
	static const char *spare[RD_MAX_COLS];
	if (!t)
		return spare;
	if (t->nrows == t->cap) {
		int cap = t->cap ? t->cap * 2 : 16;
		const char **cells = mem(d, sizeof *cells * (size_t)(cap * t->ncols));
		rd_num *nums = mem(d, sizeof *nums * (size_t)(cap * t->ncols)); /* zero: RD_TEXT */
		rd_row_kind *kinds = mem(d, sizeof *kinds * (size_t)cap);
		const char **ids = mem(d, sizeof *ids * (size_t)cap);
		if (!cells || !nums || !kinds || !ids)
			return spare;
		if (t->nrows) {
			memcpy(cells, t->cells, sizeof *cells * (size_t)(t->nrows * t->ncols));
			memcpy(nums, t->nums, sizeof *nums * (size_t)(t->nrows * t->ncols));
			memcpy(kinds, t->kinds, sizeof *kinds * (size_t)t->nrows);
			memcpy(ids, t->row_ids, sizeof *ids * (size_t)t->nrows);
		}
		t->cells = cells;
		t->nums = nums;
		t->kinds = kinds;
		t->row_ids = ids;
		t->cap = cap;
	}
	int i = t->nrows++;
	t->kinds[i] = kind;
	t->row_ids[i] = id;
	const char **c = &t->cells[(size_t)i * t->ncols];
	for (int k = 0; k < t->ncols; k++)
		c[k] = "";
	return c;
}

/* A count as a cell: the en dash for zero. */
static const char *count(rdoc *d, int64_t n)
{
	if (!n)
		return EN_DASH;
	char buf[32];
	num_format_count(buf, sizeof buf, n);
	return str(d, "%s", buf);
}

/* A share of a question's answers as text: "42%", the en dash for none. */
static const char *share(rdoc *d, int64_t n, int64_t of);

/* Cell k of t's last row: a count (its text "1,234", the en dash for zero). */
static void put_count(rdoc *d, rd_table *t, int k, int64_t n)
{
	if (!t || !t->nrows || k >= t->ncols)
		return;
	size_t i = (size_t)(t->nrows - 1) * (size_t)t->ncols + (size_t)k;
	t->cells[i] = count(d, n);
	t->nums[i] = (rd_num){RD_INT, n};
}

/* Cell k of t's last row: a rate, n of `of` in whole percent ("42%", or the bare number
 * when bare); the en dash, as text, when of is zero. */
static void put_rate(rdoc *d, rd_table *t, int k, int64_t n, int64_t of, bool bare)
{
	if (!t || !t->nrows || k >= t->ncols)
		return;
	size_t i = (size_t)(t->nrows - 1) * (size_t)t->ncols + (size_t)k;
	int64_t p = of ? annual_pct(n, of) : -1;
	t->cells[i] = p < 0 ? EN_DASH : bare ? str(d, "%lld", (long long)p) : share(d, n, of);
	t->nums[i] = p < 0 ? (rd_num){RD_TEXT, 0} : (rd_num){RD_RATE, p};
}

/* The figures of the report, by their index in report_figures. */
enum { FIG_PARTICIPANTS, FIG_SATISFACTION, FIG_CD_EVENTS, FIG_STATUS, FIG_TRENDS, FIG_THEORY,
       FIG_SURVEYS = FIG_THEORY + RD_MAX_THEORY };

/* How a figure is numbered (want, below): a number of its own, the lowest left;
 * the published report's number; the number its record gives (a survey's, from
 * surveys.csv); the previous figure's, continued (a survey's chart of a second answer
 * scale); or none. */
enum { FIGNUM_NEXT = 0, FIGNUM_NONE = -1, FIGNUM_CONTINUED = -2 };
typedef enum { BY_NEXT, BY_PUBLISHED, BY_RECORD, BY_NONE } fig_numbering;

/* The one place the report's figures are numbered. The published 2021 report numbers
 * the four figures of its selected indicator results alone: Figure 1 the annual survey
 * of partners, 2 the participants satisfied, 3 the webinar feedback and 4 the follow-up
 * survey of webinar participants (the surveys' numbers are their records'), and draws
 * its theory of change (and Annex 1) as diagrams without a number. The report's other
 * charts, which the published one does not have, take the numbers after those, in the
 * order of the document. */
static const struct {
	fig_numbering by;
	int published;
} fig_numbers[] = {
	[FIG_PARTICIPANTS] = {BY_NEXT, 0},
	[FIG_SATISFACTION] = {BY_PUBLISHED, 2},
	[FIG_CD_EVENTS] = {BY_NEXT, 0},
	[FIG_STATUS] = {BY_NEXT, 0},
	[FIG_TRENDS] = {BY_NEXT, 0},
	[FIG_THEORY] = {BY_NONE, 0},
	[FIG_SURVEYS] = {BY_RECORD, 0},
};

/* Figure f of d->figs in the document, numbered by its kind's rule; record is the
 * number its record gives (0: none), or FIGNUM_CONTINUED for a figure continuing the
 * one before it. */
static void figure(rdoc *d, int f, int record, int *nfig)
{
	int kind = f >= FIG_SURVEYS ? FIG_SURVEYS : f >= FIG_THEORY ? FIG_THEORY : f;
	rd_block *b = block(d, RB_FIGURE);
	b->fig = &d->figs[f];
	switch (fig_numbers[kind].by) {
	case BY_NEXT:
		b->want = FIGNUM_NEXT;
		break;
	case BY_PUBLISHED:
		b->want = fig_numbers[kind].published;
		break;
	case BY_RECORD:
		b->want = record;
		break;
	case BY_NONE:
		b->want = FIGNUM_NONE;
		break;
	}
	++*nfig;
}

/* Numbers the document's figures (see fig_numbers) and writes their labels ("Figure
 * 4", "Figure 4 (continued)"; NULL when unnumbered): a figure that asks for a number has
 * it, unless an earlier figure took it; the others that want one, in document order,
 * take the lowest numbers left. */
static void number_figures(rdoc *d)
{
	bool taken[RD_MAX_FIGS * 4 + 1] = {false};
	const int top = (int)(sizeof taken / sizeof taken[0]) - 1;
	for (int i = 0; i < d->nblocks; i++) {
		rd_block *b = &d->blocks[i];
		if (b->kind != RB_FIGURE)
			continue;
		b->n = b->want > 0 && b->want <= top && !taken[b->want] ? b->want : 0;
		if (b->n)
			taken[b->n] = true;
	}
	int next = 1, last = 0;
	for (int i = 0; i < d->nblocks; i++) {
		rd_block *b = &d->blocks[i];
		if (b->kind != RB_FIGURE)
			continue;
		bool continued = b->want == FIGNUM_CONTINUED && last > 0;
		if (continued) {
			b->n = last;
		} else if (!b->n && b->want != FIGNUM_NONE) {
			while (next < top && taken[next])
				next++;
			b->n = next;
			taken[next] = true;
		}
		last = b->n ? b->n : last;
		b->label = !b->n ? NULL
			 : continued ? str(d, _("Figure %d (continued)"), b->n)
			 : str(d, _("Figure %d"), b->n);
	}
}

/* The achievements of a list after heading (none: nothing), when there are any. */
static void ach_list(rdoc *d, ann_select sel, const char *code, const char *head)
{
	const annual_report *r = d->r;
	for (size_t a = 0; a < r->nach; a++)
		if (annual_ach_selected(r, &r->ach[a], sel, code)) {
			if (head)
				heading(d, head);
			rd_block *b = block(d, RB_ACH);
			b->sel = sel;
			b->code = code;
			return;
		}
}

/* Project status: the sentence, a table by country and the figure. */
static void sec_status(rdoc *d, int *nfig)
{
	const annual_report *r = d->r;
	char sentence[2048];
	annual_status_sentence(r, sentence, sizeof sentence);
	para(d, "lead", str(d, "%s", sentence));
	rd_table *t = table(d, "status", ANN_NSTATUS + 2);
	if (t) {
		t->heads[0] = _("Country/region");
		t->left[0] = true;
		for (int k = 0; k < ANN_NSTATUS; k++)
			t->heads[k + 1] = _(ann_status_labels[k]);
		t->heads[ANN_NSTATUS + 1] = _("Projects");
	}
	/* National projects by country, their total (the sentence's numbers), then the
	 * regional ones and all projects. */
	int national[ANN_NSTATUS + 1] = {0}, regional[ANN_NSTATUS + 1] = {0};
	for (size_t i = 0; i < r->nprojects; i++) {
		const ann_project *p = &r->projects[i];
		if (p->status_ix < 0)
			continue;
		int *n = strcmp(p->focus, "national") == 0 ? national : regional;
		n[p->status_ix]++;
		n[ANN_NSTATUS]++;
	}
	for (const country *k = country_table; k->code; k++) {
		int n[ANN_NSTATUS + 1] = {0};
		for (size_t i = 0; i < r->nprojects; i++) {
			const ann_project *p = &r->projects[i];
			if (strcmp(p->country, k->code) == 0 && p->status_ix >= 0 &&
			    strcmp(p->focus, "national") == 0) {
				n[p->status_ix]++;
				n[ANN_NSTATUS]++;
			}
		}
		if (!n[ANN_NSTATUS])
			continue;
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = country_label(k);
		for (int s = 0; s <= ANN_NSTATUS; s++)
			put_count(d, t, s + 1, n[s]);
	}
	static const char *const last[] = {N_("National projects"), N_("Regional projects"), N_("All projects")};
	for (int k = 0; k < 3; k++) {
		const char **c = row(d, t, k == 1 ? RD_ROW : RD_TOTAL, NULL);
		c[0] = _(last[k]);
		for (int s = 0; s <= ANN_NSTATUS; s++)
			put_count(d, t, s + 1, k == 0 ? national[s] : k == 1 ? regional[s]
							  : national[s] + regional[s]);
	}
	figure(d, FIG_STATUS, 0, nfig);
}

/* Regional progress: per end-of-programme outcome, the outcomes under it (at any depth)
 * with the number of achievements serving each, and the regional achievements. */
static void sec_regional(rdoc *d, int *nfig)
{
	(void)nfig;
	const annual_report *r = d->r;
	for (size_t e = 0; e < r->nnodes; e++) {
		const ann_node *eo = &r->nodes[e];
		if (strcmp(eo->level, "eopo") != 0)
			continue;
		open_sec(d, 3, str(d, "outcome-%s", eo->code), "eopo", eo->code, eo->title);
		rd_table *t = table(d, "outcomes", 2);
		if (t) {
			t->heads[0] = _("Outcome");
			t->heads[1] = _("Achievements");
			t->left[0] = true;
		}
		for (size_t i = 0; i < r->nnodes; i++) {
			const ann_node *o = &r->nodes[i];
			if (!annual_node_under(r, o->code, eo->code))
				continue; /* at any depth: an outcome under an outcome is listed too */
			const char **c = row(d, t, RD_ROW, str(d, "outcome-%s", o->code));
			c[0] = str(d, "%s %s", o->code, o->title);
			put_count(d, t, 1, annual_count_serving(r, o->code));
		}
		ach_list(d, ANN_REGIONAL_UNDER, eo->code, _("Regional achievements"));
		close_sec(d);
	}
	for (size_t a = 0; a < r->nach; a++)
		if (annual_ach_selected(r, &r->ach[a], ANN_UNPLACED, NULL)) {
			open_sec(d, 3, "unplaced", "eopo", NULL, _("Other regional achievements"));
			ach_list(d, ANN_UNPLACED, NULL, NULL);
			close_sec(d);
			break;
		}
}

/* Types cell 0 of t's last row (a country's key figure) as a count or a rate v. */
static void fact_num(rd_table *t, rd_type type, int64_t v)
{
	if (t && t->nrows)
		t->nums[(size_t)(t->nrows - 1) * (size_t)t->ncols] = (rd_num){type, v};
}

/* A country's key figures: number and what it counts, one row each (the number typed,
 * for a spreadsheet). */
static void facts(rdoc *d, const ann_country *k)
{
	rd_table *t = mem(d, sizeof *t);
	rd_block *b = block(d, RB_FACTS);
	b->country = k;
	b->table = t;
	if (!t)
		return;
	t->ncols = 2;
	t->heads[0] = _("Number");
	t->heads[1] = _("Key figure");
	t->left[1] = true;
	const char **c = row(d, t, RD_ROW, NULL);
	c[0] = count(d, k->projects);
	fact_num(t, RD_INT, k->projects);
	c[1] = str(d, P_("approved project in %d", "approved projects in %d", k->projects), d->year);
	char n[32], parts[32];
	num_format_count(n, sizeof n, k->events);
	num_format_count(parts, sizeof parts, k->participants);
	c = row(d, t, RD_ROW, NULL);
	c[0] = str(d, "%s", n);
	fact_num(t, RD_INT, k->events);
	c[1] = k->pct_women_participants >= 0
		? str(d, _("events, with %s participants (%lld%% women)"), parts,
		      (long long)k->pct_women_participants)
		: str(d, _("events, with %s participants"), parts);
	num_format_count(n, sizeof n, k->cd_events);
	c = row(d, t, RD_ROW, NULL);
	c[0] = str(d, "%s", n);
	fact_num(t, RD_INT, k->cd_events);
	c[1] = _("capacity development events");
	num_format_count(n, sizeof n, k->trained);
	c = row(d, t, RD_ROW, NULL);
	c[0] = str(d, "%s", n);
	fact_num(t, RD_INT, k->trained);
	c[1] = k->pct_women_trained >= 0
		? str(d, _("people trained (%lld%% women)"), (long long)k->pct_women_trained)
		: _("people trained");
	if (k->pct_satisfied >= 0) {
		c = row(d, t, RD_ROW, NULL);
		c[0] = str(d, "%lld%%", (long long)k->pct_satisfied);
		fact_num(t, RD_RATE, k->pct_satisfied);
		c[1] = _("of respondents satisfied with capacity development events");
	}
}

/* text with its first letter a capital when it is an ASCII letter (a translation in
 * another script is kept as it is). */
static const char *capital(rdoc *d, const char *text)
{
	return str(d, "%c%s", toupper((unsigned char)text[0]), text[0] ? text + 1 : "");
}

/* A country's projects: code, title, partner, status key and status label. */
static void projects(rdoc *d, const ann_country *k)
{
	rd_table *t = mem(d, sizeof *t);
	rd_block *b = block(d, RB_PROJECTS);
	b->table = t;
	if (!t)
		return;
	t->ncols = 5;
	t->heads[0] = _("Project");
	t->heads[1] = _("Title");
	t->heads[2] = _("Partner");
	t->heads[4] = _("Status");
	t->left[0] = t->left[1] = t->left[2] = t->left[3] = t->left[4] = true;
	for (size_t p = 0; p < d->r->nprojects; p++) {
		const ann_project *pr = &d->r->projects[p];
		if (strcmp(pr->country, k->code) != 0)
			continue;
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = pr->code;
		c[1] = pr->title;
		c[2] = pr->partner ? pr->partner : "";
		c[3] = pr->status_ix >= 0 ? pr->status : "";
		c[4] = pr->status_ix >= 0 ? _(ann_status_labels[pr->status_ix]) : "";
	}
}

/* Progress by country: a profile per country. */
static void sec_countries(rdoc *d, int *nfig)
{
	(void)nfig;
	const annual_report *r = d->r;
	for (int i = 0; i < r->ncountries; i++) {
		const ann_country *k = &r->countries[i];
		open_sec(d, 3, str(d, "country-%s", k->code), "country", NULL, k->name);
		facts(d, k);
		heading(d, _("Projects"));
		projects(d, k);
		ach_list(d, ANN_COUNTRY, k->code, _("Achievements"));
		close_sec(d);
	}
}

/* NGO partners and their results. */
static void sec_partners(rdoc *d, int *nfig)
{
	(void)nfig;
	const annual_report *r = d->r;
	for (size_t i = 0; i < r->npartners; i++) {
		const ann_partner *p = &r->partners[i];
		open_sec(d, 3, str(d, "partner-%s", p->code), "partner", NULL, p->name);
		block(d, RB_PARTNER_META)->partner = p;
		if (p->focus)
			para(d, NULL, p->focus);
		ach_list(d, ANN_PARTNER, p->code, NULL);
		close_sec(d);
	}
}

static void sec_tracking(rdoc *d, int *nfig)
{
	(void)nfig;
	block(d, RB_INDICATORS);
}

/* Where the figures go among Tables 1-5: after table `after` (1-5), figure `fig`. */
static const struct {
	int after, fig;
} result_figures[] = {
	{2, FIG_CD_EVENTS},
	{3, FIG_PARTICIPANTS},
	{5, FIG_SATISFACTION},
};

/* Tables 1-5 with their figures; under suppression s (NULL: none), each table without
 * its figures (a chart would draw the withheld numbers), its withheld cells and the
 * sentence on them. */
static void results(rdoc *d, const report_tables *rt, const report_suppression *s, int *nfig)
{
	const char *sentence = NULL;
	if (s) {
		char buf[1024];
		report_suppression_sentence(s->k, buf, sizeof buf);
		sentence = str(d, "%s", buf);
	}
	for (int i = 0; i < 5; i++) {
		rd_block *b = block(d, RB_RTABLE);
		b->rt = &rt->t[i];
		b->n = i + 1;
		if (s) {
			b->mask = report_suppression_mask(s, i);
			b->masked = true;
			b->text = sentence;
		} else {
			for (size_t f = 0; f < sizeof result_figures / sizeof result_figures[0]; f++)
				if (result_figures[f].after == i + 1)
					figure(d, result_figures[f].fig, 0, nfig);
		}
	}
}

/* The results' further breakdowns, numbered after Tables 1-5: feedback on relevance
 * and understanding, and disability. */
static void sec_results(rdoc *d, int *nfig)
{
	results(d, &d->r->tables, NULL, nfig);
	const rt_table *more[] = {&d->r->tables.feedback, &d->r->tables.disability};
	for (int i = 0; i < 2; i++) {
		rd_block *b = block(d, RB_RTABLE);
		b->rt = more[i];
		b->n = 6 + i;
	}
}

/* A share of a question's answers as a cell: "42%", the en dash for none. */
static const char *share(rdoc *d, int64_t n, int64_t of)
{
	int64_t p = annual_pct(n, of);
	return p < 0 ? EN_DASH : str(d, "%lld%%", (long long)p);
}

/* The figure of survey v's questions on scale sc: the share of each answer per
 * question, stacked (the chart is the next free survey figure, when there is one); the
 * survey's first figure has the number its record gives. */
static void survey_figure(rdoc *d, const ann_survey *v, const answer_scale *sc, bool mixed,
			  bool first, int *nsfig, int *nfig)
{
	if (*nsfig >= RD_MAX_SURVEYS)
		return;
	int f = FIG_SURVEYS + (*nsfig)++;
	chart *c = &d->figs[f];
	memset(c, 0, sizeof *c);
	int last = scale_size(sc) - 1;
	if (mixed) /* "...: always to never", "...: yes or no" */
		snprintf(d->fig_titles[f], sizeof d->fig_titles[0], "%s: %s %s %s", v->title,
			 sc->words[0], last == 1 ? "or" : "to", sc->words[last]);
	else
		snprintf(d->fig_titles[f], sizeof d->fig_titles[0], "%s", v->title);
	c->id = str(d, "fig-survey-%d", *nsfig);
	c->title = d->fig_titles[f];
	c->cat_label = _("Question");
	c->desc = _("Stacked bars: for each question, the share of the respondents who answered it "
		  "giving each answer.");
	c->mode = CHART_STACKED;
	c->unit = "%";
	c->axis_max = 100;
	c->shares = true;
	c->nseries = scale_size(sc);
	for (int w = 0; w < c->nseries && w < CHART_MAX_SERIES; w++)
		c->series[w] = sc->words[w];
	for (size_t k = 0; k < v->nq && c->ncats < CHART_MAX_CATS; k++) {
		const ann_question *q = &v->q[k];
		if (q->scale != sc || !q->answered)
			continue;
		c->cats[c->ncats] = q->label ? q->label : q->code;
		for (int w = 0; w < c->nseries; w++)
			c->v[c->ncats][w] = annual_pct(q->n[w], q->answered);
		c->ncats++;
	}
	if (c->ncats)
		figure(d, f, first ? v->figure : FIGNUM_CONTINUED, nfig);
}

/* One survey: a figure per scale its questions use, who answered and when, a table of
 * the same shares with the questions' full text (a column per answer when every
 * question has the same scale, else the answers listed), and its source. */
static void survey(rdoc *d, const ann_survey *v, int *nsfig, int *nfig)
{
	const answer_scale *scales[8];
	int nscales = 0;
	for (size_t k = 0; k < v->nq; k++) {
		bool seen = !v->q[k].scale;
		for (int j = 0; j < nscales && !seen; j++)
			seen = scales[j] == v->q[k].scale;
		if (!seen && nscales < 8)
			scales[nscales++] = v->q[k].scale;
	}
	if (!nscales)
		heading(d, v->title);
	for (int j = 0; j < nscales; j++)
		survey_figure(d, v, scales[j], nscales > 1, j == 0, nsfig, nfig);
	char n[32];
	num_format_count(n, sizeof n, v->respondents);
	char closed[64] = "";
	if (v->conducted)
		i18n_format_date(closed, sizeof closed, v->conducted);
	para(d, "note", str(d, "%s%s%s%s%s.", str(d, P_("%s respondent", "%s respondents", v->respondents), n),
			    v->population ? " (" : "", v->population ? v->population : "",
			    v->population ? ")" : "",
			    v->conducted ? str(d, _("; the survey closed on %s"), closed) : ""));
	const answer_scale *one = nscales == 1 ? scales[0] : NULL;
	int nw = one ? scale_size(one) : 1;
	rd_table *t = table(d, "survey", nw + 2);
	if (t) {
		t->heads[0] = _("Question");
		t->left[0] = true;
		t->heads[1] = _("Answered");
		for (int w = 0; w < nw; w++)
			t->heads[w + 2] = one ? str(d, "%s (%%)", capital(d, _(one->words[w]))) : _("Answers");
		t->left[2] = !one;
	}
	for (size_t k = 0; k < v->nq; k++) {
		const ann_question *q = &v->q[k];
		const char **cells = row(d, t, RD_ROW, NULL);
		cells[0] = str(d, "%s: %s", q->label ? q->label : q->code, q->text);
		put_count(d, t, 1, q->answered);
		const char *list = "";
		for (int w = 0; q->scale && w < scale_size(q->scale); w++) {
			if (one)
				put_rate(d, t, w + 2, q->n[w], q->answered, false);
			else
				list = str(d, "%s%s%s %s", list, *list ? ", " : "", _(q->scale->words[w]),
					   share(d, q->n[w], q->answered));
		}
		if (!one)
			cells[2] = *list ? list : EN_DASH;
	}
	para(d, "note", str(d, _("Source: %s"), v->source ? v->source : _("survey records.")));
}

/* Surveys and feedback: a figure per survey of the year, then the feedback of each
 * regional project's capacity development events (satisfaction, relevance to the
 * participants' work and how well the event improved their understanding). */
static void sec_surveys(rdoc *d, int *nfig)
{
	const annual_report *r = d->r;
	if (r->nsurveys)
		para(d, NULL, _("Shares are of the respondents who answered each question."));
	int nsfig = 0;
	for (size_t i = 0; i < r->nsurveys; i++)
		survey(d, &r->surveys[i], &nsfig, nfig);
	if (!r->nfeedback)
		return;
	heading(d, _("Feedback on the regional projects' events"));
	const answer_scale *quality = scale_find("quality");
	rd_table *t = table(d, "feedback", 8);
	if (t) {
		static const char *const heads[] = {N_("Project"), N_("Respondents"), N_("Satisfied (%)"),
						    N_("Relevant to their work (%)")};
		for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
			t->heads[h] = _(heads[h]);
		for (int k = 0; k < 4; k++)
			t->heads[4 + k] = str(d, _("Understanding %s (%%)"), _(quality->words[k]));
		t->left[0] = true;
	}
	for (size_t i = 0; i < r->nfeedback; i++) {
		const ann_feedback *f = &r->feedback[i];
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = str(d, "%s %s", f->project, f->title ? f->title : "");
		put_count(d, t, 1, f->respondents);
		put_rate(d, t, 2, f->satisfied, f->satisfied_of, false);
		put_rate(d, t, 3, f->relevant, f->relevant_of, false);
		for (int k = 0; k < 4; k++)
			put_rate(d, t, 4 + k, f->understanding[k], f->understanding_of, false);
	}
	para(d, "note", _("Shares are of the respondents who answered each question. "
			"Source: post-event feedback forms."));
}

static bool has_surveys(const annual_report *r)
{
	return r->nsurveys > 0 || r->nfeedback > 0;
}

/* Trends over the stored years: events, participants (Table 3), people trained (Table
 * 4), satisfaction (Table 5) and expenditure, each year as its own report counts it,
 * with a figure of participants and people trained. */
static void sec_trends(rdoc *d, int *nfig)
{
	const annual_report *r = d->r;
	para(d, NULL, _("Each year as that year's report counts it; the expenditure is the "
		      "year's total in each currency."));
	rd_table *t = table(d, "trends", 6);
	if (t) {
		static const char *const heads[] = {N_("Year"), N_("Events"), N_("Participants"), N_("People trained"),
						    N_("Satisfied (%)"), N_("Expenditure")};
		for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
			t->heads[h] = _(heads[h]);
		t->left[0] = true;
	}
	chart *c = &d->figs[FIG_TRENDS];
	report_figure_trends(r, c, d->fig_titles[FIG_TRENDS], d->fig_years);
	for (size_t i = 0; i < r->ntrends; i++) {
		const ann_trend *y = &r->trends[i];
		const char **cells = row(d, t, RD_ROW, NULL);
		cells[0] = str(d, "%d", y->year);
		put_count(d, t, 1, y->events);
		put_count(d, t, 2, y->participants);
		put_count(d, t, 3, y->trained);
		if (y->pct_satisfied >= 0)
			put_rate(d, t, 4, y->pct_satisfied, 100, true);
		else
			cells[4] = EN_DASH;
		const char *spent = "";
		for (size_t k = 0; k < r->nspend; k++) {
			const ann_spend *e = &r->spend[k];
			bool seen = false; /* the currency was summed at an earlier entry */
			for (size_t j = 0; j < k && !seen; j++)
				seen = r->spend[j].year == e->year &&
				       strcmp(r->spend[j].currency, e->currency) == 0;
			if (e->year != y->year || seen)
				continue;
			int64_t sum = 0;
			for (size_t j = k; j < r->nspend; j++)
				if (r->spend[j].year == e->year &&
				    strcmp(r->spend[j].currency, e->currency) == 0)
					sum += r->spend[j].micro;
			char amount[48];
			num_format_count(amount, sizeof amount, num_div_round(sum, 1000000));
			spent = str(d, "%s%s%s %s", spent, *spent ? ", " : "", e->currency, amount);
		}
		cells[5] = *spent ? spent : EN_DASH;
	}
	figure(d, FIG_TRENDS, 0, nfig);
}

static bool has_trends(const annual_report *r)
{
	return r->ntrends > 0;
}

/* Expenditure by year and currency; the category column only when one is recorded.
 * The amount is a count of whole units of its currency. */
static void sec_expenditure(rdoc *d, int *nfig)
{
	(void)nfig;
	const annual_report *r = d->r;
	if (!r->nspend) {
		para(d, NULL, _("No expenditure is recorded."));
		return;
	}
	bool cats = false;
	for (size_t i = 0; i < r->nspend; i++)
		cats |= r->spend[i].category[0] != 0;
	rd_table *t = table(d, "spend", cats ? 4 : 3);
	if (t) {
		t->heads[0] = _("Year");
		t->left[0] = true;
		if (cats) {
			t->heads[1] = _("Category");
			t->left[1] = true;
		}
		t->heads[t->ncols - 2] = _("Currency");
		t->left[t->ncols - 2] = true;
		t->heads[t->ncols - 1] = _("Amount");
	}
	for (size_t i = 0; i < r->nspend; i++) {
		const ann_spend *e = &r->spend[i];
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = str(d, "%d", e->year);
		if (cats)
			c[1] = e->category[0] ? e->category : "all";
		c[cats ? 2 : 1] = e->currency;
		put_count(d, t, cats ? 3 : 2, num_div_round(e->micro, 1000000));
	}
}

/* The data-quality annex, for the report's readers: what was checked, in plain
 * sentences, with the number of records to review, then each finding by its record.
 * The rules' codes and the checks of the database file itself stay in `actip check`;
 * a failed check of the file is still listed. */
static void sec_quality(rdoc *d, int *nfig)
{
	(void)nfig;
	const check_result *q = d->r->quality;
	bool file_ok = true;
	for (int i = 0; i < q->nrules; i++)
		file_ok &= q->rules[i].plain != NULL || q->fired[i] == 0;
	int review = q->errors + q->warnings;
	para(d, NULL, str(d, "%s %s",
			  str(d, file_ok ? _("Before this report was computed, the records of %d were checked "
					     "against the rules below, and the database holding them was found intact.")
					 : _("Before this report was computed, the records of %d were checked "
					     "against the rules below."), d->year),
			  review ? str(d, P_("%d point needs a look; each names the record concerned, for the "
					     "team that collected it to confirm or correct.",
					     "%d points need a look; each names the record concerned, for the "
					     "team that collected it to confirm or correct.", review), review)
				 : _("Nothing needs correcting.")));
	rd_table *t = table(d, "rules", 2);
	if (t) {
		t->heads[0] = _("What was checked");
		t->heads[1] = _("Records to review");
		t->left[0] = true;
	}
	for (int i = 0; i < q->nrules; i++) {
		const check_rule *ru = &q->rules[i];
		if (!ru->plain && !q->fired[i])
			continue;
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = ru->plain ? ru->plain : ru->description;
		put_count(d, t, 1, q->fired[i]);
	}
	if (q->n) {
		heading(d, _("Records to review"));
		block(d, RB_FINDINGS);
	}
}

/* The narrative an admin wrote for the year (narrative.csv), as Markdown. */
static void narrative(rdoc *d, int k)
{
	block(d, RB_MD)->text = d->r->narrative[k];
}

static void sec_docinfo(rdoc *d, int *nfig)
{
	(void)nfig;
	narrative(d, ANN_DOCINFO);
}

static void sec_foreword(rdoc *d, int *nfig)
{
	(void)nfig;
	narrative(d, ANN_FOREWORD);
}

/* The "about" text, then what the records say of the year's projects. */
static void sec_about(rdoc *d, int *nfig)
{
	(void)nfig;
	const annual_report *r = d->r;
	if (r->narrative[ANN_ABOUT])
		narrative(d, ANN_ABOUT);
	int regional = 0;
	for (size_t i = 0; i < r->nprojects; i++)
		regional += strcmp(r->projects[i].focus, "national") != 0;
	if (r->nprojects)
		para(d, NULL, str(d, _("In %d the records hold %zu projects with a status for the "
				     "year: %d national projects in %d countries and %d regional "
				     "ones (including victim rights and gender equality and social "
				     "inclusion), with %zu NGO partners reporting results."),
				  r->year, r->nprojects, r->national, r->national_countries,
				  regional, r->npartners));
}

static void sec_contact(rdoc *d, int *nfig)
{
	(void)nfig;
	narrative(d, ANN_CONTACT);
}

/* The framework's nodes under parent (NULL: the roots) as rows of t, depth first, each
 * indented by its depth, with the year's projects serving it. */
static void toc_rows(rdoc *d, rd_table *t, const char *parent, int depth)
{
	static const struct {
		const char *level, *label;
	} levels[] = {{"goal", N_("Goal")}, {"eopo", N_("End-of-programme outcome")},
		      {"intermediate", N_("Intermediate outcome")}, {"immediate", N_("Immediate outcome")},
		      {"cluster", N_("Project cluster")}, {"foundational", N_("Foundational activity")}};
	const annual_report *r = d->r;
	if (depth > (int)r->nnodes) /* a cycle in the parents */
		return;
	for (size_t i = 0; i < r->nnodes; i++) {
		const ann_node *n = &r->nodes[i];
		bool root = true; /* no parent, or one that is not recorded */
		for (size_t k = 0; k < r->nnodes && root && n->parent; k++)
			root = strcmp(r->nodes[k].code, n->parent) != 0;
		if (parent ? !n->parent || strcmp(n->parent, parent) != 0 : !root)
			continue;
		const char **c = row(d, t, depth == 0 ? RD_TOTAL : RD_ROW, NULL);
		const char *indent = "";
		for (int k = 0; k < depth; k++)
			indent = str(d, "%s\u2003", indent);
		c[0] = str(d, "%s%s %s", indent, n->code, n->title);
		c[1] = n->level;
		for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++)
			if (strcmp(levels[k].level, n->level) == 0)
				c[1] = _(levels[k].label);
		c[2] = n->projects ? n->projects : EN_DASH;
		toc_rows(d, t, n->code, depth + 1);
	}
}

/* The theory of change drawn from the framework records (diagram.c): a figure per
 * end-of-programme outcome, from the goal down to the outcomes under it at any depth,
 * with the projects serving each; the same as a table in Annex 1. */
static void sec_theory(rdoc *d, int *nfig)
{
	para(d, NULL, str(d, _("The results framework as recorded, a figure for each "
			     "end-of-programme outcome: the goal it serves, the outcomes that lead "
			     "to it and, in each, the projects with a status in %d that serve it. "
			     "Annex 1 gives the whole framework as a table."), d->year));
	const ann_node *heads[RD_MAX_THEORY];
	int n = report_theory_parts(d->r, heads, RD_MAX_THEORY);
	for (int k = 0; k < n; k++) {
		chart *c = &d->figs[FIG_THEORY + k];
		memset(c, 0, sizeof *c);
		c->id = str(d, "fig-theory-%d", k + 1);
		c->title = str(d, _("Theory of change: %s"), heads[k]->code);
		c->desc = str(d, _("A diagram: the goal at the top, %s under it, the outcomes that "
				   "lead to it and the projects that serve each."), heads[k]->code);
		char *svg = NULL;
		if (report_theory_svg(d->r, k, c->id, c->title, c->desc, &svg) == 0) {
			c->svg = str(d, "%s", svg);
			free(svg);
			figure(d, FIG_THEORY + k, 0, nfig);
		}
	}
}

/* Annex 1: the results framework as a table, each node indented by its depth, with its
 * level and the year's projects serving it. */
static void sec_framework(rdoc *d, int *nfig)
{
	(void)nfig;
	rd_table *t = table(d, "theory", 3);
	if (t) {
		t->heads[0] = _("Goal and outcomes");
		t->heads[1] = _("Level");
		t->heads[2] = _("Projects");
		t->left[0] = t->left[1] = t->left[2] = true;
	}
	toc_rows(d, t, NULL, 0);
}

static bool has_framework(const annual_report *r)
{
	return r->nnodes > 0;
}

/* Whether anything cites an article in c. */
static bool any_cite(const ann_cites *c)
{
	for (int a = 0; a <= ANN_MAX_ARTICLE; a++)
		if (c->whole[a])
			return true;
	return c->npara > 0;
}

/* The cell of obligation o for the citers c: those citing its article (or the article
 * it also rests on) whole, shown once on the article's first row, then those citing a
 * paragraph the row names; the en dash for none. */
static const char *cite_cell(rdoc *d, const ann_cites *c, const actip_obligation *o)
{
	bool again = o > actip_obligations && o[-1].article == o->article;
	const char *cell = "";
	for (int k = 0; k < 2; k++) {
		int art = k ? o->also : o->article;
		const char *whole = art > 0 && art <= ANN_MAX_ARTICLE ? c->whole[art] : NULL;
		if (whole)
			cell = str(d, "%s%s%s", cell, *cell ? "; " : "", again ? _("as above") : whole);
	}
	for (size_t k = 0; k < c->npara; k++) {
		const ann_article_para *p = &c->para[k];
		if (p->article == o->article && strstr(o->ref, str(d, "%d(%s)", p->article, p->paragraph)))
			cell = str(d, "%s%s%s", cell, *cell ? "; " : "", p->lines);
	}
	return *cell ? cell : EN_DASH;
}

/* The Convention's key obligations by article (a built-in list, workplan/actip.c), with
 * the lines of the work plan most recently begun by the year and the year's projects
 * that cite each article. */
static void sec_actip(rdoc *d, int *nfig)
{
	(void)nfig;
	const annual_report *r = d->r;
	bool wp = r->wp_plan != NULL, projects = any_cite(&r->cites[ANN_CITE_PROJECTS]);
	const char *who = wp && projects ? str(d, _("the lines of %s (%s) and the projects of %d"),
					       r->wp_plan_title, r->wp_plan, d->year)
			: wp ? str(d, _("the lines of %s (%s)"), r->wp_plan_title, r->wp_plan)
			: projects ? str(d, _("the projects of %d"), d->year) : NULL;
	para(d, NULL, who ? str(d, _("What the Convention asks of States Parties, article by "
				   "article, and %s that serve each article."), who)
			  : _("What the Convention asks of States Parties, article by article. No "
			    "work plan is recorded and no project cites an article, so nothing is "
			    "shown against them."));
	rd_table *t = table(d, "actip", 2 + wp + projects);
	if (t) {
		t->heads[0] = _("Article");
		t->heads[1] = _("Obligation");
		t->left[0] = t->left[1] = true;
		if (wp)
			t->heads[2] = _("Work-plan lines");
		if (projects)
			t->heads[2 + wp] = _("Projects");
		t->left[2] = t->left[3] = true;
	}
	for (const actip_obligation *o = actip_obligations; o->article; o++) {
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = o->ref;
		c[1] = o->summary;
		if (wp)
			c[2] = cite_cell(d, &r->cites[ANN_CITE_WP], o);
		if (projects)
			c[2 + wp] = cite_cell(d, &r->cites[ANN_CITE_PROJECTS], o);
	}
	para(d, "note", _("The obligations are summarised in our own words; the Convention's "
			"text is authoritative."));
}

/* The abbreviations, alphabetically. */
static void sec_abbreviations(rdoc *d, int *nfig)
{
	(void)nfig;
	rd_table *t = table(d, "abbreviations", 2);
	if (t) {
		t->heads[0] = _("Abbreviation");
		t->heads[1] = _("Meaning");
		t->left[0] = t->left[1] = true;
	}
	for (size_t i = 0; i < d->r->nabbrev; i++) {
		const char **c = row(d, t, RD_ROW, NULL);
		c[0] = d->r->abbrev[i].abbreviation;
		c[1] = d->r->abbrev[i].meaning;
	}
}

/* Whether a section has anything to show. */
static bool has_docinfo(const annual_report *r)
{
	return r->narrative[ANN_DOCINFO] != NULL;
}

static bool has_foreword(const annual_report *r)
{
	return r->narrative[ANN_FOREWORD] != NULL;
}

static bool has_contact(const annual_report *r)
{
	return r->narrative[ANN_CONTACT] != NULL;
}

static bool has_abbreviations(const annual_report *r)
{
	return r->nabbrev > 0;
}

static bool has_partners(const annual_report *r)
{
	return r->npartners > 0;
}

static bool has_quality(const annual_report *r)
{
	return r->quality != NULL;
}

/* The sections of the annual report, in order: id, heading, entry in the contents
 * (NULL: the heading), whether the heading names the year, the builder, whether the
 * section is shown (NULL: always) and its class. */
static const struct {
	const char *id, *title, *toc;
	bool year;                   /* the heading ends " in YEAR" */
	void (*build)(rdoc *d, int *nfig);
	bool (*shown)(const annual_report *r);
	const char *cls;
} sections[] = {
	{"document", N_("Document information"), NULL, false, sec_docinfo, has_docinfo, NULL},
	{"foreword", N_("Foreword"), NULL, false, sec_foreword, has_foreword, NULL},
	{"about", N_("About the programme"), NULL, false, sec_about, NULL, NULL},
	{"theory", N_("Theory of change"), NULL, false, sec_theory, has_framework, NULL},
	{"actip", N_("About the ACTIP"), NULL, false, sec_actip, NULL, NULL},
	{"abbreviations", N_("Abbreviations"), NULL, false, sec_abbreviations, has_abbreviations, NULL},
	{"status", N_("Project status"), NULL, true, sec_status, NULL, NULL},
	{"regional", N_("Regional progress"), NULL, false, sec_regional, NULL, NULL},
	{"countries", N_("Progress by country"), NULL, false, sec_countries, NULL, NULL},
	{"partners", N_("NGO partners and their results"), N_("NGO partners"), false, sec_partners,
	 has_partners, NULL},
	{"tracking", N_("Indicator performance tracking"), NULL, false, sec_tracking, NULL, NULL},
	{"indicators", N_("Selected indicator results"), NULL, false, sec_results, NULL, NULL},
	{"surveys", N_("Surveys and feedback"), NULL, false, sec_surveys, has_surveys, NULL},
	{"trends", N_("Trends over the years"), N_("Trends"), false, sec_trends, has_trends, NULL},
	{"expenditure", N_("Expenditure by year"), N_("Expenditure"), false, sec_expenditure, NULL, NULL},
	{"framework", N_("Annex 1: results framework"), NULL, false, sec_framework, has_framework,
	 "annex"},
	{"quality", N_("Annex: data quality"), NULL, false, sec_quality, has_quality, "annex"},
	{"contact", N_("Contact"), NULL, false, sec_contact, has_contact, NULL},
};

/* Ends a build: the status of the result. */
static int done(rdoc *d, actip_err *err)
{
	d->conventions = _("Zero is shown as an en dash (–); percentages are exact "
			   "ratios rounded half away from zero.");
	if (d->failed) {
		rdoc_free(d);
		return err_set(err, ACTIP_ENOMEM, "out of memory building the report");
	}
	return ACTIP_OK;
}

int rdoc_build(rdoc *d, const annual_report *r, actip_err *err)
{
	memset(d, 0, sizeof *d);
	d->r = r;
	d->year = r->year;
	d->toc = true;
	report_figures(r, d->figs, d->fig_titles);
	/* headings in the thread's language (English unless `--lang` or a web page set it) */
	d->title = str(d, _("Annual progress report %d"), r->year);
	d->cover = _("Computed by actip from the stored records: projects, activities, "
		     "participants, feedback, achievements, partners and expenditure.");
	int nfig = 0;
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (sections[i].shown && !sections[i].shown(r))
			continue;
		const char *title = sections[i].year
			? str(d, _("%s in %d"), _(sections[i].title), r->year) : _(sections[i].title);
		open_sec(d, 2, sections[i].id, sections[i].cls, NULL, title);
		d->blocks[d->nblocks - 1].toc = _(sections[i].toc ? sections[i].toc : sections[i].title);
		sections[i].build(d, &nfig);
		close_sec(d);
	}
	number_figures(d);
	return done(d, err);
}

int rdoc_build_public(rdoc *d, const report_tables *t, const report_suppression *s,
		      actip_err *err)
{
	memset(d, 0, sizeof *d);
	d->year = t->year;
	d->title = str(d, _("Selected indicator results %d"), t->year);
	d->cover = _("Tables 1 to 5 of the annual progress report, computed by actip from the "
		   "stored records, for publication.");
	d->suppress_below = s->k;
	open_sec(d, 2, "indicators", NULL, NULL, NULL);
	int nfig = 0;
	results(d, t, s, &nfig);
	close_sec(d);
	number_figures(d);
	return done(d, err);
}

void rdoc_ach_meta(const annual_report *r, const ann_achievement *a, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = 0;
#define ADD(...) (o += (size_t)snprintf(buf + o, o < size ? size - o : 0, __VA_ARGS__))
	if (a->has[0]) {
		char n[32];
		num_format_count(n, sizeof n, a->n[0]);
		ADD(" %s people;", n);
	}
	if (a->project)
		ADD(" project %s;", a->project);
	if (a->partner)
		ADD(" %s;", annual_partner_name(r, a->partner));
	if (a->outcomes) {
		char list[256];
		annual_outcome_list(a->outcomes, list, sizeof list);
		ADD("%s%s", strchr(a->outcomes, ';') ? " outcomes " : " outcome ", list);
	}
#undef ADD
}

void rdoc_table_free(rd_table *t)
{
	if (!t)
		return;
	free(t->cells);
	free(t->nums);
	free(t->marks);
	free(t->kinds);
	free(t->row_ids);
	free(t);
}

void rdoc_free(rdoc *d)
{
	for (int i = 0; i < d->nblocks; i++)
		if (d->blocks[i].owned)
			rdoc_table_free(d->blocks[i].table);
	while (d->chunks) {
		rd_chunk *c = d->chunks;
		d->chunks = c->next;
		free(c);
	}
	free(d->blocks);
	d->blocks = NULL;
	d->nblocks = d->cap = 0;
}
