#!/usr/bin/env bash
# Compression: text answers are gzipped for clients that accept it (and only for them),
# the assets from a copy compressed once; the page's CSRF token is masked afresh in
# every answer (so compression cannot leak it, BREACH), and every masked form of it is
# accepted while an altered one is not.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/weblib.sh"
web_seed
check "server starts" web_start
login admin
get() { curl -s -b "$TMP/admin.jar" "$@"; }
get -D "$TMP/h1" -H 'Accept-Encoding: gzip' -o "$TMP/a1.gz" "$URL/activities"
get -D "$TMP/h0" -o "$TMP/a0" "$URL/activities"
check "gzip: the page came" test -s "$TMP/a1.gz"
check "gzip: Content-Encoding gzip when accepted" grep -qi '^Content-Encoding: gzip' "$TMP/h1"
check "gzip: Vary: Accept-Encoding" grep -qi '^Vary: Accept-Encoding' "$TMP/h1"
check "gzip: not compressed when not asked" bash -c "! grep -qi '^Content-Encoding' '$TMP/h0' && grep -q '<html' '$TMP/a0'"
gunzip -c "$TMP/a1.gz" >"$TMP/a1" 2>/dev/null
check "gzip: it decompresses to the page" grep -q '</html>' "$TMP/a1"
check "gzip: smaller ($(stat -c %s "$TMP/a1.gz") < $(stat -c %s "$TMP/a0") bytes)" [ "$(stat -c %s "$TMP/a1.gz")" -lt "$(stat -c %s "$TMP/a0")" ]
mask() { grep -o 'name="csrf" value="[0-9a-f]*"' "$1" | head -1 | sed 's/.*value="\([0-9a-f]*\)"/\1/'; }
m0=$(mask "$TMP/a0")
m1=$(mask "$TMP/a1")
check "csrf: masked (128 hex digits)" [ "${#m1}" = 128 ]
check "csrf: differs in every answer" [ -n "$m0" -a "$m0" != "$m1" ]
token=$(python3 -c 'import sys; b=bytes.fromhex(sys.argv[1]); print(bytes(x ^ y for x, y in zip(b[:32], b[32:])).hex())' "$m1")
check "csrf: the unmasked token appears nowhere in the page" bash -c "[ ${#token} = 64 ] && ! grep -q '$token' '$TMP/a1' && ! grep -q '$token' '$TMP/a0'"
sed 's/name="csrf" value="[0-9a-f]*"/CSRF/g' "$TMP/a0" >"$TMP/a0.n"
sed 's/name="csrf" value="[0-9a-f]*"/CSRF/g' "$TMP/a1" >"$TMP/a1.n"
check "gzip: same page as the plain one but for the masks" cmp -s "$TMP/a0.n" "$TMP/a1.n"
csv=$'activity_id,full_name,sex,country\nKH-1,Zqgzip Name,female,KH\n'
preview() { curl -s -o /dev/null -w '%{http_code}' -b "$TMP/admin.jar" -H "X-CSRF-Token: $1" -H 'Content-Type: text/csv' --data-binary "$csv" "$URL/upload?template=participants"; }
check "csrf: the first masked form is accepted" [ "$(preview "$m0")" = 200 ]
check "csrf: the second masked form is accepted" [ "$(preview "$m1")" = 200 ]
bad=$(printf '%s' "$m1" | sed 's/^\(.\{100\}\)./\1x/' | tr x 0)
[ "$bad" = "$m1" ] && bad=$(printf '%s' "$m1" | sed 's/^\(.\{100\}\)./\11/')
check "csrf: an altered mask is refused" [ "$(preview "$bad")" = 403 ]
# Assets: compressed once, the same bytes each time.
curl -s -D "$TMP/ha" -H 'Accept-Encoding: gzip' -o "$TMP/css1.gz" "$URL/assets/app.css"
curl -s -H 'Accept-Encoding: gzip' -o "$TMP/css2.gz" "$URL/assets/app.css"
curl -s -o "$TMP/css" "$URL/assets/app.css"
check "asset: gzipped" grep -qi '^Content-Encoding: gzip' "$TMP/ha"
check "asset: decompresses to the plain file" bash -c "gunzip -c '$TMP/css1.gz' | cmp -s - '$TMP/css'"
check "asset: the kept copy (same bytes twice)" cmp -s "$TMP/css1.gz" "$TMP/css2.gz"
curl -s -D "$TMP/hq" -H 'Accept-Encoding: gzip;q=0, identity' -o /dev/null "$URL/assets/app.css"
check "gzip;q=0 is respected" bash -c "! grep -qi '^Content-Encoding' '$TMP/hq'"
web_stop
finish
