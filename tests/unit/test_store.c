/* Unit tests of store/store.c's statement cache (store_cached, store_release): one
 * prepared statement per SQL constant, released statements hold no read transaction and
 * no bindings, statements the cache has no room for are finalized, and store_close
 * leaves nothing behind (AddressSanitizer's leak check sees a connection that could not
 * close); and of store_library_init's statement journals, which stay in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/store.h"

/* A fresh database file in a temporary directory; path gets its name. */
static void open_temp(store *st, char path[64])
{
	char dir[] = "/tmp/actip-test-store.XXXXXX";
	assert_non_null(mkdtemp(dir));
	snprintf(path, 64, "%s/t.db", dir);
	actip_err err = {{0}};
	assert_int_equal(store_open(st, path, 0, &err), ACTIP_OK);
}

/* Removes the database, its WAL files and the directory. */
static void remove_temp(const char *path)
{
	char f[80];
	const char *sfx[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(f, sizeof f, "%s%s", path, sfx[i]);
		unlink(f);
	}
	snprintf(f, sizeof f, "%s", path);
	char *slash = strrchr(f, '/');
	*slash = '\0';
	rmdir(f);
}

/* The number of attendance rows. */
static int attendance_rows(store *st)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT count(*) FROM attendance", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	int n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The same constant gives the same statement; another gives another. */
static void same_sql_same_statement(void **state)
{
	(void)state;
	store st;
	char path[64];
	open_temp(&st, path);
	static const char q1[] = "SELECT 1", q2[] = "SELECT 2";
	sqlite3_stmt *a, *b, *c;
	assert_int_equal(store_cached(&st, q1, &a), SQLITE_OK);
	store_release(&st, a);
	assert_int_equal(store_cached(&st, q1, &b), SQLITE_OK);
	assert_ptr_equal(a, b);
	store_release(&st, b);
	assert_int_equal(store_cached(&st, q2, &c), SQLITE_OK);
	assert_ptr_not_equal(a, c);
	store_release(&st, c);
	assert_int_equal(st.ncached, 2);
	assert_int_not_equal(store_cached(&st, "SELECT FROM nowhere", &c), SQLITE_OK);
	assert_null(c);
	assert_int_equal(st.ncached, 2);
	store_close(&st);
	remove_temp(path);
}

/* A statement released in the middle of its rows is reset: its bindings are gone, and
 * it no longer holds the read transaction that would keep a checkpoint from finishing. */
static void release_resets(void **state)
{
	(void)state;
	store st, other;
	char path[64];
	open_temp(&st, path);
	actip_err err = {{0}};
	assert_int_equal(sqlite3_exec(st.db, "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3);", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	static const char q[] = "SELECT x, ?1 FROM t ORDER BY x";
	sqlite3_stmt *s;
	assert_int_equal(store_cached(&st, q, &s), SQLITE_OK);
	sqlite3_bind_int(s, 1, 42);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW); /* one row of three: a read is open */
	assert_true(sqlite3_stmt_busy(s));
	store_release(&st, s);
	assert_false(sqlite3_stmt_busy(s));

	assert_int_equal(store_open(&other, path, 0, &err), ACTIP_OK);
	assert_int_equal(sqlite3_exec(other.db, "INSERT INTO t VALUES (4)", NULL, NULL, NULL), SQLITE_OK);
	int logged = -1, done = -1;
	assert_int_equal(sqlite3_wal_checkpoint_v2(other.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &logged, &done),
			 SQLITE_OK);
	assert_int_equal(logged, 0); /* TRUNCATE emptied the WAL: no reader held it */
	store_close(&other);

	assert_int_equal(store_cached(&st, q, &s), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 1);
	assert_int_equal(sqlite3_column_type(s, 1), SQLITE_NULL); /* the 42 was cleared */
	store_release(&st, s);
	store_close(&st);
	remove_temp(path);
}

/* Beyond STORE_NCACHED the statements still work and are finalized on release. */
static void overflow_finalizes(void **state)
{
	(void)state;
	store st;
	char path[64];
	open_temp(&st, path);
	enum { N = STORE_NCACHED + 4 };
	char sql[N][32];
	for (int i = 0; i < N; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
		sqlite3_stmt *s;
		assert_int_equal(store_cached(&st, sql[i], &s), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), i);
		store_release(&st, s);
	}
	assert_int_equal(st.ncached, STORE_NCACHED);
	store_release(&st, NULL);
	store_close(&st);
	assert_int_equal(st.ncached, 0);
	assert_null(st.db);
	remove_temp(path);
}

/* The write system calls this process made so far (/proc/self/io), or -1. */
static long long write_calls(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[128];
	long long n = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "syscw: %lld", &n) == 1)
			break;
	if (f)
		fclose(f);
	return n;
}

/* Inserts attendance rows first..last of activity A (each fires the statistics trigger,
 * so each keeps a statement journal). */
static void insert_rows(store *st, int first, int last)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "INSERT INTO attendance(activity, seq, person_key,"
				" sex, country, organisation) VALUES ('A', ?1, 'i:' || ?1, 'female', 'KH',"
				" 'Ministry of Social Affairs, Veterans and Youth Rehabilitation')", -1, &s, NULL),
			 SQLITE_OK);
	for (int i = first; i <= last; i++) {
		sqlite3_bind_int(s, 1, i);
		assert_int_equal(sqlite3_step(s), SQLITE_DONE);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
}

/* After a statement whose journal passed SQLite's default 64 KiB (an update of 3,000
 * stored rows), 3,000 rows inserted through a trigger in the same transaction make no
 * write calls: their statement journals stay in memory. A journal moved to a file stays
 * one for the transaction, and costs two write calls per row. */
static void statement_journal_in_memory(void **state)
{
	(void)state;
	store st;
	char path[64];
	open_temp(&st, path);
	enum { N = 3000 };
	assert_int_equal(sqlite3_exec(st.db, "INSERT INTO activity(id, country, type, title, start_date,"
				      " year) VALUES ('A', 'KH', 'meeting', 'A meeting', '2021-03-01', 2021);"
				      " BEGIN", NULL, NULL, NULL), SQLITE_OK);
	insert_rows(&st, 1, N);
	assert_int_equal(sqlite3_exec(st.db, "COMMIT; BEGIN IMMEDIATE;"
				      " UPDATE attendance SET staff = 0, sex = 'male'", NULL, NULL, NULL),
			 SQLITE_OK);
	long long before = write_calls();
	insert_rows(&st, N + 1, 2 * N);
	long long after = write_calls();
	assert_true(before >= 0);
	assert_int_equal(attendance_rows(&st), 2 * N);
	assert_true(after - before < 50);
	assert_int_equal(sqlite3_exec(st.db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(attendance_rows(&st), N);
	store_close(&st);
	remove_temp(path);
}

/* Runs the tests. */
int main(void)
{
	store_library_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_sql_same_statement),
		cmocka_unit_test(release_resets),
		cmocka_unit_test(overflow_finalizes),
		cmocka_unit_test(statement_journal_in_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
