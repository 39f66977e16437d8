#!/usr/bin/env python3
"""Writes toxigen-sentences.csv from ToxiGen's demonstration sentences.

Source: the files under demonstrations/ of github.com/microsoft/TOXIGEN at
commit 01517e814639e0334c920a3c502036c8158aac87 (Hartvigsen et al.,
"ToxiGen: A Large-Scale Machine-Generated Dataset for Adversarial and
Implicit Hate Speech Detection", ACL 2022). These are the human-written
sentences the authors wrote or collected to prompt their generator: implicit
and explicit hate about thirteen groups, and neutral or supportive
statements about the same groups. Licence: MIT and the Community Data
License Agreement - Permissive 2.0 (toxigen-LICENSE, the repository's
LICENSE.txt). The machine-generated data set itself is not used.

What it writes: one row per distinct sentence (a leading "- " and
surrounding space removed), in the order of the sorted file paths and of
the lines in each file, with the columns label ("hate" or "neutral", from
the file name), group (from the file name) and text. A sentence listed in
two files of the same label is kept once; the script stops if a sentence is
listed as both hate and neutral.

Usage: extract_toxigen.py path/to/TOXIGEN   (a checkout at the commit above;
the script checks each file's git blob hash against BLOBS).
"""
import csv
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BLOBS = {  # path -> git blob SHA-1 at the pinned commit
    "demonstrations/disability/hate_mental_disability_sentences.txt": "1a198aebde657690a84e00d085102d645ab4789f",
    "demonstrations/disability/hate_physical_disability_sentences.txt": "aafee2d01b6954f14c72b4abefe9047fd09743e7",
    "demonstrations/disability/neutral_mental_disability_sentences.txt": "5a70b97c60f4ef366e0c2510a7b4118ab71ec2be",
    "demonstrations/disability/neutral_physical_disability_sentences.txt": "0862adc18ec46a7639077e7a1d6f3d64c44a22fb",
    "demonstrations/nationality/hate_chinese_sentences.txt": "1c29285785ca8ac66f045e437f00ce335ee51680",
    "demonstrations/nationality/hate_immigrant_sentences.txt": "64dff7ea02560efd2251606c92a0b7f3eb68c3ee",
    "demonstrations/nationality/hate_mexican_sentences.txt": "c06ad3ddaac9c592df853452c5499f4929651471",
    "demonstrations/nationality/hate_middle_east_sentences.txt": "ccad979bc021daf25f1a6529e44e714bb958fbc9",
    "demonstrations/nationality/neutral_chinese_sentences.txt": "7d7501ed8e0a59aeb14e2f29013f398596c1ddb7",
    "demonstrations/nationality/neutral_immigrant_sentences.txt": "92ab4ae2b7d20c6a348bbacbdab99cc190e51b1d",
    "demonstrations/nationality/neutral_mexican_sentences.txt": "d410ef44df435ee81f42e392e078fcedc758483d",
    "demonstrations/nationality/neutral_middle_east_sentences.txt": "0d41ceebaac058e2e9b7a309ae46e6c557dfe8a8",
    "demonstrations/race/hate_asian_sentences.txt": "e07fba15a0396688bb4938a96ef4f4e575391bd9",
    "demonstrations/race/hate_black_sentences.txt": "a6de92cc4343ca1666b8b732d123a9902b7a5931",
    "demonstrations/race/hate_jewish_sentences.txt": "6b229b3de6fbbd7d6e69f5ca83b7e1cfe4643d0a",
    "demonstrations/race/hate_latino_sentences.txt": "d4372be225dada468d179636bebe55d5debd4e87",
    "demonstrations/race/hate_native_american_sentences.txt": "497d76f09fb36c0fdfb6c2e4833fb0afc5990e52",
    "demonstrations/race/neutral_asian_sentences.txt": "97fd430c4a11344aa418638b99d21e0f1613892e",
    "demonstrations/race/neutral_black_sentences.txt": "1fee0bb4daf2698044fab3b0aeef60f189f82207",
    "demonstrations/race/neutral_jewish_sentences.txt": "b9f905545f12dcac5a81c7f9ba56f80b8503c5a5",
    "demonstrations/race/neutral_latino_sentences.txt": "3177fd72a6ea8d8ea770d09c5ca74c127565f7f7",
    "demonstrations/race/neutral_native_american_sentences.txt": "3a71f8836d22af2bc8fc0818e2e4cb51cbdb045c",
    "demonstrations/religion/hate_muslim.txt": "ecf8bf0a68ec044ad0e8aa2a4808d4627629e342",
    "demonstrations/religion/hate_muslim_sentences.txt": "cfa6f4312f4c0a2dc90f6ee9c703f23fe1dc1f7e",
    "demonstrations/religion/neutral_muslim.txt": "12076e1169cb84b5bdec6dfbf4eeb03531927852",
    "demonstrations/religion/neutral_muslim_sentences.txt": "12076e1169cb84b5bdec6dfbf4eeb03531927852",
    "demonstrations/sexual_orientation/hate_bisexual.txt": "327cb16dd5adc6c7b808ef405e09e34b407f1ba3",
    "demonstrations/sexual_orientation/hate_lgbtq.txt": "00c89f8a16139bb34c7121e8669858d4eb696f0f",
    "demonstrations/sexual_orientation/neutral_bisexual.txt": "5d46675c7302901467b3532463741f92307d28ea",
    "demonstrations/sexual_orientation/neutral_lgbtq.txt": "e9c8bdd7eeade76e0e40214ec01e2b803d654ac1",
}


def blob_sha1(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: extract_toxigen.py path/to/TOXIGEN")
    root = sys.argv[1]
    rows, label_of = [], {}
    for path in sorted(BLOBS):
        with open(os.path.join(root, path), "rb") as f:
            data = f.read()
        if blob_sha1(data) != BLOBS[path]:
            sys.exit(f"extract_toxigen.py: {path}: not the pinned version (git blob {BLOBS[path]})")
        name = os.path.basename(path)
        label = name.split("_")[0]
        group = name[len(label) + 1:].replace("_sentences", "").replace(".txt", "")
        for line in data.decode("utf-8").splitlines():
            text = line.strip()
            if text.startswith("- "):
                text = text[2:].strip()
            if not text:
                continue
            if text in label_of:
                if label_of[text] != label:
                    sys.exit(f"extract_toxigen.py: {path}: {text!r} is labelled both ways")
                continue
            label_of[text] = label
            rows.append((label, group, text))
    out = os.path.join(HERE, "toxigen-sentences.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["label", "group", "text"])
        writer.writerows(rows)
    print(f"wrote {out}: {len(rows)} sentences")


if __name__ == "__main__":
    main()
