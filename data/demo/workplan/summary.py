#!/usr/bin/env python3
"""Prints a short summary of a work-plan report's JSON (used by `make demo`)."""
import json
import sys


def pct(v):
    return "–" if v is None else f"{v:.1f}%"


def main() -> int:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    print(f"Work plan {d['plan']}, {d['period']}: {d['active']} active lines, "
          f"{d['expected']} expected to report, {d['received']} received, {d['on_time']} on time")
    print(f"  completeness {pct(d['completeness_pct'])}, timeliness {pct(d['timeliness_pct'])}, "
          f"implementation rate {pct(d['implementation_rate_pct'])}, "
          f"completion rate {pct(d['completion_rate_pct'])}")
    pairs = d["near_duplicates"]["pairs"]
    print(f"  near-duplicate pairs: " + ", ".join(f"{p['a']}~{p['b']} ({p['score']:.2f})" for p in pairs))
    print(f"  ACTIP articles without a line: {d['actip_coverage']['gaps']}")
    od = d["follow_up"]["overdue"]
    print(f"  overdue follow-up decisions: {len(od)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
