"""Long-running processes: `serve`, `run`, `clock`, and `migrate`."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading

from bot.app import build_app
from bot.gunicorn_settings import default_threads, default_workers
from bot.pacing import DEFAULT_WORKERS, STOPPING
from bot.runtime import open_runtime
from bot.scheduler import make_scheduler
from bot.settings import Settings

log = logging.getLogger(__name__)


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the process sub-commands."""
    serve = subparsers.add_parser("serve", help="serve Slack over HTTP (gunicorn)")
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument(
        "--workers",
        type=int,
        default=int(os.environ["WEB_CONCURRENCY"]) if os.environ.get("WEB_CONCURRENCY") else None,
        help="processes (default: $WEB_CONCURRENCY, else 1 on SQLite and 2 on PostgreSQL)",
    )
    serve.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads per worker (default: 16 on SQLite, 4 on PostgreSQL)",
    )
    serve.add_argument(
        "--no-scheduler", action="store_true", help="leave scheduled jobs to `learnloop clock`"
    )
    serve.set_defaults(handler=_serve)

    run = subparsers.add_parser("run", help="Socket Mode with the scheduler, for one machine")
    run.set_defaults(handler=_run)

    clock = subparsers.add_parser("clock", help="the scheduler alone")
    clock.set_defaults(handler=_clock)

    migrate = subparsers.add_parser("migrate", help="bring the database schema up to date")
    migrate.set_defaults(handler=_migrate)


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from bot.server import serve  # gunicorn is only needed here

    settings.require_http()
    serve(
        settings,
        host=args.host,
        port=args.port,
        workers=args.workers or default_workers(settings.database_url),
        threads=args.threads or default_threads(settings.database_url),
        scheduler=not args.no_scheduler,
    )
    return 0


def _run(settings: Settings, _args: argparse.Namespace) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    settings.require_socket_mode()
    runtime = open_runtime(settings)
    app = build_app(runtime.deps)
    scheduler = make_scheduler(runtime.deps, blocking=False)
    scheduler.start()
    handler = SocketModeHandler(app, settings.app_token)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    handler.connect()
    log.info("learnloop is running in Socket Mode; Ctrl-C to stop")
    stop.wait()
    log.info("stopping")
    handler.close()
    scheduler.shutdown(wait=False)
    runtime.engine.dispose()
    return 0


def _clock(settings: Settings, _args: argparse.Namespace) -> int:
    if not settings.oauth_enabled:
        settings.require("SLACK_BOT_TOKEN")
    # The tick and each fan-out thread may hold a connection at once.
    runtime = open_runtime(settings, connections=DEFAULT_WORKERS + 1)
    scheduler = make_scheduler(runtime.deps, blocking=True)

    def stop(*_: object) -> None:
        STOPPING.set()  # fan-outs in flight send nothing more; their claims wait for next tick
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    log.info("learnloop clock started")
    scheduler.start()
    return 0


def _migrate(settings: Settings, _args: argparse.Namespace) -> int:
    open_runtime(settings, migrate=True).engine.dispose()
    log.info("database schema is up to date")
    return 0
