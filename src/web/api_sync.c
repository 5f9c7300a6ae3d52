/* The sync routes of the server (docs/sync.md, docs/api.md): a client signed in as an
 * account reads its starting state (the cursor, its bundle key, the pseudonymisation
 * check), pulls every record it may read (only when something changed since its cursor)
 * and pushes its changes, each applied as that account (sync.c); admins see the list of
 * conflicts on a page and resolve them there. */
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"
#include "core/i18n.h"
#include "core/text.h"
#include "web/api.h"
#include "web/pages.h"
#include "web/records.h"
#include "web/server.h"
#include "web/sync.h"

/* Does the client keep people under the same pseudonymisation as this server? */
static bool same_people(web_req *rq)
{
	char mine[65];
	sync_privacy_id(rq->st, mine);
	const char *theirs = req_header(rq, "X-Actip-People");
	return strcmp(mine, theirs ? theirs : "") == 0;
}

/* Does the server's history still hold the epoch and token a client names (?since=E
 * &token=T)? Answers 409 and returns false when not. */
static bool history_checked(web_req *rq, web_resp *rs)
{
	const char *given = req_query(rq, "since"), *token = req_query(rq, "token");
	int64_t since;
	if (!given || !token || text_parse_count(given, &since) < 0 || sync_history_holds(rq->st, since, token))
		return true;
	resp_json(rs, 409, json_pack("{ssss}", "error",
				     "this server's history no longer holds the point this copy last agreed with it"
				     " (the server was restored from a backup, or replaced)", "history", "lost"));
	return false;
}

/* GET /api/v1/sync/state[?since=E&token=T] */
static void state_h(web_req *rq, web_resp *rs)
{
	if (!history_checked(rq, rs))
		return;
	char key[65], bkey[65], people[65];
	actip_err err;
	long long cursor;
	if (sync_key_hex(rq->st, key, &err) < 0 || store_change_seq(rq->st, &cursor) < 0)
		return resp_json_error(rs, 500, "the database is not available");
	sync_bundle_key(key, rq->user.name, bkey);
	sync_privacy_id(rq->st, people);
	char instance[17];
	sync_instance_id(key, instance);
	resp_json(rs, 200,
		  json_pack("{sIsssssss{ssssssss}}", "cursor", (json_int_t)cursor, "instance", instance, "bundle_key",
			    bkey, "people", people, "user", "name", rq->user.name, "role",
			    web_role_name(rq->user.role), "country", rq->user.country, "body", rq->user.body));
}

/* GET /api/v1/sync/pull?since=E: {"cursor": epoch, "unchanged": true} when nothing
 * changed since epoch E, else sync_changes' answer (only what changed after E; every
 * record the account may read when E is missing or not this server's). */
static void pull_h(web_req *rq, web_resp *rs)
{
	if (!same_people(rq))
		return resp_json_error(rs, 409, "this server keeps people under another pseudonymisation key; "
						"instances keyed differently do not exchange people");
	if (!history_checked(rq, rs))
		return;
	const char *given = req_query(rq, "since");
	int64_t since = -1;
	if (given && text_parse_count(given, &since) < 0)
		since = -1;
	actip_err err = {{0}};
	long long epoch;
	if (sync_index_refresh(rq, &epoch, &err) < 0) {
		web_log(rq, "sync pull: %s", err.msg);
		return resp_json_error(rs, 500, "the database is not available");
	}
	if (since == epoch) {
		json_t *o = json_pack("{sIsb}", "cursor", (json_int_t)epoch, "unchanged", 1);
		sync_add_token(rq->st, o, epoch);
		return resp_json(rs, 200, o);
	}
	json_t *o = sync_changes(rq, since, &epoch, &err);
	if (!o) {
		web_log(rq, "sync pull: %s", err.msg);
		return resp_json_error(rs, 500, "the records could not be read");
	}
	resp_json(rs, 200, o);
}

/* POST /api/v1/sync/push {"items": [...]}: each applied as the account, answered in order. */
static void push_h(web_req *rq, web_resp *rs)
{
	static const char *const keys[] = {"items", NULL};
	json_t *o = req_json_object(rq, rs, keys);
	if (!o)
		return;
	json_t *items = json_object_get(o, "items");
	if (!json_is_array(items)) {
		json_decref(o);
		return resp_json_error(rs, 400, "items must be an array");
	}
	bool people = same_people(rq);
	json_t *results = json_array();
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		const char *kind = json_string_value(json_object_get(it, "kind"));
		const template *t = kind ? rec_kind(kind) : NULL;
		if (!json_is_object(it))
			json_array_append_new(results, json_pack("{sssiss}", "id", "", "status", 400, "message",
								 "an item must be an object"));
		else if (t && t->kind->private_cols && !people)
			json_array_append_new(results,
					      json_pack("{sssiss}", "id", json_string_value(json_object_get(it, "id")) ? json_string_value(json_object_get(it, "id")) : "",
							"status", 409, "message",
							"people are not exchanged between instances keyed differently"));
		else
			json_array_append_new(results, sync_apply_item(rq, it));
	}
	json_decref(o);
	resp_json(rs, 200, json_pack("{so}", "results", results));
}

/* GET /sync/conflicts: the admin's list of conflicts and refused changes. */
static void conflicts_page_h(web_req *rq, web_resp *rs)
{
	json_t *a = sync_conflicts(rq->st);
	if (!a)
		return page_error(rq, rs, 500, _("The conflicts could not be read."));
	page_begin(rq, rs, _("Sync conflicts"), "sync");
	FILE *out = rs->out;
	page_h(out, "<h1>Sync conflicts</h1>\n<p>Changes sent by offline instances that could not be applied as they were:"
		    " the record was changed here too since the instance last synced (409), or the change was refused."
		    " Both versions are kept until someone chooses which one the record keeps, here or with"
		    " <code>actip sync resolve</code>.</p>\n");
	if (!json_array_size(a))
		page_h(out, "<p>There are no conflicts.</p>\n");
	else
		page_h(out, "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>#</th><th>When</th><th>Account</th>"
			    "<th>Record</th><th>Why</th><th>Sent</th><th>Here</th><th>Keep</th></tr></thead><tbody>\n");
	size_t i;
	json_t *c;
	json_array_foreach(a, i, c) {
		fprintf(out, "<tr><td>%lld</td><td>", (long long)json_integer_value(json_object_get(c, "id")));
		esc_html_text(out, json_string_value(json_object_get(c, "at")));
		fputs("</td><td>", out);
		esc_html_text(out, json_string_value(json_object_get(c, "account")));
		fputs("</td><td>", out);
		esc_html_text(out, json_string_value(json_object_get(c, "kind")));
		fputs(" ", out);
		esc_html_text(out, json_string_value(json_object_get(c, "key")));
		fprintf(out, "</td><td>%lld: ", (long long)json_integer_value(json_object_get(c, "status")));
		esc_html_text(out, json_string_value(json_object_get(c, "message")));
		fputs("</td>", out);
		json_t *mine = json_object_get(c, "mine"), *theirs = json_object_get(c, "theirs");
		for (int side = 0; side < 2; side++) { /* the fields where the two differ */
			json_t *o = side ? theirs : mine, *other = side ? mine : theirs;
			fputs("<td>", out);
			if (!json_is_object(o))
				esc_html_text(out, side ? _("(no record)") : _("(deleted)"));
			const char *k;
			json_t *v;
			json_object_foreach(o, k, v) {
				if (json_is_object(other) && json_equal(v, json_object_get(other, k)))
					continue;
				char *text = json_is_string(v) ? strdup(json_string_value(v))
							       : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
				fputs("<div><b>", out);
				esc_html_text(out, k);
				fputs("</b>: ", out);
				esc_html_text(out, text ? text : "");
				fputs("</div>", out);
				free(text);
			}
			fputs("</td>", out);
		}
		const char *res = json_string_value(json_object_get(c, "resolution"));
		if (!res) {
			fprintf(out, "<td><form method=\"post\" action=\"/sync/conflicts/%lld\">",
				(long long)json_integer_value(json_object_get(c, "id")));
			page_csrf_field(rq, out);
			page_h(out, "<button name=\"choice\" value=\"mine\">Sent</button> "
				    "<button name=\"choice\" value=\"theirs\">Here</button></form></td>");
		} else {
			page_h(out, "<td>resolved: ");
			esc_html_text(out, res);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	if (json_array_size(a))
		fputs("</tbody></table></div>\n", out);
	json_decref(a);
	page_end(rs);
}

/* POST /sync/conflicts/{id} choice=mine|theirs: an admin resolves a conflict. */
static void resolve_h(web_req *rq, web_resp *rs)
{
	int64_t id;
	const char *choice = form_get(rq, "choice");
	if (text_parse_count(rq->params[0], &id) < 0 || !choice ||
	    (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0))
		return page_error(rq, rs, 400, _("Choose the sent or the stored version."));
	char msg[600];
	int status = sync_resolve(rq, id, choice, msg, sizeof msg);
	if (status != 200)
		return page_error(rq, rs, status, msg);
	resp_redirect(rs, "/sync/conflicts");
}

const web_route api_sync_routes[] = {
	{"GET", "/api/v1/sync/state", state_h, 0},
	{"GET", "/api/v1/sync/pull", pull_h, 0},
	{"POST", "/api/v1/sync/push", push_h, R_WRITE | R_FILER},
	{"GET", "/sync/conflicts", conflicts_page_h, R_HTML | R_ADMIN},
	{"POST", "/sync/conflicts/{}", resolve_h, R_HTML | R_ADMIN | R_WRITE},
	{NULL, NULL, NULL, 0},
};
