"""The composition root: builds the Bolt App with its clients, dependencies and listeners."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from slack_bolt import App, BoltContext

import handlers
from bot.clients import RATE_LIMIT_RETRIES, make_web_client
from bot.deps import Deps
from bot.logs import bind_request

log = logging.getLogger(__name__)

__all__ = ["RATE_LIMIT_RETRIES", "build_app", "make_web_client"]


def build_app(deps: Deps) -> App:
    """The Bolt App, every listener registered: one workspace's bot token, or OAuth for many.

    Listeners run before the HTTP response is sent (`process_before_response`): a listener
    answers in its ack, and anything slower than a database write goes to a lazy listener.
    """
    settings = deps.settings
    if deps.installations is not None:
        app = _oauth_app(deps)
    else:
        app = App(
            client=make_web_client(settings, settings.bot_token),
            signing_secret=settings.signing_secret or "",
            process_before_response=True,
        )
    app.use(_provide(deps))
    app.error(_log_error)
    handlers.register(app)
    return app


def _oauth_app(deps: Deps) -> App:
    from bot.install import installed
    from bot.messages import t
    from bot.oauth import make_authorize, make_oauth_settings

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
        oauth_settings=make_oauth_settings(settings, installations, on_installed),
        authorize=make_authorize(settings, installations),
        user_facing_authorize_error_message="\n".join(
            t("install.not_installed", language) for language in ("en", "fr")
        ),
    )


def _provide(deps: Deps) -> Callable[..., None]:
    def provide_deps(context: BoltContext, body: dict, next: Callable[[], None]) -> None:
        context["deps"] = deps
        # Slack's own id of what it sent, so a log line can be matched to a delivery.
        request_id = body.get("event_id") or body.get("trigger_id") or uuid.uuid4().hex[:16]
        bind_request(team_id=context.team_id, request_id=request_id)
        next()

    return provide_deps


def _log_error(error: Exception, body: dict) -> None:
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    log.error("listener failed: %s", error, exc_info=error, extra={"team_id": team})
