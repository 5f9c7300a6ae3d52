#!/usr/bin/env python3
"""Fails on a user-facing English string left unmarked in the web pages' sources: a C
string literal with words (a capitalised word, or two words) that is not an argument of
_(), N_(), P_(), page_h() or page_hf() (src/core/i18n.h, src/web/pages.c), nor on a line
that is not shown to people (SQL, the server's log, the JSON API's errors, headers,
comments), nor allowed by tests/i18n/allow.txt (one literal per line, as written in C).
Prints FILE:LINE: "literal" for each and exits 1 when any is found.
Usage: lint.py SRCDIR FILE.c..."""
import os
import re
import sys

LIT = re.compile(r'"(?:[^"\\\n]|\\.)*"')
MARK = re.compile(r'(?:\b(?:_|N_|P_)\(|\bpage_hf?\(\s*[^,()]+,)\s*$')
SKIP_LINE = re.compile(r'\b(?:web_log|resp_json_error|sqlite3_prepare_v2|store_cached|run|count|'
                       r'MHD_\w+|snprintf\(rs->(?:disposition|set_cookie)|strcmp|strncmp|strcasecmp|'
                       r'form_get|req_query|req_header|json_\w+|fopen|getenv|rec_field|SELECT|INSERT|'
                       r'UPDATE|DELETE)\b')
SQL = re.compile(r'\b(?:SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|JOIN|ORDER BY|VALUES)\b')
WORDS = re.compile(r'[A-Z][a-z]+|[A-Za-z]{2,}[ ,.;:]+[A-Za-z]{2,}')


def strip_comments(text):
    # Comments become spaces (newlines kept, so line numbers hold); strings are kept.
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text[i] == '"':
            m = LIT.match(text, i)
            j = m.end() if m else i + 1
            out.append(text[i:j])
            i = j
        elif text[i] == "'":
            m = re.compile(r"'(?:[^'\\\n]|\\.)*'").match(text, i)
            j = m.end() if m else i + 1
            out.append(text[i:j])
            i = j
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def visible(lit):
    """The literal's text outside tags and attribute values people do not read."""
    s = re.sub(r'^[^<>]*>', '', lit)  # begins inside a tag
    attrs = ' '.join(m.group(1) for m in re.finditer(
        r'(?:aria-label|placeholder|title|alt|data-label)=\\?"([^"\\]*)', s))
    s = re.sub(r'<[^>]*>?', ' ', s) + ' ' + attrs
    s = re.sub(r'&[A-Za-z0-9#]+;', ' ', s)
    s = re.sub(r'%[-+ #0-9.lhzjt]*[a-zA-Z%]', ' ', s)
    return s


def main():
    src, files = sys.argv[1], sys.argv[2:]
    allow = set()
    with open(os.path.join(src, 'tests/i18n/allow.txt'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                allow.add(line)
    bad = 0
    for rel in files:
        text = strip_comments(open(os.path.join(src, rel), encoding='utf-8').read())
        lines = text.split('\n')
        # join each run of adjacent literals (C concatenation) and look at what precedes it
        for m in re.finditer(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+', text):
            before = text[max(0, m.start() - 200):m.start()]
            if MARK.search(before):
                continue
            # a later argument of a marked call: P_("x", "y", n)'s second form
            if re.search(r'\bP_\(\s*"(?:[^"\\\n]|\\.)*"\s*,\s*$', before):
                continue
            line_no = text.count('\n', 0, m.start()) + 1
            line = lines[line_no - 1]
            lits = LIT.findall(m.group(0))
            whole = ''.join(x[1:-1] for x in lits)
            if SKIP_LINE.search(line) or SQL.search(whole) or any(x in allow for x in lits):
                continue
            if WORDS.search(visible(whole)):
                print(f'{rel}:{line_no}: {lits[0]}{" ..." if len(lits) > 1 else ""}')
                bad += 1
    if bad:
        print(f'{bad} unmarked user-facing string(s): wrap them in _() (or page_h for markup), '
              f'or add them to tests/i18n/allow.txt when people never read them', file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
