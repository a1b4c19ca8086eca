"""The composition root: builds the Bolt App with its clients, dependencies and listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

import handlers
from bot.deps import Deps
from bot.settings import Settings

log = logging.getLogger(__name__)

# Slack's 429 answers carry Retry-After; the SDK waits that long before each retry.
RATE_LIMIT_RETRIES = 3


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A Web API client on SLACK_API_URL that waits out rate limits and retries lost connections."""
    client = WebClient(token=token, base_url=settings.api_url, timeout=10)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=1))
    return client


def build_app(deps: Deps) -> App:
    """The Bolt App for a single workspace's bot token, every listener registered.

    Listeners run before the HTTP response is sent (`process_before_response`): a listener
    answers in its ack, and anything slower than a database write goes to a lazy listener.
    """
    settings = deps.settings
    app = App(
        client=make_web_client(settings, settings.bot_token),
        signing_secret=settings.signing_secret or "",
        process_before_response=True,
    )
    app.use(_provide(deps))
    app.error(_log_error)
    handlers.register(app)
    return app


def _provide(deps: Deps) -> Callable[..., None]:
    def provide_deps(context: BoltContext, next: Callable[[], None]) -> None:
        context["deps"] = deps
        next()

    return provide_deps


def _log_error(error: Exception, body: dict) -> None:
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    log.error("listener failed: %s", error, exc_info=error, extra={"team_id": team})
