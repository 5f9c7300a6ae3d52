/* Accounts in the browser and the API (spec/records-api.md "Accounts"): admins list,
 * create, change (role, country, body, disabled) and reset the password of accounts;
 * everyone changes their own password. The rules (names, password strength, roles that
 * need a country or a body, sessions ended when rights change) are auth.c's, the same as
 * `actip user`; every change is audited, never with a password. */
#include <string.h>
#include <strings.h>

#include "core/country.h"
#include "core/escape.h"
#include "core/i18n.h"
#include "web/api.h"
#include "web/pages.h"
#include "web/server.h"
#include "web/session.h"

static const char *const ROLES[] = {"admin", "country_officer", "focal_point", "viewer", NULL};
static const char *const ROLE_LABELS[] = {N_("Administrator"), N_("Country officer"), N_("Focal point"), N_("Viewer"), NULL};

/* The accounts as JSON, with each one's last sign-in from the audit log. */
static json_t *users_json(store *st, int *rcp)
{
	sqlite3_stmt *s;
	json_t *arr = json_array();
	*rcp = -1;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT u.name, u.role, u.country, u.body, u.disabled, (SELECT max(at) FROM audit a"
			       " WHERE a.action = 'login' AND a.user_name = u.name) FROM app_user u ORDER BY u.name",
			       -1, &s, NULL) != SQLITE_OK)
		return arr;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		json_array_append_new(arr, json_pack("{ss ss ss? ss? sb ss?}", "name", sqlite3_column_text(s, 0),
						     "role", sqlite3_column_text(s, 1), "country",
						     sqlite3_column_text(s, 2), "body", sqlite3_column_text(s, 3),
						     "disabled", sqlite3_column_int(s, 4), "last_sign_in",
						     sqlite3_column_text(s, 5)));
	sqlite3_finalize(s);
	*rcp = rc == SQLITE_DONE ? 0 : -1;
	return arr;
}

/* Creates an account: 201, or 422 with the reason. */
static int create_user(web_req *rq, const char *name, const char *role, const char *country, const char *body,
		       const char *pw, char *why, size_t size)
{
	web_role r = web_role_parse(role ? role : "");
	actip_err err = {{0}};
	if (!name || !auth_name_valid(name))
		snprintf(why, size, _("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'"));
	else if (r == ROLE_NONE)
		snprintf(why, size, "choose a role");
	else if (r == ROLE_COUNTRY_OFFICER && !(country && country_by_code(country)))
		snprintf(why, size, _("a country officer needs a country"));
	else if (r == ROLE_FOCAL_POINT && !(body && *body))
		snprintf(why, size, _("a focal point needs the code of its body"));
	else if (!pw)
		snprintf(why, size, "give a password");
	else if (auth_user_add(rq->st, name, r, r == ROLE_FOCAL_POINT ? body : NULL,
			       r == ROLE_COUNTRY_OFFICER ? country : NULL, pw, &err) < 0)
		snprintf(why, size, "%.290s", err.msg);
	else {
		store_audit_write(rq->st, rq->user.name, rq->addr, "user_add", "user", name, NULL, NULL);
		return 201;
	}
	return 422;
}

/* Changes an account: 200, 404 or 422. */
static int update_user(web_req *rq, const char *name, const char *role, const char *country, const char *body,
		       bool disabled, char *why, size_t size)
{
	web_user u;
	if (auth_user_load(rq->st, 0, name, &u, NULL) != 1) {
		snprintf(why, size, _("no such user"));
		return 404;
	}
	web_role r = web_role_parse(role ? role : "");
	if (r == ROLE_NONE) {
		snprintf(why, size, "choose a role");
		return 422;
	}
	if (strcmp(name, rq->user.name) == 0 && (r != ROLE_ADMIN || disabled)) {
		snprintf(why, size, _("you may not take your own administrator rights away"));
		return 422;
	}
	actip_err err = {{0}};
	if (auth_user_update(rq->st, name, r, body, country, disabled, &err) < 0) {
		snprintf(why, size, "%.290s", err.msg);
		return 422;
	}
	char detail[200];
	snprintf(detail, sizeof detail, "{\"role\":\"%s\",\"disabled\":%s}", web_role_name(r), disabled ? "true" : "false");
	store_audit_write(rq->st, rq->user.name, rq->addr, "user_change", "user", name, NULL, detail);
	return 200;
}

/* Sets a password: 200, 404 or 422; the account's sessions end. */
static int set_password(web_req *rq, const char *name, const char *pw, char *why, size_t size)
{
	actip_err err = {{0}};
	if (!pw || auth_user_passwd(rq->st, name, pw, &err) < 0) {
		snprintf(why, size, "%.290s", pw ? err.msg : "give a password");
		return strstr(why, _("no user named")) ? 404 : 422;
	}
	store_audit_write(rq->st, rq->user.name, rq->addr, "password_reset", "user", name, NULL, NULL);
	return 200;
}

/* Changes the signed-in user's own password after checking the current one; the
 * user's other sessions end, this one is kept. */
static int own_password(web_req *rq, const char *current, const char *pw, char *why, size_t size)
{
	int ok = current ? auth_password_matches(rq->st, rq->user.id, current) : 0;
	if (ok != 1) {
		snprintf(why, size, ok < 0 ? _("the password cannot be checked now") : _("the current password is wrong"));
		store_audit_write(rq->st, rq->user.name, rq->addr, "password_change_refused", "user", rq->user.name,
				  NULL, NULL);
		return ok < 0 ? 500 : 403;
	}
	int st = set_password(rq, rq->user.name, pw, why, size);
	if (st != 200)
		return st;
	/* auth_user_passwd ended every session; this one goes on under a new token */
	actip_err err;
	if (session_create(rq->st, rq->user.id, rq->now, rq->token, &err) < 0)
		return 500;
	session_hash_token(rq->token, rq->token_hash);
	csrf_token(rq->token, rq->csrf);
	return 200;
}

/* ---- the API ------------------------------------------------------------------------ */

/* A string member, or NULL. */
static const char *member(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* GET /api/v1/users */
static void users_h(web_req *rq, web_resp *rs)
{
	int rc;
	json_t *arr = users_json(rq->st, &rc);
	if (rc < 0) {
		json_decref(arr);
		return resp_json_error(rs, 500, "cannot read the accounts");
	}
	resp_json(rs, 200, json_pack("{so}", "users", arr));
}

/* Answers a status with why (or a small body for success). */
static void answer(web_resp *rs, int status, const char *why, json_t *ok)
{
	if (status < 300)
		resp_json(rs, status, ok);
	else {
		json_decref(ok);
		resp_json_error(rs, status, why);
	}
}

/* POST /api/v1/users {"name","role","country","body","password"} */
static void user_create_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"name", "role", "country", "body", "password", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	char why[300];
	int st = create_user(rq, member(o, "name"), member(o, "role"), member(o, "country"), member(o, "body"),
			     member(o, "password"), why, sizeof why);
	answer(rs, st, why, json_pack("{ss}", "name", member(o, "name") ? member(o, "name") : ""));
	json_decref(o);
}

/* PUT /api/v1/users/{name} {"role","country","body","disabled"} */
static void user_update_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"role", "country", "body", "disabled", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	char why[300];
	int st = update_user(rq, rq->params[0], member(o, "role"), member(o, "country"), member(o, "body"),
			     json_is_true(json_object_get(o, "disabled")), why, sizeof why);
	answer(rs, st, why, json_pack("{ss}", "name", rq->params[0]));
	json_decref(o);
}

/* POST /api/v1/users/{name}/password {"password"} */
static void user_password_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"password", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	char why[300];
	int st = set_password(rq, rq->params[0], member(o, "password"), why, sizeof why);
	answer(rs, st, why, json_pack("{sb}", "sessions_ended", 1));
	json_decref(o);
}

/* POST /api/v1/me/password {"current","password"} */
static void me_password_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"current", "password", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	char why[300];
	int st = own_password(rq, member(o, "current"), member(o, "password"), why, sizeof why);
	if (st == 200)
		api_set_cookie(rq, rs, rq->token);
	answer(rs, st, why, json_pack("{sbss}", "changed", 1, "csrf", rq->csrf));
	json_decref(o);
}

/* ---- the pages ---------------------------------------------------------------------- */

/* The account form's role, country and body fields. */
static void role_fields(FILE *o, const char *role, const char *country, const char *body)
{
	page_h(o,"<div class=\"field\"><label for=\"u-role\">Role</label><select id=\"u-role\" name=\"role\" required>");
	page_hf(o, "<option value=\"\"%s>Choose…</option>", role ? "" : " selected");
	page_options(o, ROLES, ROLE_LABELS, role);
	page_h(o,"</select></div><div class=\"field\"><label for=\"u-country\">Country (country officers)</label>"
	      "<select id=\"u-country\" name=\"country\">");
	page_code_options(o, "activities", "country", country, _("None"));
	page_h(o,"</select></div><div class=\"field\"><label for=\"u-body\">Body code (focal points)</label>"
	      "<input id=\"u-body\" name=\"body\" maxlength=\"64\" placeholder=\"SOMTC\" value=\"");
	esc_html_attr(o, body ? body : "");
	fputs("\"></div>", o);
}

/* The result line of a form. */
static void result(FILE *o, int status, const char *why, const char *ok)
{
	if (!status)
		return;
	fprintf(o, "<div class=\"msg %s\" role=\"%s\" id=\"result\">", status < 300 ? "ok" : "bad",
		status < 300 ? "status" : "alert");
	esc_html_text(o, status < 300 ? ok : why);
	fputs("</div>", o);
}

/* The accounts page, with the result of the last action. */
static void users_page(web_req *rq, web_resp *rs, int status, const char *why, const char *ok)
{
	FILE *o = rs->out;
	if (status >= 300)
		rs->status = status;
	page_begin(rq, rs, _("Accounts"), "users");
	page_h(o,"<h1>Accounts</h1>");
	result(o, status, why, ok);
	int rc;
	json_t *arr = users_json(rq->st, &rc);
	page_h(o,"<div class=\"scroll\"><table class=\"matrix\" id=\"users\"><thead><tr><th>Name</th><th>Role</th>"
	      "<th>Country or body</th><th>State</th><th>Last sign-in</th></tr></thead><tbody>");
	size_t i;
	json_t *u;
	json_array_foreach(arr, i, u) {
		const char *c = member(u, "country"), *b = member(u, "body");
		page_h(o,"<tr><td data-label=\"Name\"><a href=\"/users/");
		esc_url_part(o, member(u, "name"));
		fputs("\">", o);
		esc_html_text(o, member(u, "name"));
		page_h(o,"</a></td><td data-label=\"Role\">");
		for (int r = 0; ROLES[r]; r++)
			if (strcmp(ROLES[r], member(u, "role")) == 0)
				esc_html_text(o, _(ROLE_LABELS[r]));
		page_h(o,"</td><td data-label=\"Country or body\">");
		const country *k = c ? country_by_code(c) : NULL;
		esc_html_text(o, k ? country_label(k) : b ? b : "");
		page_h(o, "</td><td data-label=\"State\">");
		if (json_is_true(json_object_get(u, "disabled")))
			page_h(o, "<span class=\"badge locked\">disabled</span>");
		else
			esc_html_text(o, _("active"));
		page_h(o, "</td><td data-label=\"Last sign-in\">");
		char when[64];
		i18n_format_date(when, sizeof when, member(u, "last_sign_in"));
		esc_html_text(o, member(u, "last_sign_in") ? when : _("never"));
		fputs("</td></tr>", o);
	}
	json_decref(arr);
	fputs("</tbody></table></div>", o);
	if (rc < 0)
		page_h(o,"<div class=\"msg bad\" role=\"alert\">The accounts could not be read.</div>");
	page_h(o,"<h2>New account</h2><form method=\"post\" action=\"/users\" id=\"new-user\">");
	page_csrf_field(rq, o);
	page_h(o,"<div class=\"grid2\"><div class=\"field\"><label for=\"u-name\">User name</label>"
	      "<input id=\"u-name\" name=\"name\" required maxlength=\"64\" autocomplete=\"off\"></div>");
	role_fields(o, NULL, NULL, NULL);
	page_h(o,"<div class=\"field\"><label for=\"u-pw\">First password (12 characters or more; tell it to "
	      "the person, who should change it)</label><input id=\"u-pw\" name=\"password\" type=\"password\" "
	      "required minlength=\"12\" autocomplete=\"new-password\"></div></div><button type=\"submit\">Create "
	      "the account</button></form>");
	page_end(rs);
}

/* GET /users */
static void users_get(web_req *rq, web_resp *rs)
{
	users_page(rq, rs, 0, NULL, NULL);
}

/* POST /users */
static void users_post(web_req *rq, web_resp *rs)
{
	char why[300];
	const char *name = form_get(rq, "name");
	int st = create_user(rq, name, form_get(rq, "role"), form_get(rq, "country"), form_get(rq, "body"),
			     form_get(rq, "password"), why, sizeof why);
	users_page(rq, rs, st, why, _("The account was created."));
}

/* One account's page: role, country, body, disabled; a new password. */
static void user_page(web_req *rq, web_resp *rs, const char *name, int status, const char *why, const char *ok)
{
	web_user u;
	bool disabled = false;
	int found = auth_user_load(rq->st, 0, name, &u, &disabled);
	if (found != 1)
		return page_error(rq, rs, found < 0 ? 500 : 404, _("There is no such account."));
	FILE *o = rs->out;
	if (status >= 300)
		rs->status = status;
	page_begin(rq, rs, _("Account"), "users");
	page_h(o,"<p class=\"crumbs\"><a href=\"/users\">Accounts</a></p><h1>");
	esc_html_text(o, u.name);
	fputs("</h1>", o);
	result(o, status, why, ok);
	fputs("<form method=\"post\" id=\"edit-user\" action=\"/users/", o);
	esc_url_part(o, u.name);
	fputs("\">", o);
	page_csrf_field(rq, o);
	fputs("<div class=\"grid2\">", o);
	role_fields(o, web_role_name(u.role), u.country, u.body);
	page_hf(o, "<div class=\"field\"><label><input type=\"checkbox\" name=\"disabled\" value=\"1\"%s> Disabled "
		   "(cannot sign in)</label></div></div><button type=\"submit\">Save</button></form>",
		disabled ? " checked" : "");
	page_h(o,"<h2>New password</h2><p>The account's sessions end; tell the person the new password.</p>"
	      "<form method=\"post\" id=\"reset-password\" action=\"/users/");
	esc_url_part(o, u.name);
	fputs("/password\">", o);
	page_csrf_field(rq, o);
	page_h(o,"<div class=\"field\"><label for=\"u-newpw\">New password</label><input id=\"u-newpw\" name=\"password\" "
	      "type=\"password\" required minlength=\"12\" autocomplete=\"new-password\"></div><button "
	      "type=\"submit\">Set the password</button></form>");
	page_end(rs);
}

/* GET /users/{name} */
static void user_get(web_req *rq, web_resp *rs)
{
	user_page(rq, rs, rq->params[0], 0, NULL, NULL);
}

/* POST /users/{name} */
static void user_post(web_req *rq, web_resp *rs)
{
	char why[300];
	const char *d = form_get(rq, "disabled");
	int st = update_user(rq, rq->params[0], form_get(rq, "role"), form_get(rq, "country"), form_get(rq, "body"),
			     d && strcmp(d, "1") == 0, why, sizeof why);
	if (st == 404)
		return page_error(rq, rs, 404, _("There is no such account."));
	user_page(rq, rs, rq->params[0], st, why, _("Saved."));
}

/* POST /users/{name}/password */
static void user_password_post(web_req *rq, web_resp *rs)
{
	char why[300];
	int st = set_password(rq, rq->params[0], form_get(rq, "password"), why, sizeof why);
	if (st == 404)
		return page_error(rq, rs, 404, _("There is no such account."));
	user_page(rq, rs, rq->params[0], st, why, _("The password was set and the account's sessions ended."));
}

/* The own-password page. */
static void me_page(web_req *rq, web_resp *rs, int status, const char *why)
{
	FILE *o = rs->out;
	if (status >= 300)
		rs->status = status;
	page_begin(rq, rs, _("Your password"), "me");
	page_h(o,"<h1>Your password</h1>");
	result(o, status, why, _("Your password was changed. You stay signed in here; other sessions ended."));
	fputs("<form method=\"post\" action=\"/me/password\" id=\"own-password\">", o);
	page_csrf_field(rq, o);
	page_h(o,"<div class=\"field\"><label for=\"m-cur\">Current password</label><input id=\"m-cur\" name=\"current\" "
	      "type=\"password\" required autocomplete=\"current-password\"></div><div class=\"field\"><label "
	      "for=\"m-new\">New password (12 characters or more)</label><input id=\"m-new\" name=\"password\" "
	      "type=\"password\" required minlength=\"12\" autocomplete=\"new-password\"></div><button "
	      "type=\"submit\">Change my password</button></form>");
	page_end(rs);
}

/* GET /me */
static void me_get(web_req *rq, web_resp *rs)
{
	me_page(rq, rs, 0, NULL);
}

/* POST /me/password */
static void me_post(web_req *rq, web_resp *rs)
{
	char why[300];
	int st = own_password(rq, form_get(rq, "current"), form_get(rq, "password"), why, sizeof why);
	if (st == 200)
		api_set_cookie(rq, rs, rq->token);
	me_page(rq, rs, st, why);
}

const web_route account_routes[] = {
	{"GET", "/api/v1/users", users_h, R_ADMIN},
	{"POST", "/api/v1/users", user_create_h, R_WRITE | R_ADMIN},
	{"PUT", "/api/v1/users/{}", user_update_h, R_WRITE | R_ADMIN},
	{"POST", "/api/v1/users/{}/password", user_password_h, R_WRITE | R_ADMIN},
	{"POST", "/api/v1/me/password", me_password_h, R_WRITE},
	{"GET", "/users", users_get, R_HTML | R_ADMIN},
	{"POST", "/users", users_post, R_HTML | R_WRITE | R_ADMIN},
	{"GET", "/users/{}", user_get, R_HTML | R_ADMIN},
	{"POST", "/users/{}", user_post, R_HTML | R_WRITE | R_ADMIN},
	{"POST", "/users/{}/password", user_password_post, R_HTML | R_WRITE | R_ADMIN},
	{"GET", "/me", me_get, R_HTML},
	{"POST", "/me/password", me_post, R_HTML | R_WRITE},
	{NULL, NULL, NULL, 0},
};
