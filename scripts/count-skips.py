#!/usr/bin/env python3
"""Counts the tests a ctest run skipped, from its log
(build/Testing/Temporary/LastTest.log): tests ctest reports as skipped or
not run, unittest skips ("OK (skipped=N)"), formats_test's "(N skipped)",
doctest's "| N skipped" and "skipped: ..." lines. Prints the count; .ci/run fails unless it is 0.
"""
import re
import sys


def count(log):
    n = 0
    for line in log.splitlines():
        if m := re.search(r"\bskipped=(\d+)", line):
            n += int(m.group(1))
        elif m := re.match(r"\((\d+) skipped\)\s*$", line) or re.search(r"\|\s*(\d+) skipped\s*$", line):
            n += int(m.group(1))  # formats_test's "(N skipped)", doctest's "| N skipped"
        elif re.match(r"skipped: ", line) or re.search(r"Test Skipped|\*\*\*Skipped|\*\*\*Not Run", line):
            n += 1
    return n


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: count-skips.py LastTest.log")
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        print(count(f.read()))
