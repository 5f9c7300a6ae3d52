#!/usr/bin/env bash
# Browser tests (tests/e2e/run.mjs, records.mjs, upload_map.mjs, i18n.mjs, then the cross-site sign-in of crosssite.mjs) against a running server: installs the pinned
# playwright-core with `npm ci` and drives Debian's chromium. Missing node, npm or
# chromium is a failure, not a skip (scripts/deps.sh installs them).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
E2E="$SRCDIR/tests/e2e"
check "node is installed" command -v node
check "npm is installed" command -v npm
check "chromium is installed" test -x /usr/bin/chromium
if [ "$failed" -ne 0 ]; then finish; exit 1; fi
(cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error >"$TMP/npm.log" 2>&1)
check "npm ci" [ $? -eq 0 ] || cat "$TMP/npm.log"
web_seed
check "server starts" web_start
SHOTS=${SHOTS:-$TMP/shots}
# A workbook as people send it: a sheet named for the template, headers typed by hand,
# sex written in Khmer and Vietnamese.
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3
"$PY" - "$TMP/kh-training-2021.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Participants"
ws.append(["Activity ID", "Full name", "Gender", "Nationality"])
ws.append(["KH-1", "Keo Sokha", "ស្រី", "Cambodia"])
ws.append(["KH-1", "Tran Thi Mai", "Nữ", "VNM"])
wb.save(sys.argv[1])
PY
check "workbook for the browser written" test -s "$TMP/kh-training-2021.xlsx"
# A workbook whose names tell nothing (file workshop-list, sheet Sheet1) and whose header
# has two columns no template knows, for the upload page's column step.
"$PY" - "$TMP/workshop-list.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["Activity ID", "Attendee", "Gender", "Nationality", "Ministry"])
ws.append(["KH-1", "Pich Sreymom", "female", "KH", "Ministry of Interior"])
ws.append(["KH-1", "Nguyen Van An", "nam", "VN", "Ministry of Public Security"])
wb.save(sys.argv[1])
PY
# browser SCRIPT ARGS...: runs a browser script and adds its checks to this script's count.
browser() {
	local out="$TMP/$1.out" status p f
	node "$E2E/$1" "${@:2}" >"$out" 2>&1
	status=$?
	cat "$out"
	read -r p f < <(sed -n 's/^browser checks: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$out")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
	[ "$status" -eq 0 ] || [ "${f:-1}" -gt 0 ] || failed=$((failed + 1))
}
browser run.mjs "$URL" "$PW" "$SHOTS" "$TMP/kh-training-2021.xlsx"
browser records.mjs "$URL" "$PW" "$SHOTS" # the record pages and accounts, on the same server
browser upload_map.mjs "$URL" "$PW" "$SHOTS" "$TMP/workshop-list.xlsx" # the upload page's column step
browser i18n.mjs "$URL" "$PW" "$SHOTS" # the languages: statuses filed in Lao and Vietnamese, every page in km, lo, th, my
# Login CSRF from a page on another site.
browser crosssite.mjs "$URL" "$PW" "$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
web_stop
finish
