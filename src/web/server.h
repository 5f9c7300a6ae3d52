/* Starting and stopping the web server, and the pieces server.c shares with the page
 * and API handlers (form fields, the error page). */
#ifndef ACTIP_WEB_SERVER_H
#define ACTIP_WEB_SERVER_H

#include <jansson.h>

#include "web/web.h"

typedef struct web_server {
	web_config cfg;
	void *daemon; /* struct MHD_Daemon * */
	struct web_watchdog *watchdog; /* watchdog.h: the deadline of what the handler never sees */
	struct web_sweeper *sweeper;   /* deletes expired upload previews every sweep_secs */
	unsigned port;
} web_server;

/* The production limits (security.md "Server limits"; docs/api.md): 15 s idle
 * connection timeout, 60 s absolute deadline per request. */
enum { WEB_TIMEOUT_SECS = 15, WEB_DEADLINE_SECS = 60, WEB_HEADER_SECS = 10 };

/* Fills cfg with the defaults of `actip serve` (db_path "actip.db"). */
void web_config_defaults(web_config *cfg);

/* Applies the test-only environment variable ACTIP_TEST_DEADLINE_SECS (1 to 3600) to
 * cfg->deadline_secs. Only a build configured with -Dtests=enabled honours it; a
 * release build refuses to go on while it is set (returns < 0 with the reason), as
 * for ACTIP_TEST_WEAK_KDF. web_server_start calls it. */
int web_config_test_env(web_config *cfg, actip_err *err);

/* Starts serving on host:port (port 0 picks a free one, stored in srv->port). */
int web_server_start(web_server *srv, const web_config *cfg, const char *host, unsigned port,
		     actip_err *err);

/* Stops serving and closes the database connections. */
void web_server_stop(web_server *srv);

/* Form fields of an application/x-www-form-urlencoded body (form.c): the value of a
 * field, NULL when absent; every value is checked to be valid UTF-8. */
const char *form_get(web_req *rq, const char *name);
void form_free(web_req *rq);

/* The request's view of the database for the render cache (web/cache.h): taken by the
 * session lookup, or fresh when the request has written since. */
webcache_stamp web_view(web_req *rq);

/* Sends tail (len bytes), then tail2 (a string, or NULL), after the body written so far,
 * joined once at the end of the request instead of copied through the growing body
 * stream; the handler writes nothing more. tail must stay valid until then (a cache
 * entry of this thread does); owned, when not NULL, is freed then. */
void resp_tail(web_resp *rs, const char *tail, size_t len, char *owned, const char *tail2);

/* Writes a JSON value (and releases it) with a status. */
void resp_json(web_resp *rs, int status, json_t *v);

/* Parses the JSON body as an object whose keys are all in `allowed` (NULL-ended),
 * rejecting duplicate keys. On failure answers 400 and returns NULL. */
json_t *req_json_object(web_req *rq, web_resp *rs, const char *const *allowed);

/* An HTML error page. */
void page_error(web_req *rq, web_resp *rs, int status, const char *message);

#endif
