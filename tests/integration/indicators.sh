#!/usr/bin/env bash
# Indicators and the IATI export on the demo programme: the 2021 tracking table agrees
# with the annual report's tables (participants, people trained, % women, capacity
# development events, satisfaction), the report carries the same table under a new key,
# bad indicator files are refused whole, and the IATI file validates against the 2.03
# schema and keeps the main IATI rules (a start date, sector and recipient percentages
# adding to 100, each period starting before it ends).
. "$(dirname "$0")/lib.sh"

db="$TMP/demo.db"
"$ACTIP" import --db "$db" --quiet "$SRCDIR/data/demo" 2>/dev/null || { not_ok "demo imports"; finish; exit 1; }
ok "demo imports"
check "indicators json" "$ACTIP" indicators --db "$db" --year 2021 --format json -o "$TMP/ind.json"
check "report json" "$ACTIP" report --db "$db" --year 2021 --format json -o "$TMP/report.json"
check "indicators md" "$ACTIP" indicators --db "$db" --year 2021 --format md -o "$TMP/ind.md"
check "indicators html" "$ACTIP" indicators --db "$db" --year 2021 --format html -o "$TMP/ind.html"
check "indicators xlsx" "$ACTIP" indicators --db "$db" --year 2021 --format xlsx -o "$TMP/ind.xlsx"
check "indicators half-year" "$ACTIP" indicators --db "$db" --period 2021-H1 --format json -o "$TMP/ind-h1.json"
"$ACTIP" indicators --db "$db" --format md >/dev/null 2>&1
check "indicators without --year is a usage error" [ $? -eq 2 ]

out=$(python3 - "$TMP/ind.json" "$TMP/report.json" "$TMP/ind-h1.json" "$db" <<'PY'
import json, sqlite3, sys
ind = {i["code"]: i for i in json.load(open(sys.argv[1]))["indicators"]}
rep = json.load(open(sys.argv[2]))
h1 = {i["code"]: i for i in json.load(open(sys.argv[3]))["indicators"]}
bad = []
def eq(what, got, want):
    if got != want:
        bad.append(f"{what}: got {got!r}, want {want!r}")
def col(t, row, c):
    return rep[t]["rows"][row][rep[t]["columns"].index(c)]
t3, t4 = "table3", "table4"
# participants and people trained of 2021 equal the Total rows of Tables 3 and 4
eq("participants", ind["IND-1.3"]["actual"]["value"], col(t3, "TOTAL", "total"))
for s in ("female", "male", "other"):
    eq(f"participants {s}", ind["IND-1.3"]["by_sex"][s]["value"], col(t3, "TOTAL", s))
for k, row in rep[t3]["rows"].items():
    if k != "TOTAL":
        eq(f"participants {k}", ind["IND-1.3"]["by_country"][k]["value"], col(t3, k, "total"))
# with a disability: Table 7's totals (attendances that reported one, of the year's
# participants; IND-2.2 is cumulative, so not compared)
dis = sqlite3.connect(sys.argv[4]).execute("SELECT dis_attendances FROM stats_disability"
                                           " WHERE year = 2021 AND country = 'TOTAL'").fetchone()[0]
eq("participants with a disability", ind["IND-1.3"]["disability"]["value"], dis)
eq("% women trained", ind["IND-2.3"]["actual"]["value"], col(t4, "TOTAL", "pct_women"))
eq("women trained", ind["IND-2.3"]["actual"]["numerator"], col(t4, "TOTAL", "female"))
eq("trained", ind["IND-2.3"]["actual"]["denominator"], col(t4, "TOTAL", "total"))
for k in rep[t4]["rows"]:
    if k != "TOTAL":
        eq(f"% women trained {k}", ind["IND-2.3"]["by_country"][k]["value"], col(t4, k, "pct_women"))
# cumulative people trained: 2020 + 2021, each year's distinct persons
eq("cd events", ind["IND-2.1"]["actual"]["value"], col("table2", "TOTAL", "2021"))
eq("satisfied", ind["IND-2.4"]["actual"]["value"], col("table5", "TOTAL", "satisfied_pct"))
eq("improved", ind["IND-2.5"]["actual"]["value"], col("table5", "TOTAL", "improved_learning_pct"))
eq("report key", rep.get("indicator_tracking", {}).get("indicators"), list(ind.values()))
eq("report keeps its keys", [k for k in rep if k != "indicator_tracking"][:6],
   ["year", "table1", "table2", "table3", "table4", "table5"])
# targets: the entered indicator's half-years add to the year, its actuals too
eq("IND-1.2 target", ind["IND-1.2"]["target"], 8)
eq("IND-1.2 actual", ind["IND-1.2"]["actual"]["value"], 9)
eq("IND-1.2 H1 actual", h1["IND-1.2"]["actual"]["value"], 3)
eq("IND-2.2 target = H2 level", ind["IND-2.2"]["target"], 7000)
eq("IND-2.2 H1 target", h1["IND-2.2"]["target"], 1500)
eq("IND-2.2 % achieved", ind["IND-2.2"]["pct_achieved"],
   int(ind["IND-2.2"]["actual"]["value"] * 100 / 7000 + 0.5))
eq("percent recomputed", ind["IND-2.4"]["actual"]["value"],
   int(100 * ind["IND-2.4"]["actual"]["numerator"] / ind["IND-2.4"]["actual"]["denominator"] + 0.5))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
)
if [ $? -eq 0 ]; then ok "2021 tracking table agrees with the report's tables"; else not_ok "2021 tracking table agrees with the report's tables" "$out"; fi

# cumulative people trained = 2020 + 2021 Table 4 totals
t2020=$("$ACTIP" report --db "$db" --year 2020 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["table4"]["rows"]["TOTAL"][3])')
t2021=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["table4"]["rows"]["TOTAL"][3])' "$TMP/report.json")
cum=$(python3 -c 'import json,sys; print([i for i in json.load(open(sys.argv[1]))["indicators"] if i["code"]=="IND-2.2"][0]["actual"]["value"])' "$TMP/ind.json")
check "cumulative people trained = 2020 + 2021 ($t2020 + $t2021 = $cum)" [ "$cum" = $((t2020 + t2021)) ]

# the report's HTML, Markdown and XLSX carry the section
"$ACTIP" report --db "$db" --year 2021 --format html -o "$TMP/r.html"
check "report html has the tracking section" grep -q 'id="indicator-tracking"' "$TMP/r.html"
"$ACTIP" report --db "$db" --year 2021 --format md -o "$TMP/r.md"
check "report md has the tracking section" grep -q '^## Indicator performance tracking' "$TMP/r.md"
"$ACTIP" report --db "$db" --year 2021 --format xlsx -o "$TMP/r.xlsx"
check "report xlsx has the Indicators sheet" /usr/bin/python3 -c '
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Indicators"]
rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True)}
assert rows["IND-1.3"][4] == 8562 and rows["IND-1.3"][6] == 4646, rows["IND-1.3"]
assert rows["IND-1.3"][9] == 149, rows["IND-1.3"]
assert abs(rows["IND-2.3"][4] - rows["IND-2.3"][10] / rows["IND-2.3"][11]) < 1e-7
' "$TMP/r.xlsx"
check "indicators html escapes" bash -c 'grep -q "IND-1.3" "$0" && ! grep -q "<script" "$0"' "$TMP/ind.html"

# bad indicator files: every error located, nothing stored
bad="$TMP/bad"; mkdir -p "$bad"
printf 'code,title,unit,measure\nX1,Good,number,cd_events\nX2,Bad,percent,cd_events\nX3,Wrong,number,pct_satisfied\n' > "$bad/indicators.csv"
printf 'indicator,period,target\nX1,2021-H3,5\n' > "$bad/indicator_targets.csv"
before=$(sqlite3 "$db" 'SELECT count(*) FROM indicator')
err=$("$ACTIP" import --db "$db" "$bad" 2>&1); rc=$?
check "bad indicator files are refused (exit 1)" [ $rc -eq 1 ]
check "unit error located" grep -q "indicators.csv:3: unit: 'percent' is not one of" <<<"$err"
check "measure/unit mismatch located" grep -q "indicators.csv:4: unit: this measure gives a percentage" <<<"$err"
check "period error located" grep -q "indicator_targets.csv:2: period:" <<<"$err"
check "nothing stored" [ "$(sqlite3 "$db" 'SELECT count(*) FROM indicator')" = "$before" ]
printf 'indicator,period,value\nIND-2.3,2021,55\n' > "$TMP/indicator_actuals.csv"
err=$("$ACTIP" import --db "$db" "$TMP/indicator_actuals.csv" 2>&1)
check "a computed indicator's actual cannot be entered" grep -q "computed by the measure" <<<"$err"

# IATI
xsd="${SHARED:-$SRCDIR/../shared}/reference/iati-2.03/iati-activities-schema.xsd"
check "export iati" "$ACTIP" export iati --db "$db" --year 2021 -o "$TMP/iati.xml"
if [ -f "$xsd" ]; then
	v=$(xmllint --noout --schema "$xsd" "$TMP/iati.xml" 2>&1)
	if [ $? -eq 0 ]; then ok "IATI file validates against the 2.03 schema"; else not_ok "IATI file validates against the 2.03 schema" "$(head -20 <<<"$v")"; fi
else
	not_ok "IATI schema present at $xsd"
fi
out=$(python3 - "$TMP/iati.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
bad = []
acts = root.findall("iati-activity")
projects = [a for a in acts if a.get("hierarchy") == "2"]
if root.get("version") != "2.03":
    bad.append("version")
if len(projects) != 43:
    bad.append(f"{len(projects)} project activities, want 43")
for a in acts:
    ident = a.findtext("iati-identifier")
    if not ident.startswith("XM-DAC-801-"):
        bad.append(f"{ident}: identifier not prefixed by the reporting-org ref")
    if not any(d.get("type") in ("1", "2") for d in a.findall("activity-date")):
        bad.append(f"{ident}: no start date")
    for tag in ("sector",):
        total = sum(float(s.get("percentage", "100")) for s in a.findall(tag))
        if abs(total - 100) > 1e-9:
            bad.append(f"{ident}: {tag} percentages add to {total}")
    places = a.findall("recipient-country") + a.findall("recipient-region")
    total = sum(float(p.get("percentage", "100")) for p in places)
    if places and abs(total - 100) > 1e-9:
        bad.append(f"{ident}: recipient percentages add to {total}")
    if not places:
        bad.append(f"{ident}: no recipient country or region")
    for p in a.iter("period"):
        s, e = p.find("period-start").get("iso-date"), p.find("period-end").get("iso-date")
        if not s < e:
            bad.append(f"{ident}: period {s} not before {e}")
    orgs = a.findall("participating-org")
    if not orgs:
        bad.append(f"{ident}: no participating-org")
    for o in orgs:
        if o.get("role") not in ("1", "2", "3", "4"):
            bad.append(f"{ident}: participating-org role {o.get('role')!r}")
        if not (o.findtext("narrative") or "").strip():
            bad.append(f"{ident}: participating-org (role {o.get('role')}) without a name")
        if o.get("role") == "1" and o.get("ref") != "XM-DAC-801":
            bad.append(f"{ident}: funding org ref {o.get('ref')!r}")
    roles = {o.get("role") for o in orgs}
    if not {"1", "4"} <= roles:
        bad.append(f"{ident}: participating-org roles {roles}")
by_id = {a.findtext("iati-identifier"): a for a in acts}
c202 = by_id["XM-DAC-801-C202"]
if c202.find("recipient-country").get("code") != "KH":
    bad.append("C202 recipient country")
a102 = [a for a in projects if a.find("recipient-region") is not None]
if not a102:
    bad.append("no regional project with a recipient-region")
prog = by_id.get("XM-DAC-801-ASEAN-ACT")
if prog is None:
    bad.append("no programme activity")
else:
    vals = [t.find("value").text for t in prog.findall("transaction")]
    if vals != ["3735000", "5736000", "8999000"]:
        bad.append(f"expenditure transactions {vals}")
    # IND-1.3 participants 2021 on the programme: target 9000, actual 8562, female 4646
    for ind in prog.iter("indicator"):
        if ind.find("title/narrative").text.startswith("IND-1.3 "):
            per = [p for p in ind.findall("period") if p.find("period-start").get("iso-date") == "2021-01-01"][0]
            if per.find("target").get("value") != "9000":
                bad.append("IND-1.3 target")
            acts21 = {(x.find("dimension").get("value") if x.find("dimension") is not None else "total"): x.get("value") for x in per.findall("actual")}
            if acts21.get("total") != "8562" or acts21.get("female") != "4646":
                bad.append(f"IND-1.3 actuals {acts21}")
            break
    else:
        bad.append("IND-1.3 not in the programme's results")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
)
if [ $? -eq 0 ]; then ok "IATI rules: start dates, 100% sectors and recipients, periods in order, programme figures"; else not_ok "IATI rules" "$out"; fi
# IATI details another system reads: every number attribute is plain decimal text with
# no or exactly two decimals (54.05, never 54.5 nor 54.050); each indicator's measure is
# 2 (percentage) or 1 (unit) as its unit says; the programme's 2021 actuals, by sex too,
# are the tracking table's numerators over denominators to two decimals; each project's
# planned dates are 1 January of its start year and 31 December of its end year; every
# indicator period is one calendar year.
out=$(python3 - "$TMP/iati.xml" "$TMP/ind.json" "$SRCDIR/data/demo/projects.csv" "$SRCDIR/data/demo/indicators.csv" <<'PY'
import csv, json, re, sys
from decimal import Decimal, ROUND_HALF_UP
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ind = {i["code"]: i for i in json.load(open(sys.argv[2]))["indicators"]}
projects = {r["code"]: r for r in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig"))}
units = {r["code"]: r["unit"] for r in csv.DictReader(open(sys.argv[4], encoding="utf-8-sig"))}
bad, n = [], {"values": 0, "hundredths_0x": 0, "measures": {"1": 0, "2": 0}, "programme": 0, "dates": 0, "periods": 0}
def dec2(num, den):
    q = (Decimal(100) * num / den).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return str(q.quantize(Decimal(1))) if q == q.to_integral() else str(q)
for el in root.iter():
    if el.tag in ("baseline", "target", "actual", "value") or (el.tag == "value" and el.text):
        v = el.get("value") if el.tag != "value" else el.text
        if v is None:
            continue
        n["values"] += 1
        if not re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9][0-9])?", v) or v.endswith(".00"):
            bad.append(f"{el.tag} value {v!r} is not plain decimal text")
        n["hundredths_0x"] += bool(re.fullmatch(r"-?[0-9]+\.0[1-9]", v))
for a in root.findall("iati-activity"):
    ident = a.findtext("iati-identifier")
    for i in a.iter("indicator"):
        code = i.find("title/narrative").text.split(" ")[0]
        want = "2" if units.get(code) == "percentage" else "1"
        n["measures"][i.get("measure")] = n["measures"].get(i.get("measure"), 0) + 1
        if code not in units or i.get("measure") != want:
            bad.append(f"{ident} {code}: measure {i.get('measure')}, unit {units.get(code)}")
        for per in i.findall("period"):
            s, e = per.find("period-start").get("iso-date"), per.find("period-end").get("iso-date")
            n["periods"] += 1
            if not (s.endswith("-01-01") and e == s[:4] + "-12-31"):
                bad.append(f"{ident} {code}: period {s} to {e} is not one calendar year")
    code = ident.split("-")[-1]
    if a.get("hierarchy") == "2" and code in projects:
        p = projects[code]
        dates = {d.get("type"): d.get("iso-date") for d in a.findall("activity-date")}
        if p["start_year"]:
            n["dates"] += 1
            if dates.get("1") != p["start_year"] + "-01-01":
                bad.append(f"{ident}: planned start {dates.get('1')}, start_year {p['start_year']}")
        if p["end_year"]:
            n["dates"] += 1
            if dates.get("3") != p["end_year"] + "-12-31":
                bad.append(f"{ident}: planned end {dates.get('3')}, end_year {p['end_year']}")
prog = [a for a in root.findall("iati-activity") if a.findtext("iati-identifier") == "XM-DAC-801-ASEAN-ACT"][0]
for i in prog.iter("indicator"):
    code = i.find("title/narrative").text.split(" ")[0]
    per = [p for p in i.findall("period") if p.find("period-start").get("iso-date") == "2021-01-01"]
    t = ind[code]
    if not per or t["actual"] is None:
        continue
    got = {(x.find("dimension").get("value") if x.find("dimension") is not None else "total"): x.get("value")
           for x in per[0].findall("actual")}
    want = {"total": t["actual"]}
    want.update(t.get("by_sex") or {})
    for k, w in want.items():
        if w is None:
            continue
        exp = dec2(w["numerator"], w["denominator"]) if t["unit"] == "percentage" else str(w["value"])
        n["programme"] += 1
        if got.get(k) != exp:
            bad.append(f"programme {code} {k}: {got.get(k)!r}, want {exp!r}")
if n["values"] < 100 or n["hundredths_0x"] == 0 or min(n["measures"]["1"], n["measures"]["2"]) == 0 \
        or n["programme"] < 10 or n["dates"] < 40 or n["periods"] < 50:
    bad.append(f"too little seen: {n}")
print("\n".join(bad[:20]) if bad else json.dumps(n))
sys.exit(1 if bad else 0)
PY
)
if [ $? -eq 0 ]; then ok "IATI details: decimals, measures, programme actuals, planned dates, periods ($out)"; else not_ok "IATI details: decimals, measures, programme actuals, planned dates, periods" "$out"; fi
sqlite3 "$db" "DELETE FROM setting WHERE key = 'iati_reporting_org_ref'"
"$ACTIP" export iati --db "$db" --year 2021 -o "$TMP/x.xml" 2>"$TMP/err"; rc=$?
check "export refuses without a reporting-org ref (exit 1)" [ $rc -eq 1 ]
check "and says which setting" grep -q iati_reporting_org_ref "$TMP/err"
check "and leaves no file" [ ! -e "$TMP/x.xml" ]
finish
