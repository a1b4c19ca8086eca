"""Shared by the Slack fault tests of scheduled jobs and events: the faults, and a bot whose
Web API client gives up quickly, so that a call Slack carries out late is a timeout."""

from __future__ import annotations

import logging

import pytest

from bot.fakeslack import FakeSlack

# name -> fake Slack's answer to the next call (slack.inject arguments).
FAULTS = {
    "429-then-ok": {"status": 429, "retry_after": 0},
    "500": {"status": 500},
    "ok-false": {"error": "internal_error"},
}
RETRIED_BY_CLIENT = "429-then-ok"  # the Web API client waits out Retry-After and tries again

QUICK_TIMEOUT_S = 1.0
# Longer than QUICK_TIMEOUT_S: the client gives up, and Slack carries the call out afterwards.
STALL = {"delay": 1.5}


def done(slack: FakeSlack, method: str) -> list:
    """Calls of a method that Slack carried out (200 and ok)."""
    return [c for c in slack.calls_to(method) if c.status == 200 and c.response.get("ok")]


def done_late(slack: FakeSlack, method: str, count: int = 1) -> list:
    """Wait until Slack has carried out `count` calls of a method, stalled ones included."""
    slack.wait_for(method, count, timeout=5, predicate=lambda c: c.response.get("ok"))
    return done(slack, method)


def logged(caplog: pytest.LogCaptureFixture, *words: str) -> bool:
    """Whether a warning (or worse) says all these words."""
    return any(
        all(word in record.getMessage() for word in words)
        for record in caplog.records
        if record.levelno >= logging.WARNING
    )
