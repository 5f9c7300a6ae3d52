#!/usr/bin/env bash
# Disk full and I/O errors (security checklist, "Faults": disk full / write error). The
# preloaded shim tests/faultinject.c makes writes to the database's files fail with
# ENOSPC after N successful calls (N = 0, 3, 30, 300: the disk fills at different points
# of an import's commit), and fsync fail with EIO. Each time `actip import` must fail
# with a clear message and a non-zero status, the stored data must be unchanged and
# readable (integrity_check ok, same digest), and an import without the fault must then
# succeed. Then the server: while a marker file exists its writes fail; an API write
# answers 500 with a clear JSON error and changes nothing, reads keep working, and once
# the marker is gone ("space returns") the same write succeeds without a restart.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
: "${FAULTINJECT:?FAULTINJECT must name the fault-injection shim}"
# The shim is preloaded ahead of the sanitizer runtime of the check build.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"

python3 "$SRCDIR/bench/gen.py" 20000 "$TMP/gen" >/dev/null
G=$TMP/gen
digest() { sqlite3 "$1" .dump | sha256sum | cut -c1-16; }
"$ACTIP" import --db "$TMP/old.db" --quiet "$G/framework.csv" "$G/projects.csv" "$G/activities.csv"
OLD=$(digest "$TMP/old.db")

# faulty NAME ENV...: runs the import of participants and feedback under the shim.
faulty() {
	local name=$1
	shift
	rm -f "$TMP/f.db" "$TMP/f.db-wal" "$TMP/f.db-shm"
	cp "$TMP/old.db" "$TMP/f.db"
	env LD_PRELOAD="$FAULTINJECT" ACTIP_FAULT_PATH=f.db "$@" \
		"$ACTIP" import --db "$TMP/f.db" --quiet "$G/participants.csv" "$G/feedback.csv" >"$TMP/out" 2>"$TMP/err"
	local rc=$?
	check "$name: import fails with status 3 (got $rc)" [ "$rc" = 3 ]
	check "$name: clear message" grep -Eq 'database or disk is full|disk I/O error' "$TMP/err"
	check "$name: says nothing was imported" grep -q 'nothing was imported' "$TMP/err"
	check "$name: integrity_check ok" [ "$(sqlite3 "$TMP/f.db" 'PRAGMA integrity_check')" = ok ]
	check "$name: stored data unchanged" [ "$(digest "$TMP/f.db")" = "$OLD" ]
	check "$name: readable by actip check" \
		"$ACTIP" check --db "$TMP/f.db" --format json >/dev/null
	"$ACTIP" import --db "$TMP/f.db" --quiet "$G/participants.csv" "$G/feedback.csv" >/dev/null 2>&1
	check "$name: the import succeeds once space returns" \
		[ "$(sqlite3 "$TMP/f.db" 'SELECT count(*) FROM attendance')" = 20000 ]
}
for n in 0 3 30 300; do
	faulty "ENOSPC after $n writes" ACTIP_FAULT_AFTER=$n
done
faulty "EIO on fsync" ACTIP_FAULT_AFTER=0 ACTIP_FAULT_OPS=sync ACTIP_FAULT_ERRNO=EIO

# The server: full while $TMP/full exists.
web_seed
LD_PRELOAD="$FAULTINJECT" ACTIP_FAULT_PATH=web.db ACTIP_FAULT_FILE="$TMP/full" web_start
check "server starts under the shim" [ -n "$SERVER_PID" ]
login admin
before=$(data_dump | sha256sum)
touch "$TMP/full"
st=$(call admin POST /api/v1/activities application/json '{"activity_id":"KH-9","project":"C202","country":"KH","type":"meeting","title":"Full","start_date":"2021-05-01"}')
check "server, disk full: write answers 500 (got $st)" [ "$st" = 500 ]
check "server, disk full: JSON error body" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["error"]' "$TMP/body"
check "server, disk full: the log names the cause" grep -Eq 'disk is full|disk I/O error' "$TMP/serve.log"
st=$(call admin PUT /api/v1/activities/KH-1/participants application/json '{"participants":[{"full_name":"Full Disk","sex":"female","country":"KH"}]}')
check "server, disk full: participants write answers 500 (got $st)" [ "$st" = 500 ]
st=$(curl -s -o "$TMP/list" -w '%{http_code}' -b "$TMP/admin.jar" "$URL/api/v1/activities")
check "server, disk full: reads still work" [ "$st" = 200 ]
check "server, disk full: server still running" kill -0 "$SERVER_PID"
check "server, disk full: stored data unchanged" [ "$(data_dump | sha256sum)" = "$before" ]
check "server, disk full: integrity_check ok" [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
rm -f "$TMP/full"
st=$(call admin POST /api/v1/activities application/json '{"activity_id":"KH-9","project":"C202","country":"KH","type":"meeting","title":"Full","start_date":"2021-05-01"}')
check "server, space returned: the same write succeeds (got $st)" [ "$st" = 200 ]
check "server, space returned: stored once" [ "$(sqlite3 "$DB" "SELECT count(*) FROM activity WHERE id = 'KH-9'")" = 1 ]
finish
