"""How `learnloop serve` runs gunicorn: the settings it gives it and its default worker count.

Apart from bot/server.py, which loads the whole app: the bench's reference apps take the
same settings from here without loading learnloop into their workers.
"""

from __future__ import annotations

from typing import Any

# SIGTERM lets requests in flight finish for this long, then workers are stopped: the whole
# server is gone within 10 s.
GRACEFUL_TIMEOUT_S = 8


def default_workers(database_url: str) -> int:
    """How many worker processes to serve with when none is asked for (`database_url` may
    also be just the dialect's name).

    SQLite lets one writer in at a time: threads of one process take turns without waiting
    (storage/db.py), while several processes would wait on each other in SQLite's busy handler.
    """
    return 1 if database_url.startswith("sqlite") else 2


def default_threads(database_url: str) -> int:
    """Request threads per worker when none is asked for (slower work runs on the lazy
    listeners' own threads).

    On SQLite, the `/learning`s that arrive while a transaction is written share the next one
    and its commit (storage/group_commit.py): the more requests a worker holds at once, the
    fewer commits, and the fewer fsyncs, per request. Sixteen threads gave 6–12% more requests
    a second than four at concurrency 32, with a lower p99 (README, "Sixteen threads on
    SQLite"). PostgreSQL commits each row by itself, and there sixteen threads in each of two
    workers only took turns at the GIL (11% fewer requests a second).
    """
    return 16 if database_url.startswith("sqlite") else 4


def gunicorn_options(*, host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    """The gunicorn settings `learnloop serve` runs with; the bench gives its reference apps
    the same ones."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        # Each worker listens on a socket of its own and the kernel spreads new connections
        # over them. On one shared socket, the worker that wakes first takes each connection,
        # and kept-alive connections pile onto one worker while the other idles (29 of 32 seen
        # in the bench). With one worker there is nothing to spread.
        "reuse_port": workers > 1,
        "graceful_timeout": GRACEFUL_TIMEOUT_S,
        "timeout": 30,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
    }
