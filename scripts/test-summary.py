#!/usr/bin/env python3
"""Prints the closing line of `make check` from Meson's test log: 'N passed, N failed'.

Each cmocka case and each check inside an integration script is counted as the test
reports it ("[  PASSED  ] N test(s)", "checks: N passed, N failed"); a Meson test that
reports no counts counts as one. A test that failed without reporting a failure (it
crashed after some passes) adds one failure."""
import json
import re
import sys


def counts(out: str) -> list:
    """The (passed, failed) pairs a test printed."""
    found = [(int(n), 0) for n in re.findall(r"\[  PASSED  \] (\d+) test", out)]
    found += [(0, int(n)) for n in re.findall(r"\[  FAILED  \] (\d+) test", out)]
    found += [(int(a), int(b)) for a, b in
              re.findall(r"^checks: (\d+) passed, (\d+) failed", out, re.M)]
    return found


def main() -> int:
    passed = failed = skipped = 0
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            tests = [json.loads(line) for line in f if line.strip()]
    except (OSError, IndexError) as e:
        print(f"check: cannot read the test log: {e}")
        return 1
    for t in tests:
        result = t.get("result")
        if result == "SKIP":
            skipped += 1
            continue
        ok = result in ("OK", "EXPECTEDFAIL")
        found = counts(t.get("stdout") or "")
        p = sum(a for a, _ in found)
        f = sum(b for _, b in found)
        if not found:
            p, f = (1, 0) if ok else (0, 1)
        elif not ok and f == 0:
            f = 1
        passed += p
        failed += f
    print(f"check: {passed} passed, {failed} failed, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
