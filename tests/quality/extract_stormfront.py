#!/usr/bin/env python3
"""Writes stormfront-sentences.csv from the hate-forum data set of de Gibert et al.

Source: github.com/Vicomtech/hate-speech-dataset at commit
b802137e8314c38a8d4faa965f9908d6c8e7a84d (O. de Gibert, N. Perez,
A. Garcia-Pablos, M. Cuadros, "Hate Speech Dataset from a White Supremacy
Forum", ALW2 2018): sentences of posts on the Stormfront forum, each labelled
by hand "hate" (a deliberate attack on a group for its race, religion, sex,
sexual orientation and the like), "noHate", "relation" (hate only read with
the next sentence) or "idk/skip". Licence: Creative Commons
Attribution-ShareAlike 3.0 Spain (stormfront-LICENSE). The CSV written here
is a selection of those sentences, shared under the same licence.

What it writes: one row per distinct sentence text (surrounding space
removed; empty sentences dropped) labelled "hate" or "noHate", with the
columns file_id, label and text. Every hate sentence is kept; NOHATE_SAMPLE
noHate sentences are drawn with random.Random(SEED).sample from the noHate
sentences in file_id order. A text labelled both ways is left out. Rows are
written hate first, then noHate, each in file_id order.

Usage: extract_stormfront.py path/to/hate-speech-dataset   (a checkout at the
commit above; the script checks annotations_metadata.csv's git blob hash).
"""
import csv
import hashlib
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ANNOTATIONS_BLOB = "353968ab41c209708ca148b6e1dd7043729fb9db"
NOHATE_SAMPLE = 2000
SEED = 1


def git_blob_sha1(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: extract_stormfront.py path/to/hate-speech-dataset")
    root = sys.argv[1]
    with open(os.path.join(root, "annotations_metadata.csv"), "rb") as f:
        data = f.read()
    if git_blob_sha1(data) != ANNOTATIONS_BLOB:
        sys.exit("extract_stormfront.py: annotations_metadata.csv is not the pinned version")
    rows = list(csv.DictReader(data.decode("utf-8").splitlines()))
    labels_of, first_id = {}, {}
    for row in sorted(rows, key=lambda r: r["file_id"]):
        if row["label"] not in ("hate", "noHate"):
            continue
        with open(os.path.join(root, "all_files", row["file_id"] + ".txt"), encoding="utf-8") as f:
            text = f.read().strip()
        if not text:
            continue
        labels_of.setdefault(text, set()).add(row["label"])
        first_id.setdefault(text, row["file_id"])
    by_label = {"hate": [], "noHate": []}
    for text, labels in labels_of.items():
        if len(labels) == 1:
            by_label[labels.pop()].append((first_id[text], text))
    for items in by_label.values():
        items.sort()
    chosen = {"hate": by_label["hate"],
              "noHate": sorted(random.Random(SEED).sample(by_label["noHate"], NOHATE_SAMPLE))}
    out = os.path.join(HERE, "stormfront-sentences.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file_id", "label", "text"])
        for label in ("hate", "noHate"):
            for file_id, text in chosen[label]:
                writer.writerow([file_id, label, text])
    print(f"wrote {out}: {len(chosen['hate'])} hate, {len(chosen['noHate'])} noHate")


if __name__ == "__main__":
    main()
