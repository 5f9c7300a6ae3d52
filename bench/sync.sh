#!/bin/bash
# What one `actip sync` pull sends after one changed record, against what a pull sent
# before pulls were incremental (every record the account may read): on the demo data
# (data/demo and its work plan), a server on loopback, an admin's clone of it, one
# activity edited on the server, then `actip sync` (it prints the records received and
# the bytes of the server's answer) and a pull without an epoch (the whole set), plain
# and gzip-compressed. Also checks that server and clone report the same for 2019-2021.
# Usage: bench/sync.sh [ACTIP] (default build/src/cli/actip). The clone writes each of
# the demo's 21,158 records through the importer, which takes minutes (docs/sync.md).
set -u
ACTIP=${1:-build/src/cli/actip}
D=$(mktemp -d)
trap 'kill $SP 2>/dev/null; rm -rf "$D"' EXIT
PW='correct horse battery staple 42'
$ACTIP import --db $D/s.db --quiet data/demo >/dev/null
$ACTIP import --db $D/s.db --quiet data/demo/workplan >/dev/null
echo "$PW" | $ACTIP user add --db $D/s.db --name admin --role admin --password-stdin >/dev/null
$ACTIP serve --db $D/s.db --listen 127.0.0.1:0 >$D/serve.out 2>$D/serve.log &
SP=$!
for i in $(seq 50); do grep -q 'http://' $D/serve.out 2>/dev/null && break; sleep 0.2; done
URL=$(grep -o 'http://127.0.0.1:[0-9]*' $D/serve.out | head -1)
t0=$(date +%s); echo "$PW" | $ACTIP sync clone --server $URL --user admin --db $D/l.db; echo "clone took $(( $(date +%s) - t0 )) s"
echo "rows in demo attendance: $(sqlite3 $D/s.db 'select count(*) from attendance')"
(head -1 data/demo/activities.csv; sed -n 2p data/demo/activities.csv | sed 's/19th SOMTC/19th SOMTC (edited)/') > $D/activities.csv
$ACTIP import --db $D/s.db --quiet $D/activities.csv >/dev/null
echo "one changed record; the sync:"
t0=$(date +%s); echo "$PW" | $ACTIP sync --db $D/l.db; echo "sync took $(( $(date +%s) - t0 )) s"
for y in 2019 2020 2021; do diff <($ACTIP report --db $D/s.db --year $y --format json | grep -v generated) <($ACTIP report --db $D/l.db --year $y --format json | grep -v generated) >/dev/null && echo "report $y: same on server and laptop" || echo "report $y: DIFFERS"; done
curl -s -c $D/jar -H 'Content-Type: application/json' -d "{\"user\":\"admin\",\"password\":\"$PW\"}" $URL/api/v1/session >/dev/null
curl -s -b $D/jar "$URL/api/v1/sync/pull" -o $D/full.json
echo "a pull without an epoch (what every pull sent before): $(wc -c < $D/full.json) bytes, $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["records"]))' $D/full.json) records"
curl -s -b $D/jar -H 'Accept-Encoding: gzip' "$URL/api/v1/sync/pull" -o $D/full.gz
echo "  gzip on the wire: $(wc -c < $D/full.gz) bytes"
