#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the test fixtures and the demo data:

    fuzz/seed.py            (from the source root; rewrites fuzz/corpus/*/seed-*)

csv:     every template CSV of tests/fixtures and data/demo (at most 40 lines each),
         prefixed with the byte that picks its template in fuzz_csv.c (the index in
         src/import/templates.c's template_table; a new template shifts the indices,
         which only changes what a seed exercises, not whether it replays).
json:    API bodies for each route byte of fuzz_json.c, valid and broken.
http:    raw requests for the API and page routes, with query, cookie, origin, forms.
namekey: names in several scripts, white space and case variants, and scalar values.
Crash inputs found by fuzzing are kept as crash-* files beside these, and the inputs of a
minimised fuzzing corpus (libFuzzer -merge=1) as cov-* files; neither is ever rewritten.
"""
import glob
import os

TEMPLATES = ["settings", "framework", "partners", "projects", "project_status", "activities",
             "participants", "feedback", "achievements", "achievement_figures", "expenditure",
             "published", "bodies", "focal_points", "plans", "workplan", "workplan_status",
             "meetings", "decisions", "adoption_steps", "consultation_inputs"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")


def put(target, name, data):
    """Writes one seed file."""
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def template_of(path):
    """The template a CSV file name stands for, or None."""
    base = os.path.basename(path)[:-4]
    for t in sorted(TEMPLATES, key=len, reverse=True):
        if base == t or base.startswith(t + "_") or base.endswith("-" + t) or base.startswith(t + "-"):
            return t
    return None


for old in glob.glob(os.path.join(OUT, "*", "seed-*")):
    os.remove(old)

files = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/**/*.csv"), recursive=True)
               + glob.glob(os.path.join(ROOT, "data/demo/**/*.csv"), recursive=True))
for path in files:
    t = template_of(path)
    if not t:
        continue
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")[:40]
    rel = os.path.relpath(path, ROOT).replace("/", "_")
    put("csv", rel, bytes([TEMPLATES.index(t)]) + b"\n".join(lines))

activity = b'{"project":"C202","country":"KH","type":"meeting","title":"T \\u2028 <b>","start_date":"2021-05-01"}'
json_seeds = {
    "create": b"\x00" + activity[:-1] + b',"activity_id":"KH-9"}',
    "create-officer-other-country": b"\x04" + b'{"activity_id":"TH-9","project":"T101","country":"TH","type":"meeting","title":"x","start_date":"2021-01-01"}',
    "edit": b"\x01" + activity,
    "edit-officer": b"\x05" + activity,
    "edit-unknown-field": b"\x01" + b'{"title":"x","colour":"red"}',
    "edit-duplicate": b"\x01" + b'{"title":"x","title":"y"}',
    "participants": b"\x02" + '{"participants":[{"full_name":"O\'Hara ញ៉ែ","sex":"female","country":"KH","staff":true},{"email":"a@b.c","sex":"m","country":"Cambodia"}]}'.encode(),
    "participants-empty": b"\x02" + b'{"participants":[]}',
    "participants-nested": b"\x02" + b'{"participants":[{"full_name":{"a":[1,2]}}]}',
    "feedback": b"\x03" + b'{"feedback":[{"sex":"female","satisfied":"yes","met_objectives":false,"relevant":null}]}',
    "not-json": b"\x03" + b'{"feedback":[',
    "number": b"\x01" + b'{"title":1e999,"start_date":-0}',
}
for k, v in json_seeds.items():
    put("json", k, v)

http_seeds = {
    "get-activity": b"GET /api/v1/activities/KH-1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nCookie: actip=abc; x=y\r\n\r\n",
    "query": b"GET /api/v1/activities?year=2021&country=KH&type=meeting+x&project=%43202 HTTP/1.1\r\nHost: h\r\n\r\n",
    "post-import": b"POST /api/v1/import/participants?dry_run=1 HTTP/1.1\r\nHost: h\r\nOrigin: http://h\r\nX-CSRF-Token: aaaa\r\nContent-Type: text/csv; charset=utf-8\r\n\r\nactivity_id,full_name\r\n",
    "form": b"POST /activities/KH-1 HTTP/1.1\r\nHost: h\r\nOrigin: null\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\ncsrf=%41%41&title=a+b%20c&title=d",
    "encoded-slash": b"GET /api/v1/activities/KH%2F1/participants HTTP/1.1\r\n\r\n",
    "bad-escape": b"GET /api/v1/activities/%zz%00%C3%28 HTTP/1.1\r\nOrigin: https://evil.example\r\nHost: h\r\n\r\n",
    "periods": b"DELETE /api/v1/periods/2021 HTTP/1.1\r\nHost: h\r\n\r\n",
    "page": b"GET /login?next=%2F HTTP/1.1\r\nCookie: __Host-actip=0123\r\n\r\n",
    "upload": b"POST /upload HTTP/1.1\r\nContent-Type: text/csv\r\n\r\n",
}
for k, v in http_seeds.items():
    put("http", k, v)

names = ["Sok Dara", "  SOK   dara ", "O'Hara", "ញ៉ែ", "ສົມສີ", "Nguyễn Văn A", "ＡＢＣ", "ﬁnance", "İstanbul",
         "Straße", "\u00e9", "e\u0301", "a\tb\nc", "", " ", "2021-02-29", "2020-02-29", "1899-12-31", "2021",
         "9223372036854775807", "9223372036854775808", "12.345678", "0.0000001", "yes", "N", "True",
         "female", "M", "o", "\xff"]
for i, n in enumerate(names):
    put("namekey", "%02d" % i, n.encode("utf-8", "surrogatepass") if n != "\xff" else b"\xff\xfe")
put("namekey", "overlong", b"\xc0\xaf\xe0\x80\xaf")
put("namekey", "surrogate", b"\xed\xa0\x80")
