#!/usr/bin/env python3
"""Test data for tests/bench/run.sh (which uses `posts` and `varied`; `corpus`
and `jsonl` are for timing postcheck_bench and --input jsonl by hand).
Standard library only.

  bench_data.py corpus --root ROOT --mb N --out FILE [--seed S]
      Writes about N MB of drafts built from the project's own corpus
      (tests/corpus/*.jsonl) and examples (examples/*.txt): sentences are
      recombined into tweet-sized and Facebook-sized drafts, and people's
      names, places, days and digits are varied. Drafts are separated by the
      byte 0x1E (what postcheck_bench reads).

  bench_data.py jsonl --root ROOT --posts N --out FILE [--seed S]
      Writes N drafts, made as for `corpus`, as an archive export in JSON
      Lines: {"id": "p1", "date": "2019-03-07T10:00:00Z", "text": ...} per
      line, dated over five years (for `postcheck --input jsonl`).

  bench_data.py posts --root ROOT --set davidson|corpus --out DIR [--count N] [--seed S]
      Writes posts one per file (DIR/p00001.txt, ...) for first-sight runs,
      DIR.list naming them relative to DIR's parent, and DIR.joined: the
      same posts apart by the byte 0x1E (for postcheck_bench's warm
      passes). `davidson`: the real tweets of tests/quality/davidson-sample.csv
      (Davidson et al. 2017, MIT), HTML entities unescaped as
      tests/quality/report.py does; all 3,000 by default, or N spread evenly
      over the file (it is sorted by class). `corpus`: N drafts (default
      3,000) made as for `corpus`.

  bench_data.py varied --root ROOT --mb N --files K --out DIR [--seed S]
      Writes about N MB of varied posts as K archive exports in JSON Lines
      (DIR/v001.jsonl, ...; {"id": ..., "text": ...} per line), for the
      peak-RSS measurement. Each post recombines 1-3 sentences drawn from the
      Davidson tweets and the project's corpus, and about one word in six is
      replaced by a word drawn from the words of both (each as often as it
      occurs there), so that no post is a copy of another. Deterministic for
      a given seed.
"""
import argparse
import glob
import csv
import html
import json
import os
import random
import re
import sys

SEP = "\x1e\n"

SURNAMES = """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright
Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis
James Phillips Mason Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Martin
Price Bell Whitley Haywood Cole Richards Hughes Edwards Hussain Ahmed Begum Singh
Kaur Ali Shaw Lloyd Ellis Harrison Kelly O'Brien Murphy Kennedy Gallagher""".split()
PLACES = """Stockport Salford Bolton Bury Oldham Leeds Worsley Enfield Wigan Rochdale
Trafford Tameside Stretford Eccles Sale Altrincham Leigh Farnworth Radcliffe Heywood
Middleton Prestwich Swinton Walkden Hyde Denton Ashton Droylsden Failsworth Chadderton""".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
HASHTAGS = ["#KeepSafe", "#OpSceptre", "#ShopLocal", "#RoadSafety", "#Bolton", "#Salford",
            "#Community", "#FraudAlert", "#WeekendPatrol", "#Appeal"]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr"]


def read_texts(root):
    texts = []
    for path in sorted(glob.glob(os.path.join(root, "tests", "corpus", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    texts.append(json.loads(line)["text"])
    for path in sorted(glob.glob(os.path.join(root, "examples", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = f.read().strip()
            if text:
                texts.append(text)
    if not texts:
        sys.exit("bench_data.py: no drafts in tests/corpus/*.jsonl or examples/*.txt")
    return texts


def read_first_names(root):
    names = []
    path = os.path.join(root, "dictionaries", "first-names.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            names = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return names or ["Darren", "Kyle", "Sarah", "Amy", "Michael", "Jamie", "Connor", "Heather"]


def sentences_of(texts):
    out = []
    for t in texts:
        for para in t.split("\n"):
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z#\"'0-9])", para.strip()):
                if s.strip():
                    out.append(s.strip())
    return out


class Varier:
    def __init__(self, rng, first_names):
        self.rng = rng
        self.first = first_names
        self.first_set = set(first_names)
        self.place_re = re.compile(r"\b(" + "|".join(PLACES) + r")\b")
        self.day_re = re.compile(r"\b(" + "|".join(DAYS) + r")\b")
        self.title_re = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][a-z]+(?:-[A-Z][a-z]+)?")
        self.name_re = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z']+)\b")

    def __call__(self, s):
        r = self.rng
        s = self.title_re.sub(lambda m: f"{r.choice(TITLES)} {r.choice(SURNAMES)}", s)
        s = self.name_re.sub(
            lambda m: f"{r.choice(self.first)} {r.choice(SURNAMES)}" if m.group(1) in self.first_set else m.group(0), s)
        s = self.place_re.sub(lambda m: r.choice(PLACES), s)
        s = self.day_re.sub(lambda m: r.choice(DAYS), s)
        # Vary digits but keep the shape (phone numbers, postcodes, dates, regs).
        # Short numbers (101, 999, ages) and the first digit (07..., 0800) are kept.
        s = re.sub(r"\d[\d /:-]{2,}\d",
                   lambda m: m.group(0)[0] + re.sub(
                       r"\d", lambda d: str(r.randrange(10)) if r.random() < 0.5 else d.group(0), m.group(0)[1:]), s)
        return s


def make_draft(rng, sentences, vary):
    kind = rng.random()
    if kind < 0.65:    # tweet: 1-3 sentences
        parts = [vary(rng.choice(sentences)) for _ in range(rng.randint(1, 3))]
        draft = " ".join(parts)
    elif kind < 0.95:  # Facebook post: 2-4 paragraphs of 1-4 sentences
        paras = []
        for _ in range(rng.randint(2, 4)):
            paras.append(" ".join(vary(rng.choice(sentences)) for _ in range(rng.randint(1, 4))))
        draft = "\n\n".join(paras)
    else:              # a whole draft from the corpus, varied
        draft = vary(rng.choice(sentences))
    if rng.random() < 0.3:
        draft += " " + " ".join(rng.sample(HASHTAGS, rng.randint(1, 3)))
    return draft


def cmd_corpus(args):
    rng = random.Random(args.seed)
    texts = read_texts(args.root)
    sentences = sentences_of(texts)
    vary = Varier(rng, read_first_names(args.root))
    target = int(args.mb * 1_000_000)
    written = 0
    drafts = 0
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        while written < target:
            d = make_draft(rng, sentences, vary)
            f.write(d)
            f.write(SEP)
            written += len(d.encode("utf-8")) + len(SEP)
            drafts += 1
    print(f"drafts={drafts} bytes={written} sentences={len(sentences)} sources={len(texts)}")


def read_davidson(root):
    path = os.path.join(root, "tests", "quality", "davidson-sample.csv")
    with open(path, encoding="utf-8", newline="") as f:
        tweets = [html.unescape(row["tweet"]) for row in csv.DictReader(f)]
    if not tweets:
        sys.exit(f"bench_data.py: no tweets in {path}")
    return tweets


def cmd_posts(args):
    if args.set == "davidson":
        posts = read_davidson(args.root)
        if 0 < args.count < len(posts):
            posts = [posts[i * len(posts) // args.count] for i in range(args.count)]
    else:
        rng = random.Random(args.seed)
        sentences = sentences_of(read_texts(args.root))
        vary = Varier(rng, read_first_names(args.root))
        posts = [make_draft(rng, sentences, vary) for _ in range(args.count or 3000)]
    os.makedirs(args.out, exist_ok=True)
    name = os.path.basename(os.path.normpath(args.out))
    written = 0
    with open(os.path.normpath(args.out) + ".list", "w", encoding="utf-8") as listing, \
            open(os.path.normpath(args.out) + ".joined", "w", encoding="utf-8", newline="") as joined:
        for i, text in enumerate(posts, 1):
            data = (text.rstrip("\n") + "\n").encode("utf-8")
            with open(os.path.join(args.out, f"p{i:05d}.txt"), "wb") as f:
                f.write(data)
            listing.write(f"{name}/p{i:05d}.txt\n")
            joined.write(text + SEP)
            written += len(data)
    print(f"posts={len(posts)} bytes={written}")


WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def cmd_varied(args):
    rng = random.Random(args.seed)
    tweets = read_davidson(args.root)
    sentences = sentences_of(read_texts(args.root))
    for t in tweets:
        sentences.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", t.replace("\n", " ")) if s.strip())
    # Every word as often as it occurs, so replacements keep the mix of common
    # and rare words that real posts have.
    occurrences = [w for s in sentences for w in WORD.findall(s)]
    split = [re.split(r"(\s+)", s) for s in sentences]
    target = int(args.mb * 1_000_000)
    per_file = target // args.files + 1
    os.makedirs(args.out, exist_ok=True)
    written = posts = 0
    for k in range(1, args.files + 1):
        size = 0
        with open(os.path.join(args.out, f"v{k:03d}.jsonl"), "w", encoding="utf-8", newline="") as f:
            while size < per_file and written + size < target:
                parts = []
                for _ in range(rng.randint(1, 3)):
                    tokens = list(rng.choice(split))
                    for i in range(0, len(tokens), 2):  # even indexes are words, odd ones spaces
                        if tokens[i] and rng.random() < 0.17:
                            tokens[i] = rng.choice(occurrences)
                    parts.append("".join(tokens))
                posts += 1
                line = json.dumps({"id": f"v{posts}", "text": " ".join(parts)}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
        written += size
    print(f"posts={posts} bytes={written} files={args.files}")


def cmd_jsonl(args):
    rng = random.Random(args.seed)
    sentences = sentences_of(read_texts(args.root))
    vary = Varier(rng, read_first_names(args.root))
    written = 0
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        for i in range(1, args.posts + 1):
            month = (i * 60) // (args.posts + 1)  # five years, in order
            date = f"{2019 + month // 12}-{month % 12 + 1:02d}-{rng.randint(1, 28):02d}T10:00:00Z"
            line = json.dumps({"id": f"p{i}", "date": date, "text": make_draft(rng, sentences, vary)},
                              ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
    print(f"posts={args.posts} bytes={written}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--root", required=True)
    c.add_argument("--mb", type=float, required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--seed", type=int, default=1)
    j = sub.add_parser("jsonl")
    j.add_argument("--root", required=True)
    j.add_argument("--posts", type=int, required=True)
    j.add_argument("--out", required=True)
    j.add_argument("--seed", type=int, default=4)
    ps = sub.add_parser("posts")
    ps.add_argument("--root", required=True)
    ps.add_argument("--set", choices=["davidson", "corpus"], required=True)
    ps.add_argument("--out", required=True)
    ps.add_argument("--count", type=int, default=0)
    ps.add_argument("--seed", type=int, default=7)
    v = sub.add_parser("varied")
    v.add_argument("--root", required=True)
    v.add_argument("--mb", type=float, required=True)
    v.add_argument("--files", type=int, default=100)
    v.add_argument("--out", required=True)
    v.add_argument("--seed", type=int, default=8)
    args = p.parse_args()
    {"corpus": cmd_corpus, "jsonl": cmd_jsonl, "posts": cmd_posts, "varied": cmd_varied}[args.cmd](args)


if __name__ == "__main__":
    main()
