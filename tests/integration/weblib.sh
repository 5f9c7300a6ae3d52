# Helpers of the web integration tests: a small database with two countries' records,
# one account per role, a server on a random free loopback port (killed at exit), and
# signed-in curl sessions. Password hashing runs at the minimum argon2 limits through
# ACTIP_TEST_WEAK_KDF, which only the test build honours.
export ACTIP_TEST_WEAK_KDF=1
PW='a long test passphrase'
DB="$TMP/web.db"
SERVER_PID=""

# web_seed: the records and the accounts.
web_seed() {
	cat >"$TMP/projects.csv" <<'CSV'
code,title,country
C202,Cooperation KH,KH
T101,Cooperation TH,TH
CSV
	cat >"$TMP/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date
KH-1,C202,KH,capacity_development,Training KH,2021-03-01
TH-1,T101,TH,capacity_development,Training TH,2021-04-01
CSV
	cat >"$TMP/participants.csv" <<'CSV'
activity_id,full_name,sex,country
KH-1,Sok Dara,female,KH
TH-1,Somchai,male,TH
CSV
	"$ACTIP" import --db "$DB" --quiet "$TMP/projects.csv" "$TMP/activities.csv" "$TMP/participants.csv" >/dev/null
	# A small work plan: WP-1 led by SOMTC, WP-2 led by ACWC with SOMTC cooperating,
	# WP-3 ACWC's alone.
	mkdir -p "$TMP/wp"
	cat >"$TMP/wp/bodies.csv" <<'CSV'
code,name,kind
SOMTC,Senior Officials Meeting on Transnational Crime,sectoral_body
ACWC,ASEAN Commission on the Rights of Women and Children,sectoral_body
CSV
	cat >"$TMP/wp/plans.csv" <<'CSV'
plan,title,start_year,end_year,overseen_by
WP-TEST,Test work plan 2020-2021,2020,2021,SOMTC
CSV
	cat >"$TMP/wp/workplan.csv" <<'CSV'
item_id,plan,pillar,activity,lead_body,cooperating_bodies,start_year,end_year
WP-1,WP-TEST,prevention,Regional study on trafficking trends,SOMTC,,2020,2021
WP-2,WP-TEST,protection,Guidelines on victim identification,ACWC,SOMTC,2020,2021
WP-3,WP-TEST,protection,Child-friendly procedures,ACWC,,2020,2021
CSV
	cat >"$TMP/wp/workplan_status.csv" <<'CSV'
item_id,period,body,status,note,reported_on
WP-1,2021-H1,SOMTC,ongoing,Terms of reference agreed.,2021-07-10
WP-3,2021-H1,ACWC,delayed,Waiting for funds.,2021-07-20
CSV
	"$ACTIP" import --db "$DB" --quiet "$TMP/wp" >/dev/null
	local u
	for u in "admin admin" "kh country_officer --country KH" "th country_officer --country TH" \
		"fp focal_point --body SOMTC" "viewer viewer" "lock viewer"; do
		set -- $u
		local name=$1 role=$2
		shift 2
		echo "$PW" | "$ACTIP" user add --db "$DB" --name "$name" --role "$role" "$@" --password-stdin >/dev/null
	done
}

# serve_port OUTFILE: the port a starting `actip serve` announces in OUTFILE (its standard
# output), on whatever address it listens, waiting up to 10 s; prints nothing when it never does.
serve_port() {
	local i port=""
	for i in $(seq 1 100); do
		port=$(sed -n 's|^actip: serving https\?://[^:/]*:\([0-9]*\)/.*|\1|p' "$1")
		[ -n "$port" ] && break
		sleep 0.1
	done
	echo "$port"
}

# web_start [FLAGS...]: starts the server on a free port; sets URL.
web_start() {
	# Emptied here, not by the redirection below: that runs in the background child, and
	# serve_port could read the last server's announcement (a dead port) before it.
	: >"$TMP/serve.out"
	"$ACTIP" serve --db "$DB" --listen 127.0.0.1:0 "$@" >"$TMP/serve.out" 2>"$TMP/serve.log" &
	SERVER_PID=$!
	local port
	port=$(serve_port "$TMP/serve.out")
	local scheme
	scheme=$(sed -n 's|^actip: serving \(https\?\)://.*|\1|p' "$TMP/serve.out")
	URL="${scheme:-http}://127.0.0.1:$port"
	[ -n "$port" ]
}

# web_stop: stops the server started by web_start.
web_stop() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=""
		# A sanitizer report in the server's log fails the test by name (the server's
		# crash otherwise shows only as the failures of the checks after it).
		if grep -q 'AddressSanitizer\|runtime error:\|LeakSanitizer' "$TMP/serve.log" 2>/dev/null; then
			not_ok "server: no sanitizer report in its log" "$(grep -m3 'AddressSanitizer\|runtime error:\|LeakSanitizer' "$TMP/serve.log")"
			cp "$TMP/serve.log" "$TMP/serve.log.reported" # report once
			: >"$TMP/serve.log"
		fi
	fi
}
trap 'web_stop; rm -rf "$TMP"' EXIT

# login NAME: signs in, keeping the cookie in $TMP/NAME.jar and the CSRF token in $TMP/NAME.csrf.
login() {
	curl -s -c "$TMP/$1.jar" -H 'Content-Type: application/json' \
		-d "{\"user\":\"$1\",\"password\":\"$PW\"}" "$URL/api/v1/session" |
		sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' >"$TMP/$1.csrf"
	[ -s "$TMP/$1.csrf" ]
}

# call NAME METHOD PATH [CONTENT-TYPE BODY]: the HTTP status of a signed-in call with CSRF.
call() {
	local who=$1 method=$2 path=$3 ctype=${4:-} body=${5:-}
	local args=(-s -o "$TMP/body" -w '%{http_code}' -X "$method" -b "$TMP/$who.jar"
		-H "X-CSRF-Token: $(cat "$TMP/$who.csrf")")
	[ -n "$ctype" ] && args+=(-H "Content-Type: $ctype" --data-binary "$body")
	curl "${args[@]}" "$URL$path"
}

# page_version WHO PATH [ITEM]: the hidden "version" field of the edit form on page PATH
# as WHO sees it (of the row form of work-plan line ITEM when given); "" when none.
page_version() {
	curl -s -b "$TMP/$1.jar" "$URL$2" | python3 -c '
import re, sys
item = sys.argv[1] if len(sys.argv) > 1 else None
near = r"name=\"item\" value=\"%s\">.*?" % re.escape(item) if item else ""
m = re.search(near + r"name=\"version\" value=\"([0-9a-f]*)\"", sys.stdin.read(), re.S)
print(m.group(1) if m else "")' ${3:+"$3"}
}

# form_post WHO PATH NAME=VALUE...: the HTTP status of a form post (urlencoded, with the
# session's CSRF token as a field); the answer's body in $TMP/body.
form_post() {
	local who=$1 path=$2
	shift 2
	local args=(-s -o "$TMP/body" -w '%{http_code}' -b "$TMP/$who.jar" --data-urlencode "csrf=$(cat "$TMP/$who.csrf")")
	local f
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	curl "${args[@]}" "$URL$path"
}

# data_dump: the stored records the access rules protect.
data_dump() {
	sqlite3 "$DB" "SELECT * FROM activity ORDER BY id; SELECT activity, seq, full_name, sex, country FROM attendance ORDER BY 1, 2; SELECT * FROM feedback ORDER BY 1, 2; SELECT * FROM project ORDER BY 1; SELECT * FROM period; SELECT * FROM wp_status ORDER BY 1, 2, 4; SELECT * FROM wp_period_lock"
}

# records_seed: besides web_seed's, a record of every kind (outcome links, an
# achievement, project status, expenditure, indicators, a setting, a focal point, a
# meeting with a decision, an adoption step and a consultation input), for the records
# tests (records.sh, records_forms.sh).
records_seed() {
	mkdir -p "$TMP/more"
	cat >"$TMP/more/framework.csv" <<'CSV'
code,level,parent,title
GOAL,goal,,Goal
O1.1,immediate,GOAL,Outcome one
O1.2,immediate,GOAL,Outcome two
CSV
	cat >"$TMP/more/partners.csv" <<'CSV'
code,name,kind,country
P-KH,Partner of Cambodia,ngo,KH
CSV
	cat >"$TMP/more/projects.csv" <<'CSV'
code,title,country,outcomes,start_year,end_year
C202,Cooperation KH,KH,O1.1,2020,2022
T101,Cooperation TH,TH,O1.2,2020,2022
CSV
	cat >"$TMP/more/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date,outcomes
KH-1,C202,KH,capacity_development,Training KH,2021-03-01,O1.1;O1.2
TH-1,T101,TH,capacity_development,Training TH,2021-04-01,O1.2
CSV
	cat >"$TMP/more/feedback.csv" <<'CSV'
activity_id,sex,satisfied,relevant,understanding
KH-1,female,yes,yes,good
KH-1,male,no,,fair
CSV
	cat >"$TMP/more/project_status.csv" <<'CSV'
project,year,status,note
C202,2021,some_delays,Elections
T101,2021,completed,
CSV
	cat >"$TMP/more/achievements.csv" <<'CSV'
achievement_id,project,country,date,outcomes,text,total,female,male
KH-A1,C202,KH,2021-06-30,O1.1,A guideline was adopted.,10,6,4
CSV
	cat >"$TMP/more/expenditure.csv" <<'CSV'
year,amount,currency
2021,1500.5,USD
CSV
	cat >"$TMP/more/indicators.csv" <<'CSV'
code,title,outcome,unit,ascending,cumulative,disaggregations
IND-1,People trained,O1.1,number,yes,no,sex
CSV
	cat >"$TMP/more/indicator_targets.csv" <<'CSV'
indicator,period,target
IND-1,2021,25.5
CSV
	cat >"$TMP/more/indicator_actuals.csv" <<'CSV'
indicator,period,sex,value,note
IND-1,2021,female,12,counted
CSV
	cat >"$TMP/more/surveys.csv" <<'CSV'
code,year,title,figure
SV-1,2021,Partner survey,1
CSV
	cat >"$TMP/more/survey_questions.csv" <<'CSV'
survey,question,text,scale
SV-1,Q1,Was it useful?,yes_no
CSV
	cat >"$TMP/more/survey_answers.csv" <<'CSV'
survey,respondent,question,answer
SV-1,R1,Q1,yes
CSV
	cat >"$TMP/more/narrative.csv" <<'CSV'
year,section,text
2021,foreword,A **good** year.
CSV
	cat >"$TMP/more/abbreviations.csv" <<'CSV'
year,abbreviation,meaning
2021,TIP,trafficking in persons
CSV
	cat >"$TMP/more/settings.csv" <<'CSV'
key,value
iati_default_currency,USD
CSV
	"$ACTIP" import --db "$DB" --quiet "$TMP/more" >/dev/null || not_ok "the records seed is imported"
	mkdir -p "$TMP/wpmore"
	cat >"$TMP/wpmore/focal_points.csv" <<'CSV'
body,name,email,role
SOMTC,Ana Reyes,ana@example.org,focal point
CSV
	cat >"$TMP/wpmore/meetings.csv" <<'CSV'
meeting,plan,title,venue,held_on
M-1,WP-TEST,Review meeting,Manila,2021-05-01
CSV
	cat >"$TMP/wpmore/decisions.csv" <<'CSV'
meeting,no,decision,due_on,follow_up_by,status
M-1,1,Circulate the draft,2021-06-01,SOMTC;ACWC,open
CSV
	cat >"$TMP/wpmore/adoption_steps.csv" <<'CSV'
plan,step,body,due_on,done_on
WP-TEST,drafted,SOMTC,2019-12-01,2019-11-20
CSV
	cat >"$TMP/wpmore/consultation_inputs.csv" <<'CSV'
plan,body,item_id,submitted_on,comment
WP-TEST,ACWC,WP-2,2020-01-10,Add a child-friendly step.
CSV
	"$ACTIP" import --db "$DB" --quiet "$TMP/wpmore" >/dev/null || not_ok "the records seed (work plan) is imported"
}

# The kinds of the records API (spec/records-api.md).
KINDS="settings framework partners projects project_status activities participants feedback
achievements expenditure indicators indicator_targets indicator_actuals surveys survey_questions
survey_answers narrative abbreviations bodies focal_points
plans workplan workplan_status meetings decisions adoption_steps consultation_inputs"

# jget EXPR: a Python expression of the last answer's JSON as d ($TMP/body).
jget() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"; }

# records_dump: the stored records, without the audit, sessions, sign-in failures and
# statistics (every request adds its own).
records_dump() { sqlite3 "$DB" .dump | grep -v -e 'INSERT INTO audit' -e 'INSERT INTO app_session' \
	-e 'INSERT INTO login_failure' -e 'INSERT INTO stat_'; }
