#!/usr/bin/env bash
# The access matrix of the web application (security.md "Access"): every role × every
# write endpoint × a record of the user's own country (KH for the officer) or body
# (SOMTC's line WP-1 for the focal point) versus another country's (TH) or body's (WP-3,
# ACWC's alone). A refused write answers 403, is logged, and changes nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
check "server starts on a free port" web_start
for u in admin kh fp viewer; do check "sign in: $u" login "$u"; done

# body_for ENDPOINT COUNTRY: prints "METHOD PATH CONTENT-TYPE BODY" fields, one per line.
body_for() {
	local c=$1 id p n=$RANDOM
	local line st
	if [ "$c" = KH ]; then id=KH-1 p=C202 line=WP-1; else id=TH-1 p=T101 line=WP-3; fi
	st=$([ $((n % 2)) = 0 ] && echo ongoing || echo completed)
	case $2 in
	import_activities) printf 'POST\n/api/v1/import/activities\ntext/csv\nactivity_id,project,country,type,title,start_date\n%s,%s,%s,meeting,Edited %s,2021-05-01\n' "$id" "$p" "$c" "$n" ;;
	import_participants) printf 'POST\n/api/v1/import/participants\ntext/csv\nactivity_id,full_name,sex,country\n%s,Person %s,male,%s\n' "$id" "$n" "$c" ;;
	import_feedback) printf 'POST\n/api/v1/import/feedback\ntext/csv\nactivity_id,sex,satisfied\n%s,female,yes\n' "$id" ;;
	import_projects) printf 'POST\n/api/v1/import/projects\ntext/csv\ncode,title,country\n%s,Changed %s,%s\n' "$p" "$n" "$c" ;;
	activity_create) printf 'POST\n/api/v1/activities\napplication/json\n{"activity_id":"%s-N%s","project":"%s","country":"%s","type":"meeting","title":"New","start_date":"2021-06-01"}' "$c" "$n" "$p" "$c" ;;
	activity_update) printf 'PUT\n/api/v1/activities/%s\napplication/json\n{"project":"%s","country":"%s","type":"capacity_development","title":"Edited %s","start_date":"2021-03-01"}' "$id" "$p" "$c" "$n" ;;
	participants_put) printf 'PUT\n/api/v1/activities/%s/participants\napplication/json\n{"participants":[{"full_name":"P %s","sex":"female","country":"%s"}]}' "$id" "$n" "$c" ;;
	feedback_put) printf 'PUT\n/api/v1/activities/%s/feedback\napplication/json\n{"feedback":[{"sex":"male","satisfied":true}]}' "$id" ;;
	participants_post) printf 'POST\n/api/v1/activities/%s/participants\napplication/json\n{"participants":[{"full_name":"Added %s","sex":"male","country":"%s"}]}' "$id" "$n" "$c" ;;
	feedback_post) printf 'POST\n/api/v1/activities/%s/feedback\napplication/json\n{"feedback":[{"sex":"female","satisfied":true}]}' "$id" ;;
	wp_status_put) printf 'PUT\n/api/v1/workplan/WP-TEST/lines/%s/status/2021-H2\napplication/json\n{"status":"%s","note":"Note %s"}' "$line" "$st" "$n" ;;
	import_workplan_status) printf 'POST\n/api/v1/import/workplan_status\ntext/csv\nitem_id,period,body,status,note\n%s,2021-H2,%s,%s,Upload %s\n' "$line" "$([ "$c" = KH ] && echo SOMTC || echo ACWC)" "$st" "$n" ;;
	upload_preview) printf 'POST\n/upload?template=participants\ntext/csv\nactivity_id,full_name,sex,country\n%s,Person %s,male,%s\n' "$id" "$n" "$c" ;;
	esac
}

# expect ROLE ENDPOINT COUNTRY: the status the rules demand.
expect() {
	case $1 in
	admin) echo 200 ;;
	kh) case $2 in import_projects | wp_*| *workplan*) echo 403 ;; *) [ "$3" = KH ] && echo 200 || echo 403 ;; esac ;;
	fp) case $2 in wp_* | *workplan*) [ "$3" = KH ] && echo 200 || echo 403 ;; *) echo 403 ;; esac ;;
	*) echo 403 ;;
	esac
}

for role in admin kh fp viewer; do
	for ep in import_activities import_participants import_feedback import_projects activity_create \
		activity_update participants_put feedback_put participants_post feedback_post upload_preview \
		wp_status_put import_workplan_status; do
		for c in KH TH; do
			mapfile -t f < <(body_for "$c" "$ep")
			body=$(printf '%s\n' "${f[@]:3}")
			before=$(data_dump)
			got=$(call "$role" "${f[0]}" "${f[1]}" "${f[2]}" "$body")
			want=$(expect "$role" "$ep" "$c")
			label="matrix: $role $ep $([ "$c" = KH ] && echo own || echo other)"
			if [ "$got" = "$want" ]; then ok "$label -> $want"; else not_ok "$label -> $want" "got $got: $(head -c 300 "$TMP/body")"; fi
			if [ "$want" = 403 ]; then
				after=$(data_dump)
				check "$label: nothing changed" [ "$before" = "$after" ]
			fi
		done
	done
	# The edit form (urlencoded, CSRF in a hidden field): 303 to the record when allowed.
	for c in KH TH; do
		id=$([ "$c" = KH ] && echo KH-1 || echo TH-1)
		p=$([ "$c" = KH ] && echo C202 || echo T101)
		# (with the version the edit form carries, as a browser sends it)
		v=$(page_version "$role" "/activities/$id/edit")
		before=$(data_dump)
		got=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/$role.jar" \
			--data-urlencode "csrf=$(cat "$TMP/$role.csrf")" --data-urlencode "title=Form edit $role" \
			--data-urlencode "country=$c" --data-urlencode "type=meeting" --data-urlencode "project=$p" \
			--data-urlencode "start_date=2021-03-02" --data-urlencode "version=$v" "$URL/activities/$id")
		want=$(expect "$role" form "$c"); [ "$want" = 200 ] && want=303
		label="matrix: $role form_edit $([ "$c" = KH ] && echo own || echo other)"
		if [ "$got" = "$want" ]; then ok "$label -> $want"; else not_ok "$label -> $want" "got $got"; fi
		[ "$want" = 403 ] && check "$label: nothing changed" [ "$before" = "$(data_dump)" ]
	done
	# Periods: admins only.
	want=$([ "$role" = admin ] && echo 200 || echo 403)
	check "matrix: $role period approve -> $want" [ "$(call "$role" POST /api/v1/periods/2019)" = "$want" ]
	check "matrix: $role period reopen -> $want" [ "$(call "$role" DELETE /api/v1/periods/2019)" = "$want" ]
	check "matrix: $role audit read -> $want" [ "$(call "$role" GET '/api/v1/audit?limit=5')" = "$want" ]
	check "matrix: $role work-plan period approve -> $want" [ "$(call "$role" POST /api/v1/workplan/WP-TEST/periods/2020-H1)" = "$want" ]
	check "matrix: $role work-plan period reopen -> $want" [ "$(call "$role" DELETE /api/v1/workplan/WP-TEST/periods/2020-H1)" = "$want" ]
	# The work-plan half-year form of the periods page: admins only.
	for action in approve reopen; do
		got=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/$role.jar" \
			--data-urlencode "csrf=$(cat "$TMP/$role.csrf")" --data-urlencode "plan=WP-TEST" \
			--data-urlencode "period=2020-H2" --data-urlencode "action=$action" "$URL/workplan/period")
		want=$([ "$role" = admin ] && echo 303 || echo 403)
		check "matrix: $role work-plan period form $action -> $want" [ "$got" = "$want" ]
	done
	# The work-plan form (urlencoded): 303 back to the matrix when allowed.
	for line in WP-1 WP-3; do
		v=$(page_version "$role" "/workplan?plan=WP-TEST&period=2021-H2" "$line")
		before=$(data_dump)
		got=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/$role.jar" \
			--data-urlencode "csrf=$(cat "$TMP/$role.csrf")" --data-urlencode "plan=WP-TEST" \
			--data-urlencode "item=$line" --data-urlencode "period=2021-H2" --data-urlencode "status=delayed" \
			--data-urlencode "note=Form $role $RANDOM" --data-urlencode "version=$v" "$URL/workplan/status")
		want=$(expect "$role" wp_form "$([ "$line" = WP-1 ] && echo KH || echo TH)"); [ "$want" = 200 ] && want=303
		label="matrix: $role workplan_form $([ "$line" = WP-1 ] && echo own || echo other)"
		if [ "$got" = "$want" ]; then ok "$label -> $want"; else not_ok "$label -> $want" "got $got"; fi
		[ "$want" = 403 ] && check "$label: nothing changed" [ "$before" = "$(data_dump)" ]
	done
done

# A country officer's upload that touches another country's record is refused whole.
before=$(data_dump)
got=$(call kh POST /api/v1/import/participants text/csv $'activity_id,full_name,sex,country\nKH-1,Mixed A,male,KH\nTH-1,Mixed B,male,TH\n')
check "officer: mixed upload refused whole (403)" [ "$got" = 403 ]
check "officer: mixed upload stored nothing" [ "$before" = "$(data_dump)" ]
# Moving another country's activity into one's own country is refused too.
got=$(call kh POST /api/v1/import/activities text/csv $'activity_id,project,country,type,title,start_date\nTH-1,T101,KH,meeting,Taken over,2021-04-01\n')
check "officer: taking over another country's activity refused (403)" [ "$got" = 403 ]

# Refusals are logged and audited.
check "refusals in the server log" grep -q "refused" "$TMP/serve.log"
check "refusals in the audit table" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused'")" -gt 10 ]

# Every change wrote an audit row with old and new values.
check "activity edits audited with old and new" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'activities' AND old_value IS NOT NULL AND new_value LIKE '%Edited%'")" -gt 0 ]

# Approved periods are locked: 409 until re-opened.
check "admin approves 2021" [ "$(call admin POST /api/v1/periods/2021)" = 200 ]
before=$(data_dump)
check "locked: officer edit -> 409" [ "$(call kh PUT /api/v1/activities/KH-1 application/json '{"project":"C202","country":"KH","type":"meeting","title":"Late","start_date":"2021-03-01"}')" = 409 ]
check "locked: admin upload -> 409" [ "$(call admin POST /api/v1/import/participants text/csv $'activity_id,full_name,sex,country\nTH-1,Late,male,TH\n')" = 409 ]
check "locked: nothing changed" [ "$before" = "$(data_dump)" ]
check "admin re-opens 2021" [ "$(call admin DELETE /api/v1/periods/2021)" = 200 ]
check "re-opened: officer edit -> 200" [ "$(call kh PUT /api/v1/activities/KH-1 application/json '{"project":"C202","country":"KH","type":"meeting","title":"After","start_date":"2021-03-01"}')" = 200 ]

# Work plan: a cooperating body files on the line too; a focal point cannot file for
# another body; an approved half-year is locked for everyone until re-opened.
check "focal point on a cooperating body's line -> 200" [ "$(call fp PUT /api/v1/workplan/WP-TEST/lines/WP-2/status/2021-H2 application/json '{"status":"ongoing"}')" = 200 ]
check "focal point filing as another body -> 403" [ "$(call fp PUT /api/v1/workplan/WP-TEST/lines/WP-2/status/2021-H2 application/json '{"status":"ongoing","body":"ACWC"}')" = 403 ]
check "work-plan line of another plan -> 404" [ "$(call admin PUT /api/v1/workplan/NOPE/lines/WP-1/status/2021-H2 application/json '{"status":"ongoing"}')" = 404 ]
got=$(call fp PUT /api/v1/workplan/WP-TEST/lines/WP-1/status/2021-H2 application/json '{"status":"finished"}')
check "bad status -> 422" [ "$got" = 422 ]
check "bad status: the error names the column" grep -q '"column":"status"' "$TMP/body"
check "admin approves 2021-H2" [ "$(call admin POST /api/v1/workplan/WP-TEST/periods/2021-h2)" = 200 ]
before=$(data_dump)
check "locked half-year: focal point -> 409" [ "$(call fp PUT /api/v1/workplan/WP-TEST/lines/WP-1/status/2021-H2 application/json '{"status":"completed"}')" = 409 ]
check "locked half-year: admin -> 409" [ "$(call admin PUT /api/v1/workplan/WP-TEST/lines/WP-3/status/2021-H2 application/json '{"status":"completed"}')" = 409 ]
check "locked half-year: upload -> 409" [ "$(call fp POST /api/v1/import/workplan_status text/csv $'item_id,period,body,status\nWP-1,2021-H2,SOMTC,completed\n')" = 409 ]
check "locked half-year: nothing changed" [ "$before" = "$(data_dump)" ]
check "admin re-opens 2021-H2" [ "$(call admin DELETE /api/v1/workplan/WP-TEST/periods/2021-H2)" = 200 ]
check "re-opened: focal point -> 200" [ "$(call fp PUT /api/v1/workplan/WP-TEST/lines/WP-1/status/2021-H2 application/json '{"status":"completed","note":"Published."}')" = 200 ]
check "work-plan reports audited with old and new" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'workplan_status' AND key = 'WP-1 2021-H2 SOMTC' AND old_value IS NOT NULL AND new_value LIKE '%Published.%'")" = 1 ]
check "period approvals audited" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'workplan_period' AND key = 'WP-TEST 2021-H2'")" = 2 ]

# The report the server caches per thread follows the data: a change through the API and
# one by another process (a command-line import) both show in the next answers, on
# every thread (8 requests each, so every worker thread answers).
report_sig() { call viewer GET '/api/v1/report?year=2021' >/dev/null; md5sum <"$TMP/body" | cut -c1-32; }
dash_people() { call viewer GET '/?year=2021' >/dev/null; sed -n 's/.*class="n">\([0-9,]*\)<\/span><span class="l">event participants.*/\1/p' "$TMP/body"; }
# stale_after SIG-FUNCTION OLD: how many of 8 answers still equal OLD.
stale_after() { local n=0 i; for i in 1 2 3 4 5 6 7 8; do [ "$($1)" = "$2" ] && n=$((n + 1)); done; echo $n; }
sig0=$(report_sig); people0=$(dash_people)
check "report cache: same answer while nothing changes" [ "$(stale_after report_sig "$sig0")" = 8 ]
check "dashboard cache: same number while nothing changes" [ "$(stale_after dash_people "$people0")" = 8 ]
# (participants.csv replaces an activity's list, so each change is a new activity.)
check "report cache: API write" [ "$(call admin POST /api/v1/activities application/json '{"activity_id":"KH-C1","project":"C202","country":"KH","type":"meeting","title":"Cache","start_date":"2021-06-01"}' >/dev/null;
	call admin PUT /api/v1/activities/KH-C1/participants application/json '{"participants":[{"full_name":"Cache Person A","sex":"female","country":"KH"}]}')" = 200 ]
n=$(stale_after report_sig "$sig0"); check "report cache: no stale answer after an API write ($n of 8)" [ "$n" = 0 ]
n=$(stale_after dash_people "$people0"); check "dashboard cache: no stale number after an API write ($n of 8)" [ "$n" = 0 ]
check "dashboard: one more participant" [ "$(dash_people)" = "$((people0 + 1))" ]
sig1=$(report_sig)
mkdir -p "$TMP/cache"
printf 'activity_id,project,country,type,title,start_date\nTH-C1,T101,TH,meeting,Cache,2021-06-02\n' >"$TMP/cache/activities.csv"
printf 'activity_id,full_name,sex,country\nTH-C1,Cache Person B,male,TH\n' >"$TMP/cache/participants.csv"
"$ACTIP" import --db "$DB" --quiet "$TMP/cache" >/dev/null
n=$(stale_after report_sig "$sig1"); check "report cache: no stale answer after a command-line import ($n of 8)" [ "$n" = 0 ]
check "dashboard: the command-line import shows" [ "$(dash_people)" = "$((people0 + 2))" ]

# A viewer cannot reach the upload page, and sees no participant names.
check "viewer: upload page 403" [ "$(call viewer GET /upload)" = 403 ]
check "viewer: the activity JSON -> 200" [ "$(call viewer GET /api/v1/activities/KH-1)" = 200 ]
check "viewer: no names in the activity JSON" bash -c "grep -q KH-1 '$TMP/body' && ! grep -q full_name '$TMP/body'"
call kh GET /api/v1/activities/KH-1 >/dev/null
check "officer: names of own country's activity" grep -q full_name "$TMP/body"
# The list an editor GETs is the list a PUT takes: sending it back stores the same rows
# (disability answers included; they are not shown to a viewer either).
check "viewer: the activity JSON again -> 200" [ "$(call viewer GET /api/v1/activities/KH-1)" = 200 ]
check "viewer: no disability answers in the activity JSON" bash -c "grep -q KH-1 '$TMP/body' && ! grep -q disability '$TMP/body'"
att_rows() { sqlite3 "$DB" "SELECT seq, person_key, person_id, email, full_name, sex, country, organisation, staff, disability FROM attendance WHERE activity = 'KH-1' ORDER BY seq"; }
call kh GET /api/v1/activities/KH-1 >/dev/null
list=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); ps=a["participant_list"]; ps[0]["disability"]=True; print(json.dumps({"participants": ps}))' "$TMP/body")
check "officer: participants PUT with a disability answer -> 200" [ "$(call kh PUT /api/v1/activities/KH-1/participants application/json "$list")" = 200 ]
before_rt=$(att_rows)
call kh GET /api/v1/activities/KH-1 >/dev/null
check "officer: the GET shows the disability answer" python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["participant_list"][0]["disability"] is True else 1)' "$TMP/body"
back=$(python3 -c 'import json,sys; print(json.dumps({"participants": json.load(open(sys.argv[1]))["participant_list"]}))' "$TMP/body")
check "officer: PUT of the list as GET gave it -> 200" [ "$(call kh PUT /api/v1/activities/KH-1/participants application/json "$back")" = 200 ]
check "officer: GET then PUT stores the same rows (disability kept)" [ "$(att_rows)" = "$before_rt" ]

# The work plan's own templates (lines, bodies, plans) are an admin's: a focal point may
# upload status reports only, a country officer activities and their people only. Each
# upload is valid (the admin's is stored), so a 403 is the role's, not the content's.
wp_upload() { # TEMPLATE N: a valid upload of TEMPLATE changing one text to "... N"
	case $1 in
	workplan) printf 'item_id,plan,pillar,activity,lead_body,cooperating_bodies,start_year,end_year\nWP-1,WP-TEST,prevention,Regional study %s,SOMTC,,2020,2021\n' "$2" ;;
	bodies) printf 'code,name,kind\nSOMTC,Senior Officials %s,sectoral_body\n' "$2" ;;
	plans) printf 'plan,title,start_year,end_year,overseen_by\nWP-TEST,Test work plan %s,2020,2021,SOMTC\n' "$2" ;;
	esac
}
wp_text() { # TEMPLATE: the stored text the upload changes
	case $1 in
	workplan) sqlite3 "$DB" "SELECT activity FROM wp_item WHERE item_id = 'WP-1'" ;;
	bodies) sqlite3 "$DB" "SELECT name FROM wp_body WHERE code = 'SOMTC'" ;;
	plans) sqlite3 "$DB" "SELECT title FROM wp_plan WHERE plan = 'WP-TEST'" ;;
	esac
}
for t in workplan bodies plans; do
	check "work-plan template $t: its stored text is readable" [ -n "$(wp_text "$t")" ]
	for role in fp kh viewer admin; do
		n=$RANDOM
		before=$(data_dump; wp_text "$t")
		got=$(call "$role" POST "/api/v1/import/$t" text/csv "$(wp_upload "$t" "$n")")
		want=$([ "$role" = admin ] && echo 200 || echo 403)
		if [ "$got" = "$want" ]; then ok "upload $t as $role -> $want"; else not_ok "upload $t as $role -> $want" "got $got: $(head -c 300 "$TMP/body")"; fi
		if [ "$want" = 403 ]; then
			check "upload $t as $role: nothing changed" [ "$before" = "$(data_dump; wp_text "$t")" ]
		else
			check "upload $t as $role: stored" grep -q " $n\$" <<<"$(wp_text "$t")"
		fi
	done
done
# Last, since it replaces KH-1's participants: a bulk upload (past 4,096 rows the
# table's row triggers run once per activity, src/store/bulk.c): an officer's own rows are stored, audited and counted; one of
# another country's rows past row 4,096 still refuses the whole upload; the triggers
# are the same afterwards.
triggers() { sqlite3 "$DB" "SELECT group_concat(name || sql, ';') FROM (SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name)"; }
trig_before=$(triggers)
bulk=$(printf 'activity_id,full_name,sex,country\n'; for i in $(seq 1 5000); do printf 'KH-1,Bulk %d,female,KH\n' "$i"; done)
check "officer: bulk upload of 5,000 rows -> 200" [ "$(call kh POST /api/v1/import/participants text/csv "$bulk")" = 200 ]
check "officer: bulk upload stored 5,000 rows" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE activity = 'KH-1'")" = 5000 ]
check "officer: bulk upload audited" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action != 'refused' AND entity = 'participants' AND new_value LIKE '%5000%'")" -gt 0 ]
check "officer: bulk upload counted in the statistics" [ "$(sqlite3 "$DB" "SELECT sum(attendances) FROM stats_people WHERE year = 2021 AND trained = 0")" = "$(sqlite3 "$DB" "SELECT count(*) FROM attendance a JOIN activity v ON v.id = a.activity WHERE v.year = 2021 AND a.staff = 0")" ]
check "officer: no statistics left dirty" [ "$(sqlite3 "$DB" "SELECT count(*) FROM stats_dirty")" = 0 ]
check "officer: the triggers are the same after a bulk upload" [ "$trig_before" = "$(triggers)" ]
before=$(data_dump)
got=$(call kh POST /api/v1/import/participants text/csv "$bulk"$'\nTH-1,Late mixed,male,TH\n')
check "officer: bulk upload with another country's row past 4,096 refused whole (403)" [ "$got" = 403 ]
check "officer: refused bulk upload stored nothing" [ "$before" = "$(data_dump)" ]
check "officer: the triggers are the same after a refused bulk upload" [ "$trig_before" = "$(triggers)" ]

web_stop
finish
