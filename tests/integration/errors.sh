#!/usr/bin/env bash
# Malformed input: for every case under tests/fixtures/bad/, `actip import` must exit 1,
# print exactly the expected FILE:LINE: COLUMN: message lines, and leave the database
# byte-for-byte as it was (same dump).
. "$(dirname "$0")/lib.sh"

db="$TMP/base.db"
"$ACTIP" import --db "$db" "$FIX/good" >/dev/null || { not_ok "load good fixtures"; finish; exit 1; }
before=$(dump "$db")

check "bad fixture cases present" [ "$(ls -d "$FIX"/bad/*/ | wc -l)" -ge 5 ]
for dir in "$FIX"/bad/*/; do
	case=$(basename "$dir")
	files=$(cd "$dir" && ls *.csv)
	out=$(cd "$dir" && "$ACTIP" import --db "$db" $files 2>&1 >/dev/null)
	status=$?
	if [ "$status" -eq 1 ]; then ok "$case: exit status 1"; else not_ok "$case: exit status 1" "got $status"; fi
	errors=$(printf '%s\n' "$out" | grep -v '^actip: ' | grep -v ': warning: ')
	want=$(cat "$dir/expected.txt")
	if [ "$errors" = "$want" ]; then ok "$case: error text"; else not_ok "$case: error text" "want:
$want
got:
$errors"; fi
	if printf '%s\n' "$out" | grep -q '^actip: .* nothing was imported$'; then ok "$case: says nothing was imported"
	else not_ok "$case: says nothing was imported" "$out"; fi
	if [ "$(dump "$db")" = "$before" ]; then ok "$case: database unchanged"; else not_ok "$case: database unchanged"; fi
done

# A bad file among good ones: the good ones are not stored either.
mkdir -p "$TMP/mixed"
printf 'code,title,country\nC777,New project,KH\n' > "$TMP/mixed/projects.csv"
cp "$FIX/bad/bad-date/activities.csv" "$TMP/mixed/"
"$ACTIP" import --db "$db" "$TMP/mixed" >/dev/null 2>&1
check "mixed run: exit 1 and nothing stored" [ "$(dump "$db")" = "$before" ]
check "mixed run: no audit row for what was not stored" [ "$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE key LIKE '%mixed%'")" = 0 ]

# Errors are capped but counted.
{ echo "activity_id,full_name,sex,country"; for i in $(seq 1 150); do echo "KH-1,P$i,x,KH"; done; } > "$TMP/participants.csv"
out=$("$ACTIP" import --db "$db" --max-errors 20 "$TMP/participants.csv" 2>&1)
check "error cap: 20 listed" [ "$(printf '%s\n' "$out" | grep -c ': sex: ')" -eq 20 ]
check "error cap: the rest counted" grep -q '130 more errors not shown' <<<"$out"
check "error cap: total given" grep -q 'actip: 150 errors; nothing was imported' <<<"$out"

# Files that are not there, or not templates.
"$ACTIP" import --db "$db" "$TMP/nope.csv" 2>"$TMP/err"; s=$?
check "missing file: exit 1" [ "$s" -eq 1 ]
check "missing file: message" grep -q "nope.csv:0: -: no such file or directory" "$TMP/err"
printf 'a,b\n1,2\n' > "$TMP/random.csv"
"$ACTIP" import --db "$db" "$TMP/random.csv" 2>"$TMP/err"; s=$?
check "unknown template: exit 1 with a hint" grep -q "cannot tell which template" "$TMP/err"
check "database still unchanged" [ "$(dump "$db")" = "$before" ]
finish
