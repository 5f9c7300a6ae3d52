"""Reads an annual report's DOCX back with python-docx (Debian python3-docx).

usage: docx_check.py REPORT.docx full|public
Prints one line per failed check and "ok N" at the end; exits 1 on any failure. It
checks what a person opening the file in Word relies on: the headings are Word's
heading styles, each table of the report is there with its header row repeated on
every page, Tables 3 and 4 total 8,562 and 4,761 (the published 2021 figures), the
figures are PNG images, the page is A4 and the footer numbers the pages.
"""
import sys

import docx
from docx.oxml.ns import qn

path, kind = sys.argv[1], sys.argv[2]
d = docx.Document(path)
errors, passed = [], 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        errors.append(what)


heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
# Tables in body order, each with the caption paragraph just before it.
tables, caption = {}, None
body = d.element.body
para_of = {p._p: p for p in d.paragraphs}
table_of = {t._tbl: t for t in d.tables}
for el in body.iterchildren():
    if el in para_of:
        p = para_of[el]
        if p.style.name == "Caption":
            caption = p.text.split("  ")[0]
    elif el in table_of:
        if caption:
            tables[caption] = table_of[el]
        caption = None


def total_of(name):
    t = tables.get(name)
    if t is None:
        return None
    for row in t.rows:
        if row.cells[0].text == "Total":
            return [c.text for c in row.cells[1:]]
    return None


for name, total in (("Table 3", "8,562"), ("Table 4", "4,761")):
    row = total_of(name)
    check(row is not None and total in row, f"{name}: total row {row} holds {total}")
for n in range(1, 6):
    check(f"Table {n}" in tables, f"Table {n} is present with its caption")
for t in d.tables:
    first = t.rows[0]._tr
    check(first.find(qn("w:trPr")) is not None and
          first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None,
          "every table's header row repeats on each page")
    check(len(t.rows) >= 2, "every table has rows below its header")

sect = d.sections[0]
check(abs(sect.page_width.mm - 210) < 1 and abs(sect.page_height.mm - 297) < 1,
      f"A4 page ({sect.page_width.mm:.0f} x {sect.page_height.mm:.0f} mm)")
footer_xml = sect.footer._element.xml
check("PAGE" in footer_xml and "NUMPAGES" in footer_xml, "the footer numbers the pages")

pngs = [r for r in d.part.rels.values() if r.reltype.endswith("/image")]
if kind == "full":
    h1 = [t for s, t in heads if s == "Heading 1"]
    want = ["Document information", "Foreword", "About the programme", "Theory of change", "About the ACTIP", "Abbreviations",
            "Project status in 2021", "Regional progress", "Progress by country",
            "NGO partners and their results", "Indicator performance tracking",
            "Selected indicator results", "Surveys and feedback", "Trends over the years", "Expenditure by year",
            "Annex 1: results framework", "Annex: data quality", "Contact"]
    check(h1 == want, f"heading 1 sections {h1} == {want}")
    h2 = [t for s, t in heads if s == "Heading 2"]
    for name in ("Cambodia", "Vietnam", "Labour Protection Network"):
        check(name in h2, f"heading 2 {name!r}")
    # the theory of change (one per EOPO), the report's four, four of the demo's three
    # surveys and the trends; a figure fits the A4 text area (16 x 24.7 cm)
    check(len(d.inline_shapes) == 12, f"{len(d.inline_shapes)} figures, want 12")
    check(len(pngs) == 12 and all(r.target_part.blob[:8] == b"\x89PNG\r\n\x1a\n" and
                                  len(r.target_part.blob) > 10000 for r in pngs),
          "the twelve figures are PNG images")
    check(all(s.width.cm <= 16.01 and s.height.cm <= 24.7 for s in d.inline_shapes),
          f"figures within the page: {[(round(s.width.cm, 1), round(s.height.cm, 1)) for s in d.inline_shapes]}")
    status = [p.text for p in d.paragraphs if p.style.name == "Lead"]
    check(any(s.startswith("Of the 34 multi-year projects") for s in status),
          "the project-status sentence")
else:
    check(heads == [], f"no sections but the tables: {heads}")
    check(len(d.inline_shapes) == 0 and not pngs, "no figures (they would draw withheld numbers)")
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    check(cells.count("<5") > 0, "withheld cells read <5")
    check(total_of("Table 3") is not None, "Table 3 has its total row")

for e in errors:
    print("not ok -", e)
print("ok", passed)
sys.exit(1 if errors else 0)
