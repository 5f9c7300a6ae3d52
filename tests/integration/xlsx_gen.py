#!/usr/bin/env python3
"""Writes bad and hostile .xlsx workbooks for tests/integration/xlsx.sh and the seeds of
the fuzz_xlsx corpus.

usage: xlsx_gen.py OUT_DIR [--small]   (--small: only the inputs small enough for a
                                        fuzz corpus, and no big ones)
"""
import os
import sys
import zipfile

import openpyxl

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
      '</Types>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
      'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships"><sheets><sheet name="participants" sheetId="1" r:id="rId1"/></sheets>'
      '</workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet(rows):
    """A worksheet of inline strings."""
    out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>' % NS]
    for r, cells in enumerate(rows, 1):
        out.append('<row r="%d">' % r)
        for c, v in enumerate(cells):
            out.append('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % ("ABCDEFGH"[c], r, v))
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out)


def raw(path, parts):
    """A workbook from raw parts (name -> bytes or str)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def base_parts(sheet_xml, sst=None):
    parts = {"[Content_Types].xml": CT, "xl/workbook.xml": WB,
             "xl/_rels/workbook.xml.rels": RELS, "xl/worksheets/sheet1.xml": sheet_xml}
    if sst is not None:
        parts["xl/sharedStrings.xml"] = sst
    return parts


def main():
    out = sys.argv[1]
    small = "--small" in sys.argv
    os.makedirs(out, exist_ok=True)
    head = ["activity_id", "full_name", "sex", "country"]

    # A good workbook, and one with bad values in several cells (C3, D4, A5, C6).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "participants"
    ws.append(head)
    for r in [["KH-1", "Sok Dara", "female", "KH"], ["KH-1", "Chan Sophal", "Nữ", "KHM"],
              ["KH-2", "Lina", "ຍິງ", "Laos"]]:
        ws.append(r)
    wb.save(os.path.join(out, "good.xlsx"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "participants"
    ws.append(head)
    for r in [["KH-1", "Ok", "male", "KH"], ["KH-1", "Bad sex", "mael", "KH"],
              ["KH-1", "Bad country", "female", "Atlantis"], ["NOPE", "Bad activity", "male", "KH"],
              ["KH-2", "Also bad", "?", "TH"]]:
        ws.append(r)
    wb.save(os.path.join(out, "participants-bad.xlsx"))

    # XML entities (a billion laughs) in the shared strings.
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                     for i in range(1, 10))
           + ']><sst %s count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>' % NS)
    raw(os.path.join(out, "entities.xlsx"),
        base_parts(sheet([head, ["KH-1", "x", "male", "KH"]]).replace(
            '<c r="B2" t="inlineStr"><is><t>x</t></is></c>', '<c r="B2" t="s"><v>0</v></c>'), lol))

    # An entity in the sheet itself, pointing at a file.
    xxe = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           + sheet([head, ["KH-1", "&x;", "male", "KH"]]).split("?>", 1)[1])
    raw(os.path.join(out, "xxe.xlsx"), base_parts(xxe))

    # A shared-strings table that claims a hundred million entries.
    raw(os.path.join(out, "sst-count.xlsx"),
        base_parts(sheet([head]), '<sst %s count="100000000" uniqueCount="100000000"><si><t>a</t></si></sst>' % NS))

    # A cell that refers to a shared string the table does not have, and broken XML.
    raw(os.path.join(out, "sst-missing.xlsx"),
        base_parts(sheet([head, ["KH-1", "x", "male", "KH"]]).replace(
            '<c r="B2" t="inlineStr"><is><t>x</t></is></c>', '<c r="B2" t="s"><v>7</v></c>'),
            '<sst %s count="1" uniqueCount="1"><si><t>a</t></si></sst>' % NS))
    raw(os.path.join(out, "broken-xml.xlsx"), base_parts(sheet([head])[:-30]))

    # Not a workbook at all; a workbook cut in half; a zip without the workbook part.
    with open(os.path.join(out, "text.xlsx"), "w") as f:
        f.write("activity_id,full_name,sex,country\n")
    data = open(os.path.join(out, "good.xlsx"), "rb").read()
    with open(os.path.join(out, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    raw(os.path.join(out, "no-workbook.xlsx"), {"[Content_Types].xml": CT})

    if small:
        return
    # A zip bomb: a sheet of 64 MB of spaces in a few kilobytes.
    raw(os.path.join(out, "bomb.xlsx"),
        base_parts(sheet([head]).replace("<sheetData>", "<sheetData>" + " " * (64 << 20))))
    # A shared-strings table of more entries than the reader takes, without saying so
    # up front (random text, so that it does not look like a zip bomb).
    blob = os.urandom(4300000 * 4).hex()
    parts = ['<sst %s>' % NS]
    parts += ['<si><t>%s</t></si>' % blob[i:i + 8] for i in range(0, len(blob), 8)]
    parts.append('</sst>')
    raw(os.path.join(out, "sst-huge.xlsx"), base_parts(sheet([head]), "".join(parts)))

if __name__ == "__main__":
    main()
