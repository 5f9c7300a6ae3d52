#!/usr/bin/env bash
# The annual report as DOCX: python-docx reads it back with Word's heading styles, the
# five tables (Tables 3 and 4 totalling 8,562 and 4,761) with repeated header rows, four
# PNG figures, A4 and page numbers (docx_check.py); LibreOffice converts it to PDF
# without error and the PDF has numbered pages and the tables' numbers. The public
# tables (--suppress-below 5) as DOCX have the withheld cells as <5 and no figures.
source "$(dirname "$0")/lib.sh"

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

# LibreOffice, with a profile of its own so that parallel runs do not share one.
if command -v soffice >/dev/null 2>&1; then
	out=$(cd "$TMP" && timeout 300 soffice -env:UserInstallation=file://"$TMP/lo" --headless \
		--convert-to pdf --outdir "$TMP" "$TMP/r.docx" 2>&1)
	check "libreoffice converts the docx to pdf" [ -s "$TMP/r.pdf" ]
	[ -s "$TMP/r.pdf" ] || echo "$out" | sed 's/^/#   /'
	pages=$(pdfinfo "$TMP/r.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	text=$(pdftotext -layout "$TMP/r.pdf" - 2>/dev/null)
	check "pdf: more than ten pages ($pages)" [ "${pages:-0}" -gt 10 ]
	check "pdf: the last page is numbered 'Page $pages of $pages'" \
		grep -q "Page $pages of $pages" <<<"$text"
	check "pdf: Table 3's total 8,562 and Table 4's 4,761" \
		bash -c 'grep -q "8,562" <<<"$1" && grep -q "4,761" <<<"$1"' _ "$text"
else
	not_ok "libreoffice (soffice) is installed (scripts/deps.sh)"
fi

finish
