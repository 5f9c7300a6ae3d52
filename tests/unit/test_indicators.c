/* Unit tests of the indicators on hand-worked data: per-period against cumulative
 * roll-ups, percentages recomputed from numerators and denominators (never averaged),
 * half-year targets and actuals folded into a year, % of target for ascending and
 * descending indicators, missing targets and actuals, the people measures' person rule,
 * and indicator CSV errors that store nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "indicators/indicators.h"
#include "tests/unit/fixture.h"

/* 2021 non-staff attendances: P-1 three (female KH), ann two (earliest A1: male VN),
 * Sok Dara male two (KH), Sok Dara female one (KH), two anonymous others (LA): ten,
 * 4 female, 4 male, 2 other. 2020: P-1 once. */
static const char PARTICIPANTS[] =
	"activity_id,person_id,email,full_name,sex,country,staff\n"
	"K1,P-1,,,female,KH,\n"
	"K2,P-1,,,female,KH,\n"
	"K3,P-1,,,female,KH,\n"
	"K0,P-1,,,female,KH,\n"
	"A1,,ann@x.org,,male,VN,\n"
	"K2,,ANN@x.org,,female,KH,\n"
	"K1,,,Sok Dara,male,KH,\n"
	"K2,,,Sok Dara,male,KH,\n"
	"K1,,,Sok Dara,female,KH,\n"
	"K1,,,,other,LA,\n"
	"K1,,,,other,LA,\n"
	"K1,,,Staff Member,male,KH,yes\n";

/* satisfied at capacity development events: K1 2 of 3, R1 1 of 1, A1 1 of 2. */
static const char FEEDBACK[] =
	"activity_id,sex,satisfied\n"
	"K1,female,yes\nK1,male,no\nK1,,yes\nR1,other,yes\nA1,female,yes\nA1,female,no\n";

static const char INDICATORS[] =
	"code,title,outcome,unit,ascending,cumulative,disaggregations,measure,filter_country,"
	"baseline_year,baseline\n"
	"CD-PER,Events per year,O2.1,number,yes,no,,cd_events,,,\n"
	"CD-CUM,Events so far,O2.1,number,yes,yes,,cd_events,,2019,0\n"
	"PART,Participants,O2.1,number,yes,no,sex;country,participants,,,\n"
	"PART-CUM,Participants so far,,number,yes,yes,,participants,,2019,0\n"
	"PART-KH,Participants from Cambodia,,number,yes,no,,participants,KH,,\n"
	"TRAINED,People trained,,number,yes,no,sex,people_trained,,,\n"
	"WOMEN-P,% women participants,,percentage,yes,no,,pct_women_participants,,,\n"
	"WOMEN-T,% women trained,,percentage,yes,no,country,pct_women_trained,,,\n"
	"SAT,% satisfied,,percentage,yes,no,sex,pct_satisfied,,,\n"
	"E-PCT,Entered share,,percentage,yes,no,country,,,,\n"
	"E-PCT-CUM,Entered share so far,,percentage,yes,yes,,,,2019,40\n"
	"E-NUM,Entered count,,number,no,no,,,,2019,20\n"
	"T-NUM,Half-year targets of a number,,number,yes,no,,,,,\n"
	"T-CUM,Half-year targets of a level,,number,yes,yes,,,,,\n"
	"T-PCT,Half-year targets of a share,,percentage,yes,no,,,,,\n"
	"T-ONE,One half-year target,,number,yes,no,,,,,\n";

static const char TARGETS[] =
	"indicator,period,target\n"
	"T-NUM,2021-H1,10\nT-NUM,2021-H2,20\n"
	"T-CUM,2021-H1,10\nT-CUM,2021-H2,25\n"
	"T-PCT,2021-H1,50\nT-PCT,2021-H2,60\n"
	"T-ONE,2021-H1,10\n"
	"CD-PER,2021,8\nCD-PER,2021-H1,3\n"
	"E-NUM,2021,10\n";

/* E-PCT: 1 of 2 in H1 (50%) and 99 of 100 in H2 (99%): the year is 100 of 102, 98%;
 * the average of the halves would be 74.5%. */
static const char ACTUALS[] =
	"indicator,period,sex,country,value,numerator,denominator\n"
	"E-PCT,2021-H1,,,,1,2\nE-PCT,2021-H2,,,,99,100\n"
	"E-PCT,2021-H1,,KH,,1,2\nE-PCT,2021-H2,,KH,,9,10\n"
	"E-PCT-CUM,2020,,,,10,10\nE-PCT-CUM,2021,,,,1,2\n"
	"E-NUM,2021,,,14,,\n";

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
	assert_int_equal(fx_load(&st, "indicators", INDICATORS), 0);
	assert_int_equal(fx_load(&st, "indicator_targets", TARGETS), 0);
	assert_int_equal(fx_load(&st, "indicator_actuals", ACTUALS), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(&st);
	return 0;
}

static ind_def *defs;
static size_t ndefs;

/* The definition of code (loaded once). */
static const ind_def *def(const char *code)
{
	actip_err err = {{0}};
	if (!defs)
		assert_int_equal(ind_defs_load(&st, &defs, &ndefs, &err), 0);
	for (size_t i = 0; i < ndefs; i++)
		if (strcmp(defs[i].code, code) == 0)
			return &defs[i];
	fail_msg("no indicator %s", code);
	return NULL;
}

/* The actual of code for period text. */
static ind_values actual(const char *code, const char *period)
{
	ind_period p;
	assert_int_equal(ind_period_parse(period, &p), 0);
	ind_values v;
	actip_err err = {{0}};
	assert_int_equal(ind_actual(&st, def(code), p, NULL, &v, &err), 0);
	return v;
}

/* Asserts a number amount (whole units). */
static void is_number(const ind_amount *a, int64_t want)
{
	assert_true(a->set);
	assert_int_equal(a->num, want * IND_MICRO);
}

/* Asserts a percentage amount's numerator and denominator. */
static void is_ratio(const ind_amount *a, int64_t num, int64_t den)
{
	assert_true(a->set);
	assert_int_equal(a->num, num);
	assert_int_equal(a->den, den);
}

/* Cumulative sums every year from the first; per-period counts its own. */
static void cumulative_and_per_period(void **state)
{
	(void)state;
	ind_values v = actual("CD-PER", "2021");
	is_number(&v.total, 4); /* K1, K2, R1, A1 */
	v = actual("CD-CUM", "2021");
	is_number(&v.total, 5); /* + K0 of 2020 */
	v = actual("CD-PER", "2021-H1");
	is_number(&v.total, 4);
	v = actual("CD-PER", "2021-H2");
	is_number(&v.total, 0);
	v = actual("CD-CUM", "2021-H2");
	is_number(&v.total, 5); /* 2020 + the whole of 2021 */
	v = actual("CD-CUM", "2020");
	is_number(&v.total, 1);
	v = actual("PART-CUM", "2021");
	is_number(&v.total, 11); /* 10 in 2021 + 1 in 2020 */
}

/* People measures follow Tables 3 and 4: attendances or persons, staff excluded, sex
 * and country of the earliest counted attendance. */
static void people(void **state)
{
	(void)state;
	ind_values v = actual("PART", "2021");
	is_number(&v.total, 10);
	is_number(&v.sex[0], 4);
	is_number(&v.sex[1], 4);
	is_number(&v.sex[2], 2);
	is_number(&v.country[1], 6); /* KH, index 1 of country_table */
	is_number(&v.country[10], 2); /* VN: ann's earliest attendance */
	v = actual("PART-KH", "2021");
	is_number(&v.total, 6);
	v = actual("TRAINED", "2021");
	is_number(&v.total, 6);
	is_number(&v.sex[0], 2);
	v = actual("WOMEN-P", "2021");
	is_ratio(&v.total, 4, 10);
	v = actual("WOMEN-T", "2021");
	is_ratio(&v.total, 2, 6);
	is_ratio(&v.country[1], 2, 3); /* KH: P-1 and Sok Dara (f) of three */
}

/* Percentages are recomputed from numerators and denominators, never averaged. */
static void percentages_recomputed(void **state)
{
	(void)state;
	ind_values v = actual("SAT", "2021");
	is_ratio(&v.total, 4, 6); /* 67%, where averaging the events gives 72% */
	is_ratio(&v.sex[0], 2, 3);
	is_ratio(&v.sex[1], 0, 1);
	char buf[64];
	ind_amount_text(def("SAT"), &v.total, true, buf, sizeof buf);
	assert_string_equal(buf, "67% (4 of 6)");
	v = actual("E-PCT", "2021");
	is_ratio(&v.total, 100, 102); /* the halves added up, not 74.5% */
	is_ratio(&v.country[1], 10, 12);
	int64_t micro;
	assert_true(ind_amount_micro(def("E-PCT"), &v.total, &micro));
	assert_int_equal(micro, 98039216); /* 98.039216% */
	v = actual("E-PCT", "2021-H1");
	is_ratio(&v.total, 1, 2);
	v = actual("E-PCT-CUM", "2021");
	is_ratio(&v.total, 11, 12); /* (10 + 1) / (10 + 2), not (100% + 50%) / 2 */
}

/* The target of code for a period, or -1 when none. */
static int64_t target(const char *code, const char *period)
{
	ind_period p;
	assert_int_equal(ind_period_parse(period, &p), 0);
	bool set;
	int64_t micro;
	actip_err err = {{0}};
	assert_int_equal(ind_target(&st, def(code), p, &set, &micro, &err), 0);
	return set ? micro / IND_MICRO : -1;
}

/* Half-year targets make a year's target only where that is right. */
static void half_year_targets(void **state)
{
	(void)state;
	assert_int_equal(target("T-NUM", "2021"), 30);  /* a per-period number: H1 + H2 */
	assert_int_equal(target("T-CUM", "2021"), 25);  /* a level: H2 */
	assert_int_equal(target("T-PCT", "2021"), 60);  /* a share: H2, never 110 */
	assert_int_equal(target("T-ONE", "2021"), -1);  /* half a year is not the year */
	assert_int_equal(target("CD-PER", "2021"), 8);  /* the year's own row wins */
	assert_int_equal(target("CD-PER", "2021-H1"), 3);
	assert_int_equal(target("CD-PER", "2021-H2"), -1);
	assert_int_equal(target("CD-PER", "2020"), -1);
}

/* % achieved: ascending actual/target; descending (b - a)/(b - t), else t/a. */
static void pct_achieved(void **state)
{
	(void)state;
	ind_def num = {0}, pct = {0};
	num.ascending = pct.ascending = true;
	pct.percentage = true;
	ind_amount a = {true, 45 * (int64_t)IND_MICRO, 0};
	int64_t p;
	assert_true(ind_pct_achieved(&num, &a, true, 60 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, 75);
	num.ascending = false; /* fewer is better: 14 against a target of 10 from 20 */
	num.has_baseline = true;
	num.baseline_micro = 20 * (int64_t)IND_MICRO;
	a.num = 14 * (int64_t)IND_MICRO;
	assert_true(ind_pct_achieved(&num, &a, true, 10 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, 60);
	num.has_baseline = false; /* without a baseline: target / actual */
	a.num = 8 * (int64_t)IND_MICRO;
	assert_true(ind_pct_achieved(&num, &a, true, 10 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, 125);
	ind_amount r = {true, 30, 55}; /* 54.545...% against 50%: 109.09 → 109 */
	assert_true(ind_pct_achieved(&pct, &r, true, 50 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, 109);
	ind_amount half = {true, 1, 2}; /* 50% of a 40% target: exactly 125 */
	assert_true(ind_pct_achieved(&pct, &half, true, 40 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, 125);
	ind_amount third = {true, 1, 3}; /* 33.33..% of 40%: 83.33 → 83 */
	assert_true(ind_pct_achieved(&pct, &third, true, 40 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, 83);
	/* the entered descending indicator: 14 against 10 from a baseline of 20 → 60% */
	ind_table t;
	actip_err err = {{0}};
	assert_int_equal(ind_table_compute(&st, (ind_period){2021, 0}, &t, &err), 0);
	bool found = false;
	for (size_t i = 0; i < t.n; i++)
		if (strcmp(t.rows[i].def->code, "E-NUM") == 0) {
			found = true;
			assert_true(t.rows[i].has_pct);
			assert_int_equal(t.rows[i].pct, 60);
		}
	assert_true(found);
	ind_table_free(&t);
}

/* No target, no actual, a zero target or denominator: no % achieved. */
static void missing(void **state)
{
	(void)state;
	ind_def num = {0}, pct = {0};
	num.ascending = pct.ascending = true;
	pct.percentage = true;
	ind_amount a = {true, 5 * (int64_t)IND_MICRO, 0}, none = {false, 0, 0};
	int64_t p = -7;
	assert_false(ind_pct_achieved(&num, &a, false, 0, &p));
	assert_false(ind_pct_achieved(&num, &none, true, 10 * (int64_t)IND_MICRO, &p));
	assert_false(ind_pct_achieved(&num, &a, true, 0, &p));
	ind_amount empty = {true, 0, 0};
	assert_false(ind_pct_achieved(&pct, &empty, true, 50 * (int64_t)IND_MICRO, &p));
	assert_int_equal(p, -7);
	char buf[32];
	ind_amount_text(&pct, &empty, true, buf, sizeof buf);
	assert_string_equal(buf, "\xE2\x80\x93");
	ind_values v = actual("E-NUM", "2020"); /* nothing entered for 2020 */
	assert_false(v.total.set);
}

/* Periods parse and give their days. */
static void periods(void **state)
{
	(void)state;
	ind_period p;
	char s[11], e[11];
	assert_int_equal(ind_period_parse("2021-H2", &p), 0);
	ind_period_dates(p, s, e);
	assert_string_equal(s, "2021-07-01");
	assert_string_equal(e, "2021-12-31");
	assert_int_equal(ind_period_parse("2021-H3", &p), -1);
	assert_int_equal(ind_period_parse("21", &p), -1);
	assert_int_equal(ind_period_parse("2021-", &p), -1);
}

/* Bad indicator files are refused whole, with FILE:LINE: COLUMN errors. */
static void bad_files(void **state)
{
	(void)state;
	store s2;
	fx_open(&s2);
	assert_int_equal(fx_load(&s2, "framework", FX_FRAMEWORK), 0);
	long long before = fx_count(&s2, "SELECT count(*) FROM indicator");
	assert_int_equal(fx_load(&s2, "indicators",
		"code,title,unit,measure,disaggregations,baseline\n"
		"A,Good,number,cd_events,,\n"
		"B,Unknown measure,number,trained_people,,\n"   /* unknown measure */
		"C,Wrong unit,number,pct_satisfied,,\n"         /* gives a percentage */
		"D,Sex of events,number,cd_events,sex,\n"       /* no sex for events */
		"E,Baseline without year,number,,,5\n"          /* needs its year */
		"F,Bad dimension,number,,colour,\n"), 5);
	assert_int_equal(fx_count(&s2, "SELECT count(*) FROM indicator"), before);
	assert_int_equal(fx_load(&s2, "indicators",
		"code,title,unit,measure\nA,Count,number,cd_events\nP,Share,percentage,\n"
		"N,Number,number,\n"), 0);
	assert_int_equal(fx_load(&s2, "indicator_targets",
		"indicator,period,target\nP,2021,120\nA,2021-H3,5\nZ,2021,1\n"), 3);
	assert_int_equal(fx_load(&s2, "indicator_actuals",
		"indicator,period,value,numerator,denominator\n"
		"P,2021,55,,\n"      /* a percentage given as a value */
		"P,2021-H1,,5,4\n"   /* numerator above denominator */
		"A,2021,3,,\n"       /* computed by a measure */
		"N,2021,,1,2\n"), 4); /* a number with a ratio */
	assert_int_equal(fx_count(&s2, "SELECT count(*) FROM indicator_actual"), 0);
	assert_int_equal(fx_count(&s2, "SELECT count(*) FROM indicator_target"), 0);
	store_close(&s2);
}

/* Frees the definitions the tests loaded. */
static int free_defs(void **state)
{
	(void)state;
	ind_defs_free(defs, ndefs);
	defs = NULL;
	return teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cumulative_and_per_period), cmocka_unit_test(people),
		cmocka_unit_test(percentages_recomputed), cmocka_unit_test(half_year_targets),
		cmocka_unit_test(pct_achieved), cmocka_unit_test(missing),
		cmocka_unit_test(periods), cmocka_unit_test(bad_files),
	};
	return cmocka_run_group_tests(tests, setup, free_defs);
}
