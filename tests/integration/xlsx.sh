#!/usr/bin/env bash
# Bad and hostile workbooks (tests/integration/xlsx_gen.py): bad values are reported
# as FILE:SHEET!CELL, all of them, and nothing is stored; a zip bomb, entities, a huge
# or lying shared-strings table, broken XML and archives that are no workbook are
# refused with an error saying why, and nothing is stored.
. "$(dirname "$0")/lib.sh"

PY=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3
X="$TMP/x"
"$PY" "$SRCDIR/tests/integration/xlsx_gen.py" "$X" || { not_ok "generate the workbooks"; finish; exit 1; }
db="$TMP/base.db"
"$ACTIP" import --db "$db" "$FIX/good" >/dev/null || { not_ok "load good fixtures"; finish; exit 1; }
before=$(dump "$db")

# A good workbook is stored (so the refusals below are about the files, not the setup).
cp "$db" "$TMP/good.db"
check "good workbook: stored" "$ACTIP" import --db "$TMP/good.db" --quiet "$X/good.xlsx"
check "good workbook: its local-language rows are there" \
	[ "$(sqlite3 "$TMP/good.db" "SELECT count(*) FROM attendance WHERE full_name IN ('Chan Sophal', 'Lina') AND sex = 'female' AND country IN ('KH', 'LA')")" = 2 ]

# Bad values: every error, at its cell.
out=$(cd "$X" && "$ACTIP" import --db "$db" participants-bad.xlsx 2>&1 >/dev/null)
check "bad values: exit 1" [ $? -eq 1 ]
want="participants-bad.xlsx:participants!C3: sex: 'mael' is not female, male or other
participants-bad.xlsx:participants!D4: country: 'Atlantis' is not a known country (use BN KH ID LA MY MM PH SG TH VN TL, an English short name such as Cambodia, or ASEAN)
participants-bad.xlsx:participants!A5: activity_id: unknown activity 'NOPE' (add it to activities.csv)
participants-bad.xlsx:participants!C6: sex: '?' is not female, male or other"
got=$(printf '%s\n' "$out" | grep -v '^actip: ')
if [ "$got" = "$want" ]; then ok "bad values: all four errors at their cells"; else not_ok "bad values: all four errors at their cells" "got:
$got"; fi
check "bad values: nothing stored" [ "$(dump "$db")" = "$before" ]

# refused FILE PATTERN: exit 1, an error matching PATTERN, nothing stored.
refused() {
	local f=$1 pat=$2 out st
	out=$("$ACTIP" import --db "$db" --template participants "$X/$f" 2>&1 >/dev/null)
	st=$?
	check "$f: exit 1 (got $st)" [ "$st" -eq 1 ]
	if grep -q -- "$pat" <<<"$out"; then ok "$f: says why"; else not_ok "$f: says why" "$out"; fi
	check "$f: nothing stored" [ "$(dump "$db")" = "$before" ]
}
refused bomb.xlsx 'refused: the part xl/worksheets/sheet1.xml is compressed 1024 to 1 (a zip bomb?)'
refused entities.xlsx 'sharedStrings.xml is not well-formed XML\|declares a document type'
refused xxe.xlsx 'refused: xl/worksheets/sheet1.xml declares a document type'
refused sst-count.xlsx 'refused: the shared-strings table has 100000000 entries'
refused sst-huge.xlsx 'refused: the shared-strings table has more than 4194304 entries'
refused sst-missing.xlsx 'participants!B2: full_name: refers to shared string 7'
refused broken-xml.xlsx 'sheet1.xml is not well-formed XML'
refused truncated.xlsx 'not a readable .xlsx workbook'
refused no-workbook.xlsx 'not a readable workbook: it has no xl/workbook.xml'
check "xxe: the file it names is not in any message" bash -c "! '$ACTIP' import --db '$db' --template participants '$X/xxe.xlsx' 2>&1 | grep -q 'root:'"

finish
