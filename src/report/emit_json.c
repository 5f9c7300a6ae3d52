/* JSON form of the report (spec/annual-report.md, "Machine-readable form"): one object
 * with keys table1..table5, each {"title", "columns", "rows": {KEY: [...]}} plus
 * "percentage_row" for tables 3 and 4. Counts are integers, whole percentages integers,
 * two-decimal percentages reals, null where there is no denominator. Written with
 * jansson; JSON_ENSURE_ASCII also escapes U+2028 and U+2029. */
#include <jansson.h>
#include <string.h>

#include "core/num.h"
#include "indicators/ind_emit.h"
#include "report/rdoc.h"
#include "report/report.h"

/* One table as a JSON object; with a mask (the public tables), a withheld cell or
 * share is the string "<K" and the note is left out. */
json_t *report_table_json(const rt_table *t, const report_mask *m)
{
	char lt[16];
	snprintf(lt, sizeof lt, "<%d", m ? m->k : 0);
	json_t *o = json_object(), *cols = json_array(), *rows = json_object();
	json_object_set_new(o, "title", json_string(t->title));
	for (int c = 0; c < t->ncols; c++)
		json_array_append_new(cols, json_string(t->cols[c].key));
	json_object_set_new(o, "columns", cols);
	for (int i = 0; i < t->nrows; i++) {
		const rt_row *r = &t->rows[i];
		json_t *a = json_array();
		for (int c = 0; c < t->ncols; c++)
			json_array_append_new(a, m && m->cell[i][c] ? json_string(lt)
						 : r->null[c]       ? json_null()
								    : json_integer(r->v[c]));
		json_object_set_new(rows, r->key, a);
	}
	json_object_set_new(o, "rows", rows);
	if (t->has_pct_row) {
		json_t *p = json_array();
		for (int c = 0; c < 3; c++)
			json_array_append_new(p, m && m->pct_row ? json_string(lt)
						 : t->pct_row_null ? json_null()
								   : json_real((double)t->pct_row[c] / 100.0));
		json_object_set_new(o, "percentage_row", p);
	}
	if (t->note && !m)
		json_object_set_new(o, "note", json_string(t->note));
	return o;
}

/* Project status: the counts of the sentence and each project's status. */
static json_t *status_json(const annual_report *r)
{
	json_t *o = json_object(), *by = json_object();
	json_object_set_new(o, "projects", json_integer(r->national));
	json_object_set_new(o, "countries", json_integer(r->national_countries));
	for (int k = 0; k < ANN_NSTATUS; k++)
		json_object_set_new(o, ann_status_keys[k], json_integer(r->status_count[k]));
	for (size_t i = 0; i < r->nprojects; i++) {
		const ann_project *p = &r->projects[i];
		json_t *list = json_object_get(by, p->country);
		if (!list) {
			list = json_array();
			json_object_set_new(by, p->country, list);
		}
		json_array_append_new(list, json_pack("{s:s, s:s?}", "code", p->code, "status",
						      p->status));
	}
	json_object_set_new(o, "by_country", by);
	return o;
}

/* A whole percentage, or null. */
static json_t *pct(int64_t v)
{
	return v < 0 ? json_null() : json_integer(v);
}

/* The country profiles. */
static json_t *countries_json(const annual_report *r)
{
	json_t *o = json_object();
	for (int i = 0; i < r->ncountries; i++) {
		const ann_country *k = &r->countries[i];
		json_t *c = json_object();
		json_object_set_new(c, "projects", json_integer(k->projects));
		json_object_set_new(c, "events", json_integer(k->events));
		json_object_set_new(c, "participants", json_integer(k->participants));
		json_object_set_new(c, "pct_women_participants", pct(k->pct_women_participants));
		json_object_set_new(c, "capacity_development_events", json_integer(k->cd_events));
		json_object_set_new(c, "people_trained", json_integer(k->trained));
		json_object_set_new(c, "pct_women_trained", pct(k->pct_women_trained));
		json_object_set_new(c, "satisfied_pct", pct(k->pct_satisfied));
		json_object_set_new(o, k->code, c);
	}
	return o;
}

/* Expenditure by year, currency and category, as decimal strings (exact). */
static json_t *spend_json(const annual_report *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->nspend; i++) {
		const ann_spend *e = &r->spend[i];
		char amount[40];
		num_format_scaled(amount, sizeof amount, e->micro / 10000, 2);
		json_array_append_new(a, json_pack("{s:i, s:s, s:s, s:s}", "year", e->year,
			"currency", e->currency, "category", e->category, "amount", amount));
	}
	return a;
}

/* Counts by word (best first) with their whole percentages of the answered. */
static json_t *answers_json(const answer_scale *sc, const int64_t *n, int64_t of)
{
	json_t *o = json_object();
	for (int w = 0; sc && w < scale_size(sc); w++)
		json_object_set_new(o, sc->words[w], json_pack("{s:I, s:o}", "count", (json_int_t)n[w],
							      "pct", pct(annual_pct(n[w], of))));
	return o;
}

/* The surveys with a figure, and the regional projects' feedback. */
static json_t *surveys_json(const annual_report *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->nsurveys; i++) {
		const ann_survey *v = &r->surveys[i];
		json_t *qs = json_array();
		for (size_t k = 0; k < v->nq; k++) {
			const ann_question *q = &v->q[k];
			json_array_append_new(qs, json_pack("{s:s, s:s, s:s?, s:I, s:o}", "question",
				q->code, "text", q->text, "scale", q->scale ? q->scale->name : NULL,
				"answered", (json_int_t)q->answered,
				"answers", answers_json(q->scale, q->n, q->answered)));
		}
		json_array_append_new(a, json_pack("{s:s, s:s, s:i, s:I, s:s?, s:o}", "survey", v->code,
			"title", v->title, "figure", v->figure, "respondents", (json_int_t)v->respondents,
			"source", v->source, "questions", qs));
	}
	return a;
}

static json_t *feedback_json(const annual_report *r)
{
	json_t *o = json_object();
	for (size_t i = 0; i < r->nfeedback; i++) {
		const ann_feedback *f = &r->feedback[i];
		json_object_set_new(o, f->project, json_pack("{s:I, s:o, s:o, s:o}",
			"respondents", (json_int_t)f->respondents,
			"satisfied_pct", pct(annual_pct(f->satisfied, f->satisfied_of)),
			"relevant_pct", pct(annual_pct(f->relevant, f->relevant_of)),
			"understanding", answers_json(scale_find("quality"), f->understanding,
						      f->understanding_of)));
	}
	return o;
}

/* The whole report. */
int report_write_json(FILE *out, const annual_report *r, actip_err *err)
{
	json_t *root = json_object();
	json_object_set_new(root, "year", json_integer(r->year));
	for (int i = 0; i < 5; i++)
		json_object_set_new(root, r->tables.t[i].id, report_table_json(&r->tables.t[i], NULL));
	json_object_set_new(root, "project_status", status_json(r));
	json_object_set_new(root, "countries", countries_json(r));
	json_object_set_new(root, "achievements", json_integer((json_int_t)r->nach));
	json_object_set_new(root, "expenditure", spend_json(r));
	json_object_set_new(root, "indicator_tracking", ind_table_json(&r->indicators));
	json_object_set_new(root, "surveys", surveys_json(r));
	json_object_set_new(root, "feedback_by_project", feedback_json(r));
	int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII |
				       JSON_REAL_PRECISION(12));
	json_decref(root);
	fputc('\n', out);
	if (rc != 0 || ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the JSON report");
	return ACTIP_OK;
}

/* The public tables: {"year", "suppress_below", "table1".."table5"}, each table of their
 * document (rdoc_build_public) as report_table_json shows it under its mask. */
int rdoc_write_public_json(FILE *out, const rdoc *d, actip_err *err)
{
	json_t *root = json_object();
	json_object_set_new(root, "year", json_integer(d->year));
	json_object_set_new(root, "suppress_below", json_integer(d->suppress_below));
	for (int i = 0; i < d->nblocks; i++) {
		const rd_block *b = &d->blocks[i];
		if (b->kind == RB_RTABLE)
			json_object_set_new(root, b->rt->id, report_table_json(b->rt, b->masked ? &b->mask : NULL));
	}
	int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	if (rc != 0 || ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the public tables");
	return ACTIP_OK;
}
