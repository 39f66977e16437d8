#!/usr/bin/env python3
"""A bounded load test of `postcheck serve` on loopback.

Starts the server, makes request cases from the labelled corpus
(tests/corpus: drafts joined to about 280 characters, with and without
--platform x) and bad requests (not JSON, no text, wrong type, unknown path,
wrong method, a body over --max-bytes, a rules lookup), answers each once on
its own to get the expected answer, then has tests/load/serve_load send
20,000 requests from 32 concurrent keep-alive clients and check that every
answer is the expected one, byte for byte. Prints requests per second,
p50/p99 latency and the server's RSS afterwards. Bounded: 300 s at most.

Env: SERVE_LOAD_REQUESTS, SERVE_LOAD_THREADS (defaults 20000 and 32).
Prints "N passed, N failed" last; exits 1 on any wrong answer or failure.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import BIN, HERE, Server  # noqa: E402

LOAD = os.path.join(os.path.dirname(os.path.abspath(BIN)), "serve_load")
MAX_BYTES = 65536


def drafts_of_280():
    texts = []
    for path in sorted(glob.glob(os.path.join(HERE, "corpus", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    drafts, current = [], ""
    for text in texts:
        current = (current + " " + text).strip()
        if len(current) >= 280:
            cut = current[:280]
            drafts.append(cut[: cut.rfind(" ")] if " " in cut else cut)
            current = ""
    return drafts


def cases():
    out = []
    for i, text in enumerate(drafts_of_280()):
        body = {"text": text}
        if i % 3 == 0:
            body["platform"] = "x"
        out.append(("POST", "/v1/lint", "application/json", json.dumps(body)))
    out += [
        ("POST", "/v1/lint", "application/json", "not json"),
        ("POST", "/v1/lint", "application/json", '{"txt": "a"}'),
        ("POST", "/v1/lint", "application/json", '{"text": 42}'),
        ("POST", "/v1/lint", "text/plain", '{"text": "a"}'),
        ("POST", "/v1/lint", "application/json", json.dumps({"text": "a " * (MAX_BYTES // 2 + 10)})),
        ("POST", "/v2/lint", "application/json", '{"text": "a"}'),
        ("GET", "/v1/lint", "", ""),
        ("DELETE", "/v1/rules", "", ""),
        ("GET", "/healthz", "", ""),
        ("GET", "/v1/rules/personal-data.phone-number", "", ""),
        ("GET", "/v1/rules/no.such-rule", "", ""),
    ]
    return out


def main():
    requests = os.environ.get("SERVE_LOAD_REQUESTS", "20000")
    threads = os.environ.get("SERVE_LOAD_THREADS", "32")
    failed = 0
    if not os.path.exists(LOAD):
        print(f"serve_load_test: FAIL: no load generator at {LOAD} (cmake --build builds it)")
        return 1
    # The default --max-connections (32): the 32 clients, reconnecting after
    # each refusal that closes its connection, must never be refused.
    with Server("--max-bytes", str(MAX_BYTES)) as server:
        expected = []
        statuses = {}
        for method, path, ctype, body in cases():
            headers = {"Content-Type": ctype} if ctype else {}
            status, _, answer = server.request(method, path, body.encode() if body else None, headers)
            statuses[status] = statuses.get(status, 0) + 1
            expected.append({"method": method, "path": path, "content_type": ctype, "body": body,
                             "status": status, "expect": answer.decode()})
        want = {200: None, 400: 3, 404: 2, 405: 2, 413: 1, 415: 1}
        for status, n in want.items():
            if status not in statuses or (n is not None and statuses[status] != n):
                print(f"FAIL the cases answered alone: {statuses}, expected {want}")
                failed += 1
        lint_cases = sum(1 for e in expected if e["path"] == "/v1/lint" and e["status"] == 200)
        print(f"cases: {lint_cases} drafts of about 280 characters, {len(expected) - lint_cases} other and bad "
              f"requests; answered alone: {dict(sorted(statuses.items()))}")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(expected, f)
        try:
            r = subprocess.run([LOAD, f.name, str(server.port), threads, requests, "300"],
                               capture_output=True, text=True, timeout=400)
        finally:
            os.unlink(f.name)
        print(r.stdout.strip())
        if r.stderr:
            print(r.stderr.strip())
        if r.returncode != 0:
            print(f"FAIL serve_load exited {r.returncode}")
            failed += 1
        status = {}
        with open(f"/proc/{server.proc.pid}/status") as st:
            for line in st:
                key, _, value = line.partition(":")
                status[key] = value.strip()
        print(f"server RSS after the load: {status.get('VmRSS')} (peak {status.get('VmHWM')}), "
              f"{status.get('Threads')} threads")
        code, out, err = server.stop()
        if code != 0 or out:
            print(f"FAIL server exit {code}, stdout {out!r}, stderr {err!r}")
            failed += 1
    print(f"{0 if failed else 1} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
