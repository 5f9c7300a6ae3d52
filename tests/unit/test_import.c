/* Unit tests of the import path: all-or-nothing, idempotence, replacement of an
 * activity's participants and feedback, person keys, and the error list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/fixture.h"

/* Loads the shared fixture's framework, projects and activities. */
static void base(store *st)
{
	fx_open(st);
	assert_int_equal(fx_load(st, "framework", FX_FRAMEWORK), 0);
	assert_int_equal(fx_load(st, "projects", FX_PROJECTS), 0);
	assert_int_equal(fx_load(st, "activities", FX_ACTIVITIES), 0);
}

/* Framework parents may come later in the file; outcomes link to projects. */
static void references(void **state)
{
	(void)state;
	store st;
	base(&st);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM framework"), 2);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM project_outcome WHERE project='C202'"), 1);
	assert_int_equal(fx_count(&st, "SELECT year FROM activity WHERE id='K0'"), 2020);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM project WHERE focus='regional'"), 1);
	assert_int_equal(fx_load(&st, "framework", "code,level,parent,title\nX,goal,NOPE,t\n"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM framework"), 2);
	store_close(&st);
}

/* A run's participants for an activity replace the stored ones; others are kept. */
static void replacement(void **state)
{
	(void)state;
	store st;
	base(&st);
	assert_int_equal(fx_load(&st, "participants",
				 "activity_id,full_name,sex,country\nK1,A,f,KH\nK1,B,m,KH\nK2,C,f,KH\n"), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance"), 3);
	assert_int_equal(fx_load(&st, "participants", "activity_id,full_name,sex,country\nK1,D,f,KH\n"), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity='K1'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity='K2'"), 1);
	/* the same file twice leaves identical rows */
	const char *fb = "activity_id,sex,satisfied\nK1,female,yes\nK1,,no\n";
	assert_int_equal(fx_load(&st, "feedback", fb), 0);
	assert_int_equal(fx_load(&st, "feedback", fb), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback"), 2);
	assert_int_equal(fx_count(&st, "SELECT max(seq) FROM feedback"), 2);
	store_close(&st);
}

/* person_id, else e-mail (lower-cased), else the name key with sex and country. */
static void person_keys(void **state)
{
	(void)state;
	store st;
	base(&st);
	assert_int_equal(fx_load(&st, "participants",
				 "activity_id,person_id,email,full_name,sex,country\n"
				 "K1,P-1,x@y.org,Name,female,KH\n"
				 "K1,,  Mixed@Case.ORG ,Name,female,KH\n"
				 "K1,,,\"  Nguye\xCC\x82\xCC\x83n  VAN \",male,VN\n"
				 "K1,,,,other,KH\n"),
			 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE person_key='i:P-1'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE person_key='e:mixed@case.org'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE person_key="
				       "'n:nguy\xE1\xBB\x85n van|male|VN'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE person_key IS NULL"), 1);
	store_close(&st);
}

/* Every error is reported and nothing of the file is stored. */
static void all_or_nothing(void **state)
{
	(void)state;
	store st;
	base(&st);
	assert_int_equal(fx_load(&st, "participants",
				 "activity_id,full_name,sex,country,staff\n"
				 "K1,A,f,KH,\n"
				 "NOPE,B,f,KH,\n"
				 "K1,C,x,KH,\n"
				 "K1,D,f,Atlantis,\n"
				 "K1,E,f,KH,perhaps\n"),
			 4);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance"), 0);
	assert_int_equal(fx_load(&st, "activities",
				 "activity_id,project,country,type,title,start_date,end_date\n"
				 "Z1,,KH,meeting,T,2021-01-05,2021-01-04\n"
				 "Z2,,KH,meeting,T,2021-01-05,\nZ2,,KH,meeting,T,2021-01-05,\n"),
			 2);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM activity WHERE id LIKE 'Z%'"), 0);
	store_close(&st);
}

/* Achievements: parts that do not add up and a country other than the project's are
 * warnings, not errors. */
static void achievements(void **state)
{
	(void)state;
	store st;
	base(&st);
	assert_int_equal(fx_load(&st, "achievements",
				 "achievement_id,project,country,date,outcomes,text,total,female,male\n"
				 "X1,C202,LA,2021-11-30,O2.1,\"**Trained** 33 workers\",33,27,5\n"),
			 0);
	assert_int_equal(fx_count(&st, "SELECT total FROM achievement WHERE id='X1'"), 33);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM achievement_outcome"), 1);
	store_close(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(references), cmocka_unit_test(replacement),
		cmocka_unit_test(person_keys), cmocka_unit_test(all_or_nothing),
		cmocka_unit_test(achievements),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
