/* Request bodies: application/x-www-form-urlencoded fields (parsed once, on first use,
 * every value checked to be valid UTF-8) and JSON objects (duplicate keys rejected,
 * unknown keys refused). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "web/server.h"

enum { FORM_MAX_FIELDS = 64 };

typedef struct form_fields {
	int n;
	char *key[FORM_MAX_FIELDS], *val[FORM_MAX_FIELDS];
	bool bad;
} form_fields;

/* Parses the body once. */
static form_fields *parse(web_req *rq)
{
	if (rq->form)
		return rq->form;
	form_fields *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	rq->form = f;
	if (!rq->content_type || strcasecmp(rq->content_type, "application/x-www-form-urlencoded") != 0)
		return f;
	char *copy = strdup(rq->body), *save = NULL;
	if (!copy) {
		f->bad = true;
		return f;
	}
	for (char *pair = strtok_r(copy, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
		if (f->n == FORM_MAX_FIELDS) {
			f->bad = true;
			break;
		}
		char *eq = strchr(pair, '=');
		if (eq)
			*eq = '\0';
		char *k = strdup(pair), *v = strdup(eq ? eq + 1 : "");
		if (!k || !v || route_url_decode(k, true) < 0 || route_url_decode(v, true) < 0 ||
		    !text_utf8_valid(k, strlen(k)) || !text_utf8_valid(v, strlen(v))) {
			free(k);
			free(v);
			f->bad = true;
			continue;
		}
		f->key[f->n] = k;
		f->val[f->n++] = v;
	}
	free(copy);
	return f;
}

/* A field's value (the first when repeated). */
const char *form_get(web_req *rq, const char *name)
{
	form_fields *f = parse(rq);
	if (!f || f->bad)
		return NULL;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->key[i], name) == 0)
			return f->val[i];
	return NULL;
}

/* Frees the parsed fields. */
void form_free(web_req *rq)
{
	form_fields *f = rq->form;
	if (!f)
		return;
	for (int i = 0; i < f->n; i++) {
		free(f->key[i]);
		free(f->val[i]);
	}
	free(f);
	rq->form = NULL;
}

/* Parses a JSON object body against an allowlist of keys. */
json_t *req_json_object(web_req *rq, web_resp *rs, const char *const *allowed)
{
	if (!rq->content_type || strcasecmp(rq->content_type, "application/json") != 0) {
		resp_json_error(rs, 415, "send application/json");
		return NULL;
	}
	json_error_t je;
	json_t *o = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!o || !json_is_object(o)) {
		char msg[300];
		snprintf(msg, sizeof msg, "the body is not a JSON object%s%s", o ? "" : ": ", o ? "" : je.text);
		json_decref(o);
		resp_json_error(rs, 400, msg);
		return NULL;
	}
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		bool known = false;
		for (int i = 0; allowed[i] && !known; i++)
			known = strcmp(allowed[i], key) == 0;
		if (!known) {
			char msg[200];
			snprintf(msg, sizeof msg, "unknown field '%.100s'", key);
			json_decref(o);
			resp_json_error(rs, 400, msg);
			return NULL;
		}
	}
	return o;
}
