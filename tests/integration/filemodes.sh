#!/usr/bin/env bash
# Storage: every file actip creates (database, WAL, SHM, backups, pseudonymisation key)
# is readable by its owner only, whatever the umask; a database made readable by others
# before (an older actip) is narrowed when actip next opens it to write.
. "$(dirname "$0")/lib.sh"
mode() { stat -c %a "$1"; }

for mask in 022 000; do
	(
		umask "$mask"
		"$ACTIP" import --db "$TMP/m$mask.db" --quiet "$FIX/good" >/dev/null 2>&1
		# Keep a connection open so that the WAL and SHM files exist to look at.
		python3 - "$TMP/m$mask.db" "$TMP/modes$mask" <<'PY'
import os, sqlite3, stat, sys
db = sys.argv[1]
c = sqlite3.connect(db)
c.execute("BEGIN IMMEDIATE"); c.execute("CREATE TABLE IF NOT EXISTS t_probe(x)"); c.commit()
with open(sys.argv[2], "w") as f:
    for suffix in ("", "-wal", "-shm"):
        p = db + suffix
        f.write("%s %o\n" % (suffix or "db", stat.S_IMODE(os.stat(p).st_mode) if os.path.exists(p) else 0))
c.close()
PY
		"$ACTIP" backup --db "$TMP/m$mask.db" --to "$TMP/b$mask.db" >/dev/null 2>&1
		"$ACTIP" privacy init --db "$TMP/p$mask.db" --key "$TMP/k$mask.key" >/dev/null 2>&1
	)
	check "umask $mask: the import made the database" test -s "$TMP/m$mask.db"
	check "umask $mask: database 600" [ "$(mode "$TMP/m$mask.db")" = 600 ]
	check "umask $mask: WAL 600 and SHM 600 while open" \
		bash -c "grep -qx -- '-wal 600' '$TMP/modes$mask' && grep -qx -- '-shm 600' '$TMP/modes$mask'"
	check "umask $mask: backup made, 600" bash -c "[ -s '$TMP/b$mask.db' ] && [ \$(stat -c %a '$TMP/b$mask.db') = 600 ]"
	check "umask $mask: pseudonymisation key 600" bash -c "[ -s '$TMP/k$mask.key' ] && [ \$(stat -c %a '$TMP/k$mask.key') = 600 ]"
	check "umask $mask: its database 600" [ "$(mode "$TMP/p$mask.db")" = 600 ]
done
# An older database left 0644 is narrowed by the next write open, not by a read.
cp "$TMP/b022.db" "$TMP/old.db"
chmod 644 "$TMP/old.db"
"$ACTIP" report --db "$TMP/old.db" --year 2021 --format json >/dev/null 2>&1
check "a report (read-only) leaves an old database's mode alone" [ "$(mode "$TMP/old.db")" = 644 ]
"$ACTIP" import --db "$TMP/old.db" --quiet "$FIX/good" >/dev/null 2>&1
check "an import narrows an old database to 600" [ "$(mode "$TMP/old.db")" = 600 ]
finish
