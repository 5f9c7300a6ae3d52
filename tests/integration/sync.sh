#!/bin/bash
# Sync between a server and two offline laptops on loopback (docs/sync.md): clones by an
# admin and a country officer, different edits on each side while apart (imports, API
# and form edits, deletions), syncs in several orders, ending with identical reports
# where the accounts see the same; a conflicting edit listed with nothing lost; kill -9
# during syncs; tampered and foreign bundles refused; a locked year refuses pushed changes;
# incremental pulls (one changed record, a deletion) and their size; participant rows that
# keep their numbers (and one renumbered when two laptops gave the same); the server's
# changes by bundle to a laptop (in order, tampered, foreign, out of order refused; a round
# trip agreed); names withdrawn from the officer's laptop when an activity moves to another
# country (and back); a killed clone; a refusal carried back by a return bundle; a laptop
# refusing a server restored from an older backup; a pseudonymised server cloned with its
# key, people exchanged by pseudonym.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
records_seed
web_start
A="$TMP/admin-laptop.db"
K="$TMP/kh-laptop.db"

# sync_as DB: one `actip sync` with the test password, its output in $TMP/sync.out
sync_as() { echo "$PW" | "$ACTIP" sync --db "$1" >"$TMP/sync.out" 2>"$TMP/sync.err"; }
# report DB: the 2021 report as JSON, without the line that names the time it was made
report() { "$ACTIP" report --db "$1" --year 2021 --format json | grep -v '"generated' ; }
# rows DB SQL: one query's rows
rows() { sqlite3 "$1" "$2"; }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ]; }

# ---- change capture ------------------------------------------------------------------
check "every import of the seed is one change_log row with its changeset" \
	test "$(rows "$DB" "SELECT count(*) FROM change_log WHERE length(changeset) > 0 AND account LIKE 'cli:%'")" -ge 2
login admin
st=$(call admin PUT /api/v1/records/activities/KH-1 application/json '{"title":"Training KH (renamed)"}')
check "an API edit without If-Match is refused and records nothing" \
	test "$st" = 412 -a "$(rows "$DB" "SELECT count(*) FROM change_log WHERE account = 'admin'")" = 0
v=$(curl -s -b "$TMP/admin.jar" "$URL/api/v1/records/activities/KH-1" | sed -n 's/.*"version":"\([0-9a-f]*\)".*/\1/p')
body=$(curl -s -b "$TMP/admin.jar" "$URL/api/v1/records/activities/KH-1" | python3 -c '
import json,sys; o=json.load(sys.stdin); o.pop("version"); o["title"]="Training KH (renamed)"; print(json.dumps(o))')
st=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H "If-Match: \"$v\"" -H 'Content-Type: application/json' --data-binary "$body" "$URL/api/v1/records/activities/KH-1")
check "an API edit is captured as a change of the admin account touching the activity table" \
	test "$st" = 200 -a "$(rows "$DB" "SELECT count(*) FROM change_log WHERE account = 'admin' AND tables LIKE '%\"activity\":1%'")" = 1

# ---- clones ------------------------------------------------------------------------------
echo "$PW" | "$ACTIP" sync clone --server "$URL" --user admin --db "$A" >"$TMP/out" 2>"$TMP/err"
check "the admin clones the server" grep -q 'cloned' "$TMP/out"
echo "$PW" | "$ACTIP" sync clone --server "$URL" --user kh --db "$K" >"$TMP/out" 2>"$TMP/err"
check "the KH officer clones the server" grep -q 'cloned' "$TMP/out"
cat "$TMP/err" | head -5
check "the admin's clone reports as the server" diff <(report "$DB") <(report "$A")
check "the officer's clone holds Cambodia's participant names and not Thailand's" \
	test "$(rows "$K" "SELECT group_concat(coalesce(full_name,'-'), ',') FROM (SELECT full_name FROM attendance ORDER BY activity)")" = "Sok Dara,-"
check "plain HTTP to another host is refused" \
	sh -c "echo '$PW' | '$ACTIP' sync clone --server http://example.org --user kh --db '$TMP/x.db' 2>&1 | grep -q 'plain HTTP only'"
check "a clone needs the right password" \
	sh -c "echo 'wrong password here' | '$ACTIP' sync clone --server '$URL' --user kh --db '$TMP/y.db' 2>&1 | grep -q 'signing in'"

# ---- apart: different edits on each side -------------------------------------------------
# laptop_start DB NAME: serves a laptop's database on its own port (URL into $NAME_URL)
LAPTOP_PIDS=""
laptop_start() {
	: >"$TMP/$2.out" # emptied before the child starts (see web_start)
	"$ACTIP" serve --db "$1" --listen 127.0.0.1:0 >"$TMP/$2.out" 2>"$TMP/$2.log" &
	LAPTOP_PIDS="$LAPTOP_PIDS $!"
	local port
	port=$(serve_port "$TMP/$2.out")
	eval "${2}_URL=http://127.0.0.1:$port"
}
trap 'for p in $LAPTOP_PIDS; do kill $p 2>/dev/null; done; web_stop; rm -rf "$TMP"' EXIT
# lcall URL WHO METHOD PATH [IF-MATCH BODY]: a signed-in JSON call to a laptop or the server
lcall() {
	local url=$1 who=$2 method=$3 path=$4 ifm=${5:-} body=${6:-}
	local jar="$TMP/$who-${url##*:}.jar"
	curl -s -c "$jar" -H 'Content-Type: application/json' \
		-d "{\"user\":\"$who\",\"password\":\"$PW\"}" "$url/api/v1/session" |
		sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' >"$TMP/csrf"
	local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$method" -b "$jar"
		-H "X-CSRF-Token: $(cat "$TMP/csrf")")
	[ -n "$ifm" ] && args+=(-H "If-Match: \"$ifm\"")
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
	curl "${args[@]}" "$url$path"
}
# edit URL WHO PATH FIELD VALUE: reads a record and writes it back with one field changed
edit() {
	local url=$1 who=$2 path=$3
	lcall "$url" "$who" GET "$path" >/dev/null
	local v body
	v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$TMP/body")
	body=$(python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); o.pop("version"); o[sys.argv[2]]=sys.argv[3]; print(json.dumps(o))' "$TMP/body" "$4" "$5")
	lcall "$url" "$who" PUT "$path" "$v" "$body"
}
# remove URL WHO PATH: deletes a record at the version read
remove() {
	lcall "$1" "$2" GET "$3" >/dev/null
	local v
	v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$TMP/body")
	lcall "$1" "$2" DELETE "$3" "$v"
}

laptop_start "$A" ADMINLAP
laptop_start "$K" KHLAP
# the server: an import of a new Thai activity, and an API edit of Thailand's
mkdir -p "$TMP/srv" "$TMP/lap" "$TMP/kh"
cat >"$TMP/srv/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date
TH-2,T101,TH,capacity_development,Workshop TH,2021-06-01
CSV
"$ACTIP" import --db "$DB" --quiet "$TMP/srv/activities.csv" >/dev/null
check "server: an API edit while the laptops are away" test "$(edit "$URL" admin /api/v1/records/activities/TH-1 title 'Training TH (server)')" = 200
# the admin's laptop: an import with participants, an edit, and a deletion
cat >"$TMP/lap/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date
KH-9,C202,KH,capacity_development,Field visit KH,2021-09-01
CSV
cat >"$TMP/lap/participants.csv" <<'CSV'
activity_id,full_name,sex,country
KH-9,Chan Sophea,female,KH
KH-9,Keo Vibol,male,KH
CSV
"$ACTIP" import --db "$A" --quiet "$TMP/lap/activities.csv" "$TMP/lap/participants.csv" >/dev/null
check "admin's laptop: an API edit" test "$(edit "$ADMINLAP_URL" admin /api/v1/records/projects/T101 title 'Cooperation TH (laptop)')" = 200
# a form edit on the admin's laptop (its web application, signed in as its admin)
SERVER_URL=$URL
URL=$ADMINLAP_URL
cp "$TMP/admin.jar" "$TMP/admin.jar.server"
cp "$TMP/admin.csrf" "$TMP/admin.csrf.server"
login admin
fv=$(page_version admin /activities/KH-9/edit)
check "admin's laptop: a form edit of the activity imported there" \
	test "$(form_post admin /activities/KH-9 "version=$fv" "title=Field visit KH" country=KH type=capacity_development project=C202 start_date=2021-09-01 end_date=2021-09-03)" = 303
URL=$SERVER_URL
mv "$TMP/admin.jar.server" "$TMP/admin.jar"
mv "$TMP/admin.csrf.server" "$TMP/admin.csrf"
check "admin's laptop: a deletion of a participant" test "$(remove "$ADMINLAP_URL" admin /api/v1/records/participants/TH-1/1)" = 200
# the officer's laptop: a new participant of KH-1 and an edit of Cambodia's project
cat >"$TMP/kh/participants.csv" <<'CSV'
activity_id,full_name,sex,country
KH-1,Lim Bopha,female,KH
CSV
"$ACTIP" import --db "$K" --quiet --append "$TMP/kh/participants.csv" >/dev/null
lim_seq=$(rows "$K" "SELECT seq FROM attendance WHERE full_name = 'Lim Bopha'")
check "officer's laptop: an API edit of a Cambodian participant" test "$(edit "$KHLAP_URL" kh /api/v1/records/participants/KH-1/1 email 'dara@example.org')" = 200
# a conflict: the same activity edited on the server and on the officer's laptop
check "server: KH-1 edited" test "$(edit "$URL" admin /api/v1/records/activities/KH-1 title 'Training KH (server)')" = 200
check "officer's laptop: KH-1 edited too" test "$(edit "$KHLAP_URL" kh /api/v1/records/activities/KH-1 title 'Training KH (field)')" = 200

# syncs in several orders
check "officer syncs first" sync_as "$K"
check "admin syncs" sync_as "$A"
check "officer syncs again" sync_as "$K"
check "admin syncs again" sync_as "$A"
check "a second sync with nothing new sends nothing" grep -q '^sent 0 changes' "$TMP/sync.out"
check "server and admin's laptop report the same" diff <(report "$DB") <(report "$A")
check "server and officer's laptop report the same" diff <(report "$DB") <(report "$K")
check "the laptop's participants reached the server (KH-1 and KH-9 have two each)" \
	test "$(rows "$DB" "SELECT group_concat(n) FROM (SELECT count(*) n FROM attendance WHERE activity IN ('KH-1','KH-9') GROUP BY activity ORDER BY activity)")" = "2,2"
check "the laptop's form edit reached the server" test "$(rows "$DB" "SELECT end_date FROM activity WHERE id = 'KH-9'")" = 2021-09-03
check "the officer's edit reached the server" test "$(rows "$DB" "SELECT email FROM attendance WHERE activity = 'KH-1' AND seq = 1")" = dara@example.org
check "the admin's laptop's project edit reached the officer's laptop" test "$(rows "$K" "SELECT title FROM project WHERE code = 'T101'")" = 'Cooperation TH (laptop)'
check "the deletion reached the server" test "$(rows "$DB" "SELECT count(*) FROM attendance WHERE activity = 'TH-1'")" = 0
check "the server's import reached both laptops" \
	test "$(rows "$A" "SELECT count(*) FROM activity WHERE id = 'TH-2'")$(rows "$K" "SELECT count(*) FROM activity WHERE id = 'TH-2'")" = 11
check "the officer's laptop holds no Thai names" \
	test "$(rows "$K" "SELECT count(*) FROM attendance WHERE country = 'TH' AND full_name IS NOT NULL")" = 0
check "names reached the officer's laptop only for Cambodia" \
	test "$(rows "$K" "SELECT count(*) FROM attendance WHERE full_name IS NOT NULL AND activity LIKE 'KH-%'")" = 4
# the conflict: the server's title stays, the laptop's is listed, nothing lost
check "server keeps its title for KH-1" test "$(rows "$DB" "SELECT title FROM activity WHERE id = 'KH-1'")" = 'Training KH (server)'
check "the conflict is listed on the server with the laptop's title" \
	test "$(rows "$DB" "SELECT count(*) FROM sync_conflict WHERE kind = 'activities' AND rkey = 'KH-1' AND status = 409 AND mine LIKE '%Training KH (field)%'")" = 1
"$ACTIP" sync conflicts --db "$K" >"$TMP/conf.out" 2>&1
check "actip sync conflicts lists it on the laptop" grep -q 'activities KH-1' "$TMP/conf.out"
login admin
check "the admin's conflicts page lists it" sh -c "curl -s -b '$TMP/admin.jar' '$URL/sync/conflicts' | grep -q 'Training KH (field)'"
id=$(rows "$K" "SELECT id FROM sync_conflict WHERE rkey = 'KH-1' AND resolved_at IS NULL LIMIT 1")
check "resolving with the laptop's version" sh -c "'$ACTIP' sync resolve --db '$K' $id mine >/dev/null"
check "the resolution syncs" sync_as "$K"
check "the server's entry of that conflict is settled by the change that superseded it" \
	test "$(rows "$DB" "SELECT resolution FROM sync_conflict WHERE rkey = 'KH-1'")" = superseded
check "the server now has the laptop's title" test "$(rows "$DB" "SELECT title FROM activity WHERE id = 'KH-1'")" = 'Training KH (field)'

check "a participant added on a laptop keeps its number on the server" \
	test "$(rows "$DB" "SELECT seq FROM attendance WHERE full_name = 'Lim Bopha'")" = "$lim_seq"

# ---- incremental pulls: only what changed since the laptop's epoch ---------------------------
sync_as "$A"
sync_as "$K"
lcall "$URL" kh GET /api/v1/sync/pull >/dev/null
full=$(wc -c <"$TMP/body")
check "server: one more edit" test "$(edit "$URL" admin /api/v1/records/activities/TH-2 title 'Workshop TH (renamed)')" = 200
sync_as "$K"
check "the next pull brings that one record and nothing else" grep -q 'received 1 records, 0 deleted' "$TMP/sync.out"
bytes=$(sed -n 's/.*(\([0-9]*\) bytes).*/\1/p' "$TMP/sync.out")
check "and sends a fraction of the whole set ($bytes of $full bytes)" test "${bytes:-$full}" -lt $((full / 4))
check "the edit reached the laptop" test "$(rows "$K" "SELECT title FROM activity WHERE id = 'TH-2'")" = 'Workshop TH (renamed)'
check "server: Lim Bopha's row deleted" test "$(remove "$URL" admin "/api/v1/records/participants/KH-1/$lim_seq")" = 200
printf 'activity_id,full_name,sex,country\nKH-1,Nita Chea,female,KH\n' >"$TMP/kh/participants.csv"
"$ACTIP" import --db "$K" --quiet --append "$TMP/kh/participants.csv" >/dev/null
nita=$(rows "$K" "SELECT seq FROM attendance WHERE full_name = 'Nita Chea'")
printf 'activity_id,full_name,sex,country\nKH-1,Vann Ra,male,KH\n' >"$TMP/lap/participants.csv"
"$ACTIP" import --db "$A" --quiet --append "$TMP/lap/participants.csv" >/dev/null
vann=$(rows "$A" "SELECT seq FROM attendance WHERE full_name = 'Vann Ra'")
sync_as "$K"
check "an incremental pull carries the server's deletion" grep -q 'received 0 records, 1 deleted' "$TMP/sync.out"
check "the deleted row is gone from the laptop" \
	test "$(rows "$K" "SELECT count(*) FROM attendance WHERE full_name = 'Lim Bopha'")" = 0
check "a new row keeps its number where the server's own rows end lower ($nita)" \
	test "$(rows "$DB" "SELECT seq FROM attendance WHERE full_name = 'Nita Chea'")$(rows "$K" "SELECT seq FROM attendance WHERE full_name = 'Nita Chea'")" = "$nita$nita"
sync_as "$A"
check "two laptops gave the same number ($vann): the second row is numbered after, on both sides" \
	test "$vann" = "$nita" -a "$(rows "$DB" "SELECT seq FROM attendance WHERE full_name = 'Vann Ra'")" = $((nita + 1)) \
	-a "$(rows "$A" "SELECT group_concat(full_name || ':' || seq) FROM (SELECT * FROM attendance WHERE activity = 'KH-1' ORDER BY seq)")" = \
	"$(rows "$DB" "SELECT group_concat(full_name || ':' || seq) FROM (SELECT * FROM attendance WHERE activity = 'KH-1' ORDER BY seq)")"
sync_as "$K"

# ---- kill -9 at random moments of a sync -------------------------------------------------
echo "$PW" >"$TMP/pw"
for i in 1 2 3 4 5 6; do
	mkdir -p "$TMP/k$i"
	printf 'activity_id,full_name,sex,country\nKH-9,Person %s,female,KH\n' "$i" >"$TMP/k$i/participants.csv"
	"$ACTIP" import --db "$K" --quiet --append "$TMP/k$i/participants.csv" >/dev/null
	"$ACTIP" sync --db "$K" <"$TMP/pw" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(( (RANDOM % 40) + 2 ))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	integrity "$K" || not_ok "kill -9 $i: the laptop's database is whole"
	integrity "$DB" || not_ok "kill -9 $i: the server's database is whole"
done
# a clone killed at a random moment leaves no file, or a whole one; the next clone works
C="$TMP/killed-clone.db"
for i in 1 2 3; do
	rm -f "$C"
	"$ACTIP" sync clone --server "$URL" --user kh --db "$C" <"$TMP/pw" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(( (RANDOM % 30) + 1 ))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ ! -e "$C" ] || [ "$(sqlite3 "$C" "SELECT value FROM sync_state WHERE name = 'since'")" != "" ] ||
		not_ok "kill -9 of clone $i: no file, or a whole clone"
done
rm -f "$C"
check "a clone after an interrupted one works and leaves no part behind" \
	bash -c "'$ACTIP' sync clone --server '$URL' --user kh --db '$C' <'$TMP/pw' | grep -q '^cloned' && [ ! -e '$C.clone-part' ] && diff <('$ACTIP' report --db '$C' --year 2021 --format json | grep -v generated) <('$ACTIP' report --db '$DB' --year 2021 --format json | grep -v generated) >/dev/null"
check "both databases pass integrity_check after the kills" sh -c "[ \"\$(sqlite3 '$K' 'PRAGMA integrity_check')\" = ok ] && [ \"\$(sqlite3 '$DB' 'PRAGMA integrity_check')\" = ok ]"
check "the next sync completes" sync_as "$K"
check "and the one after it has nothing to send" sh -c "echo '$PW' | '$ACTIP' sync --db '$K' | grep -q '^sent 0 changes'"
check "each participant added under the kills reached the server once" \
	test "$(rows "$DB" "SELECT count(*) FROM attendance WHERE full_name LIKE 'Person _'")$(rows "$DB" "SELECT count(DISTINCT full_name) FROM attendance WHERE full_name LIKE 'Person _'")" = 66
check "the officer's laptop has them once too" \
	test "$(rows "$K" "SELECT count(*) FROM attendance WHERE full_name LIKE 'Person _'")" = 6
sync_as "$A"
same3() { diff <(report "$DB") <(report "$K") >/dev/null && diff <(report "$DB") <(report "$A") >/dev/null; }
check "server and both laptops still report the same" same3

# ---- bundles ---------------------------------------------------------------------------------
mkdir -p "$TMP/b"
printf 'activity_id,project,country,type,title,start_date\nKH-9,C202,KH,capacity_development,Field visit KH (by USB),2021-09-01\n' >"$TMP/b/activities.csv"
"$ACTIP" import --db "$K" --quiet "$TMP/b/activities.csv" >/dev/null
check "export writes the laptop's change to a bundle" sh -c "'$ACTIP' sync export --db '$K' -o '$TMP/k.bundle' | grep -q '^wrote 1 changes'"
sed 's/(by USB)/(by USX)/' "$TMP/k.bundle" >"$TMP/tampered.bundle"
"$ACTIP" sync apply --db "$DB" "$TMP/tampered.bundle" >"$TMP/out" 2>&1
check "a tampered bundle is refused with a clear error" sh -c "[ $? -ne 0 ] && grep -q 'authentication fails' '$TMP/out'"
"$ACTIP" import --db "$TMP/other.db" --quiet "$TMP/projects.csv" >/dev/null
"$ACTIP" sync apply --db "$TMP/other.db" "$TMP/k.bundle" >"$TMP/out" 2>&1
check "a bundle for another instance is refused" sh -c "[ $? -ne 0 ] && grep -q 'made for another instance' '$TMP/out'"
check "nothing of the refused bundles was applied" test "$(rows "$DB" "SELECT title FROM activity WHERE id = 'KH-9'")" = 'Field visit KH'
check "the bundle applies on the server" sh -c "'$ACTIP' sync apply --db '$DB' '$TMP/k.bundle' | grep -q '^applied 1 changes'"
check "the server has the bundle's title" test "$(rows "$DB" "SELECT title FROM activity WHERE id = 'KH-9'")" = 'Field visit KH (by USB)'
check "applying it again changes nothing" sh -c "'$ACTIP' sync apply --db '$DB' '$TMP/k.bundle' | grep -q '^applied 1 changes' && [ \"\$(sqlite3 '$DB' \"SELECT count(*) FROM change_log WHERE account = 'kh'\")\" = \"$(rows "$DB" "SELECT count(*) FROM change_log WHERE account = 'kh'")\" ]"
check "the next sync agrees with the bundle's result" sync_as "$K"

# ---- return bundles: the server's changes to a laptop that has no link ------------------------
# epoch_of DB: the epoch an instance agreed up to (actip sync status)
epoch_of() { "$ACTIP" sync status --db "$1" | awk -F'\t' '$1 == "epoch" {print $2}'; }
e0=$(epoch_of "$K")
check "server: an edit for the laptop" test "$(edit "$URL" admin /api/v1/records/activities/TH-2 title 'Workshop TH (by USB)')" = 200
check "export --for writes the server's changes since the laptop's epoch" \
	sh -c "'$ACTIP' sync export --db '$DB' --for kh --since $e0 -o '$TMP/down1.bundle' | grep -q '^wrote 1 records and 0 deletions for kh'"
e1=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["cursor"])' "$TMP/down1.bundle")
check "server: a deletion for the laptop" test "$(remove "$URL" admin "/api/v1/records/participants/KH-1/$nita")" = 200
"$ACTIP" sync export --db "$DB" --for kh --since "$e1" -o "$TMP/down2.bundle" >/dev/null
sed 's/(by USB)/(by USX)/' "$TMP/down1.bundle" >"$TMP/down-tampered.bundle"
"$ACTIP" sync apply --db "$K" "$TMP/down-tampered.bundle" >"$TMP/out" 2>&1
check "a tampered return bundle is refused" sh -c "[ $? -ne 0 ] && grep -q 'authentication fails' '$TMP/out'"
echo "$PW" | "$ACTIP" user add --db "$TMP/other.db" --name kh --role country_officer --country KH --password-stdin >/dev/null
"$ACTIP" sync export --db "$TMP/other.db" --for kh -o "$TMP/foreign.bundle" >/dev/null
"$ACTIP" sync apply --db "$K" "$TMP/foreign.bundle" >"$TMP/out" 2>&1
check "a return bundle from another server (programme) is refused" sh -c "[ $? -ne 0 ] && grep -q 'made for another instance' '$TMP/out'"
"$ACTIP" sync apply --db "$K" "$TMP/down2.bundle" >"$TMP/out" 2>&1
check "a bundle that starts after the laptop's epoch is refused, naming the epoch to ask for" \
	sh -c "[ $? -ne 0 ] && grep -q -- '--since $e0' '$TMP/out'"
check "the server refuses a bundle meant for a laptop" sh -c "! '$ACTIP' sync apply --db '$DB' '$TMP/down1.bundle' >/dev/null 2>&1"
check "nothing of the refused bundles was applied on the laptop" \
	test "$(rows "$K" "SELECT title FROM activity WHERE id = 'TH-2'")$(rows "$K" "SELECT count(*) FROM attendance WHERE full_name = 'Nita Chea'")" = 'Workshop TH (renamed)1'
check "the return bundles apply in order" sh -c "'$ACTIP' sync apply --db '$K' '$TMP/down1.bundle' | grep -q '^applied 1 records and 0 deletions' && '$ACTIP' sync apply --db '$K' '$TMP/down2.bundle' | grep -q '^applied 0 records and 1 deletions'"
check "the laptop has the server's edit and deletion" \
	test "$(rows "$K" "SELECT title FROM activity WHERE id = 'TH-2'")$(rows "$K" "SELECT count(*) FROM attendance WHERE full_name = 'Nita Chea'")" = 'Workshop TH (by USB)0'
check "an older bundle is refused once a newer one is in" sh -c "! '$ACTIP' sync apply --db '$K' '$TMP/down1.bundle' >/dev/null 2>&1"
printf 'activity_id,project,country,type,title,start_date\nKH-9,C202,KH,capacity_development,Field visit KH (round trip),2021-09-01\n' >"$TMP/b/activities.csv"
"$ACTIP" import --db "$K" --quiet "$TMP/b/activities.csv" >/dev/null
"$ACTIP" sync export --db "$K" -o "$TMP/up.bundle" >/dev/null
"$ACTIP" sync apply --db "$DB" "$TMP/up.bundle" >/dev/null
check "by default a return bundle starts at the epoch of the laptop's last bundle" \
	sh -c "'$ACTIP' sync export --db '$DB' --for kh -o '$TMP/down3.bundle' | grep -q 'since epoch $(epoch_of "$K")'"
check "a round trip by USB alone: the laptop's change comes back agreed, not as a conflict" \
	sh -c "'$ACTIP' sync apply --db '$K' '$TMP/down3.bundle' >/dev/null && [ \"\$('$ACTIP' sync status --db '$K' | grep 'to send')\" = \"\$(printf 'to send\t0 changes')\" ] && [ \"\$(sqlite3 '$K' \"SELECT count(*) FROM sync_conflict WHERE mine LIKE '%round trip%'\")\" = 0 ]"
check "and the next sync over the link has nothing to send" sh -c "echo '$PW' | '$ACTIP' sync --db '$K' | grep -q '^sent 0 changes'"

# ---- names follow visibility: an activity moved out of and into the officer's country ----------
# names DB: the names of KH-9's participants held there
names() { rows "$1" "SELECT count(*) FROM attendance WHERE activity = 'KH-9' AND full_name IS NOT NULL"; }
held=$(names "$K")
check "server: KH-9 moved to Thailand" test "$(edit "$URL" admin /api/v1/records/activities/KH-9 country TH)" = 200
e2=$(epoch_of "$K")
"$ACTIP" sync export --db "$DB" --for kh --since "$e2" -o "$TMP/moved.bundle" >/dev/null
"$ACTIP" sync apply --db "$K" "$TMP/moved.bundle" >"$TMP/out" 2>&1
check "a return bundle withdraws the moved activity's $held names and says so" \
	grep -q "^$held records no longer readable in full by this account were stripped" "$TMP/out"
check "the laptop holds none of them, in its tables or anywhere in its files" \
	sh -c "[ $held -ge 8 ] && [ \"\$(sqlite3 '$K' \"SELECT count(*) FROM attendance WHERE activity = 'KH-9' AND (full_name IS NOT NULL OR email IS NOT NULL OR person_id IS NOT NULL)\")\" = 0 ] && ! cat '$K' '$K-wal' 2>/dev/null | grep -qa -e 'Chan Sophea' -e 'Keo Vibol' -e 'Person 3'"
check "the server still has them" test "$(names "$DB")" = "$held"
check "the next sync sends nothing (the withdrawal deletes nothing there)" sh -c "echo '$PW' | '$ACTIP' sync --db '$K' | grep -q '^sent 0 changes'"
check "the server still has them after it" test "$(names "$DB")" = "$held"
check "server and officer's laptop report the same after the move" diff <(report "$DB") <(report "$K")
check "server: KH-9 moved back to Cambodia" test "$(edit "$URL" admin /api/v1/records/activities/KH-9 country KH)" = 200
check "a sync brings the names back with the activity" sh -c "echo '$PW' | '$ACTIP' sync --db '$K' >/dev/null && [ \"\$(sqlite3 '$K' \"SELECT count(*) FROM attendance WHERE activity = 'KH-9' AND full_name IS NOT NULL\")\" = $held ]"
check "server: KH-9 moved to Thailand again" test "$(edit "$URL" admin /api/v1/records/activities/KH-9 country TH)" = 200
sync_as "$K"
check "a sync over the link withdraws them too" \
	sh -c "grep -q '^$held records no longer readable' '$TMP/sync.out' && [ \"\$(sqlite3 '$K' \"SELECT count(*) FROM attendance WHERE activity = 'KH-9' AND full_name IS NOT NULL\")\" = 0 ] && ! grep -qa 'Chan Sophea' '$K'"
check "and the next one sends nothing" sh -c "echo '$PW' | '$ACTIP' sync --db '$K' | grep -q '^sent 0 changes'"
check "the admin's laptop keeps every name (an admin sees them all)" sh -c "echo '$PW' | '$ACTIP' sync --db '$A' >/dev/null && [ \"\$(sqlite3 '$A' \"SELECT count(*) FROM attendance WHERE activity = 'KH-9' AND full_name IS NOT NULL\")\" = $held ]"
check "server and both laptops report the same after the moves" same3
check "server: KH-9 back in Cambodia" test "$(edit "$URL" admin /api/v1/records/activities/KH-9 country KH)" = 200
sync_as "$K"
sync_as "$A"

# ---- a locked year refuses pushed changes ------------------------------------------------------
check "admin approves 2021 on the server" test "$(lcall "$URL" admin POST /api/v1/periods/2021)" = 200
printf 'activity_id,project,country,type,title,start_date\nKH-9,C202,KH,capacity_development,Field visit KH (late edit),2021-09-01\n' >"$TMP/b/activities.csv"
"$ACTIP" import --db "$K" --quiet "$TMP/b/activities.csv" >/dev/null
sync_as "$K"
check "the push into the locked year is refused and reported" grep -q 'KH-9' "$TMP/sync.err"
check "the server's record is unchanged" test "$(rows "$DB" "SELECT title FROM activity WHERE id = 'KH-9'")" = 'Field visit KH (round trip)'
check "the refused change is listed on the laptop, nothing lost" \
	test "$(rows "$K" "SELECT count(*) FROM sync_conflict WHERE rkey = 'KH-9' AND status = 409 AND mine LIKE '%late edit%' AND resolved_at IS NULL")" = 1
sync_as "$A"
check "after the lock, server and both laptops report the same" same3
id=$(rows "$DB" "SELECT id FROM sync_conflict WHERE rkey = 'KH-9' AND resolved_at IS NULL")
check "the admin's page offers to resolve the refused change" sh -c "curl -s -b '$TMP/admin.jar' '$URL/sync/conflicts' | grep -q 'action=\"/sync/conflicts/$id\"'"
check "the admin keeps the stored version from the page" test "$(form_post admin "/sync/conflicts/$id" choice=theirs)" = 303
check "the conflict is marked resolved on the server" test "$(rows "$DB" "SELECT resolution FROM sync_conflict WHERE id = $id")" = theirs
check "an officer may not see the page" test "$(lcall "$URL" kh GET /sync/conflicts)" = 403
check "the laptop holds the server's record again" test "$(rows "$K" "SELECT title FROM activity WHERE id = 'KH-9'")" = 'Field visit KH (round trip)'

# a change refused on the server when it came by bundle: the return bundle carries the refusal
printf 'activity_id,project,country,type,title,start_date\nKH-9,C202,KH,capacity_development,Field visit KH (late by USB),2021-09-01\n' >"$TMP/b/activities.csv"
"$ACTIP" import --db "$K" --quiet "$TMP/b/activities.csv" >/dev/null
"$ACTIP" sync export --db "$K" -o "$TMP/late.bundle" >/dev/null
check "the server refuses the bundle's change into the locked year" \
	sh -c "'$ACTIP' sync apply --db '$DB' '$TMP/late.bundle' | grep -q '^applied 0 changes of kh .* 1 not applied'"
"$ACTIP" sync export --db "$DB" --for kh -o "$TMP/late-back.bundle" >"$TMP/out"
check "the return bundle carries the refusal" grep -q 'not applied here' "$TMP/out"
"$ACTIP" sync apply --db "$K" "$TMP/late-back.bundle" >"$TMP/out" 2>&1
check "applied on the laptop, it lists the refused change (actip sync conflicts), nothing lost" \
	sh -c "grep -q '^1 changes of this copy were not applied' '$TMP/out' && '$ACTIP' sync conflicts --db '$K' 2>/dev/null | grep -q 'open.activities KH-9' && '$ACTIP' sync conflicts --db '$K' --format json | grep -q 'late by USB'"
check "and the laptop holds the server's version again" test "$(rows "$K" "SELECT title FROM activity WHERE id = 'KH-9'")" = 'Field visit KH (round trip)'
check "the same return bundle again lists nothing twice" \
	sh -c "'$ACTIP' sync apply --db '$K' '$TMP/late-back.bundle' >/dev/null 2>&1; [ \"\$(sqlite3 '$K' \"SELECT count(*) FROM sync_conflict WHERE mine LIKE '%late by USB%'\")\" = 1 ]"
check "the next sync over the link has nothing to send" sh -c "echo '$PW' | '$ACTIP' sync --db '$K' | grep -q '^sent 0 changes'"

# ---- pseudonymisation: instances keyed differently do not exchange people -----------------------
mkdir -p "$TMP/keys"
P="$TMP/pseudo.db"
"$ACTIP" import --db "$P" --quiet "$TMP/projects.csv" "$TMP/activities.csv" >/dev/null
"$ACTIP" privacy init --db "$P" --key "$TMP/keys/p.key" >/dev/null 2>&1
export ACTIP_PSEUDONYM_KEY="$TMP/keys/p.key"
printf 'activity_id,person_id,full_name,sex,country\nKH-1,,Sok Dara,female,KH\nKH-1,KH-ID-7,Chan Tola,male,KH\n' >"$TMP/keys/participants.csv"
"$ACTIP" import --db "$P" --quiet "$TMP/keys/participants.csv" >/dev/null
echo "$PW" | "$ACTIP" user add --db "$P" --name kh --role country_officer --country KH --password-stdin >/dev/null
"$ACTIP" serve --db "$P" --listen 127.0.0.1:0 >"$TMP/p.out" 2>"$TMP/p.log" &
LAPTOP_PIDS="$LAPTOP_PIDS $!"
PURL="http://127.0.0.1:$(serve_port "$TMP/p.out")"
PL="$TMP/p-laptop.db"
unset ACTIP_PSEUDONYM_KEY
echo "$PW" | "$ACTIP" sync clone --server "$PURL" --user kh --db "$PL" >"$TMP/out" 2>&1
check "a clone of a pseudonymised server without its key is refused, with the reason" \
	sh -c "grep -q -- '--key FILE' '$TMP/out' && grep -q 'keyed differently do not exchange people' '$TMP/out' && [ ! -e '$PL' ]"
"$ACTIP" privacy init --db "$TMP/q.db" --key "$TMP/keys/q.key" >/dev/null 2>&1
echo "$PW" | "$ACTIP" sync clone --server "$PURL" --user kh --db "$PL" --key "$TMP/keys/q.key" >"$TMP/out" 2>&1
check "a clone with another key is refused" sh -c "grep -q 'not the pseudonymisation key' '$TMP/out' && [ ! -e '$PL' ]"
echo "$PW" | "$ACTIP" sync clone --server "$PURL" --user kh --db "$PL" --key "$TMP/keys/p.key" >"$TMP/out" 2>&1
check "a clone with the server's key is made" grep -q '^cloned' "$TMP/out"
pk() { sqlite3 "$1" "SELECT group_concat(seq || '=' || coalesce(person_key, '-')) FROM (SELECT * FROM attendance ORDER BY activity, seq)"; }
check "the clone holds no names, and the server's pseudonyms" \
	test "$(rows "$PL" "SELECT count(*) FROM attendance WHERE full_name IS NOT NULL OR email IS NOT NULL")" = 0 -a "$(pk "$PL")" = "$(pk "$P")" -a -n "$(pk "$P")"
check "the clone reports as the pseudonymised server (people counted once as there)" diff <(report "$P") <(report "$PL")
mkdir -p "$TMP/keys/more"; printf 'activity_id,full_name,sex,country\nKH-1,Sok Dara,female,KH\nKH-1,Mey Lina,female,KH\n' >"$TMP/keys/more/participants.csv"
ACTIP_PSEUDONYM_KEY="$TMP/keys/p.key" "$ACTIP" import --db "$PL" --quiet --append "$TMP/keys/more/participants.csv" >/dev/null
check "the keyed laptop syncs with the pseudonymised server" sh -c "echo '$PW' | ACTIP_PSEUDONYM_KEY='$TMP/keys/p.key' '$ACTIP' sync --db '$PL' | grep -q '^sent 2 changes (2 applied'"
check "the laptop's people reached the server under the same pseudonyms, without names" \
	test "$(pk "$PL")" = "$(pk "$P")" -a "$(rows "$P" "SELECT count(*) FROM attendance WHERE full_name IS NOT NULL")" = 0
check "a returning person counts once on both (the same pseudonym as at the server's import)" \
	test "$(rows "$P" "SELECT count(DISTINCT person_key) FROM attendance")" = 3
check "server and laptop report the same" diff <(report "$P") <(report "$PL")
check "the keyed laptop cannot sync without its key" sh -c "! echo '$PW' | '$ACTIP' sync --db '$PL' >/dev/null 2>&1"
check "a pull by a client keyed differently is refused" \
	test "$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H 'X-Actip-People: 0123456789abcdef0123456789abcdef' "$URL/api/v1/sync/pull")" = 409
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H 'X-Actip-People: 0123456789abcdef0123456789abcdef' -H 'Content-Type: application/json' \
	--data-binary '{"items":[{"id":"0123456789abcdef0123","kind":"participants","key":["KH-1",""],"base":"","record":{"activity_id":"KH-1","full_name":"Someone","sex":"male","country":"KH"}}]}' \
	"$URL/api/v1/sync/push")
check "participants pushed by a client keyed differently are refused, nothing stored" \
	sh -c "[ '$st' = 200 ] && grep -q '\"status\":409' '$TMP/body' && [ \"\$(sqlite3 '$DB' \"SELECT count(*) FROM attendance WHERE full_name = 'Someone'\")\" = 0 ]"

# ---- the server restored from an older backup: laptops refuse to sync, keeping their changes ----
"$ACTIP" backup --db "$DB" --to "$TMP/server-backup.db" --quiet
check "server: an edit after the backup" test "$(edit "$URL" admin /api/v1/records/projects/T101 title 'Cooperation TH (after the backup)')" = 200
check "the officer's laptop syncs past the backup" sync_as "$K"
printf 'activity_id,project,country,type,title,start_date\nKH-22,C202,KH,capacity_development,Unsent visit,2022-03-01\n' >"$TMP/kh/activities.csv"
"$ACTIP" import --db "$K" --quiet "$TMP/kh/activities.csv" >/dev/null
web_stop
rm -f "$DB-wal" "$DB-shm"
cp "$TMP/server-backup.db" "$DB"
web_start
sqlite3 "$K" "UPDATE sync_state SET value = '$URL' WHERE name = 'server'" # the same server, at its new port
sqlite3 "$A" "UPDATE sync_state SET value = '$URL' WHERE name = 'server'"
sync_as "$K"
st=$?
check "a laptop that agreed past the restored backup refuses to sync, saying what to do" \
	sh -c "[ $st -ne 0 ] && grep -q 'restored from a backup' '$TMP/sync.err' && grep -q 'sync export' '$TMP/sync.err' && grep -q 'sync clone' '$TMP/sync.err'"
check "nothing was sent: the server has no trace of the unsent change" \
	test "$(rows "$DB" "SELECT count(*) FROM activity WHERE title = 'Unsent visit'")" = 0
check "the laptop keeps its unsent change" \
	sh -c "[ \"\$(sqlite3 '$K' \"SELECT count(*) FROM activity WHERE title = 'Unsent visit'\")\" = 1 ] && '$ACTIP' sync status --db '$K' | grep -q 'to send.1 changes'"
check "and can carry it as a bundle, as the message says" sh -c "'$ACTIP' sync export --db '$K' -o '$TMP/rescue.bundle' | grep -q '^wrote 1 changes'"
check "which the restored server applies" sh -c "'$ACTIP' sync apply --db '$DB' '$TMP/rescue.bundle' | grep -q '^applied 1 changes'"
check "a laptop that last agreed before the backup still syncs" sync_as "$A"

finish
