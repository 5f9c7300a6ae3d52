/* Unit tests of store/stats.c's small-write path: after every write, the statistics the
 * store keeps (Tables 3, 4 and the disability counts) equal a recomputation from the
 * raw rows. Hundreds of random transactions (rows inserted, deleted and changed: sex,
 * country, person, staff, disability, activity) run on a fixture; a sentinel error
 * planted in a cell no write touches proves that the counts were updated person by
 * person, not recomputed (a recomputation would erase it). A rolled-back write, an
 * activity's date changed, a year already dirty and a write past the tracking limit
 * fall back to recomputing the year, which the sentinel's disappearance shows. The
 * feedback counted per activity (feedback_counts) equals a count of the responses after
 * every random write too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/country.h"
#include "store/stats.h"
#include "tests/unit/fixture.h"

static const char ACTIVITIES[] =
	"activity_id,project,country,type,title,start_date\n"
	"K1,C202,KH,capacity_development,Training one,2021-03-01\n"
	"K2,C202,KH,capacity_development,Training two,2021-06-01\n"
	"K3,C202,KH,meeting,Meeting,2021-02-01\n"
	"K0,C202,KH,capacity_development,Last year,2020-11-01\n"
	"A1,A101,ASEAN,capacity_development,Regional,2021-05-02\n";

static const char *const ACTS[] = {"K1", "K2", "K3", "K0", "A1"};
static const char *const SEXES[] = {"female", "male", "other"};
static const char *const COUNTRIES[] = {"KH", "LA", "VN", "TH"};
static const char *const PEOPLE[] = {"i:P1", "i:P2", "e:a@x.org", "n:sok|male|KH", "i:P5", "i:P6", NULL};
enum { NPEOPLE = sizeof PEOPLE / sizeof PEOPLE[0] };

static store st;
#define INDEXED "SELECT count(*) FROM sqlite_master WHERE name = 'attendance_person'"
static int next_seq = 1;
static unsigned rnd = 12345;

static unsigned next(void)
{
	rnd = rnd * 1103515245u + 12345u;
	return (rnd >> 8) & 0xffffff;
}

static void run(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(st.db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* One random change to the attendance rows. */
static void random_change(void)
{
	char sql[512];
	const char *act = ACTS[next() % 5];
	const char *who = PEOPLE[next() % NPEOPLE];
	char key[64];
	if (who)
		snprintf(key, sizeof key, "'%s'", who);
	else
		snprintf(key, sizeof key, "NULL");
	const char *sex = SEXES[next() % 3], *country = COUNTRIES[next() % 4];
	int staff = next() % 10 == 0, dis = (int)(next() % 3);
	switch (next() % 4) {
	case 0:
	case 1:
		snprintf(sql, sizeof sql,
			 "INSERT INTO attendance(activity, seq, person_key, sex, country, staff, disability)"
			 " VALUES ('%s', %d, %s, '%s', '%s', %d, %s)",
			 act, next_seq++, key, sex, country, staff, dis == 2 ? "NULL" : dis ? "1" : "0");
		break;
	case 2:
		snprintf(sql, sizeof sql,
			 "DELETE FROM attendance WHERE (activity, seq) IN (SELECT activity, seq FROM attendance"
			 " ORDER BY (seq * %u) %% 1009 LIMIT 1)", next() % 97 + 1);
		break;
	default: {
		const char *set[] = {"sex = '%s'", "country = '%s'", "person_key = %s", "staff = 1 - staff",
				     "disability = 1", "activity = '%s', seq = %d"};
		int k = (int)(next() % 6);
		char what[128];
		if (k == 0)
			snprintf(what, sizeof what, set[0], sex);
		else if (k == 1)
			snprintf(what, sizeof what, set[1], country);
		else if (k == 2)
			snprintf(what, sizeof what, set[2], key);
		else if (k == 5)
			snprintf(what, sizeof what, set[5], act, next_seq++);
		else
			snprintf(what, sizeof what, "%s", set[k]);
		snprintf(sql, sizeof sql,
			 "UPDATE attendance SET %s WHERE (activity, seq) IN (SELECT activity, seq FROM attendance"
			 " ORDER BY (seq * %u) %% 1013 LIMIT 1)", what, next() % 89 + 1);
	}
	}
	run(sql);
}

/* The stored counts of year against a recomputation; diff gets the sentinel cell's
 * difference (stored - computed), every other cell must agree. */
static void compare(int year, int64_t *sentinel_diff)
{
	stats_counts stored, live;
	actip_err err;
	assert_int_equal(store_stats_read(&st, year, &stored, &err), 0);
	assert_int_equal(store_stats_compute(&st, year, &live, &err), 0);
	*sentinel_diff = 0;
	for (int t = 0; t < 2; t++)
		for (int c = 0; c < STATS_COUNTRIES && country_table[c].code; c++)
			for (int x = 0; x < STATS_SEXES; x++) {
				const stats_cell *a = &stored.cell[t][c][x], *b = &live.cell[t][c][x];
				bool is_sentinel = t == 0 && strcmp(country_table[c].code, "BN") == 0 && x == 2;
				if (is_sentinel) {
					*sentinel_diff = a->attendances - b->attendances;
					continue;
				}
				if (a->attendances != b->attendances || a->persons != b->persons)
					fail_msg("year %d table %d country %s sex %s: stored %lld/%lld, rows say %lld/%lld",
						 year, t, country_table[c].code, stats_sexes[x],
						 (long long)a->attendances, (long long)a->persons,
						 (long long)b->attendances, (long long)b->persons);
			}
	for (int c = 0; c <= STATS_COUNTRIES; c++)
		if (stored.dis[c].attendances != live.dis[c].attendances ||
		    stored.dis[c].dis_attendances != live.dis[c].dis_attendances ||
		    stored.dis[c].trained != live.dis[c].trained ||
		    stored.dis[c].dis_trained != live.dis[c].dis_trained)
			fail_msg("year %d disability of country %d: stored %lld %lld %lld %lld, rows say %lld %lld %lld %lld",
				 year, c, (long long)stored.dis[c].attendances, (long long)stored.dis[c].dis_attendances,
				 (long long)stored.dis[c].trained, (long long)stored.dis[c].dis_trained,
				 (long long)live.dis[c].attendances, (long long)live.dis[c].dis_attendances,
				 (long long)live.dis[c].trained, (long long)live.dis[c].dis_trained);
}

/* Plants the sentinel: 7 attendances more than the rows say, in 2021's Brunei "other"
 * cell of Table 3, which no random write touches (no row is from Brunei). */
static void plant_sentinel(void)
{
	run("INSERT INTO stats_people(year, trained, country, sex, attendances, persons)"
	    " VALUES (2021, 0, 'BN', 'other', 7, 1)"
	    " ON CONFLICT DO UPDATE SET attendances = attendances + 7");
}

static void commit(void)
{
	actip_err err;
	assert_int_equal(store_stats_refresh(&st, &err), 0);
	assert_int_equal(store_commit(&st, &err), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM stats_dirty"), 0);
}

static int setup(void **state)
{
	(void)state;
	fx_open(&st);
	assert_int_equal(fx_load(&st, "framework", FX_FRAMEWORK), 0);
	assert_int_equal(fx_load(&st, "projects", FX_PROJECTS), 0);
	assert_int_equal(fx_load(&st, "activities", ACTIVITIES), 0);
	actip_err err;
	assert_int_equal(store_begin(&st, &err), 0);
	for (int i = 0; i < 40; i++)
		random_change();
	commit();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(&st);
	return 0;
}

/* Small random writes keep the stored counts exact, and the sentinel survives them. */
static void small_writes_update_in_place(void **state)
{
	(void)state;
	actip_err err;
	int64_t d;
	assert_int_equal(store_begin(&st, &err), 0);
	plant_sentinel();
	commit();
	for (int i = 0; i < 400; i++) {
		assert_int_equal(store_begin(&st, &err), 0);
		assert_true(st.stats_track);
		int n = (int)(next() % 6) + 1;
		for (int k = 0; k < n; k++)
			random_change();
		commit();
		compare(2021, &d);
		assert_int_equal(d, 7); /* updated person by person: the sentinel is still there */
		compare(2020, &d);
		assert_int_equal(d, 0);
	}
	assert_true(fx_count(&st, "SELECT count(*) FROM attendance") > 20);
}

/* A rolled-back write leaves nothing behind for the next one. */
static void rollback_then_write(void **state)
{
	(void)state;
	actip_err err;
	int64_t d;
	assert_int_equal(store_begin(&st, &err), 0);
	for (int k = 0; k < 5; k++)
		random_change();
	store_rollback(&st);
	assert_int_equal(store_begin(&st, &err), 0);
	random_change();
	commit();
	compare(2021, &d);
	assert_int_equal(d, 7);
}

/* Writes the tracking cannot account for recompute the year: the sentinel goes. */
static void untracked_writes_recompute(void **state)
{
	(void)state;
	actip_err err;
	int64_t d;
	/* an activity's start date changes whose rows count first */
	assert_int_equal(store_begin(&st, &err), 0);
	run("UPDATE activity SET start_date = '2021-01-15' WHERE id = 'K2'");
	commit();
	compare(2021, &d);
	assert_int_equal(d, 0);
	/* a year flagged before the write began (an edit behind actip's back) */
	plant_sentinel();
	run("INSERT INTO stats_dirty VALUES (2021)");
	assert_int_equal(store_begin(&st, &err), 0);
	random_change();
	commit();
	compare(2021, &d);
	assert_int_equal(d, 0);
	/* a bulk write past the tracking limit */
	plant_sentinel();
	assert_int_equal(store_begin(&st, &err), 0);
	for (int i = 0; i < 5000; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "INSERT INTO attendance(activity, seq, person_key, sex, country)"
			 " VALUES ('K1', %d, 'i:B%d', 'female', 'LA')", next_seq++, i % 700);
		run(sql);
	}
	store_stats_track_check(&st);
	assert_false(st.stats_track);
	/* the index of people is dropped for the bulk rows and built again at the end */
	assert_int_equal(fx_count(&st, INDEXED), 0);
	commit();
	assert_int_equal(fx_count(&st, INDEXED), 1);
	compare(2021, &d);
	assert_int_equal(d, 0);
	/* a bulk write rolled back keeps the index */
	assert_int_equal(store_begin(&st, &err), 0);
	run("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5000)"
	    " INSERT INTO attendance(activity, seq, person_key, sex, country)"
	    " SELECT 'K2', 100000 + v, 'i:C' || v, 'male', 'VN' FROM n");
	store_stats_track_check(&st);
	assert_int_equal(fx_count(&st, INDEXED), 0);
	store_rollback(&st);
	assert_int_equal(fx_count(&st, INDEXED), 1);
	/* and the next small write is tracked again */
	plant_sentinel();
	assert_int_equal(store_begin(&st, &err), 0);
	assert_true(st.stats_track);
	run("DELETE FROM attendance WHERE activity = 'K1' AND person_key = 'i:B3'");
	commit();
	compare(2021, &d);
	assert_int_equal(d, 7);
}


/* One random change to the feedback rows. */
static void random_feedback_change(void)
{
	char sql[512];
	const char *act = ACTS[next() % 5];
	static const char *const yn[] = {"NULL", "0", "1"};
	static const char *const und[] = {"NULL", "'excellent'", "'good'", "'fair'", "'poor'"};
	static const char *const sex[] = {"NULL", "'female'", "'male'", "'other'"};
	switch (next() % 4) {
	case 0:
	case 1:
		snprintf(sql, sizeof sql,
			 "INSERT INTO feedback(activity, seq, sex, satisfied, met_objectives, met_expectations,"
			 " improved_learning, relevant, understanding) VALUES ('%s', %d, %s, %s, %s, %s, %s, %s, %s)",
			 act, next_seq++, sex[next() % 4], yn[next() % 3], yn[next() % 3], yn[next() % 3],
			 yn[next() % 3], yn[next() % 3], und[next() % 5]);
		break;
	case 2:
		snprintf(sql, sizeof sql,
			 "DELETE FROM feedback WHERE (activity, seq) IN (SELECT activity, seq FROM feedback"
			 " ORDER BY (seq * %u) %% 1009 LIMIT 1)", next() % 97 + 1);
		break;
	default:
		snprintf(sql, sizeof sql,
			 "UPDATE feedback SET understanding = %s, relevant = %s, activity = '%s'"
			 " WHERE (activity, seq) IN (SELECT activity, seq FROM feedback"
			 " ORDER BY (seq * %u) %% 1013 LIMIT 1)", und[next() % 5], yn[next() % 3], act,
			 next() % 89 + 1);
	}
	run(sql);
}

/* Rows of the stored feedback counts and of a count of the responses that differ. */
#define FEEDBACK_DIFF                                                                      \
	"SELECT count(*) FROM (SELECT * FROM (SELECT * FROM feedback_counts EXCEPT"        \
	" SELECT activity, " STATS_FEEDBACK_COUNTS " FROM feedback GROUP BY activity)"      \
	" UNION ALL SELECT * FROM (SELECT activity, " STATS_FEEDBACK_COUNTS                \
	" FROM feedback GROUP BY activity EXCEPT SELECT * FROM feedback_counts))"

/* The feedback counts follow every write, and an edit behind actip's back is noticed. */
static void feedback_counts_follow_writes(void **state)
{
	(void)state;
	actip_err err;
	bool fresh;
	for (int i = 0; i < 200; i++) {
		assert_int_equal(store_begin(&st, &err), 0);
		int n = (int)(next() % 5) + 1;
		for (int k = 0; k < n; k++)
			random_feedback_change();
		if (i % 50 == 49)
			run("DELETE FROM activity WHERE id = 'K3'"); /* its feedback goes with it */
		commit();
		assert_int_equal(fx_count(&st, FEEDBACK_DIFF), 0);
		assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback_dirty"), 0);
		assert_int_equal(store_feedback_fresh(&st, &fresh, &err), 0);
		assert_true(fresh);
		if (i % 50 == 49)
			assert_int_equal(fx_load(&st, "activities", ACTIVITIES), 0);
	}
	assert_true(fx_count(&st, "SELECT count(*) FROM feedback_counts") >= 3);
	run("UPDATE feedback SET satisfied = 1 - satisfied WHERE satisfied IS NOT NULL");
	assert_int_equal(store_feedback_fresh(&st, &fresh, &err), 0);
	assert_false(fresh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_writes_update_in_place),
		cmocka_unit_test(rollback_then_write),
		cmocka_unit_test(untracked_writes_recompute),
		cmocka_unit_test(feedback_counts_follow_writes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
