"""The composition root: builds the Bolt App with its clients, dependencies and listeners."""

from __future__ import annotations

import contextvars
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.middleware import Middleware

import handlers
from bot.clients import RATE_LIMIT_RETRIES, make_web_client
from bot.deps import Deps
from bot.logs import bind_request

log = logging.getLogger(__name__)

__all__ = ["RATE_LIMIT_RETRIES", "build_app", "make_web_client"]

# Bolt's own default: threads that run the slower half of requests after their ack.
LAZY_WORKERS = 5


def build_app(deps: Deps) -> App:
    """The Bolt App, every listener registered: one workspace's bot token, or OAuth for many.

    Listeners run before the HTTP response is sent (`process_before_response`): a listener
    answers in its ack, and anything slower than a database write goes to a lazy listener.
    """
    settings = deps.settings
    if deps.installations is not None:
        app = _oauth_app(deps)
    else:
        logging.getLogger("slack_bolt.App").addFilter(_TOKEN_IN_OUR_CLIENT)
        app = App(
            client=make_web_client(settings, settings.bot_token),
            signing_secret=settings.signing_secret or "",
            process_before_response=True,
            listener_executor=ContextCopyingExecutor(max_workers=LAZY_WORKERS),
        )
    app.use(ProvideDeps(deps))
    app.error(_log_error)
    handlers.register(app)
    return app


class _TokenInOurClient(logging.Filter):
    """Drops Bolt's warning that the token "will be unused": Bolt reads SLACK_BOT_TOKEN itself
    whenever it is set and warns when a client is given as well, and ours carries that token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


_TOKEN_IN_OUR_CLIENT = _TokenInOurClient()


def _oauth_app(deps: Deps) -> App:
    from bot.messages import t
    from bot.workspaces.install import installed
    from bot.workspaces.oauth import make_authorize, make_oauth_settings

    settings, installations = deps.settings, deps.installations
    assert installations is not None

    def on_installed(args) -> None:
        done = args.installation
        installed(deps, done.team_id, done.enterprise_id, done.team_name)

    return App(
        # No token: each request gets its workspace's token from the installation store, and
        # the OAuth flow's oauth.v2.access goes to SLACK_API_URL through this client.
        client=make_web_client(settings),
        signing_secret=settings.signing_secret or "",
        process_before_response=True,
        listener_executor=ContextCopyingExecutor(max_workers=LAZY_WORKERS),
        oauth_settings=make_oauth_settings(settings, installations, on_installed),
        authorize=make_authorize(settings, installations),
        user_facing_authorize_error_message="\n".join(
            t("install.not_installed", language) for language in ("en", "fr")
        ),
    )


class ProvideDeps(Middleware):
    """Puts the Deps in every request's context and binds its team and id to log lines.

    A Middleware object rather than a function: Bolt calls it without working out which
    arguments it wants, which a function would cost on every request.
    """

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        req.context["deps"] = self.deps
        body = req.body
        # Slack's own id of what it sent, so a log line can be matched to a delivery.
        request_id = body.get("event_id") or body.get("trigger_id") or uuid.uuid4().hex[:16]
        bind_request(team_id=req.context.team_id, request_id=request_id)
        return next()


class ContextCopyingExecutor(ThreadPoolExecutor):
    """Runs lazy listeners with the request's context variables, so their log lines carry
    the same team and request id as the ack's."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        return super().submit(contextvars.copy_context().run, fn, *args, **kwargs)


def _log_error(error: Exception, body: dict) -> None:
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    log.error("listener failed: %s", error, exc_info=error, extra={"team_id": team})
