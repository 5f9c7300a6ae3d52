# Shared helpers of the integration tests: a temporary directory, check counters, and
# the closing line "checks: N passed, N failed" that `make check` adds up.
set -u
: "${ACTIP:?ACTIP must name the actip binary}"
: "${SRCDIR:?SRCDIR must name the source tree}"
FIX="$SRCDIR/tests/fixtures"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# ok NAME: records a passing check.
ok() { passed=$((passed + 1)); echo "ok - $1"; }

# not_ok NAME DETAIL: records a failing check with what went wrong.
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }

# check NAME COMMAND...: passes when the command succeeds.
check() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

# dump DB: a canonical text form of the database's content.
# dump DB: the database as SQL, without the audit log (every run adds its own row).
dump() { sqlite3 "$1" .dump | grep -v '^INSERT INTO audit \|^INSERT INTO change_log '; }

# finish: prints the closing line and exits non-zero on any failure.
finish() { echo "checks: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
