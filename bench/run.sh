#!/usr/bin/env bash
# actip's benchmark (`make bench`): times `actip import` + `actip report` against the
# sqlite3 shell doing the same job (.import of the CSV files, then SQL for Tables 3
# and 4) on generated data sets of N participant rows, checks that both give the same
# Tables 3 and 4, and prints medians, the ratio, actip's peak RSS, the bytes the import
# wrote against the database's size, an incremental import (one activity's
# participants into the stored database) and the targets.
#
#   bench/run.sh ACTIP
#   env: BENCH_SIZES="100000 1000000"  participant rows per data set
#        BENCH_RUNS=3                  timed runs per size and contender (alternating)
#        BENCH_REPORT_RUNS=5           runs of the report alone on the stored database
#                                      (and of the incremental import)
#        BENCH_YEAR=2021               report year
#        BENCH_DATA=build/bench-data   where generated data sets are cached
#        BENCH_FLOOR=1                 0: skip SQLite's floor (the stored rows copied
#                                      by the sqlite3 shell into actip's schema)
#
# Targets are reported, never enforced: the exit status is 0 whenever everything could
# be measured, non-zero only when a command failed. See bench/README.md.
set -euo pipefail
export LC_ALL=C   # EPOCHREALTIME with a '.' decimal point

if [[ $# -ne 1 ]]; then
	echo "usage: bench/run.sh ACTIP" >&2
	exit 2
fi
ACTIP=$(realpath "$1")
[[ -x $ACTIP ]] || { echo "bench: $1 is not an executable" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
SIZES=${BENCH_SIZES:-"100000 1000000"}
RUNS=${BENCH_RUNS:-3}
REPORT_RUNS=${BENCH_REPORT_RUNS:-5}
YEAR=${BENCH_YEAR:-2021}
DATA=${BENCH_DATA:-$root/build/bench-data}

[[ $RUNS =~ ^[1-9][0-9]*$ && $REPORT_RUNS =~ ^[1-9][0-9]*$ ]] ||
	{ echo "bench: BENCH_RUNS and BENCH_REPORT_RUNS must be positive integers" >&2; exit 2; }
for tool in sqlite3 python3 /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/actip-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
results=$tmp/results.tsv
: >"$results"

# timed OUT CMD...: runs CMD under /usr/bin/time with stdout to OUT and stderr to
# OUT.err; sets SECS (wall seconds, from EPOCHREALTIME), RSS_KB (peak RSS), WRITTEN
# (bytes the command had the kernel write: GNU time's %O, file system outputs in
# 512-byte units, which Linux takes from the same counter as /proc/PID/io write_bytes)
# and CPU (user + system seconds, which a machine busy with other work inflates less
# than the wall clock).
# A failing command stops the benchmark.
timed() {
	local out=$1 t0 t1 us
	shift
	t0=$EPOCHREALTIME
	if ! /usr/bin/time -f '%M %O %U %S' -o "$tmp/rss" "$@" >"$out" 2>"$out.err"; then
		echo "bench: command failed: $*" >&2
		tail -n 20 "$out.err" >&2
		exit 1
	fi
	t1=$EPOCHREALTIME
	us=$((10#${t1/./} - 10#${t0/./}))
	SECS=$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))
	local user sys
	read -r RSS_KB WRITTEN user sys < <(tail -n 1 "$tmp/rss")
	WRITTEN=$((WRITTEN * 512))
	CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# record N RUN STEP [DB]: appends the last timed() measurement to the results, with the
# bytes written, the CPU seconds and, when DB is given, the size of that database and
# its WAL.
record() {
	local size=-
	[[ -n ${4:-} ]] && size=$(($(stat -c %s "$4") + $(stat -c %s "$4-wal" 2>/dev/null || echo 0)))
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$SECS" "$RSS_KB" "$WRITTEN" "$size" "$CPU" >>"$results"
}

fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

# dataset N: prints the directory of the cached data set of N rows, generating it
# (into a temporary directory, then renamed) when gen.py changed or it is missing.
dataset() {
	local n=$1 hash dir
	hash=$(sha256sum "$here/gen.py" | cut -c1-12)
	dir=$DATA/n$n-$hash
	if [[ ! -d $dir ]]; then
		mkdir -p "$DATA"
		rm -rf "$DATA/n$n-"* # data sets of an older gen.py
		echo "generating $n rows into $dir ..." >&2
		timed "$tmp/gen.out" python3 "$here/gen.py" "$n" "$dir.tmp.$$" --year "$YEAR"
		mv "$dir.tmp.$$" "$dir"
		printf 'generated in %.1f s\n' "$SECS" >&2
	fi
	echo "$dir"
}

actip_version=$("$ACTIP" version 2>/dev/null | head -n 1 || true)
echo "actip benchmark: $ACTIP ${actip_version:+($actip_version)}"
echo "sqlite3 shell $(sqlite3 --version | cut -d' ' -f1), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "sizes: $SIZES; runs: $RUNS (alternating), report alone: $REPORT_RUNS; year $YEAR"
echo

for n in $SIZES; do
	dir=$(dataset "$n")
	echo "== N=$n ($dir, $(du -sh "$dir" | cut -f1))"
	cat >"$tmp/import.sql" <<-EOF
		.mode csv
		.import --csv $dir/framework.csv framework
		.import --csv $dir/projects.csv projects
		.import --csv $dir/activities.csv activities
		.import --csv $dir/participants.csv participants
		.import --csv $dir/feedback.csv feedback
		CREATE TABLE name_keys(rid INTEGER PRIMARY KEY, key TEXT);
		.import --csv --skip 1 $dir/ref/name_keys.csv name_keys
		CREATE UNIQUE INDEX activities_id ON activities(activity_id);
	EOF
	adb=$tmp/actip-$n.db
	sdb=$tmp/sqlite-$n.db
	for ((r = 1; r <= RUNS; r++)); do
		# odd runs: actip first; even runs: sqlite3 first
		for who in $( ((r % 2)) && echo "actip sqlite" || echo "sqlite actip"); do
			if [[ $who == actip ]]; then
				fresh "$adb"
				timed "$tmp/out" "$ACTIP" import --db "$adb" --quiet "$dir"
				record "$n" "$r" actip_import "$adb"
				ai=$SECS
				timed "$tmp/out" "$ACTIP" report --db "$adb" --year "$YEAR" --format json -o /dev/null
				record "$n" "$r" actip_report
				printf '  run %d  actip   import %8.3f s  report %8.3f s\n' "$r" "$ai" "$SECS"
			else
				fresh "$sdb"
				timed "$tmp/out" sqlite3 -batch -init /dev/null "$sdb" ".read $tmp/import.sql"
				record "$n" "$r" sqlite_import
				si=$SECS
				timed "$tmp/sqlite-$n.csv" sqlite3 -batch -init /dev/null "$sdb" ".mode csv" \
					".parameter set @year $YEAR" ".read $here/tables34.sql"
				record "$n" "$r" sqlite_report
				printf '  run %d  sqlite3 import %8.3f s  queries %7.3f s\n' "$r" "$si" "$SECS"
			fi
		done
	done
	fresh "$sdb"

	# SQLite's floor: the rows actip stored, copied by the sqlite3 shell from that
	# database into a new one with actip's schema and the settings shared/spec/security.md
	# requires (WAL, synchronous=FULL, foreign_keys=ON; actip's 32 MiB write cache), in one
	# transaction, the person index dropped and built after the rows as actip's bulk write
	# does: no parsing, checking, keys or statistics. Three ways: the schema as it is;
	# without the row triggers of those tables; and without foreign keys too (which the
	# spec does not allow). What it costs SQLite alone to store the rows, against the goal's
	# budget (bench/README.md).
	if [[ ${BENCH_FLOOR:-1} != 0 ]]; then
		fdb=$tmp/floor-$n.db
		index_sql=$(sqlite3 "$adb" "SELECT sql FROM sqlite_master WHERE name = 'attendance_person'")
		drops=$(sqlite3 "$adb" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_master
			WHERE type = 'trigger' AND tbl_name IN ('activity', 'attendance', 'feedback')")
		for ((r = 1; r <= RUNS; r++)); do
			for way in schema notrig nofk; do
				fresh "$fdb"
				"$ACTIP" import --db "$fdb" --quiet "$dir/framework.csv" "$dir/projects.csv"
				{
					echo "PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;"
					[[ $way == nofk ]] && echo "PRAGMA foreign_keys=OFF;" || echo "PRAGMA foreign_keys=ON;"
					echo "ATTACH '$adb' AS o; BEGIN IMMEDIATE; DROP INDEX attendance_person;"
					[[ $way != schema ]] && echo "$drops"
					echo "INSERT INTO activity SELECT * FROM o.activity;"
					echo "INSERT INTO activity_outcome SELECT * FROM o.activity_outcome;"
					echo "INSERT INTO attendance SELECT * FROM o.attendance;"
					echo "INSERT INTO feedback SELECT * FROM o.feedback;"
					echo "$index_sql;"
					echo "COMMIT;"
				} >"$tmp/floor.sql"
				timed "$tmp/out" sqlite3 -batch -init /dev/null "$fdb" ".read $tmp/floor.sql"
				record "$n" "$r" "floor_$way" "$fdb"
			done
		done
		fresh "$fdb"
		echo "  SQLite alone storing the same rows (schema / no row triggers / no foreign keys): $RUNS runs done"
	fi

	# The report alone, on the database the last actip run stored.
	for ((r = 1; r <= REPORT_RUNS; r++)); do
		timed "$tmp/out" "$ACTIP" report --db "$adb" --year "$YEAR" --format json -o /dev/null
		record "$n" "$r" report_alone
	done
	echo "  report alone on the stored database ($(du -h "$adb" | cut -f1)): $REPORT_RUNS runs done"

	# An incremental import into the stored database: the participants of the report
	# year's first activity, re-imported (they replace what the activity had).
	one=$tmp/one-$n
	mkdir -p "$one"
	act=$(awk -F, -v y="$YEAR" 'NR > 1 && substr($6, 1, 4) == y { print $1; exit }' "$dir/activities.csv")
	awk -F, -v a="$act" 'NR == 1 || $1 == a' "$dir/participants.csv" >"$one/participants.csv"
	for ((r = 1; r <= REPORT_RUNS; r++)); do
		timed "$tmp/out" "$ACTIP" import --db "$adb" --quiet "$one/participants.csv"
		record "$n" "$r" actip_one "$adb"
	done
	echo "  incremental import of activity $act's $(($(wc -l <"$one/participants.csv") - 1)) participants: $REPORT_RUNS runs done"

	# Correctness, once per N: actip's Tables 3 and 4 against the sqlite3 shell's.
	"$ACTIP" report --db "$adb" --year "$YEAR" --format json -o "$tmp/actip-$n.json"
	if python3 "$here/compare.py" "$tmp/actip-$n.json" "$tmp/sqlite-$n.csv" | sed 's/^/  /'; then
		printf '%s\t-\tcheck\tagree\t-\t-\t-\t-\n' "$n" >>"$results"
	else
		printf '%s\t-\tcheck\tdisagree\t-\t-\t-\t-\n' "$n" >>"$results"
	fi
	fresh "$adb"

	# The same data set with its participants as an .xlsx workbook (bench/xlsx.py),
	# imported as many times; its time and peak RSS go next to the CSV import's.
	xdir=$dir-xlsx
	if [[ ! -f $xdir/participants.xlsx ]]; then
		rm -rf "$xdir"
		echo "  writing the participants as a workbook ..." >&2
		pyx=python3 # openpyxl is a Debian package (python3-openpyxl)
		/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && pyx=/usr/bin/python3
		"$pyx" "$here/xlsx.py" "$dir" "$xdir"
	fi
	xdb=$tmp/xlsx-$n.db
	for ((r = 1; r <= RUNS; r++)); do
		fresh "$xdb"
		timed "$tmp/out" "$ACTIP" import --db "$xdb" --quiet "$xdir"
		record "$n" "$r" actip_import_xlsx
		printf '  run %d  actip   import with participants.xlsx %8.3f s  peak RSS %d KB\n' "$r" "$SECS" "$RSS_KB"
	done
	fresh "$xdb"
	echo
done

python3 "$here/summary.py" "$results"
