#!/usr/bin/env bash
# The data-quality rules of `actip check`: for every rule, one case where it fires and
# one near miss where it stays silent, each on a copy of the clean fixture database
# (tests/fixtures/good, on which every rule is silent). Also the exit status: 1 when an
# error-severity rule fails, 0 for warnings alone.
source "$(dirname "$0")/lib.sh"

base="$TMP/base.db"
"$ACTIP" import -q --db "$base" "$FIX/good" || { not_ok "base import"; finish; exit 1; }

# fired RULE DB: how many findings RULE has on DB for 2021.
fired() {
	"$ACTIP" check --db "$2" --year 2021 --format json |
		python3 -c "import json,sys; d=json.load(sys.stdin); print([r['findings'] for r in d['rules'] if r['id']=='$1'][0])"
}

# case_db NAME FILE CONTENT [FILE CONTENT ...]: a copy of the base database with the
# given CSV files imported on top; prints its path.
case_db() {
	local name=$1; shift
	local dir="$TMP/$name"
	mkdir -p "$dir"
	cp "$base" "$dir/db"
	while [ $# -ge 2 ]; do
		printf '%b' "$2" > "$dir/$1"
		shift 2
	done
	"$ACTIP" import -q --db "$dir/db" "$dir"/*.csv >/dev/null 2>&1 || echo "import failed: $name" >&2
	echo "$dir/db"
}

# expect RULE FIRES SILENT: FIRES has findings of RULE, SILENT has none.
expect() {
	local n
	n=$(fired "$1" "$2")
	if [ "$n" -ge 1 ] 2>/dev/null; then ok "$1 fires ($n)"; else not_ok "$1 fires" "got '$n'"; fi
	n=$(fired "$1" "$3")
	if [ "$n" = 0 ]; then ok "$1 silent"; else not_ok "$1 silent" "got '$n'"; fi
}

rules=$("$ACTIP" check --db "$base" --year 2021 --format json |
	python3 -c "import json,sys; print(' '.join(r['id'] for r in json.load(sys.stdin)['rules']))")
check "the rules are listed ($(wc -w <<<"$rules"))" [ "$(wc -w <<<"$rules")" -ge 15 ]
for r in $rules; do
	n=$(fired "$r" "$base")
	if [ "$n" = 0 ]; then ok "clean fixture: $r silent"; else not_ok "clean fixture: $r silent" "got $n"; fi
done

A='achievement_id,project,country,partner,date,total,female,male,other,text\n'
expect count-parts \
	"$(case_db cp1 achievements.csv "${A}A1,C202,KH,,2021-04-01,10,4,5,,Trained ten")" \
	"$(case_db cp0 achievements.csv "${A}A1,C202,KH,,2021-04-01,10,5,5,,Trained ten")"
expect code-country \
	"$(case_db cc1 settings.csv 'key,value\nproject_code_letters,C=ID;R=ASEAN\n')" \
	"$(case_db cc0 settings.csv 'key,value\nproject_code_letters,C=KH;R=ASEAN\n')"
expect achievement-country \
	"$(case_db ac1 achievements.csv "${A}A1,C202,LA,,2021-04-01,,,,,Workshop")" \
	"$(case_db ac0 achievements.csv "${A}A1,C202,KH,,2021-04-01,,,,,Workshop")"
P='year,section,row,column,value,source\n'
expect published-list \
	"$(case_db pl1 published.csv "${P}2021,projects,LA,,C202,p.32\n")" \
	"$(case_db pl0 published.csv "${P}2021,projects,KH,,C202,p.28\n")"
T='activity_id,person_id,sex,country\n'
expect person-conflict \
	"$(case_db pc1 participants.csv "${T}KH-2,P9,male,KH\nR-1,P9,female,KH\n")" \
	"$(case_db pc0 participants.csv "${T}KH-2,P9,male,KH\nR-1,P9,male,KH\n")"
F='activity_id,sex,satisfied\n'
expect feedback-exceeds \
	"$(case_db fe1 feedback.csv "${F}KH-2,male,yes\nKH-2,,yes\nKH-2,,no\n")" \
	"$(case_db fe0 feedback.csv "${F}KH-2,male,yes\n")"
expect feedback-sex \
	"$(case_db fs1 feedback.csv "${F}KH-2,female,yes\n")" \
	"$(case_db fs0 feedback.csv "${F}KH-2,male,yes\n")"
J='code,title,country,start_year,end_year\n'
expect activity-years \
	"$(case_db ay1 projects.csv "${J}C202,Transnational investigative cooperation,KH,2019,2020\n")" \
	"$(case_db ay0 projects.csv "${J}C202,Transnational investigative cooperation,KH,2019,2021\n")"
V='activity_id,project,country,type,title,start_date\n'
expect cd-no-participants \
	"$(case_db cd1 activities.csv "${V}KH-8,C202,KH,capacity_development,Course,2021-08-01\n")" \
	"$(case_db cd0 activities.csv "${V}KH-8,C202,KH,meeting,Course,2021-08-01\n")"
G='achievement_id,set,label,share,count,parts\n'
expect share-sum \
	"$(case_db ss1 achievements.csv "${A}A1,,KH,,2021-04-01,,,,,Survey" achievement_figures.csv "${G}A1,use,often,50,,\nA1,use,rarely,45,,\n")" \
	"$(case_db ss0 achievements.csv "${A}A1,,KH,,2021-04-01,,,,,Survey" achievement_figures.csv "${G}A1,use,often,50,,\nA1,use,rarely,50,,\n")"
expect figure-parts \
	"$(case_db fp1 achievements.csv "${A}A1,,KH,,2021-04-01,100,,,,Survey" achievement_figures.csv "${G}A1,zone,North,,60,yes\nA1,zone,South,,30,yes\n")" \
	"$(case_db fp0 achievements.csv "${A}A1,,KH,,2021-04-01,100,,,,Survey" achievement_figures.csv "${G}A1,zone,North,,60,yes\nA1,zone,South,,40,yes\n")"
expect share-count \
	"$(case_db sc1 achievements.csv "${A}A1,,KH,,2021-04-01,,,,,Survey" achievement_figures.csv "${G}A1,use,often,70,3,\nA1,use,rarely,40,2,\n")" \
	"$(case_db sc0 achievements.csv "${A}A1,,KH,,2021-04-01,,,,,Survey" achievement_figures.csv "${G}A1,use,often,60,3,\nA1,use,rarely,40,2,\n")"
kh_total=$("$ACTIP" report --db "$base" --year 2021 --format json |
	   python3 -c "import json,sys; t=json.load(sys.stdin)['table3']; print(t['rows']['KH'][t['columns'].index('total')])")
expect published-cell \
	"$(case_db pe1 published.csv "${P}2021,table3,KH,total,$((kh_total + 1)),p.63\n")" \
	"$(case_db pe0 published.csv "${P}2021,table3,KH,total,$kh_total,p.63\n")"
R='code,name,kind\nN1,One,ngo\nN2,Two,ngo\n'
expect double-claim \
	"$(case_db dc1 partners.csv "$R" achievements.csv "${A}A1,,KH,N1,2021-04-01,29,29,,,Victims\nA2,,KH,N2,2021-05-01,29,29,,,Victims")" \
	"$(case_db dc0 partners.csv "$R" achievements.csv "${A}A1,,KH,N1,2021-04-01,29,29,,,Victims\nA2,,KH,N2,2021-05-01,28,28,,,Victims")"

# Database checks: a dangling reference written behind the importer's back, and an
# index that no longer matches its table.
cp "$base" "$TMP/fk.db"
sqlite3 "$TMP/fk.db" "INSERT INTO activity_outcome(activity, outcome) VALUES ('KH-1', 'NOPE')"
expect foreign-keys "$TMP/fk.db" "$base"
cp "$base" "$TMP/ix.db"
sqlite3 "$TMP/ix.db" "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = replace(sql, 'activity(project)', 'activity(title)') WHERE name = 'activity_project'"
expect integrity "$TMP/ix.db" "$base"

# Exit status: errors fail, warnings do not.
"$ACTIP" check --db "$TMP/fe1/db" --year 2021 >/dev/null; st=$?
check "an error-severity finding exits 1" [ "$st" = 1 ]
"$ACTIP" check --db "$TMP/fs1/db" --year 2021 >/dev/null; st=$?
check "warnings alone exit 0" [ "$st" = 0 ]
out=$("$ACTIP" check --db "$TMP/fs1/db" --year 2021)
check "text output names the rule and record" grep -q '^warning feedback-sex: KH-2: 1 respondent of sex female' <<<"$out"
"$ACTIP" check --db "$TMP/missing.db" >/dev/null 2>&1; st=$?
check "a missing database exits 3" [ "$st" = 3 ]

# The annex of the HTML report lists the findings by record, and says in a plain
# sentence what was checked, without the rule's code (that is for `actip check`).
"$ACTIP" report --db "$TMP/fs1/db" --year 2021 --format html -o "$TMP/fs1.html"
check "annex lists the finding" grep -q '<li class="warning"><b>KH-2</b>: 1 respondent of sex female' "$TMP/fs1.html"
check "annex says what was checked, without the rule's code" bash -c \
	"grep -qF 'The sex given on feedback forms is one found among the event' '$TMP/fs1.html' &&
	 ! grep -q 'feedback-sex' '$TMP/fs1.html'"


# person-conflict has two halves: the same sex in two countries fires it as much as two
# sexes in one country; one country and one sex twice does not.
expect person-conflict \
	"$(case_db pk1 participants.csv "${T}KH-2,P8,female,KH\nR-1,P8,female,TH\n")" \
	"$(case_db pk0 participants.csv "${T}KH-2,P8,female,TH\nR-1,P8,female,TH\n")"
out=$("$ACTIP" check --db "$TMP/pk1/db" --year 2021)
check "person-conflict names the two countries" grep -q 'person-conflict: .*countries KH,TH\|person-conflict: .*countries TH,KH' <<<"$out"
check "person-conflict: no sexes named when only the country differs" bash -c "grep -q 'person-conflict' <<<\"\$1\" && ! grep 'person-conflict' <<<\"\$1\" | grep -q sexes" _ "$out"
finish
