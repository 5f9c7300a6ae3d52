/* The write path (see write.h). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "import/template.h"
#include "web/data.h"
#include "web/guard.h"
#include "web/server.h"
#include "web/upload_map.h"
#include "web/write.h"

typedef struct hook_ctx {
	web_req *rq;
	web_write *w;
	const char *template_name;
	bool dry_run;
	const web_precond *pc; /* optimistic concurrency; NULL: none */
} hook_ctx;

/* How one write runs: a preview, an edit at a version, or an append. */
typedef struct write_mode {
	bool dry_run;
	bool one_record;       /* import_hooks.one_record */
	long long at_seq;      /* import_hooks.at_seq */
	bool append;           /* import_hooks.append */
	const web_precond *pc; /* NULL: no version to check */
	const upload_format *up; /* an upload: its format and the remembered mappings; NULL: none */
	const char *name;      /* the user's file name for errors; NULL: ?name= or TEMPLATE.csv */
} write_mode;

/* True for 32 lower-case hex digits, the shape of every version. */
static bool is_version(const char *v)
{
	return strlen(v) == 32 && strspn(v, "0123456789abcdef") == 32;
}

/* Runs first inside the import's transaction (holding the write lock): a stored version
 * other than the one the edit was based on refuses the write with 409. */
static int after_begin(store *st, void *ctx, actip_err *err)
{
	hook_ctx *h = ctx;
	const web_precond *pc = h->pc;
	char now[33] = "";
	if (!pc)
		return ACTIP_OK;
	int found = pc->version(st, pc->key, now);
	if (found < 0) {
		h->w->status = 500;
		return err_set(err, ACTIP_ERR, "cannot read the %s's version", pc->what);
	}
	if (found == 0)
		now[0] = '\0';
	if (strcmp(now, pc->expected) != 0) {
		h->w->status = 409;
		h->w->stale = true;
		if (!pc->expected[0])
			return err_set(err, ACTIP_ERR, "the %s was stored by someone else meanwhile; "
				       "reload it and edit again", pc->what);
		/* The message goes to the log: a form field is quoted only when it looks like a
		 * version (it could hold a line break). */
		return err_set(err, ACTIP_ERR, "the %s was changed since version %.40s was read; "
			       "reload it and edit again", pc->what, is_version(pc->expected) ? pc->expected : "(unknown)");
	}
	return ACTIP_OK;
}

/* Runs inside the import's transaction, after every row is written. */
static int before_commit(store *st, void *ctx, actip_err *err)
{
	hook_ctx *h = ctx;
	int status = guard_check(st, &h->rq->user, err);
	if (status) {
		h->w->status = status;
		return ACTIP_ERR;
	}
	guard_touched_list(st, h->w->touched, sizeof h->w->touched, 20);
	/* one record of the records API is audited as that record (old and new as the kind's
	 * JSON); other writes by what the guard's triggers saw */
	bool one = h->pc && h->pc->audit;
	if (!h->dry_run && (one ? h->pc->audit(st, h->pc->key, h->rq) < 0
				: guard_audit(st, h->rq, "change", h->template_name) < 0)) {
		h->w->status = 500;
		err_set(err, ACTIP_ERR, "cannot write the audit log; nothing was stored");
		return ACTIP_ERR;
	}
	return ACTIP_OK;
}

/* Runs before each row is stored: the row's kind's scope rule for the user. */
static int row_check(store *st, void *ctx, const template *t, const tplrow *r, actip_err *err)
{
	hook_ctx *h = ctx;
	int status = guard_scope_row(st, &h->rq->user, t, r, err);
	if (status)
		h->w->status = status;
	return status ? ACTIP_ERR : ACTIP_OK;
}

static void write_csv(web_req *rq, const char *template_name, const char *csv, size_t len,
		      const write_mode *m, web_write *w);

/* One guarded import. */
void web_write_csv(web_req *rq, const char *template_name, const char *csv, size_t len,
		   bool dry_run, web_write *w)
{
	write_mode m = {.dry_run = dry_run};
	write_csv(rq, template_name, csv, len, &m, w);
}

/* An upload (see write.h). */
void web_write_upload(web_req *rq, const char *template_name, const char *body, size_t len, bool dry_run,
		      bool append, const upload_format *uf, const char *name, web_write *w)
{
	static const upload_format none;
	write_mode m = {.dry_run = dry_run, .append = append, .up = uf ? uf : &none, .name = name};
	write_csv(rq, template_name, body, len, &m, w);
}

/* One guarded import whose participants or feedback rows are appended. */
void web_write_csv_append(web_req *rq, const char *template_name, const char *csv, size_t len,
			  web_write *w)
{
	write_mode m = {.append = true};
	write_csv(rq, template_name, csv, len, &m, w);
}

/* One guarded import of an edit based on a version. */
void web_write_csv_at(web_req *rq, const char *template_name, const char *csv, size_t len,
		      const web_precond *pc, web_write *w)
{
	write_mode m = {.pc = pc};
	write_csv(rq, template_name, csv, len, &m, w);
}

/* One record of the records API at a version (see write.h). */
void web_write_record(web_req *rq, const char *template_name, const char *csv, size_t len,
		      const web_precond *pc, long long at_seq, web_write *w)
{
	write_mode m = {.pc = pc, .one_record = true, .at_seq = at_seq};
	write_csv(rq, template_name, csv, len, &m, w);
}

/* The stored activity's version, in web_precond's shape (key: the activity id). */
static int activity_version(store *st, const void *key, char out[33])
{
	return data_activity_version(st, key, out);
}

/* One guarded import of an activity edit at a version. */
void web_write_csv_if_match(web_req *rq, const char *template_name, const char *csv, size_t len,
			    const char *activity_id, const char *if_match, web_write *w)
{
	web_precond pc = {activity_version, activity_id, if_match, "activity", NULL};
	web_write_csv_at(rq, template_name, csv, len, &pc, w);
}

/* The name errors give the file: the user's own file name when the client sent it
 * (?name=, a plain name of printable UTF-8 without a path), else TEMPLATE.csv. */
static void upload_label(web_req *rq, const char *given, const char *template_name, char *label, size_t size)
{
	const char *name = given ? given : req_query(rq, "name");
	bool plain = name && *name && strlen(name) < size && text_utf8_valid(name, strlen(name));
	for (const char *p = name; plain && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F || *p == '/' || *p == '\\')
			plain = false;
	if (plain)
		snprintf(label, size, "%s", name);
	else
		snprintf(label, size, "%s.csv", template_name);
}

/* The write path behind the four. */
static void write_csv(web_req *rq, const char *template_name, const char *csv, size_t len,
		      const write_mode *m, web_write *w)
{
	memset(w, 0, sizeof *w);
	diag_init(&w->diag, 200, 50);
	if (!guard_template_allowed(&rq->user, template_name)) {
		w->status = 403;
		snprintf(w->message, sizeof w->message, "your role may not upload %s", template_name);
		web_log(rq, "refused a write of %s", template_name);
		store_audit_write(rq->st, rq->user.name, rq->addr, "refused", "upload", template_name, NULL, NULL);
		return;
	}
	char label[96];
	upload_label(rq, m->name, template_name, label, sizeof label);
	header_map map = {0};
	import_format fmt = {0};
	if (m->up) { /* an upload: its format, and the mappings people chose for its headers */
		fmt.encoding = m->up->encoding;
		fmt.date_order = m->up->date_order;
		fmt.delimiter = m->up->delimiter;
		fmt.map = &map;
		if (upload_map_load(rq->st, template_name, &map) < 0) {
			w->status = 500;
			snprintf(w->message, sizeof w->message, "cannot read the remembered column mappings");
			return;
		}
	}
	FILE *in = fmemopen((void *)csv, len, "r");
	if (!in || guard_reset(rq->st) < 0) {
		if (in)
			fclose(in);
		header_map_free(&map);
		w->status = 500;
		snprintf(w->message, sizeof w->message, "cannot start the write");
		return;
	}
	hook_ctx h = {rq, w, template_name, m->dry_run, m->pc};
	import_hooks hooks = {.dry_run = m->dry_run, .append = m->append, .after_begin = after_begin,
			      .before_commit = before_commit, .row_check = row_check, .ctx = &h,
			      .one_record = m->one_record, .at_seq = m->at_seq, .fmt = m->up ? &fmt : NULL};
	actip_err err = {{0}};
	int rc = import_stream_hooked(rq->st, in, label, template_name, &hooks, &w->diag, &err);
	fclose(in);
	header_map_free(&map);
	snprintf(w->headers, sizeof w->headers, "%s", hooks.headers);
	w->rows = hooks.rows;
	w->changed = hooks.changed;
	w->replaced = hooks.replaced;
	w->replaced_detail = hooks.replaced_detail; /* web_write_free frees it */
	if (rc == ACTIP_OK) {
		w->status = 200;
	} else if (hooks.refused) { /* a kind's scope rule (row_check) */
		if (w->status != 500)
			w->status = 403;
		snprintf(w->message, sizeof w->message, "%.1000s", err.msg);
	} else if (rc == ACTIP_EINPUT && hooks.locked) { /* the store's lock triggers */
		w->status = 409;
		for (size_t i = 0; i < w->diag.len && !w->message[0]; i++)
			if (w->diag.items[i].kind == DIAG_ERROR && strstr(w->diag.items[i].message, "approved"))
				snprintf(w->message, sizeof w->message, "%.1000s", w->diag.items[i].message);
	} else if (rc == ACTIP_EINPUT && w->diag.errors) {
		w->status = 422;
	} else {
		if (!w->status)
			w->status = rc == ACTIP_EINPUT ? 422 : 500;
		snprintf(w->message, sizeof w->message, "%.1000s", err.msg[0] ? err.msg : "the write failed");
		if (w->status == 422 && !w->diag.errors)
			diag_add(&w->diag, DIAG_ERROR, label, 0, "-", "%s", w->message);
	}
	if (w->status == 500)
		web_log(rq, "write of %s failed: %s%s%s", template_name, w->message,
			w->diag.len && !rq->st->pseudonymised ? "; " : "", /* a message may quote a value */
			w->diag.len && !rq->st->pseudonymised ? w->diag.items[0].message : "");
	if (w->status == 403 || w->status == 409) {
		web_log(rq, "refused a write of %s: %s", template_name, w->message);
		store_audit_write(rq->st, rq->user.name, rq->addr, "refused", "upload", template_name, NULL, NULL);
	}
}

/* Frees the diagnostics. */
void web_write_free(web_write *w)
{
	diag_free(&w->diag);
	free(w->replaced_detail);
	w->replaced_detail = NULL;
}

/* An always-quoted CSV field. */
void csv_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* Content types of a file sent as it is. */
bool web_write_file_type(const char *ct)
{
	static const char *const types[] = {"text/csv", "text/plain", "text/tab-separated-values",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"application/octet-stream", NULL};
	for (int i = 0; ct && types[i]; i++)
		if (strcasecmp(ct, types[i]) == 0)
			return true;
	return false;
}

/* The 422 body. */
void web_write_errors_json(const web_write *w, FILE *out)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < w->diag.len; i++) {
		const diag_entry *e = &w->diag.items[i];
		if (e->kind != DIAG_ERROR)
			continue;
		json_t *o = json_pack("{sssIssss}", "file", e->file, "line", (json_int_t)e->line,
				      "column", e->column, "message", e->message);
		if (o && e->pos)
			json_object_set_new(o, "cell", json_string(e->pos));
		json_array_append_new(arr, o);
	}
	json_t *root = json_pack("{so}", "errors", arr);
	json_dumpf(root, out, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	json_decref(root);
}
