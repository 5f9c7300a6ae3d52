/* The record pages: for every kind of record (every template with a record_kind), a
 * list that pages, filters and searches; a view; a form to create or edit; a delete with
 * a confirmation that says what goes with the record. Everything is drawn from the
 * kind's one description (import/template.h) through the records engine (records.h):
 * labels of kinds, fields and codes, which widget a field gets, which roles see the
 * create, edit and delete buttons. No kind is named here.
 *   GET  /records                       the kinds, with what the user may do
 *   GET  /records/{kind}[?q&FIELD&page] the list (a country officer's or focal point's
 *                                       own country or body first; "all" lifts it)
 *   GET  /records/{kind}?new=1          the create form (POST /records/{kind})
 *   GET  /records/{kind}/{key...}       the view; ?edit=1 the form, ?delete=1 the
 *                                       confirmation; POST saves (action=save) or
 *                                       deletes (action=delete) at the form's version */
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/escape.h"
#include "core/i18n.h"
#include "core/text.h"
#include "web/guard.h"
#include "web/pages.h"
#include "web/records.h"
#include "web/server.h"
#include "web/write.h"

enum { PAGE_ROWS = 50, LIST_COLS = 7 };

/* ---- words for people --------------------------------------------------------------- */

/* A code or a field name as words (see pages.h). */
const char *page_code_words(const char *code, char *buf, size_t size)
{
	snprintf(buf, size, "%s", code ? code : "");
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return _(buf); /* the words of every code are in po/ (tools/xgettext_codes.py) */
}

/* Writes a code or a field name as words: "capacity_development" -> "Capacity development". */
static void words(FILE *o, const char *s)
{
	char buf[160];
	esc_html_text(o, page_code_words(s, buf, sizeof buf));
}

/* A stored value as people read it: countries by name, codes as words, the rest as is. */
static void shown_value(FILE *o, const colspec *c, const char *v)
{
	if (!v || !*v) {
		fputs("<span class=\"muted\">—</span>", o);
		return;
	}
	if (c && c->type == T_COUNTRY) {
		const country *k = country_by_code(v);
		esc_html_text(o, k ? country_label(k) : v);
	} else if (c && (c->type == T_ENUM || c->type == T_SCALE || c->type == T_SEX || c->type == T_YESNO)) {
		words(o, v);
	} else if (c && c->type == T_DATE) { /* in the page's language's order */
		char d[64];
		i18n_format_date(d, sizeof d, v);
		esc_html_text(o, d);
	} else if (c && c->type == T_COUNT && strspn(v, "0123456789") == strlen(v) && strlen(v) < 19) {
		char n[40];
		i18n_format_count(n, sizeof n, strtoll(v, NULL, 10)); /* with the language's grouping */
		esc_html_text(o, n);
	} else {
		esc_html_text(o, v);
	}
}

/* <option>s for a field's codes: countries by name, other codes as words; with `none`,
 * a first option of value "" (chosen when nothing is selected). */
static void code_options(FILE *o, const colspec *c, const char *selected, const char *none)
{
	static const char *const sexes[] = {"female", "male", "other", NULL};
	static const char *const yesno[] = {"yes", "no", NULL};
	if (none)
		fprintf(o, "<option value=\"\"%s>%s</option>", selected && *selected ? "" : " selected", none);
	const char *const *w = c->type == T_ENUM || c->type == T_SCALE ? c->allowed : c->type == T_SEX ? sexes
			     : c->type == T_YESNO ? yesno : NULL;
	for (int i = 0; w && w[i]; i++) {
		fputs("<option value=\"", o);
		esc_html_attr(o, w[i]);
		fputs(selected && strcmp(selected, w[i]) == 0 ? "\" selected>" : "\">", o);
		words(o, w[i]);
		fputs("</option>", o);
	}
	for (int i = 0; c->type == T_COUNTRY && country_table[i].code; i++) {
		fputs("<option value=\"", o);
		esc_html_attr(o, country_table[i].code);
		fputs(selected && strcmp(selected, country_table[i].code) == 0 ? "\" selected>" : "\">", o);
		esc_html_text(o, country_label(&country_table[i]));
		fputs("</option>", o);
	}
}

/* <option>s for the codes of a kind's field (see pages.h). */
void page_code_options(FILE *o, const char *kind, const char *field, const char *selected, const char *none)
{
	const template *t = template_find(kind);
	for (int i = 0; t && i < t->ncols; i++)
		if (strcmp(t->cols[i].name, field) == 0)
			return code_options(o, &t->cols[i], selected, none);
	if (none)
		fprintf(o, "<option value=\"\" selected>%s</option>", none);
}

/* The column of a field name, or NULL (the server key "seq"). */
static const colspec *col_of(const template *t, const char *name)
{
	for (int c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return &t->cols[c];
	return NULL;
}

/* A record's value of a field as text (NULL when blank). */
static const char *field_text(json_t *rec, const char *name, char buf[32])
{
	return rec_value_text(json_object_get(rec, name), buf, 32);
}

/* Writes a link to a record: /records/KIND/KEY1/KEY2... with each key percent-encoded. */
static void record_href(FILE *o, const template *t, json_t *rec)
{
	const char *names[TPL_MAX_KEY];
	int nk = rec_key_names(t, names);
	fputs("/records/", o);
	esc_url_part(o, t->name);
	for (int i = 0; i < nk; i++) {
		char buf[32];
		const char *v = field_text(rec, names[i], buf);
		fputc('/', o);
		esc_url_part(o, v ? v : "");
	}
}

/* ---- the index of kinds ----------------------------------------------------------- */

/* GET /records */
static void index_get(web_req *rq, web_resp *rs)
{
	FILE *o = rs->out;
	page_begin(rq, rs, _("Records"), "records");
	page_h(o,"<h1>Records</h1><p class=\"lead\">Every kind of record the programme keeps. Open a kind to "
	      "list, search, add, correct or delete its records.</p><div class=\"scroll\"><table id=\"kinds\">"
	      "<thead><tr><th>Kind</th><th>You may</th></tr></thead><tbody>");
	for (int i = 0; i < template_count; i++) {
		const template *t = template_table[i];
		if (!t->kind)
			continue;
		fputs("<tr><td><a href=\"/records/", o);
		esc_url_part(o, t->name);
		fputs("\">", o);
		esc_html_text(o, _(t->kind->label));
		fputs("</a></td><td>", o);
		fputs(guard_template_allowed(&rq->user, t->name) ? _("read, add, change, delete") : "read", o);
		fputs("</td></tr>", o);
	}
	fputs("</tbody></table></div>", o);
	page_end(rs);
}

/* ---- the list ------------------------------------------------------------------------ */

/* The state of a list page. */
typedef struct list_page {
	const template *t;
	FILE *o;
	const char *cols[LIST_COLS];
	int ncols;
} list_page;

/* Writes one record's row of the list. */
static void list_row(json_t *seen, void *ctx)
{
	list_page *l = ctx;
	FILE *o = l->o;
	fputs("<tr>", o);
	for (int c = 0; c < l->ncols; c++) {
		char buf[32];
		const char *v = field_text(seen, l->cols[c], buf);
		fprintf(o, "<td%s data-label=\"", v && *v ? "" : " class=\"empty\""); /* phones hide blanks */
		words(o, l->cols[c]);
		fputs("\">", o);
		if (c == 0) {
			fputs("<a href=\"", o);
			record_href(o, l->t, seen);
			fputs("\">", o);
		}
		if (v && strlen(v) > 120) { /* long texts cut on a character boundary */
			size_t n = 117;
			while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
				n--;
			char *cut = strndup(v, n);
			esc_html_text(o, cut ? cut : "");
			free(cut);
			fputs("…", o);
		} else {
			shown_value(o, col_of(l->t, l->cols[c]), v ? v : "");
		}
		if (c == 0)
			fputs("</a>", o);
		fputs("</td>", o);
	}
	fputs("</tr>\n", o);
}

/* The field a role's list opens on: a country officer's country, a focal point's body. */
static const char *own_filter(const web_req *rq, const template *t, const char **value)
{
	if (rq->user.role == ROLE_COUNTRY_OFFICER && col_of(t, "country")) {
		*value = rq->user.country;
		return "country";
	}
	if (rq->user.role == ROLE_FOCAL_POINT && col_of(t, "body")) {
		*value = rq->user.body;
		return "body";
	}
	return NULL;
}

/* Writes the filter form's select for a field with codes. */
static void filter_select(FILE *o, const colspec *c, const char *selected)
{
	fprintf(o, "<div class=\"field\"><label for=\"f-%s\">", c->name);
	words(o, c->name);
	fprintf(o, "</label><select id=\"f-%s\" name=\"%s\">", c->name, c->name);
	code_options(o, c, selected, _("All"));
	fputs("</select></div>", o);
}

/* The filters of a list page: fields with a value, and the search text. */
typedef struct list_filter {
	const char *f[TPL_MAX_COLS][2];
	int n;
	const char *q;
	bool all;
} list_filter;

/* Writes a link to the list with the page's filters and another page number. */
static void list_href(FILE *o, const template *t, const list_filter *lf, long long page)
{
	fputs("/records/", o);
	esc_url_part(o, t->name);
	fprintf(o, "?page=%lld", page);
	for (int i = 0; i < lf->n; i++) {
		fputs("&amp;", o);
		esc_url_part(o, lf->f[i][0]);
		fputc('=', o);
		esc_url_part(o, lf->f[i][1]);
	}
	if (lf->q && *lf->q) {
		fputs("&amp;q=", o);
		esc_url_part(o, lf->q);
	}
	if (lf->all)
		fputs("&amp;all=1", o);
}

/* GET /records/{kind} (?new=1: the create form). */
static void create_form(web_req *rq, web_resp *rs, const template *t, json_t *rec, const web_write *failed);

static void list_get(web_req *rq, web_resp *rs)
{
	const template *t = rec_kind(rq->params[0]);
	if (!t)
		return page_error(rq, rs, 404, _("There is no such kind of record."));
	if (req_query(rq, "new")) {
		if (!guard_template_allowed(&rq->user, t->name))
			return page_error(rq, rs, 403, _("Your role may not add these records."));
		json_t *rec = json_object();
		for (int c = 0; c < t->ncols; c++) { /* a link may preset fields (an activity's id) */
			const char *v = req_query(rq, t->cols[c].name);
			if (v)
				json_object_set_new(rec, t->cols[c].name, json_string(v));
		}
		create_form(rq, rs, t, rec, NULL);
		return json_decref(rec);
	}
	FILE *o = rs->out;
	list_page l = {.t = t, .o = o};
	list_filter lf = {.q = req_query(rq, "q"), .all = req_query(rq, "all") != NULL};
	bool all = lf.all;
	const char *own_value = NULL, *own = all ? NULL : own_filter(rq, t, &own_value);
	for (int c = 0; c < t->ncols; c++) {
		const char *v = req_query(rq, t->cols[c].name);
		if (!v && own && strcmp(own, t->cols[c].name) == 0)
			v = own_value;
		if (v && *v)
			lf.f[lf.n][0] = t->cols[c].name, lf.f[lf.n++][1] = v;
	}
	const char *names[TPL_MAX_KEY];
	int nk = rec_key_names(t, names);
	for (int i = 0; i < nk && l.ncols < LIST_COLS; i++)
		l.cols[l.ncols++] = names[i];
	for (int c = 0; c < t->ncols && l.ncols < LIST_COLS; c++) {
		bool key = false;
		for (int i = 0; i < nk; i++)
			key = key || strcmp(names[i], t->cols[c].name) == 0;
		if (!key && t->cols[c].type != T_CODES) /* names: shown where rec_shown keeps them */
			l.cols[l.ncols++] = t->cols[c].name;
	}
	int64_t page = 1;
	const char *pg = req_query(rq, "page");
	if (pg && (text_parse_count(pg, &page) < 0 || page < 1))
		page = 1;

	page_begin(rq, rs, _(t->kind->label), "records");
	page_h(o,"<p class=\"crumbs\"><a href=\"/records\">Records</a></p><h1>");
	esc_html_text(o, _(t->kind->label));
	fputs("</h1>", o);
	if (guard_template_allowed(&rq->user, t->name)) {
		fputs("<p><a class=\"button\" id=\"add\" href=\"/records/", o);
		esc_url_part(o, t->name);
		page_h(o,"?new=1\">Add</a></p>");
	}
	fputs("<form method=\"get\" class=\"filters grid2\" id=\"filters\">", o);
	int shown_filters = 0;
	for (int c = 0; c < t->ncols && shown_filters < 3; c++) {
		const colspec *cs = &t->cols[c];
		if (cs->type != T_ENUM && cs->type != T_SCALE && cs->type != T_SEX && cs->type != T_COUNTRY)
			continue;
		const char *sel = NULL;
		for (int i = 0; i < lf.n; i++)
			if (strcmp(lf.f[i][0], cs->name) == 0)
				sel = lf.f[i][1];
		filter_select(o, cs, sel);
		shown_filters++;
	}
	page_h(o,"<div class=\"field\"><label for=\"f-q\">Search</label><input id=\"f-q\" name=\"q\" type=\"search\" value=\"");
	esc_html_attr(o, lf.q ? lf.q : "");
	fputs("\"></div>", o);
	if (all)
		fputs("<input type=\"hidden\" name=\"all\" value=\"1\">", o);
	page_h(o,"<div class=\"field\"><button type=\"submit\">Show</button></div></form>");
	if (req_query(rq, "deleted"))
		page_h(o,"<div class=\"msg ok\" role=\"status\" id=\"deleted\">Deleted.</div>");
	if (own) {
		page_h(o,"<p class=\"muted\">Showing your own ");
		esc_html_text(o, own);
		page_h(o," first. <a href=\"/records/");
		esc_url_part(o, t->name);
		page_h(o,"?all=1\">Show every record</a></p>");
	}
	fputs("<div class=\"scroll\"><table class=\"matrix\" id=\"records\"><thead><tr>", o);
	for (int c = 0; c < l.ncols; c++) {
		fputs("<th>", o);
		words(o, l.cols[c]);
		fputs("</th>", o);
	}
	fputs("</tr></thead><tbody>", o);
	long long total;
	int rc = rec_list(rq, t, (const char *const (*)[2])lf.f, lf.n, lf.q, (page - 1) * PAGE_ROWS, PAGE_ROWS,
			  list_row, &l, &total);
	fputs("</tbody></table></div>", o);
	if (rc < 0)
		page_h(o,"<div class=\"msg bad\" role=\"alert\">The records could not be read; the list may be "
		      "incomplete. Try again.</div>");
	long long pages = (total + PAGE_ROWS - 1) / PAGE_ROWS;
	fputs("<p class=\"pager\" id=\"pager\">", o);
	char count[32];
	i18n_format_count(count, sizeof count, total);
	fprintf(o, P_("%s record", "%s records", total), count);
	if (pages > 1)
		page_hf(o, " · page %lld of %lld", (long long)page, pages);
	if (page > 1) {
		fputs(" · <a rel=\"prev\" href=\"", o);
		list_href(o, t, &lf, page - 1);
		page_h(o,"\">Previous</a>");
	}
	if (page < pages) {
		fputs(" · <a rel=\"next\" href=\"", o);
		list_href(o, t, &lf, page + 1);
		page_h(o,"\">Next</a>");
	}
	fputs("</p>", o);
	page_end(rs);
}

/* ---- one record --------------------------------------------------------------------- */

/* The reference named by the path, or false after answering 404. */
static bool path_ref(web_req *rq, web_resp *rs, rec_ref *r)
{
	memset(r, 0, sizeof *r);
	r->t = rec_kind(rq->params[0]);
	const char *names[TPL_MAX_KEY];
	int nk = r->t ? rec_key_names(r->t, names) : 0;
	if (!r->t || rq->nparams - 1 != nk) {
		page_error(rq, rs, 404, _("There is no such record."));
		return false;
	}
	for (int i = 0; i < nk; i++)
		r->key[i] = rq->params[i + 1];
	r->nkey = nk;
	return true;
}

/* The error of a field from a failed write, or NULL. */
static const char *field_error(const web_write *w, const char *name)
{
	for (size_t i = 0; w && i < w->diag.len; i++)
		if (w->diag.items[i].kind == DIAG_ERROR && strcmp(w->diag.items[i].column, name) == 0)
			return w->diag.items[i].message;
	return NULL;
}

/* Writes <option>s from a kind's records (value: field `value_of`, label: `label_of`),
 * limited to those whose `country` is the officer's when the user is one. */
typedef struct pick_ctx {
	FILE *o;
	const char *value_of, *label_of, *selected, *only_country;
	int n;
} pick_ctx;

static bool pick_option(json_t *rec, void *ctx)
{
	pick_ctx *p = ctx;
	char b1[32], b2[32], b3[32];
	const char *v = field_text(rec, p->value_of, b1), *label = field_text(rec, p->label_of, b2);
	const char *country = field_text(rec, "country", b3);
	if (!v || (p->only_country && country && strcmp(country, p->only_country) != 0))
		return true;
	fputs("<option value=\"", p->o);
	esc_html_attr(p->o, v);
	fputs(p->selected && strcmp(p->selected, v) == 0 ? "\" selected>" : "\">", p->o);
	esc_html_text(p->o, v);
	if (label) {
		fputs(" – ", p->o);
		esc_html_text(p->o, strlen(label) > 80 ? "" : label);
	}
	fputs("</option>", p->o);
	return ++p->n < 2000;
}

/* The kind a reference column picks from, with its value and label fields. */
static const template *ref_source(ref_kind k, const char **value_of, const char **label_of)
{
	static const struct { ref_kind k; const char *kind, *value, *label; } src[] = {
		{REF_PROJECT, "projects", "code", "title"},     {REF_PARTNER, "partners", "code", "name"},
		{REF_ACTIVITY, "activities", "activity_id", "title"}, {REF_ACHIEVEMENT, "achievements", "achievement_id", "date"},
	};
	for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
		if (src[i].k == k) {
			*value_of = src[i].value;
			*label_of = src[i].label;
			const template *t = rec_kind(src[i].kind);
			return t;
		}
	return NULL;
}

/* Writes one field of the form: the widget its type asks for, no answer chosen for the
 * person where one must be chosen, and its error next to it. */
static void form_field(web_req *rq, FILE *o, const colspec *c, const char *v, bool is_new,
		       bool key_locked, const web_write *failed)
{
	const char *err = field_error(failed, c->name);
	fprintf(o, "<div class=\"field%s\"><label for=\"r-%s\">", err ? " error" : "", c->name);
	words(o, c->name);
	if (c->required)
		page_h(o," <span class=\"req\" title=\"required\">*</span>");
	fputs("</label>", o);
	bool choices = c->type == T_ENUM || c->type == T_SCALE || c->type == T_SEX || c->type == T_YESNO;
	const char *vl, *ll;
	const template *src = c->type == T_CODE ? ref_source(c->ref, &vl, &ll) : NULL;
	if (key_locked) {
		fprintf(o, "<input id=\"r-%s\" name=\"%s\" readonly value=\"", c->name, c->name);
		esc_html_attr(o, v ? v : "");
		fputs("\">", o);
	} else if (choices || c->type == T_COUNTRY) {
		fprintf(o, "<select id=\"r-%s\" name=\"%s\"%s>", c->name, c->name, c->required ? " required" : "");
		const char *preset = v;
		if (c->type == T_COUNTRY && is_new && !(v && *v) && rq->user.role == ROLE_COUNTRY_OFFICER &&
		    strcmp(c->name, "country") == 0)
			preset = rq->user.country;
		code_options(o, c, preset, c->required ? _("Choose…") : _("Not given"));
		fputs("</select>", o);
	} else if (src) {
		fprintf(o, "<select id=\"r-%s\" name=\"%s\"%s><option value=\"\">%s</option>", c->name, c->name,
			c->required ? " required" : "", c->required ? _("Choose…") : _("None"));
		pick_ctx p = {o, vl, ll, v, rq->user.role == ROLE_COUNTRY_OFFICER ? rq->user.country : NULL, 0};
		const char *any[1] = {NULL};
		if (rec_each(rq->st, src, any, 1, pick_option, &p) < 0)
			page_h(o,"<option value=\"\">(the list could not be read)</option>");
		fputs("</select>", o);
	} else if (c->type == T_TEXT && (c->maxlen == 0 || c->maxlen > 300)) {
		fprintf(o, "<textarea id=\"r-%s\" name=\"%s\" rows=\"3\"%s>", c->name, c->name, c->required ? " required" : "");
		esc_html_text(o, v ? v : "");
		fputs("</textarea>", o);
	} else {
		const char *type = c->type == T_DATE ? "date" : c->type == T_EMAIL ? "email"
				 : c->type == T_YEAR || c->type == T_COUNT ? "number" : "text";
		fprintf(o, "<input id=\"r-%s\" name=\"%s\" type=\"%s\"%s%s value=\"", c->name, c->name, type,
			c->required ? " required" : "", c->type == T_DECIMAL ? " inputmode=\"decimal\"" : "");
		esc_html_attr(o, v ? v : "");
		fputs("\">", o);
		if (c->type == T_CODES)
			page_h(o,"<small class=\"muted\">Codes separated by ;</small>");
	}
	if (err) {
		fprintf(o, "<p class=\"err\" id=\"err-%s\" role=\"alert\">", c->name);
		esc_html_text(o, err);
		fputs("</p>", o);
	}
	fputs("</div>", o);
}

/* The errors of a failed write that name no field of the form, and its message. */
static void form_errors(FILE *o, const template *t, const web_write *w)
{
	if (!w)
		return;
	page_h(o,"<div class=\"msg bad\" role=\"alert\" id=\"form-error\"><strong>Nothing was stored.</strong> ");
	if (w->status != 422)
		esc_html_text(o, w->message[0] ? w->message : _("The write failed."));
	else
		page_h(o,"Correct the fields marked below.");
	for (size_t i = 0; i < w->diag.len; i++)
		if (w->diag.items[i].kind == DIAG_ERROR && !col_of(t, w->diag.items[i].column)) {
			fputs("<br>", o);
			esc_html_text(o, w->diag.items[i].message);
		}
	fputs("</div>", o);
}

/* The form of a record: rec's values (the stored or the typed ones). */
static void record_form(web_req *rq, FILE *o, const template *t, json_t *rec, bool is_new, const web_write *failed)
{
	const char *names[TPL_MAX_KEY];
	int nk = rec_key_names(t, names);
	fputs("<form method=\"post\" id=\"record-form\" action=\"", o);
	if (is_new) {
		fputs("/records/", o);
		esc_url_part(o, t->name);
	} else {
		record_href(o, t, rec);
	}
	fputs("\">", o);
	page_csrf_field(rq, o);
	fputs("<input type=\"hidden\" name=\"action\" value=\"save\">", o);
	char buf[32];
	if (!is_new) {
		const char *v = field_text(rec, "version", buf);
		fputs("<input type=\"hidden\" name=\"version\" value=\"", o);
		esc_html_attr(o, v ? v : "");
		fputs("\">", o);
	}
	fputs("<div class=\"grid2\">", o);
	for (int c = 0; c < t->ncols; c++) {
		bool key = false;
		for (int i = 0; i < nk; i++)
			key = key || strcmp(names[i], t->cols[c].name) == 0 || (t->kind->seq_key && i == 0 && c == 0);
		if ((t->kind->private_cols & 1u << c) && !json_object_get(rec, t->cols[c].name) && !is_new)
			continue; /* names the user may not see are not offered either */
		form_field(rq, o, &t->cols[c], field_text(rec, t->cols[c].name, buf), is_new, key && !is_new,
			   failed);
	}
	page_h(o,"</div><button type=\"submit\">Save</button></form>");
}

/* The page's head: the layout, the way back to the kind's list, and the heading
 * (`what` then the kind's one record: "Add a participant", "Edit this participant"). */
static void page_top(web_req *rq, web_resp *rs, const template *t, const char *what)
{
	FILE *o = rs->out;
	page_begin(rq, rs, _(t->kind->one), "records");
	page_h(o,"<p class=\"crumbs\"><a href=\"/records\">Records</a> › <a href=\"/records/");
	esc_url_part(o, t->name);
	fputs("\">", o);
	esc_html_text(o, _(t->kind->label));
	fputs("</a></p><h1>", o);
	if (*what) { /* "Add a %s": the kind's one record in place of the %s */
		const char *at = strstr(what, "%s");
		char before[200];
		snprintf(before, sizeof before, "%.*s", at ? (int)(at - what) : (int)strlen(what), what);
		esc_html_text(o, before);
		esc_html_text(o, _(t->kind->one));
		esc_html_text(o, at ? at + 2 : "");
	} else {
		words(o, t->kind->one);
	}
	fputs("</h1>", o);
}

/* The create form (GET /records/{kind}?new=1, or again after a failed create). */
static void create_form(web_req *rq, web_resp *rs, const template *t, json_t *rec, const web_write *failed)
{
	FILE *o = rs->out;
	if (failed)
		rs->status = failed->status == 400 ? 422 : failed->status;
	page_top(rq, rs, t, _("Add a %s"));
	form_errors(o, t, failed);
	record_form(rq, o, t, rec, true, failed);
	page_end(rs);
}

/* The view of a record, with its buttons; `note` is the message next to it. */
static void view_page(web_req *rq, web_resp *rs, const template *t, json_t *rec, const char *note)
{
	FILE *o = rs->out;
	page_top(rq, rs, t, "");
	if (note) {
		fputs("<div class=\"msg ok\" role=\"status\" id=\"saved\">", o);
		esc_html_text(o, note);
		fputs("</div>", o);
	}
	fputs("<div class=\"scroll\"><table id=\"record\"><tbody>", o);
	if (t->kind->seq_key) {
		char buf[32];
		page_h(o,"<tr><th>Row</th><td>");
		esc_html_text(o, field_text(rec, "seq", buf) ? buf : "");
		fputs("</td></tr>", o);
	}
	for (int c = 0; c < t->ncols; c++) {
		char buf[32];
		json_t *v = json_object_get(rec, t->cols[c].name);
		if (!v && (t->kind->private_cols & 1u << c))
			continue;
		fputs("<tr><th>", o);
		words(o, t->cols[c].name);
		fprintf(o, "</th><td id=\"v-%s\">", t->cols[c].name);
		shown_value(o, &t->cols[c], rec_value_text(v, buf, sizeof buf));
		fputs("</td></tr>", o);
	}
	fputs("</tbody></table></div>", o);
	if (guard_template_allowed(&rq->user, t->name)) {
		fputs("<p class=\"actions\"><a class=\"button\" id=\"edit\" href=\"", o);
		record_href(o, t, rec);
		page_h(o,"?edit=1\">Edit</a> <a class=\"button secondary\" id=\"delete\" href=\"");
		record_href(o, t, rec);
		page_h(o,"?delete=1\">Delete…</a></p>");
	}
	page_end(rs);
}

/* The delete confirmation: what goes with the record, or why it cannot go. */
static void delete_page(web_req *rq, web_resp *rs, rec_ref *r, json_t *rec)
{
	FILE *o = rs->out;
	char buf[32], msg[400];
	const char *version = field_text(rec, "version", buf);
	long long others = 0;
	int status = rec_delete(rq, r, version ? version : "", true, &others, msg, sizeof msg);
	page_begin(rq, rs, _("Delete"), "records");
	fputs("<h1>", o);
	char h[300];
	snprintf(h, sizeof h, _("Delete this %s?"), _(r->t->kind->one));
	esc_html_text(o, h);
	fputs("</h1>", o);
	if (status != 200) {
		rs->status = status;
		page_h(o,"<div class=\"msg bad\" role=\"alert\" id=\"cannot-delete\">It cannot be deleted: ");
		esc_html_text(o, msg);
		fputs("</div><p><a href=\"", o);
		record_href(o, r->t, rec);
		page_h(o,"\">Back to the record</a></p>");
		return page_end(rs);
	}
	fputs("<p id=\"goes-with\">", o);
	if (others > 0) {
		fprintf(o, P_("Deleting it also deletes <strong>%lld other record</strong> that belongs to it: ",
			      "Deleting it also deletes <strong>%lld other records</strong> that belong to it: ", others),
			others);
		esc_html_text(o, msg);
		fputs(". ", o);
	}
	else
		page_h(o,"Nothing else is deleted with it. ");
	page_h(o,"The deletion is recorded in the audit log.</p><form method=\"post\" action=\"");
	record_href(o, r->t, rec);
	fputs("\">", o);
	page_csrf_field(rq, o);
	fputs("<input type=\"hidden\" name=\"action\" value=\"delete\"><input type=\"hidden\" name=\"version\" value=\"", o);
	esc_html_attr(o, version ? version : "");
	page_h(o,"\"><button type=\"submit\" class=\"danger\" id=\"confirm-delete\">Delete</button> <a href=\"");
	record_href(o, r->t, rec);
	page_h(o,"\">Keep it</a></form>");
	page_end(rs);
}

/* GET /records/{kind}/{key...} */
static void record_get(web_req *rq, web_resp *rs)
{
	rec_ref r;
	if (!path_ref(rq, rs, &r))
		return;
	int status;
	json_t *rec = rec_read(rq, &r, &status);
	if (!rec)
		return page_error(rq, rs, status, status == 404 ? _("There is no such record.") : _("The record could not be read."));
	bool may = guard_template_allowed(&rq->user, r.t->name);
	if (req_query(rq, "edit") && may) {
		page_top(rq, rs, r.t, _("Edit this %s"));
		record_form(rq, rs->out, r.t, rec, false, NULL);
		page_end(rs);
	} else if (req_query(rq, "delete") && may) {
		delete_page(rq, rs, &r, rec);
	} else {
		view_page(rq, rs, r.t, rec, req_query(rq, "saved") ? "Saved." : NULL);
	}
	json_decref(rec);
}

/* The form's fields as a record (blank fields as null). */
static json_t *form_record(web_req *rq, const template *t)
{
	json_t *rec = json_object();
	for (int c = 0; c < t->ncols; c++) {
		const char *v = form_get(rq, t->cols[c].name);
		if (v)
			json_object_set_new(rec, t->cols[c].name, *v ? json_string(v) : json_null());
	}
	return rec;
}

/* Redirects to a stored record's view with the "Saved." message. */
static void saved(web_resp *rs, const template *t, json_t *rec)
{
	char *loc = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&loc, &len);
	if (!f)
		return resp_redirect(rs, "/records");
	record_href(f, t, rec);
	fputs("?saved=1", f);
	fclose(f);
	resp_redirect(rs, loc);
	free(loc);
}

/* POST /records/{kind}: creates a record from the form. */
static void create_post(web_req *rq, web_resp *rs)
{
	rec_ref r = {.t = rec_kind(rq->params[0])};
	if (!r.t)
		return page_error(rq, rs, 404, _("There is no such kind of record."));
	json_t *rec = form_record(rq, r.t);
	const char *names[TPL_MAX_KEY];
	char bufs[TPL_MAX_KEY][32];
	r.nkey = rec_key_names(r.t, names);
	for (int i = 0; i < r.nkey; i++)
		r.key[i] = field_text(rec, names[i], bufs[i]);
	web_write w;
	rec_write(rq, &r, rec, "", 0, &w);
	if (w.status == 200) {
		int st;
		json_t *stored = r.t->kind->seq_key ? rec_last_child(rq, r.t, r.key[0]) : rec_read(rq, &r, &st);
		if (stored)
			saved(rs, r.t, stored);
		else
			resp_redirect(rs, "/records");
		json_decref(stored);
	} else {
		create_form(rq, rs, r.t, rec, &w);
	}
	web_write_free(&w);
	json_decref(rec);
}

/* POST /records/{kind}/{key...}: saves (action=save) or deletes (action=delete) at the
 * form's version. */
static void record_post(web_req *rq, web_resp *rs)
{
	rec_ref r;
	if (!path_ref(rq, rs, &r))
		return;
	const char *action = form_get(rq, "action"), *version = form_get(rq, "version");
	if (!version || !action)
		return page_error(rq, rs, 400, _("The form is incomplete; open the record again."));
	if (strcmp(action, "delete") == 0) {
		char msg[400];
		int status = rec_delete(rq, &r, version, false, NULL, msg, sizeof msg);
		if (status != 200)
			return page_error(rq, rs, status, msg);
		char *loc = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&loc, &len);
		if (!f)
			return resp_redirect(rs, "/records");
		fputs("/records/", f);
		esc_url_part(f, r.t->name);
		fputs("?deleted=1", f);
		fclose(f);
		resp_redirect(rs, loc);
		return free(loc);
	}
	json_t *rec = form_record(rq, r.t);
	const char *names[TPL_MAX_KEY];
	rec_key_names(r.t, names);
	for (int i = 0; i < r.nkey; i++) /* the key is the path's */
		if (strcmp(names[i], "seq") != 0)
			json_object_set_new(rec, names[i], json_string(r.key[i]));
	int64_t seq = 0;
	if (r.t->kind->seq_key && (text_parse_count(r.key[1], &seq) < 0 || seq < 1)) {
		json_decref(rec);
		return page_error(rq, rs, 404, _("There is no such record."));
	}
	web_write w;
	rec_write(rq, &r, rec, version, seq, &w);
	if (w.status == 200) {
		int st;
		json_t *stored = rec_read(rq, &r, &st);
		if (stored)
			saved(rs, r.t, stored);
		else
			resp_redirect(rs, "/records");
		json_decref(stored);
	} else {
		FILE *o = rs->out;
		rs->status = w.status == 400 ? 422 : w.status;
		page_top(rq, rs, r.t, _("Edit this %s"));
		form_errors(o, r.t, &w);
		if (w.stale)
			page_h(o,"<p>Someone changed this record since you opened it. <a href=\"\">Open it again</a> "
			      "to see the current values.</p>");
		json_object_set_new(rec, "version", json_string(version));
		if (r.t->kind->seq_key)
			json_object_set_new(rec, "seq", json_integer(seq));
		record_form(rq, o, r.t, rec, false, &w);
		page_end(rs);
	}
	web_write_free(&w);
	json_decref(rec);
}

const web_route page_records_routes[] = {
	{"GET", "/records", index_get, R_HTML},
	{"GET", "/records/{}", list_get, R_HTML},
	{"POST", "/records/{}", create_post, R_HTML | R_WRITE | R_FILER},
	{"GET", "/records/{}/{}", record_get, R_HTML},
	{"GET", "/records/{}/{}/{?}", record_get, R_HTML},
	{"GET", "/records/{}/{}/{?}/{?}", record_get, R_HTML},
	{"GET", "/records/{}/{}/{?}/{?}/{?}", record_get, R_HTML},
	{"POST", "/records/{}/{}", record_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/records/{}/{}/{?}", record_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/records/{}/{}/{?}/{?}", record_post, R_HTML | R_WRITE | R_FILER},
	{"POST", "/records/{}/{}/{?}/{?}/{?}", record_post, R_HTML | R_WRITE | R_FILER},
	{NULL, NULL, NULL, 0},
};
