#!/usr/bin/env python3
"""Benchmark cross-check: compares Tables 3 and 4 of actip's JSON report with the
numbers the sqlite3 shell computed from the same CSV files (bench/tables34.sql).

    bench/compare.py ACTIP.json SQLITE.csv

SQLITE.csv holds rows table,country,sex,count. Rows, totals and pct_women are built
from it the way spec/annual-report.md says (TOTAL row, zero rows dropped, % women
rounded half away from zero) and compared with actip's `rows` for each key.
Prints "tables agree" and exits 0, or lists every difference and exits 1.
"""
import csv
import json
import sys

SEXES = ("female", "male", "other")


def pct(part, whole):
    """Whole-number percentage rounded half away from zero; None without denominator."""
    if whole == 0:
        return None
    return (200 * part + whole) // (2 * whole)


def expected(path):
    tables = {"table3": {}, "table4": {}}
    with open(path, newline="", encoding="utf-8") as f:
        for rec in csv.reader(f):
            if not rec:
                continue
            table, country, sex, count = rec
            rows = tables[table]
            for key in (country, "TOTAL"):
                cells = rows.setdefault(key, [0, 0, 0])
                cells[SEXES.index(sex)] += int(count)
    out = {}
    for table, rows in tables.items():
        out[table] = {}
        for key, (f, m, o) in rows.items():
            total = f + m + o
            if total:
                out[table][key] = [f, m, o, total, pct(f, total)]
    return out


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: compare.py ACTIP.json SQLITE.csv")
    with open(argv[0], encoding="utf-8") as f:
        got = json.load(f)
    want = expected(argv[1])
    diffs = []
    for table in ("table3", "table4"):
        rows = got.get(table, {}).get("rows", {})
        for key in sorted(set(rows) | set(want[table])):
            a = rows.get(key)
            s = want[table].get(key)
            if a != s:
                diffs.append("  %s %-6s actip %s  sqlite3 %s" % (table, key, a, s))
    if diffs:
        print("TABLES DISAGREE (actip vs sqlite3 shell, [female, male, other, total, pct_women]):")
        print("\n".join(diffs))
        return 1
    n3 = want["table3"].get("TOTAL", [0] * 4)[3]
    n4 = want["table4"].get("TOTAL", [0] * 4)[3]
    print("tables agree (table 3: %d rows, total %d attendances; table 4: %d rows, total %d people)"
          % (len(want["table3"]), n3, len(want["table4"]), n4))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
