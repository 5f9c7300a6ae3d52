#!/usr/bin/env bash
# The add forms of an activity page (docs/api.md "The web forms"): a participant or a
# feedback response typed into the form is appended after the activity's stored rows,
# which stay byte for byte as they were (names, e-mails, person keys, seq), and takes
# the next seq. The add keeps the rules of every write: a bad value is 422 and stores
# nothing, another country's officer gets 403, an approved year 409, and the change is
# audited as the list's count before and after. (Pseudonymisation mode: privacy.sh
# "form add: …".)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
mkdir -p "$TMP/in"
# Values a rewrite could alter: quotes, a comma and a line break, mixed-case e-mail,
# other scripts, staff and disability answers, a person id.
cat >"$TMP/in/participants.csv" <<'CSV'
activity_id,person_id,email,full_name,sex,country,organisation,staff,disability
KH-1,,,Sok Dara,female,KH,,,
KH-1,,Mixed.Case@Example.org,"Nguyễn ""Văn"", A",male,VN,"Ministry
of Justice",no,yes
KH-1,P-9,,Chan Sophea,female,KH,,yes,
KH-1,,,ສົມສັກ ພົມມະ,male,LA,,,no
CSV
cat >"$TMP/in/feedback.csv" <<'CSV'
activity_id,sex,satisfied,met_objectives,met_expectations,improved_learning,relevant,understanding
KH-1,female,yes,yes,no,,yes,good
KH-1,,no,,,,,
KH-1,male,,yes,yes,yes,no,poor
CSV
"$ACTIP" import --db "$DB" --quiet "$TMP/in" >/dev/null
check "server starts" web_start
for u in admin kh th; do login "$u"; done

# people ACTIVITY [FROM [TO]] / answers ACTIVITY [FROM [TO]]: the stored rows with seq
# FROM to TO (default all), every column, in seq order.
people() {
	sqlite3 "$DB" "SELECT seq, quote(person_key), quote(person_id), quote(email), quote(full_name), sex, country,
		quote(organisation), staff, quote(disability) FROM attendance WHERE activity = '$1'
		AND seq BETWEEN ${2:-0} AND ${3:-1000000} ORDER BY seq"
}
answers() {
	sqlite3 "$DB" "SELECT seq, quote(sex), quote(satisfied), quote(met_objectives), quote(met_expectations),
		quote(improved_learning), quote(relevant), quote(understanding) FROM feedback WHERE activity = '$1'
		AND seq BETWEEN ${2:-0} AND ${3:-1000000} ORDER BY seq"
}
# state: everything the forms could touch.
state() { people KH-1; people TH-1; answers KH-1; answers TH-1; sqlite3 "$DB" 'SELECT * FROM stats_people'; }
# audited KIND: the latest audit row's old and new value for KH-1's list of KIND.
audited() { sqlite3 "$DB" "SELECT old_value || ' ' || new_value FROM audit WHERE entity = '$1' AND key = 'KH-1' ORDER BY id DESC LIMIT 1"; }

p0=$(people KH-1) th0=$(people TH-1)
check "the stored list: 4 rows, seq 1-4" [ "$(sqlite3 "$DB" "SELECT group_concat(seq, ' ') FROM attendance WHERE activity = 'KH-1'")" = "1 2 3 4" ]
check "the stored list: a line break kept in a value" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE organisation = 'Ministry' || char(10) || 'of Justice'")" = 1 ]
st=$(form_post kh /activities/KH-1/participants 'full_name=Lim "Srey", Neang' email=Lim.Srey@Example.ORG person_id= \
	sex=female country=KH organisation='Police <Unit> & co' staff=no disability=yes)
check "participant form: 303" [ "$st" = 303 ]
check "participant form: the stored rows byte-identical (names, e-mails, keys, seq)" [ "$(people KH-1 1 4)" = "$p0" ]
check "participant form: the new row is seq 5, as typed" [ "$(people KH-1 5)" = \
	"5|'e:lim.srey@example.org'|NULL|'Lim.Srey@Example.ORG'|'Lim \"Srey\", Neang'|female|KH|'Police <Unit> & co'|0|1" ]
check "participant form: another activity's rows untouched" [ "$(people TH-1)" = "$th0" ]
check "participant form: audited as the count before and after" [ "$(audited participants)" = '{"count":4} {"count":5}' ]
check "participant form: the page lists the new participant, escaped" \
	bash -c "curl -s -b '$TMP/kh.jar' '$URL/activities/KH-1' | grep -qF '<td>Lim \"Srey\", Neang</td><td>Lim.Srey@Example.ORG</td><td>Female</td><td>Cambodia</td><td>Police &lt;Unit&gt; &amp; co</td>'"

f0=$(answers KH-1)
st=$(form_post admin /activities/KH-1/feedback sex=other satisfied=yes met_objectives=no relevant=yes understanding=excellent)
check "feedback form: 303" [ "$st" = 303 ]
check "feedback form: the stored responses byte-identical" [ "$(answers KH-1 1 3)" = "$f0" ]
check "feedback form: the new response is seq 4, as typed" [ "$(answers KH-1 4)" = "4|'other'|1|0|NULL|NULL|1|'excellent'" ]
check "feedback form: audited as the count before and after" [ "$(audited feedback)" = '{"count":3} {"count":4}' ]

# The rules of every write still hold; each refusal stores nothing.
before=$(state)
check "participant form: a bad value -> 422" [ "$(form_post admin /activities/KH-1/participants full_name=Bad sex=robot country=KH)" = 422 ]
check "participant form: the 422 page names the column" grep -q '<li>sex: ' "$TMP/body"
check "feedback form: a bad value -> 422" [ "$(form_post admin /activities/KH-1/feedback satisfied=perhaps)" = 422 ]
check "participant form: another country's officer -> 403" [ "$(form_post th /activities/KH-1/participants full_name=Intruder sex=male country=TH)" = 403 ]
check "feedback form: another country's officer -> 403" [ "$(form_post th /activities/KH-1/feedback sex=male)" = 403 ]
check "participant form: no such activity -> 404" [ "$(form_post admin /activities/NOPE/participants full_name=Nobody sex=male country=KH)" = 404 ]
check "admin approves 2021" [ "$(call admin POST /api/v1/periods/2021)" = 200 ]
check "participant form: approved year -> 409" [ "$(form_post kh /activities/KH-1/participants full_name=Late sex=male country=KH)" = 409 ]
check "participant form: the 409 page says the period is locked" grep -q 'approved and locked' "$TMP/body"
check "feedback form: approved year -> 409" [ "$(form_post admin /activities/KH-1/feedback sex=male)" = 409 ]
check "admin re-opens 2021" [ "$(call admin DELETE /api/v1/periods/2021)" = 200 ]
check "refused and rejected adds stored nothing" [ "$before" = "$(state)" ]
check "the refusals are audited" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused' AND key IN ('participants', 'feedback')")" = 4 ]

# An add after the refusals takes the next seq (no number was used up).
check "participant form after the refusals -> 303" [ "$(form_post kh /activities/KH-1/participants full_name=Later sex=male country=KH)" = 303 ]
check "participant form after the refusals: seq 6" [ "$(sqlite3 "$DB" "SELECT seq FROM attendance WHERE activity = 'KH-1' AND full_name = 'Later'")" = 6 ]

# The API's POST appends the same way (docs/api.md); its PUT still replaces.
p6=$(people KH-1) f4=$(answers KH-1)
check "API POST participants: 200" [ "$(call kh POST /api/v1/activities/KH-1/participants application/json \
	'{"participants":[{"full_name":"Api One","sex":"male","country":"KH"},{"email":"two@example.org","sex":"female","country":"KH","disability":true}]}')" = 200 ]
check "API POST participants: the stored rows byte-identical" [ "$(people KH-1 1 6)" = "$p6" ]
check "API POST participants: the new rows are seq 7 and 8" [ "$(people KH-1 7)" = "7|'n:api one|male|KH'|NULL|NULL|'Api One'|male|KH|NULL|0|NULL
8|'e:two@example.org'|NULL|'two@example.org'|NULL|female|KH|NULL|0|1" ]
check "API POST feedback: 200" [ "$(call admin POST /api/v1/activities/KH-1/feedback application/json '{"feedback":[{"sex":"female","satisfied":"yes"}]}')" = 200 ]
check "API POST feedback: the stored responses byte-identical, the new one seq 5" [ "$(answers KH-1 1 4)" = "$f4" -a "$(answers KH-1 5 | cut -d'|' -f1-3)" = "5|'female'|1" ]
before=$(state)
check "API POST participants: another country's officer -> 403" [ "$(call th POST /api/v1/activities/KH-1/participants application/json '{"participants":[{"full_name":"X","sex":"male","country":"TH"}]}')" = 403 ]
check "API POST participants: a bad value -> 422" [ "$(call kh POST /api/v1/activities/KH-1/participants application/json '{"participants":[{"full_name":"X","sex":"robot","country":"KH"}]}')" = 422 ]
check "API POST: refusals stored nothing" [ "$before" = "$(state)" ]
web_stop
finish
