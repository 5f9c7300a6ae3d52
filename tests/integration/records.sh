#!/usr/bin/env bash
# The records API (spec/records-api.md, docs/api.md "Records"): every kind described
# once (import/template.h record_kind) is listed with its fields and key; each record read
# and written back unchanged through PUT changes nothing stored (same version, same
# database dump); the role rules and their scope, versions (409 stale, 412 without
# If-Match), validation (422 with every error), the store's locks (409, and `actip import`
# refused with FILE:LINE), references (409 naming what still points at a record), keys
# (no '/' or '..'), one participant corrected or deleted on its own, and the audit of every
# write with old and new values.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
records_seed
web_start
for u in admin kh th fp viewer; do check "sign in as $u" login "$u"; done


# ---- the kinds -------------------------------------------------------------------------
check "GET /api/v1/records: 200" [ "$(call viewer GET /api/v1/records)" = 200 ]
listed=$(jget '" ".join(k["kind"] for k in d["kinds"])')
for k in $KINDS; do
	case " $listed " in *" $k "*) ok "kinds: $k listed" ;; *) not_ok "kinds: $k listed" ;; esac
done
check "kinds: participants keyed by activity_id and seq" \
	[ "$(jget '[k["key"] for k in d["kinds"] if k["kind"]=="participants"][0]')" = "['activity_id', 'seq']" ]
check "kinds: activities' type is a code with its words" \
	[ "$(jget '[f for k in d["kinds"] if k["kind"]=="activities" for f in k["fields"] if f["name"]=="type"][0]["values"][0]')" = capacity_development ]
check "kinds: outcomes is a list field of activities" \
	[ "$(jget '[f["type"] for k in d["kinds"] if k["kind"]=="activities" for f in k["fields"] if f["name"]=="outcomes"][0]')" = list ]
check "kinds: a viewer may create nothing" [ "$(jget 'sum(k["may"]["create"] for k in d["kinds"])')" = 0 ]
call kh GET /api/v1/records >/dev/null
check "kinds: a country officer may create exactly its five kinds" \
	[ "$(jget '" ".join(sorted(k["kind"] for k in d["kinds"] if k["may"]["create"]))')" = "achievements activities feedback participants project_status" ]
call fp GET /api/v1/records >/dev/null
check "kinds: a focal point may create status reports and consultation inputs" \
	[ "$(jget '" ".join(sorted(k["kind"] for k in d["kinds"] if k["may"]["create"]))')" = "consultation_inputs workplan_status" ]

# ---- read and write back unchanged, for every kind -------------------------------------
records_dump >"$TMP/before.sql"
for k in $KINDS; do
	[ "$(call admin GET "/api/v1/records/$k?limit=1")" = 200 ] || { not_ok "round trip $k: list"; continue; }
	python3 - "$TMP/body" "$k" >"$TMP/rec.sh" <<'PY'
import json, sys, urllib.parse
d = json.load(open(sys.argv[1]))
kinds = {"participants": ["activity_id", "seq"], "feedback": ["activity_id", "seq"]}
rec = d["rows"][0]
print("VERSION=" + rec["version"])
print("TOTAL=%d" % d["total"])
open(sys.argv[1] + ".rec", "w").write(json.dumps(rec))
PY
	. "$TMP/rec.sh"
	check "round trip $k: the kind has records" [ "${TOTAL:-0}" -ge 1 ]
	# the record's path: its key fields, from the kinds list
	call admin GET /api/v1/records >/dev/null
	keys=$(jget '" ".join([k["key"] for k in d["kinds"] if k["kind"]=="'"$k"'"][0])')
	path=$(python3 -c '
import json, sys, urllib.parse
r = json.load(open(sys.argv[1])); print("/".join(urllib.parse.quote(str(r[k]) if r[k] is not None else "", safe="") for k in sys.argv[2].split()))' "$TMP/body.rec" "$keys")
	[ "$(call admin GET "/api/v1/records/$k/$path")" = 200 ] && cp "$TMP/body" "$TMP/read.json"
	check "round trip $k: read $path" cmp -s <(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])),sort_keys=True))' "$TMP/read.json") \
		<(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])),sort_keys=True))' "$TMP/body.rec")
	st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
		-H "If-Match: \"$VERSION\"" -H 'Content-Type: application/json' --data-binary @"$TMP/read.json" "$URL/api/v1/records/$k/$path")
	check "round trip $k: PUT back unchanged is 200 ($st)" [ "$st" = 200 ]
	check "round trip $k: the version stays" [ "$(jget 'd.get("version")')" = "$VERSION" ]
done
records_dump >"$TMP/after.sql"
check "round trip: every kind written back leaves the database as it was" cmp -s "$TMP/before.sql" "$TMP/after.sql"
check "round trip: KH-1 keeps both outcome links" \
	[ "$(sqlite3 "$DB" "SELECT group_concat(outcome) FROM activity_outcome WHERE activity='KH-1'")" = "O1.1,O1.2" ]

# ---- the legacy activity route round-trips the outcomes too ----------------------------
call admin GET /api/v1/activities/KH-1 >/dev/null
cp "$TMP/body" "$TMP/act.json"
v=$(jget 'd["version"]')
body=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["title"]="Training KH (renamed)"; print(json.dumps({k:d[k] for k in ["project","country","type","title","start_date","end_date","mode","outcomes"] if k in d}))' "$TMP/act.json")
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H "If-Match: \"$v\"" -H 'Content-Type: application/json' --data-binary "$body" "$URL/api/v1/activities/KH-1")
check "PUT /api/v1/activities/KH-1 with a new title: 200 ($st)" [ "$st" = 200 ]
check "PUT /api/v1/activities/KH-1 keeps the outcome links" \
	[ "$(sqlite3 "$DB" "SELECT group_concat(outcome) FROM activity_outcome WHERE activity='KH-1'")" = "O1.1,O1.2" ]
check "PUT /api/v1/activities/KH-1 reports the change" [ "$(jget 'd.get("changed")')" = 1 ]

# ---- create, scope and roles ------------------------------------------------------------
post() { call "$1" POST "/api/v1/records/$2" application/json "$3"; }
check "kh creates an activity of KH under a KH project: 201" \
	[ "$(post kh activities '{"activity_id":"KH-2","project":"C202","country":"KH","type":"meeting","title":"Meeting","start_date":"2021-05-02"}')" = 201 ]
check "the created record comes back with its version" [ -n "$(jget 'd.get("version","")')" ]
check "kh may not put a KH activity under a Thai project: 403" \
	[ "$(post kh activities '{"activity_id":"KH-3","project":"T101","country":"KH","type":"meeting","title":"M","start_date":"2021-05-02"}')" = 403 ]
check "kh may not create an activity of TH: 403" \
	[ "$(post kh activities '{"activity_id":"TH-9","country":"TH","type":"meeting","title":"M","start_date":"2021-05-02"}')" = 403 ]
check "nothing of the refused creates was stored" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM activity WHERE id IN ('KH-3','TH-9')")" = 0 ]
check "kh files the status of its own project: 201" \
	[ "$(post kh project_status '{"project":"C202","year":2022,"status":"on_hold"}')" = 201 ]
check "kh may not file the status of a Thai project: 403" \
	[ "$(post kh project_status '{"project":"T101","year":2022,"status":"on_hold"}')" = 403 ]
check "kh records an achievement of KH: 201" \
	[ "$(post kh achievements '{"achievement_id":"KH-A2","project":"C202","country":"KH","date":"2022-01-10","text":"Done."}')" = 201 ]
check "kh may not record a Thai achievement: 403" \
	[ "$(post kh achievements '{"achievement_id":"TH-A2","project":"T101","country":"TH","date":"2022-01-10","text":"Done."}')" = 403 ]
check "kh may not create a project: 403" [ "$(post kh projects '{"code":"C999","title":"X","country":"KH"}')" = 403 ]
check "a viewer may not create: 403" [ "$(post viewer framework '{"code":"X1","level":"goal","title":"X"}')" = 403 ]
check "an admin creates a project: 201" [ "$(post admin projects '{"code":"C999","title":"New","country":"KH"}')" = 201 ]
check "creating a record that exists: 409" [ "$(post admin projects '{"code":"C999","title":"Again","country":"KH"}')" = 409 ]
check "fp files its body's status on a line it leads: 201" \
	[ "$(post fp workplan_status '{"item_id":"WP-1","period":"2020-H2","body":"SOMTC","status":"ongoing"}')" = 201 ]
check "fp may not file on a line of ACWC alone: 403" \
	[ "$(post fp workplan_status '{"item_id":"WP-3","period":"2020-H2","body":"SOMTC","status":"ongoing"}')" = 403 ]
check "fp may not file as another body: 403" \
	[ "$(post fp workplan_status '{"item_id":"WP-2","period":"2020-H2","body":"ACWC","status":"ongoing"}')" = 403 ]
check "fp sends its body's consultation input: 201" \
	[ "$(post fp consultation_inputs '{"plan":"WP-TEST","body":"SOMTC","submitted_on":"2020-01-12","comment":"Fine."}')" = 201 ]
check "fp may not send another body's input: 403" \
	[ "$(post fp consultation_inputs '{"plan":"WP-TEST","body":"ACWC","submitted_on":"2020-01-12","comment":"No."}')" = 403 ]
check "fp may not create an activity: 403" \
	[ "$(post fp activities '{"activity_id":"KH-8","country":"KH","type":"meeting","title":"M","start_date":"2021-05-02"}')" = 403 ]

# ---- errors -----------------------------------------------------------------------------
check "an unknown field: 400" [ "$(post admin projects '{"code":"C998","title":"X","country":"KH","colour":"red"}')" = 400 ]
check "an unknown kind: 404" [ "$(call admin GET /api/v1/records/nothing)" = 404 ]
check "an unknown record: 404" [ "$(call admin GET /api/v1/records/projects/NOPE)" = 404 ]
st=$(post admin activities '{"activity_id":"KH-9","country":"Narnia","type":"party","title":"","start_date":"2021-13-01"}')
check "bad values: 422" [ "$st" = 422 ]
check "bad values: every error listed at once (country, type, title, start_date)" \
	[ "$(jget '" ".join(sorted(e["field"] for e in d["errors"]))')" = "country start_date title type" ]
check "a key with '/': 422" [ "$(post admin projects '{"code":"A/B","title":"X","country":"KH"}')" = 422 ]
check "a key with '..': 422" [ "$(post admin projects '{"code":"A..B","title":"X","country":"KH"}')" = 422 ]
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H 'Content-Type: application/json' --data-binary '{"code":"C999","title":"X","country":"KH"}' "$URL/api/v1/records/projects/C999")
check "PUT without If-Match: 412" [ "$st" = 412 ]
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H 'If-Match: "00000000000000000000000000000000"' -H 'Content-Type: application/json' \
	--data-binary '{"code":"C999","title":"X","country":"KH"}' "$URL/api/v1/records/projects/C999")
check "PUT at a stale version: 409" [ "$st" = 409 ]
check "the stale PUT stored nothing" [ "$(sqlite3 "$DB" "SELECT title FROM project WHERE code='C999'")" = New ]

# ---- one participant corrected and deleted on its own ----------------------------------
call admin GET '/api/v1/records/participants?activity_id=KH-1' >/dev/null
check "KH-1 has one participant" [ "$(jget 'd["total"]')" = 1 ]
check "kh adds a participant: 201" \
	[ "$(post kh participants '{"activity_id":"KH-1","full_name":"Chan Sophea","sex":"female","country":"KH"}')" = 201 ]
seq=$(jget 'd["seq"]'); pv=$(jget 'd["version"]')
check "the new participant is seq 2" [ "$seq" = 2 ]
first=$(sqlite3 "$DB" "SELECT full_name || sex || person_key FROM attendance WHERE activity='KH-1' AND seq=1")
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -b "$TMP/kh.jar" -H "X-CSRF-Token: $(cat "$TMP/kh.csrf")" \
	-H "If-Match: \"$pv\"" -H 'Content-Type: application/json' \
	--data-binary '{"activity_id":"KH-1","full_name":"Chan Sophea","sex":"female","country":"KH","organisation":"Ministry of Interior"}' \
	"$URL/api/v1/records/participants/KH-1/2")
check "kh corrects participant 2: 200 ($st)" [ "$st" = 200 ]
check "the correction is stored in its place" \
	[ "$(sqlite3 "$DB" "SELECT organisation FROM attendance WHERE activity='KH-1' AND seq=2")" = "Ministry of Interior" ]
check "participant 1 is untouched by the correction" \
	[ "$(sqlite3 "$DB" "SELECT full_name || sex || person_key FROM attendance WHERE activity='KH-1' AND seq=1")" = "$first" ]
pv=$(jget 'd["version"]')
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X DELETE -b "$TMP/th.jar" -H "X-CSRF-Token: $(cat "$TMP/th.csrf")" \
	-H "If-Match: \"$pv\"" "$URL/api/v1/records/participants/KH-1/2")
check "th may not delete a KH participant: 403" [ "$st" = 403 ]
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X DELETE -b "$TMP/kh.jar" -H "X-CSRF-Token: $(cat "$TMP/kh.csrf")" \
	"$URL/api/v1/records/participants/KH-1/2")
check "DELETE without If-Match: 412" [ "$st" = 412 ]
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X DELETE -b "$TMP/kh.jar" -H "X-CSRF-Token: $(cat "$TMP/kh.csrf")" \
	-H "If-Match: \"$pv\"" "$URL/api/v1/records/participants/KH-1/2")
check "kh deletes participant 2: 200" [ "$st" = 200 ]
check "participant 2 is gone, participant 1 stays" \
	[ "$(sqlite3 "$DB" "SELECT group_concat(seq) FROM attendance WHERE activity='KH-1'")" = 1 ]
check "a viewer sees no names" [ "$(call viewer GET /api/v1/records/participants/KH-1/1)" = 200 ] 
check "a viewer's participant has no full_name" [ "$(jget '"full_name" in d')" = False ]
call th GET /api/v1/records/participants/KH-1/1 >/dev/null
check "another country's officer sees no names" [ "$(jget '"full_name" in d')" = False ]
call kh GET /api/v1/records/participants/KH-1/1 >/dev/null
check "the country's officer sees the name" [ "$(jget 'd.get("full_name")')" = "Sok Dara" ]

# ---- references -------------------------------------------------------------------------
call admin GET /api/v1/records/projects/T101 >/dev/null
v=$(jget 'd["version"]')
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X DELETE -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H "If-Match: \"$v\"" "$URL/api/v1/records/projects/T101")
check "deleting a project an activity points at: 409" [ "$st" = 409 ]
check "the 409 names what points at it" grep -q 'activity' "$TMP/body"
check "the project is still there" [ "$(sqlite3 "$DB" "SELECT count(*) FROM project WHERE code='T101'")" = 1 ]
call admin GET /api/v1/records/projects/C999 >/dev/null
v=$(jget 'd["version"]')
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X DELETE -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H "If-Match: \"$v\"" "$URL/api/v1/records/projects/C999")
check "deleting an unreferenced project: 200" [ "$st" = 200 ]
check "the deleted project is gone" [ "$(sqlite3 "$DB" "SELECT count(*) FROM project WHERE code='C999'")" = 0 ]

# ---- audit ------------------------------------------------------------------------------
check "the correction is audited with old and new values" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity='participants' AND key='KH-1/2' AND user_name='kh' AND old_value LIKE '%\"organisation\":null%' AND new_value LIKE '%Ministry of Interior%'")" = 1 ]
check "the audit holds no participant name" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE coalesce(old_value,'') || coalesce(new_value,'') LIKE '%Chan Sophea%'")" = 0 ]
check "the delete is audited" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action='delete' AND entity='projects' AND key='C999' AND new_value IS NULL")" = 1 ]
check "the renamed activity's audit row shows the title change" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity='activities' AND key='KH-1' AND new_value LIKE '%renamed%'")" = 1 ]

# ---- nothing removed without saying so -------------------------------------------------
printf 'activity_id,full_name,sex,country\nTH-1,Somchai,male,TH\nTH-1,Malee,female,TH\n' >"$TMP/participants.csv"
"$ACTIP" import --db "$DB" "$TMP/participants.csv" >"$TMP/out" 2>&1
check "actip import says what it replaced, activity by activity" grep -q "TH-1: 1 stored participants replaced by 2" "$TMP/out"
printf 'activity_id,full_name,sex,country\nTH-1,Nok,female,TH\n' >"$TMP/participants.csv"
"$ACTIP" import --db "$DB" --append "$TMP/participants.csv" >"$TMP/out" 2>&1; rc=$?
check "actip import --append: exit 0 ($rc)" [ "$rc" = 0 ]
check "actip import --append adds after the stored rows" \
	[ "$(sqlite3 "$DB" "SELECT group_concat(full_name, ',') FROM (SELECT full_name FROM attendance WHERE activity='TH-1' ORDER BY seq)")" = "Somchai,Malee,Nok" ]
check "a focal point's upload page offers status reports" [ "$(call fp GET /upload)" = 200 ]
check "the offered templates are exactly its two" \
	[ "$(sed -n '/<main/,$p' "$TMP/body" | grep -o '<option value="[a-z_][a-z_]*"' | sort | tr '\n' ' ')" = '<option value="consultation_inputs" <option value="workplan_status" ' ]
check "a viewer has no upload page: 403" [ "$(call viewer GET /upload)" = 403 ]
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/th.jar" -H "X-CSRF-Token: $(cat "$TMP/th.csrf")" -H 'Content-Type: text/csv' \
	--data-binary $'activity_id,full_name,sex,country\nTH-1,Only One,male,TH\n' "$URL/upload?template=participants")
check "an upload preview: 200" [ "$st" = 200 ]
check "the preview says what it replaces, activity by activity" grep -q 'TH-1: 3 stored participants replaced by 1' "$TMP/body"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/th.jar" -H "X-CSRF-Token: $(cat "$TMP/th.csrf")" -H 'Content-Type: text/csv' \
	--data-binary $'activity_id,full_name,sex,country\nTH-1,Only One,male,TH\n' "$URL/upload?template=participants&append=1")
check "an appending upload preview replaces nothing" bash -c "[ '$st' = 200 ] && ! grep -q 'replaced by' '$TMP/body'"
id=$(sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body")
check "the appending upload is stored on confirmation: 200" [ "$(form_post th /upload/confirm "id=$id")" = 200 ]
check "the confirmed upload appended" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE activity='TH-1'")" = 4 ]

# ---- locks ------------------------------------------------------------------------------
check "admin approves 2021: 200" [ "$(call admin POST /api/v1/periods/2021)" = 200 ]
call admin GET /api/v1/records/activities/KH-1 >/dev/null
cp "$TMP/body" "$TMP/act.json"; v=$(jget 'd["version"]')
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H "If-Match: \"$v\"" -H 'Content-Type: application/json' --data-binary @"$TMP/act.json" "$URL/api/v1/records/activities/KH-1")
check "a write to an activity of the approved year: 409 ($st)" [ "$st" = 409 ]
check "the 409 says the year is approved" grep -q 'approved' "$TMP/body"
st=$(post admin project_status '{"project":"C202","year":2021,"status":"completed"}')
check "project status of the approved year: 409 ($st)" [ "$st" = 409 ]
st=$(post admin achievements '{"achievement_id":"KH-A9","project":"C202","country":"KH","date":"2021-02-01","text":"Late."}')
check "an achievement dated in the approved year: 409 ($st)" [ "$st" = 409 ]
st=$(post admin expenditure '{"year":2021,"amount":"5","currency":"EUR"}')
check "expenditure of the approved year: 409 ($st)" [ "$st" = 409 ]
call admin GET /api/v1/records/feedback/KH-1/1 >/dev/null
v=$(jget 'd["version"]')
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X DELETE -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H "If-Match: \"$v\"" "$URL/api/v1/records/feedback/KH-1/1")
check "deleting feedback of the approved year: 409 ($st)" [ "$st" = 409 ]
records_dump >"$TMP/locked.sql"
printf 'activity_id,full_name,sex,country\nKH-1,New Person,male,KH\n' >"$TMP/participants.csv"
"$ACTIP" import --db "$DB" "$TMP/participants.csv" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "actip import into the approved year: exit 1 ($rc)" [ "$rc" = 1 ]
check "actip import names FILE:LINE and the lock" grep -q "participants.csv:2: .*approved" "$TMP/err"
printf 'project,year,status\nC202,2021,completed\n' >"$TMP/project_status.csv"
"$ACTIP" import --db "$DB" "$TMP/project_status.csv" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "actip import of project status into the approved year: exit 1 ($rc)" [ "$rc" = 1 ]
check "actip import into the approved year changed nothing" cmp -s <(records_dump) "$TMP/locked.sql"
check "admin approves the half-year 2021-H1: 200" [ "$(call admin POST /api/v1/workplan/WP-TEST/periods/2021-H1)" = 200 ]
printf 'item_id,period,body,status,note,reported_on\nWP-1,2021-H1,SOMTC,completed,Done.,2021-07-30\n' >"$TMP/workplan_status.csv"
records_dump >"$TMP/locked.sql"
"$ACTIP" import --db "$DB" "$TMP/workplan_status.csv" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "actip import into the approved half-year: exit 1 ($rc)" [ "$rc" = 1 ]
check "actip import into the approved half-year names the line" grep -q "workplan_status.csv:2: .*half-year is approved" "$TMP/err"
check "actip import into the approved half-year changed nothing" cmp -s <(records_dump) "$TMP/locked.sql"
check "a focal point's status for the approved half-year: 409" \
	[ "$(post fp workplan_status '{"item_id":"WP-2","period":"2021-H1","body":"SOMTC","status":"ongoing"}')" = 409 ]
check "admin re-opens 2021: 200" [ "$(call admin DELETE /api/v1/periods/2021)" = 200 ]
"$ACTIP" import --db "$DB" --quiet "$TMP/project_status.csv"; rc=$?
check "after re-opening, actip import stores again: exit 0 ($rc)" [ "$rc" = 0 ]

# ---- work-plan status: the plan's half-years only; a correction keeps its first date ---
check "status for a half-year outside the plan: 422" \
	[ "$(post fp workplan_status '{"item_id":"WP-1","period":"2030-H1","body":"SOMTC","status":"ongoing"}')" = 422 ]
check "status for a half-year before the plan: 422" \
	[ "$(post fp workplan_status '{"item_id":"WP-1","period":"2016-H1","body":"SOMTC","status":"ongoing"}')" = 422 ]
printf 'item_id,period,body,status,note,reported_on\nWP-3,2021-H2,ACWC,ongoing,First.,2022-01-10\n' >"$TMP/workplan_status.csv"
"$ACTIP" import --db "$DB" --quiet "$TMP/workplan_status.csv"
printf 'item_id,period,body,status,note,reported_on\nWP-3,2021-H2,ACWC,delayed,Corrected.,2022-03-01\n' >"$TMP/workplan_status.csv"
"$ACTIP" import --db "$DB" --quiet "$TMP/workplan_status.csv"
check "a corrected status keeps the date first filed" \
	[ "$(sqlite3 "$DB" "SELECT reported_on || ' ' || corrected_on || ' ' || status FROM wp_status WHERE item='WP-3' AND period='2021-H2'")" = "2022-01-10 2022-03-01 delayed" ]

web_stop
finish
