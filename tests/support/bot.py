"""A running learnloop: the real Bolt app behind a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.app import build_app
from bot.deps import Deps
from bot.fakeslack import FakeSlack, SlackRequester
from bot.runtime import Runtime, open_runtime
from bot.settings import Settings
from bot.web import EVENTS_PATH, make_wsgi_app

SIGNING_SECRET = "test-signing-secret"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class Clock:
    """A clock tests move by hand; the bot reads it as `deps.now`."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current


@dataclass
class RunningBot:
    """The bot under test, its fake Slack, and a client that sends it signed requests."""

    url: str
    runtime: Runtime
    slack: FakeSlack
    requester: SlackRequester

    @property
    def deps(self) -> Deps:
        return self.runtime.deps


def test_settings(slack: FakeSlack, database_url: str, **overrides: str) -> Settings:
    """Settings that point the bot at the fake Slack and the test database."""
    values = {
        "bot_token": slack.bot_token,
        "signing_secret": SIGNING_SECRET,
        "app_token": slack.app_token,
        "api_url": slack.api_url,
        "database_url": database_url,
        **overrides,
    }
    return Settings(**values)


@contextmanager
def running_bot(
    settings: Settings, slack: FakeSlack, clock: Clock | None = None
) -> Iterator[RunningBot]:
    """Serve the bot over HTTP until the block ends."""
    runtime = open_runtime(settings)
    if clock is not None:
        runtime.deps.now = clock
    app = build_app(runtime.deps)
    server = make_server(
        "127.0.0.1",
        0,
        make_wsgi_app(app, runtime.engine),
        server_class=_ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        yield RunningBot(
            url=url,
            runtime=runtime,
            slack=slack,
            requester=SlackRequester(url + EVENTS_PATH, SIGNING_SECRET, slack=slack),
        )
    finally:
        server.shutdown()
        server.server_close()
        runtime.engine.dispose()
