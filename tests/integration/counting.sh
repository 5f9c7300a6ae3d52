#!/usr/bin/env bash
# The counting rules where small slips hide: a purpose-built 2021 in which every rule has a
# case that only the right reading gets right.
# - Who counts under which sex and country (Tables 3 and 4, the indicators): the earliest
#   attendance by start date, then activity id, then row order; each tie is set up so that
#   the file's order, the reverse order and "female first" all give another answer.
# - Denominators: % women over female + male + other; Table 5's and the indicators'
#   percentages over those who answered the question (blank answers left out, a group in
#   which nobody answered shows null, not 0); blank sex counts in respondents only.
. "$(dirname "$0")/lib.sh"

D="$TMP/in"
mkdir -p "$D"
cat >"$D/projects.csv" <<'CSV'
code,title,country,focus
C1,National cooperation,KH,national
R1,Regional cooperation,ASEAN,
CSV
# KH-A and KH-B share a start date (the id decides); KH-C is earlier than both though its
# id is later; KH-M is the earliest of all but a meeting (Table 3 only).
cat >"$D/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date
KH-B,C1,KH,capacity_development,Course B,2021-03-01
KH-A,C1,KH,capacity_development,Course A,2021-03-01
KH-C,C1,KH,capacity_development,Course C,2021-02-01
KH-M,C1,KH,meeting,Meeting M,2021-01-15
R-A,R1,ASEAN,capacity_development,Regional course,2021-04-01
CSV
# P1: KH-B (listed first) says male TH, KH-A female KH: KH-A's id is first -> female KH.
# P2, P3, P4: two rows in one activity: the first row decides (female VN; male MY; female
#   PH, where the second row differs in country only).
# P5: KH-C (earlier date, later id) male ID, KH-A female KH -> male ID.
# P6: meeting KH-M female BN, course KH-A male BN -> Table 3 female BN, Table 4 male BN.
# P7: other KH.
cat >"$D/participants.csv" <<'CSV'
activity_id,person_id,sex,country
KH-B,P1,male,TH
KH-A,P1,female,KH
KH-A,P2,female,VN
KH-A,P2,male,LA
KH-A,P3,male,MY
KH-A,P3,female,MY
KH-A,P4,female,PH
KH-A,P4,female,SG
KH-A,P5,female,KH
KH-C,P5,male,ID
KH-M,P6,female,BN
KH-A,P6,male,BN
KH-A,P7,other,KH
CSV
# KH group (KH-A): 5 respondents (one of blank sex); the answered: satisfied 3 of 4 yes,
# met_objectives 2 of 3, met_expectations 1 of 1, improved_learning 2 of 3. Over all five
# respondents they would be 60, 40, 20 and 40. ASEAN group (R-A): nobody answered.
cat >"$D/feedback.csv" <<'CSV'
activity_id,sex,satisfied,met_objectives,met_expectations,improved_learning
KH-A,female,yes,yes,,no
KH-A,male,no,,,yes
KH-A,female,yes,,,
KH-A,other,,yes,yes,
KH-A,,yes,no,,yes
R-A,male,,,,
R-A,female,,,,
CSV
cat >"$D/indicators.csv" <<'CSV'
code,title,unit,disaggregations,measure
I-SAT,Satisfied respondents,percentage,sex,pct_satisfied
I-LRN,Respondents whose learning improved,percentage,sex,pct_improved_learning
I-WT,Women among people trained,percentage,,pct_women_trained
I-WP,Women among participants,percentage,,pct_women_participants
I-PT,People trained,number,sex;country,people_trained
I-PA,Participants,number,sex;country,participants
CSV
db="$TMP/c.db"
"$ACTIP" import --db "$db" --quiet "$D" >"$TMP/import.out" 2>&1
check "fixture imports" [ $? = 0 ]
"$ACTIP" report --db "$db" --year 2021 --format json -o "$TMP/r.json"
check "report json written" [ $? = 0 -a -s "$TMP/r.json" ]
"$ACTIP" indicators --db "$db" --year 2021 --format json -o "$TMP/i.json"
check "indicators json written" [ $? = 0 -a -s "$TMP/i.json" ]

# cell TABLE ROW COLUMN: one cell of the report's JSON ("absent" for a missing row).
cell() {
	python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))[sys.argv[2]]
row = t["rows"].get(sys.argv[3])
print("absent" if row is None else json.dumps(row[t["columns"].index(sys.argv[4])]))' "$TMP/r.json" "$@"
}
# expect_cell TABLE ROW COLUMN WANT WHY
expect_cell() {
	local got
	got=$(cell "$1" "$2" "$3")
	if [ "$got" = "$4" ]; then ok "$1 $2 $3 = $4 ($5)"; else not_ok "$1 $2 $3 = $4 ($5)" "got '$got'"; fi
}

# Table 3: attendances under the person's earliest attendance of all (meetings included).
expect_cell table3 KH female 2 "P1 by activity id; P5's KH-A row is not its first"
expect_cell table3 KH male 0 "nobody's first record is a KH man"
expect_cell table3 KH other 1 "P7"
expect_cell table3 KH total 3 "P1 twice and P7; not P5 nor P6"
expect_cell table3 TH total absent "P1's KH-B row is not their first (same date, later id)"
expect_cell table3 VN female 2 "P2's first row"
expect_cell table3 LA total absent "P2's second row does not decide"
expect_cell table3 MY male 2 "P3's first row"
expect_cell table3 MY female 0 "P3's second row does not decide"
expect_cell table3 PH female 2 "P4's first row"
expect_cell table3 SG total absent "P4's second row does not decide"
expect_cell table3 ID male 2 "P5: the earlier date beats the earlier id"
expect_cell table3 BN female 2 "P6: the meeting is the earliest attendance"
expect_cell table3 KH pct_women 67 "2 of 3, other in the denominator"
expect_cell table3 TOTAL total 13 "every attendance once"
# Table 4: each person once, under their earliest capacity development attendance.
expect_cell table4 KH female 1 "P1"
expect_cell table4 KH other 1 "P7"
expect_cell table4 KH pct_women 50 "1 of 2, other in the denominator"
expect_cell table4 TH total absent "P1 not under KH-B's record"
expect_cell table4 VN female 1 "P2"
expect_cell table4 MY male 1 "P3"
expect_cell table4 PH female 1 "P4"
expect_cell table4 ID male 1 "P5"
expect_cell table4 BN male 1 "P6: the meeting is not a course"
expect_cell table4 BN female 0 "P6's meeting record does not decide Table 4"
expect_cell table4 TOTAL total 7 "seven persons"
pr=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["table4"]["percentage_row"])' "$TMP/r.json")
check "table4 percentage row: 3, 3 and 1 of 7 with two decimals ($pr)" [ "$pr" = "[42.86, 42.86, 14.29]" ]

# Table 5: the answered are the denominators.
expect_cell table5 KH respondents 5 "blank sex is a respondent"
expect_cell table5 KH female 2 ""
expect_cell table5 KH male 1 ""
expect_cell table5 KH other 1 "blank sex is in no sex column"
expect_cell table5 KH satisfied_pct 75 "3 of the 4 who answered, not 3 of 5"
expect_cell table5 KH met_objectives_pct 67 "2 of 3, not 2 of 5"
expect_cell table5 KH met_expectations_pct 100 "1 of 1, not 1 of 5"
expect_cell table5 KH improved_learning_pct 67 "2 of 3, not 2 of 5"
expect_cell table5 ASEAN respondents 2 "respondents who answered nothing"
for q in satisfied_pct:75 met_objectives_pct:67 met_expectations_pct:100 improved_learning_pct:67; do
	expect_cell table5 ASEAN "${q%:*}" null "nobody answered: no denominator"
	expect_cell table5 TOTAL "${q%:*}" "${q#*:}" "the unanswered group adds nothing"
done
expect_cell table5 TOTAL respondents 7 ""

# The indicators read the same records the same way.
out=$(python3 - "$TMP/i.json" <<'PY'
import json, sys
ind = {i["code"]: i for i in json.load(open(sys.argv[1]))["indicators"]}
bad, n = [], 0
def eq(what, got, want):
    global n
    n += 1
    if got != want:
        bad.append(f"{what}: got {got!r}, want {want!r}")
def frac(a):
    return (a or {}).get("numerator"), (a or {}).get("denominator"), (a or {}).get("value")
eq("I-SAT", frac(ind["I-SAT"]["actual"]), (3, 4, 75))
eq("I-SAT female", frac(ind["I-SAT"]["by_sex"]["female"]), (2, 2, 100))
eq("I-SAT male", frac(ind["I-SAT"]["by_sex"]["male"]), (0, 1, 0))
eq("I-LRN", frac(ind["I-LRN"]["actual"]), (2, 3, 67))
eq("I-WT", frac(ind["I-WT"]["actual"]), (3, 7, 43))
eq("I-WP", frac(ind["I-WP"]["actual"]), (8, 13, 62))
eq("I-PT", ind["I-PT"]["actual"]["value"], 7)
eq("I-PT female", ind["I-PT"]["by_sex"]["female"]["value"], 3)
eq("I-PT BN", ind["I-PT"]["by_country"].get("BN", {}).get("value"), 1)
eq("I-PT TH", ind["I-PT"]["by_country"].get("TH", {}).get("value", 0), 0)
eq("I-PA KH", ind["I-PA"]["by_country"]["KH"]["value"], 3)
eq("I-PA TH", ind["I-PA"]["by_country"].get("TH", {}).get("value", 0), 0)
print("\n".join(bad) if bad else f"{n} values")
sys.exit(1 if bad or n != 12 else 0)
PY
)
if [ $? = 0 ]; then ok "indicators: the same persons and the answered as denominators ($out)"; else not_ok "indicators: the same persons and the answered as denominators" "$out"; fi

# The data-quality annex names the persons recorded twice differently (P1-P6).
"$ACTIP" check --db "$db" --year 2021 --format json >"$TMP/q.json" 2>/dev/null
check "check json written" [ -s "$TMP/q.json" ]
n=$(python3 -c 'import json,sys; print([r["findings"] for r in json.load(open(sys.argv[1]))["rules"] if r["id"] == "person-conflict"][0])' "$TMP/q.json")
check "person-conflict: six persons with two sexes or countries ($n)" [ "$n" = 6 ]
finish
