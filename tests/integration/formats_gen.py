#!/usr/bin/env python3
"""Writes the demo's participants and feedback (and activities) in the shapes people
send them, one directory per shape, for tests/integration/formats.sh. Every shape holds
the same records, so importing any of them must give the same report.

usage: formats_gen.py DEMO_DIR OUT_DIR
"""
import csv
import datetime
import io
import os
import sys

import openpyxl

# Words of the region's languages for the values (spec/import-formats.md).
SEX = {
    "female": ["ស្រី", "ຍິງ", "หญิง", "Nữ", "Perempuan", "Babae", "Feto", "Woman"],
    "male": ["ប្រុស", "ຊາຍ", "ชาย", "Nam", "Laki-laki", "Lalaki", "Mane", "Man"],
    "other": ["ផ្សេងៗ", "ອື່ນໆ", "อื่นๆ", "Khác", "Lainnya", "Iba", "Non-binary"],
}
YES = ["បាទ", "ແມ່ນ", "ใช่", "Có", "Ya", "Opo", "Sin"]
NO = ["ទេ", "ບໍ່", "ไม่", "Không", "Tidak", "Hindi", "Lae"]
ALPHA3 = {"BN": "BRN", "KH": "KHM", "ID": "IDN", "LA": "LAO", "MY": "MYS", "MM": "MMR",
          "PH": "PHL", "SG": "SGP", "TH": "THA", "TL": "TLS", "VN": "VNM"}


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_text(path, header, rows, delim=",", encoding="utf-8", newline="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def local_sex(v, i):
    words = SEX.get(v.strip().lower())
    return words[i % len(words)] if words else v


def local_yesno(v, i):
    v = v.strip().lower()
    if v in ("yes", "y", "1", "true"):
        return YES[i % len(YES)]
    if v in ("no", "n", "0", "false"):
        return NO[i % len(NO)]
    return v


def main():
    demo, out = sys.argv[1], sys.argv[2]
    ph, prows = read(os.path.join(demo, "participants.csv"))
    fh, frows = read(os.path.join(demo, "feedback.csv"))
    ah, arows = read(os.path.join(demo, "activities.csv"))
    col = {n: i for i, n in enumerate(ph)}

    def d(name):
        path = os.path.join(out, name)
        os.makedirs(path, exist_ok=True)
        return path

    # 1. The templates as they are.
    write_text(os.path.join(d("csv"), "participants.csv"), ph, prows, newline="\n")
    write_text(os.path.join(d("csv"), "feedback.csv"), fh, frows, newline="\n")

    # 2. Excel in an Indonesian or Vietnamese setting: semicolons, CRLF, a UTF-8 mark.
    write_text(os.path.join(d("semicolon"), "participants.csv"), ph, prows, ";", "utf-8-sig")
    write_text(os.path.join(d("semicolon"), "feedback.csv"), fh, frows, ";", "utf-8-sig")

    # 3. Excel's "Unicode text": UTF-16 LE with its mark, tabs.
    write_text(os.path.join(d("utf16"), "participants.txt"), ph, prows, "\t", "utf-16")
    write_text(os.path.join(d("utf16"), "feedback.txt"), fh, frows, "\t", "utf-16")

    # 4. Thai Windows text (CP874) for every activity whose rows it can hold, with sex
    #    and yes/no in Thai; the other activities in UTF-8 beside it.
    def cp874_ok(r):
        try:
            ",".join(r).encode("cp874")
            return True
        except UnicodeEncodeError:
            return False
    acts = {}
    for r in prows:
        acts.setdefault(r[0], []).append(r)
    thai, rest = [], []
    for a, rs in acts.items():
        (thai if all(cp874_ok(r) for r in rs) else rest).extend(rs)
    thai_words = []
    for r in thai:
        r = list(r)
        r[col["sex"]] = {"female": "หญิง", "male": "ชาย", "other": "อื่นๆ"}.get(r[col["sex"]], r[col["sex"]])
        dis = r[col["disability"]].strip().lower()
        r[col["disability"]] = {"yes": "ใช่", "no": "ไม่"}.get(dis, r[col["disability"]])
        thai_words.append(r)
    dd = d("cp874")
    write_text(os.path.join(dd, "participants-th.csv"), ph, thai_words, ",", "cp874")
    write_text(os.path.join(d("cp874-rest"), "participants-rest.csv"), ph, rest, newline="\n")
    write_text(os.path.join(d("cp874-rest"), "feedback.csv"), fh, frows, newline="\n")

    # 5. A workbook as openpyxl writes it: the activities with real date cells shown
    #    as dd/mm/yyyy, the participants (staff as booleans) and the feedback (with
    #    understanding as its number) on sheets named for their templates.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "activities"
    ws.append(ah)
    for r in arows:
        r = list(r)
        for k in ("start_date", "end_date"):
            i = ah.index(k)
            if r[i]:
                r[i] = datetime.datetime.strptime(r[i], "%Y-%m-%d")
        ws.append(r)
        for k in ("start_date", "end_date"):
            ws.cell(row=ws.max_row, column=ah.index(k) + 1).number_format = "dd/mm/yyyy"
    ws = wb.create_sheet("Participants")
    ws.append(ph)
    for r in prows:
        r = list(r)
        s = r[col["staff"]].strip().lower()
        r[col["staff"]] = True if s == "yes" else False if s == "no" else None
        ws.append([v if v != "" else None for v in r])
    ws = wb.create_sheet("feedback")
    ws.append(fh)
    u = fh.index("understanding")
    for r in frows:
        r = list(r)
        r[u] = {"excellent": 4, "good": 3, "fair": 2, "poor": 1}.get(r[u], r[u])
        ws.append([v if v != "" else None for v in r])
    ws = wb.create_sheet("Notes")
    ws.append(["This sheet names no template and is skipped."])
    wb.save(os.path.join(d("xlsx"), "programme-2021.xlsx"))
    write_text(os.path.join(d("xlsx-rest"), "placeholder.csv"), ["x"], [])

    # 6. A KoboToolbox export: semicolons, group paths, metadata columns, answers in
    #    the local languages and countries as ISO alpha-3 codes.
    kh = ["start", "end", "today", "group_event/event_code", "group_person/participant_id",
          "group_person/email", "group_person/full_name", "group_person/gender",
          "group_person/nationality", "group_person/organization", "group_person/staff",
          "group_person/person_with_disability", "meta/instanceID", "_id", "_uuid",
          "_submission_time", "_validation_status", "_index", "__version__"]
    krows = []
    for i, r in enumerate(prows):
        krows.append(["2021-03-04T09:00:00.000+07:00", "2021-03-04T09:05:00.000+07:00",
                      "2021-03-04", r[0], r[col["person_id"]], r[col["email"]],
                      r[col["full_name"]], local_sex(r[col["sex"]], i),
                      ALPHA3.get(r[col["country"]], r[col["country"]]), r[col["organisation"]],
                      r[col["staff"]], local_yesno(r[col["disability"]], i),
                      "uuid:%08d" % i, str(1000 + i), "%032x" % i,
                      "2021-03-04T02:05:11", "", str(i + 1), "vAbC123"])
    write_text(os.path.join(d("kobo"), "participants.csv"), kh, krows, ";")
    write_text(os.path.join(d("kobo"), "feedback.csv"), fh, frows, newline="\n")

    # 7. A Google Forms export with the form's own questions, matched through --map.
    gh = ["Timestamp", "Event code", "Participant ID", "Email address", "Your full name",
          "Gender", "Country", "Which agency do you work for?", "Are you programme staff?",
          "Do you live with a disability?"]
    grows = []
    for i, r in enumerate(prows):
        grows.append(["2021/03/04 10:22:11 AM GMT+7", r[0], r[col["person_id"]],
                      r[col["email"]], r[col["full_name"]], r[col["sex"]].capitalize(),
                      r[col["country"]], r[col["organisation"]], r[col["staff"]],
                      r[col["disability"]].capitalize()])
    write_text(os.path.join(d("forms"), "participants.csv"), gh, grows)
    write_text(os.path.join(d("forms"), "feedback.csv"), fh, frows, newline="\n")
    write_text(os.path.join(out, "forms-map.csv"), ["template", "source", "column"], [
        ["participants", "Your full name", "full_name"],
        ["participants", "Which agency do you work for?", "organisation"],
        ["participants", "Are you programme staff?", "staff"],
        ["participants", "Do you live with a disability?", "disability"],
    ], newline="\n")


if __name__ == "__main__":
    main()
