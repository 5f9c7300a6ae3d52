#!/usr/bin/env bash
# The report's narrative: per year, the document information, foreword, about and
# contact texts (Markdown) and the abbreviations, from narrative.csv and
# abbreviations.csv, in every format and in the report's order; Markdown rendered
# (emphasis, lists) and neutralised (raw HTML shown as text, a javascript: link reduced
# to its words); another year's texts left out; an unknown section refused with its
# position.
source "$(dirname "$0")/lib.sh"

db="$TMP/n.db"
mkdir -p "$TMP/in"
cat >"$TMP/in/narrative.csv" <<'CSV'
year,section,text
2021,foreword,"A **hard** year.

- first point
- second point"
2021,about,"About us <script>alert(1)</script> and [a link](javascript:alert(1))."
2021,contact,Write to <info@example.org>.
2020,foreword,Last year's foreword.
CSV
cat >"$TMP/in/abbreviations.csv" <<'CSV'
year,abbreviation,meaning
2021,TIP,trafficking in persons
2021,ACWC,ASEAN Commission on the Promotion and Protection of the Rights of Women and Children
2020,OLD,an old one
CSV
"$ACTIP" import -q --db "$db" "$TMP/in" >"$TMP/imp.out" 2>&1; st=$?
check "fixture imports" [ "$st" = 0 ]
[ "$st" = 0 ] || cat "$TMP/imp.out"
for f in md html docx; do
	"$ACTIP" report --db "$db" --year 2021 --format $f -o "$TMP/r.$f" 2>/dev/null
	check "report written ($f)" [ -s "$TMP/r.$f" ]
done

# Markdown: the sections in order, document information absent (none written).
grep '^## ' "$TMP/r.md" >"$TMP/heads"
check "md: foreword, about, the ACTIP and abbreviations first, contact last" bash -c \
	"head -4 '$TMP/heads' | tr '\n' '|' | grep -qx '## Foreword|## About the programme|## About the ACTIP|## Abbreviations|' &&
	 tail -1 '$TMP/heads' | grep -qx '## Contact'"
check "md: no document information section" bash -c "! grep -q '^## Document information' '$TMP/r.md'"
check "md: emphasis and list kept" bash -c "grep -qxF 'A **hard** year.' '$TMP/r.md' && grep -qxF '  - first point' '$TMP/r.md'"
check "md: abbreviations in order" bash -c \
	"grep -A3 '^| Abbreviation | Meaning |' '$TMP/r.md' | tail -2 | cut -d'|' -f2 | tr -d ' \n' | grep -qx 'ACWCTIP'"
check "md: another year's texts left out" bash -c "! grep -q -e \"Last year's\" -e 'an old one' '$TMP/r.md'"
check "html: rendered Markdown" bash -c \
	"grep -q '<strong>hard</strong>' '$TMP/r.html' && grep -q '<li>first point</li>' '$TMP/r.html'"
check "html: raw HTML shown as text, no script" bash -c \
	"grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' '$TMP/r.html' && ! grep -q '<script>alert' '$TMP/r.html'"
check "html: no javascript: link" bash -c "! grep -qi 'href=\"javascript:' '$TMP/r.html'"
check "docx: the foreword's text and a bold run" bash -c \
	"unzip -p '$TMP/r.docx' word/document.xml | grep -q '<w:b/></w:rPr><w:t[^>]*>hard</w:t>'"
check "docx: the contact section" bash -c \
	"unzip -p '$TMP/r.docx' word/document.xml | grep -q 'info@example.org'"

# An unknown section: refused where it is, nothing stored.
before=$(dump "$db")
printf 'year,section,text\n2021,preface,Hello\n' >"$TMP/bad.csv"
"$ACTIP" import -q --db "$db" --template narrative "$TMP/bad.csv" >"$TMP/bad.out" 2>&1; st=$?
check "an unknown section fails" [ "$st" != 0 ]
check "its position" grep -q "bad.csv:2: section:" "$TMP/bad.out"
check "nothing stored" [ "$(dump "$db")" = "$before" ]

# About the ACTIP: the built-in obligations, paragraphs of one article after the first
# refer to it; without a work plan no line column.
check "md: ACTIP obligations by article and paragraph" bash -c \
	"grep -q '^| 14(6) | Protect victims' '$TMP/r.md' && grep -q '^| 16(7) | ' '$TMP/r.md'"
check "md: no work plan, no work-plan lines" bash -c \
	"grep -q 'No work plan is recorded' '$TMP/r.md' && ! grep -q 'Work-plan lines' '$TMP/r.md'"
# With a plan: its lines citing each article, merged for 8 and 9, "as above" for 14(4).
mkdir -p "$TMP/wp"
printf 'code,name,kind\nSOMTC,SOMTC,sectoral_body\n' >"$TMP/wp/bodies.csv"
printf 'plan,title,start_year,end_year\nWP-1,Test plan,2019,2021\n' >"$TMP/wp/plans.csv"
printf 'item_id,plan,pillar,activity,lead_body,actip_articles\nL1,WP-1,protection,Train,SOMTC,14;9\nL2,WP-1,law_enforcement,Review,SOMTC,8\nL3,WP-1,protection,Privacy guide,SOMTC,14(6);14(6)\n' >"$TMP/wp/workplan.csv"
"$ACTIP" import -q --db "$db" "$TMP/wp" >"$TMP/wp.out" 2>&1 || cat "$TMP/wp.out"
"$ACTIP" report --db "$db" --year 2021 --format md -o "$TMP/r2.md" 2>/dev/null
check "md: lines by article" bash -c \
	"grep -q '^| 8, 9 | .* | L2; L1 |$' '$TMP/r2.md' && grep -q '^| 14(1), 14(2) | .* | L1 |$' '$TMP/r2.md' &&
	 grep -q '^| 14(4) | .* | as above |$' '$TMP/r2.md' && grep -q '^| 5 | .* | – |$' '$TMP/r2.md' &&
	 grep -q '^| 14(6) | .* | as above; L3 |$' '$TMP/r2.md' && grep -q '^| 14(7) | .* | as above |$' '$TMP/r2.md'"
printf 'item_id,plan,pillar,activity,lead_body,actip_articles\nL4,WP-1,protection,Bad,SOMTC,14(6;32\n' >"$TMP/wpbad.csv"
"$ACTIP" import -q --db "$db" --template workplan "$TMP/wpbad.csv" >"$TMP/wpbad.out" 2>&1
check "a malformed or unknown article refused with its position" bash -c \
	"grep -q \"wpbad.csv:2: actip_articles: '14(6' is not an ACTIP article\" '$TMP/wpbad.out' &&
	 grep -q \"wpbad.csv:2: actip_articles: '32' is not an ACTIP article\" '$TMP/wpbad.out'"

# Theory of change: the framework from the goal down, at any depth, projects beside
# (Annex 1's table), and drawn: a diagram per end-of-programme outcome.
mkdir -p "$TMP/fw"
printf 'code,level,parent,title\nG,goal,,Goal\nE2,eopo,G,End two\nO2.6,intermediate,E2,Middle\nO2.1,immediate,O2.6,Deep\nK1,cluster,O2.1,Cluster\nF1,foundational,K1,Groundwork\n' >"$TMP/fw/framework.csv"
printf 'code,title,country,outcomes\nC1,Project one,KH,O2.1\n' >"$TMP/fw/projects.csv"
printf 'project,year,status\nC1,2021,completed\n' >"$TMP/fw/project_status.csv"
"$ACTIP" import -q --db "$db" "$TMP/fw" >"$TMP/fw.out" 2>&1 || cat "$TMP/fw.out"
"$ACTIP" report --db "$db" --year 2021 --format md -o "$TMP/r3.md" 2>/dev/null
sed -n '/^## Annex 1: results framework/,/^## /p' "$TMP/r3.md" | grep '^| ' | tail -6 | head -4 | cut -d'|' -f2,4 | sed 's/\xe2\x80\x83/>/g; s/\*//g; s/  */ /g' >"$TMP/toc"
check "theory of change at any depth, projects beside ($(tr '\n' '/' <"$TMP/toc"))" bash -c \
	"printf ' G Goal | – \n >E2 End two | – \n >>O2.6 Middle | – \n >>>O2.1 Deep | C1 \n' | diff -q - '$TMP/toc' >/dev/null"
check "framework levels of Annex 1: a project cluster and a foundational activity" bash -c \
	"grep -q '^| .*K1 Cluster | Project cluster | ' '$TMP/r3.md' && grep -q '^| .*F1 Groundwork | Foundational activity | ' '$TMP/r3.md'"
check "an outcome under an intermediate outcome keeps its place under its EOPO" \
	bash -c "sed -n '/^### E2/,/^## /p' '$TMP/r3.md' | grep -q '^| O2.1 Deep |'"
# The diagram: in the HTML the goal, then E2, then each level under it indented further
# (its box's x grows), the projects in O2.1's box; in the DOCX an image under its caption.
"$ACTIP" report --db "$db" --year 2021 --format html -o "$TMP/r3.html" 2>/dev/null
"$ACTIP" report --db "$db" --year 2021 --format docx -o "$TMP/r3.docx" 2>/dev/null
check "html: the theory of change drawn, nested by level, projects in their box" python3 - "$TMP/r3.html" <<'PY'
import re, sys
h = open(sys.argv[1]).read()
m = re.search(r'<figure class="chart" id="fig-theory-1">.*?</figure>', h, re.S)
svg = m.group(0) if m else ""
boxes = re.findall(r'<rect x="([\d.]+)" y="([\d.]+)"[^>]*/>\s*<text[^>]*><tspan font-weight="bold">([^<]+)</tspan>', svg)
codes = [c for _, _, c in boxes]
xs = [float(x) for x, _, _ in boxes]
ys = [float(y) for _, y, _ in boxes]
print(codes, xs)
ok = (codes == ["G", "E2", "O2.6", "O2.1", "K1", "F1"] and xs[1] < xs[2] < xs[3] < xs[4] < xs[5]
      and ys == sorted(ys) and "Projects: C1" in svg and "Theory of change: E2" in svg
      and 'font-size="13"' in svg)
sys.exit(not ok)
PY
check "docx: the theory of change as an image under its caption" /usr/bin/python3 - "$TMP/r3.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
ps = d.paragraphs
i = next(k for k, p in enumerate(ps) if "Theory of change: E2" in p.text)
sys.exit(not ps[i + 1]._p.xpath(".//a:blip"))
PY

# Projects cite ACTIP articles too: About the ACTIP lists the year's projects (those with
# a status in 2021) serving each article or paragraph, beside the work-plan lines, in
# every format; a project without a status that year is left out.
mkdir -p "$TMP/pa"
printf 'code,title,country,outcomes,actip_articles\nC1,Project one,KH,O2.1,5;14(6)\nC2,Project two,TH,,14(6);16\n' >"$TMP/pa/projects.csv"
"$ACTIP" import -q --db "$db" "$TMP/pa" >"$TMP/pa.out" 2>&1 || cat "$TMP/pa.out"
for f in md html docx; do
	"$ACTIP" report --db "$db" --year 2021 --format $f -o "$TMP/r4.$f" 2>/dev/null
done
check "md: projects by article, beside the work-plan lines" bash -c \
	"grep -q '^| Article | Obligation | Work-plan lines | Projects |$' '$TMP/r4.md' &&
	 grep -q '^| 5 | .* | – | C1 |$' '$TMP/r4.md' && grep -q '^| 14(6) | .* | as above; L3 | C1 |$' '$TMP/r4.md' &&
	 grep -q '^| 16(1), 16(6) | .* | – | – |$' '$TMP/r4.md'"
check "html: the projects column" bash -c \
	"sed -n '/id=\"actip\"/,/<\/section>/p' '$TMP/r4.html' | grep -q '<th[^>]*>Projects</th>'"
check "docx: the projects column" /usr/bin/python3 - "$TMP/r4.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
for t in d.tables:
    head = [c.text for c in t.rows[0].cells]
    if head[:2] == ["Article", "Obligation"]:
        rows = {r.cells[0].text: [c.text for c in r.cells] for r in t.rows[1:]}
        sys.exit(not (head[-1] == "Projects" and rows["5"][-1] == "C1"))
sys.exit(1)
PY
check "the projects' articles are kept as written" \
	[ "$(sqlite3 "$db" "SELECT group_concat(article || paragraph, ' ') FROM (SELECT * FROM project_article ORDER BY project, article, paragraph)")" = "5 146 146 16" ]
printf 'code,title,country,actip_articles\nC3,Bad,KH,5;14(x;40\n' >"$TMP/pbad.csv"
"$ACTIP" import -q --db "$db" --template projects "$TMP/pbad.csv" >"$TMP/pbad.out" 2>&1; st=$?
check "a project's unknown article refused with its position, nothing stored" bash -c \
	"[ $st != 0 ] && grep -q \"pbad.csv:2: actip_articles: '14(x' is not an ACTIP article\" '$TMP/pbad.out' &&
	 grep -q \"pbad.csv:2: actip_articles: '40' is not an ACTIP article\" '$TMP/pbad.out' &&
	 [ \"\$(sqlite3 '$db' \"SELECT count(*) FROM project WHERE code = 'C3'\")\" = 0 ]"
finish
