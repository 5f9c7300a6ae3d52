# demo_check.py - independent self-check of the demo CSV files (generate.py --check).
#
# Reads the CSV files back with the csv module, recomputes Tables 1-5 of the
# 2021 annual report exactly as shared/spec/annual-report.md and
# data-collection.md define them (person identity rules, earliest attendance,
# percentages rounded half away from zero with integer arithmetic), compares
# them cell for cell with shared/reference/report-2021-tables.json, and checks
# the structural rules of the demo data (foreign keys, dates, project years,
# respondents <= participants, one sex and country per person, ...).
# Prints every mismatch; exit status 1 if there is any.

import csv
import datetime
import json
import unicodedata
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

FILES = ["framework.csv", "projects.csv", "project_status.csv", "activities.csv",
         "participants.csv", "feedback.csv", "partners.csv", "expenditure.csv"]
RESULT_FILES = ["achievements.csv", "achievement_figures.csv", "published.csv"]
SEX_ALIASES = {"female": "female", "f": "female", "male": "male", "m": "male", "other": "other", "o": "other"}
YES = {"yes", "y", "1", "true"}
NO = {"no", "n", "0", "false"}
QUESTIONS = ["satisfied", "met_objectives", "met_expectations", "improved_learning"]
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared/reference/report-2021-tables.json"
# The one published cell that is not rounded half up (30/55 = 54.5% printed as 54%).
ALLOWED = {("table3", "SG", "pct_women"): 55}
NATIONAL_STATUS_2021 = {"completed": 13, "partly_completed": 15, "some_delays": 5, "major_delay": 1}


# Rows of one CSV file as dicts with trimmed, lower-cased header names and trimmed values.
def read(directory, name):
    raw = (directory / name).read_bytes()
    text = raw.decode("utf-8-sig")
    rows = []
    reader = csv.reader(text.splitlines(keepends=True))
    header = [h.strip().lower() for h in next(reader)]
    for rec in reader:
        if not any(f.strip() for f in rec):
            continue
        rows.append({h: (rec[i].strip() if i < len(rec) else "") for i, h in enumerate(header)})
    return rows


# Percentage num/den rounded half away from zero to whole numbers (integers only).
def pct(num, den):
    return (2 * 100 * num + den) // (2 * den) if den else None


# Percentage with two decimals, rounded half away from zero, as a Decimal.
def pct2(num, den):
    return Decimal((2 * 10000 * num + den) // (2 * den)) / 100 if den else None


# yes -> True, no -> False, blank -> None.
def yes_no(v):
    v = v.strip().lower()
    return True if v in YES else False if v in NO else None


# Name key of rule 3: NFKC, case fold, white space collapsed.
def name_key(s):
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


# Identity of one participant row per data-collection.md.
def identity(row, index):
    if row["person_id"]:
        return ("id", row["person_id"])
    if row["email"]:
        return ("email", row["email"].strip().lower())
    if row["full_name"]:
        return ("name", name_key(row["full_name"]), row["sex"], row["country"])
    return ("row", index)


# A reference cell as a comparable number: null -> 0, "52%" -> 52, "54.26%" -> 54.26.
def ref_value(v):
    if v is None:
        return Decimal(0)
    if isinstance(v, str):
        return Decimal(v.rstrip("%"))
    return Decimal(str(v))


class Data:
    """The demo files, parsed."""

    def __init__(self, directory):
        self.dir = directory
        for name in FILES:
            setattr(self, name[:-4], read(directory, name))
        self.act = {a["activity_id"]: a for a in self.activities}
        self.proj = {p["code"]: p for p in self.projects}
        for a in self.activities:
            a["start"] = datetime.date.fromisoformat(a["start_date"])
            a["year"] = a["start"].year
        for r in self.participants:
            r["sex"] = SEX_ALIASES[r["sex"].lower()]
            r["is_staff"] = yes_no(r["staff"]) is True
        for r in self.feedback:
            r["sex"] = SEX_ALIASES.get(r["sex"].lower(), "")

    # Non-staff participant rows of activities of year y (optionally one type).
    def attendances(self, year, typ=None):
        return [(i, r) for i, r in enumerate(self.participants)
                if not r["is_staff"] and self.act[r["activity_id"]]["year"] == year
                and (typ is None or self.act[r["activity_id"]]["type"] == typ)]


# Table rows {key: [cells]} with a TOTAL row; rows that are all zero dropped.
def with_total(rows, ncols):
    total = [0] * ncols
    for cells in rows.values():
        total = [t + c for t, c in zip(total, cells)]
    out = {k: v for k, v in rows.items() if any(v)}
    out["TOTAL"] = total
    return out


# Table 1: activities of 2021 by country and type.
def table1(d):
    types = ["capacity_development", "meeting", "other", "staff_event"]
    rows = defaultdict(lambda: [0] * 5)
    for a in d.activities:
        if a["year"] == 2021:
            rows[a["country"]][types.index(a["type"])] += 1
            rows[a["country"]][4] += 1
    return with_total(rows, 5)


# Table 2: capacity development events by country for 2021, 2020, 2019.
def table2(d):
    rows = defaultdict(lambda: [0] * 3)
    for a in d.activities:
        if a["type"] == "capacity_development" and a["year"] in (2021, 2020, 2019):
            rows[a["country"]][2021 - a["year"]] += 1
    return with_total(rows, 3)


# Tables 3 and 4 share their columns: female, male, other, total, pct_women (+ percentage row).
def sex_table(counts):
    rows = {}
    for c, cnt in counts.items():
        f, m, o = cnt["female"], cnt["male"], cnt["other"]
        rows[c] = [f, m, o, f + m + o]
    rows = with_total(rows, 4)
    for c in rows:
        rows[c].append(pct(rows[c][0], rows[c][3]))
    tot = rows["TOTAL"]
    return rows, [pct2(tot[0], tot[3]), pct2(tot[1], tot[3]), pct2(tot[2], tot[3]), Decimal(100)]


# Table 3: every non-staff attendance at 2021 activities by the row's country and sex.
def table3(d):
    counts = defaultdict(Counter)
    for _, r in d.attendances(2021):
        counts[r["country"]][r["sex"]] += 1
    return sex_table(counts)


# Table 4: distinct people trained in 2021, by country and sex of their earliest such attendance.
def table4(d):
    first = {}
    for i, r in d.attendances(2021, "capacity_development"):
        a = d.act[r["activity_id"]]
        k = identity(r, i)
        when = (a["start"], a["activity_id"])
        if k not in first or when < first[k][0]:
            first[k] = (when, r["country"], r["sex"])
    counts = defaultdict(Counter)
    for _, c, s in first.values():
        counts[c][s] += 1
    return sex_table(counts)


# Table 5: feedback on 2021 capacity development events by reporting group.
def table5(d):
    groups = defaultdict(list)
    for r in d.feedback:
        a = d.act[r["activity_id"]]
        if a["year"] != 2021 or a["type"] != "capacity_development":
            continue
        focus = d.proj[a["project"]]["focus"] if a["project"] else ""
        groups["victim_rights_gesi" if focus == "victim_rights_gesi" else a["country"]].append(r)
        groups["TOTAL"].append(r)
    out = {}
    for g, rs in groups.items():
        sex = Counter(r["sex"] for r in rs)
        cells = [len(rs), sex["female"], sex["male"], sex["other"]]
        for q in QUESTIONS:
            ans = [yes_no(r[q]) for r in rs]
            answered = [x for x in ans if x is not None]
            cells.append(pct(sum(answered), len(answered)))
        out[g] = cells
    return out


# Compare one computed table with the reference; return mismatch messages.
def compare(name, columns, got, ref_rows, got_pct=None, ref_pct=None):
    problems = []
    for key in sorted(set(got) | set(ref_rows)):
        g = got.get(key, [0] * len(columns))
        r = ref_rows.get(key, [None] * len(columns))
        for col, gv, rv in zip(columns, g, r):
            want = Decimal(ALLOWED.get((name, key, col), ref_value(rv)))
            have = Decimal(0) if gv is None else Decimal(gv)
            if have != want:
                problems.append("%s %s %s: computed %s, reference %s" % (name, key, col, gv, rv))
    if ref_pct is not None:
        for i, (gv, rv) in enumerate(zip(got_pct, ref_pct)):
            if gv != ref_value(rv):
                problems.append("%s percentage_row[%d]: computed %s, reference %s" % (name, i, gv, rv))
    return problems


# All table comparisons and the 2021 national project status counts.
def check_tables(d, ref):
    p = []
    p += compare("table1", ref["table1"]["columns"], table1(d), ref["table1"]["rows"])
    p += compare("table2", ref["table2"]["columns"], table2(d), ref["table2"]["rows"])
    for name, fn in (("table3", table3), ("table4", table4)):
        rows, prow = fn(d)
        p += compare(name, ref[name]["columns"], rows, ref[name]["rows"], prow, ref[name]["percentage_row"])
    p += compare("table5", ref["table5"]["columns"], table5(d), ref["table5"]["rows"])
    national = {c for c, pr in d.proj.items() if pr["focus"] in ("national", "") and pr["country"] != "ASEAN"}
    status = Counter(s["status"] for s in d.project_status if s["year"] == "2021" and s["project"] in national)
    listed = sum(1 for s in d.project_status if s["year"] == "2021" and s["project"] in national)
    want = NATIONAL_STATUS_2021
    if listed != ref["project_status_2021"]["projects"] or any(status[k] != v for k, v in want.items()):
        p.append("project status 2021: %d national projects, %s" % (listed, dict(sorted(status.items()))))
    by_country = defaultdict(list)
    for c, pr in d.proj.items():
        key = pr["focus"] if pr["focus"] == "victim_rights_gesi" else pr["country"]
        by_country[key].append(c)
    for key, codes in ref["projects_by_country_2021"].items():
        if key == "note":
            continue
        if key == "LA":
            codes = [("L299" if c == "C299" else c) for c in codes]  # the report's misprint
        if sorted(by_country.get(key, [])) != sorted(codes):
            p.append("projects of %s: %s, reference %s" % (key, sorted(by_country.get(key, [])), codes))
    return p


# Foreign keys, codes, dates and project years.
def check_structure(d):
    p = []
    fw = {f["code"] for f in d.framework}
    p += ["framework %s: unknown parent %s" % (f["code"], f["parent"]) for f in d.framework if f["parent"] and f["parent"] not in fw]
    for pr in d.projects:
        p += ["project %s: unknown outcome %s" % (pr["code"], o) for o in pr["outcomes"].split(";") if o and o not in fw]
    p += ["project_status: unknown project %s" % s["project"] for s in d.project_status if s["project"] not in d.proj]
    for a in d.activities:
        aid, pr = a["activity_id"], d.proj.get(a["project"])
        p += ["activity %s: unknown outcome %s" % (aid, o) for o in a["outcomes"].split(";") if o and o not in fw]
        if a["end_date"]:
            days = (datetime.date.fromisoformat(a["end_date"]) - a["start"]).days
            if not 0 <= days <= 4:
                p.append("activity %s: end_date %d days after start" % (aid, days))
        if not 2019 <= a["year"] <= 2021:
            p.append("activity %s: start_date outside 2019-2021" % aid)
        if a["project"] and pr is None:
            p.append("activity %s: unknown project %s" % (aid, a["project"]))
        elif pr and not int(pr["start_year"]) <= a["year"] <= int(pr["end_year"]):
            p.append("activity %s: %d outside project %s years" % (aid, a["year"], a["project"]))
        if a["type"] == "staff_event" and a["project"]:
            p.append("activity %s: staff event with a project" % aid)
        if a["country"] == "MM" and a["project"]:
            p.append("activity %s: Myanmar activity with a project" % aid)
        if pr and a["country"] == "ASEAN" and pr["country"] != "ASEAN":
            p.append("activity %s: regional activity of a national project" % aid)
        if pr and a["country"] not in ("ASEAN", pr["country"]) and pr["country"] != "ASEAN":
            p.append("activity %s: project %s of another country" % (aid, a["project"]))
    for name, rows in (("participants", d.participants), ("feedback", d.feedback)):
        p += ["%s: unknown activity %s" % (name, r["activity_id"]) for r in rows if r["activity_id"] not in d.act]
    return p


# Participants: staff events, regional-only countries, every 2021 event attended, people consistent.
def check_people(d):
    p, notes = [], []
    attended = Counter(r["activity_id"] for r in d.participants if not r["is_staff"])
    for a in d.activities:
        if a["type"] == "staff_event" and attended[a["activity_id"]]:
            p.append("staff event %s has non-staff participants" % a["activity_id"])
        if a["year"] == 2021 and a["type"] == "capacity_development" and not attended[a["activity_id"]]:
            p.append("capacity development event %s has no participants" % a["activity_id"])
    for r in d.participants:
        a = d.act[r["activity_id"]]
        if not r["is_staff"] and r["country"] in ("BN", "MY", "SG") and a["country"] != "ASEAN":
            p.append("%s participant at national activity %s" % (r["country"], a["activity_id"]))
        if not r["is_staff"] and a["country"] == "KH" and r["sex"] == "other":
            p.append("participant of sex other at Cambodian activity %s" % a["activity_id"])
        if r["full_name"]:
            k1 = name_key(r["full_name"])
            k2 = " ".join(unicodedata.normalize("NFKC", r["full_name"].casefold()).split())
            if k1 != k2:
                p.append("name key depends on normalisation order: %r" % r["full_name"])
    seen = defaultdict(set)
    for i, r in enumerate(d.participants):
        if not r["is_staff"]:
            a = d.act[r["activity_id"]]
            seen[identity(r, i)].add((a["year"], r["sex"], r["country"]))
    cross_year = []
    for k, vals in seen.items():
        for y in {v[0] for v in vals}:
            if len({v[1:] for v in vals if v[0] == y}) > 1:
                p.append("person %s: conflicting sex/country within %d" % (k, y))
        if len({v[1:] for v in vals}) > 1:
            cross_year.append(k)
    if len(cross_year) > 1:
        p.append("more than one person with conflicting records: %s" % cross_year)
    notes += ["data-quality case kept on purpose: %s has a different sex or country in another year" % (k,) for k in cross_year]
    if not any("'" in r["full_name"] for r in d.participants):
        p.append("no participant name with an apostrophe")
    if not any("," in r["organisation"] for r in d.participants):
        p.append("no organisation with a comma")
    return p, notes


# Feedback: respondents <= participants per activity and sex (one published exception).
def check_feedback(d):
    p, notes = [], []
    part = defaultdict(Counter)
    for r in d.participants:
        if not r["is_staff"]:
            part[r["activity_id"]][r["sex"]] += 1
    resp = defaultdict(Counter)
    for r in d.feedback:
        resp[r["activity_id"]][r["sex"] or "blank"] += 1
    kh_other = 0
    for aid, cnt in sorted(resp.items()):
        if sum(cnt.values()) > sum(part[aid].values()):
            p.append("activity %s: %d respondents, %d participants" % (aid, sum(cnt.values()), sum(part[aid].values())))
        for sex in ("female", "male", "other"):
            if cnt[sex] > part[aid][sex]:
                if sex == "other" and d.act[aid]["country"] == "KH" and part[aid]["other"] == 0:
                    kh_other += cnt[sex]
                else:
                    p.append("activity %s: %d %s respondents, %d participants" % (aid, cnt[sex], sex, part[aid][sex]))
    if kh_other != 6:
        p.append("expected the 6 published Cambodian respondents of sex other, found %d" % kh_other)
    notes.append("known inconsistency kept: %d Cambodian respondents of sex other, no such participant" % kh_other)
    asean_other = [aid for aid, cnt in resp.items() if cnt["other"] and d.act[aid]["country"] == "ASEAN"]
    for aid in asean_other:
        if part[aid]["other"] < resp[aid]["other"]:
            p.append("regional activity %s: other respondents without other participants" % aid)
    return p, notes


# The results files: references, parts, the published figures against the reference,
# and the printed inconsistencies that must be kept (see README.md).
def check_results(directory, d, ref):
    p, notes = [], []
    ach = read(directory, "achievements.csv")
    figs = read(directory, "achievement_figures.csv")
    pub = read(directory, "published.csv")
    fw = {f["code"] for f in d.framework}
    partners = {r["code"] for r in d.partners}
    ids = Counter(a["achievement_id"] for a in ach)
    p += ["achievements: duplicate id %s" % k for k, n in ids.items() if n > 1]
    by_id = {a["achievement_id"]: a for a in ach}
    for a in ach:
        aid = a["achievement_id"]
        if a["project"] and a["project"] not in d.proj:
            p.append("achievement %s: unknown project %s" % (aid, a["project"]))
        if a["partner"] and a["partner"] not in partners:
            p.append("achievement %s: unknown partner %s" % (aid, a["partner"]))
        p += ["achievement %s: unknown outcome %s" % (aid, o) for o in a["outcomes"].split(";") if o and o not in fw]
        if datetime.date.fromisoformat(a["date"]).year != 2021:
            p.append("achievement %s: date %s not in 2021" % (aid, a["date"]))
        if not a["text"]:
            p.append("achievement %s: no text" % aid)
    p += ["figure of unknown achievement %s" % f["achievement_id"] for f in figs if f["achievement_id"] not in by_id]
    keys = Counter((f["achievement_id"], f["set"], f["label"]) for f in figs)
    p += ["figures: duplicate %s" % (k,) for k, n in keys.items() if n > 1]

    def num(v):
        return int(v) if v else 0

    def expect(cond, what):
        if cond:
            notes.append("printed inconsistency kept: " + what)
        else:
            p.append("printed inconsistency missing: " + what)

    hrdf = by_id.get("NGO-HRDF-02", {})
    expect((num(hrdf.get("total")), num(hrdf.get("female")), num(hrdf.get("male"))) == (33, 27, 5),
           "HRDF outreach 33 agriculture migrant workers (27 women and 5 men)")
    zones = [num(f["count"]) for f in figs if f["achievement_id"] == "NGO-LPN-01" and f["set"] == "survey_by_zone"]
    expect(num(by_id.get("NGO-LPN-01", {}).get("total")) == 216 and sum(zones) == 185,
           "LPN headline 216 migrant workers, survey by zone 61 + 64 + 60 = 185")
    la = by_id.get("LA-2021-A03", {})
    expect(la.get("country") == "LA" and la.get("project") == "C204", "Lao PDR achievement citing project C204")
    claims = {(a["partner"], num(a["total"]), num(a["female"])) for a in ach}
    expect(("VSEA", 29, 29) in claims and ("BDCF", 29, 29) in claims,
           "29 female victims credited to both VSEA (summary page) and Blue Dragon")
    for fset, want in (("use", 98), ("usefulness", 99)):
        got = sum(Decimal(f["share"]) for f in figs if f["achievement_id"] == "VN-2021-A08" and f["set"] == fset)
        expect(got == want, "Vietnam TIP Journal survey '%s' shares add to %d%%" % (fset, want))
    lists = defaultdict(list)
    for r in pub:
        if r["section"] == "projects":
            lists[r["row"]].append(r["value"])
    expect("C299" in lists.get("LA", []), "C299 in the printed Lao PDR project list")

    # Every printed table cell equals the reference (which gives the printed form).
    cells = {(r["section"], r["row"], r["column"]): Decimal(r["value"]) for r in pub if r["section"] != "projects"}
    for t in ("table1", "table2", "table3", "table4", "table5"):
        cols = ref[t]["columns"]
        for row, vals in ref[t]["rows"].items():
            for col, v in zip(cols, vals):
                key = (t, row, col)
                if v is None or (t == "table5" and col == "other" and v == 0):
                    if key in cells:
                        p.append("published %s: printed as empty in the report" % (key,))
                    continue
                if cells.pop(key, None) != ref_value(v):
                    p.append("published %s: missing or not %s" % (key, v))
    p += ["published %s: not in the reference" % (k,) for k in cells]
    ref_lists = {k: v for k, v in ref["projects_by_country_2021"].items() if isinstance(v, list)}
    ref_lists["ASEAN"] = ref_lists.pop("ASEAN") + ref_lists.pop("victim_rights_gesi")
    for row, codes in ref_lists.items():
        printed = [("L299" if row == "LA" and c == "C299" else c) for c in lists.get(row, [])]
        if sorted(printed) != sorted(codes):
            p.append("published project list %s: %s, reference %s" % (row, lists.get(row), codes))
    return p, notes


# Bytes-level format: UTF-8 without BOM, LF line ends.
def check_format(directory):
    p = []
    for name in FILES + RESULT_FILES:
        raw = (directory / name).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            p.append("%s: starts with a byte-order mark" % name)
        if b"\r" in raw:
            p.append("%s: has CR characters" % name)
        raw.decode("utf-8")
    return p


# Run every check on the files in directory; print the result; return the exit status.
def main(directory):
    directory = Path(directory)
    if not REFERENCE.exists():
        print("demo data: reference %s not found; nothing to compare" % REFERENCE)
        return 0
    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    d = Data(directory)
    problems = check_format(directory) + check_tables(d, ref) + check_structure(d)
    more, notes = check_people(d)
    problems += more
    more, notes2 = check_feedback(d)
    problems += more
    more, notes3 = check_results(directory, d, ref)
    problems += more
    for n in notes + notes2 + notes3:
        print("note: " + n)
    for pr in problems:
        print("MISMATCH: " + pr)
    if problems:
        print("demo data: %d problem(s)" % len(problems))
        return 1
    print("demo data: all 2021 tables match")
    return 0
