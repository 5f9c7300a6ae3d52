#!/usr/bin/env python3
"""Load and abuse against a running `actip serve` (tests/integration/abuse.sh).

    tests/abuse.py HOST PORT PID [--flood N] [--slow N] [--seconds S]

At the same time: SLOW slowloris connections (each sends a request line and then one
header byte every second, never finishing, reconnecting when closed); a flood of N
malformed requests over 8 threads, each from its own loopback address 127.0.0.10-17 so
that the requests are parsed rather than cut off by the per-address limit (garbage, bad request lines, bad escapes, invalid
UTF-8, oversized headers, lying or huge Content-Length, bodies with NUL, bad JSON); and
one normal client fetching /login in a loop from another source address (127.0.0.2:
the attacker's address is throttled by the per-address limit, as it should be), timing
each request. The server's VmRSS
(/proc/PID/status) is sampled every 0.2 s. Prints one JSON object: flood sent and
answered, the normal client's count, errors, p50/p95/max in ms, RSS before, peak and
after in KiB, slowloris connections opened and closed by the server, and whether the
server is still alive.
"""
import argparse
import json
import os
import random
import socket
import threading
import time


def rss_kib(pid):
    """The process's VmRSS in KiB, or -1 when it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return -1
    return -1


def malformed(rng):
    """One malformed request, as bytes."""
    kinds = [
        lambda: bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300))),
        lambda: b"GET\r\n\r\n",
        lambda: b"GET /api/v1/activities/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        lambda: b"GET /api/v1/activities/\xc3\x28\xff HTTP/1.1\r\nHost: x\r\n\r\n",
        lambda: b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        lambda: b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100000 + b"\r\n\r\n",
        lambda: b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n",
        lambda: b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        lambda: b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{\"user\":\x00\"a\"}xxxxxx",
        lambda: b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"user\":[",
        lambda: b"POST /api/v1/import/participants HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        lambda: b"BREW /coffee HTCPCP/1.0\r\n\r\n",
        lambda: b"GET / HTTP/9.9\r\n" + b"H: v\r\n" * 500 + b"\r\n",
        lambda: b"GET /login HTTP/1.1\r\nCookie: actip=" + b"%" * 4000 + b"\r\nHost: x\r\n\r\n",
    ]
    return rng.choice(kinds)()


def one_shot(host, port, data, source):
    """Sends data on a new connection from source, reads what comes back (0.5 s at most);
    True if answered."""
    try:
        with socket.create_connection((host, port), timeout=0.5, source_address=(source, 0)) as s:
            try:
                s.sendall(data)
                s.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            got = s.recv(4096)
            return bool(got)
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("pid", type=int)
    ap.add_argument("--flood", type=int, default=10000)
    ap.add_argument("--slow", type=int, default=40)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--normal-from", default="127.0.0.2",
                    help="the normal client's source address: another user than the attacker, "
                         "as the per-address connection limit rightly throttles the attacker's own")
    a = ap.parse_args()

    stop = threading.Event()
    res = {"flood_sent": 0, "flood_answered": 0, "slow_opened": 0, "slow_closed_by_server": 0,
           "normal_requests": 0, "normal_errors": 0}
    lock = threading.Lock()
    rss = {"before": rss_kib(a.pid), "peak": 0}

    def sampler():
        while not stop.is_set():
            r = rss_kib(a.pid)
            rss["peak"] = max(rss["peak"], r)
            time.sleep(0.2)

    def slowloris(i):
        while not stop.is_set():
            try:
                s = socket.create_connection((a.host, a.port), timeout=5)
            except OSError:
                time.sleep(0.5)
                continue
            with lock:
                res["slow_opened"] += 1
            try:
                s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                while not stop.is_set():
                    s.sendall(b"a")
                    time.sleep(1.0)
            except OSError:
                with lock:
                    res["slow_closed_by_server"] += 1
            finally:
                s.close()

    def flooder(k, n):
        rng = random.Random(k)
        for _ in range(n):
            ok = one_shot(a.host, a.port, malformed(rng), "127.0.0.%d" % (10 + k))
            with lock:
                res["flood_sent"] += 1
                res["flood_answered"] += ok

    latencies = []

    def normal():
        req = b"GET /login HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\n\r\n" % (a.host.encode(), a.port)
        while not stop.is_set():
            t0 = time.monotonic()
            try:
                with socket.create_connection((a.host, a.port), timeout=5,
                                              source_address=(a.normal_from, 0)) as s:
                    s.sendall(req)
                    data = b""
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                ok = data.startswith(b"HTTP/1.1 200")
                why = data[:40].decode("latin-1")
            except OSError as e:
                ok = False
                why = str(e)
            dt = (time.monotonic() - t0) * 1000
            with lock:
                res["normal_requests"] += 1
                if ok:
                    latencies.append(dt)
                else:
                    res["normal_errors"] += 1
                    res.setdefault("normal_error_samples", [])
                    if len(res["normal_error_samples"]) < 3:
                        res["normal_error_samples"].append(why)
            time.sleep(0.05)

    threads = [threading.Thread(target=sampler), threading.Thread(target=normal)]
    threads += [threading.Thread(target=slowloris, args=(i,)) for i in range(a.slow)]
    workers = 8
    floods = [threading.Thread(target=flooder, args=(k, a.flood // workers + (k < a.flood % workers)))
              for k in range(workers)]
    for t in threads + floods:
        t.daemon = True
        t.start()
    t_start = time.monotonic()
    for t in floods:
        t.join()
    while time.monotonic() - t_start < a.seconds:
        time.sleep(0.2)
    stop.set()
    for t in threads:
        t.join(timeout=3)
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else None

    res.update({"p50_ms": pct(0.50), "p95_ms": pct(0.95), "max_ms": round(latencies[-1], 1) if latencies else None,
                "rss_before_kib": rss["before"], "rss_peak_kib": rss["peak"], "rss_after_kib": rss_kib(a.pid),
                "alive": rss_kib(a.pid) > 0, "seconds": round(time.monotonic() - t_start, 1)})
    print(json.dumps(res))


if __name__ == "__main__":
    main()
