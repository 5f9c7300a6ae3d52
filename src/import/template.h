/* The data-collection templates of spec/data-collection.md, as data: each template is
 * a list of typed columns plus one row handler. The generic part (import.c) maps the
 * header to the columns, parses and checks each value by its type, and hands the
 * handler a row of typed values; the handler checks references and writes the row.
 * Adding a template means adding a table entry, not another chain of ifs. */
#ifndef ACTIP_IMPORT_TEMPLATE_H
#define ACTIP_IMPORT_TEMPLATE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "import/runmap.h"
#include "import/diag.h"
#include "store/store.h"

typedef enum {
	T_TEXT,     /* free text, one line or several */
	T_CODE,     /* identifier: letters, digits and . _ - (no ..) */
	T_CODES,    /* ;-separated identifiers */
	T_COUNTRY,  /* country code or name, stored as the code */
	T_DATE,     /* YYYY-MM-DD */
	T_YEAR,     /* YYYY */
	T_COUNT,    /* whole number >= 0 */
	T_DECIMAL,  /* decimal number >= 0 */
	T_YESNO,    /* yes/no, blank = not answered */
	T_SEX,      /* female/male/other */
	T_ENUM,     /* one word of a list, any case */
	T_EMAIL,    /* something@somewhere */
	T_CURRENCY, /* ISO 4217 three-letter code */
	T_SCALE,    /* one word of a list ordered best first, or its number (1 = the last) */
} coltype;

enum { TPL_MAX_COLS = 16, TPL_MAX_KEY = 5 };

/* A template's key columns, ended by -1: KEYS(A, B) is {A, B, -1}. */
#define KEYS(...) {__VA_ARGS__, -1}

/* A column list and its length, for a template's initializer. */
#define COLS(a) (a), (int)(sizeof(a) / sizeof((a)[0]))

/* Room for the statements of the work-plan templates (workplan/wp_templates.c) and of
 * the indicator templates (templates_indicators.c). */
enum { WP_MAX_STMTS = 32, IND_MAX_STMTS = 8, SVY_MAX_STMTS = 8, NAR_MAX_STMTS = 4 };

/* What a column's value must name among the stored records (or this run's). */
typedef enum {
	REF_NONE,
	REF_PROJECT,    /* projects.csv code */
	REF_ACTIVITY,   /* activities.csv activity_id */
	REF_PARTNER,    /* partners.csv code */
	REF_FRAMEWORK,  /* framework.csv code(s); with T_CODES, every one of them */
	REF_ACHIEVEMENT,/* achievements.csv achievement_id */
	REF__COUNT
} ref_kind;

typedef struct colspec {
	const char *name;
	coltype type;
	bool required;
	const char *const *allowed; /* T_ENUM words */
	unsigned maxlen;            /* bytes; 0 = type default */
	ref_kind ref;
} colspec;

/* One parsed value. `set` is false for a blank optional value. */
typedef struct value {
	bool set;
	const char *s;   /* trimmed text; canonical form for enums, countries, sex */
	int64_t n;       /* T_COUNT, T_YEAR, T_YESNO (1/0), T_DECIMAL (millionths) */
	int year;        /* T_DATE */
} value;

typedef struct importer importer;

typedef struct tplrow tplrow;
struct tplrow {
	value v[TPL_MAX_COLS];
	long line;
	const char *file;
};

/* Who besides admins (who write every kind) may write records of a kind. */
enum { KW_OFFICER = 1, KW_FOCAL = 2 };

/* A template's records as a kind of the records API (spec/records-api.md), written once
 * beside the template in the subsystem that owns it, and read by the importer's web
 * guard, the API, the record pages, the upload page and the audit:
 * - `list_sql` gives each record as the text of one JSON object whose members are the
 *   template's columns in order, with the template's codes and words (yes/no as "yes"
 *   and "no", decimals as text) and the kind's server-given key fields (`seq`); numbers
 *   are JSON numbers. Its parameters ?1..?n are the key fields in order, each NULL for
 *   "any": all NULL lists every record, the first alone lists one parent's, all of them
 *   read one record. Rows come in key order.
 * - `delete_sql` deletes one record by its key fields (?1..?n).
 * - `scope_sql`, with `scope_cols` (template columns, -1 ended) bound as ?1..?n from the
 *   record written or deleted, gives the countries (for country officers) or bodies (for
 *   focal points) that record belongs to; every one must be the user's own. For an
 *   upload it runs before each row is stored, so it sees the stored record too.
 * - `lock` says which approved period locks a record (the store's triggers enforce it).
 * - `seq_key`: the key is the parent's key plus a `seq` the server gives (participants
 *   and feedback rows). */
typedef struct record_kind {
	const char *label;     /* for people: "Project status reports" */
	const char *one;       /* one record, in messages: "project status report" */
	const char *list_sql;
	const char *delete_sql;
	unsigned writers;      /* KW_ bits */
	const char *scope_sql; /* NULL: no role but admin writes it */
	int scope_cols[4];
	const char *lock;      /* "year", "half-year" or NULL */
	bool seq_key;
	unsigned private_cols; /* bit c: column c is given only to admins and to the officer
				* of the record's country (participants' names, e-mails, ids) */
} record_kind;

/* SQL fragments for a kind's list_sql: a 0/1 column as the template's yes/no, and a
 * decimal in millionths as the template writes it ("1.5", "2"; NULL stays NULL). */
#define KIND_YN(c) "CASE " c " WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END"
#define KIND_DECIMAL(c) \
	"CASE WHEN " c " IS NOT NULL THEN rtrim(rtrim(printf('%d.%06d', " c " / 1000000, " c \
	" % 1000000), '0'), '.') END"

typedef struct template {
	const char *name;        /* also the file name without .csv */
	const colspec *cols;
	int ncols;
	int key_cols[TPL_MAX_KEY + 1]; /* columns unique in one file; -1 ends (see KEYS) */
	int (*handle)(importer *im, const tplrow *r);
	void (*end_file)(importer *im); /* checks needing the whole file; may be NULL */
	const char *replaces;    /* what a file's rows replace, for the summary ("activities") */
	const record_kind *kind; /* as a records API kind; NULL: import only */
} template;

/* The statements the handlers use, prepared once per run. */
typedef enum {
	S_FRAMEWORK_UPSERT, S_FRAMEWORK_EXISTS,
	S_PARTNER_UPSERT, S_PARTNER_EXISTS,
	S_PROJECT_UPSERT, S_PROJECT_COUNTRY, S_PROJECT_OUTCOMES_DEL, S_PROJECT_OUTCOME_INS,
	S_PROJECT_ARTICLES_DEL, S_PROJECT_ARTICLE_INS,
	S_STATUS_UPSERT,
	S_ACTIVITY_UPSERT, S_ACTIVITY_EXISTS, S_ACTIVITY_OUTCOMES_DEL, S_ACTIVITY_OUTCOME_INS,
	S_ATTENDANCE_DEL, S_ATTENDANCE_INS, S_ATTENDANCE_LAST, S_ATTENDANCE_TOUCH,
	S_FEEDBACK_DEL, S_FEEDBACK_INS, S_FEEDBACK_LAST, S_FEEDBACK_TOUCH,
	S_ACHIEVEMENT_UPSERT, S_ACHIEVEMENT_OUTCOMES_DEL, S_ACHIEVEMENT_OUTCOME_INS,
	S_EXPENDITURE_UPSERT,
	S_ACHIEVEMENT_EXISTS, S_FIGURE_DEL, S_FIGURE_UPSERT,
	S_PUBLISHED_UPSERT, S_SETTING_UPSERT,
	S__COUNT
} stmt_id;

typedef struct pending_ref {
	long line;
	char *value;
} pending_ref;

/* The state of one import run. */
struct importer {
	store *st;
	diag_list *diag;
	sqlite3_stmt *stmt[S__COUNT];
	sqlite3_stmt *wp_stmt[WP_MAX_STMTS]; /* the work-plan templates' own */
	sqlite3_stmt *ind_stmt[IND_MAX_STMTS]; /* the indicator templates' own */
	sqlite3_stmt *svy_stmt[SVY_MAX_STMTS]; /* the survey templates' own */
	sqlite3_stmt *nar_stmt[NAR_MAX_STMTS]; /* the narrative templates' own */
	const char *file;         /* label of the file being read */
	const template *tpl;
	int colmap[TPL_MAX_COLS]; /* template column -> CSV field, -1 when absent */
	runmap keys;              /* keys seen in the current file -> line */
	runmap att_seq;           /* activity -> next attendance seq, this run */
	runmap fb_seq;            /* activity -> next feedback seq, this run */
	runmap fig_seq;           /* achievement -> next figure seq, this run */
	pending_ref *pending;     /* framework parents, checked at end of file */
	size_t npending, cappending;
	long rows, changed;       /* counters for the current file */
	long replaced;            /* activities whose participants/feedback were replaced */
	runmap repl_old;          /* this file: owner -> stored rows its rows replaced */
	runmap *repl_seqs;        /* this file's seq map of those owners (rows written) */
	bool append;              /* import_hooks.append: add after the stored rows */
	char date_order;          /* import_format.date_order: 'd', 'm' or 0 */
	char datebuf[TPL_MAX_COLS][48]; /* the current row's dates as YYYY-MM-DD */
	bool db_failed;           /* a database error: the run must fail */
	bool locked;              /* a row fell in an approved period (an input error) */
	struct import_hooks *hooks; /* the caller's, or NULL */
	bool refused;             /* hooks->row_check refused the run */
	actip_err refusal;        /* why */
	char last_activity[80];   /* cache of the last activity looked up */
	int last_activity_ok;     /* its answer: 1, 0, or -1 for no cache */
	strmap ref_found[REF__COUNT]; /* this file: codes found by template_check_ref (an
				   * import never deletes what a reference names) */
	signed char held_rows[S__COUNT]; /* per owner-rows delete statement, this file: 0 not
				   * yet known, 1 its table held rows when the file first
				   * came to delete some, -1 it held none (tpl_del_owner) */
};

/* The templates in the order a run processes them (referenced before referencing). */
extern const template *const template_table[];
extern const int template_count;

/* The templates of results and reconciliation (templates_results.c). */
extern const template tpl_achievements, tpl_achievement_figures, tpl_expenditure,
	tpl_published, tpl_settings;

/* The indicator templates (templates_indicators.c) and their statements. */
extern const template tpl_indicators, tpl_indicator_targets, tpl_indicator_actuals;
int ind_templates_prepare(importer *im, actip_err *err);
void ind_templates_finalize(importer *im);

/* The survey templates (templates_surveys.c) and their statements. */
extern const template tpl_surveys, tpl_survey_questions, tpl_survey_answers;
int svy_templates_prepare(importer *im, actip_err *err);
void svy_templates_finalize(importer *im);

/* The report narrative's templates (templates_narrative.c) and their statements. */
extern const template tpl_narrative, tpl_abbreviations;
int nar_templates_prepare(importer *im, actip_err *err);
void nar_templates_finalize(importer *im);

/* Finds a template by name; NULL when unknown. */
const template *template_find(const char *name);

/* Prepares all statements. */
int template_prepare(importer *im, actip_err *err);

/* Finalizes all statements. */
void template_finalize(importer *im);

/* Checks that the value of column c names a known record; reports an error and
 * returns false when it does not. */
bool template_check_ref(importer *im, const colspec *c, const value *v, long line);

/* Helpers shared by the template handlers (templates.c). */

/* Text of a value, NULL when blank. */
const char *tpl_txt(const tplrow *r, int col);

/* Binds column col's integer, or NULL when blank. */
void tpl_bind_int_or_null(sqlite3_stmt *s, int idx, const tplrow *r, int col);

/* Prepares n statements from sql into stmts; finalizes and clears them. Each set of
 * templates (programme, work plan, indicators) keeps its own statement array. */
int tpl_prepare_set(importer *im, const char *const *sql, sqlite3_stmt **stmts, int n, actip_err *err);
void tpl_finalize_set(importer *im, sqlite3_stmt **stmts, int n);

/* Steps a bound write statement; records a database error against the row. Returns
 * the number of rows changed, or -1. */
int tpl_step(importer *im, sqlite3_stmt *s, const tplrow *r);

/* tpl_step on the importer's statement id. */
int tpl_run(importer *im, stmt_id id, const tplrow *r);

/* Runs a one-parameter lookup; 1 found (first column copied to out when given), 0 not
 * found, -1 database error. */
int tpl_lookup(importer *im, stmt_id id, const char *key, char *out, size_t outsize);

/* The same with any prepared statement and one key (k2 NULL) or two. */
int tpl_lookup_stmt(importer *im, sqlite3_stmt *s, const char *k1, const char *k2, char *out, size_t outsize);

/* Rewrites the outcome links of owner from column col's ;-separated codes. */
void tpl_link_outcomes(importer *im, const tplrow *r, int col, const char *owner,
		       stmt_id del, stmt_id ins);

/* Counts a stored row (changed > 0 means new or different). */
void tpl_stored(importer *im, int changed);

/* Gives the next sequence number for owner's rows. The first time a run meets owner,
 * runs `del` for it (its rows are replaced); in append mode it instead runs `last`
 * (owner's highest stored seq, or NULL) and numbers the run's rows after it. `last` is
 * S__COUNT for rows that are never appended (they are always replaced). Returns 1 the
 * first time (the owner is new to the run), 0 after, -1 on failure. */
int tpl_next_seq(importer *im, runmap *seqs, stmt_id del, stmt_id last, const char *owner,
		 const tplrow *r, int64_t *seq);

#endif
