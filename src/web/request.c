/* What the handlers, and the write path the sync client shares with them (write.c),
 * read of a request, write into its answer and write to the server's log, without the
 * HTTP library (server.c sends the answer): a request made by the server carries
 * libmicrohttpd's query look-up; one made for a local write carries none. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/escape.h"
#include "core/text.h"
#include "web/server.h"
#include "web/web.h"

/* A query argument, valid UTF-8, or NULL (also for a request without a connection). */
const char *req_query(web_req *rq, const char *name)
{
	const char *v = rq->query_arg ? rq->query_arg(rq->conn, name) : NULL;
	return v && text_utf8_valid(v, strlen(v)) ? v : NULL;
}

/* One log line on stderr. */
void web_log(const web_req *rq, const char *fmt, ...)
{
	char when[32];
	struct tm tm;
	time_t now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	char raw[512], msg[1024], who[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	esc_log(msg, sizeof msg, raw); /* a path or a name with a line break forges no line */
	esc_log(who, sizeof who, rq && rq->authed ? rq->user.name : "-");
	/* One write(2) per line: no stdio lock shared by the server's threads, and lines of
	 * different threads never interleave. */
	char line[1400];
	int n = snprintf(line, sizeof line, "%s %s %s %s\n", when, rq && rq->addr[0] ? rq->addr : "-", who, msg);
	if (n < 0)
		return;
	size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
	line[len - 1] = '\n';
	for (size_t off = 0; off < len;) {
		ssize_t w = write(STDERR_FILENO, line + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		off += (size_t)w;
	}
}

/* Replaces the body with text. */
void resp_text(web_resp *rs, int status, const char *ctype, const char *text)
{
	rs->status = status;
	rs->ctype = ctype;
	fputs(text, rs->out);
}

/* Appends the file at path to the body. */
static int body_from_file(web_resp *rs, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		fwrite(chunk, 1, n, rs->out);
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

/* Runs a writer that needs a path on a private temporary file, then appends the file
 * to the body and removes it. */
int resp_via_file(web_resp *rs, int (*write)(const char *path, const void *ctx, actip_err *err),
		  const void *ctx, actip_err *err)
{
	char tmp[] = "/tmp/actip-out-XXXXXX";
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	close(fd);
	int rc = write(tmp, ctx, err);
	if (rc == 0)
		rc = body_from_file(rs, tmp);
	unlink(tmp);
	return rc;
}

/* A JSON value (stolen) with a status. */
void resp_json(web_resp *rs, int status, json_t *v)
{
	rs->status = status;
	rs->ctype = "application/json";
	json_dumpf(v, rs->out, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	json_decref(v);
}

/* {"error": message} with a status. A message cut short by a "%.80s" may end inside a
 * UTF-8 sequence, which JSON cannot hold: the broken tail is dropped (found by fuzz_json:
 * such a 400 went out with an empty body). */
void resp_json_error(web_resp *rs, int status, const char *message)
{
	rs->status = status;
	rs->ctype = "application/json";
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", message ? message : "error");
	size_t n = strlen(buf);
	for (int cut = 0; cut < 4 && n > 0 && !text_utf8_valid(buf, n); cut++)
		buf[--n] = '\0';
	json_t *o = json_pack("{ss}", "error", text_utf8_valid(buf, n) ? buf : "the request was refused");
	json_dumpf(o, rs->out, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
}

/* 303 See Other to a local path. */
void resp_redirect(web_resp *rs, const char *location)
{
	rs->status = 303;
	snprintf(rs->location, sizeof rs->location, "%s", location);
}

/* Sends a (large) text after the body, then a second one (the layout's end), without
 * copying them through the body's stream. tail must stay valid until the response is
 * built at the end of the request (a cache entry of this thread is); owned, when not
 * NULL, is freed then. */
void resp_tail(web_resp *rs, const char *tail, size_t len, char *owned, const char *tail2)
{
	rs->tail = tail;
	rs->tail_len = len;
	rs->tail_owned = owned;
	rs->tail2 = tail2;
	rs->tail2_len = tail2 ? strlen(tail2) : 0;
}

