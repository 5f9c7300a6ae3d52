#!/usr/bin/env bash
# Crash safety (security checklist, "Faults": kill -9 during an import; Storage: WAL,
# synchronous=FULL, one import = one transaction). A generated data set's framework,
# projects and activities are the old state; its participants and feedback, a large
# import, make the new state. KILLS times (default 20; `make stress` runs 200) the
# import is started on a copy of the old database and killed with SIGKILL after a
# random delay spread over its whole run time; then PRAGMA integrity_check must say ok,
# foreign_key_check must be empty, and a digest of the whole content must equal the
# old state's or the new state's, nothing in between. Then the same with the import
# going through the server's API (POST /api/v1/import/participants) and the server
# killed. Finally an import on a database that survived a kill completes normally.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

KILLS=${KILLS:-20}
ROWS=${CRASH_ROWS:-60000}
python3 "$SRCDIR/bench/gen.py" "$ROWS" "$TMP/gen" >/dev/null
G=$TMP/gen

# digest DB: sha256 of the full SQL dump (schema and every row), with the rows of the
# audit log and of the change log replaced by their counts: each import run adds one of
# each whose time (and change id) differs from run to run, and they must come with the
# data they record (old: none, new: one more).
digest() { { sqlite3 "$1" .dump | grep -v '^INSERT INTO audit \|^INSERT INTO change_log ';
	sqlite3 "$1" 'SELECT count(*) FROM audit; SELECT count(*) FROM change_log'; } |
	sha256sum | cut -c1-16; }

# wait_ms MS: sleeps MS milliseconds.
wait_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# verify DB ROUND: integrity, foreign keys, old-or-new; prints old or new or torn.
verify() {
	local ic fk d
	ic=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	fk=$(sqlite3 "$1" 'PRAGMA foreign_key_check' 2>&1)
	d=$(digest "$1")
	if [ "$ic" != ok ]; then echo "integrity: $ic"; return; fi
	if [ -n "$fk" ]; then echo "foreign keys: $fk"; return; fi
	if [ "$d" = "$OLD" ]; then echo old; elif [ "$d" = "$NEW" ]; then echo new; else echo "torn ($d)"; fi
}

"$ACTIP" import --db "$TMP/old.db" --quiet "$G/framework.csv" "$G/projects.csv" "$G/activities.csv"
OLD=$(digest "$TMP/old.db")
# The reference run is timed on its second go: the first warms the page cache, and a
# window measured on a cold run put half the kills after the end on a loaded machine.
cp "$TMP/old.db" "$TMP/new.db"
"$ACTIP" import --db "$TMP/new.db" --quiet "$G/participants.csv" "$G/feedback.csv"
cp "$TMP/old.db" "$TMP/new.db"
t0=$(date +%s%N)
"$ACTIP" import --db "$TMP/new.db" --quiet "$G/participants.csv" "$G/feedback.csv"
t1=$(date +%s%N)
NEW=$(digest "$TMP/new.db")
# data_digest DB: the dump without the audit and change logs (a re-import adds rows of its own).
data_digest() { sqlite3 "$1" .dump | grep -v '^INSERT INTO audit \|^INSERT INTO change_log ' | sha256sum | cut -c1-16; }
NEW_DATA=$(data_digest "$TMP/new.db")
SPAN=$(( (t1 - t0) / 1000000 * 6 / 5 + 1 ))  # kill delays range over 120% of a full run
check "reference import of $ROWS rows ran (${SPAN} ms window)" [ "$OLD" != "$NEW" ]

# ---- SIGKILL of `actip import` ------------------------------------------------------
n_old=0 n_new=0 n_bad=0 n_mid=0
for k in $(seq 1 "$KILLS"); do
	rm -f "$TMP/w.db" "$TMP/w.db-wal" "$TMP/w.db-shm"
	cp "$TMP/old.db" "$TMP/w.db"
	"$ACTIP" import --db "$TMP/w.db" --quiet "$G/participants.csv" "$G/feedback.csv" >/dev/null 2>&1 &
	pid=$!
	wait_ms $((RANDOM * 32768 % (SPAN * 1000) / 1000 + RANDOM % 7))
	kill -9 "$pid" 2>/dev/null && n_mid=$((n_mid + 1))
	wait "$pid" 2>/dev/null
	r=$(verify "$TMP/w.db")
	case $r in
	old) n_old=$((n_old + 1)) ;;
	new) n_new=$((n_new + 1)) ;;
	*) n_bad=$((n_bad + 1)); not_ok "import kill $k left a bad state" "$r" ;;
	esac
done
check "import: $KILLS kills ($n_mid while running): $n_old old, $n_new new, $n_bad torn" [ "$n_bad" = 0 ]
# Not a vacuous pass: a good share of the kills interrupted a running import (a quarter:
# on a shared machine the runs' lengths vary around the reference).
check "import: at least a quarter of the kills landed while the import ran" [ "$n_mid" -ge $((KILLS / 4)) ]
check "import: a killed-mid-run database is the old state at least once" [ "$n_old" -ge 1 ]
"$ACTIP" import --db "$TMP/w.db" --quiet "$G/participants.csv" "$G/feedback.csv" >/dev/null 2>&1
check "import: after the last kill the import completes to the new state" [ "$(data_digest "$TMP/w.db")" = "$NEW_DATA" ]

# ---- SIGKILL of `actip serve` during an API import ----------------------------------
# The API takes one template per request: the old state here is old.db plus its admin
# account, the new one that plus the participants.
SKILLS=${SERVER_KILLS:-$((KILLS / 2))}
DB=$TMP/sold.db
cp "$TMP/old.db" "$DB"
echo "$PW" | "$ACTIP" user add --db "$DB" --name admin --role admin --password-stdin >/dev/null
# Sessions and the audit change with every sign-in and import; they are left out of
# the digest of the server rounds, which compares the records.
records() { sqlite3 "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;" \
	"SELECT * FROM activity ORDER BY id; SELECT * FROM attendance ORDER BY 1,2; SELECT * FROM stats_people ORDER BY 1" | sha256sum | cut -c1-16; }
# upload: posts the participants file as the signed-in admin; prints the status.
upload() { curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
	-H 'Content-Type: text/csv' --data-binary "@$G/participants.csv" "$URL/api/v1/import/participants"; }
web_start && login admin
t0=$(date +%s%N)
st=$(upload)
t1=$(date +%s%N)
SSPAN=$(( (t1 - t0) / 1000000 * 6 / 5 + 1 ))  # the server rounds' kill window: 120% of an API import
web_stop
cp "$DB" "$TMP/snew.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$TMP/old.db" "$DB"
echo "$PW" | "$ACTIP" user add --db "$DB" --name admin --role admin --password-stdin >/dev/null
cp "$DB" "$TMP/sold0.db"
SOLD=$(records "$TMP/sold0.db")
SNEW=$(records "$TMP/snew.db")
check "reference API import stored (status $st, ${SSPAN} ms window)" [ "$st" = 200 -a "$SOLD" != "$SNEW" ]
s_old=0 s_new=0 s_bad=0
for k in $(seq 1 "$SKILLS"); do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$TMP/sold0.db" "$DB"
	web_start || { not_ok "server round $k did not start"; continue; }
	login admin
	upload >"$TMP/ack" 2>/dev/null &
	cpid=$!
	wait_ms $((RANDOM * 32768 % (SSPAN * 1000) / 1000 + RANDOM % 7))
	kill -9 "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
	wait "$cpid" 2>/dev/null
	ic=$(sqlite3 "$DB" 'PRAGMA integrity_check')
	fk=$(sqlite3 "$DB" 'PRAGMA foreign_key_check')
	d=$(records "$DB")
	if [ "$(cat "$TMP/ack")" = 200 ] && [ "$d" != "$SNEW" ]; then
		s_bad=$((s_bad + 1)); not_ok "server kill $k lost an acknowledged import"
	elif [ "$ic" = ok ] && [ -z "$fk" ] && [ "$d" = "$SOLD" ]; then s_old=$((s_old + 1))
	elif [ "$ic" = ok ] && [ -z "$fk" ] && [ "$d" = "$SNEW" ]; then s_new=$((s_new + 1))
	else s_bad=$((s_bad + 1)); not_ok "server kill $k left a bad state" "$ic $fk $d"; fi
done
check "server: $SKILLS kills during API imports: $s_old old, $s_new new, $s_bad torn or lost" [ "$s_bad" = 0 ]
check "server: restarts on the killed database and imports" web_start
login admin
st=$(upload)
check "server: the import after the kills stores the new state" [ "$st" = 200 -a "$(records "$DB")" = "$SNEW" ]
finish
