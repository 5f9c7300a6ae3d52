/* Unit tests of the web application's pure parts and its account rules: routing,
 * CSRF tokens, session tokens and timeouts, password rules and the lockout. Password
 * hashing runs at libsodium's minimum limits through ACTIP_TEST_WEAK_KDF, which only a
 * test build honours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "fixture.h"
#include "web/session.h"
#include "web/web.h"
#include "web/wpweb.h"
#include "web/guard.h"

/* A handler that does nothing. */
static void nop(web_req *rq, web_resp *rs)
{
	(void)rq;
	(void)rs;
}

static const web_route table[] = {
	{"GET", "/activities", nop, 0},
	{"GET", "/activities/new", nop, 0},
	{"GET", "/activities/{}", nop, 0},
	{"PUT", "/activities/{}/participants", nop, R_WRITE},
	{NULL, NULL, NULL, 0},
};

/* routing: exact paths, captures, 404 and 405. */
static void test_routing(void **state)
{
	(void)state;
	char *p[WEB_MAX_PARAMS];
	int n, status;
	const web_route *r = route_match(table, "GET", "/activities", p, &n, &status);
	assert_non_null(r);
	assert_int_equal(n, 0);
	r = route_match(table, "GET", "/activities/new", p, &n, &status);
	assert_string_equal(r->pattern, "/activities/new");
	r = route_match(table, "GET", "/activities/KH-2021-001", p, &n, &status);
	assert_string_equal(r->pattern, "/activities/{}");
	assert_int_equal(n, 1);
	assert_string_equal(p[0], "KH-2021-001");
	route_free_params(p, n);
	r = route_match(table, "PUT", "/activities/X1/participants", p, &n, &status);
	assert_non_null(r);
	assert_true(r->flags & R_WRITE);
	assert_string_equal(p[0], "X1");
	route_free_params(p, n);
	assert_null(route_match(table, "DELETE", "/activities/X1", p, &n, &status));
	assert_int_equal(status, 405);
	assert_null(route_match(table, "GET", "/nothing", p, &n, &status));
	assert_int_equal(status, 404);
	assert_null(route_match(table, "GET", "/activities/", p, &n, &status)); /* empty segment */
	assert_null(route_match(table, "GET", "/activities/a/b", p, &n, &status));
	assert_null(route_match(table, "GET", "/activities/\xff", p, &n, &status)); /* bad UTF-8 */
}

/* routing: the work-plan status route of the real table has three captures and needs a
 * filer's role and the CSRF check. */
static void test_routing_workplan(void **state)
{
	(void)state;
	char *p[WEB_MAX_PARAMS];
	int n, status;
	const web_route *r = route_match(api_workplan_routes, "PUT",
					 "/api/v1/workplan/BOHOL-2017-2020/lines/BTWP-01/status/2020-H2", p, &n, &status);
	assert_non_null(r);
	assert_int_equal(n, 3);
	assert_string_equal(p[0], "BOHOL-2017-2020");
	assert_string_equal(p[1], "BTWP-01");
	assert_string_equal(p[2], "2020-H2");
	assert_int_equal(r->flags, R_WRITE | R_FILER);
	route_free_params(p, n);
	assert_null(route_match(api_workplan_routes, "POST", "/api/v1/workplan/X/lines/Y/status/2020-H2", p, &n,
				&status));
	assert_int_equal(status, 405);
	r = route_match(api_workplan_routes, "POST", "/api/v1/workplan/X/periods/2020-H2", p, &n, &status);
	assert_non_null(r);
	assert_true(r->flags & R_ADMIN);
	route_free_params(p, n);
}

/* guard: which templates each role may send at all. */
static void test_template_roles(void **state)
{
	(void)state;
	web_user admin = {.role = ROLE_ADMIN}, fp = {.role = ROLE_FOCAL_POINT}, kh = {.role = ROLE_COUNTRY_OFFICER},
		 viewer = {.role = ROLE_VIEWER};
	assert_true(guard_template_allowed(&admin, "projects"));
	assert_true(guard_template_allowed(&fp, "workplan_status"));
	assert_false(guard_template_allowed(&fp, "participants"));
	assert_true(guard_template_allowed(&kh, "participants"));
	assert_false(guard_template_allowed(&kh, "workplan_status"));
	assert_false(guard_template_allowed(&kh, "projects"));
	assert_false(guard_template_allowed(&viewer, "workplan_status"));
	assert_false(guard_template_allowed(&viewer, "activities"));
}

/* routing: percent-decoding of form fields. */
static void test_url_decode(void **state)
{
	(void)state;
	char a[] = "a%20b+c%C3%A9";
	assert_int_equal(route_url_decode(a, true), 0);
	assert_string_equal(a, "a b c\xc3\xa9");
	char b[] = "x%2";
	assert_int_equal(route_url_decode(b, true), -1);
	char c[] = "nul%00";
	assert_int_equal(route_url_decode(c, true), -1);
}

/* CSRF: derived per session, equal only to itself. */
static void test_csrf(void **state)
{
	(void)state;
	char tok1[65], tok2[65], c1[65], c2[65];
	uint8_t h[32];
	session_new_token(tok1, h);
	session_new_token(tok2, h);
	csrf_token(tok1, c1);
	csrf_token(tok2, c2);
	assert_int_equal(strlen(c1), 64);
	assert_string_not_equal(c1, c2);
	assert_string_not_equal(c1, tok1);
	assert_true(csrf_equal(c1, c1));
	assert_false(csrf_equal(c1, c2));
	assert_false(csrf_equal(c1, NULL));
	assert_false(csrf_equal(c1, ""));
	char shorter[64];
	memcpy(shorter, c1, 63);
	shorter[63] = '\0';
	assert_false(csrf_equal(c1, shorter));
}

/* sessions: tokens are 256-bit hex, stored hashed, and expire idle or absolute. */
static void test_sessions(void **state)
{
	(void)state;
	store st;
	fx_open(&st);
	actip_err err;
	assert_int_equal(auth_user_add(&st, "ann", ROLE_VIEWER, NULL, NULL, "a long enough passphrase", &err), 0);
	char tok[65];
	time_t t0 = 1700000000;
	assert_int_equal(session_create(&st, 1, t0, tok, &err), 0);
	assert_int_equal(strlen(tok), 64);
	/* The database holds the hash, not the token. */
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st.db, "SELECT count(*) FROM app_session WHERE token_hash = ?1", -1, &s, NULL), 0);
	sqlite3_bind_text(s, 1, tok, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	sqlite3_finalize(s);
	web_user u;
	uint8_t h[32];
	assert_int_equal(session_lookup(&st, tok, t0 + 60, &u, h), 1);
	assert_string_equal(u.name, "ann");
	assert_int_equal(session_lookup(&st, "nothex", t0, &u, h), 0);
	/* Used every 29 minutes it lives, until 12 hours in all. */
	time_t t = t0;
	for (int i = 0; i < 24; i++) {
		t += 29 * 60;
		assert_int_equal(session_lookup(&st, tok, t, &u, h), 1);
	}
	t += 29 * 60; /* past 12 h */
	assert_int_equal(session_lookup(&st, tok, t, &u, h), 0);
	/* Idle for 31 minutes: gone, and deleted. */
	assert_int_equal(session_create(&st, 1, t0, tok, &err), 0);
	assert_int_equal(session_lookup(&st, tok, t0 + 31 * 60, &u, h), 0);
	assert_int_equal(session_lookup(&st, tok, t0 + 60, &u, h), 0);
	/* Disabling the user ends the session. */
	assert_int_equal(session_create(&st, 1, t0, tok, &err), 0);
	assert_int_equal(auth_user_disable(&st, "ann", &err), 0);
	assert_int_equal(session_lookup(&st, tok, t0 + 1, &u, h), 0);
	store_close(&st);
}

/* password rules: 12..128 characters as typed, common ones refused. */
static void test_password_rules(void **state)
{
	(void)state;
	assert_non_null(auth_password_problem("elevenchars"));
	assert_null(auth_password_problem("twelve chars"));
	assert_null(auth_password_problem("ញ៉ែញ៉ែញ៉ែញ៉ែ")); /* 12 Khmer code points */
	char long_pw[200];
	memset(long_pw, 'x', 128);
	long_pw[128] = '\0';
	assert_null(auth_password_problem(long_pw));
	long_pw[128] = 'y';
	long_pw[129] = '\0';
	assert_non_null(auth_password_problem(long_pw));
	assert_non_null(auth_password_problem("password1234"));
	assert_non_null(auth_password_problem("PassWord1234")); /* case does not help */
	assert_non_null(auth_password_problem("bad utf8 \xff\xfe here"));
}

/* lockout: 5 failures lock the account, even for the right password, and only it. */
static void test_lockout(void **state)
{
	(void)state;
	store st;
	fx_open(&st);
	actip_err err;
	assert_int_equal(auth_user_add(&st, "bo", ROLE_ADMIN, NULL, NULL, "right horse battery", &err), 0);
	assert_int_equal(auth_user_add(&st, "cy", ROLE_ADMIN, NULL, NULL, "right horse battery", &err), 0);
	web_user u;
	time_t t = 1700000000;
	assert_int_equal(auth_login(&st, "bo", "right horse battery", "10.0.0.1", t, &u), AUTH_OK);
	for (int i = 0; i < 5; i++)
		assert_int_equal(auth_login(&st, "bo", "wrong password!", "10.0.0.1", t + i, &u), AUTH_FAILED);
	assert_int_equal(auth_login(&st, "bo", "right horse battery", "10.0.0.2", t + 10, &u), AUTH_LOCKED);
	assert_int_equal(auth_login(&st, "cy", "right horse battery", "10.0.0.2", t + 10, &u), AUTH_OK);
	/* 15 minutes after the last failure the account opens again. */
	assert_int_equal(auth_login(&st, "bo", "right horse battery", "10.0.0.2", t + 4 + 15 * 60 + 1, &u), AUTH_OK);
	/* Unknown users fail the same way and lock the same way. */
	for (int i = 0; i < 6; i++)
		assert_int_equal(auth_login(&st, "nobody", "whatever it is", "10.9.9.8", t + 2000 + i, &u),
				 i < 5 ? AUTH_FAILED : AUTH_LOCKED);
	/* An address with 20 failures (over any names) is throttled for every name. */
	char name[16];
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "n%d", i);
		assert_int_equal(auth_login(&st, name, "whatever it is", "10.9.9.9", t + 2000 + i, &u), AUTH_FAILED);
	}
	assert_int_equal(auth_login(&st, "cy", "right horse battery", "10.9.9.9", t + 2100, &u), AUTH_LOCKED);
	assert_int_equal(auth_login(&st, "cy", "right horse battery", "10.9.9.7", t + 2100, &u), AUTH_OK);
	store_close(&st);
}

/* main: sets the weak test limits before libsodium starts. */
int main(void)
{
	setenv("ACTIP_TEST_WEAK_KDF", "1", 1);
	actip_err err;
	if (auth_init(&err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routing),  cmocka_unit_test(test_url_decode),
		cmocka_unit_test(test_routing_workplan), cmocka_unit_test(test_template_roles),
		cmocka_unit_test(test_csrf),     cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_password_rules), cmocka_unit_test(test_lockout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
