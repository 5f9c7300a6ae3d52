/* The whole annual progress report as one neutral structure: the five tables, the
 * project-status summary, a profile per country, achievements under the outcomes they
 * serve, NGO partners and their results, expenditure by year and the data-quality
 * findings. It is loaded once from the store; the HTML, Markdown and JSON writers only
 * render it, so every format shows the same numbers and nothing is typed in twice.
 * Country profiles take their numbers from the computed tables, not from a second
 * query, so a profile cannot disagree with Table 3. */
#ifndef ACTIP_REPORT_ANNUAL_H
#define ACTIP_REPORT_ANNUAL_H

#include <stdbool.h>
#include <stdint.h>

#include "check/check.h"
#include "core/scale.h"
#include "indicators/indicators.h"
#include "report/tables.h"
#include "workplan/actip.h"

enum { ANN_NSTATUS = 6, ANN_MAX_ARTICLE = ACTIP_ARTICLES };

/* Project status words in report order. */
extern const char *const ann_status_keys[ANN_NSTATUS];
extern const char *const ann_status_labels[ANN_NSTATUS];

typedef struct ann_project {
	char *code, *title, *country, *focus, *partner, *status, *note;
	int status_ix;      /* index in ann_status_keys, -1 without a status for the year */
} ann_project;

typedef struct ann_achievement {
	char *id, *project, *country, *partner, *date, *text, *outcomes; /* outcomes ;-joined */
	int64_t n[4];       /* total, female, male, other */
	bool has[4];
} ann_achievement;

typedef struct ann_node {
	char *code, *level, *parent, *title;
	char *projects;     /* ", "-joined codes of the year's projects serving it, or NULL */
} ann_node;

typedef struct ann_partner {
	char *code, *name, *kind, *country, *started_on, *focus;
} ann_partner;

typedef struct ann_spend {
	int year;
	char *currency, *category;
	int64_t micro;
} ann_spend;

/* One year of the trends: what the report's tables count, year by year. */
typedef struct ann_trend {
	int year;
	int64_t events, participants, trained;  /* all events; Table 3's and 4's totals */
	int64_t pct_satisfied;                  /* Table 5's total, -1 when no feedback */
} ann_trend;

/* A survey question with its answers counted by the words of its scale (best first). */
typedef struct ann_question {
	char *code, *text, *label;
	const answer_scale *scale;
	int64_t answered, n[SCALE_MAX_WORDS];
} ann_question;

/* A survey of the year that has a figure in the report (surveys.c). */
typedef struct ann_survey {
	char *code, *title, *conducted, *population, *source;
	int figure;
	int64_t respondents;            /* who answered at least one question */
	ann_question *q;  size_t nq;
} ann_survey;

/* The feedback of one project's capacity development events of the year: relevance
 * and understanding beside satisfaction (the published report quotes them per event
 * series, e.g. for AICHR's). understanding counts the quality scale's words. */
typedef struct ann_feedback {
	char *project, *title;
	int64_t respondents, satisfied, satisfied_of, relevant, relevant_of;
	int64_t understanding[SCALE_MAX_WORDS], understanding_of;
} ann_feedback;

/* The narrative sections an admin writes per year (Markdown), in report order. */
enum { ANN_DOCINFO, ANN_FOREWORD, ANN_ABOUT, ANN_CONTACT, ANN_NNARRATIVE };
extern const char *const ann_narrative_keys[ANN_NNARRATIVE];

typedef struct ann_abbreviation {
	char *abbreviation, *meaning;
} ann_abbreviation;

/* What cites one paragraph of an article: work-plan lines or projects. */
typedef struct ann_article_para {
	int article;
	char *paragraph, *lines;    /* "6"; ", "-joined line ids or project codes */
} ann_article_para;

/* What cites each ACTIP article: per article, the ", "-joined ids citing it whole
 * (NULL: none), then those citing one of its paragraphs (14(6)). */
typedef struct ann_cites {
	char *whole[ANN_MAX_ARTICLE + 1];
	ann_article_para *para; size_t npara;
} ann_cites;

/* The citers of "About the ACTIP": the lines of the work plan, the year's projects. */
enum { ANN_CITE_WP, ANN_CITE_PROJECTS, ANN_NCITES };

typedef struct ann_country {
	char code[8];
	const char *name;
	int projects;                  /* projects with a status for the year */
	int64_t events, participants, cd_events, trained;
	int64_t pct_women_participants, pct_women_trained; /* whole %, -1 when none */
	int64_t pct_satisfied, pct_improved;               /* whole %, -1 when none */
} ann_country;

typedef struct annual_report {
	int year;
	report_tables tables;
	ann_project *projects;  size_t nprojects;  /* with a status for the year */
	ann_achievement *ach;   size_t nach;       /* of the year, by country rank and id */
	ann_node *nodes;        size_t nnodes;     /* the results framework */
	ann_partner *partners;  size_t npartners;  /* NGO partners */
	ann_spend *spend;       size_t nspend;
	ann_country countries[16]; int ncountries; /* those with projects or events */
	/* "Of the N multi-year projects in K countries, ..." (national projects) */
	int national, national_countries, status_count[ANN_NSTATUS];
	const check_result *quality;               /* may be NULL */
	ind_table indicators;                      /* indicator performance tracking */
	ann_trend *trends;      size_t ntrends;    /* every year with activities, up to year */
	ann_survey *surveys;    size_t nsurveys;   /* of the year, with a figure, by figure */
	ann_feedback *feedback; size_t nfeedback;  /* regional projects' events, by project */
	char *narrative[ANN_NNARRATIVE];           /* NULL when not written */
	ann_abbreviation *abbrev; size_t nabbrev;  /* in alphabetical order */
	/* the work plan most recently begun by the year; what cites each ACTIP article:
	 * that plan's lines, and the projects with a status for the year */
	char *wp_plan, *wp_plan_title;
	ann_cites cites[ANN_NCITES];
} annual_report;

/* Loads everything for year. quality (may be NULL) is kept by pointer. */
int annual_load(store *st, int year, const check_result *quality, annual_report *out,
		actip_err *err);

/* Loads the year's surveys and the regional projects' feedback into r (surveys.c). */
int annual_load_surveys(store *st, annual_report *r, actip_err *err);
void annual_free_surveys(annual_report *r);

/* A whole percentage of n in of, rounded half away from zero; -1 when of is 0. */
int64_t annual_pct(int64_t n, int64_t of);

/* Frees what annual_load allocated. */
void annual_free(annual_report *r);

/* The project-status sentence of spec/annual-report.md into buf (numbers below ten in
 * words). */
void annual_status_sentence(const annual_report *r, char *buf, size_t size);

/* Achievements serving outcome code (directly). */
bool annual_ach_serves(const ann_achievement *a, const char *code);

/* True when framework node code sits under ancestor, at any depth. */
bool annual_node_under(const annual_report *r, const char *code, const char *ancestor);

/* True when a serves the end-of-programme outcome eopo or an outcome under it (at any
 * depth). */
bool annual_ach_under(const annual_report *r, const ann_achievement *a, const char *eopo);

/* True for an achievement of regional scope: in ASEAN, or of a project that is not
 * national; partners' achievements have their own section. */
bool annual_ach_regional(const annual_report *r, const ann_achievement *a);

/* True for a regional achievement that serves no end-of-programme outcome (listed
 * after them, so that no achievement is left out of the report). */
bool annual_ach_unplaced(const annual_report *r, const ann_achievement *a);

/* Which achievements a list of the report shows. */
typedef enum {
	ANN_REGIONAL_UNDER, /* regional ones serving end-of-programme outcome `code` */
	ANN_UNPLACED,       /* regional ones serving no end-of-programme outcome */
	ANN_COUNTRY,        /* of country `code`, not a partner's */
	ANN_PARTNER,        /* of partner `code` */
} ann_select;

/* True when a belongs to the list sel (with code). */
bool annual_ach_selected(const annual_report *r, const ann_achievement *a, ann_select sel,
			 const char *code);

/* The number of achievements that serve outcome code directly. */
int annual_count_serving(const annual_report *r, const char *code);

/* "O2.1, O2.2 and O2.3" from "O2.1;O2.2;O2.3" into buf. */
void annual_outcome_list(const char *codes, char *buf, size_t size);

/* The name of a partner code, or the code itself. */
const char *annual_partner_name(const annual_report *r, const char *code);

#endif
