#!/usr/bin/env python3
"""bench_smoke: tests/bench/run.sh in its smoke mode (BENCH_QUICK=1) on the
binaries of this build, checking that it runs to the end and prints every
row of its tables with a figure in every cell. It asserts no speed: figures
are reported by the benchmark, never checked by a timed test.

Environment: POSTCHECK_BUILD_DIR (the build holding postcheck,
postcheck_spawn and postcheck_bench), POSTCHECK_SOURCE_DIR. Without
write-good 1.0.8 or hunspell the benchmark skips their columns with a note;
under CI=true that fails here (scripts/install-deps.sh installs both).
"""
import os
import re
import shutil
import subprocess
import sys

SOURCE = os.environ.get("POSTCHECK_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SOURCE, "tests"))
import ci_tools  # noqa: E402

BUILD = os.environ.get("POSTCHECK_BUILD_DIR") or os.path.join(SOURCE, "build")
RATE = r"\d+\.\d{3} MB/s, \d+ posts/s"
LATENCY = r"\d+ ms \(p90 \d+ ms\), \d+\.\d posts/s"
RATIO = r"\d+\.\d\dx"


def fail(why, out=""):
    print(out)
    print(f"bench_smoke: FAIL: {why}")
    sys.exit(1)


def main():
    missing = []
    wg = shutil.which("write-good")
    version = subprocess.run([wg, "--version"], capture_output=True, text=True).stdout.strip() if wg else ""
    if version != "1.0.8":
        missing.append("write-good 1.0.8 (npm)")
    if not shutil.which("hunspell"):
        missing.append("hunspell")
    for what in missing:
        ci_tools.skip_reason(f"{what} missing: the benchmark skips its column")  # raises under CI=true
    env = dict(os.environ, BENCH_QUICK="1", BENCH_NO_BUILD="1", BUILD_DIR=BUILD)
    try:
        run = subprocess.run(["bash", os.path.join(SOURCE, "tests", "bench", "run.sh")], env=env,
                             capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        fail("run.sh did not finish in 300 s")
    out = run.stdout
    if run.returncode != 0:
        fail(f"run.sh exited {run.returncode}: {run.stderr[-2000:]}", out)

    wg = "write-good 1.0.8 (npm)" not in missing
    hun = "hunspell" not in missing
    nproc = os.cpu_count() or 1
    jobs = [1, 2] + ([nproc] if nproc > 2 else [])
    rows = []
    for name in ("Davidson tweets \\(real\\)", "corpus drafts \\(ours, recombined\\)"):
        for j in jobs:
            if j == 1:
                rest = (f"{RATE} \\| {RATE} \\| " +
                        (f"{RATE} \\| {RATIO} \\(no spelling: {RATIO}\\)" if wg else "n/a: write-good 1.0.8 not installed \\| n/a"))
            else:
                rest = f"{RATE} = {RATIO} -j 1 \\| {RATE} = {RATIO} -j 1 \\| - \\| -"
            rows.append(f"\\| {name} \\| {j} \\| {rest} \\|")
        rows.append(f"\\| {name} \\| {LATENCY} \\| {LATENCY} \\| " +
                    (f"{LATENCY} \\| {RATIO} \\(no spelling: {RATIO}\\)" if hun else "n/a: no hunspell en_GB \\| n/a") +
                    " \\| " + (f"{LATENCY} \\| {RATIO}" if wg else "n/a: write-good 1.0.8 not installed \\| n/a") + " \\|")
        rows.append(f"\\| WARM \\(not first sight\\): {name}, one Engine, 1 thread \\| \\d+\\.\\d+ MB/s.* \\| \\d+\\.\\d+ MB/s.*\\|")
    rows += [
        r"- machine: .+, \d+ cores, ",
        r"- commit: [0-9a-f]{7,}",
        r"- \*\*headline\*\* \(first sight of the real tweets, every pack, spelling included\): -j 1 " + RATE + ".*",
        r"- posts: Davidson \d+ tweets, \d+ bytes; corpus \d+ drafts, \d+ bytes",
        r"\| Peak RSS, varied posts, --input jsonl -j \d+, \d+ file\(s\) of <= 1 MB \| \d+\.\d MB \(after .* MB.*\) \| - \|",
        r"\| Single thread \(-j 1\) \| \d+\.\d{3} MB/s \| >= 30 MB/s \| (pass|miss) \|",
        r"\| Against write-good, same run \| " + (RATIO + r" \| >= 50x \| (pass|miss)" if wg else r"n/a: .* \| n/a") + r" \|",
        r"\| -j 2 over -j 1 \| " + RATIO + r" \| >= 1\.8x \| (pass|miss|n/a: machine busy .*) \|",
        r"\| Cold start over bare hunspell \| " + (RATIO + r" \| <= 1\.3x \| (pass|miss)" if hun else r"n/a: .* \| n/a") + r" \|",
        r"\| Peak RSS over \d+\.\d MB of varied posts \| \d+\.\d MB \| <= 64 MB, all of it linted \| (pass|miss.*) \|",
        r"Peak RSS of those runs: Davidson -j 1 \d+\.\d MB, corpus -j 1 \d+\.\d MB",
    ]
    lines = out.splitlines()
    for row in rows:
        if not any(re.fullmatch(row + ".*", line) for line in lines):
            fail(f"no line matches {row}", out)
    print(out)
    print(f"bench_smoke: OK, {len(rows)} rows checked (no speed asserted)")


if __name__ == "__main__":
    main()
