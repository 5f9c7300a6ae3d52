/* Indicators: definitions with a baseline and targets per period, and their actuals,
 * either entered or computed from the stored records by a named measure with filters.
 *
 * Arithmetic rules, the ones programme-tracking tools often get wrong:
 * - An amount is a numerator with, for percentages, its denominator. A year made of two
 *   half-years, a cumulative total, or a percentage over several countries is the sum of
 *   numerators over the sum of denominators; percentages are never averaged.
 * - A cumulative indicator's actual for a period is the sum of its per-year actuals from
 *   its first year up to the period's end (for 2021-H1 the years before and 2021-H1,
 *   for 2021-H2 or 2021 the years before and all of 2021); a per-period indicator's
 *   actual is the period's own.
 * - A year's target is the year's own row; else, for a per-period number, H1 + H2 when
 *   both are set; else, for a cumulative or percentage indicator, H2 (the level to reach
 *   by the end of the year). Half-year targets of a percentage are never added.
 * - % of target achieved: ascending, actual ÷ target; descending, with a baseline,
 *   (baseline − actual) ÷ (baseline − target), without one target ÷ actual. Whole
 *   percent, rounded half away from zero; none when a value is missing or a
 *   denominator is zero. */
#ifndef ACTIP_INDICATORS_INDICATORS_H
#define ACTIP_INDICATORS_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

enum { IND_NSEX = 3, IND_NCOUNTRY = 16, IND_MICRO = 1000000 };

/* A period: a year (half 0) or one of its halves (1, 2). */
typedef struct ind_period {
	int year;
	int half;
} ind_period;

/* Parses "2021", "2021-H1" or "2021-H2"; returns 0 or -1. */
int ind_period_parse(const char *s, ind_period *out);

/* "2021" or "2021-H1" into buf. */
void ind_period_format(ind_period p, char *buf, size_t size);

/* The first and last day of a period as YYYY-MM-DD. */
void ind_period_dates(ind_period p, char start[11], char end[11]);

/* An amount: for numbers, num is the value in millionths; for percentages, num and den
 * are counts and the value is 100 × num ÷ den. */
typedef struct ind_amount {
	bool set;
	int64_t num, den;
} ind_amount;

/* Adds b to a (a set amount plus an unset one stays set). */
void ind_amount_add(ind_amount *a, const ind_amount *b);

/* An actual with its disaggregations (sex: female, male, other; country: by index in
 * country_table; disability: of the total, those who reported a disability, counted as
 * Table 7 counts them: attendances for participants, persons for people trained). */
typedef struct ind_values {
	ind_amount total;
	ind_amount sex[IND_NSEX];
	ind_amount country[IND_NCOUNTRY];
	ind_amount disability;
} ind_values;

/* Adds every amount of b to a's. */
void ind_values_add(ind_values *a, const ind_values *b);

/* One named measure: how an actual is computed from the records. */
typedef struct ind_measure {
	const char *name;
	const char *help;
	bool percentage;  /* gives a numerator and a denominator */
	bool has_sex;     /* can be disaggregated by sex */
	bool has_disability; /* can be disaggregated by disability */
	const char *fixed_type; /* activity type it always counts, or NULL */
} ind_measure;

extern const ind_measure ind_measures[];
extern const int ind_measure_count;

/* By name; NULL when unknown. */
const ind_measure *ind_measure_find(const char *name);

/* An indicator's definition. Strings are owned by the definition. */
typedef struct ind_def {
	char *code, *title, *outcome, *description;
	char *measure;    /* NULL: entered */
	char *f_type, *f_country, *f_project, *f_outcome;
	bool percentage, ascending, cumulative, by_sex, by_country, by_disability;
	bool has_baseline;
	int baseline_year;       /* 0 when not given */
	int64_t baseline_micro;
	int first_year;          /* where a cumulative sum starts */
} ind_def;

/* Filters a computation adds to the definition's own (the IATI export narrows to one
 * project). */
typedef struct ind_scope {
	const char *project; /* NULL: the whole programme */
} ind_scope;

/* Computes a measure's values for a period (no cumulation). */
int ind_measure_compute(store *st, const ind_def *d, ind_period p, const ind_scope *sc,
			ind_values *out, actip_err *err);

/* The actual of d for period p, cumulated when d is cumulative. */
int ind_actual(store *st, const ind_def *d, ind_period p, const ind_scope *sc,
	       ind_values *out, actip_err *err);

/* The target of d for period p (see the rules above); *set false when none. */
int ind_target(store *st, const ind_def *d, ind_period p, bool *set, int64_t *micro,
	       actip_err *err);

/* The value of an amount in millionths (percentages: percent × 10^6, rounded half away
 * from zero); false when unset or a percentage without denominator. */
bool ind_amount_micro(const ind_def *d, const ind_amount *a, int64_t *micro);

/* % of target achieved (whole percent); false when it cannot be computed. */
bool ind_pct_achieved(const ind_def *d, const ind_amount *actual, bool has_target,
		      int64_t target_micro, int64_t *pct);

/* Formats an amount for people: "1,234", "12.5", or "55% (30 of 55)" when with_parts;
 * "–" when unset. */
void ind_amount_text(const ind_def *d, const ind_amount *a, bool with_parts, char *buf,
		     size_t size);

/* Formats a millionths value of d's unit: "1,234", "12.5", "75%". */
void ind_micro_text(const ind_def *d, int64_t micro, char *buf, size_t size);

/* One row of the tracking table. */
typedef struct ind_row {
	const ind_def *def;
	bool has_target;
	int64_t target_micro;
	ind_values actual;
	bool has_pct;
	int64_t pct;        /* % of target achieved */
} ind_row;

/* The tracking table for one period. */
typedef struct ind_table {
	ind_period period;
	ind_def *defs;
	ind_row *rows;
	size_t n;
} ind_table;

/* Loads every definition (by code). */
int ind_defs_load(store *st, ind_def **defs, size_t *n, actip_err *err);

/* Frees definitions. */
void ind_defs_free(ind_def *defs, size_t n);

/* Computes the tracking table for period p. */
int ind_table_compute(store *st, ind_period p, ind_table *out, actip_err *err);

/* Frees a table. */
void ind_table_free(ind_table *t);

/* The disaggregation labels and keys. */
extern const char *const ind_sex_keys[IND_NSEX];
extern const char *const ind_sex_labels[IND_NSEX];

#endif
