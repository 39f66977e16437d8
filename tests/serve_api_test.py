#!/usr/bin/env python3
"""End-to-end tests of `postcheck serve`: the JSON API, every status it
answers, its headers, the token, the connection limit, the clean stop with a
request in flight, and findings byte-identical to `postcheck --format json`
over the labelled corpus (tests/corpus) and examples/.

Prints "N passed, N failed" last; exits 1 if any check failed.
"""
import glob
import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import BIN, HERE, Server  # noqa: E402

ROOT = os.path.join(HERE, "..")
JSON = {"Content-Type": "application/json"}
SECURITY_HEADERS = {
    "content-security-policy": None,  # starts with default-src 'self'
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


def corpus_drafts():
    drafts = []
    for path in sorted(glob.glob(os.path.join(HERE, "corpus", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            drafts += [json.loads(line)["text"] for line in f if line.strip()]
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.txt"))):
        with open(path, encoding="utf-8", newline="") as f:
            drafts.append(f.read())
    return drafts


def cli_findings(drafts, *args):
    """Each draft's findings from one `postcheck --format json` run, as the
    raw text of each finding object (one line each in that format)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(drafts):
            p = os.path.join(tmp, f"d{i:04d}.txt")
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            paths.append(p)
        r = subprocess.run([BIN, "--no-config", "--format", "json", "--fail-on", "never", *args, *paths],
                           capture_output=True)
    if r.returncode != 0:
        raise AssertionError(f"postcheck exited {r.returncode}: {r.stderr.decode()}")
    files, current = [], None
    for line in r.stdout.decode().split("\n"):
        if line.startswith('{"path":'):
            current = []
            files.append(current)
        elif line.startswith(' {"rule":'):
            raw = line[1:]
            for end in ("]},", "]}", ","):
                if raw.endswith(end):
                    raw = raw[: -len(end)]
                    break
            current.append(raw)
    json.loads(r.stdout)  # and the whole is JSON
    assert len(files) == len(drafts), (len(files), len(drafts))
    return files


def api_findings(body):
    """The raw text of each finding object in a /v1/lint answer."""
    text = body.decode()
    start, end = text.index('{"findings":[') + len('{"findings":['), text.index('],"summary":')
    inner = text[start:end]
    if not inner:
        return []
    parts = inner.split(',{"rule":')
    return [parts[0]] + ['{"rule":' + p for p in parts[1:]]


def assert_security_headers(test, headers, what):
    for name, value in SECURITY_HEADERS.items():
        test.assertIn(name, headers, f"{what}: no {name}")
        if value is not None:
            test.assertEqual(headers[name], value, what)
    test.assertTrue(headers["content-security-policy"].startswith("default-src 'self'"), what)
    test.assertNotIn("set-cookie", headers, what)


class SameFindingsAsCli(unittest.TestCase):
    """Every corpus draft and example through the API and through the CLI."""

    @classmethod
    def setUpClass(cls):
        cls.drafts = corpus_drafts()
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def check(self, platform, *cli_args):
        expected = cli_findings(self.drafts, *cli_args)
        conn = self.server.connection()
        with_findings = 0
        for text, want in zip(self.drafts, expected):
            status, _, body = self.server.request(
                "POST", "/v1/lint", json.dumps({"text": text, **({"platform": platform} if platform else {})}),
                JSON, conn=conn)
            self.assertEqual(status, 200, body)
            got = api_findings(body)
            self.assertEqual(got, want, text)
            answer = json.loads(body)
            severities = [json.loads(f)["severity"] for f in want]
            self.assertEqual(answer["summary"], {s: severities.count(s) for s in ("error", "warning", "suggestion")})
            with_findings += bool(got)
        conn.close()
        # Not a vacuous comparison: most drafts have findings (the rest are
        # the corpus's clean near-misses).
        self.assertGreater(with_findings, len(self.drafts) // 2)

    def test_default_options(self):
        self.check(None)

    def test_platform_x(self):
        self.check("x", "--platform", "x")

    def test_platform_bluesky_with_lengths(self):
        self.check("bluesky", "--platform", "bluesky")
        status, _, body = self.server.lint("a" * 301, "bluesky")
        answer = json.loads(body)
        self.assertEqual(answer["platform"], {"name": "bluesky", "lengths": [
            {"rule": "platform.bluesky-length", "measure": "graphemes", "count": 301, "limit": 300}]})
        self.assertEqual([f["rule"] for f in answer["findings"]], ["platform.bluesky-length"])

    def test_fix_is_the_cli_fix(self):
        for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.txt"))) + [None]:
            if path is None:
                text = "It's Mr Jones at 34 Elm Road, ring 07911 123456. RTC on the A580, the IP is ok.\r\n"
            else:
                with open(path, encoding="utf-8", newline="") as f:
                    text = f.read()
            cli = subprocess.run([BIN, "--no-config", "--fix", "-"], input=text.encode(), capture_output=True)
            # 0, or 1 when --fix leaves errors to reword by hand; never a failure to run.
            self.assertIn(cli.returncode, (0, 1), cli.stderr)
            status, _, body = self.server.lint(text)
            self.assertEqual(status, 200)
            self.assertEqual(json.loads(body)["fix"], cli.stdout.decode(), path)
        self.assertNotEqual(json.loads(self.server.lint("Ring 07911 123456 now.")[2])["fix"], "Ring 07911 123456 now.")

    def test_multibyte_bom_and_crlf_positions(self):
        drafts = ["\ufeffLes gendarmes ont arrêté Mr Jones 🚓 à 34 Elm Road.\r\nCall 07911 123456.",
                  "Ça va? 警察 said Mr Jones was arrested\n\n\nring 07911 123456"]
        expected = cli_findings(drafts)
        for text, want in zip(drafts, expected):
            self.assertTrue(want)
            self.assertEqual(api_findings(self.server.lint(text)[2]), want)


class EngineOptions(unittest.TestCase):
    def test_only_and_disable_and_rules_as_on_the_cli(self):
        drafts = corpus_drafts()[:60]
        args = ["--only", "personal-data", "--disable", "personal-data.phone-number"]
        expected = cli_findings(drafts, *args)
        with Server(*args) as server:
            for text, want in zip(drafts, expected):
                self.assertEqual(api_findings(server.lint(text)[2]), want)
            server.stop()
        demo = ["--no-default-rules", "--rules", os.path.join(HERE, "data", "cli")]
        with Server(*demo) as server:
            status, _, body = server.request("GET", "/v1/rules")
            self.assertEqual({r["id"] for r in json.loads(body)["rules"]} >= {"demo.phone"}, True)
            self.assertEqual(api_findings(server.lint("Ring me on 07911 123456.\n")[2]),
                             cli_findings(["Ring me on 07911 123456.\n"], *demo)[0])
            server.stop()

    def test_config_platform_is_the_default(self):
        with tempfile.TemporaryDirectory() as tmp:
            config = os.path.join(tmp, "c.yaml")
            with open(config, "w") as f:
                f.write("platform: x\n")
            proc = subprocess.Popen([BIN, "serve", "--listen", "127.0.0.1:0", "--config", config],
                                    stderr=subprocess.PIPE)
            line = proc.stderr.readline().decode()
            port = int(line.rsplit(":", 1)[1].strip("/\n"))
            import http.client
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            long_post = "Thanks to everyone who came to the open day. " * 7
            c.request("POST", "/v1/lint", json.dumps({"text": long_post}), JSON)
            answer = json.loads(c.getresponse().read())
            self.assertEqual(answer["platform"]["name"], "x")
            self.assertEqual([f["rule"] for f in answer["findings"]], ["platform.x-length"])
            c.request("POST", "/v1/lint", json.dumps({"text": long_post, "platform": None}), JSON)
            answer = json.loads(c.getresponse().read())
            self.assertIsNone(answer["platform"])
            self.assertEqual(answer["findings"], [])
            c.close()
            proc.send_signal(signal.SIGTERM)
            self.assertEqual(proc.wait(60), 0)
            proc.stderr.close()


class Statuses(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("--max-bytes", "4096")

    @classmethod
    def tearDownClass(cls):
        code, out, err = cls.server.stop()
        assert code == 0, err

    def expect(self, status, method, path, body=None, headers=None, error=None):
        got, h, data = self.server.request(method, path, body, headers)
        self.assertEqual(got, status, data)
        assert_security_headers(self, h, f"{method} {path} -> {status}")
        if method != "HEAD":
            answer = json.loads(data)
            if status >= 400:
                self.assertEqual(list(answer), ["error"])
                self.assertTrue(answer["error"])
                self.assertNotIn("\n", answer["error"])
                if error:
                    self.assertIn(error, answer["error"])
        return h, data

    def test_200(self):
        h, data = self.expect(200, "POST", "/v1/lint", json.dumps({"text": "Ring 07911 123456."}), JSON)
        self.assertEqual(h["content-type"], "application/json")
        answer = json.loads(data)
        self.assertEqual(list(answer), ["findings", "summary", "fix", "platform"])
        self.assertEqual(answer["findings"][0]["rule"], "personal-data.phone-number")
        self.assertEqual(answer["findings"][0]["offset"], 5)
        self.assertEqual(answer["fix"], "Ring [phone number].")
        self.expect(200, "POST", "/v1/lint", json.dumps({"text": "hi", "other": [1, {"a": None}]}),
                    {"Content-Type": "application/json; charset=UTF-8"})
        self.expect(200, "GET", "/healthz")
        self.expect(200, "HEAD", "/healthz")
        h, data = self.expect(200, "GET", "/v1/rules")
        rules = json.loads(data)["rules"]
        cli = subprocess.run([BIN, "--no-config", "--list-rules"], capture_output=True, text=True)
        self.assertEqual([r["id"] for r in rules], [l.split()[0] for l in cli.stdout.splitlines()])
        h, data = self.expect(200, "GET", "/v1/rules/personal-data.phone-number")
        rule = json.loads(data)
        self.assertEqual(rule["id"], "personal-data.phone-number")
        self.assertTrue(rule["why"] and rule["examples"]["flag"] and rule["examples"]["pass"])
        explain = subprocess.run([BIN, "--no-config", "--explain", "personal-data.phone-number"],
                                 capture_output=True, text=True).stdout
        self.assertIn("  why: " + rule["why"] + "\n", explain)
        for e in rule["examples"]["flag"]:
            self.assertIn("    - " + e["text"] + "\n", explain)

    def test_gzip_body(self):
        body = gzip.compress(json.dumps({"text": "Ring 07911 123456."}).encode())
        h, data = self.expect(200, "POST", "/v1/lint", body, {**JSON, "Content-Encoding": "gzip"})
        # A member of the public's phone number is an error (the personal-data policy).
        self.assertEqual(json.loads(data)["summary"]["error"], 1)
        # A body that inflates past --max-bytes is refused like a large one.
        bomb = gzip.compress(json.dumps({"text": "a" * 100000}).encode())
        self.assertLess(len(bomb), 4096)
        self.expect(413, "POST", "/v1/lint", bomb, {**JSON, "Content-Encoding": "gzip"})

    def test_400(self):
        self.expect(400, "POST", "/v1/lint", "not json", JSON, "body is not JSON")
        self.expect(400, "POST", "/v1/lint", "", JSON, "body is not JSON")
        self.expect(400, "POST", "/v1/lint", '{"text": "a"', JSON, "body is not JSON")
        self.expect(400, "POST", "/v1/lint", "[]", JSON, "must be a JSON object")
        self.expect(400, "POST", "/v1/lint", '"text"', JSON, "must be a JSON object")
        self.expect(400, "POST", "/v1/lint", "{}", JSON, '"text" is missing')
        self.expect(400, "POST", "/v1/lint", '{"txt": "a"}', JSON, '"text" is missing')
        for value in ("5", "null", "true", "[\"a\"]", "{\"a\": 1}"):
            self.expect(400, "POST", "/v1/lint", '{"text": %s}' % value, JSON, '"text" must be a string')
        self.expect(400, "POST", "/v1/lint", '{"text": "a", "platform": 3}', JSON, '"platform" must be')
        self.expect(400, "POST", "/v1/lint", '{"text": "a", "platform": "myspace"}', JSON, "unknown platform 'myspace'")
        self.expect(400, "POST", "/v1/lint", b'{"text": "caf\xe9"}', JSON, "not UTF-8 text at byte 13")
        self.expect(400, "POST", "/v1/lint", b'{"text": "\xed\xa0\x80"}', JSON, "not UTF-8")
        self.expect(400, "POST", "/v1/lint", '{"text": "a\\u0000b"}', JSON, "NUL byte at byte 1")
        self.expect(400, "POST", "/v1/lint", '{"text": "\\ud800"}', JSON, "body is not JSON")
        self.expect(400, "POST", "/v1/lint", "[" * 1000, JSON, "nested more than")
        self.expect(400, "POST", "/v1/lint", '{"text": "a"} x', JSON, "body is not JSON")

    def test_401_not_without_a_token(self):
        status, _, _ = self.server.request("GET", "/v1/rules", headers={"Authorization": "Bearer whatever"})
        self.assertEqual(status, 200)

    def test_404(self):
        self.expect(404, "GET", "/nope", error="no such path")
        self.expect(404, "GET", "/v1/nope")
        self.expect(404, "GET", "/v1/rules/nope.nope", error="unknown rule 'nope.nope'")
        self.expect(404, "POST", "/v2/lint", json.dumps({"text": "a"}), JSON)
        self.expect(404, "GET", "/assets/../../etc/passwd")
        self.expect(404, "GET", "/index.html")

    def test_405(self):
        for method, path, allow in (("GET", "/v1/lint", "POST"), ("PUT", "/v1/lint", "POST"),
                                    ("DELETE", "/v1/lint", "POST"), ("OPTIONS", "/v1/lint", "POST"),
                                    ("POST", "/v1/rules", "GET, HEAD"), ("POST", "/healthz", "GET, HEAD"),
                                    ("POST", "/", "GET, HEAD"), ("PATCH", "/v1/rules/tone.profanity", "GET, HEAD")):
            h, _ = self.expect(405, method, path, "{}" if method in ("POST", "PUT", "PATCH") else None, JSON)
            self.assertEqual(h["allow"], allow)

    def test_413(self):
        self.expect(413, "POST", "/v1/lint", json.dumps({"text": "a" * 5000}), JSON, "over the limit of 4096 bytes")
        # exactly at the limit is fine
        body = json.dumps({"text": "a" * (4096 - 12)})
        self.assertEqual(len(body), 4096)
        self.expect(200, "POST", "/v1/lint", body, JSON)
        # chunked, without a Content-Length
        conn = self.server.connection()
        conn.putrequest("POST", "/v1/lint")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        payload = json.dumps({"text": "b" * 6000}).encode()
        for i in range(0, len(payload), 1000):
            chunk = payload[i:i + 1000]
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
        r = conn.getresponse()
        self.assertEqual(r.status, 413)
        self.assertEqual(r.getheader("Connection"), "close")
        conn.close()

    def test_415(self):
        body = json.dumps({"text": "a"})
        self.expect(415, "POST", "/v1/lint", body, {"Content-Type": "text/plain"}, "must be JSON")
        self.expect(415, "POST", "/v1/lint", body, {}, "must be JSON")
        self.expect(415, "POST", "/v1/lint", body, {"Content-Type": "application/x-www-form-urlencoded"})
        self.expect(415, "POST", "/v1/lint", body, {"Content-Type": "application/json; charset=latin1"})
        self.expect(415, "POST", "/v1/lint", body, {**JSON, "Content-Encoding": "compress"}, "Content-Encoding")

    def test_headers_on_the_page_and_assets(self):
        for path, ctype in (("/", "text/html"), ("/assets/page.js", "text/javascript"),
                            ("/assets/page.css", "text/css")):
            status, h, data = self.server.request("GET", path)
            self.assertEqual(status, 200)
            assert_security_headers(self, h, path)
            self.assertTrue(h["content-type"].startswith(ctype), path)
            self.assertTrue(data)

    def test_keep_alive_survives_refusals_with_unread_bodies(self):
        conn = self.server.connection()
        for _ in range(3):
            self.assertEqual(self.server.request("POST", "/v1/lint", '{"text": "a"}', JSON, conn=conn)[0], 200)
            self.assertEqual(self.server.request("GET", "/healthz", conn=conn)[0], 200)
        # A refusal that leaves a body unread closes the connection after it.
        status, h, _ = self.server.request("POST", "/v1/lint", '{"text": "a"}', {"Content-Type": "text/plain"}, conn=conn)
        self.assertEqual((status, h.get("connection")), (415, "close"))
        conn.close()

    def test_bad_request_line(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
            data = s.recv(65536)
        self.assertTrue(data.startswith(b"HTTP/1.1 400 "), data)
        self.assertIn(b'{"error":"bad request"}', data)
        self.assertIn(b"X-Content-Type-Options: nosniff", data)


class Token(unittest.TestCase):
    def test_bearer_token(self):
        with tempfile.NamedTemporaryFile("w", suffix=".token", delete=False) as f:
            f.write("s3cret-token_123\n")
        try:
            with Server("--token-file", f.name) as server:
                for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token_123"},
                                {"Authorization": "Basic s3cret-token_123"}, {"Authorization": "Bearer s3cret-token_12"},
                                {"Authorization": "Bearer s3cret-token_1234"}):
                    for method, path, body in (("POST", "/v1/lint", '{"text": "a"}'), ("GET", "/v1/rules", None),
                                               ("GET", "/v1/rules/tone.profanity", None), ("GET", "/v1/nope", None)):
                        status, h, data = server.request(method, path, body, {**JSON, **headers})
                        self.assertEqual(status, 401, (headers, path))
                        self.assertEqual(h["www-authenticate"], 'Bearer realm="postcheck"')
                        self.assertIn("token", json.loads(data)["error"])
                        assert_security_headers(self, h, "401")
                good = {"Authorization": "Bearer s3cret-token_123"}
                self.assertEqual(server.lint("Ring 07911 123456.", headers=good)[0], 200)
                self.assertEqual(server.lint("a", headers={"Authorization": "bearer  s3cret-token_123 "})[0], 200)
                self.assertEqual(server.request("GET", "/v1/rules", headers=good)[0], 200)
                # The page and the health check need no token.
                self.assertEqual(server.request("GET", "/")[0], 200)
                self.assertEqual(server.request("GET", "/healthz")[0], 200)
                code, out, err = server.stop()
                self.assertEqual(code, 0)
                self.assertNotIn("s3cret", out + err)
        finally:
            os.unlink(f.name)

    def test_bad_token_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            empty = os.path.join(tmp, "empty")
            open(empty, "w").close()
            spaced = os.path.join(tmp, "spaced")
            with open(spaced, "w") as f:
                f.write("two words\n")
            for path, message in ((empty, "the token file is empty"), (spaced, "the token must be one line of printable ASCII without spaces (byte 3)"),
                                  (os.path.join(tmp, "missing"), "cannot read the token file")):
                r = subprocess.run([BIN, "serve", "--listen", "127.0.0.1:0", "--token-file", path],
                                   capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 2)
                self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
                self.assertTrue(r.stderr.startswith(f"postcheck serve: {path}: {message}"), r.stderr)
                self.assertEqual(r.stdout, "")


class Listen(unittest.TestCase):
    def test_loopback_by_default_and_a_warning_otherwise(self):
        help_text = subprocess.run([BIN, "serve", "--help"], capture_output=True, text=True).stdout
        self.assertIn("127.0.0.1:8080", help_text)
        with Server() as server:
            self.assertEqual(server.host, "127.0.0.1")
            self.assertFalse(any("warning" in l for l in server.stderr_lines))
            server.stop()
        with Server(listen="0.0.0.0:0") as server:
            self.assertEqual(server.host, "0.0.0.0")
            self.assertIn("warning", server.stderr_lines[0])
            self.assertIn("--token-file", server.stderr_lines[0])
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
            server.stop()

    def test_bad_listen_and_options(self):
        for listen, message in (("8080", "expected HOST:PORT"), ("localhost:http", "port must be a number"),
                                ("::1:8080", "IPv6 address goes in brackets"), ("127.0.0.1:99999", "port must be")):
            r = subprocess.run([BIN, "serve", "--listen", listen], capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 2, listen)
            self.assertIn(message, r.stderr)
        r = subprocess.run([BIN, "serve", "draft.txt"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("takes no FILE", r.stderr)
        r = subprocess.run([BIN, "serve", "--max-connections", "0"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        with Server() as first:  # a port already taken
            r = subprocess.run([BIN, "serve", "--listen", f"127.0.0.1:{first.port}"], capture_output=True,
                               text=True, timeout=60)
            self.assertEqual(r.returncode, 2)
            self.assertIn(f"cannot listen on 127.0.0.1:{first.port}", r.stderr)
            first.stop()


class ConnectionLimit(unittest.TestCase):
    def test_503_beyond_max_connections(self):
        with Server("--max-connections", "2") as server:
            held = [server.connection(), server.connection()]
            for c in held:
                self.assertEqual(server.request("GET", "/healthz", conn=c)[0], 200)
            status, h, data = server.request("POST", "/v1/lint", '{"text": "a"}', JSON)
            self.assertEqual(status, 503)
            self.assertEqual(json.loads(data), {"error": "too many connections; try again"})
            assert_security_headers(self, h, "503")
            self.assertEqual(h["connection"], "close")
            # The held connections still work; once one closes, a new one is let in.
            self.assertEqual(server.lint("a", headers={})[0], 503)
            self.assertEqual(server.request("POST", "/v1/lint", '{"text": "a"}', JSON, conn=held[0])[0], 200)
            held[1].close()
            for _ in range(100):
                status = server.request("GET", "/healthz")[0]
                if status == 200:
                    break
                time.sleep(0.05)
            self.assertEqual(status, 200)
            held[0].close()
            server.stop()


class Shutdown(unittest.TestCase):
    def test_request_in_flight_finishes_and_new_ones_are_refused(self):
        with tempfile.TemporaryDirectory() as cwd:
            server = Server(cwd=cwd)
            with server:
                idle = server.connection()
                self.assertEqual(server.request("GET", "/healthz", conn=idle)[0], 200)  # kept alive, idle
                body = json.dumps({"text": "It's Mr Jones at 34 Elm Road, ring 07911 123456."}).encode()
                s = socket.create_connection(("127.0.0.1", server.port), timeout=30)
                s.sendall(b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
                time.sleep(0.3)  # the server is now reading the body
                started = time.monotonic()
                server.proc.send_signal(signal.SIGTERM)
                refused = False
                for _ in range(100):
                    try:
                        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
                        time.sleep(0.05)
                    except OSError:
                        refused = True
                        break
                self.assertTrue(refused, "new connections still accepted after SIGTERM")
                s.sendall(body[10:])
                response = b""
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    response += chunk
                s.close()
                head, _, payload = response.partition(b"\r\n\r\n")
                self.assertTrue(head.startswith(b"HTTP/1.1 200 "), head)
                self.assertIn(b"Connection: close", head)
                answer = json.loads(payload)
                self.assertIn("personal-data.phone-number", [f["rule"] for f in answer["findings"]])
                code, out, err = server.stop(sig=None, timeout=60)
                self.assertLess(time.monotonic() - started, 10)  # the idle keep-alive did not hold it up
                self.assertEqual(code, 0)
                self.assertEqual(out, "")
                lines = err.splitlines()
                self.assertEqual(lines, [f"postcheck serve: listening on http://127.0.0.1:{server.port}/",
                                         "postcheck serve: stopped"])
                self.assertNotIn("Jones", err)
                idle.close()
            self.assertEqual(os.listdir(cwd), [])  # nothing written

    def test_sigint_stops_too(self):
        with Server() as server:
            self.assertEqual(server.lint("a")[0], 200)
            code, _, err = server.stop(signal.SIGINT)
            self.assertEqual(code, 0)
            self.assertTrue(err.endswith("postcheck serve: stopped\n"), err)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
