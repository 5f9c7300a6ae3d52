#!/usr/bin/env bash
# Small-cell suppression of public outputs (issue 6, item 7: `--suppress-below K`). On the
# demo data, for K = 5 and K = 10: every visible count is 0 or at least K; the visible
# cells equal the unsuppressed report's; in every additive relation of a table (parts
# and total along a row, countries and TOTAL down a column) no hidden cell can be worked
# back (never exactly one hidden cell, and hidden parts hold at least K together unless
# the total is hidden too); percentages next to hidden counts are hidden; the csv output
# (the whole report's files, withheld cells "<K") says the same as the json. The md,
# html, xlsx and docx forms, all rendered from the public document, are read back by
# suppress_check.py: every withheld cell reads "<K", every visible cell reads as in the
# full report of the same format, and nothing else in the file (text outside the tables,
# attributes, comments, style sheet, shared strings, document properties, formulas) can
# carry a withheld number.
. "$(dirname "$0")/lib.sh"
DB=$TMP/demo.db
"$ACTIP" import --db "$DB" --quiet "$SRCDIR/data/demo"
"$ACTIP" report --db "$DB" --year 2021 --format json -o "$TMP/full.json"
for f in md html xlsx docx; do
	"$ACTIP" report --db "$DB" --year 2021 --format "$f" -o "$TMP/full.$f"
done
# Debian's python3 has openpyxl (python3-openpyxl); a python3 earlier on PATH may not.
PY=/usr/bin/python3
for k in 5 10; do
	"$ACTIP" report --db "$DB" --year 2021 --format json --suppress-below "$k" -o "$TMP/pub$k.json" 2>"$TMP/pub$k.err"
	check "K=$k: exit 0" [ $? = 0 ]
	"$ACTIP" report --db "$DB" --year 2021 --format csv --suppress-below "$k" -o "$TMP/pub$k-csv" 2>/dev/null
	python3 - "$TMP/full.json" "$TMP/pub$k.json" "$k" "$TMP/pub$k-csv" >"$TMP/v$k" <<'PY'
import csv, json, os, sys
full, pub, k, csvdir = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3]), sys.argv[4]
lt = "<%d" % k
out = {"small_visible": 0, "changed_visible": 0, "derivable": 0, "pct_leak": 0, "hidden": 0, "csv_differs": 0,
       "relations": 0}
for tid in ["table1", "table2", "table3", "table4", "table5"]:
    f, p = full[tid], pub[tid]
    cols = f["columns"]
    counts = [i for i, c in enumerate(cols) if not c.endswith("_pct") and not c.startswith("pct")]
    rows = list(f["rows"])
    for r in rows:
        for c in range(len(cols)):
            fv, pv = f["rows"][r][c], p["rows"][r][c]
            if pv == lt:
                out["hidden"] += 1
            elif c in counts and isinstance(pv, int) and 0 < pv < k:
                out["small_visible"] += 1
            elif pv != fv:
                out["changed_visible"] += 1
        if any(p["rows"][r][c] == lt for c in counts):
            out["pct_leak"] += sum(1 for c in range(len(cols)) if c not in counts and p["rows"][r][c] not in (lt, None))
    rels = []
    tot = next((i for i, c in enumerate(cols) if c in ("total", "respondents")), None)
    if tot is not None:
        for r in rows:
            parts = [(r, c) for c in counts if c != tot]
            rels.append((parts, (r, tot)))
    if "TOTAL" in f["rows"]:
        for c in counts:
            rels.append(([(r, c) for r in rows if r != "TOTAL"], ("TOTAL", c)))
    for parts, total in rels:
        val = lambda rc: f["rows"][rc[0]][rc[1]]
        if sum(val(x) for x in parts) != val(total):
            continue
        out["relations"] += 1
        hid = [x for x in parts if p["rows"][x[0]][x[1]] == lt]
        tot_hidden = p["rows"][total[0]][total[1]] == lt
        n = len(hid) + tot_hidden
        if n == 1 or (hid and not tot_hidden and sum(val(x) for x in hid) < k):
            out["derivable"] += 1
    path = os.path.join(csvdir, tid + ".csv")
    with open(path, newline="") as fh:
        rd = csv.reader(fh)
        next(rd)
        for line in rd:  # key, label, the JSON's cells; the Percentage row's shares
            if line[0] == "percentage":
                got = [c == lt for c in line[2:]]
                want = [v == lt for v in p["percentage_row"]]
            else:
                got, want = line[2:], ["" if v is None else str(v) for v in p["rows"][line[0]]]
            out["csv_differs"] += got != want
print(json.dumps(out))
PY
	sed "s/^/# K=$k: /" "$TMP/v$k"
	get() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$TMP/v$k" "$1"; }
	check "K=$k: some cells hidden ($(get hidden))" [ "$(get hidden)" -gt 0 ]
	check "K=$k: no visible count from 1 to $((k - 1))" [ "$(get small_visible)" = 0 ]
	check "K=$k: visible cells as in the full report" [ "$(get changed_visible)" = 0 ]
	check "K=$k: no hidden cell can be worked back ($(get relations) relations)" [ "$(get derivable)" = 0 -a "$(get relations)" -gt 5 ]
	check "K=$k: no percentage next to a hidden count" [ "$(get pct_leak)" = 0 ]
	check "K=$k: csv says what json says" [ "$(get csv_differs)" = 0 ]
	check "K=$k: the summary counts complementary cells" grep -q 'more hidden so they cannot be worked back' "$TMP/pub$k.err"
	for f in md html xlsx docx; do
		"$ACTIP" report --db "$DB" --year 2021 --format "$f" --suppress-below "$k" -o "$TMP/pub$k.$f" 2>/dev/null
		check "K=$k $f: exit 0" [ $? = 0 ]
	done
	$PY "$SRCDIR/tests/integration/suppress_check.py" "$k" "$TMP/full.json" "$TMP/pub$k.json" \
		"$TMP/full.md" "$TMP/pub$k.md" "$TMP/full.html" "$TMP/pub$k.html" \
		"$TMP/full.xlsx" "$TMP/pub$k.xlsx" "$SRCDIR/assets/report.css" \
		"$TMP/full.docx" "$TMP/pub$k.docx" >"$TMP/f$k" 2>"$TMP/f$k.err"
	check "K=$k: suppress_check.py runs" [ $? = 0 ]
	sed "s/^/# K=$k: /" "$TMP/f$k" "$TMP/f$k.err"
	fget() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], -1))' "$TMP/f$k" "$1"; }
	for f in md html xlsx docx; do
		check "K=$k $f: every withheld cell reads <$k ($(fget ${f}_hidden_shown) of $(fget ${f}_hidden_expected))" \
			[ "$(fget ${f}_hidden_shown)" = "$(fget ${f}_hidden_expected)" -a "$(fget ${f}_hidden_expected)" -gt 0 ]
		check "K=$k $f: no withheld number anywhere; the rest as in the full report ($(fget ${f}_bad) findings)" \
			[ "$(fget ${f}_bad)" = 0 ]
	done
	check "K=$k md: <$k escaped as &lt;$k, no raw < in the file" \
		[ "$(fget md_raw_hidden)" -gt 0 -a "$(grep -c '<' "$TMP/pub$k.md")" = 0 ]
done
"$ACTIP" report --db "$DB" --year 2021 --suppress-below 5 >"$TMP/stdout.md" 2>/dev/null
check "md is the default, to standard output" cmp -s "$TMP/stdout.md" "$TMP/pub5.md"
"$ACTIP" report --db "$DB" --year 2021 --format json --suppress-below 1 >/dev/null 2>&1
check "--suppress-below 1 is refused (exit 2)" [ $? = 2 ]

# Over-suppression: a year where every count is 0 or at least 5, with many cells exactly
# 5. With K = 5 nothing is withheld (a count equal to K is shown) and every cell is the
# full report's; with K = 6 the same fives are withheld (the check can see a hidden cell).
E="$TMP/exact"
mkdir -p "$E"
printf 'code,title,country\nC1,Course KH,KH\nT1,Course TH,TH\n' >"$E/projects.csv"
{
	echo 'activity_id,project,country,type,title,start_date'
	for c in KH TH; do for i in 1 2 3 4 5; do echo "$c-$i,$([ $c = KH ] && echo C1 || echo T1),$c,capacity_development,Course $i,2021-0$i-10"; done; done
} >"$E/activities.csv"
{
	echo 'activity_id,person_id,sex,country'
	for c in KH TH; do for i in 1 2 3 4 5; do echo "$c-1,$c-F$i,female,$c"; echo "$c-1,$c-M$i,male,$c"; done; done
} >"$E/participants.csv"
{
	echo 'activity_id,sex,satisfied'
	for c in KH TH; do for i in 1 2 3 4 5; do echo "$c-1,female,yes"; echo "$c-1,male,no"; done; done
} >"$E/feedback.csv"
"$ACTIP" import --db "$TMP/exact.db" --quiet "$E" >/dev/null 2>&1
check "exact-K year imports" [ $? = 0 ]
"$ACTIP" report --db "$TMP/exact.db" --year 2021 --format json -o "$TMP/exact-full.json"
for k in 5 6; do
	"$ACTIP" report --db "$TMP/exact.db" --year 2021 --format json --suppress-below $k -o "$TMP/exact$k.json" 2>/dev/null
	check "exact-K year, K=$k: exit 0, output written" [ $? = 0 -a -s "$TMP/exact$k.json" ]
	"$ACTIP" report --db "$TMP/exact.db" --year 2021 --format csv --suppress-below $k -o "$TMP/exact$k-csv" 2>/dev/null
	check "exact-K year, K=$k: csv written" [ $? = 0 -a -s "$TMP/exact$k-csv/table3.csv" ]
done
out=$(python3 - "$TMP/exact-full.json" "$TMP/exact5.json" "$TMP/exact6.json" <<'PY'
import json, sys
full, p5, p6 = (json.load(open(a)) for a in sys.argv[1:4])
fives = shown = same = hidden6 = cells = 0
bad = []
for tid in ["table1", "table2", "table3", "table4", "table5"]:
    for r, row in full[tid]["rows"].items():
        for c, v in enumerate(row):
            cells += 1
            if p5[tid]["rows"][r][c] == v:
                same += 1
            else:
                bad.append(f"K=5 {tid} {r} {full[tid]['columns'][c]}: {p5[tid]['rows'][r][c]!r}, full {v!r}")
            if v == 5 and not full[tid]["columns"][c].endswith("pct") and not full[tid]["columns"][c].startswith("pct"):
                fives += 1
                shown += p5[tid]["rows"][r][c] == 5
                hidden6 += p6[tid]["rows"][r][c] == "<6"
print(json.dumps({"cells": cells, "same": same, "fives": fives, "shown": shown, "hidden6": hidden6}))
for b in bad[:5]:
    print(b, file=sys.stderr)
PY
)
echo "# exact-K: $out"
xget() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$out" "$1"; }
check "exact-K year: several cells hold exactly 5 ($(xget fives))" [ "$(xget fives)" -ge 10 ]
check "K=5: every count equal to 5 is shown ($(xget shown) of $(xget fives))" [ "$(xget shown)" = "$(xget fives)" ]
check "K=5: nothing withheld, every cell as in the full report ($(xget same) of $(xget cells))" [ "$(xget same)" = "$(xget cells)" -a "$(xget cells)" -gt 0 ]
check "K=6: every count of 5 is withheld ($(xget hidden6) of $(xget fives))" [ "$(xget hidden6)" = "$(xget fives)" ]
check "K=5 csv: no <5 anywhere" bash -c "[ -s '$TMP/exact5-csv/table1.csv' ] && ! grep -q '<5' '$TMP/exact5-csv'/table*.csv"
check "K=6 csv: <6 where the fives were" grep -q '<6' "$TMP/exact6-csv/table3.csv"
finish
