"""Which language to answer a person in: their Slack locale, else the workspace's setting."""

from __future__ import annotations

import logging
import threading
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import LANGUAGES

log = logging.getLogger(__name__)

LOCALE_TTL_S = 3600.0


def language_of_locale(locale: str | None) -> str | None:
    """`fr` for `fr-FR` or `fr-CA`, `en` for `en-GB`; None for a language we do not speak."""
    if not locale:
        return None
    language = locale.split("-", 1)[0].lower()
    return language if language in LANGUAGES else None


class LocaleCache:
    """Users' locales, asked from Slack once an hour at most per user.

    A cache only: every process may hold its own, and losing it costs one users.info call.
    """

    def __init__(self, ttl_s: float = LOCALE_TTL_S) -> None:
        self._ttl_s = ttl_s
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, str], tuple[float, str | None]] = {}

    def language(self, client: WebClient, team_id: str, user_id: str, default: str) -> str:
        """The user's language, or `default` when Slack does not say or cannot be asked."""
        key = (team_id, user_id)
        now = time.monotonic()
        with self._lock:
            cached = self._entries.get(key)
        if cached is None or now - cached[0] > self._ttl_s:
            try:
                response = client.users_info(user=user_id, include_locale=True)
            except SlackApiError as error:
                # Not cached: the next message asks again.
                log.warning("users.info failed for a locale: %s", error.response.get("error"))
                return default
            cached = (now, language_of_locale(response["user"].get("locale")))
            with self._lock:
                self._entries[key] = cached
        return cached[1] or default
