#!/usr/bin/env python3
"""End-to-end tests of the postcheck command line: every flag and exit code.

Uses the fixed pack in tests/data/cli (with --no-default-rules) so the
expectations do not move when the real rule packs change; the tests that are
about the bundled packs say so.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

from ci_tools import skip_reason

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
DEMO = os.path.join(HERE, "data", "cli")
DEMO_ARGS = ["--no-default-rules", "--rules", DEMO]
DRAFT = "Ring me on 07911 123456.\nRTC on the A580, f***ing mess.\n"


def run(args, stdin=None, env=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, env=full_env)


class DraftFile:
    def __init__(self, text, suffix=".txt"):
        self.text, self.suffix = text, suffix

    def __enter__(self):
        fd, self.path = tempfile.mkstemp(suffix=self.suffix)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(self.text)
        return self.path

    def __exit__(self, *exc):
        os.unlink(self.path)


class TextFormat(unittest.TestCase):
    def test_findings_with_positions_underline_and_summary(self):
        with DraftFile(DRAFT) as path:
            r = run([*DEMO_ARGS, path])
        self.assertEqual(r.returncode, 1, r.stderr)  # an error-level finding, default --fail-on error
        lines = r.stdout.splitlines()
        self.assertIn(f"{path}:1:12: warning demo.phone Phone number 07911 123456 in a public post", lines)
        self.assertIn(f"{path}:2:1: suggestion demo.rtc RTC is police jargon", lines)
        self.assertIn(f"{path}:2:18: error demo.swear Profanity: f***ing", lines)
        i = lines.index(f"{path}:1:12: warning demo.phone Phone number 07911 123456 in a public post")
        self.assertEqual(lines[i + 1], " 1 | Ring me on 07911 123456.")
        self.assertEqual(lines[i + 2], "   |            ^^^^^^^^^^^^")
        self.assertEqual(lines[i + 3], "   = why: Data Protection Act 2018")
        self.assertEqual(lines[i + 4], "   = try: Ask people to call 101 instead.")
        self.assertEqual(lines[-1], "1 error, 1 warning, 1 suggestion in 1 file.")

    def test_clean_draft(self):
        r = run([*DEMO_ARGS, "-"], stdin="Call 101 or 999 in an emergency.\n")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, "No problems found in 1 file.\n")

    def test_no_colour_unless_asked_or_on_a_terminal(self):
        r = run([*DEMO_ARGS, "-"], stdin=DRAFT)
        self.assertNotIn("\x1b[", r.stdout)
        r = run([*DEMO_ARGS, "--color", "always", "-"], stdin=DRAFT)
        self.assertIn("\x1b[1;31merror", r.stdout)

    def test_no_color_env_beats_a_terminal(self):
        # `script` gives postcheck a terminal; NO_COLOR must still win.
        if subprocess.run(["which", "script"], capture_output=True).returncode != 0:
            self.skipTest(skip_reason("script(1) not installed (apt-get install bsdutils)"))
        with DraftFile(DRAFT) as path:
            cmd = " ".join([BIN, *DEMO_ARGS, path])
            tty = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, text=True,
                                 env={**os.environ, "TERM": "xterm"})
            self.assertIn("\x1b[", tty.stdout)
            plain = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, text=True,
                                   env={**os.environ, "TERM": "xterm", "NO_COLOR": "1"})
            self.assertNotIn("\x1b[", plain.stdout)

    def test_multibyte_columns(self):
        r = run([*DEMO_ARGS, "-"], stdin="😂 café — 07911 123456\n")
        self.assertIn("<stdin>:1:10: warning demo.phone", r.stdout)
        # The underline sits under the number: the emoji is two columns wide on a terminal.
        self.assertIn("\n   |           ^^^^^^^^^^^^\n", r.stdout)


class JsonFormat(unittest.TestCase):
    def test_contract(self):
        with DraftFile(DRAFT) as path:
            r = run([*DEMO_ARGS, "--format", "json", path])
        self.assertEqual(r.returncode, 1)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["summary"], {
            "files": 1, "error": 1, "warning": 1, "suggestion": 1, "baselined": 0, "below_minimum": 0, "suppressed": 0,
            "by_category": {"jargon": {"error": 0, "warning": 0, "suggestion": 1},
                            "personal-data": {"error": 0, "warning": 1, "suggestion": 0},
                            "tone": {"error": 1, "warning": 0, "suggestion": 0}},
            "by_rule": {"demo.phone": {"error": 0, "warning": 1, "suggestion": 0},
                        "demo.rtc": {"error": 0, "warning": 0, "suggestion": 1},
                        "demo.swear": {"error": 1, "warning": 0, "suggestion": 0}}})
        self.assertEqual(doc["files"][0]["path"], path)
        phone = doc["files"][0]["findings"][0]
        self.assertEqual(phone, {
            "rule": "demo.phone", "category": "personal-data", "severity": "warning",
            "message": "Phone number 07911 123456 in a public post", "why": "Data Protection Act 2018",
            "suggestion": "Ask people to call 101 instead.", "line": 1, "column": 12,
            "end_line": 1, "end_column": 24, "offset": 11, "length": 12, "match": "07911 123456",
            "replacement": "[phone number]"})
        swear = doc["files"][0]["findings"][2]
        self.assertEqual(swear["rule"], "demo.swear")
        self.assertIsNone(swear["suggestion"])
        self.assertEqual((swear["line"], swear["column"], swear["offset"], swear["length"]), (2, 18, 42, 7))
        rtc = doc["files"][0]["findings"][1]
        self.assertEqual(rtc["suggestion"], "Write 'road traffic collision'")

    def test_byte_offsets_after_crlf_and_emoji(self):
        text = "Hi 👋\r\nring 07911 123456\r\n"
        r = run([*DEMO_ARGS, "--format", "json", "-"], stdin=None if False else text)
        f = json.loads(r.stdout)["files"][0]["findings"][0]
        raw = text.encode("utf-8")
        self.assertEqual(raw[f["offset"]:f["offset"] + f["length"]].decode(), "07911 123456")
        self.assertEqual((f["line"], f["column"], f["end_column"]), (2, 6, 18))

    def test_stdin_is_named(self):
        r = run([*DEMO_ARGS, "--format", "json"], stdin="nothing here")
        self.assertEqual(json.loads(r.stdout)["files"][0]["path"], "<stdin>")


class ExitCodesAndFailOn(unittest.TestCase):
    def check(self, fail_on, text, code):
        r = run([*DEMO_ARGS, "--fail-on", fail_on, "-"], stdin=text)
        self.assertEqual(r.returncode, code, f"--fail-on {fail_on}: {r.stdout}{r.stderr}")

    def test_levels(self):
        warning_only = "ring 07911 123456"
        suggestion_only = "RTC on the A580"
        self.check("error", warning_only, 0)
        self.check("warning", warning_only, 1)
        self.check("warning", suggestion_only, 0)
        self.check("suggestion", suggestion_only, 1)
        self.check("never", "f***ing hell", 0)
        self.check("error", "f***ing hell", 1)

    def test_usage_errors_exit_2(self):
        for args in (["--format", "xml"], ["--fail-on", "sometimes"], ["--no-such-flag"]):
            r = run([*DEMO_ARGS, *args, "-"], stdin="x")
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertTrue(r.stderr.startswith("postcheck: "), r.stderr)

    def test_input_error_exit_2_others_still_linted(self):
        with DraftFile("ring 07911 123456") as good:
            r = run([*DEMO_ARGS, "--format", "json", "/no/such/draft.txt", good])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "postcheck: /no/such/draft.txt: no such file\n")
        doc = json.loads(r.stdout)
        self.assertEqual(doc["files"][0]["error"], "/no/such/draft.txt: no such file")
        self.assertEqual(doc["files"][1]["findings"][0]["rule"], "demo.phone")

    def test_invalid_utf8_names_the_byte(self):
        with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
            f.write(b"abc\xffdef")
        try:
            r = run([*DEMO_ARGS, f.name])
        finally:
            os.unlink(f.name)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, f"postcheck: {f.name}: not UTF-8 text at byte 3 (byte 0xFF: it looks like "
                                   "Windows-1252 or Latin-1 text; save it as UTF-8)\n")
        self.assertEqual(r.stdout, "Nothing checked: the file could not be read as a draft.\n")


class RuleSelection(unittest.TestCase):
    def test_disable_and_only(self):
        r = run([*DEMO_ARGS, "--format", "json", "--disable", "demo.swear", "-"], stdin=DRAFT)
        rules = [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]]
        self.assertEqual(rules, ["demo.phone", "demo.rtc"])
        self.assertEqual(r.returncode, 0)
        r = run(["--no-default-rules", "--rules", DEMO, "--rules", DEMO, "-"], stdin="x")
        self.assertEqual(r.returncode, 2)  # the same pack twice: duplicate ids
        self.assertIn("duplicate", r.stderr)

    def test_only_pack(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "other.yaml"), "w") as f:
                f.write("pack: other\nrules:\n  - id: van\n    category: tone\n    severity: error\n"
                        "    message: van\n    why: test\n    words: [van]\n"
                        "    examples: {flag: [a van], pass: [a car]}\n")
            r = run([*DEMO_ARGS, "--rules", d, "--only", "other", "--format", "json", "-"],
                    stdin="a van, ring 07911 123456")
            rules = [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]]
            self.assertEqual(rules, ["other.van"])

    def test_unknown_names_are_errors(self):
        r = run([*DEMO_ARGS, "--disable", "demo.nope", "-"], stdin="x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown rule 'demo.nope'", r.stderr)
        r = run([*DEMO_ARGS, "--only", "nope", "-"], stdin="x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown pack 'nope'", r.stderr)


class RuleInformation(unittest.TestCase):
    def test_list_rules(self):
        r = run([*DEMO_ARGS, "--list-rules"])
        self.assertEqual(r.returncode, 0)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 3)
        self.assertRegex(lines[0], r"^demo\.phone +personal-data +warning +Phone number \{match\} in a public post$")

    def test_explain(self):
        r = run([*DEMO_ARGS, "--explain", "demo.rtc"])
        self.assertEqual(r.returncode, 0)
        self.assertIn("demo.rtc (jargon, suggestion)", r.stdout)
        self.assertIn("why: Plain English", r.stdout)
        self.assertIn("RTC->\"road traffic collision\"", r.stdout)
        self.assertIn("    - RTC on the A580", r.stdout)
        r = run([*DEMO_ARGS, "--explain", "demo.nope"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown rule 'demo.nope'", r.stderr)

    def test_test_rules(self):
        r = run(["--test-rules", DEMO])
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(r.stdout.strip(), "rule examples: 6 passed, 0 failed (3 rules)")
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "bad.yaml"), "w") as f:
                f.write("pack: bad\nrules:\n  - id: van\n    category: tone\n    severity: error\n"
                        "    message: van\n    why: test\n    words: [van]\n"
                        "    examples:\n      flag: [a car]\n      pass: [a van]\n")
            r = run(["--test-rules", d])
        self.assertEqual(r.returncode, 1)
        self.assertIn("bad.yaml:10:14: rule 'bad.van': flag example not flagged: \"a car\"", r.stdout)
        self.assertIn("bad.yaml:11:14: rule 'bad.van': pass example flagged: \"a van\"", r.stdout)
        self.assertIn("rule examples: 0 passed, 2 failed (1 rules)", r.stdout)

    def test_bad_rule_file_exit_2_with_location(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "bad.yaml"), "w") as f:
                f.write("pack: bad\nrules:\n  - id: van\n    category: tone\n    severity: error\n"
                        "    message: van\n    why: test\n    patterns: ['(unclosed']\n"
                        "    examples: {flag: [a], pass: [b]}\n")
            r = run(["--no-default-rules", "--rules", d, "-"], stdin="x")
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr, r"bad\.yaml:8:16: rule 'van': invalid regex: missing \): \(unclosed")

    def test_version_and_help(self):
        r = run(["--version"])
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^postcheck \d+\.\d+\.\d+")
        r = run(["--help"])
        self.assertEqual(r.returncode, 0)
        for flag in ("--format", "--fail-on", "--rules", "--only", "--disable", "--list-rules",
                     "--explain", "--test-rules", "--version"):
            self.assertIn(flag, r.stdout)


class PatternCache(unittest.TestCase):
    """--pattern-cache-mb bounds the compiled patterns' memory; findings never change."""

    def test_a_tiny_budget_or_none_finds_exactly_what_the_default_finds(self):
        corpus_dir = os.path.join(HERE, "corpus")
        records = []
        for name in sorted(os.listdir(corpus_dir)):
            if name.endswith(".jsonl"):
                with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
                    records += [json.loads(line)["text"] for line in f if line.strip()]
        self.assertGreater(len(records), 300)
        with DraftFile("".join(json.dumps({"text": t}) + "\n" for t in records), suffix=".jsonl") as path:
            args = ["--no-config", "--input", "jsonl", "--format", "jsonl", "--fail-on", "never", "-j", "2", path]
            default = run(args)
            self.assertEqual(default.returncode, 0, default.stderr)
            self.assertGreater(default.stdout.count('"rule"'), 500)
            for mb in ("0", "1"):
                r = run(["--pattern-cache-mb", mb, *args])
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, default.stdout, f"--pattern-cache-mb {mb}")

    def test_a_budget_out_of_range_is_refused_in_one_line(self):
        for bad in ("-1", "lots", "1048577"):
            r = run(["--pattern-cache-mb", bad, "-"], stdin="hello")
            self.assertEqual(r.returncode, 2, bad)
            self.assertEqual(r.stdout, "")
            self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
            self.assertTrue(r.stderr.startswith("postcheck: --pattern-cache-mb: "), r.stderr)


class BundledPacks(unittest.TestCase):
    """The bundled packs load, cover every category, and explain themselves."""

    def test_every_category_has_rules(self):
        r = run(["--list-rules"])
        self.assertEqual(r.returncode, 0, r.stderr)
        categories = {line.split()[1] for line in r.stdout.splitlines()}
        for c in ("personal-data", "case-details", "tone", "discrimination", "impartiality",
                  "jargon", "spelling"):
            self.assertIn(c, categories)

    def test_every_rule_explains_what_it_matches(self):
        r = run(["--list-rules"])
        self.assertEqual(r.returncode, 0, r.stderr)
        for rule in (line.split()[0] for line in r.stdout.splitlines()):
            e = run(["--platform", "x", "--explain", rule])
            self.assertEqual(e.returncode, 0, e.stderr)
            matches = [l for l in e.stdout.splitlines() if l.startswith("  matches:")]
            self.assertEqual(len(matches), 1, rule)
            self.assertNotEqual(matches[0].strip(), "matches:", rule)
        e = run(["--explain", "jargon.dense-jargon"])
        self.assertIn("  matches: 3 or more findings of jargon.collisions, jargon.vehicle-crime,", e.stdout)
        self.assertIn("jargon.systems-and-orders, each within 8 words of the one before\n", e.stdout)
        e = run(["--explain", "platform.x-length"])
        self.assertIn("  matches: posts longer than 280 (twitter)\n", e.stdout)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
