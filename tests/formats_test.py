#!/usr/bin/env python3
"""End-to-end tests of the sarif, jsonl and html output formats.

Runs the binary (env POSTCHECK_BIN, default build/postcheck) with only the
small pack in tests/data/formats/rules on the drafts in tests/data/formats/drafts,
and checks each format against the json format of the same run.

- SARIF is validated against the official 2.1.0 schema in tests/sarif/ when
  the Python jsonschema module is installed, and with Microsoft's SARIF
  Multitool (`sarif-multitool` from npm, which scripts/install-deps.sh
  installs, or env SARIF_MULTITOOL): no errors and no warnings. Without them
  those two checks are reported as skipped, and under CI=true they fail.

Prints "N passed, N failed" last; exits 1 if any check failed.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

from ci_tools import skip_reason

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
DATA = os.path.join(HERE, "data", "formats")
RULES = os.path.join(DATA, "rules")
DRAFTS = os.path.join(DATA, "drafts")
SCHEMA = os.path.join(HERE, "sarif", "sarif-schema-2.1.0.json")
INCIDENT = os.path.join(DRAFTS, "incident.txt")
CLEAN = os.path.join(DRAFTS, "clean.txt")
BOM_CRLF = os.path.join(DRAFTS, "bom-crlf.txt")
MISSING = os.path.join(DRAFTS, "does-not-exist.txt")
CATEGORIES = ["personal-data", "case-details", "tone", "discrimination", "impartiality",
              "jargon", "spelling", "platform"]
RULE_IDS = ["fmt.phone", "fmt.slang", "fmt.plain", "fmt.charged-name", "fmt.politics"]


def run(*args, expect=None, cwd=None):
    proc = subprocess.run([os.path.abspath(BIN), "--no-default-rules", "--rules", RULES, *args],
                          capture_output=True, cwd=cwd)
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f"exit {proc.returncode}, wanted {expect}: {proc.stderr.decode()}")
    return proc.stdout.decode("utf-8")


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def json_files(*paths):
    report = json.loads(run("--format", "json", "--fail-on", "never", *paths))
    return report


def redact_flag():
    """The CLI flag that sets FormatOptions::redact, if this build has one."""
    help_text = subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout
    for flag in ("--redact-output", "--redact"):
        if flag + " " in help_text or flag + "\n" in help_text:
            return flag
    return None


# ---- SARIF ----------------------------------------------------------------

SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def sarif(*paths, expect=0, extra=(), cwd=None):
    return json.loads(run("--format", "sarif", "--fail-on", "never", *extra, *paths, expect=expect, cwd=cwd))


def uri_of(path):
    """The artifact URI postcheck writes for an input path (no special characters)."""
    return "file://" + path if path.startswith("/") else path


def test_sarif_driver_and_rules():
    log = sarif(INCIDENT)
    check(log["version"] == "2.1.0", "version")
    check(log["$schema"].endswith("sarif-2.1.0.json"), "$schema")
    check(len(log["runs"]) == 1, "one run")
    run_ = log["runs"][0]
    check(run_["columnKind"] == "unicodeCodePoints", "columnKind")
    driver = run_["tool"]["driver"]
    version = subprocess.run([BIN, "--version"], capture_output=True, text=True).stdout.split()[-1]
    check(driver["name"] == "postcheck" and driver["version"] == version, f"driver {driver['name']} {driver['version']}")
    check([r["id"] for r in driver["rules"]] == RULE_IDS, [r["id"] for r in driver["rules"]])
    by_id = {r["id"]: r for r in driver["rules"]}
    phone = by_id["fmt.phone"]
    check(phone["shortDescription"]["text"] == "Phone number {match} in a post", "shortDescription")
    check(phone["fullDescription"]["text"].startswith("A member of the public's phone number"), "fullDescription")
    check("Try: Remove {match}" in phone["help"]["text"], "help has the suggestion")
    check(phone["defaultConfiguration"]["level"] == "error", "phone level")
    check(by_id["fmt.slang"]["defaultConfiguration"]["level"] == "warning", "slang level")
    check(by_id["fmt.plain"]["defaultConfiguration"]["level"] == "note", "suggestion -> note")
    for r in driver["rules"]:
        check(r["properties"]["category"] in CATEGORIES, r["id"])
    check(by_id["fmt.politics"]["properties"]["category"] == "impartiality", "category")


def test_sarif_results_match_json():
    raw = open(INCIDENT, "rb").read()
    log = sarif(INCIDENT, BOM_CRLF)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    findings = [(f["path"], x) for f in json_files(INCIDENT, BOM_CRLF)["files"] for x in f["findings"]]
    results = run_["results"]
    check(len(results) == len(findings) == 9, f"{len(results)} results, {len(findings)} findings")
    for result, (path, finding) in zip(results, findings):
        check(result["ruleId"] == finding["rule"], result["ruleId"])
        check(rules[result["ruleIndex"]]["id"] == result["ruleId"], "ruleIndex")
        check(result["level"] == SARIF_LEVEL[finding["severity"]], "level")
        check(result["message"]["text"] == finding["message"], "message")
        loc = result["locations"][0]["physicalLocation"]
        check(loc["artifactLocation"]["uri"] == uri_of(path), loc["artifactLocation"]["uri"])
        region = loc["region"]
        wanted = {"startLine": finding["line"], "startColumn": finding["column"],
                  "endLine": finding["end_line"], "endColumn": finding["end_column"],
                  "byteOffset": finding["offset"], "byteLength": finding["length"]}
        check({k: region[k] for k in wanted} == wanted, f"region {region} != {wanted}")
        check(region["snippet"]["text"] == finding["match"], "snippet")
        check(result["properties"]["category"] == finding["category"], "category")
        check(result["properties"].get("suggestion") == finding["suggestion"], "suggestion")
        if path == INCIDENT:
            data = raw[finding["offset"]:finding["offset"] + finding["length"]].decode()
            check(data == finding["match"], "byteOffset/byteLength select the match")
    # The snippet of the phone number, and a fix for the rule that has `replace`.
    phone = next(r for r in results if r["ruleId"] == "fmt.phone")
    context = phone["locations"][0]["physicalLocation"]["contextRegion"]
    check(context["snippet"]["text"].startswith("We banged up the driver"), "contextRegion is the line")
    fix = phone["fixes"][0]["artifactChanges"][0]["replacements"][0]
    check(fix["insertedContent"]["text"] == "[phone number]", "fix text")
    check(fix["deletedRegion"] == {"byteOffset": phone["locations"][0]["physicalLocation"]["region"]["byteOffset"],
                                   "byteLength": 12}, "fix region")
    swap = next(r for r in results if r["ruleId"] == "fmt.plain")
    check(swap["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
          == "road traffic collision", "swap fix")


def test_sarif_columns_are_code_points():
    # bom-crlf.txt: BOM, "CRLF draft été:\r\n", then two police-car emoji
    # (outside the BMP: 2 UTF-16 units each) before " RTC ahead, lads".
    results = sarif(BOM_CRLF)["runs"][0]["results"]
    rtc = results[0]["locations"][0]["physicalLocation"]["region"]
    check((rtc["startLine"], rtc["startColumn"], rtc["endColumn"]) == (2, 4, 7), rtc)
    lads = results[1]["locations"][0]["physicalLocation"]["region"]
    check((lads["startColumn"], lads["endColumn"]) == (15, 19), lads)
    raw = open(BOM_CRLF, "rb").read()
    check(raw[rtc["byteOffset"]:rtc["byteOffset"] + rtc["byteLength"]] == b"RTC", "byteOffset counts the BOM")


def test_sarif_failed_input():
    log = sarif(INCIDENT, MISSING, expect=2)
    invocation = log["runs"][0]["invocations"][0]
    check(invocation["executionSuccessful"] is False, "executionSuccessful false")
    notes = invocation["toolExecutionNotifications"]
    check(len(notes) == 1 and notes[0]["level"] == "error", notes)
    check("does-not-exist.txt" in notes[0]["message"]["text"], notes[0]["message"])
    uri = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check(uri == uri_of(MISSING), uri)
    check(len(log["runs"][0]["results"]) == 7, "the other input's results are kept")


def test_sarif_clean():
    log = sarif(CLEAN)
    run_ = log["runs"][0]
    check(run_["results"] == [], "no results")
    check(run_["invocations"][0]["executionSuccessful"] is True, "executionSuccessful")


def test_sarif_uri_escaping():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "my draft #1 é.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Cheers lads\n")
        log = sarif(path)
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        check(uri.startswith("file:///") and uri.endswith("/my%20draft%20%231%20%C3%A9.txt"), uri)
        log = sarif("my draft #1 é.txt", cwd=tmp)
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        check(uri == "my%20draft%20%231%20%C3%A9.txt", "relative paths stay relative: " + uri)


def _sarif_documents():
    return [sarif(INCIDENT, BOM_CRLF), sarif(INCIDENT, MISSING, expect=2), sarif(CLEAN)]


def test_sarif_schema():
    try:
        import jsonschema
    except ImportError:
        return skip_reason("Python module jsonschema not installed (apt-get install python3-jsonschema)")
    schema = json.load(open(SCHEMA, encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    broken = sarif(CLEAN)
    broken["runs"][0]["columnKind"] = "bytes"
    check(not validator.is_valid(broken), "the schema rejects a bad columnKind")
    for document in _sarif_documents():
        errors = sorted(validator.iter_errors(document), key=str)
        check(not errors, "; ".join(e.message for e in errors[:3]))


def test_sarif_multitool():
    tool = os.environ.get("SARIF_MULTITOOL") or shutil.which("sarif-multitool")
    if not tool:
        return skip_reason("SARIF Multitool not found (scripts/install-deps.sh installs it from npm; "
                           "or set SARIF_MULTITOOL)")
    with tempfile.TemporaryDirectory() as tmp:
        for i, document in enumerate(_sarif_documents()):
            path = os.path.join(tmp, f"log{i}.sarif")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(document, f)
            proc = subprocess.run([tool, "validate", path], capture_output=True, text=True)
            problems = [line for line in proc.stdout.splitlines() if ": error " in line or ": warning " in line]
            check(proc.returncode == 0 and not problems, proc.stdout[-2000:])


# ---- JSON Lines -------------------------------------------------------------

def test_jsonl_matches_json():
    paths = [INCIDENT, CLEAN, MISSING, BOM_CRLF]
    out = run("--format", "jsonl", *paths, expect=2)
    check(out.endswith("\n"), "ends with a newline")
    lines = out.splitlines()
    check(len(lines) == 5, f"{len(lines)} lines, one per input, then the summary")
    objects = [json.loads(line) for line in lines[:4]]
    whole = json.loads(run("--format", "json", *paths, expect=2))
    check(objects == whole["files"], "each line is the json format's file object")
    check(json.loads(lines[4]) == {"summary": whole["summary"]}, "the last line is the json format's summary")
    check([o["path"] for o in objects] == paths, "input order")
    check("error" in objects[2] and objects[2]["findings"] == [], "failed input")
    check(all("error" not in o for i, o in enumerate(objects) if i != 2), "no error elsewhere")
    check(len(objects[0]["findings"]) == 7 and objects[1]["findings"] == [], "findings")


def test_jsonl_no_inputs_problems():
    out = run("--format", "jsonl", CLEAN, expect=0)
    lines = out.splitlines()
    check(json.loads(lines[0]) == {"path": CLEAN, "findings": []}, out)
    check(json.loads(lines[1])["summary"]["files"] == 1 and len(lines) == 2, out)


# ---- HTML -------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    """Collects what the tests look at: elements, attributes, text by class."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []           # (tag, attrs dict)
        self.stack = []
        self.draft_text = []     # text inside div.draft, per draft, without finding numbers
        self.marks = []          # (classes, title, text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append((tag, attrs.get("class", "")))
        if tag == "div" and attrs.get("class") == "draft":
            self.draft_text.append("")
        if tag == "mark":
            self.marks.append([attrs.get("class", ""), attrs.get("title", ""), ""])

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        classes = [c for _, c in self.stack]
        if "draft" in classes and not any("ref" in c.split() for c in classes):
            self.draft_text[-1] += data
        if self.stack and self.stack[-1][0] == "mark":
            self.marks[-1][2] += data


def html_page(*paths, expect=None, extra=()):
    page = Page()
    page.feed(run("--format", "html", *extra, *paths, expect=expect))
    page.close()
    return page


def test_html_self_contained():
    out = run("--format", "html", INCIDENT, expect=1)
    check(out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>"), "a whole document")
    page = html_page(INCIDENT, expect=1)
    tags = [t for t, _ in page.tags]
    for banned in ("script", "link", "img", "iframe", "object", "embed", "base"):
        check(banned not in tags, f"no <{banned}>")
    for tag, attrs in page.tags:
        check("src" not in attrs, f"<{tag} src>")
        href = attrs.get("href")
        check(href is None or href.startswith("#"), f"external link {href}")
        check(not any(k.startswith("on") for k in attrs), f"event handler on <{tag}>")
    check("url(" not in out and "@import" not in out, "no CSS resources")
    check("http://" not in out and "https://" not in out, "no network addresses")
    check(('meta', {'charset': 'utf-8'}) in page.tags, "charset")


def test_html_draft_and_findings():
    page = html_page(INCIDENT, expect=1)
    draft = open(INCIDENT, encoding="utf-8").read()
    check(page.draft_text == [draft], "the draft is shown whole, as written")
    text = "".join(page.text)
    check('<script>alert("pwned")</script>' in text, "markup in the draft is shown as text")
    findings = json_files(INCIDENT)["files"][0]["findings"]
    marked = "".join(m[2] for m in page.marks if "hl" in m[0].split() and m[1])
    for f in findings:
        check(f["match"] in marked or f["rule"] == "fmt.slang", f"{f['match']} highlighted")
        check(f["rule"] in text and f["message"] in text and f["why"] in text, f["rule"])
        if f["suggestion"]:
            check(f["suggestion"] in text, f["suggestion"])
    for classes, title, content in page.marks:
        if not title:
            continue  # the legend's samples
        cats = [c[2:] for c in classes.split() if c.startswith("c-")]
        check(len(cats) == 1 and cats[0] in CATEGORIES, classes)
    phone = [m for m in page.marks if "fmt.phone" in m[1]]
    check(phone and phone[0][0].split()[:2] == ["hl", "c-personal-data"] and phone[0][2] == "07911 123456",
          phone)
    # "banged up" (tone) overlaps "banged up the driver" (case-details): striped.
    overlap = [m for m in page.marks if "fmt.slang" in m[1] and "fmt.charged-name" in m[1]]
    check(overlap and overlap[0][2] == "banged up" and "multi" in overlap[0][0].split(), overlap)
    items = [a for t, a in page.tags if t == "li" and "finding" in a.get("class", "").split()]
    check(len(items) == len(findings), f"{len(items)} list items")
    refs = {a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#f")}
    check(refs == {"#" + i["id"] for i in items}, "every highlight number links to its finding")


def test_html_legend_and_summary():
    page = html_page(INCIDENT, CLEAN, MISSING, expect=2)
    text = "".join(page.text)
    legend = [m[2] for m in page.marks if not m[1] and m[0].startswith("hl c-") and "multi" not in m[0]]
    check(legend == ["Personal data", "Case details", "Tone", "Discrimination", "Impartiality",
                     "Jargon", "Spelling", "Platform"], legend)
    headers = [a.get("class", "") for t, a in page.tags if t == "th" and a.get("scope") == "col"]
    check([h.split()[0] for h in headers if h] == ["c-" + c for c in CATEGORIES], headers)
    check("3 drafts" in text and "2 errors" in text and "3 warnings" in text and "2 suggestions" in text, "totals")
    check("Not checked:" in text and "does-not-exist.txt" in text, "failed input shown")
    check("No problems found." in text, "clean draft shown")


def test_html_redaction():
    flag = redact_flag()
    if not flag:
        return skip_reason("this build has no --redact-output flag")
    for fmt in ("html", "sarif", "jsonl", "json"):
        out = run("--format", fmt, flag, INCIDENT, expect=1)
        check("123456" not in out and "07911" not in out, f"{fmt}: the phone number is masked")
        check("banged up the driver" in out, f"{fmt}: other findings are shown")
    out = run("--format", "html", flag, INCIDENT, expect=1)
    check("Phone number 07*" in out, "the message quotes the masked number")


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_")]


def main():
    passed = failed = skipped = 0
    for test in TESTS:
        try:
            note = test()
        except Exception:  # noqa: BLE001 - report every failure and go on
            failed += 1
            print(f"FAIL {test.__name__}")
            traceback.print_exc(limit=2)
            continue
        if note:
            skipped += 1
            print(f"skip {test.__name__}: {note}")
        else:
            passed += 1
            print(f"ok   {test.__name__}")
    if skipped:
        print(f"({skipped} skipped)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
