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
check "md: foreword, about and abbreviations first, contact last" bash -c \
	"head -3 '$TMP/heads' | tr '\n' '|' | grep -qx '## Foreword|## About the programme|## Abbreviations|' &&
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
finish
