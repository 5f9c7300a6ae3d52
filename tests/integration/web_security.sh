#!/usr/bin/env bash
# The security checklist's web lines: CSRF missing or wrong, foreign Origin, lockout
# after 5 failures with one generic message, the session cookie's flags, the headers on
# every response, the body cap (413, from Content-Length and while reading), sign-out,
# and canary participant names that must never reach the log or the audit rows.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
check "server starts with a 4096-byte body cap" web_start --body-limit 4096
login admin

# CSRF: missing, wrong, right.
body='activity_id,full_name,sex,country
KH-1,Canary Zqxw-Name,female,KH'
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H 'Content-Type: text/csv' --data-binary "$body" "$URL/api/v1/import/participants")
check "csrf: missing header -> 403" [ "$st" = 403 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H 'X-CSRF-Token: 0000' -H 'Content-Type: text/csv' --data-binary "$body" "$URL/api/v1/import/participants")
check "csrf: wrong header -> 403" [ "$st" = 403 ]
other=$(printf '%064d' 0)
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $other" -H 'Content-Type: text/csv' --data-binary "$body" "$URL/api/v1/import/participants")
check "csrf: wrong token of the right length -> 403" [ "$st" = 403 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" --data-urlencode "csrf=$other" --data-urlencode title=X "$URL/activities/KH-1")
check "csrf: wrong form field -> 403" [ "$st" = 403 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" -H 'Origin: http://evil.example' -H 'Content-Type: text/csv' --data-binary "$body" "$URL/api/v1/import/participants")
check "foreign Origin -> 403" [ "$st" = 403 ]
check "csrf refusals changed nothing" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE full_name LIKE 'Canary%'")" = 0 ]
st=$(call admin POST /api/v1/import/participants text/csv "$body")
check "csrf: right token -> 200" [ "$st" = 200 ]
check "canary name stored as typed" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE full_name = 'Canary Zqxw-Name'")" = 1 ]

# JSON bodies: duplicate keys and unknown fields refused.
st=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"user":"admin","user":"x","password":"y"}' "$URL/api/v1/session")
check "json: duplicate key -> 400" [ "$st" = 400 ]
st=$(call admin PUT /api/v1/activities/KH-1 application/json '{"title":"T","colour":"red"}')
check "json: unknown field -> 400" [ "$st" = 400 ]

# Lockout: 5 failures, then even the right password fails with the same message.
for i in 1 2 3 4 5; do
	curl -s -o "$TMP/fail$i" -w '%{http_code}' -H 'Content-Type: application/json' -d '{"user":"lock","password":"wrong password here"}' "$URL/api/v1/session" >"$TMP/st$i"
done
check "lockout: 5 failures are 401" [ "$(cat "$TMP"/st[1-5])" = 401401401401401 ]
st=$(curl -s -o "$TMP/locked" -w '%{http_code}' -c "$TMP/lock.jar" -H 'Content-Type: application/json' -d "{\"user\":\"lock\",\"password\":\"$PW\"}" "$URL/api/v1/session")
check "lockout: right password after 5 failures -> 401" [ "$st" = 401 ]
check "lockout: same generic message" cmp -s "$TMP/fail1" "$TMP/locked"
check "lockout: no cookie set" bash -c "! grep -q actip '$TMP/lock.jar'"
st=$(curl -s -o "$TMP/unknown" -w '%{http_code}' -H 'Content-Type: application/json' -d '{"user":"nosuchuser","password":"wrong password here"}' "$URL/api/v1/session")
check "unknown user: same 401 and message" bash -c "[ $st = 401 ] && cmp -s '$TMP/fail1' '$TMP/unknown'"
check "lockout: other accounts still sign in" login viewer

# The session cookie.
curl -s -D "$TMP/h" -o /dev/null -H 'Content-Type: application/json' -d "{\"user\":\"kh\",\"password\":\"$PW\"}" "$URL/api/v1/session"
cookie=$(grep -i '^Set-Cookie:' "$TMP/h" | tr -d '\r')
check "cookie: HttpOnly" grep -q 'HttpOnly' <<<"$cookie"
check "cookie: SameSite=Strict" grep -q 'SameSite=Strict' <<<"$cookie"
check "cookie: Path=/" grep -q 'Path=/' <<<"$cookie"
check "cookie: no Domain" bash -c "! grep -qi 'domain=' <<<'$cookie'"
token=$(sed -n 's/.*actip=\([0-9a-f]*\);.*/\1/p' <<<"$cookie")
check "cookie: 256-bit token" [ "${#token}" = 64 ]
check "database keeps no raw token" bash -c "! sqlite3 '$DB' .dump | grep -q '$token'"
curl -s -D "$TMP/h2" -o /dev/null -H 'Content-Type: application/json' -d "{\"user\":\"kh\",\"password\":\"$PW\"}" "$URL/api/v1/session"
token2=$(tr -d '\r' <"$TMP/h2" | sed -n 's/.*actip=\([0-9a-f]*\);.*/\1/p')
check "cookie: a new token at each sign-in" [ -n "$token2" -a "$token" != "$token2" ]

# Sign-out deletes the session server-side.
login th
check "signed in: 200" [ "$(call th GET /api/v1/me)" = 200 ]
check "sign-out: 200" [ "$(call th DELETE /api/v1/session)" = 200 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: actip=$(awk '$6=="actip"{print $7}' "$TMP/th.jar")" "$URL/api/v1/me")
check "sign-out: the old cookie no longer works" [ "$st" = 401 ]

# Headers on every response: pages, API, errors, redirects, assets, 413.
big=$(head -c 5000 /dev/zero | tr '\0' 'x')
: >"$TMP/all_headers"
for req in "GET /login" "GET /" "GET /nothing" "GET /api/v1/report?year=2021" "GET /api/v1/nothing" \
	"DELETE /login" "GET /assets/app.css" "GET /activities"; do
	set -- $req
	curl -s -D "$TMP/hh" -o /dev/null -X "$1" -b "$TMP/viewer.jar" "$URL$2"
	for h in "Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" \
		"X-Content-Type-Options: nosniff" "Referrer-Policy: same-origin"; do
		check "headers: $req has ${h%%:*}" grep -qiF "$h" "$TMP/hh"
	done
	check "headers: $req has no Server" bash -c "! grep -qi '^Server:' '$TMP/hh'"
	case $2 in /assets/*) ;; *) check "headers: $req Cache-Control no-store" grep -qi '^Cache-Control: no-store' "$TMP/hh" ;; esac
done

# Body cap: 413 from Content-Length before the body is read, and for a chunked body.
before=$(data_dump)
st=$(curl -s -o "$TMP/b413" -D "$TMP/h413" -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" -H 'Content-Type: text/csv' --data-binary "$big" "$URL/api/v1/import/participants")
check "413: body over the cap" [ "$st" = 413 ]
check "413: has the security headers" grep -qi '^X-Content-Type-Options: nosniff' "$TMP/h413"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" -H 'Content-Type: text/csv' -H 'Transfer-Encoding: chunked' --data-binary "$big" "$URL/api/v1/import/participants")
check "413: chunked body over the cap" [ "$st" = 413 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H 'Expect: 100-continue' --data-binary "$big" "$URL/api/v1/session")
check "413: before sign-in too" [ "$st" = 413 ]
check "413: nothing changed" [ "$before" = "$(data_dump)" ]
check "server still answers after 413s" [ "$(call admin GET /api/v1/me)" = 200 ]

# Canary names never reach the log or the audit rows; passwords and tokens neither.
check "canary: not in the server log" bash -c "! grep -q 'Canary Zqxw' '$TMP/serve.log'"
check "canary: not in the audit rows" bash -c "! sqlite3 '$DB' 'SELECT * FROM audit' | grep -q 'Canary Zqxw'"
check "password: not in the log" bash -c "! grep -qF '$PW' '$TMP/serve.log'"
# A password typed into the name field is neither logged nor stored; a failed sign-in
# of an existing account names it.
curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"user":"Zq-Typed-Secret 4417","password":"x"}' "$URL/api/v1/session"
curl -s -o /dev/null --data-urlencode 'user=Zq-Form-Secret 4418' --data-urlencode password=x "$URL/login"
check "failed sign-in: a name that is no account not in the log" bash -c "! grep -q 'Zq-' '$TMP/serve.log'"
check "failed sign-in: a name that is no account not in the database" bash -c "! sqlite3 '$DB' .dump | grep -q 'Zq-'"
check "failed sign-in: an account's name is logged" grep -q "sign-in failed for 'lock'" "$TMP/serve.log"
check "failed sign-in: an account's name is audited" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action LIKE 'login_%' AND key = 'lock'")" -gt 0 ]
check "token: not in the log" bash -c "! grep -q '$token' '$TMP/serve.log'"
# A path (or any logged value) with a line break must not forge a log line.
curl -s -o /dev/null "$URL/x%0a2026-01-01T00:00:00Z%20127.0.0.1%20admin%20FORGED%0d%0aALSO"
check "log: a line break in a path forges no line" bash -c "! grep -Eq '^(2026-01-01T00:00:00Z|ALSO)' '$TMP/serve.log'"
check "log: the path is logged escaped" grep -qF '/x\x0a2026-01-01T00:00:00Z 127.0.0.1 admin FORGED\x0d\x0aALSO' "$TMP/serve.log"
check "failures and sign-ins audited" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action IN ('login','login_failed','login_locked')")" -gt 5 ]

# Disabling a user ends their sessions.
login fp
"$ACTIP" user disable --db "$DB" --name fp >/dev/null
check "disabled user: session ended" [ "$(call fp GET /api/v1/me)" = 401 ]

# Password rules on the command line.
echo "short" | "$ACTIP" user add --db "$DB" --name s1 --role viewer --password-stdin 2>/dev/null
check "user add: short password -> exit 1" [ $? = 1 ]
echo "Welcome2024!" | "$ACTIP" user add --db "$DB" --name s2 --role viewer --password-stdin 2>/dev/null
check "user add: weak password -> exit 1" [ $? = 1 ]
"$ACTIP" user add --db "$DB" --name s3 --role country_officer --password-stdin </dev/null 2>/dev/null
check "user add: officer without country -> exit 2" [ $? = 2 ]

# A disabled account cannot sign in, with the generic answer of a wrong password; an
# enabled account signs in right after it (so the 401 is the account's, not a throttle's).
echo "$PW" | "$ACTIP" user add --db "$DB" --name dis --role viewer --password-stdin >/dev/null
check "disabled account: signs in while enabled" login dis
"$ACTIP" user disable --db "$DB" --name dis >/dev/null
check "disabled account: its session ended" [ "$(call dis GET /api/v1/me)" = 401 ]
st=$(curl -s -o "$TMP/dis.body" -D "$TMP/dis.h" -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"user\":\"dis\",\"password\":\"$PW\"}" "$URL/api/v1/session")
check "disabled account: right password -> 401" [ "$st" = 401 ]
check "disabled account: no session cookie" bash -c "! grep -qi '^Set-Cookie: [^=]*actip=[0-9a-f]' '$TMP/dis.h'"
check "disabled account: the generic message of a wrong password" bash -c "[ -s '$TMP/dis.body' ] && cmp -s '$TMP/fail1' '$TMP/dis.body'"
st=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"user\":\"kh\",\"password\":\"$PW\"}" "$URL/api/v1/session")
check "disabled account: an enabled one signs in right after -> 200" [ "$st" = 200 ]

# The CSRF token is compared whole: one wrong character anywhere (first, middle, last)
# refuses the write; the right token (checked last) is accepted.
login admin
tok=$(cat "$TMP/admin.csrf")
edit='{"project":"C202","country":"KH","type":"meeting","title":"CSRF probe","start_date":"2021-03-01"}'
flip() { # TOKEN POSITION: the token with the hex digit at POSITION changed
	local c=${1:$2:1} d
	d=$([ "$c" = 0 ] && echo 1 || echo 0)
	echo "${1:0:$2}$d${1:$(($2 + 1))}"
}
# (The token a page or sign-in hands out is masked afresh each time against BREACH: 128
# hex digits, a one-time pad and the token under it; a wrong digit in either half refuses.)
check "csrf: the session's token is 128 hex digits (masked)" [ "${#tok}" = 128 ]
for pos in 0 31 63 64 96 127; do
	bad=$(flip "$tok" "$pos")
	before=$(data_dump)
	st=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $bad" -H 'Content-Type: application/json' --data-binary "$edit" "$URL/api/v1/activities/KH-1")
	check "csrf: token wrong at digit $pos -> 403" [ "$bad" != "$tok" -a "${#bad}" = 128 -a "$st" = 403 ]
	check "csrf: token wrong at digit $pos changed nothing" [ "$before" = "$(data_dump)" ]
	st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" --data-urlencode "csrf=$bad" --data-urlencode title=X "$URL/activities/KH-1")
	check "csrf: form field wrong at digit $pos -> 403" [ "$st" = 403 ]
done
check "csrf: the right token -> 200" [ "$(call admin PUT /api/v1/activities/KH-1 application/json "$edit")" = 200 ]
check "csrf: the right token's write stored" [ "$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = 'KH-1'")" = "CSRF probe" ]

# An HTTP/1.1 request must name its Host (RFC 9112, 3.2); HTTP/1.0 may leave it out.
st=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host:' "$URL/login")
check "an HTTP/1.1 request without Host -> 400 (got $st)" [ "$st" = 400 ]
st=$(curl -s -o /dev/null -w '%{http_code}' --http1.0 -H 'Host:' "$URL/login")
check "an HTTP/1.0 request without Host -> 200 (got $st)" [ "$st" = 200 ]

# Deployed mode (listening off loopback, behind a TLS proxy at its public https URL): the
# session cookie is __Host-actip with Secure, at sign-in and at sign-out; on loopback
# (above) it is actip. The test is the proxy: it talks to the server through 127.0.0.1
# with the public host name (a Host the server does not serve is 421).
"$ACTIP" serve --db "$DB" --listen 0.0.0.0:0 --public-url https://actip.example.org --trust-proxy 127.0.0.1 \
	>"$TMP/dep.out" 2>"$TMP/dep.log" &
DEP_PID=$!
trap 'kill "$DEP_PID" 2>/dev/null; web_stop; rm -rf "$TMP"' EXIT
dep_port=$(serve_port "$TMP/dep.out")
check "deployed mode: the server starts on 0.0.0.0" [ -n "$dep_port" ]
DEP="http://127.0.0.1:$dep_port"
st=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"user\":\"viewer\",\"password\":\"$PW\"}" "$DEP/api/v1/session")
check "deployed mode: a Host it does not serve -> 421" [ "$st" = 421 ]
HOSTH='Host: actip.example.org'
st=$(curl -s -D "$TMP/dep.h" -o "$TMP/dep.body" -w '%{http_code}' -H "$HOSTH" -H 'Content-Type: application/json' -d "{\"user\":\"viewer\",\"password\":\"$PW\"}" "$DEP/api/v1/session")
check "deployed mode: sign-in -> 200" [ "$st" = 200 ]
dcookie=$(grep -i '^Set-Cookie:' "$TMP/dep.h" | tr -d '\r')
check "deployed mode: one session cookie" [ "$(grep -c . <<<"$dcookie")" = 1 ]
check "deployed mode: cookie named __Host-actip" grep -q '^Set-Cookie: __Host-actip=[0-9a-f]\{64\};' <<<"$dcookie"
check "deployed mode: cookie Secure" grep -q '; Secure\(;\|$\)' <<<"$dcookie"
check "deployed mode: cookie HttpOnly" grep -q '; HttpOnly\(;\|$\)' <<<"$dcookie"
check "deployed mode: cookie SameSite=Strict" grep -q '; SameSite=Strict\(;\|$\)' <<<"$dcookie"
check "deployed mode: cookie Path=/" grep -q '; Path=/\(;\|$\)' <<<"$dcookie"
check "deployed mode: cookie without Domain" bash -c "[ -n \"\$1\" ] && ! grep -qi 'domain=' <<<\"\$1\"" _ "$dcookie"
check "loopback mode: cookie named actip, without Secure" bash -c "grep -q '^Set-Cookie: actip=[0-9a-f]\{64\};' <<<\"\$1\" && ! grep -q Secure <<<\"\$1\"" _ "$cookie"
dtok=$(sed -n 's/.*__Host-actip=\([0-9a-f]*\);.*/\1/p' <<<"$dcookie")
dcsrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$TMP/dep.body")
st=$(curl -s -o /dev/null -w '%{http_code}' -H "$HOSTH" -H "Cookie: __Host-actip=$dtok" "$DEP/api/v1/me")
check "deployed mode: the __Host- cookie is the session" [ "$st" = 200 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -H "$HOSTH" -H "Cookie: actip=$dtok" "$DEP/api/v1/me")
check "deployed mode: the same token under the plain name is not" [ "$st" = 401 ]
curl -s -D "$TMP/dep.out.h" -o /dev/null -X DELETE -H "$HOSTH" -H "Cookie: __Host-actip=$dtok" -H "X-CSRF-Token: $dcsrf" "$DEP/api/v1/session"
ocookie=$(grep -i '^Set-Cookie:' "$TMP/dep.out.h" | tr -d '\r')
check "deployed mode: sign-out clears __Host-actip with Secure" bash -c "grep -q '^Set-Cookie: __Host-actip=;' <<<\"\$1\" && grep -q '; Secure' <<<\"\$1\" && grep -q 'Max-Age=0' <<<\"\$1\"" _ "$ocookie"
kill "$DEP_PID"; wait "$DEP_PID" 2>/dev/null
check "deployed mode: no sanitizer report" bash -c "! grep -q 'AddressSanitizer\|runtime error:\|LeakSanitizer' '$TMP/dep.log'"
web_stop
finish
