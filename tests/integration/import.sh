#!/usr/bin/env bash
# Import behaviour end to end: re-importing is a no-op, a run's participants replace an
# activity's stored ones, --template, stdin, and the summary.
. "$(dirname "$0")/lib.sh"

db="$TMP/a.db"
out=$("$ACTIP" import --db "$db" "$FIX/good")
check "first import succeeds" [ $? -eq 0 ]
check "summary counts rows" grep -q 'stored 17 rows from 5 files' <<<"$out"
check "a first import lists no activity as replaced" bash -c "! grep -q 'stored .* replaced by' <<<'$out'"
first=$(dump "$db")
out=$("$ACTIP" import --db "$db" "$FIX/good")
check "re-import: same dump" [ "$(dump "$db")" = "$first" ]
check "each import run wrote one audit row" [ "$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'import' AND user_name LIKE 'cli:%' AND json_extract(new_value, '$.rows') = 17")" = 2 ]
check "re-import: nothing new or changed" grep -q 'projects  *2 rows (0 new or changed)' <<<"$out"
check "schema version recorded" [ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$(ls "$SRCDIR"/src/store/migrations/*.sql | wc -l)" ]
check "WAL journal" [ "$(sqlite3 "$db" 'PRAGMA journal_mode')" = wal ]

# Replacing one activity's participants keeps the others'.
printf 'activity_id,full_name,sex,country\nKH-1,Only One,female,KH\n' > "$TMP/participants.csv"
out=$("$ACTIP" import --db "$db" "$TMP/participants.csv")
check "the summary names the activity replaced, and only it" [ "$(grep -c 'stored participants replaced by' <<<"$out")" = 1 ]
check "... with what it had and has" grep -q 'KH-1: [1-9][0-9]* stored participants replaced by 1' <<<"$out"
check "KH-1 replaced" [ "$(sqlite3 "$db" "SELECT count(*) FROM attendance WHERE activity='KH-1'")" = 1 ]
check "R-1 kept" [ "$(sqlite3 "$db" "SELECT count(*) FROM attendance WHERE activity='R-1'")" = 3 ]
check "KH-2 kept" [ "$(sqlite3 "$db" "SELECT count(*) FROM attendance WHERE activity='KH-2'")" = 1 ]

# --template and standard input.
printf 'activity_id,sex,satisfied\nKH-2,male,yes\n' | "$ACTIP" import --db "$db" --template feedback - >/dev/null
check "stdin with --template" [ "$(sqlite3 "$db" "SELECT count(*) FROM feedback WHERE activity='KH-2'")" = 1 ]
printf 'activity_id,sex,satisfied\nKH-2,male,maybe\n' | "$ACTIP" import --db "$db" --template feedback - 2>"$TMP/err" >/dev/null
check "stdin errors are labelled" grep -q '^<stdin>:2: satisfied:' "$TMP/err"

# File names that say their template.
cp "$FIX/good/feedback.csv" "$TMP/2021-feedback.csv"
check "name with a prefix" "$ACTIP" import --db "$db" "$TMP/2021-feedback.csv" --quiet

# Names are stored as typed.
printf 'activity_id,full_name,sex,country\nKH-2,"O'"'"'Hara <script>",female,KH\nKH-2,ញ៉ែ,male,KH\n' > "$TMP/names-participants.csv"
"$ACTIP" import --db "$db" "$TMP/names-participants.csv" >/dev/null
check "names stored as typed" [ "$(sqlite3 "$db" "SELECT group_concat(full_name, '|') FROM attendance WHERE activity='KH-2'")" = "O'Hara <script>|ញ៉ែ" ]
# Editing a stored activity (its title, then its year) is stored, and the tables follow.
db2="$TMP/edit.db"
"$ACTIP" import -q --db "$db2" "$FIX/good"
printf 'activity_id,project,country,type,title,start_date\nKH-2,C202,KH,meeting,Meeting renamed,2021-05-01\n' > "$TMP/activities.csv"
check "editing a stored activity's title" "$ACTIP" import -q --db "$db2" "$TMP/activities.csv"
check "the new title is stored" [ "$(sqlite3 "$db2" "SELECT title FROM activity WHERE id = 'KH-2'")" = "Meeting renamed" ]
printf 'activity_id,project,country,type,title,start_date\nKH-2,C202,KH,meeting,Meeting renamed,2020-05-01\n' > "$TMP/activities.csv"
check "moving a stored activity to another year" "$ACTIP" import -q --db "$db2" "$TMP/activities.csv"
t1=$("$ACTIP" report --db "$db2" --year 2020 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["table1"]["rows"]["TOTAL"][-1])')
check "the 2020 tables count the moved activity" [ "$t1" = 1 ]

finish
