#!/usr/bin/env python3
"""Checks the translations beyond msgfmt --check: every entry of every po/LANG.po is
translated and not fuzzy, and no translation brings markup its English does not have
(page_h writes the translations of the pages' markup as markup: a '<' or '&' that is not
in the English, or more of them, is refused), keeps the {name} slots app.js fills (msgfmt
checks only printf directives), and, in a language with its own script (Khmer, Lao, Thai,
Burmese), is written in that script: English words left in the msgstr are refused (codes
and commands, kept as they are, are all lower case or all capitals). Prints FILE:LINE:
problem; exits 1 on any.
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


# The script of each language that has its own (Unicode blocks).
SCRIPTS = {'km': '\u1780-\u17FF', 'lo': '\u0E80-\u0EFF', 'th': '\u0E00-\u0E7F', 'my': '\u1000-\u109F'}


def lang_of(path):
    """The language code of po/LANG.po."""
    return re.sub(r'\.po$', '', path.replace('\\', '/').rsplit('/', 1)[-1])


def english_left(msgid, t, script):
    """A translation without a letter of its script although its English has words
    (a word with a capital and lower case letters: not a code, a command or an acronym)."""
    if t == msgid and msgid == msgid.lower():
        return False  # a command such as "actip sync resolve", kept as typed
    return bool(re.search(r'[A-Z]?[a-z]{3,}', msgid)) and re.search(r'[A-Z][a-z]{2,}|[a-z]{4,} [a-z]{4,}', msgid) \
        and not re.search('[' + script + ']', t)


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
                if sorted(re.findall(r'\{[a-z]+\}', t)) != sorted(re.findall(r'\{[a-z]+\}', e['msgid'])):
                    print(f'{where}: the slots {{...}} differ from the English: "{t}"')
                    bad += 1
                script = SCRIPTS.get(lang_of(path))
                if t and script and english_left(e['msgid'], t, script):
                    print(f'{where}: not in the language\'s script: "{t}"')
                    bad += 1
                for ch in '<&':
                    if t.count(ch) > e['msgid'].count(ch):
                        print(f'{where}: the translation adds a "{ch}": "{t}"')
                        bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
