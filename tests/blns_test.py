#!/usr/bin/env python3
"""Lints every string of the Big List of Naughty Strings (tests/blns/blns.txt,
MIT licence in tests/blns/LICENSE) and checks that postcheck survives them and
reports positions right.

Each non-comment, non-empty line is written to its own file and all the files
go to ONE postcheck run with --format json; then all the strings are linted
again as one single file (joined with "\\n"). Runs are made with the bundled
packs alone and with the bundled packs plus tests/robustness/probe.yaml, whose
rules match every token and every non-ASCII run, so that there are findings
to check whatever the bundled packs contain. For every input:
  - exit code 0 or 1 (never 2, a signal or a sanitizer report), stderr empty;
  - stdout is valid UTF-8 JSON with one file entry per input, in order;
  - every finding's offset/length lies inside the input and the input's bytes
    there are exactly `match`;
  - line/column and end_line/end_column agree with an independent computation
    (lines end at \\n, \\r\\n or \\r; columns count code points from 1; a
    leading BOM takes no column).

Binary: $POSTCHECK_BIN (default build/postcheck). Prints "N passed, N failed"
and exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
BLNS = os.path.join(HERE, "blns", "blns.txt")
PROBE = os.path.join(HERE, "robustness", "probe.yaml")
TIMEOUT = 300
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "UndefinedBehaviorSanitizer", "WARNING: ThreadSanitizer")


def load_strings():
    with open(BLNS, "rb") as f:
        data = f.read()
    data.decode("utf-8")  # the list is UTF-8; fail loudly if the copy is not
    strings = []
    # Split at \n only: some strings hold U+0085, U+2028 and friends, which
    # are not line ends for postcheck (nor for this list).
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip() or line.startswith(b"#"):
            continue
        strings.append((number, line))
    return strings


def positions(text):
    """An independent LineMap: byte offset -> (line, column)."""
    bom = 3 if text.startswith(b"\xef\xbb\xbf") else 0
    starts = [bom]
    i = 0
    while i < len(text):
        c = text[i]
        if c == 0x0A:
            starts.append(i + 1)
        elif c == 0x0D:
            if i + 1 < len(text) and text[i + 1] == 0x0A:
                i += 1
            starts.append(i + 1)
        i += 1

    # The last column worked out: (line, byte offset, characters from the
    # line's start). Findings come in order of offset, so the next question
    # is usually a little further along the same line, and counting from
    # here keeps a long line with many findings linear, not quadratic.
    last = [None, 0, 0]

    def at(offset):
        line = 0
        lo, hi = 0, len(starts)
        while lo < hi:  # last start <= offset
            mid = (lo + hi) // 2
            if starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        line = max(lo - 1, 0)
        start = starts[line]
        if offset < start:
            return line + 1, 1
        end = offset
        while end > start and end < len(text) and (text[end] & 0xC0) == 0x80:
            end -= 1
        if last[0] == line and last[1] <= end:
            count = last[2] + len(text[last[1]:end].decode("utf-8"))
        elif last[0] == line:
            count = last[2] - len(text[end:last[1]].decode("utf-8"))
        else:
            count = len(text[start:end].decode("utf-8"))
        last[:] = [line, end, count]
        return line + 1, count + 1

    return at


def check_findings(text, entry):
    """Problems with one file entry's findings for input bytes `text`."""
    problems = []
    at = positions(text)
    for f in entry.get("findings", []):
        off, length, match = f["offset"], f["length"], f["match"]
        where = f"{f['rule']} at offset {off}"
        if not (isinstance(off, int) and isinstance(length, int) and 0 <= off and 0 <= length
                and off + length <= len(text)):
            problems.append(f"{where}: span {off}+{length} outside the {len(text)}-byte input")
            continue
        if text[off:off + length] != match.encode("utf-8", "surrogatepass"):
            problems.append(f"{where}: text there is {text[off:off + length]!r}, match is {match!r}")
        want = at(off) + at(off + length)
        got = (f["line"], f["column"], f["end_line"], f["end_column"])
        if got != want:
            problems.append(f"{where} ({match!r}): line/column/end_line/end_column {got}, expected {want}")
    return problems


def run(args, expected_files):
    """Runs postcheck; returns (problems for the whole run, file entries or None, seconds)."""
    start = time.monotonic()
    try:
        r = subprocess.run([BIN, "--format", "json", *args], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"timed out after {TIMEOUT} s (hang?)"], None, TIMEOUT
    seconds = time.monotonic() - start
    problems = []
    stderr = r.stderr.decode("utf-8", "replace")
    if r.returncode not in (0, 1):
        problems.append(f"exit code {r.returncode}: {stderr[-2000:]}")
    elif stderr:
        problems.append(f"unexpected stderr: {stderr[-2000:]}")
    if any(m in stderr for m in SANITIZER_MARKERS):
        problems.append("sanitizer report on stderr")
    try:
        report = json.loads(r.stdout.decode("utf-8"))
        files = report["files"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as e:
        problems.append(f"stdout is not the JSON report: {e}: {r.stdout[:300]!r}")
        return problems, None, seconds
    if len(files) != expected_files:
        problems.append(f"{len(files)} file entries for {expected_files} inputs")
        return problems, None, seconds
    return problems, files, seconds


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no postcheck binary at {BIN} (set POSTCHECK_BIN)")
    strings = load_strings()
    passed = failed = 0
    failures = []

    def record(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            failures.append((name, problems))
        else:
            passed += 1

    with tempfile.TemporaryDirectory(prefix="postcheck-blns-") as tmp:
        paths = []
        for i, (number, line) in enumerate(strings):
            path = os.path.join(tmp, f"{i:04d}-line{number}.txt")
            with open(path, "wb") as f:
                f.write(line)
            paths.append(path)
        whole = os.path.join(tmp, "all.txt")
        whole_text = b"\n".join(line for _, line in strings) + b"\n"
        with open(whole, "wb") as f:
            f.write(whole_text)

        for label, extra in (("bundled packs", []), ("bundled packs + probe", ["--rules", PROBE])):
            run_problems, files, seconds = run([*extra, *paths], len(paths))
            findings = sum(len(f.get("findings", [])) for f in files or [])
            print(f"{label}: {len(paths)} strings in one run, {findings} findings, {seconds:.2f} s")
            for i, (number, line) in enumerate(strings):
                problems = list(run_problems)
                if files is not None:
                    entry = files[i]
                    if entry.get("path") != paths[i]:
                        problems.append(f"entry {i} is for {entry.get('path')!r}, not {paths[i]!r}")
                    if "error" in entry:
                        problems.append(f"refused: {entry['error']}")
                    problems += check_findings(line, entry)
                record(f"blns.txt:{number} [{label}] {line[:60]!r}", problems)

            run_problems, files, seconds = run([*extra, whole], 1)
            findings = len(files[0].get("findings", [])) if files else 0
            print(f"{label}: all strings as one file, {findings} findings, {seconds:.2f} s")
            if files is not None:
                run_problems += check_findings(whole_text, files[0])
            record(f"all strings as one file [{label}]", run_problems)

    for name, problems in failures[:40]:
        print(f"FAIL {name}")
        for p in problems[:5]:
            print(f"    {p}")
        if len(problems) > 5:
            print(f"    ... and {len(problems) - 5} more")
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more failures")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
