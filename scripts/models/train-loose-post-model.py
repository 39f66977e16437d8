#!/usr/bin/env python3
"""Train the loose-post model: one logistic regression per category over the
words and word pairs of a post, learnt from the dev parts of the project's
quality sets (tests/quality/fresh-drafts.jsonl and real-posts.jsonl; the
final parts are never read), and write it to
dictionaries/models/loose-post-model.tsv, which the rules' `model:`
matcher reads (lint/matching/loose_post_model.h).

Deterministic: the same data gives the same file, byte for byte.
  --check   exit 1 if the committed file differs from what the data gives.

For tone and discrimination, text labelled by others for hate and offence
teaches it what is neither: the Davidson et al. tweets labelled "neither"
that the quality report's sample did not draw
(tests/quality/davidson-neither-unsampled.csv), and the dev parts of the
HateCheck cases that must stay clean (CC BY 4.0) and ToxiGen's neutral
sentences (MIT, CDLA-Permissive-2.0). Those sets were labelled for hate and
offence only, so they teach those two labels and no other. The forum
sentences are not read: they are CC BY-SA, and the weights would be made
from them. Without text of that kind a model of tone learnt that an
informal voice is a risk (18% of the sample's "neither" tweets flagged).

Beside the quality sets' dev parts, the rules' own examples teach it: a flag
example of a rule of a label's category is a post of that label, and every
pass example (innocent near-misses, written for every rule) is a post of no
label. The model's own rules are left out, so that their examples test it,
and so are building blocks (`report: false`), whose examples are parts of
posts, not posts.

The tokens are defined here and in loose_post_model.cc alike: the curly
apostrophes read as "'", ASCII letters (lower-cased), digits and "'" make
words, white space separates, emoji variation selectors, the zero-width joiner,
skin-tone modifiers and the hashtag sign are dropped (a hashtag is its words:
the sign alone weighed for politics in any post that had one), and every
other character is a token of its
own (an emoji, a punctuation mark, a letter outside ASCII). The features are
each distinct token ("u:word") and each pair of neighbouring tokens
("b:one two").
"""
import csv
import glob
import html
import json
import math
import os
import random
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "quality"))
from report import (HATECHECK_CLEAN, TOXIGEN_LABELS, load_hatecheck,  # noqa: E402
                    load_sentences, split_of)  # the quality report's own readers and split
OUT = os.path.join(ROOT, "dictionaries", "models", "loose-post-model.tsv")
SOURCES = ["tests/quality/fresh-drafts.jsonl", "tests/quality/real-posts.jsonl"]
# Personal data is left to the rules that find the name, the address or the
# number itself: what they flag, --fix can take out, and a verdict on the
# post as a whole would outlive the fix.
LABELS = ["case-details", "impartiality", "tone", "discrimination"]
# The labels that sets labelled for hate and offence only can teach.
HATE_LABELS = {"tone", "discrimination"}
EPOCHS = 12
RATE = 0.1
L2 = 3e-3
MIN_COUNT = 2        # a feature seen in fewer training posts is left out
MIN_WEIGHT = 0.02    # smaller weights are left out of the file
SEED = 41

# Code points that are no token: the emoji variation selectors, the
# zero-width joiner and the skin-tone modifiers (part of the emoji before
# them, invisible or meaningless alone), and the hashtag sign (a hashtag is
# its words; the sign alone, in the drafts of round 42, weighed for politics
# in any post that had one, a police dog's birthday among them).
IGNORED = {"\ufe0e", "\ufe0f", "\u200d", "#"} | {chr(c) for c in range(0x1F3FB, 0x1F400)}
SPACES = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {chr(c) for c in range(0x2000, 0x200B)}


def tokens(text):
    out, word = [], []
    for ch in text.replace("\u2019", "'").replace("\u2018", "'"):
        if ("a" <= ch <= "z") or ("0" <= ch <= "9") or ch == "'":
            word.append(ch)
        elif "A" <= ch <= "Z":
            word.append(ch.lower())
        else:
            if word:
                out.append("".join(word))
                word = []
            if ch not in SPACES and ch not in IGNORED:
                out.append(ch)
    if word:
        out.append("".join(word))
    return out


def features(text):
    t = tokens(text)
    f = {"u:" + x for x in t}
    f.update("b:" + t[i] + " " + t[i + 1] for i in range(len(t) - 1))
    return sorted(f)



def groups(item, key):
    s = set()
    for g in item.get(key, []):
        s |= set(g.split("|"))
    return s


def rule_examples():
    """The rules' examples as quality-set items: flags expect the rule's
    category; passes expect nothing."""
    items = []
    for path in sorted(glob.glob(os.path.join(ROOT, "rules", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            pack = yaml.safe_load(f)
        for rule in pack.get("rules", []):
            if "model" in rule or rule.get("report") is False:
                continue  # the model's own rules; building blocks, whose examples are parts of posts
            category = rule.get("category", pack.get("category"))
            examples = rule.get("examples") or {}
            for kind in ("flag", "pass"):
                for e in examples.get(kind) or []:
                    text = e if isinstance(e, str) else e.get("text") if isinstance(e, dict) else None
                    if not text or (isinstance(e, dict) and "repeat" in e):
                        continue
                    items.append({"text": text, "expect": [category] if kind == "flag" else [], "also": [],
                                  "example": kind})
    return items


def neither_items():
    """Posts of no hate or offence, from sets labelled for that alone: they
    teach HATE_LABELS only."""
    quality = os.path.join(ROOT, "tests", "quality")
    texts = []
    with open(os.path.join(quality, "davidson-neither-unsampled.csv"), encoding="utf-8", newline="") as f:
        texts += [html.unescape(row["tweet"]) for row in csv.DictReader(f)]
    texts += [c["text"] for c in load_hatecheck(os.path.join(quality, "hatecheck-cases.csv"))
              if c["split"] == "dev" and c["func"] in HATECHECK_CLEAN]
    texts += [t["text"] for t in load_sentences(os.path.join(quality, "toxigen-sentences.csv"), TOXIGEN_LABELS)
              if t["split"] == "dev" and t["label"] == TOXIGEN_LABELS[1]]
    return [{"text": t, "expect": [], "also": [], "teaches": HATE_LABELS} for t in texts]


def train():
    items = []
    for rel in SOURCES:
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    items.append(json.loads(line))
    items = [it for it in items if split_of(it["text"]) == "dev"] + rule_examples() + neither_items()
    all_feats = [features(it["text"]) for it in items]
    model = {}
    for label in LABELS:
        # A feature counts where it is seen in MIN_COUNT of the posts that teach this label.
        teaching = [label in it.get("teaches", LABELS) for it in items]
        counts = {}
        for fs, teaches in zip(all_feats, teaching):
            if teaches:
                for x in fs:
                    counts[x] = counts.get(x, 0) + 1
        feats = [[x for x in fs if counts.get(x, 0) >= MIN_COUNT] for fs in all_feats]
        data = []
        for it, fs, teaches in zip(items, feats, teaching):
            expect, also = groups(it, "expect"), groups(it, "also")
            if label in also and label not in expect:
                continue  # arguable: neither side
            if it.get("example") == "flag" and label not in expect:
                continue  # another category's flag says nothing of this label
            if not teaches:
                continue  # labelled for hate and offence only
            data.append((fs, 1 if label in expect else 0))
        pos = sum(y for _, y in data)
        up = math.sqrt((len(data) - pos) / pos)  # positives weighed up towards balance
        w, b = {}, 0.0
        rng = random.Random(SEED)
        for _ in range(EPOCHS):
            rng.shuffle(data)
            for fs, y in data:
                z = b + sum(w.get(x, 0.0) for x in fs)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                g = (p - y) * (up if y else 1.0)
                for x in fs:
                    wx = w.get(x, 0.0)
                    w[x] = wx - RATE * (g + L2 * wx)
                b -= RATE * g
        model[label] = (b, w)
    return items, model


def render(model):
    names = sorted({x for _, w in model.values() for x, v in w.items() if abs(v) >= MIN_WEIGHT})
    lines = [
        "# postcheck loose-post model, generated by scripts/models/train-loose-post-model.py; do not edit.",
        "# One logistic regression per category over a post's tokens (u:) and token pairs (b:), learnt from",
        "# the dev parts of tests/quality/fresh-drafts.jsonl and tests/quality/real-posts.jsonl (the project's",
        "# own quality sets; the final parts are never read) and from the examples of the rules in rules/;",
        "# for tone and discrimination also from posts others labelled as neither hate nor offence",
        "# (tests/quality/davidson-neither-unsampled.csv, MIT; the dev parts of the HateCheck and ToxiGen",
        "# sets, CC BY 4.0 and MIT/CDLA-Permissive-2.0, whose licences are beside them in tests/quality/).",
        "# Columns: feature, then one weight per label.",
        "labels\t" + "\t".join(LABELS),
        "bias\t" + "\t".join("%.4f" % model[l][0] for l in LABELS),
    ]
    for x in names:
        ws = [model[l][1].get(x, 0.0) for l in LABELS]
        ws = [v if abs(v) >= MIN_WEIGHT else 0.0 for v in ws]  # each label's file weights as if alone
        lines.append(x + "\t" + "\t".join("%.4f" % v for v in ws))
    return "\n".join(lines) + "\n"


def main():
    _, model = train()
    text = render(model)
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print(OUT + ": differs from what the quality sets give; run " + sys.argv[0], file=sys.stderr)
                return 1
        print(OUT + ": matches the quality sets")
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    features = sum(1 for line in text.splitlines() if line.startswith(("u:", "b:")))
    print("wrote %s (%d features)" % (OUT, features))
    return 0


if __name__ == "__main__":
    sys.exit(main())
