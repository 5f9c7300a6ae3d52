/* Fuzz target: the CSV importer, every template, into an in-memory database. The first
 * byte of an input picks the template (modulo their number), the rest is the CSV text.
 * The database is seeded once with tests/fixtures/good so that references resolve and
 * rows get past the lookups; each run is a dry run (rolled back), so runs do not depend
 * on one another. Invariants: no crash or sanitizer report, an input error is always
 * explained by a diagnostic, no transaction is left open, and the stored rows are the
 * same after the run as before (a dry run, or a failed one, stores nothing). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "import/import.h"
#include "import/template.h"

static store st;

/* The number of stored rows in the tables the templates write. */
static long long stored_rows(void)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM framework) + (SELECT count(*) FROM partner)"
		" + (SELECT count(*) FROM project) + (SELECT count(*) FROM project_status)"
		" + (SELECT count(*) FROM activity) + (SELECT count(*) FROM attendance)"
		" + (SELECT count(*) FROM feedback) + (SELECT count(*) FROM achievement)"
		" + (SELECT count(*) FROM expenditure) + (SELECT count(*) FROM wp_item)";
	sqlite3_stmt *s;
	long long n = -1;
	if (sqlite3_prepare_v2(st.db, sql, -1, &s, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Opens the in-memory store and imports the good fixtures once. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	actip_err err = {{0}};
	if (store_open(&st, ":memory:", 0, &err) < 0) {
		fprintf(stderr, "fuzz_csv: %s\n", err.msg);
		abort();
	}
	const char *paths[] = {FUZZ_SEED_DIR};
	import_opts o = {.paths = paths, .npaths = 1, .quiet = true, .summary = stdout, .max_errors = 10};
	diag_list diag;
	diag_init(&diag, 10, 10);
	if (import_run(&st, &o, &diag, &err) < 0) {
		diag_print(&diag, DIAG_ERROR, stderr);
		fprintf(stderr, "fuzz_csv: seeding from %s failed: %s\n", FUZZ_SEED_DIR, err.msg);
		abort();
	}
	diag_free(&diag);
	return 0;
}

/* Imports one input as a dry run. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const template *t = template_table[data[0] % template_count];
	FILE *in = fmemopen((void *)(data + 1), size - 1, "r");
	if (!in) /* glibc refuses a zero-length buffer */
		in = fopen("/dev/null", "r");
	if (!in)
		return 0;
	long long before = stored_rows();
	import_hooks hooks = {.dry_run = true};
	diag_list diag;
	diag_init(&diag, 20, 20);
	actip_err err = {{0}};
	int rc = import_stream_hooked(&st, in, "fuzz.csv", t->name, &hooks, &diag, &err);
	fclose(in);
	if (rc == ACTIP_EINPUT && diag.errors == 0)
		abort(); /* an input error must say what was wrong */
	diag_free(&diag);
	if (!sqlite3_get_autocommit(st.db))
		abort(); /* a transaction left open */
	if (stored_rows() != before)
		abort(); /* a dry run stored something */
	return 0;
}
