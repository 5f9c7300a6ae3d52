#!/usr/bin/env bash
# The languages of the web application: the translations (po/) are complete and valid,
# po/actip.pot is current, no user-facing string of the pages is left unmarked (and the
# lint can fail), and the server answers in the language of the account, of the menu's
# cookie or of Accept-Language, with <html lang>, numbers and dates as that language writes them.
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
web_stop
finish
