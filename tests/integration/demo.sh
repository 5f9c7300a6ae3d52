#!/usr/bin/env bash
# The demo data is reproducible: data/demo/generate.py writes exactly the committed CSV
# files, and its independent checker (plain Python, not actip) finds the published
# 2021 tables in them.
. "$(dirname "$0")/lib.sh"

python3 "$SRCDIR/data/demo/generate.py" "$TMP/regen" >/dev/null
check "generator runs" [ $? -eq 0 ]
check "demo CSV files present" [ "$(ls "$SRCDIR"/data/demo/*.csv | wc -l)" -ge 10 ]
for f in "$SRCDIR"/data/demo/*.csv; do
	check "regenerated $(basename "$f") is identical" cmp -s "$f" "$TMP/regen/$(basename "$f")"
done
out=$(python3 "$SRCDIR/data/demo/generate.py" --check "$SRCDIR/data/demo" 2>&1)
check "independent checker: all 2021 tables match" grep -q "demo data: all 2021 tables match" <<<"$out"
finish
