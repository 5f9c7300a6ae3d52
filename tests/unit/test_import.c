/* Unit tests of the import path: all-or-nothing, idempotence, replacement of an
 * activity's participants and feedback (and their append mode), person keys, the error
 * list, bounded run maps, and bulk files (their row triggers once per activity). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "import/runmap.h"
#include "store/stats.h"
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

/* Imports csv as template in append mode (import_hooks.append); returns the status and
 * leaves the counts in *h. */
static int load_append(store *st, const char *template_name, const char *csv, import_hooks *h)
{
	diag_list d;
	actip_err err = {{0}};
	diag_init(&d, 100, 100);
	memset(h, 0, sizeof *h);
	h->append = true;
	FILE *f = fmemopen((void *)csv, strlen(csv), "r");
	int rc = import_stream_hooked(st, f, template_name, template_name, h, &d, &err);
	fclose(f);
	free(h->replaced_detail); /* what it replaced: nothing, in append mode */
	h->replaced_detail = NULL;
	if (rc != 0)
		diag_print(&d, DIAG_ERROR, stderr);
	diag_free(&d);
	return rc;
}

/* Append mode: the file's participants and feedback follow the activity's stored rows,
 * which stay exactly as they were (seq, names, person keys); nothing is replaced; the
 * rules and the all-or-nothing run are unchanged. */
static void append_mode(void **state)
{
	(void)state;
	store st;
	base(&st);
	assert_int_equal(fx_load(&st, "participants",
				 "activity_id,person_id,email,full_name,sex,country\n"
				 "K1,,,Anna,f,KH\nK1,,b@x.org,Bopha,f,KH\nK1,P-3,,Chan,m,KH\nK2,,,Dara,m,KH\n"),
			 0);
	static const char rows[] = "SELECT group_concat(seq || '|' || coalesce(person_key, '-') || '|' ||"
				   " coalesce(email, '-') || '|' || full_name, ';') FROM (SELECT * FROM"
				   " attendance WHERE activity = 'K1' ORDER BY seq)";
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(st.db, rows, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	char *before = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	import_hooks h;
	assert_int_equal(load_append(&st, "participants",
				     "activity_id,email,full_name,sex,country\nK1,e@x.org,Eng,f,KH\n"
				     "K1,,Fon,m,KH\nK3,,Gan,m,KH\n", &h),
			 0);
	assert_int_equal(h.rows, 3);
	assert_int_equal(h.replaced, 0);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	const char *after = (const char *)sqlite3_column_text(q, 0);
	assert_memory_equal(after, before, strlen(before)); /* the stored rows, unchanged */
	assert_string_equal(after + strlen(before), ";4|e:e@x.org|e@x.org|Eng;5|n:fon|male|KH|-|Fon");
	sqlite3_finalize(q);
	free(before);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity = 'K2'"), 1);
	assert_int_equal(fx_count(&st, "SELECT seq FROM attendance WHERE activity = 'K3'"), 1);
	/* an error anywhere: nothing of the file is appended */
	assert_int_equal(load_append(&st, "participants",
				     "activity_id,full_name,sex,country\nK1,Hak,f,KH\nK1,Ith,robot,KH\n", &h),
			 ACTIP_EINPUT);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity = 'K1'"), 5);
	/* feedback the same way; an import without append still replaces */
	assert_int_equal(fx_load(&st, "feedback", "activity_id,sex,satisfied\nK1,female,yes\nK1,,no\n"), 0);
	assert_int_equal(load_append(&st, "feedback", "activity_id,sex,satisfied\nK1,male,yes\n", &h), 0);
	assert_int_equal(h.replaced, 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback WHERE activity = 'K1'"), 3);
	assert_int_equal(fx_count(&st, "SELECT seq FROM feedback WHERE activity = 'K1' AND sex = 'male'"), 3);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback WHERE activity = 'K1' AND seq <= 2"
				       " AND (sex = 'female' AND satisfied = 1 OR sex IS NULL AND satisfied = 0)"), 2);
	assert_int_equal(fx_load(&st, "participants", "activity_id,full_name,sex,country\nK1,Jit,f,KH\n"), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity = 'K1'"), 1);
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


/* A run map keeps its entries whether in memory or moved to its temporary table: every
 * key put in shuffled order comes back with its last value, the last key kept aside is
 * written back when another is used, and the sorted walk sees keys in strcmp order. */
static int walk_check(const char *key, int64_t val, void *ud)
{
	int *i = ud;
	char want[16];
	snprintf(want, sizeof want, "k%04d", *i);
	assert_string_equal(key, want);
	assert_int_equal(val, *i * 10 + 1);
	(*i)++;
	return 0;
}

static void run_maps(void **state)
{
	(void)state;
	store st;
	fx_open(&st);
	static const size_t limits[] = {4, 37, 1000}; /* 4 and 37 move, 1000 stays */
	for (size_t li = 0; li < sizeof limits / sizeof limits[0]; li++) {
		size_t limit = limits[li];
		runmap m;
		runmap_init(&m, st.db, limit);
		enum { N = 600 };
		for (int r = 0; r < 2; r++)
			for (int j = 0; j < N; j++) {
				int i = (j * 7919) % N; /* every key once per round, shuffled */
				char key[16];
				snprintf(key, sizeof key, "k%04d", i);
				int64_t v = -1;
				assert_int_equal(runmap_get(&m, key, &v), r);
				if (r)
					assert_int_equal(v, i * 10);
				assert_int_equal(runmap_put(&m, key, i * 10), 0);
				assert_int_equal(runmap_put(&m, key, i * 10 + r), 0); /* the kept-aside key */
			}
		assert_int_equal(m.moved, limit < N);
		assert_int_equal(runmap_len(&m), N);
		int i = 0;
		assert_int_equal(runmap_each_sorted(&m, 50, walk_check, &i), 0);
		assert_int_equal(i, 50);
		runmap_clear(&m);
		assert_int_equal(runmap_len(&m), 0);
		assert_int_equal(runmap_get(&m, "k0001", NULL), 0);
		runmap_clear(&m);
	}
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM temp.import_runmap"), 0);
	store_close(&st);
}

/* More activities than a run map keeps in memory: the participants of each come in two
 * separate passes of one file and still get seq 1 and 2, a duplicate activity id past
 * the limit is still found with its first line, and re-importing the file replaces every
 * activity's rows once, the summary listing the first 50 in order and the rest counted. */
static void past_memory_limit(void **state)
{
	(void)state;
	enum { NACT = RUNMAP_MEMORY + 100 };
	store st;
	fx_open(&st);
	assert_int_equal(fx_load(&st, "framework", FX_FRAMEWORK), 0);
	assert_int_equal(fx_load(&st, "projects", FX_PROJECTS), 0);
	char *acts = NULL, *parts = NULL;
	size_t alen = 0, plen = 0;
	FILE *a = open_memstream(&acts, &alen), *p = open_memstream(&parts, &plen);
	fputs("activity_id,project,country,type,title,start_date\n", a);
	fputs("activity_id,person_id,sex,country\n", p);
	for (int i = 0; i < NACT; i++)
		fprintf(a, "X%05d,C202,KH,meeting,Meeting,2021-02-01\n", i);
	for (int r = 0; r < 2; r++)
		for (int i = 0; i < NACT; i++)
			fprintf(p, "X%05d,P%d-%d,female,KH\n", i, i, r);
	fclose(p);
	fflush(a);
	assert_int_equal(fx_load(&st, "activities", acts), 0);
	fputs("X00007,C202,KH,meeting,Again,2021-02-01\n", a);
	fclose(a);
	diag_list d;
	actip_err err = {{0}};
	diag_init(&d, 10, 10);
	FILE *f = fmemopen(acts, strlen(acts), "r");
	assert_int_not_equal(import_stream(&st, f, "activities", "activities", &d, &err), 0);
	fclose(f);
	assert_int_equal(d.errors, 1);
	char *msg = NULL;
	size_t mlen = 0;
	FILE *mf = open_memstream(&msg, &mlen);
	diag_print(&d, DIAG_ERROR, mf);
	fclose(mf);
	assert_non_null(strstr(msg, "duplicate key 'X00007' (first on line 9)"));
	free(msg);
	diag_free(&d);
	assert_int_equal(fx_load(&st, "participants", parts), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance"), 2 * NACT);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE person_id ="
				       " printf('P%d-%d', CAST(substr(activity, 2) AS INTEGER), seq - 1)"), 2 * NACT);
	import_hooks h;
	memset(&h, 0, sizeof h);
	diag_init(&d, 10, 10);
	f = fmemopen(parts, strlen(parts), "r");
	assert_int_equal(import_stream_hooked(&st, f, "participants", "participants", &h, &d, &err), 0);
	fclose(f);
	diag_free(&d);
	assert_int_equal(h.replaced, NACT);
	assert_non_null(strstr(h.replaced_detail, "X00000: 2 stored participants replaced by 2\nX00001:"));
	assert_non_null(strstr(h.replaced_detail, "X00049: 2 stored"));
	assert_null(strstr(h.replaced_detail, "X00050"));
	char more[48];
	snprintf(more, sizeof more, "and %d more\n", NACT - 50);
	assert_non_null(strstr(h.replaced_detail, more));
	free(h.replaced_detail);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance"), 2 * NACT);
	free(acts);
	free(parts);
	store_close(&st);
}

/* Writes text to dir/name; its path into path. */
static void write_file(const char *dir, const char *name, const char *text, char path[128])
{
	snprintf(path, 128, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* Runs the files as one import of the template; returns import_run's status. */
static int run_files(store *st, const char *template_name, const char *const *paths, int n)
{
	import_opts o = {.paths = paths, .npaths = n, .template_name = template_name, .quiet = true,
			 .max_errors = 10};
	diag_list d;
	actip_err err = {{0}};
	diag_init(&d, 10, 10);
	int rc = import_run(st, &o, &d, &err);
	if (rc != 0)
		diag_print(&d, DIAG_ERROR, stderr);
	diag_free(&d);
	return rc;
}

/* An owner's stored rows are deleted only when there can be some: a table that held
 * none as a file first came to delete some is not asked again in that file, but is in
 * the next file of the same run (two activities files: the second's outcome links
 * replace the first's; two feedback files: the second's rows follow the first's). */
static void owner_rows_in_one_run(void **state)
{
	(void)state;
	char dir[] = "/tmp/actip-test-import.XXXXXX";
	assert_non_null(mkdtemp(dir));
	store st;
	fx_open(&st);
	assert_int_equal(fx_load(&st, "framework", "code,level,parent,title\nO1,eopo,,One\nO2,eopo,,Two\n"), 0);
	assert_int_equal(fx_load(&st, "projects", "code,title,country,outcomes\nP1,Project,KH,\n"), 0);
	char a1[128], a2[128], f1[128], f2[128];
	write_file(dir, "a1.csv", "activity_id,project,country,type,title,start_date,outcomes\n"
		   "K1,P1,KH,meeting,One,2021-03-01,O1;O2\nK2,P1,KH,meeting,Two,2021-04-01,O1\n", a1);
	write_file(dir, "a2.csv", "activity_id,project,country,type,title,start_date,outcomes\n"
		   "K1,P1,KH,meeting,One,2021-03-01,O2\n", a2);
	const char *acts[] = {a1, a2};
	assert_int_equal(run_files(&st, "activities", acts, 2), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM activity_outcome WHERE activity = 'K1'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM activity_outcome WHERE activity = 'K1'"
				       " AND outcome = 'O2'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM activity_outcome WHERE activity = 'K2'"), 1);
	write_file(dir, "f1.csv", "activity_id,sex,satisfied\nK1,female,yes\nK1,male,no\nK2,male,yes\n", f1);
	write_file(dir, "f2.csv", "activity_id,sex,satisfied\nK1,other,yes\n", f2);
	const char *fbs[] = {f1, f2};
	assert_int_equal(run_files(&st, "feedback", fbs, 2), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback"), 4);
	assert_int_equal(fx_count(&st, "SELECT max(seq) FROM feedback WHERE activity = 'K1'"), 3);
	/* a later run replaces: K1's three rows by one, K2's kept */
	const char *one[] = {f2};
	assert_int_equal(run_files(&st, "feedback", one, 1), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback WHERE activity = 'K1'"), 1);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback WHERE activity = 'K2'"), 1);
	store_close(&st);
	const char *const all[] = {a1, a2, f1, f2};
	for (int i = 0; i < 4; i++)
		unlink(all[i]);
	rmdir(dir);
}

/* Files of more than STORE_CAPTURE_MAX bytes are captured as a bulk write from the
 * start (a change_log row without changeset); a small file's changeset is kept. */
static void bulk_capture(void **state)
{
	(void)state;
	char dir[] = "/tmp/actip-test-import.XXXXXX";
	assert_non_null(mkdtemp(dir));
	store st;
	fx_open(&st);
	char small[128], big[128];
	write_file(dir, "small.csv", "code,level,parent,title\nO1,eopo,,One\n", small);
	size_t n = (size_t)STORE_CAPTURE_MAX + 1;
	char *text = malloc(n + 64);
	assert_non_null(text);
	int head = snprintf(text, 64, "code,level,parent,title\nO2,eopo,,Two\n");
	memset(text + head, '\n', n - (size_t)head); /* blank lines: read, nothing stored */
	text[n] = '\0';
	write_file(dir, "big.csv", text, big);
	free(text);
	const char *one[] = {small}, *two[] = {big};
	assert_int_equal(run_files(&st, "framework", one, 1), 0);
	assert_int_equal(run_files(&st, "framework", two, 1), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM framework"), 2);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM change_log"), 2);
	assert_int_equal(fx_count(&st, "SELECT length(changeset) > 0 FROM change_log ORDER BY seq LIMIT 1"), 1);
	assert_int_equal(fx_count(&st, "SELECT changeset IS NULL AND tables = '{}' FROM change_log"
				       " ORDER BY seq DESC LIMIT 1"), 1);
	store_close(&st);
	unlink(small);
	unlink(big);
	rmdir(dir);
}

/* The triggers main's schema puts on a table, by event: counts of 'i', 'd' and 'u'.
 * Fails the test unless every INSERT and DELETE trigger reads no column of the row but
 * its activity and has an UPDATE twin (the name with _upd for _ins or _del): what lets
 * a bulk file fire them once per activity (store/bulk.c). */
static void check_bulk_triggers(store *st, const char *table, int counts[3])
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT name, sql FROM main.sqlite_master"
						    " WHERE type = 'trigger' AND tbl_name = ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	memset(counts, 0, 3 * sizeof *counts);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *sql = (const char *)sqlite3_column_text(s, 1);
		char ev = store_trigger_event(sql);
		assert_true(ev == 'i' || ev == 'd' || ev == 'u');
		counts[ev == 'i' ? 0 : ev == 'd' ? 1 : 2]++;
		if (ev == 'u')
			continue;
		for (const char *p = sql; (p = strstr(p, ev == 'i' ? "NEW." : "OLD.")); p += 4) {
			if (strncmp(p + 4, "activity", 8) != 0)
				fprintf(stderr, "%s reads %.20s\n", name, p);
			assert_int_equal(strncmp(p + 4, "activity", 8), 0);
		}
		size_t n = strlen(name);
		assert_true(n > 4 && name[n - 4] == '_');
		char twin[128];
		snprintf(twin, sizeof twin, "%.*s_upd", (int)(n - 4), name);
		sqlite3_stmt *t;
		assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT sql FROM main.sqlite_master WHERE"
							    " type = 'trigger' AND name = ?1", -1, &t, NULL), SQLITE_OK);
		sqlite3_bind_text(t, 1, twin, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(t), SQLITE_ROW);
		assert_int_equal(store_trigger_event((const char *)sqlite3_column_text(t, 0)), 'u');
		sqlite3_finalize(t);
	}
	sqlite3_finalize(s);
}

/* A file of rows for K1, then for activity `late` first met past row 4096: the bulk
 * path has dropped the row triggers by then. */
static char *bulk_file(const char *header, const char *row_k1, const char *late_row, int n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	fputs(header, f);
	for (int i = 0; i < n; i++)
		fprintf(f, row_k1, i);
	for (int i = 0; i < 10; i++)
		fprintf(f, late_row, i);
	fclose(f);
	return buf;
}

/* Bulk files: the statistics of an activity first met past row 4096 are still marked
 * dirty and recomputed, its feedback still counted, a locked year still refused (at the
 * line that reaches it, stored rows kept), and the triggers are back afterwards. */
static void bulk_rows(void **state)
{
	(void)state;
	enum { N = 5000 };
	store st;
	base(&st);
	int att[3], fb[3];
	check_bulk_triggers(&st, "attendance", att);
	check_bulk_triggers(&st, "feedback", fb);
	assert_true(att[0] > 0 && att[1] > 0 && fb[0] > 0 && fb[1] > 0);
	char *parts = bulk_file("activity_id,person_id,sex,country\n", "K1,P%d,female,KH\n",
				"K0,Q%d,male,KH\n", N);
	assert_int_equal(fx_load(&st, "participants", parts), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity = 'K0'"), 10);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM stats_dirty"), 0);
	for (int year = 2020; year <= 2021; year++) {
		stats_counts stored, now;
		actip_err err = {{0}};
		assert_int_equal(store_stats_read(&st, year, &stored, &err), 0);
		assert_int_equal(store_stats_compute(&st, year, &now, &err), 0);
		assert_memory_equal(&stored, &now, sizeof now);
	}
	assert_int_equal(fx_count(&st, "SELECT sum(attendances) FROM stats_people WHERE year = 2020"
				       " AND trained = 0"), 10);
	char *fbk = bulk_file("activity_id,sex,satisfied\n", "K1,female,yes\n", "K0,male,no\n", N);
	assert_int_equal(fx_load(&st, "feedback", fbk), 0);
	assert_int_equal(fx_count(&st, "SELECT respondents FROM feedback_counts WHERE activity = 'K0'"), 10);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback_dirty"), 0);
	/* 2020 approved: the same files again would replace K0's rows; refused, at K0's
	 * first line (header + N rows of K1 + 1) */
	assert_int_equal(sqlite3_exec(st.db, "INSERT INTO period VALUES (2020, 'test', '2021-01-01')", NULL,
				      NULL, NULL), SQLITE_OK);
	for (int k = 0; k < 2; k++) {
		diag_list d;
		actip_err err = {{0}};
		diag_init(&d, 100, 100);
		const char *csv = k ? fbk : parts, *tn = k ? "feedback" : "participants";
		FILE *f = fmemopen((void *)csv, strlen(csv), "r");
		assert_int_not_equal(import_stream(&st, f, tn, tn, &d, &err), 0);
		fclose(f);
		char *msg = NULL;
		size_t mlen = 0;
		FILE *mf = open_memstream(&msg, &mlen);
		diag_print(&d, DIAG_ERROR, mf);
		fclose(mf);
		char want[64];
		snprintf(want, sizeof want, "%s:%d:", tn, N + 2);
		assert_non_null(strstr(msg, want));
		assert_non_null(strstr(msg, "locked"));
		free(msg);
		diag_free(&d);
	}
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM attendance WHERE activity = 'K0'"), 10);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM feedback WHERE activity = 'K0'"), 10);
	int again[3];
	check_bulk_triggers(&st, "attendance", again);
	assert_memory_equal(again, att, sizeof att);
	check_bulk_triggers(&st, "feedback", again);
	assert_memory_equal(again, fb, sizeof fb);
	free(parts);
	free(fbk);
	store_close(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(references), cmocka_unit_test(replacement),
		cmocka_unit_test(append_mode), cmocka_unit_test(person_keys), cmocka_unit_test(all_or_nothing),
		cmocka_unit_test(achievements), cmocka_unit_test(run_maps),
		cmocka_unit_test(past_memory_limit), cmocka_unit_test(owner_rows_in_one_run),
		cmocka_unit_test(bulk_capture), cmocka_unit_test(bulk_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
