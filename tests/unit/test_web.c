/* Unit tests of the web application's pure parts and its account rules: routing,
 * CSRF tokens, session tokens and timeouts, password rules, the lockout, rehashing on
 * sign-in, the one-hash-per-core limit, and the server's limits. Password hashing runs
 * at libsodium's minimum limits through ACTIP_TEST_WEAK_KDF, which only a test build
 * honours; the hash-slot counter exists only in test builds (ACTIP_TEST_HOOKS). */
#include <pthread.h>
#include <setjmp.h>
#include <sodium.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "web/server.h"
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
	web_user admin = {.role = ROLE_ADMIN}, fp = {.role = ROLE_FOCAL_POINT, .body = "SOMTC"},
		 kh = {.role = ROLE_COUNTRY_OFFICER, .country = "KH"}, viewer = {.role = ROLE_VIEWER},
		 nobody = {.role = ROLE_COUNTRY_OFFICER}; /* an officer without a country */
	assert_true(guard_template_allowed(&admin, "projects"));
	assert_true(guard_template_allowed(&fp, "workplan_status"));
	assert_false(guard_template_allowed(&fp, "participants"));
	assert_true(guard_template_allowed(&kh, "participants"));
	assert_false(guard_template_allowed(&kh, "workplan_status"));
	assert_false(guard_template_allowed(&kh, "projects"));
	assert_false(guard_template_allowed(&viewer, "workplan_status"));
	assert_false(guard_template_allowed(&viewer, "activities"));
	/* Every template against every role, both ways (spec/records-api.md): the work plan's
	 * own templates (lines, bodies, plans, meetings ...) are an admin's; a focal point
	 * files status reports and consultation inputs; a country officer activities, their
	 * people, project status and achievements. */
	static const char *const names[] = {"framework", "partners", "projects", "project_status",
		"activities", "participants", "feedback", "achievements", "achievement_figures",
		"expenditure", "published", "settings", "indicators", "indicator_targets",
		"indicator_actuals", "bodies", "focal_points", "plans", "workplan", "workplan_status",
		"meetings", "decisions", "adoption_steps", "consultation_inputs"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *n = names[i];
		bool officer = strcmp(n, "activities") == 0 || strcmp(n, "participants") == 0 ||
			       strcmp(n, "feedback") == 0 || strcmp(n, "project_status") == 0 ||
			       strcmp(n, "achievements") == 0;
		bool focal = strcmp(n, "workplan_status") == 0 || strcmp(n, "consultation_inputs") == 0;
		assert_true(guard_template_allowed(&admin, n));
		assert_int_equal(guard_template_allowed(&fp, n), focal);
		assert_false(guard_template_allowed(&nobody, n));
		assert_int_equal(guard_template_allowed(&kh, n), officer);
		assert_false(guard_template_allowed(&viewer, n));
	}
	assert_false(guard_template_allowed(&fp, NULL));
	assert_false(guard_template_allowed(&kh, NULL));
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
	/* Masked afresh each time (BREACH): different every call, each accepted, none for
	 * another session, none altered. */
	char m1[129], m2[129], m3[129];
	csrf_mask(c1, m1);
	csrf_mask(c1, m2);
	csrf_mask(c2, m3);
	assert_int_equal(strlen(m1), 128);
	assert_string_not_equal(m1, m2);
	assert_null(strstr(m1, c1));
	assert_true(csrf_equal(c1, m1));
	assert_true(csrf_equal(c1, m2));
	assert_false(csrf_equal(c1, m3));
	m1[100] = m1[100] == '0' ? '1' : '0';
	assert_false(csrf_equal(c1, m1));
	/* One differing digit anywhere, the first half as the second, makes it unequal. */
	for (size_t pos = 0; pos < 64; pos++) {
		char other[65];
		memcpy(other, c1, sizeof other);
		other[pos] = other[pos] == '0' ? '1' : '0';
		assert_false(csrf_equal(c1, other));
		other[pos] = c1[pos];
		assert_true(csrf_equal(c1, other));
	}
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
	assert_non_null(auth_password_problem("elevenchars", NULL));
	assert_null(auth_password_problem("twelve chars", NULL));
	assert_null(auth_password_problem("កម្ពុជាប្រទេសស្អាត", NULL)); /* Khmer, as typed */
	char long_pw[200];
	for (int i = 0; i < 128; i++)
		long_pw[i] = "correct horse battery staple "[i % 29];
	long_pw[128] = '\0';
	assert_null(auth_password_problem(long_pw, NULL));
	long_pw[128] = 'y';
	long_pw[129] = '\0';
	assert_non_null(auth_password_problem(long_pw, NULL));
	assert_non_null(auth_password_problem("bad utf8 \xff\xfe here", NULL));
	/* Weak ones of every kind, twelve characters or more: a common password with digits,
	 * a keyboard walk, a word with a year, a digit sequence, repeats; the reason says why. */
	static const char *const weak[] = {"password1234", "PassWord1234", "password12345678", "qwerty1234567",
					   "Welcome2024!", "1234567890123456", "            ", "aaaaaaaaaaaaa"};
	for (size_t i = 0; i < sizeof weak / sizeof weak[0]; i++) {
		const char *why = auth_password_problem(weak[i], NULL);
		assert_non_null(why);
		assert_non_null(strstr(why, "too easy to guess"));
	}
	assert_non_null(strstr(auth_password_problem("1234567890123456", NULL), "sequence"));
	assert_non_null(strstr(auth_password_problem("aaaaaaaaaaaaa", NULL), "repeats"));
	assert_non_null(strstr(auth_password_problem("qwertyuiop[]asdf", NULL), "keyboard"));
	/* The account's own name counts as a known word. */
	assert_null(auth_password_problem("somchaiwattana88", NULL));
	assert_non_null(strstr(auth_password_problem("somchaiwattana88", "somchaiwattana"), "account's name"));
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
	/* What was typed as an unknown name is kept only as a keyed hash; an account's name
	 * as it is. */
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM login_failure WHERE user_name = 'nobody'"), 0);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM login_failure WHERE user_name LIKE '?%'"), 25);
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM login_failure WHERE user_name = 'bo'"), 0); /* cleared */
	assert_int_equal(auth_login(&st, "bo", "wrong password!", "10.0.0.3", t + 3000, &u), AUTH_FAILED);
	assert_string_equal(u.name, "bo");
	assert_int_equal(fx_count(&st, "SELECT count(*) FROM login_failure WHERE user_name = 'bo'"), 1);
	assert_int_equal(auth_login(&st, "right horse battery", "x", "10.0.0.3", t + 3000, &u), AUTH_FAILED);
	assert_string_equal(u.name, "");
	store_close(&st);
}

/* proxy: the public URL, the Host check and the client's address behind trusted
 * proxies (origin.c). */
static void test_proxy(void **state)
{
	(void)state;
	web_config cfg;
	web_config_defaults(&cfg);
	actip_err err;
	assert_int_equal(web_public_url_parse(&cfg, "HTTPS://Actip.Example.org:443/", &err), 0);
	assert_string_equal(cfg.public_origin, "https://actip.example.org");
	assert_true(cfg.public_https);
	assert_true(web_public_url_parse(&cfg, "https://a.example/path", &err) < 0);
	assert_true(web_public_url_parse(&cfg, "https://user@a.example", &err) < 0);
	assert_true(web_public_url_parse(&cfg, "ftp://a.example", &err) < 0);
	assert_int_equal(web_public_url_parse(&cfg, "https://actip.example.org:8443", &err), 0);
	snprintf(cfg.listen_addr, sizeof cfg.listen_addr, "127.0.0.1");
	cfg.listen_port = 8080;
	assert_true(web_host_allowed(&cfg, "actip.example.org:8443"));
	assert_true(web_host_allowed(&cfg, "ACTIP.example.org"));
	assert_true(web_host_allowed(&cfg, "127.0.0.1:8080"));
	assert_true(web_host_allowed(&cfg, "localhost:8080"));
	assert_true(web_host_allowed(&cfg, NULL));
	assert_false(web_host_allowed(&cfg, "evil.example:8443"));
	assert_false(web_host_allowed(&cfg, "actip.example.org.evil.example"));
	assert_false(web_host_allowed(&cfg, "127.0.0.1:8081"));
	char o[300];
	web_expected_origin(&cfg, "127.0.0.1:8080", o, sizeof o);
	assert_string_equal(o, "https://actip.example.org:8443");
	assert_true(route_same_origin("https://actip.example.org:8443", o, false));
	assert_false(route_same_origin("http://actip.example.org:8443", o, false));
	assert_false(route_same_origin("null", o, false));
	assert_true(route_same_origin("null", o, true));
	assert_true(route_same_origin(NULL, o, false));
	snprintf(cfg.trusted[0], sizeof cfg.trusted[0], "127.0.0.1");
	snprintf(cfg.trusted[1], sizeof cfg.trusted[1], "10.0.0.2");
	cfg.ntrusted = 2;
	char a[64];
	web_client_addr(&cfg, "127.0.0.1", "6.6.6.6, 203.0.113.9", NULL, a, sizeof a);
	assert_string_equal(a, "203.0.113.9");
	web_client_addr(&cfg, "127.0.0.1", "203.0.113.9, 10.0.0.2", NULL, a, sizeof a);
	assert_string_equal(a, "203.0.113.9"); /* two proxies */
	web_client_addr(&cfg, "192.0.2.1", "203.0.113.9", NULL, a, sizeof a);
	assert_string_equal(a, "192.0.2.1"); /* not a trusted peer */
	web_client_addr(&cfg, "127.0.0.1", "junk", NULL, a, sizeof a);
	assert_string_equal(a, "127.0.0.1");
	web_client_addr(&cfg, "127.0.0.1", NULL, "for=198.51.100.7;proto=https, for=\"[2001:db8::1]:4711\"", a, sizeof a);
	assert_string_equal(a, "2001:db8::1");
	web_client_addr(&cfg, "127.0.0.1", NULL, "for=198.51.100.7:555", a, sizeof a);
	assert_string_equal(a, "198.51.100.7");
}

/* One thread of test_lockout_race: a wrong guess for "bo" on its own connection. */
typedef struct race_job {
	const char *path;
	time_t t;
	int result;
} race_job;

static void *race_worker(void *arg)
{
	race_job *j = arg;
	store st;
	actip_err err;
	web_user u;
	j->result = -9;
	if (store_open(&st, j->path, STORE_MUST_EXIST, &err) == 0) {
		j->result = auth_login(&st, "bo", "a wrong guess here", "10.1.1.1", j->t, &u);
		store_close(&st);
	}
	return NULL;
}

/* lockout race: 40 parallel wrong guesses check at most 5 passwords (each attempt is
 * counted before its hash is checked); the rest are refused as locked. */
static void test_lockout_race(void **state)
{
	(void)state;
	char path[] = "/tmp/actip-race-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	store st;
	actip_err err;
	assert_int_equal(store_open(&st, path, 0, &err), 0);
	assert_int_equal(auth_user_add(&st, "bo", ROLE_ADMIN, NULL, NULL, "right horse battery", &err), 0);
	store_close(&st);
	enum { N = 40 };
	pthread_t th[N];
	race_job jobs[N];
	int before = auth_test_verifies();
	for (int i = 0; i < N; i++) {
		jobs[i] = (race_job){path, 1700000000, 0};
		assert_int_equal(pthread_create(&th[i], NULL, race_worker, &jobs[i]), 0);
	}
	int failed = 0, locked = 0;
	for (int i = 0; i < N; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_true(jobs[i].result == AUTH_FAILED || jobs[i].result == AUTH_LOCKED);
		failed += jobs[i].result == AUTH_FAILED;
		locked += jobs[i].result == AUTH_LOCKED;
	}
	int checked = auth_test_verifies() - before;
	assert_int_equal(failed, LOCKOUT_FAILURES);
	assert_int_equal(locked, N - LOCKOUT_FAILURES);
	assert_true(checked <= LOCKOUT_FAILURES);
	assert_true(checked > 0);
	static const char *const sfx[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char f[64];
		snprintf(f, sizeof f, "%s%s", path, sfx[i]);
		unlink(f);
	}
}

/* The stored hash of a user, copied into out. */
static void stored_hash(store *st, const char *name, char out[crypto_pwhash_STRBYTES])
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT pw_hash FROM app_user WHERE name = ?1", -1, &s, NULL), 0);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	snprintf(out, crypto_pwhash_STRBYTES, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

/* Replaces the stored hash of a user (as an older release would have left it). */
static void set_hash(store *st, const char *name, const char *hash)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "UPDATE app_user SET pw_hash = ?2 WHERE name = ?1", -1, &s, NULL), 0);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
}

/* rehash on login: a hash made with other limits (or argon2i) is replaced at the next
 * sign-in by one at the current limits, which still verifies the password; a wrong
 * password rehashes nothing; a current hash is kept. */
static void test_rehash_on_login(void **state)
{
	(void)state;
	const char *pw = "an old stored passphrase";
	const unsigned long long ops = crypto_pwhash_OPSLIMIT_MIN; /* the weak test limits */
	const size_t mem = crypto_pwhash_MEMLIMIT_MIN;
	char current[64];
	snprintf(current, sizeof current, "$argon2id$v=19$m=%zu,t=%llu,p=1$", mem / 1024, ops);
	assert_true(auth_weak_kdf());
	store st;
	fx_open(&st);
	actip_err err;
	assert_int_equal(auth_user_add(&st, "dee", ROLE_VIEWER, NULL, NULL, pw, &err), 0);
	char h[crypto_pwhash_STRBYTES], old[crypto_pwhash_STRBYTES];
	stored_hash(&st, "dee", h);
	assert_memory_equal(h, current, strlen(current)); /* added at the current limits */
	web_user u;
	time_t t = 1700000000;
	for (int kind = 0; kind < 2; kind++) {
		/* An argon2id hash at other limits, then an argon2i one (both verify). */
		int made = kind == 0 ? crypto_pwhash_str(old, pw, strlen(pw), ops + 1, mem * 2)
				     : crypto_pwhash_argon2i_str(old, pw, strlen(pw), crypto_pwhash_argon2i_OPSLIMIT_MIN + 2,
								 crypto_pwhash_argon2i_MEMLIMIT_MIN);
		assert_int_equal(made, 0);
		assert_int_not_equal(crypto_pwhash_str_needs_rehash(old, ops, mem), 0);
		set_hash(&st, "dee", old);
		assert_int_equal(auth_login(&st, "dee", "not the passphrase", "10.1.0.1", t++, &u), AUTH_FAILED);
		stored_hash(&st, "dee", h);
		assert_string_equal(h, old);
		assert_int_equal(auth_login(&st, "dee", pw, "10.1.0.1", t++, &u), AUTH_OK);
		stored_hash(&st, "dee", h);
		assert_string_not_equal(h, old);
		assert_memory_equal(h, current, strlen(current));
		assert_int_equal(crypto_pwhash_str_needs_rehash(h, ops, mem), 0);
		assert_int_equal(crypto_pwhash_str_verify(h, pw, strlen(pw)), 0);
		/* The password still signs in, and a current hash is not replaced. */
		char again[crypto_pwhash_STRBYTES];
		assert_int_equal(auth_login(&st, "dee", pw, "10.1.0.1", t++, &u), AUTH_OK);
		stored_hash(&st, "dee", again);
		assert_string_equal(again, h);
	}
	store_close(&st);
}

/* One thread of test_hash_slots: hashes, or signs in as unknown users (which verifies
 * against the dummy hash), ops times; counts failures in bad. */
typedef struct slot_job {
	int idx, ops;
	bool verify;
	int bad;
} slot_job;

/* Runs a slot_job. */
static void *slot_worker(void *arg)
{
	slot_job *j = arg;
	store st;
	actip_err err = {{0}};
	if (j->verify && store_open(&st, ":memory:", 0, &err) < 0) {
		j->bad = j->ops;
		return NULL;
	}
	for (int i = 0; i < j->ops; i++) {
		if (!j->verify) {
			char out[crypto_pwhash_STRBYTES];
			j->bad += auth_hash_password("a long test passphrase", out, &err) != 0;
		} else {
			char name[32], addr[32];
			web_user u;
			snprintf(name, sizeof name, "nobody-%d-%d", j->idx, i);
			snprintf(addr, sizeof addr, "10.2.%d.%d", j->idx, i);
			j->bad += auth_login(&st, name, "whatever it is", addr, 1700000000, &u) != AUTH_FAILED;
		}
	}
	if (j->verify)
		store_close(&st);
	return NULL;
}

/* one hash per core: more threads than cores hashing (then verifying) at once never
 * hold more slots than there are cores, and do hold that many (so the bound was
 * reached, not merely never approached). Each holder keeps its slot 20 ms longer so that
 * the threads overlap even at the weak test limits. */
static void test_hash_slots(void **state)
{
	(void)state;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (cores < 1)
		cores = 1;
	enum { MAX_THREADS = 64 };
	int n = (int)cores * 2 + 2;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	for (int phase = 0; phase < 2; phase++) {
		pthread_t th[MAX_THREADS];
		slot_job jobs[MAX_THREADS];
		auth_test_slots(20000);
		for (int i = 0; i < n; i++) {
			jobs[i] = (slot_job){i, 3, phase == 1, 0};
			assert_int_equal(pthread_create(&th[i], NULL, slot_worker, &jobs[i]), 0);
		}
		for (int i = 0; i < n; i++) {
			assert_int_equal(pthread_join(th[i], NULL), 0);
			assert_int_equal(jobs[i].bad, 0);
		}
		int peak = auth_test_slot_peak();
		print_message("%s: %d threads, %ld cores, at most %d hashing at once\n", phase ? "verify" : "hash", n,
			      cores, peak);
		assert_true(peak <= cores);
		assert_int_equal(peak, cores);
	}
	auth_test_slots(0);
}

/* server limits: the production defaults (60 s deadline, 15 s idle timeout), and the
 * test-only ACTIP_TEST_DEADLINE_SECS: applied when set and valid, refused when not. */
static void test_server_limits(void **state)
{
	(void)state;
	web_config cfg;
	web_config_defaults(&cfg);
	assert_int_equal(cfg.deadline_secs, 60);
	assert_int_equal(cfg.timeout_secs, 15);
	actip_err err = {{0}};
	unsetenv("ACTIP_TEST_DEADLINE_SECS");
	assert_int_equal(web_config_test_env(&cfg, &err), 0);
	assert_int_equal(cfg.deadline_secs, 60);
	setenv("ACTIP_TEST_DEADLINE_SECS", "3", 1);
	assert_int_equal(web_config_test_env(&cfg, &err), 0);
	assert_int_equal(cfg.deadline_secs, 3);
	static const char *const bad[] = {"0", "-1", "3600000", "four", "4 s"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		setenv("ACTIP_TEST_DEADLINE_SECS", bad[i], 1);
		assert_true(web_config_test_env(&cfg, &err) < 0);
		assert_non_null(strstr(err.msg, "ACTIP_TEST_DEADLINE_SECS"));
	}
	unsetenv("ACTIP_TEST_DEADLINE_SECS");
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
		cmocka_unit_test(test_lockout_race), cmocka_unit_test(test_proxy), cmocka_unit_test(test_rehash_on_login), cmocka_unit_test(test_hash_slots),
		cmocka_unit_test(test_server_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
