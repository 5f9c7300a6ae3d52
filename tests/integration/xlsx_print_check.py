"""Checks how a workbook of actip prints and what its cells hold (openpyxl).

usage: xlsx_print_check.py report|workplan FILE.xlsx [REPORT.json]
Every sheet: A4, fitted to one page wide, a repeated header row, page numbers in the
footer. report: the "Project status" sheet lists the 43 projects of 2021 and
"Expenditure" the amounts as numbers (8,999,000 for 2021); with the JSON report, each
country profile has its sheet with the JSON's key figures as numbers and its projects
with their status. workplan: no rate is text
("100.0%"); the rates are numbers in a % format. Prints "ok N" or the failures.
"""
import re
import sys

import openpyxl

kind, path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
errors, passed = [], 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        errors.append(what)


for ws in wb.worksheets:
    ps = ws.page_setup
    check(str(ps.paperSize) == "9", f"{ws.title}: A4 ({ps.paperSize})")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
          and ps.fitToWidth in (1, None) and ps.fitToHeight == 0,
          f"{ws.title}: fitted to the page width")
    check(bool(ws.print_title_rows), f"{ws.title}: a header row repeated on every page")
    check("&P" in (ws.oddFooter.center.text or ""), f"{ws.title}: page numbers in the footer")

if kind == "report":
    check("Project status" in wb.sheetnames and "Expenditure" in wb.sheetnames,
          f"project status and expenditure sheets in {wb.sheetnames}")
    if "Project status" in wb.sheetnames:
        rows = [r for r in wb["Project status"].iter_rows(min_row=5, values_only=True) if r[0]]
        check(len(rows) == 43, f"project status: {len(rows)} projects, want 43")
        check(sum(1 for r in rows if r[5] == "Completed") == 16, "project status: 16 completed")
    if "Expenditure" in wb.sheetnames:
        amounts = {r[0]: r[3] for r in wb["Expenditure"].iter_rows(min_row=4, values_only=True)}
        check(amounts.get(2021) == 8999000, f"expenditure 2021 as a number: {amounts.get(2021)!r}")
    # the document's own tables, typed: counts as numbers, rates as fractions in % format
    cells = {ws.title: [c for row in ws.iter_rows() for c in row] for ws in wb.worksheets}
    trends = {r[0]: r for r in wb["Trends over the years"].iter_rows(values_only=True) if r[0]} \
        if "Trends over the years" in wb.sheetnames else {}
    check(trends.get("2021", [None] * 5)[2:5] == (8562, 4761, 0.98),
          f"trends 2021: participants, trained as numbers, satisfied as a fraction: {trends.get('2021')}")
    surveys = cells.get("Surveys and feedback", [])
    rates = [c.value for c in surveys if isinstance(c.value, float) and c.number_format.startswith("0%")]
    check(len(rates) >= 20 and all(0 <= v <= 1 for v in rates),
          f"surveys: {len(rates)} rates as fractions in % format")
    check(not [c.value for c in surveys if isinstance(c.value, str) and re.fullmatch(r"\d+%", c.value)],
          "surveys: no rate stored as text")
    check(any(c.value == 0.42 for c in surveys) and any(c.value == 1577 for c in surveys),
          "surveys: the published 42% and the 1,577 webinar respondents")
    # a sheet per country profile, its key figures and projects those of the JSON report
    if len(sys.argv) > 3:
        import json
        rep = json.load(open(sys.argv[3]))
        names = {"BN": "Brunei Darussalam", "KH": "Cambodia", "ID": "Indonesia", "LA": "Lao PDR",
                 "MY": "Malaysia", "MM": "Myanmar", "PH": "Philippines", "SG": "Singapore",
                 "TH": "Thailand", "TL": "Timor-Leste", "VN": "Vietnam"}
        check(len(rep["countries"]) >= 5, f"{len(rep['countries'])} country profiles in the JSON")
        status_words = {"completed": "Completed", "partly_completed": "Partly completed",
                        "some_delays": "Some delays", "major_delay": "Major delay",
                        "on_hold": "On hold", "not_started": "Not started"}
        for code, k in rep["countries"].items():
            name = names[code]
            if name not in wb.sheetnames:
                check(False, f"no sheet for the profile of {name}")
                continue
            rows = list(wb[name].iter_rows(values_only=True))
            check(rows[0][0] == name and rows[2][:2] == ("Number", "Key figure"),
                  f"{name}: its name, then the key figures' header: {rows[:3]}")
            facts = [r[0] for r in rows[3:8]]
            want = [k["projects"], k["events"], k["capacity_development_events"], k["people_trained"],
                    k["satisfied_pct"] / 100 if k["satisfied_pct"] is not None else None]
            check(facts == want, f"{name}: key figures as numbers {facts} != {want}")
            head = next((i for i, r in enumerate(rows) if r[:4] == ("Project", "Title", "Partner", "Status")), None)
            got = [(r[0], r[3]) for r in rows[head + 1:] if r[0]] if head else []
            want = [(p["code"], status_words[p["status"]]) for p in rep["project_status"]["by_country"].get(code, [])]
            check(got == want, f"{name}: projects and statuses {got} != {want}")
else:
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and re.fullmatch(r"\d+\.\d%", c.value)]
    check(not texts, f"{len(texts)} rates stored as text, e.g. {texts[:3]}")
    rates = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, (int, float)) and c.number_format == "0.0%"]
    check(len(rates) >= 50, f"{len(rates)} rates as numbers in % format, want 50 or more")
    check(all(0 <= c.value <= 1 for c in rates), "rates are fractions from 0 to 1")

for e in errors:
    print("not ok -", e)
print("ok", passed)
sys.exit(1 if errors else 0)
