#!/usr/bin/env bash
# Static analysis and hardening (issue 6, item 8; security checklist: the whole
# "Input" section depends on code that is analysed). cppcheck (warning, portability,
# performance; suppressions in tools/cppcheck.supp, each with a reason) and clang-tidy
# (.clang-tidy: the analyzer and bugprone checks, warnings as errors; false positives
# carry a NOLINT with the reason) must report nothing over src/. The release binary
# must be hardened: PIE, full RELRO (BIND_NOW), a stack protector, FORTIFY_SOURCE
# (checked by readelf), and a non-executable stack.
. "$(dirname "$0")/lib.sh"
BUILDDIR=$(dirname "$(dirname "$(dirname "$ACTIP")")")
RELEASE=${RELEASE_ACTIP:-$SRCDIR/build/src/cli/actip}
cd "$SRCDIR" || exit 1

if command -v cppcheck >/dev/null; then
	cppcheck --enable=warning,portability,performance --std=c11 --quiet --inline-suppr \
		--suppressions-list=tools/cppcheck.supp --error-exitcode=1 -I src -I "$BUILDDIR" \
		-D_GNU_SOURCE src/ >"$TMP/cppcheck.out" 2>&1
	check "cppcheck: no findings over src/" [ $? = 0 -a ! -s "$TMP/cppcheck.out" ]
	[ -s "$TMP/cppcheck.out" ] && sed 's/^/#   /' "$TMP/cppcheck.out" | head -40
else
	not_ok "cppcheck is not installed (scripts/deps.sh installs it)"
fi

if command -v clang-tidy >/dev/null && [ -f "$BUILDDIR/compile_commands.json" ]; then
	ls src/*/*.c | xargs -P 2 -n 4 clang-tidy -p "$BUILDDIR" --quiet >"$TMP/tidy.out" 2>/dev/null
	rc=$?
	n=$(grep -cE 'error:|warning:' "$TMP/tidy.out")
	check "clang-tidy: no findings over src/ (.clang-tidy; status $rc, $n findings)" [ "$rc" = 0 -a "$n" = 0 ]
	grep -E 'error:|warning:' "$TMP/tidy.out" | head -40 | sed 's/^/#   /'
else
	not_ok "clang-tidy or $BUILDDIR/compile_commands.json is missing"
fi

# STYLE.md: every sqlite3_step loop checks for SQLITE_DONE. A loop that does not keep the
# step's last result cannot tell the end of the rows from an error, so none may exist.
check "no sqlite3_step loop that drops its last result (src/)" bash -c "! grep -rnE 'while *\\(+ *sqlite3_step' src/"

# Checklist, Server limits: no multipart PostProcessor (CVE-2023-27371 in Debian's version).
check "no libmicrohttpd PostProcessor in src/" bash -c "grep -rq 'MHD_start_daemon' src/ && ! grep -rn 'MHD_create_post_processor\|MHD_post_process' src/"

# Hardening of the release binary (make build).
if [ -x "$RELEASE" ]; then
	check "release binary is PIE (ELF type DYN)" bash -c "readelf -h '$RELEASE' | grep -q 'Type:.*DYN'"
	check "full RELRO: GNU_RELRO segment" bash -c "readelf -lW '$RELEASE' | grep -q GNU_RELRO"
	check "full RELRO: BIND_NOW" bash -c "readelf -dW '$RELEASE' | grep -Eq 'BIND_NOW|FLAGS.*NOW'"
	check "stack protector: __stack_chk_fail referenced" bash -c "readelf -sW --dyn-syms '$RELEASE' | grep -q __stack_chk_fail"
	check "FORTIFY_SOURCE: fortified libc calls (__*_chk)" bash -c "readelf -sW --dyn-syms '$RELEASE' | grep -Eq '__(snprintf|memcpy|vsnprintf|fprintf|strcpy)_chk'"
	check "non-executable stack (GNU_STACK RW)" bash -c "readelf -lW '$RELEASE' | grep GNU_STACK | grep -qv RWE"
else
	not_ok "no release binary at $RELEASE (make build)"
fi
finish
