#!/usr/bin/env bash
# The annual report as DOCX: python-docx reads it back with Word's heading styles, the
# five tables (Tables 3 and 4 totalling 8,562 and 4,761) with repeated header rows, four
# PNG figures, A4 and page numbers (docx_check.py); LibreOffice converts it to PDF
# without error and the PDF has numbered pages and the tables' numbers. The public
# tables (--suppress-below 5) as DOCX have the withheld cells as <5 and no figures.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/weblib.sh"

PY=/usr/bin/python3
db="$TMP/demo.db"
"$ACTIP" import -q --db "$db" "$SRCDIR/data/demo" >/dev/null 2>&1

"$ACTIP" report --db "$db" --year 2021 --format docx -o "$TMP/r.docx"; st=$?
check "docx: the report is written" [ "$st" = 0 -a -s "$TMP/r.docx" ]
out=$($PY "$SRCDIR/tests/integration/docx_check.py" "$TMP/r.docx" full 2>&1)
if [ $? = 0 ]; then ok "docx: python-docx reads headings, tables, figures, A4, page numbers ($out)"
else not_ok "docx: python-docx reads headings, tables, figures, A4, page numbers" "$out"; fi

"$ACTIP" report --db "$db" --year 2021 --format docx --suppress-below 5 -o "$TMP/p.docx" 2>/dev/null; st=$?
check "docx public: written" [ "$st" = 0 -a -s "$TMP/p.docx" ]
out=$($PY "$SRCDIR/tests/integration/docx_check.py" "$TMP/p.docx" public 2>&1)
if [ $? = 0 ]; then ok "docx public: <5 cells, no figures ($out)"
else not_ok "docx public: <5 cells, no figures" "$out"; fi

"$ACTIP" report --db "$db" --year 2021 --format docx >/dev/null 2>&1; st=$?
check "docx without -o is a usage error" [ "$st" = 2 ]

# The work plan's monitoring report and final review: landscape, the sections as
# headings, the matrix with its pillars as rows across the table.
"$ACTIP" import -q --db "$db" "$SRCDIR/data/demo/workplan" >/dev/null 2>&1
"$ACTIP" workplan report --db "$db" --plan BOHOL-2017-2020 --period 2020-H2 --format docx -o "$TMP/wp.docx"; st=$?
check "workplan docx: written" [ "$st" = 0 -a -s "$TMP/wp.docx" ]
"$ACTIP" workplan review --db "$db" --plan BOHOL-2017-2020 --kind final --format docx -o "$TMP/wr.docx"; st=$?
check "workplan review docx: written" [ "$st" = 0 -a -s "$TMP/wr.docx" ]
out=$($PY - "$TMP/wp.docx" "$TMP/wr.docx" <<'PY'
import sys, docx
from docx.enum.section import WD_ORIENT
bad = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    if d.sections[0].orientation != WD_ORIENT.LANDSCAPE:
        bad.append(f"{path}: not landscape")
    if len(h1) < 3 or not d.tables:
        bad.append(f"{path}: sections {h1}, {len(d.tables)} tables")
d = docx.Document(sys.argv[1])
h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
if "Work-plan matrix" not in h1:
    bad.append(f"no matrix section in {h1}")
# the matrix: a pillar row spans the table (gridSpan), its lines follow
spans = [tc for t in d.tables for tc in t._tbl.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridSpan")]
if len(spans) < 4:
    bad.append(f"{len(spans)} rows across a table, want the 4 pillars")
print("; ".join(bad) if bad else "ok")
PY
)
check "workplan docx: landscape, sections, tables, pillar rows ($out)" [ "$out" = ok ]

# LibreOffice, with a profile of its own so that parallel runs do not share one.
if command -v soffice >/dev/null 2>&1; then
	out=$(cd "$TMP" && timeout 300 soffice -env:UserInstallation=file://"$TMP/lo" --headless \
		--convert-to pdf --outdir "$TMP" "$TMP/r.docx" "$TMP/wp.docx" 2>&1)
	check "libreoffice converts the work plan's docx to pdf (landscape)" bash -c \
		"pdfinfo '$TMP/wp.pdf' | grep -q 'Page size: *841.* x 595.* pts (A4)'"
	check "libreoffice converts the docx to pdf" [ -s "$TMP/r.pdf" ]
	[ -s "$TMP/r.pdf" ] || echo "$out" | sed 's/^/#   /'
	pages=$(pdfinfo "$TMP/r.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	text=$(pdftotext -layout "$TMP/r.pdf" - 2>/dev/null)
	check "pdf: more than ten pages ($pages)" [ "${pages:-0}" -gt 10 ]
	check "pdf: the last page is numbered 'Page $pages of $pages'" \
		grep -q "Page $pages of $pages" <<<"$text"
	check "pdf: Table 3's total 8,562 and Table 4's 4,761" \
		bash -c 'grep -q "8,562" <<<"$1" && grep -q "4,761" <<<"$1"' _ "$text"
	# every heading word of the survey, feedback and breakdown tables on one line: a
	# word cut by a too narrow column leaves its head alone at the end of a line
	heads=$(grep -E '^ *(Question|Project|Country/region) ' <<<"$text")
	check "pdf: no table heading word broken ($(tr -s ' ' <<<"$heads" | tr '\n' '/'))" bash -c \
		'[ "$(grep -c "Answered" <<<"$1")" -ge 3 ] && [ "$(grep -o "Understanding" <<<"$1" | wc -l)" -ge 8 ] &&
		 ! grep -qE "Answere( |$)|Understandin( |$)|Relevan( |$)|Respondent( |$)" <<<"$1"' _ "$heads"
	# Table 5 (feedback): its columns sized from their content, so that on A4 portrait
	# no heading takes more than three lines and no heading word breaks
	for n in 3 5; do
		out=$($PY "$SRCDIR/tests/integration/docx_table_head.py" "$TMP/r.docx" "$TMP/r.pdf" $n 2>&1)
		check "pdf: Table $n's header at most three lines, no word broken ($out)" [ $? = 0 ]
	done
	# the feedback table of 8 columns cannot fit A4 portrait: a landscape page of its own,
	# its headings and project names whole
	fb="Feedback on the regional projects' events"
	out=$($PY "$SRCDIR/tests/integration/docx_table_head.py" "$TMP/r.docx" "$TMP/r.pdf" "$fb" 2>&1)
	check "pdf: the feedback table's header at most three lines, no heading or project word broken ($out)" [ $? = 0 ]
	check "pdf: the feedback table on a landscape page, the others portrait" bash -c \
		"pdfinfo -f 1 -l 999 '$TMP/r.pdf' | grep -c 'size: *841.* x 595' | grep -qx 1"
else
	not_ok "libreoffice (soffice) is installed (scripts/deps.sh)"
fi

# The download in the browser: the dashboard links it and the server answers with the
# same document (the small web database: its own numbers, so only the shape is checked).
web_seed
"$ACTIP" import -q --db "$DB" "$SRCDIR/data/demo/workplan" >/dev/null 2>&1
check "web: the demo work plan imported" [ $? = 0 ]
check "server starts" web_start
login viewer
st=$(curl -s -D "$TMP/h" -o "$TMP/w.docx" -w '%{http_code}' -b "$TMP/viewer.jar" "$URL/report/2021.docx")
check "web: /report/2021.docx is 200 ($st)" [ "$st" = 200 -a -s "$TMP/w.docx" ]
check "web: served as a Word document, as an attachment" bash -c \
	"grep -qi '^content-type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' '$TMP/h' &&
	 grep -qi '^content-disposition: attachment; filename=\"report-2021.docx\"' '$TMP/h'"
out=$($PY -c 'import sys, docx; d = docx.Document(sys.argv[1]); h = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]; print(h[h.index("Project status in 2021")], len(d.tables))' "$TMP/w.docx" 2>&1)
check "web: python-docx opens the download ($out)" grep -q '^Project status in 2021 [1-9]' <<<"$out"
curl -s -b "$TMP/viewer.jar" "$URL/?year=2021" >"$TMP/dash.html"
check "web: the dashboard links the Word report" grep -q 'href="/report/2021.docx"' "$TMP/dash.html"
check "web: the dashboard's charts are the report's five figures, the trends among them" bash -c \
	"[ \$(grep -o '<figure class=\"chart\" id=\"fig-[a-z-]*\"' '$TMP/dash.html' | wc -l) = 5 ] &&
	 grep -q '<figure class=\"chart\" id=\"fig-trends\">' '$TMP/dash.html'"
# the work plan's monitoring report too, landscape, linked from the work-plan page
st=$(curl -s -D "$TMP/h" -o "$TMP/wpw.docx" -w '%{http_code}' -b "$TMP/viewer.jar" \
	"$URL/workplan/report?plan=BOHOL-2017-2020&period=2020-H2&format=docx")
check "web: the work plan's report as docx is 200 ($st)" [ "$st" = 200 -a -s "$TMP/wpw.docx" ]
check "web: served as a Word attachment" bash -c \
	"grep -qi '^content-type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' '$TMP/h' &&
	 grep -qi '^content-disposition: attachment; filename=\"workplan-BOHOL-2017-2020-2020-H2.docx\"' '$TMP/h'"
out=$($PY -c 'import sys, docx; from docx.enum.section import WD_ORIENT; d = docx.Document(sys.argv[1]); print(d.sections[0].orientation == WD_ORIENT.LANDSCAPE, [p.text for p in d.paragraphs if p.style.name == "Heading 1"][:2])' "$TMP/wpw.docx" 2>&1)
check "web: python-docx opens it, landscape ($out)" grep -q "^True \['Monitoring rates'" <<<"$out"
curl -s -b "$TMP/viewer.jar" "$URL/workplan?plan=BOHOL-2017-2020&period=2020-H2" >"$TMP/wp.html"
check "web: the work-plan page links the Word report" \
	grep -q 'href="/workplan/report?plan=BOHOL-2017-2020&amp;period=2020-H2&amp;format=docx"' "$TMP/wp.html"
# and the plan's reviews, from the same route and the same page
st=$(curl -s -D "$TMP/h" -o "$TMP/wpr.docx" -w '%{http_code}' -b "$TMP/viewer.jar" \
	"$URL/workplan/report?plan=BOHOL-2017-2020&review=final&format=docx")
check "web: the final review as docx is 200 ($st)" [ "$st" = 200 -a -s "$TMP/wpr.docx" ]
check "web: named for the review" \
	grep -qi '^content-disposition: attachment; filename="workplan-BOHOL-2017-2020-final.docx"' "$TMP/h"
out=$($PY -c 'import sys, docx; from docx.enum.section import WD_ORIENT; d = docx.Document(sys.argv[1]); print(d.sections[0].orientation == WD_ORIENT.LANDSCAPE, [p.text for p in d.paragraphs if p.style.name in ("Title", "Heading 1")][:2])' "$TMP/wpr.docx" 2>&1)
check "web: python-docx opens the review, landscape, titled as the final review ($out)" \
	grep -q "^True \['Bohol TIP Work Plan 2017-2020: final review', 'Rates over the periods'" <<<"$out"
st=$(curl -s -o "$TMP/wpm.html" -w '%{http_code}' -b "$TMP/viewer.jar" \
	"$URL/workplan/report?plan=BOHOL-2017-2020&review=midterm&format=html")
check "web: the mid-term review as HTML is 200 and says so ($st)" bash -c "[ '$st' = 200 ] && grep -qi 'mid-term review' '$TMP/wpm.html'"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/viewer.jar" \
	"$URL/workplan/report?plan=BOHOL-2017-2020&review=annual&format=docx")
check "web: a review kind that does not exist is 404 ($st)" [ "$st" = 404 ]
for k in midterm final; do
	check "web: the work-plan page links the $k review in Word" \
		grep -q "href=\"/workplan/report?plan=BOHOL-2017-2020&amp;review=$k&amp;format=docx\"" "$TMP/wp.html"
done
web_stop

finish
