"""Settings read from the environment and `.env`, checked once at start."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values, find_dotenv

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///learnloop.db"
DEFAULT_SLACK_TIMEOUT_S = 10
LANGUAGES = ("en", "fr")

APP_SETTINGS_URL = "https://api.slack.com/apps"
WHERE_TO_FIND = {
    "SLACK_BOT_TOKEN": f"OAuth & Permissions > Bot User OAuth Token (xoxb-…) at {APP_SETTINGS_URL}",
    "SLACK_SIGNING_SECRET": f"Basic Information > App Credentials > Signing Secret at {APP_SETTINGS_URL}",
    "SLACK_APP_TOKEN": (
        f"Basic Information > App-Level Tokens, scope connections:write (xapp-…) at "
        f"{APP_SETTINGS_URL}"
    ),
    "SLACK_CLIENT_ID": f"Basic Information > App Credentials > Client ID at {APP_SETTINGS_URL}",
    "SLACK_CLIENT_SECRET": (
        f"Basic Information > App Credentials > Client Secret at {APP_SETTINGS_URL}"
    ),
}


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line that says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """Everything learnloop reads from its environment."""

    bot_token: str | None = None
    signing_secret: str | None = None
    app_token: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    api_url: str = DEFAULT_API_URL
    database_url: str = DEFAULT_DATABASE_URL
    language: str = "en"
    timezone: str = "UTC"
    log_format: str = "text"
    slack_timeout_s: float = DEFAULT_SLACK_TIMEOUT_S

    @property
    def oauth_enabled(self) -> bool:
        """Many-workspace mode: both OAuth credentials are set."""
        return bool(self.client_id and self.client_secret)

    def require(self, *names: str) -> None:
        """Stop with a clear line when a setting a command needs is absent."""
        for name in names:
            if not getattr(self, _FIELDS[name]):
                raise SettingsError(f"{name} is not set: find it under {WHERE_TO_FIND[name]}.")

    def require_http(self) -> None:
        """What `serve` needs: a signing secret and either a bot token or OAuth credentials."""
        self.require("SLACK_SIGNING_SECRET")
        if not self.oauth_enabled:
            self.require("SLACK_BOT_TOKEN")

    def require_socket_mode(self) -> None:
        """What `run` needs: a bot token and an app-level token."""
        self.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")


_FIELDS = {
    "SLACK_BOT_TOKEN": "bot_token",
    "SLACK_SIGNING_SECRET": "signing_secret",
    "SLACK_APP_TOKEN": "app_token",
    "SLACK_CLIENT_ID": "client_id",
    "SLACK_CLIENT_SECRET": "client_secret",
}


def load_settings(environ: Mapping[str, str] | None = None, *, use_dotenv: bool = True) -> Settings:
    """Read settings from `environ` (default: the process), `.env` filling what it lacks."""
    values: dict[str, str] = {}
    if use_dotenv:
        path = find_dotenv(usecwd=True)
        if path:
            values.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return parse_settings(values)


def parse_settings(values: Mapping[str, str]) -> Settings:
    """Check each value and build Settings; the first bad one raises SettingsError."""

    def get(name: str) -> str | None:
        value = values.get(name, "").strip()
        return value or None

    bot_token = _token(get("SLACK_BOT_TOKEN"), "SLACK_BOT_TOKEN", ("xoxb-",))
    app_token = _token(get("SLACK_APP_TOKEN"), "SLACK_APP_TOKEN", ("xapp-",))
    client_id, client_secret = get("SLACK_CLIENT_ID"), get("SLACK_CLIENT_SECRET")
    if bool(client_id) != bool(client_secret):
        missing = "SLACK_CLIENT_SECRET" if client_id else "SLACK_CLIENT_ID"
        raise SettingsError(
            f"{missing} is not set, and OAuth needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: "
            f"find it under {WHERE_TO_FIND[missing]}, or unset the other one."
        )
    return Settings(
        bot_token=bot_token,
        signing_secret=get("SLACK_SIGNING_SECRET"),
        app_token=app_token,
        client_id=client_id,
        client_secret=client_secret,
        api_url=_api_url(get("SLACK_API_URL") or DEFAULT_API_URL),
        database_url=_database_url(get("DATABASE_URL") or DEFAULT_DATABASE_URL),
        language=_language(get("LEARNLOOP_LANGUAGE") or "en"),
        timezone=_timezone(get("LEARNLOOP_TIMEZONE") or "UTC"),
        log_format=_log_format(get("LEARNLOOP_LOG_FORMAT") or "text"),
        slack_timeout_s=_slack_timeout(get("LEARNLOOP_SLACK_TIMEOUT_S")),
    )


def _token(value: str | None, name: str, prefixes: tuple[str, ...]) -> str | None:
    if value is not None and not value.startswith(prefixes):
        raise SettingsError(
            f"{name} should start with {' or '.join(prefixes)} (the value set does not): "
            f"copy it from {WHERE_TO_FIND[name]}."
        )
    return value


def _api_url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SettingsError(
            f"SLACK_API_URL must be an http(s) URL such as {DEFAULT_API_URL} (got {value!r})."
        )
    return value if value.endswith("/") else value + "/"


def _database_url(value: str) -> str:
    scheme = value.split(":", 1)[0]
    if scheme in ("postgres", "postgresql"):
        return "postgresql+psycopg:" + value.split(":", 1)[1]
    if scheme.startswith(("sqlite", "postgresql+")):
        return value
    raise SettingsError(
        "DATABASE_URL must be a SQLite or PostgreSQL URL, such as sqlite:///learnloop.db "
        "or postgresql://user@host:5432/learnloop."
    )


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise SettingsError(f"LEARNLOOP_LANGUAGE must be en or fr (got {value!r}).")
    return value


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"LEARNLOOP_TIMEZONE must be an IANA time zone name such as Europe/Paris "
            f"(got {value!r})."
        ) from None
    return value


def _log_format(value: str) -> str:
    if value not in ("text", "json"):
        raise SettingsError(f"LEARNLOOP_LOG_FORMAT must be text or json (got {value!r}).")
    return value


def _slack_timeout(value: str | None) -> float:
    if value is None:
        return DEFAULT_SLACK_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 0 < seconds <= 60:
        raise SettingsError(
            f"LEARNLOOP_SLACK_TIMEOUT_S must be a number of seconds between 0 and 60, such as "
            f"{DEFAULT_SLACK_TIMEOUT_S} (got {value!r})."
        )
    return seconds
