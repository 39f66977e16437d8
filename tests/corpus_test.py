#!/usr/bin/env python3
"""Lints the labelled corpus (tests/corpus/*.jsonl) and checks recall,
precision and that clean drafts stay clean.

Each line: {"id", "text", "expect": [categories, "a|b" = either], "also": [...]}.
- recall: share of expected category groups flagged at warning or error, >= 0.95
- precision: share of categories flagged at warning or error that are in
  expect or also, >= 0.90
- drafts with an empty expect get no warning or error at all.

Run directly for a per-draft report: python3 tests/corpus_test.py -v
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
MIN_RECALL = 0.95
MIN_PRECISION = 0.90


def load_corpus():
    drafts = []
    corpus_dir = os.path.join(HERE, "corpus")
    for name in sorted(os.listdir(corpus_dir)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    draft = json.loads(line)
                    draft["source"] = f"{name}:{number}"
                    drafts.append(draft)
    return drafts


def lint_all(drafts):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, d in enumerate(drafts):
            path = os.path.join(tmp, f"{i:04d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(d["text"])
            paths.append(path)
        run = subprocess.run([BIN, "--format", "json", "--fail-on", "never", *paths],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"postcheck exited {run.returncode}: {run.stderr}")
        report = json.loads(run.stdout)
    return [f["findings"] for f in report["files"]]


def main():
    verbose = "-v" in sys.argv
    drafts = load_corpus()
    results = lint_all(drafts)
    groups = hits = flagged_total = flagged_right = 0
    failures = []
    for draft, findings in zip(drafts, results):
        serious = [f for f in findings if f["severity"] in ("warning", "error")]
        flagged = {f["category"] for f in serious}
        allowed = set(draft.get("also", []))
        for group in draft["expect"]:
            allowed.update(group.split("|"))
        missed = []
        for group in draft["expect"]:
            groups += 1
            if flagged & set(group.split("|")):
                hits += 1
            else:
                missed.append(group)
        wrong = sorted(flagged - allowed)
        flagged_total += len(flagged)
        flagged_right += len(flagged & allowed)
        dirty = not draft["expect"] and serious
        if missed or wrong or dirty:
            failures.append(draft["id"])
        if verbose or missed or wrong or dirty:
            status = "ok" if not (missed or wrong or dirty) else "MISS" if missed else "EXTRA"
            print(f"{status:5} {draft['id']:8} ({draft['source']}) flagged={sorted(flagged)}"
                  + (f" missed={missed}" if missed else "") + (f" wrong={wrong}" if wrong else ""))
            if missed or wrong or dirty or verbose:
                for f in findings:
                    print(f"        {f['severity']:10} {f['rule']}: {f['match']!r}")
    recall = hits / groups if groups else 1.0
    precision = flagged_right / flagged_total if flagged_total else 1.0
    clean = [d for d, f in zip(drafts, results) if not d["expect"]]
    dirty_clean = [d["id"] for d, f in zip(drafts, results)
                   if not d["expect"] and any(x["severity"] in ("warning", "error") for x in f)]
    print(f"corpus: {len(drafts)} drafts, recall {recall:.3f} ({hits}/{groups}), "
          f"precision {precision:.3f} ({flagged_right}/{flagged_total}), "
          f"clean drafts flagged {len(dirty_clean)}/{len(clean)}")
    checks = [
        ("recall >= %.2f" % MIN_RECALL, recall >= MIN_RECALL),
        ("precision >= %.2f" % MIN_PRECISION, precision >= MIN_PRECISION),
        ("clean drafts stay clean", not dirty_clean),
    ]
    failed = [name for name, ok in checks if not ok]
    for name in failed:
        print(f"FAILED: {name}")
    print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
