/* The router: a route table (method, pattern, handler, flags) is looked up by walking
 * the path segment by segment; "{}" in a pattern captures one segment (the server decodes the path),
 * "{?}" one that may be empty (a blank key field of the records API). A
 * path that matches some pattern under another method gives 405, else 404. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "web/web.h"

/* The value of one hex digit, or -1. */
static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes in place; refuses bad escapes and encoded NULs. */
int route_url_decode(char *s, bool form)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '%') {
			int hi = hexval((unsigned char)r[1]), lo = hi < 0 ? -1 : hexval((unsigned char)r[2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				return -1;
			*w++ = (char)(hi * 16 + lo);
			r += 2;
		} else if (*r == '+' && form) {
			*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return 0;
}

/* Frees captured parameters. */
void route_free_params(char **params, int nparams)
{
	for (int i = 0; i < nparams; i++) {
		free(params[i]);
		params[i] = NULL;
	}
}

/* Matches one pattern against a path; on success fills the captures. */
static bool match_one(const char *pattern, const char *path, char **params, int *nparams)
{
	const char *p = pattern, *s = path;
	int n = 0;
	while (*p) {
		bool maybe_empty = strncmp(p, "{?}", 3) == 0; /* a capture that may be "" */
		if ((p[0] == '{' && p[1] == '}') || maybe_empty) {
			const char *end = strchr(s, '/');
			size_t len = end ? (size_t)(end - s) : strlen(s);
			if ((len == 0 && !maybe_empty) || n >= WEB_MAX_PARAMS)
				goto fail;
			/* The server hands over the path already percent-decoded. */
			char *v = strndup(s, len);
			if (!v || !text_utf8_valid(v, strlen(v))) {
				free(v);
				goto fail;
			}
			params[n++] = v;
			p += maybe_empty ? 3 : 2;
			s += len;
			continue;
		}
		if (*p != *s)
			goto fail;
		p++;
		s++;
	}
	if (*p || *s)
		goto fail;
	*nparams = n;
	return true;
fail:
	route_free_params(params, n);
	return false;
}

/* Finds the route for method and path. */
const web_route *route_match(const web_route *table, const char *method, const char *path,
			     char **params, int *nparams, int *status)
{
	bool path_known = false;
	*nparams = 0;
	*status = 404;
	for (const web_route *r = table; r->method; r++) {
		char *tmp[WEB_MAX_PARAMS];
		int n = 0;
		if (!match_one(r->pattern, path, tmp, &n))
			continue;
		if (strcmp(r->method, method) != 0) {
			path_known = true;
			route_free_params(tmp, n);
			continue;
		}
		memcpy(params, tmp, sizeof(char *) * (size_t)n);
		*nparams = n;
		*status = 200;
		return r;
	}
	*status = path_known ? 405 : 404;
	return NULL;
}

/* Is origin (an Origin header, may be NULL) the expected one? */
bool route_same_origin(const char *origin, const char *expected, bool null_ok)
{
	/* "null" comes from a sandboxed frame, a data: page, or a page whose Referrer-Policy
	 * is no-referrer: a foreign page can send it at will (login CSRF). Our own pages
	 * send their origin (Referrer-Policy: same-origin). */
	if (!origin)
		return true;
	if (strcmp(origin, "null") == 0)
		return null_ok;
	return expected && strcasecmp(origin, expected) == 0;
}

/* The media type of a Content-Type header (parameters cut off) in buf, or NULL. */
const char *route_content_type(const char *header, char *buf, size_t size)
{
	if (!header || size == 0)
		return NULL;
	snprintf(buf, size, "%s", header);
	buf[strcspn(buf, "; ")] = '\0';
	return buf;
}

/* The role's name as stored. */
const char *web_role_name(web_role r)
{
	static const char *const names[] = {
		[ROLE_NONE] = "none", [ROLE_VIEWER] = "viewer", [ROLE_FOCAL_POINT] = "focal_point",
		[ROLE_COUNTRY_OFFICER] = "country_officer", [ROLE_ADMIN] = "admin",
	};
	return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "none";
}

/* A role from its name; ROLE_NONE when unknown. */
web_role web_role_parse(const char *s)
{
	for (int r = ROLE_VIEWER; r <= ROLE_ADMIN; r++)
		if (s && strcmp(s, web_role_name((web_role)r)) == 0)
			return (web_role)r;
	return ROLE_NONE;
}
