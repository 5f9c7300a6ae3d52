#!/usr/bin/env bash
# actip behind a real nginx (Debian's nginx-light) on loopback, configured by
# docs/nginx-actip.conf with only its ports and paths replaced: nginx terminates TLS
# with a certificate made here, actip runs with --public-url and --trust-proxy. Checks
# that the cookie follows the public https URL, that browser posts with the public
# Origin pass and others do not, that the client's address comes from X-Forwarded-For
# (so failed sign-ins throttle that client, not everyone behind the proxy) and cannot
# be forged by the client, and that a direct client's X-Forwarded-For is ignored.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
check "nginx is installed (scripts/deps.sh)" test -x "$NGINX"
if [ "$failed" -ne 0 ]; then finish; exit 1; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NPORT=$(free_port)
PUBLIC="https://actip.test:$NPORT"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" \
	-days 2 -subj /CN=actip.test -addext subjectAltName=DNS:actip.test 2>/dev/null
web_seed
check "actip starts behind the proxy" web_start --public-url "$PUBLIC" --trust-proxy 127.0.0.1
APORT=${URL##*:}
check "no plain-HTTP warning (loopback)" bash -c "! grep -q WARNING '$TMP/serve.log'"

# The documented configuration, its ports and paths replaced, in a minimal nginx.conf.
mkdir -p "$TMP/nginx"
sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:$NPORT ssl http2;|" \
	-e "s|actip.example.org|actip.test|" \
	-e "s|/etc/ssl/actip/fullchain.pem|$TMP/cert.pem|" -e "s|/etc/ssl/actip/privkey.pem|$TMP/key.pem|" \
	-e "s|http://127.0.0.1:8080|http://127.0.0.1:$APORT|" "$SRCDIR/docs/nginx-actip.conf" >"$TMP/nginx/actip.conf"
check "the documented config names actip's port" grep -q "127.0.0.1:$APORT" "$TMP/nginx/actip.conf"
cat >"$TMP/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 64; }
http {
    access_log $TMP/nginx/access.log;
    client_body_temp_path $TMP/nginx/body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    include $TMP/nginx/actip.conf;
}
CONF
"$NGINX" -t -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" >"$TMP/nginx/t.log" 2>&1
check "nginx accepts the documented configuration" [ $? = 0 ] || cat "$TMP/nginx/t.log"
"$NGINX" -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" 2>>"$TMP/nginx/error.log" &
NGINX_PID=$!
trap 'kill $NGINX_PID 2>/dev/null; wait $NGINX_PID 2>/dev/null; web_stop; rm -rf "$TMP"' EXIT
P=(-s --cacert "$TMP/cert.pem" --resolve "actip.test:$NPORT:127.0.0.1")
for i in $(seq 1 50); do
	[ "$(curl "${P[@]}" -o /dev/null -w '%{http_code}' "$PUBLIC/login")" = 200 ] && break
	sleep 0.1
done
st=$(curl "${P[@]}" -D "$TMP/h" -o /dev/null -w '%{http_code}' "$PUBLIC/login")
check "through nginx: GET /login -> 200" [ "$st" = 200 ]
check "through nginx: HSTS (the public URL is https)" grep -qi '^Strict-Transport-Security:' "$TMP/h"

# Sign-in through the proxy from a browser's point of view: the public Origin.
st=$(curl "${P[@]}" -D "$TMP/h" -o /dev/null -w '%{http_code}' -c "$TMP/p.jar" -H "Origin: $PUBLIC" \
	--data-urlencode user=admin --data-urlencode "password=$PW" "$PUBLIC/login")
check "through nginx: sign-in with the public Origin -> 303" [ "$st" = 303 ]
check "through nginx: the cookie is __Host- and Secure (actip itself speaks plain HTTP)" \
	grep -qi '^Set-Cookie: __Host-actip=[0-9a-f]*; Secure; HttpOnly' "$TMP/h"
st=$(curl "${P[@]}" -o /dev/null -w '%{http_code}' -H "Origin: http://127.0.0.1:$APORT" \
	--data-urlencode user=admin --data-urlencode "password=$PW" "$PUBLIC/login")
check "through nginx: sign-in with actip's own (internal) origin -> 403" [ "$st" = 403 ]
st=$(curl "${P[@]}" -o "$TMP/page" -w '%{http_code}' -b "$TMP/p.jar" "$PUBLIC/")
check "through nginx: the session works" bash -c "[ $st = 200 ] && grep -q 'Sign out' '$TMP/page'"
st=$(curl "${P[@]}" -o /dev/null -w '%{http_code}' -H "Host: evil.test:$NPORT" "$PUBLIC/login")
check "through nginx: a foreign Host -> 421" [ "$st" = 421 ]

# The client's address: from X-Forwarded-For, the rightmost one nginx added.
curl "${P[@]}" -o /dev/null --interface 127.0.0.5 -H 'X-Forwarded-For: 6.6.6.6' "$PUBLIC/login?mark=xff"
check "log: the client's address, not the proxy's" grep -q ' 127\.0\.0\.5 - GET /login ' "$TMP/serve.log"
check "log: a forged X-Forwarded-For is not believed" bash -c "! grep -q '6\\.6\\.6\\.6' '$TMP/serve.log'"
# 20 failures from one client throttle it, not another client behind the same proxy.
for i in $(seq 1 20); do
	curl "${P[@]}" -o /dev/null --interface 127.0.0.5 -H 'Content-Type: application/json' \
		-d "{\"user\":\"n$i\",\"password\":\"wrong guess here\"}" "$PUBLIC/api/v1/session"
done
st=$(curl "${P[@]}" -o /dev/null -w '%{http_code}' --interface 127.0.0.5 -H 'Content-Type: application/json' \
	-d "{\"user\":\"kh\",\"password\":\"$PW\"}" "$PUBLIC/api/v1/session")
check "throttle: the failing client is throttled" [ "$st" = 401 ]
st=$(curl "${P[@]}" -o /dev/null -w '%{http_code}' --interface 127.0.0.6 -H 'Content-Type: application/json' \
	-d "{\"user\":\"kh\",\"password\":\"$PW\"}" "$PUBLIC/api/v1/session")
check "throttle: another client behind the proxy signs in" [ "$st" = 200 ]
check "audit: the failures carry the client's address" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'login_failed' AND addr = '127.0.0.5'")" = 20 ]

# A client that is not the proxy cannot choose its address.
curl -s -o /dev/null --interface 127.0.0.7 -H 'X-Forwarded-For: 9.9.9.9' -H 'Forwarded: for=9.9.9.9' "$URL/login?mark=direct"
check "direct client: its own address logged" grep -q ' 127\.0\.0\.7 - GET /login' "$TMP/serve.log"
check "direct client: its X-Forwarded-For ignored" bash -c "! grep -q '9\\.9\\.9\\.9' '$TMP/serve.log'"
finish
