#!/usr/bin/env bash
# Restore drill (security checklist, Storage: "Backups only through SQLite's backup API"
# and "`actip check` runs integrity_check, foreign_key_check and the validation rules").
# A writer posts activities through the API while `actip backup` copies the database
# three times; each copy holds at least every write acknowledged before it started and at
# most those acknowledged when it ended, passes integrity and foreign-key checks and
# `actip check`. Then the server is stopped, the last copy is put in place of the
# database, the server restarted on it, and the API serves exactly the copy's records.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
check "server starts" web_start
login admin

# writer: posts activities W-1, W-2, ... and appends each acknowledged id to acked.
writer() {
	local i=1
	while [ ! -e "$TMP/stop" ]; do
		st=$(call admin POST /api/v1/activities application/json \
			"{\"activity_id\":\"W-$i\",\"project\":\"C202\",\"country\":\"KH\",\"type\":\"meeting\",\"title\":\"Write $i\",\"start_date\":\"2021-05-01\"}")
		[ "$st" = 200 ] && echo "W-$i" >>"$TMP/acked"
		[ "$st" != 200 ] && echo "$st $(cat "$TMP/body")" >>"$TMP/write-errors"
		i=$((i + 1))
	done
}
: >"$TMP/acked"
writer &
WPID=$!
sleep 1
for n in 1 2 3; do
	before=$(wc -l <"$TMP/acked")
	"$ACTIP" backup --db "$DB" --to "$TMP/backup$n.db" >"$TMP/backup$n.out" 2>&1
	rc=$?
	after=$(wc -l <"$TMP/acked")
	check "backup $n while writing: exit 0" [ "$rc" = 0 ]
	got=$(sqlite3 "$TMP/backup$n.db" "SELECT count(*) FROM activity WHERE id LIKE 'W-%'")
	check "backup $n holds $before..$after acknowledged writes (has $got)" [ "$got" -ge "$before" -a "$got" -le "$after" ]
	check "backup $n: integrity_check ok" [ "$(sqlite3 "$TMP/backup$n.db" 'PRAGMA integrity_check')" = ok ]
	check "backup $n: foreign_key_check empty" [ -z "$(sqlite3 "$TMP/backup$n.db" 'PRAGMA foreign_key_check')" ]
	check "backup $n: actip check passes" "$ACTIP" check --db "$TMP/backup$n.db" --year 2021 >/dev/null
	check "backup $n: a single file (journal_mode delete, no -wal)" \
		bash -c "[ \"\$(sqlite3 '$TMP/backup$n.db' 'PRAGMA journal_mode')\" = delete ] && [ ! -e '$TMP/backup$n.db-wal' ]"
	sleep 0.5
done
touch "$TMP/stop"
wait "$WPID"
check "the writer saw no failure during backups" [ ! -s "$TMP/write-errors" ]
total=$(wc -l <"$TMP/acked")
check "writes continued during the backups ($total acknowledged)" [ "$total" -gt "$(sqlite3 "$TMP/backup1.db" "SELECT count(*) FROM activity WHERE id LIKE 'W-%'")" ]
check "live database holds every acknowledged write exactly once" \
	[ "$(sqlite3 "$DB" "SELECT count(DISTINCT id) || ' ' || count(*) FROM activity WHERE id LIKE 'W-%'")" = "$total $total" ]

# Refusals.
"$ACTIP" backup --db "$DB" --to "$TMP/backup1.db" 2>"$TMP/err"
check "backup refuses to overwrite (exit 3)" [ $? = 3 ]
check "backup names the existing file" grep -q 'already exists' "$TMP/err"
"$ACTIP" backup --db "$TMP/missing.db" --to "$TMP/x.db" 2>"$TMP/err"
check "backup of a missing database fails (exit 3)" [ $? = 3 ]
check "no partial file left" bash -c "[ ! -e '$TMP/x.db' ] && ! ls '$TMP' | grep -q 'tmp-'"
"$ACTIP" backup --db "$DB" 2>/dev/null
check "backup without --to is a usage error" [ $? = 2 ]

# Restore: stop, put the copy in place, restart, compare through the API.
web_stop
restored=$(sqlite3 "$TMP/backup3.db" "SELECT count(*) FROM activity")
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$TMP/backup3.db" "$DB"
check "restored database passes actip check" "$ACTIP" check --db "$DB" --year 2021
check "server starts on the restored database" web_start
login admin
n=$(curl -s -b "$TMP/admin.jar" "$URL/api/v1/activities" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["activities"]))')
check "API serves the backup's $restored activities after restore (got $n)" [ "$n" = "$restored" ]
st=$(call admin POST /api/v1/activities application/json '{"activity_id":"AFTER-1","project":"C202","country":"KH","type":"meeting","title":"After restore","start_date":"2021-06-01"}')
check "restored database takes writes" [ "$st" = 200 ]
finish
