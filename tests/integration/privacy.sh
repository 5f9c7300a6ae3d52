#!/usr/bin/env bash
# Pseudonymisation mode (issue 6, item 7; security checklist: "missing pseudonymisation
# key: the program refuses to start instead of making a new key"; ACTIP article 14(6)).
# Canary names and e-mails go in through `actip import`, the JSON API, the upload
# preview (kept until confirmed) and a rejected import; then the database, its WAL, the
# server log, every command's output, a backup, the report exports and the check output
# are searched (case-insensitively, as bytes): the canaries must be absent, and so must
# the key. The counts must be exactly those of the same data in a clear database. An
# import or the server without the key, with another key or with a key file others may
# read is refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
unset ACTIP_PSEUDONYM_KEY

cat >"$TMP/projects.csv" <<'CSV'
code,title,country
C202,Cooperation KH,KH
CSV
cat >"$TMP/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date
KH-1,C202,KH,capacity_development,Training KH,2021-03-01
KH-2,C202,KH,capacity_development,Second training,2021-05-01
KH-3,C202,KH,capacity_development,Third training,2021-06-01
CSV
mkdir -p "$TMP/in" "$TMP/keys" "$TMP/out"
cat >"$TMP/in/participants.csv" <<'CSV'
activity_id,person_id,email,full_name,sex,country
KH-1,,,Zqxcanary Alpha,female,KH
KH-2,,,ZQXCANARY  alpha,female,KH
KH-1,,zqxcanary.beta@example.org,Zqxcanary Beta,male,KH
KH-2,,ZQXCANARY.BETA@example.org,,male,KH
KH-1,P-77,,Zqxcanary Kappa,male,KH
KH-2,,,Sok Dara,female,KH
CSV
# clear: the same records in a database without pseudonymisation, for the counts.
"$ACTIP" import --db "$TMP/clear.db" --quiet "$TMP/projects.csv" "$TMP/activities.csv" "$TMP/in/participants.csv"

DB=$TMP/p.db
"$ACTIP" import --db "$DB" --quiet "$TMP/projects.csv" "$TMP/activities.csv"
"$ACTIP" privacy init --db "$DB" --key "$TMP/keys/actip.key" >"$TMP/out/init.out" 2>&1
check "privacy init: exit 0" [ $? = 0 ]
check "privacy init: key file mode 600" [ "$(stat -c %a "$TMP/keys/actip.key")" = 600 ]
check "privacy status says pseudonymised" bash -c "'$ACTIP' privacy status --db '$DB' | grep -q 'pseudonymised (names'"
"$ACTIP" privacy init --db "$TMP/clear.db" --key "$TMP/keys/other.key" 2>"$TMP/out/init2.err"
check "privacy init refuses a database with participants in clear" [ $? = 3 -a ! -e "$TMP/keys/other.key" ]
KEYHEX=$(head -c 64 "$TMP/keys/actip.key")

# Without the key, with a wrong key, with a readable key: refused, nothing stored.
"$ACTIP" import --db "$DB" --quiet "$TMP/in/participants.csv" >"$TMP/out/nokey.out" 2>"$TMP/out/nokey.err"
check "import without the key: exit 3" [ $? = 3 ]
check "import without the key: names the variable" grep -q ACTIP_PSEUDONYM_KEY "$TMP/out/nokey.err"
check "import without the key: nothing stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance')" = 0 ]
"$ACTIP" serve --db "$DB" --listen 127.0.0.1:0 >"$TMP/out/serve-nokey.out" 2>"$TMP/out/serve-nokey.err" &
spid=$!
for _ in $(seq 1 50); do kill -0 "$spid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$spid" 2>/dev/null; then kill "$spid"; not_ok "serve without the key refuses to start"; else
	wait "$spid"; check "serve without the key refuses to start (status $?)" grep -q ACTIP_PSEUDONYM_KEY "$TMP/out/serve-nokey.err"; fi
printf '%064d\n' 7 >"$TMP/keys/wrong.key"
chmod 600 "$TMP/keys/wrong.key"
ACTIP_PSEUDONYM_KEY=$TMP/keys/wrong.key "$ACTIP" import --db "$DB" --quiet "$TMP/in/participants.csv" 2>"$TMP/out/wrong.err"
check "import with another key: exit 3, says so" bash -c "[ $? = 3 ] && grep -q 'not this database' '$TMP/out/wrong.err'"
cp "$TMP/keys/actip.key" "$TMP/keys/loose.key"
chmod 644 "$TMP/keys/loose.key"
ACTIP_PSEUDONYM_KEY=$TMP/keys/loose.key "$ACTIP" import --db "$DB" --quiet "$TMP/in/participants.csv" 2>"$TMP/out/loose.err"
check "import with a key file others may read: exit 3" bash -c "[ $? = 3 ] && grep -q 'readable by others' '$TMP/out/loose.err'"
rm -f "$TMP/keys/loose.key"
check "refusals stored nothing" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance')" = 0 ]

export ACTIP_PSEUDONYM_KEY=$TMP/keys/actip.key
"$ACTIP" import --db "$DB" "$TMP/in/participants.csv" >"$TMP/out/import.out" 2>"$TMP/out/import.err"
check "import with the key: exit 0" [ $? = 0 ]
cat >"$TMP/in/bad-participants.csv" <<'CSV'
activity_id,email,full_name,sex,country
KH-3,zqxcanary.gamma@example.org,Zqxcanary Gamma,female,KH
KH-3,,Zqxcanary Delta,robot,KH
CSV
"$ACTIP" import --db "$DB" --template participants "$TMP/in/bad-participants.csv" >"$TMP/out/bad.out" 2>"$TMP/out/bad.err"
check "rejected import: exit 1, nothing stored" bash -c "[ $? = 1 ] && [ \$(sqlite3 '$DB' \"SELECT count(*) FROM attendance WHERE activity = 'KH-3'\") = 0 ]"

# Through the server: the JSON API and the upload preview.
echo "$PW" | "$ACTIP" user add --db "$DB" --name admin --role admin --password-stdin >/dev/null
check "server starts with the key" web_start
login admin
st=$(call admin PUT /api/v1/activities/KH-3/participants application/json '{"participants":[{"full_name":"Zqxcanary Epsilon","email":"zqxcanary.eps@example.org","sex":"female","country":"KH"}]}')
check "API participants write: 200" [ "$st" = 200 ]
st=$(call admin PUT /api/v1/activities/KH-3/participants application/json '{"participants":[{"full_name":"Zqxcanary Zeta","email":"not-an-address","sex":"female","country":"KH"}]}')
check "API rejected write: 422" [ "$st" = 422 ]
st=$(curl -s -o "$TMP/out/preview.html" -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H 'Content-Type: text/csv' --data-binary $'activity_id,full_name,sex,country\nKH-3,Zqxcanary Eta,male,KH\n' "$URL/upload?template=participants")
check "upload preview kept for confirmation: 200" [ "$st" = 200 ]
check "the preview waits in the database (sealed)" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM pending_upload')" = 1 ]
id=$(sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/out/preview.html" | head -1)
curl -s -o /dev/null -b "$TMP/admin.jar" --data-urlencode "csrf=$(cat "$TMP/admin.csrf")" --data-urlencode "id=$id" "$URL/upload/confirm"
check "the confirmed upload stored its row (sealed body opened)" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE activity = 'KH-3'")" = 1 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H 'Content-Type: text/csv' --data-binary $'activity_id,full_name,sex,country\nKH-2,Zqxcanary Theta,male,KH\n' "$URL/upload?template=participants")
check "a second preview left pending" [ "$st" = 200 ]
curl -s -b "$TMP/admin.jar" "$URL/api/v1/activities/KH-1" >"$TMP/out/activity.json"
"$ACTIP" backup --db "$DB" --to "$TMP/out/backup.db" >"$TMP/out/backup.out" 2>&1
check "backup while the server runs" [ $? = 0 ]
check "the WAL exists while the server runs" [ -s "$DB-wal" ]

# The search: database, WAL, log, outputs, backup, exports.
"$ACTIP" report --db "$DB" --year 2021 --format json -o "$TMP/out/report.json"
"$ACTIP" report --db "$DB" --year 2021 --format md -o "$TMP/out/report.md"
"$ACTIP" report --db "$DB" --year 2021 --format html -o "$TMP/out/report.html"
"$ACTIP" report --db "$DB" --year 2021 --format csv -o "$TMP/out/report-csv"
"$ACTIP" check --db "$DB" --year 2021 --format json >"$TMP/out/check.json"
files=("$DB" "$DB-wal" "$TMP/serve.log" "$TMP/serve.out" "$TMP/out/backup.db")
files+=($(find "$TMP/out" -type f))
check "searched $((${#files[@]})) files, the database and its WAL among them" [ "${#files[@]}" -ge 15 ]
hits=$(grep -ail zqxcanary "${files[@]}" 2>/dev/null | grep -v "/out/\(nokey\|wrong\|loose\|bad\|preview\)\." )
check "no canary name or e-mail in the database, WAL, log, backup or exports" [ -z "$hits" ]
[ -n "$hits" ] && echo "$hits" | sed 's/^/#   found in: /'
check "the rejected import's error names the row, not the canary's name" bash -c "grep -q 'bad-participants.csv:[0-9]' '$TMP/out/bad.err' && ! grep -qi 'zqxcanary delta' '$TMP/out/bad.err'"
check "no clear name key either (case-folded form)" bash -c "! grep -aq 'zqxcanary alpha' '$DB' '$TMP/out/backup.db'"
check "the key is in neither the database nor the backup" bash -c "! grep -aq '$KEYHEX' '$DB' '$DB-wal' '$TMP/out/backup.db' '$TMP/serve.log'"
check "stored names and e-mails are NULL" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance WHERE full_name IS NOT NULL OR email IS NOT NULL')" = 0 ]
check "person keys are pseudonyms" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE person_key NOT LIKE 'p:%'")" = 0 ]

# Counts: exactly those of the clear database (KH-3's web rows removed for the comparison).
web_stop
sqlite3 "$DB" "DELETE FROM attendance WHERE activity = 'KH-3'" 2>/dev/null
"$ACTIP" report --db "$DB" --year 2021 --format json -o "$TMP/p.json"
"$ACTIP" report --db "$TMP/clear.db" --year 2021 --format json -o "$TMP/c.json"
check "the same people counted: stats_people" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM stats_people')" = "$(sqlite3 "$TMP/clear.db" 'SELECT count(*) FROM stats_people')" ]
python3 - "$TMP/p.json" "$TMP/c.json" >"$TMP/cmp" <<'PY'
import json, sys
p, c = (json.load(open(f)) for f in sys.argv[1:])
keys = ["table1", "table2", "table3", "table4", "table5"]
ok = all(k in p and p[k] == c[k] for k in keys) and p["table3"] != {}
print("same" if ok else "differ")
PY
check "report tables identical to the clear database's (counts exact)" [ "$(cat "$TMP/cmp")" = same ]
check "the repeated people count once (4 people in 6 rows)" [ "$(sqlite3 "$DB" "SELECT count(DISTINCT person_key) FROM attendance WHERE person_key IS NOT NULL")" = 4 ]

# A participant added through the activity page's form: the form appends, so KH-1's
# earlier rows (keyed by name, by e-mail and by person id; their names and e-mails are
# not stored, so they could not be written again with the same keys) keep seq and
# person key, and the people trained rise by exactly the new person.
"$ACTIP" import --db "$DB" --quiet "$TMP/activities.csv" # an import refreshes the statistics after the DELETE above
people() { sqlite3 "$1" "SELECT coalesce(sum(persons), 0) FROM stats_people WHERE year = 2021 AND trained = 1"; }
distinct() { sqlite3 "$DB" "SELECT count(DISTINCT person_key) + sum(person_key IS NULL) FROM attendance"; }
keys_of() { sqlite3 "$DB" "SELECT seq || ' ' || coalesce(person_key, 'NULL') FROM attendance WHERE activity = '$1' ORDER BY seq"; }
p0=$(people "$DB") d0=$(distinct) k1=$(keys_of KH-1) k2=$(keys_of KH-2)
check "form add: people trained before as in the clear database ($p0)" [ "$p0" = "$(people "$TMP/clear.db")" -a "$p0" = 4 -a "$d0" = 4 ]
check "form add: server starts" web_start
login admin
st=$(form_post admin /activities/KH-1/participants "full_name=Zqxcanary Iota" email=zqxcanary.iota@example.org sex=female country=KH)
check "form add (pseudonymised): 303" [ "$st" = 303 ]
after=$(keys_of KH-1)
check "form add: the earlier rows keep seq and person key (by name, e-mail, person id)" [ "$(echo "$after" | head -n 3)" = "$k1" ]
check "form add: the new row follows as seq 4 with a pseudonym" bash -c '[[ $1 == "4 p:"* ]]' _ "$(echo "$after" | sed -n 4p)"
check "form add: the other activity's rows untouched" [ "$(keys_of KH-2)" = "$k2" ]
check "form add: people trained rose by exactly the new person ($p0 -> $(people "$DB"))" [ "$(people "$DB")" = $((p0 + 1)) ]
check "form add: distinct people rose by exactly one ($d0 -> $(distinct))" [ "$(distinct)" = $((d0 + 1)) ]
check "form add: no name or e-mail stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance WHERE full_name IS NOT NULL OR email IS NOT NULL')" = 0 ]
# The API's POST appends too: the same person again (same e-mail) is the same key.
k1b=$(keys_of KH-1) p1=$(people "$DB") d1=$(distinct)
check "API POST (pseudonymised): 200" [ "$(call admin POST /api/v1/activities/KH-1/participants application/json \
	'{"participants":[{"email":"zqxcanary.iota@example.org","full_name":"Zqxcanary Iota","sex":"female","country":"KH"}]}')" = 200 ]
check "API POST: the earlier rows keep seq and person key" [ "$(keys_of KH-1 | head -n 4)" = "$k1b" ]
check "API POST: the repeated person has the same pseudonym" [ "$(keys_of KH-1 | sed -n 5p | cut -d' ' -f2)" = "$(echo "$k1b" | sed -n 4p | cut -d' ' -f2)" ]
check "API POST: people trained and distinct people unchanged (the same person)" [ "$(people "$DB")" = "$p1" -a "$(distinct)" = "$d1" ]
check "API POST: no name or e-mail stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance WHERE full_name IS NOT NULL OR email IS NOT NULL')" = 0 ]
web_stop
check "form add: the typed canary is in neither the database, its WAL nor the log" bash -c "[ -s '$DB' ] && ! grep -aqi 'zqxcanary iota\|zqxcanary.iota' '$DB' '$DB-wal' '$TMP/serve.log' 2>/dev/null"
finish
