#!/usr/bin/env bash
# The demo data in our own words: tests/own_words.py finds no run of 12 words shared
# between a narrative cell (or generator template) of data/demo and a seed document,
# and it does find one when a sentence of a seed is put back into a copy of the data,
# in a CSV cell or in a generator's string literal. Names of bodies and outcomes
# stay free to quote. Skipped (77) when ../shared/seeds is absent.
. "$(dirname "$0")/lib.sh"

seeds="${SHARED:-$SRCDIR/../shared}/seeds"
if [ ! -d "$seeds" ]; then
	echo "own words: no seed documents at $seeds; skipped"
	exit 77
fi
ow=("python3" "$SRCDIR/tests/own_words.py" --seeds "$seeds")

# 1. The data as committed passes, and says what it scanned.
out=$("${ow[@]}" "$SRCDIR/data/demo" 2>&1)
check "the demo data shares no 12-word run with the seeds" [ $? -eq 0 ]
check "the check reports what it scanned" grep -Eq "^own words: [1-9][0-9]* cells and [1-9][0-9]* literals against [1-9][0-9]* seed documents" <<<"$out"

# A sentence of a seed, taken at run time (the project holds no copy): the first line
# of the annual report's seed with 25 words or more, most of them in lower case.
sentence=$(python3 - "$seeds" <<'PY'
import re, sys
from pathlib import Path
f = sorted(Path(sys.argv[1]).glob("004_*.txt"))[0]
for line in f.read_text(encoding="utf-8").splitlines():
    ws = re.findall(r"[^\W_]+", line)
    if len(ws) >= 25 and sum(w.islower() for w in ws) > 0.7 * len(ws):
        print(" ".join(line.split()[:20]))
        break
PY
)
check "a seed sentence to put back was found" [ -n "$sentence" ]

# put_back FILE COLUMN ROW: the copy's FILE with the sentence appended to one cell.
put_back() {
	python3 - "$@" "$sentence" <<'PY'
import csv, sys
path, col, row, sentence = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
i = rows[0].index(col)
rows[row][i] = rows[row][i] + " " + sentence
with open(path, "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
PY
}

# 2. One copied sentence in an achievement's text fails, located as FILE:LINE: COLUMN.
cp -r "$SRCDIR/data/demo" "$TMP/demo"
put_back "$TMP/demo/achievements.csv" text 5
out=$("${ow[@]}" "$TMP/demo" 2>&1)
check "a copied sentence in achievements.csv fails" [ $? -eq 1 ]
check "the failure names file, line and column" grep -q "/demo/achievements.csv:6: text: [0-9]* words as in seed 004_" <<<"$out"
check "only that cell fails" [ "$(grep -c ' words as in seed ' <<<"$out")" -eq 1 ]

# 3. The same in a nested CSV (the work plan) and in a generator's string literal.
rm -rf "$TMP/demo" && cp -r "$SRCDIR/data/demo" "$TMP/demo"
put_back "$TMP/demo/workplan/workplan_status.csv" note 1
printf '\nCOPIED = "%s"\n' "$sentence" >>"$TMP/demo/results.py"
out=$("${ow[@]}" "$TMP/demo" 2>&1)
check "copies in a work-plan CSV and a template fail" [ $? -eq 1 ]
check "the work-plan note is found" grep -q "/demo/workplan/workplan_status.csv:2: note: " <<<"$out"
check "the template literal is found" grep -q "/demo/results.py:[0-9]*: string: " <<<"$out"

# 4. Names aside: quoting an outcome's and a body's full names as recorded in the data
#    (framework.csv, workplan/bodies.csv) is no copy, though the seeds print them too.
rm -rf "$TMP/demo" && cp -r "$SRCDIR/data/demo" "$TMP/demo"
names=$(python3 - "$SRCDIR/data/demo" <<'PY'
import csv, sys
d = sys.argv[1]
eopo = {r["code"]: r["title"] for r in csv.DictReader(open(d + "/framework.csv", encoding="utf-8"))}
body = {r["code"]: r["name"] for r in csv.DictReader(open(d + "/workplan/bodies.csv", encoding="utf-8"))}
print("Works towards %s, with the %s." % (eopo["EOPO2"], body["DGICM"]))
PY
)
check "the names to quote were read" [ ${#names} -gt 100 ]
sentence=$names
put_back "$TMP/demo/achievements.csv" text 5
out=$("${ow[@]}" "$TMP/demo" 2>&1)
check "full names of an outcome and a body pass" [ $? -eq 0 ]
grep -q "$(cut -c1-40 <<<"$names")" "$TMP/demo/achievements.csv"
check "the names are in the cell that was scanned" [ $? -eq 0 ]

# 5. No seeds: skipped, not passed.
"${ow[@]/$seeds/$TMP/none}" "$SRCDIR/data/demo" >/dev/null 2>&1
check "without seeds the check skips (77)" [ $? -eq 77 ]
finish
