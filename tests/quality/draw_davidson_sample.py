#!/usr/bin/env python3
"""Draws the fixed Davidson et al. sample in davidson-sample.csv.

Source: data/labeled_data.csv of github.com/t-davidson/hate-speech-and-offensive-language
at commit cb50f7e9eb855a99abc51423bf40df0e26d6fe30 (MIT, see davidson-LICENSE).

How: read every row of labeled_data.csv in file order; for each class in the
order 0 (hate speech), 1 (offensive language), 2 (neither), take the list of
that class's rows in file order and draw random.Random(1).sample(rows, 1000)
(a fresh generator seeded 1 for each class). The chosen rows are written in
file order (class 0 first, then 1, then 2) with the columns row (the source's
unnamed index column), class and tweet, the tweet exactly as in the source
(HTML entities still escaped; the report unescapes them when linting).

It also writes davidson-neither-unsampled.csv: every tweet of class 2
(neither) that the sample did not draw, in file order, with the same
columns. The quality report never reads it; the loose-post model's training
script (scripts/models/train-loose-post-model.py) reads it as posts of no
tone and no discrimination, so that the model learns that an informal voice is not a risk, and
the sample stays unseen by it.

This is a regeneration aid only: tests read the two CSV files, never the
source. Usage: draw_davidson_sample.py [path/to/labeled_data.csv]
(default ../shared/data/davidson/labeled_data.csv from the repository root).
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PER_CLASS = 1000
SEED = 1


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "..", "..", "shared", "data", "davidson", "labeled_data.csv")
    with open(source, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = os.path.join(HERE, "davidson-sample.csv")
    drawn = set()
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["row", "class", "tweet"])
        for cls in ("0", "1", "2"):
            of_class = [r for r in rows if r["class"] == cls]
            chosen = random.Random(SEED).sample(of_class, PER_CLASS)
            chosen.sort(key=lambda r: int(r[""]))
            for r in chosen:
                writer.writerow([r[""], cls, r["tweet"]])
                drawn.add(r[""])
    print(f"wrote {out}: {PER_CLASS} rows per class from {source}")
    rest = os.path.join(HERE, "davidson-neither-unsampled.csv")
    with open(rest, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["row", "class", "tweet"])
        kept = [r for r in rows if r["class"] == "2" and r[""] not in drawn]
        for r in kept:
            writer.writerow([r[""], "2", r["tweet"]])
    print(f"wrote {rest}: {len(kept)} rows of class 2 the sample did not draw")


if __name__ == "__main__":
    main()
