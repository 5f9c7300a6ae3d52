#!/usr/bin/env bash
# The server's transport, held against a public deployment: TLS with a self-signed
# certificate made here (1.2 and 1.3 only, HSTS, the Secure __Host- cookie), the Host
# check (DNS rebinding), sign-in refused from a null or cross-site origin (login CSRF),
# HTTP framing (Content-Length with Transfer-Encoding: 400 and closed; %00: 400), HEAD on
# GET routes, and the warning when serving plain HTTP off loopback.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
check "server starts (plain HTTP on loopback)" web_start
port=${URL##*:}

# Host: the listen address and localhost pass, any other name is refused.
st=$(curl -s -o /dev/null -w '%{http_code}' "$URL/login")
check "host: the listen address -> 200" [ "$st" = 200 ]
st=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")
check "host: localhost on loopback -> 200" [ "$st" = 200 ]
st=$(curl -s -o "$TMP/b" -w '%{http_code}' -H "Host: rebind.example:$port" "$URL/login")
check "host: a foreign name (DNS rebinding) -> 421" [ "$st" = 421 ]
st=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: rebind.example:$port" -H 'Content-Type: application/json' \
	-d "{\"user\":\"admin\",\"password\":\"$PW\"}" "$URL/api/v1/session")
check "host: no sign-in through a foreign name" [ "$st" = 421 ]

# Sign-in CSRF: null or cross-site refused at both sign-in routes; our own origin and a
# client without Origin (curl, scripts) sign in.
signin_form() { curl -s -o /dev/null -w '%{http_code}' "$@" --data-urlencode user=admin --data-urlencode "password=$PW" "$URL/login"; }
signin_api() { curl -s -o /dev/null -w '%{http_code}' "$@" -H 'Content-Type: application/json' -d "{\"user\":\"admin\",\"password\":\"$PW\"}" "$URL/api/v1/session"; }
check "sign-in form: Origin null -> 403" [ "$(signin_form -H 'Origin: null')" = 403 ]
check "sign-in api: Origin null -> 403" [ "$(signin_api -H 'Origin: null')" = 403 ]
check "sign-in form: Sec-Fetch-Site cross-site -> 403" [ "$(signin_form -H 'Sec-Fetch-Site: cross-site')" = 403 ]
check "sign-in api: foreign Origin -> 403" [ "$(signin_api -H 'Origin: http://evil.example')" = 403 ]
check "sign-in form: own Origin -> 303" [ "$(signin_form -H "Origin: $URL" -H 'Sec-Fetch-Site: same-origin')" = 303 ]
check "sign-in api: no Origin -> 200" [ "$(signin_api)" = 200 ]

# Framing.
python3 - "$port" >"$TMP/clte" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
body = b"0\r\n\r\n"
req = (b"POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
       b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
smuggled = b"GET /login HTTP/1.1\r\nHost: 127.0.0.1:" + sys.argv[1].encode() + b"\r\n\r\n"
s.sendall(req + smuggled)
data = b""
try:
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
except socket.timeout:
    print("timeout")
print("status", data.split(b"\r\n", 1)[0].decode())
print("responses", data.count(b"HTTP/1.1 "))
print("close" if b"Connection: close" in data else "kept")
PY
check "CL+TE: 400" grep -q 'status HTTP/1.1 400' "$TMP/clte"
check "CL+TE: the connection is closed (no answer to the request behind it)" \
	bash -c "grep -q 'responses 1' '$TMP/clte' && grep -q '^close' '$TMP/clte' && ! grep -q timeout '$TMP/clte'"
python3 - "$port" >"$TMP/keep" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
one = b"GET /login HTTP/1.1\r\nHost: 127.0.0.1:" + sys.argv[1].encode() + b"\r\n\r\n"
s.sendall(one + one)
data = b""
try:
    while data.count(b"HTTP/1.1 200") < 2:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
except socket.timeout:
    pass
print("responses", data.count(b"HTTP/1.1 200"))
PY
check "pipelined requests without CL+TE: both answered (the pair above is meaningful)" grep -q 'responses 2' "$TMP/keep"
st=$(curl -s -o /dev/null -w '%{http_code}' "$URL/login%00.css")
check "%00 in the path -> 400" [ "$st" = 400 ]
st=$(curl -s -o /dev/null -w '%{http_code}' "$URL/activities?year=2021%00x")
check "%00 in the query -> 400" [ "$st" = 400 ]
st=$(curl -s -o /dev/null -w '%{http_code}' "$URL/login%41")
check "other escapes still decode (/login%41 is /loginA: 404)" [ "$st" = 404 ]

# HEAD answers like GET, without a body, on pages, the API and assets.
login admin
for path in /login / /activities /upload /workplan /api/v1/me /api/v1/activities /assets/app.css; do
	g=$(curl -s -o "$TMP/get" -w '%{http_code} %{size_download}' -b "$TMP/admin.jar" "$URL$path")
	h=$(curl -s -I -o "$TMP/head" -w '%{http_code} %{size_download}' -b "$TMP/admin.jar" "$URL$path")
	len=$(sed -n 's/^Content-Length: \([0-9]*\).*/\1/Ip' "$TMP/head" | tr -d '\r')
	check "HEAD $path: status of GET, no body, GET's length" \
		[ "${h%% *}" = "${g%% *}" -a "${h#* }" = 0 -a "${g%% *}" != 405 -a "$len" = "${g#* }" ]
done
check "HEAD: security headers" grep -qi '^Content-Security-Policy:' "$TMP/head"
web_stop

# TLS, with a certificate made here.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" \
	-days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
check "a self-signed certificate is made" test -s "$TMP/cert.pem"
check "server starts with TLS" web_start --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem"
check "it announces https" grep -q '^actip: serving https://' "$TMP/serve.out"
st=$(curl -s -D "$TMP/h" -o /dev/null -w '%{http_code}' --cacert "$TMP/cert.pem" "$URL/login")
check "TLS: GET /login -> 200" [ "$st" = 200 ]
check "TLS: HSTS" grep -qi '^Strict-Transport-Security: max-age=' "$TMP/h"
st=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${URL##*:}/login")
check "TLS: plain HTTP gets no answer" [ "$st" = 000 ]
curl -s -D "$TMP/h" -o /dev/null --cacert "$TMP/cert.pem" -H 'Content-Type: application/json' \
	-d "{\"user\":\"admin\",\"password\":\"$PW\"}" "$URL/api/v1/session"
check "TLS: cookie __Host- with Secure" grep -qi '^Set-Cookie: __Host-actip=[0-9a-f]*; Secure; HttpOnly' "$TMP/h"
for v in tls1_2 tls1_3; do
	echo | openssl s_client -connect "127.0.0.1:${URL##*:}" -"$v" 2>/dev/null >"$TMP/$v"
	check "TLS: $v accepted" bash -c "grep -q 'Cipher is TLS\\|Cipher is ECDHE' '$TMP/$v'"
done
for v in tls1 tls1_1; do
	echo | openssl s_client -connect "127.0.0.1:${URL##*:}" -"$v" -cipher 'DEFAULT@SECLEVEL=0' 2>/dev/null >"$TMP/$v"
	check "TLS: $v refused" grep -q 'Cipher is (NONE)' "$TMP/$v"
done
web_stop

# Plain HTTP off loopback: a warning at start; none with TLS.
"$ACTIP" serve --db "$DB" --listen 0.0.0.0:0 >"$TMP/open.out" 2>"$TMP/open.err" &
pid=$!
for i in $(seq 1 50); do grep -q serving "$TMP/open.out" && break; sleep 0.1; done
"$ACTIP" serve --db "$DB" --listen 0.0.0.0:0 --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem" >"$TMP/tls.out" 2>"$TMP/tls.err" &
pid2=$!
sleep 1
for i in $(seq 1 50); do grep -q serving "$TMP/tls.out" && break; sleep 0.1; done
kill "$pid" "$pid2"
wait "$pid" "$pid2" 2>/dev/null
check "0.0.0.0 on plain HTTP: a warning" grep -q 'WARNING: serving plain HTTP' "$TMP/open.err"
check "0.0.0.0 with TLS: no warning, and it served" bash -c "grep -q serving '$TMP/tls.out' && ! grep -q WARNING '$TMP/tls.err'"
finish
