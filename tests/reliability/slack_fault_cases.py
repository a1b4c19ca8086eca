"""The interactive fault tests' cases: every fault, a timeout included, played on a `bot` whose
Web API client gives up after one second."""

from __future__ import annotations

import pytest

from bot.fakeslack import FakeSlack
from tests.reliability.faults import FAULTS as REFUSALS_AND_RATE_LIMIT
from tests.reliability.faults import QUICK_TIMEOUT_S as TIMEOUT_S
from tests.reliability.faults import STALL, done, logged
from tests.support.bot import RunningBot

__all__ = ["FAULTS", "FAULT_PARAMS", "REFUSED", "TIMEOUT_S", "done", "logged", "settle"]

# name -> the fake Slack's answer to the next call (slack.inject arguments)
FAULTS = {**REFUSALS_AND_RATE_LIMIT, "timeout": STALL}
REFUSED = ("500", "ok-false")  # Slack did nothing and said so

# Timeouts wait for the client to give up, and often for a late call to land: slow.
FAULT_PARAMS = [
    pytest.param(name, marks=pytest.mark.slow) if name == "timeout" else name for name in FAULTS
]


@pytest.fixture(name="bot")
def short_timeout_bot(quick_bot: RunningBot) -> RunningBot:
    """`bot` in the modules that import it: its Slack client waits at most TIMEOUT_S."""
    return quick_bot


def settle(bot: RunningBot, slack: FakeSlack, method: str, count: int = 1) -> None:
    """Wait for the listeners, then for `count` calls of a method to be recorded (late ones)."""
    bot.wait_idle()
    slack.wait_for(method, count, timeout=5)
