#!/usr/bin/env bash
# Accounts in the browser and the API (spec/records-api.md "Accounts", docs/api.md):
# admins list, create, change, disable and reset accounts, through the API and the
# forms; nobody else may; everyone changes their own password (the current one is
# checked; other sessions end, this one goes on); a change of rights ends the account's
# sessions; passwords follow the same rules as `actip user`; the audit has every change
# and never a password.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

web_seed
web_start
for u in admin kh viewer fp; do check "sign in as $u" login "$u"; done
jget() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"; }
NEWPW='another long passphrase 7'

check "admin lists the accounts: 200" [ "$(call admin GET /api/v1/users)" = 200 ]
check "the list has kh as a country officer of KH" \
	[ "$(jget '[(u["role"], u["country"]) for u in d["users"] if u["name"]=="kh"][0]')" = "('country_officer', 'KH')" ]
check "the list has admin's last sign-in" [ "$(jget '[u["last_sign_in"] is not None for u in d["users"] if u["name"]=="admin"][0]')" = True ]
for who in kh viewer fp; do
	check "$who may not list accounts: 403" [ "$(call "$who" GET /api/v1/users)" = 403 ]
	check "$who may not create an account: 403" \
		[ "$(call "$who" POST /api/v1/users application/json "{\"name\":\"x$who\",\"role\":\"admin\",\"password\":\"$NEWPW\"}")" = 403 ]
	check "$who may not reset another's password: 403" \
		[ "$(call "$who" POST /api/v1/users/admin/password application/json "{\"password\":\"$NEWPW\"}")" = 403 ]
	check "$who may not open the accounts page: 403" [ "$(call "$who" GET /users)" = 403 ]
done
check "no account was created by them" [ "$(sqlite3 "$DB" "SELECT count(*) FROM app_user WHERE name LIKE 'x%'")" = 0 ]

# create
check "admin creates a Lao officer: 201" \
	[ "$(call admin POST /api/v1/users application/json "{\"name\":\"la\",\"role\":\"country_officer\",\"country\":\"LA\",\"password\":\"$PW\"}")" = 201 ]
check "the new officer signs in" login la
check "a weak password is refused: 422" \
	[ "$(call admin POST /api/v1/users application/json '{"name":"weak","role":"viewer","password":"password"}')" = 422 ]
check "the refusal says why" grep -qi "password" "$TMP/body"
check "an officer without a country is refused: 422" \
	[ "$(call admin POST /api/v1/users application/json "{\"name\":\"nocountry\",\"role\":\"country_officer\",\"password\":\"$PW\"}")" = 422 ]
check "a focal point without a body is refused: 422" \
	[ "$(call admin POST /api/v1/users application/json "{\"name\":\"nobody\",\"role\":\"focal_point\",\"password\":\"$PW\"}")" = 422 ]
check "a second account with the same name is refused: 422" \
	[ "$(call admin POST /api/v1/users application/json "{\"name\":\"la\",\"role\":\"viewer\",\"password\":\"$PW\"}")" = 422 ]
check "a bad user name is refused: 422" \
	[ "$(call admin POST /api/v1/users application/json "{\"name\":\"a b\",\"role\":\"viewer\",\"password\":\"$PW\"}")" = 422 ]
check "none of the refused accounts exists" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM app_user WHERE name IN ('weak','nocountry','nobody','a b')")" = 0 ]

# change: the rights change and the account's sessions end
check "la's session works before the change" [ "$(call la GET /api/v1/me)" = 200 ]
check "admin makes la a viewer: 200" \
	[ "$(call admin PUT /api/v1/users/la application/json '{"role":"viewer"}')" = 200 ]
check "la's old session ended with the change of rights" [ "$(call la GET /api/v1/me)" = 401 ]
check "la is stored as a viewer without a country" \
	[ "$(sqlite3 "$DB" "SELECT role || '/' || coalesce(country, '-') FROM app_user WHERE name='la'")" = "viewer/-" ]
check "admin may not take its own admin rights: 422" \
	[ "$(call admin PUT /api/v1/users/admin application/json '{"role":"viewer"}')" = 422 ]
check "changing an unknown account: 404" \
	[ "$(call admin PUT /api/v1/users/nobody-here application/json '{"role":"viewer"}')" = 404 ]
check "admin disables la: 200" \
	[ "$(call admin PUT /api/v1/users/la application/json '{"role":"viewer","disabled":true}')" = 200 ]
check "a disabled account cannot sign in" bash -c "! login la"
check "admin enables la again: 200" \
	[ "$(call admin PUT /api/v1/users/la application/json '{"role":"viewer","disabled":false}')" = 200 ]
check "la signs in again" login la

# reset
check "admin resets la's password: 200" \
	[ "$(call admin POST /api/v1/users/la/password application/json "{\"password\":\"$NEWPW\"}")" = 200 ]
check "la's session ended with the reset" [ "$(call la GET /api/v1/me)" = 401 ]
check "the old password no longer signs in" bash -c "! login la"
st=$(curl -s -o /dev/null -w '%{http_code}' -c "$TMP/la.jar" -H 'Content-Type: application/json' \
	-d "{\"user\":\"la\",\"password\":\"$NEWPW\"}" "$URL/api/v1/session")
check "the new password signs in" [ "$st" = 200 ]

# own password: the current one is checked; this session goes on, others end
login kh
cp "$TMP/kh.jar" "$TMP/kh-other.jar"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/kh.jar" -c "$TMP/kh.jar" -H "X-CSRF-Token: $(cat "$TMP/kh.csrf")" \
	-H 'Content-Type: application/json' -d "{\"current\":\"wrong password here\",\"password\":\"$NEWPW\"}" "$URL/api/v1/me/password")
check "own password with a wrong current one: 403" [ "$st" = 403 ]
login kh
cp "$TMP/kh.jar" "$TMP/kh-first.jar"
login kh
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/kh.jar" -c "$TMP/kh.jar" -H "X-CSRF-Token: $(cat "$TMP/kh.csrf")" \
	-H 'Content-Type: application/json' -d "{\"current\":\"$PW\",\"password\":\"$NEWPW\"}" "$URL/api/v1/me/password")
check "own password with the right current one: 200" [ "$st" = 200 ]
jget 'd["csrf"]' >"$TMP/kh.csrf"
check "this session goes on" [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/kh.jar" "$URL/api/v1/me")" = 200 ]
check "the other session ended" [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/kh-first.jar" "$URL/api/v1/me")" = 401 ]
check "a weak new password is refused: 422" \
	[ "$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/kh.jar" -H "X-CSRF-Token: $(cat "$TMP/kh.csrf")" \
		-H 'Content-Type: application/json' -d "{\"current\":\"$NEWPW\",\"password\":\"short\"}" "$URL/api/v1/me/password")" = 422 ]

# the forms
check "admin opens the accounts page: 200" [ "$(call admin GET /users)" = 200 ]
check "the accounts page lists la" grep -q '>la</a>' "$TMP/body"
check "admin creates an account through the form: 200" \
	[ "$(form_post admin /users name=th2 role=country_officer country=TH body= "password=$PW")" = 200 ]
check "the form says it was created" grep -q 'The account was created' "$TMP/body"
check "the form's account exists" [ "$(sqlite3 "$DB" "SELECT role || '/' || country FROM app_user WHERE name='th2'")" = "country_officer/TH" ]
check "a refused form says why and stores nothing: 422" \
	[ "$(form_post admin /users name=th3 role=country_officer country= body= "password=$PW")" = 422 ]
check "the refused form's account does not exist" [ "$(sqlite3 "$DB" "SELECT count(*) FROM app_user WHERE name='th3'")" = 0 ]
check "admin disables th2 through its page: 200" \
	[ "$(form_post admin /users/th2 role=country_officer country=TH body= disabled=1)" = 200 ]
check "th2 is disabled" [ "$(sqlite3 "$DB" "SELECT disabled FROM app_user WHERE name='th2'")" = 1 ]
check "everyone has the own-password page" [ "$(call viewer GET /me)" = 200 ]
check "the sign-in page no longer sends people to a shell" bash -c "! curl -s '$URL/login' | grep -q 'actip user add'"

# audit
check "the audit has the account changes" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action IN ('user_add','user_change','password_reset') AND user_name='admin'")" -ge 6 ]
check "no password reaches the audit" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE coalesce(new_value,'') || coalesce(old_value,'') || coalesce(key,'') LIKE '%passphrase%'")" = 0 ]

web_stop
finish
