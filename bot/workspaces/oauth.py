"""Many workspaces: Slack's OAuth install flow, with installations kept in learnloop's database.

Used when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set. slack_sdk's SQLAlchemy stores keep
installations and OAuth states in tables that learnloop's migrations create
(storage/models/installations.py); each bot token is looked up by team_id when needed, so any
number of web processes and the clock share them through the database.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session, sessionmaker

from bot.manifest import BOT_SCOPES
from bot.messages import CATALOGUE, t
from bot.settings import LANGUAGES, Settings
from storage.installations import bot_token, note_enterprise
from storage.models import Workspace

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_EXPIRATION_S = 600
# A bot token found in the database is reused this long by one process; an uninstall in
# another process is seen after at most this delay (and Slack refuses a revoked token anyway).
TOKEN_CACHE_S = 60.0

# Failure reasons Bolt reports that share one explanation.
_SAME_AS = {"missing_code": "invalid_code"}


class OneTimeStateStore(SQLAlchemyOAuthStateStore):
    """OAuth states that can be consumed once, even by two callbacks racing on two machines."""

    def consume(self, state: str) -> bool:
        """Delete the state if it is known and not expired; True only for the caller that did."""
        now = datetime.now(UTC).replace(tzinfo=None)  # slack_sdk stores naive UTC
        c = self.oauth_states.c
        with self.engine.begin() as connection:
            deleted = connection.execute(
                delete(self.oauth_states).where(c.state == state, c.expire_at > now)
            ).rowcount
        return deleted == 1


class Installations:
    """The installation and OAuth state stores on learnloop's engine, and bot tokens by team."""

    def __init__(self, settings: Settings, engine: Engine, sessions: sessionmaker[Session]):
        assert settings.client_id is not None
        self.store = SQLAlchemyInstallationStore(client_id=settings.client_id, engine=engine)
        self.state_store = OneTimeStateStore(expiration_seconds=STATE_EXPIRATION_S, engine=engine)
        self._sessions = sessions
        self._lock = threading.Lock()
        self._tokens: dict[str, tuple[float, str]] = {}
        self._noted: set[tuple[str, str]] = set()

    def token(self, team_id: str) -> str | None:
        """The bot token of a workspace (its own install, else its organisation's), or None."""
        now = time.monotonic()
        with self._lock:
            cached = self._tokens.get(team_id)
        if cached is not None and now - cached[0] <= TOKEN_CACHE_S:
            return cached[1]
        with self._sessions() as session:
            workspace = session.get(Workspace, team_id)
            token = bot_token(session, team_id, workspace.enterprise_id if workspace else None)
        if token is not None:
            with self._lock:
                self._tokens[team_id] = (now, token)
        return token

    def forget(self, team_id: str) -> None:
        """Drop a workspace's cached token, after it uninstalled the app."""
        with self._lock:
            self._tokens.pop(team_id, None)

    def note_enterprise(self, team_id: str, enterprise_id: str) -> None:
        """Remember (once per process) that a workspace belongs to an Enterprise Grid
        organisation: an organisation-wide install never names its workspaces, and jobs need
        the organisation to find the token, and an uninstall to know whom it stops."""
        with self._lock:
            if (team_id, enterprise_id) in self._noted:
                return
        with self._sessions.begin() as session:
            note_enterprise(session, team_id, enterprise_id)
        with self._lock:
            self._noted.add((team_id, enterprise_id))


class LoggedAuthorize(InstallationStoreAuthorize):
    """Bolt's installation-store authorize, saying clearly which workspace has no installation,
    and noting which organisation an Enterprise Grid workspace belongs to."""

    installations: Installations | None = None

    def __call__(
        self, *, context, enterprise_id, team_id, user_id, **kwargs
    ) -> AuthorizeResult | None:
        result = super().__call__(
            context=context,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            **kwargs,
        )
        if result is not None and enterprise_id and team_id and self.installations is not None:
            self.installations.note_enterprise(team_id, enterprise_id)
        if result is None:
            log.warning(
                "no installation for workspace %s (enterprise %s): request ignored; the app "
                "must be installed there again through %s",
                team_id,
                enterprise_id or "none",
                INSTALL_PATH,
                extra={"team_id": team_id},
            )
        return result


def make_authorize(settings: Settings, installations: Installations) -> LoggedAuthorize:
    """Per-request authorization from the installation store (bot tokens only)."""
    authorize = LoggedAuthorize(
        installation_store=installations.store,
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        logger=log,
        bot_only=True,
        cache_enabled=True,
    )
    authorize.installations = installations
    return authorize


def make_oauth_settings(
    settings: Settings,
    installations: Installations,
    on_installed: Callable[[SuccessArgs], None],
) -> OAuthSettings:
    """Bolt's OAuth settings: /slack/install redirects to Slack, /slack/oauth_redirect finishes."""

    def success(args: SuccessArgs) -> BoltResponse:
        on_installed(args)
        return _page(args.request.headers, "done", team=args.installation.team_name or "Slack")

    def failure(args: FailureArgs) -> BoltResponse:
        log.warning("installation refused: %s", args.reason, exc_info=args.error)
        return _page(args.request.headers, "failed", reason=args.reason, status=_status(args))

    return OAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=BOT_SCOPES,
        user_scopes=[],
        install_path=INSTALL_PATH,
        install_page_rendering_enabled=False,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=CallbackOptions(success=success, failure=failure),
        installation_store=installations.store,
        installation_store_bot_only=True,
        state_store=installations.state_store,
        state_expiration_seconds=STATE_EXPIRATION_S,
        logger=log,
    )


def _status(args: FailureArgs) -> int:
    # Slack's own cancel comes back as a normal page; a refused state or code is the client's fault.
    return 200 if args.reason == "access_denied" else args.suggested_status_code


def page_language(headers: dict) -> str:
    """The first language of the browser's Accept-Language that learnloop speaks, else English."""
    values = headers.get("accept-language") or []
    accepted = values[0] if isinstance(values, list) and values else str(values or "")
    for part in accepted.split(","):
        language = part.split(";")[0].strip().split("-")[0].lower()
        if language in LANGUAGES:
            return language
    return "en"


def install_page_html(outcome: str, language: str, *, team: str = "", reason: str = "") -> str:
    """The page a person sees at the end of the install flow: what happened, and what to do."""
    if outcome == "done":
        title = t("install.page.title_done", language)
        text = t("install.page.done", language, team=team)
        link, label = "slack://open", t("install.page.open_slack", language)
    else:
        title = t("install.page.title_failed", language)
        key = f"install.failed.{_SAME_AS.get(reason, reason)}"
        if key in CATALOGUE:
            text = t(key, language)
        else:
            text = t("install.failed.other", language, reason=reason)
        link, label = INSTALL_PATH, t("install.page.start_again", language)
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        f'<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">'
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        f'<p><a href="{html.escape(link)}">{html.escape(label)}</a></p></body></html>\n'
    )


def _page(headers: dict, outcome: str, *, status: int = 200, **params: str) -> BoltResponse:
    body = install_page_html(outcome, page_language(headers), **params)
    return BoltResponse(
        status=status, body=body, headers={"Content-Type": "text/html; charset=utf-8"}
    )
