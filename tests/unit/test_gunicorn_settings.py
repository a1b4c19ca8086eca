"""How `learnloop serve` sizes gunicorn when it is not told: by the database it serves."""

from __future__ import annotations

import pytest

from bot.gunicorn_settings import default_threads, default_workers


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
