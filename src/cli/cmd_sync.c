/* `actip sync`: an offline instance (a laptop, a national office) kept in step with a
 * server (docs/sync.md). clone makes the instance from what an account may read; a bare
 * `actip sync` pushes the local changes and pulls the others' over HTTP(S) (the module
 * actip-http, cli/http.h; plain HTTP only to a server on loopback); export and apply
 * carry the same changes as an authenticated file; conflicts lists what needs a person
 * and resolve settles it. The records work is in web/sync*.c, shared with the server's
 * routes. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/http.h"
#include "core/module.h"
#include "core/text.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/session.h"
#include "web/sync.h"
#include "web/write.h"

#include <sodium.h>

enum { PUSH_BATCH = 200 };

/* Reads one line from standard input as the password. */
static int read_password(char *buf, size_t size)
{
	if (!fgets(buf, (int)size, stdin))
		return -1;
	size_t n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return n ? 0 : -1;
}

/* ---- HTTP ---------------------------------------------------------------------- */

typedef struct client {
	const http_api *http;
	http_conn *c;
	char base[512];
	char csrf[160];
	char people[65];
	size_t len;                   /* the last answer's size in bytes */
} client;

/* The HTTP transport, opened once (core/module.h); NULL with err when it cannot be. */
static const http_api *http_load(actip_err *err)
{
	static const http_api *api;
	if (!api) {
		char why[2 * PATH_MAX + 200];
		api = module_symbol("actip-http.so", ".", HTTP_SYMBOL_NAME, why, sizeof why);
		if (!api)
			err_set(err, ACTIP_ERR, "cannot load the HTTP client (%s)", why);
	}
	return api;
}

/* Is the server's URL acceptable: https://, or http:// to a loopback address? */
static int check_url(const char *url, actip_err *err)
{
	if (strncasecmp(url, "https://", 8) == 0)
		return ACTIP_OK;
	if (strncasecmp(url, "http://", 7) == 0) {
		char host[300];
		snprintf(host, sizeof host, "%s", url + 7);
		host[strcspn(host, "/?#")] = '\0';
		if (strchr(host, '@'))
			return err_set(err, ACTIP_EINPUT, "%s: no user or password in the server's URL", url);
		char *colon = host[0] == '[' ? strchr(host, ']') : strchr(host, ':');
		if (colon && host[0] == '[')
			colon[1] = '\0';
		else if (colon)
			*colon = '\0';
		if (strcmp(host, "127.0.0.1") == 0 || strcasecmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
			return ACTIP_OK;
		return err_set(err, ACTIP_EINPUT, "%s: plain HTTP only to a server on this machine (127.0.0.1); use https://",
			       url);
	}
	return err_set(err, ACTIP_EINPUT, "%s: the server's URL starts with https:// (or http://127.0.0.1)", url);
}

/* One request; the answer's JSON into *out (NULL when not JSON). Returns the HTTP status,
 * or -1 with err when the server cannot be reached. */
static long request(client *cl, const char *method, const char *path, json_t *body, json_t **out, actip_err *err)
{
	char url[1024];
	snprintf(url, sizeof url, "%s%s", cl->base, path);
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	char csrf[200], people[100];
	snprintf(csrf, sizeof csrf, "X-CSRF-Token: %s", cl->csrf);
	snprintf(people, sizeof people, "X-Actip-People: %s", cl->people);
	const char *headers[5] = {"Accept: application/json"};
	int nh = 1;
	if (text)
		headers[nh++] = "Content-Type: application/json";
	if (cl->csrf[0])
		headers[nh++] = csrf;
	headers[nh++] = people;
	char *answer, reason[1200];
	long status = cl->http->request(cl->c, method, url, headers, text, &answer, &cl->len, reason,
					sizeof reason);
	free(text);
	*out = NULL;
	if (status < 0)
		return err_set(err, ACTIP_EIO, "%s", reason), -1;
	if (answer)
		*out = json_loadb(answer, cl->len, 0, NULL);
	free(answer);
	return status;
}

/* The server's message of a failed answer. */
static const char *why(json_t *o)
{
	const char *m = json_string_value(json_object_get(o, "error"));
	return m ? m : "no explanation";
}

/* Connects and signs in. */
static int client_open(client *cl, const char *url, const char *user, const char *pw, const char *people,
		       actip_err *err)
{
	memset(cl, 0, sizeof *cl);
	if (check_url(url, err) < 0)
		return ACTIP_ERR;
	snprintf(cl->base, sizeof cl->base, "%s", url);
	size_t n = strlen(cl->base);
	while (n && cl->base[n - 1] == '/')
		cl->base[--n] = '\0';
	snprintf(cl->people, sizeof cl->people, "%s", people);
	cl->http = http_load(err);
	if (!cl->http)
		return ACTIP_ERR;
	char reason[300];
	cl->c = cl->http->open(getenv("ACTIP_SYNC_CA"), reason, sizeof reason);
	if (!cl->c)
		return err_set(err, ACTIP_ERR, "%s", reason);
	json_t *body = json_pack("{ssss}", "user", user, "password", pw), *o;
	long st = request(cl, "POST", "/api/v1/session", body, &o, err);
	json_decref(body);
	if (st < 0)
		return ACTIP_ERR;
	if (st != 200) {
		err_set(err, ACTIP_EINPUT, "%s: signing in as '%s' failed (%ld): %s", cl->base, user, st, why(o));
		json_decref(o);
		return ACTIP_ERR;
	}
	snprintf(cl->csrf, sizeof cl->csrf, "%s", json_string_value(json_object_get(o, "csrf")) ?: "");
	json_decref(o);
	return ACTIP_OK;
}

static void client_close(client *cl)
{
	if (cl->c)
		cl->http->close(cl->c);
	memset(cl, 0, sizeof *cl);
}

/* ---- the client's work ------------------------------------------------------------- */

/* The local request of an instance: its account with the admin's reach on its own copy
 * (it holds what the server sent, whoever's records they are). */
static int local_req(web_req *rq, store *st, const char *account, actip_err *err)
{
	web_user u = {.id = 0, .role = ROLE_ADMIN};
	snprintf(u.name, sizeof u.name, "%s", account);
	if (sync_local_req(rq, st, &u, err) < 0)
		return ACTIP_ERR;
	/* what is deleted or overwritten here (names withdrawn) is zeroed on disk */
	if (sqlite3_exec(st->db, "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, "setting secure_delete", err);
	return ACTIP_OK;
}

/* Pushes the local changes in batches; each answer is recorded. */
static int push(client *cl, web_req *rq, json_t *pushed, long *applied, long *refused, actip_err *err)
{
	json_t *items = sync_local_changes(rq);
	if (!items)
		return store_error(rq->st, "reading the local changes", err);
	size_t total = json_array_size(items);
	for (size_t from = 0; from < total; from += PUSH_BATCH) {
		json_t *batch = json_array();
		for (size_t i = from; i < total && i < from + PUSH_BATCH; i++)
			json_array_append(batch, json_array_get(items, i));
		json_t *body = json_pack("{so}", "items", batch), *o;
		long st = request(cl, "POST", "/api/v1/sync/push", body, &o, err);
		json_decref(body);
		json_t *results = json_object_get(o, "results");
		if (st != 200 || !json_is_array(results)) {
			if (st >= 0)
				err_set(err, ACTIP_ERR, "the server refused the push (%ld): %s", st, why(o));
			json_decref(o);
			json_decref(items);
			return ACTIP_ERR;
		}
		for (size_t i = 0; i < json_array_size(results) && from + i < total; i++) {
			json_t *item = json_array_get(items, from + i), *res = json_array_get(results, i);
			int status = (int)json_integer_value(json_object_get(res, "status"));
			const char *message = json_string_value(json_object_get(res, "message"));
			if (status >= 500 || status == 0) { /* the server failed: nothing is settled, try again later */
				err_set(err, ACTIP_ERR, "the server could not apply a change (%d): %s; run the sync again later",
					status, message ? message : "no explanation");
				json_decref(o);
				json_decref(items);
				return ACTIP_ERR;
			}
			const char *kind = json_string_value(json_object_get(item, "kind"));
			char rkey[300], k[400];
			json_t *key = json_object_get(item, "key");
			size_t used = 0;
			rkey[0] = '\0';
			for (size_t j = 0; j < json_array_size(key) && used < sizeof rkey; j++) {
				const char *v = json_string_value(json_array_get(key, j));
				int w = snprintf(rkey + used, sizeof rkey - used, "%s%s", j ? "/" : "", v ? v : "");
				if (w > 0)
					used += (size_t)w;
			}
			snprintf(k, sizeof k, "%s/%s", kind ? kind : "", rkey);
			json_object_set_new(pushed, k, json_true());
			if (status == 200) {
				(*applied)++;
			} else {
				(*refused)++;
				fprintf(stderr, "actip: %s %s: %s (%d)\n", kind ? kind : "", rkey, message ? message : "", status);
			}
			if (sync_after_push(rq, item, res) < 0) {
				json_decref(o);
				json_decref(items);
				return store_error(rq->st, "recording the push", err);
			}
		}
		json_decref(o);
	}
	json_decref(items);
	return ACTIP_OK;
}

/* Applies a pull's answer or a return bundle's content ({"cursor", "full", "records",
 * "gone"}, or "unchanged") and stores its cursor as the epoch agreed up to, all in one
 * transaction: interrupted, nothing of it is kept and the next pull brings it again. */
static int pull_take(web_req *rq, json_t *o, json_t *pushed, sync_tally *n, actip_err *err)
{
	memset(n, 0, sizeof *n);
	json_t *records = json_object_get(o, "records");
	json_t *gone = json_is_true(json_object_get(o, "full")) ? NULL : json_object_get(o, "gone");
	char now[32];
	snprintf(now, sizeof now, "%lld", (long long)json_integer_value(json_object_get(o, "cursor")));
	rq->st->origin = "sync";
	int rc = store_batch_begin(rq->st, err);
	rq->st->origin = NULL;
	if (rc < 0)
		return ACTIP_ERR;
	bool ok = !json_is_array(records) ||
		  sync_pull_apply(rq, records, json_is_array(gone) ? gone : NULL, pushed, n, err) == 0;
	const char *token = json_string_value(json_object_get(o, "token"));
	if (ok && (sync_state_put(rq->st, "since", now) < 0 || sync_state_put(rq->st, "since_token", token ? token : "") < 0))
		ok = store_error(rq->st, "storing the cursor", err) == 0;
	if (store_batch_end(rq->st, ok, err) < 0)
		return ACTIP_ERR;
	/* withdrawn names: no copy left in the write-ahead log either (secure_delete, set
	 * by local_req, zeroed them in the database's pages) */
	if (n->withdrawn)
		sqlite3_exec(rq->st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	return ACTIP_OK;
}

/* The summary's line of withdrawn records, when there are any. */
static void print_withdrawn(const sync_tally *n)
{
	if (n->withdrawn)
		printf("%ld records no longer readable in full by this account were stripped of the people's names"
		       " in this copy (the server keeps them)\n", n->withdrawn);
}

/* What to do when the server lost the history this copy agreed with (docs/sync.md). */
#define HISTORY_LOST_ADVICE \
	"; nothing was changed here: keep this copy's unsent changes with `actip sync export --db %s -o FILE`," \
	" make a new copy with `actip sync clone`, and have the server's admin apply FILE with `actip sync apply`" \
	" (what was changed on both sides is listed as a conflict, nothing is lost)"

/* Before anything is sent: does the server still hold the epoch this copy agreed up to
 * (not when it was restored from an older backup since)? 0, or -1 with err saying what
 * to do. */
static int history_check(client *cl, web_req *rq, const char *db, actip_err *err)
{
	char since[32] = "", token[40] = "", path[160];
	sync_state_get(rq->st, "since", since, sizeof since);
	sync_state_get(rq->st, "since_token", token, sizeof token);
	if (!since[0] || !token[0])
		return ACTIP_OK;
	snprintf(path, sizeof path, "/api/v1/sync/state?since=%s&token=%s", since, token);
	json_t *o;
	long st = request(cl, "GET", path, NULL, &o, err);
	if (st < 0)
		return ACTIP_ERR;
	int rc = ACTIP_OK;
	if (st == 409 && json_is_string(json_object_get(o, "history")))
		rc = err_set(err, ACTIP_ERR, "%s: %s" HISTORY_LOST_ADVICE, cl->base, why(o), db);
	else if (st != 200)
		rc = err_set(err, ACTIP_ERR, "%s: the server refused (%ld): %s", cl->base, st, why(o));
	json_decref(o);
	return rc;
}

/* Pulls what changed on the server since the epoch agreed (everything when fresh). */
static int pull(client *cl, web_req *rq, json_t *pushed, bool fresh, sync_tally *n, long *bytes,
		actip_err *err)
{
	char since[32] = "", token[40] = "", path[160];
	if (!fresh) {
		sync_state_get(rq->st, "since", since, sizeof since);
		sync_state_get(rq->st, "since_token", token, sizeof token);
	}
	snprintf(path, sizeof path, "/api/v1/sync/pull%s%s%s%s", since[0] ? "?since=" : "", since,
		 since[0] && token[0] ? "&token=" : "", since[0] ? token : "");
	json_t *o;
	long st = request(cl, "GET", path, NULL, &o, err);
	if (st < 0)
		return ACTIP_ERR;
	*bytes = (long)cl->len;
	if (st != 200 || !json_is_integer(json_object_get(o, "cursor"))) {
		err_set(err, ACTIP_ERR, "the server refused the pull (%ld): %s", st, why(o));
		json_decref(o);
		return ACTIP_ERR;
	}
	int rc = pull_take(rq, o, pushed, n, err);
	json_decref(o);
	return rc;
}

/* Loads an account of this instance; an unknown, disabled or unreadable one is an error
 * naming where it came from (what: "the account", "the bundle's account"). */
static int account_here(store *st, const char *where, const char *what, const char *account, web_user *u,
			actip_err *err)
{
	bool disabled = false;
	int found = auth_user_load(st, 0, account, u, &disabled);
	if (found > 0 && !disabled)
		return ACTIP_OK;
	return err_set(err, ACTIP_EINPUT, "%s: %s '%s' is %s here", where, what, account ? account : "",
		       found < 0 ? "unreadable" : disabled ? "disabled" : "unknown");
}

/* Removes a database file and its companions (-wal, -shm), where they exist. */
static void remove_db(const char *path)
{
	static const char *const tails[] = {"", "-wal", "-shm"};
	for (int i = 0; i < 3; i++) {
		char p[PATH_MAX + 8];
		snprintf(p, sizeof p, "%s%s", path, tails[i]);
		unlink(p);
	}
}

/* `actip sync clone`. */
static int do_clone(const char *db, const char *server, const char *user, const char *key_path)
{
	actip_err err = {{0}};
	struct stat sb;
	if (stat(db, &sb) == 0) {
		fprintf(stderr, "actip: %s exists already; clone makes a new instance (use `actip sync --db %s`)\n", db, db);
		return EXIT_USAGE;
	}
	char pw[200], part[PATH_MAX];
	if (read_password(pw, sizeof pw) < 0) {
		fprintf(stderr, "actip: give the account's password on standard input\n");
		return EXIT_USAGE;
	}
	/* made under another name and renamed when whole: an interrupted clone leaves no
	 * file at db, and the next clone starts again (the part left is removed first) */
	if ((size_t)snprintf(part, sizeof part, "%s.clone-part", db) >= sizeof part) {
		fprintf(stderr, "actip: %s: the path is too long\n", db);
		return EXIT_USAGE;
	}
	remove_db(part);
	client cl;
	store st = {0};
	web_req rq;
	int rc = EXIT_FAILURE_;
	if (client_open(&cl, server, user, pw, "", &err) < 0)
		goto out;
	json_t *state;
	long s = request(&cl, "GET", "/api/v1/sync/state", NULL, &state, &err);
	if (s != 200) {
		if (s > 0)
			err_set(&err, ACTIP_ERR, "%s: the server does not offer sync (%ld): %s", server, s, why(state));
		json_decref(state);
		goto out;
	}
	const char *people = json_string_value(json_object_get(state, "people"));
	if (people && *people && !key_path) {
		err_set(&err, ACTIP_ERR,
			"%s keeps people pseudonymised; clone it with --key FILE, the server's pseudonymisation key "
			"(carried by hand, never over the link): instances keyed differently do not exchange people "
			"(see docs/sync.md)", server);
		json_decref(state);
		goto out;
	}
	if (key_path) { /* the same key as the server's, or no clone */
		store keyed = {.pseudonymised = true};
		char mine[65];
		if (!people || !*people) {
			err_set(&err, ACTIP_EINPUT, "%s keeps names; --key is for a pseudonymised server", server);
		} else if (store_privacy_read_key(key_path, keyed.person_key, &err) == 0) {
			sync_privacy_id(&keyed, mine);
			sodium_memzero(keyed.person_key, sizeof keyed.person_key);
			if (strcmp(mine, people) != 0)
				err_set(&err, ACTIP_EINPUT,
					"%s: not the pseudonymisation key of %s; instances keyed differently do not "
					"exchange people", key_path, server);
			else
				snprintf(cl.people, sizeof cl.people, "%s", mine);
		}
		if (err.msg[0]) {
			json_decref(state);
			goto out;
		}
	}
	json_t *u = json_object_get(state, "user");
	if (auth_init(&err) < 0 || store_open(&st, part, 0, &err) < 0 ||
	    (key_path && store_privacy_adopt(&st, key_path, &err) < 0) || store_begin(&st, &err) < 0) {
		json_decref(state);
		goto out;
	}
	web_role role = web_role_parse(json_string_value(json_object_get(u, "role")));
	if (auth_user_add(&st, user, role, json_string_value(json_object_get(u, "body")),
			  json_string_value(json_object_get(u, "country")), pw, &err) < 0 ||
	    sync_state_put(&st, "server", cl.base) < 0 || sync_state_put(&st, "user", user) < 0 ||
	    sync_state_put(&st, "key", json_string_value(json_object_get(state, "bundle_key")) ?: "") < 0 ||
	    sync_state_put(&st, "instance", json_string_value(json_object_get(state, "instance")) ?: "") < 0 ||
	    store_commit(&st, &err) < 0) {
		if (!err.msg[0])
			store_error(&st, "storing the sync settings", &err);
		store_rollback(&st);
		json_decref(state);
		goto out;
	}
	json_decref(state);
	long bytes;
	sync_tally n;
	json_t *pushed = json_object();
	if (local_req(&rq, &st, user, &err) < 0 || pull(&cl, &rq, pushed, true, &n, &bytes, &err) < 0) {
		json_decref(pushed);
		goto out;
	}
	json_decref(pushed);
	store_close(&st);
	if (rename(part, db) != 0) {
		err_set(&err, ACTIP_ERR, "%s: cannot rename to %s: %s", part, db, strerror(errno));
		goto out;
	}
	printf("cloned %s as %s into %s: %ld records\n", cl.base, user, db, n.written);
	if (key_path)
		printf("people are kept pseudonymised there under the server's key: give it to every later use,"
		       " as %s=%s\n", STORE_KEY_ENV, key_path);
	rc = EXIT_OK_;
out:
	if (rc != EXIT_OK_)
		fprintf(stderr, "actip: %s\n", err.msg);
	sodium_memzero(pw, sizeof pw);
	client_close(&cl);
	store_close(&st);
	if (rc != EXIT_OK_)
		remove_db(part);
	return rc;
}

/* Opens a clone and reads its account and server. */
static int open_clone(const char *db, store *st, char user[65], char server[512], actip_err *err)
{
	if (store_open(st, db, STORE_MUST_EXIST, err) < 0)
		return ACTIP_ERR;
	if (sync_state_get(st, "user", user, 65) <= 0 || sync_state_get(st, "server", server, 512) <= 0) {
		store_close(st);
		return err_set(err, ACTIP_EINPUT, "%s: not a clone of a server (make one with `actip sync clone`)", db);
	}
	return ACTIP_OK;
}

/* `actip sync --db FILE`. */
static int do_sync(const char *db)
{
	actip_err err = {{0}};
	char pw[200], user[65], server[512];
	if (read_password(pw, sizeof pw) < 0) {
		fprintf(stderr, "actip: give the account's password on standard input\n");
		return EXIT_USAGE;
	}
	store st = {0};
	client cl = {0};
	web_req rq;
	int rc = EXIT_FAILURE_;
	json_t *pushed = json_object();
	long applied = 0, refused = 0, bytes = 0;
	sync_tally n = {0, 0, 0};
	if (open_clone(db, &st, user, server, &err) < 0)
		goto out;
	char people[65];
	sync_privacy_id(&st, people);
	if (client_open(&cl, server, user, pw, people, &err) < 0 || local_req(&rq, &st, user, &err) < 0 ||
	    history_check(&cl, &rq, db, &err) < 0 || push(&cl, &rq, pushed, &applied, &refused, &err) < 0 ||
	    pull(&cl, &rq, pushed, false, &n, &bytes, &err) < 0)
		goto out;
	printf("sent %ld changes (%ld applied, %ld not: see `actip sync conflicts`); received %ld records, %ld deleted"
	       " (%ld bytes)\n", applied + refused, applied, refused, n.written, n.deleted, bytes);
	print_withdrawn(&n);
	rc = EXIT_OK_;
out:
	if (rc != EXIT_OK_)
		fprintf(stderr, "actip: %s\n", err.msg);
	sodium_memzero(pw, sizeof pw);
	json_decref(pushed);
	client_close(&cl);
	store_close(&st);
	return rc;
}

/* `actip sync status`: the server, the account, the epoch agreed up to (what a return
 * bundle must start from) and the changes waiting to be sent. */
static int do_status(const char *db)
{
	actip_err err = {{0}};
	store st;
	char user[65], server[512], since[32] = "";
	if (open_clone(db, &st, user, server, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	web_req rq;
	json_t *items = NULL;
	int rc = EXIT_FAILURE_;
	sync_state_get(&st, "since", since, sizeof since);
	if (local_req(&rq, &st, user, &err) < 0 || !(items = sync_local_changes(&rq))) {
		if (!err.msg[0])
			store_error(&st, "reading the local changes", &err);
		fprintf(stderr, "actip: %s\n", err.msg);
	} else {
		printf("server\t%s\naccount\t%s\nepoch\t%s\nto send\t%zu changes\n", server, user, since[0] ? since : "0",
		       json_array_size(items));
		rc = EXIT_OK_;
	}
	json_decref(items);
	store_close(&st);
	return rc;
}

/* `actip sync conflicts`. */
static int do_conflicts(const char *db, bool json)
{
	actip_err err = {{0}};
	store st;
	if (cli_open_store(&st, db, STORE_MUST_EXIST) < 0)
		return EXIT_FAILURE_;
	json_t *a = sync_conflicts(&st);
	if (!a) {
		store_error(&st, "reading the conflicts", &err);
		fprintf(stderr, "actip: %s\n", err.msg);
		store_close(&st);
		return EXIT_FAILURE_;
	}
	if (json) {
		json_dumpf(a, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		putchar('\n');
	} else {
		size_t i, open = 0;
		json_t *c;
		json_array_foreach(a, i, c) {
			const char *res = json_string_value(json_object_get(c, "resolution"));
			open += !res;
			printf("%lld\t%s\t%s %s\t%lld\t%s\t%s\n", (long long)json_integer_value(json_object_get(c, "id")),
			       res ? res : "open", json_string_value(json_object_get(c, "kind")),
			       json_string_value(json_object_get(c, "key")),
			       (long long)json_integer_value(json_object_get(c, "status")),
			       json_string_value(json_object_get(c, "account")) ?: "",
			       json_string_value(json_object_get(c, "message")) ?: "");
		}
		fprintf(stderr, "%zu conflicts, %zu open\n", json_array_size(a), open);
	}
	json_decref(a);
	store_close(&st);
	return EXIT_OK_;
}

/* `actip sync resolve --db FILE ID mine|theirs` (sync_resolve). */
static int do_resolve(const char *db, const char *id, const char *choice)
{
	actip_err err = {{0}};
	int64_t n;
	if (text_parse_count(id, &n) < 0 || (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0)) {
		fprintf(stderr, "actip: sync resolve: give a conflict's number and mine or theirs\n");
		return EXIT_USAGE;
	}
	store st;
	if (cli_open_store(&st, db, STORE_MUST_EXIST) < 0)
		return EXIT_FAILURE_;
	web_req rq;
	const char *user = getenv("USER");
	char msg[600];
	int rc = EXIT_FAILURE_;
	if (local_req(&rq, &st, user && *user ? user : "resolve", &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
	} else if (sync_resolve(&rq, n, choice, msg, sizeof msg) != 200) {
		fprintf(stderr, "actip: %s: %s\n", db, msg);
		rc = EXIT_INPUT;
	} else {
		printf("conflict %s resolved: %s\n", id, msg);
		rc = EXIT_OK_;
	}
	store_close(&st);
	return rc;
}

/* `actip sync export --db FILE -o BUNDLE`. */
static int do_export(const char *db, const char *outpath)
{
	actip_err err = {{0}};
	store st;
	char user[65], server[512], key[80], instance[32];
	if (open_clone(db, &st, user, server, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	web_req rq;
	int rc = EXIT_FAILURE_;
	json_t *items = NULL;
	if (sync_state_get(&st, "key", key, sizeof key) <= 0 || strlen(key) != 64 ||
	    sync_state_get(&st, "instance", instance, sizeof instance) <= 0) {
		err_set(&err, ACTIP_ERR, "%s: no bundle key (clone it again with this actip)", db);
		goto out;
	}
	if (local_req(&rq, &st, user, &err) < 0 || !(items = sync_local_changes(&rq))) {
		if (!err.msg[0])
			store_error(&st, "reading the local changes", &err);
		goto out;
	}
	char since[32];
	sync_state_get(&st, "since", since, sizeof since);
	json_t *body = json_pack("{sOsI}", "items", items, "since", (json_int_t)strtoll(since, NULL, 10));
	int wrc = sync_bundle_write(outpath, instance, user, key, body, &err);
	json_decref(body);
	if (wrc < 0)
		goto out;
	printf("wrote %zu changes of %s to %s\n", json_array_size(items), user, outpath);
	rc = EXIT_OK_;
out:
	if (rc != EXIT_OK_)
		fprintf(stderr, "actip: %s\n", err.msg);
	json_decref(items);
	store_close(&st);
	return rc;
}

/* `actip sync export --db SERVER.db --for USER [--since E] -o BUNDLE`: on a server, what
 * changed since the instance of USER last agreed (epoch E: by default the one its last
 * bundle named), as USER may read it, in a bundle for that instance. */
static int do_export_for(const char *db, const char *account, const char *since_arg, const char *outpath)
{
	actip_err err = {{0}};
	store st;
	if (cli_open_store(&st, db, STORE_MUST_EXIST) < 0)
		return EXIT_FAILURE_;
	int rc = EXIT_FAILURE_;
	char key[65], instance[17], bkey[65], people[65], name[100], given[32] = "";
	json_t *o = NULL;
	web_user u;
	web_req rq;
	if (account_here(&st, db, "the account", account, &u, &err) < 0) {
		rc = EXIT_INPUT;
		goto out;
	}
	int64_t since = -1;
	snprintf(name, sizeof name, "peer_since:%s", account);
	if (since_arg && text_parse_count(since_arg, &since) < 0) {
		err_set(&err, ACTIP_EINPUT, "--since %s: give the epoch the instance has (a whole number)", since_arg);
		rc = EXIT_USAGE;
		goto out;
	}
	if (!since_arg && sync_state_get(&st, name, given, sizeof given) > 0)
		since = strtoll(given, NULL, 10);
	long long epoch;
	if (sync_key_hex(&st, key, &err) < 0 || sync_local_req(&rq, &st, &u, &err) < 0 ||
	    !(o = sync_changes(&rq, since, &epoch, &err)))
		goto out;
	sync_instance_id(key, instance);
	sync_bundle_key(key, account, bkey);
	sync_privacy_id(&st, people);
	json_t *body = json_pack("{sssIss}", "direction", "down", "since", (json_int_t)since, "people", people);
	json_object_update(body, o);
	char since_token[33];
	if (since >= 0 && sync_epoch_token(&st, since, since_token) > 0) /* the laptop checks its history by it */
		json_object_set_new(body, "since_token", json_string(since_token));
	json_t *refused = sync_refusals(&rq);
	if (!refused) {
		json_decref(body);
		store_error(&st, "reading the refused changes", &err);
		goto out;
	}
	size_t nrefused = json_array_size(refused);
	json_object_set_new(body, "refused", refused);
	int wrc = sync_bundle_write(outpath, instance, account, bkey, body, &err);
	json_decref(body);
	if (wrc < 0)
		goto out;
	printf("wrote %zu records and %zu deletions for %s to %s (%s epoch %lld)\n",
	       json_array_size(json_object_get(o, "records")), json_array_size(json_object_get(o, "gone")), account,
	       outpath, since < 0 ? "everything, up to" : "since", since < 0 ? epoch : (long long)since);
	if (nrefused)
		printf("with %zu changes of %s not applied here (refused, or changed on both sides)\n", nrefused,
		       account);
	rc = EXIT_OK_;
out:
	if (rc != EXIT_OK_)
		fprintf(stderr, "actip: %s\n", err.msg);
	json_decref(o);
	store_close(&st);
	return rc;
}

/* `actip sync apply --db FILE BUNDLE` on an instance, of its server's bundle. */
static int apply_down(const char *db, const char *path)
{
	actip_err err = {{0}};
	store st;
	char user[65], server[512], key[80], instance[32], have[32] = "", people[65];
	if (open_clone(db, &st, user, server, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	int rc = EXIT_INPUT;
	json_t *b = NULL, *pushed = json_object();
	web_req rq;
	if (sync_state_get(&st, "key", key, sizeof key) <= 0 || strlen(key) != 64 ||
	    sync_state_get(&st, "instance", instance, sizeof instance) <= 0) {
		err_set(&err, ACTIP_ERR, "%s: no bundle key (clone it again with this actip)", db);
		goto out;
	}
	if (!(b = sync_bundle_read(path, NULL, instance, key, &err)))
		goto out;
	const char *account = json_string_value(json_object_get(b, "account"));
	long long since = json_integer_value(json_object_get(b, "since"));
	long long cursor = json_integer_value(json_object_get(b, "cursor"));
	long long mine = sync_state_get(&st, "since", have, sizeof have) > 0 ? strtoll(have, NULL, 10) : 0;
	char mine_token[40] = "";
	sync_state_get(&st, "since_token", mine_token, sizeof mine_token);
	sync_privacy_id(&st, people);
	if (strcmp(account, user) != 0) {
		err_set(&err, ACTIP_EINPUT, "%s: this bundle is for account '%s'; this instance is '%s''s; refused", path,
			account, user);
	} else if (strcmp(json_string_value(json_object_get(b, "people")) ?: "", people) != 0) {
		err_set(&err, ACTIP_EINPUT, "%s: the server keeps people under another pseudonymisation key; instances keyed"
			" differently do not exchange people; refused", path);
	} else if (*mine_token && json_is_string(json_object_get(b, "since_token")) &&
		   since == mine && strcmp(json_string_value(json_object_get(b, "since_token")), mine_token) != 0) {
		err_set(&err, ACTIP_EINPUT, "%s: the server that made this bundle no longer holds the point this copy"
			" last agreed with it (restored from a backup, or replaced); refused" HISTORY_LOST_ADVICE, path, db);
	} else if (since > mine) {
		err_set(&err, ACTIP_EINPUT, "%s: this bundle carries the changes after epoch %lld, and this instance has"
			" only those up to %lld; ask for one made with --since %lld; refused", path, since, mine, mine);
	} else if (cursor < mine) {
		err_set(&err, ACTIP_EINPUT, "%s: this bundle reaches epoch %lld, older than this instance's %lld; refused",
			path, cursor, mine);
	} else {
		sync_tally n;
		if (local_req(&rq, &st, user, &err) < 0 || pull_take(&rq, b, pushed, &n, &err) < 0) {
			rc = EXIT_FAILURE_;
			goto out;
		}
		printf("applied %ld records and %ld deletions from %s; %s is at epoch %lld\n", n.written, n.deleted, path,
		       db, cursor);
		print_withdrawn(&n);
		long taken = 0;
		json_t *refused = json_object_get(b, "refused");
		if (json_is_array(refused) && sync_take_refusals(&rq, refused, &taken) < 0) {
			store_error(&st, "listing the server's refusals", &err);
			rc = EXIT_FAILURE_;
			goto out;
		}
		if (taken)
			printf("%ld changes of this copy were not applied on the server: the server's version is kept here,"
			       " yours is listed (see `actip sync conflicts`)\n", taken);
		rc = EXIT_OK_;
	}
out:
	if (rc != EXIT_OK_)
		fprintf(stderr, "actip: %s\n", err.msg);
	json_decref(b);
	json_decref(pushed);
	store_close(&st);
	return rc;
}

/* Is the bundle at path one a server made for an instance ("direction":"down" among
 * its first fields)? Its authentication is checked by whoever applies it. */
static bool bundle_goes_down(const char *path)
{
	char head[400] = "";
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	return strstr(head, "\"direction\":\"down\"") != NULL;
}

/* `actip sync apply --db FILE BUNDLE` on the server's database. */
static int do_apply(const char *db, const char *path)
{
	if (bundle_goes_down(path))
		return apply_down(db, path);
	actip_err err = {{0}};
	store st;
	if (cli_open_store(&st, db, STORE_MUST_EXIST) < 0)
		return EXIT_FAILURE_;
	int rc = EXIT_FAILURE_;
	char key[65];
	json_t *b = NULL;
	if (sync_key_hex(&st, key, &err) < 0 || !(b = sync_bundle_open(path, key, &err))) {
		rc = EXIT_INPUT;
		goto out;
	}
	const char *account = json_string_value(json_object_get(b, "account"));
	web_user u;
	if (account_here(&st, path, "the bundle's account", account, &u, &err) < 0) {
		rc = EXIT_INPUT;
		goto out;
	}
	web_req rq;
	if (sync_local_req(&rq, &st, &u, &err) < 0)
		goto out;
	long applied = 0, other = 0;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(b, "items"), i, it) {
		json_t *res = sync_apply_item(&rq, it);
		int status = (int)json_integer_value(json_object_get(res, "status"));
		if (status == 200) {
			applied++;
		} else {
			other++;
			printf("%s: %s: %s (%d)\n", path, json_string_value(json_object_get(it, "kind")),
			       json_string_value(json_object_get(res, "message")), status);
		}
		json_decref(res);
	}
	json_t *since = json_object_get(b, "since");
	if (json_is_integer(since)) { /* where a return bundle for this account starts by default */
		char name[100], v[32];
		snprintf(name, sizeof name, "peer_since:%s", account);
		snprintf(v, sizeof v, "%lld", (long long)json_integer_value(since));
		if (sync_state_put(&st, name, v) < 0) {
			store_error(&st, "storing the bundle's epoch", &err);
			goto out;
		}
	}
	printf("applied %ld changes of %s from %s; %ld not applied (see `actip sync conflicts`)\n", applied, account,
	       path, other);
	rc = EXIT_OK_;
out:
	if (rc != EXIT_OK_)
		fprintf(stderr, "actip: %s\n", err.msg);
	json_decref(b);
	store_close(&st);
	return rc;
}

int cmd_sync(int argc, char **argv)
{
	const cli_command *self = cli_find("sync");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db", *server = NULL, *user = NULL,
		   *out = NULL, *for_user = NULL, *since = NULL, *key = NULL;
	bool json = false;
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {"server", required_argument, NULL, 's'},
					     {"user", required_argument, NULL, 'u'}, {"format", required_argument, NULL, 'f'},
					     {"for", required_argument, NULL, 'F'}, {"since", required_argument, NULL, 'S'},
					     {"key", required_argument, NULL, 'K'},
					     {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 's': server = optarg; break;
		case 'u': user = optarg; break;
		case 'o': out = optarg; break;
		case 'F': for_user = optarg; break;
		case 'S': since = optarg; break;
		case 'K': key = optarg; break;
		case 'f':
			if (cli_format_text_json(self, optarg, &json) != 0)
				return EXIT_USAGE;
			break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	const char *verb = optind < argc ? argv[optind] : NULL;
	int rest = argc - optind - (verb ? 1 : 0);
	char **more = argv + optind + (verb ? 1 : 0);
	int rc;
	if (!verb) {
		rc = do_sync(db);
	} else if (strcmp(verb, "clone") == 0) {
		if (!server || !user)
			return cli_usage_error(self, "clone needs --server URL and --user NAME");
		rc = do_clone(db, server, user, key);
	} else if (strcmp(verb, "status") == 0) {
		rc = do_status(db);
	} else if (strcmp(verb, "conflicts") == 0) {
		rc = do_conflicts(db, json);
	} else if (strcmp(verb, "resolve") == 0) {
		if (rest != 2)
			return cli_usage_error(self, "resolve needs a conflict's number and mine or theirs");
		rc = do_resolve(db, more[0], more[1]);
	} else if (strcmp(verb, "export") == 0) {
		if (!out)
			return cli_usage_error(self, "export needs -o BUNDLE");
		if (since && !for_user)
			return cli_usage_error(self, "--since goes with --for USER (a server's bundle for an instance)");
		rc = for_user ? do_export_for(db, for_user, since, out) : do_export(db, out);
	} else if (strcmp(verb, "apply") == 0) {
		if (rest != 1)
			return cli_usage_error(self, "apply needs the bundle's file");
		rc = do_apply(db, more[0]);
	} else {
		return cli_usage_error(self, "unknown sync command '%s'", verb);
	}
	return rc;
}
