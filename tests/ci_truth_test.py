#!/usr/bin/env python3
"""The CI tells the truth: scripts/install-deps.sh installs every tool the
tests use, a test that lacks its tool fails under CI=true instead of
skipping, .ci/run counts skipped tests and fails unless there are none, and
builds with warnings as errors.
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
BIN = os.path.abspath(os.environ.get("POSTCHECK_BIN", os.path.join(ROOT, "build", "postcheck")))
sys.path.insert(0, os.path.join(ROOT, "scripts"))


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


class InstallDeps(unittest.TestCase):
    def test_installs_every_test_tool(self):
        script = read("scripts", "install-deps.sh")
        packages = re.search(r"packages=\((.*?)\n\)", script, re.S).group(1)
        words = set(re.sub(r"#[^\n]*", "", packages).split())
        for package in ("chromium", "strace", "clang", "libclang-rt-14-dev", "python3-jsonschema", "git",
                        "bsdutils", "python3"):
            self.assertIn(package, words)
        self.assertIn("SARIF_MULTITOOL_VERSION=5.7.0", script)
        self.assertIn('npm install -g --no-fund --no-audit "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION"',
                      script)


class NoSkipsUnderCi(unittest.TestCase):
    def run_without_tools(self, script, ci):
        env = {"PATH": "/nonexistent", "POSTCHECK_BIN": BIN}
        if ci:
            env["CI"] = "true"
        return subprocess.run([sys.executable, os.path.join(HERE, script)], capture_output=True, text=True,
                              env=env, timeout=600)

    def test_html_render_test_fails_without_chromium_under_ci(self):
        r = self.run_without_tools("html_render_test.py", ci=True)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("FAIL: chromium not found", r.stdout)
        r = self.run_without_tools("html_render_test.py", ci=False)
        self.assertEqual(r.returncode, 77)
        self.assertIn("skipped: chromium not found", r.stdout)

    def test_formats_test_fails_without_the_multitool_under_ci(self):
        r = self.run_without_tools("formats_test.py", ci=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("FAIL test_sarif_multitool", r.stdout)
        self.assertIn("SARIF Multitool not found", r.stdout + r.stderr)


class CiRun(unittest.TestCase):
    def test_counts_skips(self):
        import importlib
        count_skips = importlib.import_module("count-skips")
        log = "\n".join([
            "OK (skipped=2)",
            "skip test_sarif_schema: skipped: Python module jsonschema not installed",
            "(1 skipped)",
            "skipped: chromium not found (apt-get install chromium, or set CHROMIUM)",
            "Test Passed.",
            "[doctest] test cases:  7 |  5 passed | 0 failed | 2 skipped",
            "OK",
        ])
        self.assertEqual(count_skips.count(log), 6)
        self.assertEqual(count_skips.count("[doctest] test cases:  7 |  7 passed | 0 failed | 0 skipped\n"), 0)
        self.assertEqual(count_skips.count("Ran 3 tests\nOK\n14 passed, 0 failed\n"), 0)

    def test_ci_run_fails_on_skips_and_warnings(self):
        ci = read(".ci", "run")
        self.assertIn("export CI=true", ci)
        self.assertIn('POSTCHECK_WERROR=ON bash -c "$command"', ci)
        self.assertIn("scripts/count-skips.py build/Testing/Temporary/LastTest.log", ci)
        self.assertIn('if [ "$skipped" != 0 ]; then', ci)
        cmake = read("CMakeLists.txt")
        self.assertIn('option(POSTCHECK_WERROR "Treat compiler warnings as errors"', cmake)
        self.assertIn("add_compile_options(-Werror)", cmake)


if __name__ == "__main__":
    unittest.main()
