#!/usr/bin/env python3
"""End-to-end tests of archive audits: posts read from exports (--input csv,
jsonl, x-archive), directories and --files-from, baselines, --min-severity,
the compact and csv formats, the summaries and the progress line.

Uses the fixed pack in tests/data/cli and the exports in tests/data/audit
(an X archive written for these tests, a CSV with bad quoting and a short row,
JSON Lines with a broken line), so that every expectation is exact.
"""
import csv
import html.parser
import io
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.abspath(os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck")))
DATA = os.path.join(HERE, "data", "audit")
RULES = ["--no-default-rules", "--rules", os.path.join(HERE, "data", "cli"), "--no-config"]
CSV_ARGS = ["--input", "csv", "--text-field", "body", "--date-field", "posted", "posts.csv"]
JSONL_ARGS = ["--input", "jsonl", "--date-field", "date", "posts.jsonl"]


def run(args, cwd=DATA, stdin=None):
    return subprocess.run([BIN, *RULES, *args], cwd=cwd, input=stdin, capture_output=True, text=True)


class XArchive(unittest.TestCase):
    def test_text_format_names_record_id_and_date(self):
        r = run(["--input", "x-archive", "tweets.js"])
        self.assertEqual(r.returncode, 2)  # record 3 has no text
        self.assertEqual(r.stderr, 'postcheck: tweets.js: record 3: no "full_text" string\n')
        self.assertEqual(r.stdout, """\
tweets.js#1:1:1: suggestion demo.rtc RTC is police jargon
 1 | RTC on the M60 & delays https://example.org/roads
   | ^^^
   = post: id 1001 of 2018-10-10T20:19:24Z
   = why: Plain English
   = try: Write 'road traffic collision'

tweets.js#4:1:12: warning demo.phone Phone number 07911 123456 in a public post
 1 | Ring me on 07911 123456, what a f***ing day
   |            ^^^^^^^^^^^^
   = post: id 1004 of 2018-12-01T12:00:00+01:00
   = why: Data Protection Act 2018
   = try: Ask people to call 101 instead.

tweets.js#4:1:33: error demo.swear Profanity: f***ing
 1 | Ring me on 07911 123456, what a f***ing day
   |                                 ^^^^^^^
   = post: id 1004 of 2018-12-01T12:00:00+01:00
   = why: Authority, respect and courtesy

1 error, 1 warning, 1 suggestion in 3 of 4 posts; 1 could not be checked.
""")

    def test_json_records(self):
        r = run(["--input", "x-archive", "--format", "json", "tweets.js"])
        doc = json.loads(r.stdout)
        heads = [{k: v for k, v in f.items() if k != "findings"} for f in doc["files"]]
        self.assertEqual(heads, [
            {"path": "tweets.js", "record": 1, "id": "1001", "date": "2018-10-10T20:19:24Z"},
            {"path": "tweets.js", "record": 2, "id": "1002", "date": "2018-11-01T08:00:00Z"},
            {"path": "tweets.js", "record": 3, "id": "1003", "date": "2018-11-02T09:30:00Z",
             "error": 'tweets.js: record 3: no "full_text" string'},
            {"path": "tweets.js", "record": 4, "id": "1004", "date": "2018-12-01T12:00:00+01:00"}])
        # The t.co link was expanded before linting: offsets are into the expanded text.
        rtc = doc["files"][0]["findings"][0]
        self.assertEqual((rtc["rule"], rtc["offset"], rtc["match"], rtc["replacement"]),
                         ("demo.rtc", 0, "RTC", "road traffic collision"))
        self.assertEqual(doc["summary"]["posts"], 4)

    def test_not_an_archive(self):
        r = run(["--input", "x-archive", "posts.jsonl"])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "postcheck: posts.jsonl: not an X archive tweets file "
                                   "(window.YTD.tweets.part0 = [...])\n")
        self.assertEqual(r.stdout, "Nothing checked: the file could not be read as a draft.\n")


class Csv(unittest.TestCase):
    def test_records_malformed_rows_and_multiline_fields(self):
        r = run(["--format", "compact", *CSV_ARGS])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "posts.csv#1:1:1: suggestion demo.rtc RTC is police jargon\n"
                                   "posts.csv#2:1:28: warning demo.phone Phone number 07911 123456 in a public post\n"
                                   "posts.csv#4:2:6: suggestion demo.rtc RTC is police jargon\n")
        self.assertEqual(r.stderr, "postcheck: posts.csv: record 3: bad CSV quoting\n"
                                   "postcheck: posts.csv: record 5: has 2 fields; the header has 3\n")

    def test_missing_text_column(self):
        r = run(["--input", "csv", "posts.csv"])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, 'postcheck: posts.csv: no column named "text" for the text '
                                   '(the header has: id, posted, body)\n')

    def test_fix_takes_one_draft_not_an_export(self):
        r = run(["--fix", "--input", "csv", "posts.csv"])
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "postcheck: --fix rewrites one draft; it cannot be used with --input csv\n"))

    def test_field_options_need_a_record_input(self):
        r = run(["--text-field", "body", "posts.csv"])
        self.assertEqual((r.returncode, r.stderr), (2, "postcheck: --text-field needs --input csv or --input jsonl\n"))


class Jsonl(unittest.TestCase):
    def test_records_and_summary_line(self):
        r = run(["--format", "jsonl", *JSONL_ARGS])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "postcheck: posts.jsonl: record 3: not valid JSON at byte 20 of line 3\n"
                                   'postcheck: posts.jsonl: record 4: no "text" field (line 4)\n')
        lines = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual(len(lines), 6)
        self.assertEqual([(o["record"], o["id"], o["date"], [f["rule"] for f in o["findings"]]) for o in lines[:5]],
                         [(1, "1", "2022-01-02", ["demo.rtc"]), (2, "b", "2022-01-03", []),
                          (3, None, None, []), (4, None, None, []), (5, "e", "2022-02-01", ["demo.phone"])])
        phone = lines[4]["findings"][0]
        self.assertEqual((phone["line"], phone["column"], phone["offset"], phone["match"]),
                         (1, 6, 5, "07911 123456"))
        self.assertEqual(lines[5], {"summary": {
            "files": 5, "posts": 5, "error": 0, "warning": 1, "suggestion": 1, "baselined": 0, "below_minimum": 0, "suppressed": 0,
            "by_category": {"jargon": {"error": 0, "warning": 0, "suggestion": 1},
                            "personal-data": {"error": 0, "warning": 1, "suggestion": 0}},
            "by_rule": {"demo.phone": {"error": 0, "warning": 1, "suggestion": 0},
                        "demo.rtc": {"error": 0, "warning": 0, "suggestion": 1}}}})

    def test_standard_input(self):
        r = run(["--input", "jsonl", "--format", "compact", "--stdin-filename", "feed.jsonl", "-"],
                stdin='{"id": "x", "text": "RTC again"}\n')
        self.assertEqual((r.returncode, r.stdout), (0, "feed.jsonl#1:1:1: suggestion demo.rtc RTC is police jargon\n"))


class Directories(unittest.TestCase):
    def test_recursive_txt_and_md_sorted(self):
        r = run(["--format", "compact", "drafts"])
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "drafts/a.txt:1:1: suggestion demo.rtc RTC is police jargon\n"
                                   "drafts/sub/b.md:1:8: error demo.swear Profanity: f***ing\n")
        r = run(["--format", "json", "drafts"])
        self.assertEqual([f["path"] for f in json.loads(r.stdout)["files"]],
                         ["drafts/a.txt", "drafts/sub/b.md", "drafts/z.txt"])

    def test_files_from(self):
        with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as f:
            f.write("drafts/z.txt\n\ndrafts/sub\n")
        try:
            r = run(["--format", "json", "--files-from", f.name, "drafts/a.txt"])
            self.assertEqual([x["path"] for x in json.loads(r.stdout)["files"]],
                             ["drafts/a.txt", "drafts/z.txt", "drafts/sub/b.md"])
            r = run(["--format", "compact", "--files-from", "-"], stdin="drafts/sub/b.md\n")
            self.assertEqual(r.stdout, "drafts/sub/b.md:1:8: error demo.swear Profanity: f***ing\n")
        finally:
            os.unlink(f.name)
        r = run(["--files-from", "no-such-list.txt"])
        self.assertEqual((r.returncode, r.stderr),
                         (2, "postcheck: no-such-list.txt: cannot open the list of files (--files-from)\n"))

    def test_empty_directory_reads_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            r = run(["--format", "compact", d], stdin="RTC")
        self.assertEqual((r.returncode, r.stdout), (0, ""))


class Baselines(unittest.TestCase):
    def test_round_trip_only_new_findings_show(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(os.path.join(DATA, "drafts"), os.path.join(d, "drafts"))
            r = run(["--format", "compact", "--write-baseline", "reviewed.json", "drafts"], cwd=d)
            self.assertEqual(r.returncode, 1)  # the report and exit code are as usual
            with open(os.path.join(d, "reviewed.json")) as f:
                baseline = json.load(f)
            self.assertEqual(baseline["postcheck_baseline"], 1)
            self.assertEqual([(e["rule"], e["post"]) for e in baseline["findings"]],
                             [("demo.rtc", "path:drafts/a.txt"), ("demo.swear", "path:drafts/sub/b.md")])
            r = run(["--format", "json", "--baseline", "reviewed.json", "drafts"], cwd=d)
            self.assertEqual(r.returncode, 0)
            doc = json.loads(r.stdout)
            self.assertEqual([f["findings"] for f in doc["files"]], [[], [], []])
            self.assertEqual(doc["summary"]["baselined"], 2)
            # A new post and a new finding in a reviewed post: only those show.
            with open(os.path.join(d, "drafts", "new.txt"), "w") as f:
                f.write("Ring 07911 123456\n")
            with open(os.path.join(d, "drafts", "a.txt"), "a") as f:
                f.write("Another RTC later.\n")
            r = run(["--format", "compact", "--baseline", "reviewed.json", "drafts"], cwd=d)
            self.assertEqual(r.stdout, "drafts/a.txt:2:9: suggestion demo.rtc RTC is police jargon\n"
                                       "drafts/new.txt:1:6: warning demo.phone Phone number 07911 123456 in a public post\n")
            self.assertEqual(r.returncode, 0)

    def test_records_are_known_by_id(self):
        with tempfile.TemporaryDirectory() as d:
            base = os.path.join(d, "b.json")
            run(["--write-baseline", base, *JSONL_ARGS])
            with open(base) as f:
                self.assertEqual([(e["rule"], e["post"]) for e in json.load(f)["findings"]],
                                 [("demo.phone", "id:e"), ("demo.rtc", "id:1")])
            # The same posts in another order, and one more: only the new one shows.
            feed = ('{"id": "e", "text": "Ring 07911 123456"}\n{"id": 1, "text": "RTC on the A580"}\n'
                    '{"id": "f", "text": "RTC"}\n')
            r = run(["--input", "jsonl", "--format", "compact", "--baseline", base, "-"], stdin=feed)
            self.assertEqual(r.stdout, "<stdin>#3:1:1: suggestion demo.rtc RTC is police jargon\n")

    def test_corrupt_and_mismatched_baselines(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.json")
            for content, message in [
                    ("{not json", "not a postcheck baseline: not valid JSON at byte 2"),
                    ('{"postcheck_baseline": 7, "findings": []}', "baseline version 7; this postcheck reads version 1"),
                    ("[]", 'not a postcheck baseline (no "postcheck_baseline" version)')]:
                with open(bad, "w") as f:
                    f.write(content)
                r = run(["--baseline", bad, "drafts/a.txt"])
                self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", f"postcheck: {bad}: {message}\n"))
            r = run(["--write-baseline", os.path.join(d, "no", "such", "dir.json"), "drafts/a.txt"])
            self.assertEqual(r.returncode, 2)
            self.assertEqual(r.stderr, f"postcheck: {os.path.join(d, 'no', 'such', 'dir.json')}: cannot write the baseline\n")


class Formats(unittest.TestCase):
    def test_compact_is_one_line_per_finding(self):
        r = run(["--format", "compact", "drafts/sub/b.md", "drafts/a.txt"])
        self.assertEqual(r.stdout, "drafts/sub/b.md:1:8: error demo.swear Profanity: f***ing\n"
                                   "drafts/a.txt:1:1: suggestion demo.rtc RTC is police jargon\n")

    def test_csv_rows_for_spreadsheets(self):
        r = run(["--format", "csv", *CSV_ARGS])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout.replace("\r\n", "\n"), """\
path,record,id,date,line,column,rule,category,severity,match,message
"posts.csv","1","p1","2021-03-04","1","1","demo.rtc","jargon","suggestion","RTC","RTC is police jargon"
"posts.csv","2","p2","2021-03-05","1","28","demo.phone","personal-data","warning","07911 123456","Phone number 07911 123456 in a public post"
"posts.csv","4","p4","2021-04-02","2","6","demo.rtc","jargon","suggestion","RTC","RTC is police jargon"
""")
        rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
        self.assertEqual(len(rows), 4)

    def test_csv_formula_guard(self):
        r = run(["--format", "csv", "--input", "jsonl", "-"], stdin='{"id": "=1+1", "text": "RTC"}\n')
        self.assertEqual(r.stdout.splitlines()[1],
                         '"<stdin>","1","\'=1+1","","1","1","demo.rtc","jargon","suggestion","RTC","RTC is police jargon"')

    def test_min_severity_hides_without_changing_the_exit_code(self):
        r = run(["--format", "compact", "--min-severity", "warning", "--fail-on", "suggestion", "drafts/a.txt"])
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        r = run(["--format", "json", "--min-severity", "error", "tweets.js", "--input", "x-archive"])
        doc = json.loads(r.stdout)
        self.assertEqual([f["rule"] for post in doc["files"] for f in post["findings"]], ["demo.swear"])
        self.assertEqual((doc["summary"]["below_minimum"], doc["summary"]["error"], doc["summary"]["warning"]), (2, 1, 0))

    def test_sarif_carries_record_and_fix(self):
        r = run(["--format", "sarif", *JSONL_ARGS])
        results = json.loads(r.stdout)["runs"][0]["results"]
        self.assertEqual([(x["ruleId"], x["properties"]["record"], x["properties"]["id"], x["properties"]["date"])
                          for x in results],
                         [("demo.rtc", 1, "1", "2022-01-02"), ("demo.phone", 5, "e", "2022-02-01")])
        fix = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
        self.assertEqual(fix, {"deletedRegion": {"byteOffset": 5, "byteLength": 12},
                               "insertedContent": {"text": "[phone number]"}})


class ProgressLine(unittest.TestCase):
    def run_on_terminal(self, *extra):
        """Runs with stderr on a pseudo-terminal; returns what it showed."""
        controller, terminal = pty.openpty()
        env = dict(os.environ, POSTCHECK_PROGRESS_AFTER_MS="0")
        proc = subprocess.Popen([BIN, *RULES, *extra, "--input", "x-archive", "tweets.js"], cwd=DATA,
                                stdout=subprocess.DEVNULL, stderr=terminal, env=env)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        proc.wait()
        os.close(controller)
        return shown.decode()

    def test_shown_on_a_terminal_and_erased(self):
        shown = self.run_on_terminal()
        self.assertIn("\r\x1b[Kpostcheck: 1 posts, ", shown)
        self.assertTrue(shown.endswith("\r\x1b[K"), repr(shown[-40:]))
        # An error erases the progress line first, so that it has a line of its own.
        self.assertIn('\r\x1b[Kpostcheck: tweets.js: record 3: no "full_text" string', shown)

    def test_silent_under_quiet_and_off_a_terminal(self):
        self.assertNotIn("posts/s", self.run_on_terminal("--quiet"))
        env = dict(os.environ, POSTCHECK_PROGRESS_AFTER_MS="0")
        r = subprocess.run([BIN, *RULES, "--input", "x-archive", "tweets.js"], cwd=DATA, capture_output=True,
                           text=True, env=env)
        self.assertNotIn("posts/s", r.stderr)


class Markdown(unittest.TestCase):
    DRAFT = os.path.join("markdown", "draft.md")

    def test_hidden_parts_are_not_linted_and_positions_are_in_the_file(self):
        r = run(["--format", "compact", self.DRAFT])
        self.assertEqual(r.returncode, 1)
        # Front matter (RTC, f***ing), the comment, the link URL and the code
        # block are not linted; the link text is; line 15 is suppressed.
        self.assertEqual(r.stdout, "markdown/draft.md:7:54: suggestion demo.rtc RTC is police jargon\n"
                                   "markdown/draft.md:8:10: suggestion demo.rtc RTC is police jargon\n"
                                   "markdown/draft.md:16:8: error demo.swear Profanity: f***ing\n")
        # A hidden multibyte character does not move the columns after it.
        r = run(["--format", "compact", "--stdin-filename", "note.md", "-"], stdin="<!-- café --> RTC\n")
        self.assertEqual(r.stdout, "note.md:1:15: suggestion demo.rtc RTC is police jargon\n")

    def test_suppression_is_reported_with_its_reason(self):
        doc = json.loads(run(["--format", "json", self.DRAFT]).stdout)
        suppressed = doc["files"][0]["suppressed"]
        self.assertEqual(len(suppressed), 1)
        self.assertEqual(suppressed[0]["reason"], "quoting the offender's words in a court result")
        f = suppressed[0]["finding"]
        self.assertEqual((f["rule"], f["line"], f["column"], f["match"]), ("demo.swear", 15, 19, "f***ing"))
        self.assertEqual(doc["summary"]["suppressed"], 1)
        self.assertEqual(doc["summary"]["error"], 1)  # the suppressed error is not counted
        results = json.loads(run(["--format", "sarif", self.DRAFT]).stdout)["runs"][0]["results"]
        self.assertEqual([(x["ruleId"], x["locations"][0]["physicalLocation"]["region"]["startLine"],
                           x.get("suppressions")) for x in results],
                         [("demo.rtc", 7, None), ("demo.rtc", 8, None), ("demo.swear", 16, None),
                          ("demo.swear", 15, [{"kind": "inSource",
                                               "justification": "quoting the offender's words in a court result"}])])
        # Suppressed findings do not fail the run.
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ok.md")
            with open(path, "w") as f:
                f.write("<!-- postcheck-disable-next-line demo.swear -- a quote -->\nWhat a f***ing day.\n")
            self.assertEqual(run([path]).returncode, 0)

    def test_hidden_parts_do_not_count_toward_length(self):
        """The bundled platform pack: a short post with a long comment and URL."""
        path = os.path.join(DATA, "markdown", "long.md")
        args = ["--no-config", "--platform", "x", "--format", "json", "--fail-on", "never"]
        md = subprocess.run([BIN, *args, path], capture_output=True, text=True)
        rules = [f["rule"] for f in json.loads(md.stdout)["files"][0]["findings"]]
        self.assertNotIn("platform.x-length", rules)
        with tempfile.TemporaryDirectory() as d:
            txt = os.path.join(d, "long.txt")
            shutil.copy(path, txt)
            plain = subprocess.run([BIN, *args, txt], capture_output=True, text=True)
        rules = [f["rule"] for f in json.loads(plain.stdout)["files"][0]["findings"]]
        self.assertIn("platform.x-length", rules)


def audit_posts():
    """30 posts as JSON Lines: every fifth has an error, a warning and a
    suggestion, the one after it a suggestion; dated January to March 2021
    (by post number mod 3), the last three undated."""
    lines = []
    for i in range(1, 31):
        text = ("Ring 07911 123456, f***ing hell, RTC" if i % 5 == 0 else
                "RTC on the A580" if i % 5 == 1 else "Call 101.")
        record = {"id": f"n{i}", "text": text}
        if i <= 27:
            record["date"] = f"2021-{i % 3 + 1:02d}-15"
        lines.append(json.dumps(record))
    return "\n".join(lines) + "\n"


class AuditHtml(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.stack, self.rows = [], [], [], []
        self.posts, self.titles = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("meta", "br"):
            return
        self.stack.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag == "li" and "post" in (attrs.get("class") or "").split():
            self.posts.append("")
        if tag == "title":
            self.titles.append("")

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)
        if "td" in self.stack or "th" in self.stack:
            self.rows[-1].append(data)
        if "h3" in self.stack and self.posts:
            self.posts[-1] += data + " "
        if self.stack and self.stack[-1] == "title":
            self.titles[-1] += data


class AuditReport(unittest.TestCase):
    def test_overview_chart_and_riskiest_posts(self):
        r = run(["--input", "jsonl", "--date-field", "date", "--format", "html", "-"], stdin=audit_posts())
        self.assertEqual(r.returncode, 1, r.stderr)
        page = AuditHtml()
        page.feed(r.stdout)
        text = " ".join("".join(page.text).split())
        self.assertIn("30 posts checked, 12 with findings: 6 errors, 6 warnings, 12 suggestions.", text)
        self.assertNotIn("script", [t for t, _ in page.tags])
        csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        self.assertEqual(csp, ["default-src 'none'; style-src 'unsafe-inline'"])
        rows = [[c.strip() for c in row if c.strip()] for row in page.rows]
        # By category: errors, warnings, suggestions, all.
        self.assertIn(["jargon", "0", "0", "12", "12"], rows)
        self.assertIn(["personal-data", "0", "6", "0", "6"], rows)
        self.assertIn(["tone", "6", "0", "0", "6"], rows)
        self.assertIn(["All", "6", "6", "12", "24"], rows)
        # Rules that fire most, most first.
        self.assertEqual([r[0] for r in rows if r[0].startswith("demo.")], ["demo.rtc", "demo.phone", "demo.swear"])
        # Findings per month: one bar per severity per month, errors at the bottom.
        self.assertEqual(page.titles[1:], [
            "2021-01: 1 error", "2021-01: 1 warning", "2021-01: 3 suggestions",
            "2021-02: 2 errors", "2021-02: 2 warnings", "2021-02: 4 suggestions",
            "2021-03: 2 errors", "2021-03: 2 warnings", "2021-03: 4 suggestions"])
        self.assertIn("3 findings in posts without a date are not in the chart.", text)
        # Riskiest first (errors, then input order), each with record, id and date.
        heads = [" ".join(p.split()) for p in page.posts]
        self.assertEqual(len(heads), 12)
        self.assertEqual(heads[0], "<stdin>#5 id n5 2021-03-15 1 error, 1 warning, 1 suggestion")
        self.assertEqual(heads[5], "<stdin>#30 id n30 1 error, 1 warning, 1 suggestion")
        self.assertEqual(heads[6], "<stdin>#1 id n1 2021-02-15 1 suggestion")

    def test_chart_shows_at_most_twenty_years(self):
        posts = "".join(json.dumps({"id": str(i), "date": d, "text": "RTC"}) + "\n"
                        for i, d in enumerate(["1990-01-01", "9999-12-31"] + ["2030-06-01"] * 20))
        r = run(["--input", "jsonl", "--date-field", "date", "--format", "html", "-"], stdin=posts)
        page = AuditHtml()
        page.feed(r.stdout)
        months = [t.split(":")[0] for t in page.titles[1:]]
        self.assertEqual(months, ["9999-12"])  # the latest 240 months: 9980-01 to 9999-12
        self.assertIn(">9980-01</text>", r.stdout)
        self.assertNotIn(">2030-06</text>", r.stdout)
        self.assertIn("21 findings before 9980-01 are not in the chart (it shows 20 years at most).", r.stdout)

    def test_few_posts_keep_the_trainers_page(self):
        r = run(["--input", "x-archive", "--format", "html", "tweets.js"])
        self.assertIn("<title>postcheck report</title>", r.stdout)
        self.assertIn("tweets.js#4", r.stdout)
        self.assertIn("Post id <code>1004</code> of 2018-12-01T12:00:00+01:00", r.stdout)


class Workflow(unittest.TestCase):
    ROOT = os.path.dirname(HERE)

    def test_plain_hook_says_when_postcheck_is_missing(self):
        with tempfile.TemporaryDirectory() as d:
            def git(*args, env=None):
                return subprocess.run(["git", *args], cwd=d, capture_output=True, text=True, env=env)
            git("init", "-q")
            git("config", "user.email", "t@example.org")
            git("config", "user.name", "t")
            hook = os.path.join(d, ".git", "hooks", "pre-commit")
            shutil.copy(os.path.join(self.ROOT, "examples", "hooks", "pre-commit"), hook)
            os.chmod(hook, 0o755)
            with open(os.path.join(d, "draft.txt"), "w") as f:
                f.write("Call 101.\n")
            git("add", "draft.txt")
            r = git("commit", "-qm", "x", env={**os.environ, "POSTCHECK": os.path.join(d, "no-postcheck")})
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("the '" + os.path.join(d, "no-postcheck") + "' command was not found", r.stderr)
            self.assertIn("cmake --install build --prefix", r.stderr)
            self.assertNotIn("fix the findings above", r.stderr)

    def test_ci_example_command_writes_sarif(self):
        with open(os.path.join(self.ROOT, "examples", "ci", "github-code-scanning.yml")) as f:
            workflow = f.read()
        self.assertIn("uses: github/codeql-action/upload-sarif@", workflow)
        command = next(line.strip() for line in workflow.splitlines() if line.strip().startswith("postcheck "))
        self.assertEqual(command, "postcheck --format sarif --fail-on never --quiet drafts > postcheck.sarif")
        args = command.split(" > ")[0].split()[1:]
        r = run(args)
        self.assertEqual(r.returncode, 0, r.stderr)
        results = json.loads(r.stdout)["runs"][0]["results"]
        self.assertEqual([(x["ruleId"], x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                          for x in results],
                         [("demo.rtc", "drafts/a.txt"), ("demo.swear", "drafts/sub/b.md")])


if __name__ == "__main__":
    unittest.main(verbosity=1)
