#!/usr/bin/env bash
# The command line: help and the man page come from one table, usage errors exit 2
# with a hint, a missing database is a clear failure.
. "$(dirname "$0")/lib.sh"

check "--help exits 0" "$ACTIP" --help
check "--help lists import and report" bash -c '"$ACTIP" --help | grep -q "^  import " && "$ACTIP" --help | grep -q "^  report "'
check "help report shows --year" bash -c '"$ACTIP" help report | grep -q -- "--year Y"'
check "man page is roff" bash -c '"$ACTIP" man | head -1 | grep -q "^.TH ACTIP 1"'
check "man page has every command" bash -c 'for c in import report help man version; do "$ACTIP" man | grep -q "^.SS \"actip $c" || exit 1; done'
"$ACTIP" report --year 2021 --format pdf 2>"$TMP/err"; s=$?
check "bad format: exit 2" [ "$s" -eq 2 ]
check "bad format: hint" grep -q "Try 'actip help report'" "$TMP/err"
"$ACTIP" report --format json 2>"$TMP/err"; s=$?
check "missing --year: exit 2" [ "$s" -eq 2 ]
"$ACTIP" frobnicate 2>/dev/null; s=$?
check "unknown command: exit 2" [ "$s" -eq 2 ]
"$ACTIP" report --db "$TMP/none.db" --year 2021 2>"$TMP/err"; s=$?
check "missing database: exit 3" [ "$s" -eq 3 ]
check "missing database: says so" grep -q "no such database" "$TMP/err"
check "missing database: not created" [ ! -e "$TMP/none.db" ]
"$ACTIP" import --db "$TMP/x.db" 2>/dev/null; s=$?
check "import without paths: exit 2" [ "$s" -eq 2 ]
finish
