#!/usr/bin/env python3
"""End-to-end robustness tests: what postcheck does with inputs that are not
drafts, with odd but valid drafts and with very large or pathological ones,
and that it neither touches the network nor writes files.

Each refusal is asserted by exit code and by the exact one-line message on
stderr. Uses the bundled rule packs (as installed with the binary); the tests
that check finding positions add tests/robustness/probe.yaml with --rules so
that there is always something to find. Large inputs run with a generous
timeout as a hang detector and print their wall time.


Binary: $POSTCHECK_BIN (default build/postcheck).
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest

from ci_tools import skip_reason

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from blns_test import check_findings, positions, SANITIZER_MARKERS  # noqa: E402

BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
PROBE = os.path.join(HERE, "robustness", "probe.yaml")
PROBE_ARGS = ["--rules", PROBE]
# What counts as a hang: 60 s, four times that for a binary under the
# sanitizers (ASan alone makes the 5 MB line of findings below take 47 s
# against 5 s on the 2-core Intel VM). A detector, not a speed test.
HANG_TIMEOUT = 240 if os.environ.get("POSTCHECK_SANITIZED") == "1" else 60
DRAFT = "Call Mr Jones on 07911 123456 about the f***ing RTC.\nHe lives at 22 Orchard Road.\n"

# Bugs these tests found; each skipped test names one. Empty when all fixed.


def run(args, stdin=None, timeout=HANG_TIMEOUT, env=None, **kwargs):
    """Runs postcheck on bytes; fails the calling test on a hang."""
    full_env = dict(os.environ)
    full_env["NO_COLOR"] = "1"
    full_env.update(env or {})
    start = time.monotonic()
    r = subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=timeout,
                       env=full_env, **kwargs)
    r.seconds = time.monotonic() - start
    r.err = r.stderr.decode("utf-8", "replace")
    return r


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="postcheck-robust-")
        os.chmod(self.tmp, 0o755)  # so that an unprivileged child can look inside

    def tearDown(self):
        for root, dirs, _ in os.walk(self.tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.tmp)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        os.chmod(path, 0o644)
        return path

    def assertNoSanitizerReport(self, r):
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, r.err, r.err[-3000:])

    def assertRefused(self, r, line):
        """Exit 2 and stderr exactly `line` (one line)."""
        self.assertNoSanitizerReport(r)
        self.assertEqual(r.err, line + "\n", f"exit {r.returncode}")
        self.assertEqual(r.returncode, 2)

    def assertLinted(self, r, inputs):
        """Exit 0/1, nothing on stderr, a JSON report with positions that
        agree with `inputs` (a list of bytes, one per file). Returns it."""
        self.assertNoSanitizerReport(r)
        self.assertIn(r.returncode, (0, 1), r.err[-3000:])
        self.assertEqual(r.err, "")
        report = json.loads(r.stdout.decode("utf-8"))
        self.assertEqual(len(report["files"]), len(inputs))
        for entry, text in zip(report["files"], inputs):
            self.assertNotIn("error", entry)
            self.assertEqual(check_findings(text, entry), [])
        return report


def find(report, rule, match, file=0):
    hits = [f for f in report["files"][file]["findings"] if f["rule"] == rule and f["match"] == match]
    if len(hits) != 1:
        raise AssertionError(f"{len(hits)} findings of {rule} {match!r}: "
                             f"{[(f['rule'], f['match']) for f in report['files'][file]['findings']]}")
    return hits[0]


def where(finding):
    return (finding["line"], finding["column"], finding["end_line"], finding["end_column"],
            finding["offset"], finding["length"])


class Preflight(Base):
    def test_bundled_packs_load(self):
        r = run(["--list-rules"])
        self.assertEqual(r.returncode, 0, "the bundled rule packs do not load:\n" + r.err[-3000:])


class RefusedInputs(Base):
    def test_missing_file(self):
        path = os.path.join(self.tmp, "nope.txt")
        self.assertRefused(run([path]), f"postcheck: {path}: no such file")

    def test_directory(self):
        # A directory is linted recursively: its .txt and .md files, nothing else.
        r = run(["--format", "json", self.tmp])
        self.assertEqual((r.returncode, r.err, json.loads(r.stdout)["files"]), (0, "", []))
        os.makedirs(os.path.join(self.tmp, "sub"))
        for name in ("sub/b.md", "a.txt", "c.json"):
            with open(os.path.join(self.tmp, name), "w") as f:
                f.write("Call 101.\n")
        r = run(["--format", "json", self.tmp])
        self.assertEqual([f["path"] for f in json.loads(r.stdout)["files"]],
                         [os.path.join(self.tmp, "a.txt"), os.path.join(self.tmp, "sub", "b.md")])

    def _as_nobody(self):
        if os.geteuid() != 0:
            return {}
        try:
            import pwd
            pwd.getpwnam("nobody")
        except KeyError:
            self.skipTest(skip_reason("running as root and there is no user 'nobody' to drop to"))
        return {"user": "nobody", "group": "nogroup" if _has_group("nogroup") else None}

    def test_unreadable_file(self):
        path = self.write("secret.txt", DRAFT)
        os.chmod(path, 0)
        # Root reads a chmod 000 file; run the child as 'nobody' instead.
        r = run([path], **self._as_nobody())
        self.assertRefused(r, f"postcheck: {path}: cannot open: Permission denied")

    def test_file_in_unsearchable_directory(self):
        locked = os.path.join(self.tmp, "locked")
        os.mkdir(locked)
        path = os.path.join(locked, "draft.txt")
        with open(path, "w") as f:
            f.write(DRAFT)
        os.chmod(locked, 0)
        r = run([path], **self._as_nobody())
        self.assertRefused(r, f"postcheck: {path}: cannot open: Permission denied")

    def test_symlink_loop(self):
        a, b = os.path.join(self.tmp, "a"), os.path.join(self.tmp, "b")
        os.symlink(b, a)
        os.symlink(a, b)
        self.assertRefused(run([a]), f"postcheck: {a}: cannot open: Too many levels of symbolic links")

    def test_one_bad_among_several(self):
        good1 = self.write("good1.txt", DRAFT)
        bad = os.path.join(self.tmp, "missing.txt")
        good2 = self.write("good2.txt", "Mr Smith called.\n")
        r = run(["--format", "json", *PROBE_ARGS, good1, bad, good2])
        self.assertRefused(r, f"postcheck: {bad}: no such file")
        report = json.loads(r.stdout.decode("utf-8"))
        self.assertEqual([f["path"] for f in report["files"]], [good1, bad, good2])
        self.assertEqual(report["files"][1]["error"], f"{bad}: no such file")
        self.assertEqual(report["files"][1]["findings"], [])
        self.assertEqual(check_findings(DRAFT.encode(), report["files"][0]), [])
        self.assertEqual(find(report, "probe.name", "Mr Jones", 0)["line"], 1)
        self.assertEqual(find(report, "probe.name", "Mr Smith", 2)["column"], 1)
        self.assertEqual(report["summary"]["files"], 3)

    def test_invalid_utf8_names_the_byte(self):
        cases = [
            (b"abc\xffdef", 3),                 # a byte that never starts UTF-8
            (b"caf\xc3\xa9 \x80", 6),            # a lone continuation byte after valid text
            (b"ab\xe2\x82", 2),                 # truncated at the end
            (b"ab\xe2\x82 cd", 2),              # truncated in the middle
            (b"x\xc0\xaf", 1),                  # overlong '/'
            (b"\xe0\x80\xaf", 0),               # overlong, three bytes
            (b"12\xed\xa0\x80", 2),             # UTF-16 surrogate
            (b"\xf4\x90\x80\x80", 0),           # above U+10FFFF
            (b"line\r\nline 2 \xfe", 13),       # on a later line: still a byte offset
            (b"\xef\xbb\xbfok \xff", 6),        # the BOM counts as bytes
            (b"latin-1 caf\xe9", 11),           # a Latin-1 file
        ]
        for data, byte in cases:
            with self.subTest(data=data):
                path = self.write("bad.txt", data)
                line = f"postcheck: {path}: not UTF-8 text at byte {byte}"
                # A lone byte from 0x80 up between ASCII looks like Windows-1252.
                lone = data[byte] >= 0x80 and (byte + 1 == len(data) or data[byte + 1] < 0x80)
                if lone:
                    line += (f" (byte 0x{data[byte]:02X}: it looks like Windows-1252 or Latin-1 text; "
                             "save it as UTF-8)")
                self.assertRefused(run([path]), line)

    def test_invalid_utf8_on_stdin(self):
        r = run(["-"], stdin=b"hello \xc3(")
        self.assertRefused(r, "postcheck: <stdin>: not UTF-8 text at byte 6 (byte 0xC3: it looks like Windows-1252 "
                              "or Latin-1 text; save it as UTF-8)")

    def test_nul_byte_is_not_text(self):
        path = self.write("nul.txt", b"Mr Jones\x00 rang")
        self.assertRefused(run([path]), f"postcheck: {path}: not text (NUL byte at byte 8)")
        # A UTF-16 file is refused too, saying what it is.
        path = self.write("utf16.txt", "Hi".encode("utf-16"))
        self.assertRefused(run([path]), f"postcheck: {path}: UTF-16 text (byte-order mark FF FE): postcheck reads "
                                        "UTF-8; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)")

    def test_over_the_size_limit(self):
        path = self.write("big.txt", "x" * 199 + "\n")
        r = run(["--max-bytes", "100", path])
        self.assertRefused(r, f"postcheck: {path}: larger than the limit of 100 bytes (see --max-bytes)")
        r = run(["--max-bytes", "100", "-"], stdin=b"y" * 200)
        self.assertRefused(r, "postcheck: <stdin>: larger than the limit of 100 bytes (see --max-bytes)")
        # Exactly at the limit is fine.
        path = self.write("at-limit.txt", "z" * 100)
        self.assertLinted(run(["--format", "json", "--max-bytes", "100", path]), [b"z" * 100])

    def test_max_bytes_out_of_range_is_a_usage_error(self):
        path = self.write("small.txt", "hello\n")
        for value in ("-1", "99999999999999999999999", "ten"):
            with self.subTest(value=value):
                r = run(["--max-bytes", value, path])
                self.assertNoSanitizerReport(r)
                self.assertEqual(r.returncode, 2, r.err)
                self.assertEqual(len(r.err.splitlines()), 1, r.err)
                self.assertTrue(r.err.startswith("postcheck: ") and "--max-bytes" in r.err, r.err)
                self.assertEqual(r.stdout, b"")

    def test_default_size_limit_is_10_mib(self):
        path = self.write("huge.txt", b"a" * (10 * 1024 * 1024 + 1))
        r = run([path])
        self.assertRefused(r, f"postcheck: {path}: larger than the limit of 10485760 bytes (see --max-bytes)")
        print(f"\n    10 MiB + 1 refused in {r.seconds:.2f} s", end=" ", file=sys.stderr)


def _has_group(name):
    try:
        import grp
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


class OddDrafts(Base):
    def test_empty_file_is_clean(self):
        path = self.write("empty.txt", b"")
        r = run(["--format", "json", *PROBE_ARGS, path])
        report = self.assertLinted(r, [b""])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(report["files"][0]["findings"], [])
        r = run([path])
        self.assertEqual((r.returncode, r.err), (0, ""))

    def test_byte_order_mark(self):
        text = "\ufeffCall Mr Jones.\nMr Smith too".encode("utf-8")
        report = self.assertLinted(run(["--format", "json", *PROBE_ARGS, self.write("bom.txt", text)]), [text])
        self.assertEqual(where(find(report, "probe.name", "Mr Jones")), (1, 6, 1, 14, 8, 8))
        self.assertEqual(where(find(report, "probe.name", "Mr Smith")), (2, 1, 2, 9, 18, 8))
        # Only a BOM: clean, and positions stay sane.
        self.assertLinted(run(["--format", "json", self.write("only-bom.txt", b"\xef\xbb\xbf")]), [b"\xef\xbb\xbf"])

    def test_crlf_line_endings(self):
        text = b"Hello.\r\nCall Mr Jones\r\n\r\nMr Smith\r\n"
        report = self.assertLinted(run(["--format", "json", *PROBE_ARGS, self.write("crlf.txt", text)]), [text])
        self.assertEqual(where(find(report, "probe.name", "Mr Jones")), (2, 6, 2, 14, 13, 8))
        self.assertEqual(where(find(report, "probe.name", "Mr Smith")), (4, 1, 4, 9, 25, 8))

    def test_cr_line_endings(self):
        text = b"Hello.\rCall Mr Jones\r\rMr Smith\r"
        report = self.assertLinted(run(["--format", "json", *PROBE_ARGS, self.write("cr.txt", text)]), [text])
        self.assertEqual(where(find(report, "probe.name", "Mr Jones")), (2, 6, 2, 14, 12, 8))
        self.assertEqual(where(find(report, "probe.name", "Mr Smith")), (4, 1, 4, 9, 22, 8))

    def test_mixed_line_endings_and_multibyte_columns(self):
        text = "a\r\n\rb\n\n\r\ncafé Mr Jones\r💂 Mr Smith\u2028Mr Brown\x85x".encode("utf-8")
        report = self.assertLinted(run(["--format", "json", *PROBE_ARGS, self.write("mixed.txt", text)]), [text])
        # U+2028 and NEL are not line ends for postcheck.
        self.assertEqual(where(find(report, "probe.name", "Mr Jones"))[:4], (6, 6, 6, 14))
        self.assertEqual(where(find(report, "probe.name", "Mr Smith"))[:4], (7, 3, 7, 11))

    def test_text_format_with_odd_line_endings(self):
        text = b"\xef\xbb\xbfCall Mr Jones\r\nbye\rMr Smith"
        r = run([*PROBE_ARGS, self.write("odd.txt", text)])
        self.assertIn(r.returncode, (0, 1), r.err)
        self.assertEqual(r.err, "")
        out = r.stdout.decode("utf-8")
        self.assertIn(":1:6: warning probe.name name Mr Jones", out)
        self.assertIn(":3:1: warning probe.name name Mr Smith", out)
        self.assertNotIn("\r", out)


class LargeInputs(Base):
    def timed(self, label, args, inputs):
        r = run(["--format", "json", *args])
        print(f"\n    {label}: {r.seconds:.2f} s, exit {r.returncode}", end=" ", file=sys.stderr)
        return self.assertLinted(r, inputs)

    def test_single_5mb_line_few_findings(self):
        unit = "The road is now open again and traffic is moving; thanks for your patience. "
        text = (unit * (5 * 1024 * 1024 // len(unit) + 1)).encode("utf-8")[:5 * 1024 * 1024]
        self.timed("5 MB single line, few findings, bundled packs", [self.write("line.txt", text)], [text])

    def test_single_5mb_line(self):
        unit = "Mr Jones rang 07911 123456 about the f***ing RTC at 22 Orchard Road. "
        text = (unit * (5 * 1024 * 1024 // len(unit) + 1)).encode("utf-8")[:5 * 1024 * 1024]
        self.timed("5 MB single line, bundled packs", [self.write("line.txt", text)], [text])

    def test_1mb_of_a(self):
        text = b"a" * (1024 * 1024)
        self.timed("1 MB of 'a', bundled packs", [self.write("a.txt", text)], [text])
        self.timed("1 MB of 'a', bundled packs + probe", [*PROBE_ARGS, self.write("a.txt", text)], [text])

    def test_1mb_pathological_mix(self):
        pieces = ["f*", "1@$", "aaaa", "Mr ", "07911 ", "f" + "*" * 40, "s" + "h" * 30 + "it ",
                  "e\u0301\u0302\u0303\u0304\u0305", "\u200b", "\u00ad", "0" * 30, "Mr Mr Mr ",
                  "***.", "....", "$$$$", "\uff26\uff35", "\u0441\u0440", "\r\n", "\r", " "]
        out, i = [], 0
        size = 0
        while size < 1024 * 1024:
            p = pieces[(i * 7 + i // 3) % len(pieces)]
            out.append(p)
            size += len(p.encode("utf-8"))
            i += 1
        text = "".join(out).encode("utf-8")
        path = self.write("mix.txt", text)
        self.timed("1 MB pathological mix, bundled packs", [path], [text])
        r = run(["--format", "json", *PROBE_ARGS, "--disable", "probe.token", "--disable", "probe.non-ascii",
                 "--disable", "probe.line-end", path])
        print(f"\n    1 MB pathological mix, + probe: {r.seconds:.2f} s, exit {r.returncode}", end=" ",
              file=sys.stderr)
        self.assertLinted(r, [text])

    def test_long_run_of_combining_marks(self):
        text = ("Mr J" + "o" + "\u0301" * 200000 + "nes").encode("utf-8")
        self.timed("400 KB of one combining mark, + probe", [*PROBE_ARGS, self.write("zalgo.txt", text)], [text])


class Privacy(Base):
    def test_no_network_and_no_writes(self):
        strace = shutil.which("strace")
        if not strace:
            self.skipTest(skip_reason("strace is not installed (apt-get install strace)"))
        draft = self.write("draft.txt", DRAFT)
        log = os.path.join(self.tmp, "strace.log")
        # LeakSanitizer cannot run under ptrace; an ASan build must skip it here.
        env = dict(os.environ, NO_COLOR="1")
        env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        for args in (["--format", "json", draft], ["--format", "text", draft], ["-"]):
            r = subprocess.run([strace, "-f", "-e", "trace=network,openat,open,creat,mkdir,rename,unlink",
                                "-o", log, BIN, *args], input=DRAFT.encode(), capture_output=True,
                               timeout=HANG_TIMEOUT, env=env)
            err = r.stderr.decode("utf-8", "replace")
            if r.returncode not in (0, 1) and ("ptrace" in err or "Operation not permitted" in err):
                self.skipTest(skip_reason(f"strace cannot trace here: {err.strip()}"))
            self.assertIn(r.returncode, (0, 1), err)
            with open(log, encoding="utf-8", errors="replace") as f:
                calls = f.read().splitlines()
            self.assertTrue(any("openat(" in c for c in calls), "strace logged no openat at all")
            bad = []
            for call in calls:
                m = re.match(r"^\d+\s+(\w+)\(", call)
                if not m:
                    continue  # "+++ exited", "--- SIGCHLD", resumed lines
                name = m.group(1)
                if name in ("openat", "open"):
                    if re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND", call) and not re.search(
                            r'"(/dev/null|/dev/tty|/dev/pts/\d+)"', call):
                        bad.append(call)
                else:  # socket, connect, sendto..., creat, mkdir, rename, unlink
                    bad.append(call)
            self.assertEqual(bad, [], f"postcheck {' '.join(args)}")


if __name__ == "__main__":
    if not os.path.exists(BIN):
        sys.exit(f"no postcheck binary at {BIN} (set POSTCHECK_BIN)")
    unittest.main(verbosity=2)
