#!/usr/bin/env python3
"""End-to-end tests that postcheck can be trusted (issue 18): --redact-output
hides every occurrence of flagged personal data in every format, --fix
rewrites every occurrence and says what it could not fix, a planted config
cannot switch checks off silently, config and pack files are read with
checks, errors say where, write errors and odd encodings give clear
failures, and text output cannot be used to drive the terminal.

Uses the bundled packs where the behaviour is about them (the personal-data
suite in tests/corpus/personal-data.jsonl), else the fixed pack in
tests/data/cli.
"""
import concurrent.futures
import html
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from ci_tools import skip_reason

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.abspath(os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck")))
DEMO = os.path.join(HERE, "data", "cli")
DEMO_ARGS = ["--no-config", "--no-default-rules", "--rules", DEMO]
CORPUS = [os.path.join(HERE, "corpus", name) for name in ("personal-data.jsonl", "drafts.jsonl")]
FORMATS = ["text", "json", "jsonl", "sarif", "html"]


def run(args, stdin=None, cwd=None, env=None, binary=False):
    full_env = dict(os.environ, NO_COLOR="1")
    full_env.update(env or {})
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=not binary, cwd=cwd, env=full_env)


class Scratch(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="postcheck-trust-")
        os.chmod(self.tmp, 0o700)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, content, mode="w"):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(content)
        return path


# ---- Privacy: --redact-output and --fix ------------------------------------

def strings_of(value):
    """Every string inside a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_of(v)


def haystack(fmt, out):
    """The output of one format as the text a reader sees: JSON strings
    unescaped, HTML entities decoded."""
    if fmt == "sarif":
        # The rules' own help (tool.driver.rules) is rule text, the same for
        # every draft ("Give the age instead: 'Kyle Mason, 28'"), not the draft.
        log = json.loads(out)
        for r in log["runs"]:
            r["tool"]["driver"].pop("rules", None)
        return "\n".join(strings_of(log))
    if fmt == "json":
        return "\n".join(strings_of(json.loads(out)))
    if fmt == "jsonl":
        return "\n".join(s for line in out.splitlines() for s in strings_of(json.loads(line)))
    if fmt == "html":
        return html.unescape(re.sub(r"<[^>]*>", "", out)) + "\n" + html.unescape(out)
    return out


class Redaction(Scratch):
    def personal_data_drafts(self):
        paths = []
        for corpus in CORPUS:
            with open(corpus, encoding="utf-8") as f:
                for line in f:
                    item = json.loads(line)
                    if "personal-data" in item.get("expect", []) + item.get("also", []):
                        paths.append(self.write(f"d{len(paths):03}.txt", item["text"] + "\n"))
        self.assertGreater(len(paths), 20)
        return paths

    def flagged(self, paths):
        """What must never appear in each draft's report: every personal-data
        match of the draft, and each flagged name's surname on its own."""
        report = json.loads(run(["--no-config", "--format", "json", "--fail-on", "never", *paths]).stdout)
        secrets = {}
        for file in report["files"]:
            found = secrets.setdefault(file["path"], set())
            for f in file["findings"]:
                if f["category"] != "personal-data":
                    continue
                if len(f["match"]) >= 4:
                    found.add(f["match"])
                if f["rule"].startswith("personal-data.name") and len(f["match"].split()[-1]) >= 4:
                    found.add(f["match"].split()[-1])
        return secrets

    def test_every_format_hides_every_flagged_string(self):
        paths = self.personal_data_drafts()
        secrets = self.flagged(paths)
        self.assertGreater(sum(len(s) for s in secrets.values()), 20)
        jobs = [(path, fmt) for path in paths for fmt in FORMATS]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = pool.map(lambda job: run(["--no-config", "--format", job[1], "--redact-output",
                                                "--fail-on", "never", job[0]]), jobs)
            for (path, fmt), r in zip(jobs, results):
                self.assertEqual(r.returncode, 0, r.stderr)
                seen = haystack(fmt, r.stdout)
                leaked = sorted(s for s in secrets[path] if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", seen))
                self.assertEqual(leaked, [], f"--format {fmt} --redact-output {path} shows flagged personal data")

    def test_repeats_and_other_categories_messages(self):
        draft = self.write("a.txt", "Chloe Smith, who reported the rape, lives on Mill Street. "
                                    "Thanks to everyone who helped Chloe Smith today.\n")
        youth = self.write("b.txt", "Tyler Jones, 15, was arrested for robbery.\n")
        for fmt in FORMATS:
            out = haystack(fmt, run(["--no-config", "--format", fmt, "--redact-output", draft, youth]).stdout)
            for secret in ("Chloe", "Smith", "Mill Street", "Tyler", "Jones"):
                self.assertNotIn(secret, out, f"{fmt}: {secret}")
        text = run(["--no-config", "--redact-output", youth]).stdout
        self.assertIn("'***es, 15,': a named child in a criminal case.", text)

    def test_fix_rewrites_every_occurrence_and_reports_what_is_left(self):
        draft = self.write("a.txt", "Chloe Smith, who reported the rape, lives on Mill Street. "
                                    "Thanks to everyone who helped Chloe Smith today.\n")
        r = run(["--no-config", "--fix", draft])
        self.assertNotIn("Chloe", r.stdout)
        self.assertNotIn("Smith", r.stdout)
        self.assertIn("Thanks to everyone who helped a person today.", r.stdout)
        # What the rewrite still holds at --fail-on is named on stderr, exit 1.
        contempt = self.write("c.txt", "We'll be hitting the suspect's address at 6am tomorrow.\n")
        r = run(["--no-config", "--fix", contempt])
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"postcheck: --fix could not fix .*c\.txt:1:\d+ \(in the rewrite\): error ")
        self.assertRegex(r.stderr, r"postcheck: --fix left \d+ problems? that need rewording by hand\n$")
        self.assertEqual(r.stdout, "We'll be hitting the suspect's address at 6am tomorrow.\n")
        # Nothing left at --fail-on: exit 0, nothing on stderr.
        r = run(["--no-config", "--fix", "--fail-on", "never", contempt])
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_fix_format_json(self):
        r = run([*DEMO_ARGS, "--fix", "--format", "json", "-"], stdin="Ring 07911 123456 about the RTC, shit.\n")
        self.assertEqual(r.returncode, 1, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["path"], "<stdin>")
        self.assertEqual(doc["fixed"], "Ring [phone number] about the road traffic collision, shit.\n")
        self.assertEqual([f["rule"] for f in doc["remaining"]], ["demo.swear"])
        self.assertEqual(doc["remaining"][0]["column"], 55)
        self.assertIn("demo.swear", r.stderr)
        r = run([*DEMO_ARGS, "--fix", "--format", "sarif", "-"], stdin="x\n")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "postcheck: --fix writes text or json, not sarif\n")


# ---- Pack paths ------------------------------------------------------------

class PackPaths(Scratch):
    def pack(self, matcher):
        return self.write("packs/p.yaml", "pack: p\ncategory: tone\nrules:\n  - id: r\n    severity: warning\n"
                          "    message: m\n    why: w\n" + matcher + "    examples: {flag: [x], pass: [y]}\n")

    def test_words_file_outside_the_pack_tree_is_refused(self):
        secret = self.write("secret.txt", "TOPSECRETLINE\n")
        self.pack("    words_file: ../secret.txt\n")
        r = run(["--no-config", "--no-default-rules", "--rules", os.path.join(self.tmp, "packs"),
                 "--explain", "p.r"])
        self.assertEqual(r.returncode, 2)
        self.assertNotIn("TOPSECRETLINE", r.stdout + r.stderr)
        self.assertIn("postcheck: " + os.path.join(self.tmp, "packs", "p.yaml") + ":8:", r.stderr)
        self.assertIn(f"words_file '../secret.txt' is outside the pack's directory and its ../dictionaries "
                      f"(resolves to {os.path.realpath(secret)})", r.stderr)

    def test_spelling_dictionary_path_is_refused(self):
        self.pack("    spelling: {dictionary: \"../../../tmp/x/evil\"}\n")
        r = run(["--no-config", "--no-default-rules", "--rules", os.path.join(self.tmp, "packs"), "-"], stdin="x\n")
        self.assertEqual(r.returncode, 2)
        self.assertIn("'dictionary' must be a Hunspell dictionary name such as en_GB", r.stderr)


# ---- Config and packs ------------------------------------------------------

class ConfigTrust(Scratch):
    RISKY = "Ring me on 07911 123456. RTC, shit.\n"
    SILENCE = "fail_on: never\npacks: {only: [demo]}\ndisable: [demo.swear, demo.phone, demo.rtc]\n"

    def test_config_in_a_world_writable_directory_is_refused(self):
        shared = os.path.join(self.tmp, "shared")
        os.makedirs(shared)
        os.chmod(shared, 0o1777)
        config = self.write("shared/.postcheck.yaml", self.SILENCE)
        draft = self.write("shared/draft.txt", self.RISKY)
        args = ["--no-default-rules", "--rules", DEMO, draft]
        r = run(args, cwd=shared)
        self.assertEqual(r.returncode, 2, r.stdout)
        self.assertEqual(r.stdout, "")
        self.assertEqual(r.stderr, f"postcheck: {config}: config file found but not used: in a directory every "
                         "user can write to; anyone could have planted it. Pass it with --config to use it, "
                         "or --no-config to ignore it\n")
        # Named explicitly, it is used, and the report says so.
        r = run(["--config", config, *args], cwd=shared)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f"Config: {config}\nNo problems found in 1 file.\n")
        self.assertEqual(run(["--no-config", *args], cwd=shared).returncode, 1)

    def test_world_writable_config_file_is_refused(self):
        config = self.write(".postcheck.yaml", self.SILENCE)
        os.chmod(config, 0o666)
        r = run(["--no-default-rules", "--rules", DEMO, "-"], stdin=self.RISKY, cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn("config file found but not used: writable by every user", r.stderr)

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give a file to another user")
    def test_config_owned_by_another_user_is_refused(self):
        config = self.write(".postcheck.yaml", self.SILENCE)
        os.chown(config, 65534, 65534)
        r = run(["--no-default-rules", "--rules", DEMO, "-"], stdin=self.RISKY, cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn("config file found but not used: owned by another user (uid 65534)", r.stderr)

    def test_every_format_names_the_config(self):
        config = self.write(".postcheck.yaml", "fail_on: never\n")
        args = ["--no-default-rules", "--rules", DEMO, "-"]
        text = run(args, stdin=self.RISKY, cwd=self.tmp).stdout.splitlines()
        self.assertEqual(text[-2], f"Config: {config}")
        doc = json.loads(run([*args, "--format", "json"], stdin=self.RISKY, cwd=self.tmp).stdout)
        self.assertEqual(doc["summary"]["config"], config)
        page = run([*args, "--format", "html"], stdin=self.RISKY, cwd=self.tmp).stdout
        self.assertIn(f'<p class="config">Config: <span class="path">{html.escape(config)}</span></p>', page)
        log = json.loads(run([*args, "--format", "sarif"], stdin=self.RISKY, cwd=self.tmp).stdout)
        self.assertEqual(log["runs"][0]["invocations"][0]["properties"]["configFile"], config)
        # With no config, JSON has no "config" key at all.
        doc = json.loads(run(["--no-config", *args, "--format", "json"], stdin=self.RISKY).stdout)
        self.assertNotIn("config", doc["summary"])

    def test_unknown_rule_in_config_names_file_line_key_and_nearest(self):
        config = self.write("c.yaml", "disable:\n  - demo.swaer\nseverity:\n  demo.phnoe: error\n"
                                      "packs: {only: [dmeo]}\n")
        r = run(["--config", config, "--no-default-rules", "--rules", DEMO, "-"], stdin="x\n")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.splitlines(), [
            f"postcheck: {config}:5:16: 'packs.only': unknown pack 'dmeo' (did you mean 'demo'?)",
            f"postcheck: {config}:2:5: 'disable': unknown rule 'demo.swaer' (did you mean 'demo.swear'?)",
            f"postcheck: {config}:4:3: 'severity': unknown rule 'demo.phnoe' (did you mean 'demo.phone'?)",
        ])

    def test_config_files_are_read_with_checks(self):
        for content, message in (
            ("fail_on: error\n---\nfail_on: never\n", ":2:1: a second YAML document ('---') is not allowed"),
            ("rules: " + "[" * 3000 + "]" * 3000 + "\n", ": YAML nested too deeply"),
        ):
            config = self.write("c.yaml", content)
            r = run(["--config", config, "-"], stdin="x\n")
            self.assertEqual(r.returncode, 2)
            self.assertTrue(r.stderr.startswith(f"postcheck: {config}") and message in r.stderr, r.stderr)
        for special in ("/dev/zero",):
            r = run(["--config", special, "-"], stdin="x\n")
            self.assertEqual(r.stderr, f"postcheck: {special}: cannot read config file: not a regular file\n")
            config = self.write("c.yaml", f"rules: [{special}]\n")
            r = run(["--config", config, "-"], stdin="x\n")
            self.assertEqual(r.returncode, 2)
            self.assertEqual(r.stderr, f"postcheck: {special}: cannot read rule file: not a regular file\n")
        fifo = os.path.join(self.tmp, "fifo.yaml")
        os.mkfifo(fifo)
        r = subprocess.run([BIN, "--config", fifo, "-"], input="x\n", capture_output=True, text=True, timeout=20)
        self.assertEqual(r.stderr, f"postcheck: {fifo}: cannot read config file: not a regular file\n")

    def test_allowed_numbers_hide_only_themselves(self):
        config = self.write("c.yaml", "allow: ['101', '12']\n")
        r = run(["--config", config, "--only", "personal-data", "--format", "json", "-"],
                stdin="He lives at 101 Elm Road. She lives at 12 Mill Street. Call 101.\n")
        matches = [f["match"] for f in json.loads(r.stdout)["files"][0]["findings"]]
        self.assertIn("101 Elm Road", " ".join(matches))
        self.assertIn("Mill Street", " ".join(matches))


class Hooks(Scratch):
    def test_hook_docs_name_config_and_no_config(self):
        with open(os.path.join(HERE, "..", "examples", "hooks", "README.md"), encoding="utf-8") as f:
            doc = f.read()
        self.assertIn("`--config FILE`", doc)
        self.assertIn("`--no-config`", doc)
        self.assertIn("POSTCHECK_ARGS", doc)

    def test_plain_hook_with_postcheck_args_ignores_a_committed_config(self):
        if shutil.which("git") is None:
            self.skipTest(skip_reason("git not installed (apt-get install git)"))
        hook = os.path.join(HERE, "..", "examples", "hooks", "pre-commit")
        repo = os.path.join(self.tmp, "drafts")
        os.makedirs(repo)

        def git(*args, env=None):
            return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                                  env=dict(os.environ, **(env or {})))
        git("init", "-q")
        self.write("drafts/.postcheck.yaml", "fail_on: never\n")
        self.write("drafts/post.txt", "We'll be hitting the suspect's address at 6am tomorrow.\n")
        git("add", ".postcheck.yaml", "post.txt")
        env = {"POSTCHECK": BIN}
        self.assertEqual(subprocess.run(["bash", hook], cwd=repo, capture_output=True, env=dict(os.environ, **env))
                         .returncode, 0, "the committed config lets the draft through")
        env["POSTCHECK_ARGS"] = "--no-config"
        r = subprocess.run(["bash", hook], cwd=repo, capture_output=True, text=True, env=dict(os.environ, **env))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("commit blocked", r.stderr)


class ErrorsSayWhere(Scratch):
    def test_rules_errors_have_the_prefix_and_clean_paths(self):
        self.write("packs/bad.yaml", "pack: [\n")
        r = run(["--no-config", "--no-default-rules", "--rules", os.path.join(self.tmp, "packs", "."), "-"],
                stdin="x\n")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("postcheck: " + os.path.join(self.tmp, "packs", "bad.yaml") + ":"),
                        r.stderr)
        self.assertNotIn("/./", r.stderr)

    def test_huge_example_repeat(self):
        self.write("packs/p.yaml", "pack: p\ncategory: tone\nrules:\n  - id: r\n    severity: warning\n"
                   "    message: m\n    why: w\n    words: [x]\n    examples:\n      flag: [{text: \""
                   + "a" * 5000 + "\", repeat: 999999}]\n      pass: [y]\n")
        r = run(["--no-config", "--no-default-rules", "--test-rules", os.path.join(self.tmp, "packs")])
        self.assertEqual(r.returncode, 2)
        self.assertIn("'repeat' makes an example of 4999995000 bytes, more than the limit of 1048576", r.stderr)
        self.assertNotIn("bad_alloc", r.stderr)

    def test_nothing_checked_summary(self):
        r = run([*DEMO_ARGS, os.path.join(self.tmp, "missing.txt")])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "Nothing checked: the file could not be read as a draft.\n")
        r = run([*DEMO_ARGS, os.path.join(self.tmp, "missing.txt"), os.path.join(self.tmp, "also-missing.txt")])
        self.assertEqual(r.stdout, "Nothing checked: none of the 2 files could be read as a draft.\n")

    def test_no_empty_did_you_mean(self):
        r = run(["--no-config", "--only", "spelling", "-"], stdin="We saw qzxwvkjq today.\n")
        self.assertIn("qzxwvkjq", r.stdout)
        self.assertNotIn("Did you mean: ?", r.stdout)


# ---- Output and exit codes -------------------------------------------------

class OutputAndExitCodes(Scratch):
    def test_write_errors_exit_2(self):
        draft = self.write("d.txt", "Ring me on 07911 123456. RTC.\n")
        for args in (["--fix", draft], [draft], ["--format", "json", draft], ["--list-rules"]):
            with open("/dev/full", "w") as full:
                r = subprocess.run([BIN, *DEMO_ARGS, *args], stdout=full, stderr=subprocess.PIPE, text=True)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn("postcheck: cannot write the output", r.stderr)
        # A closed standard output.
        r = subprocess.run(f"exec >&-; '{BIN}' " + " ".join(DEMO_ARGS) + f" '{draft}'", shell=True,
                           stderr=subprocess.PIPE, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("postcheck: cannot write the output", r.stderr)

    def test_control_characters_are_escaped_in_text_output(self):
        name = self.write("we\x1b]0;PWNED\x07ird\nname.txt", "Ring 07911 123456 \x1b[2J now\x1b]0;PWNED\x07.\n")
        r = run([*DEMO_ARGS, name])
        self.assertNotIn("\x1b", r.stdout)
        self.assertNotIn("\x07", r.stdout)
        self.assertIn("we\\x1b]0;PWNED\\x07ird\\nname.txt:1:6: warning demo.phone", r.stdout)
        self.assertIn(" 1 | Ring 07911 123456 \\x1b[2J now\\x1b]0;PWNED\\x07.", r.stdout)

    def test_caret_after_zwj_emoji(self):
        # 👮‍♀️ is one character two cells wide: the caret must not drift.
        r = run([*DEMO_ARGS, "-"], stdin="\U0001F46E\u200D\u2640\uFE0F\U0001F46E\u200D\u2640\uFE0F 07911 123456\n")
        lines = r.stdout.splitlines()
        i = next(k for k, l in enumerate(lines) if "demo.phone" in l)
        # Two emoji of two cells each and a space: the number starts in cell 6.
        self.assertEqual(lines[i + 2], "   |      ^^^^^^^^^^^^")

    def test_utf16_and_cp1252_hints(self):
        utf16 = self.write("notepad.txt", "\ufeffRing 07911 123456\n".encode("utf-16-le"), "wb")
        r = run([*DEMO_ARGS, utf16])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, f"postcheck: {utf16}: UTF-16 text (byte-order mark FF FE): postcheck reads "
                         "UTF-8; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)\n")
        nobom = self.write("nobom.txt", "Ring 07911 123456\n".encode("utf-16-le"), "wb")
        self.assertIn("UTF-16 text without a byte-order mark", run([*DEMO_ARGS, nobom]).stderr)
        cp1252 = self.write("cp1252.txt", "Caf\u00e9 \u2018open\u2019\n".encode("cp1252"), "wb")
        r = run([*DEMO_ARGS, cp1252])
        self.assertEqual(r.stderr, f"postcheck: {cp1252}: not UTF-8 text at byte 3 (byte 0xE9: it looks like "
                         "Windows-1252 or Latin-1 text; save it as UTF-8)\n")

    def test_list_rules_only_and_json(self):
        r = run(["--no-config", "--list-rules", "--only", "jargon"])
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout and all(l.startswith("jargon.") for l in r.stdout.splitlines()), r.stdout)
        doc = json.loads(run([*DEMO_ARGS, "--list-rules", "--format", "json"]).stdout)
        self.assertEqual([(x["rule"], x["category"], x["severity"], x["enabled"]) for x in doc["rules"]],
                         [("demo.phone", "personal-data", "warning", True), ("demo.swear", "tone", "error", True),
                          ("demo.rtc", "jargon", "suggestion", True)])

    def test_stdin_at_a_terminal_says_what_it_waits_for(self):
        leader, follower = pty.openpty()
        try:
            proc = subprocess.Popen([BIN, *DEMO_ARGS], stdin=follower, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            os.write(leader, b"Ring 07911 123456\n\x04")
            out, err = proc.communicate(timeout=20)
        finally:
            os.close(leader)
            os.close(follower)
        self.assertIn("postcheck: reading a draft from the terminal; type or paste it, then press Ctrl-D", err)
        self.assertIn("demo.phone", out)
        # Not at a terminal: nothing extra.
        self.assertEqual(run([*DEMO_ARGS], stdin="x\n").stderr, "")


if __name__ == "__main__":
    unittest.main()
