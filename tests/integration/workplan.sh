#!/usr/bin/env bash
# The work-plan monitoring end to end: the demo work plan regenerates identically, imports
# (twice, changing nothing the second time), and its 2020-H2 report (JSON, HTML, Markdown)
# and mid-term and final reviews (JSON, HTML) equal the golden files under
# tests/fixtures/workplan byte for byte. Usage errors exit 2, an unknown plan 1.
# To accept new output after a deliberate change: UPDATE_GOLDEN=1 tests/integration/workplan.sh
. "$(dirname "$0")/lib.sh"

WP="$SRCDIR/data/demo/workplan"
GOLD="$FIX/workplan"
PLAN=BOHOL-2017-2020

python3 "$WP/generate.py" "$TMP/regen" >/dev/null
check "demo work-plan CSV files present" [ "$(ls "$WP"/*.csv | wc -l)" -ge 5 ]
for f in "$WP"/*.csv; do
	check "regenerated $(basename "$f") is identical" cmp -s "$f" "$TMP/regen/$(basename "$f")"
done

db="$TMP/wp.db"
"$ACTIP" import --db "$db" --quiet "$WP" || { not_ok "demo work plan imports"; finish; exit 1; }
ok "demo work plan imports"
dump "$db" > "$TMP/first.sql"
"$ACTIP" import --db "$db" --quiet "$WP"
dump "$db" > "$TMP/second.sql"
check "re-import changes nothing" cmp -s "$TMP/first.sql" "$TMP/second.sql"

run() { # NAME ARGS...: writes $TMP/NAME, a check that it did
	local name=$1; shift
	"$ACTIP" workplan "$@" --db "$db" --plan "$PLAN" -o "$TMP/$name"
	check "$name: exit 0, file not empty" [ $? = 0 -a -s "$TMP/$name" ]
}
run report-2020-H2.json report --period 2020-H2 --format json
run report-2020-H2.html report --period 2020-H2 --format html
run report-2020-H2.md report --period 2020-H2 --format md
run midterm.json review --kind midterm --format json
run midterm.html review --kind midterm --format html
run final.json review --kind final --format json
run final.html review --kind final --format html
for f in report-2020-H2.json report-2020-H2.html report-2020-H2.md midterm.json midterm.html final.json final.html; do
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$TMP/$f" "$GOLD/$f"; fi
	if cmp -s "$GOLD/$f" "$TMP/$f"; then ok "golden $f"; else not_ok "golden $f" "$(diff "$GOLD/$f" "$TMP/$f" | head -20)"; fi
done

# The numbers of the spec's JSON keys, as make demo prints them.
check "2020-H2 rates" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
want = {"active": 30, "expected": 28, "received": 26, "on_time": 19, "completeness_pct": 92.9,
        "timeliness_pct": 67.9, "implementation_rate_pct": 93.3, "completion_rate_pct": 73.3}
sys.exit(0 if all(d[k] == v for k, v in want.items()) else 1)' "$TMP/report-2020-H2.json"

# Every field of a line, the consultation's late inputs and silent bodies, and the
# decisions of a meeting tied to no plan (the steering committee of 2021-12-07).
md="$TMP/report-2020-H2.md"
check "matrix: a line's indicator and target are printed" grep -q 'Published regional study<br>Indicator: Study published and disseminated<br>Target: 1 study by 2018 |' "$md"
check "json: a line's indicator, target and outcome" python3 -c '
import json, sys
l = json.load(open(sys.argv[1]))["lines"][0]
sys.exit(0 if (l["indicator"], l["target"], l["outcome"]) == ("Study published and disseminated", "1 study by 2018", None) else 1)' "$TMP/report-2020-H2.json"
check "consultation: the input after the deadline is flagged" grep -q '| 2017-02-03<br>(late: due 2017-01-31) | SOMHD |' "$md"
check "consultation: how many were late" grep -q 'Inputs were due by 2017-01-31; 1 of 8 came later.' "$md"
check "consultation: the bodies that sent none" grep -q 'sent no input on the draft: ASEC, ASLOM.' "$md"
check "2020-H2: the steering committee of 2021 is not in it yet" bash -c "! grep -q 'Steering Committee' '$md'"
"$ACTIP" workplan report --db "$db" --plan "$PLAN" --period 2021-H2 --format md -o "$TMP/r21.md"
check "2021-H2: the decisions of the meeting tied to no plan are listed" grep -q '^| Third Regional Program Steering Committee meeting (ASEAN-ACT)<br>2021-12-07 | 1 | To bring' "$TMP/r21.md"
check "2021-H2: and not counted among the plan's" grep -q 'their 2 decisions up to the end of 2021-H2 are listed here and not counted above: 0 are overdue' "$TMP/r21.md"
"$ACTIP" workplan report --db "$db" --plan "$PLAN" --period 2022-H2 --format json -o "$TMP/r22.json"
check "2022-H2 json: other_meetings holds them, one overdue" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["follow_up"]
o = f["other_meetings"]
sys.exit(0 if [(x["meeting"], x["no"], x["overdue"]) for x in o] == [("RPSC-2021-12", 1, True), ("RPSC-2021-12", 2, False)] and all(x["meeting"] != "RPSC-2021-12" for x in f["decisions"]) else 1)' "$TMP/r22.json"

"$ACTIP" workplan report --db "$db" --plan "$PLAN" --period 2020-H2 --format xlsx -o "$TMP/r.xlsx"
check "xlsx written (a zip file)" bash -c "head -c 2 '$TMP/r.xlsx' | grep -q PK"
out=$(/usr/bin/python3 "$SRCDIR/tests/integration/xlsx_print_check.py" workplan "$TMP/r.xlsx" 2>&1)
check "xlsx: rates as numbers in % format, none as text; A4 landscape, headers repeated ($out)" [ $? = 0 ]
check "html: self-contained" bash -c "grep -q '<table' '$TMP/report-2020-H2.html' && ! grep -qiE '(src|href)=\"(https?:)?//' '$TMP/report-2020-H2.html'"

"$ACTIP" workplan report --db "$db" --plan "$PLAN" --period 2020-H3 >/dev/null 2>&1
check "bad period: exit 2" [ $? -eq 2 ]
"$ACTIP" workplan review --db "$db" --plan "$PLAN" >/dev/null 2>&1
check "review without --kind: exit 2" [ $? -eq 2 ]
"$ACTIP" workplan report --db "$db" --plan "$PLAN" --period 2020-H2 --format xlsx >/dev/null 2>&1
check "xlsx to stdout: exit 2" [ $? -eq 2 ]
"$ACTIP" workplan report --db "$db" --plan NOPE --period 2020-H2 >/dev/null 2>"$TMP/err"
check "unknown plan: exit 1" [ $? -eq 1 ]
check "unknown plan: names the stored plans" grep -q "stored: $PLAN" "$TMP/err"

# Hostile text is escaped in every format.
mkdir -p "$TMP/evil"
printf 'code,name,kind\nX,"<script>alert(1)</script> | *x*",organ\n' > "$TMP/evil/bodies.csv"
printf 'plan,title,start_year,end_year\nE,"<b>Plan</b>",2020,2020\n' > "$TMP/evil/plans.csv"
printf 'item_id,plan,pillar,activity,lead_body\nE1,E,prevention,"=cmd|<img src=x onerror=alert(1)>",X\n' > "$TMP/evil/workplan.csv"
"$ACTIP" import --db "$TMP/evil.db" --quiet "$TMP/evil"
check "hostile work plan imports" [ $? = 0 ]
"$ACTIP" workplan report --db "$TMP/evil.db" --plan E --period 2020-H1 --format html > "$TMP/evil.html"
check "hostile work plan: html written" [ $? = 0 -a -s "$TMP/evil.html" ]
check "html escapes data" bash -c "[ -s '$TMP/evil.html' ] && ! grep -q '<script>alert\|<img src=x\|<b>Plan' '$TMP/evil.html'"
for shown in '&lt;script&gt;alert(1)&lt;/script&gt; | *x*' '=cmd|&lt;img src=x onerror=alert(1)&gt;' '&lt;b&gt;Plan&lt;/b&gt;'; do
	check "html shows the escaped text: $shown" grep -qF "$shown" "$TMP/evil.html"
done
"$ACTIP" workplan report --db "$TMP/evil.db" --plan E --period 2020-H1 --format json | python3 -c '
import json, sys
d = json.dumps(json.load(sys.stdin), ensure_ascii=False)
sys.exit(0 if "=cmd|<img src=x onerror=alert(1)>" in d else 1)'
check "json stays valid and carries the text as typed" [ $? -eq 0 ]
# The on-time window comes from the setting on_time_days unless --on-time-days is given.
on_time() { python3 -c 'import json,sys; print(json.load(sys.stdin)["on_time"])'; }
a=$("$ACTIP" workplan report --db "$db" --plan BOHOL-2017-2020 --period 2020-H2 --format json | on_time)
b=$("$ACTIP" workplan report --db "$db" --plan BOHOL-2017-2020 --period 2020-H2 --on-time-days 0 --format json | on_time)
cp "$db" "$TMP/set.db"
printf 'key,value\non_time_days,0\n' > "$TMP/settings.csv"
"$ACTIP" import --db "$TMP/set.db" --quiet "$TMP/settings.csv"
c=$("$ACTIP" workplan report --db "$TMP/set.db" --plan BOHOL-2017-2020 --period 2020-H2 --format json | on_time)
d=$("$ACTIP" workplan report --db "$TMP/set.db" --plan BOHOL-2017-2020 --period 2020-H2 --on-time-days 30 --format json | on_time)
check "setting on_time_days narrows the window ($a on time at 30 days, $c at 0)" [ "$c" = "$b" -a "$c" -lt "$a" ]
check "--on-time-days overrides the setting" [ "$d" = "$a" ]

# A status note with terminal control sequences (ESC c resets a terminal, BEL, a C1 CSI)
# reaches no text output; the note's words do.
mkdir -p "$TMP/ctl"
printf 'item_id,period,body,status,note,reported_on\nBTWP-01,2020-H2,SOMTC,ongoing,"Zqnote \033c reset \a bell \302\233 csi",2021-01-10\n' >"$TMP/ctl/workplan_status.csv"
"$ACTIP" import --db "$db" --quiet "$TMP/ctl/workplan_status.csv"
check "the note with control characters is stored" [ "$(sqlite3 "$db" "SELECT count(*) FROM wp_status WHERE note LIKE 'Zqnote%'")" = 1 ]
"$ACTIP" workplan report --db "$db" --plan "$PLAN" --period 2020-H2 --format md >"$TMP/ctl.md"
check "md: the note is there" grep -q 'Zqnote' "$TMP/ctl.md"
check "md: no control character" bash -c "! LC_ALL=C grep -q \$'[\\x01-\\x08\\x0b-\\x1f\\x7f]\\|\\xc2[\\x80-\\x9f]' '$TMP/ctl.md'"

finish
