#!/usr/bin/env python3
"""Writes a data set's participants.csv as the workbook participants.xlsx, the way
openpyxl writes one (write-only mode: rows streamed, strings in the shared-strings
table), for the .xlsx import of bench/run.sh.

    bench/xlsx.py DATASET_DIR OUT_DIR

OUT_DIR gets participants.xlsx and links to every other CSV of the data set.
"""
import csv
import os
import sys

import openpyxl


def main(argv):
    src, out = argv
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(src):
        if name.endswith(".csv") and name != "participants.csv":
            os.symlink(os.path.join(os.path.abspath(src), name), os.path.join(out, name))
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("participants")
    with open(os.path.join(src, "participants.csv"), newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            ws.append([v if v != "" else None for v in row])
    wb.save(os.path.join(out, "participants.xlsx"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
