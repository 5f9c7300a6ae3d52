#!/usr/bin/env bash
# Browser tests (tests/e2e/run.mjs and records.mjs) against a running server: installs the pinned
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
# browser SCRIPT: runs tests/e2e/SCRIPT on the server and adds its checks to the count.
browser() {
	node "$E2E/$1" "$URL" "$PW" "$SHOTS" >"$TMP/$1.out" 2>&1
	local status=$? p f
	cat "$TMP/$1.out"
	read -r p f < <(sed -n 's/^browser checks: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$TMP/$1.out")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
	[ "$status" -eq 0 ] || [ "${f:-1}" -gt 0 ] || failed=$((failed + 1))
}
browser run.mjs
browser records.mjs # the record pages and accounts, on the same server
web_stop
finish
