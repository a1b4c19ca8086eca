"""Slack Web API clients: every one goes to SLACK_API_URL and waits out rate limits."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.settings import Settings

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
