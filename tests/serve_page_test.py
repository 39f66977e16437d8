#!/usr/bin/env python3
"""Drives the page of `postcheck serve` (GET /) in headless Chromium.

Chromium is driven over its DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages on file descriptors 3 and 4), so the
test needs only Python's standard library. It types a draft into the box and
checks that the highlights appear in the category colours, that each
finding's message, why and suggestion are listed, that the safer version is
the API's fix, that the platform picker counts against the limit, that a
trainer's example loads into the box, that nothing on the page fails to load
or breaks the Content-Security-Policy, that every control has a label, and
that the page fits 1024x768 and a 390-pixel phone without scrolling sideways.

Needs the Debian package chromium (or env CHROMIUM). Without it the test
exits 77 (skipped), except under CI=true, where a missing browser fails.
`python3 tests/serve_page_test.py --update-screenshot` rewrites
docs/serve-page.png, the README's picture of the page.

Prints "N passed, N failed" last; exits 1 if any check failed.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import HERE, Server  # noqa: E402

SCREENSHOT = os.path.join(HERE, "..", "docs", "serve-page.png")
DRAFT = ("It's Mr Jones at 34 Elm Road who was arrested last night - ring him on 07911 123456. "
         "RTC on the A580, the IP was taken to hospital.")


def find_chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """One headless Chromium page, driven over the DevTools pipe."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="postcheck-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4. The
        # pipes may themselves be 3 or 4, so copy them out of the way first;
        # dup2 leaves 3 and 4 inheritable, and Python's own descriptors are
        # not, so close_fds=False passes exactly these two.
        def child_fds():
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-proxy-server", "--hide-scrollbars", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable")

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise AssertionError("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise AssertionError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, timeout=60, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}")

    def viewport(self, width, height, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def open(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && !!document.getElementById('rules')")

    def problems(self):
        """Console errors, failed loads and CSP reports seen so far."""
        found = []
        for e in self.events:
            if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error":
                found.append(e["params"]["entry"]["text"])
            if e.get("method") == "Runtime.exceptionThrown":
                found.append(json.dumps(e["params"]["exceptionDetails"])[:300])
            if e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error":
                found.append(json.dumps(e["params"]["args"])[:300])
        return found

    def screenshot(self):
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


def type_draft(browser, text):
    """Types `text` into the draft box in a few bursts, as a person would."""
    browser.js("document.getElementById('draft').focus()")
    for i in range(0, len(text), 40):
        browser.call("Input.insertText", text=text[i:i + 40])
        time.sleep(0.05)


def main():
    update = "--update-screenshot" in sys.argv
    binary = find_chromium()
    if not binary:
        if os.environ.get("CI") == "true":
            print("serve_page_test: FAIL: no Chromium (install the Debian package chromium)")
            return 1
        print("serve_page_test: skipped: no Chromium (install the Debian package chromium)")
        return 77
    passed = failed = 0
    server = Server()
    browser = Browser(binary)
    url = f"http://127.0.0.1:{server.port}/"

    def check(name, fn):
        nonlocal passed, failed
        try:
            fn()
            passed += 1
            print(f"ok   {name}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()

    expected = json.loads(server.lint(DRAFT, platform="x")[2])

    def typing_shows_findings_and_fix():
        browser.viewport(1024, 768)
        browser.open(url)
        browser.js("document.getElementById('platform').value = 'x';"
                   "document.getElementById('platform').dispatchEvent(new Event('change'))")
        type_draft(browser, DRAFT)
        n = len(expected["findings"])
        browser.wait_for(f"document.querySelectorAll('#findings li').length === {n} && "
                         "document.querySelectorAll('#highlights mark').length > 0")
        listed = browser.js("[...document.querySelectorAll('#findings li')].map(li => li.innerText)")
        for f, text in zip(expected["findings"], listed):
            assert f["message"] in text, (f["message"], text)
            assert f["why"] in text, (f["why"], text)
            if f["suggestion"]:
                assert f["suggestion"] in text, (f["suggestion"], text)
        assert browser.js("document.getElementById('fix').textContent") == expected["fix"]
        assert "[phone number]" in expected["fix"]
        # Each mark covers a finding's text, in its category's colour.
        marks = browser.js("[...document.querySelectorAll('#highlights mark')].map(m => "
                           "[m.textContent, m.className, getComputedStyle(m).backgroundColor])")
        texts = [m[0] for m in marks]
        assert "07911 123456" in texts, texts
        phone = marks[texts.index("07911 123456")]
        assert phone[1] == "cat-personal-data" and phone[2] == "rgb(254, 202, 202)", phone
        # The count against X's limit.
        count = browser.js("document.getElementById('count').textContent")
        assert count == f"{len(DRAFT)} / 280", count
        assert browser.js("document.getElementById('summary').textContent").startswith("(")

    def platform_count_goes_over():
        browser.js("document.getElementById('platform').value = 'bluesky';"
                   "document.getElementById('platform').dispatchEvent(new Event('change'))")
        browser.wait_for("document.getElementById('count').textContent.endsWith('/ 300')")
        browser.js("const d = document.getElementById('draft'); d.value = 'a '.repeat(200);"
                   "d.dispatchEvent(new Event('input'))")
        browser.wait_for("document.getElementById('count').className === 'over'")
        assert browser.js("document.getElementById('count').textContent") == "400 / 300"

    def trainer_example_loads():
        browser.js("document.querySelector('#rules details.category').open = true")
        browser.js("document.querySelector('#rules details.rule').open = true")
        browser.wait_for("!!document.querySelector('#rules details.rule button.example')")
        example = browser.js("const b = document.querySelector('#rules details.rule button.example');"
                             "b.click(); b.textContent")
        assert browser.js("document.getElementById('draft').value") == example
        browser.wait_for("document.querySelectorAll('#findings li').length > 0")

    def accessible_and_fits():
        unlabelled = browser.js(
            "[...document.querySelectorAll('textarea, select, input')].filter(e => !e.labels.length && "
            "!e.getAttribute('aria-label')).map(e => e.id)")
        assert unlabelled == [], unlabelled
        assert browser.js("document.documentElement.lang") == "en-GB"
        assert browser.js("!!document.querySelector('[role=status][aria-live]')")
        for width, height, mobile in ((1024, 768, False), (390, 844, True)):
            browser.viewport(width, height, mobile)
            time.sleep(0.3)
            scroll = browser.js("document.documentElement.scrollWidth")
            assert scroll <= width, (width, scroll)
            box = browser.js("JSON.stringify(document.getElementById('draft').getBoundingClientRect())")
            assert json.loads(box)["width"] > width * 0.5, box
        browser.viewport(1024, 768)

    def nothing_failed_to_load():
        problems = browser.problems()
        assert problems == [], problems
        resources = browser.js("performance.getEntriesByType('resource').map(e => e.name)")
        assert all(r.startswith(url) for r in resources), resources

    def screenshot():
        browser.viewport(1024, 768)
        browser.open(url)
        browser.js("document.getElementById('platform').value = 'x';"
                   "document.getElementById('platform').dispatchEvent(new Event('change'))")
        type_draft(browser, DRAFT)
        browser.wait_for(f"document.querySelectorAll('#findings li').length === {len(expected['findings'])}")
        browser.js("document.querySelector('#rules details.category').open = true;"
                   "document.querySelector('#rules details.rule').open = true")
        time.sleep(0.5)
        png = browser.screenshot()
        assert png.startswith(b"\x89PNG") and len(png) > 20000, len(png)
        if update:
            with open(SCREENSHOT, "wb") as f:
                f.write(png)
            print(f"wrote {SCREENSHOT}")

    try:
        check("typing a draft shows its findings, highlights and safer version", typing_shows_findings_and_fix)
        check("the platform picker counts against the limit", platform_count_goes_over)
        check("a trainer's example loads into the draft box", trainer_example_loads)
        check("labels, live status, fits 1024x768 and a phone", accessible_and_fits)
        check("nothing fails to load or breaks the CSP", nothing_failed_to_load)
        check("screenshot", screenshot)
    finally:
        browser.close()
        code, out, err = server.stop()
        if code != 0:
            failed += 1
            print(f"FAIL server exit {code}: {err}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
