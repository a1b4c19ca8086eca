"""When the database cannot take a write, the user is told it was not saved, and nothing is lost.

SQLite: another process holds the write lock (busy). PostgreSQL: the bot's database refuses
connections for a while (as when the server is stopped), then accepts them again.
"""

from __future__ import annotations

import sqlite3
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from storage import db
from storage.models import Learning
from tests.support.databases import end_sessions


@contextmanager
def database_unavailable(database_url: str):
    """Make the bot's database refuse to write (SQLite) or to connect (PostgreSQL)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        holder = sqlite3.connect(url.database, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    admin = create_engine(url.set(database="test"), isolation_level="AUTOCOMMIT")
    name = url.database
    with admin.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
    end_sessions(name)
    try:
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()


def _count(bot) -> int:
    with bot.deps.sessions() as session:
        return session.scalar(select(func.count()).select_from(Learning))


def test_a_learning_that_cannot_be_written_is_never_confirmed(bot, database_url):
    with database_unavailable(database_url):
        response = bot.requester.command(
            "/learning",
            "retention: exit interviews matter",
            user_id="UALICE",
            channel_id="CGENERAL",
        )
        assert response.status == 200
        assert response.elapsed < 3
        answer = response.json()["text"]
        assert "not saved" in answer
        assert "Saved as learning" not in answer

    retry = bot.requester.command(
        "/learning", "retention: exit interviews matter", user_id="UALICE", channel_id="CGENERAL"
    )
    assert "Saved as learning" in retry.json()["text"]
    assert _count(bot) == 1


def test_health_says_so_while_the_database_is_away_and_recovers(bot, database_url):
    if make_url(database_url).get_backend_name() == "sqlite":
        pytest.skip("a held SQLite write lock does not stop reads: the database still answers")
    with database_unavailable(database_url):
        try:
            urllib.request.urlopen(bot.url + "/healthz", timeout=5)
            raise AssertionError("/healthz should have answered 503")
        except urllib.error.HTTPError as error:
            assert error.code == 503
    with urllib.request.urlopen(bot.url + "/healthz", timeout=5) as response:
        assert response.status == 200


def test_connections_cut_while_the_bot_was_idle_are_replaced_before_use(
    bot, database_url, monkeypatch
):
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        pytest.skip("SQLite has no connection to lose")
    first = bot.requester.command(
        "/learning", "retention: stay interviews", user_id="UALICE", channel_id="CGENERAL"
    )
    assert "Saved as learning" in first.json()["text"]
    end_sessions(url.database)  # what a database restart does to pooled connections
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0)  # every pooled connection counts as idle
    after = bot.requester.command(
        "/learning", "retention: exit interviews", user_id="UALICE", channel_id="CGENERAL"
    )
    assert "Saved as learning" in after.json()["text"]
    assert _count(bot) == 2
