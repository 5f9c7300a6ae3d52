/* Helpers shared by the unit tests that need a store: an in-memory database and a
 * one-call CSV loader through the real import path. */
#ifndef ACTIP_TESTS_FIXTURE_H
#define ACTIP_TESTS_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "import/import.h"

/* Opens a fresh in-memory store; fails the test on error. */
static inline void fx_open(store *st)
{
	actip_err err = {{0}};
	assert_int_equal(store_open(st, ":memory:", 0, &err), 0);
}

/* Imports csv as template; returns the number of errors (0 when stored). Prints the
 * diagnostics to stderr so a failing test shows them. */
static inline size_t fx_load(store *st, const char *template_name, const char *csv)
{
	diag_list d;
	actip_err err = {{0}};
	diag_init(&d, 100, 100);
	FILE *f = fmemopen((void *)csv, strlen(csv), "r");
	int rc = import_stream(st, f, template_name, template_name, &d, &err);
	fclose(f);
	if (rc != 0) {
		diag_print(&d, DIAG_ERROR, stderr);
		if (d.errors == 0)
			fprintf(stderr, "%s\n", err.msg);
	}
	size_t n = d.errors + (rc != 0 && d.errors == 0);
	diag_free(&d);
	return n;
}

/* Runs a one-number query. */
static inline long long fx_count(store *st, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static const char FX_FRAMEWORK[] =
	"code,level,parent,title\nO2.1,immediate,EOPO2,Outcome\nEOPO2,eopo,,End of programme\n";
static const char FX_PROJECTS[] =
	"code,title,country,focus,outcomes,start_year,end_year\n"
	"C202,Cooperation,Cambodia,,O2.1,2019,2023\n"
	"R101,Shelters,ASEAN,victim_rights_gesi,,2020,2023\n"
	"A101,Work plan,ASEAN,,,2019,2023\n";
static const char FX_ACTIVITIES[] =
	"activity_id,project,country,type,title,start_date\n"
	"K1,C202,KH,capacity_development,Training one,2021-03-01\n"
	"K2,C202,KH,capacity_development,Training two,2021-06-01\n"
	"K3,C202,KH,meeting,Meeting,2021-02-01\n"
	"K0,C202,KH,capacity_development,Last year,2020-11-01\n"
	"R1,R101,ASEAN,capacity_development,Regional GESI,2021-05-01\n"
	"A1,A101,ASEAN,capacity_development,Regional,2021-05-02\n"
	"S1,,ASEAN,staff_event,Retreat,2021-07-01\n";

#endif
