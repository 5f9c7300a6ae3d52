/* The module actip-http: the sync client's HTTP(S) requests through libcurl (http.h).
 * Only http and https are allowed; timeouts bound a dead link; cookies live as long as
 * the connection. */
#include "cli/http.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct http_conn {
	CURL *c;
	char *buf;
	size_t len, cap;
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* curl's write callback: appends to the answer. */
static size_t take(char *data, size_t size, size_t n, void *ctx)
{
	http_conn *h = ctx;
	size_t add = size * n;
	if (h->len + add + 1 > h->cap) {
		size_t cap = (h->len + add + 1) * 2;
		char *b = realloc(h->buf, cap);
		if (!b)
			return 0;
		h->buf = b;
		h->cap = cap;
	}
	memcpy(h->buf + h->len, data, add);
	h->len += add;
	h->buf[h->len] = '\0';
	return add;
}

static http_conn *conn_open(const char *ca_file, char *why, size_t whylen)
{
	pthread_once(&global_once, global_init);
	http_conn *h = calloc(1, sizeof *h);
	if (global_rc != CURLE_OK || !h || !(h->c = curl_easy_init())) {
		free(h);
		snprintf(why, whylen, "cannot start the HTTP client");
		return NULL;
	}
	curl_easy_setopt(h->c, CURLOPT_WRITEFUNCTION, take);
	curl_easy_setopt(h->c, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(h->c, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(h->c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h->c, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(h->c, CURLOPT_TIMEOUT, 600L);
	curl_easy_setopt(h->c, CURLOPT_ACCEPT_ENCODING, "");
	if (ca_file)
		curl_easy_setopt(h->c, CURLOPT_CAINFO, ca_file);
	return h;
}

static long conn_request(http_conn *h, const char *method, const char *url, const char *const *headers,
			 const char *body, char **answer, size_t *len, char *why, size_t whylen)
{
	*answer = NULL;
	*len = 0;
	h->len = 0;
	struct curl_slist *list = NULL;
	for (size_t i = 0; headers && headers[i]; i++) {
		struct curl_slist *l = curl_slist_append(list, headers[i]);
		if (!l) {
			curl_slist_free_all(list);
			snprintf(why, whylen, "%s: out of memory", url);
			return -1;
		}
		list = l;
	}
	curl_easy_setopt(h->c, CURLOPT_URL, url);
	curl_easy_setopt(h->c, CURLOPT_HTTPHEADER, list);
	/* POSTFIELDS makes a POST (even of NULL): HTTPGET after it makes a GET again */
	curl_easy_setopt(h->c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h->c, CURLOPT_HTTPGET, body ? 0L : 1L);
	curl_easy_setopt(h->c, CURLOPT_CUSTOMREQUEST, method);
	CURLcode rc = curl_easy_perform(h->c);
	curl_easy_setopt(h->c, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(list);
	if (rc != CURLE_OK) {
		snprintf(why, whylen, "%s: %s", url, curl_easy_strerror(rc));
		return -1;
	}
	long status = 0;
	curl_easy_getinfo(h->c, CURLINFO_RESPONSE_CODE, &status);
	if (h->len) {
		*answer = h->buf;
		*len = h->len;
		h->buf = NULL;
		h->len = h->cap = 0;
	}
	return status;
}

static void conn_close(http_conn *h)
{
	if (!h)
		return;
	curl_easy_cleanup(h->c);
	free(h->buf);
	free(h);
}

__attribute__((visibility("default"))) const http_api HTTP_SYMBOL = {conn_open, conn_request, conn_close};
