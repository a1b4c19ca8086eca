"""Slack Web API clients: every one goes to SLACK_API_URL and waits out rate limits."""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.web import SlackResponse

from bot.pacing import Turn
from bot.settings import Settings

log = logging.getLogger(__name__)

# Slack's 429 answers carry Retry-After; the SDK waits that long before each retry.
RATE_LIMIT_RETRIES = 3

# What is recorded when Slack did not answer a call in time. A post, DM or reminder may have
# been carried out all the same, so one recorded so is never sent again (twice is worse).
NO_ANSWER = "no_answer"


def refusal_reason(error: SlackApiError) -> str:
    """What Slack said when it refused a call: its error code, else the HTTP status."""
    return str(error.response.get("error") or error.response.status_code)


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A Web API client on SLACK_API_URL that waits out rate limits.

    The SDK's default handler also retries once a connection that failed or was reset; a call
    that timed out is not retried (tests/reliability/faults.py plays it), since Slack may have
    carried it out.
    """
    client = WebClient(token=token, base_url=settings.api_url, timeout=settings.slack_timeout_s)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    return client


# Slack wants an interaction acknowledged within 3 s of sending it, and a trigger_id used within
# 3 s. The Slack calls made before that must be over this long after the listener started: the
# rest is for the request's way in, a database write and the answer's way back.
ACK_SLACK_BUDGET_S = 2.0

T = TypeVar("T")


def answered_within(client: WebClient, seconds: float, call: Callable[[WebClient], T]) -> T:
    """`call(client)`, given `seconds` in all; TimeoutError when Slack has not answered by then.

    The client's timeout bounds each connection and read, not a call: the retry of a failed
    connection doubles it, and a 429 waits out Retry-After. So the call runs on a thread of its
    own, with a copy of the client (as Bolt makes one per request) that gives up as soon. A call
    given up on finishes by itself and may still be carried out: only for reads.
    """
    if seconds <= 0:
        raise TimeoutError("no time was left to ask Slack")
    quick = copy.copy(client)
    quick.timeout = min(client.timeout, seconds)
    finished = threading.Event()
    outcome: list = []

    def ask() -> None:
        try:
            outcome.append((True, call(quick)))
        except BaseException as error:  # handed to the caller, if it still waits
            outcome.append((False, error))
        finally:
            finished.set()

    threading.Thread(target=ask, name="slack-answered-within", daemon=True).start()
    if not finished.wait(seconds):
        raise TimeoutError(f"Slack did not answer within {seconds:.1f} s")
    answered, value = outcome[0]
    if not answered:
        raise value
    return value


def post_in_turn(client: WebClient, turn: Turn | None, **message: Any) -> SlackResponse:
    """chat.postMessage; in a fan-out, a 429 waits for the workspace's next turn, then again.

    A 429 means Slack posted nothing, so the same message is simply sent again. The client's
    own retries of a 429 are left out here: they would sleep Retry-After and send again into a
    moment the pacer gave to another send of the workspace. Without a turn (not in a fan-out),
    the client waits out a 429 itself.
    """
    if turn is not None:
        client = copy.copy(client)  # as Bolt makes one per request; the original is unchanged
        client.retry_handlers = [
            handler
            for handler in client.retry_handlers
            if not isinstance(handler, RateLimitErrorRetryHandler)
        ]
    while True:
        if turn is not None:
            turn.going()
        try:
            return client.chat_postMessage(**message)
        except SlackApiError as error:
            if (
                turn is None
                or error.response.status_code != 429
                or not turn.wait_again(_retry_after_s(error))
            ):
                raise


def tell_once(client: WebClient, user_id: str, about: str, *, extra: dict, **message: Any) -> None:
    """DM a person that one of their scheduled jobs stopped (`about`: what, for the log line).

    Sent at most once, never retried: the stop stays visible in App Home. A DM Slack refuses
    is logged, and so is one it did not answer in time (it may have been sent).
    """
    try:
        client.chat_postMessage(channel=user_id, **message)
    except SlackApiError as error:
        reason = refusal_reason(error)
        log.warning("could not tell %s that %s: %s", user_id, about, reason, extra=extra)
    except OSError as error:
        log.warning(
            "could not tell %s that %s: no answer from Slack (%s); it may have been sent",
            user_id,
            about,
            type(error).__name__,
            extra=extra,
        )


def _retry_after_s(error: SlackApiError) -> float:
    """Slack's Retry-After (seconds) on a 429; one second when it is missing or unreadable."""
    headers = {name.lower(): value for name, value in (error.response.headers or {}).items()}
    try:
        return float(headers["retry-after"])
    except (KeyError, ValueError):
        return 1.0
