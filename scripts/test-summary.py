#!/usr/bin/env python3
"""Prints the closing line of `make check` from Meson's test log: 'N passed, N failed'
(and skipped), counting each cmocka case and each integration check inside a test as the
test itself reports them when it does, else one per Meson test."""
import json
import re
import sys


def main() -> int:
    passed = failed = skipped = 0
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
    except OSError as e:
        print(f"check: cannot read the test log: {e}")
        return 1
    for t in lines:
        out = t.get("stdout") or ""
        ok = t.get("result") in ("OK", "EXPECTEDFAIL")
        # cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)"
        counts = [(int(n), 0) for n in re.findall(r"\[  PASSED  \] (\d+) test", out)]
        counts += [(0, int(n)) for n in re.findall(r"\[  FAILED  \] (\d+) test", out)]
        # integration scripts print "checks: N passed, N failed"
        counts += [(int(a), int(b)) for a, b in
                   re.findall(r"^checks: (\d+) passed, (\d+) failed", out, re.M)]
        if t.get("result") == "SKIP":
            skipped += 1
            continue
        p = sum(a for a, _ in counts)
        f = sum(b for _, b in counts)
        if not counts:
            p, f = (1, 0) if ok else (0, 1)
        elif not ok and f == 0:
            f = 1  # the test died after reporting its passes
        passed += p
        failed += f
    print(f"check: cannot read the test log: {e}")
        return 1
    for t in lines:
        out = t.get("stdout") or ""
        # cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)"
        p = re.findall(r"\[  PASSED  \] (\d+) test", out)
        fl = re.findall(r"\[  FAILED  \] (\d+) test", out)
        # integration scripts print "checks: N passed, N failed"
        ip = re.findall(r"^checks: (\d+) passed, (\d+) failed", out, re.M)
        if p or fl:
            passed += sum(map(int, p))
            failed += sum(map(int, fl))
        elif ip:
            passed += sum(int(a) for a, _ in ip)
            failed += sum(int(b) for _, b in ip)
        elif t.get("result") == "OK":
            passed += 1
        elif t.get("result") == "SKIP":
            skipped += 1
        else:
            failed += 1
        if t.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and not (fl or ip):
            failed += 0 if (p or ip) is False else 0
    print(f"check: {passed} passed, {failed} failed, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
