"""Starts and stops `postcheck serve` for the serve tests (not a test itself).

The server listens on 127.0.0.1 port 0 (any free port) and says which port on
stderr; http.client is used throughout (it ignores proxy settings, which
urllib would not).
"""
import http.client
import json
import os
import re
import select
import signal
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))
READY = re.compile(r"^postcheck serve: listening on http://([^/]+):(\d+)/$")


class Server:
    """A running `postcheck serve` with `args` (after `serve`)."""

    def __init__(self, *args, cwd=None, env=None, listen="127.0.0.1:0"):
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.proc = subprocess.Popen([BIN, "serve", "--listen", listen, "--no-config", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=full_env)
        self.stderr_lines = []
        deadline = time.monotonic() + 60
        while True:
            line = self._read_stderr_line(deadline)
            if line is None:
                rest = self.proc.stderr.read().decode(errors="replace")
                raise AssertionError(f"postcheck serve did not start: {''.join(self.stderr_lines)}{rest}")
            self.stderr_lines.append(line)
            m = READY.match(line.rstrip("\n"))
            if m:
                self.host, self.port = m.group(1), int(m.group(2))
                return

    def _read_stderr_line(self, deadline):
        line = b""
        fd = self.proc.stderr.fileno()
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                if self.proc.poll() is not None:
                    return None
                continue
            byte = os.read(fd, 1)
            if not byte:
                return None
            line += byte
            if byte == b"\n":
                return line.decode()
        return None

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        """(status, headers dict with lower-case names, body bytes)."""
        own = conn is None
        conn = conn or self.connection()
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            if own:
                conn.close()

    def lint(self, text, platform=None, headers=None):
        body = {"text": text}
        if platform is not None:
            body["platform"] = platform
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        return self.request("POST", "/v1/lint", json.dumps(body).encode(), h)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Sends `sig` (None: none, one was sent already), waits for the exit;
        returns (exit code, stdout, stderr)."""
        if sig is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
            raise AssertionError("postcheck serve did not stop within %ss" % timeout)
        return self.proc.returncode, out.decode(errors="replace"), "".join(self.stderr_lines) + err.decode(errors="replace")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()
