#!/usr/bin/env python3
"""Checks every example draft in examples/ against its golden JSON output
(examples/NAME.expected.json), and that the --fix rewrite of every example
lints clean of personal-data and jargon findings.

Regenerate the golden files after a deliberate rule change with:
    python3 tests/examples_test.py --update
and review the diff before committing it.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(ROOT, "build", "postcheck"))
EXAMPLES = os.path.join(ROOT, "examples")


def lint_json(path, stdin=None):
    # Run from the examples folder with a relative path so the golden files do
    # not depend on where the repository is checked out.
    args = [BIN, "--no-config", "--format", "json", "--fail-on", "never", path]
    r = subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=EXAMPLES)
    if r.returncode != 0:
        raise RuntimeError(f"{path}: postcheck exited {r.returncode}: {r.stderr}")
    return json.loads(r.stdout)


def main():
    update = "--update" in sys.argv
    drafts = sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".txt"))
    passed = failed = 0
    for name in drafts:
        golden = os.path.join(EXAMPLES, name[:-4] + ".expected.json")
        actual = lint_json(name)
        if update:
            with open(golden, "w", encoding="utf-8") as f:
                json.dump(actual, f, indent=2, ensure_ascii=False)
                f.write("\n")
        if not os.path.exists(golden):
            print(f"FAIL {name}: no golden file {os.path.basename(golden)} (run with --update)")
            failed += 1
            continue
        with open(golden, encoding="utf-8") as f:
            expected = json.load(f)
        if actual != expected:
            print(f"FAIL {name}: output differs from {os.path.basename(golden)}")
            print("  expected:", json.dumps(expected["files"][0]["findings"], ensure_ascii=False)[:2000])
            print("  actual:  ", json.dumps(actual["files"][0]["findings"], ensure_ascii=False)[:2000])
            failed += 1
        else:
            passed += 1
        # The safer rewrite must leave no personal data and no jargon behind.
        # It exits 1, naming each on stderr, when errors are left to reword by hand.
        fix = subprocess.run([BIN, "--no-config", "--fix", name], capture_output=True, text=True, cwd=EXAMPLES)
        errors_left = [f for f in lint_json("-", stdin=fix.stdout)["files"][0]["findings"]
                       if f["severity"] == "error"] if fix.returncode in (0, 1) else []
        told = [line for line in fix.stderr.splitlines() if line.startswith("postcheck: --fix could not fix ")]
        if fix.returncode != (1 if errors_left else 0) or len(told) != len(errors_left):
            print(f"FAIL {name}: --fix exited {fix.returncode} with {len(errors_left)} errors left: {fix.stderr}")
            failed += 1
            continue
        rewritten = lint_json("-", stdin=fix.stdout)
        left = [f for f in rewritten["files"][0]["findings"] if f["category"] in ("personal-data", "jargon")]
        if left:
            print(f"FAIL {name}: --fix leaves {[(f['rule'], f['match']) for f in left]}")
            failed += 1
        else:
            passed += 1
    if not drafts:
        print("FAIL: no example drafts in examples/")
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
