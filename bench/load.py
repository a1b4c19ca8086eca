"""A load generator on one event loop: each request is a freshly signed slash command.

It shares the machine with the servers it measures, so it is built to cost them as little as
it can: one thread, no HTTP library, one kept-alive connection per unit of concurrency, and
each answer's time read the moment its last byte is parsed rather than when a thread gets the
GIL back (with a thread per connection, 32 threads contending for the GIL added their own
waits to the tail they measured, and took CPU from the servers).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import resource
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


def signed_request(host: str, path: str, secret: bytes, body: bytes) -> bytes:
    """One HTTP/1.1 POST of `body`, signed now, on a kept-alive connection."""
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in signed_headers(secret, body).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    # The generator's own CPU (user + system) per answered request: what it took from the
    # servers on a shared machine.
    client_cpu_ms_per_request: float | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float | None:
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class _Exchange(asyncio.Protocol):
    """One connection: sends a request, parses its answer, and reports status and end time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.answer: asyncio.Future | None = None
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport

    def send(self, request: bytes) -> asyncio.Future:
        self.answer = asyncio.get_running_loop().create_future()
        if self.closed.done():  # the server closed it between two requests
            self.answer.set_exception(ConnectionResetError("server closed the connection"))
        else:
            self.transport.write(request)
        return self.answer

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end_of_head = self.buffer.find(b"\r\n\r\n")
        if end_of_head < 0 or self.answer is None:
            return
        head = bytes(self.buffer[:end_of_head]).decode("latin-1").split("\r\n")
        length = 0
        keep_alive = True
        for line in head[1:]:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value.strip().lower() == "close":
                keep_alive = False
        if len(self.buffer) < end_of_head + 4 + length:
            return
        finished = time.perf_counter()
        del self.buffer[: end_of_head + 4 + length]
        status = int(head[0].split(" ", 2)[1])
        answer, self.answer = self.answer, None
        answer.set_result((status, finished, keep_alive))

    def connection_lost(self, exc: Exception | None) -> None:
        if self.answer is not None and not self.answer.done():
            self.answer.set_exception(exc or ConnectionResetError("server closed the connection"))
        if not self.closed.done():
            self.closed.set_result(None)


def run_load(
    url: str,
    secret: str,
    response_url: str,
    *,
    concurrency: int,
    requests: int,
    max_seconds: float,
) -> LoadResult:
    """Send about `requests` signed /learning commands over `concurrency` connections (bounded in time)."""
    return asyncio.run(_run(url, secret.encode(), response_url, concurrency, requests, max_seconds))


async def _run(
    url: str, key: bytes, response_url: str, concurrency: int, requests: int, max_seconds: float
) -> LoadResult:
    parts = urlsplit(url)
    host = f"{parts.hostname}:{parts.port}"
    loop = asyncio.get_running_loop()
    numbers = iter(range(requests))
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + max_seconds

    async def connect() -> _Exchange:
        _, exchange = await loop.create_connection(_Exchange, parts.hostname, parts.port)
        return exchange

    async def connection() -> None:
        nonlocal errors
        exchange = await connect()
        try:
            for n in numbers:
                if time.monotonic() >= deadline:
                    return
                request = signed_request(host, parts.path, key, command_body(n, response_url))
                started = time.perf_counter()
                try:
                    async with asyncio.timeout(30):
                        status, finished, keep_alive = await exchange.send(request)
                except (OSError, TimeoutError):
                    errors += 1
                    exchange.transport.close()
                    exchange = await connect()
                    continue
                if status == 200:
                    latencies.append((finished - started) * 1000)
                else:
                    errors += 1
                if not keep_alive:
                    exchange.transport.close()
                    exchange = await connect()
        finally:
            exchange.transport.close()
            await exchange.closed

    cpu_before = _own_cpu_seconds()
    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    seconds = time.perf_counter() - started
    cpu = _own_cpu_seconds() - cpu_before
    return LoadResult(
        len(latencies),
        errors,
        seconds,
        latencies,
        round(cpu * 1000 / len(latencies), 3) if latencies else None,
    )


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_utime + usage.ru_stime
