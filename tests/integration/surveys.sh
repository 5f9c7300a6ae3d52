#!/usr/bin/env bash
# Surveys on a fixture worked by hand: the share of each answer per question, over the
# respondents who answered it, with the respondents' count and the source line, in
# every format; answers given as the scale's word in any case or as its number; a
# survey of another year or without a figure is left out; a wrong answer is refused
# with its position and nothing of the run is stored. Then the regional projects'
# feedback (satisfied, relevant, understanding) and the demo's published shares.
source "$(dirname "$0")/lib.sh"

db="$TMP/s.db"
mkdir -p "$TMP/in"
cat >"$TMP/in/surveys.csv" <<'CSV'
code,year,title,conducted_on,population,source,figure
S1,2021,Partner survey,2021-11-30,partners,Test survey records 2021.,1
S2,2020,Last year's survey,,,,1
S3,2021,Survey without a figure,,,,
CSV
cat >"$TMP/in/survey_questions.csv" <<'CSV'
survey,question,text,label,scale
S1,Q1,Was the training useful?,Useful,yes_no
S1,Q2,How do you rate the material?,,quality
S2,Q1,Old question,,yes_no
S3,Q1,Hidden question,,yes_no
CSV
cat >"$TMP/in/survey_answers.csv" <<'CSV'
survey,respondent,question,answer
S1,R1,Q1,yes
S1,R2,Q1,yes
S1,R3,Q1,no
S1,R4,Q1,yes
S1,R5,Q1,YES
S1,R6,Q1,1
S1,R1,Q2,excellent
S1,R2,Q2,Good
S1,R3,Q2,good
S1,R7,Q2,4
S2,R1,Q1,no
S3,R1,Q1,yes
CSV
cat >"$TMP/in/projects.csv" <<'CSV'
code,title,country,focus
A104,Sectoral bodies,ASEAN,regional
C202,Cooperation KH,KH,national
CSV
cat >"$TMP/in/activities.csv" <<'CSV'
activity_id,project,country,type,title,start_date
A-1,A104,ASEAN,capacity_development,Regional training,2021-08-24
A-2,A104,ASEAN,meeting,Regional meeting,2021-09-01
KH-1,C202,KH,capacity_development,Training KH,2021-03-01
CSV
cat >"$TMP/in/feedback.csv" <<'CSV'
activity_id,sex,satisfied,relevant,understanding
A-1,female,yes,yes,excellent
A-1,male,yes,,good
A-1,female,no,yes,
KH-1,female,yes,yes,poor
CSV
"$ACTIP" import -q --db "$db" "$TMP/in" >"$TMP/imp.out" 2>&1; st=$?
check "fixture imports" [ "$st" = 0 ]
[ "$st" = 0 ] || cat "$TMP/imp.out"
for f in md json html docx; do
	"$ACTIP" report --db "$db" --year 2021 --format $f -o "$TMP/r.$f" 2>/dev/null
	check "report written ($f)" [ -s "$TMP/r.$f" ]
done

# By hand. S1 has 7 respondents (R1-R7). Q1: yes R1, R2, R4, R5 (YES); no R3 and R6 ("1",
# the first word counted from the worst); R7 did not answer: 4 of 6 = 67%, 2 of 6 = 33%.
# Q2 (quality: excellent, good, fair, poor): R1 and R7 ("4" = the best) excellent, R2
# and R3 good: 2 of 4 = 50% each, fair and poor 0%.
python3 - "$TMP/r.json" >"$TMP/py.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["surveys"]
assert [v["survey"] for v in s] == ["S1"], s
v = s[0]
assert v["respondents"] == 7 and v["source"] == "Test survey records 2021.", v
q1, q2 = v["questions"]
assert q1["answered"] == 6 and q1["answers"] == {"yes": {"count": 4, "pct": 67}, "no": {"count": 2, "pct": 33}}, q1
assert q2["answered"] == 4, q2
assert {w: a["pct"] for w, a in q2["answers"].items()} == {"excellent": 50, "good": 50, "fair": 0, "poor": 0}, q2
# A104's events: 3 forms; satisfied 2 of 3 (67%); relevant 2 of 2 answered (100%);
# understanding excellent 1 and good 1 of 2 (50%, 50%). KH-1 is national: not listed.
f = d["feedback_by_project"]
assert list(f) == ["A104"], f
a = f["A104"]
assert a["respondents"] == 3 and a["satisfied_pct"] == 67 and a["relevant_pct"] == 100, a
assert {w: x["pct"] for w, x in a["understanding"].items()} == {"excellent": 50, "good": 50, "fair": 0, "poor": 0}, a
PY
check "shares worked by hand (JSON)" [ $? = 0 ]
cat "$TMP/py.out"
# Two scales: a figure for each, and the table lists each question's answers.
for line in '| Useful | 67% | 33% |' '| Q2 | 50% | 50% | 0% | 0% |' \
	    '| Useful: Was the training useful? | 6 | yes 67%, no 33% |' \
	    '| Q2: How do you rate the material? | 4 | excellent 50%, good 50%, fair 0%, poor 0% |' \
	    '7 respondents (partners); the survey closed on 2021-11-30.' \
	    'Source: Test survey records 2021.' \
	    '| A104 Sectoral bodies | 3 | 67% | 100% | 50% | 50% | 0% | 0% |'; do
	check "markdown: $line" grep -qxF "$line" "$TMP/r.md"
done
check "markdown: the survey's figures" bash -c \
	"grep -q '^\*\*Figure [0-9]*\*\* Partner survey: yes or no$' '$TMP/r.md' &&
	 grep -q '^\*\*Figure [0-9]* (continued)\*\* Partner survey: excellent to poor$' '$TMP/r.md'"
check "markdown: other years and surveys without a figure left out" \
	bash -c "! grep -q -e \"Last year's survey\" -e 'Hidden question' '$TMP/r.md'"
check "html: the survey's chart and source" bash -c \
	"grep -q 'id=\"fig-survey-1-t\"' '$TMP/r.html' && grep -q 'Source: Test survey records 2021.' '$TMP/r.html'"
check "docx: the survey's table" bash -c \
	"unzip -p '$TMP/r.docx' word/document.xml | grep -q 'Was the training useful?'"

# A wrong answer: refused with its position, and nothing of the run stored.
before=$(dump "$db")
mkdir -p "$TMP/bad"
printf 'survey,respondent,question,answer\nS1,R8,Q1,yes\nS1,R8,Q2,maybe\nS1,R9,Q9,yes\nS9,R1,Q1,no\n' \
	>"$TMP/bad/survey_answers.csv"
printf 'survey,question,text,scale\nS1,Q3,Anything?,sometimes\n' >"$TMP/bad/survey_questions.csv"
"$ACTIP" import -q --db "$db" "$TMP/bad" >"$TMP/bad.out" 2>&1; st=$?
check "a wrong answer fails the run" [ "$st" != 0 ]
check "the answer's position and the scale's words" \
	grep -q "survey_answers.csv:3: answer: 'maybe' is not an answer of the quality scale (one of: excellent, good, fair, poor)" "$TMP/bad.out"
check "an unknown question" grep -q "survey_answers.csv:4: question: survey 'S1' has no question 'Q9'" "$TMP/bad.out"
check "an unknown scale" grep -q "survey_questions.csv:2: scale:" "$TMP/bad.out"
check "nothing of the failed run stored" [ "$(dump "$db")" = "$before" ]

# The demo: the shares the published report states (webinar feedback: 1,577 responses,
# 95% satisfied, 91% very useful, 95% learned something new; AICHR's events: 98%
# satisfied, 95% relevant, understanding 42% excellent, 44% good, 14% fair).
"$ACTIP" import -q --db "$TMP/demo.db" "$SRCDIR/data/demo" >/dev/null 2>&1
"$ACTIP" report --db "$TMP/demo.db" --year 2021 --format json -o "$TMP/demo.json" 2>/dev/null
python3 - "$TMP/demo.json" >"$TMP/py.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
w = [v for v in d["surveys"] if v["survey"] == "WEBINAR-FEEDBACK-2021"][0]
assert w["respondents"] == 1577, w["respondents"]
assert [q["answers"]["yes"]["pct"] for q in w["questions"]] == [95, 91, 95], w
a = d["feedback_by_project"]["A104"]
assert (a["satisfied_pct"], a["relevant_pct"]) == (98, 95), a
assert [a["understanding"][k]["pct"] for k in ("excellent", "good", "fair")] == [42, 44, 14], a
assert sorted(v["figure"] for v in d["surveys"]) == [1, 3, 4], d["surveys"]
PY
check "demo: the published survey shares" [ $? = 0 ]
cat "$TMP/py.out"
# The figures numbered as published, in every format: the partner survey Figure 1,
# satisfaction Figure 2, the webinar feedback Figure 3, the follow-up survey Figure 4
# (its second scale "Figure 4 (continued)"); the theory of change, a diagram, has no
# number, as in the published report; the report's own charts take 5 up in order.
for f in md html docx; do
	"$ACTIP" report --db "$TMP/demo.db" --year 2021 --format $f -o "$TMP/demo.$f" 2>/dev/null
done
check "md: survey figures numbered as published" bash -c "
	grep -q '^\*\*Figure 1\*\* Annual survey of partners' '$TMP/demo.md' &&
	grep -q '^\*\*Figure 2\*\* Participants satisfied with capacity development events' '$TMP/demo.md' &&
	grep -q '^\*\*Figure 3\*\* Feedback collected after the webinars' '$TMP/demo.md' &&
	grep -q '^\*\*Figure 4\*\* Follow-up survey of webinar participants' '$TMP/demo.md' &&
	[ \"\$(grep -c '^\*\*Figure [1-9]\*\*' '$TMP/demo.md')\" = \"\$(grep -o '^\*\*Figure [1-9]\*\*' '$TMP/demo.md' | sort -u | wc -l)\" ]"
check "html: survey figures numbered as published" bash -c "
	grep -q 'Figure 1</b>[^<]*Annual survey of partners\|Figure 1[^0-9].\{0,40\}Annual survey of partners' '$TMP/demo.html' &&
	grep -q 'Figure 4[^0-9].\{0,40\}Follow-up survey' '$TMP/demo.html'"
check "docx: survey figures numbered as published" /usr/bin/python3 - "$TMP/demo.docx" <<'PY'
import re, sys, docx
caps = [p.text for p in docx.Document(sys.argv[1]).paragraphs if re.match(r"Figure \d+\b", p.text)]
want = {"1": "Annual survey of partners", "3": "Feedback collected after the webinars",
        "4": "Follow-up survey of webinar participants"}
got = {re.match(r"Figure (\d+)", c).group(1): c for c in caps}
sys.exit(not all(k in got and v in got[k] for k, v in want.items()))
PY
# the whole sequence, the same in md, html and docx
seq=$(/usr/bin/python3 - "$TMP/demo.md" "$TMP/demo.html" "$TMP/demo.docx" <<'PY'
import re, sys, html, docx
want = [("", "Theory of change: EOPO1"), ("", "Theory of change: EOPO2"), ("", "Theory of change: EOPO3"),
        ("Figure 5", "Project status"), ("Figure 6", "Capacity development events"),
        ("Figure 7", "Event participants"), ("Figure 2", "Participants satisfied"),
        ("Figure 1", "Annual survey of partners"), ("Figure 3", "Feedback collected after the webinars"),
        ("Figure 4", "Follow-up survey"), ("Figure 4 (continued)", "Follow-up survey"),
        ("Figure 8", "Participants and people trained")]
def ok(caps):
    got = []
    for c in caps:
        m = re.match(r"(Figure \d+(?: \(continued\))?)\s+(.*)", c)
        got.append((m.group(1), m.group(2)) if m else ("", c))
    return len(got) == len(want) and all(n == wn and t.startswith(wt) for (n, t), (wn, wt) in zip(got, want)), got
md = [re.sub(r"\*\*", "", l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")
      if re.match(r"\*\*Figure \d", l) or l.startswith("Theory of change: ")]
page = open(sys.argv[2], encoding="utf-8").read()
h = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in
     re.findall(r'<figure class="chart"[^>]*>\s*<figcaption>(.*?)</figcaption>', page, re.S)]
d = [p.text for p in docx.Document(sys.argv[3]).paragraphs if p.style.style_id == "Caption" and
     (p.text.startswith("Figure") or p.text.startswith("Theory of change"))]
for name, caps in (("md", md), ("html", h), ("docx", d)):
    good, got = ok(caps)
    print(name, "ok" if good else got)
PY
)
echo "$seq" | sed 's/^/# /'
check "figures: theory of change unnumbered, the survey figures as published, the charts 5-8, in md, html and docx" \
	[ "$(echo "$seq" | tr '\n' ' ')" = "md ok html ok docx ok " ]

finish
