/* The records API of spec/records-api.md: every kind of record (every template with a
 * record_kind, import/template.h) listed, read, created, changed and deleted through one
 * family of routes, over the records engine (records.h). Nothing here names a kind:
 * fields, key, codes, role rules, scope and lock all come from the kind's description.
 * Updates and deletes need the version the client read (If-Match). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/country.h"
#include "core/text.h"
#include "import/template.h"
#include "web/api.h"
#include "web/guard.h"
#include "web/records.h"
#include "web/server.h"
#include "web/write.h"

/* ---- the description of the kinds ------------------------------------------------ */

/* A column's type in the API's words, and its accepted codes. */
static const char *type_name(const colspec *c, json_t **values)
{
	static const char *const sexes[] = {"female", "male", "other", NULL};
	*values = NULL;
	const char *const *words = c->type == T_ENUM || c->type == T_SCALE ? c->allowed : c->type == T_SEX ? sexes : NULL;
	switch (c->type) {
	case T_DATE: return "date";
	case T_YEAR: case T_COUNT: return "integer";
	case T_DECIMAL: return "number";
	case T_YESNO: return "yes_no";
	case T_CODES: return "list";
	case T_ENUM: case T_SCALE: case T_SEX: case T_COUNTRY:
		*values = json_array();
		for (int i = 0; words && words[i]; i++)
			json_array_append_new(*values, json_string(words[i]));
		for (int i = 0; c->type == T_COUNTRY && country_table[i].code; i++)
			json_array_append_new(*values, json_string(country_table[i].code));
		return "code";
	default: return "text";
	}
}

/* May the user write this kind at all? */
static bool may_write(const web_req *rq, const template *t)
{
	return guard_template_allowed(&rq->user, t->name);
}

/* GET /api/v1/records: every kind with its fields, key and what the user may do. */
static void kinds_h(web_req *rq, web_resp *rs)
{
	json_t *kinds = json_array();
	for (int i = 0; i < template_count; i++) {
		const template *t = template_table[i];
		if (!t->kind)
			continue;
		const char *names[TPL_MAX_KEY];
		int nk = rec_key_names(t, names);
		json_t *key = json_array(), *fields = json_array();
		for (int k = 0; k < nk; k++)
			json_array_append_new(key, json_string(names[k]));
		if (t->kind->seq_key)
			json_array_append_new(fields, json_pack("{sssssb}", "name", "seq", "type", "integer",
								"required", false));
		for (int c = 0; c < t->ncols; c++) {
			json_t *values;
			const char *type = type_name(&t->cols[c], &values);
			json_t *f = json_pack("{sssssb}", "name", t->cols[c].name, "type", type, "required",
					      t->cols[c].required);
			if (values)
				json_object_set_new(f, "values", values);
			json_array_append_new(fields, f);
		}
		bool w = may_write(rq, t);
		json_array_append_new(kinds, json_pack("{sssssosos{sbsbsbsb}ss*}", "kind", t->name, "label",
						       t->kind->label, "key", key, "fields", fields, "may",
						       "read", true, "create", w, "update", w, "delete", w,
						       "lock", t->kind->lock));
	}
	resp_json(rs, 200, json_pack("{so}", "kinds", kinds));
}

/* ---- reading ---------------------------------------------------------------------- */

/* Appends a shown record to the answer's rows. */
static void add_row(json_t *shown, void *ctx)
{
	json_array_append(ctx, shown);
}

/* GET /api/v1/records/{kind}?FIELD=VALUE&q=TEXT&limit=N&offset=N */
static void list_h(web_req *rq, web_resp *rs)
{
	const template *t = rec_kind(rq->params[0]);
	if (!t)
		return resp_json_error(rs, 404, "no such kind of record");
	const char *filter[TPL_MAX_COLS + 1][2];
	int nfilter = 0;
	for (int c = -1; c < t->ncols; c++) {
		const char *name = c < 0 ? (t->kind->seq_key ? "seq" : NULL) : t->cols[c].name;
		const char *v = name ? req_query(rq, name) : NULL;
		if (v)
			filter[nfilter][0] = name, filter[nfilter++][1] = v;
	}
	const char *lim = req_query(rq, "limit"), *off = req_query(rq, "offset");
	int64_t limit = 100, offset = 0;
	if ((lim && (text_parse_count(lim, &limit) < 0 || limit < 1 || limit > 1000)) ||
	    (off && text_parse_count(off, &offset) < 0))
		return resp_json_error(rs, 400, "limit is a number from 1 to 1000 and offset a number from 0");
	json_t *rows = json_array();
	long long total;
	if (rec_list(rq, t, (const char *const (*)[2])filter, nfilter, req_query(rq, "q"), offset, limit, add_row,
		     rows, &total) < 0) {
		json_decref(rows);
		return resp_json_error(rs, 500, "cannot read the records");
	}
	resp_json(rs, 200, json_pack("{sosI}", "rows", rows, "total", (json_int_t)total));
}

/* Fills a reference from the path: kind, then its key values. Answers 404 itself. */
static bool ref_from_path(web_req *rq, web_resp *rs, rec_ref *r)
{
	memset(r, 0, sizeof *r);
	r->t = rec_kind(rq->params[0]);
	const char *names[TPL_MAX_KEY];
	int nk = r->t ? rec_key_names(r->t, names) : 0;
	if (!r->t || rq->nparams - 1 != nk) {
		resp_json_error(rs, 404, r->t ? "no such record (give every key field)" : "no such kind of record");
		return false;
	}
	for (int i = 0; i < nk; i++)
		r->key[i] = rq->params[i + 1];
	r->nkey = nk;
	return true;
}

/* GET /api/v1/records/{kind}/{key...} */
static void read_h(web_req *rq, web_resp *rs)
{
	rec_ref r;
	if (!ref_from_path(rq, rs, &r))
		return;
	int status;
	json_t *o = rec_read(rq, &r, &status);
	if (!o)
		return resp_json_error(rs, status, status == 404 ? "no such record" : "cannot read the record");
	resp_json(rs, 200, o);
}

/* ---- writing ---------------------------------------------------------------------- */

/* The If-Match version (quotes taken off), or NULL. */
static const char *if_match(web_req *rq, char out[40])
{
	const char *h = req_header(rq, "If-Match");
	if (!h)
		return NULL;
	size_t n = strlen(h);
	if (n >= 2 && h[0] == '"' && h[n - 1] == '"')
		snprintf(out, 40, "%.*s", (int)(n - 2 < 39 ? n - 2 : 39), h + 1);
	else
		snprintf(out, 40, "%.39s", h);
	return out;
}

/* Answers a failed write: 422 with every error by field, else the status and message. */
static void write_failed(web_resp *rs, web_write *w)
{
	if (w->status == 422) {
		rs->status = 422;
		rs->ctype = "application/json";
		json_t *errs = json_array();
		for (size_t i = 0; i < w->diag.len; i++)
			if (w->diag.items[i].kind == DIAG_ERROR)
				json_array_append_new(errs, json_pack("{ssss}", "field", w->diag.items[i].column,
								      "message", w->diag.items[i].message));
		json_t *o = json_pack("{so}", "errors", errs);
		json_dumpf(o, rs->out, JSON_COMPACT | JSON_ENSURE_ASCII);
		json_decref(o);
	} else {
		resp_json_error(rs, w->status, w->message[0] ? w->message : "the write failed");
	}
}

/* Writes body as r and answers the stored record with ok_status. */
static void write_and_answer(web_req *rq, web_resp *rs, rec_ref *r, json_t *body, const char *expected,
			     long long at_seq, int ok_status)
{
	web_write w;
	rec_write(rq, r, body, expected, at_seq, &w);
	if (w.status != 200) {
		write_failed(rs, &w);
		return web_write_free(&w);
	}
	web_write_free(&w);
	int status;
	json_t *o = r->t->kind->seq_key && !at_seq ? rec_last_child(rq, r->t, r->key[0]) : rec_read(rq, r, &status);
	if (!o)
		return resp_json_error(rs, 500, "the record was stored but cannot be read back");
	resp_json(rs, ok_status, o);
}

/* Reads the request's JSON record. */
static json_t *body_record(web_req *rq, web_resp *rs)
{
	if (!rq->content_type || strcasecmp(rq->content_type, "application/json") != 0) {
		resp_json_error(rs, 415, "send application/json");
		return NULL;
	}
	json_error_t je;
	json_t *o = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(o)) {
		json_decref(o);
		resp_json_error(rs, 400, "the body is not a JSON object");
		return NULL;
	}
	return o;
}

/* POST /api/v1/records/{kind} */
static void create_h(web_req *rq, web_resp *rs)
{
	rec_ref r = {.t = rec_kind(rq->params[0])};
	if (!r.t)
		return resp_json_error(rs, 404, "no such kind of record");
	json_t *body = body_record(rq, rs);
	if (!body)
		return;
	const char *names[TPL_MAX_KEY];
	char bufs[TPL_MAX_KEY][32];
	r.nkey = rec_key_names(r.t, names);
	for (int i = 0; i < r.nkey; i++)
		r.key[i] = rec_value_text(json_object_get(body, names[i]), bufs[i], sizeof bufs[i]);
	if (r.t->kind->seq_key)
		json_object_del(body, "seq"); /* the server numbers the row */
	write_and_answer(rq, rs, &r, body, "", 0, 201);
	json_decref(body);
}

/* PUT /api/v1/records/{kind}/{key...} with If-Match. */
static void update_h(web_req *rq, web_resp *rs)
{
	rec_ref r;
	if (!ref_from_path(rq, rs, &r))
		return;
	char v[40];
	const char *expected = if_match(rq, v);
	if (!expected)
		return resp_json_error(rs, 412, "send If-Match with the version you read");
	json_t *body = body_record(rq, rs);
	if (!body)
		return;
	/* the key is the path's: key fields in the body must agree, missing ones are filled */
	const char *names[TPL_MAX_KEY];
	rec_key_names(r.t, names);
	for (int i = 0; i < r.nkey; i++) {
		char buf[32];
		json_t *given = json_object_get(body, names[i]);
		const char *g = rec_value_text(given, buf, sizeof buf);
		if (given && !json_is_null(given) && (!g || strcmp(g, r.key[i]) != 0)) {
			json_decref(body);
			return resp_json_error(rs, 400, "a key field differs from the record's path; "
						       "create a new record instead");
		}
		if (!g && strcmp(names[i], "seq") != 0)
			json_object_set_new(body, names[i], json_string(r.key[i]));
	}
	long long at_seq = 0;
	if (r.t->kind->seq_key) {
		int64_t n;
		if (text_parse_count(r.key[1], &n) < 0 || n < 1) {
			json_decref(body);
			return resp_json_error(rs, 404, "no such record");
		}
		at_seq = n;
		json_object_del(body, "seq");
	}
	write_and_answer(rq, rs, &r, body, expected, at_seq, 200);
	json_decref(body);
}

/* DELETE /api/v1/records/{kind}/{key...} with If-Match. */
static void delete_h(web_req *rq, web_resp *rs)
{
	rec_ref r;
	if (!ref_from_path(rq, rs, &r))
		return;
	char v[40], msg[400];
	const char *expected = if_match(rq, v);
	if (!expected)
		return resp_json_error(rs, 412, "send If-Match with the version you read");
	int status = rec_delete(rq, &r, expected, false, NULL, msg, sizeof msg);
	if (status != 200)
		return resp_json_error(rs, status, msg);
	resp_json(rs, 200, json_pack("{sb}", "deleted", true));
}

const web_route api_records_routes[] = {
	{"GET", "/api/v1/records", kinds_h, 0},
	{"GET", "/api/v1/records/{}", list_h, 0},
	{"POST", "/api/v1/records/{}", create_h, R_WRITE | R_FILER},
	{"GET", "/api/v1/records/{}/{}", read_h, 0},
	{"GET", "/api/v1/records/{}/{}/{?}", read_h, 0},
	{"GET", "/api/v1/records/{}/{}/{?}/{?}", read_h, 0},
	{"GET", "/api/v1/records/{}/{}/{?}/{?}/{?}", read_h, 0},
	{"PUT", "/api/v1/records/{}/{}", update_h, R_WRITE | R_FILER},
	{"PUT", "/api/v1/records/{}/{}/{?}", update_h, R_WRITE | R_FILER},
	{"PUT", "/api/v1/records/{}/{}/{?}/{?}", update_h, R_WRITE | R_FILER},
	{"PUT", "/api/v1/records/{}/{}/{?}/{?}/{?}", update_h, R_WRITE | R_FILER},
	{"DELETE", "/api/v1/records/{}/{}", delete_h, R_WRITE | R_FILER},
	{"DELETE", "/api/v1/records/{}/{}/{?}", delete_h, R_WRITE | R_FILER},
	{"DELETE", "/api/v1/records/{}/{}/{?}/{?}", delete_h, R_WRITE | R_FILER},
	{"DELETE", "/api/v1/records/{}/{}/{?}/{?}/{?}", delete_h, R_WRITE | R_FILER},
	{NULL, NULL, NULL, 0},
};
