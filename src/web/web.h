/* The web application (`actip serve`): shared types of the server, its router and its
 * handlers. A request is read whole (body capped) into a web_req, routed through one
 * table (router.c) that also says who may call each route and whether it changes data,
 * and answered by a handler that writes into a web_resp. Handlers never write to the
 * socket; server.c adds the security headers to every response. */
#ifndef ACTIP_WEB_WEB_H
#define ACTIP_WEB_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "core/err.h"
#include "store/store.h"
#include "web/cache.h"

typedef enum { ROLE_NONE = 0, ROLE_VIEWER, ROLE_FOCAL_POINT, ROLE_COUNTRY_OFFICER, ROLE_ADMIN } web_role;

/* The signed-in user of a request. */
typedef struct web_user {
	long long id;
	char name[65];
	web_role role;
	char body[33];    /* focal point's sectoral body */
	char country[8];  /* country officer's country */
	char lang[8];     /* the language the account chose ("": none) */
} web_user;

/* Server settings, fixed at start. */
typedef struct web_config {
	const char *db_path;
	size_t body_limit;      /* bytes; larger bodies get 413 */
	unsigned timeout_secs;  /* idle connection timeout */
	unsigned deadline_secs; /* absolute per-request deadline */
	unsigned sweep_secs;    /* period of the sweep of expired upload previews */
	unsigned max_conns, max_per_ip, threads;
	size_t conn_memory;     /* per-connection memory limit */
	bool secure_cookie;     /* __Host- prefix and Secure (off only on plain HTTP on loopback) */
	bool tls;               /* this server speaks TLS itself (--tls-cert, --tls-key) */
	const char *tls_cert, *tls_key; /* their PEM text */
	char public_origin[280]; /* "https://host[:port]" of --public-url; "" when none */
	char public_host[256];  /* its host[:port], as a Host header names it */
	bool public_https;
	char listen_addr[64];   /* the address and port served (web_server_start sets them) */
	unsigned listen_port;
	char trusted[8][64];    /* --trust-proxy: peers whose forwarded headers are believed */
	int ntrusted;
} web_config;

enum { WEB_MAX_PARAMS = 6 };

/* One request, read whole. */
typedef struct web_req {
	const web_config *cfg;
	void *conn;               /* struct MHD_Connection * */
	/* The connection's query argument NAME (server.c: libmicrohttpd's look-up); NULL in a
	 * request made for a local write. req_query reads it. */
	const char *(*query_arg)(void *conn, const char *name);
	const char *method, *path;
	const char *content_type; /* without parameters, lower-case compared */
	const char *origin, *host;
	char *body;               /* NUL-terminated */
	size_t body_len;
	char addr[64];
	char *params[WEB_MAX_PARAMS]; /* route captures */
	int nparams;
	store *st;
	time_t now;
	bool authed;
	web_user user;
	char token[65];           /* the session token from the cookie (hex) */
	uint8_t token_hash[32];
	char csrf[65];            /* this session's CSRF token */
	void *form;               /* parsed form fields (form.c) */
	webcache_stamp view;      /* the database view read by the session lookup (web_view) */
	const char *lang;         /* the page's language (i18n code) */
} web_req;

/* One response, built in memory. */
typedef struct web_resp {
	int status;
	const char *ctype;
	FILE *out;                /* body, via open_memstream */
	char *buf;
	size_t len;
	char set_cookie[200];
	char location[512];
	char disposition[120];
	bool cacheable;           /* static asset: may be cached */
	bool close;               /* close the connection after this response */
	bool gzip_ok;             /* the client accepts gzip (Accept-Encoding) */
	const unsigned char *gz;  /* a compressed body kept elsewhere (an asset's), or NULL */
	size_t gz_len;
	/* Bytes that follow the body when it is sent (resp_tail): joined once into a buffer of
	 * the exact size, instead of copied through the body's stream as it grows. */
	const char *tail, *tail2;
	size_t tail_len, tail2_len;
	char *tail_owned;         /* freed after sending (NULL: tail is not ours) */
	unsigned retry_after;     /* seconds, sent as Retry-After (0: none) */
} web_resp;

/* Handler of a route. */
typedef void (*web_handler)(web_req *rq, web_resp *rs);

/* Route flags. */
enum {
	R_PUBLIC = 1,   /* no session needed */
	R_WRITE = 2,    /* changes data: POST/PUT/DELETE, CSRF token and same origin checked */
	R_ADMIN = 4,    /* admins only */
	R_HTML = 8,     /* a page: errors as HTML, no session means redirect to sign-in */
	R_EDITOR = 16,  /* a role that may change records (admin or country officer) */
	R_FILER = 32,   /* a role that may send data at all (admin, country officer, focal point);
			 * which templates and records, guard.c decides */
};

typedef struct web_route {
	const char *method;
	const char *pattern;      /* "/api/v1/import/{}"; {} matches one segment */
	web_handler handler;
	int flags;
} web_route;

/* Router (router.c). Matches method and path; fills captures (pointers into a copy the
 * caller frees with route_free_params). Returns the route, or NULL with *status 404 or
 * 405. */
const web_route *route_match(const web_route *table, const char *method, const char *path,
			     char **params, int *nparams, int *status);
void route_free_params(char **params, int nparams);

/* Percent-decodes s in place ('+' as space when form is true); -1 on a bad escape or NUL. */
int route_url_decode(char *s, bool form);

/* Is origin (an Origin header, may be NULL) the expected one (web_expected_origin)? An
 * absent Origin passes (not a browser); "null" passes only when null_ok (a write with a
 * session, which the CSRF token guards; never at sign-in); a named one must equal
 * expected, case aside. Pure, for the fuzzer. */
bool route_same_origin(const char *origin, const char *expected, bool null_ok);

/* Public URL, Host and client address (origin.c). */
int web_public_url_parse(web_config *cfg, const char *url, actip_err *err);
bool web_host_allowed(const web_config *cfg, const char *host);
void web_expected_origin(const web_config *cfg, const char *host, char *out, size_t size);
bool web_proxy_trusted(const web_config *cfg, const char *addr);
void web_client_addr(const web_config *cfg, const char *peer, const char *xff, const char *forwarded, char *out,
		     size_t size);

/* The media type of a Content-Type header, parameters cut off, copied into buf (size
 * bytes); NULL when there is no header. Pure, for the fuzzer. */
const char *route_content_type(const char *header, char *buf, size_t size);

/* Role names. */
const char *web_role_name(web_role r);
web_role web_role_parse(const char *s);

/* Response helpers (server.c). */
void resp_json_error(web_resp *rs, int status, const char *message);
void resp_redirect(web_resp *rs, const char *location);
void resp_text(web_resp *rs, int status, const char *ctype, const char *text);
/* Appends what write (a writer that needs a path, such as libxlsxwriter's) makes of ctx
 * to the body, through a private temporary file; 0, or -1. */
int resp_via_file(web_resp *rs, int (*write)(const char *path, const void *ctx, actip_err *err),
		  const void *ctx, actip_err *err);

/* The request's store connection (one per server thread). */
store *web_store(const web_config *cfg, actip_err *err);

/* Query-string argument, or NULL. */
const char *req_query(web_req *rq, const char *name);
/* The request's path and query, URL-encoded (malloc'd; NULL when out of memory). */
char *req_target(web_req *rq);
/* Header, or NULL. */
const char *req_header(web_req *rq, const char *name);

/* Writes the server's log line: UTC time, address, user and the text; never secrets. */
void web_log(const web_req *rq, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
