#!/usr/bin/env python3
"""End-to-end tests of the bundled packs' snapshot (lint/rules/pack_snapshot.h).

postcheck reads the bundled packs from share/postcheck/packs.snapshot while
every pack and word file is byte for byte what the snapshot was made from,
and parses their YAML otherwise. These tests show, through the command line,
that a snapshot never changes what postcheck says: a copy of the packs gets
its own paths, a changed pack is read from its YAML, and a damaged or missing
snapshot gives the same output as an intact one. Likewise the bundled packs'
word index (share/postcheck/words.index, lint/matching/word_index_file.h):
read while the words are exactly those it was built from, built otherwise,
and never a change in what postcheck says.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(ROOT, "build", "postcheck"))
SHARE = os.path.join(os.path.dirname(BIN), "share", "postcheck")
DRAFT = "Ring me on 07911 123456 about the lad we nicked.\nRTC on the A580, f***ing mess.\n"


def run(args, rules_dir, binary=BIN):
    env = dict(os.environ, POSTCHECK_RULES_DIR=rules_dir, NO_COLOR="1")
    return subprocess.run([binary, "--no-config", *args], capture_output=True, text=True, env=env)


def defined_at(output):
    """The 'defined in FILE:LINE' of an --explain output."""
    for line in output.splitlines():
        if line.strip().startswith("defined in "):
            return line.strip()[len("defined in "):]
    raise AssertionError("no 'defined in' line in:\n" + output)


class PackSnapshot(unittest.TestCase):
    def setUp(self):
        if not os.path.isfile(os.path.join(SHARE, "packs.snapshot")):
            self.fail(f"no packs.snapshot beside {BIN} (the build writes it)")
        self.tmp = tempfile.mkdtemp(prefix="postcheck-snapshot-")
        self.rules = os.path.join(self.tmp, "rules")
        shutil.copytree(os.path.join(ROOT, "rules"), self.rules)
        shutil.copytree(os.path.join(ROOT, "dictionaries"), os.path.join(self.tmp, "dictionaries"))
        self.draft = os.path.join(self.tmp, "draft.txt")
        with open(self.draft, "w", encoding="utf-8") as f:
            f.write(DRAFT)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def lint_json(self, rules_dir, binary=BIN):
        r = run(["--format", "json", "--fail-on", "never", self.draft], rules_dir, binary)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_a_copy_of_the_packs_reports_its_own_paths(self):
        source = run(["--explain", "tone.profanity"], os.path.join(ROOT, "rules"))
        copy = run(["--explain", "tone.profanity"], self.rules)
        self.assertEqual(copy.returncode, 0, copy.stderr)
        line = defined_at(source.stdout).rsplit(":", 1)[1]
        self.assertEqual(defined_at(copy.stdout), os.path.join(self.rules, "tone.yaml") + ":" + line)
        self.assertEqual(copy.stdout.replace(self.rules, "RULES"),
                         source.stdout.replace(os.path.join(ROOT, "rules"), "RULES"))

    def test_a_changed_pack_is_read_from_its_yaml(self):
        line = int(defined_at(run(["--explain", "tone.profanity"], self.rules).stdout).rsplit(":", 1)[1])
        tone = os.path.join(self.rules, "tone.yaml")
        with open(tone, encoding="utf-8") as f:
            text = f.read()
        with open(tone, "w", encoding="utf-8") as f:
            f.write("# one more line\n" + text.replace(
                "has no place on a police account", "has no place on any police account", 1))
        r = run(["--explain", "tone.profanity"], self.rules)
        self.assertEqual(defined_at(r.stdout), f"{tone}:{line + 1}")
        self.assertIn("has no place on any police account", r.stdout)
        messages = [f["message"] for f in self.lint_json(self.rules)["files"][0]["findings"]
                    if f["rule"] == "tone.profanity"]
        self.assertTrue(messages and all("any police account" in m for m in messages), messages)

    def test_a_changed_word_file_is_read_from_its_yaml(self):
        with open(os.path.join(self.tmp, "dictionaries", "first-names.txt"), "a", encoding="utf-8") as f:
            f.write("Zebulonqx\n")
        with open(self.draft, "a", encoding="utf-8") as f:
            f.write("Zebulonqx Smith was there.\n")
        after = self.lint_json(self.rules)
        with open(os.path.join(self.tmp, "dictionaries", "first-names.txt"), "r+", encoding="utf-8") as f:
            kept = f.read().replace("Zebulonqx\n", "")
            f.seek(0)
            f.write(kept)
            f.truncate()
        without = self.lint_json(self.rules)
        matched = lambda report: sorted(
            (f["rule"], f["match"]) for f in report["files"][0]["findings"] if "Zebulonqx" in f.get("match", ""))
        # A first name (so no misspelling) only while the list holds it.
        self.assertNotIn(("spelling.unknown-word", "Zebulonqx"), matched(after))
        self.assertIn(("spelling.unknown-word", "Zebulonqx"), matched(without))

    def test_a_broken_pack_is_reported_from_its_yaml(self):
        with open(os.path.join(self.rules, "zz-broken.yaml"), "w", encoding="utf-8") as f:
            f.write("pack: broken\nrules: []\n")
        r = run([self.draft], self.rules)
        self.assertEqual(r.returncode, 2, r.stdout)
        self.assertIn(os.path.join(self.rules, "zz-broken.yaml"), r.stderr)

    def test_a_damaged_or_missing_snapshot_gives_the_same_output(self):
        intact = self.lint_json(self.rules)
        explain = run(["--explain", "tone.profanity"], self.rules).stdout
        bindir = os.path.join(self.tmp, "bin")
        share = os.path.join(bindir, "share", "postcheck")
        os.makedirs(share)
        binary = os.path.join(bindir, "postcheck")
        shutil.copy2(BIN, binary)
        shutil.copy2(os.path.join(SHARE, "patterns.hsdb"), share)
        with open(os.path.join(SHARE, "packs.snapshot"), "rb") as f:
            snapshot = bytearray(f.read())
        snapshot[len(snapshot) // 2] ^= 0x20
        with open(os.path.join(share, "packs.snapshot"), "wb") as f:
            f.write(snapshot)
        self.assertEqual(self.lint_json(self.rules, binary), intact)
        self.assertEqual(run(["--explain", "tone.profanity"], self.rules, binary).stdout, explain)
        with open(os.path.join(share, "packs.snapshot"), "wb") as f:
            f.write(snapshot[:100])
        self.assertEqual(self.lint_json(self.rules, binary), intact)
        os.unlink(os.path.join(share, "packs.snapshot"))
        self.assertEqual(self.lint_json(self.rules, binary), intact)

    def test_the_word_index_file_never_changes_the_output(self):
        index = os.path.join(SHARE, "words.index")
        if not os.path.isfile(index):
            self.fail(f"no words.index beside {BIN} (the build writes it)")
        intact = self.lint_json(self.rules)
        self.assertIn("tone.profanity", [f["rule"] for f in intact["files"][0]["findings"]])
        bindir = os.path.join(self.tmp, "bin")
        share = os.path.join(bindir, "share", "postcheck")
        os.makedirs(share)
        binary = os.path.join(bindir, "postcheck")
        shutil.copy2(BIN, binary)
        for name in ("patterns.hsdb", "packs.snapshot"):
            shutil.copy2(os.path.join(SHARE, name), share)
        with open(index, "rb") as f:
            good = f.read()
        damaged = bytearray(good)
        damaged[len(damaged) // 2] ^= 0x20
        for content in (good, bytes(damaged), good[:len(good) // 3], b"postcheck-words1\n", None):
            if content is None:
                os.unlink(os.path.join(share, "words.index"))
            else:
                with open(os.path.join(share, "words.index"), "wb") as f:
                    f.write(content)
            self.assertEqual(self.lint_json(self.rules, binary), intact)
        # A word added to a list: the file was built for other words, and
        # the new word is found.
        shutil.copy2(index, share)
        with open(os.path.join(self.tmp, "dictionaries", "tone-insults.txt"), "a", encoding="utf-8") as f:
            f.write("zebulonqx\n")
        with open(self.draft, "a", encoding="utf-8") as f:
            f.write("What a zebulonqx.\n")
        found = [(f["rule"], f["match"]) for f in self.lint_json(self.rules, binary)["files"][0]["findings"]]
        self.assertIn(("tone.mockery", "zebulonqx"), [(r, m.lower()) for r, m in found])


if __name__ == "__main__":
    unittest.main()
