#!/usr/bin/env bash
# Malformed input of the checklist's "Faults" table that the fixtures do not cover: a
# 20 MB field, a 20 MB line without a line end, and an unterminated quote running to the
# end of a 20 MB file. Each must fail with FILE:LINE: COLUMN, exit 1, store nothing, and
# keep the importer's peak memory bounded (GNU time's maximum RSS under 150 MB in the
# sanitizer build, with AddressSanitizer's quarantine of freed memory cut to 8 MB so that
# RSS measures the importer; a tiny import takes about 30 MB there).
. "$(dirname "$0")/lib.sh"
DB=$TMP/h.db
printf 'code,title,country\nC202,Cooperation,KH\n' >"$TMP/projects.csv"
"$ACTIP" import --db "$DB" --quiet "$TMP/projects.csv"
before=$(dump "$DB" | sha256sum)
big() { head -c 20000000 /dev/zero | tr '\0' "$1"; }
{ printf 'activity_id,project,country,type,title,start_date\nKH-1,C202,KH,meeting,'; big x; printf ',2021-01-01\n'; } >"$TMP/field/activities.csv" 2>/dev/null ||
	{ mkdir -p "$TMP/field" && { printf 'activity_id,project,country,type,title,start_date\nKH-1,C202,KH,meeting,'; big x; printf ',2021-01-01\n'; } >"$TMP/field/activities.csv"; }
mkdir -p "$TMP/line" "$TMP/quote"
{ printf 'activity_id,project,country,type,title,start_date\n'; big y; } >"$TMP/line/activities.csv"
{ printf 'activity_id,project,country,type,title,start_date\nKH-1,C202,KH,meeting,"'; big z; } >"$TMP/quote/activities.csv"
for kind in field line quote; do
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=8" /usr/bin/time -f '%M' -o "$TMP/$kind.rss" "$ACTIP" import --db "$DB" --quiet "$TMP/$kind/activities.csv" >/dev/null 2>"$TMP/$kind.err"
	rc=$?
	rss=$(tail -n 1 "$TMP/$kind.rss")
	check "20 MB $kind: exit 1 (got $rc)" [ "$rc" = 1 ]
	check "20 MB $kind: FILE:LINE: COLUMN error" grep -Eq 'activities\.csv:[0-9]+: [a-z_-]+: ' "$TMP/$kind.err"
	check "20 MB $kind: nothing stored" [ "$(dump "$DB" | sha256sum)" = "$before" ]
	check "20 MB $kind: peak RSS $((rss / 1024)) MB < 150 MB" [ "$rss" -lt 153600 ]
	head -c 300 "$TMP/$kind.err" | head -n 2 | sed 's/^/#   /'
done
finish
