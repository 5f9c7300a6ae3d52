#!/usr/bin/env bash
# Upload previews (CSV bodies with people's names, kept in pending_upload until the
# upload is confirmed) are deleted at Cancel, at sign-out, and by the server's periodic
# sweep once an hour old, also when nobody uploads again; a fresh preview stays.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
export ACTIP_TEST_SWEEP_SECS=1
web_seed
check "server starts (sweep every second: a test build)" web_start
pending() { sqlite3 "$DB" 'SELECT count(*) FROM pending_upload'; }
# preview WHO: uploads a participants file for a preview; its id in $TMP/id.
preview() {
	curl -s -o "$TMP/preview.html" -b "$TMP/$1.jar" -H "X-CSRF-Token: $(cat "$TMP/$1.csrf")" -H 'Content-Type: text/csv' \
		--data-binary $'activity_id,full_name,sex,country\nKH-1,Zqpreview Name,female,KH\n' "$URL/upload?template=participants"
	sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/preview.html" | head -1 >"$TMP/id"
	[ -s "$TMP/id" ]
}
login admin
check "a preview is made" preview admin
check "it waits in the database" [ "$(pending)" = 1 ]
check "the preview page offers Cancel as a post" grep -q 'formaction="/upload/cancel"' "$TMP/preview.html"
st=$(form_post admin /upload/cancel "id=$(cat "$TMP/id")")
check "Cancel -> 303 back to the form" [ "$st" = 303 ]
check "Cancel deleted the preview" [ "$(pending)" = 0 ]
check "Cancel stored nothing" [ "$(sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE full_name LIKE 'Zqpreview%'")" = 0 ]

check "a second preview is made" preview admin
st=$(form_post admin /logout)
check "sign-out -> 303" [ "$st" = 303 ]
check "sign-out deleted the session's preview" [ "$(pending)" = 0 ]

login admin
check "a third preview is made" preview admin
login kh
check "kh's preview is made" preview kh
sqlite3 "$DB" "UPDATE pending_upload SET created = created - 3601 WHERE token_hash IN (SELECT s.token_hash FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE u.name = 'admin')"
for i in $(seq 1 40); do [ "$(pending)" = 1 ] && break; sleep 0.1; done
check "the sweep deleted the preview an hour old, without any request" [ "$(pending)" = 1 ]
sleep 2
check "the fresh preview stays" [ "$(pending)" = 1 ]
st=$(form_post kh /upload/confirm "id=$(cat "$TMP/id")")
check "the fresh preview can still be confirmed" bash -c "[ $st = 200 ] && [ \$(sqlite3 '$DB' \"SELECT count(*) FROM attendance WHERE full_name = 'Zqpreview Name'\") = 1 ]"
web_stop
finish
