#!/usr/bin/env bash
# The languages of the web application: the translations (po/) are complete and valid,
# po/actip.pot is current, no user-facing string of the pages is left unmarked (and the
# lint can fail), and the server answers in the language of the account, of the menu's
# cookie or of Accept-Language, with <html lang>, numbers and dates as that language writes them;
# the dashboard's report tables and figures, country names and an upload's error lines follow
# the page's language while the report downloads, the JSON API and the CLI stay English; the
# documents take --lang for every section and stay valid UTF-8.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
PO="$SRCDIR/po"
for lang in $(cat "$PO/LINGUAS"); do
	check "$lang.po: msgfmt --check" msgfmt --check -o /dev/null "$PO/$lang.po"
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$PO/$lang.po" 2>&1)
	check "$lang.po: every message translated, none fuzzy ($stats)" \
		bash -c '[[ "$1" =~ ^[0-9]+\ translated\ messages\.$ ]]' _ "$stats"
	check "$lang.po: covers every message of actip.pot" msgcmp "$PO/$lang.po" "$PO/actip.pot"
done
check "translations: complete, and no markup added" python3 "$SRCDIR/tests/i18n/po_check.py" "$PO"/*.po
# po_check can fail: a translation that is empty, and one that adds a tag
cat >"$TMP/bad.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "Save"
msgstr ""

msgid "Sign in"
msgstr "<b>x</b>"
PO
check "po_check refuses an untranslated entry and added markup" \
	bash -c '! python3 "$1" "$2" >"$3"' _ "$SRCDIR/tests/i18n/po_check.py" "$TMP/bad.po" "$TMP/bad.out"
check "po_check names both problems" bash -c 'grep -q untranslated "$1" && grep -q "adds a" "$1"' _ "$TMP/bad.out"
# ... and English left in a language with its own script, and a lost {slot} of app.js
mkdir -p "$TMP/po"
cat >"$TMP/po/lo.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "Sending {total}…"
msgstr "ກຳລັງສົ່ງ…"

msgid "Participants and people trained"
msgstr "Participants and people trained"

msgid "SOMTC"
msgstr "SOMTC"
PO
check "po_check refuses English left in Lao and a lost {slot}, not an acronym" \
	bash -c '! python3 "$1" "$2" >"$3" && grep -q "not in the language" "$3" && grep -q "slots" "$3" && [ "$(wc -l <"$3")" = 2 ]' \
	_ "$SRCDIR/tests/i18n/po_check.py" "$TMP/po/lo.po" "$TMP/po.out"
# po/actip.pot is current: extracting again gives the same messages
(cd "$SRCDIR" && xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	-o "$TMP/c.pot" $(cat po/POTFILES) 2>/dev/null &&
	python3 tools/xgettext_html.py "$TMP/html.pot" $(cat po/POTFILES) &&
	python3 tools/xgettext_codes.py "$TMP/codes.pot" src/import/templates.c src/import/templates_indicators.c src/import/templates_surveys.c src/import/templates_narrative.c \
		src/import/templates_results.c src/workplan/wp_templates.c &&
	sed -i 's/charset=CHARSET/charset=UTF-8/' "$TMP/c.pot" &&
	msgcat --use-first -o "$TMP/now.pot" "$TMP/c.pot" "$TMP/html.pot" "$TMP/codes.pot")
ids() { msgcat --no-location --no-wrap --sort-output "$1" | grep -E '^msgid(_plural)? ' ; }
check "po/actip.pot is current (./scripts/po-update.sh)" diff <(ids "$PO/actip.pot") <(ids "$TMP/now.pot")
# the lint of unmarked strings passes on the pages, and fails on an unmarked one
PAGES="src/web/pages.c src/web/pages_activity.c src/web/pages_records.c src/web/pages_upload.c
src/web/pages_workplan.c src/web/wpweb.c src/web/accounts.c src/web/api_sync.c"
check "no unmarked user-facing string in the pages" python3 "$SRCDIR/tests/i18n/lint.py" "$SRCDIR" $PAGES
mkdir -p "$TMP/src/tests/i18n"
cp "$SRCDIR/tests/i18n/allow.txt" "$TMP/src/tests/i18n/"
cat >"$TMP/src/page.c" <<'C'
static void f(FILE *o) { page_h(o, "<h1>Marked</h1>"); fputs("<p>Left in English</p>", o);
	esc_html_text(o, _("Marked too")); esc_html_text(o, "Not marked"); }
C
python3 "$SRCDIR/tests/i18n/lint.py" "$TMP/src" page.c >"$TMP/lint.out" 2>&1
check "the lint fails on unmarked strings" [ $? -ne 0 ]
check "the lint names both, not the marked ones" \
	bash -c '[ "$(grep -c "^page.c:" "$1")" = 2 ] && ! grep -q Marked "$1"' _ "$TMP/lint.out"

# The server.
web_seed
check "server starts" web_start
get() { curl -s "$@"; }
page=$(get -H 'Accept-Language: lo-LA,lo;q=0.9,en;q=0.5' "$URL/login")
check "Accept-Language lo: <html lang=\"lo\">" grep -q '<html lang="lo">' <<<"$page"
check "Accept-Language lo: the sign-in page in Lao" grep -q 'ເຂົ້າສູ່ລະບົບ' <<<"$page"
check "Accept-Language lo: the menu marks Lao chosen" grep -q '<option value="lo" lang="lo" selected>' <<<"$page"
page=$(get -H 'Accept-Language: fr;q=1, vi;q=0.4, th;q=0.8' "$URL/login")
check "q-values: Thai (0.8) over Vietnamese (0.4), French unknown" grep -q '<html lang="th">' <<<"$page"
page=$(get -H 'Accept-Language: fr, de' "$URL/login")
check "no language offered: English" bash -c 'grep -q "<html lang=\"en\">" <<<"$1" && grep -q ">Sign in<" <<<"$1"' _ "$page"
page=$(get -H 'Accept-Language: vi' -b 'actip_lang=km' "$URL/login")
check "the menu's cookie wins over Accept-Language" grep -q '<html lang="km">' <<<"$page"
page=$(get -b 'actip_lang=xx' "$URL/login")
check "an unknown cookie value: English" grep -q '<html lang="en">' <<<"$page"
code=$(curl -s -o "$TMP/lang.out" -D "$TMP/lang.h" -w '%{http_code}' -H "Origin: $URL" \
	--data-urlencode lang=my --data-urlencode 'back=/login?x=1' "$URL/lang")
check "POST /lang as a visitor: back to the page (303)" \
	bash -c '[ "$1" = 303 ] && grep -qi "^location: /login?x=1" "$2"' _ "$code" "$TMP/lang.h"
check "POST /lang sets the cookie" grep -qi '^set-cookie: actip_lang=my;' "$TMP/lang.h"
code=$(curl -s -o /dev/null -D "$TMP/lang2.h" -w '%{http_code}' -H "Origin: $URL" \
	--data-urlencode lang=lo --data-urlencode 'back=//evil.example/' "$URL/lang")
check "POST /lang goes back only to a page of this site" grep -qi $'^location: /\r$' "$TMP/lang2.h"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $URL" --data-urlencode lang=xx "$URL/lang")
check "POST /lang with an unknown language: 400" [ "$code" = 400 ]
# the account's choice: saved by the menu, used whatever the browser asks
check "kh signs in" login kh
code=$(form_post kh /lang lang=vi back=/activities)
check "POST /lang signed in: 303" [ "$code" = 303 ]
check "the account's language is stored" [ "$(sqlite3 "$DB" "SELECT lang FROM app_user WHERE name = 'kh'")" = vi ]
page=$(curl -s -b "$TMP/kh.jar" -H 'Accept-Language: th' "$URL/activities")
check "the account's language wins over Accept-Language" \
	bash -c 'grep -q "<html lang=\"vi\">" <<<"$1" && grep -q "Hoạt động" <<<"$1"' _ "$page"
check "the navigation is translated" grep -q '>Kế hoạch công tác</a>' <<<"$page"
page=$(curl -s -b "$TMP/kh.jar" "$URL/records/activities")
check "record kind label through the catalog" grep -q '<h1>Hoạt động</h1>' <<<"$page"
check "code words through the catalog (capacity_development)" grep -q 'Nâng cao năng lực' <<<"$page"
check "dates in Vietnamese order (01/03/2021)" grep -q '01/03/2021' <<<"$page"
page=$(curl -s -b "$TMP/kh.jar" "$URL/workplan?plan=WP-TEST&period=2021-H1")
check "work-plan states translated" grep -q 'Đang thực hiện' <<<"$page"
check "pillar titles translated" grep -q 'Phòng ngừa' <<<"$page"
check "a language's page has no English sign-out left" bash -c '! grep -q ">Sign out<" <<<"$1"' _ "$page"

# The dashboard's report tables, figures and country names in the page's language; the
# report's downloads and the JSON API stay English (docs/languages.md).
check "admin signs in" login admin
page=$(curl -s -b "$TMP/admin.jar" -b 'actip_lang=lo' "$URL/?year=2021")
check "dashboard lo: Table 1's caption and title in Lao" \
	bash -c 'grep -q "ຕາຕະລາງ 1</span>ຈຳນວນ ແລະ ປະເພດຂອງກິດຈະກຳທີ່ໄດ້ຮັບການສະໜັບສະໜູນ, 2021" <<<"$1"' _ "$page"
check "dashboard lo: column heads, row heads and notes in Lao" \
	bash -c 'grep -q ">ຍິງ</th>" <<<"$1" && grep -q ">ປະເທດ/ພາກພື້ນ</th>" <<<"$1" && grep -q ">ລວມ</th>" <<<"$1" && grep -q "ໝາຍເຫດ:" <<<"$1" && grep -q "ແຫຼ່ງຂໍ້ມູນ:" <<<"$1"' _ "$page"
check "dashboard lo: country names in Lao (Cambodia, Thailand)" \
	bash -c 'grep -q "<th scope=\"row\">ກຳປູເຈຍ</th>" <<<"$1" && grep -q "<th scope=\"row\">ໄທ</th>" <<<"$1"' _ "$page"
check "dashboard lo: the charts' titles and legends in Lao" \
	bash -c 'grep -q "ຜູ້ເຂົ້າຮ່ວມກິດຈະກຳຕາມປະເທດ ແລະ ເພດ, 2021" <<<"$1" && grep -q "ຮູບ 1" <<<"$1"' _ "$page"
check "dashboard lo: no English table words left" \
	bash -c '! grep -qE ">(Table [0-9]|Country/region|Cambodia|Female|Source: |Note: )" <<<"$1"' _ "$page"
check "dashboard lo: valid UTF-8 (no translation cut inside a letter)" \
	python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <<<"$page"
page=$(curl -s -b "$TMP/admin.jar" -b 'actip_lang=en' "$URL/?year=2021")
check "dashboard en: the same table in English" \
	bash -c 'grep -q "Table 1</span>Number and type of activities supported, 2021" <<<"$1" && grep -q "<th scope=\"row\">Cambodia</th>" <<<"$1"' _ "$page"
curl -s -b "$TMP/admin.jar" -b 'actip_lang=lo' -o "$TMP/dl.html" "$URL/report/2021.html"
check "the report downloaded from a Lao page stays English" \
	bash -c 'grep -q "<html lang=\"en\">" "$1" && grep -q "Table 1" "$1" && ! grep -q "ຕາຕະລາງ" "$1"' _ "$TMP/dl.html"
curl -s -b "$TMP/admin.jar" -b 'actip_lang=lo' -o "$TMP/wpdl.html" "$URL/workplan/report?plan=WP-TEST&period=2021-H1&format=html"
check "the work-plan report downloaded from a Lao page stays English" \
	bash -c 'grep -q "<html lang=\"en\">" "$1" && grep -q "Monitoring rates" "$1" && ! grep -q "ອັດຕາການຕິດຕາມ" "$1"' _ "$TMP/wpdl.html"
curl -s -b "$TMP/admin.jar" -b 'actip_lang=lo' -H 'Accept-Language: lo' -o "$TMP/api.json" "$URL/api/v1/report?year=2021"
check "the JSON API stays English under a Lao page's cookie" \
	bash -c 'grep -q "Number and type of activities supported, 2021" "$1" && ! grep -q "ຈຳນວນ" "$1"' _ "$TMP/api.json"

# An upload's error lines in the page's language, their positions as in English.
bad=$'activity_id,full_name,sex,country,email\nKH-1,Test Person,x,KH,not-an-address\n'
upload() { # LANG: posts the bad participants file from a page in LANG; the answer in $TMP/up-LANG.html
	curl -s -o "$TMP/up-$1.html" -b "$TMP/admin.jar" -b "actip_lang=$1" --data-urlencode "csrf=$(cat "$TMP/admin.csrf")" \
		--data-urlencode template=participants --data-urlencode "csv=$bad" "$URL/upload"
}
upload en
upload vi
upload th
check "upload en: the error lines in English" \
	bash -c 'grep -q "is not female, male or other" "$1" && grep -q "is not an e-mail address" "$1"' _ "$TMP/up-en.html"
check "upload vi: the error lines in Vietnamese" \
	bash -c 'grep -q "không phải là female, male hoặc other" "$1" && grep -q "không phải là địa chỉ thư điện tử" "$1" && ! grep -q "is not female" "$1"' _ "$TMP/up-vi.html"
check "upload th: the error lines in Thai" grep -q 'ไม่ใช่ที่อยู่อีเมล' "$TMP/up-th.html"
where() { grep -o '<li>[^<]*</li>' "$1" | sed -E 's/^<li>([^:]*:[^:]*: [^:]*): .*/\1/' | sort; }
check "upload: the same positions (FILE:LINE: COLUMN) in every language" \
	bash -c '[ -n "$1" ] && [ "$1" = "$2" ] && [ "$1" = "$3" ]' _ "$(where "$TMP/up-en.html")" "$(where "$TMP/up-vi.html")" "$(where "$TMP/up-th.html")"
check "upload: nothing of the bad file stored" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE full_name = 'Test Person'")" = 0 ]
web_stop

# The documents keep English by default and take --lang for every section; a long
# translation is never cut inside a letter; the CLI's import messages stay English.
"$ACTIP" report --db "$DB" --year 2021 --format md -o "$TMP/r-en.md"
check "report md: English by default" bash -c 'grep -q "^\*\*Table 1\*\* Number and type" "$1" && grep -q "| Cambodia |" "$1"' _ "$TMP/r-en.md"
for lang in lo my km th vi; do
	for fmt in md html; do
		"$ACTIP" report --db "$DB" --year 2021 --format $fmt --lang $lang -o "$TMP/r-$lang.$fmt"
		check "report $fmt --lang $lang: valid UTF-8" python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/r-$lang.$fmt"
	done
	"$ACTIP" workplan report --db "$DB" --plan WP-TEST --period 2021-H1 --format html --lang $lang -o "$TMP/wp-$lang.html"
	check "workplan report --lang $lang: valid UTF-8, states keep their classes" \
		bash -c 'python3 -c "import sys; open(sys.argv[1], \"rb\").read().decode(\"utf-8\")" "$1" && grep -q "st-ongoing" "$1" && grep -q "st-delayed" "$1"' _ "$TMP/wp-$lang.html"
done
check "report md --lang lo: tables, countries and notes in Lao" \
	bash -c 'grep -q "^\*\*ຕາຕະລາງ 1\*\* ຈຳນວນ ແລະ ປະເພດ" "$1" && grep -q "| ກຳປູເຈຍ |" "$1" && grep -q "^ແຫຼ່ງຂໍ້ມູນ: " "$1" && ! grep -qE "Table [0-9]|Country/region|Source: " "$1"' _ "$TMP/r-lo.md"
check "report html --lang my: <html lang>, contents and figures in Burmese" \
	bash -c 'grep -q "<html lang=\"my\">" "$1" && grep -q "<h2>မာတိကာ</h2>" "$1" && grep -q "ပုံ 1" "$1"' _ "$TMP/r-my.html"
check "workplan report --lang vi: sections, columns and sentences in Vietnamese" \
	bash -c 'grep -q "Các tỷ lệ giám sát" "$1" && grep -q "Cơ quan chủ trì" "$1" && grep -q "Đang thực hiện" "$1" && ! grep -q "Monitoring rates\|Lead body" "$1"' _ "$TMP/wp-vi.html"
"$ACTIP" workplan review --db "$DB" --plan WP-TEST --kind midterm --format html --lang th -o "$TMP/rv-th.html"
check "workplan report --lang my: <html lang=\"my\">" grep -q '<html lang="my">' "$TMP/wp-my.html"
check "workplan review --lang th: in Thai" bash -c 'grep -q "อัตราในแต่ละช่วงเวลา" "$1" && ! grep -q "Rates over the periods" "$1"' _ "$TMP/rv-th.html"
printf 'activity_id,full_name,sex,country\nKH-1,Someone,x,KH\n' >"$TMP/participants-bad.csv"
"$ACTIP" import --db "$DB" "$TMP/participants-bad.csv" >/dev/null 2>"$TMP/import.err"
check "the CLI's import messages stay English" grep -q "is not female, male or other" "$TMP/import.err"
finish
