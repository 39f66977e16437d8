#!/usr/bin/env python3
"""The peer suite: personal-data cases modelled on the kinds of case in
Microsoft Presidio's UK recognizer tests (phone, e-mail, postcode, NHS,
National Insurance, driving licence, passport, vehicle registration, IBAN,
sort code, account and card numbers, names), each written here as a sentence
an officer might post. tests/pii/peer-cases.jsonl holds them, one a line:

  {"label": "PHONE", "text": "...", "match": "07911 123456", "rules": ["phone-number"]}

A case with a match is a positive: it is found when a finding of one of its
personal-data rules covers part of the match. A case with "match": null is a
negative: any personal-data finding in it is a false alarm. So is a finding
of another personal-data rule on a positive's match (an NHS number reported
for a phone number).

recall = found / positives, precision = found / (found + false alarms); both
must reach 0.97. Prints the figures; -v lists every miss and false alarm.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
CASES = os.path.join(HERE, "pii", "peer-cases.jsonl")
MIN_RECALL = 0.97
MIN_PRECISION = 0.97


def lint(cases):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, case in enumerate(cases):
            path = os.path.join(tmp, f"{i:04d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(case["text"])
            paths.append(path)
        run = subprocess.run([BIN, "--format", "json", "--fail-on", "never", "--only", "personal-data", *paths],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"postcheck exited {run.returncode}: {run.stderr}")
        return [f["findings"] for f in json.loads(run.stdout)["files"]]


def main():
    verbose = "-v" in sys.argv
    with open(CASES, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    found = false_alarms = positives = 0
    problems = []
    by_label = {}
    for case, findings in zip(cases, lint(cases)):
        text = case["text"].encode("utf-8")
        label = by_label.setdefault(case["label"], [0, 0, 0])  # positives, found, false alarms
        if case["match"] is None:
            for f in findings:
                false_alarms += 1
                label[2] += 1
                problems.append(f"false alarm {f['rule']} '{f['match']}' in: {case['text']}")
            continue
        positives += 1
        label[0] += 1
        match = case["match"].encode("utf-8")
        begin = text.find(match)
        if begin < 0:
            sys.exit(f"{CASES}: match '{case['match']}' is not in '{case['text']}'")
        end = begin + len(match)
        rules = {"personal-data." + r for r in case["rules"]}
        hit = False
        for f in findings:
            overlaps = f["offset"] < end and f["offset"] + f["length"] > begin
            if not overlaps:
                continue
            if f["rule"] in rules:
                hit = True
            else:
                false_alarms += 1
                label[2] += 1
                problems.append(f"wrong rule {f['rule']} on '{case['match']}' in: {case['text']}")
        if hit:
            found += 1
            label[1] += 1
        else:
            problems.append(f"missed {case['label']} '{case['match']}' in: {case['text']}")
    recall = found / positives if positives else 1.0
    precision = found / (found + false_alarms) if found + false_alarms else 1.0
    if verbose:
        for label, (p, h, fa) in sorted(by_label.items()):
            print(f"  {label:10s} positives {p:3d} found {h:3d} false alarms {fa}")
    for p in problems:
        print("  " + p)
    print(f"peer suite: {len(cases)} cases, {positives} positives: recall {recall:.3f}, "
          f"precision {precision:.3f} ({found} found, {positives - found} missed, {false_alarms} false alarms)")
    if recall < MIN_RECALL or precision < MIN_PRECISION:
        sys.exit(f"FAIL: recall must be >= {MIN_RECALL} and precision >= {MIN_PRECISION}")


if __name__ == "__main__":
    main()
