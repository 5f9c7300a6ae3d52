#!/usr/bin/env bash
# The files people have (spec/import-formats.md): the demo's participants and feedback
# written as CSV, semicolon CSV, UTF-16 tab text, CP874 text, an .xlsx workbook, a
# KoboToolbox export and a Google Forms export (tests/integration/formats_gen.py) must
# each import to the very same records: the 2021 and 2020 report JSON are compared byte
# for byte with those of the demo as it is. The same workbook and files go through the
# API (POST /api/v1/import/{template}) too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

PY=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3
G="$TMP/gen"
DEMO="$SRCDIR/data/demo"
"$PY" "$SRCDIR/tests/integration/formats_gen.py" "$DEMO" "$G" || { not_ok "generate the formats"; finish; exit 1; }

# base: every demo file but participants and feedback; base-noact: nor the activities.
mkdir -p "$G/base" "$G/base-noact"
for f in "$DEMO"/*.csv; do
	case $(basename "$f") in
	participants.csv | feedback.csv) ;;
	activities.csv) ln -s "$f" "$G/base/" ;;
	*) ln -s "$f" "$G/base/"; ln -s "$f" "$G/base-noact/" ;;
	esac
done

"$ACTIP" import --db "$TMP/ref.db" --quiet "$G/base" "$DEMO/participants.csv" "$DEMO/feedback.csv" 2>/dev/null
for y in 2020 2021; do
	"$ACTIP" report --db "$TMP/ref.db" --year $y --format json >"$TMP/ref-$y.json"
done
check "reference report written and non-empty" [ -s "$TMP/ref-2021.json" ]
check "reference report counts participants" grep -q '"female"' "$TMP/ref-2021.json"

# same NAME DB: the database's reports equal the reference.
same() {
	local y
	for y in 2020 2021; do
		if "$ACTIP" report --db "$2" --year $y --format json | cmp -s - "$TMP/ref-$y.json"; then
			ok "$1: $y report identical"
		else
			not_ok "$1: $y report identical" "$("$ACTIP" report --db "$2" --year $y --format json | diff - "$TMP/ref-$y.json" | head -8)"
		fi
	done
}

# imports NAME ARGS...: imports into a fresh database; exit 0 and a summary expected.
imports() {
	local name=$1
	shift
	rm -f "$TMP/$name.db"
	if "$ACTIP" import --db "$TMP/$name.db" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"; then
		ok "$name: imported"
	else
		not_ok "$name: imported" "$(head -5 "$TMP/$name.err")"
	fi
	check "$name: summary names the rows stored" grep -q '^stored .* rows from' "$TMP/$name.out"
	same "$name" "$TMP/$name.db"
}

imports csv "$G/base" "$G/csv"
imports semicolon "$G/base" "$G/semicolon"
check "semicolon: the file really has semicolons" grep -q '^activity_id;person_id;' <(sed 's/^\xEF\xBB\xBF//' "$G/semicolon/participants.csv")
imports utf16 "$G/base" "$G/utf16"
check "utf16: the file really is UTF-16 LE" [ "$(head -c 2 "$G/utf16/participants.txt" | od -An -tx1 | tr -d ' ')" = fffe ]
imports cp874 --encoding CP874 "$G/base" "$G/cp874" "$G/cp874-rest"
imports xlsx "$G/base-noact" "$G/xlsx/programme-2021.xlsx"
check "xlsx: the sheet that names no template is skipped with a warning" \
	grep -q "programme-2021.xlsx:0: Notes: warning: the sheet's name is not a template's" "$TMP/xlsx.out"
check "xlsx: the summary names the sheets" grep -q 'programme-2021.xlsx:Participants *participants' "$TMP/xlsx.out"
imports kobo "$G/base" "$G/kobo"
check "kobo: metadata columns ignored without a warning" bash -c "! grep -q '_uuid\|_submission_time\|instanceID' '$TMP/kobo.out'"
check "kobo: other warnings are shown" grep -q 'achievements.csv:99: total: warning' "$TMP/kobo.out"
imports forms --map "$G/forms-map.csv" "$G/base" "$G/forms"

# Workbooks written by LibreOffice Calc (the office suite of many ministries), not by
# openpyxl: its own XML layout, and dates as date-formatted serial numbers.
LO="$G/lo"
mkdir -p "$LO"
cp "$DEMO/activities.csv" "$DEMO/participants.csv" "$DEMO/feedback.csv" "$LO/"
(cd "$LO" && timeout 300 soffice -env:UserInstallation=file://"$TMP/lo-profile" --headless --convert-to xlsx \
	--infilter=CSV:44,34,76,1 activities.csv participants.csv feedback.csv >"$TMP/lo.out" 2>&1)
check "libreoffice: wrote the three workbooks" [ -s "$LO/activities.xlsx" ] && [ -s "$LO/participants.xlsx" ] && [ -s "$LO/feedback.xlsx" ]
sheet1() { python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("xl/worksheets/sheet1.xml").decode()[:20000]); print(z.read("docProps/app.xml").decode())' "$1"; }
check "libreoffice: the workbook says LibreOffice wrote it" grep -q 'LibreOffice' <(sheet1 "$LO/activities.xlsx")
check "libreoffice: start dates are date-formatted numbers" grep -q '<c r="F2" s="[1-9][0-9]*" t="n"><v>4[0-9]*</v>' <(sheet1 "$LO/activities.xlsx")
imports libreoffice "$G/base-noact" "$LO/activities.xlsx" "$LO/participants.xlsx" "$LO/feedback.xlsx"

# Without what the file needs, the same files are refused with a hint, and nothing stored.
"$ACTIP" import --db "$TMP/nohint.db" "$G/base" "$G/cp874" "$G/cp874-rest" >/dev/null 2>"$TMP/nohint.err"
check "cp874 without --encoding: refused" [ $? -eq 1 ]
check "cp874 without --encoding: the error suggests --encoding" grep -q 'participants-th.csv:2: .*--encoding' "$TMP/nohint.err"
check "cp874 without --encoding: nothing stored" [ "$(sqlite3 "$TMP/nohint.db" 'SELECT count(*) FROM attendance')" = 0 ]
"$ACTIP" import --db "$TMP/nomap.db" "$G/base" "$G/forms" >"$TMP/nomap.out" 2>&1
check "forms without --map: the unmatched header is named with the --map hint" \
	grep -q 'Your full name: warning: column not in the participants template; ignored (--map' "$TMP/nomap.out"
check "forms without --map: Timestamp ignored without a warning" bash -c "! grep -q 'Timestamp' '$TMP/nomap.out'"

# Dates written D/M/YYYY need --date-order; with it they read as the same activities.
sed -E 's/,(20[0-9]{2})-([0-9]{2})-([0-9]{2})/,\3\/\2\/\1/g' "$DEMO/activities.csv" >"$G/activities-dmy.csv"
check "dmy: the activities really have D/M/YYYY dates" grep -q ',17/07/2019,' "$G/activities-dmy.csv"
"$ACTIP" import --db "$TMP/dmy0.db" --template activities "$G/base-noact" "$G/activities-dmy.csv" >/dev/null 2>"$TMP/dmy0.err"
check "dmy without --date-order: refused naming the option" grep -q 'start_date: .*--date-order dmy' "$TMP/dmy0.err"
rm -f "$TMP/dmy.db"
"$ACTIP" import --db "$TMP/dmy.db" --quiet "$G/base-noact" >/dev/null 2>&1
"$ACTIP" import --db "$TMP/dmy.db" --quiet --date-order dmy --template activities "$G/activities-dmy.csv" 2>/dev/null
"$ACTIP" import --db "$TMP/dmy.db" --quiet "$G/csv" "$DEMO/achievements.csv" "$DEMO/achievement_figures.csv" 2>/dev/null
same dmy "$TMP/dmy.db"

# The API takes the same files: the workbook's participants sheet, semicolon feedback.
DB="$TMP/api.db"
"$ACTIP" import --db "$DB" --quiet "$G/base" 2>/dev/null
echo "$PW" | "$ACTIP" user add --db "$DB" --name admin --role admin --password-stdin >/dev/null
web_start --body-limit 16000000 && login admin
st=$(call admin POST /api/v1/import/participants application/vnd.openxmlformats-officedocument.spreadsheetml.sheet "@$G/xlsx/programme-2021.xlsx")
check "api: the workbook's participants sheet stored (got $st)" [ "$st" = 200 ]
st=$(call admin POST /api/v1/import/feedback text/csv "@$G/semicolon/feedback.csv")
check "api: semicolon feedback stored (got $st)" [ "$st" = 200 ]
st=$(call admin POST '/api/v1/import/activities?dry_run=1' text/csv "@$G/activities-dmy.csv")
check "api: D/M/YYYY dates without date_order are refused (got $st)" [ "$st" = 422 ]
st=$(call admin POST '/api/v1/import/activities?dry_run=1&date_order=dmy' text/csv "@$G/activities-dmy.csv")
check "api: D/M/YYYY dates with date_order=dmy are read (got $st)" [ "$st" = 200 ]
st=$(call admin POST '/api/v1/import/activities?dry_run=1&date_order=ymd' text/csv "@$G/activities-dmy.csv")
check "api: an unknown date_order is a 400 (got $st)" [ "$st" = 400 ]
web_stop
same api "$DB"

# The upload page (spec/import-formats.md): a Google Forms export whose questions match no
# column gets a step that asks which column each one is; the choice is kept, and the
# next upload of the same header needs no step. A file sent without a template is taken
# for the one its header fits.
DB="$TMP/upload.db"
"$ACTIP" import --db "$DB" --quiet "$G/base" 2>/dev/null
echo "$PW" | "$ACTIP" user add --db "$DB" --name admin --role admin --password-stdin >/dev/null
web_start --body-limit 16000000 && login admin
# upload QUERY FILE: the file sent as the page's script sends it; the page in $TMP/body.
upload() {
	curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" \
		-H 'Content-Type: text/csv' --data-binary "@$2" "$URL/upload?$1"
}
kept_id() { sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1; }
sed '1s/Event code/Workshop reference/' "$G/forms/participants.csv" >"$G/responses.csv"
st=$(upload 'template=participants&name=responses.csv' "$G/responses.csv")
check "upload: a form export lacking a needed column is not stored (got $st)" [ "$st" = 422 ]
check "upload: the mapping step is shown" grep -q 'id="mapping"' "$TMP/body"
check "upload: it names a question that matched nothing" grep -q '<label for="c[0-9]*">Your full name</label>' "$TMP/body"
check "upload: it says which needed column the file lacks" grep -q 'id="missing">The template needs <code>activity_id</code>' "$TMP/body"
check "upload: it offers the needed column" grep -q '<option value="activity_id">activity_id (needed)</option>' "$TMP/body"
check "upload: it shows what each column was read as" grep -q '<td>Participant ID</td><td><code>person_id</code>' "$TMP/body"
check "upload: Timestamp is shown as ignored" grep -q '<td>Timestamp</td><td>ignored' "$TMP/body"
check "upload: the errors name the user's own file" grep -q 'responses.csv:1: activity_id: missing required column' "$TMP/body"
id=$(kept_id)
check "upload: the file is kept for the step" [ -n "$id" ]
mapfile -t choice < <(python3 - "$TMP/body" "$G/forms-map.csv" <<'PY'
import csv, html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
want = {r["source"]: r["column"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
want["Workshop reference"] = "activity_id"
for i, v in re.findall(r'name="h(\d+)" value="([^"]*)"', page):
    print("h%s=%s" % (i, html.unescape(v)))
    print("c%s=%s" % (i, want.get(html.unescape(v), "")))
PY
)
check "upload: five questions to map" [ "${#choice[@]}" = 10 ]
st=$(form_post admin /upload/map "id=$id" "${choice[@]}")
check "upload: with the columns chosen the check passes (got $st)" [ "$st" = 200 ] && grep -q 'id="preview"' "$TMP/body"
check "upload: the preview shows the mapped question" grep -q '<td>Your full name</td><td><code>full_name</code>' "$TMP/body"
check "upload: the mappings are remembered" [ "$(sqlite3 "$DB" "SELECT count(*) FROM upload_mapping WHERE template = 'participants' AND col <> ''")" = 5 ]
check "upload: each mapping is audited" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'upload_mapping'")" = 5 ]
st=$(form_post admin /upload/confirm "id=$(kept_id)")
check "upload: stored after the step (got $st)" [ "$st" = 200 ] && grep -q 'id="stored"' "$TMP/body"
st=$(upload 'template=participants&name=responses-2.csv' "$G/responses.csv")
check "upload: the same header again needs no step (got $st)" [ "$st" = 200 ] && ! grep -q 'id="mapping"' "$TMP/body"
form_post admin /upload/cancel "id=$(kept_id)" >/dev/null
st=$(upload 'name=answers.csv' "$G/csv/feedback.csv")
check "upload: a file with no template and a plain name is taken by its header (got $st)" [ "$st" = 200 ] && grep -q '<code>feedback</code>' "$TMP/body"
st=$(form_post admin /upload/confirm "id=$(kept_id)")
check "upload: the feedback stored (got $st)" [ "$st" = 200 ]
st=$(upload 'name=export.csv' "$G/kobo/participants.csv")
check "upload: a KoboToolbox export is taken for participants by its header (got $st)" [ "$st" = 200 ] && grep -q '<code>participants</code>' "$TMP/body"
form_post admin /upload/cancel "id=$(kept_id)" >/dev/null
st=$(upload 'template=participants&name=thai.csv' "$G/cp874/$(ls "$G/cp874" | head -1)")
check "upload: CP874 text without an encoding is refused (got $st)" [ "$st" = 422 ] && grep -q 'encoding' "$TMP/body"
st=$(upload 'template=participants&name=thai.csv&encoding=CP874' "$G/cp874/$(ls "$G/cp874" | head -1)")
check "upload: CP874 text with encoding=CP874 is read (got $st)" [ "$st" = 200 ]
form_post admin /upload/cancel "id=$(kept_id)" >/dev/null
st=$(upload 'template=participants&name=x.csv&encoding=NOPE-42' "$G/csv/participants.csv")
check "upload: an unknown encoding is a 400 (got $st)" [ "$st" = 400 ]
web_stop
same upload "$DB"

finish
