/* Data-quality rules, in the manner of DHIS2's validation rules: a table of rules,
 * each with an id, a severity, a one-line description and a check. `actip check` runs
 * them and exits non-zero when an error-severity rule fails; the annual report lists
 * every finding in its data-quality annex, so mistakes are seen before they are
 * printed. Findings never name a participant: people are identified by the activity
 * and row where they were recorded. */
#ifndef ACTIP_CHECK_CHECK_H
#define ACTIP_CHECK_CHECK_H

#include <stddef.h>

#include "core/err.h"
#include "store/store.h"

typedef enum { CHECK_ERROR, CHECK_WARNING } check_severity;

typedef struct checker checker;

typedef struct check_rule {
	const char *id;
	check_severity severity;
	const char *description;        /* what must hold */
	/* The same for the report's readers, in a plain sentence without codes or settings;
	 * NULL for a check of the database file itself rather than of the records. */
	const char *plain;
	int (*run)(checker *c);          /* adds findings; 0 or -1 (database error) */
} check_rule;

typedef struct check_finding {
	const check_rule *rule;
	char subject[64];    /* the record: an achievement id, a project code, an activity */
	char *message;
} check_finding;

typedef struct check_result {
	int year;
	check_finding *items;
	size_t n, cap;
	int errors, warnings;
	int fired[32];       /* findings per rule, indexed as rules */
	const struct check_rule *rules; /* the rule table that was run (check_rules) */
	int nrules;
} check_result;

extern const check_rule check_rules[];
extern const int check_rule_count;

/* Runs every rule for year (integrity and foreign-key checks first). */
int check_run(store *st, int year, check_result *out, actip_err *err);

/* Frees the findings. */
void check_result_free(check_result *r);

/* "error" or "warning". */
const char *check_severity_name(check_severity s);

#endif
