/* The survey templates (docs/surveys.md): surveys.csv (a survey: its year, title, when
 * it closed, who was asked, the source line and its figure's place in the report),
 * survey_questions.csv (each question and the scale it is answered on, src/core/scale.c)
 * and survey_answers.csv (one answer per respondent and question). An answer is checked
 * against its question's scale and stored as the scale spells it, so the report can
 * share the answers among the scale's words without reading them again. */
#include "core/i18n.h"
#include "import/template.h"

#include <stdio.h>
#include <string.h>

#include "core/scale.h"

enum { V_SURVEY_UPSERT, V_SURVEY_EXISTS, V_QUESTION_UPSERT, V_QUESTION_SCALE, V_ANSWER_UPSERT,
       V__COUNT };

static const char *const SQL[V__COUNT] = {
	[V_SURVEY_UPSERT] =
	"INSERT INTO survey(code, year, title, conducted, population, source, figure)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(code) DO UPDATE SET year = excluded.year, title = excluded.title,"
	" conducted = excluded.conducted, population = excluded.population,"
	" source = excluded.source, figure = excluded.figure"
	" WHERE (year, title, conducted, population, source, figure) IS NOT (excluded.year,"
	" excluded.title, excluded.conducted, excluded.population, excluded.source,"
	" excluded.figure)",
	[V_SURVEY_EXISTS] = "SELECT 1 FROM survey WHERE code = ?1",
	[V_QUESTION_UPSERT] =
	"INSERT INTO survey_question(survey, question, text, label, scale) VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT(survey, question) DO UPDATE SET text = excluded.text, label = excluded.label,"
	" scale = excluded.scale WHERE (text, label, scale) IS NOT (excluded.text, excluded.label,"
	" excluded.scale)",
	[V_QUESTION_SCALE] = "SELECT scale FROM survey_question WHERE survey = ?1 AND question = ?2",
	[V_ANSWER_UPSERT] =
	"INSERT INTO survey_answer(survey, respondent, question, answer) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT(survey, respondent, question) DO UPDATE SET answer = excluded.answer"
	" WHERE answer IS NOT excluded.answer",
};

int svy_templates_prepare(importer *im, actip_err *err)
{
	return tpl_prepare_set(im, SQL, im->svy_stmt, V__COUNT, err);
}

void svy_templates_finalize(importer *im)
{
	tpl_finalize_set(im, im->svy_stmt, V__COUNT);
}

/* Steps one of our write statements and counts the row; 0, or -1 on a database error. */
static int run(importer *im, int id, const tplrow *r)
{
	int changed = tpl_step(im, im->svy_stmt[id], r);
	if (changed < 0)
		return -1;
	tpl_stored(im, changed);
	return 0;
}

/* Runs a lookup of one or two keys (tpl_lookup_stmt). */
static int lookup(importer *im, int id, const char *k1, const char *k2, char *out, size_t size)
{
	return tpl_lookup_stmt(im, im->svy_stmt[id], k1, k2, out, size);
}

/* Checks that the survey of column col is known: 1, 0 (error reported) or -1. */
static int survey_known(importer *im, const tplrow *r, int col)
{
	int k = lookup(im, V_SURVEY_EXISTS, r->v[col].s, NULL, NULL, 0);
	if (k == 0)
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "survey",
			 _("unknown survey '%s' (add it to surveys.csv)"), r->v[col].s);
	return k;
}

/* ---- surveys.csv --------------------------------------------------------------- */

enum { SV_CODE, SV_YEAR, SV_TITLE, SV_CONDUCTED, SV_POPULATION, SV_SOURCE, SV_FIGURE };
static const colspec survey_cols[] = {
	{"code", T_CODE, true, NULL, 0, REF_NONE},
	{"year", T_YEAR, true, NULL, 0, REF_NONE},
	{"title", T_TEXT, true, NULL, 300, REF_NONE},
	{"conducted_on", T_DATE, false, NULL, 0, REF_NONE},
	{"population", T_TEXT, false, NULL, 1000, REF_NONE},
	{"source", T_TEXT, false, NULL, 500, REF_NONE},
	{"figure", T_COUNT, false, NULL, 0, REF_NONE},
};

static int handle_survey(importer *im, const tplrow *r)
{
	if (r->v[SV_FIGURE].set && (r->v[SV_FIGURE].n < 1 || r->v[SV_FIGURE].n > 99)) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "figure",
			 _("a figure number is from 1 to 99"));
		return 0;
	}
	sqlite3_stmt *s = im->svy_stmt[V_SURVEY_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, SV_CODE));
	sqlite3_bind_int64(s, 2, r->v[SV_YEAR].n);
	store_bind_text(s, 3, tpl_txt(r, SV_TITLE));
	store_bind_text(s, 4, tpl_txt(r, SV_CONDUCTED));
	store_bind_text(s, 5, tpl_txt(r, SV_POPULATION));
	store_bind_text(s, 6, tpl_txt(r, SV_SOURCE));
	tpl_bind_int_or_null(s, 7, r, SV_FIGURE);
	return run(im, V_SURVEY_UPSERT, r);
}

static const record_kind kind_surveys = {
	N_("Surveys"), N_("survey"),
	"SELECT json_object('code', code, 'year', year, 'title', title, 'conducted_on', conducted,"
	" 'population', population, 'source', source, 'figure', figure)"
	" FROM survey WHERE ?1 IS NULL OR code = ?1 ORDER BY code",
	"DELETE FROM survey WHERE code = ?1", 0, NULL, {-1}, NULL, false, 0};

const template tpl_surveys = {"surveys", COLS(survey_cols), KEYS(SV_CODE), handle_survey, NULL,
	NULL, &kind_surveys};

/* ---- survey_questions.csv ------------------------------------------------------ */

enum { SQ_SURVEY, SQ_QUESTION, SQ_TEXT, SQ_LABEL, SQ_SCALE };
static const colspec question_cols[] = {
	{"survey", T_CODE, true, NULL, 0, REF_NONE},
	{"question", T_CODE, true, NULL, 0, REF_NONE},
	{"text", T_TEXT, true, NULL, 500, REF_NONE},
	{"label", T_TEXT, false, NULL, 40, REF_NONE},
	{"scale", T_ENUM, true, answer_scale_names, 0, REF_NONE},
};

static int handle_question(importer *im, const tplrow *r)
{
	int k = survey_known(im, r, SQ_SURVEY);
	if (k <= 0)
		return k;
	sqlite3_stmt *s = im->svy_stmt[V_QUESTION_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, SQ_SURVEY));
	store_bind_text(s, 2, tpl_txt(r, SQ_QUESTION));
	store_bind_text(s, 3, tpl_txt(r, SQ_TEXT));
	store_bind_text(s, 4, tpl_txt(r, SQ_LABEL));
	store_bind_text(s, 5, tpl_txt(r, SQ_SCALE));
	return run(im, V_QUESTION_UPSERT, r);
}

static const record_kind kind_survey_questions = {
	N_("Survey questions"), N_("survey question"),
	"SELECT json_object('survey', survey, 'question', question, 'text', text, 'label', label,"
	" 'scale', scale)"
	" FROM survey_question WHERE (?1 IS NULL OR survey = ?1) AND (?2 IS NULL OR question = ?2)"
	" ORDER BY survey, question",
	"DELETE FROM survey_question WHERE survey = ?1 AND question = ?2", 0, NULL, {-1}, NULL,
	false, 0};

const template tpl_survey_questions = {"survey_questions", COLS(question_cols),
	KEYS(SQ_SURVEY, SQ_QUESTION), handle_question, NULL, NULL, &kind_survey_questions};

/* ---- survey_answers.csv -------------------------------------------------------- */

enum { SA_SURVEY, SA_RESPONDENT, SA_QUESTION, SA_ANSWER };
static const colspec answer_cols[] = {
	{"survey", T_CODE, true, NULL, 0, REF_NONE},
	{"respondent", T_CODE, true, NULL, 0, REF_NONE},
	{"question", T_CODE, true, NULL, 0, REF_NONE},
	{"answer", T_TEXT, true, NULL, 60, REF_NONE},
};

/* An answer is a word of its question's scale (any case) or the word's number. */
static int handle_answer(importer *im, const tplrow *r)
{
	char scale_name[40];
	int k = lookup(im, V_QUESTION_SCALE, r->v[SA_SURVEY].s, r->v[SA_QUESTION].s, scale_name,
		       sizeof scale_name);
	if (k < 0)
		return -1;
	if (k == 0) {
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "question",
			 _("survey '%s' has no question '%s' (add it to survey_questions.csv)"),
			 r->v[SA_SURVEY].s, r->v[SA_QUESTION].s);
		return 0;
	}
	const answer_scale *sc = scale_find(scale_name);
	int ix = sc ? scale_index(sc, r->v[SA_ANSWER].s) : -1;
	if (ix < 0) {
		char words[200] = "";
		for (int i = 0; sc && sc->words[i]; i++) {
			strncat(words, i ? ", " : "", sizeof words - strlen(words) - 1);
			strncat(words, sc->words[i], sizeof words - strlen(words) - 1);
		}
		diag_add(im->diag, DIAG_ERROR, r->file, r->line, "answer",
			 _("'%s' is not an answer of the %s scale (one of: %s)"), r->v[SA_ANSWER].s,
			 scale_name, words);
		return 0;
	}
	sqlite3_stmt *s = im->svy_stmt[V_ANSWER_UPSERT];
	store_bind_text(s, 1, tpl_txt(r, SA_SURVEY));
	store_bind_text(s, 2, tpl_txt(r, SA_RESPONDENT));
	store_bind_text(s, 3, tpl_txt(r, SA_QUESTION));
	store_bind_text(s, 4, sc->words[ix]);
	return run(im, V_ANSWER_UPSERT, r);
}

static const record_kind kind_survey_answers = {
	N_("Survey answers"), N_("survey answer"),
	"SELECT json_object('survey', survey, 'respondent', respondent, 'question', question,"
	" 'answer', answer) FROM survey_answer WHERE (?1 IS NULL OR survey = ?1)"
	" AND (?2 IS NULL OR respondent = ?2) AND (?3 IS NULL OR question = ?3)"
	" ORDER BY survey, respondent, question",
	"DELETE FROM survey_answer WHERE survey = ?1 AND respondent = ?2 AND question = ?3", 0,
	NULL, {-1}, NULL, false, 0};

const template tpl_survey_answers = {"survey_answers", COLS(answer_cols),
	KEYS(SA_SURVEY, SA_RESPONDENT, SA_QUESTION), handle_answer, NULL, NULL,
	&kind_survey_answers};
