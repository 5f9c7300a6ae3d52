/* Where a request comes from and whom it names, for a server that may sit behind a
 * reverse proxy: the public URL (`--public-url`), the Host check against DNS rebinding,
 * the origin a browser must send for this server, and the client's address taken from
 * X-Forwarded-For or Forwarded only when the peer is a trusted proxy (`--trust-proxy`).
 * Pure functions of their arguments, so the fuzzer and the unit tests can call them. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "web/web.h"

/* Is s a literal IPv4 or IPv6 address? */
static bool is_ip(const char *s)
{
	unsigned char buf[16];
	return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

/* A host name or address with an optional port: letters, digits, '.', '-', ':', and
 * brackets around an IPv6 address; nothing else (no user, path or query). */
static bool host_port_ok(const char *s)
{
	if (!*s || strlen(s) > 200)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr(".-:[]", *p)))
			return false;
	return true;
}

/* Parses --public-url https://HOST[:PORT] (http:// too, for a proxy on a private
 * network) into cfg's public origin and host; a path, a user or a query is refused. */
int web_public_url_parse(web_config *cfg, const char *url, actip_err *err)
{
	const char *rest;
	bool https = strncasecmp(url, "https://", 8) == 0;
	if (https)
		rest = url + 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		rest = url + 7;
	else
		return err_set(err, ACTIP_EINPUT, "--public-url takes https://HOST[:PORT], not '%.80s'", url);
	char host[256];
	snprintf(host, sizeof host, "%s", rest);
	size_t n = strlen(host);
	if (n && host[n - 1] == '/')
		host[--n] = '\0';
	if (!host_port_ok(host))
		return err_set(err, ACTIP_EINPUT, "--public-url takes https://HOST[:PORT] without a path, not '%.80s'",
			       url);
	for (char *p = host; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	/* The default port is left out, as browsers leave it out of Origin. */
	const char *dflt = https ? ":443" : ":80";
	size_t dl = strlen(dflt);
	if (n > dl && strcmp(host + n - dl, dflt) == 0)
		host[n - dl] = '\0';
	snprintf(cfg->public_host, sizeof cfg->public_host, "%s", host);
	snprintf(cfg->public_origin, sizeof cfg->public_origin, "%s://%s", https ? "https" : "http", host);
	cfg->public_https = https;
	return ACTIP_OK;
}

/* May a request name this Host? The public host, the listen address and port, and, on
 * loopback, localhost with the port. A browser always sends Host; a request without
 * one (HTTP/1.0) passes. */
bool web_host_allowed(const web_config *cfg, const char *host)
{
	if (!host)
		return true;
	if (cfg->public_host[0] && strcasecmp(host, cfg->public_host) == 0)
		return true;
	if (cfg->public_host[0]) { /* "host:443" for https://host; "host" for https://host:8443 (nginx's $host) */
		const char *colon = strrchr(cfg->public_host, ':');
		size_t name_len = colon && !strchr(colon, ']') ? (size_t)(colon - cfg->public_host) : 0;
		if (name_len && strlen(host) == name_len && strncasecmp(host, cfg->public_host, name_len) == 0)
			return true;
		char with_port[300];
		snprintf(with_port, sizeof with_port, "%s:%s", cfg->public_host, cfg->public_https ? "443" : "80");
		if (strcasecmp(host, with_port) == 0)
			return true;
	}
	char listen[120];
	snprintf(listen, sizeof listen, "%s:%u", cfg->listen_addr, cfg->listen_port);
	if (strcasecmp(host, listen) == 0)
		return true;
	snprintf(listen, sizeof listen, "localhost:%u", cfg->listen_port);
	return strncmp(cfg->listen_addr, "127.", 4) == 0 && strcasecmp(host, listen) == 0;
}

/* The origin a browser sends for this server when it reached it by host: the public
 * URL's, or the scheme this server speaks with the Host it was given. */
void web_expected_origin(const web_config *cfg, const char *host, char *out, size_t size)
{
	if (cfg->public_origin[0])
		snprintf(out, size, "%s", cfg->public_origin);
	else
		snprintf(out, size, "%s://%s", cfg->tls ? "https" : "http", host ? host : "");
}

/* Is addr one of the trusted proxies? */
bool web_proxy_trusted(const web_config *cfg, const char *addr)
{
	for (int i = 0; i < cfg->ntrusted; i++)
		if (strcmp(cfg->trusted[i], addr) == 0)
			return true;
	return false;
}

/* The next address from the right of a comma-separated list (X-Forwarded-For, or the
 * for= parameters of Forwarded), copied into out without quotes, brackets or port;
 * returns the length of the list left of it, or -1 when the list is used up. */
static long prev_item(const char *list, long end, bool forwarded, char *out, size_t size)
{
	if (end <= 0)
		return -1;
	long start = end;
	while (start > 0 && list[start - 1] != ',')
		start--;
	char item[256];
	size_t n = (size_t)(end - start) < sizeof item - 1 ? (size_t)(end - start) : sizeof item - 1;
	memcpy(item, list + start, n);
	item[n] = '\0';
	char *p = item;
	if (forwarded) { /* for=1.2.3.4;proto=https  or  for="[2001:db8::1]:4711" */
		char *f = strcasestr(p, "for=");
		p = f ? f + 4 : p + n;
		p[strcspn(p, ";")] = '\0';
	}
	p += strspn(p, " \t\"");
	p[strcspn(p, " \t\"")] = '\0';
	if (*p == '[') {
		p++;
		p[strcspn(p, "]")] = '\0';
	} else if (strchr(p, ':') && strchr(p, ':') == strrchr(p, ':')) {
		*strchr(p, ':') = '\0'; /* IPv4 with a port */
	}
	snprintf(out, size, "%s", p);
	return start > 0 ? start - 1 : 0;
}

/* The client's address: the peer's, or, when the peer is a trusted proxy, the rightmost
 * address of X-Forwarded-For (else Forwarded) that is not itself a trusted proxy. An
 * unparsable entry stops the walk at the last trusted hop, so a client cannot choose
 * its address by sending the header itself. */
void web_client_addr(const web_config *cfg, const char *peer, const char *xff, const char *forwarded, char *out,
		     size_t size)
{
	snprintf(out, size, "%s", peer);
	if (!web_proxy_trusted(cfg, peer))
		return;
	const char *list = xff ? xff : forwarded;
	if (!list)
		return;
	long end = (long)strlen(list);
	char item[256];
	while ((end = prev_item(list, end, !xff, item, sizeof item)) >= 0) {
		if (!is_ip(item))
			return;
		snprintf(out, size, "%s", item);
		if (!web_proxy_trusted(cfg, item))
			return;
	}
}
