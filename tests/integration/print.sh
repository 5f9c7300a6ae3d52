#!/usr/bin/env bash
# The HTML report printed on A4 by Chromium (what a person gets from the browser's
# Print): every page is numbered "Page N of M" by the style sheet's @page rule, a
# country's box of key figures is never split across two pages, and the printed text
# has the tables' totals. Reads the PDF with poppler's pdfinfo and pdftotext.
source "$(dirname "$0")/lib.sh"

db="$TMP/demo.db"
"$ACTIP" import -q --db "$db" "$SRCDIR/data/demo" >/dev/null 2>&1
"$ACTIP" report --db "$db" --year 2021 --format html -o "$TMP/r.html"; st=$?
check "html report written" [ "$st" = 0 -a -s "$TMP/r.html" ]

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	not_ok "chromium is installed (scripts/deps.sh)"
	finish
	exit 1
fi
timeout 180 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	--user-data-dir="$TMP/chromium" --print-to-pdf="$TMP/r.pdf" "file://$TMP/r.html" >/dev/null 2>&1
check "chromium prints the report to pdf" [ -s "$TMP/r.pdf" ]
pages=$(pdfinfo "$TMP/r.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
check "pdf: more than ten A4 pages ($pages)" bash -c \
	"[ '${pages:-0}' -gt 10 ] && pdfinfo '$TMP/r.pdf' | grep -q 'Page size: .* pts (A4)'"

numbered=0
for p in $(seq 1 "${pages:-0}"); do
	pdftotext -f "$p" -l "$p" "$TMP/r.pdf" - 2>/dev/null | grep -qx "Page $p of $pages" &&
		numbered=$((numbered + 1))
done
check "pdf: every page is numbered 'Page N of $pages' ($numbered of $pages)" [ "$numbered" = "${pages:-x}" ]

# boxes PDF: "BOXES SPLIT": the country boxes on all pages, and the pages where one is
# split (a box starts with its projects and ends with its people trained).
boxes() {
	local n p text first last boxes=0 split=""
	n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
	for p in $(seq 1 "${n:-0}"); do
		text=$(pdftotext -f "$p" -l "$p" "$1" - 2>/dev/null)
		first=$(grep -c 'approved projects\? in 2021' <<<"$text")
		last=$(grep -c '^people trained (' <<<"$text")
		boxes=$((boxes + first))
		[ "$first" = "$last" ] || split="$split$p,"
	done
	echo "$boxes ${split:-none}"
}
# Where a box falls depends on what comes before it: the profiles are printed again
# after a blank space of 0 to 240 mm at the top of their section, so that boxes fall
# on every part of a page, across its end too.
for mm in 0 35 70 105 140 175 210 245; do
	sed "s|<section id=\"countries\">|&<div style=\"height:${mm}mm\"></div>|" "$TMP/r.html" >"$TMP/s.html"
	timeout 180 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$TMP/chromium" --print-to-pdf="$TMP/s.pdf" "file://$TMP/s.html" >/dev/null 2>&1
	set -- $(boxes "$TMP/s.pdf")
	check "pdf, profiles ${mm} mm down: six country boxes ($1), none split (pages: $2)" \
		[ "$1" = 6 -a "$2" = none ]
done
text=$(pdftotext "$TMP/r.pdf" - 2>/dev/null)
check "pdf: Table 3's total 8,562 and Table 4's 4,761" \
	bash -c 'grep -q "8,562" <<<"$1" && grep -q "4,761" <<<"$1"' _ "$text"

finish
