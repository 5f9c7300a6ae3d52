#!/usr/bin/env bash
# The absolute per-request deadline (security checklist, "Server limits": an absolute
# per-request deadline; "Faults": slow clients closed at the deadline, others served).
# The production deadline is 60 s; the test build takes a shorter one from
# ACTIP_TEST_DEADLINE_SECS (a release build refuses to start with it). A client sends the
# headers of a write with its Content-Length, most of the body, then the rest one byte
# at a time with gaps far shorter than the 15 s idle timeout, so that the body would be
# complete only after the deadline: the server must cut it off at the deadline (408 or
# a closed connection), store nothing, and keep serving a normal client meanwhile.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
DEADLINE=4
RELEASE=${RELEASE_ACTIP:-$SRCDIR/build/src/cli/actip}

web_seed
ACTIP_TEST_DEADLINE_SECS=$DEADLINE check "server starts with a $DEADLINE s deadline" web_start
check "the server says it runs with the test deadline" grep -q "\[TEST BUILD: request deadline $DEADLINE s\]" "$TMP/serve.out"
login admin
port=${URL##*:}

python3 - "$port" "$(sed -n 's/.*\tactip\t//p' "$TMP/admin.jar")" "$(cat "$TMP/admin.csrf")" "$DEADLINE" >"$TMP/slow.json" <<'PY'
import json, select, socket, sys, threading, time, urllib.request
port, cookie, csrf, deadline = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
GAP, TAIL = 0.4, 20  # the last TAIL bytes one every GAP s: complete at ~8 s without a deadline

def post(body, path="/api/v1/activities"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method="POST", headers={
        "Cookie": f"actip={cookie}", "X-CSRF-Token": csrf, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status

# A normal client meanwhile: sign-in page and API writes, each timed.
normal = {"requests": 0, "failed": 0, "slowest_ms": 0}
stop = threading.Event()
def normal_client():
    i = 0
    while not stop.is_set():
        i += 1
        t = time.monotonic()
        try:
            if i % 2:
                ok = urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10).status == 200
            else:
                ok = post(json.dumps({"activity_id": f"NORMAL-{i}", "project": "C202", "country": "KH",
                    "type": "meeting", "title": "Normal", "start_date": "2021-07-01"}).encode()) == 200
        except Exception:
            ok = False
        normal["requests"] += 1
        normal["failed"] += not ok
        normal["slowest_ms"] = max(normal["slowest_ms"], round((time.monotonic() - t) * 1000))
        time.sleep(0.2)
th = threading.Thread(target=normal_client)
th.start()

body = json.dumps({"activity_id": "SLOW-1", "project": "C202", "country": "KH", "type": "meeting",
                   "title": "Slow body", "start_date": "2021-07-01"}).encode()
s = socket.create_connection(("127.0.0.1", port))
s.sendall((f"POST /api/v1/activities HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: actip={cookie}\r\n"
           f"X-CSRF-Token: {csrf}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode())
t0 = time.monotonic()
s.sendall(body[:-TAIL])
outcome, sent = None, len(body) - TAIL
while outcome is None:
    r, _, _ = select.select([s], [], [], GAP)
    if r:
        try:
            data = s.recv(4096)
            outcome = ("answered " + data.split(b" ")[1].decode()) if data.startswith(b"HTTP/") else "closed"
        except OSError:
            outcome = "closed"
        break
    if sent == len(body):
        continue  # all sent: wait for the answer
    try:
        s.sendall(body[sent:sent + 1])
        sent += 1
    except OSError:
        outcome = "closed"
    if time.monotonic() - t0 > deadline + 30:
        outcome = "still open"
elapsed = time.monotonic() - t0
stop.set()
th.join()
print(json.dumps({"outcome": outcome, "elapsed": round(elapsed, 2), "sent": sent, "size": len(body),
                  "gap": GAP, **normal}))
PY
sed 's/^/# /' "$TMP/slow.json"
get() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$TMP/slow.json" "$1"; }
outcome=$(get outcome) elapsed=$(get elapsed)
check "slow body: cut off (408 or closed), not answered 200 ($outcome after $elapsed s)" \
	bash -c "[ '$outcome' = closed ] || [ '$outcome' = 'answered 408' ]"
check "slow body: cut at the deadline: after $DEADLINE s and within $DEADLINE + 2 s ($elapsed s)" \
	python3 -c "import sys; sys.exit(0 if $DEADLINE - 0.2 <= $elapsed <= $DEADLINE + 2 else 1)"
check "slow body: the body was not complete when cut ($(get sent) of $(get size) bytes sent)" [ "$(get sent)" -lt "$(get size)" ]
check "slow body: nothing stored" [ "$(sqlite3 "$DB" "SELECT count(*) FROM activity WHERE id = 'SLOW-1'")" = 0 ]
check "normal client meanwhile: $(get requests) requests, none failed" [ "$(get requests)" -ge 10 -a "$(get failed)" = 0 ]
check "normal client meanwhile: its writes were stored" [ "$(sqlite3 "$DB" "SELECT count(*) FROM activity WHERE id LIKE 'NORMAL-%'")" -ge 5 ]
check "normal client meanwhile: slowest answer $(get slowest_ms) ms < 1000 ms" python3 -c "import sys; sys.exit(0 if $(get slowest_ms) < 1000 else 1)"
check "server alive after the cut" [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/login")" = 200 ]

# Slow headers: libmicrohttpd hands a request over only when its headers are complete,
# so the handler never sees a client that trickles them; the watchdog (src/web/watchdog.c)
# must shut such a connection at the deadline all the same. Two of them: one trickling
# its first request's headers, one trickling the second request on a kept-alive
# connection after a first answered one.
python3 - "$port" "$DEADLINE" >"$TMP/headers.json" <<'PY'
import json, select, socket, sys, threading, time
port, deadline = int(sys.argv[1]), float(sys.argv[2])
GAP = 0.4
result = {}

def trickle(name, first=None):
    s = socket.create_connection(("127.0.0.1", port))
    if first:  # a complete request first, answered, on the same connection
        s.sendall(first)
        s.settimeout(5)
        got = b""
        while b"</html>" not in got.lower():
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
        s.settimeout(None)
    head = f"GET /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode() + b"X-Slow: " + b"a" * 400
    t0 = time.monotonic()
    sent, outcome = 0, None
    while outcome is None:
        r, _, _ = select.select([s], [], [], GAP)
        if r:
            try:
                outcome = "answered" if s.recv(4096) else "closed"
            except OSError:
                outcome = "closed"
            break
        try:
            s.sendall(head[sent:sent + 1])
            sent += 1
        except OSError:
            outcome = "closed"
        if time.monotonic() - t0 > deadline + 30 or sent >= len(head):
            outcome = "still open"
    result[name] = {"outcome": outcome, "elapsed": round(time.monotonic() - t0, 2), "sent": sent}

ths = [threading.Thread(target=trickle, args=("first",)),
       threading.Thread(target=trickle, args=("kept_alive",
           f"GET /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()))]
for t in ths: t.start()
for t in ths: t.join()
print(json.dumps(result))
PY
sed 's/^/# /' "$TMP/headers.json"
hget() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]][sys.argv[3]])' "$TMP/headers.json" "$1" "$2"; }
for who in first kept_alive; do
	o=$(hget $who outcome) e=$(hget $who elapsed)
	check "slow headers ($who request): connection closed by the server ($o after $e s)" [ "$o" = closed ]
	check "slow headers ($who request): closed at the deadline: after $DEADLINE s and within $DEADLINE + 2.5 s ($e s)" \
		python3 -c "import sys; sys.exit(0 if $DEADLINE - 0.2 <= $e <= $DEADLINE + 2.5 else 1)"
done
check "slow headers: the server log names the cut" grep -q "its request passed the $DEADLINE s deadline" "$TMP/serve.log"
check "server alive after the slow headers" [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/login")" = 200 ]
web_stop

# A wrong value is refused by the test build; the release build refuses the variable.
ACTIP_TEST_DEADLINE_SECS=0 "$ACTIP" serve --db "$DB" --listen 127.0.0.1:0 >/dev/null 2>"$TMP/bad.err"
check "test build: ACTIP_TEST_DEADLINE_SECS=0 refused (exit $?)" grep -q 'ACTIP_TEST_DEADLINE_SECS takes seconds' "$TMP/bad.err"
if [ -x "$RELEASE" ]; then
	env -u ACTIP_TEST_WEAK_KDF ACTIP_TEST_DEADLINE_SECS=$DEADLINE timeout 20 "$RELEASE" serve --db "$DB" \
		--listen 127.0.0.1:0 >"$TMP/rel.out" 2>"$TMP/rel.err"
	rc=$?
	check "release build: refuses to start with ACTIP_TEST_DEADLINE_SECS (exit $rc)" [ "$rc" != 0 -a "$rc" != 124 ]
	check "release build: says why" grep -q 'ACTIP_TEST_DEADLINE_SECS is set, but this is a release build' "$TMP/rel.err"
	check "release build: the production deadline in --help is 60 s" bash -c "'$RELEASE' serve --help | tr '\n' ' ' | grep -q '60 s per request'"
	# --deadline SECS sets it in every build: the release server with --deadline 3 cuts a
	# client that trickles its headers at 3 s.
	"$RELEASE" serve --db "$DB" --listen 127.0.0.1:0 --deadline 0 >/dev/null 2>"$TMP/d0.err"
	check "release build: --deadline 0 refused (exit $?)" grep -q -- '--deadline takes seconds' "$TMP/d0.err"
	env -u ACTIP_TEST_WEAK_KDF "$RELEASE" serve --db "$DB" --listen 127.0.0.1:0 --deadline 3 >"$TMP/rel3.out" 2>"$TMP/rel3.log" &
	relpid=$!
	relport=$(serve_port "$TMP/rel3.out")
	e=$(python3 - "$relport" <<'PY'
import select, socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
head = b"GET /login HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
t0, sent = time.monotonic(), 0
while time.monotonic() - t0 < 20:
    r, _, _ = select.select([s], [], [], 0.3)
    if r:
        break
    try:
        s.sendall(head[sent:sent + 1]); sent += 1
    except OSError:
        break
print(round(time.monotonic() - t0, 2))
PY
)
	kill "$relpid" 2>/dev/null; wait "$relpid" 2>/dev/null
	check "release build, --deadline 3: slow headers closed after 3 s and within 3 + 2.5 s ($e s)" \
		python3 -c "import sys; sys.exit(0 if 2.8 <= $e <= 5.5 else 1)"
else
	not_ok "no release binary at $RELEASE (make build)"
fi
check "docs/api.md states the 60 s deadline" grep -q '60 s absolute deadline per request' "$SRCDIR/docs/api.md"
finish
