/* Unit tests of the work-plan monitoring definitions (spec/workplan-monitoring.md) on
 * hand-worked plans: a carried-forward state, a line completed earlier and no longer
 * expected, reports on day 30 (on time) and day 31 (late), a cooperating body's report
 * that does not set the state, a cancelled line, no denominator (null), the review's
 * never-reported and delayed lines, the near-duplicate finder, and import errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "tests/unit/fixture.h"
#include "workplan/wp_compute.h"
#include "workplan/wp_doc.h"
#include "workplan/wp_similar.h"

static const char BODIES[] =
	"code,name,kind\nSOMTC,Senior Officials Meeting on Transnational Crime,sectoral_body\n"
	"ACWC,ASEAN Commission on Women and Children,organ\nSLOM,Senior Labour Officials Meeting,sectoral_body\n";
static const char PLANS[] = "plan,title,start_year,end_year,overseen_by\nT,Test plan,2017,2020,SOMTC\n";
/* L1 prevention, SOMTC (ACWC cooperates), 2017-2020
 * L2 protection, ACWC, 2017-2019: completed in 2018-H1
 * L3 protection, SOMTC, plan years: never reported
 * L4 law_enforcement, SLOM, 2019-2020: not active in 2018
 * L5 cooperation, SOMTC, 2018-2018: cancelled in 2018-H1 */
static const char LINES[] =
	"item_id,plan,pillar,activity,lead_body,cooperating_bodies,start_year,end_year,indicator,target\n"
	"L1,T,prevention,Regional awareness campaign,SOMTC,ACWC,2017,2020,Campaigns held,3\n"
	"L2,T,protection,Shelter standards,ACWC,,2017,2019,Standards adopted,\n"
	"L3,T,protection,Victim identification guidelines,SOMTC,,,,,\n"
	"L4,T,law_enforcement,Training of prosecutors,SLOM,,2019,2020,,\n"
	"L5,T,cooperation,Extradition workshop,SOMTC,,2018,2018,,\n";
static const char STATUS[] =
	"item_id,period,body,status,note,reported_on\n"
	"L1,2018-H1,SOMTC,ongoing,first,2018-07-30\n"    /* day 30: on time */
	"L1,2018-H2,ACWC,completed,coop,2019-01-05\n"    /* cooperating: no effect */
	"L2,2018-H1,ACWC,completed,done,2018-07-31\n"    /* day 31: late */
	"L5,2018-H1,SOMTC,cancelled,merged,\n"           /* no date: not on time */
	"L1,2019-H1,SOMTC,delayed,,2019-07-01\n"
	"L1,2019-H2,SOMTC,delayed,,2020-01-02\n";

static store st;
static wp_plan *plan;

/* Loads the plan once. */
static int setup(void **state)
{
	(void)state;
	fx_open(&st);
	assert_int_equal(fx_load(&st, "bodies", BODIES), 0);
	assert_int_equal(fx_load(&st, "plans", PLANS), 0);
	assert_int_equal(fx_load(&st, "workplan", LINES), 0);
	assert_int_equal(fx_load(&st, "workplan_status", STATUS), 0);
	actip_err err = {{0}};
	assert_int_equal(wp_plan_load(&st, "T", &plan, &err), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	wp_plan_free(plan);
	store_close(&st);
	return 0;
}

/* A line by id. */
static const wp_line *line(const char *id)
{
	for (int i = 0; i < plan->nlines; i++)
		if (strcmp(plan->lines[i].id, id) == 0)
			return &plan->lines[i];
	fail_msg("no line %s", id);
	return NULL;
}

/* Tenths of a percent, or -1 for null. */
static long tenths(wp_rate r)
{
	return r.null ? -1 : (long)r.tenths;
}

/* 2018-H1 worked by hand: active L1 L2 L3 L5 (L4 starts 2019) = 4; all expected (no
 * earlier state); received L1 L2 L5 = 3; on time L1 (day 30) only = 1; states: L1 ongoing,
 * L2 completed, L3 not_reported, L5 cancelled; implementation = (1 + 1) / (4 - 1). */
static void test_period_2018_h1(void **state)
{
	(void)state;
	int p = wp_period_parse("2018-H1");
	wp_period_stats s;
	assert_int_equal(wp_compute_period(plan, p, WP_ON_TIME_DAYS, &s), 0);
	assert_int_equal(s.all.active, 4);
	assert_int_equal(s.all.expected, 4);
	assert_int_equal(s.all.received, 3);
	assert_int_equal(s.all.on_time, 1);
	wp_rates r = wp_compute_rates(&s.all);
	assert_int_equal(tenths(r.completeness), 750);
	assert_int_equal(tenths(r.timeliness), 250);
	assert_int_equal(tenths(r.implementation), 667);
	assert_int_equal(tenths(r.completion), 333);
	assert_int_equal(s.pillar[WP_PROTECTION].state[WS_COMPLETED], 1);
	assert_int_equal(s.pillar[WP_PROTECTION].state[WS_NOT_REPORTED], 1);
	assert_int_equal(s.pillar[WP_LAW_ENFORCEMENT].active, 0);
	/* by body: ACWC leads L2 (late), SOMTC leads L1 L3 L5 */
	assert_int_equal(s.nbodies, 2);
	assert_string_equal(s.bodies[0].body, "ACWC");
	assert_int_equal(s.bodies[0].c.received, 1);
	assert_int_equal(s.bodies[0].c.on_time, 0);
	assert_string_equal(s.bodies[1].body, "SOMTC");
	assert_int_equal(s.bodies[1].c.expected, 3);
	assert_int_equal(s.bodies[1].c.on_time, 1);
	wp_period_stats_free(&s);
}

/* Day 30 is on time and day 31 late; a longer setting makes both on time. */
static void test_on_time_setting(void **state)
{
	(void)state;
	wp_period_stats s;
	assert_int_equal(wp_compute_period(plan, wp_period_parse("2018-H1"), 31, &s), 0);
	assert_int_equal(s.all.on_time, 2);
	wp_period_stats_free(&s);
	assert_int_equal(wp_compute_period(plan, wp_period_parse("2018-H1"), 29, &s), 0);
	assert_int_equal(s.all.on_time, 0);
	wp_period_stats_free(&s);
}

/* 2018-H2: L1's state carries forward (ongoing; ACWC's "completed" does not count) and L1
 * is expected but not received; L2 (completed earlier) and L5 (cancelled) are active but
 * not expected; expected = L1 L3 = 2, received 0. */
static void test_carried_forward(void **state)
{
	(void)state;
	int p = wp_period_parse("2018-H2");
	assert_int_equal(wp_line_state(line("L1"), p), WS_ONGOING);
	assert_true(wp_line_expected(line("L1"), p));
	assert_null(wp_line_lead_report(line("L1"), p));
	assert_int_equal(wp_line_state(line("L2"), p), WS_COMPLETED);
	assert_true(wp_line_active(line("L2"), p));
	assert_false(wp_line_expected(line("L2"), p));
	assert_false(wp_line_expected(line("L5"), p));
	wp_period_stats s;
	assert_int_equal(wp_compute_period(plan, p, WP_ON_TIME_DAYS, &s), 0);
	assert_int_equal(s.all.active, 4);
	assert_int_equal(s.all.expected, 2);
	assert_int_equal(s.all.received, 0);
	wp_rates r = wp_compute_rates(&s.all);
	assert_int_equal(tenths(r.completeness), 0);
	assert_int_equal(tenths(r.implementation), 667); /* L1 ongoing + L2 completed of 3 */
	wp_period_stats_free(&s);
}

/* No denominator: a period before the plan has no active line, so every rate is null. */
static void test_no_denominator(void **state)
{
	(void)state;
	wp_period_stats s;
	assert_int_equal(wp_compute_period(plan, wp_period_parse("2016-H2"), WP_ON_TIME_DAYS, &s), 0);
	assert_int_equal(s.all.active, 0);
	wp_rates r = wp_compute_rates(&s.all);
	assert_true(r.completeness.null);
	assert_true(r.timeliness.null);
	assert_true(r.implementation.null);
	assert_true(r.completion.null);
	wp_period_stats_free(&s);
	/* JSON shows null, the document a dash */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	actip_err err = {{0}};
	assert_int_equal(wp_write_report_json(f, plan, wp_period_parse("2016-H2"), 30, &err), 0);
	fclose(f);
	assert_non_null(strstr(buf, "\"completeness_pct\": null"));
	assert_non_null(strstr(buf, "\"by_body\": {}"));
	free(buf);
	wp_doc d = {0};
	assert_string_equal(wd_rate(&d, r.completeness), WP_EN_DASH);
	wp_arena_free(d.arena);
}

/* The review: L3 never reported; L1 delayed at 2019-H1 and 2019-H2 (and carried to
 * 2020-H1, 2020-H2 at the final review); L4 never reported too. */
static void test_review(void **state)
{
	(void)state;
	int asof = wp_review_period(plan, true);
	char b[16];
	wp_period_format(asof, b, sizeof b);
	assert_string_equal(b, "2020-H2");
	wp_period_format(wp_review_period(plan, false), b, sizeof b);
	assert_string_equal(b, "2018-H2");
	wp_line_history h;
	wp_line_history_compute(plan, line("L1"), asof, &h);
	assert_true(h.ever_reported);
	assert_int_equal(h.delayed_periods, 4);
	wp_line_history_compute(plan, line("L1"), wp_period_parse("2019-H1"), &h);
	assert_int_equal(h.delayed_periods, 1);
	wp_line_history_compute(plan, line("L3"), asof, &h);
	assert_false(h.ever_reported);
}

/* SMART gaps: L1 complete; L2 no target; L3 no indicator, target or years. */
static void test_smart(void **state)
{
	(void)state;
	assert_int_equal(wp_line_smart_gaps(line("L1")), 0);
	assert_int_equal(wp_line_smart_gaps(line("L2")), WP_GAP_TARGET);
	assert_int_equal(wp_line_smart_gaps(line("L3")),
			 WP_GAP_INDICATOR | WP_GAP_TARGET | WP_GAP_TIMELINE);
	char names[80];
	wp_smart_gap_names(WP_GAP_INDICATOR | WP_GAP_TIMELINE, names, sizeof names);
	assert_string_equal(names, "indicator, timeline");
}

/* Pairs that must match (word order, case, punctuation, spelling, a few words) and must
 * not (clearly different actions), scored among a realistic set of lines. */
static void test_duplicates(void **state)
{
	(void)state;
	static const char *const t[] = {
		/* 0 */ "Develop regional guidelines on victim identification for frontline officers",
		/* 1 */ "Develop regional guidelines for frontline officers on the identification of victims",
		/* 2 */ "Conduct regional awareness-raising campaigns on trafficking in persons",
		/* 3 */ "CONDUCT REGIONAL AWARENESS RAISING CAMPAIGN ON TRAFFICKING IN PERSONS!",
		/* 4 */ "Training of frontline officers on the victim-centred approach",
		/* 5 */ "Training of front-line officials on the victim-centered approach",
		/* 6 */ "Minimum standards for shelters and care of victims of trafficking",
		/* 7 */ "Strengthen mutual legal assistance in criminal matters",
		/* 8 */ "Regional training for prosecutors and judges on trafficking cases",
		/* 9 */ "Financial investigation and asset recovery in trafficking cases",
		/* 10 */ "Safe return and reintegration of victims of trafficking",
	};
	int n = (int)(sizeof t / sizeof t[0]);
	wp_pair *p = NULL;
	int np = 0;
	assert_int_equal(wp_similar_pairs(t, n, WP_SIMILAR_THRESHOLD, &p, &np), 0);
	assert_int_equal(np, 3);
	bool seen[3] = {false, false, false};
	for (int i = 0; i < np; i++) {
		if (p[i].a == 0 && p[i].b == 1)
			seen[0] = true;
		if (p[i].a == 2 && p[i].b == 3)
			seen[1] = true;
		if (p[i].a == 4 && p[i].b == 5)
			seen[2] = true;
	}
	assert_true(seen[0] && seen[1] && seen[2]);
	free(p);
	assert_true(wp_similar_score(t, n, 0, 1) > 0.99); /* same words, another order */
	assert_true(wp_similar_score(t, n, 6, 10) < WP_SIMILAR_THRESHOLD);
	assert_true(wp_similar_score(t, n, 8, 9) < WP_SIMILAR_THRESHOLD);
	/* two texts only: the smoothed idf still scores the pair */
	static const char *const two[] = {"Shelter standards", "standards, shelter"};
	assert_true(wp_similar_score(two, 2, 0, 1) > 0.99);
	/* empty and invalid UTF-8 texts share nothing and do not crash */
	static const char *const odd[] = {"", "\xff\xfe broken", "Shelter standards"};
	assert_true(wp_similar_score(odd, 3, 0, 2) == 0);
	assert_true(wp_similar_score(odd, 3, 1, 2) == 0);
}

/* Import errors: unknown plan, body, line; a bad period; an article out of range. */
static void test_import_errors(void **state)
{
	(void)state;
	assert_int_equal(fx_load(&st, "workplan",
				 "item_id,plan,pillar,activity,lead_body,cooperating_bodies,actip_articles\n"
				 "X1,NOPE,prevention,A,SOMTC,,\n"
				 "X2,T,prevention,B,NOBODY,ACWC;NOBODY2,\n"
				 "X3,T,prevention,C,SOMTC,,14;99\n"
				 "X4,T,pillar9,D,SOMTC,,\n"),
			 5);
	assert_int_equal(fx_load(&st, "workplan_status",
				 "item_id,period,body,status\nL1,2018-H3,SOMTC,ongoing\n"
				 "ZZ,2018-H1,SOMTC,ongoing\nL1,2018-H1,SOMTC,finished\n"),
			 3);
	/* nothing of the failed runs was stored */
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM wp_item"), 5);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM wp_status"), 6);
	/* the same files again change nothing */
	assert_int_equal(fx_load(&st, "workplan_status", STATUS), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM wp_status"), 6);
}

/* An unknown plan is an input error naming the stored plans. */
static void test_unknown_plan(void **state)
{
	(void)state;
	wp_plan *p = NULL;
	actip_err err = {{0}};
	assert_int_equal(wp_plan_load(&st, "NOPE", &p, &err), ACTIP_EINPUT);
	assert_null(p);
	assert_non_null(strstr(err.msg, "stored: T"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_2018_h1), cmocka_unit_test(test_on_time_setting),
		cmocka_unit_test(test_carried_forward), cmocka_unit_test(test_no_denominator),
		cmocka_unit_test(test_review),         cmocka_unit_test(test_smart),
		cmocka_unit_test(test_duplicates),     cmocka_unit_test(test_import_errors),
		cmocka_unit_test(test_unknown_plan),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
