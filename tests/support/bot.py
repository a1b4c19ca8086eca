"""A running learnloop for tests: the product's local server (bot/local.py) and a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from bot.fakeslack import FakeSlack
from bot.local import LocalBot, local_settings, serve_locally
from bot.settings import Settings

SIGNING_SECRET = "test-signing-secret"

# The bot under test, its fake Slack, and a client that sends it signed requests.
RunningBot = LocalBot


class Clock:
    """A clock tests move by hand; the bot reads it as `deps.now`."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current


def test_settings(slack: FakeSlack, database_url: str, **overrides: str) -> Settings:
    """Settings that point the bot at the fake Slack and the test database."""
    return local_settings(slack, database_url, SIGNING_SECRET, **overrides)


@contextmanager
def running_bot(
    settings: Settings, slack: FakeSlack, clock: Clock | None = None
) -> Iterator[RunningBot]:
    """Serve the bot over HTTP until the block ends."""
    with serve_locally(settings, slack, clock) as running:
        yield running


test_settings.__test__ = False  # a helper, though its name starts with test_
