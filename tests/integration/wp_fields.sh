#!/usr/bin/env bash
# The work plan's documents show what is recorded: every field of a line (indicator,
# target and outcome beside the expected output), consultation inputs that came after
# the inputs_due step's planned date flagged late with a count, the bodies that sent no
# input listed, and the follow-up decisions of a meeting outside any plan (a steering
# committee's) beside the plan's own.
source "$(dirname "$0")/lib.sh"

db="$TMP/w.db"
mkdir -p "$TMP/wp"
cat >"$TMP/wp/bodies.csv" <<'CSV'
code,name,kind
SOMTC,Senior Officials Meeting on Transnational Crime,sectoral_body
ACWC,Women and children commission,sectoral_body
SLOM,Senior Labour Officials Meeting,sectoral_body
AICHR,Human rights commission,sectoral_body
CSV
cat >"$TMP/wp/plans.csv" <<'CSV'
plan,title,start_year,end_year,overseen_by
WP-1,Test plan,2019,2021,SOMTC
CSV
cat >"$TMP/wp/workplan.csv" <<'CSV'
item_id,plan,pillar,activity,lead_body,expected_output,indicator,target,outcome,start_year,end_year
L1,WP-1,protection,Train officers,SOMTC,Officers trained,Number trained,200 by 2021,Better victim identification,2019,2021
L2,WP-1,prevention,Awareness campaign,ACWC,,,,,2019,2020
L3,WP-1,cooperation,Regional dialogue,AICHR,,,,,2020,2021
CSV
cat >"$TMP/wp/adoption_steps.csv" <<'CSV'
plan,step,body,due_on,done_on
WP-1,inputs_due,,2019-01-31,
CSV
cat >"$TMP/wp/consultation_inputs.csv" <<'CSV'
plan,body,item_id,submitted_on,comment
WP-1,ACWC,L1,2019-01-31,On the day.
WP-1,SLOM,,2019-02-02,Two days late.
CSV
cat >"$TMP/wp/meetings.csv" <<'CSV'
meeting,plan,title,venue,held_on
M-PLAN,WP-1,Review of the plan,Manila,2020-03-01
M-RPSC,,Steering committee,Jakarta,2020-06-01
CSV
cat >"$TMP/wp/decisions.csv" <<'CSV'
meeting,no,decision,due_on,follow_up_by,status
M-PLAN,1,Circulate the review,2020-04-01,SOMTC,done
M-RPSC,1,Fund the shelter study,2020-09-01,ACWC;SLOM,open
CSV
"$ACTIP" import -q --db "$db" "$TMP/wp" >"$TMP/imp.out" 2>&1; st=$?
check "fixture imports" [ "$st" = 0 ]
[ "$st" = 0 ] || cat "$TMP/imp.out"
"$ACTIP" workplan report --db "$db" --plan WP-1 --period 2020-H2 --format md -o "$TMP/r.md" 2>"$TMP/err"
check "report written" [ -s "$TMP/r.md" ] || cat "$TMP/err"
"$ACTIP" workplan report --db "$db" --plan WP-1 --period 2020-H2 --format docx -o "$TMP/r.docx" 2>/dev/null
check "docx written" [ -s "$TMP/r.docx" ]

check "every field of a line" grep -qF '| Officers trained<br>Outcome: Better victim identification<br>Indicator: Number trained<br>Target: 200 by 2021 |' "$TMP/r.md"
check "a line without them shows nothing extra" grep -q '^| L2 | *| *| Awareness campaign |  | Lead: ACWC' "$TMP/r.md"
check "the deadline and the count of late inputs" grep -qF 'Inputs were due by 2019-01-31; 1 of 2 came later.' "$TMP/r.md"
check "an input on the day is in time, two days after is late" bash -c \
	"grep -qF '| 2019-01-31 | ACWC | L1 | On the day. |' '$TMP/r.md' &&
	 grep -qF '| 2019-02-02<br>(late: due 2019-01-31) | SLOM | whole plan | Two days late. |' '$TMP/r.md'"
check "bodies with a line that sent none (not the overseeing body)" grep -qF 'and sent no input on the draft: AICHR.' "$TMP/r.md"
check "a meeting outside any plan has its decisions shown" grep -q '^| Steering committee<br>2020-06-01 | 1 | Fund the shelter study |.*ACWC, SLOM' "$TMP/r.md"
check "in a table of their own" grep -qx 'Decisions of other meetings:' "$TMP/r.md"
check "the plan's own meeting too" grep -q '^| Review of the plan<br>2020-03-01 | 1 | Circulate the review' "$TMP/r.md"
check "docx: the indicator and the steering committee" bash -c \
	"unzip -p '$TMP/r.docx' word/document.xml | grep -q 'Indicator: Number trained' &&
	 unzip -p '$TMP/r.docx' word/document.xml | grep -q 'Steering committee'"
finish
