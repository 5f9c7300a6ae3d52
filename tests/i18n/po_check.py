#!/usr/bin/env python3
"""Checks the translations beyond msgfmt --check: every entry of every po/LANG.po is
translated and not fuzzy, and no translation brings markup its English does not have
(page_h writes the translations of the pages' markup as markup: a '<' or '&' that is not
in the English, or more of them, is refused). Prints FILE:LINE: problem; exits 1 on any.
Usage: po_check.py FILE.po..."""
import re
import sys


def entries(path):
    """(line, msgid, [msgstr...], fuzzy) of each entry but the header."""
    out, cur, key, line, fuzzy = [], None, None, 0, False
    for n, l in enumerate(open(path, encoding='utf-8'), 1):
        l = l.rstrip('\n')
        if l.startswith('#,') and 'fuzzy' in l:
            fuzzy = True
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', l)
        if m:
            if m.group(1) == 'msgid':
                if cur:
                    out.append(cur)
                cur = {'line': n, 'msgid': '', 'msgstr': {}, 'fuzzy': fuzzy}
                fuzzy = False
            key = m.group(1)
            val = m.group(2)
        elif l.startswith('"') and key and cur is not None:
            val = l[1:-1]
        else:
            continue
        if key == 'msgid':
            cur['msgid'] += val
        elif key.startswith('msgstr'):
            cur['msgstr'][key] = cur['msgstr'].get(key, '') + val
    if cur:
        out.append(cur)
    return [e for e in out if e['msgid']]


def main():
    bad = 0
    for path in sys.argv[1:]:
        for e in entries(path):
            where = f"{path}:{e['line']}"
            if e['fuzzy']:
                print(f'{where}: fuzzy: "{e["msgid"]}"')
                bad += 1
            for k, t in e['msgstr'].items():
                if not t:
                    print(f'{where}: untranslated: "{e["msgid"]}"')
                    bad += 1
                for ch in '<&':
                    if t.count(ch) > e['msgid'].count(ch):
                        print(f'{where}: the translation adds a "{ch}": "{t}"')
                        bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
