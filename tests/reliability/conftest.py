"""Fixtures of the fault tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.fakeslack import FakeSlack
from tests.reliability.faults import QUICK_TIMEOUT_S
from tests.support.bot import Clock, RunningBot, running_bot, test_settings


@pytest.fixture(name="quick_bot")
def quick_bot_fixture(slack: FakeSlack, database_url: str, clock: Clock) -> Iterator[RunningBot]:
    """`quick_bot`: the bot, with LEARNLOOP_SLACK_TIMEOUT_S at one second."""
    settings = test_settings(slack, database_url, slack_timeout_s=QUICK_TIMEOUT_S)
    with running_bot(settings, slack, clock) as running:
        yield running
