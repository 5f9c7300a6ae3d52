/* The HTTP server on libmicrohttpd: an internal poll() thread pool with every limit set
 * explicitly (connection timeout, total and per-address connection limits, memory per
 * connection), a body cap checked against Content-Length before any byte of the body
 * is read (413) and again while reading, and an absolute deadline per request (checked
 * here as the body arrives; watchdog.c cuts what the handler never sees). Bodies
 * are taken raw (no PostProcessor). Each thread has its own SQLite connection. Every
 * response, errors included, gets the security headers. */
#include <microhttpd.h>
#include <zlib.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/escape.h"
#include "core/text.h"
#include "core/i18n.h"
#include "web/api.h"
#include "web/cache.h"
#include "web/guard.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/wpweb.h"
#include "web/session.h"
#include "web/watchdog.h"

extern const unsigned char asset_app_css[], asset_app_js[];
extern const size_t asset_app_css_len, asset_app_js_len;

/* The embedded static files. */
static const struct {
	const char *path, *ctype;
	const unsigned char *data;
	const size_t *len;
} assets[] = {
	{"/assets/app.css", "text/css; charset=utf-8", asset_app_css, &asset_app_css_len},
	{"/assets/app.js", "text/javascript; charset=utf-8", asset_app_js, &asset_app_js_len},
};

/* The assets gzipped once, beside the plain ones (NULL when that failed). */
static unsigned char *assets_gz[sizeof assets / sizeof assets[0]];
static size_t assets_gz_len[sizeof assets / sizeof assets[0]];
static pthread_once_t assets_zipped = PTHREAD_ONCE_INIT;
static unsigned char *gzip_bytes(const void *data, size_t len, size_t *out_len);

/* Compresses every asset (once, at the first request for one). */
static void zip_assets(void)
{
	for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++)
		assets_gz[i] = gzip_bytes(assets[i].data, *assets[i].len, &assets_gz_len[i]);
}

/* State of one request while its body arrives. */
typedef struct conn_state {
	char *body;
	size_t len, cap;
	bool too_big;
	bool started;    /* the access handler has seen the headers */
	bool nul_in_uri; /* the raw request target holds %00 */
	struct timespec start;
} conn_state;

/* ---- per-thread store connections ----------------------------------------------- */

static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static store *stores[256];
static int nstores;
static _Thread_local store *thread_store;

/* The calling thread's connection, opened (and guarded) on first use. */
store *web_store(const web_config *cfg, actip_err *err)
{
	if (thread_store)
		return thread_store;
	store *st = calloc(1, sizeof *st);
	if (!st) {
		err_set(err, ACTIP_ENOMEM, "out of memory");
		return NULL;
	}
	if (store_open(st, cfg->db_path, STORE_MUST_EXIST, err) < 0 || guard_install(st, err) < 0) {
		store_close(st);
		free(st);
		return NULL;
	}
	pthread_mutex_lock(&stores_lock);
	if (nstores < (int)(sizeof stores / sizeof stores[0]))
		stores[nstores++] = st;
	pthread_mutex_unlock(&stores_lock);
	thread_store = st;
	return st;
}

/* Closes every thread's connection (after the daemon stopped). */
static void close_stores(void)
{
	pthread_mutex_lock(&stores_lock);
	for (int i = 0; i < nstores; i++) {
		store_close(stores[i]);
		free(stores[i]);
	}
	nstores = 0;
	webcache_free_all();
	pthread_mutex_unlock(&stores_lock);
}

/* ---- helpers for handlers ---------------------------------------------------------- */

/* A query argument as libmicrohttpd decoded it (web_req.query_arg). */
static const char *mhd_query(void *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
}

/* A decoded path written back URL-encoded, segment by segment (the slashes kept). */
static void write_path(FILE *f, const char *path)
{
	char seg[256];
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, "/");
		if (n) {
			snprintf(seg, sizeof seg, "%.*s", (int)(n < sizeof seg ? n : sizeof seg - 1), p);
			esc_url_part(f, seg);
			p += n;
		}
		if (*p == '/') {
			fputc('/', f);
			p++;
		}
	}
}

/* One query argument appended to the target being rebuilt (req_target). */
static enum MHD_Result target_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	FILE *f = cls;
	fputc(ftell(f) ? '&' : '?', f);
	esc_url_part(f, key);
	if (value) {
		fputc('=', f);
		esc_url_part(f, value);
	}
	return MHD_YES;
}

/* The request's path and query string, URL-encoded, into a malloc'd string (NULL when out
 * of memory). */
char *req_target(web_req *rq)
{
	char *q = NULL, *out = NULL;
	size_t qlen = 0;
	FILE *f = open_memstream(&q, &qlen);
	if (!f)
		return NULL;
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, target_arg, f);
	fclose(f);
	size_t plen = strlen(rq->path);
	FILE *g = open_memstream(&out, &plen);
	if (g) {
		write_path(g, rq->path);
		fputs(q ? q : "", g);
		fclose(g);
	}
	free(q);
	return out;
}

/* A request header. */
const char *req_header(web_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

/* ---- responses ----------------------------------------------------------------------- */

/* Adds the headers every response carries. */
static void security_headers(struct MHD_Response *r, bool cacheable, bool https)
{
	if (https)
		MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
				"form-action 'self'");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	/* same-origin, not no-referrer: no Referer leaves the site either way, but under
	 * no-referrer browsers send "Origin: null" on our own form posts, which sign-in must
	 * refuse (a foreign page can send null too). */
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Cache-Control", cacheable ? "public, max-age=3600" : "no-store");
}

/* The body and its tails in one buffer of the exact size; false when out of memory. */
static bool join_tails(web_resp *rs)
{
	size_t total = rs->len + rs->tail_len + rs->tail2_len;
	char *b = malloc(total ? total : 1);
	if (b) { /* memcpy only with bytes: a NULL source is undefined even for 0 bytes */
		if (rs->len)
			memcpy(b, rs->buf, rs->len);
		if (rs->tail_len)
			memcpy(b + rs->len, rs->tail, rs->tail_len);
		if (rs->tail2_len)
			memcpy(b + rs->len + rs->tail_len, rs->tail2, rs->tail2_len);
		free(rs->buf);
		rs->buf = b;
		rs->len = total;
	}
	free(rs->tail_owned);
	rs->tail = rs->tail2 = rs->tail_owned = NULL;
	rs->tail_len = rs->tail2_len = 0;
	return b != NULL;
}

/* ---- compression ------------------------------------------------------------------- */

/* Does an Accept-Encoding header accept gzip? A "gzip" (or "*") item without q=0. */
static bool accepts_gzip(const char *ae)
{
	if (!ae)
		return false;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", ae);
	char *save = NULL;
	for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		item += strspn(item, " \t");
		size_t name = strcspn(item, " \t;");
		bool gz = (name == 4 && strncasecmp(item, "gzip", 4) == 0) || (name == 1 && item[0] == '*');
		const char *q = strstr(item + name, "q=");
		if (gz && !(q && strtod(q + 2, NULL) <= 0.0))
			return true;
	}
	return false;
}

/* Is a body of this type and size worth compressing? Text of at least 512 bytes. */
static bool compressible(const char *ctype, size_t len)
{
	return ctype && len >= 512 &&
	       (strncmp(ctype, "text/", 5) == 0 || strncmp(ctype, "application/json", 16) == 0 ||
		strncmp(ctype, "image/svg", 9) == 0);
}

/* gzip of len bytes at data, in a new buffer; NULL when out of memory. Level 6: most of
 * level 9's gain at a third of its time. */
static unsigned char *gzip_bytes(const void *data, size_t len, size_t *out_len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&z, (uLong)len);
	unsigned char *out = malloc(cap);
	if (!out) {
		deflateEnd(&z);
		return NULL;
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	*out_len = cap - z.avail_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(out);
		return NULL;
	}
	return out;
}

/* Queues a response built in rs. */
static enum MHD_Result send_resp(const web_config *cfg, struct MHD_Connection *c, web_resp *rs)
{
	fclose(rs->out);
	rs->out = NULL;
	if (rs->tail && !join_tails(rs)) {
		free(rs->buf);
		return MHD_NO;
	}
	/* Text answers go out gzipped when the client accepts it: an asset's from the copy
	 * compressed once at start, others now. A page's CSRF token is masked afresh in each
	 * answer (csrf.c), so compression reveals nothing about it (BREACH). */
	bool zipped = false;
	struct MHD_Response *r = NULL;
	if (rs->gzip_ok && rs->gz) {
		r = MHD_create_response_from_buffer(rs->gz_len, (void *)(uintptr_t)rs->gz, MHD_RESPMEM_PERSISTENT);
		zipped = r != NULL;
		free(rs->buf);
		rs->buf = NULL;
	} else if (rs->gzip_ok && compressible(rs->ctype, rs->len)) {
		size_t zlen;
		unsigned char *z = gzip_bytes(rs->buf, rs->len, &zlen);
		if (z && (r = MHD_create_response_from_buffer(zlen, z, MHD_RESPMEM_MUST_FREE))) {
			zipped = true;
			free(rs->buf);
			rs->buf = NULL;
		} else {
			free(z);
		}
	}
	if (!r && !(r = MHD_create_response_from_buffer(rs->len, rs->buf, MHD_RESPMEM_MUST_FREE))) {
		free(rs->buf);
		return MHD_NO;
	}
	rs->buf = NULL;
	if (zipped)
		MHD_add_response_header(r, "Content-Encoding", "gzip");
	if (zipped || compressible(rs->ctype, 512))
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
	security_headers(r, rs->cacheable, cfg->tls || cfg->public_https);
	if (rs->close)
		MHD_add_response_header(r, "Connection", "close");
	if (rs->ctype)
		MHD_add_response_header(r, "Content-Type", rs->ctype);
	if (rs->set_cookie[0])
		MHD_add_response_header(r, "Set-Cookie", rs->set_cookie);
	if (rs->location[0])
		MHD_add_response_header(r, "Location", rs->location);
	if (rs->disposition[0])
		MHD_add_response_header(r, "Content-Disposition", rs->disposition);
	if (rs->retry_after) {
		char secs[16];
		snprintf(secs, sizeof secs, "%u", rs->retry_after);
		MHD_add_response_header(r, "Retry-After", secs);
	}
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ok;
}

/* A short response without a handler (413, 408, 400 before routing); close: the
 * connection is closed after it (the request's framing cannot be trusted). */
static enum MHD_Result send_simple(const web_config *cfg, struct MHD_Connection *c, int status, const char *msg,
				   bool close)
{
	web_resp rs = {0};
	rs.out = open_memstream(&rs.buf, &rs.len);
	if (!rs.out)
		return MHD_NO;
	resp_json_error(&rs, status, msg);
	rs.close = close;
	return send_resp(cfg, c, &rs);
}

/* Seconds since a monotonic start. */
static double elapsed(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- the request pipeline ------------------------------------------------------------ */

/* May this write come from where the browser says it comes from? The Origin must be
 * this server's (route_same_origin); "null" only with a session (whose CSRF token is
 * checked next), never at sign-in (login CSRF); Sec-Fetch-Site: cross-site never. */
static bool same_origin(web_req *rq, const web_route *rt)
{
	const char *site = req_header(rq, "Sec-Fetch-Site");
	if (site && strcasecmp(site, "cross-site") == 0)
		return false;
	char expected[300];
	web_expected_origin(rq->cfg, rq->host, expected, sizeof expected);
	return route_same_origin(rq->origin, expected, rq->authed && !(rt->flags & R_PUBLIC));
}

/* Refuses with 403 and logs (and audits) the refusal. */
static void refuse(web_req *rq, web_resp *rs, const web_route *rt, const char *why)
{
	web_log(rq, "refused %s %s: %s", rq->method, rq->path, why);
	if (rq->authed && rq->st)
		store_audit_write(rq->st, rq->user.name, rq->addr, "refused", rq->method, rq->path, NULL, NULL);
	if (rt && (rt->flags & R_HTML))
		page_error(rq, rs, 403, _(why)); /* the JSON API answers in English */
	else
		resp_json_error(rs, 403, why);
}

/* Reads the session cookie and loads the session. */
static int load_session(web_req *rq)
{
	const char *tok = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
						      rq->cfg->secure_cookie ? "__Host-actip" : "actip");
	if (!tok)
		return 0;
	int found = session_lookup(rq->st, tok, rq->now, &rq->user, rq->token_hash);
	if (found == 1) {
		rq->view = webcache_stamp_read(rq->st); /* the lookup has just read the database */
		rq->authed = true;
		snprintf(rq->token, sizeof rq->token, "%s", tok);
		csrf_token(rq->token, rq->csrf);
	}
	return found;
}

/* The request's view of the database for the render cache: the one the session lookup
 * read, while this connection has written nothing since; else a fresh one. */
webcache_stamp web_view(web_req *rq)
{
	if (rq->view.ok && rq->view.changes == sqlite3_total_changes64(rq->st->db))
		return rq->view;
	return webcache_stamp_now(rq->st);
}

/* The page's language: the account's choice, else the language cookie (a visitor's choice
 * from the menu), else the browser's Accept-Language, else English. Sets the thread's. */
static void pick_language(web_req *rq)
{
	const char *code = NULL;
	if (rq->authed && i18n_known(rq->user.lang))
		code = rq->user.lang;
	if (!code) {
		const char *c = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, "actip_lang");
		code = i18n_known(c) ? c : NULL;
	}
	if (!code)
		code = i18n_negotiate(req_header(rq, "Accept-Language"));
	/* the JSON API keeps English words whatever the language (docs/languages.md) */
	if (strncmp(rq->path, "/api/", 5) == 0)
		code = NULL;
	rq->lang = i18n_set(code);
}

/* Routes, authenticates, authorises and runs the handler. */
static void dispatch(web_req *rq, web_resp *rs)
{
	for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++)
		if (strcmp(rq->method, "GET") == 0 && strcmp(rq->path, assets[i].path) == 0) {
			rs->status = 200;
			rs->ctype = assets[i].ctype;
			rs->cacheable = true;
			fwrite(assets[i].data, 1, *assets[i].len, rs->out);
			pthread_once(&assets_zipped, zip_assets);
			rs->gz = assets_gz[i];
			rs->gz_len = assets_gz_len[i];
			return;
		}
	static const web_route *const tables[] = {api_routes, api_workplan_routes, api_records_routes, page_routes,
						  page_activity_routes, page_upload_routes, page_workplan_routes,
						  page_records_routes, account_routes, api_sync_routes};
	int status = 404;
	const web_route *rt = NULL;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0] && !rt; i++) {
		int st;
		rt = route_match(tables[i], rq->method, rq->path, rq->params, &rq->nparams, &st);
		if (st == 405 || rt)
			status = rt ? 200 : 405;
	}
	if (!rt) {
		bool api = strncmp(rq->path, "/api/", 5) == 0;
		if (api)
			resp_json_error(rs, status, status == 405 ? "method not allowed" : "not found");
		else
			page_error(rq, rs, status, status == 405 ? _("Method not allowed.") : _("There is no such page."));
		return;
	}
	actip_err err = {{0}};
	if ((rq->st = web_store(rq->cfg, &err)))
		rq->st->busy_gave_up = false;
	if (!rq->st || load_session(rq) < 0) {
		web_log(rq, "database: %s", err.msg);
		resp_json_error(rs, 500, "the database is not available");
		return;
	}
	pick_language(rq);
	/* the change log names who wrote (the thread's connection serves one request at a time) */
	snprintf(rq->st->account, sizeof rq->st->account, "%s", rq->authed ? rq->user.name : "");
	rq->st->origin = NULL;
	rq->st->before_commit = NULL;
	if (!(rt->flags & R_PUBLIC) && !rq->authed) {
		if (rt->flags & R_HTML)
			resp_redirect(rs, "/login");
		else
			resp_json_error(rs, 401, "sign in first");
		return;
	}
	if (rt->flags & R_WRITE) {
		if (!same_origin(rq, rt))
			return refuse(rq, rs, rt, N_("cross-origin request refused"));
		if (rq->authed) {
			const char *given = req_header(rq, "X-CSRF-Token");
			if (!given && rq->content_type &&
			    strcasecmp(rq->content_type, "application/x-www-form-urlencoded") == 0)
				given = form_get(rq, "csrf");
			if (!csrf_equal(rq->csrf, given))
				return refuse(rq, rs, rt, N_("missing or wrong CSRF token"));
		}
	}
	if ((rt->flags & R_ADMIN) && rq->user.role != ROLE_ADMIN)
		return refuse(rq, rs, rt, N_("this needs an admin"));
	if ((rt->flags & R_EDITOR) && rq->user.role != ROLE_ADMIN && rq->user.role != ROLE_COUNTRY_OFFICER)
		return refuse(rq, rs, rt, N_("your role may not change records"));
	if ((rt->flags & R_FILER) && rq->user.role != ROLE_ADMIN && rq->user.role != ROLE_COUNTRY_OFFICER &&
	    rq->user.role != ROLE_FOCAL_POINT)
		return refuse(rq, rs, rt, N_("your role may not send data"));
	rt->handler(rq, rs);
}

/* Replaces a failed request's answer when its statement waited STORE_BUSY_MS for
 * another connection's write lock (a long import) and gave up: 503 with Retry-After,
 * saying that nothing was stored and to try again, instead of a fault's 500. */
static int answer_busy(web_req *rq, web_resp *rs)
{
	fclose(rs->out);
	free(rs->buf);
	free(rs->tail_owned);
	rs->buf = NULL;
	rs->len = 0;
	rs->tail = rs->tail2 = rs->tail_owned = NULL;
	rs->tail_len = rs->tail2_len = 0;
	rs->location[0] = rs->disposition[0] = '\0';
	rs->gz = NULL;
	if (!(rs->out = open_memstream(&rs->buf, &rs->len)))
		return -1;
	rs->retry_after = 30;
	web_log(rq, "busy: waited %d s for another write's lock; answered 503", STORE_BUSY_MS / 1000);
	if (strncmp(rq->path, "/api/", 5) == 0)
		resp_json_error(rs, 503, "the database is busy storing another write (an import, perhaps); "
					 "nothing was stored; try again in a minute");
	else
		page_error(rq, rs, 503, _("The database is busy storing another write, an import perhaps. "
					  "Nothing was stored. Go back and send the form again in a minute."));
	return 0;
}

/* Fills the request from the connection and runs it. */
static enum MHD_Result handle(const web_config *cfg, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version, conn_state *cs)
{
	web_req rq;
	memset(&rq, 0, sizeof rq);
	rq.cfg = cfg;
	rq.conn = c;
	rq.query_arg = mhd_query;
	rq.method = strcmp(method, "HEAD") == 0 ? "GET" : method; /* libmicrohttpd sends no body to HEAD */
	rq.path = url;
	rq.now = time(NULL);
	rq.body = cs->body ? cs->body : "";
	rq.body_len = cs->len;
	rq.origin = req_header(&rq, "Origin");
	rq.host = req_header(&rq, "Host");
	char ctype[80] = "";
	rq.content_type = route_content_type(req_header(&rq, "Content-Type"), ctype, sizeof ctype);
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char peer[64] = "";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, peer, sizeof peer);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, peer, sizeof peer);
	}
	web_client_addr(cfg, peer, req_header(&rq, "X-Forwarded-For"), req_header(&rq, "Forwarded"), rq.addr,
			sizeof rq.addr);
	web_resp rs;
	memset(&rs, 0, sizeof rs);
	rs.status = 200;
	rs.ctype = "text/html; charset=utf-8";
	rs.out = open_memstream(&rs.buf, &rs.len);
	if (!rs.out)
		return MHD_NO;
	rs.gzip_ok = accepts_gzip(req_header(&rq, "Accept-Encoding"));
	watchdog_handler(c, true);
	if (!text_utf8_valid(url, strlen(url)))
		resp_json_error(&rs, 400, "the path is not valid UTF-8");
	else if (!rq.host && version && strcmp(version, MHD_HTTP_VERSION_1_0) != 0) /* RFC 9112 3.2 */
		resp_json_error(&rs, 400, "an HTTP/1.1 request must name its Host");
	else if (!web_host_allowed(cfg, rq.host)) /* DNS rebinding: a foreign name for this address */
		resp_json_error(&rs, 421, "this server does not answer for that host name");
	else {
		pick_language(&rq);
		dispatch(&rq, &rs);
	}
	if (rq.st && rq.st->db && !sqlite3_get_autocommit(rq.st->db))
		store_rollback(rq.st); /* a handler that left a transaction open stores nothing */
	if (rq.st && rq.st->busy_gave_up && rs.status >= 500 && answer_busy(&rq, &rs) < 0) {
		route_free_params(rq.params, rq.nparams);
		form_free(&rq);
		i18n_set(NULL);
		return MHD_NO;
	}
	i18n_set(NULL); /* the thread's next request starts in English */
	fflush(rs.out);
	watchdog_handler(c, false);
	web_log(&rq, "%s %s %d %zu", method, url, rs.status, rs.len + rs.tail_len + rs.tail2_len);
	route_free_params(rq.params, rq.nparams);
	form_free(&rq);
	return send_resp(cfg, c, &rs);
}

/* libmicrohttpd's access handler: called once with the headers, then per body chunk,
 * then once more with no data. */

/* True for a request whose body is an uploaded file as it is (an .xlsx workbook or
 * UTF-16 text holds NUL bytes): a POST to the import API or the upload page that is
 * neither a form nor JSON. Every other body must be free of NUL bytes. */
static bool file_body(struct MHD_Connection *c, const char *url, const char *method)
{
	if (strcmp(method, "POST") != 0 ||
	    (strncmp(url, "/api/v1/import/", 15) != 0 && strcmp(url, "/upload") != 0))
		return false;
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	return ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0 &&
	       strncasecmp(ct, "application/json", 16) != 0 && strncasecmp(ct, "multipart/", 10) != 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	const web_config *cfg = cls;
	conn_state *cs = *con_cls; /* made by on_uri */
	if (!cs)
		return MHD_NO;
	if (!cs->started) {
		cs->started = true;
		watchdog_headers_in(c);
		clock_gettime(CLOCK_MONOTONIC, &cs->start);
		if (cs->nul_in_uri) {
			cs->too_big = true; /* discard any body */
			return send_simple(cfg, c, 400, "the request target holds %00", true);
		}
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding")) {
			/* RFC 9112 6.1: a request with both may be a smuggling attempt: refuse and
			 * close, since where its body ends is ambiguous. */
			cs->too_big = true;
			return send_simple(cfg, c, 400, "a request may not have both Content-Length and Transfer-Encoding",
					   true);
		}
		if (cl) {
			char *end;
			unsigned long long n = strtoull(cl, &end, 10);
			if (*end || n > cfg->body_limit) {
				cs->too_big = true;
				return send_simple(cfg, c, 413, "the request body is larger than the server accepts", false);
			}
		}
		return MHD_YES;
	}
	if (elapsed(&cs->start) > cfg->deadline_secs) {
		if (*upload_size == 0 && !cs->too_big)
			return send_simple(cfg, c, 408, "the request took too long", false);
		return MHD_NO; /* close the connection */
	}
	if (*upload_size) {
		if (!cs->too_big && cs->len + *upload_size > cfg->body_limit) {
			cs->too_big = true;
			free(cs->body);
			cs->body = NULL;
			cs->len = cs->cap = 0;
		}
		if (!cs->too_big) {
			if (cs->len + *upload_size + 1 > cs->cap) {
				size_t ncap = cs->cap ? cs->cap : 16384;
				while (ncap < cs->len + *upload_size + 1)
					ncap *= 2;
				char *nb = realloc(cs->body, ncap);
				if (!nb)
					return MHD_NO;
				cs->body = nb;
				cs->cap = ncap;
			}
			memcpy(cs->body + cs->len, upload, *upload_size);
			cs->len += *upload_size;
			cs->body[cs->len] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (cs->too_big)
		return send_simple(cfg, c, 413, "the request body is larger than the server accepts", false);
	if (cs->body && strlen(cs->body) != cs->len && !file_body(c, url, method))
		return send_simple(cfg, c, 400, "the request body holds a NUL byte", false);
	return handle(cfg, c, url, method, version, cs);
}

/* Called with the raw request target before libmicrohttpd decodes it: makes the
 * request's state, noting a %00, which decoding would turn into an end of string that
 * silently cuts the path or a query value short. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)c;
	conn_state *cs = calloc(1, sizeof *cs);
	if (cs && uri)
		for (const char *p = strchr(uri, '%'); p && !cs->nul_in_uri; p = strchr(p + 1, '%'))
			cs->nul_in_uri = p[1] == '0' && p[2] == '0';
	return cs;
}

/* Frees a request's state when libmicrohttpd is done with it. */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	watchdog_request_done(c);
	conn_state *cs = *con_cls;
	if (cs) {
		free(cs->body);
		free(cs);
		*con_cls = NULL;
	}
}

/* Silences libmicrohttpd's own log except for real errors. */
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("actip serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* ---- the sweep of expired upload previews ------------------------------------------- */

/* A thread with its own connection that deletes expired previews every period, so that
 * none outlives its hour on a server that nobody uses (upload_sweep). */
struct web_sweeper {
	const web_config *cfg;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping;
	pthread_t thread;
};

static void *sweep_loop(void *arg)
{
	struct web_sweeper *sw = arg;
	store st;
	actip_err err;
	bool open = store_open(&st, sw->cfg->db_path, STORE_MUST_EXIST, &err) == 0;
	if (!open)
		web_log(NULL, "the sweep of upload previews cannot open the database: %s", err.msg);
	pthread_mutex_lock(&sw->lock);
	while (!sw->stopping) {
		if (open && upload_sweep(&st, time(NULL)) < 0)
			web_log(NULL, "the sweep of upload previews failed: %s", sqlite3_errmsg(st.db));
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += sw->cfg->sweep_secs;
		while (!sw->stopping && pthread_cond_timedwait(&sw->wake, &sw->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&sw->lock);
	if (open)
		store_close(&st);
	return NULL;
}

/* Stops the sweep and waits for its thread. */
static void sweeper_stop(struct web_sweeper *sw)
{
	if (!sw)
		return;
	pthread_mutex_lock(&sw->lock);
	sw->stopping = true;
	pthread_cond_signal(&sw->wake);
	pthread_mutex_unlock(&sw->lock);
	pthread_join(sw->thread, NULL);
	pthread_mutex_destroy(&sw->lock);
	pthread_cond_destroy(&sw->wake);
	free(sw);
}

/* Starts the sweep; NULL when the thread cannot start. */
static struct web_sweeper *sweeper_start(const web_config *cfg)
{
	struct web_sweeper *sw = calloc(1, sizeof *sw);
	if (!sw)
		return NULL;
	sw->cfg = cfg;
	pthread_mutex_init(&sw->lock, NULL);
	pthread_cond_init(&sw->wake, NULL);
	if (pthread_create(&sw->thread, NULL, sweep_loop, sw) != 0) {
		pthread_mutex_destroy(&sw->lock);
		pthread_cond_destroy(&sw->wake);
		free(sw);
		return NULL;
	}
	return sw;
}

/* The test builds' shorter deadline (a test of it must not wait a minute). */
int web_config_test_env(web_config *cfg, actip_err *err)
{
	const char *sweep = getenv("ACTIP_TEST_SWEEP_SECS");
	if (sweep && *sweep) {
#ifdef ACTIP_TEST_HOOKS
		int64_t n;
		if (text_parse_count(sweep, &n) < 0 || n < 1 || n > 3600)
			return err_set(err, ACTIP_EINPUT, "ACTIP_TEST_SWEEP_SECS takes seconds, 1 to 3600");
		cfg->sweep_secs = (unsigned)n;
#else
		return err_set(err, ACTIP_ERR, "ACTIP_TEST_SWEEP_SECS is set, but this is a release build: it is "
			       "honoured only by test builds; unset it");
#endif
	}
	const char *v = getenv("ACTIP_TEST_DEADLINE_SECS");
	if (!v || !*v)
		return ACTIP_OK;
#ifdef ACTIP_TEST_HOOKS
	int64_t n;
	if (text_parse_count(v, &n) < 0 || n < 1 || n > 3600)
		return err_set(err, ACTIP_EINPUT, "ACTIP_TEST_DEADLINE_SECS takes seconds, 1 to 3600, not '%.20s'", v);
	cfg->deadline_secs = (unsigned)n;
	return ACTIP_OK;
#else
	(void)cfg;
	return err_set(err, ACTIP_ERR, "ACTIP_TEST_DEADLINE_SECS is set, but this is a release build: it is "
		       "honoured only by test builds; unset it");
#endif
}

/* Starts the daemon. */
int web_server_start(web_server *srv, const web_config *cfg, const char *host, unsigned port,
		     actip_err *err)
{
	memset(srv, 0, sizeof *srv);
	srv->cfg = *cfg;
	if (web_config_test_env(&srv->cfg, err) < 0)
		return ACTIP_ERR;
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return err_set(err, ACTIP_EINPUT, "--listen needs an IPv4 address such as 127.0.0.1, not '%s'", host);
	/* poll(), not epoll: with libmicrohttpd 0.9.75's edge-triggered epoll, a client that
	 * sends a few bytes of garbage and closes left its connection in CLOSE-WAIT until the
	 * 15 s timeout, so a flood of them filled the 512 connections and other users waited
	 * seconds (tests/integration/abuse.sh); with poll() such a connection closes at once. */
	snprintf(srv->cfg.listen_addr, sizeof srv->cfg.listen_addr, "%s", host);
	srv->cfg.listen_port = port;
	if (watchdog_start(&srv->watchdog, srv->cfg.deadline_secs, WEB_HEADER_SECS, srv->cfg.max_conns, err) < 0)
		return ACTIP_ERR;
	/* TLS through libmicrohttpd's GnuTLS: 1.2 and 1.3 only, GnuTLS's secure suites. The
	 * options are appended only when TLS is on (an empty key is an error to it). */
	struct MHD_OptionItem tls_opts[] = {
		{MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)(uintptr_t)cfg->tls_key},
		{MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)(uintptr_t)cfg->tls_cert},
		{MHD_OPTION_HTTPS_PRIORITIES, 0,
		 (void *)(uintptr_t)"SECURE128:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:%SERVER_PRECEDENCE"},
		{MHD_OPTION_END, 0, NULL},
	};
	struct MHD_OptionItem no_opts[] = {{MHD_OPTION_END, 0, NULL}};
	srv->daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG | (cfg->tls ? MHD_USE_TLS : 0),
		(uint16_t)port, NULL, NULL, on_request, &srv->cfg,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
		MHD_OPTION_ARRAY, cfg->tls ? tls_opts : no_opts,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout_secs,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_conns,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->max_per_ip,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)cfg->conn_memory,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, watchdog_notify, srv->watchdog,
		MHD_OPTION_END);
	if (!srv->daemon) {
		watchdog_stop(srv->watchdog);
		srv->watchdog = NULL;
		return err_set(err, ACTIP_EIO, "cannot listen on %s:%u (in use, or not allowed)", host, port);
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = di ? di->port : port;
	srv->cfg.listen_port = srv->port; /* before any request could compare a Host with it */
	if (!(srv->sweeper = sweeper_start(&srv->cfg))) {
		web_server_stop(srv);
		return err_set(err, ACTIP_ERR, "cannot start the sweep of upload previews");
	}
	return ACTIP_OK;
}

/* Stops the daemon and closes the connections. */
void web_server_stop(web_server *srv)
{
	sweeper_stop(srv->sweeper);
	srv->sweeper = NULL;
	if (srv->daemon)
		MHD_stop_daemon(srv->daemon);
	srv->daemon = NULL;
	watchdog_stop(srv->watchdog); /* after the daemon: every connection announced closed */
	srv->watchdog = NULL;
	close_stores();
}
