"""`learnloop serve`: gunicorn in front of the Bolt app, each worker with its own connections."""

from __future__ import annotations

import gc
import logging
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.app import LAZY_WORKERS, build_app
from bot.runtime import open_runtime
from bot.scheduler import make_scheduler
from bot.settings import Settings
from bot.web import make_wsgi_app

log = logging.getLogger(__name__)

# SIGTERM lets requests in flight finish for this long, then workers are stopped: the whole
# server is gone within 10 s.
GRACEFUL_TIMEOUT_S = 8


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


def default_workers(database_url: str) -> int:
    """How many worker processes to serve with when none is asked for.

    SQLite lets one writer in at a time: threads of one process take turns without waiting
    (storage/db.py), while several processes would wait on each other in SQLite's busy handler.
    """
    return 1 if database_url.startswith("sqlite") else 2


def serve(
    settings: Settings, *, host: str, port: int, workers: int, threads: int, scheduler: bool
) -> None:
    """Migrate, then serve HTTP until SIGTERM or SIGINT."""
    open_runtime(settings, migrate=True).engine.dispose()
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "graceful_timeout": GRACEFUL_TIMEOUT_S,
        "timeout": 30,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
    }
    LearnloopServer(settings, options, scheduler=scheduler).run()
