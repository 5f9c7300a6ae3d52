/* The annual report's survey results: each survey of the year that has a figure, its
 * questions with the answers counted by the words of the question's scale and the
 * number of respondents; and the feedback of each regional project's capacity
 * development events (satisfaction, relevance, understanding), which the published
 * report quotes per event series. Static SQL with bound parameters; every count is
 * exact, shares are computed by annual_pct when shown. */
#include "report/annual.h"

#include <stdlib.h>
#include <string.h>

#include "core/num.h"

/* strdup of column i, NULL for SQL NULL; sets *oom when the copy fails. */
static char *col(sqlite3_stmt *s, int i, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	if (!t)
		return NULL;
	char *c = strdup((const char *)t);
	if (!c)
		*oom = true;
	return c;
}

int64_t annual_pct(int64_t n, int64_t of)
{
	int64_t p;
	return num_pct_scaled(n, of, 0, &p) ? p : -1;
}

/* Counts the answers of survey v's questions. */
static int load_questions(store *st, ann_survey *v, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT q.question, q.text, q.label, q.scale, a.answer, count(a.answer)"
			      " FROM survey_question q LEFT JOIN survey_answer a"
			      " ON a.survey = q.survey AND a.question = q.question"
			      " WHERE q.survey = ?1 GROUP BY q.question, a.answer ORDER BY q.question",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(s, 1, v->code, -1, SQLITE_STATIC);
	int rc;
	bool oom = false;
	while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(s, 0);
		ann_question *q = v->nq ? &v->q[v->nq - 1] : NULL;
		if (!q || strcmp(q->code, code) != 0) {
			q = realloc(v->q, sizeof *q * (v->nq + 1));
			if (!q) {
				oom = true;
				break;
			}
			v->q = q;
			q = &v->q[v->nq++];
			memset(q, 0, sizeof *q);
			q->code = col(s, 0, &oom);
			q->text = col(s, 1, &oom);
			q->label = col(s, 2, &oom);
			q->scale = scale_find((const char *)sqlite3_column_text(s, 3));
		}
		const unsigned char *answer = sqlite3_column_text(s, 4);
		int ix = answer && q->scale ? scale_index(q->scale, (const char *)answer) : -1;
		if (ix >= 0) {
			q->n[ix] += sqlite3_column_int64(s, 5);
			q->answered += sqlite3_column_int64(s, 5);
		}
	}
	sqlite3_finalize(s);
	if (oom)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	if (rc != SQLITE_DONE)
		return store_error(st, "reading the survey answers", err);
	return ACTIP_OK;
}

/* The year's surveys that have a figure. */
static int load_surveys(store *st, annual_report *r, actip_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT code, title, conducted, population, source, figure,"
			      " (SELECT count(DISTINCT respondent) FROM survey_answer WHERE survey = v.code)"
			      " FROM survey v WHERE year = ?1 AND figure IS NOT NULL ORDER BY figure, code",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, r->year);
	int rc;
	bool oom = false;
	while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		ann_survey *v = realloc(r->surveys, sizeof *v * (r->nsurveys + 1));
		if (!v) {
			oom = true;
			break;
		}
		r->surveys = v;
		v = &r->surveys[r->nsurveys++];
		memset(v, 0, sizeof *v);
		v->code = col(s, 0, &oom);
		v->title = col(s, 1, &oom);
		v->conducted = col(s, 2, &oom);
		v->population = col(s, 3, &oom);
		v->source = col(s, 4, &oom);
		v->figure = sqlite3_column_int(s, 5);
		v->respondents = sqlite3_column_int64(s, 6);
	}
	sqlite3_finalize(s);
	if (oom || (r->nsurveys && !r->surveys[r->nsurveys - 1].code))
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	if (rc != SQLITE_DONE)
		return store_error(st, "reading the surveys", err);
	for (size_t i = 0; i < r->nsurveys; i++)
		if (load_questions(st, &r->surveys[i], err) < 0)
			return ACTIP_ERR;
	return ACTIP_OK;
}

/* The feedback of the regional projects' capacity development events of the year. */
static int load_feedback(store *st, annual_report *r, actip_err *err)
{
	const answer_scale *quality = scale_find("quality");
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT p.code, p.title, count(*), sum(f.satisfied), count(f.satisfied),"
			      " sum(f.relevant), count(f.relevant), sum(f.understanding = ?2),"
			      " sum(f.understanding = ?3), sum(f.understanding = ?4),"
			      " sum(f.understanding = ?5), count(f.understanding)"
			      " FROM feedback f JOIN activity a ON a.id = f.activity"
			      " JOIN project p ON p.code = a.project"
			      " WHERE a.year = ?1 AND a.type = 'capacity_development'"
			      " AND p.focus <> 'national' GROUP BY p.code ORDER BY p.code",
			  &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_int(s, 1, r->year);
	for (int k = 0; k < 4; k++)
		sqlite3_bind_text(s, 2 + k, quality->words[k], -1, SQLITE_STATIC);
	int rc;
	bool oom = false;
	while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		ann_feedback *f = realloc(r->feedback, sizeof *f * (r->nfeedback + 1));
		if (!f) {
			oom = true;
			break;
		}
		r->feedback = f;
		f = &r->feedback[r->nfeedback++];
		memset(f, 0, sizeof *f);
		f->project = col(s, 0, &oom);
		f->title = col(s, 1, &oom);
		f->respondents = sqlite3_column_int64(s, 2);
		f->satisfied = sqlite3_column_int64(s, 3);
		f->satisfied_of = sqlite3_column_int64(s, 4);
		f->relevant = sqlite3_column_int64(s, 5);
		f->relevant_of = sqlite3_column_int64(s, 6);
		for (int k = 0; k < 4; k++)
			f->understanding[k] = sqlite3_column_int64(s, 7 + k);
		f->understanding_of = sqlite3_column_int64(s, 11);
	}
	sqlite3_finalize(s);
	if (oom)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	if (rc != SQLITE_DONE)
		return store_error(st, "reading the feedback by project", err);
	return ACTIP_OK;
}

int annual_load_surveys(store *st, annual_report *r, actip_err *err)
{
	if (load_surveys(st, r, err) < 0 || load_feedback(st, r, err) < 0)
		return ACTIP_ERR;
	return ACTIP_OK;
}

void annual_free_surveys(annual_report *r)
{
	for (size_t i = 0; i < r->nsurveys; i++) {
		ann_survey *v = &r->surveys[i];
		for (size_t k = 0; k < v->nq; k++) {
			free(v->q[k].code); free(v->q[k].text); free(v->q[k].label);
		}
		free(v->q);
		free(v->code); free(v->title); free(v->conducted); free(v->population); free(v->source);
	}
	for (size_t i = 0; i < r->nfeedback; i++) {
		free(r->feedback[i].project);
		free(r->feedback[i].title);
	}
	free(r->surveys);
	free(r->feedback);
	r->surveys = NULL;
	r->feedback = NULL;
	r->nsurveys = r->nfeedback = 0;
}
