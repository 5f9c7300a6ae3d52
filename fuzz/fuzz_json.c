/* Fuzz target: JSON API bodies through the real handlers of the JSON API. The first
 * byte picks the route (create, edit, participants, feedback of an activity) and the
 * role (admin or Cambodia's country officer); the rest is the body. Each run starts
 * from the same in-memory database (the good fixtures, serialised once and restored
 * with sqlite3_deserialize), so runs are independent and replayable. Invariants: no
 * crash or sanitizer report; the answer is a known status with a JSON body; no
 * transaction left open; a refused write (not 200) changes no stored row. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "import/import.h"
#include "web/api.h"
#include "web/guard.h"
#include "web/web.h"

static store st;
static unsigned char *image;
static sqlite3_int64 image_len;

/* Opens the store, imports the fixtures and keeps a serialised image of it. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	actip_err err = {{0}};
	const char *paths[] = {FUZZ_SEED_DIR};
	import_opts o = {.paths = paths, .npaths = 1, .quiet = true, .summary = stdout, .max_errors = 10};
	diag_list diag;
	diag_init(&diag, 10, 10);
	if (store_open(&st, ":memory:", 0, &err) < 0 || import_run(&st, &o, &diag, &err) < 0 ||
	    guard_install(&st, &err) < 0) {
		fprintf(stderr, "fuzz_json: setup failed: %s\n", err.msg);
		abort();
	}
	diag_free(&diag);
	image = sqlite3_serialize(st.db, "main", &image_len, 0);
	if (!image)
		abort();
	return 0;
}

/* Puts the database back to the seeded image. */
static void reset(void)
{
	unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)image_len);
	if (!copy)
		abort();
	memcpy(copy, image, (size_t)image_len);
	if (sqlite3_deserialize(st.db, "main", copy, image_len, image_len,
				SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
		abort();
}

/* A digest of the stored records: the number of rows of the tables a write changes. */
static long long stored_rows(void)
{
	sqlite3_stmt *s;
	long long n = -1;
	if (sqlite3_prepare_v2(st.db,
			       "SELECT (SELECT count(*) FROM activity) * 1000000 + (SELECT count(*) FROM attendance) * 1000"
			       " + (SELECT count(*) FROM feedback) + (SELECT total(length(title)) FROM activity)",
			       -1, &s, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Runs one body through one handler. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		const char *method, *path;
	} routes[] = {
		{"POST", "/api/v1/activities"},
		{"PUT", "/api/v1/activities/KH-1"},
		{"PUT", "/api/v1/activities/KH-1/participants"},
		{"PUT", "/api/v1/activities/KH-1/feedback"},
	};
	if (size < 1)
		return 0;
	reset();
	web_config cfg = {.db_path = ":memory:", .body_limit = 1 << 20};
	web_req rq;
	memset(&rq, 0, sizeof rq);
	rq.cfg = &cfg;
	rq.method = routes[data[0] % 4].method;
	rq.path = routes[data[0] % 4].path;
	rq.content_type = "application/json";
	rq.st = &st;
	rq.now = 1700000000;
	rq.authed = true;
	snprintf(rq.addr, sizeof rq.addr, "127.0.0.1");
	if (data[0] & 4) {
		rq.user = (web_user){.id = 2, .name = "kh", .role = ROLE_COUNTRY_OFFICER, .country = "KH"};
	} else {
		rq.user = (web_user){.id = 1, .name = "admin", .role = ROLE_ADMIN};
	}
	char *body = malloc(size);
	if (!body)
		return 0;
	memcpy(body, data + 1, size - 1);
	body[size - 1] = '\0';
	rq.body = body;
	rq.body_len = size - 1;
	if (strlen(body) != rq.body_len) { /* the server refuses a NUL in a body before here */
		free(body);
		return 0;
	}
	int status = 0;
	const web_route *rt = route_match(api_routes, rq.method, rq.path, rq.params, &rq.nparams, &status);
	if (!rt)
		abort();
	web_resp rs;
	memset(&rs, 0, sizeof rs);
	rs.status = 200;
	rs.out = open_memstream(&rs.buf, &rs.len);
	if (!rs.out)
		abort();
	long long before = stored_rows();
	rt->handler(&rq, &rs);
	fclose(rs.out);
	if (!sqlite3_get_autocommit(st.db))
		abort();
	if (rs.status != 200 && stored_rows() != before)
		abort();
	static const int known[] = {200, 400, 403, 404, 409, 413, 415, 422, 500};
	bool ok = false;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		ok = ok || rs.status == known[i];
	json_error_t je;
	json_t *answer = json_loadb(rs.buf, rs.len, 0, &je);
	if (!ok || !answer)
		abort();
	json_decref(answer);
	free(rs.buf);
	route_free_params(rq.params, rq.nparams);
	free(body);
	return 0;
}
