#!/usr/bin/env python3
"""Checks how a numbered table's header row prints in a DOCX report converted to PDF.

usage: docx_table_head.py REPORT.docx REPORT.pdf N|CAPTION
Reads Table N's headings and first row head from the DOCX (python-docx), then finds the
table in the PDF (pdftotext -bbox-layout): the words between its caption and its first
row are the header row. The header may take at most three lines (the distinct lines of
those words) and every heading word must be there whole (a word broken by a too narrow
column would be two). A table without a number is named by its caption, the paragraph
before it (say "Feedback on the regional projects' events"); then every word of its
first column (its row heads, the table on one page) must be whole too. Prints
"lines L, words W" or the failures, exit 1 on failure.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import docx

path, pdf, n = sys.argv[1], sys.argv[2], sys.argv[3]
d = docx.Document(path)
body = list(d.element.body.iterchildren())
heads = first = None
tables = iter(d.tables)
paras = iter(d.paragraphs)
caption = None
for el in body:
    tag = el.tag.rsplit("}", 1)[-1]
    if tag == "p":
        text = next(paras).text
        if (re.match(rf"Table {n}\s", text) if n.isdigit() else text == n):
            caption = text
    elif tag == "tbl":
        t = next(tables)
        if caption and heads is None:
            heads = [c.text for c in t.rows[0].cells]
            first = t.rows[1].cells[0].text
            row_heads = [w for r in t.rows[1:] for w in r.cells[0].text.split()]
            break
if not heads:
    sys.exit(f"no Table {n} in {path}")
words = [w for h in heads for w in h.split()]

xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
xml = re.sub(r'\sxmlns="[^"]+"', "", xml, count=1)
root = ET.fromstring(xml)
fails = []
for page in root.iter("page"):
    ws = [(w.text or "", float(w.get("xMin")), float(w.get("yMin"))) for w in page.iter("word")]
    cw = caption.split()[:3]
    cap = next((i for i in range(len(ws) - len(cw) + 1)
                if [w[0] for w in ws[i:i + len(cw)]] == cw), None)
    if cap is None:
        continue
    cap_y = ws[cap][2]
    row = next((i for i in range(cap + len(cw), len(ws)) if ws[i][0] == first.split()[0] and ws[i][2] > cap_y + 5), None)
    if row is None:
        fails.append(f"no first row {first!r} after the caption")
        break
    # the header: below the caption line, above the first row
    head = [w for w in ws[cap:row] if w[2] > cap_y + 3]
    lines = sorted({round(w[2]) for w in head})
    if len(lines) > 3:
        fails.append(f"the header takes {len(lines)} lines")
    got = [w[0] for w in head]
    missing = [w for w in words if w not in got]
    if missing:
        fails.append(f"heading words not whole: {missing} (the header reads {got})")
    if not n.isdigit():
        body = [w[0] for w in ws[row:]]
        broken = [w for w in row_heads if w not in body]
        if broken:
            fails.append(f"first-column words not whole: {broken}")
    print(f"lines {len(lines)}, words {len(got)}")
    break
else:
    fails.append(f"the caption {caption!r} not found in {pdf}")
for f in fails:
    print("not ok -", f)
sys.exit(1 if fails else 0)
