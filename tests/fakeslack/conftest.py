"""Fixtures for the fake's own tests (the project-wide conftest lives in tests/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.fakeslack import FakeSlack


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A started fake with one human (U0001 alice) and #general (C0001) holding the bot."""
    slack = FakeSlack().start()
    slack.add_user("U0001", "alice")
    slack.add_channel("C0001", "general", members=["U0001", slack.bot_user_id])
    try:
        yield slack
    finally:
        slack.stop()
