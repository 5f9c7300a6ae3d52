#!/usr/bin/env python3
"""Checks the annual report's HTML, XLSX and CSV forms against its JSON form.

usage: report_check.py REPORT.json REPORT.html REPORT.xlsx CSVDIR
Prints one line per failed comparison and exits 1 when there is any; the HTML is
parsed with html.parser, the XLSX read back with openpyxl (Debian python3-openpyxl).
"""
import csv
import json
import sys
from html.parser import HTMLParser

EN_DASH = "\u2013"


class Tables(HTMLParser):
    """Collects each <figure id="tableN">'s rows: data-key -> [cell texts]."""

    def __init__(self):
        super().__init__()
        self.tables, self.cur, self.row, self.cell = {}, None, None, None
        self.sections, self.svgs = [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and a.get("id", "").startswith("table"):
            self.cur = self.tables.setdefault(a["id"], {})
        elif tag == "tr" and self.cur is not None and "data-key" in a:
            self.row = self.cur.setdefault(a["data-key"], [])
        elif tag == "td" and self.row is not None:
            self.cell = ""
        elif tag == "section":
            self.sections.append(a.get("id"))
        elif tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag == "figure":
            self.cur = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def count(v):
    return EN_DASH if v in (0, None) else f"{v:,}"


def main():
    rep = json.load(open(sys.argv[1]))
    errors = []
    p = Tables()
    p.feed(open(sys.argv[2], encoding="utf-8").read())
    for sec in ["status", "regional", "countries", "partners", "indicators", "expenditure", "quality"]:
        if sec not in p.sections:
            errors.append(f"html: no section {sec}")
    if p.svgs < 4:
        errors.append(f"html: {p.svgs} charts, want 4")
    for n in range(1, 6):
        tid = f"table{n}"
        t, h = rep[tid], p.tables.get(tid, {})
        cols = t["columns"]
        for key, vals in t["rows"].items():
            cells = h.get(key)
            if cells is None:
                errors.append(f"html {tid}: no row {key}")
                continue
            if n == 5:
                # respondents folded with its parts; then the four percentages
                want = [None] + [EN_DASH if v is None else str(v) for v in vals[4:]]
                got = [None] + cells[1:]
                if not cells[0].startswith(count(vals[0])):
                    errors.append(f"html {tid} {key}: respondents {cells[0]!r}")
            else:
                want = []
                for c, v in zip(cols, vals):
                    if c == "pct_women":
                        want.append(EN_DASH if v is None else f"{v}%")
                    else:
                        want.append(count(v))
                got = cells[: len(want)]
            if want != got:
                errors.append(f"html {tid} {key}: {got} != {want}")
        extra = set(h) - set(t["rows"]) - {"percentage"}
        if extra:
            errors.append(f"html {tid}: rows not in JSON: {sorted(extra)}")

    import openpyxl
    wb = openpyxl.load_workbook(sys.argv[3])
    for n in range(1, 6):
        tid = f"table{n}"
        t, ws = rep[tid], wb[f"Table {n}"]
        if ws.freeze_panes != "B5":
            errors.append(f"xlsx {tid}: frozen at {ws.freeze_panes}")
        if not ws["B4"].font.b:
            errors.append(f"xlsx {tid}: header not bold")
        rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] is not None]
        # one sheet row per JSON row, in order, labelled as the CSV labels it (then at
        # most the Percentage row): a short or empty sheet is a failure, not a shorter loop
        with open(f"{sys.argv[4]}/{tid}.csv", newline="", encoding="utf-8") as f:
            labels = [r[1] for r in list(csv.reader(f))[1:] if r[0] != "percentage"]
        if [r[0] for r in rows[: len(t["rows"])]] != labels or len(labels) != len(t["rows"]) \
                or len(rows) - len(t["rows"]) not in (0, 1):
            errors.append(f"xlsx {tid}: rows {[r[0] for r in rows]}, want {labels}")
        for (key, vals), r in zip(t["rows"].items(), rows):
            got = list(r[1:])
            for c, v, g in zip(t["columns"], vals, got):
                if c == "pct_women":
                    ok = (v is None and g == EN_DASH) or (v is not None and round(g * 100) == v)
                else:
                    ok = (v is None and g == EN_DASH) or g == v
                if not ok:
                    errors.append(f"xlsx {tid} {key} {c}: {g!r} != {v!r}")
                if v is not None and not isinstance(g, (int, float)):
                    errors.append(f"xlsx {tid} {key} {c}: stored as text")

    for n in range(1, 6):
        tid = f"table{n}"
        t = rep[tid]
        with open(f"{sys.argv[4]}/{tid}.csv", newline="", encoding="utf-8") as f:
            rd = list(csv.reader(f))
        if rd[0] != ["key", "label"] + t["columns"]:
            errors.append(f"csv {tid}: header {rd[0]}")
        body = {r[0]: r[2:] for r in rd[1:] if r[0] != "percentage"}
        if list(body) != list(t["rows"]):
            errors.append(f"csv {tid}: rows {list(body)} != {list(t['rows'])}")
        for key, vals in t["rows"].items():
            want = ["" if v is None else str(v) for v in vals]
            if body.get(key) != want:
                errors.append(f"csv {tid} {key}: {body.get(key)} != {want}")

    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
