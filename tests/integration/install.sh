#!/usr/bin/env bash
# `make install`'s payload (meson install, staged under a DESTDIR): the program, the
# modules it opens on first use, its manual page (man finds the new options in it) and the systemd units with the installed
# binary's path, which systemd-analyze reads without an unknown or invalid setting and
# rates as well confined (the hardening of docs/deploy.md).
. "$(dirname "$0")/lib.sh"
BUILDDIR=$(cd "$(dirname "$ACTIP")/../.." && pwd)
meson install -C "$BUILDDIR" --no-rebuild --quiet --destdir "$TMP/stage" >"$TMP/install.log" 2>&1
check "meson install into a DESTDIR" [ $? = 0 ] || cat "$TMP/install.log"
prefix=$(meson introspect "$BUILDDIR" --buildoptions | python3 -c 'import json, sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')
root="$TMP/stage$prefix"
check "the program is installed and runs" bash -c "'$root/bin/actip' --version >/dev/null 2>&1 || '$root/bin/actip' help >/dev/null"
# the optional modules (src/core/module.h) are installed where the program looks for them
for mod in actip-raster.so actip-http.so actip-serve.so; do
	check "module $mod installed" bash -c "ls '$TMP/stage$prefix'/lib*/actip/$mod '$TMP/stage$prefix'/lib/*/actip/$mod 2>/dev/null | grep -q ."
done
echo secret | "$root/bin/actip" sync clone --server http://127.0.0.1:9 --user nobody --db "$TMP/clone.db" >"$TMP/clone.out" 2>&1
check "the installed sync client loads its HTTP module (and finds no server)" bash -c \
	"! grep -q 'cannot load' '$TMP/clone.out' && grep -qi 'connect' '$TMP/clone.out'" || cat "$TMP/clone.out"
"$root/bin/actip" import --db "$TMP/inst.db" --quiet "$FIX/good/framework.csv" >/dev/null 2>&1
"$root/bin/actip" serve --db "$TMP/inst.db" --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
spid=$!
for i in $(seq 1 100); do grep -q '^actip: serving' "$TMP/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|^actip: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/serve.out")
check "the installed server loads its module and answers (port ${port:-none})" \
	bash -c "[ -n '$port' ] && [ \"\$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/login)\" = 200 ]" ||
	cat "$TMP/serve.err"
kill "$spid" 2>/dev/null
wait "$spid" 2>/dev/null
check "the program itself does not link the HTTP server library (readelf: no libmicrohttpd)" \
	bash -c "! readelf -d '$root/bin/actip' | grep -q 'libmicrohttpd'"
check "the manual page is installed" test -s "$root/share/man/man1/actip.1"
MANWIDTH=100 man -l "$root/share/man/man1/actip.1" >"$TMP/man.txt" 2>/dev/null
check "man shows serve's TLS and proxy options" bash -c "grep -q -- '--tls-cert' '$TMP/man.txt' && grep -q -- '--trust-proxy' '$TMP/man.txt'"
units="$root/lib/systemd/system"
for u in actip.service actip-backup.service actip-backup.timer; do
	check "unit $u installed" test -s "$units/$u"
done
check "ExecStart names the installed binary" grep -q "^ExecStart=$prefix/bin/actip serve " "$units/actip.service"
for key in DynamicUser=yes StateDirectory=actip ProtectSystem=strict NoNewPrivileges=yes UMask=0077; do
	check "actip.service: $key" grep -qx "$key" "$units/actip.service"
done
if command -v systemd-analyze >/dev/null; then
	(cd "$units" && systemd-analyze verify ./actip.service ./actip-backup.service ./actip-backup.timer) >"$TMP/verify" 2>&1
	check "systemd-analyze: no unknown or invalid setting" bash -c "! grep -Ei 'unknown|invalid|failed to parse|ignoring' '$TMP/verify'" || cat "$TMP/verify"
	(cd "$units" && systemd-analyze security --offline=true ./actip.service) >"$TMP/sec" 2>&1
	level=$(sed -n 's/.*Overall exposure level for actip.service: \([0-9.]*\).*/\1/p' "$TMP/sec")
	check "systemd-analyze security: exposure ${level:-?} below 3 (of 10)" python3 -c "import sys; sys.exit(0 if '$level' and float('$level') < 3 else 1)"
else
	not_ok "systemd-analyze is installed"
fi
finish
