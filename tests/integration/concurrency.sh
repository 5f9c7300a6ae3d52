#!/usr/bin/env bash
# Two writers at once (security checklist, "Faults": every acknowledged write stored
# once; the loser of a stale edit gets 409; no "database is locked" reaches a user).
# WRITERS API clients (admin and the Cambodia officer, WRITES activities each) and a
# large `actip import` run at the same time against one server's database. Then stale
# edits: an edit with the version read before another edit gets 409 and changes
# nothing, and of pairs of simultaneous edits from one version exactly one wins. The
# same through the web forms (the activity edit and add forms, the work-plan report
# form): a stale form gets a 409 page with the stored and the typed values and stores
# nothing; and people adding participants or responses at once all keep their rows.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

WRITERS=${WRITERS:-4}
WRITES=${WRITES:-25}
python3 "$SRCDIR/bench/gen.py" 40000 "$TMP/gen" >/dev/null
web_seed
check "server starts" web_start
login admin
login kh

# writer N WHO: posts activities C-N-1..C-N-WRITES; logs "id status" lines.
writer() {
	local n=$1 who=$2 i st
	for i in $(seq 1 "$WRITES"); do
		st=$(curl -s -o "$TMP/w$n.body" -w '%{http_code}' -b "$TMP/$who.jar" -H "X-CSRF-Token: $(cat "$TMP/$who.csrf")" \
			-H 'Content-Type: application/json' \
			-d "{\"activity_id\":\"C-$n-$i\",\"project\":\"C202\",\"country\":\"KH\",\"type\":\"meeting\",\"title\":\"Concurrent $n $i\",\"start_date\":\"2021-07-01\"}" \
			"$URL/api/v1/activities")
		echo "C-$n-$i $st" >>"$TMP/w$n.log"
		cat "$TMP/w$n.body" >>"$TMP/bodies"
		echo >>"$TMP/bodies"
	done
}
: >"$TMP/bodies"
"$ACTIP" import --db "$DB" --quiet "$TMP/gen" >"$TMP/import.out" 2>"$TMP/import.err" &
ipid=$!
pids=()
for n in $(seq 1 "$WRITERS"); do
	who=admin
	[ $((n % 2)) = 0 ] && who=kh
	writer "$n" "$who" &
	pids+=($!)
done
wait "${pids[@]}"
wait "$ipid"
irc=$?
check "the concurrent CLI import succeeded (status $irc)" [ "$irc" = 0 ]
cat "$TMP"/w*.log >"$TMP/all.log"
acked=$(grep -c ' 200$' "$TMP/all.log")
check "all $((WRITERS * WRITES)) API writes acknowledged (got $acked)" [ "$acked" = $((WRITERS * WRITES)) ]
check "no other status than 200" bash -c "! grep -v ' 200\$' '$TMP/all.log'"
stored=$(sqlite3 "$DB" "SELECT count(*) || ' ' || count(DISTINCT id) FROM activity WHERE id LIKE 'C-%'")
check "every acknowledged write stored exactly once ($stored)" [ "$stored" = "$acked $acked" ]
missing=0
while read -r id st; do
	[ "$st" = 200 ] || continue
	[ "$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = '$id'")" = "Concurrent $(echo "$id" | cut -d- -f2) $(echo "$id" | cut -d- -f3)" ] || missing=$((missing + 1))
done <"$TMP/all.log"
check "each acknowledged write holds its own title" [ "$missing" = 0 ]
check "the import's rows are all stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance')" -ge 40000 ]
check "no 'database is locked' in any answer" bash -c "[ -s '$TMP/bodies' ] && ! grep -qi 'locked\|busy' '$TMP/bodies'"
check "no 'database is locked' in the server log" bash -c "! grep -qi 'database is locked' '$TMP/serve.log'"
check "no 'database is locked' from the import" bash -c "! grep -qi 'locked' '$TMP/import.err'"

# Stale edits.
version() { curl -s -b "$TMP/admin.jar" "$URL/api/v1/activities/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])'; }
edit() { # edit WHO ID VERSION TITLE: the status of a PUT with If-Match
	curl -s -o "$TMP/edit.body" -w '%{http_code}' -X PUT -b "$TMP/$1.jar" -H "X-CSRF-Token: $(cat "$TMP/$1.csrf")" \
		-H "If-Match: \"$3\"" -H 'Content-Type: application/json' \
		-d "{\"project\":\"C202\",\"country\":\"KH\",\"type\":\"meeting\",\"title\":\"$4\",\"start_date\":\"2021-07-01\"}" \
		"$URL/api/v1/activities/$2"
}
v0=$(version C-1-1)
check "GET gives a version" [ "${#v0}" = 32 ]
check "edit with the current version -> 200" [ "$(edit admin C-1-1 "$v0" "First edit")" = 200 ]
v1=$(version C-1-1)
check "the edit changed the version" [ "$v1" != "$v0" ]
st=$(edit kh C-1-1 "$v0" "Stale edit")
check "stale edit (old version) -> 409" [ "$st" = 409 ]
check "409 says to reload" grep -q 'reload' "$TMP/edit.body"
check "stale edit changed nothing" [ "$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = 'C-1-1'")" = "First edit" ]
check "stale edit is in the audit log as a refusal" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused'")" -ge 1 ]
check "PUT without If-Match still works (full replacement)" [ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" -H 'Content-Type: application/json' -d '{"project":"C202","country":"KH","type":"meeting","title":"No version","start_date":"2021-07-01"}' "$URL/api/v1/activities/C-1-2")" = 200 ]

# Races: two edits from the same version at the same moment; exactly one wins.
wins=0 races=10 badrace=0
for r in $(seq 1 "$races"); do
	id=C-2-$r
	v=$(version "$id")
	( edit admin "$id" "$v" "Race A $r" >"$TMP/ra" ) &
	pa=$!
	( edit kh "$id" "$v" "Race B $r" >"$TMP/rb" ) &
	pb=$!
	wait "$pa" "$pb" # not a bare wait: the server is a child too
	pair="$(cat "$TMP/ra") $(cat "$TMP/rb")"
	title=$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = '$id'")
	case "$pair" in
	"200 409") [ "$title" = "Race A $r" ] && wins=$((wins + 1)) || badrace=$((badrace + 1)) ;;
	"409 200") [ "$title" = "Race B $r" ] && wins=$((wins + 1)) || badrace=$((badrace + 1)) ;;
	*) badrace=$((badrace + 1)); echo "# race $r: $pair ($title)" ;;
	esac
done
check "$races simultaneous edit pairs: one 200 and one 409 each, the winner's title kept ($wins of $races)" [ "$wins" = "$races" -a "$badrace" = 0 ]

# Stale edits through the activity edit form: two people open the form of one activity;
# the first saves; the second's save is refused with a page that keeps their typing.
title_of() { sqlite3 "$DB" "SELECT title FROM activity WHERE id = '$1'"; }
refusals() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused' AND key = 'activities'"; }
act_form() { # act_form WHO ID VERSION TITLE: the status of an edit form post
	form_post "$1" "/activities/$2" "version=$3" "title=$4" country=KH type=meeting project=C202 start_date=2021-07-01
}
fv=$(page_version admin /activities/C-3-1/edit)
check "form: the edit form carries the activity's version" [ "$fv" = "$(version C-3-1)" ]
check "form: the other officer's form has the same version" [ "$(page_version kh /activities/C-3-1/edit)" = "$fv" ]
check "form: edit with the current version -> 303" [ "$(act_form admin C-3-1 "$fv" "Form edit A")" = 303 ]
check "form: the edit is stored" [ "$(title_of C-3-1)" = "Form edit A" ]
r0=$(refusals)
before=$(data_dump)
typed='Stale <b>"O'"'"'Hara" & co</b>'
check "form: stale edit (old version) -> 409" [ "$(act_form kh C-3-1 "$fv" "$typed")" = 409 ]
cp "$TMP/body" "$TMP/conflict.html"
check "form: stale edit changed nothing" [ "$before" = "$(data_dump)" ]
check "form: the 409 page says someone else changed it since it was opened" \
	grep -q 'Someone else changed the activity C-3-1 since you opened the form' "$TMP/conflict.html"
check "form: the 409 page shows the current value" grep -q '<td>Form edit A</td>' "$TMP/conflict.html"
check "form: the 409 page keeps the typed title, escaped, in the form" \
	grep -qF 'value="Stale &lt;b&gt;&quot;O&#39;Hara&quot; &amp; co&lt;/b&gt;"' "$TMP/conflict.html"
check "form: the 409 page shows the typed title escaped beside the current" \
	grep -qF '<td>Stale &lt;b&gt;"O'"'"'Hara" &amp; co&lt;/b&gt;</td>' "$TMP/conflict.html"
check "form: the typed title never appears unescaped" bash -c "! grep -qF '<b>\"O' '$TMP/conflict.html'"
cv=$(python3 -c 'import re,sys; print(re.search(r"name=\"version\" value=\"([0-9a-f]*)\"", open(sys.argv[1]).read()).group(1))' "$TMP/conflict.html")
check "form: the 409 page's form carries the current version" [ "$cv" = "$(version C-3-1)" ]
check "form: the stale edit is audited as a refusal" [ "$(refusals)" = $((r0 + 1)) ]
check "form: the stale edit is in the server log" grep -q 'refused a write of activities: the activity was changed since version' "$TMP/serve.log"
check "form: saving the 409 page again (deliberately) -> 303" [ "$(act_form kh C-3-1 "$cv" "$typed")" = 303 ]
check "form: the deliberate save is stored as typed" [ "$(title_of C-3-1)" = "$typed" ]
before=$(data_dump)
check "form: an edit without a version -> 409" [ "$(form_post admin /activities/C-3-1 "title=No version" country=KH type=meeting project=C202 start_date=2021-07-01)" = 409 ]
check "form: an edit with a version that is not hex -> 409" [ "$(act_form admin C-3-1 $'x\nforged log line' "Bad version")" = 409 ]
check "form: no forged line in the server log" bash -c "! grep -q '^forged log line' '$TMP/serve.log'"
check "form: the add form with an ID stored meanwhile -> 409" [ "$(form_post kh /activities activity_id=C-3-1 "title=Added twice" country=KH type=meeting project=C202 start_date=2021-07-01)" = 409 ]
check "form: the add page says the ID was stored by someone else" grep -q 'Someone else stored an activity with the ID C-3-1' "$TMP/body"
check "form: refused edits and adds changed nothing" [ "$before" = "$(data_dump)" ]
check "form: the add form with a new ID -> 303" [ "$(form_post kh /activities activity_id=C-NEW-1 "title=Added once" country=KH type=meeting project=C202 start_date=2021-07-01)" = 303 ]

# The work-plan report form: the focal point (SOMTC) and an admin (filing as the lead
# body, SOMTC too) update the same report of line WP-1 for 2021-H1.
login fp
wp_page="/workplan?plan=WP-TEST&period=2021-H1"
wp_form() { # wp_form WHO ITEM PERIOD VERSION STATUS NOTE
	form_post "$1" /workplan/status plan=WP-TEST "item=$2" "period=$3" "version=$4" "status=$5" "note=$6"
}
wp_note() { sqlite3 "$DB" "SELECT status || ' ' || coalesce(note, '') FROM wp_status WHERE item = '$1' AND period = '$2' AND body = '$3'"; }
wv=$(page_version fp "$wp_page" WP-1)
check "work-plan form: carries the report's version" [ "${#wv}" = 32 -a "$(page_version admin "$wp_page" WP-1)" = "$wv" ]
check "work-plan form: update with the current version -> 303" [ "$(wp_form admin WP-1 2021-H1 "$wv" completed "Admin note")" = 303 ]
check "work-plan form: the update is stored" [ "$(wp_note WP-1 2021-H1 SOMTC)" = "completed Admin note" ]
r0=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused' AND key = 'workplan_status'")
before=$(data_dump)
check "work-plan form: stale update -> 409" [ "$(wp_form fp WP-1 2021-H1 "$wv" delayed 'Focal <i>note</i> & "more"')" = 409 ]
cp "$TMP/body" "$TMP/wpconflict.html"
check "work-plan form: stale update changed nothing" [ "$before" = "$(data_dump)" ]
check "work-plan form: the 409 page says someone else changed the report" grep -q 'Someone else changed the report of SOMTC on line WP-1 for 2021-H1' "$TMP/wpconflict.html"
check "work-plan form: the 409 page shows the current note" grep -q '<td>Admin note</td>' "$TMP/wpconflict.html"
check "work-plan form: the 409 page keeps the typed note, escaped" grep -qF '>Focal &lt;i&gt;note&lt;/i&gt; &amp; "more"</textarea>' "$TMP/wpconflict.html"
check "work-plan form: the 409 page keeps the typed status" grep -q '<option value="delayed" selected>' "$TMP/wpconflict.html"
check "work-plan form: the stale update is audited as a refusal" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused' AND key = 'workplan_status'")" = $((r0 + 1)) ]
cv=$(python3 -c 'import re,sys; print(re.search(r"name=\"version\" value=\"([0-9a-f]*)\"", open(sys.argv[1]).read()).group(1))' "$TMP/wpconflict.html")
check "work-plan form: saving the 409 page again -> 303" [ "$(wp_form fp WP-1 2021-H1 "$cv" delayed 'Focal note')" = 303 ]
check "work-plan form: the deliberate save is stored" [ "$(wp_note WP-1 2021-H1 SOMTC)" = "delayed Focal note" ]
# A first report: both saw none; the second is refused. Another body's report on the
# same line is another record (no false conflict).
check "work-plan form: first report -> 303" [ "$(wp_form admin WP-2 2021-H1 "" ongoing "ACWC first")" = 303 ]
check "work-plan form: another body's first report on the line -> 303" [ "$(wp_form fp WP-2 2021-H1 "$(page_version fp "$wp_page" WP-2)" ongoing "SOMTC first")" = 303 ]
before=$(data_dump)
check "work-plan form: a first report filed meanwhile by another -> 409" [ "$(wp_form admin WP-2 2021-H1 "" completed "ACWC second")" = 409 ]
check "work-plan form: says someone else filed it" grep -q 'Someone else filed the report of ACWC on line WP-2' "$TMP/body"
check "work-plan form: nothing changed" [ "$before" = "$(data_dump)" ]

# Adding participants and feedback responses from two sessions at once: every row stays
# (each add appends its row under the write lock, numbered after the stored rows; an add
# that read the list and wrote it back whole would drop a row another add stored
# meanwhile).
ADDS=${ADDS:-8}
add_people() { # add_people WHO TAG
	local i
	for i in $(seq 1 "$ADDS"); do
		form_post "$1" /activities/C-4-1/participants "full_name=Adder $2 $i" sex=female country=KH >>"$TMP/add-$2.log"
		echo >>"$TMP/add-$2.log"
	done
}
add_answers() { # add_answers WHO TAG
	local i
	for i in $(seq 1 "$ADDS"); do
		form_post "$1" /activities/C-4-1/feedback sex=male satisfied=yes >>"$TMP/fb-$2.log"
		echo >>"$TMP/fb-$2.log"
	done
}
add_people admin A & pa=$!
add_people kh B & pb=$!
add_answers admin A & pc=$!
add_answers kh B & pd=$!
wait "$pa" "$pb" "$pc" "$pd"
check "simultaneous participant adds: all answered 303" [ "$(cat "$TMP"/add-*.log "$TMP"/fb-*.log | sort -u)" = 303 ]
n=$(sqlite3 "$DB" "SELECT count(DISTINCT full_name) || ' ' || count(*) FROM attendance WHERE activity = 'C-4-1'")
check "simultaneous participant adds: all $((2 * ADDS)) stored once ($n)" [ "$n" = "$((2 * ADDS)) $((2 * ADDS))" ]
n=$(sqlite3 "$DB" "SELECT count(*) FROM feedback WHERE activity = 'C-4-1'")
check "simultaneous feedback adds: all $((2 * ADDS)) stored ($n)" [ "$n" = $((2 * ADDS)) ]
n=$(sqlite3 "$DB" "SELECT group_concat(s, ' ') FROM (SELECT min(seq) || '-' || max(seq) || ':' || count(*) AS s FROM attendance
	WHERE activity = 'C-4-1' UNION ALL SELECT min(seq) || '-' || max(seq) || ':' || count(*) FROM feedback WHERE activity = 'C-4-1')")
check "simultaneous adds: seq 1 to $((2 * ADDS)) without gaps in both lists ($n)" [ "$n" = "1-$((2 * ADDS)):$((2 * ADDS)) 1-$((2 * ADDS)):$((2 * ADDS))" ]
# Another writer holding the lock past the busy timeout (10 s; a long import): a write
# (or a sign-in, which records its session) waits, then is answered 503 with Retry-After, says that nothing was stored, and stores
# nothing, through the API and through a form; a page read meanwhile is answered at once;
# once the lock is gone the same write is stored. The sessions were last seen 2 minutes
# ago, so that each request also touches its session (which must not wait for the lock).
sqlite3 "$DB" 'UPDATE app_session SET last_seen = last_seen - 120'
sqlite3 -cmd '.timeout 20000' "$DB" 'BEGIN IMMEDIATE;' ".shell touch '$TMP/held'" '.shell sleep 33' 'ROLLBACK;' &
holder=$!
for i in $(seq 1 100); do [ -e "$TMP/held" ] && break; sleep 0.1; done
# One write after the other: a pool thread waiting for the lock serves nothing else, and
# a second write queued on the same thread would wait twice.
busy_activity='{"activity_id":"BUSY-1","project":"C202","country":"KH","type":"meeting","title":"Busy","start_date":"2021-07-01"}'
(curl -s -D "$TMP/busy.head" -o "$TMP/busy.json" -w '%{http_code}' -b "$TMP/admin.jar" \
	-H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" -H 'Content-Type: application/json' \
	-d "$busy_activity" "$URL/api/v1/activities" >"$TMP/busy.status"
curl -s -D "$TMP/busyform.head" -o "$TMP/busyform.html" -w '%{http_code}' -b "$TMP/kh.jar" \
	--data-urlencode "csrf=$(cat "$TMP/kh.csrf")" --data-urlencode 'full_name=Busy Adder' \
	--data-urlencode sex=female --data-urlencode country=KH "$URL/activities/C-4-1/participants" >"$TMP/busyform.status"
curl -s -o "$TMP/busylogin.json" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d "{\"user\":\"th\",\"password\":\"$PW\"}" "$URL/api/v1/session" >"$TMP/busylogin.status") &
writes=$!
sleep 1
read_t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$TMP/admin.jar" "$URL/activities/C-4-1")
check "busy: a page read while the lock is held is answered at once ($read_t)" \
	python3 -c "import sys; c, t = '$read_t'.split(); sys.exit(0 if c == '200' and float(t) < 5 else 1)"
wait "$writes"
check "busy: the API write is answered 503 ($(cat "$TMP/busy.status"))" [ "$(cat "$TMP/busy.status")" = 503 ]
check "busy: the 503 says when to try again (Retry-After)" grep -qi '^Retry-After: [0-9]' "$TMP/busy.head"
check "busy: the API answer says nothing was stored" grep -q '"error": *"the database is busy.*nothing was stored' "$TMP/busy.json"
check "busy: the form is answered 503 ($(cat "$TMP/busyform.status"))" [ "$(cat "$TMP/busyform.status")" = 503 ]
check "busy: the form's page says to send it again" grep -q 'Nothing was stored. Go back and send the form again' "$TMP/busyform.html"
check "busy: a sign-in is answered 503, not as a wrong password ($(cat "$TMP/busylogin.status"))" \
	[ "$(cat "$TMP/busylogin.status")" = 503 ]
wait "$holder"
check "busy: that sign-in is neither counted, audited nor logged as a failed one" \
	bash -c "! grep -q \"sign-in failed for 'th'\" '$TMP/serve.log' &&
		[ \"\$(sqlite3 '$DB' \"SELECT (SELECT count(*) FROM login_failure WHERE user_name = 'th')
			+ (SELECT count(*) FROM audit WHERE action = 'login_failed')\")\" = 0 ]"
check "busy: nothing of either write is stored" [ "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM activity WHERE id = 'BUSY-1')
	+ (SELECT count(*) FROM attendance WHERE full_name = 'Busy Adder')")" = 0 ]
check "busy: the server log names the wait" grep -q 'busy: waited 10 s' "$TMP/serve.log"
st=$(call admin POST /api/v1/activities application/json "$busy_activity")
check "busy: the same write once the lock is gone -> 200 ($st)" [ "$st" = 200 ]
finish
