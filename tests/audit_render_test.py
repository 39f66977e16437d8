#!/usr/bin/env python3
"""Renders the HTML audit report in headless Chromium and checks what it shows.

The audit: the labelled drafts in tests/corpus/*.jsonl as one JSON Lines
export (206 posts, dated over 2023 and 2024 by their order), linted with the
bundled packs. Checks:
- --dump-dom: no script element; the overview, the chart (an <svg> with a bar
  per severity per month), the rules that fire most and the riskiest posts;
- --screenshot: the chart and the severity badges paint (their colours are on
  the page), and nothing needed the network.

Needs the Debian package chromium (binary `chromium`, or env CHROMIUM);
without it the test says so and exits 77 (ctest: skipped), unless CI=true.
`python3 tests/audit_render_test.py --update-screenshot` also rewrites
docs/audit-report.png, the README's picture of the report.

Prints "N passed, N failed" last; exits 1 if any check failed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from html_render_test import chromium, find_chromium, read_png  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.abspath(os.environ.get("POSTCHECK_BIN", os.path.join(ROOT, "build", "postcheck")))
SCREENSHOT = os.path.join(ROOT, "docs", "audit-report.png")
WIDTH, HEIGHT = 1280, 1500
ERROR_RED, WARNING_AMBER = (0xb9, 0x1c, 0x1c), (0xb4, 0x53, 0x09)


def export(path):
    posts = []
    for name in sorted(os.listdir(os.path.join(HERE, "corpus"))):
        if name.endswith(".jsonl"):
            with open(os.path.join(HERE, "corpus", name), encoding="utf-8") as f:
                posts += [json.loads(line) for line in f if line.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for i, p in enumerate(posts):
            month = i * 24 // len(posts)
            date = f"{2023 + month // 12}-{month % 12 + 1:02d}-{i % 28 + 1:02d}"
            f.write(json.dumps({"id": p["id"], "date": date, "text": p["text"]}) + "\n")
    return len(posts)


def main():
    browser = find_chromium()
    if not browser:
        print("skipped: chromium not found (apt-get install chromium, or set CHROMIUM)")
        return 1 if os.environ.get("CI") == "true" else 77
    tmp = tempfile.mkdtemp(prefix="postcheck-audit-")
    passed = failed = 0
    try:
        posts = os.path.join(tmp, "posts.jsonl")
        count = export(posts)
        page = os.path.join(tmp, "audit.html")
        with open(page, "wb") as out:
            proc = subprocess.run([BIN, "--no-config", "--input", "jsonl", "--date-field", "date", "--format", "html",
                                   "--fail-on", "never", "--quiet", "posts.jsonl"], stdout=out, stderr=subprocess.PIPE,
                                  cwd=tmp)
        if proc.returncode != 0:
            raise SystemExit(f"postcheck exited {proc.returncode}: {proc.stderr.decode()}")
        dom = chromium(browser, "file://" + page, "--dump-dom").stdout.decode("utf-8")
        shot = os.path.join(tmp, "audit.png")
        chromium(browser, "file://" + page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")
        _, _, rows = read_png(shot)
        colours = {px for row in rows for px in row}

        def check(name, condition):
            nonlocal passed, failed
            if condition:
                passed += 1
                print(f"ok   {name}")
            else:
                failed += 1
                print(f"FAIL {name}")

        check("the audit report, not the trainers' page", "<title>postcheck audit</title>" in dom)
        check(f"{count} posts counted", f"<b>{count} posts</b> checked" in dom)
        check("no script element", "<script" not in dom)
        check("overview, chart, top rules and riskiest posts, in that order",
              0 < dom.index("Findings by category") < dom.index("Rules that fire most")
              < dom.index("Findings per month") < dom.index("Riskiest posts"))
        check("the chart is inline SVG with 24 months",
              "<svg" in dom and dom.count("<text") >= 24 and "2023-01" in dom and "2024-12" in dom)
        check("bars and badges paint in the severity colours", ERROR_RED in colours and WARNING_AMBER in colours)
        check("the page is not blank", len(colours) > 50)
        if "--update-screenshot" in sys.argv:
            shutil.copy(shot, SCREENSHOT)
            print(f"wrote {SCREENSHOT}")
    except Exception:  # a failure to run is a failed test, with its cause
        traceback.print_exc()
        failed += 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
