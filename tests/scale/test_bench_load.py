"""The benchmark's load generator: every request signed as Slack signs it, every answer counted.

A real HTTP server checks each request with slack_sdk's own SignatureVerifier, answers some
in pieces, closes the connection after others, and refuses what it is told to.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from slack_sdk.signature import SignatureVerifier

from bench.load import run_load

SECRET = "load-test-secret"


class _Slackish(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # kept-alive connections, as gunicorn's
    verifier = SignatureVerifier(SECRET)
    seen: list[dict]
    refuse_every: int = 0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        signed = self.verifier.is_valid_request(body, dict(self.headers))
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        number = int(form["trigger_id"].split(".")[1])
        self.seen.append(form)
        refused = not signed or (self.refuse_every and number % self.refuse_every == 0)
        answer = b'{"text": "ok"}' if not refused else b"no"
        self.send_response(401 if refused else 200)
        self.send_header("Content-Length", str(len(answer)))
        if number % 5 == 0:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.flush()
        # The answer's body comes in two writes: the generator must wait for all of it.
        self.wfile.write(answer[:3])
        self.wfile.flush()
        self.wfile.write(answer[3:])

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    handler = type("Handler", (_Slackish,), {"seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, handler
    httpd.shutdown()
    httpd.server_close()


def test_every_request_is_signed_sent_once_and_timed(server):
    httpd, handler = server
    url = f"http://127.0.0.1:{httpd.server_address[1]}/slack/events"

    result = run_load(
        url, SECRET, "http://example.invalid/r", concurrency=4, requests=60, max_seconds=30
    )

    assert result.requests == 60 and result.errors == 0
    assert len(result.latencies_ms) == 60 and all(ms > 0 for ms in result.latencies_ms)
    assert sorted(int(form["trigger_id"].split(".")[1]) for form in handler.seen) == list(range(60))
    assert {form["command"] for form in handler.seen} == {"/learning"}
    assert result.client_cpu_ms_per_request is not None


def test_refused_and_badly_signed_requests_are_errors_not_latencies(server):
    httpd, handler = server
    handler.refuse_every = 3
    url = f"http://127.0.0.1:{httpd.server_address[1]}/slack/events"

    refused = run_load(url, SECRET, "http://x/r", concurrency=2, requests=30, max_seconds=30)
    badly_signed = run_load(url, "wrong", "http://x/r", concurrency=2, requests=10, max_seconds=30)

    assert (refused.requests, refused.errors) == (20, 10)
    assert (badly_signed.requests, badly_signed.errors) == (0, 10)
    assert badly_signed.percentile(99) is None
