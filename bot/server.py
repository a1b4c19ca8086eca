"""`learnloop serve`: gunicorn in front of the Bolt app, each worker with its own connections."""

from __future__ import annotations

import gc
import logging
import socket
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.app import LAZY_WORKERS, build_app
from bot.errors import InvalidInput
from bot.gunicorn_settings import gunicorn_options
from bot.runtime import open_runtime
from bot.scheduler import make_scheduler
from bot.settings import Settings
from bot.web import make_wsgi_app

log = logging.getLogger(__name__)


class LearnloopServer(BaseApplication):
    """A gunicorn application built in code, so no config file or import string is needed."""

    def __init__(self, settings: Settings, options: dict[str, Any], *, scheduler: bool) -> None:
        self.settings = settings
        self.options = options
        self.with_scheduler = scheduler
        self._scheduler = None
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        self.cfg.set("when_ready", self._when_ready)
        self.cfg.set("on_exit", self._on_exit)

    def load(self) -> Any:
        # Runs in each worker after the fork: engines and HTTP clients are never shared.
        # Every request thread and lazy listener thread may hold a connection at once; with a
        # smaller pool, each request above its size would open and close a connection.
        runtime = open_runtime(
            self.settings, migrate=False, connections=self.options["threads"] + LAZY_WORKERS
        )
        application = make_wsgi_app(build_app(runtime.deps), runtime.engine)
        # What was built to serve lives as long as the worker: keep the garbage collector
        # from walking it again on every collection of the oldest generation.
        gc.freeze()
        return application

    def _when_ready(self, _server: Any) -> None:
        if self.with_scheduler:
            self._scheduler = make_scheduler(
                open_runtime(self.settings, migrate=False).deps, blocking=False
            )
            self._scheduler.start()
            log.info("scheduler started in the server's main process")

    def _on_exit(self, _server: Any) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)


def serve(
    settings: Settings, *, host: str, port: int, workers: int, threads: int, scheduler: bool
) -> None:
    """Migrate, then serve HTTP until SIGTERM or SIGINT."""
    refuse_if_taken(host, port)
    open_runtime(settings, migrate=True).engine.dispose()
    options = gunicorn_options(host=host, port=port, workers=workers, threads=threads)
    LearnloopServer(settings, options, scheduler=scheduler).run()


def refuse_if_taken(host: str, port: int) -> None:
    """Stop at once if nothing can listen on host:port, before gunicorn starts.

    Workers that bind their own sockets (`reuse_port`) would otherwise fail one after another
    and be started again, and a single gunicorn socket retries for five seconds first. The
    probe leaves SO_REUSEPORT off, so a server already listening there refuses it too.
    """
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As gunicorn's own sockets: a connection of a server just stopped, still in
            # TIME_WAIT, does not keep the port.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        raise InvalidInput(
            "serve.cannot_listen", field="port", host=host, port=port, reason=error.strerror
        ) from error
