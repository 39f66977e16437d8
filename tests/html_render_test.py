#!/usr/bin/env python3
"""Renders the html report in headless Chromium and checks what the page shows.

- --dump-dom: the DOM Chromium built from the report has no script element
  (the draft's "<script>" is text), every draft is shown whole, each finding is
  a highlight and a list item, the legend and the summary table are there.
- --screenshot: the page paints each category's highlight colour, the severity
  badges, and nothing fails to load (the report must need no network).

Needs the Debian package chromium (binary `chromium`, or env CHROMIUM). Without
it the test prints why and exits 77 (ctest: set SKIP_RETURN_CODE 77); under
CI=true it fails instead, naming what is missing.

`python3 tests/html_render_test.py --update-screenshot` also rewrites
docs/html-report.png, the README's picture of the report.

Prints "N passed, N failed" last; exits 1 if any check failed.
"""
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
import zlib

from ci_tools import MissingTool, skip_reason

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
DATA = os.path.join(HERE, "data", "formats")
RULES = os.path.join(DATA, "rules")
DRAFTS = os.path.join(DATA, "drafts")
SCREENSHOT = os.path.join(HERE, "..", "docs", "html-report.png")
WIDTH, HEIGHT = 1280, 900

# Highlight backgrounds by category and the severity badge colours, as in
# lint/reporting/html_formatter.cc.
CATEGORY_COLOURS = {
    "personal-data": (0xfe, 0xca, 0xca), "case-details": (0xfe, 0xd7, 0xaa),
    "tone": (0xfe, 0xf0, 0x8a), "discrimination": (0xf5, 0xd0, 0xfe),
    "impartiality": (0xbf, 0xdb, 0xfe), "jargon": (0x99, 0xf6, 0xe4),
    "spelling": (0xd9, 0xf9, 0x9d), "platform": (0xcb, 0xd5, 0xe1),
}
SEVERITY_COLOURS = {"error": (0xb9, 0x1c, 0x1c), "warning": (0xb4, 0x53, 0x09),
                    "suggestion": (0x47, 0x55, 0x69)}


def find_chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(browser, url, *args):
    profile = tempfile.mkdtemp(prefix="postcheck-chromium-")
    try:
        proc = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", *args, url],
            capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0:
        raise AssertionError(f"chromium exited {proc.returncode}: {proc.stderr.decode()[-1500:]}")
    return proc


def report(path, *drafts, cwd=None):
    proc = subprocess.run([os.path.abspath(BIN), "--no-default-rules", "--rules", RULES, "--format", "html",
                           "--fail-on", "never", *drafts], capture_output=True, cwd=cwd)
    if proc.returncode not in (0, 2):
        raise AssertionError(f"postcheck exited {proc.returncode}: {proc.stderr.decode()}")
    with open(path, "wb") as f:
        f.write(proc.stdout)


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise AssertionError(f"unsupported PNG (depth {depth}, colour {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.stack, self.drafts, self.marks, self.text = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append((tag, attrs.get("class") or ""))
        if tag == "div" and attrs.get("class") == "draft":
            self.drafts.append("")
        if tag == "mark":
            self.marks.append([attrs.get("class") or "", attrs.get("title") or "", ""])

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)
        classes = [c.split() for _, c in self.stack]
        if any("draft" in c for c in classes) and not any("ref" in c for c in classes):
            self.drafts[-1] += data
        if self.stack and self.stack[-1][0] == "mark":
            self.marks[-1][2] += data


def main():
    update = "--update-screenshot" in sys.argv
    browser = find_chromium()
    if not browser:
        try:
            print(skip_reason("chromium not found (apt-get install chromium, or set CHROMIUM)"))
        except MissingTool as e:
            print(f"FAIL: {e}")
            return 1
        return 77
    tmp = tempfile.mkdtemp(prefix="postcheck-html-")
    checks = []

    def check(name):
        def wrap(fn):
            checks.append((name, fn))
            return fn
        return wrap

    incident = os.path.join(DRAFTS, "incident.txt")
    clean = os.path.join(DRAFTS, "clean.txt")
    missing = os.path.join(DRAFTS, "does-not-exist.txt")
    page = os.path.join(tmp, "report.html")
    report(page, incident, clean, missing)
    dump = chromium(browser, "file://" + page, "--dump-dom").stdout.decode("utf-8")
    dom = Dom()
    dom.feed(dump)
    text = "".join(dom.text)

    @check("the DOM has no script, and the draft's markup is text")
    def _():
        assert "script" not in [t for t, _ in dom.tags], "a <script> element was created"
        assert '<script>alert("pwned")</script>' in dom.drafts[0], dom.drafts[0]

    @check("every draft is shown whole, as written")
    def _():
        wanted = [open(p, encoding="utf-8").read() for p in (incident, clean)]
        assert dom.drafts == wanted, dom.drafts

    @check("each finding is highlighted in its category and listed")
    def _():
        highlights = [m for m in dom.marks if m[1]]
        shown = {(m[0].split()[1], m[2]) for m in highlights}
        for wanted in [("c-personal-data", "07911 123456"), ("c-jargon", "RTC"), ("c-jargon", "MOP"),
                       ("c-tone", "lads"), ("c-impartiality", "vote for"), ("c-case-details", " the driver")]:
            assert wanted in shown, (wanted, shown)
        items = [a for t, a in dom.tags if t == "li" and "finding" in (a.get("class") or "")]
        assert len(items) == 7, len(items)
        for phrase in ("Phone number 07911 123456 in a post", "fmt.politics", "Contempt of Court Act 1981",
                       "Write 'member of the public' instead."):
            assert phrase in text, phrase

    @check("legend, summary table, clean and failed drafts")
    def _():
        legend = [m[2] for m in dom.marks if not m[1] and "multi" not in m[0]]
        assert legend == ["Personal data", "Case details", "Tone", "Discrimination", "Impartiality",
                          "Jargon", "Spelling", "Platform"], legend
        assert "Findings by category" in text
        assert "No problems found." in text and "Not checked:" in text

    shot = os.path.join(tmp, "report.png")
    report(page, os.path.join("drafts", "incident.txt"), cwd=DATA)  # a short path for the picture
    chromium(browser, "file://" + page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")

    @check("the screenshot shows every category colour and the severity badges")
    def _():
        width, height, rows = read_png(shot)
        assert (width, height) == (WIDTH, HEIGHT), (width, height)
        counts = {}
        for row in rows:
            for pixel in row:
                counts[pixel] = counts.get(pixel, 0) + 1
        for name, colour in list(CATEGORY_COLOURS.items()) + list(SEVERITY_COLOURS.items()):
            assert counts.get(colour, 0) >= 100, f"{name} {colour}: {counts.get(colour, 0)} pixels"
        # The draft's highlights are large at projector size: the phone
        # number's pink covers a good area, not just the legend swatch.
        assert counts[CATEGORY_COLOURS["personal-data"]] > 4000, counts[CATEGORY_COLOURS["personal-data"]]

    passed = failed = 0
    for name, fn in checks:
        try:
            fn()
            passed += 1
            print(f"ok   {name}")
        except Exception:  # noqa: BLE001 - report every failure and go on
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(limit=1)
    if update and not failed:
        os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
        print(f"wrote {os.path.normpath(SCREENSHOT)}")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
