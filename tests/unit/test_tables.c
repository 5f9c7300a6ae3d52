/* Unit tests of report/tables.c on hand-worked data: the person rules (person_id,
 * e-mail, name key; the earliest counted attendance decides sex and country), staff
 * excluded, row order, rounding, the Percentage row, table 5's groups and "no
 * denominator", and the display of cells, with and without a suppression mask. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/report.h"
#include "store/stats.h"
#include "tests/unit/fixture.h"

static const char PARTICIPANTS[] =
	"activity_id,person_id,email,full_name,sex,country,staff\n"
	"K1,P-1,,,female,KH,\n"
	"K2,P-1,,,female,KH,\n"
	"K3,P-1,,,female,KH,\n"
	"K0,P-1,,,female,KH,\n"          /* 2020: not counted in 2021 */
	"A1,,ann@x.org,,male,VN,\n"       /* earliest: decides male VN */
	"K2,,ANN@x.org,,female,KH,\n"     /* conflicting later row */
	"K1,,,Sok Dara,male,KH,\n"
	"K2,,,\"  SOK   dara \",male,KH,\n"
	"K1,,,Sok Dara,female,KH,\n"      /* another sex: another person */
	"K1,,,,other,LA,\n"               /* no identifier: a person of its own */
	"K1,,,,other,LA,\n"
	"K1,,,Staff Member,male,KH,yes\n"
	"S1,,,Staff Member,male,KH,yes\n";

static const char FEEDBACK[] =
	"activity_id,sex,satisfied,met_objectives,met_expectations,improved_learning\n"
	"K1,female,yes,yes,yes,yes\n"
	"K1,male,no,yes,,yes\n"
	"K1,,yes,no,no,\n"
	"R1,other,yes,,,\n"
	"A1,female,yes,yes,yes,yes\n"
	"A1,female,no,no,no,no\n";

static store st;

/* Loads the fixture once. */
static int setup(void **state)
{
	(void)state;
	fx_open(&st);
	assert_int_equal(fx_load(&st, "framework", FX_FRAMEWORK), 0);
	assert_int_equal(fx_load(&st, "projects", FX_PROJECTS), 0);
	assert_int_equal(fx_load(&st, "activities", FX_ACTIVITIES), 0);
	assert_int_equal(fx_load(&st, "participants", PARTICIPANTS), 0);
	assert_int_equal(fx_load(&st, "feedback", FEEDBACK), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(&st);
	return 0;
}

/* The row of key, failing the test when absent. */
static const rt_row *row(const rt_table *t, const char *key)
{
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return &t->rows[i];
	fail_msg("no row %s in %s", key, t->id);
	return NULL;
}

/* Asserts a row's cells. */
static void cells(const rt_table *t, const char *key, const int64_t *want, int n)
{
	const rt_row *r = row(t, key);
	for (int c = 0; c < n; c++) {
		if (want[c] < 0)
			assert_true(r->null[c]);
		else {
			assert_false(r->null[c]);
			assert_int_equal(r->v[c], want[c]);
		}
	}
}

static report_tables rt;

static void activities(void **state)
{
	(void)state;
	actip_err err;
	assert_int_equal(report_tables_compute(&st, 2021, &rt, &err), 0);
	const rt_table *t1 = &rt.t[0];
	assert_int_equal(t1->nrows, 3);
	cells(t1, "KH", (int64_t[]){2, 1, 0, 0, 3}, 5);
	cells(t1, "ASEAN", (int64_t[]){2, 0, 0, 1, 3}, 5);
	cells(t1, "TOTAL", (int64_t[]){4, 1, 0, 1, 6}, 5);
	assert_string_equal(t1->rows[0].key, "KH");
	assert_string_equal(t1->rows[2].key, "TOTAL");
	const rt_table *t2 = &rt.t[1];
	assert_string_equal(t2->cols[0].key, "2021");
	assert_string_equal(t2->cols[2].key, "2019");
	cells(t2, "KH", (int64_t[]){2, 1, 0}, 3);
	cells(t2, "TOTAL", (int64_t[]){4, 1, 0}, 3);
}

static void participants(void **state)
{
	(void)state;
	const rt_table *t3 = &rt.t[2];
	cells(t3, "KH", (int64_t[]){4, 2, 0, 6, 67}, 5);
	cells(t3, "VN", (int64_t[]){0, 2, 0, 2, 0}, 5); /* Ann's two attendances, as male VN */
	cells(t3, "LA", (int64_t[]){0, 0, 2, 2, 0}, 5);
	cells(t3, "TOTAL", (int64_t[]){4, 4, 2, 10, 40}, 5);
	assert_int_equal(t3->pct_row[0], 4000);
	assert_int_equal(t3->pct_row[2], 2000);
	/* rows in report order: Cambodia, Lao PDR, Vietnam, Total */
	assert_string_equal(t3->rows[0].key, "KH");
	assert_string_equal(t3->rows[1].key, "LA");
	assert_string_equal(t3->rows[2].key, "VN");
}

static void trained(void **state)
{
	(void)state;
	const rt_table *t4 = &rt.t[3];
	cells(t4, "KH", (int64_t[]){2, 1, 0, 3, 67}, 5);
	cells(t4, "VN", (int64_t[]){0, 1, 0, 1, 0}, 5);
	cells(t4, "LA", (int64_t[]){0, 0, 2, 2, 0}, 5);
	cells(t4, "TOTAL", (int64_t[]){2, 2, 2, 6, 33}, 5);
	assert_int_equal(t4->pct_row[0], 3333);
	assert_int_equal(t4->pct_row[1], 3333);
}

static void feedback(void **state)
{
	(void)state;
	const rt_table *t5 = &rt.t[4];
	cells(t5, "KH", (int64_t[]){3, 1, 1, 0, 67, 67, 50, 100}, 8);
	cells(t5, "victim_rights_gesi", (int64_t[]){1, 0, 0, 1, 100, -1, -1, -1}, 8);
	cells(t5, "ASEAN", (int64_t[]){2, 2, 0, 0, 50, 50, 50, 50}, 8);
	cells(t5, "TOTAL", (int64_t[]){6, 3, 1, 1, 67, 60, 50, 75}, 8);
	assert_string_equal(t5->rows[1].key, "ASEAN");
	assert_string_equal(t5->rows[2].key, "victim_rights_gesi");
}

static void display(void **state)
{
	(void)state;
	char b[128];
	const rt_table *t5 = &rt.t[4];
	report_respondents_text(row(t5, "KH"), b, sizeof b);
	assert_string_equal(b, "3 (1 female, 1 male)");
	report_respondents_text(row(t5, "TOTAL"), b, sizeof b);
	assert_string_equal(b, "6 (3 female, 1 male, 1 other)");
	report_cell_text(t5, row(t5, "victim_rights_gesi"), 5, b, sizeof b);
	assert_string_equal(b, "\xE2\x80\x93");
	report_cell_text(t5, row(t5, "KH"), 4, b, sizeof b);
	assert_string_equal(b, "67");
	const rt_table *t3 = &rt.t[2];
	report_cell_text(t3, row(t3, "VN"), 0, b, sizeof b);
	assert_string_equal(b, "\xE2\x80\x93"); /* zero */
	report_cell_text(t3, row(t3, "KH"), 4, b, sizeof b);
	assert_string_equal(b, "67%");
	report_pct_row_text(t3, 0, b, sizeof b);
	assert_string_equal(b, "40.00%");
	report_pct_row_text(t3, 3, b, sizeof b);
	assert_string_equal(b, "100%");
}

/* Display under a suppression mask (--suppress-below): a withheld cell reads "<K"
 * even when it is zero (an en dash would tell), table 5's respondents text keeps a
 * withheld zero part instead of leaving it out, the Percentage row's shares are
 * withheld but not its 100%, and the cells are flagged hidden. */
static void display_masked(void **state)
{
	(void)state;
	static bool cell[RT_MAX_ROWS][RT_MAX_COLS];
	report_mask m = {.k = 3, .cell = (const bool(*)[RT_MAX_COLS])cell};
	disp_row d;

	const rt_table *t1 = &rt.t[0]; /* KH: 2, 1, 0, 0, 3 */
	memset(cell, 0, sizeof cell);
	cell[0][1] = cell[0][2] = true;
	assert_true(report_disp_row(t1, &m, 0, &d));
	assert_int_equal(d.ncells, 5);
	assert_string_equal(d.cells[0], "2");
	assert_string_equal(d.cells[1], "<3");
	assert_string_equal(d.cells[2], "<3"); /* a zero, withheld */
	assert_string_equal(d.cells[3], "\xE2\x80\x93");
	assert_true(d.hidden[1] && d.hidden[2] && !d.hidden[0] && !d.hidden[3]);
	assert_true(report_disp_row(t1, NULL, 0, &d));
	assert_string_equal(d.cells[1], "1");
	assert_false(d.hidden[1]);

	const rt_table *t5 = &rt.t[4]; /* KH: 3 (1 female, 1 male, 0 other), 67 ... */
	memset(cell, 0, sizeof cell);
	cell[0][0] = cell[0][1] = cell[0][3] = cell[0][4] = true;
	assert_true(report_disp_row(t5, &m, 0, &d));
	assert_int_equal(d.ncells, 5);
	assert_string_equal(d.cells[0], "<3 (<3 female, 1 male, <3 other)");
	assert_true(d.hidden[0]);
	assert_string_equal(d.cells[1], "<3");
	assert_string_equal(d.cells[2], "67");
	memset(cell, 0, sizeof cell);
	assert_true(report_disp_row(t5, &m, 0, &d));
	assert_string_equal(d.cells[0], "3 (1 female, 1 male)");

	const rt_table *t3 = &rt.t[2];
	m.pct_row = true;
	assert_true(report_disp_row(t3, &m, t3->nrows, &d));
	assert_int_equal(d.kind, DISP_PERCENTAGE);
	assert_string_equal(d.cells[0], "<3");
	assert_string_equal(d.cells[2], "<3");
	assert_string_equal(d.cells[3], "100%");
	assert_true(d.hidden[0] && d.hidden[1] && d.hidden[2] && !d.hidden[3]);
	assert_false(report_disp_row(t3, &m, t3->nrows + 1, &d));

	char b[256];
	report_suppression_sentence(5, b, sizeof b);
	assert_non_null(strstr(b, "Counts from 1 to 4, "));
	assert_non_null(strstr(b, "\"<5\""));
	report_suppression_sentence(2, b, sizeof b);
	assert_non_null(strstr(b, "Counts of 1, "));
}

/* The stored statistics and the live computation from raw records agree; an edit made
 * behind actip's back (here: a deleted row) flags the year, and the report then
 * computes from the raw records instead of showing stale numbers. */
static void stored_and_live_agree(void **state)
{
	(void)state;
	actip_err err;
	report_tables live;
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM stats_dirty"), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM stats_people WHERE year = 2021"), 8);
	assert_int_equal(sqlite3_exec(st.db, "INSERT INTO stats_dirty VALUES (2021);"
					     " INSERT INTO feedback_dirty VALUES ('K1')", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(report_tables_compute(&st, 2021, &live, &err), 0);
	for (int t = 2; t <= 5; t++) { /* Tables 3, 4 and 5, and the relevance table */
		const rt_table *a = t < 5 ? &live.t[t] : &live.feedback, *b = t < 5 ? &rt.t[t] : &rt.feedback;
		assert_int_equal(a->nrows, b->nrows);
		for (int i = 0; i < a->nrows; i++) {
			assert_memory_equal(a->rows[i].v, b->rows[i].v, sizeof a->rows[i].v);
			assert_memory_equal(a->rows[i].null, b->rows[i].null, sizeof a->rows[i].null);
		}
	}
	assert_int_equal(sqlite3_exec(st.db, "DELETE FROM feedback_dirty; DELETE FROM stats_dirty; DELETE FROM attendance"
					     " WHERE activity = 'K3'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM stats_dirty WHERE year = 2021"), 1);
	assert_int_equal(report_tables_compute(&st, 2021, &live, &err), 0);
	cells(&live.t[2], "KH", (int64_t[]){3, 2, 0, 5, 60}, 5); /* P-1's K3 attendance gone */
	actip_err e2;
	assert_int_equal(store_stats_refresh(&st, &e2), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM stats_dirty"), 0);
}

/* A year without records gives empty tables and no Percentage numbers. */
static void empty_year(void **state)
{
	(void)state;
	report_tables e;
	actip_err err;
	assert_int_equal(report_tables_compute(&st, 2030, &e, &err), 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(e.t[i].nrows, 0);
	assert_true(e.t[2].pct_row_null);
	char b[16];
	report_pct_row_text(&e.t[2], 0, b, sizeof b);
	assert_string_equal(b, "\xE2\x80\x93");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(activities), cmocka_unit_test(participants),
		cmocka_unit_test(trained), cmocka_unit_test(feedback),
		cmocka_unit_test(display), cmocka_unit_test(display_masked),
		cmocka_unit_test(stored_and_live_agree),
		cmocka_unit_test(empty_year),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
