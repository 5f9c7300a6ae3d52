#!/usr/bin/env python3
"""Extracts the words of the markup literals of the web pages (the string arguments of
page_h and page_hf, src/web/pages.c) as a .pot: each text node and each aria-label,
placeholder, title, alt and data-label value that holds words, cut exactly as page_h cuts them at
run time (the same has_words rule). A message with printf directives is flagged
c-format, so msgfmt --check holds translations to the same directives.
Usage: xgettext_html.py OUT.pot FILE.c..."""
import re
import sys

CALL = re.compile(r'\b(page_hf?)\(\s*[^,()]+,\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)')
LIT = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
ATTR = re.compile(r'(?:(?<= )|^)(aria-label|placeholder|title|alt|data-label)="([^"]*)"')
DIRECTIVE = re.compile(r'%[-+ #0-9.lhzjt]*[\s\S]?')
ENTITY = re.compile(r'&[A-Za-z0-9#]+;')


def c_unescape(s):
    out, i = [], 0
    simple = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', "'": "'", 'r': '\r'}
    raw = s.encode('utf-8')
    b = bytearray()
    while i < len(raw):
        c = chr(raw[i])
        if c == '\\' and i + 1 < len(raw):
            n = chr(raw[i + 1])
            if n in simple:
                b += simple[n].encode()
                i += 2
            elif n == 'x':
                m = re.match(rb'[0-9A-Fa-f]{1,2}', raw[i + 2:])
                b.append(int(m.group(0), 16))
                i += 2 + len(m.group(0))
            else:
                b.append(raw[i + 1])
                i += 2
        else:
            b.append(raw[i])
            i += 1
    return b.decode('utf-8')


def has_words(s):
    s = ENTITY.sub(' ', DIRECTIVE.sub(' ', s))
    return re.search(r'[A-Za-z]{2}', s) is not None


def pieces(html):
    """The messages of one markup literal, as page_h cuts them."""
    out = []
    lead = re.match(r'[^<>]*>', html)
    if lead:  # the literal begins inside a tag: its rest is copied
        html = html[lead.end():]
    for m in re.finditer(r'<[^>]*>?|[^<]+', html):
        t = m.group(0)
        if t.startswith('<'):
            for a in ATTR.finditer(t[1:]):
                v = a.group(2).strip(' \n\t')
                if has_words(v):
                    out.append(v)
        else:
            v = t.strip(' \n\t')
            if has_words(v):
                out.append(v)
    return out


def po_str(s):
    e = s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')
    return '"' + e + '"'


def main():
    out, files = sys.argv[1], sys.argv[2:]
    seen = {}
    order = []
    fmt = set()
    for path in files:
        text = open(path, encoding='utf-8').read()
        for m in CALL.finditer(text):
            line = text.count('\n', 0, m.start()) + 1
            html = ''.join(c_unescape(x) for x in LIT.findall(m.group(2)))
            for p in pieces(html):
                if p not in seen:
                    seen[p] = []
                    order.append(p)
                if m.group(1) == 'page_hf' and DIRECTIVE.search(p.replace('%%', '')):
                    fmt.add(p)
                seen[p].append(f'{path}:{line}')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for p in order:
            f.write('#: ' + ' '.join(seen[p]) + '\n')
            if p in fmt:
                f.write('#, c-format\n')
            f.write(f'msgid {po_str(p)}\nmsgstr ""\n\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
