#!/usr/bin/env python3
"""Writes hatecheck-cases.csv from HateCheck's test suite.

Source: test_suite_cases.csv of github.com/paul-rottger/hatecheck-data at
commit d84302298ceeb34f4b0dde2d8a1f4932c2caa612 (Röttger et al., "HateCheck:
Functional Tests for Hate Speech Detection Models", ACL 2021), licensed
CC BY 4.0 (hatecheck-LICENSE). The script refuses any other version of the
file: its SHA-256 must be SOURCE_SHA256.

What it writes: every one of the 3,728 cases, in file order, with the columns
functionality, case_id, test_case (stripped of the trailing space the source
leaves on most cases), label_gold, target_ident and case_templ (the template
the case was made from; report.py splits dev and final by it, so that a
template is never in both).

This is a regeneration aid only: tests read hatecheck-cases.csv, never the
source. Usage: extract_hatecheck.py path/to/test_suite_cases.csv
(for example from `git show d843022:test_suite_cases.csv` in a clone).
"""
import csv
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_SHA256 = "ecf0dc1e93fccc90b6f880e632b19e635c0f0a68b3157915a9e20b6938f121cf"
COLUMNS = ("functionality", "case_id", "test_case", "label_gold", "target_ident", "case_templ")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: extract_hatecheck.py path/to/test_suite_cases.csv")
    source = sys.argv[1]
    with open(source, "rb") as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"extract_hatecheck.py: {source}: SHA-256 {digest} is not that of the pinned "
                 f"version ({SOURCE_SHA256})")
    rows = list(csv.DictReader(data.decode("utf-8").splitlines(True)))
    out = os.path.join(HERE, "hatecheck-cases.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r[c].strip() if c == "test_case" else r[c] for c in COLUMNS])
    print(f"wrote {out}: {len(rows)} cases from {source}")


if __name__ == "__main__":
    main()
