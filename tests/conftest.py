"""Fixtures: a fake Slack over HTTP, a real database (SQLite and PostgreSQL), a running bot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.fakeslack import FakeSlack
from tests.support.bot import Clock, RunningBot, running_bot, test_settings
from tests.support.databases import (
    empty_all_tables,
    postgres_unavailable_reason,
    scratch_postgres_database,
)

# CI sets this so that a missing PostgreSQL fails the run instead of skipping its tests.
REQUIRE_POSTGRES = os.environ.get("LEARNLOOP_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """One scratch PostgreSQL database for the whole run."""
    reason = postgres_unavailable_reason()
    if reason:
        if REQUIRE_POSTGRES:
            pytest.fail(reason)
        pytest.skip(reason)
    with scratch_postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each behaviour test runs on SQLite and on PostgreSQL, from an empty database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'learnloop.db'}"
    url = request.getfixturevalue("postgres_url")
    empty_all_tables(url)
    return url


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    """A fake Slack workspace with a few people and channels."""
    fake = FakeSlack()
    fake.start()
    fake.add_user("UALICE", "alice", locale="en-US")
    fake.add_user("UBRUNO", "bruno", locale="fr-FR")
    fake.add_user("UADMIN", "admin", is_admin=True)
    fake.add_channel(
        "CGENERAL", "general", members=["UALICE", "UBRUNO", "UADMIN", fake.bot_user_id]
    )
    fake.add_channel("CPRIVATE", "secret", is_private=True, members=["UALICE", fake.bot_user_id])
    yield fake
    fake.stop()


@pytest.fixture
def clock() -> Clock:
    """Time the test controls."""
    return Clock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))


@pytest.fixture
def bot(slack: FakeSlack, database_url: str, clock: Clock) -> Iterator[RunningBot]:
    """The bot running over HTTP against the fake Slack and a fresh database."""
    with running_bot(test_settings(slack, database_url), slack, clock) as running:
        yield running
