#!/usr/bin/env bash
# The whole annual report on the demo data: the HTML, XLSX and CSV forms agree with the
# JSON form (report_check.py), the Markdown has every section, text from the records is
# escaped in HTML and guarded against formula injection in CSV and XLSX, and the HTML
# fetches nothing.
source "$(dirname "$0")/lib.sh"

db="$TMP/demo.db"
"$ACTIP" import -q --db "$db" "$SRCDIR/data/demo" >/dev/null 2>&1
check "demo imports" [ $? = 0 ]
for f in json md html xlsx; do
	"$ACTIP" report --db "$db" --year 2021 --format $f -o "$TMP/r.$f"
	check "report $f: exit 0, file not empty" [ $? = 0 -a -s "$TMP/r.$f" ]
done
"$ACTIP" report --db "$db" --year 2021 --format csv -o "$TMP/csv"
check "report csv: exit 0, seven files" [ $? = 0 -a "$(find "$TMP/csv" -name '*.csv' -size +0 | wc -l)" = 7 ]
# Debian's python3 has openpyxl (python3-openpyxl); a python3 earlier on PATH may not.
PY=/usr/bin/python3
out=$($PY "$SRCDIR/tests/integration/report_check.py" "$TMP/r.json" "$TMP/r.html" "$TMP/r.xlsx" "$TMP/csv" 2>&1)
if [ $? = 0 ]; then ok "html, xlsx and csv agree with json"; else not_ok "html, xlsx and csv agree with json" "$out"; fi

sentence='Of the 34 multi-year projects in six countries, 13 completed planned activities in 2021, 15 partly completed planned activities, five experienced some delays and one experienced major delay.'
check "html: the project-status sentence of the seed" grep -qF "$sentence" "$TMP/r.html"
check "md: the project-status sentence" grep -qF "$sentence" "$TMP/r.md"
check "md: the status table's national row counts the sentence's 34 projects (13, 15, 5, 1)" \
	grep -qxF '| **National projects** | 13 | 15 | 5 | 1 | – | – | 34 |' "$TMP/r.md"
check "md: and all 43 projects, with the 9 regional ones" bash -c \
	"grep -qxF '| Regional projects | 3 | 4 | 2 | – | – | – | 9 |' '$TMP/r.md' && grep -qxF '| **All projects** | 16 | 19 | 7 | 1 | – | – | 43 |' '$TMP/r.md'"
for f in md html; do
	check "$f annex: plain sentences of what was checked" grep -qF 'The numbers of women, men and others add up to each total.' "$TMP/r.$f"
	check "$f annex: no rule codes, no PRAGMA" bash -c "! grep -qE 'PRAGMA|integrity_check|count-parts|share_tolerance' '$TMP/r.$f'"
done
# Trends: each year as that year's own report counts it.
check "md: trends, 2021 as this report counts it" \
	grep -qxF '| 2021 | 368 | 8,562 | 4,761 | 98 | USD 8,999,000 |' "$TMP/r.md"
"$ACTIP" report --db "$db" --year 2020 --format json -o "$TMP/r2020.json"
want=$($PY -c 'import json, sys; t = json.load(open(sys.argv[1])); print("{:,} | {:,}".format(t["table3"]["rows"]["TOTAL"][3], t["table4"]["rows"]["TOTAL"][3]))' "$TMP/r2020.json")
check "md: trends, 2020 as the 2020 report counts it ($want)" grep -qE "^\| 2020 \| [0-9,]+ \| $want \| " "$TMP/r.md"
check "html: Cambodia's profile numbers" grep -q '<b>1,057</b>\|with 1,057 participants (36% women)' "$TMP/r.html"
for h in '## Project status in 2021' '## Regional progress' '## Progress by country' '### Cambodia' \
	 '## NGO partners and their results' '### Labour Protection Network' '## Selected indicator results' \
	 '## Expenditure by year' '## Annex: data quality'; do
	check "md: section '$h'" grep -qxF "$h" "$TMP/r.md"
done
# the report's four figures, the trends and four of the three surveys (one on two scales)
check "html: nine inline SVG figures with titles" [ "$(grep -c '<svg class="chart"[^>]*role="img"' "$TMP/r.html")" = 9 ]
check "html: nothing fetched" bash -c "[ -s '$TMP/r.html' ] && ! grep -qiE '(src|srcset|poster|data)=\"(https?:)?//|<link[^>]+href=|@import|url\\((https?:)?//' '$TMP/r.html'"
check "html: achievement Markdown rendered" grep -q '<li id="ach-NGO-LPN-01"><div class="md"><p>' "$TMP/r.html"
check "annex: the seven known inconsistencies" bash -c "grep -c 'count-parts\\|achievement-country\\|published-list\\|feedback-sex\\|share-sum\\|figure-parts\\|published-cell\\|double-claim' '$TMP/csv/quality.csv' | grep -qx 11"
out=$($PY "$SRCDIR/tests/integration/xlsx_print_check.py" report "$TMP/r.xlsx" "$TMP/r.json" 2>&1)
check "xlsx: every sheet prints on A4 fitted to width with its header repeated; status and expenditure sheets; a sheet per country profile ($out)" [ $? = 0 ]
"$ACTIP" report --db "$db" --year 2021 --format xlsx >/dev/null 2>&1; st=$?
check "xlsx without -o is a usage error" [ "$st" = 2 ]

# An outcome under an outcome still counts: O2.1 moved under O2.6 keeps its row and its
# 28 achievements in the EOPO2 table (it vanished before).
cp "$db" "$TMP/deep.db"
sqlite3 "$TMP/deep.db" "UPDATE framework SET parent = 'O2.6' WHERE code = 'O2.1'"
"$ACTIP" report --db "$TMP/deep.db" --year 2021 --format md -o "$TMP/deep.md"
check "md: O2.1 under O2.6 keeps its row and 28 achievements" \
	grep -qx '| O2.1 Justice agency partners are developing sustainable ACTIP-aligned initiatives | 28 |' "$TMP/deep.md"
check "md: and the same regional achievements under EOPO2" \
	[ "$(sed -n '/^### EOPO2/,/^### EOPO3/p' "$TMP/deep.md" | grep -c '^- ')" = "$(sed -n '/^### EOPO2/,/^### EOPO3/p' "$TMP/r.md" | grep -c '^- ')" ]

# Hostile text from the records.
evil='achievement_id,country,date,text,total\nX1,KH,2021-05-01,"=HYPERLINK(""http://evil.example"") <script>alert(1)</script> ![p](http://evil.example/p.png)",3\nX2,KH,2021-05-02,@SUM(A1) plain,\nX3,KH,2021-05-03,"-2+3",\nX4,KH,2021-05-04,"+cmd|calc",\n'
printf "$evil" > "$TMP/achievements.csv"
"$ACTIP" import -q --db "$db" "$TMP/achievements.csv" >/dev/null
check "hostile achievements import" [ $? = 0 ]
"$ACTIP" report --db "$db" --year 2021 --format html -o "$TMP/e.html"
check "hostile report html: exit 0" [ $? = 0 -a -s "$TMP/e.html" ]
"$ACTIP" report --db "$db" --year 2021 --format xlsx -o "$TMP/e.xlsx"
check "hostile report xlsx: exit 0" [ $? = 0 -a -s "$TMP/e.xlsx" ]
"$ACTIP" report --db "$db" --year 2021 --format csv -o "$TMP/ecsv"
check "hostile report csv: exit 0" [ $? = 0 -a -s "$TMP/ecsv/achievements.csv" ]
check "html: the hostile achievement is shown, as text" grep -qF '<li id="ach-X1"><div class="md"><p>=HYPERLINK(&quot;http://evil.example&quot;) ' "$TMP/e.html"
check "html: its script's text is there, not the element" bash -c "grep -q '<li id=\"ach-X1\">.*alert(1)' '$TMP/e.html' && ! grep -q '<script>alert' '$TMP/e.html'"
check "html: no image fetched from the records" bash -c "grep -q '<li id=\"ach-X1\">.* p</p>' '$TMP/e.html' && ! grep -q 'evil.example/p.png' '$TMP/e.html'"
check "csv: formula cells get a leading quote" bash -c "grep -qF 'X1,KH,,,,3,,,,\"'\''=HYPERLINK(' '$TMP/ecsv/achievements.csv' && grep -qF 'X2,KH,,,,,,,,\"'\''@SUM(A1) plain\"' '$TMP/ecsv/achievements.csv'"
out=$($PY - "$TMP/e.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Achievements"]
texts = {r[0]: r[9] for r in ws.iter_rows(min_row=4, values_only=True)}
bad = [k for k in ("X1", "X2", "X3", "X4") if not str(texts.get(k, "")).startswith("'")]
cells = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
print("unguarded:", bad, "formulas:", len(cells)) if bad or cells else print("ok")
PY
)
check "xlsx: formula cells get a leading quote, none is a formula" [ "$out" = ok ]

# The Markdown writer neutralises what the HTML writer does: raw HTML, javascript: and
# data: links, images; control characters (ESC c resets a terminal) reach no text output.
md='achievement_id,country,date,text\nM1,KH,2021-06-01,"Raw <img src=x onerror=alert(1)> and a [trap](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [fine](https://asean.org/) and ![pic](http://evil.example/m.png) end"\nM2,KH,2021-06-02,"<div onclick=x>block html</div>"\nM3,KH,2021-06-03,"Reset\033c and bell\a here"\n'
mkdir -p "$TMP/mdach"
printf "$md" > "$TMP/mdach/achievements.csv"
"$ACTIP" import -q --db "$db" "$TMP/mdach/achievements.csv" >/dev/null
"$ACTIP" report --db "$db" --year 2021 --format md -o "$TMP/e.md"
check "md: the report was written with the achievements" bash -c "grep -q 'and a trap and data and' '$TMP/e.md'"
check "md: no raw HTML tag (escaped as text)" bash -c "! grep -qE '(^|[^\\\\])<(img|div)' '$TMP/e.md' && grep -qF '\\<img src=x' '$TMP/e.md'"
check "md: no javascript: or data: link" bash -c "! grep -qE '\\]\\((javascript|data):' '$TMP/e.md'"
check "md: a safe link stays a link" grep -qF '[fine](https://asean.org/)' "$TMP/e.md"
check "md: no image fetched" bash -c "! grep -q 'evil.example/m.png' '$TMP/e.md'"
check "md: no control characters" bash -c "! LC_ALL=C grep -q \$'[\\x01-\\x08\\x0b-\\x1f\\x7f]' '$TMP/e.md' && grep -q 'Resetc and bell here' '$TMP/e.md'"
"$ACTIP" report --db "$db" --year 2021 --format html -o "$TMP/e2.html"
check "html: the same neutralised text" bash -c "grep -q 'and a trap and data and <a href=\"https://asean.org/\">fine</a>' '$TMP/e2.html' && ! grep -q 'javascript:' '$TMP/e2.html'"

finish
