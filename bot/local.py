"""The real bot served over HTTP on 127.0.0.1 inside this process, talking to a fake Slack.

`learnloop console` and the test suite both run learnloop this way: the same Bolt app and
handlers, requests signed and sent through a real socket, Web API calls answered by
`bot.fakeslack` on loopback. Nothing leaves the machine.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App

from bot.app import LAZY_WORKERS, ContextCopyingExecutor, build_app
from bot.deps import Deps
from bot.fakeslack import FakeSlack, SlackRequester
from bot.runtime import Runtime, open_runtime
from bot.settings import Settings
from bot.web import EVENTS_PATH, make_wsgi_app


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class ListenerTracker(Executor):
    """The thread pool Bolt runs lazy listeners on, counting what is still running.

    After a request, `wait_idle()` returns once every listener it started has finished, so
    whoever drives the bot knows when everything the bot did is visible in the fake Slack.
    """

    def __init__(self, workers: int = LAZY_WORKERS) -> None:
        self._pool = ContextCopyingExecutor(max_workers=workers, thread_name_prefix="listener")
        self._running = 0
        self._idle = threading.Condition()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        with self._idle:
            self._running += 1
        future = self._pool.submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _future: Future) -> None:
        with self._idle:
            self._running -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until no listener runs; False if some still did after `timeout` seconds."""
        with self._idle:
            return self._idle.wait_for(lambda: self._running == 0, timeout)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def track_listeners(app: App) -> ListenerTracker:
    """Run the app's asynchronous and lazy listeners on a tracked pool (before any request).

    The sync App takes its executor only as a constructor argument; its runner keeps it in
    two plain attributes, which we swap so that `build_app` stays the one way to build it.
    """
    tracker = ListenerTracker()
    runner = app.listener_runner
    runner.listener_executor = tracker
    runner.lazy_listener_runner.executor = tracker  # type: ignore[attr-defined]
    return tracker


@dataclass
class LocalBot:
    """The bot being served, its fake Slack, and a client that sends it signed requests."""

    url: str
    runtime: Runtime
    app: App
    slack: FakeSlack
    requester: SlackRequester
    listeners: ListenerTracker

    @property
    def deps(self) -> Deps:
        return self.runtime.deps

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until every listener the last requests started has finished."""
        return self.listeners.wait_idle(timeout)


def local_settings(
    slack: FakeSlack, database_url: str, signing_secret: str | None = None, **overrides: Any
) -> Settings:
    """Settings that point the bot at the fake Slack (its tokens) and at `database_url`."""
    values = {
        "bot_token": slack.bot_token,
        "signing_secret": signing_secret or secrets.token_hex(16),
        "app_token": slack.app_token,
        "api_url": slack.api_url,
        "database_url": database_url,
        **overrides,
    }
    return Settings(**values)


@contextmanager
def serve_locally(
    settings: Settings,
    slack: FakeSlack,
    now: Callable[[], datetime] | None = None,
    *,
    build: Callable[[Deps], App] = build_app,
) -> Iterator[LocalBot]:
    """Migrate the database and serve the app on an ephemeral port until the block ends."""
    runtime = open_runtime(settings)
    if now is not None:
        runtime.deps.now = now
    app = build(runtime.deps)
    tracker = track_listeners(app)
    server = make_server(
        "127.0.0.1",
        0,
        make_wsgi_app(app, runtime.engine),
        server_class=_ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="learnloop-http")
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    requester = SlackRequester(url + EVENTS_PATH, settings.signing_secret or "", slack=slack)
    try:
        yield LocalBot(
            url=url,
            runtime=runtime,
            app=app,
            slack=slack,
            requester=requester,
            listeners=tracker,
        )
    finally:
        server.shutdown()
        server.server_close()
        tracker.wait_idle(timeout=10)
        tracker.shutdown(wait=False)
        runtime.engine.dispose()
