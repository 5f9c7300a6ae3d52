#!/usr/bin/env python3
"""Extracts, as a .pot, the words the record pages show for the codes and field names
of the record kinds (src/import/templates*.c, src/workplan/wp_templates.c): each
template column's name and each word of an upper-case allowed-words array, written as
page_code_words (src/web/pages_records.c) writes them ("capacity_development" ->
"Capacity development"), which looks the result up in the catalog at render time.
Usage: xgettext_codes.py OUT.pot FILE.c..."""
import re
import sys

ARRAY = re.compile(r'static const char \*const [A-Z][A-Z_]*\[\] = \{([^}]*)\}')
COLUMN = re.compile(r'\{\s*"([a-z][a-z0-9_]*)"\s*,\s*T_[A-Z]+')
CODE = re.compile(r'"([a-z][a-z0-9_]*)"')


def words(code):
    w = code.replace('_', ' ')
    return w[:1].upper() + w[1:]


def main():
    out, files = sys.argv[1], sys.argv[2:]
    seen, order = {}, []
    for path in files:
        text = open(path, encoding='utf-8').read()
        found = [(m.start(), c) for m in ARRAY.finditer(text) for c in CODE.findall(m.group(1))]
        found += [(m.start(), m.group(1)) for m in COLUMN.finditer(text)]
        for pos, code in sorted(found):
            w = words(code)
            if w not in seen:
                seen[w] = []
                order.append(w)
            seen[w].append((f'{path}:{text.count(chr(10), 0, pos) + 1}', code))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for w in order:
            f.write('#. TRANSLATORS: the code ' + ', '.join(sorted({c for _, c in seen[w]})) +
                    ' of a record field, or a field name\n')
            f.write('#: ' + ' '.join(p for p, _ in seen[w]) + '\n')
            f.write('msgid "' + w + '"\nmsgstr ""\n\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
