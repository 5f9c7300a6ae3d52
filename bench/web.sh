#!/usr/bin/env bash
# The web server's benchmark (part of `make bench`): wrk with 64 connections against the
# dashboard (GET /) and the report API (GET /api/v1/report?year=2021) of `actip serve`
# on the demo data, signed in, and against nginx (Debian) serving static files of the
# same sizes; prints requests per second and p99 for each, and actip's share of nginx's
# requests per second (the goal is at least 0.5). Then the compression table: bytes on
# the wire and requests per second of the activities page, the dashboard and the
# report API with and without Accept-Encoding: gzip, side by side in each round.
# Numbers are reported, never enforced.
#
#   bench/web.sh ACTIP        env: WEB_BENCH_SECONDS=10, WEB_BENCH_THREADS=4, WEB_BENCH_ROUNDS=3
set -euo pipefail
ACTIP=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECS=${WEB_BENCH_SECONDS:-10}
THREADS=${WEB_BENCH_THREADS:-4}
ROUNDS=${WEB_BENCH_ROUNDS:-3}
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
	echo "bench: installing wrk and nginx-light (Debian) for the web benchmark" >&2
	SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get install -y -q --no-install-recommends wrk nginx-light >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/actip-webbench.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

db=$tmp/demo.db
"$ACTIP" import --db "$db" --quiet "$root/data/demo" >/dev/null
pw='bench passphrase long enough'
echo "$pw" | "$ACTIP" user add --db "$db" --name bench --role admin --password-stdin >/dev/null
# wrk opens all its connections from one address, as a reverse proxy does: without
# --max-per-ip the server's per-address limit (32) closes half of wrk's 64 and the
# benchmark measures reconnections, not answers (10,179 r/s and 72,922 read errors in
# 5 s on the dashboard, against 30,189 r/s and none with the limit above 64).
"$ACTIP" serve --db "$db" --listen 127.0.0.1:0 --threads "$THREADS" --max-per-ip 128 >"$tmp/serve.out" 2>"$tmp/serve.log" &
pids+=($!)
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's|^actip: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out")
	[ -n "$port" ] && break
	sleep 0.1
done
A=http://127.0.0.1:$port
token=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-d "{\"user\":\"bench\",\"password\":\"$pw\"}" "$A/api/v1/session" | sed -n 's/^Set-Cookie: actip=\([0-9a-f]*\);.*/\1/p')
[ -n "$token" ] || { echo "bench: cannot sign in" >&2; exit 1; }
mkdir -p "$tmp/www"
# nginx started by root runs its workers as nobody, who must be able to read the files:
# without this every answer was a 403 page of 153 bytes (seen 2026-12-05).
chmod 0755 "$tmp" "$tmp/www"
curl -s -b "actip=$token" "$A/" >"$tmp/www/dashboard.html"
curl -s -b "actip=$token" "$A/api/v1/report?year=2021" >"$tmp/www/report.json"

nport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/nginx.conf" <<CONF
worker_processes $THREADS;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/json json; }
  server { listen 127.0.0.1:$nport; root $tmp/www; }
}
CONF
"$NGINX" -c "$tmp/nginx.conf" -p "$tmp" 2>"$tmp/nginx.err" &
pids+=($!)
sleep 0.5

# run URL [HEADER...]: prints "requests/s p99_ms" from wrk --latency.
run() {
	local out url=$1 h args=()
	shift
	for h in "$@"; do args+=(-H "$h"); done
	out=$(wrk -t2 -c64 -d"${SECS}s" --latency "${args[@]}" "$url")
	local rps p99
	rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
	# Socket errors or non-2xx answers mean the numbers are not of answered requests:
	# said on standard error, every time.
	local bad
	bad=$(grep -E '^ *(Socket errors|Non-2xx)' <<<"$out" || true)
	[ -z "$bad" ] || echo "bench: $url: $(tr -s ' \n' ' ' <<<"$bad")" >&2
	echo "$rps $p99"
}
# median of numbers on standard input
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
printf '%-28s %9s %12s %9s %12s %8s\n' "page (bytes)" "actip r/s" "actip p99" "nginx r/s" "nginx p99" "ratio"
for pair in "dashboard.html|/" "report.json|/api/v1/report?year=2021"; do
	file=${pair%%|*} path=${pair#*|}
	: >"$tmp/rounds"
	# actip and nginx side by side, ROUNDS times: a burst of load from elsewhere on a
	# shared machine then hits one round of both, and the medians pass over it.
	for _ in $(seq 1 "$ROUNDS"); do
		read -r ar ap < <(run "$A$path" "Cookie: actip=$token")
		read -r nr np < <(run "http://127.0.0.1:$nport/$file")
		echo "$ar $ap $nr $np $(awk -v a="$ar" -v n="$nr" 'BEGIN {print (n > 0 ? a / n : 0)}')" >>"$tmp/rounds"
	done
	col() { awk -v c="$1" '{print $c}' "$tmp/rounds" | median; }
	printf '%-28s %9.0f %10.2fms %9.0f %10.2fms %8.4f\n' "$file ($(stat -c %s "$tmp/www/$file"))" "$(col 1)" "$(col 2)" \
		"$(col 3)" "$(col 4)" "$(col 5)"
done
echo "(medians of $ROUNDS rounds of wrk -t2 -c64 -d${SECS}s each; the ratio is the median of the rounds' ratios;"
echo " actip --threads $THREADS, nginx worker_processes $THREADS; goal: ratio >= 0.5)"

# Compression: the same pages asked for with and without gzip, side by side per round.
echo
printf '%-26s %10s %10s %9s %9s %8s\n' "page" "bytes" "gz bytes" "r/s" "gz r/s" "ratio"
for path in /activities / "/api/v1/report?year=2021"; do
	plain=$(curl -s -b "actip=$token" -o /dev/null -w '%{size_download}' "$A$path")
	gz=$(curl -s -b "actip=$token" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$A$path")
	: >"$tmp/rounds"
	for _ in $(seq 1 "$ROUNDS"); do
		read -r pr _ < <(run "$A$path" "Cookie: actip=$token")
		read -r zr _ < <(run "$A$path" "Cookie: actip=$token" "Accept-Encoding: gzip")
		echo "$pr $zr $(awk -v a="$zr" -v n="$pr" 'BEGIN {print (n > 0 ? a / n : 0)}')" >>"$tmp/rounds"
	done
	col() { awk -v c="$1" '{print $c}' "$tmp/rounds" | median; }
	printf '%-26s %10s %10s %9.0f %9.0f %8.4f\n' "$path" "$plain" "$gz" "$(col 1)" "$(col 2)" "$(col 3)"
done
echo "(gz: Accept-Encoding: gzip, zlib level 6; ratio: gzip r/s over plain r/s, median of $ROUNDS rounds; on"
echo " loopback the bytes saved cost CPU; on a 256 kbit/s link the activities page takes"
echo " about bytes*8/256000 s, so the byte columns are the ones that matter there)"
