#!/usr/bin/env python3
# own_words.py - checks that the demo data is written in our own words: no narrative
# text of data/demo shares a run of 12 or more consecutive words with a seed document
# (../shared/seeds/*.txt). Facts and figures from the seeds may be used; their
# sentences may not.
#
# What is scanned: every cell of every CSV file under the demo directory (codes,
# numbers and dates are far shorter than 12 words, so only narrative cells can
# match), and every string literal of its Python generator scripts (the templates
# the CSV cells are written from), read with the ast module. A literal laid out as a
# table (tab-separated lines, such as the printed tables the demo reconciles with) is
# scanned cell by cell, like a CSV file: a row of figures is not a sentence.
#
# Words: the text is NFKC-normalised and case-folded, and a word is a run of letters
# and digits, so punctuation, Markdown marks, quotes, dashes and line breaks neither
# join nor separate runs ("victim-sensitive" is two words on both sides).
#
# Proper names aside: an official name has to be written as its owner wrote it, so
# the words of a name do not count towards a run's length. A word belongs to a name
# when it lies inside
#   (a) an occurrence of a name the demo data itself records as a name: the name
#       columns listed in NAME_COLUMNS (organisations, bodies, projects, outcomes,
#       indicators, plans, meetings), which are therefore not scanned themselves; or
#   (b) a capitalised phrase: two or more words that each begin with a capital
#       letter or a digit, or are acronyms ("Royal Thai Police", "Office of the
#       Court Administrator", "National Plan of Action to Counter Trafficking
#       2015–2019"), where the lowercase joining words of/and/the/for/on/in/to/
#       against/with may stand between two capitalised words; a figure continues
#       a name only right after a capitalised word ("Printing of 5,000" is no name).
# A run is a copy when it holds MIN_WORDS or more words that are not part of a name.
# So a copied sentence around a name still fails, and a bare list of names passes.
#
# Usage: own_words.py [--seeds DIR] [DEMO_DIR]
# Prints every copy as FILE:LINE: COLUMN: message (the seed file and line too) and
# exits 1; prints "own words: N cells and M literals, no run of MIN_WORDS words" and
# exits 0 when there is none; exits 77 (the test is skipped) when the seed folder
# is absent.

import argparse
import ast
import csv
import re
import sys
import unicodedata
from pathlib import Path

MIN_WORDS = 12

# (file relative to the demo directory, column): the cells that hold official names.
NAME_COLUMNS = [
    ("framework.csv", "title"),            # outcomes, in the programme's wording
    ("projects.csv", "title"),             # projects, as registered
    ("projects.csv", "partner"),           # the partner body of each project
    ("partners.csv", "name"),              # organisations
    ("indicators.csv", "title"),           # indicators
    ("settings.csv", "value"),             # the IATI reporting organisation and funder
    ("participants.csv", "organisation"),  # organisations people come from
    ("participants.csv", "full_name"),     # synthetic people
    ("workplan/bodies.csv", "name"),       # ASEAN sectoral bodies and organs
    ("workplan/plans.csv", "title"),       # work plans
    ("workplan/meetings.csv", "title"),    # meetings, as convened
]

JOINERS = {"of", "and", "the", "for", "on", "in", "to", "against", "with", "de"}

WORD = re.compile(r"[^\W_]+")


def norm(text):
    """The text as compared: NFKC, case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text):
    """The words of text in their original case, with their character offsets."""
    text = unicodedata.normalize("NFKC", text)
    return [(m.group(0), m.start()) for m in WORD.finditer(text)]


class Seeds:
    """Every MIN_WORDS-word window of the seed documents, with where it starts."""

    def __init__(self, folder):
        self.where = {}
        self.files = sorted(folder.glob("*.txt"))
        for f in self.files:
            text = f.read_text(encoding="utf-8", errors="replace")
            ws = words(text)
            line_at = [text.count("\n", 0, off) + 1 for _, off in ws]
            toks = [norm(w) for w, _ in ws]
            for i in range(len(toks) - MIN_WORDS + 1):
                self.where.setdefault(tuple(toks[i:i + MIN_WORDS]), (f.name, line_at[i]))


class Names:
    """The names recorded in the data, as word sequences, for rule (a)."""

    def __init__(self):
        self.seqs = set()
        self.first = {}

    def add(self, text):
        toks = tuple(norm(w) for w, _ in words(text))
        if len(toks) >= 2:
            self.seqs.add(toks)
            self.first.setdefault(toks[0], set()).add(len(toks))

    def mask(self, ws):
        """Which of the words ws (original case) belong to a name."""
        toks = [norm(w) for w in ws]
        named = [False] * len(ws)
        for i, t in enumerate(toks):
            for n in self.first.get(t, ()):
                if tuple(toks[i:i + n]) in self.seqs:
                    named[i:i + n] = [True] * n
        capital = [w[0].isupper() or w[0].isdigit() for w in ws]
        i = 0
        while i < len(ws):
            if not capital[i]:
                i += 1
                continue
            j = i + 1
            end = i + 1  # one past the last capitalised word of the phrase
            while j < len(ws) and (capital[j] or toks[j] in JOINERS):
                if capital[j] and not ws[j][0].isalpha() and toks[j - 1] in JOINERS:
                    break  # "Printing of 5,000": a figure does not continue a name
                if capital[j]:
                    end = j + 1
                j += 1
            if end - i >= 2:
                named[i:end] = [True] * (end - i)
            i = max(end, i + 1)
        return named


def copies(text, seeds, names):
    """The copied runs of text: (counted words, run text, seed file, seed line)."""
    ws = [w for w, _ in words(text)]
    if len(ws) < MIN_WORDS:
        return []
    toks = [norm(w) for w in ws]
    hit = [seeds.where.get(tuple(toks[i:i + MIN_WORDS])) for i in range(len(toks) - MIN_WORDS + 1)]
    named = names.mask(ws)
    found = []
    i = 0
    while i < len(hit):
        if hit[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(hit) and hit[j + 1] is not None:
            j += 1
        run = range(i, j + MIN_WORDS)
        counted = sum(1 for k in run if not named[k])
        if counted >= MIN_WORDS:
            found.append((counted, " ".join(ws[k] for k in run), hit[i][0], hit[i][1]))
        i = j + 1
    return found


def csv_cells(path):
    """(line, column, text) for every cell of a CSV file."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        line = reader.line_num + 1
        for row in reader:
            for col, cell in zip(header, row):
                yield line, col, cell
            line = reader.line_num + 1


def literals(path):
    """(line, "string", text) for every string literal of a Python file; a literal laid
    out as a table (tab-separated lines) gives one text per cell, as a CSV file would."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if "\t" in node.value:
                for k, row in enumerate(node.value.split("\n")):
                    for cell in row.split("\t"):
                        yield node.lineno + k, "table cell", cell
            else:
                yield node.lineno, "string", node.value


def main():
    ap = argparse.ArgumentParser(description="no run of %d words copied from the seeds" % MIN_WORDS)
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("--seeds", type=Path, default=here.parent / "shared" / "seeds")
    ap.add_argument("demo", nargs="?", type=Path, default=here / "data" / "demo")
    args = ap.parse_args()
    if not args.seeds.is_dir() or not any(args.seeds.glob("*.txt")):
        print("own words: no seed documents at %s; skipped" % args.seeds)
        return 77
    seeds = Seeds(args.seeds)
    names = Names()
    name_cols = {(str(Path(f)), c) for f, c in NAME_COLUMNS}
    for f, c in NAME_COLUMNS:
        p = args.demo / f
        if p.exists():
            for _, col, cell in csv_cells(p):
                if col == c:
                    names.add(cell)

    problems = 0
    cells = strings = 0
    sources = []
    for p in sorted(args.demo.rglob("*.csv")):
        rel = str(p.relative_to(args.demo))
        sources += [(p, line, col, text) for line, col, text in csv_cells(p) if (rel, col) not in name_cols]
        cells = len(sources)
    for p in sorted(args.demo.rglob("*.py")):
        sources += [(p, line, col, text) for line, col, text in literals(p)]
    strings = len(sources) - cells
    for p, line, col, text in sources:
        for counted, run, seed, seed_line in copies(text, seeds, names):
            problems += 1
            print("%s:%d: %s: %d words as in seed %s:%d: \"%s\"" % (p, line, col, counted, seed, seed_line, run))
    if problems:
        print("own words: %d runs of %d or more words copied from %s" % (problems, MIN_WORDS, args.seeds))
        return 1
    print("own words: %d cells and %d literals against %d seed documents, no run of %d words"
          % (cells, strings, len(seeds.files), MIN_WORDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
