#!/usr/bin/env bash
# Two writers at once (security checklist, "Faults": every acknowledged write stored
# once; the loser of a stale edit gets 409; no "database is locked" reaches a user).
# WRITERS API clients (admin and the Cambodia officer, WRITES activities each) and a
# large `actip import` run at the same time against one server's database. Then stale
# edits: an edit with the version read before another edit gets 409 and changes
# nothing, and of pairs of simultaneous edits from one version exactly one wins.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"

WRITERS=${WRITERS:-4}
WRITES=${WRITES:-25}
python3 "$SRCDIR/bench/gen.py" 40000 "$TMP/gen" >/dev/null
web_seed
check "server starts" web_start
login admin
login kh

# writer N WHO: posts activities C-N-1..C-N-WRITES; logs "id status" lines.
writer() {
	local n=$1 who=$2 i st
	for i in $(seq 1 "$WRITES"); do
		st=$(curl -s -o "$TMP/w$n.body" -w '%{http_code}' -b "$TMP/$who.jar" -H "X-CSRF-Token: $(cat "$TMP/$who.csrf")" \
			-H 'Content-Type: application/json' \
			-d "{\"activity_id\":\"C-$n-$i\",\"project\":\"C202\",\"country\":\"KH\",\"type\":\"meeting\",\"title\":\"Concurrent $n $i\",\"start_date\":\"2021-07-01\"}" \
			"$URL/api/v1/activities")
		echo "C-$n-$i $st" >>"$TMP/w$n.log"
		cat "$TMP/w$n.body" >>"$TMP/bodies"
		echo >>"$TMP/bodies"
	done
}
: >"$TMP/bodies"
"$ACTIP" import --db "$DB" --quiet "$TMP/gen" >"$TMP/import.out" 2>"$TMP/import.err" &
ipid=$!
pids=()
for n in $(seq 1 "$WRITERS"); do
	who=admin
	[ $((n % 2)) = 0 ] && who=kh
	writer "$n" "$who" &
	pids+=($!)
done
wait "${pids[@]}"
wait "$ipid"
irc=$?
check "the concurrent CLI import succeeded (status $irc)" [ "$irc" = 0 ]
cat "$TMP"/w*.log >"$TMP/all.log"
acked=$(grep -c ' 200$' "$TMP/all.log")
check "all $((WRITERS * WRITES)) API writes acknowledged (got $acked)" [ "$acked" = $((WRITERS * WRITES)) ]
check "no other status than 200" bash -c "! grep -v ' 200\$' '$TMP/all.log'"
stored=$(sqlite3 "$DB" "SELECT count(*) || ' ' || count(DISTINCT id) FROM activity WHERE id LIKE 'C-%'")
check "every acknowledged write stored exactly once ($stored)" [ "$stored" = "$acked $acked" ]
missing=0
while read -r id st; do
	[ "$st" = 200 ] || continue
	[ "$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = '$id'")" = "Concurrent $(echo "$id" | cut -d- -f2) $(echo "$id" | cut -d- -f3)" ] || missing=$((missing + 1))
done <"$TMP/all.log"
check "each acknowledged write holds its own title" [ "$missing" = 0 ]
check "the import's rows are all stored" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM attendance')" -ge 40000 ]
check "no 'database is locked' in any answer" bash -c "! grep -qi 'locked\|busy' '$TMP/bodies'"
check "no 'database is locked' in the server log" bash -c "! grep -qi 'database is locked' '$TMP/serve.log'"
check "no 'database is locked' from the import" bash -c "! grep -qi 'locked' '$TMP/import.err'"

# Stale edits.
version() { curl -s -b "$TMP/admin.jar" "$URL/api/v1/activities/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])'; }
edit() { # edit WHO ID VERSION TITLE: the status of a PUT with If-Match
	curl -s -o "$TMP/edit.body" -w '%{http_code}' -X PUT -b "$TMP/$1.jar" -H "X-CSRF-Token: $(cat "$TMP/$1.csrf")" \
		-H "If-Match: \"$3\"" -H 'Content-Type: application/json' \
		-d "{\"project\":\"C202\",\"country\":\"KH\",\"type\":\"meeting\",\"title\":\"$4\",\"start_date\":\"2021-07-01\"}" \
		"$URL/api/v1/activities/$2"
}
v0=$(version C-1-1)
check "GET gives a version" [ "${#v0}" = 32 ]
check "edit with the current version -> 200" [ "$(edit admin C-1-1 "$v0" "First edit")" = 200 ]
v1=$(version C-1-1)
check "the edit changed the version" [ "$v1" != "$v0" ]
st=$(edit kh C-1-1 "$v0" "Stale edit")
check "stale edit (old version) -> 409" [ "$st" = 409 ]
check "409 says to reload" grep -q 'reload' "$TMP/edit.body"
check "stale edit changed nothing" [ "$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = 'C-1-1'")" = "First edit" ]
check "stale edit is in the audit log as a refusal" [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'refused'")" -ge 1 ]
check "PUT without If-Match still works (full replacement)" [ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT -b "$TMP/admin.jar" -H "X-CSRF-Token: $(cat "$TMP/admin.csrf")" -H 'Content-Type: application/json' -d '{"project":"C202","country":"KH","type":"meeting","title":"No version","start_date":"2021-07-01"}' "$URL/api/v1/activities/C-1-2")" = 200 ]

# Races: two edits from the same version at the same moment; exactly one wins.
wins=0 races=10 badrace=0
for r in $(seq 1 "$races"); do
	id=C-2-$r
	v=$(version "$id")
	( edit admin "$id" "$v" "Race A $r" >"$TMP/ra" ) &
	pa=$!
	( edit kh "$id" "$v" "Race B $r" >"$TMP/rb" ) &
	pb=$!
	wait "$pa" "$pb" # not a bare wait: the server is a child too
	pair="$(cat "$TMP/ra") $(cat "$TMP/rb")"
	title=$(sqlite3 "$DB" "SELECT title FROM activity WHERE id = '$id'")
	case "$pair" in
	"200 409") [ "$title" = "Race A $r" ] && wins=$((wins + 1)) || badrace=$((badrace + 1)) ;;
	"409 200") [ "$title" = "Race B $r" ] && wins=$((wins + 1)) || badrace=$((badrace + 1)) ;;
	*) badrace=$((badrace + 1)); echo "# race $r: $pair ($title)" ;;
	esac
done
check "$races simultaneous edit pairs: one 200 and one 409 each, the winner's title kept ($wins of $races)" [ "$wins" = "$races" -a "$badrace" = 0 ]
finish
