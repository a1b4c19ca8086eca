"""A load generator in Python threads: each request is a freshly signed slash command."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

USERS = ("UALICE", "UBRUNO", "UADMIN")


def command_body(n: int, response_url: str) -> bytes:
    """The form Slack posts for `/learning <text>`."""
    return urlencode(
        {
            "token": "unused",
            "team_id": "T0001",
            "team_domain": "test-workspace",
            "channel_id": "CGENERAL",
            "channel_name": "general",
            "user_id": USERS[n % len(USERS)],
            "user_name": "someone",
            "command": "/learning",
            "text": f"onboarding: pair each newcomer with a buddy (request {n})",
            "api_app_id": "A0FAKEAPP",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"bench.{n}",
        }
    ).encode()


def signed_headers(secret: bytes, body: bytes) -> dict[str, str]:
    timestamp = str(int(time.time()))
    signature = hmac.new(secret, f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": f"v0={signature}",
    }


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float | None:
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_load(
    url: str,
    secret: str,
    response_url: str,
    *,
    concurrency: int,
    requests: int,
    max_seconds: float,
) -> LoadResult:
    """Send about `requests` signed /learning commands from `concurrency` threads (bounded in time)."""
    parts = urlsplit(url)
    key = secret.encode()
    counter = iter(range(10**9))
    counter_lock = threading.Lock()
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    deadline = time.monotonic() + max_seconds

    def next_n() -> int | None:
        with counter_lock:
            n = next(counter)
        return n if n < requests else None

    def worker(slot: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                n = next_n()
                if n is None:
                    return
                body = command_body(n, response_url)
                headers = signed_headers(key, body)
                started = time.perf_counter()
                try:
                    connection.request("POST", parts.path, body=body, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                elapsed = (time.perf_counter() - started) * 1000
                if ok:
                    latencies[slot].append(elapsed)
                else:
                    errors[slot] += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    flat = [value for chunk in latencies for value in chunk]
    return LoadResult(len(flat), sum(errors), seconds, flat)
