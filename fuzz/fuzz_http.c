/* Fuzz target: the request path of `actip serve` before a handler runs, on raw HTTP
 * request text ("METHOD TARGET VERSION", header lines, blank line, body). It runs the
 * pieces the server applies, in the server's order: the path's UTF-8 check and
 * percent-decoding, the route tables (route_match over the API and page tables),
 * query arguments (form decoding), the Cookie header split into name=value pairs,
 * the Host check, the client address from X-Forwarded-For or Forwarded (origin.c, with a
 * public URL and a trusted proxy set), Origin against the expected origin
 * (route_same_origin), the Content-Type media type
 * (route_content_type), the CSRF comparison and, for form bodies, the form parser.
 * libmicrohttpd's own header parsing is not in this target. Invariants: no crash or
 * sanitizer report; a matched route's captures are valid UTF-8 and without '/'. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "fuzz.h"
#include "web/api.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/session.h"
#include "web/web.h"

/* No setup. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Decodes each name=value of a query string or cookie list split on sep. */
static void pairs(char *s, const char *sep, bool form)
{
	char *save = NULL;
	for (char *p = strtok_r(s, sep, &save); p; p = strtok_r(NULL, sep, &save)) {
		while (*p == ' ')
			p++;
		char *eq = strchr(p, '=');
		if (eq)
			*eq++ = '\0';
		if (form) {
			if (route_url_decode(p, true) == 0)
				(void)text_utf8_valid(p, strlen(p));
			if (eq && route_url_decode(eq, true) == 0)
				(void)text_utf8_valid(eq, strlen(eq));
		}
	}
}

/* Routes the path through every table the server has. */
static void route_all(const char *method, const char *path)
{
	const web_route *t[] = {api_routes, page_routes, page_activity_routes, page_upload_routes};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *params[WEB_MAX_PARAMS];
		int n = 0, status = 0;
		const web_route *r = route_match(t[i], method, path, params, &n, &status);
		if (r) {
			if (status != 200 || n < 0 || n > WEB_MAX_PARAMS)
				abort();
			for (int j = 0; j < n; j++)
				if (!text_utf8_valid(params[j], strlen(params[j])) || strchr(params[j], '/'))
					abort();
			route_free_params(params, n);
		} else if (n != 0 || (status != 404 && status != 405)) {
			abort();
		}
	}
}

/* Parses and routes one request. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *req = malloc(size + 1);
	if (!req)
		return 0;
	memcpy(req, data, size);
	req[size] = '\0';
	char *body = strstr(req, "\r\n\r\n");
	if (body) {
		*body = '\0';
		body += 4;
	} else {
		body = req + strlen(req);
	}
	char *line_save = NULL;
	char *line = strtok_r(req, "\r\n", &line_save);
	if (!line) {
		free(req);
		return 0;
	}
	static char empty[1];
	char *sp1 = strchr(line, ' ');
	char *method = line, *target = sp1 ? sp1 + 1 : empty; /* written to below: not a literal */
	if (sp1)
		*sp1 = '\0';
	char *sp2 = strchr(target, ' ');
	if (sp2)
		*sp2 = '\0';
	char *query = strchr(target, '?');
	if (query)
		*query++ = '\0';
	const char *origin = NULL, *host = NULL, *ctype_h = NULL, *csrf = NULL, *xff = NULL, *fwd = NULL;
	char *cookie = NULL;
	for (char *h = strtok_r(NULL, "\r\n", &line_save); h; h = strtok_r(NULL, "\r\n", &line_save)) {
		char *colon = strchr(h, ':');
		if (!colon)
			continue;
		*colon = '\0';
		char *v = colon + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		if (text_ieq(h, "Origin"))
			origin = v;
		else if (text_ieq(h, "Host"))
			host = v;
		else if (text_ieq(h, "Content-Type"))
			ctype_h = v;
		else if (text_ieq(h, "X-CSRF-Token"))
			csrf = v;
		else if (text_ieq(h, "Cookie"))
			cookie = v;
		else if (text_ieq(h, "X-Forwarded-For"))
			xff = v;
		else if (text_ieq(h, "Forwarded"))
			fwd = v;
	}
	/* The server receives the path decoded (libmicrohttpd) and checks its UTF-8. */
	if (route_url_decode(target, false) == 0 && text_utf8_valid(target, strlen(target)))
		route_all(method, target);
	if (query)
		pairs(query, "&", true);
	if (cookie)
		pairs(cookie, ";", false);
	static web_config cfg;
	if (!cfg.public_host[0]) {
		actip_err err;
		if (web_public_url_parse(&cfg, "https://actip.example.org", &err) < 0)
			abort();
		snprintf(cfg.listen_addr, sizeof cfg.listen_addr, "127.0.0.1");
		cfg.listen_port = 8080;
		snprintf(cfg.trusted[0], sizeof cfg.trusted[0], "127.0.0.1");
		snprintf(cfg.trusted[1], sizeof cfg.trusted[1], "10.0.0.1");
		cfg.ntrusted = 2;
	}
	(void)web_host_allowed(&cfg, host);
	char want_origin[300], addr[64];
	web_expected_origin(&cfg, host, want_origin, sizeof want_origin);
	(void)route_same_origin(origin, want_origin, false);
	web_client_addr(&cfg, "127.0.0.1", xff, fwd, addr, sizeof addr);
	char ctype[80];
	const char *ct = route_content_type(ctype_h, ctype, sizeof ctype);
	char expected[65];
	memset(expected, 'a', 64);
	expected[64] = '\0';
	(void)csrf_equal(expected, csrf);
	if (ct && text_ieq(ct, "application/x-www-form-urlencoded")) {
		web_req rq;
		memset(&rq, 0, sizeof rq);
		rq.body = body;
		rq.body_len = strlen(body);
		rq.content_type = ct;
		(void)form_get(&rq, "csrf");
		(void)form_get(&rq, "title");
		form_free(&rq);
	}
	free(req);
	return 0;
}
