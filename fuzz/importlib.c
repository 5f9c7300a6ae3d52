/* The shared part of the importer's fuzz targets (design in importlib.h). */
#include "importlib.h"

#include <stdio.h>
#include <stdlib.h>

#include "import/import.h"

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
void fuzz_import_init(const char *who)
{
	actip_err err = {{0}};
	if (store_open(&st, ":memory:", 0, &err) < 0) {
		fprintf(stderr, "%s: %s\n", who, err.msg);
		abort();
	}
	const char *paths[] = {FUZZ_SEED_DIR};
	import_opts o = {.paths = paths, .npaths = 1, .quiet = true, .summary = stdout, .max_errors = 10};
	diag_list diag;
	diag_init(&diag, 10, 10);
	if (import_run(&st, &o, &diag, &err) < 0) {
		diag_print(&diag, DIAG_ERROR, stderr);
		fprintf(stderr, "%s: seeding from %s failed: %s\n", who, FUZZ_SEED_DIR, err.msg);
		abort();
	}
	diag_free(&diag);
}

/* Imports one input as a dry run and checks the invariants. */
void fuzz_import_one(const uint8_t *data, size_t size, const char *template_name,
		     const char *label)
{
	FILE *in = size ? fmemopen((void *)data, size, "r") : NULL;
	if (!in) /* glibc refuses a zero-length buffer */
		in = fopen("/dev/null", "r");
	if (!in)
		return;
	long long before = stored_rows();
	import_hooks hooks = {.dry_run = true};
	diag_list diag;
	diag_init(&diag, 20, 20);
	actip_err err = {{0}};
	int rc = import_stream_hooked(&st, in, label, template_name, &hooks, &diag, &err);
	fclose(in);
	free(hooks.replaced_detail);
	if (rc == ACTIP_EINPUT && diag.errors == 0)
		abort(); /* an input error must say what was wrong */
	diag_free(&diag);
	if (!sqlite3_get_autocommit(st.db))
		abort(); /* a transaction left open */
	if (stored_rows() != before)
		abort(); /* a dry run stored something */
}
