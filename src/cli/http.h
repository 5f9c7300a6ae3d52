/* The sync client's HTTP(S) transport, the module actip-http (http_module.c, libcurl):
 * opened by `actip sync` on first use (core/module.h), so that curl and the two dozen
 * libraries it brings cost nothing to every other command. */
#ifndef ACTIP_CLI_HTTP_H
#define ACTIP_CLI_HTTP_H

#include <stddef.h>

typedef struct http_conn http_conn;

typedef struct http_api {
	/* A connection that keeps the server's cookies between requests; ca_file is a CA
	 * bundle to trust instead of the system's (NULL: the system's). NULL with why when
	 * the client cannot start. */
	http_conn *(*open)(const char *ca_file, char *why, size_t whylen);
	/* One request: method to url with the given header lines (a NULL-terminated list)
	 * and body (NULL: none). The answer's body, malloc'd and NUL-terminated, goes to
	 * *answer (NULL when empty) and its length to *len. Returns the HTTP status, or -1
	 * with why when the server cannot be reached. */
	long (*request)(http_conn *c, const char *method, const char *url, const char *const *headers,
			const char *body, char **answer, size_t *len, char *why, size_t whylen);
	void (*close)(http_conn *c);
} http_api;

/* The module's one exported symbol. */
#define HTTP_SYMBOL actip_http
#define HTTP_SYMBOL_NAME "actip_http"

#endif
