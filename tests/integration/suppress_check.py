#!/usr/bin/env python3
"""Checks the public tables (`actip report --suppress-below K`) in md, html and xlsx.

usage: suppress_check.py K FULL.json PUBLIC.json FULL.md PUBLIC.md FULL.html PUBLIC.html
                         FULL.xlsx PUBLIC.xlsx CSS [FULL.docx PUBLIC.docx]

The public JSON says which cells are withheld (checked on its own by suppress.sh). Every
other form is read back and compared position by position: a withheld cell must read
"<K" and nothing else; every visible cell must read as the same cell of the full report
(the unsuppressed output of the same format); and everything outside the table cells
must be accounted for, so a withheld number cannot hide elsewhere:
Every document form has the sentence on "<K" under each table's caption.
- html: the style sheet is assets/report.css; every text outside the table cells is the
  full report's (captions, notes, sources, footer) or the fixed cover and sentence; no
  comments, scripts, SVG or images; every attribute value with a digit in it is a
  table id, a year column, the charset or the viewport setting.
- md: every line outside the pipe tables is the full report's line of that table or the
  fixed title and sentence.
- xlsx: the package holds only the workbook, styles, theme, five sheets and shared
  strings; no formula (<f>), inline or formula-string cell anywhere; every shared
  string is shown in some cell; docProps say nothing but the sheet names; every cell of
  a sheet is the full report's except the withheld ones (the text "<K") and the
  sentence in A3.
- docx (python-docx): each table's cells and paragraphs as md; no image; no other
  paragraph or cell holds a number but the year.
Prints a JSON object of counters (the shell script checks them) and, on stderr, one
line per finding.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

EN_DASH = "\u2013"
SEX = ["female", "male", "other"]
TABLES = [f"table{n}" for n in range(1, 6)]

k = int(sys.argv[1])
LT = f"<{k}"
full, pub = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
out = {}
findings = []


def bad(fmt, msg):
    """Counts a finding against a format and reports it on stderr."""
    out[fmt + "_bad"] = out.get(fmt + "_bad", 0) + 1
    findings.append(f"{fmt}: {msg}")


def add(key, n=1):
    out[key] = out.get(key, 0) + n


def sentence():
    """The sentence on "<K" (report_suppression_sentence)."""
    tail = ('and the cells from which they could be worked back (such as a total minus the '
            f'other parts), are shown as "{LT}".')
    return ("Counts of 1, " if k == 2 else f"Counts from 1 to {k - 1}, ") + tail


def hidden(tid, key, c):
    return pub[tid]["rows"][key][c] == LT


def expected_cells(tid, key, full_cells):
    """The displayed cells of a row: "<K" where withheld, else the full report's cell;
    table 5's respondents cell folds in its parts (a withheld part is never left out)."""
    vals = full[tid]["rows"][key]
    if tid != "table5":
        return [LT if hidden(tid, key, c) else full_cells[c] for c in range(len(full_cells))], \
            sum(hidden(tid, key, c) for c in range(len(full_cells)))
    f = lambda c: LT if hidden(tid, key, c) else f"{vals[c]:,}"
    parts = [f"{f(1 + i)} {SEX[i]}" for i in range(3) if hidden(tid, key, 1 + i) or vals[1 + i]]
    resp = f(0) + (" (" + ", ".join(parts) + ")" if parts else "")
    rest = [LT if hidden(tid, key, 4 + c) else full_cells[1 + c] for c in range(len(full_cells) - 1)]
    return [resp] + rest, sum(hidden(tid, key, c) for c in range(len(vals)))


def expected_pct(tid, full_cells):
    """The Percentage row: the three shares "<K" when withheld."""
    p = pub[tid]["percentage_row"]
    return [LT if c < 3 and p[c] == LT else full_cells[c] for c in range(len(full_cells))], \
        sum(1 for c in range(3) if p[c] == LT)


def compare_rows(fmt, tid, keys, full_rows, pub_rows):
    """Compares a table's displayed rows (key -> cells) of the public and full forms."""
    if list(pub_rows) != list(full_rows):
        bad(fmt, f"{tid}: rows {list(pub_rows)} != {list(full_rows)}")
    for key in keys:
        if key not in pub_rows or key not in full_rows:
            bad(fmt, f"{tid}: no row {key}")
            continue
        want, n = expected_pct(tid, full_rows[key]) if key == "percentage" else \
            expected_cells(tid, key, full_rows[key])
        got = pub_rows[key]
        add(fmt + "_hidden_expected", n)
        add(fmt + "_hidden_shown", sum(cell.count(LT) for cell in got))
        if got != want:
            bad(fmt, f"{tid} {key}: {got} != {want}")


def table_keys(tid):
    keys = list(full[tid]["rows"])
    return keys + (["percentage"] if "percentage_row" in full[tid] else [])


# ---- html ----------------------------------------------------------------------------
class Doc(HTMLParser):
    """Table cells by figure and row key; texts outside the cells by figure (or "doc");
    the style sheet; comments, forbidden tags and digit-bearing attribute values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.texts, self.attrs, self.style = {}, {}, [], ""
        self.fig = self.row = self.cell = None
        self.in_style = False
        self.comments = self.forbidden = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs += [v for _, v in attrs if v and re.search(r"\d", v)]
        if tag in ("script", "svg", "img", "iframe", "object", "embed", "link", "template"):
            self.forbidden += 1
        if tag == "figure":
            self.fig = a.get("id", "?")
            self.rows.setdefault(self.fig, {})
        elif tag == "tr" and self.fig and "data-key" in a:
            self.row = self.rows[self.fig].setdefault(a["data-key"], [])
        elif tag == "td" and self.row is not None:
            self.cell = ""
        elif tag == "style":
            self.in_style = True

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag == "figure":
            self.fig = None
        elif tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style += data
        elif self.cell is not None:
            self.cell += data
        elif self.row is None:  # a row's label <th> is compared with the full report's too
            self.texts.setdefault(self.fig or "doc", []).append(data)
        else:
            self.texts.setdefault((self.fig, "labels"), []).append(data)

    def handle_comment(self, data):
        self.comments += 1


def norm(parts):
    """The text without its white space (where lines break is the writer's business)."""
    return "".join("".join(parts).split())


def check_html(full_path, pub_path, css):
    f, p = Doc(), Doc()
    f.feed(open(full_path, encoding="utf-8").read())
    p.feed(open(pub_path, encoding="utf-8").read())
    if p.style.strip() != css.strip():
        bad("html", "the style sheet is not assets/report.css")
    if p.comments or p.forbidden:
        bad("html", f"{p.comments} comments, {p.forbidden} script/svg/img/... tags")
    year = pub["year"]
    allowed = {"utf-8", "width=device-width, initial-scale=1"} | set(TABLES) | \
        {c for c in full["table2"]["columns"]}
    for v in p.attrs:
        if v not in allowed:
            bad("html", f"attribute value {v!r}")
    if set(p.rows) != set(TABLES):
        bad("html", f"figures {sorted(p.rows)}")
    for tid in TABLES:
        compare_rows("html", tid, table_keys(tid), f.rows.get(tid, {}), p.rows.get(tid, {}))
        for part in (tid, (tid, "labels")):
            got = norm(p.texts.get(part, []))
            if part == tid:  # the sentence on "<K" under the caption, once
                cap = norm([f"Table {tid[5:]}", full[tid]["title"]])
                if not got.startswith(cap + norm([sentence()])):
                    bad("html", f"{tid}: no sentence on {LT} under the caption")
                got = got.replace(norm([sentence()]), "", 1)
            if got != norm(f.texts.get(part, [])):
                bad("html", f"{part}: text {norm(p.texts.get(part, []))!r}")
    title = f"Selected indicator results {year}"
    want = norm([title, "ASEAN-Australia Counter Trafficking", title,
                 "Tables 1 to 5 of the annual progress report, computed by actip from the stored "
                 "records, for publication.",
                 "Generated by actip. Zero is shown as an en dash (\u2013); percentages are exact "
                 "ratios rounded half away from zero."])
    if norm(p.texts.get("doc", [])) != want:
        bad("html", f"text outside the tables {norm(p.texts.get('doc', []))!r} != {want!r}")


# ---- md ------------------------------------------------------------------------------
def md_unescape(s):
    s = re.sub(r"\\(.)", r"\1", s)
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def md_cells(line):
    """The raw cells of a pipe-table line (split at unescaped |)."""
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [c.strip() for c in cells]


def md_tables(path):
    """{tableN: (rows: key -> cells, lines outside the pipe table)} of a Markdown report,
    the rows keyed by the JSON's row order; the raw withheld cells too."""
    lines = open(path, encoding="utf-8").read().split("\n")
    res, raw_hidden, cur, other = {}, 0, None, []
    for line in lines:
        m = re.match(r"\*\*(Table|Figure) (\d)\*\*", line)
        if m:
            # Tables 1-5; the full report's further breakdowns (6, 7) are not public
            cur = f"table{m.group(2)}" if m.group(1) == "Table" and m.group(2) <= "5" else None
            if cur:
                res[cur] = ({}, [line])
            else:
                other.append(line)
            continue
        if cur is None:
            other.append(line)
            continue
        rows, text = res[cur]
        if line.startswith("|"):
            cells = md_cells(line)
            if cells[0] == "Country/region" or set(line) <= set("|:- "):
                text.append(line)
                continue
            raw_hidden += sum(c == "&lt;" + str(k) for c in cells)
            label = md_unescape(cells[0].strip("*"))
            keys = table_keys(cur)
            key = "percentage" if label == "Percentage" else keys[len(rows)]
            rows[key] = [md_unescape(c) for c in cells[1:]]
            text.append(label)
        elif line:
            text.append(line)
            if line.startswith("Source: "):
                cur = None
    return res, other, raw_hidden


def check_md(full_path, pub_path):
    f, _, _ = md_tables(full_path)
    p, other, raw_hidden = md_tables(pub_path)
    if set(p) != set(TABLES):
        bad("md", f"tables {sorted(p)}")
    for tid in TABLES:
        compare_rows("md", tid, table_keys(tid), f.get(tid, ({}, []))[0], p.get(tid, ({}, []))[0])
        lines = list(p.get(tid, ({}, []))[1])
        if lines[1:2] != [sentence().replace("<", "&lt;")]:  # under the caption
            bad("md", f"{tid}: no sentence on {LT} under the caption")
        del lines[1:2]
        if lines != f.get(tid, ({}, []))[1]:
            bad("md", f"{tid}: lines {p.get(tid, ({}, []))[1]} != {f.get(tid, ({}, []))[1]}")
    want = [f"# Selected indicator results {pub['year']}",
            "Tables 1 to 5 of the annual progress report, computed by actip from the stored "
            "records, for publication.",
            "Zero is shown as an en dash (\u2013); percentages are exact ratios rounded half "
            "away from zero."]
    if [l for l in other if l] != [l for l in want if l]:
        bad("md", f"text outside the tables {other} != {want}")
    out["md_raw_hidden"] = raw_hidden


# ---- xlsx ----------------------------------------------------------------------------
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
PARTS = {"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
         "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
         "xl/theme/theme1.xml", "xl/workbook.xml"} | {f"xl/worksheets/sheet{n}.xml" for n in range(1, 6)}


def check_xlsx(full_path, pub_path):
    import openpyxl
    z = zipfile.ZipFile(pub_path)
    names = set(z.namelist())
    if names - PARTS:
        bad("xlsx", f"unexpected parts {sorted(names - PARTS)}")
    sst = [("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    used = set()
    for n in range(1, 6):
        xml = z.read(f"xl/worksheets/sheet{n}.xml").decode()
        if re.search(r"<f[\s>/]", xml):
            bad("xlsx", f"sheet{n}: a formula")
        for c in ET.fromstring(xml).iter(f"{{{NS['m']}}}c"):
            t = c.get("t", "n")
            if t not in ("s", "n"):
                bad("xlsx", f"sheet{n} {c.get('r')}: cell type {t}")
            v = c.find("m:v", NS)
            if t == "s" and v is not None:
                used.add(int(v.text))
    if used != set(range(len(sst))):
        bad("xlsx", f"shared strings not shown in any cell: {[sst[i] for i in set(range(len(sst))) - used]}")
    app = ET.fromstring(z.read("docProps/app.xml"))
    texts = {e.text for e in app.iter() if e.text and e.text.strip()}
    # each sheet's repeated header row is a named range (Print_Titles)
    if texts - {"Microsoft Excel", "0", "false", "Worksheets", "5", "12.0000", "Named Ranges"} - \
            {f"Table {n}" for n in range(1, 6)} - {f"'Table {n}'!Print_Titles" for n in range(1, 6)}:
        bad("xlsx", f"docProps/app.xml says {sorted(texts)}")
    core = ET.fromstring(z.read("docProps/core.xml"))
    texts = [e.text for e in core.iter() if e.text and e.text.strip() and
             not e.tag.endswith(("}created", "}modified"))]
    if texts:
        bad("xlsx", f"docProps/core.xml says {texts}")

    fw, pw = openpyxl.load_workbook(full_path), openpyxl.load_workbook(pub_path)
    if pw.sheetnames != [f"Table {n}" for n in range(1, 6)]:
        bad("xlsx", f"sheets {pw.sheetnames}")
    for n, tid in enumerate(TABLES, 1):
        fs, ps = fw[f"Table {n}"], pw[f"Table {n}"]
        if (ps.max_row, ps.max_column) != (fs.max_row, fs.max_column):
            bad("xlsx", f"{tid}: size {ps.max_row}x{ps.max_column} != {fs.max_row}x{fs.max_column}")
        keys = list(full[tid]["rows"])
        withheld = {}
        for i, key in enumerate(keys):
            for c in range(len(full[tid]["columns"])):
                withheld[(5 + i, 2 + c)] = hidden(tid, key, c)
        if "percentage_row" in full[tid]:
            for c in range(3):
                withheld[(5 + len(keys), 2 + c)] = pub[tid]["percentage_row"][c] == LT
        add("xlsx_hidden_expected", sum(withheld.values()))
        for row in ps.iter_rows(min_row=1, max_row=max(ps.max_row, fs.max_row),
                                max_col=max(ps.max_column, fs.max_column)):
            for cell in row:
                fc = fs.cell(row=cell.row, column=cell.column)
                if withheld.get((cell.row, cell.column)):
                    if cell.value == LT and cell.data_type == "s":
                        add("xlsx_hidden_shown")
                    else:
                        bad("xlsx", f"{tid} {cell.coordinate}: {cell.value!r} where {LT} is due")
                elif (cell.row, cell.column) == (3, 1):
                    if cell.value != sentence():
                        bad("xlsx", f"{tid} A3: {cell.value!r}")
                elif (cell.value, cell.number_format) != (fc.value, fc.number_format):
                    bad("xlsx", f"{tid} {cell.coordinate}: {cell.value!r} != {fc.value!r}")


# ---- docx ----------------------------------------------------------------------------
def docx_tables(path):
    """{tableN: (rows: key -> cells, the paragraphs from its caption to its source)} of
    a DOCX report's Tables 1-5 (python-docx), and every paragraph and table cell text
    outside them."""
    import docx
    d = docx.Document(path)
    res, other, cur = {}, [], None
    body = d.element.body
    tables = iter(d.tables)
    paras = iter(d.paragraphs)
    for el in body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = next(paras).text
            m = re.match(r"Table (\d)\s", text)
            if m and m.group(1) <= "5":
                cur = f"table{m.group(1)}"
                res[cur] = ({}, [text])
            elif cur:
                res[cur][1].append(text)
                if text.startswith("Source:"):
                    cur = None
            else:
                other.append(text)
        elif tag == "tbl":
            t = next(tables)
            cells = [[c.text for c in r.cells] for r in t.rows]
            if not cur:
                other += [c for r in cells for c in r]
                continue
            rows, _ = res[cur]
            keys = table_keys(cur)
            for r in cells[1:]:
                key = "percentage" if r[0] == "Percentage" else keys[len(rows)]
                rows[key] = r[1:]
    return res, other


def check_docx(full_path, pub_path):
    f, _ = docx_tables(full_path)
    p, other = docx_tables(pub_path)
    if set(p) != set(TABLES):
        bad("docx", f"tables {sorted(p)}")
    for tid in TABLES:
        compare_rows("docx", tid, table_keys(tid), f.get(tid, ({}, []))[0], p.get(tid, ({}, []))[0])
        lines = list(p.get(tid, ({}, []))[1])
        if lines[1:2] != [sentence()]:
            bad("docx", f"{tid}: no sentence on {LT} under the caption")
        del lines[1:2]
        if lines != f.get(tid, ({}, []))[1]:
            bad("docx", f"{tid}: paragraphs {lines} != {f.get(tid, ({}, []))[1]}")
    # every other text of the package: the title, the cover line, the conventions
    z = zipfile.ZipFile(pub_path)
    media = [n for n in z.namelist() if n.startswith("word/media/")]
    if media:
        bad("docx", f"images {media}")
    texts = [t for t in other if t.strip()]
    allowed = {f"Selected indicator results {pub['year']}",
               "Tables 1 to 5 of the annual progress report, computed by actip from the stored "
               "records, for publication.",
               "Zero is shown as an en dash (\u2013); percentages are exact ratios rounded half "
               "away from zero."}
    for t in texts:
        if t not in allowed and re.search(r"\d", t.replace(str(pub["year"]), "")):
            bad("docx", f"text outside the tables {t!r}")


check_md(sys.argv[4], sys.argv[5])
check_html(sys.argv[6], sys.argv[7], open(sys.argv[10], encoding="utf-8").read())
check_xlsx(sys.argv[8], sys.argv[9])
if len(sys.argv) > 12:
    check_docx(sys.argv[11], sys.argv[12])
for f in findings[:40]:
    print(f, file=sys.stderr)
for fmt in ("md", "html", "xlsx", "docx"):
    for what in ("_bad", "_hidden_shown", "_hidden_expected"):
        out.setdefault(fmt + what, 0)
print(json.dumps(out))
