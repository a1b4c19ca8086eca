"""How `learnloop serve` sizes gunicorn when it is not told: by the database it serves."""

from __future__ import annotations

import pytest

from bot.gunicorn_settings import default_threads, default_workers, gunicorn_options


@pytest.mark.parametrize(
    ("database_url", "workers", "threads"),
    [
        # one process, whose many threads' /learnings share commits
        ("sqlite:////var/lib/learnloop/learnloop.db", 1, 16),
        ("sqlite", 1, 16),
        # processes side by side, each thread committing its own rows
        ("postgresql+psycopg://learnloop@db/learnloop", 2, 4),
        ("postgresql", 2, 4),
    ],
)
def test_workers_and_threads_follow_the_database(database_url, workers, threads):
    assert (default_workers(database_url), default_threads(database_url)) == (workers, threads)


@pytest.mark.parametrize(("workers", "reuse_port"), [(1, False), (2, True)])
def test_each_worker_listens_on_its_own_socket_only_when_there_are_several(workers, reuse_port):
    options = gunicorn_options(host="127.0.0.1", port=3000, workers=workers, threads=16)
    assert options["bind"] == "127.0.0.1:3000"
    assert (options["workers"], options["threads"], options["worker_class"]) == (
        workers,
        16,
        "gthread",
    )
    assert options["reuse_port"] is reuse_port
