"""Fixtures: the bot in many-workspace (OAuth) mode, serving over HTTP against the fake Slack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.fakeslack import FakeSlack
from tests.support.bot import Clock, RunningBot, running_bot, test_settings


@pytest.fixture
def oauth_bot(slack: FakeSlack, database_url: str, clock: Clock) -> Iterator[RunningBot]:
    """The bot with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET and no bot token."""
    settings = test_settings(
        slack,
        database_url,
        bot_token=None,
        client_id=slack.client_id,
        client_secret=slack.client_secret,
    )
    with running_bot(settings, slack, clock) as running:
        yield running
